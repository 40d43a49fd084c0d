/* build_event.h — the builder's clock work for an event: local times in the event's zone
 * made UTC instants, and the zone's UTC offsets over the event's days, both from the
 * system's zoneinfo (TZ set for the moment of the call, then put back: the builder is a
 * command-line tool; the kiosk's core never reads a time-zone file). A local time the
 * clocks skip or pass twice on the day they change is refused with both readings. */
#ifndef FACTS_BUILDER_BUILD_EVENT_H
#define FACTS_BUILDER_BUILD_EVENT_H

#include "core/event_time.h"

#include <stdbool.h>
#include <stddef.h>

enum {
    BUILD_EVENT_MAX_DAYS = 31, /* an event's days, first to last */
    BUILD_EVENT_READING_SIZE = 64,
};

typedef enum BuildLocalStatus {
    BUILD_LOCAL_OK = 0,
    BUILD_LOCAL_BAD,     /* not "YYYY-MM-DDTHH:MM" */
    BUILD_LOCAL_SKIPPED, /* the clocks skip it (spring forward) */
    BUILD_LOCAL_TWICE,   /* the clocks pass it twice (fall back) */
} BuildLocalStatus;

/* The zoneinfo folder: $TZDIR, else /usr/share/zoneinfo. */
const char *build_event_zoneinfo_dir(void);

/* True when zone names a time-zone file (TZif) of the zoneinfo folder. */
bool build_event_zone_known(const char *zone);

/* Reads local ("YYYY-MM-DDTHH:MM", a real date and time) in zone into *out. On SKIPPED and
 * TWICE, readings[0] and [1] say both readings ("2026-03-29T02:30+01:00 = 01:30 UTC") and
 * *out is unset. zone must be known (build_event_zone_known). */
BuildLocalStatus build_event_local_to_utc(const char *zone, const char *local, EventInstant *out,
                                          char readings[2][BUILD_EVENT_READING_SIZE]);

/* Reads a local date and time as a wall clock read as UTC (no zone): false when malformed. */
bool build_event_parse_local(const char *local, EventInstant *wall);

/* The zone's offsets from the local midnight before first_day until two days after
 * last_day (an evening past midnight is covered): one change per offset, exact to the
 * second. False when zone is unknown or there are more changes than EventZone holds. */
bool build_event_zone_offsets(const char *zone, const char *first_day, const char *last_day, EventZone *out);

#endif
