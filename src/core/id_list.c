/* id_list.c — ids separated by commas; see id_list.h. */
#include "core/id_list.h"

#include <string.h>

bool id_list_next(const char **cursor, const char **id, size_t *length)
{
    const char *s = *cursor ? *cursor : "";
    while (*s == ',' || *s == ' ' || *s == '\t') {
        s++;
    }
    if (!*s) {
        *cursor = s;
        return false;
    }
    const char *end = s;
    while (*end && *end != ',') {
        end++;
    }
    size_t n = (size_t)(end - s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t')) {
        n--;
    }
    *id = s;
    *length = n;
    *cursor = end;
    return true;
}

bool id_list_has(const char *text, const char *id)
{
    const char *cursor = text, *item = NULL;
    size_t length = 0;
    size_t wanted = strlen(id);
    while (id_list_next(&cursor, &item, &length)) {
        if (length == wanted && strncmp(item, id, length) == 0) {
            return true;
        }
    }
    return false;
}
