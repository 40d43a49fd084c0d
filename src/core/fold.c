/* fold.c — search keys, case mapping and Cyrillic → Latin; see fold.h. The tables cover
 * what names on a Serbian kiosk are written in: ASCII, Latin-1, Latin Extended-A and the
 * Cyrillic block's first 96 letters (Serbian, Russian, Macedonian, Ukrainian). */
#include "core/fold.h"

#include "core/utf8.h"

#include <string.h>

enum {
    LATIN1_FIRST = 0xC0,
    LATIN_EXT_A_FIRST = 0x100,
    LATIN_EXT_A_LAST = 0x17F,
    CYR_UPPER_FIRST = 0x410, /* А..Я */
    CYR_LOWER_FIRST = 0x430, /* а..я */
    CYR_EXTRA_UPPER_FIRST = 0x400, /* Ѐ..Џ */
    CYR_EXTRA_LOWER_FIRST = 0x450, /* ѐ..џ */
    CYR_LAST = 0x45F,
    COMBINING_FIRST = 0x300,
    COMBINING_LAST = 0x36F,
};

/* ASCII base letter of U+0100..U+017F (lower case); a few become two letters below. */
static const char LATIN_EXT_A_BASE[] = "aaaaaa"
                                       "cccccccc"
                                       "dddd"
                                       "eeeeeeeeee"
                                       "gggggggg"
                                       "hhhh"
                                       "iiiiiiiiii"
                                       "ii" /* Ĳ ĳ: "ij" */
                                       "jj"
                                       "kkk"
                                       "llllllllll"
                                       "nnnnnnn"
                                       "nn"
                                       "oooooo"
                                       "oo" /* Œ œ: "oe" */
                                       "rrrrrr"
                                       "ssssssss"
                                       "tttttt"
                                       "uuuuuuuuuuuu"
                                       "ww"
                                       "yyy"
                                       "zzzzzz"
                                       "s";
_Static_assert(sizeof LATIN_EXT_A_BASE == LATIN_EXT_A_LAST - LATIN_EXT_A_FIRST + 2, "one letter per code point");

/* U+00C0..U+00FF folded; NULL marks × and ÷, which separate. */
static const char *const LATIN1_FOLD[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", NULL, "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", NULL, "o", "u", "u", "u", "u", "y", "th", "y",
};

/* а..я then ѐ..џ: the Serbian Latin spelling (lower case) and its ASCII fold. */
static const char *const CYRILLIC_LATIN[64] = {
    "a", "b", "v", "g", "d", "e", "ž", "z", "i", "j", "k", "l", "m", "n", "o", "p",
    "r", "s", "t", "u", "f", "h", "c", "č", "š", "šč", "", "y", "", "e", "ju", "ja",
    "e", "e", "đ", "g", "je", "dz", "i", "ji", "j", "lj", "nj", "ć", "k", "i", "u", "dž",
};
static const char *const CYRILLIC_LATIN_CAPITAL[64] = {
    "A", "B", "V", "G", "D", "E", "Ž", "Z", "I", "J", "K", "L", "M", "N", "O", "P",
    "R", "S", "T", "U", "F", "H", "C", "Č", "Š", "Šč", "", "Y", "", "E", "Ju", "Ja",
    "E", "E", "Đ", "G", "Je", "Dz", "I", "Ji", "J", "Lj", "Nj", "Ć", "K", "I", "U", "Dž",
};
static const char *const CYRILLIC_ASCII[64] = {
    "a", "b", "v", "g", "d", "e", "z", "z", "i", "j", "k", "l", "m", "n", "o", "p",
    "r", "s", "t", "u", "f", "h", "c", "c", "s", "sc", "", "y", "", "e", "ju", "ja",
    "e", "e", "d", "g", "je", "dz", "i", "ji", "j", "lj", "nj", "c", "k", "i", "u", "dz",
};

/* Index 0..63 into the Cyrillic tables for a lower-case Cyrillic letter, or -1. */
static int cyrillic_index(uint32_t lower)
{
    if (lower >= CYR_LOWER_FIRST && lower <= CYR_LAST) {
        return (int)(lower - CYR_LOWER_FIRST);
    }
    return -1;
}

static bool is_cyrillic_letter(uint32_t cp)
{
    return cp >= CYR_EXTRA_UPPER_FIRST && cp <= CYR_LAST;
}

/* Latin Extended-A pairs: which member of each pair is the capital depends on the range. */
static bool ext_a_odd_is_upper(uint32_t cp)
{
    return (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
}

static bool ext_a_has_case(uint32_t cp)
{
    return (cp >= 0x100 && cp <= 0x137) || (cp >= 0x139 && cp <= 0x148) || (cp >= 0x14A && cp <= 0x177) ||
           (cp >= 0x179 && cp <= 0x17E);
}

uint32_t fold_lower(uint32_t cp)
{
    if (cp >= 'A' && cp <= 'Z') {
        return cp + 0x20;
    }
    if (cp >= LATIN1_FIRST && cp <= 0xDE && cp != 0xD7) {
        return cp + 0x20;
    }
    if (cp == 0x178) {
        return 0xFF; /* Ÿ */
    }
    if (ext_a_has_case(cp)) {
        bool odd = (cp & 1u) != 0;
        bool upper = ext_a_odd_is_upper(cp) ? odd : !odd;
        return upper ? cp + 1 : cp;
    }
    if (cp >= CYR_UPPER_FIRST && cp < CYR_LOWER_FIRST) {
        return cp + 0x20;
    }
    if (cp >= CYR_EXTRA_UPPER_FIRST && cp < CYR_UPPER_FIRST) {
        return cp + 0x50;
    }
    return cp;
}

uint32_t fold_upper(uint32_t cp)
{
    if (cp >= 'a' && cp <= 'z') {
        return cp - 0x20;
    }
    if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7) {
        return cp - 0x20;
    }
    if (cp == 0xFF) {
        return 0x178;
    }
    if (ext_a_has_case(cp)) {
        bool odd = (cp & 1u) != 0;
        bool lower = ext_a_odd_is_upper(cp) ? !odd : odd;
        return lower ? cp - 1 : cp;
    }
    if (cp >= CYR_LOWER_FIRST && cp < CYR_EXTRA_LOWER_FIRST) {
        return cp - 0x20;
    }
    if (cp >= CYR_EXTRA_LOWER_FIRST && cp <= CYR_LAST) {
        return cp - 0x50;
    }
    return cp;
}

const char *fold_cyrillic_to_latin(uint32_t cp)
{
    if (!is_cyrillic_letter(cp)) {
        return NULL;
    }
    uint32_t lower = fold_lower(cp);
    int index = cyrillic_index(lower);
    if (index < 0) {
        return NULL;
    }
    return lower != cp ? CYRILLIC_LATIN_CAPITAL[index] : CYRILLIC_LATIN[index];
}

static bool is_separator(uint32_t cp)
{
    if (cp < 0x80) {
        return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'));
    }
    return cp < LATIN1_FIRST || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x2BFF) ||
           (cp >= 0x3000 && cp <= 0x303F) || cp == 0xFEFF || cp == 0xFFFD;
}

static size_t put(char *out, const char *text)
{
    size_t n = 0;
    while (text[n]) { /* at most FOLD_CODE_POINT_MAX bytes: no call for so few */
        out[n] = text[n];
        n++;
    }
    return n;
}

size_t fold_code_point(uint32_t cp, char *out)
{
    if (is_separator(cp)) {
        return FOLD_SEPARATOR;
    }
    if (cp < 0x80) {
        out[0] = (char)fold_lower(cp);
        return 1;
    }
    if (cp < LATIN_EXT_A_FIRST) {
        const char *folded = LATIN1_FOLD[cp - LATIN1_FIRST];
        return folded ? put(out, folded) : FOLD_SEPARATOR;
    }
    if (cp <= LATIN_EXT_A_LAST) {
        switch (cp) {
        case 0x110:
        case 0x111:
            return put(out, "d"); /* Đ đ: written d or dj without diacritics (fold_text drops the j) */
        case 0x132:
        case 0x133:
            return put(out, "ij");
        case 0x152:
        case 0x153:
            return put(out, "oe");
        default:
            out[0] = LATIN_EXT_A_BASE[cp - LATIN_EXT_A_FIRST];
            return 1;
        }
    }
    if (cp >= COMBINING_FIRST && cp <= COMBINING_LAST) {
        return 0;
    }
    if (is_cyrillic_letter(cp)) {
        int index = cyrillic_index(fold_lower(cp));
        if (index >= 0) {
            return put(out, CYRILLIC_ASCII[index]);
        }
    }
    return utf8_encode(cp, out);
}

size_t fold_text(const char *utf8, size_t length, char *out, size_t size)
{
    size_t used = 0;
    bool pending_space = false;
    size_t offset = 0;
    if (size == 0) {
        return 0;
    }
    out[0] = '\0';
    while (offset < length) {
        uint32_t cp = utf8_next(utf8, length, &offset);
        char folded[FOLD_CODE_POINT_MAX];
        size_t n = fold_code_point(cp, folded);
        if (n == FOLD_SEPARATOR) {
            pending_space = used > 0;
            continue;
        }
        if (n == 0) {
            continue;
        }
        if (n == 1 && folded[0] == 'j' && !pending_space && used > 0 && out[used - 1] == 'd') {
            continue; /* "dj" is how đ is typed without diacritics: it folds as đ does, to "d" */
        }
        size_t need = n + (pending_space ? 1 : 0);
        if (used + need + 1 > size) {
            break;
        }
        if (pending_space) {
            out[used++] = ' ';
            pending_space = false;
        }
        for (size_t i = 0; i < n; i++) {
            out[used++] = folded[i];
        }
    }
    out[used] = '\0';
    return used;
}

/* True when some word of key starts with word[0..length). */
static bool has_word_starting(const char *key, const char *word, size_t length)
{
    const char *at = key;
    while (*at) {
        if (strncmp(at, word, length) == 0) {
            return true;
        }
        const char *space = strchr(at, ' ');
        if (!space) {
            break;
        }
        at = space + 1;
    }
    return false;
}

bool fold_match(const char *key, const char *query_key)
{
    const char *word = query_key;
    while (*word) {
        while (*word == ' ') {
            word++;
        }
        size_t length = strcspn(word, " ");
        if (length == 0) {
            break;
        }
        if (!has_word_starting(key, word, length)) {
            return false;
        }
        word += length;
    }
    return true;
}

bool fold_match_start(const char *key, const char *query_key)
{
    while (*query_key == ' ') {
        query_key++;
    }
    size_t length = strcspn(query_key, " ");
    return strncmp(key, query_key, length) == 0 && fold_match(key, query_key);
}
