/* clock_trust: when the wall clock may be shown as "now" — a fake clock, timesyncd, or the
 * staff's confirmation or correction for that local day and boot — both states, and the text
 * the kiosk keeps in its state directory. A zone one hour east of UTC stands in for the
 * system's. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/clock_trust.h"

enum { HOUR = 3600, DAY = 86400 };

static bool utc_plus_one(void *user, int64_t t, ScheduleLocal *out)
{
    (void)user;
    int64_t local = t + HOUR;
    int64_t day = local >= 0 ? local / DAY : (local - DAY + 1) / DAY;
    out->day = (int32_t)day;
    out->second = (int32_t)(local - day * DAY);
    return true;
}

static const char BOOT[] = "8f0c2f3e-0000-4000-8000-000000000001";

/* The facts at system_s, on boot BOOT. */
static ClockTrustFacts facts_at(int64_t system_s)
{
    return (ClockTrustFacts){.system_s = system_s, .boot = BOOT, .zone = {utc_plus_one, NULL}};
}

/* 2026-12-08 10:00 local (09:00 UTC). */
static int64_t morning(void)
{
    return (int64_t)schedule_day_number(2026, 12, 8) * DAY + 9 * HOUR;
}

static void test_untrusted_without_a_source(void **state)
{
    (void)state;
    ClockTrust trust = {0};
    ClockTrustFacts facts = facts_at(morning());
    int64_t offset = 99;
    assert_int_equal(clock_trust_judge(&trust, &facts, &offset), CLOCK_TRUST_NONE);
    assert_int_equal(offset, 0);
    assert_string_equal(clock_trust_source_name(CLOCK_TRUST_NONE), "none");
    facts.synchronised = true;
    assert_int_equal(clock_trust_judge(&trust, &facts, &offset), CLOCK_TRUST_SYNCHRONISED);
    facts.fake = true;
    assert_int_equal(clock_trust_judge(&trust, &facts, NULL), CLOCK_TRUST_FAKE);
}

static void test_staff_correction_holds_for_its_day(void **state)
{
    (void)state;
    ClockTrust trust = {0};
    ClockTrustFacts facts = facts_at(morning());
    int64_t offset = 0;
    /* The system is 7 min 30 s slow: staff set the right time. */
    assert_true(clock_trust_confirm(&trust, &facts, morning() + 450));
    assert_int_equal(trust.offset_s, 450);
    assert_int_equal(trust.day, schedule_day_number(2026, 12, 8));
    assert_int_equal(clock_trust_judge(&trust, &facts, &offset), CLOCK_TRUST_STAFF);
    assert_int_equal(offset, 450);
    /* Later the same local day (23:00 local on the system, 23:07:30 corrected). */
    facts.system_s = morning() + 13 * HOUR;
    assert_int_equal(clock_trust_judge(&trust, &facts, &offset), CLOCK_TRUST_STAFF);
    /* The corrected time reaches midnight before the system's does: the next day is not confirmed. */
    facts.system_s = morning() + 15 * HOUR - 400;
    assert_int_equal(clock_trust_judge(&trust, &facts, &offset), CLOCK_TRUST_NONE);
    assert_int_equal(offset, 0);
    /* Another boot (a Pi without a real-time clock starts from its last saved time). */
    facts.system_s = morning() + HOUR;
    facts.boot = "8f0c2f3e-0000-4000-8000-000000000002";
    assert_int_equal(clock_trust_judge(&trust, &facts, &offset), CLOCK_TRUST_NONE);
    /* timesyncd wins: the system clock is right, the offset would make it wrong. */
    facts.boot = BOOT;
    facts.synchronised = true;
    assert_int_equal(clock_trust_judge(&trust, &facts, &offset), CLOCK_TRUST_SYNCHRONISED);
    assert_int_equal(offset, 0);
}

static void test_day_is_the_corrected_one(void **state)
{
    (void)state;
    ClockTrust trust = {0};
    /* The system says 23:50 on the 7th; it is really 00:10 on the 8th. */
    int64_t system = (int64_t)schedule_day_number(2026, 12, 7) * DAY + 23 * HOUR - HOUR + 50 * 60;
    ClockTrustFacts facts = facts_at(system);
    assert_true(clock_trust_confirm(&trust, &facts, system + 20 * 60));
    assert_int_equal(trust.day, schedule_day_number(2026, 12, 8));
    assert_int_equal(clock_trust_judge(&trust, &facts, NULL), CLOCK_TRUST_STAFF);
    /* "The time is right": offset 0. */
    assert_true(clock_trust_confirm(&trust, &facts, system));
    assert_int_equal(trust.offset_s, 0);
    assert_int_equal(trust.day, schedule_day_number(2026, 12, 7));
    facts.system_s = system + 20 * 60;
    assert_int_equal(clock_trust_judge(&trust, &facts, NULL), CLOCK_TRUST_NONE);
}

static void test_unbelievable_correction_is_refused(void **state)
{
    (void)state;
    ClockTrust trust = {0};
    ClockTrustFacts facts = facts_at(morning());
    assert_true(clock_trust_confirm(&trust, &facts, morning() - 30 * DAY));
    assert_false(clock_trust_confirm(&trust, &facts, morning() + (int64_t)CLOCK_TRUST_OFFSET_MAX_S + 1));
    assert_int_equal(trust.offset_s, -30 * DAY); /* unchanged */
    facts.zone.local = NULL;
    assert_false(clock_trust_confirm(&trust, &facts, morning()));
}

static void test_text_round_trip(void **state)
{
    (void)state;
    ClockTrust trust = {0};
    ClockTrust back = {0};
    char text[CLOCK_TRUST_TEXT_MAX];
    ClockTrustFacts facts = facts_at(morning());
    assert_int_equal(clock_trust_format(&trust, text, sizeof text), 0); /* nothing set */
    assert_true(clock_trust_confirm(&trust, &facts, morning() - 125));
    size_t len = clock_trust_format(&trust, text, sizeof text);
    assert_true(len > 0);
    assert_non_null(strstr(text, "\noffset_s=-125\nday=2026-12-08\nboot=8f0c2f3e-0000-4000-8000-000000000001\n"));
    assert_true(clock_trust_parse(&back, text));
    assert_true(back.set);
    assert_int_equal(back.offset_s, -125);
    assert_int_equal(back.day, trust.day);
    assert_string_equal(back.boot, BOOT);
    assert_int_equal(clock_trust_judge(&back, &facts, NULL), CLOCK_TRUST_STAFF);
    assert_int_equal(clock_trust_format(&trust, text, 20), 0); /* does not fit */

    const char *damaged[] = {
        "",
        "facts-kiosk-clock 2\noffset_s=0\nday=2026-12-08\nboot=\n",
        "facts-kiosk-clock 1\noffset_s=12x\nday=2026-12-08\nboot=\n",
        "facts-kiosk-clock 1\noffset_s=99999999999\nday=2026-12-08\nboot=\n",
        "facts-kiosk-clock 1\noffset_s=0\nday=2026-13-08\nboot=\n",
        "facts-kiosk-clock 1\noffset_s=0\nday=2026-12-08\n",
        "facts-kiosk-clock 1\noffset_s=0\nday=2026-12-08 \nboot=\n",
    };
    for (size_t i = 0; i < sizeof damaged / sizeof damaged[0]; i++) {
        back.set = true;
        assert_false(clock_trust_parse(&back, damaged[i]));
        assert_false(back.set);
        assert_int_equal(clock_trust_judge(&back, &facts, NULL), CLOCK_TRUST_NONE);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_untrusted_without_a_source),
        cmocka_unit_test(test_staff_correction_holds_for_its_day),
        cmocka_unit_test(test_day_is_the_corrected_one),
        cmocka_unit_test(test_unbelievable_correction_is_refused),
        cmocka_unit_test(test_text_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
