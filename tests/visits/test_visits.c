/* Visitor statistics with a virtual clock: what a batch writes and when, the retention
 * bounds, the aggregation behind the report (sessions per hour, languages, average length,
 * top members and stories, day boundaries), the report's escaping, the CSV and the stick
 * export, on real database files. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "support/fixture.h"
#include "visits/visits_csv.h"
#include "visits/visits_export.h"
#include "visits/visits_log.h"
#include "visits/visits_report.h"

enum { MINUTE_MS = 60 * 1000, HOUR_S = 3600, DAY_S = 86400 };

/* The virtual clock: monotonic ms and the wall clock move together. */
typedef struct Clock {
    uint64_t mono_ms;
    int64_t wall_ms;
    int32_t offset_s;
} Clock;

/* Local time day "YYYY-MM-DD" at hh:mm:ss with this UTC offset. */
static Clock clock_at(const char *day, int hh, int mm, int ss, int32_t offset_s)
{
    int64_t local = visits_day_start_s(day) + hh * HOUR_S + mm * 60 + ss;
    assert_true(local >= 0);
    return (Clock){.mono_ms = 1000000, .wall_ms = (local - offset_s) * 1000, .offset_s = offset_s};
}

static VisitsTime now(const Clock *c)
{
    return visits_time_at(c->mono_ms, c->wall_ms / 1000, c->offset_s);
}

static void advance(Clock *c, uint64_t ms)
{
    c->mono_ms += ms;
    c->wall_ms += (int64_t)ms;
}

typedef struct Fixture {
    char *dir;
    char *db_path;
    VisitsLog *log;
} Fixture;

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof *f);
    f->dir = fixture_tempdir();
    f->db_path = fixture_path(f->dir, "visits.db");
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    visits_log_close(f->log);
    free(f->db_path);
    fixture_remove_tree(f->dir);
    free(f);
    return 0;
}

static VisitsLog *open_log(Fixture *f, const VisitsConfig *config)
{
    char why[512] = "";
    f->log = visits_log_open(f->db_path, config, why, sizeof why);
    if (!f->log) {
        fail_msg("visits_log_open: %s", why);
    }
    return f->log;
}

/* One number from the database through a separate connection, as another process sees it. */
static long long count_rows(const char *db_path, const char *sql)
{
    sqlite3 *db = NULL;
    char why[256];
    assert_int_equal(visits_db_open_read(db_path, &db, why, sizeof why), VISITS_OK);
    sqlite3_stmt *stmt = NULL;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
    long long value = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return value;
}

static void load_summary(const char *db_path, const char *from, const char *to, VisitsSummary *out)
{
    sqlite3 *db = NULL;
    char why[256];
    assert_int_equal(visits_db_open_read(db_path, &db, why, sizeof why), VISITS_OK);
    assert_int_equal(visits_summary_read(db, from, to, out), VISITS_OK);
    sqlite3_close(db);
}

/* The languages of the sessions, oldest first, comma-separated (a static buffer). */
static const char *slurp_lang(const char *db_path)
{
    static char out[256];
    sqlite3 *db = NULL;
    char why[256];
    assert_int_equal(visits_db_open_read(db_path, &db, why, sizeof why), VISITS_OK);
    sqlite3_stmt *stmt = NULL;
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT group_concat(lang, ',') FROM (SELECT lang FROM session ORDER BY id)",
                                        -1, &stmt, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
    snprintf(out, sizeof out, "%s", (const char *)sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return out;
}

/* A visitor: pages pages of page_ms each in lang, starting at *c. */
static void visit(VisitsLog *log, Clock *c, Lang lang, int pages, uint64_t page_ms)
{
    visits_session_begin(log, now(c), lang);
    for (int i = 0; i < pages; i++) {
        char key[32];
        snprintf(key, sizeof key, "about:%d", i + 1);
        visits_page_view(log, now(c), VISITS_ITEM_PAGE, key, "About", lang);
        advance(c, page_ms);
    }
    visits_session_end(log, now(c));
}

static void test_time_days_and_hours(void **state)
{
    (void)state;
    char day[VISITS_DAY_SIZE];
    visits_time_day(visits_time_at(0, 0, 0), day);
    assert_string_equal(day, "1970-01-01");
    /* 2024-02-29 23:30 UTC is 2024-03-01 00:30 one hour east. */
    int64_t leap = visits_day_start_s("2024-02-29");
    assert_true(leap > 0);
    visits_time_day(visits_time_at(0, leap + 23 * HOUR_S + 1800, 0), day);
    assert_string_equal(day, "2024-02-29");
    VisitsTime east = visits_time_at(0, leap + 23 * HOUR_S + 1800, HOUR_S);
    visits_time_day(east, day);
    assert_string_equal(day, "2024-03-01");
    assert_int_equal(visits_time_of_day_s(east), 1800);
    /* West of UTC: the local day is still the previous one. */
    visits_time_day(visits_time_at(0, leap + 1800, -5 * HOUR_S), day);
    assert_string_equal(day, "2024-02-28");
    assert_int_equal(visits_day_start_s("2024-13-01"), -1);
    assert_int_equal(visits_day_start_s("yesterday"), -1);
}

static void test_batch_writes_nothing_until_flushed(void **state)
{
    Fixture *f = *state;
    VisitsLog *log = open_log(f, NULL);
    Clock c = clock_at("2026-05-12", 10, 0, 0, 2 * HOUR_S);
    visits_session_begin(log, now(&c), LANG_EN);
    visits_page_view(log, now(&c), VISITS_ITEM_PAGE, "about:1", "About", LANG_EN);
    advance(&c, 20000);
    visits_page_view(log, now(&c), VISITS_ITEM_MEMBER, "example-brand", "Example Brand", LANG_EN);
    advance(&c, 40000);
    assert_false(visits_log_flush_due(log, c.mono_ms)); /* mid-session, young batch */
    visits_session_end(log, now(&c));
    assert_true(visits_log_pending(log) > 0);
    assert_true(visits_log_flush_due(log, c.mono_ms)); /* the idle return */
    assert_int_equal(count_rows(f->db_path, "SELECT count(*) FROM session"), 0);
    assert_int_equal(count_rows(f->db_path, "SELECT count(*) FROM page_view"), 0);
    assert_int_equal(visits_log_flush(log), VISITS_OK);
    assert_int_equal(visits_log_pending(log), 0);
    assert_false(visits_log_flush_due(log, c.mono_ms));
    assert_int_equal(count_rows(f->db_path, "SELECT count(*) FROM session"), 1);
    assert_int_equal(count_rows(f->db_path, "SELECT length_ms FROM session"), 60000);
    assert_int_equal(count_rows(f->db_path, "SELECT count(*) FROM page_view"), 2);
    assert_int_equal(count_rows(f->db_path, "SELECT sum(dwell_ms) FROM page_view"), 60000);
    assert_int_equal(count_rows(f->db_path, "SELECT dwell_ms FROM page_view WHERE seq = 1"), 40000);
}

static void test_flush_due_after_interval_and_at_close(void **state)
{
    Fixture *f = *state;
    VisitsConfig config = {.flush_interval_ms = 5 * MINUTE_MS};
    VisitsLog *log = open_log(f, &config);
    Clock c = clock_at("2026-05-12", 10, 0, 0, 0);
    visits_session_begin(log, now(&c), LANG_EN);
    for (int i = 0; i < 9; i++) { /* a long visit: pages every 30 s */
        char key[32];
        snprintf(key, sizeof key, "about:%d", i % 3 + 1);
        visits_page_view(log, now(&c), VISITS_ITEM_PAGE, key, "About", LANG_EN);
        advance(&c, 30000);
        assert_false(visits_log_flush_due(log, c.mono_ms));
    }
    advance(&c, 5 * MINUTE_MS);
    assert_true(visits_log_flush_due(log, c.mono_ms));
    assert_int_equal(visits_log_flush(log), VISITS_OK);
    /* The session still open is in the file with its length so far. */
    assert_int_equal(count_rows(f->db_path, "SELECT count(*) FROM session"), 1);
    assert_int_equal(count_rows(f->db_path, "SELECT length_ms FROM session"), 8 * 30000);
    visits_page_view(log, now(&c), VISITS_ITEM_PAGE, "contact:1", "Contact", LANG_EN);
    advance(&c, 1000);
    visits_read_aloud(log, now(&c));
    visits_log_close(log); /* flushes; the open session ends at its last event */
    f->log = NULL;
    assert_int_equal(count_rows(f->db_path, "SELECT count(*) FROM session"), 1);
    assert_int_equal(count_rows(f->db_path, "SELECT count(*) FROM page_view"), 10);
    assert_int_equal(count_rows(f->db_path, "SELECT count(*) FROM event WHERE kind = 'read_aloud'"), 1);
    assert_int_equal(count_rows(f->db_path, "SELECT length_ms FROM session"), 9 * 30000 + 5 * MINUTE_MS + 1000);
}

static void test_busy_reader_keeps_the_batch(void **state)
{
    Fixture *f = *state;
    VisitsLog *log = open_log(f, NULL);
    Clock c = clock_at("2026-05-12", 10, 0, 0, 0);
    visit(log, &c, LANG_EN, 3, 10000);
    assert_int_equal(visits_log_flush(log), VISITS_OK);
    visit(log, &c, LANG_EN, 2, 10000);
    /* The stick export holds a read transaction: the writer must not wait for it. */
    sqlite3 *reader = NULL;
    char why[256];
    assert_int_equal(visits_db_open_read(f->db_path, &reader, why, sizeof why), VISITS_OK);
    assert_int_equal(sqlite3_exec(reader, "BEGIN; SELECT count(*) FROM session;", NULL, NULL, NULL), SQLITE_OK);
    size_t pending = visits_log_pending(log);
    struct timespec before = {0};
    struct timespec after = {0};
    clock_gettime(CLOCK_MONOTONIC, &before);
    assert_int_equal(visits_log_flush(log), VISITS_ERR_BUSY);
    clock_gettime(CLOCK_MONOTONIC, &after);
    /* At once, not after a lock timeout: the loop that flushes also draws the slides. */
    assert_true((after.tv_sec - before.tv_sec) * 1000 + (after.tv_nsec - before.tv_nsec) / 1000000 < 500);
    assert_int_equal(visits_log_pending(log), pending);
    assert_int_equal(sqlite3_exec(reader, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(reader);
    assert_int_equal(visits_log_flush(log), VISITS_OK);
    assert_int_equal(count_rows(f->db_path, "SELECT count(*) FROM session"), 2);
    assert_int_equal(count_rows(f->db_path, "SELECT count(*) FROM page_view"), 5);
}

/* Waits (at most 10 s) for the writer thread to be done. */
static void wait_written(VisitsLog *log)
{
    for (int i = 0; i < 1000 && visits_log_writing(log); i++) {
        nanosleep(&(struct timespec){.tv_nsec = 10000000}, NULL);
    }
    assert_false(visits_log_writing(log));
}

static void test_writer_thread(void **state)
{
    Fixture *f = *state;
    VisitsLog *log = open_log(f, NULL);
    assert_true(visits_log_use_writer_thread(log));
    assert_null(visits_log_db(log)); /* the connection is the thread's now */
    Clock c = clock_at("2026-05-12", 10, 0, 0, 0);
    visit(log, &c, LANG_EN, 3, 10000);
    assert_int_equal(visits_log_flush(log), VISITS_OK);
    assert_int_equal(visits_log_pending(log), 0); /* handed over */
    wait_written(log);
    assert_int_equal(count_rows(f->db_path, "SELECT count(*) FROM session"), 1);
    assert_int_equal(count_rows(f->db_path, "SELECT count(*) FROM page_view"), 3);
    /* A reader holds the database: the thread's write fails, the next flush says so and the
     * batch goes again with the next one, in order. */
    sqlite3 *reader = NULL;
    char why[256];
    assert_int_equal(visits_db_open_read(f->db_path, &reader, why, sizeof why), VISITS_OK);
    assert_int_equal(sqlite3_exec(reader, "BEGIN; SELECT count(*) FROM session;", NULL, NULL, NULL), SQLITE_OK);
    visit(log, &c, LANG_SR_LATN, 2, 10000);
    assert_int_equal(visits_log_flush(log), VISITS_OK);
    wait_written(log);
    assert_int_equal(sqlite3_exec(reader, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(reader);
    assert_int_equal(count_rows(f->db_path, "SELECT count(*) FROM session"), 1);
    visit(log, &c, LANG_SR_CYRL, 1, 10000);
    assert_int_equal(visits_log_flush(log), VISITS_ERR_BUSY); /* the write before failed */
    wait_written(log);
    assert_int_equal(count_rows(f->db_path, "SELECT count(*) FROM session"), 3);
    assert_string_equal(slurp_lang(f->db_path), "en,sr-Latn,sr-Cyrl");
    /* A batch whose write failed is written at close, with what came after it. */
    assert_int_equal(visits_db_open_read(f->db_path, &reader, why, sizeof why), VISITS_OK);
    assert_int_equal(sqlite3_exec(reader, "BEGIN; SELECT count(*) FROM session;", NULL, NULL, NULL), SQLITE_OK);
    visit(log, &c, LANG_EN, 1, 10000);
    assert_int_equal(visits_log_flush(log), VISITS_OK);
    wait_written(log);
    sqlite3_exec(reader, "COMMIT", NULL, NULL, NULL);
    sqlite3_close(reader);
    visit(log, &c, LANG_EN, 2, 10000);
    visits_log_close(log);
    f->log = NULL;
    assert_int_equal(count_rows(f->db_path, "SELECT count(*) FROM session"), 5);
    assert_int_equal(count_rows(f->db_path, "SELECT count(*) FROM page_view"), 3 + 2 + 1 + 1 + 2);
}

static void test_sessions_per_hour_languages_average(void **state)
{
    Fixture *f = *state;
    VisitsLog *log = open_log(f, NULL);
    Clock c = clock_at("2026-05-12", 9, 10, 0, 2 * HOUR_S);
    visit(log, &c, LANG_EN, 3, 10000); /* 09:10, 30 s */
    c = clock_at("2026-05-12", 9, 50, 0, 2 * HOUR_S);
    visit(log, &c, LANG_SR_LATN, 6, 10000); /* 09:50, 60 s */
    c = clock_at("2026-05-12", 14, 0, 0, 2 * HOUR_S);
    /* 14:00, 90 s: starts in English, switches to Cyrillic on the same page, then reads on. */
    visits_session_begin(log, now(&c), LANG_EN);
    visits_page_view(log, now(&c), VISITS_ITEM_PAGE, "about:1", "About", LANG_EN);
    advance(&c, 30000);
    visits_page_view(log, now(&c), VISITS_ITEM_PAGE, "about:1", "About", LANG_SR_CYRL);
    advance(&c, 30000);
    visits_page_view(log, now(&c), VISITS_ITEM_STORY, "story-one", "Прва прича", LANG_SR_CYRL);
    advance(&c, 30000);
    visits_search_made(log, now(&c));
    visits_lead_left(log, now(&c));
    visits_session_end(log, now(&c));
    assert_int_equal(visits_log_flush(log), VISITS_OK);

    VisitsSummary *s = calloc(1, sizeof *s);
    load_summary(f->db_path, NULL, NULL, s);
    assert_int_equal(s->sessions, 3);
    assert_int_equal(s->per_hour[9], 2);
    assert_int_equal(s->per_hour[14], 1);
    int64_t total = 0;
    for (int h = 0; h < 24; h++) {
        total += s->per_hour[h];
    }
    assert_int_equal(total, 3);
    assert_int_equal(visits_summary_average_ms(s), 60000);
    assert_int_equal(s->page_views, 3 + 6 + 2); /* the language switch is not a new view */
    assert_int_equal(s->stories_opened, 1);
    assert_int_equal(s->searches, 1);
    assert_int_equal(s->leads, 1);
    assert_int_equal(s->read_alouds, 0);
    assert_int_equal(s->language_count, 3);
    for (size_t i = 0; i < s->language_count; i++) {
        assert_int_equal(s->languages[i].count, 1); /* each language ended one session */
    }
    assert_string_equal(s->first_day, "2026-05-12");
    assert_int_equal(s->day_count, 1);
    assert_int_equal(s->days[0].sessions, 3);
    assert_int_equal(s->section_count, 2);
    assert_string_equal(s->sections[0].key, "about");
    assert_int_equal(s->sections[0].count, 10);
    assert_string_equal(s->sections[1].key, "stories");
    free(s);
}

static void test_top_members_ranked_with_newest_title(void **state)
{
    Fixture *f = *state;
    VisitsLog *log = open_log(f, NULL);
    Clock c = clock_at("2026-05-12", 11, 0, 0, 0);
    /* Member m00 … m11: member k is viewed k + 1 times, one view per session. */
    for (int k = 0; k < 12; k++) {
        for (int v = 0; v <= k; v++) {
            char id[32];
            char name[32];
            snprintf(id, sizeof id, "m%02d", k);
            snprintf(name, sizeof name, k == 11 && v == k ? "Example Brand Renamed" : "Example Brand %d", k);
            visits_session_begin(log, now(&c), LANG_EN);
            visits_page_view(log, now(&c), VISITS_ITEM_MEMBER, id, name, LANG_EN);
            advance(&c, 4000);
            visits_session_end(log, now(&c));
            advance(&c, 1000);
        }
    }
    /* A tie with m09 (10 views) resolves by id. */
    for (int v = 0; v < 10; v++) {
        visits_session_begin(log, now(&c), LANG_EN);
        visits_page_view(log, now(&c), VISITS_ITEM_MEMBER, "m0a", "Example Brand A", LANG_EN);
        advance(&c, 2000);
        visits_session_end(log, now(&c));
    }
    assert_int_equal(visits_log_flush(log), VISITS_OK);
    VisitsSummary *s = calloc(1, sizeof *s);
    load_summary(f->db_path, NULL, NULL, s);
    assert_int_equal(s->member_count, VISITS_TOP_MAX);
    assert_string_equal(s->members[0].key, "m11");
    assert_int_equal(s->members[0].count, 12);
    assert_string_equal(s->members[0].title, "Example Brand Renamed");
    assert_int_equal(s->members[0].dwell_ms, 12 * 4000);
    assert_string_equal(s->members[1].key, "m10");
    assert_string_equal(s->members[2].key, "m09");
    assert_string_equal(s->members[3].key, "m0a");
    assert_int_equal(s->members[3].count, 10);
    for (size_t i = 1; i < s->member_count; i++) {
        assert_true(s->members[i].count <= s->members[i - 1].count);
    }
    assert_int_equal(s->members_opened, 12 * 13 / 2 + 10);
    assert_int_equal(s->story_count, 0);
    free(s);
}

static void test_day_boundaries(void **state)
{
    Fixture *f = *state;
    VisitsLog *log = open_log(f, NULL);
    /* Belgrade in summer (UTC+2): 23:59:30 local is 21:59:30 UTC. The session runs past
     * midnight and counts under the day it began. */
    Clock c = clock_at("2026-06-30", 23, 59, 30, 2 * HOUR_S);
    visit(log, &c, LANG_EN, 4, 30000);
    c = clock_at("2026-07-01", 0, 0, 30, 2 * HOUR_S);
    visit(log, &c, LANG_EN, 1, 5000);
    c = clock_at("2026-07-01", 1, 30, 0, 2 * HOUR_S); /* 23:30 UTC the day before */
    visit(log, &c, LANG_EN, 1, 5000);
    assert_int_equal(visits_log_flush(log), VISITS_OK);
    VisitsSummary *s = calloc(1, sizeof *s);
    load_summary(f->db_path, NULL, NULL, s);
    assert_int_equal(s->day_count, 2);
    assert_string_equal(s->days[0].day, "2026-06-30");
    assert_int_equal(s->days[0].sessions, 1);
    assert_int_equal(s->days[0].page_views, 4);
    assert_string_equal(s->days[1].day, "2026-07-01");
    assert_int_equal(s->days[1].sessions, 2);
    assert_int_equal(s->per_hour[23], 1);
    assert_int_equal(s->per_hour[0], 1);
    assert_int_equal(s->per_hour[1], 1);
    load_summary(f->db_path, "2026-07-01", "2026-07-01", s);
    assert_int_equal(s->sessions, 2);
    assert_int_equal(s->page_views, 2);
    load_summary(f->db_path, NULL, "2026-06-30", s);
    assert_int_equal(s->sessions, 1);
    assert_int_equal(s->length_ms, 120000);
    free(s);
}

/* Seven days, a few sessions each, flushed daily as a kiosk would. */
static void fill_days(VisitsLog *log, const char *first_day, int days, int sessions, int pages)
{
    for (int d = 0; d < days; d++) {
        char day[VISITS_DAY_SIZE];
        visits_time_day(visits_time_at(0, visits_day_start_s(first_day) + (int64_t)d * DAY_S, 0), day);
        Clock c = clock_at(day, 9, 0, 0, 0);
        for (int i = 0; i < sessions; i++) {
            visits_session_begin(log, now(&c), LANG_EN);
            for (int p = 0; p < pages; p++) {
                char id[32];
                char title[64];
                snprintf(id, sizeof id, "d%d-m%d", d, p);
                snprintf(title, sizeof title, "Example Brand of day %d, number %d", d, p);
                visits_page_view(log, now(&c), VISITS_ITEM_MEMBER, id, title, LANG_EN);
                advance(&c, 7000);
            }
            visits_session_end(log, now(&c));
            advance(&c, 60000);
        }
        assert_int_equal(visits_log_flush(log), VISITS_OK);
    }
}

static void test_retention_drops_oldest_days(void **state)
{
    Fixture *f = *state;
    VisitsConfig config = {.keep_days = 3};
    VisitsLog *log = open_log(f, &config);
    fill_days(log, "2026-05-10", 5, 4, 3);
    VisitsSummary *s = calloc(1, sizeof *s);
    load_summary(f->db_path, NULL, NULL, s);
    assert_int_equal(s->day_count, 3);
    assert_string_equal(s->first_day, "2026-05-12");
    assert_string_equal(s->last_day, "2026-05-14");
    assert_int_equal(s->sessions, 3 * 4);
    assert_int_equal(s->page_views, 3 * 4 * 3);
    /* Nothing of the dropped days is left: no orphan pages, no names. */
    assert_int_equal(count_rows(f->db_path, "SELECT count(*) FROM page_view"), 3 * 4 * 3);
    assert_int_equal(count_rows(f->db_path, "SELECT count(*) FROM item WHERE key LIKE 'd0-%' OR key LIKE 'd1-%'"), 0);
    assert_int_equal(count_rows(f->db_path, "SELECT count(*) FROM item"), 3 * 3);
    free(s);
}

static void test_size_cap_drops_oldest_and_refuses_one_huge_day(void **state)
{
    Fixture *f = *state;
    VisitsConfig config = {.max_bytes = 96 * 1024, .batch_events = VISITS_BATCH_HARD_MAX};
    VisitsLog *log = open_log(f, &config);
    fill_days(log, "2026-05-01", 20, 30, 8);
    long long used = count_rows(f->db_path, "PRAGMA page_count") * count_rows(f->db_path, "PRAGMA page_size") -
                     count_rows(f->db_path, "PRAGMA freelist_count") * count_rows(f->db_path, "PRAGMA page_size");
    assert_true(used <= 96 * 1024);
    VisitsSummary *s = calloc(1, sizeof *s);
    load_summary(f->db_path, NULL, NULL, s);
    assert_true(s->day_count >= 2);
    assert_true(s->day_count < 20);
    assert_string_equal(s->last_day, "2026-05-20"); /* the newest day stays */
    free(s);
    /* A day that alone would pass the cap: its batch is dropped, the kiosk goes on. */
    visits_log_close(log);
    f->log = NULL;
    VisitsConfig tiny = {.max_bytes = 48 * 1024, .batch_events = VISITS_BATCH_HARD_MAX};
    log = open_log(f, &tiny);
    Clock c = clock_at("2026-05-21", 9, 0, 0, 0);
    visits_session_begin(log, now(&c), LANG_EN);
    for (int p = 0; p < 3000; p++) {
        char id[32];
        snprintf(id, sizeof id, "huge-%d", p);
        visits_page_view(log, now(&c), VISITS_ITEM_STORY, id, "A story with a long enough title to fill pages",
                         LANG_EN);
        advance(&c, 1000);
    }
    visits_session_end(log, now(&c));
    assert_int_equal(visits_log_flush(log), VISITS_ERR_FULL);
    assert_true(visits_log_dropped(log) > 0);
    assert_int_equal(visits_log_pending(log), 0);
    assert_int_equal(count_rows(f->db_path, "SELECT count(*) FROM session WHERE day = '2026-05-21'"), 0);
}

static void test_events_outside_a_session(void **state)
{
    Fixture *f = *state;
    VisitsLog *log = open_log(f, NULL);
    Clock c = clock_at("2026-05-12", 12, 0, 0, 0);
    visits_lead_left(log, now(&c));
    visits_page_view(log, now(&c), VISITS_ITEM_PAGE, "about:1", "About", LANG_EN); /* attract: not a visit */
    visit(log, &c, LANG_EN, 1, 1000);
    visits_read_aloud(log, now(&c));
    visits_read_aloud(log, now(&c));
    visits_event(log, now(&c), VISITS_EVENT_KIND_COUNT); /* ignored */
    visits_log_close(log);
    f->log = NULL;
    VisitsSummary *s = calloc(1, sizeof *s);
    load_summary(f->db_path, NULL, NULL, s);
    assert_int_equal(s->sessions, 1);
    assert_int_equal(s->page_views, 1);
    assert_int_equal(s->leads, 1);
    assert_int_equal(s->read_alouds, 2);
    assert_int_equal(count_rows(f->db_path, "SELECT count(*) FROM event WHERE session IS NULL"), 3);
    free(s);
}

static void test_foreign_or_newer_database_is_left_alone(void **state)
{
    Fixture *f = *state;
    fixture_sql(f->db_path, "CREATE TABLE members(id TEXT); INSERT INTO members VALUES('x');");
    char why[512] = "";
    assert_null(visits_log_open(f->db_path, NULL, why, sizeof why));
    assert_non_null(strstr(why, "not a visitor statistics database"));
    unlink(f->db_path);
    fixture_sql(f->db_path, "CREATE TABLE visits_schema(version INTEGER); INSERT INTO visits_schema VALUES(2);");
    assert_null(visits_log_open(f->db_path, NULL, why, sizeof why));
    assert_non_null(strstr(why, "newer"));
    sqlite3 *db = NULL;
    assert_int_equal(visits_db_open_read(f->db_path, &db, why, sizeof why), VISITS_ERR_SCHEMA);
    assert_null(db);
}

/* The whole of a file as a malloc'd string. */
static char *slurp(const char *path)
{
    FILE *in = fopen(path, "rb");
    assert_non_null(in);
    fseek(in, 0, SEEK_END);
    long size = ftell(in);
    fseek(in, 0, SEEK_SET);
    char *text = calloc(1, (size_t)size + 1);
    assert_int_equal(fread(text, 1, (size_t)size, in), (size_t)size);
    fclose(in);
    return text;
}

static void hostile_names(VisitsLog *log, Clock *c)
{
    visits_session_begin(log, now(c), LANG_SR_CYRL);
    visits_page_view(log, now(c), VISITS_ITEM_MEMBER, "evil", "<script>alert('x')</script> & \"Co\"", LANG_EN);
    advance(c, 5000);
    visits_page_view(log, now(c), VISITS_ITEM_STORY, "formula", "=HYPERLINK(\"http://example.org\"), really",
                     LANG_SR_CYRL);
    advance(c, 5000);
    visits_page_view(log, now(c), VISITS_ITEM_STORY, "cyr", "Пример приче", LANG_SR_CYRL);
    advance(c, 5000);
    visits_session_end(log, now(c));
}

static void test_report_is_self_contained_and_escaped(void **state)
{
    Fixture *f = *state;
    VisitsLog *log = open_log(f, NULL);
    Clock c = clock_at("2026-05-12", 16, 20, 0, 0);
    hostile_names(log, &c);
    assert_int_equal(visits_log_flush(log), VISITS_OK);
    char *out = fixture_path(f->dir, "report.html");
    char why[512] = "";
    assert_int_equal(visits_report_file(f->db_path, "hall<2>", out, why, sizeof why), VISITS_OK);
    char *html = slurp(out);
    assert_non_null(strstr(html, "<meta charset=\"utf-8\">"));
    assert_non_null(strstr(html, "<svg"));
    assert_null(strstr(html, "<script"));
    assert_non_null(strstr(html, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;"));
    assert_non_null(strstr(html, "hall&lt;2&gt;"));
    assert_non_null(strstr(html, "Пример приче"));
    assert_non_null(strstr(html, "Српски"));
    /* Nothing to fetch: no links, sources or stylesheets from anywhere. */
    assert_null(strstr(html, "src="));
    assert_null(strstr(html, "href="));
    assert_null(strstr(html, "@import"));
    assert_null(strstr(html, "url("));
    free(html);
    /* No database yet: a report that says so. */
    char *missing = fixture_path(f->dir, "none.db");
    assert_int_equal(visits_report_file(missing, "k", out, why, sizeof why), VISITS_OK);
    html = slurp(out);
    assert_non_null(strstr(html, "No visitor statistics yet."));
    free(html);
    free(missing);
    free(out);
}

static void test_csv_day(void **state)
{
    Fixture *f = *state;
    VisitsLog *log = open_log(f, NULL);
    Clock c = clock_at("2026-05-12", 16, 20, 0, 0);
    hostile_names(log, &c);
    visits_search_made(log, now(&c));
    assert_int_equal(visits_log_flush(log), VISITS_OK);
    char *path = fixture_path(f->dir, "day.csv");
    FILE *out = fopen(path, "wb");
    assert_true(visits_csv_write_day(visits_log_db(log), "2026-05-12", "hall-a", out));
    fclose(out);
    char *csv = slurp(path);
    const char *expected =
        "\xEF\xBB\xBFkiosk,date,session,time,record,language,seconds,section,id,title\r\n"
        "hall-a,2026-05-12,1,16:20:00,session,sr-Cyrl,15.0,,,\r\n"
        "hall-a,2026-05-12,1,16:20:00,member,en,5.0,members,evil,\"<script>alert('x')</script> & \"\"Co\"\"\"\r\n"
        "hall-a,2026-05-12,1,16:20:05,story,sr-Cyrl,5.0,stories,formula,"
        "\"'=HYPERLINK(\"\"http://example.org\"\"), really\"\r\n"
        "hall-a,2026-05-12,1,16:20:10,story,sr-Cyrl,5.0,stories,cyr,Пример приче\r\n"
        "hall-a,2026-05-12,,16:20:15,search,,,,,\r\n";
    assert_string_equal(csv, expected);
    free(csv);
    free(path);
}

/* A title with a semicolon stays one cell for Excel with Serbian settings, which splits on `;`. */
static void test_csv_quotes_semicolons(void **state)
{
    Fixture *f = *state;
    VisitsLog *log = open_log(f, NULL);
    Clock c = clock_at("2026-05-12", 16, 20, 0, 0);
    visits_session_begin(log, now(&c), LANG_SR_CYRL);
    visits_page_view(log, now(&c), VISITS_ITEM_STORY, "semi", "Пера; Мика", LANG_SR_CYRL);
    advance(&c, 5000);
    visits_session_end(log, now(&c));
    assert_int_equal(visits_log_flush(log), VISITS_OK);
    char *csv = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&csv, &size);
    bool written = visits_csv_write_day(visits_log_db(log), "2026-05-12", "hall-a", out);
    fclose(out);
    assert_true(written);
    assert_non_null(strstr(csv, "hall-a,2026-05-12,1,16:20:00,story,sr-Cyrl,5.0,stories,semi,\"Пера; Мика\"\r\n"));
    free(csv);
}

static void test_export_to_stick(void **state)
{
    Fixture *f = *state;
    VisitsLog *log = open_log(f, NULL);
    fill_days(log, "2026-05-10", 3, 2, 2);
    char *stick = fixture_path(f->dir, "stick");
    mkdir(stick, 0755);
    VisitsExportResult result = {0};
    char why[512] = "";
    assert_int_equal(visits_export(f->db_path, stick, "hall/a", &result, why, sizeof why), VISITS_OK);
    assert_int_equal(result.days, 3);
    assert_int_equal(result.days_written, 3);
    static const char *const NAMES[] = {"stats/hall_a-2026-05-10.csv", "stats/hall_a-2026-05-11.csv",
                                        "stats/hall_a-2026-05-12.csv", "stats/report.html"};
    for (size_t i = 0; i < 4; i++) {
        char *p = fixture_path(stick, NAMES[i]);
        struct stat st;
        assert_int_equal(stat(p, &st), 0);
        assert_true(st.st_size > 100);
        free(p);
    }
    /* Again, a day later: finished days stay as they are, the newest is written again. */
    char *old_day = fixture_path(stick, NAMES[0]);
    fixture_write(stick, NAMES[0], "kept", (size_t)-1);
    fill_days(log, "2026-05-13", 1, 2, 2);
    assert_int_equal(visits_export(f->db_path, stick, "hall/a", &result, why, sizeof why), VISITS_OK);
    assert_int_equal(result.days, 4);
    assert_int_equal(result.days_written, 1);
    char *kept = slurp(old_day);
    assert_string_equal(kept, "kept");
    free(kept);
    free(old_day);
    /* A stats entry that is not a folder is refused, not followed. */
    char *other = fixture_path(f->dir, "stick2");
    mkdir(other, 0755);
    char *target = fixture_path(f->dir, "elsewhere");
    mkdir(target, 0755);
    char *link = fixture_path(other, "stats");
    assert_int_equal(symlink(target, link), 0);
    assert_int_equal(visits_export(f->db_path, other, "k", &result, why, sizeof why), VISITS_ERR_IO);
    free(link);
    free(target);
    free(other);
    free(stick);
}

static void test_file_id(void **state)
{
    (void)state;
    char id[64];
    visits_export_file_id("hall-a.left_1", id, sizeof id);
    assert_string_equal(id, "hall-a.left_1");
    visits_export_file_id("../etc/passwd", id, sizeof id);
    assert_string_equal(id, "_._etc_passwd");
    visits_export_file_id("", id, sizeof id);
    assert_string_equal(id, "kiosk");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_time_days_and_hours),
        cmocka_unit_test_setup_teardown(test_batch_writes_nothing_until_flushed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_flush_due_after_interval_and_at_close, setup, teardown),
        cmocka_unit_test_setup_teardown(test_busy_reader_keeps_the_batch, setup, teardown),
        cmocka_unit_test_setup_teardown(test_writer_thread, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sessions_per_hour_languages_average, setup, teardown),
        cmocka_unit_test_setup_teardown(test_top_members_ranked_with_newest_title, setup, teardown),
        cmocka_unit_test_setup_teardown(test_day_boundaries, setup, teardown),
        cmocka_unit_test_setup_teardown(test_retention_drops_oldest_days, setup, teardown),
        cmocka_unit_test_setup_teardown(test_size_cap_drops_oldest_and_refuses_one_huge_day, setup, teardown),
        cmocka_unit_test_setup_teardown(test_events_outside_a_session, setup, teardown),
        cmocka_unit_test_setup_teardown(test_foreign_or_newer_database_is_left_alone, setup, teardown),
        cmocka_unit_test_setup_teardown(test_report_is_self_contained_and_escaped, setup, teardown),
        cmocka_unit_test_setup_teardown(test_csv_day, setup, teardown),
        cmocka_unit_test_setup_teardown(test_csv_quotes_semicolons, setup, teardown),
        cmocka_unit_test_setup_teardown(test_export_to_stick, setup, teardown),
        cmocka_unit_test(test_file_id),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
