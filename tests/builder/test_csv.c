/* CSV reader: quoting, doubled quotes, line breaks in fields, CRLF, BOM, blank lines,
 * line numbers, the ';' separator, and its errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "builder/csv.h"

static void test_quotes_commas_newlines_crlf_bom(void **state)
{
    (void)state;
    const char text[] = "\xEF\xBB\xBF" "a,b,c\r\n"
                        "1,\"two, too\",\"say \"\"hi\"\"\"\r\n"
                        "\r\n"
                        "x,\"multi\r\nline\",\r\n"
                        "last,row,\"\"";
    CsvTable table = {0};
    char why[128];
    assert_true(csv_table_load(text, sizeof text - 1, &table, why, sizeof why));
    assert_int_equal(table.record_count, 4);
    assert_string_equal(table.records[0].fields[0], "a");
    assert_string_equal(table.records[1].fields[1], "two, too");
    assert_string_equal(table.records[1].fields[2], "say \"hi\"");
    assert_int_equal(table.records[2].line, 4);
    assert_string_equal(table.records[2].fields[1], "multi\nline");
    assert_string_equal(table.records[2].fields[2], "");
    assert_int_equal(table.records[3].line, 6);
    assert_int_equal(table.records[3].field_count, 3);
    assert_string_equal(table.records[3].fields[2], "");
    csv_table_unload(&table);
}

static void test_errors_name_the_line(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        const char *why;
    } cases[] = {
        {"a,b\n1,\"open\n2,3\n", "line 2: a quoted field is never closed"},
        {"a,b\n1,\"x\"y\n", "line 2: text after a closing quote (put the whole field in quotes)"},
        {"a,b\n\n1,\xC3\x28\n", "line 3: text is not valid UTF-8 (save the file as \"CSV UTF-8\")"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CsvTable table = {0};
        char why[128] = "";
        assert_false(csv_table_load(cases[i].text, strlen(cases[i].text), &table, why, sizeof why));
        assert_string_equal(why, cases[i].why);
        csv_table_unload(&table);
    }
}

/* Excel in a Serbian locale: ';' between fields, ',' inside them, ';' inside quotes. */
static void test_semicolon_separator_from_the_header(void **state)
{
    (void)state;
    const char text[] = "\xEF\xBB\xBF" "a;\"b,c\";d\r\n"
                        "1;2, 3;\"x;y\"\r\n"
                        "4,5,6\r\n";
    CsvTable table = {0};
    char why[128];
    assert_true(csv_table_load(text, sizeof text - 1, &table, why, sizeof why));
    assert_int_equal(table.separator, ';');
    assert_int_equal(table.record_count, 3);
    assert_int_equal(table.records[0].field_count, 3);
    assert_string_equal(table.records[0].fields[1], "b,c");
    assert_string_equal(table.records[1].fields[1], "2, 3");
    assert_string_equal(table.records[1].fields[2], "x;y");
    assert_int_equal(table.records[1].other_separators, 1);
    /* A row typed with ',' stays one field and says how many ',' it has. */
    assert_int_equal(table.records[2].field_count, 1);
    assert_int_equal(table.records[2].other_separators, 2);
    csv_table_unload(&table);
}

/* ',' unless the header has more ';' than ',' (quoted ones do not count). */
static void test_separator_choice(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        char separator;
    } cases[] = {
        {"a,b,c\n", ','},
        {"a;b;c\n", ';'},
        {"a;b,c\n", ','},         /* as many: ',' */
        {"a;b;c,d\n1,2\n", ';'},
        {"\"a;b;c\",d\n", ','},   /* ';' only inside quotes */
        {"a\n1;2;3\n", ','},      /* only the header decides */
        {"", ','},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CsvTable table = {0};
        char why[128] = "";
        assert_true(csv_table_load(cases[i].text, strlen(cases[i].text), &table, why, sizeof why));
        if (table.separator != cases[i].separator) {
            fail_msg("\"%s\": separator '%c', expected '%c'", cases[i].text, table.separator, cases[i].separator);
        }
        csv_table_unload(&table);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quotes_commas_newlines_crlf_bom),
        cmocka_unit_test(test_errors_name_the_line),
        cmocka_unit_test(test_semicolon_separator_from_the_header),
        cmocka_unit_test(test_separator_choice),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
