/* staff_pin.h — the staff PIN: 4 to 8 digits, kept only as a libsodium Argon2id hash
 * (crypto_pwhash_str, INTERACTIVE limits: 64 MiB and about 85 ms to verify on a 2-core x86
 * build machine, under a second on a Raspberry Pi; MODERATE would need 256 MiB and several
 * seconds there) in kiosk.conf's [staff] pin_hash; and the lockout: STAFF_PIN_MAX_TRIES wrong
 * PINs in a row lock the pad for STAFF_PIN_LOCK_MS, counted on the caller's monotonic clock
 * (a test passes a virtual one).
 *
 * The lockout survives a restart of the kiosk (otherwise pulling the plug would reset it):
 * staff_pin_lock_format() writes it as a small text the app keeps in the state directory and
 * staff_pin_lock_parse() reads it back; a lock read back runs its remaining time again from
 * the moment it is read, so a restart can lengthen a lock but never shorten it.
 * Start with staff_pin_check(). */
#ifndef FACTS_STAFF_STAFF_PIN_H
#define FACTS_STAFF_STAFF_PIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
    STAFF_PIN_MIN_DIGITS = 4,
    STAFF_PIN_MAX_DIGITS = 8,
    STAFF_PIN_MAX_TRIES = 5,             /* wrong PINs in a row before the lock */
    STAFF_PIN_LOCK_MS = 5 * 60 * 1000,   /* how long the lock lasts */
    STAFF_PIN_HASH_MAX = 128,            /* crypto_pwhash_STRBYTES */
    STAFF_PIN_LOCK_TEXT_MAX = 96,
};

typedef enum StaffPinResult {
    STAFF_PIN_OK = 0,    /* the right PIN: the count of wrong ones starts again */
    STAFF_PIN_WRONG,     /* counted; see StaffPinLock.failures */
    STAFF_PIN_LOCKED,    /* not even checked: the pad is locked */
    STAFF_PIN_NO_HASH,   /* no usable pin_hash is configured: nothing opens */
    STAFF_PIN_FAILED,    /* libsodium could not start or ran out of memory: not counted */
} StaffPinResult;

/* Wrong PINs in a row and, once locked, until when (0: not locked). Zero-initialise it. */
typedef struct StaffPinLock {
    int failures;
    uint64_t locked_until_ms;
} StaffPinLock;

/* True when pin is STAFF_PIN_MIN_DIGITS to STAFF_PIN_MAX_DIGITS ASCII digits and nothing else. */
bool staff_pin_valid(const char *pin);

/* True when hash looks like what staff_pin_hash() writes ("$argon2id$..." and short enough). */
bool staff_pin_hash_usable(const char *hash);

/* Hashes pin (staff_pin_valid) into out (size >= STAFF_PIN_HASH_MAX) with a fresh salt.
 * Returns false (out "") for an invalid PIN or when libsodium fails. Slow on purpose. */
bool staff_pin_hash(const char *pin, char *out, size_t size);

/* True when pin matches hash. Slow on purpose (about as long as staff_pin_hash). */
bool staff_pin_verify(const char *hash, const char *pin);

/* One PIN typed at now_ms: refused unchecked while locked; else verified against hash. A
 * wrong one is counted and the STAFF_PIN_MAX_TRIES-th in a row locks for STAFF_PIN_LOCK_MS;
 * the right one clears the count. A lock that has run out is cleared first. */
StaffPinResult staff_pin_check(StaffPinLock *lock, const char *hash, const char *pin, uint64_t now_ms);

/* True while locked at now_ms, with the time left in *ms_left (may be NULL). */
bool staff_pin_locked(const StaffPinLock *lock, uint64_t now_ms, uint64_t *ms_left);

/* Whole minutes left, rounded up ("locked for 5 more minutes"); 0 when not locked. */
int staff_pin_minutes_left(const StaffPinLock *lock, uint64_t now_ms);

/* The lock as text for the state directory ("failures 2\nlocked_ms 0\n": locked_ms is the
 * time left at now_ms). Returns its length, or 0 if size is too small. */
size_t staff_pin_lock_format(const StaffPinLock *lock, uint64_t now_ms, char *out, size_t size);

/* Reads what staff_pin_lock_format() wrote into *lock, the time left counted again from
 * now_ms (at most STAFF_PIN_LOCK_MS). Text it does not understand gives false and leaves
 * *lock cleared. */
bool staff_pin_lock_parse(StaffPinLock *lock, const char *text, uint64_t now_ms);

#endif
