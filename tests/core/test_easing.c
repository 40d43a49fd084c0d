/* Easing curves: end points, symmetry, monotonicity, clamping, and the
 * elapsed-time fraction. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include "core/easing.h"

static void test_in_out_cubic_shape(void **state)
{
    (void)state;
    assert_float_equal(easing_in_out_cubic(0.0f), 0.0f, 1e-6);
    assert_float_equal(easing_in_out_cubic(0.25f), 0.0625f, 1e-6);
    assert_float_equal(easing_in_out_cubic(0.5f), 0.5f, 1e-6);
    assert_float_equal(easing_in_out_cubic(0.75f), 0.9375f, 1e-6);
    assert_float_equal(easing_in_out_cubic(1.0f), 1.0f, 1e-6);
    float previous = -1.0f;
    for (int i = 0; i <= 100; i++) {
        float t = (float)i / 100.0f;
        float v = easing_in_out_cubic(t);
        assert_true(v >= previous);
        /* Point symmetry around the middle. */
        assert_float_equal(v, 1.0f - easing_in_out_cubic(1.0f - t), 1e-5);
        previous = v;
    }
}

static void test_out_cubic_and_linear(void **state)
{
    (void)state;
    assert_float_equal(easing_out_cubic(0.0f), 0.0f, 1e-6);
    assert_float_equal(easing_out_cubic(0.5f), 0.875f, 1e-6);
    assert_float_equal(easing_out_cubic(1.0f), 1.0f, 1e-6);
    assert_float_equal(easing_linear(0.3f), 0.3f, 1e-6);
}

static void test_clamping(void **state)
{
    (void)state;
    assert_float_equal(easing_in_out_cubic(-3.0f), 0.0f, 1e-6);
    assert_float_equal(easing_in_out_cubic(7.0f), 1.0f, 1e-6);
    assert_float_equal(easing_in_out_cubic(NAN), 0.0f, 1e-6);
    assert_float_equal(easing_out_cubic(INFINITY), 1.0f, 1e-6);
    assert_float_equal(easing_linear(-INFINITY), 0.0f, 1e-6);
}

static void test_progress(void **state)
{
    (void)state;
    assert_float_equal(easing_progress(1000, 600, 900), 0.0f, 1e-6);
    assert_float_equal(easing_progress(1000, 600, 1000), 0.0f, 1e-6);
    assert_float_equal(easing_progress(1000, 600, 1150), 0.25f, 1e-6);
    assert_float_equal(easing_progress(1000, 600, 1600), 1.0f, 1e-6);
    assert_float_equal(easing_progress(1000, 600, 99999), 1.0f, 1e-6);
    assert_float_equal(easing_progress(1000, 0, 1000), 1.0f, 1e-6);
    assert_float_equal(easing_progress(UINT64_MAX - 10, 600, UINT64_MAX), 10.0f / 600.0f, 1e-6);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_in_out_cubic_shape),
        cmocka_unit_test(test_out_cubic_and_linear),
        cmocka_unit_test(test_clamping),
        cmocka_unit_test(test_progress),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
