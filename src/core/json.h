/* json.h — a tiny JSON writer into a caller's buffer, for the kiosk's status report.
 * Objects, arrays, strings, integers, booleans and null; commas and nesting are kept
 * track of, so the caller writes values in order and never punctuation. Strings are
 * escaped as RFC 8259 asks: quote, backslash and every control character (below U+0020,
 * and U+007F) become escapes; well-formed UTF-8 (Cyrillic, emoji) passes through as is;
 * bytes that are not well-formed UTF-8 (a stick's folder name can hold any bytes) become
 * U+FFFD, so the output is always valid UTF-8 and valid JSON. Pure: no I/O, no allocation.
 *
 *   JsonWriter w;
 *   json_writer_init(&w, buffer, sizeof buffer);
 *   json_begin_object(&w);
 *   json_key(&w, "title"); json_string(&w, "Пример \"1\"");
 *   json_end_object(&w);
 *   size_t length = 0;
 *   if (!json_writer_finish(&w, &length)) ... // did not fit, or unbalanced
 */
#ifndef FACTS_CORE_JSON_H
#define FACTS_CORE_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { JSON_DEPTH_MAX = 16 };

typedef struct JsonWriter {
    char *out;
    size_t size;
    size_t length;                  /* bytes the document needs so far (may exceed size) */
    int depth;                      /* open objects and arrays */
    bool has_items[JSON_DEPTH_MAX]; /* a value was written at this depth: the next needs a comma */
    bool in_object[JSON_DEPTH_MAX];
    bool after_key;                 /* json_key() was called: a value must follow */
    bool misused;                   /* a call out of order (value without key, too deep, ...) */
} JsonWriter;

/* Starts a document in out (size bytes, may be 0 to measure). Nothing is written past
 * out[size - 1]; the text is NUL-terminated when it fits. */
void json_writer_init(JsonWriter *w, char *out, size_t size);

/* Opens and closes an object or array. Closing what is not open marks the writer misused. */
void json_begin_object(JsonWriter *w);
void json_end_object(JsonWriter *w);
void json_begin_array(JsonWriter *w);
void json_end_array(JsonWriter *w);

/* The name of the next member of the open object (escaped like a string). */
void json_key(JsonWriter *w, const char *key);

/* Values: in an array, or after json_key() in an object, or the whole document.
 * json_string(w, NULL) writes null. */
void json_string(JsonWriter *w, const char *text);
void json_int(JsonWriter *w, int64_t value);
void json_bool(JsonWriter *w, bool value);
void json_null(JsonWriter *w);

/* True when the document is complete (everything opened was closed, no call was out of
 * order) and fitted in the buffer with its NUL; *length (may be NULL) is the length
 * without the NUL, or the size it would have needed. */
bool json_writer_finish(const JsonWriter *w, size_t *length);

#endif
