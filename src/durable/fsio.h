/* fsio.h — small POSIX file-system helpers shared by the update modules:
 * path joining with a length check, opening a regular file or a folder without
 * following a symlink (fsio_open_regular, fsio_open_dir: every file the kiosk
 * reads from a stick or the state directory goes through them), one write-all
 * loop, a private state directory, durable directory entries (fsync of a
 * directory) and an atomic small-file write. Layers above update/ (platform's
 * config loader) may use them too: they need only POSIX. */
#ifndef FACTS_DURABLE_FSIO_H
#define FACTS_DURABLE_FSIO_H

#include <fcntl.h> /* AT_FDCWD, O_* for the callers */
#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "durable/fault.h"

enum { FSIO_PATH_MAX = 4096 };

/* What fsio_open_regular() found. */
typedef enum FsioStatus {
    FSIO_OK = 0,       /* a regular file, now open */
    FSIO_MISSING,      /* nothing by that name (ENOENT) */
    FSIO_SYMLINK,      /* a symbolic link: never followed */
    FSIO_NOT_REGULAR,  /* a directory, FIFO, device or socket: never opened */
    FSIO_ERROR,        /* anything else (EACCES, EIO, ...); see FsioFile.error */
} FsioStatus;

typedef struct FsioFile {
    int fd;          /* the open file when FSIO_OK (the caller closes it), else -1 */
    int error;       /* errno value behind any status but FSIO_OK: ENOENT, ELOOP,
                      * EISDIR (directory) or EINVAL (other non-regular), or the
                      * system's error for FSIO_ERROR; 0 on success */
    struct stat st;  /* fstat of fd when FSIO_OK */
} FsioFile;

/* Opens name, relative to the folder dir_fd (from fsio_open_dir(), or
 * AT_FDCWD; an absolute name ignores dir_fd), with flags (O_RDONLY, or
 * O_WRONLY | O_CREAT with mode, ...) but only if it is a regular file: a
 * symlink is not followed and a FIFO, device or socket is not opened (it is
 * looked at with fstatat first, and the open uses O_NOFOLLOW | O_NONBLOCK |
 * O_CLOEXEC, so a swap in between cannot make it hang or follow a link; fstat
 * then checks again). Do not pass O_TRUNC: truncate after the check. The fd
 * is returned in blocking mode. Fills *out and returns its status. */
FsioStatus fsio_open_regular(int dir_fd, const char *name, int flags, mode_t mode, FsioFile *out);

/* Opens the folder name (relative to dir_fd, or AT_FDCWD) for openat() and
 * fstatat(), with O_DIRECTORY | O_NOFOLLOW: a symlink fails with ELOOP, a
 * file of any other type with ENOTDIR, without being opened. Returns the fd
 * (the caller closes it) or -1 with errno set. */
int fsio_open_dir(int dir_fd, const char *name);

/* Writes all len bytes of data to fd, retrying after EINTR and short writes.
 * Returns 0 or an errno value (EIO when write() makes no progress). */
int fsio_write_all(int fd, const void *data, size_t len);

/* Writes "dir/name" into out (size out_size). Returns false, leaving out as an
 * empty string, when it would not fit. */
bool fsio_join(char *out, size_t out_size, const char *dir, const char *name);

/* Creates dir with mode 0700 when absent (its parent must exist); an existing
 * directory is kept and tightened to 0700. Returns 0 or an errno value. */
int fsio_make_private_dir(const char *dir);

/* fsyncs a directory so that renames and unlinks in it survive a power cut.
 * Returns 0 or an errno value. */
int fsio_sync_dir(const char *dir);

/* Atomically replaces dir/name with len bytes of data, mode 0600: writes
 * dir/name.tmp, gives it to owner:group (fchown; FSIO_OWNER_KEEP and FSIO_GROUP_KEEP
 * keep the writer's), fsyncs it, asks the hook at before_rename, renames. The file
 * so never appears under the final name with the wrong owner: a reader that is
 * not the writer (the kiosk's user beside a root shell) can always read it.
 * The rename is the commit point; the caller then fsyncs dir (fsio_sync_dir)
 * to make it durable. On failure nothing changed and the temp file is removed.
 * Returns 0 or an errno value. */
#define FSIO_OWNER_KEEP ((uid_t)-1)
#define FSIO_GROUP_KEEP ((gid_t)-1)
int fsio_write_atomic(const char *dir, const char *name, const void *data, size_t len, uid_t owner, gid_t group,
                      const FaultHook *hook, FaultPoint before_rename);

/* Removes dir/name when present; ENOENT is not an error. Returns 0 or errno. */
int fsio_remove(const char *dir, const char *name);

#endif
