/* Hit testing (edges, overlap, degenerate regions, bad points) and the
 * minimum touch-target size across screen sizes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include "core/hit.h"

static const HitRegion REGIONS[] = {
    /* A full-width section bar, a language button drawn over its right end,
     * and a degenerate region that must never match. */
    {0, 1000, 1920, 80, {.kind = DECK_CMD_GOTO_SECTION, .arg.section = SECTION_ABOUT}},
    {1800, 1000, 120, 80, {.kind = DECK_CMD_SET_LANG, .arg.lang = LANG_SR_CYRL}},
    {100, 100, 0, 50, {.kind = DECK_CMD_ATTRACT}},
    {300, 200, 200, 150, {.kind = DECK_CMD_OPEN_DETAIL, .arg.index = 4}},
};
enum { REGION_COUNT = sizeof REGIONS / sizeof REGIONS[0] };

static void test_hit_inside_and_edges(void **state)
{
    (void)state;
    DeckCommand out = {0};
    assert_true(hit_test(REGIONS, REGION_COUNT, 350.5f, 260.0f, &out));
    assert_int_equal(out.kind, DECK_CMD_OPEN_DETAIL);
    assert_int_equal(out.arg.index, 4);

    /* Left/top edges are inside, right/bottom edges outside. */
    assert_true(hit_test(REGIONS, REGION_COUNT, 300.0f, 200.0f, &out));
    assert_true(hit_test(REGIONS, REGION_COUNT, 499.9f, 349.9f, &out));
    out.kind = DECK_CMD_NONE;
    assert_false(hit_test(REGIONS, REGION_COUNT, 500.0f, 260.0f, &out));
    assert_false(hit_test(REGIONS, REGION_COUNT, 350.0f, 350.0f, &out));
    assert_false(hit_test(REGIONS, REGION_COUNT, 299.9f, 260.0f, &out));
    assert_int_equal(out.kind, DECK_CMD_NONE); /* untouched on a miss */
}

static void test_hit_topmost_wins(void **state)
{
    (void)state;
    DeckCommand out = {0};
    assert_true(hit_test(REGIONS, REGION_COUNT, 1850.0f, 1040.0f, &out));
    assert_int_equal(out.kind, DECK_CMD_SET_LANG);
    assert_int_equal(out.arg.lang, LANG_SR_CYRL);
    assert_true(hit_test(REGIONS, REGION_COUNT, 1700.0f, 1040.0f, &out));
    assert_int_equal(out.kind, DECK_CMD_GOTO_SECTION);
    assert_int_equal(out.arg.section, SECTION_ABOUT);
    /* hit_find names the same region, for the pressed state. */
    assert_int_equal(hit_find(REGIONS, REGION_COUNT, 1850.0f, 1040.0f), 1);
    assert_int_equal(hit_find(REGIONS, REGION_COUNT, 1700.0f, 1040.0f), 0);
    assert_int_equal(hit_find(REGIONS, REGION_COUNT, 350.0f, 260.0f), 3);
    assert_int_equal(hit_find(REGIONS, REGION_COUNT, 100.0f, 120.0f), -1);
    assert_int_equal(hit_find(REGIONS, REGION_COUNT, NAN, 1040.0f), -1);
    assert_int_equal(hit_find(NULL, 3, 1850.0f, 1040.0f), -1);
}

static void test_hit_rejects_degenerate_and_bad_input(void **state)
{
    (void)state;
    DeckCommand out = {0};
    assert_false(hit_test(REGIONS, REGION_COUNT, 100.0f, 120.0f, &out));
    assert_false(hit_test(REGIONS, REGION_COUNT, NAN, 260.0f, &out));
    assert_false(hit_test(REGIONS, REGION_COUNT, 350.0f, INFINITY, &out));
    assert_false(hit_test(NULL, 3, 350.0f, 260.0f, &out));
    assert_false(hit_test(REGIONS, 0, 350.0f, 260.0f, &out));
    /* Coordinates near INT_MAX must not overflow. */
    HitRegion far = {2147483000, 0, 1000, 10, {.kind = DECK_CMD_BACK}};
    assert_true(hit_test(&far, 1, 2147483500.0f, 5.0f, &out));
    assert_int_equal(out.kind, DECK_CMD_BACK);
}

static void test_min_target_size(void **state)
{
    (void)state;
    assert_int_equal(hit_min_target_px(1920, 1080), 56);
    assert_int_equal(hit_min_target_px(1080, 1920), 56);
    assert_int_equal(hit_min_target_px(1280, 720), 37);
    assert_int_equal(hit_min_target_px(3840, 2160), 112);
    assert_int_equal(hit_min_target_px(2560, 1440), 75);
    assert_int_equal(hit_min_target_px(0, 1080), 56);
    assert_int_equal(hit_min_target_px(-1, -1), 56);
}

/* A page indicator: one target across its width, a touch anywhere on it is the page under
 * the finger, a drag past either end stays on the first or last page. */
static void test_page_indicator_resolves_to_a_page(void **state)
{
    (void)state;
    HitRegion pager = {100, 600, 250, 40, {.kind = DECK_CMD_SCRUB, .arg.index = 25}}; /* 10 px a page */
    DeckCommand out = {0};
    assert_true(hit_test(&pager, 1, 100.0f, 620.0f, &out));
    assert_int_equal(out.kind, DECK_CMD_GOTO_PAGE);
    assert_int_equal(out.arg.index, 0);
    assert_true(hit_test(&pager, 1, 134.9f, 620.0f, &out));
    assert_int_equal(out.arg.index, 3);
    assert_true(hit_test(&pager, 1, 349.0f, 639.0f, &out));
    assert_int_equal(out.arg.index, 24);
    assert_int_equal(hit_find(&pager, 1, 200.0f, 620.0f), 0);
    assert_int_equal(hit_find(&pager, 1, 200.0f, 640.0f), -1);
    /* Dragged: the finger can leave the target. */
    assert_int_equal(hit_command_at(&pager, -500.0f).arg.index, 0);
    assert_int_equal(hit_command_at(&pager, 5000.0f).arg.index, 24);
    assert_int_equal(hit_command_at(&pager, INFINITY).arg.index, 24);
    assert_int_equal(hit_command_at(&pager, NAN).arg.index, 0);
    /* Other targets mean what they say wherever they are touched. */
    HitRegion back = {0, 0, 10, 10, {.kind = DECK_CMD_BACK}};
    assert_int_equal(hit_command_at(&back, 3.0f).kind, DECK_CMD_BACK);
    HitRegion broken = {0, 0, 10, 10, {.kind = DECK_CMD_SCRUB, .arg.index = 0}};
    assert_int_equal(hit_command_at(&broken, 3.0f).kind, DECK_CMD_NONE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hit_inside_and_edges),
        cmocka_unit_test(test_hit_topmost_wins),
        cmocka_unit_test(test_hit_rejects_degenerate_and_bad_input),
        cmocka_unit_test(test_min_target_size),
        cmocka_unit_test(test_page_indicator_resolves_to_a_page),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
