/* stage: the bounded, hashed copy to the state directory — contents, hash and
 * mode; size cap before and during; symlinks, FIFOs and devices refused;
 * stick pulled and disk full leave nothing behind. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "update/fixture.h"
#include "update/stage.h"

typedef struct Env {
    char *dir;
    char stick[FSIO_PATH_MAX];
    char state[FSIO_PATH_MAX];
    char pack[FSIO_PATH_MAX];
} Env;

/* Fails the n-th call at one point with an errno, or grows the source. */
typedef struct Hook {
    FaultPoint point;
    int fail_on_call;
    int error;
    int calls;
    const char *grow_path;
} Hook;

typedef struct Progress {
    int calls;
    double last;
    bool monotonic;
} Progress;

static int setup(void **state)
{
    Env *env = calloc(1, sizeof *env);
    assert_non_null(env);
    env->dir = fixture_temp_dir();
    fixture_path(env->stick, env->dir, "stick");
    fixture_path(env->state, env->dir, "state");
    fixture_path(env->pack, env->stick, "content.db");
    fixture_make_dirs(env->stick);
    fixture_make_dirs(env->state);
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

static int hook_fn(void *ctx, FaultPoint point)
{
    Hook *hook = ctx;
    if (point != hook->point || ++hook->calls != hook->fail_on_call) {
        return 0;
    }
    if (hook->grow_path != NULL) {
        FILE *f = fopen(hook->grow_path, "ab");
        char *junk = calloc(1, 2 * FIXTURE_MIB);
        assert_non_null(f);
        assert_non_null(junk);
        fwrite(junk, 1, 2 * FIXTURE_MIB, f);
        fclose(f);
        free(junk);
        return 0;
    }
    return hook->error;
}

static void on_progress(void *ctx, double fraction)
{
    Progress *p = ctx;
    p->monotonic = p->monotonic && fraction >= p->last && fraction <= 1.0;
    p->last = fraction;
    p->calls++;
}

static StageStatus stage(const Env *env, uint64_t cap, const FaultHook *fault, StageResult *out, Progress *progress)
{
    StageRequest request = {.source_dir_fd = AT_FDCWD, .source_path = env->pack, .state_dir = env->state, .size_cap = cap, .fault = fault};
    if (progress != NULL) {
        request.progress = on_progress;
        request.progress_ctx = progress;
    }
    return stage_copy(&request, out);
}

static bool state_dir_empty(const Env *env)
{
    return fixture_state_dir_clean(env->state, NULL, 0);
}

static void test_copy_hash_and_mode(void **state)
{
    Env *env = *state;
    StageResult *out = calloc(1, sizeof *out);
    Progress progress = {.monotonic = true};
    uint8_t expected[MINISIGN_HASH_BYTES] = {0};
    size_t len = 0, copied_len = 0;
    char *original = NULL, *copied = NULL;
    struct stat st = {0};

    assert_non_null(out);
    fixture_write_pack(env->pack, 4, 3 * FIXTURE_MIB + 123);
    assert_int_equal(stage(env, UPDATE_DEFAULT_SIZE_CAP, NULL, out, &progress), STAGE_OK);
    original = fixture_read_file(env->pack, &len);
    copied = fixture_read_file(out->path, &copied_len);
    assert_non_null(copied);
    assert_int_equal(len, copied_len);
    assert_int_equal(out->size, len);
    assert_memory_equal(original, copied, len);
    crypto_generichash(expected, sizeof expected, (const unsigned char *)original, len, NULL, 0);
    assert_memory_equal(expected, out->hash, sizeof expected);
    assert_int_equal(stat(out->path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0444);
    assert_true(progress.monotonic);
    assert_int_equal(progress.calls, 4);
    assert_true(progress.last == 1.0);
    {
        const char *allowed[] = {STORE_STAGED_NAME};
        assert_true(fixture_state_dir_clean(env->state, allowed, 1));
    }
    stage_discard(env->state);
    assert_true(state_dir_empty(env));
    free(original);
    free(copied);
    free(out);
}

static void test_size_cap_before_copy(void **state)
{
    Env *env = *state;
    StageResult out = {0};
    Hook hook = {.point = FAULT_COPY_READ, .fail_on_call = 1, .error = EIO};
    FaultHook fault = {hook_fn, &hook};

    fixture_write_pack(env->pack, 1, 2 * FIXTURE_MIB + 1);
    assert_int_equal(stage(env, 2 * FIXTURE_MIB, &fault, &out, NULL), STAGE_ERR_TOO_LARGE);
    assert_int_equal(hook.calls, 0);  /* refused by fstat, nothing read */
    assert_true(state_dir_empty(env));
}

static void test_size_cap_counted_during_copy(void **state)
{
    Env *env = *state;
    StageResult out = {0};
    Hook hook = {.point = FAULT_COPY_READ, .fail_on_call = 1, .grow_path = env->pack};
    FaultHook fault = {hook_fn, &hook};

    fixture_write_pack(env->pack, 1, FIXTURE_MIB + FIXTURE_MIB / 2);
    assert_int_equal(stage(env, 2 * FIXTURE_MIB, &fault, &out, NULL), STAGE_ERR_TOO_LARGE);
    assert_true(state_dir_empty(env));
}

static void test_only_regular_files(void **state)
{
    Env *env = *state;
    StageResult out = {0};
    char real[FSIO_PATH_MAX] = {0};

    assert_int_equal(stage(env, UPDATE_DEFAULT_SIZE_CAP, NULL, &out, NULL), STAGE_ERR_MISSING);
    fixture_path(real, env->dir, "real.db");
    fixture_write_pack(real, 1, 100);
    assert_int_equal(symlink(real, env->pack), 0);
    assert_int_equal(stage(env, UPDATE_DEFAULT_SIZE_CAP, NULL, &out, NULL), STAGE_ERR_NOT_REGULAR);
    unlink(env->pack);
    assert_int_equal(mkfifo(env->pack, 0600), 0);  /* must not block */
    assert_int_equal(stage(env, UPDATE_DEFAULT_SIZE_CAP, NULL, &out, NULL), STAGE_ERR_NOT_REGULAR);
    unlink(env->pack);
    assert_int_equal(mkdir(env->pack, 0700), 0);
    assert_int_equal(stage(env, UPDATE_DEFAULT_SIZE_CAP, NULL, &out, NULL), STAGE_ERR_NOT_REGULAR);
    rmdir(env->pack);
    {
        StageRequest request = {.source_dir_fd = AT_FDCWD, .source_path = "/dev/zero", .state_dir = env->state, .size_cap = 1000};
        assert_int_equal(stage_copy(&request, &out), STAGE_ERR_NOT_REGULAR);
    }
    assert_true(state_dir_empty(env));
}

static void expect_failure(Env *env, FaultPoint point, int call, int error, StageStatus expected)
{
    StageResult out = {0};
    Hook hook = {.point = point, .fail_on_call = call, .error = error};
    FaultHook fault = {hook_fn, &hook};

    fixture_write_pack(env->pack, 1, 3 * FIXTURE_MIB);
    assert_int_equal(stage(env, UPDATE_DEFAULT_SIZE_CAP, &fault, &out, NULL), expected);
    assert_int_equal(out.error, error);
    assert_string_equal(out.path, "");
    assert_true(state_dir_empty(env));
}

static void test_stick_pulled_mid_copy(void **state)
{
    expect_failure(*state, FAULT_COPY_READ, 2, EIO, STAGE_ERR_READ);
    expect_failure(*state, FAULT_COPY_READ, 1, ENODEV, STAGE_ERR_READ);
}

static void test_disk_full(void **state)
{
    expect_failure(*state, FAULT_COPY_WRITE, 3, ENOSPC, STAGE_ERR_NO_SPACE);
    expect_failure(*state, FAULT_COPY_WRITE, 1, EIO, STAGE_ERR_WRITE);
}

static void test_leftovers_replaced(void **state)
{
    Env *env = *state;
    StageResult out = {0};
    char part[FSIO_PATH_MAX] = {0};

    fixture_path(part, env->state, STORE_STAGING_NAME);
    fixture_write_file(part, "old", 3);
    fixture_write_pack(env->pack, 2, 1000);
    assert_int_equal(stage(env, UPDATE_DEFAULT_SIZE_CAP, NULL, &out, NULL), STAGE_OK);
    assert_int_equal(access(part, F_OK), -1);
    assert_int_equal(fixture_pack_version(out.path), 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_copy_hash_and_mode, setup, teardown),
        cmocka_unit_test_setup_teardown(test_size_cap_before_copy, setup, teardown),
        cmocka_unit_test_setup_teardown(test_size_cap_counted_during_copy, setup, teardown),
        cmocka_unit_test_setup_teardown(test_only_regular_files, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stick_pulled_mid_copy, setup, teardown),
        cmocka_unit_test_setup_teardown(test_disk_full, setup, teardown),
        cmocka_unit_test_setup_teardown(test_leftovers_replaced, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
