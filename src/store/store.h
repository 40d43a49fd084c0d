/* store.h — the pack store: the one owner of the kiosk's state directory.
 * It holds two read-only installed packs (slot-a.db, slot-b.db), the pointer
 * `current` that says which one is active, the list of packs that must never
 * be installed again (`refused`) and the marker of an update attempt in
 * progress (`attempt`). The kiosk and the `facts-kiosk pack …` verbs both go
 * through it, so a running kiosk and a staff member at a shell never write
 * over each other:
 *   - every change of the slots, the pointer, the refused list or the attempt
 *     marker takes an advisory lock (flock) on the state directory and
 *     re-reads the pointer under it before writing, so a change made by
 *     another process is never undone with stale in-memory state; nothing
 *     else takes it (status, notes, and the files of store_paths.h that
 *     leads/, visits/ and staff write themselves), so a lead or a PIN never
 *     waits for a root `pack rollback`;
 *   - store_refresh() tells a running kiosk that the pointer changed on disk
 *     (e.g. `sudo facts-kiosk pack rollback`), so it can show the right pack;
 *   - a pointer it cannot read or parse is never a reason to delete anything:
 *     the store turns read-only ("degraded"), keeps every file, and offers the
 *     slot files as candidates so the app shows the newest pack that loads;
 *   - a new pack is "pending" until the app confirms it after it has been on
 *     screen and healthy for a while; each start while it is pending counts as
 *     a try, and after STORE_MAX_TRIES starts in a row it is rolled back
 *     (boot counting, as A/B updaters do), so one power cut does not condemn a
 *     good pack but a crashing one does not keep the kiosk down;
 *   - a pack on trial never evicts the last confirmed pack: a newer pack that arrives
 *     while the active one is still pending (packs a minute apart on an event day) takes the
 *     pending pack's slot, and `previous` stays the pack that last ran well (store_install);
 *   - rolled-back packs and packs during whose check the kiosk died
 *     STORE_MAX_TRIES times are remembered by hash in `refused`, so a stick
 *     that hurt the kiosk is not retried after a restart.
 * Files are written as the state directory's owner (a root shell's changes
 * stay readable by the kiosk's own user). Every file is replaced atomically
 * (temp, fsync, rename, fsync of the directory): after a power cut at any
 * instant the old or the new state is there. The names of every file in the
 * state directory are in store_paths.h. Start with store_init(). */
#ifndef FACTS_STORE_STORE_H
#define FACTS_STORE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "durable/fault.h"
#include "durable/fsio.h"
#include "platform/log.h"
#include "store/store_paths.h"


enum {
    STORE_HASH_BYTES = 64,        /* a pack's BLAKE2b-512 hash (the one minisign signs) */
    STORE_MAX_TRIES = 3,          /* starts of a pending pack, or interrupted checks, before it is refused */
    STORE_REFUSED_MAX = 64,       /* remembered refused packs; the oldest are forgotten first */
    STORE_WHY_MAX = 160,
    STORE_HASH_TEXT = STORE_HASH_BYTES * 2 + 1,
    STORE_NOTE_MAX = 16384,       /* largest note (store_note_write) */
};

typedef enum SlotId {
    SLOT_NONE = 0,  /* no installed pack: the bundled pack is used */
    SLOT_A,
    SLOT_B,
} SlotId;

typedef enum StoreStatus {
    STORE_OK = 0,
    STORE_ERR_IO,        /* see PackStore.error */
    STORE_ERR_NOTHING,   /* rollback with no installed pack */
    STORE_ERR_DEGRADED,  /* the pointer cannot be read or parsed: nothing is changed */
} StoreStatus;

/* Where an installed pack came from: a signed pack (a stick or the update URL), or built at
 * the kiosk from a stick's sources under the staff PIN (a staff import: no signature, its
 * version is the workbook's, kept as the import's base). A pointer written by an earlier
 * release names no origin: signed. */
typedef enum StoreOrigin {
    STORE_ORIGIN_SIGNED = 0,
    STORE_ORIGIN_KIOSK,
} StoreOrigin;

/* What `current` says. Hashes are all-zero when unknown (a pointer written by an
 * earlier release). For a pack taken at the kiosk the version is its base: the version
 * its sources said, which a signed update must beat to replace it. */
typedef struct StoreState {
    SlotId active;
    int64_t active_version;      /* 0 when active == SLOT_NONE */
    uint8_t active_hash[STORE_HASH_BYTES];
    StoreOrigin active_origin;
    bool confirmed;              /* the active pack has been on screen and healthy */
    int tries;                   /* starts while pending */
    SlotId previous;             /* kept for rollback, or SLOT_NONE */
    int64_t previous_version;
    uint8_t previous_hash[STORE_HASH_BYTES];
    StoreOrigin previous_origin;
    int64_t rolled_back_version; /* last version rolled back; 0 = none */
    StoreOrigin rolled_back_origin; /* a version taken at the kiosk does not bar a signed pack */
} StoreState;

/* An installed pack the app may show: its slot file and version (0: unknown,
 * the app must load it to know). */
typedef struct StoreCandidate {
    SlotId slot;
    int64_t version;
    StoreOrigin origin;          /* STORE_ORIGIN_KIOSK: shown whatever the bundled pack's version */
    char path[FSIO_PATH_MAX];
} StoreCandidate;

/* Identity of the pointer file as last read, to notice changes by others: ctime
 * too, so that a chown or chmod alone (an unreadable pointer made readable) is
 * noticed as well as a new file. */
typedef struct StorePointerStamp {
    bool present;
    dev_t dev;
    ino_t ino;
    off_t size;
    struct timespec mtime;
    struct timespec ctime;
} StorePointerStamp;

typedef struct PackStore {
    char dir[FSIO_PATH_MAX];
    StoreState state;
    bool degraded;                 /* pointer unreadable or unparseable: read-only */
    char degraded_why[STORE_WHY_MAX];
    StorePointerStamp stamp;
    uid_t owner;                   /* the state directory's owner and group */
    gid_t group;
    const FaultHook *fault;        /* may be NULL */
    Log *log;                      /* may be NULL: nothing is logged */
    int error;                     /* errno of the last failure */
} PackStore;

/* Creates state_dir (mode 0700) if needed and reads `current` into store (no lock is
 * needed to read: the pointer is only ever replaced by rename). An init, not a load: the
 * store holds no file or memory between calls, so there is nothing to release. A missing pointer is
 * a fresh kiosk; one that cannot be read or parsed makes the store degraded
 * (logged; see store_degraded_why). fault and log may be NULL and must outlive store.
 * Returns STORE_OK or STORE_ERR_IO (the directory itself is unusable). */
StoreStatus store_init(PackStore *store, const char *state_dir, const FaultHook *fault, Log *log);

/* Startup clean-up after a crash or power cut, under the lock: removes temp
 * files, staged copies, SQLite companions and slot files the pointer does not
 * name; turns an interrupted update check into a try (store_attempt_begin).
 * In a degraded store it removes nothing but temp files. */
void store_recover(PackStore *store);

/* Re-reads the pointer if it changed on disk since it was last read (another
 * process wrote it). Returns true when the state (or degradedness) changed:
 * the app should choose its pack again. Cheap: one stat when nothing changed. */
bool store_refresh(PackStore *store);

/* True, with the reason in *why (may be NULL), when the pointer could not be
 * read or parsed: updates and rollbacks are refused, nothing is deleted. */
bool store_degraded(const PackStore *store, const char **why);

/* The installed packs the app may show, best first, into out (at most max):
 * normally just the active pack (version known); in a degraded store every
 * slot file present (version unknown). Returns the count. */
size_t store_candidates(const PackStore *store, StoreCandidate *out, size_t max);

/* Writes the active pack's path into out and returns true, or returns false
 * when there is none (or the store is degraded). */
bool store_active_path(const PackStore *store, char *out, size_t out_size);

/* Path of a slot's pack file ("<dir>/slot-a.db"). Returns false if too long. */
bool store_slot_path(const PackStore *store, SlotId slot, char *out, size_t out_size);

/* Version of the active pack, or 0 when none is installed. */
int64_t store_installed_version(const PackStore *store);

/* True while the active pack has not been confirmed. */
bool store_pending(const PackStore *store);

/* Moves staged_path (in the state directory) into the inactive slot as a
 * read-only file and switches `current` to it as pending (tries 0), keeping
 * the active pack as the previous one. While the active pack is itself still
 * pending and the inactive slot holds the previous (confirmed) pack, the new
 * pack replaces the pending one in its slot instead and the previous pack
 * stays: the pointer names the previous pack first, then the new one, so no
 * crash evicts the last confirmed pack. The pointer rename is the commit point:
 * a failure before it leaves the active pack unchanged (and removes the new
 * slot file). Fault points: SLOT_WRITTEN, POINTER_WRITTEN,
 * RENAME_BEFORE_DIR_FSYNC. STORE_ERR_DEGRADED in a degraded store. */
StoreStatus store_install(PackStore *store, const char *staged_path, int64_t version,
                          const uint8_t hash[STORE_HASH_BYTES]);

/* store_install() with the pack's origin recorded in the pointer: STORE_ORIGIN_KIOSK for a
 * pack built at the kiosk (version: its base). The same slots, trial and rollback. */
StoreStatus store_install_from(PackStore *store, const char *staged_path, int64_t version,
                               const uint8_t hash[STORE_HASH_BYTES], StoreOrigin origin);

/* Origin of the active pack (STORE_ORIGIN_SIGNED when none is installed). */
StoreOrigin store_active_origin(const PackStore *store);

/* "signed", "kiosk". */
const char *store_origin_name(StoreOrigin origin);

/* At start, before the app loads a pending pack: counts this start as a try.
 * After STORE_MAX_TRIES unconfirmed starts the pack is rolled back and refused
 * (*rolled_back true). No-op for a confirmed pack or a degraded store. */
StoreStatus store_begin_trial(PackStore *store, bool *rolled_back);

/* The active pack has been on screen and healthy: it stays. No-op when
 * already confirmed. */
StoreStatus store_confirm(PackStore *store);

/* Switches back to the previous pack (or to the bundled pack when there is
 * none), removes the pack that was active and refuses its hash and version
 * from now on, with why as the reason (a pack taken at the kiosk: its hash only, as its
 * version is only the base its sources said). STORE_ERR_NOTHING when no pack is
 * installed, STORE_ERR_DEGRADED in a degraded store. */
StoreStatus store_rollback(PackStore *store, const char *why);

/* The app failed to load the active pack: a pending one is rolled back
 * (returns true); a confirmed one is left alone (false) and the app shows the
 * next candidate or the bundled pack for this run. */
bool store_active_failed(PackStore *store, const char *why);

/* True, with the remembered reason in why, when a pack with this hash was
 * rolled back or refused before. */
bool store_is_refused(const PackStore *store, const uint8_t hash[STORE_HASH_BYTES], char *why, size_t why_size);

/* Remembers hash as refused, with why. */
StoreStatus store_refuse(PackStore *store, const uint8_t hash[STORE_HASH_BYTES], const char *why);

/* An update is about to check the pack with this hash (the step that may crash
 * on a hostile pack). Records the attempt durably; if the kiosk already died
 * STORE_MAX_TRIES times checking this very pack, refuses it instead and returns
 * false. */
bool store_attempt_begin(PackStore *store, const uint8_t hash[STORE_HASH_BYTES]);

/* The attempt finished (whatever the outcome): forgets the marker. */
void store_attempt_end(PackStore *store);

/* Replaces `status.json`, the kiosk's status report (app/status.h), with len bytes of
 * text: a temp file, fsync, rename, fsync of the directory, then handed to the state
 * directory's owner when root wrote it; after a crash or power cut at any instant the old
 * or the new report is there, whole. Takes no lock: only the running kiosk writes this file
 * and a reader sees one whole version or the other. Reads nothing of the store but its
 * directory, owner and log, which do not change after store_init(). Returns 0 or an errno
 * value (the caller logs it). */
int store_write_status(const PackStore *store, const char *text, size_t len);

/* Replaces `screen.jpg`, the picture of the screen (app/part_status.c), with len bytes, as
 * store_write_status() replaces status.json: after a crash at any instant the old or the new
 * picture is there, whole. Returns 0 or an errno value (the caller logs it). */
int store_write_screen(const PackStore *store, const void *jpeg, size_t len);

/* A note: a small text file of another part of the kiosk that must survive a restart
 * (STORE_PULL_NAME: what the update URL answered last), kept in the state directory,
 * which only the store writes. name is a plain file name that is none of the store's own
 * (pointer, slots, refused list, attempt marker, staged copies). Replaced atomically (the
 * durable toolkit: temp, fsync, rename, fsync of the directory) without the lock: each note
 * has one writer, the running kiosk, and a reader sees one whole version or the other, so
 * a staff member's PIN never waits for a root `pack rollback`. Handed to the directory's owner; written only when called (the callers write
 * when something changed, not every poll). Works in a degraded store too. Returns 0 or an
 * errno value (EINVAL: a name that is not allowed; EFBIG: over STORE_NOTE_MAX). */
int store_note_write(PackStore *store, const char *name, const char *text, size_t len);

/* Reads the note name into out (NUL-terminated, at most size - 1 bytes). Returns 0, ENOENT
 * (no such note: out is ""), EFBIG, EINVAL or another errno value. */
int store_note_read(const PackStore *store, const char *name, char *out, size_t size);

/* "a", "b" or "none". */
const char *store_slot_name(SlotId slot);

/* Lowercase hex of a hash into out (STORE_HASH_TEXT bytes). */
void store_hash_text(const uint8_t hash[STORE_HASH_BYTES], char out[STORE_HASH_TEXT]);

#endif
