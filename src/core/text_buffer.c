/* text_buffer.c — a growing text; see text_buffer.h. */
#include "core/text_buffer.h"

#include <stdlib.h>
#include <string.h>

void text_buffer_add(TextBuffer *text, const char *bytes, size_t length)
{
    if (text->full || text->failed) {
        return;
    }
    if (text->limit && text->length + length > text->limit) {
        text->full = true;
        return;
    }
    if (text->length + length + 1 > text->capacity) {
        size_t capacity = text->capacity ? text->capacity : 64;
        while (capacity < text->length + length + 1) {
            capacity *= 2;
        }
        char *grown = realloc(text->bytes, capacity);
        if (!grown) {
            text->failed = true;
            return;
        }
        text->bytes = grown;
        text->capacity = capacity;
    }
    memcpy(text->bytes + text->length, bytes, length);
    text->length += length;
    text->bytes[text->length] = '\0';
}

void text_buffer_add_string(TextBuffer *text, const char *string)
{
    text_buffer_add(text, string, strlen(string));
}

void text_buffer_clear(TextBuffer *text)
{
    text->length = 0;
    text->full = false;
    if (text->bytes) {
        text->bytes[0] = '\0';
    }
}

const char *text_buffer_get(const TextBuffer *text)
{
    return text->bytes ? text->bytes : "";
}

char *text_buffer_take(TextBuffer *text)
{
    if (!text->failed && !text->bytes) {
        text_buffer_add(text, "", 0);
    }
    char *bytes = text->failed ? NULL : text->bytes;
    if (text->failed) {
        free(text->bytes);
    }
    *text = (TextBuffer){.limit = text->limit};
    return bytes;
}
