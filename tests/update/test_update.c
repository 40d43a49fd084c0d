/* The update pipeline end to end, with real minisign signatures: a good pack
 * goes live; every tampered, unauthorised, truncated, stale or oversized pack
 * is refused with its own message and the active pack stays; a failure or a
 * SIGKILL at every named fault point leaves the old or the new pack active,
 * valid, with nothing left over after a restart. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "update/fixture.h"
#include "update/stage.h"
#include "store/store.h"
#include "update/update.h"

enum { PACK_BYTES = 3 * FIXTURE_MIB + 4321 };

typedef struct Hook {
    FaultPoint point;
    int on_call;   /* act on the n-th time the point is reached */
    int calls;
    int error;     /* errno to inject, or 0 with kill */
    bool kill;
} Hook;

typedef struct Env {
    char *dir;
    char root[FSIO_PATH_MAX];
    char pack_dir[FSIO_PATH_MAX];
    char pack[FSIO_PATH_MAX];
    char sig[FSIO_PATH_MAX];
    char state[FSIO_PATH_MAX];
    char good_prefix[FSIO_PATH_MAX], good_pub[FSIO_PATH_MAX], good_key[FSIO_PATH_MAX];
    char other_prefix[FSIO_PATH_MAX], other_pub[FSIO_PATH_MAX], other_key[FSIO_PATH_MAX];
    const char *key_paths[1];
    const char *roots[1];
    UpdateConfig config;
    Log log; /* the update lines, to stderr as in the kiosk */
    FixtureAccept accept;
    Hook hook;
    const void *param;  /* the table row of a table-driven test */
} Env;

static int setup(void **state)
{
    Env *env = calloc(1, sizeof *env);
    assert_non_null(env);
    env->param = *state;
    fixture_require_minisign();
    env->dir = fixture_temp_dir();
    fixture_path(env->root, env->dir, "media");
    fixture_path(env->pack_dir, env->root, "user/STICK/" WATCH_DIR_NAME);
    fixture_path(env->pack, env->pack_dir, WATCH_PACK_NAME);
    fixture_path(env->sig, env->pack_dir, WATCH_SIG_NAME);
    fixture_path(env->state, env->dir, "state");
    fixture_make_dirs(env->pack_dir);
    fixture_path(env->good_prefix, env->dir, "good");
    fixture_suffixed(env->good_pub, env->good_prefix, ".pub");
    fixture_suffixed(env->good_key, env->good_prefix, ".key");
    fixture_path(env->other_prefix, env->dir, "other");
    fixture_suffixed(env->other_pub, env->other_prefix, ".pub");
    fixture_suffixed(env->other_key, env->other_prefix, ".key");
    fixture_keygen(env->good_prefix);
    fixture_keygen(env->other_prefix);
    env->key_paths[0] = env->good_pub;
    env->roots[0] = env->root;
    env->config.mount_roots = env->roots;
    env->config.mount_root_count = 1;
    env->config.state_dir = env->state;
    log_create(&env->log, stderr, LOG_DEBUG, LOG_STYLE_TERMINAL);
    env->config.log = &env->log;
    env->config.trusted_key_paths = env->key_paths;
    env->config.key_count = 1;
    env->config.accept = fixture_accept;
    env->config.accept_ctx = &env->accept;
    *state = env;
    return 0;
}

static int teardown(void **state)
{
    Env *env = *state;
    fixture_remove_tree(env->dir);
    log_destroy(&env->log);
    free(env->dir);
    free(env);
    return 0;
}

static void put_pack(Env *env, int64_t version)
{
    char comment[64] = {0};
    snprintf(comment, sizeof comment, "FACTS pack %d", (int)version);
    fixture_write_pack(env->pack, version, PACK_BYTES);
    fixture_sign(env->good_key, env->pack, env->sig, comment, false);
}

/* One attempt by a freshly started kiosk. */
static void run(Env *env, UpdateResult *result)
{
    Updater *u = update_create(&env->config);
    assert_non_null(u);
    update_run(u, env->pack_dir, result);
    update_destroy(u);
}

static void expect_message(Env *env, UpdateOutcome outcome, UpdateMessage message)
{
    UpdateResult result = {0};
    char text[512] = {0};
    run(env, &result);
    update_message_en(&result, text, sizeof text);
    if (result.outcome != outcome || result.message != message) {
        fail_msg("expected %s/%s, got %s/%s: %s", update_outcome_name(outcome), update_message_id(message),
                 update_outcome_name(result.outcome), update_message_id(result.message), text);
    }
}

/* The active pack as a restarted kiosk sees it: its version (0 = bundled),
 * checked against the version the pointer records. */
static int64_t active_version(Env *env)
{
    char path[FSIO_PATH_MAX] = {0};
    int64_t version = 0;
    Updater *u = update_create(&env->config);

    assert_non_null(u);
    if (update_active_path(u, path, sizeof path)) {
        version = fixture_pack_version(path);
        assert_int_equal(version, update_installed_version(u));
    }
    update_destroy(u);
    assert_true(fixture_state_dir_clean(env->state, NULL, 0));
    return version;
}

/* While the active pack is still on trial, the version kept for rollback (the last confirmed
 * pack): a newer pack replaces the one on trial, and a power cut during that leaves this one
 * active (store.h); 0 when the active pack is confirmed or none is kept. */
static int64_t trial_fallback_version(Env *env)
{
    Updater *u = update_create(&env->config);
    assert_non_null(u);
    const PackStore *store = update_store(u);
    int64_t version = store_pending(store) ? store->state.previous_version : 0;
    update_destroy(u);
    return version;
}

static void confirm_active(Env *env)
{
    Updater *u = update_create(&env->config);
    assert_non_null(u);
    assert_int_equal(update_confirm(u), STORE_OK);
    update_destroy(u);
}

static void install_version(Env *env, int64_t version)
{
    put_pack(env, version);
    expect_message(env, UPDATE_OK, UPDATE_MSG_INSTALLED);
    assert_int_equal(active_version(env), version);
}

static int hook_fn(void *ctx, FaultPoint point)
{
    Hook *hook = ctx;
    if (point != hook->point || ++hook->calls != hook->on_call) {
        return 0;
    }
    if (hook->kill) {
        raise(SIGKILL);
    }
    return hook->error;
}

static void use_hook(Env *env, FaultPoint point, int on_call, int error, bool kill)
{
    env->hook = (Hook){.point = point, .on_call = on_call, .error = error, .kill = kill};
    env->config.fault = (FaultHook){hook_fn, &env->hook};
}

static char *read_report(const Env *env)
{
    char path[FSIO_PATH_MAX] = {0};
    fixture_path(path, env->pack_dir, WATCH_REPORT_NAME);
    return fixture_read_file(path, NULL);
}

/* ---- the good path ---- */

typedef struct Steps {
    int count;
    UpdateStep last_step;
    double last_fraction;
    bool ordered;
} Steps;

static void on_progress(void *ctx, UpdateStep step, double fraction)
{
    Steps *s = ctx;
    if (step < s->last_step || (step == s->last_step && fraction < s->last_fraction)) {
        s->ordered = false;
    }
    s->last_step = step;
    s->last_fraction = fraction;
    s->count++;
}

static void test_good_pack_goes_live(void **state)
{
    Env *env = *state;
    Steps steps = {.ordered = true};
    UpdateResult result = {0};
    char text[512] = {0};
    char *report = NULL;

    env->config.progress = on_progress;
    env->config.progress_ctx = &steps;
    put_pack(env, 7);
    run(env, &result);
    assert_int_equal(result.outcome, UPDATE_OK);
    assert_int_equal(result.step, UPDATE_STEP_DONE);
    assert_int_equal(result.pack_version, 7);
    assert_int_equal(result.installed_version, 0);
    update_message_en(&result, text, sizeof text);
    assert_string_equal(text, "Content updated: version 7, test pack");
    assert_true(steps.ordered);
    assert_int_equal(steps.last_step, UPDATE_STEP_DONE);
    assert_true(steps.count > 8);
    assert_int_equal(env->accept.calls, 1);
    report = read_report(env);
    assert_non_null(report);
    assert_non_null(strstr(report, "result: ok"));
    assert_non_null(strstr(report, "Content updated: version 7, test pack"));
    free(report);
    assert_int_equal(active_version(env), 7);

    /* A newer one replaces it and keeps 7 for rollback. */
    install_version(env, 8);
    {
        Updater *u = update_create(&env->config);
        assert_non_null(u);
        assert_true(update_store(u)->state.previous != SLOT_NONE);
        assert_int_equal(update_store(u)->state.previous_version, 7);
        assert_int_equal(update_rollback(u), STORE_OK);
        update_destroy(u);
    }
    assert_int_equal(active_version(env), 7);
}

static void test_poll_then_run(void **state)
{
    Env *env = *state;
    WatchFound found = {0};
    UpdateResult result = {0};
    Updater *u = update_create(&env->config);

    assert_non_null(u);
    /* An empty facts-kiosk folder on the stick is said once; then the pack arrives. */
    assert_true(update_poll(u, &found));
    assert_int_equal(found.reason, WATCH_PACK_MISSING);
    assert_false(update_poll(u, &found));
    put_pack(env, 3);
    assert_true(update_poll(u, &found));
    assert_string_equal(found.dir, env->pack_dir);
    assert_int_equal(found.reason, WATCH_USABLE);
    update_run(u, found.dir, &result);
    assert_int_equal(result.outcome, UPDATE_OK);
    /* Writing the report does not make the same stick new again. */
    assert_false(update_poll(u, &found));
    assert_int_equal(update_confirm(u), STORE_OK);
    update_destroy(u);
    assert_int_equal(active_version(env), 3);
}

/* ---- refusals: versions, keys, sizes, the loader ---- */

static void test_same_version_twice_and_older(void **state)
{
    Env *env = *state;
    install_version(env, 4);
    put_pack(env, 4);
    expect_message(env, UPDATE_REFUSED, UPDATE_MSG_ALREADY_INSTALLED);
    put_pack(env, 3);
    expect_message(env, UPDATE_REFUSED, UPDATE_MSG_OLDER_VERSION);
    assert_int_equal(active_version(env), 4);
}

/* A pack built at the kiosk (import.db in the state directory) installed through the store. */
static void install_import(Env *env, int64_t base_version)
{
    char built[FSIO_PATH_MAX] = {0};
    Updater *u = update_create(&env->config); /* a start removes an import.db left over */
    assert_non_null(u);
    fixture_path(built, env->state, STORE_IMPORT_NAME);
    fixture_write_pack(built, base_version, 4096);
    UpdateAcceptResult accepted;
    assert_true(update_check_import(u, built, &accepted));
    assert_int_equal(accepted.pack_version, base_version);
    UpdateResult result;
    update_install_import(u, built, base_version, &result);
    assert_int_equal(result.outcome, UPDATE_OK);
    assert_int_equal(result.message, UPDATE_MSG_INSTALLED_AT_KIOSK);
    assert_int_equal(store_active_origin(update_store(u)), STORE_ORIGIN_KIOSK);
    assert_true(store_pending(update_store(u)));
    assert_int_equal(access(built, F_OK), -1);
    update_destroy(u);
}

static StoreOrigin active_origin(Env *env)
{
    Updater *u = update_create(&env->config);
    assert_non_null(u);
    StoreOrigin origin = store_active_origin(update_store(u));
    update_destroy(u);
    return origin;
}

/* An import is installed whatever its version (older than the signed pack here); a signed
 * pack not newer than its base is refused, one newer replaces it as any update does. */
static void test_signed_pack_newer_than_the_base_replaces_an_import(void **state)
{
    Env *env = *state;
    install_version(env, 4);
    install_import(env, 2);
    assert_int_equal(active_version(env), 2);
    put_pack(env, 2);
    expect_message(env, UPDATE_REFUSED, UPDATE_MSG_ALREADY_INSTALLED);
    put_pack(env, 1);
    expect_message(env, UPDATE_REFUSED, UPDATE_MSG_OLDER_VERSION);
    assert_int_equal(active_origin(env), STORE_ORIGIN_KIOSK);
    put_pack(env, 3);
    expect_message(env, UPDATE_OK, UPDATE_MSG_INSTALLED);
    assert_int_equal(active_version(env), 3);
    assert_int_equal(active_origin(env), STORE_ORIGIN_SIGNED);
}

/* Rolled back, an import's base version bars no signed pack of that version. */
static void test_import_rolled_back_bars_no_signed_version(void **state)
{
    Env *env = *state;
    install_version(env, 4);
    install_import(env, 6);
    Updater *u = update_create(&env->config);
    assert_non_null(u);
    assert_int_equal(update_rollback(u), STORE_OK);
    update_destroy(u);
    assert_int_equal(active_version(env), 4);
    assert_int_equal(active_origin(env), STORE_ORIGIN_SIGNED);
    put_pack(env, 6);
    expect_message(env, UPDATE_OK, UPDATE_MSG_INSTALLED);
    assert_int_equal(active_version(env), 6);
}

static void test_bundled_version_counts(void **state)
{
    Env *env = *state;
    env->config.bundled_version = 5;
    put_pack(env, 5);
    expect_message(env, UPDATE_REFUSED, UPDATE_MSG_ALREADY_INSTALLED);
    put_pack(env, 2);
    expect_message(env, UPDATE_REFUSED, UPDATE_MSG_OLDER_VERSION);
    assert_int_equal(active_version(env), 0);
    install_version(env, 6);
}

/* A package upgrade brings bundled version 10 while version 7 is installed: an update must
 * beat 10, not 7. */
static void test_bundled_newer_than_installed(void **state)
{
    Env *env = *state;
    install_version(env, 7);
    env->config.bundled_version = 10;
    Updater *u = update_create(&env->config);
    assert_non_null(u);
    assert_int_equal(update_installed_version(u), 10);
    update_destroy(u);
    put_pack(env, 8);
    expect_message(env, UPDATE_REFUSED, UPDATE_MSG_OLDER_VERSION);
    put_pack(env, 10);
    expect_message(env, UPDATE_REFUSED, UPDATE_MSG_ALREADY_INSTALLED);
    install_version(env, 11);
}

static void test_no_trusted_key(void **state)
{
    Env *env = *state;
    const char *missing[] = {"/nonexistent/kiosk.pub"};

    put_pack(env, 1);
    env->config.key_count = 0;
    expect_message(env, UPDATE_REFUSED, UPDATE_MSG_NO_TRUSTED_KEY);
    env->config.trusted_key_paths = missing;
    env->config.key_count = 1;
    expect_message(env, UPDATE_REFUSED, UPDATE_MSG_NO_TRUSTED_KEY);
    assert_int_equal(active_version(env), 0);
    assert_int_equal(env->accept.calls, 0);
}

static void test_key_rotation(void **state)
{
    Env *env = *state;
    const char *both[] = {env->other_pub, env->good_pub};

    env->config.trusted_key_paths = both;
    env->config.key_count = 2;
    install_version(env, 1);
}

static void test_over_size_cap(void **state)
{
    Env *env = *state;
    UpdateResult result = {0};
    char text[512] = {0};

    env->config.size_cap = FIXTURE_MIB;
    put_pack(env, 1);
    run(env, &result);
    assert_int_equal(result.outcome, UPDATE_REFUSED);
    assert_int_equal(result.message, UPDATE_MSG_TOO_LARGE);
    update_message_en(&result, text, sizeof text);
    assert_string_equal(text, "Not installed: the pack is larger than 1 MB");
    assert_int_equal(active_version(env), 0);
}

static void test_loader_refuses(void **state)
{
    Env *env = *state;
    UpdateResult result = {0};
    char text[512] = {0};
    static const char PACK[] = "FACTS-TEST-PACK version=9\nREJECT\n";

    install_version(env, 1);
    fixture_write_file(env->pack, PACK, sizeof PACK - 1);
    fixture_sign(env->good_key, env->pack, env->sig, "bad pack", false);
    run(env, &result);
    assert_int_equal(result.message, UPDATE_MSG_NOT_ACCEPTED);
    update_message_en(&result, text, sizeof text);
    assert_string_equal(text, "Not installed: test loader says no");
    assert_int_equal(active_version(env), 1);
}

static void test_pending_pack_rolled_back_and_not_reinstalled(void **state)
{
    Env *env = *state;
    Updater *u = NULL;

    install_version(env, 1);
    u = update_create(&env->config);
    assert_non_null(u);
    assert_int_equal(update_confirm(u), STORE_OK);
    update_destroy(u);
    install_version(env, 2);
    /* Restart: version 2 fails to load before it was confirmed. */
    u = update_create(&env->config);
    assert_non_null(u);
    assert_true(update_active_failed(u, "test"));
    assert_int_equal(update_installed_version(u), 1);
    update_destroy(u);
    assert_int_equal(active_version(env), 1);
    /* The very pack that hurt (same bytes, known by its hash), then a rebuilt one with the
     * same version number. */
    put_pack(env, 2);
    expect_message(env, UPDATE_REFUSED, UPDATE_MSG_REFUSED_BEFORE);
    fixture_write_pack(env->pack, 2, PACK_BYTES + 512);
    fixture_sign(env->good_key, env->pack, env->sig, "FACTS pack 2", false);
    expect_message(env, UPDATE_REFUSED, UPDATE_MSG_ROLLED_BACK_VERSION);
    install_version(env, 3);
}

static void test_report_not_written_through_symlink(void **state)
{
    Env *env = *state;
    char outside[FSIO_PATH_MAX] = {0};
    char report[FSIO_PATH_MAX] = {0};
    char *text = NULL;

    fixture_path(outside, env->dir, "outside.txt");
    fixture_write_file(outside, "keep", 4);
    fixture_path(report, env->pack_dir, WATCH_REPORT_NAME);
    assert_int_equal(symlink(outside, report), 0);
    install_version(env, 1);
    text = fixture_read_file(outside, NULL);
    assert_string_equal(text, "keep");
    free(text);
}

/* ---- folders seen but not used: the reason on screen and on the stick ---- */

typedef struct Unusable {
    const char *name;
    void (*spoil)(Env *env);
    WatchReason reason;
    UpdateMessage message;
} Unusable;

static void empty_folder(Env *env)
{
    assert_int_equal(unlink(env->pack), 0);
    assert_int_equal(unlink(env->sig), 0);
}

static void fifo_pack(Env *env)
{
    assert_int_equal(unlink(env->pack), 0);
    assert_int_equal(mkfifo(env->pack, 0600), 0);
}

static void link_pack(Env *env)
{
    char real[FSIO_PATH_MAX] = {0};
    fixture_path(real, env->dir, "real.db");
    assert_int_equal(rename(env->pack, real), 0);
    assert_int_equal(symlink(real, env->pack), 0);
}

static void no_signature(Env *env) { assert_int_equal(unlink(env->sig), 0); }

static void fifo_signature(Env *env)
{
    assert_int_equal(unlink(env->sig), 0);
    assert_int_equal(mkfifo(env->sig, 0600), 0);
}

/* Sources for the staff panel and no pack: outside the panel it changes nothing. */
static void edit_folder_only(Env *env)
{
    char edit[FSIO_PATH_MAX] = {0};
    empty_folder(env);
    fixture_path(edit, env->pack_dir, WATCH_EDIT_NAME);
    fixture_make_dirs(edit);
}

static const Unusable UNUSABLE[] = {
    {"an edit folder and no pack", edit_folder_only, WATCH_PACK_MISSING, UPDATE_MSG_EDIT_FOLDER},
    {"empty facts-kiosk folder", empty_folder, WATCH_PACK_MISSING, UPDATE_MSG_PACK_MISSING},
    {"content.db is a FIFO", fifo_pack, WATCH_PACK_NOT_REGULAR, UPDATE_MSG_PACK_NOT_REGULAR},
    {"content.db is a symlink", link_pack, WATCH_PACK_SYMLINK, UPDATE_MSG_PACK_SYMLINK},
    {"no content.db.minisig", no_signature, WATCH_SIG_MISSING, UPDATE_MSG_SIG_MISSING},
    {"content.db.minisig is a FIFO", fifo_signature, WATCH_SIG_NOT_REGULAR, UPDATE_MSG_SIG_NOT_REGULAR},
};

/* The message of result in each language: present, and not the English one. */
static void expect_translated(const UpdateResult *result)
{
    char texts[LANG_COUNT][512] = {{0}};
    for (int lang = 0; lang < LANG_COUNT; lang++) {
        assert_true(update_message(result, (Lang)lang, texts[lang], sizeof texts[lang]) > 10);
        assert_null(strstr(texts[lang], "%"));
    }
    assert_string_not_equal(texts[LANG_EN], texts[LANG_SR_LATN]);
    assert_string_not_equal(texts[LANG_SR_LATN], texts[LANG_SR_CYRL]);
}

static void test_unusable_folder_reported(void **state)
{
    Env *env = *state;
    WatchFound found = {0};
    UpdateResult result = {0};
    Updater *u = NULL;
    char *report = NULL;

    for (size_t i = 0; i < sizeof UNUSABLE / sizeof UNUSABLE[0]; i++) {
        print_message("%s\n", UNUSABLE[i].name);
        fixture_remove_tree(env->pack_dir);
        fixture_make_dirs(env->pack_dir);
        put_pack(env, 5);
        UNUSABLE[i].spoil(env);
        u = update_create(&env->config);
        assert_non_null(u);
        assert_true(update_poll(u, &found));
        assert_int_equal(found.reason, UNUSABLE[i].reason);
        update_ignore(u, &found, &result);
        assert_int_equal(result.outcome, UPDATE_REFUSED);
        assert_int_equal(result.step, UPDATE_STEP_FIND);
        assert_string_equal(update_message_id(result.message), update_message_id(UNUSABLE[i].message));
        expect_translated(&result);
        /* On the stick for staff; and writing it does not make the folder new again. */
        report = read_report(env);
        assert_non_null(report);
        assert_non_null(strstr(report, "result: refused"));
        assert_non_null(strstr(report, update_message_id(UNUSABLE[i].message)));
        free(report);
        assert_false(update_poll(u, &found));
        update_destroy(u);
        assert_int_equal(active_version(env), 0);
    }
}

/* The facts-kiosk folder is a link: said on screen, and no report is written
 * through the link; update_run() refuses it too. */
static void test_symlinked_folder_refused_without_report(void **state)
{
    Env *env = *state;
    WatchFound found = {0};
    UpdateResult result = {0};
    char elsewhere[FSIO_PATH_MAX] = {0};
    char report[FSIO_PATH_MAX] = {0};
    Updater *u = NULL;

    put_pack(env, 5);
    fixture_path(elsewhere, env->dir, "elsewhere");
    assert_int_equal(rename(env->pack_dir, elsewhere), 0);
    assert_int_equal(symlink(elsewhere, env->pack_dir), 0);
    fixture_path(report, elsewhere, WATCH_REPORT_NAME);
    u = update_create(&env->config);
    assert_non_null(u);
    assert_true(update_poll(u, &found));
    assert_int_equal(found.reason, WATCH_DIR_SYMLINK);
    update_ignore(u, &found, &result);
    assert_string_equal(update_message_id(result.message), update_message_id(UPDATE_MSG_DIR_SYMLINK));
    expect_translated(&result);
    assert_int_equal(access(report, F_OK), -1);
    update_run(u, env->pack_dir, &result);
    assert_string_equal(update_message_id(result.message), update_message_id(UPDATE_MSG_DIR_SYMLINK));
    assert_int_equal(result.outcome, UPDATE_REFUSED);
    assert_int_equal(access(report, F_OK), -1);
    update_destroy(u);
    assert_int_equal(active_version(env), 0);
}

/* Swaps the facts-kiosk folder for a link to another folder mid-attempt. */
typedef struct Swap {
    const Env *env;
    char moved[FSIO_PATH_MAX];
    char other[FSIO_PATH_MAX];
    bool done;
} Swap;

static int swap_folder(void *ctx, FaultPoint point)
{
    Swap *swap = ctx;
    if (point == FAULT_COPY_AFTER && !swap->done) {
        swap->done = true;
        if (rename(swap->env->pack_dir, swap->moved) != 0 || symlink(swap->other, swap->env->pack_dir) != 0) {
            return EIO;
        }
    }
    return 0;
}

/* The folder is opened once: a link swapped in during the attempt cannot
 * redirect the report (or any later open) to another place. */
static void test_swapped_folder_cannot_redirect(void **state)
{
    Env *env = *state;
    Swap swap = {.env = env};
    char path[FSIO_PATH_MAX] = {0};
    char *text = NULL;
    UpdateResult result = {0};

    fixture_path(swap.moved, env->dir, "moved");
    fixture_path(swap.other, env->dir, "other-folder");
    fixture_make_dirs(swap.other);
    put_pack(env, 6);
    env->config.fault = (FaultHook){swap_folder, &swap};
    run(env, &result);
    assert_true(swap.done);
    assert_int_equal(result.outcome, UPDATE_OK);
    fixture_path(path, swap.other, WATCH_REPORT_NAME);
    assert_int_equal(access(path, F_OK), -1);
    fixture_path(path, swap.moved, WATCH_REPORT_NAME);
    text = fixture_read_file(path, NULL);
    assert_non_null(text);
    assert_non_null(strstr(text, "result: ok"));
    free(text);
    env->config.fault = (FaultHook){NULL, NULL};
    assert_int_equal(active_version(env), 6);
}

/* ---- tampering: table-driven, one test per row ---- */

typedef struct Tamper {
    const char *name;
    void (*apply)(Env *env);
    UpdateMessage message;
} Tamper;

static void flip_pack_byte(Env *env) { fixture_flip_byte(env->pack, 2 * FIXTURE_MIB + 7); }
static void flip_signature_byte(Env *env) { fixture_tamper_signature(env->sig, 2 + 8 + 40); }
static void sign_legacy(Env *env) { fixture_sign(env->good_key, env->pack, env->sig, "legacy", true); }
static void sign_other_key(Env *env) { fixture_sign(env->other_key, env->pack, env->sig, "not ours", false); }
static void remove_signature(Env *env) { assert_int_equal(unlink(env->sig), 0); }

static void edit_trusted_comment(Env *env)
{
    size_t len = 0;
    char *text = fixture_read_file(env->sig, &len);
    char *comment = strstr(text, "FACTS pack");
    assert_non_null(comment);
    comment[0] = 'f';
    fixture_write_file(env->sig, text, len);
    free(text);
}

static void truncate_signature(Env *env)
{
    size_t len = 0;
    char *text = fixture_read_file(env->sig, &len);
    fixture_write_file(env->sig, text, len - 30);
    free(text);
}

static void garbage_signature(Env *env)
{
    unsigned char noise[512] = {0};
    randombytes_buf(noise, sizeof noise);
    fixture_write_file(env->sig, noise, sizeof noise);
}

static void symlinked_pack(Env *env)
{
    char real[FSIO_PATH_MAX] = {0};
    fixture_path(real, env->dir, "real.db");
    assert_int_equal(rename(env->pack, real), 0);
    assert_int_equal(symlink(real, env->pack), 0);
}

static const Tamper TAMPERS[] = {
    {"flipped pack byte", flip_pack_byte, UPDATE_MSG_SIG_BAD},
    {"edited trusted comment", edit_trusted_comment, UPDATE_MSG_COMMENT_BAD},
    {"flipped signature byte", flip_signature_byte, UPDATE_MSG_SIG_BAD},
    {"legacy Ed signature", sign_legacy, UPDATE_MSG_SIG_LEGACY},
    {"unknown key", sign_other_key, UPDATE_MSG_SIG_UNKNOWN_KEY},
    {"truncated signature", truncate_signature, UPDATE_MSG_SIG_MALFORMED},
    {"garbage signature", garbage_signature, UPDATE_MSG_SIG_MALFORMED},
    {"missing signature", remove_signature, UPDATE_MSG_SIG_MISSING},
    {"symlinked pack", symlinked_pack, UPDATE_MSG_PACK_SYMLINK},
};

static void test_tampered_pack_refused(void **state)
{
    Env *env = *state;
    const Tamper *tamper = env->param;
    char *report = NULL;

    print_message("tamper: %s\n", tamper->name);
    install_version(env, 1);
    env->accept.calls = 0;
    put_pack(env, 2);
    tamper->apply(env);
    expect_message(env, UPDATE_REFUSED, tamper->message);
    assert_int_equal(env->accept.calls, 0);
    assert_int_equal(active_version(env), 1);
    report = read_report(env);
    assert_non_null(report);
    assert_non_null(strstr(report, update_message_id(tamper->message)));
    free(report);
}

/* ---- faults at every named point ---- */

static bool switched_by(FaultPoint point)
{
    return point == FAULT_RENAME_BEFORE_DIR_FSYNC || point == FAULT_AFTER_SWITCH;
}

static void test_fail_at_every_point(void **state)
{
    Env *env = *state;

    install_version(env, 1);
    for (int p = 0; p < FAULT_POINT_COUNT; p++) {
        FaultPoint point = (FaultPoint)p;
        int64_t before = active_version(env);
        int64_t version = 10 + p;
        UpdateResult result = {0};

        print_message("fail at %s\n", fault_point_name(point));
        put_pack(env, version);
        use_hook(env, point, point == FAULT_COPY_READ ? 2 : 1, point == FAULT_COPY_WRITE ? ENOSPC : EIO, false);
        run(env, &result);
        assert_int_equal(env->hook.calls >= env->hook.on_call, true);
        if (switched_by(point)) {
            assert_int_equal(result.outcome, UPDATE_OK);
            assert_int_equal(active_version(env), version);
        } else {
            assert_int_equal(result.outcome, UPDATE_FAILED);
            assert_int_equal(active_version(env), before);
        }
        env->config.fault = (FaultHook){0};
    }
}

/* Runs one attempt in a child that SIGKILLs itself the n-th time it reaches
 * point. Returns true if it was killed, false if the attempt ran to its end
 * (the point is reached fewer than n times). */
static bool attempt_killed_at(Env *env, FaultPoint point, int occurrence)
{
    int status = 0;
    pid_t child = 0;

    use_hook(env, point, occurrence, 0, true);
    fflush(NULL);
    child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        UpdateResult result = {0};
        Updater *u = update_create(&env->config);
        if (u != NULL) {
            update_run(u, env->pack_dir, &result);
            update_destroy(u);
        }
        _exit(result.outcome == UPDATE_OK ? 0 : 1);
    }
    assert_int_equal(waitpid(child, &status, 0), child);
    env->config.fault = (FaultHook){0};
    if (WIFEXITED(status)) {
        assert_int_equal(WEXITSTATUS(status), 0);
        return false;
    }
    assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    return true;
}

/* A power cut (SIGKILL) at every occurrence of every point: the restarted
 * kiosk shows the old or the new pack, valid, with nothing left over, and
 * the same stick then installs (or is already installed). The packs come one
 * after another without being confirmed, so each replaces the one on trial:
 * a cut while it does shows the last confirmed pack (never an unconfirmed
 * one that would have evicted it). */
static void test_kill_at_every_point(void **state)
{
    Env *env = *state;
    int64_t version = 10;
    int kills = 0;

    install_version(env, 1);
    /* Every point twice: the packs confirmed as they come (each goes into the other slot), then
     * one after another on trial (each replaces the one on trial). */
    for (int p = 0; p < 2 * FAULT_POINT_COUNT; p++) {
        FaultPoint point = (FaultPoint)(p % FAULT_POINT_COUNT);
        bool confirming = p < FAULT_POINT_COUNT;
        bool saw_new = false;
        int occurrence = 1;

        for (;; occurrence++) {
            if (confirming) {
                confirm_active(env);
            }
            int64_t before = active_version(env);
            int64_t fallback = trial_fallback_version(env);
            int64_t after = 0;
            UpdateResult retry = {0};
            bool killed = false;

            version++;
            put_pack(env, version);
            killed = attempt_killed_at(env, point, occurrence);
            after = active_version(env);
            if (!killed) {
                assert_int_equal(after, version);
                break;
            }
            kills++;
            print_message("SIGKILL at %s #%d%s: %s pack active\n", fault_point_name(point), occurrence,
                          confirming ? " (confirmed before)" : "",
                          after == version ? "new" : after == before ? "old" : "last confirmed");
            assert_true(after == before || after == version || (fallback > 0 && after == fallback));
            saw_new = saw_new || after == version;
            run(env, &retry);
            assert_int_equal(retry.message, after == version ? UPDATE_MSG_ALREADY_INSTALLED : UPDATE_MSG_INSTALLED);
            assert_int_equal(active_version(env), version);
        }
        assert_true(occurrence > 1);  /* every point is reached */
        if (switched_by(point)) {
            assert_true(saw_new);
        } else if (point != FAULT_POINTER_WRITTEN) {
            assert_false(saw_new);
        }
    }
    print_message("%d kills\n", kills);
}

static void test_stick_pulled_and_disk_full(void **state)
{
    Env *env = *state;

    install_version(env, 1);
    put_pack(env, 2);
    use_hook(env, FAULT_COPY_READ, 3, EIO, false);
    expect_message(env, UPDATE_FAILED, UPDATE_MSG_READ_ERROR);
    use_hook(env, FAULT_COPY_WRITE, 2, ENOSPC, false);
    expect_message(env, UPDATE_FAILED, UPDATE_MSG_DISK_FULL);
    use_hook(env, FAULT_COPY_WRITE, 1, EROFS, false);
    expect_message(env, UPDATE_FAILED, UPDATE_MSG_STORAGE_ERROR);
    assert_int_equal(active_version(env), 1);
    env->config.fault = (FaultHook){0};
    expect_message(env, UPDATE_OK, UPDATE_MSG_INSTALLED);
}

static void test_every_message_has_text(void **state)
{
    (void)state;
    for (int m = 0; m < UPDATE_MSG_COUNT; m++) {
        UpdateResult result = {.message = (UpdateMessage)m, .pack_version = 3, .installed_version = 4,
                               .size_cap = UPDATE_DEFAULT_SIZE_CAP};
        char text[512] = {0};
        assert_true(update_message_en(&result, text, sizeof text) > 10);
        assert_null(strstr(text, "%"));
        for (int lang = 0; lang < LANG_COUNT; lang++) {
            assert_true(update_message(&result, (Lang)lang, text, sizeof text) > 10);
            assert_null(strstr(text, "%"));
        }
        for (int other = 0; other < m; other++) {
            assert_string_not_equal(update_message_id((UpdateMessage)m), update_message_id((UpdateMessage)other));
        }
    }
}

#define TAMPER_TEST(i) \
    cmocka_unit_test_prestate_setup_teardown(test_tampered_pack_refused, setup, teardown, (void *)&TAMPERS[i])

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_good_pack_goes_live, setup, teardown),
        cmocka_unit_test_setup_teardown(test_poll_then_run, setup, teardown),
        cmocka_unit_test_setup_teardown(test_same_version_twice_and_older, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bundled_version_counts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_signed_pack_newer_than_the_base_replaces_an_import, setup, teardown),
        cmocka_unit_test_setup_teardown(test_import_rolled_back_bars_no_signed_version, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bundled_newer_than_installed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_trusted_key, setup, teardown),
        cmocka_unit_test_setup_teardown(test_key_rotation, setup, teardown),
        cmocka_unit_test_setup_teardown(test_over_size_cap, setup, teardown),
        cmocka_unit_test_setup_teardown(test_loader_refuses, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pending_pack_rolled_back_and_not_reinstalled, setup, teardown),
        cmocka_unit_test_setup_teardown(test_report_not_written_through_symlink, setup, teardown),
        TAMPER_TEST(0), TAMPER_TEST(1), TAMPER_TEST(2), TAMPER_TEST(3), TAMPER_TEST(4),
        TAMPER_TEST(5), TAMPER_TEST(6), TAMPER_TEST(7), TAMPER_TEST(8),
        cmocka_unit_test_setup_teardown(test_fail_at_every_point, setup, teardown),
        cmocka_unit_test_setup_teardown(test_kill_at_every_point, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stick_pulled_and_disk_full, setup, teardown),
        cmocka_unit_test(test_every_message_has_text),
        cmocka_unit_test_setup_teardown(test_unusable_folder_reported, setup, teardown),
        cmocka_unit_test_setup_teardown(test_symlinked_folder_refused_without_report, setup, teardown),
        cmocka_unit_test_setup_teardown(test_swapped_folder_cannot_redirect, setup, teardown),
    };
    _Static_assert(sizeof TAMPERS / sizeof TAMPERS[0] == 9, "one TAMPER_TEST per row");
    return cmocka_run_group_tests(tests, NULL, NULL);
}
