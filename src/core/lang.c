/* lang.c — language tags and labels; see lang.h. */
#include "core/lang.h"

#include <stddef.h>

typedef struct LangInfo {
    const char *tag;
    const char *column_suffix;
    const char *switch_label;
} LangInfo;

static const LangInfo LANG_INFO[LANG_COUNT] = {
    [LANG_EN] = {"en", "en", "EN"},
    [LANG_SR_LATN] = {"sr-Latn", "sr_latn", "SR"},
    [LANG_SR_CYRL] = {"sr-Cyrl", "sr_cyrl", "СР"},
};

static const LangInfo *lang_info(Lang lang)
{
    if ((int)lang < 0 || lang >= LANG_COUNT) {
        return NULL;
    }
    return &LANG_INFO[lang];
}

const char *lang_tag(Lang lang)
{
    const LangInfo *info = lang_info(lang);
    return info ? info->tag : "";
}

const char *lang_column_suffix(Lang lang)
{
    const LangInfo *info = lang_info(lang);
    return info ? info->column_suffix : "";
}

const char *lang_switch_label(Lang lang)
{
    const LangInfo *info = lang_info(lang);
    return info ? info->switch_label : "";
}

static char ascii_lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* Compares ignoring ASCII case and treating '-' and '_' alike. */
static bool tag_equal(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char ca = *a == '_' ? '-' : ascii_lower(*a);
        char cb = *b == '_' ? '-' : ascii_lower(*b);
        if (ca != cb) {
            return false;
        }
    }
    return *a == *b;
}

bool lang_parse(const char *tag, Lang *out)
{
    if (!tag) {
        return false;
    }
    for (int i = 0; i < LANG_COUNT; i++) {
        if (tag_equal(tag, LANG_INFO[i].tag)) {
            *out = (Lang)i;
            return true;
        }
    }
    return false;
}
