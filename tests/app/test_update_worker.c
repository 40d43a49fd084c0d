/* The update worker: the real pipeline (a pack signed by the real `minisign`, the kiosk's own
 * acceptance check with fonts shared from the main thread's) in a thread, while this thread
 * reads the progress mailbox as the main loop would; the accepted pack is handed over loaded;
 * a second attempt cannot start while one runs; destroying the worker mid-copy cancels the
 * attempt (reported on the stick, nothing left behind, nothing installed). A staff import
 * runs in the worker too: its build and check hand over the candidate, its install makes it
 * the store's active pack; a SIGKILL at every fault point of the build and the install (and
 * in the middle of the build) leaves a pack that loads active after a restart, the old one
 * or the import, and nothing left over. Content copied to a stick as content.xlsx is taken
 * back from it by the workbook reader. Runs under ASan too: the thread is joined and
 * nothing leaks. */
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
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <SDL2/SDL_ttf.h>

#include "app/update_worker.h"
#include "content/loader.h"
#include "store/store.h"
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

/* The fixture's pack (version 3) built, copied onto the stick and signed; its path (malloc'd). */
static char *signed_pack_on_stick(Env *env)
{
    fixture_sources(env->dir);
    char *pack = fixture_build_pack(env->dir);
    char command[8192];
    snprintf(command, sizeof command, "cp '%s' '%s/content.db'", pack, env->stick);
    run(command);
    sign_on_stick(env);
    return pack;
}

static void test_update_runs_in_the_worker_and_hands_over_the_pack(void **state)
{
    Env *env = *state;
    char *pack = signed_pack_on_stick(env);

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

/* Waits for the worker's job to end (the loop's part) and returns its result. */
static UpdateResult finish_job(UpdateWorker *worker, Content **content)
{
    UpdateResult result = {0};
    for (int waited = 0; waited < 60000; waited += 2) {
        if (update_worker_finish(worker, &result, content)) {
            return result;
        }
        sleep_ms(2);
    }
    fail_msg("the worker's job did not end");
    return result;
}

/* The stick's facts-kiosk/edit with the fixture's sources at version (malloc'd path). */
static char *edit_sources(Env *env, int version)
{
    char *edit = fixture_path(env->stick, "edit");
    char command[8192];
    snprintf(command, sizeof command, "mkdir -p '%s'", edit);
    run(command);
    fixture_sources(edit);
    char pack_csv[256];
    snprintf(pack_csv, sizeof pack_csv,
             "version,title_en,title_sr_latn,title_sr_cyrl,created_at\n%d,Example Pack,Primer paketa,,2026-01-02\n",
             version);
    fixture_write(edit, "pack.csv", pack_csv, (size_t)-1);
    return edit;
}

static void test_import_builds_checks_and_installs_in_the_worker(void **state)
{
    Env *env = *state;
    char *edit = edit_sources(env, 2);
    char *built = fixture_path(env->state, STORE_IMPORT_NAME);
    assert_true(update_worker_start_import(env->worker, env->updater, edit, built, LANG_EN));
    assert_true(update_worker_busy(env->worker));
    assert_int_equal(update_worker_job(env->worker), UPDATE_JOB_IMPORT);
    assert_false(update_worker_start_install(env->worker, env->updater, edit, built, 2, LANG_EN)); /* one at a time */
    Content *content = NULL;
    UpdateResult result = finish_job(env->worker, &content);
    ImportBuild build;
    update_worker_take_import(env->worker, &build);
    assert_int_equal(result.outcome, UPDATE_OK);
    assert_true(build.built && build.accepted);
    assert_int_equal(build.error_count, 0);
    assert_non_null(content);
    assert_int_equal(content->pack.version, 2);
    import_build_free(&build);
    char active[4096];
    assert_false(update_active_path(env->updater, active, sizeof active)); /* nothing installed yet */

    assert_true(update_worker_start_install(env->worker, env->updater, edit, built, 2, LANG_EN));
    Content *none = NULL;
    result = finish_job(env->worker, &none);
    assert_null(none);
    assert_int_equal(result.outcome, UPDATE_OK);
    assert_int_equal(result.message, UPDATE_MSG_INSTALLED_AT_KIOSK);
    assert_true(update_active_path(env->updater, active, sizeof active));
    assert_int_equal(store_active_origin(update_store(env->updater)), STORE_ORIGIN_KIOSK);
    assert_true(store_pending(update_store(env->updater)));
    content_unload(content);
    free(built);
    free(edit);
}

/* Copy content to stick, then take it from the stick: the pack shown goes onto the stick as
 * edit/content.xlsx, and the import builds that workbook (not the CSV files left beside it,
 * one of them now broken) into the same content. */
static void test_copy_then_import_builds_from_the_workbook(void **state)
{
    Env *env = *state;
    char *edit = edit_sources(env, 2);
    char *built = fixture_path(env->state, STORE_IMPORT_NAME);
    char *shown = fixture_path(env->dir, "shown.db");
    assert_true(update_worker_start_import(env->worker, env->updater, edit, built, LANG_EN));
    Content *from_csv = NULL;
    assert_int_equal(finish_job(env->worker, &from_csv).outcome, UPDATE_OK);
    ImportBuild build;
    update_worker_take_import(env->worker, &build);
    assert_true(build.accepted);
    assert_false(build.csv_not_used);
    import_build_free(&build);
    char command[16384];
    snprintf(command, sizeof command, "cp '%s' '%s'", built, shown);
    run(command);

    assert_true(update_worker_start_copy(env->worker, env->updater, env->stick, shown));
    Content *none = NULL;
    assert_int_equal(finish_job(env->worker, &none).outcome, UPDATE_OK);
    assert_null(none);
    fixture_write(edit, "members.csv", "id,name\n\"never closed\n", (size_t)-1);

    assert_true(update_worker_start_import(env->worker, env->updater, edit, built, LANG_EN));
    Content *from_workbook = NULL;
    UpdateResult result = finish_job(env->worker, &from_workbook);
    update_worker_take_import(env->worker, &build);
    if (result.outcome != UPDATE_OK || !build.accepted) {
        fail_msg("the workbook did not build: %s %s", build.why, build.line_count ? build.lines[0] : "");
    }
    assert_true(build.csv_not_used);
    assert_non_null(strstr(build.source, "/edit/content.xlsx"));
    assert_int_equal(build.error_count, 0);
    assert_non_null(from_workbook);
    assert_int_equal(from_workbook->pack.version, from_csv->pack.version);
    assert_int_equal(from_workbook->member_count, from_csv->member_count);
    assert_int_equal(from_workbook->story_count, from_csv->story_count);
    assert_true(from_csv->member_count > 0);
    assert_string_equal(from_workbook->members[0].name, from_csv->members[0].name);
    assert_string_equal(from_workbook->members[0].description.text[LANG_SR_CYRL],
                        from_csv->members[0].description.text[LANG_SR_CYRL]);
    import_build_free(&build);
    content_unload(from_workbook);
    content_unload(from_csv);
    free(shown);
    free(built);
    free(edit);
}

/* SIGKILL at a fault point in a child that runs an import and its install. */
typedef struct KillAt {
    FaultPoint point;
    FaultHook worker; /* the worker's own hook (the cancel point), asked otherwise */
} KillAt;

static int kill_at(void *ctx, FaultPoint point)
{
    KillAt *k = ctx;
    if (point == k->point) {
        raise(SIGKILL);
    }
    return fault_check(&k->worker, point);
}

/* The child: a kiosk of its own on the same state directory that takes the edit folder and
 * installs it; killed at point (FAULT_POINT_COUNT: never by itself). */
static void child_imports(Env *env, const char *edit, FaultPoint point)
{
    UpdateWorker *worker = update_worker_create(&env->log, env->fonts);
    UpdateConfig config = {
        .mount_roots = env->roots, .mount_root_count = 1, .state_dir = env->state,
        .trusted_key_paths = env->keys, .key_count = 1, .bundled_version = 1,
    };
    update_worker_configure(worker, &config);
    KillAt k = {point, config.fault};
    config.fault = (FaultHook){kill_at, &k};
    Updater *updater = update_create(&config);
    char *built = fixture_path(env->state, STORE_IMPORT_NAME);
    if (!worker || !updater || !update_worker_start_import(worker, updater, edit, built, LANG_EN)) {
        _exit(3);
    }
    Content *content = NULL;
    UpdateResult result = finish_job(worker, &content);
    if (result.outcome != UPDATE_OK || !update_worker_start_install(worker, updater, edit, built, 2, LANG_EN)) {
        _exit(4);
    }
    result = finish_job(worker, &content);
    _exit(result.outcome == UPDATE_OK ? 0 : 5);
}

/* After the kill, as the kiosk's next start: the active pack loads, and is the old one or
 * the import; no built or temp file is left. Returns the active version. */
static int64_t restart_and_check(Env *env)
{
    PackStore store;
    assert_int_equal(store_init(&store, env->state, NULL, NULL), STORE_OK);
    store_recover(&store);
    assert_false(store_degraded(&store, NULL));
    char path[4096];
    assert_true(store_active_path(&store, path, sizeof path));
    Content *content = NULL;
    ContentReport report = {0};
    assert_int_equal(content_load(path, &report, &content), CONTENT_OK);
    int64_t version = content->pack.version;
    assert_int_equal(version, store_installed_version(&store));
    assert_int_equal(store_active_origin(&store), version == 2 ? STORE_ORIGIN_KIOSK : STORE_ORIGIN_SIGNED);
    content_unload(content);
    DIR *dir = opendir(env->state);
    assert_non_null(dir);
    for (struct dirent *entry = readdir(dir); entry; entry = readdir(dir)) {
        if (strstr(entry->d_name, "import") || strstr(entry->d_name, ".tmp") || strstr(entry->d_name, "stag")) {
            fail_msg("left in the state directory: %s", entry->d_name);
        }
    }
    closedir(dir);
    return version;
}

static void test_sigkill_during_an_import_leaves_a_pack_that_loads(void **state)
{
    Env *env = *state;
    /* The pack shown before: version 3, signed, from the stick. */
    char *pack = signed_pack_on_stick(env);
    assert_true(update_worker_start(env->worker, env->updater, env->stick));
    Content *content = NULL;
    UpdateResult result = finish_job(env->worker, &content);
    assert_int_equal(result.outcome, UPDATE_OK);
    content_unload(content);
    assert_int_equal(store_confirm((PackStore *)update_store(env->updater)), STORE_OK);
    char *edit = edit_sources(env, 2);

    static const struct {
        FaultPoint point;
        int64_t shown; /* the active version after the restart */
    } KILLS[] = {
        {FAULT_ACCEPT_BEFORE, 3},           /* built, not yet checked */
        {FAULT_SLOT_WRITTEN, 3},            /* in the slot, the pointer unchanged */
        {FAULT_POINTER_WRITTEN, 3},         /* the new pointer not yet renamed */
        {FAULT_RENAME_BEFORE_DIR_FSYNC, 2}, /* switched */
        {FAULT_AFTER_SWITCH, 2},
        {FAULT_POINT_COUNT, 0},             /* killed from outside while it builds (either) */
    };
    for (size_t i = 0; i < sizeof KILLS / sizeof KILLS[0]; i++) {
        print_message("kill at %s\n", KILLS[i].point < FAULT_POINT_COUNT ? fault_point_name(KILLS[i].point) : "the build");
        pid_t child = fork();
        assert_true(child >= 0);
        if (child == 0) {
            child_imports(env, edit, KILLS[i].point);
        }
        int status = 0;
        if (KILLS[i].point == FAULT_POINT_COUNT) {
            char *temp = fixture_path(env->state, STORE_IMPORT_NAME ".tmp");
            struct stat st;
            for (int waited = 0; waited < 20000 && lstat(temp, &st) != 0 && waitpid(child, &status, WNOHANG) == 0;
                 waited++) {
                nanosleep(&(struct timespec){.tv_nsec = 100000L}, NULL);
            }
            kill(child, SIGKILL);
            free(temp);
        }
        waitpid(child, &status, 0);
        if (KILLS[i].point < FAULT_POINT_COUNT && !(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)) {
            fail_msg("the child was not killed at %s (status %d)", fault_point_name(KILLS[i].point), status);
        }
        int64_t shown = restart_and_check(env);
        if (KILLS[i].shown) {
            assert_int_equal(shown, KILLS[i].shown);
        }
        if (shown == 2) { /* back to the signed pack for the next round */
            PackStore store;
            assert_int_equal(store_init(&store, env->state, NULL, NULL), STORE_OK);
            assert_int_equal(store_rollback(&store, "test"), STORE_OK);
            assert_int_equal(store_installed_version(&store), 3);
        }
    }
    free(edit);
    free(pack);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_update_runs_in_the_worker_and_hands_over_the_pack, setup, teardown),
        cmocka_unit_test_setup_teardown(test_destroy_cancels_a_running_update, setup, teardown),
        cmocka_unit_test_setup_teardown(test_import_builds_checks_and_installs_in_the_worker, setup, teardown),
        cmocka_unit_test_setup_teardown(test_copy_then_import_builds_from_the_workbook, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sigkill_during_an_import_leaves_a_pack_that_loads, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
