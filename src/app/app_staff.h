/* app_staff.h — the staff panel in the running kiosk (app_staff.c): the hidden gesture is
 * watched on every touch; once it is made, the PIN pad, then the panel, cover the screen and
 * take every touch until closed (a button, or STAFF_IDLE_MS untouched). Internal to src/app:
 * AppStaff is a part of the App (app_state.h), like AppStatus. The figures
 * that come from the visits and leads subsystems go through app_staff_hooks.c. */
#ifndef FACTS_APP_APP_STAFF_H
#define FACTS_APP_APP_STAFF_H

#include "platform/input.h"
#include "platform/options.h"
#include "render/staff_panel.h"
#include "staff/staff_gesture.h"
#include "staff/staff_pin.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>


enum {
    STAFF_IDLE_MS = 60000,       /* the panel closes by itself after this long untouched */
    STAFF_REFRESH_MS = 30000,    /* the panel's figures (uptime, free space) are read again */
    STAFF_TOUCH_POINTS = 4096,   /* the touch test's strokes: the oldest go first */
};

typedef struct AppStaff {
    StaffGesture gesture;
    bool gesture_ready;          /* set up for the canvas size */
    bool open;
    StaffPage page;
    Lang lang;                   /* the panel's: the screen's when it opened */
    char pin[STAFF_PIN_MAX_DIGITS + 1];
    size_t pin_length;
    StaffPinLock lock;
    bool lock_loaded;            /* read from the state directory at the first opening */
    char message[STAFF_MESSAGE_MAX];
    bool problem;
    StaffAction armed;           /* roll back / restart: waiting for the second tap */
    bool pressing;               /* a finger went down on pressed */
    int32_t finger;
    StaffButton pressed;
    uint64_t last_input_ms;
    uint64_t refreshed_ms;
    int minutes_shown;           /* of a lock, as drawn */
    bool dirty;                  /* draw the panel again */
    /* The panel's figures as last read (pack, update, statistics, leads, disk, temperature):
     * read again only when stale (opening, every STAFF_REFRESH_MS, after an action or new
     * content), not on every redraw (an armed button, a press). */
    StaffRow rows[STAFF_PANEL_ROWS];
    size_t row_count;
    bool rows_stale;
    bool logged_no_pin;
    StaffPoint points[STAFF_TOUCH_POINTS];
    size_t point_count;
    Options runtime;             /* profile and start language switched until restart */
} AppStaff;

struct App;

/* One input event, before the kiosk's own handling: watches for the hidden gesture (and
 * opens the PIN pad when it is made); while the panel is open, takes every touch and key.
 * Returns true when the event was the panel's (the kiosk must not act on it). */
bool app_staff_input(struct App *app, const InputEvent *in, uint64_t now_ms);

/* While the panel is open: draws it when something changed and presents it; returns true
 * (the kiosk's frame is not drawn). false when it is closed. */
bool app_staff_draw(struct App *app, uint64_t now_ms);

/* Every loop turn: closes the panel after STAFF_IDLE_MS untouched, keeps the lock's minutes
 * and the figures current. */
void app_staff_tick(struct App *app, uint64_t now_ms);

/* When app_staff_tick() has something to do (UINT64_MAX: nothing). */
uint64_t app_staff_deadline_ms(const struct App *app, uint64_t now_ms);

/* app_staff_hooks.c: the figures and the action that belong to other subsystems. Each
 * writes one line for the panel into out and returns true, or returns false when it is not
 * available (the panel says so). */
bool app_staff_today_statistics(struct App *app, char *out, size_t size);
bool app_staff_leads_waiting(struct App *app, char *out, size_t size);
bool app_staff_export_now(struct App *app, char *out, size_t size);

#endif
