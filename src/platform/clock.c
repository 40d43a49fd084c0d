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

static bool local_of(void *user, int64_t t, ScheduleLocal *out)
{
    (void)user;
    time_t moment = (time_t)t;
    struct tm local = {0};
    if ((int64_t)moment != t || localtime_r(&moment, &local) == NULL) {
        return false;
    }
    int second = local.tm_sec > 59 ? 59 : local.tm_sec; /* a leap second */
    out->day = schedule_day_number(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
    out->second = (local.tm_hour * 60 + local.tm_min) * 60 + second;
    return true;
}

ScheduleZone clock_local_zone(void)
{
    tzset(); /* localtime_r() reads TZ once; take the zone as it is now */
    return (ScheduleZone){.local = local_of, .user = NULL};
}

void clock_wall_real(ClockWall *wall)
{
    *wall = (ClockWall){.fake = false, .speed = 1};
}

bool clock_wall_fake(ClockWall *wall, const char *local_text, int speed, uint64_t now_ms, char *why,
                     size_t why_size)
{
    int year = 0;
    int month = 0;
    int mday = 0;
    int second = 0;
    if (speed < 1) {
        snprintf(why, why_size, "speed %d is not 1 or more", speed);
        return false;
    }
    if (!schedule_parse_datetime(local_text, &year, &month, &mday, &second, why, why_size)) {
        return false;
    }
    struct tm local = {
        .tm_year = year - 1900,
        .tm_mon = month - 1,
        .tm_mday = mday,
        .tm_hour = second / 3600,
        .tm_min = second / 60 % 60,
        .tm_sec = second % 60,
        .tm_isdst = -1, /* whatever the zone says for that date */
    };
    time_t t = mktime(&local);
    if (t == (time_t)-1) {
        snprintf(why, why_size, "is not a time this system can represent");
        return false;
    }
    *wall = (ClockWall){.fake = true, .start_ms = (int64_t)t * MS_PER_S, .mono_start_ms = now_ms, .speed = speed};
    return true;
}

int64_t clock_wall_ms(const ClockWall *wall, uint64_t now_ms)
{
    if (wall->fake) {
        uint64_t since = now_ms > wall->mono_start_ms ? now_ms - wall->mono_start_ms : 0;
        return wall->start_ms + (int64_t)since * wall->speed;
    }
    struct timespec ts = {0};
    if (!read_clock(CLOCK_REALTIME, &ts)) {
        return 0;
    }
    return (int64_t)ts.tv_sec * MS_PER_S + ts.tv_nsec / NS_PER_MS + wall->offset_ms;
}

uint64_t clock_wall_deadline_ms(const ClockWall *wall, int64_t wall_s, uint64_t now_ms)
{
    int64_t ahead_ms = wall_s * MS_PER_S - clock_wall_ms(wall, now_ms);
    if (ahead_ms <= 0) {
        return now_ms;
    }
    int speed = wall->speed > 0 ? wall->speed : 1;
    return now_ms + (uint64_t)((ahead_ms + speed - 1) / speed);
}

void clock_local_text(int64_t t, char *out, size_t size)
{
    time_t moment = (time_t)t;
    struct tm local = {0};
    if (localtime_r(&moment, &local) == NULL || strftime(out, size, "%Y-%m-%d %H:%M:%S", &local) == 0) {
        snprintf(out, size, "%lld", (long long)t);
    }
}

bool clock_wall_trusted(bool fake, const char *synchronized_path)
{
    return fake || access(synchronized_path ? synchronized_path : "/run/systemd/timesync/synchronized", F_OK) == 0;
}

void clock_boot_id(char *out, size_t size)
{
    if (size == 0) {
        return;
    }
    out[0] = '\0';
    FILE *f = fopen("/proc/sys/kernel/random/boot_id", "r");
    if (f == NULL) {
        return;
    }
    if (fgets(out, (int)size, f) == NULL) {
        out[0] = '\0';
    }
    out[strcspn(out, "\n")] = '\0';
    fclose(f);
}
