/* options_internal.h — what options.c and the four options_*.c files share
 * and nothing else includes: the fields behind a row of the table, the
 * per-type values (parse, compare, describe), message sending and the config
 * file's reader for options_init(). options.h is the public side.
 *
 *   options.c         the settings table, defaults, lookup by name, messages
 *   options_values.c  one type of value each: parse, compare, describe
 *   options_config.c  the INI config file (inih)
 *   options_cli.c     the command line (getopt_long) and options_init()
 *   options_help.c    --help and the default config file */
#ifndef FACTS_PLATFORM_OPTIONS_INTERNAL_H
#define FACTS_PLATFORM_OPTIONS_INTERNAL_H

#include <stdarg.h>

#include "platform/options.h"

enum {
    OPTIONS_SETTINGS_MAX = 64,  /* rows the table may have (it holds fewer) */
    OPTIONS_SIZE_SIDE_MIN = 64, /* an OPTION_SIZE side, in pixels */
    OPTIONS_SIZE_SIDE_MAX = 16384,
    OPTIONS_MESSAGE_MAX = 2 * OPTIONS_PATH_MAX,
    OPTIONS_WHY_MAX = 512,
    OPTIONS_NAME_MAX = 64,          /* longest name read from a command line, plus its NUL */
    OPTIONS_QUOTED_VALUE_MAX = 200, /* longest value quoted back in a message */
};

/* ---- options.c ---- */

/* The row's index in the table, 0 <= index < OPTIONS_SETTINGS_MAX. */
size_t options_index(const OptionSpec *spec);

/* Where spec's value lives in options. */
void *options_field(Options *options, const OptionSpec *spec);

/* True when a and b are the same name, '-' and '_' counting as one. */
bool options_same_name(const char *a, const char *b);

/* Reads an OPTION_ENUM value: one of choices' names, any case. */
bool options_enum_parse(const OptionEnum *choices, const char *text, int *value);

/* Puts spec's default back (a list gets its whole default list). */
void options_set_default(Options *options, const OptionSpec *spec);

/* The default as it would be written in the file ("a, b" for a list). */
void options_default_text(const OptionSpec *spec, char *out, size_t out_size);

/* Sends one formatted message to sink; nothing when sink.fn is NULL. */
void options_report(OptionsSink sink, LogLevel level, const char *fmt, ...) LOG_PRINTF(3, 4);

/* The same from a va_list, after prefix ("kiosk.conf:3: "). */
void options_vreport(OptionsSink sink, LogLevel level, const char *prefix, const char *fmt, va_list args)
    LOG_PRINTF(4, 0);

/* ---- options_values.c ---- */

/* Reads text as spec's type into field (a list gets one more value). On
 * failure field is unchanged (a list may be) and why says "is not ...". */
bool options_parse_value(const OptionSpec *spec, const char *text, void *field, char *why,
                         size_t why_size);

/* The path-like checks alone (length, control characters, OPTION_NONEMPTY),
 * copying text into out (OPTIONS_PATH_MAX bytes) when it passes. */
bool options_parse_path(const OptionSpec *spec, const char *text, char *out, char *why,
                        size_t why_size);

/* True when the values of spec's type at a and b are the same. */
bool options_value_equal(const OptionSpec *spec, const void *a, const void *b);

/* One sentence on the accepted values ("A whole number from 1 to 60."), or
 * "" for a plain string: for --help and the default config file. */
void options_describe_values(const OptionSpec *spec, char *out, size_t out_size);

/* ---- options_config.c ---- */

typedef enum OptionsConfigOpen {
    OPTIONS_CONFIG_READ = 0,   /* read (problems inside it were reported) */
    OPTIONS_CONFIG_ABSENT,     /* could not be opened: errno says why */
    OPTIONS_CONFIG_REFUSED,    /* opened but not read (reported): defaults */
} OptionsConfigOpen;

/* Reads the config file at path over options, refusing anything but a
 * regular file of at most OPTIONS_CONFIG_MAX_BYTES (see options_init). */
OptionsConfigOpen options_read_config_path(Options *options, const char *path, OptionsSink sink);

#endif
