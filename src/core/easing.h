/* easing.h — easing curves for transitions: a linear fraction of elapsed time
 * goes in, an eased fraction comes out. Start with easing_progress() to turn
 * a start time and a duration into a fraction. Pure: no I/O, no clock, no libm. */
#ifndef FACTS_CORE_EASING_H
#define FACTS_CORE_EASING_H

#include <stdint.h>

/* Linear fraction of a span: (now - start) / duration, clamped to 0..1.
 * A zero duration counts as already finished (1); a now before start as 0.
 * Never fails. */
float easing_progress(uint64_t start_ms, uint64_t duration_ms, uint64_t now_ms);

/* Identity on 0..1; t outside 0..1 (or NaN) is clamped first (NaN gives 0). */
float easing_linear(float t);

/* Cubic ease-in-out: slow start, fast middle, slow end; f(0)=0, f(0.5)=0.5,
 * f(1)=1, monotonic. t is clamped to 0..1 first (NaN gives 0). */
float easing_in_out_cubic(float t);

/* Cubic ease-out: fast start, gentle landing (for things that follow a finger
 * and then settle). t is clamped to 0..1 first (NaN gives 0). */
float easing_out_cubic(float t);

#endif
