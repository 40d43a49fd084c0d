/* The palette keeps every text colour readable (WCAG 4.5:1) on the backgrounds it is drawn
 * on, whatever theme a pack brings; a good theme is left as it is. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/colour.h"
#include "render/paint.h"

static uint32_t rgb(SDL_Color c)
{
    return ((uint32_t)c.r << 16) | ((uint32_t)c.g << 8) | c.b;
}

static void expect_readable(const Theme *theme)
{
    Palette p = palette_from_theme(theme);
    uint32_t grounds[] = {rgb(p.background), rgb(p.surface)};
    uint32_t inks[] = {rgb(p.text), rgb(p.muted), rgb(p.accent)};
    for (size_t g = 0; g < 2; g++) {
        for (size_t i = 0; i < 3; i++) {
            assert_true(colour_contrast(inks[i], grounds[g]) >= COLOUR_MIN_CONTRAST);
        }
    }
    assert_true(colour_contrast(rgb(p.accent_text), rgb(p.accent)) >= COLOUR_MIN_CONTRAST);
}

static void test_good_theme_unchanged(void **state)
{
    (void)state;
    Theme theme = {0x15141A, 0x211F27, 0xF4F0E8, 0xA8A29A, 0xC9A45C, 0x15141A};
    Palette p = palette_from_theme(&theme);
    assert_int_equal(rgb(p.text), 0xF4F0E8);
    assert_int_equal(rgb(p.muted), 0xA8A29A);
    assert_int_equal(rgb(p.accent), 0xC9A45C);
    expect_readable(&theme);
}

static void test_poor_themes_corrected(void **state)
{
    (void)state;
    Theme grey_on_grey = {0x808080, 0x888888, 0x999999, 0x8A8A8A, 0x858585, 0x8C8C8C};
    Theme light = {0xFFFFFF, 0xF2F2F2, 0xDDDDDD, 0xEEEEEE, 0xFFD700, 0xFFFFFF};
    expect_readable(&grey_on_grey);
    expect_readable(&light);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_theme_unchanged),
        cmocka_unit_test(test_poor_themes_corrected),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
