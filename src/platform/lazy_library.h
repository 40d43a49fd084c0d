/* lazy_library.h — a shared library loaded on first use (dlopen) instead of at process start.
 *
 * A library linked at start costs its dynamic linking (and that of everything it needs) before
 * the kiosk's first frame, and its pages stay mapped whether or not it is ever used. The
 * callers (update/curl_lazy.c for libcurl, platform/speech.c for espeak-ng) list the functions
 * they call as LazySymbol slots; lazy_library_open() fills all of them or none. The .deb must
 * name such a library in its Depends (toolchain/packaging/packaging.cmake): dpkg-shlibdeps
 * cannot see a dlopen. */
#ifndef FACTS_PLATFORM_LAZY_LIBRARY_H
#define FACTS_PLATFORM_LAZY_LIBRARY_H

#include <stdbool.h>
#include <stddef.h>

typedef struct LazySymbol {
    const char *name; /* the function's name in the library */
    void *slot;       /* a function pointer variable: receives the function */
    size_t size;      /* sizeof that variable */
} LazySymbol;

/* One slot entry: LAZY_SYMBOL(api.easy_init, "curl_easy_init"). */
#define LAZY_SYMBOL(variable, name) {(name), &(variable), sizeof(variable)}

/* Opens soname and fills every slot. The library stays loaded for the life of the process, as
 * a linked one would. On failure no library is kept, the slots' contents are unspecified, and
 * why says "<what> not loaded: <dlerror>" or "<what> not loaded: <soname> has no <name>". */
bool lazy_library_open(const char *soname, const char *what, const LazySymbol *symbols, size_t count,
                       char *why, size_t why_size);

/* Whether soname is in the process now (loaded by anyone), without loading it. */
bool lazy_library_loaded(const char *soname);

#endif
