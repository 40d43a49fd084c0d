/* staff_import.h — the staff panel's side of content taken at the kiosk (issue 17), a
 * file of the staff panel's part (part_staff.c drives it): the "Copy content to stick" and
 * "Take content from stick" buttons, the import's result followed (the problems page, or the
 * preview), the problems list that scrolls, and the staff bar over the preview ("Preview —
 * Install · Discard", a private layer: APP_LAYER_STAFF_BAR) that closes with Discard after
 * STAFF_IDLE_MS untouched. The work itself (the build, the store) is the updates part's,
 * reached through the core (app_core_import_*). */
#ifndef FACTS_APP_STAFF_IMPORT_H
#define FACTS_APP_STAFF_IMPORT_H

#include "app/app_core.h"
#include "render/staff_panel.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
    STAFF_IDLE_MS = 60000, /* the panel, and the preview's bar, close by themselves after this long untouched */
};

/* The import's side of the panel, private to staff_import.c; destroying NULL is a no-op. */
typedef struct StaffImport StaffImport;
StaffImport *staff_import_create(void);
void staff_import_destroy(StaffImport *im);

/* The panel's buttons: start the copy to the stick, or the import from it, in lang. Writes the
 * panel's line into message: what runs, or why nothing does (and then returns false). */
bool staff_import_copy(App *app, StaffImport *im, Lang lang, uint64_t now_ms, char *message, size_t size);
bool staff_import_take(App *app, StaffImport *im, Lang lang, uint64_t now_ms, char *message, size_t size);

/* What the panel does after staff_import_follow() looked at the import. */
typedef enum StaffImportTurn {
    STAFF_IMPORT_NOTHING,
    STAFF_IMPORT_REDRAW,   /* the progress moved: draw the panel again */
    STAFF_IMPORT_MESSAGE,  /* a copy ended: its line (and whether it is a problem) for the panel */
    STAFF_IMPORT_PROBLEMS, /* the import failed: show the problems page */
    STAFF_IMPORT_PREVIEW,  /* the import built: close the panel, then staff_import_preview_open() */
} StaffImportTurn;

/* Looks at the import (every tick). The result of an import started here waits until the
 * panel is open on its main page (on_panel: after the PIN): then the problems or the preview;
 * while the panel is closed an overlay says the result is there. Installs and copies end in an
 * overlay (a copy's with the panel open: a message). */
StaffImportTurn staff_import_follow(App *app, StaffImport *im, bool panel_open, bool on_panel, uint64_t now_ms,
                                         char *message, size_t size, bool *problem);

/* A copy, an import or an install runs (the panel stays open while it does). */
bool staff_import_busy(const App *app);

/* Opens the preview of the import's candidate under the staff bar (the panel closed just
 * before); when it cannot, the candidate is discarded and an overlay says so. */
void staff_import_preview_open(App *app, StaffImport *im, uint64_t now_ms);
bool staff_import_previewing(const StaffImport *im);

/* While the bar shows: a touch on the bar is the bar's (true); any other input passes on to
 * browse the preview (false) and keeps the bar open. false when no bar shows. */
bool staff_import_input(App *app, StaffImport *im, const InputEvent *in, uint64_t now_ms);

/* Draws the bar over the slides just drawn on the canvas (no present), when it shows. */
void staff_import_draw_bar(App *app, StaffImport *im);

/* The problems page: the list back at its top; a touch that scrolls it (true: taken; on_button:
 * it is on a button, which the panel handles). */
void staff_import_problems_reset(App *app, StaffImport *im, uint64_t now_ms);
bool staff_import_problems_touch(App *app, StaffImport *im, const Touch *t, bool on_button, uint64_t now_ms);

/* What the panel's view shows of the import: the buttons or why they are missing, the
 * progress, the problems and how far they are scrolled. */
void staff_import_fill_view(App *app, const StaffImport *im, StaffView *view);

/* Every tick: closes the bar after STAFF_IDLE_MS untouched (Discard), or when the core ended
 * the preview (new live content); moves a gliding problems list. Returns true when the list
 * moved (draw the panel again). */
bool staff_import_tick(App *app, StaffImport *im, uint64_t now_ms);

/* When the tick must run next (UINT64_MAX: not before an event). */
uint64_t staff_import_deadline(const App *app, const StaffImport *im, uint64_t now_ms);

#endif
