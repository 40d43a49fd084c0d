/* store_paths.h — the names of every file in the kiosk's state directory, and their paths.
 * The store owns the state directory: a part that keeps a file there asks here for its path
 * and then opens or writes the file itself (SQLite files by their owners, plain files
 * through durable/fsio.h), so the list below is the whole directory and no other code
 * spells a name in it. These functions take no lock and read nothing on disk: only the pack
 * slots, the pointer and the remembered refusals take the store's lock (store.h), so a lead
 * being written or a visit being counted never waits for a root `pack rollback`.
 * The names are those of every earlier release: a kiosk upgraded in place keeps its packs,
 * leads and statistics. The kiosk and the command-line verbs (main.c) both use them. */
#ifndef FACTS_STORE_STORE_PATHS_H
#define FACTS_STORE_STORE_PATHS_H

#include <stdbool.h>
#include <stddef.h>

/* The names, relative to the state directory (for tests and messages; code asks for a
 * path with store_file_path()). */
#define STORE_POINTER_NAME "current"          /* which slot is active (store.c) */
#define STORE_REFUSED_NAME "refused"          /* packs never to install again (store.c) */
#define STORE_ATTEMPT_NAME "attempt"          /* an update check in progress (store.c) */
#define STORE_SLOT_A_NAME "slot-a.db"         /* an installed pack (store.c) */
#define STORE_SLOT_B_NAME "slot-b.db"
#define STORE_STAGING_NAME "staging.part"     /* a pack being copied in (update/stage.c) */
#define STORE_STAGED_NAME "staged.db"         /* a complete copy awaiting its checks */
#define STORE_IMPORT_NAME "import.db"         /* a pack built at the kiosk, awaiting Install (app/update_worker.c) */
#define STORE_STATUS_NAME "status.json"       /* the kiosk's status report (app/status.h) */
#define STORE_SCREEN_NAME "screen.jpg"        /* a picture of the screen (app/part_status.c) */
#define STORE_PULL_NAME "pull"                /* a note: what the update URL answered last */
#define STORE_STAFF_LOCK_NAME "staff-lock"    /* a note: the staff PIN's lockout */
#define STORE_CLOCK_NAME "clock"              /* a note: the time staff confirmed (app/app_clock.c) */
#define STORE_LEADS_NAME "leads.sealed"       /* sealed contact requests (leads/leads_file.h) */
#define STORE_LEADS_EXPORT_NAME "leads-export" /* per stick, how far the leads were copied */
#define STORE_VISITS_DIR_NAME "visits"        /* the statistics' own folder */
#define STORE_VISITS_DB_NAME "visits/visits.db" /* visitor statistics (visits/visits_db.h) */

typedef enum StoreFile {
    STORE_FILE_POINTER = 0,
    STORE_FILE_REFUSED,
    STORE_FILE_ATTEMPT,
    STORE_FILE_SLOT_A,
    STORE_FILE_SLOT_B,
    STORE_FILE_STAGING,
    STORE_FILE_STAGED,
    STORE_FILE_STATUS,
    STORE_FILE_PULL,
    STORE_FILE_STAFF_LOCK,
    STORE_FILE_LEADS,
    STORE_FILE_LEADS_EXPORT,
    STORE_FILE_VISITS_DIR,
    STORE_FILE_VISITS_DB,
    STORE_FILE_IMPORT,
    STORE_FILE_SCREEN,
    STORE_FILE_CLOCK,
    STORE_FILE_COUNT
} StoreFile;

/* The name of file relative to the state directory (one of the STORE_*_NAME above), or
 * NULL when file is out of range. */
const char *store_file_name(StoreFile file);

/* Writes "state_dir/<name of file>" into out (size out_size). Returns false, leaving out
 * as an empty string, when it would not fit or file is out of range. */
bool store_file_path(const char *state_dir, StoreFile file, char *out, size_t out_size);

/* Makes the folder that holds file (the state directory itself, or its sub-folder such as
 * STORE_VISITS_DIR_NAME), or file itself when it is a folder (STORE_FILE_VISITS_DIR), mode
 * 0700, when it is missing; its parent must exist (a sub-folder is made only in a state
 * directory that is there). An existing state directory is kept and tightened to 0700, an
 * existing sub-folder is kept as it is. Returns 0 or
 * an errno value (ENOENT: no parent; ENOTDIR: a file in the way; ENAMETOOLONG; EINVAL: a
 * file out of range). */
int store_file_folder_make(const char *state_dir, StoreFile file);

#endif
