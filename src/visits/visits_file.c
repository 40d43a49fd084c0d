/* visits_file.c — see visits_file.h. */
#define _POSIX_C_SOURCE 200809L
#include "visits/visits_file.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

/* Syncs the folder holding path, so the rename itself survives a pulled stick. */
static void sync_folder(const char *path)
{
    char folder[4096];
    snprintf(folder, sizeof folder, "%s", path);
    char *slash = strrchr(folder, '/');
    if (slash == folder) {
        slash[1] = '\0';
    } else if (slash) {
        *slash = '\0';
    } else {
        snprintf(folder, sizeof folder, ".");
    }
    int fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

VisitsStatus visits_file_write(const char *path, VisitsWriteFn write, void *ctx, char *why, size_t why_size)
{
    char temp[4096];
    if (snprintf(temp, sizeof temp, "%s.tmp", path) >= (int)sizeof temp) {
        snprintf(why, why_size, "%s: path too long", path);
        return VISITS_ERR_IO;
    }
    /* O_NOFOLLOW | O_EXCL-free: a leftover temporary file is replaced, a symlink refused. */
    int fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) {
        snprintf(why, why_size, "%s: %s", temp, strerror(errno));
        return VISITS_ERR_IO;
    }
    FILE *out = fdopen(fd, "w");
    if (!out) {
        snprintf(why, why_size, "%s: %s", temp, strerror(errno));
        close(fd);
        unlink(temp);
        return VISITS_ERR_IO;
    }
    errno = 0;
    bool ok = write(ctx, out);
    int error = errno ? errno : EIO;
    if (ok && (fflush(out) != 0 || fsync(fileno(out)) != 0)) {
        ok = false;
        error = errno;
    }
    if (fclose(out) != 0 && ok) {
        ok = false;
        error = errno;
    }
    if (ok && rename(temp, path) != 0) {
        ok = false;
        error = errno;
    }
    if (!ok) {
        snprintf(why, why_size, "%s: %s", path, strerror(error));
        unlink(temp);
        return VISITS_ERR_IO;
    }
    sync_folder(path);
    return VISITS_OK;
}
