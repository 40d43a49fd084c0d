/* minisign.h — minisign public keys and signatures, checked with libsodium.
 * Staff sign packs with the standard `minisign` tool; the kiosk trusts one or
 * more minisign public-key files. Only the prehashed algorithm "ED" is
 * accepted: the signature covers the BLAKE2b-512 hash of the file, so the
 * hash can be computed while the file is being copied (MinisignHash) and the
 * pack is never read twice. Start with minisign_verify().
 *
 * Formats (each base64 line decoded with sodium_base642bin):
 *   key:  "untrusted comment: ..." / base64("Ed" | key id[8] | public key[32])
 *   sig:  "untrusted comment: ..." / base64(alg[2] | key id[8] | sig[64]) /
 *         "trusted comment: <text>" / base64(global sig[64] over sig | text) */
#ifndef FACTS_UPDATE_MINISIGN_H
#define FACTS_UPDATE_MINISIGN_H

#include <sodium.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
    MINISIGN_KEY_ID_BYTES = 8,
    MINISIGN_PUBLIC_KEY_BYTES = 32,
    MINISIGN_SIGNATURE_BYTES = 64,
    MINISIGN_HASH_BYTES = 64,
    MINISIGN_TRUSTED_COMMENT_MAX = 8192,  /* minisign's own limit */
    MINISIGN_SIG_FILE_MAX = 16384,        /* larger files are refused as garbage */
    MINISIGN_KEY_FILE_MAX = 4096,
    MINISIGN_KEY_ID_TEXT = 17,            /* 16 hex digits + NUL */
};

typedef enum MinisignStatus {
    MINISIGN_OK = 0,
    MINISIGN_ERR_MISSING,        /* file does not exist */
    MINISIGN_ERR_IO,             /* unreadable, not a regular file, or too large */
    MINISIGN_ERR_MALFORMED,      /* truncated, garbage, unknown algorithm */
    MINISIGN_ERR_LEGACY,         /* legacy "Ed" signature over the whole file */
    MINISIGN_ERR_NO_KEYS,        /* no trusted key to check against */
    MINISIGN_ERR_UNKNOWN_KEY,    /* key id matches no trusted key */
    MINISIGN_ERR_BAD_SIGNATURE,  /* file (or signature) modified */
    MINISIGN_ERR_BAD_COMMENT,    /* trusted comment (or global signature) modified */
    MINISIGN_ERR_CRYPTO,         /* libsodium could not be initialised */
} MinisignStatus;

typedef struct MinisignKey {
    uint8_t key_id[MINISIGN_KEY_ID_BYTES];
    uint8_t public_key[MINISIGN_PUBLIC_KEY_BYTES];
} MinisignKey;

typedef struct MinisignSignature {
    bool legacy;  /* algorithm "Ed" (refused by minisign_verify) */
    uint8_t key_id[MINISIGN_KEY_ID_BYTES];
    uint8_t signature[MINISIGN_SIGNATURE_BYTES];
    char trusted_comment[MINISIGN_TRUSTED_COMMENT_MAX + 1];
    size_t trusted_comment_len;
    uint8_t global_signature[MINISIGN_SIGNATURE_BYTES];
} MinisignSignature;

/* Incremental BLAKE2b-512 of a file, the prehash of algorithm "ED". Lives on
 * the caller's stack (libsodium's state wants 64-byte alignment). */
typedef struct MinisignHash {
    crypto_generichash_state state;
} MinisignHash;

/* Parses a public-key file's text (len bytes, need not be NUL-terminated).
 * Returns MINISIGN_OK and fills *out, or MINISIGN_ERR_MALFORMED. */
MinisignStatus minisign_key_parse(const char *text, size_t len, MinisignKey *out);

/* Reads and parses a public-key file (regular file, no symlink, at most
 * MINISIGN_KEY_FILE_MAX bytes). Fails with MISSING, IO or MALFORMED. */
MinisignStatus minisign_key_read(const char *path, MinisignKey *out);

/* Parses a signature file's text. Accepts both "ED" and legacy "Ed" (the
 * latter is marked and refused later, so it gets its own message). Returns
 * MINISIGN_OK or MINISIGN_ERR_MALFORMED. */
MinisignStatus minisign_signature_parse(const char *text, size_t len, MinisignSignature *out);

/* Reads and parses a signature file, refusing symlinks, non-regular files and
 * anything over MINISIGN_SIG_FILE_MAX. Fails with MISSING, IO or MALFORMED. */
MinisignStatus minisign_signature_read(const char *path, MinisignSignature *out);

/* The same for name relative to the folder dir_fd (from fsio_open_dir()), so
 * that a folder swapped for a symlink after it was opened cannot redirect it. */
MinisignStatus minisign_signature_read_at(int dir_fd, const char *name, MinisignSignature *out);

/* Finds the trusted key whose id matches sig's. Returns its index, or -1. */
int minisign_find_key(const MinisignSignature *sig, const MinisignKey *keys, size_t key_count);

/* Checks sig against hash (the BLAKE2b-512 of the signed file) and the trusted
 * keys, in minisign's order: algorithm, key id, signature, global signature.
 * Each failure has its own status. Returns MINISIGN_OK when all pass. */
MinisignStatus minisign_verify(const MinisignSignature *sig, const uint8_t hash[MINISIGN_HASH_BYTES],
                               const MinisignKey *keys, size_t key_count);

/* The two halves of minisign_verify(), for callers that want to act in
 * between (the update pipeline has a fault point there). key is the trusted key
 * whose id matched. */
MinisignStatus minisign_verify_signature(const MinisignSignature *sig, const uint8_t hash[MINISIGN_HASH_BYTES],
                                         const MinisignKey *key);
MinisignStatus minisign_verify_comment(const MinisignSignature *sig, const MinisignKey *key);

/* Writes a key id as minisign prints it (16 upper-case hex digits, most
 * significant byte first) into out[MINISIGN_KEY_ID_TEXT]. */
void minisign_key_id_text(const uint8_t key_id[MINISIGN_KEY_ID_BYTES], char out[MINISIGN_KEY_ID_TEXT]);

/* Incremental hashing: init, any number of updates, final. Returns false only
 * when libsodium cannot be initialised. */
bool minisign_hash_init(MinisignHash *hash);
void minisign_hash_update(MinisignHash *hash, const void *data, size_t len);
void minisign_hash_final(MinisignHash *hash, uint8_t out[MINISIGN_HASH_BYTES]);

/* Short English description of a status, for logs ("signature file is truncated or garbage"). */
const char *minisign_status_text(MinisignStatus status);

#endif
