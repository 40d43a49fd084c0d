/* sources.h — where the builder's tables come from: a folder of CSV files (members.csv, …)
 * or one Excel workbook (content.xlsx, a sheet per table: members, …), with images/ in the
 * folder or beside the workbook. Either way a table arrives as a CsvTable (csv.h) and each of
 * its rows says where it is, in the words staff see: `data/members.csv:14` or
 * `content.xlsx, sheet "members", row 14`. Start at sources_open(). */
#ifndef FACTS_BUILDER_SOURCES_H
#define FACTS_BUILDER_SOURCES_H

#include "builder/csv.h"
#include "workbook/xlsx_read.h"

#include <stdbool.h>
#include <stddef.h>

enum { SOURCES_MAX_PATH = 4096 };

typedef struct Sources {
    char path[SOURCES_MAX_PATH];   /* as given: the folder, or the workbook file */
    char folder[SOURCES_MAX_PATH]; /* the folder that holds images/ */
    XlsxBook *book;                /* the workbook, or NULL for a folder of CSV files */
} Sources;

/* Where one table is: "data/members.csv" or `content.xlsx, sheet "members"`. */
typedef struct SourcesLabel {
    char text[SOURCES_MAX_PATH + 128];
    bool sheet;                    /* rows are a sheet's rows, not a file's lines */
} SourcesLabel;

/* A place in a table, as text: "data/members.csv:14" or `content.xlsx, sheet "members", row 14`.
 * Returned by value so it can sit in a call's arguments (`sources_where(…).text`). */
typedef struct SourcesWhere {
    char text[SOURCES_MAX_PATH + 160];
} SourcesWhere;

/* Opens the sources at path: a folder (CSV files), or a file (an .xlsx workbook, opened and its
 * shared parts read now; a path ending in .xlsx that is not there is one problem, not one per
 * table). Returns false with why = "<path>: <reason>" (a workbook refused for a limit,
 * damaged, not a workbook, …); close with sources_close() either way. */
bool sources_open(Sources *sources, const char *path, char *why, size_t why_size);

/* Releases what sources_open() holds. Safe on a zeroed Sources. */
void sources_close(Sources *sources);

/* The label of table (a schema table name, "members"). */
void sources_label(const Sources *sources, const char *table, SourcesLabel *label);

/* The place of line (a CSV line or a sheet's row number) in the table labelled label. */
SourcesWhere sources_where(const SourcesLabel *label, long line);

/* "line" for a CSV file, "row" for a sheet: how a message names another place in the table. */
const char *sources_line_word(const SourcesLabel *label);

/* Reads table into csv (header row first; a sheet's rows padded with "" to the header's
 * width, a sheet's record lines are its row numbers, its separator '\0') and fills label.
 * Returns false with *line (0 when the problem is not in a row) and why ("file is missing",
 * "sheet is missing", the CSV reader's or the workbook reader's reason); csv_table_unload()
 * csv either way. */
bool sources_read_table(Sources *sources, const char *table, CsvTable *csv, SourcesLabel *label, long *line,
                        char *why, size_t why_size);

/* Reads a whole regular file of at most limit bytes, NUL-terminated (the caller free()s it).
 * NULL with *error = an errno value (ENOENT, EFBIG for over limit, EINVAL not a file, …). */
char *sources_read_file(const char *path, size_t limit, size_t *size, int *error);

#endif
