/* build_event.c — local times and zone offsets from the system's zoneinfo; see
 * build_event.h. Every use of the zone goes through with_zone() / without_zone(): TZ set,
 * tzset(), the work, TZ put back. Offsets come from localtime_r()'s tm_gmtoff. */
#define _DEFAULT_SOURCE
#include "builder/build_event.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { DAY = 86400, SCAN_STEP = 900, MAX_ZONE_FILE_NAME = 512 };

typedef struct SavedZone {
    char *tz; /* the TZ before, or NULL when it was not set */
} SavedZone;

static SavedZone with_zone(const char *zone)
{
    const char *before = getenv("TZ");
    SavedZone saved = {before ? strdup(before) : NULL};
    setenv("TZ", zone, 1);
    tzset();
    return saved;
}

static void without_zone(SavedZone *saved)
{
    if (saved->tz) {
        setenv("TZ", saved->tz, 1);
    } else {
        unsetenv("TZ");
    }
    free(saved->tz);
    saved->tz = NULL;
    tzset();
}

/* The offset of the zone in force (with_zone) at instant. */
static int32_t offset_at(EventInstant instant)
{
    time_t t = (time_t)instant;
    struct tm tm = {0};
    if (!localtime_r(&t, &tm)) {
        return 0;
    }
    return (int32_t)tm.tm_gmtoff;
}

const char *build_event_zoneinfo_dir(void)
{
    const char *dir = getenv("TZDIR");
    return dir && dir[0] ? dir : "/usr/share/zoneinfo";
}

bool build_event_zone_known(const char *zone)
{
    char path[MAX_ZONE_FILE_NAME];
    char magic[4] = {0};
    if (!zone[0] || zone[0] == '/' || strstr(zone, "..") ||
        snprintf(path, sizeof path, "%s/%s", build_event_zoneinfo_dir(), zone) >= (int)sizeof path) {
        return false;
    }
    FILE *file = fopen(path, "rb");
    bool known = file && fread(magic, 1, sizeof magic, file) == sizeof magic && memcmp(magic, "TZif", 4) == 0;
    if (file) {
        fclose(file);
    }
    return known;
}

bool build_event_parse_local(const char *local, EventInstant *wall)
{
    char text[32];
    EventInstant instant = 0;
    if (strlen(local) != 16 || local[10] != 'T') {
        return false;
    }
    snprintf(text, sizeof text, "%s:00Z", local);
    if (!event_instant_parse(text, &instant)) {
        return false;
    }
    *wall = instant;
    return true;
}

static void reading(EventInstant wall, int32_t offset, char out[BUILD_EVENT_READING_SIZE])
{
    char local[EVENT_INSTANT_TEXT_SIZE];
    char utc[EVENT_INSTANT_TEXT_SIZE];
    int32_t magnitude = offset < 0 ? -offset : offset;
    event_instant_format(wall, local);
    event_instant_format(wall - offset, utc);
    snprintf(out, BUILD_EVENT_READING_SIZE, "%.16s%c%02d:%02d = %.5s UTC", local, offset < 0 ? '-' : '+',
             (int)(magnitude / 3600 % 100), (int)(magnitude / 60 % 60), utc + 11);
}

BuildLocalStatus build_event_local_to_utc(const char *zone, const char *local, EventInstant *out,
                                          char readings[2][BUILD_EVENT_READING_SIZE])
{
    EventInstant wall = 0;
    if (!build_event_parse_local(local, &wall)) {
        return BUILD_LOCAL_BAD;
    }
    SavedZone saved = with_zone(zone);
    /* The offsets a day either side: a change between them makes the wall time skipped or
     * doubled; each reading is real when the offset at it is its own. */
    int32_t before = offset_at(wall - DAY);
    int32_t after = offset_at(wall + DAY);
    bool before_real = offset_at(wall - before) == before;
    bool after_real = offset_at(wall - after) == after;
    without_zone(&saved);
    BuildLocalStatus status = BUILD_LOCAL_OK;
    if (before_real && after_real && before != after) {
        status = BUILD_LOCAL_TWICE;
    } else if (!before_real && !after_real) {
        status = BUILD_LOCAL_SKIPPED;
    } else {
        *out = wall - (before_real ? before : after);
        return BUILD_LOCAL_OK;
    }
    reading(wall, before, readings[0]);
    reading(wall, after, readings[1]);
    return status;
}

bool build_event_zone_offsets(const char *zone, const char *first_day, const char *last_day, EventZone *out)
{
    int32_t first = event_date_number(first_day);
    int32_t last = event_date_number(last_day);
    if (first < 0 || last < first || !build_event_zone_known(zone)) {
        return false;
    }
    EventInstant from = event_civil_seconds(first / 10000, first / 100 % 100, first % 100, 0, 0, 0) - DAY;
    EventInstant until = event_civil_seconds(last / 10000, last / 100 % 100, last % 100, 0, 0, 0) + 3 * DAY;
    if ((until - from) / DAY > BUILD_EVENT_MAX_DAYS + 4) {
        return false;
    }
    SavedZone saved = with_zone(zone);
    EventZone zone_out = {0};
    int32_t offset = offset_at(from - offset_at(from));
    /* The first change: local midnight of the day before the first, in UTC. */
    zone_out.changes[zone_out.count++] = (EventZoneChange){from - offset, offset};
    bool ok = true;
    for (EventInstant t = from - offset; ok && t < until; t += SCAN_STEP) {
        int32_t next = offset_at(t + SCAN_STEP);
        if (next == offset) {
            continue;
        }
        /* the change lies in (t, t + SCAN_STEP]: find its first second */
        EventInstant low = t;
        EventInstant high = t + SCAN_STEP;
        while (high - low > 1) {
            EventInstant middle = low + (high - low) / 2;
            if (offset_at(middle) == offset) {
                low = middle;
            } else {
                high = middle;
            }
        }
        if (zone_out.count == EVENT_ZONE_MAX_CHANGES) {
            ok = false;
        } else {
            zone_out.changes[zone_out.count++] = (EventZoneChange){high, next};
        }
        offset = next;
    }
    without_zone(&saved);
    if (ok) {
        *out = zone_out;
    }
    return ok;
}
