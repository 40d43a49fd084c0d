/* ui_text.h — the kiosk's own words (section names, headings, labels, hints) in the three
 * display languages. Content text comes from the pack; these come from here. Pure. */
#ifndef FACTS_CORE_UI_TEXT_H
#define FACTS_CORE_UI_TEXT_H

#include "core/lang.h"

#include <stddef.h>

typedef enum UiText {
    UI_SECTION_ABOUT = 0,
    UI_SECTION_MEMBERS,
    UI_SECTION_STORIES,
    UI_SECTION_COOPERATION,
    UI_SECTION_CONTACT,
    UI_VISION,
    UI_OBJECTIVES,
    UI_KEY_FIGURES,
    UI_PROFILE,
    UI_SERVICES,
    UI_WHY_PARTNER,
    UI_ACTION_PLAN,
    UI_MEMBER_BRANDS,   /* the members list's heading when the pack gives members_total */
    UI_MAJOR_PLAYERS,   /* ... and without it: the list names only some (the FACTS profile's major players) */
    UI_TRADE_MISSIONS,
    UI_TARGET_COUNTRIES,
    UI_PARTNER_CLUSTERS,
    UI_PROGRAMMES,
    UI_FOUNDED,
    UI_SECTORS,
    UI_TECHNOLOGY,
    UI_S3_PRIORITIES,
    UI_EMERGING,
    UI_SPECIALISATION,
    UI_NETWORKS,
    UI_SERVICE_DETAILS,
    UI_MEMBER_SME,
    UI_MEMBER_LARGER,
    UI_MEMBER_RESEARCH,
    UI_MEMBER_OTHER,
    /* The members directory: search, kind filter, count, pages, keyboard. */
    UI_SEARCH_MEMBERS,
    UI_ALL_KINDS,
    UI_MEMBERS_TOTAL,   /* printf: members (int) */
    UI_MEMBERS_SHOWN,   /* printf: shown (int), of all (int) */
    UI_PAGE_OF,         /* printf: page (int), pages (int) */
    UI_NO_MATCHES,      /* printf: the query (string) */
    UI_KEY_SPACE,
    UI_KEY_CLEAR,
    UI_KEY_DONE,
    UI_MISSION_TRADE,
    UI_MISSION_B2B,
    UI_SCOPE_NATIONAL,
    UI_SCOPE_INTERNATIONAL,
    UI_TARGET_INTERNATIONAL,
    UI_TARGET_TRANSNATIONAL,
    UI_TOUCH_TO_EXPLORE, /* the attract loop's call to touch: short, it is set large */
    UI_BACK,
    UI_STILL_THERE,      /* the idle warning's question, */
    UI_STILL_THERE_HINT, /*   and what to do about it */
    UI_WEBSITE,
    UI_SCAN_TO_SAVE,
    UI_READ_MORE,      /* the mark on a card whose text was shortened: tap to read it whole */
    UI_TALK_TO_US,     /* contact with no phone, e-mail or web address, when the pack says nothing */
    UI_NO_CONTENT,
    UI_NO_CONTENT_HINT,
    UI_PACK_FALLBACK,
    UI_CITY,
    UI_ACHIEVEMENTS,
    UI_UPDATE_TITLE,
    UI_UPDATE_COPYING,
    UI_UPDATE_DOWNLOADING,
    UI_UPDATE_VERIFYING,
    UI_UPDATE_CHECKING,
    UI_UPDATE_INSTALLING,
    UI_UPDATE_FAILED,
    UI_PACK_SUMMARY, /* printf: version (long long), members (size_t), stories (size_t) */
    /* The staff panel (render/staff_panel.c): staff see it, visitors never do. */
    UI_STAFF_TITLE,
    UI_STAFF_ENTER_PIN,
    UI_STAFF_WRONG_PIN,      /* printf: tries left (int) */
    UI_STAFF_LOCKED,         /* printf: minutes left (int) */
    UI_STAFF_ERASE,
    UI_STAFF_ENTER,
    UI_STAFF_CLOSE,
    UI_STAFF_PACK,
    UI_STAFF_INSTALLED,
    UI_STAFF_LAST_UPDATE,
    UI_STAFF_TODAY,
    UI_STAFF_LEADS,
    UI_STAFF_FREE_SPACE,
    UI_STAFF_UPTIME,
    UI_STAFF_TEMPERATURE,
    UI_STAFF_SCREEN_POWER,
    UI_STAFF_SHOWING,
    UI_STAFF_NOT_AVAILABLE,
    UI_STAFF_NO_UPDATE,
    UI_STAFF_BUNDLED,
    UI_STAFF_VERSION,        /* the staff panel's figures: "version" 7 */
    UI_STAFF_FROM_INSTALLED, /* ... (installed, pending) */
    UI_STAFF_FROM_BUNDLED,
    UI_STAFF_FROM_FILE,
    UI_STAFF_PENDING,
    UI_STAFF_VISITS_TODAY,   /* visits today: N */
    UI_STAFF_PAGES,          /* pages: N */
    UI_STAFF_AVERAGE,        /* on average: m:ss */
    UI_STAFF_SEARCHES,       /* searches: N */
    UI_STAFF_ROLLBACK,
    UI_STAFF_CONFIRM,        /* a second tap does it */
    UI_STAFF_EXPORT,
    UI_STAFF_PROFILE_BOOTH,
    UI_STAFF_PROFILE_LOBBY,
    UI_STAFF_LANGUAGE,       /* printf: the language's own name (string) */
    UI_STAFF_UNTIL_RESTART,
    UI_STAFF_TOUCH_TEST,
    UI_STAFF_TOUCH_HINT,
    UI_STAFF_DONE,
    UI_STAFF_RESTART,
    UI_STAFF_ROLLED_BACK,    /* printf: version now on screen (long long) */
    UI_STAFF_ROLLED_BACK_BUNDLED,
    UI_STAFF_NOTHING_TO_ROLL_BACK,
    UI_STAFF_ROLLBACK_FAILED, /* printf: why, in English (string) */
    UI_STAFF_BUSY,
    UI_STAFF_NO_UPDATES,
    UI_STAFF_RESTARTING,
    UI_STAFF_COPY_TO_STICK,   /* content taken at the kiosk (issue 17): the panel's buttons */
    UI_STAFF_TAKE_FROM_STICK,
    UI_STAFF_IMPORT_OFF,      /* why the two buttons are missing */
    UI_STAFF_IMPORT_BUILDING,
    UI_STAFF_COPYING_TO_STICK,
    UI_STAFF_PROBLEMS_TITLE,  /* over the problems of content from a stick */
    UI_STAFF_PROBLEMS_NOTE,
    UI_STAFF_PREVIEW,         /* the staff bar over a preview */
    UI_STAFF_PREVIEW_HINT,
    UI_STAFF_INSTALL,
    UI_STAFF_DISCARD,
    UI_STAFF_DISCARDED,
    UI_STAFF_IMPORT_READY_CLOSED,  /* a result came while the panel was closed */
    UI_STAFF_IMPORT_FAILED_CLOSED,
    UI_STAFF_IMPORT_INSTALLED,     /* overlay titles of the install's result */
    UI_STAFF_IMPORT_NOT_INSTALLED,
    UI_STAFF_CLOCK_BUTTON,         /* the panel's button; printf: the time "14:05", its state (strings) */
    UI_STAFF_CLOCK_TITLE,          /* the clock page (issue 20): confirm or correct the time */
    UI_STAFF_CLOCK_NONE,           /* the clock's state */
    UI_STAFF_CLOCK_SYNCHRONISED,
    UI_STAFF_CLOCK_STAFF,
    UI_STAFF_CLOCK_FAKE,
    UI_STAFF_CLOCK_HINT,
    UI_STAFF_CLOCK_RIGHT,          /* the confirm button, the time not moved */
    UI_STAFF_CLOCK_SET,            /* the confirm button, the time moved; printf: the time "14:35" (string) */
    UI_STAFF_CLOCK_CONFIRMED,      /* printf: the time (string) */
    UI_STAFF_CLOCK_REFUSED,
    UI_STAFF_UNIT_DAY,             /* the clock page's buttons: "+1 day", "-1 h", "+1 min" */
    UI_STAFF_UNIT_HOUR,
    UI_STAFF_UNIT_MINUTE,
    /* Update results, one per UpdateMessage: printf formats whose arguments
     * update_message() (update/update_text.c) passes. */
    UI_MSG_INSTALLED,
    UI_MSG_NO_TRUSTED_KEY,
    UI_MSG_PACK_MISSING,
    UI_MSG_PACK_NOT_REGULAR,
    UI_MSG_SIG_MISSING,
    UI_MSG_SIG_MALFORMED,
    UI_MSG_SIG_LEGACY,
    UI_MSG_SIG_UNKNOWN_KEY,
    UI_MSG_SIG_BAD,
    UI_MSG_COMMENT_BAD,
    UI_MSG_TOO_LARGE,
    UI_MSG_ALREADY_INSTALLED,
    UI_MSG_OLDER_VERSION,
    UI_MSG_ROLLED_BACK_VERSION,
    UI_MSG_NOT_ACCEPTED,
    UI_MSG_READ_ERROR,
    UI_MSG_DISK_FULL,
    UI_MSG_STORAGE_ERROR,
    UI_MSG_INTERNAL,
    UI_MSG_REFUSED_BEFORE,
    UI_MSG_STATE_UNREADABLE,
    UI_MSG_CANCELLED,
    UI_MSG_DIR_SYMLINK,
    UI_MSG_DIR_NOT_FOLDER,
    UI_MSG_DIR_UNREADABLE,
    UI_MSG_PACK_SYMLINK,
    UI_MSG_SIG_SYMLINK,
    UI_MSG_SIG_NOT_REGULAR,
    UI_MSG_UNCHANGED,
    UI_MSG_UNREACHABLE,
    UI_MSG_DOWNLOAD_FAILED,
    UI_MSG_EDIT_FOLDER,
    UI_MSG_INSTALLED_AT_KIOSK, /* printf: the summary of the pack taken at the kiosk (string) */
    /* Visitors' contact requests (part_leads.c, render/lead_form.c). */
    UI_LEADS_COPIED,      /* printf: the number of requests copied (size_t) */
    UI_LEADS_COPY_FAILED,
    UI_LEADS_EXPORT_NOW,  /* the staff panel's "export now" for leads */
    UI_VISITS_EXPORT_NOW, /* ... for the statistics alone (no leads key) */
    UI_LEAD_BUTTON,       /* "Contact me" on member and contact pages */
    UI_LEAD_TITLE,
    UI_LEAD_NAME,
    UI_LEAD_COMPANY,
    UI_LEAD_EMAIL,
    UI_LEAD_COUNTRY,
    UI_LEAD_CHOOSE,       /* the country button before a choice */
    UI_LEAD_INTEREST,
    UI_LEAD_GENERAL,      /* interested in the cluster in general */
    UI_LEAD_CONSENT,      /* the default consent wording (a pack may bring its own) */
    UI_LEAD_SEND,
    UI_LEAD_CANCEL,
    UI_LEAD_NEED_NAME,
    UI_LEAD_NEED_EMAIL,
    UI_LEAD_NEED_CONSENT,
    UI_LEAD_THANKS,
    UI_LEAD_THANKS_HINT,
    UI_LEAD_NOT_KEPT,     /* sealing or storing failed */
    /* Content taken at the kiosk from a stick (part_updates.c, the staff panel). */
    UI_IMPORT_NO_STICK,
    UI_IMPORT_BUSY,
    UI_IMPORT_OFF,
    UI_IMPORT_BUILDING,
    UI_IMPORT_CHECKING,
    UI_IMPORT_FAILED,        /* printf: the number of errors (size_t) */
    UI_IMPORT_NOT_CHECKED,   /* printf: why, in English (string) */
    UI_IMPORT_READY,         /* printf: the summary of the new content (string) */
    UI_IMPORT_INSTALLING,
    UI_IMPORT_INSTALL_FAILED, /* printf: why (string) */
    UI_IMPORT_CSV_NOT_USED,
    UI_IMPORT_TAKEN_AT_KIOSK, /* printf: the base version (long long) */
    UI_COPY_NO_STICK,
    UI_COPY_COPYING,
    UI_COPY_DONE,
    UI_COPY_FAILED,          /* printf: why, in English (string) */
    UI_EVENT_NOW_NEXT,       /* the event board: "Now and next" */
    UI_EVENT_AGENDA,         /* ... without a trusted clock: the day's agenda */
    UI_EVENT_NOW,
    UI_EVENT_STARTS_IN,      /* "Starts in" before a countdown */
    UI_EVENT_NOTHING_SOON,
    UI_EVENT_MEETINGS,       /* the meeting board's title */
    UI_EVENT_ROUND,          /* "Round" before its number */
    UI_EVENT_ROUND_STARTS_IN,/* after "Round N": "starts in" before a countdown */
    UI_EVENT_MEETINGS_END_IN,/* before a number of minutes */
    UI_EVENT_MINUTES,        /* after it: "min" */
    UI_EVENT_NEXT_ROUND,
    UI_EVENT_LATER_TODAY,    /* above the day's sessions after the hour on "Now and next" */
    UI_EVENT_BOARD_NEXT,     /* the board's label before the next round's rows: "Next: Round 4 · 11:15" */
    UI_EVENT_BOARD_THEN,     /* the same between rounds, before the round after the next: "Then: …" */
    UI_EVENT_TABLE,          /* "Table" before its name */
    UI_EVENT_OCCUPIED,       /* a private meeting's table */
    UI_SECTION_EVENT,        /* the booth's section on an event's days */
    UI_EVENT_FIND,           /* "Find my meetings" */
    UI_EVENT_FIND_FIELD,     /* the search field's placeholder */
    UI_EVENT_FIND_HINT,      /* what the search does, before anything is typed */
    UI_EVENT_FIND_NONE,      /* nothing found for the name typed */
    UI_EVENT_FIND_MORE,      /* printf: how many more were found (int) */
    UI_EVENT_FIND_SCAN,      /* under a meeting's QR code */
    UI_EVENT_WITH,           /* "with" before the other party */
    UI_EVENT_AT_TABLE,       /* before a table's name: a meeting's calendar entry's title */
    UI_TIMELINE,             /* the cooperation timeline's title, before its years */
    UI_TEXT_COUNT
} UiText;

/* The text of id in lang; "" for an id or lang out of range. Never NULL. */
const char *ui_text(UiText id, Lang lang);

/* The label of a programme's scope (content.h's ProgrammeScope: 0 national, 1
 * international) in lang: "National", "Međunarodni"…; "" for a scope the pack does not
 * state (any other value), which is then not shown. */
const char *ui_programme_scope(int scope, Lang lang);

/* A date "YYYY-MM-DD" written for people: "14 September 2010", "14. septembar 2010.",
 * "14. септембар 2010.". Writes "" for a malformed date. */
void ui_format_date(const char *iso_date, Lang lang, char *out, size_t size);

#endif
