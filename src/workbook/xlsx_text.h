/* xlsx_text.h — the texts a workbook's cell values become (see xlsx_read.h): numbers,
 * dates from serial numbers, whether a number format shows a date, and SpreadsheetML's
 * _xHHHH_ escapes. Pure functions, libc only. */
#ifndef FACTS_WORKBOOK_XLSX_TEXT_H
#define FACTS_WORKBOOK_XLSX_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* A number's text: "%lld" when it is whole (and below 10^15), else the shortest "%.Ng" that
 * reads back as the same double. out needs 32 bytes. */
void xlsx_text_number(double value, char *out, size_t size);

/* A date serial number (days since the epoch of the workbook's date system, any time of day
 * dropped) as "YYYY-MM-DD". date1904: the 1904 system (day 0 = 1904-01-01), else 1900 (day 1 =
 * 1900-01-01, with Excel's 1900-02-29 as day 60). False for values outside years 1900…9999. */
bool xlsx_text_date(double serial, bool date1904, char *out, size_t size);

/* True when numFmtId (a built-in format) shows a date or time: 14–22 and 45–47. */
bool xlsx_text_builtin_is_date(long format_id);

/* True when a custom format code shows a date: it has d, m or y outside quotes, brackets
 * ([Red], [$-409]) and escaped or padding characters (\x, _x, *x). */
bool xlsx_text_code_is_date(const char *code);

/* Replaces each _xHHHH_ escape (how SpreadsheetML writes control characters, and _x005F_ for
 * the underscore of a literal "_x") by its character, in place (never longer). An escape of
 * NUL or of half a surrogate pair is left as it is. */
void xlsx_text_unescape(char *text);

#endif
