/* fold.h — text folded for searching: lower case, no diacritics, one script. A visitor
 * who types "sav" finds "Šavovi", one who types "текстил" finds "Tekstil", because both
 * the name and the query are folded to the same ASCII-ish key first:
 *   "Пример бренд Текстил" → "primer brend tekstil",  "Example Brand Šavovi" → "example brand savovi".
 * Also the reverse of core/translit.h (Serbian Cyrillic → Latin, letter by letter) and
 * simple case mapping for the Latin and Cyrillic letters the kiosk shows.
 * Start at fold_text() and fold_match(). Pure: no I/O, nothing allocated. */
#ifndef FACTS_CORE_FOLD_H
#define FACTS_CORE_FOLD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Lower case of a Latin (ASCII, Latin-1, Latin Extended-A) or Cyrillic (U+0400–U+045F)
 * letter; anything else is returned as it is. */
uint32_t fold_lower(uint32_t cp);

/* Upper case, likewise. */
uint32_t fold_upper(uint32_t cp);

/* Serbian Latin spelling of a Cyrillic letter, with its diacritics, in the letter's case:
 * "ш" → "š", "Љ" → "Lj", "џ" → "dž", "Ђ" → "Đ"; other Cyrillic letters by their usual
 * romanisation ("я" → "ja", "ь" → ""). NULL for a code point that is not a Cyrillic letter. */
const char *fold_cyrillic_to_latin(uint32_t cp);

/* Returned by fold_code_point() for a separator. */
#define FOLD_SEPARATOR ((size_t)-1)

/* Writes the ASCII-ish form of one code point as a search key uses it into out (room for
 * FOLD_CODE_POINT_MAX bytes, not NUL-terminated) and returns its length: lower case,
 * diacritics removed ("Š" → "s", "đ" → "d", "ß" → "ss"), Cyrillic romanised without
 * diacritics ("ш" → "s", "љ" → "lj", "ђ" → "d", "ћ" and "ч" → "c", "ж" → "z", "џ" → "dz"),
 * digits kept, combining marks dropped (0). Letters of other scripts are kept as their
 * UTF-8. FOLD_SEPARATOR for white space, punctuation and symbols. */
enum { FOLD_CODE_POINT_MAX = 4 };
size_t fold_code_point(uint32_t cp, char *out);

/* Writes the search key of utf8[0..length) into out (size bytes, always NUL-terminated):
 * every code point folded as fold_code_point() says, separators becoming one space, no
 * space at either end, and a "j" right after a "d" dropped: Serbians without diacritics
 * write đ as "dj" or "d", so "Đšav", "Djsav", "Dsav" and "Ђшав" all fold to "dsav". Invalid UTF-8 bytes count as separators. Returns the key's length;
 * a key that does not fit is cut at a code point boundary. */
size_t fold_text(const char *utf8, size_t length, char *out, size_t size);

/* True when every word of query_key (a fold_text() key) begins some word of key, in any
 * order: "sav" matches "example brand savovi", "br sav" too, "avo" does not. An empty
 * query matches everything. */
bool fold_match(const char *key, const char *query_key);

/* fold_match(), and key's first word begins with query_key's first word: "lju" is at the
 * start of "ljubica" but not of "fini i ljubica". */
bool fold_match_start(const char *key, const char *query_key);

#endif
