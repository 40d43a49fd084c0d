/* watch: packs found in the layouts sticks really get — the package's own
 * (stick-mount's folder under the packaged kiosk.conf mount roots, read from
 * toolchain/packaging/), desktop automount, /mnt/<label>, a root that is the
 * stick — reported once, again after re-plugging or a change; every
 * facts-kiosk folder that cannot be used is reported with its reason;
 * symlinks never followed, FIFOs never opened; absent roots harmless. */
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

enum { ROOTS_MAX = 8 };

typedef struct Env {
    char *dir;
    char root[FSIO_PATH_MAX];
    char missing_root[FSIO_PATH_MAX];
    const char *roots[2];
    Watch watch;
    /* The package's layout, below dir/system instead of /. */
    char system[FSIO_PATH_MAX];
    char packaged[ROOTS_MAX][FSIO_PATH_MAX];  /* kiosk.conf's mount_root values */
    char system_roots[ROOTS_MAX][FSIO_PATH_MAX];
    const char *system_root_list[ROOTS_MAX];
    size_t system_root_count;
    char stick_base[FSIO_PATH_MAX];           /* stick-mount's ROOT, below system */
    Watch system_watch;
    const void *param;
} Env;

static int setup(void **state)
{
    Env *env = calloc(1, sizeof *env);
    char base[FSIO_PATH_MAX] = {0};

    assert_non_null(env);
    env->param = *state;
    env->dir = fixture_temp_dir();
    fixture_path(env->root, env->dir, "media");
    fixture_path(env->missing_root, env->dir, "not-there");
    fixture_make_dirs(env->root);
    env->roots[0] = env->missing_root;
    env->roots[1] = env->root;
    watch_init(&env->watch, env->roots, 2);

    fixture_path(env->system, env->dir, "system");
    env->system_root_count = fixture_packaged_mount_roots(env->packaged, ROOTS_MAX);
    for (size_t i = 0; i < env->system_root_count; i++) {
        fixture_suffixed(env->system_roots[i], env->system, env->packaged[i]);
        fixture_make_dirs(env->system_roots[i]);
        env->system_root_list[i] = env->system_roots[i];
    }
    fixture_packaged_stick_base(base);
    fixture_suffixed(env->stick_base, env->system, base);
    watch_init(&env->system_watch, env->system_root_list, env->system_root_count);
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

/* Makes <base>/<sub>/facts-kiosk/content.db (+ .minisig); sub may be "". */
static void make_stick_in(const char *base, const char *sub, char *pack_dir)
{
    char stick[FSIO_PATH_MAX] = {0};
    char path[FSIO_PATH_MAX] = {0};

    if (sub[0] != '\0') {
        fixture_path(stick, base, sub);
    } else {
        strcpy(stick, base);
    }
    fixture_path(pack_dir, stick, WATCH_DIR_NAME);
    fixture_make_dirs(pack_dir);
    fixture_path(path, pack_dir, WATCH_PACK_NAME);
    fixture_write_pack(path, 1, 100);
    fixture_path(path, pack_dir, WATCH_SIG_NAME);
    fixture_write_file(path, "sig", 3);
}

static void make_stick(const Env *env, const char *sub, char *pack_dir)
{
    make_stick_in(env->root, sub, pack_dir);
}

/* The system root that kiosk.conf configures as packaged_root; fails if it does not. */
static const char *system_root(const Env *env, const char *packaged_root)
{
    for (size_t i = 0; i < env->system_root_count; i++) {
        if (strcmp(env->packaged[i], packaged_root) == 0) {
            return env->system_roots[i];
        }
    }
    fail_msg("the packaged kiosk.conf has no mount_root = %s", packaged_root);
    return NULL;
}

static void expect_usable(Watch *watch, const char *pack_dir)
{
    WatchFound found = {0};
    char expected[FSIO_PATH_MAX] = {0};

    assert_true(watch_poll(watch, &found));
    assert_string_equal(found.dir, pack_dir);
    assert_string_equal(watch_reason_name(found.reason), watch_reason_name(WATCH_USABLE));
    fixture_path(expected, pack_dir, WATCH_PACK_NAME);
    assert_string_equal(found.pack_path, expected);
    fixture_path(expected, pack_dir, WATCH_SIG_NAME);
    assert_string_equal(found.sig_path, expected);
    /* Once per appearance. */
    assert_false(watch_poll(watch, &found));
    assert_false(watch_poll(watch, &found));
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

/* ---- the layouts sticks get ---- */

/* stick-mount puts sticks at <ROOT>/<label> (ROOT=/run/media/facts-kiosk) and
 * kiosk.conf lists the roots searched: the kiosk must find them there. */
static void test_package_layout(void **state)
{
    Env *env = *state;
    WatchFound found = {0};
    char pack_dir[FSIO_PATH_MAX] = {0};
    char second[FSIO_PATH_MAX] = {0};

    /* stick-mount's own folder, left empty after an unplug, is no pack folder: no word. */
    fixture_make_dirs(env->stick_base);
    assert_false(watch_poll(&env->system_watch, &found));
    make_stick_in(env->stick_base, "KIOSK_STICK", pack_dir);
    expect_usable(&env->system_watch, pack_dir);
    /* A second stick of the same label gets <label>-<device>. */
    make_stick_in(env->stick_base, "KIOSK_STICK-sdb1", second);
    expect_usable(&env->system_watch, second);
}

typedef struct Layout {
    const char *root;  /* as kiosk.conf configures it */
    const char *sub;   /* where the stick's root is below it */
} Layout;

static const Layout LAYOUTS[] = {
    {"/media", "visitor/STICK"},     /* udisks2 on a Debian desktop: /media/<user>/<label> */
    {"/media", "STICK"},             /* usbmount and friends: /media/<label> */
    {"/mnt", "STICK"},               /* mounted by hand */
    {"/mnt", ""},                    /* mount /dev/sdb1 /mnt: the root is the stick */
    {"/run/media", "visitor/STICK"}, /* udisks2 elsewhere: /run/media/<user>/<label> */
};

static void test_desktop_layouts(void **state)
{
    for (size_t i = 0; i < sizeof LAYOUTS / sizeof LAYOUTS[0]; i++) {
        Env *env = *state;
        char pack_dir[FSIO_PATH_MAX] = {0};
        const char *root = system_root(env, LAYOUTS[i].root);

        print_message("layout %s/%s\n", LAYOUTS[i].root, LAYOUTS[i].sub);
        make_stick_in(root, LAYOUTS[i].sub, pack_dir);
        expect_usable(&env->system_watch, pack_dir);
        fixture_remove_tree(env->system);
        for (size_t r = 0; r < env->system_root_count; r++) {
            fixture_make_dirs(env->system_roots[r]);
        }
    }
}

static void test_found_at_each_depth_once(void **state)
{
    const char *subs[] = {"", "stick", "user/stick", "facts-kiosk/stick"};
    for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++) {
        Env *env = *state;
        char pack_dir[FSIO_PATH_MAX] = {0};

        fixture_remove_tree(env->root);
        fixture_make_dirs(env->root);
        watch_forget(&env->watch);
        make_stick(env, subs[i], pack_dir);
        expect_usable(&env->watch, pack_dir);
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

/* ---- folders seen but not used: each gets its reason, once ---- */

typedef struct Ignored {
    const char *name;
    void (*spoil)(const Env *env, const char *pack_dir);  /* pack_dir holds a good pack before */
    WatchReason reason;
    bool silent_at_root;  /* directly under a root it is a folder of sticks (/run/media/facts-kiosk) */
} Ignored;

/* Removes pack_dir/name, leaving its path in out. */
static void remove_in(char *out, const char *pack_dir, const char *name)
{
    fixture_path(out, pack_dir, name);
    assert_int_equal(unlink(out), 0);
}

/* The real folder moves to env->dir/elsewhere; pack_dir becomes a link to it. */
static void dir_symlink(const Env *env, const char *pack_dir)
{
    char elsewhere[FSIO_PATH_MAX] = {0};
    fixture_path(elsewhere, env->dir, "elsewhere");
    assert_int_equal(rename(pack_dir, elsewhere), 0);
    assert_int_equal(symlink(elsewhere, pack_dir), 0);
}

static void dir_is_file(const Env *env, const char *pack_dir)
{
    (void)env;
    fixture_remove_tree(pack_dir);
    fixture_write_file(pack_dir, "x", 1);
}

static void dir_is_fifo(const Env *env, const char *pack_dir)
{
    (void)env;
    fixture_remove_tree(pack_dir);
    assert_int_equal(mkfifo(pack_dir, 0600), 0);
}

static void folder_empty(const Env *env, const char *pack_dir)
{
    char path[FSIO_PATH_MAX] = {0};
    (void)env;
    remove_in(path, pack_dir, WATCH_PACK_NAME);
    remove_in(path, pack_dir, WATCH_SIG_NAME);
}

static void pack_removed(const Env *env, const char *pack_dir)
{
    char path[FSIO_PATH_MAX] = {0};
    (void)env;
    remove_in(path, pack_dir, WATCH_PACK_NAME);
}

static void pack_symlink(const Env *env, const char *pack_dir)
{
    char path[FSIO_PATH_MAX] = {0};
    char real[FSIO_PATH_MAX] = {0};
    fixture_path(path, pack_dir, WATCH_PACK_NAME);
    fixture_path(real, env->dir, "real.db");
    assert_int_equal(rename(path, real), 0);
    assert_int_equal(symlink(real, path), 0);
}

static void pack_fifo(const Env *env, const char *pack_dir)
{
    char path[FSIO_PATH_MAX] = {0};
    (void)env;
    remove_in(path, pack_dir, WATCH_PACK_NAME);
    assert_int_equal(mkfifo(path, 0600), 0);
}

static void pack_folder(const Env *env, const char *pack_dir)
{
    char path[FSIO_PATH_MAX] = {0};
    (void)env;
    remove_in(path, pack_dir, WATCH_PACK_NAME);
    assert_int_equal(mkdir(path, 0700), 0);
}

static void sig_removed(const Env *env, const char *pack_dir)
{
    char path[FSIO_PATH_MAX] = {0};
    (void)env;
    remove_in(path, pack_dir, WATCH_SIG_NAME);
}

static void sig_symlink(const Env *env, const char *pack_dir)
{
    char path[FSIO_PATH_MAX] = {0};
    char real[FSIO_PATH_MAX] = {0};
    fixture_path(path, pack_dir, WATCH_SIG_NAME);
    fixture_path(real, env->dir, "real.minisig");
    assert_int_equal(rename(path, real), 0);
    assert_int_equal(symlink(real, path), 0);
}

static void sig_fifo(const Env *env, const char *pack_dir)
{
    char path[FSIO_PATH_MAX] = {0};
    (void)env;
    remove_in(path, pack_dir, WATCH_SIG_NAME);
    assert_int_equal(mkfifo(path, 0600), 0);
}

static const Ignored IGNORED[] = {
    {"facts-kiosk is a symlink", dir_symlink, WATCH_DIR_SYMLINK, false},
    {"facts-kiosk is a file", dir_is_file, WATCH_DIR_NOT_FOLDER, false},
    {"facts-kiosk is a FIFO", dir_is_fifo, WATCH_DIR_NOT_FOLDER, false},
    {"empty facts-kiosk folder", folder_empty, WATCH_PACK_MISSING, true},
    {"signature but no content.db", pack_removed, WATCH_PACK_MISSING, false},
    {"content.db is a symlink", pack_symlink, WATCH_PACK_SYMLINK, false},
    {"content.db is a FIFO", pack_fifo, WATCH_PACK_NOT_REGULAR, false},
    {"content.db is a folder", pack_folder, WATCH_PACK_NOT_REGULAR, false},
    {"no content.db.minisig", sig_removed, WATCH_SIG_MISSING, false},
    {"content.db.minisig is a symlink", sig_symlink, WATCH_SIG_SYMLINK, false},
    {"content.db.minisig is a FIFO", sig_fifo, WATCH_SIG_NOT_REGULAR, false},
};

/* Each case on a stick in the package's layout, and on a stick that is the root. */
static void test_ignored_folder_has_reason(void **state)
{
    Env *env = *state;
    const Ignored *row = env->param;
    const char *bases[] = {env->stick_base, system_root(env, "/mnt")};

    for (size_t i = 0; i < sizeof bases / sizeof bases[0]; i++) {
        WatchFound found = {0};
        char pack_dir[FSIO_PATH_MAX] = {0};
        char elsewhere[FSIO_PATH_MAX] = {0};

        print_message("%s (%s)\n", row->name, i == 0 ? "package layout" : "root is the stick");
        make_stick_in(bases[i], i == 0 ? "STICK" : "", pack_dir);
        row->spoil(env, pack_dir);
        if (i == 1 && row->silent_at_root) {
            assert_false(watch_poll(&env->system_watch, &found));
            continue;
        }
        assert_true(watch_poll(&env->system_watch, &found));
        assert_string_equal(watch_reason_name(found.reason), watch_reason_name(row->reason));
        assert_string_equal(found.dir, pack_dir);
        /* Said once per appearance, not on every poll. */
        assert_false(watch_poll(&env->system_watch, &found));
        /* Gone: forgotten. */
        fixture_remove_tree(pack_dir);
        (void)unlink(pack_dir);
        fixture_path(elsewhere, env->dir, "elsewhere");
        fixture_remove_tree(elsewhere);
        assert_false(watch_poll(&env->system_watch, &found));
    }
}

static void test_reason_names_distinct(void **state)
{
    (void)state;
    for (int r = 0; r < WATCH_REASON_COUNT; r++) {
        assert_string_not_equal(watch_reason_name((WatchReason)r), "unknown");
        for (int other = 0; other < r; other++) {
            assert_string_not_equal(watch_reason_name((WatchReason)r), watch_reason_name((WatchReason)other));
        }
    }
    assert_string_equal(watch_reason_name(WATCH_REASON_COUNT), "unknown");
}

/* A stick folder (not named facts-kiosk) that is a link is not followed, so
 * the pack behind it is never seen; a FIFO among the sticks is not opened. */
static void test_links_and_fifos_not_followed(void **state)
{
    Env *env = *state;
    WatchFound found = {0};
    char elsewhere[FSIO_PATH_MAX] = {0};
    char pack_dir[FSIO_PATH_MAX] = {0};
    char path[FSIO_PATH_MAX] = {0};

    fixture_path(elsewhere, env->dir, "elsewhere");
    make_stick_in(elsewhere, "", pack_dir);
    fixture_make_dirs(env->stick_base);
    fixture_path(path, env->stick_base, "linked-stick");
    assert_int_equal(symlink(elsewhere, path), 0);
    fixture_path(path, system_root(env, "/media"), "linked-stick");
    assert_int_equal(symlink(elsewhere, path), 0);
    fixture_path(path, env->stick_base, "fifo-stick");
    assert_int_equal(mkfifo(path, 0600), 0);
    fixture_path(path, system_root(env, "/mnt"), "fifo-stick");
    assert_int_equal(mkfifo(path, 0600), 0);
    assert_false(watch_poll(&env->system_watch, &found));
}

#define IGNORED_TEST(i) \
    cmocka_unit_test_prestate_setup_teardown(test_ignored_folder_has_reason, setup, teardown, (void *)&IGNORED[i])

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_nothing_present, setup, teardown),
        cmocka_unit_test_setup_teardown(test_package_layout, setup, teardown),
        cmocka_unit_test_setup_teardown(test_desktop_layouts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_found_at_each_depth_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_too_deep_ignored, setup, teardown),
        cmocka_unit_test_setup_teardown(test_replug_and_change_are_new, setup, teardown),
        cmocka_unit_test_setup_teardown(test_two_sticks_reported_in_turn, setup, teardown),
        IGNORED_TEST(0), IGNORED_TEST(1), IGNORED_TEST(2), IGNORED_TEST(3),
        IGNORED_TEST(4), IGNORED_TEST(5), IGNORED_TEST(6), IGNORED_TEST(7),
        IGNORED_TEST(8), IGNORED_TEST(9), IGNORED_TEST(10),
        cmocka_unit_test(test_reason_names_distinct),
        cmocka_unit_test_setup_teardown(test_links_and_fifos_not_followed, setup, teardown),
    };
    _Static_assert(sizeof IGNORED / sizeof IGNORED[0] == 11, "one IGNORED_TEST per row");
    return cmocka_run_group_tests(tests, NULL, NULL);
}
