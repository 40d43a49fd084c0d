/* visits_log.c — the in-memory batch and its flush; see visits_log.h.
 * The session and the page on screen live in the log (begin, view, end only touch memory);
 * finished pieces become Records in the batch, and visits_log_flush() has the store
 * (visits_store.c) write the batch in one transaction — at once, or through the inbox of the
 * writer thread (writer_main) once visits_log_use_writer_thread() ran. Start at visits_log_flush(). */
#define _POSIX_C_SOURCE 200809L
#include "visits/visits_log.h"

#include "posix/thread.h"
#include "visits/visits_store.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The writer thread's side: the batches handed over, under lock. */
typedef struct Writer {
    bool started;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    Record *inbox;            /* handed over, and kept after a failed write to go again */
    size_t inbox_count;
    size_t inbox_capacity;
    VisitsOpenSession open;   /* the session on screen at the last hand-over */
    bool work;                /* the inbox waits for the thread */
    bool writing;             /* the thread writes it */
    bool stop;
    VisitsStatus last_status; /* of the thread's last write, until a flush reports it */
    uint64_t dropped;
} Writer;

struct VisitsLog {
    VisitsStore *store;
    Writer writer;
    VisitsConfig config;
    Record *batch;
    size_t count;
    size_t capacity;
    uint64_t first_pending_ms; /* mono time of the oldest record waiting */
    bool ended_since_flush;
    uint64_t dropped;
    /* The session on screen. */
    bool in_session;
    VisitsTime session_start;
    VisitsTime last_activity;
    bool page_open;
    Record page; /* the page on screen, value_ms not known yet */
    Lang lang;   /* of the page last shown */
};

static uint32_t span_ms(uint64_t from, uint64_t to)
{
    uint64_t span = to > from ? to - from : 0;
    return span > UINT32_MAX ? UINT32_MAX : (uint32_t)span;
}

/* Copies at most size - 1 bytes of src, never cutting a UTF-8 sequence in two. */
static void copy_text(char *dst, size_t size, const char *src)
{
    size_t length = src ? strlen(src) : 0;
    if (length >= size) {
        length = size - 1;
        while (length > 0 && ((unsigned char)src[length] & 0xC0) == 0x80) {
            length--;
        }
    }
    if (length) {
        memcpy(dst, src, length);
    }
    dst[length] = '\0';
}

static void note_activity(VisitsLog *log, VisitsTime at)
{
    if (at.mono_ms >= log->last_activity.mono_ms) {
        log->last_activity = at;
    }
}

static void push(VisitsLog *log, const Record *record)
{
    if (log->count == log->capacity) {
        size_t grown = log->capacity * 2;
        Record *bigger = grown <= VISITS_BATCH_HARD_MAX ? realloc(log->batch, grown * sizeof *bigger) : NULL;
        if (!bigger) {
            log->dropped++;
            return;
        }
        log->batch = bigger;
        log->capacity = grown;
    }
    if (log->count == 0) {
        log->first_pending_ms = record->at.mono_ms;
    }
    log->batch[log->count++] = *record;
    if (log->count >= log->config.batch_events) {
        /* A full batch goes now; if it cannot, it keeps growing up to the hard limit. */
        visits_log_flush(log);
    }
}

VisitsLog *visits_log_open(const char *path, const VisitsConfig *config, char *why, size_t why_size)
{
    VisitsLog *log = calloc(1, sizeof *log);
    if (!log) {
        snprintf(why, why_size, "out of memory");
        return NULL;
    }
    log->config = config ? *config : (VisitsConfig){0};
    VisitsConfig *c = &log->config;
    c->flush_interval_ms = c->flush_interval_ms ? c->flush_interval_ms : VISITS_DEFAULT_FLUSH_MS;
    c->keep_days = c->keep_days ? c->keep_days : VISITS_DEFAULT_KEEP_DAYS;
    c->max_bytes = c->max_bytes ? c->max_bytes : VISITS_DEFAULT_MAX_BYTES;
    c->batch_events = c->batch_events ? c->batch_events : VISITS_DEFAULT_BATCH;
    c->batch_events = c->batch_events > VISITS_BATCH_HARD_MAX ? VISITS_BATCH_HARD_MAX : c->batch_events;
    log->capacity = 64;
    log->batch = malloc(log->capacity * sizeof *log->batch);
    if (!log->batch) {
        snprintf(why, why_size, "out of memory");
        goto fail;
    }
    log->store = visits_store_open(path, c->keep_days, c->max_bytes, why, why_size);
    if (!log->store) {
        goto fail;
    }
    return log;
fail:
    visits_log_close(log);
    return NULL;
}

static void end_page(VisitsLog *log, VisitsTime at)
{
    if (!log->page_open) {
        return;
    }
    log->page.value_ms = span_ms(log->page.at.mono_ms, at.mono_ms);
    log->page_open = false;
    push(log, &log->page);
}

void visits_session_end(VisitsLog *log, VisitsTime at)
{
    if (!log || !log->in_session) {
        return;
    }
    note_activity(log, at);
    end_page(log, at);
    Record end = {.kind = RECORD_END, .at = at, .lang = log->lang,
                  .value_ms = span_ms(log->session_start.mono_ms, at.mono_ms)};
    log->in_session = false;
    log->ended_since_flush = true;
    push(log, &end);
}

void visits_session_begin(VisitsLog *log, VisitsTime at, Lang lang)
{
    if (!log) {
        return;
    }
    visits_session_end(log, at);
    log->in_session = true;
    log->session_start = at;
    log->last_activity = at;
    log->lang = lang;
    Record begin = {.kind = RECORD_BEGIN, .at = at, .lang = lang};
    push(log, &begin);
}

void visits_page_view(VisitsLog *log, VisitsTime at, VisitsItemKind kind, const char *key, const char *title,
                      Lang lang)
{
    if (!log || !log->in_session || (unsigned)kind >= VISITS_ITEM_KIND_COUNT) {
        return;
    }
    note_activity(log, at);
    char key_copy[VISITS_KEY_MAX];
    copy_text(key_copy, sizeof key_copy, key);
    if (log->page_open && log->page.item_kind == kind && strcmp(log->page.key, key_copy) == 0) {
        log->page.lang = lang; /* the same page in another language: one view */
        log->lang = lang;
        return;
    }
    end_page(log, at);
    log->page = (Record){.kind = RECORD_PAGE, .at = at, .item_kind = kind, .lang = lang,
                         .offset_ms = span_ms(log->session_start.mono_ms, at.mono_ms)};
    memcpy(log->page.key, key_copy, sizeof key_copy);
    copy_text(log->page.title, sizeof log->page.title, title);
    log->page_open = true;
    log->lang = lang;
}

void visits_event(VisitsLog *log, VisitsTime at, VisitsEventKind kind)
{
    if (!log || (unsigned)kind >= VISITS_EVENT_KIND_COUNT) {
        return;
    }
    if (log->in_session) {
        note_activity(log, at);
    }
    Record event = {.kind = RECORD_EVENT, .at = at, .event_kind = kind};
    push(log, &event);
}

void visits_search_made(VisitsLog *log, VisitsTime at)
{
    visits_event(log, at, VISITS_EVENT_SEARCH);
}

void visits_read_aloud(VisitsLog *log, VisitsTime at)
{
    visits_event(log, at, VISITS_EVENT_READ_ALOUD);
}

void visits_lead_left(VisitsLog *log, VisitsTime at)
{
    visits_event(log, at, VISITS_EVENT_LEAD);
}

bool visits_session_is_open(const VisitsLog *log)
{
    return log && log->in_session;
}

bool visits_log_flush_due(const VisitsLog *log, uint64_t mono_ms)
{
    if (!log || log->count == 0) {
        return false;
    }
    return log->ended_since_flush || log->count >= log->config.batch_events ||
           mono_ms >= log->first_pending_ms + log->config.flush_interval_ms;
}

size_t visits_log_pending(const VisitsLog *log)
{
    return log ? log->count : 0;
}

uint64_t visits_log_dropped(VisitsLog *log)
{
    if (!log) {
        return 0;
    }
    Writer *w = &log->writer;
    if (!w->started) {
        return log->dropped + w->dropped;
    }
    pthread_mutex_lock(&w->lock);
    uint64_t dropped = log->dropped + w->dropped;
    pthread_mutex_unlock(&w->lock);
    return dropped;
}

sqlite3 *visits_log_db(VisitsLog *log)
{
    return log && !log->writer.started ? visits_store_db(log->store) : NULL;
}

static VisitsOpenSession open_session(const VisitsLog *log)
{
    return (VisitsOpenSession){.open = log->in_session, .lang = log->lang,
                               .length_ms = span_ms(log->session_start.mono_ms, log->last_activity.mono_ms)};
}

/* Appends count records to the writer's inbox (the thread is not at it); false when out of
 * memory. */
static bool to_inbox(Writer *w, const Record *records, size_t count)
{
    if (w->inbox_count + count > w->inbox_capacity) {
        size_t grown = w->inbox_count + count + 64;
        Record *bigger = realloc(w->inbox, grown * sizeof *bigger);
        if (!bigger) {
            return false;
        }
        w->inbox = bigger;
        w->inbox_capacity = grown;
    }
    if (count) {
        memcpy(w->inbox + w->inbox_count, records, count * sizeof *records);
    }
    w->inbox_count += count;
    return true;
}

static void *writer_main(void *arg)
{
    VisitsLog *log = arg;
    Writer *w = &log->writer;
    pthread_mutex_lock(&w->lock);
    for (;;) {
        while (!w->work && !w->stop) {
            pthread_cond_wait(&w->wake, &w->lock);
        }
        if (!w->work) {
            break;
        }
        w->work = false;
        w->writing = true;
        const Record *records = w->inbox;
        size_t count = w->inbox_count;
        VisitsOpenSession open = w->open;
        pthread_mutex_unlock(&w->lock);
        uint64_t dropped = 0;
        VisitsStatus status = visits_store_write(log->store, records, count, open, &dropped);
        pthread_mutex_lock(&w->lock);
        w->writing = false;
        w->last_status = status;
        w->dropped += dropped;
        if (status == VISITS_OK || status == VISITS_ERR_FULL) {
            w->inbox_count = 0;
        }
    }
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

bool visits_log_use_writer_thread(VisitsLog *log)
{
    if (!log) {
        return false;
    }
    Writer *w = &log->writer;
    if (w->started) {
        return true;
    }
    if (pthread_mutex_init(&w->lock, NULL) != 0) {
        return false;
    }
    if (pthread_cond_init(&w->wake, NULL) != 0) {
        pthread_mutex_destroy(&w->lock);
        return false;
    }
    int error = thread_start(&w->thread, writer_main, log);
    if (error != 0) {
        pthread_cond_destroy(&w->wake);
        pthread_mutex_destroy(&w->lock);
        return false;
    }
    w->started = true;
    return true;
}

bool visits_log_writing(VisitsLog *log)
{
    Writer *w = log ? &log->writer : NULL;
    if (!w || !w->started) {
        return false;
    }
    pthread_mutex_lock(&w->lock);
    bool writing = w->work || w->writing;
    pthread_mutex_unlock(&w->lock);
    return writing;
}

/* Hands the batch to the writer thread. */
static VisitsStatus hand_over(VisitsLog *log)
{
    Writer *w = &log->writer;
    pthread_mutex_lock(&w->lock);
    if (w->work || w->writing) {
        pthread_mutex_unlock(&w->lock);
        return VISITS_ERR_BUSY; /* the last batch is still being written: this one waits */
    }
    VisitsStatus status = w->last_status;
    if (!to_inbox(w, log->batch, log->count)) {
        pthread_mutex_unlock(&w->lock);
        return VISITS_ERR_NOMEM;
    }
    w->last_status = VISITS_OK;
    w->open = open_session(log);
    w->work = true;
    pthread_cond_signal(&w->wake);
    pthread_mutex_unlock(&w->lock);
    log->count = 0;
    log->ended_since_flush = false;
    return status;
}

VisitsStatus visits_log_flush(VisitsLog *log)
{
    if (!log || log->count == 0) {
        return VISITS_OK;
    }
    if (log->writer.started) {
        return hand_over(log);
    }
    VisitsStatus status = visits_store_write(log->store, log->batch, log->count, open_session(log), &log->dropped);
    if (status == VISITS_OK || status == VISITS_ERR_FULL) {
        log->count = 0;
        log->ended_since_flush = false;
    }
    return status;
}

/* Stops the writer thread once it wrote what it has; what a failed write left in its inbox
 * goes back in front of the batch, for the last synchronous flush. */
static void stop_writer(VisitsLog *log)
{
    Writer *w = &log->writer;
    if (!w->started) {
        return;
    }
    pthread_mutex_lock(&w->lock);
    w->stop = true;
    pthread_cond_signal(&w->wake);
    pthread_mutex_unlock(&w->lock);
    pthread_join(w->thread, NULL);
    pthread_cond_destroy(&w->wake);
    pthread_mutex_destroy(&w->lock);
    w->started = false;
    if (w->inbox_count && to_inbox(w, log->batch, log->count)) {
        /* The inbox, older records first, becomes the batch. */
        free(log->batch);
        log->batch = w->inbox;
        log->count = w->inbox_count;
        log->capacity = w->inbox_capacity;
        w->inbox = NULL;
        w->inbox_capacity = 0;
    } else {
        log->dropped += w->inbox_count;
    }
    log->dropped += w->dropped;
    w->dropped = 0;
    w->inbox_count = 0;
}

void visits_log_close(VisitsLog *log)
{
    if (!log) {
        return;
    }
    if (log->store) {
        visits_session_end(log, log->last_activity);
        visits_log_flush(log);
        stop_writer(log);
        visits_log_flush(log);
    }
    visits_store_close(log->store);
    free(log->writer.inbox);
    free(log->batch);
    free(log);
}
