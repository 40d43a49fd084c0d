/* fsio.c — small POSIX file-system helpers; see fsio.h. */
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

int fsio_make_private_dir(const char *dir)
{
    struct stat st = {0};

    if (mkdir(dir, 0700) == 0) {
        return 0;
    }
    if (errno != EEXIST) {
        return errno;
    }
    if (lstat(dir, &st) != 0) {
        return errno;
    }
    if (!S_ISDIR(st.st_mode)) {
        return ENOTDIR;
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

int fsio_write_atomic(const char *dir, const char *name, const void *data, size_t len, uid_t owner, gid_t group,
                      const FaultHook *hook, FaultPoint before_rename)
{
    char final_path[FSIO_PATH_MAX] = {0};
    char temp_path[FSIO_PATH_MAX] = {0};
    char temp_name[FSIO_PATH_MAX] = {0};
    int result = 0;
    int fd = -1;

    if ((size_t)snprintf(temp_name, sizeof temp_name, "%s%s", name, TEMP_SUFFIX) >= sizeof temp_name ||
        !fsio_join(final_path, sizeof final_path, dir, name) ||
        !fsio_join(temp_path, sizeof temp_path, dir, temp_name)) {
        return ENAMETOOLONG;
    }
    (void)unlink(temp_path);
    fd = open(temp_path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        result = errno;
        goto done;
    }
    if ((owner != FSIO_OWNER_KEEP || group != FSIO_GROUP_KEEP) && fchown(fd, owner, group) != 0) {
        result = errno;
    }
    if (result == 0) {
        result = fsio_write_all(fd, data, len);
    }
    if (result == 0 && fsync(fd) != 0) {
        result = errno;
    }
    if (close(fd) != 0 && result == 0) {
        result = errno;
    }
    fd = -1;
    if (result != 0) {
        goto done;
    }
    if ((result = fault_check(hook, before_rename)) != 0) {
        goto done;
    }
    if (rename(temp_path, final_path) != 0) {
        result = errno;
        goto done;
    }
    return 0;
done:
    if (fd >= 0) {
        close(fd);
    }
    (void)unlink(temp_path);
    return result;
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
