/* options.c — the settings table and everything generated from it: defaults,
 * config-file reading (inih), command-line parsing, --help and the default
 * config file. To add a setting: add its field to Options in options.h and
 * one row to SETTINGS below; nothing else. Per-type behaviour (parse,
 * compare, describe) is in the TYPE_OPS dispatch table. */
#define _POSIX_C_SOURCE 200809L
#include "platform/options.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <ini.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* Enum fields are written through an int pointer by the table code. */
_Static_assert(sizeof(OptionsProfile) == sizeof(int), "enum stored as int");
_Static_assert(sizeof(OptionsRenderer) == sizeof(int), "enum stored as int");
_Static_assert(sizeof(Lang) == sizeof(int), "enum stored as int");
_Static_assert(sizeof(LogLevel) == sizeof(int), "enum stored as int");

enum {
    SIZE_SIDE_MIN = 64,
    SIZE_SIDE_MAX = 16384,
    MESSAGE_MAX = 2 * OPTIONS_PATH_MAX,
    WHY_MAX = 512,
    NAME_MAX_LENGTH = 64,
    QUOTED_VALUE_MAX = 200, /* longest value quoted back in a message */
    WRAP_WIDTH = 78,
};

/* ---- enum names -------------------------------------------------------- */

static const char *const PROFILE_NAMES[OPTIONS_PROFILE_COUNT] = {"booth", "lobby"};
static const char *const RENDERER_NAMES[OPTIONS_RENDERER_COUNT] = {"auto", "software", "opengles2"};

const char *options_profile_name(OptionsProfile profile)
{
    return (int)profile >= 0 && profile < OPTIONS_PROFILE_COUNT ? PROFILE_NAMES[profile] : "";
}

const char *options_renderer_name(OptionsRenderer renderer)
{
    return (int)renderer >= 0 && renderer < OPTIONS_RENDERER_COUNT ? RENDERER_NAMES[renderer] : "";
}

static const char *profile_name(int value) { return options_profile_name((OptionsProfile)value); }
static const char *renderer_name(int value) { return options_renderer_name((OptionsRenderer)value); }
static const char *lang_name(int value) { return lang_tag((Lang)value); }
static const char *level_name(int value) { return log_level_name((LogLevel)value); }

static const OptionEnum PROFILE_ENUM = {OPTIONS_PROFILE_COUNT, profile_name};
static const OptionEnum RENDERER_ENUM = {OPTIONS_RENDERER_COUNT, renderer_name};
static const OptionEnum LANG_ENUM = {LANG_COUNT, lang_name};
static const OptionEnum LEVEL_ENUM = {LOG_LEVEL_COUNT, level_name};

/* Lang and LogLevel have their own parsers (lang_parse accepts "sr_Latn" too). */
static bool enum_parse(const OptionEnum *choices, const char *text, int *value)
{
    if (choices == &LANG_ENUM) {
        Lang lang = LANG_EN;
        bool ok = lang_parse(text, &lang);
        *value = (int)lang;
        return ok;
    }
    if (choices == &LEVEL_ENUM) {
        LogLevel level = LOG_INFO;
        bool ok = log_level_parse(text, &level);
        *value = (int)level;
        return ok;
    }
    for (int i = 0; i < choices->count; i++) {
        if (strcasecmp(text, choices->name(i)) == 0) {
            *value = i;
            return true;
        }
    }
    return false;
}

/* ---- content checks ----------------------------------------------------- */

static bool check_hours(const char *text, char *why, size_t why_size)
{
    ScheduleDay day = {0};
    char detail[WHY_MAX] = {0};
    if (schedule_parse_hours(text, &day, detail, sizeof detail)) {
        return true;
    }
    snprintf(why, why_size, "is not valid: %s", detail);
    return false;
}

static bool check_dates(const char *text, char *why, size_t why_size)
{
    ScheduleDates dates = {0};
    char detail[WHY_MAX] = {0};
    if (schedule_parse_dates(text, &dates, detail, sizeof detail)) {
        return true;
    }
    snprintf(why, why_size, "is not valid: %s", detail);
    return false;
}

static bool check_local_time(const char *text, char *why, size_t why_size)
{
    int year = 0;
    int month = 0;
    int mday = 0;
    int second = 0;
    return text[0] == '\0' || schedule_parse_datetime(text, &year, &month, &mday, &second, why, why_size);
}

/* ---- the table --------------------------------------------------------- */

#define FIELD(member) offsetof(Options, member)
#define DEFAULT(...) ((const char *const[]){__VA_ARGS__, NULL})
#define SCHEDULE_OFF "the opening hours are off: the kiosk stays on at all hours"
#define WEEKDAY(day_name, index, text)                                                                 \
    {.name = day_name, .section = "schedule", .type = OPTION_STRING, .offset = FIELD(hours[index]),    \
     .defaults = DEFAULT(""), .metavar = "HOURS", .help = text, .check = check_hours,                 \
     .bad_means = SCHEDULE_OFF}

static const OptionSpec SETTINGS[] = {
    {.name = "profile", .section = "kiosk", .type = OPTION_ENUM, .offset = FIELD(profile),
     .defaults = DEFAULT("booth"), .choices = &PROFILE_ENUM, .metavar = "booth|lobby",
     .help = "What the kiosk does. booth: visitors touch to navigate sections and pages; left "
             "alone it returns to the attract loop. lobby: the attract loop only, forever, "
             "rotating the language."},
    {.name = "lang", .section = "kiosk", .type = OPTION_ENUM, .offset = FIELD(lang),
     .defaults = DEFAULT("en"), .choices = &LANG_ENUM, .metavar = "en|sr-Latn|sr-Cyrl",
     .help = "Language shown at start and after every return to the attract loop."},
    {.name = "slide_seconds", .section = "kiosk", .type = OPTION_INT,
     .offset = FIELD(slide_seconds), .defaults = DEFAULT("8"), .min = 1, .max = 3600,
     .metavar = "N", .help = "Seconds each slide stays on screen in the attract loop."},
    {.name = "idle_seconds", .section = "kiosk", .type = OPTION_INT, .offset = FIELD(idle_seconds),
     .defaults = DEFAULT("45"), .min = 5, .max = 3600, .metavar = "N",
     .help = "Seconds without a touch after which the booth fades back to the attract loop (twice as "
             "long on a member's page); a \"Still there?\" countdown shows for the last 10 s of it."},
    {.name = "transition_ms", .section = "kiosk", .type = OPTION_INT,
     .offset = FIELD(transition_ms), .defaults = DEFAULT("600"), .min = 0, .max = 5000,
     .metavar = "MS", .help = "Length of the animated transition between slides, in milliseconds; "
                              "0 switches at once."},
    {.name = "lang_rotation_cycles", .section = "kiosk", .type = OPTION_INT,
     .offset = FIELD(lang_rotation_cycles), .defaults = DEFAULT("2"), .min = 0, .max = 1000,
     .metavar = "N", .help = "Lobby profile: switch to the next language after this many rounds of "
                             "the attract loop; 0 keeps one language."},
    {.name = "speech", .section = "kiosk", .type = OPTION_FLAG, .offset = FIELD(speech),
     .defaults = DEFAULT("true"), .metavar = NULL,
     .help = "Booth profile: a speaker button beside the language switch reads the page aloud "
             "(espeak-ng, English and Serbian); any touch stops it. Without an audio device the "
             "button is not shown. --no-speech or false turns it off."},
    {.name = "kiosk_id", .section = "kiosk", .type = OPTION_STRING, .offset = FIELD(kiosk_id),
     .defaults = DEFAULT(""), .metavar = "ID",
     .help = "Name of this kiosk in its status report (status.json in the state directory, and "
             "report_url), e.g. hall-a-left. Empty: an id derived from /etc/machine-id, stable "
             "across restarts and updates (the machine id itself is not shown)."},
    {.name = "windowed", .section = "display", .type = OPTION_SIZE, .offset = FIELD(windowed),
     .defaults = DEFAULT(""), .metavar = "WxH",
     .help = "Run in a window of this size (for a desktop) instead of full screen; empty for full "
             "screen. In a window the keyboard works too."},
    {.name = "rotation", .section = "display", .type = OPTION_INT, .offset = FIELD(rotation),
     .defaults = DEFAULT("0"), .min = 0, .max = 270, .step = 90, .metavar = "DEGREES",
     .help = "Turn the picture clockwise by this many degrees, e.g. 90 for a landscape panel "
             "mounted as portrait. Touch input is turned with it."},
    {.name = "renderer", .section = "display", .type = OPTION_ENUM, .offset = FIELD(renderer),
     .defaults = DEFAULT("auto"), .choices = &RENDERER_ENUM, .metavar = "auto|software|opengles2",
     .help = "How to draw. auto: the GPU (OpenGL ES 2) where a real one exists, as on a Raspberry "
             "Pi, else the software renderer."},
    WEEKDAY("monday", SCHEDULE_MONDAY,
            "Opening hours on Mondays, local time: ranges HH:MM-HH:MM separated by commas, e.g. "
            "09:00-12:00, 13:00-18:00; 20:00-02:00 runs past midnight (it belongs to the day it starts "
            "on); closed for none; open or empty for all day. Outside the opening hours the display "
            "sleeps: black, and turned off where the video driver allows it (X11 DPMS). With no "
            "[schedule] value at all the kiosk is always on; a bad value turns the opening hours off "
            "(reported), never the screen."),
    WEEKDAY("tuesday", SCHEDULE_TUESDAY, "Opening hours on Tuesdays, written as for monday."),
    WEEKDAY("wednesday", SCHEDULE_WEDNESDAY, "Opening hours on Wednesdays, written as for monday."),
    WEEKDAY("thursday", SCHEDULE_THURSDAY, "Opening hours on Thursdays, written as for monday."),
    WEEKDAY("friday", SCHEDULE_FRIDAY, "Opening hours on Fridays, written as for monday."),
    WEEKDAY("saturday", SCHEDULE_SATURDAY, "Opening hours on Saturdays, written as for monday."),
    WEEKDAY("sunday", SCHEDULE_SUNDAY, "Opening hours on Sundays, written as for monday."),
    {.name = "closed_dates", .section = "schedule", .type = OPTION_STRING, .offset = FIELD(closed_dates),
     .defaults = DEFAULT(""), .metavar = "DATES", .check = check_dates, .bad_means = SCHEDULE_OFF,
     .help = "Dates on which the kiosk stays closed whatever their weekday's hours: YYYY-MM-DD or "
             "spans YYYY-MM-DD..YYYY-MM-DD separated by commas, e.g. 2026-12-24, 2026-12-31. A range "
             "of the day before that runs past midnight still ends at its time."},
    {.name = "open_dates", .section = "schedule", .type = OPTION_STRING, .offset = FIELD(open_dates),
     .defaults = DEFAULT(""), .metavar = "DATES", .check = check_dates, .bad_means = SCHEDULE_OFF,
     .help = "The fair's days: when set, the kiosk opens only on these dates (with their weekday's "
             "hours) and is closed on every other date; written as closed_dates, e.g. "
             "2026-12-07..2026-12-10. closed_dates wins. Empty: every date that is not closed."},
    {.name = "wake_minutes", .section = "schedule", .type = OPTION_INT, .offset = FIELD(wake_minutes),
     .defaults = DEFAULT("5"), .min = 1, .max = 240, .metavar = "N",
     .help = "Booth profile: a touch while closed wakes the kiosk for this many minutes, on the "
             "attract loop (that touch does nothing else); each later touch starts them again. The "
             "lobby profile sleeps until opening."},
    {.name = "db", .section = "content", .type = OPTION_STRING, .offset = FIELD(db),
     .defaults = DEFAULT(""), .metavar = "FILE",
     .help = "Content pack to show; empty for the installed pack (the last update from a stick, "
             "else the bundled one)."},
    {.name = "mount_root", .section = "update", .type = OPTION_LIST,
     .offset = FIELD(mount_roots), .defaults = DEFAULT("/media", "/run/media", "/mnt"),
     .flags = OPTION_NONEMPTY, .metavar = "DIR",
     .help = "Directory under which USB sticks are mounted; searched for content updates."},
    {.name = "trusted_key", .section = "update", .type = OPTION_LIST,
     .offset = FIELD(trusted_keys), .defaults = DEFAULT("/etc/facts-kiosk/keys.d"),
     .flags = OPTION_NONEMPTY, .metavar = "FILE",
     .help = "minisign public key that may sign content updates, or a directory whose *.pub files "
             "are all trusted."},
    {.name = "state_dir", .section = "update", .type = OPTION_STRING, .offset = FIELD(state_dir),
     .defaults = DEFAULT("/var/lib/facts-kiosk"), .flags = OPTION_NONEMPTY, .metavar = "DIR",
     .help = "Writable directory for installed packs and update status; keep it on a partition "
             "that survives a read-only root."},
    {.name = "size_cap_mib", .section = "update", .type = OPTION_INT,
     .offset = FIELD(size_cap_mib), .defaults = DEFAULT("512"), .min = 1, .max = 16384,
     .metavar = "MIB", .help = "Largest content pack accepted from a stick, in MiB."},
    {.name = "confirm_seconds", .section = "update", .type = OPTION_INT,
     .offset = FIELD(confirm_seconds), .defaults = DEFAULT("120"), .min = 5, .max = 86400,
     .metavar = "N", .help = "A new pack stays once it has been on screen and healthy this long. "
                             "Until then every start counts as a try; after 3 tries in a row it "
                             "is rolled back."},
    {.name = "url", .flag = "update-url", .section = "update", .type = OPTION_STRING,
     .offset = FIELD(update_url), .defaults = DEFAULT(""), .metavar = "URL",
     .help = "Web folder (http:// or https://) holding content.db and content.db.minisig, as on a "
             "stick, e.g. https://example.org/facts/; empty for none. The kiosk asks it a few "
             "seconds after start and then every url_poll_seconds; an unchanged pack costs one "
             "small request, and a new one goes through the same checks as a stick's. A stick "
             "still works at any time. Proxies come from the environment (https_proxy, no_proxy)."},
    {.name = "url_poll_seconds", .section = "update", .type = OPTION_INT,
     .offset = FIELD(url_poll_seconds), .defaults = DEFAULT("300"), .min = 10, .max = 86400,
     .metavar = "N", .help = "Seconds between two looks at the update URL (a little more or less, so "
                             "that kiosks started together spread out). After a failure the kiosk "
                             "tries again sooner, then less and less often, up to this interval."},
    {.name = "ca_file", .section = "update", .type = OPTION_STRING, .offset = FIELD(ca_file),
     .defaults = DEFAULT(""), .metavar = "FILE",
     .help = "PEM file of the certificate authorities trusted for an https update URL instead of "
             "the system's; empty for the system's. Only the transport depends on it: a pack is "
             "installed only if it is signed by a trusted key."},
    {.name = "report_url", .section = "update", .type = OPTION_STRING, .offset = FIELD(report_url),
     .defaults = DEFAULT(""), .metavar = "URL",
     .help = "http:// or https:// address that receives the kiosk's status report (the JSON of "
             "status.json) by POST after each update attempt and every report_minutes; best "
             "effort, in the background. Empty: no reports are sent."},
    {.name = "report_minutes", .section = "update", .type = OPTION_INT,
     .offset = FIELD(report_minutes), .defaults = DEFAULT("5"), .min = 1, .max = 1440,
     .metavar = "N", .help = "Minutes between status reports sent to report_url."},
    {.name = "public_key", .flag = "leads-key", .section = "leads", .type = OPTION_STRING,
     .offset = FIELD(leads_public_key), .defaults = DEFAULT(""), .metavar = "FILE",
     .help = "The cluster's public key for visitors' contact requests (made with facts-kiosk leads "
             "keygen). With it, member and contact pages get a \"Contact me\" button; each request "
             "is sealed with this key at once and kept in the state directory, unreadable without "
             "the secret key, and copied to every stick inserted (facts-kiosk/leads/). Empty: no "
             "button, no requests."},
    {.name = "log_level", .section = "log", .type = OPTION_ENUM, .offset = FIELD(log_level),
     .defaults = DEFAULT("info"), .choices = &LEVEL_ENUM, .metavar = "error|warn|info|debug",
     .help = "Least severe messages written to the log (standard error, collected by journald)."},
    {.name = "stats", .section = "log", .type = OPTION_FLAG, .offset = FIELD(stats),
     .defaults = DEFAULT("false"), .metavar = NULL,
     .help = "At exit, print time to first frame and frame-time percentiles during transitions."},
    {.name = "pin_hash", .section = "staff", .type = OPTION_STRING, .offset = FIELD(pin_hash),
     .defaults = DEFAULT(""), .metavar = "HASH",
     .help = "The staff PIN as an Argon2id hash (\"$argon2id$...\"); set it with `facts-kiosk staff "
             "set-pin`, never by hand. The staff panel opens with a 3 s press in one corner of the "
             "screen, then one in the opposite corner, and this PIN. Empty: the panel never opens."},
    {.name = "status_seconds", .section = NULL, .type = OPTION_INT,
     .offset = FIELD(status_seconds), .defaults = DEFAULT("60"), .min = 1, .max = 3600,
     .metavar = "N", .help = "Seconds between writes of status.json in the state directory (it is "
                             "also written after each update attempt); for tests and debugging."},
    {.name = "fake_clock", .section = NULL, .type = OPTION_STRING, .offset = FIELD(fake_clock),
     .defaults = DEFAULT(""), .metavar = "YYYY-MM-DDTHH:MM:SS", .check = check_local_time,
     .help = "For tests: the wall clock the opening hours follow starts at this local time instead "
             "of the system's and runs on the monotonic clock; empty for the system's clock."},
    {.name = "fake_clock_speed", .section = NULL, .type = OPTION_INT, .offset = FIELD(fake_clock_speed),
     .defaults = DEFAULT("1"), .min = 1, .max = 3600, .metavar = "N",
     .help = "For tests: the fake clock (--fake-clock) runs this many times as fast as real time."},
    {.name = "screenshots", .section = NULL, .type = OPTION_STRING, .offset = FIELD(screenshots),
     .defaults = DEFAULT(""), .metavar = "DIR",
     .help = "Render every slide of every section in every language to PNG files in DIR without "
             "a display, then exit. With --renderer opengles2 through OpenGL ES 2 instead, on a "
             "hidden window (needs a display)."},
    {.name = "size", .section = NULL, .type = OPTION_SIZE, .offset = FIELD(size),
     .defaults = DEFAULT(""), .metavar = "WxH",
     .help = "Screenshot size in pixels; empty for 1920x1080."},
};

enum { SETTING_COUNT = sizeof SETTINGS / sizeof SETTINGS[0] };

static const char *const SECTION_ORDER[] = {"kiosk", "display", "schedule", "content", "update", "leads", "log", "staff"};

const OptionSpec *options_table(size_t *count)
{
    *count = SETTING_COUNT;
    return SETTINGS;
}

/* Compares names treating '-' and '_' alike. */
static bool same_name(const char *a, const char *b)
{
    for (; *a != '\0' && *b != '\0'; a++, b++) {
        char ca = *a == '-' ? '_' : *a;
        char cb = *b == '-' ? '_' : *b;
        if (ca != cb) {
            return false;
        }
    }
    return *a == *b;
}

const OptionSpec *options_find(const char *name)
{
    for (size_t i = 0; i < SETTING_COUNT; i++) {
        if (same_name(SETTINGS[i].name, name) || (SETTINGS[i].flag != NULL && same_name(SETTINGS[i].flag, name))) {
            return &SETTINGS[i];
        }
    }
    return NULL;
}

/* ---- per-type behaviour ------------------------------------------------ */

static void *field_of(Options *options, const OptionSpec *spec)
{
    return (char *)options + spec->offset;
}

static const void *const_field_of(const Options *options, const OptionSpec *spec)
{
    return (const char *)options + spec->offset;
}

/* Writes the names of spec's choices joined by sep. */
static void join_choices(const OptionSpec *spec, const char *sep, char *out, size_t out_size)
{
    size_t used = 0;
    out[0] = '\0';
    for (int i = 0; i < spec->choices->count && used < out_size; i++) {
        int n = snprintf(out + used, out_size - used, "%s%s", i > 0 ? sep : "",
                         spec->choices->name(i));
        used += n > 0 ? (size_t)n : 0;
    }
}

/* "0, 90, 180, 270" for a stepped OPTION_INT. */
static void join_steps(const OptionSpec *spec, char *out, size_t out_size)
{
    size_t used = 0;
    out[0] = '\0';
    for (int v = spec->min; v <= spec->max && used < out_size; v += spec->step) {
        int n = snprintf(out + used, out_size - used, "%s%d", v > spec->min ? ", " : "", v);
        used += n > 0 ? (size_t)n : 0;
    }
}

/* Fills why with what a valid value looks like, as "is not ..." text. */
static void why_not(const OptionSpec *spec, char *why, size_t why_size)
{
    char list[WHY_MAX] = {0};
    switch (spec->type) {
    case OPTION_INT:
        if (spec->step > 0) {
            join_steps(spec, list, sizeof list);
            snprintf(why, why_size, "is not one of %s", list);
        } else {
            snprintf(why, why_size, "is not a number from %d to %d", spec->min, spec->max);
        }
        break;
    case OPTION_ENUM:
        join_choices(spec, ", ", list, sizeof list);
        snprintf(why, why_size, "is not one of %s", list);
        break;
    case OPTION_SIZE:
        snprintf(why, why_size, "is not a size WxH with sides from %d to %d (or empty)",
                 SIZE_SIDE_MIN, SIZE_SIDE_MAX);
        break;
    case OPTION_FLAG:
        snprintf(why, why_size, "is not true or false");
        break;
    case OPTION_STRING:
    case OPTION_LIST:
        snprintf(why, why_size, "is not a valid value");
        break;
    }
}

/* Strict decimal: optional '-', digits, nothing else, fits an int. */
static bool parse_int(const char *text, int *value)
{
    const char *digits = text[0] == '-' ? text + 1 : text;
    if (*digits < '0' || *digits > '9') {
        return false;
    }
    errno = 0;
    char *end = NULL;
    long v = strtol(text, &end, 10);
    if (errno != 0 || *end != '\0' || v < INT_MIN || v > INT_MAX) {
        return false;
    }
    *value = (int)v;
    return true;
}

static bool parse_int_value(const OptionSpec *spec, const char *text, void *field, char *why,
                            size_t why_size)
{
    int v = 0;
    if (!parse_int(text, &v) || v < spec->min || v > spec->max ||
        (spec->step > 0 && (v - spec->min) % spec->step != 0)) {
        why_not(spec, why, why_size);
        return false;
    }
    *(int *)field = v;
    return true;
}

static bool parse_enum_value(const OptionSpec *spec, const char *text, void *field, char *why,
                             size_t why_size)
{
    int v = 0;
    if (!enum_parse(spec->choices, text, &v)) {
        why_not(spec, why, why_size);
        return false;
    }
    *(int *)field = v;
    return true;
}

/* Checks a path-like value and copies it into out (OPTIONS_PATH_MAX bytes). */
static bool parse_path(const OptionSpec *spec, const char *text, char *out, char *why,
                       size_t why_size)
{
    size_t length = strlen(text);
    if (length == 0 && (spec->flags & OPTION_NONEMPTY) != 0) {
        snprintf(why, why_size, "is empty");
        return false;
    }
    if (length >= OPTIONS_PATH_MAX) {
        snprintf(why, why_size, "is longer than %d bytes", OPTIONS_PATH_MAX - 1);
        return false;
    }
    for (size_t i = 0; i < length; i++) {
        if ((unsigned char)text[i] < 0x20 || text[i] == 0x7f) {
            snprintf(why, why_size, "contains a control character");
            return false;
        }
    }
    memcpy(out, text, length + 1);
    return true;
}

static bool parse_string_value(const OptionSpec *spec, const char *text, void *field, char *why,
                               size_t why_size)
{
    char value[OPTIONS_PATH_MAX] = {0};
    if (!parse_path(spec, text, value, why, why_size)) {
        return false;
    }
    if (spec->check != NULL && !spec->check(value, why, why_size)) {
        return false;
    }
    memcpy(field, value, strlen(value) + 1);
    return true;
}

static bool parse_list_value(const OptionSpec *spec, const char *text, void *field, char *why,
                             size_t why_size)
{
    OptionsPathList *list = field;
    if (list->count >= OPTIONS_LIST_MAX) {
        snprintf(why, why_size, "is one value too many (at most %d)", OPTIONS_LIST_MAX);
        return false;
    }
    if (!parse_path(spec, text, list->paths[list->count], why, why_size)) {
        return false;
    }
    list->count++;
    return true;
}

static bool parse_size_value(const OptionSpec *spec, const char *text, void *field, char *why,
                             size_t why_size)
{
    OptionsSize *size = field;
    if (text[0] == '\0') {
        *size = (OptionsSize){0};
        return true;
    }
    char width_text[16] = {0};
    const char *x = strpbrk(text, "xX");
    size_t width_length = x != NULL ? (size_t)(x - text) : 0;
    int width = 0;
    int height = 0;
    if (x == NULL || width_length == 0 || width_length >= sizeof width_text) {
        why_not(spec, why, why_size);
        return false;
    }
    memcpy(width_text, text, width_length);
    if (width_text[0] == '-' || x[1] == '-' || !parse_int(width_text, &width) ||
        !parse_int(x + 1, &height) || width < SIZE_SIDE_MIN || width > SIZE_SIDE_MAX ||
        height < SIZE_SIDE_MIN || height > SIZE_SIDE_MAX) {
        why_not(spec, why, why_size);
        return false;
    }
    *size = (OptionsSize){width, height};
    return true;
}

static bool parse_flag_value(const OptionSpec *spec, const char *text, void *field, char *why,
                             size_t why_size)
{
    static const char *const TRUE_WORDS[] = {"true", "yes", "on", "1"};
    static const char *const FALSE_WORDS[] = {"false", "no", "off", "0"};
    for (size_t i = 0; i < sizeof TRUE_WORDS / sizeof TRUE_WORDS[0]; i++) {
        if (strcasecmp(text, TRUE_WORDS[i]) == 0) {
            *(bool *)field = true;
            return true;
        }
        if (strcasecmp(text, FALSE_WORDS[i]) == 0) {
            *(bool *)field = false;
            return true;
        }
    }
    why_not(spec, why, why_size);
    return false;
}

static bool equal_int(const void *a, const void *b) { return *(const int *)a == *(const int *)b; }
static bool equal_bool(const void *a, const void *b) { return *(const bool *)a == *(const bool *)b; }
static bool equal_string(const void *a, const void *b) { return strcmp(a, b) == 0; }

static bool equal_size(const void *a, const void *b)
{
    const OptionsSize *sa = a;
    const OptionsSize *sb = b;
    return sa->width == sb->width && sa->height == sb->height;
}

static bool equal_list(const void *a, const void *b)
{
    const OptionsPathList *la = a;
    const OptionsPathList *lb = b;
    if (la->count != lb->count) {
        return false;
    }
    for (int i = 0; i < la->count; i++) {
        if (strcmp(la->paths[i], lb->paths[i]) != 0) {
            return false;
        }
    }
    return true;
}

typedef struct TypeOps {
    bool (*parse)(const OptionSpec *spec, const char *text, void *field, char *why, size_t why_size);
    bool (*equal)(const void *a, const void *b);
} TypeOps;

static const TypeOps TYPE_OPS[] = {
    [OPTION_INT] = {parse_int_value, equal_int},
    [OPTION_ENUM] = {parse_enum_value, equal_int},
    [OPTION_STRING] = {parse_string_value, equal_string},
    [OPTION_LIST] = {parse_list_value, equal_list},
    [OPTION_SIZE] = {parse_size_value, equal_size},
    [OPTION_FLAG] = {parse_flag_value, equal_bool},
};

/* ---- defaults and comparison ------------------------------------------- */

static void set_default(Options *options, const OptionSpec *spec)
{
    char why[WHY_MAX] = {0};
    void *field = field_of(options, spec);
    if (spec->type == OPTION_LIST) {
        ((OptionsPathList *)field)->count = 0;
    }
    for (const char *const *value = spec->defaults; *value != NULL; value++) {
        bool ok = TYPE_OPS[spec->type].parse(spec, *value, field, why, sizeof why);
        (void)ok;
        assert(ok && "a default in SETTINGS does not parse");
    }
}

void options_set_defaults(Options *options)
{
    *options = (Options){0};
    for (size_t i = 0; i < SETTING_COUNT; i++) {
        set_default(options, &SETTINGS[i]);
    }
}

bool options_equal(const Options *a, const Options *b)
{
    for (size_t i = 0; i < SETTING_COUNT; i++) {
        const OptionSpec *spec = &SETTINGS[i];
        if (!TYPE_OPS[spec->type].equal(const_field_of(a, spec), const_field_of(b, spec))) {
            return false;
        }
    }
    return true;
}

/* ---- messages ---------------------------------------------------------- */

static void report(OptionsSink sink, LogLevel level, const char *fmt, ...) LOG_PRINTF(3, 4);

static void report(OptionsSink sink, LogLevel level, const char *fmt, ...)
{
    if (sink.fn == NULL) {
        return;
    }
    char message[MESSAGE_MAX];
    va_list args;
    va_start(args, fmt);
    vsnprintf(message, sizeof message, fmt, args);
    va_end(args);
    sink.fn(sink.user, level, message);
}

/* The default as it would be written in the file, for "using the default". */
static void default_text(const OptionSpec *spec, char *out, size_t out_size)
{
    size_t used = 0;
    out[0] = '\0';
    for (const char *const *value = spec->defaults; *value != NULL && used < out_size; value++) {
        int n = snprintf(out + used, out_size - used, "%s%s", value == spec->defaults ? "" : ", ",
                         *value);
        used += n > 0 ? (size_t)n : 0;
    }
}

/* ---- config file ------------------------------------------------------- */

typedef struct ConfigReader {
    const char *text; /* the whole file, at most OPTIONS_CONFIG_MAX_BYTES */
    size_t length;
    size_t at;        /* offset of the next line */
    const char *name;
    int line;      /* line number of the text inih is working on */
    int next_line; /* line number of the next line read */
    Options *options;
    OptionsSink sink;
    int problems;
    bool list_started[SETTING_COUNT];
} ConfigReader;

static void config_problem(ConfigReader *reader, const char *fmt, ...) LOG_PRINTF(2, 3);

/* Counts a problem; reports it while fewer than OPTIONS_CONFIG_WARNINGS_SHOWN
 * were (a file full of junk must not flood the log before the first frame). */
static void config_problem(ConfigReader *reader, const char *fmt, ...)
{
    reader->problems++;
    if (reader->problems > OPTIONS_CONFIG_WARNINGS_SHOWN) {
        return;
    }
    char text[MESSAGE_MAX];
    va_list args;
    va_start(args, fmt);
    vsnprintf(text, sizeof text, fmt, args);
    va_end(args);
    report(reader->sink, LOG_WARN, "%s:%d: %s", reader->name, reader->line, text);
}

/* A line inih would reject: not blank, not a comment, not a [section] and no
 * '=' or ':'. We report each one here (inih only returns the first). */
static bool is_malformed(const char *line)
{
    line += strspn(line, " \t\r\n");
    if (*line == '\0' || *line == ';' || *line == '#') {
        return false;
    }
    if (*line == '[') {
        return strchr(line, ']') == NULL;
    }
    return strpbrk(line, "=:") == NULL;
}

/* inih's reader over the text in memory, like fgets: keeps line numbers,
 * since this inih build does not pass them to the handler, and turns
 * over-long lines, lines with a NUL byte and malformed lines into reported
 * blank lines instead of letting inih split or guess. */
static char *config_read_line(char *buffer, int size, void *stream)
{
    ConfigReader *reader = stream;
    if (reader->at >= reader->length || size < 2) {
        return NULL;
    }
    const char *start = reader->text + reader->at;
    size_t left = reader->length - reader->at;
    const char *newline = memchr(start, '\n', left);
    size_t length = newline != NULL ? (size_t)(newline - start) + 1 : left;
    reader->at += length;
    reader->line = reader->next_line++;
    buffer[0] = '\0';
    if (length > (size_t)size - 1) {
        config_problem(reader, "line longer than %d characters; ignored", size - 3);
    } else if (memchr(start, '\0', length) != NULL) {
        config_problem(reader, "line holds a NUL byte; ignored");
    } else {
        memcpy(buffer, start, length);
        buffer[length] = '\0';
        if (is_malformed(buffer)) {
            config_problem(reader, "not a \"key = value\" line or a [section]; ignored");
            buffer[0] = '\0';
        }
    }
    return buffer;
}

static void config_apply(ConfigReader *reader, const OptionSpec *spec, const char *value)
{
    char why[WHY_MAX] = {0};
    size_t index = (size_t)(spec - SETTINGS);
    void *field = field_of(reader->options, spec);
    if (spec->type == OPTION_LIST) {
        /* The file's first line for a list replaces the default list. */
        if (!reader->list_started[index]) {
            reader->list_started[index] = true;
            ((OptionsPathList *)field)->count = 0;
        }
        if (value[0] != '\0' && !TYPE_OPS[spec->type].parse(spec, value, field, why, sizeof why)) {
            config_problem(reader, "key \"%s\": \"%.*s\" %s; ignored", spec->name,
                           QUOTED_VALUE_MAX, value, why);
        }
        return;
    }
    if (!TYPE_OPS[spec->type].parse(spec, value, field, why, sizeof why)) {
        char unused[WHY_MAX] = {0};
        if (spec->bad_means != NULL && parse_path(spec, value, field, unused, sizeof unused)) {
            /* Kept as given: the app sees it is bad and turns the feature off. */
            config_problem(reader, "key \"%s\": \"%.*s\" %s; %s", spec->name, QUOTED_VALUE_MAX, value, why,
                           spec->bad_means);
            return;
        }
        char fallback[WHY_MAX] = {0};
        default_text(spec, fallback, sizeof fallback);
        set_default(reader->options, spec);
        config_problem(reader, "key \"%s\": \"%.*s\" %s; using the default \"%s\"", spec->name,
                       QUOTED_VALUE_MAX, value, why, fallback);
    }
}

static int config_on_key(void *user, const char *section, const char *name, const char *value)
{
    ConfigReader *reader = user;
    const OptionSpec *spec = options_find(name);
    if (spec != NULL && !same_name(spec->name, name)) {
        spec = NULL; /* a command-line flag ("update-url") is not a config key */
    }
    if (value == NULL) {
        value = "";
    }
    if (spec == NULL) {
        config_problem(reader, "unknown key \"%s\"%s%s%s; ignored", name,
                       section[0] != '\0' ? " in [" : "", section, section[0] != '\0' ? "]" : "");
    } else if (spec->section == NULL) {
        config_problem(reader, "key \"%s\" is accepted on the command line only; ignored", name);
    } else {
        if (section[0] != '\0' && strcmp(section, spec->section) != 0) {
            config_problem(reader, "key \"%s\" belongs in [%s], not [%s]; used anyway", name,
                           spec->section, section);
        }
        config_apply(reader, spec, value);
    }
    /* Always "handled": we report problems ourselves, line by line. */
    return 1;
}

int options_read_config(Options *options, FILE *file, const char *name, OptionsSink sink)
{
    ConfigReader reader = {.name = name, .next_line = 1, .options = options, .sink = sink};
    /* One byte more than the cap tells "too long" from "exactly the cap". */
    char *text = malloc((size_t)OPTIONS_CONFIG_MAX_BYTES + 1);
    if (text == NULL) {
        report(sink, LOG_WARN, "%s: out of memory; not read, using the defaults", name);
        return 1;
    }
    size_t length = fread(text, 1, (size_t)OPTIONS_CONFIG_MAX_BYTES + 1, file);
    bool read_failed = ferror(file) != 0;
    if (length > (size_t)OPTIONS_CONFIG_MAX_BYTES) {
        report(sink, LOG_WARN, "%s: longer than the %d bytes a config file may have; not read, "
               "using the defaults", name, OPTIONS_CONFIG_MAX_BYTES);
        free(text);
        return 1;
    }
    reader.text = text;
    reader.length = length;
    int result = ini_parse_stream(config_read_line, &reader, config_on_key, &reader);
    if (result > 0) {
        reader.line = result;
        config_problem(&reader, "cannot parse this line; ignored");
    } else if (result < 0) {
        config_problem(&reader, "out of memory while reading the file");
    }
    free(text);
    if (read_failed) {
        reader.problems++;
        report(sink, LOG_WARN, "%s: read error after %zu bytes; settings after this point were not read",
               name, length);
    }
    if (reader.problems > OPTIONS_CONFIG_WARNINGS_SHOWN) {
        report(sink, LOG_WARN, "%s: ... %d more problems not shown", name,
               reader.problems - OPTIONS_CONFIG_WARNINGS_SHOWN);
    }
    return reader.problems;
}

/* What a config path that is not a regular file is, for the message. */
static const char *file_kind(mode_t mode)
{
    if (S_ISDIR(mode)) {
        return "is a directory";
    }
    if (S_ISFIFO(mode)) {
        return "is not a regular file (a FIFO)";
    }
    if (S_ISCHR(mode) || S_ISBLK(mode)) {
        return "is not a regular file (a device)";
    }
    if (S_ISSOCK(mode)) {
        return "is not a regular file (a socket)";
    }
    return "is not a regular file";
}

typedef enum ConfigOpen {
    CONFIG_READ = 0,   /* read (problems inside it were reported) */
    CONFIG_ABSENT,     /* could not be opened: errno says why */
    CONFIG_REFUSED,    /* opened but not read (reported): defaults */
} ConfigOpen;

/* Opens path without blocking (a FIFO must not stall the start), checks the
 * open file itself (no window between a check and the open) and reads it if
 * it is a regular file of at most OPTIONS_CONFIG_MAX_BYTES. Symbolic links
 * are followed: a config file is the administrator's, and linking it from a
 * writable partition is a normal setup. */
static ConfigOpen config_read_path(Options *options, const char *path, OptionsSink sink)
{
    ConfigOpen outcome = CONFIG_REFUSED;
    FILE *file = NULL;
    struct stat info = {0};
    int flags = 0;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        return CONFIG_ABSENT;
    }
    if (fstat(fd, &info) != 0) {
        report(sink, LOG_WARN, "%s: %s; using the defaults", path, strerror(errno));
        goto done;
    }
    if (!S_ISREG(info.st_mode)) {
        report(sink, LOG_WARN, "%s: %s, not a config file; not read, using the defaults", path,
               file_kind(info.st_mode));
        goto done;
    }
    if (info.st_size > OPTIONS_CONFIG_MAX_BYTES) {
        report(sink, LOG_WARN, "%s: %jd bytes, more than the %d a config file may have; not read, "
               "using the defaults", path, (intmax_t)info.st_size, OPTIONS_CONFIG_MAX_BYTES);
        goto done;
    }
    flags = fcntl(fd, F_GETFL);
    if (flags == -1 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) == -1 ||
        (file = fdopen(fd, "r")) == NULL) {
        report(sink, LOG_WARN, "%s: %s; using the defaults", path, strerror(errno));
        goto done;
    }
    fd = -1; /* the stream owns it now */
    options_read_config(options, file, path, sink);
    snprintf(options->config_path, sizeof options->config_path, "%s", path);
    outcome = CONFIG_READ;
done:
    if (file != NULL) {
        fclose(file);
    }
    if (fd >= 0) {
        close(fd);
    }
    return outcome;
}

/* ---- command line ------------------------------------------------------ */

typedef enum MetaOption { META_NONE = 0, META_HELP, META_VERSION, META_DEFAULT_CONFIG, META_CONFIG } MetaOption;

static MetaOption meta_option(const char *name)
{
    static const struct {
        const char *name;
        MetaOption meta;
    } META[] = {
        {"help", META_HELP},
        {"version", META_VERSION},
        {"print-default-config", META_DEFAULT_CONFIG},
        {"config", META_CONFIG},
    };
    for (size_t i = 0; i < sizeof META / sizeof META[0]; i++) {
        if (same_name(META[i].name, name)) {
            return META[i].meta;
        }
    }
    return META_NONE;
}

/* Splits "--name=value" / "--name" into name (copied) and value (or NULL).
 * Returns false when arg is not a long option. */
static bool split_long_option(const char *arg, char *name, size_t name_size, const char **value)
{
    if (strncmp(arg, "--", 2) != 0 || arg[2] == '\0') {
        return false;
    }
    const char *body = arg + 2;
    const char *equals = strchr(body, '=');
    size_t length = equals != NULL ? (size_t)(equals - body) : strlen(body);
    if (length >= name_size) {
        length = name_size - 1;
    }
    memcpy(name, body, length);
    name[length] = '\0';
    *value = equals != NULL ? equals + 1 : NULL;
    return true;
}

/* Reads one option at argv[*i] (advancing *i past a separate value).
 * Returns false after reporting a problem. */
static bool parse_one_arg(Options *options, int argc, char *const argv[], int *i,
                          bool list_started[], OptionsSink sink)
{
    char name[NAME_MAX_LENGTH] = {0};
    const char *value = NULL;
    const char *arg = argv[*i];
    if (!split_long_option(arg, name, sizeof name, &value)) {
        report(sink, LOG_ERROR, "command line: unexpected argument \"%s\" (see --help)", arg);
        return false;
    }
    const OptionSpec *spec = options_find(name);
    bool is_config = meta_option(name) == META_CONFIG;
    /* "--no-NAME" turns a flag off. */
    const OptionSpec *negated = spec == NULL && (strncmp(name, "no-", 3) == 0 || strncmp(name, "no_", 3) == 0)
                                    ? options_find(name + 3)
                                    : NULL;
    if (negated != NULL && negated->type == OPTION_FLAG) {
        if (value != NULL) {
            report(sink, LOG_ERROR, "command line: --%s takes no value", name);
            return false;
        }
        *(bool *)field_of(options, negated) = false;
        return true;
    }
    if (spec == NULL && !is_config) {
        report(sink, LOG_ERROR, "command line: unknown option \"--%s\" (see --help)", name);
        return false;
    }
    if (value == NULL && (is_config || spec->type != OPTION_FLAG)) {
        if (*i + 1 >= argc) {
            report(sink, LOG_ERROR, "command line: --%s needs a value (%s)", name,
                   is_config ? "FILE" : spec->metavar);
            return false;
        }
        value = argv[++*i];
    }
    if (is_config) {
        return true; /* read by options_load before the rest */
    }
    void *field = field_of(options, spec);
    if (spec->type == OPTION_FLAG && value == NULL) {
        *(bool *)field = true;
        return true;
    }
    size_t index = (size_t)(spec - SETTINGS);
    if (spec->type == OPTION_LIST && !list_started[index]) {
        list_started[index] = true;
        ((OptionsPathList *)field)->count = 0;
    }
    if (spec->type == OPTION_LIST && value[0] == '\0') {
        return true; /* as in the file: an empty value leaves the list empty */
    }
    char why[WHY_MAX] = {0};
    if (!TYPE_OPS[spec->type].parse(spec, value, field, why, sizeof why)) {
        report(sink, LOG_ERROR, "command line: --%s: \"%.*s\" %s", name, QUOTED_VALUE_MAX, value,
               why);
        return false;
    }
    return true;
}

OptionsAction options_parse_args(Options *options, int argc, char *const argv[], OptionsSink sink)
{
    bool list_started[SETTING_COUNT] = {0};
    bool ok = true;
    for (int i = 1; i < argc; i++) {
        char name[NAME_MAX_LENGTH] = {0};
        const char *value = NULL;
        if (split_long_option(argv[i], name, sizeof name, &value)) {
            switch (meta_option(name)) {
            case META_HELP:
                return OPTIONS_SHOW_HELP;
            case META_VERSION:
                return OPTIONS_SHOW_VERSION;
            case META_DEFAULT_CONFIG:
                return OPTIONS_SHOW_DEFAULT_CONFIG;
            case META_CONFIG:
            case META_NONE:
                break;
            }
        }
        if (!parse_one_arg(options, argc, argv, &i, list_started, sink)) {
            ok = false;
        }
    }
    return ok ? OPTIONS_RUN : OPTIONS_USAGE_ERROR;
}

/* Finds the last --config value; *missing is set when --config has none. */
static const char *find_config_arg(int argc, char *const argv[], bool *missing)
{
    const char *config = NULL;
    *missing = false;
    for (int i = 1; i < argc; i++) {
        char name[NAME_MAX_LENGTH] = {0};
        const char *value = NULL;
        if (!split_long_option(argv[i], name, sizeof name, &value) ||
            meta_option(name) != META_CONFIG) {
            continue;
        }
        if (value == NULL) {
            if (i + 1 >= argc) {
                *missing = true;
                return NULL;
            }
            value = argv[++i];
        }
        config = value;
    }
    return config;
}

OptionsAction options_load(Options *options, int argc, char *const argv[],
                           const char *default_config_path, OptionsSink sink)
{
    options_set_defaults(options);
    bool missing = false;
    const char *explicit_config = find_config_arg(argc, argv, &missing);
    const char *path = explicit_config != NULL ? explicit_config : default_config_path;
    if (!missing && path != NULL && path[0] != '\0') {
        if (config_read_path(options, path, sink) == CONFIG_ABSENT) {
            int error = errno;
            if (explicit_config != NULL) {
                report(sink, LOG_ERROR, "command line: --config %s: %s", path, strerror(error));
                return OPTIONS_USAGE_ERROR;
            }
            if (error != ENOENT) {
                report(sink, LOG_WARN, "%s: %s; using defaults", path, strerror(error));
            }
        }
    }
    /* The command line is parsed even after a bad --config, to report all
     * problems at once; --help still wins. */
    return options_parse_args(options, argc, argv, sink);
}

/* ---- generated text ---------------------------------------------------- */

/* Writes text word-wrapped to WRAP_WIDTH, each line starting with prefix. */
static void write_wrapped(FILE *out, const char *prefix, const char *text)
{
    size_t width = WRAP_WIDTH - strlen(prefix);
    while (*text != '\0') {
        size_t length = strlen(text);
        size_t take = length;
        if (length > width) {
            take = width;
            while (take > 0 && text[take] != ' ') {
                take--;
            }
            if (take == 0) {
                take = strcspn(text, " ");
            }
        }
        fprintf(out, "%s%.*s\n", prefix, (int)take, text);
        text += take;
        text += strspn(text, " ");
    }
}

/* One sentence on the accepted values, for --help and the config file. */
static void describe(const OptionSpec *spec, char *out, size_t out_size)
{
    char list[WHY_MAX] = {0};
    switch (spec->type) {
    case OPTION_INT:
        if (spec->step > 0) {
            join_steps(spec, list, sizeof list);
            snprintf(out, out_size, "One of %s.", list);
        } else {
            snprintf(out, out_size, "A whole number from %d to %d.", spec->min, spec->max);
        }
        break;
    case OPTION_ENUM:
        join_choices(spec, ", ", list, sizeof list);
        snprintf(out, out_size, "One of %s.", list);
        break;
    case OPTION_SIZE:
        snprintf(out, out_size, "Width x height in pixels such as 1280x720, each from %d to %d.",
                 SIZE_SIDE_MIN, SIZE_SIDE_MAX);
        break;
    case OPTION_FLAG:
        snprintf(out, out_size, "true or false.");
        break;
    case OPTION_LIST:
        snprintf(out, out_size, "May be given several times; the first one replaces the "
                                "default list, an empty value empties it.");
        break;
    case OPTION_STRING:
        out[0] = '\0';
        break;
    }
}

static void write_help_entry(FILE *out, const OptionSpec *spec)
{
    char usage[NAME_MAX_LENGTH * 2] = {0};
    int n = snprintf(usage, sizeof usage, "--%s%s%s", spec->flag != NULL ? spec->flag : spec->name,
                     spec->metavar != NULL ? " " : "",
                     spec->metavar != NULL ? spec->metavar : "");
    if (spec->type == OPTION_FLAG) {
        n = snprintf(usage, sizeof usage, "--%s, --no-%s", spec->name, spec->name);
    }
    for (int i = 2; i < n; i++) {
        if (usage[i] == ' ' && spec->type != OPTION_FLAG) {
            break;
        }
        usage[i] = usage[i] == '_' ? '-' : usage[i];
    }
    if (spec->section != NULL) {
        fprintf(out, "  %-40s [%s] %s\n", usage, spec->section, spec->name);
    } else {
        fprintf(out, "  %-40s command line only\n", usage);
    }

    char values[WHY_MAX] = {0};
    char defaults[WHY_MAX] = {0};
    char text[MESSAGE_MAX] = {0};
    describe(spec, values, sizeof values);
    default_text(spec, defaults, sizeof defaults);
    if (spec->type == OPTION_FLAG) {
        snprintf(text, sizeof text, "%s", spec->help);
    } else {
        snprintf(text, sizeof text, "%s %s%sDefault: %s.", spec->help, values,
                 values[0] != '\0' ? " " : "", defaults[0] != '\0' ? defaults : "empty");
    }
    write_wrapped(out, "      ", text);
}

void options_write_help(FILE *out, const char *program)
{
    fprintf(out, "usage: %s [options]\n\n", program);
    write_wrapped(out, "",
                  "Settings are read from the config file (" OPTIONS_DEFAULT_CONFIG_PATH
                  " when it exists), then from the command line, which wins. The config "
                  "file section and key of each option are shown on its right.");
    fprintf(out, "\n");
    fprintf(out, "  --config FILE\n");
    write_wrapped(out, "      ", "Read settings from FILE instead of " OPTIONS_DEFAULT_CONFIG_PATH ".");
    fprintf(out, "  --help\n");
    write_wrapped(out, "      ", "Show this text and exit.");
    fprintf(out, "  --version\n");
    write_wrapped(out, "      ", "Show the version and exit.");
    fprintf(out, "  --print-default-config\n");
    write_wrapped(out, "      ", "Print a config file listing every setting with its default.");
    fprintf(out, "\n");
    for (size_t i = 0; i < SETTING_COUNT; i++) {
        write_help_entry(out, &SETTINGS[i]);
    }
}

static void write_config_entry(FILE *out, const OptionSpec *spec)
{
    char values[WHY_MAX] = {0};
    fprintf(out, "\n");
    write_wrapped(out, "# ", spec->help);
    describe(spec, values, sizeof values);
    if (values[0] != '\0') {
        write_wrapped(out, "# ", values);
    }
    for (const char *const *value = spec->defaults; *value != NULL; value++) {
        fprintf(out, "%s =%s%s\n", spec->name, (*value)[0] != '\0' ? " " : "", *value);
    }
}

bool options_write_default_config(FILE *out)
{
    fprintf(out, "# kiosk.conf — settings of the FACTS Kiosk (%s).\n",
            OPTIONS_DEFAULT_CONFIG_PATH);
    write_wrapped(out, "# ",
                  "Every setting is listed below with its default value. Options on the "
                  "command line (facts-kiosk --help) override this file. A bad value is "
                  "reported in the log with file and line and the default is used instead: "
                  "the kiosk still starts. Lines starting with # or ; are comments.");
    write_wrapped(out, "# ",
                  "This file is generated by facts-kiosk --print-default-config from the "
                  "settings table in src/platform/options.c.");
    for (size_t s = 0; s < sizeof SECTION_ORDER / sizeof SECTION_ORDER[0]; s++) {
        fprintf(out, "\n[%s]\n", SECTION_ORDER[s]);
        for (size_t i = 0; i < SETTING_COUNT; i++) {
            if (SETTINGS[i].section != NULL && strcmp(SETTINGS[i].section, SECTION_ORDER[s]) == 0) {
                write_config_entry(out, &SETTINGS[i]);
            }
        }
    }
    return fflush(out) == 0 && !ferror(out);
}
