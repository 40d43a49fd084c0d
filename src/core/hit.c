/* hit.c — tap → command lookup and touch-target sizing; see hit.h. */
#include "core/hit.h"

#include <float.h>

int hit_find(const HitRegion *regions, size_t count, float x, float y)
{
    /* Rejects infinities; NaN fails both comparisons. */
    if (!regions || !(x > -FLT_MAX && x < FLT_MAX) || !(y > -FLT_MAX && y < FLT_MAX)) {
        return -1;
    }
    for (size_t i = count; i-- > 0;) {
        const HitRegion *r = &regions[i];
        if (r->w <= 0 || r->h <= 0) {
            continue;
        }
        /* Compare in double: int + int could overflow, float loses bits. */
        double left = r->x;
        double top = r->y;
        if (x >= left && x < left + r->w && y >= top && y < top + r->h) {
            return (int)i;
        }
    }
    return -1;
}

bool hit_test(const HitRegion *regions, size_t count, float x, float y, DeckCommand *out)
{
    int i = hit_find(regions, count, x, y);
    if (i < 0) {
        return false;
    }
    *out = hit_command_at(&regions[i], x);
    return true;
}

DeckCommand hit_command_at(const HitRegion *region, float x)
{
    if (region->command.kind != DECK_CMD_SCRUB) {
        return region->command;
    }
    int pages = region->command.arg.index;
    if (pages < 1 || region->w <= 0) {
        return (DeckCommand){.kind = DECK_CMD_NONE};
    }
    /* A dragging finger may be anywhere, even off the screen: clamp. NaN stays on page 0. */
    double offset = (double)x - region->x;
    int page = 0;
    if (offset >= region->w) {
        page = pages - 1;
    } else if (offset > 0) {
        page = (int)(offset * pages / region->w);
    }
    return (DeckCommand){.kind = DECK_CMD_GOTO_PAGE, .arg.index = page < pages ? page : pages - 1};
}

int hit_min_target_px(int screen_w, int screen_h)
{
    if (screen_w <= 0 || screen_h <= 0) {
        return HIT_MIN_TARGET_PX_AT_REFERENCE;
    }
    long long short_side = screen_w < screen_h ? screen_w : screen_h;
    long long scaled = short_side * HIT_MIN_TARGET_PX_AT_REFERENCE;
    /* Round half up in integers so the result is exact and portable. */
    return (int)((scaled + HIT_REFERENCE_SHORT_SIDE_PX / 2) / HIT_REFERENCE_SHORT_SIDE_PX);
}
