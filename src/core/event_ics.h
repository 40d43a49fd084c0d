/* event_ics.h — one B2B meeting as a tiny iCalendar object (RFC 5545) for a QR code a
 * visitor's phone reads off the booth's screen: VCALENDAR with one VEVENT in UTC, TEXT
 * values escaped, lines ended with CRLF and folded at 75 octets. Kept short on purpose
 * (texts cut to EVENT_ICS_TEXT_MAX bytes) so its QR code stays of a low version with
 * large modules. Pure: no I/O, nothing allocated. */
#ifndef FACTS_CORE_EVENT_ICS_H
#define FACTS_CORE_EVENT_ICS_H

#include "core/event_time.h"

#include <stddef.h>

enum {
    EVENT_ICS_TEXT_MAX = 60, /* bytes of a SUMMARY, LOCATION or UID kept (cut at a UTF-8 boundary) */
    EVENT_ICS_LINE_MAX = 75, /* octets of a content line before it is folded (RFC 5545 3.1) */
    EVENT_ICS_SIZE = 640,    /* room enough for the longest object event_ics_write() makes */
};

/* Writes one meeting as a VCALENDAR (VERSION 2.0, a PRODID) holding one VEVENT: UID
 * uid@facts-kiosk, DTSTAMP = DTSTART (the same meeting always gives the same text, and so
 * the same QR code), DTSTART and DTEND in UTC ("20260917T080000Z"), SUMMARY summary and
 * LOCATION location (each left out when NULL or empty). Texts are cut to
 * EVENT_ICS_TEXT_MAX bytes, then escaped as TEXT values (\\ \; \, and a line break as \n;
 * other control characters dropped); every line ends in CRLF and one longer than 75 octets
 * is folded (CRLF and a space) without splitting a UTF-8 character. Writes into out (size
 * bytes, NUL-terminated) and returns the length; 0 (out "") when it does not fit. */
size_t event_ics_write(const EventSpan *span, const char *uid, const char *summary, const char *location,
                       char *out, size_t size);

#endif
