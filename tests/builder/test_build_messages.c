/* Tests of the builder's message catalogue (build_messages), of ids in the key form and
 * guesses of misnamed files (build_names), and of the kept problems' summary and report
 * (build_problems). */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "builder/build_messages.h"
#include "builder/build_names.h"
#include "builder/build_problems.h"

/* The placeholders of a template, in order of appearance, as a set of argument numbers
 * (bit N for {N}, {qN}, {lN}) plus bit 0 for {rules}. */
static unsigned placeholders(const char *template)
{
    unsigned set = 0;
    for (const char *p = strchr(template, '{'); p; p = strchr(p + 1, '{')) {
        const char *name = p + 1;
        if (strncmp(name, "rules}", 6) == 0) {
            set |= 1u;
        } else {
            const char *digit = name[0] == 'q' || name[0] == 'l' ? name + 1 : name;
            assert_true(digit[0] >= '1' && digit[0] <= '0' + BUILD_MESSAGE_MAX_ARGS);
            assert_int_equal(digit[1], '}');
            set |= 1u << (digit[0] - '0');
        }
    }
    return set;
}

/* No Latin letter a–z outside placeholders and backquoted parts. */
static bool cyrillic_only(const char *template)
{
    bool quoted = false;
    for (const char *p = template; *p; p++) {
        if (*p == '`') {
            quoted = !quoted;
        } else if (*p == '{' && !quoted) {
            p = strchr(p, '}');
        } else if (!quoted && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))) {
            return false;
        }
    }
    return true;
}

static void test_every_message_in_three_languages_with_the_same_placeholders(void **state)
{
    (void)state;
    for (int id = 0; id < BUILD_MESSAGE_COUNT; id++) {
        char *en = build_message_template((BuildMessageId)id, LANG_EN);
        char *latn = build_message_template((BuildMessageId)id, LANG_SR_LATN);
        char *cyrl = build_message_template((BuildMessageId)id, LANG_SR_CYRL);
        if (!en || !latn || !cyrl || !en[0] || !latn[0] || !cyrl[0]) {
            fail_msg("message %d lacks a language", id);
        }
        if (placeholders(en) != placeholders(latn) || placeholders(en) != placeholders(cyrl)) {
            fail_msg("message %d: the placeholders differ: \"%s\" / \"%s\" / \"%s\"", id, en, latn, cyrl);
        }
        if (!cyrillic_only(cyrl)) {
            fail_msg("message %d: Latin letters left in the Cyrillic \"%s\"", id, cyrl);
        }
        if (build_message_severity((BuildMessageId)id) == BUILD_SEVERITY_WARNING) {
            for (int lang = 0; lang < LANG_COUNT; lang++) {
                char *title = build_message_kind_title((BuildMessageId)id, (Lang)lang);
                if (!title || !title[0]) {
                    fail_msg("warning %d has no kind title in language %d", id, lang);
                }
                free(title);
            }
        }
        free(en);
        free(latn);
        free(cyrl);
    }
    assert_null(build_message_template(BUILD_MESSAGE_COUNT, LANG_EN));
}

static void test_quote_keeps_head_and_tail(void **state)
{
    (void)state;
    char *whole = build_message_quote("Example Brand Đlj");
    assert_string_equal(whole, "\"Example Brand Đlj\"");
    free(whole);
    /* 26 letters + 40 Cyrillic letters + 26 letters: 92 characters. */
    char long_value[256] = "abcdefghijklmnopqrstuvwxyz";
    for (int i = 0; i < 40; i++) {
        strcat(long_value, "ж");
    }
    strcat(long_value, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    char *shortened = build_message_quote(long_value);
    assert_string_equal(shortened, "\"abcdefghijklmnopqrstuvwxyzжжжж…жжжжABCDEFGHIJKLMNOPQRSTUVWXYZ\"");
    free(shortened);
    /* 64 characters: whole. */
    char exact[65];
    memset(exact, 'x', 64);
    exact[64] = '\0';
    char *kept = build_message_quote(exact);
    assert_int_equal(strlen(kept), 66);
    free(kept);
    char *line_breaks = build_message_quote("one\ntwo\tthree");
    assert_string_equal(line_breaks, "\"one two three\"");
    free(line_breaks);
}

static void expect_key(const char *typed, const char *expected, uint32_t expected_unusable)
{
    uint32_t unusable = 1;
    char *key = build_names_key(typed, &unusable);
    assert_non_null(key);
    assert_string_equal(key, expected);
    assert_int_equal(unusable, expected_unusable);
    free(key);
}

static void test_key_form(void **state)
{
    (void)state;
    expect_key("Example Brand 001 Đlj", "example-brand-001-djlj", 0);
    expect_key("example-brand", "example-brand", 0);
    expect_key("  Čačak -- Šabac, Žabalj  ", "cacak-sabac-zabalj", 0);
    expect_key("Пример бренд Џемпер", "primer-brend-dzemper", 0);
    expect_key("Ђердан Љубица Њива Ћилим Жица", "djerdan-ljubica-njiva-cilim-zica", 0);
    expect_key("ДЖЕМПЕР", "dzemper", 0);
    expect_key("Café Müller & Søn", "cafe-muller-son", 0);
    expect_key("Example_Brand d.o.o.", "example-brand-d-o-o", 0);
    expect_key("Example\xE2\x80\x93" "Brand", "example-brand", 0); /* en dash */
    expect_key("", "", 0);
    expect_key("★", "", 0x2605);
    expect_key("Example ★ Brand", "example-brand", 0x2605);
}

static void test_guess_of_misnamed_files(void **state)
{
    (void)state;
    static const char *const KNOWN[] = {"pack", "theme", "members", "stories", "about_items", "partner_clusters"};
    const size_t count = sizeof KNOWN / sizeof KNOWN[0];
    assert_int_equal(build_names_guess("members (1)", KNOWN, count), 2);
    assert_int_equal(build_names_guess("members - Copy", KNOWN, count), 2);
    assert_int_equal(build_names_guess("Copy of members", KNOWN, count), 2);
    assert_int_equal(build_names_guess("Members", KNOWN, count), 2);
    assert_int_equal(build_names_guess("member", KNOWN, count), 2);
    assert_int_equal(build_names_guess("storys", KNOWN, count), 3);
    assert_int_equal(build_names_guess("About Items", KNOWN, count), 4);
    assert_int_equal(build_names_guess("partner-clusters (2)", KNOWN, count), 5);
    assert_int_equal(build_names_guess("members", KNOWN, count), -1); /* the right name is no guess */
    assert_int_equal(build_names_guess("notes", KNOWN, count), -1);
    assert_int_equal(build_names_guess("park", KNOWN, count), -1);
}

static void expect_line(const BuildProblem *problem, Lang lang, const char *expected)
{
    char *line = build_message_line(problem, lang);
    assert_non_null(line);
    assert_string_equal(line, expected);
    free(line);
}

static void test_where_as_csv_and_as_sheet(void **state)
{
    (void)state;
    BuildProblem csv = {BUILD_MSG_BAD_CHOICE, {"data/members.csv", NULL, 14, "kind"}, {"SMEE", "SME, larger"}};
    expect_line(&csv, LANG_EN, "data/members.csv:14: column \"kind\": \"SMEE\" is not one of SME, larger");
    BuildProblem sheet = {BUILD_MSG_BAD_CHOICE, {"content.xlsx", "members", 14, "kind"}, {"SMEE", "SME, larger"}};
    expect_line(&sheet, LANG_EN, "content.xlsx, sheet \"members\", row 14, column \"kind\": \"SMEE\" is not one of SME, larger");
    expect_line(&sheet, LANG_SR_LATN, "content.xlsx, list \"members\", red 14, kolona \"kind\": \"SMEE\" nije nijedna od reči SME, larger");
    expect_line(&sheet, LANG_SR_CYRL, "content.xlsx, лист \"members\", ред 14, колона \"kind\": \"SMEE\" није ниједна од речи SME, larger");
    /* A duplicate names the line of a CSV and the row of a sheet. */
    BuildProblem twice = {BUILD_MSG_DUPLICATE_ID, {"content.xlsx", "members", 9, "id"}, {"goal", "3"}};
    expect_line(&twice, LANG_EN, "content.xlsx, sheet \"members\", row 9, column \"id\": \"goal\" is already used on row 3");
    twice.where.sheet = NULL;
    expect_line(&twice, LANG_EN, "content.xlsx:9: column \"id\": \"goal\" is already used on line 3");
    /* Backquoted parts stay Latin in Cyrillic; the id rules are filled in. */
    BuildProblem date = {BUILD_MSG_EMPTY_DATE, {"pack.csv", NULL, 2, "created_at"}, {NULL}};
    expect_line(&date, LANG_SR_CYRL, "pack.csv:2: колона \"created_at\": обавезна вредност је празна: напишите датум као "
                              "YYYY-MM-DD (на пример 2026-09-14)");
    BuildProblem id = {BUILD_MSG_BAD_ID, {"members.csv", NULL, 5, "id"}, {"x", "", "0"}};
    char *line = build_message_line(&id, LANG_EN);
    assert_non_null(strstr(line, "must then be 1–64 characters long"));
    assert_non_null(strstr(line, "it becomes \"\", 0 characters"));
    free(line);
}

typedef struct Lines {
    char text[64][512];
    size_t count;
} Lines;

static void collect(void *ctx, const char *text)
{
    Lines *lines = ctx;
    if (lines->count < 64) {
        snprintf(lines->text[lines->count], sizeof lines->text[0], "%s", text);
    }
    lines->count++;
}

static void test_summary_errors_first_warnings_summed(void **state)
{
    (void)state;
    BuildProblems *problems = build_problems_create();
    BuilderReport report = {0};
    build_problems_attach(problems, &report);
    assert_ptr_equal(report.keep_ctx, problems);
    report.keep(report.keep_ctx, &(BuildProblem){BUILD_MSG_BAD_DATE, {"figures.csv", NULL, 3, "show_from"}, {"soon"}});
    for (long row = 2; row < 12; row++) {
        char *tail = row == 6 ? "Trade fair" : "Example";
        build_problems_add(problems, &(BuildProblem){BUILD_MSG_SAME_AS_ENGLISH, {"stories.csv", NULL, row, "title_sr_latn"},
                                                     {tail, "Траде фаир", "title_sr_cyrl"}});
    }
    build_problems_add(problems, &(BuildProblem){BUILD_MSG_UNKNOWN_FILE_LIKE, {.file = "members (1).csv"}, {"members.csv"}});
    assert_int_equal(build_problems_error_count(problems), 1);
    assert_int_equal(build_problems_warning_count(problems), 11);
    Lines lines = {0};
    build_problems_summary(problems, LANG_EN, collect, &lines);
    assert_int_equal(lines.count, 1 + (1 + 3 + 1) + (1 + 1));
    assert_string_equal(lines.text[0], "figures.csv:3: column \"show_from\": \"soon\" is not a date written as YYYY-MM-DD");
    assert_string_equal(lines.text[1], "Serbian Latin text the same as in English (10 in all), for example:");
    assert_non_null(strstr(lines.text[2], "stories.csv:2: column \"title_sr_latn\": warning: the same text"));
    assert_non_null(strstr(lines.text[4], "stories.csv:4:"));
    assert_string_equal(lines.text[5], "… and 7 more like these (all of them are in the full report)");
    assert_string_equal(lines.text[6], "a file or sheet the kiosk does not know (1 in all):");
    assert_string_equal(lines.text[7], "members (1).csv: warning: not a sheet the kiosk knows — did you mean members.csv?");

    char *text = build_problems_report_text(problems, LANG_SR_LATN);
    assert_non_null(text);
    assert_non_null(strstr(text, "Greške (1)"));
    assert_non_null(strstr(text, "Upozorenja (11)"));
    for (long row = 2; row < 12; row++) {
        char where[64];
        snprintf(where, sizeof where, "stories.csv:%ld: kolona \"title_sr_latn\": upozorenje: ", row);
        assert_non_null(strstr(text, where));
    }
    assert_true(strstr(text, "figures.csv:3:") < strstr(text, "stories.csv:2:")); /* errors first */
    free(text);
    build_problems_destroy(problems);

    BuildProblems *none = build_problems_create();
    text = build_problems_report_text(none, LANG_EN);
    assert_string_equal(text, "No errors and no warnings.\n");
    free(text);
    build_problems_destroy(none);
    build_problems_destroy(NULL);
}

/* At the kiosk files are named as staff see them on their stick, not by the mount point; a
 * file outside the folder keeps its path. */
static void test_files_named_within_the_edit_folder(void **state)
{
    (void)state;
    BuildProblems *problems = build_problems_create();
    assert_true(build_problems_name_within(problems, "/media/facts-kiosk/STICK/facts-kiosk/edit/"));
    build_problems_add(problems, &(BuildProblem){BUILD_MSG_BAD_CHOICE,
                                                 {"/media/facts-kiosk/STICK/facts-kiosk/edit/content.xlsx", "members", 14, "kind"},
                                                 {"SMEE", "SME, larger"}});
    build_problems_add(problems, &(BuildProblem){BUILD_MSG_BAD_DATE,
                                                 {"/media/facts-kiosk/STICK/facts-kiosk/edit-old/figures.csv", NULL, 3, "show_from"},
                                                 {"soon"}});
    Lines lines = {0};
    build_problems_summary(problems, LANG_EN, collect, &lines);
    assert_int_equal(lines.count, 2);
    assert_string_equal(lines.text[0], "content.xlsx, sheet \"members\", row 14, column \"kind\": \"SMEE\" is not one of SME, larger");
    assert_string_equal(lines.text[1], "/media/facts-kiosk/STICK/facts-kiosk/edit-old/figures.csv:3: column \"show_from\": \"soon\" "
                                       "is not a date written as YYYY-MM-DD");
    build_problems_destroy(problems);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_message_in_three_languages_with_the_same_placeholders),
        cmocka_unit_test(test_quote_keeps_head_and_tail),
        cmocka_unit_test(test_key_form),
        cmocka_unit_test(test_guess_of_misnamed_files),
        cmocka_unit_test(test_where_as_csv_and_as_sheet),
        cmocka_unit_test(test_summary_errors_first_warnings_summed),
        cmocka_unit_test(test_files_named_within_the_edit_folder),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
