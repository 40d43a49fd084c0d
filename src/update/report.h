/* report.h — the result of an attempt, written to the stick as
 * facts-kiosk/update-report.txt so that a kiosk without touch (a lobby
 * display) still tells staff what happened. Best effort: a read-only stick
 * just gets no report. */
#ifndef FACTS_UPDATE_REPORT_H
#define FACTS_UPDATE_REPORT_H

#include <stdbool.h>

#include "update/update.h"

/* Writes pack_dir/update-report.txt (replacing an older one; refuses to
 * follow a symlink or write to anything but a regular file). Returns false if
 * it could not be written; callers ignore that. */
bool report_write(const char *pack_dir, const UpdateResult *result);

#endif
