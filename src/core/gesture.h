/* gesture.h — turns raw touches (screen pixels, milliseconds) into presses,
 * taps, swipes, long presses and horizontal drag progress. The platform layer only
 * translates its events into Touch values; every threshold lives here, named
 * and tunable in GestureConfig. A stroke that leaves the tap slop mostly
 * sideways is a horizontal drag (pages follow it), mostly up or down a
 * vertical one (a long page scrolls with it); it keeps that axis to the end.
 *
 * Start with gesture_config_default() and gesture_feed(). One finger makes a
 * gesture; a second finger going down cancels it and nothing is recognised
 * until every finger has lifted (a pinch is not a swipe). Pure: no I/O, no
 * clock: times come inside the touches and as now_ms. */
#ifndef FACTS_CORE_GESTURE_H
#define FACTS_CORE_GESTURE_H

#include <stdbool.h>
#include <stdint.h>

typedef enum TouchPhase {
    TOUCH_DOWN = 0,
    TOUCH_MOVE,
    TOUCH_UP,
    TOUCH_CANCEL, /* the system took the touch away: never a gesture */
} TouchPhase;

typedef struct Touch {
    int32_t id;   /* finger id, stable from DOWN to UP */
    float x, y;   /* screen pixels */
    TouchPhase phase;
    uint64_t t_ms;
} Touch;

typedef enum GestureKind {
    GESTURE_NONE = 0,
    GESTURE_TAP,         /* x, y where the finger went down */
    GESTURE_SWIPE_LEFT,  /* finger moved left: next page */
    GESTURE_SWIPE_RIGHT, /* finger moved right: previous page */
    GESTURE_SWIPE_UP,
    GESTURE_SWIPE_DOWN,
    GESTURE_LONG_PRESS,  /* x, y where the finger went down */
    GESTURE_DRAG,        /* horizontal drag in progress: dx so the UI can follow */
    GESTURE_DRAG_END,    /* a drag ended without a swipe: snap back */
    GESTURE_PRESS,       /* a finger went down: x, y; show what it is on (see gesture_pressed) */
    GESTURE_SCROLL,      /* vertical drag in progress: dy so a page can follow */
    GESTURE_SCROLL_END,  /* a vertical drag ended without a swipe (a swipe up or
                            down ends it otherwise): the page glides on by itself */
} GestureKind;

/* x, y: the point that matters (down point for TAP / LONG_PRESS, current
 * point otherwise); dx, dy: displacement from the down point. */
typedef struct GestureEvent {
    GestureKind kind;
    float x, y;
    float dx, dy;
} GestureEvent;

typedef struct GestureConfig {
    float tap_slop_px;          /* jitter a tap or long press may have */
    float swipe_min_px;         /* shortest swipe along its main axis */
    uint32_t swipe_max_ms;      /* slower than this is not a swipe; 0 = no limit */
    float swipe_min_px_per_s;   /* average speed a swipe needs; 0 = no limit */
    /* A horizontal drag released beyond this distance pages even when slow,
     * because the visitor dragged the slide most of the way; 0 = never. */
    float drag_commit_px;
    /* The main axis must exceed the other by this factor for a swipe, so a
     * diagonal stroke is nothing rather than a guess. */
    float axis_ratio;
    uint32_t long_press_ms;     /* held this long within slop */
} GestureConfig;

/* Reference values at a 1080 px shorter side (a 15.6" 1080p panel):
 * tap slop 24 px (~4 mm), swipe 120 px (~22 mm) within 700 ms and at least
 * 300 px/s, axis ratio 1.5, long press 650 ms, drag commit a third of the
 * width. Distances scale with the shorter side; invalid sizes (<= 0) use
 * 1920x1080. Never fails. */
GestureConfig gesture_config_default(int screen_w, int screen_h);

/* Internal state; plain data, no heap. */
enum { GESTURE_MAX_FINGERS = 10 };

typedef enum GestureState {
    GESTURE_STATE_IDLE = 0,
    GESTURE_STATE_TRACKING, /* one finger down, not yet a drag */
    GESTURE_STATE_DRAGGING, /* one finger down, horizontal drag reported */
    GESTURE_STATE_SCROLLING, /* one finger down, vertical drag reported */
    GESTURE_STATE_DONE,     /* long press fired: ignore the rest of this touch */
    GESTURE_STATE_BLOCKED,  /* multi-touch or cancel: wait for all fingers up */
} GestureState;

typedef struct Gesture {
    GestureConfig config;
    GestureState state;
    int32_t primary_id;
    float down_x, down_y;
    uint64_t down_ms;
    float last_x, last_y;
    bool left_slop;     /* moved beyond tap slop at some point */
    uint64_t last_event_ms;
    int32_t fingers[GESTURE_MAX_FINGERS];
    int finger_count;
} Gesture;

/* Resets to no fingers down. config is copied (NULL → 1920x1080 defaults). */
void gesture_init(Gesture *gesture, const GestureConfig *config);

/* Feeds one touch and returns what it completes (GESTURE_NONE if nothing):
 * the DOWN of a gesture's finger returns PRESS at once, before anything is
 * known about what the touch will become.
 * Touches come from outside and are never trusted: non-finite coordinates
 * are dropped (an UP without a position counts as a cancel), unknown ids on
 * MOVE/UP are ignored, time going backwards counts as no time passing, and a
 * finger silent for 20 s is forgotten when another goes down (lost UP). */
GestureEvent gesture_feed(Gesture *gesture, const Touch *touch);

/* True while the finger that made the last PRESS rests within tap slop, so
 * that lifting it now would be a TAP: the UI shows the pressed state while
 * this holds. It stops holding when the finger moves away, a second finger
 * goes down, the long press fires, or the finger lifts. *x, *y: the down
 * point (untouched when false). Either pointer may be NULL. */
bool gesture_pressed(const Gesture *gesture, float *x, float *y);

/* Fires LONG_PRESS when a finger has rested long enough without any MOVE
 * arriving; call when gesture_next_deadline_ms() has passed. */
GestureEvent gesture_tick(Gesture *gesture, uint64_t now_ms);

/* When a long press would fire, or UINT64_MAX when nothing is pending. */
uint64_t gesture_next_deadline_ms(const Gesture *gesture);

#endif
