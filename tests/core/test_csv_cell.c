/* The CSV cell both CSV writers share: quoting for each character that ends a cell or a row
 * (comma, semicolon, quote, CR, LF) and for padded cells, quotes doubled, the apostrophe before
 * each formula lead (= + - @, tab, CR), empty and NULL cells, UTF-8 Cyrillic untouched, a
 * buffer too small cut and NUL-terminated but counted in full, and a failing writer stopping
 * the cell. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/csv_cell.h"

#include <stdbool.h>
#include <string.h>

typedef struct Case {
    const char *in, *out;
} Case;

static const Case CASES[] = {
    /* Plain cells pass through, UTF-8 untouched. */
    {"plain", "plain"},
    {"", ""},
    {NULL, ""},
    {"a-b+c=d@e", "a-b+c=d@e"},
    {"inner space", "inner space"},
    {"Ђорђе Петровић", "Ђорђе Петровић"},
    {"Đorđe Petrović", "Đorđe Petrović"},
    {"15.0", "15.0"},
    /* Each character that ends a cell or a row, a quote, and padding: quoted. */
    {"a,b", "\"a,b\""},
    {"a;b", "\"a;b\""},
    {"say \"hi\"", "\"say \"\"hi\"\"\""},
    {"\"", "\"\"\"\""},
    {"two\rlines", "\"two\rlines\""},
    {"two\nlines", "\"two\nlines\""},
    {"two\r\nlines", "\"two\r\nlines\""},
    {" padded", "\" padded\""},
    {"padded ", "\"padded \""},
    {"Пример; приче", "\"Пример; приче\""},
    /* Each formula lead: an apostrophe inside the quotes. */
    {"=1+2", "\"'=1+2\""},
    {"+381 11 123", "\"'+381 11 123\""},
    {"-2+3", "\"'-2+3\""},
    {"@SUM(A1)", "\"'@SUM(A1)\""},
    {"\t=1", "\"'\t=1\""},
    {"\r=1", "\"'\r=1\""},
    {"=HYPERLINK(\"http://example.org\"), really", "\"'=HYPERLINK(\"\"http://example.org\"\"), really\""},
    {"=", "\"'=\""},
};

static void cells_are_escaped(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        char out[128];
        size_t length = csv_cell_escape(CASES[i].in, out, sizeof out);
        assert_string_equal(out, CASES[i].out);
        assert_int_equal(length, strlen(CASES[i].out));
    }
}

static void small_buffers_are_cut_and_counted(void **state)
{
    (void)state;
    const char *in = "say \"hi\"";
    const char *whole = "\"say \"\"hi\"\"\"";
    assert_int_equal(csv_cell_escape(in, NULL, 0), strlen(whole));
    for (size_t size = 1; size <= strlen(whole) + 1; size++) {
        char out[32];
        memset(out, 'X', sizeof out);
        assert_int_equal(csv_cell_escape(in, out, size), strlen(whole));
        assert_int_equal(strlen(out), size - 1);
        assert_memory_equal(out, whole, size - 1);
        assert_int_equal(out[size], 'X'); /* nothing past the buffer */
    }
}

/* A writer that takes limit bytes, then fails. */
typedef struct Sink {
    char text[64];
    size_t length;
    size_t limit;
    int calls;
} Sink;

static bool put_sink(void *ctx, const char *bytes, size_t length)
{
    Sink *sink = ctx;
    sink->calls++;
    assert_true(length > 0);
    if (sink->length + length > sink->limit) {
        return false;
    }
    memcpy(sink->text + sink->length, bytes, length);
    sink->length += length;
    return true;
}

static void writer_failure_stops_the_cell(void **state)
{
    (void)state;
    Sink all = {.limit = sizeof all.text};
    assert_true(csv_cell_write("=a\"b\"", put_sink, &all));
    assert_int_equal(all.length, strlen("\"'=a\"\"b\"\"\""));
    assert_memory_equal(all.text, "\"'=a\"\"b\"\"\"", all.length);
    for (size_t limit = 0; limit < all.length; limit++) {
        Sink cut = {.limit = limit};
        assert_false(csv_cell_write("=a\"b\"", put_sink, &cut));
        assert_memory_equal(cut.text, all.text, cut.length);
    }
    Sink empty = {.limit = 0};
    assert_true(csv_cell_write("", put_sink, &empty));
    assert_int_equal(empty.calls, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cells_are_escaped),
        cmocka_unit_test(small_buffers_are_cut_and_counted),
        cmocka_unit_test(writer_failure_stops_the_cell),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
