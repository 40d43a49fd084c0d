/* leads_csv.c — CSV rows for spreadsheets; see leads_csv.h. */
#include "leads/leads_csv.h"

#include <string.h>

static const char BOM[] = "\xEF\xBB\xBF";
static const char LINE_END[] = "\r\n";

bool leads_csv_cell(FILE *out, const char *text)
{
    size_t length = strlen(text);
    bool formula = length > 0 && strchr("=+-@\t\r", text[0]) != NULL;
    bool quote = formula || strpbrk(text, ",\"\r\n;") != NULL ||
                 (length > 0 && (text[0] == ' ' || text[length - 1] == ' '));
    bool ok = true;

    if (quote) {
        ok = fputc('"', out) != EOF;
    }
    if (ok && formula) {
        ok = fputc('\'', out) != EOF;
    }
    for (const char *p = text; ok && *p != '\0'; p++) {
        if (*p == '"') {
            ok = fputc('"', out) != EOF;
        }
        ok = ok && fputc(*p, out) != EOF;
    }
    if (ok && quote) {
        ok = fputc('"', out) != EOF;
    }
    return ok;
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
