/* idle.h — when an unattended interactive kiosk warns and when it gives up: after a
 * timeout without a touch it returns to the attract loop, and for the last stretch before
 * that it asks "Still there?" with a countdown in whole seconds. The deck keeps the time of
 * the last touch and asks here; times come in as arguments. Pure: no I/O, no clock. */
#ifndef FACTS_CORE_IDLE_H
#define FACTS_CORE_IDLE_H

#include <stdbool.h>
#include <stdint.h>

/* Where an idle stretch stands. */
typedef struct IdlePhase {
    bool warning;          /* the warning shows (the last warning_ms before the timeout) */
    bool expired;          /* the timeout has passed: back to the attract loop */
    uint32_t seconds_left; /* while warning: whole seconds to the timeout, rounded up
                              (10, 9, … 1); 0 otherwise */
} IdlePhase;

/* How long the warning shows before a timeout of timeout_ms: warning_ms, but at most half
 * the timeout, so a short timeout still leaves time to read before it is interrupted. */
uint32_t idle_warning_span_ms(uint32_t timeout_ms, uint32_t warning_ms);

/* The phase at now_ms of an idle stretch that began at last_input_ms. A now before the
 * last input counts as no time passed. Never fails. */
IdlePhase idle_phase(uint64_t last_input_ms, uint32_t timeout_ms, uint32_t warning_ms, uint64_t now_ms);

/* The next moment the phase changes after now_ms (the warning appears, the countdown
 * ticks, the timeout passes), so a sleeping caller wakes only then; now_ms itself once
 * expired. */
uint64_t idle_next_change_ms(uint64_t last_input_ms, uint32_t timeout_ms, uint32_t warning_ms, uint64_t now_ms);

#endif
