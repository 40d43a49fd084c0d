/* part_hours.c — opening hours, a part of the running kiosk; see part_hours.h. Outside the
 * hours of [schedule] (core/schedule.h) the kiosk sleeps: one black frame, the screen off by
 * [schedule] screen_off (platform/screen_power.h: HDMI-CEC, KMS/DRM DPMS, X11 DPMS, or the black
 * frame alone), no drawing, and the loop waits until the next change. In the booth a touch wakes it for wake_minutes on the attract loop, and that
 * touch does nothing else; every later touch starts the wake time again. The lobby sleeps on.
 * At opening it wakes by itself. The wall clock is the system's, or --fake-clock's for tests.
 * Its state is Hours, below; the rest of the kiosk sees only app_core_asleep(). */
#define _POSIX_C_SOURCE 200809L
#include "app/part_hours.h"

#include "app/app_core.h"
#include "core/schedule.h"
#include "platform/clock.h"
#include "platform/screen_power.h"

#include <stdio.h>
#include <stdlib.h>

enum {
    MS_PER_S = 1000,
    SECONDS_PER_MINUTE = 60,
    NO_CHANGE_RECHECK_S = 24 * 60 * 60, /* nothing changes within the horizon: look again then */
    SWALLOW_MAX_MS = 10000,             /* a waking touch whose lift got lost stops counting */
};

typedef struct Hours {
    Schedule schedule;      /* inactive: always open */
    ScheduleZone zone;
    ClockWall wall;         /* the system's, or --fake-clock's */
    bool open;              /* by the schedule, at the last look */
    int64_t next_change_s;  /* wall second of the next open/closed change (or of the next look) */
    int64_t awake_until_s;  /* booth: a touch while closed keeps it awake until then (0: none) */
    bool swallowing;        /* the touch that woke the kiosk is still down: it does nothing */
    int fingers;            /* fingers of that touch still down */
    uint64_t swallow_since_ms;
    ScreenPower power;
    bool method_logged;          /* the method screen power used is in the log... */
    OptionsScreenOff logged_method; /* ...this one */
    bool wake_frame_owed;        /* woken: the first frame after it is not drawn yet */
    uint64_t frames_at_wake;     /* frames drawn (app_core_frames_drawn) when it woke */
} Hours;

static int64_t wall_seconds(const Hours *h, uint64_t now_ms)
{
    int64_t wall_ms = clock_wall_ms(&h->wall, now_ms);
    return wall_ms >= 0 ? wall_ms / MS_PER_S : (wall_ms - (MS_PER_S - 1)) / MS_PER_S;
}

/* Looks for the next change after t; "when" says it in the log. */
static void plan_next_change(Hours *h, int64_t t, char *when, size_t when_size)
{
    int64_t change = 0;
    if (schedule_next_change(&h->schedule, h->zone, t, &change)) {
        h->next_change_s = change;
        clock_local_text(change, when, when_size);
    } else {
        h->next_change_s = t + NO_CHANGE_RECHECK_S;
        snprintf(when, when_size, "not within %d days", SCHEDULE_HORIZON_DAYS);
    }
}

static void *hours_start(App *app, uint64_t now_ms)
{
    Hours *h = calloc(1, sizeof *h);
    const Options *o = app_core_options(app);
    Log *log = app_core_log(app);
    char why[1024] = "";
    if (!h) {
        return NULL;
    }
    screen_power_init(&h->power, o->screen_off, o->cec_device, app_core_screen_power_system(app));
    h->zone = clock_local_zone();
    clock_wall_real(&h->wall);
    if (o->fake_clock[0] != '\0' &&
        !clock_wall_fake(&h->wall, o->fake_clock, o->fake_clock_speed, now_ms, why, sizeof why)) {
        log_write(log, LOG_WARN, "hours", "--fake-clock %s %s; the system's clock is used", o->fake_clock, why);
    }
    const char *hours[SCHEDULE_WEEKDAYS] = {0};
    for (int d = 0; d < SCHEDULE_WEEKDAYS; d++) {
        hours[d] = o->hours[d];
    }
    if (!schedule_set(&h->schedule, hours, o->closed_dates, o->open_dates, why, sizeof why)) {
        log_write(log, LOG_WARN, "hours", "[schedule] %s; the opening hours are off: the kiosk stays on at all hours",
                  why);
        return h;
    }
    if (!h->schedule.active) {
        return h;
    }
    int64_t t = wall_seconds(h, now_ms);
    char now_text[32] = "";
    char when[64] = "";
    h->open = schedule_is_open(&h->schedule, h->zone, t);
    plan_next_change(h, t, when, sizeof when);
    clock_local_text(t, now_text, sizeof now_text);
    log_write(log, LOG_INFO, "hours", "opening hours on%s: %s now (%s), %s next: %s",
              h->wall.fake ? " (fake clock)" : "", h->open ? "open" : "closed", now_text, h->open ? "closes" : "opens",
              when);
    return h;
}

/* The method screen power chose, in the log once (again only when it changes), with why the
 * ones before it did not work; a method forced by screen_off that failed is a warning. */
static void log_method(App *app, Hours *h)
{
    const ScreenPower *p = &h->power;
    Log *log = app_core_log(app);
    const char *used = options_screen_off_name(p->used);
    const char *wanted = options_screen_off_name(p->wanted);
    if (h->method_logged && h->logged_method == p->used) {
        return;
    }
    h->method_logged = true;
    h->logged_method = p->used;
    if (p->wanted != OPTIONS_SCREEN_OFF_AUTO && p->wanted != p->used) {
        log_write(log, LOG_WARN, "hours", "screen power: screen_off = %s does not work (%s): a black frame instead",
                  wanted, p->why);
    } else {
        log_write(log, LOG_INFO, "hours", "screen power: %s (screen_off = %s%s%s)", used, wanted, p->why[0] ? "; " : "",
                  p->why);
    }
}

static void power_off(App *app, Hours *h, char *how, size_t how_size)
{
    static const char *const HOW[OPTIONS_SCREEN_OFF_COUNT] = {
        [OPTIONS_SCREEN_OFF_CEC] = "cec: the TV in standby",
        [OPTIONS_SCREEN_OFF_DRM] = "drm: DPMS off",
        [OPTIONS_SCREEN_OFF_X11] = "x11: DPMS off",
        [OPTIONS_SCREEN_OFF_BLACK] = "black: a black frame",
    };
    screen_power_off(&h->power, app_core_window(app));
    log_method(app, h);
    snprintf(how, how_size, "%s", HOW[h->power.used] ? HOW[h->power.used] : "?");
}

static void fall_asleep(App *app, Hours *h, uint64_t now_ms)
{
    char how[320] = "";
    char until[64] = "";
    app_core_set_asleep(app, true); /* reading aloud stops */
    /* It wakes on the attract loop. */
    deck_command(app_core_deck(app), (DeckCommand){.kind = DECK_CMD_ATTRACT}, now_ms);
    /* A finger still down when it closed: its lift comes while asleep, so forget the touch. */
    app_core_forget_touch(app);
    app_core_black_frame(app, true); /* a slide painted ahead is not kept all night */
    SDL_EnableScreenSaver(); /* SDL would otherwise keep resetting the X screen saver, and DPMS with it */
    power_off(app, h, how, sizeof how); /* after the black frame: under drm nothing is presented while off */
    clock_local_text(h->next_change_s, until, sizeof until);
    log_write(app_core_log(app), LOG_INFO, "hours", "closed: the display sleeps (%s) until %s", how, until);
}

static void wake_up(App *app, Hours *h, uint64_t now_ms, const char *why)
{
    app_core_set_asleep(app, false);
    screen_power_on(&h->power);
    SDL_DisableScreenSaver();
    deck_command(app_core_deck(app), (DeckCommand){.kind = DECK_CMD_ATTRACT}, now_ms);
    app_core_redraw(app); /* a whole frame, drawn afresh: nothing of the night's black frame is kept */
    h->wake_frame_owed = true;
    h->frames_at_wake = app_core_frames_drawn(app);
    const ScreenPower *p = &h->power;
    if (!p->worked) {
        log_write(app_core_log(app), LOG_WARN, "hours", "screen power: turning the screen on did not work (%s)", p->why);
    }
    log_write(app_core_log(app), LOG_INFO, "hours", "%s: the display is on (%s)", why,
              options_screen_off_name(p->used));
}

/* The first frame after waking: logged, drawn whole (app_core_redraw at waking). */
static void hours_drawn(App *app, void *self)
{
    Hours *h = self;
    if (h->wake_frame_owed && app_core_frames_drawn(app) > h->frames_at_wake) {
        h->wake_frame_owed = false;
        log_write(app_core_log(app), LOG_INFO, "hours", "the first frame after waking is drawn afresh");
    }
}

static void hours_tick(App *app, void *self, uint64_t now_ms)
{
    Hours *h = self;
    /* The first frame is drawn whatever the hour: it tells systemd the kiosk is up. */
    if (!h->schedule.active || !app_core_drawn_once(app)) {
        return;
    }
    int64_t t = wall_seconds(h, now_ms);
    bool open = schedule_is_open(&h->schedule, h->zone, t);
    if (open != h->open || t >= h->next_change_s) {
        char when[64] = "";
        plan_next_change(h, t, when, sizeof when);
        if (open != h->open) {
            log_write(app_core_log(app), LOG_INFO, "hours", "%s; %s next: %s", open ? "opening time" : "closing time",
                      open ? "closes" : "opens", when);
        }
        h->open = open;
        if (open) {
            h->awake_until_s = 0;
        }
    }
    bool awake = open || t < h->awake_until_s;
    bool asleep = app_core_asleep(app);
    if (!awake && !asleep) {
        fall_asleep(app, h, now_ms);
    } else if (awake && asleep) {
        wake_up(app, h, now_ms, open ? "open" : "woken by a touch");
    }
}

static uint64_t hours_deadline(const App *app, const void *self, uint64_t now_ms)
{
    const Hours *h = self;
    if (!h->schedule.active || !app_core_drawn_once(app)) {
        return UINT64_MAX;
    }
    uint64_t deadline = clock_wall_deadline_ms(&h->wall, h->next_change_s, now_ms);
    if (!h->open && !app_core_asleep(app) && h->awake_until_s > 0) {
        uint64_t wake_ends = clock_wall_deadline_ms(&h->wall, h->awake_until_s, now_ms);
        deadline = wake_ends < deadline ? wake_ends : deadline;
    }
    return deadline;
}

/* A touch or key while asleep: the booth wakes for wake_minutes. */
static void touched_while_asleep(App *app, Hours *h, uint64_t now_ms, bool finger_down)
{
    const Options *o = app_core_options(app);
    if (o->profile != OPTIONS_PROFILE_BOOTH) {
        /* X turns the monitor on at any input: off again, the lobby sleeps on. */
        char how[320] = "";
        power_off(app, h, how, sizeof how);
        log_once(app_core_log(app), LOG_INFO, "hours-lobby-touch", "hours",
                 "a touch while closed: the lobby sleeps on until opening");
        return;
    }
    int64_t t = wall_seconds(h, now_ms);
    char until[32] = "";
    h->awake_until_s = t + (int64_t)o->wake_minutes * SECONDS_PER_MINUTE;
    h->swallowing = finger_down;
    h->fingers = finger_down ? 1 : 0;
    h->swallow_since_ms = now_ms;
    clock_local_text(h->awake_until_s, until, sizeof until);
    log_write(app_core_log(app), LOG_INFO, "hours", "a touch while closed wakes the booth for %d min, until %s",
              o->wake_minutes, until);
    hours_tick(app, h, now_ms);
}

static bool hours_input(App *app, void *self, const SDL_Event *event, uint64_t now_ms)
{
    Hours *h = self;
    bool asleep = app_core_asleep(app);
    if (h->swallowing && now_ms - h->swallow_since_ms > SWALLOW_MAX_MS) {
        h->swallowing = false;
    }
    bool woken = h->schedule.active && !h->open && !asleep; /* by a touch, outside the hours */
    if (!asleep && !h->swallowing && !woken) {
        return false;
    }
    InputEvent in = app_core_translate(app, event, now_ms);
    if (!asleep && !h->swallowing) {
        bool pressed = (in.kind == INPUT_TOUCH && in.touch.phase == TOUCH_DOWN) ||
                       (in.kind >= INPUT_KEY_NEXT && in.kind <= INPUT_KEY_SECTION);
        if (pressed) { /* a visitor is using it: the wake time starts again */
            int64_t until =
                wall_seconds(h, now_ms) + (int64_t)app_core_options(app)->wake_minutes * SECONDS_PER_MINUTE;
            h->awake_until_s = until > h->awake_until_s ? until : h->awake_until_s;
        }
        return false;
    }
    switch (in.kind) {
    case INPUT_QUIT:
        return false;
    case INPUT_EXPOSED:
        if (asleep && screen_power_may_present(&h->power)) { /* drm: no page flip while off */
            app_core_black_frame(app, false);
        }
        return asleep;
    case INPUT_NONE:
        return true;
    case INPUT_TOUCH:
        if (asleep) {
            if (in.touch.phase == TOUCH_DOWN) {
                touched_while_asleep(app, h, now_ms, true);
            }
        } else if (in.touch.phase == TOUCH_DOWN) {
            h->fingers++;
        } else if (in.touch.phase == TOUCH_UP && --h->fingers <= 0) {
            h->swallowing = false; /* the waking touch has ended; the next one acts */
        }
        return true;
    case INPUT_KEY_NEXT:
    case INPUT_KEY_PREV:
    case INPUT_KEY_ACTIVATE:
    case INPUT_KEY_BACK:
    case INPUT_KEY_BACKSPACE:
    case INPUT_TEXT:
    case INPUT_KEY_SECTION:
        if (asleep) {
            touched_while_asleep(app, h, now_ms, false);
        }
        return true;
    }
    return true;
}

static void hours_stop(App *app, void *self)
{
    Hours *h = self;
    (void)app;
    screen_power_restore(&h->power);
    free(h);
}

void part_hours_display(const App *app, StatusDisplay *out)
{
    const Hours *h = app_core_part(app, &part_hours);
    const Options *o = app_core_options(app);
    *out = (StatusDisplay){.wanted = o->screen_off};
    if (h != NULL && h->power.changed) {
        out->changed = true;
        out->off = h->power.off;
        out->method = h->power.used;
        out->worked = h->power.worked;
    }
}

const Part part_hours = {
    .name = "hours",
    .start = hours_start,
    .stop = hours_stop,
    .tick_when = PART_TICK_FIRST,
    .tick = hours_tick,
    .drawn = hours_drawn,
    .deadline_asleep = true,
    .deadline = hours_deadline,
    .input = hours_input,
};
