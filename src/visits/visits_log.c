/* visits_log.c — the in-memory batch and its flush; see visits_log.h.
 * The session and the page on screen live in the log (begin, view, end only touch memory);
 * finished pieces become Records in the batch, and visits_log_flush() replays the batch into
 * SQL in one transaction, then trims old days (retain()). Start at visits_log_flush(). */
#define _POSIX_C_SOURCE 200809L
#include "visits/visits_log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum RecordKind {
    RECORD_BEGIN = 0, /* a session began at `at` in lang */
    RECORD_PAGE,      /* a page shown at `at` (offset_ms into its session) for value_ms */
    RECORD_EVENT,     /* a search, read-aloud or lead at `at` */
    RECORD_END,       /* the session lasted value_ms and ended in lang */
} RecordKind;

typedef struct Record {
    RecordKind kind;
    VisitsTime at;
    uint32_t offset_ms;
    uint32_t value_ms;
    VisitsItemKind item_kind;
    VisitsEventKind event_kind;
    Lang lang;
    char key[VISITS_KEY_MAX];
    char title[VISITS_TITLE_MAX];
} Record;

typedef enum Statement {
    STMT_SESSION = 0,
    STMT_ITEM_ADD,
    STMT_ITEM_FIND,
    STMT_PAGE,
    STMT_EVENT,
    STMT_SESSION_END,
    STMT_COUNT
} Statement;

static const char *const STATEMENT_SQL[STMT_COUNT] = {
    [STMT_SESSION] = "INSERT INTO session(day, start_s, started_at, utc_offset, length_ms, lang) VALUES(?,?,?,?,0,?)",
    [STMT_ITEM_ADD] = "INSERT OR IGNORE INTO item(kind, key, title) VALUES(?,?,?)",
    [STMT_ITEM_FIND] = "SELECT id FROM item WHERE kind = ? AND key = ? AND title = ?",
    [STMT_PAGE] = "INSERT INTO page_view(session, seq, item, lang, at_ms, dwell_ms) VALUES(?,?,?,?,?,?)",
    [STMT_EVENT] = "INSERT INTO event(session, day, time_s, kind) VALUES(?,?,?,?)",
    [STMT_SESSION_END] = "UPDATE session SET length_ms = ?, lang = ? WHERE id = ?",
};

static const char *const ITEM_KIND_NAMES[VISITS_ITEM_KIND_COUNT] = {
    [VISITS_ITEM_PAGE] = "page",
    [VISITS_ITEM_MEMBER] = "member",
    [VISITS_ITEM_STORY] = "story",
    [VISITS_ITEM_TEXT] = "text",
};

static const char *const EVENT_KIND_NAMES[VISITS_EVENT_KIND_COUNT] = {
    [VISITS_EVENT_SEARCH] = "search",
    [VISITS_EVENT_READ_ALOUD] = "read_aloud",
    [VISITS_EVENT_LEAD] = "lead",
};

struct VisitsLog {
    sqlite3 *db;
    sqlite3_stmt *stmt[STMT_COUNT];
    VisitsConfig config;
    Record *batch;
    size_t count;
    size_t capacity;
    uint64_t first_pending_ms; /* mono time of the oldest record waiting */
    bool ended_since_flush;
    uint64_t dropped;
    /* The session on screen. */
    bool in_session;
    VisitsTime session_start;
    VisitsTime last_activity;
    bool page_open;
    Record page; /* the page on screen, value_ms not known yet */
    Lang lang;   /* of the page last shown */
    /* The database's side: the session row being written (0: none, or not recorded). */
    int64_t db_session;
    int64_t db_seq;
};

static uint32_t span_ms(uint64_t from, uint64_t to)
{
    uint64_t span = to > from ? to - from : 0;
    return span > UINT32_MAX ? UINT32_MAX : (uint32_t)span;
}

/* Copies at most size - 1 bytes of src, never cutting a UTF-8 sequence in two. */
static void copy_text(char *dst, size_t size, const char *src)
{
    size_t length = src ? strlen(src) : 0;
    if (length >= size) {
        length = size - 1;
        while (length > 0 && ((unsigned char)src[length] & 0xC0) == 0x80) {
            length--;
        }
    }
    if (length) {
        memcpy(dst, src, length);
    }
    dst[length] = '\0';
}

static void note_activity(VisitsLog *log, VisitsTime at)
{
    if (at.mono_ms >= log->last_activity.mono_ms) {
        log->last_activity = at;
    }
}

static void push(VisitsLog *log, const Record *record)
{
    if (log->count == log->capacity) {
        size_t grown = log->capacity * 2;
        Record *bigger = grown <= VISITS_BATCH_HARD_MAX ? realloc(log->batch, grown * sizeof *bigger) : NULL;
        if (!bigger) {
            log->dropped++;
            return;
        }
        log->batch = bigger;
        log->capacity = grown;
    }
    if (log->count == 0) {
        log->first_pending_ms = record->at.mono_ms;
    }
    log->batch[log->count++] = *record;
    if (log->count >= log->config.batch_events) {
        /* A full batch goes now; if it cannot, it keeps growing up to the hard limit. */
        visits_log_flush(log);
    }
}

VisitsLog *visits_log_open(const char *path, const VisitsConfig *config, char *why, size_t why_size)
{
    VisitsLog *log = calloc(1, sizeof *log);
    if (!log) {
        snprintf(why, why_size, "out of memory");
        return NULL;
    }
    log->config = config ? *config : (VisitsConfig){0};
    VisitsConfig *c = &log->config;
    c->flush_interval_ms = c->flush_interval_ms ? c->flush_interval_ms : VISITS_DEFAULT_FLUSH_MS;
    c->keep_days = c->keep_days ? c->keep_days : VISITS_DEFAULT_KEEP_DAYS;
    c->max_bytes = c->max_bytes ? c->max_bytes : VISITS_DEFAULT_MAX_BYTES;
    c->batch_events = c->batch_events ? c->batch_events : VISITS_DEFAULT_BATCH;
    c->batch_events = c->batch_events > VISITS_BATCH_HARD_MAX ? VISITS_BATCH_HARD_MAX : c->batch_events;
    log->capacity = 64;
    log->batch = malloc(log->capacity * sizeof *log->batch);
    if (!log->batch) {
        snprintf(why, why_size, "out of memory");
        goto fail;
    }
    if (visits_db_open_write(path, &log->db, why, why_size) != VISITS_OK) {
        goto fail;
    }
    for (int i = 0; i < STMT_COUNT; i++) {
        if (sqlite3_prepare_v3(log->db, STATEMENT_SQL[i], -1, SQLITE_PREPARE_PERSISTENT, &log->stmt[i], NULL) !=
            SQLITE_OK) {
            snprintf(why, why_size, "%s: %s", path, sqlite3_errmsg(log->db));
            goto fail;
        }
    }
    return log;
fail:
    visits_log_close(log);
    return NULL;
}

static void end_page(VisitsLog *log, VisitsTime at)
{
    if (!log->page_open) {
        return;
    }
    log->page.value_ms = span_ms(log->page.at.mono_ms, at.mono_ms);
    log->page_open = false;
    push(log, &log->page);
}

void visits_session_end(VisitsLog *log, VisitsTime at)
{
    if (!log || !log->in_session) {
        return;
    }
    note_activity(log, at);
    end_page(log, at);
    Record end = {.kind = RECORD_END, .at = at, .lang = log->lang,
                  .value_ms = span_ms(log->session_start.mono_ms, at.mono_ms)};
    log->in_session = false;
    log->ended_since_flush = true;
    push(log, &end);
}

void visits_session_begin(VisitsLog *log, VisitsTime at, Lang lang)
{
    if (!log) {
        return;
    }
    visits_session_end(log, at);
    log->in_session = true;
    log->session_start = at;
    log->last_activity = at;
    log->lang = lang;
    Record begin = {.kind = RECORD_BEGIN, .at = at, .lang = lang};
    push(log, &begin);
}

void visits_page_view(VisitsLog *log, VisitsTime at, VisitsItemKind kind, const char *key, const char *title,
                      Lang lang)
{
    if (!log || !log->in_session || (unsigned)kind >= VISITS_ITEM_KIND_COUNT) {
        return;
    }
    note_activity(log, at);
    char key_copy[VISITS_KEY_MAX];
    copy_text(key_copy, sizeof key_copy, key);
    if (log->page_open && log->page.item_kind == kind && strcmp(log->page.key, key_copy) == 0) {
        log->page.lang = lang; /* the same page in another language: one view */
        log->lang = lang;
        return;
    }
    end_page(log, at);
    log->page = (Record){.kind = RECORD_PAGE, .at = at, .item_kind = kind, .lang = lang,
                         .offset_ms = span_ms(log->session_start.mono_ms, at.mono_ms)};
    memcpy(log->page.key, key_copy, sizeof key_copy);
    copy_text(log->page.title, sizeof log->page.title, title);
    log->page_open = true;
    log->lang = lang;
}

void visits_event(VisitsLog *log, VisitsTime at, VisitsEventKind kind)
{
    if (!log || (unsigned)kind >= VISITS_EVENT_KIND_COUNT) {
        return;
    }
    if (log->in_session) {
        note_activity(log, at);
    }
    Record event = {.kind = RECORD_EVENT, .at = at, .event_kind = kind};
    push(log, &event);
}

void visits_search_made(VisitsLog *log, VisitsTime at)
{
    visits_event(log, at, VISITS_EVENT_SEARCH);
}

void visits_read_aloud(VisitsLog *log, VisitsTime at)
{
    visits_event(log, at, VISITS_EVENT_READ_ALOUD);
}

void visits_lead_left(VisitsLog *log, VisitsTime at)
{
    visits_event(log, at, VISITS_EVENT_LEAD);
}

bool visits_session_open(const VisitsLog *log)
{
    return log && log->in_session;
}

bool visits_log_flush_due(const VisitsLog *log, uint64_t mono_ms)
{
    if (!log || log->count == 0) {
        return false;
    }
    return log->ended_since_flush || log->count >= log->config.batch_events ||
           mono_ms >= log->first_pending_ms + log->config.flush_interval_ms;
}

size_t visits_log_pending(const VisitsLog *log)
{
    return log ? log->count : 0;
}

uint64_t visits_log_dropped(const VisitsLog *log)
{
    return log ? log->dropped : 0;
}

sqlite3 *visits_log_db(VisitsLog *log)
{
    return log ? log->db : NULL;
}

/* Runs a prepared statement to its end; true on success. Leaves it reset. */
static bool run(sqlite3_stmt *stmt)
{
    int rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    return rc == SQLITE_DONE;
}

static bool exec(sqlite3 *db, const char *sql)
{
    return sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK;
}

/* The item's row, added when new. 0 on failure. */
static int64_t item_id(VisitsLog *log, const Record *r)
{
    for (int step = STMT_ITEM_ADD; step <= STMT_ITEM_FIND; step++) {
        sqlite3_stmt *stmt = log->stmt[step];
        sqlite3_bind_text(stmt, 1, ITEM_KIND_NAMES[r->item_kind], -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 2, r->key, -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 3, r->title, -1, SQLITE_STATIC);
    }
    if (!run(log->stmt[STMT_ITEM_ADD])) {
        return 0;
    }
    sqlite3_stmt *find = log->stmt[STMT_ITEM_FIND];
    int64_t id = sqlite3_step(find) == SQLITE_ROW ? sqlite3_column_int64(find, 0) : 0;
    sqlite3_reset(find);
    sqlite3_clear_bindings(find);
    return id;
}

/* One record into SQL; true on success. A page or end of a session that was not
 * recorded (its batch dropped over the cap) is skipped. */
static bool write_record(VisitsLog *log, const Record *r)
{
    char day[VISITS_DAY_SIZE];
    visits_time_day(r->at, day);
    sqlite3_stmt *stmt = NULL;
    switch (r->kind) {
    case RECORD_BEGIN:
        stmt = log->stmt[STMT_SESSION];
        sqlite3_bind_text(stmt, 1, day, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(stmt, 2, visits_time_of_day_s(r->at));
        sqlite3_bind_int64(stmt, 3, r->at.wall_s);
        sqlite3_bind_int(stmt, 4, r->at.utc_offset_s);
        sqlite3_bind_text(stmt, 5, lang_tag(r->lang), -1, SQLITE_STATIC);
        if (!run(stmt)) {
            return false;
        }
        log->db_session = sqlite3_last_insert_rowid(log->db);
        log->db_seq = 0;
        return true;
    case RECORD_PAGE: {
        if (!log->db_session) {
            return true;
        }
        int64_t item = item_id(log, r);
        if (!item) {
            return false;
        }
        stmt = log->stmt[STMT_PAGE];
        sqlite3_bind_int64(stmt, 1, log->db_session);
        sqlite3_bind_int64(stmt, 2, log->db_seq++);
        sqlite3_bind_int64(stmt, 3, item);
        sqlite3_bind_text(stmt, 4, lang_tag(r->lang), -1, SQLITE_STATIC);
        sqlite3_bind_int64(stmt, 5, r->offset_ms);
        sqlite3_bind_int64(stmt, 6, r->value_ms);
        return run(stmt);
    }
    case RECORD_EVENT:
        stmt = log->stmt[STMT_EVENT];
        if (log->db_session) {
            sqlite3_bind_int64(stmt, 1, log->db_session);
        }
        sqlite3_bind_text(stmt, 2, day, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(stmt, 3, visits_time_of_day_s(r->at));
        sqlite3_bind_text(stmt, 4, EVENT_KIND_NAMES[r->event_kind], -1, SQLITE_STATIC);
        return run(stmt);
    case RECORD_END:
        if (!log->db_session) {
            return true;
        }
        stmt = log->stmt[STMT_SESSION_END];
        sqlite3_bind_int64(stmt, 1, r->value_ms);
        sqlite3_bind_text(stmt, 2, lang_tag(r->lang), -1, SQLITE_STATIC);
        sqlite3_bind_int64(stmt, 3, log->db_session);
        bool ok = run(stmt);
        log->db_session = 0; /* events after it are on their own until the next session */
        return ok;
    }
    return false;
}

/* A session still open keeps its length up to its last event, should the kiosk stop. */
static bool write_open_session(VisitsLog *log)
{
    if (!log->in_session || !log->db_session) {
        return true;
    }
    sqlite3_stmt *stmt = log->stmt[STMT_SESSION_END];
    sqlite3_bind_int64(stmt, 1, span_ms(log->session_start.mono_ms, log->last_activity.mono_ms));
    sqlite3_bind_text(stmt, 2, lang_tag(log->lang), -1, SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 3, log->db_session);
    return run(stmt);
}

/* A query for one day: parameter text (or, when NULL, number); *out is "" without a row. */
static bool day_query(sqlite3 *db, const char *sql, const char *text, int64_t number, char out[VISITS_DAY_SIZE])
{
    sqlite3_stmt *stmt = NULL;
    out[0] = '\0';
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK) {
        return false;
    }
    if (sqlite3_bind_parameter_count(stmt) > 0) {
        if (text) {
            sqlite3_bind_text(stmt, 1, text, -1, SQLITE_STATIC);
        } else {
            sqlite3_bind_int64(stmt, 1, number);
        }
    }
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW && sqlite3_column_type(stmt, 0) == SQLITE_TEXT) {
        copy_text(out, VISITS_DAY_SIZE, (const char *)sqlite3_column_text(stmt, 0));
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/* The first day with statistics (after `after` when not NULL) into out; "" when none.
 * False on error. */
static bool first_day(sqlite3 *db, const char *after, char out[VISITS_DAY_SIZE])
{
    static const char *const SQL[] = {
        "SELECT min(day) FROM (SELECT day FROM session UNION SELECT day FROM event)",
        "SELECT min(day) FROM (SELECT day FROM session UNION SELECT day FROM event) WHERE day > ?",
    };
    return day_query(db, SQL[after != NULL], after, 0, out);
}

/* The newest-but-`skip` day with statistics into out; "" when there are not that many. */
static bool newest_day(sqlite3 *db, int64_t skip, char out[VISITS_DAY_SIZE])
{
    return day_query(db,
                     "SELECT day FROM (SELECT day FROM session UNION SELECT day FROM event) "
                     "ORDER BY day DESC LIMIT 1 OFFSET ?",
                     NULL, skip, out);
}

/* Deletes every day before `before` ("YYYY-MM-DD"). */
static bool drop_days_before(sqlite3 *db, const char *before)
{
    static const char *const SQL[] = {
        "DELETE FROM page_view WHERE session IN (SELECT id FROM session WHERE day < ?1)",
        "DELETE FROM event WHERE day < ?1",
        "DELETE FROM session WHERE day < ?1",
        "DELETE FROM item WHERE id NOT IN (SELECT DISTINCT item FROM page_view)",
    };
    for (size_t i = 0; i < sizeof SQL / sizeof SQL[0]; i++) {
        sqlite3_stmt *stmt = NULL;
        if (sqlite3_prepare_v2(db, SQL[i], -1, &stmt, NULL) != SQLITE_OK) {
            return false;
        }
        if (i < 3) {
            sqlite3_bind_text(stmt, 1, before, -1, SQLITE_STATIC);
        }
        bool ok = sqlite3_step(stmt) == SQLITE_DONE;
        sqlite3_finalize(stmt);
        if (!ok) {
            return false;
        }
    }
    return true;
}

/* Keeps the newest keep_days days with statistics, then drops the oldest days while the
 * database is over max_bytes. VISITS_ERR_FULL when one day alone is over it. */
static VisitsStatus retain(VisitsLog *log)
{
    int before = sqlite3_total_changes(log->db);
    char cutoff[VISITS_DAY_SIZE];
    if (!newest_day(log->db, (int64_t)log->config.keep_days - 1, cutoff)) {
        return VISITS_ERR_IO;
    }
    char oldest[VISITS_DAY_SIZE];
    if (!first_day(log->db, NULL, oldest)) {
        return VISITS_ERR_IO;
    }
    if (cutoff[0] && strcmp(oldest, cutoff) < 0 && !drop_days_before(log->db, cutoff)) {
        return VISITS_ERR_IO;
    }
    for (;;) {
        long long used = visits_db_used_bytes(log->db);
        if (used < 0) {
            return VISITS_ERR_IO;
        }
        if ((unsigned long long)used <= log->config.max_bytes) {
            break;
        }
        char next[VISITS_DAY_SIZE];
        if (!first_day(log->db, NULL, oldest) || !first_day(log->db, oldest, next)) {
            return VISITS_ERR_IO;
        }
        if (!next[0]) {
            return VISITS_ERR_FULL;
        }
        if (!drop_days_before(log->db, next)) {
            return VISITS_ERR_IO;
        }
    }
    /* Days dropped: give their pages back to the file system. */
    if (sqlite3_total_changes(log->db) != before && !exec(log->db, "PRAGMA incremental_vacuum")) {
        return VISITS_ERR_IO;
    }
    return VISITS_OK;
}

VisitsStatus visits_log_flush(VisitsLog *log)
{
    if (!log || log->count == 0) {
        return VISITS_OK;
    }
    int rc = sqlite3_exec(log->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        return (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED ? VISITS_ERR_BUSY : VISITS_ERR_IO;
    }
    int64_t saved_session = log->db_session;
    int64_t saved_seq = log->db_seq;
    VisitsStatus status = VISITS_OK;
    for (size_t i = 0; i < log->count && status == VISITS_OK; i++) {
        status = write_record(log, &log->batch[i]) ? VISITS_OK : VISITS_ERR_IO;
    }
    if (status == VISITS_OK) {
        status = write_open_session(log) ? VISITS_OK : VISITS_ERR_IO;
    }
    if (status == VISITS_OK) {
        status = retain(log);
    }
    if (status == VISITS_OK) {
        rc = sqlite3_exec(log->db, "COMMIT", NULL, NULL, NULL);
        status = rc == SQLITE_OK                                          ? VISITS_OK
                 : (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED ? VISITS_ERR_BUSY
                                                                          : VISITS_ERR_IO;
    }
    if (status != VISITS_OK) {
        exec(log->db, "ROLLBACK");
        log->db_session = saved_session;
        log->db_seq = saved_seq;
    }
    if (status == VISITS_ERR_FULL) {
        /* Dropped: a session begun in it is not recorded, nor are its pages later. */
        for (size_t i = 0; i < log->count; i++) {
            if (log->batch[i].kind == RECORD_BEGIN) {
                log->db_session = 0;
            }
        }
        log->dropped += log->count;
    }
    if (status == VISITS_OK || status == VISITS_ERR_FULL) {
        log->count = 0;
        log->ended_since_flush = false;
    }
    return status;
}

void visits_log_close(VisitsLog *log)
{
    if (!log) {
        return;
    }
    if (log->db) {
        visits_session_end(log, log->last_activity);
        visits_log_flush(log);
    }
    for (int i = 0; i < STMT_COUNT; i++) {
        sqlite3_finalize(log->stmt[i]);
    }
    sqlite3_close(log->db);
    free(log->batch);
    free(log);
}
