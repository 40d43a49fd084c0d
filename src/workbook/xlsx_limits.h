/* xlsx_limits.h — what the workbook reader refuses (every limit, each stated in data/README.md,
 * "Workbook limits") and how it says why (XlsxProblem). Part of xlsx_read.h's interface, apart
 * so the reader's own files can share it without including each other. */
#ifndef FACTS_WORKBOOK_XLSX_LIMITS_H
#define FACTS_WORKBOOK_XLSX_LIMITS_H

enum {
    XLSX_MAX_FILE_BYTES = 32 * 1024 * 1024,   /* the .xlsx file itself */
    XLSX_MAX_ENTRIES = 4096,                  /* files inside the zip */
    XLSX_MAX_SHEETS = 256,
    XLSX_MAX_PART_BYTES = 32 * 1024 * 1024,   /* one part (a sheet's XML…) once inflated */
    XLSX_MAX_RATIO = 100,                     /* inflated : compressed, for parts over … */
    XLSX_RATIO_FLOOR_BYTES = 1024 * 1024,     /* … this size (small parts compress freely) */
    XLSX_MAX_ROWS = 20000,                    /* non-empty rows in one sheet */
    XLSX_MAX_COLUMNS = 256,                   /* column IV */
    XLSX_MAX_CELLS = 1000000,                 /* cells kept for one sheet, gaps included */
    XLSX_MAX_CELL_BYTES = 64 * 1024,          /* one cell's text, one shared string */
    XLSX_MAX_SHEET_TEXT_BYTES = 64 * 1024 * 1024, /* all the texts of one sheet */
    XLSX_MAX_SHARED_STRINGS = 1000000,
    XLSX_MAX_STYLES = 65536,                  /* cell formats (cellXfs) and number formats */
    XLSX_MAX_DEPTH = 64,                      /* XML elements inside one another */
};

/* Why a workbook or a sheet was refused: a sentence for staff, and the spreadsheet row it is
 * about (0 when none; the text then names no row, the caller adds the location). */
typedef struct XlsxProblem {
    long row;
    char text[320];
} XlsxProblem;

#endif
