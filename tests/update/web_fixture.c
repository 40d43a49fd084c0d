/* web_fixture.c — see web_fixture.h. */
/* 2 GiB sparse files on 32-bit ARM too (web_publish_sparse). */
#define _FILE_OFFSET_BITS 64
#define _POSIX_C_SOURCE 200809L
#include "update/web_fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "update/fixture.h"

const char *web_env(const char *name)
{
    char variable[64] = {0};
    snprintf(variable, sizeof variable, "FACTS_WEB_%s", name);
    const char *value = getenv(variable);
    if (value == NULL || value[0] == '\0') {
        fail_msg("%s is not set: run this test through tests/update/with_web.sh", variable);
    }
    return value;
}

void web_url(char *out, const char *server, const char *folder)
{
    int n = snprintf(out, FSIO_PATH_MAX, "%s/%s/", web_env(server), folder);
    assert_true(n > 0 && n < FSIO_PATH_MAX);
}

static void served_path(char *out, const char *folder, const char *name)
{
    char dir[FSIO_PATH_MAX] = {0};
    fixture_path(dir, web_env("ROOT"), folder);
    fixture_make_dirs(dir);
    fixture_path(out, dir, name);
}

void web_publish(const char *folder, const char *name, const char *from)
{
    static const time_t BASE = 1700000000;
    char path[FSIO_PATH_MAX] = {0}, temp[FSIO_PATH_MAX] = {0};
    size_t len = 0;
    char *data = fixture_read_file(from, &len);
    struct stat st = {0};
    time_t when = BASE;

    assert_non_null(data);
    served_path(path, folder, name);
    fixture_suffixed(temp, path, ".part");
    fixture_write_file(temp, data, len);
    free(data);
    /* One second later than what is there now: a new ETag and Last-Modified. */
    if (stat(path, &st) == 0 && st.st_mtime >= BASE) {
        when = st.st_mtime + 1;
    }
    struct timespec times[2] = {{when, 0}, {when, 0}};
    assert_int_equal(utimensat(AT_FDCWD, temp, times, 0), 0);
    assert_int_equal(rename(temp, path), 0);
}

void web_publish_sparse(const char *folder, const char *name, uint64_t size)
{
    char path[FSIO_PATH_MAX] = {0};
    served_path(path, folder, name);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, (off_t)size), 0);
    close(fd);
}

long web_log_mark(void)
{
    /* nginx logs a request after it has answered it: a request just answered may not be in
     * the log yet (seen on a loaded host: it was then counted after the mark). The mark is
     * taken once the log has stayed the same length for 200 ms (3 s at most). */
    struct stat st = {0};
    assert_int_equal(stat(web_env("ACCESS_LOG"), &st), 0);
    long size = (long)st.st_size;
    int quiet = 0;
    for (int i = 0; i < 150 && quiet < 10; i++) {
        struct timespec pause = {0, 20 * 1000 * 1000};
        nanosleep(&pause, NULL);
        assert_int_equal(stat(web_env("ACCESS_LOG"), &st), 0);
        quiet = (long)st.st_size == size ? quiet + 1 : 0;
        size = (long)st.st_size;
    }
    return size;
}

static WebRequests read_log(long mark)
{
    WebRequests out = {0};
    FILE *f = fopen(web_env("ACCESS_LOG"), "r");
    char line[4096];

    assert_non_null(f);
    assert_int_equal(fseek(f, mark, SEEK_SET), 0);
    while (fgets(line, sizeof line, f) != NULL) {
        /* $msec "$request" $status $bytes_sent $body_bytes_sent $request_length "$http_if_none_match" */
        char *close_quote = strchr(line, '"') ? strchr(strchr(line, '"') + 1, '"') : NULL;
        int status = 0;
        unsigned long long bytes = 0, body = 0, request = 0;
        if (close_quote == NULL ||
            sscanf(close_quote + 1, "%d %llu %llu %llu", &status, &bytes, &body, &request) != 4) {
            continue;
        }
        *close_quote = '\0';
        out.count++;
        out.status_200 += status == 200;
        out.status_304 += status == 304;
        out.status_other += status != 200 && status != 304;
        out.bytes_sent += bytes;
        out.body_bytes_sent += body;
        out.request_bytes += request;
        out.pack_gets += strstr(line, "/content.db ") != NULL;
    }
    fclose(f);
    return out;
}

WebRequests web_log_since(long mark, int min_count)
{
    WebRequests out = read_log(mark);
    for (int i = 0; i < 40 && out.count < min_count; i++) {
        struct timespec pause = {0, 50 * 1000 * 1000};
        nanosleep(&pause, NULL);
        out = read_log(mark);
    }
    return out;
}
