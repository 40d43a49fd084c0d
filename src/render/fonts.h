/* fonts.h — the bundled typefaces (Inter Regular, SemiBold, Bold: Latin and Cyrillic),
 * read once into memory and opened at any pixel size on demand, with a small cache.
 * A Fonts is used by one thread; another thread gets its own from fonts_share(). */
#ifndef FACTS_RENDER_FONTS_H
#define FACTS_RENDER_FONTS_H

#include <SDL2/SDL_ttf.h>
#include <stdbool.h>
#include <stddef.h>

typedef enum FontWeight {
    FONT_REGULAR = 0,
    FONT_SEMIBOLD,
    FONT_BOLD,
    FONT_WEIGHT_COUNT
} FontWeight;

typedef struct Fonts Fonts;

/* Reads the three font files from dir (assets/fonts). Returns NULL and writes a message
 * naming the missing file into why when one cannot be read. TTF_Init() must have run. */
Fonts *fonts_load(const char *dir, char *why, size_t why_size);

/* Closes every opened size and frees the font data. NULL is a no-op. A Fonts made by
 * fonts_share() must be unloaded before the one it shares. */
void fonts_unload(Fonts *fonts);

/* A Fonts for another thread over the same font data: its own cache of opened sizes, so no
 * TTF_Font is used by two threads. Opening and closing a size (FreeType's shared library
 * state) takes a lock common to both. Call it from fonts' thread. NULL when out of memory. */
Fonts *fonts_share(Fonts *fonts);

/* The font at size_px (clamped to 6..400), opened on first use; NULL on failure. Owned by
 * fonts. */
TTF_Font *fonts_get(Fonts *fonts, FontWeight weight, int size_px);

/* Closes every opened size but the keep most recently used, and returns how many it closed.
 * Each open size holds its own FreeType face, HarfBuzz tables and glyph cache (about 100 KiB);
 * laying out a slide opens many (each size a text is tried at) that the next frames do not
 * need. A TTF_Font from fonts_get() is valid until the next fonts_trim() or fonts_get(). */
size_t fonts_trim(Fonts *fonts, size_t keep);

#endif
