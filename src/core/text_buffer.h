/* text_buffer.h — a growing NUL-terminated text: appended to piece by piece, optionally
 * bounded (limit), out of memory remembered rather than reported at each append. Used where
 * a text's length is not known ahead (the builder's messages, a workbook cell or the shared
 * strings streamed through expat). Pure: memory only. */
#ifndef FACTS_CORE_TEXT_BUFFER_H
#define FACTS_CORE_TEXT_BUFFER_H

#include <stdbool.h>
#include <stddef.h>

/* Zero-initialise; set limit (0: none) before the first append. The owner free()s bytes,
 * or takes them with text_buffer_take(). */
typedef struct TextBuffer {
    char *bytes;
    size_t length;
    size_t capacity;
    size_t limit;  /* most bytes it may hold (0: no limit) */
    bool full;     /* an append went past limit: it and every later one were dropped */
    bool failed;   /* out of memory: every later append is dropped */
} TextBuffer;

/* Appends length bytes, keeping the text NUL-terminated; past limit sets full, out of
 * memory sets failed (and either drops this and later appends). */
void text_buffer_add(TextBuffer *text, const char *bytes, size_t length);
void text_buffer_add_string(TextBuffer *text, const char *string);
/* Empties the text, keeping its memory (full is forgotten, failed is not). */
void text_buffer_clear(TextBuffer *text);
/* The text so far ("" before any append). */
const char *text_buffer_get(const TextBuffer *text);
/* The text, now the caller's to free() ("" when nothing was appended); NULL (its memory
 * freed) when an append failed. The buffer is left empty. */
char *text_buffer_take(TextBuffer *text);

#endif
