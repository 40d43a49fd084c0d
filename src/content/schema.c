/* schema.c — the pack contract as data (see schema.h). One table entry per SQL table;
 * adding a column means one line here and one in data/schema.sql. */
#include "content/schema.h"

#include "content/content.h"
#include "core/event_time.h"
#include "core/id_list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FIELD(type, field) offsetof(type, field)
#define LIST(type, array, count)                                                                   \
    .row_size = sizeof(type), .rows_offset = offsetof(Content, array),                             \
    .count_offset = offsetof(Content, count), .has_position = true, .from_sources = true
#define SINGLE(type, field)                                                                        \
    .row_size = sizeof(type), .rows_offset = offsetof(Content, field), .single_row = true,         \
    .from_sources = true
#define COLUMNS(array) .columns = array, .column_count = sizeof array / sizeof array[0]

static const char *const MEMBER_KINDS[] = {"SME", "larger", "research", "other", NULL};
static const char *const ABOUT_KINDS[] = {
    "sector", "technology", "s3_priority", "emerging_industry", "specialisation",
    "network", "objective", "service", "service_detail", NULL,
};
static const char *const COUNTRY_TARGETS[] = {"international", "trans-national", NULL};
static const char *const MISSION_KINDS[] = {"trade_mission", "b2b_meeting", NULL};
static const char *const PROGRAMME_SCOPES[] = {"national", "international", NULL};
static const char *const SESSION_KINDS[] = {"talk", "panel", "workshop", "break", "social", "other", NULL};
static const char *const MEETING_PRIVACY[] = {"no", "yes", NULL};

static const ColumnSpec PACK_COLUMNS[] = {
    {"version", COLUMN_INTEGER, true, FIELD(PackInfo, version), NULL, NULL},
    {"title", COLUMN_TEXT, true, FIELD(PackInfo, title), NULL, NULL},
    {"created_at", COLUMN_DATE, true, FIELD(PackInfo, created_at), NULL, NULL},
};

static const ColumnSpec THEME_COLUMNS[] = {
    {"background", COLUMN_COLOUR, true, FIELD(Theme, background), NULL, NULL},
    {"surface", COLUMN_COLOUR, true, FIELD(Theme, surface), NULL, NULL},
    {"text", COLUMN_COLOUR, true, FIELD(Theme, text), NULL, NULL},
    {"muted", COLUMN_COLOUR, true, FIELD(Theme, muted), NULL, NULL},
    {"accent", COLUMN_COLOUR, true, FIELD(Theme, accent), NULL, NULL},
    {"accent_text", COLUMN_COLOUR, true, FIELD(Theme, accent_text), NULL, NULL},
};

static const ColumnSpec IMAGE_COLUMNS[] = {
    {"name", COLUMN_ID, true, FIELD(ContentImage, name), NULL, NULL},
    {"format", COLUMN_IMAGE_FORMAT, true, FIELD(ContentImage, format), NULL, NULL},
    {"width", COLUMN_INTEGER, true, FIELD(ContentImage, width), NULL, NULL},
    {"height", COLUMN_INTEGER, true, FIELD(ContentImage, height), NULL, NULL},
    {"data", COLUMN_BLOB, true, FIELD(ContentImage, data), NULL, NULL},
};

static const ColumnSpec ORGANISATION_COLUMNS[] = {
    {"name", COLUMN_TEXT, true, FIELD(Organisation, name), NULL, NULL},
    {"short_name", COLUMN_PLAIN, true, FIELD(Organisation, short_name), NULL, NULL},
    {"founded", COLUMN_DATE, true, FIELD(Organisation, founded), NULL, NULL},
    {"city", COLUMN_TEXT, true, FIELD(Organisation, city), NULL, NULL},
    {"vision", COLUMN_TEXT, true, FIELD(Organisation, vision), NULL, NULL},
    {"action_plan", COLUMN_TEXT, false, FIELD(Organisation, action_plan), NULL, NULL},
    {"why_partner", COLUMN_TEXT, false, FIELD(Organisation, why_partner), NULL, NULL},
    {"logo", COLUMN_REF, false, FIELD(Organisation, logo), NULL, "images"},
    {"consent", COLUMN_TEXT, false, FIELD(Organisation, consent), NULL, NULL}, /* added: see ADDED_COLUMNS */
    {"members_total", COLUMN_INTEGER, false, FIELD(Organisation, members_total), NULL, NULL}, /* added */
};

static const ColumnSpec ABOUT_COLUMNS[] = {
    {"id", COLUMN_ID, true, FIELD(AboutItem, id), NULL, NULL},
    {"kind", COLUMN_CHOICE, true, FIELD(AboutItem, kind), ABOUT_KINDS, NULL},
    {"text", COLUMN_TEXT, true, FIELD(AboutItem, text), NULL, NULL},
};

static const ColumnSpec FIGURE_COLUMNS[] = {
    {"id", COLUMN_ID, true, FIELD(Figure, id), NULL, NULL},
    {"value", COLUMN_TEXT, true, FIELD(Figure, value), NULL, NULL},
    {"label", COLUMN_TEXT, true, FIELD(Figure, label), NULL, NULL},
    {"show_from", COLUMN_DATE, false, FIELD(Figure, validity.from), NULL, NULL},
    {"show_until", COLUMN_DATE, false, FIELD(Figure, validity.until), NULL, NULL},
};

static const ColumnSpec MEMBER_COLUMNS[] = {
    {"id", COLUMN_ID, true, FIELD(Member, id), NULL, NULL},
    {"name", COLUMN_PLAIN, true, FIELD(Member, name), NULL, NULL},
    {"kind", COLUMN_CHOICE, false, FIELD(Member, kind), MEMBER_KINDS, NULL},
    {"logo", COLUMN_REF, false, FIELD(Member, logo), NULL, "images"},
    {"website", COLUMN_URL, false, FIELD(Member, website), NULL, NULL},
    {"description", COLUMN_TEXT, false, FIELD(Member, description), NULL, NULL},
    {"show_from", COLUMN_DATE, false, FIELD(Member, validity.from), NULL, NULL},
    {"show_until", COLUMN_DATE, false, FIELD(Member, validity.until), NULL, NULL},
};

static const ColumnSpec STORY_COLUMNS[] = {
    {"id", COLUMN_ID, true, FIELD(Story, id), NULL, NULL},
    {"title", COLUMN_TEXT, true, FIELD(Story, title), NULL, NULL},
    {"place", COLUMN_TEXT, false, FIELD(Story, place), NULL, NULL},
    {"years", COLUMN_YEARS, false, FIELD(Story, years), NULL, NULL}, /* none: '' (NOT NULL in SQL) */
    {"body", COLUMN_TEXT, false, FIELD(Story, body), NULL, NULL},
    {"photo", COLUMN_REF, false, FIELD(Story, photo), NULL, "images"},
    {"show_from", COLUMN_DATE, false, FIELD(Story, validity.from), NULL, NULL},
    {"show_until", COLUMN_DATE, false, FIELD(Story, validity.until), NULL, NULL},
    {"members", COLUMN_REFS, false, FIELD(Story, members), NULL, "members"}, /* added: see ADDED_COLUMNS */
};

static const ColumnSpec COUNTRY_COLUMNS[] = {
    {"id", COLUMN_ID, true, FIELD(Country, id), NULL, NULL},
    {"name", COLUMN_TEXT, true, FIELD(Country, name), NULL, NULL},
    {"target", COLUMN_CHOICE, false, FIELD(Country, target), COUNTRY_TARGETS, NULL},
};

static const ColumnSpec MISSION_COLUMNS[] = {
    {"id", COLUMN_ID, true, FIELD(Mission, id), NULL, NULL},
    {"kind", COLUMN_CHOICE, true, FIELD(Mission, kind), MISSION_KINDS, NULL},
    {"destination", COLUMN_TEXT, true, FIELD(Mission, destination), NULL, NULL},
    {"purpose", COLUMN_TEXT, false, FIELD(Mission, purpose), NULL, NULL},
    {"show_from", COLUMN_DATE, false, FIELD(Mission, validity.from), NULL, NULL},
    {"show_until", COLUMN_DATE, false, FIELD(Mission, validity.until), NULL, NULL},
};

static const ColumnSpec PARTNER_COLUMNS[] = {
    {"id", COLUMN_ID, true, FIELD(PartnerCluster, id), NULL, NULL},
    {"name", COLUMN_PLAIN, true, FIELD(PartnerCluster, name), NULL, NULL},
    {"country", COLUMN_REF, false, FIELD(PartnerCluster, country), NULL, "countries"},
};

static const ColumnSpec PROGRAMME_COLUMNS[] = {
    {"id", COLUMN_ID, true, FIELD(Programme, id), NULL, NULL},
    {"name", COLUMN_TEXT, true, FIELD(Programme, name), NULL, NULL},
    {"funder", COLUMN_TEXT, true, FIELD(Programme, funder), NULL, NULL},
    {"years", COLUMN_YEARS, true, FIELD(Programme, years), NULL, NULL},
    {"scope", COLUMN_CHOICE, false, FIELD(Programme, scope), PROGRAMME_SCOPES, NULL}, /* '' when not stated */
};

static const ColumnSpec CONTACT_COLUMNS[] = {
    {"id", COLUMN_ID, true, FIELD(Contact, id), NULL, NULL},
    {"role", COLUMN_TEXT, true, FIELD(Contact, role), NULL, NULL},
    {"name", COLUMN_PLAIN, false, FIELD(Contact, name), NULL, NULL},
    {"email", COLUMN_EMAIL, false, FIELD(Contact, email), NULL, NULL},
    {"phone", COLUMN_PHONE, false, FIELD(Contact, phone), NULL, NULL},
    {"web", COLUMN_URL, false, FIELD(Contact, web), NULL, NULL},
    {"address", COLUMN_TEXT, false, FIELD(Contact, address), NULL, NULL},
    {"meet", COLUMN_TEXT, false, FIELD(Contact, meet), NULL, NULL}, /* added: see ADDED_COLUMNS */
};

static const ColumnSpec EVENT_COLUMNS[] = {
    {"id", COLUMN_ID, true, FIELD(Event, id), NULL, NULL},
    {"name", COLUMN_TEXT, true, FIELD(Event, name), NULL, NULL},
    {"venue", COLUMN_TEXT, false, FIELD(Event, venue), NULL, NULL},
    {"starts", COLUMN_DATE, true, FIELD(Event, starts), NULL, NULL},
    {"ends", COLUMN_DATE, true, FIELD(Event, ends), NULL, NULL},
    {"time_zone", COLUMN_ZONE, true, FIELD(Event, time_zone), NULL, NULL},
    {"utc_offsets", COLUMN_ZONE_OFFSETS, true, FIELD(Event, utc_offsets), NULL, NULL},
};

static const ColumnSpec SESSION_COLUMNS[] = {
    {"id", COLUMN_ID, true, FIELD(Session, id), NULL, NULL},
    {"event", COLUMN_REF, true, FIELD(Session, event), NULL, "events"},
    {"starts", COLUMN_INSTANT, true, FIELD(Session, span.starts), NULL, NULL},
    {"ends", COLUMN_INSTANT, true, FIELD(Session, span.ends), NULL, NULL},
    {"room", COLUMN_TEXT, false, FIELD(Session, room), NULL, NULL},
    {"title", COLUMN_TEXT, true, FIELD(Session, title), NULL, NULL},
    {"kind", COLUMN_CHOICE, true, FIELD(Session, kind), SESSION_KINDS, NULL},
};

/* id may be left out of meetings.csv (the builder makes one per row). */
static const ColumnSpec MEETING_COLUMNS[] = {
    {"id", COLUMN_ID, false, FIELD(Meeting, id), NULL, NULL},
    {"event", COLUMN_REF, true, FIELD(Meeting, event), NULL, "events"},
    {"starts", COLUMN_INSTANT, true, FIELD(Meeting, span.starts), NULL, NULL},
    {"ends", COLUMN_INSTANT, true, FIELD(Meeting, span.ends), NULL, NULL},
    {"table", COLUMN_PLAIN, true, FIELD(Meeting, table), NULL, NULL},
    {"party_a", COLUMN_PLAIN, false, FIELD(Meeting, party_a), NULL, NULL},
    {"party_b", COLUMN_PLAIN, false, FIELD(Meeting, party_b), NULL, NULL},
    {"title", COLUMN_PLAIN, false, FIELD(Meeting, title), NULL, NULL},
    {"private", COLUMN_CHOICE, true, FIELD(Meeting, privacy), MEETING_PRIVACY, NULL},
};

static const ColumnSpec ANNOUNCEMENT_COLUMNS[] = {
    {"id", COLUMN_ID, true, FIELD(Announcement, id), NULL, NULL},
    {"text", COLUMN_TEXT, true, FIELD(Announcement, text), NULL, NULL},
    {"from", COLUMN_INSTANT, true, FIELD(Announcement, window.starts), NULL, NULL},
    {"until", COLUMN_INSTANT, true, FIELD(Announcement, window.ends), NULL, NULL},
};

/* Columns a pack may lack because they were added after packs of this version were made
 * (data/schema.sql lists them with the ALTER TABLE statements the builder uses). */
static const struct {
    const char *table;
    const char *column;
} ADDED_COLUMNS[] = {
    {"contacts", "meet"},
    {"organisation", "consent"},
    {"organisation", "members_total"},
    {"stories", "members"},
};

static const TableSpec TABLES[] = {
    {.name = "pack", COLUMNS(PACK_COLUMNS), SINGLE(PackInfo, pack)},
    {.name = "theme", COLUMNS(THEME_COLUMNS), SINGLE(Theme, theme)},
    {.name = "images", COLUMNS(IMAGE_COLUMNS), .row_size = sizeof(ContentImage),
     .rows_offset = offsetof(Content, images), .count_offset = offsetof(Content, image_count)},
    {.name = "organisation", COLUMNS(ORGANISATION_COLUMNS), SINGLE(Organisation, organisation)},
    {.name = "about_items", COLUMNS(ABOUT_COLUMNS), LIST(AboutItem, about_items, about_item_count)},
    {.name = "figures", COLUMNS(FIGURE_COLUMNS), LIST(Figure, figures, figure_count)},
    {.name = "members", COLUMNS(MEMBER_COLUMNS), LIST(Member, members, member_count)},
    {.name = "stories", COLUMNS(STORY_COLUMNS), LIST(Story, stories, story_count)},
    {.name = "countries", COLUMNS(COUNTRY_COLUMNS), LIST(Country, countries, country_count)},
    {.name = "missions", COLUMNS(MISSION_COLUMNS), LIST(Mission, missions, mission_count)},
    {.name = "partner_clusters", COLUMNS(PARTNER_COLUMNS),
     LIST(PartnerCluster, partner_clusters, partner_cluster_count)},
    {.name = "programmes", COLUMNS(PROGRAMME_COLUMNS), LIST(Programme, programmes, programme_count)},
    {.name = "contacts", COLUMNS(CONTACT_COLUMNS), LIST(Contact, contacts, contact_count)},
    {.name = "events", COLUMNS(EVENT_COLUMNS), LIST(Event, events, event_count),
     .since_version = SCHEMA_EVENTS_SINCE},
    {.name = "sessions", COLUMNS(SESSION_COLUMNS), LIST(Session, sessions, session_count),
     .since_version = SCHEMA_EVENTS_SINCE},
    {.name = "meetings", COLUMNS(MEETING_COLUMNS), LIST(Meeting, meetings, meeting_count),
     .since_version = SCHEMA_EVENTS_SINCE},
    {.name = "announcements", COLUMNS(ANNOUNCEMENT_COLUMNS),
     LIST(Announcement, announcements, announcement_count), .since_version = SCHEMA_EVENTS_SINCE},
};

bool schema_column_added(const TableSpec *table, const ColumnSpec *column)
{
    for (size_t i = 0; i < sizeof ADDED_COLUMNS / sizeof ADDED_COLUMNS[0]; i++) {
        if (strcmp(ADDED_COLUMNS[i].table, table->name) == 0 && strcmp(ADDED_COLUMNS[i].column, column->name) == 0) {
            return true;
        }
    }
    return false;
}

bool schema_column_made(const ColumnSpec *column)
{
    return column->kind == COLUMN_ZONE_OFFSETS;
}

const TableSpec *schema_tables(size_t *count)
{
    *count = sizeof TABLES / sizeof TABLES[0];
    return TABLES;
}

const TableSpec *schema_table(const char *name)
{
    for (size_t i = 0; i < sizeof TABLES / sizeof TABLES[0]; i++) {
        if (strcmp(TABLES[i].name, name) == 0) {
            return &TABLES[i];
        }
    }
    return NULL;
}

const unsigned char *schema_rows(const TableSpec *table, const Content *content, size_t *count)
{
    const unsigned char *base = (const unsigned char *)content;
    if (table->single_row) {
        *count = 1;
        return base + table->rows_offset;
    }
    *count = *(const size_t *)(base + table->count_offset);
    return *(const unsigned char *const *)(base + table->rows_offset);
}

const char *schema_row_key(const TableSpec *table, const unsigned char *rows, size_t i)
{
    return *(const char *const *)(rows + i * table->row_size + table->columns[0].offset);
}

void schema_column_name(const ColumnSpec *column, Lang lang, char *out, size_t size)
{
    if (column->kind == COLUMN_TEXT) {
        snprintf(out, size, "%s_%s", column->name, lang_column_suffix(lang));
    } else {
        snprintf(out, size, "%s", column->name);
    }
}

int schema_choice_index(const ColumnSpec *column, const char *value)
{
    for (int i = 0; column->choices && column->choices[i]; i++) {
        if (strcmp(column->choices[i], value) == 0) {
            return i;
        }
    }
    return -1;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_hex(char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool schema_parse_colour(const char *value, unsigned *rgb)
{
    if (strlen(value) != 7 || value[0] != '#') {
        return false;
    }
    for (int i = 1; i < 7; i++) {
        if (!is_hex(value[i])) {
            return false;
        }
    }
    *rgb = (unsigned)strtoul(value + 1, NULL, 16);
    return true;
}

static bool check_id(const char *value)
{
    size_t length = strlen(value);
    if (length == 0 || length > 64 || value[0] == '-' || value[0] == '.') {
        return false;
    }
    for (size_t i = 0; i < length; i++) {
        char c = value[i];
        bool ok = (c >= 'a' && c <= 'z') || is_digit(c) || c == '-' || c == '_' || c == '.' ||
                  (c >= 'A' && c <= 'Z');
        if (!ok) {
            return false;
        }
    }
    return true;
}

static int days_in_month(int year, int month)
{
    static const int DAYS[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : DAYS[month - 1];
}

static bool check_date(const char *value)
{
    if (strlen(value) != 10 || value[4] != '-' || value[7] != '-') {
        return false;
    }
    for (int i = 0; i < 10; i++) {
        if (i != 4 && i != 7 && !is_digit(value[i])) {
            return false;
        }
    }
    int year = atoi(value);
    int month = atoi(value + 5);
    int day = atoi(value + 8);
    return year >= 1900 && month >= 1 && month <= 12 && day >= 1 &&
           day <= days_in_month(year, month);
}

static bool parse_year(const char **cursor, int *year)
{
    const char *s = *cursor;
    for (int i = 0; i < 4; i++) {
        if (!is_digit(s[i])) {
            return false;
        }
    }
    *year = atoi(s);
    *cursor = s + 4;
    return *year >= 1900 && *year <= 2999;
}

/* "2013" | "2011-2016" | "2011, 2012, 2013" */
static bool check_years(const char *value)
{
    const char *s = value;
    int first = 0;
    int second = 0;
    if (!parse_year(&s, &first)) {
        return false;
    }
    if (*s == '-') {
        s++;
        return parse_year(&s, &second) && second > first && *s == '\0';
    }
    int previous = first;
    while (*s == ',') {
        s++;
        if (*s == ' ') {
            s++;
        }
        if (!parse_year(&s, &second) || second <= previous) {
            return false;
        }
        previous = second;
    }
    return *s == '\0';
}

bool schema_zone_name_valid(const char *value)
{
    size_t length = strlen(value);
    if (length == 0 || length > 64 || value[0] == '/' || value[0] == '.' || strstr(value, "..") ||
        strstr(value, "//")) {
        return false;
    }
    for (size_t i = 0; i < length; i++) {
        char c = value[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || strchr("/_+-.", c);
        if (!ok) {
            return false;
        }
    }
    return true;
}

static bool has_no_space(const char *value)
{
    return strpbrk(value, " \t\r\n") == NULL;
}

static bool check_url(const char *value)
{
    bool scheme = strncmp(value, "https://", 8) == 0 || strncmp(value, "http://", 7) == 0;
    const char *host = strstr(value, "://");
    return scheme && has_no_space(value) && host && host[3] != '\0' && strlen(value) <= 512;
}

static bool check_email(const char *value)
{
    const char *at = strchr(value, '@');
    return at && at != value && strchr(at + 1, '@') == NULL && strchr(at, '.') &&
           at[strlen(at) - 1] != '.' && has_no_space(value) && strlen(value) <= 254;
}

static bool check_phone(const char *value)
{
    int digits = 0;
    for (const char *s = value; *s; s++) {
        if (is_digit(*s)) {
            digits++;
        } else if (!strchr("+ ()-/", *s)) {
            return false;
        }
    }
    return digits >= 5 && digits <= 20;
}

static bool check_integer(const char *value)
{
    size_t length = strlen(value);
    if (length == 0 || length > 12) {
        return false;
    }
    for (size_t i = 0; i < length; i++) {
        if (!is_digit(value[i])) {
            return false;
        }
    }
    return atoll(value) > 0;
}

static void choices_text(const char *const *choices, char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    for (int i = 0; choices[i] && used < size; i++) {
        int n = snprintf(out + used, size - used, "%s%s", i ? ", " : "", choices[i]);
        if (n < 0) {
            break;
        }
        used += (size_t)n;
    }
}

bool schema_check_value(const ColumnSpec *column, const char *value, char *why, size_t why_size)
{
    static const char *const IMAGE_FORMATS[] = {"png", "jpeg", NULL};
    char choices[160];
    if (strlen(value) > SCHEMA_MAX_TEXT_BYTES) {
        snprintf(why, why_size, "text is longer than %d bytes", SCHEMA_MAX_TEXT_BYTES);
        return false;
    }
    switch (column->kind) {
    case COLUMN_ID:
    case COLUMN_REF:
        if (check_id(value)) {
            return true;
        }
        snprintf(why, why_size, "\"%.40s\" is not a valid key (letters, digits, - _ . only)", value);
        return false;
    case COLUMN_REFS: {
        const char *cursor = value, *id = NULL;
        size_t length = 0;
        bool any = false;
        while (id_list_next(&cursor, &id, &length)) {
            char key[80];
            snprintf(key, sizeof key, "%.*s", (int)(length < 70 ? length : 70), id);
            if (length > 64 || !check_id(key)) {
                snprintf(why, why_size, "\"%.40s\" is not a valid key (letters, digits, - _ . only)", key);
                return false;
            }
            any = true;
        }
        if (any) {
            return true;
        }
        snprintf(why, why_size, "\"%.40s\" names no id", value);
        return false;
    }
    case COLUMN_INTEGER:
        if (check_integer(value)) {
            return true;
        }
        snprintf(why, why_size, "\"%.40s\" is not a whole number greater than 0", value);
        return false;
    case COLUMN_DATE:
        if (check_date(value)) {
            return true;
        }
        snprintf(why, why_size, "\"%.40s\" is not a date written as YYYY-MM-DD", value);
        return false;
    case COLUMN_YEARS:
        if (check_years(value)) {
            return true;
        }
        snprintf(why, why_size, "\"%.40s\" is not a year, a range like 2011-2016 or a list like 2011, 2012", value);
        return false;
    case COLUMN_CHOICE:
    case COLUMN_IMAGE_FORMAT: {
        ColumnSpec formats = *column;
        if (column->kind == COLUMN_IMAGE_FORMAT) {
            formats.choices = IMAGE_FORMATS;
        }
        if (schema_choice_index(&formats, value) >= 0) {
            return true;
        }
        choices_text(formats.choices, choices, sizeof choices);
        snprintf(why, why_size, "\"%.40s\" is not one of %s", value, choices);
        return false;
    }
    case COLUMN_COLOUR: {
        unsigned rgb = 0;
        if (schema_parse_colour(value, &rgb)) {
            return true;
        }
        snprintf(why, why_size, "\"%.40s\" is not a colour written as #RRGGBB", value);
        return false;
    }
    case COLUMN_URL:
        if (check_url(value)) {
            return true;
        }
        snprintf(why, why_size, "\"%.60s\" is not a web address starting with https://", value);
        return false;
    case COLUMN_EMAIL:
        if (check_email(value)) {
            return true;
        }
        snprintf(why, why_size, "\"%.60s\" is not an e-mail address", value);
        return false;
    case COLUMN_PHONE:
        if (check_phone(value)) {
            return true;
        }
        snprintf(why, why_size, "\"%.40s\" is not a phone number (digits, spaces, + ( ) - /)", value);
        return false;
    case COLUMN_INSTANT: {
        EventInstant instant = 0;
        if (event_instant_parse(value, &instant)) {
            return true;
        }
        snprintf(why, why_size, "\"%.40s\" is not a UTC time written as YYYY-MM-DDTHH:MM:SSZ", value);
        return false;
    }
    case COLUMN_ZONE:
        if (schema_zone_name_valid(value)) {
            return true;
        }
        snprintf(why, why_size, "\"%.60s\" is not a time-zone name such as Europe/Belgrade", value);
        return false;
    case COLUMN_ZONE_OFFSETS: {
        EventZone zone = {0};
        if (event_zone_parse(value, &zone)) {
            return true;
        }
        snprintf(why, why_size, "\"%.60s\" is not a list of UTC offsets", value);
        return false;
    }
    case COLUMN_TEXT:
    case COLUMN_PLAIN:
    case COLUMN_BLOB:
        return true;
    }
    return true;
}
