/* event_ics.c — one meeting as a folded, escaped iCalendar object; see event_ics.h. Read
 * event_ics_write() first: it puts together content lines, which ics_line() escapes and
 * folds into the output. */
#include "core/event_ics.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* The output as it grows; full turns true (and stays) once something did not fit. */
typedef struct IcsOut {
    char *text;
    size_t size;
    size_t used;
    size_t line; /* octets on the current physical line */
    bool full;
} IcsOut;

static void put(IcsOut *out, const char *bytes, size_t n)
{
    if (out->full || out->used + n + 1 > out->size) {
        out->full = true;
        return;
    }
    memcpy(out->text + out->used, bytes, n);
    out->used += n;
    out->line += n;
}

/* Puts one character (n bytes) of a content line, folding first when it would pass 75
 * octets: a folded line goes on after CRLF and one space (RFC 5545 3.1). */
static void put_folded(IcsOut *out, const char *bytes, size_t n)
{
    if (out->line + n > EVENT_ICS_LINE_MAX) {
        put(out, "\r\n ", 3);
        out->line = 1;
    }
    put(out, bytes, n);
}

static void end_line(IcsOut *out)
{
    put(out, "\r\n", 2);
    out->line = 0;
}

/* The length of text cut to EVENT_ICS_TEXT_MAX bytes at a UTF-8 boundary. */
static size_t kept_length(const char *text)
{
    size_t kept = strlen(text);
    if (kept > EVENT_ICS_TEXT_MAX) {
        kept = EVENT_ICS_TEXT_MAX;
        while (kept > 0 && ((unsigned char)text[kept] & 0xC0) == 0x80) {
            kept--;
        }
    }
    return kept;
}

/* Bytes of the UTF-8 character that starts with lead (1 for a stray byte). */
static size_t char_length(unsigned char lead)
{
    return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}

/* One content line "name:value" of value's first length bytes, escaped as a TEXT when text
 * is true, else put as it is. */
static void ics_line_of(IcsOut *out, const char *name, const char *value, size_t length, bool text)
{
    put_folded(out, name, strlen(name));
    put_folded(out, ":", 1);
    for (size_t i = 0; i < length;) {
        unsigned char c = (unsigned char)value[i];
        size_t n = char_length(c);
        n = i + n <= length ? n : length - i;
        if (text && (c == '\r' || c == '\n')) {
            put_folded(out, "\\n", 2); /* a line break, CRLF or LF alone, is one \n */
            i += c == '\r' && i + 1 < length && value[i + 1] == '\n' ? 2 : 1;
            continue;
        }
        if (c < 0x20 || c == 0x7F) {
            i++; /* no other control character is a TEXT */
            continue;
        }
        if (text && (c == '\\' || c == ';' || c == ',')) {
            char escaped[2] = {'\\', (char)c};
            put_folded(out, escaped, 2);
        } else {
            put_folded(out, value + i, n);
        }
        i += n;
    }
    end_line(out);
}

/* A line of a value the kiosk made (no escaping needed). */
static void ics_line(IcsOut *out, const char *name, const char *value)
{
    ics_line_of(out, name, value, strlen(value), false);
}

/* A line of a TEXT from the pack: cut to EVENT_ICS_TEXT_MAX bytes and escaped. */
static void ics_text_line(IcsOut *out, const char *name, const char *value)
{
    ics_line_of(out, name, value, kept_length(value), true);
}

/* 20260917T080000Z: the basic form of a UTC date-time iCalendar wants. */
static void basic_utc(EventInstant instant, char out[17])
{
    char text[EVENT_INSTANT_TEXT_SIZE];
    event_instant_format(instant, text);
    snprintf(out, 17, "%.4s%.2s%.2sT%.2s%.2s%.2sZ", text, text + 5, text + 8, text + 11, text + 14, text + 17);
}

size_t event_ics_write(const EventSpan *span, const char *uid, const char *summary, const char *location, char *out,
                       size_t size)
{
    IcsOut o = {.text = out, .size = size};
    char starts[17];
    char ends[17];
    char uid_value[EVENT_ICS_TEXT_MAX + 16];
    basic_utc(span->starts, starts);
    basic_utc(span->ends, ends);
    snprintf(uid_value, sizeof uid_value, "%.*s@facts-kiosk", (int)kept_length(uid ? uid : ""), uid ? uid : "");
    ics_line(&o, "BEGIN", "VCALENDAR");
    ics_line(&o, "VERSION", "2.0");
    ics_line(&o, "PRODID", "-//FACTS Kiosk//EN");
    ics_line(&o, "BEGIN", "VEVENT");
    ics_line_of(&o, "UID", uid_value, strlen(uid_value), true); /* cut already, its suffix kept */
    ics_line(&o, "DTSTAMP", starts);
    ics_line(&o, "DTSTART", starts);
    ics_line(&o, "DTEND", ends);
    if (summary && summary[0]) {
        ics_text_line(&o, "SUMMARY", summary);
    }
    if (location && location[0]) {
        ics_text_line(&o, "LOCATION", location);
    }
    ics_line(&o, "END", "VEVENT");
    ics_line(&o, "END", "VCALENDAR");
    if (o.full || size == 0) {
        if (size) {
            out[0] = '\0';
        }
        return 0;
    }
    out[o.used] = '\0';
    return o.used;
}
