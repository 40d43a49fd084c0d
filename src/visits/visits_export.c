/* visits_export.c — see visits_export.h. */
#define _POSIX_C_SOURCE 200809L
#include "visits/visits_export.h"

#include "visits/visits_csv.h"
#include "visits/visits_file.h"
#include "visits/visits_report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { FILE_ID_MAX = 64 };

void visits_export_file_id(const char *kiosk_id, char *out, size_t out_size)
{
    size_t n = 0;
    for (const char *p = kiosk_id ? kiosk_id : ""; *p && n + 1 < out_size; p++) {
        char c = *p;
        bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                     c == '_' || (c == '.' && n > 0);
        out[n++] = plain ? c : '_';
    }
    out[n] = '\0';
    if (n == 0) {
        snprintf(out, out_size, "kiosk");
    }
}

/* The days, collected first so that each CSV is read in a transaction of its own. */
typedef struct DayList {
    char (*days)[VISITS_DAY_SIZE];
    size_t count;
    size_t capacity;
} DayList;

static bool collect_day(void *ctx, const char *day)
{
    DayList *list = ctx;
    if (list->count == list->capacity) {
        size_t grown = list->capacity ? list->capacity * 2 : 64;
        char(*bigger)[VISITS_DAY_SIZE] = realloc(list->days, grown * sizeof *bigger);
        if (!bigger) {
            return false;
        }
        list->days = bigger;
        list->capacity = grown;
    }
    snprintf(list->days[list->count++], VISITS_DAY_SIZE, "%s", day);
    return true;
}

typedef struct CsvJob {
    sqlite3 *db;
    const char *day;
    const char *kiosk_id;
} CsvJob;

static bool write_csv(void *ctx, FILE *out)
{
    const CsvJob *job = ctx;
    return visits_csv_write_day(job->db, job->day, job->kiosk_id, out);
}

/* Makes kiosk_dir/stats (a real folder, never a symlink) into out. */
static VisitsStatus make_folder(const char *kiosk_dir, char *out, size_t size, char *why, size_t why_size)
{
    if (snprintf(out, size, "%s/%s", kiosk_dir, VISITS_EXPORT_DIR) >= (int)size) {
        snprintf(why, why_size, "%s: path too long", kiosk_dir);
        return VISITS_ERR_IO;
    }
    if (mkdir(out, 0755) != 0 && errno != EEXIST) {
        snprintf(why, why_size, "%s: %s", out, strerror(errno));
        return VISITS_ERR_IO;
    }
    struct stat st;
    if (lstat(out, &st) != 0 || !S_ISDIR(st.st_mode)) {
        snprintf(why, why_size, "%s: not a folder", out);
        return VISITS_ERR_IO;
    }
    return VISITS_OK;
}

VisitsStatus visits_export(const char *db_path, const char *kiosk_dir, const char *kiosk_id,
                           VisitsExportResult *result, char *why, size_t why_size)
{
    *result = (VisitsExportResult){0};
    char folder[4096];
    char path[4096 + 128];
    char file_id[FILE_ID_MAX];
    DayList list = {0};
    sqlite3 *db = NULL;
    visits_export_file_id(kiosk_id, file_id, sizeof file_id);
    VisitsStatus status = make_folder(kiosk_dir, folder, sizeof folder, why, why_size);
    if (status != VISITS_OK) {
        goto done;
    }
    if (access(db_path, F_OK) == 0) {
        status = visits_db_open_read(db_path, &db, why, why_size);
        if (status != VISITS_OK) {
            goto done;
        }
        if (!visits_csv_each_day(db, collect_day, &list)) {
            snprintf(why, why_size, "%s: %s", db_path, sqlite3_errmsg(db));
            status = VISITS_ERR_IO;
            goto done;
        }
    }
    result->days = list.count;
    for (size_t i = 0; i < list.count; i++) {
        snprintf(path, sizeof path, "%s/%s-%s.csv", folder, file_id, list.days[i]);
        struct stat st;
        if (i + 1 < list.count && lstat(path, &st) == 0 && S_ISREG(st.st_mode)) {
            continue; /* a finished day already there */
        }
        CsvJob job = {db, list.days[i], kiosk_id};
        status = visits_file_write(path, write_csv, &job, why, why_size);
        if (status != VISITS_OK) {
            goto done;
        }
        result->days_written++;
    }
    snprintf(path, sizeof path, "%s/%s", folder, VISITS_REPORT_NAME);
    status = visits_report_file(db_path, kiosk_id, path, why, why_size);
done:
    sqlite3_close(db);
    free(list.days);
    return status;
}
