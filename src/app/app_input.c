/* app_input.c — SDL events and recognised gestures into deck commands; see app_state.h. */
#define _POSIX_C_SOURCE 200809L
#include "app/app_state.h"

#include "core/hit.h"

static void app_command(App *app, DeckCommand command, uint64_t now_ms)
{
    deck_command(&app->deck, command, now_ms);
}

void app_gesture(App *app, GestureEvent g, uint64_t now_ms)
{
    DeckCommand command = {.kind = DECK_CMD_NONE};
    if (app_members_gesture(app, g, now_ms)) {
        return;
    }
    switch (g.kind) {
    case GESTURE_TAP: {
        size_t count = 0;
        const HitRegion *hits = screen_hits(app->screen, &count);
        if (!hit_test(hits, count, g.x, g.y, &command)) {
            command.kind = DECK_CMD_WAKE;
        }
        break;
    }
    case GESTURE_SWIPE_LEFT:
        command.kind = DECK_CMD_NEXT_PAGE;
        break;
    case GESTURE_SWIPE_RIGHT:
        command.kind = DECK_CMD_PREV_PAGE;
        break;
    case GESTURE_DRAG:
        command = (DeckCommand){.kind = DECK_CMD_DRAG, .arg.drag_px = g.dx};
        break;
    case GESTURE_DRAG_END:
        command.kind = DECK_CMD_DRAG_END;
        break;
    case GESTURE_LONG_PRESS:
    case GESTURE_SWIPE_UP:
    case GESTURE_SWIPE_DOWN:
        command.kind = DECK_CMD_WAKE;
        break;
    case GESTURE_NONE:
        return;
    }
    app_command(app, command, now_ms);
}

void app_input(App *app, const SDL_Event *event, uint64_t now_ms)
{
    InputEvent in = input_translate(event, &app->input, now_ms);
    DeckFrame frame = {0};
    if (app_members_key(app, &in, now_ms)) {
        return;
    }
    switch (in.kind) {
    case INPUT_TOUCH:
        app_gesture(app, gesture_feed(&app->gesture, &in.touch), now_ms);
        return;
    case INPUT_KEY_NEXT:
        app_command(app, (DeckCommand){.kind = DECK_CMD_NEXT_PAGE}, now_ms);
        return;
    case INPUT_KEY_PREV:
        app_command(app, (DeckCommand){.kind = DECK_CMD_PREV_PAGE}, now_ms);
        return;
    case INPUT_KEY_ACTIVATE:
        app_command(app, (DeckCommand){.kind = DECK_CMD_WAKE}, now_ms);
        return;
    case INPUT_KEY_BACK:
    case INPUT_KEY_BACKSPACE:
        deck_frame(&app->deck, now_ms, &frame);
        app_command(app, (DeckCommand){.kind = frame.slide.detail >= 0 ? DECK_CMD_BACK : DECK_CMD_ATTRACT}, now_ms);
        return;
    case INPUT_KEY_SECTION:
        app_command(app, (DeckCommand){.kind = DECK_CMD_GOTO_SECTION, .arg.section = (SectionId)in.section}, now_ms);
        return;
    case INPUT_QUIT:
        app->quit = true;
        return;
    case INPUT_EXPOSED:
        app->redraw = true;
        return;
    case INPUT_TEXT: /* app_members_key() takes text */
    case INPUT_NONE:
        return;
    }
}
