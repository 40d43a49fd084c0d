/* pull.c — HTTP(S) GETs of the pack's two files with libcurl; see pull.h.
 * pull_fetch() sets the request up (set_request), runs it, and classifies the outcome
 * (classify). During the transfer three callbacks see it: on_header (status line,
 * validators, and at the end of a 200's headers: the size check and the start of the
 * staged copy), on_body (into memory or the StageWriter) and on_progress (the cancel
 * point). */
#define _POSIX_C_SOURCE 200809L
#include "update/pull.h"

#include <curl/curl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct Puller {
    CURL *curl;
    bool global_ready;   /* curl_global_init succeeded: cleanup owed */
    char url[PULL_URL_MAX];
    char ca_file[FSIO_PATH_MAX];
    char user_agent[128];
    long connect_timeout_s;
    long low_speed_s;
    long low_speed_bytes;
    Log *log;
    char curl_error[CURL_ERROR_SIZE];
};

/* One pull_fetch() as the callbacks see it. */
typedef struct Transfer {
    Puller *p;
    PullTarget *target;
    const FaultHook *fault;
    PullResponse *out;
    long code;                  /* of the answer whose headers are being read */
    PullValidators validators;  /* of that answer */
    StageWriter writer;
    bool staging;               /* writer begun */
    bool too_large;
    bool stage_failed;
    bool cancelled;
    int fault_error;            /* another error the hook asked for */
} Transfer;

/* ---- small helpers ------------------------------------------------------------------------- */

const char *pull_status_name(PullStatus status)
{
    static const char *const NAMES[] = {
        [PULL_OK] = "ok",
        [PULL_NOT_MODIFIED] = "not modified",
        [PULL_ERR_NETWORK] = "network",
        [PULL_ERR_HTTP] = "http status",
        [PULL_ERR_REDIRECTS] = "too many redirects",
        [PULL_ERR_TOO_LARGE] = "too large",
        [PULL_ERR_STAGE] = "staging",
        [PULL_ERR_CANCELLED] = "cancelled",
        [PULL_ERR_INTERNAL] = "internal",
    };
    return (unsigned)status < sizeof NAMES / sizeof NAMES[0] ? NAMES[status] : "?";
}

bool pull_validators_known(const PullValidators *v)
{
    return v != NULL && (v->etag[0] != '\0' || v->last_modified[0] != '\0');
}

uint64_t pull_backoff_ms(unsigned failures, uint64_t first_ms, uint64_t cap_ms)
{
    uint64_t wait = first_ms;

    for (unsigned i = 1; i < failures && wait < cap_ms; i++) {
        wait *= 2;
    }
    return wait < cap_ms ? wait : cap_ms;
}

const char *pull_url(const Puller *p)
{
    return p->url;
}

/* A header's value without surrounding blanks into out, if it is printable ASCII and fits;
 * else out is left empty (the validator is then not used). */
static void copy_value(const char *value, size_t len, char *out, size_t out_size)
{
    out[0] = '\0';
    while (len > 0 && (*value == ' ' || *value == '\t')) {
        value++;
        len--;
    }
    while (len > 0 && (value[len - 1] == '\r' || value[len - 1] == '\n' || value[len - 1] == ' ' ||
                       value[len - 1] == '\t')) {
        len--;
    }
    if (len == 0 || len >= out_size) {
        return;
    }
    for (size_t i = 0; i < len; i++) {
        if ((unsigned char)value[i] < 0x20 || (unsigned char)value[i] > 0x7e) {
            return;
        }
    }
    memcpy(out, value, len);
    out[len] = '\0';
}

/* When line (len bytes) is "Name: value", copies the value into out. */
static bool header_value(const char *line, size_t len, const char *name, char *out, size_t out_size)
{
    size_t name_len = strlen(name);
    if (len <= name_len || line[name_len] != ':' || strncasecmp(line, name, name_len) != 0) {
        return false;
    }
    copy_value(line + name_len + 1, len - name_len - 1, out, out_size);
    return true;
}

/* ---- callbacks ----------------------------------------------------------------------------- */

/* End of a 200's headers: the announced size against the cap, then where the body goes. */
static bool body_starts(Transfer *t)
{
    curl_off_t announced = -1;
    uint64_t length = 0;

    if (curl_easy_getinfo(t->p->curl, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &announced) == CURLE_OK && announced > 0) {
        length = (uint64_t)announced;
    }
    t->out->content_length = length;
    if (t->target->stage == NULL) {
        t->target->length = 0;
        if (length > t->target->capacity) {
            t->too_large = true;
            return false;
        }
        return true;
    }
    StageStatus status = stage_begin(&t->writer, t->target->stage, length, t->target->staged);
    t->staging = true;
    if (status == STAGE_OK) {
        return true;
    }
    t->out->stage = status;
    t->out->stage_error = t->target->staged->error;
    t->too_large = status == STAGE_ERR_TOO_LARGE;
    t->stage_failed = !t->too_large;
    return false;
}

/* CURLOPT_HEADERFUNCTION: one header line of an answer (every answer of a redirect chain). */
static size_t on_header(char *data, size_t size, size_t count, void *ctx)
{
    Transfer *t = ctx;
    size_t len = size * count;

    if (len >= 5 && strncmp(data, "HTTP/", 5) == 0) {
        const char *space = memchr(data, ' ', len);
        t->code = space != NULL ? strtol(space + 1, NULL, 10) : 0;
        memset(&t->validators, 0, sizeof t->validators);
        return len;
    }
    if (header_value(data, len, "ETag", t->validators.etag, sizeof t->validators.etag) ||
        header_value(data, len, "Last-Modified", t->validators.last_modified, sizeof t->validators.last_modified)) {
        return len;
    }
    if ((len == 2 && data[0] == '\r' && data[1] == '\n') || (len == 1 && data[0] == '\n')) {
        t->out->validators = t->validators;
        if (t->code == 200 && !body_starts(t)) {
            return 0; /* ends the transfer: nothing of the body is read */
        }
    }
    return len;
}

/* CURLOPT_WRITEFUNCTION: body bytes of the final answer. */
static size_t on_body(char *data, size_t size, size_t count, void *ctx)
{
    Transfer *t = ctx;
    size_t len = size * count;
    PullTarget *target = t->target;

    if (t->code != 200) {
        return 0; /* an error page: not worth reading */
    }
    t->out->body_bytes += len;
    if (target->stage == NULL) {
        if (len > target->capacity - target->length) {
            t->too_large = true;
            return 0;
        }
        memcpy(target->buffer + target->length, data, len);
        target->length += len;
        return len;
    }
    StageStatus status = t->staging ? stage_append(&t->writer, data, len) : STAGE_ERR_WRITE;
    if (status != STAGE_OK) {
        t->out->stage = status;
        t->out->stage_error = target->staged->error;
        t->too_large = status == STAGE_ERR_TOO_LARGE;
        t->stage_failed = !t->too_large;
        t->cancelled = t->stage_failed && t->out->stage_error == ECANCELED;
        return 0;
    }
    return len;
}

/* CURLOPT_XFERINFOFUNCTION: called often while data flows and about once a second while
 * it does not (connecting, a stalled server): the cancel point. */
static int on_progress(void *ctx, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow)
{
    Transfer *t = ctx;
    (void)dltotal;
    (void)dlnow;
    (void)ultotal;
    (void)ulnow;
    int error = fault_check(t->fault, FAULT_COPY_READ);
    if (error == ECANCELED) {
        t->cancelled = true;
    } else if (error != 0) {
        t->fault_error = error;
    }
    return error != 0;
}

/* ---- the request --------------------------------------------------------------------------- */

static bool add_header(struct curl_slist **headers, const char *name, const char *value)
{
    char line[PULL_VALIDATOR_MAX + 32];
    struct curl_slist *more = NULL;

    if (value[0] == '\0') {
        return true;
    }
    snprintf(line, sizeof line, "%s: %s", name, value);
    more = curl_slist_append(*headers, line);
    if (more == NULL) {
        return false;
    }
    *headers = more;
    return true;
}

/* The handle's settings for one GET of url; *headers receives the list to free after it. */
static bool set_request(Transfer *t, const char *url, const PullValidators *if_changed, struct curl_slist **headers)
{
    CURL *c = t->p->curl;

    if (if_changed != NULL && (!add_header(headers, "If-None-Match", if_changed->etag) ||
                               !add_header(headers, "If-Modified-Since", if_changed->last_modified))) {
        return false;
    }
    return curl_easy_setopt(c, CURLOPT_URL, url) == CURLE_OK &&
           curl_easy_setopt(c, CURLOPT_HTTPGET, 1L) == CURLE_OK &&
           curl_easy_setopt(c, CURLOPT_HTTPHEADER, *headers) == CURLE_OK &&
           curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header) == CURLE_OK &&
           curl_easy_setopt(c, CURLOPT_HEADERDATA, t) == CURLE_OK &&
           curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body) == CURLE_OK &&
           curl_easy_setopt(c, CURLOPT_WRITEDATA, t) == CURLE_OK &&
           curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress) == CURLE_OK &&
           curl_easy_setopt(c, CURLOPT_XFERINFODATA, t) == CURLE_OK &&
           curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L) == CURLE_OK;
}

/* The outcome of curl_easy_perform, in PullStatus terms. */
static PullStatus classify(Transfer *t, CURLcode code)
{
    PullResponse *out = t->out;

    if (t->cancelled) {
        return PULL_ERR_CANCELLED;
    }
    if (t->too_large || code == CURLE_FILESIZE_EXCEEDED) {
        if (out->stage == STAGE_OK) {
            out->stage = STAGE_ERR_TOO_LARGE;
        }
        return PULL_ERR_TOO_LARGE;
    }
    if (t->stage_failed) {
        return PULL_ERR_STAGE;
    }
    if (t->fault_error != 0) {
        snprintf(out->error, sizeof out->error, "%s", strerror(t->fault_error));
        return PULL_ERR_NETWORK;
    }
    if (code == CURLE_TOO_MANY_REDIRECTS) {
        return PULL_ERR_REDIRECTS;
    }
    if ((code == CURLE_OK || code == CURLE_WRITE_ERROR) && out->http_code == 304) {
        return PULL_NOT_MODIFIED;
    }
    if ((code == CURLE_OK || code == CURLE_WRITE_ERROR) && out->http_code != 200) {
        snprintf(out->error, sizeof out->error, "the server answered %ld", out->http_code);
        return PULL_ERR_HTTP;
    }
    switch (code) {
    case CURLE_OK:
        return PULL_OK;
    case CURLE_OUT_OF_MEMORY:
    case CURLE_FAILED_INIT:
    case CURLE_URL_MALFORMAT:
    case CURLE_BAD_FUNCTION_ARGUMENT:
        return PULL_ERR_INTERNAL;
    default:
        return PULL_ERR_NETWORK;
    }
}

PullStatus pull_fetch(Puller *p, const char *name, const PullValidators *if_changed, PullTarget *target,
                      const FaultHook *fault, PullResponse *out)
{
    Transfer t = {.p = p, .target = target, .fault = fault, .out = out};
    struct curl_slist *headers = NULL;
    char url[PULL_URL_MAX] = {0};
    CURLcode code = CURLE_OK;
    char *effective = NULL;

    memset(out, 0, sizeof *out);
    target->length = 0;
    if (snprintf(url, sizeof url, "%s%s", p->url, name) >= (int)sizeof url) {
        snprintf(out->error, sizeof out->error, "URL too long");
        return out->status = PULL_ERR_INTERNAL;
    }
    p->curl_error[0] = '\0';
    if (!set_request(&t, url, pull_validators_known(if_changed) ? if_changed : NULL, &headers)) {
        curl_slist_free_all(headers);
        snprintf(out->error, sizeof out->error, "cannot set up the request");
        return out->status = PULL_ERR_INTERNAL;
    }
    code = curl_easy_perform(p->curl);
    (void)curl_easy_getinfo(p->curl, CURLINFO_RESPONSE_CODE, &out->http_code);
    (void)curl_easy_getinfo(p->curl, CURLINFO_TOTAL_TIME, &out->seconds);
    (void)curl_easy_getinfo(p->curl, CURLINFO_REDIRECT_COUNT, &out->redirects);
    if (curl_easy_getinfo(p->curl, CURLINFO_EFFECTIVE_URL, &effective) == CURLE_OK && effective != NULL) {
        snprintf(out->effective_url, sizeof out->effective_url, "%s", effective);
    }
    (void)curl_easy_setopt(p->curl, CURLOPT_HTTPHEADER, NULL);
    curl_slist_free_all(headers);
    if (code != CURLE_OK) {
        snprintf(out->error, sizeof out->error, "%s", p->curl_error[0] ? p->curl_error : curl_easy_strerror(code));
    }
    out->status = classify(&t, code);
    if (out->status == PULL_OK && target->stage != NULL) {
        StageStatus status = t.staging ? stage_commit(&t.writer) : STAGE_ERR_WRITE;
        if (status != STAGE_OK) {
            out->stage = status;
            out->stage_error = target->staged->error;
            out->status = PULL_ERR_STAGE;
        }
    }
    if (t.staging) {
        stage_abort(&t.writer); /* keeps a committed copy */
    }
    log_write(p->log, LOG_DEBUG, "pull", "GET %s%s: %s (HTTP %ld, %llu bytes, %.2f s, %ld redirects)%s%s", url,
              if_changed != NULL && pull_validators_known(if_changed) ? " (if changed)" : "",
              pull_status_name(out->status), out->http_code, (unsigned long long)out->body_bytes, out->seconds,
              out->redirects, out->error[0] ? ": " : "", out->error);
    return out->status;
}

/* ---- lifecycle ----------------------------------------------------------------------------- */

/* Settings that stay the same for every request of the handle. */
static bool set_defaults(Puller *p)
{
    CURL *c = p->curl;
    bool ok = curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L) == CURLE_OK &&
              curl_easy_setopt(c, CURLOPT_ERRORBUFFER, p->curl_error) == CURLE_OK &&
              curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https") == CURLE_OK &&
              curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https") == CURLE_OK &&
              curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L) == CURLE_OK &&
              curl_easy_setopt(c, CURLOPT_MAXREDIRS, (long)PULL_MAX_REDIRECTS) == CURLE_OK &&
              curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, p->connect_timeout_s) == CURLE_OK &&
              curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, p->low_speed_bytes) == CURLE_OK &&
              curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, p->low_speed_s) == CURLE_OK &&
              curl_easy_setopt(c, CURLOPT_TCP_KEEPALIVE, 1L) == CURLE_OK &&
              curl_easy_setopt(c, CURLOPT_USERAGENT, p->user_agent) == CURLE_OK;
    if (ok && p->ca_file[0] != '\0') {
        ok = curl_easy_setopt(c, CURLOPT_CAINFO, p->ca_file) == CURLE_OK;
    }
    return ok;
}

Puller *pull_create(const PullConfig *config)
{
    Puller *p = calloc(1, sizeof *p);
    const char *url = config->url != NULL ? config->url : "";
    size_t len = strlen(url);

    if (p == NULL) {
        log_write(config->log, LOG_ERROR, "pull", "out of memory");
        return NULL;
    }
    p->log = config->log;
    if (len == 0 || len + 2 > sizeof p->url ||
        snprintf(p->ca_file, sizeof p->ca_file, "%s", config->ca_file ? config->ca_file : "") >= (int)sizeof p->ca_file) {
        log_write(p->log, LOG_ERROR, "pull", "update URL or CA file name empty or too long");
        pull_destroy(p);
        return NULL;
    }
    if (strncasecmp(url, "http://", 7) != 0 && strncasecmp(url, "https://", 8) != 0) {
        log_write(p->log, LOG_ERROR, "pull", "update URL %.200s: only http:// and https:// are used", url);
        pull_destroy(p);
        return NULL;
    }
    snprintf(p->url, sizeof p->url, "%s%s", url, url[len - 1] == '/' ? "" : "/");
    snprintf(p->user_agent, sizeof p->user_agent, "%s", config->user_agent ? config->user_agent : "facts-kiosk");
    p->connect_timeout_s = config->connect_timeout_s > 0 ? config->connect_timeout_s : PULL_CONNECT_TIMEOUT_S;
    p->low_speed_s = config->low_speed_s > 0 ? config->low_speed_s : PULL_LOW_SPEED_S;
    p->low_speed_bytes = config->low_speed_bytes > 0 ? config->low_speed_bytes : PULL_LOW_SPEED_BYTES;
    p->global_ready = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
    p->curl = p->global_ready ? curl_easy_init() : NULL;
    if (p->curl == NULL || !set_defaults(p)) {
        log_write(p->log, LOG_ERROR, "pull", "libcurl cannot be set up (does it support http and https?)");
        pull_destroy(p);
        return NULL;
    }
    return p;
}

void pull_destroy(Puller *p)
{
    if (p == NULL) {
        return;
    }
    if (p->curl != NULL) {
        curl_easy_cleanup(p->curl);
    }
    if (p->global_ready) {
        curl_global_cleanup();
    }
    free(p);
}
