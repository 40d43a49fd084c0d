/* report.h — the result of an attempt, written to the stick as
 * facts-kiosk/update-report.txt so that a kiosk without touch (a lobby
 * display) still tells staff what happened. Best effort: a read-only stick
 * just gets no report. */
#ifndef FACTS_UPDATE_REPORT_H
#define FACTS_UPDATE_REPORT_H

#include <stdbool.h>
#include <stddef.h>

/* Writes text (len bytes, the report update.c made of an attempt's result) as
 * update-report.txt into the facts-kiosk folder pack_dir_fd (opened
 * with fsio_open_dir(), so a folder swapped for a symlink cannot redirect
 * it), replacing an older one; refuses to follow a symlink or write to
 * anything but a regular file (fsio_open_regular). Used for attempts
 * (update_run) and for folders that were found but not used (update_ignore).
 * Returns false if it could not be written; callers ignore that. */
bool report_write(int pack_dir_fd, const char *text, size_t len);

#endif
