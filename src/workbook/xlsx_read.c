/* xlsx_read.c — opening an .xlsx workbook; see xlsx_read.h.
 * Reading order: xlsx_book_open() → check_entries() → the package's parts, each streamed
 * through expat by xlsx_walk_part() (xlsx_walk.c): _rels/.rels (where the workbook is) → the
 * workbook (sheet names, date system) → its rels (where each sheet, the styles and the shared
 * strings are) → styles → shared strings. A sheet is read by xlsx_sheet.c. */
#define _POSIX_C_SOURCE 200809L
#include "core/text_buffer.h"
#include "workbook/xlsx_read.h"

#include "workbook/xlsx_book.h"
#include "workbook/xlsx_text.h"
#include "workbook/xlsx_walk.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { SNIFF_BYTES = 8 };

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
    XlsxWalk walk;
    const char *base;           /* folder of the part the rels belong to */
    XlsxBook *book;
    char office_document[XLSX_MAX_PART_NAME];
    char styles[XLSX_MAX_PART_NAME];
    char shared_strings[XLSX_MAX_PART_NAME];
} RelsWalk;

static bool type_is(const char *type, const char *kind)
{
    const char *slash = type ? strrchr(type, '/') : NULL;
    return slash && strcmp(slash + 1, kind) == 0;
}

static void XMLCALL on_rels_start(void *user, const XML_Char *name, const XML_Char **attributes)
{
    RelsWalk *rels = user;
    if (!xlsx_walk_enter(&rels->walk) || strcmp(xlsx_walk_local_name(name), "Relationship") != 0) {
        return;
    }
    const char *id = xlsx_walk_attribute(attributes, "Id");
    const char *type = xlsx_walk_attribute(attributes, "Type");
    const char *target = xlsx_walk_attribute(attributes, "Target");
    const char *mode = xlsx_walk_attribute(attributes, "TargetMode");
    if (!id || !target || (mode && strcmp(mode, "External") == 0)) {
        return;
    }
    char resolved[XLSX_MAX_PART_NAME];
    bool safe = resolve_target(rels->base, target, resolved, sizeof resolved);
    char *slot = type_is(type, "officeDocument") ? rels->office_document
                 : type_is(type, "styles")       ? rels->styles
                 : type_is(type, "sharedStrings") ? rels->shared_strings
                                                  : NULL;
    XlsxBookSheet *sheet = NULL;
    for (size_t s = 0; rels->book && s < rels->book->sheet_count && !slot; s++) {
        if (strcmp(rels->book->sheets[s].rel_id, id) == 0) {
            sheet = &rels->book->sheets[s];
        }
    }
    if ((slot || sheet) && !safe) {
        xlsx_walk_refuse(&rels->walk, 0, "%s: points to the part \"%.200s\", which is outside the workbook or not a "
                    "plain name: refused", rels->walk.part, target);
        return;
    }
    if (slot) {
        snprintf(slot, XLSX_MAX_PART_NAME, "%s", resolved);
    } else if (sheet) {
        snprintf(sheet->part, sizeof sheet->part, "%s", resolved);
    }
}

static bool read_rels(XlsxBook *book, const char *part, const char *base, RelsWalk *rels, XlsxProblem *problem)
{
    *rels = (RelsWalk){.base = base, .book = book};
    if (!xlsx_walk_create(&rels->walk, problem, on_rels_start, xlsx_walk_on_end, NULL)) {
        return false;
    }
    bool ok = xlsx_walk_part(book->zip, part, &rels->walk, XLSX_PART_OPTIONAL);
    xlsx_walk_destroy(&rels->walk);
    return ok;
}

/* ---- the workbook part --------------------------------------------------------------------- */

typedef struct WorkbookWalk {
    XlsxWalk walk;
    XlsxBook *book;
} WorkbookWalk;

static void XMLCALL on_workbook_start(void *user, const XML_Char *name, const XML_Char **attributes)
{
    WorkbookWalk *workbook = user;
    XlsxWalk *walk = &workbook->walk;
    XlsxBook *book = workbook->book;
    if (!xlsx_walk_enter(walk)) {
        return;
    }
    const char *local = xlsx_walk_local_name(name);
    if (strcmp(local, "workbookPr") == 0) {
        const char *date1904 = xlsx_walk_attribute(attributes, "date1904");
        book->date1904 = date1904 && (strcmp(date1904, "1") == 0 || strcmp(date1904, "true") == 0);
    } else if (strcmp(local, "sheet") == 0) {
        const char *sheet_name = xlsx_walk_attribute(attributes, "name");
        const char *id = xlsx_walk_relationship_id(attributes);
        if (!sheet_name || !id) {
            xlsx_walk_refuse(walk, 0, "%s: a sheet without a name or a part", walk->part);
            return;
        }
        if (book->sheet_count >= XLSX_MAX_SHEETS) {
            xlsx_walk_refuse(walk, 0, "the workbook has more than %d sheets, the limit", XLSX_MAX_SHEETS);
            return;
        }
        if (!xlsx_walk_grow((void **)&book->sheets, &book->sheet_capacity, book->sheet_count, sizeof *book->sheets)) {
            xlsx_walk_refuse(walk, 0, "out of memory");
            return;
        }
        XlsxBookSheet *sheet = &book->sheets[book->sheet_count++];
        *sheet = (XlsxBookSheet){0};
        snprintf(sheet->name, sizeof sheet->name, "%s", sheet_name);
        snprintf(sheet->rel_id, sizeof sheet->rel_id, "%s", id);
    }
}

/* ---- styles: which cell formats show dates ---------------------------------------------------- */

typedef struct StylesWalk {
    XlsxWalk walk;
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
    if (!xlsx_walk_enter(&styles->walk)) {
        return;
    }
    const char *local = xlsx_walk_local_name(name);
    if (strcmp(local, "cellXfs") == 0) {
        styles->in_cell_xfs = styles->walk.depth;
    } else if (strcmp(local, "numFmt") == 0) {
        const char *id = xlsx_walk_attribute(attributes, "numFmtId");
        const char *code = xlsx_walk_attribute(attributes, "formatCode");
        if (id && code && xlsx_text_code_is_date(code)) {
            if (styles->custom_count >= XLSX_MAX_STYLES ||
                !xlsx_walk_grow((void **)&styles->custom_ids, &styles->custom_capacity, styles->custom_count,
                      sizeof *styles->custom_ids)) {
                xlsx_walk_refuse(&styles->walk, 0, "%s: more than %d number formats, the limit", styles->walk.part,
                            XLSX_MAX_STYLES);
                return;
            }
            styles->custom_ids[styles->custom_count++] = strtol(id, NULL, 10);
        }
    } else if (strcmp(local, "xf") == 0 && styles->in_cell_xfs && styles->walk.depth == styles->in_cell_xfs + 1) {
        XlsxBook *book = styles->book;
        if (book->style_count >= XLSX_MAX_STYLES ||
            !xlsx_walk_grow((void **)&styles->format_of_style, &styles->style_capacity, book->style_count,
                  sizeof *styles->format_of_style)) {
            xlsx_walk_refuse(&styles->walk, 0, "%s: more than %d cell formats, the limit", styles->walk.part,
                        XLSX_MAX_STYLES);
            return;
        }
        const char *id = xlsx_walk_attribute(attributes, "numFmtId");
        styles->format_of_style[book->style_count++] = id ? strtol(id, NULL, 10) : 0;
    }
}

static void XMLCALL on_styles_end(void *user, const XML_Char *name)
{
    StylesWalk *styles = user;
    if (strcmp(xlsx_walk_local_name(name), "cellXfs") == 0 && styles->in_cell_xfs == styles->walk.depth) {
        styles->in_cell_xfs = 0;
    }
    styles->walk.depth--;
}

static bool read_styles(XlsxBook *book, const char *part, XlsxProblem *problem)
{
    StylesWalk styles = {.book = book};
    if (!xlsx_walk_create(&styles.walk, problem, on_styles_start, on_styles_end, NULL)) {
        return false;
    }
    bool ok = !part[0] || xlsx_walk_part(book->zip, part, &styles.walk, XLSX_PART_OPTIONAL);
    xlsx_walk_destroy(&styles.walk);
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
            xlsx_walk_problem(problem, 0, "out of memory");
        }
    }
    free(styles.custom_ids);
    free(styles.format_of_style);
    return ok;
}

/* ---- shared strings ------------------------------------------------------------------------ */

typedef struct SharedWalk {
    XlsxWalk walk;
    XlsxBook *book;
    XlsxStringItem item;
    TextBuffer text;
    TextBuffer all;                   /* book->strings being built */
} SharedWalk;

static void XMLCALL on_shared_start(void *user, const XML_Char *name, const XML_Char **attributes)
{
    (void)attributes;
    SharedWalk *shared = user;
    if (!xlsx_walk_enter(&shared->walk)) {
        return;
    }
    const char *local = xlsx_walk_local_name(name);
    bool opens = strcmp(local, "si") == 0 && !shared->item.item_depth;
    if (opens) {
        text_buffer_clear(&shared->text);
    }
    xlsx_walk_item_start(&shared->item, local, shared->walk.depth, opens);
}

static void XMLCALL on_shared_end(void *user, const XML_Char *name)
{
    (void)name;
    SharedWalk *shared = user;
    XlsxBook *book = shared->book;
    if (xlsx_walk_item_end(&shared->item, shared->walk.depth--)) {
        if (shared->text.full) {
            xlsx_walk_refuse(&shared->walk, 0, "shared string %zu is longer than %d KiB, the limit for one cell",
                        book->string_count + 1, XLSX_MAX_CELL_BYTES >> 10);
            return;
        }
        if (book->string_count >= XLSX_MAX_SHARED_STRINGS) {
            xlsx_walk_refuse(&shared->walk, 0, "the workbook has more than %d different texts, the limit",
                        XLSX_MAX_SHARED_STRINGS);
            return;
        }
        if (!xlsx_walk_grow((void **)&book->string_offsets, &book->string_capacity, book->string_count,
                  sizeof *book->string_offsets)) {
            xlsx_walk_refuse(&shared->walk, 0, "out of memory");
            return;
        }
        book->string_offsets[book->string_count++] = shared->all.length;
        text_buffer_add(&shared->all, text_buffer_get(&shared->text), shared->text.length + 1);
        if (shared->all.failed || shared->text.failed) {
            xlsx_walk_refuse(&shared->walk, 0, "out of memory");
        } else if (shared->all.full) { /* cannot happen: texts are never longer than their XML */
            xlsx_walk_refuse(&shared->walk, 0, "%s: more text than its size allows", shared->walk.part);
        }
    }
}

static void XMLCALL on_shared_text(void *user, const XML_Char *bytes, int length)
{
    SharedWalk *shared = user;
    if (shared->item.text_depth) {
        text_buffer_add(&shared->text, bytes, (size_t)length);
    }
}

static bool read_shared_strings(XlsxBook *book, const char *part, XlsxProblem *problem)
{
    /* Every string and its NUL: bounded by the part's own size limit. */
    SharedWalk shared = {.book = book, .text = {.limit = XLSX_MAX_CELL_BYTES},
                         .all = {.limit = (size_t)XLSX_MAX_PART_BYTES + XLSX_MAX_SHARED_STRINGS}};
    if (!xlsx_walk_create(&shared.walk, problem, on_shared_start, on_shared_end, on_shared_text)) {
        return false;
    }
    bool ok = !part[0] || xlsx_walk_part(book->zip, part, &shared.walk, XLSX_PART_OPTIONAL);
    xlsx_walk_destroy(&shared.walk);
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
        xlsx_walk_problem(problem, 0, "holds %lld files inside, more than the limit of %d", (long long)count,
                    XLSX_MAX_ENTRIES);
        return false;
    }
    for (zip_int64_t i = 0; i < count; i++) {
        const char *name = zip_get_name(book->zip, (zip_uint64_t)i, ZIP_FL_ENC_RAW);
        if (!name || !safe_part_name(name)) {
            xlsx_walk_problem(problem, 0, "holds a file named \"%.200s\", outside the workbook or not a plain name: "
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
    char workbook[XLSX_MAX_PART_NAME];
    snprintf(workbook, sizeof workbook, "%s", rels.office_document[0] ? rels.office_document : "xl/workbook.xml");
    WorkbookWalk walk = {.book = book};
    if (!xlsx_walk_create(&walk.walk, problem, on_workbook_start, xlsx_walk_on_end, NULL)) {
        return false;
    }
    bool ok = xlsx_walk_part(book->zip, workbook, &walk.walk, XLSX_PART_REQUIRED);
    xlsx_walk_destroy(&walk.walk);
    char folder[XLSX_MAX_PART_NAME];
    char workbook_rels[XLSX_MAX_PART_NAME + 16];
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
        xlsx_walk_problem(problem, 0, "out of memory");
        return NULL;
    }
    book->zip = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (!book->zip) {
        int code = zip_error_code_zip(&error);
        xlsx_walk_problem(problem, 0, "%s", code == ZIP_ER_MEMORY ? "out of memory" : not_a_zip(head, head_length));
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
        xlsx_walk_problem(problem, 0, "%s", strerror(errno));
        return NULL;
    }
    struct stat info;
    size_t head_length = fread(head, 1, sizeof head, file);
    bool regular = fstat(fileno(file), &info) == 0 && S_ISREG(info.st_mode);
    fclose(file);
    if (!regular) {
        xlsx_walk_problem(problem, 0, "is not a file");
        return NULL;
    }
    if (info.st_size > XLSX_MAX_FILE_BYTES) {
        xlsx_walk_problem(problem, 0, "is %lld MiB, more than the limit of %d MiB (keep the pictures in the images "
                    "folder beside it, not in the workbook)", (long long)(info.st_size >> 20),
                    XLSX_MAX_FILE_BYTES >> 20);
        return NULL;
    }
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *source = zip_source_file_create(path, 0, -1, &error);
    zip_error_fini(&error);
    if (!source) {
        xlsx_walk_problem(problem, 0, "cannot be read");
        return NULL;
    }
    return open_source(source, head, head_length, problem);
}

XlsxBook *xlsx_book_open_buffer(const void *bytes, size_t size, XlsxProblem *problem)
{
    *problem = (XlsxProblem){0};
    if (size > XLSX_MAX_FILE_BYTES) {
        xlsx_walk_problem(problem, 0, "is more than the limit of %d MiB", XLSX_MAX_FILE_BYTES >> 20);
        return NULL;
    }
    if (size == 0) {
        xlsx_walk_problem(problem, 0, "%s", not_a_zip(bytes, 0));
        return NULL;
    }
    void *copy = malloc(size);
    if (!copy) {
        xlsx_walk_problem(problem, 0, "out of memory");
        return NULL;
    }
    memcpy(copy, bytes, size);
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *source = zip_source_buffer_create(copy, size, 1, &error);
    zip_error_fini(&error);
    if (!source) {
        free(copy);
        xlsx_walk_problem(problem, 0, "out of memory");
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

