/* visits_export.h — visitor statistics onto a stick staff plugged in.
 *
 * Into the stick's facts-kiosk folder, folder stats/ (made when missing):
 *   <kiosk-id>-<YYYY-MM-DD>.csv   one per day with statistics (visits_csv.h)
 *   report.html                   the one-page report of every day kept (visits_report.h)
 * Each file is written whole through a temporary file. A day's CSV already on the stick is
 * left as it is unless it is the newest day (still growing), so a stick that comes back
 * daily gets one day's file rewritten, not ninety. The kiosk id is cut to letters, digits,
 * '.', '_' and '-' for the file names. Runs off the render loop (the update worker): it
 * opens its own read-only connection. */
#ifndef FACTS_VISITS_VISITS_EXPORT_H
#define FACTS_VISITS_VISITS_EXPORT_H

#include "visits/visits_db.h"

#include <stddef.h>

#define VISITS_EXPORT_DIR "stats"
#define VISITS_REPORT_NAME "report.html"

typedef struct VisitsExportResult {
    size_t days;         /* days with statistics */
    size_t days_written; /* CSV files written this time */
} VisitsExportResult;

/* Exports db_path's statistics into kiosk_dir/stats/ (kiosk_dir: the stick's facts-kiosk
 * folder). No database yet: only a report saying so. VISITS_ERR_IO (why says which file)
 * when the folder or a file cannot be written; files written before the failure stay. */
VisitsStatus visits_export(const char *db_path, const char *kiosk_dir, const char *kiosk_id,
                           VisitsExportResult *result, char *why, size_t why_size);

/* kiosk_id as a file name part ("hall-a/left" → "hall-a_left"; "" → "kiosk"). */
void visits_export_file_id(const char *kiosk_id, char *out, size_t out_size);

#endif
