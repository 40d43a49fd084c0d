/* The JSON writer: exact output for nesting and every kind of value; escaping of quotes,
 * backslashes and each control character; UTF-8 (Cyrillic, 4-byte) passing through and
 * broken UTF-8 becoming U+FFFD; a buffer too small is reported, never overrun; calls out
 * of order are reported. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "core/json.h"
#include "core/utf8.h"

/* The document {"s": text} as written. */
static const char *string_member(const char *text, char *out, size_t size)
{
    JsonWriter w;
    json_writer_init(&w, out, size);
    json_begin_object(&w);
    json_key(&w, "s");
    json_string(&w, text);
    json_end_object(&w);
    assert_true(json_writer_finish(&w, NULL));
    return out;
}

static void test_nesting_and_values(void **state)
{
    (void)state;
    char out[256];
    JsonWriter w;
    json_writer_init(&w, out, sizeof out);
    json_begin_object(&w);
    json_key(&w, "id");
    json_string(&w, "k1");
    json_key(&w, "n");
    json_int(&w, -42);
    json_key(&w, "big");
    json_int(&w, INT64_MIN);
    json_key(&w, "max");
    json_int(&w, INT64_MAX);
    json_key(&w, "zero");
    json_int(&w, 0);
    json_key(&w, "yes");
    json_bool(&w, true);
    json_key(&w, "no");
    json_bool(&w, false);
    json_key(&w, "none");
    json_null(&w);
    json_key(&w, "also_none");
    json_string(&w, NULL);
    json_key(&w, "list");
    json_begin_array(&w);
    json_int(&w, 1);
    json_begin_object(&w);
    json_end_object(&w);
    json_begin_array(&w);
    json_end_array(&w);
    json_string(&w, "x");
    json_end_array(&w);
    json_key(&w, "inner");
    json_begin_object(&w);
    json_key(&w, "a");
    json_int(&w, 1);
    json_end_object(&w);
    json_end_object(&w);
    size_t length = 0;
    assert_true(json_writer_finish(&w, &length));
    const char *expected = "{\"id\":\"k1\",\"n\":-42,\"big\":-9223372036854775808,\"max\":9223372036854775807,"
                           "\"zero\":0,\"yes\":true,\"no\":false,\"none\":null,\"also_none\":null,"
                           "\"list\":[1,{},[],\"x\"],\"inner\":{\"a\":1}}";
    assert_string_equal(out, expected);
    assert_int_equal(length, strlen(expected));
}

static void test_escapes_quotes_backslashes_and_controls(void **state)
{
    (void)state;
    char out[256];
    assert_string_equal(string_member("say \"hi\"", out, sizeof out), "{\"s\":\"say \\\"hi\\\"\"}");
    assert_string_equal(string_member("C:\\media\\stick", out, sizeof out), "{\"s\":\"C:\\\\media\\\\stick\"}");
    assert_string_equal(string_member("a\nb\rc\td\be\ff", out, sizeof out),
                        "{\"s\":\"a\\nb\\rc\\td\\be\\ff\"}");
    assert_string_equal(string_member("\x01\x1f\x7f/", out, sizeof out), "{\"s\":\"\\u0001\\u001f\\u007f/\"}");
    /* Every control character is escaped: none is left raw in the output. */
    for (int c = 1; c < 0x20; c++) {
        char text[2] = {(char)c, '\0'};
        string_member(text, out, sizeof out);
        for (const char *p = out; *p; p++) {
            assert_true((unsigned char)*p >= 0x20);
        }
    }
    /* A key is escaped as well. */
    JsonWriter w;
    json_writer_init(&w, out, sizeof out);
    json_begin_object(&w);
    json_key(&w, "a\"b");
    json_int(&w, 1);
    json_end_object(&w);
    assert_true(json_writer_finish(&w, NULL));
    assert_string_equal(out, "{\"a\\\"b\":1}");
}

static void test_utf8_passes_and_broken_bytes_are_replaced(void **state)
{
    (void)state;
    char out[256];
    assert_string_equal(string_member("Пример сајма — Đurđevdan 😀", out, sizeof out),
                        "{\"s\":\"Пример сајма — Đurđevdan 😀\"}");
    /* A lone lead byte, a stray continuation, an overlong '/', a truncated sequence at the
     * end: each bad byte becomes U+FFFD and the rest is kept. */
    assert_string_equal(string_member("a\xD0z\x80y\xC0\xAFx\xE2\x82", out, sizeof out),
                        "{\"s\":\"a\xEF\xBF\xBDz\xEF\xBF\xBDy\xEF\xBF\xBD\xEF\xBF\xBDx\xEF\xBF\xBD\xEF\xBF\xBD\"}");
    assert_true(utf8_valid(out, strlen(out), NULL));
}

static void test_small_buffer_is_reported_not_overrun(void **state)
{
    (void)state;
    char out[16];
    memset(out, 'X', sizeof out);
    JsonWriter w;
    json_writer_init(&w, out, 10);
    json_begin_object(&w);
    json_key(&w, "title");
    json_string(&w, "longer than ten bytes");
    json_end_object(&w);
    size_t needed = 0;
    assert_false(json_writer_finish(&w, &needed));
    assert_int_equal(needed, strlen("{\"title\":\"longer than ten bytes\"}"));
    assert_int_equal(out[9], '\0');
    for (size_t i = 10; i < sizeof out; i++) {
        assert_int_equal(out[i], 'X');
    }
    /* Exactly the length plus NUL fits. */
    char exact[8];
    json_writer_init(&w, exact, sizeof exact);
    json_string(&w, "abcde");
    assert_true(json_writer_finish(&w, &needed));
    assert_string_equal(exact, "\"abcde\"");
    json_writer_init(&w, exact, 7);
    json_string(&w, "abcde");
    assert_false(json_writer_finish(&w, &needed));
}

static void test_calls_out_of_order_are_reported(void **state)
{
    (void)state;
    char out[64];
    JsonWriter w;

    json_writer_init(&w, out, sizeof out); /* a value without a key in an object */
    json_begin_object(&w);
    json_int(&w, 1);
    json_end_object(&w);
    assert_false(json_writer_finish(&w, NULL));

    json_writer_init(&w, out, sizeof out); /* a key with no value */
    json_begin_object(&w);
    json_key(&w, "a");
    json_end_object(&w);
    assert_false(json_writer_finish(&w, NULL));

    json_writer_init(&w, out, sizeof out); /* left open */
    json_begin_array(&w);
    assert_false(json_writer_finish(&w, NULL));

    json_writer_init(&w, out, sizeof out); /* closed with the wrong kind */
    json_begin_array(&w);
    json_end_object(&w);
    assert_false(json_writer_finish(&w, NULL));

    json_writer_init(&w, out, sizeof out); /* two documents */
    json_int(&w, 1);
    json_int(&w, 2);
    assert_false(json_writer_finish(&w, NULL));

    json_writer_init(&w, out, sizeof out); /* a key in an array */
    json_begin_array(&w);
    json_key(&w, "a");
    json_end_array(&w);
    assert_false(json_writer_finish(&w, NULL));

    json_writer_init(&w, out, sizeof out); /* nothing */
    assert_false(json_writer_finish(&w, NULL));

    json_writer_init(&w, out, sizeof out); /* too deep */
    for (int i = 0; i < JSON_DEPTH_MAX + 1; i++) {
        json_begin_array(&w);
    }
    assert_false(json_writer_finish(&w, NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nesting_and_values),
        cmocka_unit_test(test_escapes_quotes_backslashes_and_controls),
        cmocka_unit_test(test_utf8_passes_and_broken_bytes_are_replaced),
        cmocka_unit_test(test_small_buffer_is_reported_not_overrun),
        cmocka_unit_test(test_calls_out_of_order_are_reported),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
