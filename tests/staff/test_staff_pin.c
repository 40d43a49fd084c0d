/* test_staff_pin.c — the PIN and its lockout with real libsodium hashes on a virtual clock:
 * 5 wrong PINs lock for 5 minutes (even the right PIN is refused, unchecked), the lock runs
 * out, the right PIN clears the count; the lock's text for the state directory reads back
 * (a restart cannot shorten a lock) and nonsense is refused; PIN rules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "staff/staff_pin.h"

#include <string.h>

static char hash[STAFF_PIN_HASH_MAX];

static int make_hash(void **state)
{
    (void)state;
    return staff_pin_hash("2468", hash, sizeof hash) ? 0 : -1;
}

static void test_pin_rules(void **state)
{
    (void)state;
    assert_true(staff_pin_valid("0000"));
    assert_true(staff_pin_valid("12345678"));
    assert_false(staff_pin_valid("123"));
    assert_false(staff_pin_valid("123456789"));
    assert_false(staff_pin_valid("12a4"));
    assert_false(staff_pin_valid("12 34"));
    assert_false(staff_pin_valid(""));
    char out[STAFF_PIN_HASH_MAX] = "x";
    assert_false(staff_pin_hash("12", out, sizeof out));
    assert_string_equal(out, "");
    assert_false(staff_pin_hash("1234", out, 16)); /* no room for the hash */
}

static void test_hash_verifies(void **state)
{
    (void)state;
    assert_true(strncmp(hash, "$argon2id$", 10) == 0);
    assert_true(staff_pin_hash_usable(hash));
    assert_true(staff_pin_verify(hash, "2468"));
    assert_false(staff_pin_verify(hash, "2469"));
    assert_false(staff_pin_verify(hash, "24680"));
    assert_false(staff_pin_verify("", "2468"));
    assert_false(staff_pin_hash_usable("2468"));
    assert_false(staff_pin_hash_usable("$2b$10$abcdefghijklmnopqrstuv")); /* bcrypt is not what set-pin writes */
    char again[STAFF_PIN_HASH_MAX];
    assert_true(staff_pin_hash("2468", again, sizeof again));
    assert_string_not_equal(again, hash); /* a fresh salt each time */
    assert_true(staff_pin_verify(again, "2468"));
}

static void test_five_wrong_lock_for_five_minutes(void **state)
{
    (void)state;
    StaffPinLock lock = {0};
    uint64_t now = 5000000;
    for (int i = 1; i < STAFF_PIN_MAX_TRIES; i++) {
        assert_int_equal(staff_pin_check(&lock, hash, "1111", now), STAFF_PIN_WRONG);
        assert_int_equal(lock.failures, i);
        assert_false(staff_pin_locked(&lock, now, NULL));
        now += 1000;
    }
    assert_int_equal(staff_pin_check(&lock, hash, "1111", now), STAFF_PIN_LOCKED); /* the fifth */
    uint64_t left = 0;
    assert_true(staff_pin_locked(&lock, now, &left));
    assert_int_equal(left, STAFF_PIN_LOCK_MS);
    assert_int_equal(staff_pin_minutes_left(&lock, now), 5);
    /* Locked: even the right PIN is refused without being checked. */
    assert_int_equal(staff_pin_check(&lock, hash, "2468", now + 1), STAFF_PIN_LOCKED);
    assert_int_equal(staff_pin_minutes_left(&lock, now + 60001), 4);
    assert_int_equal(staff_pin_minutes_left(&lock, now + STAFF_PIN_LOCK_MS - 1), 1);
    assert_int_equal(staff_pin_check(&lock, hash, "2468", now + STAFF_PIN_LOCK_MS - 1), STAFF_PIN_LOCKED);
    /* Five minutes later the pad opens again, with five new tries. */
    now += STAFF_PIN_LOCK_MS;
    assert_false(staff_pin_locked(&lock, now, NULL));
    assert_int_equal(staff_pin_minutes_left(&lock, now), 0);
    assert_int_equal(staff_pin_check(&lock, hash, "1111", now), STAFF_PIN_WRONG);
    assert_int_equal(lock.failures, 1);
    assert_int_equal(staff_pin_check(&lock, hash, "2468", now), STAFF_PIN_OK);
}

static void test_right_pin_resets_the_count(void **state)
{
    (void)state;
    StaffPinLock lock = {0};
    uint64_t now = 100;
    for (int i = 0; i < STAFF_PIN_MAX_TRIES - 1; i++) {
        assert_int_equal(staff_pin_check(&lock, hash, "9999", now++), STAFF_PIN_WRONG);
    }
    assert_int_equal(staff_pin_check(&lock, hash, "2468", now++), STAFF_PIN_OK);
    assert_int_equal(lock.failures, 0);
    for (int i = 0; i < STAFF_PIN_MAX_TRIES - 1; i++) { /* four more wrong ones do not lock */
        assert_int_equal(staff_pin_check(&lock, hash, "9999", now++), STAFF_PIN_WRONG);
    }
    assert_false(staff_pin_locked(&lock, now, NULL));
    /* Not a PIN at all counts as wrong; no hash configured opens nothing and counts nothing. */
    assert_int_equal(staff_pin_check(&lock, hash, "", now), STAFF_PIN_LOCKED);
    StaffPinLock other = {0};
    assert_int_equal(staff_pin_check(&other, "", "2468", now), STAFF_PIN_NO_HASH);
    assert_int_equal(other.failures, 0);
}

static void test_lock_survives_a_restart(void **state)
{
    (void)state;
    StaffPinLock lock = {0};
    char text[STAFF_PIN_LOCK_TEXT_MAX];
    uint64_t now = 7000000;
    /* Two wrong ones, a restart (a new process: its clock reads differently), three more. */
    staff_pin_check(&lock, hash, "1111", now);
    staff_pin_check(&lock, hash, "1111", now);
    assert_true(staff_pin_lock_format(&lock, now, text, sizeof text) > 0);
    assert_string_equal(text, "failures 2\nlocked_ms 0\n");
    StaffPinLock after = {0};
    assert_true(staff_pin_lock_parse(&after, text, 42));
    assert_int_equal(after.failures, 2);
    assert_false(staff_pin_locked(&after, 42, NULL));
    for (int i = 0; i < 2; i++) {
        assert_int_equal(staff_pin_check(&after, hash, "1111", 50), STAFF_PIN_WRONG);
    }
    assert_int_equal(staff_pin_check(&after, hash, "1111", 60), STAFF_PIN_LOCKED);
    /* Locked with 2 minutes to go: read back, the lock runs 2 more minutes from then. */
    uint64_t later = 60 + 3 * 60000;
    assert_true(staff_pin_lock_format(&after, later, text, sizeof text) > 0);
    assert_string_equal(text, "failures 5\nlocked_ms 120000\n");
    StaffPinLock restarted = {0};
    assert_true(staff_pin_lock_parse(&restarted, text, 9000));
    assert_true(staff_pin_locked(&restarted, 9000 + 119999, NULL));
    assert_false(staff_pin_locked(&restarted, 9000 + 120000, NULL));
    assert_int_equal(staff_pin_check(&restarted, hash, "2468", 9000 + 1), STAFF_PIN_LOCKED);
    assert_int_equal(staff_pin_check(&restarted, hash, "2468", 9000 + 120000), STAFF_PIN_OK);
    /* A lock that ran out is written as no count at all. */
    assert_true(staff_pin_lock_format(&after, 60 + STAFF_PIN_LOCK_MS, text, sizeof text) > 0);
    assert_string_equal(text, "failures 0\nlocked_ms 0\n");
}

static void test_lock_text_refused(void **state)
{
    (void)state;
    StaffPinLock lock = {3, 99};
    assert_false(staff_pin_lock_parse(&lock, "", 0));
    assert_int_equal(lock.failures, 0);
    assert_int_equal(lock.locked_until_ms, 0);
    assert_false(staff_pin_lock_parse(&lock, "failures 2\n", 0));
    assert_false(staff_pin_lock_parse(&lock, "failures -1\nlocked_ms 0\n", 0));
    assert_false(staff_pin_lock_parse(&lock, "failures 2\nlocked_ms 0\nmore\n", 0));
    /* A lock longer than a lock can be is cut to one; a count past the limit without a lock
     * leaves one try. */
    assert_true(staff_pin_lock_parse(&lock, "failures 5\nlocked_ms 99999999\n", 10));
    assert_int_equal(lock.locked_until_ms, 10 + STAFF_PIN_LOCK_MS);
    assert_true(staff_pin_lock_parse(&lock, "failures 9\nlocked_ms 0\n", 10));
    assert_int_equal(lock.failures, STAFF_PIN_MAX_TRIES - 1);
    char small[8];
    assert_int_equal(staff_pin_lock_format(&lock, 0, small, sizeof small), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pin_rules),
        cmocka_unit_test(test_hash_verifies),
        cmocka_unit_test(test_five_wrong_lock_for_five_minutes),
        cmocka_unit_test(test_right_pin_resets_the_count),
        cmocka_unit_test(test_lock_survives_a_restart),
        cmocka_unit_test(test_lock_text_refused),
    };
    return cmocka_run_group_tests(tests, make_hash, NULL);
}
