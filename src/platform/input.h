/* input.h — translates SDL events into what the core understands: Touch values in the
 * kiosk's own (possibly rotated) pixel space, and a few keys. No recognition happens
 * here: taps and swipes are the gesture recogniser's job (core/gesture.h).
 *
 * A mouse works like a finger. Touch screens also make SDL send synthetic mouse events;
 * those are dropped so one finger is one touch. With SDL_MOUSE_TOUCH_EVENTS=1 SDL turns
 * the mouse into touch events itself; the mouse events are then dropped instead. */
#ifndef FACTS_PLATFORM_INPUT_H
#define FACTS_PLATFORM_INPUT_H

#include "core/gesture.h"

#include <SDL2/SDL.h>
#include <stdbool.h>
#include <stdint.h>

typedef enum InputKind {
    INPUT_NONE = 0,
    INPUT_TOUCH,
    INPUT_KEY_NEXT,     /* right arrow, page down */
    INPUT_KEY_PREV,     /* left arrow, page up */
    INPUT_KEY_ACTIVATE, /* Enter, space */
    INPUT_KEY_BACK,     /* Escape */
    INPUT_KEY_BACKSPACE, /* Backspace (repeats while held): deletes while typing, else like BACK */
    INPUT_TEXT,         /* text typed on a physical keyboard (windowed mode): InputEvent.text */
    INPUT_KEY_SECTION,  /* 1..6: section (6: the booth's Event, on an event's days) */
    INPUT_QUIT,         /* SDL_QUIT (window closed, SIGTERM, SIGINT) */
    INPUT_EXPOSED,      /* the window needs a redraw */
} InputKind;

enum { INPUT_TEXT_MAX = 32 }; /* bytes, as SDL delivers text */

typedef struct InputEvent {
    InputKind kind;
    Touch touch;   /* INPUT_TOUCH */
    int section;   /* INPUT_KEY_SECTION: 0..5 */
    char text[INPUT_TEXT_MAX]; /* INPUT_TEXT: UTF-8 as SDL gives it (it checks nothing), NUL-terminated */
} InputEvent;

/* Where input lands: the physical window size and the rotation (0, 90, 180, 270
 * degrees clockwise) with which the kiosk's canvas is shown on it. */
typedef struct InputSpace {
    int window_w, window_h;
    int rotation;
    bool keyboard;       /* windowed mode: keys navigate */
    bool mouse_as_touch; /* SDL makes touch events from the mouse: drop mouse events */
} InputSpace;

/* Translates one SDL event received at now_ms. Never fails: anything not understood is
 * INPUT_NONE. */
InputEvent input_translate(const SDL_Event *event, const InputSpace *space, uint64_t now_ms);

/* Maps a physical window point to the rotated canvas. */
void input_to_canvas(const InputSpace *space, float px, float py, float *cx, float *cy);

#endif
