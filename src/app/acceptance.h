/* acceptance.h — the last check before a staged pack is installed (the update library's
 * UpdateAcceptFn): the hardened loader must accept it, every image must decode within the
 * size limits, and the first slide in each language must render off-screen. */
#ifndef FACTS_APP_ACCEPTANCE_H
#define FACTS_APP_ACCEPTANCE_H

#include "content/content.h"
#include "platform/log.h"
#include "render/fonts.h"
#include "update/update.h"

typedef struct Acceptance {
    Log *log;
    Fonts *fonts; /* borrowed; for the test render */
} Acceptance;

/* UpdateAcceptFn: ctx is an Acceptance. Fills out (ok, pack_version, summary or why). */
void acceptance_check(void *ctx, const char *staged_path, UpdateAcceptResult *out);

/* "version 7, 14 members, 22 stories" in lang. */
void acceptance_summary(const Content *content, Lang lang, char *out, size_t size);

#endif
