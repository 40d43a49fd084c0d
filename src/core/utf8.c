/* utf8.c — strict UTF-8 handling; see utf8.h. */
#include "core/utf8.h"

/* Length of the sequence introduced by lead byte b and the smallest code point
 * it may encode (to reject overlong forms); 0 for a byte that cannot lead. */
static int sequence_length(unsigned char b, uint32_t *min_cp)
{
    if (b < 0x80) {
        *min_cp = 0;
        return 1;
    }
    if (b >= 0xC2 && b <= 0xDF) {
        *min_cp = 0x80;
        return 2;
    }
    if (b >= 0xE0 && b <= 0xEF) {
        *min_cp = 0x800;
        return 3;
    }
    if (b >= 0xF0 && b <= 0xF4) {
        *min_cp = 0x10000;
        return 4;
    }
    return 0;
}

static const uint32_t LEAD_MASK[5] = {0, 0x7F, 0x1F, 0x0F, 0x07};

bool utf8_valid(const char *bytes, size_t length, size_t *bad_offset)
{
    const unsigned char *s = (const unsigned char *)bytes;
    size_t i = 0;
    while (i < length) {
        uint32_t min_cp = 0;
        int n = sequence_length(s[i], &min_cp);
        bool ok = n > 0 && i + (size_t)n <= length;
        uint32_t cp = ok ? (s[i] & LEAD_MASK[n]) : 0;
        for (int k = 1; ok && k < n; k++) {
            ok = (s[i + (size_t)k] & 0xC0) == 0x80;
            cp = (cp << 6) | (s[i + (size_t)k] & 0x3F);
        }
        ok = ok && cp >= min_cp && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
        if (!ok) {
            if (bad_offset) {
                *bad_offset = i;
            }
            return false;
        }
        i += (size_t)n;
    }
    return true;
}

uint32_t utf8_next(const char *bytes, size_t length, size_t *offset)
{
    const unsigned char *s = (const unsigned char *)bytes;
    if (*offset >= length) {
        return 0;
    }
    uint32_t min_cp = 0;
    int n = sequence_length(s[*offset], &min_cp);
    if (n == 0 || *offset + (size_t)n > length) {
        /* Not valid input: consume one byte and report U+FFFD rather than loop. */
        (*offset)++;
        return 0xFFFD;
    }
    uint32_t cp = s[*offset] & LEAD_MASK[n];
    for (int k = 1; k < n; k++) {
        cp = (cp << 6) | (s[*offset + (size_t)k] & 0x3F);
    }
    *offset += (size_t)n;
    return cp;
}

size_t utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}
