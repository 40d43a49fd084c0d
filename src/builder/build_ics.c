/* build_ics.c — .ics files into sessions; see build_ics.h. Reading order:
 * build_ics_read() → check_shape() (the bounds, before libical sees a byte) → libical's
 * parser → read_calendar() → read_vevent() for each VEVENT → occurrences() → to_utc(). */
#define _POSIX_C_SOURCE 200809L
#include "builder/build_ics.h"

#include "builder/build_event.h"
#include "content/schema.h"
#include "core/utf8.h"

#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { WHY_SIZE = 256, DAY = 86400 };

/* The bounds of build_ics.h, counted on the raw text: lines, components and their depth. */
static bool check_shape(const char *bytes, size_t size, char *why, size_t why_size)
{
    if (size > BUILD_ICS_MAX_BYTES) {
        snprintf(why, why_size, "the file is larger than %d KiB", BUILD_ICS_MAX_BYTES / 1024);
        return false;
    }
    if (memchr(bytes, '\0', size)) {
        snprintf(why, why_size, "the file has a NUL byte");
        return false;
    }
    size_t bad = 0;
    if (!utf8_valid(bytes, size, &bad)) {
        snprintf(why, why_size, "the file is not UTF-8 text (byte %zu)", bad);
        return false;
    }
    long lines = 0;
    long components = 0;
    int depth = 0;
    for (size_t at = 0; at < size;) {
        const char *line = bytes + at;
        const char *end = memchr(line, '\n', size - at);
        size_t length = end ? (size_t)(end - line) : size - at;
        at += length + 1;
        if (++lines > BUILD_ICS_MAX_LINES) {
            snprintf(why, why_size, "the file has more than %d lines", BUILD_ICS_MAX_LINES);
            return false;
        }
        if (length >= 6 && strncasecmp(line, "BEGIN:", 6) == 0) {
            components++;
            if (++depth > BUILD_ICS_MAX_DEPTH) {
                snprintf(why, why_size, "components are nested deeper than %d", BUILD_ICS_MAX_DEPTH);
                return false;
            }
        } else if (length >= 4 && strncasecmp(line, "END:", 4) == 0) {
            depth = depth > 0 ? depth - 1 : 0;
        }
        if (components > BUILD_ICS_MAX_COMPONENTS) {
            snprintf(why, why_size, "the file has more than %d components", BUILD_ICS_MAX_COMPONENTS);
            return false;
        }
    }
    if (components == 0) {
        snprintf(why, why_size, "no BEGIN:VCALENDAR");
        return false;
    }
    return true;
}

/* How a VEVENT's times are read. */
typedef struct IcsZone {
    icaltimezone *vtimezone; /* the file's VTIMEZONE for the TZID */
    const char *system_zone; /* a TZID without one, or the floating zone; NULL: UTC */
} IcsZone;

typedef struct Vevent {
    const BuildIcsReader *reader;
    icalcomponent *calendar;
    icalcomponent *event;
    char title[BUILD_ICS_TEXT_MAX + 1];
    char room[BUILD_ICS_TEXT_MAX + 1];
    char why[WHY_SIZE];
} Vevent;

static bool valid_wall(struct icaltimetype t)
{
    char text[EVENT_INSTANT_TEXT_SIZE + 8];
    EventInstant ignored = 0;
    if (t.year < 1970 || t.year > 2999) {
        return false;
    }
    snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02dZ", t.year, t.month % 100, t.day % 100, t.hour % 100,
             t.minute % 100, t.second % 100);
    return t.month >= 1 && t.month <= 12 && t.day >= 1 && t.hour >= 0 && t.minute >= 0 && t.second >= 0 &&
           event_instant_parse(text, &ignored);
}

/* The zone a time property's TZID names: the file's VTIMEZONE, else a system zone of that
 * name; floating times and dates: the reader's floating zone. False with why when unknown. */
static bool property_zone(Vevent *v, icalproperty *property, struct icaltimetype t, IcsZone *zone)
{
    *zone = (IcsZone){NULL, v->reader->floating_zone};
    icalparameter *parameter = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER);
    const char *tzid = parameter ? icalparameter_get_tzid(parameter) : NULL;
    if (icaltime_is_utc(t)) {
        zone->system_zone = NULL;
        return true;
    }
    if (!tzid || t.is_date) {
        return true;
    }
    zone->vtimezone = icalcomponent_get_timezone(v->calendar, tzid);
    if (zone->vtimezone) {
        return true;
    }
    if (schema_zone_name_valid(tzid) && build_event_zone_known(tzid)) {
        zone->system_zone = tzid;
        return true;
    }
    snprintf(v->why, sizeof v->why, "time zone \"%.60s\" has no VTIMEZONE and is not known to this computer", tzid);
    return false;
}

/* A wall time in zone as a UTC instant; false with why (a time the clocks skip or pass
 * twice names both readings). */
static bool to_utc(Vevent *v, struct icaltimetype t, const IcsZone *zone, EventInstant *out)
{
    if (!valid_wall(t)) {
        snprintf(v->why, sizeof v->why, "a date or time is not valid");
        return false;
    }
    if (zone->vtimezone && !t.is_date) {
        t.zone = NULL;
        *out = (EventInstant)icaltime_as_timet_with_zone(t, zone->vtimezone);
        return true;
    }
    EventInstant wall = event_civil_seconds(t.year, t.month, t.day, t.is_date ? 0 : t.hour, t.is_date ? 0 : t.minute,
                                            t.is_date ? 0 : t.second);
    if (!zone->system_zone || icaltime_is_utc(t)) {
        *out = wall;
        return true;
    }
    char local[EVENT_INSTANT_TEXT_SIZE];
    char readings[2][BUILD_EVENT_READING_SIZE];
    event_instant_format(wall, local);
    local[16] = '\0';
    EventInstant instant = 0;
    BuildLocalStatus status = build_event_local_to_utc(zone->system_zone, local, &instant, readings);
    if (status != BUILD_LOCAL_OK) {
        snprintf(v->why, sizeof v->why, "%s %s in %.60s: %s or %s", local,
                 status == BUILD_LOCAL_TWICE ? "happens twice" : "does not exist", zone->system_zone, readings[0],
                 readings[1]);
        return false;
    }
    *out = instant + (wall % 60);
    return true;
}

/* A text property cut to BUILD_ICS_TEXT_MAX bytes, control characters as spaces. */
static void text_of(const char *value, char *out)
{
    size_t length = value ? strlen(value) : 0;
    if (length > BUILD_ICS_TEXT_MAX) {
        length = BUILD_ICS_TEXT_MAX;
        while (length > 0 && ((unsigned char)value[length] & 0xC0) == 0x80) {
            length--;
        }
    }
    for (size_t i = 0; i < length; i++) {
        out[i] = (unsigned char)value[i] < 0x20 ? ' ' : value[i];
    }
    out[length] = '\0';
}

static bool has_by_parts(const struct icalrecurrencetype *rule)
{
    return rule->by_second[0] != ICAL_RECURRENCE_ARRAY_MAX || rule->by_minute[0] != ICAL_RECURRENCE_ARRAY_MAX ||
           rule->by_hour[0] != ICAL_RECURRENCE_ARRAY_MAX || rule->by_day[0] != ICAL_RECURRENCE_ARRAY_MAX ||
           rule->by_month_day[0] != ICAL_RECURRENCE_ARRAY_MAX || rule->by_year_day[0] != ICAL_RECURRENCE_ARRAY_MAX ||
           rule->by_week_no[0] != ICAL_RECURRENCE_ARRAY_MAX || rule->by_month[0] != ICAL_RECURRENCE_ARRAY_MAX ||
           rule->by_set_pos[0] != ICAL_RECURRENCE_ARRAY_MAX;
}

/* The repetition of the VEVENT: *days apart (0: none), *count (0: no count), *until
 * (bound.ends when none); false with why for what is not read. */
static bool repetition(Vevent *v, const IcsZone *zone, int *days, int *count, EventInstant *until)
{
    *days = 0;
    *count = 0;
    *until = v->reader->bound.ends;
    int rules = icalcomponent_count_properties(v->event, ICAL_RRULE_PROPERTY);
    if (icalcomponent_count_properties(v->event, ICAL_RDATE_PROPERTY) ||
        icalcomponent_count_properties(v->event, ICAL_EXDATE_PROPERTY)) {
        snprintf(v->why, sizeof v->why, "extra or excluded dates (RDATE, EXDATE) are not read");
        return false;
    }
    if (rules == 0) {
        return true;
    }
    icalproperty *property = icalcomponent_get_first_property(v->event, ICAL_RRULE_PROPERTY);
    struct icalrecurrencetype rule = icalproperty_get_rrule(property);
    if (rules > 1 || rule.freq != ICAL_DAILY_RECURRENCE || has_by_parts(&rule) || rule.interval < 1 ||
        rule.count < 0) {
        snprintf(v->why, sizeof v->why, "only simple daily repetitions are read (RRULE:FREQ=DAILY with COUNT or "
                                        "UNTIL)");
        return false;
    }
    *days = rule.interval;
    *count = rule.count;
    if (!icaltime_is_null_time(rule.until)) {
        EventInstant end = 0;
        struct icaltimetype until_time = rule.until;
        if (!valid_wall(until_time)) {
            snprintf(v->why, sizeof v->why, "the end of its repetition (UNTIL) is not a valid date or time");
            return false;
        }
        if (until_time.is_date) {
            icaltime_adjust(&until_time, 1, 0, 0, 0); /* the whole day named */
        }
        if (!to_utc(v, until_time, zone, &end)) {
            return false;
        }
        *until = end < *until ? end : *until;
    }
    return true;
}

/* The start, end and the zone of the VEVENT's first occurrence as walls; false with why. */
static bool first_times(Vevent *v, struct icaltimetype *starts, struct icaltimetype *ends, IcsZone *zone,
                        IcsZone *end_zone, int *duration)
{
    icalproperty *start_property = icalcomponent_get_first_property(v->event, ICAL_DTSTART_PROPERTY);
    icalproperty *end_property = icalcomponent_get_first_property(v->event, ICAL_DTEND_PROPERTY);
    icalproperty *duration_property = icalcomponent_get_first_property(v->event, ICAL_DURATION_PROPERTY);
    *duration = -1;
    if (!start_property) {
        snprintf(v->why, sizeof v->why, "it has no start (DTSTART)");
        return false;
    }
    *starts = icalproperty_get_dtstart(start_property);
    /* checked as written: icaltime_adjust() would make 31 February 3 March */
    if (icaltime_is_null_time(*starts) || !valid_wall(*starts) || !property_zone(v, start_property, *starts, zone)) {
        if (!v->why[0]) {
            snprintf(v->why, sizeof v->why, "its start is not a valid date or time");
        }
        return false;
    }
    if (end_property) {
        *ends = icalproperty_get_dtend(end_property);
        if (icaltime_is_null_time(*ends) || !valid_wall(*ends) || !property_zone(v, end_property, *ends, end_zone)) {
            if (!v->why[0]) {
                snprintf(v->why, sizeof v->why, "its end is not a valid date or time");
            }
            return false;
        }
        return true;
    }
    *end_zone = *zone;
    *ends = *starts;
    if (duration_property) {
        struct icaldurationtype length = icalproperty_get_duration(duration_property);
        *duration = icaldurationtype_as_int(length);
        return true;
    }
    if (starts->is_date) {
        icaltime_adjust(ends, 1, 0, 0, 0); /* an all-day event without an end: that day */
        return true;
    }
    snprintf(v->why, sizeof v->why, "it has no end (DTEND or DURATION)");
    return false;
}

static void read_vevent(Vevent *v)
{
    const BuildIcsReader *reader = v->reader;
    text_of(icalcomponent_get_summary(v->event), v->title);
    text_of(icalcomponent_get_location(v->event), v->room);
    const char *uid = icalcomponent_get_uid(v->event);
    struct icaltimetype starts, ends;
    IcsZone zone, end_zone;
    int duration = -1, days = 0, count = 0;
    EventInstant until = 0;
    v->why[0] = '\0';
    if (icalcomponent_get_status(v->event) == ICAL_STATUS_CANCELLED) {
        snprintf(v->why, sizeof v->why, "it is cancelled");
    }
    bool ok = !v->why[0] && first_times(v, &starts, &ends, &zone, &end_zone, &duration) &&
              repetition(v, &zone, &days, &count, &until);
    for (int k = 0; ok && k < BUILD_ICS_MAX_OCCURRENCES; k++) {
        struct icaltimetype start_k = starts;
        struct icaltimetype end_k = ends;
        icaltime_adjust(&start_k, k * days, 0, 0, 0);
        icaltime_adjust(&end_k, k * days, 0, 0, 0);
        BuildIcsSession session = {uid ? uid : "", v->title, v->room, {0, 0}, k};
        if (!to_utc(v, start_k, &zone, &session.span.starts) ||
            (duration < 0 && !to_utc(v, end_k, &end_zone, &session.span.ends))) {
            ok = false;
            break;
        }
        if (duration >= 0) {
            session.span.ends = session.span.starts + duration;
        }
        if (k > 0 && (session.span.starts >= until || (count > 0 && k >= count))) {
            break;
        }
        if (session.span.ends <= session.span.starts) {
            snprintf(v->why, sizeof v->why, "it does not end after it starts");
            ok = false;
            break;
        }
        reader->session(reader->ctx, &session);
        if (days == 0) {
            break;
        }
    }
    if (!ok && reader->refused) {
        reader->refused(reader->ctx, v->title, v->why);
    }
}

static void read_calendar(const BuildIcsReader *reader, icalcomponent *calendar)
{
    for (icalcomponent *event = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); event;
         event = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
        Vevent v = {.reader = reader, .calendar = calendar, .event = event};
        read_vevent(&v);
    }
}

bool build_ics_read(const char *bytes, size_t size, const BuildIcsReader *reader, char *why, size_t why_size)
{
    if (!check_shape(bytes, size, why, why_size)) {
        return false;
    }
    char *text = malloc(size + 1);
    if (!text) {
        snprintf(why, why_size, "out of memory");
        return false;
    }
    memcpy(text, bytes, size);
    text[size] = '\0';
    icalerror_set_errors_are_fatal(0);
    icalcomponent *root = icalparser_parse_string(text);
    free(text);
    icalerror_clear_errno();
    if (!root) {
        snprintf(why, why_size, "not an iCalendar file");
        return false;
    }
    bool ok = true;
    if (icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT) {
        read_calendar(reader, root);
    } else if (icalcomponent_isa(root) == ICAL_XROOT_COMPONENT) {
        for (icalcomponent *calendar = icalcomponent_get_first_component(root, ICAL_VCALENDAR_COMPONENT); calendar;
             calendar = icalcomponent_get_next_component(root, ICAL_VCALENDAR_COMPONENT)) {
            read_calendar(reader, calendar);
        }
    } else {
        snprintf(why, why_size, "no VCALENDAR");
        ok = false;
    }
    icalcomponent_free(root);
    return ok;
}
