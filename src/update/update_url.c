/* update_url.c — updates pulled from a web server folder; see update.h (update_pull).
 * One poll: fetch_signature() (conditional: usually a 304 and the end), the signer's
 * checks, is_installed() (the signature verifies against the active pack's hash: nothing
 * to download), fetch_pack() into staging, then update_after_staging(), the stick's own
 * steps. settle() remembers what the server said (the memo, kept as a store note) when the
 * verdict was about the pack, so the next polls find it unchanged and a refused pack is
 * shown once. The schedule (update_pull_due / update_pull_done) belongs to the caller's
 * thread; the poll itself to the worker's. */
#define _POSIX_C_SOURCE 200809L
#include "update/update.h"
#include "update/update_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "update/pull.h"

static const char MEMO_MAGIC[] = "facts-kiosk-pull 1";

enum { MEMO_TEXT_MAX = 4096, KEYS_TEXT_MAX = 512 };

/* What the server said about the two files when a verdict about the pack was reached. */
typedef struct PullMemo {
    PullValidators sig;
    PullValidators pack;
    bool recheck_pack;  /* the pack did not match its signature: look at content.db too */
} PullMemo;

struct UpdatePull {
    Puller *puller;
    PullMemo memo;
    char keys[KEYS_TEXT_MAX];   /* the trusted key ids: a memo made with others is not used */
    char sig_text[MINISIGN_SIG_FILE_MAX];
    size_t sig_len;
    bool sig_known;             /* sig_text is the signature the memo's validators describe */
    /* The schedule: the caller's thread only. */
    bool scheduled;
    uint64_t next_ms;
    unsigned failures;
    uint64_t random;
    int cap_seconds;            /* update_pull_cap_interval(): 0 none */
};

/* One poll between its steps. */
typedef struct UrlAttempt {
    Attempt a;
    UpdatePull *pull;
    PullMemo next;     /* what to remember once the verdict is about the pack */
    bool recheck;      /* the signature is unchanged, content.db is looked at again */
    bool sig_pending;  /* ... and the signature's text is not in memory (a restart) */
} UrlAttempt;

/* ---- the memo ------------------------------------------------------------------------------ */

static void memo_format(const UpdatePull *pull, const PullMemo *m, char *out, size_t size)
{
    snprintf(out, size,
             "%s\nurl=%s\nkeys=%s\nsig-etag=%s\nsig-modified=%s\npack-etag=%s\npack-modified=%s\nrecheck-pack=%d\n",
             MEMO_MAGIC, pull_url(pull->puller), pull->keys, m->sig.etag, m->sig.last_modified, m->pack.etag,
             m->pack.last_modified, m->recheck_pack ? 1 : 0);
}

static void memo_field(const char *value, char *out, size_t size)
{
    if (strlen(value) < size) {
        memcpy(out, value, strlen(value) + 1);
    }
}

/* Reads text (modified in place) into *out; false when it is not for this URL and keys. */
static bool memo_parse(const UpdatePull *pull, char *text, PullMemo *out)
{
    bool url_same = false, keys_same = false;
    char *line = NULL, *save = NULL;

    memset(out, 0, sizeof *out);
    line = strtok_r(text, "\n", &save);
    if (line == NULL || strcmp(line, MEMO_MAGIC) != 0) {
        return false;
    }
    while ((line = strtok_r(NULL, "\n", &save)) != NULL) {
        char *equals = strchr(line, '=');
        if (equals == NULL) {
            continue;
        }
        *equals = '\0';
        const char *value = equals + 1;
        if (strcmp(line, "url") == 0) {
            url_same = strcmp(value, pull_url(pull->puller)) == 0;
        } else if (strcmp(line, "keys") == 0) {
            keys_same = strcmp(value, pull->keys) == 0;
        } else if (strcmp(line, "sig-etag") == 0) {
            memo_field(value, out->sig.etag, sizeof out->sig.etag);
        } else if (strcmp(line, "sig-modified") == 0) {
            memo_field(value, out->sig.last_modified, sizeof out->sig.last_modified);
        } else if (strcmp(line, "pack-etag") == 0) {
            memo_field(value, out->pack.etag, sizeof out->pack.etag);
        } else if (strcmp(line, "pack-modified") == 0) {
            memo_field(value, out->pack.last_modified, sizeof out->pack.last_modified);
        } else if (strcmp(line, "recheck-pack") == 0) {
            out->recheck_pack = strcmp(value, "1") == 0;
        }
    }
    if (!url_same || !keys_same) {
        memset(out, 0, sizeof *out);
        return false;
    }
    return true;
}

static void memo_load(Updater *u)
{
    UpdatePull *pull = u->pull;
    char text[MEMO_TEXT_MAX] = {0};
    int error = store_note_read(&u->store, STORE_PULL_NAME, text, sizeof text);

    if (error == 0 && !memo_parse(pull, text, &pull->memo)) {
        log_write(u->config.log, LOG_INFO, "update", "%s: the URL or the trusted keys changed: its pack is looked at afresh",
                  pull_url(pull->puller));
    }
}

static void memo_save(Updater *u, const PullMemo *m)
{
    char text[MEMO_TEXT_MAX] = {0};

    if (memcmp(m, &u->pull->memo, sizeof *m) == 0) {
        return; /* nothing new: the state directory is not written */
    }
    u->pull->memo = *m;
    memo_format(u->pull, m, text, sizeof text);
    (void)store_note_write(&u->store, STORE_PULL_NAME, text, strlen(text));
}

/* ---- the poll's steps ---------------------------------------------------------------------- */

static bool unchanged(UrlAttempt *x, UpdateStep step, const char *why)
{
    UpdateResult *r = x->a.result;
    update_end(&x->a, UPDATE_UNCHANGED, step, UPDATE_MSG_UNCHANGED, pull_url(x->pull->puller));
    log_write(x->a.u->config.log, LOG_DEBUG, "update", "%s: %s", pull_url(x->pull->puller), why);
    r->quiet = true;
    return false;
}

/* The server gave no answer worth a verdict: quiet, tried again after a while. */
static bool fetch_failed(UrlAttempt *x, UpdateStep step, UpdateMessage message, const char *name,
                         const PullResponse *response)
{
    char detail[UPDATE_TEXT_MAX] = {0};

    if (response->status == PULL_ERR_CANCELLED) {
        update_end(&x->a, UPDATE_FAILED, step, UPDATE_MSG_CANCELLED, NULL);
    } else {
        snprintf(detail, sizeof detail, "%s: %.200s", name,
                 response->status == PULL_ERR_REDIRECTS ? "too many redirects" : response->error);
        update_end(&x->a, UPDATE_FAILED, step, message, detail);
    }
    x->a.result->quiet = true;
    return false;
}

/* The signature's text (pull->sig_text) parsed into the attempt. */
static bool parse_signature(UrlAttempt *x)
{
    MinisignStatus parsed = minisign_signature_parse(x->pull->sig_text, x->pull->sig_len, &x->a.sig);
    if (parsed != MINISIGN_OK) {
        return update_end(&x->a, UPDATE_REFUSED, UPDATE_STEP_VERIFY, UPDATE_MSG_SIG_MALFORMED,
                          minisign_status_text(parsed));
    }
    return true;
}

/* GETs content.db.minisig (if_changed: conditionally) into pull->sig_text. */
static PullStatus get_signature(UrlAttempt *x, const PullValidators *if_changed, PullResponse *response)
{
    UpdatePull *pull = x->pull;
    PullTarget target = {.buffer = pull->sig_text, .capacity = sizeof pull->sig_text};
    PullStatus status = pull_fetch(pull->puller, WATCH_SIG_NAME, if_changed, &target, &x->a.u->config.fault, response);

    if (status == PULL_OK) {
        pull->sig_len = target.length;
        pull->sig_known = true;
        x->next.sig = response->validators;
    } else if (status != PULL_NOT_MODIFIED) {
        pull->sig_known = false;
    }
    return status;
}

/* The first request of every poll. Unchanged: the end, unless the last verdict was that
 * content.db did not match it (then content.db is asked next, and the signature's text is
 * fetched again only if content.db changed and it is not in memory: pending). */
static bool fetch_signature(UrlAttempt *x)
{
    UpdatePull *pull = x->pull;
    PullResponse response = {0};
    PullStatus status = get_signature(x, &pull->memo.sig, &response);

    switch (status) {
    case PULL_NOT_MODIFIED:
        if (!pull->memo.recheck_pack) {
            return unchanged(x, UPDATE_STEP_FIND, "content.db.minisig not modified");
        }
        x->recheck = true;
        x->sig_pending = !pull->sig_known;
        return x->sig_pending || parse_signature(x);
    case PULL_OK:
        x->next.recheck_pack = false;
        memset(&x->next.pack, 0, sizeof x->next.pack);
        return parse_signature(x);
    case PULL_ERR_TOO_LARGE:
        x->next.sig = response.validators;
        return update_end(&x->a, UPDATE_REFUSED, UPDATE_STEP_VERIFY, UPDATE_MSG_SIG_MALFORMED,
                          "the signature file is far too large");
    default:
        return fetch_failed(x, UPDATE_STEP_FIND, UPDATE_MSG_UNREACHABLE, WATCH_SIG_NAME, &response);
    }
}

/* content.db changed after a restart while rechecking: its signature's text, whole. */
static bool fetch_pending_signature(UrlAttempt *x)
{
    PullResponse response = {0};

    if (!x->sig_pending) {
        return true;
    }
    if (get_signature(x, NULL, &response) != PULL_OK) {
        return fetch_failed(x, UPDATE_STEP_VERIFY, UPDATE_MSG_UNREACHABLE, WATCH_SIG_NAME, &response);
    }
    return parse_signature(x) && update_check_signer(&x->a);
}

static bool hash_known(const uint8_t hash[MINISIGN_HASH_BYTES])
{
    for (size_t i = 0; i < MINISIGN_HASH_BYTES; i++) {
        if (hash[i] != 0) {
            return true;
        }
    }
    return false;
}

/* The signature verifies against the active pack's hash: the pack at the URL is installed
 * already (from the URL before, or from a stick): nothing to download. */
static bool is_installed(UrlAttempt *x)
{
    const StoreState *state = &x->a.u->store.state;
    const MinisignKey *key = &x->a.u->keys[x->a.key_index];

    if (state->active == SLOT_NONE || !hash_known(state->active_hash) ||
        minisign_verify_signature(&x->a.sig, state->active_hash, key) != MINISIGN_OK) {
        return false;
    }
    unchanged(x, UPDATE_STEP_FIND, "the pack at the URL is the installed one");
    return true;
}

static void download_progress(void *ctx, double fraction)
{
    update_progress(ctx, UPDATE_STEP_COPY, fraction);
}

static bool fetch_pack(UrlAttempt *x)
{
    Updater *u = x->a.u;
    StageRequest request = {.source_dir_fd = AT_FDCWD, .source_path = WATCH_PACK_NAME, .state_dir = u->state_dir,
                            .size_cap = u->size_cap, .progress = download_progress, .progress_ctx = u,
                            .fault = &u->config.fault};
    PullTarget target = {.stage = &request, .staged = &x->a.staged};
    PullResponse response = {0};
    PullStatus status = PULL_OK;
    int error = 0;

    update_progress(u, UPDATE_STEP_COPY, 0.0);
    log_write(u->config.log, LOG_INFO, "update", "%s: %s", pull_url(x->pull->puller),
              x->recheck ? "content.db is looked at again" : "a new signature: downloading content.db");
    status = pull_fetch(x->pull->puller, WATCH_PACK_NAME, x->recheck ? &x->pull->memo.pack : NULL, &target,
                        &u->config.fault, &response);
    switch (status) {
    case PULL_OK:
        x->next.pack = response.validators;
        x->next.recheck_pack = false;
        break;
    case PULL_NOT_MODIFIED:
        return unchanged(x, UPDATE_STEP_COPY, "content.db not modified since it did not match its signature");
    case PULL_ERR_TOO_LARGE:
        x->next.pack = response.validators;
        x->next.recheck_pack = false;
        return update_end(&x->a, UPDATE_REFUSED, UPDATE_STEP_COPY, UPDATE_MSG_TOO_LARGE, NULL);
    case PULL_ERR_STAGE:
        x->a.staged.error = response.stage_error;
        return update_staging_failed(&x->a, response.stage);
    default:
        return fetch_failed(x, UPDATE_STEP_COPY, UPDATE_MSG_DOWNLOAD_FAILED, WATCH_PACK_NAME, &response);
    }
    log_write(u->config.log, LOG_INFO, "update", "%s: received %llu bytes in %.1f s", pull_url(x->pull->puller),
              (unsigned long long)response.body_bytes, response.seconds);
    error = fault_check(&u->config.fault, FAULT_COPY_AFTER);
    if (error != 0) {
        x->a.staged.error = error;
        return update_staging_failed(&x->a, STAGE_ERR_WRITE);
    }
    return true;
}

/* A verdict about the pack is remembered with what the server said about it, so it is not
 * fetched (nor shown) again until it changes; a failure is not: it is tried again. */
static void settle(UrlAttempt *x)
{
    UpdateResult *r = x->a.result;
    bool about_the_pack = r->outcome == UPDATE_OK || r->outcome == UPDATE_REFUSED || r->outcome == UPDATE_UNCHANGED;

    if (r->outcome == UPDATE_REFUSED && r->message == UPDATE_MSG_SIG_BAD) {
        x->next.recheck_pack = true; /* maybe published between the two uploads: watch content.db */
    }
    if (r->outcome == UPDATE_REFUSED && r->message == UPDATE_MSG_NO_TRUSTED_KEY) {
        about_the_pack = false;
    }
    if (about_the_pack) {
        memo_save(x->a.u, &x->next);
    }
    /* Not worth a message on screen: the log has it. */
    if (r->message == UPDATE_MSG_ALREADY_INSTALLED || r->message == UPDATE_MSG_NO_TRUSTED_KEY ||
        r->message == UPDATE_MSG_CANCELLED) {
        r->quiet = true;
    }
}

void update_pull(Updater *u, UpdateResult *out)
{
    UrlAttempt *x = calloc(1, sizeof *x); /* the signature is 8 KiB: keep it off the stack */
    const char *url = u->pull != NULL ? pull_url(u->pull->puller) : "(no URL)";

    memset(out, 0, sizeof *out);
    out->source = UPDATE_SOURCE_URL;
    out->installed_version = update_installed_version(u);
    out->size_cap = u->size_cap;
    if (x == NULL || u->pull == NULL) {
        out->outcome = UPDATE_FAILED;
        out->message = UPDATE_MSG_INTERNAL;
        snprintf(out->detail, sizeof out->detail, "%s", x == NULL ? "out of memory" : "no update URL");
        goto done;
    }
    x->a.u = u;
    x->a.pack_dir = url;
    x->a.dir_fd = -1;
    x->a.result = out;
    x->pull = u->pull;
    x->next = u->pull->memo;
    update_progress(u, UPDATE_STEP_FIND, 0.0);
    if (update_can_install(&x->a) && fetch_signature(x) &&
        (x->sig_pending || (update_check_signer(&x->a) && !is_installed(x))) && fetch_pack(x) &&
        fetch_pending_signature(x)) {
        (void)update_after_staging(&x->a);
    }
    settle(x);
done:
    stage_discard(u->state_dir);
    free(x);
    update_log_result(u, url, out);
}

/* ---- the schedule -------------------------------------------------------------------------- */

static uint64_t next_random(UpdatePull *pull)
{
    /* xorshift64: only to spread kiosks' polls out, nothing secret. */
    pull->random ^= pull->random << 13;
    pull->random ^= pull->random >> 7;
    pull->random ^= pull->random << 17;
    return pull->random;
}

static uint64_t poll_interval_ms(const Updater *u)
{
    int seconds = u->config.url_poll_seconds > 0 ? u->config.url_poll_seconds : UPDATE_DEFAULT_POLL_SECONDS;
    int cap = u->pull ? u->pull->cap_seconds : 0;
    seconds = cap > 0 && cap < seconds ? cap : seconds;
    return (uint64_t)(seconds < UPDATE_MIN_POLL_SECONDS ? UPDATE_MIN_POLL_SECONDS : seconds) * 1000u;
}

void update_pull_cap_interval(Updater *u, int seconds, uint64_t now_ms)
{
    UpdatePull *pull = u->pull;
    seconds = seconds > 0 ? seconds : 0;
    if (pull == NULL || pull->cap_seconds == seconds) {
        return;
    }
    pull->cap_seconds = seconds;
    uint64_t interval = poll_interval_ms(u);
    if (pull->scheduled && pull->next_ms > now_ms + interval) {
        pull->next_ms = now_ms + interval; /* not the old, longer wait */
    }
    log_write(u->config.log, LOG_INFO, "update", "%s: polled every %llu s%s", pull_url(pull->puller),
              (unsigned long long)(interval / 1000), seconds > 0 ? " (an event today)" : "");
}

bool update_pull_enabled(const Updater *u)
{
    return u->pull != NULL;
}

bool update_pull_due(Updater *u, uint64_t now_ms)
{
    UpdatePull *pull = u->pull;

    if (pull == NULL) {
        return false;
    }
    if (!pull->scheduled) {
        pull->scheduled = true;
        pull->next_ms = now_ms + UPDATE_FIRST_PULL_MS;
        return false;
    }
    return now_ms >= pull->next_ms;
}

void update_pull_done(Updater *u, const UpdateResult *result, uint64_t now_ms)
{
    UpdatePull *pull = u->pull;
    uint64_t interval = poll_interval_ms(u);
    uint64_t wait = interval;

    if (pull == NULL) {
        return;
    }
    pull->scheduled = true;
    if (result->message == UPDATE_MSG_CANCELLED) {
        wait = UPDATE_FIRST_PULL_MS;
    } else if (result->outcome == UPDATE_FAILED) {
        pull->failures++;
        wait = pull_backoff_ms(pull->failures, UPDATE_RETRY_FIRST_MS, interval);
        log_write(u->config.log, LOG_INFO, "update", "%s: next try in %llu s (%u failed in a row)",
                  pull_url(pull->puller), (unsigned long long)(wait / 1000), pull->failures);
    } else {
        pull->failures = 0;
        wait = interval - interval / 10 + next_random(pull) % (interval / 5 + 1);
        if (pull->cap_seconds > 0) { /* capped: spread out below it, never past it */
            wait = interval - interval / 5 + next_random(pull) % (interval / 5 + 1);
        }
    }
    pull->next_ms = now_ms + wait;
}

/* ---- lifecycle ----------------------------------------------------------------------------- */

bool update_url_create(Updater *u)
{
    const UpdateConfig *c = &u->config;
    UpdatePull *pull = calloc(1, sizeof *pull);
    struct timespec now = {0};
    size_t used = 0;

    if (pull == NULL) {
        return false;
    }
    PullConfig config = {.url = c->url, .ca_file = c->ca_file, .connect_timeout_s = c->url_connect_timeout_seconds,
                         .low_speed_s = c->url_low_speed_seconds, .log = c->log};
    pull->puller = pull_create(&config);
    if (pull->puller == NULL) {
        free(pull);
        return false;
    }
    for (size_t i = 0; i < u->key_count && used + MINISIGN_KEY_ID_TEXT + 1 < sizeof pull->keys; i++) {
        char id[MINISIGN_KEY_ID_TEXT] = {0};
        minisign_key_id_text(u->keys[i].key_id, id);
        used += (size_t)snprintf(pull->keys + used, sizeof pull->keys - used, "%s%s", i ? "," : "", id);
    }
    clock_gettime(CLOCK_MONOTONIC, &now);
    pull->random = ((uint64_t)now.tv_nsec << 20) ^ (uint64_t)now.tv_sec ^ ((uint64_t)getpid() << 40) ^ 0x9E3779B97F4A7C15u;
    u->pull = pull;
    memo_load(u);
    log_write(c->log, LOG_INFO, "update", "updates from %s every %llu s", pull_url(pull->puller),
              (unsigned long long)(poll_interval_ms(u) / 1000));
    return true;
}

void update_url_destroy(Updater *u)
{
    if (u->pull == NULL) {
        return;
    }
    pull_destroy(u->pull->puller);
    free(u->pull);
    u->pull = NULL;
}
