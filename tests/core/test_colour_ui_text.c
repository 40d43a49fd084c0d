/* Colour contrast (WCAG 2 reference values), readable-colour correction, UI strings in
 * every language, dates written for people. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/colour.h"
#include "core/ui_text.h"

static void test_contrast_reference_values(void **state)
{
    (void)state;
    assert_float_equal(colour_contrast(0x000000, 0xFFFFFF), 21.0, 0.01);
    assert_float_equal(colour_contrast(0xFFFFFF, 0xFFFFFF), 1.0, 0.001);
    assert_float_equal(colour_contrast(0x777777, 0xFFFFFF), 4.48, 0.01);
    assert_float_equal(colour_contrast(0xF4F0E8, 0x15141A), 16.11, 0.02);
}

static void test_readable_fixes_low_contrast_only(void **state)
{
    (void)state;
    assert_int_equal(colour_readable(0xF4F0E8, 0x15141A, COLOUR_MIN_CONTRAST), 0xF4F0E8);
    uint32_t fixed = colour_readable(0x333333, 0x222222, COLOUR_MIN_CONTRAST);
    assert_true(colour_contrast(fixed, 0x222222) >= COLOUR_MIN_CONTRAST);
    uint32_t on_light = colour_readable(0xDDDDDD, 0xFFFFFF, COLOUR_MIN_CONTRAST);
    assert_true(colour_contrast(on_light, 0xFFFFFF) >= COLOUR_MIN_CONTRAST);
    assert_true((on_light & 0xFF) < 0x80); /* moved towards black on white */
}

static void test_every_ui_text_in_every_language(void **state)
{
    (void)state;
    for (int id = 0; id < UI_TEXT_COUNT; id++) {
        for (int lang = 0; lang < LANG_COUNT; lang++) {
            assert_true(strlen(ui_text((UiText)id, (Lang)lang)) > 0);
        }
    }
    assert_string_equal(ui_text(UI_SECTION_CONTACT, LANG_SR_CYRL), "Контакт");
    assert_string_equal(ui_text(UI_TEXT_COUNT, LANG_EN), "");
}

static void test_dates_for_people(void **state)
{
    (void)state;
    char out[64];
    ui_format_date("2010-09-14", LANG_EN, out, sizeof out);
    assert_string_equal(out, "14 September 2010");
    ui_format_date("2010-09-14", LANG_SR_LATN, out, sizeof out);
    assert_string_equal(out, "14. septembar 2010.");
    ui_format_date("2010-09-14", LANG_SR_CYRL, out, sizeof out);
    assert_string_equal(out, "14. септембар 2010.");
    ui_format_date("2010-13-01", LANG_EN, out, sizeof out);
    assert_string_equal(out, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_contrast_reference_values),
        cmocka_unit_test(test_readable_fixes_low_contrast_only),
        cmocka_unit_test(test_every_ui_text_in_every_language),
        cmocka_unit_test(test_dates_for_people),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
