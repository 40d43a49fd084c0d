/* qr.h — QR codes (libqrencode) drawn as crisp dark modules on a light card, for web
 * addresses and contact details a visitor can take away on a phone. */
#ifndef FACTS_RENDER_QR_H
#define FACTS_RENDER_QR_H

#include "render/paint.h"

#include <stdbool.h>

/* Draws a QR code of text centred in box (square, quiet zone included). Returns false when
 * the text cannot be encoded (too long); nothing is drawn then. */
bool paint_qr(Painter *p, const char *text, SDL_Rect box);

/* paint_qr() for a code that lives on screen only and is read there from arm's length (a
 * meeting's calendar entry): the lowest error correction (L), which keeps the version low
 * and the modules large. */
bool paint_qr_on_screen(Painter *p, const char *text, SDL_Rect box);

#endif
