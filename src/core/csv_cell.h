/* csv_cell.h — one cell of a CSV file for a spreadsheet, escaped: the rule both of the kiosk's
 * CSV writers share (leads/leads_csv.c for `leads open`, visits/visits_csv.c for the visitor
 * statistics), so that they cannot drift apart.
 *
 * A cell is quoted as RFC 4180 asks (inside "...", a quote doubled) when it holds a comma, a
 * semicolon (Excel with Serbian and most other European settings splits a row on `;`), a
 * quote, CR or LF, or begins or ends with a space. A cell that begins with = + - @ (or a tab
 * or CR) would run as a formula in a spreadsheet: it is quoted with an apostrophe first, so
 * that "=HYPERLINK(...)" typed by a visitor shows as text (CSV injection). Anything else,
 * UTF-8 included, passes through unchanged. Separators and line ends are the writer's.
 *
 * Pure: no I/O. The writer hands csv_cell_write() a function that takes the bytes (to a FILE,
 * say); csv_cell_escape() fills a buffer. */
#ifndef FACTS_CORE_CSV_CELL_H
#define FACTS_CORE_CSV_CELL_H

#include <stdbool.h>
#include <stddef.h>

/* Takes length bytes of a cell (never 0); false stops the cell (a write error). */
typedef bool (*CsvCellPut)(void *ctx, const char *bytes, size_t length);

/* Writes text (NULL counts as "") as one escaped cell through put, in pieces. Returns false as
 * soon as put does (the cell is then incomplete), true otherwise. An empty cell calls put
 * never. */
bool csv_cell_write(const char *text, CsvCellPut put, void *ctx);

/* Escapes text (NULL counts as "") as one cell into out, as snprintf does: at most size - 1
 * bytes and a NUL when size > 0 (out may be NULL when size is 0). Returns the escaped cell's
 * whole length; a result >= size means it was cut. */
size_t csv_cell_escape(const char *text, char *out, size_t size);

#endif
