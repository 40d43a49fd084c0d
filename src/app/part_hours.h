/* part_hours.h — opening hours, a part of the running kiosk (part.h; part_hours.c). Outside the
 * hours of [schedule] the display sleeps (app_core_asleep): one black frame, the monitor off
 * where possible; at opening, or at a touch in the booth, it wakes on the attract loop. */
#ifndef FACTS_APP_PART_HOURS_H
#define FACTS_APP_PART_HOURS_H

#include "app/part.h"
#include "app/status.h"

/* start: reads [schedule] (a bad value: logged, always open) and the wall clock (--fake-clock).
 * tick (first in a loop turn): at closing (or when a touch's wake time ends) the display sleeps;
 * at opening or a booth touch it wakes on the attract loop. Does nothing before the first frame.
 * deadline: the next change (asleep too). input: an event while asleep, or during the touch
 * that woke the kiosk, is used up here; a touch while woken outside the hours starts the wake
 * time again and is passed on. stop: the monitor back on (not a TV in standby: screen_power.h). */
extern const Part part_hours;

/* The screen's power as the part left it, for status.json and the staff panel: on and no
 * method before the first sleep (also before the part started). */
void part_hours_display(const App *app, StatusDisplay *out);

#endif
