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
    SDL_mutex *open_lock; /* around TTF_OpenFontRW / TTF_CloseFont; shared with fonts_share() */
    bool shared;          /* data and open_lock belong to the Fonts this was shared from */
};

Fonts *fonts_load(const char *dir, char *why, size_t why_size)
{
    Fonts *fonts = calloc(1, sizeof *fonts);
    if (!fonts) {
        snprintf(why, why_size, "out of memory");
        return NULL;
    }
    fonts->open_lock = SDL_CreateMutex();
    if (!fonts->open_lock) {
        snprintf(why, why_size, "cannot create a lock: %s", SDL_GetError());
        fonts_unload(fonts);
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

Fonts *fonts_share(Fonts *fonts)
{
    Fonts *shared = calloc(1, sizeof *shared);
    if (!shared) {
        return NULL;
    }
    for (int w = 0; w < FONT_WEIGHT_COUNT; w++) {
        shared->data[w] = fonts->data[w];
        shared->size[w] = fonts->size[w];
    }
    shared->open_lock = fonts->open_lock;
    shared->shared = true;
    return shared;
}

static void close_font(Fonts *fonts, TTF_Font *font)
{
    SDL_LockMutex(fonts->open_lock);
    TTF_CloseFont(font);
    SDL_UnlockMutex(fonts->open_lock);
}

void fonts_unload(Fonts *fonts)
{
    if (!fonts) {
        return;
    }
    for (int i = 0; i < FONT_CACHE_SIZE; i++) {
        if (fonts->cache[i].font) {
            close_font(fonts, fonts->cache[i].font);
        }
    }
    if (!fonts->shared) {
        for (int w = 0; w < FONT_WEIGHT_COUNT; w++) {
            SDL_free(fonts->data[w]);
        }
        SDL_DestroyMutex(fonts->open_lock);
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
    SDL_LockMutex(fonts->open_lock);
    TTF_Font *font = rw ? TTF_OpenFontRW(rw, 1, size_px) : NULL;
    SDL_UnlockMutex(fonts->open_lock);
    if (!font) {
        return NULL;
    }
    TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
    if (victim->font) {
        close_font(fonts, victim->font);
    }
    *victim = (FontEntry){weight, size_px, font, fonts->clock};
    return font;
}

size_t fonts_trim(Fonts *fonts, size_t keep)
{
    size_t closed = 0;
    for (;;) {
        size_t open = 0;
        FontEntry *oldest = NULL;
        for (int i = 0; i < FONT_CACHE_SIZE; i++) {
            FontEntry *entry = &fonts->cache[i];
            if (entry->font) {
                open++;
                oldest = !oldest || entry->last_used < oldest->last_used ? entry : oldest;
            }
        }
        if (open <= keep) {
            return closed;
        }
        close_font(fonts, oldest->font);
        *oldest = (FontEntry){0};
        closed++;
    }
}
