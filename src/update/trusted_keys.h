/* trusted_keys.h — the trusted_key setting turned into key files: an entry
 * that is a folder (such as the default /etc/facts-kiosk/keys.d) stands for
 * every "*.pub" file in it, sorted by name; anything else is taken as a key
 * file's name. Only names are listed here: update_start() reads the keys.
 * Start with trusted_keys_add(), once per configured entry. */
#ifndef FACTS_UPDATE_TRUSTED_KEYS_H
#define FACTS_UPDATE_TRUSTED_KEYS_H

#include "platform/log.h"

enum {
    TRUSTED_KEYS_MAX = 16,        /* key files listed; more are logged and dropped */
    TRUSTED_KEYS_PATH_MAX = 1024, /* longest key file name plus its NUL */
};

/* Key file names, in the order found; start from (TrustedKeyFiles){0}. */
typedef struct TrustedKeyFiles {
    int count;
    char paths[TRUSTED_KEYS_MAX][TRUSTED_KEYS_PATH_MAX];
} TrustedKeyFiles;

/* Adds the key file(s) that entry stands for to files. An entry that does
 * not exist or a folder that cannot be read is logged (LOG_WARN, with the tag
 * "config": it is a setting's value) and skipped, as is a name too long to
 * keep; once files holds TRUSTED_KEYS_MAX names each further one is logged
 * and dropped. */
void trusted_keys_add(TrustedKeyFiles *files, const char *entry, Log *log);

#endif
