/* easing.c — easing curves; see easing.h. */
#include "core/easing.h"

static float clamp01(float t)
{
    /* Written so that NaN (all comparisons false) lands on 0. */
    if (t > 0.0f) {
        return t < 1.0f ? t : 1.0f;
    }
    return 0.0f;
}

float easing_progress(uint64_t start_ms, uint64_t duration_ms, uint64_t now_ms)
{
    if (duration_ms == 0) {
        return 1.0f;
    }
    if (now_ms <= start_ms) {
        return 0.0f;
    }
    uint64_t elapsed = now_ms - start_ms;
    if (elapsed >= duration_ms) {
        return 1.0f;
    }
    return (float)((double)elapsed / (double)duration_ms);
}

float easing_linear(float t)
{
    return clamp01(t);
}

float easing_in_out_cubic(float t)
{
    t = clamp01(t);
    if (t < 0.5f) {
        return 4.0f * t * t * t;
    }
    float u = 2.0f - 2.0f * t;
    return 1.0f - u * u * u / 2.0f;
}

float easing_out_cubic(float t)
{
    t = clamp01(t);
    float u = 1.0f - t;
    return 1.0f - u * u * u;
}
