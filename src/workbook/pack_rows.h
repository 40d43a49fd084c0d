/* pack_rows.h — a content pack read back as the sources it was built from: per source
 * table (TableSpec.from_sources) its source columns in the builder's order (a COLUMN_TEXT as
 * <name>_en, _sr_latn, _sr_cyrl) and its rows in display order, each value as the text a
 * source file holds. Serbian Cyrillic that the builder made from the Latin is left out (NULL),
 * so building the sources again makes it again from the Latin; what staff typed is kept
 * (packs of schema version 2 list it; in older packs a Cyrillic text that is not what the
 * Latin would make counts as typed). `pack export` (xlsx_write.h) writes these rows. */
#ifndef FACTS_WORKBOOK_PACK_ROWS_H
#define FACTS_WORKBOOK_PACK_ROWS_H

#include "content/schema.h"

#include <stdbool.h>
#include <stddef.h>

enum { PACK_ROWS_MAX_COLUMNS = 64 };

typedef struct PackRows PackRows;

/* One source column: the spec's column, its language (COLUMN_TEXT) or -1, its name. */
typedef struct PackColumn {
    const ColumnSpec *column;
    int lang;
    char name[96];
} PackColumn;

/* One source table: cells[row * column_count + column], NULL for an empty value. */
typedef struct PackTable {
    const TableSpec *spec;
    PackColumn columns[PACK_ROWS_MAX_COLUMNS];
    size_t column_count;
    char **cells;
    size_t row_count;
} PackTable;

/* Opens the pack at path after checking it as the kiosk does (content_load): NULL with why
 * on failure (the loader's first problem). Close with pack_rows_close(). */
PackRows *pack_rows_open(const char *path, char *why, size_t why_size);

/* Closes what pack_rows_open() opened; NULL is a no-op. */
void pack_rows_close(PackRows *rows);

/* True when the pack holds spec's table (a table of a later schema version, such as the
 * event tables, is missing from older packs). */
bool pack_rows_has_table(const PackRows *rows, const TableSpec *spec);

/* The source columns of spec (every column, also those added later: see
 * schema_column_added; not those the builder makes: schema_column_made), without reading
 * anything. */
void pack_rows_columns(const TableSpec *spec, PackTable *out);

/* Reads spec's rows into out (columns as pack_rows_columns; an event table's UTC instants
 * as the local times of its event's zone, "2026-09-17T10:00", as its sources take them;
 * an announcement's in the zone of the event whose days hold it, else the first event's,
 * as the builder reads them); free it with
 * pack_rows_table_free(). False with why on failure (out is then empty). */
bool pack_rows_read_table(PackRows *rows, const TableSpec *spec, PackTable *out, char *why, size_t why_size);

/* Frees what pack_rows_read_table() put into table; a zeroed table is a no-op. */
void pack_rows_table_free(PackTable *table);

/* What pack_rows_each_image() calls for each image: false with why to stop. */
typedef bool (*PackImageFn)(void *ctx, const char *name, const void *bytes, size_t size, char *why, size_t why_size);

/* Calls each for every image of the pack, by name; stops at the first false each returns.
 * False with why when reading fails or each said why. */
bool pack_rows_each_image(PackRows *rows, PackImageFn each, void *ctx, char *why,
                          size_t why_size);

#endif
