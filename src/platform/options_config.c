/* options_config.c — the config file (/etc/facts-kiosk/kiosk.conf): INI
 * text parsed by inih, each key looked up in the settings table and its
 * value read as the table says. Nothing in a file stops the kiosk: each
 * problem is reported with file and line and skipped. Start with
 * options_read_config(); options_read_config_path() is how options_init()
 * opens the file without ever blocking on it. */
#define _POSIX_C_SOURCE 200809L
#include "platform/options_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <ini.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
    bool list_started[OPTIONS_SETTINGS_MAX];
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
    char where[OPTIONS_MESSAGE_MAX];
    snprintf(where, sizeof where, "%s:%d: ", reader->name, reader->line);
    va_list args;
    va_start(args, fmt);
    options_vreport(reader->sink, LOG_WARN, where, fmt, args);
    va_end(args);
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
    char why[OPTIONS_WHY_MAX] = {0};
    size_t index = options_index(spec);
    void *field = options_field(reader->options, spec);
    if (spec->type == OPTION_LIST) {
        /* The file's first line for a list replaces the default list. */
        if (!reader->list_started[index]) {
            reader->list_started[index] = true;
            ((OptionsPathList *)field)->count = 0;
        }
        if (value[0] != '\0' && !options_parse_value(spec, value, field, why, sizeof why)) {
            config_problem(reader, "key \"%s\": \"%.*s\" %s; ignored", spec->name,
                           OPTIONS_QUOTED_VALUE_MAX, value, why);
        }
        return;
    }
    if (!options_parse_value(spec, value, field, why, sizeof why)) {
        char unused[OPTIONS_WHY_MAX] = {0};
        if (spec->bad_means != NULL && options_parse_path(spec, value, field, unused, sizeof unused)) {
            /* Kept as given: the app sees it is bad and turns the feature off. */
            config_problem(reader, "key \"%s\": \"%.*s\" %s; %s", spec->name, OPTIONS_QUOTED_VALUE_MAX,
                           value, why, spec->bad_means);
            return;
        }
        char fallback[OPTIONS_WHY_MAX] = {0};
        options_default_text(spec, fallback, sizeof fallback);
        options_set_default(reader->options, spec);
        config_problem(reader, "key \"%s\": \"%.*s\" %s; using the default \"%s\"", spec->name,
                       OPTIONS_QUOTED_VALUE_MAX, value, why, fallback);
    }
}

static int config_on_key(void *user, const char *section, const char *name, const char *value)
{
    ConfigReader *reader = user;
    const OptionSpec *spec = options_find(name);
    if (spec != NULL && !options_same_name(spec->name, name)) {
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
        options_report(sink, LOG_WARN, "%s: out of memory; not read, using the defaults", name);
        return 1;
    }
    size_t length = fread(text, 1, (size_t)OPTIONS_CONFIG_MAX_BYTES + 1, file);
    bool read_failed = ferror(file) != 0;
    if (length > (size_t)OPTIONS_CONFIG_MAX_BYTES) {
        options_report(sink, LOG_WARN, "%s: longer than the %d bytes a config file may have; not read, "
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
        options_report(sink, LOG_WARN,
                       "%s: read error after %zu bytes; settings after this point were not read", name,
                       length);
    }
    if (reader.problems > OPTIONS_CONFIG_WARNINGS_SHOWN) {
        options_report(sink, LOG_WARN, "%s: ... %d more problems not shown", name,
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

/* Opens path without blocking (a FIFO must not stall the start), checks the
 * open file itself (no window between a check and the open) and reads it if
 * it is a regular file of at most OPTIONS_CONFIG_MAX_BYTES. Symbolic links
 * are followed: a config file is the administrator's, and linking it from a
 * writable partition is a normal setup. */
OptionsConfigOpen options_read_config_path(Options *options, const char *path, OptionsSink sink)
{
    OptionsConfigOpen outcome = OPTIONS_CONFIG_REFUSED;
    FILE *file = NULL;
    struct stat info = {0};
    int flags = 0;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        return OPTIONS_CONFIG_ABSENT;
    }
    if (fstat(fd, &info) != 0) {
        options_report(sink, LOG_WARN, "%s: %s; using the defaults", path, strerror(errno));
        goto done;
    }
    if (!S_ISREG(info.st_mode)) {
        options_report(sink, LOG_WARN, "%s: %s, not a config file; not read, using the defaults", path,
                       file_kind(info.st_mode));
        goto done;
    }
    if (info.st_size > OPTIONS_CONFIG_MAX_BYTES) {
        options_report(sink, LOG_WARN, "%s: %jd bytes, more than the %d a config file may have; not "
                       "read, using the defaults", path, (intmax_t)info.st_size, OPTIONS_CONFIG_MAX_BYTES);
        goto done;
    }
    flags = fcntl(fd, F_GETFL);
    if (flags == -1 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) == -1 ||
        (file = fdopen(fd, "r")) == NULL) {
        options_report(sink, LOG_WARN, "%s: %s; using the defaults", path, strerror(errno));
        goto done;
    }
    fd = -1; /* the stream owns it now */
    options_read_config(options, file, path, sink);
    snprintf(options->config_path, sizeof options->config_path, "%s", path);
    outcome = OPTIONS_CONFIG_READ;
done:
    if (file != NULL) {
        fclose(file);
    }
    if (fd >= 0) {
        close(fd);
    }
    return outcome;
}
