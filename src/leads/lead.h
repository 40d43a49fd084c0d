/* lead.h — one visitor's contact request ("lead") and its plaintext encoding, the payload
 * that leads_record.h seals. Pure: no I/O, no clock (the caller fills in the time).
 *
 * The payload is UTF-8 text, one "key=value" per line after a first line naming the format:
 *
 *   facts-kiosk-lead 1
 *   time=2026-12-01T12:34:56Z
 *   kiosk=hall-a-left
 *   lang=sr-Latn
 *   name=Ana Example
 *   company=Example Brand
 *   email=ana@example.org
 *   country=Serbia
 *   interest=Example Brand
 *   consent=default-1
 *
 * In a value a backslash, line feed, carriage return and tab are written \\ \n \r \t; other
 * control characters are dropped. Unknown keys are ignored by lead_decode() (a newer kiosk may
 * add some). The text is followed by NUL bytes up to a multiple of LEAD_PAD_BYTES, so that
 * the sealed size says little about how long a name is. */
#ifndef FACTS_LEADS_LEAD_H
#define FACTS_LEADS_LEAD_H

#include <stdbool.h>
#include <stddef.h>

#define LEAD_FORMAT_LINE "facts-kiosk-lead 1"

enum {
    LEAD_FIELD_MAX = 256,     /* bytes of one field, with its NUL (an e-mail has at most 254) */
    LEAD_PAD_BYTES = 256,     /* the encoded payload is a multiple of this */
    LEAD_PAYLOAD_MAX = 5120,  /* longest encoded payload: every field at its longest, escaped, fits */
};

/* The fields, in the order they are written and in the CSV. */
typedef enum LeadField {
    LEAD_TIME = 0, /* UTC, "YYYY-MM-DDTHH:MM:SSZ" */
    LEAD_KIOSK,    /* the kiosk's id (kiosk_id, or derived from the machine id) */
    LEAD_LANG,     /* the language the visitor used: en, sr-Latn, sr-Cyrl */
    LEAD_NAME,
    LEAD_COMPANY,
    LEAD_EMAIL,
    LEAD_COUNTRY,
    LEAD_INTEREST, /* the member or topic the visitor came from */
    LEAD_CONSENT,  /* which consent wording the visitor agreed to ("default-1", or the pack's) */
    LEAD_FIELD_COUNT
} LeadField;

typedef struct Lead {
    char field[LEAD_FIELD_COUNT][LEAD_FIELD_MAX];
} Lead;

/* The key of a field in the payload and the heading of its CSV column ("email"). */
const char *lead_field_key(LeadField field);

/* Sets field to text, cut at LEAD_FIELD_MAX - 1 bytes on a UTF-8 character boundary. */
void lead_set(Lead *lead, LeadField field, const char *text);

/* Writes the payload of lead into out (size bytes), padded with NULs to a multiple of
 * LEAD_PAD_BYTES. Returns its length, or 0 when out is too small (LEAD_PAYLOAD_MAX always
 * suffices). */
size_t lead_encode(const Lead *lead, unsigned char *out, size_t size);

/* Reads a payload of size bytes into *lead (every field "" unless given). Returns false when
 * it is not one: no format line, a line without '=', bytes after the NUL padding that are not
 * NUL, a value too long. */
bool lead_decode(const unsigned char *payload, size_t size, Lead *lead);

#endif
