/* update_text.c — names and English text of update results; see update.h.
 * The app translates by update_message_id(); the parameters are the
 * UpdateResult fields listed next to each message in update.h. */
#include "update/update.h"

#include "core/lang.h"

#include <inttypes.h>
#include <stdio.h>

typedef struct MessageText {
    const char *id;
    /* printf formats per language (see update_message() for the arguments). Serbian is
     * awaiting review by the cluster, like all Serbian text. */
    const char *text[LANG_COUNT];
} MessageText;

static const MessageText MESSAGES[UPDATE_MSG_COUNT] = {
    [UPDATE_MSG_INSTALLED] = {"installed", {"Content updated: %s", "Sadržaj je ažuriran: %s", "Садржај је ажуриран: %s"}},
    [UPDATE_MSG_NO_TRUSTED_KEY] = {"no-trusted-key",
                                   {"Not installed: this kiosk has no trusted key",
                                    "Nije instalirano: ovaj kiosk nema nijedan pouzdan ključ",
                                    "Није инсталирано: овај киоск нема ниједан поуздан кључ"}},
    [UPDATE_MSG_PACK_MISSING] = {"pack-missing",
                                 {"Not installed: content.db is missing", "Nije instalirano: nedostaje content.db",
                                  "Није инсталирано: недостаје content.db"}},
    [UPDATE_MSG_PACK_NOT_REGULAR] = {"pack-not-regular",
                                     {"Not installed: content.db is not a regular file",
                                      "Nije instalirano: content.db nije obična datoteka",
                                      "Није инсталирано: content.db није обична датотека"}},
    [UPDATE_MSG_SIG_MISSING] = {"sig-missing",
                                {"Not installed: the signature file content.db.minisig is missing",
                                 "Nije instalirano: nedostaje datoteka s potpisom content.db.minisig",
                                 "Није инсталирано: недостаје датотека с потписом content.db.minisig"}},
    [UPDATE_MSG_SIG_MALFORMED] = {"sig-malformed",
                                  {"Not installed: the signature file is damaged or incomplete",
                                   "Nije instalirano: datoteka s potpisom je oštećena ili nepotpuna",
                                   "Није инсталирано: датотека с потписом је оштећена или непотпуна"}},
    [UPDATE_MSG_SIG_LEGACY] = {"sig-legacy",
                               {"Not installed: old signature format; sign again with a current minisign",
                                "Nije instalirano: stari format potpisa; potpišite ponovo novijim minisign-om",
                                "Није инсталирано: стари формат потписа; потпишите поново новијим minisign-ом"}},
    [UPDATE_MSG_SIG_UNKNOWN_KEY] = {"sig-unknown-key",
                                    {"Not installed: signature is not from a trusted key (key %s)",
                                     "Nije instalirano: potpis nije od pouzdanog ključa (ključ %s)",
                                     "Није инсталирано: потпис није од поузданог кључа (кључ %s)"}},
    [UPDATE_MSG_SIG_BAD] = {"sig-bad",
                            {"Not installed: the pack was changed after it was signed",
                             "Nije instalirano: paket je izmenjen posle potpisivanja",
                             "Није инсталирано: пакет је измењен после потписивања"}},
    [UPDATE_MSG_COMMENT_BAD] = {"comment-bad",
                                {"Not installed: the signature's trusted comment was changed",
                                 "Nije instalirano: pouzdani komentar potpisa je izmenjen",
                                 "Није инсталирано: поуздани коментар потписа је измењен"}},
    [UPDATE_MSG_TOO_LARGE] = {"too-large",
                              {"Not installed: the pack is larger than %" PRIu64 " MB",
                               "Nije instalirano: paket je veći od %" PRIu64 " MB",
                               "Није инсталирано: пакет је већи од %" PRIu64 " MB"}},
    [UPDATE_MSG_ALREADY_INSTALLED] = {"already-installed",
                                      {"Version %" PRId64 " is already installed", "Verzija %" PRId64 " je već instalirana",
                                       "Верзија %" PRId64 " је већ инсталирана"}},
    [UPDATE_MSG_OLDER_VERSION] = {"older-version",
                                  {"Not installed: version %" PRId64 " is older than the installed version %" PRId64,
                                   "Nije instalirano: verzija %" PRId64 " je starija od instalirane verzije %" PRId64,
                                   "Није инсталирано: верзија %" PRId64 " је старија од инсталиране верзије %" PRId64}},
    [UPDATE_MSG_ROLLED_BACK_VERSION] = {"rolled-back-version",
                                        {"Not installed: version %" PRId64 " was rolled back before",
                                         "Nije instalirano: verzija %" PRId64 " je ranije povučena",
                                         "Није инсталирано: верзија %" PRId64 " је раније повучена"}},
    [UPDATE_MSG_NOT_ACCEPTED] = {"not-accepted", {"Not installed: %s", "Nije instalirano: %s", "Није инсталирано: %s"}},
    [UPDATE_MSG_READ_ERROR] = {"read-error",
                               {"Update failed: the stick could not be read (%s)",
                                "Ažuriranje nije uspelo: USB se ne može pročitati (%s)",
                                "Ажурирање није успело: USB се не може прочитати (%s)"}},
    [UPDATE_MSG_DISK_FULL] = {"disk-full",
                              {"Update failed: the kiosk's storage is full",
                               "Ažuriranje nije uspelo: memorija kioska je puna",
                               "Ажурирање није успело: меморија киоска је пуна"}},
    [UPDATE_MSG_STORAGE_ERROR] = {"storage-error",
                                  {"Update failed: the kiosk could not store the pack (%s)",
                                   "Ažuriranje nije uspelo: kiosk ne može da sačuva paket (%s)",
                                   "Ажурирање није успело: киоск не може да сачува пакет (%s)"}},
    [UPDATE_MSG_INTERNAL] = {"internal", {"Update failed: %s", "Ažuriranje nije uspelo: %s", "Ажурирање није успело: %s"}},
    [UPDATE_MSG_REFUSED_BEFORE] = {"refused-before",
                                   {"Not installed: this pack was taken off this kiosk before (%s)",
                                    "Nije instalirano: ovaj paket je ranije uklonjen sa ovog kioska (%s)",
                                    "Није инсталирано: овај пакет је раније уклоњен са овог киоска (%s)"}},
    [UPDATE_MSG_STATE_UNREADABLE] = {"state-unreadable",
                                     {"Update paused: the kiosk cannot read its state (%s); nothing was deleted",
                                      "Ažuriranje je pauzirano: kiosk ne može da pročita svoje stanje (%s); ništa nije obrisano",
                                      "Ажурирање је паузирано: киоск не може да прочита своје стање (%s); ништа није обрисано"}},
    [UPDATE_MSG_DIR_SYMLINK] = {"dir-symlink",
                                {"Not installed: the facts-kiosk folder is a link; put the folder itself on the stick",
                                 "Nije instalirano: fascikla facts-kiosk je prečica; stavite na USB samu fasciklu",
                                 "Није инсталирано: фасцикла facts-kiosk је пречица; ставите на USB саму фасциклу"}},
    [UPDATE_MSG_DIR_NOT_FOLDER] = {"dir-not-folder",
                                   {"Not installed: facts-kiosk on the stick is a file, not a folder",
                                    "Nije instalirano: facts-kiosk na USB-u je datoteka, a ne fascikla",
                                    "Није инсталирано: facts-kiosk на USB-у је датотека, а не фасцикла"}},
    [UPDATE_MSG_DIR_UNREADABLE] = {"dir-unreadable",
                                   {"Not installed: the facts-kiosk folder cannot be opened (%s)",
                                    "Nije instalirano: fascikla facts-kiosk ne može da se otvori (%s)",
                                    "Није инсталирано: фасцикла facts-kiosk не може да се отвори (%s)"}},
    [UPDATE_MSG_PACK_SYMLINK] = {"pack-symlink",
                                 {"Not installed: content.db is a link, not the file itself",
                                  "Nije instalirano: content.db je prečica, a ne sama datoteka",
                                  "Није инсталирано: content.db је пречица, а не сама датотека"}},
    [UPDATE_MSG_SIG_SYMLINK] = {"sig-symlink",
                                {"Not installed: content.db.minisig is a link, not the file itself",
                                 "Nije instalirano: content.db.minisig je prečica, a ne sama datoteka",
                                 "Није инсталирано: content.db.minisig је пречица, а не сама датотека"}},
    [UPDATE_MSG_SIG_NOT_REGULAR] = {"sig-not-regular",
                                    {"Not installed: content.db.minisig is not a regular file",
                                     "Nije instalirano: content.db.minisig nije obična datoteka",
                                     "Није инсталирано: content.db.minisig није обична датотека"}},
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
    format = MESSAGES[r->message].text[lang];
    /* The formats are literals from the table above; each case passes the
     * arguments its format names. */
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
    switch (r->message) {
    case UPDATE_MSG_INSTALLED:
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

const char *update_step_name(UpdateStep step)
{
    static const char *const NAMES[UPDATE_STEP_COUNT] = {"find", "copy", "verify", "check", "install", "done"};
    return (unsigned)step < UPDATE_STEP_COUNT ? NAMES[step] : "?";
}

const char *update_outcome_name(UpdateOutcome outcome)
{
    switch (outcome) {
    case UPDATE_OK: return "ok";
    case UPDATE_REFUSED: return "refused";
    case UPDATE_FAILED: return "failed";
    default: return "?";
    }
}
