/* The updates part (src/app/part_updates.c) on the core's test double (core_double.h), in a
 * temp state directory with a temp mount root, without a window: a stick whose pack cannot be
 * used is seen (the core passes it on to the statistics), the status report hears the attempt
 * begin and end at once and the overlay says why; a stick with a pack and a signature starts an
 * attempt in the worker (a progress bar), which ends, refused (no trusted key signed it), with
 * the status report hearing its end; with no stick nothing happens until the next look.
 * Content taken at the kiosk: a stick's edit folder with an error fails with its problems
 * listed and import-report.txt written, the shown pack and the store unchanged; a good one is
 * READY with a candidate, then installed (the store's active pack is the import, pending) or
 * discarded (import.db gone); no stick, or the path switched off, starts nothing. */
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

#include "app/core_double.h"
#include "app/import_job.h"
#include "app/part_updates.h"
#include "render/fonts.h"
#include "store/store.h"
#include "support/fixture.h"
#include "update/watch.h"

#include <SDL2/SDL_ttf.h>

enum {
    START_MS = 1000,
    POLL_MS = 1500, /* sticks are looked for this often (UPDATE_POLL_MS) */
    WAIT_MS = 20000, /* the worker's attempt ends well within this */
};

typedef struct Env {
    App app;
    char dir[256];
} Env;

static void make_dir(const char *dir, const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    assert_int_equal(mkdir(path, 0700), 0);
}

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

static int set_up(void **state)
{
    Env *env = calloc(1, sizeof *env);
    assert_non_null(env);
    core_double_temp_dir(env->dir, sizeof env->dir, "test_part_updates");
    make_dir(env->dir, "state");
    make_dir(env->dir, "media");
    core_double_create(&env->app, LOG_ERROR);
    Options *o = &env->app.options;
    snprintf(o->state_dir, sizeof o->state_dir, "%s/state", env->dir);
    o->mount_roots.count = 1;
    snprintf(o->mount_roots.paths[0], sizeof o->mount_roots.paths[0], "%s/media", env->dir);
    o->update_url[0] = '\0';
    /* The worker shares the fonts for its test render of a candidate pack. */
    char fonts_dir[4096];
    char why[256] = "";
    snprintf(fonts_dir, sizeof fonts_dir, "%s/assets/fonts", getenv("FACTS_SOURCE_DIR"));
    assert_int_equal(TTF_Init(), 0);
    env->app.fonts = fonts_load(fonts_dir, why, sizeof why);
    assert_non_null(env->app.fonts);
    env->app.part = &part_updates;
    env->app.self = part_updates.start(&env->app, START_MS);
    assert_non_null(env->app.self);
    assert_non_null(part_updates_updater(&env->app));
    *state = env;
    return 0;
}

static int tear_down(void **state)
{
    Env *env = *state;
    part_updates.stop(&env->app, env->app.self);
    fonts_unload(env->app.fonts);
    TTF_Quit();
    core_double_destroy(&env->app);
    core_double_temp_dir_remove(env->dir);
    free(env);
    return 0;
}

/* A stick named label under the mount root, its facts-kiosk folder holding content.db and,
 * with_sig, a signature. */
static void plug_stick(Env *env, const char *label, bool with_sig)
{
    char stick[128];
    snprintf(stick, sizeof stick, "media/%s", label);
    make_dir(env->dir, stick);
    char folder[1024];
    snprintf(folder, sizeof folder, "%s/%s/" WATCH_DIR_NAME, env->dir, stick);
    assert_int_equal(mkdir(folder, 0700), 0);
    write_file(folder, WATCH_PACK_NAME, "not a pack");
    if (with_sig) {
        write_file(folder, WATCH_SIG_NAME, "untrusted comment: none\nnot a signature\n");
    }
}

static void nothing_happens_without_a_stick(void **state)
{
    Env *env = *state;
    App *app = &env->app;
    part_updates_poll(app, START_MS);
    assert_int_equal(app->sticks_seen, 0);
    assert_int_equal(app->attempts_begun, 0);
    assert_false(part_updates_busy(app));
    assert_int_equal(part_updates_deadline(app, false, START_MS), START_MS + POLL_MS);
}

static void a_stick_without_a_signature_is_said_not_used(void **state)
{
    Env *env = *state;
    App *app = &env->app;
    plug_stick(env, "STICK", false);
    part_updates_poll(app, START_MS);
    assert_int_equal(app->sticks_seen, 1);
    assert_int_equal(app->attempts_begun, 1);
    assert_int_equal(app->attempts_ended, 1);
    assert_true(strstr(app->attempt_source, "STICK") != NULL);
    assert_int_not_equal(app->last_outcome, UPDATE_OK);
    assert_int_equal(app->overlays, 1);
    assert_true(app->overlay_problem);
    assert_int_equal(app->draws_now, 1);
    assert_false(part_updates_busy(app));
    /* Seen once: the next look says nothing more about it. */
    part_updates_poll(app, START_MS + POLL_MS);
    assert_int_equal(app->sticks_seen, 1);
}

static void a_signed_stick_is_tried_in_the_worker(void **state)
{
    Env *env = *state;
    App *app = &env->app;
    plug_stick(env, "PACK", true);
    part_updates_poll(app, START_MS);
    assert_int_equal(app->sticks_seen, 1);
    assert_int_equal(app->attempts_begun, 1);
    assert_true(app->progress >= 0.0); /* the progress bar shows */
    uint64_t now = START_MS;
    for (int waited = 0; app->attempts_ended == 0 && waited < WAIT_MS; waited += 10) {
        if (part_updates_busy(app)) {
            assert_int_equal(part_updates_deadline(app, true, now), now + 50);
        }
        nanosleep(&(struct timespec){.tv_nsec = 10 * 1000000L}, NULL);
        now += 10;
        part_updates_poll(app, now);
    }
    assert_int_equal(app->attempts_ended, 1);
    assert_int_not_equal(app->last_outcome, UPDATE_OK);
    assert_int_equal(app->contents_shown, 0);
    assert_true(app->overlays >= 1);
    assert_false(part_updates_busy(app));
}

/* A stick named label whose facts-kiosk/edit holds the fixture's CSV sources; returns the
 * edit folder (malloc'd). */
static char *plug_edit_stick(Env *env, const char *label)
{
    char edit[1024];
    snprintf(edit, sizeof edit, "%s/media/%s/" WATCH_DIR_NAME "/" WATCH_EDIT_NAME, env->dir, label);
    char command[2048];
    snprintf(command, sizeof command, "mkdir -p '%s'", edit);
    assert_int_equal(system(command), 0);
    fixture_sources(edit);
    return strdup(edit);
}

/* Polls as the loop does until the import leaves state (BUILDING or INSTALLING). */
static void wait_while(App *app, AppImportState state)
{
    uint64_t now = START_MS;
    for (int waited = 0; part_updates_import_state(app) == state && waited < WAIT_MS; waited += 10) {
        assert_true(part_updates_busy(app));
        assert_int_equal(part_updates_deadline(app, true, now), now + 50); /* frames go on */
        nanosleep(&(struct timespec){.tv_nsec = 10 * 1000000L}, NULL);
        now += 10;
        part_updates_poll(app, now);
    }
    assert_int_not_equal(part_updates_import_state(app), state);
}

static char *read_text(const char *dir, const char *name)
{
    char path[2048];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "r");
    if (!f) {
        return NULL;
    }
    char *text = calloc(1, 65536);
    assert_non_null(text);
    size_t got = fread(text, 1, 65535, f);
    text[got] = '\0';
    fclose(f);
    return text;
}

static bool state_file_exists(Env *env, const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/state/%s", env->dir, name);
    struct stat st;
    return lstat(path, &st) == 0;
}

static void an_edit_folder_with_an_error_fails_and_changes_nothing(void **state)
{
    Env *env = *state;
    App *app = &env->app;
    char *edit = plug_edit_stick(env, "EDIT");
    fixture_write(edit, "members.csv",
                  "id,name,kind,logo,website,description_en,description_sr_latn,show_from,show_until\n"
                  "example-brand,Example Brand,bogus-kind,,https://example.org,An example brand.,Primer brenda.,,\n",
                  (size_t)-1);
    assert_true(part_updates_import_start(app, LANG_SR_LATN, START_MS));
    assert_int_equal(part_updates_import_state(app), APP_IMPORT_BUILDING);
    assert_true(app->progress >= 0.0); /* the progress bar shows */
    assert_false(part_updates_import_start(app, LANG_EN, START_MS)); /* one at a time */
    wait_while(app, APP_IMPORT_BUILDING);
    assert_int_equal(part_updates_import_state(app), APP_IMPORT_FAILED);
    const char *const *lines = NULL;
    size_t count = part_updates_import_problems(app, &lines);
    assert_true(count >= 1);
    bool named = false;
    for (size_t i = 0; i < count; i++) {
        named = named || (strstr(lines[i], "members.csv") && strstr(lines[i], "bogus-kind"));
    }
    assert_true(named);
    assert_non_null(strstr(part_updates_import_message(app), "Nije preuzeto")); /* the staff's language */
    assert_null(part_updates_import_candidate(app));
    assert_false(part_updates_import_install(app, START_MS));
    char *report = read_text(edit, IMPORT_REPORT_NAME);
    assert_non_null(report);
    assert_non_null(strstr(report, "members.csv"));
    assert_non_null(strstr(report, "bogus-kind"));
    assert_non_null(strstr(report, "Nije preuzeto")); /* in the staff's language */
    assert_null(strstr(report, "Not taken"));
    free(report);
    assert_int_equal(app->contents_shown, 0);
    assert_false(state_file_exists(env, STORE_IMPORT_NAME));
    assert_false(state_file_exists(env, STORE_POINTER_NAME)); /* nothing installed */
    free(edit);
}

static void a_good_edit_folder_is_ready_then_installed(void **state)
{
    Env *env = *state;
    App *app = &env->app;
    char *edit = plug_edit_stick(env, "GOOD");
    assert_true(part_updates_import_start(app, LANG_EN, START_MS));
    wait_while(app, APP_IMPORT_BUILDING);
    assert_int_equal(part_updates_import_state(app), APP_IMPORT_READY);
    Content *candidate = part_updates_import_candidate(app);
    assert_non_null(candidate);
    assert_int_equal(candidate->pack.version, 3);
    assert_int_equal(candidate->member_count, 2);
    assert_true(state_file_exists(env, STORE_IMPORT_NAME));
    assert_int_equal(app->contents_shown, 0); /* a preview, not on screen yet */
    char *report = read_text(edit, IMPORT_REPORT_NAME);
    assert_non_null(report);
    assert_non_null(strstr(report, "Ready to preview"));
    free(report);
    /* While the preview waits, sticks are not looked at. */
    part_updates_poll(app, START_MS + 10 * POLL_MS);
    assert_false(part_updates_busy(app));

    assert_true(part_updates_import_install(app, START_MS));
    assert_int_equal(part_updates_import_state(app), APP_IMPORT_INSTALLING);
    wait_while(app, APP_IMPORT_INSTALLING);
    assert_int_equal(part_updates_import_state(app), APP_IMPORT_INSTALLED);
    assert_int_equal(app->contents_shown, 1);
    assert_int_equal(app->last_outcome, UPDATE_OK);
    const PackStore *store = update_store(part_updates_updater(app));
    assert_int_equal(store_active_origin(store), STORE_ORIGIN_KIOSK);
    assert_int_equal(store_installed_version(store), 3);
    assert_true(store_pending(store));
    assert_false(state_file_exists(env, STORE_IMPORT_NAME));
    report = read_text(edit, IMPORT_REPORT_NAME);
    assert_non_null(report);
    assert_non_null(strstr(report, "installed-at-kiosk"));
    free(report);

    /* "Copy content to stick": the pack now on screen as a workbook, its images and the how-to. */
    assert_true(part_updates_content_copy_start(app, LANG_EN, START_MS));
    assert_int_equal(part_updates_import_state(app), APP_IMPORT_COPYING);
    wait_while(app, APP_IMPORT_COPYING);
    assert_int_equal(part_updates_import_state(app), APP_IMPORT_COPIED);
    struct stat st;
    char path[2048];
    snprintf(path, sizeof path, "%s/%s", edit, IMPORT_WORKBOOK_NAME);
    assert_int_equal(stat(path, &st), 0);
    assert_true(st.st_size > 1000);
    snprintf(path, sizeof path, "%s/images", edit);
    assert_int_equal(stat(path, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    char *how_to = read_text(edit, IMPORT_HOW_TO_NAME);
    assert_non_null(how_to);
    assert_non_null(strstr(how_to, "Take content from stick"));
    assert_non_null(strstr(how_to, "Preuzmi sadržaj"));
    assert_non_null(strstr(how_to, "Преузми садржај"));
    assert_non_null(strstr(how_to, "Отворите content.xlsx")); /* names stay as they are */
    assert_null(strstr(how_to, "`"));
    assert_non_null(strstr(how_to, "LibreOffice Calc-у"));
    free(how_to);
    free(edit);
}

static void a_preview_discarded_leaves_nothing(void **state)
{
    Env *env = *state;
    App *app = &env->app;
    char *edit = plug_edit_stick(env, "DISCARD");
    assert_true(part_updates_import_start(app, LANG_EN, START_MS));
    wait_while(app, APP_IMPORT_BUILDING);
    assert_int_equal(part_updates_import_state(app), APP_IMPORT_READY);
    part_updates_import_discard(app);
    assert_int_equal(part_updates_import_state(app), APP_IMPORT_IDLE);
    assert_null(part_updates_import_candidate(app));
    assert_false(state_file_exists(env, STORE_IMPORT_NAME));
    assert_false(state_file_exists(env, STORE_POINTER_NAME));
    assert_int_equal(app->contents_shown, 0);
    free(edit);
}

static void no_stick_or_switched_off_starts_nothing(void **state)
{
    Env *env = *state;
    App *app = &env->app;
    assert_false(part_updates_import_start(app, LANG_EN, START_MS));
    assert_int_equal(part_updates_import_state(app), APP_IMPORT_IDLE);
    assert_true(strlen(part_updates_import_message(app)) > 0);
    assert_true(part_updates_staff_import_enabled(app));
    char *edit = plug_edit_stick(env, "OFF");
    app->options.staff_import = false;
    assert_false(part_updates_staff_import_enabled(app));
    assert_false(part_updates_import_start(app, LANG_EN, START_MS));
    assert_non_null(strstr(part_updates_import_message(app), "import = false"));
    assert_false(part_updates_busy(app));
    assert_false(part_updates_content_copy_start(app, LANG_EN, START_MS)); /* no pack to copy (nothing installed) */
    assert_int_equal(part_updates_import_state(app), APP_IMPORT_IDLE);
    free(edit);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(nothing_happens_without_a_stick, set_up, tear_down),
        cmocka_unit_test_setup_teardown(a_stick_without_a_signature_is_said_not_used, set_up, tear_down),
        cmocka_unit_test_setup_teardown(a_signed_stick_is_tried_in_the_worker, set_up, tear_down),
        cmocka_unit_test_setup_teardown(an_edit_folder_with_an_error_fails_and_changes_nothing, set_up, tear_down),
        cmocka_unit_test_setup_teardown(a_good_edit_folder_is_ready_then_installed, set_up, tear_down),
        cmocka_unit_test_setup_teardown(a_preview_discarded_leaves_nothing, set_up, tear_down),
        cmocka_unit_test_setup_teardown(no_stick_or_switched_off_starts_nothing, set_up, tear_down),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
