/* timeline.h — the cooperation timeline's slide (SLIDE_TIMELINE): one period of the pack's
 * dated programmes and stories (render/plan.h gathers them, core/timeline.h reads their years
 * and makes the periods). Landscape: a horizontal axis of years, each item a dot (one year),
 * a bar (a range) or dots on a thin line (a list of years) with its name beside it, in rows
 * above and below the axis that never overlap. Portrait: a vertical axis, the items one under
 * another in time order beside it, each year named where its first item is, ranges as bars
 * along the axis. Programmes in the accent colour, stories in the text colour. */
#ifndef FACTS_RENDER_TIMELINE_H
#define FACTS_RENDER_TIMELINE_H

#include "render/paint.h"
#include "render/plan.h"

/* Paints period slide->first of plan->timeline (nothing past the last period). */
void timeline_paint(Painter *p, const Content *content, const SlidePlan *plan, const PlannedSlide *slide);

/* The title of period `period` in lang ("Timeline 2010–2012", "Timeline 2013"), into out. */
void timeline_title(const SlidePlan *plan, int period, Lang lang, char *out, size_t size);

#endif
