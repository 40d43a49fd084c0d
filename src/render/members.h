/* members.h — the MEMBERS slides: a page of member tiles with the tools to find one among
 * hundreds (a search field and its on-screen keyboard, chips by kind, an A–Z index of the
 * letters present, a page indicator to tap or drag, the count and "page N of M"), and a
 * member's own page. Small packs (one page of everyone) get the tiles alone.
 * Every tile shows its brand mark (logo, or a monogram from core/monogram.h), the name
 * (shrunk no smaller than 2.5 % of the screen height, then two lines, then "…") and the
 * kind beneath it. What is on a page comes from the plan's members view (plan.h). */
#ifndef FACTS_RENDER_MEMBERS_H
#define FACTS_RENDER_MEMBERS_H

#include "render/paint.h"
#include "render/plan.h"

/* Paints MEMBERS page slide (a SLIDE_MEMBERS of plan) and records its touch targets. */
void members_paint_page(Painter *p, const Content *content, const SlidePlan *plan, const PlannedSlide *slide);

/* Paints a member's page (a SLIDE_MEMBER_DETAIL): mark, kind, description, website QR code. */
void members_paint_detail(Painter *p, const Content *content, const SlidePlan *plan, const PlannedSlide *slide);

#endif
