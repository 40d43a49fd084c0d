/* log.h — one-line log messages with a module tag and a level, to a FILE*
 * (stderr in the kiosk, which journald collects), with a level filter and a
 * "log once" facility so a problem seen every frame is reported a single time.
 * Start with log_create() and log_write(). The Log context is passed
 * explicitly; there is no process-wide logger. A Log is not thread-safe: a
 * worker thread gets its own Log or logs through its owner. */
#ifndef FACTS_PLATFORM_LOG_H
#define FACTS_PLATFORM_LOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#if defined(__GNUC__)
#define LOG_PRINTF(fmt_index, first_arg) __attribute__((format(printf, fmt_index, first_arg)))
#else
#define LOG_PRINTF(fmt_index, first_arg)
#endif

typedef enum LogLevel {
    LOG_ERROR = 0,
    LOG_WARN,
    LOG_INFO,
    LOG_DEBUG,
    LOG_LEVEL_COUNT
} LogLevel;

/* How a line starts. LOG_STYLE_TERMINAL: "[warn] render: ...". LOG_STYLE_JOURNAL:
 * "<4>render: ..." — the syslog priority prefix that journald turns into the
 * entry's priority (use it when the JOURNAL_STREAM environment variable is set). */
typedef enum LogStyle {
    LOG_STYLE_TERMINAL = 0,
    LOG_STYLE_JOURNAL,
} LogStyle;

/* Keys already logged by log_once(); an open-addressing set of owned strings. */
typedef struct LogOnceSet {
    char **keys;
    size_t capacity;
    size_t count;
    bool full_reported;
} LogOnceSet;

typedef struct Log {
    FILE *out;
    LogLevel level;
    LogStyle style;
    LogOnceSet once;
} Log;

/* Most distinct log_once() keys remembered; past this, messages with new keys
 * are suppressed (after one line saying so) rather than growing memory
 * without bound or flooding the journal. */
enum { LOG_ONCE_MAX_KEYS = 4096 };

/* Longest line written; longer messages are cut and end in "...". */
enum { LOG_LINE_MAX = 1024 };

/* Prepares log to write lines at or above level (LOG_ERROR is the most
 * severe; LOG_DEBUG shows everything) to out, which the caller keeps open
 * and owns. Cannot fail: memory for log_once() is taken lazily. */
void log_create(Log *log, FILE *out, LogLevel level, LogStyle style);

/* Frees the log_once() keys. The FILE* is not closed. NULL is a no-op. */
void log_destroy(Log *log);

/* Changes the filter, e.g. once the configured log_level is known. */
void log_set_level(Log *log, LogLevel level);

/* True when a message at level would be written; false for a NULL log (a caller
 * without a log writes nothing). */
bool log_enabled(const Log *log, LogLevel level);

/* Writes one line "tag: message" (message from fmt) if level passes the
 * filter. Newlines inside the message are replaced by spaces so one call is
 * always one line. Write errors are ignored: logging never fails the caller. */
void log_write(Log *log, LogLevel level, const char *tag, const char *fmt, ...) LOG_PRINTF(4, 5);

/* Like log_write(), but only the first call with a given key writes; later
 * calls with the same key are silent. Returns true when this call wrote.
 * A message filtered out by the level does not use up its key. If the key
 * cannot be remembered for lack of memory the message is still written; once
 * LOG_ONCE_MAX_KEYS keys are held, messages with new keys are suppressed. */
bool log_once(Log *log, LogLevel level, const char *key, const char *tag, const char *fmt, ...)
    LOG_PRINTF(5, 6);

/* Forgets every log_once() key, e.g. after new content was loaded, so its
 * problems are reported afresh. */
void log_once_reset(Log *log);

/* "error", "warn", "info", "debug"; "" for an out-of-range value. */
const char *log_level_name(LogLevel level);

/* Parses one of the names above (case-insensitive). Returns false and leaves
 * *out untouched for anything else. */
bool log_level_parse(const char *name, LogLevel *out);

#endif
