/* part_status.c — the status report, a part of the running kiosk (see part_status.h): what the kiosk knows gathered into a
 * StatusReport (status.h), written to status.json through the store every status_seconds
 * and after each update attempt, and handed to the poster (report_url) every report_minutes
 * and after each attempt. Nothing here waits on the network: the poster's thread does the
 * POST. While the worker runs an update it owns the updater and its store, so the report
 * waits for the attempt to end (it is written then anyway). The updates part tells it of
 * attempts through the core (app_core_update_attempt_begin/end). */
#define _POSIX_C_SOURCE 200809L
#include "app/part_status.h"

#include "app/app_core.h"
#include "app/status.h"
#include "update/poster.h"

#include <stdlib.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static uint64_t boot_seconds(void)
{
    struct timespec ts = {0};
    return clock_gettime(CLOCK_BOOTTIME, &ts) == 0 ? (uint64_t)ts.tv_sec : 0;
}

typedef struct Status {
    StatusReport report;         /* the kiosk id and the last update attempt stay between writes */
    StatusFrames frames;
    char json[STATUS_JSON_MAX];  /* the latest report */
    size_t json_length;
    uint64_t next_write_ms;      /* status.json */
    uint64_t next_post_ms;       /* report_url */
    bool touched;                /* a touch or key since start, at last_touch_ms */
    uint64_t last_touch_ms;
    char attempt_source[STATUS_SOURCE_MAX]; /* of the attempt under way */
    Poster *poster;              /* NULL: no report_url */
    int write_error;             /* of the last status.json write, as logged; 0: written */
} Status;

/* The report as of now into s->json; false (logged once) if it cannot be made. */
static bool status_report_format(App *app, Status *s, uint64_t now_ms)
{
    StatusReport *r = &s->report;
    int64_t now_unix = (int64_t)time(NULL);
    r->written_unix = now_unix;
    r->uptime_seconds = app_core_uptime_ms(app, now_ms) / 1000u;
    r->system_uptime_seconds = boot_seconds();
    app_core_pack_shown(app, &r->pack);
    app_core_display_power(app, &r->display);
    r->frames_last_minute = status_frames_last_minute(&s->frames, now_ms, app_core_frames_drawn(app));
    r->last_touch_unix = s->touched ? now_unix - (int64_t)((now_ms - s->last_touch_ms) / 1000u) : 0;
    if (!status_format(r, s->json, sizeof s->json, &s->json_length)) {
        log_once(app_core_log(app), LOG_ERROR, "status-format", "status", "the status report does not fit its buffer");
        return false;
    }
    return true;
}

/* status.json through the store; a failure is logged when it differs from the last one. */
static void status_write(App *app, Status *s)
{
    const PackStore *store = app_core_store(app);
    Log *log = app_core_log(app);
    if (!store) {
        return;
    }
    int error = store_write_status(store, s->json, s->json_length);
    if (error != s->write_error) {
        if (error) {
            log_write(log, LOG_WARN, "status", "cannot write %s/%s: %s (said once until it changes)", store->dir,
                      STORE_STATUS_NAME, strerror(error));
        } else {
            log_write(log, LOG_INFO, "status", "%s/%s is written again", store->dir, STORE_STATUS_NAME);
        }
    }
    s->write_error = error;
}

static void *status_start(App *app, uint64_t now_ms)
{
    Status *s = calloc(1, sizeof *s);
    const Options *o = app_core_options(app);
    Log *log = app_core_log(app);
    if (!s) {
        return NULL;
    }
    s->report.kiosk_id_from = status_kiosk_id(o->kiosk_id, STATUS_MACHINE_ID_PATH, s->report.kiosk_id,
                                              sizeof s->report.kiosk_id);
    s->report.package_version = FACTS_VERSION;
    if (s->report.kiosk_id_from == STATUS_ID_UNKNOWN) {
        log_write(log, LOG_WARN, "status", "no kiosk id: %s is unreadable and kiosk_id is not set",
                  STATUS_MACHINE_ID_PATH);
    }
    log_write(log, LOG_INFO, "status", "kiosk id %s (%s); status.json every %d s%s", s->report.kiosk_id,
              status_id_from_name(s->report.kiosk_id_from), o->status_seconds,
              app_core_store(app) ? "" : ", but there is no state directory to write it in");
    if (o->report_url[0]) {
        char agent[64];
        snprintf(agent, sizeof agent, "facts-kiosk/%s", FACTS_VERSION);
        PosterConfig config = {.url = o->report_url, .user_agent = agent, .log = log};
        s->poster = poster_create(&config);
    }
    /* Written right after the first frame (app_start_after_first_frame) and before the
     * first look for a stick: an attempt at start-up (a stick left in) holds the store until
     * it ends, and the report of the last run must not stand until then. */
    s->next_write_ms = now_ms;
    s->next_post_ms = now_ms;
    return s;
}

static void status_stop(App *app, void *self)
{
    Status *s = self;
    (void)app;
    poster_destroy(s->poster);
    free(s);
}

void part_status_tick(App *app, uint64_t now_ms, bool updating)
{
    Status *s = app_core_part(app, &part_status);
    if (!s) {
        return;
    }
    const Options *o = app_core_options(app);
    status_frames_note(&s->frames, now_ms, app_core_frames_drawn(app));
    bool write_due = app_core_store(app) && now_ms >= s->next_write_ms;
    bool post_due = s->poster && now_ms >= s->next_post_ms;
    if (updating || (!write_due && !post_due)) {
        return;
    }
    /* The next ones are due then whatever happens now: a failure must not make the loop spin. */
    if (write_due) {
        s->next_write_ms = now_ms + (uint64_t)o->status_seconds * 1000u;
    }
    if (post_due) {
        s->next_post_ms = now_ms + (uint64_t)o->report_minutes * 60000u;
    }
    if (!status_report_format(app, s, now_ms)) {
        return;
    }
    if (write_due) {
        status_write(app, s);
    }
    if (post_due) {
        (void)poster_send(s->poster, s->json, s->json_length);
    }
}

uint64_t part_status_deadline(const App *app, bool updating)
{
    const Status *s = app_core_part(app, &part_status);
    uint64_t deadline = UINT64_MAX;
    if (updating || !s) {
        return deadline; /* the attempt's end writes and posts */
    }
    if (app_core_store(app)) {
        deadline = s->next_write_ms;
    }
    if (s->poster && s->next_post_ms < deadline) {
        deadline = s->next_post_ms;
    }
    return deadline;
}

void part_status_attempt_begin(App *app, const char *source)
{
    Status *s = app_core_part(app, &part_status);
    if (s) {
        snprintf(s->attempt_source, sizeof s->attempt_source, "%s", source);
    }
}

void part_status_attempt_end(App *app, const UpdateResult *result, uint64_t now_ms)
{
    Status *s = app_core_part(app, &part_status);
    if (!s) {
        return;
    }
    status_note_update(&s->report.last_update, s->attempt_source, result, (int64_t)time(NULL));
    status_frames_note(&s->frames, now_ms, app_core_frames_drawn(app));
    s->next_write_ms = now_ms + (uint64_t)app_core_options(app)->status_seconds * 1000u;
    if (!status_report_format(app, s, now_ms)) {
        return;
    }
    status_write(app, s);
    if (s->poster) {
        (void)poster_send(s->poster, s->json, s->json_length);
    }
}

void part_status_touched(App *app, uint64_t now_ms)
{
    Status *s = app_core_part(app, &part_status);
    if (s) {
        s->touched = true;
        s->last_touch_ms = now_ms;
    }
}

const char *part_status_kiosk_id(const App *app)
{
    const Status *s = app_core_part(app, &part_status);
    return s ? s->report.kiosk_id : "";
}

const StatusUpdate *part_status_last_update(const App *app)
{
    static const StatusUpdate none = {0};
    const Status *s = app_core_part(app, &part_status);
    return s ? &s->report.last_update : &none;
}

const Part part_status = {
    .name = "status",
    .start = status_start,
    .stop = status_stop,
};
