/* The fade mask and the tiles it keeps, on a screen whose sides are not multiples of a tile
 * (1000 x 700: a narrow last column and a short last row): a slide kept only where it differs
 * from another is drawn over that other to the pixel, whole or in any area, and its tiles take
 * the share of a slide that differs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "render/fade_mask.h"
#include "target_pixels.h"

#include <SDL2/SDL.h>

enum { W = 1000, H = 700 };

typedef struct Fixture {
    SDL_Surface *target;
    SDL_Renderer *renderer;
    SDL_Texture *a, *b;
    FadeMask *mask;
} Fixture;

static SDL_Texture *slide(SDL_Renderer *renderer)
{
    SDL_Texture *texture = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_TARGET, W, H);
    assert_non_null(texture);
    return texture;
}

/* A pattern that differs from pixel to pixel, so that a tile drawn from the wrong place shows. */
static uint32_t pattern(int x, int y)
{
    return (uint32_t)((x * 7 + y * 3) & 0xFF) << 16 | (uint32_t)((x * y) & 0xFF) << 8 | (uint32_t)((x ^ y) & 0xFF);
}

/* Changes rect of pixels (W per row) to another pattern. */
static void change(uint32_t *pixels, SDL_Rect rect)
{
    for (int y = rect.y; y < rect.y + rect.h && y < H; y++) {
        for (int x = rect.x; x < rect.x + rect.w && x < W; x++) {
            pixels[(size_t)y * W + x] = pattern(x, y) ^ 0x5A3C96;
        }
    }
}

static void upload(SDL_Texture *texture, const uint32_t *pixels)
{
    assert_int_equal(SDL_UpdateTexture(texture, NULL, pixels, W * (int)sizeof *pixels), 0);
}

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->target = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_RGB888);
    assert_non_null(f->target);
    f->renderer = SDL_CreateSoftwareRenderer(f->target);
    assert_non_null(f->renderer);
    f->a = slide(f->renderer);
    f->b = slide(f->renderer);
    uint32_t *a = malloc((size_t)W * H * sizeof *a);
    uint32_t *b = malloc((size_t)W * H * sizeof *b);
    assert_non_null(a);
    assert_non_null(b);
    for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
            a[(size_t)y * W + x] = b[(size_t)y * W + x] = pattern(x, y);
        }
    }
    /* Differences of every kind: at the bottom right corner (the narrow column, the short
     * row), one pixel, a band across the whole width, blocks that straddle tiles. */
    srand(7);
    change(a, (SDL_Rect){W - 3, H - 2, 3, 2});
    change(a, (SDL_Rect){517, 301, 1, 1});
    change(b, (SDL_Rect){0, 130, W, 20});
    for (int i = 0; i < 12; i++) {
        change(i % 2 ? a : b, (SDL_Rect){rand() % W, rand() % H, 5 + rand() % 90, 5 + rand() % 60});
    }
    upload(f->a, a);
    upload(f->b, b);
    free(a);
    free(b);
    f->mask = fade_mask_create();
    assert_non_null(f->mask);
    assert_true(fade_mask_compute(f->mask, f->renderer, f->a, 1, f->b, 2, W, H));
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    fade_mask_destroy(f->mask);
    SDL_DestroyTexture(f->a);
    SDL_DestroyTexture(f->b);
    SDL_DestroyRenderer(f->renderer);
    SDL_FreeSurface(f->target);
    free(f);
    return 0;
}

/* The target's pixels (0x00RRGGBB). */
static uint32_t *read_target(Fixture *f)
{
    uint32_t *pixels = target_pixels(f->renderer, f->target);
    assert_non_null(pixels);
    return pixels;
}

static uint32_t *copied(Fixture *f, SDL_Texture *texture)
{
    SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_NONE);
    SDL_RenderCopy(f->renderer, texture, NULL, NULL);
    return read_target(f);
}

static void test_kept_tiles_over_the_other_slide_are_the_slide(void **state)
{
    Fixture *f = *state;
    uint32_t *a = copied(f, f->a);
    uint32_t *b = copied(f, f->b);
    FadeTiles *kept = fade_tiles_create(f->mask, f->renderer, f->a);
    assert_non_null(kept);
    double share = fade_mask_differing_share(f->mask);
    assert_true(share > 0.02 && share < 0.5);
    /* The packed tiles: the differing share of a slide, rounded up to a row of tiles. */
    size_t slide_bytes = (size_t)W * H * 4;
    assert_true(fade_tiles_bytes(kept) >= (size_t)(share * (double)slide_bytes * 0.9));
    assert_true(fade_tiles_bytes(kept) <= (size_t)(share * (double)slide_bytes * 1.1) + (size_t)(W + 16) * 16 * 4);
    free(copied(f, f->b));
    assert_true(fade_tiles_draw(kept, f->renderer, NULL, 255) > 0);
    uint32_t *whole = read_target(f);
    assert_memory_equal(whole, a, (size_t)W * H * sizeof *a);
    /* Any area: B outside it, A inside. */
    for (int i = 0; i < 10; i++) {
        SDL_Rect area = {rand() % W - 50, rand() % H - 50, 1 + rand() % 400, 1 + rand() % 300};
        free(copied(f, f->b));
        fade_tiles_draw(kept, f->renderer, &area, 255);
        uint32_t *part = read_target(f);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                bool inside = x >= area.x && x < area.x + area.w && y >= area.y && y < area.y + area.h;
                size_t p = (size_t)y * W + x;
                if (part[p] != (inside ? a[p] : b[p])) {
                    fail_msg("area %d,%d %dx%d: pixel %d,%d wrong", area.x, area.y, area.w, area.h, x, y);
                }
            }
        }
        free(part);
    }
    fade_tiles_destroy(kept);
    free(a);
    free(b);
    free(whole);
}

static void test_identical_slides_keep_nothing(void **state)
{
    Fixture *f = *state;
    assert_true(fade_mask_compute(f->mask, f->renderer, f->b, 3, f->b, 4, W, H));
    assert_true(fade_mask_differing_share(f->mask) == 0.0);
    FadeTiles *kept = fade_tiles_create(f->mask, f->renderer, f->b);
    assert_non_null(kept);
    assert_int_equal(fade_tiles_bytes(kept), 0);
    assert_int_equal(fade_tiles_draw(kept, f->renderer, NULL, 255), 0);
    fade_tiles_destroy(kept);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_kept_tiles_over_the_other_slide_are_the_slide, setup, teardown),
        cmocka_unit_test_setup_teardown(test_identical_slides_keep_nothing, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
