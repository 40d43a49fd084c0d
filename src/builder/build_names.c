/* build_names.c — ids in the key form and guesses of misnamed files; see build_names.h.
 * LATIN and CYRILLIC map a code point (or a range of them) to its ASCII letters. */
#define _POSIX_C_SOURCE 200809L
#include "builder/build_names.h"

#include "core/utf8.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

typedef struct Letters {
    uint32_t first;
    uint32_t last;
    const char *ascii; /* lower case; "" drops the letter (ъ, ь) */
} Letters;

/* Latin-1 and Latin Extended-A letters, capitals and small alike. */
static const Letters LATIN[] = {
    {0x00C0, 0x00C5, "a"}, {0x00C6, 0x00C6, "ae"}, {0x00C7, 0x00C7, "c"}, {0x00C8, 0x00CB, "e"},
    {0x00CC, 0x00CF, "i"}, {0x00D0, 0x00D0, "dj"}, {0x00D1, 0x00D1, "n"}, {0x00D2, 0x00D6, "o"},
    {0x00D8, 0x00D8, "o"}, {0x00D9, 0x00DC, "u"}, {0x00DD, 0x00DD, "y"}, {0x00DE, 0x00DE, "th"},
    {0x00DF, 0x00DF, "ss"}, {0x00E0, 0x00E5, "a"}, {0x00E6, 0x00E6, "ae"}, {0x00E7, 0x00E7, "c"},
    {0x00E8, 0x00EB, "e"}, {0x00EC, 0x00EF, "i"}, {0x00F0, 0x00F0, "dj"}, {0x00F1, 0x00F1, "n"},
    {0x00F2, 0x00F6, "o"}, {0x00F8, 0x00F8, "o"}, {0x00F9, 0x00FC, "u"}, {0x00FD, 0x00FD, "y"},
    {0x00FE, 0x00FE, "th"}, {0x00FF, 0x00FF, "y"}, {0x0100, 0x0105, "a"}, {0x0106, 0x010D, "c"},
    {0x010E, 0x010F, "d"}, {0x0110, 0x0111, "dj"}, {0x0112, 0x011B, "e"}, {0x011C, 0x0123, "g"},
    {0x0124, 0x0127, "h"}, {0x0128, 0x0131, "i"}, {0x0132, 0x0133, "ij"}, {0x0134, 0x0135, "j"},
    {0x0136, 0x0138, "k"}, {0x0139, 0x0142, "l"}, {0x0143, 0x014B, "n"}, {0x014C, 0x0151, "o"},
    {0x0152, 0x0153, "oe"}, {0x0154, 0x0159, "r"}, {0x015A, 0x0161, "s"}, {0x0162, 0x0167, "t"},
    {0x0168, 0x0173, "u"}, {0x0174, 0x0175, "w"}, {0x0176, 0x0178, "y"}, {0x0179, 0x017E, "z"},
    {0x017F, 0x017F, "s"},
};

/* Small Cyrillic letters (capitals are folded first): Serbian, and the few others staff
 * might paste. дж needs no entry: д + ж → d + z. */
static const Letters CYRILLIC[] = {
    {0x0430, 0x0430, "a"}, {0x0431, 0x0431, "b"}, {0x0432, 0x0432, "v"}, {0x0433, 0x0433, "g"},
    {0x0434, 0x0434, "d"}, {0x0435, 0x0435, "e"}, {0x0436, 0x0437, "z"}, {0x0438, 0x0438, "i"},
    {0x0439, 0x0439, "j"}, {0x043A, 0x043A, "k"}, {0x043B, 0x043B, "l"}, {0x043C, 0x043C, "m"},
    {0x043D, 0x043D, "n"}, {0x043E, 0x043E, "o"}, {0x043F, 0x043F, "p"}, {0x0440, 0x0440, "r"},
    {0x0441, 0x0441, "s"}, {0x0442, 0x0442, "t"}, {0x0443, 0x0443, "u"}, {0x0444, 0x0444, "f"},
    {0x0445, 0x0445, "h"}, {0x0446, 0x0447, "c"}, {0x0448, 0x0449, "s"}, {0x044A, 0x044A, ""},
    {0x044B, 0x044B, "y"}, {0x044C, 0x044C, ""}, {0x044D, 0x044D, "e"}, {0x044E, 0x044E, "ju"},
    {0x044F, 0x044F, "ja"}, {0x0450, 0x0451, "e"}, {0x0452, 0x0452, "dj"}, {0x0453, 0x0453, "g"},
    {0x0454, 0x0454, "e"}, {0x0455, 0x0455, "dz"}, {0x0456, 0x0457, "i"}, {0x0458, 0x0458, "j"},
    {0x0459, 0x0459, "lj"}, {0x045A, 0x045A, "nj"}, {0x045B, 0x045B, "c"}, {0x045C, 0x045C, "k"},
    {0x045D, 0x045D, "i"}, {0x045E, 0x045E, "u"}, {0x045F, 0x045F, "dz"},
};

static const char *lookup(const Letters *table, size_t count, uint32_t cp)
{
    for (size_t i = 0; i < count; i++) {
        if (cp >= table[i].first && cp <= table[i].last) {
            return table[i].ascii;
        }
    }
    return NULL;
}

/* Spaces and punctuation staff put between words (ASCII, and what keyboards and
 * spreadsheets make of them: no-break space, dashes, quotes, the ellipsis). */
static bool is_separator(uint32_t cp)
{
    return (cp < 0x80 && !(cp >= '0' && cp <= '9') && !(cp >= 'a' && cp <= 'z') && !(cp >= 'A' && cp <= 'Z')) ||
           cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x206F) || cp == 0x00AB || cp == 0x00BB || cp == 0x00B7;
}

/* The ASCII letters of cp, or NULL when it is neither a letter we know nor a digit. */
static const char *ascii_of(uint32_t cp, char *one)
{
    if ((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z')) {
        one[0] = (char)cp;
        return one;
    }
    if (cp >= 'A' && cp <= 'Z') {
        one[0] = (char)(cp + 0x20);
        return one;
    }
    if (cp >= 0x0400 && cp <= 0x040F) {
        cp += 0x50;
    } else if (cp >= 0x0410 && cp <= 0x042F) {
        cp += 0x20;
    }
    const char *latin = lookup(LATIN, sizeof LATIN / sizeof LATIN[0], cp);
    return latin ? latin : lookup(CYRILLIC, sizeof CYRILLIC / sizeof CYRILLIC[0], cp);
}

char *build_names_key(const char *typed, uint32_t *unusable)
{
    size_t length = strlen(typed);
    char *key = malloc(length * 2 + 1); /* no character gives more than two letters per byte */
    if (!key) {
        return NULL;
    }
    if (unusable) {
        *unusable = 0;
    }
    size_t used = 0;
    bool dash = false; /* a separator is pending */
    for (size_t offset = 0; offset < length;) {
        uint32_t cp = utf8_next(typed, length, &offset);
        char one[2] = {0};
        const char *ascii = is_separator(cp) ? NULL : ascii_of(cp, one);
        if (!ascii) {
            if (!is_separator(cp) && unusable && *unusable == 0) {
                *unusable = cp;
            }
            dash = used > 0;
            continue;
        }
        if (dash && ascii[0]) {
            key[used++] = '-';
            dash = false;
        }
        size_t n = strlen(ascii);
        memcpy(key + used, ascii, n);
        used += n;
    }
    key[used] = '\0';
    return key;
}

/* ---- misnamed files ------------------------------------------------------------------------ */

enum { NAME_MAX_BYTES = 128, GUESS_MAX_DISTANCE = 2 };

static bool ends_with(const char *text, size_t length, const char *tail)
{
    size_t n = strlen(tail);
    return length >= n && memcmp(text + length - n, tail, n) == 0;
}

/* name without case, copy marks and separators' differences, into out. */
static void plain_name(const char *name, char *out, size_t size)
{
    static const char *const PREFIXES[] = {"copy of ", "kopija od ", "kopija "};
    static const char *const SUFFIXES[] = {" - copy", " copy", "-copy", "_copy", " - kopija", " kopija", "-kopija"};
    size_t length = 0;
    for (const char *c = name; *c && length + 1 < size; c++) {
        char lower = *c >= 'A' && *c <= 'Z' ? (char)(*c + 0x20) : *c;
        out[length++] = lower;
    }
    out[length] = '\0';
    for (size_t p = 0; p < sizeof PREFIXES / sizeof PREFIXES[0]; p++) {
        size_t n = strlen(PREFIXES[p]);
        if (strncmp(out, PREFIXES[p], n) == 0) {
            memmove(out, out + n, length - n + 1);
            length -= n;
        }
    }
    bool changed = true;
    while (changed) {
        changed = false;
        while (length && out[length - 1] == ' ') {
            out[--length] = '\0';
            changed = true;
        }
        /* " (1)", "(2)" */
        if (length && out[length - 1] == ')') {
            size_t open = length - 1;
            while (open > 0 && out[open - 1] >= '0' && out[open - 1] <= '9') {
                open--;
            }
            if (open > 0 && open < length - 1 && out[open - 1] == '(') {
                length = open - 1;
                out[length] = '\0';
                changed = true;
            }
        }
        for (size_t s = 0; s < sizeof SUFFIXES / sizeof SUFFIXES[0]; s++) {
            if (ends_with(out, length, SUFFIXES[s])) {
                length -= strlen(SUFFIXES[s]);
                out[length] = '\0';
                changed = true;
            }
        }
    }
    for (size_t i = 0; i < length; i++) {
        out[i] = out[i] == ' ' || out[i] == '-' ? '_' : out[i];
    }
}

static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a);
    size_t lb = strlen(b);
    size_t row[NAME_MAX_BYTES + 1];
    if (lb > NAME_MAX_BYTES) {
        return (size_t)-1;
    }
    for (size_t j = 0; j <= lb; j++) {
        row[j] = j;
    }
    for (size_t i = 1; i <= la; i++) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t above = row[j];
            size_t best = diagonal + (a[i - 1] != b[j - 1]);
            best = above + 1 < best ? above + 1 : best;
            best = row[j - 1] + 1 < best ? row[j - 1] + 1 : best;
            row[j] = best;
            diagonal = above;
        }
    }
    return row[lb];
}

int build_names_guess(const char *name, const char *const *known, size_t count)
{
    char plain[NAME_MAX_BYTES];
    plain_name(name, plain, sizeof plain);
    int best = -1;
    size_t best_distance = GUESS_MAX_DISTANCE + 1;
    for (size_t k = 0; k < count; k++) {
        if (strcmp(name, known[k]) == 0) {
            return -1;
        }
        size_t distance = edit_distance(plain, known[k]);
        /* A short name needs the same letters: "park" is not a misspelt "pack". */
        size_t allowed = strlen(known[k]) <= 4 ? 0 : GUESS_MAX_DISTANCE;
        if (distance <= allowed && distance < best_distance) {
            best = (int)k;
            best_distance = distance;
        }
    }
    return best;
}
