/* part_updates.h — updates, a part of the running kiosk (part.h; part_updates.c): the updater
 * and its worker, the look for sticks and, when due, the poll of the update URL, one attempt at
 * a time in the worker; its progress and result on the overlay. */
#ifndef FACTS_APP_PART_UPDATES_H
#define FACTS_APP_PART_UPDATES_H

#include "app/app_core.h"
#include "app/part.h"
#include "update/update.h"

#include <stdbool.h>
#include <stdint.h>

/* start: the updater and its worker, or none (logged) when the state directory cannot be used;
 * an update must be newer than the bundled pack (app_core_bundled_version). stop: stops and
 * joins an update in progress, then the updater. */
extern const Part part_updates;

/* Every loop turn (app.c, after the store was followed): looks for sticks and polls the update
 * URL when due (a stick first), runs one attempt at a time in the worker (a stick stops a URL
 * poll), shows progress and result. */
void part_updates_poll(App *app, uint64_t now_ms);
/* When part_updates_poll() must run next (UINT64_MAX: updates are off): soon while updating
 * (the progress bar moves), else at the next look for a stick. */
uint64_t part_updates_deadline(const App *app, bool updating, uint64_t now_ms);
/* The updater (NULL: updates are off); the worker owns it while part_updates_busy(). */
Updater *part_updates_updater(const App *app);
bool part_updates_busy(const App *app);

/* Content taken at the kiosk: what app_core.h's app_core_import_* and
 * app_core_content_copy_start / app_core_staff_import_enabled pass on to (see there). The
 * build and the install run in the update worker; part_updates_poll() takes their ends. */
bool part_updates_import_start(App *app, Lang lang, uint64_t now_ms);
AppImportState part_updates_import_state(const App *app);
const char *part_updates_import_message(const App *app);
size_t part_updates_import_problems(const App *app, const char *const **lines);
Content *part_updates_import_candidate(App *app);
bool part_updates_import_install(App *app, uint64_t now_ms);
void part_updates_import_discard(App *app);
bool part_updates_content_copy_start(App *app, Lang lang, uint64_t now_ms);
bool part_updates_staff_import_enabled(const App *app);

#endif
