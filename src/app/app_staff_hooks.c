/* app_staff_hooks.c — where the staff panel meets the visitor statistics (src/visits/) and
 * the leads (src/leads/): today's statistics and the leads waiting for export, shown as
 * figures, and "export now", a panel button. What is not wired in yet says "not available"
 * (returns false), and the panel shows that. See app_staff.h. */
#define _POSIX_C_SOURCE 200809L
#include "app/app_state.h"
#include "core/ui_text.h"
#include "platform/clock.h"
#include "store/store_paths.h"
#include "visits/visits_report.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

bool app_staff_today_statistics(App *app, char *out, size_t size)
{
    char path[OPTIONS_PATH_MAX + 64];
    if (!store_file_path(app->options->state_dir, STORE_FILE_VISITS_DB, path, sizeof path)) {
        return false;
    }
    if (access(path, F_OK) != 0) {
        snprintf(out, size, "%s: 0", ui_text(UI_STAFF_VISITS_TODAY, app->deck.lang));
        return true;
    }
    sqlite3 *db = NULL;
    char why[256] = "";
    if (visits_db_open_read(path, &db, why, sizeof why) != VISITS_OK) {
        return false;
    }
    /* What was written so far today (a visit is written when it ends). */
    VisitsSummary *summary = calloc(1, sizeof *summary);
    char today[VISITS_DAY_SIZE];
    visits_time_day(visits_time_now(clock_now_ms()), today);
    bool ok = summary && visits_summary_read(db, today, today, summary) == VISITS_OK;
    if (ok) {
        long long average_s = (long long)(visits_summary_average_ms(summary) / 1000);
        Lang lang = app->deck.lang;
        snprintf(out, size, "%s: %lld · %s: %lld · %s: %lld:%02lld · %s: %lld", ui_text(UI_STAFF_VISITS_TODAY, lang),
                 (long long)summary->sessions, ui_text(UI_STAFF_PAGES, lang), (long long)summary->page_views,
                 ui_text(UI_STAFF_AVERAGE, lang), average_s / 60, average_s % 60, ui_text(UI_STAFF_SEARCHES, lang),
                 (long long)summary->searches);
    }
    free(summary);
    sqlite3_close(db);
    return ok;
}

bool app_staff_leads_waiting(App *app, char *out, size_t size)
{
    size_t records = 0;
    if (!app_leads_enabled(app) || leads_export_waiting(app->options->state_dir, &records) != 0) {
        return false;
    }
    snprintf(out, size, "%zu", records);
    return true;
}

bool app_staff_export_now(App *app, char *out, size_t size)
{
    /* The leads go to every stick inserted and the statistics to the one last seen, each in
     * its own thread. */
    uint64_t now_ms = clock_now_ms();
    bool leads = app_leads_export_now(app, now_ms);
    bool visits = app_visits_export_now(app, now_ms);
    if (!leads && !visits) {
        return false;
    }
    snprintf(out, size, "%s", ui_text(leads ? UI_LEADS_EXPORT_NOW : UI_VISITS_EXPORT_NOW, app->deck.lang));
    return true;
}
