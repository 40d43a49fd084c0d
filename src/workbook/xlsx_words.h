/* xlsx_words.h — the words of the exported workbook for staff, in English and Serbian Latin:
 * the sheet "Read me", what each sheet holds (in the order the workbook shows them) and the
 * note on each column's header. Text only; xlsx_write.c lays it out. */
#ifndef FACTS_WORKBOOK_XLSX_WORDS_H
#define FACTS_WORKBOOK_XLSX_WORDS_H

#include "content/schema.h"

#include <stddef.h>

/* One line of help in both languages; topic is a short name shown beside it. */
typedef struct WorkbookWords {
    const char *topic;
    const char *en;
    const char *sr_latn;
} WorkbookWords;

/* The sheets in the order the workbook shows them (topic: the table's name) and what each
 * holds. A source table missing here still gets its sheet, after these. */
const WorkbookWords *xlsx_words_sheets(size_t *count);

/* The rules of the Read me sheet (how to edit, mark-up of headers, saving). */
const WorkbookWords *xlsx_words_rules(size_t *count);

/* The Read me sheet's title, the headings above its list of sheets and above its rules. */
const WorkbookWords *xlsx_words_title(void);
const WorkbookWords *xlsx_words_headings(void);
const WorkbookWords *xlsx_words_rules_heading(void);

/* The note on the header of a source column (lang: LANG_* of a COLUMN_TEXT, else -1):
 * required or optional, and what it holds, in both languages, into out. */
void xlsx_words_column_note(const ColumnSpec *column, int lang, char *out, size_t size);

#endif
