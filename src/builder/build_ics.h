/* build_ics.h — iCalendar (.ics) files from other calendars read into sessions (libical):
 * each VEVENT's occurrences with SUMMARY as the title, LOCATION as the room and its times in
 * UTC — through the file's VTIMEZONE for its TZID, through the system's zoneinfo for a TZID
 * without one (a known zone name is enough), as written for UTC ("Z"), in the event's zone
 * for floating times and all-day dates. Simple daily repetitions (RRULE FREQ=DAILY, with
 * INTERVAL, COUNT or UNTIL) are expanded; one without an end stops at bound.ends; any other
 * repetition, RDATE or EXDATE refuses that VEVENT with a message. Hostile files are refused
 * whole before libical sees them: more than BUILD_ICS_MAX_BYTES, more than
 * BUILD_ICS_MAX_LINES lines, more than BUILD_ICS_MAX_COMPONENTS components, or components
 * nested deeper than VCALENDAR > VEVENT > VALARM. */
#ifndef FACTS_BUILDER_BUILD_ICS_H
#define FACTS_BUILDER_BUILD_ICS_H

#include "core/event_time.h"

#include <stdbool.h>
#include <stddef.h>

enum {
    BUILD_ICS_MAX_BYTES = 1 << 20,
    BUILD_ICS_MAX_LINES = 50000,
    BUILD_ICS_MAX_COMPONENTS = 2000,
    BUILD_ICS_MAX_DEPTH = 3,
    BUILD_ICS_MAX_OCCURRENCES = 400, /* of one repeating VEVENT */
    BUILD_ICS_TEXT_MAX = 512,        /* title and room, cut at a character boundary */
};

/* One occurrence of a VEVENT. Strings are borrowed for the call. */
typedef struct BuildIcsSession {
    const char *uid;   /* "" when the VEVENT has none */
    const char *title; /* SUMMARY, "" when none */
    const char *room;  /* LOCATION, "" when none */
    EventSpan span;
    int occurrence;    /* 0 for the first, 1 … for repetitions */
} BuildIcsSession;

typedef struct BuildIcsReader {
    /* where floating times and all-day dates are (an IANA name), NULL: UTC */
    const char *floating_zone;
    /* repetitions without an end stop here */
    EventSpan bound;
    void (*session)(void *ctx, const BuildIcsSession *session);
    /* a VEVENT not used: its SUMMARY (or "") and why, in English */
    void (*refused)(void *ctx, const char *title, const char *why);
    void *ctx;
} BuildIcsReader;

/* Reads the .ics text bytes[0..size) (need not be NUL-terminated), calling reader->session
 * for each occurrence and reader->refused for each VEVENT it does not use. False, with why
 * in English, when the whole file is refused (too big, too deep, not iCalendar). Never
 * aborts on any input. */
bool build_ics_read(const char *bytes, size_t size, const BuildIcsReader *reader, char *why, size_t why_size);

#endif
