/* build_names.h — names staff type, made usable by the pack builder: an id in the key form
 * (what staff type in any script and case, with spaces and diacritics → "example-brand-djlj")
 * and the guess of which table a file or sheet with an unknown name was meant to be
 * ("members (1).csv" → members). Pure: no I/O. */
#ifndef FACTS_BUILDER_BUILD_NAMES_H
#define FACTS_BUILDER_BUILD_NAMES_H

#include <stddef.h>
#include <stdint.h>

enum { BUILD_KEY_MAX_CHARACTERS = 64 };

/* The key form of typed (valid UTF-8): Serbian Cyrillic transliterated to Latin and every
 * Latin letter to ASCII (Đ → dj, č ć → c, š → s, ž → z, ж → z, џ and дж → dz, é → e, ß → ss),
 * lower case, digits kept, and any run of spaces, punctuation or other separators made one
 * "-" (none at either end). A character that is none of these (a letter of another script,
 * a symbol) is taken as a separator too, and *unusable (if not NULL) is set to the first one
 * (else 0). The result may be empty or longer than BUILD_KEY_MAX_CHARACTERS: the caller
 * decides. malloc'd; NULL when out of memory. */
char *build_names_key(const char *typed, uint32_t *unusable);

/* The index of the name in known[0..count) that name (a file name without ".csv" or a sheet
 * name) looks like, or -1: the same after case, copy suffixes and prefixes (" (1)",
 * " - Copy", "Copy of ", " kopija") and spaces or dashes for "_" are set aside, or within a
 * small edit distance of it. An exact match is not a guess: it returns -1 for that too. */
int build_names_guess(const char *name, const char *const *known, size_t count);

#endif
