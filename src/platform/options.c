/* options.c — the settings table: one row per setting (name, type,
 * default, limits, help, config-file section, where it lands in Options),
 * and what is read straight from it: defaults, lookup by name, comparison.
 * To add a setting: add its field to Options in options.h and one row to
 * SETTINGS below; nothing else. How each type of value is parsed is in
 * options_values.c; the config file, the command line and the texts made
 * from this table are options_config.c, options_cli.c and options_help.c. */
#define _POSIX_C_SOURCE 200809L
#include "platform/options_internal.h"

#include <assert.h>
#include <stdarg.h>
#include <string.h>
#include <strings.h>

/* Enum fields are written through an int pointer by the table code. */
_Static_assert(sizeof(OptionsProfile) == sizeof(int), "enum stored as int");
_Static_assert(sizeof(OptionsRenderer) == sizeof(int), "enum stored as int");
_Static_assert(sizeof(OptionsScreenOff) == sizeof(int), "enum stored as int");
_Static_assert(sizeof(Lang) == sizeof(int), "enum stored as int");
_Static_assert(sizeof(LogLevel) == sizeof(int), "enum stored as int");

/* ---- enum names -------------------------------------------------------- */

static const char *const PROFILE_NAMES[OPTIONS_PROFILE_COUNT] = {"booth", "lobby"};
static const char *const RENDERER_NAMES[OPTIONS_RENDERER_COUNT] = {"auto", "software", "opengles2"};
static const char *const SCREEN_OFF_NAMES[OPTIONS_SCREEN_OFF_COUNT] = {"auto", "cec", "drm", "x11", "black"};

const char *options_profile_name(OptionsProfile profile)
{
    return (int)profile >= 0 && profile < OPTIONS_PROFILE_COUNT ? PROFILE_NAMES[profile] : "";
}

const char *options_renderer_name(OptionsRenderer renderer)
{
    return (int)renderer >= 0 && renderer < OPTIONS_RENDERER_COUNT ? RENDERER_NAMES[renderer] : "";
}

const char *options_screen_off_name(OptionsScreenOff screen_off)
{
    return (int)screen_off >= 0 && screen_off < OPTIONS_SCREEN_OFF_COUNT ? SCREEN_OFF_NAMES[screen_off] : "";
}

static const char *profile_name(int value) { return options_profile_name((OptionsProfile)value); }
static const char *renderer_name(int value) { return options_renderer_name((OptionsRenderer)value); }
static const char *screen_off_name(int value) { return options_screen_off_name((OptionsScreenOff)value); }
static const char *lang_name(int value) { return lang_tag((Lang)value); }
static const char *level_name(int value) { return log_level_name((LogLevel)value); }

static const OptionEnum PROFILE_ENUM = {OPTIONS_PROFILE_COUNT, profile_name};
static const OptionEnum RENDERER_ENUM = {OPTIONS_RENDERER_COUNT, renderer_name};
static const OptionEnum SCREEN_OFF_ENUM = {OPTIONS_SCREEN_OFF_COUNT, screen_off_name};
static const OptionEnum LANG_ENUM = {LANG_COUNT, lang_name};
static const OptionEnum LEVEL_ENUM = {LOG_LEVEL_COUNT, level_name};

/* Lang and LogLevel have their own parsers (lang_parse accepts "sr_Latn" too). */
bool options_enum_parse(const OptionEnum *choices, const char *text, int *value)
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
    char detail[OPTIONS_WHY_MAX] = {0};
    if (schedule_parse_hours(text, &day, detail, sizeof detail)) {
        return true;
    }
    snprintf(why, why_size, "is not valid: %s", detail);
    return false;
}

static bool check_dates(const char *text, char *why, size_t why_size)
{
    ScheduleDates dates = {0};
    char detail[OPTIONS_WHY_MAX] = {0};
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
            "sleeps: black, and turned off as screen_off says. With no "
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
    {.name = "screen_off", .section = "schedule", .type = OPTION_ENUM, .offset = FIELD(screen_off),
     .defaults = DEFAULT("auto"), .choices = &SCREEN_OFF_ENUM, .metavar = "auto|cec|drm|x11|black",
     .help = "How the screen is turned off outside the opening hours. cec: the TV goes to standby "
             "through HDMI-CEC (cec_device) and is woken with Image View On; drm: the monitor's "
             "power through the KMS/DRM driver (DPMS, the Pi's default); x11: X11 DPMS; black: a "
             "black frame only. auto: the first of cec, drm, x11 that works, else black. A forced "
             "method that does not work falls back to black (logged)."},
    {.name = "cec_device", .section = "schedule", .type = OPTION_STRING, .offset = FIELD(cec_device),
     .defaults = DEFAULT("/dev/cec0"), .metavar = "DEVICE",
     .help = "The HDMI-CEC adapter screen_off = cec (or auto) talks to the TV through."},
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
    {.name = "screenshot_minutes", .section = "status", .type = OPTION_INT,
     .offset = FIELD(screenshot_minutes), .defaults = DEFAULT("10"), .min = 0, .max = 1440,
     .metavar = "N",
     .help = "Minutes between pictures of the screen: the frame on screen, at most 640 pixels wide, "
             "as screen.jpg in the state directory (replaced atomically; its time is in status.json) "
             "and, with report_url, POSTed there as image/jpeg on its own. Never while the staff panel "
             "or the contact form is open, nor while the display sleeps: status.json says when one "
             "was skipped and why. 0: never."},
    {.name = "prometheus_file", .section = "status", .type = OPTION_STRING,
     .offset = FIELD(prometheus_file), .defaults = DEFAULT("/run/facts-kiosk/facts-kiosk.prom"),
     .metavar = "FILE",
     .help = "The figures of status.json in Prometheus' text format, for node_exporter's textfile "
             "collector (--collector.textfile.directory=/run/facts-kiosk), replaced atomically with "
             "status.json, readable by everyone. The packaged service makes /run/facts-kiosk (its "
             "RuntimeDirectory); where that folder is missing nothing is written. Empty: none."},
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
    {.name = "import", .flag = "staff-import", .section = "staff", .type = OPTION_FLAG,
     .offset = FIELD(staff_import), .defaults = DEFAULT("true"), .metavar = NULL,
     .help = "The staff panel's \"Take content from stick\": staff build the content from a "
             "workbook (or CSV files) in a stick's facts-kiosk/edit folder at the kiosk, preview "
             "it and install it without a signature (the PIN is the authority); a signed pack "
             "newer than its version replaces it later. false (--no-staff-import) keeps a "
             "kiosk on signed packs only, as a fleet may need."},
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
_Static_assert((int)SETTING_COUNT <= (int)OPTIONS_SETTINGS_MAX, "raise OPTIONS_SETTINGS_MAX");

const OptionSpec *options_table(size_t *count)
{
    *count = SETTING_COUNT;
    return SETTINGS;
}

size_t options_index(const OptionSpec *spec)
{
    return (size_t)(spec - SETTINGS);
}

bool options_same_name(const char *a, const char *b)
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
        if (options_same_name(SETTINGS[i].name, name) ||
            (SETTINGS[i].flag != NULL && options_same_name(SETTINGS[i].flag, name))) {
            return &SETTINGS[i];
        }
    }
    return NULL;
}

/* ---- defaults and comparison ------------------------------------------- */

void *options_field(Options *options, const OptionSpec *spec)
{
    return (char *)options + spec->offset;
}

static const void *const_field_of(const Options *options, const OptionSpec *spec)
{
    return (const char *)options + spec->offset;
}

void options_set_default(Options *options, const OptionSpec *spec)
{
    char why[OPTIONS_WHY_MAX] = {0};
    void *field = options_field(options, spec);
    if (spec->type == OPTION_LIST) {
        ((OptionsPathList *)field)->count = 0;
    }
    for (const char *const *value = spec->defaults; *value != NULL; value++) {
        bool ok = options_parse_value(spec, *value, field, why, sizeof why);
        (void)ok;
        assert(ok && "a default in SETTINGS does not parse");
    }
}

void options_set_defaults(Options *options)
{
    *options = (Options){0};
    for (size_t i = 0; i < SETTING_COUNT; i++) {
        options_set_default(options, &SETTINGS[i]);
    }
}

bool options_equal(const Options *a, const Options *b)
{
    for (size_t i = 0; i < SETTING_COUNT; i++) {
        const OptionSpec *spec = &SETTINGS[i];
        if (!options_value_equal(spec, const_field_of(a, spec), const_field_of(b, spec))) {
            return false;
        }
    }
    return true;
}

void options_default_text(const OptionSpec *spec, char *out, size_t out_size)
{
    size_t used = 0;
    out[0] = '\0';
    for (const char *const *value = spec->defaults; *value != NULL && used < out_size; value++) {
        int n = snprintf(out + used, out_size - used, "%s%s", value == spec->defaults ? "" : ", ",
                         *value);
        used += n > 0 ? (size_t)n : 0;
    }
}

/* ---- messages ---------------------------------------------------------- */

void options_vreport(OptionsSink sink, LogLevel level, const char *prefix, const char *fmt, va_list args)
{
    if (sink.fn == NULL) {
        return;
    }
    char message[OPTIONS_MESSAGE_MAX];
    int n = snprintf(message, sizeof message, "%s", prefix);
    size_t used = n < 0 ? 0 : (size_t)n < sizeof message ? (size_t)n : sizeof message - 1;
    vsnprintf(message + used, sizeof message - used, fmt, args);
    sink.fn(sink.user, level, message);
}

void options_report(OptionsSink sink, LogLevel level, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    options_vreport(sink, level, "", fmt, args);
    va_end(args);
}
