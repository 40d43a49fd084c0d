/* slots.h — the two installed-pack slots and the pointer that picks one.
 * state_dir holds slot-a.db, slot-b.db (read-only packs) and `current`, a
 * small text file naming the active slot, its pack version, whether that pack
 * has been confirmed by a successful load, and the previous slot kept for
 * rollback. `current` is only ever replaced atomically (temp, fsync, rename,
 * fsync of the directory), so after a power cut at any instant it names
 * either the old or the new pack. Start with slots_open() and slots_install().
 *
 * Automatic rollback: a freshly installed pack is "pending". The app calls
 * slots_confirm() once it has loaded it; if loading fails, it calls
 * slots_load_failed(), which rolls a pending pack back. */
#ifndef FACTS_UPDATE_SLOTS_H
#define FACTS_UPDATE_SLOTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "update/fault.h"
#include "update/fsio.h"

#define SLOTS_POINTER_NAME "current"

typedef enum SlotId {
    SLOT_NONE = 0,  /* no installed pack: the bundled pack is used */
    SLOT_A,
    SLOT_B,
} SlotId;

typedef enum SlotsStatus {
    SLOTS_OK = 0,
    SLOTS_ERR_IO,           /* see Slots.error */
    SLOTS_ERR_NOTHING,      /* rollback with no installed pack */
} SlotsStatus;

typedef struct SlotsState {
    SlotId active;
    int64_t active_version;     /* 0 when active == SLOT_NONE */
    bool confirmed;             /* the active pack has loaded at least once */
    SlotId previous;            /* kept for rollback, or SLOT_NONE */
    int64_t previous_version;
    int64_t rolled_back_version; /* last version rolled back, never reinstalled; 0 = none */
} SlotsState;

typedef struct Slots {
    char dir[FSIO_PATH_MAX];
    SlotsState state;
    const FaultHook *fault;  /* may be NULL */
    int error;               /* errno of the last failure */
} Slots;

/* Creates state_dir (mode 0700) if needed and reads `current`. A missing or
 * unreadable pointer means "no installed pack" (logged). fault may be NULL and
 * must outlive slots. Returns SLOTS_OK or SLOTS_ERR_IO. */
SlotsStatus slots_open(Slots *slots, const char *state_dir, const FaultHook *fault);

/* Startup clean-up after a crash or power cut: removes temp pointers, staged
 * copies, SQLite companions and slot files `current` does not name; if the
 * active slot's file is gone, falls back to the previous one (or none). */
void slots_recover(Slots *slots);

/* Writes the active pack's path into out and returns true, or returns false
 * when there is none (use the bundled pack). */
bool slots_active_path(const Slots *slots, char *out, size_t out_size);

/* Path of a slot's pack file ("<dir>/slot-a.db"). Returns false if too long. */
bool slots_path(const Slots *slots, SlotId slot, char *out, size_t out_size);

/* Version of the active pack, or 0 when none is installed. */
int64_t slots_installed_version(const Slots *slots);

/* True while the active pack has not been confirmed by a successful load. */
bool slots_pending(const Slots *slots);

/* Moves staged_path (same file system) into the inactive slot as a read-only
 * file and switches `current` to it as pending, keeping the active pack as the
 * previous one. The pointer rename is the commit point: a failure before it
 * leaves the active pack unchanged (and removes the new slot file); once it
 * succeeds, SLOTS_OK is returned even if the directory fsync fails (logged).
 * Fault points: SLOT_WRITTEN, POINTER_WRITTEN, RENAME_BEFORE_DIR_FSYNC. */
SlotsStatus slots_install(Slots *slots, const char *staged_path, int64_t version);

/* Marks the active pack as loaded fine. No-op when already confirmed. */
SlotsStatus slots_confirm(Slots *slots);

/* Switches back to the previous pack (or to the bundled pack when there is
 * none) and removes the pack that was active; its version is remembered so it
 * is not installed again. SLOTS_ERR_NOTHING when no pack is installed. */
SlotsStatus slots_rollback(Slots *slots);

/* Called by the app when the active pack failed to load: a pending pack is
 * rolled back (returns true); a confirmed one is left alone (false) and the
 * app shows the bundled pack for this run. */
bool slots_load_failed(Slots *slots);

/* "a", "b" or "none". */
const char *slots_name(SlotId slot);

#endif
