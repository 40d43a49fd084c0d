/* update_types.h — the values the update pipeline takes and gives: its configuration
 * (UpdateConfig, with the acceptance and progress callbacks), the steps, outcomes and
 * messages of an attempt (UpdateResult), and the opaque Updater. Split from update.h,
 * which declares the functions, so that the pipeline's own parts (update_internal.h) can
 * use the types without including update.h back: no include cycles inside update/. */
#ifndef FACTS_UPDATE_UPDATE_TYPES_H
#define FACTS_UPDATE_UPDATE_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "durable/fault.h"
#include "platform/log.h"

#define UPDATE_DEFAULT_STATE_DIR "/var/lib/facts-kiosk"
#define UPDATE_DEFAULT_SIZE_CAP ((uint64_t)512 * 1024 * 1024)

enum {
    UPDATE_DEFAULT_POLL_SECONDS = 300, /* config.url_poll_seconds 0 */
    UPDATE_MIN_POLL_SECONDS = 10,
    UPDATE_FIRST_PULL_MS = 5000,       /* the first poll, this long after the first update_pull_due() */
    UPDATE_RETRY_FIRST_MS = 15000,     /* after a failed poll; doubling, at most the poll interval */
    UPDATE_EVENT_DAY_POLL_SECONDS = 60, /* the longest interval on an event day (update_pull_cap_interval) */
};

enum { UPDATE_TEXT_MAX = 256 };

/* What the acceptance callback reports about a staged pack. */
typedef struct UpdateAcceptResult {
    bool ok;                        /* loader accepted it and a test render worked */
    int64_t pack_version;           /* > 0 when it could be read, even if !ok */
    char summary[UPDATE_TEXT_MAX];  /* "version 7, 14 members, 22 stories" */
    char why[UPDATE_TEXT_MAX];      /* when !ok: short, human reason */
    bool cancelled;                 /* the check was stopped (the kiosk is quitting): no verdict */
} UpdateAcceptResult;

/* Opens staged_path read-only, validates and test-renders it; fills *out
 * (zeroed beforehand). Must not modify or keep the file open. */
typedef void (*UpdateAcceptFn)(void *ctx, const char *staged_path, UpdateAcceptResult *out);

typedef enum UpdateStep {
    UPDATE_STEP_FIND = 0,  /* looking at the stick and its signature file */
    UPDATE_STEP_COPY,      /* staging the pack (fraction = bytes copied) */
    UPDATE_STEP_VERIFY,    /* signature */
    UPDATE_STEP_CHECK,     /* version and acceptance */
    UPDATE_STEP_INSTALL,   /* slot and switch */
    UPDATE_STEP_DONE,
    UPDATE_STEP_COUNT
} UpdateStep;

typedef void (*UpdateProgressFn)(void *ctx, UpdateStep step, double fraction);

typedef struct UpdateConfig {
    const char *const *mount_roots;       /* NULL: /media, /run/media, /mnt */
    size_t mount_root_count;
    const char *state_dir;                /* NULL: UPDATE_DEFAULT_STATE_DIR */
    const char *const *trusted_key_paths; /* minisign public-key files */
    size_t key_count;                     /* 0: every update is refused */
    uint64_t size_cap;                    /* 0: UPDATE_DEFAULT_SIZE_CAP */
    int64_t bundled_version;              /* a pack must be newer than this too */
    UpdateAcceptFn accept;                /* required */
    void *accept_ctx;
    UpdateProgressFn progress;            /* may be NULL */
    void *progress_ctx;
    FaultHook fault;                      /* tests; the kiosk's cancel point (update_worker.c) */
    bool no_report;                       /* true: do not write update-report.txt */
    bool no_staff_import;                 /* true: a stick's edit/ folder is not pointed to the staff panel */
    Log *log;                             /* where "update: ..." lines go; NULL: nowhere */
    const char *url;                      /* folder with content.db(.minisig) for update_pull(); NULL or "": none */
    const char *ca_file;                  /* PEM CA bundle for https; NULL or "": the system's */
    int url_poll_seconds;                 /* 0: UPDATE_DEFAULT_POLL_SECONDS; less than UPDATE_MIN_POLL_SECONDS: that */
    long url_connect_timeout_seconds;     /* 0: PULL_CONNECT_TIMEOUT_S (tests make it short) */
    long url_low_speed_seconds;           /* 0: PULL_LOW_SPEED_S (tests make it short) */
} UpdateConfig;

typedef enum UpdateOutcome {
    UPDATE_OK = 0,    /* the new pack is active */
    UPDATE_REFUSED,   /* the pack is not acceptable; nothing changed */
    UPDATE_FAILED,    /* something broke (stick pulled, disk full, no network); nothing changed */
    UPDATE_UNCHANGED, /* update_pull(): nothing new at the URL since it was last checked */
} UpdateOutcome;

/* Where an attempt's pack came from. */
typedef enum UpdateSource {
    UPDATE_SOURCE_STICK = 0,
    UPDATE_SOURCE_URL,
} UpdateSource;

/* One message per distinct reason; see update_message_en() for the text and
 * which UpdateResult fields it uses. */
typedef enum UpdateMessage {
    UPDATE_MSG_INSTALLED = 0,       /* summary (or pack_version) */
    UPDATE_MSG_NO_TRUSTED_KEY,
    UPDATE_MSG_PACK_MISSING,
    UPDATE_MSG_PACK_NOT_REGULAR,
    UPDATE_MSG_SIG_MISSING,
    UPDATE_MSG_SIG_MALFORMED,
    UPDATE_MSG_SIG_LEGACY,
    UPDATE_MSG_SIG_UNKNOWN_KEY,     /* detail: the key id */
    UPDATE_MSG_SIG_BAD,
    UPDATE_MSG_COMMENT_BAD,
    UPDATE_MSG_TOO_LARGE,           /* size_cap */
    UPDATE_MSG_ALREADY_INSTALLED,   /* pack_version */
    UPDATE_MSG_OLDER_VERSION,       /* pack_version, installed_version */
    UPDATE_MSG_ROLLED_BACK_VERSION, /* pack_version */
    UPDATE_MSG_NOT_ACCEPTED,        /* detail: the loader's why */
    UPDATE_MSG_READ_ERROR,          /* detail: system error */
    UPDATE_MSG_DISK_FULL,
    UPDATE_MSG_STORAGE_ERROR,       /* detail: system error */
    UPDATE_MSG_INTERNAL,            /* detail */
    UPDATE_MSG_REFUSED_BEFORE,      /* detail: why it was refused or rolled back */
    UPDATE_MSG_STATE_UNREADABLE,    /* detail: what is wrong with the state directory */
    UPDATE_MSG_CANCELLED,           /* the kiosk stopped during the attempt */
    UPDATE_MSG_DIR_SYMLINK,         /* the facts-kiosk folder is a symlink */
    UPDATE_MSG_DIR_NOT_FOLDER,      /* facts-kiosk is a file, not a folder */
    UPDATE_MSG_DIR_UNREADABLE,      /* detail: system error */
    UPDATE_MSG_PACK_SYMLINK,
    UPDATE_MSG_SIG_SYMLINK,
    UPDATE_MSG_SIG_NOT_REGULAR,
    UPDATE_MSG_UNCHANGED,           /* URL: the same pack as last time, or the installed one */
    UPDATE_MSG_UNREACHABLE,         /* URL: detail: why the server gave no pack (refused, 404, timeout) */
    UPDATE_MSG_DOWNLOAD_FAILED,     /* URL: detail: why the pack did not arrive whole */
    UPDATE_MSG_EDIT_FOLDER,         /* no pack, but an edit/ folder: sources to take in the staff panel */
    UPDATE_MSG_INSTALLED_AT_KIOSK,  /* a pack built at the kiosk is on screen: summary (or pack_version) */
    UPDATE_MSG_COUNT
} UpdateMessage;

typedef struct UpdateResult {
    UpdateOutcome outcome;
    UpdateStep step;                /* where it ended (UPDATE_STEP_DONE on success) */
    UpdateMessage message;
    int64_t pack_version;           /* 0 when not known */
    int64_t installed_version;      /* before the attempt */
    uint64_t size_cap;
    char summary[UPDATE_TEXT_MAX];  /* from the acceptance callback */
    char detail[UPDATE_TEXT_MAX];   /* parameter of some messages; may be empty */
    UpdateSource source;
    bool quiet;                     /* nothing to show on screen (the log has it): no news at the
                                     * URL, the server away, a download cut short */
} UpdateResult;

typedef struct Updater Updater;

#endif
