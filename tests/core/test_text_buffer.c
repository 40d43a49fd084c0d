/* test_text_buffer.c — the growing text shared by the builder's messages and the workbook
 * reader: appends, the limit, clear, take. */
#include "core/text_buffer.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

static void test_grows_and_takes(void **state)
{
    (void)state;
    TextBuffer text = {0};
    assert_string_equal(text_buffer_get(&text), "");
    for (int i = 0; i < 100; i++) {
        text_buffer_add_string(&text, "abc");
    }
    assert_int_equal(text.length, 300);
    assert_int_equal(strlen(text_buffer_get(&text)), 300);
    char *taken = text_buffer_take(&text);
    assert_non_null(taken);
    assert_int_equal(strlen(taken), 300);
    assert_null(text.bytes);
    free(taken);
    taken = text_buffer_take(&text); /* nothing appended: "" */
    assert_string_equal(taken, "");
    free(taken);
}

static void test_limit_sets_full_and_clear_forgets_it(void **state)
{
    (void)state;
    TextBuffer text = {.limit = 5};
    text_buffer_add(&text, "abcd", 4);
    text_buffer_add(&text, "ef", 2); /* past the limit: dropped */
    text_buffer_add(&text, "g", 1);  /* and so is every later one */
    assert_true(text.full);
    assert_string_equal(text_buffer_get(&text), "abcd");
    text_buffer_clear(&text);
    assert_false(text.full);
    assert_string_equal(text_buffer_get(&text), "");
    text_buffer_add(&text, "hello", 5);
    assert_string_equal(text_buffer_get(&text), "hello");
    free(text.bytes);
}

static void test_failed_takes_null(void **state)
{
    (void)state;
    TextBuffer text = {0};
    text_buffer_add_string(&text, "kept until the failure");
    text.failed = true; /* as after an out-of-memory append */
    text_buffer_add_string(&text, " more");
    assert_null(text_buffer_take(&text));
    assert_null(text.bytes);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grows_and_takes),
        cmocka_unit_test(test_limit_sets_full_and_clear_forgets_it),
        cmocka_unit_test(test_failed_takes_null),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
