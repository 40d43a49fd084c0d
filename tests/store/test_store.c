/* store: install into the inactive slot, atomic pointer, version record,
 * confirm/pending, manual and automatic rollback, recovery of leftovers and
 * of a damaged pointer; the lock, a second process (the `pack` verbs) beside the
 * kiosk, boot counting, refused hashes, the attempt marker and file ownership. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <fcntl.h>
#include <errno.h>
#include <unistd.h>

#include "update/fixture.h"
#include "store/store.h"
#include "update/stage.h"

typedef struct Env {
    char *dir;
    char state[FSIO_PATH_MAX];
    PackStore store;
} Env;

static int setup(void **state)
{
    Env *env = calloc(1, sizeof *env);
    assert_non_null(env);
    env->dir = fixture_temp_dir();
    fixture_path(env->state, env->dir, "state");
    assert_int_equal(store_init(&env->store, env->state, NULL, NULL), STORE_OK);
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

/* A stand-in for the pack's BLAKE2b hash: distinct per version. */
static const uint8_t *hash_of(int64_t version)
{
    static uint8_t hash[MINISIGN_HASH_BYTES];
    memset(hash, (int)(version & 0xff) + 1, sizeof hash);
    return hash;
}

/* Stages a test pack of this version as the pipeline would and installs it. */
static void install(Env *env, int64_t version)
{
    char staged[FSIO_PATH_MAX] = {0};
    fixture_path(staged, env->state, STORE_STAGED_NAME);
    fixture_write_pack(staged, version, 4096);
    assert_int_equal(store_install(&env->store, staged, version, hash_of(version)), STORE_OK);
    assert_int_equal(access(staged, F_OK), -1);
}

static int64_t active_version_on_disk(const Env *env)
{
    char path[FSIO_PATH_MAX] = {0};
    if (!store_active_path(&env->store, path, sizeof path)) {
        return 0;
    }
    return fixture_pack_version(path);
}

static void reopen_without_recover(Env *env)
{
    assert_int_equal(store_init(&env->store, env->state, NULL, NULL), STORE_OK);
}

static void reopen(Env *env)
{
    assert_int_equal(store_init(&env->store, env->state, NULL, NULL), STORE_OK);
    store_recover(&env->store);
}

static void test_fresh_state_dir(void **state)
{
    Env *env = *state;
    char path[FSIO_PATH_MAX] = {0};
    struct stat st = {0};

    assert_int_equal(stat(env->state, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0700);
    assert_false(store_active_path(&env->store, path, sizeof path));
    assert_int_equal(store_installed_version(&env->store), 0);
    assert_false(store_pending(&env->store));
    assert_int_equal(store_rollback(&env->store, "test"), STORE_ERR_NOTHING);
}

static void test_install_switch_and_confirm(void **state)
{
    Env *env = *state;
    char path[FSIO_PATH_MAX] = {0};
    struct stat st = {0};

    install(env, 5);
    assert_int_equal(env->store.state.active, SLOT_A);
    assert_true(store_pending(&env->store));
    assert_int_equal(active_version_on_disk(env), 5);
    assert_true(store_active_path(&env->store, path, sizeof path));
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0444);
    assert_int_equal(store_confirm(&env->store), STORE_OK);
    reopen(env);
    assert_false(store_pending(&env->store));
    assert_int_equal(store_installed_version(&env->store), 5);

    install(env, 6);
    assert_int_equal(env->store.state.active, SLOT_B);
    assert_int_equal(env->store.state.previous, SLOT_A);
    assert_int_equal(env->store.state.previous_version, 5);
    assert_int_equal(store_confirm(&env->store), STORE_OK);
    install(env, 7);  /* 6 was confirmed: overwrites slot a, keeps 6 for rollback */
    assert_int_equal(env->store.state.active, SLOT_A);
    assert_int_equal(env->store.state.previous, SLOT_B);
    assert_int_equal(env->store.state.previous_version, 6);
    assert_int_equal(active_version_on_disk(env), 7);
    reopen(env);
    assert_int_equal(store_installed_version(&env->store), 7);
    assert_true(fixture_state_dir_clean(env->state, NULL, 0));
}

/* Packs a minute apart on an event day: 2 is confirmed, 3 arrives and is on trial, 4 arrives
 * before 3 was confirmed, then 5. Each newer pack replaces the one on trial; 2, the last
 * confirmed pack, is never evicted, and a rollback (by hand, or a pending pack that does not
 * load) returns to it. */
static void test_packs_in_a_row_keep_the_confirmed_one(void **state)
{
    Env *env = *state;
    char path[FSIO_PATH_MAX] = {0};

    install(env, 1);
    assert_int_equal(store_confirm(&env->store), STORE_OK);
    install(env, 2);
    assert_int_equal(store_confirm(&env->store), STORE_OK);
    SlotId confirmed_slot = env->store.state.active;
    for (int64_t version = 3; version <= 5; version++) {
        install(env, version);
        assert_true(store_pending(&env->store));
        assert_int_equal(store_installed_version(&env->store), version);
        assert_int_equal(active_version_on_disk(env), version);
        assert_int_equal(env->store.state.previous, confirmed_slot);
        assert_int_equal(env->store.state.previous_version, 2);
        assert_true(store_slot_path(&env->store, confirmed_slot, path, sizeof path));
        assert_int_equal(fixture_pack_version(path), 2);
        assert_memory_equal(env->store.state.previous_hash, hash_of(2), STORE_HASH_BYTES);
    }
    /* What a restart finds: the same, and no file of 3 or 4 left behind. */
    reopen(env);
    assert_int_equal(store_installed_version(&env->store), 5);
    assert_int_equal(env->store.state.previous_version, 2);
    assert_true(fixture_state_dir_clean(env->state, NULL, 0));
    assert_true(store_active_failed(&env->store, "test"));
    assert_int_equal(store_installed_version(&env->store), 2);
    assert_int_equal(active_version_on_disk(env), 2);
    assert_false(store_pending(&env->store));
    assert_int_equal(env->store.state.rolled_back_version, 5);
    char why[STORE_WHY_MAX] = "";
    assert_true(store_is_refused(&env->store, hash_of(5), why, sizeof why));
    assert_false(store_is_refused(&env->store, hash_of(4), why, sizeof why)); /* superseded, not refused */

    /* By hand too: 6 and 7 in a row on top of the confirmed 2, then `pack rollback`. */
    install(env, 6);
    install(env, 7);
    assert_int_equal(env->store.state.previous_version, 2);
    assert_int_equal(store_rollback(&env->store, "test"), STORE_OK);
    assert_int_equal(store_installed_version(&env->store), 2);
    assert_int_equal(active_version_on_disk(env), 2);
    assert_true(fixture_state_dir_clean(env->state, NULL, 0));
}

static void test_manual_rollback_then_bundled(void **state)
{
    Env *env = *state;
    char path[FSIO_PATH_MAX] = {0};

    install(env, 1);
    assert_int_equal(store_confirm(&env->store), STORE_OK);
    install(env, 2);
    assert_int_equal(store_rollback(&env->store, "test"), STORE_OK);
    assert_int_equal(store_installed_version(&env->store), 1);
    assert_int_equal(active_version_on_disk(env), 1);
    assert_int_equal(env->store.state.rolled_back_version, 2);
    assert_false(store_pending(&env->store));
    assert_true(fixture_state_dir_clean(env->state, NULL, 0));
    reopen(env);
    assert_int_equal(store_installed_version(&env->store), 1);
    /* No previous any more: the bundled pack is the last resort. */
    assert_int_equal(store_rollback(&env->store, "test"), STORE_OK);
    assert_false(store_active_path(&env->store, path, sizeof path));
    assert_int_equal(env->store.state.rolled_back_version, 1);
    assert_true(fixture_state_dir_clean(env->state, NULL, 0));
}

static void test_automatic_rollback_of_pending_pack(void **state)
{
    Env *env = *state;

    install(env, 1);
    assert_int_equal(store_confirm(&env->store), STORE_OK);
    assert_false(store_active_failed(&env->store, "test"));  /* confirmed: left alone */
    assert_int_equal(store_installed_version(&env->store), 1);
    install(env, 2);
    reopen(env);  /* restart before the app could confirm */
    assert_true(store_pending(&env->store));
    assert_true(store_active_failed(&env->store, "test"));
    assert_int_equal(store_installed_version(&env->store), 1);
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

/* A pointer that cannot be parsed is never a reason to delete anything: every pack stays
 * and both are offered, so the app shows the newest that loads. Nothing can change until
 * the pointer is readable again. */
static void test_damaged_pointer_keeps_every_pack(void **state)
{
    Env *env = *state;
    char path[FSIO_PATH_MAX] = {0};
    const char *bad[] = {"", "garbage\n", "facts-kiosk-slots 1\nactive=c\n",
                         "facts-kiosk-slots 1\nactive=a\nprevious=a\n", "facts-kiosk-slots 1\nactive_version=-4\n",
                         "facts-kiosk-slots 2\nactive=a\n"};

    install(env, 1);
    install(env, 2);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        StoreCandidate candidates[4];
        fixture_path(path, env->state, STORE_POINTER_NAME);
        fixture_write_file(path, bad[i], strlen(bad[i]));
        reopen(env);
        assert_true(store_degraded(&env->store, NULL));
        assert_false(store_active_path(&env->store, path, sizeof path));
        assert_int_equal(store_candidates(&env->store, candidates, 4), 2);
        assert_int_equal(candidates[0].version, 0);
        fixture_path(path, env->state, "slot-a.db");
        assert_int_equal(access(path, F_OK), 0);
        fixture_path(path, env->state, "slot-b.db");
        assert_int_equal(access(path, F_OK), 0);
        assert_int_equal(store_rollback(&env->store, "test"), STORE_ERR_DEGRADED);
        fixture_path(path, env->state, "staged.db");
        fixture_write_pack(path, 9, 4096);
        assert_int_equal(store_install(&env->store, path, 9, hash_of(9)), STORE_ERR_DEGRADED);
        fixture_path(path, env->state, "slot-a.db");
        assert_int_equal(fixture_pack_version(path), 1);
        fixture_path(path, env->state, "slot-b.db");
        assert_int_equal(fixture_pack_version(path), 2);
        fixture_path(path, env->state, "staged.db");
        unlink(path);
    }
}

/* What a newer release may write: a key this one does not know is skipped, not fatal. */
/* Versions 7 (slot a) and 8 (slot b) installed, then the pointer replaced by text, as
 * another release would have written it, and the store opened again. */
static void pointer_written_by_another_release(Env *env, const char *text)
{
    char path[FSIO_PATH_MAX] = {0};
    install(env, 7);
    install(env, 8);
    fixture_path(path, env->state, STORE_POINTER_NAME);
    fixture_write_file(path, text, strlen(text));
    reopen(env);
}

static void test_unknown_pointer_line_is_skipped(void **state)
{
    Env *env = *state;
    const char *text = "facts-kiosk-slots 1\nactive=b\nactive_version=8\nstate=confirmed\nprevious=a\n"
                       "previous_version=7\nrolled_back_version=0\nchannel=beta\n";

    pointer_written_by_another_release(env, text);
    assert_false(store_degraded(&env->store, NULL));
    assert_int_equal(store_installed_version(&env->store), 8);
    assert_int_equal(env->store.state.previous_version, 7);
    assert_true(fixture_state_dir_clean(env->state, NULL, 0));
}

/* Installs a test pack of this version as taken at the kiosk (the staff import: built into
 * import.db, no signature, no hash). */
static void install_at_kiosk(Env *env, int64_t base_version)
{
    static const uint8_t NO_HASH[STORE_HASH_BYTES] = {0};
    char built[FSIO_PATH_MAX] = {0};
    fixture_path(built, env->state, STORE_IMPORT_NAME);
    fixture_write_pack(built, base_version, 4096);
    assert_int_equal(store_install_from(&env->store, built, base_version, NO_HASH, STORE_ORIGIN_KIOSK), STORE_OK);
    assert_int_equal(access(built, F_OK), -1);
}

/* A pack taken at the kiosk: the pointer records its origin and base version, across a
 * reopen, and keeps them for the previous pack when a signed one replaces it. */
static void test_origin_and_base_recorded(void **state)
{
    Env *env = *state;
    install(env, 7);
    assert_int_equal(store_active_origin(&env->store), STORE_ORIGIN_SIGNED);
    install_at_kiosk(env, 3); /* whatever its version: older than the signed pack here */
    assert_int_equal(store_active_origin(&env->store), STORE_ORIGIN_KIOSK);
    assert_int_equal(store_installed_version(&env->store), 3);
    assert_true(store_pending(&env->store));
    reopen(env);
    assert_int_equal(store_active_origin(&env->store), STORE_ORIGIN_KIOSK);
    assert_int_equal(env->store.state.active_version, 3);
    assert_int_equal(env->store.state.previous_origin, STORE_ORIGIN_SIGNED);
    assert_int_equal(env->store.state.previous_version, 7);
    assert_int_equal(active_version_on_disk(env), 3);
    StoreCandidate candidates[2];
    assert_int_equal(store_candidates(&env->store, candidates, 2), 1);
    assert_int_equal(candidates[0].origin, STORE_ORIGIN_KIOSK);
    assert_int_equal(candidates[0].version, 3);
    char text[2048] = {0};
    char path[FSIO_PATH_MAX] = {0};
    fixture_path(path, env->state, STORE_POINTER_NAME);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    text[fread(text, 1, sizeof text - 1, f)] = '\0';
    fclose(f);
    assert_non_null(strstr(text, "\nactive_origin=kiosk\n"));
    assert_non_null(strstr(text, "\nprevious_origin=signed\n"));
    assert_int_equal(store_confirm(&env->store), STORE_OK); /* the import ran well */
    install(env, 9); /* a signed pack replaces the import: the import is now the previous one */
    assert_int_equal(store_active_origin(&env->store), STORE_ORIGIN_SIGNED);
    assert_int_equal(env->store.state.previous_origin, STORE_ORIGIN_KIOSK);
    assert_int_equal(store_rollback(&env->store, "test"), STORE_OK);
    assert_int_equal(store_active_origin(&env->store), STORE_ORIGIN_KIOSK); /* back to the import */
    assert_int_equal(store_installed_version(&env->store), 3);
}

/* A pointer written by an earlier release (no *_origin keys) is read: signed packs. */
static void test_pointer_of_an_earlier_release(void **state)
{
    Env *env = *state;
    char path[FSIO_PATH_MAX] = {0};
    const char *text = "facts-kiosk-slots 1\nactive=b\nactive_version=8\nstate=pending\ntries=1\nprevious=a\n"
                       "previous_version=7\nrolled_back_version=6\nactive_hash=unknown\nprevious_hash=unknown\n";
    pointer_written_by_another_release(env, text);
    fixture_path(path, env->state, STORE_POINTER_NAME);
    assert_false(store_degraded(&env->store, NULL));
    assert_int_equal(store_installed_version(&env->store), 8);
    assert_int_equal(store_active_origin(&env->store), STORE_ORIGIN_SIGNED);
    assert_int_equal(env->store.state.previous_origin, STORE_ORIGIN_SIGNED);
    assert_int_equal(env->store.state.rolled_back_origin, STORE_ORIGIN_SIGNED);
    assert_int_equal(env->store.state.rolled_back_version, 6);
    assert_int_equal(env->store.state.tries, 1);
    /* An origin this release does not know makes the pointer unparseable: nothing deleted. */
    const char *bad = "facts-kiosk-slots 1\nactive=b\nactive_version=8\nstate=pending\nactive_origin=moon\n";
    fixture_write_file(path, bad, strlen(bad));
    reopen(env);
    assert_true(store_degraded(&env->store, NULL));
    assert_int_equal(store_candidates(&env->store, (StoreCandidate[2]){0}, 2), 2);
}

/* Rolling back a pack taken at the kiosk (by hand, or a start that failed with it pending):
 * back to the signed pack before it; its version is remembered as taken at the kiosk. */
static void test_rollback_from_an_import(void **state)
{
    Env *env = *state;
    install(env, 5);
    assert_int_equal(store_confirm(&env->store), STORE_OK);
    install_at_kiosk(env, 5); /* the same version as the signed pack: staff did not raise it */
    assert_int_equal(store_rollback(&env->store, "rolled back by hand"), STORE_OK);
    assert_int_equal(store_active_origin(&env->store), STORE_ORIGIN_SIGNED);
    assert_int_equal(store_installed_version(&env->store), 5);
    assert_false(store_pending(&env->store));
    assert_int_equal(env->store.state.rolled_back_version, 5);
    assert_int_equal(env->store.state.rolled_back_origin, STORE_ORIGIN_KIOSK);
    reopen(env);
    assert_int_equal(env->store.state.rolled_back_origin, STORE_ORIGIN_KIOSK);
    assert_true(fixture_state_dir_clean(env->state, NULL, 0));
    /* A pending import whose start failed is rolled back too. */
    install_at_kiosk(env, 2);
    assert_true(store_active_failed(&env->store, "it did not load"));
    assert_int_equal(store_active_origin(&env->store), STORE_ORIGIN_SIGNED);
    assert_int_equal(store_installed_version(&env->store), 5);
}

/* A built pack never installed (the preview ended with the process) goes at the next start. */
static void test_recover_removes_a_built_import(void **state)
{
    Env *env = *state;
    char built[FSIO_PATH_MAX] = {0};
    fixture_path(built, env->state, STORE_IMPORT_NAME);
    fixture_write_pack(built, 4, 4096);
    reopen(env);
    assert_int_equal(access(built, F_OK), -1);
    assert_int_equal(store_installed_version(&env->store), 0);
}

static const uid_t NOBODY = 65534; /* the unprivileged user of the tests that drop root */

/* Gives the test's folder, its state directory and every file in it to uid:gid. */
static void chown_state(const Env *env, uid_t uid, gid_t gid)
{
    char path[FSIO_PATH_MAX] = {0};
    DIR *dir = opendir(env->state);
    struct dirent *entry = NULL;
    assert_non_null(dir);
    while ((entry = readdir(dir)) != NULL) {
        if (strcmp(entry->d_name, "..") != 0) {
            fixture_path(path, env->state, entry->d_name);
            assert_int_equal(lchown(path, uid, gid), 0);
        }
    }
    closedir(dir);
    assert_int_equal(chown(env->dir, uid, gid), 0);
}

/* In a forked child: the unprivileged user the installed kiosk runs as (when the tests run
 * as root), or _exit(10). */
static void child_becomes_nobody(void)
{
    if (geteuid() == 0 && (setgid(NOBODY) != 0 || setuid(NOBODY) != 0)) {
        _exit(10);
    }
}

/* Waits for a forked child and asserts it exited with 0. */
static void assert_child_succeeds(pid_t child)
{
    int status = 0;
    assert_int_equal(waitpid(child, &status, 0), child);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
}

/* A pointer the kiosk's user cannot read (root's, mode 0600, as `sudo pack rollback` of an
 * earlier release left it; or a directory in its place): every pack stays. The read runs
 * in a child as an unprivileged user, as the installed kiosk does. */
static void test_unreadable_pointer_keeps_every_pack(void **state)
{
    Env *env = *state;
    char path[FSIO_PATH_MAX] = {0};

    install(env, 1);
    install(env, 2);
    fixture_path(path, env->state, STORE_POINTER_NAME);
    if (geteuid() == 0) {
        chown_state(env, NOBODY, NOBODY);
        assert_int_equal(chown(path, 0, 0), 0);
        assert_int_equal(chmod(path, 0600), 0);
    } else {
        assert_int_equal(chmod(path, 0), 0);
    }
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        PackStore store;
        StoreCandidate candidates[4];
        child_becomes_nobody();
        if (store_init(&store, env->state, NULL, NULL) != STORE_OK) {
            _exit(11);
        }
        store_recover(&store);
        _exit(store_degraded(&store, NULL) && store_candidates(&store, candidates, 4) == 2 &&
                      store_rollback(&store, "test") == STORE_ERR_DEGRADED
                  ? 0
                  : 12);
    }
    assert_child_succeeds(child);
    fixture_path(path, env->state, "slot-a.db");
    assert_int_equal(fixture_pack_version(path), 1);
    fixture_path(path, env->state, "slot-b.db");
    assert_int_equal(fixture_pack_version(path), 2);

    /* A directory where the pointer should be. */
    fixture_path(path, env->state, STORE_POINTER_NAME);
    assert_int_equal(unlink(path), 0);
    assert_int_equal(mkdir(path, 0700), 0);
    reopen(env);
    assert_true(store_degraded(&env->store, NULL));
    fixture_path(path, env->state, "slot-b.db");
    assert_int_equal(fixture_pack_version(path), 2);
}

/* Files a root shell writes belong to the state directory's owner afterwards, so the
 * kiosk's own user can still read them. */
static void test_root_writes_as_the_owner(void **state)
{
    Env *env = *state;
    char path[FSIO_PATH_MAX] = {0};
    struct stat st = {0};

    if (geteuid() != 0) {
        skip();
    }
    assert_int_equal(chown(env->state, NOBODY, NOBODY), 0);
    reopen(env);
    install(env, 1);
    install(env, 2);
    assert_int_equal(store_rollback(&env->store, "test"), STORE_OK);
    assert_int_equal(store_write_status(&env->store, "{}\n", 3), 0);
    const char *names[] = {STORE_POINTER_NAME, STORE_REFUSED_NAME, "slot-a.db", STORE_STATUS_NAME};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        fixture_path(path, env->state, names[i]);
        assert_int_equal(lstat(path, &st), 0);
        assert_int_equal(st.st_uid, NOBODY);
        assert_int_equal(st.st_gid, NOBODY);
    }
}

/* FaultFn at FAULT_POINTER_WRITTEN: the owner of the new pointer, not yet renamed. */
typedef struct TempOwner {
    const char *state;
    uid_t uid;
    int seen;
} TempOwner;

static int record_temp_owner(void *ctx, FaultPoint point)
{
    TempOwner *t = ctx;
    char path[FSIO_PATH_MAX] = {0};
    struct stat st = {0};
    if (point == FAULT_POINTER_WRITTEN) {
        fixture_path(path, t->state, STORE_POINTER_NAME ".tmp");
        if (lstat(path, &st) == 0) {
            t->uid = st.st_uid;
            t->seen++;
        }
    }
    return 0;
}

/* A root shell's pointer is the owner's before it gets its name: a kiosk reading at any
 * moment never finds it root's (mode 0600, unreadable) and never pauses its updates. */
static void test_root_pointer_is_never_root_owned(void **state)
{
    Env *env = *state;
    TempOwner seen = {.state = env->state, .uid = 0};
    FaultHook hook = {record_temp_owner, &seen};
    PackStore root_shell;

    if (geteuid() != 0) {
        skip();
    }
    assert_int_equal(chown(env->state, NOBODY, NOBODY), 0);
    reopen(env);
    install(env, 1);
    install(env, 2);
    assert_int_equal(store_init(&root_shell, env->state, &hook, NULL), STORE_OK);
    assert_int_equal(store_rollback(&root_shell, "test"), STORE_OK);
    assert_true(seen.seen > 0);
    assert_int_equal(seen.uid, NOBODY);
}

/* An unreadable pointer made readable by a chmod alone (its content and mtime the same)
 * is noticed: the store leaves its read-only state without a restart. Runs in a child as
 * an unprivileged user, who cannot read a mode-0 file, unlike root. */
static void test_pointer_made_readable_is_noticed(void **state)
{
    Env *env = *state;
    char path[FSIO_PATH_MAX] = {0};

    install(env, 1);
    install(env, 2);
    if (geteuid() == 0) {
        chown_state(env, NOBODY, NOBODY);
    }
    fixture_path(path, env->state, STORE_POINTER_NAME);
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        PackStore store;
        child_becomes_nobody();
        if (chmod(path, 0) != 0 || store_init(&store, env->state, NULL, NULL) != STORE_OK) {
            _exit(11);
        }
        if (!store_degraded(&store, NULL)) {
            _exit(12);
        }
        /* A file system's timestamps may move only once a clock tick (a few ms): chmod
         * until the change shows, as a staff member's chmod a moment later would. */
        struct stat before = {0};
        struct stat after = {0};
        if (lstat(path, &before) != 0) {
            _exit(13);
        }
        for (int tries = 0; tries < 100; tries++) {
            if (chmod(path, 0600) != 0 || lstat(path, &after) != 0) {
                _exit(13);
            }
            if (after.st_ctim.tv_sec != before.st_ctim.tv_sec || after.st_ctim.tv_nsec != before.st_ctim.tv_nsec) {
                break;
            }
            nanosleep(&(struct timespec){.tv_nsec = 2000000}, NULL);
        }
        _exit(store_refresh(&store) && !store_degraded(&store, NULL) && store_installed_version(&store) == 2 ? 0
                                                                                                           : 14);
    }
    assert_child_succeeds(child);
}

/* The kiosk and `pack rollback` side by side: the kiosk notices the change, and its next
 * write starts from what is on disk, not from its stale copy. */
static void test_second_process_beside_the_kiosk(void **state)
{
    Env *env = *state;
    PackStore cli;

    install(env, 1);
    assert_int_equal(store_confirm(&env->store), STORE_OK);
    install(env, 2);
    assert_int_equal(store_confirm(&env->store), STORE_OK);
    assert_false(store_refresh(&env->store));

    assert_int_equal(store_init(&cli, env->state, NULL, NULL), STORE_OK);
    assert_int_equal(store_rollback(&cli, "by hand"), STORE_OK);
    assert_true(store_refresh(&env->store));
    assert_int_equal(store_installed_version(&env->store), 1);
    assert_false(store_refresh(&env->store));

    /* The kiosk's copy is made stale on purpose: the write must still start from disk. */
    assert_int_equal(store_init(&cli, env->state, NULL, NULL), STORE_OK);
    PackStore stale = env->store;
    stale.state.active_version = 2;
    install(env, 3);
    assert_int_equal(store_installed_version(&env->store), 3);
    assert_int_equal(env->store.state.previous_version, 1);
    assert_int_equal(env->store.state.rolled_back_version, 2);
    assert_true(store_is_refused(&env->store, hash_of(2), NULL, 0));
    assert_int_equal(store_confirm(&stale), STORE_OK);
    reopen(env);
    assert_int_equal(store_installed_version(&env->store), 3);
    assert_int_equal(env->store.state.previous_version, 1);
    assert_true(fixture_state_dir_clean(env->state, NULL, 0));
}

/* Every change waits for the lock on the state directory. */
static void test_changes_wait_for_the_lock(void **state)
{
    Env *env = *state;
    int status = 0;

    install(env, 1);
    install(env, 2);
    int fd = open(env->state, O_RDONLY | O_DIRECTORY);
    assert_true(fd >= 0);
    assert_int_equal(flock(fd, LOCK_EX), 0);
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        PackStore store;
        close(fd); /* the inherited lock is the parent's */
        alarm(10);
        _exit(store_init(&store, env->state, NULL, NULL) == STORE_OK && store_rollback(&store, "test") == STORE_OK ? 0 : 1);
    }
    struct timespec pause = {0, 300 * 1000 * 1000};
    nanosleep(&pause, NULL);
    assert_int_equal(waitpid(child, &status, WNOHANG), 0); /* still waiting */
    reopen_without_recover(env);
    assert_int_equal(store_installed_version(&env->store), 2);
    close(fd);
    assert_int_equal(waitpid(child, &status, 0), child);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    assert_true(store_refresh(&env->store));
    assert_int_equal(store_installed_version(&env->store), 1);
}

/* Boot counting: a pending pack survives STORE_MAX_TRIES unconfirmed starts (power cuts),
 * then is rolled back and refused; confirming ends the trial. */
static void test_boot_counting(void **state)
{
    Env *env = *state;
    bool rolled_back = true;

    install(env, 1);
    assert_int_equal(store_confirm(&env->store), STORE_OK);
    install(env, 2);
    for (int start = 1; start <= STORE_MAX_TRIES; start++) {
        reopen(env);
        assert_int_equal(store_begin_trial(&env->store, &rolled_back), STORE_OK);
        assert_false(rolled_back);
        assert_int_equal(env->store.state.tries, start);
        assert_int_equal(store_installed_version(&env->store), 2);
    }
    reopen(env);
    assert_int_equal(store_begin_trial(&env->store, &rolled_back), STORE_OK);
    assert_true(rolled_back);
    assert_int_equal(store_installed_version(&env->store), 1);
    char why[STORE_WHY_MAX] = "";
    reopen(env);
    assert_true(store_is_refused(&env->store, hash_of(2), why, sizeof why));
    assert_non_null(strstr(why, "did not run well"));

    install(env, 3);
    reopen(env);
    assert_int_equal(store_begin_trial(&env->store, &rolled_back), STORE_OK);
    assert_int_equal(store_confirm(&env->store), STORE_OK);
    assert_int_equal(env->store.state.tries, 0);
    for (int start = 0; start < STORE_MAX_TRIES + 2; start++) {
        reopen(env);
        assert_int_equal(store_begin_trial(&env->store, &rolled_back), STORE_OK);
        assert_false(rolled_back);
    }
    assert_int_equal(store_installed_version(&env->store), 3);
}

/* A check that never finished (the kiosk died in it) counts; after STORE_MAX_TRIES the
 * pack is refused, so a hostile stick cannot keep the kiosk in a restart loop. */
static void test_interrupted_checks_refuse_the_pack(void **state)
{
    Env *env = *state;
    const uint8_t *hostile = hash_of(66);

    for (int i = 0; i < STORE_MAX_TRIES; i++) {
        reopen(env); /* the restart after the crash */
        assert_true(store_attempt_begin(&env->store, hostile));
    }
    reopen(env);
    assert_false(store_attempt_begin(&env->store, hostile));
    assert_true(store_is_refused(&env->store, hostile, NULL, 0));
    /* A finished check resets the count for another pack. */
    assert_true(store_attempt_begin(&env->store, hash_of(5)));
    store_attempt_end(&env->store);
    assert_true(store_attempt_begin(&env->store, hash_of(5)));
    store_attempt_end(&env->store);
    assert_false(store_is_refused(&env->store, hash_of(5), NULL, 0));
    assert_true(fixture_state_dir_clean(env->state, NULL, 0));
}

/* The refused list stays bounded: the oldest are forgotten first. */
static void test_refused_list_is_bounded(void **state)
{
    Env *env = *state;
    uint8_t hash[MINISIGN_HASH_BYTES];

    for (int i = 0; i < STORE_REFUSED_MAX + 10; i++) {
        memset(hash, 0, sizeof hash);
        hash[0] = (uint8_t)(i & 0xff);
        hash[1] = (uint8_t)(i >> 8);
        hash[2] = 1;
        assert_int_equal(store_refuse(&env->store, hash, "reason\nwith newline"), STORE_OK);
    }
    memset(hash, 0, sizeof hash);
    hash[2] = 1;
    assert_false(store_is_refused(&env->store, hash, NULL, 0)); /* the first: forgotten */
    hash[0] = (uint8_t)((STORE_REFUSED_MAX + 9) & 0xff);
    hash[1] = (uint8_t)((STORE_REFUSED_MAX + 9) >> 8);
    char why[STORE_WHY_MAX] = "";
    assert_true(store_is_refused(&env->store, hash, why, sizeof why));
    assert_string_equal(why, "reason with newline");
}

static void test_missing_active_file_falls_back(void **state)
{
    Env *env = *state;
    char path[FSIO_PATH_MAX] = {0};

    install(env, 1);
    install(env, 2);
    assert_true(store_active_path(&env->store, path, sizeof path));
    assert_int_equal(chmod(path, 0644), 0);
    assert_int_equal(unlink(path), 0);
    reopen(env);
    assert_int_equal(store_installed_version(&env->store), 1);
    assert_int_equal(active_version_on_disk(env), 1);
}

/* status.json: replaced whole (no temp file left), private, beside the packs without
 * touching them; a temp file left by a crash is removed at recovery, the report kept. */
static void test_status_file(void **state)
{
    Env *env = *state;
    char path[FSIO_PATH_MAX] = {0};
    char temp[FSIO_PATH_MAX] = {0};
    struct stat st = {0};
    size_t len = 0;

    install(env, 1);
    fixture_path(path, env->state, STORE_STATUS_NAME);
    fixture_suffixed(temp, path, ".tmp");
    assert_int_equal(store_write_status(&env->store, "{\"a\":1}\n", 8), 0);
    assert_int_equal(store_write_status(&env->store, "{\"b\":2}\n", 8), 0);
    char *text = fixture_read_file(path, &len);
    assert_int_equal(len, 8);
    assert_memory_equal(text, "{\"b\":2}\n", 8);
    free(text);
    assert_int_equal(lstat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_equal(access(temp, F_OK), -1);
    assert_int_equal(store_installed_version(&env->store), 1);

    fixture_write_file(temp, "{\"half", 6);
    store_recover(&env->store);
    assert_int_equal(access(temp, F_OK), -1);
    text = fixture_read_file(path, &len);
    assert_memory_equal(text, "{\"b\":2}\n", 8);
    free(text);
    assert_int_equal(active_version_on_disk(env), 1);

    /* A state directory that is gone: an error value, nothing else. */
    fixture_remove_tree(env->state);
    assert_int_equal(store_write_status(&env->store, "{}\n", 3), ENOENT);
}

/* Notes: other parts' small files, written only through the store, kept across a restart
 * and its clean-up; the store's own files cannot be written as notes. */
static void test_notes(void **state)
{
    Env *env = *state;
    char text[64] = {0};
    char temp[FSIO_PATH_MAX] = {0};

    assert_int_equal(store_note_read(&env->store, STORE_PULL_NAME, text, sizeof text), ENOENT);
    assert_string_equal(text, "");
    assert_int_equal(store_note_write(&env->store, STORE_PULL_NAME, "etag=\"1\"\n", 9), 0);
    assert_int_equal(store_note_read(&env->store, STORE_PULL_NAME, text, sizeof text), 0);
    assert_string_equal(text, "etag=\"1\"\n");
    fixture_path(temp, env->state, STORE_PULL_NAME ".tmp");
    fixture_write_file(temp, "half", 4); /* a write cut short by a power cut */
    store_recover(&env->store);
    assert_int_equal(store_note_read(&env->store, STORE_PULL_NAME, text, sizeof text), 0);
    assert_string_equal(text, "etag=\"1\"\n");
    const char *allowed[] = {STORE_PULL_NAME};
    assert_true(fixture_state_dir_clean(env->state, allowed, 1));
    const char *const own[] = {STORE_POINTER_NAME, STORE_REFUSED_NAME, STORE_ATTEMPT_NAME, "slot-a.db", "staged.db",
                               "staging.part", "../x", "a/b", "", ".hidden", "pull.tmp"};
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++) {
        assert_int_equal(store_note_write(&env->store, own[i], "x", 1), EINVAL);
    }
    assert_int_equal(store_note_write(&env->store, STORE_PULL_NAME, text, STORE_NOTE_MAX + 1), EFBIG);
    assert_int_equal(store_note_read(&env->store, STORE_PULL_NAME, text, 4), EFBIG); /* out too small */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_fresh_state_dir, setup, teardown),
        cmocka_unit_test_setup_teardown(test_install_switch_and_confirm, setup, teardown),
        cmocka_unit_test_setup_teardown(test_packs_in_a_row_keep_the_confirmed_one, setup, teardown),
        cmocka_unit_test_setup_teardown(test_manual_rollback_then_bundled, setup, teardown),
        cmocka_unit_test_setup_teardown(test_automatic_rollback_of_pending_pack, setup, teardown),
        cmocka_unit_test_setup_teardown(test_recover_cleans_leftovers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_damaged_pointer_keeps_every_pack, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unknown_pointer_line_is_skipped, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unreadable_pointer_keeps_every_pack, setup, teardown),
        cmocka_unit_test_setup_teardown(test_root_writes_as_the_owner, setup, teardown),
        cmocka_unit_test_setup_teardown(test_root_pointer_is_never_root_owned, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pointer_made_readable_is_noticed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_second_process_beside_the_kiosk, setup, teardown),
        cmocka_unit_test_setup_teardown(test_changes_wait_for_the_lock, setup, teardown),
        cmocka_unit_test_setup_teardown(test_boot_counting, setup, teardown),
        cmocka_unit_test_setup_teardown(test_interrupted_checks_refuse_the_pack, setup, teardown),
        cmocka_unit_test_setup_teardown(test_refused_list_is_bounded, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_active_file_falls_back, setup, teardown),
        cmocka_unit_test_setup_teardown(test_status_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_notes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_origin_and_base_recorded, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pointer_of_an_earlier_release, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rollback_from_an_import, setup, teardown),
        cmocka_unit_test_setup_teardown(test_recover_removes_a_built_import, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
