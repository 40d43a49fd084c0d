/* idle_prompt.h — the idle warning ("Still there?") drawn over a dimmed page before the kiosk
 * returns to its attract loop: a question, a countdown as a number in a ring of seconds, and
 * what to do about it, in the page's language. The deck decides when (core/idle.h); any touch
 * answers it. */
#ifndef FACTS_RENDER_IDLE_PROMPT_H
#define FACTS_RENDER_IDLE_PROMPT_H

#include "render/paint.h"

#include <stdint.h>

/* Paints the warning with seconds_left to go onto p's current target, over the whole
 * screen. The ring has one mark per second of a full warning (ring_seconds); seconds_left of
 * them are lit. */
void idle_prompt_paint(Painter *p, uint32_t seconds_left, uint32_t ring_seconds);

#endif
