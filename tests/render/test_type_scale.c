/* test_type_scale.c — the type scale of each orientation (render/paint.h metrics_for) at the
 * kiosk's sizes and the screenshot references' sizes: titles above card headings above body
 * above captions, body between 2.5 % and 3.5 % of the height; and the section bar's labels
 * (render/chrome.h), measured with the real fonts: one size in every language, each title of
 * each language on one line in its button. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "render/chrome.h"
#include "render/kit.h"

#include <SDL2/SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>

static const struct {
    int w, h;
} SIZES[] = {{1280, 720}, {1920, 1080}, {1080, 1920}, {960, 540}, {540, 960}};

static void test_titles_above_body_within_bounds(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof SIZES / sizeof SIZES[0]; i++) {
        Metrics m = metrics_for(SIZES[i].w, SIZES[i].h);
        print_message("%dx%d: title %d heading %d quote %d body %d small %d figure %d\n", m.w, m.h, m.size_title,
                      m.size_heading, m.size_quote, m.size_body, m.size_small, m.size_figure);
        assert_true(m.size_title > m.size_heading);
        assert_true(m.size_heading > m.size_body);
        assert_true(m.size_quote > m.size_body);
        assert_true(m.size_figure > m.size_title);
        assert_true(m.size_body > m.size_small);
        assert_true(m.size_small >= m.size_eyebrow);
        /* Body between 2.5 % and 3.5 % of the height, and never below the floor. */
        assert_true(m.size_body * 1000 >= m.h * 25 - 500);
        assert_true(m.size_body * 1000 <= m.h * 35);
        assert_true(m.size_body >= m.size_floor);
    }
}

static void test_section_labels_one_size_one_line(void **state)
{
    (void)state;
    const char *source = getenv("FACTS_SOURCE_DIR");
    assert_non_null(source);
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/assets/fonts", source);
    assert_int_equal(TTF_Init(), 0);
    char why[512] = "";
    Fonts *fonts = fonts_load(dir, why, sizeof why);
    assert_non_null(fonts);
    /* The profile's five sections; on an event's days a booth has a sixth (EVENT). */
    bool all[SECTION_COUNT];
    for (size_t i = 0; i < 2 * sizeof SIZES / sizeof SIZES[0]; i++) {
        bool event_day = i % 2 == 1;
        for (int s = 0; s < SECTION_COUNT; s++) {
            all[s] = s != SECTION_EVENT || event_day;
        }
        Painter p = {.fonts = fonts, .m = metrics_for(SIZES[i / 2].w, SIZES[i / 2].h)};
        SectionBar bar;
        int size = chrome_section_bar(&p, all, &bar);
        print_message("%dx%d%s: section labels %d px (small %d)\n", p.m.w, p.m.h, event_day ? " (event day)" : "",
                      size, p.m.size_small);
        assert_int_equal(bar.count, event_day ? SECTION_COUNT : SECTION_COUNT - 1);
        assert_int_equal(bar.size, size);
        /* Not shrunk to nothing: at least two thirds of the caption size (three fifths with
         * the event's sixth tab: six tabs on a portrait screen's width). */
        assert_true(event_day ? size * 5 >= p.m.size_small * 3 : size * 3 >= p.m.size_small * 2);
        assert_true(size <= p.m.size_small);
        int right = bar.bar.x;
        for (int s = 0; s < bar.count; s++) {
            assert_true(bar.buttons[s].x >= right);
            assert_true(bar.buttons[s].w >= p.m.target);
            assert_true(bar.buttons[s].h >= p.m.target);
            right = bar.buttons[s].x + bar.buttons[s].w;
            for (int l = 0; l < LANG_COUNT; l++) {
                const char *title = kit_section_title(bar.ids[s], (Lang)l);
                int w = paint_text_width(&p, title, FONT_BOLD, size);
                if (w > bar.labels[s].w) {
                    fail_msg("%dx%d: \"%s\" is %d px wide at %d px, its label box %d", p.m.w, p.m.h, title, w, size,
                             bar.labels[s].w);
                }
                assert_true(bar.labels[s].x >= bar.buttons[s].x);
                assert_true(bar.labels[s].x + bar.labels[s].w <= bar.buttons[s].x + bar.buttons[s].w);
            }
        }
        assert_true(right <= bar.bar.x + bar.bar.w);
    }
    fonts_unload(fonts);
    TTF_Quit();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_titles_above_body_within_bounds),
        cmocka_unit_test(test_section_labels_one_size_one_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
