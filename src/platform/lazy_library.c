/* lazy_library.c — see lazy_library.h. */
#define _POSIX_C_SOURCE 200809L
#include "platform/lazy_library.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

/* dlsym's object pointer as a function pointer (POSIX guarantees the conversion works). */
static bool fill_slot(void *library, const LazySymbol *symbol)
{
    void *found = dlsym(library, symbol->name);
    if (!found || symbol->size != sizeof found) {
        return false;
    }
    memcpy(symbol->slot, &found, sizeof found);
    return true;
}

bool lazy_library_open(const char *soname, const char *what, const LazySymbol *symbols, size_t count,
                       char *why, size_t why_size)
{
    void *library = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        const char *error = dlerror();
        snprintf(why, why_size, "%s not loaded: %s", what, error ? error : soname);
        return false;
    }
    for (size_t i = 0; i < count; i++) {
        if (!fill_slot(library, &symbols[i])) {
            snprintf(why, why_size, "%s not loaded: %s has no %s", what, soname, symbols[i].name);
            dlclose(library);
            return false;
        }
    }
    return true;
}

bool lazy_library_loaded(const char *soname)
{
    void *library = dlopen(soname, RTLD_NOW | RTLD_NOLOAD);
    if (library) {
        dlclose(library);
    }
    return library != NULL;
}
