/* minisign: real keys and signatures from the `minisign` binary, then each kind
 * of tampering refused with its own status; incremental hashing; parsers fed
 * truncated and garbage input. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "update/fixture.h"
#include "update/minisign.h"

typedef struct Env {
    char *dir;
    char file[FSIO_PATH_MAX];
    char sig[FSIO_PATH_MAX];
    char key_prefix[FSIO_PATH_MAX];
    char pub[FSIO_PATH_MAX];
    char secret[FSIO_PATH_MAX];
    MinisignKey key;
} Env;

static int setup(void **state)
{
    Env *env = calloc(1, sizeof *env);
    assert_non_null(env);
    fixture_require_minisign();
    env->dir = fixture_temp_dir();
    fixture_path(env->file, env->dir, "content.db");
    fixture_path(env->sig, env->dir, "content.db.minisig");
    fixture_path(env->key_prefix, env->dir, "test");
    fixture_suffixed(env->pub, env->key_prefix, ".pub");
    fixture_suffixed(env->secret, env->key_prefix, ".key");
    fixture_keygen(env->key_prefix);
    assert_int_equal(minisign_key_read(env->pub, &env->key), MINISIGN_OK);
    fixture_write_pack(env->file, 3, 200000);
    fixture_sign(env->secret, env->file, env->sig, "pack 3 for the fair", false);
    *state = env;
    return 0;
}

static int teardown(void **state)
{
    Env *env = *state;
    fixture_remove_tree(env->dir);
    free(env->dir);
    free(env);
    return 0;
}

static void hash_file(const char *path, uint8_t out[MINISIGN_HASH_BYTES])
{
    size_t len = 0;
    char *data = fixture_read_file(path, &len);
    MinisignHash hash;
    assert_non_null(data);
    assert_true(minisign_hash_init(&hash));
    minisign_hash_update(&hash, data, len);
    minisign_hash_final(&hash, out);
    free(data);
}

static MinisignStatus verify_env(const Env *env)
{
    uint8_t hash[MINISIGN_HASH_BYTES] = {0};
    MinisignSignature *sig = calloc(1, sizeof *sig);
    MinisignStatus status = MINISIGN_OK;
    assert_non_null(sig);
    hash_file(env->file, hash);
    status = minisign_signature_read(env->sig, sig);
    if (status == MINISIGN_OK) {
        status = minisign_verify(sig, hash, &env->key, 1);
    }
    free(sig);
    return status;
}

static void test_real_signature_verifies(void **state)
{
    Env *env = *state;
    assert_int_equal(verify_env(env), MINISIGN_OK);
}

static void test_key_id_matches_minisign_comment(void **state)
{
    Env *env = *state;
    char id[MINISIGN_KEY_ID_TEXT] = {0};
    char *pub = fixture_read_file(env->pub, NULL);
    assert_non_null(pub);
    minisign_key_id_text(env->key.key_id, id);
    /* minisign's comment prints the id as a number, without leading zeros (1 key in 16). */
    const char *digits = id;
    while (digits[0] == '0' && digits[1] != '\0') {
        digits++;
    }
    char expected[MINISIGN_KEY_ID_TEXT + 32];
    snprintf(expected, sizeof expected, "minisign public key %s\n", digits);
    assert_non_null(strstr(pub, expected));
    free(pub);
}

static void test_incremental_hash_equals_one_shot(void **state)
{
    Env *env = *state;
    uint8_t whole[MINISIGN_HASH_BYTES] = {0};
    uint8_t pieces[MINISIGN_HASH_BYTES] = {0};
    size_t len = 0;
    char *data = fixture_read_file(env->file, &len);
    MinisignHash hash;

    assert_non_null(data);
    crypto_generichash(whole, sizeof whole, (const unsigned char *)data, len, NULL, 0);
    assert_true(minisign_hash_init(&hash));
    for (size_t pos = 0, step = 1; pos < len; pos += step, step = step * 3 + 1) {
        size_t n = (len - pos < step) ? len - pos : step;
        minisign_hash_update(&hash, data + pos, n);
    }
    minisign_hash_final(&hash, pieces);
    assert_memory_equal(whole, pieces, sizeof whole);
    free(data);
}

static void test_flipped_pack_byte_is_bad_signature(void **state)
{
    Env *env = *state;
    fixture_flip_byte(env->file, 100000);
    assert_int_equal(verify_env(env), MINISIGN_ERR_BAD_SIGNATURE);
}

static void test_modified_trusted_comment(void **state)
{
    Env *env = *state;
    size_t len = 0;
    char *text = fixture_read_file(env->sig, &len);
    char *comment = strstr(text, "pack 3");
    assert_non_null(comment);
    comment[5] = '9';  /* "pack 9 for the fair" */
    fixture_write_file(env->sig, text, len);
    free(text);
    assert_int_equal(verify_env(env), MINISIGN_ERR_BAD_COMMENT);
}

static void test_flipped_signature_byte(void **state)
{
    Env *env = *state;
    fixture_tamper_signature(env->sig, 2 + 8 + 17);
    assert_int_equal(verify_env(env), MINISIGN_ERR_BAD_SIGNATURE);
}

static void test_flipped_global_signature_byte(void **state)
{
    Env *env = *state;
    size_t len = 0;
    char *text = fixture_read_file(env->sig, &len);
    /* Last line is the global signature; change one base64 digit. */
    char *last = strrchr(text, '\n');
    while (last > text && *(last - 1) != '\n') {
        last--;
    }
    last[3] = last[3] == 'A' ? 'B' : 'A';
    fixture_write_file(env->sig, text, len);
    free(text);
    assert_int_equal(verify_env(env), MINISIGN_ERR_BAD_COMMENT);
}

static void test_legacy_algorithm_refused(void **state)
{
    Env *env = *state;
    fixture_sign(env->secret, env->file, env->sig, "legacy", true);
    assert_int_equal(verify_env(env), MINISIGN_ERR_LEGACY);
}

static void test_unknown_key_and_key_rotation(void **state)
{
    Env *env = *state;
    char other_prefix[FSIO_PATH_MAX] = {0};
    char other_pub[FSIO_PATH_MAX] = {0};
    char other_secret[FSIO_PATH_MAX] = {0};
    MinisignKey keys[2] = {0};
    uint8_t hash[MINISIGN_HASH_BYTES] = {0};
    MinisignSignature *sig = calloc(1, sizeof *sig);

    assert_non_null(sig);
    fixture_path(other_prefix, env->dir, "other");
    fixture_suffixed(other_pub, other_prefix, ".pub");
    fixture_suffixed(other_secret, other_prefix, ".key");
    fixture_keygen(other_prefix);
    fixture_sign(other_secret, env->file, env->sig, "signed by another key", false);
    assert_int_equal(verify_env(env), MINISIGN_ERR_UNKNOWN_KEY);

    /* Both keys trusted (rotation): the second one matches. */
    keys[0] = env->key;
    assert_int_equal(minisign_key_read(other_pub, &keys[1]), MINISIGN_OK);
    hash_file(env->file, hash);
    assert_int_equal(minisign_signature_read(env->sig, sig), MINISIGN_OK);
    assert_int_equal(minisign_find_key(sig, keys, 2), 1);
    assert_int_equal(minisign_verify(sig, hash, keys, 2), MINISIGN_OK);
    assert_int_equal(minisign_verify(sig, hash, keys, 0), MINISIGN_ERR_NO_KEYS);
    free(sig);
}

static void test_truncated_signature_files(void **state)
{
    Env *env = *state;
    size_t len = 0;
    char *text = fixture_read_file(env->sig, &len);
    MinisignSignature *sig = calloc(1, sizeof *sig);
    const char *last_line = NULL;

    assert_non_null(text);
    assert_non_null(sig);
    /* Every prefix that cuts into the global signature line or earlier fails. */
    last_line = strrchr(text, '\n');
    while (last_line > text && *(last_line - 1) != '\n') {
        last_line--;
    }
    for (size_t cut = 0; cut < (size_t)(last_line - text) + 86; cut++) {
        assert_int_equal(minisign_signature_parse(text, cut, sig), MINISIGN_ERR_MALFORMED);
    }
    assert_int_equal(minisign_signature_parse(text, len, sig), MINISIGN_OK);
    fixture_write_file(env->sig, text, len / 2);
    assert_int_equal(verify_env(env), MINISIGN_ERR_MALFORMED);
    free(sig);
    free(text);
}

static void test_garbage_empty_missing_and_symlinked_signatures(void **state)
{
    Env *env = *state;
    char link[FSIO_PATH_MAX] = {0};
    MinisignSignature *sig = calloc(1, sizeof *sig);
    unsigned char noise[3000] = {0};

    assert_non_null(sig);
    randombytes_buf(noise, sizeof noise);
    fixture_write_file(env->sig, noise, sizeof noise);
    assert_int_equal(verify_env(env), MINISIGN_ERR_MALFORMED);
    fixture_write_file(env->sig, "", 0);
    assert_int_equal(verify_env(env), MINISIGN_ERR_MALFORMED);
    fixture_write_file(env->sig, "untrusted comment: x\nnot base64!\ntrusted comment: y\nzzz\n", 54);
    assert_int_equal(verify_env(env), MINISIGN_ERR_MALFORMED);
    unlink(env->sig);
    assert_int_equal(verify_env(env), MINISIGN_ERR_MISSING);
    fixture_path(link, env->dir, "elsewhere.minisig");
    fixture_sign(env->secret, env->file, link, "good but behind a symlink", false);
    assert_int_equal(symlink(link, env->sig), 0);
    assert_int_equal(minisign_signature_read(env->sig, sig), MINISIGN_ERR_IO);
    free(sig);
}

static void test_key_parser_rejects_bad_keys(void **state)
{
    Env *env = *state;
    MinisignKey key = {0};
    size_t len = 0;
    char *text = fixture_read_file(env->pub, &len);

    assert_non_null(text);
    for (size_t cut = 0; cut + 1 < len; cut++) {
        assert_int_equal(minisign_key_parse(text, cut, &key), MINISIGN_ERR_MALFORMED);
    }
    assert_int_equal(minisign_key_parse(text, len, &key), MINISIGN_OK);
    assert_int_equal(minisign_key_parse("untrusted comment: x\nAAAA\n", 26, &key), MINISIGN_ERR_MALFORMED);
    assert_int_equal(minisign_key_read("/nonexistent/key.pub", &key), MINISIGN_ERR_MISSING);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_real_signature_verifies, setup, teardown),
        cmocka_unit_test_setup_teardown(test_key_id_matches_minisign_comment, setup, teardown),
        cmocka_unit_test_setup_teardown(test_incremental_hash_equals_one_shot, setup, teardown),
        cmocka_unit_test_setup_teardown(test_flipped_pack_byte_is_bad_signature, setup, teardown),
        cmocka_unit_test_setup_teardown(test_modified_trusted_comment, setup, teardown),
        cmocka_unit_test_setup_teardown(test_flipped_signature_byte, setup, teardown),
        cmocka_unit_test_setup_teardown(test_flipped_global_signature_byte, setup, teardown),
        cmocka_unit_test_setup_teardown(test_legacy_algorithm_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unknown_key_and_key_rotation, setup, teardown),
        cmocka_unit_test_setup_teardown(test_truncated_signature_files, setup, teardown),
        cmocka_unit_test_setup_teardown(test_garbage_empty_missing_and_symlinked_signatures, setup, teardown),
        cmocka_unit_test_setup_teardown(test_key_parser_rejects_bad_keys, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
