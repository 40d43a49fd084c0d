/* schema.h — the content pack contract in C: every table and column of data/schema.sql,
 * what kind of value each column holds, and where it lands in the Content model.
 * The pack builder (src/builder/) writes packs from this table; the loader (loader.c)
 * checks and reads packs with it; both validate values with schema_check_value(), so a
 * value the builder accepts is exactly a value the loader accepts. */
#ifndef FACTS_CONTENT_SCHEMA_H
#define FACTS_CONTENT_SCHEMA_H

#include "core/lang.h"

#include <stdbool.h>
#include <stddef.h>

/* PRAGMA user_version of packs this kiosk writes; it reads every version from
 * SCHEMA_OLDEST_VERSION on. Version 2 added the table typed_cyrillic, version 3 the event
 * tables (events, sessions, meetings, announcements). The builder writes version 3 only for
 * a pack with an event: a pack without one is a version 2 pack, byte for byte as before. */
enum { SCHEMA_VERSION = 3, SCHEMA_OLDEST_VERSION = 1, SCHEMA_EVENTS_SINCE = 3 };

/* The line of data/schema.sql after which the tables of version SCHEMA_EVENTS_SINCE start;
 * the builder runs the text after it only for a pack with an event. */
#define SCHEMA_EVENTS_MARKER "-- @since 3: event tables"

/* The table that lists the Serbian Cyrillic texts staff typed, one row (table_name, row_id,
 * column_name) each; every other Cyrillic text was made from the Serbian Latin by the
 * builder. row_id is '' in one-row tables, column_name the full name ("title_sr_cyrl").
 * Packs of schema versions before SCHEMA_TYPED_CYRILLIC_SINCE do not have it. */
#define SCHEMA_TYPED_CYRILLIC_TABLE "typed_cyrillic"
enum { SCHEMA_TYPED_CYRILLIC_SINCE = 2 };

/* Limits that keep a hostile pack's memory bounded (and builder input sane). */
enum {
    SCHEMA_MAX_TEXT_BYTES = 16 * 1024,
    SCHEMA_MAX_ROWS = 10000,
    SCHEMA_MAX_IMAGE_BYTES = 16 * 1024 * 1024,
    SCHEMA_MAX_IMAGE_SIDE = 4096,
    /* All images of a pack together: bounds the cost of decoding them all (the update's
     * acceptance check does); 7 images of 4096x4096 fit. See data/README.md. */
    SCHEMA_MAX_TOTAL_PIXELS = 120 * 1000 * 1000,
};

typedef enum ColumnKind {
    COLUMN_ID,      /* key: 1–64 of [a-z0-9-] (images: a file name) */
    COLUMN_TEXT,    /* a visible text in three languages: <name>_en, _sr_latn, _sr_cyrl */
    COLUMN_PLAIN,   /* a text shown as written (names) */
    COLUMN_INTEGER, /* a whole number > 0 */
    COLUMN_DATE,    /* YYYY-MM-DD, a real calendar date */
    COLUMN_YEARS,   /* "2013", "2011-2016" or "2011, 2012, 2013" */
    COLUMN_CHOICE,  /* one of a fixed list of words */
    COLUMN_COLOUR,  /* #RRGGBB */
    COLUMN_URL,     /* http:// or https:// address */
    COLUMN_EMAIL,
    COLUMN_PHONE,   /* digits, spaces and + ( ) - / */
    COLUMN_REF,     /* the id of a row of another table */
    COLUMN_IMAGE_FORMAT, /* png | jpeg (images table) */
    COLUMN_BLOB,    /* bytes (images table) */
    COLUMN_INSTANT, /* in a pack a UTC instant "YYYY-MM-DDTHH:MM:SSZ" (core/event_time.h);
                     * in sources a local time "YYYY-MM-DDTHH:MM" in the event's zone */
    COLUMN_ZONE,    /* an IANA time-zone name ("Europe/Belgrade") */
    COLUMN_ZONE_OFFSETS, /* the zone's UTC offsets over the event's days, made by the builder
                          * (event_zone_parse() of core/event_time.h reads them) */
    COLUMN_REFS,    /* ids of rows of another table, separated by commas; in a pack
                     * "id,id" (no spaces, no id twice): core/id_list.h walks them */
} ColumnKind;

typedef struct ColumnSpec {
    const char *name;            /* SQL/CSV name; COLUMN_TEXT: the base of three names */
    ColumnKind kind;
    bool required;
    size_t offset;               /* of the field in the row struct */
    const char *const *choices;  /* COLUMN_CHOICE: NULL-terminated words */
    const char *ref_table;       /* COLUMN_REF: table whose id it names */
} ColumnSpec;

typedef struct TableSpec {
    const char *name;            /* SQL table; its CSV source is <name>.csv */
    const ColumnSpec *columns;
    size_t column_count;
    size_t row_size;
    size_t rows_offset;          /* in Content: the array pointer (lists) or the struct */
    size_t count_offset;         /* in Content: the count (lists only) */
    bool single_row;             /* exactly one row, no id/position */
    bool has_position;           /* list ordered by an implicit position column */
    bool from_sources;           /* false: made by the builder (images) */
    int since_version;           /* 0: in every pack; else packs of older versions lack it
                                  * (and its source file may be absent: no rows) */
} TableSpec;

/* All tables, in load order (a table only refers to tables before it). */
const TableSpec *schema_tables(size_t *count);

/* The table named name, or NULL. */
const TableSpec *schema_table(const char *name);

/* True for an optional column added after packs of this schema version were made: a pack
 * may lack it (the loader reads it as not given) and the builder writes it only when a
 * source fills it in, so packs without it stay byte for byte what they were. Its SQL is
 * "<name>[_lang] TEXT NOT NULL DEFAULT ''", or "<name> INTEGER" for a whole number
 * (see data/schema.sql). */
bool schema_column_added(const TableSpec *table, const ColumnSpec *column);

/* True for a column the builder makes, which no source file has (events.utc_offsets:
 * worked out from the event's zone and days). */
bool schema_column_made(const ColumnSpec *column);

/* Checks one non-empty text value of a column against its kind (not COLUMN_TEXT's
 * language rules, not COLUMN_BLOB, not references). value must be NUL-terminated and
 * valid UTF-8. On false, why holds a message such as
 * `"SMEE" is not one of SME, larger, research, other`. */
bool schema_check_value(const ColumnSpec *column, const char *value, char *why, size_t why_size);

struct Content;

/* The rows of table in content: a pointer to count rows of table->row_size bytes each
 * (a single-row table has count 1). For table-driven code such as checks and tests. */
const unsigned char *schema_rows(const TableSpec *table, const struct Content *content, size_t *count);

/* The key (first column) of row i of a list table. */
const char *schema_row_key(const TableSpec *table, const unsigned char *rows, size_t i);

/* The SQL (and source) name of column in lang: "<name>_<suffix>" for a COLUMN_TEXT
 * ("title_sr_cyrl"), else its name (lang is then ignored). */
void schema_column_name(const ColumnSpec *column, Lang lang, char *out, size_t size);

/* Index of value in column->choices, or -1. */
int schema_choice_index(const ColumnSpec *column, const char *value);

/* True for a name that may be an IANA time zone: 1-64 of letters, digits and / _ + - .,
 * no "..", "//" or leading '/' or '.' (so it can name a file under a zoneinfo folder). */
bool schema_zone_name_valid(const char *value);

/* Parses "#RRGGBB" into 0xRRGGBB; false if malformed. */
bool schema_parse_colour(const char *value, unsigned *rgb);

#endif
