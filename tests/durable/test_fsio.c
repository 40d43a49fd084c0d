/* fsio: the one way update/ opens a file on a stick or in the state
 * directory — a regular file only, never through a symlink, never opening a
 * FIFO or device — and a folder without following a link; the write loop. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "update/fixture.h"
#include "durable/fsio.h"

typedef struct Env {
    char *dir;
    int dir_fd;
} Env;

static int setup(void **state)
{
    Env *env = calloc(1, sizeof *env);
    char path[FSIO_PATH_MAX] = {0};

    assert_non_null(env);
    env->dir = fixture_temp_dir();
    fixture_path(path, env->dir, "file");
    fixture_write_file(path, "hello", 5);
    fixture_path(path, env->dir, "folder");
    fixture_make_dirs(path);
    fixture_path(path, env->dir, "fifo");
    assert_int_equal(mkfifo(path, 0600), 0);
    fixture_path(path, env->dir, "file-link");
    assert_int_equal(symlink("file", path), 0);
    fixture_path(path, env->dir, "folder-link");
    assert_int_equal(symlink("folder", path), 0);
    fixture_path(path, env->dir, "dangling");
    assert_int_equal(symlink("created-through-link", path), 0);
    env->dir_fd = fsio_open_dir(AT_FDCWD, env->dir);
    assert_true(env->dir_fd >= 0);
    *state = env;
    return 0;
}

static int teardown(void **state)
{
    Env *env = *state;
    close(env->dir_fd);
    fixture_remove_tree(env->dir);
    free(env->dir);
    free(env);
    return 0;
}

static FsioStatus open_in(const Env *env, const char *name, int flags, FsioFile *file)
{
    FsioStatus status = fsio_open_regular(env->dir_fd, name, flags, 0600, file);
    if (status == FSIO_OK) {
        assert_true(file->fd >= 0);
    } else {
        assert_int_equal(file->fd, -1);
        assert_int_not_equal(file->error, 0);
    }
    return status;
}

static void test_regular_file_opens_blocking(void **state)
{
    Env *env = *state;
    FsioFile file = {0};
    char text[8] = {0};

    assert_int_equal(open_in(env, "file", O_RDONLY, &file), FSIO_OK);
    assert_int_equal(file.st.st_size, 5);
    assert_int_equal(fcntl(file.fd, F_GETFL) & O_NONBLOCK, 0);
    assert_true((fcntl(file.fd, F_GETFD) & FD_CLOEXEC) != 0);
    assert_int_equal(read(file.fd, text, sizeof text), 5);
    assert_string_equal(text, "hello");
    close(file.fd);
}

static void test_everything_else_refused(void **state)
{
    Env *env = *state;
    FsioFile file = {0};
    char path[FSIO_PATH_MAX] = {0};

    assert_int_equal(open_in(env, "absent", O_RDONLY, &file), FSIO_MISSING);
    assert_int_equal(file.error, ENOENT);
    assert_int_equal(open_in(env, "file-link", O_RDONLY, &file), FSIO_SYMLINK);
    assert_int_equal(file.error, ELOOP);
    assert_int_equal(open_in(env, "folder-link", O_RDONLY, &file), FSIO_SYMLINK);
    assert_int_equal(open_in(env, "folder", O_RDONLY, &file), FSIO_NOT_REGULAR);
    assert_int_equal(file.error, EISDIR);
    /* Neither blocks on the FIFO nor opens it for writing. */
    assert_int_equal(open_in(env, "fifo", O_RDONLY, &file), FSIO_NOT_REGULAR);
    assert_int_equal(open_in(env, "fifo", O_WRONLY | O_CREAT, &file), FSIO_NOT_REGULAR);
    assert_int_equal(fsio_open_regular(AT_FDCWD, "/dev/null", O_RDONLY, 0, &file), FSIO_NOT_REGULAR);
    /* An absolute name ignores dir_fd. */
    fixture_path(path, env->dir, "file");
    assert_int_equal(fsio_open_regular(AT_FDCWD, path, O_RDONLY, 0, &file), FSIO_OK);
    close(file.fd);
}

static void test_create_never_through_a_link(void **state)
{
    Env *env = *state;
    FsioFile file = {0};
    char path[FSIO_PATH_MAX] = {0};

    assert_int_equal(open_in(env, "dangling", O_WRONLY | O_CREAT, &file), FSIO_SYMLINK);
    fixture_path(path, env->dir, "created-through-link");
    assert_int_equal(access(path, F_OK), -1);
    assert_int_equal(open_in(env, "new", O_WRONLY | O_CREAT, &file), FSIO_OK);
    assert_int_equal(fsio_write_all(file.fd, "abc", 3), 0);
    assert_int_equal(close(file.fd), 0);
    fixture_path(path, env->dir, "new");
    {
        char *text = fixture_read_file(path, NULL);
        assert_string_equal(text, "abc");
        free(text);
    }
}

static void test_open_dir(void **state)
{
    Env *env = *state;
    int fd = fsio_open_dir(env->dir_fd, "folder");

    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(fsio_open_dir(env->dir_fd, "folder-link"), -1);
    assert_int_equal(errno, ELOOP);
    assert_int_equal(fsio_open_dir(env->dir_fd, "file"), -1);
    assert_int_equal(errno, ENOTDIR);
    assert_int_equal(fsio_open_dir(env->dir_fd, "fifo"), -1);
    assert_int_equal(errno, ENOTDIR);
    assert_int_equal(fsio_open_dir(env->dir_fd, "absent"), -1);
    assert_int_equal(errno, ENOENT);
}

static void test_write_all_reports_errors(void **state)
{
    int fds[2] = {-1, -1};
    (void)state;
    assert_int_equal(pipe(fds), 0);
    close(fds[0]);
    /* No reader: EPIPE (SIGPIPE ignored for the test). */
    signal(SIGPIPE, SIG_IGN);
    assert_int_equal(fsio_write_all(fds[1], "x", 1), EPIPE);
    close(fds[1]);
    assert_int_equal(fsio_write_all(-1, "x", 1), EBADF);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_regular_file_opens_blocking, setup, teardown),
        cmocka_unit_test_setup_teardown(test_everything_else_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_create_never_through_a_link, setup, teardown),
        cmocka_unit_test_setup_teardown(test_open_dir, setup, teardown),
        cmocka_unit_test(test_write_all_reports_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
