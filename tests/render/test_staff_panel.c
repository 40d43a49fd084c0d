/* test_staff_panel.c — the staff panel's layout and drawing: every button of every page lies
 * on the screen, is at least a touch target, overlaps no other, and a touch at its centre
 * finds it; the pages draw at 1280x720 and 1080x1920 with the real fonts through SDL's
 * software renderer, into PNGs (build/.../staff-shots/) that show something other than the
 * background. FACTS_STAFF_SHOTS=DIR writes them there instead, to look at. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/hit.h"
#include "render/screen.h"
#include "render/staff_panel.h"

#include <SDL2/SDL.h>
#include <SDL2/SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const int SIZES[][2] = {{1280, 720}, {1080, 1920}, {1920, 1080}, {800, 480}};
static const StaffPage PAGES[] = {STAFF_PAGE_PIN, STAFF_PAGE_PANEL, STAFF_PAGE_TOUCH_TEST};

static bool overlap(SDL_Rect a, SDL_Rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

static void test_buttons_fit_and_are_found(void **state)
{
    (void)state;
    for (size_t s = 0; s < sizeof SIZES / sizeof SIZES[0]; s++) {
        int w = SIZES[s][0];
        int h = SIZES[s][1];
        int target = hit_min_target_px(w, h);
        for (size_t p = 0; p < sizeof PAGES / sizeof PAGES[0]; p++) {
            StaffButton buttons[STAFF_PANEL_BUTTONS];
            size_t count = staff_panel_layout(w, h, PAGES[p], buttons, STAFF_PANEL_BUTTONS);
            assert_true(count >= 1);
            assert_int_equal(count, PAGES[p] == STAFF_PAGE_PIN ? 13 : PAGES[p] == STAFF_PAGE_PANEL ? 7 : 1);
            for (size_t i = 0; i < count; i++) {
                SDL_Rect r = buttons[i].rect;
                assert_true(r.x >= 0 && r.y >= 0 && r.x + r.w <= w && r.y + r.h <= h);
                assert_true(r.w >= target && r.h >= target);
                for (size_t j = i + 1; j < count; j++) {
                    assert_false(overlap(r, buttons[j].rect));
                }
                StaffButton found = {0};
                assert_true(staff_panel_hit(w, h, PAGES[p], (float)(r.x + r.w / 2), (float)(r.y + r.h / 2), &found));
                assert_int_equal(found.action, buttons[i].action);
                assert_int_equal(found.digit, buttons[i].digit);
            }
            StaffButton none = {0};
            assert_false(staff_panel_hit(w, h, PAGES[p], (float)w / 2.0f, 1.0f, &none));
        }
    }
    /* The pad has every digit once. */
    StaffButton keys[STAFF_PANEL_BUTTONS];
    size_t count = staff_panel_layout(1280, 720, STAFF_PAGE_PIN, keys, STAFF_PANEL_BUTTONS);
    int seen = 0;
    for (size_t i = 0; i < count; i++) {
        if (keys[i].action == STAFF_ACT_DIGIT) {
            seen |= 1 << keys[i].digit;
        }
    }
    assert_int_equal(seen, 0x3FF);
}

static void fill_view(StaffView *view, StaffPage page, StaffPoint *points, size_t point_count)
{
    static const struct {
        UiText label;
        const char *value;
    } ROWS[] = {
        {UI_STAFF_PACK, "Example Brand facts"},
        {UI_STAFF_SHOWING, "version 7 (installed, pending)"},
        {UI_STAFF_INSTALLED, "2026-12-01 12:40"},
        {UI_STAFF_LAST_UPDATE, "ok at 12:40: Content updated: version 7 (12 members, 3 stories)"},
        {UI_STAFF_TODAY, "not available"},
        {UI_STAFF_LEADS, "not available"},
        {UI_STAFF_FREE_SPACE, "12.3 GB of 31 GB"},
        {UI_STAFF_UPTIME, "2 h 05 min"},
        {UI_STAFF_TEMPERATURE, ""},
    };
    *view = (StaffView){.page = page, .lang = LANG_EN, .digits = 3, .start_lang = LANG_SR_LATN};
    for (size_t i = 0; i < sizeof ROWS / sizeof ROWS[0]; i++) {
        view->rows[i].label = ROWS[i].label;
        snprintf(view->rows[i].value, sizeof view->rows[i].value, "%s", ROWS[i].value);
    }
    view->row_count = sizeof ROWS / sizeof ROWS[0];
    if (page == STAFF_PAGE_PIN) {
        staff_panel_format(view->message, sizeof view->message, UI_STAFF_WRONG_PIN, LANG_EN, 3);
        view->problem = true;
    } else if (page == STAFF_PAGE_PANEL) {
        view->armed = STAFF_ACT_ROLLBACK;
    }
    view->points = points;
    view->point_count = point_count;
}

/* Share of pixels that differ from the top-left pixel (the background). */
static double drawn_share(SDL_Surface *surface)
{
    const uint32_t *pixels = surface->pixels;
    uint32_t background = pixels[0];
    size_t differ = 0;
    size_t total = (size_t)surface->w * (size_t)surface->h;
    for (int y = 0; y < surface->h; y++) {
        const uint32_t *row = (const uint32_t *)((const uint8_t *)surface->pixels + (size_t)y * (size_t)surface->pitch);
        for (int x = 0; x < surface->w; x++) {
            differ += row[x] != background;
        }
    }
    return (double)differ / (double)total;
}

static void test_pages_draw(void **state)
{
    (void)state;
    const char *source = getenv("FACTS_SOURCE_DIR");
    const char *binary = getenv("FACTS_BINARY_DIR");
    const char *wanted = getenv("FACTS_STAFF_SHOTS");
    assert_non_null(source);
    assert_non_null(binary);
    char fonts_dir[4096];
    char dir[4096];
    snprintf(fonts_dir, sizeof fonts_dir, "%s/assets/fonts", source);
    snprintf(dir, sizeof dir, "%s", wanted ? wanted : "");
    if (!wanted) {
        snprintf(dir, sizeof dir, "%s/staff-shots", binary);
    }
    mkdir(dir, 0755);
    assert_int_equal(TTF_Init(), 0);
    char why[512] = "";
    Fonts *fonts = fonts_load(fonts_dir, why, sizeof why);
    assert_non_null(fonts);
    StaffPoint points[64];
    for (int i = 0; i < 64; i++) {
        points[i] = (StaffPoint){(int16_t)(100 + i * 12), (int16_t)(300 + (i % 16) * 10), i == 0 || i == 32};
    }
    static const char *const NAMES[] = {"pin", "panel", "touch"};
    for (size_t s = 0; s < 2; s++) {
        int w = SIZES[s][0];
        int h = SIZES[s][1];
        for (size_t p = 0; p < sizeof PAGES / sizeof PAGES[0]; p++) {
            SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
            assert_non_null(surface);
            SDL_Renderer *renderer = SDL_CreateSoftwareRenderer(surface);
            assert_non_null(renderer);
            StaffView view = {0};
            fill_view(&view, PAGES[p], points, 64);
            staff_panel_draw(renderer, fonts, w, h, &view);
            char path[4200];
            snprintf(path, sizeof path, "%s/staff-%s-%dx%d.png", dir, NAMES[p], w, h);
            assert_true(screen_save_png(renderer, w, h, path));
            double share = drawn_share(surface);
            assert_true(share > 0.02);
            SDL_DestroyRenderer(renderer);
            SDL_FreeSurface(surface);
        }
    }
    fonts_unload(fonts);
    TTF_Quit();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_buttons_fit_and_are_found),
        cmocka_unit_test(test_pages_draw),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
