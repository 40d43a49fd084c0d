/* acceptance.h — the last check before a staged pack is installed (the update library's
 * UpdateAcceptFn): the hardened loader must accept it, every image must decode within the
 * size limits, and the first slide in each language must render off-screen. */
#ifndef FACTS_APP_ACCEPTANCE_H
#define FACTS_APP_ACCEPTANCE_H

#include "content/content.h"
#include "platform/log.h"
#include "render/fonts.h"
#include "update/update.h"

/* How far the check is, in [0, 1]: after loading and after each image decoded. Returns false
 * to stop the check (the pack is then not accepted: why says "cancelled"). */
typedef bool (*AcceptanceProgressFn)(void *ctx, double fraction);

typedef struct Acceptance {
    Log *log;
    Fonts *fonts;                  /* borrowed; for the test render; used by the checking thread only */
    AcceptanceProgressFn progress; /* may be NULL */
    void *progress_ctx;
    bool keep_content;             /* true: an accepted pack stays loaded in content */
    bool cancelled;                /* out: the last check was stopped by progress */
    Content *content;              /* out, with keep_content: the accepted pack, as loaded; the caller
                                    * takes it (and sets this NULL) or a later check frees it */
} Acceptance;

/* UpdateAcceptFn: ctx is an Acceptance. Fills out (ok, pack_version, summary or why); with
 * keep_content, leaves an accepted pack in ctx->content so it need not be read again. */
void acceptance_check(void *ctx, const char *staged_path, UpdateAcceptResult *out);

/* "version 7, 14 members, 22 stories" in lang. */
void acceptance_summary(const Content *content, Lang lang, char *out, size_t size);

#endif
