/* staff_pin.c — PIN hashing with libsodium and the lockout count; see staff_pin.h. */
#define _POSIX_C_SOURCE 200809L
#include "staff/staff_pin.h"

#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

_Static_assert(STAFF_PIN_HASH_MAX >= crypto_pwhash_STRBYTES, "room for a libsodium hash string");

#define HASH_PREFIX "$argon2id$"

bool staff_pin_valid(const char *pin)
{
    size_t n = 0;
    for (; pin[n] != '\0'; n++) {
        if (pin[n] < '0' || pin[n] > '9' || n >= STAFF_PIN_MAX_DIGITS) {
            return false;
        }
    }
    return n >= STAFF_PIN_MIN_DIGITS;
}

bool staff_pin_hash_usable(const char *hash)
{
    size_t n = strnlen(hash, STAFF_PIN_HASH_MAX);
    return n < STAFF_PIN_HASH_MAX && strncmp(hash, HASH_PREFIX, strlen(HASH_PREFIX)) == 0;
}

bool staff_pin_hash(const char *pin, char *out, size_t size)
{
    if (size > 0) {
        out[0] = '\0';
    }
    char hash[crypto_pwhash_STRBYTES] = {0};
    if (size < crypto_pwhash_STRBYTES || !staff_pin_valid(pin) || sodium_init() < 0 ||
        crypto_pwhash_str(hash, pin, strlen(pin), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        return false;
    }
    memcpy(out, hash, sizeof hash);
    return true;
}

bool staff_pin_verify(const char *hash, const char *pin)
{
    return staff_pin_hash_usable(hash) && sodium_init() >= 0 &&
           crypto_pwhash_str_verify(hash, pin, strlen(pin)) == 0;
}

bool staff_pin_locked(const StaffPinLock *lock, uint64_t now_ms, uint64_t *ms_left)
{
    bool locked = lock->locked_until_ms > now_ms;
    if (ms_left) {
        *ms_left = locked ? lock->locked_until_ms - now_ms : 0;
    }
    return locked;
}

int staff_pin_minutes_left(const StaffPinLock *lock, uint64_t now_ms)
{
    uint64_t left = 0;
    return staff_pin_locked(lock, now_ms, &left) ? (int)((left + 59999u) / 60000u) : 0;
}

StaffPinResult staff_pin_check(StaffPinLock *lock, const char *hash, const char *pin, uint64_t now_ms)
{
    if (staff_pin_locked(lock, now_ms, NULL)) {
        return STAFF_PIN_LOCKED;
    }
    if (lock->locked_until_ms) { /* the lock ran out: five new tries */
        *lock = (StaffPinLock){0};
    }
    if (!staff_pin_hash_usable(hash)) {
        return STAFF_PIN_NO_HASH;
    }
    if (sodium_init() < 0) {
        return STAFF_PIN_FAILED;
    }
    int verdict = staff_pin_valid(pin) ? crypto_pwhash_str_verify(hash, pin, strlen(pin)) : -1;
    if (verdict == 0) {
        lock->failures = 0;
        return STAFF_PIN_OK;
    }
    lock->failures++;
    if (lock->failures >= STAFF_PIN_MAX_TRIES) {
        lock->locked_until_ms = now_ms + STAFF_PIN_LOCK_MS;
        return STAFF_PIN_LOCKED;
    }
    return STAFF_PIN_WRONG;
}

size_t staff_pin_lock_format(const StaffPinLock *lock, uint64_t now_ms, char *out, size_t size)
{
    uint64_t left = 0;
    bool locked = staff_pin_locked(lock, now_ms, &left);
    bool ran_out = !locked && lock->locked_until_ms != 0;
    int failures = locked ? STAFF_PIN_MAX_TRIES : ran_out ? 0 : lock->failures;
    int n = snprintf(out, size, "failures %d\nlocked_ms %" PRIu64 "\n", failures, left);
    return n > 0 && (size_t)n < size ? (size_t)n : 0;
}

bool staff_pin_lock_parse(StaffPinLock *lock, const char *text, uint64_t now_ms)
{
    int failures = 0;
    uint64_t left = 0;
    int used = 0;
    *lock = (StaffPinLock){0};
    if (sscanf(text, "failures %d locked_ms %" SCNu64 "%n", &failures, &left, &used) != 2 || failures < 0 ||
        text[used] != '\n' || text[used + 1] != '\0') {
        return false;
    }
    if (left > 0) {
        lock->failures = STAFF_PIN_MAX_TRIES;
        lock->locked_until_ms = now_ms + (left > STAFF_PIN_LOCK_MS ? STAFF_PIN_LOCK_MS : left);
    } else {
        /* Not locked: at most one try short of the lock. */
        lock->failures = failures >= STAFF_PIN_MAX_TRIES ? STAFF_PIN_MAX_TRIES - 1 : failures;
    }
    return true;
}
