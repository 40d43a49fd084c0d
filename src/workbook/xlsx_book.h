/* xlsx_book.h — inside the workbook reader (not for other folders): what an open workbook
 * holds, shared by xlsx_read.c (which fills it) and xlsx_sheet.c (which reads a sheet with
 * it). */
#ifndef FACTS_WORKBOOK_XLSX_BOOK_H
#define FACTS_WORKBOOK_XLSX_BOOK_H

#include "workbook/xlsx_limits.h"

#include <stdbool.h>
#include <stddef.h>
#include <zip.h>

enum { XLSX_MAX_PART_NAME = 512, XLSX_MAX_SHEET_NAME = 256 };

typedef struct XlsxBookSheet {
    char name[XLSX_MAX_SHEET_NAME];
    char part[XLSX_MAX_PART_NAME];   /* its XML inside the zip; "" when its rel is missing */
    char rel_id[64];
} XlsxBookSheet;

struct XlsxBook {
    zip_t *zip;
    bool date1904;
    XlsxBookSheet *sheets;
    size_t sheet_count;
    size_t sheet_capacity;
    bool *date_styles;          /* per cellXfs index: its number format shows a date */
    size_t style_count;
    char *strings;              /* the shared strings, each NUL-terminated, one after another */
    size_t *string_offsets;
    size_t string_count;
    size_t string_capacity;
};

#endif
