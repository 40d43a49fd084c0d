/* target_pixels.c — see target_pixels.h. */
#include "target_pixels.h"

#include <stdlib.h>

uint32_t *target_pixels(SDL_Renderer *renderer, const SDL_Surface *target)
{
    SDL_RenderFlush(renderer);
    size_t w = (size_t)target->w;
    uint32_t *pixels = malloc(w * (size_t)target->h * sizeof *pixels);
    if (!pixels) {
        return NULL;
    }
    for (int y = 0; y < target->h; y++) {
        const uint32_t *row = (const uint32_t *)((const uint8_t *)target->pixels + (size_t)y * (size_t)target->pitch);
        for (size_t x = 0; x < w; x++) {
            pixels[(size_t)y * w + x] = row[x] & 0xFFFFFF;
        }
    }
    return pixels;
}
