/* fsio.h — small POSIX file-system helpers shared by the update modules:
 * path joining with a length check, a private state directory, durable
 * directory entries (fsync of a directory) and an atomic small-file write. */
#ifndef FACTS_UPDATE_FSIO_H
#define FACTS_UPDATE_FSIO_H

#include <stdbool.h>
#include <stddef.h>

#include "update/fault.h"

enum { FSIO_PATH_MAX = 4096 };

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
 * dir/name.tmp, fsyncs it, asks the hook at before_rename, renames. The
 * rename is the commit point; the caller then fsyncs dir (fsio_sync_dir) to
 * make it durable. On failure nothing changed and the temp file is removed.
 * Returns 0 or an errno value. */
int fsio_write_atomic(const char *dir, const char *name, const void *data, size_t len,
                      const FaultHook *hook, FaultPoint before_rename);

/* Removes dir/name when present; ENOENT is not an error. Returns 0 or errno. */
int fsio_remove(const char *dir, const char *name);

#endif
