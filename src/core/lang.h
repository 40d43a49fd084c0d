/* lang.h — the kiosk's three display languages and their codes.
 * Start here to see how a language is named on the command line, in packs
 * (column suffixes) and on screen. Pure: no I/O. */
#ifndef FACTS_CORE_LANG_H
#define FACTS_CORE_LANG_H

#include <stdbool.h>

typedef enum Lang {
    LANG_EN = 0,
    LANG_SR_LATN,
    LANG_SR_CYRL,
    LANG_COUNT
} Lang;

/* BCP 47 tag: "en", "sr-Latn", "sr-Cyrl". Returns "" for an out-of-range value. */
const char *lang_tag(Lang lang);

/* Suffix of pack columns holding this language: "en", "sr_latn", "sr_cyrl". */
const char *lang_column_suffix(Lang lang);

/* The language's own short name for a language switch: "EN", "SR", "СР". */
const char *lang_switch_label(Lang lang);

/* Parses a tag case-insensitively ("en", "sr-Latn", "sr-cyrl", "sr_Latn").
 * Returns false and leaves *out untouched for anything else. */
bool lang_parse(const char *tag, Lang *out);

#endif
