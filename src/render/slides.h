/* slides.h — paints one planned slide (without the chrome) onto the current render
 * target: a dispatch table of templates, one per SlideKind, all laid out from Metrics
 * so they look designed from 720p to 4K, landscape or portrait. */
#ifndef FACTS_RENDER_SLIDES_H
#define FACTS_RENDER_SLIDES_H

#include "render/paint.h"
#include "render/plan.h"

/* Paints slide of content (as planned by plan) in p->lang; touch targets (brand tiles,
 * back button) are recorded into p->hits when p records them. */
void slides_paint(Painter *p, const Content *content, const SlidePlan *plan, SectionId section,
                  const PlannedSlide *slide);

/* The heading of a section, in lang ("Success stories"). */
const char *slides_section_title(SectionId section, Lang lang);

/* The header every slide has: a small eyebrow line above a title of up to two lines, in
 * Metrics.header (templates in other files use it too); beside Back on a detail slide. */
void slides_header(Painter *p, const PlannedSlide *slide, const char *eyebrow, const char *title);

/* A small rounded label at (x, y), Metrics.size_small * 3 / 2 high; returns its width. */
int slides_chip(Painter *p, const char *text, int x, int y, SDL_Color fill, SDL_Color ink);

#endif
