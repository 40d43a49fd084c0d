/* csv.h — an RFC 4180 CSV reader for staff-edited sources: quoted fields with commas,
 * doubled quotes and line breaks, CRLF or LF, an optional UTF-8 byte-order mark (as
 * spreadsheets write it), and ';' instead of ',' between fields when the header row says
 * so (Excel's "CSV" in locales whose decimal mark is a comma, Serbian among them).
 * Reports the line each record starts on. Pure. */
#ifndef FACTS_BUILDER_CSV_H
#define FACTS_BUILDER_CSV_H

#include <stdbool.h>
#include <stddef.h>

typedef struct CsvRecord {
    char **fields;      /* NUL-terminated field texts */
    size_t field_count;
    long line;          /* 1-based line where the record starts */
    size_t other_separators; /* the separator not used (';' in a ',' file, ',' in a ';'
                                file) outside quotes: a clue when the field count is wrong */
} CsvRecord;

/* Why csv_table_load() refused a text (CSV_ERROR_NONE: it did not, or out of memory). */
typedef enum CsvError {
    CSV_ERROR_NONE = 0,
    CSV_ERROR_NOT_UTF8,
    CSV_ERROR_NUL_BYTE,
    CSV_ERROR_TEXT_AFTER_QUOTE,
    CSV_ERROR_QUOTE_NOT_CLOSED,
} CsvError;

typedef struct CsvTable {
    CsvRecord *records; /* records[0] is the header row */
    size_t record_count;
    char separator;     /* ',' or ';': the one the header row uses (see csv_table_load) */
    CsvError error;     /* after a failed csv_table_load(): why, */
    long error_line;    /* and on which line */
} CsvTable;

/* Parses text[0..size) into table (the caller frees it with csv_table_unload(), also after
 * a failure). The separator is ';' when the first row has more ';' than ',' outside
 * quotes, else ','; table->separator says which. Blank lines are skipped. Returns false with why = "line N: …" (and
 * table->error, table->error_line) for an unterminated quote, text after a closing quote, a NUL byte or invalid
 * UTF-8. */
bool csv_table_load(const char *text, size_t size, CsvTable *table, char *why, size_t why_size);

/* Frees what csv_table_load() allocated. Safe on a zeroed table. */
void csv_table_unload(CsvTable *table);

#endif
