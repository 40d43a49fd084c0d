/* trusted_keys.c — a trusted_key entry expanded into key file names: a
 * folder read with scandir (its "*.pub" files, no hidden ones, sorted by
 * name), anything else kept as given. */
#define _POSIX_C_SOURCE 200809L
#include "update/trusted_keys.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *const TAG = "config";

static int is_public_key_name(const struct dirent *entry)
{
    size_t length = strlen(entry->d_name);
    return entry->d_name[0] != '.' && length > 4 && strcmp(entry->d_name + length - 4, ".pub") == 0;
}

/* Adds dir/name (or dir alone when name is NULL). Returns false when files
 * is full. */
static bool add_key_file(TrustedKeyFiles *files, const char *dir, const char *name, Log *log)
{
    char path[TRUSTED_KEYS_PATH_MAX] = {0};
    int n = name != NULL ? snprintf(path, sizeof path, "%s/%s", dir, name)
                         : snprintf(path, sizeof path, "%s", dir);
    if (n < 0 || (size_t)n >= sizeof path) {
        log_write(log, LOG_WARN, TAG, "trusted key %s%s%s: path too long; skipped", dir,
                  name != NULL ? "/" : "", name != NULL ? name : "");
        return true;
    }
    if (files->count >= TRUSTED_KEYS_MAX) {
        log_write(log, LOG_WARN, TAG, "trusted key %s: more than %d keys; skipped", path,
                  TRUSTED_KEYS_MAX);
        return false;
    }
    memcpy(files->paths[files->count++], path, (size_t)n + 1);
    return true;
}

void trusted_keys_add(TrustedKeyFiles *files, const char *entry, Log *log)
{
    struct stat info = {0};
    if (stat(entry, &info) != 0) {
        log_write(log, LOG_WARN, TAG, "trusted key %s: %s; skipped", entry, strerror(errno));
        return;
    }
    if (!S_ISDIR(info.st_mode)) {
        add_key_file(files, entry, NULL, log);
        return;
    }
    struct dirent **names = NULL;
    int count = scandir(entry, &names, is_public_key_name, alphasort);
    if (count < 0) {
        log_write(log, LOG_WARN, TAG, "trusted keys %s: %s; skipped", entry, strerror(errno));
        return;
    }
    bool room = true;
    for (int i = 0; i < count; i++) {
        if (room) {
            room = add_key_file(files, entry, names[i]->d_name, log);
        }
        free(names[i]);
    }
    free(names);
}
