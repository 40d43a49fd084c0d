/* leads_file.c — durable appends, reading, torn-tail repair and key files; see leads_file.h. */
#define _POSIX_C_SOURCE 200809L
#include "leads/leads_file.h"

#include "durable/fsio.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { BASE64_KEY_CHARS = 44 };

int leads_file_append(const char *dir, const char *name, const unsigned char *record, size_t length)
{
    return fsio_append(dir, name, record, length, 0600);
}

int leads_file_read(const char *path, uint64_t from, unsigned char **data, size_t *size)
{
    FsioFile file = {.fd = -1};
    unsigned char *buffer = NULL;
    int result = 0;

    *data = NULL;
    *size = 0;
    if (fsio_open_regular(AT_FDCWD, path, O_RDONLY, 0, &file) != FSIO_OK) {
        return file.error != 0 ? file.error : EIO;
    }
    if (file.st.st_size > LEADS_FILE_MAX) {
        result = EFBIG;
        goto done;
    }
    size_t total = (size_t)file.st.st_size;
    size_t want = from < total ? total - (size_t)from : 0;
    if (want == 0) {
        goto done;
    }
    if ((buffer = malloc(want)) == NULL) {
        result = ENOMEM;
        goto done;
    }
    size_t got = 0;
    while (got < want) {
        ssize_t n = pread(file.fd, buffer + got, want - got, (off_t)(from + got));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            result = errno;
            goto done;
        }
        if (n == 0) {
            break; /* shrank while read: take what is there */
        }
        got += (size_t)n;
    }
    *data = buffer;
    *size = got;
    buffer = NULL;
done:
    free(buffer);
    close(file.fd);
    return result;
}

/* LeadsScanFn: remembers where the last item starts when it is a torn tail. */
static bool find_torn(void *ctx, const LeadsScanItem *item)
{
    uint64_t *torn_at = ctx;
    if (item->kind == LEADS_SCAN_TORN) {
        *torn_at = item->offset;
    }
    return true;
}

int leads_file_repair(const char *dir, const char *name, size_t *removed)
{
    char path[FSIO_PATH_MAX] = {0};
    unsigned char *data = NULL;
    size_t size = 0;
    uint64_t torn_at = UINT64_MAX;
    int result = 0;
    int fd = -1;

    if (removed) {
        *removed = 0;
    }
    if (!fsio_join(path, sizeof path, dir, name)) {
        return ENAMETOOLONG;
    }
    result = leads_file_read(path, 0, &data, &size);
    if (result == ENOENT) {
        return 0;
    }
    if (result != 0) {
        return result;
    }
    (void)leads_scan(data, size, 0, find_torn, &torn_at);
    free(data);
    if (torn_at == UINT64_MAX) {
        return 0;
    }
    fd = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        return errno;
    }
    if (ftruncate(fd, (off_t)torn_at) != 0 || fsync(fd) != 0) {
        result = errno;
    } else if (removed) {
        *removed = size - (size_t)torn_at;
    }
    close(fd);
    return result;
}

/* Writes "line\n<base64 of key>\n" to a new file (O_EXCL) with mode, fsynced. */
static int write_key_file(const char *path, const char *line, const unsigned char key[LEADS_KEY_BYTES], mode_t mode)
{
    char text[LEADS_KEY_FILE_MAX] = {0};
    char encoded[BASE64_KEY_CHARS + 1] = {0};
    int result = 0;

    sodium_bin2base64(encoded, sizeof encoded, key, LEADS_KEY_BYTES, sodium_base64_VARIANT_ORIGINAL);
    int length = snprintf(text, sizeof text, "%s\n%s\n", line, encoded);
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
    if (fd < 0) {
        result = errno;
        goto done;
    }
    /* umask may have taken bits away from the public key; the secret key's 0600 stays. */
    if (fchmod(fd, mode) != 0 || (result = fsio_write_all(fd, text, (size_t)length)) != 0 || fsync(fd) != 0) {
        result = result != 0 ? result : errno;
    }
    if (close(fd) != 0 && result == 0) {
        result = errno;
    }
    if (result != 0) {
        (void)unlink(path);
    }
done:
    sodium_memzero(text, sizeof text);
    sodium_memzero(encoded, sizeof encoded);
    return result;
}

int leads_key_generate(const char *public_path, const char *secret_path)
{
    unsigned char public_key[LEADS_KEY_BYTES] = {0};
    unsigned char secret_key[LEADS_KEY_BYTES] = {0};
    struct stat st = {0};
    int result = 0;

    /* Look at both first, so that an existing secret key does not cost a new public one. */
    if (lstat(public_path, &st) == 0 || lstat(secret_path, &st) == 0) {
        return EEXIST;
    }
    if (crypto_box_keypair(public_key, secret_key) != 0) {
        return EIO;
    }
    result = write_key_file(secret_path, LEADS_SECRET_KEY_LINE, secret_key, 0600);
    if (result == 0 && (result = write_key_file(public_path, LEADS_PUBLIC_KEY_LINE, public_key, 0644)) != 0) {
        (void)unlink(secret_path);
    }
    sodium_memzero(secret_key, sizeof secret_key);
    return result;
}

/* Reads a key file whose first line is line into key. */
static int load_key_file(const char *path, const char *line, unsigned char key[LEADS_KEY_BYTES])
{
    char *text = NULL;
    size_t size = 0;
    size_t key_length = 0;
    const char *end = NULL;
    int result = leads_file_read(path, 0, (unsigned char **)&text, &size);
    size_t line_length = strlen(line);

    if (result != 0) {
        return result;
    }
    if (size > LEADS_KEY_FILE_MAX || size < line_length + 1 + BASE64_KEY_CHARS ||
        memcmp(text, line, line_length) != 0 || text[line_length] != '\n') {
        result = EINVAL;
        goto done;
    }
    const char *encoded = text + line_length + 1;
    size_t encoded_length = size - line_length - 1;
    while (encoded_length > 0 && (encoded[encoded_length - 1] == '\n' || encoded[encoded_length - 1] == '\r')) {
        encoded_length--;
    }
    if (sodium_base642bin(key, LEADS_KEY_BYTES, encoded, encoded_length, NULL, &key_length, &end,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        key_length != LEADS_KEY_BYTES || end != encoded + encoded_length) {
        result = EINVAL;
    }
done:
    if (text) {
        sodium_memzero(text, size);
    }
    free(text);
    return result;
}

int leads_key_read_public(const char *path, unsigned char public_key[LEADS_KEY_BYTES])
{
    return load_key_file(path, LEADS_PUBLIC_KEY_LINE, public_key);
}

int leads_key_read_secret(const char *path, unsigned char secret_key[LEADS_KEY_BYTES],
                          unsigned char public_key[LEADS_KEY_BYTES])
{
    int result = load_key_file(path, LEADS_SECRET_KEY_LINE, secret_key);
    if (result == 0 && crypto_scalarmult_base(public_key, secret_key) != 0) {
        result = EINVAL;
    }
    if (result != 0) {
        sodium_memzero(secret_key, LEADS_KEY_BYTES);
    }
    return result;
}
