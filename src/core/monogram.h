/* monogram.h — telling members apart at a glance. When most names of a pack share words
 * ("Example Brand …", "Пример бренд …"), initials of the whole name are the same on nearly
 * every tile, and the A–Z index files nearly everyone under one letter. So the words many
 * names share are found first (monogram_common_words_find), and both the monogram and the
 * alphabetical order use what is left of a name (monogram_distinctive):
 *   "Example Brand Šavovi" → distinctive "Šavovi" → monogram "ŠA";
 *   "Example Research Institute" → "Research Institute" → "RI".
 * The monogram's colour comes from a hash of the name, dark enough for white initials at
 * 4.5:1 (WCAG AA). Pure: no I/O; the word list is the only thing allocated. */
#ifndef FACTS_CORE_MONOGRAM_H
#define FACTS_CORE_MONOGRAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
    /* A word is common when more than this share of the names written in its script
     * (Latin or Cyrillic) contain it ... */
    MONOGRAM_COMMON_PERCENT = 30,
    /* ... and at least this many names: three names never make "Example" noise. */
    MONOGRAM_COMMON_MIN_NAMES = 3,
    MONOGRAM_WORD_MAX = 48, /* bytes of a folded word compared; longer words are cut */
    MONOGRAM_INITIALS_MAX = 16,
    MONOGRAM_LATER_LETTERS = 6, /* variants of a first letter with a later one (below) */
};

/* The common words of a pack, folded (fold.h), sorted. */
typedef struct CommonWords {
    char (*words)[MONOGRAM_WORD_MAX];
    size_t count;
} CommonWords;

/* Finds the common words of names[0..count) into *out. Returns false (and an empty *out)
 * when out of memory. Free with monogram_common_words_free(). */
bool monogram_common_words_find(const char *const *names, size_t count, CommonWords *out);

/* Frees the list; *words is then empty. Safe on a zeroed CommonWords. */
void monogram_common_words_free(CommonWords *words);

/* True when folded_word (a fold_text() key of one word) is common. words may be NULL. */
bool monogram_is_common(const CommonWords *words, const char *folded_word);

/* Writes name without its common words (the rest joined by single spaces) into out (size
 * bytes, NUL-terminated) and returns its length. Punctuation between words is dropped.
 * When every word is common, the whole name's words are kept. */
size_t monogram_distinctive(const char *name, const CommonWords *words, char *out, size_t size);

/* The initials for name: the first letters of the first two distinctive words
 * ("Research Institute" → "RI"), or the first two letters of a single one ("Šavovi" →
 * "ŠA"), upper case: at most two letters, where a Serbian digraph starting a word is one
 * ("Ljubica" → "LJU", as "Љубица" → "ЉУ"). Letters only: words without a letter are
 * skipped and digits inside a word too ("Example Brand 137 Đšav" → "ĐŠ"); when no
 * distinctive word has a letter, the whole name's words give them ("Example Brand 7" →
 * "EB"). out needs MONOGRAM_INITIALS_MAX bytes; "" for a name without letters. */
void monogram_initials(const char *name, const CommonWords *words, char *out, size_t size);

/* Other initials for a name whose usual ones another member already has. Every monogram
 * is at most two letters, upper case. */
typedef enum MonogramVariant {
    MONOGRAM_FIRST_TWO_WORDS = 0,    /* what monogram_initials() gives: "RI", "ŠA" */
    MONOGRAM_FIRST_AND_LAST_WORD,    /* three words or more: "Haljina Novi Sad" → "HS" */
    MONOGRAM_FIRST_WORD,             /* two words or more: "Haljina Nit" → "HA" */
    MONOGRAM_FIRST_AND_LATER_LETTER, /* the first and the third letter: "Đšav" → "ĐA"; */
    /* ... the variants after it the first and the fourth ("ĐV"), fifth, ... letter */
    MONOGRAM_VARIANT_COUNT = MONOGRAM_FIRST_AND_LATER_LETTER + MONOGRAM_LATER_LETTERS
} MonogramVariant;

/* Writes variant's initials for name into out (as monogram_initials()); false, with out
 * "", when the name has too few words or letters for that variant. */
bool monogram_initials_variant(const char *name, const CommonWords *words, int variant, char *out, size_t size);

/* The disc colour (0xRRGGBB) for name: a hue from a hash of the name, so a member keeps
 * its colour across languages and restarts, never lighter than white text allows at
 * 4.5:1. */
uint32_t monogram_fill(const char *name);

/* The k-th (0..n-1) of n disc colours that tell apart n names on one screen whose
 * initials are the same letters: hues spread evenly round the circle from name's, every
 * other one a shade lighter, all as readable as monogram_fill()'s. */
uint32_t monogram_fill_apart(const char *name, int k, int n);

/* The colour of initials on fill: white when it reaches 4.5:1, else the readable colour. */
uint32_t monogram_ink(uint32_t fill);

#endif
