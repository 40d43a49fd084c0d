/* translit.h — Serbian Latin → Serbian Cyrillic transliteration.
 * Used by the pack builder to derive sr-Cyrl text where staff give only sr-Latn.
 * Pure: no I/O; the caller owns the returned string. */
#ifndef FACTS_CORE_TRANSLIT_H
#define FACTS_CORE_TRANSLIT_H

#include <stddef.h>
#include <stdint.h>

/* Returns a newly malloc'd NUL-terminated Cyrillic rendering of latin (which must
 * be valid UTF-8), or NULL when out of memory. Rules:
 *  - one letter each: a b c č ć d đ e f g h i j k l m n o p r s š t u v z ž;
 *  - the digraphs lj, nj, dž become single letters (љ њ џ) in any case
 *    (Lj, LJ → Љ), except in the few words where the two letters belong to
 *    different parts of the word (nadživeti → надживети, injekcija → инјекција);
 *  - foreign words (any containing q, w, x or y, such as "Extreme" or "WGSN"),
 *    codes where a letter touches a digit ("B2B", "A4", "3D") and web or e-mail
 *    addresses (containing "://", "@" or starting with "www.") are kept as they
 *    are, and so is non-Latin text. */
char *translit_latin_to_cyrillic(const char *latin);

/* The Cyrillic letter (lower case) of one lower-case Serbian Latin letter (a..z without
 * q w x y, and č ć đ š ž), or 0 for anything else. */
uint32_t translit_letter(uint32_t latin_lower);

/* The Cyrillic letter of a lower-case digraph (l j → љ, n j → њ, d ž → џ), or 0. */
uint32_t translit_digraph(uint32_t first_lower, uint32_t second_lower);

#endif
