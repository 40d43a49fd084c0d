/* translit.c — Serbian Latin → Cyrillic; see translit.h for the rules. */
#include "core/translit.h"

#include "core/utf8.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

typedef struct LetterPair {
    uint32_t latin;
    uint32_t cyrillic;
} LetterPair;

/* Lower-case single letters; upper case is derived (Cyrillic capitals are
 * 0x20 below for а..я and 0x50 below for ђ, ј, љ, њ, ћ, џ). */
static const LetterPair SINGLE_LETTERS[] = {
    {'a', 0x0430}, {'b', 0x0431}, {'c', 0x0446}, {0x010D, 0x0447}, {0x0107, 0x045B},
    {'d', 0x0434}, {0x0111, 0x0452}, {'e', 0x0435}, {'f', 0x0444}, {'g', 0x0433},
    {'h', 0x0445}, {'i', 0x0438}, {'j', 0x0458}, {'k', 0x043A}, {'l', 0x043B},
    {'m', 0x043C}, {'n', 0x043D}, {'o', 0x043E}, {'p', 0x043F}, {'r', 0x0440},
    {'s', 0x0441}, {0x0161, 0x0448}, {'t', 0x0442}, {'u', 0x0443}, {'v', 0x0432},
    {'z', 0x0437}, {0x017E, 0x0436},
};

enum {
    CYR_LJE = 0x0459,
    CYR_NJE = 0x045A,
    CYR_DZHE = 0x045F,
};

/* Word beginnings (lower case, UTF-8) in which lj/nj/dž are two letters. */
static const char *const DIGRAPH_EXCEPTIONS[] = {
    "nadž", "odž", "podž", "predž", "injek", "konjug", "konjunk", "vanjez", "tanjug",
};

static uint32_t to_lower_latin(uint32_t cp, bool *was_upper)
{
    *was_upper = false;
    if (cp >= 'A' && cp <= 'Z') {
        *was_upper = true;
        return cp + 0x20;
    }
    /* Č Ć Đ Š Ž are the even code points just below their lower-case forms. */
    if (cp == 0x010C || cp == 0x0106 || cp == 0x0110 || cp == 0x0160 || cp == 0x017D) {
        *was_upper = true;
        return cp + 1;
    }
    return cp;
}

static uint32_t cyrillic_upper(uint32_t cp)
{
    if (cp >= 0x0430 && cp <= 0x044F) {
        return cp - 0x20;
    }
    if (cp >= 0x0450 && cp <= 0x045F) {
        return cp - 0x50;
    }
    return cp;
}

static uint32_t single_letter(uint32_t lower)
{
    for (size_t i = 0; i < sizeof SINGLE_LETTERS / sizeof SINGLE_LETTERS[0]; i++) {
        if (SINGLE_LETTERS[i].latin == lower) {
            return SINGLE_LETTERS[i].cyrillic;
        }
    }
    return 0;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool is_ascii_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_ascii_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* A word (up to the next white space) that must stay in Latin letters: an
 * address, a foreign word (Serbian Latin has no q, w, x or y), or a code where a
 * letter touches a digit ("B2B", "A4", "3D": written in Latin in Cyrillic text too). */
static bool is_latin_only_word(const char *word, size_t length)
{
    for (size_t i = 0; i < length; i++) {
        if (word[i] == '@' || (i + 3 <= length && memcmp(word + i, "://", 3) == 0) ||
            strchr("qwxyQWXY", word[i]) != NULL) {
            return true;
        }
        if (i + 1 < length && ((is_ascii_letter(word[i]) && is_ascii_digit(word[i + 1])) ||
                               (is_ascii_digit(word[i]) && is_ascii_letter(word[i + 1])))) {
            return true;
        }
    }
    return length >= 4 && (memcmp(word, "www.", 4) == 0 || memcmp(word, "WWW.", 4) == 0);
}

/* True when the word starting at word (lower-cased compare) begins with one of
 * DIGRAPH_EXCEPTIONS and the digraph at offset lies inside that prefix. */
static bool digraph_split_here(const char *word, size_t word_length, size_t offset)
{
    for (size_t e = 0; e < sizeof DIGRAPH_EXCEPTIONS / sizeof DIGRAPH_EXCEPTIONS[0]; e++) {
        const char *prefix = DIGRAPH_EXCEPTIONS[e];
        size_t prefix_length = strlen(prefix);
        if (prefix_length > word_length || offset >= prefix_length) {
            continue;
        }
        bool match = true;
        for (size_t i = 0; i < prefix_length && match; i++) {
            char c = word[i];
            c = (c >= 'A' && c <= 'Z') ? (char)(c + 0x20) : c;
            /* Upper-case Ž (C5 BD) against ž (C5 BE): compare folded bytes. */
            if ((unsigned char)c == 0xBD && i > 0 && (unsigned char)word[i - 1] == 0xC5) {
                c = (char)0xBE;
            }
            match = c == prefix[i];
        }
        if (match) {
            return true;
        }
    }
    return false;
}

/* Two-letter digraph at the start of a, b (both lower-cased): its Cyrillic
 * letter, or 0. */
static uint32_t digraph(uint32_t first, uint32_t second)
{
    if (first == 'l' && second == 'j') {
        return CYR_LJE;
    }
    if (first == 'n' && second == 'j') {
        return CYR_NJE;
    }
    if (first == 'd' && second == 0x017E) {
        return CYR_DZHE;
    }
    return 0;
}

uint32_t translit_letter(uint32_t latin_lower)
{
    return single_letter(latin_lower);
}

uint32_t translit_digraph(uint32_t first_lower, uint32_t second_lower)
{
    return digraph(first_lower, second_lower);
}

static size_t transliterate_word(const char *word, size_t length, char *out)
{
    size_t written = 0;
    if (is_latin_only_word(word, length)) {
        memcpy(out, word, length);
        return length;
    }
    size_t offset = 0;
    while (offset < length) {
        size_t here = offset;
        bool upper = false;
        uint32_t cp = to_lower_latin(utf8_next(word, length, &offset), &upper);
        size_t after = offset;
        bool second_upper = false;
        uint32_t next = offset < length ? to_lower_latin(utf8_next(word, length, &after), &second_upper) : 0;
        uint32_t letter = digraph(cp, next);
        if (letter && !digraph_split_here(word, length, here)) {
            offset = after;
        } else {
            letter = single_letter(cp);
        }
        if (letter) {
            written += utf8_encode(upper ? cyrillic_upper(letter) : letter, out + written);
        } else {
            memcpy(out + written, word + here, offset - here);
            written += offset - here;
        }
    }
    return written;
}

char *translit_latin_to_cyrillic(const char *latin)
{
    size_t length = strlen(latin);
    /* Every Latin letter (1–2 bytes) becomes at most 2 bytes of Cyrillic, so the
     * result is at most twice the input. */
    char *out = malloc(length * 2 + 1);
    if (!out) {
        return NULL;
    }
    size_t written = 0;
    size_t i = 0;
    while (i < length) {
        if (is_space(latin[i])) {
            out[written++] = latin[i++];
            continue;
        }
        size_t start = i;
        while (i < length && !is_space(latin[i])) {
            i++;
        }
        written += transliterate_word(latin + start, i - start, out + written);
    }
    out[written] = '\0';
    return out;
}
