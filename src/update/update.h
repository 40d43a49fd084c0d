/* update.h — installing a content pack from a USB stick or a web server, one attempt at a time.
 * The pipeline: find (watch.h) or fetch the signature (pull.h) → stage a bounded, hashed
 * copy (stage.h: copied from the stick, or received from the server) → check the minisign
 * signature (minisign.h) → version must be newer → the app's acceptance callback (hardened
 * open, validation, off-screen render) → install into the inactive slot and switch
 * atomically (store.h). The stick and the URL share every step after staging. On any
 * failure the active pack is untouched and the result says why, as a message
 * ID with parameters (translatable) plus English text from update_message_en().
 * The result is also written to the stick as facts-kiosk/update-report.txt
 * when it is writable, and every attempt is logged ("update: ...").
 *
 * How the app uses it:
 *   Updater *u = update_create(&config);        // startup: recovers leftovers
 *   update_begin_trial(u, ...);                  // a pending pack: this start is a try
 *   update_candidates(u, ...): load the best that loads, compare with the bundled
 *       pack, show the newest; a pending one that fails: update_active_failed(u) and
 *       ask again; once the shown pending pack has run healthy a while, update_confirm(u);
 *   every 1-2 s: update_refresh(u) (another process changed the store: choose again);
 *       if (update_poll(u, &found)) {
 *           if (found.reason != WATCH_USABLE) { update_ignore(u, &found, &result); show why; }
 *           else { update_run(u, found.dir, &result);
 *                  if (result.outcome == UPDATE_OK) swap to update_active_path(); } }
 *       else if (update_pull_due(u, now)) { update_pull(u, &result); update_pull_done(u, &result, now);
 *                  show the result unless result.quiet; }
 *   `pack rollback`: update_rollback(u);
 *   update_destroy(u);
 * update_run() and update_pull() block; they call config.progress from the caller's thread
 * (at most once per copied MiB or received chunk, and once per step): the kiosk runs them
 * in a worker thread (app/update_worker.h). Start reading with UpdateConfig and update_run(). */
#ifndef FACTS_UPDATE_UPDATE_H
#define FACTS_UPDATE_UPDATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/lang.h"
#include "core/ui_text.h"
#include "store/store.h"
#include "update/update_types.h"
#include "update/watch.h"


/* Startup: opens (creating, mode 0700) the state directory, cleans up after a
 * crash (update_recover), loads the trusted keys (a key that cannot be read is
 * logged and skipped) and starts watching the mount roots. config and every
 * string it points to must outlive the Updater. Returns NULL (logged) when
 * the state directory is unusable: the app then shows the bundled pack and
 * cannot update. */
Updater *update_create(const UpdateConfig *config);

/* Frees u. NULL is a no-op. Nothing on disk changes. */
void update_destroy(Updater *u);

/* Removes leftovers of an interrupted attempt: staged copies, temp pointer,
 * unreferenced slot files, SQLite companions. update_create() calls it. */
void update_recover(Updater *u);

/* Number of trusted keys that loaded. */
size_t update_key_count(const Updater *u);

/* Cheap look for a newly inserted stick (see watch_poll). Returns true and
 * fills *found once per new facts-kiosk folder; then, when found->reason is
 * WATCH_USABLE, call update_run(u, found->dir, ...), else update_ignore().
 * It touches only the watcher, which update_pull() never uses: another thread may call
 * it while update_pull() runs (so a stick can cut a download short), but not while
 * update_run() or update_ignore() does. */
bool update_poll(Updater *u, WatchFound *found);

/* One attempt at installing pack_dir/content.db (pack_dir is a facts-kiosk
 * folder; it is opened once, refusing a symlink, and everything in it is
 * opened relative to that). Fills *out; never leaves the active pack broken. */
void update_run(Updater *u, const char *pack_dir, UpdateResult *out);

/* The acceptance check of a pack built at the kiosk (built_path, in the state directory),
 * the same as an update's (config.accept: hardened open, validation, test render), after
 * the fault hook's FAULT_ACCEPT_BEFORE (ECANCELED: out->cancelled). Fills *out; true when
 * accepted. Nothing is installed or remembered. */
bool update_check_import(Updater *u, const char *built_path, UpdateAcceptResult *out);

/* Posts progress through config.progress (a job of the kiosk's update worker that is not
 * one of this pipeline's attempts: the staff import's build). */
void update_post_progress(const Updater *u, UpdateStep step, double fraction);

/* Installs a pack built at the kiosk from a stick's sources under the staff PIN (the
 * staff import, app/update_worker.h): built_path is a file in the state directory
 * (STORE_IMPORT_NAME) that already passed the acceptance check. No signature and no version
 * rule: it is installed whatever its version, which the store keeps as its base
 * (STORE_ORIGIN_KIOSK), pending like any update, so a start that fails rolls it back and
 * `pack rollback` works on it. Fills *out (UPDATE_MSG_INSTALLED_AT_KIOSK, or a storage
 * message); the file is moved into a slot on success and left where it is otherwise. No
 * report is written anywhere (the caller writes the stick's). Blocks like update_run(). */
void update_install_import(Updater *u, const char *built_path, int64_t base_version, UpdateResult *out);

/* True when a URL is configured (update_pull can be used). */
bool update_pull_enabled(const Updater *u);

/* True when a poll of the URL is due at now_ms (CLOCK_MONOTONIC milliseconds, as
 * clock_now_ms()): UPDATE_FIRST_PULL_MS after the first call, then as update_pull_done()
 * scheduled it. Cheap; false when no URL is configured. */
bool update_pull_due(Updater *u, uint64_t now_ms);

/* Polls at least every seconds from now on (0: url_poll_seconds alone, as configured): the
 * interval becomes the shorter of the two, and after an answer the next poll comes within
 * it (a fifth earlier at most, to spread kiosks out), never later; a poll scheduled later than
 * the new interval from now_ms is brought forward. The kiosk caps it at
 * UPDATE_EVENT_DAY_POLL_SECONDS on a day its pack has an event, so a schedule changed during
 * the day is on screen within about a minute. Logged when it changes; no-op without a URL. */
void update_pull_cap_interval(Updater *u, int seconds, uint64_t now_ms);

/* One poll of the URL: GETs content.db.minisig, conditionally (If-None-Match /
 * If-Modified-Since with what the server said last time, kept in the state directory), and
 * only when it changed, and the pack it signs is not the installed one, GETs content.db into
 * staging; then the same checks and install as update_run(). Fills *out (source
 * UPDATE_SOURCE_URL): UPDATE_UNCHANGED when there is nothing new; UPDATE_FAILED with
 * UPDATE_MSG_UNREACHABLE or _DOWNLOAD_FAILED (quiet) when the server is away, slow or cuts
 * the download short; an outcome about the pack (installed, refused) once per pack: the
 * next polls find it unchanged. A refusal because the two files did not match (a pack
 * published between the two uploads) looks at content.db again each poll (conditionally)
 * until it changes. Never leaves the active pack broken. */
void update_pull(Updater *u, UpdateResult *out);

/* After update_pull(): schedules the next poll from now_ms: the poll interval (give or take
 * a tenth, so that kiosks switched on together spread out) after an answer, or after a
 * failure UPDATE_RETRY_FIRST_MS, doubling with each failure in a row, at most the interval.
 * A cancelled attempt is tried again UPDATE_FIRST_PULL_MS later. */
void update_pull_done(Updater *u, const UpdateResult *result, uint64_t now_ms);

/* A folder update_poll() found but that cannot be used (found->reason is not
 * WATCH_USABLE): fills *out with the reason (outcome UPDATE_REFUSED, step
 * UPDATE_STEP_FIND, message UPDATE_MSG_DIR_SYMLINK, _PACK_MISSING, ...; show
 * it with update_message()), logs it, and writes it to the folder's
 * update-report.txt when the folder is a real folder (not a symlink) and
 * writable. Cheap: no copy, no progress callbacks; call it from the loop. */
void update_ignore(Updater *u, const WatchFound *found, UpdateResult *out);

/* The active installed pack's path (true), or false: use the bundled pack. */
bool update_active_path(const Updater *u, char *out, size_t out_size);

/* The installed packs the app may show, best first (see store_candidates). */
size_t update_candidates(const Updater *u, StoreCandidate *out, size_t max);

/* The version an update must beat: the newest of the active installed pack and
 * config.bundled_version. */
int64_t update_installed_version(const Updater *u);

/* At start: a pending pack counts this start as a try; after STORE_MAX_TRIES it
 * is rolled back (returns true: it was). */
bool update_begin_trial(Updater *u);

/* True when another process changed the store since it was last read (e.g.
 * `pack rollback` from a shell): the app should choose its pack again. */
bool update_refresh(Updater *u);

/* The shown pack has been on screen and healthy for a while: it stays. */
StoreStatus update_confirm(Updater *u);

/* The app failed to load the active pack (why: the loader's reason): a pending
 * one is rolled back and refused (returns true; ask update_candidates() again). */
bool update_active_failed(Updater *u, const char *why);

/* `pack rollback`: back to the previous pack, or to the bundled one. */
StoreStatus update_rollback(Updater *u);

/* The store, for inspection (tests, status). */
const PackStore *update_store(const Updater *u);

/* English text of a result ("Not installed: signature is not from a trusted
 * key"), written into out. Returns the length it needed (snprintf-style). */
int update_message_en(const UpdateResult *result, char *out, size_t out_size);

/* The same message in lang (en, sr-Latn, sr-Cyrl), for the kiosk's overlay. */
int update_message(const UpdateResult *result, Lang lang, char *out, size_t out_size);

/* Stable identifier of a message for translation tables ("sig-unknown-key"). */
const char *update_message_id(UpdateMessage message);

/* "find", "copy", "verify", "check", "install", "done". */
const char *update_step_name(UpdateStep step);

/* What the overlay says during a step ("Copying the new content…"), in the kiosk's words. */
UiText update_step_text(UpdateStep step);

/* What the overlay says during a step of an attempt from source ("Downloading the new
 * content…" for the URL's copy step). */
UiText update_source_step_text(UpdateSource source, UpdateStep step);

/* "stick", "url". */
const char *update_source_name(UpdateSource source);

/* "ok", "refused", "failed", "unchanged". */
const char *update_outcome_name(UpdateOutcome outcome);

#endif
