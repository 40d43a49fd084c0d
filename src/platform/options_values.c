/* options_values.c — the six types of value a setting can take (options.h:
 * OptionType), each with its parser, its comparison and the sentences that
 * say what a valid value looks like ("is not a number from 1 to 60" in a
 * message, "A whole number from 1 to 60." in --help). The TYPE_OPS dispatch
 * table picks them by type; the config file, the command line and the
 * defaults all parse through options_parse_value(). */
#define _POSIX_C_SOURCE 200809L
#include "platform/options_internal.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
    char list[OPTIONS_WHY_MAX] = {0};
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
                 OPTIONS_SIZE_SIDE_MIN, OPTIONS_SIZE_SIDE_MAX);
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
    if (!options_enum_parse(spec->choices, text, &v)) {
        why_not(spec, why, why_size);
        return false;
    }
    *(int *)field = v;
    return true;
}

bool options_parse_path(const OptionSpec *spec, const char *text, char *out, char *why,
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
    if (!options_parse_path(spec, text, value, why, why_size)) {
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
    if (!options_parse_path(spec, text, list->paths[list->count], why, why_size)) {
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
        !parse_int(x + 1, &height) || width < OPTIONS_SIZE_SIDE_MIN || width > OPTIONS_SIZE_SIDE_MAX ||
        height < OPTIONS_SIZE_SIDE_MIN || height > OPTIONS_SIZE_SIDE_MAX) {
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

bool options_parse_value(const OptionSpec *spec, const char *text, void *field, char *why,
                         size_t why_size)
{
    return TYPE_OPS[spec->type].parse(spec, text, field, why, why_size);
}

bool options_value_equal(const OptionSpec *spec, const void *a, const void *b)
{
    return TYPE_OPS[spec->type].equal(a, b);
}

void options_describe_values(const OptionSpec *spec, char *out, size_t out_size)
{
    char list[OPTIONS_WHY_MAX] = {0};
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
                 OPTIONS_SIZE_SIDE_MIN, OPTIONS_SIZE_SIDE_MAX);
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
