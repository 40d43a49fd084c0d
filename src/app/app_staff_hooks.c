/* app_staff_hooks.c — where the staff panel meets the visitor statistics (src/visits/) and
 * the leads (src/leads/): today's statistics and the leads waiting for export, shown as
 * figures, and "export now", a panel button. Until those subsystems are wired in here,
 * each says "not available" (returns false), and the panel shows that. See app_staff.h. */
#define _POSIX_C_SOURCE 200809L
#include "app/app_state.h"

bool app_staff_today_statistics(App *app, char *out, size_t size)
{
    (void)app;
    (void)out;
    (void)size;
    return false; /* TODO(visits): e.g. "42 visits, 7 min on average" */
}

bool app_staff_leads_waiting(App *app, char *out, size_t size)
{
    (void)app;
    (void)out;
    (void)size;
    return false; /* TODO(leads): e.g. "3 waiting" */
}

bool app_staff_export_now(App *app, char *out, size_t size)
{
    (void)app;
    (void)out;
    (void)size;
    return false; /* TODO(leads, visits): export both, then say where they went */
}
