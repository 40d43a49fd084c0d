/* spring.h — how a page answers a finger at its limits: rubber-band resistance while it is
 * pushed past the end of what there is to show, and the spring that brings it back to rest
 * when the finger lets go (or, without a finger, a short push-and-return: a bounce).
 * The deck uses it for page drags; anything that moves with a finger may. Offsets are
 * pixels along one axis, times come in as arguments. Pure: no I/O, no clock, no libm. */
#ifndef FACTS_CORE_SPRING_H
#define FACTS_CORE_SPRING_H

#include <stdbool.h>
#include <stdint.h>

/* A spring-back in flight: from from_px (where the finger let go) to rest at 0, plus a
 * bump that peaks at kick_px half way (a bounce nobody dragged). Plain data; a zeroed
 * Spring is at rest. */
typedef struct Spring {
    bool active;
    float from_px;
    float kick_px;
    uint64_t start_ms;
    uint32_t duration_ms;
} Spring;

/* The offset to show for a finger that pushed push_px past an edge: it follows the finger
 * at first and resists more the further it goes, never reaching limit_px (half of it at a
 * push of limit_px). limit_px <= 0 gives 0 (no movement at all); a non-finite push gives 0. */
float spring_resist(float push_px, float limit_px);

/* A spring starting at now_ms. duration_ms 0, or nothing to move (from and kick both 0),
 * gives a Spring at rest. Non-finite offsets count as 0. */
Spring spring_launch(float from_px, float kick_px, uint64_t now_ms, uint32_t duration_ms);

/* True from start_ms until start_ms + duration_ms (exclusive). */
bool spring_running(const Spring *spring, uint64_t now_ms);

/* The offset at now_ms: from_px eased out to 0, plus kick_px * 4t(1 - t); exactly 0 once
 * the spring has finished (and for one at rest), from_px before it starts. */
float spring_offset(const Spring *spring, uint64_t now_ms);

/* When it comes to rest (start_ms for one at rest). */
uint64_t spring_end_ms(const Spring *spring);

#endif
