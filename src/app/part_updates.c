/* part_updates.c — updates, a part of the running kiosk (see part_updates.h): the updater and its worker,
 * polling for sticks and, when due, the update URL, the progress overlay and showing the
 * result; see part_updates.h. A URL poll shows nothing until a pack is being downloaded, and
 * nothing afterwards when its result is quiet (nothing new, the server away): a fair's
 * network comes and goes. A stick seen during a URL poll stops it and goes next. The status
 * report hears of each attempt, and the visitor statistics of each stick, through the core.
 * On an event day the URL is polled every minute (cap_poll_on_event_days). */
#define _POSIX_C_SOURCE 200809L
#include "app/part_updates.h"

#include "app/acceptance.h"
#include "app/app_core.h"
#include "app/pack_loader.h"
#include "app/update_worker.h"
#include "platform/clock.h"
#include "update/trusted_keys.h"

#include "core/ui_text.h"
#include "durable/fsio.h"
#include "leads/leads_stick.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* Content taken at the kiosk (app_core.h's AppImportState): the job under way in the worker
 * and what it gave. */
typedef struct Import {
    AppImportState state;
    Lang lang;                   /* the staff's, given at start */
    char message[512];           /* one line for the panel */
    char edit_dir[FSIO_PATH_MAX]; /* the stick's facts-kiosk/edit */
    char built_path[FSIO_PATH_MAX]; /* the state directory's import.db */
    ImportBuild build;           /* FAILED: the problems */
    const char **problems;       /* the build's lines, errors first (into build.lines) */
    size_t problem_count;
    Content *candidate;          /* READY and INSTALLING: the pack built, loaded */
    int64_t base_version;
} Import;

typedef struct Updates {
    Updater *updater;            /* NULL: updates are off */
    UpdateWorker *update_worker; /* owns the updater while an attempt runs */
    /* The updater borrows these for its lifetime. */
    TrustedKeyFiles trusted_keys;
    const char *mount_root_paths[OPTIONS_LIST_MAX];
    const char *trusted_key_paths[TRUSTED_KEYS_MAX];
    uint64_t next_update_poll_ms;
    bool update_from_url;        /* the attempt running is a poll of the update URL */
    bool stick_waiting;          /* a stick seen during a URL poll: taken once the poll ends */
    WatchFound waiting_stick;
    char last_stick_dir[FSIO_PATH_MAX]; /* the facts-kiosk folder of the stick seen last */
    Import import;
} Updates;

/* The overlay of a running update: the step in words and a bar that glides towards where
 * the worker got to. */
static void update_progress(App *app, const Updates *u, UpdateWorkerProgress progress, uint64_t now_ms)
{
    Lang lang = app_core_deck(app)->lang;
    UpdateSource source = u->update_from_url ? UPDATE_SOURCE_URL : UPDATE_SOURCE_STICK;
    const char *detail = ui_text(update_source_step_text(source, progress.step), lang);
    /* Copying, the long step, has the first 55% of the bar; verify, check, install 15% each. */
    UpdateStep step = progress.step;
    double target = step <= UPDATE_STEP_COPY   ? 0.55 * progress.fraction
                    : step >= UPDATE_STEP_DONE ? 1.0
                                               : 0.55 + 0.15 * ((double)(step - UPDATE_STEP_VERIFY) + progress.fraction);
    double was = app_core_progress(app);
    double shown = was < 0 ? 0.0 : was;
    double next = target > shown ? shown + (target - shown) * 0.35 + 0.002 : target;
    next = next > target ? target : next;
    app_core_show_progress(app, ui_text(UI_UPDATE_TITLE, lang), detail, next, now_ms);
}

/* The worker is done: show what happened and, on success, the new pack it loaded. */
static void finish_update(App *app, Updates *u, UpdateResult *result, Content *content, uint64_t now)
{
    Log *log = app_core_log(app);
    if (result->quiet) { /* the log has it (update: ...); a progress bar shown goes away */
        app_core_hide_progress(app, now);
        return;
    }
    char english[512];
    update_message_en(result, english, sizeof english);
    log_write(log, result->outcome == UPDATE_OK ? LOG_INFO : LOG_WARN, "update", "%s: %s",
              update_outcome_name(result->outcome), english);
    Lang lang = app_core_deck(app)->lang;
    char message[512];
    if (result->outcome == UPDATE_OK) {
        char path[4096];
        char problem[512] = "";
        if (!content && update_active_path(u->updater, path, sizeof path)) {
            content = pack_load_logged(path, log, problem, sizeof problem);
        }
        if (content) {
            char summary[256];
            acceptance_summary(content, lang, summary, sizeof summary);
            snprintf(result->summary, sizeof result->summary, "%s", summary);
            update_message(result, lang, message, sizeof message);
            log_write(log, LOG_INFO, "update", "showing the new pack (version %lld)",
                      (long long)content->pack.version);
            app_core_show_content(app, content, now);
            app_core_show_overlay(app, message, "", false, now);
            return;
        }
        /* Accepted yet not loadable now: roll back at once and say so. */
        update_active_failed(u->updater, problem);
        app_core_show_overlay(app, ui_text(UI_UPDATE_FAILED, lang), problem, true, now);
        return;
    }
    update_message(result, lang, message, sizeof message);
    app_core_show_overlay(app, message, "", true, now);
}

/* A facts-kiosk folder with neither content.db nor its signature, but a leads folder: a
 * stick that carries visitors' contact requests (part_leads.c), not a pack. */
static bool leads_only(const WatchFound *found)
{
    char leads[FSIO_PATH_MAX];
    struct stat st;
    return found->reason == WATCH_PACK_MISSING && found->identity.sig_inode == 0 &&
           fsio_join(leads, sizeof leads, found->dir, "leads") && lstat(leads, &st) == 0 && S_ISDIR(st.st_mode);
}

/* A stick seen: its pack goes to the worker, or the kiosk says why it is not used. */
static void take_stick(App *app, Updates *u, const WatchFound *found, uint64_t now_ms)
{
    Log *log = app_core_log(app);
    Lang lang = app_core_deck(app)->lang;
    app_core_stick_seen(app, found, now_ms);
    snprintf(u->last_stick_dir, sizeof u->last_stick_dir, "%s", found->dir);
    if (leads_only(found)) { /* nothing to say about updates */
        log_write(log, LOG_INFO, "update", "%s holds no pack (contact requests only)", found->dir);
        return;
    }
    if (found->reason != WATCH_USABLE) { /* seen but not used: say why, here and on the stick */
        UpdateResult ignored;
        char why[512];
        log_write(log, LOG_WARN, "update", "%s not used: %s", found->dir, watch_reason_name(found->reason));
        update_ignore(u->updater, found, &ignored);
        app_core_update_attempt_begin(app, found->dir);
        app_core_update_attempt_end(app, &ignored, now_ms);
        if (ignored.message == UPDATE_MSG_EDIT_FOLDER && app_core_top_layer(app) == APP_LAYER_STAFF_PANEL) {
            return; /* staff are in the panel already: "open the staff panel" would be noise */
        }
        update_message(&ignored, lang, why, sizeof why);
        app_core_show_overlay(app, why, "", true, now_ms);
        app_core_draw_now(app, now_ms); /* now, not at the loop's next wake-up */
        return;
    }
    log_write(log, LOG_INFO, "update", "pack found in %s", found->dir);
    app_core_update_attempt_begin(app, found->dir);
    if (!update_worker_start(u->update_worker, u->updater, found->dir)) {
        app_core_show_overlay(app, ui_text(UI_UPDATE_FAILED, lang), "", true, now_ms);
        return;
    }
    u->update_from_url = false;
    app_core_start_progress(app);
    update_progress(app, u, update_worker_progress(u->update_worker), now_ms);
}

/* A poll of the update URL in the worker; nothing on screen yet. */
static void start_pull(App *app, Updates *u, uint64_t now_ms)
{
    app_core_update_attempt_begin(app, app_core_options(app)->update_url);
    if (!update_worker_start_pull(u->update_worker, u->updater)) {
        UpdateResult not_started = {.outcome = UPDATE_FAILED, .message = UPDATE_MSG_INTERNAL};
        update_pull_done(u->updater, &not_started, now_ms);
        return;
    }
    u->update_from_url = true;
}

/* During a URL poll: sticks are still looked for; a usable one stops the poll and goes next. */
static void watch_sticks(App *app, Updates *u, uint64_t now_ms)
{
    if (u->stick_waiting || now_ms < u->next_update_poll_ms) {
        return;
    }
    u->next_update_poll_ms = now_ms + UPDATE_POLL_MS;
    if (!update_poll(u->updater, &u->waiting_stick)) {
        return;
    }
    u->stick_waiting = true;
    if (u->waiting_stick.reason == WATCH_USABLE) {
        log_write(app_core_log(app), LOG_INFO, "update", "a stick arrived: it goes before the update URL");
        update_worker_cancel(u->update_worker);
    }
}

/* ---- content taken at the kiosk ----------------------------------------------------------- */

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
/* The panel's line: format is one of the kiosk's own words (ui_text) in the import's lang. */
static void import_say(Import *im, UiText text, ...)
{
    va_list args;
    va_start(args, text);
    vsnprintf(im->message, sizeof im->message, ui_text(text, im->lang), args);
    va_end(args);
}
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

/* Forgets the last import: its problems, its candidate and the pack it built. */
static void import_reset(Updates *u, const Options *o)
{
    Import *im = &u->import;
    import_build_free(&im->build);
    free(im->problems);
    im->problems = NULL;
    im->problem_count = 0;
    content_unload(im->candidate);
    im->candidate = NULL;
    im->message[0] = '\0';
    im->state = APP_IMPORT_IDLE;
    (void)fsio_remove(o->state_dir, STORE_IMPORT_NAME);
}

/* The build's lines for the panel: a note that CSV files were not used, why it was not
 * taken (when not for its errors), then the summary (errors, warnings summed up by kind). */
static void import_list_problems(Import *im)
{
    const ImportBuild *b = &im->build;
    im->problems = calloc(b->line_count + 2, sizeof *im->problems);
    if (!im->problems) {
        return;
    }
    if (b->csv_not_used) {
        im->problems[im->problem_count++] = ui_text(UI_IMPORT_CSV_NOT_USED, im->lang);
    }
    if (b->why[0]) {
        im->problems[im->problem_count++] = b->why;
    }
    for (size_t i = 0; i < b->line_count; i++) {
        im->problems[im->problem_count++] = b->lines[i];
    }
}

/* The stick's facts-kiosk/edit folder into out: of the stick seen last, or of one inserted
 * since (looked for now); false when there is none. */
static bool import_find_edit_dir(App *app, Updates *u, char *out, size_t size, uint64_t now_ms)
{
    WatchFound found;
    if (update_poll(u->updater, &found)) {
        take_stick(app, u, &found, now_ms);
    }
    struct stat st;
    return u->last_stick_dir[0] && fsio_join(out, size, u->last_stick_dir, WATCH_EDIT_NAME) &&
           lstat(out, &st) == 0 && S_ISDIR(st.st_mode);
}

static void import_progress(App *app, Updates *u, UpdateWorkerProgress progress, uint64_t now_ms)
{
    Import *im = &u->import;
    UpdateStep step = progress.step;
    UiText title = im->state == APP_IMPORT_INSTALLING ? UI_IMPORT_INSTALLING
                   : im->state == APP_IMPORT_COPYING  ? UI_COPY_COPYING
                   : step >= UPDATE_STEP_CHECK       ? UI_IMPORT_CHECKING
                                                     : UI_IMPORT_BUILDING;
    /* The build tells nothing of how far it is: the bar creeps towards 60 %; the check has
     * the next 35 %, the install the rest. */
    double target = im->state == APP_IMPORT_INSTALLING ? 0.5 + 0.5 * progress.fraction
                    : step >= UPDATE_STEP_CHECK       ? 0.6 + 0.35 * progress.fraction
                                                      : 0.6;
    double was = app_core_progress(app);
    double shown = was < 0 ? 0.0 : was;
    double next = target > shown ? shown + (target - shown) * 0.05 + 0.001 : target;
    next = next > target ? target : next;
    snprintf(im->message, sizeof im->message, "%s", ui_text(title, im->lang));
    app_core_show_progress(app, ui_text(title, im->lang), "", next, now_ms);
}

/* The worker ended an import's build: the candidate to preview, or the problems. */
static void finish_import_build(App *app, Updates *u, UpdateResult *result, Content *content, uint64_t now_ms)
{
    Import *im = &u->import;
    update_worker_take_import(u->update_worker, &im->build);
    app_core_hide_progress(app, now_ms);
    if (result->outcome == UPDATE_OK && content) {
        im->candidate = content;
        im->base_version = content->pack.version;
        im->state = APP_IMPORT_READY;
        char summary[256];
        acceptance_summary(content, im->lang, summary, sizeof summary);
        import_say(im, UI_IMPORT_READY, summary);
        return;
    }
    content_unload(content);
    im->state = APP_IMPORT_FAILED;
    import_list_problems(im);
    if (im->build.error_count > 0) {
        import_say(im, UI_IMPORT_FAILED, im->build.error_count);
    } else {
        import_say(im, UI_IMPORT_NOT_CHECKED, im->build.why[0] ? im->build.why : "unknown");
    }
}

/* The worker ended an install: the new pack on screen, or why not (the built pack goes). */
static void finish_import_install(App *app, Updates *u, UpdateResult *result, uint64_t now_ms)
{
    Import *im = &u->import;
    const Options *o = app_core_options(app);
    app_core_hide_progress(app, now_ms);
    app_core_update_attempt_end(app, result, now_ms);
    char message[512];
    update_message(result, im->lang, message, sizeof message);
    if (result->outcome == UPDATE_OK) {
        Content *candidate = im->candidate;
        im->candidate = NULL;
        log_write(app_core_log(app), LOG_INFO, "update", "showing the pack taken at the kiosk (base version %lld)",
                  (long long)im->base_version);
        app_core_show_content(app, candidate, now_ms);
        im->state = APP_IMPORT_INSTALLED;
        snprintf(im->message, sizeof im->message, "%s", message);
        return;
    }
    content_unload(im->candidate);
    im->candidate = NULL;
    (void)fsio_remove(o->state_dir, STORE_IMPORT_NAME);
    im->state = APP_IMPORT_INSTALL_FAILED;
    import_say(im, UI_IMPORT_INSTALL_FAILED, message);
}

bool part_updates_import_start(App *app, Lang lang, uint64_t now_ms)
{
    Updates *u = app_core_part(app, &part_updates);
    if (!u) {
        return false;
    }
    Import *im = &u->import;
    const Options *o = app_core_options(app);
    if (im->state == APP_IMPORT_BUILDING || im->state == APP_IMPORT_INSTALLING || im->state == APP_IMPORT_COPYING) {
        return false; /* the line says what runs */
    }
    import_reset(u, o);
    im->lang = lang;
    if (!o->staff_import || !u->updater) {
        import_say(im, o->staff_import ? UI_STAFF_NO_UPDATES : UI_IMPORT_OFF);
        return false;
    }
    if (update_worker_busy(u->update_worker)) {
        import_say(im, UI_IMPORT_BUSY);
        return false;
    }
    if (!import_find_edit_dir(app, u, im->edit_dir, sizeof im->edit_dir, now_ms) ||
        update_worker_busy(u->update_worker)) { /* a stick just seen may have started an update */
        import_say(im, update_worker_busy(u->update_worker) ? UI_IMPORT_BUSY : UI_IMPORT_NO_STICK);
        return false;
    }
    if (!store_file_path(o->state_dir, STORE_FILE_IMPORT, im->built_path, sizeof im->built_path) ||
        !update_worker_start_import(u->update_worker, u->updater, im->edit_dir, im->built_path, lang)) {
        import_say(im, UI_IMPORT_NOT_CHECKED, "the worker cannot start");
        return false;
    }
    log_write(app_core_log(app), LOG_INFO, "import", "taking content from %s", im->edit_dir);
    im->state = APP_IMPORT_BUILDING;
    import_say(im, UI_IMPORT_BUILDING);
    app_core_start_progress(app);
    import_progress(app, u, update_worker_progress(u->update_worker), now_ms);
    return true;
}

AppImportState part_updates_import_state(const App *app)
{
    const Updates *u = app_core_part(app, &part_updates);
    return u ? u->import.state : APP_IMPORT_IDLE;
}

const char *part_updates_import_message(const App *app)
{
    const Updates *u = app_core_part(app, &part_updates);
    return u ? u->import.message : "";
}

size_t part_updates_import_problems(const App *app, const char *const **lines)
{
    const Updates *u = app_core_part(app, &part_updates);
    bool failed = u && u->import.state == APP_IMPORT_FAILED && u->import.problems;
    *lines = failed ? u->import.problems : NULL;
    return failed ? u->import.problem_count : 0;
}

Content *part_updates_import_candidate(App *app)
{
    Updates *u = app_core_part(app, &part_updates);
    return u && u->import.state == APP_IMPORT_READY ? u->import.candidate : NULL;
}

bool part_updates_import_install(App *app, uint64_t now_ms)
{
    Updates *u = app_core_part(app, &part_updates);
    if (!u || u->import.state != APP_IMPORT_READY || update_worker_busy(u->update_worker)) {
        return false;
    }
    Import *im = &u->import;
    app_core_update_attempt_begin(app, im->edit_dir);
    if (!update_worker_start_install(u->update_worker, u->updater, im->edit_dir, im->built_path, im->base_version,
                                     im->lang)) {
        UpdateResult not_started = {.outcome = UPDATE_FAILED, .message = UPDATE_MSG_INTERNAL};
        snprintf(not_started.detail, sizeof not_started.detail, "the worker cannot start");
        app_core_update_attempt_end(app, &not_started, now_ms);
        return false;
    }
    im->state = APP_IMPORT_INSTALLING;
    import_say(im, UI_IMPORT_INSTALLING);
    app_core_start_progress(app);
    import_progress(app, u, update_worker_progress(u->update_worker), now_ms);
    return true;
}

void part_updates_import_discard(App *app)
{
    Updates *u = app_core_part(app, &part_updates);
    if (!u || u->import.state == APP_IMPORT_BUILDING || u->import.state == APP_IMPORT_INSTALLING ||
        u->import.state == APP_IMPORT_COPYING) {
        return;
    }
    import_reset(u, app_core_options(app));
}

/* The file of the pack on screen: --db, the installed pack when it is the one shown (a pack
 * taken at the kiosk always is), else the bundled pack. */
static bool shown_pack_path(App *app, const Updates *u, char *out, size_t size)
{
    const Options *o = app_core_options(app);
    const Content *shown = app_core_content(app);
    const PackStore *store = update_store(u->updater);
    bool installed_shown = store->state.active != SLOT_NONE &&
                           (!shown || shown->pack.version == store->state.active_version ||
                            store_active_origin(store) == STORE_ORIGIN_KIOSK);
    if (o->db[0]) {
        return snprintf(out, size, "%s", o->db) < (int)size;
    }
    if (installed_shown && update_active_path(u->updater, out, size)) {
        return true;
    }
    return snprintf(out, size, "%s", app_core_bundled_pack_path(app)) < (int)size && out[0];
}

/* The facts-kiosk folder to copy into: of the stick seen last when it is still there, else
 * on the first stick inserted (pack or not: leads_stick.h finds sticks without one). */
static bool copy_target(App *app, Updates *u, char *out, size_t size)
{
    struct stat st;
    if (u->last_stick_dir[0] && lstat(u->last_stick_dir, &st) == 0 && S_ISDIR(st.st_mode)) {
        return snprintf(out, size, "%s", u->last_stick_dir) < (int)size;
    }
    LeadsStickWatch sticks;
    LeadsStick stick;
    leads_stick_watch_init(&sticks, u->mount_root_paths, (size_t)app_core_options(app)->mount_roots.count);
    return leads_stick_poll(&sticks, &stick) && fsio_join(out, size, stick.root, WATCH_DIR_NAME);
}

bool part_updates_content_copy_start(App *app, Lang lang, uint64_t now_ms)
{
    Updates *u = app_core_part(app, &part_updates);
    if (!u) {
        return false;
    }
    Import *im = &u->import;
    if (im->state == APP_IMPORT_BUILDING || im->state == APP_IMPORT_INSTALLING || im->state == APP_IMPORT_COPYING) {
        return false;
    }
    import_reset(u, app_core_options(app));
    im->lang = lang;
    if (!u->updater || update_worker_busy(u->update_worker)) {
        import_say(im, u->updater ? UI_IMPORT_BUSY : UI_STAFF_NO_UPDATES);
        return false;
    }
    if (!shown_pack_path(app, u, im->built_path, sizeof im->built_path)) {
        import_say(im, UI_COPY_FAILED, "no pack");
        return false;
    }
    if (!copy_target(app, u, im->edit_dir, sizeof im->edit_dir)) {
        import_say(im, UI_COPY_NO_STICK);
        return false;
    }
    if (!update_worker_start_copy(u->update_worker, u->updater, im->edit_dir, im->built_path)) {
        import_say(im, UI_COPY_FAILED, "the worker cannot start");
        return false;
    }
    log_write(app_core_log(app), LOG_INFO, "import", "copying %s to %s/%s", im->built_path, im->edit_dir,
              WATCH_EDIT_NAME);
    im->state = APP_IMPORT_COPYING;
    import_say(im, UI_COPY_COPYING);
    app_core_start_progress(app);
    import_progress(app, u, update_worker_progress(u->update_worker), now_ms);
    return true;
}

/* The worker ended a copy to a stick. */
static void finish_copy(App *app, Updates *u, const UpdateResult *result, uint64_t now_ms)
{
    Import *im = &u->import;
    app_core_hide_progress(app, now_ms);
    if (result->outcome == UPDATE_OK) {
        im->state = APP_IMPORT_COPIED;
        import_say(im, UI_COPY_DONE);
        log_write(app_core_log(app), LOG_INFO, "import", "content copied to %s/%s", im->edit_dir, WATCH_EDIT_NAME);
    } else {
        im->state = APP_IMPORT_COPY_FAILED;
        import_say(im, UI_COPY_FAILED, result->detail[0] ? result->detail : "unknown");
        log_write(app_core_log(app), LOG_WARN, "import", "copy to %s failed: %s", im->edit_dir, result->detail);
    }
}

bool part_updates_staff_import_enabled(const App *app)
{
    return app_core_options(app)->staff_import && part_updates_updater(app) != NULL;
}

/* ---- polling ------------------------------------------------------------------------------- */

/* On a day the pack on screen has an event (its days in its own zone; the system's clock
 * tells the day well enough, trusted or not) the update URL is polled at least every
 * UPDATE_EVENT_DAY_POLL_SECONDS, so a schedule changed during the day shows within about a
 * minute; otherwise every url_poll_seconds. */
static void cap_poll_on_event_days(App *app, Updates *u, uint64_t now_ms)
{
    const Content *content = app_core_content(app);
    EventZone zone;
    bool event_day = content && content_event_on(content, (EventInstant)time(NULL), &zone) != NULL;
    update_pull_cap_interval(u->updater, event_day ? UPDATE_EVENT_DAY_POLL_SECONDS : 0, now_ms);
}

/* Between attempts: looks for a stick every UPDATE_POLL_MS and hands a new pack to the
 * worker, or else polls the update URL when it is due. During one: follows its progress,
 * and takes its result when it is done. */
void part_updates_poll(App *app, uint64_t now_ms)
{
    Updates *u = app_core_part(app, &part_updates);
    if (!u || !u->updater) {
        return;
    }
    if (update_worker_busy(u->update_worker)) {
        UpdateResult result;
        Content *content = NULL;
        if (u->update_from_url) {
            watch_sticks(app, u, now_ms);
        }
        UpdateWorkerJob job = update_worker_job(u->update_worker);
        bool import_job = job == UPDATE_JOB_IMPORT || job == UPDATE_JOB_INSTALL || job == UPDATE_JOB_COPY;
        if (import_job && update_worker_finish(u->update_worker, &result, &content)) {
            if (job == UPDATE_JOB_IMPORT) {
                finish_import_build(app, u, &result, content, clock_now_ms());
            } else if (job == UPDATE_JOB_INSTALL) {
                finish_import_install(app, u, &result, clock_now_ms());
            } else {
                finish_copy(app, u, &result, clock_now_ms());
            }
            u->next_update_poll_ms = now_ms + UPDATE_POLL_MS;
            return;
        }
        if (import_job) {
            import_progress(app, u, update_worker_progress(u->update_worker), now_ms);
            return;
        }
        if (update_worker_finish(u->update_worker, &result, &content)) {
            uint64_t now = clock_now_ms();
            if (u->update_from_url) {
                update_pull_done(u->updater, &result, now);
            }
            finish_update(app, u, &result, content, now);
            app_core_update_attempt_end(app, &result, now);
            u->next_update_poll_ms = now_ms + UPDATE_POLL_MS;
            if (u->stick_waiting) {
                u->stick_waiting = false;
                take_stick(app, u, &u->waiting_stick, now);
            }
            return;
        }
        UpdateWorkerProgress progress = update_worker_progress(u->update_worker);
        if (!u->update_from_url || progress.step >= UPDATE_STEP_COPY) { /* a URL: once a pack comes */
            update_progress(app, u, progress, now_ms);
        }
        return;
    }
    /* A preview waits for Install or Discard: a stick or the URL waits too, and then the
     * store it would install into is the one staff saw. */
    if (now_ms < u->next_update_poll_ms || u->import.state == APP_IMPORT_READY) {
        return;
    }
    u->next_update_poll_ms = now_ms + UPDATE_POLL_MS;
    WatchFound found;
    cap_poll_on_event_days(app, u, now_ms);
    if (update_poll(u->updater, &found)) {
        take_stick(app, u, &found, now_ms);
    } else if (update_pull_due(u->updater, now_ms)) {
        start_pull(app, u, now_ms);
    }
}

/* The updater, or NULL (logged) when the state directory cannot be used. An update must
 * be newer than the bundled pack too (app_core_bundled_version). */
static void *updates_start(App *app, uint64_t now_ms)
{
    (void)now_ms;
    Updates *u = calloc(1, sizeof *u);
    if (!u) {
        return NULL;
    }
    const Options *o = app_core_options(app);
    Log *log = app_core_log(app);
    int64_t bundled_version = app_core_bundled_version(app);
    TrustedKeyFiles *keys = &u->trusted_keys;
    keys->count = 0;
    for (int i = 0; i < o->trusted_keys.count; i++) {
        trusted_keys_add(keys, o->trusted_keys.paths[i], log);
    }
    for (int i = 0; i < o->mount_roots.count; i++) {
        u->mount_root_paths[i] = o->mount_roots.paths[i];
    }
    for (int i = 0; i < keys->count; i++) {
        u->trusted_key_paths[i] = keys->paths[i];
    }
    u->update_worker = update_worker_create(log, app_core_fonts(app));
    if (!u->update_worker) {
        log_write(log, LOG_WARN, "update", "USB updates are off: out of memory");
        return u;
    }
    UpdateConfig config = {
        .url = o->update_url,
        .ca_file = o->ca_file,
        .url_poll_seconds = o->url_poll_seconds,
        .mount_roots = u->mount_root_paths,
        .mount_root_count = (size_t)o->mount_roots.count,
        .state_dir = o->state_dir,
        .trusted_key_paths = u->trusted_key_paths,
        .key_count = (size_t)keys->count,
        .size_cap = (uint64_t)o->size_cap_mib * 1024u * 1024u,
        .bundled_version = bundled_version,
        .no_staff_import = !o->staff_import,
        .log = log,
    };
    update_worker_configure(u->update_worker, &config);
    u->updater = update_create(&config);
    if (!u->updater) {
        log_write(log, LOG_WARN, "update", "USB updates are off: state directory %s cannot be used", o->state_dir);
    }
    return u;
}

static void updates_stop(App *app, void *self)
{
    Updates *u = self;
    update_worker_destroy(u->update_worker); /* stops and joins an update in progress */
    import_reset(u, app_core_options(app));
    update_destroy(u->updater);
    free(u);
}

Updater *part_updates_updater(const App *app)
{
    const Updates *u = app_core_part(app, &part_updates);
    return u ? u->updater : NULL;
}

bool part_updates_busy(const App *app)
{
    const Updates *u = app_core_part(app, &part_updates);
    return u && u->updater && update_worker_busy(u->update_worker);
}

uint64_t part_updates_deadline(const App *app, bool updating, uint64_t now_ms)
{
    const Updates *u = app_core_part(app, &part_updates);
    if (!u || !u->updater) {
        return UINT64_MAX;
    }
    return updating ? now_ms + UPDATE_FRAME_MS : u->next_update_poll_ms;
}

const Part part_updates = {
    .name = "updates",
    .start = updates_start,
    .stop = updates_stop,
};
