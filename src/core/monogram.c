/* monogram.c — common words, distinctive names, initials and colours; see monogram.h.
 * Words are runs of code points that fold.h does not call separators. */
#include "core/monogram.h"

#include "core/colour.h"
#include "core/fold.h"
#include "core/utf8.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { SCRIPT_LATIN = 0, SCRIPT_CYRILLIC, SCRIPT_COUNT };

/* Finds the next word of text from *offset: *start and *length in bytes. false at the end. */
static bool next_word(const char *text, size_t text_length, size_t *offset, size_t *start, size_t *length)
{
    char scratch[FOLD_CODE_POINT_MAX];
    bool in_word = false;
    while (*offset < text_length) {
        size_t here = *offset;
        uint32_t cp = utf8_next(text, text_length, offset);
        bool separator = fold_code_point(cp, scratch) == FOLD_SEPARATOR;
        if (!in_word && !separator) {
            in_word = true;
            *start = here;
        } else if (in_word && separator) {
            *length = here - *start;
            return true;
        }
    }
    if (in_word) {
        *length = text_length - *start;
    }
    return in_word;
}

static int script_of(const char *name)
{
    size_t length = strlen(name);
    size_t offset = 0;
    char scratch[FOLD_CODE_POINT_MAX];
    while (offset < length) {
        uint32_t cp = utf8_next(name, length, &offset);
        if (fold_code_point(cp, scratch) != FOLD_SEPARATOR) {
            return cp >= 0x400 && cp <= 0x4FF ? SCRIPT_CYRILLIC : SCRIPT_LATIN;
        }
    }
    return SCRIPT_LATIN;
}

typedef struct Occurrence {
    int script;
    size_t name;
    char word[MONOGRAM_WORD_MAX];
} Occurrence;

static int compare_occurrences(const void *a, const void *b)
{
    const Occurrence *x = a;
    const Occurrence *y = b;
    if (x->script != y->script) {
        return x->script < y->script ? -1 : 1;
    }
    int order = strcmp(x->word, y->word);
    if (order != 0) {
        return order;
    }
    return x->name < y->name ? -1 : x->name > y->name;
}

static int compare_words(const void *a, const void *b)
{
    return strcmp(a, b);
}

static size_t count_words(const char *name)
{
    size_t count = 0;
    size_t offset = 0;
    size_t start = 0;
    size_t length = 0;
    while (next_word(name, strlen(name), &offset, &start, &length)) {
        count++;
    }
    return count;
}

/* Adds (script, word) for the words of names to *occurrences; returns how many. */
static size_t collect(const char *const *names, size_t count, Occurrence *occurrences, size_t *per_script)
{
    size_t n = 0;
    for (size_t i = 0; i < count; i++) {
        const char *name = names[i] ? names[i] : "";
        int script = script_of(name);
        per_script[script]++;
        size_t offset = 0;
        size_t start = 0;
        size_t length = 0;
        while (next_word(name, strlen(name), &offset, &start, &length)) {
            Occurrence *o = &occurrences[n++];
            o->script = script;
            o->name = i;
            fold_text(name + start, length, o->word, sizeof o->word);
        }
    }
    return n;
}

/* Appends the words that pass the threshold (sorted occurrences in, list out). */
static void keep_common(const Occurrence *occurrences, size_t n, const size_t *per_script, CommonWords *out)
{
    size_t i = 0;
    while (i < n) {
        size_t names = 0;
        size_t j = i;
        size_t last_name = (size_t)-1;
        while (j < n && occurrences[j].script == occurrences[i].script &&
               strcmp(occurrences[j].word, occurrences[i].word) == 0) {
            names += occurrences[j].name != last_name;
            last_name = occurrences[j].name;
            j++;
        }
        size_t total = per_script[occurrences[i].script];
        bool common = names >= MONOGRAM_COMMON_MIN_NAMES && names * 100 > total * MONOGRAM_COMMON_PERCENT;
        if (common && !monogram_is_common(out, occurrences[i].word)) {
            memcpy(out->words[out->count++], occurrences[i].word, MONOGRAM_WORD_MAX);
            qsort(out->words, out->count, MONOGRAM_WORD_MAX, compare_words);
        }
        i = j;
    }
}

bool monogram_common_words_find(const char *const *names, size_t count, CommonWords *out)
{
    memset(out, 0, sizeof *out);
    size_t total_words = 0;
    for (size_t i = 0; i < count; i++) {
        total_words += count_words(names[i] ? names[i] : "");
    }
    bool ok = false;
    Occurrence *occurrences = malloc((total_words ? total_words : 1) * sizeof *occurrences);
    out->words = malloc((total_words ? total_words : 1) * MONOGRAM_WORD_MAX);
    if (!occurrences || !out->words) {
        goto done;
    }
    size_t per_script[SCRIPT_COUNT] = {0};
    size_t n = collect(names, count, occurrences, per_script);
    qsort(occurrences, n, sizeof *occurrences, compare_occurrences);
    keep_common(occurrences, n, per_script, out);
    ok = true;
done:
    free(occurrences);
    if (!ok) {
        monogram_common_words_free(out);
    }
    return ok;
}

void monogram_common_words_free(CommonWords *words)
{
    free(words->words);
    memset(words, 0, sizeof *words);
}

bool monogram_is_common(const CommonWords *words, const char *folded_word)
{
    if (!words || words->count == 0) {
        return false;
    }
    return bsearch(folded_word, words->words, words->count, MONOGRAM_WORD_MAX, compare_words) != NULL;
}

static bool word_is_common(const CommonWords *words, const char *text, size_t length)
{
    char folded[MONOGRAM_WORD_MAX];
    fold_text(text, length, folded, sizeof folded);
    return monogram_is_common(words, folded);
}

/* Does name have a word that is not common? */
static bool has_distinctive_word(const char *name, const CommonWords *words)
{
    size_t offset = 0;
    size_t start = 0;
    size_t length = 0;
    while (next_word(name, strlen(name), &offset, &start, &length)) {
        if (!word_is_common(words, name + start, length)) {
            return true;
        }
    }
    return false;
}

size_t monogram_distinctive(const char *name, const CommonWords *words, char *out, size_t size)
{
    if (size == 0) {
        return 0;
    }
    out[0] = '\0';
    bool skip_common = has_distinctive_word(name, words);
    size_t used = 0;
    size_t offset = 0;
    size_t start = 0;
    size_t length = 0;
    while (next_word(name, strlen(name), &offset, &start, &length)) {
        if (skip_common && word_is_common(words, name + start, length)) {
            continue;
        }
        size_t need = length + (used ? 1 : 0);
        if (used + need + 1 > size) {
            break;
        }
        if (used) {
            out[used++] = ' ';
        }
        memcpy(out + used, name + start, length);
        used += length;
    }
    out[used] = '\0';
    return used;
}

/* Appends code point cp (upper or lower case) to out; false when it does not fit. */
static bool append(char *out, size_t *used, size_t size, uint32_t cp)
{
    char bytes[4];
    size_t n = utf8_encode(cp, bytes);
    if (*used + n + 1 > size) {
        return false;
    }
    memcpy(out + *used, bytes, n);
    *used += n;
    out[*used] = '\0';
    return true;
}

void monogram_initials(const char *name, const CommonWords *words, char *out, size_t size)
{
    char distinctive[256];
    if (size == 0) {
        return;
    }
    out[0] = '\0';
    size_t length = monogram_distinctive(name, words, distinctive, sizeof distinctive);
    size_t used = 0;
    size_t offset = 0;
    size_t start = 0;
    size_t word_length = 0;
    uint32_t initials[2] = {0, 0};
    int found = 0;
    uint32_t second_letter = 0;
    while (found < 2 && next_word(distinctive, length, &offset, &start, &word_length)) {
        size_t at = start;
        initials[found] = utf8_next(distinctive, start + word_length, &at);
        if (found == 0 && at < start + word_length) {
            second_letter = utf8_next(distinctive, start + word_length, &at);
        }
        found++;
    }
    if (found == 0) {
        return;
    }
    if (!append(out, &used, size, fold_upper(initials[0]))) {
        return;
    }
    if (found == 2) {
        append(out, &used, size, fold_upper(initials[1]));
    } else if (second_letter) {
        append(out, &used, size, fold_lower(second_letter));
    }
}

/* HSL (h in degrees, s and l 0..1) to 0xRRGGBB. */
static uint32_t hsl(double h, double s, double l)
{
    double c = (1.0 - fabs(2.0 * l - 1.0)) * s;
    double hp = fmod(h, 360.0) / 60.0;
    double x = c * (1.0 - fabs(fmod(hp, 2.0) - 1.0));
    double r = 0, g = 0, b = 0;
    if (hp < 1) {
        r = c, g = x;
    } else if (hp < 2) {
        r = x, g = c;
    } else if (hp < 3) {
        g = c, b = x;
    } else if (hp < 4) {
        g = x, b = c;
    } else if (hp < 5) {
        r = x, b = c;
    } else {
        r = c, b = x;
    }
    double m = l - c / 2.0;
    uint32_t out = 0;
    const double channels[3] = {r + m, g + m, b + m};
    for (int i = 0; i < 3; i++) {
        out = (out << 8) | (uint32_t)lround(channels[i] * 255.0);
    }
    return out;
}

enum { HUE_STEPS = 36 }; /* 10° apart: neighbours in a grid rarely look alike */

uint32_t monogram_fill(const char *name)
{
    /* FNV-1a, then a final mix: FNV's low bits vary little between similar names. */
    uint32_t hash = 2166136261u;
    for (const unsigned char *c = (const unsigned char *)(name ? name : ""); *c; c++) {
        hash = (hash ^ *c) * 16777619u;
    }
    hash ^= hash >> 15;
    hash *= 0x2C1B3C6Du;
    hash ^= hash >> 12;
    double hue = (double)(hash % HUE_STEPS) * (360.0 / HUE_STEPS);
    double lightness = 0.36 + 0.06 * (double)((hash >> 8) % 3); /* three shades per hue */
    uint32_t fill = hsl(hue, 0.55, lightness);
    return colour_readable(fill, 0xFFFFFF, COLOUR_MIN_CONTRAST);
}

uint32_t monogram_ink(uint32_t fill)
{
    return colour_readable(0xFFFFFF, fill, COLOUR_MIN_CONTRAST);
}
