/* shapes.h — anti-aliased filled shapes: a disc of each radius drawn once into a texture
 * whose alpha is the disc's coverage of each pixel (smooth edges like the text's), kept and
 * tinted at each use. paint.c draws discs, pills and rounded cards from them: a disc whole,
 * or its four quarters as the corners of a rounded rectangle. The cache is bounded. A Shapes
 * belongs to one renderer (the one whose textures it holds) and one thread. */
#ifndef FACTS_RENDER_SHAPES_H
#define FACTS_RENDER_SHAPES_H

#include <SDL2/SDL.h>
#include <stdbool.h>

typedef struct Shapes Shapes;

/* A cache of disc textures for renderer; NULL when out of memory. */
Shapes *shapes_create(SDL_Renderer *renderer);

/* Destroys every texture it holds. NULL is a no-op. Before the renderer is destroyed. */
void shapes_destroy(Shapes *shapes);

/* The coverage of the pixel whose centre is distance d from a disc's centre, radius r: the
 * share of the pixel the disc covers, 0..1 (r - d + 0.5, clamped). */
float shapes_coverage(float r, float d);

/* A 2r x 2r white texture whose alpha is the coverage of a disc of radius r centred in it,
 * blended: tint it with SDL_SetTextureColorMod/AlphaMod. Owned by shapes (valid until the
 * next shapes_disc()); NULL when r < 1 or SDL cannot make it. With shapes NULL, or r too
 * large to keep, the texture is made for this one use: *owned is set and the caller
 * destroys it. */
SDL_Texture *shapes_disc(Shapes *shapes, SDL_Renderer *renderer, int r, bool *owned);

#endif
