/* curl_lazy.c — the part of libcurl's API that pull.c and poster.c call, with libcurl loaded
 * (dlopen) on the first call instead of at process start.
 *
 * Linked at start, libcurl and the two dozen libraries it needs (TLS, SSH, LDAP, Kerberos,
 * IDN, HTTP/2, compression) cost about 7 ms of dynamic linking before the kiosk's first frame
 * (25 M instructions of symbol lookup and relocation), though most kiosks never use a URL and
 * the others use it seconds later, from a thread. These functions carry libcurl's own names
 * and prototypes (curl/curl.h), so the callers are plain libcurl code; each one loads the
 * library once (thread-safe) and calls the real function. When libcurl cannot be loaded they
 * fail the way libcurl fails: NULL handles, CURLE_FAILED_INIT / CURLM_INTERNAL_ERROR /
 * CURLUE_OUT_OF_MEMORY, and curl_easy_strerror() says why. The .deb names libcurl4 in its
 * Depends (toolchain/packaging/packaging.cmake), since dpkg-shlibdeps cannot see a dlopen. */
#define CURL_DISABLE_TYPECHECK /* the typecheck macros would replace the definitions below */
#include <curl/curl.h>

#include "platform/lazy_library.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* The soname libcurl has had since 7.16 (libcurl4 in Debian). */
static const char CURL_LAZY_SONAME[] = "libcurl.so.4";

typedef struct CurlApi {
    CURLcode (*global_init)(long);
    void (*global_cleanup)(void);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    CURLcode (*easy_perform)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
    void (*free)(void *);
    CURLM *(*multi_init)(void);
    CURLMcode (*multi_cleanup)(CURLM *);
    CURLMcode (*multi_add_handle)(CURLM *, CURL *);
    CURLMcode (*multi_remove_handle)(CURLM *, CURL *);
    CURLMcode (*multi_perform)(CURLM *, int *);
    CURLMcode (*multi_poll)(CURLM *, struct curl_waitfd[], unsigned int, int, int *);
    CURLMcode (*multi_wakeup)(CURLM *);
    CURLMsg *(*multi_info_read)(CURLM *, int *);
    CURLU *(*url)(void);
    void (*url_cleanup)(CURLU *);
    CURLUcode (*url_get)(CURLU *, CURLUPart, char **, unsigned int);
    CURLUcode (*url_set)(CURLU *, CURLUPart, const char *, unsigned int);
} CurlApi;

/* Filled once by lazy_library_resolve(), read only after it succeeded. */
static CurlApi curl_api;

static const LazySymbol CURL_SYMBOLS[] = {
    LAZY_SYMBOL(curl_api.global_init, "curl_global_init"),
    LAZY_SYMBOL(curl_api.global_cleanup, "curl_global_cleanup"),
    LAZY_SYMBOL(curl_api.easy_init, "curl_easy_init"),
    LAZY_SYMBOL(curl_api.easy_cleanup, "curl_easy_cleanup"),
    LAZY_SYMBOL(curl_api.easy_setopt, "curl_easy_setopt"),
    LAZY_SYMBOL(curl_api.easy_getinfo, "curl_easy_getinfo"),
    LAZY_SYMBOL(curl_api.easy_perform, "curl_easy_perform"),
    LAZY_SYMBOL(curl_api.easy_strerror, "curl_easy_strerror"),
    LAZY_SYMBOL(curl_api.slist_append, "curl_slist_append"),
    LAZY_SYMBOL(curl_api.slist_free_all, "curl_slist_free_all"),
    LAZY_SYMBOL(curl_api.free, "curl_free"),
    LAZY_SYMBOL(curl_api.multi_init, "curl_multi_init"),
    LAZY_SYMBOL(curl_api.multi_cleanup, "curl_multi_cleanup"),
    LAZY_SYMBOL(curl_api.multi_add_handle, "curl_multi_add_handle"),
    LAZY_SYMBOL(curl_api.multi_remove_handle, "curl_multi_remove_handle"),
    LAZY_SYMBOL(curl_api.multi_perform, "curl_multi_perform"),
    LAZY_SYMBOL(curl_api.multi_poll, "curl_multi_poll"),
    LAZY_SYMBOL(curl_api.multi_wakeup, "curl_multi_wakeup"),
    LAZY_SYMBOL(curl_api.multi_info_read, "curl_multi_info_read"),
    LAZY_SYMBOL(curl_api.url, "curl_url"),
    LAZY_SYMBOL(curl_api.url_cleanup, "curl_url_cleanup"),
    LAZY_SYMBOL(curl_api.url_get, "curl_url_get"),
    LAZY_SYMBOL(curl_api.url_set, "curl_url_set"),
};

/* The process's one libcurl, like libcurl's own globals. */
static LazyLibrary curl_library = LAZY_LIBRARY_INIT(CURL_LAZY_SONAME, "libcurl", CURL_SYMBOLS);

/* The loaded API, or NULL when libcurl cannot be had. */
static const CurlApi *curl_lazy_api(void)
{
    return lazy_library_resolve(&curl_library) ? &curl_api : NULL;
}

CURLcode curl_global_init(long flags)
{
    const CurlApi *api = curl_lazy_api();
    return api ? api->global_init(flags) : CURLE_FAILED_INIT;
}

void curl_global_cleanup(void)
{
    const CurlApi *api = curl_lazy_api();
    if (api) {
        api->global_cleanup();
    }
}

CURL *curl_easy_init(void)
{
    const CurlApi *api = curl_lazy_api();
    return api ? api->easy_init() : NULL;
}

void curl_easy_cleanup(CURL *curl)
{
    const CurlApi *api = curl_lazy_api();
    if (api) {
        api->easy_cleanup(curl);
    }
}

/* libcurl's options take one argument whose type the option's number range names
 * (CURLOPTTYPE_*): passed on with that type, as libcurl itself reads it. */
CURLcode curl_easy_setopt(CURL *curl, CURLoption option, ...)
{
    const CurlApi *api = curl_lazy_api();
    if (!api) {
        return CURLE_FAILED_INIT;
    }
    va_list args;
    va_start(args, option);
    CURLcode result = CURLE_BAD_FUNCTION_ARGUMENT;
    if (option < CURLOPTTYPE_OBJECTPOINT) {
        result = api->easy_setopt(curl, option, va_arg(args, long));
    } else if (option < CURLOPTTYPE_FUNCTIONPOINT) {
        result = api->easy_setopt(curl, option, va_arg(args, void *));
    } else if (option < CURLOPTTYPE_OFF_T) {
        /* Any function pointer type converts to another and back unchanged. */
        typedef void (*AnyFunction)(void);
        result = api->easy_setopt(curl, option, va_arg(args, AnyFunction));
    } else if (option < CURLOPTTYPE_BLOB) {
        result = api->easy_setopt(curl, option, va_arg(args, curl_off_t));
    } else {
        result = api->easy_setopt(curl, option, va_arg(args, void *));
    }
    va_end(args);
    return result;
}

/* Every CURLINFO_* takes a pointer to where the answer goes. */
CURLcode curl_easy_getinfo(CURL *curl, CURLINFO info, ...)
{
    const CurlApi *api = curl_lazy_api();
    if (!api) {
        return CURLE_FAILED_INIT;
    }
    va_list args;
    va_start(args, info);
    void *out = va_arg(args, void *);
    va_end(args);
    return api->easy_getinfo(curl, info, out);
}

CURLcode curl_easy_perform(CURL *curl)
{
    const CurlApi *api = curl_lazy_api();
    return api ? api->easy_perform(curl) : CURLE_FAILED_INIT;
}

const char *curl_easy_strerror(CURLcode code)
{
    const CurlApi *api = curl_lazy_api();
    return api ? api->easy_strerror(code) : curl_library.why;
}

struct curl_slist *curl_slist_append(struct curl_slist *list, const char *text)
{
    const CurlApi *api = curl_lazy_api();
    return api ? api->slist_append(list, text) : NULL;
}

void curl_slist_free_all(struct curl_slist *list)
{
    const CurlApi *api = curl_lazy_api();
    if (api) {
        api->slist_free_all(list);
    }
}

void curl_free(void *p)
{
    const CurlApi *api = curl_lazy_api();
    if (api) {
        api->free(p);
    }
}

CURLM *curl_multi_init(void)
{
    const CurlApi *api = curl_lazy_api();
    return api ? api->multi_init() : NULL;
}

CURLMcode curl_multi_cleanup(CURLM *multi)
{
    const CurlApi *api = curl_lazy_api();
    return api ? api->multi_cleanup(multi) : CURLM_INTERNAL_ERROR;
}

CURLMcode curl_multi_add_handle(CURLM *multi, CURL *curl)
{
    const CurlApi *api = curl_lazy_api();
    return api ? api->multi_add_handle(multi, curl) : CURLM_INTERNAL_ERROR;
}

CURLMcode curl_multi_remove_handle(CURLM *multi, CURL *curl)
{
    const CurlApi *api = curl_lazy_api();
    return api ? api->multi_remove_handle(multi, curl) : CURLM_INTERNAL_ERROR;
}

CURLMcode curl_multi_perform(CURLM *multi, int *running)
{
    const CurlApi *api = curl_lazy_api();
    return api ? api->multi_perform(multi, running) : CURLM_INTERNAL_ERROR;
}

CURLMcode curl_multi_poll(CURLM *multi, struct curl_waitfd extra[], unsigned int count, int timeout_ms, int *ret)
{
    const CurlApi *api = curl_lazy_api();
    return api ? api->multi_poll(multi, extra, count, timeout_ms, ret) : CURLM_INTERNAL_ERROR;
}

CURLMcode curl_multi_wakeup(CURLM *multi)
{
    const CurlApi *api = curl_lazy_api();
    return api ? api->multi_wakeup(multi) : CURLM_INTERNAL_ERROR;
}

CURLMsg *curl_multi_info_read(CURLM *multi, int *left)
{
    const CurlApi *api = curl_lazy_api();
    return api ? api->multi_info_read(multi, left) : NULL;
}

CURLU *curl_url(void)
{
    const CurlApi *api = curl_lazy_api();
    return api ? api->url() : NULL;
}

void curl_url_cleanup(CURLU *url)
{
    const CurlApi *api = curl_lazy_api();
    if (api) {
        api->url_cleanup(url);
    }
}

CURLUcode curl_url_get(CURLU *url, CURLUPart what, char **part, unsigned int flags)
{
    const CurlApi *api = curl_lazy_api();
    return api ? api->url_get(url, what, part, flags) : CURLUE_OUT_OF_MEMORY;
}

CURLUcode curl_url_set(CURLU *url, CURLUPart what, const char *part, unsigned int flags)
{
    const CurlApi *api = curl_lazy_api();
    return api ? api->url_set(url, what, part, flags) : CURLUE_OUT_OF_MEMORY;
}
