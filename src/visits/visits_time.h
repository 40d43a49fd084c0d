/* visits_time.h — when a visitor statistic happened. Each event carries three clocks: the
 * monotonic milliseconds the kiosk's loop runs on (lengths and dwell times, immune to the
 * wall clock being set at boot), the Unix time, and the local offset from UTC at that
 * moment (the day and hour the report counts it under, fixed at record time so a report
 * made elsewhere or after a time-zone change says the same). Tests build them by hand with
 * visits_time_at(); the kiosk takes visits_time_now(). */
#ifndef FACTS_VISITS_VISITS_TIME_H
#define FACTS_VISITS_VISITS_TIME_H

#include <stddef.h>
#include <stdint.h>

enum { VISITS_DAY_SIZE = 11 }; /* "YYYY-MM-DD" and its NUL */

typedef struct VisitsTime {
    uint64_t mono_ms;     /* the loop's clock (platform/clock.h clock_now_ms) */
    int64_t wall_s;       /* Unix time, seconds */
    int32_t utc_offset_s; /* local time = wall_s + utc_offset_s */
} VisitsTime;

/* The time now: mono_ms as given, the wall clock and this machine's local offset. */
VisitsTime visits_time_now(uint64_t mono_ms);

/* A time given in parts (tests, and a clock that is not this machine's). */
VisitsTime visits_time_at(uint64_t mono_ms, int64_t wall_s, int32_t utc_offset_s);

/* The local date of t as "YYYY-MM-DD" into out (at least VISITS_DAY_SIZE bytes). */
void visits_time_day(VisitsTime t, char out[VISITS_DAY_SIZE]);

/* Local seconds since the local midnight of t, 0 .. 86399. */
int32_t visits_time_of_day_s(VisitsTime t);

/* Unix seconds of local midnight starting the date "YYYY-MM-DD" at offset 0 (UTC), or -1
 * when day is not such a date. For tests and for walking days. */
int64_t visits_day_start_s(const char *day);

#endif
