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

#include "builder/build_problems.h"
#include "builder/builder.h"
#include "content/loader.h"
#include "content/schema.h"
#include "support/fixture.h"

static int setup(void **state)
{
    return fixture_setup_sources(state);
}

static int teardown(void **state)
{
    return fixture_teardown_sources(state);
}

static bool exists(const char *path)
{
    struct stat info;
    return stat(path, &info) == 0;
}

/* Builds dir; expects failure, a problem equal to dir/expected_suffix, and no pack. */
static void expect_build_error(const char *dir, const char *expected_suffix)
{
    char first[1024];
    if (!fixture_build_problem(dir, expected_suffix, first, sizeof first)) {
        fail_msg("expected \"%s/%s\" and no pack, first problem was \"%s\"", dir, expected_suffix, first);
    }
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
    expect_build_error(*state, "programmes.csv:2: column \"funder_en\": required text is empty: write it in English");
}

static void test_missing_translation(void **state)
{
    char text[512];
    snprintf(text, sizeof text, "%sa,Example A,,,,An example.,,,\n", MEMBERS_HEADER);
    replace(*state, "members.csv", text);
    expect_build_error(*state, "members.csv:2: column \"description_sr_latn\": text is missing in this language: the "
                               "English is given, so write the Serbian in Latin letters too (or leave both empty)");
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
    expect_build_error(*state, "members.csv:2: column \"logo\": \"../secret.png\" is not an image file name the kiosk "
                               "can use: letters A–Z a–z, digits and - _ . only, at most 64 characters, not starting "
                               "with . or - (rename the file in images/ to match)");
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

/* ---- staff-friendly sources: what a spreadsheet writes is read as meant ------------------ */

/* Builds dir, which must succeed; returns the pack's path (malloc'd). Problems fail the test. */
static char *expect_build(const char *dir, FixtureProblems *problems)
{
    char *out = fixture_path(dir, "out.db");
    BuilderReport report = {.each = fixture_collect_problem, .ctx = problems};
    bool built = builder_build(dir, out, &report);
    if (!built) {
        fail_msg("build failed: %s", problems->lines[0]);
    }
    assert_int_equal(report.count, 0);
    return out;
}

/* The text of the first column of the first row sql selects from the pack at path
 * ("(null)" for SQL NULL), malloc'd. */
static void expect_pack_text(const char *path, const char *sql, const char *expected)
{
    char *text = fixture_pack_text(path, sql);
    assert_string_equal(text, expected);
    free(text);
}

static bool has_line(const FixtureProblems *problems, const char *line)
{
    for (size_t i = 0; i < problems->count && i < FIXTURE_MAX_PROBLEMS; i++) {
        if (strcmp(problems->lines[i], line) == 0) {
            return true;
        }
    }
    return false;
}

static const char PROGRAMMES_HEADER[] = "id,name_en,name_sr_latn,funder_en,funder_sr_latn,years,scope\n";
static const char STORIES_HEADER[] =
    "id,title_en,title_sr_latn,place_en,place_sr_latn,years,body_en,body_sr_latn,photo,show_from,show_until\n";

/* A spreadsheet turns "2019-2021" into "2019–2021" (en dash); some staff type an em dash
 * with spaces. Both are read as the range and written in the one form the loader knows. */
static void test_en_and_em_dash_in_year_ranges(void **state)
{
    char text[1024];
    snprintf(text, sizeof text,
             "%sp1,Example Programme,Primer programa,Example Agency,Primer agencije,2019\xE2\x80\x93" "2021,national\n"
             "p2,Other Programme,Drugi program,Example Agency,Primer agencije,2011 \xE2\x80\x94 2013,national\n",
             PROGRAMMES_HEADER);
    replace(*state, "programmes.csv", text);
    FixtureProblems problems = {0};
    char *out = expect_build(*state, &problems);
    expect_pack_text(out, "SELECT years FROM programmes WHERE id = 'p1'", "2019-2021");
    expect_pack_text(out, "SELECT years FROM programmes WHERE id = 'p2'", "2011-2013");
    free(out);
}

/* A dash does not make a wrong range right: the message quotes what the staff member wrote. */
static void test_reversed_range_with_en_dash_names_what_was_written(void **state)
{
    char text[1024];
    snprintf(text, sizeof text,
             "%sp1,Example Programme,Primer programa,Example Agency,Primer agencije,2021\xE2\x80\x93" "2019,national\n",
             PROGRAMMES_HEADER);
    replace(*state, "programmes.csv", text);
    expect_build_error(*state, "programmes.csv:2: column \"years\": \"2021\xE2\x80\x93" "2019\" is not a year, a range "
                               "like 2011-2016 or a list like 2011, 2012");
}

/* A story with no year is built; the pack says none, the loaded story has none. */
static void test_story_without_a_year(void **state)
{
    char text[1024];
    snprintf(text, sizeof text, "%sfair,Example Fair,Primer sajma,Example City,Primer grad,,We were there.,Bili smo tamo.,,,\n",
             STORIES_HEADER);
    replace(*state, "stories.csv", text);
    FixtureProblems problems = {0};
    char *out = expect_build(*state, &problems);
    expect_pack_text(out, "SELECT years FROM stories WHERE id = 'fair'", "");
    ContentReport report = {.each = fixture_collect_problem, .ctx = &problems};
    Content *content = NULL;
    if (content_load(out, &report, &content) != CONTENT_OK) {
        fail_msg("the loader refused the pack: %s", report.first);
    }
    assert_int_equal(content->story_count, 1);
    assert_null(content->stories[0].years);
    content_unload(content);
    free(out);
}

/* contacts.meet was added after packs of schema version 1 were made. Sources without it build
 * a pack without its columns (byte for byte the pack they made before; the loader reads it
 * as not given); sources that fill it in get the columns, with the Cyrillic derived. */
static void test_added_column_only_when_used(void **state)
{
    FixtureProblems problems = {0};
    char *out = expect_build(*state, &problems);
    expect_pack_text(out, "SELECT count(*) FROM pragma_table_info('contacts') WHERE name LIKE 'meet%'", "0");
    ContentReport report = {.each = fixture_collect_problem, .ctx = &problems};
    Content *content = NULL;
    if (content_load(out, &report, &content) != CONTENT_OK) {
        fail_msg("the loader refused a pack without contacts.meet: %s", report.first);
    }
    assert_true(local_text_empty(&content->contacts[0].meet));
    content_unload(content);
    free(out);

    /* A column named but left empty is not written either. */
    replace(*state, "contacts.csv", "id,role_en,role_sr_latn,name,email,phone,web,address_en,address_sr_latn,meet_en,meet_sr_latn\n"
                                    "c1,Example Desk,Primer pulta,,,,,,,,\n");
    out = expect_build(*state, &problems);
    expect_pack_text(out, "SELECT count(*) FROM pragma_table_info('contacts') WHERE name LIKE 'meet%'", "0");
    free(out);

    replace(*state, "contacts.csv", "id,role_en,role_sr_latn,name,email,phone,web,address_en,address_sr_latn,meet_en,meet_sr_latn\n"
                                    "c1,Example Desk,Primer pulta,,,,,,,\"Hall 2, stand 14\",\"Hala 2, štand 14\"\n"
                                    "c2,Other Desk,Drugi pult,,,,,,,,\n");
    out = expect_build(*state, &problems);
    expect_pack_text(out, "SELECT count(*) FROM pragma_table_info('contacts') WHERE name LIKE 'meet%'", "3");
    expect_pack_text(out, "SELECT meet_sr_cyrl FROM contacts WHERE id = 'c1'", "Хала 2, штанд 14");
    expect_pack_text(out, "SELECT meet_en FROM contacts WHERE id = 'c2'", "");
    content = NULL;
    if (content_load(out, &report, &content) != CONTENT_OK) {
        fail_msg("the loader refused a pack with contacts.meet: %s", report.first);
    }
    assert_string_equal(local_text(&content->contacts[0].meet, LANG_SR_CYRL), "Хала 2, штанд 14");
    assert_true(local_text_empty(&content->contacts[1].meet));
    content_unload(content);
    free(out);
}

/* Builds the fixture with organisation.csv given extra columns (a header part) and their
 * values, and loads the pack, which must load; its path in *out (the caller frees). */
static Content *organisation_with(void **state, const char *columns, const char *values, char **out)
{
    char text[2048];
    snprintf(text, sizeof text,
             "name_en,name_sr_latn,short_name,founded,city_en,city_sr_latn,vision_en,vision_sr_latn,action_plan_en,"
             "action_plan_sr_latn,why_partner_en,why_partner_sr_latn,logo,%s\n"
             "Example Cluster,Primer klastera,EXC,2010-09-14,Example City,Primer grad,To be an example.,"
             "Da bude primer.,,,Because.,Zato.,,%s\n",
             columns, values);
    replace(*state, "organisation.csv", text);
    FixtureProblems problems = {0};
    *out = expect_build(*state, &problems);
    ContentReport report = {.each = fixture_collect_problem, .ctx = &problems};
    Content *content = NULL;
    if (content_load(*out, &report, &content) != CONTENT_OK) {
        fail_msg("the loader refused a pack with organisation.%s: %s", columns, report.first);
    }
    return content;
}

/* organisation.consent (the "Contact me" form's consent wording) is such an added column too:
 * absent from packs that do not give it, read back in every language when given. */
static void test_consent_wording(void **state)
{
    FixtureProblems problems = {0};
    char *out = expect_build(*state, &problems);
    expect_pack_text(out, "SELECT count(*) FROM pragma_table_info('organisation') WHERE name LIKE 'consent%'", "0");
    free(out);
    Content *content = organisation_with(state, "consent_en,consent_sr_latn",
                                         "\"I agree, for the example.\",\"Slažem se, za primer.\"", &out);
    expect_pack_text(out, "SELECT count(*) FROM pragma_table_info('organisation') WHERE name LIKE 'consent%'", "3");
    assert_string_equal(local_text(&content->organisation.consent, LANG_EN), "I agree, for the example.");
    assert_string_equal(local_text(&content->organisation.consent, LANG_SR_CYRL), "Слажем се, за пример.");
    content_unload(content);
    free(out);
}

/* organisation.members_total (schema version 2) is an added whole number: absent from packs
 * that do not give it, an INTEGER column read back when given; the pack says version 2. */
static void test_members_total(void **state)
{
    FixtureProblems problems = {0};
    char *out = expect_build(*state, &problems);
    expect_pack_text(out, "SELECT count(*) FROM pragma_table_info('organisation') WHERE name = 'members_total'", "0");
    expect_pack_text(out, "PRAGMA user_version", "2");
    free(out);
    Content *content = organisation_with(state, "members_total", "200", &out);
    expect_pack_text(out, "SELECT type FROM pragma_table_info('organisation') WHERE name = 'members_total'", "INTEGER");
    assert_int_equal(content->organisation.members_total, 200);
    content_unload(content);
    free(out);
}

/* stories.members (an added column): the ids of the members a story names, separated by
 * commas, written as staff type ids (names, any case, spaces); in the pack "id,id", each
 * once. Without it the pack has no such column (and stays version 2); an id that names no
 * member is refused with the row, like any reference. */
static void test_story_members(void **state)
{
    FixtureProblems problems = {0};
    char *out = expect_build(*state, &problems);
    expect_pack_text(out, "SELECT count(*) FROM pragma_table_info('stories') WHERE name = 'members'", "0");
    expect_pack_text(out, "PRAGMA user_version", "2");
    free(out);
    char text[1024];
    snprintf(text, sizeof text,
             "%.*s,members\n"
             "fair,Example Fair,Primer sajma,Example City,Primer grad,2012,We were there.,Bili smo tamo.,,,,"
             "\"Example Brand, other-brand,example-brand,\"\n"
             "talk,Example Talk,Primer govora,,,,,,,,,\n",
             (int)strlen(STORIES_HEADER) - 1, STORIES_HEADER);
    replace(*state, "stories.csv", text);
    out = expect_build(*state, &problems);
    expect_pack_text(out, "SELECT members FROM stories WHERE id = 'fair'", "example-brand,other-brand");
    expect_pack_text(out, "SELECT members FROM stories WHERE id = 'talk'", "");
    expect_pack_text(out, "PRAGMA user_version", "2");
    ContentReport report = {.each = fixture_collect_problem, .ctx = &problems};
    Content *content = NULL;
    if (content_load(out, &report, &content) != CONTENT_OK) {
        fail_msg("the loader refused a pack with stories.members: %s", report.first);
    }
    assert_true(content_story_names(&content->stories[0], "example-brand"));
    assert_true(content_story_names(&content->stories[0], "other-brand"));
    assert_false(content_story_names(&content->stories[0], "other"));
    assert_false(content_story_names(&content->stories[1], "example-brand"));
    content_unload(content);

    /* A pack that names a member it does not have is refused by the loader too. */
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(out, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "UPDATE stories SET members = 'example-brand,nobody' WHERE id = 'fair'", NULL,
                                  NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(db);
    content = NULL;
    assert_int_not_equal(content_load(out, &report, &content), CONTENT_OK);
    assert_null(content);
    unlink(out); /* the next build must write none */
    free(out);

    snprintf(text, sizeof text,
             "%.*s,members\n"
             "fair,Example Fair,Primer sajma,Example City,Primer grad,2012,We were there.,Bili smo tamo.,,,,"
             "\"example-brand, Nobody Example\"\n",
             (int)strlen(STORIES_HEADER) - 1, STORIES_HEADER);
    replace(*state, "stories.csv", text);
    char expected[1024];
    snprintf(expected, sizeof expected, "stories.csv:2: column \"members\": \"Nobody Example\" is not an id in %s/members.csv",
             (const char *)*state);
    expect_build_error(*state, expected);
}

/* One programme with these years and scope. */
static void programme_with(const char *dir, const char *years, const char *scope)
{
    char text[1024];
    snprintf(text, sizeof text, "%sp1,Example Programme,Primer programa,Example Agency,Primer agencije,%s,%s\n",
             PROGRAMMES_HEADER, years, scope);
    replace(dir, "programmes.csv", text);
}

/* Programmes still need their years (only stories may go without); the message says what
 * is expected. */
static void test_programme_without_years(void **state)
{
    programme_with(*state, "", "national");
    expect_build_error(*state, "programmes.csv:2: column \"years\": required value is empty: write a year (2013), a "
                               "range (2011-2016) or a list (2011, 2012)");
}

/* An empty fixed word lists the words allowed, as a wrong one does. */
static void test_empty_fixed_word_lists_the_allowed_words(void **state)
{
    replace(*state, "missions.csv", "id,kind,destination_en,destination_sr_latn,purpose_en,purpose_sr_latn,show_from,show_until\n"
                                   "m1,,Example Land,Primerija,,,,\n");
    expect_build_error(*state, "missions.csv:2: column \"kind\": required value is empty: write one of trade_mission, "
                               "b2b_meeting");
}

/* A long wrong value is quoted whole up to 64 characters, else its head and tail with "…". */
static void test_long_value_shortened_in_the_middle(void **state)
{
    char text[1024];
    snprintf(text, sizeof text, "%sa,Example A,SME,,www.example.org/members/example-brand-with-a-rather-long-page-name,,,,\n",
             MEMBERS_HEADER);
    replace(*state, "members.csv", text);
    expect_build_error(*state, "members.csv:2: column \"website\": \"www.example.org/members/exampl…d-with-a-rather-long-page-name\" "
                               "is not a web address starting with https://");
}

/* Ids as staff type them: any case and script, spaces, diacritics → the key form. */
static void test_ids_typed_as_staff_type_them(void **state)
{
    char text[1024];
    snprintf(text, sizeof text, "%sExample Brand 001 Đlj,Example A,SME,,,,,,\nПример Џемпер,Example B,SME,,,,,,\n"
             "already-a-key,Example C,SME,,,,,,\n", MEMBERS_HEADER);
    replace(*state, "members.csv", text);
    FixtureProblems problems = {0};
    char *out = expect_build(*state, &problems);
    expect_pack_text(out, "SELECT group_concat(id, ' ') FROM (SELECT id FROM members ORDER BY position)",
                     "example-brand-001-djlj primer-dzemper already-a-key");
    free(out);
}

/* An id left empty is made from the name (or title), unique with -2, -3 …; a reference typed
 * as the name finds it. */
static void test_empty_id_made_from_the_name(void **state)
{
    char text[1024];
    snprintf(text, sizeof text, "%s,Example Brand,SME,,,,,,\n,Example Brand,SME,,,,,,\nexample-brand-3,Other,SME,,,,,,\n"
             ",Example  Brand!,SME,,,,,,\n", MEMBERS_HEADER);
    replace(*state, "members.csv", text);
    replace(*state, "countries.csv", "id,name_en,name_sr_latn,target\n,Example Land,Primerija,international\n");
    replace(*state, "partner_clusters.csv", "id,name,country\n,Example Partner Cluster,Example Land\n");
    FixtureProblems problems = {0};
    char *out = expect_build(*state, &problems);
    expect_pack_text(out, "SELECT group_concat(id, ' ') FROM (SELECT id FROM members ORDER BY position)",
                     "example-brand example-brand-2 example-brand-3 example-brand-4");
    expect_pack_text(out, "SELECT id || ' ' || country FROM partner_clusters", "example-partner-cluster example-land");
    free(out);
}

/* An id that cannot be used says every rule, the length included, and what it became. */
static void test_unusable_id_says_every_rule(void **state)
{
    static const char RULES[] = "an id may hold letters (Latin or Cyrillic, capital or small, also č or đ), digits, "
                                "spaces and - _ . ; it is kept in small Latin letters, digits and dashes (Đ → dj, ж → "
                                "z, a space → -) and must then be 1–64 characters long";
    char text[1024];
    snprintf(text, sizeof text, "%sExample Brand Dizajn studio za modnu konfekciju i trikotažu Novi Sad,Example A,,,,,,,\n"
             "Example ★,Example B,,,,,,,\n", MEMBERS_HEADER);
    replace(*state, "members.csv", text);
    char expected[1024];
    snprintf(expected, sizeof expected, "members.csv:2: column \"id\": \"Example Brand Dizajn studio za…onfekciju i "
             "trikotažu Novi Sad\" cannot be an id: it becomes \"example-brand-dizajn-studio-za…onfekciju-i-trikotazu-"
             "novi-sad\", 68 characters; %s", RULES);
    expect_build_error(*state, expected);
    snprintf(expected, sizeof expected, "members.csv:3: column \"id\": \"Example ★\" cannot be an id because of "
             "\"★\"; %s", RULES);
    expect_build_error(*state, expected);
    /* Left empty where there is no name to make one from. */
    replace(*state, "about_items.csv", "id,kind,text_en,text_sr_latn\n,objective,One,Jedan\n");
    snprintf(expected, sizeof expected, "about_items.csv:2: column \"id\": required value is empty: write an id; %s", RULES);
    expect_build_error(*state, expected);
    snprintf(text, sizeof text, "%s,,SME,,,,,,\n", MEMBERS_HEADER);
    replace(*state, "members.csv", text);
    snprintf(expected, sizeof expected, "members.csv:2: column \"id\": the id is empty and so is \"name\", which an "
             "empty id is made from: fill in one of them; %s", RULES);
    expect_build_error(*state, expected);
}

/* Two ids that become the same key: the message shows both forms. */
static void test_ids_the_same_as_keys(void **state)
{
    char text[1024];
    snprintf(text, sizeof text, "%sexample-brand,Example A,,,,,,,\nExample Brand,Example B,,,,,,,\n", MEMBERS_HEADER);
    replace(*state, "members.csv", text);
    expect_build_error(*state, "members.csv:3: column \"id\": \"Example Brand\" (as an id \"example-brand\") is already "
                               "used on line 2");
}

/* A table's file saved under another name: named beside the missing one, or warned about. */
static void test_misnamed_file_is_named(void **state)
{
    char *members = fixture_path(*state, "members.csv");
    char *copy = fixture_path(*state, "members (1).csv");
    assert_int_equal(rename(members, copy), 0);
    char expected[1024];
    snprintf(expected, sizeof expected, "members.csv: file is missing; \"members (1).csv\" beside it looks like it: "
             "rename it to members.csv");
    expect_build_error(*state, expected);
    /* Both there: the pack is built from members.csv, with a warning. */
    fixture_sources(*state);
    FixtureProblems problems = {0};
    char *out = expect_build(*state, &problems);
    snprintf(expected, sizeof expected, "%s/members (1).csv: warning: not a sheet the kiosk knows — did you mean "
             "members.csv?", (const char *)*state);
    if (!has_line(&problems, expected)) {
        fail_msg("expected \"%s\", got %zu lines, the first \"%s\"", expected, problems.count, problems.lines[0]);
    }
    free(out);
    free(members);
    free(copy);
}

/* A BuildProblems attached to the report keeps every problem, structured. */
static void test_problems_kept_structured(void **state)
{
    replace(*state, "figures.csv", "id,value_en,value_sr_latn,label_en,label_sr_latn,show_from,show_until\n"
                                   "f,1,1,one,jedan,2026-02-30,\n");
    BuildProblems *kept = build_problems_create();
    FixtureProblems problems = {0};
    BuilderReport report = {.each = fixture_collect_problem, .ctx = &problems};
    build_problems_attach(kept, &report);
    char *out = fixture_path(*state, "out.db");
    assert_false(builder_build(*state, out, &report));
    assert_int_equal(build_problems_error_count(kept), report.count);
    const BuildProblem *first = build_problems_at(kept, 0);
    assert_non_null(first);
    assert_int_equal(first->id, BUILD_MSG_BAD_DATE);
    assert_int_equal(first->where.row, 2);
    assert_string_equal(first->where.column, "show_from");
    assert_null(first->where.sheet);
    assert_string_equal(first->args[0], "2026-02-30");
    char *line = build_message_line(first, LANG_EN);
    assert_string_equal(line, problems.lines[0]);
    free(line);
    line = build_message_line(first, LANG_SR_CYRL);
    assert_non_null(strstr(line, ":2: колона \"show_from\": \"2026-02-30\" није датум написан као YYYY-MM-DD"));
    free(line);
    build_problems_destroy(kept);
    free(out);
}

/* Excel in a Serbian locale saves "CSV" with ';' between fields (and a byte-order mark,
 * and CRLF): read as meant, with ',' inside a field left alone. */
static void test_semicolon_separated_file(void **state)
{
    replace(*state, "stories.csv",
            "\xEF\xBB\xBFid;title_en;title_sr_latn;place_en;place_sr_latn;years;body_en;body_sr_latn;photo;show_from;show_until\r\n"
            "fair;Example Fair;Primer sajma;Example City;Primer grad;2011, 2012;We were there, twice.;Bili smo tamo, dvaput.;;;\r\n"
            "talk;\"Example; Talk\";Primer predavanja;;;2015;;;;;\r\n");
    FixtureProblems problems = {0};
    char *out = expect_build(*state, &problems);
    expect_pack_text(out, "SELECT years || '|' || body_en FROM stories WHERE id = 'fair'",
                     "2011, 2012|We were there, twice.");
    expect_pack_text(out, "SELECT title_en FROM stories WHERE id = 'talk'", "Example; Talk");
    free(out);
}

/* One row typed with ';' into a ',' file: the message names the separator as the cause. */
static void test_semicolon_row_in_a_comma_file(void **state)
{
    char text[1024];
    snprintf(text, sizeof text, "%sp1;Example Programme;Primer programa;Example Agency;Primer agencije;2011;national\n",
             PROGRAMMES_HEADER);
    replace(*state, "programmes.csv", text);
    expect_build_error(*state, "programmes.csv:2: has 1 fields, the header has 7 (this row uses ';' as separator, "
                               "the header ',')");
}

/* A header with ';' and more ',' (so read as ','): the column error names ';' as the cause. */
static void test_mixed_separators_are_named(void **state)
{
    replace(*state, "countries.csv", "id;name_en,name_sr_latn,target\nexampleland;Exampleland,Primerija,international\n");
    expect_build_error(*state, "countries.csv:1: unknown column \"id;name_en\" (the file uses ';' as separator "
                               "here: use ',' or ';' throughout, not both)");
}

/* Fixed words match whatever their case; the pack holds the one spelling the loader knows. */
static void test_fixed_words_in_any_case(void **state)
{
    char text[512];
    snprintf(text, sizeof text, "%sa,Example A,sme,,,,,,\nb,Example B,LARGER,,,,,,\n", MEMBERS_HEADER);
    replace(*state, "members.csv", text);
    replace(*state, "missions.csv", "id,kind,destination_en,destination_sr_latn,purpose_en,purpose_sr_latn,show_from,show_until\n"
                                    "m1,Trade_Mission,Exampleland,Primerija,export,izvoz,,\n");
    FixtureProblems problems = {0};
    char *out = expect_build(*state, &problems);
    expect_pack_text(out, "SELECT group_concat(kind, ' ') FROM (SELECT kind FROM members ORDER BY position)",
                     "SME larger");
    expect_pack_text(out, "SELECT kind FROM missions", "trade_mission");
    free(out);
}

/* Every fixed-word column of every source file: a wrong word is refused with all the
 * words it may be. */
static void test_every_fixed_word_error_lists_the_allowed_words(void **state)
{
    size_t table_count = 0;
    const TableSpec *tables = schema_tables(&table_count);
    int checked = 0;
    for (size_t t = 0; t < table_count; t++) {
        for (size_t c = 0; tables[t].from_sources && c < tables[t].column_count; c++) {
            const ColumnSpec *column = &tables[t].columns[c];
            if (column->kind != COLUMN_CHOICE) {
                continue;
            }
            ColumnSpec bad = *column;
            char why[256] = "";
            assert_false(schema_check_value(&bad, "nonsense", why, sizeof why));
            for (int i = 0; column->choices[i]; i++) {
                if (!strstr(why, column->choices[i])) {
                    fail_msg("%s.%s: \"%s\" does not name \"%s\"", tables[t].name, column->name, why,
                             column->choices[i]);
                }
            }
            checked++;
        }
    }
    assert_int_equal(checked, 7); /* with sessions.kind and meetings.private */
    /* And through the builder, as staff see it. */
    replace(*state, "about_items.csv", "id,kind,text_en,text_sr_latn\ngoal,goal,One,Jedan\n");
    expect_build_error(*state, "about_items.csv:2: column \"kind\": \"goal\" is not one of sector, technology, "
                               "s3_priority, emerging_industry, specialisation, network, objective, service, "
                               "service_detail");
}

/* Serbian Latin left as the English text: a warning naming the cell, and the pack is still
 * written (the derived Cyrillic would be English words in Cyrillic letters). */
static void test_latin_text_same_as_english_warns(void **state)
{
    char text[1024];
    snprintf(text, sizeof text, "%sfair,Trade fair,Trade fair,Example City,Primer grad,2011,,,,,\n", STORIES_HEADER);
    replace(*state, "stories.csv", text);
    FixtureProblems problems = {0};
    char *out = expect_build(*state, &problems);
    char expected[1024];
    snprintf(expected, sizeof expected,
             "%s/stories.csv:2: column \"title_sr_latn\": warning: the same text as in English (\"Trade fair\"), so "
             "its Cyrillic would be \"Траде фаир\"; translate it, or write the Cyrillic in \"title_sr_cyrl\"",
             (const char *)*state);
    if (!has_line(&problems, expected)) {
        fail_msg("expected \"%s\", got %zu lines, the first \"%s\"", expected, problems.count, problems.lines[0]);
    }
    assert_int_equal(problems.count, 1);
    expect_pack_text(out, "SELECT title_sr_cyrl FROM stories", "Траде фаир");
    free(out);
}

/* No warning where the same text is right in both: numbers, words kept in Latin, or a
 * Cyrillic cell written by hand. */
static void test_same_text_without_a_warning(void **state)
{
    char text[1024];
    snprintf(text, sizeof text,
             "%sfair,Example Fair,Primer sajma,WGSN,WGSN,2011,2011,2011,,,\n", STORIES_HEADER);
    replace(*state, "stories.csv", text);
    replace(*state, "about_items.csv", "id,kind,text_en,text_sr_latn,text_sr_cyrl\n"
                                       "goal,objective,Supreme,Supreme,Supreme\n");
    FixtureProblems problems = {0};
    char *out = expect_build(*state, &problems);
    if (problems.count) {
        fail_msg("unexpected: %s", problems.lines[0]);
    }
    free(out);
}

/* The pack lists the Cyrillic texts staff typed (typed_cyrillic), never the ones the builder
 * made from the Latin: `pack export` leaves those empty. */
static void test_typed_cyrillic_is_recorded(void **state)
{
    replace(*state, "about_items.csv", "id,kind,text_en,text_sr_latn,text_sr_cyrl\n"
                                       "goal,objective,Supreme,Supreme,Supreme\n"
                                       "made,sector,Example sector,Primer sektora,\n");
    replace(*state, "pack.csv", "version,title_en,title_sr_latn,title_sr_cyrl,created_at\n"
                                "1,Example Pack,Primer paketa,Пример пакета FACTS,2026-01-02\n");
    FixtureProblems problems = {0};
    char *out = expect_build(*state, &problems);
    expect_pack_text(out,
                     "SELECT group_concat(table_name || '/' || row_id || '/' || column_name, ' ') FROM "
                     "(SELECT * FROM typed_cyrillic ORDER BY 1, 2, 3)",
                     "about_items/goal/text_sr_cyrl pack//title_sr_cyrl");
    expect_pack_text(out, "SELECT text_sr_cyrl FROM about_items WHERE id = 'made'", "Пример сектора");
    free(out);
}

/* Excel's "CSV UTF-8" starts the file with a byte-order mark. */
static void test_byte_order_mark(void **state)
{
    replace(*state, "countries.csv", "\xEF\xBB\xBFid,name_en,name_sr_latn,target\r\nexampleland,Exampleland,Primerija,international\r\n");
    FixtureProblems problems = {0};
    char *out = expect_build(*state, &problems);
    expect_pack_text(out, "SELECT id FROM countries", "exampleland");
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
        CASE(test_en_and_em_dash_in_year_ranges),
        CASE(test_reversed_range_with_en_dash_names_what_was_written),
        CASE(test_story_without_a_year),
        CASE(test_added_column_only_when_used),
        CASE(test_consent_wording),
        CASE(test_members_total),
        CASE(test_story_members),
        CASE(test_programme_without_years),
        CASE(test_empty_fixed_word_lists_the_allowed_words),
        CASE(test_long_value_shortened_in_the_middle),
        CASE(test_ids_typed_as_staff_type_them),
        CASE(test_empty_id_made_from_the_name),
        CASE(test_unusable_id_says_every_rule),
        CASE(test_ids_the_same_as_keys),
        CASE(test_misnamed_file_is_named),
        CASE(test_problems_kept_structured),
        CASE(test_semicolon_separated_file),
        CASE(test_semicolon_row_in_a_comma_file),
        CASE(test_mixed_separators_are_named),
        CASE(test_fixed_words_in_any_case),
        CASE(test_every_fixed_word_error_lists_the_allowed_words),
        CASE(test_latin_text_same_as_english_warns),
        CASE(test_same_text_without_a_warning),
        CASE(test_typed_cyrillic_is_recorded),
        CASE(test_byte_order_mark),
        CASE(test_deterministic_single_file),
        CASE(test_failed_build_keeps_previous_pack),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
