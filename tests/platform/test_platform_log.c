/* Logging: line format, level filter, journald priority prefixes, one line
 * per call, and log-once keys (including the growth and the cap). */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "platform/log.h"

typedef struct Capture {
    char *text;
    size_t size;
    FILE *out;
    Log log;
} Capture;

static void capture_open(Capture *c, LogLevel level, LogStyle style)
{
    *c = (Capture){0};
    c->out = open_memstream(&c->text, &c->size);
    assert_non_null(c->out);
    log_create(&c->log, c->out, level, style);
}

/* Everything written so far (stays valid until capture_close). */
static const char *capture_text(Capture *c)
{
    fflush(c->out);
    return c->text;
}

static void capture_close(Capture *c)
{
    log_destroy(&c->log);
    fclose(c->out);
    free(c->text);
}

static int count_lines(const char *text)
{
    int lines = 0;
    for (; *text != '\0'; text++) {
        lines += *text == '\n';
    }
    return lines;
}

static void test_line_format(void **state)
{
    (void)state;
    Capture c;
    capture_open(&c, LOG_INFO, LOG_STYLE_TERMINAL);
    log_write(&c.log, LOG_WARN, "render", "font %s: not found", "assets/fonts/x.ttf");
    assert_string_equal(capture_text(&c), "[warn] render: font assets/fonts/x.ttf: not found\n");
    capture_close(&c);

    capture_open(&c, LOG_DEBUG, LOG_STYLE_JOURNAL);
    log_write(&c.log, LOG_ERROR, "content", "pack %d: broken", 3);
    log_write(&c.log, LOG_WARN, "a", "w");
    log_write(&c.log, LOG_INFO, "b", "i");
    log_write(&c.log, LOG_DEBUG, "c", "d");
    assert_string_equal(capture_text(&c), "<3>content: pack 3: broken\n<4>a: w\n<6>b: i\n<7>c: d\n");
    capture_close(&c);
}

static void test_level_filter(void **state)
{
    (void)state;
    Capture c;
    capture_open(&c, LOG_WARN, LOG_STYLE_TERMINAL);
    log_write(&c.log, LOG_DEBUG, "t", "debug");
    log_write(&c.log, LOG_INFO, "t", "info");
    log_write(&c.log, LOG_WARN, "t", "warn");
    log_write(&c.log, LOG_ERROR, "t", "error");
    assert_string_equal(capture_text(&c), "[warn] t: warn\n[error] t: error\n");
    assert_false(log_enabled(&c.log, LOG_INFO));
    assert_true(log_enabled(&c.log, LOG_ERROR));

    log_set_level(&c.log, LOG_DEBUG);
    log_write(&c.log, LOG_DEBUG, "t", "now shown");
    assert_non_null(strstr(capture_text(&c), "[debug] t: now shown\n"));
    log_set_level(&c.log, LOG_ERROR);
    log_write(&c.log, LOG_WARN, "t", "hidden again");
    assert_null(strstr(capture_text(&c), "hidden again"));
    capture_close(&c);
}

static void test_one_call_one_line(void **state)
{
    (void)state;
    Capture c;
    capture_open(&c, LOG_INFO, LOG_STYLE_TERMINAL);
    log_write(&c.log, LOG_INFO, "t", "two\nlines\r");
    assert_string_equal(capture_text(&c), "[info] t: two lines \n");

    char big[LOG_LINE_MAX * 2];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    log_write(&c.log, LOG_INFO, "t", "%s", big);
    const char *text = capture_text(&c);
    assert_int_equal(count_lines(text), 2);
    assert_non_null(strstr(text, "xxx...\n"));
    capture_close(&c);
}

static void test_log_once(void **state)
{
    (void)state;
    Capture c;
    capture_open(&c, LOG_INFO, LOG_STYLE_TERMINAL);
    for (int frame = 0; frame < 100; frame++) {
        bool wrote = log_once(&c.log, LOG_WARN, "image:42", "render", "image %d: broken", 42);
        assert_int_equal(wrote, frame == 0);
        log_once(&c.log, LOG_WARN, "image:43", "render", "image %d: broken", 43);
    }
    assert_string_equal(capture_text(&c),
                        "[warn] render: image 42: broken\n[warn] render: image 43: broken\n");

    /* Filtered out: does not use up the key. */
    assert_false(log_once(&c.log, LOG_DEBUG, "quiet", "t", "first"));
    log_set_level(&c.log, LOG_DEBUG);
    assert_true(log_once(&c.log, LOG_DEBUG, "quiet", "t", "second"));

    /* After a reset (new content), problems are reported again. */
    log_once_reset(&c.log);
    assert_true(log_once(&c.log, LOG_WARN, "image:42", "render", "again"));
    capture_close(&c);
}

static void test_log_once_many_keys(void **state)
{
    (void)state;
    Capture c;
    capture_open(&c, LOG_INFO, LOG_STYLE_TERMINAL);
    enum { KEYS = 1000 };
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < KEYS; i++) {
            char key[32];
            snprintf(key, sizeof key, "key-%d", i);
            log_once(&c.log, LOG_INFO, key, "t", "%d", i);
        }
    }
    assert_int_equal(count_lines(capture_text(&c)), KEYS);
    capture_close(&c);
}

static void test_log_once_cap(void **state)
{
    (void)state;
    Capture c;
    capture_open(&c, LOG_INFO, LOG_STYLE_TERMINAL);
    for (int i = 0; i < LOG_ONCE_MAX_KEYS + 10; i++) {
        char key[32];
        snprintf(key, sizeof key, "k%d", i);
        log_once(&c.log, LOG_INFO, key, "t", "m");
    }
    const char *text = capture_text(&c);
    /* Every remembered key once, then one notice, then silence. */
    assert_int_equal(count_lines(text), LOG_ONCE_MAX_KEYS + 1);
    assert_non_null(strstr(text, "[warn] log: more than 4096 distinct one-time messages"));
    capture_close(&c);
}

static void test_level_names(void **state)
{
    (void)state;
    LogLevel level = LOG_ERROR;
    assert_true(log_level_parse("DEBUG", &level));
    assert_int_equal(level, LOG_DEBUG);
    assert_true(log_level_parse("warn", &level));
    assert_int_equal(level, LOG_WARN);
    assert_false(log_level_parse("warning", &level));
    assert_int_equal(level, LOG_WARN);
    assert_string_equal(log_level_name(LOG_INFO), "info");
    assert_string_equal(log_level_name(LOG_LEVEL_COUNT), "");
    log_destroy(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_line_format),
        cmocka_unit_test(test_level_filter),
        cmocka_unit_test(test_one_call_one_line),
        cmocka_unit_test(test_log_once),
        cmocka_unit_test(test_log_once_many_keys),
        cmocka_unit_test(test_log_once_cap),
        cmocka_unit_test(test_level_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
