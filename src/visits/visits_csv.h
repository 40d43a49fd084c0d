/* visits_csv.h — one day of visitor statistics as a CSV file for a spreadsheet.
 *
 * UTF-8 with a byte-order mark (so Excel reads Cyrillic titles right), comma-separated,
 * CRLF line ends, RFC 4180 quoting of cells with a comma or a semicolon (Excel with Serbian
 * settings splits on `;`), as core/csv_cell.h escapes them; a text cell that a spreadsheet
 * would take for a formula (starting with = + - @) gets a leading apostrophe. Columns:
 *
 *   kiosk,date,session,time,record,language,seconds,section,id,title
 *
 * one `session` row per session (time it began, its length in seconds, the language it
 * ended in), followed by its `page`, `member`, `story` and `text` rows (when each appeared,
 * its time on screen) and its `search`, `read_aloud` and `lead` rows; events outside any
 * session come last with an empty session number. Sessions are numbered 1.. within the day. */
#ifndef FACTS_VISITS_VISITS_CSV_H
#define FACTS_VISITS_VISITS_CSV_H

#include "visits/visits_db.h"
#include "visits/visits_time.h"

#include <stdbool.h>
#include <stdio.h>

/* Writes day ("YYYY-MM-DD") of db as CSV to out. False when a query or a write failed. */
bool visits_csv_write_day(sqlite3 *db, const char *day, const char *kiosk_id, FILE *out);

/* Calls each(ctx, day) for every day with statistics, oldest first; stops early (and
 * returns false) when each returns false. False also when the query fails. */
bool visits_csv_each_day(sqlite3 *db, bool (*each)(void *ctx, const char *day), void *ctx);

#endif
