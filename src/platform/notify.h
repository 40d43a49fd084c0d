/* notify.h — the systemd notify protocol (sd_notify) spoken directly: one
 * datagram per message over the AF_UNIX socket named by NOTIFY_SOCKET.
 * Why not libsystemd: the protocol is a dozen lines (connectionless datagrams
 * of "KEY=value" text); doing it here adds no run-time dependency, behaves the
 * same on Raspberry Pi OS, Debian and a container without systemd, and stays
 * testable with a plain socket. We do not need sd-bus or the journal API.
 * Start with notify_create_from_env(), then notify_ready() after the first frame and
 * notify_watchdog() every notify_watchdog_interval_ms() from the render loop.
 * Without NOTIFY_SOCKET (not started by systemd) every call is a silent no-op. */
#ifndef FACTS_PLATFORM_NOTIFY_H
#define FACTS_PLATFORM_NOTIFY_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/un.h>

typedef enum NotifyStatus {
    NOTIFY_OK = 0,          /* sent, or nothing to do because notify is off */
    NOTIFY_BAD_ADDRESS,     /* NOTIFY_SOCKET is not a path or @abstract name that fits */
    NOTIFY_SOCKET_ERROR,    /* socket() failed; see notify->last_errno */
    NOTIFY_SEND_ERROR,      /* sendto() failed; see notify->last_errno */
} NotifyStatus;

typedef struct Notify {
    bool enabled;
    int fd;
    struct sockaddr_un address;
    socklen_t address_length;
    uint64_t watchdog_usec; /* 0 when the watchdog is off or meant for another process */
    int last_errno;
} Notify;

/* Longest STATUS= text sent; longer text is cut. */
enum { NOTIFY_STATUS_MAX = 256 };

/* Sets notify up from explicit values (any may be NULL): socket is the
 * NOTIFY_SOCKET value ("/run/systemd/notify" or "@abstract"), watchdog_usec
 * and watchdog_pid the WATCHDOG_USEC and WATCHDOG_PID values, self_pid our
 * own pid. A NULL or empty socket leaves notify disabled and returns
 * NOTIFY_OK. The watchdog counts only if WATCHDOG_USEC is a positive number
 * and WATCHDOG_PID is absent or equals self_pid. On failure notify is
 * disabled (every later call a no-op) and the status says why; the caller
 * logs it. notify_destroy() must be called in every case. */
NotifyStatus notify_create(Notify *notify, const char *socket, const char *watchdog_usec,
                         const char *watchdog_pid, long self_pid);

/* notify_create() with the values of NOTIFY_SOCKET, WATCHDOG_USEC and
 * WATCHDOG_PID from the environment and getpid(). */
NotifyStatus notify_create_from_env(Notify *notify);

/* Closes the socket. NULL or a never-enabled notify is a no-op. */
void notify_destroy(Notify *notify);

/* Sends message as one datagram (e.g. "READY=1\nSTATUS=showing pack 12").
 * Non-blocking: if systemd is not reading, the message is dropped with
 * NOTIFY_SEND_ERROR rather than stalling the render loop. */
NotifyStatus notify_send(Notify *notify, const char *message);

/* "READY=1": the first complete frame is on screen (Type=notify units). */
NotifyStatus notify_ready(Notify *notify);

/* "WATCHDOG=1": the render loop is alive. */
NotifyStatus notify_watchdog(Notify *notify);

/* "STOPPING=1": shutting down on purpose. */
NotifyStatus notify_stopping(Notify *notify);

/* "STATUS=text", shown by systemctl status. Newlines in text become spaces
 * so text cannot add other assignments. */
NotifyStatus notify_status(Notify *notify, const char *text);

/* How often to send WATCHDOG=1: half of WATCHDOG_USEC, in milliseconds
 * (at least 1), or 0 when systemd expects no pings. */
uint64_t notify_watchdog_interval_ms(const Notify *notify);

/* Parses a WATCHDOG_USEC value: a positive decimal number of microseconds
 * with nothing after it. Returns false (and leaves *usec) for anything else. */
bool notify_parse_usec(const char *text, uint64_t *usec);

#endif
