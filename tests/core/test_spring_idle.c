/* The pure pieces behind edge bounce and the idle warning: rubber-band
 * resistance, the spring-back curve, and the idle phases and their wake-up
 * times with a scripted clock. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include "core/idle.h"
#include "core/spring.h"

static void test_resist_follows_then_holds_back(void **state)
{
    (void)state;
    /* Slope 1 at rest: a small push follows the finger almost exactly. */
    assert_float_equal(spring_resist(2.0f, 120.0f), 2.0f * 120.0f / 122.0f, 1e-4);
    assert_float_equal(spring_resist(120.0f, 120.0f), 60.0f, 1e-4);
    assert_float_equal(spring_resist(-120.0f, 120.0f), -60.0f, 1e-4);
    float previous = 0.0f;
    for (float push = 50.0f; push < 5000.0f; push += 50.0f) {
        float shown = spring_resist(push, 120.0f);
        assert_true(shown > previous); /* monotonic */
        assert_true(shown < 120.0f);   /* never reaches the limit */
        assert_true(shown < push);
        previous = shown;
    }
    assert_float_equal(spring_resist(0.0f, 120.0f), 0.0f, 1e-6);
    assert_float_equal(spring_resist(NAN, 120.0f), 0.0f, 1e-6);
    assert_float_equal(spring_resist(INFINITY, 120.0f), 0.0f, 1e-6);
    assert_float_equal(spring_resist(100.0f, 0.0f), 0.0f, 1e-6);
    assert_float_equal(spring_resist(100.0f, NAN), 0.0f, 1e-6);
}

static void test_spring_comes_to_rest(void **state)
{
    (void)state;
    Spring s = spring_launch(-90.0f, 0.0f, 1000, 300);
    assert_true(s.active);
    assert_float_equal(spring_offset(&s, 1000), -90.0f, 1e-4);
    float previous = -90.0f;
    for (uint64_t t = 1010; t < 1300; t += 10) {
        float offset = spring_offset(&s, t);
        assert_true(offset >= previous); /* eases towards 0 without overshoot */
        assert_true(offset <= 0.0f);
        previous = offset;
    }
    /* Ease-out: most of the way back in the first half. */
    assert_true(spring_offset(&s, 1150) > -90.0f / 4.0f);
    assert_true(spring_running(&s, 1299));
    assert_false(spring_running(&s, 1300));
    assert_float_equal(spring_offset(&s, 1300), 0.0f, 1e-6);
    assert_int_equal(spring_end_ms(&s), 1300);

    /* A kick alone: out and back, peaking half way. */
    Spring bounce = spring_launch(0.0f, -40.0f, 0, 200);
    assert_float_equal(spring_offset(&bounce, 0), 0.0f, 1e-6);
    assert_float_equal(spring_offset(&bounce, 100), -40.0f, 1e-3);
    assert_float_equal(spring_offset(&bounce, 50), -30.0f, 1e-3);
    assert_float_equal(spring_offset(&bounce, 200), 0.0f, 1e-6);

    /* Nothing to move, no time, or garbage: at rest. */
    Spring none = spring_launch(0.0f, 0.0f, 0, 200);
    assert_false(none.active);
    assert_false(spring_running(&none, 0));
    assert_false(spring_launch(50.0f, 0.0f, 0, 0).active);
    Spring nan = spring_launch(NAN, NAN, 0, 200);
    assert_false(nan.active);
    assert_float_equal(spring_offset(&nan, 100), 0.0f, 1e-6);
}

static void test_idle_phases(void **state)
{
    (void)state;
    /* 45 s timeout, 10 s warning, last touch at 1000. */
    IdlePhase p = idle_phase(1000, 45000, 10000, 1000 + 34999);
    assert_false(p.warning);
    assert_false(p.expired);
    assert_int_equal(p.seconds_left, 0);
    p = idle_phase(1000, 45000, 10000, 1000 + 35000);
    assert_true(p.warning);
    assert_int_equal(p.seconds_left, 10);
    assert_int_equal(idle_phase(1000, 45000, 10000, 1000 + 35001).seconds_left, 10);
    assert_int_equal(idle_phase(1000, 45000, 10000, 1000 + 36000).seconds_left, 9);
    assert_int_equal(idle_phase(1000, 45000, 10000, 1000 + 44999).seconds_left, 1);
    p = idle_phase(1000, 45000, 10000, 1000 + 45000);
    assert_true(p.expired);
    assert_false(p.warning);
    /* Time before the last input counts as none passed. */
    assert_false(idle_phase(5000, 45000, 10000, 10).warning);
    /* A short timeout warns for half of it. */
    assert_int_equal(idle_warning_span_ms(5000, 10000), 2500);
    assert_int_equal(idle_warning_span_ms(45000, 10000), 10000);
    assert_true(idle_phase(0, 5000, 10000, 2500).warning);
    assert_int_equal(idle_phase(0, 5000, 10000, 2500).seconds_left, 3);
}

static void test_idle_wakes_only_on_changes(void **state)
{
    (void)state;
    assert_int_equal(idle_next_change_ms(1000, 45000, 10000, 1000), 36000);
    assert_int_equal(idle_next_change_ms(1000, 45000, 10000, 35999), 36000);
    assert_int_equal(idle_next_change_ms(1000, 45000, 10000, 36000), 37000);
    assert_int_equal(idle_next_change_ms(1000, 45000, 10000, 36500), 37000);
    assert_int_equal(idle_next_change_ms(1000, 45000, 10000, 44999), 45000);
    assert_int_equal(idle_next_change_ms(1000, 45000, 10000, 45500), 46000);
    assert_int_equal(idle_next_change_ms(1000, 45000, 10000, 46000), 46000); /* expired: now */
    assert_int_equal(idle_next_change_ms(1000, 45000, 10000, 50000), 50000);
    /* Each wake-up is where the shown seconds change. */
    for (uint64_t t = 36000; t < 46000; t = idle_next_change_ms(1000, 45000, 10000, t)) {
        uint64_t next = idle_next_change_ms(1000, 45000, 10000, t);
        assert_true(next > t);
        uint32_t now_left = idle_phase(1000, 45000, 10000, t).seconds_left;
        assert_int_equal(idle_phase(1000, 45000, 10000, next - 1).seconds_left, now_left);
        IdlePhase then = idle_phase(1000, 45000, 10000, next);
        assert_true(then.expired || then.seconds_left == now_left - 1);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_resist_follows_then_holds_back),
        cmocka_unit_test(test_spring_comes_to_rest),
        cmocka_unit_test(test_idle_phases),
        cmocka_unit_test(test_idle_wakes_only_on_changes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
