/* leads_csv.c — CSV rows for spreadsheets; see leads_csv.h. */
#include "leads/leads_csv.h"

#include "core/csv_cell.h"

static const char BOM[] = "\xEF\xBB\xBF";
static const char LINE_END[] = "\r\n";

static bool put_file(void *out, const char *bytes, size_t length)
{
    return fwrite(bytes, 1, length, out) == length;
}

bool leads_csv_cell(FILE *out, const char *text)
{
    return csv_cell_write(text, put_file, out);
}

bool leads_csv_begin(FILE *out)
{
    bool ok = fputs(BOM, out) != EOF;
    for (int f = 0; ok && f < LEAD_FIELD_COUNT; f++) {
        ok = (f == 0 || fputc(',', out) != EOF) && leads_csv_cell(out, lead_field_key((LeadField)f));
    }
    return ok && fputs(LINE_END, out) != EOF;
}

bool leads_csv_row(FILE *out, const Lead *lead)
{
    bool ok = true;
    for (int f = 0; ok && f < LEAD_FIELD_COUNT; f++) {
        ok = (f == 0 || fputc(',', out) != EOF) && leads_csv_cell(out, lead->field[f]);
    }
    return ok && fputs(LINE_END, out) != EOF;
}
