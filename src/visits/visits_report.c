/* visits_report.c — aggregation queries (visits_summary_read) and the HTML page with inline
 * SVG charts (visits_report_write_html); see visits_report.h. */
#define _POSIX_C_SOURCE 200809L
#include "visits/visits_report.h"

#include "visits/visits_file.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- aggregation ---- */

/* Every query takes the span as ?1 .. ?2; NULL bounds become ones no day passes. */
typedef struct Span {
    const char *from;
    const char *to;
} Span;

typedef bool (*RowFn)(sqlite3_stmt *row, VisitsSummary *out, const void *arg);

/* Runs sql over the span (and ?3 = text3 when given), calling each for every row. */
static bool each_row(sqlite3 *db, const char *sql, Span span, const char *text3, RowFn each, VisitsSummary *out,
                     const void *arg)
{
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK) {
        return false;
    }
    sqlite3_bind_text(stmt, 1, span.from, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 2, span.to, -1, SQLITE_STATIC);
    if (text3) {
        sqlite3_bind_text(stmt, 3, text3, -1, SQLITE_STATIC);
    }
    int rc = SQLITE_ROW;
    bool ok = true;
    while (ok && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        ok = each(stmt, out, arg);
    }
    sqlite3_finalize(stmt);
    return ok && rc == SQLITE_DONE;
}

static void column_text(sqlite3_stmt *row, int column, char *out, size_t size)
{
    const unsigned char *text = sqlite3_column_text(row, column);
    size_t length = text ? strlen((const char *)text) : 0;
    if (length >= size) {
        length = size - 1;
        while (length > 0 && (text[length] & 0xC0) == 0x80) {
            length--;
        }
    }
    if (length) {
        memcpy(out, text, length);
    }
    out[length] = '\0';
}

static bool add_day(sqlite3_stmt *row, VisitsSummary *s, const void *arg)
{
    (void)arg;
    VisitsDayFigures day = {0};
    column_text(row, 0, day.day, sizeof day.day);
    day.sessions = sqlite3_column_int64(row, 1);
    day.length_ms = sqlite3_column_int64(row, 2);
    day.page_views = sqlite3_column_int64(row, 3);
    if (s->day_count == 0) {
        memcpy(s->first_day, day.day, sizeof day.day);
    }
    memcpy(s->last_day, day.day, sizeof day.day);
    s->day_count++;
    s->sessions += day.sessions;
    s->length_ms += day.length_ms;
    s->page_views += day.page_views;
    if (s->days_listed == VISITS_SUMMARY_DAYS) { /* the newest are listed */
        memmove(&s->days[0], &s->days[1], sizeof s->days[0] * (VISITS_SUMMARY_DAYS - 1));
        s->days_listed--;
    }
    s->days[s->days_listed++] = day;
    return true;
}

static bool add_hour(sqlite3_stmt *row, VisitsSummary *s, const void *arg)
{
    (void)arg;
    int hour = sqlite3_column_int(row, 0);
    if (hour >= 0 && hour < 24) {
        s->per_hour[hour] += sqlite3_column_int64(row, 1);
    }
    return true;
}

static bool add_event(sqlite3_stmt *row, VisitsSummary *s, const void *arg)
{
    (void)arg;
    const char *kind = (const char *)sqlite3_column_text(row, 0);
    int64_t count = sqlite3_column_int64(row, 1);
    if (!kind) {
        return true;
    }
    if (strcmp(kind, "search") == 0) {
        s->searches += count;
    } else if (strcmp(kind, "read_aloud") == 0) {
        s->read_alouds += count;
    } else if (strcmp(kind, "lead") == 0) {
        s->leads += count;
    }
    return true;
}

/* Where a list of ranks lives in the summary, for add_rank. */
typedef struct RankList {
    size_t offset_ranks; /* offsetof the array */
    size_t offset_count; /* offsetof its count */
    size_t max;
} RankList;

static bool add_rank(sqlite3_stmt *row, VisitsSummary *s, const void *arg)
{
    const RankList *list = arg;
    VisitsRank *ranks = (VisitsRank *)((char *)s + list->offset_ranks);
    size_t *count = (size_t *)((char *)s + list->offset_count);
    if (*count == list->max) {
        return true;
    }
    VisitsRank *r = &ranks[(*count)++];
    column_text(row, 0, r->key, sizeof r->key);
    column_text(row, 1, r->title, sizeof r->title);
    r->count = sqlite3_column_int64(row, 2);
    r->dwell_ms = sqlite3_column_int64(row, 3);
    return true;
}

static bool add_total(sqlite3_stmt *row, VisitsSummary *s, const void *arg)
{
    *(int64_t *)((char *)s + *(const size_t *)arg) += sqlite3_column_int64(row, 0);
    return true;
}

static const char DAYS_SQL[] =
    "SELECT d.day,"
    " (SELECT count(*) FROM session WHERE day = d.day),"
    " (SELECT coalesce(sum(length_ms), 0) FROM session WHERE day = d.day),"
    " (SELECT count(*) FROM page_view WHERE session IN (SELECT id FROM session WHERE day = d.day))"
    " FROM (SELECT day FROM session UNION SELECT day FROM event) AS d"
    " WHERE d.day BETWEEN ?1 AND ?2 ORDER BY d.day";
static const char HOURS_SQL[] =
    "SELECT start_s / 3600, count(*) FROM session WHERE day BETWEEN ?1 AND ?2 GROUP BY 1";
static const char EVENTS_SQL[] = "SELECT kind, count(*) FROM event WHERE day BETWEEN ?1 AND ?2 GROUP BY kind";
static const char LANGUAGES_SQL[] =
    "SELECT lang, '', count(*), sum(length_ms) FROM session WHERE day BETWEEN ?1 AND ?2"
    " GROUP BY lang ORDER BY 3 DESC, lang";
/* A member or story: its newest title, its views and their time on screen. */
static const char ITEMS_SQL[] =
    "SELECT i.key,"
    " (SELECT t.title FROM item AS t WHERE t.kind = i.kind AND t.key = i.key ORDER BY t.id DESC LIMIT 1),"
    " count(*), sum(p.dwell_ms)"
    " FROM page_view AS p JOIN item AS i ON i.id = p.item JOIN session AS s ON s.id = p.session"
    " WHERE i.kind = ?3 AND s.day BETWEEN ?1 AND ?2 GROUP BY i.kind, i.key ORDER BY 3 DESC, i.key";
static const char ITEM_TOTAL_SQL[] =
    "SELECT count(*) FROM page_view AS p JOIN item AS i ON i.id = p.item JOIN session AS s ON s.id = p.session"
    " WHERE i.kind = ?3 AND s.day BETWEEN ?1 AND ?2";
static const char SECTIONS_SQL[] =
    "SELECT CASE i.kind WHEN 'member' THEN 'members' WHEN 'story' THEN 'stories'"
    " ELSE substr(i.key, 1, instr(i.key || ':', ':') - 1) END AS section, '', count(*), sum(p.dwell_ms)"
    " FROM page_view AS p JOIN item AS i ON i.id = p.item JOIN session AS s ON s.id = p.session"
    " WHERE s.day BETWEEN ?1 AND ?2 GROUP BY section ORDER BY 3 DESC, section";

VisitsStatus visits_summary_read(sqlite3 *db, const char *from_day, const char *to_day, VisitsSummary *out)
{
    static const RankList LANGUAGES = {offsetof(VisitsSummary, languages), offsetof(VisitsSummary, language_count),
                                       VISITS_LANG_MAX};
    static const RankList MEMBERS = {offsetof(VisitsSummary, members), offsetof(VisitsSummary, member_count),
                                     VISITS_TOP_MAX};
    static const RankList STORIES = {offsetof(VisitsSummary, stories), offsetof(VisitsSummary, story_count),
                                     VISITS_TOP_MAX};
    static const RankList SECTIONS = {offsetof(VisitsSummary, sections), offsetof(VisitsSummary, section_count),
                                      VISITS_SECTION_MAX};
    static const size_t MEMBERS_OPENED = offsetof(VisitsSummary, members_opened);
    static const size_t STORIES_OPENED = offsetof(VisitsSummary, stories_opened);
    memset(out, 0, sizeof *out);
    Span span = {from_day ? from_day : "", to_day ? to_day : "~"};
    /* One read transaction: every figure comes from the same moment. */
    bool ok = sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
    ok = ok && each_row(db, DAYS_SQL, span, NULL, add_day, out, NULL);
    ok = ok && each_row(db, HOURS_SQL, span, NULL, add_hour, out, NULL);
    ok = ok && each_row(db, EVENTS_SQL, span, NULL, add_event, out, NULL);
    ok = ok && each_row(db, LANGUAGES_SQL, span, NULL, add_rank, out, &LANGUAGES);
    ok = ok && each_row(db, ITEMS_SQL, span, "member", add_rank, out, &MEMBERS);
    ok = ok && each_row(db, ITEMS_SQL, span, "story", add_rank, out, &STORIES);
    ok = ok && each_row(db, ITEM_TOTAL_SQL, span, "member", add_total, out, &MEMBERS_OPENED);
    ok = ok && each_row(db, ITEM_TOTAL_SQL, span, "story", add_total, out, &STORIES_OPENED);
    ok = ok && each_row(db, SECTIONS_SQL, span, NULL, add_rank, out, &SECTIONS);
    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    return ok ? VISITS_OK : VISITS_ERR_IO;
}

int64_t visits_summary_average_ms(const VisitsSummary *summary)
{
    return summary->sessions > 0 ? summary->length_ms / summary->sessions : 0;
}

/* ---- the page ---- */

enum {
    CHART_W = 640,    /* a full-width chart's viewBox */
    BARS_W = 460,     /* a half-width bar chart's (its text stays legible beside another) */
    LABEL_CHARS = 24, /* a bar's label is cut here, with "…"; the full name is its tooltip */
};

static const char *const SECTION_LABELS[][2] = {
    {"about", "About"},       {"members", "Members"},         {"stories", "Success stories"},
    {"cooperation", "Cooperation"}, {"contact", "Contact"},
};
static const char *const LANGUAGE_LABELS[][2] = {
    {"en", "English"}, {"sr-Latn", "Srpski (latinica)"}, {"sr-Cyrl", "Српски (ћирилица)"},
};

static const char *label_for(const char *const table[][2], size_t count, const char *key)
{
    for (size_t i = 0; i < count; i++) {
        if (strcmp(table[i][0], key) == 0) {
            return table[i][1];
        }
    }
    return key;
}

/* Writes s with &, <, >, " and ' escaped; at most max_chars characters (then "…"; 0: all). */
static void escape(FILE *out, const char *s, size_t max_chars)
{
    size_t chars = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p & 0xC0) != 0x80 && max_chars && chars++ == max_chars) {
            fputs("…", out);
            return;
        }
        switch (*p) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        default: fputc(*p, out); break;
        }
    }
}

/* "1 min 05 s", "42 s". */
static void format_duration(int64_t ms, char *out, size_t size)
{
    int64_t s = (ms + 500) / 1000;
    if (s >= 60) {
        snprintf(out, size, "%lld min %02lld s", (long long)(s / 60), (long long)(s % 60));
    } else {
        snprintf(out, size, "%lld s", (long long)s);
    }
}

static int64_t max_of(const int64_t *values, size_t count)
{
    int64_t max = 0;
    for (size_t i = 0; i < count; i++) {
        max = values[i] > max ? values[i] : max;
    }
    return max;
}

/* A column chart: one column per value, labelled below every label_every columns. */
static void svg_columns(FILE *out, const char *title, const int64_t *values, const char (*labels)[8], size_t count,
                        size_t label_every)
{
    enum { H = 170, TOP = 18, BOTTOM = 22, LEFT = 8 };
    int64_t max = max_of(values, count);
    double slot = count ? (double)(CHART_W - 2 * LEFT) / (double)count : 0.0;
    fprintf(out, "<svg viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"", CHART_W, H);
    escape(out, title, 0);
    fprintf(out, "\">\n<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>\n", LEFT, H - BOTTOM,
            CHART_W - LEFT, H - BOTTOM);
    for (size_t i = 0; i < count; i++) {
        double h = max ? (double)values[i] / (double)max * (H - TOP - BOTTOM) : 0.0;
        double x = LEFT + slot * (double)i + slot * 0.12;
        if (values[i] > 0) {
            fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"bar\"><title>", x,
                    H - BOTTOM - h, slot * 0.76, h);
            escape(out, labels[i], 0);
            fprintf(out, ": %lld</title></rect>\n", (long long)values[i]);
            if (count <= 31) {
                fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" class=\"value\">%lld</text>\n", x + slot * 0.38,
                        H - BOTTOM - h - 4, (long long)values[i]);
            }
        }
        if (i % label_every == 0) {
            fprintf(out, "<text x=\"%.1f\" y=\"%d\" class=\"tick\">", x + slot * 0.38, H - 6);
            escape(out, labels[i], 0);
            fputs("</text>\n", out);
        }
    }
    fputs("</svg>\n", out);
}

typedef void (*RankLabelFn)(FILE *out, const VisitsRank *rank, size_t max_chars);

static void label_title(FILE *out, const VisitsRank *rank, size_t max_chars)
{
    escape(out, rank->title[0] ? rank->title : rank->key, max_chars);
}

static void label_section(FILE *out, const VisitsRank *rank, size_t max_chars)
{
    escape(out, label_for(SECTION_LABELS, sizeof SECTION_LABELS / sizeof SECTION_LABELS[0], rank->key), max_chars);
}

static void label_language(FILE *out, const VisitsRank *rank, size_t max_chars)
{
    escape(out, label_for(LANGUAGE_LABELS, sizeof LANGUAGE_LABELS / sizeof LANGUAGE_LABELS[0], rank->key),
           max_chars);
}

/* A bar chart of ranks, one labelled row each; with_dwell adds the average time on screen. */
static void svg_bars(FILE *out, const char *title, const VisitsRank *ranks, size_t count, RankLabelFn label,
                     bool with_dwell)
{
    enum { ROW = 24, LABEL_W = 200, VALUE_W = 118 };
    if (count == 0) {
        fputs("<p class=\"none\">None yet.</p>\n", out);
        return;
    }
    int64_t max = 0;
    for (size_t i = 0; i < count; i++) {
        max = ranks[i].count > max ? ranks[i].count : max;
    }
    int height = (int)count * ROW + 4;
    fprintf(out, "<svg viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"", BARS_W, height);
    escape(out, title, 0);
    fputs("\">\n", out);
    for (size_t i = 0; i < count; i++) {
        const VisitsRank *r = &ranks[i];
        double w = max ? (double)r->count / (double)max * (BARS_W - LABEL_W - VALUE_W) : 0.0;
        int y = (int)i * ROW + 2;
        fprintf(out, "<text x=\"%d\" y=\"%d\" class=\"label\"><title>", LABEL_W - 8, y + 16);
        label(out, r, 0);
        fputs("</title>", out);
        label(out, r, LABEL_CHARS);
        fprintf(out, "</text>\n<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" class=\"bar\"/>\n", LABEL_W, y + 3,
                w < 1.0 ? 1.0 : w, ROW - 8);
        char dwell[32] = "";
        if (with_dwell && r->count > 0) {
            format_duration(r->dwell_ms / r->count, dwell, sizeof dwell);
        }
        fprintf(out, "<text x=\"%.1f\" y=\"%d\" class=\"count\">%lld%s%s</text>\n", LABEL_W + w + 6, y + 16,
                (long long)r->count, dwell[0] ? " · ⌀ " : "", dwell);
    }
    fputs("</svg>\n", out);
}

static const char STYLE[] =
    "<style>\n"
    "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',sans-serif;color:#1d2733;"
    "margin:0 auto;max-width:1000px;padding:24px;background:#fff}\n"
    "h1{font-size:24px;margin:0 0 4px}h2{font-size:16px;margin:18px 0 6px;color:#33475b}\n"
    ".meta{color:#5a6b7d;font-size:13px;margin:0 0 14px}\n"
    ".figures{display:flex;flex-wrap:wrap;gap:10px;margin:8px 0}\n"
    ".figure{border:1px solid #d5dde5;border-radius:6px;padding:8px 12px;min-width:120px}\n"
    ".figure b{display:block;font-size:22px}.figure span{font-size:12px;color:#5a6b7d}\n"
    ".grid{display:grid;grid-template-columns:1fr 1fr;gap:0 28px}\n"
    "svg{width:100%;height:auto;display:block}\n"
    ".bar{fill:#2f6f9f}.axis{stroke:#9aa8b6;stroke-width:1}\n"
    "text{font-size:13px;fill:#1d2733}.tick{font-size:10px;text-anchor:middle;fill:#5a6b7d}\n"
    ".value{font-size:10px;text-anchor:middle;fill:#33475b}\n"
    ".label{text-anchor:end;font-size:12px}.count{fill:#33475b;font-size:12px}\n"
    ".none{color:#5a6b7d;font-size:13px}footer{margin-top:18px;font-size:11px;color:#7a8a9a}\n"
    "@media (max-width:760px){.grid{grid-template-columns:1fr}}\n"
    "@media print{body{padding:0}.figure{padding:4px 8px}}\n"
    "</style>\n";

static void figure(FILE *out, const char *value, const char *what)
{
    fputs("<div class=\"figure\"><b>", out);
    escape(out, value, 0);
    fputs("</b><span>", out);
    escape(out, what, 0);
    fputs("</span></div>\n", out);
}

static void figure_count(FILE *out, int64_t value, const char *what)
{
    char text[32];
    snprintf(text, sizeof text, "%lld", (long long)value);
    figure(out, text, what);
}

static void write_figures(FILE *out, const VisitsSummary *s)
{
    char text[48];
    fputs("<div class=\"figures\">\n", out);
    figure_count(out, s->sessions, "visitor sessions");
    format_duration(visits_summary_average_ms(s), text, sizeof text);
    figure(out, text, "average session length");
    figure_count(out, s->page_views, "pages viewed");
    snprintf(text, sizeof text, "%.1f", s->sessions ? (double)s->page_views / (double)s->sessions : 0.0);
    figure(out, text, "pages per session");
    figure_count(out, s->members_opened, "member pages opened");
    figure_count(out, s->stories_opened, "stories opened");
    figure_count(out, s->read_alouds, "read-aloud uses");
    figure_count(out, s->searches, "searches");
    figure_count(out, s->leads, "leads left");
    fputs("</div>\n", out);
}

static void write_time_charts(FILE *out, const VisitsSummary *s)
{
    char hours[24][8];
    for (int h = 0; h < 24; h++) {
        snprintf(hours[h], sizeof hours[h], "%02d", h);
    }
    fputs("<h2>Sessions per hour of the day</h2>\n", out);
    svg_columns(out, "Sessions per hour of the day", s->per_hour, (const char(*)[8])hours, 24, 2);
    if (s->days_listed > 1) {
        int64_t values[VISITS_SUMMARY_DAYS];
        char labels[VISITS_SUMMARY_DAYS][8];
        for (size_t i = 0; i < s->days_listed; i++) {
            values[i] = s->days[i].sessions;
            snprintf(labels[i], sizeof labels[i], "%.5s", s->days[i].day + 5); /* MM-DD */
        }
        fputs("<h2>Sessions per day</h2>\n", out);
        svg_columns(out, "Sessions per day", values, (const char(*)[8])labels, s->days_listed,
                    s->days_listed <= 16 ? 1 : (s->days_listed + 11) / 12);
    }
}

bool visits_report_write_html(const VisitsSummary *s, const char *kiosk_id, const char *generated, FILE *out)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Visitor statistics — ",
          out);
    escape(out, kiosk_id, 0);
    fputs("</title>\n", out);
    fputs(STYLE, out);
    fputs("</head>\n<body>\n<h1>Visitor statistics</h1>\n<p class=\"meta\">Kiosk ", out);
    escape(out, kiosk_id, 0);
    if (s->day_count) {
        fprintf(out, " · %s to %s (%zu day%s with visitors)", s->first_day, s->last_day, s->day_count,
                s->day_count == 1 ? "" : "s");
    }
    fputs(" · made ", out);
    escape(out, generated, 0);
    fputs("</p>\n", out);
    if (!s->day_count) {
        fputs("<p class=\"none\">No visitor statistics yet.</p>\n", out);
    } else {
        write_figures(out, s);
        write_time_charts(out, s);
        fputs("<div class=\"grid\">\n<div>\n<h2>Most viewed members</h2>\n", out);
        svg_bars(out, "Most viewed members", s->members, s->member_count, label_title, true);
        fputs("</div>\n<div>\n<h2>Most read success stories</h2>\n", out);
        svg_bars(out, "Most read success stories", s->stories, s->story_count, label_title, true);
        fputs("</div>\n<div>\n<h2>Languages (sessions)</h2>\n", out);
        svg_bars(out, "Languages", s->languages, s->language_count, label_language, false);
        fputs("</div>\n<div>\n<h2>Pages viewed by section</h2>\n", out);
        svg_bars(out, "Pages viewed by section", s->sections, s->section_count, label_section, true);
        fputs("</div>\n</div>\n", out);
    }
    fputs("<footer>Anonymous: sessions, pages and counts only — no names, no text typed, no personal data. "
          "⌀ average time on screen. Days and hours are the kiosk's local time.</footer>\n</body>\n</html>\n",
          out);
    return !ferror(out);
}

typedef struct ReportJob {
    const VisitsSummary *summary;
    const char *kiosk_id;
    const char *generated;
} ReportJob;

static bool write_report(void *ctx, FILE *out)
{
    const ReportJob *job = ctx;
    return visits_report_write_html(job->summary, job->kiosk_id, job->generated, out);
}

VisitsStatus visits_report_file(const char *db_path, const char *kiosk_id, const char *out_path, char *why,
                                size_t why_size)
{
    VisitsSummary *summary = calloc(1, sizeof *summary);
    sqlite3 *db = NULL;
    VisitsStatus status = VISITS_ERR_NOMEM;
    if (!summary) {
        snprintf(why, why_size, "out of memory");
        goto done;
    }
    /* No database yet: the report says there are no statistics. */
    if (access(db_path, F_OK) == 0 || errno != ENOENT) {
        status = visits_db_open_read(db_path, &db, why, why_size);
        if (status != VISITS_OK) {
            goto done;
        }
        status = visits_summary_read(db, NULL, NULL, summary);
        if (status != VISITS_OK) {
            snprintf(why, why_size, "%s: %s", db_path, sqlite3_errmsg(db));
            goto done;
        }
    }
    VisitsTime now = visits_time_now(0);
    char generated[32];
    visits_time_day(now, generated);
    int32_t of_day = visits_time_of_day_s(now);
    snprintf(generated + 10, sizeof generated - 10, " %02d:%02d", (int)(of_day / 3600), (int)(of_day / 60 % 60));
    ReportJob job = {summary, kiosk_id, generated};
    status = visits_file_write(out_path, write_report, &job, why, why_size);
done:
    sqlite3_close(db);
    free(summary);
    return status;
}
