/* libFuzzer target: mutated workbooks (.xlsx) through the workbook reader, from memory: open,
 * read every sheet, close. Seeded with real workbooks (workbook_seeds/, written by openpyxl,
 * libxlsxwriter and LibreOffice). Build with the `fuzz` preset; see smoke.sh. */
#include "workbook/xlsx_read.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    XlsxProblem problem = {0};
    XlsxBook *book = xlsx_book_open_buffer(data, size, &problem);
    for (size_t s = 0; s < xlsx_book_sheet_count(book); s++) {
        XlsxSheet sheet = {0};
        xlsx_sheet_load(book, s, &sheet, &problem);
        xlsx_sheet_unload(&sheet);
    }
    xlsx_book_close(book);
    return 0;
}
