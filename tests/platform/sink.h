/* sink.h — a test OptionsSink that collects messages for assertions. */
#ifndef FACTS_TESTS_PLATFORM_SINK_H
#define FACTS_TESTS_PLATFORM_SINK_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "platform/options.h"

enum { COLLECTED_MAX = 64, COLLECTED_TEXT_MAX = 2048 };

typedef struct Collected {
    int count;
    LogLevel levels[COLLECTED_MAX];
    char messages[COLLECTED_MAX][COLLECTED_TEXT_MAX];
} Collected;

static inline void collect_message(void *user, LogLevel level, const char *message)
{
    Collected *c = user;
    if (c->count < COLLECTED_MAX) {
        c->levels[c->count] = level;
        snprintf(c->messages[c->count], COLLECTED_TEXT_MAX, "%s", message);
    }
    c->count++;
}

static inline OptionsSink collecting_sink(Collected *c)
{
    *c = (Collected){0};
    return (OptionsSink){collect_message, c};
}

/* Prints what was collected, to explain a failing assertion. */
static inline void dump_collected(const Collected *c)
{
    for (int i = 0; i < c->count && i < COLLECTED_MAX; i++) {
        fprintf(stderr, "  message %d: %s\n", i, c->messages[i]);
    }
}

#endif
