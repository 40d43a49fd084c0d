/* The updates part (src/app/part_updates.c) on the core's test double (core_double.h), in a
 * temp state directory with a temp mount root, without a window: a stick whose pack cannot be
 * used is seen (the core passes it on to the statistics), the status report hears the attempt
 * begin and end at once and the overlay says why; a stick with a pack and a signature starts an
 * attempt in the worker (a progress bar), which ends, refused (no trusted key signed it), with
 * the status report hearing its end; with no stick nothing happens until the next look. */
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
#include "app/part_updates.h"
#include "render/fonts.h"
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(nothing_happens_without_a_stick, set_up, tear_down),
        cmocka_unit_test_setup_teardown(a_stick_without_a_signature_is_said_not_used, set_up, tear_down),
        cmocka_unit_test_setup_teardown(a_signed_stick_is_tried_in_the_worker, set_up, tear_down),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
