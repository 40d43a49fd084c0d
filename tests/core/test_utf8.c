/* UTF-8 validation: accepts every well-formed sequence, rejects overlongs,
 * surrogates, truncation, stray continuation bytes, code points past U+10FFFF. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/utf8.h"

static void test_accepts_well_formed(void **state)
{
    (void)state;
    const char *text = "A ž Ђ € 😀";
    assert_true(utf8_valid(text, strlen(text), NULL));
    assert_true(utf8_valid("", 0, NULL));
}

static void test_rejects_malformed_and_reports_offset(void **state)
{
    (void)state;
    static const struct {
        const char *bytes;
        size_t bad_at;
    } cases[] = {
        {"ab\xC0\xAF", 2},          /* overlong '/' */
        {"\xE0\x80\xAF", 0},        /* overlong 3-byte */
        {"x\xED\xA0\x80", 1},       /* UTF-16 surrogate */
        {"ok\xF4\x90\x80\x80", 2},  /* above U+10FFFF */
        {"\x80", 0},                /* stray continuation */
        {"abc\xE2\x82", 3},         /* truncated */
        {"\xFF", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t bad = 999;
        assert_false(utf8_valid(cases[i].bytes, strlen(cases[i].bytes), &bad));
        assert_int_equal(bad, cases[i].bad_at);
    }
}

static void test_round_trip_encode_decode(void **state)
{
    (void)state;
    const uint32_t points[] = {0x41, 0x17E, 0x402, 0x20AC, 0x1F600};
    for (size_t i = 0; i < sizeof points / sizeof points[0]; i++) {
        char buffer[4];
        size_t n = utf8_encode(points[i], buffer);
        size_t offset = 0;
        assert_true(utf8_valid(buffer, n, NULL));
        assert_int_equal(utf8_next(buffer, n, &offset), points[i]);
        assert_int_equal(offset, n);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_accepts_well_formed),
        cmocka_unit_test(test_rejects_malformed_and_reports_offset),
        cmocka_unit_test(test_round_trip_encode_decode),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
