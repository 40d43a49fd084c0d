/* The update worker: the real pipeline (a pack signed by the real `minisign`, the kiosk's own
 * acceptance check with fonts shared from the main thread's) in a thread, while this thread
 * reads the progress mailbox as the main loop would; the accepted pack is handed over loaded;
 * a second attempt cannot start while one runs; destroying the worker mid-copy cancels the
 * attempt (reported on the stick, nothing left behind, nothing installed). Runs under ASan
 * too: the thread is joined and nothing leaks. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <dirent.h>
#include <time.h>

#include <SDL2/SDL_ttf.h>

#include "app/update_worker.h"
#include "support/fixture.h"

typedef struct Env {
    char *dir;
    char *stick;
    char *root;
    char *state;
    char *public_key;
    char *secret_key;
    const char *roots[1];
    const char *keys[1];
    Fonts *fonts;
    Log log;
    UpdateWorker *worker;
    Updater *updater;
} Env;

static void run(const char *command)
{
    if (system(command) != 0) {
        fail_msg("command failed: %s", command);
    }
}

static int setup(void **state)
{
    Env *env = calloc(1, sizeof *env);
    env->dir = fixture_tempdir();
    env->root = fixture_path(env->dir, "media");
    env->stick = fixture_path(env->dir, "media/stick/facts-kiosk");
    env->state = fixture_path(env->dir, "state");
    env->public_key = fixture_path(env->dir, "key.pub");
    env->secret_key = fixture_path(env->dir, "key.sec");
    char command[8192];
    snprintf(command, sizeof command, "mkdir -p '%s' && minisign -G -W -p '%s' -s '%s' >/dev/null", env->stick,
             env->public_key, env->secret_key);
    run(command);
    char fonts_dir[4096];
    snprintf(fonts_dir, sizeof fonts_dir, "%s/assets/fonts", getenv("FACTS_SOURCE_DIR"));
    char why[256];
    assert_int_equal(TTF_Init(), 0);
    env->fonts = fonts_load(fonts_dir, why, sizeof why);
    assert_non_null(env->fonts);
    log_create(&env->log, stderr, LOG_WARN, LOG_STYLE_TERMINAL);
    env->worker = update_worker_create(&env->log, env->fonts);
    assert_non_null(env->worker);
    env->roots[0] = env->root;
    env->keys[0] = env->public_key;
    UpdateConfig config = {
        .mount_roots = env->roots,
        .mount_root_count = 1,
        .state_dir = env->state,
        .trusted_key_paths = env->keys,
        .key_count = 1,
        .bundled_version = 1,
    };
    update_worker_configure(env->worker, &config);
    assert_non_null(config.accept);
    assert_non_null(config.progress);
    assert_non_null(config.fault.fn);
    env->updater = update_create(&config);
    assert_non_null(env->updater);
    *state = env;
    return 0;
}

static int teardown(void **state)
{
    Env *env = *state;
    update_worker_destroy(env->worker);
    update_destroy(env->updater);
    fonts_unload(env->fonts);
    TTF_Quit();
    log_destroy(&env->log);
    free(env->stick);
    free(env->root);
    free(env->state);
    free(env->public_key);
    free(env->secret_key);
    fixture_remove_tree(env->dir);
    free(env);
    return 0;
}

static void sign_on_stick(Env *env)
{
    char command[8192];
    snprintf(command, sizeof command, "minisign -S -s '%s' -m '%s/content.db' -t 'test pack' >/dev/null",
             env->secret_key, env->stick);
    run(command);
}

static void sleep_ms(long ms)
{
    struct timespec pause = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&pause, NULL);
}

static void test_update_runs_in_the_worker_and_hands_over_the_pack(void **state)
{
    Env *env = *state;
    fixture_sources(env->dir);
    char *pack = fixture_build_pack(env->dir);
    char command[8192];
    snprintf(command, sizeof command, "cp '%s' '%s/content.db'", pack, env->stick);
    run(command);
    sign_on_stick(env);

    assert_false(update_worker_busy(env->worker));
    assert_true(update_worker_start(env->worker, env->updater, env->stick));
    assert_true(update_worker_busy(env->worker));
    assert_false(update_worker_start(env->worker, env->updater, env->stick)); /* one at a time */

    UpdateResult result;
    Content *content = NULL;
    UpdateStep last_step = UPDATE_STEP_FIND;
    size_t polls = 0;
    bool finished = false;
    for (int waited = 0; waited < 120000 && !finished; waited += 2) {
        UpdateWorkerProgress progress = update_worker_progress(env->worker);
        assert_true(progress.step >= last_step); /* steps only move forward */
        assert_true(progress.fraction >= 0.0 && progress.fraction <= 1.0);
        last_step = progress.step;
        polls++;
        finished = update_worker_finish(env->worker, &result, &content);
        if (!finished) {
            sleep_ms(2);
        }
    }
    assert_true(finished);
    assert_false(update_worker_busy(env->worker));
    assert_false(update_worker_finish(env->worker, &result, &content)); /* once */
    print_message("finished after %zu polls of the mailbox, last step seen %s\n", polls, update_step_name(last_step));
    assert_int_equal(result.outcome, UPDATE_OK);
    assert_non_null(content);
    assert_int_equal(content->pack.version, 3);
    assert_int_equal(content->member_count, 2);
    char active[4096];
    assert_true(update_active_path(env->updater, active, sizeof active));
    content_unload(content);
    free(pack);
}

/* A 256 MiB pack (sparse: cheap to make, slow enough to copy) and the worker destroyed at
 * once: the copy stops, the stick's report says why, nothing is staged or installed. */
static void test_destroy_cancels_a_running_update(void **state)
{
    Env *env = *state;
    char command[8192];
    snprintf(command, sizeof command, "truncate -s 256M '%s/content.db'", env->stick);
    run(command);
    sign_on_stick(env);
    assert_true(update_worker_start(env->worker, env->updater, env->stick));
    update_worker_destroy(env->worker);
    env->worker = NULL;

    char *report = fixture_path(env->stick, "update-report.txt");
    FILE *file = fopen(report, "r");
    assert_non_null(file);
    char text[4096] = "";
    size_t got = fread(text, 1, sizeof text - 1, file);
    text[got] = '\0';
    fclose(file);
    free(report);
    if (!strstr(text, "result: failed") || !strstr(text, "step: copy") || !strstr(text, "message id: cancelled")) {
        fail_msg("expected a cancelled copy in the report, got:\n%s", text);
    }
    DIR *dir = opendir(env->state);
    assert_non_null(dir);
    for (struct dirent *entry = readdir(dir); entry; entry = readdir(dir)) {
        if (strstr(entry->d_name, "stag") || strstr(entry->d_name, "slot-")) {
            fail_msg("left in the state directory: %s", entry->d_name);
        }
    }
    closedir(dir);
    char active[4096];
    assert_false(update_active_path(env->updater, active, sizeof active));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_update_runs_in_the_worker_and_hands_over_the_pack, setup, teardown),
        cmocka_unit_test_setup_teardown(test_destroy_cancels_a_running_update, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
