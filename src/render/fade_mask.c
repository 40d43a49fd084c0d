/* fade_mask.c — see fade_mask.h. */
#include "render/fade_mask.h"

#include <stdlib.h>
#include <string.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

struct FadeMask {
    bool valid;
    uint64_t version_a, version_b;
    int w, h;
    int cols, rows;
    uint8_t *differs; /* rows x cols, row-major: 1 where the slides differ */
    size_t differs_size;
};

FadeMask *fade_mask_create(void)
{
    return calloc(1, sizeof(FadeMask));
}

void fade_mask_destroy(FadeMask *mask)
{
    if (!mask) {
        return;
    }
    free(mask->differs);
    free(mask);
}

bool fade_mask_matches(const FadeMask *mask, uint64_t version_a, uint64_t version_b)
{
    return mask && mask->valid &&
           ((mask->version_a == version_a && mask->version_b == version_b) ||
            (mask->version_a == version_b && mask->version_b == version_a));
}

/* Reads rows [y, y + rows) of texture into pixels (w per row). */
static bool read_band(SDL_Renderer *renderer, SDL_Texture *texture, int y, int w, int rows, uint32_t *pixels)
{
    SDL_Rect band = {0, y, w, rows};
    return SDL_SetRenderTarget(renderer, texture) == 0 &&
           SDL_RenderReadPixels(renderer, &band, SDL_PIXELFORMAT_RGB888, pixels, w * (int)sizeof *pixels) == 0;
}

/* Whether the tile at column col of the two bands differs (the padding byte of XRGB aside). */
static bool tile_differs(const uint32_t *a, const uint32_t *b, int w, int rows, int col)
{
    int x0 = col * FADE_MASK_TILE_PX;
    int x1 = x0 + FADE_MASK_TILE_PX < w ? x0 + FADE_MASK_TILE_PX : w;
    for (int y = 0; y < rows; y++) {
        const uint32_t *ra = a + (size_t)y * w;
        const uint32_t *rb = b + (size_t)y * w;
        for (int x = x0; x < x1; x++) {
            if ((ra[x] ^ rb[x]) & 0x00FFFFFFu) {
                return true;
            }
        }
    }
    return false;
}

bool fade_mask_compute(FadeMask *mask, SDL_Renderer *renderer, SDL_Texture *a, uint64_t version_a,
                       SDL_Texture *b, uint64_t version_b, int w, int h)
{
    mask->valid = false;
    if (w <= 0 || h <= 0) {
        return false;
    }
    int cols = (w + FADE_MASK_TILE_PX - 1) / FADE_MASK_TILE_PX;
    int rows = (h + FADE_MASK_TILE_PX - 1) / FADE_MASK_TILE_PX;
    size_t tiles = (size_t)cols * (size_t)rows;
    if (tiles > mask->differs_size) {
        uint8_t *grown = realloc(mask->differs, tiles);
        if (!grown) {
            return false;
        }
        mask->differs = grown;
        mask->differs_size = tiles;
    }
    size_t band_pixels = (size_t)w * FADE_MASK_TILE_PX;
    uint32_t *bands = malloc(2 * band_pixels * sizeof *bands);
    if (!bands) {
        return false;
    }
    SDL_Texture *previous = SDL_GetRenderTarget(renderer);
    bool read = true;
    for (int row = 0; row < rows && read; row++) {
        int y = row * FADE_MASK_TILE_PX;
        int band_rows = y + FADE_MASK_TILE_PX < h ? FADE_MASK_TILE_PX : h - y;
        read = read_band(renderer, a, y, w, band_rows, bands) &&
               read_band(renderer, b, y, w, band_rows, bands + band_pixels);
        for (int col = 0; col < cols && read; col++) {
            mask->differs[(size_t)row * cols + col] = tile_differs(bands, bands + band_pixels, w, band_rows, col);
        }
    }
    SDL_SetRenderTarget(renderer, previous);
    free(bands);
#if defined(__GLIBC__)
    malloc_trim(0); /* the two bands (0.5 MiB at 1080p) may have come from the heap */
#endif
    if (!read) {
        return false;
    }
    *mask = (FadeMask){true, version_a, version_b, w, h, cols, rows, mask->differs, mask->differs_size};
    return true;
}

size_t fade_mask_blend(const FadeMask *mask, SDL_Renderer *renderer, SDL_Texture *texture, Uint8 alpha)
{
    SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
    SDL_SetTextureAlphaMod(texture, alpha);
    size_t blended = 0;
    for (int row = 0; row < mask->rows; row++) {
        const uint8_t *line = mask->differs + (size_t)row * mask->cols;
        int y = row * FADE_MASK_TILE_PX;
        int h = y + FADE_MASK_TILE_PX < mask->h ? FADE_MASK_TILE_PX : mask->h - y;
        for (int col = 0; col < mask->cols;) {
            if (!line[col]) {
                col++;
                continue;
            }
            int end = col;
            while (end < mask->cols && line[end]) {
                end++;
            }
            int x = col * FADE_MASK_TILE_PX;
            int x_end = end * FADE_MASK_TILE_PX < mask->w ? end * FADE_MASK_TILE_PX : mask->w;
            SDL_Rect run = {x, y, x_end - x, h};
            SDL_RenderCopy(renderer, texture, &run, &run);
            blended += (size_t)run.w * (size_t)run.h;
            col = end;
        }
    }
    return blended;
}

double fade_mask_differing_share(const FadeMask *mask)
{
    if (!mask || !mask->valid || mask->rows == 0 || mask->cols == 0) {
        return 1.0;
    }
    size_t tiles = (size_t)mask->rows * mask->cols;
    size_t differing = 0;
    for (size_t i = 0; i < tiles; i++) {
        differing += mask->differs[i];
    }
    return (double)differing / (double)tiles;
}
