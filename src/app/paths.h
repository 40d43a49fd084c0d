/* paths.h — where the kiosk finds its fonts and bundled pack: the installed data folder
 * for an installed binary, the source and build trees for a developer's build, or
 * $FACTS_ASSETS_DIR / $FACTS_BUNDLED_PACK when set. */
#ifndef FACTS_APP_PATHS_H
#define FACTS_APP_PATHS_H

#include <stddef.h>

typedef struct KioskPaths {
    char fonts_dir[4096];
    char bundled_pack[4096];
} KioskPaths;

/* Fills paths for the running binary. Never fails; paths may not exist (callers report). */
void paths_find(KioskPaths *paths);

#endif
