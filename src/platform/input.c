/* input.c — SDL events → Touch and keys; see input.h. */
#include "platform/input.h"

#include <stdio.h>

void input_to_canvas(const InputSpace *space, float px, float py, float *cx, float *cy)
{
    float w = (float)space->window_w;
    float h = (float)space->window_h;
    switch (space->rotation) {
    case 90: /* canvas is h wide and w tall, turned clockwise */
        *cx = py;
        *cy = w - px;
        break;
    case 180:
        *cx = w - px;
        *cy = h - py;
        break;
    case 270:
        *cx = h - py;
        *cy = px;
        break;
    default:
        *cx = px;
        *cy = py;
        break;
    }
}

static InputEvent touch_event(const InputSpace *space, int32_t id, float px, float py, TouchPhase phase, uint64_t now_ms)
{
    InputEvent out = {.kind = INPUT_TOUCH};
    out.touch.id = id;
    out.touch.phase = phase;
    out.touch.t_ms = now_ms;
    input_to_canvas(space, px, py, &out.touch.x, &out.touch.y);
    return out;
}

static InputEvent key_event(const SDL_KeyboardEvent *key, const InputSpace *space)
{
    InputEvent out = {.kind = INPUT_NONE};
    if (!space->keyboard) {
        return out;
    }
    if (key->keysym.sym == SDLK_BACKSPACE) {
        out.kind = INPUT_KEY_BACKSPACE; /* held down, it keeps deleting */
        return out;
    }
    if (key->repeat) {
        return out;
    }
    switch (key->keysym.sym) {
    case SDLK_RIGHT:
    case SDLK_PAGEDOWN:
        out.kind = INPUT_KEY_NEXT;
        break;
    case SDLK_LEFT:
    case SDLK_PAGEUP:
        out.kind = INPUT_KEY_PREV;
        break;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
    case SDLK_SPACE:
        out.kind = INPUT_KEY_ACTIVATE;
        break;
    case SDLK_ESCAPE:
        out.kind = INPUT_KEY_BACK;
        break;
    default:
        if (key->keysym.sym >= SDLK_1 && key->keysym.sym <= SDLK_6) {
            out.kind = INPUT_KEY_SECTION;
            out.section = key->keysym.sym - SDLK_1;
        }
        break;
    }
    return out;
}

enum { MOUSE_FINGER_ID = -1 };

InputEvent input_translate(const SDL_Event *event, const InputSpace *space, uint64_t now_ms)
{
    InputEvent none = {.kind = INPUT_NONE};
    bool use_mouse = !space->mouse_as_touch;
    switch (event->type) {
    case SDL_QUIT:
        return (InputEvent){.kind = INPUT_QUIT};
    case SDL_WINDOWEVENT:
        return event->window.event == SDL_WINDOWEVENT_EXPOSED ? (InputEvent){.kind = INPUT_EXPOSED} : none;
    case SDL_KEYDOWN:
        return key_event(&event->key, space);
    case SDL_TEXTINPUT: {
        if (!space->keyboard) {
            return none;
        }
        InputEvent text = {.kind = INPUT_TEXT};
        snprintf(text.text, sizeof text.text, "%s", event->text.text);
        return text;
    }
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (!use_mouse || event->button.which == SDL_TOUCH_MOUSEID || event->button.button != SDL_BUTTON_LEFT) {
            return none;
        }
        return touch_event(space, MOUSE_FINGER_ID, (float)event->button.x, (float)event->button.y,
                           event->type == SDL_MOUSEBUTTONDOWN ? TOUCH_DOWN : TOUCH_UP, now_ms);
    case SDL_MOUSEMOTION:
        if (!use_mouse || event->motion.which == SDL_TOUCH_MOUSEID || !(event->motion.state & SDL_BUTTON_LMASK)) {
            return none;
        }
        return touch_event(space, MOUSE_FINGER_ID, (float)event->motion.x, (float)event->motion.y, TOUCH_MOVE, now_ms);
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP: {
        /* Finger coordinates are normalised to the window. */
        TouchPhase phase = event->type == SDL_FINGERDOWN ? TOUCH_DOWN : event->type == SDL_FINGERUP ? TOUCH_UP : TOUCH_MOVE;
        return touch_event(space, (int32_t)event->tfinger.fingerId, event->tfinger.x * (float)space->window_w,
                           event->tfinger.y * (float)space->window_h, phase, now_ms);
    }
    default:
        return none;
    }
}
