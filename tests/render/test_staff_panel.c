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
static const StaffPage PAGES[] = {STAFF_PAGE_PIN, STAFF_PAGE_PANEL, STAFF_PAGE_TOUCH_TEST, STAFF_PAGE_PROBLEMS,
                                  STAFF_PAGE_PREVIEW, STAFF_PAGE_CLOCK};

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
        for (size_t p = 0; p < sizeof PAGES / sizeof PAGES[0] * 2; p++) {
            bool import = p >= sizeof PAGES / sizeof PAGES[0];
            StaffPage page = PAGES[p % (sizeof PAGES / sizeof PAGES[0])];
            StaffButton buttons[STAFF_PANEL_BUTTONS];
            size_t count = staff_panel_layout(w, h, page, import, buttons, STAFF_PANEL_BUTTONS);
            assert_true(count >= 1);
            /* The panel has Copy and Take only with import; the preview's bar Discard, Install,
             * Back and the languages. */
            assert_int_equal(count, page == STAFF_PAGE_PIN       ? 13
                                    : page == STAFF_PAGE_PANEL   ? (import ? 10 : 8)
                                    : page == STAFF_PAGE_PREVIEW ? 2 + 1 + LANG_COUNT
                                    : page == STAFF_PAGE_CLOCK   ? 1 + 6 + 1 /* Done, -/+ day, hour, minute, confirm */
                                                                 : 1);
            for (size_t i = 0; i < count; i++) {
                SDL_Rect r = buttons[i].rect;
                assert_true(r.x >= 0 && r.y >= 0 && r.x + r.w <= w && r.y + r.h <= h);
                assert_true(r.w >= target && r.h >= target);
                for (size_t j = i + 1; j < count; j++) {
                    assert_false(overlap(r, buttons[j].rect));
                }
                StaffButton found = {0};
                assert_true(staff_panel_hit(w, h, page, import, (float)(r.x + r.w / 2), (float)(r.y + r.h / 2), &found));
                assert_int_equal(found.action, buttons[i].action);
                assert_int_equal(found.digit, buttons[i].digit);
            }
            StaffButton none = {0};
            assert_false(staff_panel_hit(w, h, page, import, (float)w / 2.0f, 1.0f, &none));
        }
    }
    /* The pad has every digit once. */
    StaffButton keys[STAFF_PANEL_BUTTONS];
    size_t count = staff_panel_layout(1280, 720, STAFF_PAGE_PIN, true, keys, STAFF_PANEL_BUTTONS);
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
    /* What a workbook with mistakes gives (fictional; the real lines come from the builder). */
    static const char *const PROBLEMS[] = {
        "content.xlsx, sheet \"members\", row 14, column \"name\": required value is empty",
        "content.xlsx, sheet \"members\", row 15, column \"kind\": \"Startup\" is not one of the allowed words: SME, "
        "large company, university, institute, association, public body",
        "content.xlsx, sheet \"members\", row 16, column \"id\": \"example-brand-with-a-very-long-identifier-that-"
        "goes-on…-and-on-past-the-limit\" is longer than 64 characters",
        "content.xlsx, sheet \"stories\", row 3, column \"show_from\": \"31.02.2026\" is not a date",
        "members (1).csv: not a sheet the kiosk knows — did you mean members.csv?",
        "content.xlsx, sheet \"stories\", row 4, column \"image\": images/missing.png is not in the images folder",
        "content.xlsx, sheet \"members\", row 22, column \"website\": \"example.org\" does not start with https://",
        "content.xlsx, sheet \"members\", row 23, column \"name\": required value is empty",
        "content.xlsx, sheet \"members\", row 24, column \"name\": required value is empty",
        "content.xlsx, sheet \"members\", row 25, column \"name\": required value is empty",
        "warnings: 204 of the kind \"same text as in English\" (all of them in import-report.txt)",
    };
    view->problems = PROBLEMS;
    view->problem_count = sizeof PROBLEMS / sizeof PROBLEMS[0];
    view->scroll_px = 0.0f;
    if (page == STAFF_PAGE_PIN) {
        staff_panel_format(view->message, sizeof view->message, UI_STAFF_WRONG_PIN, LANG_EN, 3);
        view->problem = true;
    } else if (page == STAFF_PAGE_PANEL) {
        view->armed = STAFF_ACT_ROLLBACK;
    }
    snprintf(view->clock_time, sizeof view->clock_time, "2026-12-08 14:35:07");
    snprintf(view->clock_short, sizeof view->clock_short, "14:35");
    view->clock_state = UI_STAFF_CLOCK_NONE;
    view->clock_moved = page == STAFF_PAGE_CLOCK;
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
    /* Each page, the panel also busy importing with its import buttons switched off, the
     * problems list scrolled down, and the preview's bar over a stand-in for the slides. */
    static const struct {
        const char *name;
        StaffPage page;
        bool import_off;
        float scroll_px;
        Lang lang;
    } SHOTS[] = {
        {"pin", STAFF_PAGE_PIN, false, 0.0f, LANG_EN},
        {"panel", STAFF_PAGE_PANEL, false, 0.0f, LANG_EN},
        {"panel-import-off", STAFF_PAGE_PANEL, true, 0.0f, LANG_EN},
        {"panel-sr-cyrl", STAFF_PAGE_PANEL, false, 0.0f, LANG_SR_CYRL},
        {"touch", STAFF_PAGE_TOUCH_TEST, false, 0.0f, LANG_EN},
        {"problems", STAFF_PAGE_PROBLEMS, false, 0.0f, LANG_EN},
        {"problems-scrolled", STAFF_PAGE_PROBLEMS, false, 400.0f, LANG_SR_LATN},
        {"preview", STAFF_PAGE_PREVIEW, false, 0.0f, LANG_EN},
        {"preview-sr-cyrl", STAFF_PAGE_PREVIEW, false, 0.0f, LANG_SR_CYRL},
        {"clock", STAFF_PAGE_CLOCK, false, 0.0f, LANG_EN},
        {"clock-sr-cyrl", STAFF_PAGE_CLOCK, false, 0.0f, LANG_SR_CYRL},
    };
    for (size_t s = 0; s < 3; s++) {
        int w = SIZES[s][0];
        int h = SIZES[s][1];
        for (size_t p = 0; p < sizeof SHOTS / sizeof SHOTS[0]; p++) {
            SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
            assert_non_null(surface);
            SDL_Renderer *renderer = SDL_CreateSoftwareRenderer(surface);
            assert_non_null(renderer);
            SDL_SetRenderDrawColor(renderer, 0xE8, 0xDF, 0xC8, 255); /* the slides under the bar */
            SDL_RenderClear(renderer);
            StaffView view = {0};
            fill_view(&view, SHOTS[p].page, points, 64);
            view.import_off = SHOTS[p].import_off;
            view.scroll_px = SHOTS[p].scroll_px;
            view.lang = SHOTS[p].lang;
            view.preview_lang = SHOTS[p].lang;
            if (view.import_off) {
                view.busy = true; /* what a copy shows while it runs, whatever the buttons */
                view.progress = 0.4;
                snprintf(view.message, sizeof view.message, "%s", ui_text(UI_STAFF_COPYING_TO_STICK, LANG_EN));
                view.problem = false;
                view.armed = STAFF_ACT_NONE;
            }
            staff_panel_draw(renderer, fonts, w, h, &view);
            char path[4200];
            snprintf(path, sizeof path, "%s/staff-%s-%dx%d.png", dir, SHOTS[p].name, w, h);
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
