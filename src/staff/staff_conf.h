/* staff_conf.h — `facts-kiosk staff set-pin`'s side of kiosk.conf: puts
 * "pin_hash = <hash>" into the [staff] section and keeps every other line as it was
 * (comments, blank lines, other sections, their order, CRLF line ends). The file is replaced
 * atomically (a temp file beside it, fsync, rename, fsync of the folder) with the old file's
 * mode, owner and group, so a kiosk reading it meanwhile sees the old or the new file whole.
 * Start with staff_conf_set_pin_hash(). */
#ifndef FACTS_STAFF_STAFF_CONF_H
#define FACTS_STAFF_STAFF_CONF_H

#include <stdbool.h>
#include <stddef.h>

enum { STAFF_CONF_MAX_BYTES = 64 * 1024 }; /* as OPTIONS_CONFIG_MAX_BYTES: the kiosk reads no more */

/* The text of a config file (len bytes, need not end in a newline) with [staff] pin_hash set
 * to hash: each pin_hash line of a [staff] section is replaced; when there is none, the line
 * goes right after the first [staff] header, or a [staff] section is added at the end.
 * Returns a malloc'd NUL-terminated text the caller frees (its length in *out_len), or NULL
 * when out of memory. Pure. */
char *staff_conf_with_pin_hash(const char *text, size_t len, const char *hash, size_t *out_len);

/* Sets [staff] pin_hash = hash in the config file at path (created with mode 0644 if it does
 * not exist). A symlink, a file that is not regular or one larger than STAFF_CONF_MAX_BYTES
 * is refused. On failure nothing changed and why says what happened ("...: Permission
 * denied"). */
bool staff_conf_set_pin_hash(const char *path, const char *hash, char *why, size_t why_size);

#endif
