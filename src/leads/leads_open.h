/* leads_open.h — what `facts-kiosk leads open` does, for staff on a laptop: every sealed
 * record in the files and folders given is opened with the secret key and written as one CSV
 * row (leads_csv.h). A record found twice (the same stick exported to twice after an
 * interrupted copy, or the same file given twice) is written once. Every damaged or foreign
 * record is reported as "FILE: offset N: ..." and skipped; the rest are still read.
 *
 *   LeadsOpenReport report = {.each = print, .ctx = stderr};
 *   leads_open_paths(paths, count, public_key, secret_key, csv, &report);
 *   exit status: report.problems ? 1 : 0
 */
#ifndef FACTS_LEADS_LEADS_OPEN_H
#define FACTS_LEADS_LEADS_OPEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "leads/leads_record.h"

enum { LEADS_OPEN_DEPTH_MAX = 4 }; /* folder levels searched for *.sealed files */

/* Receives one problem line (no newline). */
typedef void (*LeadsProblemFn)(void *ctx, const char *message);

typedef struct LeadsOpenReport {
    LeadsProblemFn each; /* may be NULL */
    void *ctx;
    size_t files;        /* sealed files read */
    size_t leads;        /* rows written */
    size_t duplicates;   /* records skipped because they were written already */
    size_t problems;     /* damaged, torn, foreign or unreadable: each reported once */
} LeadsOpenReport;

/* Opens the records in paths (files of any name; folders are searched, LEADS_OPEN_DEPTH_MAX
 * levels deep, for files ending in ".sealed", in name order) with the key pair and writes the
 * CSV (with its byte order mark and heading) to csv. Fills *report. Returns false only when
 * csv could not be written or memory ran out (then report->problems says so too); damaged
 * records are counted in report->problems and do not stop the rest. Needs sodium_init(). */
bool leads_open_paths(const char *const *paths, size_t count, const unsigned char public_key[LEADS_KEY_BYTES],
                      const unsigned char secret_key[LEADS_KEY_BYTES], FILE *csv, LeadsOpenReport *report);

#endif
