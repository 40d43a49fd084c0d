/* leads_stick.h — copying new sealed leads to every stick inserted, pack or not.
 *
 * Finding sticks (leads_stick_poll): under each mount root a stick is a folder one or two
 * levels down (root/<label>, root/<dir>/<label>: /media/<label>, /run/media/facts-kiosk/<label>,
 * as in update/watch.h) that is either a mount point (on another device than the root) or
 * holds a facts-kiosk folder (a stick whose mount shares the root's device, and the tests'
 * stand-in sticks). Hidden entries are skipped, symlinks never followed, a mount point never
 * searched; each stick is reported once until it is gone (re-plugged: again).
 *
 * Copying (leads_export): the records of the state directory's leads.sealed that this stick
 * has not had yet are appended to facts-kiosk/leads/<kiosk-id>-<date>.sealed on it (one write,
 * then fsync of the file and, when new, of its folder). Only whole records with a good CRC
 * are copied; nothing is decrypted (the kiosk cannot). What each stick has is remembered in
 * the state directory (STORE_LEADS_EXPORT_NAME, store/store_paths.h: per stick, the byte offset of leads.sealed
 * copied so far, replaced atomically after the copy is durable), the stick being known by a
 * random id in facts-kiosk/leads/.stick-id written the first time. A stick pulled during a
 * copy keeps at most a torn record, cut off at the next copy; if it was pulled after the copy
 * but before the offset was remembered, the next copy repeats those records and
 * `leads open` writes each once. With no lead in the state directory, a stick is not touched. */
#ifndef FACTS_LEADS_LEADS_STICK_H
#define FACTS_LEADS_LEADS_STICK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "durable/fsio.h"
#include "store/store_paths.h"

#define LEADS_STICK_DIR "facts-kiosk/leads"  /* on the stick */
#define LEADS_STICK_ID_NAME ".stick-id"        /* in LEADS_STICK_DIR */

enum {
    LEADS_STICKS_SEEN_MAX = 16,   /* sticks present at once */
    LEADS_STICKS_REMEMBERED = 64, /* sticks whose offsets the state directory keeps (oldest out) */
    LEADS_STICK_ID_CHARS = 32,
    LEADS_KIOSK_ID_MAX = 64,      /* characters of the kiosk id kept in a file name */
};

typedef struct LeadsStick {
    char root[FSIO_PATH_MAX]; /* the stick's mount folder */
    uint64_t device, inode;   /* of that folder */
} LeadsStick;

typedef struct LeadsStickWatch {
    const char *const *roots; /* borrowed */
    size_t root_count;
    LeadsStick seen[LEADS_STICKS_SEEN_MAX];
    bool present[LEADS_STICKS_SEEN_MAX];
    size_t seen_count;
} LeadsStickWatch;

/* Starts watching roots (borrowed; they must outlive the watch). */
void leads_stick_watch_init(LeadsStickWatch *watch, const char *const *roots, size_t root_count);

/* Looks once. Returns true and fills *out when a stick not reported before is present (one
 * per poll); false otherwise. Only reads folders. */
bool leads_stick_poll(LeadsStickWatch *watch, LeadsStick *out);

typedef struct LeadsExportResult {
    size_t records;               /* copied now (0: the stick had them all, or there are none) */
    size_t bytes;
    size_t skipped_bytes;         /* damaged bytes in leads.sealed, not copied */
    char file[FSIO_PATH_MAX];     /* the stick's file, when records > 0 */
    const char *failed_step;      /* NULL, or what failed: "read", "stick-id", "write", "remember" */
    int error;                    /* errno value of failed_step */
} LeadsExportResult;

/* Copies the records of state_dir/leads.sealed that the stick at stick_root has not had to
 * its facts-kiosk/leads/<kiosk_id>-<date>.sealed (kiosk_id: letters, digits, '-' and '_' kept,
 * anything else becomes '_'; date: "YYYY-MM-DD", the day of the copy). Fills *out. Returns 0
 * or the errno value of out->failed_step. */
int leads_export(const char *state_dir, const char *kiosk_id, const char *date, const char *stick_root,
                 LeadsExportResult *out);

/* How many records of state_dir/leads.sealed no stick has had yet (past the furthest offset
 * remembered for any stick), into *records: the leads waiting for export. Returns 0 (no file:
 * 0 records) or an errno value. */
int leads_export_waiting(const char *state_dir, size_t *records);

#endif
