/* Lists of ids separated by commas (core/id_list.h): items with spaces around them, empty
 * items, whole-id comparison. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/id_list.h"

static void test_walks_items(void **state)
{
    (void)state;
    const char *cursor = " ,example-brand ,  member-2,,\tlast\t, ";
    const char *id = NULL;
    size_t length = 0;
    const char *expected[] = {"example-brand", "member-2", "last"};
    for (size_t i = 0; i < 3; i++) {
        assert_true(id_list_next(&cursor, &id, &length));
        assert_int_equal(length, strlen(expected[i]));
        assert_memory_equal(id, expected[i], length);
    }
    assert_false(id_list_next(&cursor, &id, &length));
    cursor = NULL;
    assert_false(id_list_next(&cursor, &id, &length));
    cursor = " , ,";
    assert_false(id_list_next(&cursor, &id, &length));
}

static void test_has_whole_ids(void **state)
{
    (void)state;
    assert_true(id_list_has("a,example-brand", "example-brand"));
    assert_true(id_list_has("a, b", "a"));
    assert_false(id_list_has("example-brand", "example"));
    assert_false(id_list_has("example", "example-brand"));
    assert_false(id_list_has(NULL, "a"));
    assert_false(id_list_has("", "a"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_walks_items),
        cmocka_unit_test(test_has_whole_ids),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
