/* lazy_library.c — see lazy_library.h. */
#define _POSIX_C_SOURCE 200809L
#include "platform/lazy_library.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

/* dlsym's object pointer as a function pointer (POSIX guarantees the conversion works). */
static bool fill_slot(void *handle, const LazySymbol *symbol)
{
    void *found = dlsym(handle, symbol->name);
    if (!found || symbol->size != sizeof found) {
        return false;
    }
    memcpy(symbol->slot, &found, sizeof found);
    return true;
}

static bool open_and_fill(LazyLibrary *library)
{
    void *handle = dlopen(library->soname, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char *error = dlerror();
        snprintf(library->why, sizeof library->why, "%s not loaded: %s", library->what,
                 error ? error : library->soname);
        return false;
    }
    for (size_t i = 0; i < library->symbol_count; i++) {
        if (!fill_slot(handle, &library->symbols[i])) {
            snprintf(library->why, sizeof library->why, "%s not loaded: %s has no %s", library->what,
                     library->soname, library->symbols[i].name);
            dlclose(handle);
            return false;
        }
    }
    return true;
}

bool lazy_library_resolve(LazyLibrary *library)
{
    int state = atomic_load_explicit(&library->state, memory_order_acquire);
    if (state == LAZY_UNTRIED) {
        pthread_mutex_lock(&library->lock);
        state = atomic_load_explicit(&library->state, memory_order_relaxed);
        if (state == LAZY_UNTRIED) {
            state = open_and_fill(library) ? LAZY_LOADED : LAZY_FAILED;
            atomic_store_explicit(&library->state, state, memory_order_release);
        }
        pthread_mutex_unlock(&library->lock);
    }
    return state == LAZY_LOADED;
}

bool lazy_library_is_loaded(LazyLibrary *library)
{
    return atomic_load_explicit(&library->state, memory_order_acquire) == LAZY_LOADED;
}

bool lazy_library_in_process(const char *soname)
{
    void *handle = dlopen(soname, RTLD_NOW | RTLD_NOLOAD);
    if (handle) {
        dlclose(handle);
    }
    return handle != NULL;
}
