/* visits_report.h — what the statistics add up to, and the one-page report staff open on
 * a laptop.
 *
 * visits_summary_read() aggregates a span of days (sessions per hour of the day and per day,
 * languages, average session length, the most viewed members and stories, pages by
 * section, counts of read-aloud uses, searches and leads); visits_report_write_html()
 * turns a summary into one self-contained UTF-8 HTML page with inline SVG bar charts and no
 * external resources, every name escaped. visits_report_file() does both for a database
 * file (the stick export, `facts-kiosk stats report`). */
#ifndef FACTS_VISITS_VISITS_REPORT_H
#define FACTS_VISITS_VISITS_REPORT_H

#include "core/lang.h"
#include "visits/visits_db.h"
#include "visits/visits_log.h"
#include "visits/visits_time.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

enum {
    VISITS_TOP_MAX = 10,          /* members and stories listed */
    VISITS_SUMMARY_DAYS = 400,    /* days a summary holds one by one (oldest beyond: in totals only) */
    VISITS_SECTION_MAX = 8,
    VISITS_LANG_MAX = LANG_COUNT + 1, /* the kiosk's languages and "other" */
};

/* One ranked thing: a member, a story, a section, a language. */
typedef struct VisitsRank {
    char key[VISITS_KEY_MAX];     /* member or story id, section name, language tag */
    char title[VISITS_TITLE_MAX]; /* its latest title ("" for sections and languages) */
    int64_t count;                /* views (members, stories, sections) or sessions (languages) */
    int64_t dwell_ms;             /* total time on screen (views) or in sessions (languages) */
} VisitsRank;

typedef struct VisitsDayFigures {
    char day[VISITS_DAY_SIZE];
    int64_t sessions;
    int64_t length_ms; /* all its sessions together */
    int64_t page_views;
} VisitsDayFigures;

typedef struct VisitsSummary {
    char first_day[VISITS_DAY_SIZE]; /* "" when there are no statistics */
    char last_day[VISITS_DAY_SIZE];
    size_t day_count;                /* days with statistics in the span */
    VisitsDayFigures days[VISITS_SUMMARY_DAYS]; /* oldest first; the newest VISITS_SUMMARY_DAYS */
    size_t days_listed;
    int64_t sessions;
    int64_t length_ms;               /* all sessions together */
    int64_t page_views;
    int64_t members_opened;          /* views of a member's page */
    int64_t stories_opened;
    int64_t searches;
    int64_t read_alouds;
    int64_t leads;
    int64_t per_hour[24];            /* sessions by the local hour they began */
    VisitsRank languages[VISITS_LANG_MAX]; /* sessions by the language they ended in, most first */
    size_t language_count;
    VisitsRank members[VISITS_TOP_MAX];    /* most viewed first (ties: by id) */
    size_t member_count;
    VisitsRank stories[VISITS_TOP_MAX];
    size_t story_count;
    VisitsRank sections[VISITS_SECTION_MAX]; /* page views by section, most first */
    size_t section_count;
} VisitsSummary;

/* Adds up the days from from_day to to_day ("YYYY-MM-DD", both included; NULL: no bound)
 * of db into *out (zeroed first). VISITS_ERR_IO when a query fails. */
VisitsStatus visits_summary_read(sqlite3 *db, const char *from_day, const char *to_day, VisitsSummary *out);

/* The average session length in milliseconds (0 without sessions). */
int64_t visits_summary_average_ms(const VisitsSummary *summary);

/* Writes the report page for summary to out. kiosk_id and generated (e.g. "2026-05-14
 * 18:02") are shown as given, escaped. False when writing failed. */
bool visits_report_write_html(const VisitsSummary *summary, const char *kiosk_id, const char *generated,
                              FILE *out);

/* Reads the statistics database at db_path and writes the report of all its days to
 * out_path (through a temporary file beside it, renamed into place); no database yet
 * makes a report that says so. why says what went wrong. */
VisitsStatus visits_report_file(const char *db_path, const char *kiosk_id, const char *out_path, char *why,
                                size_t why_size);

#endif
