/* xlsx_write.c — `pack export` (see xlsx_write.h) with libxlsxwriter.
 * Reading order: workbook_export() → write_images() (images/ beside the workbook) →
 * write_read_me() → write_table_sheet() for each source table (pack_rows.h gives the rows)
 * → workbook_close() into a temp name → rename.
 *
 * A table's sheet: the header row frozen, bold, white on dark blue for a required column,
 * on grey for an optional one, on light blue for a _sr_cyrl column (made from the Latin
 * when left empty), each with a note (xlsx_words.h); dates as Excel dates (yyyy-mm-dd),
 * whole numbers as numbers, everything else as text (also in the column's format, so that
 * Excel keeps "2011-2016" or "+381 …" as typed); a drop-down list on every fixed choice. */
#define _POSIX_C_SOURCE 200809L
#include "workbook/xlsx_write.h"

#include "durable/fsio.h"
#include "workbook/pack_rows.h"
#include "workbook/xlsx_words.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

enum {
    MAX_PATH = 4096,
    MIN_WIDTH = 8,        /* column widths, in characters */
    MAX_WIDTH = 60,
    DATE_WIDTH = 12,
    READ_ME_TOPIC_WIDTH = 18,
    READ_ME_TEXT_WIDTH = 70,
    NOTE_WIDTH = 360,     /* pixels */
    NOTE_HEIGHT = 150,
};

/* The formats of every sheet, made once per workbook. */
typedef struct Formats {
    lxw_format *header_required;
    lxw_format *header_optional;
    lxw_format *header_cyrillic;
    lxw_format *text;
    lxw_format *cyrillic;
    lxw_format *date;
    lxw_format *number;
    lxw_format *title;
    lxw_format *heading;
    lxw_format *wrapped;
} Formats;

typedef struct Export {
    lxw_workbook *workbook;
    Formats formats;
    char *why;
    size_t why_size;
} Export;

/* The fills of the header row (xlsx_words.c's Read me names them) and of Cyrillic cells. */
static const lxw_color_t COLOUR_REQUIRED = 0x1F4E79;
static const lxw_color_t COLOUR_OPTIONAL = 0xD9D9D9;
static const lxw_color_t COLOUR_CYRILLIC = 0xBDD7EE;
static const lxw_color_t COLOUR_CYRILLIC_CELLS = 0xEEF5FB;
static const lxw_color_t COLOUR_WHITE = 0xFFFFFF;

static lxw_format *header_format(lxw_workbook *workbook, lxw_color_t fill, lxw_color_t font)
{
    lxw_format *format = workbook_add_format(workbook);
    format_set_bold(format);
    format_set_bg_color(format, fill);
    format_set_font_color(format, font);
    format_set_bottom(format, LXW_BORDER_THIN);
    format_set_num_format(format, "@");
    return format;
}

static void make_formats(lxw_workbook *workbook, Formats *formats)
{
    formats->header_required = header_format(workbook, COLOUR_REQUIRED, COLOUR_WHITE);
    formats->header_optional = header_format(workbook, COLOUR_OPTIONAL, LXW_COLOR_BLACK);
    formats->header_cyrillic = header_format(workbook, COLOUR_CYRILLIC, LXW_COLOR_BLACK);
    formats->text = workbook_add_format(workbook);
    format_set_num_format(formats->text, "@");
    formats->cyrillic = workbook_add_format(workbook);
    format_set_num_format(formats->cyrillic, "@");
    format_set_bg_color(formats->cyrillic, COLOUR_CYRILLIC_CELLS);
    formats->date = workbook_add_format(workbook);
    format_set_num_format(formats->date, "yyyy-mm-dd");
    formats->number = workbook_add_format(workbook);
    format_set_num_format(formats->number, "0");
    formats->title = workbook_add_format(workbook);
    format_set_bold(formats->title);
    format_set_font_size(formats->title, 14);
    formats->heading = workbook_add_format(workbook);
    format_set_bold(formats->heading);
    format_set_bottom(formats->heading, LXW_BORDER_THIN);
    formats->wrapped = workbook_add_format(workbook);
    format_set_text_wrap(formats->wrapped);
    format_set_align(formats->wrapped, LXW_ALIGN_VERTICAL_TOP);
}

/* Keeps the first libxlsxwriter error with where it happened; true when error is none. */
static bool check(Export *export, lxw_error error, const char *where)
{
    if (error == LXW_NO_ERROR) {
        return true;
    }
    if (!export->why[0]) {
        snprintf(export->why, export->why_size, "%s: %s", where, lxw_strerror(error));
    }
    return false;
}

/* ---- the sheet "Read me" ------------------------------------------------------------------ */

static bool write_words_row(Export *export, lxw_worksheet *sheet, lxw_row_t row, const WorkbookWords *words,
                            lxw_format *format)
{
    const char *cells[] = {words->topic, words->en, words->sr_latn};
    bool ok = true;
    for (lxw_col_t col = 0; col < 3; col++) {
        ok = check(export, worksheet_write_string(sheet, row, col, cells[col], format), "Read me") && ok;
    }
    return ok;
}

static bool write_read_me(Export *export)
{
    const WorkbookWords *title = xlsx_words_title();
    lxw_worksheet *sheet = workbook_add_worksheet(export->workbook, title->topic);
    if (!sheet) {
        snprintf(export->why, export->why_size, "cannot add the sheet \"%s\"", title->topic);
        return false;
    }
    const Formats *formats = &export->formats;
    worksheet_set_column(sheet, 0, 0, READ_ME_TOPIC_WIDTH, formats->wrapped);
    worksheet_set_column(sheet, 1, 2, READ_ME_TEXT_WIDTH, formats->wrapped);
    bool ok = check(export, worksheet_write_string(sheet, 0, 1, title->en, formats->title), "Read me") &&
              check(export, worksheet_write_string(sheet, 0, 2, title->sr_latn, formats->title), "Read me") &&
              write_words_row(export, sheet, 2, xlsx_words_headings(), formats->heading);
    lxw_row_t row = 3;
    size_t count = 0;
    const WorkbookWords *words = xlsx_words_sheets(&count);
    for (size_t i = 0; ok && i < count; i++) {
        ok = write_words_row(export, sheet, row++, &words[i], NULL);
    }
    ok = ok && write_words_row(export, sheet, ++row, xlsx_words_rules_heading(), formats->heading);
    row++;
    words = xlsx_words_rules(&count);
    for (size_t i = 0; ok && i < count; i++) {
        ok = write_words_row(export, sheet, row++, &words[i], NULL);
    }
    worksheet_freeze_panes(sheet, 3, 0);
    return ok;
}

/* ---- a table's sheet ------------------------------------------------------------------------ */

/* Characters (not bytes) of a UTF-8 text. */
static size_t characters(const char *text)
{
    size_t count = 0;
    for (const unsigned char *s = (const unsigned char *)text; *s; s++) {
        count += (*s & 0xC0) != 0x80;
    }
    return count;
}

static double column_width(const PackTable *table, size_t s)
{
    if (table->columns[s].column->kind == COLUMN_DATE) {
        return DATE_WIDTH;
    }
    size_t widest = characters(table->columns[s].name) + 2; /* room for the drop-down arrow */
    for (size_t r = 0; r < table->row_count; r++) {
        const char *cell = table->cells[r * table->column_count + s];
        size_t width = cell ? characters(cell) + 1 : 0;
        widest = width > widest ? width : widest;
    }
    return widest < MIN_WIDTH ? MIN_WIDTH : widest > MAX_WIDTH ? MAX_WIDTH : (double)widest;
}

static lxw_format *cell_format(const Formats *formats, const PackColumn *column)
{
    switch (column->column->kind) {
    case COLUMN_DATE:
        return formats->date;
    case COLUMN_INTEGER:
        return formats->number;
    default:
        return column->lang == LANG_SR_CYRL ? formats->cyrillic : formats->text;
    }
}

static bool write_header(Export *export, lxw_worksheet *sheet, const PackTable *table)
{
    const Formats *formats = &export->formats;
    bool ok = true;
    for (size_t s = 0; ok && s < table->column_count; s++) {
        const PackColumn *column = &table->columns[s];
        lxw_format *format = column->lang == LANG_SR_CYRL ? formats->header_cyrillic
                             : column->column->required   ? formats->header_required
                                                          : formats->header_optional;
        char note[1024];
        xlsx_words_column_note(column->column, column->lang, note, sizeof note);
        lxw_comment_options options = {.width = NOTE_WIDTH, .height = NOTE_HEIGHT};
        worksheet_set_column(sheet, (lxw_col_t)s, (lxw_col_t)s, column_width(table, s), cell_format(formats, column));
        ok = check(export, worksheet_write_string(sheet, 0, (lxw_col_t)s, column->name, format), table->spec->name) &&
             check(export, worksheet_write_comment_opt(sheet, 0, (lxw_col_t)s, note, &options), table->spec->name);
    }
    return ok;
}

/* A drop-down list of the fixed words on every row a sheet may have. */
static bool add_choice_lists(Export *export, lxw_worksheet *sheet, const PackTable *table)
{
    lxw_row_t last = table->spec->single_row ? 1 : SCHEMA_MAX_ROWS;
    bool ok = true;
    for (size_t s = 0; ok && s < table->column_count; s++) {
        const ColumnSpec *column = table->columns[s].column;
        if (column->kind != COLUMN_CHOICE) {
            continue;
        }
        lxw_data_validation validation = {
            .validate = LXW_VALIDATION_TYPE_LIST,
            .value_list = (char **)column->choices,
            .ignore_blank = column->required ? LXW_VALIDATION_OFF : LXW_VALIDATION_ON,
            .error_title = "Not one of the words",
            .error_message = "Pick a word from the list. / Izaberite reč sa spiska.",
        };
        ok = check(export, worksheet_data_validation_range(sheet, 1, (lxw_col_t)s, last, (lxw_col_t)s, &validation),
                   table->spec->name);
    }
    return ok;
}

static bool write_cell(Export *export, lxw_worksheet *sheet, lxw_row_t row, lxw_col_t col, const PackColumn *column,
                       const char *value)
{
    const Formats *formats = &export->formats;
    lxw_format *format = cell_format(formats, column);
    int year = 0;
    int month = 0;
    int day = 0;
    if (column->column->kind == COLUMN_DATE && sscanf(value, "%4d-%2d-%2d", &year, &month, &day) == 3) {
        lxw_datetime date = {.year = year, .month = month, .day = day};
        return check(export, worksheet_write_datetime(sheet, row, col, &date, format), column->name);
    }
    if (column->column->kind == COLUMN_INTEGER) {
        return check(export, worksheet_write_number(sheet, row, col, strtod(value, NULL), format), column->name);
    }
    return check(export, worksheet_write_string(sheet, row, col, value, format), column->name);
}

static bool write_table_sheet(Export *export, PackRows *rows, const TableSpec *spec)
{
    PackTable table = {0};
    if (!pack_rows_read_table(rows, spec, &table, export->why, export->why_size)) {
        return false;
    }
    lxw_worksheet *sheet = workbook_add_worksheet(export->workbook, spec->name);
    bool ok = sheet != NULL;
    if (!ok) {
        snprintf(export->why, export->why_size, "cannot add the sheet \"%s\"", spec->name);
    }
    ok = ok && write_header(export, sheet, &table) && add_choice_lists(export, sheet, &table);
    for (size_t r = 0; ok && r < table.row_count; r++) {
        for (size_t s = 0; ok && s < table.column_count; s++) {
            const char *value = table.cells[r * table.column_count + s];
            ok = !value || write_cell(export, sheet, (lxw_row_t)(r + 1), (lxw_col_t)s, &table.columns[s], value);
        }
    }
    if (ok) {
        worksheet_freeze_panes(sheet, 1, spec->single_row ? 0 : 1);
    }
    pack_rows_table_free(&table);
    return ok;
}

/* The source tables in the order of xlsx_words_sheets(), then any it does not name. */
static bool write_table_sheets(Export *export, PackRows *rows)
{
    size_t table_count = 0;
    const TableSpec *tables = schema_tables(&table_count);
    size_t named = 0;
    const WorkbookWords *sheets = xlsx_words_sheets(&named);
    bool ok = true;
    for (size_t i = 0; ok && i < named; i++) {
        const TableSpec *spec = schema_table(sheets[i].topic);
        ok = !spec || !spec->from_sources || write_table_sheet(export, rows, spec);
    }
    for (size_t t = 0; ok && t < table_count; t++) {
        bool listed = false;
        for (size_t i = 0; i < named && !listed; i++) {
            listed = strcmp(sheets[i].topic, tables[t].name) == 0;
        }
        /* The event tables only from packs that have them (their local times: pack_rows.h). */
        ok = listed || !tables[t].from_sources || !pack_rows_has_table(rows, &tables[t]) ||
             write_table_sheet(export, rows, &tables[t]);
    }
    return ok;
}

/* ---- images beside the workbook --------------------------------------------------------------- */

static bool write_image(void *ctx, const char *name, const void *bytes, size_t size, char *why, size_t why_size)
{
    const char *folder = ctx;
    char path[MAX_PATH];
    /* The loader took the name as a key (letters, digits, - _ .), never starting with '.'. */
    if (strchr(name, '/') || name[0] == '.' || !fsio_join(path, sizeof path, folder, name)) {
        snprintf(why, why_size, "image \"%.100s\": not a file name", name);
        return false;
    }
    FsioReplace file = {.fd = -1};
    int error = fsio_replace_begin(&file, path, NULL, 0644);
    if (error == 0) {
        error = fsio_write_all(file.fd, bytes, size);
    }
    if (error == 0) {
        error = fsio_replace_commit(&file, NULL, FAULT_POINT_COUNT, false);
    } else {
        fsio_replace_abort(&file);
    }
    if (error != 0) {
        snprintf(why, why_size, "cannot write %.3000s: %s", path, strerror(error));
        return false;
    }
    return true;
}

/* The folder holding path ("." for a bare name) into out. */
static bool parent_folder(const char *path, char *out, size_t size)
{
    const char *slash = strrchr(path, '/');
    int written = slash ? snprintf(out, size, "%.*s", (int)(slash - path) + (slash == path), path)
                        : snprintf(out, size, ".");
    return written >= 0 && (size_t)written < size;
}

static bool write_images(PackRows *rows, const char *xlsx_path, char *why, size_t why_size)
{
    char parent[MAX_PATH];
    char folder[MAX_PATH];
    if (!parent_folder(xlsx_path, parent, sizeof parent) || !fsio_join(folder, sizeof folder, parent, "images")) {
        snprintf(why, why_size, "%.3000s: path too long", xlsx_path);
        return false;
    }
    struct stat info;
    if (mkdir(folder, 0755) != 0 && (errno != EEXIST || stat(folder, &info) != 0 || !S_ISDIR(info.st_mode))) {
        snprintf(why, why_size, "cannot make the folder %.3000s: %s", folder,
                 errno == EEXIST ? "a file is in the way" : strerror(errno));
        return false;
    }
    return pack_rows_each_image(rows, write_image, folder, why, why_size) && fsio_sync_dir(folder) == 0;
}

/* ---- entry point ------------------------------------------------------------------------------------ */

bool workbook_export(const char *pack_path, const char *xlsx_path, char *why, size_t why_size)
{
    why[0] = '\0';
    PackRows *rows = pack_rows_open(pack_path, why, why_size);
    if (!rows) {
        return false;
    }
    char temporary[MAX_PATH];
    int length = snprintf(temporary, sizeof temporary, "%s.part-%ld", xlsx_path, (long)getpid());
    if (length < 0 || (size_t)length >= sizeof temporary) {
        snprintf(why, why_size, "%.3000s: path too long", xlsx_path);
        pack_rows_close(rows);
        return false;
    }
    Export export = {.why = why, .why_size = why_size};
    bool ok = write_images(rows, xlsx_path, why, why_size);
    export.workbook = ok ? workbook_new(temporary) : NULL;
    if (ok && !export.workbook) {
        snprintf(why, why_size, "cannot write %.3000s", temporary);
        ok = false;
    }
    if (export.workbook) {
        lxw_doc_properties properties = {.title = "Kiosk content", .comments = "facts-kiosk pack export"};
        workbook_set_properties(export.workbook, &properties);
        make_formats(export.workbook, &export.formats);
        ok = write_read_me(&export) && write_table_sheets(&export, rows);
        lxw_error closed = workbook_close(export.workbook); /* writes the file, frees the workbook */
        ok = check(&export, closed, temporary) && ok;
    }
    pack_rows_close(rows);
    int error = ok ? fsio_rename_durable(temporary, xlsx_path) : 0;
    if (error != 0) {
        snprintf(why, why_size, "cannot write %.3000s: %s", xlsx_path, strerror(error));
        ok = false;
    }
    if (!ok) {
        unlink(temporary);
    }
    return ok;
}
