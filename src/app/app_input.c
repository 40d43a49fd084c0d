/* app_input.c — SDL events and recognised gestures into deck commands; see app_state.h. */
#define _POSIX_C_SOURCE 200809L
#include "app/app_state.h"
#include "app/part_leads.h"
#include "app/part_members.h"
#include "app/part_speech.h"
#include "app/part_staff.h"
#include "app/part_status.h"

#include "core/hit.h"

#include <stdlib.h>

/* The touch under way: input's own state, private to this file (app_state.h reaches it through
 * the functions below). */
struct AppTouch {
    Gesture gesture;
    bool pressed;       /* the pressed state is shown (gesture_pressed) */
    bool swallow_touch; /* this touch answered "Still there?": it does nothing else */
};

AppTouch *app_touch_create(void)
{
    return calloc(1, sizeof(AppTouch));
}

void app_touch_destroy(AppTouch *touch)
{
    free(touch);
}

void app_touch_forget(App *app)
{
    int canvas_w, canvas_h;
    app_core_canvas_size(app, &canvas_w, &canvas_h);
    GestureConfig gestures = gesture_config_default(canvas_w, canvas_h);
    gesture_init(&app->touch->gesture, &gestures);
    app->touch->pressed = false;
    app->touch->swallow_touch = false;
}

uint64_t app_touch_deadline_ms(const App *app)
{
    return gesture_next_deadline_ms(&app->touch->gesture);
}

void app_touch_tick(App *app, uint64_t now_ms)
{
    if (now_ms >= gesture_next_deadline_ms(&app->touch->gesture)) {
        app_gesture(app, gesture_tick(&app->touch->gesture, now_ms), now_ms);
    }
}

static void app_command(App *app, DeckCommand command, uint64_t now_ms)
{
    deck_command(app->deck, command, now_ms);
}

/* Shows the pressed state while gesture_pressed() holds, from the frame after touch-down. */
static void app_follow_press(App *app)
{
    float x = 0.0f;
    float y = 0.0f;
    bool pressed = !app->touch->swallow_touch && gesture_pressed(&app->touch->gesture, &x, &y);
    if (pressed != app->touch->pressed) {
        app->touch->pressed = pressed;
        if (screen_set_press(app->screen, pressed, x, y)) {
            app->redraw = true;
        }
    }
}

/* A finger went down. While "Still there?" shows, it answers that and the rest of its touch
 * does nothing, so it cannot also act on what lies under the warning. */
static void app_press(App *app, uint64_t now_ms)
{
    DeckFrame frame = {0};
    deck_frame(app->deck, now_ms, &frame);
    app->touch->swallow_touch = frame.idle_warning;
    if (app->touch->swallow_touch) {
        app_command(app, (DeckCommand){.kind = DECK_CMD_WAKE}, now_ms);
    }
}

void app_gesture(App *app, GestureEvent g, uint64_t now_ms)
{
    if (g.kind == GESTURE_PRESS) {
        app_press(app, now_ms);
    }
    app_follow_press(app);
    if (g.kind == GESTURE_PRESS || (app->touch->swallow_touch && g.kind != GESTURE_NONE)) {
        return;
    }
    DeckCommand command = {.kind = DECK_CMD_NONE};
    if (part_leads_gesture(app, g, now_ms) || part_members_gesture(app, g, now_ms)) {
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
    case GESTURE_SCROLL:
        command = (DeckCommand){.kind = DECK_CMD_SCROLL, .arg.drag_px = g.dy};
        break;
    case GESTURE_SCROLL_END:
    case GESTURE_SWIPE_UP:
    case GESTURE_SWIPE_DOWN:
        /* Lets a scrolled page glide on; elsewhere it only wakes the kiosk. */
        command.kind = DECK_CMD_SCROLL_END;
        break;
    case GESTURE_LONG_PRESS:
        command.kind = DECK_CMD_WAKE;
        break;
    case GESTURE_NONE:
    case GESTURE_PRESS:
        return;
    }
    if (part_leads_take(app, command, now_ms)) {
        return;
    }
    app_command(app, command, now_ms);
    if (command.kind == DECK_CMD_READ_ALOUD) {
        part_speech_read_aloud(app, now_ms);
    }
}

void app_input(App *app, const SDL_Event *event, uint64_t now_ms)
{
    if (app_parts_input(app, event, now_ms)) {
        return; /* asleep, or the touch that woke it */
    }
    InputEvent in = input_translate(event, app->input, now_ms);
    DeckFrame frame = {0};
    if (part_staff_input(app, &in, now_ms)) {
        return; /* the staff panel's */
    }
    if (in.kind != INPUT_NONE && in.kind != INPUT_QUIT && in.kind != INPUT_EXPOSED) {
        part_status_touched(app, now_ms); /* for the status report's last_touch */
    }
    if (part_leads_key(app, &in, now_ms) || part_members_key(app, &in, now_ms)) {
        return;
    }
    switch (in.kind) {
    case INPUT_TOUCH:
        if (in.touch.phase == TOUCH_DOWN) {
            part_speech_touch_down(app);
        }
        app_gesture(app, gesture_feed(&app->touch->gesture, &in.touch), now_ms);
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
        deck_frame(app->deck, now_ms, &frame);
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
    case INPUT_TEXT: /* part_members_key() takes text */
    case INPUT_NONE:
        return;
    }
}
