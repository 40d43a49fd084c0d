/* xlsx_read.c — an .xlsx workbook's sheets as grids of texts; see xlsx_read.h.
 * Reading order: xlsx_book_open() → check_entries() → the package's parts, each streamed
 * through expat by parse_part(): _rels/.rels (where the workbook is) → the workbook (sheet
 * names, date system) → its rels (where each sheet, the styles and the shared strings are) →
 * styles → shared strings. xlsx_sheet_load() then streams one sheet (on_sheet_*). */
#define _POSIX_C_SOURCE 200809L
#include "workbook/xlsx_read.h"

#include "workbook/xlsx_text.h"

#include <errno.h>
#include <expat.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zip.h>

enum {
    READ_CHUNK = 64 * 1024,
    MAX_PART_NAME = 512,
    MAX_SHEET_NAME = 256,
    MAX_ROW_NUMBER = 1048576, /* Excel's last row */
    SNIFF_BYTES = 8,
};

static void problem_set(XlsxProblem *problem, long row, const char *format, ...) __attribute__((format(printf, 3, 4)));

static void problem_set(XlsxProblem *problem, long row, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    problem->row = row;
    vsnprintf(problem->text, sizeof problem->text, format, args);
    va_end(args);
}

/* ---- growing texts and arrays --------------------------------------------------------- */

/* A text that grows up to limit bytes (then full is set and the rest is dropped). */
typedef struct Text {
    char *bytes;
    size_t length;
    size_t capacity;
    size_t limit;
    bool full;
    bool failed; /* out of memory */
} Text;

static void text_add(Text *text, const char *bytes, size_t length)
{
    if (text->full || text->failed) {
        return;
    }
    if (text->length + length > text->limit) {
        text->full = true;
        return;
    }
    if (text->length + length + 1 > text->capacity) {
        size_t capacity = text->capacity ? text->capacity : 64;
        while (capacity < text->length + length + 1) {
            capacity *= 2;
        }
        char *grown = realloc(text->bytes, capacity);
        if (!grown) {
            text->failed = true;
            return;
        }
        text->bytes = grown;
        text->capacity = capacity;
    }
    memcpy(text->bytes + text->length, bytes, length);
    text->length += length;
    text->bytes[text->length] = '\0';
}

static void text_clear(Text *text)
{
    text->length = 0;
    text->full = false;
    if (text->bytes) {
        text->bytes[0] = '\0';
    }
}

static const char *text_get(const Text *text)
{
    return text->bytes ? text->bytes : "";
}

/* Makes room for one more item of item_size in *items (count used, *capacity allocated). */
static bool grow(void **items, size_t *capacity, size_t count, size_t item_size)
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

/* ---- the book -------------------------------------------------------------------------- */

typedef struct Sheet {
    char name[MAX_SHEET_NAME];
    char part[MAX_PART_NAME];   /* its XML inside the zip; "" when its rel is missing */
    char rel_id[64];
} Sheet;

struct XlsxBook {
    zip_t *zip;
    bool date1904;
    Sheet *sheets;
    size_t sheet_count;
    size_t sheet_capacity;
    bool *date_styles;          /* per cellXfs index: its number format shows a date */
    size_t style_count;
    char *strings;              /* the shared strings, each NUL-terminated, one after another */
    size_t *string_offsets;
    size_t string_count;
    size_t string_capacity;
};

/* ---- streaming one part through expat ---------------------------------------------------- */

/* What every part's parse shares; the first member of each handler context. */
typedef struct Walk {
    XML_Parser parser;
    int depth;
    XlsxProblem *problem;
    bool refused;               /* a handler stopped the parse and filled in problem */
    const char *part;
} Walk;

static void walk_refuse(Walk *walk, long row, const char *format, ...) __attribute__((format(printf, 3, 4)));

static void walk_refuse(Walk *walk, long row, const char *format, ...)
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
static const char *local_name(const char *name)
{
    const char *colon = strrchr(name, ':');
    return colon ? colon + 1 : name;
}

static const char *attribute(const char **attributes, const char *name)
{
    for (size_t i = 0; attributes[i]; i += 2) {
        if (strcmp(attributes[i], name) == 0) {
            return attributes[i + 1];
        }
    }
    return NULL;
}

/* r:id, whatever the relationships namespace's prefix. */
static const char *relationship_id(const char **attributes)
{
    for (size_t i = 0; attributes[i]; i += 2) {
        if (strchr(attributes[i], ':') && strcmp(local_name(attributes[i]), "id") == 0) {
            return attributes[i + 1];
        }
    }
    return NULL;
}

/* Counts depth for every handler (XML_SetElementHandler wraps these). */
static bool walk_enter(Walk *walk)
{
    if (++walk->depth > XLSX_MAX_DEPTH) {
        walk_refuse(walk, 0, "%s: elements nested more than %d deep: not a workbook Excel or LibreOffice writes",
                    walk->part, XLSX_MAX_DEPTH);
        return false;
    }
    return true;
}

static void XMLCALL on_doctype(void *user, const XML_Char *name, const XML_Char *system_id, const XML_Char *public_id,
                               int has_internal_subset)
{
    (void)name, (void)system_id, (void)public_id, (void)has_internal_subset;
    Walk *walk = user;
    walk_refuse(walk, 0, "%s: has a DTD (<!DOCTYPE …>), which workbooks never have: refused", walk->part);
}

static void XMLCALL on_entity(void *user, const XML_Char *name, int is_parameter, const XML_Char *value, int length,
                              const XML_Char *base, const XML_Char *system_id, const XML_Char *public_id,
                              const XML_Char *notation)
{
    (void)name, (void)is_parameter, (void)value, (void)length, (void)base, (void)system_id, (void)public_id;
    (void)notation;
    Walk *walk = user;
    walk_refuse(walk, 0, "%s: declares an XML entity, which workbooks never do: refused", walk->part);
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

typedef enum PartNeed { PART_OPTIONAL, PART_REQUIRED } PartNeed;

/* Streams the part named name through expat with the handlers already set on walk->parser.
 * A missing optional part is no problem. Returns false with walk->problem filled in. */
static bool parse_part(XlsxBook *book, const char *name, Walk *walk, PartNeed need)
{
    walk->part = name;
    zip_int64_t index = zip_name_locate(book->zip, name, ZIP_FL_NOCASE);
    if (index < 0) {
        if (need == PART_OPTIONAL) {
            return true;
        }
        problem_set(walk->problem, 0, "%s is missing inside the workbook: not a workbook Excel or LibreOffice writes",
                    name);
        return false;
    }
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(book->zip, (zip_uint64_t)index, 0, &stat) != 0) {
        problem_set(walk->problem, 0, "%s: %s", name, zip_problem(zip_get_error(book->zip)));
        return false;
    }
    zip_uint64_t compressed = (stat.valid & ZIP_STAT_COMP_SIZE) && stat.comp_size ? stat.comp_size : 1;
    if ((stat.valid & ZIP_STAT_SIZE) && stat.size > XLSX_MAX_PART_BYTES) {
        problem_set(walk->problem, 0, "%s is %llu MiB once unpacked, more than the limit of %d MiB", name,
                    (unsigned long long)(stat.size >> 20), XLSX_MAX_PART_BYTES >> 20);
        return false;
    }
    if ((stat.valid & ZIP_STAT_SIZE) && stat.size > XLSX_RATIO_FLOOR_BYTES && stat.size / compressed > XLSX_MAX_RATIO) {
        problem_set(walk->problem, 0, "%s unpacks to %llu times its packed size, more than the limit of %d: refused",
                    name, (unsigned long long)(stat.size / compressed), XLSX_MAX_RATIO);
        return false;
    }
    zip_file_t *file = zip_fopen_index(book->zip, (zip_uint64_t)index, 0);
    if (!file) {
        problem_set(walk->problem, 0, "%s: %s", name, zip_problem(zip_get_error(book->zip)));
        return false;
    }
    char *chunk = malloc(READ_CHUNK);
    bool ok = chunk != NULL;
    if (!ok) {
        problem_set(walk->problem, 0, "out of memory");
    }
    zip_uint64_t total = 0;
    for (;;) {
        zip_int64_t got = ok ? zip_fread(file, chunk, READ_CHUNK) : 0;
        if (got < 0) {
            problem_set(walk->problem, 0, "%s: %s", name, zip_problem(zip_file_get_error(file)));
            ok = false;
        }
        if (!ok) {
            break;
        }
        total += (zip_uint64_t)got;
        /* The sizes in the zip's directory may lie: count what really comes out. */
        if (total > XLSX_MAX_PART_BYTES) {
            problem_set(walk->problem, 0, "%s is more than %d MiB once unpacked, the limit", name,
                        XLSX_MAX_PART_BYTES >> 20);
            ok = false;
        } else if (total > XLSX_RATIO_FLOOR_BYTES && total / compressed > XLSX_MAX_RATIO) {
            problem_set(walk->problem, 0, "%s unpacks to more than %d times its packed size, the limit: refused",
                        name, XLSX_MAX_RATIO);
            ok = false;
        } else if (XML_Parse(walk->parser, chunk, (int)got, got == 0) == XML_STATUS_ERROR) {
            if (!walk->refused) {
                problem_set(walk->problem, 0, "%s: XML error at line %lu: %s (damaged, or not a workbook)", name,
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
static bool walk_begin(Walk *walk, XlsxProblem *problem, XML_StartElementHandler start, XML_EndElementHandler end,
                       XML_CharacterDataHandler text)
{
    *walk = (Walk){.parser = XML_ParserCreate("UTF-8"), .problem = problem};
    if (!walk->parser) {
        problem_set(problem, 0, "out of memory");
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

static void walk_end(Walk *walk)
{
    if (walk->parser) {
        XML_ParserFree(walk->parser);
        walk->parser = NULL;
    }
}

/* ---- part names ---------------------------------------------------------------------------- */

/* A part name used inside the zip: no "..", no drive or scheme, no backslash, no empty step. */
static bool safe_part_name(const char *name)
{
    if (!name[0] || name[0] == '/' || strchr(name, '\\') || strchr(name, ':') || strstr(name, "//")) {
        return false;
    }
    for (const char *step = name; step;) {
        const char *slash = strchr(step, '/');
        size_t length = slash ? (size_t)(slash - step) : strlen(step);
        if (length == 2 && step[0] == '.' && step[1] == '.') {
            return false;
        }
        step = slash ? slash + 1 : NULL;
    }
    return true;
}

/* A relationship's target, relative to the folder of its source part (base, "" or "xl/") or
 * from the package root when it starts with '/', as the zip entry name it names. */
static bool resolve_target(const char *base, const char *target, char *out, size_t size)
{
    int written = target[0] == '/' ? snprintf(out, size, "%s", target + 1) : snprintf(out, size, "%s%s", base, target);
    return written > 0 && (size_t)written < size && safe_part_name(out);
}

/* ---- _rels/.rels and the workbook's rels ------------------------------------------------- */

typedef struct RelsWalk {
    Walk walk;
    const char *base;           /* folder of the part the rels belong to */
    XlsxBook *book;
    char office_document[MAX_PART_NAME];
    char styles[MAX_PART_NAME];
    char shared_strings[MAX_PART_NAME];
} RelsWalk;

static bool type_is(const char *type, const char *kind)
{
    const char *slash = type ? strrchr(type, '/') : NULL;
    return slash && strcmp(slash + 1, kind) == 0;
}

static void XMLCALL on_rels_start(void *user, const XML_Char *name, const XML_Char **attributes)
{
    RelsWalk *rels = user;
    if (!walk_enter(&rels->walk) || strcmp(local_name(name), "Relationship") != 0) {
        return;
    }
    const char *id = attribute(attributes, "Id");
    const char *type = attribute(attributes, "Type");
    const char *target = attribute(attributes, "Target");
    const char *mode = attribute(attributes, "TargetMode");
    if (!id || !target || (mode && strcmp(mode, "External") == 0)) {
        return;
    }
    char resolved[MAX_PART_NAME];
    bool safe = resolve_target(rels->base, target, resolved, sizeof resolved);
    char *slot = type_is(type, "officeDocument") ? rels->office_document
                 : type_is(type, "styles")       ? rels->styles
                 : type_is(type, "sharedStrings") ? rels->shared_strings
                                                  : NULL;
    Sheet *sheet = NULL;
    for (size_t s = 0; rels->book && s < rels->book->sheet_count && !slot; s++) {
        if (strcmp(rels->book->sheets[s].rel_id, id) == 0) {
            sheet = &rels->book->sheets[s];
        }
    }
    if ((slot || sheet) && !safe) {
        walk_refuse(&rels->walk, 0, "%s: points to the part \"%.200s\", which is outside the workbook or not a "
                    "plain name: refused", rels->walk.part, target);
        return;
    }
    if (slot) {
        snprintf(slot, MAX_PART_NAME, "%s", resolved);
    } else if (sheet) {
        snprintf(sheet->part, sizeof sheet->part, "%s", resolved);
    }
}

static void XMLCALL on_walk_end(void *user, const XML_Char *name)
{
    (void)name;
    ((Walk *)user)->depth--;
}

static bool read_rels(XlsxBook *book, const char *part, const char *base, RelsWalk *rels, XlsxProblem *problem)
{
    *rels = (RelsWalk){.base = base, .book = book};
    if (!walk_begin(&rels->walk, problem, on_rels_start, on_walk_end, NULL)) {
        return false;
    }
    bool ok = parse_part(book, part, &rels->walk, PART_OPTIONAL);
    walk_end(&rels->walk);
    return ok;
}

/* ---- the workbook part --------------------------------------------------------------------- */

typedef struct WorkbookWalk {
    Walk walk;
    XlsxBook *book;
} WorkbookWalk;

static void XMLCALL on_workbook_start(void *user, const XML_Char *name, const XML_Char **attributes)
{
    WorkbookWalk *workbook = user;
    Walk *walk = &workbook->walk;
    XlsxBook *book = workbook->book;
    if (!walk_enter(walk)) {
        return;
    }
    const char *local = local_name(name);
    if (strcmp(local, "workbookPr") == 0) {
        const char *date1904 = attribute(attributes, "date1904");
        book->date1904 = date1904 && (strcmp(date1904, "1") == 0 || strcmp(date1904, "true") == 0);
    } else if (strcmp(local, "sheet") == 0) {
        const char *sheet_name = attribute(attributes, "name");
        const char *id = relationship_id(attributes);
        if (!sheet_name || !id) {
            walk_refuse(walk, 0, "%s: a sheet without a name or a part", walk->part);
            return;
        }
        if (book->sheet_count >= XLSX_MAX_SHEETS) {
            walk_refuse(walk, 0, "the workbook has more than %d sheets, the limit", XLSX_MAX_SHEETS);
            return;
        }
        if (!grow((void **)&book->sheets, &book->sheet_capacity, book->sheet_count, sizeof *book->sheets)) {
            walk_refuse(walk, 0, "out of memory");
            return;
        }
        Sheet *sheet = &book->sheets[book->sheet_count++];
        *sheet = (Sheet){0};
        snprintf(sheet->name, sizeof sheet->name, "%s", sheet_name);
        snprintf(sheet->rel_id, sizeof sheet->rel_id, "%s", id);
    }
}

/* ---- styles: which cell formats show dates ---------------------------------------------------- */

typedef struct StylesWalk {
    Walk walk;
    XlsxBook *book;
    long *custom_ids;           /* numFmts that show dates */
    size_t custom_count;
    size_t custom_capacity;
    long *format_of_style;      /* numFmtId per cellXfs entry */
    size_t style_capacity;
    int in_cell_xfs;
} StylesWalk;

static void XMLCALL on_styles_start(void *user, const XML_Char *name, const XML_Char **attributes)
{
    StylesWalk *styles = user;
    if (!walk_enter(&styles->walk)) {
        return;
    }
    const char *local = local_name(name);
    if (strcmp(local, "cellXfs") == 0) {
        styles->in_cell_xfs = styles->walk.depth;
    } else if (strcmp(local, "numFmt") == 0) {
        const char *id = attribute(attributes, "numFmtId");
        const char *code = attribute(attributes, "formatCode");
        if (id && code && xlsx_text_code_is_date(code)) {
            if (styles->custom_count >= XLSX_MAX_STYLES ||
                !grow((void **)&styles->custom_ids, &styles->custom_capacity, styles->custom_count,
                      sizeof *styles->custom_ids)) {
                walk_refuse(&styles->walk, 0, "%s: more than %d number formats, the limit", styles->walk.part,
                            XLSX_MAX_STYLES);
                return;
            }
            styles->custom_ids[styles->custom_count++] = strtol(id, NULL, 10);
        }
    } else if (strcmp(local, "xf") == 0 && styles->in_cell_xfs && styles->walk.depth == styles->in_cell_xfs + 1) {
        XlsxBook *book = styles->book;
        if (book->style_count >= XLSX_MAX_STYLES ||
            !grow((void **)&styles->format_of_style, &styles->style_capacity, book->style_count,
                  sizeof *styles->format_of_style)) {
            walk_refuse(&styles->walk, 0, "%s: more than %d cell formats, the limit", styles->walk.part,
                        XLSX_MAX_STYLES);
            return;
        }
        const char *id = attribute(attributes, "numFmtId");
        styles->format_of_style[book->style_count++] = id ? strtol(id, NULL, 10) : 0;
    }
}

static void XMLCALL on_styles_end(void *user, const XML_Char *name)
{
    StylesWalk *styles = user;
    if (strcmp(local_name(name), "cellXfs") == 0 && styles->in_cell_xfs == styles->walk.depth) {
        styles->in_cell_xfs = 0;
    }
    styles->walk.depth--;
}

static bool read_styles(XlsxBook *book, const char *part, XlsxProblem *problem)
{
    StylesWalk styles = {.book = book};
    if (!walk_begin(&styles.walk, problem, on_styles_start, on_styles_end, NULL)) {
        return false;
    }
    bool ok = !part[0] || parse_part(book, part, &styles.walk, PART_OPTIONAL);
    walk_end(&styles.walk);
    if (ok && book->style_count) {
        book->date_styles = calloc(book->style_count, sizeof *book->date_styles);
        ok = book->date_styles != NULL;
        for (size_t s = 0; ok && s < book->style_count; s++) {
            long id = styles.format_of_style[s];
            bool date = xlsx_text_builtin_is_date(id);
            for (size_t c = 0; !date && c < styles.custom_count; c++) {
                date = styles.custom_ids[c] == id;
            }
            book->date_styles[s] = date;
        }
        if (!ok) {
            problem_set(problem, 0, "out of memory");
        }
    }
    free(styles.custom_ids);
    free(styles.format_of_style);
    return ok;
}

/* ---- rich and plain strings (<si> of sharedStrings, <is> of a cell) ------------------------ */

/* Collects the text of <t> elements inside a string item, leaving out phonetic runs (<rPh>). */
typedef struct StringItem {
    int item_depth;             /* depth of <si>/<is>, 0 outside one */
    int phonetic_depth;         /* depth of <rPh>, 0 outside one */
    int text_depth;             /* depth of the <t> being collected, 0 when none */
} StringItem;

static void string_item_start(StringItem *item, const char *local, int depth, bool opens_item)
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
static bool string_item_end(StringItem *item, int depth)
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

/* ---- shared strings ------------------------------------------------------------------------ */

typedef struct SharedWalk {
    Walk walk;
    XlsxBook *book;
    StringItem item;
    Text text;
    Text all;                   /* book->strings being built */
} SharedWalk;

static void XMLCALL on_shared_start(void *user, const XML_Char *name, const XML_Char **attributes)
{
    (void)attributes;
    SharedWalk *shared = user;
    if (!walk_enter(&shared->walk)) {
        return;
    }
    const char *local = local_name(name);
    bool opens = strcmp(local, "si") == 0 && !shared->item.item_depth;
    if (opens) {
        text_clear(&shared->text);
    }
    string_item_start(&shared->item, local, shared->walk.depth, opens);
}

static void XMLCALL on_shared_end(void *user, const XML_Char *name)
{
    (void)name;
    SharedWalk *shared = user;
    XlsxBook *book = shared->book;
    if (string_item_end(&shared->item, shared->walk.depth--)) {
        if (shared->text.full) {
            walk_refuse(&shared->walk, 0, "shared string %zu is longer than %d KiB, the limit for one cell",
                        book->string_count + 1, XLSX_MAX_CELL_BYTES >> 10);
            return;
        }
        if (book->string_count >= XLSX_MAX_SHARED_STRINGS) {
            walk_refuse(&shared->walk, 0, "the workbook has more than %d different texts, the limit",
                        XLSX_MAX_SHARED_STRINGS);
            return;
        }
        if (!grow((void **)&book->string_offsets, &book->string_capacity, book->string_count,
                  sizeof *book->string_offsets)) {
            walk_refuse(&shared->walk, 0, "out of memory");
            return;
        }
        book->string_offsets[book->string_count++] = shared->all.length;
        text_add(&shared->all, text_get(&shared->text), shared->text.length + 1);
        if (shared->all.failed || shared->text.failed) {
            walk_refuse(&shared->walk, 0, "out of memory");
        } else if (shared->all.full) { /* cannot happen: texts are never longer than their XML */
            walk_refuse(&shared->walk, 0, "%s: more text than its size allows", shared->walk.part);
        }
    }
}

static void XMLCALL on_shared_text(void *user, const XML_Char *bytes, int length)
{
    SharedWalk *shared = user;
    if (shared->item.text_depth) {
        text_add(&shared->text, bytes, (size_t)length);
    }
}

static bool read_shared_strings(XlsxBook *book, const char *part, XlsxProblem *problem)
{
    /* Every string and its NUL: bounded by the part's own size limit. */
    SharedWalk shared = {.book = book, .text = {.limit = XLSX_MAX_CELL_BYTES},
                         .all = {.limit = (size_t)XLSX_MAX_PART_BYTES + XLSX_MAX_SHARED_STRINGS}};
    if (!walk_begin(&shared.walk, problem, on_shared_start, on_shared_end, on_shared_text)) {
        return false;
    }
    bool ok = !part[0] || parse_part(book, part, &shared.walk, PART_OPTIONAL);
    walk_end(&shared.walk);
    free(shared.text.bytes);
    book->strings = shared.all.bytes;
    for (size_t s = 0; ok && s < book->string_count; s++) {
        xlsx_text_unescape(book->strings + book->string_offsets[s]);
    }
    return ok;
}

/* ---- opening ----------------------------------------------------------------------------------- */

static bool check_entries(XlsxBook *book, XlsxProblem *problem)
{
    zip_int64_t count = zip_get_num_entries(book->zip, 0);
    if (count > XLSX_MAX_ENTRIES) {
        problem_set(problem, 0, "holds %lld files inside, more than the limit of %d", (long long)count,
                    XLSX_MAX_ENTRIES);
        return false;
    }
    for (zip_int64_t i = 0; i < count; i++) {
        const char *name = zip_get_name(book->zip, (zip_uint64_t)i, ZIP_FL_ENC_RAW);
        if (!name || !safe_part_name(name)) {
            problem_set(problem, 0, "holds a file named \"%.200s\", outside the workbook or not a plain name: "
                        "refused", name ? name : "?");
            return false;
        }
    }
    return true;
}

/* The folder part of a part name, with its slash ("xl/workbook.xml" → "xl/"). */
static void folder_of(const char *part, char *out, size_t size)
{
    const char *slash = strrchr(part, '/');
    snprintf(out, size, "%.*s", slash ? (int)(slash - part + 1) : 0, part);
}

static bool read_book(XlsxBook *book, XlsxProblem *problem)
{
    RelsWalk rels;
    if (!check_entries(book, problem) || !read_rels(book, "_rels/.rels", "", &rels, problem)) {
        return false;
    }
    char workbook[MAX_PART_NAME];
    snprintf(workbook, sizeof workbook, "%s", rels.office_document[0] ? rels.office_document : "xl/workbook.xml");
    WorkbookWalk walk = {.book = book};
    if (!walk_begin(&walk.walk, problem, on_workbook_start, on_walk_end, NULL)) {
        return false;
    }
    bool ok = parse_part(book, workbook, &walk.walk, PART_REQUIRED);
    walk_end(&walk.walk);
    char folder[MAX_PART_NAME];
    char workbook_rels[MAX_PART_NAME + 16];
    folder_of(workbook, folder, sizeof folder);
    snprintf(workbook_rels, sizeof workbook_rels, "%s_rels/%s.rels", folder, workbook + strlen(folder));
    ok = ok && read_rels(book, workbook_rels, folder, &rels, problem);
    return ok && read_styles(book, rels.styles, problem) && read_shared_strings(book, rels.shared_strings, problem);
}

/* What the first bytes say a file that libzip refused is. */
static const char *not_a_zip(const unsigned char *head, size_t length)
{
    static const unsigned char ZIP[] = {'P', 'K', 3, 4};
    static const unsigned char OLE[] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    if (length >= sizeof ZIP && memcmp(head, ZIP, sizeof ZIP) == 0) {
        return "is damaged or cut short (copied before it was fully saved?)";
    }
    if (length >= sizeof OLE && memcmp(head, OLE, sizeof OLE) == 0) {
        return "is an old Excel 97–2003 workbook (.xls), or protected with a password: save it as "
               "\"Excel Workbook (.xlsx)\" without a password";
    }
    return "is not an Excel workbook (.xlsx): save it from Excel or LibreOffice as \"Excel Workbook (.xlsx)\"";
}

static XlsxBook *open_source(zip_source_t *source, const unsigned char *head, size_t head_length,
                             XlsxProblem *problem)
{
    zip_error_t error;
    zip_error_init(&error);
    XlsxBook *book = calloc(1, sizeof *book);
    if (!book) {
        zip_source_free(source);
        problem_set(problem, 0, "out of memory");
        return NULL;
    }
    book->zip = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (!book->zip) {
        int code = zip_error_code_zip(&error);
        problem_set(problem, 0, "%s", code == ZIP_ER_MEMORY ? "out of memory" : not_a_zip(head, head_length));
        zip_source_free(source);
        zip_error_fini(&error);
        free(book);
        return NULL;
    }
    zip_error_fini(&error);
    if (!read_book(book, problem)) {
        xlsx_book_close(book);
        return NULL;
    }
    return book;
}

XlsxBook *xlsx_book_open(const char *path, XlsxProblem *problem)
{
    *problem = (XlsxProblem){0};
    unsigned char head[SNIFF_BYTES] = {0};
    FILE *file = fopen(path, "rb");
    if (!file) {
        problem_set(problem, 0, "%s", strerror(errno));
        return NULL;
    }
    struct stat info;
    size_t head_length = fread(head, 1, sizeof head, file);
    bool regular = fstat(fileno(file), &info) == 0 && S_ISREG(info.st_mode);
    fclose(file);
    if (!regular) {
        problem_set(problem, 0, "is not a file");
        return NULL;
    }
    if (info.st_size > XLSX_MAX_FILE_BYTES) {
        problem_set(problem, 0, "is %lld MiB, more than the limit of %d MiB (keep the pictures in the images "
                    "folder beside it, not in the workbook)", (long long)(info.st_size >> 20),
                    XLSX_MAX_FILE_BYTES >> 20);
        return NULL;
    }
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *source = zip_source_file_create(path, 0, -1, &error);
    zip_error_fini(&error);
    if (!source) {
        problem_set(problem, 0, "cannot be read");
        return NULL;
    }
    return open_source(source, head, head_length, problem);
}

XlsxBook *xlsx_book_open_buffer(const void *bytes, size_t size, XlsxProblem *problem)
{
    *problem = (XlsxProblem){0};
    if (size > XLSX_MAX_FILE_BYTES) {
        problem_set(problem, 0, "is more than the limit of %d MiB", XLSX_MAX_FILE_BYTES >> 20);
        return NULL;
    }
    if (size == 0) {
        problem_set(problem, 0, "%s", not_a_zip(bytes, 0));
        return NULL;
    }
    void *copy = malloc(size);
    if (!copy) {
        problem_set(problem, 0, "out of memory");
        return NULL;
    }
    memcpy(copy, bytes, size);
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *source = zip_source_buffer_create(copy, size, 1, &error);
    zip_error_fini(&error);
    if (!source) {
        free(copy);
        problem_set(problem, 0, "out of memory");
        return NULL;
    }
    return open_source(source, copy, size < SNIFF_BYTES ? size : SNIFF_BYTES, problem);
}

void xlsx_book_close(XlsxBook *book)
{
    if (!book) {
        return;
    }
    if (book->zip) {
        zip_discard(book->zip);
    }
    free(book->sheets);
    free(book->date_styles);
    free(book->strings);
    free(book->string_offsets);
    free(book);
}

size_t xlsx_book_sheet_count(const XlsxBook *book)
{
    return book ? book->sheet_count : 0;
}

const char *xlsx_book_sheet_name(const XlsxBook *book, size_t index)
{
    return book && index < book->sheet_count ? book->sheets[index].name : NULL;
}

long xlsx_book_find_sheet(const XlsxBook *book, const char *name)
{
    for (size_t s = 0; book && s < book->sheet_count; s++) {
        if (strcmp(book->sheets[s].name, name) == 0) {
            return (long)s;
        }
    }
    return -1;
}

/* ---- one sheet ----------------------------------------------------------------------------------- */

typedef enum CellType { CELL_NUMBER, CELL_SHARED, CELL_INLINE, CELL_BOOLEAN, CELL_ERROR, CELL_STRING, CELL_DATE } CellType;

typedef struct SheetWalk {
    Walk walk;
    XlsxBook *book;
    XlsxSheet *sheet;
    size_t row_capacity;
    size_t cell_total;
    size_t text_total;
    int sheet_data_depth;
    /* the row being read */
    long row_number;            /* 0 before the first row */
    char **cells;
    size_t cell_count;
    size_t cell_capacity;
    long column;                /* 0-based column of the last cell seen, -1 at a row's start */
    /* the cell being read */
    int cell_depth;
    CellType type;
    long style;
    bool has_formula;
    bool has_value;
    int value_depth;
    StringItem item;
    Text value;
} SheetWalk;

static void column_name(long column, char *out, size_t size)
{
    char reversed[8];
    size_t n = 0;
    for (long c = column + 1; c > 0 && n < sizeof reversed; c = (c - 1) / 26) {
        reversed[n++] = (char)('A' + (c - 1) % 26);
    }
    size_t i = 0;
    while (n && i + 1 < size) {
        out[i++] = reversed[--n];
    }
    out[i] = '\0';
}

/* Parses "C7" (or "$C$7"): its 0-based column; false when it is not a cell reference. */
static bool parse_reference(const char *reference, long *column)
{
    long value = 0;
    const char *c = reference;
    if (*c == '$') {
        c++;
    }
    const char *letters = c;
    while (*c >= 'A' && *c <= 'Z' && value <= XLSX_MAX_COLUMNS * 26L) {
        value = value * 26 + (*c - 'A' + 1);
        c++;
    }
    if (c == letters) {
        return false;
    }
    *column = value - 1;
    return true;
}

static void row_free_cells(char **cells, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        free(cells[i]);
    }
    free(cells);
}

static void sheet_row_start(SheetWalk *walk, const char **attributes)
{
    const char *number = attribute(attributes, "r");
    long row = walk->row_number + 1;
    if (number) {
        char *end = NULL;
        row = strtol(number, &end, 10);
        if (end == number || *end || row <= walk->row_number || row > MAX_ROW_NUMBER) {
            walk_refuse(&walk->walk, walk->row_number, "a row numbered \"%.20s\" after row %ld: not a workbook "
                        "Excel or LibreOffice writes", number, walk->row_number);
            return;
        }
    } else if (row > MAX_ROW_NUMBER) {
        walk_refuse(&walk->walk, row, "more than %d rows", MAX_ROW_NUMBER);
        return;
    }
    walk->row_number = row;
    walk->column = -1;
    walk->cell_count = 0;
}

static void sheet_row_end(SheetWalk *walk)
{
    XlsxSheet *sheet = walk->sheet;
    if (walk->cell_count == 0) {
        return;
    }
    if (sheet->row_count >= XLSX_MAX_ROWS) {
        walk_refuse(&walk->walk, walk->row_number, "the sheet has more than %d rows with something in them, the limit",
                    XLSX_MAX_ROWS);
        return;
    }
    if (!grow((void **)&sheet->rows, &walk->row_capacity, sheet->row_count, sizeof *sheet->rows)) {
        walk_refuse(&walk->walk, walk->row_number, "out of memory");
        return;
    }
    sheet->rows[sheet->row_count++] = (XlsxRow){walk->cells, walk->cell_count, walk->row_number};
    walk->cells = NULL;
    walk->cell_count = 0;
    walk->cell_capacity = 0;
}

static void sheet_cell_start(SheetWalk *walk, const char **attributes)
{
    static const struct {
        const char *name;
        CellType type;
    } TYPES[] = {{"n", CELL_NUMBER}, {"s", CELL_SHARED}, {"inlineStr", CELL_INLINE}, {"b", CELL_BOOLEAN},
                 {"e", CELL_ERROR}, {"str", CELL_STRING}, {"d", CELL_DATE}};
    const char *reference = attribute(attributes, "r");
    const char *type = attribute(attributes, "t");
    const char *style = attribute(attributes, "s");
    long column = walk->column + 1;
    if (reference && !parse_reference(reference, &column)) {
        walk_refuse(&walk->walk, walk->row_number, "a cell named \"%.20s\": not a workbook Excel or LibreOffice "
                    "writes", reference);
        return;
    }
    if (column <= walk->column) {
        walk_refuse(&walk->walk, walk->row_number, "cell %.20s comes twice or out of order: not a workbook Excel or "
                    "LibreOffice writes", reference ? reference : "?");
        return;
    }
    walk->column = column;
    walk->cell_depth = walk->walk.depth;
    walk->type = CELL_NUMBER;
    for (size_t t = 0; type && t < sizeof TYPES / sizeof TYPES[0]; t++) {
        if (strcmp(type, TYPES[t].name) == 0) {
            walk->type = TYPES[t].type;
        }
    }
    walk->style = style ? strtol(style, NULL, 10) : 0;
    walk->has_formula = false;
    walk->has_value = false;
    text_clear(&walk->value);
}

/* The text of the cell just read into out (a malloc()ed copy), or false after walk_refuse. */
static bool sheet_cell_text(SheetWalk *walk, char *reference, char **out)
{
    XlsxBook *book = walk->book;
    const char *value = text_get(&walk->value);
    char number[48];
    if (walk->value.full) {
        walk_refuse(&walk->walk, walk->row_number, "cell %s holds a text longer than %d KiB, the limit", reference,
                    XLSX_MAX_CELL_BYTES >> 10);
        return false;
    }
    if (walk->has_formula && (!walk->has_value || (!value[0] && walk->type != CELL_STRING))) {
        walk_refuse(&walk->walk, walk->row_number, "cell %s has a formula saved without its value: open the "
                    "workbook once in Excel or LibreOffice and save it", reference);
        return false;
    }
    switch (walk->type) {
    case CELL_SHARED: {
        if (!walk->has_value) {
            break; /* no value: an empty cell */
        }
        char *end = NULL;
        unsigned long index = strtoul(value, &end, 10);
        if (!value[0] || *end || index >= book->string_count) {
            walk_refuse(&walk->walk, walk->row_number, "cell %s refers to a shared text the workbook does not have",
                        reference);
            return false;
        }
        value = book->strings + book->string_offsets[index];
        break;
    }
    case CELL_BOOLEAN:
        value = !value[0] ? "" : strcmp(value, "0") == 0 ? "FALSE" : "TRUE";
        break;
    case CELL_ERROR:
        walk_refuse(&walk->walk, walk->row_number, "cell %s shows the error %.40s: correct it, or type the value",
                    reference, value);
        return false;
    case CELL_DATE:
        /* An ISO 8601 date-time: keep the date when the time is midnight. */
        if (strlen(value) >= 10 && (value[10] == '\0' || strncmp(value + 10, "T00:00:00", 9) == 0)) {
            snprintf(number, sizeof number, "%.10s", value);
            value = number;
        }
        break;
    case CELL_NUMBER:
        if (value[0]) {
            char *end = NULL;
            double x = strtod(value, &end);
            if (*end || end == value) {
                walk_refuse(&walk->walk, walk->row_number, "cell %s holds \"%.40s\" where a number belongs",
                            reference, value);
                return false;
            }
            bool date = walk->style >= 0 && (size_t)walk->style < book->style_count && book->date_styles[walk->style];
            if (!date || !xlsx_text_date(x, book->date1904, number, sizeof number)) {
                xlsx_text_number(x, number, sizeof number);
            }
            value = number;
        }
        break;
    default:
        break;
    }
    *out = strdup(value);
    if (!*out) {
        walk_refuse(&walk->walk, walk->row_number, "out of memory");
        return false;
    }
    if (walk->type == CELL_INLINE || walk->type == CELL_STRING) {
        xlsx_text_unescape(*out);
    }
    return true;
}

/* Adds one cell's text at column walk->column, "" in any gap before it. */
static bool sheet_put(SheetWalk *walk, char *text, const char *reference)
{
    size_t length = strlen(text);
    if (walk->column >= XLSX_MAX_COLUMNS) {
        walk_refuse(&walk->walk, walk->row_number, "cell %s is right of column IV: a sheet may use at most %d columns",
                    reference, XLSX_MAX_COLUMNS);
        return false;
    }
    size_t needed = (size_t)walk->column + 1 - walk->cell_count;
    if (walk->cell_total + needed > XLSX_MAX_CELLS || walk->text_total + length > XLSX_MAX_SHEET_TEXT_BYTES) {
        walk_refuse(&walk->walk, walk->row_number, "the sheet holds more than %d cells or %d MiB of text, the limits",
                    XLSX_MAX_CELLS, XLSX_MAX_SHEET_TEXT_BYTES >> 20);
        return false;
    }
    while (walk->cell_count <= (size_t)walk->column) {
        if (!grow((void **)&walk->cells, &walk->cell_capacity, walk->cell_count, sizeof *walk->cells)) {
            walk_refuse(&walk->walk, walk->row_number, "out of memory");
            return false;
        }
        char *cell = walk->cell_count == (size_t)walk->column ? text : strdup("");
        if (!cell) {
            walk_refuse(&walk->walk, walk->row_number, "out of memory");
            return false;
        }
        walk->cells[walk->cell_count++] = cell;
    }
    walk->cell_total += needed;
    walk->text_total += length;
    return true;
}

static void sheet_cell_end(SheetWalk *walk)
{
    char reference[24];
    char *text = NULL;
    column_name(walk->column, reference, sizeof reference);
    snprintf(reference + strlen(reference), sizeof reference - strlen(reference), "%ld", walk->row_number);
    walk->cell_depth = 0;
    if (walk->value.failed) {
        walk_refuse(&walk->walk, walk->row_number, "out of memory");
        return;
    }
    if (!sheet_cell_text(walk, reference, &text)) {
        return;
    }
    if (!text[0]) {
        free(text);
        return;
    }
    if (!sheet_put(walk, text, reference)) {
        free(text);
    }
}

static void XMLCALL on_sheet_start(void *user, const XML_Char *name, const XML_Char **attributes)
{
    SheetWalk *walk = user;
    if (!walk_enter(&walk->walk)) {
        return;
    }
    const char *local = local_name(name);
    int depth = walk->walk.depth;
    if (!walk->sheet_data_depth) {
        if (strcmp(local, "sheetData") == 0) {
            walk->sheet_data_depth = depth;
        }
    } else if (depth == walk->sheet_data_depth + 1 && strcmp(local, "row") == 0) {
        sheet_row_start(walk, attributes);
    } else if (depth == walk->sheet_data_depth + 2 && strcmp(local, "c") == 0) {
        sheet_cell_start(walk, attributes);
    } else if (walk->cell_depth && depth == walk->cell_depth + 1 && strcmp(local, "v") == 0) {
        walk->has_value = true;
        walk->value_depth = depth;
    } else if (walk->cell_depth && depth == walk->cell_depth + 1 && strcmp(local, "f") == 0) {
        walk->has_formula = true;
    } else if (walk->cell_depth) {
        bool opens = depth == walk->cell_depth + 1 && strcmp(local, "is") == 0;
        string_item_start(&walk->item, local, depth, opens);
    }
}

static void XMLCALL on_sheet_end(void *user, const XML_Char *name)
{
    SheetWalk *walk = user;
    int depth = walk->walk.depth--;
    if (!walk->sheet_data_depth || walk->walk.refused) {
        return;
    }
    if (depth == walk->sheet_data_depth) {
        walk->sheet_data_depth = 0;
    } else if (depth == walk->sheet_data_depth + 1) {
        sheet_row_end(walk);
    } else if (walk->cell_depth == depth) {
        sheet_cell_end(walk);
    } else if (walk->value_depth == depth) {
        walk->value_depth = 0;
    } else if (walk->cell_depth) {
        string_item_end(&walk->item, depth);
    }
    (void)name;
}

static void XMLCALL on_sheet_text(void *user, const XML_Char *bytes, int length)
{
    SheetWalk *walk = user;
    if (walk->value_depth || walk->item.text_depth) {
        text_add(&walk->value, bytes, (size_t)length);
    }
}

bool xlsx_sheet_load(XlsxBook *book, size_t index, XlsxSheet *sheet, XlsxProblem *problem)
{
    *sheet = (XlsxSheet){0};
    *problem = (XlsxProblem){0};
    if (!book || index >= book->sheet_count) {
        problem_set(problem, 0, "no such sheet");
        return false;
    }
    const Sheet *which = &book->sheets[index];
    if (!which->part[0]) {
        problem_set(problem, 0, "the workbook does not say where sheet \"%s\" is: not a workbook Excel or "
                    "LibreOffice writes", which->name);
        return false;
    }
    SheetWalk walk = {.book = book, .sheet = sheet, .value = {.limit = XLSX_MAX_CELL_BYTES}};
    if (!walk_begin(&walk.walk, problem, on_sheet_start, on_sheet_end, on_sheet_text)) {
        return false;
    }
    bool ok = parse_part(book, which->part, &walk.walk, PART_REQUIRED);
    walk_end(&walk.walk);
    row_free_cells(walk.cells, walk.cell_count);
    free(walk.value.bytes);
    return ok;
}

void xlsx_sheet_unload(XlsxSheet *sheet)
{
    for (size_t r = 0; r < sheet->row_count; r++) {
        row_free_cells(sheet->rows[r].cells, sheet->rows[r].cell_count);
    }
    free(sheet->rows);
    *sheet = (XlsxSheet){0};
}

char **xlsx_row_take_cells(XlsxRow *row, size_t *cell_count)
{
    char **cells = row->cells;
    *cell_count = row->cell_count;
    row->cells = NULL;
    row->cell_count = 0;
    return cells;
}
