/* Opening hours (core/schedule.h): parsing and its messages, ranges, past midnight, closed and
 * open dates, the next change, and daylight saving with the system's real time-zone rules
 * (TZ=Europe/Belgrade through platform/clock.h's zone). Moments are written as UTC here
 * (utc()); a fixed-offset zone stands for "local" except in the DST tests. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/schedule.h"
#include "platform/clock.h"

static int64_t utc(int year, int month, int mday, int hour, int minute, int second)
{
    return (int64_t)schedule_day_number(year, month, mday) * 86400 + hour * 3600 + minute * 60 + second;
}

/* A zone at a fixed offset (user: int64_t seconds east of UTC). */
static bool fixed_local(void *user, int64_t t, ScheduleLocal *out)
{
    int64_t wall = t + *(const int64_t *)user;
    int64_t day = wall >= 0 ? wall / 86400 : (wall - 86399) / 86400;
    out->day = (int32_t)day;
    out->second = (int32_t)(wall - day * 86400);
    return true;
}

static int64_t utc_plus_one = 3600;
static const ScheduleZone UTC1 = {fixed_local, &utc_plus_one};

static bool no_local(void *user, int64_t t, ScheduleLocal *out)
{
    (void)user;
    (void)t;
    (void)out;
    return false;
}

/* One value for every weekday key, the rest empty. */
static void set_all(Schedule *s, const char *monday, const char *tuesday, const char *wednesday, const char *thursday,
                    const char *friday, const char *saturday, const char *sunday, const char *closed, const char *open)
{
    const char *hours[SCHEDULE_WEEKDAYS] = {monday, tuesday, wednesday, thursday, friday, saturday, sunday};
    char why[512] = "";
    bool ok = schedule_set(s, hours, closed, open, why, sizeof why);
    if (!ok) {
        fail_msg("schedule_set: %s", why);
    }
}

static void set_every_day(Schedule *s, const char *hours, const char *closed, const char *open)
{
    set_all(s, hours, hours, hours, hours, hours, hours, hours, closed, open);
}

/* ---- parsing ------------------------------------------------------------ */

static void test_parse_hours(void **state)
{
    (void)state;
    char why[512] = "";
    ScheduleDay day = {0};
    assert_true(schedule_parse_hours("09:00-18:00", &day, why, sizeof why));
    assert_int_equal(day.count, 1);
    assert_int_equal(day.ranges[0].start_min, 9 * 60);
    assert_int_equal(day.ranges[0].end_min, 18 * 60);
    assert_true(schedule_parse_hours(" 9:00 - 12:30 ,13:00-18:00 ", &day, why, sizeof why));
    assert_int_equal(day.count, 2);
    assert_int_equal(day.ranges[0].start_min, 9 * 60);
    assert_int_equal(day.ranges[0].end_min, 12 * 60 + 30);
    assert_int_equal(day.ranges[1].start_min, 13 * 60);
    assert_true(schedule_parse_hours("20:00-02:00", &day, why, sizeof why));
    assert_int_equal(day.count, 1);
    assert_int_equal(day.ranges[0].start_min, 20 * 60);
    assert_int_equal(day.ranges[0].end_min, 2 * 60);
    assert_true(schedule_parse_hours("00:00-24:00", &day, why, sizeof why));
    assert_int_equal(day.ranges[0].end_min, 24 * 60);
    assert_true(schedule_parse_hours("Closed", &day, why, sizeof why));
    assert_int_equal(day.count, 0);
    assert_true(schedule_parse_hours("open", &day, why, sizeof why));
    assert_int_equal(day.count, 1);
    assert_int_equal(day.ranges[0].start_min, 0);
    assert_int_equal(day.ranges[0].end_min, 24 * 60);
    assert_true(schedule_parse_hours("", &day, why, sizeof why));
    assert_int_equal(day.count, 1);
    assert_true(schedule_parse_hours("1:00-2:00,3:00-4:00,5:00-6:00,7:00-8:00,9:00-10:00,11:00-12:00,13:00-14:00,"
                                     "15:00-16:00",
                                     &day, why, sizeof why));
    assert_int_equal(day.count, SCHEDULE_RANGES_MAX);
}

static void test_parse_hours_errors(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        const char *says;
    } BAD[] = {
        {"9-18", "\"9-18\" does not start with a time HH:MM"},
        {"09:00", "\"09:00\" is not a range HH:MM-HH:MM"},
        {"09:00-25:00", "\"09:00-25:00\" does not end with a time"},
        {"09:60-10:00", "does not start with a time"},
        {"24:00-01:00", "starts at 24:00"},
        {"09:00-09:00", "is empty (for all day write open)"},
        {"09:00-18:00,", "a range is missing between two commas"},
        {",09:00-18:00", "a range is missing"},
        {"09:00-12:00 13:00-18:00", "does not end with a time"},
        {"always", "\"always\" does not start with a time"},
        {"closed, 09:00-10:00", "\"closed\" does not start"},
        {"1:00-2:00,3:00-4:00,5:00-6:00,7:00-8:00,9:00-10:00,11:00-12:00,13:00-14:00,15:00-16:00,17:00-18:00",
         "more than 8 ranges"},
        {"09:00-18:00xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "...\" is not a range"},
    };
    for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++) {
        char why[512] = "";
        ScheduleDay day = {.count = 5};
        assert_false(schedule_parse_hours(BAD[i].text, &day, why, sizeof why));
        assert_int_equal(day.count, 5); /* unchanged */
        if (strstr(why, BAD[i].says) == NULL || strstr(why, "allowed: open, closed, or ranges") == NULL) {
            fail_msg("\"%s\": %s", BAD[i].text, why);
        }
    }
    /* A short buffer is cut, never overrun. */
    char tiny[8] = "";
    ScheduleDay day = {0};
    assert_false(schedule_parse_hours("9-18", &day, tiny, sizeof tiny));
    assert_int_equal(strlen(tiny), sizeof tiny - 1);
}

static void test_parse_dates(void **state)
{
    (void)state;
    char why[512] = "";
    ScheduleDates dates = {0};
    assert_true(schedule_parse_dates("2026-12-24, 2026-12-31", &dates, why, sizeof why));
    assert_int_equal(dates.count, 2);
    assert_int_equal(dates.spans[0].first, schedule_day_number(2026, 12, 24));
    assert_int_equal(dates.spans[0].last, schedule_day_number(2026, 12, 24));
    assert_int_equal(dates.spans[1].first, schedule_day_number(2026, 12, 31));
    assert_true(schedule_parse_dates("2026-12-07..2026-12-10", &dates, why, sizeof why));
    assert_int_equal(dates.count, 1);
    assert_int_equal(dates.spans[0].last - dates.spans[0].first, 3);
    assert_true(schedule_parse_dates("  ", &dates, why, sizeof why));
    assert_int_equal(dates.count, 0);
    assert_true(schedule_parse_dates("2028-02-29", &dates, why, sizeof why)); /* a leap year */

    static const struct {
        const char *text;
        const char *says;
    } BAD[] = {
        {"2026-02-30", "\"2026-02-30\" is not a date YYYY-MM-DD that exists"},
        {"2027-02-29", "is not a date YYYY-MM-DD that exists"},
        {"24.12.2026", "\"24.12.2026\" is not a date"},
        {"2026-12-31..2026-12-01", "ends before it starts"},
        {"2026-12-01..", "does not end with a date"},
        {"2026-12-24,,2026-12-25", "a date is missing between two commas"},
        {"2026-12-24 2026-12-25", "is not a date YYYY-MM-DD or a span"},
        {"2026-13-01", "is not a date"},
        {"1969-12-31", "is not a date"},
    };
    for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++) {
        ScheduleDates kept = {.count = 3};
        assert_false(schedule_parse_dates(BAD[i].text, &kept, why, sizeof why));
        assert_int_equal(kept.count, 3);
        if (strstr(why, BAD[i].says) == NULL || strstr(why, "allowed: dates YYYY-MM-DD") == NULL) {
            fail_msg("\"%s\": %s", BAD[i].text, why);
        }
    }
}

static void test_parse_datetime_and_calendar(void **state)
{
    (void)state;
    char why[256] = "";
    int y = 0, m = 0, d = 0, s = 0;
    assert_true(schedule_parse_datetime("2026-12-07T17:59:50", &y, &m, &d, &s, why, sizeof why));
    assert_int_equal(y, 2026);
    assert_int_equal(m, 12);
    assert_int_equal(d, 7);
    assert_int_equal(s, 17 * 3600 + 59 * 60 + 50);
    assert_true(schedule_parse_datetime("2026-12-07 09:00", &y, &m, &d, &s, why, sizeof why));
    assert_int_equal(s, 9 * 3600);
    assert_false(schedule_parse_datetime("2026-12-07T24:00", &y, &m, &d, &s, why, sizeof why));
    assert_false(schedule_parse_datetime("2026-12-07", &y, &m, &d, &s, why, sizeof why));
    assert_false(schedule_parse_datetime("2026-12-07T17:59:50Z", &y, &m, &d, &s, why, sizeof why));
    assert_non_null(strstr(why, "YYYY-MM-DDTHH:MM[:SS]"));

    assert_int_equal(schedule_day_number(1970, 1, 1), 0);
    assert_int_equal(schedule_day_number(2026, 12, 7), 20794);
    assert_int_equal(schedule_weekday(0), SCHEDULE_THURSDAY);
    assert_int_equal(schedule_weekday(20794), SCHEDULE_MONDAY);
    assert_int_equal(schedule_weekday(schedule_day_number(2026, 12, 24)), SCHEDULE_THURSDAY);
    assert_int_equal(schedule_weekday(-1), SCHEDULE_WEDNESDAY);
    for (int32_t day = -800; day < 120000; day += 13) {
        schedule_date(day, &y, &m, &d);
        assert_int_equal(schedule_day_number(y, m, d), day);
    }
    assert_string_equal(schedule_weekday_name(SCHEDULE_SUNDAY), "sunday");
    assert_string_equal(schedule_weekday_name((ScheduleWeekday)7), "");
}

static void test_set_reports_the_key_and_stays_open(void **state)
{
    (void)state;
    Schedule s = {0};
    char why[512] = "";
    const char *hours[SCHEDULE_WEEKDAYS] = {"09:00-18:00", "9-18"};
    assert_false(schedule_set(&s, hours, NULL, NULL, why, sizeof why));
    assert_non_null(strstr(why, "tuesday = 9-18: \"9-18\" does not start with a time"));
    assert_false(s.active);
    assert_true(schedule_is_open(&s, UTC1, utc(2026, 12, 8, 3, 0, 0)));
    const char *none[SCHEDULE_WEEKDAYS] = {0};
    assert_false(schedule_set(&s, none, "2026-12-24", "someday", why, sizeof why));
    assert_non_null(strstr(why, "open_dates = someday: \"someday\" is not a date"));
    assert_false(s.active);
    /* Nothing set: off, always open, nothing ever changes. */
    assert_true(schedule_set(&s, none, "", NULL, why, sizeof why));
    assert_false(s.active);
    assert_true(schedule_is_open(&s, UTC1, utc(2026, 12, 8, 3, 0, 0)));
    int64_t change = 0;
    assert_false(schedule_next_change(&s, UTC1, utc(2026, 12, 8, 3, 0, 0), &change));
}

/* ---- open or closed ------------------------------------------------------ */

static void test_weekday_ranges(void **state)
{
    (void)state;
    Schedule s = {0};
    /* Monday 2026-12-07 (local = UTC+1). Sunday is unset: open all day. */
    set_all(&s, "09:00-12:00, 13:00-18:00", "closed", NULL, NULL, NULL, "10:00-14:00", NULL, NULL, NULL);
    assert_true(s.active);
    assert_false(schedule_is_open(&s, UTC1, utc(2026, 12, 7, 7, 59, 59))); /* 08:59:59 local */
    assert_true(schedule_is_open(&s, UTC1, utc(2026, 12, 7, 8, 0, 0)));    /* 09:00 */
    assert_true(schedule_is_open(&s, UTC1, utc(2026, 12, 7, 10, 59, 59)));
    assert_false(schedule_is_open(&s, UTC1, utc(2026, 12, 7, 11, 0, 0))); /* 12:00: lunch */
    assert_true(schedule_is_open(&s, UTC1, utc(2026, 12, 7, 12, 0, 0)));
    assert_false(schedule_is_open(&s, UTC1, utc(2026, 12, 7, 17, 0, 0))); /* 18:00 */
    assert_false(schedule_is_open(&s, UTC1, utc(2026, 12, 8, 10, 0, 0))); /* Tuesday: closed */
    assert_true(schedule_is_open(&s, UTC1, utc(2026, 12, 9, 2, 0, 0)));   /* Wednesday: all day */
    assert_true(schedule_is_open(&s, UTC1, utc(2026, 12, 12, 9, 0, 0)));  /* Saturday 10:00 */
    assert_false(schedule_is_open(&s, UTC1, utc(2026, 12, 12, 13, 0, 0)));
    assert_true(schedule_is_open(&s, UTC1, utc(2026, 12, 13, 22, 30, 0)));  /* Sunday 23:30: open all day... */
    assert_false(schedule_is_open(&s, UTC1, utc(2026, 12, 13, 23, 30, 0))); /* ...Monday 00:30: opens at 09:00 */
    ScheduleZone broken = {no_local, NULL};
    assert_true(schedule_is_open(&s, broken, utc(2026, 12, 8, 10, 0, 0))); /* no local time: stays on */
}

static void test_past_midnight(void **state)
{
    (void)state;
    Schedule s = {0};
    /* Friday 2026-12-11 20:00 to Saturday 02:00; Saturday closed, so what shows at Saturday 01:00 is Friday's. */
    set_all(&s, "closed", "closed", "closed", "closed", "20:00-02:00", "closed", "22:00-00:00", NULL, NULL);
    assert_false(schedule_is_open(&s, UTC1, utc(2026, 12, 11, 18, 59, 59)));
    assert_true(schedule_is_open(&s, UTC1, utc(2026, 12, 11, 19, 0, 0)));  /* Fri 20:00 */
    assert_true(schedule_is_open(&s, UTC1, utc(2026, 12, 11, 23, 30, 0))); /* Sat 00:30 */
    assert_true(schedule_is_open(&s, UTC1, utc(2026, 12, 12, 0, 59, 59))); /* Sat 01:59:59 */
    assert_false(schedule_is_open(&s, UTC1, utc(2026, 12, 12, 1, 0, 0)));  /* Sat 02:00 */
    assert_true(schedule_is_open(&s, UTC1, utc(2026, 12, 13, 21, 0, 0)));  /* Sun 22:00 */
    assert_false(schedule_is_open(&s, UTC1, utc(2026, 12, 13, 23, 0, 0))); /* Mon 00:00 */
    int64_t change = 0;
    assert_true(schedule_next_change(&s, UTC1, utc(2026, 12, 11, 12, 0, 0), &change));
    assert_int_equal(change, utc(2026, 12, 11, 19, 0, 0));
    assert_true(schedule_next_change(&s, UTC1, change, &change));
    assert_int_equal(change, utc(2026, 12, 12, 1, 0, 0)); /* across midnight: one range, no change at 00:00 */
    assert_true(schedule_next_change(&s, UTC1, change, &change));
    assert_int_equal(change, utc(2026, 12, 13, 21, 0, 0));
    assert_true(schedule_next_change(&s, UTC1, change, &change));
    assert_int_equal(change, utc(2026, 12, 13, 23, 0, 0));
}

static void test_closed_and_open_dates(void **state)
{
    (void)state;
    Schedule s = {0};
    set_every_day(&s, "09:00-18:00", "2026-12-24, 2026-12-31", NULL);
    assert_true(schedule_is_open(&s, UTC1, utc(2026, 12, 23, 10, 0, 0)));
    assert_false(schedule_is_open(&s, UTC1, utc(2026, 12, 24, 10, 0, 0)));
    assert_true(schedule_is_open(&s, UTC1, utc(2026, 12, 25, 10, 0, 0)));
    int64_t change = 0;
    assert_true(schedule_next_change(&s, UTC1, utc(2026, 12, 23, 16, 0, 0), &change));
    assert_int_equal(change, utc(2026, 12, 23, 17, 0, 0)); /* 18:00 on the 23rd */
    assert_true(schedule_next_change(&s, UTC1, change, &change));
    assert_int_equal(change, utc(2026, 12, 25, 8, 0, 0)); /* the 24th skipped */

    /* The fair: open only from the 7th to the 10th, and not on the 9th; the evening tail of a
     * fair day still runs into the next day. */
    set_all(&s, "09:00-18:00", "09:00-18:00", "09:00-18:00", "18:00-01:00", NULL, NULL, NULL, "2026-12-09",
            "2026-12-07..2026-12-10");
    assert_false(schedule_is_open(&s, UTC1, utc(2026, 12, 6, 10, 0, 0)));  /* Sunday: not a fair day */
    assert_true(schedule_is_open(&s, UTC1, utc(2026, 12, 7, 10, 0, 0)));   /* Monday */
    assert_false(schedule_is_open(&s, UTC1, utc(2026, 12, 9, 10, 0, 0)));  /* closed wins */
    assert_true(schedule_is_open(&s, UTC1, utc(2026, 12, 10, 23, 30, 0))); /* Fri 00:30: Thursday's tail */
    assert_false(schedule_is_open(&s, UTC1, utc(2026, 12, 11, 10, 0, 0))); /* Friday: after the fair */
    assert_true(schedule_next_change(&s, UTC1, utc(2026, 12, 1, 0, 0, 0), &change));
    assert_int_equal(change, utc(2026, 12, 7, 8, 0, 0));
    assert_true(schedule_next_change(&s, UTC1, utc(2026, 12, 8, 17, 0, 0), &change));
    assert_int_equal(change, utc(2026, 12, 10, 17, 0, 0)); /* Wed the 9th closed: Thursday 18:00 */
    assert_true(schedule_next_change(&s, UTC1, change, &change));
    assert_int_equal(change, utc(2026, 12, 11, 0, 0, 0)); /* Friday 01:00 */
    /* Then nothing for a year: no change known. */
    assert_false(schedule_next_change(&s, UTC1, change, &change));
}

static void test_next_change(void **state)
{
    (void)state;
    Schedule s = {0};
    set_all(&s, "09:00-12:00, 13:00-18:00", "09:00-18:00", NULL, NULL, NULL, "closed", "closed", NULL, NULL);
    int64_t change = 0;
    /* Monday 17:59:50 local: closes 10 s later, opens Tuesday 09:00. */
    assert_true(schedule_next_change(&s, UTC1, utc(2026, 12, 7, 16, 59, 50), &change));
    assert_int_equal(change, utc(2026, 12, 7, 17, 0, 0));
    assert_true(schedule_next_change(&s, UTC1, change, &change));
    assert_int_equal(change, utc(2026, 12, 8, 8, 0, 0));
    /* Exactly at a boundary the change is the next one, strictly later. */
    assert_true(schedule_next_change(&s, UTC1, utc(2026, 12, 7, 11, 0, 0), &change));
    assert_int_equal(change, utc(2026, 12, 7, 12, 0, 0));
    /* Tuesday 10:00: one range, the next change is its end. */
    assert_true(schedule_next_change(&s, UTC1, utc(2026, 12, 8, 9, 0, 0), &change));
    assert_int_equal(change, utc(2026, 12, 8, 17, 0, 0));
    /* Friday has no value (open all day): it closes at midnight, the weekend is closed, Monday
     * 09:00 opens. */
    assert_true(schedule_next_change(&s, UTC1, utc(2026, 12, 11, 12, 0, 0), &change));
    assert_int_equal(change, utc(2026, 12, 11, 23, 0, 0));
    assert_true(schedule_next_change(&s, UTC1, change, &change));
    assert_int_equal(change, utc(2026, 12, 14, 8, 0, 0));
    /* Every day closed: no change within the horizon. */
    set_every_day(&s, "closed", NULL, NULL);
    assert_false(schedule_is_open(&s, UTC1, utc(2026, 12, 7, 12, 0, 0)));
    assert_false(schedule_next_change(&s, UTC1, utc(2026, 12, 7, 12, 0, 0), &change));
    ScheduleZone broken = {no_local, NULL};
    assert_false(schedule_next_change(&s, broken, utc(2026, 12, 7, 12, 0, 0), &change));
}

/* Walks every change from start for count changes and checks each against the brute-force
 * answer: the state one second before differs from the state at the change, and nothing
 * changes in between (checked every 60 s and around each change). */
static void check_changes_by_brute_force(const Schedule *s, ScheduleZone zone, int64_t start, int count)
{
    int64_t at = start;
    for (int i = 0; i < count; i++) {
        int64_t change = 0;
        assert_true(schedule_next_change(s, zone, at, &change));
        assert_true(change > at);
        bool before = schedule_is_open(s, zone, at);
        for (int64_t t = at; t < change; t += 60) {
            assert_int_equal(schedule_is_open(s, zone, t), before);
        }
        assert_int_equal(schedule_is_open(s, zone, change - 1), before);
        assert_int_not_equal(schedule_is_open(s, zone, change), before);
        at = change;
    }
}

/* ---- daylight saving: the system's zone rules ----------------------------- */

/* Europe/Belgrade from the system's tzdata; skips the test when the zone is not installed
 * (glibc then silently uses UTC). */
static void use_belgrade(void)
{
    setenv("TZ", "Europe/Belgrade", 1);
    tzset();
    ScheduleZone zone = clock_local_zone();
    ScheduleLocal summer = {0};
    int64_t noon = utc(2026, 7, 1, 12, 0, 0);
    if (!zone.local(zone.user, noon, &summer) || summer.second != 14 * 3600) {
        print_message("no tzdata for Europe/Belgrade here: the DST test is skipped\n");
        skip();
    }
}

static void test_dst_spring_forward(void **state)
{
    (void)state;
    use_belgrade();
    ScheduleZone zone = clock_local_zone();
    Schedule s = {0};
    set_every_day(&s, "09:00-18:00", NULL, NULL);
    /* Saturday 2026-03-28 18:00 CET (17:00 UTC); the clocks go from 02:00 CET to 03:00 CEST
     * that night, so Sunday 09:00 is 07:00 UTC: 13 hours later, not 14. */
    int64_t change = 0;
    assert_true(schedule_next_change(&s, zone, utc(2026, 3, 28, 16, 0, 0), &change));
    assert_int_equal(change, utc(2026, 3, 28, 17, 0, 0));
    assert_true(schedule_next_change(&s, zone, change, &change));
    assert_int_equal(change, utc(2026, 3, 29, 7, 0, 0));
    assert_true(schedule_is_open(&s, zone, utc(2026, 3, 29, 7, 0, 0)));
    assert_false(schedule_is_open(&s, zone, utc(2026, 3, 29, 6, 59, 59)));

    /* A range across the missing hour: 01:00-02:30 opens at 01:00 CET (00:00 UTC) and closes
     * when the clock jumps from 01:59:59 CET to 03:00 CEST (01:00 UTC), past 02:30. */
    set_every_day(&s, "01:00-02:30", NULL, NULL);
    assert_true(schedule_next_change(&s, zone, utc(2026, 3, 28, 23, 30, 0), &change));
    assert_int_equal(change, utc(2026, 3, 29, 0, 0, 0));
    assert_true(schedule_next_change(&s, zone, change, &change));
    assert_int_equal(change, utc(2026, 3, 29, 1, 0, 0));
    assert_true(schedule_next_change(&s, zone, change, &change));
    assert_int_equal(change, utc(2026, 3, 29, 23, 0, 0)); /* Monday 01:00 CEST */
    check_changes_by_brute_force(&s, zone, utc(2026, 3, 27, 0, 0, 0), 8);
}

static void test_dst_fall_back(void **state)
{
    (void)state;
    use_belgrade();
    ScheduleZone zone = clock_local_zone();
    Schedule s = {0};
    /* Sunday 2026-10-25: 03:00 CEST becomes 02:00 CET (01:00 UTC). 02:15-02:45 comes twice. */
    set_every_day(&s, "02:15-02:45", NULL, NULL);
    int64_t change = 0;
    int64_t expected[] = {
        utc(2026, 10, 25, 0, 15, 0), /* 02:15 CEST */
        utc(2026, 10, 25, 0, 45, 0), /* 02:45 CEST */
        utc(2026, 10, 25, 1, 15, 0), /* 02:15 CET */
        utc(2026, 10, 25, 1, 45, 0), /* 02:45 CET */
        utc(2026, 10, 26, 1, 15, 0), /* Monday 02:15 CET */
    };
    int64_t at = utc(2026, 10, 24, 12, 0, 0);
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++) {
        assert_true(schedule_next_change(&s, zone, at, &change));
        assert_int_equal(change, expected[i]);
        at = change;
    }
    /* 09:00-18:00 after the change: Saturday 18:00 CEST is 16:00 UTC, Sunday 09:00 CET 08:00 UTC. */
    set_every_day(&s, "09:00-18:00", NULL, NULL);
    assert_true(schedule_next_change(&s, zone, utc(2026, 10, 24, 16, 0, 0), &change));
    assert_int_equal(change, utc(2026, 10, 25, 8, 0, 0));
    set_every_day(&s, "20:00-03:30", NULL, NULL);
    check_changes_by_brute_force(&s, zone, utc(2026, 10, 23, 0, 0, 0), 8);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_hours),
        cmocka_unit_test(test_parse_hours_errors),
        cmocka_unit_test(test_parse_dates),
        cmocka_unit_test(test_parse_datetime_and_calendar),
        cmocka_unit_test(test_set_reports_the_key_and_stays_open),
        cmocka_unit_test(test_weekday_ranges),
        cmocka_unit_test(test_past_midnight),
        cmocka_unit_test(test_closed_and_open_dates),
        cmocka_unit_test(test_next_change),
        cmocka_unit_test(test_dst_spring_forward),
        cmocka_unit_test(test_dst_fall_back),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
