/* xlsx_write.h — `pack export`: a content pack as an Excel workbook staff can edit and build
 * again (`pack build`), written with libxlsxwriter. The workbook opens with a sheet "Read me"
 * (English and Serbian Latin), then one sheet per source table named like its CSV file
 * without .csv, whose first row holds exactly the column names the builder takes; the
 * pack's images go into images/ beside it. See xlsx_write.c for the look of a sheet. */
#ifndef FACTS_WORKBOOK_XLSX_WRITE_H
#define FACTS_WORKBOOK_XLSX_WRITE_H

#include <stdbool.h>
#include <stddef.h>

/* Writes the content of the pack at pack_path as a workbook a person can edit at xlsx_path,
 * and the pack's images into the folder images/ beside it (created if needed). False with
 * why on failure (nothing half-written left at xlsx_path: write to a temp name beside it
 * and rename). Cyrillic texts the builder made from the Latin are left empty (pack_rows.h),
 * so that building the workbook makes them again from the Latin as it is then. */
bool workbook_export(const char *pack_path, const char *xlsx_path, char *why, size_t why_size);

#endif
