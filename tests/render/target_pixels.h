/* target_pixels.h — what a software renderer drew, for tests that compare pixels. */
#ifndef FACTS_TESTS_RENDER_TARGET_PIXELS_H
#define FACTS_TESTS_RENDER_TARGET_PIXELS_H

#include "render/fonts.h"

#include <SDL2/SDL.h>
#include <stdbool.h>
#include <stdint.h>

/* What tests that compose frames draw with: SDL's software renderer onto a new w x h XRGB8888
 * surface (as onto an X11 window), and the bundled fonts ($FACTS_SOURCE_DIR/assets/fonts).
 * False when any of them cannot be had; the caller frees what is not NULL. */
typedef struct SoftTarget {
    Fonts *fonts;
    SDL_Surface *surface;
    SDL_Renderer *renderer;
} SoftTarget;
bool soft_target_open(SoftTarget *t, int w, int h);

/* A copy of target's pixels (an XRGB8888 surface renderer draws onto), as 0x00RRGGBB, row
 * after row with no padding, after renderer's queued drawing is done. NULL: no memory.
 * free() it. */
uint32_t *target_pixels(SDL_Renderer *renderer, const SDL_Surface *target);

#endif
