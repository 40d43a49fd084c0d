/* collate.h — alphabetical order and the A–Z index in the language shown. English sorts
 * A–Z with diacritics folded; Serbian Latin sorts A B C Č Ć D Dž Đ E … Lj … Nj … Š … Z Ž
 * (Q W X Y where English has them); Serbian Cyrillic sorts А Б В Г Д Ђ Е Ж З И Ј К Л Љ
 * М Н Њ О П Р С Т Ћ У Ф Х Ц Ч Џ Ш. A name in the other script is sorted as it reads in
 * the shown one ("Šavovi" among the Ш in Cyrillic, "Текстил" among the T in Latin).
 *
 * collate_key() turns a name into a byte string that strcmp() orders correctly, so
 * callers sort with plain string comparison; collate_key_letter() names the index letter
 * a key files under. Case does not matter. Pure: no I/O, nothing allocated. */
#ifndef FACTS_CORE_COLLATE_H
#define FACTS_CORE_COLLATE_H

#include "core/lang.h"

#include <stddef.h>

enum {
    COLLATE_KEY_MAX = 160,      /* longer names are ordered by their first ~150 letters */
    COLLATE_MAX_LETTERS = 40,   /* letters in any alphabet, for callers' tables */
    COLLATE_LETTER_OTHER = 0,   /* index of "#": digits and letters of other scripts */
};

/* Writes the key of utf8 for lang into out (size bytes, NUL-terminated, never longer
 * than COLLATE_KEY_MAX - 1) and returns its length. Words are compared one by one (a
 * space sorts before any letter), digits and other scripts before letters. */
size_t collate_key(const char *utf8, Lang lang, char *out, size_t size);

/* Which index entry a key files under: 1..collate_letter_count(lang) for a letter of the
 * alphabet (in alphabetical order), COLLATE_LETTER_OTHER for a key that starts with a
 * digit or another script's letter, -1 for an empty key. */
int collate_key_letter(const char *key);

/* Entries of lang's index, COLLATE_LETTER_OTHER included: 27 for English, 35 for Serbian
 * Latin, 31 for Serbian Cyrillic. 0 for an unknown language. */
int collate_letter_count(Lang lang);

/* How entry letter of lang is written in an index: "A", "Dž", "Љ", "#". "" when out of range. */
const char *collate_letter_label(Lang lang, int letter);

#endif
