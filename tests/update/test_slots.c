/* slots: install into the inactive slot, atomic pointer, version record,
 * confirm/pending, manual and automatic rollback, recovery of leftovers and
 * of a damaged pointer. */
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
#include <unistd.h>

#include "update/fixture.h"
#include "update/slots.h"
#include "update/stage.h"

typedef struct Env {
    char *dir;
    char state[FSIO_PATH_MAX];
    Slots slots;
} Env;

static int setup(void **state)
{
    Env *env = calloc(1, sizeof *env);
    assert_non_null(env);
    env->dir = fixture_temp_dir();
    fixture_path(env->state, env->dir, "state");
    assert_int_equal(slots_open(&env->slots, env->state, NULL), SLOTS_OK);
    *state = env;
    return 0;
}

static int teardown(void **state)
{
    Env *env = *state;
    fixture_remove_tree(env->dir);
    free(env->dir);
    free(env);
    return 0;
}

/* Stages a test pack of this version as the pipeline would and installs it. */
static void install(Env *env, int64_t version)
{
    char staged[FSIO_PATH_MAX] = {0};
    fixture_path(staged, env->state, STAGE_FILE_NAME);
    fixture_write_pack(staged, version, 4096);
    assert_int_equal(slots_install(&env->slots, staged, version), SLOTS_OK);
    assert_int_equal(access(staged, F_OK), -1);
}

static int64_t active_version_on_disk(const Env *env)
{
    char path[FSIO_PATH_MAX] = {0};
    if (!slots_active_path(&env->slots, path, sizeof path)) {
        return 0;
    }
    return fixture_pack_version(path);
}

static void reopen(Env *env)
{
    assert_int_equal(slots_open(&env->slots, env->state, NULL), SLOTS_OK);
    slots_recover(&env->slots);
}

static void test_fresh_state_dir(void **state)
{
    Env *env = *state;
    char path[FSIO_PATH_MAX] = {0};
    struct stat st = {0};

    assert_int_equal(stat(env->state, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0700);
    assert_false(slots_active_path(&env->slots, path, sizeof path));
    assert_int_equal(slots_installed_version(&env->slots), 0);
    assert_false(slots_pending(&env->slots));
    assert_int_equal(slots_rollback(&env->slots), SLOTS_ERR_NOTHING);
}

static void test_install_switch_and_confirm(void **state)
{
    Env *env = *state;
    char path[FSIO_PATH_MAX] = {0};
    struct stat st = {0};

    install(env, 5);
    assert_int_equal(env->slots.state.active, SLOT_A);
    assert_true(slots_pending(&env->slots));
    assert_int_equal(active_version_on_disk(env), 5);
    assert_true(slots_active_path(&env->slots, path, sizeof path));
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0444);
    assert_int_equal(slots_confirm(&env->slots), SLOTS_OK);
    reopen(env);
    assert_false(slots_pending(&env->slots));
    assert_int_equal(slots_installed_version(&env->slots), 5);

    install(env, 6);
    assert_int_equal(env->slots.state.active, SLOT_B);
    assert_int_equal(env->slots.state.previous, SLOT_A);
    assert_int_equal(env->slots.state.previous_version, 5);
    install(env, 7);  /* overwrites slot a, keeps 6 for rollback */
    assert_int_equal(env->slots.state.active, SLOT_A);
    assert_int_equal(env->slots.state.previous, SLOT_B);
    assert_int_equal(env->slots.state.previous_version, 6);
    assert_int_equal(active_version_on_disk(env), 7);
    reopen(env);
    assert_int_equal(slots_installed_version(&env->slots), 7);
    assert_true(fixture_state_dir_clean(env->state, NULL, 0));
}

static void test_manual_rollback_then_bundled(void **state)
{
    Env *env = *state;
    char path[FSIO_PATH_MAX] = {0};

    install(env, 1);
    assert_int_equal(slots_confirm(&env->slots), SLOTS_OK);
    install(env, 2);
    assert_int_equal(slots_rollback(&env->slots), SLOTS_OK);
    assert_int_equal(slots_installed_version(&env->slots), 1);
    assert_int_equal(active_version_on_disk(env), 1);
    assert_int_equal(env->slots.state.rolled_back_version, 2);
    assert_false(slots_pending(&env->slots));
    assert_true(fixture_state_dir_clean(env->state, NULL, 0));
    reopen(env);
    assert_int_equal(slots_installed_version(&env->slots), 1);
    /* No previous any more: the bundled pack is the last resort. */
    assert_int_equal(slots_rollback(&env->slots), SLOTS_OK);
    assert_false(slots_active_path(&env->slots, path, sizeof path));
    assert_int_equal(env->slots.state.rolled_back_version, 1);
    assert_true(fixture_state_dir_clean(env->state, NULL, 0));
}

static void test_automatic_rollback_of_pending_pack(void **state)
{
    Env *env = *state;

    install(env, 1);
    assert_int_equal(slots_confirm(&env->slots), SLOTS_OK);
    assert_false(slots_load_failed(&env->slots));  /* confirmed: left alone */
    assert_int_equal(slots_installed_version(&env->slots), 1);
    install(env, 2);
    reopen(env);  /* restart before the app could confirm */
    assert_true(slots_pending(&env->slots));
    assert_true(slots_load_failed(&env->slots));
    assert_int_equal(slots_installed_version(&env->slots), 1);
    assert_int_equal(active_version_on_disk(env), 1);
}

static void test_recover_cleans_leftovers(void **state)
{
    Env *env = *state;
    const char *junk[] = {"current.tmp", "slot-a.db-journal", "slot-b.db-wal", "slot-b.db"};
    char path[FSIO_PATH_MAX] = {0};

    install(env, 3);
    for (size_t i = 0; i < sizeof junk / sizeof junk[0]; i++) {
        fixture_path(path, env->state, junk[i]);
        fixture_write_file(path, "x", 1);
    }
    reopen(env);
    assert_true(fixture_state_dir_clean(env->state, NULL, 0));
    assert_int_equal(active_version_on_disk(env), 3);
}

static void test_damaged_pointer_means_bundled(void **state)
{
    Env *env = *state;
    char path[FSIO_PATH_MAX] = {0};
    const char *bad[] = {"", "garbage\n", "facts-kiosk-slots 1\nactive=c\n",
                         "facts-kiosk-slots 1\nactive=a\nprevious=a\n", "facts-kiosk-slots 1\nactive_version=-4\n"};

    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        install(env, (int64_t)i + 1);
        fixture_path(path, env->state, SLOTS_POINTER_NAME);
        fixture_write_file(path, bad[i], strlen(bad[i]));
        reopen(env);
        assert_false(slots_active_path(&env->slots, path, sizeof path));
        assert_true(fixture_state_dir_clean(env->state, NULL, 0));
    }
}

static void test_missing_active_file_falls_back(void **state)
{
    Env *env = *state;
    char path[FSIO_PATH_MAX] = {0};

    install(env, 1);
    install(env, 2);
    assert_true(slots_active_path(&env->slots, path, sizeof path));
    assert_int_equal(chmod(path, 0644), 0);
    assert_int_equal(unlink(path), 0);
    reopen(env);
    assert_int_equal(slots_installed_version(&env->slots), 1);
    assert_int_equal(active_version_on_disk(env), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_fresh_state_dir, setup, teardown),
        cmocka_unit_test_setup_teardown(test_install_switch_and_confirm, setup, teardown),
        cmocka_unit_test_setup_teardown(test_manual_rollback_then_bundled, setup, teardown),
        cmocka_unit_test_setup_teardown(test_automatic_rollback_of_pending_pack, setup, teardown),
        cmocka_unit_test_setup_teardown(test_recover_cleans_leftovers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_damaged_pointer_means_bundled, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_active_file_falls_back, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
