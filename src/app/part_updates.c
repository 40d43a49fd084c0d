/* part_updates.c — updates, a part of the running kiosk (see part_updates.h): the updater and its worker,
 * polling for sticks and, when due, the update URL, the progress overlay and showing the
 * result; see part_updates.h. A URL poll shows nothing until a pack is being downloaded, and
 * nothing afterwards when its result is quiet (nothing new, the server away): a fair's
 * network comes and goes. A stick seen during a URL poll stops it and goes next. The status
 * report hears of each attempt, and the visitor statistics of each stick, through the core. */
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

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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
    if (now_ms < u->next_update_poll_ms) {
        return;
    }
    u->next_update_poll_ms = now_ms + UPDATE_POLL_MS;
    WatchFound found;
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
    (void)app;
    update_worker_destroy(u->update_worker); /* stops and joins an update in progress */
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
