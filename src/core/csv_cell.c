/* csv_cell.c — see csv_cell.h. */
#include "core/csv_cell.h"

#include <string.h>

/* Lead characters that make a spreadsheet evaluate a cell (tab and CR: LibreOffice and
 * Excel skip them and look at what follows). */
static const char FORMULA_LEADS[] = "=+-@\t\r";
/* Characters that end a cell or a row somewhere, or that RFC 4180 doubles. */
static const char QUOTED[] = ",;\"\r\n";

static bool is_formula(const char *text)
{
    return text[0] != '\0' && strchr(FORMULA_LEADS, text[0]) != NULL;
}

/* Spaces at either end survive only inside quotes in some spreadsheets. */
static bool needs_quotes(const char *text)
{
    size_t length = strlen(text);
    bool padded = length > 0 && (text[0] == ' ' || text[length - 1] == ' ');
    return is_formula(text) || padded || strpbrk(text, QUOTED) != NULL;
}

bool csv_cell_write(const char *text, CsvCellPut put, void *ctx)
{
    text = text ? text : "";
    bool quote = needs_quotes(text);
    if (quote && !put(ctx, "\"'", is_formula(text) ? 2 : 1)) {
        return false;
    }
    for (const char *p = text; *p != '\0';) {
        size_t run = strcspn(p, "\"");
        bool at_quote = p[run] == '"';
        run += at_quote ? 1 : 0; /* the quote itself, then its double */
        if (!put(ctx, p, run) || (at_quote && !put(ctx, "\"", 1))) {
            return false;
        }
        p += run;
    }
    return !quote || put(ctx, "\"", 1);
}

/* csv_cell_escape's target: what fits is copied, all of it is counted. */
typedef struct Buffer {
    char *out;
    size_t size;   /* of out, its NUL included */
    size_t length; /* of the cell so far, copied or not */
} Buffer;

static bool put_buffer(void *ctx, const char *bytes, size_t length)
{
    Buffer *b = ctx;
    size_t room = b->size > b->length + 1 ? b->size - 1 - b->length : 0;
    if (room > 0) {
        memcpy(b->out + b->length, bytes, length < room ? length : room);
    }
    b->length += length;
    return true;
}

size_t csv_cell_escape(const char *text, char *out, size_t size)
{
    Buffer b = {.out = out, .size = size};
    (void)csv_cell_write(text, put_buffer, &b);
    if (size > 0) {
        out[b.length < size ? b.length : size - 1] = '\0';
    }
    return b.length;
}
