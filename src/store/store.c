/* store.c — the pack store; see store.h.
 * Reading order: the pointer format (format_state / parse_state), reading it
 * (read_pointer), the lock and write_state() which every change goes through
 * (always inside with_lock()), then the public verbs, then the refused list
 * and the attempt marker. */
#define _POSIX_C_SOURCE 200809L
#include "store/store.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

static const char POINTER_MAGIC[] = "facts-kiosk-slots 1";
static const char *const COMPANION_SUFFIXES[] = {"-journal", "-wal", "-shm"};
/* Removed at start: half-written files, and a pack built at the kiosk that was never
 * installed (its preview ended with the process that built it). */
static const char *const TEMP_NAMES[] = {STORE_POINTER_NAME ".tmp", STORE_REFUSED_NAME ".tmp",
                                         STORE_ATTEMPT_NAME ".tmp", STORE_STATUS_NAME ".tmp", STORE_PULL_NAME ".tmp",
                                         STORE_IMPORT_NAME, STORE_IMPORT_NAME ".tmp", STORE_IMPORT_NAME "-journal",
                                         STORE_IMPORT_NAME ".tmp-journal"};

enum {
    POINTER_MAX_BYTES = 2048,
    REFUSED_LINE_MAX = STORE_HASH_TEXT + STORE_WHY_MAX + 2,
    REFUSED_MAX_BYTES = STORE_REFUSED_MAX * REFUSED_LINE_MAX,
    ATTEMPT_MAX_BYTES = 256,
};

/* ---- names and small helpers ------------------------------------------------------------- */

const char *store_slot_name(SlotId slot)
{
    switch (slot) {
    case SLOT_A: return "a";
    case SLOT_B: return "b";
    default: return "none";
    }
}

static const char *slot_file_name(SlotId slot)
{
    return store_file_name(slot == SLOT_A ? STORE_FILE_SLOT_A : STORE_FILE_SLOT_B);
}

bool store_slot_path(const PackStore *store, SlotId slot, char *out, size_t out_size)
{
    if (slot != SLOT_A && slot != SLOT_B) {
        return false;
    }
    return fsio_join(out, out_size, store->dir, slot_file_name(slot));
}

void store_hash_text(const uint8_t hash[STORE_HASH_BYTES], char out[STORE_HASH_TEXT])
{
    static const char HEX[] = "0123456789abcdef";
    for (size_t i = 0; i < STORE_HASH_BYTES; i++) {
        out[2 * i] = HEX[hash[i] >> 4];
        out[2 * i + 1] = HEX[hash[i] & 15];
    }
    out[STORE_HASH_TEXT - 1] = '\0';
}

static bool parse_hash(const char *text, uint8_t out[STORE_HASH_BYTES])
{
    if (strlen(text) != STORE_HASH_TEXT - 1) {
        return false;
    }
    for (size_t i = 0; i < STORE_HASH_BYTES; i++) {
        unsigned value = 0;
        for (size_t k = 0; k < 2; k++) {
            char c = text[2 * i + k];
            unsigned digit = c >= '0' && c <= '9' ? (unsigned)(c - '0')
                             : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
                                                    : 16u;
            if (digit > 15) {
                return false;
            }
            value = value * 16 + digit;
        }
        out[i] = (uint8_t)value;
    }
    return true;
}

static bool hash_known(const uint8_t hash[STORE_HASH_BYTES])
{
    for (size_t i = 0; i < STORE_HASH_BYTES; i++) {
        if (hash[i] != 0) {
            return true;
        }
    }
    return false;
}

static bool parse_slot(const char *text, SlotId *out)
{
    if (strcmp(text, "a") == 0) { *out = SLOT_A; return true; }
    if (strcmp(text, "b") == 0) { *out = SLOT_B; return true; }
    if (strcmp(text, "none") == 0) { *out = SLOT_NONE; return true; }
    return false;
}

static bool parse_count(const char *text, int64_t *out)
{
    char *end = NULL;
    long long value = 0;

    errno = 0;
    value = strtoll(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || value < 0) {
        return false;
    }
    *out = (int64_t)value;
    return true;
}

/* Reads a small file of ours (never through a link, never blocking on a FIFO)
 * into text (NUL-terminated). Returns 0, ENOENT, EFBIG or an errno value. */
static int read_small_file(const char *dir, const char *name, char *text, size_t size, struct stat *st_out)
{
    char path[FSIO_PATH_MAX] = {0};
    FsioFile file = {0};
    struct stat st = {0};
    size_t used = 0;
    int error = 0;
    int fd = -1;

    text[0] = '\0';
    if (!fsio_join(path, sizeof path, dir, name)) {
        return ENAMETOOLONG;
    }
    if (fsio_open_regular(AT_FDCWD, path, O_RDONLY, 0, &file) != FSIO_OK) {
        return file.error;
    }
    fd = file.fd;
    st = file.st;
    if ((uint64_t)st.st_size >= size) {
        error = EFBIG;
    }
    while (error == 0 && used + 1 < size) {
        ssize_t got = read(fd, text + used, size - 1 - used);
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got < 0) {
            error = errno;
        } else if (got == 0) {
            break;
        }
        used += got > 0 ? (size_t)got : 0;
    }
    close(fd);
    text[error == 0 ? used : 0] = '\0';
    if (st_out != NULL) {
        *st_out = st;
    }
    return error;
}

/* ---- the pointer --------------------------------------------------------------------------- */

const char *store_origin_name(StoreOrigin origin)
{
    return origin == STORE_ORIGIN_KIOSK ? "kiosk" : "signed";
}

static bool parse_origin(const char *text, StoreOrigin *out)
{
    if (strcmp(text, "signed") == 0) { *out = STORE_ORIGIN_SIGNED; return true; }
    if (strcmp(text, "kiosk") == 0) { *out = STORE_ORIGIN_KIOSK; return true; }
    return false;
}

/* The pointer: the magic line, then key=value lines. The *_origin keys came with packs
 * taken at the kiosk; an earlier release skips them (a key it does not know) and a pointer
 * without them (written by an earlier release) means signed packs. */
static int format_state(const StoreState *state, char *out, size_t out_size)
{
    char active_hash[STORE_HASH_TEXT] = "";
    char previous_hash[STORE_HASH_TEXT] = "";
    store_hash_text(state->active_hash, active_hash);
    store_hash_text(state->previous_hash, previous_hash);
    return snprintf(out, out_size,
                    "%s\nactive=%s\nactive_version=%" PRId64 "\nstate=%s\ntries=%d\nprevious=%s\n"
                    "previous_version=%" PRId64 "\nrolled_back_version=%" PRId64 "\nactive_hash=%s\n"
                    "previous_hash=%s\nactive_origin=%s\nprevious_origin=%s\nrolled_back_origin=%s\n",
                    POINTER_MAGIC, store_slot_name(state->active), state->active_version,
                    state->confirmed ? "confirmed" : "pending", state->tries, store_slot_name(state->previous),
                    state->previous_version, state->rolled_back_version,
                    hash_known(state->active_hash) ? active_hash : "unknown",
                    hash_known(state->previous_hash) ? previous_hash : "unknown", store_origin_name(state->active_origin),
                    store_origin_name(state->previous_origin), store_origin_name(state->rolled_back_origin));
}

static bool parse_optional_hash(const char *value, uint8_t out[STORE_HASH_BYTES])
{
    if (strcmp(value, "unknown") == 0) {
        memset(out, 0, STORE_HASH_BYTES);
        return true;
    }
    return parse_hash(value, out);
}

/* One "key=value" line into *state. A key this release does not know is
 * skipped (a newer release may add some); a known key with a bad value makes
 * the whole pointer unparseable. */
static bool parse_field(char *line, StoreState *state, Log *log)
{
    char *eq = strchr(line, '=');
    const char *value = NULL;
    int64_t tries = 0;

    if (eq == NULL) {
        return false;
    }
    *eq = '\0';
    value = eq + 1;
    if (strcmp(line, "active") == 0) return parse_slot(value, &state->active);
    if (strcmp(line, "active_version") == 0) return parse_count(value, &state->active_version);
    if (strcmp(line, "previous") == 0) return parse_slot(value, &state->previous);
    if (strcmp(line, "previous_version") == 0) return parse_count(value, &state->previous_version);
    if (strcmp(line, "rolled_back_version") == 0) return parse_count(value, &state->rolled_back_version);
    if (strcmp(line, "active_hash") == 0) return parse_optional_hash(value, state->active_hash);
    if (strcmp(line, "previous_hash") == 0) return parse_optional_hash(value, state->previous_hash);
    if (strcmp(line, "active_origin") == 0) return parse_origin(value, &state->active_origin);
    if (strcmp(line, "previous_origin") == 0) return parse_origin(value, &state->previous_origin);
    if (strcmp(line, "rolled_back_origin") == 0) return parse_origin(value, &state->rolled_back_origin);
    if (strcmp(line, "tries") == 0) {
        if (!parse_count(value, &tries) || tries > 1000) {
            return false;
        }
        state->tries = (int)tries;
        return true;
    }
    if (strcmp(line, "state") == 0) {
        state->confirmed = strcmp(value, "confirmed") == 0;
        return state->confirmed || strcmp(value, "pending") == 0;
    }
    log_write(log, LOG_INFO, "update", "pointer key '%s' is not known to this release; kept out of use", line);
    return true;
}

static bool parse_state(char *text, StoreState *out, Log *log)
{
    StoreState state = {0};
    char *save = NULL;
    char *line = strtok_r(text, "\n", &save);

    if (line == NULL || strcmp(line, POINTER_MAGIC) != 0) {
        return false;
    }
    while ((line = strtok_r(NULL, "\n", &save)) != NULL) {
        if (!parse_field(line, &state, log)) {
            return false;
        }
    }
    if (state.active != SLOT_NONE && state.active == state.previous) {
        return false;
    }
    *out = state;
    return true;
}

static StorePointerStamp stamp_of(const struct stat *st)
{
    StorePointerStamp stamp = {.present = true, .dev = st->st_dev, .ino = st->st_ino, .size = st->st_size,
                               .mtime = st->st_mtim, .ctime = st->st_ctim};
    return stamp;
}

static bool stamps_equal(const StorePointerStamp *a, const StorePointerStamp *b)
{
    if (a->present != b->present) {
        return false;
    }
    return !a->present || (a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
                           a->mtime.tv_sec == b->mtime.tv_sec && a->mtime.tv_nsec == b->mtime.tv_nsec &&
                           a->ctime.tv_sec == b->ctime.tv_sec && a->ctime.tv_nsec == b->ctime.tv_nsec);
}

static StorePointerStamp current_stamp(const PackStore *store)
{
    char path[FSIO_PATH_MAX] = {0};
    struct stat st = {0};
    StorePointerStamp none = {0};

    if (!fsio_join(path, sizeof path, store->dir, STORE_POINTER_NAME) || lstat(path, &st) != 0) {
        return none;
    }
    return stamp_of(&st);
}

/* Reads `current` into the store. ENOENT is a fresh kiosk; anything else that
 * keeps it from being read or understood makes the store degraded. */
static void read_pointer(PackStore *store)
{
    char text[POINTER_MAX_BYTES] = {0};
    struct stat st = {0};
    bool was_degraded = store->degraded;
    int error = read_small_file(store->dir, STORE_POINTER_NAME, text, sizeof text, &st);

    memset(&store->state, 0, sizeof store->state);
    store->degraded = false;
    store->degraded_why[0] = '\0';
    /* The stamp of the file read, not of a later look: a rename landing in between must
     * still be noticed by the next store_refresh(). Unopened (EACCES): what is there now. */
    store->stamp = error == ENOENT ? (StorePointerStamp){0} : st.st_ino != 0 ? stamp_of(&st) : current_stamp(store);
    if (error == ENOENT) {
        return;
    }
    if (error == 0 && parse_state(text, &store->state, store->log)) {
        if (was_degraded) {
            log_write(store->log, LOG_INFO, "update", "%s/%s is readable again", store->dir, STORE_POINTER_NAME);
        }
        return;
    }
    memset(&store->state, 0, sizeof store->state);
    store->degraded = true;
    snprintf(store->degraded_why, sizeof store->degraded_why, "%s: %s", STORE_POINTER_NAME,
             error == 0        ? "not in a format this release understands"
             : error == ELOOP  ? "is a symbolic link"
             : error == EINVAL || error == EISDIR ? "is not a regular file"
             : error == EFBIG  ? "is too large"
                               : strerror(error));
    log_write(store->log, LOG_WARN, "update", "%s/%s; nothing is deleted, updates are paused, the newest pack that loads is shown",
            store->dir, store->degraded_why);
}

/* ---- the lock and writing ------------------------------------------------------------------ */

/* Takes the state directory's lock (waits for another holder). Returns the fd
 * to pass to unlock(), or -1 (errno in store->error). */
static int lock_dir(PackStore *store)
{
    int fd = open(store->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        store->error = errno;
        return -1;
    }
    while (flock(fd, LOCK_EX) != 0) {
        if (errno != EINTR) {
            store->error = errno;
            close(fd);
            return -1;
        }
    }
    return fd;
}

static void unlock_dir(int fd)
{
    if (fd >= 0) {
        close(fd);  /* releases the flock */
    }
}

/* A file written by root (a staff shell) must stay readable by the kiosk's own
 * user: it belongs to the state directory's owner before it gets its final
 * name, so the kiosk never meets it unreadable (and degrades). Writers that are
 * not root keep their own files: FSIO_OWNER_KEEP, FSIO_GROUP_KEEP. */
static uid_t owner_for_writes(const PackStore *store, gid_t *group)
{
    bool root = geteuid() == 0;
    *group = root ? store->group : FSIO_GROUP_KEEP;
    return root ? store->owner : FSIO_OWNER_KEEP;
}

/* Atomically replaces dir/name, already owned as owner_for_writes says; with
 * sync, makes the rename durable too. Returns 0 or errno. */
static int replace_file(const PackStore *store, const char *name, const char *text, size_t len,
                        FaultPoint before_rename, bool sync)
{
    gid_t group = 0;
    uid_t owner = owner_for_writes(store, &group);
    int error = fsio_write_atomic(store->dir, name, text, len, owner, group, store->fault, before_rename);
    return error == 0 && sync ? fsio_sync_dir(store->dir) : error;
}

int store_write_status(const PackStore *store, const char *text, size_t len)
{
    return replace_file(store, STORE_STATUS_NAME, text, len, FAULT_POINT_COUNT, true);
}

int store_write_screen(const PackStore *store, const void *jpeg, size_t len)
{
    return replace_file(store, STORE_SCREEN_NAME, jpeg, len, FAULT_POINT_COUNT, true);
}

/* Replaces `current` with *state (the commit point) and makes it durable.
 * Caller holds the lock. Returns STORE_OK once the rename happened, even if
 * the directory fsync failed (logged). */
static StoreStatus write_state(PackStore *store, const StoreState *state)
{
    char text[POINTER_MAX_BYTES] = {0};
    int len = format_state(state, text, sizeof text);
    int error = 0;

    if (len < 0 || (size_t)len >= sizeof text) {
        store->error = EOVERFLOW;
        return STORE_ERR_IO;
    }
    error = replace_file(store, STORE_POINTER_NAME, text, (size_t)len, FAULT_POINTER_WRITTEN, false);
    if (error != 0) {
        store->error = error;
        log_write(store->log, LOG_WARN, "update", "%s/%s: cannot write: %s", store->dir, STORE_POINTER_NAME, strerror(error));
        return STORE_ERR_IO;
    }
    store->state = *state;
    store->stamp = current_stamp(store);
    error = fault_check(store->fault, FAULT_RENAME_BEFORE_DIR_FSYNC);
    if (error == 0) {
        error = fsio_sync_dir(store->dir);
    }
    if (error != 0) {
        log_write(store->log, LOG_WARN, "update", "%s: directory sync failed (%s); the switch may not survive a power cut",
                store->dir, strerror(error));
    }
    return STORE_OK;
}

/* Every change: lock, re-read what is on disk (another process may have
 * changed it), refuse to touch a degraded store, change, unlock. */
typedef StoreStatus (*StoreChange)(PackStore *store, void *arg);

static StoreStatus with_lock(PackStore *store, StoreChange change, void *arg)
{
    StoreStatus status = STORE_OK;
    int fd = lock_dir(store);

    if (fd < 0) {
        log_write(store->log, LOG_WARN, "update", "%s: cannot lock: %s", store->dir, strerror(store->error));
        return STORE_ERR_IO;
    }
    read_pointer(store);
    status = store->degraded ? STORE_ERR_DEGRADED : change(store, arg);
    unlock_dir(fd);
    return status;
}

/* Removes a slot's pack and any SQLite companions next to it. */
static void remove_slot_files(const PackStore *store, SlotId slot, bool including_pack)
{
    char name[64] = {0};

    for (size_t i = 0; i < sizeof COMPANION_SUFFIXES / sizeof COMPANION_SUFFIXES[0]; i++) {
        snprintf(name, sizeof name, "%s%s", slot_file_name(slot), COMPANION_SUFFIXES[i]);
        (void)fsio_remove(store->dir, name);
    }
    if (including_pack) {
        (void)fsio_remove(store->dir, slot_file_name(slot));
    }
}

static bool slot_file_present(const PackStore *store, SlotId slot)
{
    char path[FSIO_PATH_MAX] = {0};
    struct stat st = {0};

    return store_slot_path(store, slot, path, sizeof path) && lstat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* ---- opening, recovery, refresh ------------------------------------------------------------ */

StoreStatus store_init(PackStore *store, const char *state_dir, const FaultHook *fault, Log *log)
{
    struct stat st = {0};

    memset(store, 0, sizeof *store);
    store->fault = fault;
    store->log = log;
    if (strlen(state_dir) >= sizeof store->dir - 32) {
        store->error = ENAMETOOLONG;
        return STORE_ERR_IO;
    }
    memcpy(store->dir, state_dir, strlen(state_dir) + 1);
    store->error = fsio_make_private_dir(state_dir);
    if (store->error == 0 && stat(state_dir, &st) != 0) {
        store->error = errno;
    }
    if (store->error != 0) {
        log_write(store->log, LOG_WARN, "update", "state directory %s: %s", state_dir, strerror(store->error));
        return STORE_ERR_IO;
    }
    store->owner = st.st_uid;
    store->group = st.st_gid;
    read_pointer(store);
    return STORE_OK;
}

bool store_refresh(PackStore *store)
{
    StorePointerStamp now = current_stamp(store);
    StoreState before = store->state;
    bool was_degraded = store->degraded;

    if (stamps_equal(&now, &store->stamp)) {
        return false;
    }
    read_pointer(store);
    return was_degraded != store->degraded || memcmp(&before, &store->state, sizeof before) != 0;
}

bool store_degraded(const PackStore *store, const char **why)
{
    if (why != NULL) {
        *why = store->degraded_why;
    }
    return store->degraded;
}

static StoreStatus rollback_locked(PackStore *store, void *why);

static StoreStatus recover_locked(PackStore *store, void *unused)
{
    static const SlotId ALL[] = {SLOT_A, SLOT_B};
    (void)unused;

    if (store->state.previous != SLOT_NONE && !slot_file_present(store, store->state.previous)) {
        StoreState state = store->state;
        log_write(store->log, LOG_WARN, "update", "previous pack (slot %s) is gone", store_slot_name(store->state.previous));
        state.previous = SLOT_NONE;
        state.previous_version = 0;
        state.previous_origin = STORE_ORIGIN_SIGNED;
        memset(state.previous_hash, 0, sizeof state.previous_hash);
        (void)write_state(store, &state);
    }
    if (store->state.active != SLOT_NONE && !slot_file_present(store, store->state.active)) {
        log_write(store->log, LOG_WARN, "update", "active pack (slot %s) is gone; rolling back", store_slot_name(store->state.active));
        (void)rollback_locked(store, "its file was gone");
    }
    for (size_t i = 0; i < sizeof ALL / sizeof ALL[0]; i++) {
        bool referenced = ALL[i] == store->state.active || ALL[i] == store->state.previous;
        remove_slot_files(store, ALL[i], !referenced);
    }
    return STORE_OK;
}

void store_recover(PackStore *store)
{
    int fd = lock_dir(store);
    if (fd < 0) {
        return;
    }
    for (size_t i = 0; i < sizeof TEMP_NAMES / sizeof TEMP_NAMES[0]; i++) {
        (void)fsio_remove(store->dir, TEMP_NAMES[i]);
    }
    read_pointer(store);
    if (!store->degraded) {
        (void)recover_locked(store, NULL);
    }
    (void)fsio_sync_dir(store->dir);
    unlock_dir(fd);
}

/* ---- reading the state --------------------------------------------------------------------- */

size_t store_candidates(const PackStore *store, StoreCandidate *out, size_t max)
{
    static const SlotId ALL[] = {SLOT_A, SLOT_B};
    size_t count = 0;

    if (!store->degraded) {
        if (store->state.active != SLOT_NONE && max > 0 &&
            store_slot_path(store, store->state.active, out[0].path, sizeof out[0].path)) {
            out[0].slot = store->state.active;
            out[0].version = store->state.active_version;
            out[0].origin = store->state.active_origin;
            count = 1;
        }
        return count;
    }
    for (size_t i = 0; i < sizeof ALL / sizeof ALL[0] && count < max; i++) {
        if (slot_file_present(store, ALL[i]) && store_slot_path(store, ALL[i], out[count].path, sizeof out[count].path)) {
            out[count].slot = ALL[i];
            out[count].version = 0;
            out[count].origin = STORE_ORIGIN_SIGNED;
            count++;
        }
    }
    return count;
}

bool store_active_path(const PackStore *store, char *out, size_t out_size)
{
    if (store->degraded || store->state.active == SLOT_NONE) {
        return false;
    }
    return store_slot_path(store, store->state.active, out, out_size);
}

int64_t store_installed_version(const PackStore *store)
{
    return store->state.active == SLOT_NONE ? 0 : store->state.active_version;
}

StoreOrigin store_active_origin(const PackStore *store)
{
    return store->state.active == SLOT_NONE ? STORE_ORIGIN_SIGNED : store->state.active_origin;
}

bool store_pending(const PackStore *store)
{
    return store->state.active != SLOT_NONE && !store->state.confirmed;
}

/* ---- installing, confirming, rolling back -------------------------------------------------- */

typedef struct InstallArgs {
    const char *staged_path;
    int64_t version;
    const uint8_t *hash;
    StoreOrigin origin;
} InstallArgs;

/* The slot a new pack goes into: the inactive one, unless that holds the last confirmed pack
 * kept for rollback while the active pack is still on trial. Then the new pack takes the
 * pending pack's slot instead (the pending pack is superseded, not refused), so packs arriving
 * a minute apart never push out the pack that was last seen running well. */
static SlotId install_target(const StoreState *state)
{
    SlotId inactive = state->active == SLOT_A ? SLOT_B : SLOT_A;
    bool on_trial = state->active != SLOT_NONE && !state->confirmed;
    return on_trial && state->previous == inactive ? state->active : inactive;
}

/* The pointer as it must be before the target slot is touched, so that no crash leaves it
 * naming a half-written slot: `previous` no longer names the target (it is overwritten), or,
 * when the target is the active pending pack's slot, the previous (confirmed) pack is active
 * again for the moment. Returns true when that differs from now. */
static bool install_stepping_aside(const StoreState *now, SlotId target, StoreState *out)
{
    *out = *now;
    if (now->active == target) {
        out->active = now->previous;
        out->active_version = now->previous_version;
        memcpy(out->active_hash, now->previous_hash, STORE_HASH_BYTES);
        out->active_origin = now->previous_origin;
        out->confirmed = true;  /* it was running before the trial began */
        out->tries = 0;
    } else if (now->previous != target) {
        return false;
    }
    out->previous = SLOT_NONE;
    out->previous_version = 0;
    out->previous_origin = STORE_ORIGIN_SIGNED;
    memset(out->previous_hash, 0, sizeof out->previous_hash);
    return true;
}

static StoreStatus install_locked(PackStore *store, void *arg)
{
    const InstallArgs *in = arg;
    SlotId target = install_target(&store->state);
    char target_path[FSIO_PATH_MAX] = {0};
    StoreState next = {0};
    StoreState aside = {0};

    store->error = 0;
    if (!store_slot_path(store, target, target_path, sizeof target_path)) {
        store->error = ENAMETOOLONG;
        return STORE_ERR_IO;
    }
    if (target == store->state.active) {
        log_write(store->log, LOG_INFO, "update",
                  "version %" PRId64 " replaces version %" PRId64 " still on trial (slot %s); version %" PRId64
                  " stays for rollback",
                  in->version, store->state.active_version, store_slot_name(target), store->state.previous_version);
    }
    if (install_stepping_aside(&store->state, target, &aside) && write_state(store, &aside) != STORE_OK) {
        return STORE_ERR_IO;
    }
    /* A stale journal next to the new pack would be "hot" and rolled into it. */
    remove_slot_files(store, target, false);
    gid_t group = 0;
    uid_t owner = owner_for_writes(store, &group);
    if (chmod(in->staged_path, 0444) != 0 || lchown(in->staged_path, owner, group) != 0) {
        store->error = errno;
        goto failed;
    }
    store->error = fsio_rename_durable(in->staged_path, target_path);
    if (store->error == 0) {
        store->error = fault_check(store->fault, FAULT_SLOT_WRITTEN);
    }
    if (store->error != 0) {
        goto failed;
    }
    next.active = target;
    next.active_version = in->version;
    memcpy(next.active_hash, in->hash, STORE_HASH_BYTES);
    next.active_origin = in->origin;
    /* write_state() above made store->state the pointer as it stepped aside. */
    next.previous = store->state.active;
    next.previous_version = store->state.active_version;
    memcpy(next.previous_hash, store->state.active_hash, STORE_HASH_BYTES);
    next.previous_origin = store->state.active_origin;
    next.rolled_back_version = store->state.rolled_back_version;
    next.rolled_back_origin = store->state.rolled_back_origin;
    if (write_state(store, &next) != STORE_OK) {
        goto failed;
    }
    return STORE_OK;
failed:
    log_write(store->log, LOG_WARN, "update", "installing into slot %s failed: %s", store_slot_name(target), strerror(store->error));
    remove_slot_files(store, target, true);
    return STORE_ERR_IO;
}

StoreStatus store_install(PackStore *store, const char *staged_path, int64_t version,
                          const uint8_t hash[STORE_HASH_BYTES])
{
    return store_install_from(store, staged_path, version, hash, STORE_ORIGIN_SIGNED);
}

StoreStatus store_install_from(PackStore *store, const char *staged_path, int64_t version,
                               const uint8_t hash[STORE_HASH_BYTES], StoreOrigin origin)
{
    InstallArgs args = {staged_path, version, hash, origin};
    return with_lock(store, install_locked, &args);
}

static StoreStatus confirm_locked(PackStore *store, void *unused)
{
    StoreState state = store->state;
    (void)unused;
    if (state.active == SLOT_NONE || state.confirmed) {
        return STORE_OK;
    }
    state.confirmed = true;
    state.tries = 0;
    return write_state(store, &state);
}

StoreStatus store_confirm(PackStore *store)
{
    return with_lock(store, confirm_locked, NULL);
}

static int refuse_locked(PackStore *store, const uint8_t hash[STORE_HASH_BYTES], const char *why);

static StoreStatus rollback_locked(PackStore *store, void *arg)
{
    const char *why = arg;
    StoreState state = {0};
    SlotId dropped = store->state.active;
    int64_t dropped_version = store->state.active_version;
    StoreOrigin dropped_origin = store->state.active_origin;

    if (dropped == SLOT_NONE) {
        return STORE_ERR_NOTHING;
    }
    if (hash_known(store->state.active_hash)) {
        (void)refuse_locked(store, store->state.active_hash, why);
    }
    state.rolled_back_version = dropped_version;
    state.rolled_back_origin = dropped_origin;
    if (store->state.previous != SLOT_NONE && slot_file_present(store, store->state.previous)) {
        state.active = store->state.previous;
        state.active_version = store->state.previous_version;
        state.active_origin = store->state.previous_origin;
        memcpy(state.active_hash, store->state.previous_hash, STORE_HASH_BYTES);
        state.confirmed = true;  /* it was running before the update */
    }
    if (write_state(store, &state) != STORE_OK) {
        return STORE_ERR_IO;
    }
    log_write(store->log, LOG_INFO, "update", "rolled back from version %" PRId64 "%s (slot %s, %s) to %s", dropped_version,
            dropped_origin == STORE_ORIGIN_KIOSK ? " taken at the kiosk" : "", store_slot_name(dropped), why, state.active == SLOT_NONE ? "the bundled pack" : store_slot_name(state.active));
    remove_slot_files(store, dropped, true);
    (void)fsio_sync_dir(store->dir);
    return STORE_OK;
}

StoreStatus store_rollback(PackStore *store, const char *why)
{
    return with_lock(store, rollback_locked, (void *)(why ? why : "rolled back by hand"));
}

static StoreStatus load_failed_locked(PackStore *store, void *why)
{
    if (!store_pending(store)) {
        return STORE_ERR_NOTHING;
    }
    return rollback_locked(store, why);
}

bool store_active_failed(PackStore *store, const char *why)
{
    return with_lock(store, load_failed_locked, (void *)(why ? why : "it did not load")) == STORE_OK;
}

typedef struct TrialArgs {
    bool *rolled_back;
} TrialArgs;

static StoreStatus trial_locked(PackStore *store, void *arg)
{
    TrialArgs *trial = arg;
    StoreState state = store->state;

    if (!store_pending(store)) {
        return STORE_OK;
    }
    if (state.tries >= STORE_MAX_TRIES) {
        char why[STORE_WHY_MAX];
        snprintf(why, sizeof why, "the kiosk did not run well with it %d times in a row", state.tries);
        *trial->rolled_back = true;
        return rollback_locked(store, why);
    }
    state.tries++;
    return write_state(store, &state);
}

StoreStatus store_begin_trial(PackStore *store, bool *rolled_back)
{
    bool ignored = false;
    TrialArgs args = {rolled_back ? rolled_back : &ignored};
    *args.rolled_back = false;
    return with_lock(store, trial_locked, &args);
}

/* ---- refused packs ------------------------------------------------------------------------- */

/* Finds hash in the refused list text; copies its reason into why. */
static bool refused_lookup(const char *text, const char *hash_text, char *why, size_t why_size)
{
    size_t hash_len = strlen(hash_text);
    const char *line = text;

    while (line != NULL && *line != '\0') {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        if (len > hash_len && strncmp(line, hash_text, hash_len) == 0 && line[hash_len] == ' ') {
            if (why != NULL && why_size > 0) {
                size_t reason = len - hash_len - 1;
                reason = reason < why_size - 1 ? reason : why_size - 1;
                memcpy(why, line + hash_len + 1, reason);
                why[reason] = '\0';
            }
            return true;
        }
        line = end ? end + 1 : NULL;
    }
    return false;
}

bool store_is_refused(const PackStore *store, const uint8_t hash[STORE_HASH_BYTES], char *why, size_t why_size)
{
    char *text = malloc(REFUSED_MAX_BYTES + 1);
    char hash_text[STORE_HASH_TEXT];
    bool found = false;

    if (text == NULL) {
        return false;
    }
    store_hash_text(hash, hash_text);
    if (read_small_file(store->dir, STORE_REFUSED_NAME, text, REFUSED_MAX_BYTES + 1, NULL) == 0) {
        found = refused_lookup(text, hash_text, why, why_size);
    }
    free(text);
    return found;
}

/* Appends "hash why" to `refused`, dropping the oldest lines beyond
 * STORE_REFUSED_MAX. Caller holds the lock. Returns 0 or errno. */
static int refuse_locked(PackStore *store, const uint8_t hash[STORE_HASH_BYTES], const char *why)
{
    char *old = malloc(REFUSED_MAX_BYTES + 1);
    char *next = malloc(REFUSED_MAX_BYTES + REFUSED_LINE_MAX + 1);
    char hash_text[STORE_HASH_TEXT];
    size_t lines = 0;
    size_t used = 0;
    int error = 0;

    if (old == NULL || next == NULL) {
        free(old);
        free(next);
        return ENOMEM;
    }
    store_hash_text(hash, hash_text);
    (void)read_small_file(store->dir, STORE_REFUSED_NAME, old, REFUSED_MAX_BYTES + 1, NULL);
    if (!refused_lookup(old, hash_text, NULL, 0)) {
        for (const char *p = old; *p; p++) {
            lines += *p == '\n';
        }
        const char *keep = old;
        while (lines >= STORE_REFUSED_MAX && keep != NULL) {
            keep = strchr(keep, '\n');
            keep = keep ? keep + 1 : NULL;
            lines--;
        }
        used = (size_t)snprintf(next, REFUSED_MAX_BYTES + 1, "%s", keep ? keep : "");
        /* The reason is one line of text: no newlines from whoever wrote it. */
        char reason[STORE_WHY_MAX];
        snprintf(reason, sizeof reason, "%s", why ? why : "refused");
        for (char *c = reason; *c; c++) {
            *c = *c == '\n' || *c == '\r' ? ' ' : *c;
        }
        used += (size_t)snprintf(next + used, REFUSED_LINE_MAX + 1, "%s %s\n", hash_text, reason);
        error = replace_file(store, STORE_REFUSED_NAME, next, used, FAULT_POINT_COUNT, false);
        if (error != 0) {
            log_write(store->log, LOG_WARN, "update", "%s/%s: cannot write: %s", store->dir, STORE_REFUSED_NAME, strerror(error));
        }
    }
    free(old);
    free(next);
    return error;
}

typedef struct RefuseArgs {
    const uint8_t *hash;
    const char *why;
} RefuseArgs;

static StoreStatus refuse_change(PackStore *store, void *arg)
{
    const RefuseArgs *in = arg;
    int error = refuse_locked(store, in->hash, in->why);
    store->error = error;
    return error == 0 ? STORE_OK : STORE_ERR_IO;
}

StoreStatus store_refuse(PackStore *store, const uint8_t hash[STORE_HASH_BYTES], const char *why)
{
    RefuseArgs args = {hash, why};
    int fd = lock_dir(store);
    StoreStatus status = STORE_ERR_IO;
    if (fd >= 0) {
        /* Refusing needs no pointer: it works in a degraded store too. */
        status = refuse_change(store, &args);
        unlock_dir(fd);
    }
    return status;
}

/* ---- the attempt marker -------------------------------------------------------------------- */

typedef struct AttemptArgs {
    const uint8_t *hash;
    bool allowed;
} AttemptArgs;

static StoreStatus attempt_locked(PackStore *store, void *arg)
{
    AttemptArgs *in = arg;
    char text[ATTEMPT_MAX_BYTES] = {0};
    char hash_text[STORE_HASH_TEXT];
    int64_t tries = 0;
    int len = 0;

    store_hash_text(in->hash, hash_text);
    if (read_small_file(store->dir, STORE_ATTEMPT_NAME, text, sizeof text, NULL) == 0) {
        char *space = strchr(text, ' ');
        char *newline = strchr(text, '\n');
        if (space != NULL && newline != NULL) {
            *space = '\0';
            *newline = '\0';
            if (strcmp(text, hash_text) != 0 || !parse_count(space + 1, &tries)) {
                tries = 0;
            }
        }
    }
    if (tries >= STORE_MAX_TRIES) {
        char why[STORE_WHY_MAX];
        snprintf(why, sizeof why, "the kiosk stopped %d times while checking it", (int)tries);
        in->allowed = false;
        (void)refuse_locked(store, in->hash, why);
        (void)fsio_remove(store->dir, STORE_ATTEMPT_NAME);
        log_write(store->log, LOG_WARN, "update", "%s: refused: %s", hash_text, why);
        return STORE_OK;
    }
    len = snprintf(text, sizeof text, "%s %d\n", hash_text, (int)tries + 1);
    store->error = replace_file(store, STORE_ATTEMPT_NAME, text, (size_t)len, FAULT_POINT_COUNT, true);
    in->allowed = true;
    return STORE_OK;
}

bool store_attempt_begin(PackStore *store, const uint8_t hash[STORE_HASH_BYTES])
{
    AttemptArgs args = {hash, true};
    int fd = lock_dir(store);
    if (fd < 0) {
        return true;  /* no lock, no marker: the check still runs */
    }
    (void)attempt_locked(store, &args);
    unlock_dir(fd);
    return args.allowed;
}

void store_attempt_end(PackStore *store)
{
    int fd = lock_dir(store);
    (void)fsio_remove(store->dir, STORE_ATTEMPT_NAME);
    unlock_dir(fd);
}

/* ---- notes --------------------------------------------------------------------------------- */

/* A plain name of a file none of the store's own. */
static bool note_name_allowed(const char *name)
{
    static const char *const OWN_PREFIXES[] = {STORE_POINTER_NAME, STORE_REFUSED_NAME, STORE_ATTEMPT_NAME, "slot-",
                                               "staged", "staging"};
    size_t len = strlen(name);

    if (len == 0 || len > 64 || name[0] == '.' || strchr(name, '/') != NULL || strstr(name, ".tmp") != NULL) {
        return false;
    }
    for (size_t i = 0; i < sizeof OWN_PREFIXES / sizeof OWN_PREFIXES[0]; i++) {
        if (strncmp(name, OWN_PREFIXES[i], strlen(OWN_PREFIXES[i])) == 0) {
            return false;
        }
    }
    return true;
}

int store_note_write(PackStore *store, const char *name, const char *text, size_t len)
{
    int error = 0;

    if (!note_name_allowed(name)) {
        return EINVAL;
    }
    if (len > STORE_NOTE_MAX) {
        return EFBIG;
    }
    /* No lock: see store.h. Only the slots, the pointer and the refusals take it. */
    error = replace_file(store, name, text, len, FAULT_POINT_COUNT, true);
    if (error != 0) {
        log_write(store->log, LOG_WARN, "update", "%s/%s: cannot write: %s", store->dir, name, strerror(error));
    }
    return error;
}

int store_note_read(const PackStore *store, const char *name, char *out, size_t size)
{
    if (size > 0) {
        out[0] = '\0';
    }
    if (!note_name_allowed(name) || size == 0) {
        return EINVAL;
    }
    return read_small_file(store->dir, name, out, size, NULL);
}
