/* visits_store.h — the writing side of the statistics: one connection to visits.db that
 * turns a batch of records into rows in one transaction, then applies the retention bounds.
 * Internal to src/visits: visits_log.c uses it, from its writer thread or its caller's. One
 * thread at a time uses a VisitsStore. */
#ifndef FACTS_VISITS_VISITS_STORE_H
#define FACTS_VISITS_VISITS_STORE_H

#include "visits/visits_record.h"

typedef struct VisitsStore VisitsStore;

/* Opens path for writing (visits_db_open_write) and prepares the statements. keep_days and
 * max_bytes are the retention bounds. NULL on failure, why says what went wrong. */
VisitsStore *visits_store_open(const char *path, uint32_t keep_days, uint64_t max_bytes, char *why,
                               size_t why_size);

/* Closes the connection. NULL is a no-op. */
void visits_store_close(VisitsStore *store);

/* Writes count records and the open session's length so far in one transaction, then drops
 * the oldest days beyond the bounds. VISITS_OK: all written. VISITS_ERR_BUSY or
 * VISITS_ERR_IO: nothing written (the caller keeps the records and tries again, in order).
 * VISITS_ERR_FULL: today alone is over max_bytes; nothing written and *dropped grows by
 * count: the records are gone. */
VisitsStatus visits_store_write(VisitsStore *store, const Record *records, size_t count, VisitsOpenSession open,
                                uint64_t *dropped);

/* The connection (tests, reports in the same thread). */
sqlite3 *visits_store_db(VisitsStore *store);

#endif
