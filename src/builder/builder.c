/* builder.c — sources → pack; see builder.h.
 * Reading order: builder_build() → read_table() for each TableSpec (CSV → checked rows) →
 * check_references() → read_images() → write_pack(). Every check reports `file:line:`. */
#define _POSIX_C_SOURCE 200809L
#include "builder/builder.h"

#include "builder/csv.h"
#include "content/image_probe.h"
#include "content/schema.h"
#include "core/translit.h"
#include "core/utf8.h"
#include "durable/fsio.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { MAX_SQL_COLUMNS = 64, MAX_PATH = 4096 };

/* One checked source row: a value per SQL column (NULL = SQL NULL) and where it came from. */
typedef struct SourceRow {
    char *values[MAX_SQL_COLUMNS];
    long line;
} SourceRow;

typedef struct SourceTable {
    const TableSpec *spec;
    char path[MAX_PATH];
    SourceRow *rows;
    size_t row_count;
} SourceTable;

/* A referenced image file, read and probed. */
typedef struct SourceImage {
    char *name;
    ImageProbe probe;
    unsigned char *bytes;
    size_t size;
} SourceImage;

typedef struct Build {
    const char *source_dir;
    BuilderReport *report;
    SourceTable *tables;
    size_t table_count;
    SourceImage *images;
    size_t image_count;
} Build;

/* One line to the report: a problem (counted, blocks the build) or a warning (counted
 * apart, never blocking). */
static void emit(Build *build, bool warning, const char *format, va_list args) __attribute__((format(printf, 3, 0)));

static void emit(Build *build, bool warning, const char *format, va_list args)
{
    char line[1024];
    vsnprintf(line, sizeof line, format, args);
    if (build->report) {
        if (warning) {
            build->report->warning_count++;
        } else {
            build->report->count++;
        }
        if (build->report->each) {
            build->report->each(build->report->ctx, line);
        }
    }
}

static void report(Build *build, const char *format, ...) __attribute__((format(printf, 2, 3)));

static void report(Build *build, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    emit(build, false, format, args);
    va_end(args);
}

static void warn(Build *build, const char *format, ...) __attribute__((format(printf, 2, 3)));

/* A likely mistake that still makes a valid pack: shown, counted apart, never blocking. */
static void warn(Build *build, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    emit(build, true, format, args);
    va_end(args);
}

static size_t problem_count(const Build *build)
{
    return build->report ? build->report->count : 0;
}

/* ---- the SQL columns of a table, in a fixed order ------------------------------------ */

typedef struct SqlColumn {
    const ColumnSpec *column;
    int lang;          /* COLUMN_TEXT: which language; else -1 */
    char name[96];
} SqlColumn;

static size_t sql_columns(const TableSpec *spec, SqlColumn *out)
{
    size_t n = 0;
    for (size_t c = 0; c < spec->column_count; c++) {
        const ColumnSpec *column = &spec->columns[c];
        int width = column->kind == COLUMN_TEXT ? LANG_COUNT : 1;
        for (int l = 0; l < width; l++) {
            out[n].column = column;
            out[n].lang = column->kind == COLUMN_TEXT ? l : -1;
            if (column->kind == COLUMN_TEXT) {
                snprintf(out[n].name, sizeof out[n].name, "%s_%s", column->name, lang_column_suffix((Lang)l));
            } else {
                snprintf(out[n].name, sizeof out[n].name, "%s", column->name);
            }
            n++;
        }
    }
    return n;
}

/* ---- reading one CSV ------------------------------------------------------------------- */

static char *read_file(const char *path, size_t limit, size_t *size, int *error)
{
    FILE *file = fopen(path, "rb");
    struct stat info;
    char *bytes = NULL;
    *error = 0;
    if (!file) {
        *error = errno;
        return NULL;
    }
    if (fstat(fileno(file), &info) != 0 || !S_ISREG(info.st_mode)) {
        *error = EINVAL;
    } else if ((size_t)info.st_size > limit) {
        *error = EFBIG;
    } else if ((bytes = malloc((size_t)info.st_size + 1)) == NULL) {
        *error = ENOMEM;
    } else {
        *size = fread(bytes, 1, (size_t)info.st_size, file);
        bytes[*size] = '\0';
        if (ferror(file)) {
            *error = EIO;
            free(bytes);
            bytes = NULL;
        }
    }
    fclose(file);
    return bytes;
}

static char *trimmed_copy(const char *text)
{
    while (*text == ' ' || *text == '\t') {
        text++;
    }
    size_t length = strlen(text);
    while (length && (text[length - 1] == ' ' || text[length - 1] == '\t')) {
        length--;
    }
    char *copy = malloc(length + 1);
    if (copy) {
        memcpy(copy, text, length);
        copy[length] = '\0';
    }
    return copy;
}

/* Maps each SQL column to its CSV field index (-1 = not in the file). */
static bool map_header(Build *build, SourceTable *table, const CsvRecord *header, char separator,
                       const SqlColumn *columns, size_t column_count, int *field_of)
{
    const char other = separator == ',' ? ';' : ',';
    bool ok = true;
    for (size_t s = 0; s < column_count; s++) {
        field_of[s] = -1;
    }
    for (size_t f = 0; f < header->field_count; f++) {
        char *name = trimmed_copy(header->fields[f]);
        if (!name) {
            return false;
        }
        size_t s = 0;
        while (s < column_count && strcmp(columns[s].name, name) != 0) {
            s++;
        }
        if (s == column_count && strchr(name, other)) {
            /* The first row has both separators, and this one is the fewer (see csv.h). */
            report(build, "%s:%ld: unknown column \"%s\" (the file uses '%c' as separator here: use ',' or ';' "
                   "throughout, not both)", table->path, header->line, name, other);
            ok = false;
        } else if (s == column_count) {
            report(build, "%s:%ld: unknown column \"%s\"", table->path, header->line, name);
            ok = false;
        } else if (field_of[s] >= 0) {
            report(build, "%s:%ld: column \"%s\" appears twice", table->path, header->line, name);
            ok = false;
        } else {
            field_of[s] = (int)f;
        }
        free(name);
    }
    for (size_t s = 0; s < column_count; s++) {
        /* Cyrillic may be left to the builder, and a column added later (schema_column_added)
         * to sources written before it; everything else must be there. */
        if (field_of[s] < 0 && columns[s].lang != LANG_SR_CYRL &&
            !schema_column_added(table->spec, columns[s].column)) {
            report(build, "%s:%ld: missing column \"%s\"", table->path, header->line, columns[s].name);
            ok = false;
        }
    }
    return ok;
}

enum { EXCERPT_BYTES = 60 };

/* The start of text, at most EXCERPT_BYTES bytes cut at a character, with "…" if cut. */
static void excerpt(const char *text, char *out, size_t size)
{
    size_t length = strlen(text);
    size_t cut = 0;
    size_t next = 0;
    while (next < length && next <= EXCERPT_BYTES) {
        cut = next;
        utf8_next(text, length, &next);
    }
    if (next <= EXCERPT_BYTES) {
        cut = length;
    }
    snprintf(out, size, "%.*s%s", (int)cut, text, cut < length ? "…" : "");
}

/* Serbian Latin left as the English text makes Cyrillic of English words ("Trade fair" →
 * "Траде фаир"). Names may be the same in both, so it is a warning, and only where the
 * Cyrillic is derived and differs from the Latin (not for "400+" or "WGSN"). */
static void check_untranslated(Build *build, const SourceTable *table, long line, const SqlColumn *columns,
                               size_t first, const char *const *values)
{
    const char *en = values[first + LANG_EN];
    const char *latin = values[first + LANG_SR_LATN];
    const char *cyrillic = values[first + LANG_SR_CYRL];
    if (!latin[0] || strcmp(en, latin) != 0 || strcmp(cyrillic, latin) == 0) {
        return;
    }
    char said[EXCERPT_BYTES + 8];
    char made[EXCERPT_BYTES + 8];
    excerpt(latin, said, sizeof said);
    excerpt(cyrillic, made, sizeof made);
    warn(build, "%s:%ld: column \"%s\": warning: the same text as in English (\"%s\"), so its Cyrillic would be "
         "\"%s\"; translate it, or write the Cyrillic in \"%s\"", table->path, line, columns[first + LANG_SR_LATN].name,
         said, made, columns[first + LANG_SR_CYRL].name);
}

/* Checks the three texts of one COLUMN_TEXT (at values[first..first+2]) and derives
 * Cyrillic from Serbian Latin where it is empty. */
static bool check_local_text(Build *build, const SourceTable *table, long line, const SqlColumn *columns,
                             size_t first, char **values)
{
    const ColumnSpec *column = columns[first].column;
    char *en = values[first + LANG_EN];
    char *latin = values[first + LANG_SR_LATN];
    char **cyrillic = &values[first + LANG_SR_CYRL];
    bool ok = true;
    if (column->required || en[0] || latin[0] || (*cyrillic)[0]) {
        for (int l = LANG_EN; l <= LANG_SR_LATN; l++) {
            if (values[first + (size_t)l][0] == '\0') {
                report(build, "%s:%ld: column \"%s\": %s", table->path, line, columns[first + (size_t)l].name,
                       column->required ? "required text is empty" : "text is missing in this language");
                ok = false;
            }
        }
    }
    for (int l = 0; l < LANG_COUNT; l++) {
        if (strlen(values[first + (size_t)l]) > SCHEMA_MAX_TEXT_BYTES) {
            report(build, "%s:%ld: column \"%s\": text is longer than %d bytes", table->path, line,
                   columns[first + (size_t)l].name, SCHEMA_MAX_TEXT_BYTES);
            ok = false;
        }
    }
    if (ok && (*cyrillic)[0] == '\0' && latin[0]) {
        char *derived = translit_latin_to_cyrillic(latin);
        if (!derived) {
            report(build, "out of memory");
            return false;
        }
        free(*cyrillic);
        *cyrillic = derived;
        check_untranslated(build, table, line, columns, first, (const char *const *)values);
    }
    return ok;
}

/* Where an id was first seen in this table, for duplicate-key messages. */
static long id_line(const SourceTable *table, size_t id_index, const char *id, size_t before)
{
    for (size_t r = 0; r < before; r++) {
        const char *other = table->rows[r].values[id_index];
        if (other && strcmp(other, id) == 0) {
            return table->rows[r].line;
        }
    }
    return 0;
}

/* The dashes a spreadsheet or a keyboard gives for a range: hyphen, en dash, em dash. */
static size_t dash_length(const char *s)
{
    static const char *const DASHES[] = {"-", "\xE2\x80\x93", "\xE2\x80\x94"};
    for (size_t i = 0; i < sizeof DASHES / sizeof DASHES[0]; i++) {
        size_t length = strlen(DASHES[i]);
        if (strncmp(s, DASHES[i], length) == 0) {
            return length;
        }
    }
    return 0;
}

/* "2019–2021", "2019 — 2021" → "2019-2021" in place (never longer). */
static void normalise_years(char *value)
{
    char *out = value;
    for (const char *s = value; *s;) {
        size_t dash = dash_length(s);
        if (dash) {
            while (out > value && out[-1] == ' ') {
                out--;
            }
            *out++ = '-';
            s += dash;
            while (*s == ' ') {
                s++;
            }
        } else {
            *out++ = *s++;
        }
    }
    *out = '\0';
}

/* A fixed word in any case → its one spelling ("sme" → "SME"); any other value is left
 * for schema_check_value() to refuse. False only when out of memory. */
static bool normalise_choice(const ColumnSpec *column, char **value)
{
    for (int i = 0; column->choices && column->choices[i]; i++) {
        if (strcasecmp(column->choices[i], *value) == 0) {
            char *canonical = strdup(column->choices[i]);
            if (!canonical) {
                return false;
            }
            free(*value);
            *value = canonical;
            return true;
        }
    }
    return true;
}

/* The form the loader accepts of what staff wrote (see builder.h); false when out of memory. */
static bool normalise_value(const ColumnSpec *column, char **value)
{
    switch (column->kind) {
    case COLUMN_YEARS:
        normalise_years(*value);
        return true;
    case COLUMN_CHOICE:
        return normalise_choice(column, value);
    default:
        return true;
    }
}

static bool check_value(Build *build, SourceTable *table, long line, const SqlColumn *column, char **value)
{
    char why[256];
    if ((*value)[0] == '\0') {
        if (column->column->required) {
            report(build, "%s:%ld: column \"%s\": required value is empty", table->path, line, column->name);
            return false;
        }
        free(*value);
        *value = NULL; /* SQL NULL */
        return true;
    }
    if (column->column->kind == COLUMN_PLAIN && strlen(*value) > SCHEMA_MAX_TEXT_BYTES) {
        report(build, "%s:%ld: column \"%s\": text is longer than %d bytes", table->path, line, column->name,
               SCHEMA_MAX_TEXT_BYTES);
        return false;
    }
    char *written = strdup(*value);
    if (!written || !normalise_value(column->column, &written)) {
        free(written);
        report(build, "out of memory");
        return false;
    }
    if (!schema_check_value(column->column, written, why, sizeof why)) {
        /* The message quotes the value as the staff member wrote it. */
        schema_check_value(column->column, *value, why, sizeof why);
        report(build, "%s:%ld: column \"%s\": %s", table->path, line, column->name, why);
        free(written);
        return false;
    }
    free(*value);
    *value = written;
    return true;
}

/* A row with too few fields that has enough of the other separator to fill them was
 * typed or pasted with it. */
static void report_field_count(Build *build, const SourceTable *table, const CsvRecord *record,
                               const CsvRecord *header, char separator)
{
    const char other = separator == ',' ? ';' : ',';
    if (record->field_count < header->field_count && record->other_separators + 1 >= header->field_count) {
        report(build, "%s:%ld: has %zu fields, the header has %zu (this row uses '%c' as separator, the header '%c')",
               table->path, record->line, record->field_count, header->field_count, other, separator);
    } else {
        report(build, "%s:%ld: has %zu fields, the header has %zu (check %s and quotes)", table->path, record->line,
               record->field_count, header->field_count, separator == ',' ? "commas" : "semicolons");
    }
}

static bool read_row(Build *build, SourceTable *table, const CsvTable *csv, const CsvRecord *record,
                     const SqlColumn *columns, size_t column_count, const int *field_of)
{
    SourceRow *row = &table->rows[table->row_count];
    const CsvRecord *header = &csv->records[0];
    *row = (SourceRow){.line = record->line};
    if (record->field_count != header->field_count) {
        report_field_count(build, table, record, header, csv->separator);
        return false;
    }
    table->row_count++; /* counted first so build_free() releases a half-read row */
    for (size_t s = 0; s < column_count; s++) {
        row->values[s] = trimmed_copy(field_of[s] >= 0 ? record->fields[field_of[s]] : "");
        if (!row->values[s]) {
            report(build, "out of memory");
            return false;
        }
    }
    bool ok = true;
    for (size_t s = 0; s < column_count; s++) {
        const SqlColumn *column = &columns[s];
        if (column->lang >= 0) {
            if (column->lang == LANG_EN) {
                ok = check_local_text(build, table, record->line, columns, s, row->values) && ok;
            }
            continue;
        }
        if (!check_value(build, table, record->line, column, &row->values[s])) {
            ok = false;
            continue;
        }
        long first = column->column->kind == COLUMN_ID && row->values[s]
                         ? id_line(table, s, row->values[s], table->row_count - 1)
                         : 0;
        if (first) {
            report(build, "%s:%ld: column \"%s\": \"%s\" is already used on line %ld", table->path,
                   record->line, column->name, row->values[s], first);
            ok = false;
        }
    }
    return ok;
}

static bool read_table(Build *build, SourceTable *table)
{
    SqlColumn columns[MAX_SQL_COLUMNS];
    size_t column_count = sql_columns(table->spec, columns);
    snprintf(table->path, sizeof table->path, "%s/%s.csv", build->source_dir, table->spec->name);
    size_t size = 0;
    int error = 0;
    char *text = read_file(table->path, 64u << 20, &size, &error);
    if (!text) {
        report(build, "%s: %s", table->path, error == ENOENT ? "file is missing" : strerror(error));
        return false;
    }
    CsvTable csv = {0};
    char why[256];
    bool ok = csv_table_load(text, size, &csv, why, sizeof why);
    free(text);
    if (!ok) {
        /* why is "line N: …"; turn it into path:N: … */
        long line = 0;
        const char *rest = why;
        if (sscanf(why, "line %ld:", &line) == 1 && (rest = strchr(why, ':')) != NULL) {
            report(build, "%s:%ld:%s", table->path, line, rest + 1);
        } else {
            report(build, "%s: %s", table->path, why);
        }
        csv_table_unload(&csv);
        return false;
    }
    if (csv.record_count == 0) {
        report(build, "%s:1: the file is empty; the first row must name the columns", table->path);
        csv_table_unload(&csv);
        return false;
    }
    int field_of[MAX_SQL_COLUMNS];
    ok = map_header(build, table, &csv.records[0], csv.separator, columns, column_count, field_of);
    size_t data_rows = csv.record_count - 1;
    if (ok && table->spec->single_row && data_rows != 1) {
        report(build, "%s:%ld: must have exactly one row below the header, it has %zu", table->path,
               csv.records[0].line, data_rows);
        ok = false;
    }
    if (ok && data_rows > SCHEMA_MAX_ROWS) {
        report(build, "%s: has %zu rows, more than %d", table->path, data_rows, SCHEMA_MAX_ROWS);
        ok = false;
    }
    if (ok) {
        table->rows = calloc(data_rows ? data_rows : 1, sizeof *table->rows);
        ok = table->rows != NULL;
    }
    for (size_t r = 1; ok && r < csv.record_count; r++) {
        /* Keep going after a bad row: staff see every problem in one run (they are
         * counted in the report, which decides whether a pack is written). */
        read_row(build, table, &csv, &csv.records[r], columns, column_count, field_of);
    }
    csv_table_unload(&csv);
    return ok;
}

/* ---- references and images ------------------------------------------------------------- */

static const SourceTable *source_table(const Build *build, const char *name)
{
    for (size_t t = 0; t < build->table_count; t++) {
        if (build->tables[t].spec && strcmp(build->tables[t].spec->name, name) == 0) {
            return &build->tables[t];
        }
    }
    return NULL;
}

static bool table_has_id(const SourceTable *table, const char *id)
{
    for (size_t r = 0; table && r < table->row_count; r++) {
        if (table->rows[r].values[0] && strcmp(table->rows[r].values[0], id) == 0) {
            return true;
        }
    }
    return false;
}

static SourceImage *find_image(Build *build, const char *name)
{
    for (size_t i = 0; i < build->image_count; i++) {
        if (strcmp(build->images[i].name, name) == 0) {
            return &build->images[i];
        }
    }
    return NULL;
}

static bool safe_file_name(const char *name)
{
    return name[0] != '.' && !strchr(name, '/') && !strchr(name, '\\');
}

static bool add_image(Build *build, const SourceTable *table, long line, const char *column, const char *name)
{
    if (find_image(build, name)) {
        return true;
    }
    char path[MAX_PATH];
    char where[MAX_PATH + 64];
    snprintf(where, sizeof where, "%s:%ld: column \"%s\"", table->path, line, column);
    if (!safe_file_name(name)) {
        report(build, "%s: \"%s\" must be a file name in %s/images/, not a path", where, name, build->source_dir);
        return false;
    }
    snprintf(path, sizeof path, "%s/images/%s", build->source_dir, name);
    size_t size = 0;
    int error = 0;
    unsigned char *bytes = (unsigned char *)read_file(path, SCHEMA_MAX_IMAGE_BYTES, &size, &error);
    if (!bytes) {
        if (error == ENOENT) {
            report(build, "%s: image \"%s\" not found in %s/images/", where, name, build->source_dir);
        } else if (error == EFBIG) {
            report(build, "%s: image \"%s\" is larger than %d MiB", where, name, SCHEMA_MAX_IMAGE_BYTES >> 20);
        } else {
            report(build, "%s: image \"%s\": %s", where, name, strerror(error));
        }
        return false;
    }
    ImageProbe probe = {0};
    char why[128];
    bool ok = image_probe(bytes, size, &probe, why, sizeof why);
    if (!ok) {
        report(build, "%s: image \"%s\": %s", where, name, why);
    } else if (probe.width < 1 || probe.height < 1 || probe.width > SCHEMA_MAX_IMAGE_SIDE ||
               probe.height > SCHEMA_MAX_IMAGE_SIDE) {
        report(build, "%s: image \"%s\" is %ldx%ld px; at most %d px a side", where, name, probe.width,
               probe.height, SCHEMA_MAX_IMAGE_SIDE);
        ok = false;
    }
    SourceImage *images = ok ? realloc(build->images, (build->image_count + 1) * sizeof *images) : NULL;
    char *copy = ok ? strdup(name) : NULL;
    if (!images || !copy) {
        if (images) {
            build->images = images;
        }
        free(copy);
        free(bytes);
        return false;
    }
    build->images = images;
    build->images[build->image_count++] = (SourceImage){copy, probe, bytes, size};
    return true;
}

/* All images together within SCHEMA_MAX_TOTAL_PIXELS (the loader refuses more). */
static bool check_pixel_budget(Build *build)
{
    unsigned long long pixels = 0;
    for (size_t i = 0; i < build->image_count; i++) {
        pixels += (unsigned long long)build->images[i].probe.width * (unsigned long long)build->images[i].probe.height;
    }
    if (pixels <= SCHEMA_MAX_TOTAL_PIXELS) {
        return true;
    }
    report(build, "%s/images/: the %zu images used total %.1f megapixels, more than the budget of %d megapixels "
           "(make them smaller or use fewer)", build->source_dir, build->image_count, (double)pixels / 1e6,
           SCHEMA_MAX_TOTAL_PIXELS / 1000000);
    return false;
}

static bool check_references(Build *build)
{
    bool ok = true;
    for (size_t t = 0; t < build->table_count; t++) {
        const SourceTable *table = &build->tables[t];
        SqlColumn columns[MAX_SQL_COLUMNS];
        size_t column_count = table->spec ? sql_columns(table->spec, columns) : 0;
        for (size_t s = 0; s < column_count; s++) {
            if (columns[s].column->kind != COLUMN_REF) {
                continue;
            }
            for (size_t r = 0; r < table->row_count; r++) {
                const char *value = table->rows[r].values[s];
                if (!value) {
                    continue;
                }
                if (strcmp(columns[s].column->ref_table, "images") == 0) {
                    ok = add_image(build, table, table->rows[r].line, columns[s].name, value) && ok;
                } else if (!table_has_id(source_table(build, columns[s].column->ref_table), value)) {
                    report(build, "%s:%ld: column \"%s\": \"%s\" is not an id in %s/%s.csv", table->path,
                           table->rows[r].line, columns[s].name, value, build->source_dir,
                           columns[s].column->ref_table);
                    ok = false;
                }
            }
        }
    }
    return ok;
}

/* ---- writing ----------------------------------------------------------------------------- */

static bool exec_sql(sqlite3 *db, const char *sql, char *why, size_t why_size)
{
    char *message = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &message) != SQLITE_OK) {
        snprintf(why, why_size, "%s", message ? message : sqlite3_errmsg(db));
        sqlite3_free(message);
        return false;
    }
    return true;
}

/* Marks the columns the SQL schema declares NOT NULL. */
static bool not_null_columns(sqlite3 *db, const char *table, const SqlColumn *columns, size_t column_count,
                             bool *not_null)
{
    sqlite3_stmt *statement = NULL;
    if (sqlite3_prepare_v2(db, "SELECT name FROM pragma_table_info(?1) WHERE \"notnull\"", -1, &statement, NULL) !=
        SQLITE_OK) {
        return false;
    }
    sqlite3_bind_text(statement, 1, table, -1, SQLITE_STATIC);
    for (size_t s = 0; s < column_count; s++) {
        not_null[s] = false;
    }
    int rc;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(statement, 0);
        for (size_t s = 0; name && s < column_count; s++) {
            not_null[s] = not_null[s] || strcmp(columns[s].name, name) == 0;
        }
    }
    sqlite3_finalize(statement);
    return rc == SQLITE_DONE;
}

/* Which columns go into the pack: all, except a column added later (schema_column_added)
 * that no row fills in — the pack then has exactly the bytes it had before that column
 * existed. The added columns that are used are added to the table here. */
static bool choose_columns(sqlite3 *db, const SourceTable *table, const SqlColumn *columns, size_t column_count,
                           bool *written, char *why, size_t why_size)
{
    for (size_t s = 0; s < column_count; s++) {
        written[s] = true;
        if (!schema_column_added(table->spec, columns[s].column)) {
            continue;
        }
        bool filled = false;
        for (size_t t = 0; t < column_count && !filled; t++) {
            for (size_t r = 0; columns[t].column == columns[s].column && r < table->row_count && !filled; r++) {
                const char *value = table->rows[r].values[t];
                filled = value && value[0];
            }
        }
        written[s] = filled;
        if (filled) {
            char sql[256];
            const char *type = columns[s].column->kind == COLUMN_INTEGER ? "INTEGER" : "TEXT NOT NULL DEFAULT ''";
            snprintf(sql, sizeof sql, "ALTER TABLE \"%s\" ADD COLUMN \"%s\" %s", table->spec->name, columns[s].name,
                     type);
            if (!exec_sql(db, sql, why, why_size)) {
                return false;
            }
        }
    }
    return true;
}

static bool insert_rows(sqlite3 *db, const SourceTable *table, char *why, size_t why_size)
{
    SqlColumn columns[MAX_SQL_COLUMNS];
    size_t column_count = sql_columns(table->spec, columns);
    bool written[MAX_SQL_COLUMNS];
    if (!choose_columns(db, table, columns, column_count, written, why, why_size)) {
        return false;
    }
    bool not_null[MAX_SQL_COLUMNS];
    if (!not_null_columns(db, table->spec->name, columns, column_count, not_null)) {
        snprintf(why, why_size, "%s: %s", table->spec->name, sqlite3_errmsg(db));
        return false;
    }
    char sql[4096];
    size_t used = (size_t)snprintf(sql, sizeof sql, "INSERT INTO \"%s\" (", table->spec->name);
    size_t written_count = 0;
    for (size_t s = 0; s < column_count; s++) {
        if (written[s]) {
            used += (size_t)snprintf(sql + used, sizeof sql - used, "%s\"%s\"", written_count++ ? ", " : "",
                                     columns[s].name);
        }
    }
    used += (size_t)snprintf(sql + used, sizeof sql - used, "%s) VALUES (", table->spec->has_position ? ", position" : "");
    size_t parameters = written_count + (table->spec->has_position ? 1 : 0);
    for (size_t p = 0; p < parameters; p++) {
        used += (size_t)snprintf(sql + used, sizeof sql - used, "%s?", p ? ", " : "");
    }
    snprintf(sql + used, sizeof sql - used, ")");
    sqlite3_stmt *statement = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, NULL) != SQLITE_OK) {
        snprintf(why, why_size, "%s: %s", table->spec->name, sqlite3_errmsg(db));
        return false;
    }
    bool ok = true;
    for (size_t r = 0; ok && r < table->row_count; r++) {
        sqlite3_reset(statement);
        int index = 0;
        for (size_t s = 0; s < column_count; s++) {
            const char *value = table->rows[r].values[s];
            if (!written[s]) {
                continue;
            }
            index++;
            if (!value && not_null[s]) {
                sqlite3_bind_text(statement, index, "", 0, SQLITE_STATIC); /* the loader reads '' as no value */
            } else if (!value) {
                sqlite3_bind_null(statement, index);
            } else if (columns[s].column->kind == COLUMN_INTEGER) {
                sqlite3_bind_int64(statement, index, atoll(value));
            } else {
                sqlite3_bind_text(statement, index, value, -1, SQLITE_STATIC);
            }
        }
        if (table->spec->has_position) {
            sqlite3_bind_int64(statement, (int)written_count + 1, (sqlite3_int64)r + 1);
        }
        if (sqlite3_step(statement) != SQLITE_DONE) {
            snprintf(why, why_size, "%.300s line %ld: %.150s", table->path, table->rows[r].line, sqlite3_errmsg(db));
            ok = false;
        }
    }
    sqlite3_finalize(statement);
    return ok;
}

static int compare_images(const void *a, const void *b)
{
    return strcmp(((const SourceImage *)a)->name, ((const SourceImage *)b)->name);
}

static bool insert_images(sqlite3 *db, Build *build, char *why, size_t why_size)
{
    sqlite3_stmt *statement = NULL;
    if (sqlite3_prepare_v2(db, "INSERT INTO images (name, format, width, height, data) VALUES (?, ?, ?, ?, ?)", -1,
                           &statement, NULL) != SQLITE_OK) {
        snprintf(why, why_size, "images: %s", sqlite3_errmsg(db));
        return false;
    }
    /* Sorted by name so the same sources always give the same bytes. */
    if (build->image_count > 1) {
        qsort(build->images, build->image_count, sizeof *build->images, compare_images);
    }
    bool ok = true;
    for (size_t i = 0; ok && i < build->image_count; i++) {
        const SourceImage *image = &build->images[i];
        sqlite3_reset(statement);
        sqlite3_bind_text(statement, 1, image->name, -1, SQLITE_STATIC);
        sqlite3_bind_text(statement, 2, image_format_name(image->probe.format), -1, SQLITE_STATIC);
        sqlite3_bind_int64(statement, 3, image->probe.width);
        sqlite3_bind_int64(statement, 4, image->probe.height);
        sqlite3_bind_blob(statement, 5, image->bytes, (int)image->size, SQLITE_STATIC);
        if (sqlite3_step(statement) != SQLITE_DONE) {
            snprintf(why, why_size, "image %s: %s", image->name, sqlite3_errmsg(db));
            ok = false;
        }
    }
    sqlite3_finalize(statement);
    return ok;
}

static bool write_pack(Build *build, const char *out_path)
{
    char temporary[MAX_PATH + 8];
    char why[512] = "";
    snprintf(temporary, sizeof temporary, "%s.tmp", out_path);
    unlink(temporary);
    sqlite3 *db = NULL;
    bool ok = sqlite3_open_v2(temporary, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) == SQLITE_OK;
    if (!ok) {
        snprintf(why, sizeof why, "%s", db ? sqlite3_errmsg(db) : "out of memory");
    }
    ok = ok && exec_sql(db, "PRAGMA journal_mode=DELETE; PRAGMA page_size=4096; BEGIN", why, sizeof why) &&
         exec_sql(db, BUILDER_SCHEMA_SQL, why, sizeof why);
    for (size_t t = 0; ok && t < build->table_count; t++) {
        ok = insert_rows(db, &build->tables[t], why, sizeof why);
    }
    ok = ok && insert_images(db, build, why, sizeof why) && exec_sql(db, "COMMIT", why, sizeof why) &&
         exec_sql(db, "VACUUM", why, sizeof why);
    if (sqlite3_close(db) != SQLITE_OK && ok) {
        snprintf(why, sizeof why, "cannot close the pack");
        ok = false;
    }
    int error = ok ? fsio_rename_durable(temporary, out_path) : 0;
    if (error != 0) {
        snprintf(why, sizeof why, "cannot write %s: %s", out_path, strerror(error));
        ok = false;
    }
    if (!ok) {
        report(build, "%s: %s", out_path, why);
        unlink(temporary);
    }
    return ok;
}

/* ---- entry point --------------------------------------------------------------------------- */

static void build_free(Build *build)
{
    for (size_t t = 0; t < build->table_count; t++) {
        SourceTable *table = &build->tables[t];
        for (size_t r = 0; r < table->row_count; r++) {
            for (size_t s = 0; s < MAX_SQL_COLUMNS; s++) {
                free(table->rows[r].values[s]);
            }
        }
        free(table->rows);
    }
    free(build->tables);
    for (size_t i = 0; i < build->image_count; i++) {
        free(build->images[i].name);
        free(build->images[i].bytes);
    }
    free(build->images);
}

bool builder_build(const char *source_dir, const char *out_path, BuilderReport *report_to)
{
    Build build = {.source_dir = source_dir, .report = report_to};
    BuilderReport local = {0};
    if (!build.report) {
        build.report = &local;
    }
    size_t spec_count = 0;
    const TableSpec *specs = schema_tables(&spec_count);
    build.tables = calloc(spec_count, sizeof *build.tables);
    if (!build.tables) {
        report(&build, "out of memory");
        return false;
    }
    for (size_t t = 0; t < spec_count; t++) {
        if (specs[t].from_sources) {
            build.tables[build.table_count].spec = &specs[t];
            read_table(&build, &build.tables[build.table_count]);
            build.table_count++;
        }
    }
    if (problem_count(&build) == 0 && check_references(&build)) {
        check_pixel_budget(&build);
    }
    bool ok = problem_count(&build) == 0 && write_pack(&build, out_path);
    build_free(&build);
    return ok;
}
