/* hit.h — which command a tap means. The renderer records where it drew each
 * button or tile as a HitRegion; the app passes a TAP's point to hit_test().
 * Also the minimum touch-target size layouts must respect. Pure: no I/O. */
#ifndef FACTS_CORE_HIT_H
#define FACTS_CORE_HIT_H

#include "core/deck.h"

#include <stdbool.h>
#include <stddef.h>

/* A tappable rectangle in screen pixels: x..x+w-1, y..y+h-1. */
typedef struct HitRegion {
    int x, y, w, h;
    DeckCommand command;
} HitRegion;

/* Finds the region containing (x, y) and copies its command to *out.
 * Regions later in the array were drawn later, so they are on top and win
 * when regions overlap. Returns false (and leaves *out untouched) when no
 * region contains the point, for a non-finite point, or for regions == NULL.
 * Regions with w or h <= 0 never match. */
bool hit_test(const HitRegion *regions, size_t count, float x, float y, DeckCommand *out);

/* The index of the region hit_test() would pick for (x, y), or -1 (same rules): for a
 * pressed state that highlights the region under a finger. */
int hit_find(const HitRegion *regions, size_t count, float x, float y);

/* What a touch at x on region means: its command, except on a page indicator
 * (DECK_CMD_SCRUB with arg.index pages side by side across its width), where it is
 * DECK_CMD_GOTO_PAGE of the page under x, clamped to the first and last page, so a finger
 * dragged past either end keeps it there. */
DeckCommand hit_command_at(const HitRegion *region, float x);

enum {
    HIT_MIN_TARGET_PX_AT_REFERENCE = 56, /* ~9 mm on a 15.6" 1080p panel */
    HIT_REFERENCE_SHORT_SIDE_PX = 1080,
};

/* Smallest touch target, in pixels, for a screen: 56 px at a 1080 px shorter
 * side, scaled linearly and rounded (37 px at 720p, 112 px at 2160p). Sizes
 * <= 0 give the reference value. */
int hit_min_target_px(int screen_w, int screen_h);

#endif
