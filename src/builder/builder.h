/* builder.h — the authoring wing: turns the editable sources (a folder with one CSV per
 * table, or an Excel workbook with one sheet per table; images by file name in images/ in
 * the folder or beside the workbook: see sources.h) into a content pack. Runs at build time
 * (the bundled pack), on staff laptops (`facts-kiosk pack build`) and, linked into the kiosk,
 * in its update worker for a staff import (app/import_job.h): never on the display loop. */
#ifndef FACTS_BUILDER_BUILDER_H
#define FACTS_BUILDER_BUILDER_H

#include "builder/build_messages.h"

#include <stdbool.h>
#include <stddef.h>

/* Where problems go: each is one `file:line: message` line in English (the messages are
 * the catalogue in build_messages.h; for a workbook the place is
 * `content.xlsx, sheet "members", row 14`). Warnings (a likely mistake that still makes a
 * valid pack, such as Serbian Latin text left in English) go to the same callback as
 * `file:line: column "x": warning: message` and are counted apart: only problems (count)
 * stop the pack being written. keep (set by build_problems_attach(), may be NULL) is given
 * every problem structured, to be shown later in any language. */
typedef struct BuilderReport {
    void (*each)(void *ctx, const char *problem);
    void *ctx;
    size_t count;
    size_t warning_count;
    void (*keep)(void *keep_ctx, const BuildProblem *problem);
    void *keep_ctx;
} BuilderReport;

/* Reads every source at source (a folder of CSV files, or a file: an .xlsx workbook whose
 * sheets go through exactly the same checks as the CSV files), checks all of it (reporting every problem, not
 * just the first) and, only if there were none, writes the pack to out_path: a single
 * SQLite file in rollback-journal mode, VACUUMed, the same bytes for the same sources.
 * out_path is replaced atomically (written beside it, then renamed). Returns true on
 * success. Staff may write more than the pack's own forms; the pack holds the one form
 * the loader accepts:
 *  - a CSV separated by ';' (see csv.h), with or without a UTF-8 byte-order mark;
 *  - year ranges with an en or em dash, spaces around it ("2019 – 2021" → "2019-2021");
 *  - fixed words in any case ("sme" → "SME");
 *  - an id as staff type it: a valid key (letters a–z A–Z, digits, - _ .) as written,
 *    anything else in the key form of build_names.h ("Example Brand Đlj" →
 *    "example-brand-djlj"), and an id left empty made from the row's name or title
 *    (unique with -2, -3 …); a reference to an id may be typed the same ways;
 *  - no value in an optional column that the SQL schema declares NOT NULL (a story's
 *    years): written as '', which the loader reads as no value. */
bool builder_build(const char *source, const char *out_path, BuilderReport *report);

/* The text of data/schema.sql, compiled in (generated at build time). */
extern const char BUILDER_SCHEMA_SQL[];

#endif
