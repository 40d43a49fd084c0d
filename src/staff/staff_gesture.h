/* staff_gesture.h — the hidden gesture that asks for the staff panel: a press held at least
 * hold_ms in one corner of the screen, released, then, within between_ms, a press held at
 * least hold_ms in the diagonally opposite corner. A visitor does not do that by chance: a
 * tap, a swipe, a finger that moves, a second finger, a press outside the corner boxes or one
 * held far too long (someone leaning on the frame) starts it over.
 *
 * Start with staff_gesture_config_default() and staff_gesture_feed(). Pure: no I/O and no
 * clock; times come inside the touches (a test drives it with a virtual clock). It only
 * watches: the kiosk's own gesture recogniser (core/gesture.h) sees the same touches. */
#ifndef FACTS_STAFF_STAFF_GESTURE_H
#define FACTS_STAFF_STAFF_GESTURE_H

#include "core/gesture.h"

#include <stdbool.h>
#include <stdint.h>

enum {
    STAFF_GESTURE_HOLD_MS = 3000,      /* each corner press lasts at least this */
    STAFF_GESTURE_HOLD_MAX_MS = 15000, /* a press longer than this is someone leaning */
    STAFF_GESTURE_BETWEEN_MS = 10000,  /* from the first release to the second press */
};

typedef enum StaffCorner {
    STAFF_CORNER_NONE = -1,
    STAFF_CORNER_TOP_LEFT = 0,
    STAFF_CORNER_TOP_RIGHT,
    STAFF_CORNER_BOTTOM_RIGHT,
    STAFF_CORNER_BOTTOM_LEFT,
} StaffCorner;

typedef struct StaffGestureConfig {
    float width, height;  /* the screen, in the touches' pixels */
    float corner_px;      /* each corner box is corner_px square */
    float slop_px;        /* a held finger may wander this far */
    uint32_t hold_ms;
    uint32_t hold_max_ms;
    uint32_t between_ms;
} StaffGestureConfig;

typedef struct StaffGesture {
    StaffGestureConfig config;
    int fingers;             /* down now */
    bool tracking;           /* one finger down in a corner, still valid */
    int32_t finger;
    StaffCorner corner;      /* of the finger being tracked */
    float down_x, down_y;
    uint64_t down_ms;
    StaffCorner first;       /* the first corner done (NONE: waiting for it) */
    uint64_t first_up_ms;
} StaffGesture;

/* Defaults for a width x height screen: corner boxes an eighth of the shorter side (135 px
 * at 1080), 3 s holds, 10 s between them. */
StaffGestureConfig staff_gesture_config_default(int width, int height);

/* Starts with nothing seen. config is copied. */
void staff_gesture_init(StaffGesture *g, const StaffGestureConfig *config);

/* One touch. Returns true once, on the release that completes the gesture (then it starts
 * over). */
bool staff_gesture_feed(StaffGesture *g, const Touch *touch);

/* The corner box (x, y) lies in, or STAFF_CORNER_NONE. */
StaffCorner staff_gesture_corner(const StaffGestureConfig *config, float x, float y);

/* The diagonally opposite corner (NONE for NONE). */
StaffCorner staff_corner_opposite(StaffCorner corner);

#endif
