/* event_slides.h — the event of the day's slides for the lobby's attract loop: "Now and
 * next" (the day's agenda without a trusted clock), the meeting board paged like a
 * departures board, and the announcement banner over every slide. Drawn with the paint kit
 * (render/kit.h) from the pack and the plan's PlanEvent (render/plan.h) alone. */
#ifndef FACTS_RENDER_EVENT_SLIDES_H
#define FACTS_RENDER_EVENT_SLIDES_H

#include "render/paint.h"
#include "render/plan.h"

/* Paints SLIDE_EVENT_NOW: the clock, the sessions running and starting within the hour (the
 * next one counting down); without plan->event.now_known the day's agenda, no "now". */
void event_slides_paint_now(Painter *p, const Content *content, const SlidePlan *plan, const PlannedSlide *slide);

/* Paints SLIDE_EVENT_BOARD page slide->first: the clock, the round's status ("Round 3 ·
 * Meetings end in 6 min", "Round 4 starts in 3:12") and the tables of the current round
 * (highlighted) and the next; a private meeting is an occupied table and its time. */
void event_slides_paint_board(Painter *p, const Content *content, const SlidePlan *plan, const PlannedSlide *slide);

/* Paints the announcements showing at plan->event.now as a banner over the slide's body
 * (nothing without an event on or a trusted clock). */
void event_slides_paint_banner(Painter *p, const Content *content, const SlidePlan *plan);

#endif
