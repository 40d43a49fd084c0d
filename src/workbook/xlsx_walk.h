/* xlsx_walk.h — inside the workbook reader (not for other folders): streaming one part of the
 * zip through expat with DTDs and entities refused (xlsx_walk_part), the depth and refusal
 * every part's handlers share (XlsxWalk), the growing texts and arrays they fill, and the text
 * of a string item (<si> or <is>, rich runs joined, phonetic runs left out). Used by
 * xlsx_read.c (the book's parts) and xlsx_sheet.c (one sheet). */
#ifndef FACTS_WORKBOOK_XLSX_WALK_H
#define FACTS_WORKBOOK_XLSX_WALK_H

#include "workbook/xlsx_limits.h"

#include <expat.h>

#include <stdbool.h>
#include <stddef.h>
#include <zip.h>

/* A text that grows up to limit bytes (then full is set and the rest is dropped). */
/* What every part's parse shares; the first member of each handler context. */
typedef struct XlsxWalk {
    XML_Parser parser;
    int depth;
    XlsxProblem *problem;
    bool refused;               /* a handler stopped the parse and filled in problem */
    const char *part;
} XlsxWalk;

/* Collects the text of <t> elements inside a string item, leaving out phonetic runs (<rPh>). */
typedef struct XlsxStringItem {
    int item_depth;             /* depth of <si>/<is>, 0 outside one */
    int phonetic_depth;         /* depth of <rPh>, 0 outside one */
    int text_depth;             /* depth of the <t> being collected, 0 when none */
} XlsxStringItem;

typedef enum XlsxPartNeed { XLSX_PART_OPTIONAL, XLSX_PART_REQUIRED } XlsxPartNeed;

/* Fills problem (its row and a printf-style text). */
void xlsx_walk_problem(XlsxProblem *problem, long row, const char *format, ...) __attribute__((format(printf, 3, 4)));

/* Makes room for one more item of item_size in *items (count used, *capacity allocated,
 * doubling). False when out of memory (*items unchanged). */
bool xlsx_walk_grow(void **items, size_t *capacity, size_t count, size_t item_size);

/* Makes walk->parser, with walk as its user data, the handlers given and DTDs and entity
 * declarations refused; false (problem filled in) when out of memory. Free the parser with
 * xlsx_walk_destroy(). Handler contexts start with their XlsxWalk. */
bool xlsx_walk_create(XlsxWalk *walk, XlsxProblem *problem, XML_StartElementHandler start, XML_EndElementHandler end,
                      XML_CharacterDataHandler text);
void xlsx_walk_destroy(XlsxWalk *walk);

/* Streams the part named name of zip through walk's parser, 64 KiB at a time, within the
 * part size and ratio limits (the declared size and the bytes inflated). A missing optional
 * part is no problem. False with walk->problem filled in. */
bool xlsx_walk_part(zip_t *zip, const char *name, XlsxWalk *walk, XlsxPartNeed need);

/* Stops the parse with problem (row, text); later calls keep the first problem. */
void xlsx_walk_refuse(XlsxWalk *walk, long row, const char *format, ...) __attribute__((format(printf, 3, 4)));

/* Counts one element deeper; false (parse refused) beyond XLSX_MAX_DEPTH. Each start handler
 * calls it first; xlsx_walk_on_end is the end handler of walks that need nothing more. */
bool xlsx_walk_enter(XlsxWalk *walk);
void XMLCALL xlsx_walk_on_end(void *user, const XML_Char *name);

/* An element's name without its namespace prefix ("x:c" → "c"); an attribute's value or NULL;
 * r:id whatever the relationships namespace's prefix. */
const char *xlsx_walk_local_name(const char *name);
const char *xlsx_walk_attribute(const char **attributes, const char *name);
const char *xlsx_walk_relationship_id(const char **attributes);

/* Feeds an element start (local name, depth; opens_item for <si>/<is>) and end to item;
 * item->text_depth is non-zero while the text seen belongs to the item. xlsx_walk_item_end()
 * is true when the element ending closes the item. */
void xlsx_walk_item_start(XlsxStringItem *item, const char *local, int depth, bool opens_item);
bool xlsx_walk_item_end(XlsxStringItem *item, int depth);

#endif
