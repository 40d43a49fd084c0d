/* staff_gesture.c — the two-corner hold; see staff_gesture.h. Reading order:
 * staff_gesture_feed() → on_down() / on_move() / on_up(). */
#include "staff/staff_gesture.h"

#include <math.h>

StaffGestureConfig staff_gesture_config_default(int width, int height)
{
    int shorter = width < height ? width : height;
    return (StaffGestureConfig){
        .width = (float)width,
        .height = (float)height,
        .corner_px = (float)shorter / 8.0f,
        .slop_px = (float)shorter / 40.0f,
        .hold_ms = STAFF_GESTURE_HOLD_MS,
        .hold_max_ms = STAFF_GESTURE_HOLD_MAX_MS,
        .between_ms = STAFF_GESTURE_BETWEEN_MS,
    };
}

void staff_gesture_init(StaffGesture *g, const StaffGestureConfig *config)
{
    *g = (StaffGesture){.config = *config, .corner = STAFF_CORNER_NONE, .first = STAFF_CORNER_NONE};
}

StaffCorner staff_gesture_corner(const StaffGestureConfig *c, float x, float y)
{
    bool left = x >= 0.0f && x < c->corner_px;
    bool right = x <= c->width && x > c->width - c->corner_px;
    bool top = y >= 0.0f && y < c->corner_px;
    bool bottom = y <= c->height && y > c->height - c->corner_px;
    if (top && left) {
        return STAFF_CORNER_TOP_LEFT;
    }
    if (top && right) {
        return STAFF_CORNER_TOP_RIGHT;
    }
    if (bottom && right) {
        return STAFF_CORNER_BOTTOM_RIGHT;
    }
    if (bottom && left) {
        return STAFF_CORNER_BOTTOM_LEFT;
    }
    return STAFF_CORNER_NONE;
}

StaffCorner staff_corner_opposite(StaffCorner corner)
{
    return corner == STAFF_CORNER_NONE ? STAFF_CORNER_NONE : (StaffCorner)((corner + 2) % 4);
}

static void start_over(StaffGesture *g)
{
    g->tracking = false;
    g->first = STAFF_CORNER_NONE;
}

static void on_down(StaffGesture *g, const Touch *t)
{
    g->fingers++;
    if (g->fingers > 1) { /* two fingers are never the gesture */
        start_over(g);
        return;
    }
    if (g->first != STAFF_CORNER_NONE && t->t_ms - g->first_up_ms > g->config.between_ms) {
        g->first = STAFF_CORNER_NONE; /* too late for the second corner: this may be a new first */
    }
    StaffCorner corner = staff_gesture_corner(&g->config, t->x, t->y);
    if (corner == STAFF_CORNER_NONE) {
        start_over(g);
        return;
    }
    g->tracking = true;
    g->finger = t->id;
    g->corner = corner;
    g->down_x = t->x;
    g->down_y = t->y;
    g->down_ms = t->t_ms;
}

static void on_move(StaffGesture *g, const Touch *t)
{
    if (!g->tracking || t->id != g->finger) {
        return;
    }
    float moved = hypotf(t->x - g->down_x, t->y - g->down_y);
    if (moved > g->config.slop_px || staff_gesture_corner(&g->config, t->x, t->y) != g->corner) {
        start_over(g);
    }
}

/* A valid hold ends: it completes the gesture when it is the opposite of the first corner,
 * else it becomes the first corner. */
static bool on_up(StaffGesture *g, const Touch *t)
{
    if (g->fingers > 0) {
        g->fingers--;
    }
    if (!g->tracking || t->id != g->finger) {
        return false;
    }
    g->tracking = false;
    uint64_t held = t->t_ms - g->down_ms;
    if (held < g->config.hold_ms || held > g->config.hold_max_ms) {
        start_over(g);
        return false;
    }
    if (g->first != STAFF_CORNER_NONE && g->corner == staff_corner_opposite(g->first)) {
        start_over(g);
        return true;
    }
    g->first = g->corner;
    g->first_up_ms = t->t_ms;
    return false;
}

bool staff_gesture_feed(StaffGesture *g, const Touch *touch)
{
    switch (touch->phase) {
    case TOUCH_DOWN:
        on_down(g, touch);
        return false;
    case TOUCH_MOVE:
        on_move(g, touch);
        return false;
    case TOUCH_UP:
        return on_up(g, touch);
    case TOUCH_CANCEL:
        if (g->fingers > 0) {
            g->fingers--;
        }
        start_over(g);
        return false;
    }
    return false;
}
