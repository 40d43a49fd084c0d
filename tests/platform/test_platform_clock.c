/* Clock: monotonic milliseconds advance with real time; the process start
 * reference comes before main; /proc/<pid>/stat parsing copes with odd names. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <cmocka.h>

#include "platform/clock.h"

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_monotonic_advances),
        cmocka_unit_test(test_process_start),
        cmocka_unit_test(test_parse_proc_stat),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
