/* app.c — the kiosk's life: app_run() starts it (fonts, display, the bundled pack, updates),
 * app_loop() waits for input or the next deadline, ticks the deck and the parts, draws, polls
 * updates and pings the watchdog, and app_close() tears it down. PARTS below is the table of
 * the kiosk's parts (part.h), in the order the loop calls them; the shared core's functions
 * that parts call (app_core.h) are at the end of this file. Beside it: app_display.c (window
 * and drawing), app_input.c (events → deck commands), app_content.c (which pack is shown),
 * the parts in part_*.c; app_state.h holds the App they share. */
#define _POSIX_C_SOURCE 200809L
#include "app/app.h"
#include "app/app_state.h"
#include "app/part_hours.h"
#include "app/part_leads.h"
#include "app/part_members.h"
#include "app/part_speech.h"
#include "app/part_staff.h"
#include "app/part_status.h"
#include "app/part_updates.h"
#include "app/part_visits.h"
#include "platform/notify.h"

#include <SDL2/SDL.h>
#include <SDL2/SDL_image.h>
#include <SDL2/SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The kiosk's life as the loop keeps it, private to this file: what it tells systemd, what it
 * starts once, and the facts parts ask of each other through the core (app_core.h). */
struct AppLife {
    Notify notify;
    uint64_t next_watchdog_ms;
    bool started_after_first_frame; /* the first status report and visitor statistics */
    bool asleep;                    /* the display sleeps (part_hours.c): nothing is drawn */
    bool speech_ready;              /* the chrome's speaker button shows (part_speech.c), */
    bool speech_speaking;           /* lit */
};

/* The parts in the order the loop calls them: in each loop turn hours ticks first (it may put
 * the display to sleep), visits and leads next, asleep too, then speech, members and the staff
 * panel before the frame is drawn; input goes to them in this order before the deck; app_close
 * stops them in this order. Updates, status and leads start earlier (app_start,
 * part_start_early): the pack shown needs the store, leads the kiosk id. Between the store
 * followed and the pack confirmed, updates and leads poll and status writes (app_loop). */
static const Part *const PARTS[] = {
    &part_hours, &part_visits, &part_status, &part_leads, &part_updates, &part_speech, &part_members, &part_staff,
};
#define PART_COUNT (sizeof PARTS / sizeof PARTS[0])
_Static_assert(PART_COUNT <= (size_t)APP_PART_SLOTS, "App has a slot for each part");

/* Starts one part ahead of the others (app_start: in the order they depend on each other);
 * false when it cannot. parts_start() then leaves it be. */
static bool part_start_early(App *app, const Part *part, uint64_t now_ms)
{
    for (size_t i = 0; i < PART_COUNT; i++) {
        if (PARTS[i] == part && !app->parts[i]) {
            app->parts[i] = part->start(app, now_ms);
            if (!app->parts[i]) {
                log_write(app->log, LOG_ERROR, part->name, "out of memory");
                return false;
            }
        }
    }
    return true;
}

/* Starts the parts that have a start and did not start early (their state in app->parts);
 * false when one cannot. */
static bool parts_start(App *app, uint64_t now_ms)
{
    for (size_t i = 0; i < PART_COUNT; i++) {
        if (PARTS[i]->start && !app->parts[i]) {
            app->parts[i] = PARTS[i]->start(app, now_ms);
            if (!app->parts[i]) {
                log_write(app->log, LOG_ERROR, PARTS[i]->name, "out of memory");
                return false;
            }
        }
    }
    return true;
}

static void parts_stop(App *app)
{
    for (size_t i = 0; i < PART_COUNT; i++) {
        if (PARTS[i]->stop && (!PARTS[i]->start || app->parts[i])) {
            PARTS[i]->stop(app, app->parts[i]);
        }
        app->parts[i] = NULL;
    }
}

static void parts_tick(App *app, PartTick when, uint64_t now_ms)
{
    for (size_t i = 0; i < PART_COUNT; i++) {
        if (PARTS[i]->tick && PARTS[i]->tick_when == when) {
            PARTS[i]->tick(app, app->parts[i], now_ms);
        }
    }
}

static void parts_drawn(App *app)
{
    for (size_t i = 0; i < PART_COUNT; i++) {
        if (PARTS[i]->drawn) {
            PARTS[i]->drawn(app, app->parts[i]);
        }
    }
}

/* The earliest of the parts' deadlines (UINT64_MAX: none); asleep, only those that count then. */
static uint64_t parts_deadline(const App *app, bool awake, uint64_t now_ms)
{
    uint64_t deadline = UINT64_MAX;
    for (size_t i = 0; i < PART_COUNT; i++) {
        if (PARTS[i]->deadline && (awake || PARTS[i]->deadline_asleep)) {
            uint64_t due = PARTS[i]->deadline(app, app->parts[i], now_ms);
            deadline = due < deadline ? due : deadline;
        }
    }
    return deadline;
}

bool app_parts_input(App *app, const SDL_Event *event, uint64_t now_ms)
{
    for (size_t i = 0; i < PART_COUNT; i++) {
        if (PARTS[i]->input && PARTS[i]->input(app, app->parts[i], event, now_ms)) {
            return true;
        }
    }
    return false;
}

static DeckConfig deck_config_from(const Options *options)
{
    DeckProfile profile = options->profile == OPTIONS_PROFILE_LOBBY ? DECK_PROFILE_LOBBY : DECK_PROFILE_BOOTH;
    DeckConfig config = deck_config_default(profile);
    config.slide_ms = (uint32_t)options->slide_seconds * 1000u;
    config.idle_ms = (uint32_t)options->idle_seconds * 1000u;
    config.transition_ms = (uint32_t)options->transition_ms;
    config.lang_rotate_cycles = profile == DECK_PROFILE_LOBBY ? (uint32_t)options->lang_rotation_cycles : 0;
    config.start_lang = options->lang;
    return config;
}

static DeckConfig deck_config_for(const App *app)
{
    DeckConfig config = deck_config_from(app->options);
    int canvas_w, canvas_h;
    app_core_canvas_size(app, &canvas_w, &canvas_h);
    config.edge_px = (float)canvas_w / 8.0f; /* a page pushed past its section's end moves at most this */
    config.frame_ms = app_display_frame_ms(app);
    return config;
}

void app_apply_options(App *app, uint64_t now_ms)
{
    bool booth = app->options->profile == OPTIONS_PROFILE_BOOTH;
    int canvas_w, canvas_h;
    app_core_canvas_size(app, &canvas_w, &canvas_h);
    Screen *screen = screen_create(app_display_renderer(app), app->fonts, canvas_w, canvas_h, booth,
                                   pack_log_render_problem, app->log);
    if (!screen) {
        log_write(app->log, LOG_ERROR, "app", "out of memory");
        return;
    }
    screen_destroy(app->screen);
    app->screen = screen;
    screen_set_speech(screen, booth && app->life->speech_ready, booth && app->life->speech_speaking);
    DeckConfig config = deck_config_for(app);
    deck_init(app->deck, NULL, &config, now_ms);
    app_set_content(app, app->content, now_ms);
}

void app_tell_ready(App *app)
{
    notify_ready(&app->life->notify);
}

/* Tells systemd the loop is alive when a ping is due; returns the ping interval (0: off). */
uint64_t app_ping_watchdog(App *app, uint64_t now_ms)
{
    uint64_t interval = notify_watchdog_interval_ms(&app->life->notify);
    if (interval && now_ms >= app->life->next_watchdog_ms) {
        notify_watchdog(&app->life->notify);
        app->life->next_watchdog_ms = now_ms + interval;
    }
    return interval;
}
static uint64_t earliest(uint64_t a, uint64_t b)
{
    return a < b ? a : b;
}

/* Waits for an event at most wait_ms. X11 and Wayland really sleep in SDL_WaitEventTimeout;
 * on other drivers (KMS/DRM on the Pi) SDL would poll every millisecond, so the kiosk polls
 * every POLL_MS itself: input stays prompt and an idle kiosk wakes 100 times a second, not
 * 1000. */
static bool app_wait_event(App *app, SDL_Event *event, int wait_ms)
{
    enum { POLL_MS = 10 };
    if (app_display_native_wait(app)) {
        return SDL_WaitEventTimeout(event, wait_ms) != 0;
    }
    uint64_t until = clock_now_ms() + (uint64_t)wait_ms;
    for (;;) {
        if (SDL_PollEvent(event)) {
            return true;
        }
        uint64_t now = clock_now_ms();
        if (now >= until) {
            return false;
        }
        SDL_Delay((Uint32)(until - now < POLL_MS ? until - now : POLL_MS));
    }
}

/* What the first frame need not wait for, done right after it and before the first look for
 * a stick: the first status report (status.json, two fsyncs) and the visitor statistics
 * (their database is created with a dozen fsyncs on a kiosk's first start; an SD card takes
 * milliseconds for each). */
static void app_start_after_first_frame(App *app, uint64_t now_ms)
{
    if (app->life->started_after_first_frame || !app_core_drawn_once(app)) {
        return;
    }
    app->life->started_after_first_frame = true;
    part_status_tick(app, now_ms, false);
    part_visits_open(app);
}

static void app_loop(App *app)
{
    bool overlay_was_visible = false;
    while (!app->quit) {
        uint64_t now = clock_now_ms();
        parts_tick(app, PART_TICK_FIRST, now); /* opening hours */
        bool awake = !app_core_asleep(app); /* asleep: nothing is drawn, only the next change is awaited */
        if (awake) {
            deck_tick(app->deck, now);
        }
        if (awake) {
            app_touch_tick(app, now);
        }
        bool overlay_visible = now < app_display_overlay_until_ms(app);
        if (overlay_visible != overlay_was_visible) {
            app->redraw = true;
            overlay_was_visible = overlay_visible;
        }
        parts_tick(app, PART_TICK_ALWAYS, now);
        if (awake) {
            parts_tick(app, PART_TICK_AWAKE, now);
            app_draw(app, now);
            app_ready_next_slide(app, now);
            parts_drawn(app);
        }
        app_start_after_first_frame(app, now);
        /* While the worker runs an update it owns the updater: the store waits. */
        bool updating = part_updates_busy(app);
        if (!updating) {
            app_follow_store(app, now);
        }
        part_updates_poll(app, now);
        part_leads_poll(app, now);
        updating = part_updates_busy(app);
        if (!updating) {
            app_confirm_when_healthy(app, now);
        }
        part_status_tick(app, now, updating);
        app_replan_on_new_day(app, now);
        uint64_t interval = app_ping_watchdog(app, now);
        uint64_t deadline = earliest(now + MAX_WAIT_MS, parts_deadline(app, awake, now));
        if (awake) {
            deadline = earliest(deadline, earliest(deck_next_deadline_ms(app->deck, now), app_touch_deadline_ms(app)));
            deadline = earliest(deadline, app_next_draw_ms(app, now));
            deadline = earliest(deadline, app_next_slide_ready_ms(app, now));
        }
        if (awake && overlay_visible) {
            deadline = earliest(deadline, app_display_overlay_until_ms(app));
        }
        if (interval) {
            deadline = earliest(deadline, app->life->next_watchdog_ms);
        }
        deadline = earliest(deadline, part_updates_deadline(app, updating, now));
        deadline = earliest(deadline, app_showing_deadline_ms(app, awake, updating));
        deadline = earliest(deadline, part_status_deadline(app, updating));
        if (awake && (app->redraw || app_display_fading(app))) { /* a frame is owed (a result came in), or new content fades in */
            deadline = earliest(deadline, now + SWAP_FRAME_MS);
        }
        now = clock_now_ms();
        int wait_ms = deadline > now ? (int)(deadline - now) : 0;
        SDL_Event event;
        if (app_wait_event(app, &event, wait_ms)) {
            uint64_t at = clock_now_ms();
            app_input(app, &event, at);
            while (SDL_PollEvent(&event)) {
                app_input(app, &event, at);
            }
        }
    }
}

/* options: the caller's, which app->options points at again once the staff panel's switched
 * copy is gone with its part. */
static void app_close(App *app, const Options *options)
{
    app_core_preview_end(app, 0); /* the preview's content goes with the updates part */
    parts_stop(app); /* hours, visits, status, leads, updates, speech, members, staff */
    app->options = options;
    app_display_drop_snapshot(app);
    app_join_prefault(app);
    screen_destroy(app->screen);
    plan_destroy(app->plan);
    content_unload(app->content);
    fonts_unload(app->fonts);
    app_display_close(app);
    if (app->window) {
        SDL_DestroyWindow(app->window);
    }
    notify_destroy(&app->life->notify);
    IMG_Quit();
    TTF_Quit();
    SDL_Quit();
}

static int app_start(App *app, const Options *options, Log *log, const ClockStart *start);

/* Frees the App and the private states of its groups (app_run made them before anything else). */
static void app_free(App *app)
{
    if (app) {
        app_touch_destroy(app->touch);
        app_display_destroy(app->display);
        app_showing_destroy(app->showing);
        app_clock_destroy(app->clock);
        free(app->life);
        free(app->paths);
        free(app->plan);
        free(app->deck);
        free(app->input);
        free(app->stats);
    }
    free(app);
}

int app_run(const Options *options, Log *log, const ClockStart *start)
{
    App *app = calloc(1, sizeof *app);
    if (app) {
        app->touch = app_touch_create();
        app->display = app_display_create();
        app->showing = app_showing_create();
        app->clock = app_clock_create();
        app->life = calloc(1, sizeof *app->life);
        app->paths = calloc(1, sizeof *app->paths);
        app->plan = calloc(1, sizeof *app->plan);
        app->deck = calloc(1, sizeof *app->deck);
        app->input = calloc(1, sizeof *app->input);
        app->stats = calloc(1, sizeof *app->stats); /* large: frame statistics */
    }
    if (!app || !app->touch || !app->display || !app->showing || !app->clock || !app->life || !app->paths || !app->plan ||
        !app->deck || !app->input || !app->stats) {
        log_write(log, LOG_ERROR, "app", "out of memory");
        app_free(app);
        return 1;
    }
    int status = app_start(app, options, log, start);
    app_close(app, options);
    app_free(app);
    return status;
}

static int app_start(App *app, const Options *options, Log *log, const ClockStart *start)
{
    app->options = options;
    app->log = log;
    app->start = start;
    paths_find(app->paths);
    if (notify_create_from_env(&app->life->notify) != NOTIFY_OK) {
        log_write(log, LOG_WARN, "notify", "NOTIFY_SOCKET is set but unusable; systemd will not hear from the kiosk");
    }
    int status = 1;
    char why[512] = "";
    /* Failures jump to done: app_run() closes whatever was opened. */
    if (TTF_Init() != 0) {
        log_write(log, LOG_ERROR, "render", "cannot start the font engine: %s", TTF_GetError());
        goto done;
    }
    /* No IMG_Init: SDL_image is loaded with the first image (render/image_lazy.c). */
    app->fonts = fonts_load(app->paths->fonts_dir, why, sizeof why);
    if (!app->fonts) {
        log_write(log, LOG_ERROR, "render", "%s (set FACTS_ASSETS_DIR to the folder holding fonts/)", why);
        goto done;
    }
    log_write(log, LOG_DEBUG, "app", "fonts read at %llu ms", (unsigned long long)clock_since_start_ms(start, clock_now_ms()));
    if (!app_open_display(app)) {
        goto done;
    }
    log_write(log, LOG_DEBUG, "app", "display open at %llu ms", (unsigned long long)clock_since_start_ms(start, clock_now_ms()));
    uint64_t now = clock_now_ms();
    int canvas_w, canvas_h;
    app_core_canvas_size(app, &canvas_w, &canvas_h);
    app->screen = screen_create(app_display_renderer(app), app->fonts, canvas_w, canvas_h,
                               options->profile == OPTIONS_PROFILE_BOOTH, pack_log_render_problem, log);
    if (!app->screen) {
        log_write(log, LOG_ERROR, "app", "out of memory");
        goto done;
    }
    DeckConfig config = deck_config_for(app);
    deck_init(app->deck, NULL, &config, now);
    app_touch_forget(app);
    /* The bundled pack is read once: its version bounds updates, then it is shown unless an
     * installed pack is newer. */
    char bundled_problem[512] = "";
    Content *bundled = pack_load_logged(app->paths->bundled_pack, log, bundled_problem, sizeof bundled_problem);
    app->bundled_version = bundled ? bundled->pack.version : 0;
    if (!part_start_early(app, &part_updates, clock_now_ms())) { /* the store, for the pack shown */
        content_unload(bundled);
        goto done;
    }
    app_show_pack(app, bundled, bundled_problem, now);
    if (!part_start_early(app, &part_status, clock_now_ms())) { /* the kiosk id, for leads */
        goto done;
    }
    if (!part_start_early(app, &part_leads, clock_now_ms())) {
        goto done;
    }
    if (!parts_start(app, clock_now_ms())) { /* hours, visits, speech, members, staff */
        goto done;
    }
    log_write(log, LOG_DEBUG, "app", "pack loaded at %llu ms", (unsigned long long)clock_since_start_ms(start, clock_now_ms()));
    app_loop(app);
    notify_stopping(&app->life->notify);
    if (options->stats) {
        stats_print(app->stats, stdout);
    }
    status = 0;
done:
    return status;
}

/* The shared core as the parts see it (app_core.h). */

void *app_core_part(const App *app, const Part *part)
{
    for (size_t i = 0; i < PART_COUNT; i++) {
        if (PARTS[i] == part) {
            return app->parts[i];
        }
    }
    return NULL;
}

const Options *app_core_options(const App *app)
{
    return app->options;
}

Log *app_core_log(const App *app)
{
    return app->log;
}

SDL_Window *app_core_window(const App *app)
{
    return app->window;
}

Screen *app_core_screen(const App *app)
{
    return app->screen;
}

Deck *app_core_deck(App *app)
{
    return app->deck;
}

const Content *app_core_content(const App *app)
{
    const Content *preview = app_preview_content(app);
    return preview ? preview : app->content;
}

SlidePlan *app_core_plan(App *app)
{
    return app->plan;
}

void app_core_redraw(App *app)
{
    app->redraw = true;
}

InputEvent app_core_translate(const App *app, const SDL_Event *event, uint64_t now_ms)
{
    return input_translate(event, app->input, now_ms);
}

bool app_core_asleep(const App *app)
{
    return app->life->asleep;
}

void app_core_set_asleep(App *app, bool asleep)
{
    app->life->asleep = asleep;
    if (asleep) {
        part_speech_silence(app);
    }
}

const ScreenPowerSystem *app_core_screen_power_system(const App *app)
{
    (void)app;
    return screen_power_system_real();
}

void app_core_display_power(const App *app, StatusDisplay *out)
{
    part_hours_display(app, out);
}

void app_core_forget_touch(App *app)
{
    app_touch_forget(app);
    screen_set_press(app->screen, false, 0.0f, 0.0f);
}

void app_core_show_speech(App *app, bool ready, bool speaking)
{
    app->life->speech_ready = ready;
    app->life->speech_speaking = speaking;
    screen_set_speech(app->screen, ready, speaking);
}

void app_core_read_aloud_used(App *app, uint64_t now_ms)
{
    part_visits_read_aloud(app, now_ms);
}

/* What parts ask of each other through the core (app_core.h, the block at its end): each
 * passes the question on to the part that answers it. */

const char *app_core_kiosk_id(const App *app)
{
    return part_status_kiosk_id(app);
}

const StatusUpdate *app_core_last_update(const App *app)
{
    return part_status_last_update(app);
}

void app_core_update_attempt_begin(App *app, const char *source)
{
    part_status_attempt_begin(app, source);
}

void app_core_update_attempt_end(App *app, const UpdateResult *result, uint64_t now_ms)
{
    part_status_attempt_end(app, result, now_ms);
}

uint64_t app_core_frames_drawn(const App *app)
{
    return app->stats->frames;
}

uint64_t app_core_uptime_ms(const App *app, uint64_t now_ms)
{
    return clock_since_start_ms(app->start, now_ms);
}

const PackStore *app_core_store(const App *app)
{
    Updater *updater = part_updates_updater(app);
    return updater ? update_store(updater) : NULL;
}

bool app_core_updating(const App *app)
{
    return part_updates_busy(app);
}

void app_core_pack_shown(const App *app, StatusPack *out)
{
    const Content *content = app->content;
    StatusPackFrom from = !content                                       ? STATUS_PACK_NONE
                          : app->options->db[0]                         ? STATUS_PACK_FILE
                          : content->pack.version == app->bundled_version ? STATUS_PACK_BUNDLED
                                                                        : STATUS_PACK_INSTALLED;
    const PackStore *store = app_core_store(app);
    bool active = store && store->state.active != SLOT_NONE && store->state.active_version == content->pack.version;
    if (from != STATUS_PACK_FILE && from != STATUS_PACK_NONE && active &&
        store_active_origin(store) == STORE_ORIGIN_KIOSK) {
        from = STATUS_PACK_KIOSK; /* shown whatever the bundled pack's version */
    }
    bool pending = (from == STATUS_PACK_INSTALLED || from == STATUS_PACK_KIOSK) && active && store_pending(store);
    status_note_pack(out, content, from, pending);
}

void app_core_stick_seen(App *app, const WatchFound *found, uint64_t now_ms)
{
    part_visits_stick(app, found, now_ms);
}

void app_core_lead_left(App *app, uint64_t now_ms)
{
    part_visits_lead_left(app, now_ms);
}

int64_t app_core_bundled_version(const App *app)
{
    return app->bundled_version;
}

const char *app_core_bundled_pack_path(const App *app)
{
    return app->paths->bundled_pack;
}

Fonts *app_core_fonts(const App *app)
{
    return app->fonts;
}

void app_core_show_overlay(App *app, const char *title, const char *detail, bool problem, uint64_t now_ms)
{
    app_show_overlay(app, title, detail, problem, now_ms);
}

void app_core_show_content(App *app, Content *content, uint64_t now_ms)
{
    app_set_content(app, content, now_ms);
    app_watch_pending(app, now_ms);
}

void app_core_draw_now(App *app, uint64_t now_ms)
{
    /* Asleep nothing is presented (under drm a page flip on a screen that is off fails); the
     * overlay is drawn at waking if it is still due. */
    if (!app->life->asleep) {
        app_draw(app, now_ms);
    }
}

void app_core_set_layer(App *app, AppLayer layer, bool shown)
{
    unsigned bit = 1u << layer;
    app->layers = shown ? app->layers | bit : app->layers & ~bit;
}

AppLayer app_core_top_layer(const App *app)
{
    for (AppLayer layer = APP_LAYER_STAFF_PANEL; layer > APP_LAYER_SLIDES; layer--) {
        if (app->layers & (1u << layer)) {
            return layer;
        }
    }
    return APP_LAYER_SLIDES;
}

bool app_core_private_on_top(const App *app)
{
    return app_core_top_layer(app) != APP_LAYER_SLIDES;
}

void app_core_set_keyboard(App *app, bool on)
{
    app->input->keyboard = on;
}

bool app_core_leads_enabled(const App *app)
{
    return part_leads_enabled(app);
}

bool app_core_leads_export_now(App *app, uint64_t now_ms)
{
    return part_leads_export_now(app, now_ms);
}

bool app_core_visits_export_now(App *app, uint64_t now_ms)
{
    return part_visits_export_now(app, now_ms);
}

bool app_core_import_start(App *app, Lang lang, uint64_t now_ms)
{
    return part_updates_import_start(app, lang, now_ms);
}

AppImportState app_core_import_state(const App *app)
{
    return part_updates_import_state(app);
}

const char *app_core_import_message(const App *app)
{
    return part_updates_import_message(app);
}

size_t app_core_import_problems(const App *app, const char *const **lines)
{
    return part_updates_import_problems(app, lines);
}

Content *app_core_import_candidate(App *app)
{
    return part_updates_import_candidate(app);
}

bool app_core_import_install(App *app, uint64_t now_ms)
{
    return part_updates_import_install(app, now_ms);
}

void app_core_import_discard(App *app)
{
    part_updates_import_discard(app);
}

bool app_core_content_copy_start(App *app, Lang lang, uint64_t now_ms)
{
    return part_updates_content_copy_start(app, lang, now_ms);
}

bool app_core_staff_import_enabled(const App *app)
{
    return part_updates_staff_import_enabled(app);
}

Updater *app_core_updater(const App *app)
{
    return part_updates_updater(app);
}

void app_core_show_store_pack(App *app, uint64_t now_ms)
{
    char problem[512] = "";
    Content *bundled = pack_load_logged(app->paths->bundled_pack, app->log, problem, sizeof problem);
    app_show_pack(app, bundled, problem, now_ms);
}

void app_core_apply_options(App *app, const Options *options, uint64_t now_ms)
{
    app->options = options;
    app_apply_options(app, now_ms);
}

void app_core_quit(App *app)
{
    app->quit = true;
}

bool app_core_take_redraw(App *app)
{
    bool owed = app->redraw;
    app->redraw = false;
    app_display_stop_fade(app);
    return owed;
}

void app_core_present_layer(App *app)
{
    app_present(app);
    app->stats->frames++;
}

