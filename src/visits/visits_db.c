/* visits_db.c — schema and opening of the statistics database; see visits_db.h. */
#define _POSIX_C_SOURCE 200809L
#include "visits/visits_db.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static const char *const STATUS_NAMES[] = {
    [VISITS_OK] = "ok",
    [VISITS_ERR_OPEN] = "cannot open",
    [VISITS_ERR_SCHEMA] = "not a statistics database of this release",
    [VISITS_ERR_IO] = "input/output error",
    [VISITS_ERR_BUSY] = "busy",
    [VISITS_ERR_FULL] = "size cap reached",
    [VISITS_ERR_NOMEM] = "out of memory",
};

/* Version 1. Days and times are local at record time; ids are never reused (sessions are
 * dropped oldest first). page_view and event are keyed by session so retention deletes a
 * range. */
static const char SCHEMA_V1[] =
    "CREATE TABLE visits_schema(version INTEGER NOT NULL);"
    "INSERT INTO visits_schema(version) VALUES(1);"
    "CREATE TABLE session("
    "  id INTEGER PRIMARY KEY,"
    "  day TEXT NOT NULL,"           /* local date it began, YYYY-MM-DD */
    "  start_s INTEGER NOT NULL,"    /* local seconds since midnight */
    "  started_at INTEGER NOT NULL," /* Unix seconds */
    "  utc_offset INTEGER NOT NULL," /* seconds */
    "  length_ms INTEGER NOT NULL,"
    "  lang TEXT NOT NULL);"         /* the language it ended in */
    "CREATE INDEX session_day ON session(day);"
    "CREATE TABLE item("
    "  id INTEGER PRIMARY KEY,"
    "  kind TEXT NOT NULL,"          /* page, member, story, text */
    "  key TEXT NOT NULL,"           /* member or story id; about:2 for a page */
    "  title TEXT NOT NULL,"
    "  UNIQUE(kind, key, title));"
    "CREATE TABLE page_view("
    "  session INTEGER NOT NULL,"
    "  seq INTEGER NOT NULL,"
    "  item INTEGER NOT NULL,"
    "  lang TEXT NOT NULL,"
    "  at_ms INTEGER NOT NULL,"      /* since the session began */
    "  dwell_ms INTEGER NOT NULL,"
    "  PRIMARY KEY(session, seq)) WITHOUT ROWID;"
    "CREATE TABLE event("
    "  id INTEGER PRIMARY KEY,"
    "  session INTEGER,"             /* NULL: outside a session */
    "  day TEXT NOT NULL,"
    "  time_s INTEGER NOT NULL,"     /* local seconds since midnight */
    "  kind TEXT NOT NULL);"         /* search, read_aloud, lead */
    "CREATE INDEX event_day ON event(day);";

const char *visits_status_name(VisitsStatus status)
{
    return (unsigned)status < sizeof STATUS_NAMES / sizeof STATUS_NAMES[0] ? STATUS_NAMES[status] : "unknown";
}

/* The schema version the file carries: 0 for an empty database, -1 when it is not ours. */
static int schema_version(sqlite3 *db)
{
    sqlite3_stmt *stmt = NULL;
    int version = -1;
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema", -1, &stmt, NULL) != SQLITE_OK ||
        sqlite3_step(stmt) != SQLITE_ROW) {
        goto done;
    }
    if (sqlite3_column_int(stmt, 0) == 0) {
        version = 0;
        goto done;
    }
    sqlite3_finalize(stmt);
    stmt = NULL;
    if (sqlite3_prepare_v2(db, "SELECT max(version) FROM visits_schema", -1, &stmt, NULL) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_type(stmt, 0) == SQLITE_INTEGER) {
        version = sqlite3_column_int(stmt, 0);
    }
done:
    sqlite3_finalize(stmt);
    return version;
}

static VisitsStatus fail(sqlite3 **db, VisitsStatus status, char *why, size_t why_size, const char *path,
                         const char *what)
{
    snprintf(why, why_size, "%s: %s", path, what);
    sqlite3_close(*db);
    *db = NULL;
    return status;
}

VisitsStatus visits_db_open_write(const char *path, sqlite3 **out, char *why, size_t why_size)
{
    sqlite3 *db = NULL;
    char message[256] = "";
    *out = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) !=
        SQLITE_OK) {
        snprintf(message, sizeof message, "%s", db ? sqlite3_errmsg(db) : "out of memory");
        return fail(&db, VISITS_ERR_OPEN, why, why_size, path, message);
    }
    sqlite3_extended_result_codes(db, 1);
    /* auto_vacuum only takes on an empty file: set before the schema is made. */
    if (sqlite3_exec(db,
                     "PRAGMA auto_vacuum=INCREMENTAL; PRAGMA journal_mode=PERSIST;"
                     "PRAGMA journal_size_limit=1048576; PRAGMA synchronous=FULL; PRAGMA temp_store=MEMORY;",
                     NULL, NULL, NULL) != SQLITE_OK) {
        snprintf(message, sizeof message, "%s", sqlite3_errmsg(db));
        return fail(&db, VISITS_ERR_SCHEMA, why, why_size, path, message);
    }
    int version = schema_version(db);
    if (version == 0) {
        char *error = NULL;
        if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
            sqlite3_exec(db, SCHEMA_V1, NULL, NULL, &error) != SQLITE_OK ||
            sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
            snprintf(message, sizeof message, "cannot create the schema: %s", error ? error : sqlite3_errmsg(db));
            sqlite3_free(error);
            sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
            return fail(&db, VISITS_ERR_IO, why, why_size, path, message);
        }
        version = VISITS_SCHEMA_VERSION;
    }
    if (version != VISITS_SCHEMA_VERSION) {
        snprintf(message, sizeof message,
                 version < 0 ? "not a visitor statistics database (left as it is)"
                             : "statistics schema version %d is newer than this release's (left as it is)",
                 version);
        return fail(&db, VISITS_ERR_SCHEMA, why, why_size, path, message);
    }
    /* The writer never waits: a busy flush keeps its batch for the next try. */
    sqlite3_busy_timeout(db, 0);
    *out = db;
    return VISITS_OK;
}

VisitsStatus visits_db_open_read(const char *path, sqlite3 **out, char *why, size_t why_size)
{
    sqlite3 *db = NULL;
    *out = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        char message[256] = "";
        snprintf(message, sizeof message, "%s", db ? sqlite3_errmsg(db) : "out of memory");
        return fail(&db, VISITS_ERR_OPEN, why, why_size, path, message);
    }
    sqlite3_busy_timeout(db, VISITS_READ_BUSY_MS);
    int version = schema_version(db);
    if (version != VISITS_SCHEMA_VERSION) {
        return fail(&db, VISITS_ERR_SCHEMA, why, why_size, path,
                    version == 0    ? "empty: no statistics recorded yet"
                    : version < 0   ? "not a visitor statistics database"
                                    : "statistics from a newer release");
    }
    *out = db;
    return VISITS_OK;
}

long long visits_db_used_bytes(sqlite3 *db)
{
    static const char *const PRAGMAS[] = {"PRAGMA page_count", "PRAGMA freelist_count", "PRAGMA page_size"};
    long long value[3] = {0, 0, 0};
    for (size_t i = 0; i < 3; i++) {
        sqlite3_stmt *stmt = NULL;
        bool ok = sqlite3_prepare_v2(db, PRAGMAS[i], -1, &stmt, NULL) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW;
        value[i] = ok ? sqlite3_column_int64(stmt, 0) : -1;
        sqlite3_finalize(stmt);
        if (!ok) {
            return -1;
        }
    }
    return (value[0] - value[1]) * value[2];
}
