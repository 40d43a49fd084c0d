/* durable writes: replacing a file whole (FsioReplace, fsio_write_atomic), appending a
 * record (fsio_append) and a durable rename — the new contents or the old, never half;
 * nothing left behind when a step fails; never through a symlink. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "update/fixture.h"
#include "durable/fsio.h"

/* Each test gets a fresh folder holding "file" ("old"); the Env is the folder's name
 * followed by the file's path, one allocation. */
typedef struct Env {
    char file[FSIO_PATH_MAX];
    char dir[];
} Env;

static int setup(void **state)
{
    char *dir = fixture_temp_dir();
    Env *env = calloc(1, sizeof *env + strlen(dir) + 1);
    assert_non_null(env);
    memcpy(env->dir, dir, strlen(dir) + 1);
    free(dir);
    fixture_path(env->file, env->dir, "file");
    fixture_write_file(env->file, "old", 3);
    *state = env;
    return 0;
}

static int teardown(void **state)
{
    fixture_remove_tree(((Env *)*state)->dir);
    free(*state);
    return 0;
}

static void assert_contents(const char *path, const char *expected)
{
    size_t len = 0;
    char *data = fixture_read_file(path, &len);
    assert_non_null(data);
    assert_int_equal(len, strlen(expected));
    assert_memory_equal(data, expected, len);
    free(data);
}

static bool exists(const char *path)
{
    struct stat st = {0};
    return lstat(path, &st) == 0;
}

static void test_replace_commit_and_abort(void **state)
{
    Env *env = *state;
    char temp[FSIO_PATH_MAX] = {0};
    FsioReplace r = {.fd = -1};
    struct stat st = {0};

    fixture_path(temp, env->dir, "file.tmp");
    assert_int_equal(fsio_replace_begin(&r, env->file, NULL, 0600), 0);
    assert_string_equal(r.temp, temp);
    assert_int_equal(fsio_write_all(r.fd, "new contents", 12), 0);
    assert_contents(env->file, "old"); /* untouched until the rename */
    assert_int_equal(fsio_replace_commit(&r, NULL, FAULT_POINT_COUNT, true), 0);
    assert_int_equal(r.fd, -1);
    assert_contents(env->file, "new contents");
    assert_false(exists(temp));
    assert_int_equal(stat(env->file, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);

    assert_int_equal(fsio_replace_begin(&r, env->file, NULL, 0600), 0);
    assert_int_equal(fsio_write_all(r.fd, "discarded", 9), 0);
    fsio_replace_abort(&r);
    fsio_replace_abort(&r); /* twice: a no-op */
    assert_contents(env->file, "new contents");
    assert_false(exists(temp));
    assert_int_equal(fsio_replace_commit(&r, NULL, FAULT_POINT_COUNT, true), EBADF);
}

static void test_replace_named_temp_and_leftover(void **state)
{
    Env *env = *state;
    char temp[FSIO_PATH_MAX] = {0};
    FsioReplace r = {.fd = -1};

    /* A leftover of a crash under the temp name is replaced, not appended to. */
    fixture_path(temp, env->dir, "file.part");
    fixture_write_file(temp, "leftover", 8);
    assert_int_equal(fsio_replace_begin(&r, env->file, temp, 0600), 0);
    assert_int_equal(fsio_write_all(r.fd, "x", 1), 0);
    assert_int_equal(fsio_replace_commit(&r, NULL, FAULT_POINT_COUNT, false), 0);
    assert_contents(env->file, "x");
    assert_false(exists(temp));
}

static int fail_before_rename(void *ctx, FaultPoint point)
{
    int *asked = ctx;
    (*asked)++;
    return point == FAULT_POINTER_WRITTEN ? EIO : 0;
}

static void test_fault_before_rename_keeps_the_old_file(void **state)
{
    Env *env = *state;
    char temp[FSIO_PATH_MAX] = {0};
    int asked = 0;
    FaultHook hook = {fail_before_rename, &asked};

    fixture_path(temp, env->dir, "file.tmp");
    assert_int_equal(fsio_write_atomic(env->dir, "file", "new", 3, FSIO_OWNER_KEEP, FSIO_GROUP_KEEP, &hook,
                                       FAULT_POINTER_WRITTEN), EIO);
    assert_int_equal(asked, 1);
    assert_contents(env->file, "old");
    assert_false(exists(temp));
    assert_int_equal(fsio_write_atomic(env->dir, "file", "new", 3, FSIO_OWNER_KEEP, FSIO_GROUP_KEEP, &hook,
                                       FAULT_SLOT_WRITTEN), 0);
    assert_contents(env->file, "new");
}

static void test_replace_fails_where_nothing_can_be_written(void **state)
{
    Env *env = *state;
    char path[FSIO_PATH_MAX] = {0};
    char long_name[FSIO_PATH_MAX + 8];
    FsioReplace r = {.fd = -1};

    /* A folder that is a file, and one that is not there. */
    fixture_path(path, env->file, "child");
    assert_int_equal(fsio_replace_begin(&r, path, NULL, 0600), ENOTDIR);
    assert_int_equal(r.fd, -1);
    fsio_replace_abort(&r);
    fixture_path(path, env->dir, "missing/child");
    assert_int_equal(fsio_replace_begin(&r, path, NULL, 0600), ENOENT);
    memset(long_name, 'a', sizeof long_name - 1);
    long_name[sizeof long_name - 1] = '\0';
    assert_int_equal(fsio_replace_begin(&r, long_name, NULL, 0600), ENAMETOOLONG);
    assert_int_equal(fsio_write_atomic(env->dir, "missing/child", "x", 1, FSIO_OWNER_KEEP, FSIO_GROUP_KEEP, NULL,
                                       FAULT_POINT_COUNT), ENOENT);

    /* A folder this user may not write (root may write anywhere: skipped). */
    if (geteuid() == 0) {
        return;
    }
    fixture_path(path, env->dir, "read-only");
    fixture_make_dirs(path);
    assert_int_equal(chmod(path, 0500), 0);
    assert_int_equal(fsio_write_atomic(path, "file", "x", 1, FSIO_OWNER_KEEP, FSIO_GROUP_KEEP, NULL, FAULT_POINT_COUNT),
                     EACCES);
    assert_int_equal(fsio_append(path, "file", "x", 1, 0600), EACCES);
}

static void test_replace_never_through_a_link(void **state)
{
    Env *env = *state;
    char temp[FSIO_PATH_MAX] = {0};
    char target[FSIO_PATH_MAX] = {0};
    FsioReplace r = {.fd = -1};

    /* A symlink planted under the temp name is removed, not written through. */
    fixture_path(temp, env->dir, "file.tmp");
    fixture_path(target, env->dir, "target");
    fixture_write_file(target, "target", 6);
    assert_int_equal(symlink("target", temp), 0);
    assert_int_equal(fsio_replace_begin(&r, env->file, NULL, 0600), 0);
    assert_int_equal(fsio_write_all(r.fd, "new", 3), 0);
    assert_int_equal(fsio_replace_commit(&r, NULL, FAULT_POINT_COUNT, true), 0);
    assert_contents(target, "target");
    assert_contents(env->file, "new");
}

static void test_append(void **state)
{
    Env *env = *state;
    char path[FSIO_PATH_MAX] = {0};
    struct stat st = {0};

    fixture_path(path, env->dir, "records");
    assert_int_equal(fsio_append(env->dir, "records", "one,", 4, 0600), 0);
    assert_int_equal(fsio_append(env->dir, "records", "two", 3, 0600), 0);
    assert_contents(path, "one,two");
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);

    /* Never through a symlink, never into a folder; no folder, no file. */
    fixture_path(path, env->dir, "records-link");
    assert_int_equal(symlink("records", path), 0);
    assert_int_equal(fsio_append(env->dir, "records-link", "x", 1, 0600), ELOOP);
    assert_int_equal(fsio_append(env->dir, ".", "x", 1, 0600), EISDIR);
    fixture_path(path, env->dir, "missing");
    assert_int_equal(fsio_append(path, "records", "x", 1, 0600), ENOENT);
    fixture_path(path, env->dir, "records");
    assert_contents(path, "one,two");
}

static void test_rename_durable_and_sync_parent(void **state)
{
    Env *env = *state;
    char to[FSIO_PATH_MAX] = {0};
    char folder[FSIO_PATH_MAX] = {0};

    fixture_path(to, env->dir, "moved");
    assert_int_equal(fsio_rename_durable(env->file, to), 0);
    assert_contents(to, "old");
    assert_false(exists(env->file));
    assert_int_equal(fsio_rename_durable(env->file, to), ENOENT);
    assert_contents(to, "old");

    /* A folder too. */
    fixture_path(folder, env->dir, "folder");
    fixture_make_dirs(folder);
    fixture_path(to, env->dir, "folder-moved");
    assert_int_equal(fsio_rename_durable(folder, to), 0);
    assert_true(exists(to));

    assert_int_equal(fsio_sync_parent(to), 0);
    assert_int_equal(fsio_sync_parent("bare-name"), 0); /* the current folder */
    assert_int_equal(fsio_sync_parent("/etc"), 0);      /* the root */
    fixture_path(to, env->dir, "missing/child");
    assert_int_equal(fsio_sync_parent(to), ENOENT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_replace_commit_and_abort, setup, teardown),
        cmocka_unit_test_setup_teardown(test_replace_named_temp_and_leftover, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fault_before_rename_keeps_the_old_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_replace_fails_where_nothing_can_be_written, setup, teardown),
        cmocka_unit_test_setup_teardown(test_replace_never_through_a_link, setup, teardown),
        cmocka_unit_test_setup_teardown(test_append, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rename_durable_and_sync_parent, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
