/* id_list.h — a list of ids in one text, separated by commas ("example-brand, member-2"): the
 * form of a column that names several rows of another table (stories.members). No
 * allocation; the ids are spans of the text. */
#ifndef FACTS_CORE_ID_LIST_H
#define FACTS_CORE_ID_LIST_H

#include <stdbool.h>
#include <stddef.h>

/* The next id of the list: *cursor starts at the text (NULL: an empty list); each call sets
 * id and length to one id (spaces and tabs around it skipped, empty items between commas
 * too), moves *cursor on and returns true; false after the last. */
bool id_list_next(const char **cursor, const char **id, size_t *length);

/* True when the list text holds id (compared whole, as written). */
bool id_list_has(const char *text, const char *id);

#endif
