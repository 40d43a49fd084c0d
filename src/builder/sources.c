/* sources.c — a CSV folder or a workbook → one CsvTable per table; see sources.h. */
#define _POSIX_C_SOURCE 200809L
#include "builder/sources.h"

#include "content/schema.h"
#include "workbook/xlsx_words.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

enum { MAX_CSV_BYTES = 64 << 20 };

char *sources_read_file(const char *path, size_t limit, size_t *size, int *error)
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

bool sources_open(Sources *sources, const char *path, SourcesProblem *problem)
{
    *sources = (Sources){0};
    *problem = (SourcesProblem){0};
    snprintf(sources->path, sizeof sources->path, "%s", path);
    snprintf(sources->folder, sizeof sources->folder, "%s", path);
    struct stat info;
    size_t length = strlen(path);
    bool named_xlsx = length > 5 && strcasecmp(path + length - 5, ".xlsx") == 0;
    if (stat(path, &info) != 0 ? !named_xlsx : S_ISDIR(info.st_mode)) {
        return true; /* a folder; a missing one reports each file missing, as before */
    }
    const char *slash = strrchr(path, '/');
    snprintf(sources->folder, sizeof sources->folder, "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
    if (slash == path) {
        snprintf(sources->folder, sizeof sources->folder, "/");
    }
    XlsxProblem refused = {0};
    sources->book = xlsx_book_open(path, &refused);
    if (!sources->book) {
        problem->failure = SOURCES_WORKBOOK_REFUSED;
        problem->row = refused.row;
        snprintf(problem->text, sizeof problem->text, "%s", refused.text);
        return false;
    }
    return true;
}

void sources_close(Sources *sources)
{
    xlsx_book_close(sources->book);
    sources->book = NULL;
}

void sources_table_file(const Sources *sources, const char *table, char *out, size_t size)
{
    if (sources->book) {
        snprintf(out, size, "%s", sources->path);
    } else {
        snprintf(out, size, "%s/%s.csv", sources->path, table);
    }
}

/* The index of table's sheet: the one named exactly so, else the first named so in another
 * case (Excel allows only one of those); -1 when there is none. */
static long find_sheet(const XlsxBook *book, const char *table)
{
    long index = xlsx_book_find_sheet(book, table);
    for (size_t s = 0; index < 0 && s < xlsx_book_sheet_count(book); s++) {
        if (strcasecmp(xlsx_book_sheet_name(book, s), table) == 0) {
            index = (long)s;
        }
    }
    return index;
}

const char *sources_table_sheet(const Sources *sources, const char *table)
{
    if (!sources->book) {
        return NULL;
    }
    long index = find_sheet(sources->book, table);
    return index >= 0 ? xlsx_book_sheet_name(sources->book, (size_t)index) : table;
}

static bool read_csv(const Sources *sources, const char *table, CsvTable *csv, SourcesProblem *problem)
{
    char path[SOURCES_MAX_PATH + 64];
    sources_table_file(sources, table, path, sizeof path);
    size_t size = 0;
    int error = 0;
    char *text = sources_read_file(path, MAX_CSV_BYTES, &size, &error);
    if (!text) {
        problem->failure = error == ENOENT ? SOURCES_MISSING : SOURCES_UNREADABLE;
        problem->error = error;
        return false;
    }
    bool ok = csv_table_load(text, size, csv, problem->text, sizeof problem->text);
    free(text);
    if (!ok) {
        /* csv->error says why (CSV_ERROR_NONE: out of memory), csv->error_line where */
        problem->failure = csv->error == CSV_ERROR_NONE ? SOURCES_OUT_OF_MEMORY : SOURCES_CSV_REFUSED;
        problem->row = csv->error_line;
    }
    return ok;
}

/* The sheet's rows as CSV records, each as wide as the header (row 1) at least. */
static bool records_from_sheet(XlsxSheet *sheet, CsvTable *csv)
{
    csv->records = calloc(sheet->row_count ? sheet->row_count : 1, sizeof *csv->records);
    if (!csv->records) {
        return false;
    }
    size_t width = sheet->row_count ? sheet->rows[0].cell_count : 0;
    for (size_t r = 0; r < sheet->row_count; r++) {
        CsvRecord *record = &csv->records[csv->record_count++];
        record->line = sheet->rows[r].number;
        size_t count = 0;
        char **cells = xlsx_row_take_cells(&sheet->rows[r], &count);
        record->fields = cells;
        record->field_count = count;
        if (count < width) {
            char **wider = realloc(cells, width * sizeof *wider);
            if (!wider) {
                return false;
            }
            record->fields = wider;
            while (record->field_count < width) {
                if ((wider[record->field_count] = strdup("")) == NULL) {
                    return false;
                }
                record->field_count++;
            }
        }
    }
    return true;
}

static bool read_sheet(Sources *sources, const char *table, CsvTable *csv, SourcesProblem *problem)
{
    long index = find_sheet(sources->book, table);
    if (index < 0) {
        problem->failure = SOURCES_MISSING;
        return false;
    }
    XlsxSheet sheet = {0};
    XlsxProblem refused = {0};
    bool ok = xlsx_sheet_load(sources->book, (size_t)index, &sheet, &refused);
    if (!ok) {
        problem->failure = SOURCES_WORKBOOK_REFUSED;
        problem->row = refused.row;
        snprintf(problem->text, sizeof problem->text, "%s", refused.text);
    } else if (!records_from_sheet(&sheet, csv)) {
        problem->failure = SOURCES_OUT_OF_MEMORY;
        ok = false;
    }
    xlsx_sheet_unload(&sheet);
    return ok;
}

bool sources_read_table(Sources *sources, const char *table, CsvTable *csv, SourcesProblem *problem)
{
    *csv = (CsvTable){0};
    *problem = (SourcesProblem){0};
    return sources->book ? read_sheet(sources, table, csv, problem) : read_csv(sources, table, csv, problem);
}

/* Whether a from_sources table reads the sheet at index. */
static bool sheet_is_read(const XlsxBook *book, size_t index)
{
    size_t spec_count = 0;
    const TableSpec *specs = schema_tables(&spec_count);
    for (size_t t = 0; t < spec_count; t++) {
        if (specs[t].from_sources && find_sheet(book, specs[t].name) == (long)index) {
            return true;
        }
    }
    return false;
}

static void each_stray_sheet(const XlsxBook *book, void (*each)(void *ctx, const char *name, const char *stem),
                             void *ctx)
{
    const char *read_me = xlsx_words_title()->topic;
    for (size_t s = 0; s < xlsx_book_sheet_count(book); s++) {
        const char *name = xlsx_book_sheet_name(book, s);
        if (strcasecmp(name, read_me) != 0 && !sheet_is_read(book, s)) {
            each(ctx, name, name);
        }
    }
}

static void each_stray_file(const char *folder, void (*each)(void *ctx, const char *name, const char *stem),
                            void *ctx)
{
    DIR *dir = opendir(folder);
    struct dirent *entry;
    while (dir && (entry = readdir(dir)) != NULL) {
        size_t length = strlen(entry->d_name);
        if (length <= 4 || strcasecmp(entry->d_name + length - 4, ".csv") != 0 || entry->d_name[0] == '.') {
            continue;
        }
        char stem[256];
        snprintf(stem, sizeof stem, "%.*s", (int)(length - 4), entry->d_name);
        const TableSpec *spec = schema_table(stem);
        if (strcmp(entry->d_name + length - 4, ".csv") != 0 || !spec || !spec->from_sources) {
            each(ctx, entry->d_name, stem);
        }
    }
    if (dir) {
        closedir(dir);
    }
}

void sources_each_stray(const Sources *sources, void (*each)(void *ctx, const char *name, const char *stem),
                        void *ctx)
{
    if (sources->book) {
        each_stray_sheet(sources->book, each, ctx);
    } else {
        each_stray_file(sources->path, each, ctx);
    }
}
