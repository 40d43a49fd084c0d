/* The opening-hours part (src/app/part_hours.c) on the core's test double (core_double.h), a
 * fake wall clock and scripted input, without a window: closing time puts the display to sleep
 * (the core's asleep fact, one black frame, the slide painted ahead given back, the touch under
 * way forgotten); a touch while closed wakes the booth and does nothing else, while the lobby
 * sleeps on; opening wakes it; nothing sleeps before the first frame; a bad [schedule] leaves it
 * always open. Screen power on test doubles of the kernel (tests/platform/kernel_double.h): under
 * KMS/DRM the black frame goes up before the connector's DPMS goes off, nothing is presented
 * while it is off, at opening DPMS is on and a whole frame is owed; a forced method that fails
 * shows as black in the status. Monday 2026-12-07, open 09:00-18:00, in the local zone. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>

#include "app/core_double.h"
#include "app/part_hours.h"
#include "core/schedule.h"
#include "platform/kernel_double.h"

#include <drm_mode.h>

enum {
    START_MS = 1000,        /* the monotonic clock when the part starts */
    TO_CLOSING_MS = 10000,  /* the fake clock starts 10 s before closing */
    WAKE_MINUTES = 2,
};

static void set_up_core(App *app, OptionsProfile profile, const char *fake_start)
{
    core_double_create(app, LOG_WARN);
    app->options.profile = profile;
    app->options.wake_minutes = WAKE_MINUTES;
    snprintf(app->options.hours[SCHEDULE_MONDAY], sizeof app->options.hours[0], "09:00-18:00");
    snprintf(app->options.fake_clock, sizeof app->options.fake_clock, "%s", fake_start);
    app->options.fake_clock_speed = 1;
    app->part = &part_hours;
    app->self = part_hours.start(app, START_MS);
    assert_non_null(app->self);
}

static void tear_down_core(App *app)
{
    part_hours.stop(app, app->self);
    core_double_destroy(app);
}

/* What the core's translation of the next event gives the part. */
static bool give(App *app, InputEvent in, uint64_t now_ms)
{
    SDL_Event event = {0};
    app->next_input = in;
    return part_hours.input(app, app->self, &event, now_ms);
}

static InputEvent touch(TouchPhase phase)
{
    return (InputEvent){.kind = INPUT_TOUCH, .touch = {.id = 1, .x = 10.0f, .y = 10.0f, .phase = phase}};
}

/* Closes at 18:00: the part ticks until then, then one tick past it. */
static uint64_t close_it(App *app)
{
    uint64_t before = START_MS + TO_CLOSING_MS - 1000;
    part_hours.tick(app, app->self, before);
    assert_false(app->asleep);
    uint64_t closing = part_hours.deadline(app, app->self, before);
    assert_int_equal(closing, START_MS + TO_CLOSING_MS);
    part_hours.tick(app, app->self, closing);
    return closing;
}

static void closing_time_puts_the_display_to_sleep(void **state)
{
    (void)state;
    App app;
    set_up_core(&app, OPTIONS_PROFILE_BOOTH, "2026-12-07T17:59:50");
    part_hours.tick(&app, app.self, START_MS);
    assert_false(app.asleep);
    assert_int_equal(app.black_frames, 0);
    close_it(&app);
    assert_true(app.asleep);
    assert_int_equal(app.silenced, 1);
    assert_int_equal(app.black_frames, 1);
    assert_int_equal(app.spares_released, 1);
    assert_int_equal(app.touches_forgotten, 1);
    /* Asleep, a window exposed again gets the black frame again, and nothing else. */
    assert_true(give(&app, (InputEvent){.kind = INPUT_EXPOSED}, START_MS + TO_CLOSING_MS + 100));
    assert_int_equal(app.black_frames, 2);
    assert_int_equal(app.spares_released, 1);
    /* Quit goes on to the kiosk even while asleep. */
    assert_false(give(&app, (InputEvent){.kind = INPUT_QUIT}, START_MS + TO_CLOSING_MS + 200));
    tear_down_core(&app);
}

static void a_touch_while_closed_wakes_the_booth(void **state)
{
    (void)state;
    App app;
    set_up_core(&app, OPTIONS_PROFILE_BOOTH, "2026-12-07T17:59:50");
    uint64_t t = close_it(&app);
    int redraws = app.redraws;
    /* The waking touch is used up, its lift too. */
    assert_true(give(&app, touch(TOUCH_DOWN), t + 1000));
    assert_false(app.asleep);
    assert_int_equal(app.redraws, redraws + 1);
    assert_true(give(&app, touch(TOUCH_UP), t + 1100));
    /* The next touch acts, and starts the wake time again. */
    assert_false(give(&app, touch(TOUCH_DOWN), t + 2000));
    assert_false(give(&app, touch(TOUCH_UP), t + 2100));
    /* The wake time ends two minutes after that touch: asleep again. */
    uint64_t ends = part_hours.deadline(&app, app.self, t + 3000);
    assert_true(ends > t + 2000 + (WAKE_MINUTES * 60 - 1) * 1000);
    assert_true(ends <= t + 2000 + (WAKE_MINUTES * 60 + 1) * 1000);
    part_hours.tick(&app, app.self, ends);
    assert_true(app.asleep);
    assert_int_equal(app.black_frames, 2);
    tear_down_core(&app);
}

static void the_lobby_sleeps_on_at_a_touch(void **state)
{
    (void)state;
    App app;
    set_up_core(&app, OPTIONS_PROFILE_LOBBY, "2026-12-07T17:59:50");
    uint64_t t = close_it(&app);
    assert_true(give(&app, touch(TOUCH_DOWN), t + 1000));
    assert_true(give(&app, (InputEvent){.kind = INPUT_KEY_NEXT}, t + 1100));
    part_hours.tick(&app, app.self, t + 1200);
    assert_true(app.asleep);
    tear_down_core(&app);
}

static void opening_time_wakes_it(void **state)
{
    (void)state;
    App app;
    set_up_core(&app, OPTIONS_PROFILE_LOBBY, "2026-12-07T08:59:55");
    part_hours.tick(&app, app.self, START_MS);
    assert_true(app.asleep);
    uint64_t opening = part_hours.deadline(&app, app.self, START_MS);
    assert_int_equal(opening, START_MS + 5000);
    part_hours.tick(&app, app.self, opening);
    assert_false(app.asleep);
    assert_true(app.redraws > 0);
    /* Awake and open: input goes on to the kiosk. */
    assert_false(give(&app, touch(TOUCH_DOWN), opening + 100));
    tear_down_core(&app);
}

static void nothing_sleeps_before_the_first_frame(void **state)
{
    (void)state;
    App app;
    set_up_core(&app, OPTIONS_PROFILE_BOOTH, "2026-12-07T20:00:00");
    app.drawn_once = false;
    part_hours.tick(&app, app.self, START_MS);
    assert_false(app.asleep);
    assert_int_equal(part_hours.deadline(&app, app.self, START_MS), UINT64_MAX);
    app.drawn_once = true;
    part_hours.tick(&app, app.self, START_MS + 10);
    assert_true(app.asleep);
    tear_down_core(&app);
}

static void a_bad_schedule_is_always_open(void **state)
{
    (void)state;
    App app;
    core_double_create(&app, LOG_ERROR);
    snprintf(app.options.hours[SCHEDULE_MONDAY], sizeof app.options.hours[0], "25:00-26:00");
    snprintf(app.options.fake_clock, sizeof app.options.fake_clock, "2026-12-07T23:00:00");
    app.options.fake_clock_speed = 1;
    app.part = &part_hours;
    app.self = part_hours.start(&app, START_MS);
    assert_non_null(app.self);
    part_hours.tick(&app, app.self, START_MS);
    assert_false(app.asleep);
    assert_int_equal(part_hours.deadline(&app, app.self, START_MS), UINT64_MAX);
    assert_false(give(&app, touch(TOUCH_DOWN), START_MS + 10));
    tear_down_core(&app);
}

/* The lobby, open 09:00-18:00, on a fresh kernel double k (the caller may change it before the
 * first tick: it is asked nothing before), with screen_off. */
static void set_up_on_kernel(App *app, KernelDouble *k, OptionsScreenOff screen_off, const char *fake_start)
{
    kernel_double_init(k);
    core_double_create(app, LOG_ERROR);
    app->screen_power_system = &k->system;
    app->options.profile = OPTIONS_PROFILE_LOBBY;
    app->options.screen_off = screen_off;
    snprintf(app->options.hours[SCHEDULE_MONDAY], sizeof app->options.hours[0], "09:00-18:00");
    snprintf(app->options.fake_clock, sizeof app->options.fake_clock, "%s", fake_start);
    app->options.fake_clock_speed = 1;
    app->part = &part_hours;
    app->self = part_hours.start(app, START_MS);
    assert_non_null(app->self);
}

static void under_drm_nothing_is_presented_while_the_screen_is_off(void **state)
{
    (void)state;
    App app;
    KernelDouble k;
    set_up_on_kernel(&app, &k, OPTIONS_SCREEN_OFF_AUTO, "2026-12-07T17:59:50");
    k.cec_path[0] = '\0'; /* no CEC adapter: auto goes on to drm */
    k.watched = &app.black_frames;
    StatusDisplay display = {0};
    app_core_display_power(&app, &display);
    assert_false(display.changed); /* not slept yet: "method": null */
    uint64_t t = close_it(&app);
    assert_true(app.asleep);
    assert_int_equal(k.dpms[0], DRM_MODE_DPMS_OFF);
    assert_int_equal(k.watched_at_dpms, 1); /* the black frame was presented before DPMS went off */
    app_core_display_power(&app, &display);
    assert_true(display.changed && display.off && display.worked);
    assert_int_equal(display.method, OPTIONS_SCREEN_OFF_DRM);
    /* Off: an exposed window gets no frame (no page flip), a touch in the lobby sends nothing. */
    int calls = k.call_count;
    assert_true(give(&app, (InputEvent){.kind = INPUT_EXPOSED}, t + 100));
    assert_true(give(&app, touch(TOUCH_DOWN), t + 200));
    part_hours.tick(&app, app.self, t + 300);
    assert_int_equal(app.black_frames, 1);
    assert_int_equal(k.call_count, calls);
    part_hours.stop(&app, app.self); /* stopping puts the Pi's own DPMS back on */
    assert_int_equal(k.dpms[0], DRM_MODE_DPMS_ON);
    core_double_destroy(&app);
}

static void at_opening_drm_turns_the_screen_on_and_a_whole_frame_follows(void **state)
{
    (void)state;
    App app;
    KernelDouble k;
    set_up_on_kernel(&app, &k, OPTIONS_SCREEN_OFF_AUTO, "2026-12-07T08:59:55");
    k.cec_path[0] = '\0';
    part_hours.tick(&app, app.self, START_MS);
    assert_true(app.asleep);
    assert_int_equal(k.dpms[0], DRM_MODE_DPMS_OFF);
    int redraws = app.redraws;
    uint64_t opening = part_hours.deadline(&app, app.self, START_MS);
    part_hours.tick(&app, app.self, opening);
    assert_false(app.asleep);
    assert_int_equal(k.dpms[0], DRM_MODE_DPMS_ON); /* on before the frame is drawn */
    assert_int_equal(app.redraws, redraws + 1);   /* a whole frame is owed */
    StatusDisplay display = {0};
    app_core_display_power(&app, &display);
    assert_true(display.changed && !display.off && display.worked);
    part_hours.tick(&app, app.self, opening + 10);
    assert_int_equal(k.dpms[0], DRM_MODE_DPMS_ON);
    tear_down_core(&app);
}

static void a_forced_method_that_fails_shows_as_black(void **state)
{
    (void)state;
    App app;
    KernelDouble k;
    set_up_on_kernel(&app, &k, OPTIONS_SCREEN_OFF_CEC, "2026-12-07T17:59:50");
    k.physical = 0xffff; /* no TV on the HDMI port */
    close_it(&app);
    StatusDisplay display = {0};
    app_core_display_power(&app, &display);
    assert_true(display.changed && display.off);
    assert_false(display.worked);
    assert_int_equal(display.method, OPTIONS_SCREEN_OFF_BLACK);
    assert_int_equal(display.wanted, OPTIONS_SCREEN_OFF_CEC);
    assert_int_equal(k.dpms[0], DRM_MODE_DPMS_ON); /* drm is not tried for a forced cec */
    tear_down_core(&app);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(closing_time_puts_the_display_to_sleep),
        cmocka_unit_test(a_touch_while_closed_wakes_the_booth),
        cmocka_unit_test(the_lobby_sleeps_on_at_a_touch),
        cmocka_unit_test(opening_time_wakes_it),
        cmocka_unit_test(nothing_sleeps_before_the_first_frame),
        cmocka_unit_test(a_bad_schedule_is_always_open),
        cmocka_unit_test(under_drm_nothing_is_presented_while_the_screen_is_off),
        cmocka_unit_test(at_opening_drm_turns_the_screen_on_and_a_whole_frame_follows),
        cmocka_unit_test(a_forced_method_that_fails_shows_as_black),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
