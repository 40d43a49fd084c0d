/* collate.c — keys and index letters per language; see collate.h. A name is first spelled
 * in the shown language's script (lower case, code point by code point), then cut into
 * that alphabet's letters, longest first (so "lj" is one Serbian letter), and each letter
 * becomes one byte of weight. English spells everything as the search key does (fold.h). */
#include "core/collate.h"

#include "core/fold.h"
#include "core/translit.h"
#include "core/utf8.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

enum {
    WEIGHT_SPACE = 0x01,
    WEIGHT_DIGIT = 0x02,  /* 0x02..0x0B: a digit; before a number 0x03..0x0B says its length */
    MAX_NUMBER_DIGITS = 9,
    WEIGHT_LETTER = 0x10, /* 0x10 + position in the alphabet */
    WEIGHT_OTHER = 0x0C,  /* other scripts: filed under '#' with the digits */
    MAX_CODE_POINTS = COLLATE_KEY_MAX,
};

typedef struct Letter {
    uint32_t cp[2]; /* lower case; cp[1] = 0 for a single code point */
    const char *label;
} Letter;

static const Letter ENGLISH[] = {
    {{'a'}, "A"}, {{'b'}, "B"}, {{'c'}, "C"}, {{'d'}, "D"}, {{'e'}, "E"}, {{'f'}, "F"}, {{'g'}, "G"},
    {{'h'}, "H"}, {{'i'}, "I"}, {{'j'}, "J"}, {{'k'}, "K"}, {{'l'}, "L"}, {{'m'}, "M"}, {{'n'}, "N"},
    {{'o'}, "O"}, {{'p'}, "P"}, {{'q'}, "Q"}, {{'r'}, "R"}, {{'s'}, "S"}, {{'t'}, "T"}, {{'u'}, "U"},
    {{'v'}, "V"}, {{'w'}, "W"}, {{'x'}, "X"}, {{'y'}, "Y"}, {{'z'}, "Z"},
};

static const Letter SERBIAN_LATIN[] = {
    {{'a'}, "A"}, {{'b'}, "B"}, {{'c'}, "C"}, {{0x10D}, "Č"}, {{0x107}, "Ć"}, {{'d'}, "D"},
    {{'d', 0x17E}, "Dž"}, {{0x111}, "Đ"}, {{'e'}, "E"}, {{'f'}, "F"}, {{'g'}, "G"}, {{'h'}, "H"},
    {{'i'}, "I"}, {{'j'}, "J"}, {{'k'}, "K"}, {{'l'}, "L"}, {{'l', 'j'}, "Lj"}, {{'m'}, "M"},
    {{'n'}, "N"}, {{'n', 'j'}, "Nj"}, {{'o'}, "O"}, {{'p'}, "P"}, {{'q'}, "Q"}, {{'r'}, "R"},
    {{'s'}, "S"}, {{0x161}, "Š"}, {{'t'}, "T"}, {{'u'}, "U"}, {{'v'}, "V"}, {{'w'}, "W"},
    {{'x'}, "X"}, {{'y'}, "Y"}, {{'z'}, "Z"}, {{0x17E}, "Ž"},
};

static const Letter SERBIAN_CYRILLIC[] = {
    {{0x430}, "А"}, {{0x431}, "Б"}, {{0x432}, "В"}, {{0x433}, "Г"}, {{0x434}, "Д"}, {{0x452}, "Ђ"},
    {{0x435}, "Е"}, {{0x436}, "Ж"}, {{0x437}, "З"}, {{0x438}, "И"}, {{0x458}, "Ј"}, {{0x43A}, "К"},
    {{0x43B}, "Л"}, {{0x459}, "Љ"}, {{0x43C}, "М"}, {{0x43D}, "Н"}, {{0x45A}, "Њ"}, {{0x43E}, "О"},
    {{0x43F}, "П"}, {{0x440}, "Р"}, {{0x441}, "С"}, {{0x442}, "Т"}, {{0x45B}, "Ћ"}, {{0x443}, "У"},
    {{0x444}, "Ф"}, {{0x445}, "Х"}, {{0x446}, "Ц"}, {{0x447}, "Ч"}, {{0x45F}, "Џ"}, {{0x448}, "Ш"},
};

typedef struct Alphabet {
    const Letter *letters;
    int count;
} Alphabet;

#define ALPHABET(table) {table, (int)(sizeof table / sizeof table[0])}
static const Alphabet ALPHABETS[LANG_COUNT] = {
    [LANG_EN] = ALPHABET(ENGLISH),
    [LANG_SR_LATN] = ALPHABET(SERBIAN_LATIN),
    [LANG_SR_CYRL] = ALPHABET(SERBIAN_CYRILLIC),
};
_Static_assert(sizeof SERBIAN_LATIN / sizeof SERBIAN_LATIN[0] < COLLATE_MAX_LETTERS, "room for '#'");

/* Cyrillic letters outside Serbian, spelled with Serbian ones for sorting (lower case). */
typedef struct Respelling {
    uint32_t from;
    uint32_t to[2];
} Respelling;

static const Respelling CYRILLIC_RESPELLINGS[] = {
    {0x451, {0x435}},        /* ё → е */
    {0x450, {0x435}},        /* ѐ → е */
    {0x439, {0x458}},        /* й → ј */
    {0x44B, {0x438}},        /* ы → и */
    {0x44D, {0x435}},        /* э → е */
    {0x44E, {0x458, 0x443}}, /* ю → ју */
    {0x44F, {0x458, 0x430}}, /* я → ја */
    {0x449, {0x448, 0x447}}, /* щ → шч */
    {0x44A, {0}},            /* ъ: silent */
    {0x44C, {0}},            /* ь: silent */
    {0x453, {0x433}},        /* ѓ → г */
    {0x45C, {0x43A}},        /* ќ → к */
    {0x455, {0x437}},        /* ѕ → з */
    {0x456, {0x438}},        /* і → и */
    {0x457, {0x458, 0x438}}, /* ї → ји */
    {0x454, {0x458, 0x435}}, /* є → је */
    {0x45D, {0x438}},        /* ѝ → и */
    {0x45E, {0x443}},        /* ў → у */
};

/* Latin letters Serbian does not have, as a Serbian reader says them. */
static const Respelling FOREIGN_LATIN[] = {
    {'q', {0x43A}},        /* к */
    {'w', {0x432}},        /* в */
    {'x', {0x43A, 0x441}}, /* кс */
    {'y', {0x458}},        /* ј */
};

typedef struct Spelling {
    uint32_t cp[MAX_CODE_POINTS];
    size_t count;
} Spelling;

static void spell(Spelling *s, uint32_t cp)
{
    if (s->count < MAX_CODE_POINTS) {
        s->cp[s->count++] = cp;
    }
}

static void spell_bytes(Spelling *s, const char *text, size_t length)
{
    size_t offset = 0;
    while (offset < length) {
        spell(s, utf8_next(text, length, &offset));
    }
}

static bool is_serbian_latin(uint32_t lower)
{
    return (lower >= 'a' && lower <= 'z') || lower == 0x10D || lower == 0x107 || lower == 0x111 ||
           lower == 0x161 || lower == 0x17E;
}

static bool is_cyrillic(uint32_t cp)
{
    return cp >= 0x400 && cp <= 0x45F;
}

static void spell_utf8(Spelling *s, const char *text)
{
    spell_bytes(s, text, strlen(text));
}

/* One code point as the search key spells it (ASCII-ish, lower case), separators as ' '. */
static void spell_folded(Spelling *s, uint32_t cp)
{
    char folded[FOLD_CODE_POINT_MAX];
    size_t n = fold_code_point(cp, folded);
    if (n == FOLD_SEPARATOR) {
        spell(s, ' ');
    } else if (n == 1 && (unsigned char)folded[0] < 0x80) {
        spell(s, (uint32_t)(unsigned char)folded[0]);
    } else {
        spell_bytes(s, folded, n);
    }
}

/* One code point in Serbian Latin (lower case): Cyrillic romanised with diacritics, other
 * accented Latin letters reduced to their base, separators as ' '. */
static void spell_latin(Spelling *s, uint32_t cp)
{
    uint32_t lower = fold_lower(cp);
    if (is_serbian_latin(lower) || (lower >= '0' && lower <= '9')) {
        spell(s, lower);
        return;
    }
    const char *latin = is_cyrillic(lower) ? fold_cyrillic_to_latin(lower) : NULL;
    if (latin) {
        spell_utf8(s, latin);
        return;
    }
    spell_folded(s, lower);
}

static const Respelling *find_respelling(const Respelling *table, size_t count, uint32_t cp)
{
    for (size_t i = 0; i < count; i++) {
        if (table[i].from == cp) {
            return &table[i];
        }
    }
    return NULL;
}

static void spell_respelling(Spelling *s, const Respelling *r)
{
    for (int i = 0; i < 2 && r->to[i]; i++) {
        spell(s, r->to[i]);
    }
}

/* A Serbian Latin spelling in Cyrillic letters, digraphs first. */
static void latin_to_cyrillic(const Spelling *latin, Spelling *out)
{
    for (size_t i = 0; i < latin->count; i++) {
        uint32_t cp = latin->cp[i];
        uint32_t next = i + 1 < latin->count ? latin->cp[i + 1] : 0;
        uint32_t letter = translit_digraph(cp, next);
        if (letter) {
            spell(out, letter);
            i++;
            continue;
        }
        letter = translit_letter(cp);
        const Respelling *foreign =
            letter ? NULL : find_respelling(FOREIGN_LATIN, sizeof FOREIGN_LATIN / sizeof FOREIGN_LATIN[0], cp);
        if (letter) {
            spell(out, letter);
        } else if (foreign) {
            spell_respelling(out, foreign);
        } else {
            spell(out, cp);
        }
    }
}

/* The name spelled (lower case) in lang's script. */
static void spell_name(const char *utf8, Lang lang, Spelling *out)
{
    size_t length = strlen(utf8);
    size_t offset = 0;
    Spelling latin = {0};
    out->count = 0;
    while (offset < length) {
        uint32_t cp = fold_lower(utf8_next(utf8, length, &offset));
        if (lang == LANG_EN) {
            spell_folded(out, cp);
            continue;
        }
        if (lang == LANG_SR_CYRL && is_cyrillic(cp)) {
            /* Cyrillic stays Cyrillic; a Latin run before it is converted first. */
            latin_to_cyrillic(&latin, out);
            latin.count = 0;
            const Respelling *r = find_respelling(CYRILLIC_RESPELLINGS,
                                                  sizeof CYRILLIC_RESPELLINGS / sizeof CYRILLIC_RESPELLINGS[0], cp);
            if (r) {
                spell_respelling(out, r);
            } else {
                spell(out, cp);
            }
            continue;
        }
        spell_latin(lang == LANG_SR_CYRL ? &latin : out, cp);
    }
    if (lang == LANG_SR_CYRL) {
        latin_to_cyrillic(&latin, out);
    }
}

/* Position (0-based) of the alphabet letter at s->cp[*i], advancing *i; -1 if none. */
static int match_letter(const Alphabet *alphabet, const Spelling *s, size_t *i)
{
    uint32_t cp = s->cp[*i];
    uint32_t next = *i + 1 < s->count ? s->cp[*i + 1] : 0;
    int single = -1;
    for (int l = 0; l < alphabet->count; l++) {
        const Letter *letter = &alphabet->letters[l];
        if (letter->cp[0] != cp) {
            continue;
        }
        if (letter->cp[1] && letter->cp[1] == next) {
            *i += 2;
            return l;
        }
        if (!letter->cp[1]) {
            single = l;
        }
    }
    *i += 1;
    return single;
}

/* A number sorts by its value, "2" before "10": its length (leading zeros dropped, at
 * most MAX_NUMBER_DIGITS counted), then its digits. Advances *i past it. */
static size_t number_weights(const Spelling *s, size_t *i, unsigned char *weights)
{
    while (*i + 1 < s->count && s->cp[*i] == '0' && s->cp[*i + 1] >= '0' && s->cp[*i + 1] <= '9') {
        (*i)++;
    }
    size_t n = 1;
    while (*i < s->count && s->cp[*i] >= '0' && s->cp[*i] <= '9') {
        if (n <= MAX_NUMBER_DIGITS) {
            weights[n++] = (unsigned char)(WEIGHT_DIGIT + (s->cp[*i] - '0'));
        }
        (*i)++;
    }
    weights[0] = (unsigned char)(WEIGHT_DIGIT + (n - 1));
    return n;
}

size_t collate_key(const char *utf8, Lang lang, char *out, size_t size)
{
    if (size == 0) {
        return 0;
    }
    out[0] = '\0';
    if ((int)lang < 0 || lang >= LANG_COUNT || !utf8) {
        return 0;
    }
    size_t limit = size < COLLATE_KEY_MAX ? size : COLLATE_KEY_MAX;
    Spelling spelling = {0};
    spell_name(utf8, lang, &spelling);
    const Alphabet *alphabet = &ALPHABETS[lang];
    size_t used = 0;
    bool pending_space = false;
    size_t i = 0;
    while (i < spelling.count) {
        uint32_t cp = spelling.cp[i];
        if (cp == ' ') {
            pending_space = used > 0;
            i++;
            continue;
        }
        unsigned char weights[MAX_NUMBER_DIGITS + 1];
        size_t n = 0;
        if (cp >= '0' && cp <= '9') {
            n = number_weights(&spelling, &i, weights);
        } else {
            int letter = match_letter(alphabet, &spelling, &i);
            weights[n++] = (unsigned char)(letter >= 0 ? WEIGHT_LETTER + letter : WEIGHT_OTHER);
        }
        if (used + n + (pending_space ? 1 : 0) >= limit) {
            break;
        }
        if (pending_space) {
            out[used++] = (char)WEIGHT_SPACE;
            pending_space = false;
        }
        memcpy(out + used, weights, n);
        used += n;
    }
    out[used] = '\0';
    return used;
}

int collate_key_letter(const char *key)
{
    unsigned char first = key ? (unsigned char)key[0] : 0;
    if (first == 0) {
        return -1;
    }
    if (first >= WEIGHT_LETTER && first < WEIGHT_LETTER + COLLATE_MAX_LETTERS) {
        return first - WEIGHT_LETTER + 1;
    }
    return COLLATE_LETTER_OTHER;
}

int collate_letter_count(Lang lang)
{
    if ((int)lang < 0 || lang >= LANG_COUNT) {
        return 0;
    }
    return ALPHABETS[lang].count + 1;
}

const char *collate_letter_label(Lang lang, int letter)
{
    if (letter < 0 || letter >= collate_letter_count(lang)) {
        return "";
    }
    return letter == COLLATE_LETTER_OTHER ? "#" : ALPHABETS[lang].letters[letter - 1].label;
}
