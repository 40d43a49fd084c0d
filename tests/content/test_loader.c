/* Loader tests: a round trip sources → pack → model, and one test per rejection, each on
 * a bad pack crafted here from a good one. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <unistd.h>

#include "content/loader.h"
#include "content/schema.h"
#include "support/fixture.h"

typedef struct Fixture {
    char *dir;
    char *pack;
} Fixture;

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof *f);
    f->dir = fixture_tempdir();
    fixture_sources(f->dir);
    f->pack = fixture_build_pack(f->dir);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    free(f->pack);
    fixture_remove_tree(f->dir);
    free(f);
    return 0;
}

/* Loads path, expects failure with status and a problem containing expected. */
static void expect_rejected(const char *path, ContentStatus status, const char *expected)
{
    FixtureProblems problems = {0};
    ContentReport report = {.each = fixture_collect_problem, .ctx = &problems};
    Content *content = NULL;
    ContentStatus got = content_load(path, &report, &content);
    assert_null(content);
    assert_int_equal(got, status);
    assert_true(problems.count > 0);
    assert_int_equal(report.count, problems.count);
    for (size_t i = 0; i < problems.count && i < FIXTURE_MAX_PROBLEMS; i++) {
        if (strstr(problems.lines[i], expected)) {
            return;
        }
    }
    fail_msg("no problem mentions \"%s\"; first was \"%s\"", expected, problems.lines[0]);
}

static void test_round_trip(void **state)
{
    Fixture *f = *state;
    ContentReport report = {0};
    Content *content = NULL;
    assert_int_equal(content_load(f->pack, &report, &content), CONTENT_OK);
    assert_int_equal(report.count, 0);
    assert_int_equal(content->pack.version, 3);
    assert_string_equal(local_text(&content->pack.title, LANG_SR_CYRL), "Пример пакета");
    assert_string_equal(content->organisation.founded, "2010-09-14");
    assert_string_equal(local_text(&content->organisation.vision, LANG_EN), "To be an example, always.");
    assert_true(local_text_empty(&content->organisation.action_plan));
    assert_int_equal(content->theme.accent, 0xC8A45C);
    assert_int_equal(content->member_count, 2);
    assert_string_equal(content->members[0].name, "Example Brand");
    assert_int_equal(content->members[0].kind, MEMBER_SME);
    assert_int_equal(content->members[1].kind, CHOICE_NONE);
    assert_null(content->members[1].website);
    assert_non_null(content->members[0].logo);
    assert_int_equal(content->members[0].logo->width, 4);
    assert_int_equal(content->members[0].logo->height, 3);
    assert_int_equal(content->members[0].logo->data.size, FIXTURE_PNG_SIZE);
    assert_memory_equal(content->members[0].logo->data.bytes, FIXTURE_PNG, FIXTURE_PNG_SIZE);
    assert_string_equal(content->partner_clusters[0].country->id, "exampleland");
    assert_string_equal(local_text(&content->partner_clusters[0].country->name, LANG_SR_CYRL), "Примерија");
    assert_string_equal(content->stories[0].years, "2011, 2012");
    assert_int_equal(content->programmes[0].scope, PROGRAMME_NATIONAL);
    assert_string_equal(content->contacts[0].email, "info@example.org");
    assert_int_equal(content->figure_count, 2);
    assert_true(validity_covers(&content->figures[0].validity, "2026-11-26"));
    assert_false(validity_covers(&content->figures[1].validity, "2026-11-26"));
    assert_true(validity_covers(&content->figures[1].validity, "2000-06-01"));
    content_unload(content);
}

static void test_missing_file(void **state)
{
    Fixture *f = *state;
    char *path = fixture_path(f->dir, "nothing-here.db");
    expect_rejected(path, CONTENT_CANNOT_OPEN, "No such file");
    free(path);
}

static void test_empty_and_not_sqlite(void **state)
{
    Fixture *f = *state;
    fixture_write(f->dir, "empty.db", "", 0);
    fixture_write(f->dir, "text.db", "id,name\n1,Example\n", (size_t)-1);
    char *empty = fixture_path(f->dir, "empty.db");
    char *text = fixture_path(f->dir, "text.db");
    expect_rejected(empty, CONTENT_CANNOT_OPEN, "file is empty");
    expect_rejected(text, CONTENT_CANNOT_OPEN, "not an SQLite database");
    free(empty);
    free(text);
}

static void test_wal_header(void **state)
{
    Fixture *f = *state;
    fixture_sql(f->pack, "PRAGMA journal_mode=WAL;");
    expect_rejected(f->pack, CONTENT_CANNOT_OPEN, "WAL journal mode");
}

static void test_future_and_foreign_schema_version(void **state)
{
    Fixture *f = *state;
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA user_version=%d;", SCHEMA_VERSION + 1);
    fixture_sql(f->pack, sql);
    expect_rejected(f->pack, CONTENT_INVALID, "newer than this kiosk understands");
    fixture_sql(f->pack, "PRAGMA user_version=0;");
    expect_rejected(f->pack, CONTENT_INVALID, "not a FACTS content pack");
}

/* A pack of schema version 1 (before typed_cyrillic) still loads, with the same content; a
 * version 2 pack must have the table. */
static void test_version_1_pack_loads(void **state)
{
    Fixture *f = *state;
    Content *content = NULL;
    assert_int_equal(content_load(f->pack, NULL, &content), CONTENT_OK);
    size_t members = content->member_count;
    content_unload(content);
    fixture_sql(f->pack, "DROP TABLE " SCHEMA_TYPED_CYRILLIC_TABLE ";");
    expect_rejected(f->pack, CONTENT_INVALID, "pack has no table \"typed_cyrillic\"");
    fixture_sql(f->pack, "PRAGMA user_version=1;");
    assert_int_equal(content_load(f->pack, NULL, &content), CONTENT_OK);
    assert_int_equal(content->member_count, members);
    content_unload(content);
}

static Content *expect_loaded(const char *path)
{
    FixtureProblems problems = {0};
    ContentReport report = {.each = fixture_collect_problem, .ctx = &problems};
    Content *content = NULL;
    if (content_load(path, &report, &content) != CONTENT_OK) {
        fail_msg("the loader refused the pack: %s", report.first);
    }
    return content;
}

/* Schema version 2 made programmes.scope optional and added organisation.members_total: a
 * version 1 pack (scope given, no members_total) still loads, the total not given; a
 * version 2 pack may leave the scope out and give the total. */
static void test_version_1_pack_and_the_version_2_columns(void **state)
{
    Fixture *f = *state;
    fixture_sql(f->pack, "PRAGMA user_version=1;");
    Content *content = expect_loaded(f->pack);
    assert_int_equal(content->organisation.members_total, 0);
    assert_int_equal(content->programmes[0].scope, PROGRAMME_NATIONAL);
    content_unload(content);

    fixture_sql(f->pack, "PRAGMA user_version=2; UPDATE programmes SET scope = '';"
                         "ALTER TABLE organisation ADD COLUMN members_total INTEGER;");
    content = expect_loaded(f->pack);
    assert_int_equal(content->programmes[0].scope, CHOICE_NONE);
    assert_int_equal(content->organisation.members_total, 0); /* NULL: not given */
    content_unload(content);

    fixture_sql(f->pack, "UPDATE organisation SET members_total = 200;");
    content = expect_loaded(f->pack);
    assert_int_equal(content->organisation.members_total, 200);
    content_unload(content);

    fixture_sql(f->pack, "UPDATE organisation SET members_total = 0;");
    expect_rejected(f->pack, CONTENT_INVALID, "members_total");
}

static void test_trigger(void **state)
{
    Fixture *f = *state;
    fixture_sql(f->pack, "CREATE TRIGGER evil AFTER INSERT ON members BEGIN DELETE FROM stories; END;");
    expect_rejected(f->pack, CONTENT_INVALID, "trigger \"evil\"");
}

static void test_view(void **state)
{
    Fixture *f = *state;
    fixture_sql(f->pack, "CREATE VIEW sneaky AS SELECT * FROM members;");
    expect_rejected(f->pack, CONTENT_INVALID, "view \"sneaky\"");
}

static void test_missing_table_and_column(void **state)
{
    Fixture *f = *state;
    fixture_sql(f->pack, "DROP TABLE contacts;");
    expect_rejected(f->pack, CONTENT_INVALID, "pack has no table \"contacts\"");
    char *pack2 = fixture_build_pack(f->dir);
    fixture_sql(pack2, "ALTER TABLE members DROP COLUMN website;");
    expect_rejected(pack2, CONTENT_INVALID, "table \"members\" has no column \"website\"");
    free(pack2);
}

/* Replaces a STRICT table by a loose copy, so wrong types can be stored as a hostile
 * pack would. */
static const char LOOSEN_MEMBERS[] =
    "CREATE TABLE loose AS SELECT * FROM members; DROP TABLE members; ALTER TABLE loose RENAME TO members;";

static void test_wrong_type(void **state)
{
    Fixture *f = *state;
    char sql[512];
    snprintf(sql, sizeof sql, "%s UPDATE members SET name = x'4142' WHERE id = 'other-brand';", LOOSEN_MEMBERS);
    fixture_sql(f->pack, sql);
    expect_rejected(f->pack, CONTENT_INVALID, "members row 2 (id \"other-brand\"): column \"name\": expected text, found blob");
}

static void test_null_required_text(void **state)
{
    Fixture *f = *state;
    char sql[512];
    snprintf(sql, sizeof sql, "%s UPDATE members SET description_sr_cyrl = NULL WHERE id = 'example-brand';",
             LOOSEN_MEMBERS);
    fixture_sql(f->pack, sql);
    expect_rejected(f->pack, CONTENT_INVALID, "column \"description_sr_cyrl\": is NULL");
}

static void test_empty_required_text(void **state)
{
    Fixture *f = *state;
    fixture_sql(f->pack, "UPDATE stories SET title_sr_cyrl = '';");
    expect_rejected(f->pack, CONTENT_INVALID, "stories row 1 (id \"fair\"): column \"title_sr_cyrl\": required text is empty");
}

static void test_invalid_utf8(void **state)
{
    Fixture *f = *state;
    fixture_sql(f->pack, "UPDATE members SET name = CAST(x'4578C0AF' AS TEXT) WHERE id = 'example-brand';");
    expect_rejected(f->pack, CONTENT_INVALID, "column \"name\": text is not valid UTF-8");
}

static void test_bad_choice_and_date(void **state)
{
    Fixture *f = *state;
    fixture_sql(f->pack, "UPDATE members SET kind = 'SMEE' WHERE id = 'example-brand';"
                         "UPDATE figures SET show_from = '2026-02-30' WHERE id = 'stores';");
    expect_rejected(f->pack, CONTENT_INVALID, "\"SMEE\" is not one of SME, larger, research, other");
    expect_rejected(f->pack, CONTENT_INVALID, "figures row 1 (id \"stores\"): column \"show_from\"");
}

static void test_every_problem_is_reported(void **state)
{
    Fixture *f = *state;
    fixture_sql(f->pack, "UPDATE members SET kind = 'SMEE'; UPDATE countries SET target = 'mars';");
    FixtureProblems problems = {0};
    ContentReport report = {.each = fixture_collect_problem, .ctx = &problems};
    Content *content = NULL;
    assert_int_equal(content_load(f->pack, &report, &content), CONTENT_INVALID);
    /* Both members and the one country: three problems, all reported. */
    assert_int_equal(problems.count, 3);
    assert_string_equal(report.first, problems.lines[0]);
}

static void test_duplicate_id(void **state)
{
    Fixture *f = *state;
    char sql[512];
    snprintf(sql, sizeof sql, "%s UPDATE members SET id = 'example-brand';", LOOSEN_MEMBERS);
    fixture_sql(f->pack, sql);
    expect_rejected(f->pack, CONTENT_INVALID, "members: id \"example-brand\" is used by more than one row");
}

static void test_dangling_reference(void **state)
{
    Fixture *f = *state;
    fixture_sql(f->pack, "PRAGMA foreign_keys=OFF; UPDATE partner_clusters SET country = 'nowhere';"
                         "UPDATE members SET logo = 'missing.png' WHERE id = 'example-brand';");
    expect_rejected(f->pack, CONTENT_INVALID, "column \"country\": \"nowhere\" is not in table \"countries\"");
    expect_rejected(f->pack, CONTENT_INVALID, "column \"logo\": \"missing.png\" is not in table \"images\"");
}

static void test_single_row_tables(void **state)
{
    Fixture *f = *state;
    fixture_sql(f->pack, "INSERT INTO theme SELECT * FROM theme;");
    expect_rejected(f->pack, CONTENT_INVALID, "table \"theme\" must have exactly one row, it has 2");
}

static void test_damaged_file(void **state)
{
    Fixture *f = *state;
    /* Overwrite the middle of page 2 (a b-tree page) with junk. */
    FILE *file = fopen(f->pack, "r+b");
    assert_non_null(file);
    fseek(file, 4096 + 8, SEEK_SET);
    for (int i = 0; i < 3000; i++) {
        fputc(0xA5, file);
    }
    fclose(file);
    expect_rejected(f->pack, CONTENT_INVALID, "damaged");
}

static void test_truncated_file(void **state)
{
    Fixture *f = *state;
    FILE *file = fopen(f->pack, "r+b");
    assert_non_null(file);
    assert_int_equal(ftruncate(fileno(file), 4096 * 3), 0);
    fclose(file);
    FixtureProblems problems = {0};
    ContentReport report = {.each = fixture_collect_problem, .ctx = &problems};
    Content *content = NULL;
    assert_int_not_equal(content_load(f->pack, &report, &content), CONTENT_OK);
    assert_null(content);
    assert_true(problems.count > 0);
}

static void test_huge_text_is_refused_without_loading_it(void **state)
{
    Fixture *f = *state;
    /* 20 MB of text: beyond the connection's length limit, refused by SQLite itself. */
    fixture_sql(f->pack, "UPDATE stories SET body_en = CAST(zeroblob(20000000) AS TEXT);");
    expect_rejected(f->pack, CONTENT_INVALID, "stories");
}

static void test_image_disguised_or_oversized(void **state)
{
    Fixture *f = *state;
    /* A TGA header where a PNG is declared. */
    fixture_sql(f->pack, "UPDATE images SET data = x'00000A000000000000000000040003001800';");
    expect_rejected(f->pack, CONTENT_INVALID, "column \"data\": not a PNG or JPEG image");
    char *pack2 = fixture_build_pack(f->dir);
    /* A PNG header declaring 50000 x 50000 pixels, and rows that say so too. */
    fixture_sql(pack2, "UPDATE images SET width = 50000, height = 50000, data = "
                       "x'89504E470D0A1A0A0000000D494844520000C3500000C35008020000000000000000';");
    expect_rejected(pack2, CONTENT_INVALID, "more than 4096 px a side");
    fixture_sql(pack2, "UPDATE images SET width = 4, height = 3;");
    expect_rejected(pack2, CONTENT_INVALID, "says 4x3 but the image is 50000x50000");
    free(pack2);
}

/* Eight rows whose PNG headers say 4096x4096 (the loader probes, it does not decode): 134.2
 * megapixels together, over the budget; seven are within it. */
static void test_images_over_the_pixel_budget(void **state)
{
    Fixture *f = *state;
    static const char BIG_PNG[] = "x'89504E470D0A1A0A0000000D494844520000100000001000080200000000000000'";
    char sql[2048];
    snprintf(sql, sizeof sql,
             "UPDATE images SET width = 4096, height = 4096, data = %s;"
             "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6)"
             " INSERT INTO images (name, format, width, height, data)"
             " SELECT 'big-' || i || '.png', 'png', 4096, 4096, %s FROM n;",
             BIG_PNG, BIG_PNG);
    fixture_sql(f->pack, sql);
    Content *content = NULL;
    FixtureProblems problems = {0};
    ContentReport report = {.each = fixture_collect_problem, .ctx = &problems};
    if (content_load(f->pack, &report, &content) != CONTENT_OK) {
        fail_msg("seven 4096x4096 images refused: %s", problems.lines[0]);
    }
    assert_int_equal(content->image_count, 7);
    content_unload(content);
    snprintf(sql, sizeof sql, "INSERT INTO images (name, format, width, height, data) VALUES"
                              " ('big-7.png', 'png', 4096, 4096, %s);", BIG_PNG);
    fixture_sql(f->pack, sql);
    expect_rejected(f->pack, CONTENT_INVALID,
                    "images: 8 images total 134.2 megapixels, more than the budget of 120 megapixels");
}

static void test_load_from_memory_matches_file(void **state)
{
    Fixture *f = *state;
    FILE *file = fopen(f->pack, "rb");
    assert_non_null(file);
    static unsigned char bytes[1 << 20];
    size_t size = fread(bytes, 1, sizeof bytes, file);
    fclose(file);
    Content *content = NULL;
    assert_int_equal(content_load_memory(bytes, size, NULL, &content), CONTENT_OK);
    assert_string_equal(content->members[0].name, "Example Brand");
    content_unload(content);
    bytes[18] = 2; /* WAL */
    assert_int_equal(content_load_memory(bytes, size, NULL, &content), CONTENT_CANNOT_OPEN);
    assert_null(content);
}

#define CASE(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        CASE(test_round_trip),
        CASE(test_missing_file),
        CASE(test_empty_and_not_sqlite),
        CASE(test_wal_header),
        CASE(test_future_and_foreign_schema_version),
        CASE(test_version_1_pack_loads),
        CASE(test_version_1_pack_and_the_version_2_columns),
        CASE(test_trigger),
        CASE(test_view),
        CASE(test_missing_table_and_column),
        CASE(test_wrong_type),
        CASE(test_null_required_text),
        CASE(test_empty_required_text),
        CASE(test_invalid_utf8),
        CASE(test_bad_choice_and_date),
        CASE(test_every_problem_is_reported),
        CASE(test_duplicate_id),
        CASE(test_dangling_reference),
        CASE(test_single_row_tables),
        CASE(test_damaged_file),
        CASE(test_truncated_file),
        CASE(test_huge_text_is_refused_without_loading_it),
        CASE(test_image_disguised_or_oversized),
        CASE(test_images_over_the_pixel_budget),
        CASE(test_load_from_memory_matches_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
