/* app.h — the kiosk program: opens the window, loads the pack, and runs the main loop that
 * feeds input and time to the core (deck, gestures) and hands frames to render/. Also the
 * headless --screenshots mode. Start at app_run(). */
#ifndef FACTS_APP_APP_H
#define FACTS_APP_APP_H

#include "platform/clock.h"
#include "platform/log.h"
#include "platform/options.h"

/* Runs the kiosk until it is told to quit (window closed, SIGTERM). Returns the process
 * exit status: 0 after a normal quit, 1 when it cannot start (no display, no fonts). */
int app_run(const Options *options, Log *log, const ClockStart *start);

/* Renders every slide of every section in every language (plus brand details) to PNG
 * files under options->screenshots without any display, then returns 0, or 1 on failure. */
int app_screenshots(const Options *options, Log *log);

#endif
