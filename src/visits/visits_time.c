/* visits_time.c — civil dates from Unix seconds without the C library's time-zone state
 * (Howard Hinnant's days_from_civil / civil_from_days); see visits_time.h. */
#define _POSIX_C_SOURCE 200809L
#include "visits/visits_time.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

enum { DAY_S = 86400 };

static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = floor_div(y, 400);
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
    z += 719468;
    int64_t era = floor_div(z, 146097);
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

VisitsTime visits_time_at(uint64_t mono_ms, int64_t wall_s, int32_t utc_offset_s)
{
    return (VisitsTime){.mono_ms = mono_ms, .wall_s = wall_s, .utc_offset_s = utc_offset_s};
}

VisitsTime visits_time_now(uint64_t mono_ms)
{
    struct timespec now = {0};
    clock_gettime(CLOCK_REALTIME, &now);
    time_t t = now.tv_sec;
    struct tm local = {0};
    int32_t offset = 0;
    if (localtime_r(&t, &local) != NULL) {
        /* The offset is what the local broken-down time says minus the Unix time. */
        int64_t local_s = days_from_civil((int64_t)local.tm_year + 1900, local.tm_mon + 1, local.tm_mday) * DAY_S +
                          local.tm_hour * 3600 + local.tm_min * 60 + local.tm_sec;
        offset = (int32_t)(local_s - (int64_t)t);
    }
    return visits_time_at(mono_ms, (int64_t)t, offset);
}

void visits_time_day(VisitsTime t, char out[VISITS_DAY_SIZE])
{
    int64_t y = 0;
    int m = 0;
    int d = 0;
    civil_from_days(floor_div(t.wall_s + t.utc_offset_s, DAY_S), &y, &m, &d);
    if (y < 0 || y > 9999) {
        y = y < 0 ? 0 : 9999;
    }
    snprintf(out, VISITS_DAY_SIZE, "%04d-%02d-%02d", (int)y, m, d);
}

int32_t visits_time_of_day_s(VisitsTime t)
{
    int64_t local = t.wall_s + t.utc_offset_s;
    return (int32_t)(local - floor_div(local, DAY_S) * DAY_S);
}

int64_t visits_day_start_s(const char *day)
{
    int y = 0;
    int m = 0;
    int d = 0;
    char rest = 0;
    if (!day || strlen(day) != 10 || sscanf(day, "%4d-%2d-%2d%c", &y, &m, &d, &rest) != 3 || m < 1 || m > 12 ||
        d < 1 || d > 31) {
        return -1;
    }
    return days_from_civil(y, m, d) * DAY_S;
}
