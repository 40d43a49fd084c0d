/* gesture.c — touch → gesture; see gesture.h. The state machine is in
 * gesture_feed(): DOWN starts tracking, MOVE may turn it into a drag, UP
 * classifies it; a second finger blocks everything until all lift. */
#include "core/gesture.h"

#include <stddef.h>
#include <string.h>

enum {
    REFERENCE_SHORT_SIDE_PX = 1080,
    DEFAULT_SCREEN_W = 1920,
    DEFAULT_SCREEN_H = 1080,
    SWIPE_MAX_MS = 700,
    LONG_PRESS_MS = 650,
    /* A finger silent this long when another goes down is assumed lifted
     * (its UP was lost), so a flaky driver cannot block gestures forever. */
    STALE_FINGER_MS = 20000,
};

static const float TAP_SLOP_PX = 24.0f;
static const float SWIPE_MIN_PX = 120.0f;
static const float SWIPE_MIN_PX_PER_S = 300.0f;
static const float AXIS_RATIO = 1.5f;
static const float DRAG_COMMIT_FRACTION = 1.0f / 3.0f;
/* Coordinates beyond this are garbage from a driver, not a screen. */
static const float COORD_LIMIT = 1e6f;

GestureConfig gesture_config_default(int screen_w, int screen_h)
{
    if (screen_w <= 0 || screen_h <= 0) {
        screen_w = DEFAULT_SCREEN_W;
        screen_h = DEFAULT_SCREEN_H;
    }
    int short_side = screen_w < screen_h ? screen_w : screen_h;
    float scale = (float)short_side / (float)REFERENCE_SHORT_SIDE_PX;
    GestureConfig config = {0};
    config.tap_slop_px = TAP_SLOP_PX * scale;
    config.swipe_min_px = SWIPE_MIN_PX * scale;
    config.swipe_max_ms = SWIPE_MAX_MS;
    config.swipe_min_px_per_s = SWIPE_MIN_PX_PER_S * scale;
    config.drag_commit_px = (float)screen_w * DRAG_COMMIT_FRACTION;
    config.axis_ratio = AXIS_RATIO;
    config.long_press_ms = LONG_PRESS_MS;
    return config;
}

void gesture_init(Gesture *gesture, const GestureConfig *config)
{
    memset(gesture, 0, sizeof *gesture);
    gesture->config = config ? *config : gesture_config_default(0, 0);
    gesture->state = GESTURE_STATE_IDLE;
}

static float absf(float v)
{
    return v < 0.0f ? -v : v;
}

static bool coord_ok(float v)
{
    /* NaN fails both comparisons. */
    return v > -COORD_LIMIT && v < COORD_LIMIT;
}

static int finger_index(const Gesture *g, int32_t id)
{
    for (int i = 0; i < g->finger_count; i++) {
        if (g->fingers[i] == id) {
            return i;
        }
    }
    return -1;
}

static void finger_add(Gesture *g, int32_t id)
{
    if (finger_index(g, id) >= 0) {
        return;
    }
    if (g->finger_count == GESTURE_MAX_FINGERS) {
        /* Lost UP events filled the table: forget them rather than lock up. */
        g->finger_count = 0;
    }
    g->fingers[g->finger_count++] = id;
}

static void finger_remove(Gesture *g, int32_t id)
{
    int i = finger_index(g, id);
    if (i < 0) {
        return;
    }
    g->fingers[i] = g->fingers[--g->finger_count];
}

static GestureEvent event_at(GestureKind kind, const Gesture *g, float x, float y)
{
    GestureEvent ev = {kind, x, y, x - g->down_x, y - g->down_y};
    return ev;
}

static uint64_t elapsed_since_down(const Gesture *g, uint64_t t_ms)
{
    return t_ms > g->down_ms ? t_ms - g->down_ms : 0;
}

static bool within_slop(const Gesture *g, float x, float y)
{
    float dx = x - g->down_x;
    float dy = y - g->down_y;
    float slop = g->config.tap_slop_px;
    return dx * dx + dy * dy <= slop * slop;
}

/* Ends the current gesture because it cannot complete any more. */
static GestureEvent abandon(Gesture *g)
{
    GestureEvent ev = {0};
    if (g->state == GESTURE_STATE_DRAGGING) {
        ev = event_at(GESTURE_DRAG_END, g, g->last_x, g->last_y);
    } else if (g->state == GESTURE_STATE_SCROLLING) {
        ev = event_at(GESTURE_SCROLL_END, g, g->last_x, g->last_y);
    }
    g->state = g->finger_count > 0 ? GESTURE_STATE_BLOCKED : GESTURE_STATE_IDLE;
    return ev;
}

static GestureEvent on_down(Gesture *g, const Touch *t)
{
    if (g->finger_count > 0 && t->t_ms > g->last_event_ms &&
        t->t_ms - g->last_event_ms >= STALE_FINGER_MS) {
        g->finger_count = 0;
        g->state = GESTURE_STATE_IDLE;
    }
    finger_add(g, t->id);
    if (g->state != GESTURE_STATE_IDLE || g->finger_count > 1) {
        /* A second finger: this is a pinch or a palm, not a gesture. */
        return abandon(g);
    }
    g->state = GESTURE_STATE_TRACKING;
    g->primary_id = t->id;
    g->down_x = g->last_x = t->x;
    g->down_y = g->last_y = t->y;
    g->down_ms = t->t_ms;
    g->left_slop = false;
    return event_at(GESTURE_PRESS, g, t->x, t->y);
}

static GestureEvent long_press_if_due(Gesture *g, uint64_t now_ms)
{
    GestureEvent ev = {0};
    if (g->state == GESTURE_STATE_TRACKING && !g->left_slop &&
        elapsed_since_down(g, now_ms) >= g->config.long_press_ms) {
        g->state = GESTURE_STATE_DONE;
        ev = event_at(GESTURE_LONG_PRESS, g, g->down_x, g->down_y);
        ev.dx = ev.dy = 0.0f;
    }
    return ev;
}

static bool is_tracking(const Gesture *g)
{
    return g->state == GESTURE_STATE_TRACKING || g->state == GESTURE_STATE_DRAGGING ||
           g->state == GESTURE_STATE_SCROLLING;
}

static GestureEvent on_move(Gesture *g, const Touch *t)
{
    GestureEvent none = {0};
    bool tracking = is_tracking(g);
    if (!tracking || t->id != g->primary_id) {
        return none;
    }
    g->last_x = t->x;
    g->last_y = t->y;
    if (!within_slop(g, t->x, t->y)) {
        g->left_slop = true;
    }
    if (g->state == GESTURE_STATE_TRACKING) {
        GestureEvent lp = long_press_if_due(g, t->t_ms);
        if (lp.kind != GESTURE_NONE) {
            return lp;
        }
        float dx = absf(t->x - g->down_x);
        float dy = absf(t->y - g->down_y);
        if (!g->left_slop) {
            return none;
        }
        g->state = dx > dy ? GESTURE_STATE_DRAGGING : GESTURE_STATE_SCROLLING;
    }
    return event_at(g->state == GESTURE_STATE_SCROLLING ? GESTURE_SCROLL : GESTURE_DRAG, g, t->x, t->y);
}

static bool fast_enough(const Gesture *g, float distance, uint64_t duration_ms)
{
    const GestureConfig *c = &g->config;
    if (c->swipe_max_ms > 0 && duration_ms > c->swipe_max_ms) {
        return false;
    }
    if (c->swipe_min_px_per_s > 0.0f) {
        /* distance / seconds >= min, without dividing by a zero duration. */
        return distance * 1000.0f >= c->swipe_min_px_per_s * (float)duration_ms;
    }
    return true;
}

/* The swipe a stroke from the down point to (x, y) makes, or GESTURE_NONE. */
static GestureKind classify_swipe(const Gesture *g, float x, float y, uint64_t duration_ms,
                                  bool dragging)
{
    float dx = x - g->down_x;
    float dy = y - g->down_y;
    float ax = absf(dx);
    float ay = absf(dy);
    bool horizontal = ax >= ay;
    float main_axis = horizontal ? ax : ay;
    float cross_axis = horizontal ? ay : ax;
    if (main_axis < g->config.swipe_min_px || main_axis < cross_axis * g->config.axis_ratio) {
        return GESTURE_NONE;
    }
    bool committed = horizontal && dragging &&
                     g->config.drag_commit_px > 0.0f && ax >= g->config.drag_commit_px;
    if (!committed && !fast_enough(g, main_axis, duration_ms)) {
        return GESTURE_NONE;
    }
    if (horizontal) {
        return dx < 0.0f ? GESTURE_SWIPE_LEFT : GESTURE_SWIPE_RIGHT;
    }
    return dy < 0.0f ? GESTURE_SWIPE_UP : GESTURE_SWIPE_DOWN;
}

static GestureEvent on_up(Gesture *g, const Touch *t)
{
    GestureEvent none = {0};
    finger_remove(g, t->id);
    bool tracking = is_tracking(g);
    if (!tracking || t->id != g->primary_id) {
        if (g->finger_count == 0) {
            g->state = GESTURE_STATE_IDLE;
        }
        return none;
    }
    uint64_t duration = elapsed_since_down(g, t->t_ms);
    bool dragging = g->state == GESTURE_STATE_DRAGGING;
    bool scrolling = g->state == GESTURE_STATE_SCROLLING;
    g->state = GESTURE_STATE_IDLE;
    if (!g->left_slop && within_slop(g, t->x, t->y)) {
        GestureKind kind = duration >= g->config.long_press_ms ? GESTURE_LONG_PRESS : GESTURE_TAP;
        GestureEvent ev = event_at(kind, g, g->down_x, g->down_y);
        ev.dx = ev.dy = 0.0f;
        return ev;
    }
    GestureKind swipe = classify_swipe(g, t->x, t->y, duration, dragging);
    bool horizontal_swipe = swipe == GESTURE_SWIPE_LEFT || swipe == GESTURE_SWIPE_RIGHT;
    if (dragging && !horizontal_swipe) {
        return event_at(GESTURE_DRAG_END, g, t->x, t->y);
    }
    bool vertical_swipe = swipe == GESTURE_SWIPE_UP || swipe == GESTURE_SWIPE_DOWN;
    if (scrolling && !vertical_swipe) {
        return event_at(GESTURE_SCROLL_END, g, t->x, t->y);
    }
    return event_at(swipe, g, t->x, t->y);
}

static GestureEvent on_cancel(Gesture *g, const Touch *t)
{
    finger_remove(g, t->id);
    GestureEvent none = {0};
    bool tracking = is_tracking(g);
    if (tracking && t->id == g->primary_id) {
        return abandon(g);
    }
    if (g->finger_count == 0) {
        g->state = GESTURE_STATE_IDLE;
    }
    return none;
}

GestureEvent gesture_feed(Gesture *gesture, const Touch *touch)
{
    GestureEvent none = {0};
    if (!touch) {
        return none;
    }
    Touch t = *touch;
    if (!coord_ok(t.x) || !coord_ok(t.y)) {
        if (t.phase != TOUCH_UP && t.phase != TOUCH_CANCEL) {
            return none;
        }
        /* The finger is gone either way; without a position it cannot be
         * classified, so treat it as a cancel. */
        t.phase = TOUCH_CANCEL;
    }
    GestureEvent ev = none;
    switch (t.phase) {
    case TOUCH_DOWN:
        ev = on_down(gesture, &t);
        break;
    case TOUCH_MOVE:
        ev = on_move(gesture, &t);
        break;
    case TOUCH_UP:
        ev = on_up(gesture, &t);
        break;
    case TOUCH_CANCEL:
        ev = on_cancel(gesture, &t);
        break;
    default:
        break;
    }
    gesture->last_event_ms = t.t_ms;
    return ev;
}

GestureEvent gesture_tick(Gesture *gesture, uint64_t now_ms)
{
    return long_press_if_due(gesture, now_ms);
}

bool gesture_pressed(const Gesture *gesture, float *x, float *y)
{
    if (gesture->state != GESTURE_STATE_TRACKING || gesture->left_slop) {
        return false;
    }
    if (x) {
        *x = gesture->down_x;
    }
    if (y) {
        *y = gesture->down_y;
    }
    return true;
}

uint64_t gesture_next_deadline_ms(const Gesture *gesture)
{
    if (gesture->state != GESTURE_STATE_TRACKING || gesture->left_slop) {
        return UINT64_MAX;
    }
    return gesture->down_ms + gesture->config.long_press_ms;
}
