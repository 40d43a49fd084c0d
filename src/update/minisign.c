/* minisign.c — minisign key/signature parsing and verification; see minisign.h.
 * Reading order: the small-file reader, line splitting, the two parsers, then
 * verification and hashing. */
#define _POSIX_C_SOURCE 200809L
#include "update/minisign.h"

#include "durable/fsio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char UNTRUSTED_PREFIX[] = "untrusted comment: ";
static const char TRUSTED_PREFIX[] = "trusted comment: ";

enum {
    ALGORITHM_BYTES = 2,
    KEY_BLOB_BYTES = ALGORITHM_BYTES + MINISIGN_KEY_ID_BYTES + MINISIGN_PUBLIC_KEY_BYTES,
    SIG_BLOB_BYTES = ALGORITHM_BYTES + MINISIGN_KEY_ID_BYTES + MINISIGN_SIGNATURE_BYTES,
};

/* Reads a whole small file (name relative to dir_fd) into a malloc'd buffer.
 * Refuses symlinks, FIFOs and devices (fsio_open_regular) and files over max
 * bytes. */
static MinisignStatus read_small_file(int dir_fd, const char *name, size_t max, char **out, size_t *out_len)
{
    MinisignStatus status = MINISIGN_ERR_IO;
    char *buf = NULL;
    size_t len = 0;
    FsioFile file = {0};
    FsioStatus opened = fsio_open_regular(dir_fd, name, O_RDONLY, 0, &file);
    int fd = file.fd;

    if (opened != FSIO_OK) {
        status = (opened == FSIO_MISSING) ? MINISIGN_ERR_MISSING : MINISIGN_ERR_IO;
        goto done;
    }
    if (file.st.st_size < 0 || (uint64_t)file.st.st_size > max) {
        goto done;
    }
    buf = malloc(max + 1);
    if (buf == NULL) {
        goto done;
    }
    /* Count what is actually there: the file may change under us. */
    while (len <= max) {
        ssize_t got = read(fd, buf + len, max + 1 - len);
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got < 0) {
            goto done;
        }
        if (got == 0) {
            break;
        }
        len += (size_t)got;
    }
    if (len > max) {
        goto done;
    }
    *out = buf;
    *out_len = len;
    buf = NULL;
    status = MINISIGN_OK;
done:
    free(buf);
    if (fd >= 0) {
        close(fd);
    }
    return status;
}

/* Splits off the next line of [*pos, end), without its "\n" and trailing
 * blanks or "\r". Returns false when there is no more text. */
static bool next_line(const char **pos, const char *end, const char **line, size_t *line_len)
{
    const char *start = *pos;
    const char *newline = NULL;
    size_t len = 0;

    if (start >= end) {
        return false;
    }
    newline = memchr(start, '\n', (size_t)(end - start));
    len = newline ? (size_t)(newline - start) : (size_t)(end - start);
    *pos = newline ? newline + 1 : end;
    while (len > 0 && (start[len - 1] == '\r' || start[len - 1] == ' ' || start[len - 1] == '\t')) {
        len--;
    }
    *line = start;
    *line_len = len;
    return true;
}

static bool has_prefix(const char *line, size_t len, const char *prefix)
{
    size_t prefix_len = strlen(prefix);
    return len >= prefix_len && memcmp(line, prefix, prefix_len) == 0;
}

/* Decodes one base64 line that must hold exactly want bytes. */
static bool decode_exact(const char *b64, size_t b64_len, uint8_t *out, size_t want)
{
    size_t bin_len = 0;
    const char *b64_end = NULL;

    if (sodium_init() < 0) {
        return false;
    }
    if (sodium_base642bin(out, want, b64, b64_len, NULL, &bin_len, &b64_end, sodium_base64_VARIANT_ORIGINAL) != 0) {
        return false;
    }
    return bin_len == want && b64_end == b64 + b64_len;
}

/* Only blank lines may follow the last meaningful line. */
static bool rest_is_blank(const char *pos, const char *end)
{
    const char *line = NULL;
    size_t line_len = 0;

    while (next_line(&pos, end, &line, &line_len)) {
        if (line_len != 0) {
            return false;
        }
    }
    return true;
}

MinisignStatus minisign_key_parse(const char *text, size_t len, MinisignKey *out)
{
    const char *pos = text;
    const char *end = text + len;
    const char *line = NULL;
    size_t line_len = 0;
    uint8_t blob[KEY_BLOB_BYTES] = {0};

    if (text == NULL || memchr(text, '\0', len) != NULL) {
        return MINISIGN_ERR_MALFORMED;
    }
    if (!next_line(&pos, end, &line, &line_len) || !has_prefix(line, line_len, UNTRUSTED_PREFIX)) {
        return MINISIGN_ERR_MALFORMED;
    }
    if (!next_line(&pos, end, &line, &line_len) || !decode_exact(line, line_len, blob, sizeof blob)) {
        return MINISIGN_ERR_MALFORMED;
    }
    if (blob[0] != 'E' || blob[1] != 'd' || !rest_is_blank(pos, end)) {
        return MINISIGN_ERR_MALFORMED;
    }
    memcpy(out->key_id, blob + ALGORITHM_BYTES, MINISIGN_KEY_ID_BYTES);
    memcpy(out->public_key, blob + ALGORITHM_BYTES + MINISIGN_KEY_ID_BYTES, MINISIGN_PUBLIC_KEY_BYTES);
    return MINISIGN_OK;
}

MinisignStatus minisign_key_read(const char *path, MinisignKey *out)
{
    char *text = NULL;
    size_t len = 0;
    MinisignStatus status = read_small_file(AT_FDCWD, path, MINISIGN_KEY_FILE_MAX, &text, &len);

    if (status == MINISIGN_OK) {
        status = minisign_key_parse(text, len, out);
    }
    free(text);
    return status;
}

MinisignStatus minisign_signature_parse(const char *text, size_t len, MinisignSignature *out)
{
    const char *pos = text;
    const char *end = text + len;
    const char *line = NULL;
    size_t line_len = 0;
    uint8_t blob[SIG_BLOB_BYTES] = {0};
    size_t comment_len = 0;

    if (text == NULL || memchr(text, '\0', len) != NULL) {
        return MINISIGN_ERR_MALFORMED;
    }
    if (!next_line(&pos, end, &line, &line_len) || !has_prefix(line, line_len, UNTRUSTED_PREFIX)) {
        return MINISIGN_ERR_MALFORMED;
    }
    if (!next_line(&pos, end, &line, &line_len) || !decode_exact(line, line_len, blob, sizeof blob)) {
        return MINISIGN_ERR_MALFORMED;
    }
    if (blob[0] != 'E' || (blob[1] != 'D' && blob[1] != 'd')) {
        return MINISIGN_ERR_MALFORMED;
    }
    out->legacy = blob[1] == 'd';
    memcpy(out->key_id, blob + ALGORITHM_BYTES, MINISIGN_KEY_ID_BYTES);
    memcpy(out->signature, blob + ALGORITHM_BYTES + MINISIGN_KEY_ID_BYTES, MINISIGN_SIGNATURE_BYTES);

    /* The trusted comment keeps its trailing blanks: they are signed. */
    if (pos >= end || !has_prefix(pos, (size_t)(end - pos), TRUSTED_PREFIX)) {
        return MINISIGN_ERR_MALFORMED;
    }
    pos += strlen(TRUSTED_PREFIX);
    {
        const char *newline = memchr(pos, '\n', (size_t)(end - pos));
        comment_len = newline ? (size_t)(newline - pos) : (size_t)(end - pos);
        if (newline == NULL) {
            return MINISIGN_ERR_MALFORMED;  /* the global signature line is missing */
        }
        if (comment_len > 0 && pos[comment_len - 1] == '\r') {
            comment_len--;
        }
        if (comment_len > MINISIGN_TRUSTED_COMMENT_MAX) {
            return MINISIGN_ERR_MALFORMED;
        }
        memcpy(out->trusted_comment, pos, comment_len);
        out->trusted_comment[comment_len] = '\0';
        out->trusted_comment_len = comment_len;
        pos = newline + 1;
    }
    if (!next_line(&pos, end, &line, &line_len) ||
        !decode_exact(line, line_len, out->global_signature, MINISIGN_SIGNATURE_BYTES)) {
        return MINISIGN_ERR_MALFORMED;
    }
    return rest_is_blank(pos, end) ? MINISIGN_OK : MINISIGN_ERR_MALFORMED;
}

MinisignStatus minisign_signature_read(const char *path, MinisignSignature *out)
{
    return minisign_signature_read_at(AT_FDCWD, path, out);
}

MinisignStatus minisign_signature_read_at(int dir_fd, const char *name, MinisignSignature *out)
{
    char *text = NULL;
    size_t len = 0;
    MinisignStatus status = read_small_file(dir_fd, name, MINISIGN_SIG_FILE_MAX, &text, &len);

    if (status == MINISIGN_OK) {
        status = minisign_signature_parse(text, len, out);
    }
    free(text);
    return status;
}

int minisign_find_key(const MinisignSignature *sig, const MinisignKey *keys, size_t key_count)
{
    for (size_t i = 0; i < key_count; i++) {
        if (memcmp(keys[i].key_id, sig->key_id, MINISIGN_KEY_ID_BYTES) == 0) {
            return (int)i;
        }
    }
    return -1;
}

MinisignStatus minisign_verify_signature(const MinisignSignature *sig, const uint8_t hash[MINISIGN_HASH_BYTES],
                                         const MinisignKey *key)
{
    if (sodium_init() < 0) {
        return MINISIGN_ERR_CRYPTO;
    }
    if (sig->legacy) {
        return MINISIGN_ERR_LEGACY;
    }
    if (crypto_sign_verify_detached(sig->signature, hash, MINISIGN_HASH_BYTES, key->public_key) != 0) {
        return MINISIGN_ERR_BAD_SIGNATURE;
    }
    return MINISIGN_OK;
}

MinisignStatus minisign_verify_comment(const MinisignSignature *sig, const MinisignKey *key)
{
    uint8_t signed_text[MINISIGN_SIGNATURE_BYTES + MINISIGN_TRUSTED_COMMENT_MAX] = {0};
    size_t signed_len = MINISIGN_SIGNATURE_BYTES + sig->trusted_comment_len;

    if (sodium_init() < 0) {
        return MINISIGN_ERR_CRYPTO;
    }
    if (sig->trusted_comment_len > MINISIGN_TRUSTED_COMMENT_MAX) {
        return MINISIGN_ERR_MALFORMED;
    }
    memcpy(signed_text, sig->signature, MINISIGN_SIGNATURE_BYTES);
    memcpy(signed_text + MINISIGN_SIGNATURE_BYTES, sig->trusted_comment, sig->trusted_comment_len);
    if (crypto_sign_verify_detached(sig->global_signature, signed_text, signed_len, key->public_key) != 0) {
        return MINISIGN_ERR_BAD_COMMENT;
    }
    return MINISIGN_OK;
}

MinisignStatus minisign_verify(const MinisignSignature *sig, const uint8_t hash[MINISIGN_HASH_BYTES],
                               const MinisignKey *keys, size_t key_count)
{
    int index = -1;
    MinisignStatus status = MINISIGN_OK;

    if (sig->legacy) {
        return MINISIGN_ERR_LEGACY;
    }
    if (key_count == 0) {
        return MINISIGN_ERR_NO_KEYS;
    }
    index = minisign_find_key(sig, keys, key_count);
    if (index < 0) {
        return MINISIGN_ERR_UNKNOWN_KEY;
    }
    status = minisign_verify_signature(sig, hash, &keys[index]);
    if (status != MINISIGN_OK) {
        return status;
    }
    return minisign_verify_comment(sig, &keys[index]);
}

void minisign_key_id_text(const uint8_t key_id[MINISIGN_KEY_ID_BYTES], char out[MINISIGN_KEY_ID_TEXT])
{
    static const char HEX[] = "0123456789ABCDEF";

    /* minisign prints the id as a little-endian 64-bit number. */
    for (size_t i = 0; i < MINISIGN_KEY_ID_BYTES; i++) {
        uint8_t byte = key_id[MINISIGN_KEY_ID_BYTES - 1 - i];
        out[2 * i] = HEX[byte >> 4];
        out[2 * i + 1] = HEX[byte & 0x0F];
    }
    out[2 * MINISIGN_KEY_ID_BYTES] = '\0';
}

bool minisign_hash_init(MinisignHash *hash)
{
    if (sodium_init() < 0) {
        return false;
    }
    return crypto_generichash_init(&hash->state, NULL, 0, MINISIGN_HASH_BYTES) == 0;
}

void minisign_hash_update(MinisignHash *hash, const void *data, size_t len)
{
    crypto_generichash_update(&hash->state, data, len);
}

void minisign_hash_final(MinisignHash *hash, uint8_t out[MINISIGN_HASH_BYTES])
{
    crypto_generichash_final(&hash->state, out, MINISIGN_HASH_BYTES);
}

typedef struct StatusText {
    MinisignStatus status;
    const char *text;
} StatusText;

static const StatusText STATUS_TEXTS[] = {
    {MINISIGN_OK, "signature is valid"},
    {MINISIGN_ERR_MISSING, "signature file is missing"},
    {MINISIGN_ERR_IO, "file could not be read, is not a regular file or is too large"},
    {MINISIGN_ERR_MALFORMED, "file is truncated or garbage"},
    {MINISIGN_ERR_LEGACY, "legacy signature (algorithm Ed); sign with a current minisign"},
    {MINISIGN_ERR_NO_KEYS, "no trusted key is configured"},
    {MINISIGN_ERR_UNKNOWN_KEY, "signature is not from a trusted key"},
    {MINISIGN_ERR_BAD_SIGNATURE, "signature does not match: the pack or its signature was modified"},
    {MINISIGN_ERR_BAD_COMMENT, "trusted comment was modified"},
    {MINISIGN_ERR_CRYPTO, "cryptography library could not start"},
};

const char *minisign_status_text(MinisignStatus status)
{
    for (size_t i = 0; i < sizeof STATUS_TEXTS / sizeof STATUS_TEXTS[0]; i++) {
        if (STATUS_TEXTS[i].status == status) {
            return STATUS_TEXTS[i].text;
        }
    }
    return "unknown error";
}
