/* The paint kit's layout arithmetic: grid cells tile their area in order without overlap,
 * a band taken off the top never takes more than there is, a labelled block's body sits
 * below its label, and every section has a heading (an unknown one an empty one). Shapes are
 * anti-aliased: drawn in SDL's software renderer, a disc's and a pill's edges are partly
 * covered pixels, their insides full and their outsides untouched, and a radius is made once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "render/kit.h"

static void test_grid_cells_tile_the_area(void **state)
{
    (void)state;
    SDL_Rect area = {10, 20, 300, 200};
    enum { COLS = 3, ROWS = 2, GAP = 6 };
    for (int i = 0; i < COLS * ROWS; i++) {
        SDL_Rect cell = kit_grid_cell(area, COLS, ROWS, i, GAP);
        assert_int_equal(cell.w, (300 - 2 * GAP) / COLS);
        assert_int_equal(cell.h, (200 - GAP) / ROWS);
        assert_true(cell.x >= area.x && cell.x + cell.w <= area.x + area.w);
        assert_true(cell.y >= area.y && cell.y + cell.h <= area.y + area.h);
        if (i % COLS > 0) { /* right of the one before, a gap apart */
            SDL_Rect left = kit_grid_cell(area, COLS, ROWS, i - 1, GAP);
            assert_int_equal(cell.x, left.x + left.w + GAP);
            assert_int_equal(cell.y, left.y);
        }
    }
    SDL_Rect second_row = kit_grid_cell(area, COLS, ROWS, COLS, GAP);
    assert_int_equal(second_row.x, area.x);
    assert_int_equal(second_row.y, area.y + (200 - GAP) / ROWS + GAP);
}

static void test_bands_and_insets(void **state)
{
    (void)state;
    SDL_Rect area = {0, 100, 50, 40};
    SDL_Rect top = kit_take_top(&area, 15);
    assert_int_equal(top.y, 100);
    assert_int_equal(top.h, 15);
    assert_int_equal(area.y, 115);
    assert_int_equal(area.h, 25);
    top = kit_take_top(&area, 90); /* more than is left: all of it */
    assert_int_equal(top.h, 25);
    assert_int_equal(area.h, 0);
    assert_int_equal(area.y, 140);
    SDL_Rect inner = kit_inset((SDL_Rect){10, 10, 100, 60}, 5);
    assert_int_equal(inner.x, 15);
    assert_int_equal(inner.y, 15);
    assert_int_equal(inner.w, 90);
    assert_int_equal(inner.h, 50);
    /* A labelled block's body: below its label, as wide as the box, down to its bottom. */
    Painter p = {.m = metrics_for(960, 540)};
    SDL_Rect box = {40, 60, 300, 200};
    SDL_Rect body = kit_below_label(&p, box);
    assert_true(body.y > box.y + p.m.size_small);
    assert_int_equal(body.x, box.x);
    assert_int_equal(body.w, box.w);
    assert_int_equal(body.y + body.h, box.y + box.h);
}

static void test_section_titles(void **state)
{
    (void)state;
    for (int s = 0; s < SECTION_COUNT; s++) {
        for (int l = 0; l < LANG_COUNT; l++) {
            assert_true(kit_section_title((SectionId)s, (Lang)l)[0] != '\0');
        }
    }
    assert_string_equal(kit_section_title(SECTION_COUNT, LANG_EN), "");
    assert_string_equal(kit_section_title((SectionId)-1, LANG_EN), "");
}

/* The red channel of pixel (x, y) of an ARGB8888 surface. */
static int red_at(SDL_Surface *surface, int x, int y)
{
    const Uint32 *row = (const Uint32 *)((const Uint8 *)surface->pixels + (size_t)y * (size_t)surface->pitch);
    return (int)((row[x] >> 16) & 0xFF);
}

/* Pixels of row y between x0 and x1 (excluded) that are neither black nor white. */
static int partial_in_row(SDL_Surface *surface, int y, int x0, int x1)
{
    int n = 0;
    for (int x = x0; x < x1; x++) {
        int v = red_at(surface, x, y);
        n += v > 0 && v < 255;
    }
    return n;
}

static void test_shapes_are_anti_aliased(void **state)
{
    (void)state;
    assert_true(shapes_coverage(10.0f, 5.0f) == 1.0f);
    assert_true(shapes_coverage(10.0f, 10.0f) == 0.5f);
    assert_true(shapes_coverage(10.0f, 11.0f) == 0.0f);
    SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(0, 200, 100, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(surface);
    SDL_Renderer *renderer = SDL_CreateSoftwareRenderer(surface);
    assert_non_null(renderer);
    SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
    SDL_RenderClear(renderer);
    Shapes *shapes = shapes_create(renderer);
    assert_non_null(shapes);
    Painter p = {.renderer = renderer, .shapes = shapes, .m = metrics_for(960, 540)};
    SDL_Color white = {255, 255, 255, 255};
    paint_circle(&p, 40, 50, 20, white);
    assert_int_equal(red_at(surface, 40, 50), 255);
    assert_int_equal(red_at(surface, 40, 25), 0);
    assert_int_equal(red_at(surface, 15, 50), 0);
    /* The rim of a 20 px radius disc: partly covered pixels on the rows through it. */
    assert_true(partial_in_row(surface, 50, 15, 40) >= 1);
    assert_true(partial_in_row(surface, 38, 15, 40) >= 1);
    /* A pill 41 px high (radius 20) from x 100 to 190: round ends, a straight full middle. */
    paint_round_rect(&p, (SDL_Rect){100, 30, 90, 41}, 100, white);
    assert_int_equal(red_at(surface, 145, 30), 255);
    assert_int_equal(red_at(surface, 145, 70), 255);
    assert_int_equal(red_at(surface, 100, 50), 255); /* the middle row reaches the end */
    assert_int_equal(red_at(surface, 100, 30), 0);  /* the corner is cut */
    assert_true(partial_in_row(surface, 35, 100, 120) >= 1);
    assert_int_equal(red_at(surface, 99, 50), 0);
    assert_int_equal(red_at(surface, 190, 50), 0);
    /* A radius is made once and kept. */
    bool owned = true;
    SDL_Texture *first = shapes_disc(shapes, renderer, 20, &owned);
    assert_false(owned);
    assert_ptr_equal(shapes_disc(shapes, renderer, 20, &owned), first);
    shapes_destroy(shapes);
    SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(surface);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grid_cells_tile_the_area),
        cmocka_unit_test(test_bands_and_insets),
        cmocka_unit_test(test_section_titles),
        cmocka_unit_test(test_shapes_are_anti_aliased),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
