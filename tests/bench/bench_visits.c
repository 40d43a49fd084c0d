/* bench_visits — a simulated fair week of visitor statistics: 7 days x 300 sessions x 15
 * pages (members, stories, pages of the other sections, three languages, some read-aloud
 * uses, searches and leads), flushed after every session as the kiosk does at each idle
 * return (here in the calling thread: the kiosk does it in the log's writer thread). Prints
 * the database size, the flush times, and how long the report and the CSV
 * export take. Prints figures; asserts nothing beyond the run succeeding.
 *
 *   bench_visits [DIR] [DAYS] [SESSIONS_PER_DAY] [PAGES_PER_SESSION]   (default: a temp dir, 7 300 15) */
#define _POSIX_C_SOURCE 200809L
#include "visits/visits_export.h"
#include "visits/visits_log.h"
#include "visits/visits_report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double seconds_now(void)
{
    struct timespec t = {0};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static long long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long long)st.st_size : 0;
}

/* A small deterministic generator (xorshift), so every run records the same week. */
static uint32_t next_random(uint32_t *state)
{
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *state = x;
    return x;
}

int main(int argc, char **argv)
{
    char dir[4096];
    if (argc > 1) {
        snprintf(dir, sizeof dir, "%s", argv[1]);
    } else {
        snprintf(dir, sizeof dir, "%s/bench_visits.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
        if (!mkdtemp(dir)) {
            perror("mkdtemp");
            return 1;
        }
    }
    int days = argc > 2 ? atoi(argv[2]) : 7;
    int sessions = argc > 3 ? atoi(argv[3]) : 300;
    int pages = argc > 4 ? atoi(argv[4]) : 15;
    char db_path[4200];
    snprintf(db_path, sizeof db_path, "%s/%s", dir, "visits.db");
    unlink(db_path);
    char why[512] = "";
    VisitsLog *log = visits_log_open(db_path, NULL, why, sizeof why);
    if (!log) {
        fprintf(stderr, "bench_visits: %s\n", why);
        return 1;
    }
    static const char *const SECTIONS[] = {"about", "cooperation", "contact"};
    uint32_t seed = 12345;
    uint64_t mono = 1000;
    int64_t wall = visits_day_start_s("2026-05-11") - 7200; /* a Monday in May 2026, local midnight at UTC+2 */
    double flush_total = 0.0;
    double flush_max = 0.0;
    long flushes = 0;
    long long views = 0;
    for (int d = 0; d < days; d++) {
        int64_t day_wall = wall + (int64_t)d * 86400;
        for (int s = 0; s < sessions; s++) {
            /* Spread over 09:00 .. 18:00 local (UTC+2). */
            int64_t start = day_wall + 9 * 3600 + (int64_t)s * 9 * 3600 / sessions;
            mono += 1000;
            VisitsTime t = visits_time_at(mono, start, 7200);
            Lang lang = next_random(&seed) % 10 < 6 ? LANG_EN
                        : next_random(&seed) % 2    ? LANG_SR_LATN
                                                    : LANG_SR_CYRL;
            visits_session_begin(log, t, lang);
            for (int p = 0; p < pages; p++) {
                uint32_t r = next_random(&seed);
                char key[32];
                char title[96];
                VisitsItemKind kind = VISITS_ITEM_PAGE;
                if (r % 3 == 0) {
                    kind = VISITS_ITEM_MEMBER;
                    snprintf(key, sizeof key, "member-%02u", r / 3 % 40);
                    snprintf(title, sizeof title, "Example Brand %02u", r / 3 % 40);
                } else if (r % 3 == 1) {
                    kind = VISITS_ITEM_STORY;
                    snprintf(key, sizeof key, "story-%02u", r / 3 % 25);
                    snprintf(title, sizeof title, "Example story %02u: export fair", r / 3 % 25);
                } else {
                    snprintf(key, sizeof key, "%s:%u", SECTIONS[r / 3 % 3], r / 9 % 4 + 1);
                    snprintf(title, sizeof title, "%s", SECTIONS[r / 3 % 3]);
                }
                visits_page_view(log, t, kind, key, title, lang);
                uint64_t dwell = 2000 + next_random(&seed) % 20000;
                t.mono_ms += dwell;
                t.wall_s += (int64_t)(dwell / 1000);
                views++;
            }
            uint32_t r = next_random(&seed) % 20;
            if (r < 3) {
                visits_read_aloud(log, t);
            } else if (r < 5) {
                visits_search_made(log, t);
            } else if (r == 5) {
                visits_lead_left(log, t);
            }
            visits_session_end(log, t);
            mono = t.mono_ms;
            double before = seconds_now();
            VisitsStatus status = visits_log_flush(log);
            double took = seconds_now() - before;
            if (status != VISITS_OK) {
                fprintf(stderr, "bench_visits: flush: %s\n", visits_status_name(status));
                visits_log_close(log);
                return 1;
            }
            flush_total += took;
            flush_max = took > flush_max ? took : flush_max;
            flushes++;
        }
    }
    long long used = visits_db_used_bytes(visits_log_db(log));
    visits_log_close(log);
    char journal[4300];
    snprintf(journal, sizeof journal, "%s-journal", db_path);
    printf("visits: %d days x %d sessions x %d pages = %lld page views, %ld flushes\n", days, sessions, pages,
           views, flushes);
    printf("visits: database %lld bytes (%.2f MiB; live pages %lld bytes), journal %lld bytes\n",
           file_size(db_path), (double)file_size(db_path) / 1048576.0, used, file_size(journal));
    printf("visits: %.1f bytes per page view; flush mean %.2f ms, max %.2f ms\n",
           (double)file_size(db_path) / (double)(views ? views : 1), flush_total * 1000.0 / (double)flushes,
           flush_max * 1000.0);
    char report[4300];
    snprintf(report, sizeof report, "%s/report.html", dir);
    double before = seconds_now();
    if (visits_report_file(db_path, "bench-kiosk", report, why, sizeof why) != VISITS_OK) {
        fprintf(stderr, "bench_visits: report: %s\n", why);
        return 1;
    }
    printf("visits: report %lld bytes in %.1f ms (%s)\n", file_size(report), (seconds_now() - before) * 1000.0,
           report);
    char stick[4300];
    snprintf(stick, sizeof stick, "%s/stick", dir);
    mkdir(stick, 0755);
    VisitsExportResult result = {0};
    before = seconds_now();
    if (visits_export(db_path, stick, "bench-kiosk", &result, why, sizeof why) != VISITS_OK) {
        fprintf(stderr, "bench_visits: export: %s\n", why);
        return 1;
    }
    printf("visits: export of %zu days (%zu CSV written) in %.1f ms\n", result.days, result.days_written,
           (seconds_now() - before) * 1000.0);
    return 0;
}
