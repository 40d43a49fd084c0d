/* poster: real libcurl POSTs to a real HTTP receiver on 127.0.0.1 (a thread in this test):
 * the request carries the body as application/json; a newer document replaces one not sent
 * yet; failures (HTTP 500, no listener, a receiver that never answers) are counted and
 * logged once per kind, and a success after them once; poster_destroy() during a POST the
 * receiver never answers returns at once; only http and https addresses are taken, and the
 * address is logged without its password. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "update/poster.h"

enum { MAX_REQUESTS = 16, HEAD_MAX = 4096, BODY_MAX = 4096, WAIT_MS = 5000 };

typedef struct Receiver {
    int listen_fd;
    int port;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t changed;
    int status;      /* what to answer */
    bool hold;       /* keep the connection open without answering until released */
    bool quit;
    int requests;
    char heads[MAX_REQUESTS][HEAD_MAX];
    char bodies[MAX_REQUESTS][BODY_MAX];
} Receiver;

static uint64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

/* strstr ignoring ASCII case. */
static const char *find_nocase(const char *haystack, const char *needle)
{
    size_t n = strlen(needle);
    for (const char *p = haystack; *p; p++) {
        if (strncasecmp(p, needle, n) == 0) {
            return p;
        }
    }
    return NULL;
}

/* Reads one request (head and Content-Length body) from fd into slot; false on EOF. */
static bool read_request(int fd, char *head, char *body)
{
    char buffer[HEAD_MAX + BODY_MAX] = {0};
    size_t used = 0;
    char *end = NULL;
    while (!(end = strstr(buffer, "\r\n\r\n"))) {
        ssize_t got = read(fd, buffer + used, sizeof buffer - 1 - used);
        if (got <= 0) {
            return false;
        }
        used += (size_t)got;
    }
    size_t head_len = (size_t)(end - buffer) + 4;
    memcpy(head, buffer, head_len < HEAD_MAX ? head_len : HEAD_MAX - 1);
    const char *length_line = find_nocase(head, "\r\ncontent-length:");
    size_t want = length_line ? (size_t)strtoul(length_line + 17, NULL, 10) : 0;
    while (used - head_len < want && used < sizeof buffer - 1) {
        ssize_t got = read(fd, buffer + used, sizeof buffer - 1 - used);
        if (got <= 0) {
            return false;
        }
        used += (size_t)got;
    }
    memcpy(body, buffer + head_len, want < BODY_MAX ? want : BODY_MAX - 1);
    return true;
}

static void *receiver_main(void *arg)
{
    Receiver *r = arg;
    for (;;) {
        pthread_mutex_lock(&r->lock);
        bool quit = r->quit;
        pthread_mutex_unlock(&r->lock);
        if (quit) {
            break;
        }
        struct pollfd pfd = {.fd = r->listen_fd, .events = POLLIN};
        if (poll(&pfd, 1, 20) <= 0) {
            continue;
        }
        int fd = accept(r->listen_fd, NULL, NULL);
        if (fd < 0) {
            continue;
        }
        char head[HEAD_MAX] = {0};
        char body[BODY_MAX] = {0};
        if (read_request(fd, head, body)) {
            pthread_mutex_lock(&r->lock);
            if (r->requests < MAX_REQUESTS) {
                memcpy(r->heads[r->requests], head, sizeof head);
                memcpy(r->bodies[r->requests], body, sizeof body);
            }
            r->requests++;
            pthread_cond_broadcast(&r->changed);
            bool gone = false; /* held until released, or until the client hangs up */
            while (r->hold && !r->quit && !gone) {
                pthread_mutex_unlock(&r->lock);
                struct pollfd client = {.fd = fd, .events = POLLIN};
                char byte = 0;
                gone = poll(&client, 1, 20) > 0 && recv(fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT) <= 0;
                pthread_mutex_lock(&r->lock);
            }
            int status = r->status;
            pthread_mutex_unlock(&r->lock);
            char answer[128];
            int n = snprintf(answer, sizeof answer, "HTTP/1.1 %d Answer\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok",
                             status);
            if (!gone) {
                (void)!send(fd, answer, (size_t)n, MSG_NOSIGNAL);
            }
        }
        close(fd);
    }
    return NULL;
}

static Receiver *receiver_start(int status)
{
    Receiver *r = calloc(1, sizeof *r);
    assert_non_null(r);
    r->status = status;
    pthread_mutex_init(&r->lock, NULL);
    pthread_cond_init(&r->changed, NULL);
    r->listen_fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    assert_true(r->listen_fd >= 0);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    assert_int_equal(bind(r->listen_fd, (struct sockaddr *)&address, sizeof address), 0);
    socklen_t length = sizeof address;
    assert_int_equal(getsockname(r->listen_fd, (struct sockaddr *)&address, &length), 0);
    r->port = ntohs(address.sin_port);
    assert_int_equal(listen(r->listen_fd, 8), 0);
    assert_int_equal(pthread_create(&r->thread, NULL, receiver_main, r), 0);
    return r;
}

static void receiver_stop(Receiver *r)
{
    pthread_mutex_lock(&r->lock);
    r->quit = true;
    pthread_cond_broadcast(&r->changed);
    pthread_mutex_unlock(&r->lock);
    pthread_join(r->thread, NULL);
    close(r->listen_fd);
    pthread_cond_destroy(&r->changed);
    pthread_mutex_destroy(&r->lock);
    free(r);
}

static void receiver_set(Receiver *r, int status, bool hold)
{
    pthread_mutex_lock(&r->lock);
    r->status = status;
    r->hold = hold;
    pthread_cond_broadcast(&r->changed);
    pthread_mutex_unlock(&r->lock);
}

static bool receiver_wait(Receiver *r, int requests)
{
    uint64_t until = now_ms() + WAIT_MS;
    pthread_mutex_lock(&r->lock);
    while (r->requests < requests && now_ms() < until) {
        pthread_mutex_unlock(&r->lock);
        sleep_ms(5);
        pthread_mutex_lock(&r->lock);
    }
    bool got = r->requests >= requests;
    pthread_mutex_unlock(&r->lock);
    return got;
}

/* Waits until the poster has sent or failed `done` documents in all. */
static PosterCounts wait_counts(Poster *p, uint64_t done)
{
    uint64_t until = now_ms() + WAIT_MS;
    PosterCounts counts = poster_counts(p);
    while (counts.sent + counts.failed < done && now_ms() < until) {
        sleep_ms(5);
        counts = poster_counts(p);
    }
    return counts;
}

typedef struct Env {
    FILE *log_file;
    Log log;
    char url[256];
    Receiver *receiver;
} Env;

static int setup(void **state)
{
    Env *env = calloc(1, sizeof *env);
    env->log_file = tmpfile();
    log_create(&env->log, env->log_file, LOG_INFO, LOG_STYLE_TERMINAL);
    env->receiver = receiver_start(204);
    snprintf(env->url, sizeof env->url, "http://user:secret@127.0.0.1:%d/kiosks/status", env->receiver->port);
    *state = env;
    return 0;
}

static int teardown(void **state)
{
    Env *env = *state;
    if (env->receiver) {
        receiver_stop(env->receiver);
    }
    log_destroy(&env->log);
    fclose(env->log_file);
    free(env);
    return 0;
}

/* How many lines of the log so far contain text. */
static int log_lines_with(Env *env, const char *text)
{
    char line[2048];
    int count = 0;
    fflush(env->log_file);
    rewind(env->log_file);
    while (fgets(line, sizeof line, env->log_file)) {
        count += strstr(line, text) != NULL;
    }
    fseek(env->log_file, 0, SEEK_END);
    return count;
}

static Poster *start_poster(Env *env, long timeout_ms)
{
    PosterConfig config = {.url = env->url, .user_agent = "facts-kiosk/test", .log = &env->log, .timeout_ms = timeout_ms};
    Poster *p = poster_create(&config);
    assert_non_null(p);
    return p;
}

static void test_posts_json(void **state)
{
    Env *env = *state;
    Poster *p = start_poster(env, 0);
    const char *body = "{\"kiosk_id\":\"k1\",\"title\":\"Пример\"}\n";
    assert_true(poster_send(p, body, strlen(body)));
    PosterCounts counts = wait_counts(p, 1);
    assert_int_equal(counts.sent, 1);
    assert_int_equal(counts.failed, 0);
    Receiver *r = env->receiver;
    assert_true(receiver_wait(r, 1));
    assert_true(strncmp(r->heads[0], "POST /kiosks/status HTTP/1.1\r\n", 30) == 0);
    assert_non_null(find_nocase(r->heads[0], "\r\nContent-Type: application/json\r\n"));
    assert_non_null(find_nocase(r->heads[0], "\r\nUser-Agent: facts-kiosk/test\r\n"));
    assert_null(find_nocase(r->heads[0], "\r\nExpect:"));
    assert_string_equal(r->bodies[0], body);
    poster_destroy(p);
    /* The address is logged without the user name and password. */
    assert_int_equal(log_lines_with(env, "status reports go to http://127.0.0.1:"), 1);
    assert_int_equal(log_lines_with(env, "secret"), 0);
}

static void test_newer_document_replaces_waiting_one(void **state)
{
    Env *env = *state;
    Receiver *r = env->receiver;
    receiver_set(r, 200, true);
    Poster *p = start_poster(env, 0);
    assert_true(poster_send(p, "{\"n\":1}", 7));
    assert_true(receiver_wait(r, 1)); /* the first is in flight, held by the receiver */
    assert_true(poster_send(p, "{\"n\":2}", 7));
    assert_true(poster_send(p, "{\"n\":3}", 7));
    assert_int_equal(poster_counts(p).replaced, 1);
    receiver_set(r, 200, false);
    PosterCounts counts = wait_counts(p, 2);
    assert_int_equal(counts.sent, 2);
    assert_true(receiver_wait(r, 2));
    assert_string_equal(r->bodies[0], "{\"n\":1}");
    assert_string_equal(r->bodies[1], "{\"n\":3}");
    assert_false(poster_send(p, "x", POSTER_BODY_MAX + 1));
    poster_destroy(p);
}

static void test_failures_are_logged_once_per_kind(void **state)
{
    Env *env = *state;
    receiver_set(env->receiver, 500, false);
    Poster *p = start_poster(env, 0);
    for (uint64_t i = 1; i <= 3; i++) {
        assert_true(poster_send(p, "{}", 2));
        assert_int_equal(wait_counts(p, i).failed, i);
    }
    assert_int_equal(log_lines_with(env, "HTTP status 500"), 1);
    receiver_set(env->receiver, 201, false);
    assert_true(poster_send(p, "{}", 2));
    assert_int_equal(wait_counts(p, 4).sent, 1);
    assert_int_equal(log_lines_with(env, "takes reports again"), 1);
    /* The receiver goes away: nothing listens on the port any more. */
    receiver_stop(env->receiver);
    env->receiver = NULL;
    for (uint64_t i = 5; i <= 7; i++) {
        assert_true(poster_send(p, "{}", 2));
        assert_int_equal(wait_counts(p, i).failed, i - 1);
    }
    assert_int_equal(log_lines_with(env, "cannot connect"), 1);
    assert_int_equal(log_lines_with(env, "HTTP status 500"), 1);
    poster_destroy(p);
}

static void test_a_receiver_that_never_answers(void **state)
{
    Env *env = *state;
    receiver_set(env->receiver, 200, true);
    Poster *p = start_poster(env, 300);
    assert_true(poster_send(p, "{}", 2));
    PosterCounts counts = wait_counts(p, 1);
    assert_int_equal(counts.failed, 1);
    assert_int_equal(log_lines_with(env, "timed out"), 1);
    poster_destroy(p);

    /* With the usual timeout: stopping during the POST does not wait for it. */
    p = start_poster(env, 0);
    assert_true(poster_send(p, "{}", 2));
    assert_true(receiver_wait(env->receiver, 2));
    uint64_t asked = now_ms();
    poster_destroy(p);
    uint64_t took = now_ms() - asked;
    assert_true(took < 100); /* libcurl's own timers alone would take about 200 ms */
}

static void test_only_http_and_https(void **state)
{
    Env *env = *state;
    static const char *const GOOD[] = {"http://example.org/s", "HTTPS://example.org", "http://127.0.0.1:8080/"};
    static const char *const BAD[] = {"", "example.org", "ftp://example.org/", "file:///var/lib/x", "http://",
                                      "https:///x", "gopher://example.org", "smtp://example.org", NULL};
    for (size_t i = 0; i < sizeof GOOD / sizeof GOOD[0]; i++) {
        assert_true(poster_url_allowed(GOOD[i]));
    }
    for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++) {
        assert_false(poster_url_allowed(BAD[i]));
    }
    PosterConfig config = {.url = "file:///etc/passwd", .log = &env->log};
    assert_null(poster_create(&config));
    assert_int_equal(log_lines_with(env, "must be an http:// or https:// address"), 1);
}

int main(void)
{
    /* A proxy from the environment would take these loopback requests elsewhere. */
    static const char *const PROXY_VARIABLES[] = {"http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"};
    for (size_t i = 0; i < sizeof PROXY_VARIABLES / sizeof PROXY_VARIABLES[0]; i++) {
        unsetenv(PROXY_VARIABLES[i]);
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_posts_json, setup, teardown),
        cmocka_unit_test_setup_teardown(test_newer_document_replaces_waiting_one, setup, teardown),
        cmocka_unit_test_setup_teardown(test_failures_are_logged_once_per_kind, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_receiver_that_never_answers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_only_http_and_https, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
