/* stage.h — copying a pack from the stick into the local state directory.
 * The copy is bounded (size cap checked before and counted during), reads only
 * a regular file (no symlink, FIFO or device), hashes as it copies (so the
 * signature check never reads the file again), lands under a temp name, is
 * made read-only, fsynced and renamed to STAGE_FILE_NAME. Every failure —
 * stick pulled, disk full — leaves nothing behind. Start with stage_copy(). */
#ifndef FACTS_UPDATE_STAGE_H
#define FACTS_UPDATE_STAGE_H

#include <stdint.h>

#include "update/fault.h"
#include "update/fsio.h"
#include "update/minisign.h"

#define STAGE_PART_NAME "staging.part"  /* during the copy */
#define STAGE_FILE_NAME "staged.db"     /* complete copy, awaiting checks */

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
    char path[FSIO_PATH_MAX];             /* state_dir/STAGE_FILE_NAME on success */
} StageResult;

/* Copies request->source_path (opened with fsio_open_regular) to state_dir/STAGE_FILE_NAME (mode 0444,
 * replacing an older staged copy) and fills *out. Returns STAGE_OK, or a
 * status naming the failure with out->error set; on failure neither
 * STAGE_PART_NAME nor STAGE_FILE_NAME exists afterwards. */
StageStatus stage_copy(const StageRequest *request, StageResult *out);

/* Removes any staged or half-staged copy from state_dir. Safe to call always. */
void stage_discard(const char *state_dir);

/* Short English description for logs ("the stick could not be read"). */
const char *stage_status_text(StageStatus status);

#endif
