/* colour.h — colour arithmetic for legible slides: WCAG 2 relative luminance and
 * contrast ratio, blending, and choosing a text colour that stays readable whatever
 * theme a pack brings. Colours are 0xRRGGBB. Pure. */
#ifndef FACTS_CORE_COLOUR_H
#define FACTS_CORE_COLOUR_H

#include <stdint.h>

/* WCAG minimum contrast for body text. */
#define COLOUR_MIN_CONTRAST 4.5

/* Contrast ratio between two colours, 1.0 (same) to 21.0 (black on white). */
double colour_contrast(uint32_t a, uint32_t b);

/* a mixed with b: t = 0 gives a, t = 1 gives b. */
uint32_t colour_mix(uint32_t a, uint32_t b, double t);

/* wanted if it reaches min_ratio against background; otherwise wanted moved towards
 * white or black (whichever contrasts more with background) until it does. */
uint32_t colour_readable(uint32_t wanted, uint32_t background, double min_ratio);

#endif
