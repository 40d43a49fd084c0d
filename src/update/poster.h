/* poster.h — sends a small document (the kiosk's status JSON) to a web address by HTTP POST
 * from a background thread, best effort, so the caller never waits for the network.
 * poster_send() only copies the document into a one-slot mailbox (a newer document replaces
 * one not sent yet: what matters is the latest status) and returns; poster_send_picture()
 * does the same with a slot of its own for a JPEG picture of the screen, POSTed as a request
 * of its own (a report never waits behind a picture, nor replaces one). The thread POSTs
 * them with libcurl: Content-Type: application/json or image/jpeg, an X-Kiosk-Id header when
 * the kiosk's id is given, http and https only (redirects are not
 * followed), short connect and total timeouts, no retries (the next report comes anyway),
 * proxy settings from the environment as curl users expect (http_proxy, https_proxy,
 * no_proxy). A failure is logged once per kind ("cannot connect", "HTTP 500") until a POST
 * gets through or fails another way (for reports and pictures apart), not at every report;
 * the address is logged without any user name or password in it. poster_destroy() stops a
 * POST in flight at once.
 *
 *   Poster *p = poster_create(&(PosterConfig){.url = url, .user_agent = "facts-kiosk/1", .log = log});
 *   poster_send(p, json, length);   // from the main loop: never blocks on the network
 *   poster_destroy(p);
 * All functions are called from one thread (the owner's). */
#ifndef FACTS_UPDATE_POSTER_H
#define FACTS_UPDATE_POSTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "platform/log.h"

enum {
    POSTER_CONNECT_TIMEOUT_MS = 3000,
    POSTER_TIMEOUT_MS = 10000,      /* the whole POST, connect included */
    POSTER_BODY_MAX = 64 * 1024,    /* a larger document is not sent */
    POSTER_PICTURE_MAX = 1024 * 1024, /* nor a larger picture */
};

typedef struct PosterConfig {
    const char *url;            /* http:// or https://; copied */
    const char *user_agent;     /* copied; NULL: libcurl's */
    const char *kiosk_id;       /* sent as X-Kiosk-Id (control characters dropped); NULL or "": none */
    Log *log;                   /* the owner's: the thread writes to its FILE through a Log of its own */
    long connect_timeout_ms;    /* 0: POSTER_CONNECT_TIMEOUT_MS */
    long timeout_ms;            /* 0: POSTER_TIMEOUT_MS */
} PosterConfig;

/* What the thread has done so far (for tests and the log). */
typedef struct PosterCounts {
    uint64_t sent;      /* answered with HTTP 2xx */
    uint64_t failed;    /* not delivered: no connection, timeout, another HTTP status */
    uint64_t replaced;  /* documents replaced by a newer one before they were sent */
} PosterCounts;

typedef struct Poster Poster;

/* True when url starts with http:// or https:// (any case) and has a host after it. */
bool poster_url_allowed(const char *url);

/* Starts the thread. Returns NULL (logged) when the address is not http or https, or
 * libcurl or the thread cannot be started. log must outlive the Poster. */
Poster *poster_create(const PosterConfig *config);

/* Stops a POST in flight (at once, not at its timeout), joins the thread and frees
 * everything; a document not yet sent is dropped. NULL is a no-op. */
void poster_destroy(Poster *p);

/* Hands len bytes of body to the thread for the next POST, replacing one still waiting.
 * Never waits for the network. Returns false when len is over POSTER_BODY_MAX or memory
 * runs out (nothing is queued). */
bool poster_send(Poster *p, const char *body, size_t len);

/* Hands len bytes of a JPEG picture to the thread for a POST of its own (Content-Type:
 * image/jpeg), replacing a picture still waiting; reports wait in their own slot. Never waits
 * for the network. Returns false when len is over POSTER_PICTURE_MAX or memory runs out. */
bool poster_send_picture(Poster *p, const void *jpeg, size_t len);

/* The thread's counts so far. */
PosterCounts poster_counts(Poster *p);

#endif
