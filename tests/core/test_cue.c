/* The attract loop's call to touch: at most CUE_FPS redraws a second, each language in
 * turn with a fade between, a pulse that repeats, and the same look for every moment of a
 * step. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/cue.h"

static void test_steps_at_most_cue_fps(void **state)
{
    (void)state;
    /* Over ten seconds the loop wakes at most CUE_FPS times a second, never twice for one step. */
    int wakes = 0;
    uint64_t previous_step = cue_frame(0).step;
    for (uint64_t t = 0; t < 10000; t = cue_next_ms(t)) {
        uint64_t next = cue_next_ms(t);
        assert_true(next > t);
        assert_int_not_equal(cue_frame(next).step, cue_frame(t).step);
        assert_int_equal(cue_frame(next - 1).step, cue_frame(t).step);
        if (t > 0) {
            assert_int_equal(cue_frame(t).step, previous_step + 1);
        }
        previous_step = cue_frame(t).step;
        wakes++;
    }
    assert_true(wakes <= 10 * CUE_FPS);
    assert_true(wakes >= 10 * CUE_FPS - 1);
}

static void test_languages_in_turn_with_a_fade(void **state)
{
    (void)state;
    CueFrame c = cue_frame(0);
    assert_int_equal(c.lang, LANG_EN);
    assert_int_equal(c.next_lang, LANG_SR_LATN);
    assert_float_equal(c.blend, 0.0f, 1e-6);
    c = cue_frame(CUE_LANG_MS + 100);
    assert_int_equal(c.lang, LANG_SR_LATN);
    c = cue_frame(2 * CUE_LANG_MS + 100);
    assert_int_equal(c.lang, LANG_SR_CYRL);
    assert_int_equal(c.next_lang, LANG_EN);
    assert_int_equal(cue_frame(3 * CUE_LANG_MS + 100).lang, LANG_EN);
    /* The fade runs in the last CUE_FADE_MS of a language, rising to 1. */
    assert_float_equal(cue_frame(CUE_LANG_MS - CUE_FADE_MS - 100).blend, 0.0f, 1e-6);
    float previous = 0.0f;
    for (uint64_t t = CUE_LANG_MS - CUE_FADE_MS; t < CUE_LANG_MS; t += 20) {
        float blend = cue_frame(t).blend;
        assert_true(blend >= previous && blend <= 1.0f);
        previous = blend;
    }
    assert_true(previous > 0.8f);
}

static void test_pulse_repeats_and_steps_look_alike(void **state)
{
    (void)state;
    assert_float_equal(cue_frame(0).pulse, 0.0f, 1e-6);
    assert_true(cue_frame(CUE_PULSE_MS / 2).pulse > 0.4f);
    assert_true(cue_frame(CUE_PULSE_MS / 2).pulse < 0.6f);
    assert_true(cue_frame(CUE_PULSE_MS + 1).pulse < 0.1f);
    /* Two moments in one step are the same picture. */
    CueFrame a = cue_frame(1000);
    CueFrame b = cue_frame(cue_next_ms(1000) - 1);
    assert_int_equal(a.step, b.step);
    assert_float_equal(a.pulse, b.pulse, 1e-6);
    assert_float_equal(a.blend, b.blend, 1e-6);
    assert_int_equal(a.lang, b.lang);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_steps_at_most_cue_fps),
        cmocka_unit_test(test_languages_in_turn_with_a_fade),
        cmocka_unit_test(test_pulse_repeats_and_steps_look_alike),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
