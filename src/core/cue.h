/* cue.h — the rhythm of the attract loop's call to touch (render/invite.h): which language
 * it speaks (each in turn), how far a change of language has faded, and where its pulse is.
 * Everything is a function of the clock quantised to CUE_FPS steps, so an idle kiosk redraws
 * that small moving part at most CUE_FPS times a second and sleeps in between, and the same
 * moment always looks the same (screenshots, tests). Pure: no I/O, no clock, no libm. */
#ifndef FACTS_CORE_CUE_H
#define FACTS_CORE_CUE_H

#include "core/lang.h"

#include <stdint.h>

enum {
    CUE_FPS = 12,          /* redraws a second, at most */
    CUE_LANG_MS = 2800,    /* each language shows this long, */
    CUE_FADE_MS = 420,     /*   the last part of it fading into the next */
    CUE_PULSE_MS = 1750,   /* one ripple of the pulse */
};

/* The call to touch at one step. */
typedef struct CueFrame {
    uint64_t step;  /* now_ms * CUE_FPS / 1000 */
    Lang lang;      /* the words shown */
    Lang next_lang; /* the words fading in over them, */
    float blend;    /*   at this opacity 0..1 (0 outside a fade) */
    float pulse;    /* 0..1 through the current ripple */
} CueFrame;

/* The cue at now_ms (any monotonic clock: only differences matter across steps). */
CueFrame cue_frame(uint64_t now_ms);

/* The first moment after now_ms whose step differs: when to draw next. */
uint64_t cue_next_ms(uint64_t now_ms);

#endif
