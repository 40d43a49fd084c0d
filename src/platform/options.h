/* options.h — every kiosk setting, declared once. A single table in
 * options.c (name, type, default, help text, limits, config-file section,
 * where it lands in Options) drives the defaults, the INI config file
 * (/etc/facts-kiosk/kiosk.conf, parsed with inih), the command line, --help
 * and the documented default config shipped as toolchain/packaging/kiosk.conf.
 * Start with options_init(); the lower-level functions exist for tests and
 * tools. Messages never go to stdout/stderr from here: they go to the
 * caller's OptionsSink.
 *
 * Where to read on: options.c holds the table (and is where a setting is
 * added); options_values.c the types of value; options_config.c the config
 * file; options_cli.c the command line (getopt_long, held to the spellings
 * listed above options_parse_args) and options_init(); options_help.c --help
 * and the default config. options_internal.h is what they share. */
#ifndef FACTS_PLATFORM_OPTIONS_H
#define FACTS_PLATFORM_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "core/lang.h"
#include "core/schedule.h"
#include "platform/log.h"

#define OPTIONS_DEFAULT_CONFIG_PATH "/etc/facts-kiosk/kiosk.conf"

enum {
    OPTIONS_PATH_MAX = 1024, /* longest path value plus its NUL */
    OPTIONS_LIST_MAX = 16,   /* most values of a repeatable key */
    OPTIONS_EXIT_USAGE = 2,  /* exit status for a bad command line */
    OPTIONS_CONFIG_MAX_BYTES = 64 * 1024, /* a larger config file is not read at all */
    OPTIONS_CONFIG_WARNINGS_SHOWN = 20,   /* problems reported one by one; then one summary */
};

typedef enum OptionsProfile {
    OPTIONS_PROFILE_BOOTH = 0, /* touch navigation; attract loop when idle */
    OPTIONS_PROFILE_LOBBY,     /* attract loop only, rotating the language */
    OPTIONS_PROFILE_COUNT
} OptionsProfile;

typedef enum OptionsRenderer {
    OPTIONS_RENDERER_AUTO = 0,  /* GPU where a real one exists, else software */
    OPTIONS_RENDERER_SOFTWARE,
    OPTIONS_RENDERER_OPENGLES2,
    OPTIONS_RENDERER_COUNT
} OptionsRenderer;

/* How the screen is turned off outside the opening hours (platform/screen_power.h). */
typedef enum OptionsScreenOff {
    OPTIONS_SCREEN_OFF_AUTO = 0, /* the first of cec, drm, x11 that works, else black */
    OPTIONS_SCREEN_OFF_CEC,      /* the TV's standby through the kernel's CEC interface */
    OPTIONS_SCREEN_OFF_DRM,      /* the connector's DPMS through SDL's KMS/DRM descriptor */
    OPTIONS_SCREEN_OFF_X11,      /* X11 DPMS */
    OPTIONS_SCREEN_OFF_BLACK,    /* a black frame only */
    OPTIONS_SCREEN_OFF_COUNT
} OptionsScreenOff;

/* A size in pixels; 0x0 means "not set". */
typedef struct OptionsSize {
    int width;
    int height;
} OptionsSize;

/* Values of a repeatable key, in the order given. */
typedef struct OptionsPathList {
    int count;
    char paths[OPTIONS_LIST_MAX][OPTIONS_PATH_MAX];
} OptionsPathList;

typedef struct Options {
    /* [kiosk] */
    OptionsProfile profile;
    Lang lang;                /* starting language */
    int slide_seconds;        /* attract loop: seconds per slide */
    int idle_seconds;         /* back to the attract loop after this long untouched */
    int transition_ms;        /* length of a slide transition */
    int lang_rotation_cycles; /* lobby: next language every N attract cycles; 0 = never */
    bool speech;              /* booth: a speaker button reads the page aloud (when audio works) */
    char kiosk_id[OPTIONS_PATH_MAX]; /* "" = derived from /etc/machine-id */
    /* [display] */
    OptionsSize windowed;     /* 0x0 = full screen */
    int rotation;             /* 0, 90, 180 or 270 degrees clockwise */
    OptionsRenderer renderer;
    /* [schedule] (core/schedule.h reads the text; "" = no value) */
    char hours[SCHEDULE_WEEKDAYS][OPTIONS_PATH_MAX]; /* [SCHEDULE_MONDAY] .. [SCHEDULE_SUNDAY] */
    char closed_dates[OPTIONS_PATH_MAX];
    char open_dates[OPTIONS_PATH_MAX];
    int wake_minutes;         /* booth: a touch while closed shows the kiosk this long */
    OptionsScreenOff screen_off; /* how the screen is turned off while closed */
    char cec_device[OPTIONS_PATH_MAX]; /* the CEC adapter for screen_off = cec (or auto) */
    /* [content] */
    char db[OPTIONS_PATH_MAX]; /* "" = the bundled/installed pack */
    /* [update] */
    OptionsPathList mount_roots;  /* where sticks get mounted */
    OptionsPathList trusted_keys; /* minisign .pub files, or directories of them (update/trusted_keys.h) */
    char state_dir[OPTIONS_PATH_MAX];
    int size_cap_mib;         /* largest pack accepted from a stick */
    int confirm_seconds;      /* a new pack is confirmed after this long on screen and healthy */
    char report_url[OPTIONS_PATH_MAX]; /* "" = no status reports are POSTed */
    int report_minutes;       /* between status reports to report_url */
    char update_url[OPTIONS_PATH_MAX]; /* "" = none; else a folder URL with content.db(.minisig) */
    int url_poll_seconds;     /* how often the URL is asked */
    char ca_file[OPTIONS_PATH_MAX];    /* "" = the system's CA certificates */
    /* [status] */
    int screenshot_minutes;   /* between pictures of the screen (screen.jpg); 0 = never */
    char prometheus_file[OPTIONS_PATH_MAX]; /* "" = no Prometheus textfile */
    /* [leads] */
    char leads_public_key[OPTIONS_PATH_MAX]; /* "" = no "Contact me" button */
    /* [log] */
    LogLevel log_level;
    bool stats;               /* print frame statistics at exit */
    /* [staff] */
    char pin_hash[OPTIONS_PATH_MAX]; /* "" = the staff panel cannot open */
    bool staff_import;        /* the staff panel takes content from a stick (unsigned, built at the kiosk) */
    /* command line only */
    char screenshots[OPTIONS_PATH_MAX]; /* "" = run the kiosk; else render PNGs here and exit */
    OptionsSize size;                   /* screenshot size; 0x0 = 1920x1080 */
    int status_seconds;                 /* between writes of status.json */
    char fake_clock[OPTIONS_PATH_MAX];  /* tests: "" = the system's wall clock; else its local start */
    int fake_clock_speed;               /* tests: the fake wall clock runs this many times as fast */
    /* The config file that was read, "" if none. Not a setting. */
    char config_path[OPTIONS_PATH_MAX];
} Options;

/* Receives one message (no trailing newline) with its severity. Config-file
 * problems are LOG_WARN, a bad command line LOG_ERROR, notes LOG_INFO. */
typedef void (*OptionsMessageFn)(void *user, LogLevel level, const char *message);

typedef struct OptionsSink {
    OptionsMessageFn fn; /* NULL drops messages */
    void *user;
} OptionsSink;

typedef enum OptionsAction {
    OPTIONS_RUN = 0,             /* start the kiosk with the options */
    OPTIONS_SHOW_HELP,           /* --help: caller prints options_write_help(), exits 0 */
    OPTIONS_SHOW_VERSION,        /* --version: caller prints its version, exits 0 */
    OPTIONS_SHOW_DEFAULT_CONFIG, /* --print-default-config: options_write_default_config(), exit 0 */
    OPTIONS_USAGE_ERROR,         /* bad command line, already reported: exit OPTIONS_EXIT_USAGE */
} OptionsAction;

/* What kind of value a setting takes. */
typedef enum OptionType {
    OPTION_INT = 0, /* decimal in [min, max], a multiple of step (0 = any) */
    OPTION_ENUM,    /* one of a fixed set of names, stored as an enum */
    OPTION_STRING,  /* a path or name; OPTION_NONEMPTY forbids "" */
    OPTION_LIST,    /* a repeatable string: OptionsPathList */
    OPTION_SIZE,    /* WxH, or "" for not set */
    OPTION_FLAG,    /* bool: bare --name on the command line; true/false in the file */
} OptionType;

enum {
    OPTION_NONEMPTY = 1u << 0, /* OPTION_STRING/LIST: "" is not a valid value */
};

/* The names of an OPTION_ENUM: value i is called name(i), 0 <= i < count. */
typedef struct OptionEnum {
    int count;
    const char *(*name)(int value);
} OptionEnum;

/* One row of the settings table. */
typedef struct OptionSpec {
    const char *name;    /* config key; on the command line with '-' for '_' (unless flag) */
    const char *flag;    /* the command-line name when it is not that ("update-url"); NULL: it is */
    const char *section; /* config-file section; NULL = command line only */
    OptionType type;
    size_t offset;       /* of the field in Options */
    const char *const *defaults; /* default value(s) as text, NULL-terminated */
    int min, max, step;  /* OPTION_INT */
    const OptionEnum *choices; /* OPTION_ENUM */
    unsigned flags;
    const char *metavar; /* "N", "FILE", "WxH" in --help */
    const char *help;    /* one paragraph, no line breaks */
    /* OPTION_STRING: NULL, or a check of the value's contents; false with why ("is not valid:
     * ...") when it fails. */
    bool (*check)(const char *text, char *why, size_t why_size);
    /* With check: in the config file a value that fails it is kept as given and reported with
     * this consequence (the app turns the feature off); NULL: the default is used. */
    const char *bad_means;
} OptionSpec;

/* The settings table, in the order --help and the default config list it.
 * *count receives the number of rows. Static storage; never fails. */
const OptionSpec *options_table(size_t *count);

/* Looks a setting up by config name ("slide_seconds") or command-line
 * spelling ("slide-seconds", or its flag: "update-url"). Returns NULL if there is no such
 * setting. */
const OptionSpec *options_find(const char *name);

/* Sets every field to its default (and config_path to ""). */
void options_set_defaults(Options *options);

/* Reads INI text from file (named name in messages) over options: known keys
 * replace the current value; the first line of a repeatable key in this file
 * replaces the list, later lines append. Each problem (bad value, unknown
 * key, key in the wrong section, syntax error, over-long line) is sent to
 * sink as "name:line: ..." and skipped; a bad value leaves the setting at its
 * default. Only the first OPTIONS_CONFIG_WARNINGS_SHOWN problems are sent,
 * then one line saying how many more there were. A file longer than
 * OPTIONS_CONFIG_MAX_BYTES is not applied at all (one message; options stay
 * as they were). Returns the number of problems found (0 = clean). */
int options_read_config(Options *options, FILE *file, const char *name, OptionsSink sink);

/* Applies the command line (argv[0] is the program and is skipped) over
 * options. Accepts "--name value", "--name=value", "--flag", "--flag=VALUE",
 * "--no-flag", and the underscore spelling of names; only whole names (no
 * abbreviations), and every argument in place ("--" and words that are not
 * options are errors, not the end of the options). "--config FILE" is
 * skipped here (see options_init); --help, --version and
 * --print-default-config return their action at once. Any bad value, unknown
 * option or stray argument is reported and gives OPTIONS_USAGE_ERROR after
 * reading the rest. Uses getopt_long (its optind, optarg, opterr): not
 * thread-safe, like getopt itself. */
OptionsAction options_parse_args(Options *options, int argc, char *const argv[], OptionsSink sink);

/* Calls each(user, name) for every long option the command line accepts, in
 * its '-' spelling without the "--" ("slide-seconds", "update-url", "url",
 * "no-speech", "help"); the '_' spelling of each is accepted too. For tests,
 * which hold the set against an explicit list. */
void options_command_line_names(void (*each)(void *user, const char *name), void *user);

/* The whole start-up sequence: defaults, then the config file (the one
 * named by --config, else default_config_path if that file exists; pass
 * NULL for none), then the command line, which wins. A --config file that
 * cannot be opened is a usage error. A config file that is a directory, a
 * FIFO, a device or a socket (opened without blocking, checked on the open
 * file), or larger than OPTIONS_CONFIG_MAX_BYTES, is refused with one
 * warning and the defaults are used; problems inside any config file are
 * only reported.
 * On OPTIONS_USAGE_ERROR options holds whatever was read and should not be
 * used. */
OptionsAction options_init(Options *options, int argc, char *const argv[],
                           const char *default_config_path, OptionsSink sink);

/* Writes the --help text, generated from the table, to out. */
void options_write_help(FILE *out, const char *program);

/* Writes a complete, commented config file listing every key with its
 * default, generated from the table. toolchain/packaging/kiosk.conf is this
 * output; a test keeps the two identical. Returns false on a write error. */
bool options_write_default_config(FILE *out);

/* True when every setting (not config_path) is the same in a and b. */
bool options_equal(const Options *a, const Options *b);

/* Canonical names: "booth"/"lobby", "auto"/"software"/"opengles2"; "" when
 * out of range. */
const char *options_profile_name(OptionsProfile profile);
/* "auto", "cec", "drm", "x11", "black"; "" for a value out of range. */
const char *options_screen_off_name(OptionsScreenOff screen_off);
const char *options_renderer_name(OptionsRenderer renderer);

#endif
