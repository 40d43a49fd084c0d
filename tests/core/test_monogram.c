/* Monograms that tell members apart: the words most names of a pack share (per script),
 * what is left of a name, its initials, and a colour from the name that keeps white
 * initials at 4.5:1. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "core/colour.h"
#include "core/monogram.h"

static const char *const WORDS[] = {"Atelje", "Boja", "Cvet", "Čipka", "Ćilim", "Dugme", "Džemper", "Đerdan",
                                    "Elegant", "Fini", "Gajtan", "Haljina", "Igla", "Jakna", "Kroj", "Lan",
                                    "Ljubica", "Moda", "Nit", "Njiva", "Obuća", "Platno", "Rukav", "Svila",
                                    "Šavovi", "Tekstil", "Uzor", "Vez", "Zlatna", "Žica"};
static const char *const CYRILLIC[] = {"Атеље", "Боја", "Цвет", "Чипка", "Ћилим", "Дугме", "Џемпер", "Ђердан",
                                       "Елегант", "Фини"};
enum { WORD_COUNT = sizeof WORDS / sizeof WORDS[0], CYRILLIC_COUNT = sizeof CYRILLIC / sizeof CYRILLIC[0] };

/* A pack like the issue's: 60 "Example Brand …", 10 "Пример бренд …", a few others. */
typedef struct Pack {
    char names[80][96];
    const char *pointers[80];
    size_t count;
} Pack;

static void add(Pack *pack, const char *name)
{
    snprintf(pack->names[pack->count], sizeof pack->names[0], "%s", name);
    pack->pointers[pack->count] = pack->names[pack->count];
    pack->count++;
}

static void make_pack(Pack *pack)
{
    char name[96];
    memset(pack, 0, sizeof *pack);
    for (int i = 0; i < WORD_COUNT; i++) {
        snprintf(name, sizeof name, "Example Brand %s", WORDS[i]);
        add(pack, name);
        snprintf(name, sizeof name, "Example Brand %s i %s", WORDS[i], WORDS[(i + 7) % WORD_COUNT]);
        add(pack, name);
    }
    for (int i = 0; i < CYRILLIC_COUNT; i++) {
        snprintf(name, sizeof name, "Пример бренд %s", CYRILLIC[i]);
        add(pack, name);
    }
    add(pack, "Example Research Institute of Very Long Names");
    add(pack, "Other Textile Company");
}

static void test_common_words_per_script(void **state)
{
    (void)state;
    Pack pack;
    make_pack(&pack);
    CommonWords common;
    assert_true(monogram_common_words_find(pack.pointers, pack.count, &common));
    assert_true(monogram_is_common(&common, "example"));
    assert_true(monogram_is_common(&common, "brand"));
    /* 10 of 72 names overall, but every Cyrillic one. */
    assert_true(monogram_is_common(&common, "primer"));
    assert_true(monogram_is_common(&common, "brend"));
    assert_true(monogram_is_common(&common, "i")); /* "and", in 30 of 62 Latin names */
    assert_false(monogram_is_common(&common, "atelje"));
    monogram_common_words_free(&common);
    assert_int_equal(common.count, 0);
}

static void test_thresholds(void **state)
{
    (void)state;
    /* 3 of 10 names (30 %) is not more than 30 %; 4 of 10 is. */
    const char *names[10] = {"Alfa Zeta", "Alfa Beta", "Alfa Gama", "Delta", "Eta", "Teta", "Jota", "Kapa", "Lambda",
                             "Mi"};
    CommonWords common;
    assert_true(monogram_common_words_find(names, 10, &common));
    assert_false(monogram_is_common(&common, "alfa"));
    monogram_common_words_free(&common);
    names[3] = "Alfa Delta";
    assert_true(monogram_common_words_find(names, 10, &common));
    assert_true(monogram_is_common(&common, "alfa"));
    monogram_common_words_free(&common);
    /* Two names sharing everything: too few to call a word common. */
    const char *two[2] = {"Example Brand", "Example Brand Two"};
    assert_true(monogram_common_words_find(two, 2, &common));
    assert_int_equal(common.count, 0);
    monogram_common_words_free(&common);
    assert_true(monogram_common_words_find(NULL, 0, &common));
    assert_int_equal(common.count, 0);
    monogram_common_words_free(&common);
}

static void test_distinctive_part_and_initials(void **state)
{
    (void)state;
    Pack pack;
    make_pack(&pack);
    CommonWords common;
    assert_true(monogram_common_words_find(pack.pointers, pack.count, &common));
    char out[128];
    monogram_distinctive("Example Brand Šavovi", &common, out, sizeof out);
    assert_string_equal(out, "Šavovi");
    monogram_distinctive("Example Brand Šavovi & Co.", &common, out, sizeof out);
    assert_string_equal(out, "Šavovi Co");
    monogram_distinctive("Example Brand", &common, out, sizeof out);
    assert_string_equal(out, "Example Brand"); /* nothing but common words: all of them */
    monogram_distinctive("Пример бренд Текстил", &common, out, sizeof out);
    assert_string_equal(out, "Текстил");

    char initials[MONOGRAM_INITIALS_MAX];
    monogram_initials("Example Brand Šavovi", &common, initials, sizeof initials);
    assert_string_equal(initials, "ŠA");
    monogram_initials("example brand šavovi", &common, initials, sizeof initials);
    assert_string_equal(initials, "ŠA");
    monogram_initials("Example Research Institute of Very Long Names", &common, initials, sizeof initials);
    assert_string_equal(initials, "RI");
    monogram_initials("Example Brand", &common, initials, sizeof initials);
    assert_string_equal(initials, "EB");
    monogram_initials("Пример бренд Љубица", &common, initials, sizeof initials);
    assert_string_equal(initials, "ЉУ");
    /* Letters only: a number is not a monogram, nor part of one. */
    static const char *const LETTERS_ONLY[][2] = {
        {"Example Brand 7", "EB"},
        {"Example Brand 137 Đšav", "ĐŠ"},
        {"Пример бренд Џ18", "Џ"},
        {"Example Brand 2 Šavovi 3 Nit", "ŠN"},
    };
    for (size_t i = 0; i < sizeof LETTERS_ONLY / sizeof LETTERS_ONLY[0]; i++) {
        monogram_initials(LETTERS_ONLY[i][0], &common, initials, sizeof initials);
        assert_string_equal(initials, LETTERS_ONLY[i][1]);
    }
    assert_true(monogram_initials_variant("Example Brand 137 Đšav", &common, MONOGRAM_FIRST_AND_LATER_LETTER, initials,
                                          sizeof initials));
    assert_string_equal(initials, "ĐA");
    assert_true(monogram_initials_variant("Example Brand 137 Đšav", &common, MONOGRAM_FIRST_AND_LATER_LETTER + 1,
                                          initials, sizeof initials));
    assert_string_equal(initials, "ĐV");
    assert_false(monogram_initials_variant("Example Brand 137 Đšav", &common, MONOGRAM_FIRST_AND_LATER_LETTER + 2,
                                           initials, sizeof initials));
    assert_true(monogram_initials_variant("Haljina Nit", NULL, MONOGRAM_FIRST_AND_LATER_LETTER, initials, sizeof initials));
    assert_string_equal(initials, "HL");
    assert_false(monogram_initials_variant("Ab", NULL, MONOGRAM_FIRST_AND_LATER_LETTER, initials, sizeof initials));
    /* Upper case, two letters at most; a Serbian digraph starting a word is one letter. */
    static const char *const TWO_LETTERS[][2] = {
        {"Đšav", "ĐŠ"},        {"Жица", "ЖИ"},   {"атеље", "АТ"},      {"Ljubica", "LJU"},   {"Njiva Nit", "NJN"},
        {"Ana Džemper", "ADŽ"}, {"Џемпер", "ЏЕ"}, {"Aljoša", "AL"},    {"x", "X"},
    };
    for (size_t i = 0; i < sizeof TWO_LETTERS / sizeof TWO_LETTERS[0]; i++) {
        for (int variant = 0; variant < MONOGRAM_VARIANT_COUNT; variant++) {
            char variant_out[MONOGRAM_INITIALS_MAX];
            if (monogram_initials_variant(TWO_LETTERS[i][0], NULL, variant, variant_out, sizeof variant_out)) {
                for (const char *c = variant_out; *c; c++) {
                    assert_false(*c >= 'a' && *c <= 'z');
                }
            }
        }
        monogram_initials(TWO_LETTERS[i][0], NULL, initials, sizeof initials);
        assert_string_equal(initials, TWO_LETTERS[i][1]);
    }
    monogram_initials("!!!", &common, initials, sizeof initials);
    assert_string_equal(initials, "");
    monogram_common_words_free(&common);

    /* No common words (the bundled pack): initials of the first two words. */
    monogram_initials("Extreme Intimo", NULL, initials, sizeof initials);
    assert_string_equal(initials, "EI");
    monogram_initials("VTS DMD Belgrade", NULL, initials, sizeof initials);
    assert_string_equal(initials, "VD");
}

static void test_other_initials_for_a_taken_monogram(void **state)
{
    (void)state;
    char out[MONOGRAM_INITIALS_MAX];
    const char *novi_sad = "Haljina Novi Sad";
    assert_true(monogram_initials_variant(novi_sad, NULL, MONOGRAM_FIRST_TWO_WORDS, out, sizeof out));
    assert_string_equal(out, "HN");
    assert_true(monogram_initials_variant(novi_sad, NULL, MONOGRAM_FIRST_AND_LAST_WORD, out, sizeof out));
    assert_string_equal(out, "HS");
    assert_true(monogram_initials_variant(novi_sad, NULL, MONOGRAM_FIRST_WORD, out, sizeof out));
    assert_string_equal(out, "HA");
    assert_true(monogram_initials_variant(novi_sad, NULL, MONOGRAM_FIRST_AND_LATER_LETTER, out, sizeof out));
    assert_string_equal(out, "HL");
    /* Never three letters: every variant of every name two at most. */
    for (int variant = 0; variant < MONOGRAM_VARIANT_COUNT; variant++) {
        if (monogram_initials_variant(novi_sad, NULL, variant, out, sizeof out)) {
            assert_int_equal(strlen(out), 2);
        }
    }
    /* The last word however long the name. */
    assert_true(monogram_initials_variant("A1 B C D E F G H I J Zeta", NULL, MONOGRAM_FIRST_AND_LAST_WORD, out,
                                          sizeof out));
    assert_string_equal(out, "AZ");
    /* Too few words for a variant: none. */
    assert_false(monogram_initials_variant("Haljina Nit", NULL, MONOGRAM_FIRST_AND_LAST_WORD, out, sizeof out));
    assert_string_equal(out, "");
    assert_false(monogram_initials_variant("Šavovi", NULL, MONOGRAM_FIRST_WORD, out, sizeof out));
    assert_false(monogram_initials_variant("", NULL, MONOGRAM_FIRST_TWO_WORDS, out, sizeof out));
    assert_false(monogram_initials_variant("Haljina Nit", NULL, MONOGRAM_VARIANT_COUNT, out, sizeof out));
}

static void test_monograms_tell_members_apart(void **state)
{
    (void)state;
    Pack pack;
    make_pack(&pack);
    CommonWords common;
    assert_true(monogram_common_words_find(pack.pointers, pack.count, &common));
    char all[80][MONOGRAM_INITIALS_MAX];
    int most = 0;
    for (size_t i = 0; i < pack.count; i++) {
        monogram_initials(pack.names[i], &common, all[i], sizeof all[i]);
        assert_string_not_equal(all[i], "EB");
        assert_string_not_equal(all[i], "ПБ");
        int same = 0;
        for (size_t j = 0; j <= i; j++) {
            same += strcmp(all[i], all[j]) == 0;
        }
        most = same > most ? same : most;
    }
    /* Before: "EB" on 60 of 72 cards. Now no monogram is on more than three. */
    assert_true(most <= 3);
    monogram_common_words_free(&common);
}

static void test_colours_are_stable_readable_and_varied(void **state)
{
    (void)state;
    uint32_t fills[WORD_COUNT];
    int distinct = 0;
    for (int i = 0; i < WORD_COUNT; i++) {
        char name[64];
        snprintf(name, sizeof name, "Example Brand %s", WORDS[i]);
        fills[i] = monogram_fill(name);
        assert_int_equal(fills[i], monogram_fill(name));
        assert_true(colour_contrast(fills[i], monogram_ink(fills[i])) >= COLOUR_MIN_CONTRAST);
        assert_int_equal(monogram_ink(fills[i]), 0xFFFFFF);
        bool seen = false;
        for (int j = 0; j < i; j++) {
            seen = seen || fills[j] == fills[i];
        }
        distinct += !seen;
    }
    assert_true(distinct >= WORD_COUNT * 2 / 3);
    for (int i = 0; i < 2000; i++) {
        char name[32];
        snprintf(name, sizeof name, "Member %d", i);
        uint32_t fill = monogram_fill(name);
        assert_true(colour_contrast(fill, 0xFFFFFF) >= COLOUR_MIN_CONTRAST);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_common_words_per_script),
        cmocka_unit_test(test_thresholds),
        cmocka_unit_test(test_distinctive_part_and_initials),
        cmocka_unit_test(test_other_initials_for_a_taken_monogram),
        cmocka_unit_test(test_monograms_tell_members_apart),
        cmocka_unit_test(test_colours_are_stable_readable_and_varied),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
