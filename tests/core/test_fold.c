/* Search keys: case, diacritics and script fold to one ASCII-ish key ("sav" finds "Šav",
 * "текстил" finds "Tekstil"), word-prefix matching, case mapping, Cyrillic → Latin. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/fold.h"

static void expect_key(const char *text, const char *key)
{
    char out[256];
    size_t n = fold_text(text, strlen(text), out, sizeof out);
    assert_string_equal(out, key);
    assert_int_equal(n, strlen(key));
}

static bool matches(const char *name, const char *query)
{
    char name_key[256];
    char query_key[256];
    fold_text(name, strlen(name), name_key, sizeof name_key);
    fold_text(query, strlen(query), query_key, sizeof query_key);
    return fold_match(name_key, query_key);
}

static void test_case_diacritics_and_script_fold_alike(void **state)
{
    (void)state;
    expect_key("Example Brand Šavovi", "example brand savovi");
    expect_key("Пример бренд Текстил", "primer brend tekstil");
    expect_key("Đorđe Ćirić Džemper Ljubav Njiva Žica Čipka", "dorde ciric dzemper ljubav njiva zica cipka");
    expect_key("Ђорђе Ћирић Џемпер Љубав Њива Жица Чипка", "dorde ciric dzemper ljubav njiva zica cipka");
    expect_key("ĐORĐE ĆIRIĆ DŽEMPER", "dorde ciric dzemper");
    expect_key("Djordje Dordje", "dorde dorde");   /* "dj" is đ typed plainly: the same key as đ */
    expect_key("Crème Brûlée Straße Œuvre Ÿ", "creme brulee strasse oeuvre y");
    expect_key("Ёлка Щука Ярмарка Юг", "elka scuka jarmarka jug");
}

static void test_separators_collapse_and_marks_drop(void **state)
{
    (void)state;
    expect_key("  Hello,   World!!  ", "hello world");
    expect_key("Trikotaža-Konfekcija d.o.o.", "trikotaza konfekcija d o o");
    expect_key("e\xCC\x81t\xC3\xA9", "ete");     /* e + combining acute, é */
    expect_key("Α\xCE\xB8\xCE\xAE", "Αθή");      /* other scripts are kept */
    expect_key("a\xFF" "b", "a b");              /* an invalid byte separates */
    expect_key("", "");
    expect_key("!?", "");
}

static void test_key_is_cut_at_a_code_point(void **state)
{
    (void)state;
    char out[6];
    fold_text("Αθήνα", strlen("Αθήνα"), out, sizeof out); /* two bytes each: two fit */
    assert_string_equal(out, "Αθ");
    char tiny[1];
    assert_int_equal(fold_text("abc", 3, tiny, sizeof tiny), 0);
    assert_string_equal(tiny, "");
}

static void test_word_prefix_matching(void **state)
{
    (void)state;
    assert_true(matches("Example Brand Šavovi", "sav"));
    assert_true(matches("Example Brand Šavovi", "ŠAV"));
    assert_true(matches("Example Brand Šavovi", "шав"));
    assert_true(matches("Example Brand Tekstil", "текстил"));
    assert_true(matches("Пример бренд Текстил", "tekst"));
    assert_true(matches("Example Brand Šavovi", "br sav"));
    assert_true(matches("Example Brand Šavovi", "savovi example"));
    assert_true(matches("Example Brand Đerdan", "dj"));
    assert_true(matches("Пример бренд Ђердан", "đer"));
    assert_true(matches("Example Brand Džemper", "џем"));
    assert_true(matches("Example", ""));
    assert_false(matches("Example Brand Šavovi", "avo"));
    assert_false(matches("Example Brand Šavovi", "savx"));
    assert_false(matches("Example Brand Šavovi", "sav nit"));
    assert_false(matches("", "a"));
}

/* Serbian typed on a foreign keyboard: đ as "dj" or "d", č and ć as "c", š as "s", ž as
 * "z"; and the other way round, in either script; digits are kept and match. */
static void test_plain_latin_finds_diacritics_and_back(void **state)
{
    (void)state;
    static const struct {
        const char *name, *query;
        bool found;
    } CASES[] = {
        {"Example Brand 137 Đšav", "dsav", true},
        {"Example Brand 137 Đšav", "djsav", true},
        {"Example Brand 137 Đšav", "ђшав", true},
        {"Example Brand 137 Đšav", "DJŠAV", true},
        {"Example Brand 137 Đšav", "đs", true},
        {"Example Brand 137 Đšav", "137", true},
        {"Example Brand 137 Đšav", "13 dš", true},
        {"Example Djsav", "đšav", true},
        {"Example Dsav", "ђш", true},
        {"Čipka Ćirić Šal Žica", "cipka ciric sal zica", true},
        {"Cipka Ciric Sal Zica", "чипка ћирић шал жица", true},
        {"Cipka Ciric Sal Zica", "čipka ćirić šal žica", true},
        {"Текстил 7", "tekstil 7", true},
        {"Example Brand 137 Đšav", "138", false},
        {"Example Brand 137 Đšav", "dzsav", false},
        {"Čipka", "k", false},
    };
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        if (matches(CASES[i].name, CASES[i].query) != CASES[i].found) {
            fail_msg("\"%s\" %s \"%s\"", CASES[i].query, CASES[i].found ? "should find" : "should not find",
                     CASES[i].name);
        }
    }
}

static void test_match_at_the_start(void **state)
{
    (void)state;
    assert_true(fold_match_start("ljubica", "lju"));
    assert_true(fold_match_start("ljubica leskovac", "lju les"));
    assert_false(fold_match_start("fini i ljubica", "lju"));
    assert_false(fold_match_start("ljubica", "lju nit"));
}

static void test_case_mapping(void **state)
{
    (void)state;
    static const uint32_t PAIRS[][2] = {
        {'A', 'a'},     {0xC9, 0xE9},   {0x160, 0x161}, {0x17D, 0x17E}, {0x10C, 0x10D}, {0x106, 0x107},
        {0x110, 0x111}, {0x141, 0x142}, {0x178, 0xFF},  {0x409, 0x459}, {0x428, 0x448}, {0x402, 0x452},
        {0x40F, 0x45F}, {0x410, 0x430},
    };
    for (size_t i = 0; i < sizeof PAIRS / sizeof PAIRS[0]; i++) {
        assert_int_equal(fold_lower(PAIRS[i][0]), PAIRS[i][1]);
        assert_int_equal(fold_upper(PAIRS[i][1]), PAIRS[i][0]);
        assert_int_equal(fold_lower(PAIRS[i][1]), PAIRS[i][1]);
        assert_int_equal(fold_upper(PAIRS[i][0]), PAIRS[i][0]);
    }
    assert_int_equal(fold_upper('1'), '1');
    assert_int_equal(fold_lower(0xD7), 0xD7); /* × is not a letter */
    assert_int_equal(fold_upper(0xDF), 0xDF); /* ß has no single capital */
}

static void test_cyrillic_to_latin(void **state)
{
    (void)state;
    assert_string_equal(fold_cyrillic_to_latin(0x448), "š");
    assert_string_equal(fold_cyrillic_to_latin(0x409), "Lj");
    assert_string_equal(fold_cyrillic_to_latin(0x45F), "dž");
    assert_string_equal(fold_cyrillic_to_latin(0x402), "Đ");
    assert_string_equal(fold_cyrillic_to_latin(0x40B), "Ć");
    assert_string_equal(fold_cyrillic_to_latin(0x44F), "ja");
    assert_string_equal(fold_cyrillic_to_latin(0x44C), "");
    assert_null(fold_cyrillic_to_latin('a'));
    assert_null(fold_cyrillic_to_latin(0x4E0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_case_diacritics_and_script_fold_alike),
        cmocka_unit_test(test_separators_collapse_and_marks_drop),
        cmocka_unit_test(test_key_is_cut_at_a_code_point),
        cmocka_unit_test(test_word_prefix_matching),
        cmocka_unit_test(test_plain_latin_finds_diacritics_and_back),
        cmocka_unit_test(test_match_at_the_start),
        cmocka_unit_test(test_case_mapping),
        cmocka_unit_test(test_cyrillic_to_latin),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
