/* fonts.c — font data in memory, sizes opened lazily; see fonts.h. */
#include "render/fonts.h"

#include <SDL2/SDL.h>
#include <stdio.h>
#include <stdlib.h>

enum { FONT_CACHE_SIZE = 48, FONT_MIN_PX = 6, FONT_MAX_PX = 400 };

static const char *const FONT_FILES[FONT_WEIGHT_COUNT] = {
    [FONT_REGULAR] = "Inter-Regular.otf",
    [FONT_SEMIBOLD] = "Inter-SemiBold.otf",
    [FONT_BOLD] = "Inter-Bold.otf",
};

typedef struct FontEntry {
    FontWeight weight;
    int size_px;
    TTF_Font *font;
    unsigned last_used;
} FontEntry;

struct Fonts {
    void *data[FONT_WEIGHT_COUNT];
    size_t size[FONT_WEIGHT_COUNT];
    FontEntry cache[FONT_CACHE_SIZE];
    unsigned clock;
};

Fonts *fonts_load(const char *dir, char *why, size_t why_size)
{
    Fonts *fonts = calloc(1, sizeof *fonts);
    if (!fonts) {
        snprintf(why, why_size, "out of memory");
        return NULL;
    }
    for (int w = 0; w < FONT_WEIGHT_COUNT; w++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, FONT_FILES[w]);
        fonts->data[w] = SDL_LoadFile(path, &fonts->size[w]);
        if (!fonts->data[w]) {
            snprintf(why, why_size, "font %s: %s", path, SDL_GetError());
            fonts_unload(fonts);
            return NULL;
        }
    }
    return fonts;
}

void fonts_unload(Fonts *fonts)
{
    if (!fonts) {
        return;
    }
    for (int i = 0; i < FONT_CACHE_SIZE; i++) {
        if (fonts->cache[i].font) {
            TTF_CloseFont(fonts->cache[i].font);
        }
    }
    for (int w = 0; w < FONT_WEIGHT_COUNT; w++) {
        SDL_free(fonts->data[w]);
    }
    free(fonts);
}

TTF_Font *fonts_get(Fonts *fonts, FontWeight weight, int size_px)
{
    size_px = size_px < FONT_MIN_PX ? FONT_MIN_PX : size_px > FONT_MAX_PX ? FONT_MAX_PX : size_px;
    fonts->clock++;
    FontEntry *victim = &fonts->cache[0];
    for (int i = 0; i < FONT_CACHE_SIZE; i++) {
        FontEntry *entry = &fonts->cache[i];
        if (entry->font && entry->weight == weight && entry->size_px == size_px) {
            entry->last_used = fonts->clock;
            return entry->font;
        }
        if (!entry->font || (victim->font && entry->last_used < victim->last_used)) {
            victim = entry;
        }
    }
    SDL_RWops *rw = SDL_RWFromConstMem(fonts->data[weight], (int)fonts->size[weight]);
    TTF_Font *font = rw ? TTF_OpenFontRW(rw, 1, size_px) : NULL;
    if (!font) {
        return NULL;
    }
    TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
    if (victim->font) {
        TTF_CloseFont(victim->font);
    }
    *victim = (FontEntry){weight, size_px, font, fonts->clock};
    return font;
}
