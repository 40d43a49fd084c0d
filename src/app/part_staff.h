/* part_staff.h — the staff panel, a part of the running kiosk (part.h; part_staff.c): the
 * hidden gesture is watched on every touch; once it is made, the PIN pad, then the panel, cover
 * the screen and take every touch until closed (a button, or a minute untouched). The panel is
 * a private layer (app_core_set_layer): nothing may photograph or record it. The figures that
 * come from status, visits and leads, and what it does to updates, go through the core. */
#ifndef FACTS_APP_PART_STAFF_H
#define FACTS_APP_PART_STAFF_H

#include "app/part.h"
#include "platform/input.h"
#include "render/staff_panel.h"

#include <stdbool.h>
#include <stdint.h>

/* start: the part's state (closed). tick (awake): closes the panel after a minute untouched,
 * keeps the lock's minutes and the figures current. deadline (awake): the next of those.
 * stop: frees the state. */
extern const Part part_staff;

/* One input event, before the kiosk's own handling: watches for the hidden gesture (and
 * opens the PIN pad when it is made); while the panel is open, takes every touch and key.
 * Returns true when the event was the panel's (the kiosk must not act on it). */
bool part_staff_input(App *app, const InputEvent *in, uint64_t now_ms);

/* While the panel is open: draws it when something changed and presents it; returns true
 * (the kiosk's frame is not drawn). false when it is closed. */
bool part_staff_draw(App *app, uint64_t now_ms);

/* What staff see: true and *page while the panel is open (the PIN pad, the panel, the touch
 * test, the problems of content from a stick) or the bar over a preview shows
 * (STAFF_PAGE_PREVIEW); false when neither does. */
bool part_staff_showing(const App *app, StaffPage *page);

/* While the staff bar shows over a preview of content from a stick (APP_LAYER_STAFF_BAR):
 * draws it over the slides just drawn on the canvas, before the frame is presented. */
void part_staff_draw_bar(App *app);

#endif
