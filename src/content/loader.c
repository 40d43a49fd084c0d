/* loader.c — hardened pack opening and table-driven loading; see loader.h.
 * Reading order: content_load() → open_hardened() → check_database() → load_table() for
 * each TableSpec → check_keys_and_references(). */
#define _POSIX_C_SOURCE 200809L
#include "content/loader.h"

#include "content/arena.h"
#include "content/image_probe.h"
#include "content/schema.h"
#include "core/id_list.h"
#include "core/event_time.h"
#include "core/utf8.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    SQLITE_HEADER_SIZE = 100,
    HEADER_WRITE_VERSION = 18,
    HEADER_READ_VERSION = 19,
    /* The biggest value SQLite may hand us: an image plus slack. Bigger is refused. */
    LOADER_MAX_VALUE_BYTES = SCHEMA_MAX_IMAGE_BYTES + 1024,
    /* Progress handler: called every PROGRESS_OPCODES VM steps, gives up after
     * PROGRESS_CALLS calls (about 10^9 steps, seconds of work on a Pi). */
    PROGRESS_OPCODES = 1000,
    PROGRESS_CALLS = 1000000,
    MAX_QUICK_CHECK_LINES = 5,
    MAX_SQL = 2048,
};

/* The column names of one table, read once for all of its columns' checks: asking for each
 * column with its own query was a tenth of the kiosk's work before its first frame. */
typedef struct TableColumns {
    char table[64];
    char names[4096]; /* NUL-terminated names one after another */
    size_t used;
    bool complete;    /* every name fitted (else names not found here are asked for one by one) */
} TableColumns;

typedef struct Loader {
    sqlite3 *db;
    ContentReport *report;
    Content *content;
    long progress_calls;
    unsigned long long image_pixels; /* of the image rows that passed their checks */
    TableColumns columns;            /* of the table table_has_column() last looked at */
    long long version;               /* the pack's schema version (PRAGMA user_version) */
    bool fatal;
} Loader;

#define PRINTF_LIKE(format_index, first_arg) __attribute__((format(printf, format_index, first_arg)))

static void problem(Loader *loader, const char *format, ...) PRINTF_LIKE(2, 3);

static void problem(Loader *loader, const char *format, ...)
{
    char line[sizeof loader->report->first];
    va_list args;
    va_start(args, format);
    vsnprintf(line, sizeof line, format, args);
    va_end(args);
    ContentReport *report = loader->report;
    if (!report) {
        return;
    }
    if (report->count == 0) {
        snprintf(report->first, sizeof report->first, "%s", line);
    }
    report->count++;
    if (report->each) {
        report->each(report->ctx, line);
    }
}

static int progress_budget(void *ctx)
{
    Loader *loader = ctx;
    return ++loader->progress_calls > PROGRESS_CALLS;
}

/* ---- opening ------------------------------------------------------------------------ */

static bool check_header(Loader *loader, const unsigned char *header, size_t size)
{
    if (size == 0) {
        problem(loader, "file is empty");
        return false;
    }
    if (size < SQLITE_HEADER_SIZE || memcmp(header, "SQLite format 3", 16) != 0) {
        problem(loader, "not an SQLite database");
        return false;
    }
    if (header[HEADER_WRITE_VERSION] == 2 || header[HEADER_READ_VERSION] == 2) {
        problem(loader, "pack is in WAL journal mode; a pack must be a single file in rollback-journal mode");
        return false;
    }
    if (header[HEADER_WRITE_VERSION] != 1 || header[HEADER_READ_VERSION] != 1) {
        problem(loader, "unknown SQLite file format version %d/%d", header[HEADER_WRITE_VERSION],
                header[HEADER_READ_VERSION]);
        return false;
    }
    return true;
}

/* A file: URI for path with immutable=1, so SQLite neither locks nor looks for a journal. */
static char *immutable_uri(const char *path)
{
    static const char HEX[] = "0123456789ABCDEF";
    size_t length = strlen(path);
    char *uri = malloc(length * 3 + 32);
    if (!uri) {
        return NULL;
    }
    char *o = uri + sprintf(uri, "file:");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        bool plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
                     strchr("/-_.~", *p);
        if (plain) {
            *o++ = (char)*p;
        } else {
            *o++ = '%';
            *o++ = HEX[*p >> 4];
            *o++ = HEX[*p & 15];
        }
    }
    strcpy(o, "?mode=ro&immutable=1");
    return uri;
}

static bool exec_ok(Loader *loader, const char *sql)
{
    char *message = NULL;
    if (sqlite3_exec(loader->db, sql, NULL, NULL, &message) != SQLITE_OK) {
        problem(loader, "cannot prepare the pack (%s): %s", sql, message ? message : "?");
        sqlite3_free(message);
        return false;
    }
    return true;
}

static bool harden(Loader *loader)
{
    sqlite3 *db = loader->db;
    static const struct {
        int limit;
        int value;
    } LIMITS[] = {
        {SQLITE_LIMIT_LENGTH, LOADER_MAX_VALUE_BYTES},
        {SQLITE_LIMIT_SQL_LENGTH, 100000},
        {SQLITE_LIMIT_COLUMN, 100},
        {SQLITE_LIMIT_EXPR_DEPTH, 50},
        {SQLITE_LIMIT_COMPOUND_SELECT, 3},
        {SQLITE_LIMIT_VDBE_OP, 25000},
        {SQLITE_LIMIT_FUNCTION_ARG, 8},
        {SQLITE_LIMIT_ATTACHED, 0},
        {SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 50},
        {SQLITE_LIMIT_VARIABLE_NUMBER, 10},
        {SQLITE_LIMIT_TRIGGER_DEPTH, 1},
    };
    for (size_t i = 0; i < sizeof LIMITS / sizeof LIMITS[0]; i++) {
        sqlite3_limit(db, LIMITS[i].limit, LIMITS[i].value);
    }
    int off = 0;
    int on = 1;
    bool ok = sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, on, NULL) == SQLITE_OK &&
              sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, off, NULL) == SQLITE_OK &&
              sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, off, NULL) == SQLITE_OK &&
              sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, off, NULL) == SQLITE_OK &&
              sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, off, NULL) == SQLITE_OK;
    if (!ok) {
        problem(loader, "cannot harden the SQLite connection");
        return false;
    }
    sqlite3_progress_handler(db, PROGRESS_OPCODES, progress_budget, loader);
    return exec_ok(loader, "PRAGMA cell_size_check=ON") && exec_ok(loader, "PRAGMA mmap_size=0") &&
           exec_ok(loader, "PRAGMA query_only=ON");
}

static bool open_file(Loader *loader, const char *path)
{
    unsigned char header[SQLITE_HEADER_SIZE];
    FILE *file = fopen(path, "rb");
    if (!file) {
        problem(loader, "cannot open %s: %s", path, strerror(errno));
        return false;
    }
    size_t got = fread(header, 1, sizeof header, file);
    fclose(file);
    if (!check_header(loader, header, got)) {
        return false;
    }
    char *uri = immutable_uri(path);
    if (!uri) {
        problem(loader, "out of memory");
        return false;
    }
    int rc = sqlite3_open_v2(uri, &loader->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
    free(uri);
    if (rc != SQLITE_OK) {
        problem(loader, "cannot open %s: %s", path, loader->db ? sqlite3_errmsg(loader->db) : "out of memory");
        return false;
    }
    return harden(loader);
}

static bool open_memory(Loader *loader, const void *bytes, size_t size)
{
    if (!check_header(loader, bytes, size < SQLITE_HEADER_SIZE ? size : SQLITE_HEADER_SIZE)) {
        return false;
    }
    if (sqlite3_open_v2(":memory:", &loader->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
        problem(loader, "cannot open an in-memory database");
        return false;
    }
    unsigned char *copy = sqlite3_malloc64(size);
    if (!copy) {
        problem(loader, "out of memory");
        return false;
    }
    memcpy(copy, bytes, size);
    int rc = sqlite3_deserialize(loader->db, "main", copy, (sqlite3_int64)size, (sqlite3_int64)size,
                                 SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY);
    if (rc != SQLITE_OK) {
        problem(loader, "cannot read the pack: %s", sqlite3_errmsg(loader->db));
        return false;
    }
    return harden(loader);
}

/* ---- whole-database checks ---------------------------------------------------------- */

static sqlite3_stmt *prepare(Loader *loader, const char *sql)
{
    sqlite3_stmt *statement = NULL;
    if (sqlite3_prepare_v2(loader->db, sql, -1, &statement, NULL) != SQLITE_OK) {
        problem(loader, "cannot read the pack: %s", sqlite3_errmsg(loader->db));
        loader->fatal = true;
        return NULL;
    }
    return statement;
}

/* Finishes a statement whose sqlite3_step() returned rc; false and a problem on error. */
static bool finish(Loader *loader, sqlite3_stmt *statement, int rc, const char *what)
{
    sqlite3_finalize(statement);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_INTERRUPT) {
        problem(loader, "%s: gave up, the pack needs too much work to read", what);
    } else {
        problem(loader, "%s: %s", what, sqlite3_errstr(rc));
    }
    loader->fatal = true;
    return false;
}

static bool check_integrity(Loader *loader)
{
    sqlite3_stmt *statement = prepare(loader, "PRAGMA quick_check");
    if (!statement) {
        return false;
    }
    int lines = 0;
    bool ok = true;
    int rc;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        const char *line = (const char *)sqlite3_column_text(statement, 0);
        if (line && strcmp(line, "ok") == 0) {
            continue;
        }
        ok = false;
        if (lines++ < MAX_QUICK_CHECK_LINES) {
            problem(loader, "pack is damaged: %s", line ? line : "?");
        }
    }
    if (!finish(loader, statement, rc, "pack is damaged")) {
        return false;
    }
    return ok;
}

static bool check_version(Loader *loader)
{
    sqlite3_stmt *statement = prepare(loader, "PRAGMA user_version");
    if (!statement) {
        return false;
    }
    int rc = sqlite3_step(statement);
    sqlite3_int64 version = rc == SQLITE_ROW ? sqlite3_column_int64(statement, 0) : 0;
    if (!finish(loader, statement, rc, "schema version")) {
        return false;
    }
    if (version > SCHEMA_VERSION) {
        problem(loader, "pack schema version %lld is newer than this kiosk understands (%d); update the kiosk",
                (long long)version, SCHEMA_VERSION);
        return false;
    }
    if (version < SCHEMA_OLDEST_VERSION) {
        problem(loader, "not a FACTS content pack (schema version %lld, expected %d to %d)", (long long)version,
                SCHEMA_OLDEST_VERSION, SCHEMA_VERSION);
        return false;
    }
    loader->version = version;
    return true;
}

/* Packs carry data only: a trigger or a view is refused even though both are disabled. */
static bool check_no_code(Loader *loader)
{
    sqlite3_stmt *statement =
        prepare(loader, "SELECT type, name FROM sqlite_schema WHERE type IN ('trigger','view') ORDER BY name");
    if (!statement) {
        return false;
    }
    bool ok = true;
    int rc;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        const char *type = (const char *)sqlite3_column_text(statement, 0);
        const char *name = (const char *)sqlite3_column_text(statement, 1);
        problem(loader, "pack contains a %s \"%.64s\"; packs may hold tables only", type ? type : "?",
                name ? name : "?");
        ok = false;
    }
    return finish(loader, statement, rc, "schema") && ok;
}

static void column_name(const ColumnSpec *column, Lang lang, char *out, size_t size)
{
    if (column->kind == COLUMN_TEXT) {
        snprintf(out, size, "%s_%s", column->name, lang_column_suffix(lang));
    } else {
        snprintf(out, size, "%s", column->name);
    }
}

static int column_width(const ColumnSpec *column)
{
    return column->kind == COLUMN_TEXT ? LANG_COUNT : 1;
}

/* Reads the column names of table into loader->columns. */
static bool read_columns(Loader *loader, const char *table)
{
    TableColumns *columns = &loader->columns;
    *columns = (TableColumns){.complete = true};
    sqlite3_stmt *statement = prepare(loader, "SELECT name FROM pragma_table_info(?1)");
    if (!statement) {
        return false;
    }
    sqlite3_bind_text(statement, 1, table, -1, SQLITE_STATIC);
    int rc = SQLITE_DONE;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(statement, 0);
        size_t length = name ? strlen(name) + 1 : 0;
        if (length == 0 || length > sizeof columns->names - columns->used) {
            columns->complete = false;
            continue;
        }
        memcpy(columns->names + columns->used, name, length);
        columns->used += length;
    }
    if (!finish(loader, statement, rc, table)) {
        return false;
    }
    if (strlen(table) >= sizeof columns->table) {
        columns->complete = false; /* not cached: asked again next time */
    } else {
        snprintf(columns->table, sizeof columns->table, "%s", table);
    }
    return true;
}

static bool table_has_column(Loader *loader, const char *table, const char *column, bool *exists)
{
    TableColumns *columns = &loader->columns;
    if (strcmp(columns->table, table) != 0 && !read_columns(loader, table)) {
        return false;
    }
    for (size_t at = 0; at < columns->used; at += strlen(columns->names + at) + 1) {
        if (strcmp(columns->names + at, column) == 0) {
            *exists = true;
            return true;
        }
    }
    *exists = false;
    if (columns->complete) {
        return true;
    }
    sqlite3_stmt *statement = prepare(loader, "SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2");
    if (!statement) {
        return false;
    }
    sqlite3_bind_text(statement, 1, table, -1, SQLITE_STATIC);
    sqlite3_bind_text(statement, 2, column, -1, SQLITE_STATIC);
    int rc = sqlite3_step(statement);
    *exists = rc == SQLITE_ROW;
    return finish(loader, statement, rc, table);
}

static bool check_table_shape(Loader *loader, const TableSpec *table)
{
    bool exists = false;
    sqlite3_stmt *statement = prepare(loader, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1");
    if (!statement) {
        return false;
    }
    sqlite3_bind_text(statement, 1, table->name, -1, SQLITE_STATIC);
    int rc = sqlite3_step(statement);
    bool table_exists = rc == SQLITE_ROW;
    if (!finish(loader, statement, rc, table->name)) {
        return false;
    }
    if (!table_exists) {
        problem(loader, "pack has no table \"%s\"", table->name);
        return false;
    }
    bool ok = true;
    char name[96];
    for (size_t c = 0; c < table->column_count; c++) {
        for (int l = 0; l < column_width(&table->columns[c]); l++) {
            column_name(&table->columns[c], (Lang)l, name, sizeof name);
            if (!table_has_column(loader, table->name, name, &exists)) {
                return false;
            }
            if (!exists && !schema_column_added(table, &table->columns[c])) {
                problem(loader, "table \"%s\" has no column \"%s\"", table->name, name);
                ok = false;
            }
        }
    }
    if (table->has_position) {
        if (!table_has_column(loader, table->name, "position", &exists)) {
            return false;
        }
        if (!exists) {
            problem(loader, "table \"%s\" has no column \"position\"", table->name);
            ok = false;
        }
    }
    return ok;
}

/* From version 2 a pack lists the Cyrillic texts staff typed (schema.h); the kiosk shows
 * them as any other, so only the table's shape is checked. */
static bool check_typed_cyrillic_shape(Loader *loader)
{
    static const char *const COLUMNS[] = {"table_name", "row_id", "column_name"};
    if (loader->version < SCHEMA_TYPED_CYRILLIC_SINCE) {
        return true;
    }
    enum { COLUMN_COUNT = sizeof COLUMNS / sizeof COLUMNS[0] };
    bool exists[COLUMN_COUNT] = {false};
    size_t found = 0;
    for (size_t c = 0; c < COLUMN_COUNT; c++) {
        if (!table_has_column(loader, SCHEMA_TYPED_CYRILLIC_TABLE, COLUMNS[c], &exists[c])) {
            return false;
        }
        found += exists[c];
    }
    if (found == 0) {
        /* pragma_table_info has no rows for a table that is not there */
        problem(loader, "pack has no table \"%s\"", SCHEMA_TYPED_CYRILLIC_TABLE);
        return false;
    }
    for (size_t c = 0; c < COLUMN_COUNT; c++) {
        if (!exists[c]) {
            problem(loader, "table \"%s\" has no column \"%s\"", SCHEMA_TYPED_CYRILLIC_TABLE, COLUMNS[c]);
        }
    }
    return found == COLUMN_COUNT;
}

/* ---- rows ----------------------------------------------------------------------------- */

static const char *TYPE_NAMES[] = {"?", "integer", "real", "text", "blob", "NULL"};

typedef struct RowPlace {
    const char *table;
    long row;        /* 1-based, in display order */
    const char *id;  /* NULL until known */
} RowPlace;

static void row_problem(Loader *loader, const RowPlace *place, const char *column, const char *format, ...)
    PRINTF_LIKE(4, 5);

static void row_problem(Loader *loader, const RowPlace *place, const char *column, const char *format, ...)
{
    char detail[384];
    va_list args;
    va_start(args, format);
    vsnprintf(detail, sizeof detail, format, args);
    va_end(args);
    if (place->id) {
        problem(loader, "%s row %ld (id \"%.64s\"): column \"%s\": %s", place->table, place->row, place->id, column,
                detail);
    } else {
        problem(loader, "%s row %ld: column \"%s\": %s", place->table, place->row, column, detail);
    }
}

/* Reads a text cell: NULL when the cell is NULL or ""; false on a problem. */
static bool read_text(Loader *loader, sqlite3_stmt *statement, int index, const RowPlace *place,
                      const char *column, const char **out)
{
    int type = sqlite3_column_type(statement, index);
    *out = NULL;
    if (type == SQLITE_NULL) {
        return true;
    }
    if (type != SQLITE_TEXT) {
        row_problem(loader, place, column, "expected text, found %s", TYPE_NAMES[type]);
        return false;
    }
    const char *bytes = (const char *)sqlite3_column_text(statement, index);
    int size = sqlite3_column_bytes(statement, index);
    if (!bytes) {
        problem(loader, "out of memory");
        loader->fatal = true;
        return false;
    }
    if (size > SCHEMA_MAX_TEXT_BYTES) {
        row_problem(loader, place, column, "text is longer than %d bytes", SCHEMA_MAX_TEXT_BYTES);
        return false;
    }
    size_t bad = 0;
    if (!utf8_valid(bytes, (size_t)size, &bad) || memchr(bytes, '\0', (size_t)size)) {
        row_problem(loader, place, column, "text is not valid UTF-8 (byte %zu)", bad);
        return false;
    }
    if (size == 0) {
        return true;
    }
    *out = arena_copy(loader->content->arena, bytes, (size_t)size);
    if (!*out) {
        problem(loader, "out of memory");
        loader->fatal = true;
        return false;
    }
    return true;
}

static bool read_local_text(Loader *loader, sqlite3_stmt *statement, int index, const RowPlace *place,
                            const ColumnSpec *column, LocalText *out)
{
    bool ok = true;
    char name[96];
    for (int l = 0; l < LANG_COUNT; l++) {
        column_name(column, (Lang)l, name, sizeof name);
        const char *text = NULL;
        if (sqlite3_column_type(statement, index + l) == SQLITE_NULL) {
            row_problem(loader, place, name, "is NULL (use '' for no text)");
            ok = false;
        } else if (!read_text(loader, statement, index + l, place, name, &text)) {
            ok = false;
        } else if (!text && column->required) {
            row_problem(loader, place, name, "required text is empty");
            ok = false;
        }
        out->text[l] = text ? text : "";
    }
    return ok;
}

static bool read_cell(Loader *loader, sqlite3_stmt *statement, int index, const RowPlace *place,
                      const ColumnSpec *column, unsigned char *row)
{
    void *field = row + column->offset;
    char why[256];
    if (column->kind == COLUMN_TEXT) {
        return read_local_text(loader, statement, index, place, column, field);
    }
    int type = sqlite3_column_type(statement, index);
    if (type == SQLITE_NULL && column->required) {
        row_problem(loader, place, column->name, "required value is NULL");
        return false;
    }
    if (column->kind == COLUMN_INTEGER) {
        if (type == SQLITE_NULL) {
            return true;
        }
        sqlite3_int64 value = sqlite3_column_int64(statement, index);
        if (type != SQLITE_INTEGER || value <= 0) {
            row_problem(loader, place, column->name, "expected a whole number greater than 0, found %s",
                        TYPE_NAMES[type]);
            return false;
        }
        *(int64_t *)field = value;
        return true;
    }
    if (column->kind == COLUMN_BLOB) {
        if (type != SQLITE_BLOB) {
            row_problem(loader, place, column->name, "expected a blob, found %s", TYPE_NAMES[type]);
            return false;
        }
        const void *bytes = sqlite3_column_blob(statement, index);
        int size = sqlite3_column_bytes(statement, index);
        ContentBytes *blob = field;
        blob->bytes = (const unsigned char *)arena_copy(loader->content->arena, bytes, (size_t)size);
        blob->size = (size_t)size;
        if (!blob->bytes) {
            problem(loader, "out of memory");
            loader->fatal = true;
            return false;
        }
        return true;
    }
    const char *text = NULL;
    if (!read_text(loader, statement, index, place, column->name, &text)) {
        return false;
    }
    if (!text) {
        if (column->required) {
            row_problem(loader, place, column->name, "required value is empty");
            return false;
        }
        if (column->kind == COLUMN_CHOICE) {
            *(int *)field = CHOICE_NONE;
        }
        return true;
    }
    if (!schema_check_value(column, text, why, sizeof why)) {
        row_problem(loader, place, column->name, "%s", why);
        return false;
    }
    switch (column->kind) {
    case COLUMN_CHOICE:
        *(int *)field = schema_choice_index(column, text);
        break;
    case COLUMN_IMAGE_FORMAT:
        *(int *)field = strcmp(text, "jpeg") == 0 ? IMAGE_FORMAT_JPEG : IMAGE_FORMAT_PNG;
        break;
    case COLUMN_COLOUR: {
        unsigned rgb = 0;
        schema_parse_colour(text, &rgb);
        *(uint32_t *)field = rgb;
        break;
    }
    case COLUMN_INSTANT:
        event_instant_parse(text, (EventInstant *)field); /* checked above */
        break;
    case COLUMN_REF:
        /* Resolved to a pointer once all tables are read: park the id for now. */
        *(const char **)field = text;
        break;
    default:
        *(const char **)field = text;
        break;
    }
    return true;
}

/* The query for table's columns in spec order; a column added later that the pack
 * lacks (schema_column_added) reads as '' (a whole number as NULL). False when too long or
 * the check failed. */
static bool build_select(Loader *loader, const TableSpec *table, char *sql, size_t size)
{
    size_t used = (size_t)snprintf(sql, size, "SELECT ");
    char name[96];
    for (size_t c = 0; c < table->column_count; c++) {
        for (int l = 0; l < column_width(&table->columns[c]); l++) {
            column_name(&table->columns[c], (Lang)l, name, sizeof name);
            bool exists = true;
            if (schema_column_added(table, &table->columns[c]) &&
                !table_has_column(loader, table->name, name, &exists)) {
                return false;
            }
            const char *comma = used > 7 ? ", " : "";
            const char *none = table->columns[c].kind == COLUMN_INTEGER ? "NULL" : "''";
            used += exists ? (size_t)snprintf(sql + used, size - used, "%s\"%s\"", comma, name)
                           : (size_t)snprintf(sql + used, size - used, "%s%s", comma, none);
            if (used >= size) {
                return false;
            }
        }
    }
    const char *order = table->has_position ? " ORDER BY position, id" : table->single_row ? "" : " ORDER BY 1";
    used += (size_t)snprintf(sql + used, size - used, " FROM \"%s\"%s", table->name, order);
    return used < size;
}

static bool count_rows(Loader *loader, const TableSpec *table, long *count)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM \"%s\"", table->name);
    sqlite3_stmt *statement = prepare(loader, sql);
    if (!statement) {
        return false;
    }
    int rc = sqlite3_step(statement);
    *count = rc == SQLITE_ROW ? (long)sqlite3_column_int64(statement, 0) : 0;
    return finish(loader, statement, rc, table->name);
}

static void check_image_row(Loader *loader, const RowPlace *place, const ContentImage *image)
{
    ImageProbe probe = {0};
    char why[128];
    if (image->data.size > SCHEMA_MAX_IMAGE_BYTES) {
        row_problem(loader, place, "data", "image is larger than %d MiB", SCHEMA_MAX_IMAGE_BYTES >> 20);
    } else if (!image_probe(image->data.bytes, image->data.size, &probe, why, sizeof why)) {
        row_problem(loader, place, "data", "%s", why);
    } else if ((int)probe.format != image->format) {
        row_problem(loader, place, "format", "says %s but the data is %s", image_format_name(image->format),
                    image_format_name(probe.format));
    } else if (probe.width != image->width || probe.height != image->height) {
        row_problem(loader, place, "width", "says %lldx%lld but the image is %ldx%ld", (long long)image->width,
                    (long long)image->height, probe.width, probe.height);
    } else if (probe.width > SCHEMA_MAX_IMAGE_SIDE || probe.height > SCHEMA_MAX_IMAGE_SIDE) {
        row_problem(loader, place, "width", "image is %ldx%ld, more than %d px a side", probe.width, probe.height,
                    SCHEMA_MAX_IMAGE_SIDE);
    }
}

static bool load_table(Loader *loader, const TableSpec *table)
{
    long count = 0;
    if (!count_rows(loader, table, &count)) {
        return false;
    }
    if (table->single_row && count != 1) {
        problem(loader, "table \"%s\" must have exactly one row, it has %ld", table->name, count);
        return false;
    }
    if (count > SCHEMA_MAX_ROWS) {
        problem(loader, "table \"%s\" has %ld rows, more than %d", table->name, count, SCHEMA_MAX_ROWS);
        return false;
    }
    unsigned char *base = (unsigned char *)loader->content;
    unsigned char *rows = base + table->rows_offset;
    if (!table->single_row) {
        rows = count ? arena_alloc(loader->content->arena, (size_t)count * table->row_size) : NULL;
        if (count && !rows) {
            problem(loader, "out of memory");
            loader->fatal = true;
            return false;
        }
    }
    char sql[MAX_SQL];
    if (!build_select(loader, table, sql, sizeof sql)) {
        problem(loader, "internal: query for %s too long", table->name);
        return false;
    }
    sqlite3_stmt *statement = prepare(loader, sql);
    if (!statement) {
        return false;
    }
    bool ok = true;
    long row = 0;
    int rc;
    while (!loader->fatal && (rc = sqlite3_step(statement)) == SQLITE_ROW && row < count) {
        unsigned char *record = rows + (size_t)row * table->row_size;
        RowPlace place = {table->name, row + 1, NULL};
        int index = 0;
        for (size_t c = 0; c < table->column_count; c++) {
            const ColumnSpec *column = &table->columns[c];
            ok = read_cell(loader, statement, index, &place, column, record) && ok;
            if (column->kind == COLUMN_ID && !place.id) {
                place.id = *(const char **)(record + column->offset);
            }
            index += column_width(column);
        }
        if (strcmp(table->name, "images") == 0) {
            size_t before = loader->report ? loader->report->count : 0;
            const ContentImage *image = (const ContentImage *)record;
            check_image_row(loader, &place, image);
            ok = ok && (!loader->report || loader->report->count == before);
            if (image->width > 0 && image->height > 0 && image->width <= SCHEMA_MAX_IMAGE_SIDE &&
                image->height <= SCHEMA_MAX_IMAGE_SIDE) {
                loader->image_pixels += (unsigned long long)image->width * (unsigned long long)image->height;
            }
        }
        row++;
    }
    if (strcmp(table->name, "images") == 0 && loader->image_pixels > SCHEMA_MAX_TOTAL_PIXELS) {
        problem(loader, "images: %ld images total %.1f megapixels, more than the budget of %d megapixels", row,
                (double)loader->image_pixels / 1e6, SCHEMA_MAX_TOTAL_PIXELS / 1000000);
        ok = false;
    }
    if (loader->fatal) {
        sqlite3_finalize(statement);
        return false;
    }
    if (!finish(loader, statement, rc, table->name)) {
        return false;
    }
    if (!table->single_row) {
        *(void **)(base + table->rows_offset) = rows;
        *(size_t *)(base + table->count_offset) = (size_t)row;
    }
    return ok;
}

/* ---- keys and references -------------------------------------------------------------- */

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool check_unique_keys(Loader *loader, const TableSpec *table)
{
    size_t count = 0;
    const unsigned char *rows = schema_rows(table, loader->content, &count);
    if (table->single_row || count < 2) {
        return true;
    }
    const char **keys = malloc(count * sizeof *keys);
    if (!keys) {
        problem(loader, "out of memory");
        return false;
    }
    for (size_t i = 0; i < count; i++) {
        keys[i] = schema_row_key(table, rows, i);
    }
    qsort(keys, count, sizeof *keys, compare_strings);
    bool ok = true;
    for (size_t i = 1; i < count; i++) {
        if (strcmp(keys[i - 1], keys[i]) == 0) {
            problem(loader, "%s: id \"%.64s\" is used by more than one row", table->name, keys[i]);
            ok = false;
        }
    }
    free(keys);
    return ok;
}

static const void *find_row(const Loader *loader, const char *table_name, const char *key)
{
    const TableSpec *table = schema_table(table_name);
    size_t count = 0;
    const unsigned char *rows = table ? schema_rows(table, loader->content, &count) : NULL;
    for (size_t i = 0; rows && i < count; i++) {
        if (strcmp(schema_row_key(table, rows, i), key) == 0) {
            return rows + i * table->row_size;
        }
    }
    return NULL;
}

/* Every id of a COLUMN_REFS value names a row of its table (the value stays text). */
static bool check_id_lists(Loader *loader, const TableSpec *table, const unsigned char *rows, size_t count,
                           const ColumnSpec *column)
{
    bool ok = true;
    for (size_t i = 0; i < count; i++) {
        const char *cursor = *(const char *const *)(rows + i * table->row_size + column->offset);
        const char *id = NULL;
        size_t length = 0;
        while (cursor && id_list_next(&cursor, &id, &length)) {
            char key[72];
            snprintf(key, sizeof key, "%.*s", (int)(length < 70 ? length : 70), id);
            if (!find_row(loader, column->ref_table, key)) {
                RowPlace place = {table->name, (long)i + 1, schema_row_key(table, rows, i)};
                row_problem(loader, &place, column->name, "\"%.64s\" is not in table \"%s\"", key, column->ref_table);
                ok = false;
            }
        }
    }
    return ok;
}

static bool resolve_references(Loader *loader, const TableSpec *table)
{
    size_t count = 0;
    unsigned char *rows = (unsigned char *)schema_rows(table, loader->content, &count);
    bool ok = true;
    for (size_t c = 0; c < table->column_count; c++) {
        const ColumnSpec *column = &table->columns[c];
        if (column->kind == COLUMN_REFS) {
            ok = check_id_lists(loader, table, rows, count, column) && ok;
            continue;
        }
        if (column->kind != COLUMN_REF) {
            continue;
        }
        for (size_t i = 0; i < count; i++) {
            const void **field = (const void **)(rows + i * table->row_size + column->offset);
            const char *key = *field;
            if (!key) {
                continue;
            }
            *field = find_row(loader, column->ref_table, key);
            if (!*field) {
                RowPlace place = {table->name, (long)i + 1, table->single_row ? NULL : schema_row_key(table, rows, i)};
                row_problem(loader, &place, column->name, "\"%.64s\" is not in table \"%s\"", key, column->ref_table);
                ok = false;
            }
        }
    }
    return ok;
}

/* ---- the event tables' own rules ---------------------------------------------------------- */

static bool check_span(Loader *loader, const char *table, size_t i, const char *id, const EventSpan *span,
                       const char *column)
{
    if (span->ends > span->starts) {
        return true;
    }
    RowPlace place = {table, (long)i + 1, id};
    row_problem(loader, &place, column, "ends before it starts");
    return false;
}

/* Every span ends after it starts; a private meeting names nobody (the builder drops its
 * parties and title: a pack that has them was not made by it). */
static bool check_event_rows(Loader *loader)
{
    const Content *content = loader->content;
    bool ok = true;
    for (size_t i = 0; i < content->session_count; i++) {
        ok = check_span(loader, "sessions", i, content->sessions[i].id, &content->sessions[i].span, "ends") && ok;
    }
    for (size_t i = 0; i < content->announcement_count; i++) {
        const Announcement *row = &content->announcements[i];
        ok = check_span(loader, "announcements", i, row->id, &row->window, "until") && ok;
    }
    for (size_t i = 0; i < content->meeting_count; i++) {
        const Meeting *row = &content->meetings[i];
        ok = check_span(loader, "meetings", i, row->id, &row->span, "ends") && ok;
        if (row->privacy == MEETING_PRIVATE && (row->party_a || row->party_b || row->title)) {
            RowPlace place = {"meetings", (long)i + 1, row->id};
            row_problem(loader, &place, "private", "a private meeting names its parties or title");
            ok = false;
        }
    }
    return ok;
}

/* ---- entry points ------------------------------------------------------------------------ */

/* False for a table added after the pack's schema version (the event tables in a version 2
 * pack): the pack has none of its rows. */
static bool table_in_pack(const Loader *loader, const TableSpec *table)
{
    return loader->version >= table->since_version;
}

static ContentStatus load_opened(Loader *loader, Content **out)
{
    if (!check_integrity(loader) || !check_version(loader) || !check_no_code(loader)) {
        return CONTENT_INVALID;
    }
    size_t table_count = 0;
    const TableSpec *tables = schema_tables(&table_count);
    bool ok = true;
    for (size_t t = 0; t < table_count && !loader->fatal; t++) {
        ok = (!table_in_pack(loader, &tables[t]) || check_table_shape(loader, &tables[t])) && ok;
    }
    ok = check_typed_cyrillic_shape(loader) && ok;
    if (!ok || loader->fatal) {
        return CONTENT_INVALID;
    }
    loader->content = calloc(1, sizeof(Content));
    if (!loader->content || !(loader->content->arena = arena_create())) {
        problem(loader, "out of memory");
        return CONTENT_NO_MEMORY;
    }
    for (size_t t = 0; t < table_count && !loader->fatal; t++) {
        ok = (!table_in_pack(loader, &tables[t]) || load_table(loader, &tables[t])) && ok;
    }
    for (size_t t = 0; ok && t < table_count; t++) {
        ok = check_unique_keys(loader, &tables[t]) && ok;
    }
    /* Every table's references, so that every dangling one is reported. */
    bool keys_ok = ok;
    for (size_t t = 0; keys_ok && t < table_count; t++) {
        ok = resolve_references(loader, &tables[t]) && ok;
    }
    ok = ok && check_event_rows(loader);
    if (!ok || loader->fatal) {
        return CONTENT_INVALID;
    }
    *out = loader->content;
    loader->content = NULL;
    return CONTENT_OK;
}

static ContentStatus finish_load(Loader *loader, bool opened, Content **out)
{
    ContentStatus status = opened ? load_opened(loader, out) : CONTENT_CANNOT_OPEN;
    sqlite3_close(loader->db);
    content_unload(loader->content);
    return status;
}

ContentStatus content_load(const char *path, ContentReport *report, Content **out)
{
    Loader loader = {.report = report};
    *out = NULL;
    bool opened = open_file(&loader, path);
    return finish_load(&loader, opened, out);
}

ContentStatus content_load_memory(const void *bytes, size_t size, ContentReport *report, Content **out)
{
    Loader loader = {.report = report};
    *out = NULL;
    bool opened = open_memory(&loader, bytes, size);
    return finish_load(&loader, opened, out);
}
