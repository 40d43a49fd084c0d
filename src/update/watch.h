/* watch.h — noticing a stick that carries a content pack.
 * The app calls watch_poll() every second or two. It looks for a folder
 * facts-kiosk on a stick mounted under a mount root, in the layouts sticks
 * really get (root: one configured mount root, such as /run/media):
 *
 *   root/facts-kiosk/                  the root is itself the stick's mount
 *   root/<label>/facts-kiosk/          /media/<label>, /mnt/<label>
 *   root/<dir>/<label>/facts-kiosk/    /run/media/facts-kiosk/<label> (the
 *                                      package's stick-mount), /media/<user>/<label>
 *
 * i.e. the stick's root is the mount root itself or a folder one or two
 * levels below it (WATCH_MAX_DEPTH). A folder named facts-kiosk directly
 * under a root that holds neither content.db nor content.db.minisig is such
 * a <dir> (the package's own /run/media/facts-kiosk), not a pack folder.
 *
 * Cheap and safe: folders are opened with O_DIRECTORY | O_NOFOLLOW and looked
 * into with fstatat, so symlinks are never followed and devices and FIFOs
 * never opened; files are never read. A folder on another file system than
 * the mount root (a mounted stick) is never searched beyond its facts-kiosk
 * folder; at most WATCH_MAX_ENTRIES entries per folder and WATCH_MAX_FOLDERS
 * folders per root are looked at. With no stick present a poll costs a few
 * directory reads.
 *
 * Every facts-kiosk folder seen is reported once — with WATCH_USABLE, or
 * with the reason it cannot be used (a symlink, no content.db, a FIFO, ...)
 * so that staff get told — and again only after it disappeared (re-plugged)
 * or changed. Start with watch_init() and watch_poll(). */
#ifndef FACTS_UPDATE_WATCH_H
#define FACTS_UPDATE_WATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "durable/fsio.h"

#define WATCH_DIR_NAME "facts-kiosk"
#define WATCH_PACK_NAME "content.db"
#define WATCH_SIG_NAME "content.db.minisig"
#define WATCH_REPORT_NAME "update-report.txt"
#define WATCH_EDIT_NAME "edit"  /* sources staff take at the kiosk, from the staff panel only */

enum {
    WATCH_MAX_DEPTH = 2,      /* stick root at most root/a/b; its facts-kiosk folder below */
    WATCH_MAX_ENTRIES = 256,  /* directory entries looked at per folder */
    WATCH_MAX_FOLDERS = 512,  /* folders opened per mount root per poll */
    WATCH_SEEN_MAX = 16,      /* facts-kiosk folders remembered at once */
};

/* What a facts-kiosk folder holds; anything but WATCH_USABLE is not used. */
typedef enum WatchReason {
    WATCH_USABLE = 0,        /* content.db is a regular file and so is content.db.minisig */
    WATCH_DIR_SYMLINK,       /* facts-kiosk is a symbolic link (never followed) */
    WATCH_DIR_NOT_FOLDER,    /* facts-kiosk is a file, FIFO or device, not a folder */
    WATCH_DIR_UNREADABLE,    /* the folder cannot be opened or looked into; see WatchFound.error */
    WATCH_PACK_MISSING,      /* no content.db in the folder */
    WATCH_PACK_SYMLINK,      /* content.db is a symbolic link */
    WATCH_PACK_NOT_REGULAR,  /* content.db is a folder, FIFO, device or socket */
    WATCH_SIG_MISSING,       /* content.db without content.db.minisig */
    WATCH_SIG_SYMLINK,       /* content.db.minisig is a symbolic link */
    WATCH_SIG_NOT_REGULAR,   /* content.db.minisig is a folder, FIFO, device or socket */
    WATCH_REASON_COUNT
} WatchReason;

/* What makes a report "the same" as an earlier one (lstat data). */
typedef struct WatchIdentity {
    uint64_t dir_device, dir_inode;  /* the facts-kiosk entry */
    WatchReason reason;
    uint64_t device, inode, size;    /* content.db, when present */
    int64_t mtime_sec, mtime_nsec;
    uint64_t sig_inode, sig_size;    /* content.db.minisig, when present */
    int64_t sig_mtime_sec, sig_mtime_nsec;
} WatchIdentity;

typedef struct WatchFound {
    char dir[FSIO_PATH_MAX];        /* .../facts-kiosk */
    char pack_path[FSIO_PATH_MAX];  /* .../facts-kiosk/content.db */
    char sig_path[FSIO_PATH_MAX];   /* .../facts-kiosk/content.db.minisig */
    WatchReason reason;             /* WATCH_USABLE: try it (update_run); else why not (update_ignore) */
    int error;                      /* errno value for WATCH_DIR_UNREADABLE, else 0 */
    WatchIdentity identity;
} WatchFound;

typedef struct Watch {
    const char *const *roots;  /* borrowed; must outlive the Watch */
    size_t root_count;
    WatchIdentity seen[WATCH_SEEN_MAX];
    bool seen_present[WATCH_SEEN_MAX];
    size_t seen_count;
} Watch;

/* Default mount roots: /media, /run/media, /mnt. Sets *count. */
const char *const *watch_default_roots(size_t *count);

/* Starts a watch over roots (borrowed). roots == NULL or root_count == 0
 * means the defaults. Missing roots are fine; a root may itself be a
 * symlink (it is configuration, not stick content). */
void watch_init(Watch *watch, const char *const *roots, size_t root_count);

/* Looks once. Returns true and fills *out when a facts-kiosk folder not
 * reported before is present — usable or not: check out->reason. At most one
 * per poll; the next one is reported by the next poll. Returns false
 * otherwise. Never reads file contents. */
bool watch_poll(Watch *watch, WatchFound *out);

/* Forgets every folder seen, so the next poll reports what is present again. */
void watch_forget(Watch *watch);

/* Stable English name of a reason for logs and tests ("pack-symlink"). */
const char *watch_reason_name(WatchReason reason);

#endif
