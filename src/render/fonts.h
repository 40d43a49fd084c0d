/* fonts.h — the bundled typefaces (Inter Regular, SemiBold, Bold: Latin and Cyrillic),
 * read once into memory and opened at any pixel size on demand, with a small cache. */
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

/* Closes every opened size and frees the font data. NULL is a no-op. */
void fonts_unload(Fonts *fonts);

/* The font at size_px (clamped to 6..400), opened on first use; NULL on failure. Owned by
 * fonts. */
TTF_Font *fonts_get(Fonts *fonts, FontWeight weight, int size_px);

#endif
