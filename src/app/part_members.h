/* part_members.h — the members directory, a part of the running kiosk (part.h;
 * part_members.c). The deck holds the filter, the search and the keyboard; this part keeps the
 * slide plan's MEMBERS pages on them, turns a drag along the page indicator into page jumps,
 * lets a physical keyboard type into the search, and logs what a visitor did there. */
#ifndef FACTS_APP_PART_MEMBERS_H
#define FACTS_APP_PART_MEMBERS_H

#include "app/part.h"
#include "core/gesture.h"
#include "platform/input.h"

#include <stdbool.h>
#include <stdint.h>

/* tick (awake): keeps the plan's MEMBERS pages on the deck's filter, search and language
 * (before drawing). drawn: logs the touch targets of the frame on screen when they change
 * (debug level: tests and staff see where each key, letter and tile is). */
extern const Part part_members;

/* A drag along the page indicator turns pages instead of sliding them; true when taken. */
bool part_members_gesture(App *app, GestureEvent g, uint64_t now_ms);
/* A physical keyboard on the members pages types into the search; true when taken. */
bool part_members_key(App *app, const InputEvent *in, uint64_t now_ms);

#endif
