/* options_help.c — the texts written from the settings table: --help and
 * the documented default config file (--print-default-config, shipped as
 * toolchain/packaging/kiosk.conf; a test keeps the two identical, so a
 * change here or in the table means regenerating that file). */
#define _POSIX_C_SOURCE 200809L
#include "platform/options_internal.h"

#include <string.h>

enum { WRAP_WIDTH = 78 };

/* The config file's sections, in the order the default config lists them. */
static const char *const SECTION_ORDER[] = {"kiosk", "display", "schedule", "content", "update", "status", "leads", "log", "staff"};

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

static void write_help_entry(FILE *out, const OptionSpec *spec)
{
    char usage[OPTIONS_NAME_MAX * 2] = {0};
    int n = snprintf(usage, sizeof usage, "--%s%s%s", spec->flag != NULL ? spec->flag : spec->name,
                     spec->metavar != NULL ? " " : "",
                     spec->metavar != NULL ? spec->metavar : "");
    if (spec->type == OPTION_FLAG) {
        const char *flag = spec->flag != NULL ? spec->flag : spec->name;
        n = snprintf(usage, sizeof usage, "--%s, --no-%s", flag, flag);
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

    char values[OPTIONS_WHY_MAX] = {0};
    char defaults[OPTIONS_WHY_MAX] = {0};
    char text[OPTIONS_MESSAGE_MAX] = {0};
    options_describe_values(spec, values, sizeof values);
    options_default_text(spec, defaults, sizeof defaults);
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
    size_t count = 0;
    const OptionSpec *table = options_table(&count);
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
    for (size_t i = 0; i < count; i++) {
        write_help_entry(out, &table[i]);
    }
}

static void write_config_entry(FILE *out, const OptionSpec *spec)
{
    char values[OPTIONS_WHY_MAX] = {0};
    fprintf(out, "\n");
    write_wrapped(out, "# ", spec->help);
    options_describe_values(spec, values, sizeof values);
    if (values[0] != '\0') {
        write_wrapped(out, "# ", values);
    }
    for (const char *const *value = spec->defaults; *value != NULL; value++) {
        fprintf(out, "%s =%s%s\n", spec->name, (*value)[0] != '\0' ? " " : "", *value);
    }
}

bool options_write_default_config(FILE *out)
{
    size_t count = 0;
    const OptionSpec *table = options_table(&count);
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
        for (size_t i = 0; i < count; i++) {
            if (table[i].section != NULL && strcmp(table[i].section, SECTION_ORDER[s]) == 0) {
                write_config_entry(out, &table[i]);
            }
        }
    }
    return fflush(out) == 0 && !ferror(out);
}
