/* app_staff_hooks.c — where the staff panel meets the visitor statistics (src/visits/) and
 * the leads (src/leads/): today's statistics and the leads waiting for export, shown as
 * figures, and "export now", a panel button. Until those subsystems are wired in here,
 * each says "not available" (returns false), and the panel shows that. See app_staff.h. */
#define _POSIX_C_SOURCE 200809L
#include "app/app_state.h"

#include "core/ui_text.h"

#include <stdio.h>

bool app_staff_today_statistics(App *app, char *out, size_t size)
{
    (void)app;
    (void)out;
    (void)size;
    return false; /* TODO(visits): e.g. "42 visits, 7 min on average" */
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
    /* TODO(visits): the statistics too. The leads go to every stick inserted, in their thread. */
    if (!app_leads_export_now(app, clock_now_ms())) {
        return false;
    }
    snprintf(out, size, "%s", ui_text(UI_LEADS_EXPORT_NOW, app->deck.lang));
    return true;
}
