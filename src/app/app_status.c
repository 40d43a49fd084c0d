/* app_status.c — the status report from the loop's side: what the App knows gathered into a
 * StatusReport (status.h), written to status.json through the store every status_seconds
 * and after each update attempt, and handed to the poster (report_url) every report_minutes
 * and after each attempt. Nothing here waits on the network: the poster's thread does the
 * POST. While the worker runs an update it owns the updater and its store, so the report
 * waits for the attempt to end (it is written then anyway). See app_state.h. */
#define _POSIX_C_SOURCE 200809L
#include "app/app_state.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static uint64_t boot_seconds(void)
{
    struct timespec ts = {0};
    return clock_gettime(CLOCK_BOOTTIME, &ts) == 0 ? (uint64_t)ts.tv_sec : 0;
}

void app_status_collect_pack(const App *app, StatusPack *out)
{
    const Content *content = app->content;
    StatusPackFrom from = !content                                       ? STATUS_PACK_NONE
                          : app->options->db[0]                         ? STATUS_PACK_FILE
                          : content->pack.version == app->bundled_version ? STATUS_PACK_BUNDLED
                                                                        : STATUS_PACK_INSTALLED;
    const PackStore *store = app->updater ? update_store(app->updater) : NULL;
    bool pending = from == STATUS_PACK_INSTALLED && store && store_pending(store) &&
                   store->state.active_version == content->pack.version;
    status_note_pack(out, content, from, pending);
}

/* The report as of now into app->status.json; false (logged once) if it cannot be made. */
static bool app_status_format(App *app, uint64_t now_ms)
{
    AppStatus *s = &app->status;
    StatusReport *r = &s->report;
    int64_t now_unix = (int64_t)time(NULL);
    r->written_unix = now_unix;
    r->uptime_seconds = clock_since_start_ms(&app->start, now_ms) / 1000u;
    r->system_uptime_seconds = boot_seconds();
    app_status_collect_pack(app, &r->pack);
    r->frames_last_minute = status_frames_last_minute(&s->frames, now_ms, app->stats.frames);
    r->last_touch_unix = s->touched ? now_unix - (int64_t)((now_ms - s->last_touch_ms) / 1000u) : 0;
    if (!status_format(r, s->json, sizeof s->json, &s->json_length)) {
        log_once(app->log, LOG_ERROR, "status-format", "status", "the status report does not fit its buffer");
        return false;
    }
    return true;
}

/* status.json through the store; a failure is logged when it differs from the last one. */
static void app_status_write(App *app)
{
    AppStatus *s = &app->status;
    if (!app->updater) {
        return;
    }
    const PackStore *store = update_store(app->updater);
    int error = store_write_status(store, s->json, s->json_length);
    if (error != s->write_error) {
        if (error) {
            log_write(app->log, LOG_WARN, "status", "cannot write %s/%s: %s (said once until it changes)", store->dir,
                      STORE_STATUS_NAME, strerror(error));
        } else {
            log_write(app->log, LOG_INFO, "status", "%s/%s is written again", store->dir, STORE_STATUS_NAME);
        }
    }
    s->write_error = error;
}

void app_status_start(App *app, uint64_t now_ms)
{
    AppStatus *s = &app->status;
    const Options *o = app->options;
    s->report.kiosk_id_from = status_kiosk_id(o->kiosk_id, STATUS_MACHINE_ID_PATH, s->report.kiosk_id,
                                              sizeof s->report.kiosk_id);
    s->report.package_version = FACTS_VERSION;
    if (s->report.kiosk_id_from == STATUS_ID_UNKNOWN) {
        log_write(app->log, LOG_WARN, "status", "no kiosk id: %s is unreadable and kiosk_id is not set",
                  STATUS_MACHINE_ID_PATH);
    }
    log_write(app->log, LOG_INFO, "status", "kiosk id %s (%s); status.json every %d s%s", s->report.kiosk_id,
              status_id_from_name(s->report.kiosk_id_from), o->status_seconds,
              app->updater ? "" : ", but there is no state directory to write it in");
    if (o->report_url[0]) {
        char agent[64];
        snprintf(agent, sizeof agent, "facts-kiosk/%s", FACTS_VERSION);
        PosterConfig config = {.url = o->report_url, .user_agent = agent, .log = app->log};
        s->poster = poster_create(&config);
    }
    /* Written right after the first frame (app_start_after_first_frame) and before the
     * first look for a stick: an attempt at start-up (a stick left in) holds the store until
     * it ends, and the report of the last run must not stand until then. */
    s->next_write_ms = now_ms;
    s->next_post_ms = now_ms;
}

void app_status_stop(App *app)
{
    poster_destroy(app->status.poster);
    app->status.poster = NULL;
}

void app_status_tick(App *app, uint64_t now_ms, bool updating)
{
    AppStatus *s = &app->status;
    status_frames_note(&s->frames, now_ms, app->stats.frames);
    bool write_due = app->updater && now_ms >= s->next_write_ms;
    bool post_due = s->poster && now_ms >= s->next_post_ms;
    if (updating || (!write_due && !post_due)) {
        return;
    }
    /* The next ones are due then whatever happens now: a failure must not make the loop spin. */
    if (write_due) {
        s->next_write_ms = now_ms + (uint64_t)app->options->status_seconds * 1000u;
    }
    if (post_due) {
        s->next_post_ms = now_ms + (uint64_t)app->options->report_minutes * 60000u;
    }
    if (!app_status_format(app, now_ms)) {
        return;
    }
    if (write_due) {
        app_status_write(app);
    }
    if (post_due) {
        (void)poster_send(s->poster, s->json, s->json_length);
    }
}

uint64_t app_status_deadline(const App *app, bool updating)
{
    const AppStatus *s = &app->status;
    uint64_t deadline = UINT64_MAX;
    if (updating) {
        return deadline; /* the attempt's end writes and posts */
    }
    if (app->updater) {
        deadline = s->next_write_ms;
    }
    if (s->poster && s->next_post_ms < deadline) {
        deadline = s->next_post_ms;
    }
    return deadline;
}

void app_status_attempt_begin(App *app, const char *source)
{
    snprintf(app->status.attempt_source, sizeof app->status.attempt_source, "%s", source);
}

void app_status_attempt_end(App *app, const UpdateResult *result, uint64_t now_ms)
{
    AppStatus *s = &app->status;
    status_note_update(&s->report.last_update, s->attempt_source, result, (int64_t)time(NULL));
    status_frames_note(&s->frames, now_ms, app->stats.frames);
    s->next_write_ms = now_ms + (uint64_t)app->options->status_seconds * 1000u;
    if (!app_status_format(app, now_ms)) {
        return;
    }
    app_status_write(app);
    if (s->poster) {
        (void)poster_send(s->poster, s->json, s->json_length);
    }
}
