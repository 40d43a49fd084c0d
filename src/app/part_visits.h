/* part_visits.h — anonymous visitor statistics, a part of the running kiosk (part.h;
 * part_visits.c; src/visits does the recording). Sessions, page views and searches are read
 * off what the deck shows; a stick gets the statistics from an export thread of its own. */
#ifndef FACTS_APP_PART_VISITS_H
#define FACTS_APP_PART_VISITS_H

#include "app/part.h"
#include "update/watch.h"

#include <stdbool.h>
#include <stdint.h>

/* start: the part's state only (statistics off until part_visits_open). tick (always, asleep
 * too): sessions, page views and flushes from what the deck shows; joins a finished stick
 * export. stop: ends the session, waits for an export, flushes and closes. */
extern const Part part_visits;

/* Opens the statistics database in the state directory (booth profile; logged when it
 * cannot). After the first frame: creating it costs a dozen fsyncs. */
void part_visits_open(App *app);
/* One read-aloud use or lead left, for the statistics (counts only). */
void part_visits_read_aloud(App *app, uint64_t now_ms);
void part_visits_lead_left(App *app, uint64_t now_ms);
/* A stick was seen (usable or not): its facts-kiosk folder gets stats/ from a thread. */
void part_visits_stick(App *app, const WatchFound *found, uint64_t now_ms);
/* The staff panel's "export now": the stick last written to, when it is still there, gets
 * the statistics up to now. False when there is no such stick or no statistics. */
bool part_visits_export_now(App *app, uint64_t now_ms);

#endif
