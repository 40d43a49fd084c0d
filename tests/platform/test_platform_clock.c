/* Clock: monotonic milliseconds advance with real time; the process start
 * reference comes before main; /proc/<pid>/stat parsing copes with odd names; the fake wall
 * clock for tests starts at a local time and runs at its speed; the local zone follows TZ;
 * the wall clock is trusted as "now" only with a fake clock or timesyncd's synchronized file. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "platform/clock.h"

#include <stdio.h>
#include <unistd.h>

static void test_monotonic_advances(void **state)
{
    (void)state;
    uint64_t before = clock_now_ms();
    uint64_t before_us = clock_now_us();
    struct timespec pause = {.tv_sec = 0, .tv_nsec = 20 * 1000 * 1000};
    nanosleep(&pause, NULL);
    uint64_t after = clock_now_ms();
    assert_true(before > 0);
    assert_true(after - before >= 20);
    assert_true(after - before < 5000);
    assert_true(clock_now_us() - before_us >= 20000);
}

static void test_process_start(void **state)
{
    (void)state;
    ClockStart start = clock_process_start();
    assert_true(start.exec_known); /* Linux has /proc */
    assert_true(start.exec_ms <= start.main_ms);
    /* This test program started well under a minute ago. */
    assert_true(start.main_ms - start.exec_ms < 60000);
    uint64_t now = clock_now_ms();
    assert_true(clock_since_start_ms(&start, now) >= now - start.main_ms);
    assert_int_equal(clock_since_start_ms(&start, 0), 0);
}

static void test_parse_proc_stat(void **state)
{
    (void)state;
    uint64_t ticks = 0;
    assert_true(clock_parse_proc_stat_start(
        "1234 (facts-kiosk) S 1 1234 1234 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 98765 "
        "12345678 300 18446744073709551615\n",
        &ticks));
    assert_int_equal(ticks, 98765);
    /* A command name with spaces and a ')' inside. */
    assert_true(clock_parse_proc_stat_start(
        "77 (a) b (c) R 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 4242 0\n", &ticks));
    assert_int_equal(ticks, 4242);
    assert_false(clock_parse_proc_stat_start("no parenthesis", &ticks));
    assert_false(clock_parse_proc_stat_start("1 (x) S 1 2 3", &ticks));
    assert_false(clock_parse_proc_stat_start(
        "1 (x) S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 abc 0\n", &ticks));
}

static void test_fake_wall_clock(void **state)
{
    (void)state;
    setenv("TZ", "Europe/Belgrade", 1);
    tzset();
    ClockWall wall = {0};
    char why[256] = "";
    /* 17:59:50 CET is 16:59:50 UTC. */
    int64_t start_s = (int64_t)schedule_day_number(2026, 12, 7) * 86400 + 16 * 3600 + 59 * 60 + 50;
    assert_true(clock_wall_fake(&wall, "2026-12-07T17:59:50", 10, 5000, why, sizeof why));
    assert_int_equal(clock_wall_ms(&wall, 5000), start_s * 1000);
    assert_int_equal(clock_wall_ms(&wall, 6000), (start_s + 10) * 1000); /* 10 times as fast */
    assert_int_equal(clock_wall_ms(&wall, 4000), start_s * 1000);        /* never before its start */
    assert_int_equal(clock_wall_deadline_ms(&wall, start_s + 60, 5000), 11000);
    assert_int_equal(clock_wall_deadline_ms(&wall, start_s - 1, 5000), 5000);
    char text[32] = "";
    clock_local_text(start_s, text, sizeof text);
    assert_string_equal(text, "2026-12-07 17:59:50");
    assert_false(clock_wall_fake(&wall, "2026-12-07 17:59", 0, 0, why, sizeof why));
    assert_false(clock_wall_fake(&wall, "tomorrow", 1, 0, why, sizeof why));
    assert_non_null(strstr(why, "YYYY-MM-DDTHH:MM[:SS]"));

    ClockWall real = {0};
    clock_wall_real(&real);
    int64_t now_s = (int64_t)time(NULL);
    int64_t wall_s = clock_wall_ms(&real, clock_now_ms()) / 1000;
    assert_true(wall_s >= now_s && wall_s <= now_s + 1);
    /* A real second ahead is at most a second of the monotonic clock ahead. */
    uint64_t mono = clock_now_ms();
    uint64_t due = clock_wall_deadline_ms(&real, wall_s + 1, mono);
    assert_true(due > mono && due <= mono + 1000);
}

static void test_local_zone(void **state)
{
    (void)state;
    setenv("TZ", "Europe/Belgrade", 1);
    tzset();
    ScheduleZone zone = clock_local_zone();
    ScheduleLocal local = {0};
    int64_t summer = (int64_t)schedule_day_number(2026, 7, 1) * 86400 + 12 * 3600;
    assert_true(zone.local(zone.user, summer, &local));
    assert_int_equal(local.day, schedule_day_number(2026, 7, 1));
    assert_int_equal(local.second, 14 * 3600); /* CEST */
    int64_t new_year = (int64_t)schedule_day_number(2026, 12, 31) * 86400 + 23 * 3600 + 30 * 60;
    assert_true(zone.local(zone.user, new_year, &local));
    assert_int_equal(local.day, schedule_day_number(2027, 1, 1)); /* 00:30 CET the next day */
    assert_int_equal(local.second, 30 * 60);
    setenv("TZ", "UTC", 1);
    tzset();
    assert_true(zone.local(zone.user, summer, &local));
    assert_int_equal(local.second, 12 * 3600);
}

/* "Now" only with a fake clock or timesyncd's synchronized file: both states. */
static void test_wall_trusted(void **state)
{
    (void)state;
    const char *tmp = getenv("TMPDIR") && getenv("TMPDIR")[0] ? getenv("TMPDIR") : "/tmp";
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/clock-trusted.XXXXXX", tmp);
    assert_non_null(mkdtemp(dir));
    char flag[4200];
    snprintf(flag, sizeof flag, "%s/synchronized", dir);
    assert_false(clock_wall_trusted(false, flag)); /* not synchronised, no fake clock */
    assert_true(clock_wall_trusted(true, flag));   /* --fake-clock */
    FILE *file = fopen(flag, "w");
    assert_non_null(file);
    fclose(file);
    assert_true(clock_wall_trusted(false, flag)); /* timesyncd says synchronised */
    assert_int_equal(unlink(flag), 0);
    assert_false(clock_wall_trusted(false, flag));
    assert_int_equal(rmdir(dir), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_monotonic_advances),
        cmocka_unit_test(test_process_start),
        cmocka_unit_test(test_parse_proc_stat),
        cmocka_unit_test(test_fake_wall_clock),
        cmocka_unit_test(test_local_zone),
        cmocka_unit_test(test_wall_trusted),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
