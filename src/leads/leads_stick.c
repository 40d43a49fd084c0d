/* leads_stick.c — finding sticks (search_root, offer) and copying new records to one
 * (leads_export: read what is new, make the stick's folder and id, append, remember); see
 * leads_stick.h. */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* d_type, DT_DIR */
#include "leads/leads_stick.h"

#include "leads/leads_file.h"
#include "leads/leads_record.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define STICK_FOLDER "facts-kiosk"
#define STATE_LINE "facts-kiosk leads export 1"

enum {
    MAX_DEPTH = 2,
    MAX_ENTRIES = 256, /* directory entries looked at per folder */
    STATE_MAX = LEADS_STICKS_REMEMBERED * 64 + 64,
};

/* ---- finding sticks ----------------------------------------------------------------- */

void leads_stick_watch_init(LeadsStickWatch *watch, const char *const *roots, size_t root_count)
{
    memset(watch, 0, sizeof *watch);
    watch->roots = roots;
    watch->root_count = root_count;
}

/* One poll's finding: the first new stick goes to *out. */
typedef struct Finding {
    LeadsStickWatch *watch;
    LeadsStick *out;
    bool found;
} Finding;

static void offer(Finding *f, const char *path, const struct stat *st)
{
    LeadsStickWatch *w = f->watch;
    for (size_t i = 0; i < w->seen_count; i++) {
        if (w->seen[i].device == (uint64_t)st->st_dev && w->seen[i].inode == (uint64_t)st->st_ino &&
            strcmp(w->seen[i].root, path) == 0) {
            w->present[i] = true;
            return;
        }
    }
    if (f->found) {
        return; /* the next poll reports it */
    }
    if (w->seen_count == LEADS_STICKS_SEEN_MAX) {
        memmove(&w->seen[0], &w->seen[1], sizeof w->seen[0] * (LEADS_STICKS_SEEN_MAX - 1));
        memmove(&w->present[0], &w->present[1], sizeof w->present[0] * (LEADS_STICKS_SEEN_MAX - 1));
        w->seen_count--;
    }
    LeadsStick *stick = &w->seen[w->seen_count];
    snprintf(stick->root, sizeof stick->root, "%s", path);
    stick->device = (uint64_t)st->st_dev;
    stick->inode = (uint64_t)st->st_ino;
    w->present[w->seen_count++] = true;
    *f->out = *stick;
    f->found = true;
}

static bool holds_stick_folder(int fd)
{
    struct stat st = {0};
    return fstatat(fd, STICK_FOLDER, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode);
}

/* Looks at the folders in dir_fd (path; depth levels below a root on root_device). */
static void search(Finding *f, int dir_fd, const char *path, int depth, uint64_t root_device)
{
    int dup_fd = fcntl(dir_fd, F_DUPFD_CLOEXEC, 0);
    DIR *dir = dup_fd >= 0 ? fdopendir(dup_fd) : NULL;
    struct dirent *entry = NULL;
    size_t looked = 0;

    if (!dir) {
        if (dup_fd >= 0) {
            close(dup_fd);
        }
        return;
    }
    while ((entry = readdir(dir)) != NULL && looked++ < MAX_ENTRIES) {
        char child[FSIO_PATH_MAX] = {0};
        struct stat st = {0};
        if (entry->d_name[0] == '.' || (entry->d_type != DT_DIR && entry->d_type != DT_UNKNOWN) ||
            !fsio_join(child, sizeof child, path, entry->d_name)) {
            continue;
        }
        int fd = fsio_open_dir(dir_fd, entry->d_name);
        if (fd < 0) {
            continue;
        }
        if (fstat(fd, &st) == 0) {
            if ((uint64_t)st.st_dev != root_device || holds_stick_folder(fd)) {
                offer(f, child, &st);
            } else if (depth + 1 < MAX_DEPTH) {
                search(f, fd, child, depth + 1, root_device);
            }
        }
        close(fd);
    }
    closedir(dir);
}

bool leads_stick_poll(LeadsStickWatch *watch, LeadsStick *out)
{
    Finding f = {.watch = watch, .out = out};
    size_t kept = 0;

    for (size_t i = 0; i < watch->seen_count; i++) {
        watch->present[i] = false;
    }
    for (size_t r = 0; r < watch->root_count; r++) {
        struct stat st = {0};
        /* A root is configuration and may be a symlink (/media -> /run/media). */
        int fd = open(watch->roots[r], O_RDONLY | O_DIRECTORY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) {
            continue;
        }
        if (fstat(fd, &st) == 0) {
            search(&f, fd, watch->roots[r], 0, (uint64_t)st.st_dev);
        }
        close(fd);
    }
    for (size_t i = 0; i < watch->seen_count; i++) {
        if (watch->present[i]) {
            watch->seen[kept] = watch->seen[i];
            watch->present[kept++] = true;
        }
    }
    watch->seen_count = kept;
    return f.found;
}

/* ---- what each stick has: the state file --------------------------------------------- */

typedef struct Remembered {
    char id[LEADS_STICK_ID_CHARS + 1];
    uint64_t offset;
} Remembered;

typedef struct ExportState {
    Remembered sticks[LEADS_STICKS_REMEMBERED];
    size_t count;
} ExportState;

static bool valid_id(const char *id, size_t length)
{
    if (length != LEADS_STICK_ID_CHARS) {
        return false;
    }
    for (size_t i = 0; i < length; i++) {
        if (!((id[i] >= '0' && id[i] <= '9') || (id[i] >= 'a' && id[i] <= 'f'))) {
            return false;
        }
    }
    return true;
}

/* Reads the state file; a missing or unreadable one remembers nothing (every record is copied
 * again: `leads open` writes each once). */
static void load_state(const char *state_dir, ExportState *state)
{
    char path[FSIO_PATH_MAX] = {0};
    char *text = NULL;
    size_t size = 0;

    memset(state, 0, sizeof *state);
    if (!store_file_path(state_dir, STORE_FILE_LEADS_EXPORT, path, sizeof path) ||
        leads_file_read(path, 0, (unsigned char **)&text, &size) != 0 || size > STATE_MAX) {
        free(text);
        return;
    }
    char *copy = malloc(size + 1);
    if (copy) {
        memcpy(copy, text, size);
        copy[size] = '\0';
        char *save = NULL;
        char *line = strtok_r(copy, "\n", &save);
        bool first = true;
        for (; line != NULL; line = strtok_r(NULL, "\n", &save)) {
            char id[LEADS_STICK_ID_CHARS + 2] = {0};
            unsigned long long offset = 0;
            if (first) {
                first = false;
                if (strcmp(line, STATE_LINE) != 0) {
                    break;
                }
                continue;
            }
            if (sscanf(line, "%33s %llu", id, &offset) == 2 && valid_id(id, strlen(id)) &&
                state->count < LEADS_STICKS_REMEMBERED) {
                memcpy(state->sticks[state->count].id, id, LEADS_STICK_ID_CHARS + 1);
                state->sticks[state->count++].offset = offset;
            }
        }
    }
    free(copy);
    free(text);
}

static uint64_t remembered_offset(const ExportState *state, const char *id)
{
    for (size_t i = 0; i < state->count; i++) {
        if (strcmp(state->sticks[i].id, id) == 0) {
            return state->sticks[i].offset;
        }
    }
    return 0;
}

/* Sets id's offset, moving it to the end (the oldest sticks drop out first), and writes the
 * file atomically. */
static int remember(const char *state_dir, ExportState *state, const char *id, uint64_t offset)
{
    char text[STATE_MAX] = {0};
    size_t kept = 0;
    for (size_t i = 0; i < state->count; i++) {
        if (strcmp(state->sticks[i].id, id) != 0) {
            state->sticks[kept++] = state->sticks[i];
        }
    }
    if (kept == LEADS_STICKS_REMEMBERED) {
        memmove(&state->sticks[0], &state->sticks[1], sizeof state->sticks[0] * (LEADS_STICKS_REMEMBERED - 1));
        kept--;
    }
    snprintf(state->sticks[kept].id, sizeof state->sticks[kept].id, "%s", id);
    state->sticks[kept].offset = offset;
    state->count = kept + 1;

    int used = snprintf(text, sizeof text, "%s\n", STATE_LINE);
    for (size_t i = 0; i < state->count; i++) {
        used += snprintf(text + used, sizeof text - (size_t)used, "%s %llu\n", state->sticks[i].id,
                         (unsigned long long)state->sticks[i].offset);
    }
    /* No fault hook: the point is never asked. */
    int error = fsio_write_atomic(state_dir, store_file_name(STORE_FILE_LEADS_EXPORT), text, (size_t)used, FSIO_OWNER_KEEP, FSIO_GROUP_KEEP, NULL,
                                  FAULT_COPY_AFTER);
    return error != 0 ? error : fsio_sync_dir(state_dir);
}

/* ---- the stick's side ------------------------------------------------------------------ */

/* Reads the stick's id into id (LEADS_STICK_ID_CHARS + 1); false when it has none. */
static bool read_stick_id(const char *leads_dir, char *id)
{
    char path[FSIO_PATH_MAX] = {0};
    char *text = NULL;
    size_t size = 0;
    bool ok = fsio_join(path, sizeof path, leads_dir, LEADS_STICK_ID_NAME) &&
              leads_file_read(path, 0, (unsigned char **)&text, &size) == 0 && size >= LEADS_STICK_ID_CHARS &&
              valid_id(text, LEADS_STICK_ID_CHARS);
    if (ok) {
        memcpy(id, text, LEADS_STICK_ID_CHARS);
        id[LEADS_STICK_ID_CHARS] = '\0';
    }
    free(text);
    return ok;
}

/* Makes stick_root/facts-kiosk/leads. A new facts-kiosk folder appears with its leads folder
 * already inside (made under a hidden name, then renamed), so the update watch never sees
 * a bare facts-kiosk folder and says "no content.db". */
static int make_stick_dirs(const char *stick_root, const char *leads_dir)
{
    char folder[FSIO_PATH_MAX] = {0}, temp[FSIO_PATH_MAX] = {0}, temp_leads[FSIO_PATH_MAX] = {0};
    if (!fsio_join(folder, sizeof folder, stick_root, STICK_FOLDER) ||
        !fsio_join(temp, sizeof temp, stick_root, "." STICK_FOLDER ".new") ||
        !fsio_join(temp_leads, sizeof temp_leads, temp, "leads")) {
        return ENAMETOOLONG;
    }
    struct stat st = {0};
    if (lstat(folder, &st) != 0) {
        (void)rmdir(temp_leads);
        (void)rmdir(temp);
        if (mkdir(temp, 0755) != 0 || mkdir(temp_leads, 0755) != 0) {
            return errno;
        }
        if (fsio_rename_durable(temp, folder) != 0) {
            (void)rmdir(temp_leads);
            (void)rmdir(temp);
        }
    }
    /* Never write through a symlink the stick brought (a FAT stick has none; others may). */
    if (lstat(folder, &st) != 0) {
        return errno;
    }
    if (!S_ISDIR(st.st_mode)) {
        return ENOTDIR;
    }
    if (mkdir(leads_dir, 0755) != 0 && errno != EEXIST) {
        return errno;
    }
    if (lstat(leads_dir, &st) != 0) {
        return errno;
    }
    return S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
}

/* The stick's id in id, written first when it has none. */
static int ensure_stick_id(const char *leads_dir, char *id)
{
    unsigned char random[LEADS_STICK_ID_CHARS / 2] = {0};
    char text[LEADS_STICK_ID_CHARS + 2] = {0};
    if (read_stick_id(leads_dir, id)) {
        return 0;
    }
    randombytes_buf(random, sizeof random);
    sodium_bin2hex(text, sizeof text, random, sizeof random);
    memcpy(id, text, LEADS_STICK_ID_CHARS + 1);
    text[LEADS_STICK_ID_CHARS] = '\n';
    int error = fsio_write_atomic(leads_dir, LEADS_STICK_ID_NAME, text, LEADS_STICK_ID_CHARS + 1, FSIO_OWNER_KEEP, FSIO_GROUP_KEEP,
                                  NULL, FAULT_COPY_AFTER);
    return error != 0 ? error : fsio_sync_dir(leads_dir);
}

/* "<kiosk id>-<date>.sealed" with the kiosk id made safe for any file system. */
static void stick_file_name(const char *kiosk_id, const char *date, char *out, size_t size)
{
    char safe[LEADS_KIOSK_ID_MAX + 1] = {0};
    size_t n = 0;
    for (; kiosk_id[n] != '\0' && n < LEADS_KIOSK_ID_MAX; n++) {
        char c = kiosk_id[n];
        bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        safe[n] = keep ? c : '_';
    }
    snprintf(out, size, "%s-%s.sealed", n > 0 ? safe : "kiosk", date);
}

/* ---- copying ------------------------------------------------------------------------------ */

/* The records of a scan, gathered for one write. */
typedef struct Gathered {
    unsigned char *bytes;
    size_t length;
    size_t records;
    size_t skipped;
} Gathered;

static bool gather(void *ctx, const LeadsScanItem *item)
{
    Gathered *g = ctx;
    if (item->kind != LEADS_SCAN_RECORD) {
        /* A torn tail is an append under way (or cut off at the next start): not copied yet. */
        g->skipped += item->kind == LEADS_SCAN_DAMAGE ? item->length : 0;
        return true;
    }
    memmove(g->bytes + g->length, item->bytes, item->length);
    g->length += item->length;
    g->records++;
    return true;
}

static int fail(LeadsExportResult *out, const char *step, int error)
{
    out->failed_step = step;
    out->error = error;
    return error;
}

int leads_export(const char *state_dir, const char *kiosk_id, const char *date, const char *stick_root,
                 LeadsExportResult *out)
{
    char local[FSIO_PATH_MAX] = {0}, leads_dir[FSIO_PATH_MAX] = {0}, name[FSIO_PATH_MAX] = {0};
    char id[LEADS_STICK_ID_CHARS + 1] = {0};
    ExportState state;
    struct stat st = {0};
    unsigned char *data = NULL;
    size_t size = 0;
    int error = 0;

    memset(out, 0, sizeof *out);
    if (!store_file_path(state_dir, STORE_FILE_LEADS, local, sizeof local) ||
        !fsio_join(leads_dir, sizeof leads_dir, stick_root, LEADS_STICK_DIR)) {
        return fail(out, "read", ENAMETOOLONG);
    }
    if (lstat(local, &st) != 0) {
        return errno == ENOENT ? 0 : fail(out, "read", errno); /* no lead yet: the stick is not touched */
    }
    load_state(state_dir, &state);
    bool known = read_stick_id(leads_dir, id);
    uint64_t offset = known ? remembered_offset(&state, id) : 0;
    if (offset > (uint64_t)st.st_size) {
        offset = 0; /* not the file the offset was for */
    }
    if ((error = leads_file_read(local, offset, &data, &size)) != 0) {
        return fail(out, "read", error);
    }
    Gathered g = {.bytes = data};
    size_t safe_end = leads_scan(data, size, offset, gather, &g);
    out->skipped_bytes = g.skipped;
    if (g.records == 0) {
        goto done;
    }
    if ((error = make_stick_dirs(stick_root, leads_dir)) != 0 || (error = ensure_stick_id(leads_dir, id)) != 0) {
        fail(out, "stick-id", error);
        goto done;
    }
    stick_file_name(kiosk_id, date, name, sizeof name);
    /* A copy cut short by a pulled stick leaves a torn record: cut it off before appending. */
    if ((error = leads_file_repair(leads_dir, name, NULL)) != 0 ||
        (error = leads_file_append(leads_dir, name, g.bytes, g.length)) != 0) {
        fail(out, "write", error);
        goto done;
    }
    out->records = g.records;
    out->bytes = g.length;
    fsio_join(out->file, sizeof out->file, leads_dir, name);
    if ((error = remember(state_dir, &state, id, offset + safe_end)) != 0) {
        fail(out, "remember", error);
    }
done:
    free(data);
    return error;
}

/* LeadsScanFn: counts whole records. */
static bool count_record(void *ctx, const LeadsScanItem *item)
{
    size_t *count = ctx;
    *count += item->kind == LEADS_SCAN_RECORD;
    return true;
}

int leads_export_waiting(const char *state_dir, size_t *records)
{
    char local[FSIO_PATH_MAX] = {0};
    ExportState state;
    unsigned char *data = NULL;
    size_t size = 0;
    uint64_t furthest = 0;

    *records = 0;
    if (!store_file_path(state_dir, STORE_FILE_LEADS, local, sizeof local)) {
        return ENAMETOOLONG;
    }
    load_state(state_dir, &state);
    for (size_t i = 0; i < state.count; i++) {
        furthest = state.sticks[i].offset > furthest ? state.sticks[i].offset : furthest;
    }
    int error = leads_file_read(local, furthest, &data, &size);
    if (error == ENOENT) {
        return 0;
    }
    if (error == 0) {
        (void)leads_scan(data, size, furthest, count_record, records);
    }
    free(data);
    return error;
}
