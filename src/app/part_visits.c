/* part_visits.c — anonymous visitor statistics, a part of the running kiosk; see part_visits.h
 * (src/visits does the recording). visits_tick() watches what the deck shows once per loop turn: leaving the
 * attract loop begins a session, each new slide is a page view (a member's or story's id and
 * title are taken from the pack now, so reports need no pack), a members query typed into
 * an empty search is a search made, the return to the attract loop ends it. The batch is flushed when due, while nothing moves on screen, to the log's
 * writer thread (the SD card's fsync never holds up a frame). A stick that staff plug in gets
 * the statistics (stats/ in its facts-kiosk folder) from an export thread of its own, so the
 * loop never waits for the stick either. Other parts reach it through the core (app_core.h):
 * a stick seen, a lead left, a page read aloud, "export now". */
#define _POSIX_C_SOURCE 200809L
#include "app/part_visits.h"

#include "app/app_core.h"
#include "app/status.h"
#include "platform/clock.h"

#include "posix/thread.h"
#include "store/store_paths.h"
#include "visits/visits_export.h"
#include "visits/visits_log.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

enum { VISITS_RETRY_MS = 10000 }; /* after a failed flush (the export holds the database) */

/* The export thread's job and what it reports; the main thread reads it after done. */
typedef struct VisitsExport {
    VisitsLog *log; /* borrowed: visits_stop() joins the export before it closes the log */
    char db_path[4096];
    char kiosk_dir[4096];
    char kiosk_id[STATUS_ID_MAX];
    pthread_t thread;
    pthread_mutex_t lock;
    bool done;
    VisitsStatus status;
    VisitsExportResult result;
    char why[512];
} VisitsExport;

typedef struct Visits {
    VisitsLog *log;             /* NULL: off (lobby) or the database cannot be used */
    bool shown;                 /* the session's page on screen was noted: */
    SlideRef slide;
    Lang lang;
    bool searching;             /* the members query held text at the last look */
    uint64_t retry_at_ms;       /* after a failed flush */
    VisitsStatus last_status;   /* of the last flush, as logged */
    VisitsExport *export_job;   /* writing to a stick; NULL: none */
    WatchFound last_stick;      /* the stick folder last written to, for "export now" */
    bool has_last_stick;
} Visits;

static void *visits_start(App *app, uint64_t now_ms)
{
    (void)app;
    (void)now_ms;
    return calloc(1, sizeof(Visits));
}

void part_visits_open(App *app)
{
    Visits *v = app_core_part(app, &part_visits);
    const Options *options = app_core_options(app);
    Log *log = app_core_log(app);
    if (!v || options->profile != OPTIONS_PROFILE_BOOTH) {
        return; /* a lobby kiosk is never touched: nothing to count */
    }
    char path[4096];
    char why[512] = "";
    int error = store_file_path(options->state_dir, STORE_FILE_VISITS_DB, path, sizeof path)
                    ? store_file_folder_make(options->state_dir, STORE_FILE_VISITS_DB)
                    : ENAMETOOLONG;
    if (error != 0) {
        log_write(log, LOG_WARN, "visits", "visitor statistics are off: %s/%s: %s", options->state_dir,
                  STORE_VISITS_DIR_NAME, strerror(error));
        return;
    }
    v->log = visits_log_open(path, NULL, why, sizeof why);
    if (!v->log) {
        log_write(log, LOG_WARN, "visits", "visitor statistics are off: %s", why);
        return;
    }
    if (!visits_log_use_writer_thread(v->log)) {
        log_write(log, LOG_WARN, "visits", "no writer thread: statistics are written by the loop");
    }
    log_write(log, LOG_INFO, "visits", "visitor statistics in %s", path);
}

/* Key and title of what the slide shows, from the pack on screen. */
static VisitsItemKind describe(App *app, SlideRef slide, char *key, size_t key_size, char *title,
                               size_t title_size)
{
    const char *section = deck_section_name(slide.section);
    PlannedSlide planned = {0};
    DetailKind detail = deck_detail_kind(slide);
    snprintf(key, key_size, "%s:%d", section, slide.page + 1);
    snprintf(title, title_size, "%s", section);
    if (detail == DETAIL_TEXT) {
        snprintf(key, key_size, "%s:%d:%d", section, slide.page + 1, slide.detail + 1);
        return VISITS_ITEM_TEXT;
    }
    const Content *c = app_core_content(app);
    SlidePlan *plan = app_core_plan(app);
    if (detail == DETAIL_NONE || !c || !plan_slide(plan, slide, &planned)) {
        return VISITS_ITEM_PAGE;
    }
    int i = plan_item(plan, detail == DETAIL_MEMBER ? PLAN_MEMBERS : PLAN_STORIES, planned.first);
    if (detail == DETAIL_MEMBER && i >= 0 && (size_t)i < c->member_count) {
        snprintf(key, key_size, "%s", c->members[i].id);
        snprintf(title, title_size, "%s", c->members[i].name);
        return VISITS_ITEM_MEMBER;
    }
    if (detail == DETAIL_STORY && i >= 0 && (size_t)i < c->story_count) {
        snprintf(key, key_size, "%s", c->stories[i].id);
        snprintf(title, title_size, "%s", local_text(&c->stories[i].title, LANG_EN));
        return VISITS_ITEM_STORY;
    }
    return VISITS_ITEM_PAGE;
}

static bool same_slide(SlideRef a, SlideRef b)
{
    return a.section == b.section && a.page == b.page && a.detail == b.detail;
}

/* A finished export (wait: or the one running, once it is): joins it and logs what it did. */
static void finish_export(Visits *v, Log *log, bool wait)
{
    VisitsExport *e = v->export_job;
    if (!e) {
        return;
    }
    pthread_mutex_lock(&e->lock);
    bool done = e->done;
    pthread_mutex_unlock(&e->lock);
    if (!done && !wait) {
        return;
    }
    pthread_join(e->thread, NULL);
    if (e->status == VISITS_OK) {
        log_write(log, LOG_INFO, "visits", "statistics of %zu day%s written to %s/%s (%zu CSV file%s new)",
                  e->result.days, e->result.days == 1 ? "" : "s", e->kiosk_dir, VISITS_EXPORT_DIR,
                  e->result.days_written, e->result.days_written == 1 ? "" : "s");
    } else {
        log_write(log, LOG_WARN, "visits", "statistics not written to the stick: %s", e->why);
    }
    pthread_mutex_destroy(&e->lock);
    free(e);
    v->export_job = NULL;
}

static void flush(Visits *v, Log *log, uint64_t now_ms)
{
    size_t events = visits_log_pending(v->log);
    uint64_t started_us = clock_now_us();
    VisitsStatus status = visits_log_flush(v->log);
    if (status == VISITS_OK && events) {
        log_write(log, LOG_DEBUG, "visits", "%zu events flushed (%.2f ms on the loop)", events,
                  (double)(clock_now_us() - started_us) / 1000.0);
    }
    if (status != VISITS_OK) {
        v->retry_at_ms = now_ms + VISITS_RETRY_MS;
        if (status != v->last_status) {
            log_write(log, status == VISITS_ERR_BUSY ? LOG_DEBUG : LOG_WARN, "visits",
                      "statistics not written: %s (%zu events wait)", visits_status_name(status),
                      visits_log_pending(v->log));
        }
    }
    v->last_status = status;
}

static void visits_tick(App *app, void *self, uint64_t now_ms)
{
    Visits *v = self;
    Log *log = app_core_log(app);
    finish_export(v, log, false);
    if (!v->log) {
        return;
    }
    DeckFrame frame = {0};
    deck_frame(app_core_deck(app), now_ms, &frame);
    /* Staff browsing a preview (app_core_previewing) is no visit: it ends the one under way. */
    bool interactive = !frame.empty && frame.mode == DECK_MODE_INTERACTIVE && !app_core_previewing(app);
    if (interactive && !visits_session_is_open(v->log)) {
        visits_session_begin(v->log, visits_time_now(now_ms), frame.lang);
        v->shown = false;
    }
    if (interactive && (!v->shown || !same_slide(v->slide, frame.slide) || v->lang != frame.lang)) {
        char key[VISITS_KEY_MAX];
        char title[VISITS_TITLE_MAX];
        VisitsItemKind kind = describe(app, frame.slide, key, sizeof key, title, sizeof title);
        visits_page_view(v->log, visits_time_now(now_ms), kind, key, title, frame.lang);
        v->slide = frame.slide;
        v->lang = frame.lang;
        v->shown = true;
    }
    /* A search is made when a query is typed into an empty search box (its text is not kept;
     * each letter after the first refines the same search). */
    bool searching = interactive && frame.members.query[0] != '\0';
    if (searching && !v->searching) {
        visits_search_made(v->log, visits_time_now(now_ms));
    }
    v->searching = searching;
    if (!interactive && visits_session_is_open(v->log)) {
        visits_session_end(v->log, visits_time_now(now_ms));
        log_write(log, LOG_DEBUG, "visits", "session ended");
    }
    bool at_rest = frame.transition == TRANSITION_NONE && !frame.springing && !frame.scroll_active;
    if (at_rest && now_ms >= v->retry_at_ms && visits_log_flush_due(v->log, now_ms)) {
        flush(v, log, now_ms);
    }
}

void part_visits_read_aloud(App *app, uint64_t now_ms)
{
    Visits *v = app_core_part(app, &part_visits);
    visits_read_aloud(v && !app_core_previewing(app) ? v->log : NULL, visits_time_now(now_ms));
}

void part_visits_lead_left(App *app, uint64_t now_ms)
{
    Visits *v = app_core_part(app, &part_visits);
    visits_lead_left(v && !app_core_previewing(app) ? v->log : NULL, visits_time_now(now_ms));
}

static void *export_main(void *arg)
{
    enum { WRITER_WAIT_MS = 3000, STEP_MS = 20 };
    VisitsExport *e = arg;
    /* The batch flushed for this stick is being written: let it land first. */
    for (int waited = 0; waited < WRITER_WAIT_MS && visits_log_writing(e->log); waited += STEP_MS) {
        nanosleep(&(struct timespec){.tv_nsec = STEP_MS * 1000000L}, NULL);
    }
    VisitsExportResult result = {0};
    char why[512] = "";
    VisitsStatus status = visits_export(e->db_path, e->kiosk_dir, e->kiosk_id, &result, why, sizeof why);
    pthread_mutex_lock(&e->lock);
    e->status = status;
    e->result = result;
    memcpy(e->why, why, sizeof why);
    e->done = true;
    pthread_mutex_unlock(&e->lock);
    return NULL;
}

/* The stick's facts-kiosk folder gets stats/ from a thread. */
static void export_to(App *app, Visits *v, const WatchFound *found, uint64_t now_ms)
{
    const Options *options = app_core_options(app);
    Log *log = app_core_log(app);
    bool real_folder = found->reason != WATCH_DIR_SYMLINK && found->reason != WATCH_DIR_NOT_FOLDER &&
                       found->reason != WATCH_DIR_UNREADABLE;
    if (!v->log || !real_folder) {
        return;
    }
    if (v->export_job) {
        log_write(log, LOG_WARN, "visits", "statistics still being written to a stick; %s waits", found->dir);
        return;
    }
    flush(v, log, now_ms); /* the stick gets everything up to now */
    if (found != &v->last_stick) {
        v->last_stick = *found;
        v->has_last_stick = true;
    }
    VisitsExport *e = calloc(1, sizeof *e);
    if (!e || pthread_mutex_init(&e->lock, NULL) != 0) {
        free(e);
        log_write(log, LOG_WARN, "visits", "out of memory: statistics not written to the stick");
        return;
    }
    e->log = v->log;
    store_file_path(options->state_dir, STORE_FILE_VISITS_DB, e->db_path, sizeof e->db_path);
    snprintf(e->kiosk_dir, sizeof e->kiosk_dir, "%s", found->dir);
    snprintf(e->kiosk_id, sizeof e->kiosk_id, "%s", app_core_kiosk_id(app));
    int error = thread_start(&e->thread, export_main, e);
    if (error != 0) {
        log_write(log, LOG_WARN, "visits", "cannot start the statistics export: %s", strerror(error));
        pthread_mutex_destroy(&e->lock);
        free(e);
        return;
    }
    v->export_job = e;
}

void part_visits_stick(App *app, const WatchFound *found, uint64_t now_ms)
{
    Visits *v = app_core_part(app, &part_visits);
    if (v) {
        export_to(app, v, found, now_ms);
    }
}

static void visits_stop(App *app, void *self)
{
    Visits *v = self;
    uint64_t now_ms = clock_now_ms();
    finish_export(v, app_core_log(app), true); /* a few files on a stick: wait for them */
    visits_session_end(v->log, visits_time_now(now_ms));
    visits_log_close(v->log); /* flushes */
    v->log = NULL;
    free(v);
}

bool part_visits_export_now(App *app, uint64_t now_ms)
{
    Visits *v = app_core_part(app, &part_visits);
    struct stat st;
    if (!v || !v->log || !v->has_last_stick || v->export_job || stat(v->last_stick.dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        return false;
    }
    export_to(app, v, &v->last_stick, now_ms);
    return v->export_job != NULL;
}

const Part part_visits = {
    .name = "visits",
    .start = visits_start,
    .stop = visits_stop,
    .tick_when = PART_TICK_ALWAYS,
    .tick = visits_tick,
};
