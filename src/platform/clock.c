/* clock.c — CLOCK_MONOTONIC milliseconds and the process start reference.
 * The kernel stamps a process's creation on the boot-time clock; comparing it
 * with CLOCK_BOOTTIME now tells how long ago exec happened, which we then move
 * onto the monotonic time line. */
#define _POSIX_C_SOURCE 200809L
#include "platform/clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum {
    MS_PER_S = 1000,
    US_PER_MS = 1000,
    NS_PER_US = 1000,
    NS_PER_MS = 1000000,
    PROC_STAT_MAX = 4096,
    /* starttime is field 22; after the ")" that ends field 2 it is the 20th. */
    STARTTIME_FIELD_AFTER_COMM = 20,
};

static bool read_clock(clockid_t id, struct timespec *ts)
{
    return clock_gettime(id, ts) == 0;
}

uint64_t clock_now_ms(void)
{
    struct timespec ts = {0};
    if (!read_clock(CLOCK_MONOTONIC, &ts)) {
        return 0;
    }
    return (uint64_t)ts.tv_sec * MS_PER_S + (uint64_t)ts.tv_nsec / NS_PER_MS;
}

uint64_t clock_now_us(void)
{
    struct timespec ts = {0};
    if (!read_clock(CLOCK_MONOTONIC, &ts)) {
        return 0;
    }
    return (uint64_t)ts.tv_sec * MS_PER_S * US_PER_MS + (uint64_t)ts.tv_nsec / NS_PER_US;
}

bool clock_parse_proc_stat_start(const char *stat_text, uint64_t *ticks)
{
    const char *p = strrchr(stat_text, ')');
    if (p == NULL) {
        return false;
    }
    p++;
    for (int field = 0; field < STARTTIME_FIELD_AFTER_COMM; field++) {
        while (*p == ' ') {
            p++;
        }
        if (*p == '\0') {
            return false;
        }
        if (field == STARTTIME_FIELD_AFTER_COMM - 1) {
            break;
        }
        while (*p != ' ' && *p != '\0') {
            p++;
        }
    }
    if (*p < '0' || *p > '9') {
        return false;
    }
    char *end = NULL;
    unsigned long long value = strtoull(p, &end, 10);
    if (*end != ' ' && *end != '\n' && *end != '\0') {
        return false;
    }
    *ticks = (uint64_t)value;
    return true;
}

/* How many ms ago the process was created, or false if unknown. */
static bool exec_age_ms(uint64_t *age_ms)
{
    char text[PROC_STAT_MAX] = {0};
    FILE *f = fopen("/proc/self/stat", "r");
    if (f == NULL) {
        return false;
    }
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';

    uint64_t ticks = 0;
    long ticks_per_s = sysconf(_SC_CLK_TCK);
    struct timespec boot = {0};
    if (!clock_parse_proc_stat_start(text, &ticks) || ticks_per_s <= 0 ||
        !read_clock(CLOCK_BOOTTIME, &boot)) {
        return false;
    }
    uint64_t started_ms = ticks * MS_PER_S / (uint64_t)ticks_per_s;
    uint64_t boot_ms = (uint64_t)boot.tv_sec * MS_PER_S + (uint64_t)boot.tv_nsec / NS_PER_MS;
    *age_ms = boot_ms > started_ms ? boot_ms - started_ms : 0;
    return true;
}

ClockStart clock_process_start(void)
{
    ClockStart start = {0};
    start.main_ms = clock_now_ms();
    start.exec_ms = start.main_ms;
    uint64_t age_ms = 0;
    if (exec_age_ms(&age_ms) && age_ms <= start.main_ms) {
        start.exec_ms = start.main_ms - age_ms;
        start.exec_known = true;
    }
    return start;
}

uint64_t clock_since_start_ms(const ClockStart *start, uint64_t now_ms)
{
    return now_ms > start->exec_ms ? now_ms - start->exec_ms : 0;
}

void clock_today(char *out, size_t size)
{
    time_t now = time(NULL);
    struct tm local = {0};
    localtime_r(&now, &local);
    if (strftime(out, size, "%Y-%m-%d", &local) == 0 && size > 0) {
        out[0] = '\0';
    }
}
