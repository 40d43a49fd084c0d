/* Transliteration cases: single letters, digraphs in every case, exceptions,
 * addresses kept in Latin, non-Serbian text untouched. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "core/translit.h"

static void expect_cyrillic(const char *latin, const char *cyrillic)
{
    char *out = translit_latin_to_cyrillic(latin);
    assert_non_null(out);
    assert_string_equal(out, cyrillic);
    free(out);
}

static void test_single_letters(void **state)
{
    (void)state;
    expect_cyrillic("abcčćdđefghijklmnoprsštuvzž", "абцчћдђефгхијклмнопрсштувзж");
    expect_cyrillic("ABCČĆDĐEFGHIJKLMNOPRSŠTUVZŽ", "АБЦЧЋДЂЕФГХИЈКЛМНОПРСШТУВЗЖ");
}

static void test_digraphs_are_single_letters(void **state)
{
    (void)state;
    expect_cyrillic("ljubav njiva džep", "љубав њива џеп");
    expect_cyrillic("Ljubljana Njegoš Džudo", "Љубљана Његош Џудо");
    expect_cyrillic("LJUBAV NJIVA DŽEP", "ЉУБАВ ЊИВА ЏЕП");
}

static void test_digraph_exceptions(void **state)
{
    (void)state;
    expect_cyrillic("nadživeti", "надживети");
    expect_cyrillic("injekcija", "инјекција");
    expect_cyrillic("Konjugacija", "Конјугација");
}

static void test_real_sentence(void **state)
{
    (void)state;
    expect_cyrillic("Klaster modne odeće Srbije, Beograd 2010.",
                    "Кластер модне одеће Србије, Београд 2010.");
}

static void test_addresses_stay_latin(void **state)
{
    (void)state;
    expect_cyrillic("Pišite na info@example.org ili https://example.org/kontakt",
                    "Пишите на info@example.org или https://example.org/kontakt");
    expect_cyrillic("www.example.org", "www.example.org");
}

static void test_foreign_letters_and_scripts_untouched(void **state)
{
    (void)state;
    expect_cyrillic("Extreme Intimo WGSN", "Extreme Интимо WGSN");
    expect_cyrillic("Већ ћирилица", "Већ ћирилица");
    expect_cyrillic("", "");
}

/* A letter touching a digit makes a code that Cyrillic text keeps in Latin; words beside
 * digits, and numbers alone, are Serbian as usual. */
static void test_codes_with_digits_stay_latin(void **state)
{
    (void)state;
    expect_cyrillic("Primer B2B dan sastanaka", "Пример B2B дан састанака");
    expect_cyrillic("Format A4 i 3D štampa", "Формат A4 и 3D штампа");
    expect_cyrillic("Sala 2 od 10:20, 2026. godine", "Сала 2 од 10:20, 2026. године");
    expect_cyrillic("Hala C, sto 21", "Хала Ц, сто 21");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_single_letters),
        cmocka_unit_test(test_digraphs_are_single_letters),
        cmocka_unit_test(test_digraph_exceptions),
        cmocka_unit_test(test_real_sentence),
        cmocka_unit_test(test_addresses_stay_latin),
        cmocka_unit_test(test_foreign_letters_and_scripts_untouched),
        cmocka_unit_test(test_codes_with_digits_stay_latin),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
