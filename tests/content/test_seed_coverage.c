/* Seed coverage: every fact listed in tests/content/seed_facts.tsv (taken from the cluster
 * profile in shared/seed/) is in the bundled pack, in the table it belongs to; and what the
 * profile does not give (contact details, websites) is not invented. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "content/loader.h"
#include "content/schema.h"

static Content *load_bundled(void)
{
    const char *binary_dir = getenv("FACTS_BINARY_DIR");
    assert_non_null(binary_dir);
    char path[4096];
    snprintf(path, sizeof path, "%s/data/facts-content.db", binary_dir);
    ContentReport report = {0};
    Content *content = NULL;
    if (content_load(path, &report, &content) != CONTENT_OK) {
        fail_msg("bundled pack %s: %s", path, report.first);
    }
    return content;
}

/* True when some row of table has fact in one of its English or plain text cells. */
static bool table_mentions(const Content *content, const TableSpec *table, const char *fact)
{
    size_t count = 0;
    const unsigned char *rows = schema_rows(table, content, &count);
    for (size_t r = 0; r < count; r++) {
        const unsigned char *row = rows + r * table->row_size;
        for (size_t c = 0; c < table->column_count; c++) {
            const ColumnSpec *column = &table->columns[c];
            const char *text = NULL;
            if (column->kind == COLUMN_TEXT) {
                text = ((const LocalText *)(row + column->offset))->text[LANG_EN];
            } else if (column->kind == COLUMN_PLAIN || column->kind == COLUMN_DATE || column->kind == COLUMN_YEARS ||
                       column->kind == COLUMN_ID) {
                text = *(const char *const *)(row + column->offset);
            }
            if (text && strstr(text, fact)) {
                return true;
            }
        }
    }
    return false;
}

static void test_every_seed_fact_is_in_the_pack(void **state)
{
    (void)state;
    Content *content = load_bundled();
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/content/seed_facts.tsv", getenv("FACTS_SOURCE_DIR"));
    FILE *file = fopen(path, "r");
    assert_non_null(file);
    char line[1024];
    int checked = 0;
    int missing = 0;
    while (fgets(line, sizeof line, file)) {
        line[strcspn(line, "\r\n")] = '\0';
        char *tab = strchr(line, '\t');
        if (line[0] == '#' || !tab) {
            continue;
        }
        *tab = '\0';
        const TableSpec *table = schema_table(line);
        if (!table) {
            fail_msg("seed_facts.tsv names unknown table \"%s\"", line);
        }
        checked++;
        if (!table_mentions(content, table, tab + 1)) {
            print_error("missing from %s: \"%s\"\n", line, tab + 1);
            missing++;
        }
    }
    fclose(file);
    content_unload(content);
    assert_true(checked >= 60);
    assert_int_equal(missing, 0);
}

static void test_nothing_the_profile_lacks_is_invented(void **state)
{
    (void)state;
    Content *content = load_bundled();
    for (size_t i = 0; i < content->contact_count; i++) {
        assert_null(content->contacts[i].name);
        assert_null(content->contacts[i].email);
        assert_null(content->contacts[i].phone);
        assert_null(content->contacts[i].web);
    }
    for (size_t i = 0; i < content->member_count; i++) {
        assert_null(content->members[i].website);
        assert_null(content->members[i].logo);
    }
    /* The profile names exactly these figures' subjects; no others. */
    assert_int_equal(content->figure_count, 4);
    assert_int_equal(content->member_count, 3);
    assert_int_equal(content->partner_cluster_count, 5);
    assert_int_equal(content->programme_count, 16);
    assert_int_equal(content->mission_count, 5);
    content_unload(content);
}

/* Serbian Cyrillic letters are U+0400..U+045F: UTF-8 lead bytes 0xD0 and 0xD1. */
static bool has_cyrillic(const char *text)
{
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (*p == 0xD0 || *p == 0xD1) {
            return true;
        }
    }
    return false;
}

static void test_every_text_in_three_languages(void **state)
{
    (void)state;
    Content *content = load_bundled();
    for (size_t i = 0; i < content->story_count; i++) {
        for (int l = 0; l < LANG_COUNT; l++) {
            assert_true(content->stories[i].title.text[l][0] != '\0');
        }
        /* Cyrillic really is Cyrillic (derived or written), not a copy of Latin; a
         * proper name such as "Euromed Invest" may stay Latin, so look at all its text. */
        const Story *story = &content->stories[i];
        assert_true(has_cyrillic(story->title.text[LANG_SR_CYRL]) || has_cyrillic(story->place.text[LANG_SR_CYRL]) ||
                    has_cyrillic(story->body.text[LANG_SR_CYRL]));
        assert_false(has_cyrillic(story->title.text[LANG_EN]));
    }
    content_unload(content);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_seed_fact_is_in_the_pack),
        cmocka_unit_test(test_nothing_the_profile_lacks_is_invented),
        cmocka_unit_test(test_every_text_in_three_languages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
