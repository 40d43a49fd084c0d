/* paths.c — asset and bundled-pack locations; see paths.h. */
#include "app/paths.h"

#include <SDL2/SDL.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Installed binaries live in the install prefix's bindir. */
static bool running_installed(void)
{
    char *base = SDL_GetBasePath();
    bool installed = base && strncmp(base, FACTS_INSTALL_BINDIR "/", strlen(FACTS_INSTALL_BINDIR) + 1) == 0 &&
                     strlen(base) == strlen(FACTS_INSTALL_BINDIR) + 1;
    SDL_free(base);
    return installed;
}

void paths_find(KioskPaths *paths)
{
    bool installed = running_installed();
    const char *assets = getenv("FACTS_ASSETS_DIR");
    const char *pack = getenv("FACTS_BUNDLED_PACK");
    snprintf(paths->fonts_dir, sizeof paths->fonts_dir, "%s/fonts",
             assets && assets[0] ? assets : installed ? FACTS_INSTALL_DATADIR "/assets" : FACTS_SOURCE_ASSETS);
    snprintf(paths->bundled_pack, sizeof paths->bundled_pack, "%s",
             pack && pack[0] ? pack : installed ? FACTS_INSTALL_DATADIR "/facts-content.db" : FACTS_BUILD_PACK);
}
