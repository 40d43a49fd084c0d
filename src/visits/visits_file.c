/* visits_file.c — see visits_file.h. */
#define _POSIX_C_SOURCE 200809L
#include "visits/visits_file.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "durable/fsio.h"

/* The contents go through stdio on a copy of the new file's descriptor; the toolkit then
 * syncs, renames and syncs the folder, so the rename itself survives a pulled stick. */
VisitsStatus visits_file_write(const char *path, VisitsWriteFn write, void *ctx, char *why, size_t why_size)
{
    FsioReplace file = {.fd = -1};
    int error = fsio_replace_begin(&file, path, NULL, 0644);
    if (error != 0) {
        snprintf(why, why_size, "%s.tmp: %s", path, strerror(error));
        return VISITS_ERR_IO;
    }
    int copy = dup(file.fd);
    FILE *out = copy >= 0 ? fdopen(copy, "w") : NULL;
    if (!out) {
        snprintf(why, why_size, "%s: %s", file.temp, strerror(errno));
        if (copy >= 0) {
            close(copy);
        }
        fsio_replace_abort(&file);
        return VISITS_ERR_IO;
    }
    errno = 0;
    bool ok = write(ctx, out);
    error = errno ? errno : EIO;
    if (ok && fflush(out) != 0) {
        ok = false;
        error = errno;
    }
    if (fclose(out) != 0 && ok) {
        ok = false;
        error = errno;
    }
    if (ok) {
        error = fsio_replace_commit(&file, NULL, FAULT_POINT_COUNT, true);
        ok = error == 0;
    } else {
        fsio_replace_abort(&file);
    }
    if (!ok) {
        snprintf(why, why_size, "%s: %s", path, strerror(error));
        return VISITS_ERR_IO;
    }
    return VISITS_OK;
}
