/* update_internal.h — what update.c (the Updater, the stick's attempt and the steps every
 * attempt shares) and update_url.c (the URL's attempt and its schedule) share. Internal to
 * src/update: nothing else includes it. It includes update_types.h, never update.h, so
 * that update.c including it makes no circle. An attempt from either source fills an Attempt up
 * to a staged copy and a parsed signature, then hands it to update_after_staging(). */
#ifndef FACTS_UPDATE_UPDATE_INTERNAL_H
#define FACTS_UPDATE_UPDATE_INTERNAL_H

#include "store/store.h"
#include "update/minisign.h"
#include "update/stage.h"
#include "update/update_types.h"
#include "update/watch.h"

typedef struct UpdatePull UpdatePull; /* update_url.c */

struct Updater {
    UpdateConfig config;
    const char *state_dir;
    uint64_t size_cap;
    MinisignKey *keys;
    size_t key_count;
    PackStore store;
    Watch watch;
    UpdatePull *pull;  /* NULL: no URL configured */
};

/* What one attempt carries between its steps. */
typedef struct Attempt {
    Updater *u;
    const char *pack_dir;
    int dir_fd;  /* pack_dir, opened once (fsio_open_dir): everything inside is openat'd */
    UpdateResult *result;
    MinisignSignature sig;
    int key_index;
    StageResult staged;
} Attempt;

/* Ends the attempt with this verdict (detail may be NULL); returns false, so a step can
 * `return update_end(...)`. */
bool update_end(Attempt *a, UpdateOutcome outcome, UpdateStep step, UpdateMessage message, const char *detail);

/* Reports progress through config.progress. */
void update_progress(const Updater *u, UpdateStep step, double fraction);

/* Before anything is fetched or copied: a trusted key exists and the store is writable. */
bool update_can_install(Attempt *a);

/* a->sig was parsed: not legacy, from a trusted key (sets a->key_index). */
bool update_check_signer(Attempt *a);

/* A staged copy failed with status (a->staged.error set): the verdict for it. */
bool update_staging_failed(Attempt *a, StageStatus status);

/* The steps after staging, the same for every source: signature, refused before, version,
 * acceptance, install. True when the new pack is active. */
bool update_after_staging(Attempt *a);

/* The one log line of an attempt's result; where: the folder or URL. */
void update_log_result(const Updater *u, const char *where, const UpdateResult *r);

/* update_url.c: the URL's state, made by update_create() when config.url is set, freed by
 * update_destroy(). update_url_create() returns false (logged) when libcurl cannot be set up. */
bool update_url_create(Updater *u);
void update_url_destroy(Updater *u);

#endif
