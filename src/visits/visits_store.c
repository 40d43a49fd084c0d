/* visits_store.c — a batch of records into SQL; see visits_store.h. write_record() turns one
 * record into its row, retain() trims old days; start at visits_store_write(). */
#define _POSIX_C_SOURCE 200809L
#include "visits/visits_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

struct VisitsStore {
    sqlite3 *db;
    sqlite3_stmt *stmt[STMT_COUNT];
    uint32_t keep_days;
    uint64_t max_bytes;
    /* The session row being written (0: none, or not recorded) and its next page number. */
    int64_t db_session;
    int64_t db_seq;
};

VisitsStore *visits_store_open(const char *path, uint32_t keep_days, uint64_t max_bytes, char *why,
                               size_t why_size)
{
    VisitsStore *store = calloc(1, sizeof *store);
    if (!store) {
        snprintf(why, why_size, "out of memory");
        return NULL;
    }
    store->keep_days = keep_days;
    store->max_bytes = max_bytes;
    if (visits_db_open_write(path, &store->db, why, why_size) != VISITS_OK) {
        goto fail;
    }
    for (int i = 0; i < STMT_COUNT; i++) {
        if (sqlite3_prepare_v3(store->db, STATEMENT_SQL[i], -1, SQLITE_PREPARE_PERSISTENT, &store->stmt[i], NULL) !=
            SQLITE_OK) {
            snprintf(why, why_size, "%s: %s", path, sqlite3_errmsg(store->db));
            goto fail;
        }
    }
    return store;
fail:
    visits_store_close(store);
    return NULL;
}

void visits_store_close(VisitsStore *store)
{
    if (!store) {
        return;
    }
    for (int i = 0; i < STMT_COUNT; i++) {
        sqlite3_finalize(store->stmt[i]);
    }
    sqlite3_close(store->db);
    free(store);
}

sqlite3 *visits_store_db(VisitsStore *store)
{
    return store ? store->db : NULL;
}

static void copy_day(char *dst, const unsigned char *src)
{
    snprintf(dst, VISITS_DAY_SIZE, "%s", src ? (const char *)src : "");
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
static int64_t item_id(VisitsStore *store, const Record *r)
{
    for (int step = STMT_ITEM_ADD; step <= STMT_ITEM_FIND; step++) {
        sqlite3_stmt *stmt = store->stmt[step];
        sqlite3_bind_text(stmt, 1, ITEM_KIND_NAMES[r->item_kind], -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 2, r->key, -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 3, r->title, -1, SQLITE_STATIC);
    }
    if (!run(store->stmt[STMT_ITEM_ADD])) {
        return 0;
    }
    sqlite3_stmt *find = store->stmt[STMT_ITEM_FIND];
    int64_t id = sqlite3_step(find) == SQLITE_ROW ? sqlite3_column_int64(find, 0) : 0;
    sqlite3_reset(find);
    sqlite3_clear_bindings(find);
    return id;
}

/* One record into SQL; true on success. A page or end of a session that was not
 * recorded (its batch dropped over the cap) is skipped. */
static bool write_record(VisitsStore *store, const Record *r)
{
    char day[VISITS_DAY_SIZE];
    visits_time_day(r->at, day);
    sqlite3_stmt *stmt = NULL;
    switch (r->kind) {
    case RECORD_BEGIN:
        stmt = store->stmt[STMT_SESSION];
        sqlite3_bind_text(stmt, 1, day, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(stmt, 2, visits_time_of_day_s(r->at));
        sqlite3_bind_int64(stmt, 3, r->at.wall_s);
        sqlite3_bind_int(stmt, 4, r->at.utc_offset_s);
        sqlite3_bind_text(stmt, 5, lang_tag(r->lang), -1, SQLITE_STATIC);
        if (!run(stmt)) {
            return false;
        }
        store->db_session = sqlite3_last_insert_rowid(store->db);
        store->db_seq = 0;
        return true;
    case RECORD_PAGE: {
        if (!store->db_session) {
            return true;
        }
        int64_t item = item_id(store, r);
        if (!item) {
            return false;
        }
        stmt = store->stmt[STMT_PAGE];
        sqlite3_bind_int64(stmt, 1, store->db_session);
        sqlite3_bind_int64(stmt, 2, store->db_seq++);
        sqlite3_bind_int64(stmt, 3, item);
        sqlite3_bind_text(stmt, 4, lang_tag(r->lang), -1, SQLITE_STATIC);
        sqlite3_bind_int64(stmt, 5, r->offset_ms);
        sqlite3_bind_int64(stmt, 6, r->value_ms);
        return run(stmt);
    }
    case RECORD_EVENT:
        stmt = store->stmt[STMT_EVENT];
        if (store->db_session) {
            sqlite3_bind_int64(stmt, 1, store->db_session);
        }
        sqlite3_bind_text(stmt, 2, day, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(stmt, 3, visits_time_of_day_s(r->at));
        sqlite3_bind_text(stmt, 4, EVENT_KIND_NAMES[r->event_kind], -1, SQLITE_STATIC);
        return run(stmt);
    case RECORD_END:
        if (!store->db_session) {
            return true;
        }
        stmt = store->stmt[STMT_SESSION_END];
        sqlite3_bind_int64(stmt, 1, r->value_ms);
        sqlite3_bind_text(stmt, 2, lang_tag(r->lang), -1, SQLITE_STATIC);
        sqlite3_bind_int64(stmt, 3, store->db_session);
        bool ok = run(stmt);
        store->db_session = 0; /* events after it are on their own until the next session */
        return ok;
    }
    return false;
}

/* A session still open keeps its length up to its last event, should the kiosk stop. */
static bool write_open_session(VisitsStore *store, VisitsOpenSession open)
{
    if (!open.open || !store->db_session) {
        return true;
    }
    sqlite3_stmt *stmt = store->stmt[STMT_SESSION_END];
    sqlite3_bind_int64(stmt, 1, open.length_ms);
    sqlite3_bind_text(stmt, 2, lang_tag(open.lang), -1, SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 3, store->db_session);
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
        copy_day(out, sqlite3_column_text(stmt, 0));
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
static VisitsStatus retain(VisitsStore *store)
{
    int before = sqlite3_total_changes(store->db);
    char cutoff[VISITS_DAY_SIZE];
    if (!newest_day(store->db, (int64_t)store->keep_days - 1, cutoff)) {
        return VISITS_ERR_IO;
    }
    char oldest[VISITS_DAY_SIZE];
    if (!first_day(store->db, NULL, oldest)) {
        return VISITS_ERR_IO;
    }
    if (cutoff[0] && strcmp(oldest, cutoff) < 0 && !drop_days_before(store->db, cutoff)) {
        return VISITS_ERR_IO;
    }
    for (;;) {
        long long used = visits_db_used_bytes(store->db);
        if (used < 0) {
            return VISITS_ERR_IO;
        }
        if ((unsigned long long)used <= store->max_bytes) {
            break;
        }
        char next[VISITS_DAY_SIZE];
        if (!first_day(store->db, NULL, oldest) || !first_day(store->db, oldest, next)) {
            return VISITS_ERR_IO;
        }
        if (!next[0]) {
            return VISITS_ERR_FULL;
        }
        if (!drop_days_before(store->db, next)) {
            return VISITS_ERR_IO;
        }
    }
    /* Days dropped: give their pages back to the file system. */
    if (sqlite3_total_changes(store->db) != before && !exec(store->db, "PRAGMA incremental_vacuum")) {
        return VISITS_ERR_IO;
    }
    return VISITS_OK;
}

static VisitsStatus sql_status(int rc)
{
    return (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED ? VISITS_ERR_BUSY : VISITS_ERR_IO;
}

VisitsStatus visits_store_write(VisitsStore *store, const Record *records, size_t count, VisitsOpenSession open,
                                uint64_t *dropped)
{
    int rc = sqlite3_exec(store->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        return sql_status(rc);
    }
    int64_t saved_session = store->db_session;
    int64_t saved_seq = store->db_seq;
    VisitsStatus status = VISITS_OK;
    for (size_t i = 0; i < count && status == VISITS_OK; i++) {
        status = write_record(store, &records[i]) ? VISITS_OK : VISITS_ERR_IO;
    }
    if (status == VISITS_OK) {
        status = write_open_session(store, open) ? VISITS_OK : VISITS_ERR_IO;
    }
    if (status == VISITS_OK) {
        status = retain(store);
    }
    if (status == VISITS_OK) {
        rc = sqlite3_exec(store->db, "COMMIT", NULL, NULL, NULL);
        status = rc == SQLITE_OK ? VISITS_OK : sql_status(rc);
    }
    if (status != VISITS_OK) {
        exec(store->db, "ROLLBACK");
        store->db_session = saved_session;
        store->db_seq = saved_seq;
    }
    if (status == VISITS_ERR_FULL) {
        /* Dropped: a session begun in it is not recorded, nor are its pages later. */
        for (size_t i = 0; i < count; i++) {
            if (records[i].kind == RECORD_BEGIN) {
                store->db_session = 0;
            }
        }
        *dropped += count;
    }
    return status;
}
