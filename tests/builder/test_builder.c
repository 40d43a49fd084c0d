/* Builder tests: one per error a staff member can make, each expecting the exact
 * `file:line: message` and that no pack is written; plus determinism and the pack's shape. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "builder/builder.h"
#include "support/fixture.h"

static int setup(void **state)
{
    char *dir = fixture_tempdir();
    fixture_sources(dir);
    *state = dir;
    return 0;
}

static int teardown(void **state)
{
    fixture_remove_tree(*state);
    return 0;
}

static bool exists(const char *path)
{
    struct stat info;
    return stat(path, &info) == 0;
}

/* Builds dir; expects failure, a problem equal to dir/expected_suffix, and no pack. */
static void expect_build_error(const char *dir, const char *expected_suffix)
{
    char *out = fixture_path(dir, "out.db");
    FixtureProblems problems = {0};
    BuilderReport report = {.each = fixture_collect_problem, .ctx = &problems};
    assert_false(builder_build(dir, out, &report));
    assert_false(exists(out));
    assert_true(problems.count > 0);
    char expected[1024];
    snprintf(expected, sizeof expected, "%s/%s", dir, expected_suffix);
    for (size_t i = 0; i < problems.count && i < FIXTURE_MAX_PROBLEMS; i++) {
        if (strcmp(problems.lines[i], expected) == 0) {
            free(out);
            return;
        }
    }
    fail_msg("expected \"%s\", first problem was \"%s\"", expected, problems.lines[0]);
}

static void replace(const char *dir, const char *name, const char *text)
{
    fixture_write(dir, name, text, (size_t)-1);
}

static const char MEMBERS_HEADER[] = "id,name,kind,logo,website,description_en,description_sr_latn,show_from,show_until\n";

static void test_bad_choice(void **state)
{
    char text[512];
    snprintf(text, sizeof text, "%sa,Example A,SME,,,,,,\nb,Example B,SMEE,,,,,,\n", MEMBERS_HEADER);
    replace(*state, "members.csv", text);
    expect_build_error(*state, "members.csv:3: column \"kind\": \"SMEE\" is not one of SME, larger, research, other");
}

static void test_unknown_and_missing_columns(void **state)
{
    replace(*state, "countries.csv", "id,name_en,name_sr_latn,targett\nx,X,X,\n");
    expect_build_error(*state, "countries.csv:1: unknown column \"targett\"");
    expect_build_error(*state, "countries.csv:1: missing column \"target\"");
}

static void test_missing_required_field(void **state)
{
    replace(*state, "programmes.csv", "id,name_en,name_sr_latn,funder_en,funder_sr_latn,years,scope\n"
                                      "p1,Example Programme,Primer,,Primer agencije,2011,national\n");
    expect_build_error(*state, "programmes.csv:2: column \"funder_en\": required text is empty");
}

static void test_missing_translation(void **state)
{
    char text[512];
    snprintf(text, sizeof text, "%sa,Example A,,,,An example.,,,\n", MEMBERS_HEADER);
    replace(*state, "members.csv", text);
    expect_build_error(*state, "members.csv:2: column \"description_sr_latn\": text is missing in this language");
}

static void test_duplicate_key(void **state)
{
    replace(*state, "about_items.csv", "id,kind,text_en,text_sr_latn\n"
                                       "goal,objective,One,Jedan\n"
                                       "goal,objective,Two,Dva\n");
    expect_build_error(*state, "about_items.csv:3: column \"id\": \"goal\" is already used on line 2");
}

static void test_invalid_utf8(void **state)
{
    replace(*state, "about_items.csv", "id,kind,text_en,text_sr_latn\n"
                                       "goal,objective,One,Jedan\n"
                                       "g2,objective,Caf\xE9,Kafe\n");
    expect_build_error(*state, "about_items.csv:3: text is not valid UTF-8 (save the file as \"CSV UTF-8\")");
}

static void test_bad_dates(void **state)
{
    replace(*state, "figures.csv", "id,value_en,value_sr_latn,label_en,label_sr_latn,show_from,show_until\n"
                                   "f,1,1,one,jedan,2026-02-30,\n"
                                   "g,2,2,two,dva,,26.11.2026\n");
    expect_build_error(*state, "figures.csv:2: column \"show_from\": \"2026-02-30\" is not a date written as YYYY-MM-DD");
    expect_build_error(*state, "figures.csv:3: column \"show_until\": \"26.11.2026\" is not a date written as YYYY-MM-DD");
}

static void test_bad_years_and_colour(void **state)
{
    replace(*state, "theme.csv", "background,surface,text,muted,accent,accent_text\n"
                                 "#101010,#202020,white,#A0A0A0,#C8A45C,#101010\n");
    replace(*state, "programmes.csv", "id,name_en,name_sr_latn,funder_en,funder_sr_latn,years,scope\n"
                                      "p1,Example Programme,Primer,Agency,Agencija,2016-2011,national\n");
    expect_build_error(*state, "theme.csv:2: column \"text\": \"white\" is not a colour written as #RRGGBB");
    expect_build_error(*state, "programmes.csv:2: column \"years\": \"2016-2011\" is not a year, a range like 2011-2016 or a list like 2011, 2012");
}

static void test_dangling_reference_message(void **state)
{
    /* The message names the file the id should be in. */
    replace(*state, "partner_clusters.csv", "id,name,country\npc1,Example Partner Cluster,atlantis\n");
    char suffix[1024];
    snprintf(suffix, sizeof suffix,
             "partner_clusters.csv:2: column \"country\": \"atlantis\" is not an id in %s/countries.csv",
             (const char *)*state);
    expect_build_error(*state, suffix);
}

static void members_with_logo(const char *dir, const char *logo)
{
    char text[512];
    snprintf(text, sizeof text, "%sa,Example A,SME,%s,,,,,\n", MEMBERS_HEADER, logo);
    replace(dir, "members.csv", text);
}

static void test_missing_image(void **state)
{
    members_with_logo(*state, "nope.png");
    char suffix[1024];
    snprintf(suffix, sizeof suffix, "members.csv:2: column \"logo\": image \"nope.png\" not found in %s/images/",
             (const char *)*state);
    expect_build_error(*state, suffix);
}

static void test_image_not_png_or_jpeg(void **state)
{
    members_with_logo(*state, "fake.png");
    fixture_write(*state, "images/fake.png", "GIF89a not really", (size_t)-1);
    expect_build_error(*state, "members.csv:2: column \"logo\": image \"fake.png\": not a PNG or JPEG image");
}

static void test_image_too_many_pixels(void **state)
{
    unsigned char big[256];
    assert_true(FIXTURE_PNG_SIZE <= sizeof big);
    memcpy(big, FIXTURE_PNG, FIXTURE_PNG_SIZE);
    big[18] = 0x13; /* width 0x1304 = 4868 */
    members_with_logo(*state, "big.png");
    fixture_write(*state, "images/big.png", big, FIXTURE_PNG_SIZE);
    expect_build_error(*state, "members.csv:2: column \"logo\": image \"big.png\" is 4868x3 px; at most 4096 px a side");
}

/* Eight images of 4096x4096 (PNG headers; the builder does not decode): 134.2 megapixels. */
static void test_images_over_the_pixel_budget(void **state)
{
    unsigned char big[256];
    assert_true(FIXTURE_PNG_SIZE <= sizeof big);
    memcpy(big, FIXTURE_PNG, FIXTURE_PNG_SIZE);
    big[18] = 0x10; /* width 0x1000 */
    big[19] = 0x00;
    big[22] = 0x10; /* height 0x1000 */
    big[23] = 0x00;
    char text[2048];
    size_t used = (size_t)snprintf(text, sizeof text, "%s", MEMBERS_HEADER);
    for (int i = 0; i < 8; i++) {
        char name[32];
        snprintf(name, sizeof name, "images/big-%d.png", i);
        fixture_write(*state, name, big, FIXTURE_PNG_SIZE);
        used += (size_t)snprintf(text + used, sizeof text - used, "m%d,Example %d,SME,big-%d.png,,,,,\n", i, i, i);
    }
    replace(*state, "members.csv", text);
    expect_build_error(*state, "images/: the 8 images used total 134.2 megapixels, more than the budget of 120 "
                               "megapixels (make them smaller or use fewer)");
    /* Seven fit: 117.4 megapixels. */
    text[0] = '\0';
    used = (size_t)snprintf(text, sizeof text, "%s", MEMBERS_HEADER);
    for (int i = 0; i < 7; i++) {
        used += (size_t)snprintf(text + used, sizeof text - used, "m%d,Example %d,SME,big-%d.png,,,,,\n", i, i, i);
    }
    replace(*state, "members.csv", text);
    char *out = fixture_path(*state, "out.db");
    FixtureProblems problems = {0};
    BuilderReport report = {.each = fixture_collect_problem, .ctx = &problems};
    bool built = builder_build(*state, out, &report);
    if (!built) {
        fail_msg("seven 4096x4096 images refused: %s", problems.lines[0]);
    }
    free(out);
}

static void test_image_too_many_bytes(void **state)
{
    members_with_logo(*state, "huge.png");
    fixture_write(*state, "images/huge.png", FIXTURE_PNG, FIXTURE_PNG_SIZE);
    char *path = fixture_path(*state, "images/huge.png");
    assert_int_equal(truncate(path, 17 * 1024 * 1024), 0);
    free(path);
    expect_build_error(*state, "members.csv:2: column \"logo\": image \"huge.png\" is larger than 16 MiB");
}

static void test_image_path_refused(void **state)
{
    members_with_logo(*state, "../secret.png");
    char suffix[1024];
    snprintf(suffix, sizeof suffix,
             "members.csv:2: column \"logo\": \"../secret.png\" is not a valid key (letters, digits, - _ . only)");
    expect_build_error(*state, suffix);
}

static void test_wrong_field_count_and_open_quote(void **state)
{
    replace(*state, "countries.csv", "id,name_en,name_sr_latn,target\nx,X,X\n");
    expect_build_error(*state, "countries.csv:2: has 3 fields, the header has 4 (check commas and quotes)");
    replace(*state, "countries.csv", "id,name_en,name_sr_latn,target\nx,\"X,X,\n");
    expect_build_error(*state, "countries.csv:2: a quoted field is never closed");
}

static void test_single_row_and_missing_file(void **state)
{
    replace(*state, "pack.csv", "version,title_en,title_sr_latn,created_at\n1,A,A,2026-01-01\n2,B,B,2026-01-02\n");
    expect_build_error(*state, "pack.csv:1: must have exactly one row below the header, it has 2");
    char *path = fixture_path(*state, "contacts.csv");
    unlink(path);
    free(path);
    expect_build_error(*state, "contacts.csv: file is missing");
}

static char *read_all(const char *path, size_t *size)
{
    FILE *file = fopen(path, "rb");
    assert_non_null(file);
    fseek(file, 0, SEEK_END);
    *size = (size_t)ftell(file);
    rewind(file);
    char *bytes = malloc(*size);
    assert_int_equal(fread(bytes, 1, *size, file), *size);
    fclose(file);
    return bytes;
}

static void test_deterministic_single_file(void **state)
{
    char *a = fixture_path(*state, "a.db");
    char *b = fixture_path(*state, "b.db");
    assert_true(builder_build(*state, a, NULL));
    assert_true(builder_build(*state, b, NULL));
    size_t size_a = 0;
    size_t size_b = 0;
    char *bytes_a = read_all(a, &size_a);
    char *bytes_b = read_all(b, &size_b);
    assert_int_equal(size_a, size_b);
    assert_memory_equal(bytes_a, bytes_b, size_a);
    /* Rollback-journal mode (header bytes 18/19 = 1), nothing beside it. */
    assert_int_equal(bytes_a[18], 1);
    assert_int_equal(bytes_a[19], 1);
    char *journal = fixture_path(*state, "a.db-journal");
    char *temporary = fixture_path(*state, "a.db.tmp");
    assert_false(exists(journal));
    assert_false(exists(temporary));
    /* VACUUMed: no free pages. */
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open_v2(a, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *statement = NULL;
    assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA freelist_count", -1, &statement, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(statement), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(statement, 0), 0);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    free(bytes_a);
    free(bytes_b);
    free(journal);
    free(temporary);
    free(a);
    free(b);
}

static void test_failed_build_keeps_previous_pack(void **state)
{
    char *out = fixture_path(*state, "out.db");
    assert_true(builder_build(*state, out, NULL));
    size_t before = 0;
    char *bytes_before = read_all(out, &before);
    replace(*state, "countries.csv", "id,name_en,name_sr_latn,target\nx,X,X,moon\n");
    assert_false(builder_build(*state, out, NULL));
    size_t after = 0;
    char *bytes_after = read_all(out, &after);
    assert_int_equal(before, after);
    assert_memory_equal(bytes_before, bytes_after, before);
    free(bytes_before);
    free(bytes_after);
    free(out);
}

#define CASE(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        CASE(test_bad_choice),
        CASE(test_unknown_and_missing_columns),
        CASE(test_missing_required_field),
        CASE(test_missing_translation),
        CASE(test_duplicate_key),
        CASE(test_invalid_utf8),
        CASE(test_bad_dates),
        CASE(test_bad_years_and_colour),
        CASE(test_dangling_reference_message),
        CASE(test_missing_image),
        CASE(test_image_not_png_or_jpeg),
        CASE(test_image_too_many_pixels),
        CASE(test_images_over_the_pixel_budget),
        CASE(test_image_too_many_bytes),
        CASE(test_image_path_refused),
        CASE(test_wrong_field_count_and_open_quote),
        CASE(test_single_row_and_missing_file),
        CASE(test_deterministic_single_file),
        CASE(test_failed_build_keeps_previous_pack),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
