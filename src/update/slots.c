/* slots.c — slot files and the atomic `current` pointer; see slots.h.
 * Reading order: pointer format (format_state/parse_state), then
 * write_state() which every change goes through, then the public verbs. */
#define _POSIX_C_SOURCE 200809L
#include "update/slots.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char POINTER_MAGIC[] = "facts-kiosk-slots 1";
static const char *const COMPANION_SUFFIXES[] = {"-journal", "-wal", "-shm"};

enum { POINTER_MAX_BYTES = 1024 };

const char *slots_name(SlotId slot)
{
    switch (slot) {
    case SLOT_A: return "a";
    case SLOT_B: return "b";
    default: return "none";
    }
}

static const char *slot_file_name(SlotId slot)
{
    return slot == SLOT_A ? "slot-a.db" : "slot-b.db";
}

bool slots_path(const Slots *slots, SlotId slot, char *out, size_t out_size)
{
    if (slot != SLOT_A && slot != SLOT_B) {
        return false;
    }
    return fsio_join(out, out_size, slots->dir, slot_file_name(slot));
}

static bool parse_slot(const char *text, SlotId *out)
{
    if (strcmp(text, "a") == 0) { *out = SLOT_A; return true; }
    if (strcmp(text, "b") == 0) { *out = SLOT_B; return true; }
    if (strcmp(text, "none") == 0) { *out = SLOT_NONE; return true; }
    return false;
}

static bool parse_version(const char *text, int64_t *out)
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

static int format_state(const SlotsState *state, char *out, size_t out_size)
{
    return snprintf(out, out_size,
                    "%s\nactive=%s\nactive_version=%" PRId64 "\nstate=%s\nprevious=%s\n"
                    "previous_version=%" PRId64 "\nrolled_back_version=%" PRId64 "\n",
                    POINTER_MAGIC, slots_name(state->active), state->active_version,
                    state->confirmed ? "confirmed" : "pending", slots_name(state->previous),
                    state->previous_version, state->rolled_back_version);
}

/* One "key=value" line into *state. Unknown keys are errors: the file is ours. */
static bool parse_field(char *line, SlotsState *state)
{
    char *eq = strchr(line, '=');
    const char *value = NULL;

    if (eq == NULL) {
        return false;
    }
    *eq = '\0';
    value = eq + 1;
    if (strcmp(line, "active") == 0) return parse_slot(value, &state->active);
    if (strcmp(line, "active_version") == 0) return parse_version(value, &state->active_version);
    if (strcmp(line, "previous") == 0) return parse_slot(value, &state->previous);
    if (strcmp(line, "previous_version") == 0) return parse_version(value, &state->previous_version);
    if (strcmp(line, "rolled_back_version") == 0) return parse_version(value, &state->rolled_back_version);
    if (strcmp(line, "state") == 0) {
        state->confirmed = strcmp(value, "confirmed") == 0;
        return state->confirmed || strcmp(value, "pending") == 0;
    }
    return false;
}

static bool parse_state(char *text, SlotsState *out)
{
    SlotsState state = {0};
    char *save = NULL;
    char *line = strtok_r(text, "\n", &save);

    if (line == NULL || strcmp(line, POINTER_MAGIC) != 0) {
        return false;
    }
    while ((line = strtok_r(NULL, "\n", &save)) != NULL) {
        if (!parse_field(line, &state)) {
            return false;
        }
    }
    if (state.active != SLOT_NONE && state.active == state.previous) {
        return false;
    }
    *out = state;
    return true;
}

/* Reads `current`; ENOENT is a fresh kiosk, anything else odd is logged. */
static void read_state(Slots *slots)
{
    char path[FSIO_PATH_MAX] = {0};
    char text[POINTER_MAX_BYTES + 1] = {0};
    ssize_t len = 0;
    int fd = -1;

    memset(&slots->state, 0, sizeof slots->state);
    if (!fsio_join(path, sizeof path, slots->dir, SLOTS_POINTER_NAME)) {
        return;
    }
    fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        if (errno != ENOENT) {
            fprintf(stderr, "update: %s: %s; using the bundled pack\n", path, strerror(errno));
        }
        return;
    }
    do {
        len = read(fd, text, POINTER_MAX_BYTES);
    } while (len < 0 && errno == EINTR);
    close(fd);
    if (len < 0 || !parse_state(text, &slots->state)) {
        memset(&slots->state, 0, sizeof slots->state);
        fprintf(stderr, "update: %s: unreadable slot pointer; using the bundled pack\n", path);
    }
}

/* Replaces `current` with *state (the commit point) and makes it durable.
 * Returns SLOTS_OK once the rename happened, even if the directory fsync
 * failed (logged): from then on the new state is what a restart sees. */
static SlotsStatus write_state(Slots *slots, const SlotsState *state)
{
    char text[POINTER_MAX_BYTES] = {0};
    int len = format_state(state, text, sizeof text);
    int error = 0;

    if (len < 0 || (size_t)len >= sizeof text) {
        slots->error = EOVERFLOW;
        return SLOTS_ERR_IO;
    }
    error = fsio_write_atomic(slots->dir, SLOTS_POINTER_NAME, text, (size_t)len, slots->fault,
                              FAULT_POINTER_WRITTEN);
    if (error != 0) {
        slots->error = error;
        fprintf(stderr, "update: %s/%s: cannot write: %s\n", slots->dir, SLOTS_POINTER_NAME, strerror(error));
        return SLOTS_ERR_IO;
    }
    slots->state = *state;
    error = fault_check(slots->fault, FAULT_RENAME_BEFORE_DIR_FSYNC);
    if (error == 0) {
        error = fsio_sync_dir(slots->dir);
    }
    if (error != 0) {
        fprintf(stderr, "update: %s: directory sync failed (%s); the switch may not survive a power cut\n",
                slots->dir, strerror(error));
    }
    return SLOTS_OK;
}

/* Removes a slot's pack and any SQLite companions next to it. */
static void remove_slot_files(const Slots *slots, SlotId slot, bool including_pack)
{
    char name[64] = {0};

    for (size_t i = 0; i < sizeof COMPANION_SUFFIXES / sizeof COMPANION_SUFFIXES[0]; i++) {
        snprintf(name, sizeof name, "%s%s", slot_file_name(slot), COMPANION_SUFFIXES[i]);
        (void)fsio_remove(slots->dir, name);
    }
    if (including_pack) {
        (void)fsio_remove(slots->dir, slot_file_name(slot));
    }
}

static bool slot_file_present(const Slots *slots, SlotId slot)
{
    char path[FSIO_PATH_MAX] = {0};
    struct stat st = {0};

    return slots_path(slots, slot, path, sizeof path) && lstat(path, &st) == 0 && S_ISREG(st.st_mode);
}

SlotsStatus slots_open(Slots *slots, const char *state_dir, const FaultHook *fault)
{
    memset(slots, 0, sizeof *slots);
    slots->fault = fault;
    if (strlen(state_dir) >= sizeof slots->dir - 32) {
        slots->error = ENAMETOOLONG;
        return SLOTS_ERR_IO;
    }
    memcpy(slots->dir, state_dir, strlen(state_dir) + 1);
    slots->error = fsio_make_private_dir(state_dir);
    if (slots->error != 0) {
        fprintf(stderr, "update: state directory %s: %s\n", state_dir, strerror(slots->error));
        return SLOTS_ERR_IO;
    }
    read_state(slots);
    return SLOTS_OK;
}

void slots_recover(Slots *slots)
{
    static const SlotId ALL[] = {SLOT_A, SLOT_B};

    (void)fsio_remove(slots->dir, SLOTS_POINTER_NAME ".tmp");
    if (slots->state.previous != SLOT_NONE && !slot_file_present(slots, slots->state.previous)) {
        SlotsState state = slots->state;
        state.previous = SLOT_NONE;
        state.previous_version = 0;
        fprintf(stderr, "update: previous pack (slot %s) is gone\n", slots_name(slots->state.previous));
        (void)write_state(slots, &state);
    }
    if (slots->state.active != SLOT_NONE && !slot_file_present(slots, slots->state.active)) {
        fprintf(stderr, "update: active pack (slot %s) is gone; rolling back\n", slots_name(slots->state.active));
        (void)slots_rollback(slots);
    }
    for (size_t i = 0; i < sizeof ALL / sizeof ALL[0]; i++) {
        bool referenced = ALL[i] == slots->state.active || ALL[i] == slots->state.previous;
        remove_slot_files(slots, ALL[i], !referenced);
    }
    (void)fsio_sync_dir(slots->dir);
}

bool slots_active_path(const Slots *slots, char *out, size_t out_size)
{
    if (slots->state.active == SLOT_NONE) {
        return false;
    }
    return slots_path(slots, slots->state.active, out, out_size);
}

int64_t slots_installed_version(const Slots *slots)
{
    return slots->state.active == SLOT_NONE ? 0 : slots->state.active_version;
}

bool slots_pending(const Slots *slots)
{
    return slots->state.active != SLOT_NONE && !slots->state.confirmed;
}

/* Makes the inactive slot free to overwrite: if it holds the rollback pack,
 * the pointer must stop naming it first, or a crash would leave `previous`
 * pointing at a different pack than its recorded version. */
static SlotsStatus free_slot(Slots *slots, SlotId target)
{
    if (slots->state.previous == target) {
        SlotsState state = slots->state;
        state.previous = SLOT_NONE;
        state.previous_version = 0;
        return write_state(slots, &state);
    }
    return SLOTS_OK;
}

SlotsStatus slots_install(Slots *slots, const char *staged_path, int64_t version)
{
    SlotId target = slots->state.active == SLOT_A ? SLOT_B : SLOT_A;
    char target_path[FSIO_PATH_MAX] = {0};
    SlotsState next = {0};
    SlotsStatus status = SLOTS_OK;

    slots->error = 0;
    if (!slots_path(slots, target, target_path, sizeof target_path)) {
        slots->error = ENAMETOOLONG;
        return SLOTS_ERR_IO;
    }
    status = free_slot(slots, target);
    if (status != SLOTS_OK) {
        return status;
    }
    /* A stale journal next to the new pack would be "hot" and rolled into it. */
    remove_slot_files(slots, target, false);
    if (chmod(staged_path, 0444) != 0 || rename(staged_path, target_path) != 0) {
        slots->error = errno;
        goto failed;
    }
    slots->error = fsio_sync_dir(slots->dir);
    if (slots->error != 0) {
        goto failed;
    }
    slots->error = fault_check(slots->fault, FAULT_SLOT_WRITTEN);
    if (slots->error != 0) {
        goto failed;
    }
    next.active = target;
    next.active_version = version;
    next.confirmed = false;
    next.previous = slots->state.active;
    next.previous_version = slots->state.active_version;
    next.rolled_back_version = slots->state.rolled_back_version;
    if (write_state(slots, &next) != SLOTS_OK) {
        goto failed;
    }
    return SLOTS_OK;
failed:
    fprintf(stderr, "update: installing into slot %s failed: %s\n", slots_name(target), strerror(slots->error));
    remove_slot_files(slots, target, true);
    return SLOTS_ERR_IO;
}

SlotsStatus slots_confirm(Slots *slots)
{
    SlotsState state = slots->state;

    if (state.active == SLOT_NONE || state.confirmed) {
        return SLOTS_OK;
    }
    state.confirmed = true;
    return write_state(slots, &state);
}

SlotsStatus slots_rollback(Slots *slots)
{
    SlotsState state = {0};
    SlotId dropped = slots->state.active;

    if (dropped == SLOT_NONE) {
        return SLOTS_ERR_NOTHING;
    }
    state.rolled_back_version = slots->state.active_version;
    if (slots->state.previous != SLOT_NONE && slot_file_present(slots, slots->state.previous)) {
        state.active = slots->state.previous;
        state.active_version = slots->state.previous_version;
        state.confirmed = true;  /* it was running before the update */
    }
    if (write_state(slots, &state) != SLOTS_OK) {
        return SLOTS_ERR_IO;
    }
    fprintf(stderr, "update: rolled back from version %" PRId64 " (slot %s) to %s\n", state.rolled_back_version,
            slots_name(dropped), state.active == SLOT_NONE ? "the bundled pack" : slots_name(state.active));
    remove_slot_files(slots, dropped, true);
    (void)fsio_sync_dir(slots->dir);
    return SLOTS_OK;
}

bool slots_load_failed(Slots *slots)
{
    if (!slots_pending(slots)) {
        return false;
    }
    return slots_rollback(slots) == SLOTS_OK;
}
