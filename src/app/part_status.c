/* part_status.c — the status report, a part of the running kiosk (see part_status.h): what the kiosk knows gathered into a
 * StatusReport (status.h), written to status.json through the store every status_seconds
 * and after each update attempt (with the same figures in Prometheus' text format to
 * prometheus_file), and handed to the poster (report_url) every report_minutes and when an
 * attempt changed the report (not at every quiet poll of the update URL). Every
 * screenshot_minutes it asks the core for a picture of the frame on screen (never under a
 * private layer), writes it as screen.jpg and hands it to the poster too. Nothing here waits
 * on the network: the poster's thread does the POSTs. While the worker runs an update it owns
 * the updater and its store, so the report and the picture wait for the attempt to end (the
 * report is written then anyway). The updates part tells it of attempts through the core
 * (app_core_update_attempt_begin/end). */
#define _POSIX_C_SOURCE 200809L
#include "app/part_status.h"

#include "app/app_core.h"
#include "app/status.h"
#include "durable/fsio.h"
#include "platform/clock.h"
#include "staff/staff_info.h"
#include "update/poster.h"

#include <stdlib.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum {
    SHOT_MAX_WIDTH = 640,       /* screen.jpg is at most this wide */
    SHOT_FIRST_MS = 5000,       /* the first picture, this long after start (the first slide settled) */
    SHOT_RETRY_MS = 60000,      /* a picture skipped (a private layer, asleep) is tried again this much later */
    SHOT_WAIT_MS = 5000,        /* a frame asked for and not drawn within this: skipped */
    METRICS_MODE = 0644,        /* node_exporter reads it as another user */
};

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
    int metrics_error;           /* of the last prometheus_file write, as logged; 0: written; -1: none yet */
    uint64_t frames_seen;        /* the frame count when last_frame was noted */
    uint64_t next_shot_ms;       /* the next picture of the screen (screenshot_minutes) */
    bool shot_asked;             /* the core was asked for a picture at shot_asked_ms */
    uint64_t shot_asked_ms;
    int shot_error;              /* of the last screen.jpg write, as logged */
    bool shot_logged;            /* the first picture's figures were logged */
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
    r->display_awake = !app_core_asleep(app);
    double celsius = 0.0;
    r->board.has_temperature = staff_info_temperature(STAFF_THERMAL_DIR, &celsius);
    r->board.temperature_millicelsius = (int64_t)(celsius * 1000.0 + (celsius < 0 ? -0.5 : 0.5));
    r->board.has_throttled = staff_info_throttled(STAFF_THROTTLED_PATH, &r->board.throttled);
    r->clock.source = app_core_clock_trust(app, now_ms, NULL, &r->clock.offset_s);
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

/* The same figures for node_exporter's textfile collector (prometheus_file), replaced
 * atomically and readable by everyone; a failure is logged when it differs from the last one
 * (a missing folder, as on a desktop without the packaged service's /run/facts-kiosk, once). */
static void status_write_metrics(App *app, Status *s)
{
    const char *path = app_core_options(app)->prometheus_file;
    char text[STATUS_METRICS_MAX];
    size_t length = 0;
    if (!path[0] || !status_format_metrics(&s->report, text, sizeof text, &length)) {
        return;
    }
    FsioReplace file = {.fd = -1};
    int error = fsio_replace_begin(&file, path, NULL, METRICS_MODE);
    if (error == 0 && fchmod(file.fd, METRICS_MODE) != 0) { /* the service's umask is 0077 */
        error = errno;
    }
    error = error ? error : fsio_write_all(file.fd, text, length);
    error = error ? error : fsio_replace_commit(&file, NULL, FAULT_POINT_COUNT, false);
    if (error) {
        fsio_replace_abort(&file);
    }
    if (error != s->metrics_error) {
        Log *log = app_core_log(app);
        if (error) {
            log_write(log, error == ENOENT ? LOG_INFO : LOG_WARN, "status",
                      "cannot write the Prometheus figures to %s: %s (said once until it changes)", path, strerror(error));
        } else {
            log_write(log, LOG_INFO, "status", "Prometheus figures go to %s", path);
        }
    }
    s->metrics_error = error;
}

/* ---- the picture of the screen ------------------------------------------------------------- */

/* A picture that was due is not taken: the report says when and why; tried again later. */
static void shot_skip(App *app, Status *s, const char *why, uint64_t now_ms)
{
    StatusScreenshot *shot = &s->report.screenshot;
    if (!shot->skipped_unix || strcmp(shot->skipped_why, why) != 0) {
        log_write(app_core_log(app), LOG_INFO, "status", "no picture of the screen now: %s", why);
    }
    shot->skipped_unix = (int64_t)time(NULL);
    snprintf(shot->skipped_why, sizeof shot->skipped_why, "%s", why);
    s->shot_asked = false;
    s->next_shot_ms = now_ms + SHOT_RETRY_MS;
}

/* Why no picture may be taken now, or NULL. */
static const char *shot_forbidden(const App *app)
{
    switch (app_core_top_layer(app)) {
    case APP_LAYER_STAFF_PANEL: return "staff panel";
    case APP_LAYER_LEAD_FORM: return "lead form";
    default: break;
    }
    return app_core_asleep(app) ? "asleep" : NULL;
}

/* The picture read back: encoded, written as screen.jpg, posted. */
static void shot_save(App *app, Status *s, const FrameGrab *grab, uint64_t read_us, uint64_t now_ms)
{
    Log *log = app_core_log(app);
    unsigned char *jpeg = NULL;
    size_t length = 0;
    uint64_t started_us = clock_now_us();
    if (!frame_grab_jpeg(grab, FRAME_GRAB_JPEG_QUALITY, &jpeg, &length)) {
        log_write(log, LOG_WARN, "status", "cannot encode screen.jpg: %s", SDL_GetError());
        shot_skip(app, s, "cannot encode", now_ms);
        return;
    }
    uint64_t encoded_us = clock_now_us();
    const PackStore *store = app_core_store(app);
    int error = store ? store_write_screen(store, jpeg, length) : ENOENT;
    uint64_t written_us = clock_now_us();
    if (error != s->shot_error && error) {
        log_write(log, LOG_WARN, "status", "cannot write screen.jpg: %s (said once until it changes)", strerror(error));
    }
    s->shot_error = error;
    if (error) {
        free(jpeg);
        shot_skip(app, s, "cannot write", now_ms);
        return;
    }
    s->shot_asked = false;
    s->next_shot_ms = now_ms + (uint64_t)app_core_options(app)->screenshot_minutes * 60000u;
    StatusScreenshot *shot = &s->report.screenshot;
    shot->at_unix = (int64_t)time(NULL);
    shot->width = grab->width;
    shot->height = grab->height;
    if (s->poster) {
        (void)poster_send_picture(s->poster, jpeg, length);
    }
    log_write(log, s->shot_logged ? LOG_DEBUG : LOG_INFO, "status",
              "screen.jpg %dx%d, %zu bytes: read and scaled in %.1f ms, encoded in %.1f ms, written in %.1f ms",
              grab->width, grab->height, length, (double)read_us / 1000.0, (double)(encoded_us - started_us) / 1000.0,
              (double)(written_us - encoded_us) / 1000.0);
    s->shot_logged = true;
    free(jpeg);
}

/* Every loop turn: asks the core for a picture when one is due and takes it when it is read. */
static void shot_tick(App *app, Status *s, uint64_t now_ms, bool updating)
{
    if (app_core_options(app)->screenshot_minutes <= 0 || updating) {
        return; /* while updating, the worker owns the store: a picture read waits in the core */
    }
    if (s->shot_asked) {
        const char *forbidden = shot_forbidden(app);
        if (forbidden) { /* a layer opened before the frame was drawn: whatever was read goes */
            app_core_cancel_grab(app);
            shot_skip(app, s, forbidden, now_ms);
            return;
        }
        FrameGrab grab = {0};
        uint64_t read_us = 0;
        AppGrab state = app_core_take_grab(app, &grab, &read_us);
        if (state == APP_GRAB_READY) {
            shot_save(app, s, &grab, read_us, now_ms);
            frame_grab_free(&grab);
        } else if (state == APP_GRAB_FAILED) {
            shot_skip(app, s, "cannot read the frame", now_ms);
        } else if (now_ms >= s->shot_asked_ms + SHOT_WAIT_MS) {
            app_core_cancel_grab(app);
            shot_skip(app, s, "not drawn", now_ms);
        }
        return;
    }
    if (now_ms < s->next_shot_ms || !app_core_drawn_once(app)) {
        return;
    }
    const char *forbidden = shot_forbidden(app);
    if (forbidden) {
        shot_skip(app, s, forbidden, now_ms);
        return;
    }
    app_core_request_grab(app, SHOT_MAX_WIDTH);
    s->shot_asked = true;
    s->shot_asked_ms = now_ms;
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
        PosterConfig config = {.url = o->report_url, .user_agent = agent, .kiosk_id = s->report.kiosk_id, .log = log};
        s->poster = poster_create(&config);
    }
    /* Written right after the first frame (app_start_after_first_frame) and before the
     * first look for a stick: an attempt at start-up (a stick left in) holds the store until
     * it ends, and the report of the last run must not stand until then. */
    s->next_write_ms = now_ms;
    s->next_post_ms = now_ms;
    s->metrics_error = -1; /* the first write is logged, whatever its outcome */
    s->report.screenshot.on = o->screenshot_minutes > 0;
    s->next_shot_ms = now_ms + SHOT_FIRST_MS;
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
    uint64_t frames = app_core_frames_drawn(app);
    status_frames_note(&s->frames, now_ms, frames);
    if (frames != s->frames_seen) {
        s->frames_seen = frames;
        s->report.last_frame_unix = (int64_t)time(NULL);
    }
    shot_tick(app, s, now_ms, updating);
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
        status_write_metrics(app, s);
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
    if (app_core_options(app)->screenshot_minutes > 0) {
        uint64_t shot = s->shot_asked ? s->shot_asked_ms + SHOT_WAIT_MS : s->next_shot_ms;
        deadline = shot < deadline ? shot : deadline;
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
    /* Every attempt is written (last_poll's time); only a change is sent at once: a quiet
     * poll like the one before waits for the next report_minutes. */
    bool changed = status_note_attempt(&s->report, s->attempt_source, result, (int64_t)time(NULL));
    status_frames_note(&s->frames, now_ms, app_core_frames_drawn(app));
    s->next_write_ms = now_ms + (uint64_t)app_core_options(app)->status_seconds * 1000u;
    if (!status_report_format(app, s, now_ms)) {
        return;
    }
    status_write(app, s);
    status_write_metrics(app, s);
    if (s->poster && changed) {
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
