/* utf8.h — strict UTF-8 validation and decoding for text that comes from outside
 * (CSV sources, content packs). Pure: no I/O. */
#ifndef FACTS_CORE_UTF8_H
#define FACTS_CORE_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True when bytes[0..length) is well-formed UTF-8 (no overlongs, no surrogates,
 * nothing above U+10FFFF). On false, *bad_offset (if not NULL) is the offset of
 * the first byte of the first bad sequence. */
bool utf8_valid(const char *bytes, size_t length, size_t *bad_offset);

/* Decodes one code point at s[*offset] (which must be valid UTF-8, see
 * utf8_valid) and advances *offset. Returns 0 at the end of the string. */
uint32_t utf8_next(const char *s, size_t length, size_t *offset);

/* Appends the UTF-8 encoding of code point cp to out (room for 4 bytes needed).
 * Returns the number of bytes written. */
size_t utf8_encode(uint32_t cp, char *out);

#endif
