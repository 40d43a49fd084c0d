/* visits_file.h — writing a whole file safely: into path.tmp, flushed and synced, then
 * renamed over path and the folder synced, so a stick pulled mid-write never holds half a
 * report. Internal to src/visits. */
#ifndef FACTS_VISITS_VISITS_FILE_H
#define FACTS_VISITS_VISITS_FILE_H

#include "visits/visits_db.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Writes the file's contents to out; false when something failed (then nothing replaces
 * the file). */
typedef bool (*VisitsWriteFn)(void *ctx, FILE *out);

/* Writes path through write(ctx, ...). VISITS_ERR_IO (why says what) when the temporary
 * file cannot be made, written or renamed; path is then as it was. */
VisitsStatus visits_file_write(const char *path, VisitsWriteFn write, void *ctx, char *why, size_t why_size);

#endif
