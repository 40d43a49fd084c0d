/* scroll.h — the physics of a page that scrolls with the finger: it follows a held finger
 * one to one, pulls like a rubber band past either end, keeps moving after a flick and slows
 * down by friction, and springs back to the end it overshot. Time only arrives as now_ms
 * arguments (the virtual clock), so a test replays any flick exactly.
 *
 * Positions are pixels from the top of the content: 0 shows its start, extent its end
 * (content height minus the visible height). While pulled or bouncing the position may lie
 * outside [0, extent]; at rest it never does.
 *
 * Start at scroll_config_default() and scroll_init(); feed the finger with scroll_drag()
 * (the first call grabs the page) and scroll_release(); call scroll_tick() every frame while
 * scroll_moving(). Motion is integrated in fixed steps of SCROLL_STEP_MS, so the outcome
 * does not depend on how often scroll_tick() runs. Pure: no I/O, no clock, no heap. */
#ifndef FACTS_CORE_SCROLL_H
#define FACTS_CORE_SCROLL_H

#include <stdbool.h>
#include <stdint.h>

enum {
    SCROLL_STEP_MS = 4,       /* integration step */
    SCROLL_SAMPLE_COUNT = 8,  /* finger samples kept to measure a flick's speed */
    SCROLL_VELOCITY_WINDOW_MS = 100, /* a flick's speed: the finger's last 100 ms */
    SCROLL_MAX_SIMULATED_MS = 10000, /* a longer gap (a stalled loop) ends the motion at once */
};

typedef struct ScrollConfig {
    float viewport_px;      /* visible length along the scroll axis, > 0 */
    float momentum_ms;      /* friction: velocity falls by 1/e in this time */
    float spring_per_s;     /* stiffness of the bounce back (critically damped), rad/s */
    float rubber_band;      /* resistance past the ends: 0.55 pulls like iOS */
    float max_px_per_s;     /* fastest flick */
    float rest_px_per_s;    /* slower than this the page is at rest */
} ScrollConfig;

/* A finger position and when it was there. */
typedef struct ScrollSample {
    float position;
    uint64_t t_ms;
} ScrollSample;

/* Internal state; read it through the functions below. Plain data, no heap. */
typedef struct Scroll {
    ScrollConfig config;
    float extent;
    float position;
    float velocity;         /* px/s, > 0 towards the end */
    bool held;
    bool moving;
    float grab_raw;         /* unbanded position when the finger grabbed */
    float grab_finger;      /* finger coordinate then */
    ScrollSample samples[SCROLL_SAMPLE_COUNT];
    int sample_count;
    int sample_next;
    uint64_t clock_ms;      /* physics time reached */
} Scroll;

/* Defaults for a visible length: momentum 500 ms (a 2000 px/s flick travels about 1000 px),
 * spring 16 rad/s (settles in about a quarter second), rubber band 0.55, flicks capped at 8
 * visible lengths a second, at rest below 12 px/s. viewport_px <= 0 is taken as 1000. */
ScrollConfig scroll_config_default(float viewport_px);

/* At rest at the top with nothing to scroll (extent 0). NULL config → defaults for 1000 px. */
void scroll_init(Scroll *scroll, const ScrollConfig *config, uint64_t now_ms);

/* Back to the top, at rest, keeping config and extent (a new page is shown). */
void scroll_reset(Scroll *scroll, uint64_t now_ms);

/* How far the content scrolls (content minus visible length; negative → 0) and the visible
 * length (<= 0 keeps the current one). A position now past the end springs back. */
void scroll_set_extent(Scroll *scroll, float extent_px, float viewport_px, uint64_t now_ms);

/* The finger is at finger_px along the axis (any origin, growing downwards: a finger moving
 * up scrolls towards the end). The first call after a release grabs the page where it is,
 * stopping any motion; later calls move it by as much as the finger moved, with the rubber
 * band past the ends. Non-finite values are ignored. */
void scroll_drag(Scroll *scroll, float finger_px, uint64_t now_ms);

/* The finger lifted: the page keeps the speed of the finger's last 100 ms (none if it had
 * rested longer) and glides, or springs back when it was pulled past an end. */
void scroll_release(Scroll *scroll, uint64_t now_ms);

/* Advances the motion to now_ms. Returns true when the position changed. */
bool scroll_tick(Scroll *scroll, uint64_t now_ms);

/* Puts the page at position (clamped to [0, extent]), at rest. */
void scroll_jump(Scroll *scroll, float position, uint64_t now_ms);

/* Where the page is now. */
float scroll_position(const Scroll *scroll);

/* The extent set last. */
float scroll_extent(const Scroll *scroll);

/* True while the page glides or springs back (not while held, not at rest): the caller must
 * keep ticking and drawing. */
bool scroll_moving(const Scroll *scroll);

/* True while a finger holds the page. */
bool scroll_held(const Scroll *scroll);

#endif
