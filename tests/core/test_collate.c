/* Alphabetical order per language: the Serbian Latin and Cyrillic alphabets letter by
 * letter (digraphs are letters), names in the other script, English with diacritics
 * folded, numbers by value, and the index letter each name files under. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/collate.h"

static Lang sort_lang;

static int by_key(const void *a, const void *b)
{
    char ka[COLLATE_KEY_MAX];
    char kb[COLLATE_KEY_MAX];
    collate_key(*(const char *const *)a, sort_lang, ka, sizeof ka);
    collate_key(*(const char *const *)b, sort_lang, kb, sizeof kb);
    return strcmp(ka, kb);
}

/* Sorts a reversed copy of expected and checks it comes back in expected's order. */
static void expect_order(Lang lang, const char *const *expected, size_t count)
{
    const char *names[64];
    assert_true(count <= 64);
    for (size_t i = 0; i < count; i++) {
        names[i] = expected[count - 1 - i];
    }
    sort_lang = lang;
    qsort(names, count, sizeof names[0], by_key);
    for (size_t i = 0; i < count; i++) {
        assert_string_equal(names[i], expected[i]);
    }
}

static const char *label_of(const char *name, Lang lang)
{
    char key[COLLATE_KEY_MAX];
    collate_key(name, lang, key, sizeof key);
    return collate_letter_label(lang, collate_key_letter(key));
}

static void test_serbian_latin_alphabet(void **state)
{
    (void)state;
    static const char *const ORDER[] = {
        "Atelje", "Boja", "Cvet", "Čipka", "Ćilim", "Dugme", "Džemper", "Đerdan", "Elegant", "Fini",
        "Gajtan", "Haljina", "Igla", "Jakna", "Kroj", "Lan", "Ljubica", "Moda", "Nit", "Njiva",
        "Obuća", "Platno", "Rukav", "Svila", "Šavovi", "Tekstil", "Uzor", "Vez", "Zlatna", "Žica",
    };
    expect_order(LANG_SR_LATN, ORDER, sizeof ORDER / sizeof ORDER[0]);
    static const char *const LABELS[] = {"A", "B", "C", "Č", "Ć", "D", "Dž", "Đ", "E", "F", "G", "H", "I", "J",
                                         "K", "L", "Lj", "M", "N", "Nj", "O", "P", "R", "S", "Š", "T", "U", "V",
                                         "Z", "Ž"};
    for (size_t i = 0; i < sizeof ORDER / sizeof ORDER[0]; i++) {
        assert_string_equal(label_of(ORDER[i], LANG_SR_LATN), LABELS[i]);
    }
    /* Digraphs are one letter: "Lj" after every "L…", "Nj" after every "N…". */
    static const char *const DIGRAPHS[] = {"Dz", "Džak", "Đak", "Lz", "Ljubav", "Ma", "Nz", "Njiva", "Oa"};
    expect_order(LANG_SR_LATN, DIGRAPHS, sizeof DIGRAPHS / sizeof DIGRAPHS[0]);
}

static void test_serbian_cyrillic_alphabet(void **state)
{
    (void)state;
    static const char *const ORDER[] = {
        "Атеље", "Боја", "Вез", "Гајтан", "Дугме", "Ђердан", "Елегант", "Жица", "Златна", "Игла",
        "Јакна", "Крој", "Лан", "Љубица", "Мода", "Нит", "Њива", "Обућа", "Платно", "Рукав",
        "Свила", "Текстил", "Ћилим", "Узор", "Фини", "Хаљина", "Цвет", "Чипка", "Џемпер", "Шавови",
    };
    expect_order(LANG_SR_CYRL, ORDER, sizeof ORDER / sizeof ORDER[0]);
    static const char *const LABELS[] = {"А", "Б", "В", "Г", "Д", "Ђ", "Е", "Ж", "З", "И", "Ј", "К", "Л", "Љ", "М",
                                         "Н", "Њ", "О", "П", "Р", "С", "Т", "Ћ", "У", "Ф", "Х", "Ц", "Ч", "Џ", "Ш"};
    for (size_t i = 0; i < sizeof ORDER / sizeof ORDER[0]; i++) {
        assert_string_equal(label_of(ORDER[i], LANG_SR_CYRL), LABELS[i]);
    }
}

static void test_names_in_the_other_script(void **state)
{
    (void)state;
    /* Latin names among Cyrillic ones, as they read in Cyrillic. */
    static const char *const CYRILLIC[] = {"Свила", "Tekstil", "Узор", "Čipka", "Џемпер", "Šavovi"};
    expect_order(LANG_SR_CYRL, CYRILLIC, sizeof CYRILLIC / sizeof CYRILLIC[0]);
    assert_string_equal(label_of("Šavovi", LANG_SR_CYRL), "Ш");
    assert_string_equal(label_of("Ljubica", LANG_SR_CYRL), "Љ");
    assert_string_equal(label_of("Extreme", LANG_SR_CYRL), "Е"); /* foreign letters too: x → кс */
    assert_string_equal(label_of("Wool", LANG_SR_CYRL), "В");
    /* Cyrillic names among Latin ones. */
    static const char *const LATIN_SORTED[] = {"Љубица", "Svila", "Шавови", "Tekstil"};
    expect_order(LANG_SR_LATN, LATIN_SORTED, sizeof LATIN_SORTED / sizeof LATIN_SORTED[0]);
    assert_string_equal(label_of("Шавови", LANG_SR_LATN), "Š");
    assert_string_equal(label_of("Џемпер", LANG_SR_LATN), "Dž");
    assert_string_equal(label_of("Шавови", LANG_EN), "S");
}

static void test_english_folds_diacritics(void **state)
{
    (void)state;
    static const char *const ORDER[] = {"Ćilim", "Čipka", "Cvet", "Đerdan", "Dugme", "Šavovi", "Svila", "Žica",
                                        "Zlatna"};
    expect_order(LANG_EN, ORDER, sizeof ORDER / sizeof ORDER[0]);
    assert_string_equal(label_of("Čipka", LANG_EN), "C");
    assert_string_equal(label_of("Текстил", LANG_EN), "T");
    assert_int_equal(collate_letter_count(LANG_EN), 27);
    assert_int_equal(collate_letter_count(LANG_SR_LATN), 35);
    assert_int_equal(collate_letter_count(LANG_SR_CYRL), 31);
}

static void test_words_numbers_and_case(void **state)
{
    (void)state;
    static const char *const WORDS[] = {"Moda", "Moda plus", "Modaplus"};
    expect_order(LANG_SR_LATN, WORDS, 3);
    static const char *const NUMBERS[] = {"Example 2", "Example 007", "Example 10", "Example 12", "Example a"};
    expect_order(LANG_EN, NUMBERS, 5);
    char upper[COLLATE_KEY_MAX];
    char lower[COLLATE_KEY_MAX];
    collate_key("ŠAVOVI LJUBICA", LANG_SR_LATN, upper, sizeof upper);
    collate_key("šavovi ljubica", LANG_SR_LATN, lower, sizeof lower);
    assert_string_equal(upper, lower);
    assert_string_equal(label_of("123", LANG_SR_LATN), "#");
    assert_string_equal(label_of("Αθήνα", LANG_SR_CYRL), "#");
    char key[COLLATE_KEY_MAX];
    assert_int_equal(collate_key("", LANG_EN, key, sizeof key), 0);
    assert_int_equal(collate_key_letter(key), -1);
    assert_string_equal(collate_letter_label(LANG_EN, 99), "");
}

static void test_long_names_stay_in_bounds(void **state)
{
    (void)state;
    char name[2000];
    memset(name, 'a', sizeof name - 1);
    name[sizeof name - 1] = '\0';
    char key[COLLATE_KEY_MAX];
    size_t n = collate_key(name, LANG_SR_CYRL, key, sizeof key);
    assert_true(n < COLLATE_KEY_MAX);
    assert_int_equal(strlen(key), n);
    char small[4];
    assert_int_equal(collate_key("abcdef", LANG_EN, small, sizeof small), 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_serbian_latin_alphabet),
        cmocka_unit_test(test_serbian_cyrillic_alphabet),
        cmocka_unit_test(test_names_in_the_other_script),
        cmocka_unit_test(test_english_folds_diacritics),
        cmocka_unit_test(test_words_numbers_and_case),
        cmocka_unit_test(test_long_names_stay_in_bounds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
