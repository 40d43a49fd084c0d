/* update_text.c — names and English text of update results; see update.h.
 * The app translates by update_message_id(); the parameters are the
 * UpdateResult fields listed next to each message in update.h. */
#include "update/update.h"

#include "core/lang.h"
#include "core/ui_text.h"

#include <inttypes.h>
#include <stdio.h>

/* Each message's stable id and its words: printf formats in the kiosk's one table of its
 * own words (core/ui_text.c; see update_message() for the arguments). */
typedef struct MessageText {
    const char *id;
    UiText text;
} MessageText;

static const MessageText MESSAGES[UPDATE_MSG_COUNT] = {
    [UPDATE_MSG_INSTALLED] = {"installed", UI_MSG_INSTALLED},
    [UPDATE_MSG_NO_TRUSTED_KEY] = {"no-trusted-key", UI_MSG_NO_TRUSTED_KEY},
    [UPDATE_MSG_PACK_MISSING] = {"pack-missing", UI_MSG_PACK_MISSING},
    [UPDATE_MSG_PACK_NOT_REGULAR] = {"pack-not-regular", UI_MSG_PACK_NOT_REGULAR},
    [UPDATE_MSG_SIG_MISSING] = {"sig-missing", UI_MSG_SIG_MISSING},
    [UPDATE_MSG_SIG_MALFORMED] = {"sig-malformed", UI_MSG_SIG_MALFORMED},
    [UPDATE_MSG_SIG_LEGACY] = {"sig-legacy", UI_MSG_SIG_LEGACY},
    [UPDATE_MSG_SIG_UNKNOWN_KEY] = {"sig-unknown-key", UI_MSG_SIG_UNKNOWN_KEY},
    [UPDATE_MSG_SIG_BAD] = {"sig-bad", UI_MSG_SIG_BAD},
    [UPDATE_MSG_COMMENT_BAD] = {"comment-bad", UI_MSG_COMMENT_BAD},
    [UPDATE_MSG_TOO_LARGE] = {"too-large", UI_MSG_TOO_LARGE},
    [UPDATE_MSG_ALREADY_INSTALLED] = {"already-installed", UI_MSG_ALREADY_INSTALLED},
    [UPDATE_MSG_OLDER_VERSION] = {"older-version", UI_MSG_OLDER_VERSION},
    [UPDATE_MSG_ROLLED_BACK_VERSION] = {"rolled-back-version", UI_MSG_ROLLED_BACK_VERSION},
    [UPDATE_MSG_NOT_ACCEPTED] = {"not-accepted", UI_MSG_NOT_ACCEPTED},
    [UPDATE_MSG_READ_ERROR] = {"read-error", UI_MSG_READ_ERROR},
    [UPDATE_MSG_DISK_FULL] = {"disk-full", UI_MSG_DISK_FULL},
    [UPDATE_MSG_STORAGE_ERROR] = {"storage-error", UI_MSG_STORAGE_ERROR},
    [UPDATE_MSG_INTERNAL] = {"internal", UI_MSG_INTERNAL},
    [UPDATE_MSG_REFUSED_BEFORE] = {"refused-before", UI_MSG_REFUSED_BEFORE},
    [UPDATE_MSG_STATE_UNREADABLE] = {"state-unreadable", UI_MSG_STATE_UNREADABLE},
    [UPDATE_MSG_CANCELLED] = {"cancelled", UI_MSG_CANCELLED},
    [UPDATE_MSG_DIR_SYMLINK] = {"dir-symlink", UI_MSG_DIR_SYMLINK},
    [UPDATE_MSG_DIR_NOT_FOLDER] = {"dir-not-folder", UI_MSG_DIR_NOT_FOLDER},
    [UPDATE_MSG_DIR_UNREADABLE] = {"dir-unreadable", UI_MSG_DIR_UNREADABLE},
    [UPDATE_MSG_PACK_SYMLINK] = {"pack-symlink", UI_MSG_PACK_SYMLINK},
    [UPDATE_MSG_SIG_SYMLINK] = {"sig-symlink", UI_MSG_SIG_SYMLINK},
    [UPDATE_MSG_SIG_NOT_REGULAR] = {"sig-not-regular", UI_MSG_SIG_NOT_REGULAR},
    [UPDATE_MSG_UNCHANGED] = {"unchanged", UI_MSG_UNCHANGED},
    [UPDATE_MSG_UNREACHABLE] = {"unreachable", UI_MSG_UNREACHABLE},
    [UPDATE_MSG_DOWNLOAD_FAILED] = {"download-failed", UI_MSG_DOWNLOAD_FAILED},
    [UPDATE_MSG_EDIT_FOLDER] = {"edit-folder", UI_MSG_EDIT_FOLDER},
    [UPDATE_MSG_INSTALLED_AT_KIOSK] = {"installed-at-kiosk", UI_MSG_INSTALLED_AT_KIOSK},
};

enum { BYTES_PER_MB = 1024 * 1024 };

const char *update_message_id(UpdateMessage message)
{
    if ((unsigned)message >= UPDATE_MSG_COUNT) {
        return "unknown";
    }
    return MESSAGES[message].id;
}

int update_message_en(const UpdateResult *r, char *out, size_t out_size)
{
    return update_message(r, LANG_EN, out, out_size);
}

int update_message(const UpdateResult *r, Lang lang, char *out, size_t out_size)
{
    const char *format = NULL;

    if ((unsigned)r->message >= UPDATE_MSG_COUNT || (unsigned)lang >= LANG_COUNT) {
        return snprintf(out, out_size, "Update: unknown result");
    }
    format = ui_text(MESSAGES[r->message].text, lang);
    /* The formats are literals from the table above; each case passes the
     * arguments its format names. */
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
    switch (r->message) {
    case UPDATE_MSG_INSTALLED:
    case UPDATE_MSG_INSTALLED_AT_KIOSK:
        if (r->summary[0] != '\0') {
            return snprintf(out, out_size, format, r->summary);
        }
        {
            static const char *const VERSION_WORD[LANG_COUNT] = {"version", "verzija", "верзија"};
            char version[48];
            snprintf(version, sizeof version, "%s %" PRId64, VERSION_WORD[lang], r->pack_version);
            return snprintf(out, out_size, format, version);
        }
    case UPDATE_MSG_SIG_UNKNOWN_KEY:
    case UPDATE_MSG_NOT_ACCEPTED:
    case UPDATE_MSG_READ_ERROR:
    case UPDATE_MSG_STORAGE_ERROR:
    case UPDATE_MSG_INTERNAL:
    case UPDATE_MSG_REFUSED_BEFORE:
    case UPDATE_MSG_STATE_UNREADABLE:
    case UPDATE_MSG_DIR_UNREADABLE:
    case UPDATE_MSG_UNCHANGED:
    case UPDATE_MSG_UNREACHABLE:
    case UPDATE_MSG_DOWNLOAD_FAILED:
        return snprintf(out, out_size, format, r->detail[0] ? r->detail : "unknown");
    case UPDATE_MSG_TOO_LARGE:
        return snprintf(out, out_size, format, r->size_cap / BYTES_PER_MB);
    case UPDATE_MSG_ALREADY_INSTALLED:
    case UPDATE_MSG_ROLLED_BACK_VERSION:
        return snprintf(out, out_size, format, r->pack_version);
    case UPDATE_MSG_OLDER_VERSION:
        return snprintf(out, out_size, format, r->pack_version, r->installed_version);
    default:
        return snprintf(out, out_size, "%s", format);
    }
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
}

/* Each step's stable name (logs, reports) and what the overlay says during it. */
typedef struct StepText {
    const char *name;
    UiText text;
} StepText;

static const StepText STEPS[UPDATE_STEP_COUNT] = {
    [UPDATE_STEP_FIND] = {"find", UI_UPDATE_CHECKING},
    [UPDATE_STEP_COPY] = {"copy", UI_UPDATE_COPYING},
    [UPDATE_STEP_VERIFY] = {"verify", UI_UPDATE_VERIFYING},
    [UPDATE_STEP_CHECK] = {"check", UI_UPDATE_CHECKING},
    [UPDATE_STEP_INSTALL] = {"install", UI_UPDATE_INSTALLING},
    [UPDATE_STEP_DONE] = {"done", UI_UPDATE_INSTALLING},
};

UiText update_source_step_text(UpdateSource source, UpdateStep step)
{
    if (source == UPDATE_SOURCE_URL && step == UPDATE_STEP_COPY) {
        return UI_UPDATE_DOWNLOADING;
    }
    return update_step_text(step);
}

const char *update_source_name(UpdateSource source)
{
    return source == UPDATE_SOURCE_URL ? "url" : "stick";
}

const char *update_step_name(UpdateStep step)
{
    return (unsigned)step < UPDATE_STEP_COUNT ? STEPS[step].name : "?";
}

UiText update_step_text(UpdateStep step)
{
    return (unsigned)step < UPDATE_STEP_COUNT ? STEPS[step].text : UI_UPDATE_INSTALLING;
}

const char *update_outcome_name(UpdateOutcome outcome)
{
    switch (outcome) {
    case UPDATE_OK: return "ok";
    case UPDATE_REFUSED: return "refused";
    case UPDATE_FAILED: return "failed";
    case UPDATE_UNCHANGED: return "unchanged";
    default: return "?";
    }
}
