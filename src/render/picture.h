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

/* A round monogram: up to two initials of name on a colour chosen from the name, so each
 * brand keeps its own colour across languages and restarts. */
void paint_monogram(Painter *p, const char *name, int cx, int cy, int radius);

/* The initials paint_monogram() shows ("Extreme Intimo" → "EI"); out holds 16 bytes. */
void monogram_initials(const char *name, char *out, size_t size);

#endif
