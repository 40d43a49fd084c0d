/* xlsx_read.h — reads the cell texts of an Excel workbook (.xlsx, Office Open XML) as staff
 * save it from Excel, LibreOffice or any program that writes the format: the sheets by name,
 * each a grid of rows of UTF-8 texts. libzip opens the container, expat parses the XML,
 * chunk by chunk as each part inflates, so memory stays bounded whatever the file holds.
 *
 * What a cell's text is: a shared or inline string (rich text runs joined); a number as
 * "%lld" when whole, else its shortest round-trip text; a boolean as TRUE or FALSE; a number
 * in a cell formatted as a date (styles' numFmtId 14–22, 45–47, or a custom code with d, m
 * or y) as YYYY-MM-DD, in the workbook's date system (1900 or 1904); a formula's saved
 * value. Empty rows and trailing empty cells are dropped; gaps within a row are "".
 *
 * Everything from the file is refused with a message, never trusted: the XLSX_MAX_* limits
 * (xlsx_limits.h; each stated in data/README.md, "Workbook limits"), DTDs and entities, part names
 * with ".." or a drive, a formula without a saved value, a cell showing an error. Start
 * reading at xlsx_book_open(). */
#ifndef FACTS_WORKBOOK_XLSX_READ_H
#define FACTS_WORKBOOK_XLSX_READ_H

#include "workbook/xlsx_limits.h"

#include <stdbool.h>
#include <stddef.h>

/* One non-empty row: cells[0..cell_count) are column A, B, …; the last is never "". */
typedef struct XlsxRow {
    char **cells;      /* NUL-terminated UTF-8, each malloc()ed */
    size_t cell_count; /* ≥ 1 */
    long number;       /* the spreadsheet's row number (1-based), as shown at the left */
} XlsxRow;

typedef struct XlsxSheet {
    XlsxRow *rows;     /* in the sheet's order, empty rows left out */
    size_t row_count;
} XlsxSheet;

typedef struct XlsxBook XlsxBook;

/* Opens the workbook at path and reads what every sheet needs (the sheet list, the date
 * system, the cell formats, the shared strings). Returns NULL with problem->text saying why
 * (not a zip, an old .xls, cut short, a limit, a malformed part, …). Close with
 * xlsx_book_close(). */
XlsxBook *xlsx_book_open(const char *path, XlsxProblem *problem);

/* The same from a workbook's bytes in memory (copied: the caller keeps its buffer). */
XlsxBook *xlsx_book_open_buffer(const void *bytes, size_t size, XlsxProblem *problem);

/* Closes the workbook and frees all it holds. NULL is a no-op. */
void xlsx_book_close(XlsxBook *book);

/* The number of sheets, and the name of each, in the workbook's order (index < count). */
size_t xlsx_book_sheet_count(const XlsxBook *book);
const char *xlsx_book_sheet_name(const XlsxBook *book, size_t index);

/* The index of the sheet named name (exactly, as Excel shows it), or -1. */
long xlsx_book_find_sheet(const XlsxBook *book, const char *name);

/* Reads the sheet at index into sheet (unload it with xlsx_sheet_unload(), also after a
 * failure). Returns false with problem filled in (a row number when the problem is in one). */
bool xlsx_sheet_load(XlsxBook *book, size_t index, XlsxSheet *sheet, XlsxProblem *problem);

/* Frees what xlsx_sheet_load() allocated and zeroes sheet. Safe on a zeroed sheet. */
void xlsx_sheet_unload(XlsxSheet *sheet);

/* Moves row's cells out of the sheet (the caller frees each and the array); the row keeps
 * its number and no cells. For callers that keep the texts longer than the sheet. */
char **xlsx_row_take_cells(XlsxRow *row, size_t *cell_count);

#endif
