/* fsio.c — small POSIX file-system helpers; see fsio.h. */
#define _POSIX_C_SOURCE 200809L
#include "update/fsio.h"

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

static int write_all(int fd, const void *data, size_t len)
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

int fsio_write_atomic(const char *dir, const char *name, const void *data, size_t len,
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
    result = write_all(fd, data, len);
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
