/* visits_db.h — the visitor statistics database: its schema, opening it to record (the
 * kiosk, one writer) or to read (the stick export, `facts-kiosk stats report`).
 *
 * One SQLite file in a folder of the state directory (its path comes from the store:
 * store/store_paths.h, STORE_FILE_VISITS_DB, with its journal beside it), never in a content pack. It holds
 * no personal data: sessions (local day, time of day, length, language), the pages each
 * session viewed with their dwell times, and counts of searches, read-aloud uses and leads.
 * Member and story ids and titles are stored when viewed, so a report needs no pack.
 *
 * Rollback journal in PERSIST mode, synchronous FULL: a batch is one transaction that
 * overwrites the journal's header instead of creating and deleting a file, and survives the
 * plug being pulled at the end of a fair day. The writer never waits for a lock (a reader,
 * the stick export, may hold one): a busy flush keeps its batch and tries again later. */
#ifndef FACTS_VISITS_VISITS_DB_H
#define FACTS_VISITS_VISITS_DB_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

enum {
    VISITS_SCHEMA_VERSION = 1, /* in table visits_schema */
    VISITS_READ_BUSY_MS = 5000, /* a reader waits this long for the writer's commit */
};

/* What the database keeps of a page view (its kind, key and title) and which events it counts;
 * visits_log.h records them, the store writes them. */
enum {
    VISITS_KEY_MAX = 64,    /* bytes of an item's key kept, with the NUL */
    VISITS_TITLE_MAX = 160, /* bytes of an item's title kept (cut at a character) */
};

/* What a page view shows. */
typedef enum VisitsItemKind {
    VISITS_ITEM_PAGE = 0, /* a page of a section; key "about:1" */
    VISITS_ITEM_MEMBER,   /* a member's page; key its id */
    VISITS_ITEM_STORY,    /* a success story; key its id */
    VISITS_ITEM_TEXT,     /* the whole text of a shortened card; key "about:1:2" */
    VISITS_ITEM_KIND_COUNT
} VisitsItemKind;

/* What is counted without any content. */
typedef enum VisitsEventKind {
    VISITS_EVENT_SEARCH = 0,
    VISITS_EVENT_READ_ALOUD,
    VISITS_EVENT_LEAD,
    VISITS_EVENT_KIND_COUNT
} VisitsEventKind;

typedef enum VisitsStatus {
    VISITS_OK = 0,
    VISITS_ERR_OPEN,   /* the file cannot be opened or created */
    VISITS_ERR_SCHEMA, /* not a statistics database, or one from a newer release */
    VISITS_ERR_IO,     /* a read or write failed */
    VISITS_ERR_BUSY,   /* another connection holds the lock: try again later */
    VISITS_ERR_FULL,   /* the size cap is reached by today's statistics alone */
    VISITS_ERR_NOMEM,
} VisitsStatus;

/* Stable English name of a status for logs ("busy"). */
const char *visits_status_name(VisitsStatus status);

/* Opens (creating when missing) the database at path for recording and brings its schema
 * to VISITS_SCHEMA_VERSION. A file that is not a statistics database is left alone:
 * VISITS_ERR_SCHEMA, with why saying so. *out is NULL on failure; the caller closes it with
 * sqlite3_close(). */
VisitsStatus visits_db_open_write(const char *path, sqlite3 **out, char *why, size_t why_size);

/* Opens the database at path read-only for reports; it must exist and carry a schema this
 * release reads. *out is NULL on failure; why says what went wrong. The caller closes it with
 * sqlite3_close(). */
VisitsStatus visits_db_open_read(const char *path, sqlite3 **out, char *why, size_t why_size);

/* Bytes the database's live pages take (pages in use times page size; free pages not
 * counted, the next batch reuses them). -1 on error. */
long long visits_db_used_bytes(sqlite3 *db);

#endif
