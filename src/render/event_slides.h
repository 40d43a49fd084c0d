/* event_slides.h — the event of the day's slides for the lobby's attract loop: "Now and
 * next" (the day's agenda without a trusted clock), the meeting board paged like a
 * departures board, and the announcement banner over every slide. Drawn with the paint kit
 * (render/kit.h) from the pack and the plan's PlanEvent (render/plan.h) alone. */
#ifndef FACTS_RENDER_EVENT_SLIDES_H
#define FACTS_RENDER_EVENT_SLIDES_H

#include "render/paint.h"
#include "render/plan.h"

#include <stdint.h>

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

/* Keeping the event slides up to date each second costs little: a slide painted at one
 * instant is right at another of the same look (below) but for a few areas that count with
 * the clock, which event_slides_paint_ticks() paints again alone. */
enum { EVENT_SLIDES_MAX_TICKS = 2 };

/* What the event slides show at plan->event.now, but for the areas that count with the clock
 * (the clock, "Starts in 4:12", "Round 4 starts in 3:12", "Meetings end in 6 min"), as a
 * number: the event, the trusted clock, the announcement over the slides, the sessions on
 * now and next and the one counting down, the round on or next and the board's meetings.
 * Equal at two instants: the slides differ only in those areas. 0 without an event on. */
uint64_t event_slides_look(const Content *content, const SlidePlan *plan);

/* Paints again, over an event slide (SLIDE_EVENT_NOW or SLIDE_EVENT_BOARD) painted at another
 * instant of the same look, only the areas that count with the clock at plan->event.now: the
 * status band (the clock, a round's countdown) and on now and next the row counting down,
 * each cleared to the background and clipped to itself. Puts their rectangles in areas and
 * returns how many (0: nothing counts, e.g. another kind of slide or no trusted clock). */
int event_slides_paint_ticks(Painter *p, const Content *content, const SlidePlan *plan, const PlannedSlide *slide,
                             SDL_Rect areas[EVENT_SLIDES_MAX_TICKS]);

#endif
