/* stage.c — bounded, hashed, crash-safe copy of a pack; see stage.h.
 * stage_copy() opens the source, then copy_loop() does the chunked
 * read → hash → write, then finish_copy() makes it durable. */
#define _POSIX_C_SOURCE 200809L
#include "update/stage.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct CopyState {
    const StageRequest *request;
    int source_fd;
    int dest_fd;
    uint64_t expected;  /* size from fstat, for the progress fraction */
    char *buffer;
    MinisignHash hash;
} CopyState;

static StageStatus write_failure(int error)
{
    return (error == ENOSPC || error == EDQUOT) ? STAGE_ERR_NO_SPACE : STAGE_ERR_WRITE;
}

static StageStatus read_chunk(CopyState *copy, size_t *got, int *error)
{
    ssize_t n = 0;

    *error = fault_check(copy->request->fault, FAULT_COPY_READ);
    if (*error != 0) {
        return STAGE_ERR_READ;
    }
    do {
        n = read(copy->source_fd, copy->buffer, STAGE_CHUNK_BYTES);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        *error = errno;
        return STAGE_ERR_READ;
    }
    *got = (size_t)n;
    return STAGE_OK;
}

static StageStatus write_chunk(CopyState *copy, size_t len, int *error)
{
    *error = fault_check(copy->request->fault, FAULT_COPY_WRITE);
    if (*error != 0) {
        return write_failure(*error);
    }
    *error = fsio_write_all(copy->dest_fd, copy->buffer, len);
    return *error == 0 ? STAGE_OK : write_failure(*error);
}

static StageStatus copy_loop(CopyState *copy, StageResult *out)
{
    StageStatus status = STAGE_OK;
    uint64_t total = 0;

    for (;;) {
        size_t got = 0;
        status = read_chunk(copy, &got, &out->error);
        if (status != STAGE_OK || got == 0) {
            break;
        }
        total += got;
        /* The file may grow after fstat (or lie about its size): count. */
        if (total > copy->request->size_cap) {
            out->error = EFBIG;
            status = STAGE_ERR_TOO_LARGE;
            break;
        }
        minisign_hash_update(&copy->hash, copy->buffer, got);
        status = write_chunk(copy, got, &out->error);
        if (status != STAGE_OK) {
            break;
        }
        if (copy->request->progress != NULL) {
            double fraction = copy->expected ? (double)total / (double)copy->expected : 1.0;
            copy->request->progress(copy->request->progress_ctx, fraction > 1.0 ? 1.0 : fraction);
        }
    }
    out->size = total;
    return status;
}

/* Read-only, on disk, then visible under its final name. */
static StageStatus finish_copy(CopyState *copy, const char *part_path, StageResult *out)
{
    char final_path[FSIO_PATH_MAX] = {0};
    int fd = copy->dest_fd;

    copy->dest_fd = -1;
    if (fchmod(fd, 0444) != 0 || fsync(fd) != 0) {
        out->error = errno;
        close(fd);
        return write_failure(out->error);
    }
    if (close(fd) != 0) {
        out->error = errno;
        return write_failure(out->error);
    }
    if (!fsio_join(final_path, sizeof final_path, copy->request->state_dir, STAGE_FILE_NAME) ||
        rename(part_path, final_path) != 0) {
        out->error = final_path[0] ? errno : ENAMETOOLONG;
        return STAGE_ERR_WRITE;
    }
    out->error = fsio_sync_dir(copy->request->state_dir);
    if (out->error != 0) {
        return write_failure(out->error);
    }
    memcpy(out->path, final_path, sizeof final_path);
    return STAGE_OK;
}

/* fsio_open_regular() refuses a symlink, FIFO or device without opening it. */
static StageStatus open_source(const StageRequest *request, CopyState *copy, StageResult *out)
{
    FsioFile source = {0};
    FsioStatus opened = fsio_open_regular(request->source_dir_fd, request->source_path, O_RDONLY, 0, &source);
    const struct stat st = source.st;

    copy->source_fd = source.fd;
    out->error = source.error;
    switch (opened) {
    case FSIO_OK: break;
    case FSIO_MISSING: return STAGE_ERR_MISSING;
    case FSIO_SYMLINK:
    case FSIO_NOT_REGULAR: return STAGE_ERR_NOT_REGULAR;
    default: return STAGE_ERR_READ;
    }
    if (st.st_size < 0 || (uint64_t)st.st_size > request->size_cap) {
        out->error = EFBIG;
        out->size = (uint64_t)st.st_size;
        return STAGE_ERR_TOO_LARGE;
    }
    copy->expected = (uint64_t)st.st_size;
    return STAGE_OK;
}

StageStatus stage_copy(const StageRequest *request, StageResult *out)
{
    StageStatus status = STAGE_OK;
    CopyState copy = {.request = request, .source_fd = -1, .dest_fd = -1};
    char part_path[FSIO_PATH_MAX] = {0};

    memset(out, 0, sizeof *out);
    stage_discard(request->state_dir);
    if (!fsio_join(part_path, sizeof part_path, request->state_dir, STAGE_PART_NAME)) {
        out->error = ENAMETOOLONG;
        status = STAGE_ERR_WRITE;
        goto done;
    }
    status = open_source(request, &copy, out);
    if (status != STAGE_OK) {
        goto done;
    }
    copy.buffer = malloc(STAGE_CHUNK_BYTES);
    if (copy.buffer == NULL || !minisign_hash_init(&copy.hash)) {
        out->error = ENOMEM;
        status = STAGE_ERR_NO_MEMORY;
        goto done;
    }
    copy.dest_fd = open(part_path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (copy.dest_fd < 0) {
        out->error = errno;
        status = write_failure(out->error);
        goto done;
    }
    status = copy_loop(&copy, out);
    if (status == STAGE_OK) {
        status = finish_copy(&copy, part_path, out);
    }
    if (status == STAGE_OK) {
        minisign_hash_final(&copy.hash, out->hash);
    }
done:
    if (copy.dest_fd >= 0) {
        close(copy.dest_fd);
    }
    if (copy.source_fd >= 0) {
        close(copy.source_fd);
    }
    free(copy.buffer);
    if (status != STAGE_OK) {
        stage_discard(request->state_dir);
        out->path[0] = '\0';
    }
    return status;
}

void stage_discard(const char *state_dir)
{
    (void)fsio_remove(state_dir, STAGE_PART_NAME);
    (void)fsio_remove(state_dir, STAGE_FILE_NAME);
    /* A loader that opened the staged copy may have left SQLite companions. */
    (void)fsio_remove(state_dir, STAGE_FILE_NAME "-journal");
    (void)fsio_remove(state_dir, STAGE_FILE_NAME "-wal");
    (void)fsio_remove(state_dir, STAGE_FILE_NAME "-shm");
}

typedef struct StatusText {
    StageStatus status;
    const char *text;
} StatusText;

static const StatusText STATUS_TEXTS[] = {
    {STAGE_OK, "staged"},
    {STAGE_ERR_MISSING, "the pack is missing"},
    {STAGE_ERR_NOT_REGULAR, "the pack is not a regular file"},
    {STAGE_ERR_TOO_LARGE, "the pack is over the size cap"},
    {STAGE_ERR_READ, "the stick could not be read"},
    {STAGE_ERR_NO_SPACE, "the state directory is full"},
    {STAGE_ERR_WRITE, "the staged copy could not be written"},
    {STAGE_ERR_NO_MEMORY, "out of memory"},
};

const char *stage_status_text(StageStatus status)
{
    for (size_t i = 0; i < sizeof STATUS_TEXTS / sizeof STATUS_TEXTS[0]; i++) {
        if (STATUS_TEXTS[i].status == status) {
            return STATUS_TEXTS[i].text;
        }
    }
    return "unknown error";
}
