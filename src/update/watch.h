/* watch.h — noticing a stick that carries a content pack.
 * The app calls watch_poll() every second or two. It looks for
 * facts-kiosk/content.db (and content.db.minisig beside it) directly under
 * each mount root and up to WATCH_MAX_DEPTH directory levels below
 * (/media/<user>/<stick>/facts-kiosk/), with lstat only: symlinks, devices and
 * FIFOs are never followed or read. With no stick present a poll costs a few
 * directory reads. Each pack is reported once — identified by device, inode,
 * size and mtime of the pack and its signature — until it disappears, so a
 * stick left in is not re-installed on every poll, but re-plugging it is
 * noticed again. Junk (a facts-kiosk folder without a regular content.db) is
 * logged once and ignored. Start with watch_init() and watch_poll(). */
#ifndef FACTS_UPDATE_WATCH_H
#define FACTS_UPDATE_WATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "update/fsio.h"

#define WATCH_DIR_NAME "facts-kiosk"
#define WATCH_PACK_NAME "content.db"
#define WATCH_SIG_NAME "content.db.minisig"
#define WATCH_REPORT_NAME "update-report.txt"

enum {
    WATCH_MAX_DEPTH = 2,          /* root/a/b/facts-kiosk at the deepest */
    WATCH_MAX_ENTRIES = 256,      /* directory entries looked at per directory */
    WATCH_SEEN_MAX = 8,           /* packs remembered at once */
};

typedef struct WatchIdentity {
    uint64_t device, inode, size;
    int64_t mtime_sec, mtime_nsec;
    uint64_t sig_inode, sig_size;
    int64_t sig_mtime_sec, sig_mtime_nsec;
    bool junk;  /* a facts-kiosk folder with no usable pack */
} WatchIdentity;

typedef struct WatchFound {
    char dir[FSIO_PATH_MAX];        /* .../facts-kiosk */
    char pack_path[FSIO_PATH_MAX];  /* .../facts-kiosk/content.db */
    char sig_path[FSIO_PATH_MAX];   /* .../facts-kiosk/content.db.minisig (may not exist) */
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
 * means the defaults. Missing roots are fine. */
void watch_init(Watch *watch, const char *const *roots, size_t root_count);

/* Looks once. Returns true and fills *out when a pack not reported before is
 * present; false otherwise. Never reads file contents. */
bool watch_poll(Watch *watch, WatchFound *out);

/* Forgets every pack seen, so the next poll reports what is present again. */
void watch_forget(Watch *watch);

#endif
