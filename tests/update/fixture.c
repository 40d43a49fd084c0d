/* fixture.c — helpers for the update tests; see fixture.h. */
#define _XOPEN_SOURCE 700  /* nftw */
#include "update/fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/store.h"
#include <sodium.h>

static const char PACK_MAGIC[] = "FACTS-TEST-PACK version=";

char *fixture_temp_dir(void)
{
    const char *base = getenv("TMPDIR");
    char *path = NULL;

    if (base == NULL || base[0] == '\0') {
        base = "/tmp";
    }
    path = malloc(strlen(base) + 32);
    assert_non_null(path);
    sprintf(path, "%s/facts-update-XXXXXX", base);
    assert_non_null(mkdtemp(path));
    return path;
}

static int make_writable(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)ftw;
    if (type == FTW_D || type == FTW_DP) {
        (void)chmod(path, (st->st_mode & 07777) | 0700);
    }
    return 0;
}

static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st;
    (void)type;
    (void)ftw;
    (void)remove(path);
    return 0;
}

void fixture_remove_tree(const char *path)
{
    if (path == NULL) {
        return;
    }
    (void)nftw(path, make_writable, 16, FTW_PHYS);
    (void)nftw(path, remove_entry, 16, FTW_PHYS | FTW_DEPTH);
}

void fixture_path(char *out, const char *dir, const char *name)
{
    assert_true(fsio_join(out, FSIO_PATH_MAX, dir, name));
}

void fixture_suffixed(char *out, const char *path, const char *suffix)
{
    int n = snprintf(out, FSIO_PATH_MAX, "%s%s", path, suffix);
    assert_true(n > 0 && n < FSIO_PATH_MAX);
}

void fixture_make_dirs(const char *path)
{
    char buf[FSIO_PATH_MAX] = {0};

    assert_true(strlen(path) < sizeof buf);
    strcpy(buf, path);
    for (char *p = buf + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            (void)mkdir(buf, 0755);
            *p = '/';
        }
    }
    if (mkdir(buf, 0755) != 0) {
        assert_int_equal(errno, EEXIST);
    }
}

char *fixture_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long size = 0;

    if (f == NULL) {
        return NULL;
    }
    if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
        buf = malloc((size_t)size + 1);
        if (buf != NULL && fread(buf, 1, (size_t)size, f) == (size_t)size) {
            buf[size] = '\0';
            if (len != NULL) {
                *len = (size_t)size;
            }
        } else {
            free(buf);
            buf = NULL;
        }
    }
    fclose(f);
    return buf;
}

void fixture_write_file(const char *path, const void *data, size_t len)
{
    FILE *f = NULL;

    (void)unlink(path);
    f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

void fixture_write_pack(const char *path, int64_t version, size_t size)
{
    char header[64] = {0};
    int header_len = snprintf(header, sizeof header, "%s%" PRId64 "\n", PACK_MAGIC, version);
    char *data = NULL;

    if (size < (size_t)header_len) {
        size = (size_t)header_len;
    }
    data = malloc(size);
    assert_non_null(data);
    memcpy(data, header, (size_t)header_len);
    for (size_t i = (size_t)header_len; i < size; i++) {
        data[i] = (char)('a' + (i * 7 + (size_t)version) % 26);
    }
    fixture_write_file(path, data, size);
    free(data);
}

int64_t fixture_pack_version(const char *path)
{
    char line[128] = {0};
    FILE *f = fopen(path, "rb");
    long long version = -1;

    if (f == NULL) {
        return -1;
    }
    if (fgets(line, sizeof line, f) != NULL && strncmp(line, PACK_MAGIC, strlen(PACK_MAGIC)) == 0) {
        version = strtoll(line + strlen(PACK_MAGIC), NULL, 10);
    }
    fclose(f);
    return (int64_t)version;
}

bool fixture_run(const char *const argv[])
{
    int status = 0;
    pid_t pid = fork();

    assert_true(pid >= 0);
    if (pid == 0) {
        int null_fd = open("/dev/null", O_RDWR);
        if (null_fd >= 0) {
            dup2(null_fd, STDIN_FILENO);
            dup2(null_fd, STDOUT_FILENO);
        }
        execvp(argv[0], (char *const *)argv);
        _exit(127);
    }
    while (waitpid(pid, &status, 0) < 0) {
        assert_int_equal(errno, EINTR);
    }
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

void fixture_require_minisign(void)
{
    const char *argv[] = {"minisign", "-v", NULL};
    if (!fixture_run(argv)) {
        fail_msg("the minisign binary is not on PATH; install it (Debian package minisign)");
    }
}

void fixture_keygen(const char *prefix)
{
    char pub[FSIO_PATH_MAX] = {0};
    char key[FSIO_PATH_MAX] = {0};

    fixture_suffixed(pub, prefix, ".pub");
    fixture_suffixed(key, prefix, ".key");
    const char *argv[] = {"minisign", "-G", "-f", "-W", "-p", pub, "-s", key, NULL};
    assert_true(fixture_run(argv));
}

void fixture_sign(const char *key, const char *file, const char *sig, const char *comment, bool legacy)
{
    const char *argv[] = {"minisign", "-S", "-s", key, "-m", file, "-x", sig, "-t", comment, legacy ? "-l" : NULL,
                          NULL};
    (void)unlink(sig);
    assert_true(fixture_run(argv));
}

void fixture_flip_byte(const char *path, long offset)
{
    size_t len = 0;
    char *data = fixture_read_file(path, &len);

    assert_non_null(data);
    if (offset < 0) {
        offset += (long)len;
    }
    assert_true(offset >= 0 && (size_t)offset < len);
    data[offset] ^= 0x01;
    fixture_write_file(path, data, len);
    free(data);
}

/* Decodes the signature's second line, flips one byte at offset, re-encodes. */
void fixture_tamper_signature(const char *sig_path, size_t offset)
{
    size_t len = 0;
    char *text = fixture_read_file(sig_path, &len);
    char *line2 = NULL;
    char *end = NULL;
    uint8_t blob[74] = {0};
    size_t blob_len = 0;
    char encoded[128] = {0};
    char *out = NULL;

    assert_non_null(text);
    line2 = strchr(text, '\n') + 1;
    end = strchr(line2, '\n');
    assert_int_equal(sodium_base642bin(blob, sizeof blob, line2, (size_t)(end - line2), NULL, &blob_len, NULL,
                                       sodium_base64_VARIANT_ORIGINAL), 0);
    assert_int_equal(blob_len, sizeof blob);
    blob[offset] ^= 0x01;
    sodium_bin2base64(encoded, sizeof encoded, blob, sizeof blob, sodium_base64_VARIANT_ORIGINAL);
    out = malloc(len + sizeof encoded);
    assert_non_null(out);
    sprintf(out, "%.*s%s%s", (int)(line2 - text), text, encoded, end);
    fixture_write_file(sig_path, out, strlen(out));
    free(out);
    free(text);
}

void fixture_accept(void *ctx, const char *staged_path, UpdateAcceptResult *out)
{
    FixtureAccept *counter = ctx;
    char line[128] = {0};
    FILE *f = NULL;

    if (counter != NULL) {
        counter->calls++;
    }
    out->pack_version = fixture_pack_version(staged_path);
    if (out->pack_version <= 0) {
        snprintf(out->why, sizeof out->why, "not a test pack");
        return;
    }
    f = fopen(staged_path, "rb");
    if (f != NULL && fgets(line, sizeof line, f) != NULL && fgets(line, sizeof line, f) != NULL &&
        strncmp(line, "REJECT", 6) == 0) {
        snprintf(out->why, sizeof out->why, "test loader says no");
    } else {
        out->ok = true;
        snprintf(out->summary, sizeof out->summary, "version %" PRId64 ", test pack", out->pack_version);
    }
    if (f != NULL) {
        fclose(f);
    }
}

bool fixture_state_dir_clean(const char *state_dir, const char *const *also_allowed, size_t also_count)
{
    PackStore store = {0};
    DIR *dir = NULL;
    struct dirent *entry = NULL;
    bool clean = true;

    /* Read the pointer as a restarted kiosk would (no recovery here). */
    assert_int_equal(store_init(&store, state_dir, NULL, NULL), STORE_OK);
    dir = opendir(state_dir);
    assert_non_null(dir);
    while ((entry = readdir(dir)) != NULL) {
        const char *name = entry->d_name;
        bool ok = strcmp(name, ".") == 0 || strcmp(name, "..") == 0 || strcmp(name, STORE_POINTER_NAME) == 0 ||
                  strcmp(name, STORE_REFUSED_NAME) == 0;
        ok = ok || (strcmp(name, "slot-a.db") == 0 && (store.state.active == SLOT_A || store.state.previous == SLOT_A));
        ok = ok || (strcmp(name, "slot-b.db") == 0 && (store.state.active == SLOT_B || store.state.previous == SLOT_B));
        for (size_t i = 0; i < also_count; i++) {
            ok = ok || strcmp(name, also_allowed[i]) == 0;
        }
        if (!ok) {
            print_error("stray file in state dir: %s\n", name);
            clean = false;
        }
    }
    closedir(dir);
    return clean;
}

/* Reads $FACTS_SOURCE_DIR/relative into a malloc'd string; fails the test when absent. */
static char *read_source_file(const char *relative)
{
    const char *source = getenv("FACTS_SOURCE_DIR");
    char path[FSIO_PATH_MAX] = {0};
    char *text = NULL;

    assert_non_null(source);
    fixture_path(path, source, relative);
    text = fixture_read_file(path, NULL);
    if (text == NULL) {
        fail_msg("cannot read %s", path);
    }
    return text;
}

/* If [line, end) is "key<blanks>=<blanks>value<blanks>", copies value into out. */
static bool line_value(const char *line, const char *end, const char *key, char *out)
{
    size_t key_len = strlen(key);
    const char *value = line + key_len;

    if ((size_t)(end - line) < key_len || strncmp(line, key, key_len) != 0) {
        return false;
    }
    while (value < end && (*value == ' ' || *value == '\t')) {
        value++;
    }
    if (value == end || *value != '=') {
        return false;
    }
    value++;
    while (value < end && (*value == ' ' || *value == '\t')) {
        value++;
    }
    while (end > value && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r')) {
        end--;
    }
    assert_true((size_t)(end - value) < FSIO_PATH_MAX);
    memcpy(out, value, (size_t)(end - value));
    out[end - value] = '\0';
    return true;
}

/* The value of each line "key = value" of text, in order, into values[max]. */
static size_t config_values(const char *text, const char *key, char values[][FSIO_PATH_MAX], size_t max)
{
    size_t count = 0;
    const char *line = text;

    while (*line != '\0') {
        const char *end = strchr(line, '\n');
        if (end == NULL) {
            end = line + strlen(line);
        }
        if (count < max && line_value(line, end, key, values[count])) {
            count++;
        }
        line = *end == '\n' ? end + 1 : end;
    }
    return count;
}

size_t fixture_packaged_mount_roots(char roots[][FSIO_PATH_MAX], size_t max)
{
    char *text = read_source_file("toolchain/packaging/kiosk.conf");
    size_t count = config_values(text, "mount_root", roots, max);
    free(text);
    assert_true(count > 0);
    return count;
}

void fixture_packaged_stick_base(char *out)
{
    char *text = read_source_file("toolchain/packaging/stick-mount.sh");
    char values[1][FSIO_PATH_MAX] = {{0}};
    size_t count = config_values(text, "ROOT", values, 1);
    free(text);
    assert_int_equal(count, 1);
    assert_true(values[0][0] == '/');
    strcpy(out, values[0]);
}
