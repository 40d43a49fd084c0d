/* sources.c — a CSV folder or a workbook → one CsvTable per table; see sources.h. */
#define _POSIX_C_SOURCE 200809L
#include "builder/sources.h"

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

bool sources_open(Sources *sources, const char *path, char *why, size_t why_size)
{
    *sources = (Sources){0};
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
    XlsxProblem problem = {0};
    sources->book = xlsx_book_open(path, &problem);
    if (!sources->book) {
        snprintf(why, why_size, "%s: %s", path, problem.text);
        return false;
    }
    return true;
}

void sources_close(Sources *sources)
{
    xlsx_book_close(sources->book);
    sources->book = NULL;
}

void sources_label(const Sources *sources, const char *table, SourcesLabel *label)
{
    label->sheet = sources->book != NULL;
    if (label->sheet) {
        snprintf(label->text, sizeof label->text, "%s, sheet \"%s\"", sources->path, table);
    } else {
        snprintf(label->text, sizeof label->text, "%s/%s.csv", sources->path, table);
    }
}

SourcesWhere sources_where(const SourcesLabel *label, long line)
{
    SourcesWhere where;
    snprintf(where.text, sizeof where.text, label->sheet ? "%s, row %ld" : "%s:%ld", label->text, line);
    return where;
}

const char *sources_line_word(const SourcesLabel *label)
{
    return label->sheet ? "row" : "line";
}

static bool read_csv(const SourcesLabel *label, CsvTable *csv, long *line, char *why, size_t why_size)
{
    size_t size = 0;
    int error = 0;
    char *text = sources_read_file(label->text, MAX_CSV_BYTES, &size, &error);
    if (!text) {
        snprintf(why, why_size, "%s", error == ENOENT ? "file is missing" : strerror(error));
        return false;
    }
    char reason[256];
    bool ok = csv_table_load(text, size, csv, reason, sizeof reason);
    free(text);
    if (!ok) {
        /* reason is "line N: …" */
        const char *rest = strchr(reason, ':');
        if (sscanf(reason, "line %ld:", line) == 1 && rest) {
            snprintf(why, why_size, "%s", rest + 2);
        } else {
            snprintf(why, why_size, "%s", reason);
        }
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

static bool read_sheet(Sources *sources, const char *table, CsvTable *csv, long *line, char *why, size_t why_size)
{
    long index = xlsx_book_find_sheet(sources->book, table);
    if (index < 0) {
        snprintf(why, why_size, "sheet is missing");
        return false;
    }
    XlsxSheet sheet = {0};
    XlsxProblem problem = {0};
    bool ok = xlsx_sheet_load(sources->book, (size_t)index, &sheet, &problem);
    if (!ok) {
        *line = problem.row;
        snprintf(why, why_size, "%s", problem.text);
    } else if (!records_from_sheet(&sheet, csv)) {
        snprintf(why, why_size, "out of memory");
        ok = false;
    }
    xlsx_sheet_unload(&sheet);
    return ok;
}

bool sources_read_table(Sources *sources, const char *table, CsvTable *csv, SourcesLabel *label, long *line,
                        char *why, size_t why_size)
{
    *csv = (CsvTable){0};
    *line = 0;
    sources_label(sources, table, label);
    return sources->book ? read_sheet(sources, table, csv, line, why, why_size)
                         : read_csv(label, csv, line, why, why_size);
}
