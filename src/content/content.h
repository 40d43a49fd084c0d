/* content.h — the in-memory Content model: everything a content pack says, loaded once,
 * immutable afterwards. Start here to see what the display can show.
 *
 * Strings are UTF-8 and owned by the Content (freed by content_unload()). A LocalText has one
 * string per language, never NULL; an optional text that a pack leaves out is "" in all
 * three. Optional plain strings (website, e-mail…) are NULL when absent. Lists keep the
 * pack's display order. */
#ifndef FACTS_CONTENT_CONTENT_H
#define FACTS_CONTENT_CONTENT_H

#include "core/event_time.h"
#include "core/lang.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct LocalText {
    const char *text[LANG_COUNT];
} LocalText;

/* show_from / show_until as "YYYY-MM-DD" (inclusive), NULL = open-ended. */
typedef struct Validity {
    const char *from;
    const char *until;
} Validity;

typedef enum ImageFormat {
    IMAGE_FORMAT_PNG = 0,
    IMAGE_FORMAT_JPEG,
} ImageFormat;

typedef struct ContentBytes {
    const unsigned char *bytes;
    size_t size;
} ContentBytes;

/* An encoded image as stored in the pack, with the size it declares (checked against
 * its header when loaded); decoding is the display's job. */
typedef struct ContentImage {
    const char *name;
    int format; /* ImageFormat */
    int64_t width;
    int64_t height;
    ContentBytes data;
} ContentImage;

typedef struct PackInfo {
    int64_t version;
    LocalText title;
    const char *created_at;
} PackInfo;

/* Colours as 0xRRGGBB. */
typedef struct Theme {
    uint32_t background;
    uint32_t surface;
    uint32_t text;
    uint32_t muted;
    uint32_t accent;
    uint32_t accent_text;
} Theme;

typedef struct Organisation {
    LocalText name;
    const char *short_name;
    const char *founded;
    LocalText city;
    LocalText vision;
    LocalText action_plan;
    LocalText why_partner;
    const ContentImage *logo;
    LocalText consent; /* the wording of the "Contact me" form's consent box; "" when not given */
    int64_t members_total; /* how many members the cluster has, 0 when the pack does not say */
} Organisation;

typedef enum AboutKind {
    ABOUT_SECTOR = 0,
    ABOUT_TECHNOLOGY,
    ABOUT_S3_PRIORITY,
    ABOUT_EMERGING_INDUSTRY,
    ABOUT_SPECIALISATION,
    ABOUT_NETWORK,
    ABOUT_OBJECTIVE,
    ABOUT_SERVICE,
    ABOUT_SERVICE_DETAIL,
    ABOUT_KIND_COUNT
} AboutKind;

typedef struct AboutItem {
    const char *id;
    int kind; /* AboutKind */
    LocalText text;
} AboutItem;

typedef struct Figure {
    const char *id;
    LocalText value;
    LocalText label;
    Validity validity;
} Figure;

/* A choice column left empty (e.g. a member whose kind the pack does not state). */
enum { CHOICE_NONE = -1 };

typedef enum MemberKind {
    MEMBER_SME = 0,
    MEMBER_LARGER,
    MEMBER_RESEARCH,
    MEMBER_OTHER,
} MemberKind;

typedef struct Member {
    const char *id;
    const char *name;
    int kind; /* MemberKind or CHOICE_NONE */
    const ContentImage *logo;
    const char *website;
    LocalText description;
    Validity validity;
} Member;

typedef struct Story {
    const char *id;
    LocalText title;
    LocalText place;
    const char *years; /* NULL: the story has no year (show none) */
    LocalText body;
    const ContentImage *photo;
    Validity validity;
    const char *members; /* the members it names: ids "a,b" (core/id_list.h); NULL: none */
} Story;

typedef enum CountryTarget {
    COUNTRY_TARGET_INTERNATIONAL = 0,
    COUNTRY_TARGET_TRANSNATIONAL,
} CountryTarget;

typedef struct Country {
    const char *id;
    LocalText name;
    int target; /* CountryTarget or CHOICE_NONE */
} Country;

typedef enum MissionKind {
    MISSION_TRADE_MISSION = 0,
    MISSION_B2B_MEETING,
} MissionKind;

typedef struct Mission {
    const char *id;
    int kind; /* MissionKind */
    LocalText destination;
    LocalText purpose;
    Validity validity;
} Mission;

typedef struct PartnerCluster {
    const char *id;
    const char *name;
    const Country *country; /* NULL when not given */
} PartnerCluster;

typedef enum ProgrammeScope {
    PROGRAMME_NATIONAL = 0,
    PROGRAMME_INTERNATIONAL,
} ProgrammeScope;

typedef struct Programme {
    const char *id;
    LocalText name;
    LocalText funder;
    const char *years;
    int scope; /* ProgrammeScope, or CHOICE_NONE where the source does not state it */
} Programme;

typedef struct Contact {
    const char *id;
    LocalText role;
    const char *name;
    const char *email;
    const char *phone;
    const char *web;
    LocalText address;
    LocalText meet; /* where to find the team at a fair; "" when not given */
} Contact;

/* An event of the day (schema version 3): its days as "YYYY-MM-DD" (inclusive) in its
 * zone; utc_offsets is the zone's offsets over those days as event_zone_parse() reads them
 * (the builder made them from the system's zoneinfo). */
typedef struct Event {
    const char *id;
    LocalText name;
    LocalText venue;
    const char *starts;
    const char *ends;
    const char *time_zone;
    const char *utc_offsets;
} Event;

typedef enum SessionKind {
    SESSION_TALK = 0,
    SESSION_PANEL,
    SESSION_WORKSHOP,
    SESSION_BREAK,
    SESSION_SOCIAL,
    SESSION_OTHER,
} SessionKind;

/* A session of an event: span in UTC (an event_board.h EventList reads it). */
typedef struct Session {
    const char *id;
    const Event *event;
    EventSpan span;
    LocalText room;
    LocalText title;
    int kind; /* SessionKind */
} Session;

typedef enum MeetingPrivacy {
    MEETING_PUBLIC = 0,
    MEETING_PRIVATE,
} MeetingPrivacy;

/* A B2B meeting at a table. A private meeting keeps only its table and times: its parties
 * and title are NULL in every pack. A party is a member's id (find it in members) or any
 * name; a round is the meetings sharing a start. */
typedef struct Meeting {
    const char *id;
    const Event *event;
    EventSpan span;
    const char *table;
    const char *party_a;
    const char *party_b;
    const char *title;
    int privacy; /* MeetingPrivacy */
} Meeting;

/* A banner shown over every slide from window.starts until window.ends (UTC). */
typedef struct Announcement {
    const char *id;
    LocalText text;
    EventSpan window;
} Announcement;

typedef struct ContentArena ContentArena;

typedef struct Content {
    ContentArena *arena;
    PackInfo pack;
    Theme theme;
    Organisation organisation;
    const ContentImage *images;
    size_t image_count;
    const AboutItem *about_items;
    size_t about_item_count;
    const Figure *figures;
    size_t figure_count;
    const Member *members;
    size_t member_count;
    const Story *stories;
    size_t story_count;
    const Country *countries;
    size_t country_count;
    const Mission *missions;
    size_t mission_count;
    const PartnerCluster *partner_clusters;
    size_t partner_cluster_count;
    const Programme *programmes;
    size_t programme_count;
    const Contact *contacts;
    size_t contact_count;
    const Event *events; /* none in packs before schema version 3 */
    size_t event_count;
    const Session *sessions;
    size_t session_count;
    const Meeting *meetings;
    size_t meeting_count;
    const Announcement *announcements;
    size_t announcement_count;
} Content;

/* Frees a Content and everything it owns. NULL is a no-op. */
void content_unload(Content *content);

/* The text in lang, falling back to English (then Serbian Latin) when that language's
 * text is empty. Never NULL. */
const char *local_text(const LocalText *text, Lang lang);

/* True when a LocalText carries no text at all. */
bool local_text_empty(const LocalText *text);

/* The event on at now (a UTC instant), the first in the pack's order: from the local
 * midnight opening its first day until the later of the midnight closing its last day and
 * the end of its last session or meeting (core/event_board.h); NULL when none is, and
 * nothing of an event shows. *zone gets its offsets (event_zone_parse of utc_offsets). */
const Event *content_event_on(const Content *content, EventInstant now, EventZone *zone);

/* True when story names the member with id member_id in its members column. */
bool content_story_names(const Story *story, const char *member_id);

/* True when an item with this validity should be shown on date today ("YYYY-MM-DD"). */
bool validity_covers(const Validity *validity, const char *today);

#endif
