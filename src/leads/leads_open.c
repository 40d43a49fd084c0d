/* leads_open.c — `leads open`: walking files and folders, opening each record, writing CSV
 * rows, and a small hash set of records seen so that a record copied twice is one row; see
 * leads_open.h. */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* realpath */
#include "leads/leads_open.h"

#include "leads/leads_csv.h"
#include "leads/leads_file.h"
#include "durable/fsio.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define SEALED_SUFFIX ".sealed"

enum {
    DIGEST_BYTES = 16,
    SEEN_START = 1024,       /* slots of the first hash set; it doubles when half full */
    FOLDER_ENTRIES_MAX = 65536,
    MESSAGE_MAX = FSIO_PATH_MAX + 256,
};

typedef struct Digest {
    unsigned char bytes[DIGEST_BYTES];
} Digest;

typedef struct Opener {
    const unsigned char *public_key;
    const unsigned char *secret_key;
    FILE *csv;
    LeadsOpenReport *report;
    const char *path;     /* the file being scanned */
    Digest *seen;         /* open addressing; an all-zero digest is an empty slot */
    size_t seen_slots, seen_count;
    bool failed;          /* csv write error or out of memory */
} Opener;

static void problem(Opener *o, const char *format, ...) __attribute__((format(printf, 2, 3)));

static void problem(Opener *o, const char *format, ...)
{
    char message[MESSAGE_MAX] = {0};
    va_list args;
    va_start(args, format);
    vsnprintf(message, sizeof message, format, args);
    va_end(args);
    o->report->problems++;
    if (o->report->each) {
        o->report->each(o->report->ctx, message);
    }
}

static size_t slot_of(const Digest *digest, size_t slots)
{
    uint64_t index = 0;
    memcpy(&index, digest->bytes, sizeof index);
    return (size_t)(index & (slots - 1));
}

static bool is_empty(const Digest *digest)
{
    static const Digest EMPTY = {{0}};
    return memcmp(digest, &EMPTY, sizeof EMPTY) == 0;
}

/* Puts digest into set (slots a power of two, never full). Returns false when it was there. */
static bool set_insert(Digest *set, size_t slots, const Digest *digest)
{
    for (size_t i = slot_of(digest, slots);; i = (i + 1) & (slots - 1)) {
        if (is_empty(&set[i])) {
            set[i] = *digest;
            return true;
        }
        if (memcmp(&set[i], digest, sizeof *digest) == 0) {
            return false;
        }
    }
}

static bool grow(Opener *o)
{
    size_t slots = o->seen_slots ? o->seen_slots * 2 : SEEN_START;
    Digest *set = calloc(slots, sizeof *set);
    if (!set) {
        return false;
    }
    for (size_t i = 0; i < o->seen_slots; i++) {
        if (!is_empty(&o->seen[i])) {
            (void)set_insert(set, slots, &o->seen[i]);
        }
    }
    free(o->seen);
    o->seen = set;
    o->seen_slots = slots;
    return true;
}

/* True the first time these record bytes are met. */
static bool first_time(Opener *o, const unsigned char *bytes, size_t length)
{
    Digest digest = {{0}};
    crypto_generichash(digest.bytes, sizeof digest.bytes, bytes, length, NULL, 0);
    digest.bytes[0] |= 1; /* never the empty slot */
    if ((o->seen_count + 1) * 2 > o->seen_slots && !grow(o)) {
        o->failed = true;
        return true;
    }
    bool added = set_insert(o->seen, o->seen_slots, &digest);
    o->seen_count += added;
    return added;
}

static const char *open_problem(LeadsStatus status)
{
    switch (status) {
    case LEADS_ERR_FOREIGN: return "sealed for another key; skipped";
    case LEADS_ERR_DAMAGED: return "changed after it was sealed (does not open); skipped";
    case LEADS_ERR_PAYLOAD: return "opens but is not a lead; skipped";
    default: return "cannot be opened; skipped";
    }
}

/* LeadsScanFn: one item of the file being read. */
static bool take_item(void *ctx, const LeadsScanItem *item)
{
    Opener *o = ctx;
    Lead lead = {0};
    unsigned long long offset = (unsigned long long)item->offset;

    if (item->kind == LEADS_SCAN_DAMAGE) {
        problem(o, "%s: offset %llu: %zu damaged bytes (not a whole record); skipped", o->path, offset, item->length);
        return true;
    }
    if (item->kind == LEADS_SCAN_TORN) {
        problem(o, "%s: offset %llu: the last record is cut short (%zu bytes); skipped", o->path, offset, item->length);
        return true;
    }
    if (!first_time(o, item->bytes, item->length)) {
        o->report->duplicates++;
        return !o->failed;
    }
    LeadsStatus status = leads_record_unseal(item->bytes, item->length, o->public_key, o->secret_key, &lead);
    if (status != LEADS_OK) {
        problem(o, "%s: offset %llu: record %s", o->path, offset, open_problem(status));
    } else if (!leads_csv_row(o->csv, &lead)) {
        problem(o, "cannot write the CSV: %s", strerror(errno));
        o->failed = true;
    } else {
        o->report->leads++;
    }
    sodium_memzero(&lead, sizeof lead);
    return !o->failed;
}

static void open_file(Opener *o, const char *path)
{
    unsigned char *data = NULL;
    size_t size = 0;
    int error = leads_file_read(path, 0, &data, &size);
    if (error != 0) {
        problem(o, "%s: cannot read: %s", path, strerror(error));
        return;
    }
    o->report->files++;
    o->path = path;
    (void)leads_scan(data, size, 0, take_item, o);
    free(data);
}

static bool has_suffix(const char *name, const char *suffix)
{
    size_t length = strlen(name);
    size_t suffix_length = strlen(suffix);
    return length > suffix_length && strcmp(name + length - suffix_length, suffix) == 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void open_path(Opener *o, const char *path, int depth, bool given);

/* The entries of folder path, in name order; hidden ones left out. */
static void open_folder(Opener *o, const char *path, int depth)
{
    char **names = NULL;
    size_t count = 0, capacity = 0;
    DIR *dir = opendir(path);
    struct dirent *entry = NULL;

    if (!dir) {
        problem(o, "%s: cannot read the folder: %s", path, strerror(errno));
        return;
    }
    while ((entry = readdir(dir)) != NULL && count < FOLDER_ENTRIES_MAX) {
        if (entry->d_name[0] == '.') {
            continue;
        }
        if (count == capacity) {
            capacity = capacity ? capacity * 2 : 16;
            char **more = realloc(names, capacity * sizeof *names);
            if (!more) {
                o->failed = true;
                break;
            }
            names = more;
        }
        if ((names[count] = strdup(entry->d_name)) == NULL) {
            o->failed = true;
            break;
        }
        count++;
    }
    closedir(dir);
    if (count > 0) {
        qsort(names, count, sizeof *names, by_name);
    }
    for (size_t i = 0; i < count; i++) {
        char child[FSIO_PATH_MAX] = {0};
        if (!o->failed && fsio_join(child, sizeof child, path, names[i])) {
            open_path(o, child, depth + 1, false);
        }
        free(names[i]);
    }
    free(names);
}

/* A path given on the command line may be a symlink (followed); below it, none is. */
static void open_path(Opener *o, const char *path, int depth, bool given)
{
    struct stat st = {0};
    int looked = given ? stat(path, &st) : lstat(path, &st);
    if (looked != 0) {
        problem(o, "%s: %s", path, strerror(errno));
        return;
    }
    if (S_ISDIR(st.st_mode)) {
        if (depth < LEADS_OPEN_DEPTH_MAX) {
            open_folder(o, path, depth);
        }
    } else if (S_ISREG(st.st_mode) && (given || has_suffix(path, SEALED_SUFFIX))) {
        char resolved[PATH_MAX] = {0};
        open_file(o, given && realpath(path, resolved) ? resolved : path);
    } else if (given) {
        problem(o, "%s: not a file or folder", path);
    }
}

bool leads_open_paths(const char *const *paths, size_t count, const unsigned char public_key[LEADS_KEY_BYTES],
                      const unsigned char secret_key[LEADS_KEY_BYTES], FILE *csv, LeadsOpenReport *report)
{
    Opener o = {.public_key = public_key, .secret_key = secret_key, .csv = csv, .report = report};

    report->files = report->leads = report->duplicates = report->problems = 0;
    if (!leads_csv_begin(csv)) {
        problem(&o, "cannot write the CSV: %s", strerror(errno));
        return false;
    }
    for (size_t i = 0; i < count && !o.failed; i++) {
        open_path(&o, paths[i], 0, true);
    }
    if (o.failed && report->problems == 0) {
        problem(&o, "out of memory");
    }
    free(o.seen);
    return !o.failed;
}
