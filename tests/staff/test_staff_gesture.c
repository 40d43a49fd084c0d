/* test_staff_gesture.c — the hidden two-corner gesture on a virtual clock: the right
 * sequence opens once; too short, too long, the wrong corner, a moving finger, a second
 * finger, a press outside the corners, too long between the presses, a cancelled touch —
 * each starts it over. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "staff/staff_gesture.h"

enum { W = 1280, H = 720 };

typedef struct Rig {
    StaffGesture g;
    uint64_t now;
    int opened;
} Rig;

static void setup_rig(Rig *r)
{
    StaffGestureConfig config = staff_gesture_config_default(W, H);
    staff_gesture_init(&r->g, &config);
    r->now = 1000000;
    r->opened = 0;
}

static void feed(Rig *r, int32_t id, float x, float y, TouchPhase phase)
{
    Touch t = {.id = id, .x = x, .y = y, .phase = phase, .t_ms = r->now};
    r->opened += staff_gesture_feed(&r->g, &t);
}

/* A press at (x, y) held hold_ms, then a pause of after_ms. */
static void hold(Rig *r, float x, float y, uint64_t hold_ms, uint64_t after_ms)
{
    feed(r, 1, x, y, TOUCH_DOWN);
    r->now += hold_ms / 2;
    feed(r, 1, x + 2.0f, y + 1.0f, TOUCH_MOVE); /* a resting finger jitters a little */
    r->now += hold_ms - hold_ms / 2;
    feed(r, 1, x + 2.0f, y + 1.0f, TOUCH_UP);
    r->now += after_ms;
}

static void test_corner_boxes(void **state)
{
    (void)state;
    StaffGestureConfig c = staff_gesture_config_default(W, H);
    assert_true(c.corner_px == 90.0f); /* an eighth of 720 */
    assert_int_equal(staff_gesture_corner(&c, 5, 5), STAFF_CORNER_TOP_LEFT);
    assert_int_equal(staff_gesture_corner(&c, W - 5, 5), STAFF_CORNER_TOP_RIGHT);
    assert_int_equal(staff_gesture_corner(&c, W - 5, H - 5), STAFF_CORNER_BOTTOM_RIGHT);
    assert_int_equal(staff_gesture_corner(&c, 5, H - 5), STAFF_CORNER_BOTTOM_LEFT);
    assert_int_equal(staff_gesture_corner(&c, W / 2, 5), STAFF_CORNER_NONE);
    assert_int_equal(staff_gesture_corner(&c, 100, 5), STAFF_CORNER_NONE);
    assert_int_equal(staff_corner_opposite(STAFF_CORNER_TOP_LEFT), STAFF_CORNER_BOTTOM_RIGHT);
    assert_int_equal(staff_corner_opposite(STAFF_CORNER_BOTTOM_LEFT), STAFF_CORNER_TOP_RIGHT);
}

static void test_opposite_corners_open(void **state)
{
    (void)state;
    Rig r;
    setup_rig(&r);
    hold(&r, 10, 10, 3000, 2000);
    assert_int_equal(r.opened, 0);
    hold(&r, W - 10, H - 10, 3000, 0);
    assert_int_equal(r.opened, 1);
    /* The other diagonal, and starting from either end, works the same. */
    hold(&r, 10, H - 10, 3200, 9000);
    hold(&r, W - 10, 10, 4000, 0);
    assert_int_equal(r.opened, 2);
    /* It starts over after opening: one more opposite hold does not open again. */
    hold(&r, 10, H - 10, 3000, 0);
    assert_int_equal(r.opened, 2);
}

static void test_too_short(void **state)
{
    (void)state;
    Rig r;
    setup_rig(&r);
    hold(&r, 10, 10, 2999, 500);
    hold(&r, W - 10, H - 10, 3000, 0);
    assert_int_equal(r.opened, 0); /* the first was short: the second is a new first */
    hold(&r, 10, 10, 2500, 0);
    assert_int_equal(r.opened, 0); /* the second too short: it starts over */
    hold(&r, 10, 10, 3000, 0);
    assert_int_equal(r.opened, 0); /* so this is a first again */
    hold(&r, W - 10, H - 10, 3000, 0);
    assert_int_equal(r.opened, 1);
}

static void test_taps_and_long_lean(void **state)
{
    (void)state;
    Rig r;
    setup_rig(&r);
    hold(&r, 10, 10, 80, 100); /* taps in the corners */
    hold(&r, W - 10, H - 10, 80, 100);
    assert_int_equal(r.opened, 0);
    hold(&r, 10, 10, STAFF_GESTURE_HOLD_MAX_MS + 1, 500); /* leaning on the frame */
    hold(&r, W - 10, H - 10, 3000, 0);
    assert_int_equal(r.opened, 0);
}

static void test_wrong_corner(void **state)
{
    (void)state;
    Rig r;
    setup_rig(&r);
    hold(&r, 10, 10, 3000, 500);
    hold(&r, W - 10, 10, 3000, 500); /* beside, not opposite: it becomes the first */
    assert_int_equal(r.opened, 0);
    hold(&r, W - 10, H - 10, 3000, 0); /* opposite of the first, not of the new first */
    assert_int_equal(r.opened, 0);
    hold(&r, 10, 10, 3000, 0); /* opposite of bottom-right, the last first */
    assert_int_equal(r.opened, 1);
    /* The same corner twice is not the gesture either. */
    hold(&r, 10, 10, 3000, 100);
    hold(&r, 10, 10, 3000, 0);
    assert_int_equal(r.opened, 1);
}

static void test_outside_the_corners(void **state)
{
    (void)state;
    Rig r;
    setup_rig(&r);
    hold(&r, 10, 10, 3000, 500);
    hold(&r, W / 2, H / 2, 3000, 500); /* a long press in the middle starts it over */
    hold(&r, W - 10, H - 10, 3000, 0);
    assert_int_equal(r.opened, 0);
}

static void test_too_long_between(void **state)
{
    (void)state;
    Rig r;
    setup_rig(&r);
    hold(&r, 10, 10, 3000, STAFF_GESTURE_BETWEEN_MS + 1);
    hold(&r, W - 10, H - 10, 3000, STAFF_GESTURE_BETWEEN_MS);
    assert_int_equal(r.opened, 0); /* too late: the second press became a new first */
    hold(&r, 10, 10, 3000, 0); /* exactly the limit after it is in time */
    assert_int_equal(r.opened, 1);
}

static void test_moving_finger(void **state)
{
    (void)state;
    Rig r;
    setup_rig(&r);
    hold(&r, 10, 10, 3000, 500);
    feed(&r, 1, W - 10, H - 10, TOUCH_DOWN);
    r.now += 1000;
    feed(&r, 1, W - 60, H - 60, TOUCH_MOVE); /* still in the corner box, but it slid */
    r.now += 2500;
    feed(&r, 1, W - 60, H - 60, TOUCH_UP);
    assert_int_equal(r.opened, 0);
    /* A finger that slides out of the corner box and back does not count either. */
    setup_rig(&r);
    hold(&r, 10, 10, 3000, 500);
    feed(&r, 1, W - 10, H - 10, TOUCH_DOWN);
    r.now += 1000;
    feed(&r, 1, W / 2, H / 2, TOUCH_MOVE);
    feed(&r, 1, W - 10, H - 10, TOUCH_MOVE);
    r.now += 2500;
    feed(&r, 1, W - 10, H - 10, TOUCH_UP);
    assert_int_equal(r.opened, 0);
}

static void test_second_finger_and_cancel(void **state)
{
    (void)state;
    Rig r;
    setup_rig(&r);
    hold(&r, 10, 10, 3000, 500);
    feed(&r, 1, W - 10, H - 10, TOUCH_DOWN);
    r.now += 1000;
    feed(&r, 2, W / 2, H / 2, TOUCH_DOWN); /* a palm, a second hand */
    r.now += 2500;
    feed(&r, 2, W / 2, H / 2, TOUCH_UP);
    feed(&r, 1, W - 10, H - 10, TOUCH_UP);
    assert_int_equal(r.opened, 0);
    /* Two fingers in the corner, the second held long enough: still two fingers. */
    setup_rig(&r);
    hold(&r, 10, 10, 3000, 500);
    feed(&r, 1, W - 10, H - 10, TOUCH_DOWN);
    r.now += 100;
    feed(&r, 2, W - 20, H - 20, TOUCH_DOWN);
    r.now += 3500;
    feed(&r, 2, W - 20, H - 20, TOUCH_UP);
    feed(&r, 1, W - 10, H - 10, TOUCH_UP);
    assert_int_equal(r.opened, 0);
    setup_rig(&r);
    hold(&r, 10, 10, 3000, 500);
    feed(&r, 1, W - 10, H - 10, TOUCH_DOWN);
    r.now += 3500;
    feed(&r, 1, W - 10, H - 10, TOUCH_CANCEL);
    assert_int_equal(r.opened, 0);
    hold(&r, W - 10, H - 10, 3000, 0); /* the first corner was forgotten too */
    assert_int_equal(r.opened, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_corner_boxes),
        cmocka_unit_test(test_opposite_corners_open),
        cmocka_unit_test(test_too_short),
        cmocka_unit_test(test_taps_and_long_lean),
        cmocka_unit_test(test_wrong_corner),
        cmocka_unit_test(test_outside_the_corners),
        cmocka_unit_test(test_too_long_between),
        cmocka_unit_test(test_moving_finger),
        cmocka_unit_test(test_second_finger_and_cancel),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
