/* sources.h — where the builder's tables come from: a folder of CSV files (members.csv, …)
 * or one Excel workbook (content.xlsx, a sheet per table: members, …), with images/ in the
 * folder or beside the workbook. Either way a table arrives as a CsvTable (csv.h); where it
 * is, for messages, is a file (`data/members.csv`) or a file and a sheet (`content.xlsx`,
 * sheet "members"): sources_table_file(), sources_table_sheet(). Start at sources_open(). */
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

/* Why sources_read_table() could not give a table. */
typedef enum SourcesFailure {
    SOURCES_READ = 0,          /* it did */
    SOURCES_MISSING,           /* no such CSV file, or no such sheet */
    SOURCES_UNREADABLE,        /* the CSV file cannot be read: error is an errno value */
    SOURCES_CSV_REFUSED,       /* the CSV reader refused the text: csv->error, csv->error_line */
    SOURCES_WORKBOOK_REFUSED,  /* the workbook reader refused the workbook or the sheet: text, row (0: none) */
    SOURCES_OUT_OF_MEMORY,
} SourcesFailure;

typedef struct SourcesProblem {
    SourcesFailure failure;
    int error;
    long row;
    char text[320];
} SourcesProblem;

/* Opens the sources at path: a folder (CSV files), or a file (an .xlsx workbook, opened and its
 * shared parts read now; a path ending in .xlsx that is not there is one problem, not one per
 * table). Returns false with problem->text the reason (a workbook refused for a limit,
 * damaged, not a workbook, "No such file or directory", …); close with sources_close() either
 * way. */
bool sources_open(Sources *sources, const char *path, SourcesProblem *problem);

/* Releases what sources_open() holds. Safe on a zeroed Sources. */
void sources_close(Sources *sources);

/* The file table's rows come from, into out: "data/members.csv", or the workbook's path. */
void sources_table_file(const Sources *sources, const char *table, char *out, size_t size);

/* The sheet table's rows come from, as the workbook names it (sheet names match table names
 * without regard to case, as Excel treats them; an exact match first): "members". NULL for a
 * folder of CSV files, and the table's name when the workbook has no such sheet. Valid until
 * sources_close(). */
const char *sources_table_sheet(const Sources *sources, const char *table);

/* Reads table into csv (header row first; a sheet's rows padded with "" to the header's
 * width, a sheet's record lines are its row numbers, its separator '\0'). Returns false with
 * problem filled in; csv_table_unload() csv either way. */
bool sources_read_table(Sources *sources, const char *table, CsvTable *csv, SourcesProblem *problem);

/* Calls each(ctx, name, stem) for every part of the sources that is no table's, so that a
 * misnamed one can be named: a CSV file in the folder whose name without ".csv" names no
 * table ("members (1).csv", stem "members (1)"), or a sheet of the workbook no table reads
 * ("Members (1)", stem the same). The sheet "Read me" that `pack export` writes is no table
 * and is left out. In the folder's or the workbook's order. */
void sources_each_stray(const Sources *sources, void (*each)(void *ctx, const char *name, const char *stem),
                        void *ctx);

/* Reads a whole regular file of at most limit bytes, NUL-terminated (the caller free()s it).
 * NULL with *error = an errno value (ENOENT, EFBIG for over limit, EINVAL not a file, …). */
char *sources_read_file(const char *path, size_t limit, size_t *size, int *error);

#endif
