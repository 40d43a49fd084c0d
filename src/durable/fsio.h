/* fsio.h — the kiosk's one durable-write toolkit and its small POSIX file helpers,
 * below store/, update/, leads/, visits/, staff/ and builder/ (POSIX only):
 *   - replacing a file whole: write a new file, fsync it, rename it over the old one,
 *     fsync the folder (FsioReplace: fsio_replace_begin/_commit/_abort for a file written
 *     piece by piece; fsio_write_atomic for a buffer), so after a power cut at any instant
 *     the old or the new file is there, whole;
 *   - appending a record durably (fsio_append: append, fsync; a torn record taken back);
 *   - a durable rename of a finished file or folder (fsio_rename_durable);
 *   - opening a regular file or a folder without following a symlink (fsio_open_regular,
 *     fsio_open_dir: every file the kiosk reads from a stick or the state directory goes
 *     through them), one write-all loop, path joining, a private directory, fsync of a
 *     directory. Start with FsioReplace below. */
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
 * is returned in blocking mode (the caller closes it with close()). Fills *out
 * and returns its status. */
FsioStatus fsio_open_regular(int dir_fd, const char *name, int flags, mode_t mode, FsioFile *out);

/* Opens the folder name (relative to dir_fd, or AT_FDCWD) for openat() and
 * fstatat(), with O_DIRECTORY | O_NOFOLLOW: a symlink fails with ELOOP, a
 * file of any other type with ENOTDIR, without being opened. Returns the fd
 * (the caller closes it with close()) or -1 with errno set. */
int fsio_open_dir(int dir_fd, const char *name);

/* Writes all len bytes of data to fd, retrying after EINTR and short writes.
 * Returns 0 or an errno value (EIO when write() makes no progress). */
int fsio_write_all(int fd, const void *data, size_t len);

/* Writes "dir/name" into out (size out_size). Returns false, leaving out as an
 * empty string, when it would not fit. */
bool fsio_join(char *out, size_t out_size, const char *dir, const char *name);

/* Creates dir with mode 0700 when absent (its parent must exist); an existing directory is
 * kept as it is (ENOTDIR: something else is in the way). Returns 0 or an errno value. */
int fsio_make_dir(const char *dir);
/* The same, and an existing directory is tightened to 0700 (the state directory itself). */
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

/* A file being replaced whole. Fill it with fsio_replace_begin(), write the new contents
 * to fd (fsio_write_all, or stdio on a dup() of it), then fsio_replace_commit() or
 * fsio_replace_abort(). Until the commit's rename, path is untouched and readers see the
 * old file; a crash leaves at most the temp file, which the next begin replaces. */
typedef struct FsioReplace {
    int fd;                     /* the new file (at temp) while it is written, else -1 */
    char path[FSIO_PATH_MAX];   /* the file replaced */
    char temp[FSIO_PATH_MAX];   /* the new file's name until the rename */
} FsioReplace;

/* Starts replacing path: removes a leftover temp and creates it anew (O_EXCL, never
 * through a symlink) with mode (less the umask; fchmod fd for an exact mode, fchown it to
 * hand it to someone else). temp is the new file's name until the rename, in path's
 * folder; NULL means path + ".tmp". Returns 0, or an errno value with nothing left behind
 * and r->fd == -1 (fsio_replace_abort may still be called). */
int fsio_replace_begin(FsioReplace *r, const char *path, const char *temp, mode_t mode);

/* Finishes a replacement: fsyncs and closes the new file, asks hook at before_rename
 * (hook may be NULL), renames it over path (the commit point), and with
 * sync_dir fsyncs path's folder so that the rename survives a power cut (callers that
 * must do something between the two pass false and call fsio_sync_dir themselves).
 * On a failure before the rename, path is as it was and the temp file is removed.
 * Returns 0 or an errno value; after the rename only the folder's fsync can fail, and then
 * path holds the new contents (the change may not survive a power cut). */
int fsio_replace_commit(FsioReplace *r, const FaultHook *hook, FaultPoint before_rename, bool sync_dir);

/* Gives up a replacement begun with fsio_replace_begin: closes and removes the temp file;
 * path is as it was. No-op after a commit or a failed begin, or on a zeroed FsioReplace
 * whose fd is -1. */
void fsio_replace_abort(FsioReplace *r);

/* Appends len bytes of data to dir/name as one durable record: creates the file with mode
 * when absent (and then fsyncs dir, so the new name survives too), never through a
 * symlink or into a FIFO or device; a write cut short (a full disk) is taken back, so the
 * file never ends in half a record of ours; fsyncs before returning. Returns 0 or an
 * errno value. */
int fsio_append(const char *dir, const char *name, const void *data, size_t len, mode_t mode);

/* Renames from to to (a finished file or folder, in the same file system) and fsyncs
 * to's folder, so the new name survives a power cut. Returns 0 or an errno value (from
 * the rename, nothing changed; or from the folder's fsync, the rename happened). */
int fsio_rename_durable(const char *from, const char *to);

/* fsyncs the folder that holds path ("." for a bare name). Returns 0 or an errno value. */
int fsio_sync_parent(const char *path);

/* Removes dir/name when present; ENOENT is not an error. Returns 0 or errno. */
int fsio_remove(const char *dir, const char *name);

#endif
