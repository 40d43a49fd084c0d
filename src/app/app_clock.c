/* app_clock.c — the running kiosk's wall clock (issue 20, "a clock that can be trusted"):
 * --fake-clock's, else the system's plus the staff's correction, and whether it may be shown
 * as "now" (core/clock_trust.h decides: a fake clock, timesyncd, or the staff's confirmation
 * for that local day and boot). The kiosk may not set the system clock (its sandbox forbids
 * adjtimex), so the staff's correction is its own offset, kept in the state directory
 * (STORE_CLOCK_NAME, through the store's notes: written durably) so a restart that day keeps
 * it. A group of the shared core: the event slides (app_content.c) take their clock here;
 * the staff panel and the status report ask through app_core.h. */
#define _POSIX_C_SOURCE 200809L
#include "app/app_state.h"

#include "core/clock_trust.h"
#include "store/store.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct AppClock {
    bool ready;
    ClockWall wall;                    /* --fake-clock's or the system's, uncorrected */
    ClockTrust trust;                  /* the staff's, as kept */
    char boot[CLOCK_TRUST_BOOT_MAX];   /* this boot's id */
};

AppClock *app_clock_create(void)
{
    return calloc(1, sizeof(AppClock));
}

void app_clock_destroy(AppClock *clock)
{
    free(clock);
}

static bool open_store(const App *app, PackStore *store)
{
    return store_init(store, app->options->state_dir, NULL, NULL) == STORE_OK;
}

/* The first use: the wall clock from the options, the boot, the staff's confirmation kept. */
static AppClock *clock_ready(App *app, uint64_t now_ms)
{
    AppClock *c = app->clock;
    if (c->ready) {
        return c;
    }
    c->ready = true;
    char why[128];
    clock_wall_real(&c->wall);
    if (app->options->fake_clock[0] != '\0' &&
        !clock_wall_fake(&c->wall, app->options->fake_clock, app->options->fake_clock_speed, now_ms, why, sizeof why)) {
        clock_wall_real(&c->wall); /* part_hours logs the bad value */
    }
    clock_boot_id(c->boot, sizeof c->boot);
    PackStore store;
    char text[CLOCK_TRUST_TEXT_MAX] = "";
    if (!open_store(app, &store)) {
        return c;
    }
    int error = store_note_read(&store, STORE_CLOCK_NAME, text, sizeof text);
    if (error == 0 && !clock_trust_parse(&c->trust, text)) {
        log_write(app->log, LOG_WARN, "clock", "%s/%s: not understood; the time must be confirmed again", store.dir,
                  STORE_CLOCK_NAME);
    } else if (error != 0 && error != ENOENT) {
        log_write(app->log, LOG_WARN, "clock", "%s/%s: %s", store.dir, STORE_CLOCK_NAME, strerror(error));
    }
    return c;
}

static ClockTrustFacts facts_now(const AppClock *c, uint64_t now_ms)
{
    bool synchronised = !c->wall.fake && clock_wall_trusted(false, NULL);
    return (ClockTrustFacts){.fake = c->wall.fake,
                             .synchronised = synchronised,
                             .system_s = clock_wall_ms(&c->wall, now_ms) / 1000,
                             .boot = c->boot,
                             .zone = clock_local_zone()};
}

/* The trust now and the wall clock with the staff's offset applied. */
static ClockTrustSource judge(App *app, uint64_t now_ms, ClockWall *wall)
{
    AppClock *c = clock_ready(app, now_ms);
    ClockTrustFacts facts = facts_now(c, now_ms);
    int64_t offset_s = 0;
    ClockTrustSource source = clock_trust_judge(&c->trust, &facts, &offset_s);
    *wall = c->wall;
    wall->offset_ms = offset_s * 1000;
    return source;
}

ClockWall app_clock_wall(App *app, uint64_t now_ms, bool *trusted)
{
    ClockWall wall = {0};
    *trusted = judge(app, now_ms, &wall) != CLOCK_TRUST_NONE;
    return wall;
}

ClockTrustSource app_core_clock_trust(App *app, uint64_t now_ms, int64_t *wall_s, int64_t *offset_s)
{
    ClockWall wall = {0};
    ClockTrustSource source = judge(app, now_ms, &wall);
    if (wall_s) {
        *wall_s = clock_wall_ms(&wall, now_ms) / 1000;
    }
    if (offset_s) {
        *offset_s = wall.offset_ms / 1000;
    }
    return source;
}

bool app_core_clock_confirm(App *app, int64_t corrected_s, uint64_t now_ms)
{
    AppClock *c = clock_ready(app, now_ms);
    ClockTrustFacts facts = facts_now(c, now_ms);
    char local[24];
    clock_local_text(corrected_s, local, sizeof local);
    if (!clock_trust_confirm(&c->trust, &facts, corrected_s)) {
        log_write(app->log, LOG_WARN, "clock", "staff set the time to %s: too far from the system's clock, not taken",
                  local);
        return false;
    }
    log_write(app->log, LOG_INFO, "clock", "staff confirmed the time: %s (%+lld s from the system's clock), for today",
              local, (long long)c->trust.offset_s);
    PackStore store;
    char text[CLOCK_TRUST_TEXT_MAX];
    size_t len = clock_trust_format(&c->trust, text, sizeof text);
    if (len == 0 || !open_store(app, &store) || store_note_write(&store, STORE_CLOCK_NAME, text, len) != 0) {
        log_write(app->log, LOG_WARN, "clock", "cannot keep the confirmed time in %s: a restart forgets it",
                  app->options->state_dir);
    }
    return true;
}
