/* options_cli.c — the command line, read with glibc's getopt_long over a
 * table of long options built from the settings table, and options_init(),
 * the whole start-up sequence (defaults, config file, command line).
 *
 * The kiosk's command line predates getopt_long and its spellings are kept
 * exactly, no more and no fewer (tests/platform/test_platform_options_cli.c
 * holds that):
 *  - "--name VALUE" and "--name=VALUE"; a flag alone ("--stats") or with a
 *    value ("--stats=false"), and "--no-NAME" for a flag;
 *  - '-' and '_' are the same in a name ("--slide_seconds");
 *  - a setting with a command-line flag keeps its name too ("--update-url"
 *    and "--url");
 *  - only whole names: getopt_long's abbreviations ("--scr") are refused;
 *  - every argument is read in place: a word that is not an option, a
 *    short option and "--" are refused (getopt_long would move the word to
 *    the end, or stop reading at "--"); a value may start with '-'.
 * So each argument is given to getopt_long alone, with the one after it for
 * a value ("--db FILE"): a fresh scan each time (optind = 0) that never
 * sees the rest of the line. */
#define _POSIX_C_SOURCE 200809L
#include "platform/options_internal.h"

#include <assert.h>
#include <errno.h>
#include <getopt.h>
#include <string.h>

/* What a long option does. */
typedef enum ArgRole {
    ROLE_SETTING = 0,    /* sets a row of the table */
    ROLE_NEGATION,       /* --no-NAME: turns an OPTION_FLAG off */
    ROLE_CONFIG,         /* --config FILE: read by options_init before the rest */
    ROLE_HELP,
    ROLE_VERSION,
    ROLE_DEFAULT_CONFIG, /* --print-default-config */
} ArgRole;

static const struct {
    const char *name;
    ArgRole role;
    int has_arg;
} META_OPTIONS[] = {
    /* --help=x, --version=x and --print-default-config=x were always taken as the bare option. */
    {"help", ROLE_HELP, optional_argument},
    {"version", ROLE_VERSION, optional_argument},
    {"print-default-config", ROLE_DEFAULT_CONFIG, optional_argument},
    {"config", ROLE_CONFIG, required_argument},
};

enum {
    META_COUNT = sizeof META_OPTIONS / sizeof META_OPTIONS[0],
    /* A row gives its name, maybe a flag, and for an OPTION_FLAG "no-" and each. */
    LONG_OPTIONS_MAX = 4 * OPTIONS_SETTINGS_MAX + META_COUNT,
    /* getopt_long returns .val for a long option: above every character, so that
     * no option's code is '?' or ':'. */
    LONG_OPTION_CODE = 0x100,
};

/* getopt_long's table and what each of its options stands for. */
typedef struct LongOptions {
    int count;
    struct option options[LONG_OPTIONS_MAX + 1]; /* ends with a row of zeros */
    char names[LONG_OPTIONS_MAX][OPTIONS_NAME_MAX]; /* '-' spelling, no "--" */
    ArgRole roles[LONG_OPTIONS_MAX];
    const OptionSpec *specs[LONG_OPTIONS_MAX]; /* ROLE_SETTING, ROLE_NEGATION */
} LongOptions;

/* '-' and '_' are the same in a name: getopt_long sees only '-'. */
static void dash_underscores(char *text)
{
    for (char *c = text; *c != '\0'; c++) {
        *c = *c == '_' ? '-' : *c;
    }
}

static void add_long_option(LongOptions *table, const char *prefix, const char *name, ArgRole role,
                            const OptionSpec *spec, int has_arg)
{
    assert(table->count < LONG_OPTIONS_MAX && "raise LONG_OPTIONS_MAX");
    if (table->count >= LONG_OPTIONS_MAX) {
        return;
    }
    int i = table->count++;
    snprintf(table->names[i], OPTIONS_NAME_MAX, "%s%s", prefix, name);
    dash_underscores(table->names[i]);
    table->roles[i] = role;
    table->specs[i] = spec;
    table->options[i] = (struct option){table->names[i], has_arg, NULL, LONG_OPTION_CODE + i};
    table->options[table->count] = (struct option){0};
}

/* Every spelling the command line takes, '_' aside. */
static void long_options_build(LongOptions *table)
{
    size_t count = 0;
    const OptionSpec *settings = options_table(&count);
    table->count = 0;
    table->options[0] = (struct option){0};
    for (size_t i = 0; i < META_COUNT; i++) {
        add_long_option(table, "", META_OPTIONS[i].name, META_OPTIONS[i].role, NULL, META_OPTIONS[i].has_arg);
    }
    for (size_t i = 0; i < count; i++) {
        const OptionSpec *spec = &settings[i];
        /* A flag takes a value only after '=' ("--stats=false"): bare, it is on. */
        int has_arg = spec->type == OPTION_FLAG ? optional_argument : required_argument;
        const char *names[] = {spec->name, spec->flag};
        for (size_t n = 0; n < 2 && names[n] != NULL; n++) {
            add_long_option(table, "", names[n], ROLE_SETTING, spec, has_arg);
            if (spec->type == OPTION_FLAG) {
                /* optional_argument so that "--no-speech=yes" is told it takes none. */
                add_long_option(table, "no-", names[n], ROLE_NEGATION, spec, optional_argument);
            }
        }
    }
}

/* ---- reading one argument ---------------------------------------------- */

typedef enum ArgKind {
    ARG_OPTION = 0, /* a whole option name, with its value if it takes one */
    ARG_STRAY,      /* not "--name...": a word, "-x", "-" or "--" */
    ARG_UNKNOWN,    /* no such option (or only the start of one: "--scr") */
    ARG_NO_VALUE,   /* an option that needs a value, last on the line */
} ArgKind;

typedef struct Arg {
    ArgKind kind;
    ArgRole role;                /* ARG_OPTION, ARG_NO_VALUE */
    const OptionSpec *spec;      /* ROLE_SETTING, ROLE_NEGATION */
    const char *text;            /* the argument as given */
    char name[OPTIONS_NAME_MAX]; /* as typed, without "--" and "=VALUE", for messages */
    const char *value;           /* NULL when none was given */
    int used;                    /* arguments read: 2 for "--name VALUE" */
} Arg;

static bool is_long_option(const char *text)
{
    return strncmp(text, "--", 2) == 0 && text[2] != '\0';
}

/* Reads argv[at] (and argv[at + 1] when it is the option's value) into arg. */
static void read_arg(const LongOptions *table, int argc, char *const argv[], int at, Arg *arg)
{
    *arg = (Arg){.text = argv[at], .used = 1};
    if (!is_long_option(arg->text)) {
        arg->kind = ARG_STRAY;
        return;
    }
    const char *body = arg->text + 2;
    size_t length = strcspn(body, "=");
    bool inline_value = body[length] == '=';
    /* The name as typed, cut to fit as it always was; getopt_long sees it with '-' for
     * '_' and, after '=', nothing: the value is taken from argv. */
    length = length < OPTIONS_NAME_MAX - 1 ? length : OPTIONS_NAME_MAX - 1;
    memcpy(arg->name, body, length);
    arg->name[length] = '\0';
    char dashed[OPTIONS_NAME_MAX] = {0};
    memcpy(dashed, arg->name, length + 1);
    dash_underscores(dashed);
    char option[OPTIONS_NAME_MAX + 4] = {0};
    snprintf(option, sizeof option, "--%s%s", dashed, inline_value ? "=" : "");
    char *window[] = {argv[0], option, at + 1 < argc ? argv[at + 1] : NULL, NULL};

    optind = 0; /* a fresh scan: glibc forgets the last one */
    opterr = 0; /* messages are ours, to the sink */
    int code = getopt_long(window[2] != NULL ? 3 : 2, window, "+:", table->options, NULL);
    /* ':' is a known option without its value; '?' no option, or the start of several. */
    int index = (code == ':' ? optopt : code) - LONG_OPTION_CODE;
    /* getopt_long takes the start of a name for the whole: here only the whole name counts. */
    if (index < 0 || index >= table->count || strcmp(table->names[index], dashed) != 0) {
        arg->kind = ARG_UNKNOWN;
        return;
    }
    arg->role = table->roles[index];
    arg->spec = table->specs[index];
    if (code == ':') {
        arg->kind = ARG_NO_VALUE;
        return;
    }
    arg->kind = ARG_OPTION;
    if (optarg != NULL && optarg == window[2]) {
        arg->value = argv[at + 1];
        arg->used = 2;
    } else if (optarg != NULL) {
        arg->value = strchr(body, '=') + 1;
    }
}

/* ---- applying it ------------------------------------------------------- */

static bool apply_setting(Options *options, const Arg *arg, bool list_started[], OptionsSink sink)
{
    const OptionSpec *spec = arg->spec;
    void *field = options_field(options, spec);
    if (spec->type == OPTION_FLAG && arg->value == NULL) {
        *(bool *)field = true;
        return true;
    }
    size_t index = options_index(spec);
    if (spec->type == OPTION_LIST && !list_started[index]) {
        list_started[index] = true;
        ((OptionsPathList *)field)->count = 0;
    }
    if (spec->type == OPTION_LIST && arg->value[0] == '\0') {
        return true; /* as in the file: an empty value leaves the list empty */
    }
    char why[OPTIONS_WHY_MAX] = {0};
    if (!options_parse_value(spec, arg->value, field, why, sizeof why)) {
        options_report(sink, LOG_ERROR, "command line: --%s: \"%.*s\" %s", arg->name, OPTIONS_QUOTED_VALUE_MAX,
                       arg->value, why);
        return false;
    }
    return true;
}

/* Reports what is wrong with arg; true when nothing is. */
static bool check_arg(const Arg *arg, OptionsSink sink)
{
    switch (arg->kind) {
    case ARG_OPTION:
        if (arg->role == ROLE_NEGATION && arg->value != NULL) {
            options_report(sink, LOG_ERROR, "command line: --%s takes no value", arg->name);
            return false;
        }
        return true;
    case ARG_STRAY:
        options_report(sink, LOG_ERROR, "command line: unexpected argument \"%s\" (see --help)", arg->text);
        return false;
    case ARG_UNKNOWN:
        options_report(sink, LOG_ERROR, "command line: unknown option \"--%s\" (see --help)", arg->name);
        return false;
    case ARG_NO_VALUE:
        options_report(sink, LOG_ERROR, "command line: --%s needs a value (%s)", arg->name,
                       arg->role == ROLE_CONFIG ? "FILE" : arg->spec->metavar);
        return false;
    }
    return false;
}

OptionsAction options_parse_args(Options *options, int argc, char *const argv[], OptionsSink sink)
{
    LongOptions table;
    long_options_build(&table);
    bool list_started[OPTIONS_SETTINGS_MAX] = {0};
    bool ok = true;
    Arg arg;
    for (int i = 1; i < argc; i += arg.used) {
        read_arg(&table, argc, argv, i, &arg);
        if (!check_arg(&arg, sink)) {
            ok = false;
            continue;
        }
        switch (arg.role) {
        case ROLE_HELP:
            return OPTIONS_SHOW_HELP;
        case ROLE_VERSION:
            return OPTIONS_SHOW_VERSION;
        case ROLE_DEFAULT_CONFIG:
            return OPTIONS_SHOW_DEFAULT_CONFIG;
        case ROLE_CONFIG:
            break; /* read by options_init before the rest */
        case ROLE_NEGATION:
            *(bool *)options_field(options, arg.spec) = false;
            break;
        case ROLE_SETTING:
            ok = apply_setting(options, &arg, list_started, sink) && ok;
            break;
        }
    }
    return ok ? OPTIONS_RUN : OPTIONS_USAGE_ERROR;
}

void options_command_line_names(void (*each)(void *user, const char *name), void *user)
{
    LongOptions table;
    long_options_build(&table);
    for (int i = 0; i < table.count; i++) {
        each(user, table.names[i]);
    }
}

/* ---- the start-up sequence --------------------------------------------- */

/* The value of the last --config; *missing is set when --config ends the line without one.
 * As it always was, every argument is looked at, even one that another option takes as its
 * value: "--kiosk-id --config FILE" reads FILE, and "--db --config" no config file at all. */
static const char *find_config_arg(int argc, char *const argv[], bool *missing)
{
    LongOptions table;
    long_options_build(&table);
    const char *config = NULL;
    *missing = false;
    Arg arg;
    for (int i = 1; i < argc; i += arg.role == ROLE_CONFIG ? arg.used : 1) {
        read_arg(&table, argc, argv, i, &arg);
        if (arg.kind == ARG_NO_VALUE && arg.role == ROLE_CONFIG) {
            *missing = true;
            return NULL;
        }
        if (arg.kind == ARG_OPTION && arg.role == ROLE_CONFIG) {
            config = arg.value;
        }
    }
    return config;
}

OptionsAction options_init(Options *options, int argc, char *const argv[],
                           const char *default_config_path, OptionsSink sink)
{
    options_set_defaults(options);
    bool missing = false;
    const char *explicit_config = find_config_arg(argc, argv, &missing);
    const char *path = explicit_config != NULL ? explicit_config : default_config_path;
    if (!missing && path != NULL && path[0] != '\0') {
        if (options_read_config_path(options, path, sink) == OPTIONS_CONFIG_ABSENT) {
            int error = errno;
            if (explicit_config != NULL) {
                options_report(sink, LOG_ERROR, "command line: --config %s: %s", path, strerror(error));
                return OPTIONS_USAGE_ERROR;
            }
            if (error != ENOENT) {
                options_report(sink, LOG_WARN, "%s: %s; using defaults", path, strerror(error));
            }
        }
    }
    /* The command line is parsed even after a bad --config, to report all
     * problems at once; --help still wins. */
    return options_parse_args(options, argc, argv, sink);
}
