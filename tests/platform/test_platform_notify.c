/* systemd notify: the test plays systemd — it binds an AF_UNIX datagram
 * socket, points NOTIFY_SOCKET at it and reads back what the kiosk sends.
 * Also WATCHDOG_USEC/WATCHDOG_PID handling and the silent no-op. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include <cmocka.h>

#include "platform/notify.h"

typedef struct FakeSystemd {
    char dir[64];
    char path[128];
    int fd;
} FakeSystemd;

static void systemd_bind(FakeSystemd *s)
{
    snprintf(s->dir, sizeof s->dir, "/tmp/facts-notify-XXXXXX");
    assert_non_null(mkdtemp(s->dir));
    snprintf(s->path, sizeof s->path, "%s/notify", s->dir);
    s->fd = socket(AF_UNIX, SOCK_DGRAM, 0);
    assert_true(s->fd >= 0);
    struct sockaddr_un address = {.sun_family = AF_UNIX};
    assert_true(strlen(s->path) < sizeof address.sun_path);
    memcpy(address.sun_path, s->path, strlen(s->path) + 1);
    assert_int_equal(bind(s->fd, (struct sockaddr *)&address, sizeof address), 0);
}

static void systemd_close(FakeSystemd *s)
{
    close(s->fd);
    unlink(s->path);
    rmdir(s->dir);
}

/* Next datagram as a string; fails the test if none is waiting. */
static void expect_datagram(int fd, const char *expected)
{
    char buffer[512] = {0};
    ssize_t n = recv(fd, buffer, sizeof buffer - 1, MSG_DONTWAIT);
    assert_true(n >= 0);
    buffer[n] = '\0';
    assert_string_equal(buffer, expected);
}

static void expect_nothing(int fd)
{
    char buffer[16];
    assert_true(recv(fd, buffer, sizeof buffer, MSG_DONTWAIT) < 0);
}

static void clear_env(void)
{
    unsetenv("NOTIFY_SOCKET");
    unsetenv("WATCHDOG_USEC");
    unsetenv("WATCHDOG_PID");
}

static void test_messages_reach_systemd(void **state)
{
    (void)state;
    FakeSystemd s;
    systemd_bind(&s);
    clear_env();
    setenv("NOTIFY_SOCKET", s.path, 1);
    setenv("WATCHDOG_USEC", "2000000", 1);

    Notify n;
    assert_int_equal(notify_create_from_env(&n), NOTIFY_OK);
    assert_true(n.enabled);
    assert_int_equal(notify_watchdog_interval_ms(&n), 1000);
    assert_int_equal(notify_ready(&n), NOTIFY_OK);
    assert_int_equal(notify_watchdog(&n), NOTIFY_OK);
    assert_int_equal(notify_status(&n, "showing pack 12\nREADY=1"), NOTIFY_OK);
    assert_int_equal(notify_stopping(&n), NOTIFY_OK);
    expect_datagram(s.fd, "READY=1");
    expect_datagram(s.fd, "WATCHDOG=1");
    expect_datagram(s.fd, "STATUS=showing pack 12 READY=1");
    expect_datagram(s.fd, "STOPPING=1");
    expect_nothing(s.fd);
    notify_destroy(&n);
    systemd_close(&s);
    clear_env();
}

static void test_abstract_socket(void **state)
{
    (void)state;
    char name[64];
    snprintf(name, sizeof name, "@facts-notify-test-%ld", (long)getpid());
    int fd = socket(AF_UNIX, SOCK_DGRAM, 0);
    assert_true(fd >= 0);
    struct sockaddr_un address = {.sun_family = AF_UNIX};
    size_t length = strlen(name);
    memcpy(address.sun_path, name, length);
    address.sun_path[0] = '\0';
    assert_int_equal(bind(fd, (struct sockaddr *)&address,
                          (socklen_t)(offsetof(struct sockaddr_un, sun_path) + length)),
                     0);

    Notify n;
    assert_int_equal(notify_create(&n, name, NULL, NULL, 1), NOTIFY_OK);
    assert_int_equal(notify_ready(&n), NOTIFY_OK);
    expect_datagram(fd, "READY=1");
    assert_int_equal(notify_watchdog_interval_ms(&n), 0);
    notify_destroy(&n);
    close(fd);
}

static void test_without_notify_socket_is_silent(void **state)
{
    (void)state;
    clear_env();
    setenv("WATCHDOG_USEC", "2000000", 1);
    Notify n;
    assert_int_equal(notify_create_from_env(&n), NOTIFY_OK);
    assert_false(n.enabled);
    assert_int_equal(notify_ready(&n), NOTIFY_OK);
    assert_int_equal(notify_watchdog(&n), NOTIFY_OK);
    assert_int_equal(notify_watchdog_interval_ms(&n), 0);
    notify_destroy(&n);
    notify_destroy(NULL);
    clear_env();
}

static void test_watchdog_settings(void **state)
{
    (void)state;
    FakeSystemd s;
    systemd_bind(&s);
    Notify n;

    notify_create(&n, s.path, "30000000", "4242", 4242);
    assert_int_equal(notify_watchdog_interval_ms(&n), 15000);
    notify_destroy(&n);

    /* WATCHDOG_PID names another process: not our watchdog. */
    notify_create(&n, s.path, "30000000", "4243", 4242);
    assert_int_equal(notify_watchdog_interval_ms(&n), 0);
    notify_destroy(&n);

    const char *bad[] = {"", "abc", "0", "-5", "10s", "99999999999999999999999"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        notify_create(&n, s.path, bad[i], NULL, 4242);
        assert_int_equal(notify_watchdog_interval_ms(&n), 0);
        notify_destroy(&n);
    }

    /* Very short watchdog: never a 0 ms (busy) interval. */
    notify_create(&n, s.path, "1000", NULL, 4242);
    assert_int_equal(notify_watchdog_interval_ms(&n), 1);
    notify_destroy(&n);

    uint64_t usec = 0;
    assert_true(notify_parse_usec("123", &usec));
    assert_int_equal(usec, 123);
    assert_false(notify_parse_usec(" 123", &usec));
    systemd_close(&s);
}

static void test_failures_are_reported(void **state)
{
    (void)state;
    Notify n;
    assert_int_equal(notify_create(&n, "relative/path", NULL, NULL, 1), NOTIFY_BAD_ADDRESS);
    assert_false(n.enabled);
    assert_int_equal(notify_ready(&n), NOTIFY_OK);
    notify_destroy(&n);

    char too_long[200];
    memset(too_long, 'a', sizeof too_long - 1);
    too_long[0] = '/';
    too_long[sizeof too_long - 1] = '\0';
    assert_int_equal(notify_create(&n, too_long, NULL, NULL, 1), NOTIFY_BAD_ADDRESS);
    notify_destroy(&n);

    /* Nobody listening: the send fails, is reported, and does not block. */
    assert_int_equal(notify_create(&n, "/nonexistent/notify", NULL, NULL, 1), NOTIFY_OK);
    assert_int_equal(notify_ready(&n), NOTIFY_SEND_ERROR);
    assert_true(n.last_errno != 0);
    notify_destroy(&n);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_messages_reach_systemd),
        cmocka_unit_test(test_abstract_socket),
        cmocka_unit_test(test_without_notify_socket_is_silent),
        cmocka_unit_test(test_watchdog_settings),
        cmocka_unit_test(test_failures_are_reported),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
