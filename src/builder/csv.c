/* csv.c — RFC 4180 reading; see csv.h. */
#include "builder/csv.h"

#include "core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct CsvBuilder {
    CsvTable *table;
    CsvRecord current;
    char *field;
    size_t field_length;
    size_t field_capacity;
} CsvBuilder;

static bool field_append(CsvBuilder *b, char c)
{
    if (b->field_length + 1 >= b->field_capacity) {
        size_t capacity = b->field_capacity ? b->field_capacity * 2 : 64;
        char *grown = realloc(b->field, capacity);
        if (!grown) {
            return false;
        }
        b->field = grown;
        b->field_capacity = capacity;
    }
    b->field[b->field_length++] = c;
    return true;
}

static bool field_end(CsvBuilder *b)
{
    char *text = malloc(b->field_length + 1);
    char **fields = realloc(b->current.fields, (b->current.field_count + 1) * sizeof *fields);
    if (!text || !fields) {
        free(text);
        if (fields) {
            b->current.fields = fields;
        }
        return false;
    }
    memcpy(text, b->field ? b->field : "", b->field_length);
    text[b->field_length] = '\0';
    fields[b->current.field_count++] = text;
    b->current.fields = fields;
    b->field_length = 0;
    return true;
}

static void record_free(CsvRecord *record)
{
    for (size_t i = 0; i < record->field_count; i++) {
        free(record->fields[i]);
    }
    free(record->fields);
    record->fields = NULL;
    record->field_count = 0;
}

/* Ends a record; a record that is one empty field is a blank line and dropped. */
static bool record_end(CsvBuilder *b, long next_line)
{
    if (!field_end(b)) {
        return false;
    }
    bool blank = b->current.field_count == 1 && b->current.fields[0][0] == '\0';
    if (blank) {
        record_free(&b->current);
    } else {
        CsvTable *t = b->table;
        CsvRecord *records = realloc(t->records, (t->record_count + 1) * sizeof *records);
        if (!records) {
            return false;
        }
        t->records = records;
        t->records[t->record_count++] = b->current;
    }
    b->current = (CsvRecord){.line = next_line};
    return true;
}

static long line_of(const char *text, size_t offset)
{
    long line = 1;
    for (size_t i = 0; i < offset; i++) {
        line += text[i] == '\n';
    }
    return line;
}

/* ';' when the first row, from start, has more ';' than ',' outside quotes; else ','. */
static char header_separator(const char *text, size_t size, size_t start)
{
    size_t commas = 0;
    size_t semicolons = 0;
    bool in_quotes = false;
    for (size_t i = start; i < size && (in_quotes || text[i] != '\n'); i++) {
        if (text[i] == '"') {
            in_quotes = !in_quotes; /* a doubled quote toggles twice: no change */
        } else if (!in_quotes) {
            commas += text[i] == ',';
            semicolons += text[i] == ';';
        }
    }
    return semicolons > commas ? ';' : ',';
}

bool csv_table_load(const char *text, size_t size, CsvTable *table, char *why, size_t why_size)
{
    *table = (CsvTable){0};
    if (why_size) {
        why[0] = '\0';
    }
    size_t bad = 0;
    if (!utf8_valid(text, size, &bad)) {
        table->error = CSV_ERROR_NOT_UTF8;
        table->error_line = line_of(text, bad);
        snprintf(why, why_size, "line %ld: text is not valid UTF-8 (save the file as \"CSV UTF-8\")",
                 table->error_line);
        return false;
    }
    if (memchr(text, '\0', size)) {
        table->error = CSV_ERROR_NUL_BYTE;
        table->error_line = line_of(text, (size_t)((const char *)memchr(text, '\0', size) - text));
        snprintf(why, why_size, "line %ld: file contains a NUL byte", table->error_line);
        return false;
    }
    size_t i = 0;
    if (size >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        i = 3;
    }
    table->separator = header_separator(text, size, i);
    const char separator = table->separator;
    const char other = separator == ',' ? ';' : ',';
    CsvBuilder b = {.table = table, .current = {.line = 1}};
    long line = 1;
    bool ok = true;
    bool in_quotes = false;
    bool after_quote = false;
    long quote_line = 0;
    for (; ok && i < size; i++) {
        char c = text[i];
        if (in_quotes) {
            if (c == '"' && i + 1 < size && text[i + 1] == '"') {
                ok = field_append(&b, '"');
                i++;
            } else if (c == '"') {
                in_quotes = false;
                after_quote = true;
            } else {
                line += c == '\n';
                ok = c == '\r' || field_append(&b, c);
            }
            continue;
        }
        if (c == separator) {
            ok = field_end(&b);
            after_quote = false;
        } else if (c == '\n') {
            line++;
            ok = record_end(&b, line);
            after_quote = false;
        } else if (c == '\r') {
            continue;
        } else if (after_quote) {
            table->error = CSV_ERROR_TEXT_AFTER_QUOTE;
            table->error_line = line;
            snprintf(why, why_size, "line %ld: text after a closing quote (put the whole field in quotes)", line);
            ok = false;
            b.field_length = 0;
            goto done;
        } else if (c == '"' && b.field_length == 0) {
            in_quotes = true;
            quote_line = line;
        } else {
            b.current.other_separators += c == other;
            ok = field_append(&b, c);
        }
    }
    if (ok && in_quotes) {
        table->error = CSV_ERROR_QUOTE_NOT_CLOSED;
        table->error_line = quote_line;
        snprintf(why, why_size, "line %ld: a quoted field is never closed", quote_line);
        ok = false;
    } else if (ok && (b.field_length > 0 || b.current.field_count > 0)) {
        ok = record_end(&b, line);
    }
    if (!ok && why[0] == '\0') {
        snprintf(why, why_size, "out of memory");
    }
done:
    record_free(&b.current);
    free(b.field);
    return ok;
}

void csv_table_unload(CsvTable *table)
{
    for (size_t i = 0; i < table->record_count; i++) {
        record_free(&table->records[i]);
    }
    free(table->records);
    *table = (CsvTable){0};
}
