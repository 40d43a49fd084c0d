/* idle.c — idle warning and timeout; see idle.h. */
#include "core/idle.h"

enum { MS_PER_SECOND = 1000 };

uint32_t idle_warning_span_ms(uint32_t timeout_ms, uint32_t warning_ms)
{
    uint32_t half = timeout_ms / 2;
    return warning_ms < half ? warning_ms : half;
}

IdlePhase idle_phase(uint64_t last_input_ms, uint32_t timeout_ms, uint32_t warning_ms, uint64_t now_ms)
{
    IdlePhase phase = {0};
    uint64_t elapsed = now_ms > last_input_ms ? now_ms - last_input_ms : 0;
    if (elapsed >= timeout_ms) {
        phase.expired = true;
        return phase;
    }
    uint64_t left = timeout_ms - elapsed;
    if (left <= idle_warning_span_ms(timeout_ms, warning_ms)) {
        phase.warning = true;
        phase.seconds_left = (uint32_t)((left + MS_PER_SECOND - 1) / MS_PER_SECOND);
    }
    return phase;
}

uint64_t idle_next_change_ms(uint64_t last_input_ms, uint32_t timeout_ms, uint32_t warning_ms, uint64_t now_ms)
{
    uint64_t expiry = last_input_ms + timeout_ms;
    if (now_ms >= expiry) {
        return now_ms;
    }
    uint64_t warning_at = expiry - idle_warning_span_ms(timeout_ms, warning_ms);
    if (now_ms < warning_at) {
        return warning_at;
    }
    /* The countdown shows ceil(left / 1 s): it drops when left crosses a whole second. */
    uint64_t left = expiry - now_ms;
    uint64_t step = (left - 1) / MS_PER_SECOND * MS_PER_SECOND;
    return expiry - step;
}
