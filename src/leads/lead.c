/* lead.c — the plaintext of a lead; see lead.h. lead_encode() escapes and pads,
 * lead_decode() reads it back line by line. */
#include "leads/lead.h"

#include <string.h>

static const char *const KEYS[LEAD_FIELD_COUNT] = {
    [LEAD_TIME] = "time",         [LEAD_KIOSK] = "kiosk",     [LEAD_LANG] = "lang",
    [LEAD_NAME] = "name",         [LEAD_COMPANY] = "company", [LEAD_EMAIL] = "email",
    [LEAD_COUNTRY] = "country",   [LEAD_INTEREST] = "interest", [LEAD_CONSENT] = "consent",
};

const char *lead_field_key(LeadField field)
{
    return (unsigned)field < LEAD_FIELD_COUNT ? KEYS[field] : "";
}

void lead_set(Lead *lead, LeadField field, const char *text)
{
    if ((unsigned)field >= LEAD_FIELD_COUNT) {
        return;
    }
    size_t length = strlen(text);
    if (length >= LEAD_FIELD_MAX) {
        length = LEAD_FIELD_MAX - 1;
        /* Back up over continuation bytes so a character is not cut in half. */
        while (length > 0 && ((unsigned char)text[length] & 0xC0) == 0x80) {
            length--;
        }
    }
    memcpy(lead->field[field], text, length);
    lead->field[field][length] = '\0';
}

/* Appends one byte when it fits; *used counts what was needed either way. */
static void put_byte(unsigned char *out, size_t size, size_t *used, unsigned char byte)
{
    if (*used < size) {
        out[*used] = byte;
    }
    (*used)++;
}

static void put_text(unsigned char *out, size_t size, size_t *used, const char *text)
{
    for (; *text != '\0'; text++) {
        put_byte(out, size, used, (unsigned char)*text);
    }
}

static void put_escaped(unsigned char *out, size_t size, size_t *used, const char *value)
{
    static const char ESCAPES[][2] = {{'\\', '\\'}, {'\n', 'n'}, {'\r', 'r'}, {'\t', 't'}};
    for (const unsigned char *p = (const unsigned char *)value; *p != '\0'; p++) {
        bool escaped = false;
        for (size_t i = 0; i < sizeof ESCAPES / sizeof ESCAPES[0]; i++) {
            if (*p == (unsigned char)ESCAPES[i][0]) {
                put_byte(out, size, used, '\\');
                put_byte(out, size, used, (unsigned char)ESCAPES[i][1]);
                escaped = true;
            }
        }
        if (!escaped && *p >= 0x20 && *p != 0x7F) {
            put_byte(out, size, used, *p);
        }
    }
}

size_t lead_encode(const Lead *lead, unsigned char *out, size_t size)
{
    size_t used = 0;
    put_text(out, size, &used, LEAD_FORMAT_LINE "\n");
    for (int f = 0; f < LEAD_FIELD_COUNT; f++) {
        put_text(out, size, &used, KEYS[f]);
        put_byte(out, size, &used, '=');
        put_escaped(out, size, &used, lead->field[f]);
        put_byte(out, size, &used, '\n');
    }
    size_t padded = (used / LEAD_PAD_BYTES + 1) * LEAD_PAD_BYTES;
    if (padded > size) {
        return 0;
    }
    memset(out + used, 0, padded - used);
    return padded;
}

/* Unescapes value[0, length) into out (LEAD_FIELD_MAX). Returns false when it does not fit
 * or holds an unknown escape. */
static bool unescape(const unsigned char *value, size_t length, char *out)
{
    size_t used = 0;
    for (size_t i = 0; i < length; i++) {
        unsigned char c = value[i];
        if (c == '\\') {
            if (++i == length) {
                return false;
            }
            switch (value[i]) {
            case '\\': c = '\\'; break;
            case 'n': c = '\n'; break;
            case 'r': c = '\r'; break;
            case 't': c = '\t'; break;
            default: return false;
            }
        }
        if (used + 1 >= LEAD_FIELD_MAX) {
            return false;
        }
        out[used++] = (char)c;
    }
    out[used] = '\0';
    return true;
}

/* One "key=value" line (without its line feed) into lead. */
static bool decode_line(const unsigned char *line, size_t length, Lead *lead)
{
    const unsigned char *equals = memchr(line, '=', length);
    if (equals == NULL) {
        return false;
    }
    size_t key_length = (size_t)(equals - line);
    for (int f = 0; f < LEAD_FIELD_COUNT; f++) {
        if (strlen(KEYS[f]) == key_length && memcmp(KEYS[f], line, key_length) == 0) {
            return unescape(equals + 1, length - key_length - 1, lead->field[f]);
        }
    }
    return true; /* a key from a newer kiosk */
}

bool lead_decode(const unsigned char *payload, size_t size, Lead *lead)
{
    static const char FORMAT[] = LEAD_FORMAT_LINE "\n";
    memset(lead, 0, sizeof *lead);
    const unsigned char *nul = memchr(payload, '\0', size);
    size_t text_length = nul != NULL ? (size_t)(nul - payload) : size;
    for (size_t i = text_length; i < size; i++) {
        if (payload[i] != '\0') {
            return false;
        }
    }
    if (text_length < sizeof FORMAT - 1 || memcmp(payload, FORMAT, sizeof FORMAT - 1) != 0) {
        return false;
    }
    size_t at = sizeof FORMAT - 1;
    while (at < text_length) {
        const unsigned char *end = memchr(payload + at, '\n', text_length - at);
        size_t length = end != NULL ? (size_t)(end - (payload + at)) : text_length - at;
        if (!decode_line(payload + at, length, lead)) {
            return false;
        }
        at += length + 1;
    }
    return true;
}
