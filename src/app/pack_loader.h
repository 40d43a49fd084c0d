/* pack_loader.h — loads the pack to show, with a fallback: the requested pack, else the
 * bundled one. Every problem is logged once with its table and row; the first is kept for
 * the on-screen message. */
#ifndef FACTS_APP_PACK_LOADER_H
#define FACTS_APP_PACK_LOADER_H

#include "content/content.h"
#include "platform/log.h"

#include <stdbool.h>

typedef struct PackChoice {
    Content *content;       /* NULL when nothing could be loaded */
    char path[4096];        /* the pack shown */
    bool fell_back;         /* the requested pack failed; the bundled one is shown */
    char problem[512];      /* why the requested (or bundled) pack failed */
} PackChoice;

/* Loads one pack; on failure logs every problem and copies the first into problem. */
Content *pack_load_logged(const char *path, Log *log, char *problem, size_t problem_size);

/* PaintWarnFn for the renderer: ctx is the Log; each problem is logged once. */
void pack_log_render_problem(void *log, const char *key, const char *message);

/* Loads requested (if not NULL/empty), else or on failure bundled. */
PackChoice pack_choose(const char *requested, const char *bundled, Log *log);

#endif
