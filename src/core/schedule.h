/* schedule.h — opening hours: when the kiosk shows and when its display sleeps.
 * Per weekday a value like "09:00-18:00", "09:00-12:00, 13:00-18:00", "20:00-02:00" (past
 * midnight), "closed" or "open"; plus closed_dates and open_dates, lists of dates
 * ("2026-12-24, 2026-12-31") and date spans ("2026-12-07..2026-12-10").
 *
 * The rules, in one place:
 *   - No value anywhere: the schedule is off and the kiosk is always open.
 *   - A weekday without a value is open all day (never a black kiosk by omission).
 *   - A range belongs to the day it starts on: friday = 20:00-02:00 runs into Saturday
 *     02:00, and it is Friday's date that closed_dates / open_dates look at.
 *   - closed_dates: those days' own ranges do not apply (the tail of the evening before
 *     still runs to its end).
 *   - open_dates (the fair's days): when given, only those days' ranges apply; every other
 *     date is closed. closed_dates wins over open_dates.
 * Times are local wall-clock times. The core never reads a clock nor a time zone: the
 * caller passes the moment (seconds since 1970, UTC) and a ScheduleZone that turns it into
 * a local date and time of day (platform/clock.h has the system's). Start with
 * schedule_set(), then schedule_is_open() and schedule_next_change(). Pure: no I/O. */
#ifndef FACTS_CORE_SCHEDULE_H
#define FACTS_CORE_SCHEDULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
    SCHEDULE_WEEKDAYS = 7,
    SCHEDULE_RANGES_MAX = 8,  /* ranges on one weekday */
    SCHEDULE_DATES_MAX = 64,  /* entries in closed_dates or open_dates (a span is one) */
    SCHEDULE_DAY_MINUTES = 24 * 60,
    SCHEDULE_DAY_SECONDS = 24 * 60 * 60,
    SCHEDULE_HORIZON_DAYS = 400, /* schedule_next_change() looks this far ahead */
};

typedef enum ScheduleWeekday {
    SCHEDULE_MONDAY = 0,
    SCHEDULE_TUESDAY,
    SCHEDULE_WEDNESDAY,
    SCHEDULE_THURSDAY,
    SCHEDULE_FRIDAY,
    SCHEDULE_SATURDAY,
    SCHEDULE_SUNDAY,
} ScheduleWeekday;

/* Open from start_min to end_min, minutes after midnight. end_min <= start_min: the range runs
 * past midnight and ends at end_min the next day. 00:00-24:00 is {0, 1440}. */
typedef struct ScheduleRange {
    int start_min; /* 0 .. 1439 */
    int end_min;   /* 0 .. 1440 */
} ScheduleRange;

typedef struct ScheduleDay {
    int count; /* 0: closed */
    ScheduleRange ranges[SCHEDULE_RANGES_MAX];
} ScheduleDay;

/* Days first .. last inclusive, counted from 1970-01-01 (day 0). */
typedef struct ScheduleSpan {
    int32_t first;
    int32_t last;
} ScheduleSpan;

typedef struct ScheduleDates {
    int count;
    ScheduleSpan spans[SCHEDULE_DATES_MAX];
} ScheduleDates;

typedef struct Schedule {
    bool active; /* false: always open */
    ScheduleDay week[SCHEDULE_WEEKDAYS]; /* [SCHEDULE_MONDAY] .. [SCHEDULE_SUNDAY] */
    ScheduleDates closed;
    ScheduleDates open; /* count 0: every date not closed is open */
} Schedule;

/* A local date and time of day. */
typedef struct ScheduleLocal {
    int32_t day;    /* days since 1970-01-01 in the local calendar */
    int32_t second; /* of that day, 0 .. 86399 */
} ScheduleLocal;

/* Turns moment t (seconds since 1970-01-01 UTC) into local time; false when it cannot (then
 * the kiosk counts as open). */
typedef bool (*ScheduleLocalFn)(void *user, int64_t t, ScheduleLocal *out);

typedef struct ScheduleZone {
    ScheduleLocalFn local;
    void *user;
} ScheduleZone;

/* Parses one weekday's value into *day: "" or "open" (all day), "closed", or ranges
 * "HH:MM-HH:MM" separated by commas (24:00 may end a range). On failure returns false, leaves
 * *day unchanged and writes into why what is wrong and what is allowed. */
bool schedule_parse_hours(const char *text, ScheduleDay *day, char *why, size_t why_size);

/* Parses a list of dates "YYYY-MM-DD" and spans "YYYY-MM-DD..YYYY-MM-DD" separated by commas
 * ("" is an empty list). On failure returns false, leaves *dates unchanged and explains in
 * why. */
bool schedule_parse_dates(const char *text, ScheduleDates *dates, char *why, size_t why_size);

/* Parses a local date and time "YYYY-MM-DDTHH:MM[:SS]" (a space may replace the T) into its
 * calendar parts. Returns false (explained in why) for anything else or a date that does
 * not exist. */
bool schedule_parse_datetime(const char *text, int *year, int *month, int *mday, int *second_of_day,
                             char *why, size_t why_size);

/* Days since 1970-01-01 of a proleptic Gregorian date (month 1..12); the inverse is
 * schedule_date(). */
int32_t schedule_day_number(int year, int month, int mday);
void schedule_date(int32_t day, int *year, int *month, int *mday);

/* The weekday of a day number. */
ScheduleWeekday schedule_weekday(int32_t day);

/* The name of a weekday as a config key ("monday"); "" when out of range. */
const char *schedule_weekday_name(ScheduleWeekday weekday);

/* Sets *schedule to always open. */
void schedule_init(Schedule *schedule);

/* Builds *schedule from the text of each weekday (hours[SCHEDULE_MONDAY] ..; NULL or "" for
 * no value), closed_dates and open_dates (NULL or "" for none). The schedule is active when
 * any of them has a value. On a bad value returns false with why naming the key
 * ("tuesday: ...") and leaves *schedule always open. */
bool schedule_set(Schedule *schedule, const char *const hours[SCHEDULE_WEEKDAYS], const char *closed_dates,
                  const char *open_dates, char *why, size_t why_size);

/* Whether the kiosk is open at moment t. True when the schedule is off or zone cannot tell. */
bool schedule_is_open(const Schedule *schedule, ScheduleZone zone, int64_t t);

/* The first moment after t at which schedule_is_open() changes, into *change. Follows the
 * zone's daylight-saving changes (a range is wall-clock time: 09:00 stays 09:00). Returns
 * false when nothing changes within SCHEDULE_HORIZON_DAYS (or the schedule is off); ask
 * again later then. */
bool schedule_next_change(const Schedule *schedule, ScheduleZone zone, int64_t t, int64_t *change);

#endif
