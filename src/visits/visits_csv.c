/* visits_csv.c — see visits_csv.h. */
#define _POSIX_C_SOURCE 200809L
#include "visits/visits_csv.h"

#include "core/csv_cell.h"

#include <string.h>

static bool put_file(void *out, const char *bytes, size_t length)
{
    return fwrite(bytes, 1, length, out) == length;
}

/* One text cell (core/csv_cell.h); a failed write shows in ferror(out). */
static void cell(FILE *out, const char *text)
{
    (void)csv_cell_write(text, put_file, out);
}

static void clock_cell(FILE *out, int64_t seconds)
{
    seconds %= 86400;
    fprintf(out, "%02d:%02d:%02d", (int)(seconds / 3600), (int)(seconds / 60 % 60), (int)(seconds % 60));
}

/* One row; session 0 leaves its cell empty, seconds < 0 too. */
typedef struct Row {
    const char *kiosk;
    const char *day;
    int session;
    int64_t time_s;
    const char *record;
    const char *lang;
    int64_t ms;
    const char *section;
    const char *id;
    const char *title;
} Row;

static void row(FILE *out, const Row *r)
{
    cell(out, r->kiosk);
    fputc(',', out);
    cell(out, r->day);
    fputc(',', out);
    if (r->session > 0) {
        fprintf(out, "%d", r->session);
    }
    fputc(',', out);
    clock_cell(out, r->time_s);
    fputc(',', out);
    cell(out, r->record);
    fputc(',', out);
    cell(out, r->lang);
    fputc(',', out);
    if (r->ms >= 0) {
        fprintf(out, "%lld.%01lld", (long long)(r->ms / 1000), (long long)(r->ms % 1000 / 100));
    }
    fputc(',', out);
    cell(out, r->section);
    fputc(',', out);
    cell(out, r->id);
    fputc(',', out);
    cell(out, r->title);
    fputs("\r\n", out);
}

static const char *text_of(sqlite3_stmt *stmt, int column)
{
    const unsigned char *text = sqlite3_column_text(stmt, column);
    return text ? (const char *)text : "";
}

/* The section a page view belongs to: members and stories by kind, others by key prefix. */
static void section_of(const char *kind, const char *key, char *out, size_t size)
{
    if (strcmp(kind, "member") == 0 || strcmp(kind, "story") == 0) {
        snprintf(out, size, "%s", strcmp(kind, "member") == 0 ? "members" : "stories");
        return;
    }
    size_t length = strcspn(key, ":");
    snprintf(out, size, "%.*s", (int)length, key);
}

static const char SESSIONS_SQL[] = "SELECT id, start_s, length_ms, lang FROM session WHERE day = ? ORDER BY id";
static const char PAGES_SQL[] =
    "SELECT p.at_ms, p.dwell_ms, p.lang, i.kind, i.key, i.title FROM page_view AS p JOIN item AS i ON i.id = p.item"
    " WHERE p.session = ? ORDER BY p.seq";
static const char EVENTS_SQL[] = "SELECT time_s, kind FROM event WHERE session = ? ORDER BY id";
static const char LOOSE_EVENTS_SQL[] =
    "SELECT time_s, kind FROM event WHERE day = ?1 AND (session IS NULL OR session NOT IN"
    " (SELECT id FROM session WHERE day = ?1)) ORDER BY id";

typedef struct Statements {
    sqlite3_stmt *sessions, *pages, *events, *loose;
} Statements;

static bool write_session(FILE *out, Statements *q, Row *base, int64_t id, int64_t start_s)
{
    sqlite3_bind_int64(q->pages, 1, id);
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(q->pages)) == SQLITE_ROW) {
        char section[32];
        const char *kind = text_of(q->pages, 3);
        section_of(kind, text_of(q->pages, 4), section, sizeof section);
        Row r = *base;
        r.time_s = start_s + sqlite3_column_int64(q->pages, 0) / 1000;
        r.record = kind;
        r.lang = text_of(q->pages, 2);
        r.ms = sqlite3_column_int64(q->pages, 1);
        r.section = section;
        r.id = text_of(q->pages, 4);
        r.title = text_of(q->pages, 5);
        row(out, &r);
    }
    sqlite3_reset(q->pages);
    if (rc != SQLITE_DONE) {
        return false;
    }
    sqlite3_bind_int64(q->events, 1, id);
    while ((rc = sqlite3_step(q->events)) == SQLITE_ROW) {
        Row r = *base;
        r.time_s = sqlite3_column_int64(q->events, 0);
        r.record = text_of(q->events, 1);
        r.ms = -1;
        row(out, &r);
    }
    sqlite3_reset(q->events);
    return rc == SQLITE_DONE;
}

bool visits_csv_write_day(sqlite3 *db, const char *day, const char *kiosk_id, FILE *out)
{
    Statements q = {0};
    bool ok = sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK &&
              sqlite3_prepare_v2(db, SESSIONS_SQL, -1, &q.sessions, NULL) == SQLITE_OK &&
              sqlite3_prepare_v2(db, PAGES_SQL, -1, &q.pages, NULL) == SQLITE_OK &&
              sqlite3_prepare_v2(db, EVENTS_SQL, -1, &q.events, NULL) == SQLITE_OK &&
              sqlite3_prepare_v2(db, LOOSE_EVENTS_SQL, -1, &q.loose, NULL) == SQLITE_OK;
    if (!ok) {
        goto done;
    }
    fputs("\xEF\xBB\xBF", out);
    fputs("kiosk,date,session,time,record,language,seconds,section,id,title\r\n", out);
    sqlite3_bind_text(q.sessions, 1, day, -1, SQLITE_STATIC);
    int number = 0;
    int rc = SQLITE_ROW;
    while (ok && (rc = sqlite3_step(q.sessions)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(q.sessions, 0);
        int64_t start_s = sqlite3_column_int64(q.sessions, 1);
        Row r = {.kiosk = kiosk_id, .day = day, .session = ++number, .time_s = start_s, .record = "session",
                 .lang = text_of(q.sessions, 3), .ms = sqlite3_column_int64(q.sessions, 2)};
        row(out, &r);
        Row base = {.kiosk = kiosk_id, .day = day, .session = number};
        ok = write_session(out, &q, &base, id, start_s);
    }
    ok = ok && rc == SQLITE_DONE;
    sqlite3_bind_text(q.loose, 1, day, -1, SQLITE_STATIC);
    while (ok && (rc = sqlite3_step(q.loose)) == SQLITE_ROW) {
        Row r = {.kiosk = kiosk_id, .day = day, .time_s = sqlite3_column_int64(q.loose, 0),
                 .record = text_of(q.loose, 1), .ms = -1};
        row(out, &r);
    }
    ok = ok && rc == SQLITE_DONE && !ferror(out);
done:
    sqlite3_finalize(q.sessions);
    sqlite3_finalize(q.pages);
    sqlite3_finalize(q.events);
    sqlite3_finalize(q.loose);
    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    return ok;
}

bool visits_csv_each_day(sqlite3 *db, bool (*each)(void *ctx, const char *day), void *ctx)
{
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db, "SELECT day FROM session UNION SELECT day FROM event ORDER BY 1", -1, &stmt, NULL) !=
        SQLITE_OK) {
        return false;
    }
    int rc = SQLITE_ROW;
    bool ok = true;
    while (ok && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        ok = each(ctx, text_of(stmt, 0));
    }
    sqlite3_finalize(stmt);
    return ok && rc == SQLITE_DONE;
}
