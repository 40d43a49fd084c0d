/* lazy_library.h — a shared library loaded on first use (dlopen) instead of at process start.
 *
 * A library linked at start costs its dynamic linking (and that of everything it needs) before
 * the kiosk's first frame, and its pages stay mapped whether or not it is ever used. Each user
 * (update/curl_lazy.c for libcurl, render/image_lazy.c for SDL_image, platform/speech.c for
 * espeak-ng) keeps a LazyLibrary and a static table of the functions it calls (LazySymbol
 * slots in a static struct of function pointers); lazy_library_resolve() loads the library once,
 * thread-safe, and fills all the slots or none. The .deb must name such a library in its
 * Depends (toolchain/packaging/packaging.cmake): dpkg-shlibdeps cannot see a dlopen. */
#ifndef FACTS_PLATFORM_LAZY_LIBRARY_H
#define FACTS_PLATFORM_LAZY_LIBRARY_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct LazySymbol {
    const char *name; /* the function's name in the library */
    void *slot;       /* a function pointer variable: receives the function */
    size_t size;      /* sizeof that variable */
} LazySymbol;

/* One slot entry: LAZY_SYMBOL(api.easy_init, "curl_easy_init"). */
#define LAZY_SYMBOL(variable, name) {(name), &(variable), sizeof(variable)}

typedef enum { LAZY_UNTRIED, LAZY_LOADED, LAZY_FAILED } LazyState;

typedef struct LazyLibrary {
    const char *soname;  /* e.g. "libcurl.so.4" */
    const char *what;    /* for messages, e.g. "libcurl" */
    const LazySymbol *symbols;
    size_t symbol_count;
    pthread_mutex_t lock; /* held while loading */
    atomic_int state;     /* a LazyState; LOADED: the slots are filled */
    char why[256];        /* FAILED: "<what> not loaded: <reason>" */
} LazyLibrary;

#define LAZY_LIBRARY_INIT(soname_, what_, symbols_)                                                              \
    {.soname = (soname_), .what = (what_), .symbols = (symbols_),                                                 \
     .symbol_count = sizeof(symbols_) / sizeof((symbols_)[0]), .lock = PTHREAD_MUTEX_INITIALIZER,                 \
     .state = LAZY_UNTRIED, .why = ""}

/* Loads the library on the first call (any thread) and fills every slot; true when they are
 * filled. The library then stays loaded for the life of the process, as a linked one would.
 * A failure is final: later calls return false at once, and library->why says why ("<what>
 * not loaded: <dlerror>" or "... <soname> has no <name>"). */
bool lazy_library_resolve(LazyLibrary *library);

/* Whether lazy_library_resolve() has already succeeded; never loads. */
bool lazy_library_is_loaded(LazyLibrary *library);

/* Whether soname is in the process now (loaded by anyone), without loading it. */
bool lazy_library_in_process(const char *soname);

#endif
