/* slides.h — paints one planned slide (without the chrome) onto the current render
 * target: a dispatch table of templates, one per SlideKind, all laid out from Metrics
 * so they look designed from 720p to 4K, landscape or portrait. The templates share the
 * paint kit (render/kit.h); members and reading pages are units of their own (members.h,
 * story.h). */
#ifndef FACTS_RENDER_SLIDES_H
#define FACTS_RENDER_SLIDES_H

#include "render/paint.h"
#include "render/plan.h"

/* Paints slide of content (as planned by plan) in p->lang; touch targets (brand tiles,
 * back button) are recorded into p->hits when p records them. */
void slides_paint(Painter *p, const Content *content, const SlidePlan *plan, SectionId section,
                  const PlannedSlide *slide);

#endif
