/* URL updates end to end (update_pull) against a real nginx and the misbehaving helper of
 * tests/support/web.sh (run through tests/update/with_web.sh), with packs signed by the real
 * minisign: a newer pack installs through the stick's own checks; an unchanged one costs one
 * 304 (counted in nginx's access log), also after a restart; a pack installed from a stick is
 * not downloaded again; a tampered, older or far too large pack is refused once and then
 * left alone, and a tampered one is looked at again when content.db changes (a publication
 * caught between its two uploads); a server that is down, stalls or closes early fails
 * quietly, installs nothing and is tried again later and less often; redirects and https
 * with the test CA work; trusting a new key makes a refused pack worth another look. */
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
#include <time.h>
#include <unistd.h>

#include "update/fixture.h"
#include "update/update.h"
#include "update/web_fixture.h"

enum { PACK_BYTES = 2 * FIXTURE_MIB + 4321, CAP_BYTES = 16 * FIXTURE_MIB };

typedef struct Env {
    char *dir;
    char work[FSIO_PATH_MAX];       /* packs are made here, then published */
    char pack[FSIO_PATH_MAX];
    char sig[FSIO_PATH_MAX];
    char stick[FSIO_PATH_MAX];      /* a stick's facts-kiosk folder */
    char media[FSIO_PATH_MAX];
    char state[FSIO_PATH_MAX];
    char good_prefix[FSIO_PATH_MAX], good_pub[FSIO_PATH_MAX], good_key[FSIO_PATH_MAX];
    char other_prefix[FSIO_PATH_MAX], other_pub[FSIO_PATH_MAX], other_key[FSIO_PATH_MAX];
    char url[FSIO_PATH_MAX];
    char folder[64];                /* this test's folder on the server */
    const char *key_paths[2];
    const char *roots[1];
    UpdateConfig config;
    Log log;
    FixtureAccept accept;
} Env;

static double now_s(void)
{
    struct timespec t = {0};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int setup(void **state)
{
    static int tests_run = 0;
    Env *env = calloc(1, sizeof *env);
    assert_non_null(env);
    fixture_require_minisign();
    env->dir = fixture_temp_dir();
    fixture_path(env->work, env->dir, "work");
    fixture_make_dirs(env->work);
    fixture_path(env->pack, env->work, WATCH_PACK_NAME);
    fixture_path(env->sig, env->work, WATCH_SIG_NAME);
    fixture_path(env->media, env->dir, "media");
    fixture_path(env->stick, env->media, "STICK/" WATCH_DIR_NAME);
    fixture_path(env->state, env->dir, "state");
    fixture_path(env->good_prefix, env->dir, "good");
    fixture_suffixed(env->good_pub, env->good_prefix, ".pub");
    fixture_suffixed(env->good_key, env->good_prefix, ".key");
    fixture_path(env->other_prefix, env->dir, "other");
    fixture_suffixed(env->other_pub, env->other_prefix, ".pub");
    fixture_suffixed(env->other_key, env->other_prefix, ".key");
    fixture_keygen(env->good_prefix);
    fixture_keygen(env->other_prefix);
    snprintf(env->folder, sizeof env->folder, "kiosk-%d-%ld", ++tests_run, (long)getpid());
    web_url(env->url, "HTTP", env->folder);
    env->key_paths[0] = env->good_pub;
    env->roots[0] = env->media;
    log_create(&env->log, stderr, LOG_DEBUG, LOG_STYLE_TERMINAL);
    env->config = (UpdateConfig){.mount_roots = env->roots, .mount_root_count = 1, .state_dir = env->state,
                                 .trusted_key_paths = env->key_paths, .key_count = 1, .size_cap = CAP_BYTES,
                                 .accept = fixture_accept, .accept_ctx = &env->accept, .log = &env->log,
                                 .url = env->url, .url_connect_timeout_seconds = 5, .url_low_speed_seconds = 2};
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

/* A test pack of this version signed by key, in env->work. */
static void make_pack(Env *env, int64_t version, const char *key)
{
    char comment[64] = {0};
    snprintf(comment, sizeof comment, "FACTS pack %d", (int)version);
    fixture_write_pack(env->pack, version, PACK_BYTES);
    fixture_sign(key, env->pack, env->sig, comment, false);
}

/* Both files on the server, content.db first (the order the README asks for). */
static void publish(Env *env, const char *folder)
{
    web_publish(folder, WATCH_PACK_NAME, env->pack);
    web_publish(folder, WATCH_SIG_NAME, env->sig);
}

/* One poll by a kiosk that has been running (u) or a fresh start (u NULL). */
static void poll_once(Env *env, Updater *u, UpdateResult *result)
{
    Updater *own = u != NULL ? NULL : update_create(&env->config);
    assert_true(u != NULL || own != NULL);
    update_pull(u != NULL ? u : own, result);
    update_destroy(own);
}

static void expect(const UpdateResult *r, UpdateOutcome outcome, UpdateMessage message, bool quiet)
{
    char text[512] = {0};
    update_message_en(r, text, sizeof text);
    print_message("  -> %s/%s%s: %s\n", update_outcome_name(r->outcome), update_message_id(r->message),
                  r->quiet ? " (quiet)" : "", text);
    if (r->outcome != outcome || r->message != message || r->quiet != quiet) {
        fail_msg("expected %s/%s%s", update_outcome_name(outcome), update_message_id(message), quiet ? " (quiet)" : "");
    }
    assert_int_equal(r->source, UPDATE_SOURCE_URL);
}

static int64_t active_version(Env *env)
{
    char path[FSIO_PATH_MAX] = {0};
    int64_t version = 0;
    Updater *u = update_create(&env->config);
    assert_non_null(u);
    if (update_active_path(u, path, sizeof path)) {
        version = fixture_pack_version(path);
    }
    update_destroy(u);
    return version;
}

static bool state_clean(const Env *env)
{
    const char *allowed[] = {STORE_PULL_NAME};
    return fixture_state_dir_clean(env->state, allowed, 1);
}

static void test_newer_pack_installs_then_costs_a_304(void **state)
{
    Env *env = *state;
    UpdateResult r = {0};
    Updater *u = update_create(&env->config);

    assert_non_null(u);
    make_pack(env, 2, env->good_key);
    publish(env, env->folder);
    long mark = web_log_mark();
    update_pull(u, &r);
    expect(&r, UPDATE_OK, UPDATE_MSG_INSTALLED, false);
    assert_int_equal(r.pack_version, 2);
    WebRequests first = web_log_since(mark, 2);
    assert_int_equal(first.count, 2);
    assert_int_equal(first.pack_gets, 1);

    for (int poll = 0; poll < 3; poll++) {
        mark = web_log_mark();
        update_pull(u, &r);
        expect(&r, UPDATE_UNCHANGED, UPDATE_MSG_UNCHANGED, true);
        WebRequests seen = web_log_since(mark, 1);
        print_message("unchanged pack, poll %d: %d request(s), %llu bytes to nginx, %llu bytes from it\n", poll + 1,
                      seen.count, (unsigned long long)seen.request_bytes, (unsigned long long)seen.bytes_sent);
        assert_int_equal(seen.count, 1);
        assert_int_equal(seen.status_304, 1);
        assert_int_equal(seen.pack_gets, 0);
        assert_true(seen.bytes_sent < 400);
        assert_true(seen.request_bytes < 400);
    }
    update_destroy(u);

    /* A restart remembers what the server said: still one 304. */
    mark = web_log_mark();
    poll_once(env, NULL, &r);
    expect(&r, UPDATE_UNCHANGED, UPDATE_MSG_UNCHANGED, true);
    WebRequests restarted = web_log_since(mark, 1);
    assert_int_equal(restarted.count, 1);
    assert_int_equal(restarted.status_304, 1);
    assert_int_equal(active_version(env), 2);
    assert_true(state_clean(env));

    /* The next pack installs over it. */
    make_pack(env, 3, env->good_key);
    publish(env, env->folder);
    poll_once(env, NULL, &r);
    expect(&r, UPDATE_OK, UPDATE_MSG_INSTALLED, false);
    assert_int_equal(active_version(env), 3);
}

static void test_stick_pack_not_downloaded_again(void **state)
{
    Env *env = *state;
    UpdateResult r = {0};
    char stick_pack[FSIO_PATH_MAX] = {0}, stick_sig[FSIO_PATH_MAX] = {0};

    make_pack(env, 4, env->good_key);
    fixture_make_dirs(env->stick);
    fixture_path(stick_pack, env->stick, WATCH_PACK_NAME);
    fixture_path(stick_sig, env->stick, WATCH_SIG_NAME);
    size_t len = 0;
    char *data = fixture_read_file(env->pack, &len);
    fixture_write_file(stick_pack, data, len);
    free(data);
    data = fixture_read_file(env->sig, &len);
    fixture_write_file(stick_sig, data, len);
    free(data);
    Updater *u = update_create(&env->config);
    assert_non_null(u);
    update_run(u, env->stick, &r);
    assert_int_equal(r.outcome, UPDATE_OK);
    assert_int_equal(r.source, UPDATE_SOURCE_STICK);

    publish(env, env->folder); /* the same pack at the URL */
    long mark = web_log_mark();
    update_pull(u, &r);
    expect(&r, UPDATE_UNCHANGED, UPDATE_MSG_UNCHANGED, true);
    WebRequests seen = web_log_since(mark, 1);
    assert_int_equal(seen.count, 1);
    assert_int_equal(seen.pack_gets, 0); /* the signature says it is the installed pack */
    update_destroy(u);
}

/* Refused once, on screen; then nothing (a 304 for the signature, one for content.db) until
 * content.db changes: this signature's own pack then installs. */
static void test_tampered_pack_refused_once(void **state)
{
    Env *env = *state;
    UpdateResult r = {0};
    char good_copy[FSIO_PATH_MAX] = {0};
    Updater *u = update_create(&env->config);

    assert_non_null(u);
    make_pack(env, 5, env->good_key);
    fixture_path(good_copy, env->dir, "good.db");
    size_t len = 0;
    char *data = fixture_read_file(env->pack, &len);
    fixture_write_file(good_copy, data, len);
    free(data);
    fixture_flip_byte(env->pack, 4000);
    publish(env, env->folder);
    update_pull(u, &r);
    expect(&r, UPDATE_REFUSED, UPDATE_MSG_SIG_BAD, false);
    for (int poll = 0; poll < 2; poll++) {
        long mark = web_log_mark();
        update_pull(u, &r);
        expect(&r, UPDATE_UNCHANGED, UPDATE_MSG_UNCHANGED, true);
        WebRequests seen = web_log_since(mark, 2);
        assert_int_equal(seen.count, 2);
        assert_int_equal(seen.status_304, 2);
    }
    update_destroy(u);
    assert_int_equal(active_version(env), 0);

    /* After a restart too; then the right content.db arrives under the same signature. */
    poll_once(env, NULL, &r);
    expect(&r, UPDATE_UNCHANGED, UPDATE_MSG_UNCHANGED, true);
    web_publish(env->folder, WATCH_PACK_NAME, good_copy);
    poll_once(env, NULL, &r);
    expect(&r, UPDATE_OK, UPDATE_MSG_INSTALLED, false);
    assert_int_equal(active_version(env), 5);
}

static void test_older_pack_refused_once(void **state)
{
    Env *env = *state;
    UpdateResult r = {0};

    make_pack(env, 6, env->good_key);
    publish(env, env->folder);
    poll_once(env, NULL, &r);
    expect(&r, UPDATE_OK, UPDATE_MSG_INSTALLED, false);
    make_pack(env, 3, env->good_key);
    publish(env, env->folder);
    poll_once(env, NULL, &r);
    expect(&r, UPDATE_REFUSED, UPDATE_MSG_OLDER_VERSION, false);
    long mark = web_log_mark();
    poll_once(env, NULL, &r);
    expect(&r, UPDATE_UNCHANGED, UPDATE_MSG_UNCHANGED, true);
    assert_int_equal(web_log_since(mark, 1).count, 1);
    assert_int_equal(active_version(env), 6);
}

static void test_far_too_large_refused_quickly(void **state)
{
    Env *env = *state;
    UpdateResult r = {0};

    make_pack(env, 7, env->good_key);
    web_publish_sparse(env->folder, WATCH_PACK_NAME, (uint64_t)2 << 30);
    web_publish(env->folder, WATCH_SIG_NAME, env->sig);
    double start = now_s();
    long mark = web_log_mark();
    poll_once(env, NULL, &r);
    double took = now_s() - start;
    expect(&r, UPDATE_REFUSED, UPDATE_MSG_TOO_LARGE, false);
    WebRequests seen = web_log_since(mark, 2);
    print_message("2 GiB pack refused in %.2f s; nginx sent %llu body bytes\n", took,
                  (unsigned long long)seen.body_bytes_sent);
    assert_true(took < 3.0);
    assert_true(seen.body_bytes_sent < 16 * FIXTURE_MIB + 64 * 1024);
    assert_true(state_clean(env));
    poll_once(env, NULL, &r);
    expect(&r, UPDATE_UNCHANGED, UPDATE_MSG_UNCHANGED, true);
}

static void test_server_away_fails_quietly(void **state)
{
    Env *env = *state;
    UpdateResult r = {0};

    make_pack(env, 8, env->good_key);
    /* Down: connection refused. */
    web_url(env->url, "DOWN", env->folder);
    poll_once(env, NULL, &r);
    expect(&r, UPDATE_FAILED, UPDATE_MSG_UNREACHABLE, true);
    /* Nothing published yet: 404. */
    web_url(env->url, "HTTP", env->folder);
    poll_once(env, NULL, &r);
    expect(&r, UPDATE_FAILED, UPDATE_MSG_UNREACHABLE, true);
    /* Stalls mid-body, closes early: nothing installed, nothing left. */
    const char *const misbehaving[] = {"stall", "short"};
    for (size_t i = 0; i < 2; i++) {
        publish(env, misbehaving[i]);
        web_url(env->url, "HELPER", misbehaving[i]);
        double start = now_s();
        poll_once(env, NULL, &r);
        print_message("%s: failed after %.1f s\n", misbehaving[i], now_s() - start);
        expect(&r, UPDATE_FAILED, UPDATE_MSG_DOWNLOAD_FAILED, true);
        assert_int_equal(active_version(env), 0);
        assert_true(state_clean(env));
    }
    /* A failure is not remembered: once the server behaves, the pack installs. */
    publish(env, env->folder);
    web_url(env->url, "HTTP", env->folder);
    poll_once(env, NULL, &r);
    expect(&r, UPDATE_OK, UPDATE_MSG_INSTALLED, false);
}

static void test_redirects_and_https(void **state)
{
    Env *env = *state;
    UpdateResult r = {0};

    make_pack(env, 9, env->good_key);
    publish(env, "facts");
    web_url(env->url, "HTTP", "hop1"); /* three redirects to /facts/ */
    poll_once(env, NULL, &r);
    expect(&r, UPDATE_OK, UPDATE_MSG_INSTALLED, false);
    web_url(env->url, "HTTP", "loop");
    poll_once(env, NULL, &r);
    expect(&r, UPDATE_FAILED, UPDATE_MSG_UNREACHABLE, true);
    assert_non_null(strstr(r.detail, "too many redirects"));

    make_pack(env, 10, env->good_key);
    publish(env, "facts");
    web_url(env->url, "HTTPS", "facts");
    poll_once(env, NULL, &r); /* the system's CAs do not know the test CA */
    expect(&r, UPDATE_FAILED, UPDATE_MSG_UNREACHABLE, true);
    env->config.ca_file = web_env("CA");
    poll_once(env, NULL, &r);
    expect(&r, UPDATE_OK, UPDATE_MSG_INSTALLED, false);
    assert_int_equal(active_version(env), 10);
}

/* Key rotation: a pack signed by a key the kiosk does not trust yet is refused once; trusting
 * the key (a restart with it in keys.d) makes it worth another look, and it installs. */
static void test_new_trusted_key_looks_again(void **state)
{
    Env *env = *state;
    UpdateResult r = {0};

    make_pack(env, 11, env->other_key);
    publish(env, env->folder);
    poll_once(env, NULL, &r);
    expect(&r, UPDATE_REFUSED, UPDATE_MSG_SIG_UNKNOWN_KEY, false);
    poll_once(env, NULL, &r);
    expect(&r, UPDATE_UNCHANGED, UPDATE_MSG_UNCHANGED, true);
    env->key_paths[1] = env->other_pub;
    env->config.key_count = 2;
    poll_once(env, NULL, &r);
    expect(&r, UPDATE_OK, UPDATE_MSG_INSTALLED, false);
}

static int cancel_now(void *ctx, FaultPoint point)
{
    (void)ctx;
    return point == FAULT_COPY_READ ? ECANCELED : 0;
}

/* The schedule: the first poll a few seconds after start; after failures 15 s, 30 s, ... at
 * most the interval; after an answer the interval, give or take a tenth; a cancelled poll
 * again soon. */
/* Polls made more frequent on an event day (update_pull_cap_interval): a poll scheduled for
 * later is brought forward, the answers come within the cap and never past it, a shorter
 * url_poll_seconds stays, and without the cap the configured interval comes back. */
static void test_event_day_cap(void **state)
{
    Env *env = *state;
    UpdateResult answered = {.outcome = UPDATE_UNCHANGED, .message = UPDATE_MSG_UNCHANGED};
    UpdateResult failed = {.outcome = UPDATE_FAILED, .message = UPDATE_MSG_UNREACHABLE};

    env->config.url_poll_seconds = 300;
    Updater *u = update_create(&env->config);
    assert_non_null(u);
    assert_false(update_pull_due(u, 1000));
    uint64_t now = 10000;
    update_pull_done(u, &answered, now);
    assert_false(update_pull_due(u, now + 270000 - 1));
    update_pull_cap_interval(u, UPDATE_EVENT_DAY_POLL_SECONDS, now + 1000); /* the event's day begins */
    assert_false(update_pull_due(u, now + 1000 + 60000 - 1));
    assert_true(update_pull_due(u, now + 1000 + 60000));
    now += 61000;
    for (int i = 0; i < 100; i++) {
        update_pull_done(u, &answered, now);
        assert_false(update_pull_due(u, now + 48000 - 1));
        assert_true(update_pull_due(u, now + 60000));
        now += 60000;
    }
    update_pull_done(u, &failed, now);  /* a failure: backoff, at most the minute */
    assert_true(update_pull_due(u, now + 15000));
    update_pull_done(u, &failed, now);
    update_pull_done(u, &failed, now);
    assert_true(update_pull_due(u, now + 60000));
    update_pull_cap_interval(u, 0, now); /* the day is over: 300 s again */
    update_pull_done(u, &answered, now);
    assert_false(update_pull_due(u, now + 270000 - 1));
    assert_true(update_pull_due(u, now + 330000));
    update_destroy(u);

    env->config.url_poll_seconds = 30; /* shorter than the cap: kept */
    u = update_create(&env->config);
    assert_non_null(u);
    assert_false(update_pull_due(u, 1000));
    update_pull_cap_interval(u, UPDATE_EVENT_DAY_POLL_SECONDS, 1000);
    update_pull_done(u, &answered, now);
    assert_true(update_pull_due(u, now + 33000));
    update_destroy(u);
}

static void test_schedule_and_backoff(void **state)
{
    Env *env = *state;
    UpdateResult failed = {.outcome = UPDATE_FAILED, .message = UPDATE_MSG_UNREACHABLE};
    UpdateResult answered = {.outcome = UPDATE_UNCHANGED, .message = UPDATE_MSG_UNCHANGED};
    UpdateResult cancelled = {0};

    env->config.url_poll_seconds = 60;
    Updater *u = update_create(&env->config);
    assert_non_null(u);
    assert_true(update_pull_enabled(u));
    assert_false(update_pull_due(u, 1000));
    assert_false(update_pull_due(u, 1000 + UPDATE_FIRST_PULL_MS - 1));
    assert_true(update_pull_due(u, 1000 + UPDATE_FIRST_PULL_MS));
    uint64_t now = 10000;
    const uint64_t waits[] = {15000, 30000, 60000, 60000};
    for (size_t i = 0; i < 4; i++) {
        update_pull_done(u, &failed, now);
        assert_false(update_pull_due(u, now + waits[i] - 1));
        assert_true(update_pull_due(u, now + waits[i]));
        now += waits[i];
    }
    uint64_t shortest = UINT64_MAX, longest = 0;
    for (int i = 0; i < 200; i++) {
        update_pull_done(u, &answered, now);
        uint64_t lo = now + 54000, hi = now + 66000;
        assert_false(update_pull_due(u, lo - 1));
        assert_true(update_pull_due(u, hi));
        uint64_t at = lo;
        while (!update_pull_due(u, at)) {
            at += 100;
        }
        shortest = at - now < shortest ? at - now : shortest;
        longest = at - now > longest ? at - now : longest;
    }
    print_message("polls every 60 s came after %.1f to %.1f s\n", (double)shortest / 1000, (double)longest / 1000);
    assert_true(longest - shortest > 6000); /* spread out, not all at once */
    /* After an answer the backoff starts again from 15 s. */
    update_pull_done(u, &failed, now);
    assert_true(update_pull_due(u, now + 15000));

    /* A cancelled poll (a stick, or the kiosk stopping) is quiet and tried again soon. */
    make_pack(env, 12, env->good_key);
    publish(env, env->folder);
    env->config.fault = (FaultHook){cancel_now, NULL};
    update_destroy(u);
    u = update_create(&env->config);
    assert_non_null(u);
    update_pull(u, &cancelled);
    expect(&cancelled, UPDATE_FAILED, UPDATE_MSG_CANCELLED, true);
    update_pull_done(u, &cancelled, now);
    assert_true(update_pull_due(u, now + UPDATE_FIRST_PULL_MS));
    update_destroy(u);
    env->config.fault = (FaultHook){0};
    assert_true(state_clean(env));
}

static void test_no_url_no_pull(void **state)
{
    Env *env = *state;
    env->config.url = NULL;
    Updater *u = update_create(&env->config);
    assert_non_null(u);
    assert_false(update_pull_enabled(u));
    assert_false(update_pull_due(u, 0));
    assert_false(update_pull_due(u, 1000000));
    update_destroy(u);
    env->config.url = "ftp://127.0.0.1/facts/"; /* refused (logged); sticks still work */
    u = update_create(&env->config);
    assert_non_null(u);
    assert_false(update_pull_enabled(u));
    update_destroy(u);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_newer_pack_installs_then_costs_a_304, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stick_pack_not_downloaded_again, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tampered_pack_refused_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_older_pack_refused_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_far_too_large_refused_quickly, setup, teardown),
        cmocka_unit_test_setup_teardown(test_server_away_fails_quietly, setup, teardown),
        cmocka_unit_test_setup_teardown(test_redirects_and_https, setup, teardown),
        cmocka_unit_test_setup_teardown(test_new_trusted_key_looks_again, setup, teardown),
        cmocka_unit_test_setup_teardown(test_schedule_and_backoff, setup, teardown),
        cmocka_unit_test_setup_teardown(test_event_day_cap, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_url_no_pull, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
