/* fade_mask.h — where two slides differ, so that a cross-fade blends only there.
 *
 * In SDL's software renderer a cross-fade frame is a copy of the slide it comes from and a
 * blend of the new one over it: the blend is SDL's scalar surface-alpha blitter, about 12
 * instructions a pixel, most of a fade frame's cost (25 M instructions at 1080p). Two slides
 * of a pack share most of their pixels (the background, the margins, often a title or a
 * card), and where they are equal the blend gives the same pixel back (SDL's blend is
 * d + (s - d) * a, exactly d when s == d). A FadeMask records, tile by tile, where they differ
 * (read back once per pair of slides, while the kiosk is idle or at the first frame of the
 * fade); the fade then blends those tiles only, and the frame is the same to the pixel.
 * Only for opaque XRGB slides (the software renderer's): a GPU blends a whole frame for free. */
#ifndef FACTS_RENDER_FADE_MASK_H
#define FACTS_RENDER_FADE_MASK_H

#include <SDL2/SDL.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { FADE_MASK_TILE_PX = 16 };

typedef struct FadeMask FadeMask;

FadeMask *fade_mask_create(void);
void fade_mask_destroy(FadeMask *mask); /* NULL is a no-op */

/* Whether mask was computed for the slides whose contents are the versions a and b (either
 * order): a version names one painting of a slide's texture. */
bool fade_mask_matches(const FadeMask *mask, uint64_t version_a, uint64_t version_b);

/* Compares the w x h textures a and b (render targets of renderer, pixel format
 * SDL_PIXELFORMAT_RGB888) tile by tile and keeps the result under their versions. Leaves
 * renderer's target as it found it. False (and the mask no longer matches anything) when
 * their pixels cannot be read or memory is short: then fade the whole frame. */
bool fade_mask_compute(FadeMask *mask, SDL_Renderer *renderer, SDL_Texture *a, uint64_t version_a,
                       SDL_Texture *b, uint64_t version_b, int w, int h);

/* Copies texture (one of the two slides compared) onto renderer's target with alpha, where
 * the slides differ. The other slide must be on the target already. Returns the pixels it
 * blended. */
size_t fade_mask_blend(const FadeMask *mask, SDL_Renderer *renderer, SDL_Texture *texture, Uint8 alpha);

/* The share of tiles in which the slides differ (0..1), for tests and benchmarks. */
double fade_mask_differing_share(const FadeMask *mask);

/* One slide of a mask's pair kept only where the two differ: its differing tiles packed into
 * a texture that share of a slide's size. Over the other slide it draws the first again, to
 * the pixel, so a cross-fade between the two needs one full slide and this (about a third of
 * a slide between two slides of a pack), not two full slides. */
typedef struct FadeTiles FadeTiles;

/* Copies the tiles of texture (one of the two slides mask compared) where the slides differ.
 * NULL when memory is short or the texture cannot be drawn from: keep the slide whole. */
FadeTiles *fade_tiles_create(const FadeMask *mask, SDL_Renderer *renderer, SDL_Texture *texture);
void fade_tiles_destroy(FadeTiles *tiles); /* NULL is a no-op */

/* Draws the kept tiles that lie in area (NULL: all) at their places on renderer's target,
 * over the other slide, with alpha (255: the kept slide itself). Returns the pixels drawn. */
size_t fade_tiles_draw(const FadeTiles *tiles, SDL_Renderer *renderer, const SDL_Rect *area, Uint8 alpha);

/* Bytes of pixels the kept tiles hold, for tests and benchmarks. */
size_t fade_tiles_bytes(const FadeTiles *tiles);

#endif
