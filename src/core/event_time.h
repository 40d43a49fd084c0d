/* event_time.h — the clock arithmetic of an event, pure: UTC instants written as
 * "YYYY-MM-DDTHH:MM:SSZ" (how a pack keeps every time of an event), the zone's UTC offsets
 * for the event's days as the builder worked them out from the system's zoneinfo (the kiosk
 * never reads a time-zone file), local dates and times from them, and the "m:ss" or "N min"
 * of a countdown. Start at event_zone_parse() and event_local_date(). No I/O, nothing allocated. */
#ifndef FACTS_CORE_EVENT_TIME_H
#define FACTS_CORE_EVENT_TIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Seconds since 1970-01-01T00:00:00Z. */
typedef int64_t EventInstant;

/* A time span [starts, ends) in UTC; ends > starts. */
typedef struct EventSpan {
    EventInstant starts;
    EventInstant ends;
} EventSpan;

enum {
    EVENT_INSTANT_TEXT_SIZE = 21, /* "2026-03-29T08:00:00Z" and its NUL */
    EVENT_ZONE_MAX_CHANGES = 16,  /* offsets a pack may list for one event */
    EVENT_OFFSET_MAX_SECONDS = 18 * 3600,
};

/* Parses "YYYY-MM-DDTHH:MM:SSZ" (a real calendar time from 1970 to 2999) into *out. */
bool event_instant_parse(const char *text, EventInstant *out);

/* Writes instant as "YYYY-MM-DDTHH:MM:SSZ" into out (EVENT_INSTANT_TEXT_SIZE bytes). */
void event_instant_format(EventInstant instant, char out[EVENT_INSTANT_TEXT_SIZE]);

/* Seconds since the epoch of a civil date and time read as if in UTC (the "wall clock as
 * UTC" the offsets are added to). month 1-12, day 1-31; no range checks. */
EventInstant event_civil_seconds(int year, int month, int day, int hour, int minute, int second);

/* The civil date of seconds read as UTC: year, month 1-12, day 1-31. */
void event_civil_date(EventInstant seconds, int *year, int *month, int *day);

/* A zone's UTC offsets over an event's days: from changes[i].from on (until the next
 * change) local time is UTC + changes[i].offset seconds. changes are in increasing order. */
typedef struct EventZoneChange {
    EventInstant from;
    int32_t offset;
} EventZoneChange;

typedef struct EventZone {
    EventZoneChange changes[EVENT_ZONE_MAX_CHANGES];
    size_t count;
} EventZone;

/* Parses the text a pack keeps in events.utc_offsets: one or more
 * "YYYY-MM-DDTHH:MM:SSZ +HH:MM" pairs separated by ", ", instants strictly increasing,
 * offsets within ±18 hours ("2026-03-28T23:00:00Z +01:00, 2026-03-29T01:00:00Z +02:00").
 * False (and *zone untouched) on anything else. */
bool event_zone_parse(const char *text, EventZone *zone);

/* Writes zone as event_zone_parse() reads it into out (size bytes, NUL-terminated); false
 * when it does not fit. */
bool event_zone_format(const EventZone *zone, char *out, size_t size);

/* The offset in force at instant: the last change at or before it (the first change's
 * offset before the first). 0 for an empty zone. */
int32_t event_zone_offset(const EventZone *zone, EventInstant instant);

/* The local date of instant as YYYYMMDD (20260329), for comparing with the event's days. */
int32_t event_local_date(const EventZone *zone, EventInstant instant);

/* The local wall clock of instant: hours 0-23 and minutes 0-59. */
void event_local_clock(const EventZone *zone, EventInstant instant, int *hour, int *minute);

/* "YYYY-MM-DD" as YYYYMMDD, or -1 when malformed. */
int32_t event_date_number(const char *date);

enum { EVENT_COUNTDOWN_SIZE = 24 };

/* Writes a countdown of seconds (negative as 0) into out and returns out: under ten minutes
 * as "m:ss" ("4:12", "0:05"), from ten minutes on as whole minutes rounded up followed by
 * the unit minutes (the language's "min": "55 min", "72 min"), so that it never reads like
 * a clock time. */
char *event_countdown_format(int64_t seconds, const char *minutes, char out[EVENT_COUNTDOWN_SIZE]);

/* Whole minutes left until end, rounded up ("Meetings end in 6 min"): 0 when past. */
int64_t event_minutes_left(EventInstant now, EventInstant end);

#endif
