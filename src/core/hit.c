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
    *out = regions[i].command;
    return true;
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
