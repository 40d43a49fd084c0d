/* event_booth.h — the booth's EVENT section on an event's days: "Find my meetings" (the
 * members search's field and keyboard find a company's public meetings, each with its table,
 * its times and a QR code of it as an iCalendar event) and the day's agenda by room and
 * time. Drawn with the paint kit from the pack, the plan's PlanEvent and its members search
 * (render/plan.h); the lobby's slides are event_slides.h's. */
#ifndef FACTS_RENDER_EVENT_BOOTH_H
#define FACTS_RENDER_EVENT_BOOTH_H

#include "render/paint.h"
#include "render/plan.h"

/* Paints SLIDE_EVENT_FIND: the search field (a tap opens the keyboard), then, while the
 * keyboard is open, the meetings found as rows above it, else as cards each with a QR code
 * large enough for a phone at arm's length (a hint before anything is typed). */
void event_booth_paint_find(Painter *p, const Content *content, const SlidePlan *plan, const PlannedSlide *slide);

/* Paints SLIDE_EVENT_AGENDA: rows slide->first .. of plan_event_agenda(), each room named
 * where its sessions begin on the page, the session running now marked (with a trusted
 * clock). */
void event_booth_paint_agenda(Painter *p, const Content *content, const SlidePlan *plan, const PlannedSlide *slide);

/* The iCalendar text of one meeting as its QR code holds it (core/event_ics.h), in lang:
 * SUMMARY its title, else "Meeting at table N"; LOCATION "Table N, venue". Returns the
 * length, 0 when it does not fit in size. */
size_t event_booth_meeting_ics(const Content *content, const Meeting *meeting, Lang lang, char *out, size_t size);

#endif
