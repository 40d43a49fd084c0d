/* watch.c — finding facts-kiosk/content.db under the mount roots; see watch.h.
 * search_dir() recurses a bounded number of levels; check_candidate() decides
 * what a facts-kiosk folder holds; the seen list makes each pack report once. */
#define _POSIX_C_SOURCE 200809L
#include "update/watch.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static const char *const DEFAULT_ROOTS[] = {"/media", "/run/media", "/mnt"};

typedef struct PollState {
    Watch *watch;
    WatchFound *out;
    bool found;
} PollState;

const char *const *watch_default_roots(size_t *count)
{
    *count = sizeof DEFAULT_ROOTS / sizeof DEFAULT_ROOTS[0];
    return DEFAULT_ROOTS;
}

void watch_init(Watch *watch, const char *const *roots, size_t root_count)
{
    memset(watch, 0, sizeof *watch);
    if (roots == NULL || root_count == 0) {
        roots = watch_default_roots(&root_count);
    }
    watch->roots = roots;
    watch->root_count = root_count;
}

void watch_forget(Watch *watch)
{
    watch->seen_count = 0;
}

static bool same_identity(const WatchIdentity *a, const WatchIdentity *b)
{
    return a->device == b->device && a->inode == b->inode && a->size == b->size &&
           a->mtime_sec == b->mtime_sec && a->mtime_nsec == b->mtime_nsec && a->sig_inode == b->sig_inode &&
           a->sig_size == b->sig_size && a->sig_mtime_sec == b->sig_mtime_sec &&
           a->sig_mtime_nsec == b->sig_mtime_nsec && a->junk == b->junk;
}

/* If identity was seen before, marks it present this poll and returns true. */
static bool mark_seen(Watch *watch, const WatchIdentity *identity)
{
    for (size_t i = 0; i < watch->seen_count; i++) {
        if (same_identity(&watch->seen[i], identity)) {
            watch->seen_present[i] = true;
            return true;
        }
    }
    return false;
}

static void add_seen(Watch *watch, const WatchIdentity *identity)
{
    if (watch->seen_count == WATCH_SEEN_MAX) {
        /* Oldest out: a kiosk does not have eight sticks at once. */
        memmove(&watch->seen[0], &watch->seen[1], sizeof watch->seen[0] * (WATCH_SEEN_MAX - 1));
        memmove(&watch->seen_present[0], &watch->seen_present[1],
                sizeof watch->seen_present[0] * (WATCH_SEEN_MAX - 1));
        watch->seen_count--;
    }
    watch->seen[watch->seen_count] = *identity;
    watch->seen_present[watch->seen_count] = true;
    watch->seen_count++;
}

static void identity_of(const struct stat *st, WatchIdentity *id)
{
    id->device = (uint64_t)st->st_dev;
    id->inode = (uint64_t)st->st_ino;
    id->size = (uint64_t)st->st_size;
    id->mtime_sec = (int64_t)st->st_mtim.tv_sec;
    id->mtime_nsec = (int64_t)st->st_mtim.tv_nsec;
}

/* dir is an lstat-checked facts-kiosk directory. */
static void check_candidate(PollState *poll, const char *dir, const struct stat *dir_st)
{
    WatchFound found = {0};
    WatchIdentity identity = {0};
    struct stat st = {0};
    struct stat sig_st = {0};

    size_t dir_len = strlen(dir);

    if (dir_len >= sizeof found.dir ||
        !fsio_join(found.pack_path, sizeof found.pack_path, dir, WATCH_PACK_NAME) ||
        !fsio_join(found.sig_path, sizeof found.sig_path, dir, WATCH_SIG_NAME)) {
        return;
    }
    memcpy(found.dir, dir, dir_len + 1);
    if (lstat(found.pack_path, &st) != 0 || !S_ISREG(st.st_mode)) {
        identity_of(dir_st, &identity);
        identity.junk = true;
        if (!mark_seen(poll->watch, &identity)) {
            add_seen(poll->watch, &identity);
            fprintf(stderr, "update: %s: no regular %s there; ignored\n", dir, WATCH_PACK_NAME);
        }
        return;
    }
    identity_of(&st, &identity);
    if (lstat(found.sig_path, &sig_st) == 0) {
        identity.sig_inode = (uint64_t)sig_st.st_ino;
        identity.sig_size = (uint64_t)sig_st.st_size;
        identity.sig_mtime_sec = (int64_t)sig_st.st_mtim.tv_sec;
        identity.sig_mtime_nsec = (int64_t)sig_st.st_mtim.tv_nsec;
    }
    /* One report per poll; a second new pack waits for the next poll. */
    if (!mark_seen(poll->watch, &identity) && !poll->found) {
        add_seen(poll->watch, &identity);
        found.identity = identity;
        *poll->out = found;
        poll->found = true;
    }
}

static void search_dir(PollState *poll, const char *dir, int depth)
{
    char path[FSIO_PATH_MAX] = {0};
    struct stat st = {0};
    DIR *handle = NULL;
    struct dirent *entry = NULL;
    size_t seen = 0;

    if (fsio_join(path, sizeof path, dir, WATCH_DIR_NAME) && lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        check_candidate(poll, path, &st);
    }
    if (depth >= WATCH_MAX_DEPTH || (handle = opendir(dir)) == NULL) {
        return;
    }
    while ((entry = readdir(handle)) != NULL && seen++ < WATCH_MAX_ENTRIES) {
        /* Hidden entries include "." and ".."; facts-kiosk was checked above. */
        if (entry->d_name[0] == '.' || strcmp(entry->d_name, WATCH_DIR_NAME) == 0) {
            continue;
        }
        if (fsio_join(path, sizeof path, dir, entry->d_name) && lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            search_dir(poll, path, depth + 1);
        }
    }
    closedir(handle);
}

bool watch_poll(Watch *watch, WatchFound *out)
{
    PollState poll = {.watch = watch, .out = out, .found = false};
    size_t kept = 0;

    for (size_t i = 0; i < watch->seen_count; i++) {
        watch->seen_present[i] = false;
    }
    for (size_t i = 0; i < watch->root_count; i++) {
        search_dir(&poll, watch->roots[i], 0);
    }
    /* A pack that is gone may come back (stick re-plugged): forget it. */
    for (size_t i = 0; i < watch->seen_count; i++) {
        if (watch->seen_present[i]) {
            watch->seen[kept] = watch->seen[i];
            watch->seen_present[kept] = true;
            kept++;
        }
    }
    watch->seen_count = kept;
    return poll.found;
}
