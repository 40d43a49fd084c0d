/* leads_csv.h — the CSV that `leads open` writes for staff: UTF-8 with a byte order mark
 * (so that Excel reads it as UTF-8), a heading row, CRLF line ends and RFC 4180 quoting. Cells
 * are escaped by core/csv_cell.h: a cell that begins with = + - @ (or a tab or carriage
 * return) gets a leading apostrophe, so that a spreadsheet shows "=HYPERLINK(...)" typed by a
 * visitor as text instead of running it as a formula (CSV injection). */
#ifndef FACTS_LEADS_LEADS_CSV_H
#define FACTS_LEADS_LEADS_CSV_H

#include <stdbool.h>
#include <stdio.h>

#include "leads/lead.h"

/* Writes the byte order mark and the heading row (the lead_field_key() names). Returns false
 * on a write error. */
bool leads_csv_begin(FILE *out);

/* Writes one row: the fields of lead in LeadField order. Returns false on a write error. */
bool leads_csv_row(FILE *out, const Lead *lead);

/* Writes one cell (no separator, no line end) as core/csv_cell.h escapes it: quoted when it
 * holds a comma, semicolon, quote, CR or LF, or starts or ends with a space, and guarded
 * against formula injection. Returns false on a write error. */
bool leads_csv_cell(FILE *out, const char *text);

#endif
