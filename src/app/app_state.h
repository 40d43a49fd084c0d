/* app_state.h — the App context of the shared core (app.c, app_display.c, app_input.c,
 * app_content.c, screenshots.c) and the functions they call on each other. Internal to
 * src/app: nothing outside includes it. One App is made by app_run() and passed explicitly.
 * The parts (part_*.c: hours, visits, status, leads, updates, speech, members, staff) do not
 * include it: they keep their state private and see App only through app_core.h. The core's
 * own groups keep theirs private too, each reached through the functions below: how the display
 * was opened (AppDisplay, app_display.c), the touch under way (AppTouch, app_input.c), since
 * when the content is shown (AppShowing, app_content.c), the wall clock and the staff's
 * correction of it (AppClock, app_clock.c), systemd's notify and watchdog and the
 * facts parts ask of each other (AppLife, app.c). */
#ifndef FACTS_APP_APP_STATE_H
#define FACTS_APP_APP_STATE_H

#include "app/app_core.h"
#include "app/pack_loader.h"
#include "app/paths.h"
#include "app/stats.h"
#include "core/deck.h"
#include "platform/clock.h"
#include "platform/input.h"
#include "platform/log.h"
#include "platform/options.h"
#include "render/fonts.h"
#include "render/plan.h"
#include "render/screen.h"

#include <SDL2/SDL.h>
#include <stdbool.h>
#include <stdint.h>

enum {
    OVERLAY_SHOW_MS = 10000,
    MAX_WAIT_MS = 60000,
    SWAP_FRAME_MS = 16,   /* while new content fades in */
    SOFTWARE_FRAME_MS = 33, /* animations drawn by the CPU: 30 frames a second, eased by time */
    DATE_CHECK_MS = 60000,
    APP_PART_SLOTS = 8,   /* rows of app.c's table of parts */
};

typedef struct AppTouch AppTouch;
typedef struct AppDisplay AppDisplay;
typedef struct AppShowing AppShowing;
typedef struct AppClock AppClock;
typedef struct AppLife AppLife;

typedef struct App {
    const Options *options;
    Log *log;
    const ClockStart *start; /* the caller's, borrowed */
    KioskPaths *paths;
    SDL_Window *window;
    AppDisplay *display; /* renderer, canvas, overlay, what the last frame showed (app_display.c) */
    Fonts *fonts;
    Screen *screen;
    Content *content;
    SlidePlan *plan;
    AppShowing *showing; /* since when it is shown: planned for, on trial (app_content.c) */
    AppClock *clock;     /* the wall clock and whether it is right (app_clock.c) */
    Deck *deck;
    InputSpace *input;
    AppTouch *touch;     /* the touch under way (app_input.c) */
    AppLife *life;       /* systemd's notify and watchdog, what starts once, asleep, the speaker (app.c) */
    bool redraw;
    FrameStats *stats;         /* large: kept apart */
    int64_t bundled_version;   /* 0: the bundled pack does not load */
    void *parts[APP_PART_SLOTS]; /* each part's private state, in the order of app.c's table */
    unsigned layers;           /* the layers shown over the slides (app_core_set_layer), a bit each */
    bool quit;
} App;

/* app_display.c */
/* How the display was opened and what the last frame showed, private to app_display.c: made
 * with the App, before anything else (NULL: out of memory); destroying NULL is a no-op. */
AppDisplay *app_display_create(void);
void app_display_destroy(AppDisplay *display);
/* The wake interval while animating, set by the renderer's pace (0: the deck's). */
uint32_t app_display_frame_ms(const App *app);
/* True when SDL_WaitEventTimeout sleeps in the video driver (X11, Wayland). */
bool app_display_native_wait(const App *app);
/* The renderer the display was opened with (NULL: not open). */
SDL_Renderer *app_display_renderer(const App *app);
/* True while new content fades in over the snapshot of the old. */
bool app_display_fading(const App *app);
/* Ends the fade: the next frame is drawn without it. */
void app_display_stop_fade(App *app);
/* Destroys the rotation canvas and the renderer, if open (app_close; the window stays). */
void app_display_close(App *app);
/* Until when the message over the slides shows (app_show_overlay, app_core_show_progress). */
uint64_t app_display_overlay_until_ms(const App *app);
/* Destroys the snapshot of the old content kept for a cross-fade, if any (app_close). */
void app_display_drop_snapshot(App *app);
/* Shows a message over the slides for OVERLAY_SHOW_MS (problem: in the warning style). */
void app_show_overlay(App *app, const char *title, const char *detail, bool problem, uint64_t now_ms);
/* Keeps the frame on screen as a texture so new content can cross-fade in over it. */
void app_snapshot_for_swap(App *app, uint64_t now_ms);
/* Opens the window and renderer (and the rotation canvas); false (logged) when it cannot. */
bool app_open_display(App *app);
/* Shows what was drawn on the canvas (turned for a rotated display) in the window. */
void app_present(App *app);
/* Draws a frame when something changed or moves. */
void app_draw(App *app, uint64_t now_ms);
/* After app_draw(), while nothing moves: paints the next slide ahead (interactive: at once; the attract loop:
 * shortly before it is due, and until then holds only the slide on screen). */
void app_ready_next_slide(App *app, uint64_t now_ms);
/* When app_ready_next_slide() must run next to paint ahead in time (UINT64_MAX: no need). */
uint64_t app_next_slide_ready_ms(const App *app, uint64_t now_ms);
/* Waits for the thread app_open_display() may start to fault in the window's pages; before
 * the first frame is presented and before the window closes. No-op when none runs. */
void app_join_prefault(App *app);
/* When the next frame is due although nothing else changes: the attract loop's call to touch
 * moves a step (UINT64_MAX when it does not show). */
uint64_t app_next_draw_ms(App *app, uint64_t now_ms);

/* app_input.c */
/* The touch under way (gesture recogniser, pressed state), private to app_input.c: made with
 * the App, before anything else (NULL: out of memory); destroying NULL is a no-op. */
AppTouch *app_touch_create(void);
void app_touch_destroy(AppTouch *touch);
/* Forgets the touch under way: the recogniser starts afresh for the canvas, nothing pressed. */
void app_touch_forget(App *app);
/* When the recogniser must hear the time next (a long press, a hold). */
uint64_t app_touch_deadline_ms(const App *app);
/* Gives the recogniser the time when its deadline has come; what it recognises goes on. */
void app_touch_tick(App *app, uint64_t now_ms);
/* One SDL event: touches go through the gesture recogniser, keys become deck commands. */
void app_input(App *app, const SDL_Event *event, uint64_t now_ms);
/* A recognised gesture: a tap hits a region or wakes the kiosk, swipes turn pages. */
void app_gesture(App *app, GestureEvent g, uint64_t now_ms);

/* app_content.c */
/* Since when the content on screen is shown (the day it was planned for, a pending pack's
 * trial), private to app_content.c: made with the App, before anything else (NULL: out of
 * memory); destroying NULL is a no-op. */
AppShowing *app_showing_create(void);
void app_showing_destroy(AppShowing *showing);
/* When app_replan_on_new_day() looks at the date next (while content shows) or, awake and
 * not updating, app_confirm_when_healthy() confirms the pending pack on screen; UINT64_MAX:
 * neither. */
uint64_t app_showing_deadline_ms(const App *app, bool awake, bool updating);
/* Shows content (NULL: the calm "no content" screen) as planned for today; see app_content.c. */
bool app_set_content(App *app, Content *content, uint64_t now_ms);
/* At midnight items with show_from / show_until dates appear or expire: plan again. */
void app_replan_on_new_day(App *app, uint64_t now_ms);
/* A pending pack just went on screen: confirm it once it has run healthy long enough. */
void app_watch_pending(App *app, uint64_t now_ms);
void app_confirm_when_healthy(App *app, uint64_t now_ms);
/* The pack to show: --db, else the newest of bundled and installed. Takes bundled. */
void app_show_pack(App *app, Content *bundled, const char *bundled_problem, uint64_t now_ms);
/* Another process changed the store: show what it says now. */
void app_follow_store(App *app, uint64_t now_ms);
/* The content a preview shows (app_core_preview_begin), borrowed; NULL: no preview. */
const Content *app_preview_content(const App *app);

/* app_clock.c */
/* The wall clock and the staff's correction, private to app_clock.c: made with the App,
 * before anything else (NULL: out of memory); destroying NULL is a no-op. */
AppClock *app_clock_create(void);
void app_clock_destroy(AppClock *clock);
/* The wall clock the event slides show: --fake-clock's, else the system's with the staff's
 * correction when it holds (its offset_ms); *trusted: it may be shown as "now"
 * (core/clock_trust.h). The first call reads the staff's confirmation kept in the state
 * directory. */
ClockWall app_clock_wall(App *app, uint64_t now_ms, bool *trusted);

/* app.c */
/* An SDL event to the parts (part.h) in table order, before anything else: true when one used
 * it up (the display asleep, or the touch that woke it). */
bool app_parts_input(App *app, const SDL_Event *event, uint64_t now_ms);
/* The staff panel switched the profile or the start language (app->options points at its
 * copy, app_core_apply_options): the deck starts again with them and the screen is made for
 * the profile. */
void app_apply_options(App *app, uint64_t now_ms);
/* Tells systemd the loop is alive when a ping is due; returns the ping interval (0: off). */
uint64_t app_ping_watchdog(App *app, uint64_t now_ms);
/* Tells systemd the kiosk is up (the first frame is on screen). */
void app_tell_ready(App *app);

#endif
