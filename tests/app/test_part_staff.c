/* The staff panel part (src/app/part_staff.c) on the core's test double (core_double.h), in a
 * temp state directory, without a window: the two-corner gesture opens the PIN pad and makes
 * the panel the private layer on top (nothing may photograph or record it); the right PIN on
 * the pad's buttons opens the panel; a minute untouched closes it and the private layer goes;
 * a wrong PIN keeps the panel shut; without a pin_hash the gesture opens nothing. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/core_double.h"
#include "app/part_staff.h"
#include "render/staff_panel.h"
#include "staff/staff_gesture.h"
#include "staff/staff_pin.h"

enum {
    START_MS = 1000,
    CANVAS_W = 1280, /* the double's canvas */
    CANVAS_H = 720,
    IDLE_MS = 60000, /* the panel closes after this long untouched */
};

typedef struct Env {
    App app;
    char dir[256];
    uint64_t now;
} Env;

static int set_up(void **state)
{
    Env *env = calloc(1, sizeof *env);
    assert_non_null(env);
    core_double_temp_dir(env->dir, sizeof env->dir, "test_part_staff");
    core_double_create(&env->app, LOG_WARN);
    snprintf(env->app.options.state_dir, sizeof env->app.options.state_dir, "%s", env->dir);
    env->app.part = &part_staff;
    env->app.self = part_staff.start(&env->app, START_MS);
    assert_non_null(env->app.self);
    env->now = START_MS;
    *state = env;
    return 0;
}

static int tear_down(void **state)
{
    Env *env = *state;
    part_staff.stop(&env->app, env->app.self);
    core_double_destroy(&env->app);
    core_double_temp_dir_remove(env->dir);
    free(env);
    return 0;
}

static bool touch(Env *env, TouchPhase phase, float x, float y)
{
    InputEvent in = {.kind = INPUT_TOUCH, .touch = {.id = 1, .x = x, .y = y, .phase = phase, .t_ms = env->now}};
    return part_staff_input(&env->app, &in, env->now);
}

/* A press held past the hold time in the corner at (x, y). */
static void hold(Env *env, float x, float y)
{
    touch(env, TOUCH_DOWN, x, y);
    env->now += STAFF_GESTURE_HOLD_MS + 100;
    touch(env, TOUCH_UP, x, y);
    env->now += 500;
}

static void make_gesture(Env *env)
{
    hold(env, 5.0f, 5.0f);
    hold(env, CANVAS_W - 5.0f, CANVAS_H - 5.0f);
}

/* Taps the pad's button for digit (0-9) or action. */
static void tap_button(Env *env, StaffAction action, int digit)
{
    StaffButton buttons[STAFF_PANEL_BUTTONS];
    size_t count = staff_panel_layout(CANVAS_W, CANVAS_H, STAFF_PAGE_PIN, true, buttons, STAFF_PANEL_BUTTONS);
    for (size_t i = 0; i < count; i++) {
        if (buttons[i].action == action && (action != STAFF_ACT_DIGIT || buttons[i].digit == digit)) {
            float x = (float)buttons[i].rect.x + (float)buttons[i].rect.w / 2.0f;
            float y = (float)buttons[i].rect.y + (float)buttons[i].rect.h / 2.0f;
            assert_true(touch(env, TOUCH_DOWN, x, y));
            env->now += 50;
            assert_true(touch(env, TOUCH_UP, x, y));
            env->now += 50;
            return;
        }
    }
    fail_msg("no button %d/%d on the PIN pad", (int)action, digit);
}

static void enter(Env *env, const char *pin)
{
    for (const char *c = pin; *c; c++) {
        tap_button(env, STAFF_ACT_DIGIT, *c - '0');
    }
    tap_button(env, STAFF_ACT_ENTER, 0);
}

static void set_pin(Env *env, const char *pin)
{
    assert_true(staff_pin_hash(pin, env->app.options.pin_hash, sizeof env->app.options.pin_hash));
}

static void the_gesture_and_pin_open_it_and_a_minute_closes_it(void **state)
{
    Env *env = *state;
    App *app = &env->app;
    set_pin(env, "2468");
    assert_false(app_core_private_on_top(app));
    make_gesture(env);
    assert_int_equal(app_core_top_layer(app), APP_LAYER_STAFF_PANEL);
    assert_true(app_core_private_on_top(app));
    /* While open, every touch and key is the panel's. */
    InputEvent key = {.kind = INPUT_KEY_BACK};
    assert_true(part_staff_input(app, &key, env->now));
    enter(env, "2468");
    assert_true(app_core_private_on_top(app));
    uint64_t deadline = part_staff.deadline(app, app->self, env->now);
    assert_true(deadline <= env->now + IDLE_MS);
    part_staff.tick(app, app->self, env->now + 1000);
    assert_true(app_core_private_on_top(app));
    app->redraws = 0;
    part_staff.tick(app, app->self, env->now + IDLE_MS);
    assert_false(app_core_private_on_top(app));
    assert_int_equal(app_core_top_layer(app), APP_LAYER_SLIDES);
    assert_true(app->redraws > 0); /* the visitors' screen again */
    assert_int_equal(part_staff.deadline(app, app->self, env->now + IDLE_MS), UINT64_MAX);
    InputEvent tap = {.kind = INPUT_TOUCH, .touch = {.id = 1, .x = 600.0f, .y = 300.0f, .phase = TOUCH_DOWN}};
    assert_false(part_staff_input(app, &tap, env->now + IDLE_MS)); /* the kiosk's again */
}

static void a_wrong_pin_keeps_the_panel_shut(void **state)
{
    Env *env = *state;
    App *app = &env->app;
    set_pin(env, "2468");
    make_gesture(env);
    enter(env, "1357");
    assert_true(app_core_private_on_top(app)); /* the PIN pad stays, saying the PIN was wrong */
    /* The right one still opens the panel: the pad was not locked by one mistake. */
    enter(env, "2468");
    assert_true(app_core_private_on_top(app));
    part_staff.tick(app, app->self, env->now + IDLE_MS);
    assert_false(app_core_private_on_top(app));
}

static void without_a_pin_hash_the_gesture_opens_nothing(void **state)
{
    Env *env = *state;
    App *app = &env->app;
    make_gesture(env);
    assert_false(app_core_private_on_top(app));
    assert_int_equal(part_staff.deadline(app, app->self, env->now), UINT64_MAX);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(the_gesture_and_pin_open_it_and_a_minute_closes_it, set_up, tear_down),
        cmocka_unit_test_setup_teardown(a_wrong_pin_keeps_the_panel_shut, set_up, tear_down),
        cmocka_unit_test_setup_teardown(without_a_pin_hash_the_gesture_opens_nothing, set_up, tear_down),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
