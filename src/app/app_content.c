/* app_content.c — which pack is on screen: the newest of the bundled and the installed packs
 * that load, re-planned at midnight (and in a lobby on an event day as the event's slides
 * come and go; their clock moves on every second), chosen again when another process changes the store,
 * and a new pack confirmed once it has run healthy; a preview of a second content shown
 * beside the live one (app_core_preview_begin); see app_state.h. */
#define _POSIX_C_SOURCE 200809L
#include "app/app_state.h"
#include "app/part_updates.h"

#include "core/event_board.h"
#include "core/ui_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Since when the content on screen is shown: content's own state, private to this file
 * (app_state.h reaches it through the functions below). */
struct AppShowing {
    char planned_for[16];        /* the date the slide plan was made for */
    uint64_t next_date_check_ms;
    uint64_t confirm_at_ms;      /* a pending pack is on screen: confirm it then (0: none) */
    uint64_t frames_at_show;     /* frames drawn when it was shown */
    /* A preview on screen (app_core_preview_begin): its content (borrowed; NULL: none); the
     * live content's plan and the visitors' deck, parked until it ends. */
    const Content *preview;
    SlidePlan live_plan;
    Deck live_deck;
    /* The lobby's event of the day: the wall clock its slides show (app_clock_wall, as last
     * asked) and when they next move on (0: no event on). */
    ClockWall wall;
    uint64_t next_event_tick_ms;
};

enum { EVENT_CHECK_MS = 60 * 1000 }; /* no event on: look again for one beginning */

/* The wall clock's second now and whether it may be shown as "now" (app_clock.c: the
 * staff's correction included). */
static int64_t event_wall_s(App *app, uint64_t now_ms, bool *trusted)
{
    AppShowing *showing = app->showing;
    showing->wall = app_clock_wall(app, now_ms, trusted);
    return clock_wall_ms(&showing->wall, now_ms) / 1000;
}

/* A lobby plans the event of the day's slides (render/plan.h); a booth its EVENT section
 * ("Find my meetings" and the agenda), looked at again every minute: nothing on it moves
 * by the second. */
static void plan_event(App *app, SlidePlan *plan, const Content *content, uint64_t now_ms)
{
    bool trusted = false;
    int64_t wall_s = event_wall_s(app, now_ms, &trusted);
    if (app->options->profile != OPTIONS_PROFILE_LOBBY) {
        plan_add_event_section(plan, content, wall_s, trusted);
        app->showing->next_event_tick_ms = now_ms + EVENT_CHECK_MS;
        return;
    }
    plan_add_event(plan, content, wall_s, trusted);
    /* With an event on, its clock and countdowns move on at the next wall second (the whole
     * frame is drawn again for now); without, look again in a minute. */
    app->showing->next_event_tick_ms =
        plan->event.event ? clock_wall_deadline_ms(&app->showing->wall, wall_s + 1, now_ms) : now_ms + EVENT_CHECK_MS;
}

/* The booth's EVENT section comes and goes with the event's window: looked at every minute. */
static void booth_event_tick(App *app, uint64_t now_ms)
{
    bool trusted = false;
    int64_t wall_s = event_wall_s(app, now_ms, &trusted);
    EventZone zone;
    app->showing->next_event_tick_ms = now_ms + EVENT_CHECK_MS;
    if (content_event_on(app->content, wall_s, &zone) != app->plan->event.event) {
        app_set_content(app, app->content, now_ms);
    }
}

AppShowing *app_showing_create(void)
{
    return calloc(1, sizeof(AppShowing));
}

void app_showing_destroy(AppShowing *showing)
{
    free(showing);
}

uint64_t app_showing_deadline_ms(const App *app, bool awake, bool updating)
{
    uint64_t deadline = UINT64_MAX;
    if (app->showing->preview) {
        return deadline; /* no new day's plan, no confirmation, until it ends */
    }
    if (app->content) {
        deadline = app->showing->next_date_check_ms;
        uint64_t event_tick = app->showing->next_event_tick_ms;
        if (awake && event_tick && event_tick < deadline) {
            deadline = event_tick;
        }
    }
    uint64_t confirm_at = app->showing->confirm_at_ms;
    if (awake && confirm_at && !updating && confirm_at < deadline) {
        deadline = confirm_at;
    }
    return deadline;
}

/* Shows content (NULL: the calm "no content" screen) as planned for today. content may be
 * the one already shown (a new day: items appear or expire); otherwise the old one is
 * freed and the new one owned. */
bool app_set_content(App *app, Content *content, uint64_t now_ms)
{
    app_core_preview_end(app, now_ms); /* new live content: the visitors see it, not a preview */
    SlidePlan plan = {0};
    char date[16];
    clock_today(date, sizeof date);
    int canvas_w, canvas_h;
    app_core_canvas_size(app, &canvas_w, &canvas_h);
    if (content && !plan_create(&plan, content, date, plan_capacity(canvas_h > canvas_w))) {
        log_write(app->log, LOG_ERROR, "app", "out of memory planning the slides");
        if (content != app->content) {
            content_unload(content);
        }
        return false;
    }
    if (content) {
        plan_event(app, &plan, content, now_ms);
    }
    if (app_core_drawn_once(app) && app->content) {
        app_snapshot_for_swap(app, now_ms);
    }
    plan_destroy(app->plan);
    if (content != app->content) {
        content_unload(app->content);
        app->content = content;
    }
    *app->plan = plan;
    snprintf(app->showing->planned_for, sizeof app->showing->planned_for, "%s", date);
    screen_set_content(app->screen, content, content ? app->plan : NULL);
    DeckOutline outline = content ? plan_outline(app->plan) : (DeckOutline){0};
    deck_set_outline(app->deck, &outline, now_ms);
    app->redraw = true;
    return true;
}

/* Tells the log when the board's round turns and when an announcement shows or leaves,
 * between the wall seconds was and now (the event's slides show them with a trusted clock). */
static void log_event_moves(App *app, int64_t was, int64_t now)
{
    const Content *content = app->content;
    if (!app->plan->event.event || !app->plan->event.now_known || was == now) {
        return;
    }
    EventRounds before, after;
    event_rounds(EVENT_LIST(content->meetings, content->meeting_count, span), was, &before);
    event_rounds(EVENT_LIST(content->meetings, content->meeting_count, span), now, &after);
    if (before.current != after.current || before.next != after.next) {
        log_write(app->log, LOG_INFO, "event", "the board turns: round %d on, round %d next (0: none)", after.current,
                  after.next);
    }
    for (size_t i = 0; i < content->announcement_count; i++) {
        const Announcement *a = &content->announcements[i];
        bool shown = event_announcement_shows(&a->window, was);
        if (shown != event_announcement_shows(&a->window, now)) {
            log_write(app->log, LOG_INFO, "event", "announcement %s %s", a->id ? a->id : "", shown ? "leaves" : "shows");
        }
    }
}

/* The lobby's event slides as the wall clock moves on: their pages planned again when an
 * event begins or ends or the board gains or loses a page, else only the instant they show
 * moved on: the areas that count with the clock painted again, or the frame drawn again
 * whole when the slides look otherwise (render/screen.h: screen_event_tick). */
static void event_tick(App *app, uint64_t now_ms)
{
    AppShowing *showing = app->showing;
    if (!showing->next_event_tick_ms || now_ms < showing->next_event_tick_ms) {
        return;
    }
    showing->next_event_tick_ms = now_ms + 1000; /* again in a second should planning fail */
    if (app->options->profile != OPTIONS_PROFILE_LOBBY) {
        booth_event_tick(app, now_ms);
        return;
    }
    bool trusted = false;
    int64_t wall_s = event_wall_s(app, now_ms, &trusted);
    log_event_moves(app, app->plan->event.now, wall_s);
    if (plan_event_pages_change(app->plan, app->content, wall_s, trusted)) {
        app_set_content(app, app->content, now_ms); /* plans the event again (plan_event) */
        return;
    }
    showing->next_event_tick_ms =
        app->plan->event.event ? clock_wall_deadline_ms(&showing->wall, wall_s + 1, now_ms) : now_ms + EVENT_CHECK_MS;
    if (app->plan->event.event) {
        app->plan->event.now = wall_s;
        if (screen_event_tick(app->screen)) {
            app->redraw = true;
        }
    }
}

/* At midnight items with show_from / show_until dates appear or expire: plan again. */
void app_replan_on_new_day(App *app, uint64_t now_ms)
{
    if (app->content && !app->showing->preview) {
        event_tick(app, now_ms);
    }
    if (!app->content || app->showing->preview || now_ms < app->showing->next_date_check_ms) {
        return;
    }
    app->showing->next_date_check_ms = now_ms + DATE_CHECK_MS;
    char date[16];
    clock_today(date, sizeof date);
    if (strcmp(date, app->showing->planned_for) != 0) {
        log_write(app->log, LOG_INFO, "app", "new day %s: planning the slides again", date);
        app_set_content(app, app->content, now_ms);
    }
}

/* A pending pack just went on screen: it is confirmed once it has run healthy (frames
 * drawn, the loop alive to ping the watchdog) for confirm_seconds; until then each start
 * counts as a try (store.h). */
void app_watch_pending(App *app, uint64_t now_ms)
{
    const PackStore *store = app_core_store(app);
    bool pending = store && store_pending(store);
    app->showing->confirm_at_ms = pending ? now_ms + (uint64_t)app->options->confirm_seconds * 1000u : 0;
    app->showing->frames_at_show = app->stats->frames;
}

void app_confirm_when_healthy(App *app, uint64_t now_ms)
{
    /* Asleep (closed) nothing is on screen: a pack installed after hours is confirmed once it
     * has been drawn, after opening. */
    if (!app->showing->confirm_at_ms || now_ms < app->showing->confirm_at_ms || app_core_asleep(app) ||
        app->showing->preview) {
        return;
    }
    app->showing->confirm_at_ms = 0;
    if (app->stats->frames > app->showing->frames_at_show && update_confirm(part_updates_updater(app)) == STORE_OK) {
        log_write(app->log, LOG_INFO, "update", "the new pack ran well for %d s: confirmed",
                  app->options->confirm_seconds);
    }
}

/* Loads the newest installed pack that loads and, if it is newer than *best, puts it
 * there (freeing the old one); a pack taken at the kiosk replaces *best whatever its
 * version: the bundled pack never hides what staff installed. A pending pack that does not
 * load is rolled back at once and the next candidate tried; a confirmed one is kept on disk
 * but not shown. */
static void app_pick_installed(App *app, Content **best)
{
    enum { MAX_ROUNDS = 3 };
    for (int round = 0; round < MAX_ROUNDS; round++) {
        StoreCandidate candidates[2];
        size_t count = update_candidates(part_updates_updater(app), candidates, 2);
        bool rolled_back = false;
        for (size_t i = 0; i < count && !rolled_back; i++) {
            int64_t best_version = *best ? (*best)->pack.version : 0;
            bool at_kiosk = candidates[i].origin == STORE_ORIGIN_KIOSK;
            if (!at_kiosk && candidates[i].version > 0 && candidates[i].version <= best_version) {
                log_write(app->log, LOG_INFO, "update", "installed version %lld is not newer than %lld: not shown",
                          (long long)candidates[i].version, (long long)best_version);
                continue;
            }
            char problem[512] = "";
            Content *content = pack_load_logged(candidates[i].path, app->log, problem, sizeof problem);
            if (!content) {
                rolled_back = update_active_failed(part_updates_updater(app), problem);
                log_write(app->log, LOG_WARN, "update", "installed pack %s does not load (%s); %s", candidates[i].path,
                          problem, rolled_back ? "rolled back" : "kept on disk, not shown");
                continue;
            }
            if (at_kiosk || content->pack.version > best_version) {
                content_unload(*best);
                *best = content;
            } else {
                content_unload(content);
            }
        }
        if (!rolled_back) {
            return;
        }
    }
}

/* The pack to show: --db if given; else the newest of the bundled pack and the installed
 * packs that load. Takes ownership of bundled (may be NULL: it did not load, problem says
 * why). */
void app_show_pack(App *app, Content *bundled, const char *bundled_problem, uint64_t now_ms)
{
    const char *requested = app->options->db;
    if (requested[0]) {
        content_unload(bundled);
        PackChoice choice = pack_choose(requested, app->paths->bundled_pack, app->log);
        if (choice.fell_back || !choice.content) {
            app_show_overlay(app, ui_text(choice.content ? UI_PACK_FALLBACK : UI_NO_CONTENT, app->options->lang),
                         choice.problem, true, now_ms);
        }
        app_set_content(app, choice.content, now_ms);
        return;
    }
    Content *best = bundled;
    if (part_updates_updater(app)) {
        const PackStore *store = update_store(part_updates_updater(app));
        const char *why = "";
        if (store_degraded(store, &why)) {
            log_write(app->log, LOG_WARN, "update", "state directory: %s; showing the newest pack that loads", why);
        }
        bool shown_if_it_loads = store->state.active_version > app->bundled_version ||
                                 store_active_origin(store) == STORE_ORIGIN_KIOSK;
        if (store_pending(store) && shown_if_it_loads && update_begin_trial(part_updates_updater(app))) {
            log_write(app->log, LOG_WARN, "update", "the new pack did not run well %d times in a row: rolled back",
                      STORE_MAX_TRIES);
        }
        app_pick_installed(app, &best);
    }
    if (!best) {
        app_show_overlay(app, ui_text(UI_NO_CONTENT, app->options->lang), bundled_problem, true, now_ms);
    }
    app_set_content(app, best, now_ms);
    app_watch_pending(app, now_ms);
}

/* Another process changed the store (`pack rollback` from a shell): show what it says now. */
void app_follow_store(App *app, uint64_t now_ms)
{
    if (!part_updates_updater(app) || app->options->db[0] || !update_refresh(part_updates_updater(app))) {
        return;
    }
    log_write(app->log, LOG_INFO, "update", "the installed packs changed outside the kiosk: choosing again");
    char problem[512] = "";
    Content *bundled = pack_load_logged(app->paths->bundled_pack, app->log, problem, sizeof problem);
    app_show_pack(app, bundled, problem, now_ms);
}

/* ---- a preview beside the live content (app_core.h) ---------------------------------------
 * The preview's plan takes the live plan's place in app->plan (the screen, the deck and the
 * parts read it there), the live plan and the visitors' deck are parked in AppShowing;
 * app->content stays the live content, owned, so the store, status.json's pack and the
 * confirmation of a pack on trial never see the preview. */

const Content *app_preview_content(const App *app)
{
    return app->showing->preview;
}

bool app_core_previewing(const App *app)
{
    return app->showing->preview != NULL;
}

bool app_core_preview_begin(App *app, const Content *content, uint64_t now_ms)
{
    AppShowing *showing = app->showing;
    SlidePlan plan = {0};
    char date[16];
    clock_today(date, sizeof date);
    int canvas_w, canvas_h;
    app_core_canvas_size(app, &canvas_w, &canvas_h);
    if (!content || !plan_create(&plan, content, date, plan_capacity(canvas_h > canvas_w))) {
        log_write(app->log, LOG_ERROR, "app", "preview: %s", content ? "out of memory planning the slides" : "no content");
        return false;
    }
    if (showing->preview) {
        plan_destroy(app->plan); /* the earlier preview's; the live plan stays parked */
    } else {
        showing->live_plan = *app->plan;
        showing->live_deck = *app->deck;
    }
    *app->plan = plan;
    showing->preview = content;
    screen_set_content(app->screen, content, app->plan);
    DeckOutline outline = plan_outline(app->plan);
    deck_set_outline(app->deck, &outline, now_ms);
    deck_command(app->deck, (DeckCommand){.kind = DECK_CMD_ATTRACT}, now_ms); /* as a visitor finds it */
    app_core_forget_touch(app);
    app->redraw = true;
    log_write(app->log, LOG_INFO, "app", "preview: version %lld shown beside the live content",
              (long long)content->pack.version);
    return true;
}

void app_core_preview_end(App *app, uint64_t now_ms)
{
    AppShowing *showing = app->showing;
    if (!showing->preview) {
        return;
    }
    plan_destroy(app->plan);
    *app->plan = showing->live_plan;
    showing->live_plan = (SlidePlan){0};
    showing->preview = NULL;
    *app->deck = showing->live_deck;
    screen_set_content(app->screen, app->content, app->content ? app->plan : NULL);
    DeckOutline outline = app->content ? plan_outline(app->plan) : (DeckOutline){0};
    deck_set_outline(app->deck, &outline, now_ms); /* where the deck was, drawn anew */
    app_core_forget_touch(app);
    /* The day may have turned meanwhile; a pack on trial runs its full time again on screen
     * (the preview's frames were not its). */
    showing->next_date_check_ms = now_ms;
    if (showing->confirm_at_ms) {
        showing->confirm_at_ms = now_ms + (uint64_t)app->options->confirm_seconds * 1000u;
        showing->frames_at_show = app->stats->frames;
    }
    app->redraw = true;
    log_write(app->log, LOG_INFO, "app", "preview ended: the live content is back");
}
