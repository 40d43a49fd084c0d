/* watch: packs found at the fixed path up to two levels below a mount root,
 * reported once, again after re-plugging or a change; symlinks and junk
 * ignored; absent roots harmless. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "update/fixture.h"
#include "update/watch.h"

typedef struct Env {
    char *dir;
    char root[FSIO_PATH_MAX];
    char missing_root[FSIO_PATH_MAX];
    const char *roots[2];
    Watch watch;
} Env;

static int setup(void **state)
{
    Env *env = calloc(1, sizeof *env);
    assert_non_null(env);
    env->dir = fixture_temp_dir();
    fixture_path(env->root, env->dir, "media");
    fixture_path(env->missing_root, env->dir, "not-there");
    fixture_make_dirs(env->root);
    env->roots[0] = env->missing_root;
    env->roots[1] = env->root;
    watch_init(&env->watch, env->roots, 2);
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

/* Makes <root>/<sub>/facts-kiosk/content.db (+ .minisig); sub may be "". */
static void make_stick(const Env *env, const char *sub, char *pack_dir)
{
    char base[FSIO_PATH_MAX] = {0};
    char path[FSIO_PATH_MAX] = {0};

    if (sub[0] != '\0') {
        fixture_path(base, env->root, sub);
    } else {
        strcpy(base, env->root);
    }
    fixture_path(pack_dir, base, WATCH_DIR_NAME);
    fixture_make_dirs(pack_dir);
    fixture_path(path, pack_dir, WATCH_PACK_NAME);
    fixture_write_pack(path, 1, 100);
    fixture_path(path, pack_dir, WATCH_SIG_NAME);
    fixture_write_file(path, "sig", 3);
}

static void test_nothing_present(void **state)
{
    Env *env = *state;
    WatchFound found = {0};
    size_t count = 0;

    assert_false(watch_poll(&env->watch, &found));
    assert_non_null(watch_default_roots(&count));
    assert_int_equal(count, 3);
}

static void test_found_at_each_depth_once(void **state)
{
    const char *subs[] = {"", "stick", "user/stick"};
    for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++) {
        Env *env = *state;
        WatchFound found = {0};
        char pack_dir[FSIO_PATH_MAX] = {0};
        char expected[FSIO_PATH_MAX] = {0};

        fixture_remove_tree(env->root);
        fixture_make_dirs(env->root);
        watch_forget(&env->watch);
        make_stick(env, subs[i], pack_dir);
        assert_true(watch_poll(&env->watch, &found));
        assert_string_equal(found.dir, pack_dir);
        fixture_path(expected, pack_dir, WATCH_PACK_NAME);
        assert_string_equal(found.pack_path, expected);
        fixture_path(expected, pack_dir, WATCH_SIG_NAME);
        assert_string_equal(found.sig_path, expected);
        assert_false(watch_poll(&env->watch, &found));
        assert_false(watch_poll(&env->watch, &found));
    }
}

static void test_too_deep_ignored(void **state)
{
    Env *env = *state;
    WatchFound found = {0};
    char pack_dir[FSIO_PATH_MAX] = {0};

    make_stick(env, "a/b/c", pack_dir);
    assert_false(watch_poll(&env->watch, &found));
}

static void test_replug_and_change_are_new(void **state)
{
    Env *env = *state;
    WatchFound found = {0};
    char pack_dir[FSIO_PATH_MAX] = {0};
    char path[FSIO_PATH_MAX] = {0};
    char stick[FSIO_PATH_MAX] = {0};
    struct timespec times[2] = {{0, 0}, {1000000, 0}};

    make_stick(env, "stick", pack_dir);
    assert_true(watch_poll(&env->watch, &found));
    assert_false(watch_poll(&env->watch, &found));
    /* A changed pack (new mtime) is new. */
    fixture_path(path, pack_dir, WATCH_PACK_NAME);
    assert_int_equal(utimensat(AT_FDCWD, path, times, 0), 0);
    assert_true(watch_poll(&env->watch, &found));
    assert_false(watch_poll(&env->watch, &found));
    /* Unplugged, then plugged again. */
    fixture_path(stick, env->root, "stick");
    fixture_remove_tree(stick);
    assert_false(watch_poll(&env->watch, &found));
    make_stick(env, "stick", pack_dir);
    assert_true(watch_poll(&env->watch, &found));
}

static void test_two_sticks_reported_in_turn(void **state)
{
    Env *env = *state;
    WatchFound first = {0};
    WatchFound second = {0};
    char dir_a[FSIO_PATH_MAX] = {0};
    char dir_b[FSIO_PATH_MAX] = {0};

    make_stick(env, "one", dir_a);
    make_stick(env, "two", dir_b);
    assert_true(watch_poll(&env->watch, &first));
    assert_true(watch_poll(&env->watch, &second));
    assert_string_not_equal(first.dir, second.dir);
    assert_false(watch_poll(&env->watch, &first));
}

static void test_symlinks_and_junk_ignored(void **state)
{
    Env *env = *state;
    WatchFound found = {0};
    char elsewhere[FSIO_PATH_MAX] = {0};
    char pack_dir[FSIO_PATH_MAX] = {0};
    char path[FSIO_PATH_MAX] = {0};
    char real[FSIO_PATH_MAX] = {0};

    /* A stick directory that is a symlink to a real pack folder elsewhere. */
    fixture_path(elsewhere, env->dir, "elsewhere");
    fixture_make_dirs(elsewhere);
    fixture_path(path, elsewhere, WATCH_DIR_NAME);
    fixture_make_dirs(path);
    fixture_path(real, path, WATCH_PACK_NAME);
    fixture_write_pack(real, 1, 10);
    fixture_path(path, env->root, "linked-stick");
    assert_int_equal(symlink(elsewhere, path), 0);
    /* A facts-kiosk folder whose content.db is a symlink; one with nothing. */
    fixture_path(pack_dir, env->root, "stick/" WATCH_DIR_NAME);
    fixture_make_dirs(pack_dir);
    fixture_path(path, pack_dir, WATCH_PACK_NAME);
    assert_int_equal(symlink(real, path), 0);
    fixture_path(path, env->root, "empty/" WATCH_DIR_NAME);
    fixture_make_dirs(path);
    assert_false(watch_poll(&env->watch, &found));
    assert_false(watch_poll(&env->watch, &found));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_nothing_present, setup, teardown),
        cmocka_unit_test_setup_teardown(test_found_at_each_depth_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_too_deep_ignored, setup, teardown),
        cmocka_unit_test_setup_teardown(test_replug_and_change_are_new, setup, teardown),
        cmocka_unit_test_setup_teardown(test_two_sticks_reported_in_turn, setup, teardown),
        cmocka_unit_test_setup_teardown(test_symlinks_and_junk_ignored, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
