/* target_pixels.c — see target_pixels.h. */
#include "target_pixels.h"

#include <stdio.h>
#include <stdlib.h>

bool soft_target_open(SoftTarget *t, int w, int h)
{
    char fonts_dir[4096];
    const char *source = getenv("FACTS_SOURCE_DIR");
    snprintf(fonts_dir, sizeof fonts_dir, "%s/assets/fonts", source ? source : ".");
    char why[512] = "";
    *t = (SoftTarget){0};
    t->fonts = fonts_load(fonts_dir, why, sizeof why);
    t->surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGB888);
    t->renderer = t->surface ? SDL_CreateSoftwareRenderer(t->surface) : NULL;
    return t->fonts && t->surface && t->renderer;
}

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
