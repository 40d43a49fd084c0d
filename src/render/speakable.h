/* speakable.h — what "read aloud" says for a slide: its title, then its texts in the order the
 * slide shows them (a member's page: name, kind, description; list pages: each item), in one
 * language, as plain sentences a speech engine pauses between. Only the pack's words and the
 * slide's own headings: nothing from the chrome (Back, language names, section bar, hints)
 * and no addresses a listener cannot use (web, e-mail). No SDL: tested directly. */
#ifndef FACTS_RENDER_SPEAKABLE_H
#define FACTS_RENDER_SPEAKABLE_H

#include "content/content.h"
#include "core/deck.h"
#include "render/plan.h"

/* The text of slide ref of content (as planned by plan) in lang: newly malloc'd UTF-8 the
 * caller frees; "" (allocated) for a ref the plan does not have; NULL when out of memory.
 * Each title, item and text is one sentence (a full stop is added where it has none). */
char *speakable_text(const Content *content, const SlidePlan *plan, SlideRef ref, Lang lang);

#endif
