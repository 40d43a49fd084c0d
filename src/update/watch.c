/* watch.c — finding facts-kiosk folders under the mount roots; see watch.h.
 * search_folder() walks a bounded number of levels through open folder fds;
 * inspect_pack_folder() decides what a facts-kiosk folder holds and why it
 * cannot be used; offer() and the seen list make each folder report once. */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* d_type, DT_DIR */
#include "update/watch.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const DEFAULT_ROOTS[] = {"/media", "/run/media", "/mnt"};

static const char *const REASON_NAMES[WATCH_REASON_COUNT] = {
    [WATCH_USABLE] = "usable",
    [WATCH_DIR_SYMLINK] = "dir-symlink",
    [WATCH_DIR_NOT_FOLDER] = "dir-not-folder",
    [WATCH_DIR_UNREADABLE] = "dir-unreadable",
    [WATCH_PACK_MISSING] = "pack-missing",
    [WATCH_PACK_SYMLINK] = "pack-symlink",
    [WATCH_PACK_NOT_REGULAR] = "pack-not-regular",
    [WATCH_SIG_MISSING] = "sig-missing",
    [WATCH_SIG_SYMLINK] = "sig-symlink",
    [WATCH_SIG_NOT_REGULAR] = "sig-not-regular",
};

/* One poll over one root. */
typedef struct PollState {
    Watch *watch;
    WatchFound *out;
    bool found;              /* *out holds this poll's report */
    uint64_t root_device;    /* folders on another device are mounted sticks */
    size_t folders_left;     /* WATCH_MAX_FOLDERS budget for this root */
} PollState;

/* An entry inside the facts-kiosk folder, looked at with fstatat. */
typedef struct EntryLook {
    int error;  /* 0: st is valid */
    struct stat st;
} EntryLook;

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

const char *watch_reason_name(WatchReason reason)
{
    return (unsigned)reason < WATCH_REASON_COUNT ? REASON_NAMES[reason] : "unknown";
}

static bool same_identity(const WatchIdentity *a, const WatchIdentity *b)
{
    return a->dir_device == b->dir_device && a->dir_inode == b->dir_inode && a->reason == b->reason &&
           a->device == b->device && a->inode == b->inode && a->size == b->size && a->mtime_sec == b->mtime_sec &&
           a->mtime_nsec == b->mtime_nsec && a->sig_inode == b->sig_inode && a->sig_size == b->sig_size &&
           a->sig_mtime_sec == b->sig_mtime_sec && a->sig_mtime_nsec == b->sig_mtime_nsec;
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
        /* Oldest out: a kiosk does not have sixteen sticks at once. */
        memmove(&watch->seen[0], &watch->seen[1], sizeof watch->seen[0] * (WATCH_SEEN_MAX - 1));
        memmove(&watch->seen_present[0], &watch->seen_present[1],
                sizeof watch->seen_present[0] * (WATCH_SEEN_MAX - 1));
        watch->seen_count--;
    }
    watch->seen[watch->seen_count] = *identity;
    watch->seen_present[watch->seen_count] = true;
    watch->seen_count++;
}

/* Reports found unless it was reported before; one report per poll (a second
 * new folder waits for the next poll, so it must not be marked seen yet). */
static void offer(PollState *poll, const WatchFound *found)
{
    if (mark_seen(poll->watch, &found->identity) || poll->found) {
        return;
    }
    add_seen(poll->watch, &found->identity);
    *poll->out = *found;
    poll->found = true;
}

static EntryLook look_at(int dir_fd, const char *name)
{
    EntryLook look = {0};
    if (fstatat(dir_fd, name, &look.st, AT_SYMLINK_NOFOLLOW) != 0) {
        look.error = errno;
    }
    return look;
}

/* The reason a present entry of the folder cannot be used, or WATCH_USABLE. */
static WatchReason file_reason(const struct stat *st, WatchReason symlink, WatchReason not_regular)
{
    if (S_ISLNK(st->st_mode)) {
        return symlink;
    }
    return S_ISREG(st->st_mode) ? WATCH_USABLE : not_regular;
}

/* What the open facts-kiosk folder folder_fd holds: sets found->reason and
 * the pack and signature parts of the identity. */
static void judge_contents(int folder_fd, WatchFound *found)
{
    EntryLook pack = look_at(folder_fd, WATCH_PACK_NAME);
    EntryLook sig = look_at(folder_fd, WATCH_SIG_NAME);
    WatchIdentity *id = &found->identity;

    if ((pack.error != 0 && pack.error != ENOENT) || (sig.error != 0 && sig.error != ENOENT)) {
        found->reason = WATCH_DIR_UNREADABLE;
        found->error = pack.error != 0 && pack.error != ENOENT ? pack.error : sig.error;
        return;
    }
    if (pack.error == 0) {
        id->device = (uint64_t)pack.st.st_dev;
        id->inode = (uint64_t)pack.st.st_ino;
        id->size = (uint64_t)pack.st.st_size;
        id->mtime_sec = (int64_t)pack.st.st_mtim.tv_sec;
        id->mtime_nsec = (int64_t)pack.st.st_mtim.tv_nsec;
    }
    if (sig.error == 0) {
        id->sig_inode = (uint64_t)sig.st.st_ino;
        id->sig_size = (uint64_t)sig.st.st_size;
        id->sig_mtime_sec = (int64_t)sig.st.st_mtim.tv_sec;
        id->sig_mtime_nsec = (int64_t)sig.st.st_mtim.tv_nsec;
    }
    if (pack.error != 0) {
        found->reason = WATCH_PACK_MISSING;
        return;
    }
    found->reason = file_reason(&pack.st, WATCH_PACK_SYMLINK, WATCH_PACK_NOT_REGULAR);
    if (found->reason == WATCH_USABLE) {
        found->reason = sig.error != 0 ? WATCH_SIG_MISSING
                                       : file_reason(&sig.st, WATCH_SIG_SYMLINK, WATCH_SIG_NOT_REGULAR);
    }
}

/* Looks at dir_fd/facts-kiosk (dir_path is dir_fd's path; depth 0 is a
 * root) and offers what it finds. Returns true when it is a pack folder
 * (reported, usable or not), false when there is none or it is a folder of
 * sticks rather than a stick's pack folder (depth 0, neither file in it). */
static bool inspect_pack_folder(PollState *poll, int dir_fd, const char *dir_path, int depth)
{
    WatchFound found = {0};
    EntryLook entry = look_at(dir_fd, WATCH_DIR_NAME);
    int folder_fd = -1;

    if (entry.error != 0) {
        return false;
    }
    if (!fsio_join(found.dir, sizeof found.dir, dir_path, WATCH_DIR_NAME) ||
        !fsio_join(found.pack_path, sizeof found.pack_path, found.dir, WATCH_PACK_NAME) ||
        !fsio_join(found.sig_path, sizeof found.sig_path, found.dir, WATCH_SIG_NAME)) {
        return false;
    }
    found.identity.dir_device = (uint64_t)entry.st.st_dev;
    found.identity.dir_inode = (uint64_t)entry.st.st_ino;
    if (S_ISLNK(entry.st.st_mode)) {
        found.reason = WATCH_DIR_SYMLINK;
    } else if (!S_ISDIR(entry.st.st_mode)) {
        found.reason = WATCH_DIR_NOT_FOLDER;
    } else if ((folder_fd = fsio_open_dir(dir_fd, WATCH_DIR_NAME)) < 0) {
        found.reason = errno == ELOOP ? WATCH_DIR_SYMLINK : errno == ENOTDIR ? WATCH_DIR_NOT_FOLDER : WATCH_DIR_UNREADABLE;
        found.error = found.reason == WATCH_DIR_UNREADABLE ? errno : 0;
    } else {
        judge_contents(folder_fd, &found);
        close(folder_fd);
        /* Neither file, directly under a root: /run/media/facts-kiosk, a folder of sticks. */
        if (found.reason == WATCH_PACK_MISSING && found.identity.sig_inode == 0 && depth == 0) {
            return false;
        }
    }
    found.identity.reason = found.reason;
    offer(poll, &found);
    return true;
}

/* Opens dir_fd/name when it is a folder (never a symlink, device or FIFO) and
 * the root's budget allows; fills *st. Returns the fd or -1. */
static int open_subfolder(PollState *poll, int dir_fd, const struct dirent *entry, struct stat *st)
{
    int fd = -1;

    if (entry->d_type != DT_DIR && entry->d_type != DT_UNKNOWN) {
        return -1;
    }
    /* No d_type: look first, so that not even an O_DIRECTORY open meets a device. */
    if (entry->d_type == DT_UNKNOWN && (fstatat(dir_fd, entry->d_name, st, AT_SYMLINK_NOFOLLOW) != 0 ||
                                        !S_ISDIR(st->st_mode))) {
        return -1;
    }
    if (poll->folders_left == 0) {
        return -1;
    }
    poll->folders_left--;
    fd = fsio_open_dir(dir_fd, entry->d_name);
    if (fd >= 0 && fstat(fd, st) != 0) {
        close(fd);
        fd = -1;
    }
    return fd;
}

/* Looks for a pack folder in dir_fd (dir_path; depth levels below the
 * root), then in its subfolders while depth < WATCH_MAX_DEPTH. */
static void search_folder(PollState *poll, int dir_fd, const char *dir_path, int depth)
{
    char path[FSIO_PATH_MAX] = {0};
    bool is_pack_folder = inspect_pack_folder(poll, dir_fd, dir_path, depth);
    DIR *handle = NULL;
    struct dirent *entry = NULL;
    size_t looked = 0;
    int dup_fd = -1;

    /* A root holding a pack folder is itself a stick: nothing more to find. */
    if (depth >= WATCH_MAX_DEPTH || (depth == 0 && is_pack_folder)) {
        return;
    }
    /* fdopendir takes the fd it is given; the caller keeps and closes dir_fd. */
    if ((dup_fd = fcntl(dir_fd, F_DUPFD_CLOEXEC, 0)) < 0 || (handle = fdopendir(dup_fd)) == NULL) {
        if (dup_fd >= 0) {
            close(dup_fd);
        }
        return;
    }
    while ((entry = readdir(handle)) != NULL && looked++ < WATCH_MAX_ENTRIES) {
        struct stat st = {0};
        int fd = -1;
        /* Hidden entries include "." and ".."; a pack folder was looked at above. */
        if (entry->d_name[0] == '.' || (is_pack_folder && strcmp(entry->d_name, WATCH_DIR_NAME) == 0)) {
            continue;
        }
        if ((fd = open_subfolder(poll, dir_fd, entry, &st)) < 0) {
            continue;
        }
        if (fsio_join(path, sizeof path, dir_path, entry->d_name)) {
            if ((uint64_t)st.st_dev != poll->root_device) {
                /* A mounted stick: only its own facts-kiosk folder counts. */
                (void)inspect_pack_folder(poll, fd, path, depth + 1);
            } else {
                search_folder(poll, fd, path, depth + 1);
            }
        }
        close(fd);
    }
    closedir(handle);
}

static void search_root(Watch *watch, WatchFound *out, bool *found, const char *root)
{
    PollState poll = {.watch = watch, .out = out, .found = *found, .folders_left = WATCH_MAX_FOLDERS};
    struct stat st = {0};
    /* The root is configuration and may be a symlink (/media -> /run/media). */
    int fd = open(root, O_RDONLY | O_DIRECTORY | O_NONBLOCK | O_CLOEXEC);

    if (fd < 0) {
        return;
    }
    if (fstat(fd, &st) == 0) {
        poll.root_device = (uint64_t)st.st_dev;
        search_folder(&poll, fd, root, 0);
    }
    close(fd);
    *found = poll.found;
}

bool watch_poll(Watch *watch, WatchFound *out)
{
    bool found = false;
    size_t kept = 0;

    for (size_t i = 0; i < watch->seen_count; i++) {
        watch->seen_present[i] = false;
    }
    for (size_t i = 0; i < watch->root_count; i++) {
        search_root(watch, out, &found, watch->roots[i]);
    }
    /* A folder that is gone may come back (stick re-plugged): forget it. */
    for (size_t i = 0; i < watch->seen_count; i++) {
        if (watch->seen_present[i]) {
            watch->seen[kept] = watch->seen[i];
            watch->seen_present[kept] = true;
            kept++;
        }
    }
    watch->seen_count = kept;
    return found;
}
