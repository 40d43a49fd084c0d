/* web_fixture.h — the update-URL tests' side of tests/support/web.sh (run them through
 * tests/update/with_web.sh): where the servers are, publishing files in the served folder,
 * and what nginx's access log says about the requests a test made. */
#ifndef FACTS_TESTS_UPDATE_WEB_FIXTURE_H
#define FACTS_TESTS_UPDATE_WEB_FIXTURE_H

#include <stddef.h>
#include <stdint.h>

#include "durable/fsio.h"

/* $FACTS_WEB_<name> ("HTTP", "ROOT", ...); fails the test when it is not set (not run
 * through with_web.sh). */
const char *web_env(const char *name);

/* "<FACTS_WEB_<server>>/<folder>/" into out (FSIO_PATH_MAX bytes). */
void web_url(char *out, const char *server, const char *folder);

/* Copies the file at from to <served root>/<folder>/<name> (replaced atomically, the folder
 * made when needed), with an mtime of its own: each publication is a new version to nginx
 * (ETag and Last-Modified), even twice in one second. */
void web_publish(const char *folder, const char *name, const char *from);

/* A sparse file of size bytes as <served root>/<folder>/<name>. */
void web_publish_sparse(const char *folder, const char *name, uint64_t size);

/* What nginx logged since a mark. */
typedef struct WebRequests {
    int count;
    int status_200, status_304, status_other;
    uint64_t bytes_sent;       /* headers and bodies */
    uint64_t body_bytes_sent;
    uint64_t request_bytes;    /* what the kiosk sent: request lines and headers */
    int pack_gets;             /* requests for .../content.db */
} WebRequests;

/* The access log's length once the requests made so far are in it (it has stayed the same
 * for 200 ms). */
long web_log_mark(void);

/* The requests logged after mark (waits up to 2 s for at least min_count lines, since nginx
 * logs a request when it ends). */
WebRequests web_log_since(long mark, int min_count);

#endif
