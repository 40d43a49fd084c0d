/* builder.c — sources → pack; see builder.h.
 * Reading order: builder_build() → read_table() for each TableSpec (CSV → checked rows) →
 * check_references() → read_images() → write_pack(). Every check reports `file:line:` (for a
 * workbook `content.xlsx, sheet "members", row 14`); sources.c reads a CSV folder or a workbook. */
#define _POSIX_C_SOURCE 200809L
#include "builder/builder.h"

#include "builder/build_event.h"
#include "builder/build_ics.h"
#include "builder/build_messages.h"
#include "builder/build_names.h"
#include "builder/csv.h"
#include "builder/sources.h"
#include "content/image_probe.h"
#include "content/schema.h"
#include "core/id_list.h"
#include "core/event_board.h"
#include "core/translit.h"
#include "core/utf8.h"
#include "durable/fsio.h"

#include <dirent.h>
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
    bool typed[MAX_SQL_COLUMNS]; /* a _sr_cyrl value staff wrote (not made from the Latin) */
    long line;
} SourceRow;

typedef struct SourceTable {
    const TableSpec *spec;
    char path[MAX_PATH]; /* the CSV file, or the workbook */
    const char *sheet;   /* the workbook's sheet the rows come from; NULL: the CSV file path */
    SourceRow *rows;
    size_t row_count;
    bool absent; /* an optional table (schema since_version) whose file is not there */
} SourceTable;

/* A referenced image file, read and probed. */
typedef struct SourceImage {
    char *name;
    ImageProbe probe;
    unsigned char *bytes;
    size_t size;
} SourceImage;

/* A CSV file in the source folder or a workbook's sheet that is no table's: perhaps one
 * saved under another name ("members (1).csv", sheet "Members (1)"). */
typedef struct StrayFile {
    char *name;
    const TableSpec *like; /* the table it looks like, or NULL */
    bool named;            /* already named in the message of that table's missing file */
} StrayFile;

typedef struct Build {
    Sources sources;
    BuilderReport *report;
    SourceTable *tables;
    size_t table_count;
    SourceImage *images;
    size_t image_count;
    StrayFile *strays;
    size_t stray_count;
} Build;

/* One problem to the report: counted (an error blocks the build, a warning never does),
 * handed to the English line callback and kept structured when problems are attached. */
static void say(Build *build, BuildProblem problem)
{
    BuilderReport *report = build->report;
    if (build_message_severity(problem.id) == BUILD_SEVERITY_WARNING) {
        report->warning_count++;
    } else {
        report->count++;
    }
    if (report->each) {
        char *line = build_message_line(&problem, LANG_EN);
        report->each(report->ctx, line ? line : "out of memory");
        free(line);
    }
    if (report->keep) {
        report->keep(report->keep_ctx, &problem);
    }
}

static void say_out_of_memory(Build *build)
{
    say(build, (BuildProblem){.id = BUILD_MSG_OUT_OF_MEMORY});
}

/* A number as a message argument: number(n).text lives to the end of the statement. */
typedef struct Number {
    char text[32];
} Number;

static Number number(long long n)
{
    Number out;
    snprintf(out.text, sizeof out.text, "%lld", n);
    return out;
}

static size_t problem_count(const Build *build)
{
    return build->report ? build->report->count : 0;
}

/* Where in table: a row (0: the whole table) and a column (NULL: the whole row). */
static BuildWhere at(const SourceTable *table, long row, const char *column)
{
    return (BuildWhere){.file = table->path, .sheet = table->sheet, .row = row, .column = column};
}

static void say_too_long(Build *build, BuildWhere where, const char *value)
{
    say(build, (BuildProblem){BUILD_MSG_TEXT_TOO_LONG, where,
                              {number(SCHEMA_MAX_TEXT_BYTES).text, number((long long)strlen(value)).text}});
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

/* ---- reading one table ----------------------------------------------------------------- */

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

/* A column a source may leave out: one the builder makes (events.utc_offsets) and an
 * optional id (meetings.id: the builder makes one per row). */
static bool column_may_be_left_out(const ColumnSpec *column)
{
    return schema_column_made(column) || (column->kind == COLUMN_ID && !column->required);
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
        if (s == column_count && separator && strchr(name, other)) {
            /* The first row has both separators, and this one is the fewer (see csv.h). */
            char separator_text[2] = {other, '\0'};
            say(build, (BuildProblem){BUILD_MSG_UNKNOWN_COLUMN_SEPARATOR, at(table, header->line, NULL),
                                      {name, separator_text}});
            ok = false;
        } else if (s == column_count) {
            say(build, (BuildProblem){BUILD_MSG_UNKNOWN_COLUMN, at(table, header->line, NULL), {name}});
            ok = false;
        } else if (field_of[s] >= 0) {
            say(build, (BuildProblem){BUILD_MSG_COLUMN_TWICE, at(table, header->line, NULL), {name}});
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
            !schema_column_added(table->spec, columns[s].column) && !column_may_be_left_out(columns[s].column)) {
            say(build, (BuildProblem){BUILD_MSG_MISSING_COLUMN, at(table, header->line, NULL), {columns[s].name}});
            ok = false;
        }
    }
    return ok;
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
    say(build, (BuildProblem){BUILD_MSG_SAME_AS_ENGLISH, at(table, line, columns[first + LANG_SR_LATN].name),
                              {latin, cyrillic, columns[first + LANG_SR_CYRL].name}});
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
                BuildMessageId id = column->required ? (l == LANG_EN ? BUILD_MSG_TEXT_REQUIRED_EN
                                                                      : BUILD_MSG_TEXT_REQUIRED_SR_LATN)
                                                      : (l == LANG_EN ? BUILD_MSG_TEXT_MISSING_EN
                                                                      : BUILD_MSG_TEXT_MISSING_SR_LATN);
                say(build, (BuildProblem){.id = id, .where = at(table, line, columns[first + (size_t)l].name)});
                ok = false;
            }
        }
    }
    for (int l = 0; l < LANG_COUNT; l++) {
        if (strlen(values[first + (size_t)l]) > SCHEMA_MAX_TEXT_BYTES) {
            say_too_long(build, at(table, line, columns[first + (size_t)l].name), values[first + (size_t)l]);
            ok = false;
        }
    }
    if (ok && (*cyrillic)[0] == '\0' && latin[0]) {
        char *derived = translit_latin_to_cyrillic(latin);
        if (!derived) {
            say_out_of_memory(build);
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

/* The fixed words of a choice column, "SME, larger, research, other". */
static void choice_words(const ColumnSpec *column, char *out, size_t size)
{
    static const char *const IMAGE_FORMATS[] = {"png", "jpeg", NULL};
    const char *const *words = column->kind == COLUMN_IMAGE_FORMAT ? IMAGE_FORMATS : column->choices;
    size_t used = 0;
    out[0] = '\0';
    for (int i = 0; words && words[i] && used < size; i++) {
        used += (size_t)snprintf(out + used, size - used, "%s%s", i ? ", " : "", words[i]);
    }
}

/* A value left empty in a required column (value NULL: the message says what the column
 * expects), or one schema_check_value() refused (quoted as the staff member wrote it). */
static void say_value_problem(Build *build, BuildWhere where, const ColumnSpec *column, const char *value)
{
    static const struct {
        BuildMessageId empty;
        BuildMessageId bad;
    } BY_KIND[] = {
        [COLUMN_ID] = {BUILD_MSG_EMPTY_ID, BUILD_MSG_BAD_ID_CHARACTER},
        [COLUMN_INTEGER] = {BUILD_MSG_EMPTY_INTEGER, BUILD_MSG_BAD_INTEGER},
        [COLUMN_DATE] = {BUILD_MSG_EMPTY_DATE, BUILD_MSG_BAD_DATE},
        [COLUMN_YEARS] = {BUILD_MSG_EMPTY_YEARS, BUILD_MSG_BAD_YEARS},
        [COLUMN_CHOICE] = {BUILD_MSG_EMPTY_CHOICE, BUILD_MSG_BAD_CHOICE},
        [COLUMN_COLOUR] = {BUILD_MSG_EMPTY_COLOUR, BUILD_MSG_BAD_COLOUR},
        [COLUMN_URL] = {BUILD_MSG_EMPTY_VALUE, BUILD_MSG_BAD_URL},
        [COLUMN_EMAIL] = {BUILD_MSG_EMPTY_VALUE, BUILD_MSG_BAD_EMAIL},
        [COLUMN_PHONE] = {BUILD_MSG_EMPTY_VALUE, BUILD_MSG_BAD_PHONE},
        [COLUMN_REF] = {BUILD_MSG_EMPTY_VALUE, BUILD_MSG_BAD_IMAGE_NAME},
        [COLUMN_IMAGE_FORMAT] = {BUILD_MSG_EMPTY_CHOICE, BUILD_MSG_BAD_CHOICE},
        [COLUMN_INSTANT] = {BUILD_MSG_EMPTY_LOCAL_TIME, BUILD_MSG_BAD_LOCAL_TIME},
        [COLUMN_ZONE] = {BUILD_MSG_EMPTY_VALUE, BUILD_MSG_BAD_ZONE},
    };
    char words[256];
    choice_words(column, words, sizeof words);
    bool known = (size_t)column->kind < sizeof BY_KIND / sizeof BY_KIND[0] && BY_KIND[column->kind].bad;
    if (!value) {
        say(build, (BuildProblem){known ? BY_KIND[column->kind].empty : BUILD_MSG_EMPTY_VALUE, where, {words}});
    } else {
        /* Only the kinds in BY_KIND have values schema_check_value() refuses (other than length). */
        say(build, (BuildProblem){known ? BY_KIND[column->kind].bad : BUILD_MSG_TEXT_TOO_LONG, where, {value, words}});
    }
}

/* An id as staff typed it → the key the pack holds: a valid key stays as it is (so packs of
 * today's sources keep their bytes), anything else is put in the key form (build_names.h).
 * False, with the message saying every rule, when even that cannot be an id. */
static bool id_from_typed(Build *build, BuildWhere where, char **value)
{
    char why[256];
    ColumnSpec key_spec = {.kind = COLUMN_ID};
    if (schema_check_value(&key_spec, *value, why, sizeof why)) {
        return true;
    }
    uint32_t unusable = 0;
    char *key = build_names_key(*value, &unusable);
    if (!key) {
        say_out_of_memory(build);
        return false;
    }
    size_t characters = strlen(key); /* ASCII */
    if (unusable) {
        char character[8] = {0};
        utf8_encode(unusable, character);
        say(build, (BuildProblem){BUILD_MSG_BAD_ID_CHARACTER, where, {*value, character}});
    } else if (characters < 1 || characters > BUILD_KEY_MAX_CHARACTERS) {
        say(build, (BuildProblem){BUILD_MSG_BAD_ID, where, {*value, key, number((long long)characters).text}});
    } else {
        free(*value);
        *value = key;
        return true;
    }
    free(key);
    return false;
}

/* A local time (made UTC once the event's zone is known: resolve_event_times) or a zone. */
static bool check_event_value(Build *build, BuildWhere where, const ColumnSpec *column, const char *value)
{
    EventInstant wall = 0;
    if (column->kind == COLUMN_INSTANT) {
        if (build_event_parse_local(value, &wall)) {
            return true;
        }
        say(build, (BuildProblem){BUILD_MSG_BAD_LOCAL_TIME, where, {value}});
        return false;
    }
    if (!schema_zone_name_valid(value)) {
        say(build, (BuildProblem){BUILD_MSG_BAD_ZONE, where, {value}});
        return false;
    }
    if (!build_event_zone_known(value)) {
        say(build, (BuildProblem){BUILD_MSG_UNKNOWN_ZONE, where, {value, build_event_zoneinfo_dir()}});
        return false;
    }
    return true;
}

static bool check_value(Build *build, SourceTable *table, long line, const SqlColumn *column, char **value)
{
    char why[256];
    const BuildWhere where = at(table, line, column->name);
    if ((*value)[0] == '\0') {
        if (column->column->required) {
            say_value_problem(build, where, column->column, NULL);
            return false;
        }
        free(*value);
        *value = NULL; /* SQL NULL */
        return true;
    }
    if ((column->column->kind == COLUMN_PLAIN || column->column->kind == COLUMN_REF ||
         column->column->kind == COLUMN_REFS) &&
        strlen(*value) > SCHEMA_MAX_TEXT_BYTES) {
        say_too_long(build, where, *value);
        return false;
    }
    if (column->column->kind == COLUMN_ID) {
        return id_from_typed(build, where, value);
    }
    if (column->column->kind == COLUMN_INSTANT || column->column->kind == COLUMN_ZONE) {
        return check_event_value(build, where, column->column, *value);
    }
    if ((column->column->kind == COLUMN_REF && strcmp(column->column->ref_table, "images") != 0) ||
        column->column->kind == COLUMN_REFS) {
        return true; /* ids as staff typed them: check_references() finds the rows they name */
    }
    char *written = strdup(*value);
    if (!written || !normalise_value(column->column, &written)) {
        free(written);
        say_out_of_memory(build);
        return false;
    }
    if (!schema_check_value(column->column, written, why, sizeof why)) {
        say_value_problem(build, where, column->column, *value);
        free(written);
        return false;
    }
    free(*value);
    *value = written;
    return true;
}

/* The column an empty id is made from: the table's name (or its English name), else its
 * English title; -1 when it has neither. */
static int name_column(const SqlColumn *columns, size_t column_count)
{
    static const char *const NAMES[] = {"name", "title"};
    for (size_t n = 0; n < sizeof NAMES / sizeof NAMES[0]; n++) {
        for (size_t s = 0; s < column_count; s++) {
            if (strcmp(columns[s].column->name, NAMES[n]) == 0 && (columns[s].lang < 0 || columns[s].lang == LANG_EN)) {
                return (int)s;
            }
        }
    }
    return -1;
}

/* The id just read (the table's last row) must not be an earlier row's; typed is what the
 * staff member wrote (NULL when out of memory), named when it differs from the key. */
static bool check_unique_id(Build *build, const SourceTable *table, size_t id_index, const char *column,
                            const char *typed)
{
    const SourceRow *row = &table->rows[table->row_count - 1];
    const char *id = row->values[id_index];
    long first = id ? id_line(table, id_index, id, table->row_count - 1) : 0;
    if (!first) {
        return true;
    }
    if (typed && strcmp(typed, id) != 0) {
        say(build, (BuildProblem){BUILD_MSG_DUPLICATE_ID_MADE, at(table, row->line, column),
                                  {typed, id, number(first).text}});
    } else {
        say(build, (BuildProblem){BUILD_MSG_DUPLICATE_ID, at(table, row->line, column), {id, number(first).text}});
    }
    return false;
}

/* The key made from base that no row of table has yet: base, else base-2, base-3 … (each
 * within BUILD_KEY_MAX_CHARACTERS). malloc'd; NULL when out of memory. */
static char *unused_key(const SourceTable *table, size_t id_index, const char *base)
{
    char key[BUILD_KEY_MAX_CHARACTERS + 1];
    for (long n = 1;; n++) {
        char suffix[24] = "";
        if (n > 1) {
            snprintf(suffix, sizeof suffix, "-%ld", n);
        }
        size_t room = BUILD_KEY_MAX_CHARACTERS - strlen(suffix);
        size_t length = strlen(base) < room ? strlen(base) : room;
        while (length > 0 && base[length - 1] == '-') {
            length--;
        }
        snprintf(key, sizeof key, "%.*s%s", (int)length, base, suffix);
        if (!id_line(table, id_index, key, table->row_count)) {
            return strdup(key);
        }
    }
}

/* Every id left empty gets one made from the row's name: its key form, made unique
 * with -2, -3 … in the order of the rows. */
static bool derive_ids(Build *build, SourceTable *table, const SqlColumn *columns, size_t column_count)
{
    const int name = name_column(columns, column_count);
    bool ok = true;
    for (size_t r = 0; r < table->row_count; r++) {
        SourceRow *row = &table->rows[r];
        for (size_t s = 0; name >= 0 && s < column_count; s++) {
            if (columns[s].column->kind != COLUMN_ID || !row->values[s] || row->values[s][0] != '\0') {
                continue;
            }
            const char *from = row->values[name] ? row->values[name] : "";
            char *base = build_names_key(from, NULL);
            char *key = base && base[0] ? unused_key(table, s, base) : NULL;
            if (!from[0]) {
                say(build, (BuildProblem){BUILD_MSG_EMPTY_ID_AND_NAME, at(table, row->line, columns[s].name),
                                          {columns[name].name}});
                ok = false;
            } else if (base && !base[0]) {
                say(build, (BuildProblem){BUILD_MSG_BAD_ID, at(table, row->line, columns[s].name), {from, "", "0"}});
                ok = false;
            } else if (!key) {
                say_out_of_memory(build);
                ok = false;
            } else {
                free(row->values[s]);
                row->values[s] = key;
                key = NULL;
            }
            free(key);
            free(base);
        }
    }
    return ok;
}

/* A row with too few fields that has enough of the other separator to fill them was
 * typed or pasted with it. */
static void report_field_count(Build *build, const SourceTable *table, const CsvRecord *record,
                               const CsvRecord *header, char separator)
{
    const char other = separator == ',' ? ';' : ',';
    if (!separator) {
        /* A sheet's rows are as wide as its header, unless a value sits right of it. */
        say(build, (BuildProblem){BUILD_MSG_SHEET_ROW_WIDER, at(table, record->line, NULL),
                                  {number((long long)record->field_count).text,
                                   number((long long)header->field_count).text}});
    } else if (record->field_count < header->field_count && record->other_separators + 1 >= header->field_count) {
        char row_uses[2] = {other, '\0'};
        char header_uses[2] = {separator, '\0'};
        say(build, (BuildProblem){BUILD_MSG_FIELD_COUNT_SEPARATOR, at(table, record->line, NULL),
                                  {number((long long)record->field_count).text,
                                   number((long long)header->field_count).text, row_uses, header_uses}});
    } else {
        say(build, (BuildProblem){separator == ',' ? BUILD_MSG_FIELD_COUNT_COMMAS : BUILD_MSG_FIELD_COUNT_SEMICOLONS,
                                  at(table, record->line, NULL),
                                  {number((long long)record->field_count).text,
                                   number((long long)header->field_count).text}});
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
            say_out_of_memory(build);
            return false;
        }
        row->typed[s] = columns[s].lang == LANG_SR_CYRL && row->values[s][0] != '\0';
    }
    const int name = name_column(columns, column_count);
    bool ok = true;
    for (size_t s = 0; s < column_count; s++) {
        const SqlColumn *column = &columns[s];
        if (column->lang >= 0) {
            if (column->lang == LANG_EN) {
                ok = check_local_text(build, table, record->line, columns, s, row->values) && ok;
            }
            continue;
        }
        if (schema_column_made(column->column)) {
            continue; /* filled in by resolve_event_times() */
        }
        if (column->column->kind == COLUMN_ID && row->values[s][0] == '\0' && !column->column->required) {
            char made[32];
            snprintf(made, sizeof made, "row-%ld", record->line);
            free(row->values[s]);
            row->values[s] = strdup(made);
            if (!row->values[s]) {
                say_out_of_memory(build);
                return false;
            }
        } else if (column->column->kind == COLUMN_ID && row->values[s][0] == '\0' && name >= 0) {
            continue; /* made from the name once every row is read (derive_ids) */
        }
        char *typed = column->column->kind == COLUMN_ID ? strdup(row->values[s]) : NULL;
        if (!check_value(build, table, record->line, column, &row->values[s])) {
            ok = false;
        } else if (column->column->kind == COLUMN_ID) {
            ok = check_unique_id(build, table, s, column->name, typed) && ok;
        }
        free(typed);
    }
    return ok;
}

/* ---- files that are no table's ------------------------------------------------------------ */

static int compare_strays(const void *a, const void *b)
{
    return strcmp(((const StrayFile *)a)->name, ((const StrayFile *)b)->name);
}

/* What find_strays() collects a stray into. */
typedef struct StrayFinder {
    Build *build;
    const char *known[64];
    const TableSpec *known_spec[64];
    size_t known_count;
} StrayFinder;

static void add_stray(void *ctx, const char *name, const char *stem)
{
    StrayFinder *finder = ctx;
    Build *build = finder->build;
    StrayFile *grown = realloc(build->strays, (build->stray_count + 1) * sizeof *grown);
    char *copy = grown ? strdup(name) : NULL;
    if (grown) {
        build->strays = grown;
    }
    if (copy) {
        int guess = build_names_guess(stem, finder->known, finder->known_count);
        build->strays[build->stray_count++] =
            (StrayFile){copy, guess >= 0 ? finder->known_spec[guess] : NULL, false};
    }
}

/* The source folder's CSV files or the workbook's sheets that are no table's, each with the
 * table it looks like (sorted by name, so messages come in the same order every time). */
static void find_strays(Build *build, const TableSpec *specs, size_t spec_count)
{
    StrayFinder finder = {.build = build};
    for (size_t t = 0; t < spec_count && finder.known_count < 64; t++) {
        if (specs[t].from_sources) {
            finder.known_spec[finder.known_count] = &specs[t];
            finder.known[finder.known_count++] = specs[t].name;
        }
    }
    sources_each_stray(&build->sources, add_stray, &finder);
    if (build->stray_count > 1) {
        qsort(build->strays, build->stray_count, sizeof *build->strays, compare_strays);
    }
}

/* How a message names table's file or sheet: "members.csv", or "members" for a sheet. */
static void part_name(const Build *build, const TableSpec *spec, char *out, size_t size)
{
    snprintf(out, size, build->sources.book ? "%s" : "%s.csv", spec->name);
}

/* A table's file or sheet that is missing; the stray file or sheet that looks like it is
 * named beside it. */
static void say_missing(Build *build, const SourceTable *table)
{
    const bool sheet = table->sheet != NULL;
    for (size_t i = 0; i < build->stray_count; i++) {
        StrayFile *stray = &build->strays[i];
        if (stray->like == table->spec && !stray->named) {
            char name[128];
            part_name(build, table->spec, name, sizeof name);
            stray->named = true;
            say(build, (BuildProblem){sheet ? BUILD_MSG_SHEET_MISSING_LIKELY : BUILD_MSG_FILE_MISSING_LIKELY,
                                      at(table, 0, NULL), {stray->name, name}});
            return;
        }
    }
    say(build, (BuildProblem){.id = sheet ? BUILD_MSG_SHEET_MISSING : BUILD_MSG_FILE_MISSING,
                              .where = at(table, 0, NULL)});
}

/* Every stray file or sheet not named yet: a warning naming the table it looks like, or the
 * files (sheets) the kiosk reads. */
static void say_strays(Build *build)
{
    char files[1024] = "";
    size_t used = 0;
    for (size_t t = 0; t < build->table_count && used < sizeof files; t++) {
        char name[128];
        part_name(build, build->tables[t].spec, name, sizeof name);
        used += (size_t)snprintf(files + used, sizeof files - used, "%s%s", t ? ", " : "", name);
    }
    for (size_t i = 0; i < build->stray_count; i++) {
        const StrayFile *stray = &build->strays[i];
        char path[SOURCES_MAX_PATH + 256];
        char like[128];
        if (stray->named) {
            continue;
        }
        BuildWhere where = {.file = build->sources.path, .sheet = stray->name};
        if (!build->sources.book) {
            snprintf(path, sizeof path, "%s/%s", build->sources.path, stray->name);
            where = (BuildWhere){.file = path};
        }
        if (stray->like) {
            part_name(build, stray->like, like, sizeof like);
            say(build, (BuildProblem){BUILD_MSG_UNKNOWN_FILE_LIKE, where, {like}});
        } else {
            say(build, (BuildProblem){BUILD_MSG_UNKNOWN_FILE, where, {files}});
        }
    }
}

/* A table that sources.c could not give. */
static void say_not_read(Build *build, const SourceTable *table, const CsvTable *csv, const SourcesProblem *problem)
{
    static const BuildMessageId CSV_ERRORS[] = {
        [CSV_ERROR_NOT_UTF8] = BUILD_MSG_CSV_NOT_UTF8,
        [CSV_ERROR_NUL_BYTE] = BUILD_MSG_CSV_NUL_BYTE,
        [CSV_ERROR_TEXT_AFTER_QUOTE] = BUILD_MSG_CSV_TEXT_AFTER_QUOTE,
        [CSV_ERROR_QUOTE_NOT_CLOSED] = BUILD_MSG_CSV_QUOTE_NOT_CLOSED,
    };
    switch (problem->failure) {
    case SOURCES_MISSING:
        say_missing(build, table);
        break;
    case SOURCES_UNREADABLE:
        say(build, (BuildProblem){BUILD_MSG_FILE_UNREADABLE, at(table, 0, NULL), {strerror(problem->error)}});
        break;
    case SOURCES_CSV_REFUSED:
        say(build, (BuildProblem){.id = csv->error > CSV_ERROR_NONE && csv->error <= CSV_ERROR_QUOTE_NOT_CLOSED
                                            ? CSV_ERRORS[csv->error]
                                            : BUILD_MSG_OUT_OF_MEMORY,
                                  .where = at(table, csv->error_line, NULL)});
        break;
    case SOURCES_WORKBOOK_REFUSED:
        say(build, (BuildProblem){BUILD_MSG_WORKBOOK_REFUSED, at(table, problem->row, NULL), {problem->text}});
        break;
    case SOURCES_READ:
    case SOURCES_OUT_OF_MEMORY:
        say_out_of_memory(build);
        break;
    }
}

static bool read_table(Build *build, SourceTable *table)
{
    SqlColumn columns[MAX_SQL_COLUMNS];
    size_t column_count = sql_columns(table->spec, columns);
    sources_table_file(&build->sources, table->spec->name, table->path, sizeof table->path);
    table->sheet = sources_table_sheet(&build->sources, table->spec->name);
    CsvTable csv = {0};
    SourcesProblem problem;
    bool ok = sources_read_table(&build->sources, table->spec->name, &csv, &problem);
    if (!ok && problem.failure == SOURCES_MISSING && table->spec->since_version) {
        table->absent = true; /* an optional table (no file, no sheet): no event */
        csv_table_unload(&csv);
        return true;
    }
    if (!ok) {
        say_not_read(build, table, &csv, &problem);
        csv_table_unload(&csv);
        return false;
    }
    if (csv.record_count == 0) {
        say(build, (BuildProblem){.id = table->sheet ? BUILD_MSG_SHEET_EMPTY : BUILD_MSG_FILE_EMPTY,
                                  .where = at(table, table->sheet ? 0 : 1, NULL)});
        csv_table_unload(&csv);
        return false;
    }
    int field_of[MAX_SQL_COLUMNS];
    ok = map_header(build, table, &csv.records[0], csv.separator, columns, column_count, field_of);
    size_t data_rows = csv.record_count - 1;
    if (ok && table->spec->single_row && data_rows != 1) {
        say(build, (BuildProblem){BUILD_MSG_SINGLE_ROW, at(table, csv.records[0].line, NULL),
                                  {number((long long)data_rows).text}});
        ok = false;
    }
    if (ok && data_rows > SCHEMA_MAX_ROWS) {
        say(build, (BuildProblem){BUILD_MSG_TOO_MANY_ROWS, at(table, 0, NULL),
                                  {number((long long)data_rows).text, number(SCHEMA_MAX_ROWS).text}});
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
    return ok && derive_ids(build, table, columns, column_count);
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

/* The id of table's row that typed names: the same id, else the same in the key form (so
 * "Example Brand" finds the id made from that name); NULL when none does. */
static const char *find_id(const SourceTable *table, const char *typed)
{
    for (size_t r = 0; table && r < table->row_count; r++) {
        if (table->rows[r].values[0] && strcmp(table->rows[r].values[0], typed) == 0) {
            return table->rows[r].values[0];
        }
    }
    char *key = table ? build_names_key(typed, NULL) : NULL;
    const char *found = NULL;
    for (size_t r = 0; key && !found && r < table->row_count; r++) {
        char *id_key = table->rows[r].values[0] ? build_names_key(table->rows[r].values[0], NULL) : NULL;
        if (id_key && strcmp(id_key, key) == 0) {
            found = table->rows[r].values[0];
        }
        free(id_key);
    }
    free(key);
    return found;
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
    char path[SOURCES_MAX_PATH + 64];
    const BuildWhere where = at(table, line, column);
    if (!safe_file_name(name)) {
        say(build, (BuildProblem){BUILD_MSG_IMAGE_PATH, where, {name, build->sources.folder}});
        return false;
    }
    snprintf(path, sizeof path, "%s/images/%s", build->sources.folder, name);
    size_t size = 0;
    int error = 0;
    unsigned char *bytes = (unsigned char *)sources_read_file(path, SCHEMA_MAX_IMAGE_BYTES, &size, &error);
    if (!bytes) {
        if (error == ENOENT) {
            say(build, (BuildProblem){BUILD_MSG_IMAGE_NOT_FOUND, where, {name, build->sources.folder}});
        } else if (error == EFBIG) {
            say(build, (BuildProblem){BUILD_MSG_IMAGE_TOO_MANY_BYTES, where, {name, number(SCHEMA_MAX_IMAGE_BYTES >> 20).text}});
        } else {
            say(build, (BuildProblem){BUILD_MSG_IMAGE_UNREADABLE, where, {name, strerror(error)}});
        }
        return false;
    }
    ImageProbe probe = {0};
    char why[128];
    bool ok = image_probe(bytes, size, &probe, why, sizeof why);
    if (!ok) {
        say(build, (BuildProblem){BUILD_MSG_IMAGE_UNREADABLE, where, {name, why}});
    } else if (probe.width < 1 || probe.height < 1 || probe.width > SCHEMA_MAX_IMAGE_SIDE ||
               probe.height > SCHEMA_MAX_IMAGE_SIDE) {
        say(build, (BuildProblem){BUILD_MSG_IMAGE_TOO_BIG, where,
                                  {name, number(probe.width).text, number(probe.height).text,
                                   number(SCHEMA_MAX_IMAGE_SIDE).text}});
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
    char folder[SOURCES_MAX_PATH + 16];
    char megapixels[32];
    snprintf(folder, sizeof folder, "%s/images/", build->sources.folder);
    snprintf(megapixels, sizeof megapixels, "%.1f", (double)pixels / 1e6);
    say(build, (BuildProblem){BUILD_MSG_PIXEL_BUDGET, {.file = folder},
                              {number((long long)build->image_count).text, megapixels,
                               number(SCHEMA_MAX_TOTAL_PIXELS / 1000000).text}});
    return false;
}

/* "is not an id in members.csv" or "… in the sheet "members"": where the ids of the table
 * a reference names come from. */
static void say_not_an_id(Build *build, BuildWhere where, const char *value, const char *table_name)
{
    const SourceTable *other = source_table(build, table_name);
    if (other && other->sheet) {
        say(build, (BuildProblem){BUILD_MSG_REF_NOT_AN_ID_SHEET, where, {value, other->sheet}});
    } else {
        say(build, (BuildProblem){BUILD_MSG_REF_NOT_AN_ID, where, {value, other ? other->path : table_name}});
    }
}

/* A list of ids ("Example Brand, member-2") → the ids it names, "example-brand,member-2"
 * (each once, in the order written); every item must name a row of the column's table. An
 * item that does not is reported like any reference; a list of only commas is no value. */
static bool resolve_id_list(Build *build, BuildWhere where, const ColumnSpec *column, char **value)
{
    const SourceTable *table = source_table(build, column->ref_table);
    size_t size = strlen(*value) * 2 + 1;
    char *out = malloc(size);
    char *typed = malloc(strlen(*value) + 1);
    if (!out || !typed) {
        free(out);
        free(typed);
        say_out_of_memory(build);
        return false;
    }
    out[0] = '\0';
    bool ok = true;
    const char *cursor = *value, *item = NULL;
    size_t length = 0, used = 0;
    while (id_list_next(&cursor, &item, &length)) {
        snprintf(typed, strlen(*value) + 1, "%.*s", (int)length, item);
        const char *id = find_id(table, typed);
        if (!id) {
            say_not_an_id(build, where, typed, column->ref_table);
            ok = false;
            continue;
        }
        if (!id_list_has(out, id) && used + strlen(id) + 2 <= size) {
            used += (size_t)snprintf(out + used, size - used, "%s%s", used ? "," : "", id);
        }
    }
    free(typed);
    free(*value);
    if (used == 0) {
        free(out);
        out = NULL; /* no id: no value */
    }
    *value = out;
    return ok;
}

static bool check_references(Build *build)
{
    bool ok = true;
    for (size_t t = 0; t < build->table_count; t++) {
        SourceTable *table = &build->tables[t];
        SqlColumn columns[MAX_SQL_COLUMNS];
        size_t column_count = table->spec ? sql_columns(table->spec, columns) : 0;
        for (size_t s = 0; s < column_count; s++) {
            for (size_t r = 0; columns[s].column->kind == COLUMN_REFS && r < table->row_count; r++) {
                char **value = &table->rows[r].values[s];
                if (*value) {
                    ok = resolve_id_list(build, at(table, table->rows[r].line, columns[s].name), columns[s].column,
                                         value) && ok;
                }
            }
            if (columns[s].column->kind != COLUMN_REF) {
                continue;
            }
            for (size_t r = 0; r < table->row_count; r++) {
                char **value = &table->rows[r].values[s];
                const char *id = NULL;
                if (!*value) {
                    continue;
                }
                if (strcmp(columns[s].column->ref_table, "images") == 0) {
                    ok = add_image(build, table, table->rows[r].line, columns[s].name, *value) && ok;
                } else if ((id = find_id(source_table(build, columns[s].column->ref_table), *value)) == NULL) {
                    say_not_an_id(build, at(table, table->rows[r].line, columns[s].name), *value,
                                  columns[s].column->ref_table);
                    ok = false;
                } else if (strcmp(id, *value) != 0) {
                    char *copy = strdup(id);
                    if (!copy) {
                        say_out_of_memory(build);
                        return false;
                    }
                    free(*value);
                    *value = copy;
                }
            }
        }
    }
    return ok;
}

/* ---- the event's times ------------------------------------------------------------------- */

/* The SQL column named name of table, or -1. */
static int column_index(const SourceTable *table, const char *name)
{
    SqlColumn columns[MAX_SQL_COLUMNS];
    size_t column_count = sql_columns(table->spec, columns);
    for (size_t s = 0; s < column_count; s++) {
        if (strcmp(columns[s].name, name) == 0) {
            return (int)s;
        }
    }
    return -1;
}

/* True when some event table has a file: the pack then has the event tables (version 3). */
static bool has_event(const Build *build)
{
    for (size_t t = 0; t < build->table_count; t++) {
        if (build->tables[t].spec->since_version >= SCHEMA_EVENTS_SINCE && !build->tables[t].absent) {
            return true;
        }
    }
    return false;
}

/* Each event's days checked and its zone's offsets over them made. */
static bool resolve_event_zones(Build *build, SourceTable *events)
{
    const int zone = column_index(events, "time_zone");
    const int first = column_index(events, "starts");
    const int last = column_index(events, "ends");
    const int offsets = column_index(events, "utc_offsets");
    bool ok = true;
    for (size_t r = 0; r < events->row_count; r++) {
        SourceRow *row = &events->rows[r];
        int32_t from = event_date_number(row->values[first]);
        int32_t until = event_date_number(row->values[last]);
        EventInstant from_day = event_civil_seconds(from / 10000, from / 100 % 100, from % 100, 0, 0, 0);
        EventInstant until_day = event_civil_seconds(until / 10000, until / 100 % 100, until % 100, 0, 0, 0);
        if (until < from || (until_day - from_day) / 86400 >= BUILD_EVENT_MAX_DAYS) {
            say(build, (BuildProblem){BUILD_MSG_EVENT_DAYS, at(events, row->line, "ends"),
                                      {row->values[last], number(BUILD_EVENT_MAX_DAYS).text}});
            ok = false;
            continue;
        }
        EventZone offsets_made = {0};
        char text[EVENT_ZONE_MAX_CHANGES * 32];
        if (!build_event_zone_offsets(row->values[zone], row->values[first], row->values[last], &offsets_made) ||
            !event_zone_format(&offsets_made, text, sizeof text)) {
            say(build, (BuildProblem){BUILD_MSG_UNKNOWN_ZONE, at(events, row->line, "time_zone"),
                                      {row->values[zone], build_event_zoneinfo_dir()}});
            ok = false;
            continue;
        }
        free(row->values[offsets]);
        row->values[offsets] = strdup(text);
        if (!row->values[offsets]) {
            say_out_of_memory(build);
            return false;
        }
    }
    return ok;
}

/* The zone of the event with id, or of the event whose days hold date_number (YYYYMMDD),
 * else of the first event; NULL when there is none. */
static const char *event_zone_of(const SourceTable *events, const char *id, int32_t date_number)
{
    const int zone = column_index(events, "time_zone");
    for (size_t r = 0; r < events->row_count; r++) {
        const SourceRow *row = &events->rows[r];
        bool named = id && strcmp(row->values[0], id) == 0;
        bool holds = !id && event_date_number(row->values[column_index(events, "starts")]) <= date_number &&
                     date_number <= event_date_number(row->values[column_index(events, "ends")]);
        if (named || holds) {
            return row->values[zone];
        }
    }
    return !id && events->row_count ? events->rows[0].values[zone] : NULL;
}

/* One local time of row made a UTC instant in zone; a skipped or doubled one is refused
 * with both readings. */
static bool local_to_utc(Build *build, const SourceTable *table, SourceRow *row, int index, const char *zone)
{
    SqlColumn columns[MAX_SQL_COLUMNS];
    sql_columns(table->spec, columns);
    char readings[2][BUILD_EVENT_READING_SIZE];
    EventInstant instant = 0;
    const BuildWhere where = at(table, row->line, columns[index].name);
    BuildLocalStatus status = build_event_local_to_utc(zone, row->values[index], &instant, readings);
    if (status != BUILD_LOCAL_OK) {
        BuildMessageId id = status == BUILD_LOCAL_TWICE     ? BUILD_MSG_TIME_TWICE
                            : status == BUILD_LOCAL_SKIPPED ? BUILD_MSG_TIME_SKIPPED
                                                            : BUILD_MSG_BAD_LOCAL_TIME;
        say(build, (BuildProblem){id, where, {row->values[index], zone, readings[0], readings[1]}});
        return false;
    }
    char text[EVENT_INSTANT_TEXT_SIZE];
    event_instant_format(instant, text);
    char *copy = strdup(text);
    if (!copy) {
        say_out_of_memory(build);
        return false;
    }
    free(row->values[index]);
    row->values[index] = copy;
    return true;
}

/* A meeting's parties typed as a member's id or name in any form become that member's id
 * (find_id); any other name stays as written. False when out of memory. */
static bool name_members(Build *build, const SourceTable *table, SourceRow *row)
{
    static const char *const PARTIES[] = {"party_a", "party_b"};
    const SourceTable *members = source_table(build, "members");
    for (size_t p = 0; p < sizeof PARTIES / sizeof PARTIES[0]; p++) {
        char **value = &row->values[column_index(table, PARTIES[p])];
        const char *id = *value ? find_id(members, *value) : NULL;
        if (id && strcmp(id, *value) != 0) {
            char *copy = strdup(id);
            if (!copy) {
                say_out_of_memory(build);
                return false;
            }
            free(*value);
            *value = copy;
        }
    }
    return true;
}

/* The local times of a table's rows made UTC in their event's zone (announcements: the
 * event whose days hold their start, else the first event); spans must end after they
 * start; a private meeting loses its parties and title. */
static bool resolve_table_times(Build *build, SourceTable *table, const SourceTable *events, const char *from_name,
                                const char *until_name)
{
    const int event = column_index(table, "event");
    const int from = column_index(table, from_name);
    const int until = column_index(table, until_name);
    const int privacy = column_index(table, "private");
    bool ok = true;
    for (size_t r = 0; r < table->row_count; r++) {
        SourceRow *row = &table->rows[r];
        EventInstant wall = 0;
        build_event_parse_local(row->values[from] ? row->values[from] : "", &wall);
        int year = 0, month = 0, day = 0;
        event_civil_date(wall, &year, &month, &day);
        const char *zone = event_zone_of(events, event >= 0 ? row->values[event] : NULL,
                                         year * 10000 + month * 100 + day);
        if (!zone) {
            say(build, (BuildProblem){.id = BUILD_MSG_NO_EVENT, .where = at(table, row->line, from_name)});
            ok = false;
            continue;
        }
        char *local_from = strdup(row->values[from]);
        char *local_until = strdup(row->values[until]);
        bool row_ok = local_from && local_until && local_to_utc(build, table, row, from, zone);
        row_ok = local_from && local_until && local_to_utc(build, table, row, until, zone) && row_ok;
        if (row_ok && strcmp(row->values[until], row->values[from]) <= 0) {
            say(build, (BuildProblem){BUILD_MSG_ENDS_BEFORE_STARTS, at(table, row->line, until_name),
                                      {local_until, local_from}});
            row_ok = false;
        }
        free(local_from);
        free(local_until);
        ok = row_ok && ok;
        if (privacy >= 0 && !name_members(build, table, row)) {
            return false;
        }
        if (privacy >= 0 && row->values[privacy] && strcmp(row->values[privacy], "yes") == 0) {
            static const char *const NAMED[] = {"party_a", "party_b", "title"};
            for (size_t n = 0; n < sizeof NAMED / sizeof NAMED[0]; n++) {
                int named = column_index(table, NAMED[n]);
                free(row->values[named]);
                row->values[named] = NULL; /* nothing private travels in a pack */
            }
        }
    }
    return ok;
}

static bool resolve_event_times(Build *build)
{
    if (!has_event(build)) {
        return true;
    }
    SourceTable *events = (SourceTable *)source_table(build, "events");
    bool ok = resolve_event_zones(build, events);
    static const struct {
        const char *table, *from, *until;
    } TIMED[] = {{"sessions", "starts", "ends"}, {"meetings", "starts", "ends"}, {"announcements", "from", "until"}};
    for (size_t i = 0; ok && i < sizeof TIMED / sizeof TIMED[0]; i++) {
        SourceTable *table = (SourceTable *)source_table(build, TIMED[i].table);
        ok = resolve_table_times(build, table, events, TIMED[i].from, TIMED[i].until) && ok;
    }
    return ok;
}

/* ---- iCalendar files: their events become sessions ----------------------------------------- */

/* One .ics file being read into the sessions table. */
typedef struct IcsBuild {
    Build *build;
    SourceTable *sessions;
    const SourceTable *events;
    const EventSpan *windows; /* each event's window (event_board_window), by row */
    const char *path;
    char *stem_key;           /* the file's name in the key form: the base of its sessions' ids */
    bool ok;
} IcsBuild;

static bool set_value(IcsBuild *ics, SourceRow *row, const char *column, const char *value)
{
    int index = column_index(ics->sessions, column);
    free(row->values[index]);
    row->values[index] = value ? strdup(value) : NULL;
    return !value || row->values[index];
}

/* A session row for an occurrence on an event's days. */
static bool add_ics_session(IcsBuild *ics, size_t event, const BuildIcsSession *session)
{
    SourceTable *table = ics->sessions;
    SourceRow *grown = realloc(table->rows, (table->row_count + 1) * sizeof *grown);
    if (!grown) {
        return false;
    }
    table->rows = grown;
    SourceRow *row = &table->rows[table->row_count];
    *row = (SourceRow){.line = -1}; /* not a CSV line (and non-zero: id_line() finds the id) */
    char *id = unused_key(table, 0, ics->stem_key);
    table->row_count++;
    row->values[0] = id;
    char starts[EVENT_INSTANT_TEXT_SIZE];
    char ends[EVENT_INSTANT_TEXT_SIZE];
    event_instant_format(session->span.starts, starts);
    event_instant_format(session->span.ends, ends);
    char *room_cyrillic = translit_latin_to_cyrillic(session->room);
    char *title_cyrillic = translit_latin_to_cyrillic(session->title);
    bool ok = id && room_cyrillic && title_cyrillic &&
              set_value(ics, row, "event", ics->events->rows[event].values[0]) && set_value(ics, row, "starts", starts) && set_value(ics, row, "ends", ends) &&
              set_value(ics, row, "room_en", session->room) && set_value(ics, row, "room_sr_latn", session->room) &&
              set_value(ics, row, "room_sr_cyrl", room_cyrillic) && set_value(ics, row, "title_en", session->title) &&
              set_value(ics, row, "title_sr_latn", session->title) &&
              set_value(ics, row, "title_sr_cyrl", title_cyrillic) && set_value(ics, row, "kind", "other");
    free(room_cyrillic);
    free(title_cyrillic);
    return ok;
}

static void ics_session(void *ctx, const BuildIcsSession *session)
{
    IcsBuild *ics = ctx;
    const BuildWhere where = {.file = ics->path};
    if (!session->title[0]) {
        say(ics->build, (BuildProblem){BUILD_MSG_ICS_REFUSED, where, {"", "it has no title (SUMMARY)"}});
        return;
    }
    for (size_t e = 0; e < ics->events->row_count; e++) {
        if (ics->windows[e].starts <= session->span.starts && session->span.starts < ics->windows[e].ends) {
            if (!add_ics_session(ics, e, session)) {
                say_out_of_memory(ics->build);
                ics->ok = false;
            }
            return;
        }
    }
    char starts[EVENT_INSTANT_TEXT_SIZE];
    event_instant_format(session->span.starts, starts);
    say(ics->build, (BuildProblem){BUILD_MSG_ICS_NO_EVENT_DAY, where, {session->title, starts}});
}

static void ics_refused(void *ctx, const char *title, const char *why)
{
    IcsBuild *ics = ctx;
    say(ics->build, (BuildProblem){BUILD_MSG_ICS_REFUSED, {.file = ics->path}, {title, why}});
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of the source folder's *.ics files, sorted (malloc'd; *count of them). */
static char **ics_names(const Build *build, size_t *count)
{
    char **names = NULL;
    *count = 0;
    DIR *dir = opendir(build->sources.folder);
    struct dirent *entry;
    while (dir && (entry = readdir(dir)) != NULL) {
        size_t length = strlen(entry->d_name);
        if (length <= 4 || strcasecmp(entry->d_name + length - 4, ".ics") != 0 || entry->d_name[0] == '.') {
            continue;
        }
        char **grown = realloc(names, (*count + 1) * sizeof *names);
        if (!grown) {
            break;
        }
        names = grown;
        if ((names[*count] = strdup(entry->d_name)) != NULL) {
            (*count)++;
        }
    }
    if (dir) {
        closedir(dir);
    }
    if (*count > 1) {
        qsort(names, *count, sizeof *names, compare_names);
    }
    return names;
}

static void read_ics_file(IcsBuild *ics, const char *name, const BuildIcsReader *reader)
{
    char path[SOURCES_MAX_PATH + 256];
    snprintf(path, sizeof path, "%s/%.255s", ics->build->sources.folder, name);
    ics->path = path;
    size_t size = 0;
    int error = 0;
    char *text = sources_read_file(path, BUILD_ICS_MAX_BYTES, &size, &error);
    char why[256] = "";
    if (!text) {
        snprintf(why, sizeof why, "%s", error == EFBIG ? "the file is larger than 1024 KiB" : strerror(error));
    } else {
        char stem[256];
        snprintf(stem, sizeof stem, "%.*s", (int)(strlen(name) - 4), name);
        ics->stem_key = build_names_key(stem, NULL);
        if (ics->stem_key && !ics->stem_key[0]) {
            free(ics->stem_key);
            ics->stem_key = strdup("calendar");
        }
        if (!ics->stem_key) {
            snprintf(why, sizeof why, "out of memory");
        } else if (!build_ics_read(text, size, reader, why, sizeof why) && !why[0]) {
            snprintf(why, sizeof why, "not an iCalendar file");
        }
        free(ics->stem_key);
        ics->stem_key = NULL;
    }
    free(text);
    if (why[0]) {
        say(ics->build, (BuildProblem){BUILD_MSG_ICS_UNREADABLE, {.file = path}, {why}});
    }
}

/* Every *.ics file of the source folder: its events on an event's days become sessions of
 * that event (times already UTC); floating times and all-day dates in the first event's
 * zone; repetitions without an end stop at the last event's window. */
static bool read_ics_files(Build *build)
{
    size_t count = 0;
    char **names = ics_names(build, &count);
    SourceTable *events = (SourceTable *)source_table(build, "events");
    SourceTable *sessions = (SourceTable *)source_table(build, "sessions");
    EventSpan *windows = calloc(events && events->row_count ? events->row_count : 1, sizeof *windows);
    bool ok = windows != NULL;
    EventSpan bound = {0, 0};
    for (size_t e = 0; ok && events && e < events->row_count; e++) {
        EventZone zone = {0};
        const SourceRow *row = &events->rows[e];
        EventList none = {0};
        event_zone_parse(row->values[column_index(events, "utc_offsets")], &zone);
        windows[e] = event_board_window(&zone, row->values[column_index(events, "starts")],
                                        row->values[column_index(events, "ends")], none, none);
        bound.starts = e == 0 || windows[e].starts < bound.starts ? windows[e].starts : bound.starts;
        bound.ends = windows[e].ends > bound.ends ? windows[e].ends : bound.ends;
    }
    IcsBuild ics = {.build = build, .sessions = sessions, .events = events, .windows = windows, .ok = ok};
    const BuildIcsReader reader = {
        .floating_zone = events && events->row_count ? events->rows[0].values[column_index(events, "time_zone")] : NULL,
        .bound = bound,
        .session = ics_session,
        .refused = ics_refused,
        .ctx = &ics,
    };
    size_t rows_before = sessions ? sessions->row_count : 0;
    for (size_t i = 0; i < count; i++) {
        if (ics.ok) {
            read_ics_file(&ics, names[i], &reader);
        }
        free(names[i]);
    }
    if (sessions && sessions->row_count > rows_before) {
        sessions->absent = false;
    }
    free(names);
    free(windows);
    return ics.ok;
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

/* why = the row SQLite refused and its reason: "members.csv line 4: …", or
 * `content.xlsx, sheet "members", row 4: …`. */
static void say_insert_failed(sqlite3 *db, const SourceTable *table, long line, char *why, size_t why_size)
{
    /* A long path may shorten the reason: the count is checked so the compiler knows it is meant. */
    int written = table->sheet ? snprintf(why, why_size, "%.300s, sheet \"%.100s\", row %ld: %.150s", table->path,
                                          table->sheet, line, sqlite3_errmsg(db))
                               : snprintf(why, why_size, "%.300s line %ld: %.150s", table->path, line, sqlite3_errmsg(db));
    if (written < 0 && why_size > 0) {
        why[0] = '\0';
    }
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
            say_insert_failed(db, table, table->rows[r].line, why, why_size);
            ok = false;
        }
    }
    sqlite3_finalize(statement);
    return ok;
}

/* Lists the Cyrillic texts of table that staff typed (schema.h: SCHEMA_TYPED_CYRILLIC_TABLE),
 * so that `pack export` can leave the made ones empty. */
static bool insert_typed_cyrillic(sqlite3 *db, const SourceTable *table, char *why, size_t why_size)
{
    SqlColumn columns[MAX_SQL_COLUMNS];
    size_t column_count = sql_columns(table->spec, columns);
    sqlite3_stmt *statement = NULL;
    if (sqlite3_prepare_v2(db, "INSERT INTO " SCHEMA_TYPED_CYRILLIC_TABLE " (table_name, row_id, column_name) "
                           "VALUES (?, ?, ?)", -1, &statement, NULL) != SQLITE_OK) {
        snprintf(why, why_size, "%s: %s", SCHEMA_TYPED_CYRILLIC_TABLE, sqlite3_errmsg(db));
        return false;
    }
    bool ok = true;
    for (size_t r = 0; ok && r < table->row_count; r++) {
        const SourceRow *row = &table->rows[r];
        for (size_t s = 0; ok && s < column_count; s++) {
            if (!row->typed[s]) {
                continue;
            }
            sqlite3_reset(statement);
            sqlite3_bind_text(statement, 1, table->spec->name, -1, SQLITE_STATIC);
            sqlite3_bind_text(statement, 2, table->spec->single_row ? "" : row->values[0], -1, SQLITE_STATIC);
            sqlite3_bind_text(statement, 3, columns[s].name, -1, SQLITE_STATIC);
            if (sqlite3_step(statement) != SQLITE_DONE) {
                say_insert_failed(db, table, row->line, why, why_size);
                ok = false;
            }
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

/* data/schema.sql: without an event only the tables before SCHEMA_EVENTS_MARKER and
 * user_version 2, so a pack without an event has the bytes it had before events existed;
 * with one all of it and user_version SCHEMA_VERSION. */
static bool exec_schema(sqlite3 *db, bool with_events, char *why, size_t why_size)
{
    const char *marker = strstr(BUILDER_SCHEMA_SQL, "\n" SCHEMA_EVENTS_MARKER "\n");
    if (!marker) {
        snprintf(why, why_size, "internal: the schema has no line \"%s\"", SCHEMA_EVENTS_MARKER);
        return false;
    }
    size_t before = (size_t)(marker - BUILDER_SCHEMA_SQL);
    char *head = malloc(before + 1);
    if (!head) {
        snprintf(why, why_size, "out of memory");
        return false;
    }
    memcpy(head, BUILDER_SCHEMA_SQL, before);
    head[before] = '\0';
    char version[64];
    snprintf(version, sizeof version, "PRAGMA user_version = %d", SCHEMA_VERSION);
    bool ok = exec_sql(db, head, why, why_size) &&
              (!with_events || (exec_sql(db, marker, why, why_size) && exec_sql(db, version, why, why_size)));
    free(head);
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
         exec_schema(db, has_event(build), why, sizeof why);
    for (size_t t = 0; ok && t < build->table_count; t++) {
        if (build->tables[t].spec->since_version && !has_event(build)) {
            continue;
        }
        ok = insert_rows(db, &build->tables[t], why, sizeof why) &&
             insert_typed_cyrillic(db, &build->tables[t], why, sizeof why);
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
        say(build, (BuildProblem){BUILD_MSG_PACK_NOT_WRITTEN, {.file = out_path}, {why}});
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
    for (size_t i = 0; i < build->stray_count; i++) {
        free(build->strays[i].name);
    }
    free(build->strays);
    sources_close(&build->sources);
}

bool builder_build(const char *source, const char *out_path, BuilderReport *report_to)
{
    Build build = {.report = report_to};
    BuilderReport local = {0};
    if (!build.report) {
        build.report = &local;
    }
    SourcesProblem problem;
    if (!sources_open(&build.sources, source, &problem)) {
        /* The workbook as a whole: not there, not a workbook, damaged, beyond a limit. */
        say(&build, (BuildProblem){BUILD_MSG_WORKBOOK_REFUSED, {.file = source}, {problem.text}});
        sources_close(&build.sources);
        return false;
    }
    size_t spec_count = 0;
    const TableSpec *specs = schema_tables(&spec_count);
    build.tables = calloc(spec_count, sizeof *build.tables);
    if (!build.tables) {
        say_out_of_memory(&build);
        sources_close(&build.sources);
        return false;
    }
    find_strays(&build, specs, spec_count);
    for (size_t t = 0; t < spec_count; t++) {
        if (specs[t].from_sources) {
            build.tables[build.table_count].spec = &specs[t];
            read_table(&build, &build.tables[build.table_count]);
            build.table_count++;
        }
    }
    say_strays(&build);
    if (problem_count(&build) == 0 && check_references(&build) && resolve_event_times(&build) &&
        read_ics_files(&build)) {
        check_pixel_budget(&build);
    }
    bool ok = problem_count(&build) == 0 && write_pack(&build, out_path);
    build_free(&build);
    return ok;
}
