/* event_time.c — instants, zone offsets and countdowns; see event_time.h. The civil date
 * arithmetic is Howard Hinnant's days-from-civil algorithm. */
#include "core/event_time.h"

#include <stdio.h>
#include <string.h>

enum { SECONDS_PER_DAY = 86400, MIN_YEAR = 1970, MAX_YEAR = 2999 };

static int64_t days_from_civil(int64_t y, int64_t m, int64_t d)
{
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

void event_civil_date(EventInstant seconds, int *year, int *month, int *day)
{
    int64_t z = floor_div(seconds, SECONDS_PER_DAY) + 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    const int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const int64_t m = mp < 10 ? mp + 3 : mp - 9;
    *year = (int)(yoe + era * 400 + (m <= 2));
    *month = (int)m;
    *day = (int)d;
}

EventInstant event_civil_seconds(int year, int month, int day, int hour, int minute, int second)
{
    return days_from_civil(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
}

static bool digits(const char *s, int count, int *out)
{
    int value = 0;
    for (int i = 0; i < count; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
        value = value * 10 + (s[i] - '0');
    }
    *out = value;
    return true;
}

/* strlen() that looks at most limit bytes (strnlen is POSIX, not C17). */
static size_t bounded_length(const char *s, size_t limit)
{
    size_t n = 0;
    while (n < limit && s[n]) {
        n++;
    }
    return n;
}

static int days_in_month(int year, int month)
{
    static const int DAYS[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : DAYS[month - 1];
}

static bool parse_date(const char *s, int *year, int *month, int *day)
{
    return digits(s, 4, year) && s[4] == '-' && digits(s + 5, 2, month) && s[7] == '-' && digits(s + 8, 2, day) &&
           *year >= MIN_YEAR && *year <= MAX_YEAR && *month >= 1 && *month <= 12 && *day >= 1 &&
           *day <= days_in_month(*year, *month);
}

/* Parses an instant at the start of text; returns the characters read (20) or 0. */
static size_t parse_instant_prefix(const char *text, EventInstant *out)
{
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (bounded_length(text, 20) < 20 || !parse_date(text, &year, &month, &day) || text[10] != 'T' ||
        !digits(text + 11, 2, &hour) || text[13] != ':' || !digits(text + 14, 2, &minute) || text[16] != ':' ||
        !digits(text + 17, 2, &second) || text[19] != 'Z' || hour > 23 || minute > 59 || second > 59) {
        return 0;
    }
    *out = event_civil_seconds(year, month, day, hour, minute, second);
    return 20;
}

bool event_instant_parse(const char *text, EventInstant *out)
{
    EventInstant value = 0;
    if (parse_instant_prefix(text, &value) != 20 || text[20] != '\0') {
        return false;
    }
    *out = value;
    return true;
}

void event_instant_format(EventInstant instant, char out[EVENT_INSTANT_TEXT_SIZE])
{
    int year = 0, month = 0, day = 0;
    event_civil_date(instant, &year, &month, &day);
    int64_t in_day = instant - floor_div(instant, SECONDS_PER_DAY) * SECONDS_PER_DAY;
    char text[64];
    snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02dZ", year % 10000, month % 100, day % 100,
             (int)(in_day / 3600), (int)(in_day / 60 % 60), (int)(in_day % 60));
    memcpy(out, text, EVENT_INSTANT_TEXT_SIZE - 1);
    out[EVENT_INSTANT_TEXT_SIZE - 1] = '\0';
}

/* "+HH:MM" or "-HH:MM" at s; the characters read (6) or 0. */
static size_t parse_offset(const char *s, int32_t *out)
{
    int hours = 0, minutes = 0;
    if ((s[0] != '+' && s[0] != '-') || !digits(s + 1, 2, &hours) || s[3] != ':' || !digits(s + 4, 2, &minutes) ||
        minutes > 59) {
        return 0;
    }
    int32_t value = hours * 3600 + minutes * 60;
    if (value > EVENT_OFFSET_MAX_SECONDS) {
        return 0;
    }
    *out = s[0] == '-' ? -value : value;
    return 6;
}

bool event_zone_parse(const char *text, EventZone *zone)
{
    EventZone parsed = {0};
    const char *s = text;
    for (;;) {
        EventZoneChange change = {0};
        size_t used = parse_instant_prefix(s, &change.from);
        if (!used || s[used] != ' ' || parsed.count == EVENT_ZONE_MAX_CHANGES) {
            return false;
        }
        s += used + 1;
        used = parse_offset(s, &change.offset);
        if (!used || (parsed.count && change.from <= parsed.changes[parsed.count - 1].from)) {
            return false;
        }
        s += used;
        parsed.changes[parsed.count++] = change;
        if (*s == '\0') {
            break;
        }
        if (s[0] != ',' || s[1] != ' ') {
            return false;
        }
        s += 2;
    }
    *zone = parsed;
    return true;
}

bool event_zone_format(const EventZone *zone, char *out, size_t size)
{
    size_t used = 0;
    if (size) {
        out[0] = '\0';
    }
    for (size_t i = 0; i < zone->count; i++) {
        char instant[EVENT_INSTANT_TEXT_SIZE];
        int32_t offset = zone->changes[i].offset;
        int32_t magnitude = offset < 0 ? -offset : offset;
        event_instant_format(zone->changes[i].from, instant);
        int n = snprintf(out + used, size - used, "%s%s %c%02d:%02d", i ? ", " : "", instant, offset < 0 ? '-' : '+',
                         (int)(magnitude / 3600), (int)(magnitude / 60 % 60));
        if (n < 0 || (size_t)n >= size - used) {
            return false;
        }
        used += (size_t)n;
    }
    return zone->count > 0;
}

int32_t event_zone_offset(const EventZone *zone, EventInstant instant)
{
    if (zone->count == 0) {
        return 0;
    }
    int32_t offset = zone->changes[0].offset;
    for (size_t i = 1; i < zone->count && zone->changes[i].from <= instant; i++) {
        offset = zone->changes[i].offset;
    }
    return offset;
}

int32_t event_local_date(const EventZone *zone, EventInstant instant)
{
    int year = 0, month = 0, day = 0;
    event_civil_date(instant + event_zone_offset(zone, instant), &year, &month, &day);
    return year * 10000 + month * 100 + day;
}

void event_local_clock(const EventZone *zone, EventInstant instant, int *hour, int *minute)
{
    EventInstant local = instant + event_zone_offset(zone, instant);
    int64_t in_day = local - floor_div(local, SECONDS_PER_DAY) * SECONDS_PER_DAY;
    *hour = (int)(in_day / 3600);
    *minute = (int)(in_day / 60 % 60);
}

int32_t event_date_number(const char *date)
{
    int year = 0, month = 0, day = 0;
    if (!date || bounded_length(date, 11) != 10 || !parse_date(date, &year, &month, &day)) {
        return -1;
    }
    return year * 10000 + month * 100 + day;
}

char *event_countdown_format(int64_t seconds, const char *minutes, char out[EVENT_COUNTDOWN_SIZE])
{
    enum { MAX_COUNTDOWN_SECONDS = 99999 * 60, MINUTES_FROM = 10 * 60 };
    if (seconds < 0) {
        seconds = 0;
    }
    if (seconds > MAX_COUNTDOWN_SECONDS) {
        seconds = MAX_COUNTDOWN_SECONDS;
    }
    if (seconds >= MINUTES_FROM) {
        /* Whole minutes, rounded up as event_minutes_left() does: "55:00" would read as a time. */
        snprintf(out, EVENT_COUNTDOWN_SIZE, "%d %.12s", (int)((seconds + 59) / 60) % 100000, minutes ? minutes : "");
    } else {
        snprintf(out, EVENT_COUNTDOWN_SIZE, "%d:%02d", (int)(seconds / 60), (int)(seconds % 60));
    }
    return out;
}

int64_t event_minutes_left(EventInstant now, EventInstant end)
{
    return end <= now ? 0 : (end - now + 59) / 60;
}
