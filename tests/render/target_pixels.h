/* target_pixels.h — what a software renderer drew, for tests that compare pixels. */
#ifndef FACTS_TESTS_RENDER_TARGET_PIXELS_H
#define FACTS_TESTS_RENDER_TARGET_PIXELS_H

#include <SDL2/SDL.h>
#include <stdint.h>

/* A copy of target's pixels (an XRGB8888 surface renderer draws onto), as 0x00RRGGBB, row
 * after row with no padding, after renderer's queued drawing is done. NULL: no memory.
 * free() it. */
uint32_t *target_pixels(SDL_Renderer *renderer, const SDL_Surface *target);

#endif
