/* pull.h — fetching the pack from a web server (HTTP or HTTPS, libcurl): a folder URL that
 * holds content.db and content.db.minisig, as a stick's facts-kiosk/ folder does. This is
 * transport only: what is fetched is trusted for nothing until the update pipeline
 * (update.h, update_pull) has checked its signature, so redirects are followed (up to
 * PULL_MAX_REDIRECTS, http and https only) wherever they lead.
 *   - Each request is conditional when the caller has validators from an earlier answer
 *     (If-None-Match with the ETag, If-Modified-Since with the Last-Modified text, both
 *     sent back as the server wrote them): an unchanged file costs one small 304.
 *   - A pack is received straight into a StageWriter (stage.h): the size cap is checked
 *     against Content-Length before the body and counted during it, and the BLAKE2b hash
 *     is computed as it arrives. Staging starts only on a 200 answer.
 *   - Connect timeout and a low-speed limit end a dead or stalled server; the fault hook
 *     is asked at FAULT_COPY_READ as the transfer goes (at least once a second, even while
 *     nothing arrives), so ECANCELED stops a download promptly.
 *   - Proxies come from the environment as for every libcurl program (http_proxy,
 *     https_proxy, all_proxy, no_proxy); CA certificates from the system, or ca_file.
 * One Puller keeps one libcurl handle (so the signature and the pack share a connection)
 * and is used by one thread at a time. Start with pull_create() and pull_fetch(). */
#ifndef FACTS_UPDATE_PULL_H
#define FACTS_UPDATE_PULL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "platform/log.h"
#include "durable/fault.h"
#include "update/stage.h"

enum {
    PULL_VALIDATOR_MAX = 160,           /* longest ETag or Last-Modified kept; longer ones are not used */
    PULL_URL_MAX = 2048,
    PULL_ERROR_MAX = 256,
    PULL_MAX_REDIRECTS = 3,
    PULL_CONNECT_TIMEOUT_S = 15,        /* defaults of PullConfig's zero fields */
    PULL_LOW_SPEED_BYTES = 1024,        /* slower than this ... */
    PULL_LOW_SPEED_S = 30,              /* ... for this long ends the transfer */
};

typedef struct PullConfig {
    const char *url;            /* the folder; a missing final '/' is added */
    const char *ca_file;        /* PEM bundle to trust instead of the system's; NULL or "": system */
    long connect_timeout_s;     /* 0: PULL_CONNECT_TIMEOUT_S */
    long low_speed_s;           /* 0: PULL_LOW_SPEED_S */
    long low_speed_bytes;       /* 0: PULL_LOW_SPEED_BYTES */
    const char *user_agent;     /* NULL: "facts-kiosk" */
    Log *log;                   /* may be NULL */
} PullConfig;

typedef enum PullStatus {
    PULL_OK = 0,            /* 200: the body was received whole */
    PULL_NOT_MODIFIED,      /* 304: unchanged since the validators were given */
    PULL_ERR_NETWORK,       /* no answer: name not resolved, refused, timed out, TLS, cut short */
    PULL_ERR_HTTP,          /* the server answered with another status (404, 500, ...) */
    PULL_ERR_REDIRECTS,     /* more than PULL_MAX_REDIRECTS redirects (a loop) */
    PULL_ERR_TOO_LARGE,     /* over the caller's cap (announced or counted) */
    PULL_ERR_STAGE,         /* the staged copy could not be written; see PullResponse.stage */
    PULL_ERR_CANCELLED,     /* the fault hook said ECANCELED */
    PULL_ERR_INTERNAL,      /* libcurl could not be set up, URL too long, out of memory */
} PullStatus;

/* What a server said about a file's version, to send back next time. Empty strings: none. */
typedef struct PullValidators {
    char etag[PULL_VALIDATOR_MAX];
    char last_modified[PULL_VALIDATOR_MAX];
} PullValidators;

/* Where a body goes: into memory (at most capacity bytes), or into a staged copy. */
typedef struct PullTarget {
    char *buffer;                 /* memory: NULL for a staged copy */
    size_t capacity;
    size_t length;                /* out: bytes received into buffer */
    const StageRequest *stage;    /* staged copy (its size_cap is the cap): NULL for memory */
    StageResult *staged;          /* out: the staged copy on PULL_OK */
} PullTarget;

typedef struct PullResponse {
    PullStatus status;
    long http_code;                /* of the last answer (after redirects); 0: none */
    PullValidators validators;     /* of that answer (also for a refused, too large body) */
    uint64_t body_bytes;           /* body bytes received */
    uint64_t content_length;       /* announced; 0: not announced */
    long redirects;
    double seconds;
    StageStatus stage;             /* PULL_ERR_STAGE, PULL_ERR_TOO_LARGE: what staging said */
    int stage_error;               /* errno behind it */
    char effective_url[PULL_URL_MAX];
    char error[PULL_ERROR_MAX];    /* in words, for logs ("Connection refused") */
} PullResponse;

typedef struct Puller Puller;

/* Initialises libcurl (once per process; call from the main thread before other threads
 * use libcurl) and a handle for config->url. config's strings are copied. NULL (logged)
 * when libcurl cannot be set up or the URL is too long. */
Puller *pull_create(const PullConfig *config);

/* Frees p and its connection. NULL is a no-op. */
void pull_destroy(Puller *p);

/* The folder URL as used (with its final '/'). */
const char *pull_url(const Puller *p);

/* GETs name (a file in the folder: "content.db.minisig") into *target, conditionally when
 * if_changed has validators (NULL: unconditional). fault (may be NULL) is asked at
 * FAULT_COPY_READ during the transfer, and by the staged copy at FAULT_COPY_WRITE.
 * Fills *out and returns its status. A staged copy exists afterwards only on PULL_OK. */
PullStatus pull_fetch(Puller *p, const char *name, const PullValidators *if_changed, PullTarget *target,
                      const FaultHook *fault, PullResponse *out);

/* True when v holds a validator (an ETag or a Last-Modified). */
bool pull_validators_known(const PullValidators *v);

/* The wait before try number failures + 1 after failures failed polls in a row (>= 1):
 * first_ms, doubling each time, never more than cap_ms. */
uint64_t pull_backoff_ms(unsigned failures, uint64_t first_ms, uint64_t cap_ms);

/* "ok", "not modified", "network", "http status", ... for logs. */
const char *pull_status_name(PullStatus status);

#endif
