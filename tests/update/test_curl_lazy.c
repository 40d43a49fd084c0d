/* curl_lazy.c: libcurl is not in the process until the update code first calls it, and then
 * every kind of argument reaches the real library: a fetch of a real file:// URL through a
 * write callback (function pointer), its user data (pointer), a resume offset (curl_off_t) and
 * flags (long), and the answers of curl_easy_getinfo() and the URL API. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "platform/lazy_library.h"

#include <curl/curl.h>
#include <unistd.h>

static bool curl_in_process(void)
{
    return lazy_library_in_process("libcurl.so.4");
}

typedef struct Sink {
    char bytes[64];
    size_t used;
} Sink;

static size_t take(char *data, size_t size, size_t count, void *user)
{
    Sink *sink = user;
    size_t n = size * count;
    if (n > sizeof sink->bytes - sink->used) {
        return 0;
    }
    memcpy(sink->bytes + sink->used, data, n);
    sink->used += n;
    return n;
}

static void test_loaded_on_first_call_and_arguments_arrive(void **state)
{
    (void)state;
    /* Not linked: nothing has called libcurl yet. */
    assert_false(curl_in_process());
    char path[] = "/tmp/facts-curl-lazy-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    static const char BODY[] = "example.org pack index";
    assert_int_equal(write(fd, BODY, sizeof BODY - 1), (ssize_t)(sizeof BODY - 1));
    close(fd);
    char url[256];
    snprintf(url, sizeof url, "file://%s", path);

    assert_int_equal(curl_global_init(CURL_GLOBAL_DEFAULT), CURLE_OK);
    assert_true(curl_in_process());
    CURL *curl = curl_easy_init();
    assert_non_null(curl);
    Sink sink = {0};
    assert_int_equal(curl_easy_setopt(curl, CURLOPT_URL, url), CURLE_OK);
    assert_int_equal(curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, take), CURLE_OK);
    assert_int_equal(curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink), CURLE_OK);
    assert_int_equal(curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L), CURLE_OK);
    /* A long the library rejects: the value arrives as it was given. */
    assert_int_equal(curl_easy_setopt(curl, CURLOPT_SSLVERSION, 999L), CURLE_BAD_FUNCTION_ARGUMENT);
    assert_int_equal(curl_easy_perform(curl), CURLE_OK);
    assert_int_equal(sink.used, sizeof BODY - 1);
    assert_memory_equal(sink.bytes, BODY, sizeof BODY - 1);
    curl_off_t got = 0;
    assert_int_equal(curl_easy_getinfo(curl, CURLINFO_SIZE_DOWNLOAD_T, &got), CURLE_OK);
    assert_int_equal(got, (curl_off_t)(sizeof BODY - 1));
    /* Resumed from byte 8 (a curl_off_t): the rest of the file. */
    Sink rest = {0};
    assert_int_equal(curl_easy_setopt(curl, CURLOPT_WRITEDATA, &rest), CURLE_OK);
    assert_int_equal(curl_easy_setopt(curl, CURLOPT_RESUME_FROM_LARGE, (curl_off_t)8), CURLE_OK);
    assert_int_equal(curl_easy_perform(curl), CURLE_OK);
    assert_int_equal(rest.used, sizeof BODY - 1 - 8);
    assert_memory_equal(rest.bytes, BODY + 8, sizeof BODY - 1 - 8);
    assert_non_null(strstr(curl_easy_strerror(CURLE_FILESIZE_EXCEEDED), "size"));
    curl_easy_cleanup(curl);

    CURLU *parts = curl_url();
    assert_non_null(parts);
    assert_int_equal(curl_url_set(parts, CURLUPART_URL, "https://example.org:8443/packs/", 0), CURLUE_OK);
    char *host = NULL;
    assert_int_equal(curl_url_get(parts, CURLUPART_HOST, &host, 0), CURLUE_OK);
    assert_string_equal(host, "example.org");
    curl_free(host);
    curl_url_cleanup(parts);
    struct curl_slist *headers = curl_slist_append(NULL, "Expect:");
    assert_non_null(headers);
    assert_string_equal(headers->data, "Expect:");
    curl_slist_free_all(headers);
    curl_global_cleanup();
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_loaded_on_first_call_and_arguments_arrive),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
