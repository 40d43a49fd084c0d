/* The status part (part_status.c) on the test double of the shared core, with a real store in
 * a temporary state directory and a real poster sending to a small HTTP receiver on 127.0.0.1
 * (a thread here that answers 204 and counts the POSTs by Content-Type):
 *   - a refused stick, then ten quiet polls of the update URL that find nothing new:
 *     status.json keeps the refusal in last_update and shows the polls in last_poll; one
 *     report is sent for the ten polls (the first), and one when the polls start failing;
 *   - the picture of the screen is never asked for, and one asked for is dropped, while the
 *     staff panel or the lead form is on top or the display sleeps: status.json says when and
 *     why; once allowed, the picture read is written as screen.jpg (a whole JPEG), named in
 *     status.json and the Prometheus file, and POSTed as image/jpeg on its own. */
#define _GNU_SOURCE /* strcasestr */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app/core_double.h"
#include "app/part_status.h"
#include "store/store.h"

/* ---- a receiver of POSTs ------------------------------------------------------------------- */

typedef struct Receiver {
    int listener;
    int port;
    pthread_t thread;
    pthread_mutex_t lock;
    int json_posts;
    int jpeg_posts;
    size_t last_jpeg_length;
    char last_kiosk_id[64];
} Receiver;

/* One request: headers, then Content-Length bytes of body; answered 204. */
static void receive_one(Receiver *r, int fd)
{
    enum { HEAD_MAX = 8192 };
    char head[HEAD_MAX + 1];
    size_t used = 0;
    char *end = NULL;
    while (used < HEAD_MAX && !end) {
        ssize_t n = read(fd, head + used, HEAD_MAX - used);
        if (n <= 0) {
            return;
        }
        used += (size_t)n;
        head[used] = '\0';
        end = strstr(head, "\r\n\r\n");
    }
    if (!end) {
        return;
    }
    const char *length_at = strcasestr(head, "Content-Length:");
    size_t length = length_at ? strtoul(length_at + 15, NULL, 10) : 0;
    size_t have = used - (size_t)(end + 4 - head);
    char sink[65536];
    while (have < length) {
        ssize_t n = read(fd, sink, sizeof sink);
        if (n <= 0) {
            return;
        }
        have += (size_t)n;
    }
    const char *id = strcasestr(head, "X-Kiosk-Id: ");
    pthread_mutex_lock(&r->lock);
    if (strcasestr(head, "Content-Type: image/jpeg")) {
        r->jpeg_posts++;
        r->last_jpeg_length = length;
    } else if (strcasestr(head, "Content-Type: application/json")) {
        r->json_posts++;
    }
    if (id) {
        sscanf(id + 12, "%63[^\r\n]", r->last_kiosk_id);
    }
    pthread_mutex_unlock(&r->lock);
    static const char ANSWER[] = "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n";
    ssize_t sent = write(fd, ANSWER, sizeof ANSWER - 1);
    (void)sent;
}

static void *receiver_main(void *arg)
{
    Receiver *r = arg;
    for (;;) {
        int fd = accept(r->listener, NULL, NULL);
        if (fd < 0) {
            return NULL; /* shut down */
        }
        receive_one(r, fd);
        close(fd);
    }
}

static void receiver_start(Receiver *r)
{
    memset(r, 0, sizeof *r);
    pthread_mutex_init(&r->lock, NULL);
    r->listener = socket(AF_INET, SOCK_STREAM, 0);
    assert_true(r->listener >= 0);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t size = sizeof address;
    assert_int_equal(bind(r->listener, (struct sockaddr *)&address, sizeof address), 0);
    assert_int_equal(listen(r->listener, 8), 0);
    assert_int_equal(getsockname(r->listener, (struct sockaddr *)&address, &size), 0);
    r->port = ntohs(address.sin_port);
    assert_int_equal(pthread_create(&r->thread, NULL, receiver_main, r), 0);
}

static void receiver_stop(Receiver *r)
{
    shutdown(r->listener, SHUT_RDWR);
    close(r->listener);
    pthread_join(r->thread, NULL);
    pthread_mutex_destroy(&r->lock);
}

static void receiver_counts(Receiver *r, int *json, int *jpeg)
{
    pthread_mutex_lock(&r->lock);
    *json = r->json_posts;
    *jpeg = r->jpeg_posts;
    pthread_mutex_unlock(&r->lock);
}

/* Waits up to 5 s for the receiver to hold json and jpeg POSTs, then 300 ms more so that one
 * too many would show; asserts the counts are exactly those. */
static void expect_posts(Receiver *r, int json, int jpeg)
{
    int got_json = 0, got_jpeg = 0;
    for (int i = 0; i < 500; i++) {
        receiver_counts(r, &got_json, &got_jpeg);
        if (got_json >= json && got_jpeg >= jpeg) {
            break;
        }
        usleep(10000);
    }
    usleep(300000);
    receiver_counts(r, &got_json, &got_jpeg);
    assert_int_equal(got_json, json);
    assert_int_equal(got_jpeg, jpeg);
}

/* ---- the part on the double ---------------------------------------------------------------- */

typedef struct Fixture {
    App app;
    PackStore store;
    char dir[512];
    Receiver receiver;
} Fixture;

static void fixture_start(Fixture *f, int screenshot_minutes)
{
    memset(f, 0, sizeof *f);
    core_double_create(&f->app, LOG_WARN);
    core_double_temp_dir(f->dir, sizeof f->dir, "facts-part-status");
    assert_int_equal(store_init(&f->store, f->dir, NULL, NULL), STORE_OK);
    f->app.store = &f->store;
    receiver_start(&f->receiver);
    snprintf(f->app.options.kiosk_id, sizeof f->app.options.kiosk_id, "hall-a-left");
    snprintf(f->app.options.report_url, sizeof f->app.options.report_url, "http://127.0.0.1:%d/", f->receiver.port);
    snprintf(f->app.options.prometheus_file, sizeof f->app.options.prometheus_file, "%s/metrics.prom", f->dir);
    f->app.options.screenshot_minutes = screenshot_minutes;
    f->app.part = &part_status;
    f->app.self = part_status.start(&f->app, 0);
    assert_non_null(f->app.self);
}

static void fixture_stop(Fixture *f)
{
    part_status.stop(&f->app, f->app.self);
    receiver_stop(&f->receiver);
    core_double_temp_dir_remove(f->dir);
    core_double_destroy(&f->app);
}

/* The file dir/name into text (NUL-terminated); its length, or -1 when it cannot be read. */
static long read_file(const char *dir, const char *name, char *text, size_t size)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *file = fopen(path, "rb");
    if (!file) {
        return -1;
    }
    size_t n = fread(text, 1, size - 1, file);
    fclose(file);
    text[n] = '\0';
    return (long)n;
}

static void status_json(const Fixture *f, char *text, size_t size)
{
    assert_true(read_file(f->dir, "status.json", text, size) > 0);
}

static UpdateResult url_result(UpdateOutcome outcome, UpdateMessage message)
{
    UpdateResult result = {.outcome = outcome, .message = message, .source = UPDATE_SOURCE_URL, .quiet = true};
    return result;
}

static void test_quiet_polls_keep_the_refusal(void **state)
{
    (void)state;
    static const char URL[] = "https://example.org/facts/";
    Fixture f;
    fixture_start(&f, 0);
    char json[STATUS_JSON_MAX];

    part_status_tick(&f.app, 0, false); /* the first report, at start */
    expect_posts(&f.receiver, 1, 0);

    /* A tampered stick: refused. */
    UpdateResult refused = {.outcome = UPDATE_REFUSED, .step = UPDATE_STEP_VERIFY, .message = UPDATE_MSG_SIG_BAD,
                            .source = UPDATE_SOURCE_STICK};
    part_status_attempt_begin(&f.app, "/media/STICK/facts-kiosk");
    part_status_attempt_end(&f.app, &refused, 1000);
    expect_posts(&f.receiver, 2, 0);

    /* Ten polls of a server with nothing new, 10 s apart (report_minutes is 5). */
    for (int poll = 1; poll <= 10; poll++) {
        UpdateResult unchanged = url_result(UPDATE_UNCHANGED, UPDATE_MSG_UNCHANGED);
        part_status_attempt_begin(&f.app, URL);
        part_status_attempt_end(&f.app, &unchanged, 1000 + (uint64_t)poll * 10000);
        part_status_tick(&f.app, 1000 + (uint64_t)poll * 10000, false);
    }
    expect_posts(&f.receiver, 3, 0); /* one for the ten polls */
    status_json(&f, json, sizeof json);
    assert_non_null(strstr(json, "\"last_update\":{\"source\":\"/media/STICK/facts-kiosk\","));
    assert_non_null(strstr(json, "\"result\":\"refused\",\"message_id\":\"sig-bad\""));
    assert_non_null(strstr(json, "\"last_poll\":{\"at\":\""));
    assert_non_null(strstr(json, "\"result\":\"unchanged\",\"message_id\":\"unchanged\""));
    /* The clock as the core says it is (issue 20): not trusted, and why. */
    assert_non_null(strstr(json, "\"clock\":{\"trusted\":false,\"source\":\"none\",\"offset_seconds\":0,"
                                 "\"why\":\"clock not confirmed: not synchronised by systemd-timesyncd; confirm it"));

    /* The server goes away: one report for the first failure, none for the next. */
    for (int poll = 11; poll <= 13; poll++) {
        UpdateResult away = url_result(UPDATE_FAILED, UPDATE_MSG_UNREACHABLE);
        part_status_attempt_begin(&f.app, URL);
        part_status_attempt_end(&f.app, &away, 1000 + (uint64_t)poll * 10000);
    }
    expect_posts(&f.receiver, 4, 0);
    status_json(&f, json, sizeof json);
    assert_non_null(strstr(json, "\"result\":\"refused\",\"message_id\":\"sig-bad\""));
    assert_non_null(strstr(json, "\"last_poll\":{\"at\":\""));
    assert_non_null(strstr(json, "\"result\":\"failed\",\"message_id\":\"unreachable\""));

    /* A pack installed from the URL replaces the refusal, and is sent; meanwhile staff
     * confirmed the clock five minutes on. */
    f.app.clock_source = CLOCK_TRUST_STAFF;
    f.app.clock_offset_s = 300;
    UpdateResult installed = {.outcome = UPDATE_OK, .step = UPDATE_STEP_DONE, .message = UPDATE_MSG_INSTALLED,
                              .pack_version = 8, .source = UPDATE_SOURCE_URL};
    part_status_attempt_begin(&f.app, URL);
    part_status_attempt_end(&f.app, &installed, 200000);
    expect_posts(&f.receiver, 5, 0);
    status_json(&f, json, sizeof json);
    assert_null(strstr(json, "sig-bad"));
    assert_non_null(strstr(json, "\"last_update\":{\"source\":\"https://example.org/facts/\","));
    char metrics[STATUS_METRICS_MAX];
    assert_true(read_file(f.dir, "metrics.prom", metrics, sizeof metrics) > 0);
    assert_non_null(strstr(metrics, "facts_kiosk_last_update_result{result=\"ok\"} 1\n"));
    assert_non_null(strstr(metrics, "facts_kiosk_last_poll_result{result=\"ok\"} 1\n"));
    assert_non_null(strstr(json, "\"clock\":{\"trusted\":true,\"source\":\"staff\",\"offset_seconds\":300,"));
    assert_non_null(strstr(metrics, "\nfacts_kiosk_clock_trusted 1\n"));
    fixture_stop(&f);
}

/* Ticks the part at now_ms. */
static void tick(Fixture *f, uint64_t now_ms)
{
    part_status_tick(&f->app, now_ms, false);
}

static void test_no_picture_under_a_private_layer(void **state)
{
    (void)state;
    Fixture f;
    fixture_start(&f, 1);
    char json[STATUS_JSON_MAX];
    char picture[1 << 16];
    uint64_t now = 0;
    tick(&f, now);
    expect_posts(&f.receiver, 1, 0);

    /* Due with the staff panel open: not asked for; the status says so. */
    f.app.layer_shown[APP_LAYER_STAFF_PANEL] = true;
    now = 10000;
    tick(&f, now);
    assert_int_equal(f.app.grab_requests, 0);
    tick(&f, now += 60000); /* status.json is written every 60 s */
    assert_int_equal(f.app.grab_requests, 0);
    status_json(&f, json, sizeof json);
    assert_non_null(strstr(json, "\"screenshot\":{\"at\":null,\"width\":0,\"height\":0,\"skipped_at\":\""));
    assert_non_null(strstr(json, "\"skipped\":\"staff panel\"}"));

    /* The panel closes: asked for; the lead form opens before the frame is drawn: dropped. */
    f.app.layer_shown[APP_LAYER_STAFF_PANEL] = false;
    tick(&f, now += 60000);
    assert_int_equal(f.app.grab_requests, 1);
    assert_int_equal(f.app.grab_max_width, 640);
    f.app.layer_shown[APP_LAYER_LEAD_FORM] = true;
    f.app.grab_state = APP_GRAB_READY; /* read by a core that did not look (the double) */
    tick(&f, now += 100);
    assert_int_equal(f.app.grabs_cancelled, 1);
    assert_int_equal(read_file(f.dir, "screen.jpg", picture, sizeof picture), -1);
    tick(&f, now += 60000);
    assert_int_equal(f.app.grab_requests, 1);
    status_json(&f, json, sizeof json);
    assert_non_null(strstr(json, "\"skipped\":\"lead form\"}"));

    /* Asleep: not asked for either. */
    f.app.layer_shown[APP_LAYER_LEAD_FORM] = false;
    f.app.asleep = true;
    tick(&f, now += 60000);
    assert_int_equal(f.app.grab_requests, 1);
    f.app.asleep = false;

    /* Allowed again: asked for, read, written whole, posted as a picture of its own. */
    tick(&f, now += 60000);
    assert_int_equal(f.app.grab_requests, 2);
    f.app.grab_state = APP_GRAB_READY;
    tick(&f, now += 20);
    long length = read_file(f.dir, "screen.jpg", picture, sizeof picture);
    assert_true(length > 4);
    assert_int_equal((unsigned char)picture[0], 0xFF);
    assert_int_equal((unsigned char)picture[1], 0xD8);
    assert_int_equal((unsigned char)picture[length - 2], 0xFF);
    assert_int_equal((unsigned char)picture[length - 1], 0xD9);
    int json_posts = 0, jpeg_posts = 0;
    for (int i = 0; i < 500 && jpeg_posts < 1; i++, usleep(10000)) {
        receiver_counts(&f.receiver, &json_posts, &jpeg_posts);
    }
    assert_int_equal(jpeg_posts, 1);
    assert_int_equal((long)f.receiver.last_jpeg_length, length);
    assert_string_equal(f.receiver.last_kiosk_id, "hall-a-left");
    tick(&f, now + 30000); /* the next one is due a minute later, not before */
    assert_int_equal(f.app.grab_requests, 2);
    tick(&f, now += 60000);
    assert_int_equal(f.app.grab_requests, 3);
    status_json(&f, json, sizeof json);
    assert_non_null(strstr(json, "\"screenshot\":{\"at\":\"20"));
    assert_non_null(strstr(json, "\"width\":64,\"height\":36,"));
    char metrics[STATUS_METRICS_MAX];
    assert_true(read_file(f.dir, "metrics.prom", metrics, sizeof metrics) > 0);
    assert_non_null(strstr(metrics, "\nfacts_kiosk_screenshot_timestamp_seconds "));

    fixture_stop(&f);
}

static void test_prometheus_file_readable_by_all(void **state)
{
    (void)state;
    Fixture f;
    fixture_start(&f, 0);
    umask(077); /* the packaged service's */
    tick(&f, 0);
    struct stat st;
    char path[1024];
    snprintf(path, sizeof path, "%s/metrics.prom", f.dir);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0644);
    char metrics[STATUS_METRICS_MAX];
    assert_true(read_file(f.dir, "metrics.prom", metrics, sizeof metrics) > 0);
    assert_non_null(strstr(metrics, "facts_kiosk_info{kiosk_id=\"hall-a-left\",package_version=\""));
    assert_non_null(strstr(metrics, "# TYPE facts_kiosk_display_awake gauge\nfacts_kiosk_display_awake 1\n"));
    fixture_stop(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quiet_polls_keep_the_refusal),
        cmocka_unit_test(test_no_picture_under_a_private_layer),
        cmocka_unit_test(test_prometheus_file_readable_by_all),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
