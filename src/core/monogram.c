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

/* Occurrences are sorted through pointers: they are large. */
static int compare_occurrences(const void *a, const void *b)
{
    const Occurrence *x = *(const Occurrence *const *)a;
    const Occurrence *y = *(const Occurrence *const *)b;
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
static void keep_common(Occurrence *const *sorted, size_t n, const size_t *per_script, CommonWords *out)
{
    size_t i = 0;
    while (i < n) {
        const Occurrence *first = sorted[i];
        size_t names = 0;
        size_t j = i;
        size_t last_name = (size_t)-1;
        while (j < n && sorted[j]->script == first->script && strcmp(sorted[j]->word, first->word) == 0) {
            names += sorted[j]->name != last_name;
            last_name = sorted[j]->name;
            j++;
        }
        size_t total = per_script[first->script];
        bool common = names >= MONOGRAM_COMMON_MIN_NAMES && names * 100 > total * MONOGRAM_COMMON_PERCENT;
        if (common && !monogram_is_common(out, first->word)) {
            memcpy(out->words[out->count++], first->word, MONOGRAM_WORD_MAX);
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
    size_t room = total_words ? total_words : 1;
    Occurrence *occurrences = malloc(room * sizeof *occurrences);
    Occurrence **sorted = malloc(room * sizeof *sorted);
    out->words = malloc(room * MONOGRAM_WORD_MAX);
    if (!occurrences || !sorted || !out->words) {
        goto done;
    }
    size_t per_script[SCRIPT_COUNT] = {0};
    size_t n = collect(names, count, occurrences, per_script);
    for (size_t i = 0; i < n; i++) {
        sorted[i] = &occurrences[i];
    }
    qsort(sorted, n, sizeof *sorted, compare_occurrences);
    keep_common(sorted, n, per_script, out);
    ok = true;
done:
    free(sorted);
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

enum { MAX_WORDS = 16, MAX_LETTERS = 32 };

/* One letter of a monogram: a code point, or the two of a Serbian Latin digraph that
 * starts a word ("Dž", "Lj", "Nj": one letter, as Џ, Љ, Њ are in Cyrillic). */
typedef struct Letter {
    uint32_t cp[2];
} Letter;

/* The letters of a name's words that have any (digits and signs skipped: "137" gives none,
 * "Џ18" gives "Џ"), in order, and where each word's first letter is. */
typedef struct Letters {
    Letter letter[MAX_LETTERS];
    int count;
    int word_start[MAX_WORDS];
    int last_start;
    int words;
} Letters;

static bool is_letter(uint32_t cp)
{
    char scratch[FOLD_CODE_POINT_MAX];
    size_t n = fold_code_point(cp, scratch);
    return n != FOLD_SEPARATOR && n > 0 && !(cp >= '0' && cp <= '9');
}

/* Is (a, b) a Serbian Latin digraph: d+ž, l+j, n+j in any case? */
static bool is_digraph(uint32_t a, uint32_t b)
{
    uint32_t x = fold_lower(a);
    uint32_t y = fold_lower(b);
    return (x == 'd' && y == 0x17E) || ((x == 'l' || x == 'n') && y == 'j');
}

static void add_word_letters(const char *text, size_t start, size_t end, Letters *out)
{
    int first = out->count;
    size_t at = start;
    while (at < end && out->count < MAX_LETTERS) {
        uint32_t cp = utf8_next(text, end, &at);
        if (!is_letter(cp)) {
            continue;
        }
        Letter letter = {{cp, 0}};
        if (out->count == first && at < end) {
            size_t next = at;
            uint32_t following = utf8_next(text, end, &next);
            if (is_digraph(cp, following)) {
                letter.cp[1] = following;
                at = next;
            }
        }
        out->letter[out->count++] = letter;
    }
    if (out->count == first) {
        return; /* a number: monograms are letters only */
    }
    out->last_start = first;
    if (out->words < MAX_WORDS) {
        out->word_start[out->words] = first;
    }
    out->words++;
}

static void letters_of_text(const char *text, size_t length, Letters *out)
{
    size_t offset = 0;
    size_t start = 0;
    size_t word_length = 0;
    memset(out, 0, sizeof *out);
    while (next_word(text, length, &offset, &start, &word_length)) {
        add_word_letters(text, start, start + word_length, out);
    }
}

/* The letters of the distinctive words; of the whole name when those have none (a name
 * that differs from others only by a number: "Example Brand 7" → "EB"). */
static void letters_of(const char *name, const CommonWords *words, Letters *out)
{
    char distinctive[256];
    size_t length = monogram_distinctive(name, words, distinctive, sizeof distinctive);
    letters_of_text(distinctive, length, out);
    if (out->words == 0) {
        letters_of_text(name, strlen(name), out);
    }
}

/* How many letters word w has (w < MAX_WORDS). */
static int word_letters(const Letters *l, int w)
{
    int end = w + 1 < l->words && w + 1 < MAX_WORDS ? l->word_start[w + 1] : l->count;
    return end - l->word_start[w];
}

/* Picks the two letters (indices into l->letter, -1 for none) of variant; false when the
 * name has too few words or letters for it. */
static bool pick(const Letters *l, int variant, int picked[2])
{
    int n = l->words;
    picked[0] = 0;
    picked[1] = -1;
    if (variant >= MONOGRAM_FIRST_AND_LATER_LETTER && variant < MONOGRAM_VARIANT_COUNT) {
        int at = 2 + (variant - MONOGRAM_FIRST_AND_LATER_LETTER);
        picked[1] = at;
        return at < l->count;
    }
    switch (variant) {
    case MONOGRAM_FIRST_TWO_WORDS: /* "RI", or "ŠA" for a single word */
        picked[1] = n >= 2 ? l->word_start[1] : (l->count >= 2 ? 1 : -1);
        return true;
    case MONOGRAM_FIRST_AND_LAST_WORD:
        picked[1] = l->last_start;
        return n >= 3;
    case MONOGRAM_FIRST_WORD:
        picked[1] = 1;
        return n >= 2 && word_letters(l, 0) >= 2;
    default:
        return false;
    }
}

bool monogram_initials_variant(const char *name, const CommonWords *words, int variant, char *out, size_t size)
{
    if (size == 0) {
        return false;
    }
    out[0] = '\0';
    Letters l;
    letters_of(name, words, &l);
    int picked[2];
    if (l.words == 0 || !pick(&l, variant, picked)) {
        return false;
    }
    size_t used = 0;
    for (int i = 0; i < 2 && picked[i] >= 0; i++) {
        const Letter *letter = &l.letter[picked[i]];
        for (int k = 0; k < 2 && letter->cp[k]; k++) {
            if (!append(out, &used, size, fold_upper(letter->cp[k]))) {
                out[0] = '\0';
                return false;
            }
        }
    }
    return true;
}

void monogram_initials(const char *name, const CommonWords *words, char *out, size_t size)
{
    monogram_initials_variant(name, words, MONOGRAM_FIRST_TWO_WORDS, out, size);
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

/* FNV-1a of name, then a final mix: FNV's low bits vary little between similar names. */
static uint32_t name_hash(const char *name)
{
    uint32_t hash = 2166136261u;
    for (const unsigned char *c = (const unsigned char *)(name ? name : ""); *c; c++) {
        hash = (hash ^ *c) * 16777619u;
    }
    hash ^= hash >> 15;
    hash *= 0x2C1B3C6Du;
    hash ^= hash >> 12;
    return hash;
}

/* Hue step (of HUE_STEPS) and shade (of three) to a readable disc colour. */
static uint32_t fill_of(uint32_t hue_step, uint32_t shade)
{
    double hue = (double)(hue_step % HUE_STEPS) * (360.0 / HUE_STEPS);
    double lightness = 0.36 + 0.06 * (double)(shade % 3);
    uint32_t fill = hsl(hue, 0.55, lightness);
    return colour_readable(fill, 0xFFFFFF, COLOUR_MIN_CONTRAST);
}

uint32_t monogram_fill(const char *name)
{
    uint32_t hash = name_hash(name);
    return fill_of(hash % HUE_STEPS, (hash >> 8) % 3);
}

uint32_t monogram_fill_apart(const char *name, int k, int n)
{
    uint32_t hash = name_hash(name);
    if (n < 1 || k < 0) {
        n = 1, k = 0;
    }
    /* Around the colour circle in n even steps, every other one a shade lighter. */
    uint32_t step = (uint32_t)(k % n) * HUE_STEPS / (uint32_t)n;
    return fill_of(hash % HUE_STEPS + step, (hash >> 8) % 2 + (uint32_t)(k % 2));
}

uint32_t monogram_ink(uint32_t fill)
{
    return colour_readable(0xFFFFFF, fill, COLOUR_MIN_CONTRAST);
}
