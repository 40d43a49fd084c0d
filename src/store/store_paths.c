/* store_paths.c — the state directory's file names; see store_paths.h. */
#include "store/store_paths.h"

#include <errno.h>
#include <string.h>

#include "durable/fsio.h"

typedef struct StoreEntry {
    const char *name;
    bool folder;  /* a folder of its own, not a file */
} StoreEntry;

static const StoreEntry ENTRIES[STORE_FILE_COUNT] = {
    [STORE_FILE_POINTER] = {STORE_POINTER_NAME, false},
    [STORE_FILE_REFUSED] = {STORE_REFUSED_NAME, false},
    [STORE_FILE_ATTEMPT] = {STORE_ATTEMPT_NAME, false},
    [STORE_FILE_SLOT_A] = {STORE_SLOT_A_NAME, false},
    [STORE_FILE_SLOT_B] = {STORE_SLOT_B_NAME, false},
    [STORE_FILE_STAGING] = {STORE_STAGING_NAME, false},
    [STORE_FILE_STAGED] = {STORE_STAGED_NAME, false},
    [STORE_FILE_STATUS] = {STORE_STATUS_NAME, false},
    [STORE_FILE_PULL] = {STORE_PULL_NAME, false},
    [STORE_FILE_STAFF_LOCK] = {STORE_STAFF_LOCK_NAME, false},
    [STORE_FILE_LEADS] = {STORE_LEADS_NAME, false},
    [STORE_FILE_LEADS_EXPORT] = {STORE_LEADS_EXPORT_NAME, false},
    [STORE_FILE_VISITS_DIR] = {STORE_VISITS_DIR_NAME, true},
    [STORE_FILE_VISITS_DB] = {STORE_VISITS_DB_NAME, false},
    [STORE_FILE_IMPORT] = {STORE_IMPORT_NAME, false},
    [STORE_FILE_SCREEN] = {STORE_SCREEN_NAME, false},
    [STORE_FILE_CLOCK] = {STORE_CLOCK_NAME, false},
};

const char *store_file_name(StoreFile file)
{
    return (unsigned)file < STORE_FILE_COUNT ? ENTRIES[file].name : NULL;
}

bool store_file_path(const char *state_dir, StoreFile file, char *out, size_t out_size)
{
    const char *name = store_file_name(file);

    if (name == NULL) {
        if (out_size > 0) {
            out[0] = '\0';
        }
        return false;
    }
    return fsio_join(out, out_size, state_dir, name);
}

int store_file_folder_make(const char *state_dir, StoreFile file)
{
    char path[FSIO_PATH_MAX] = {0};

    if (!store_file_path(state_dir, file, path, sizeof path)) {
        return store_file_name(file) == NULL ? EINVAL : ENAMETOOLONG;
    }
    if (!ENTRIES[file].folder) {
        /* The folder that holds the file: the state directory, or a sub-folder of it. */
        *strrchr(path, '/') = '\0';
    }
    /* The state directory is made private whatever made it; a sub-folder already there is
     * left as it is (an earlier release made it, and it may not be the kiosk's to chmod). */
    return strcmp(path, state_dir) == 0 ? fsio_make_private_dir(path) : fsio_make_dir(path);
}
