/* stage.h — bringing a pack into the local state directory, from a stick or a download.
 * The staged copy is bounded (size cap checked before and counted during), hashed as it
 * is written (so the signature check never reads the file again), lands under a temp
 * name, is made read-only, fsynced and renamed to STORE_STAGED_NAME. Every failure — stick
 * pulled, download broken, disk full — leaves nothing behind. Two ways in:
 *   stage_copy(): from a regular file (no symlink, FIFO or device), e.g. on a stick;
 *   a StageWriter fed by the caller (stage_begin, stage_append..., stage_commit, or
 *   stage_abort), e.g. from a download's write callback (update/pull.h).
 * stage_copy() is the writer fed by a read loop, so both share every step. */
#ifndef FACTS_UPDATE_STAGE_H
#define FACTS_UPDATE_STAGE_H

#include <stdbool.h>
#include <stdint.h>

#include "durable/fault.h"
#include "durable/fsio.h"
#include "store/store_paths.h"
#include "update/minisign.h"

/* The copy is STORE_STAGING_NAME while it is written and STORE_STAGED_NAME once complete,
 * awaiting its checks (store/store_paths.h). */

enum { STAGE_CHUNK_BYTES = 1024 * 1024 };

typedef enum StageStatus {
    STAGE_OK = 0,
    STAGE_ERR_MISSING,      /* source does not exist */
    STAGE_ERR_NOT_REGULAR,  /* symlink, directory, FIFO, device, ... */
    STAGE_ERR_TOO_LARGE,    /* over the size cap (before or during the copy) */
    STAGE_ERR_READ,         /* reading the stick failed (stick pulled) */
    STAGE_ERR_NO_SPACE,     /* the state directory is full (ENOSPC, EDQUOT) */
    STAGE_ERR_WRITE,        /* any other failure writing the staged copy */
    STAGE_ERR_NO_MEMORY,
} StageStatus;

/* fraction in [0, 1] of the bytes copied so far. */
typedef void (*StageProgressFn)(void *ctx, double fraction);

typedef struct StageRequest {
    int source_dir_fd;        /* folder source_path is relative to (fsio_open_dir), or AT_FDCWD */
    const char *source_path;  /* the pack on the stick (relative to source_dir_fd, or absolute) */
    const char *state_dir;    /* must exist; the copy lands here */
    uint64_t size_cap;        /* bytes; larger packs are refused */
    StageProgressFn progress; /* may be NULL */
    void *progress_ctx;
    const FaultHook *fault;   /* may be NULL; asked at COPY_READ and COPY_WRITE per chunk */
} StageRequest;

typedef struct StageResult {
    uint64_t size;                        /* bytes copied */
    uint8_t hash[MINISIGN_HASH_BYTES];    /* BLAKE2b-512 of what was copied */
    int error;                            /* errno behind a failure, or 0 */
    char path[FSIO_PATH_MAX];             /* state_dir/STORE_STAGED_NAME on success */
} StageResult;

/* A staged copy being written by the caller. Fill it with stage_begin(); the fields are
 * the writer's own. */
typedef struct StageWriter {
    const StageRequest *request;
    StageResult *out;
    FsioReplace file;       /* STORE_STAGED_NAME, written as STORE_STAGING_NAME until the commit */
    uint64_t expected;      /* bytes announced (progress fraction); 0: unknown */
    uint64_t total;         /* bytes appended so far */
    bool committed;
    MinisignHash hash;
} StageWriter;

/* Starts a staged copy: removes any older one, checks expected (the announced size, 0
 * when unknown) against the cap and creates STORE_STAGING_NAME. request and out must outlive
 * the writer; out is cleared. On failure (out->error set) nothing is left behind and
 * only stage_abort() may follow. */
StageStatus stage_begin(StageWriter *w, const StageRequest *request, uint64_t expected, StageResult *out);

/* Counts len more bytes against the cap (STAGE_ERR_TOO_LARGE, nothing written), asks the
 * fault hook at FAULT_COPY_WRITE, hashes and writes them, and reports progress. After a
 * failure call stage_abort(). */
StageStatus stage_append(StageWriter *w, const void *data, size_t len);

/* The copy is complete: read-only, fsynced, renamed to STORE_STAGED_NAME, the directory
 * synced; fills out->size, out->hash and out->path. After a failure call stage_abort(). */
StageStatus stage_commit(StageWriter *w);

/* Ends a copy that was not committed: closes and removes what was written (a committed
 * copy is kept). Safe on a writer that failed, or was committed, or is all zeros (never
 * begun: nothing happens). */
void stage_abort(StageWriter *w);

/* Copies request->source_path (opened with fsio_open_regular) to state_dir/STORE_STAGED_NAME (mode 0444,
 * replacing an older staged copy) and fills *out. Returns STAGE_OK, or a
 * status naming the failure with out->error set; on failure neither
 * STORE_STAGING_NAME nor STORE_STAGED_NAME exists afterwards. */
StageStatus stage_copy(const StageRequest *request, StageResult *out);

/* Removes any staged or half-staged copy from state_dir. Safe to call always. */
void stage_discard(const char *state_dir);

/* Short English description for logs ("the stick could not be read"). */
const char *stage_status_text(StageStatus status);

#endif
