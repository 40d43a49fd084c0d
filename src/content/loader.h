/* loader.h — opens a content pack as the untrusted file it is and loads it into a Content.
 *
 * The file is read-only and immutable to SQLite (no journal, no locks, nothing written
 * next to it), with SQLite's hardening for untrusted databases: defensive mode,
 * trusted_schema off, triggers and views disabled, cell_size_check, no mmap, no ATTACH,
 * bounded lengths and a progress budget; PRAGMA quick_check runs first. Then the schema
 * version, every table and column of the contract (schema.h), every value's type, UTF-8,
 * format, uniqueness and references are checked. */
#ifndef FACTS_CONTENT_LOADER_H
#define FACTS_CONTENT_LOADER_H

#include "content/content.h"

#include <stddef.h>

typedef enum ContentStatus {
    CONTENT_OK = 0,
    CONTENT_CANNOT_OPEN,   /* missing, unreadable, not SQLite */
    CONTENT_INVALID,       /* opened, but it breaks the contract */
    CONTENT_NO_MEMORY,
} ContentStatus;

/* Where problems go. Every problem is one line naming the table and row, e.g.
 * `members row 3 (id "acme"): column "kind": "SMEE" is not one of SME, larger, research, other`.
 * first holds the first one (for an on-screen message); each, if set, sees them all. */
typedef struct ContentReport {
    void (*each)(void *ctx, const char *problem);
    void *ctx;
    size_t count;
    char first[512];
} ContentReport;

/* Loads the pack at path. On CONTENT_OK, *out is a Content the caller frees with
 * content_unload(). On failure *out is NULL and report (which may be NULL) says why; the
 * loader keeps checking after a problem in a value, so report->each sees every problem. */
ContentStatus content_load(const char *path, ContentReport *report, Content **out);

/* Loads a pack from memory (used by the fuzzer): the same checks as content_load(). */
ContentStatus content_load_memory(const void *bytes, size_t size, ContentReport *report, Content **out);

#endif
