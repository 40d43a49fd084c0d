/* fsio.c — the durable-write toolkit and small POSIX file helpers; see fsio.h.
 * Reading order: path joining and folders, safe opening, replacing a file whole
 * (FsioReplace), appending, renaming. */
#define _POSIX_C_SOURCE 200809L
#include "durable/fsio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char TEMP_SUFFIX[] = ".tmp";

bool fsio_join(char *out, size_t out_size, const char *dir, const char *name)
{
    int n = snprintf(out, out_size, "%s/%s", dir, name);
    if (n < 0 || (size_t)n >= out_size) {
        if (out_size > 0) {
            out[0] = '\0';
        }
        return false;
    }
    return true;
}

/* mkdir 0700, or the directory already there: *made says which (st of an existing one). */
static int make_dir(const char *dir, bool *made, struct stat *st)
{
    *made = mkdir(dir, 0700) == 0;
    if (*made) {
        return 0;
    }
    if (errno != EEXIST) {
        return errno;
    }
    if (lstat(dir, st) != 0) {
        return errno;
    }
    return S_ISDIR(st->st_mode) ? 0 : ENOTDIR;
}

int fsio_make_dir(const char *dir)
{
    struct stat st = {0};
    bool made = false;

    return make_dir(dir, &made, &st);
}

int fsio_make_private_dir(const char *dir)
{
    struct stat st = {0};
    bool made = false;
    int error = make_dir(dir, &made, &st);

    if (error || made) {
        return error;
    }
    if ((st.st_mode & 07777) != 0700 && chmod(dir, 0700) != 0) {
        return errno;
    }
    return 0;
}

int fsio_sync_dir(const char *dir)
{
    int result = 0;
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

    if (fd < 0) {
        return errno;
    }
    if (fsync(fd) != 0) {
        result = errno;
    }
    close(fd);
    return result;
}

int fsio_write_all(int fd, const void *data, size_t len)
{
    const char *pos = data;

    while (len > 0) {
        ssize_t put = write(fd, pos, len);
        if (put < 0 && errno == EINTR) {
            continue;
        }
        if (put < 0) {
            return errno;
        }
        if (put == 0) {
            return EIO;
        }
        pos += put;
        len -= (size_t)put;
    }
    return 0;
}

static FsioStatus not_regular(const struct stat *st, FsioFile *out)
{
    if (S_ISLNK(st->st_mode)) {
        out->error = ELOOP;
        return FSIO_SYMLINK;
    }
    out->error = S_ISDIR(st->st_mode) ? EISDIR : EINVAL;
    return FSIO_NOT_REGULAR;
}

/* The status of a failed open(). ELOOP with O_NOFOLLOW is a symlink; EISDIR
 * (a folder opened for writing) and ENXIO (a FIFO without reader, a socket
 * or a device without driver, opened non-blocking) are not regular files. */
static FsioStatus open_failure(int error, FsioFile *out)
{
    out->error = error;
    switch (error) {
    case ENOENT: return FSIO_MISSING;
    case ELOOP: return FSIO_SYMLINK;
    case EISDIR:
    case ENXIO: return FSIO_NOT_REGULAR;
    default: return FSIO_ERROR;
    }
}

FsioStatus fsio_open_regular(int dir_fd, const char *name, int flags, mode_t mode, FsioFile *out)
{
    struct stat st = {0};
    FsioStatus status = FSIO_OK;
    int fd = -1;

    memset(out, 0, sizeof *out);
    out->fd = -1;
    /* Look before opening: open() of a device runs its driver, even non-blocking. */
    if (fstatat(dir_fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
        if (errno != ENOENT || (flags & O_CREAT) == 0) {
            return open_failure(errno, out);
        }
    } else if (!S_ISREG(st.st_mode)) {
        return not_regular(&st, out);
    }
    fd = openat(dir_fd, name, flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, mode);
    if (fd < 0) {
        return open_failure(errno, out);
    }
    if (fstat(fd, &out->st) != 0) {
        status = open_failure(errno, out);
        goto fail;
    }
    if (!S_ISREG(out->st.st_mode)) {
        status = not_regular(&out->st, out);
        goto fail;
    }
    if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0) {
        status = open_failure(errno, out);
        goto fail;
    }
    out->fd = fd;
    return FSIO_OK;
fail:
    close(fd);
    return status;
}

int fsio_open_dir(int dir_fd, const char *name)
{
    struct stat st = {0};
    int fd = openat(dir_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);

    /* Linux says ENOTDIR for a symlink here; callers want to tell the two apart. */
    if (fd < 0 && errno == ENOTDIR && fstatat(dir_fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode)) {
        errno = ELOOP;
    } else if (fd < 0 && errno == ENOTDIR) {
        errno = ENOTDIR;  /* fstatat may have changed it */
    }
    return fd;
}

/* ---- replacing a file whole ----------------------------------------------------------------- */

int fsio_replace_begin(FsioReplace *r, const char *path, const char *temp, mode_t mode)
{
    int n = 0;

    memset(r, 0, sizeof *r);
    r->fd = -1;
    n = temp ? snprintf(r->temp, sizeof r->temp, "%s", temp) : snprintf(r->temp, sizeof r->temp, "%s%s", path, TEMP_SUFFIX);
    if (n < 0 || (size_t)n >= sizeof r->temp || (size_t)snprintf(r->path, sizeof r->path, "%s", path) >= sizeof r->path) {
        r->temp[0] = '\0';
        return ENAMETOOLONG;
    }
    (void)unlink(r->temp);
    r->fd = open(r->temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
    if (r->fd < 0) {
        int error = errno;
        r->temp[0] = '\0';
        return error;
    }
    return 0;
}

int fsio_replace_commit(FsioReplace *r, const FaultHook *hook, FaultPoint before_rename, bool sync_dir)
{
    int result = 0;

    if (r->fd < 0) {
        return EBADF;
    }
    if (fsync(r->fd) != 0) {
        result = errno;
    }
    if (close(r->fd) != 0 && result == 0) {
        result = errno;
    }
    r->fd = -1;
    if (result == 0) {
        result = fault_check(hook, before_rename);
    }
    if (result == 0 && rename(r->temp, r->path) != 0) {
        result = errno;
    }
    if (result != 0) {
        (void)unlink(r->temp);
        r->temp[0] = '\0';
        return result;
    }
    r->temp[0] = '\0';
    return sync_dir ? fsio_sync_parent(r->path) : 0;
}

void fsio_replace_abort(FsioReplace *r)
{
    if (r->fd >= 0) {
        close(r->fd);
        r->fd = -1;
    }
    if (r->temp[0] != '\0') {
        (void)unlink(r->temp);
        r->temp[0] = '\0';
    }
}

int fsio_write_atomic(const char *dir, const char *name, const void *data, size_t len, uid_t owner, gid_t group,
                      const FaultHook *hook, FaultPoint before_rename)
{
    char final_path[FSIO_PATH_MAX] = {0};
    FsioReplace r = {.fd = -1};
    int result = 0;

    if (!fsio_join(final_path, sizeof final_path, dir, name)) {
        return ENAMETOOLONG;
    }
    if ((result = fsio_replace_begin(&r, final_path, NULL, 0600)) != 0) {
        return result;
    }
    if ((owner != FSIO_OWNER_KEEP || group != FSIO_GROUP_KEEP) && fchown(r.fd, owner, group) != 0) {
        result = errno;
    }
    if (result == 0) {
        result = fsio_write_all(r.fd, data, len);
    }
    if (result != 0) {
        fsio_replace_abort(&r);
        return result;
    }
    return fsio_replace_commit(&r, hook, before_rename, false);
}

/* ---- appending, renaming, syncing ------------------------------------------------------------ */

int fsio_append(const char *dir, const char *name, const void *data, size_t len, mode_t mode)
{
    FsioFile file = {.fd = -1};
    bool created = true;
    int result = 0;
    int dir_fd = fsio_open_dir(AT_FDCWD, dir);

    if (dir_fd < 0) {
        return errno;
    }
    FsioStatus status = fsio_open_regular(dir_fd, name, O_WRONLY | O_APPEND | O_CREAT | O_EXCL, mode, &file);
    if (status == FSIO_ERROR && file.error == EEXIST) {
        created = false;
        status = fsio_open_regular(dir_fd, name, O_WRONLY | O_APPEND, 0, &file);
    }
    if (status != FSIO_OK) {
        result = file.error != 0 ? file.error : EIO;
        goto done;
    }
    off_t before = file.st.st_size;
    result = fsio_write_all(file.fd, data, len);
    if (result != 0) {
        /* Full disk half-way: take the partial record back rather than leave it. */
        (void)ftruncate(file.fd, before);
    }
    if (result == 0 && fsync(file.fd) != 0) {
        result = errno;
    }
    if (result == 0 && created && fsync(dir_fd) != 0) {
        result = errno;
    }
done:
    if (file.fd >= 0 && close(file.fd) != 0 && result == 0) {
        result = errno;
    }
    close(dir_fd);
    return result;
}

int fsio_rename_durable(const char *from, const char *to)
{
    if (rename(from, to) != 0) {
        return errno;
    }
    return fsio_sync_parent(to);
}

int fsio_sync_parent(const char *path)
{
    char folder[FSIO_PATH_MAX] = {0};
    const char *slash = strrchr(path, '/');

    if (slash == NULL) {
        return fsio_sync_dir(".");
    }
    size_t len = slash == path ? 1 : (size_t)(slash - path);
    if (len >= sizeof folder) {
        return ENAMETOOLONG;
    }
    memcpy(folder, path, len);
    return fsio_sync_dir(folder);
}

int fsio_remove(const char *dir, const char *name)
{
    char path[FSIO_PATH_MAX] = {0};

    if (!fsio_join(path, sizeof path, dir, name)) {
        return ENAMETOOLONG;
    }
    if (unlink(path) != 0 && errno != ENOENT) {
        return errno;
    }
    return 0;
}
