/* colour.c — WCAG contrast and readable colours; see colour.h. */
#include "core/colour.h"

#include <math.h>

static double channel_luminance(uint32_t channel)
{
    double c = (double)channel / 255.0;
    return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(uint32_t rgb)
{
    return 0.2126 * channel_luminance((rgb >> 16) & 0xFF) + 0.7152 * channel_luminance((rgb >> 8) & 0xFF) +
           0.0722 * channel_luminance(rgb & 0xFF);
}

double colour_contrast(uint32_t a, uint32_t b)
{
    double la = luminance(a);
    double lb = luminance(b);
    double light = la > lb ? la : lb;
    double dark = la > lb ? lb : la;
    return (light + 0.05) / (dark + 0.05);
}

uint32_t colour_mix(uint32_t a, uint32_t b, double t)
{
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    uint32_t out = 0;
    for (int shift = 0; shift <= 16; shift += 8) {
        double ca = (double)((a >> shift) & 0xFF);
        double cb = (double)((b >> shift) & 0xFF);
        uint32_t c = (uint32_t)lround(ca + (cb - ca) * t);
        out |= c << shift;
    }
    return out;
}

uint32_t colour_readable(uint32_t wanted, uint32_t background, double min_ratio)
{
    if (colour_contrast(wanted, background) >= min_ratio) {
        return wanted;
    }
    uint32_t pole = colour_contrast(0xFFFFFF, background) >= colour_contrast(0x000000, background) ? 0xFFFFFF : 0x000000;
    for (int step = 1; step <= 20; step++) {
        uint32_t candidate = colour_mix(wanted, pole, step / 20.0);
        if (colour_contrast(candidate, background) >= min_ratio) {
            return candidate;
        }
    }
    return pole;
}
