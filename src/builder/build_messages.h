/* build_messages.h — the one catalogue of what the pack builder says to staff: an id per
 * message, its text in English, Serbian Latin and Serbian Cyrillic (made from the Latin at
 * run time, see build_messages.c), and the rendering of one problem — structured as id,
 * where (file or sheet, row, column) and arguments — into a line in a language. Start at
 * BuildMessageId; the texts are the table in build_messages.c. Pure: no I/O. */
#ifndef FACTS_BUILDER_BUILD_MESSAGES_H
#define FACTS_BUILDER_BUILD_MESSAGES_H

#include "core/lang.h"

#include <stddef.h>

typedef enum BuildMessageId {
    BUILD_MSG_OUT_OF_MEMORY = 0,
    /* files and sheets */
    BUILD_MSG_FILE_MISSING,
    BUILD_MSG_FILE_MISSING_LIKELY,
    BUILD_MSG_FILE_UNREADABLE,
    BUILD_MSG_FILE_EMPTY,
    BUILD_MSG_UNKNOWN_FILE,
    BUILD_MSG_UNKNOWN_FILE_LIKE,
    BUILD_MSG_CSV_NOT_UTF8,
    BUILD_MSG_CSV_NUL_BYTE,
    BUILD_MSG_CSV_TEXT_AFTER_QUOTE,
    BUILD_MSG_CSV_QUOTE_NOT_CLOSED,
    BUILD_MSG_SHEET_MISSING,
    BUILD_MSG_SHEET_MISSING_LIKELY,
    BUILD_MSG_SHEET_EMPTY,
    BUILD_MSG_WORKBOOK_REFUSED,
    /* the header row and the shape of a table */
    BUILD_MSG_UNKNOWN_COLUMN,
    BUILD_MSG_UNKNOWN_COLUMN_SEPARATOR,
    BUILD_MSG_COLUMN_TWICE,
    BUILD_MSG_MISSING_COLUMN,
    BUILD_MSG_SINGLE_ROW,
    BUILD_MSG_TOO_MANY_ROWS,
    BUILD_MSG_FIELD_COUNT_SEPARATOR,
    BUILD_MSG_FIELD_COUNT_COMMAS,
    BUILD_MSG_FIELD_COUNT_SEMICOLONS,
    BUILD_MSG_SHEET_ROW_WIDER,
    /* texts in three languages */
    BUILD_MSG_TEXT_REQUIRED_EN,
    BUILD_MSG_TEXT_REQUIRED_SR_LATN,
    BUILD_MSG_TEXT_MISSING_EN,
    BUILD_MSG_TEXT_MISSING_SR_LATN,
    BUILD_MSG_TEXT_TOO_LONG,
    BUILD_MSG_SAME_AS_ENGLISH,
    /* a required value left empty: each says what is expected */
    BUILD_MSG_EMPTY_VALUE,
    BUILD_MSG_EMPTY_CHOICE,
    BUILD_MSG_EMPTY_INTEGER,
    BUILD_MSG_EMPTY_DATE,
    BUILD_MSG_EMPTY_YEARS,
    BUILD_MSG_EMPTY_COLOUR,
    BUILD_MSG_EMPTY_ID,
    BUILD_MSG_EMPTY_ID_AND_NAME,
    /* a value that is not what its column holds */
    BUILD_MSG_BAD_INTEGER,
    BUILD_MSG_BAD_DATE,
    BUILD_MSG_BAD_YEARS,
    BUILD_MSG_BAD_CHOICE,
    BUILD_MSG_BAD_COLOUR,
    BUILD_MSG_BAD_URL,
    BUILD_MSG_BAD_EMAIL,
    BUILD_MSG_BAD_PHONE,
    BUILD_MSG_BAD_ID,
    BUILD_MSG_BAD_ID_CHARACTER,
    BUILD_MSG_BAD_IMAGE_NAME,
    BUILD_MSG_DUPLICATE_ID,
    BUILD_MSG_DUPLICATE_ID_MADE,
    BUILD_MSG_REF_NOT_AN_ID,
    BUILD_MSG_REF_NOT_AN_ID_SHEET,
    /* images */
    BUILD_MSG_IMAGE_PATH,
    BUILD_MSG_IMAGE_NOT_FOUND,
    BUILD_MSG_IMAGE_TOO_MANY_BYTES,
    BUILD_MSG_IMAGE_UNREADABLE,
    BUILD_MSG_IMAGE_TOO_BIG,
    BUILD_MSG_PIXEL_BUDGET,
    /* the event of the day: times, zones, iCalendar files */
    BUILD_MSG_EMPTY_LOCAL_TIME,
    BUILD_MSG_BAD_LOCAL_TIME,
    BUILD_MSG_BAD_ZONE,
    BUILD_MSG_UNKNOWN_ZONE,
    BUILD_MSG_EVENT_DAYS,
    BUILD_MSG_TIME_SKIPPED,
    BUILD_MSG_TIME_TWICE,
    BUILD_MSG_ENDS_BEFORE_STARTS,
    BUILD_MSG_NO_EVENT,
    BUILD_MSG_ICS_UNREADABLE,
    BUILD_MSG_ICS_REFUSED,
    BUILD_MSG_ICS_NO_EVENT_DAY,
    /* writing the pack */
    BUILD_MSG_PACK_NOT_WRITTEN,
    /* the parts of a line and of a summary (not problems themselves) */
    BUILD_MSG_PART_SHEET,
    BUILD_MSG_PART_ROW,
    BUILD_MSG_PART_LINE,
    BUILD_MSG_PART_COLUMN,
    BUILD_MSG_PART_WARNING,
    BUILD_MSG_PART_ID_RULES,
    BUILD_MSG_SUMMARY_KIND,
    BUILD_MSG_SUMMARY_KIND_SOME,
    BUILD_MSG_SUMMARY_MORE,
    BUILD_MSG_REPORT_ERRORS,
    BUILD_MSG_REPORT_WARNINGS,
    BUILD_MSG_REPORT_NOTHING,
    BUILD_MESSAGE_COUNT
} BuildMessageId;

typedef enum BuildSeverity {
    BUILD_SEVERITY_ERROR = 0, /* stops the pack being written */
    BUILD_SEVERITY_WARNING,   /* a likely mistake; the pack is still written */
    BUILD_SEVERITY_NONE,      /* a part of a line or of a summary, never reported alone */
} BuildSeverity;

enum {
    BUILD_MESSAGE_MAX_ARGS = 4,
    /* A quoted value longer than BUILD_QUOTE_HEAD + BUILD_QUOTE_TAIL + 4 characters is shown
     * as its first and last characters with "…" between. */
    BUILD_QUOTE_HEAD = 30,
    BUILD_QUOTE_TAIL = 30,
};

/* Where a problem is. file alone: a whole file (`members.csv: …`); with row (> 0) and
 * column (non-NULL) narrowing it. sheet non-NULL: a sheet of the workbook file
 * (`content.xlsx, sheet "members", row 14, column "name": …`), else a CSV file
 * (`members.csv:14: column "name": …`). Strings are borrowed. */
typedef struct BuildWhere {
    const char *file;
    const char *sheet;
    long row;
    const char *column;
} BuildWhere;

/* One problem as reported: arguments are the texts the message's placeholders take
 * ({1}…{4}); NULL for an unused one. Strings are borrowed. */
typedef struct BuildProblem {
    BuildMessageId id;
    BuildWhere where;
    const char *args[BUILD_MESSAGE_MAX_ARGS];
} BuildProblem;

/* Whether id is an error, a warning or only a part of other texts. */
BuildSeverity build_message_severity(BuildMessageId id);

/* The message's template in lang, placeholders unfilled: `{N}` is argument N as given,
 * `{qN}` argument N quoted and shortened (build_message_quote), `{lN}` argument N as a
 * line (CSV) or row (sheet) number, `{rules}` the id rules. Backquoted parts (`YYYY-MM-DD`)
 * stay as they are in every language. malloc'd (the Cyrillic is made from the Latin);
 * NULL when out of memory or id is out of range. */
char *build_message_template(BuildMessageId id, Lang lang);

/* The short name of a warning's kind, for summaries ("Serbian Latin text the same as in
 * English"); NULL for ids that have none. malloc'd. */
char *build_message_kind_title(BuildMessageId id, Lang lang);

/* The value in double quotes, whole, or shortened in the middle with "…" when long (the
 * first BUILD_QUOTE_HEAD and the last BUILD_QUOTE_TAIL characters kept); line breaks and
 * tabs shown as spaces. malloc'd; NULL when out of memory. */
char *build_message_quote(const char *value);

/* The problem's text in lang, without where it is. malloc'd; NULL when out of memory. */
char *build_message_text(const BuildProblem *problem, Lang lang);

/* The problem as one line in lang: where, "warning: " for a warning, the text.
 * malloc'd; NULL when out of memory. */
char *build_message_line(const BuildProblem *problem, Lang lang);

#endif
