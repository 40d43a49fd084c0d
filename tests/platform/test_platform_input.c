/* Input translation: a mouse is a finger, synthetic mouse events from a touch screen are
 * dropped (one finger = one touch), finger coordinates are scaled to the window, every
 * rotation maps the physical point onto the turned canvas, and keys navigate only in a
 * window (in full screen a visitor's keyboard does nothing). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include "platform/input.h"

static InputEvent mouse_down(const InputSpace *space, int x, int y, Uint32 which)
{
    SDL_Event event = {0};
    event.type = SDL_MOUSEBUTTONDOWN;
    event.button.button = SDL_BUTTON_LEFT;
    event.button.which = which;
    event.button.x = x;
    event.button.y = y;
    return input_translate(&event, space, 500);
}

static void test_mouse_is_a_finger(void **state)
{
    (void)state;
    InputSpace space = {.window_w = 1920, .window_h = 1080};
    InputEvent in = mouse_down(&space, 100, 200, 0);
    assert_int_equal(in.kind, INPUT_TOUCH);
    assert_int_equal(in.touch.phase, TOUCH_DOWN);
    assert_float_equal(in.touch.x, 100.0f, 1e-3);
    assert_float_equal(in.touch.y, 200.0f, 1e-3);
    assert_int_equal(in.touch.t_ms, 500);
    /* The mouse SDL makes from a finger is not a second finger. */
    assert_int_equal(mouse_down(&space, 100, 200, SDL_TOUCH_MOUSEID).kind, INPUT_NONE);
    /* With SDL_MOUSE_TOUCH_EVENTS the mouse arrives as touch: drop the mouse events. */
    space.mouse_as_touch = true;
    assert_int_equal(mouse_down(&space, 100, 200, 0).kind, INPUT_NONE);
}

static void test_fingers_scaled_to_window(void **state)
{
    (void)state;
    InputSpace space = {.window_w = 1280, .window_h = 720};
    SDL_Event event = {0};
    event.type = SDL_FINGERMOTION;
    event.tfinger.fingerId = 3;
    event.tfinger.x = 0.5f;
    event.tfinger.y = 0.25f;
    InputEvent in = input_translate(&event, &space, 10);
    assert_int_equal(in.kind, INPUT_TOUCH);
    assert_int_equal(in.touch.phase, TOUCH_MOVE);
    assert_int_equal(in.touch.id, 3);
    assert_float_equal(in.touch.x, 640.0f, 1e-3);
    assert_float_equal(in.touch.y, 180.0f, 1e-3);
}

static void test_rotations_map_to_canvas(void **state)
{
    (void)state;
    /* A 1920x1080 panel showing a canvas turned clockwise: canvas (0,0) is at the panel's
     * top-right for 90, bottom-right for 180, bottom-left for 270. */
    static const struct {
        int rotation;
        float px, py, cx, cy;
    } cases[] = {
        {0, 10, 20, 10, 20},
        {90, 1919, 0, 0, 1},
        {90, 0, 1079, 1079, 1920},
        {180, 1919, 1079, 1, 1},
        {270, 0, 1079, 1, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        InputSpace space = {.window_w = 1920, .window_h = 1080, .rotation = cases[i].rotation};
        float cx = -1;
        float cy = -1;
        input_to_canvas(&space, cases[i].px, cases[i].py, &cx, &cy);
        assert_float_equal(cx, cases[i].cx, 1e-3);
        assert_float_equal(cy, cases[i].cy, 1e-3);
    }
}

static void test_keys_only_in_a_window(void **state)
{
    (void)state;
    SDL_Event event = {0};
    event.type = SDL_KEYDOWN;
    event.key.keysym.sym = SDLK_RIGHT;
    InputSpace full_screen = {.window_w = 1920, .window_h = 1080};
    assert_int_equal(input_translate(&event, &full_screen, 0).kind, INPUT_NONE);
    InputSpace window = {.window_w = 1280, .window_h = 720, .keyboard = true};
    assert_int_equal(input_translate(&event, &window, 0).kind, INPUT_KEY_NEXT);
    event.key.keysym.sym = SDLK_3;
    InputEvent in = input_translate(&event, &window, 0);
    assert_int_equal(in.kind, INPUT_KEY_SECTION);
    assert_int_equal(in.section, 2);
    event.key.keysym.sym = SDLK_6; /* the booth's Event, on an event's days */
    assert_int_equal(input_translate(&event, &window, 0).section, 5);
    event.key.keysym.sym = SDLK_7;
    assert_int_equal(input_translate(&event, &window, 0).kind, INPUT_NONE);
    event.key.keysym.sym = SDLK_ESCAPE;
    assert_int_equal(input_translate(&event, &window, 0).kind, INPUT_KEY_BACK);
    event.key.keysym.sym = SDLK_BACKSPACE;
    event.key.repeat = 1; /* held down: it keeps deleting; other keys do not repeat */
    assert_int_equal(input_translate(&event, &window, 0).kind, INPUT_KEY_BACKSPACE);
    event.key.keysym.sym = SDLK_RIGHT;
    assert_int_equal(input_translate(&event, &window, 0).kind, INPUT_NONE);
    event.key.repeat = 0;
    event.type = SDL_QUIT;
    assert_int_equal(input_translate(&event, &full_screen, 0).kind, INPUT_QUIT);
}

/* Typed text reaches the kiosk in a window (the members search), never in full screen. */
static void test_text_only_in_a_window(void **state)
{
    (void)state;
    SDL_Event event = {0};
    event.type = SDL_TEXTINPUT;
    snprintf(event.text.text, sizeof event.text.text, "%s", "š");
    InputSpace full_screen = {.window_w = 1920, .window_h = 1080};
    assert_int_equal(input_translate(&event, &full_screen, 0).kind, INPUT_NONE);
    InputSpace window = {.window_w = 1280, .window_h = 720, .keyboard = true};
    InputEvent in = input_translate(&event, &window, 0);
    assert_int_equal(in.kind, INPUT_TEXT);
    assert_string_equal(in.text, "š");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mouse_is_a_finger),
        cmocka_unit_test(test_fingers_scaled_to_window),
        cmocka_unit_test(test_rotations_map_to_canvas),
        cmocka_unit_test(test_keys_only_in_a_window),
        cmocka_unit_test(test_text_only_in_a_window),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
