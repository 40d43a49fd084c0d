/* xlsx_walk.c — one workbook part streamed through expat, and what its handlers share; see
 * xlsx_walk.h. */
#include "workbook/xlsx_walk.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { READ_CHUNK = 64 * 1024 };

void xlsx_walk_problem(XlsxProblem *problem, long row, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    problem->row = row;
    vsnprintf(problem->text, sizeof problem->text, format, args);
    va_end(args);
}

/* ---- growing arrays (texts: core/text_buffer.h) --------------------------------------------------------- */

/* Makes room for one more item of item_size in *items (count used, *capacity allocated). */
bool xlsx_walk_grow(void **items, size_t *capacity, size_t count, size_t item_size)
{
    if (count < *capacity) {
        return true;
    }
    size_t more = *capacity ? *capacity * 2 : 16;
    void *grown = realloc(*items, more * item_size);
    if (!grown) {
        return false;
    }
    *items = grown;
    *capacity = more;
    return true;
}

/* ---- streaming one part through expat ---------------------------------------------------- */

void xlsx_walk_refuse(XlsxWalk *walk, long row, const char *format, ...)
{
    if (walk->refused) {
        return;
    }
    va_list args;
    va_start(args, format);
    walk->problem->row = row;
    vsnprintf(walk->problem->text, sizeof walk->problem->text, format, args);
    va_end(args);
    walk->refused = true;
    XML_StopParser(walk->parser, XML_FALSE);
}

/* The name without its namespace prefix ("x:c" → "c"). */
const char *xlsx_walk_local_name(const char *name)
{
    const char *colon = strrchr(name, ':');
    return colon ? colon + 1 : name;
}

const char *xlsx_walk_attribute(const char **attributes, const char *name)
{
    for (size_t i = 0; attributes[i]; i += 2) {
        if (strcmp(attributes[i], name) == 0) {
            return attributes[i + 1];
        }
    }
    return NULL;
}

/* r:id, whatever the relationships namespace's prefix. */
const char *xlsx_walk_relationship_id(const char **attributes)
{
    for (size_t i = 0; attributes[i]; i += 2) {
        if (strchr(attributes[i], ':') && strcmp(xlsx_walk_local_name(attributes[i]), "id") == 0) {
            return attributes[i + 1];
        }
    }
    return NULL;
}

/* Counts depth for every handler (XML_SetElementHandler wraps these). */
bool xlsx_walk_enter(XlsxWalk *walk)
{
    if (++walk->depth > XLSX_MAX_DEPTH) {
        xlsx_walk_refuse(walk, 0, "%s: elements nested more than %d deep: not a workbook Excel or LibreOffice writes",
                    walk->part, XLSX_MAX_DEPTH);
        return false;
    }
    return true;
}

static void XMLCALL on_doctype(void *user, const XML_Char *name, const XML_Char *system_id, const XML_Char *public_id,
                               int has_internal_subset)
{
    (void)name, (void)system_id, (void)public_id, (void)has_internal_subset;
    XlsxWalk *walk = user;
    xlsx_walk_refuse(walk, 0, "%s: has a DTD (<!DOCTYPE …>), which workbooks never have: refused", walk->part);
}

static void XMLCALL on_entity(void *user, const XML_Char *name, int is_parameter, const XML_Char *value, int length,
                              const XML_Char *base, const XML_Char *system_id, const XML_Char *public_id,
                              const XML_Char *notation)
{
    (void)name, (void)is_parameter, (void)value, (void)length, (void)base, (void)system_id, (void)public_id;
    (void)notation;
    XlsxWalk *walk = user;
    xlsx_walk_refuse(walk, 0, "%s: declares an XML entity, which workbooks never do: refused", walk->part);
}

static const char *zip_problem(zip_error_t *error)
{
    switch (zip_error_code_zip(error)) {
    case ZIP_ER_NOPASSWD:
    case ZIP_ER_WRONGPASSWD:
    case ZIP_ER_ENCRNOTSUPP:
        return "it is protected with a password: save it without one";
    case ZIP_ER_COMPNOTSUPP:
        return "it is compressed in a way Excel and LibreOffice do not use";
    case ZIP_ER_CRC:
    case ZIP_ER_EOF:
    case ZIP_ER_READ:
    case ZIP_ER_ZLIB:
    case ZIP_ER_INCONS:
        return "it is damaged or cut short (copied before it was fully saved?)";
    case ZIP_ER_MEMORY:
        return "out of memory";
    default:
        return zip_error_strerror(error);
    }
}

/* Streams the part named name through expat with the handlers already set on walk->parser.
 * A missing optional part is no problem. Returns false with walk->problem filled in. */
bool xlsx_walk_part(zip_t *zip, const char *name, XlsxWalk *walk, XlsxPartNeed need)
{
    walk->part = name;
    zip_int64_t index = zip_name_locate(zip, name, ZIP_FL_NOCASE);
    if (index < 0) {
        if (need == XLSX_PART_OPTIONAL) {
            return true;
        }
        xlsx_walk_problem(walk->problem, 0, "%s is missing inside the workbook: not a workbook Excel or LibreOffice writes",
                    name);
        return false;
    }
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(zip, (zip_uint64_t)index, 0, &stat) != 0) {
        xlsx_walk_problem(walk->problem, 0, "%s: %s", name, zip_problem(zip_get_error(zip)));
        return false;
    }
    zip_uint64_t compressed = (stat.valid & ZIP_STAT_COMP_SIZE) && stat.comp_size ? stat.comp_size : 1;
    if ((stat.valid & ZIP_STAT_SIZE) && stat.size > XLSX_MAX_PART_BYTES) {
        xlsx_walk_problem(walk->problem, 0, "%s is %llu MiB once unpacked, more than the limit of %d MiB", name,
                    (unsigned long long)(stat.size >> 20), XLSX_MAX_PART_BYTES >> 20);
        return false;
    }
    if ((stat.valid & ZIP_STAT_SIZE) && stat.size > XLSX_RATIO_FLOOR_BYTES && stat.size / compressed > XLSX_MAX_RATIO) {
        xlsx_walk_problem(walk->problem, 0, "%s unpacks to %llu times its packed size, more than the limit of %d: refused",
                    name, (unsigned long long)(stat.size / compressed), XLSX_MAX_RATIO);
        return false;
    }
    zip_file_t *file = zip_fopen_index(zip, (zip_uint64_t)index, 0);
    if (!file) {
        xlsx_walk_problem(walk->problem, 0, "%s: %s", name, zip_problem(zip_get_error(zip)));
        return false;
    }
    char *chunk = malloc(READ_CHUNK);
    bool ok = chunk != NULL;
    if (!ok) {
        xlsx_walk_problem(walk->problem, 0, "out of memory");
    }
    zip_uint64_t total = 0;
    for (;;) {
        zip_int64_t got = ok ? zip_fread(file, chunk, READ_CHUNK) : 0;
        if (got < 0) {
            xlsx_walk_problem(walk->problem, 0, "%s: %s", name, zip_problem(zip_file_get_error(file)));
            ok = false;
        }
        if (!ok) {
            break;
        }
        total += (zip_uint64_t)got;
        /* The sizes in the zip's directory may lie: count what really comes out. */
        if (total > XLSX_MAX_PART_BYTES) {
            xlsx_walk_problem(walk->problem, 0, "%s is more than %d MiB once unpacked, the limit", name,
                        XLSX_MAX_PART_BYTES >> 20);
            ok = false;
        } else if (total > XLSX_RATIO_FLOOR_BYTES && total / compressed > XLSX_MAX_RATIO) {
            xlsx_walk_problem(walk->problem, 0, "%s unpacks to more than %d times its packed size, the limit: refused",
                        name, XLSX_MAX_RATIO);
            ok = false;
        } else if (XML_Parse(walk->parser, chunk, (int)got, got == 0) == XML_STATUS_ERROR) {
            if (!walk->refused) {
                xlsx_walk_problem(walk->problem, 0, "%s: XML error at line %lu: %s (damaged, or not a workbook)", name,
                            (unsigned long)XML_GetCurrentLineNumber(walk->parser),
                            XML_ErrorString(XML_GetErrorCode(walk->parser)));
            }
            ok = false;
        } else if (walk->refused) {
            ok = false;
        }
        if (!ok || got == 0) {
            break;
        }
    }
    free(chunk);
    zip_fclose(file);
    return ok;
}

/* A parser for one part, with the walk as user data and DTDs and entities refused. */
bool xlsx_walk_create(XlsxWalk *walk, XlsxProblem *problem, XML_StartElementHandler start, XML_EndElementHandler end,
                       XML_CharacterDataHandler text)
{
    *walk = (XlsxWalk){.parser = XML_ParserCreate("UTF-8"), .problem = problem};
    if (!walk->parser) {
        xlsx_walk_problem(problem, 0, "out of memory");
        return false;
    }
    XML_SetUserData(walk->parser, walk);
    XML_SetElementHandler(walk->parser, start, end);
    XML_SetCharacterDataHandler(walk->parser, text);
    XML_SetStartDoctypeDeclHandler(walk->parser, on_doctype);
    XML_SetEntityDeclHandler(walk->parser, on_entity);
    XML_SetParamEntityParsing(walk->parser, XML_PARAM_ENTITY_PARSING_NEVER);
    return true;
}

void xlsx_walk_destroy(XlsxWalk *walk)
{
    if (walk->parser) {
        XML_ParserFree(walk->parser);
        walk->parser = NULL;
    }
}

void XMLCALL xlsx_walk_on_end(void *user, const XML_Char *name)
{
    (void)name;
    ((XlsxWalk *)user)->depth--;
}

/* ---- rich and plain strings (<si> of sharedStrings, <is> of a cell) ------------------------ */

void xlsx_walk_item_start(XlsxStringItem *item, const char *local, int depth, bool opens_item)
{
    if (opens_item) {
        item->item_depth = depth;
    } else if (item->item_depth && strcmp(local, "rPh") == 0 && !item->phonetic_depth) {
        item->phonetic_depth = depth;
    } else if (item->item_depth && !item->phonetic_depth && strcmp(local, "t") == 0) {
        item->text_depth = depth;
    }
}

/* True when the element ending at depth closes the string item. */
bool xlsx_walk_item_end(XlsxStringItem *item, int depth)
{
    if (item->text_depth == depth) {
        item->text_depth = 0;
    } else if (item->phonetic_depth == depth) {
        item->phonetic_depth = 0;
    } else if (item->item_depth == depth) {
        item->item_depth = 0;
        return true;
    }
    return false;
}

