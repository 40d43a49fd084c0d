/* json.c — the JSON writer; see json.h. Every byte goes through put(), which counts what
 * the document needs and copies only what fits; separators are decided in begin_value(). */
#include "core/json.h"

#include "core/utf8.h"

#include <string.h>

enum { REPLACEMENT_CHARACTER = 0xFFFD, UTF8_MAX_SEQUENCE = 4 };

static void put(JsonWriter *w, const char *bytes, size_t count)
{
    if (w->length < w->size) {
        size_t room = w->size - w->length;
        memcpy(w->out + w->length, bytes, count < room ? count : room);
    }
    w->length += count;
    if (w->size > 0) {
        w->out[w->length < w->size ? w->length : w->size - 1] = '\0';
    }
}

static void put_char(JsonWriter *w, char c)
{
    put(w, &c, 1);
}

/* Before any value (or key): a comma after the previous item; refuses a value where a key
 * is needed, a key where a value is needed, or a second value at the top. */
static bool begin_value(JsonWriter *w, bool is_key)
{
    bool in_object = w->depth > 0 && w->in_object[w->depth];
    if (is_key ? (!in_object || w->after_key) : (in_object && !w->after_key)) {
        w->misused = true;
        return false;
    }
    if (w->depth == 0 && w->has_items[0]) {
        w->misused = true;
        return false;
    }
    if (w->after_key) {
        w->after_key = false; /* the value of a member: no comma */
        return true;
    }
    if (w->has_items[w->depth]) {
        put_char(w, ',');
    }
    w->has_items[w->depth] = true;
    return true;
}

void json_writer_init(JsonWriter *w, char *out, size_t size)
{
    memset(w, 0, sizeof *w);
    w->out = out;
    w->size = out ? size : 0;
    if (w->size > 0) {
        out[0] = '\0';
    }
}

static void open_container(JsonWriter *w, bool object)
{
    if (w->depth + 1 >= JSON_DEPTH_MAX) {
        w->misused = true;
        return;
    }
    if (!begin_value(w, false)) {
        return;
    }
    w->depth++;
    w->has_items[w->depth] = false;
    w->in_object[w->depth] = object;
    put_char(w, object ? '{' : '[');
}

static void close_container(JsonWriter *w, bool object)
{
    if (w->depth == 0 || w->in_object[w->depth] != object || w->after_key) {
        w->misused = true;
        return;
    }
    w->depth--;
    put_char(w, object ? '}' : ']');
}

void json_begin_object(JsonWriter *w) { open_container(w, true); }
void json_end_object(JsonWriter *w) { close_container(w, true); }
void json_begin_array(JsonWriter *w) { open_container(w, false); }
void json_end_array(JsonWriter *w) { close_container(w, false); }

/* Length of the well-formed UTF-8 sequence at s (at most left bytes), or 0 when the
 * bytes there are not one. */
static size_t sequence_at(const char *s, size_t left)
{
    for (size_t n = 1; n <= UTF8_MAX_SEQUENCE && n <= left; n++) {
        if (utf8_valid(s, n, NULL)) {
            return n;
        }
    }
    return 0;
}

static void put_escaped(JsonWriter *w, const char *text)
{
    static const char HEX[] = "0123456789abcdef";
    size_t length = strlen(text);
    put_char(w, '"');
    for (size_t i = 0; i < length;) {
        unsigned char c = (unsigned char)text[i];
        const char *escape = c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\n' ? "\\n" : c == '\r' ? "\\r"
                           : c == '\t' ? "\\t" : c == '\b' ? "\\b" : c == '\f' ? "\\f" : NULL;
        if (escape) {
            put(w, escape, 2);
            i++;
        } else if (c < 0x20 || c == 0x7f) {
            char u[6] = {'\\', 'u', '0', '0', HEX[c >> 4], HEX[c & 15]};
            put(w, u, sizeof u);
            i++;
        } else if (c < 0x80) {
            put_char(w, (char)c);
            i++;
        } else {
            size_t n = sequence_at(text + i, length - i);
            if (n > 0) {
                put(w, text + i, n);
                i += n;
            } else {
                char replacement[UTF8_MAX_SEQUENCE];
                put(w, replacement, utf8_encode(REPLACEMENT_CHARACTER, replacement));
                i++;
            }
        }
    }
    put_char(w, '"');
}

void json_key(JsonWriter *w, const char *key)
{
    if (!begin_value(w, true)) {
        return;
    }
    put_escaped(w, key ? key : "");
    put_char(w, ':');
    w->after_key = true;
}

void json_string(JsonWriter *w, const char *text)
{
    if (!text) {
        json_null(w);
        return;
    }
    if (begin_value(w, false)) {
        put_escaped(w, text);
    }
}

void json_int(JsonWriter *w, int64_t value)
{
    char digits[24];
    size_t count = 0;
    /* Digits from the magnitude as unsigned, so INT64_MIN has one too. */
    uint64_t magnitude = value < 0 ? (uint64_t)0 - (uint64_t)value : (uint64_t)value;
    if (!begin_value(w, false)) {
        return;
    }
    do {
        digits[sizeof digits - 1 - count++] = (char)('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude > 0);
    if (value < 0) {
        digits[sizeof digits - 1 - count++] = '-';
    }
    put(w, digits + sizeof digits - count, count);
}

void json_bool(JsonWriter *w, bool value)
{
    if (begin_value(w, false)) {
        put(w, value ? "true" : "false", value ? 4 : 5);
    }
}

void json_null(JsonWriter *w)
{
    if (begin_value(w, false)) {
        put(w, "null", 4);
    }
}

bool json_writer_finish(const JsonWriter *w, size_t *length)
{
    if (length) {
        *length = w->length;
    }
    return !w->misused && w->depth == 0 && !w->after_key && w->has_items[0] && w->length < w->size;
}
