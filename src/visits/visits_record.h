/* visits_record.h — one piece of a batch, as the log (visits_log.c) gathers it in memory and
 * the store (visits_store.c) writes it. Internal to src/visits. */
#ifndef FACTS_VISITS_VISITS_RECORD_H
#define FACTS_VISITS_VISITS_RECORD_H

#include "core/lang.h"
#include "visits/visits_db.h"
#include "visits/visits_time.h"

#include <stdbool.h>
#include <stdint.h>

typedef enum RecordKind {
    RECORD_BEGIN = 0, /* a session began at `at` in lang */
    RECORD_PAGE,      /* a page shown at `at` (offset_ms into its session) for value_ms */
    RECORD_EVENT,     /* a search, read-aloud or lead at `at` */
    RECORD_END,       /* the session lasted value_ms and ended in lang */
} RecordKind;

typedef struct Record {
    RecordKind kind;
    VisitsTime at;
    uint32_t offset_ms;
    uint32_t value_ms;
    VisitsItemKind item_kind;
    VisitsEventKind event_kind;
    Lang lang;
    char key[VISITS_KEY_MAX];
    char title[VISITS_TITLE_MAX];
} Record;

/* The session still on screen when a batch is written: its row gets the length so far. */
typedef struct VisitsOpenSession {
    bool open;
    uint32_t length_ms;
    Lang lang;
} VisitsOpenSession;

#endif
