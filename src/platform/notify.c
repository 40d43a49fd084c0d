/* notify.c — sd_notify without libsystemd; see notify.h for why. */
#define _POSIX_C_SOURCE 200809L
#include "platform/notify.h"

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { USEC_PER_MS = 1000, WATCHDOG_SAFETY_DIVISOR = 2 };

bool notify_parse_usec(const char *text, uint64_t *usec)
{
    if (text == NULL || *text < '0' || *text > '9') {
        return false;
    }
    errno = 0;
    char *end = NULL;
    unsigned long long value = strtoull(text, &end, 10);
    if (errno != 0 || *end != '\0' || value == 0) {
        return false;
    }
    *usec = (uint64_t)value;
    return true;
}

static bool parse_pid(const char *text, long *pid)
{
    if (text == NULL || *text < '0' || *text > '9') {
        return false;
    }
    errno = 0;
    char *end = NULL;
    long value = strtol(text, &end, 10);
    if (errno != 0 || *end != '\0' || value <= 0) {
        return false;
    }
    *pid = value;
    return true;
}

/* Fills the socket address; '@' at the start means Linux's abstract
 * namespace, spelled with a leading NUL byte and no terminator. */
static bool make_address(Notify *notify, const char *socket_name)
{
    size_t length = strlen(socket_name);
    if (length < 2 || (socket_name[0] != '/' && socket_name[0] != '@') ||
        length >= sizeof notify->address.sun_path) {
        return false;
    }
    notify->address.sun_family = AF_UNIX;
    memcpy(notify->address.sun_path, socket_name, length);
    if (socket_name[0] == '@') {
        notify->address.sun_path[0] = '\0';
        notify->address_length = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + length);
    } else {
        notify->address_length = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + length + 1);
    }
    return true;
}

NotifyStatus notify_create(Notify *notify, const char *socket_name, const char *watchdog_usec,
                         const char *watchdog_pid, long self_pid)
{
    *notify = (Notify){.fd = -1};
    if (socket_name == NULL || socket_name[0] == '\0') {
        return NOTIFY_OK;
    }
    if (!make_address(notify, socket_name)) {
        return NOTIFY_BAD_ADDRESS;
    }
    int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        notify->last_errno = errno;
        return NOTIFY_SOCKET_ERROR;
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) {
        notify->last_errno = errno;
        close(fd);
        return NOTIFY_SOCKET_ERROR;
    }
    notify->fd = fd;
    notify->enabled = true;

    uint64_t usec = 0;
    long pid = 0;
    bool for_us = watchdog_pid == NULL || (parse_pid(watchdog_pid, &pid) && pid == self_pid);
    if (for_us && notify_parse_usec(watchdog_usec, &usec)) {
        notify->watchdog_usec = usec;
    }
    return NOTIFY_OK;
}

NotifyStatus notify_create_from_env(Notify *notify)
{
    return notify_create(notify, getenv("NOTIFY_SOCKET"), getenv("WATCHDOG_USEC"),
                       getenv("WATCHDOG_PID"), (long)getpid());
}

void notify_destroy(Notify *notify)
{
    if (notify == NULL) {
        return;
    }
    if (notify->enabled && notify->fd >= 0) {
        close(notify->fd);
    }
    notify->fd = -1;
    notify->enabled = false;
}

NotifyStatus notify_send(Notify *notify, const char *message)
{
    if (!notify->enabled) {
        return NOTIFY_OK;
    }
    ssize_t sent = sendto(notify->fd, message, strlen(message), MSG_NOSIGNAL,
                          (const struct sockaddr *)&notify->address, notify->address_length);
    if (sent < 0) {
        notify->last_errno = errno;
        return NOTIFY_SEND_ERROR;
    }
    return NOTIFY_OK;
}

NotifyStatus notify_ready(Notify *notify)
{
    return notify_send(notify, "READY=1");
}

NotifyStatus notify_watchdog(Notify *notify)
{
    return notify_send(notify, "WATCHDOG=1");
}

NotifyStatus notify_stopping(Notify *notify)
{
    return notify_send(notify, "STOPPING=1");
}

NotifyStatus notify_status(Notify *notify, const char *text)
{
    char message[sizeof "STATUS=" + NOTIFY_STATUS_MAX] = "STATUS=";
    size_t prefix = strlen(message);
    size_t i = 0;
    for (; text[i] != '\0' && i < NOTIFY_STATUS_MAX; i++) {
        char c = text[i];
        message[prefix + i] = (c == '\n' || c == '\r') ? ' ' : c;
    }
    message[prefix + i] = '\0';
    return notify_send(notify, message);
}

uint64_t notify_watchdog_interval_ms(const Notify *notify)
{
    if (!notify->enabled || notify->watchdog_usec == 0) {
        return 0;
    }
    uint64_t ms = notify->watchdog_usec / WATCHDOG_SAFETY_DIVISOR / USEC_PER_MS;
    return ms == 0 ? 1 : ms;
}
