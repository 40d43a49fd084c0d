/* stage.c — bounded, hashed, crash-safe staged copy of a pack; see stage.h.
 * The StageWriter does the work: stage_begin() opens the part file, stage_append() counts,
 * hashes and writes, stage_commit() makes it durable (finish_copy). stage_copy() feeds a
 * writer from a regular file, one STAGE_CHUNK_BYTES read at a time. */
#define _POSIX_C_SOURCE 200809L
#include "update/stage.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static StageStatus write_failure(int error)
{
    return (error == ENOSPC || error == EDQUOT) ? STAGE_ERR_NO_SPACE : STAGE_ERR_WRITE;
}

/* ---- the writer ---------------------------------------------------------------------------- */

static StageStatus too_large(StageWriter *w, uint64_t size)
{
    w->out->error = EFBIG;
    w->out->size = size;
    return STAGE_ERR_TOO_LARGE;
}

StageStatus stage_begin(StageWriter *w, const StageRequest *request, uint64_t expected, StageResult *out)
{
    memset(w, 0, sizeof *w);
    memset(out, 0, sizeof *out);
    w->request = request;
    w->out = out;
    w->file.fd = -1;
    w->expected = expected;
    stage_discard(request->state_dir);
    if (expected > request->size_cap) {
        return too_large(w, expected);
    }
    char part_path[FSIO_PATH_MAX] = {0};
    char final_path[FSIO_PATH_MAX] = {0};
    if (!store_file_path(request->state_dir, STORE_FILE_STAGING, part_path, sizeof part_path) ||
        !store_file_path(request->state_dir, STORE_FILE_STAGED, final_path, sizeof final_path)) {
        out->error = ENAMETOOLONG;
        return STAGE_ERR_WRITE;
    }
    if (!minisign_hash_init(&w->hash)) {
        out->error = ENOMEM;
        return STAGE_ERR_NO_MEMORY;
    }
    out->error = fsio_replace_begin(&w->file, final_path, part_path, 0600);
    return out->error != 0 ? write_failure(out->error) : STAGE_OK;
}

StageStatus stage_append(StageWriter *w, const void *data, size_t len)
{
    const StageRequest *request = w->request;
    int error = 0;

    if (w->file.fd < 0) {
        w->out->error = EBADF;
        return STAGE_ERR_WRITE;
    }
    /* The source may grow after it was measured (or lie about its size): count. */
    if (len > request->size_cap || w->total + len > request->size_cap) {
        return too_large(w, w->total + len);
    }
    error = fault_check(request->fault, FAULT_COPY_WRITE);
    if (error == 0) {
        minisign_hash_update(&w->hash, data, len);
        error = fsio_write_all(w->file.fd, data, len);
    }
    if (error != 0) {
        w->out->error = error;
        return write_failure(error);
    }
    w->total += len;
    w->out->size = w->total;
    if (request->progress != NULL) {
        double fraction = w->expected ? (double)w->total / (double)w->expected : 1.0;
        request->progress(request->progress_ctx, fraction > 1.0 ? 1.0 : fraction);
    }
    return STAGE_OK;
}

/* Read-only, on disk, then visible under its final name (the toolkit's sync, rename and
 * sync of the folder). */
static StageStatus finish_copy(StageWriter *w)
{
    StageResult *out = w->out;

    if (fchmod(w->file.fd, 0444) != 0) {
        out->error = errno;
        fsio_replace_abort(&w->file);
        return write_failure(out->error);
    }
    out->error = fsio_replace_commit(&w->file, NULL, FAULT_POINT_COUNT, true);
    if (out->error != 0) {
        return write_failure(out->error);
    }
    memcpy(out->path, w->file.path, sizeof w->file.path);
    return STAGE_OK;
}

StageStatus stage_commit(StageWriter *w)
{
    StageStatus status = STAGE_OK;

    if (w->file.fd < 0) {
        w->out->error = EBADF;
        return STAGE_ERR_WRITE;
    }
    status = finish_copy(w);
    if (status != STAGE_OK) {
        return status;
    }
    minisign_hash_final(&w->hash, w->out->hash);
    w->out->size = w->total;
    w->committed = true;
    return STAGE_OK;
}

void stage_abort(StageWriter *w)
{
    if (w->request == NULL || w->committed) {
        return;
    }
    fsio_replace_abort(&w->file);
    stage_discard(w->request->state_dir);
    w->out->path[0] = '\0';
}

/* ---- from a file --------------------------------------------------------------------------- */

/* fsio_open_regular() refuses a symlink, FIFO or device without opening it. */
static StageStatus open_source(const StageRequest *request, int *fd, uint64_t *size, StageResult *out)
{
    FsioFile source = {0};
    FsioStatus opened = fsio_open_regular(request->source_dir_fd, request->source_path, O_RDONLY, 0, &source);

    *fd = source.fd;
    out->error = source.error;
    switch (opened) {
    case FSIO_OK: break;
    case FSIO_MISSING: return STAGE_ERR_MISSING;
    case FSIO_SYMLINK:
    case FSIO_NOT_REGULAR: return STAGE_ERR_NOT_REGULAR;
    default: return STAGE_ERR_READ;
    }
    *size = source.st.st_size < 0 ? UINT64_MAX : (uint64_t)source.st.st_size;
    return STAGE_OK;
}

static StageStatus read_chunk(const StageRequest *request, int fd, char *buffer, size_t *got, int *error)
{
    ssize_t n = 0;

    *error = fault_check(request->fault, FAULT_COPY_READ);
    if (*error != 0) {
        return STAGE_ERR_READ;
    }
    do {
        n = read(fd, buffer, STAGE_CHUNK_BYTES);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        *error = errno;
        return STAGE_ERR_READ;
    }
    *got = (size_t)n;
    return STAGE_OK;
}

StageStatus stage_copy(const StageRequest *request, StageResult *out)
{
    StageWriter writer = {0};
    StageStatus status = STAGE_OK;
    uint64_t size = 0;
    int source_fd = -1;
    char *buffer = NULL;

    memset(out, 0, sizeof *out);
    stage_discard(request->state_dir);
    status = open_source(request, &source_fd, &size, out);
    if (status != STAGE_OK) {
        goto done;
    }
    buffer = malloc(STAGE_CHUNK_BYTES);
    if (buffer == NULL) {
        out->error = ENOMEM;
        status = STAGE_ERR_NO_MEMORY;
        goto done;
    }
    status = stage_begin(&writer, request, size, out);
    while (status == STAGE_OK) {
        size_t got = 0;
        status = read_chunk(request, source_fd, buffer, &got, &out->error);
        if (status != STAGE_OK || got == 0) {
            break;
        }
        status = stage_append(&writer, buffer, got);
    }
    if (status == STAGE_OK) {
        status = stage_commit(&writer);
    }
done:
    stage_abort(&writer);
    if (source_fd >= 0) {
        close(source_fd);
    }
    free(buffer);
    if (status != STAGE_OK) {
        stage_discard(request->state_dir);
        out->path[0] = '\0';
    }
    return status;
}

void stage_discard(const char *state_dir)
{
    (void)fsio_remove(state_dir, STORE_STAGING_NAME);
    (void)fsio_remove(state_dir, STORE_STAGED_NAME);
    /* A loader that opened the staged copy may have left SQLite companions. */
    (void)fsio_remove(state_dir, STORE_STAGED_NAME "-journal");
    (void)fsio_remove(state_dir, STORE_STAGED_NAME "-wal");
    (void)fsio_remove(state_dir, STORE_STAGED_NAME "-shm");
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
