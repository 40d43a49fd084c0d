/* update_worker.c — one update attempt in a worker thread; see update_worker.h.
 * The thread runs worker_main(): update_run() or update_pull(), or a staff import's build or
 * install (import_job.h), with the worker's hooks, which post progress
 * into the mailbox (lock, progress, done) and read cancel from it. The main thread starts
 * it, reads the mailbox, and joins it once done (or on destroy, after asking to cancel). */
#define _POSIX_C_SOURCE 200809L
#include "app/update_worker.h"

#include "app/acceptance.h"
#include "app/import_job.h"
#include "posix/thread.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct UpdateWorker {
    Log *owner_log;         /* the main thread's */
    Fonts *owner_fonts;     /* the main thread's; shared per attempt */
    Log log;                /* the worker thread's, per attempt */
    Acceptance acceptance;  /* used by the worker thread only, while running */
    Updater *updater;
    char pack_dir[4096];    /* update_run's facts-kiosk folder, or an import's edit folder */
    UpdateWorkerJob job;
    char built_path[4096];  /* an import: the pack built (in the state directory); a copy: the pack copied */
    int64_t base_version;   /* an install: the built pack's version */
    Lang lang;              /* an import: the report's language */
    ImportBuild import;     /* an import's build: written by the thread, read after the join */
    UpdateResult result;    /* written by the thread, read after the join */
    pthread_t thread;
    bool running;           /* main thread: started and not joined yet */
    pthread_mutex_t lock;   /* the mailbox: */
    UpdateWorkerProgress progress;
    bool done;
    bool cancel;
};

static void post_progress(UpdateWorker *w, UpdateStep step, double fraction)
{
    pthread_mutex_lock(&w->lock);
    w->progress = (UpdateWorkerProgress){step, fraction < 0.0 ? 0.0 : fraction > 1.0 ? 1.0 : fraction};
    pthread_mutex_unlock(&w->lock);
}

static bool cancelled(UpdateWorker *w)
{
    pthread_mutex_lock(&w->lock);
    bool cancel = w->cancel;
    pthread_mutex_unlock(&w->lock);
    return cancel;
}

/* UpdateProgressFn: at each step and copied MiB. */
static void worker_progress(void *ctx, UpdateStep step, double fraction)
{
    post_progress(ctx, step, fraction);
}

/* AcceptanceProgressFn: after loading and after each image decoded. */
static bool worker_accept_progress(void *ctx, double fraction)
{
    UpdateWorker *w = ctx;
    post_progress(w, UPDATE_STEP_CHECK, fraction);
    return !cancelled(w);
}

/* UpdateAcceptFn: the kiosk's acceptance check, keeping the accepted pack loaded. */
static void worker_accept(void *ctx, const char *staged_path, UpdateAcceptResult *out)
{
    UpdateWorker *w = ctx;
    acceptance_check(&w->acceptance, staged_path, out);
}

/* FaultFn: the cancel point. Only before the install: a switch under way completes. */
static int worker_fault(void *ctx, FaultPoint point)
{
    static const bool CANCELLABLE[FAULT_POINT_COUNT] = {
        [FAULT_COPY_READ] = true,
        [FAULT_COPY_WRITE] = true,
        [FAULT_COPY_AFTER] = true,
        [FAULT_VERIFY_DURING] = true,
        [FAULT_ACCEPT_BEFORE] = true,
    };
    bool cancellable = (int)point >= 0 && point < FAULT_POINT_COUNT && CANCELLABLE[point];
    return cancellable && cancelled(ctx) ? ECANCELED : 0;
}

static void *worker_main(void *arg)
{
    UpdateWorker *w = arg;
    switch (w->job) {
    case UPDATE_JOB_PULL:
        update_pull(w->updater, &w->result);
        break;
    case UPDATE_JOB_IMPORT:
        import_job_build(w->updater, w->pack_dir, w->built_path, w->lang, &w->import);
        w->result.outcome = w->import.accepted ? UPDATE_OK : UPDATE_REFUSED;
        w->result.message = w->import.cancelled ? UPDATE_MSG_CANCELLED : UPDATE_MSG_NOT_ACCEPTED;
        w->result.pack_version = w->import.version;
        snprintf(w->result.summary, sizeof w->result.summary, "%s", w->import.summary);
        snprintf(w->result.detail, sizeof w->result.detail, "%s", w->import.why);
        break;
    case UPDATE_JOB_INSTALL:
        import_job_install(w->updater, w->pack_dir, w->built_path, w->base_version, w->lang, &w->result);
        break;
    case UPDATE_JOB_COPY:
        w->result.outcome = import_job_copy(w->pack_dir, w->built_path, w->result.detail, sizeof w->result.detail)
                                ? UPDATE_OK
                                : UPDATE_FAILED;
        break;
    case UPDATE_JOB_RUN:
    default:
        update_run(w->updater, w->pack_dir, &w->result);
        break;
    }
    if (w->result.outcome != UPDATE_OK) {
        content_unload(w->acceptance.content);
        w->acceptance.content = NULL;
    }
    pthread_mutex_lock(&w->lock);
    w->done = true;
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

/* Joins the thread and frees what the attempt used; the result and content stay. */
static void worker_join(UpdateWorker *w)
{
    pthread_join(w->thread, NULL);
    w->running = false;
    fonts_unload(w->acceptance.fonts);
    w->acceptance.fonts = NULL;
    log_destroy(&w->log);
}

UpdateWorker *update_worker_create(Log *log, Fonts *fonts)
{
    UpdateWorker *w = calloc(1, sizeof *w);
    if (!w) {
        return NULL;
    }
    if (pthread_mutex_init(&w->lock, NULL) != 0) {
        free(w);
        return NULL;
    }
    w->owner_log = log;
    w->owner_fonts = fonts;
    w->acceptance = (Acceptance){.log = &w->log, .progress = worker_accept_progress, .progress_ctx = w,
                                 .keep_content = true};
    return w;
}

void update_worker_destroy(UpdateWorker *w)
{
    if (!w) {
        return;
    }
    if (w->running) {
        update_worker_cancel(w);
        log_write(w->owner_log, LOG_INFO, "update", "stopping the update in progress");
        worker_join(w);
    }
    content_unload(w->acceptance.content);
    import_build_free(&w->import);
    pthread_mutex_destroy(&w->lock);
    free(w);
}

void update_worker_configure(UpdateWorker *w, UpdateConfig *config)
{
    config->accept = worker_accept;
    config->accept_ctx = w;
    config->progress = worker_progress;
    config->progress_ctx = w;
    config->fault = (FaultHook){worker_fault, w};
}

void update_worker_cancel(UpdateWorker *w)
{
    pthread_mutex_lock(&w->lock);
    w->cancel = w->running;
    pthread_mutex_unlock(&w->lock);
}

/* Starts a job: update_run(u, pack_dir), update_pull(u) (pack_dir NULL), or an import's
 * build or install of pack_dir's sources (w->built_path, w->lang, w->base_version set). */
static bool start(UpdateWorker *w, Updater *u, UpdateWorkerJob job, const char *pack_dir)
{
    const char *what = pack_dir != NULL ? pack_dir : "the update URL";
    if (w->running) {
        log_write(w->owner_log, LOG_WARN, "update", "an update is already running; %s waits", what);
        return false;
    }
    if (snprintf(w->pack_dir, sizeof w->pack_dir, "%s", pack_dir != NULL ? pack_dir : "") >= (int)sizeof w->pack_dir) {
        log_write(w->owner_log, LOG_ERROR, "update", "pack folder path too long: %s", pack_dir);
        return false;
    }
    w->job = job;
    import_build_free(&w->import);
    w->import = (ImportBuild){0};
    w->acceptance.fonts = fonts_share(w->owner_fonts);
    if (!w->acceptance.fonts) {
        log_write(w->owner_log, LOG_ERROR, "update", "out of memory starting the update");
        return false;
    }
    w->updater = u;
    w->result = (UpdateResult){0};
    w->progress = (UpdateWorkerProgress){UPDATE_STEP_FIND, 0.0};
    w->done = false;
    w->cancel = false;
    log_create(&w->log, w->owner_log->out, w->owner_log->level, w->owner_log->style);
    int error = thread_start(&w->thread, worker_main, w);
    if (error != 0) {
        log_write(w->owner_log, LOG_ERROR, "update", "cannot start the update thread: %s", strerror(error));
        fonts_unload(w->acceptance.fonts);
        w->acceptance.fonts = NULL;
        log_destroy(&w->log);
        return false;
    }
    w->running = true;
    return true;
}

bool update_worker_start(UpdateWorker *w, Updater *u, const char *pack_dir)
{
    return start(w, u, UPDATE_JOB_RUN, pack_dir);
}

bool update_worker_start_pull(UpdateWorker *w, Updater *u)
{
    return start(w, u, UPDATE_JOB_PULL, NULL);
}

/* An import's paths and language, before start() (not while a job runs: start refuses then). */
static bool set_import(UpdateWorker *w, const char *built_path, Lang lang)
{
    if (w->running) {
        log_write(w->owner_log, LOG_WARN, "import", "an update is running; the import waits");
        return false;
    }
    if (snprintf(w->built_path, sizeof w->built_path, "%s", built_path) >= (int)sizeof w->built_path) {
        log_write(w->owner_log, LOG_ERROR, "import", "path too long: %s", built_path);
        return false;
    }
    w->lang = lang;
    return true;
}

bool update_worker_start_import(UpdateWorker *w, Updater *u, const char *edit_dir, const char *built_path, Lang lang)
{
    return set_import(w, built_path, lang) && start(w, u, UPDATE_JOB_IMPORT, edit_dir);
}

bool update_worker_start_install(UpdateWorker *w, Updater *u, const char *edit_dir, const char *built_path,
                                 int64_t base_version, Lang lang)
{
    w->base_version = base_version;
    return set_import(w, built_path, lang) && start(w, u, UPDATE_JOB_INSTALL, edit_dir);
}

bool update_worker_start_copy(UpdateWorker *w, Updater *u, const char *kiosk_dir, const char *pack_path)
{
    return set_import(w, pack_path, LANG_EN) && start(w, u, UPDATE_JOB_COPY, kiosk_dir);
}

UpdateWorkerJob update_worker_job(const UpdateWorker *w)
{
    return w->job;
}

void update_worker_take_import(UpdateWorker *w, ImportBuild *out)
{
    *out = w->running ? (ImportBuild){0} : w->import;
    if (!w->running) {
        w->import = (ImportBuild){0};
    }
}

bool update_worker_busy(const UpdateWorker *w)
{
    return w->running;
}

UpdateWorkerProgress update_worker_progress(UpdateWorker *w)
{
    pthread_mutex_lock(&w->lock);
    UpdateWorkerProgress progress = w->progress;
    pthread_mutex_unlock(&w->lock);
    return progress;
}

bool update_worker_finish(UpdateWorker *w, UpdateResult *result, Content **content)
{
    if (!w->running) {
        return false;
    }
    pthread_mutex_lock(&w->lock);
    bool done = w->done;
    pthread_mutex_unlock(&w->lock);
    if (!done) {
        return false;
    }
    worker_join(w);
    *result = w->result;
    *content = w->acceptance.content;
    w->acceptance.content = NULL;
    return true;
}
