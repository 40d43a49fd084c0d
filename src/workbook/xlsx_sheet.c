/* xlsx_sheet.c — one sheet of an open workbook streamed into rows of texts; see xlsx_read.h.
 * Start at xlsx_sheet_load(): on_sheet_start/on_sheet_end follow <sheetData>, <row> (its number)
 * and <c> (its column, type and style); sheet_cell_text() turns a cell's value into its text. */
#define _POSIX_C_SOURCE 200809L
#include "core/text_buffer.h"
#include "workbook/xlsx_read.h"

#include "workbook/xlsx_book.h"
#include "workbook/xlsx_text.h"
#include "workbook/xlsx_walk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_ROW_NUMBER = 1048576 }; /* Excel's last row */

typedef enum CellType { CELL_NUMBER, CELL_SHARED, CELL_INLINE, CELL_BOOLEAN, CELL_ERROR, CELL_STRING, CELL_DATE } CellType;

typedef struct SheetWalk {
    XlsxWalk walk;
    XlsxBook *book;
    XlsxSheet *sheet;
    size_t row_capacity;
    size_t cell_total;
    size_t text_total;
    int sheet_data_depth;
    /* the row being read */
    long row_number;            /* 0 before the first row */
    char **cells;
    size_t cell_count;
    size_t cell_capacity;
    long column;                /* 0-based column of the last cell seen, -1 at a row's start */
    /* the cell being read */
    int cell_depth;
    CellType type;
    long style;
    bool has_formula;
    bool has_value;
    int value_depth;
    XlsxStringItem item;
    TextBuffer value;
} SheetWalk;

static void column_name(long column, char *out, size_t size)
{
    char reversed[8];
    size_t n = 0;
    for (long c = column + 1; c > 0 && n < sizeof reversed; c = (c - 1) / 26) {
        reversed[n++] = (char)('A' + (c - 1) % 26);
    }
    size_t i = 0;
    while (n && i + 1 < size) {
        out[i++] = reversed[--n];
    }
    out[i] = '\0';
}

/* Parses "C7" (or "$C$7"): its 0-based column; false when it is not a cell reference. */
static bool parse_reference(const char *reference, long *column)
{
    long value = 0;
    const char *c = reference;
    if (*c == '$') {
        c++;
    }
    const char *letters = c;
    while (*c >= 'A' && *c <= 'Z' && value <= XLSX_MAX_COLUMNS * 26L) {
        value = value * 26 + (*c - 'A' + 1);
        c++;
    }
    if (c == letters) {
        return false;
    }
    *column = value - 1;
    return true;
}

static void row_free_cells(char **cells, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        free(cells[i]);
    }
    free(cells);
}

static void sheet_row_start(SheetWalk *walk, const char **attributes)
{
    const char *number = xlsx_walk_attribute(attributes, "r");
    long row = walk->row_number + 1;
    if (number) {
        char *end = NULL;
        row = strtol(number, &end, 10);
        if (end == number || *end || row <= walk->row_number || row > MAX_ROW_NUMBER) {
            xlsx_walk_refuse(&walk->walk, walk->row_number, "a row numbered \"%.20s\" after row %ld: not a workbook "
                        "Excel or LibreOffice writes", number, walk->row_number);
            return;
        }
    } else if (row > MAX_ROW_NUMBER) {
        xlsx_walk_refuse(&walk->walk, row, "more than %d rows", MAX_ROW_NUMBER);
        return;
    }
    walk->row_number = row;
    walk->column = -1;
    walk->cell_count = 0;
}

static void sheet_row_end(SheetWalk *walk)
{
    XlsxSheet *sheet = walk->sheet;
    if (walk->cell_count == 0) {
        return;
    }
    if (sheet->row_count >= XLSX_MAX_ROWS) {
        xlsx_walk_refuse(&walk->walk, walk->row_number, "the sheet has more than %d rows with something in them, the limit",
                    XLSX_MAX_ROWS);
        return;
    }
    if (!xlsx_walk_grow((void **)&sheet->rows, &walk->row_capacity, sheet->row_count, sizeof *sheet->rows)) {
        xlsx_walk_refuse(&walk->walk, walk->row_number, "out of memory");
        return;
    }
    sheet->rows[sheet->row_count++] = (XlsxRow){walk->cells, walk->cell_count, walk->row_number};
    walk->cells = NULL;
    walk->cell_count = 0;
    walk->cell_capacity = 0;
}

static void sheet_cell_start(SheetWalk *walk, const char **attributes)
{
    static const struct {
        const char *name;
        CellType type;
    } TYPES[] = {{"n", CELL_NUMBER}, {"s", CELL_SHARED}, {"inlineStr", CELL_INLINE}, {"b", CELL_BOOLEAN},
                 {"e", CELL_ERROR}, {"str", CELL_STRING}, {"d", CELL_DATE}};
    const char *reference = xlsx_walk_attribute(attributes, "r");
    const char *type = xlsx_walk_attribute(attributes, "t");
    const char *style = xlsx_walk_attribute(attributes, "s");
    long column = walk->column + 1;
    if (reference && !parse_reference(reference, &column)) {
        xlsx_walk_refuse(&walk->walk, walk->row_number, "a cell named \"%.20s\": not a workbook Excel or LibreOffice "
                    "writes", reference);
        return;
    }
    if (column <= walk->column) {
        xlsx_walk_refuse(&walk->walk, walk->row_number, "cell %.20s comes twice or out of order: not a workbook Excel or "
                    "LibreOffice writes", reference ? reference : "?");
        return;
    }
    walk->column = column;
    walk->cell_depth = walk->walk.depth;
    walk->type = CELL_NUMBER;
    for (size_t t = 0; type && t < sizeof TYPES / sizeof TYPES[0]; t++) {
        if (strcmp(type, TYPES[t].name) == 0) {
            walk->type = TYPES[t].type;
        }
    }
    walk->style = style ? strtol(style, NULL, 10) : 0;
    walk->has_formula = false;
    walk->has_value = false;
    text_buffer_clear(&walk->value);
}

/* The text of the cell just read into out (a malloc()ed copy), or false after xlsx_walk_refuse. */
static bool sheet_cell_text(SheetWalk *walk, char *reference, char **out)
{
    XlsxBook *book = walk->book;
    const char *value = text_buffer_get(&walk->value);
    char number[48];
    if (walk->value.full) {
        xlsx_walk_refuse(&walk->walk, walk->row_number, "cell %s holds a text longer than %d KiB, the limit", reference,
                    XLSX_MAX_CELL_BYTES >> 10);
        return false;
    }
    if (walk->has_formula && (!walk->has_value || (!value[0] && walk->type != CELL_STRING))) {
        xlsx_walk_refuse(&walk->walk, walk->row_number, "cell %s has a formula saved without its value: open the "
                    "workbook once in Excel or LibreOffice and save it", reference);
        return false;
    }
    switch (walk->type) {
    case CELL_SHARED: {
        if (!walk->has_value) {
            break; /* no value: an empty cell */
        }
        char *end = NULL;
        unsigned long index = strtoul(value, &end, 10);
        if (!value[0] || *end || index >= book->string_count) {
            xlsx_walk_refuse(&walk->walk, walk->row_number, "cell %s refers to a shared text the workbook does not have",
                        reference);
            return false;
        }
        value = book->strings + book->string_offsets[index];
        break;
    }
    case CELL_BOOLEAN:
        value = !value[0] ? "" : strcmp(value, "0") == 0 ? "FALSE" : "TRUE";
        break;
    case CELL_ERROR:
        xlsx_walk_refuse(&walk->walk, walk->row_number, "cell %s shows the error %.40s: correct it, or type the value",
                    reference, value);
        return false;
    case CELL_DATE:
        /* An ISO 8601 date-time: keep the date when the time is midnight. */
        if (strlen(value) >= 10 && (value[10] == '\0' || strncmp(value + 10, "T00:00:00", 9) == 0)) {
            snprintf(number, sizeof number, "%.10s", value);
            value = number;
        }
        break;
    case CELL_NUMBER:
        if (value[0]) {
            char *end = NULL;
            double x = strtod(value, &end);
            if (*end || end == value) {
                xlsx_walk_refuse(&walk->walk, walk->row_number, "cell %s holds \"%.40s\" where a number belongs",
                            reference, value);
                return false;
            }
            bool date = walk->style >= 0 && (size_t)walk->style < book->style_count && book->date_styles[walk->style];
            if (!date || !xlsx_text_date(x, book->date1904, number, sizeof number)) {
                xlsx_text_number(x, number, sizeof number);
            }
            value = number;
        }
        break;
    default:
        break;
    }
    *out = strdup(value);
    if (!*out) {
        xlsx_walk_refuse(&walk->walk, walk->row_number, "out of memory");
        return false;
    }
    if (walk->type == CELL_INLINE || walk->type == CELL_STRING) {
        xlsx_text_unescape(*out);
    }
    return true;
}

/* Adds one cell's text at column walk->column, "" in any gap before it. */
static bool sheet_put(SheetWalk *walk, char *text, const char *reference)
{
    size_t length = strlen(text);
    if (walk->column >= XLSX_MAX_COLUMNS) {
        xlsx_walk_refuse(&walk->walk, walk->row_number, "cell %s is right of column IV: a sheet may use at most %d columns",
                    reference, XLSX_MAX_COLUMNS);
        return false;
    }
    size_t needed = (size_t)walk->column + 1 - walk->cell_count;
    if (walk->cell_total + needed > XLSX_MAX_CELLS || walk->text_total + length > XLSX_MAX_SHEET_TEXT_BYTES) {
        xlsx_walk_refuse(&walk->walk, walk->row_number, "the sheet holds more than %d cells or %d MiB of text, the limits",
                    XLSX_MAX_CELLS, XLSX_MAX_SHEET_TEXT_BYTES >> 20);
        return false;
    }
    while (walk->cell_count <= (size_t)walk->column) {
        if (!xlsx_walk_grow((void **)&walk->cells, &walk->cell_capacity, walk->cell_count, sizeof *walk->cells)) {
            xlsx_walk_refuse(&walk->walk, walk->row_number, "out of memory");
            return false;
        }
        char *cell = walk->cell_count == (size_t)walk->column ? text : strdup("");
        if (!cell) {
            xlsx_walk_refuse(&walk->walk, walk->row_number, "out of memory");
            return false;
        }
        walk->cells[walk->cell_count++] = cell;
    }
    walk->cell_total += needed;
    walk->text_total += length;
    return true;
}

static void sheet_cell_end(SheetWalk *walk)
{
    char reference[24];
    char *text = NULL;
    column_name(walk->column, reference, sizeof reference);
    snprintf(reference + strlen(reference), sizeof reference - strlen(reference), "%ld", walk->row_number);
    walk->cell_depth = 0;
    if (walk->value.failed) {
        xlsx_walk_refuse(&walk->walk, walk->row_number, "out of memory");
        return;
    }
    if (!sheet_cell_text(walk, reference, &text)) {
        return;
    }
    if (!text[0]) {
        free(text);
        return;
    }
    if (!sheet_put(walk, text, reference)) {
        free(text);
    }
}

static void XMLCALL on_sheet_start(void *user, const XML_Char *name, const XML_Char **attributes)
{
    SheetWalk *walk = user;
    if (!xlsx_walk_enter(&walk->walk)) {
        return;
    }
    const char *local = xlsx_walk_local_name(name);
    int depth = walk->walk.depth;
    if (!walk->sheet_data_depth) {
        if (strcmp(local, "sheetData") == 0) {
            walk->sheet_data_depth = depth;
        }
    } else if (depth == walk->sheet_data_depth + 1 && strcmp(local, "row") == 0) {
        sheet_row_start(walk, attributes);
    } else if (depth == walk->sheet_data_depth + 2 && strcmp(local, "c") == 0) {
        sheet_cell_start(walk, attributes);
    } else if (walk->cell_depth && depth == walk->cell_depth + 1 && strcmp(local, "v") == 0) {
        walk->has_value = true;
        walk->value_depth = depth;
    } else if (walk->cell_depth && depth == walk->cell_depth + 1 && strcmp(local, "f") == 0) {
        walk->has_formula = true;
    } else if (walk->cell_depth) {
        bool opens = depth == walk->cell_depth + 1 && strcmp(local, "is") == 0;
        xlsx_walk_item_start(&walk->item, local, depth, opens);
    }
}

static void XMLCALL on_sheet_end(void *user, const XML_Char *name)
{
    SheetWalk *walk = user;
    int depth = walk->walk.depth--;
    if (!walk->sheet_data_depth || walk->walk.refused) {
        return;
    }
    if (depth == walk->sheet_data_depth) {
        walk->sheet_data_depth = 0;
    } else if (depth == walk->sheet_data_depth + 1) {
        sheet_row_end(walk);
    } else if (walk->cell_depth == depth) {
        sheet_cell_end(walk);
    } else if (walk->value_depth == depth) {
        walk->value_depth = 0;
    } else if (walk->cell_depth) {
        xlsx_walk_item_end(&walk->item, depth);
    }
    (void)name;
}

static void XMLCALL on_sheet_text(void *user, const XML_Char *bytes, int length)
{
    SheetWalk *walk = user;
    if (walk->value_depth || walk->item.text_depth) {
        text_buffer_add(&walk->value, bytes, (size_t)length);
    }
}

bool xlsx_sheet_load(XlsxBook *book, size_t index, XlsxSheet *sheet, XlsxProblem *problem)
{
    *sheet = (XlsxSheet){0};
    *problem = (XlsxProblem){0};
    if (!book || index >= book->sheet_count) {
        xlsx_walk_problem(problem, 0, "no such sheet");
        return false;
    }
    const XlsxBookSheet *which = &book->sheets[index];
    if (!which->part[0]) {
        xlsx_walk_problem(problem, 0, "the workbook does not say where sheet \"%s\" is: not a workbook Excel or "
                    "LibreOffice writes", which->name);
        return false;
    }
    SheetWalk walk = {.book = book, .sheet = sheet, .value = {.limit = XLSX_MAX_CELL_BYTES}};
    if (!xlsx_walk_create(&walk.walk, problem, on_sheet_start, on_sheet_end, on_sheet_text)) {
        return false;
    }
    bool ok = xlsx_walk_part(book->zip, which->part, &walk.walk, XLSX_PART_REQUIRED);
    xlsx_walk_destroy(&walk.walk);
    row_free_cells(walk.cells, walk.cell_count);
    free(walk.value.bytes);
    return ok;
}

void xlsx_sheet_unload(XlsxSheet *sheet)
{
    for (size_t r = 0; r < sheet->row_count; r++) {
        row_free_cells(sheet->rows[r].cells, sheet->rows[r].cell_count);
    }
    free(sheet->rows);
    *sheet = (XlsxSheet){0};
}

char **xlsx_row_take_cells(XlsxRow *row, size_t *cell_count)
{
    char **cells = row->cells;
    *cell_count = row->cell_count;
    row->cells = NULL;
    row->cell_count = 0;
    return cells;
}
