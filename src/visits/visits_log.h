/* visits_log.h — recording anonymous visitor statistics, in batches.
 *
 * A session is one visitor: from the touch that leaves the attract loop to the return to it
 * (idle timeout or Back). Within it the log notes each page viewed (what, in which language,
 * for how long), and counts searches, read-aloud uses and leads left — never what was
 * typed, said or left. Events gather in memory and reach the database in one transaction
 * per visits_log_flush(): the app flushes every flush_interval_ms, after a session ends
 * (when the screen is at rest) and at exit, so the SD card sees a few writes an hour.
 * After each batch the oldest days are dropped beyond keep_days days with statistics, and
 * while the database is bigger than max_bytes (then today's batch alone over the cap is
 * dropped, VISITS_ERR_FULL).
 *
 *   VisitsLog *log = visits_log_open(path, NULL, why, sizeof why);
 *   visits_session_begin(log, t, LANG_EN);
 *   visits_page_view(log, t, VISITS_ITEM_MEMBER, "example-brand", "Example Brand", LANG_EN);
 *   visits_read_aloud(log, t);
 *   visits_session_end(log, t);
 *   if (visits_log_flush_due(log, t.mono_ms)) visits_log_flush(log);
 *   visits_log_close(log);       // flushes what is left
 *
 * Every event function is a no-op on a NULL log (statistics off or unavailable) and never
 * fails: a full batch is flushed early, and when that fails the oldest events wait and new
 * ones beyond VISITS_BATCH_HARD_MAX are dropped (counted in visits_log_dropped()). One
 * thread calls a VisitsLog's functions; with visits_log_use_writer_thread() the writing happens in
 * a thread of the log's own. */
#ifndef FACTS_VISITS_VISITS_LOG_H
#define FACTS_VISITS_VISITS_LOG_H

#include "core/lang.h"
#include "visits/visits_db.h"
#include "visits/visits_time.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
    VISITS_DEFAULT_FLUSH_MS = 5 * 60 * 1000,
    VISITS_DEFAULT_KEEP_DAYS = 90,
    VISITS_DEFAULT_BATCH = 512,       /* events before an early flush */
    VISITS_BATCH_HARD_MAX = 4096,     /* events held while flushes fail */
};
#define VISITS_DEFAULT_MAX_BYTES (16ull * 1024 * 1024)

typedef struct VisitsConfig {
    uint32_t flush_interval_ms; /* 0: VISITS_DEFAULT_FLUSH_MS */
    uint32_t keep_days;         /* days with statistics kept; 0: VISITS_DEFAULT_KEEP_DAYS */
    uint64_t max_bytes;         /* 0: VISITS_DEFAULT_MAX_BYTES */
    uint32_t batch_events;      /* 0: VISITS_DEFAULT_BATCH */
} VisitsConfig;

typedef struct VisitsLog VisitsLog;

/* Opens or creates the database at path (visits_db_open_write); config NULL: defaults.
 * NULL on failure, with why saying what went wrong (the kiosk then records nothing). */
VisitsLog *visits_log_open(const char *path, const VisitsConfig *config, char *why, size_t why_size);

/* Flushes what is left (an open session keeps the length up to its last event) and closes.
 * NULL is a no-op. */
void visits_log_close(VisitsLog *log);

/* A visitor starts (the first touch after the attract loop), in lang. A session still
 * open is ended first at the same time. */
void visits_session_begin(VisitsLog *log, VisitsTime at, Lang lang);

/* The session shows a page: the page before it ends here (its dwell time is now minus when
 * it appeared). key and title are copied (title cut to VISITS_TITLE_MAX at a character,
 * key to VISITS_KEY_MAX); NULL counts as "". Ignored outside a session (the attract loop
 * is nobody's visit) and when it is the page already shown in the same language. */
void visits_page_view(VisitsLog *log, VisitsTime at, VisitsItemKind kind, const char *key, const char *title,
                      Lang lang);

/* Counts one search, read-aloud use or lead, in the session open (or on its own). */
void visits_event(VisitsLog *log, VisitsTime at, VisitsEventKind kind);
/* The same, by name: what other parts of the kiosk call. */
void visits_search_made(VisitsLog *log, VisitsTime at);
void visits_read_aloud(VisitsLog *log, VisitsTime at);
void visits_lead_left(VisitsLog *log, VisitsTime at);

/* The visitor is gone (idle return, Back to the attract loop): the last page and the
 * session end at `at`; its language is the one its last page was shown in. No-op when no
 * session is open. */
void visits_session_end(VisitsLog *log, VisitsTime at);

/* True when a session is open. */
bool visits_session_is_open(const VisitsLog *log);

/* True when visits_log_flush() should run: events wait and the oldest is flush_interval_ms
 * old, a session ended since the last flush, or the batch is full. */
bool visits_log_flush_due(const VisitsLog *log, uint64_t mono_ms);

/* Writes the waiting events in one transaction, then applies the retention bounds.
 * VISITS_OK: the batch is empty now. VISITS_ERR_BUSY / VISITS_ERR_IO: nothing was written,
 * the batch waits for the next call. VISITS_ERR_FULL: today alone is over max_bytes; the
 * batch was dropped. NULL log: VISITS_OK.
 * With a writer thread (visits_log_use_writer_thread) it hands the batch over and returns at once:
 * VISITS_ERR_BUSY while the previous batch is still being written (this one waits), else the
 * outcome of the thread's previous write (a batch whose write failed goes again with this
 * one, in order). */
VisitsStatus visits_log_flush(VisitsLog *log);

/* From now on the log writes from a thread of its own, so that a flush never waits for the
 * SD card (fsync can take a tenth of a second). The thread has no stop of its own:
 * visits_log_close() lets it finish and joins it. False when the thread cannot start: flushes then stay synchronous. */
bool visits_log_use_writer_thread(VisitsLog *log);

/* True while the writer thread has a batch to write or is writing one. */
bool visits_log_writing(VisitsLog *log);

/* Events waiting in memory. */
size_t visits_log_pending(const VisitsLog *log);

/* Events dropped since open (batch over VISITS_BATCH_HARD_MAX, or a batch over the cap). */
uint64_t visits_log_dropped(VisitsLog *log);

/* The database, for reading in the log's thread (tests); NULL while a writer thread runs.
 * Owned by the log. */
sqlite3 *visits_log_db(VisitsLog *log);

#endif
