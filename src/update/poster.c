/* poster.c — status reports by HTTP POST from a background thread; see poster.h.
 * Reading order: the mailbox (poster_send, take_document), one POST on a private curl
 * multi handle so poster_destroy() can wake it at once (post_once), saying what went wrong
 * once per kind (note_outcome), then the thread and its start and stop. */
#define _POSIX_C_SOURCE 200809L
#include "update/poster.h"

#include "posix/thread.h"

#include <curl/curl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum {
    POLL_MS = 1000,          /* longest curl_multi_poll(); poster_destroy() wakes it sooner */
    URL_MAX = 2048,
    SHOWN_URL_MAX = 512,
    OUTCOME_TEXT_MAX = 160,
    MAX_REDIRECTS = 0,       /* a report is not sent anywhere but where it was configured to */
};

/* What a mailbox slot holds, and how it is sent. */
typedef enum PosterKind {
    POSTER_REPORT = 0,
    POSTER_PICTURE,
    POSTER_KINDS,
} PosterKind;

static const char *const CONTENT_TYPES[POSTER_KINDS] = {"Content-Type: application/json", "Content-Type: image/jpeg"};
static const char *const KIND_NAMES[POSTER_KINDS] = {"the status", "the picture of the screen"};

struct Poster {
    char url[URL_MAX];
    char shown_url[SHOWN_URL_MAX]; /* scheme://host:port/path: no user name or password */
    char user_agent[128];
    char kiosk_header[160];  /* "X-Kiosk-Id: ..." or "" */
    long connect_timeout_ms;
    long timeout_ms;
    Log log;                 /* the thread's own, on the owner's FILE */
    CURLM *multi;            /* used by the thread; curl_multi_wakeup() from the owner */
    pthread_t thread;
    bool thread_started;
    char last_failure[POSTER_KINDS][OUTCOME_TEXT_MAX]; /* thread only: the failure last logged, "" after a success */
    pthread_mutex_t lock;    /* the mailbox: */
    pthread_cond_t wake;
    char *pending[POSTER_KINDS]; /* a document of each kind to send, or NULL */
    size_t pending_len[POSTER_KINDS];
    bool stop;
    PosterCounts counts;
};

bool poster_url_allowed(const char *url)
{
    static const char *const SCHEMES[] = {"http://", "https://"};
    for (size_t i = 0; url && i < sizeof SCHEMES / sizeof SCHEMES[0]; i++) {
        size_t n = strlen(SCHEMES[i]);
        if (strncasecmp(url, SCHEMES[i], n) == 0) {
            return url[n] != '\0' && url[n] != '/';
        }
    }
    return false;
}

/* ---- the mailbox --------------------------------------------------------------------------- */

static bool poster_queue(Poster *p, PosterKind kind, const void *body, size_t len, size_t max)
{
    if (len > max) {
        return false;
    }
    char *copy = malloc(len + 1);
    if (!copy) {
        return false;
    }
    memcpy(copy, body, len);
    copy[len] = '\0';
    pthread_mutex_lock(&p->lock);
    char *older = p->pending[kind];
    p->counts.replaced += older != NULL;
    p->pending[kind] = copy;
    p->pending_len[kind] = len;
    pthread_cond_signal(&p->wake);
    pthread_mutex_unlock(&p->lock);
    free(older);
    return true;
}

bool poster_send(Poster *p, const char *body, size_t len)
{
    return poster_queue(p, POSTER_REPORT, body, len, POSTER_BODY_MAX);
}

bool poster_send_picture(Poster *p, const void *jpeg, size_t len)
{
    return poster_queue(p, POSTER_PICTURE, jpeg, len, POSTER_PICTURE_MAX);
}

PosterCounts poster_counts(Poster *p)
{
    pthread_mutex_lock(&p->lock);
    PosterCounts counts = p->counts;
    pthread_mutex_unlock(&p->lock);
    return counts;
}

static bool stop_asked(Poster *p)
{
    pthread_mutex_lock(&p->lock);
    bool stop = p->stop;
    pthread_mutex_unlock(&p->lock);
    return stop;
}

/* Waits for a document or the stop; returns the document (the caller frees it; a report
 * before a picture) and its kind, or NULL to stop. */
static char *take_document(Poster *p, size_t *len, PosterKind *kind)
{
    pthread_mutex_lock(&p->lock);
    while (!p->stop && !p->pending[POSTER_REPORT] && !p->pending[POSTER_PICTURE]) {
        pthread_cond_wait(&p->wake, &p->lock);
    }
    *kind = p->pending[POSTER_REPORT] ? POSTER_REPORT : POSTER_PICTURE;
    char *body = p->stop ? NULL : p->pending[*kind];
    *len = p->pending_len[*kind];
    if (body) {
        p->pending[*kind] = NULL;
    }
    pthread_mutex_unlock(&p->lock);
    return body;
}

/* ---- one POST ------------------------------------------------------------------------------ */

static size_t discard_body(char *data, size_t size, size_t count, void *user)
{
    (void)data;
    (void)user;
    return size * count;
}

typedef struct PostOutcome {
    bool delivered;
    bool cancelled;
    char what[OUTCOME_TEXT_MAX]; /* when not delivered: "cannot connect", "HTTP 500", ... */
} PostOutcome;

static void describe_failure(CURLcode code, long http_status, PostOutcome *out)
{
    if (code == CURLE_OK) {
        snprintf(out->what, sizeof out->what, "HTTP status %ld", http_status);
        return;
    }
    static const struct {
        CURLcode code;
        const char *what;
    } KINDS[] = {
        {CURLE_COULDNT_RESOLVE_HOST, "cannot resolve the host"},
        {CURLE_COULDNT_RESOLVE_PROXY, "cannot resolve the proxy"},
        {CURLE_COULDNT_CONNECT, "cannot connect"},
        {CURLE_OPERATION_TIMEDOUT, "timed out"},
    };
    const char *what = curl_easy_strerror(code);
    for (size_t i = 0; i < sizeof KINDS / sizeof KINDS[0]; i++) {
        what = KINDS[i].code == code ? KINDS[i].what : what;
    }
    snprintf(out->what, sizeof out->what, "%s", what);
}

static PostOutcome post_once(Poster *p, const char *body, size_t len, PosterKind kind)
{
    PostOutcome outcome = {0};
    CURL *easy = curl_easy_init();
    struct curl_slist *headers = curl_slist_append(NULL, CONTENT_TYPES[kind]);
    struct curl_slist *more = headers ? curl_slist_append(headers, "Expect:") : NULL; /* no 100-continue wait */
    if (more && p->kiosk_header[0]) {
        more = curl_slist_append(more, p->kiosk_header);
    }
    if (!easy || !more) {
        snprintf(outcome.what, sizeof outcome.what, "out of memory");
        goto done;
    }
    headers = more;
    curl_easy_setopt(easy, CURLOPT_URL, p->url);
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(easy, CURLOPT_MAXREDIRS, (long)MAX_REDIRECTS);
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, p->connect_timeout_ms);
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, p->timeout_ms);
    curl_easy_setopt(easy, CURLOPT_POST, 1L);
    curl_easy_setopt(easy, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, discard_body);
    if (p->user_agent[0]) {
        curl_easy_setopt(easy, CURLOPT_USERAGENT, p->user_agent);
    }
    if (curl_multi_add_handle(p->multi, easy) != CURLM_OK) {
        snprintf(outcome.what, sizeof outcome.what, "cannot start the transfer");
        goto done;
    }
    int running = 1;
    while (running) {
        if (curl_multi_perform(p->multi, &running) != CURLM_OK) {
            break;
        }
        if (stop_asked(p)) {
            outcome.cancelled = true;
            break;
        }
        if (running) {
            curl_multi_poll(p->multi, NULL, 0, POLL_MS, NULL);
        }
    }
    CURLcode code = CURLE_FAILED_INIT;
    int left = 0;
    for (CURLMsg *msg = curl_multi_info_read(p->multi, &left); msg; msg = curl_multi_info_read(p->multi, &left)) {
        if (msg->msg == CURLMSG_DONE && msg->easy_handle == easy) {
            code = msg->data.result;
        }
    }
    long http_status = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &http_status);
    curl_multi_remove_handle(p->multi, easy);
    outcome.delivered = !outcome.cancelled && code == CURLE_OK && http_status >= 200 && http_status < 300;
    if (!outcome.delivered && !outcome.cancelled) {
        describe_failure(code, http_status, &outcome);
    }
done:
    curl_slist_free_all(headers);
    if (easy) {
        curl_easy_cleanup(easy);
    }
    return outcome;
}

/* A failure is logged when it differs from the one logged last; a success after failures
 * says so once. So a receiver that is down for a day costs one line, not 288. */
static void note_outcome(Poster *p, const PostOutcome *outcome, PosterKind kind)
{
    char *last_failure = p->last_failure[kind];
    pthread_mutex_lock(&p->lock);
    p->counts.sent += outcome->delivered;
    p->counts.failed += !outcome->delivered;
    pthread_mutex_unlock(&p->lock);
    if (outcome->delivered) {
        if (last_failure[0]) {
            log_write(&p->log, LOG_INFO, "report", "%s takes %s again", p->shown_url,
                      kind == POSTER_REPORT ? "reports" : "pictures");
        }
        last_failure[0] = '\0';
        return;
    }
    if (strcmp(last_failure, outcome->what) != 0) {
        log_write(&p->log, LOG_WARN, "report", "cannot send %s to %s: %s (said once until it changes)", KIND_NAMES[kind],
                  p->shown_url, outcome->what);
        snprintf(last_failure, OUTCOME_TEXT_MAX, "%s", outcome->what);
    }
}

/* ---- the thread ---------------------------------------------------------------------------- */

static void *poster_main(void *arg)
{
    Poster *p = arg;
    for (;;) {
        size_t len = 0;
        PosterKind kind = POSTER_REPORT;
        char *body = take_document(p, &len, &kind);
        if (!body) {
            break;
        }
        PostOutcome outcome = post_once(p, body, len, kind);
        free(body);
        if (outcome.cancelled) {
            break;
        }
        note_outcome(p, &outcome, kind);
    }
    return NULL;
}

/* scheme://host[:port]/path of url, leaving out any user name, password or query. */
static bool shown_url(const char *url, char *out, size_t out_size)
{
    CURLU *parts = curl_url();
    char *scheme = NULL, *host = NULL, *port = NULL, *path = NULL;
    bool ok = parts && curl_url_set(parts, CURLUPART_URL, url, 0) == CURLUE_OK &&
              curl_url_get(parts, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
              curl_url_get(parts, CURLUPART_HOST, &host, 0) == CURLUE_OK;
    if (ok) {
        (void)curl_url_get(parts, CURLUPART_PORT, &port, 0);
        (void)curl_url_get(parts, CURLUPART_PATH, &path, 0);
        snprintf(out, out_size, "%s://%s%s%s%s", scheme, host, port ? ":" : "", port ? port : "", path ? path : "");
    }
    curl_free(scheme);
    curl_free(host);
    curl_free(port);
    curl_free(path);
    curl_url_cleanup(parts);
    return ok;
}

/* "X-Kiosk-Id: <id>" with any control character left out (a header ends at a line
 * break), or "" without an id; a long id is cut. */
static void kiosk_header(const char *id, char *out, size_t out_size)
{
    out[0] = '\0';
    if (!id || !id[0]) {
        return;
    }
    size_t used = (size_t)snprintf(out, out_size, "X-Kiosk-Id: ");
    for (const unsigned char *c = (const unsigned char *)id; *c && used + 1 < out_size; c++) {
        if (*c >= 0x20 && *c != 0x7F) {
            out[used++] = (char)*c;
        }
    }
    out[used] = '\0';
}

Poster *poster_create(const PosterConfig *config)
{
    if (!poster_url_allowed(config->url) || strlen(config->url) >= URL_MAX) {
        log_write(config->log, LOG_WARN, "report",
                  "report_url must be an http:// or https:// address; no reports are sent");
        return NULL;
    }
    Poster *p = calloc(1, sizeof *p);
    if (!p) {
        log_write(config->log, LOG_WARN, "report", "out of memory; no reports are sent");
        return NULL;
    }
    snprintf(p->url, sizeof p->url, "%s", config->url);
    snprintf(p->user_agent, sizeof p->user_agent, "%s", config->user_agent ? config->user_agent : "");
    kiosk_header(config->kiosk_id, p->kiosk_header, sizeof p->kiosk_header);
    p->connect_timeout_ms = config->connect_timeout_ms > 0 ? config->connect_timeout_ms : POSTER_CONNECT_TIMEOUT_MS;
    p->timeout_ms = config->timeout_ms > 0 ? config->timeout_ms : POSTER_TIMEOUT_MS;
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->wake, NULL);
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        log_write(config->log, LOG_WARN, "report", "libcurl cannot start; no reports are sent");
        pthread_cond_destroy(&p->wake);
        pthread_mutex_destroy(&p->lock);
        free(p);
        return NULL;
    }
    if (!shown_url(p->url, p->shown_url, sizeof p->shown_url)) {
        log_write(config->log, LOG_WARN, "report", "report_url is not a valid address; no reports are sent");
        poster_destroy(p);
        return NULL;
    }
    p->multi = curl_multi_init();
    if (!p->multi) {
        log_write(config->log, LOG_WARN, "report", "libcurl cannot start; no reports are sent");
        poster_destroy(p);
        return NULL;
    }
    log_create(&p->log, config->log ? config->log->out : NULL, config->log ? config->log->level : LOG_ERROR,
               config->log ? config->log->style : LOG_STYLE_TERMINAL);
    int error = thread_start(&p->thread, poster_main, p);
    if (error != 0) {
        log_write(config->log, LOG_WARN, "report", "cannot start the report thread: %s; no reports are sent",
                  strerror(error));
        poster_destroy(p);
        return NULL;
    }
    p->thread_started = true;
    log_write(config->log, LOG_INFO, "report", "status reports go to %s", p->shown_url);
    return p;
}

void poster_destroy(Poster *p)
{
    if (!p) {
        return;
    }
    if (p->thread_started) {
        pthread_mutex_lock(&p->lock);
        p->stop = true;
        pthread_cond_signal(&p->wake);
        pthread_mutex_unlock(&p->lock);
        curl_multi_wakeup(p->multi); /* a POST waiting on the network returns now */
        pthread_join(p->thread, NULL);
    }
    free(p->pending[POSTER_REPORT]);
    free(p->pending[POSTER_PICTURE]);
    if (p->multi) {
        curl_multi_cleanup(p->multi);
    }
    log_destroy(&p->log);
    curl_global_cleanup();
    pthread_cond_destroy(&p->wake);
    pthread_mutex_destroy(&p->lock);
    free(p);
}
