/* Scroll physics with a scripted clock: the page follows the finger, a flick glides and
 * slows down, a slow release stays put, the rubber band resists past the ends, a bounce
 * springs back to the end and stops there, the outcome does not depend on the frame rate,
 * and garbage input does not move anything. Viewport 800 px, content 3000 px (extent 2200). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include "core/scroll.h"

enum { VIEWPORT = 800, EXTENT = 2200 };

static Scroll make(void)
{
    ScrollConfig config = scroll_config_default((float)VIEWPORT);
    Scroll s;
    scroll_init(&s, &config, 0);
    scroll_set_extent(&s, (float)EXTENT, (float)VIEWPORT, 0);
    return s;
}

/* The finger moves from y0 to y1 in `steps` moves of 16 ms starting at t; returns the end time. */
static uint64_t stroke(Scroll *s, float y0, float y1, int steps, uint64_t t)
{
    scroll_drag(s, y0, t);
    for (int i = 1; i <= steps; i++) {
        t += 16;
        scroll_drag(s, y0 + (y1 - y0) * (float)i / (float)steps, t);
    }
    return t;
}

/* Ticks every frame_ms until the page rests (or limit_ms passes); returns when it came to rest. */
static uint64_t run(Scroll *s, uint64_t t, uint64_t frame_ms, uint64_t limit_ms)
{
    uint64_t end = t + limit_ms;
    while (scroll_moving(s) && t < end) {
        t += frame_ms;
        scroll_tick(s, t);
    }
    return t;
}

static void test_defaults(void **state)
{
    (void)state;
    ScrollConfig c = scroll_config_default(800.0f);
    assert_float_equal(c.viewport_px, 800.0f, 1e-6);
    assert_float_equal(c.max_px_per_s, 6400.0f, 1e-3);
    ScrollConfig bogus = scroll_config_default(NAN);
    assert_float_equal(bogus.viewport_px, 1000.0f, 1e-6);
    Scroll s;
    scroll_init(&s, NULL, 5);
    assert_float_equal(scroll_position(&s), 0.0f, 1e-6);
    assert_false(scroll_moving(&s));
    assert_float_equal(scroll_extent(&s), 0.0f, 1e-6);
}

static void test_follows_the_finger(void **state)
{
    (void)state;
    Scroll s = make();
    scroll_drag(&s, 900.0f, 1000);
    assert_true(scroll_held(&s));
    assert_float_equal(scroll_position(&s), 0.0f, 1e-4);
    scroll_drag(&s, 700.0f, 1016); /* finger up 200 px: content moves 200 px on */
    assert_float_equal(scroll_position(&s), 200.0f, 1e-3);
    scroll_drag(&s, 750.0f, 1032);
    assert_float_equal(scroll_position(&s), 150.0f, 1e-3);
    assert_false(scroll_moving(&s)); /* held: the finger moves it, not the clock */
    assert_false(scroll_tick(&s, 2000));
    assert_float_equal(scroll_position(&s), 150.0f, 1e-3);
}

static void test_flick_glides_and_slows_down(void **state)
{
    (void)state;
    Scroll s = make();
    /* 300 px up in 96 ms: ~3125 px/s. */
    uint64_t t = stroke(&s, 900.0f, 600.0f, 6, 0);
    assert_float_equal(scroll_position(&s), 300.0f, 1e-3);
    scroll_release(&s, t);
    assert_true(scroll_moving(&s));
    float last = scroll_position(&s);
    float last_step = 1e9f;
    for (int frame = 0; frame < 20; frame++) {
        t += 16;
        assert_true(scroll_tick(&s, t));
        float step = scroll_position(&s) - last;
        assert_true(step > 0.0f);          /* keeps going the finger's way */
        assert_true(step <= last_step + 1e-3f); /* and slows down */
        last_step = step;
        last = scroll_position(&s);
    }
    uint64_t rest = run(&s, t, 16, 10000);
    assert_false(scroll_moving(&s));
    /* Momentum 500 ms: about v * 0.5 s = 1560 px further, stopped within the content. */
    float travelled = scroll_position(&s) - 300.0f;
    assert_true(travelled > 1300.0f && travelled < 1700.0f);
    assert_true(rest - t < 3500); /* at rest within ~3 s */
    assert_false(scroll_tick(&s, rest + 100));
}

static void test_slow_release_stays(void **state)
{
    (void)state;
    Scroll s = make();
    uint64_t t = stroke(&s, 900.0f, 600.0f, 6, 0);
    /* The finger rests 200 ms before lifting: no flick. */
    scroll_drag(&s, 600.0f, t + 200);
    scroll_release(&s, t + 200);
    assert_false(scroll_moving(&s));
    assert_float_equal(scroll_position(&s), 300.0f, 1e-3);
    /* Resting longer than the window without any move event also counts as still. */
    Scroll r = make();
    t = stroke(&r, 900.0f, 600.0f, 6, 0);
    scroll_release(&r, t + 150);
    assert_false(scroll_moving(&r));
}

static void test_rubber_band_resists_past_the_top(void **state)
{
    (void)state;
    Scroll s = make();
    scroll_drag(&s, 100.0f, 0);
    scroll_drag(&s, 300.0f, 16); /* pulled down 200 px at the top */
    float shown = -scroll_position(&s);
    assert_true(shown > 50.0f && shown < 200.0f); /* follows, but less than the finger */
    scroll_drag(&s, 1100.0f, 32); /* 1000 px pull */
    float far = -scroll_position(&s);
    assert_true(far > shown);
    assert_true(far < (float)VIEWPORT); /* never more than the viewport */
    /* Back inside: one to one again, and no jump when crossing the edge. */
    scroll_drag(&s, 100.0f, 48);
    assert_float_equal(scroll_position(&s), 0.0f, 1e-2);
    scroll_drag(&s, 0.0f, 64);
    assert_float_equal(scroll_position(&s), 100.0f, 1e-2);
}

static void test_released_past_the_end_springs_back(void **state)
{
    (void)state;
    Scroll s = make();
    scroll_jump(&s, (float)EXTENT, 0);
    scroll_drag(&s, 600.0f, 1000);
    scroll_drag(&s, 300.0f, 1300); /* slowly pulled 300 px past the end */
    assert_true(scroll_position(&s) > (float)EXTENT + 50.0f);
    scroll_release(&s, 1500);
    assert_true(scroll_moving(&s));
    uint64_t t = 1500;
    float last = scroll_position(&s);
    while (scroll_moving(&s) && t < 3500) {
        t += 16;
        scroll_tick(&s, t);
        assert_true(scroll_position(&s) <= last + 1e-3f); /* straight back, no overshoot */
        assert_true(scroll_position(&s) >= (float)EXTENT);
        last = scroll_position(&s);
    }
    assert_false(scroll_moving(&s));
    assert_float_equal(scroll_position(&s), (float)EXTENT, 1e-4);
    assert_true(t - 1500 < 800); /* settles within a fraction of a second */
}

static void test_fling_into_the_end_bounces(void **state)
{
    (void)state;
    Scroll s = make();
    scroll_jump(&s, 1900.0f, 0);
    uint64_t t = stroke(&s, 900.0f, 500.0f, 5, 100); /* 400 px in 80 ms: 5000 px/s */
    scroll_release(&s, t);
    float furthest = 0.0f;
    while (scroll_moving(&s) && t < 10000) {
        t += 16;
        scroll_tick(&s, t);
        furthest = scroll_position(&s) > furthest ? scroll_position(&s) : furthest;
    }
    assert_true(furthest > (float)EXTENT + 10.0f);     /* overshot the end... */
    assert_true(furthest < (float)EXTENT + VIEWPORT / 2); /* ...a little */
    assert_float_equal(scroll_position(&s), (float)EXTENT, 1e-4); /* and came back to rest there */
}

static void test_fling_up_at_the_top_bounces(void **state)
{
    (void)state;
    Scroll s = make();
    scroll_jump(&s, 200.0f, 0);
    uint64_t t = stroke(&s, 300.0f, 700.0f, 5, 100);
    scroll_release(&s, t);
    float lowest = 0.0f;
    while (scroll_moving(&s) && t < 10000) {
        t += 16;
        scroll_tick(&s, t);
        lowest = scroll_position(&s) < lowest ? scroll_position(&s) : lowest;
    }
    assert_true(lowest < -10.0f); /* went past the top, then back */
    assert_float_equal(scroll_position(&s), 0.0f, 1e-4);
    assert_false(scroll_moving(&s));
}

static void test_frame_rate_does_not_change_the_outcome(void **state)
{
    (void)state;
    Scroll a = make();
    Scroll b = make();
    uint64_t t = stroke(&a, 900.0f, 600.0f, 6, 0);
    (void)stroke(&b, 900.0f, 600.0f, 6, 0);
    scroll_release(&a, t);
    scroll_release(&b, t);
    /* 60 fps against a stuttering loop: equal at the same moments. */
    uint64_t ta = t;
    uint64_t tb = t;
    for (int i = 0; i < 40; i++) {
        ta += 16;
        scroll_tick(&a, ta);
    }
    while (tb < ta) {
        tb += (tb / 16) % 3 ? 7 : 61;
        tb = tb > ta ? ta : tb;
        scroll_tick(&b, tb);
    }
    assert_float_equal(scroll_position(&a), scroll_position(&b), 0.5);
}

static void test_grab_stops_a_glide(void **state)
{
    (void)state;
    Scroll s = make();
    uint64_t t = stroke(&s, 900.0f, 600.0f, 6, 0);
    scroll_release(&s, t);
    scroll_tick(&s, t + 100);
    float at = scroll_position(&s);
    scroll_drag(&s, 500.0f, t + 100); /* finger down again */
    assert_false(scroll_moving(&s));
    assert_false(scroll_tick(&s, t + 400));
    assert_float_equal(scroll_position(&s), at, 1e-3);
}

static void test_extent_changes(void **state)
{
    (void)state;
    Scroll s = make();
    scroll_jump(&s, 2000.0f, 0);
    /* The text got shorter (another language): the page springs back inside. */
    scroll_set_extent(&s, 1000.0f, 0.0f, 10);
    assert_true(scroll_moving(&s));
    run(&s, 10, 16, 5000);
    assert_float_equal(scroll_position(&s), 1000.0f, 1e-4);
    /* Nothing to scroll: a drag only pulls the rubber band, and the page comes back to 0. */
    scroll_set_extent(&s, -50.0f, 0.0f, 6000);
    run(&s, 6000, 16, 5000);
    assert_float_equal(scroll_position(&s), 0.0f, 1e-4);
    scroll_drag(&s, 500.0f, 12000);
    scroll_drag(&s, 300.0f, 12016);
    assert_true(scroll_position(&s) > 0.0f && scroll_position(&s) < 200.0f);
    scroll_release(&s, 12300);
    run(&s, 12300, 16, 5000);
    assert_float_equal(scroll_position(&s), 0.0f, 1e-4);
    /* jump clamps; reset goes to the top and keeps the extent. */
    scroll_set_extent(&s, 500.0f, 0.0f, 20000);
    scroll_jump(&s, 9999.0f, 20000);
    assert_float_equal(scroll_position(&s), 500.0f, 1e-4);
    scroll_reset(&s, 20001);
    assert_float_equal(scroll_position(&s), 0.0f, 1e-4);
    assert_float_equal(scroll_extent(&s), 500.0f, 1e-4);
}

static void test_bad_input_is_ignored(void **state)
{
    (void)state;
    Scroll s = make();
    scroll_drag(&s, NAN, 0);
    assert_false(scroll_held(&s));
    scroll_drag(&s, 100.0f, 0);
    scroll_drag(&s, INFINITY, 16);
    assert_float_equal(scroll_position(&s), 0.0f, 1e-6);
    scroll_release(&s, 20);
    scroll_release(&s, 30); /* twice: harmless */
    scroll_set_extent(&s, NAN, NAN, 40);
    assert_float_equal(scroll_extent(&s), (float)EXTENT, 1e-6);
    scroll_jump(&s, NAN, 50);
    assert_float_equal(scroll_position(&s), 0.0f, 1e-6);
    /* A loop stalled for a minute mid-glide: the glide ends at once, inside the content. */
    uint64_t t = stroke(&s, 900.0f, 100.0f, 4, 100);
    scroll_release(&s, t);
    scroll_tick(&s, t + 60000);
    assert_false(scroll_moving(&s));
    assert_true(scroll_position(&s) >= 0.0f && scroll_position(&s) <= (float)EXTENT);
    /* Time going backwards moves nothing. */
    Scroll b = make();
    t = stroke(&b, 900.0f, 600.0f, 6, 1000);
    scroll_release(&b, t);
    float at = scroll_position(&b);
    assert_false(scroll_tick(&b, 500));
    assert_float_equal(scroll_position(&b), at, 1e-6);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_follows_the_finger),
        cmocka_unit_test(test_flick_glides_and_slows_down),
        cmocka_unit_test(test_slow_release_stays),
        cmocka_unit_test(test_rubber_band_resists_past_the_top),
        cmocka_unit_test(test_released_past_the_end_springs_back),
        cmocka_unit_test(test_fling_into_the_end_bounces),
        cmocka_unit_test(test_fling_up_at_the_top_bounces),
        cmocka_unit_test(test_frame_rate_does_not_change_the_outcome),
        cmocka_unit_test(test_grab_stops_a_glide),
        cmocka_unit_test(test_extent_changes),
        cmocka_unit_test(test_bad_input_is_ignored),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
