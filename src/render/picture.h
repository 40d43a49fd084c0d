/* picture.h — pack images on screen: decoded with SDL_image after checking the size they
 * declare, drawn to fit a box; a broken image becomes a calm placeholder (logged once).
 * Also the monogram drawn for a brand without a logo. */
#ifndef FACTS_RENDER_PICTURE_H
#define FACTS_RENDER_PICTURE_H

#include "render/paint.h"

#include <stdbool.h>

/* Draws image scaled to fit inside box (aspect kept, centred). Returns false (after drawing
 * a placeholder and warning once) when it cannot be decoded. */
bool paint_picture(Painter *p, const ContentImage *image, SDL_Rect box);

/* A round monogram: initials (core/monogram.h chooses them) on a disc of fill (0xRRGGBB),
 * in white or whatever reaches 4.5:1 on it. */
void paint_monogram(Painter *p, const char *initials, uint32_t fill, int cx, int cy, int radius);

#endif
