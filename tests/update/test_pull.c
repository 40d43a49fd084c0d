/* The HTTP(S) transport of URL updates (update/pull.h) against real servers: nginx and the
 * misbehaving helper of tests/support/web.sh (run through tests/update/with_web.sh). A file
 * arrives whole, hashed while it arrives, into memory or staging; asking again with the
 * server's validators costs a 304 of a few hundred bytes; a server that is down, stalls,
 * drips, closes early, sends no length or announces 2 GiB ends with its own status and
 * leaves no staged copy; redirects are followed three times and no further, and never to
 * another protocol; https works with the test CA and not without it; a cancel during a
 * stall stops it at once. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "update/fixture.h"
#include "update/pull.h"
#include "update/web_fixture.h"

enum { PACK_BYTES = 3 * FIXTURE_MIB + 777, CAP = 8 * FIXTURE_MIB };

typedef struct Env {
    char *dir;
    char state[FSIO_PATH_MAX];
    char pack[FSIO_PATH_MAX];  /* a local test pack, published as <folder>/content.db */
    char sig[FSIO_PATH_MAX];
    Log log;
    Puller *puller;
    char buffer[MINISIGN_SIG_FILE_MAX];
    StageRequest request;
    StageResult staged;
} Env;

static double now_s(void)
{
    struct timespec t = {0};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int setup(void **state)
{
    Env *env = calloc(1, sizeof *env);
    assert_non_null(env);
    env->dir = fixture_temp_dir();
    fixture_path(env->state, env->dir, "state");
    fixture_make_dirs(env->state);
    fixture_path(env->pack, env->dir, "content.db");
    fixture_path(env->sig, env->dir, "content.db.minisig");
    fixture_write_pack(env->pack, 3, PACK_BYTES);
    fixture_write_file(env->sig, "untrusted comment: a stand-in\nnot really a signature\n", 54);
    log_create(&env->log, stderr, LOG_DEBUG, LOG_STYLE_TERMINAL);
    env->request = (StageRequest){.source_dir_fd = AT_FDCWD, .source_path = "content.db", .state_dir = env->state,
                                  .size_cap = CAP};
    *state = env;
    return 0;
}

static int teardown(void **state)
{
    Env *env = *state;
    pull_destroy(env->puller);
    fixture_remove_tree(env->dir);
    log_destroy(&env->log);
    free(env->dir);
    free(env);
    return 0;
}

/* A Puller for <server>/<folder>/ (replacing the last one). */
static void open_url(Env *env, const char *server, const char *folder, const char *ca_file, long low_speed_s)
{
    char url[FSIO_PATH_MAX] = {0};
    web_url(url, server, folder);
    pull_destroy(env->puller);
    PullConfig config = {.url = url, .ca_file = ca_file, .connect_timeout_s = 5, .low_speed_s = low_speed_s,
                         .log = &env->log};
    env->puller = pull_create(&config);
    assert_non_null(env->puller);
}

static PullStatus fetch_memory(Env *env, const char *name, const PullValidators *if_changed, PullResponse *out,
                               size_t *length)
{
    PullTarget target = {.buffer = env->buffer, .capacity = sizeof env->buffer};
    PullStatus status = pull_fetch(env->puller, name, if_changed, &target, NULL, out);
    *length = target.length;
    return status;
}

static PullStatus fetch_pack(Env *env, const FaultHook *fault, PullResponse *out)
{
    PullTarget target = {.stage = &env->request, .staged = &env->staged};
    return pull_fetch(env->puller, "content.db", NULL, &target, fault, out);
}

static bool state_empty(const Env *env)
{
    return fixture_state_dir_clean(env->state, NULL, 0);
}

static void test_fetch_then_not_modified(void **state)
{
    Env *env = *state;
    PullResponse first = {0}, again = {0}, changed = {0};
    size_t length = 0;

    web_publish("memory", "content.db.minisig", env->sig);
    open_url(env, "HTTP", "memory", NULL, 0);
    assert_int_equal(fetch_memory(env, "content.db.minisig", NULL, &first, &length), PULL_OK);
    assert_int_equal(first.http_code, 200);
    assert_int_equal(length, 54);
    assert_memory_equal(env->buffer, "untrusted comment: a stand-in\n", 30);
    assert_true(first.validators.etag[0] == '"');
    assert_non_null(strstr(first.validators.last_modified, "GMT"));

    long mark = web_log_mark();
    assert_int_equal(fetch_memory(env, "content.db.minisig", &first.validators, &again, &length), PULL_NOT_MODIFIED);
    assert_int_equal(again.http_code, 304);
    assert_int_equal(again.body_bytes, 0);
    WebRequests seen = web_log_since(mark, 1);
    print_message("unchanged: %d request(s), %llu bytes sent by nginx\n", seen.count,
                  (unsigned long long)seen.bytes_sent);
    assert_int_equal(seen.count, 1);
    assert_int_equal(seen.status_304, 1);
    assert_true(seen.bytes_sent < 400);

    web_publish("memory", "content.db.minisig", env->sig); /* same bytes, a new version */
    assert_int_equal(fetch_memory(env, "content.db.minisig", &first.validators, &changed, &length), PULL_OK);
    assert_string_not_equal(changed.validators.etag, first.validators.etag);
}

static void test_pack_staged_and_hashed(void **state)
{
    Env *env = *state;
    PullResponse response = {0};
    uint8_t expected[MINISIGN_HASH_BYTES] = {0};
    size_t len = 0;
    char *original = fixture_read_file(env->pack, &len);
    struct stat st = {0};

    web_publish("staged", "content.db", env->pack);
    open_url(env, "HTTP", "staged", NULL, 0);
    assert_int_equal(fetch_pack(env, NULL, &response), PULL_OK);
    assert_int_equal(response.content_length, PACK_BYTES);
    assert_int_equal(env->staged.size, PACK_BYTES);
    crypto_generichash(expected, sizeof expected, (const unsigned char *)original, len, NULL, 0);
    assert_memory_equal(expected, env->staged.hash, sizeof expected);
    assert_int_equal(stat(env->staged.path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0444);
    const char *allowed[] = {STORE_STAGED_NAME};
    assert_true(fixture_state_dir_clean(env->state, allowed, 1));
    size_t copied_len = 0;
    char *copied = fixture_read_file(env->staged.path, &copied_len);
    assert_int_equal(copied_len, len);
    assert_memory_equal(copied, original, len);
    free(copied);
    free(original);
}

static void test_not_found(void **state)
{
    Env *env = *state;
    PullResponse response = {0};
    size_t length = 0;

    open_url(env, "HTTP", "nothing-here", NULL, 0);
    assert_int_equal(fetch_memory(env, "content.db.minisig", NULL, &response, &length), PULL_ERR_HTTP);
    assert_int_equal(response.http_code, 404);
    assert_int_equal(fetch_pack(env, NULL, &response), PULL_ERR_HTTP);
    assert_true(state_empty(env));
}

static void test_server_down(void **state)
{
    Env *env = *state;
    PullResponse response = {0};
    size_t length = 0;
    double start = now_s();

    open_url(env, "DOWN", "facts", NULL, 0);
    assert_int_equal(fetch_memory(env, "content.db.minisig", NULL, &response, &length), PULL_ERR_NETWORK);
    print_message("connection refused after %.3f s: %s\n", now_s() - start, response.error);
    assert_true(now_s() - start < 2.0);
    assert_int_equal(response.http_code, 0);
}

/* The helper sends half the body, then nothing: the low-speed limit (2 s here) ends it
 * (libcurl measures the speed over its last 5 s, so a burst before the stall adds up to
 * that much). */
static void test_stall_mid_body(void **state)
{
    Env *env = *state;
    PullResponse response = {0};
    double start = 0;

    web_publish("stall", "content.db", env->pack);
    open_url(env, "HELPER", "stall", NULL, 2);
    start = now_s();
    assert_int_equal(fetch_pack(env, NULL, &response), PULL_ERR_NETWORK);
    print_message("stalled server given up after %.1f s (%llu of %d bytes): %s\n", now_s() - start,
                  (unsigned long long)response.body_bytes, PACK_BYTES, response.error);
    assert_true(now_s() - start < 15.0);
    assert_true(response.body_bytes < PACK_BYTES);
    assert_true(state_empty(env));
}

/* nginx's limit_rate: 200 bytes a second after the first 64 KiB is below 1 KiB/s. */
static void test_dripping_server(void **state)
{
    Env *env = *state;
    PullResponse response = {0};

    web_publish("facts", "content.db", env->pack);
    open_url(env, "HTTP", "slow", NULL, 2);
    assert_int_equal(fetch_pack(env, NULL, &response), PULL_ERR_NETWORK);
    assert_true(response.body_bytes < PACK_BYTES);
    assert_true(state_empty(env));
}

static void test_closed_early(void **state)
{
    Env *env = *state;
    PullResponse response = {0};

    web_publish("short", "content.db", env->pack);
    open_url(env, "HELPER", "short", NULL, 0);
    assert_int_equal(fetch_pack(env, NULL, &response), PULL_ERR_NETWORK);
    print_message("closed early: %llu of %d bytes: %s\n", (unsigned long long)response.body_bytes, PACK_BYTES,
                  response.error);
    assert_int_equal(response.body_bytes, PACK_BYTES / 2);
    assert_true(state_empty(env));
}

/* No Content-Length: the cap is counted as the body arrives. */
static void test_no_length_over_cap(void **state)
{
    Env *env = *state;
    PullResponse response = {0};

    web_publish("nolength", "content.db", env->pack);
    open_url(env, "HELPER", "nolength", NULL, 0);
    assert_int_equal(fetch_pack(env, NULL, &response), PULL_ERR_TOO_LARGE);
    assert_int_equal(response.content_length, 0);
    assert_true(response.body_bytes > CAP - 64 * 1024 && response.body_bytes <= CAP + 64 * 1024);
    assert_true(state_empty(env));
}

/* 2 GiB announced: refused at the headers, long before the body would have arrived. */
static void test_announced_over_cap(void **state)
{
    Env *env = *state;
    PullResponse response = {0};
    double start = 0;
    long mark = 0;

    web_publish_sparse("big", "content.db", (uint64_t)2 << 30);
    open_url(env, "HTTP", "big", NULL, 0);
    mark = web_log_mark();
    start = now_s();
    assert_int_equal(fetch_pack(env, NULL, &response), PULL_ERR_TOO_LARGE);
    double took = now_s() - start;
    assert_int_equal(response.content_length, (uint64_t)2 << 30);
    assert_int_equal(response.body_bytes, 0); /* refused at the headers: not a byte of the body taken */
    WebRequests seen = web_log_since(mark, 1);
    print_message("2 GiB body refused after %.3f s; nginx sent %llu body bytes before the kiosk hung up\n", took,
                  (unsigned long long)seen.body_bytes_sent);
    assert_true(took < 2.0);
    assert_int_equal(seen.count, 1);
    assert_true(seen.body_bytes_sent < 16 * FIXTURE_MIB);
    assert_true(state_empty(env));
}

static void test_redirects(void **state)
{
    Env *env = *state;
    PullResponse response = {0};
    size_t length = 0;

    web_publish("facts", "content.db.minisig", env->sig);
    open_url(env, "HTTP", "hop1", NULL, 0);
    assert_int_equal(fetch_memory(env, "content.db.minisig", NULL, &response, &length), PULL_OK);
    assert_int_equal(response.redirects, 3);
    assert_non_null(strstr(response.effective_url, "/facts/content.db.minisig"));
    open_url(env, "HTTP", "hop0", NULL, 0);
    assert_int_equal(fetch_memory(env, "content.db.minisig", NULL, &response, &length), PULL_ERR_REDIRECTS);
    open_url(env, "HTTP", "loop", NULL, 0);
    assert_int_equal(fetch_memory(env, "content.db.minisig", NULL, &response, &length), PULL_ERR_REDIRECTS);
    /* Never to another protocol: file:// is not read. */
    open_url(env, "HTTP", "tofile", NULL, 0);
    assert_int_not_equal(fetch_memory(env, "content.db.minisig", NULL, &response, &length), PULL_OK);
    assert_int_equal(length, 0);
}

static void test_only_http_and_https(void **state)
{
    Env *env = *state;
    const char *const refused[] = {"file:///etc/", "ftp://127.0.0.1/facts/", "gopher://127.0.0.1/", ""};
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        PullConfig config = {.url = refused[i], .log = &env->log};
        assert_null(pull_create(&config));
    }
}

static void test_https_with_the_test_ca(void **state)
{
    Env *env = *state;
    PullResponse response = {0};
    size_t length = 0;

    web_publish("facts", "content.db.minisig", env->sig);
    open_url(env, "HTTPS", "facts", web_env("CA"), 0);
    assert_int_equal(fetch_memory(env, "content.db.minisig", NULL, &response, &length), PULL_OK);
    assert_int_equal(length, 54);
    open_url(env, "HTTPS", "facts", NULL, 0); /* the system's CAs do not know the test CA */
    assert_int_equal(fetch_memory(env, "content.db.minisig", NULL, &response, &length), PULL_ERR_NETWORK);
    print_message("without the CA: %s\n", response.error);
    assert_int_equal(length, 0);
}

typedef struct CancelAfter {
    double at;
    int calls;
} CancelAfter;

static int cancel_after(void *ctx, FaultPoint point)
{
    CancelAfter *c = ctx;
    c->calls += point == FAULT_COPY_READ;
    return point == FAULT_COPY_READ && now_s() >= c->at ? ECANCELED : 0;
}

/* A cancel reaches a transfer that receives nothing (the kiosk quitting, a stick arriving). */
static void test_cancel_during_stall(void **state)
{
    Env *env = *state;
    PullResponse response = {0};
    CancelAfter cancel = {.at = now_s() + 1.0};
    FaultHook fault = {cancel_after, &cancel};

    web_publish("stall", "content.db", env->pack);
    open_url(env, "HELPER", "stall", NULL, 30);
    double start = now_s();
    assert_int_equal(fetch_pack(env, &fault, &response), PULL_ERR_CANCELLED);
    print_message("cancelled %.2f s after it was asked\n", now_s() - cancel.at);
    assert_true(now_s() - start < 3.0);
    assert_true(cancel.calls > 1);
    assert_true(state_empty(env));
}

static void test_backoff(void **state)
{
    (void)state;
    assert_int_equal(pull_backoff_ms(1, 15000, 300000), 15000);
    assert_int_equal(pull_backoff_ms(2, 15000, 300000), 30000);
    assert_int_equal(pull_backoff_ms(5, 15000, 300000), 240000);
    assert_int_equal(pull_backoff_ms(6, 15000, 300000), 300000);
    assert_int_equal(pull_backoff_ms(1000, 15000, 300000), 300000);
    assert_int_equal(pull_backoff_ms(1, 15000, 10000), 10000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_fetch_then_not_modified, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pack_staged_and_hashed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_not_found, setup, teardown),
        cmocka_unit_test_setup_teardown(test_server_down, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stall_mid_body, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dripping_server, setup, teardown),
        cmocka_unit_test_setup_teardown(test_closed_early, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_length_over_cap, setup, teardown),
        cmocka_unit_test_setup_teardown(test_announced_over_cap, setup, teardown),
        cmocka_unit_test_setup_teardown(test_redirects, setup, teardown),
        cmocka_unit_test_setup_teardown(test_only_http_and_https, setup, teardown),
        cmocka_unit_test_setup_teardown(test_https_with_the_test_ca, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cancel_during_stall, setup, teardown),
        cmocka_unit_test(test_backoff),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
