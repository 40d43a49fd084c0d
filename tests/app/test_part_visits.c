/* The visits part (src/app/part_visits.c) on the core's test double (core_double.h), with its
 * statistics database in a temp state directory: a visitor's browsing is a session with its
 * page views, while staff browsing a preview of new content (app_core_previewing) is nothing —
 * no session, no page view, no read-aloud use, no lead — and a preview that begins during a
 * visit ends that visit. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/core_double.h"
#include "app/part_visits.h"
#include "platform/clock.h"
#include "store/store_paths.h"
#include "visits/visits_db.h"
#include "visits/visits_report.h"
#include "visits/visits_time.h"

typedef struct Env {
    App app;
    char dir[256];
    uint64_t now;
    Content preview; /* what the double shows as a preview: only its address matters */
} Env;

static int set_up(void **state)
{
    Env *env = calloc(1, sizeof *env);
    assert_non_null(env);
    core_double_temp_dir(env->dir, sizeof env->dir, "test_part_visits");
    core_double_create(&env->app, LOG_WARN);
    snprintf(env->app.options.state_dir, sizeof env->app.options.state_dir, "%s", env->dir);
    env->app.options.profile = OPTIONS_PROFILE_BOOTH;
    env->app.part = &part_visits;
    env->now = clock_now_ms();
    env->app.self = part_visits.start(&env->app, env->now);
    assert_non_null(env->app.self);
    part_visits_open(&env->app);
    /* Content with an About section of three pages to browse. */
    DeckOutline outline = {0};
    outline.pages[SECTION_ABOUT] = 3;
    deck_set_outline(&env->app.deck, &outline, env->now);
    *state = env;
    return 0;
}

static int tear_down(void **state)
{
    Env *env = *state;
    if (env->app.self) {
        part_visits.stop(&env->app, env->app.self);
    }
    core_double_destroy(&env->app);
    core_double_temp_dir_remove(env->dir);
    free(env);
    return 0;
}

static void command(Env *env, DeckCommandKind kind)
{
    DeckCommand c = {.kind = kind};
    if (kind == DECK_CMD_GOTO_SECTION) {
        c.arg.section = SECTION_ABOUT;
    }
    deck_command(&env->app.deck, c, env->now);
    env->now += 2000;
    deck_tick(&env->app.deck, env->now);
    part_visits.tick(&env->app, env->app.self, env->now);
}

/* A visitor opens About, turns a page, has it read aloud, leaves a lead, goes back. */
static void browse(Env *env)
{
    command(env, DECK_CMD_GOTO_SECTION);
    command(env, DECK_CMD_NEXT_PAGE);
    part_visits_read_aloud(&env->app, env->now);
    part_visits_lead_left(&env->app, env->now);
    command(env, DECK_CMD_ATTRACT);
}

/* Stops the part (its statistics flushed) and reads today's from the database. */
static VisitsSummary stop_and_read(Env *env)
{
    part_visits.stop(&env->app, env->app.self);
    env->app.self = NULL;
    char path[4096];
    assert_true(store_file_path(env->dir, STORE_FILE_VISITS_DB, path, sizeof path));
    sqlite3 *db = NULL;
    char why[256] = "";
    assert_int_equal(visits_db_open_read(path, &db, why, sizeof why), VISITS_OK);
    char today[VISITS_DAY_SIZE];
    visits_time_day(visits_time_now(clock_now_ms()), today);
    VisitsSummary *summary = calloc(1, sizeof *summary);
    assert_non_null(summary);
    assert_int_equal(visits_summary_read(db, today, today, summary), VISITS_OK);
    sqlite3_close(db);
    VisitsSummary out = *summary;
    free(summary);
    return out;
}

/* The visitor's browsing (previewing: while staff preview new content), then today's figures. */
static VisitsSummary browse_and_read(Env *env, bool previewing)
{
    if (previewing) {
        assert_true(app_core_preview_begin(&env->app, &env->preview, env->now));
    }
    browse(env);
    app_core_preview_end(&env->app, env->now);
    return stop_and_read(env);
}

static void a_visitor_is_counted(void **state)
{
    VisitsSummary s = browse_and_read(*state, false);
    int64_t seen[] = {s.sessions, s.page_views, s.read_alouds, s.leads};
    int64_t expected[] = {1, 2, 1, 1};
    assert_memory_equal(seen, expected, sizeof seen);
}

static void browsing_a_preview_is_not_a_visit(void **state)
{
    VisitsSummary s = browse_and_read(*state, true);
    int64_t seen[] = {s.sessions, s.page_views, s.read_alouds, s.leads};
    int64_t nothing[4] = {0};
    assert_memory_equal(seen, nothing, sizeof seen);
}

static void a_preview_ends_the_visit_under_way(void **state)
{
    Env *env = *state;
    command(env, DECK_CMD_GOTO_SECTION); /* a visitor's first page */
    assert_true(app_core_preview_begin(&env->app, &env->preview, env->now));
    command(env, DECK_CMD_NEXT_PAGE); /* staff browse the preview */
    command(env, DECK_CMD_NEXT_PAGE);
    VisitsSummary s = stop_and_read(env);
    assert_int_equal(s.sessions, 1);
    assert_int_equal(s.page_views, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(a_visitor_is_counted, set_up, tear_down),
        cmocka_unit_test_setup_teardown(browsing_a_preview_is_not_a_visit, set_up, tear_down),
        cmocka_unit_test_setup_teardown(a_preview_ends_the_visit_under_way, set_up, tear_down),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
