/* spring.c — rubber band and spring-back; see spring.h. */
#include "core/spring.h"

#include "core/easing.h"

/* Offsets beyond this are garbage, not a finger. */
static const float OFFSET_LIMIT = 1e6f;

static float finite_or_zero(float v)
{
    /* NaN fails both comparisons. */
    return v > -OFFSET_LIMIT && v < OFFSET_LIMIT ? v : 0.0f;
}

float spring_resist(float push_px, float limit_px)
{
    float push = finite_or_zero(push_px);
    float limit = finite_or_zero(limit_px);
    if (limit <= 0.0f) {
        return 0.0f;
    }
    float magnitude = push < 0.0f ? -push : push;
    /* limit * d / (d + limit): slope 1 at rest, limit / 2 at d = limit, limit at infinity. */
    return limit * push / (magnitude + limit);
}

Spring spring_launch(float from_px, float kick_px, uint64_t now_ms, uint32_t duration_ms)
{
    Spring spring = {0};
    spring.from_px = finite_or_zero(from_px);
    spring.kick_px = finite_or_zero(kick_px);
    spring.start_ms = now_ms;
    spring.duration_ms = duration_ms;
    spring.active = duration_ms > 0 && (spring.from_px != 0.0f || spring.kick_px != 0.0f);
    return spring;
}

bool spring_running(const Spring *spring, uint64_t now_ms)
{
    return spring->active && now_ms < spring->start_ms + spring->duration_ms;
}

float spring_offset(const Spring *spring, uint64_t now_ms)
{
    if (!spring_running(spring, now_ms)) {
        return 0.0f;
    }
    float t = easing_progress(spring->start_ms, spring->duration_ms, now_ms);
    return spring->from_px * (1.0f - easing_out_cubic(t)) + spring->kick_px * 4.0f * t * (1.0f - t);
}

uint64_t spring_end_ms(const Spring *spring)
{
    return spring->active ? spring->start_ms + spring->duration_ms : spring->start_ms;
}
