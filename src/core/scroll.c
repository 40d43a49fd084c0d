/* scroll.c — finger, momentum, rubber band and bounce; see scroll.h. scroll_tick() runs
 * step() in fixed steps: friction inside the content, a critically damped spring past an
 * end. band() and unband() convert between how far the finger pulled past an end and how
 * far the page follows. */
#include "core/scroll.h"

#include <math.h>
#include <string.h>

static const float DEFAULT_VIEWPORT_PX = 1000.0f;
static const float DEFAULT_MOMENTUM_MS = 500.0f;
static const float DEFAULT_SPRING_PER_S = 16.0f;
static const float DEFAULT_RUBBER_BAND = 0.55f;
static const float DEFAULT_MAX_VIEWPORTS_PER_S = 8.0f;
static const float DEFAULT_REST_PX_PER_S = 12.0f;
/* Past an end, closer than this and slower than rest: snapped to the end. */
static const float SNAP_PX = 0.5f;
static const float COORD_LIMIT = 1e7f;

ScrollConfig scroll_config_default(float viewport_px)
{
    if (!(viewport_px > 0.0f && viewport_px < COORD_LIMIT)) {
        viewport_px = DEFAULT_VIEWPORT_PX;
    }
    ScrollConfig config = {0};
    config.viewport_px = viewport_px;
    config.momentum_ms = DEFAULT_MOMENTUM_MS;
    config.spring_per_s = DEFAULT_SPRING_PER_S;
    config.rubber_band = DEFAULT_RUBBER_BAND;
    config.max_px_per_s = viewport_px * DEFAULT_MAX_VIEWPORTS_PER_S;
    config.rest_px_per_s = DEFAULT_REST_PX_PER_S;
    return config;
}

static bool finite(float v)
{
    return v > -COORD_LIMIT && v < COORD_LIMIT; /* NaN fails both */
}

static ScrollConfig sanitise(const ScrollConfig *in)
{
    ScrollConfig defaults = scroll_config_default(in && in->viewport_px > 0.0f ? in->viewport_px : 0.0f);
    if (!in) {
        return defaults;
    }
    ScrollConfig config = *in;
    config.viewport_px = defaults.viewport_px;
    if (!(config.momentum_ms > 0.0f && finite(config.momentum_ms))) {
        config.momentum_ms = defaults.momentum_ms;
    }
    if (!(config.spring_per_s > 0.0f && finite(config.spring_per_s))) {
        config.spring_per_s = defaults.spring_per_s;
    }
    if (!(config.rubber_band > 0.0f && finite(config.rubber_band))) {
        config.rubber_band = defaults.rubber_band;
    }
    if (!(config.max_px_per_s > 0.0f && finite(config.max_px_per_s))) {
        config.max_px_per_s = defaults.max_px_per_s;
    }
    if (!(config.rest_px_per_s > 0.0f && finite(config.rest_px_per_s))) {
        config.rest_px_per_s = defaults.rest_px_per_s;
    }
    return config;
}

void scroll_init(Scroll *scroll, const ScrollConfig *config, uint64_t now_ms)
{
    memset(scroll, 0, sizeof *scroll);
    scroll->config = sanitise(config);
    scroll->clock_ms = now_ms;
}

void scroll_reset(Scroll *scroll, uint64_t now_ms)
{
    ScrollConfig config = scroll->config;
    float extent = scroll->extent;
    scroll_init(scroll, &config, now_ms);
    scroll->extent = extent;
}

/* How far the page follows a finger that pulled `pull` px past an end. */
static float band(const Scroll *s, float pull)
{
    float d = s->config.viewport_px;
    return (1.0f - 1.0f / (pull * s->config.rubber_band / d + 1.0f)) * d;
}

/* The pull that makes the page follow `shown` px past an end (band's inverse). */
static float unband(const Scroll *s, float shown)
{
    float d = s->config.viewport_px;
    float limit = d * 0.99f;
    shown = shown > limit ? limit : shown;
    return (1.0f / (1.0f - shown / d) - 1.0f) * d / s->config.rubber_band;
}

static float banded(const Scroll *s, float raw)
{
    if (raw < 0.0f) {
        return -band(s, -raw);
    }
    if (raw > s->extent) {
        return s->extent + band(s, raw - s->extent);
    }
    return raw;
}

static float unbanded(const Scroll *s, float position)
{
    if (position < 0.0f) {
        return -unband(s, -position);
    }
    if (position > s->extent) {
        return s->extent + unband(s, position - s->extent);
    }
    return position;
}

static float clamped(const Scroll *s, float position)
{
    return position < 0.0f ? 0.0f : position > s->extent ? s->extent : position;
}

static bool outside(const Scroll *s)
{
    return s->position < 0.0f || s->position > s->extent;
}

static void add_sample(Scroll *s, uint64_t now_ms)
{
    s->samples[s->sample_next] = (ScrollSample){s->position, now_ms};
    s->sample_next = (s->sample_next + 1) % SCROLL_SAMPLE_COUNT;
    if (s->sample_count < SCROLL_SAMPLE_COUNT) {
        s->sample_count++;
    }
}

/* The finger's speed over its last SCROLL_VELOCITY_WINDOW_MS before now_ms. */
static float flick_velocity(const Scroll *s, uint64_t now_ms)
{
    if (s->sample_count < 2) {
        return 0.0f;
    }
    int newest = (s->sample_next + SCROLL_SAMPLE_COUNT - 1) % SCROLL_SAMPLE_COUNT;
    int oldest = newest;
    for (int i = 1; i < s->sample_count; i++) {
        int k = (newest + SCROLL_SAMPLE_COUNT - i) % SCROLL_SAMPLE_COUNT;
        if (s->samples[k].t_ms + SCROLL_VELOCITY_WINDOW_MS < now_ms) {
            break;
        }
        oldest = k;
    }
    uint64_t t0 = s->samples[oldest].t_ms;
    uint64_t t1 = s->samples[newest].t_ms;
    if (t1 <= t0) {
        return 0.0f;
    }
    float v = (s->samples[newest].position - s->samples[oldest].position) * 1000.0f / (float)(t1 - t0);
    float max = s->config.max_px_per_s;
    return v > max ? max : v < -max ? -max : v;
}

void scroll_set_extent(Scroll *scroll, float extent_px, float viewport_px, uint64_t now_ms)
{
    if (!finite(extent_px)) {
        return;
    }
    if (viewport_px > 0.0f && finite(viewport_px) && viewport_px != scroll->config.viewport_px) {
        float max_viewports = scroll->config.max_px_per_s / scroll->config.viewport_px;
        scroll->config.viewport_px = viewport_px;
        scroll->config.max_px_per_s = viewport_px * max_viewports;
    }
    (void)scroll_tick(scroll, now_ms);
    scroll->extent = extent_px > 0.0f ? extent_px : 0.0f;
    if (!scroll->held && outside(scroll) && !scroll->moving) {
        scroll->moving = true;
        scroll->velocity = 0.0f;
        scroll->clock_ms = now_ms;
    }
}

void scroll_drag(Scroll *scroll, float finger_px, uint64_t now_ms)
{
    if (!finite(finger_px)) {
        return;
    }
    if (!scroll->held) {
        (void)scroll_tick(scroll, now_ms);
        scroll->held = true;
        scroll->moving = false;
        scroll->velocity = 0.0f;
        scroll->grab_raw = unbanded(scroll, scroll->position);
        scroll->grab_finger = finger_px;
        scroll->sample_count = 0;
        scroll->sample_next = 0;
    } else {
        scroll->position = banded(scroll, scroll->grab_raw + (scroll->grab_finger - finger_px));
    }
    scroll->clock_ms = now_ms;
    add_sample(scroll, now_ms);
}

void scroll_release(Scroll *scroll, uint64_t now_ms)
{
    if (!scroll->held) {
        return;
    }
    add_sample(scroll, now_ms); /* the finger rested where it was last seen */
    scroll->held = false;
    scroll->velocity = flick_velocity(scroll, now_ms);
    scroll->clock_ms = now_ms;
    scroll->moving = outside(scroll) || fabsf(scroll->velocity) >= scroll->config.rest_px_per_s;
    if (!scroll->moving) {
        scroll->velocity = 0.0f;
    }
}

static void stop_at(Scroll *s, float position)
{
    s->position = position;
    s->velocity = 0.0f;
    s->moving = false;
}

/* One integration step of SCROLL_STEP_MS. */
static void step(Scroll *s)
{
    const float dt = (float)SCROLL_STEP_MS / 1000.0f;
    const float rest = s->config.rest_px_per_s;
    if (outside(s)) {
        float edge = s->position < 0.0f ? 0.0f : s->extent;
        float x = s->position - edge;
        float w = s->config.spring_per_s;
        s->velocity += (-w * w * x - 2.0f * w * s->velocity) * dt;
        s->position += s->velocity * dt;
        float after = s->position - edge;
        bool crossed = (x < 0.0f && after >= 0.0f) || (x > 0.0f && after <= 0.0f);
        if (crossed || (fabsf(after) < SNAP_PX && fabsf(s->velocity) < rest)) {
            stop_at(s, edge);
        }
        return;
    }
    s->velocity *= expf(-(float)SCROLL_STEP_MS / s->config.momentum_ms);
    s->position += s->velocity * dt;
    if (!outside(s) && fabsf(s->velocity) < rest) {
        stop_at(s, s->position);
    }
}

bool scroll_tick(Scroll *scroll, uint64_t now_ms)
{
    if (scroll->held || !scroll->moving) {
        scroll->clock_ms = now_ms > scroll->clock_ms ? now_ms : scroll->clock_ms;
        return false;
    }
    if (now_ms <= scroll->clock_ms) {
        return false; /* time going backwards counts as none passing */
    }
    float before = scroll->position;
    uint64_t elapsed = now_ms - scroll->clock_ms;
    if (elapsed > SCROLL_MAX_SIMULATED_MS) {
        stop_at(scroll, clamped(scroll, scroll->position));
        scroll->clock_ms = now_ms;
        return scroll->position != before;
    }
    uint64_t steps = elapsed / SCROLL_STEP_MS;
    scroll->clock_ms += steps * SCROLL_STEP_MS;
    for (uint64_t i = 0; i < steps && scroll->moving; i++) {
        step(scroll);
    }
    if (!scroll->moving) {
        scroll->clock_ms = now_ms;
    }
    return scroll->position != before;
}

void scroll_jump(Scroll *scroll, float position, uint64_t now_ms)
{
    if (!finite(position)) {
        return;
    }
    scroll->held = false;
    stop_at(scroll, clamped(scroll, position));
    scroll->clock_ms = now_ms;
}

float scroll_position(const Scroll *scroll)
{
    return scroll->position;
}

float scroll_extent(const Scroll *scroll)
{
    return scroll->extent;
}

bool scroll_moving(const Scroll *scroll)
{
    return scroll->moving && !scroll->held;
}

bool scroll_held(const Scroll *scroll)
{
    return scroll->held;
}
