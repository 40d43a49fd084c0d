/* log.c — tagged one-line logging with a level filter and log-once keys.
 * Read log.h first; the once-set is a small open-addressing hash table. */
#define _POSIX_C_SOURCE 200809L
#include "platform/log.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const LEVEL_NAMES[LOG_LEVEL_COUNT] = {"error", "warn", "info", "debug"};

/* syslog priorities: LOG_ERR 3, LOG_WARNING 4, LOG_INFO 6, LOG_DEBUG 7. */
static const int LEVEL_SYSLOG_PRIORITY[LOG_LEVEL_COUNT] = {3, 4, 6, 7};

enum { ONCE_INITIAL_CAPACITY = 64 };

const char *log_level_name(LogLevel level)
{
    if ((int)level < 0 || level >= LOG_LEVEL_COUNT) {
        return "";
    }
    return LEVEL_NAMES[level];
}

bool log_level_parse(const char *name, LogLevel *out)
{
    if (name == NULL) {
        return false;
    }
    for (int i = 0; i < LOG_LEVEL_COUNT; i++) {
        if (strcasecmp(name, LEVEL_NAMES[i]) == 0) {
            *out = (LogLevel)i;
            return true;
        }
    }
    return false;
}

void log_create(Log *log, FILE *out, LogLevel level, LogStyle style)
{
    *log = (Log){0};
    log->out = out;
    log->level = level;
    log->style = style;
}

static void once_clear(LogOnceSet *set)
{
    for (size_t i = 0; i < set->capacity; i++) {
        free(set->keys[i]);
    }
    free(set->keys);
    *set = (LogOnceSet){0};
}

void log_destroy(Log *log)
{
    if (log == NULL) {
        return;
    }
    once_clear(&log->once);
}

void log_once_reset(Log *log)
{
    once_clear(&log->once);
}

void log_set_level(Log *log, LogLevel level)
{
    log->level = level;
}

bool log_enabled(const Log *log, LogLevel level)
{
    return log != NULL && log->out != NULL && (int)level >= 0 && level < LOG_LEVEL_COUNT &&
           level <= log->level;
}

static void write_line(Log *log, LogLevel level, const char *tag, const char *fmt, va_list args) LOG_PRINTF(4, 0);

static void write_line(Log *log, LogLevel level, const char *tag, const char *fmt, va_list args)
{
    char text[LOG_LINE_MAX];
    int n = vsnprintf(text, sizeof text, fmt, args);
    if (n < 0) {
        snprintf(text, sizeof text, "(unformattable message)");
    } else if ((size_t)n >= sizeof text) {
        memcpy(text + sizeof text - 4, "...", 4);
    }
    for (char *c = text; *c != '\0'; c++) {
        if (*c == '\n' || *c == '\r') {
            *c = ' ';
        }
    }
    if (log->style == LOG_STYLE_JOURNAL) {
        fprintf(log->out, "<%d>%s: %s\n", LEVEL_SYSLOG_PRIORITY[level], tag, text);
    } else {
        fprintf(log->out, "[%s] %s: %s\n", LEVEL_NAMES[level], tag, text);
    }
    fflush(log->out);
}

void log_write(Log *log, LogLevel level, const char *tag, const char *fmt, ...)
{
    if (!log_enabled(log, level)) {
        return;
    }
    va_list args;
    va_start(args, fmt);
    write_line(log, level, tag, fmt, args);
    va_end(args);
}

/* FNV-1a: short keys, no adversary; good enough spread for a small table. */
static uint64_t hash_key(const char *key)
{
    uint64_t h = 1469598103934665603u;
    for (const unsigned char *p = (const unsigned char *)key; *p != '\0'; p++) {
        h = (h ^ *p) * 1099511628211u;
    }
    return h;
}

/* Index of key's slot, or of the empty slot where it would go. */
static size_t once_slot(const LogOnceSet *set, const char *key)
{
    size_t mask = set->capacity - 1;
    size_t i = (size_t)hash_key(key) & mask;
    while (set->keys[i] != NULL && strcmp(set->keys[i], key) != 0) {
        i = (i + 1) & mask;
    }
    return i;
}

static bool once_grow(LogOnceSet *set)
{
    size_t capacity = set->capacity == 0 ? ONCE_INITIAL_CAPACITY : set->capacity * 2;
    char **keys = calloc(capacity, sizeof *keys);
    if (keys == NULL) {
        return false;
    }
    LogOnceSet grown = {.keys = keys, .capacity = capacity, .count = set->count,
                        .full_reported = set->full_reported};
    for (size_t i = 0; i < set->capacity; i++) {
        if (set->keys[i] != NULL) {
            grown.keys[once_slot(&grown, set->keys[i])] = set->keys[i];
        }
    }
    free(set->keys);
    *set = grown;
    return true;
}

typedef enum OnceResult { ONCE_NEW, ONCE_SEEN, ONCE_FULL, ONCE_NO_MEMORY } OnceResult;

static OnceResult once_insert(LogOnceSet *set, const char *key)
{
    if (set->capacity > 0 && set->keys[once_slot(set, key)] != NULL) {
        return ONCE_SEEN;
    }
    if (set->count >= LOG_ONCE_MAX_KEYS) {
        return ONCE_FULL;
    }
    /* Keep the table at most half full so probes stay short. */
    if ((set->count + 1) * 2 > set->capacity && !once_grow(set)) {
        return ONCE_NO_MEMORY;
    }
    char *copy = strdup(key);
    if (copy == NULL) {
        return ONCE_NO_MEMORY;
    }
    set->keys[once_slot(set, key)] = copy;
    set->count++;
    return ONCE_NEW;
}

bool log_once(Log *log, LogLevel level, const char *key, const char *tag, const char *fmt, ...)
{
    if (!log_enabled(log, level)) {
        return false;
    }
    OnceResult result = once_insert(&log->once, key);
    if (result == ONCE_SEEN) {
        return false;
    }
    if (result == ONCE_FULL) {
        if (!log->once.full_reported) {
            log->once.full_reported = true;
            log_write(log, LOG_WARN, "log",
                      "more than %d distinct one-time messages; suppressing further ones",
                      (int)LOG_ONCE_MAX_KEYS);
        }
        return false;
    }
    va_list args;
    va_start(args, fmt);
    write_line(log, level, tag, fmt, args);
    va_end(args);
    return true;
}
