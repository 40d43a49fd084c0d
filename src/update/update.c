/* update.c — the update pipeline and the Updater's lifecycle; see update.h.
 * update_run() is the stick's attempt: check_signature_file() (cheap checks
 * before copying anything), stage_pack(), then update_after_staging(), the
 * steps every source shares (update_url.c's attempt ends with them too):
 * verify_pack(), check_pack(), install_pack(); each returns false after
 * filling the result. */
#define _POSIX_C_SOURCE 200809L
#include "update/update.h"
#include "update/update_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "update/minisign.h"
#include "update/report.h"
#include "update/stage.h"

_Static_assert((int)STORE_HASH_BYTES == (int)MINISIGN_HASH_BYTES, "the store keeps the hash minisign signs");

static void progress(const Updater *u, UpdateStep step, double fraction)
{
    if (u->config.progress != NULL) {
        u->config.progress(u->config.progress_ctx, step, fraction);
    }
}

static void copy_progress(void *ctx, double fraction)
{
    progress(ctx, UPDATE_STEP_COPY, fraction);
}

/* Sets the result's outcome, step, message and (printf-style) detail. */
static bool finish(Attempt *a, UpdateOutcome outcome, UpdateStep step, UpdateMessage message,
                   const char *detail_format, ...) __attribute__((format(printf, 5, 6)));

static bool finish(Attempt *a, UpdateOutcome outcome, UpdateStep step, UpdateMessage message,
                   const char *detail_format, ...)
{
    UpdateResult *r = a->result;
    r->outcome = outcome;
    r->step = step;
    r->message = message;
    if (detail_format != NULL) {
        va_list args;
        va_start(args, detail_format);
        vsnprintf(r->detail, sizeof r->detail, detail_format, args);
        va_end(args);
    }
    return false;
}

bool update_end(Attempt *a, UpdateOutcome outcome, UpdateStep step, UpdateMessage message, const char *detail)
{
    return detail != NULL ? finish(a, outcome, step, message, "%s", detail) : finish(a, outcome, step, message, NULL);
}

void update_progress(const Updater *u, UpdateStep step, double fraction)
{
    progress(u, step, fraction);
}

/* The kiosk is stopping: the attempt ends without a verdict on the pack. */
static bool cancelled(Attempt *a, UpdateStep step)
{
    return finish(a, UPDATE_FAILED, step, UPDATE_MSG_CANCELLED, NULL);
}

/* A system error while storing: disk full has its own message. */
static bool storage_failure(Attempt *a, UpdateStep step, int error)
{
    if (error == ECANCELED) {
        return cancelled(a, step);
    }
    if (error == ENOSPC || error == EDQUOT) {
        return finish(a, UPDATE_FAILED, step, UPDATE_MSG_DISK_FULL, NULL);
    }
    return finish(a, UPDATE_FAILED, step, UPDATE_MSG_STORAGE_ERROR, "%s", strerror(error));
}

/* The state directory's pointer cannot be read: nothing may change. */
static bool state_unreadable(Attempt *a, UpdateStep step)
{
    const char *why = "";
    store_degraded(&a->u->store, &why);
    return finish(a, UPDATE_FAILED, step, UPDATE_MSG_STATE_UNREADABLE, "%s", why);
}

/* Opens the facts-kiosk folder once, refusing a symlink: a folder swapped
 * for a link during the attempt cannot redirect any later open. */
static bool open_pack_dir(Attempt *a)
{
    a->dir_fd = fsio_open_dir(AT_FDCWD, a->pack_dir);
    if (a->dir_fd >= 0) {
        return true;
    }
    switch (errno) {
    case ELOOP:
        return finish(a, UPDATE_REFUSED, UPDATE_STEP_FIND, UPDATE_MSG_DIR_SYMLINK, NULL);
    case ENOTDIR:
        return finish(a, UPDATE_REFUSED, UPDATE_STEP_FIND, UPDATE_MSG_DIR_NOT_FOLDER, NULL);
    case ENOENT:  /* gone since the watcher saw it: the stick was pulled */
        return finish(a, UPDATE_FAILED, UPDATE_STEP_FIND, UPDATE_MSG_READ_ERROR, "%s", strerror(errno));
    default:
        return finish(a, UPDATE_REFUSED, UPDATE_STEP_FIND, UPDATE_MSG_DIR_UNREADABLE, "%s", strerror(errno));
    }
}

bool update_can_install(Attempt *a)
{
    if (a->u->key_count == 0) {
        return finish(a, UPDATE_REFUSED, UPDATE_STEP_FIND, UPDATE_MSG_NO_TRUSTED_KEY, NULL);
    }
    (void)store_refresh(&a->u->store);
    if (store_degraded(&a->u->store, NULL)) {
        return state_unreadable(a, UPDATE_STEP_FIND);
    }
    return true;
}

bool update_check_signer(Attempt *a)
{
    char key_id[MINISIGN_KEY_ID_TEXT] = {0};

    if (a->sig.legacy) {
        return finish(a, UPDATE_REFUSED, UPDATE_STEP_VERIFY, UPDATE_MSG_SIG_LEGACY, NULL);
    }
    a->key_index = minisign_find_key(&a->sig, a->u->keys, a->u->key_count);
    if (a->key_index < 0) {
        minisign_key_id_text(a->sig.key_id, key_id);
        return finish(a, UPDATE_REFUSED, UPDATE_STEP_VERIFY, UPDATE_MSG_SIG_UNKNOWN_KEY, "%s", key_id);
    }
    return true;
}

static bool check_signature_file(Attempt *a)
{
    MinisignStatus status = MINISIGN_OK;

    if (!update_can_install(a)) {
        return false;
    }
    status = minisign_signature_read_at(a->dir_fd, WATCH_SIG_NAME, &a->sig);
    if (status == MINISIGN_ERR_MISSING) {
        return finish(a, UPDATE_REFUSED, UPDATE_STEP_VERIFY, UPDATE_MSG_SIG_MISSING, NULL);
    }
    if (status != MINISIGN_OK) {
        return finish(a, UPDATE_REFUSED, UPDATE_STEP_VERIFY, UPDATE_MSG_SIG_MALFORMED, "%s",
                      minisign_status_text(status));
    }
    return update_check_signer(a);
}

static bool stage_pack(Attempt *a)
{
    StageRequest request = {0};
    StageStatus status = STAGE_OK;

    progress(a->u, UPDATE_STEP_COPY, 0.0);
    request.source_dir_fd = a->dir_fd;
    request.source_path = WATCH_PACK_NAME;
    request.state_dir = a->u->state_dir;
    request.size_cap = a->u->size_cap;
    request.progress = copy_progress;
    request.progress_ctx = a->u;
    request.fault = &a->u->config.fault;
    status = stage_copy(&request, &a->staged);
    if (status != STAGE_OK) {
        return update_staging_failed(a, status);
    }
    int error = fault_check(&a->u->config.fault, FAULT_COPY_AFTER);
    return error == 0 ? true : storage_failure(a, UPDATE_STEP_COPY, error);
}

bool update_staging_failed(Attempt *a, StageStatus status)
{
    switch (status) {
    case STAGE_OK:
        return true;
    case STAGE_ERR_MISSING:
        return finish(a, UPDATE_REFUSED, UPDATE_STEP_COPY, UPDATE_MSG_PACK_MISSING, NULL);
    case STAGE_ERR_NOT_REGULAR:
        return finish(a, UPDATE_REFUSED, UPDATE_STEP_COPY,
                      a->staged.error == ELOOP ? UPDATE_MSG_PACK_SYMLINK : UPDATE_MSG_PACK_NOT_REGULAR, NULL);
    case STAGE_ERR_TOO_LARGE:
        return finish(a, UPDATE_REFUSED, UPDATE_STEP_COPY, UPDATE_MSG_TOO_LARGE, NULL);
    case STAGE_ERR_READ:
        if (a->staged.error == ECANCELED) {
            return cancelled(a, UPDATE_STEP_COPY);
        }
        return finish(a, UPDATE_FAILED, UPDATE_STEP_COPY, UPDATE_MSG_READ_ERROR, "%s", strerror(a->staged.error));
    case STAGE_ERR_NO_MEMORY:
        return finish(a, UPDATE_FAILED, UPDATE_STEP_COPY, UPDATE_MSG_INTERNAL, "out of memory");
    default:
        return storage_failure(a, UPDATE_STEP_COPY, a->staged.error);
    }
}

static bool verify_pack(Attempt *a)
{
    const MinisignKey *key = &a->u->keys[a->key_index];
    MinisignStatus status = MINISIGN_OK;
    int error = 0;

    progress(a->u, UPDATE_STEP_VERIFY, 0.0);
    status = minisign_verify_signature(&a->sig, a->staged.hash, key);
    if (status == MINISIGN_ERR_BAD_SIGNATURE) {
        return finish(a, UPDATE_REFUSED, UPDATE_STEP_VERIFY, UPDATE_MSG_SIG_BAD, NULL);
    }
    if (status != MINISIGN_OK) {
        return finish(a, UPDATE_FAILED, UPDATE_STEP_VERIFY, UPDATE_MSG_INTERNAL, "%s", minisign_status_text(status));
    }
    error = fault_check(&a->u->config.fault, FAULT_VERIFY_DURING);
    if (error == ECANCELED) {
        return cancelled(a, UPDATE_STEP_VERIFY);
    }
    if (error != 0) {
        return finish(a, UPDATE_FAILED, UPDATE_STEP_VERIFY, UPDATE_MSG_INTERNAL, "%s", strerror(error));
    }
    status = minisign_verify_comment(&a->sig, key);
    if (status != MINISIGN_OK) {
        return finish(a, UPDATE_REFUSED, UPDATE_STEP_VERIFY, UPDATE_MSG_COMMENT_BAD, NULL);
    }
    progress(a->u, UPDATE_STEP_VERIFY, 1.0);
    return true;
}

/* A pack rolled back or refused before (by hash) is not tried again. */
static bool refused_before(Attempt *a)
{
    char why[STORE_WHY_MAX] = "";
    if (store_is_refused(&a->u->store, a->staged.hash, why, sizeof why)) {
        return finish(a, UPDATE_REFUSED, UPDATE_STEP_CHECK, UPDATE_MSG_REFUSED_BEFORE, "%s", why);
    }
    return true;
}

static bool check_pack(Attempt *a)
{
    UpdateAcceptResult accepted = {0};
    UpdateResult *r = a->result;
    int error = fault_check(&a->u->config.fault, FAULT_ACCEPT_BEFORE);

    if (error == ECANCELED) {
        return cancelled(a, UPDATE_STEP_CHECK);
    }
    if (error != 0) {
        return finish(a, UPDATE_FAILED, UPDATE_STEP_CHECK, UPDATE_MSG_INTERNAL, "%s", strerror(error));
    }
    progress(a->u, UPDATE_STEP_CHECK, 0.0);
    if (a->u->config.accept == NULL) {
        return finish(a, UPDATE_FAILED, UPDATE_STEP_CHECK, UPDATE_MSG_INTERNAL, "no acceptance check configured");
    }
    if (!refused_before(a)) {
        return false;
    }
    /* A hostile pack may crash the check: the marker makes a restart count it. */
    if (!store_attempt_begin(&a->u->store, a->staged.hash)) {
        return refused_before(a);
    }
    a->u->config.accept(a->u->config.accept_ctx, a->staged.path, &accepted);
    store_attempt_end(&a->u->store);
    if (accepted.cancelled) {
        return cancelled(a, UPDATE_STEP_CHECK);
    }
    accepted.summary[sizeof accepted.summary - 1] = '\0';
    accepted.why[sizeof accepted.why - 1] = '\0';
    r->pack_version = accepted.pack_version > 0 ? accepted.pack_version : 0;
    memcpy(r->summary, accepted.summary, sizeof r->summary);
    /* A known version decides first: "already installed" beats any other reason. */
    if (r->pack_version > 0 && r->pack_version == r->installed_version) {
        return finish(a, UPDATE_REFUSED, UPDATE_STEP_CHECK, UPDATE_MSG_ALREADY_INSTALLED, NULL);
    }
    if (r->pack_version > 0 && r->pack_version < r->installed_version) {
        return finish(a, UPDATE_REFUSED, UPDATE_STEP_CHECK, UPDATE_MSG_OLDER_VERSION, NULL);
    }
    /* A version rolled back bars a signed pack of that version; the base version of a pack
     * taken at the kiosk is only what its sources said, and bars nothing. */
    if (r->pack_version > 0 && r->pack_version == a->u->store.state.rolled_back_version &&
        a->u->store.state.rolled_back_origin == STORE_ORIGIN_SIGNED) {
        return finish(a, UPDATE_REFUSED, UPDATE_STEP_CHECK, UPDATE_MSG_ROLLED_BACK_VERSION, NULL);
    }
    if (!accepted.ok || r->pack_version == 0) {
        return finish(a, UPDATE_REFUSED, UPDATE_STEP_CHECK, UPDATE_MSG_NOT_ACCEPTED, "%s",
                      accepted.why[0] ? accepted.why : "the pack has no version");
    }
    progress(a->u, UPDATE_STEP_CHECK, 1.0);
    return true;
}

static bool install_pack(Attempt *a)
{
    progress(a->u, UPDATE_STEP_INSTALL, 0.0);
    StoreStatus status = store_install(&a->u->store, a->staged.path, a->result->pack_version, a->staged.hash);
    if (status == STORE_ERR_DEGRADED) {
        return state_unreadable(a, UPDATE_STEP_INSTALL);
    }
    if (status != STORE_OK) {
        return storage_failure(a, UPDATE_STEP_INSTALL, a->u->store.error);
    }
    /* Past the commit point: a failure here cannot undo the switch. */
    (void)fault_check(&a->u->config.fault, FAULT_AFTER_SWITCH);
    progress(a->u, UPDATE_STEP_INSTALL, 1.0);
    a->result->outcome = UPDATE_OK;
    a->result->step = UPDATE_STEP_DONE;
    a->result->message = UPDATE_MSG_INSTALLED;
    return true;
}

bool update_after_staging(Attempt *a)
{
    if (verify_pack(a) && check_pack(a) && install_pack(a)) {
        progress(a->u, UPDATE_STEP_DONE, 1.0);
        return true;
    }
    return false;
}

void update_log_result(const Updater *u, const char *where, const UpdateResult *r)
{
    char message[UPDATE_TEXT_MAX * 2] = {0};
    bool calm = r->outcome == UPDATE_OK || r->outcome == UPDATE_UNCHANGED || r->quiet;

    update_message_en(r, message, sizeof message);
    log_write(u->config.log, calm ? LOG_INFO : LOG_WARN, "update", "%s: %s at %s: %s", where,
              update_outcome_name(r->outcome), update_step_name(r->step), message);
}

enum { REPORT_MAX_BYTES = 2048 };

/* The text of update-report.txt for r, into out; returns its length (truncated to fit). */
static size_t report_text(const UpdateResult *r, char *out, size_t out_size)
{
    char message[UPDATE_TEXT_MAX * 2] = {0};
    char when[64] = "unknown time";
    time_t now = time(NULL);
    struct tm utc = {0};

    if (now != (time_t)-1 && gmtime_r(&now, &utc) != NULL) {
        strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S UTC", &utc);
    }
    update_message_en(r, message, sizeof message);
    int len = snprintf(out, out_size,
                       "FACTS Kiosk update report\n"
                       "time: %s\n"
                       "result: %s\n"
                       "step: %s\n"
                       "message: %s\n"
                       "message id: %s\n"
                       "pack version: %" PRId64 "\n"
                       "installed version before: %" PRId64 "\n",
                       when, update_outcome_name(r->outcome), update_step_name(r->step), message,
                       update_message_id(r->message), r->pack_version, r->installed_version);
    return len < 0 ? 0 : (size_t)len >= out_size ? out_size - 1 : (size_t)len;
}

/* Logs *out and leaves it in the folder dir_fd (-1: none) as update-report.txt. */
static void finish_report(const Updater *u, const char *pack_dir, int dir_fd, const UpdateResult *out)
{
    char text[REPORT_MAX_BYTES] = {0};

    update_log_result(u, pack_dir, out);
    if (u->config.no_report) {
        return;
    }
    if (dir_fd < 0) {
        log_write(u->config.log, LOG_WARN, "update", "%s: no report written (not a folder that can be opened)", pack_dir);
    } else if (!report_write(dir_fd, text, report_text(out, text, sizeof text))) {
        log_write(u->config.log, LOG_WARN, "update", "%s: no report written (stick read-only?)", pack_dir);
    }
}

void update_run(Updater *u, const char *pack_dir, UpdateResult *out)
{
    Attempt *a = calloc(1, sizeof *a);  /* the signature is 8 KiB: keep it off the stack */
    int dir_fd = -1;

    memset(out, 0, sizeof *out);
    out->installed_version = update_installed_version(u);
    out->size_cap = u->size_cap;
    log_write(u->config.log, LOG_INFO, "update", "attempt from %s (installed version %" PRId64 ")", pack_dir, out->installed_version);
    if (a == NULL) {
        out->outcome = UPDATE_FAILED;
        out->message = UPDATE_MSG_INTERNAL;
        snprintf(out->detail, sizeof out->detail, "out of memory");
        goto done;
    }
    a->u = u;
    a->pack_dir = pack_dir;
    a->dir_fd = -1;
    a->result = out;
    progress(u, UPDATE_STEP_FIND, 0.0);
    if (open_pack_dir(a) && check_signature_file(a) && stage_pack(a)) {
        (void)update_after_staging(a);
    }
    dir_fd = a->dir_fd;
done:
    stage_discard(u->state_dir);
    free(a);
    finish_report(u, pack_dir, dir_fd, out);
    if (dir_fd >= 0) {
        close(dir_fd);
    }
}

void update_post_progress(const Updater *u, UpdateStep step, double fraction)
{
    progress(u, step, fraction);
}

bool update_check_import(Updater *u, const char *built_path, UpdateAcceptResult *out)
{
    memset(out, 0, sizeof *out);
    int error = fault_check(&u->config.fault, FAULT_ACCEPT_BEFORE);
    if (error != 0 || u->config.accept == NULL) {
        out->cancelled = error == ECANCELED;
        snprintf(out->why, sizeof out->why, "%s", error != 0 ? strerror(error) : "no acceptance check configured");
        return false;
    }
    progress(u, UPDATE_STEP_CHECK, 0.0);
    u->config.accept(u->config.accept_ctx, built_path, out);
    out->summary[sizeof out->summary - 1] = '\0';
    out->why[sizeof out->why - 1] = '\0';
    if (out->ok && out->pack_version <= 0) {
        out->ok = false;
        snprintf(out->why, sizeof out->why, "the pack has no version");
    }
    progress(u, UPDATE_STEP_CHECK, 1.0);
    return out->ok && !out->cancelled;
}

void update_install_import(Updater *u, const char *built_path, int64_t base_version, UpdateResult *out)
{
    memset(out, 0, sizeof *out);
    out->installed_version = update_installed_version(u);
    out->pack_version = base_version;
    out->step = UPDATE_STEP_INSTALL;
    out->outcome = UPDATE_FAILED;
    log_write(u->config.log, LOG_INFO, "update", "installing the pack taken at the kiosk (base version %" PRId64 ")",
              base_version);
    progress(u, UPDATE_STEP_INSTALL, 0.0);
    (void)store_refresh(&u->store);
    static const uint8_t NO_HASH[STORE_HASH_BYTES] = {0};  /* no signature: its hash is not remembered */
    StoreStatus status = store_install_from(&u->store, built_path, base_version, NO_HASH, STORE_ORIGIN_KIOSK);
    if (status == STORE_ERR_DEGRADED) {
        const char *why = "";
        store_degraded(&u->store, &why);
        out->message = UPDATE_MSG_STATE_UNREADABLE;
        snprintf(out->detail, sizeof out->detail, "%s", why);
    } else if (status != STORE_OK) {
        int error = u->store.error;
        out->message = error == ENOSPC || error == EDQUOT ? UPDATE_MSG_DISK_FULL : UPDATE_MSG_STORAGE_ERROR;
        snprintf(out->detail, sizeof out->detail, "%s", strerror(error));
    } else {
        (void)fault_check(&u->config.fault, FAULT_AFTER_SWITCH);  /* past the commit point */
        progress(u, UPDATE_STEP_INSTALL, 1.0);
        out->outcome = UPDATE_OK;
        out->step = UPDATE_STEP_DONE;
        out->message = UPDATE_MSG_INSTALLED_AT_KIOSK;
    }
    update_log_result(u, "the kiosk", out);
}

/* The message for each reason a folder is not used (WATCH_USABLE has none). */
static const UpdateMessage IGNORED_MESSAGES[WATCH_REASON_COUNT] = {
    [WATCH_USABLE] = UPDATE_MSG_INTERNAL,
    [WATCH_DIR_SYMLINK] = UPDATE_MSG_DIR_SYMLINK,
    [WATCH_DIR_NOT_FOLDER] = UPDATE_MSG_DIR_NOT_FOLDER,
    [WATCH_DIR_UNREADABLE] = UPDATE_MSG_DIR_UNREADABLE,
    [WATCH_PACK_MISSING] = UPDATE_MSG_PACK_MISSING,
    [WATCH_PACK_SYMLINK] = UPDATE_MSG_PACK_SYMLINK,
    [WATCH_PACK_NOT_REGULAR] = UPDATE_MSG_PACK_NOT_REGULAR,
    [WATCH_SIG_MISSING] = UPDATE_MSG_SIG_MISSING,
    [WATCH_SIG_SYMLINK] = UPDATE_MSG_SIG_SYMLINK,
    [WATCH_SIG_NOT_REGULAR] = UPDATE_MSG_SIG_NOT_REGULAR,
};

/* A facts-kiosk folder that holds an edit/ folder: sources for the staff panel. */
static bool has_edit_folder(int dir_fd)
{
    struct stat st;
    return dir_fd >= 0 && fstatat(dir_fd, WATCH_EDIT_NAME, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode);
}

void update_ignore(Updater *u, const WatchFound *found, UpdateResult *out)
{
    /* Only a real folder with something wrong inside gets a report: a link
     * to a folder could land it anywhere, and the other reasons have no folder. */
    bool real_folder = found->reason >= WATCH_PACK_MISSING && found->reason < WATCH_REASON_COUNT;
    int dir_fd = real_folder ? fsio_open_dir(AT_FDCWD, found->dir) : -1;

    memset(out, 0, sizeof *out);
    out->outcome = UPDATE_REFUSED;
    out->step = UPDATE_STEP_FIND;
    out->installed_version = update_installed_version(u);
    out->size_cap = u->size_cap;
    if ((unsigned)found->reason < WATCH_REASON_COUNT) {
        out->message = IGNORED_MESSAGES[found->reason];
    } else {
        out->message = UPDATE_MSG_INTERNAL;
    }
    if (found->reason == WATCH_PACK_MISSING && !u->config.no_staff_import && has_edit_folder(dir_fd)) {
        out->message = UPDATE_MSG_EDIT_FOLDER;  /* outside the staff panel it changes nothing */
    }
    if (out->message == UPDATE_MSG_INTERNAL) {
        snprintf(out->detail, sizeof out->detail, "%.200s is usable; not ignored", found->dir);
    } else if (found->reason == WATCH_DIR_UNREADABLE) {
        snprintf(out->detail, sizeof out->detail, "%s", strerror(found->error ? found->error : EIO));
    }
    finish_report(u, found->dir, dir_fd, out);
    if (dir_fd >= 0) {
        close(dir_fd);
    }
}

static void load_keys(Updater *u)
{
    const UpdateConfig *c = &u->config;

    u->keys = c->key_count ? calloc(c->key_count, sizeof *u->keys) : NULL;
    if (u->keys == NULL) {
        return;
    }
    for (size_t i = 0; i < c->key_count; i++) {
        MinisignStatus status = minisign_key_read(c->trusted_key_paths[i], &u->keys[u->key_count]);
        if (status != MINISIGN_OK) {
            log_write(u->config.log, LOG_WARN, "update", "trusted key %s: %s; skipped", c->trusted_key_paths[i],
                    status == MINISIGN_ERR_MISSING ? "not found" : minisign_status_text(status));
            continue;
        }
        u->key_count++;
    }
}

Updater *update_create(const UpdateConfig *config)
{
    Updater *u = calloc(1, sizeof *u);

    if (u == NULL) {
        log_write(config->log, LOG_ERROR, "update", "out of memory");
        return NULL;
    }
    u->config = *config;
    u->state_dir = config->state_dir ? config->state_dir : UPDATE_DEFAULT_STATE_DIR;
    u->size_cap = config->size_cap ? config->size_cap : UPDATE_DEFAULT_SIZE_CAP;
    if (store_init(&u->store, u->state_dir, &u->config.fault, config->log) != STORE_OK) {
        update_destroy(u);
        return NULL;
    }
    update_recover(u);
    load_keys(u);
    if (u->key_count == 0) {
        log_write(u->config.log, LOG_WARN, "update", "no trusted key: every update will be refused");
    }
    watch_init(&u->watch, config->mount_roots, config->mount_root_count);
    if (config->url != NULL && config->url[0] != '\0' && !update_url_create(u)) {
        log_write(u->config.log, LOG_WARN, "update", "updates from %s are off", config->url);
    }
    return u;
}

void update_destroy(Updater *u)
{
    if (u == NULL) {
        return;
    }
    update_url_destroy(u);
    free(u->keys);
    free(u);
}

void update_recover(Updater *u)
{
    stage_discard(u->state_dir);
    store_recover(&u->store);
}

size_t update_key_count(const Updater *u)
{
    return u->key_count;
}

bool update_poll(Updater *u, WatchFound *found)
{
    return watch_poll(&u->watch, found);
}

bool update_active_path(const Updater *u, char *out, size_t out_size)
{
    return store_active_path(&u->store, out, out_size);
}

size_t update_candidates(const Updater *u, StoreCandidate *out, size_t max)
{
    return store_candidates(&u->store, out, max);
}

int64_t update_installed_version(const Updater *u)
{
    int64_t installed = store_installed_version(&u->store);
    return installed > u->config.bundled_version ? installed : u->config.bundled_version;
}

bool update_begin_trial(Updater *u)
{
    bool rolled_back = false;
    (void)store_begin_trial(&u->store, &rolled_back);
    return rolled_back;
}

bool update_refresh(Updater *u)
{
    return store_refresh(&u->store);
}

StoreStatus update_confirm(Updater *u)
{
    return store_confirm(&u->store);
}

bool update_active_failed(Updater *u, const char *why)
{
    return store_active_failed(&u->store, why);
}

StoreStatus update_rollback(Updater *u)
{
    return store_rollback(&u->store, "rolled back by hand");
}

const PackStore *update_store(const Updater *u)
{
    return &u->store;
}
