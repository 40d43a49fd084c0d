/* cue.c — the call to touch's rhythm; see cue.h. */
#include "core/cue.h"

enum { MS_PER_SECOND = 1000 };

static uint64_t cue_step(uint64_t now_ms)
{
    return now_ms * CUE_FPS / MS_PER_SECOND;
}

/* The first millisecond of a step. */
static uint64_t step_start_ms(uint64_t step)
{
    return (step * MS_PER_SECOND + CUE_FPS - 1) / CUE_FPS;
}

CueFrame cue_frame(uint64_t now_ms)
{
    CueFrame cue = {0};
    cue.step = cue_step(now_ms);
    uint64_t t = step_start_ms(cue.step); /* every moment of a step looks the same */
    uint64_t turn = t / CUE_LANG_MS;
    uint64_t into = t % CUE_LANG_MS;
    cue.lang = (Lang)(turn % LANG_COUNT);
    cue.next_lang = (Lang)((turn + 1) % LANG_COUNT);
    uint64_t fade_from = CUE_LANG_MS - CUE_FADE_MS;
    cue.blend = into >= fade_from ? (float)(into - fade_from) / (float)CUE_FADE_MS : 0.0f;
    cue.pulse = (float)(t % CUE_PULSE_MS) / (float)CUE_PULSE_MS;
    return cue;
}

uint64_t cue_next_ms(uint64_t now_ms)
{
    return step_start_ms(cue_step(now_ms) + 1);
}
