/* pack_rows.c — a checked pack read back as source rows; see pack_rows.h.
 * Reading order: pack_rows_open() (content_load checks the pack, then a read-only SQLite
 * handle) → pack_rows_read_table() (one SELECT in source column order, then
 * keep_typed_cyrillic() for each row, then local_times() for the event tables' UTC
 * instants) → pack_rows_each_image(). */
#define _POSIX_C_SOURCE 200809L
#include "workbook/pack_rows.h"

#include "content/loader.h"
#include "core/event_time.h"
#include "core/translit.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_SQL = 4096 };

/* One event of the pack: its id, its days and its zone's offsets over them. */
typedef struct PackEvent {
    char *id;
    int32_t first_day, last_day; /* event_date_number() of starts and ends */
    EventZone zone;
} PackEvent;

struct PackRows {
    sqlite3 *db;
    long long version;            /* PRAGMA user_version */
    sqlite3_stmt *typed;          /* SELECT from SCHEMA_TYPED_CYRILLIC_TABLE (version 2 on) */
    PackEvent *events;            /* read at the first table with local times (local_times) */
    size_t event_count;
    bool events_read;
};

static void say(char *why, size_t why_size, const char *what, sqlite3 *db)
{
    snprintf(why, why_size, "%s: %s", what, db ? sqlite3_errmsg(db) : "out of memory");
}

PackRows *pack_rows_open(const char *path, char *why, size_t why_size)
{
    ContentReport report = {0};
    Content *content = NULL;
    if (content_load(path, &report, &content) != CONTENT_OK) {
        snprintf(why, why_size, "%s: %s", path, report.count ? report.first : "cannot read the pack");
        return NULL;
    }
    content_unload(content);
    PackRows *rows = calloc(1, sizeof *rows);
    if (!rows) {
        snprintf(why, why_size, "out of memory");
        return NULL;
    }
    sqlite3_stmt *statement = NULL;
    bool ok = sqlite3_open_v2(path, &rows->db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
              sqlite3_prepare_v2(rows->db, "PRAGMA user_version", -1, &statement, NULL) == SQLITE_OK &&
              sqlite3_step(statement) == SQLITE_ROW;
    if (ok) {
        rows->version = sqlite3_column_int64(statement, 0);
    }
    sqlite3_finalize(statement);
    if (ok && rows->version >= SCHEMA_TYPED_CYRILLIC_SINCE) {
        ok = sqlite3_prepare_v2(rows->db,
                                "SELECT 1 FROM " SCHEMA_TYPED_CYRILLIC_TABLE
                                " WHERE table_name = ?1 AND row_id = ?2 AND column_name = ?3",
                                -1, &rows->typed, NULL) == SQLITE_OK;
    }
    if (!ok) {
        say(why, why_size, path, rows->db);
        pack_rows_close(rows);
        return NULL;
    }
    return rows;
}

void pack_rows_close(PackRows *rows)
{
    if (!rows) {
        return;
    }
    sqlite3_finalize(rows->typed);
    sqlite3_close(rows->db);
    for (size_t e = 0; e < rows->event_count; e++) {
        free(rows->events[e].id);
    }
    free(rows->events);
    free(rows);
}

bool pack_rows_has_table(const PackRows *rows, const TableSpec *spec)
{
    return spec->since_version == 0 || rows->version >= spec->since_version;
}

void pack_rows_columns(const TableSpec *spec, PackTable *out)
{
    *out = (PackTable){.spec = spec};
    for (size_t c = 0; c < spec->column_count; c++) {
        const ColumnSpec *column = &spec->columns[c];
        if (schema_column_made(column)) {
            continue; /* events.utc_offsets: the builder works it out again */
        }
        int width = column->kind == COLUMN_TEXT ? LANG_COUNT : 1;
        for (int l = 0; l < width && out->column_count < PACK_ROWS_MAX_COLUMNS; l++) {
            PackColumn *to = &out->columns[out->column_count++];
            to->column = column;
            to->lang = column->kind == COLUMN_TEXT ? l : -1;
            schema_column_name(column, (Lang)l, to->name, sizeof to->name);
        }
    }
}

/* Whether the pack has table.column (a column added later may be missing). */
static bool has_column(sqlite3 *db, const char *table, const char *column, bool *exists)
{
    sqlite3_stmt *statement = NULL;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2", -1, &statement, NULL) !=
        SQLITE_OK) {
        return false;
    }
    sqlite3_bind_text(statement, 1, table, -1, SQLITE_STATIC);
    sqlite3_bind_text(statement, 2, column, -1, SQLITE_STATIC);
    int rc = sqlite3_step(statement);
    *exists = rc == SQLITE_ROW;
    sqlite3_finalize(statement);
    return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/* SELECT of table's source columns in order, in display order (a missing added column as NULL). */
static bool select_sql(sqlite3 *db, const PackTable *table, char *sql, size_t size)
{
    size_t used = (size_t)snprintf(sql, size, "SELECT ");
    for (size_t s = 0; s < table->column_count && used < size; s++) {
        bool exists = true;
        if (schema_column_added(table->spec, table->columns[s].column) &&
            !has_column(db, table->spec->name, table->columns[s].name, &exists)) {
            return false;
        }
        used += exists ? (size_t)snprintf(sql + used, size - used, "%s\"%s\"", s ? ", " : "", table->columns[s].name)
                       : (size_t)snprintf(sql + used, size - used, "%sNULL", s ? ", " : "");
    }
    if (used < size) {
        used += (size_t)snprintf(sql + used, size - used, " FROM \"%s\"%s", table->spec->name,
                                 table->spec->has_position ? " ORDER BY position, id" : "");
    }
    return used < size;
}

/* The text of one value as a source holds it: NULL for NULL or ''. */
static bool cell_text(sqlite3_stmt *statement, int index, char **out)
{
    *out = NULL;
    char number[32];
    const char *text = NULL;
    switch (sqlite3_column_type(statement, index)) {
    case SQLITE_INTEGER:
        snprintf(number, sizeof number, "%lld", (long long)sqlite3_column_int64(statement, index));
        text = number;
        break;
    case SQLITE_TEXT:
        text = (const char *)sqlite3_column_text(statement, index);
        break;
    default:
        return true;
    }
    if (!text || !text[0]) {
        return text != NULL;
    }
    *out = strdup(text);
    return *out != NULL;
}

/* Whether staff typed the Cyrillic text cyrillic in column s of a row whose Latin is
 * latin: listed in typed_cyrillic (version 2 on), or else not what the Latin makes. */
static bool typed(PackRows *rows, const PackTable *table, const char *row_id, size_t s, const char *cyrillic,
                  const char *latin, bool *out)
{
    if (rows->typed) {
        sqlite3_reset(rows->typed);
        sqlite3_bind_text(rows->typed, 1, table->spec->name, -1, SQLITE_STATIC);
        sqlite3_bind_text(rows->typed, 2, row_id, -1, SQLITE_STATIC);
        sqlite3_bind_text(rows->typed, 3, table->columns[s].name, -1, SQLITE_STATIC);
        int rc = sqlite3_step(rows->typed);
        *out = rc == SQLITE_ROW;
        sqlite3_reset(rows->typed);
        return rc == SQLITE_ROW || rc == SQLITE_DONE;
    }
    char *made = translit_latin_to_cyrillic(latin ? latin : "");
    if (!made) {
        return false;
    }
    *out = strcmp(made, cyrillic) != 0;
    free(made);
    return true;
}

/* Leaves out each Cyrillic text of row r that the builder made from the Latin. */
static bool keep_typed_cyrillic(PackRows *rows, PackTable *table, size_t r)
{
    char **cells = table->cells + r * table->column_count;
    const char *row_id = table->spec->single_row ? "" : cells[0] ? cells[0] : "";
    for (size_t s = 1; s < table->column_count; s++) {
        if (table->columns[s].lang != LANG_SR_CYRL || !cells[s]) {
            continue;
        }
        bool keep = true;
        if (!typed(rows, table, row_id, s, cells[s], cells[s - 1], &keep)) {
            return false;
        }
        if (!keep) {
            free(cells[s]);
            cells[s] = NULL;
        }
    }
    return true;
}

static bool read_rows(PackRows *rows, sqlite3_stmt *statement, PackTable *out)
{
    size_t capacity = 0;
    int rc;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        if (out->row_count == capacity) {
            capacity = capacity ? capacity * 2 : 16;
            char **cells = realloc(out->cells, capacity * out->column_count * sizeof *cells);
            if (!cells) {
                return false;
            }
            out->cells = cells;
        }
        char **cells = out->cells + out->row_count * out->column_count;
        memset(cells, 0, out->column_count * sizeof *cells);
        out->row_count++; /* counted first so pack_rows_table_free() frees a half-read row */
        for (size_t s = 0; s < out->column_count; s++) {
            if (!cell_text(statement, (int)s, &cells[s])) {
                return false;
            }
        }
        if (!keep_typed_cyrillic(rows, out, out->row_count - 1)) {
            return false;
        }
    }
    return rc == SQLITE_DONE;
}

/* The pack's events with their zones, once. */
static bool read_events(PackRows *rows)
{
    if (rows->events_read) {
        return true;
    }
    sqlite3_stmt *statement = NULL;
    if (sqlite3_prepare_v2(rows->db, "SELECT id, starts, ends, utc_offsets FROM events", -1, &statement, NULL) !=
        SQLITE_OK) {
        return false;
    }
    int rc;
    bool ok = true;
    while (ok && (rc = sqlite3_step(statement)) == SQLITE_ROW) {
        PackEvent *grown = realloc(rows->events, (rows->event_count + 1) * sizeof *grown);
        ok = grown != NULL;
        if (!ok) {
            break;
        }
        rows->events = grown;
        PackEvent *event = &rows->events[rows->event_count];
        const char *id = (const char *)sqlite3_column_text(statement, 0);
        const char *starts = (const char *)sqlite3_column_text(statement, 1);
        const char *ends = (const char *)sqlite3_column_text(statement, 2);
        const char *offsets = (const char *)sqlite3_column_text(statement, 3);
        *event = (PackEvent){.id = strdup(id ? id : "")};
        ok = event->id && starts && ends && offsets && event_zone_parse(offsets, &event->zone);
        if (event->id) {
            rows->event_count++;
        }
        if (ok) {
            event->first_day = event_date_number(starts);
            event->last_day = event_date_number(ends);
        }
    }
    ok = ok && rc == SQLITE_DONE;
    sqlite3_finalize(statement);
    rows->events_read = ok;
    return ok;
}

/* The event a row's times are local to: the one its event column names, else (an
 * announcement) the one whose days hold instant, else the first, as the builder reads them. */
static const PackEvent *event_of(const PackRows *rows, const char *event_id, EventInstant instant)
{
    for (size_t e = 0; event_id && e < rows->event_count; e++) {
        if (strcmp(rows->events[e].id, event_id) == 0) {
            return &rows->events[e];
        }
    }
    for (size_t e = 0; !event_id && e < rows->event_count; e++) {
        int32_t day = event_local_date(&rows->events[e].zone, instant);
        if (day >= rows->events[e].first_day && day <= rows->events[e].last_day) {
            return &rows->events[e];
        }
    }
    return !event_id && rows->event_count > 0 ? &rows->events[0] : NULL;
}

/* Each UTC instant of the table ("2026-09-17T08:00:00Z") as the local time its source takes
 * ("2026-09-17T10:00"), in the zone of its event. */
static bool local_times(PackRows *rows, PackTable *table)
{
    int event_column = -1;
    bool timed = false;
    for (size_t s = 0; s < table->column_count; s++) {
        timed = timed || table->columns[s].column->kind == COLUMN_INSTANT;
        if (strcmp(table->columns[s].name, "event") == 0) {
            event_column = (int)s;
        }
    }
    if (!timed) {
        return true;
    }
    if (!read_events(rows)) {
        return false;
    }
    for (size_t r = 0; r < table->row_count; r++) {
        char **cells = table->cells + r * table->column_count;
        for (size_t s = 0; s < table->column_count; s++) {
            EventInstant instant = 0;
            if (table->columns[s].column->kind != COLUMN_INSTANT || !cells[s] ||
                !event_instant_parse(cells[s], &instant)) {
                continue;
            }
            const PackEvent *event = event_of(rows, event_column >= 0 ? cells[event_column] : NULL, instant);
            if (!event) {
                continue; /* the loader refuses a row whose event is missing: not reached */
            }
            char text[EVENT_INSTANT_TEXT_SIZE];
            event_instant_format(instant + event_zone_offset(&event->zone, instant), text);
            text[16] = '\0'; /* "YYYY-MM-DDTHH:MM" */
            char *local = strdup(text);
            if (!local) {
                return false;
            }
            free(cells[s]);
            cells[s] = local;
        }
    }
    return true;
}

bool pack_rows_read_table(PackRows *rows, const TableSpec *spec, PackTable *out, char *why, size_t why_size)
{
    pack_rows_columns(spec, out);
    char sql[MAX_SQL];
    sqlite3_stmt *statement = NULL;
    bool ok = select_sql(rows->db, out, sql, sizeof sql) &&
              sqlite3_prepare_v2(rows->db, sql, -1, &statement, NULL) == SQLITE_OK &&
              read_rows(rows, statement, out) && local_times(rows, out);
    sqlite3_finalize(statement);
    if (!ok) {
        say(why, why_size, spec->name, rows->db);
        pack_rows_table_free(out);
    }
    return ok;
}

void pack_rows_table_free(PackTable *table)
{
    for (size_t i = 0; table->cells && i < table->row_count * table->column_count; i++) {
        free(table->cells[i]);
    }
    free(table->cells);
    table->cells = NULL;
    table->row_count = 0;
}

bool pack_rows_each_image(PackRows *rows, PackImageFn each, void *ctx, char *why,
                          size_t why_size)
{
    sqlite3_stmt *statement = NULL;
    if (sqlite3_prepare_v2(rows->db, "SELECT name, data FROM images ORDER BY name", -1, &statement, NULL) !=
        SQLITE_OK) {
        say(why, why_size, "images", rows->db);
        return false;
    }
    bool ok = true;
    int rc;
    while (ok && (rc = sqlite3_step(statement)) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(statement, 0);
        const void *bytes = sqlite3_column_blob(statement, 1);
        size_t size = (size_t)sqlite3_column_bytes(statement, 1);
        if (!name) {
            snprintf(why, why_size, "out of memory");
            ok = false;
        } else {
            ok = each(ctx, name, bytes, size, why, why_size);
        }
    }
    if (ok && rc != SQLITE_DONE) {
        say(why, why_size, "images", rows->db);
        ok = false;
    }
    sqlite3_finalize(statement);
    return ok;
}
