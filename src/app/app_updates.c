/* app_updates.c — updates from the loop's side: starting the updater and its worker,
 * polling for sticks and, when due, the update URL, the progress overlay and showing the
 * result; see app_state.h. A URL poll shows nothing until a pack is being downloaded, and
 * nothing afterwards when its result is quiet (nothing new, the server away): a fair's
 * network comes and goes. A stick seen during a URL poll stops it and goes next. */
#define _POSIX_C_SOURCE 200809L
#include "app/app_state.h"

#include "app/acceptance.h"

#include "core/ui_text.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* The overlay of a running update: the step in words and a bar that glides towards where
 * the worker got to. */
static void update_progress(App *app, UpdateWorkerProgress progress, uint64_t now_ms)
{
    Lang lang = app->deck.lang;
    UpdateSource source = app->update_from_url ? UPDATE_SOURCE_URL : UPDATE_SOURCE_STICK;
    const char *detail = ui_text(update_source_step_text(source, progress.step), lang);
    bool changed = strcmp(app->overlay_detail, detail) != 0 || app->overlay_problem;
    snprintf(app->overlay_title, sizeof app->overlay_title, "%s", ui_text(UI_UPDATE_TITLE, lang));
    snprintf(app->overlay_detail, sizeof app->overlay_detail, "%s", detail);
    app->overlay_problem = false;
    app->overlay_until_ms = now_ms + OVERLAY_SHOW_MS;
    /* Copying, the long step, has the first 55% of the bar; verify, check, install 15% each. */
    UpdateStep step = progress.step;
    double target = step <= UPDATE_STEP_COPY   ? 0.55 * progress.fraction
                    : step >= UPDATE_STEP_DONE ? 1.0
                                               : 0.55 + 0.15 * ((double)(step - UPDATE_STEP_VERIFY) + progress.fraction);
    double shown = app->overlay_progress < 0 ? 0.0 : app->overlay_progress;
    double next = target > shown ? shown + (target - shown) * 0.35 + 0.002 : target;
    next = next > target ? target : next;
    app->redraw = app->redraw || changed || next != app->overlay_progress;
    app->overlay_progress = next;
}

/* The worker is done: show what happened and, on success, the new pack it loaded. */
static void app_finish_update(App *app, UpdateResult *result, Content *content, uint64_t now)
{
    if (result->quiet) { /* the log has it (update: ...); a progress bar shown goes away */
        if (app->overlay_progress >= 0) {
            app->overlay_until_ms = now;
            app->overlay_progress = -1;
            app->redraw = true;
        }
        return;
    }
    char english[512];
    update_message_en(result, english, sizeof english);
    log_write(app->log, result->outcome == UPDATE_OK ? LOG_INFO : LOG_WARN, "update", "%s: %s",
              update_outcome_name(result->outcome), english);
    Lang lang = app->deck.lang;
    char message[512];
    if (result->outcome == UPDATE_OK) {
        char path[4096];
        char problem[512] = "";
        if (!content && update_active_path(app->updater, path, sizeof path)) {
            content = pack_load_logged(path, app->log, problem, sizeof problem);
        }
        if (content) {
            char summary[256];
            acceptance_summary(content, lang, summary, sizeof summary);
            snprintf(result->summary, sizeof result->summary, "%s", summary);
            update_message(result, lang, message, sizeof message);
            log_write(app->log, LOG_INFO, "update", "showing the new pack (version %lld)",
                      (long long)content->pack.version);
            app_set_content(app, content, now);
            app_watch_pending(app, now);
            app_show_overlay(app, message, "", false, now);
            return;
        }
        /* Accepted yet not loadable now: roll back at once and say so. */
        update_active_failed(app->updater, problem);
        app_show_overlay(app, ui_text(UI_UPDATE_FAILED, lang), problem, true, now);
        return;
    }
    update_message(result, lang, message, sizeof message);
    app_show_overlay(app, message, "", true, now);
}

/* A facts-kiosk folder with neither content.db nor its signature, but a leads folder: a
 * stick that carries visitors' contact requests (app_leads.c), not a pack. */
static bool leads_only(const WatchFound *found)
{
    char leads[FSIO_PATH_MAX];
    struct stat st;
    return found->reason == WATCH_PACK_MISSING && found->identity.sig_inode == 0 &&
           fsio_join(leads, sizeof leads, found->dir, "leads") && lstat(leads, &st) == 0 && S_ISDIR(st.st_mode);
}

/* A stick seen: its pack goes to the worker, or the kiosk says why it is not used. */
static void app_take_stick(App *app, const WatchFound *found, uint64_t now_ms)
{
    app_visits_stick(app, found, now_ms);
    if (leads_only(found)) { /* nothing to say about updates */
        log_write(app->log, LOG_INFO, "update", "%s holds no pack (contact requests only)", found->dir);
        return;
    }
    if (found->reason != WATCH_USABLE) { /* seen but not used: say why, here and on the stick */
        UpdateResult ignored;
        char why[512];
        log_write(app->log, LOG_WARN, "update", "%s not used: %s", found->dir, watch_reason_name(found->reason));
        update_ignore(app->updater, found, &ignored);
        app_status_attempt_begin(app, found->dir);
        app_status_attempt_end(app, &ignored, now_ms);
        update_message(&ignored, app->deck.lang, why, sizeof why);
        app_show_overlay(app, why, "", true, now_ms);
        app_draw(app, now_ms); /* now, not at the loop's next wake-up */
        return;
    }
    log_write(app->log, LOG_INFO, "update", "pack found in %s", found->dir);
    app_status_attempt_begin(app, found->dir);
    if (!update_worker_start(app->update_worker, app->updater, found->dir)) {
        app_show_overlay(app, ui_text(UI_UPDATE_FAILED, app->deck.lang), "", true, now_ms);
        return;
    }
    app->update_from_url = false;
    app->overlay_progress = 0.0;
    app->redraw = true;
    update_progress(app, update_worker_progress(app->update_worker), now_ms);
}

/* A poll of the update URL in the worker; nothing on screen yet. */
static void app_start_pull(App *app, uint64_t now_ms)
{
    app_status_attempt_begin(app, app->options->update_url);
    if (!update_worker_start_pull(app->update_worker, app->updater)) {
        UpdateResult not_started = {.outcome = UPDATE_FAILED, .message = UPDATE_MSG_INTERNAL};
        update_pull_done(app->updater, &not_started, now_ms);
        return;
    }
    app->update_from_url = true;
}

/* During a URL poll: sticks are still looked for; a usable one stops the poll and goes next. */
static void app_watch_sticks(App *app, uint64_t now_ms)
{
    if (app->stick_waiting || now_ms < app->next_update_poll_ms) {
        return;
    }
    app->next_update_poll_ms = now_ms + UPDATE_POLL_MS;
    if (!update_poll(app->updater, &app->waiting_stick)) {
        return;
    }
    app->stick_waiting = true;
    if (app->waiting_stick.reason == WATCH_USABLE) {
        log_write(app->log, LOG_INFO, "update", "a stick arrived: it goes before the update URL");
        update_worker_cancel(app->update_worker);
    }
}

/* Between attempts: looks for a stick every UPDATE_POLL_MS and hands a new pack to the
 * worker, or else polls the update URL when it is due. During one: follows its progress,
 * and takes its result when it is done. */
void app_poll_updates(App *app, uint64_t now_ms)
{
    if (!app->updater) {
        return;
    }
    if (update_worker_busy(app->update_worker)) {
        UpdateResult result;
        Content *content = NULL;
        if (app->update_from_url) {
            app_watch_sticks(app, now_ms);
        }
        if (update_worker_finish(app->update_worker, &result, &content)) {
            uint64_t now = clock_now_ms();
            if (app->update_from_url) {
                update_pull_done(app->updater, &result, now);
            }
            app_finish_update(app, &result, content, now);
            app_status_attempt_end(app, &result, now);
            app->next_update_poll_ms = now_ms + UPDATE_POLL_MS;
            if (app->stick_waiting) {
                app->stick_waiting = false;
                app_take_stick(app, &app->waiting_stick, now);
            }
            return;
        }
        UpdateWorkerProgress progress = update_worker_progress(app->update_worker);
        if (!app->update_from_url || progress.step >= UPDATE_STEP_COPY) { /* a URL: once a pack comes */
            update_progress(app, progress, now_ms);
        }
        return;
    }
    if (now_ms < app->next_update_poll_ms) {
        return;
    }
    app->next_update_poll_ms = now_ms + UPDATE_POLL_MS;
    WatchFound found;
    if (update_poll(app->updater, &found)) {
        app_take_stick(app, &found, now_ms);
    } else if (update_pull_due(app->updater, now_ms)) {
        app_start_pull(app, now_ms);
    }
}

/* The updater, or NULL (logged) when the state directory cannot be used. An update must
 * be newer than bundled_version too. */
void app_start_updates(App *app, int64_t bundled_version)
{
    const Options *o = app->options;
    TrustedKeyFiles *keys = &app->trusted_keys;
    keys->count = 0;
    for (int i = 0; i < o->trusted_keys.count; i++) {
        trusted_keys_add(keys, o->trusted_keys.paths[i], app->log);
    }
    for (int i = 0; i < o->mount_roots.count; i++) {
        app->mount_root_paths[i] = o->mount_roots.paths[i];
    }
    for (int i = 0; i < keys->count; i++) {
        app->trusted_key_paths[i] = keys->paths[i];
    }
    app->bundled_version = bundled_version;
    app->update_worker = update_worker_create(app->log, app->fonts);
    if (!app->update_worker) {
        log_write(app->log, LOG_WARN, "update", "USB updates are off: out of memory");
        return;
    }
    UpdateConfig config = {
        .url = o->update_url,
        .ca_file = o->ca_file,
        .url_poll_seconds = o->url_poll_seconds,
        .mount_roots = app->mount_root_paths,
        .mount_root_count = (size_t)o->mount_roots.count,
        .state_dir = o->state_dir,
        .trusted_key_paths = app->trusted_key_paths,
        .key_count = (size_t)keys->count,
        .size_cap = (uint64_t)o->size_cap_mib * 1024u * 1024u,
        .bundled_version = bundled_version,
        .log = app->log,
    };
    update_worker_configure(app->update_worker, &config);
    app->updater = update_create(&config);
    if (!app->updater) {
        log_write(app->log, LOG_WARN, "update", "USB updates are off: state directory %s cannot be used", o->state_dir);
    }
}
