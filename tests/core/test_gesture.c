/* Gesture recogniser with scripted touches on a 1920x1080 screen: taps,
 * jitter, swipes in four directions, too slow or too short strokes, drags,
 * long presses, multi-touch and cancels. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include "core/gesture.h"

static Gesture make(void)
{
    GestureConfig config = gesture_config_default(1920, 1080);
    Gesture g;
    gesture_init(&g, &config);
    return g;
}

static GestureEvent touch(Gesture *g, int32_t id, TouchPhase phase, float x, float y, uint64_t t)
{
    Touch tp = {.id = id, .x = x, .y = y, .phase = phase, .t_ms = t};
    return gesture_feed(g, &tp);
}

static GestureEvent down(Gesture *g, float x, float y, uint64_t t)
{
    return touch(g, 1, TOUCH_DOWN, x, y, t);
}

static GestureEvent move(Gesture *g, float x, float y, uint64_t t)
{
    return touch(g, 1, TOUCH_MOVE, x, y, t);
}

static GestureEvent up(Gesture *g, float x, float y, uint64_t t)
{
    return touch(g, 1, TOUCH_UP, x, y, t);
}

static void test_defaults_scale_with_screen(void **state)
{
    (void)state;
    GestureConfig hd = gesture_config_default(1920, 1080);
    assert_float_equal(hd.tap_slop_px, 24.0f, 1e-4);
    assert_float_equal(hd.swipe_min_px, 120.0f, 1e-4);
    assert_int_equal(hd.long_press_ms, 650);
    GestureConfig uhd = gesture_config_default(3840, 2160);
    assert_float_equal(uhd.tap_slop_px, 48.0f, 1e-4);
    assert_float_equal(uhd.swipe_min_px, 240.0f, 1e-4);
    GestureConfig portrait = gesture_config_default(1080, 1920);
    assert_float_equal(portrait.tap_slop_px, 24.0f, 1e-4);
    assert_float_equal(portrait.drag_commit_px, 360.0f, 1e-3);
    GestureConfig bogus = gesture_config_default(0, -5);
    assert_float_equal(bogus.tap_slop_px, 24.0f, 1e-4);
}

static void test_tap(void **state)
{
    (void)state;
    Gesture g = make();
    assert_int_equal(down(&g, 500, 400, 1000).kind, GESTURE_PRESS);
    GestureEvent ev = up(&g, 500, 400, 1090);
    assert_int_equal(ev.kind, GESTURE_TAP);
    assert_float_equal(ev.x, 500.0f, 1e-6);
    assert_float_equal(ev.y, 400.0f, 1e-6);
}

static void test_press_is_reported_at_touch_down(void **state)
{
    (void)state;
    Gesture g = make();
    float x = -1.0f;
    float y = -1.0f;
    assert_false(gesture_pressed(&g, &x, &y));
    /* The press comes with the DOWN itself, with its position, before the
     * recogniser knows what the touch will become. */
    GestureEvent ev = down(&g, 640, 360, 1000);
    assert_int_equal(ev.kind, GESTURE_PRESS);
    assert_float_equal(ev.x, 640.0f, 1e-6);
    assert_float_equal(ev.y, 360.0f, 1e-6);
    assert_true(gesture_pressed(&g, &x, &y));
    assert_float_equal(x, 640.0f, 1e-6);
    assert_float_equal(y, 360.0f, 1e-6);
    /* Jitter keeps it pressed; lifting ends it with the tap. */
    move(&g, 650, 366, 1030);
    assert_true(gesture_pressed(&g, NULL, NULL));
    assert_int_equal(up(&g, 650, 366, 1080).kind, GESTURE_TAP);
    assert_false(gesture_pressed(&g, NULL, NULL));

    /* Moving away (a drag) ends the press: lifting would not tap. */
    assert_int_equal(down(&g, 1500, 500, 2000).kind, GESTURE_PRESS);
    assert_int_equal(move(&g, 1440, 500, 2040).kind, GESTURE_DRAG);
    assert_false(gesture_pressed(&g, NULL, NULL));
    up(&g, 1440, 500, 2300);
    /* So does a vertical move, the long press firing, and a second finger. */
    down(&g, 900, 800, 3000);
    move(&g, 905, 700, 3050);
    assert_false(gesture_pressed(&g, NULL, NULL));
    up(&g, 905, 700, 3100);
    down(&g, 900, 800, 4000);
    assert_int_equal(gesture_tick(&g, 4000 + 650).kind, GESTURE_LONG_PRESS);
    assert_false(gesture_pressed(&g, NULL, NULL));
    up(&g, 900, 800, 4700);
    down(&g, 900, 800, 5000);
    assert_int_not_equal(touch(&g, 2, TOUCH_DOWN, 300, 300, 5010).kind, GESTURE_PRESS);
    assert_false(gesture_pressed(&g, NULL, NULL));
}

static void test_tap_with_jitter(void **state)
{
    (void)state;
    Gesture g = make();
    down(&g, 500, 400, 0);
    assert_int_equal(move(&g, 510, 392, 20).kind, GESTURE_NONE);
    assert_int_equal(move(&g, 488, 405, 40).kind, GESTURE_NONE);
    GestureEvent ev = up(&g, 515, 410, 120);
    assert_int_equal(ev.kind, GESTURE_TAP);
    assert_float_equal(ev.x, 500.0f, 1e-6); /* where the finger went down */

    /* Wandering past the slop and back is not a tap: it was a (vertical) drag. */
    down(&g, 500, 400, 1000);
    assert_int_equal(move(&g, 500, 460, 1040).kind, GESTURE_SCROLL);
    assert_int_equal(up(&g, 502, 401, 1100).kind, GESTURE_SCROLL_END);
}

static void test_swipe_left_with_drag_progress(void **state)
{
    (void)state;
    Gesture g = make();
    down(&g, 1500, 500, 0);
    assert_int_equal(move(&g, 1490, 502, 16).kind, GESTURE_NONE); /* within slop */
    GestureEvent ev = move(&g, 1440, 505, 50);
    assert_int_equal(ev.kind, GESTURE_DRAG);
    assert_float_equal(ev.dx, -60.0f, 1e-4);
    ev = move(&g, 1300, 510, 150);
    assert_int_equal(ev.kind, GESTURE_DRAG);
    assert_float_equal(ev.dx, -200.0f, 1e-4);
    ev = up(&g, 1250, 510, 200);
    assert_int_equal(ev.kind, GESTURE_SWIPE_LEFT);
    assert_float_equal(ev.dx, -250.0f, 1e-4);
}

static void test_swipe_right_and_vertical(void **state)
{
    (void)state;
    Gesture g = make();
    down(&g, 300, 500, 0);
    assert_int_equal(move(&g, 400, 500, 60).kind, GESTURE_DRAG);
    assert_int_equal(up(&g, 500, 490, 150).kind, GESTURE_SWIPE_RIGHT);

    /* Vertical strokes are swipes (and vertical drags on the way), never horizontal drags. */
    down(&g, 900, 800, 1000);
    assert_int_equal(move(&g, 905, 700, 1050).kind, GESTURE_SCROLL);
    assert_int_equal(up(&g, 910, 600, 1150).kind, GESTURE_SWIPE_UP);
    down(&g, 900, 200, 2000);
    assert_int_equal(up(&g, 890, 500, 2200).kind, GESTURE_SWIPE_DOWN);
}

/* A vertical drag reports dy as the finger moves, keeps its axis, and ends with
 * SCROLL_END when slow, with a swipe when fast. */
static void test_vertical_drag_scrolls(void **state)
{
    (void)state;
    Gesture g = make();
    down(&g, 900, 800, 0);
    assert_int_equal(move(&g, 902, 790, 16).kind, GESTURE_NONE); /* within slop */
    GestureEvent ev = move(&g, 905, 740, 32);
    assert_int_equal(ev.kind, GESTURE_SCROLL);
    assert_float_equal(ev.dy, -60.0f, 1e-4);
    assert_float_equal(ev.y, 740.0f, 1e-4);
    /* Turning sideways later does not make it a page drag. */
    ev = move(&g, 1200, 700, 600);
    assert_int_equal(ev.kind, GESTURE_SCROLL);
    assert_float_equal(ev.dy, -100.0f, 1e-4);
    ev = up(&g, 1200, 700, 1400);
    assert_int_equal(ev.kind, GESTURE_SCROLL_END);
    /* No long press while scrolling slowly. */
    assert_int_equal(gesture_next_deadline_ms(&g), UINT64_MAX);

    /* A fast vertical stroke still ends as a swipe. */
    down(&g, 900, 800, 2000);
    assert_int_equal(move(&g, 900, 700, 2040).kind, GESTURE_SCROLL);
    assert_int_equal(up(&g, 900, 600, 2100).kind, GESTURE_SWIPE_UP);
    /* A fast sideways flick at the end of a vertical drag does not turn the page. */
    down(&g, 900, 800, 3000);
    assert_int_equal(move(&g, 900, 760, 3300).kind, GESTURE_SCROLL);
    assert_int_equal(up(&g, 600, 760, 3400).kind, GESTURE_SCROLL_END);
    /* A second finger ends the scroll. */
    down(&g, 900, 800, 4000);
    assert_int_equal(move(&g, 900, 700, 4040).kind, GESTURE_SCROLL);
    assert_int_equal(touch(&g, 2, TOUCH_DOWN, 300, 300, 4050).kind, GESTURE_SCROLL_END);
    touch(&g, 2, TOUCH_UP, 300, 300, 4060);
    up(&g, 900, 700, 4070);
    /* So does a cancel. */
    down(&g, 900, 800, 5000);
    move(&g, 900, 700, 5040);
    assert_int_equal(touch(&g, 1, TOUCH_CANCEL, 900, 700, 5050).kind, GESTURE_SCROLL_END);
    assert_int_equal(down(&g, 500, 500, 6000).kind, GESTURE_PRESS);
    assert_int_equal(up(&g, 500, 500, 6050).kind, GESTURE_TAP);
}

static void test_too_slow_short_or_diagonal_is_not_a_swipe(void **state)
{
    (void)state;
    Gesture g = make();
    /* 250 px in 1.5 s: too slow, and the drag must snap back. */
    down(&g, 1500, 500, 0);
    assert_int_equal(move(&g, 1400, 500, 600).kind, GESTURE_DRAG);
    GestureEvent ev = up(&g, 1250, 500, 1500);
    assert_int_equal(ev.kind, GESTURE_DRAG_END);

    /* 150 px in 600 ms: quick enough by the clock, but 250 px/s is too slow. */
    down(&g, 1500, 500, 1600);
    assert_int_equal(up(&g, 1350, 500, 2200).kind, GESTURE_NONE);
    /* The same distance in 400 ms (375 px/s) is a swipe. */
    down(&g, 1500, 500, 1600);
    assert_int_equal(up(&g, 1350, 500, 2000).kind, GESTURE_SWIPE_LEFT);

    /* Fast but only 80 px. */
    down(&g, 1500, 500, 2000);
    move(&g, 1450, 500, 2020);
    assert_int_equal(up(&g, 1420, 500, 2040).kind, GESTURE_DRAG_END);

    /* Fast and long enough but diagonal (200 right, 180 down). */
    down(&g, 500, 300, 3000);
    assert_int_equal(up(&g, 700, 480, 3100).kind, GESTURE_NONE);
    down(&g, 500, 300, 4000);
    assert_int_equal(up(&g, 500, 300, 4050).kind, GESTURE_TAP); /* state recovered */

    /* Slow vertical: nothing. */
    down(&g, 900, 200, 5000);
    assert_int_equal(up(&g, 900, 500, 6500).kind, GESTURE_NONE);
}

static void test_slow_drag_past_commit_distance_pages(void **state)
{
    (void)state;
    Gesture g = make(); /* commit at a third of 1920 = 640 px */
    down(&g, 1700, 500, 0);
    move(&g, 1300, 500, 1000);
    move(&g, 1000, 500, 2000);
    assert_int_equal(up(&g, 1000, 500, 2500).kind, GESTURE_SWIPE_LEFT);
}

static void test_long_press(void **state)
{
    (void)state;
    Gesture g = make();
    assert_int_equal(gesture_next_deadline_ms(&g), UINT64_MAX);
    down(&g, 800, 600, 10000);
    assert_int_equal(gesture_next_deadline_ms(&g), 10650);
    assert_int_equal(gesture_tick(&g, 10649).kind, GESTURE_NONE);
    move(&g, 805, 603, 10300); /* jitter does not reset it */
    GestureEvent ev = gesture_tick(&g, 10650);
    assert_int_equal(ev.kind, GESTURE_LONG_PRESS);
    assert_float_equal(ev.x, 800.0f, 1e-6);
    assert_float_equal(ev.y, 600.0f, 1e-6);
    assert_int_equal(gesture_next_deadline_ms(&g), UINT64_MAX);
    assert_int_equal(gesture_tick(&g, 10700).kind, GESTURE_NONE); /* once only */
    assert_int_equal(up(&g, 800, 600, 11000).kind, GESTURE_NONE);

    /* Without ticks it is recognised on release. */
    down(&g, 100, 100, 20000);
    assert_int_equal(up(&g, 100, 100, 20700).kind, GESTURE_LONG_PRESS);

    /* Moving away first means no long press. */
    down(&g, 100, 100, 30000);
    move(&g, 100, 200, 30100);
    assert_int_equal(gesture_tick(&g, 31000).kind, GESTURE_NONE);
    assert_int_equal(gesture_next_deadline_ms(&g), UINT64_MAX);
}

static void test_multi_touch_is_ignored(void **state)
{
    (void)state;
    Gesture g = make();
    /* A pinch: two fingers spread apart quickly. */
    down(&g, 900, 500, 0);
    assert_int_equal(touch(&g, 2, TOUCH_DOWN, 1000, 500, 20).kind, GESTURE_NONE);
    assert_int_equal(move(&g, 600, 500, 60).kind, GESTURE_NONE);
    assert_int_equal(touch(&g, 2, TOUCH_MOVE, 1300, 500, 60).kind, GESTURE_NONE);
    assert_int_equal(up(&g, 500, 500, 100).kind, GESTURE_NONE);
    assert_int_equal(touch(&g, 2, TOUCH_UP, 1400, 500, 100).kind, GESTURE_NONE);
    assert_int_equal(gesture_tick(&g, 5000).kind, GESTURE_NONE);

    /* A second finger during a drag ends the drag; lifting the first
     * finger while the second rests gives nothing either. */
    down(&g, 1500, 500, 1000);
    assert_int_equal(move(&g, 1400, 500, 1030).kind, GESTURE_DRAG);
    assert_int_equal(touch(&g, 7, TOUCH_DOWN, 200, 200, 1040).kind, GESTURE_DRAG_END);
    assert_int_equal(up(&g, 1200, 500, 1080).kind, GESTURE_NONE);
    assert_int_equal(touch(&g, 7, TOUCH_UP, 200, 200, 1090).kind, GESTURE_NONE);

    /* Once all fingers are up, gestures work again. */
    down(&g, 300, 300, 2000);
    assert_int_equal(up(&g, 300, 300, 2050).kind, GESTURE_TAP);
}

static void test_cancel(void **state)
{
    (void)state;
    Gesture g = make();
    down(&g, 500, 500, 0);
    assert_int_equal(touch(&g, 1, TOUCH_CANCEL, 500, 500, 50).kind, GESTURE_NONE);
    assert_int_equal(up(&g, 500, 500, 60).kind, GESTURE_NONE); /* stray UP */
    assert_int_equal(gesture_tick(&g, 2000).kind, GESTURE_NONE);

    down(&g, 1500, 500, 1000);
    move(&g, 1300, 500, 1050);
    GestureEvent ev = touch(&g, 1, TOUCH_CANCEL, 1250, 500, 1080);
    assert_int_equal(ev.kind, GESTURE_DRAG_END);

    down(&g, 300, 300, 3000);
    assert_int_equal(up(&g, 300, 300, 3050).kind, GESTURE_TAP);
}

static void test_bad_touches_are_tolerated(void **state)
{
    (void)state;
    Gesture g = make();
    float nan = NAN;
    assert_int_equal(down(&g, nan, 100, 0).kind, GESTURE_NONE);
    assert_int_equal(gesture_next_deadline_ms(&g), UINT64_MAX); /* nothing tracked */
    assert_int_equal(touch(&g, 42, TOUCH_MOVE, 10, 10, 5).kind, GESTURE_NONE);
    assert_int_equal(touch(&g, 42, TOUCH_UP, 10, 10, 6).kind, GESTURE_NONE);

    /* Time running backwards counts as no time: still a tap. */
    down(&g, 100, 100, 5000);
    assert_int_equal(up(&g, 100, 100, 4000).kind, GESTURE_TAP);

    /* An UP without a usable position is a cancel. */
    down(&g, 100, 100, 6000);
    assert_int_equal(up(&g, nan, 100, 6050).kind, GESTURE_NONE);

    /* A finger whose UP was lost is forgotten after a long silence. */
    down(&g, 100, 100, 7000);
    touch(&g, 2, TOUCH_DOWN, 100, 100, 7000 + 60000);
    assert_int_equal(touch(&g, 2, TOUCH_UP, 100, 100, 7000 + 60050).kind, GESTURE_TAP);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults_scale_with_screen),
        cmocka_unit_test(test_tap),
        cmocka_unit_test(test_press_is_reported_at_touch_down),
        cmocka_unit_test(test_tap_with_jitter),
        cmocka_unit_test(test_swipe_left_with_drag_progress),
        cmocka_unit_test(test_swipe_right_and_vertical),
        cmocka_unit_test(test_vertical_drag_scrolls),
        cmocka_unit_test(test_too_slow_short_or_diagonal_is_not_a_swipe),
        cmocka_unit_test(test_slow_drag_past_commit_distance_pages),
        cmocka_unit_test(test_long_press),
        cmocka_unit_test(test_multi_touch_is_ignored),
        cmocka_unit_test(test_cancel),
        cmocka_unit_test(test_bad_touches_are_tolerated),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
