/* update_worker.h — updates off the render loop. One attempt at a time, a stick's
 * update_run() or a poll of the update URL (update_pull()), runs in a worker thread with its
 * own Log and its own Fonts (fonts_share) for the acceptance check;
 * it posts progress into a small mailbox that the main loop reads each frame, so the loop
 * keeps drawing and pinging the watchdog. The acceptance check keeps the accepted pack
 * loaded and hands it over with the result: the app shows it without reading it again.
 *
 * How the app uses it:
 *   UpdateWorker *w = update_worker_create(log, fonts);
 *   update_worker_configure(w, &config);       // the worker's accept, progress and cancel hooks
 *   Updater *u = update_create(&config);
 *   each frame: if (update_worker_busy(w)) { show update_worker_progress(w);
 *                   if (update_worker_finish(w, &result, &content)) show the result; }
 *               else if (update_poll(u, &found)) update_worker_start(w, u, found.dir);
               else if (update_pull_due(u, now)) update_worker_start_pull(w, u);
 *   update_worker_destroy(w);                  // cancels a running attempt, joins; then
 *   update_destroy(u);
 * While an attempt runs the worker owns the Updater: the main thread must not touch it
 * (not even update_poll) until update_worker_finish() returned true; during a URL poll it
 * may call update_poll() (update.h), and update_worker_cancel() when a stick arrives. All
 * functions are called from the main thread. */
#ifndef FACTS_APP_UPDATE_WORKER_H
#define FACTS_APP_UPDATE_WORKER_H

#include <stdbool.h>

#include "app/import_job.h"
#include "content/content.h"
#include "platform/log.h"
#include "render/fonts.h"
#include "update/update.h"

typedef struct UpdateWorker UpdateWorker;

/* The latest progress an attempt posted. */
typedef struct UpdateWorkerProgress {
    UpdateStep step;
    double fraction; /* within the step, in [0, 1] */
} UpdateWorkerProgress;

/* An idle worker. log (lines are written to its FILE from the worker thread through a Log
 * of the worker's own) and fonts (shared per attempt) must outlive it. NULL when out of
 * memory. */
UpdateWorker *update_worker_create(Log *log, Fonts *fonts);

/* Cancels a running attempt (it stops at its next step or copied MiB; an install already
 * under way completes), joins the thread and frees everything. NULL is a no-op. */
void update_worker_destroy(UpdateWorker *w);

/* Sets config's accept, progress and fault hooks (and their contexts) to the worker's, before
 * update_create(config). The fault hook is the cancel point: it fails the attempt with
 * ECANCELED before the install step once update_worker_destroy() asked to stop. */
void update_worker_configure(UpdateWorker *w, UpdateConfig *config);

/* Starts update_run(u, pack_dir, ...) in the worker thread. Returns false (logged) when an
 * attempt is already running or the thread cannot be started; then nothing runs. */
bool update_worker_start(UpdateWorker *w, Updater *u, const char *pack_dir);

/* Starts update_pull(u, ...) in the worker thread, like update_worker_start(). */
bool update_worker_start_pull(UpdateWorker *w, Updater *u);

/* What the worker runs (or ran last). */
typedef enum UpdateWorkerJob {
    UPDATE_JOB_RUN = 0,  /* update_run(): a stick's signed pack */
    UPDATE_JOB_PULL,     /* update_pull(): the update URL */
    UPDATE_JOB_IMPORT,   /* import_job_build(): a staff import's build and check */
    UPDATE_JOB_INSTALL,  /* import_job_install(): a built pack installed */
    UPDATE_JOB_COPY,     /* import_job_copy(): the pack shown, as a workbook onto a stick */
} UpdateWorkerJob;

/* Starts import_job_build(u, edit_dir, built_path, lang) in the worker thread: the staff's
 * sources on a stick built into built_path (in the state directory) and checked; like
 * update_worker_start() otherwise. At its end update_worker_finish() gives UPDATE_OK with the
 * accepted pack loaded (the preview's candidate) or UPDATE_REFUSED, and
 * update_worker_take_import() what the build found. */
bool update_worker_start_import(UpdateWorker *w, Updater *u, const char *edit_dir, const char *built_path, Lang lang);

/* Starts import_job_install(u, edit_dir, built_path, base_version, lang) in the worker
 * thread: update_worker_finish() then gives its UpdateResult (no content: the caller has the
 * candidate it previewed). */
bool update_worker_start_install(UpdateWorker *w, Updater *u, const char *edit_dir, const char *built_path,
                                 int64_t base_version, Lang lang);

/* Starts import_job_copy(kiosk_dir, pack_path) in the worker thread (u is not used, but
 * the worker owns it meanwhile, as for every job): update_worker_finish() then gives
 * UPDATE_OK, or UPDATE_FAILED with the reason in result.detail. */
bool update_worker_start_copy(UpdateWorker *w, Updater *u, const char *kiosk_dir, const char *pack_path);

/* The job started last. */
UpdateWorkerJob update_worker_job(const UpdateWorker *w);

/* After update_worker_finish() of an import: moves what the build found into *out (the
 * caller frees it with import_build_free); zeroed while a job runs or when taken already. */
void update_worker_take_import(UpdateWorker *w, ImportBuild *out);

/* Asks the running attempt to stop at its next cancel point (a download stops within about a
 * second; an install under way completes); it then ends as usual, with UPDATE_MSG_CANCELLED,
 * and update_worker_finish() takes it. No-op when none runs. */
void update_worker_cancel(UpdateWorker *w);

/* True from a successful update_worker_start() until update_worker_finish() returned true. */
bool update_worker_busy(const UpdateWorker *w);

/* The latest progress of the running attempt ({UPDATE_STEP_FIND, 0} when none was posted). */
UpdateWorkerProgress update_worker_progress(UpdateWorker *w);

/* When the attempt has ended: joins the thread, fills *result and returns true; *content is
 * the installed pack, loaded once by the acceptance check (the caller owns it), on
 * UPDATE_OK, else NULL. Returns false while the attempt still runs (or none was started). */
bool update_worker_finish(UpdateWorker *w, UpdateResult *result, Content **content);

#endif
