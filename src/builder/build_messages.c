/* build_messages.c — the builder's messages (see build_messages.h): MESSAGES is the
 * catalogue, one row per id, English and Serbian Latin; the Cyrillic is the Latin put
 * through translit_latin_to_cyrillic(), leaving placeholders and backquoted parts alone.
 * The Serbian texts are drafts like every Serbian text of the kiosk: the cluster reviews them.
 * render() fills a template; build_message_line() adds where the problem is. */
#define _POSIX_C_SOURCE 200809L
#include "builder/build_messages.h"

#include "core/text_buffer.h"

#include "core/translit.h"
#include "core/utf8.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct MessageText {
    BuildSeverity severity;
    const char *en;
    const char *sr_latn;
    const char *title_en;      /* a warning's kind, for summaries; NULL for the rest */
    const char *title_sr_latn;
} MessageText;

#define ERROR(id, en, sr) [id] = {BUILD_SEVERITY_ERROR, en, sr, NULL, NULL}
#define WARNING(id, en, sr, title_en, title_sr) [id] = {BUILD_SEVERITY_WARNING, en, sr, title_en, title_sr}
#define PART(id, en, sr) [id] = {BUILD_SEVERITY_NONE, en, sr, NULL, NULL}

static const MessageText MESSAGES[BUILD_MESSAGE_COUNT] = {
    ERROR(BUILD_MSG_OUT_OF_MEMORY, "out of memory", "nema dovoljno memorije"),
    ERROR(BUILD_MSG_FILE_MISSING, "file is missing", "datoteka nedostaje"),
    ERROR(BUILD_MSG_FILE_MISSING_LIKELY, "file is missing; {q1} beside it looks like it: rename it to {2}",
          "datoteka nedostaje; {q1} pored nje liči na nju: preimenujte je u {2}"),
    ERROR(BUILD_MSG_FILE_UNREADABLE, "cannot be read: {1}", "ne može da se pročita: {1}"),
    ERROR(BUILD_MSG_FILE_EMPTY, "the file is empty; the first row must name the columns",
          "datoteka je prazna; prvi red mora da sadrži imena kolona"),
    WARNING(BUILD_MSG_UNKNOWN_FILE, "not a sheet the kiosk knows, so it is not used (the kiosk reads {1})",
            "kiosk ne poznaje ovaj list, pa ga ne koristi (kiosk čita {1})", "a file or sheet the kiosk does not know",
            "datoteka ili list koji kiosk ne poznaje"),
    WARNING(BUILD_MSG_UNKNOWN_FILE_LIKE, "not a sheet the kiosk knows — did you mean {1}?",
            "kiosk ne poznaje ovaj list — da li ste mislili na {1}?", "a file or sheet the kiosk does not know",
            "datoteka ili list koji kiosk ne poznaje"),
    ERROR(BUILD_MSG_CSV_NOT_UTF8, "text is not valid `UTF-8` (save the file as \"`CSV UTF-8`\")",
          "tekst nije ispravan `UTF-8` (sačuvajte datoteku kao \"`CSV UTF-8`\")"),
    ERROR(BUILD_MSG_CSV_NUL_BYTE, "file contains a `NUL` byte", "datoteka sadrži bajt `NUL`"),
    ERROR(BUILD_MSG_CSV_TEXT_AFTER_QUOTE, "text after a closing quote (put the whole field in quotes)",
          "tekst posle zatvorenog navodnika (stavite celo polje u navodnike)"),
    ERROR(BUILD_MSG_CSV_QUOTE_NOT_CLOSED, "a quoted field is never closed", "polje u navodnicima nigde nije zatvoreno"),
    ERROR(BUILD_MSG_SHEET_MISSING, "sheet is missing", "list nedostaje"),
    ERROR(BUILD_MSG_SHEET_MISSING_LIKELY, "sheet is missing; the sheet {q1} looks like it: rename it to {2}",
          "list nedostaje; list {q1} liči na njega: preimenujte ga u {2}"),
    ERROR(BUILD_MSG_SHEET_EMPTY, "the sheet is empty; the first row must name the columns",
          "list je prazan; prvi red mora da sadrži imena kolona"),
    /* The workbook reader's reason (in English) as {1}. */
    ERROR(BUILD_MSG_WORKBOOK_REFUSED, "{1}", "radna sveska ne može da se pročita: {1}"),
    ERROR(BUILD_MSG_UNKNOWN_COLUMN, "unknown column \"{1}\"", "nepoznata kolona \"{1}\""),
    ERROR(BUILD_MSG_UNKNOWN_COLUMN_SEPARATOR,
          "unknown column \"{1}\" (the file uses '{2}' as separator here: use ',' or ';' throughout, not both)",
          "nepoznata kolona \"{1}\" (datoteka ovde koristi '{2}' kao razdvajač: koristite svuda ',' ili ';', ne oba)"),
    ERROR(BUILD_MSG_COLUMN_TWICE, "column \"{1}\" appears twice", "kolona \"{1}\" se javlja dvaput"),
    ERROR(BUILD_MSG_MISSING_COLUMN, "missing column \"{1}\"", "nedostaje kolona \"{1}\""),
    ERROR(BUILD_MSG_SINGLE_ROW, "must have exactly one row below the header, it has {1}",
          "mora da ima tačno jedan red ispod zaglavlja, a ima ih {1}"),
    ERROR(BUILD_MSG_TOO_MANY_ROWS, "has {1} rows, more than {2}", "ima {1} redova, više od {2}"),
    ERROR(BUILD_MSG_FIELD_COUNT_SEPARATOR,
          "has {1} fields, the header has {2} (this row uses '{3}' as separator, the header '{4}')",
          "ima {1} polja, zaglavlje ima {2} (ovaj red koristi '{3}' kao razdvajač, zaglavlje '{4}')"),
    ERROR(BUILD_MSG_FIELD_COUNT_COMMAS, "has {1} fields, the header has {2} (check commas and quotes)",
          "ima {1} polja, zaglavlje ima {2} (proverite zareze i navodnike)"),
    ERROR(BUILD_MSG_FIELD_COUNT_SEMICOLONS, "has {1} fields, the header has {2} (check semicolons and quotes)",
          "ima {1} polja, zaglavlje ima {2} (proverite znake ; i navodnike)"),
    ERROR(BUILD_MSG_SHEET_ROW_WIDER, "has values in {1} columns, the first row names only {2}",
          "ima vrednosti u {1} kolona, a prvi red daje imena samo za {2}"),
    ERROR(BUILD_MSG_TEXT_REQUIRED_EN, "required text is empty: write it in English",
          "obavezan tekst je prazan: napišite ga na engleskom"),
    ERROR(BUILD_MSG_TEXT_REQUIRED_SR_LATN,
          "required text is empty: write it in Serbian, in Latin letters (the Cyrillic is made from it)",
          "obavezan tekst je prazan: napišite ga na srpskom, latinicom (ćirilica se pravi od njega)"),
    ERROR(BUILD_MSG_TEXT_MISSING_EN,
          "text is missing in this language: the Serbian is given, so write the English too (or leave both empty)",
          "nedostaje tekst na ovom jeziku: srpski je dat, pa napišite i engleski (ili ostavite oba prazna)"),
    ERROR(BUILD_MSG_TEXT_MISSING_SR_LATN,
          "text is missing in this language: the English is given, so write the Serbian in Latin letters too (or "
          "leave both empty)",
          "nedostaje tekst na ovom jeziku: engleski je dat, pa napišite i srpski latinicom (ili ostavite oba prazna)"),
    ERROR(BUILD_MSG_TEXT_TOO_LONG, "text is longer than {1} bytes ({2}); shorten it",
          "tekst je duži od {1} bajtova ({2}); skratite ga"),
    WARNING(BUILD_MSG_SAME_AS_ENGLISH,
            "the same text as in English ({q1}), so its Cyrillic would be {q2}; translate it, or write the Cyrillic "
            "in \"{3}\"",
            "isti tekst kao na engleskom ({q1}), pa bi njegova ćirilica bila {q2}; prevedite ga ili napišite "
            "ćirilicu u \"{3}\"",
            "Serbian Latin text the same as in English", "srpski tekst latinicom isti kao engleski"),
    ERROR(BUILD_MSG_EMPTY_VALUE, "required value is empty: write it as it is to be shown",
          "obavezna vrednost je prazna: napišite je onako kako treba da se prikaže"),
    ERROR(BUILD_MSG_EMPTY_CHOICE, "required value is empty: write one of {1}",
          "obavezna vrednost je prazna: napišite jednu od reči {1}"),
    ERROR(BUILD_MSG_EMPTY_INTEGER, "required value is empty: write a whole number greater than 0",
          "obavezna vrednost je prazna: napišite ceo broj veći od 0"),
    ERROR(BUILD_MSG_EMPTY_DATE, "required value is empty: write a date as `YYYY-MM-DD` (such as `2026-09-14`)",
          "obavezna vrednost je prazna: napišite datum kao `YYYY-MM-DD` (na primer `2026-09-14`)"),
    ERROR(BUILD_MSG_EMPTY_YEARS, "required value is empty: write a year (2013), a range (2011-2016) or a list (2011, 2012)",
          "obavezna vrednost je prazna: napišite godinu (2013), raspon (2011-2016) ili spisak (2011, 2012)"),
    ERROR(BUILD_MSG_EMPTY_COLOUR, "required value is empty: write a colour as `#RRGGBB` (such as `#C8A45C`)",
          "obavezna vrednost je prazna: napišite boju kao `#RRGGBB` (na primer `#C8A45C`)"),
    ERROR(BUILD_MSG_EMPTY_ID, "required value is empty: write an id; {rules}",
          "obavezna vrednost je prazna: napišite id; {rules}"),
    ERROR(BUILD_MSG_EMPTY_ID_AND_NAME,
          "the id is empty and so is \"{1}\", which an empty id is made from: fill in one of them; {rules}",
          "id je prazan, a prazna je i kolona \"{1}\" od koje se pravi prazan id: popunite jedno od njih; {rules}"),
    ERROR(BUILD_MSG_BAD_INTEGER, "{q1} is not a whole number greater than 0", "{q1} nije ceo broj veći od 0"),
    ERROR(BUILD_MSG_BAD_DATE, "{q1} is not a date written as `YYYY-MM-DD`", "{q1} nije datum napisan kao `YYYY-MM-DD`"),
    ERROR(BUILD_MSG_BAD_YEARS, "{q1} is not a year, a range like 2011-2016 or a list like 2011, 2012",
          "{q1} nije godina, raspon kao 2011-2016 ni spisak kao 2011, 2012"),
    ERROR(BUILD_MSG_BAD_CHOICE, "{q1} is not one of {2}", "{q1} nije nijedna od reči {2}"),
    ERROR(BUILD_MSG_BAD_COLOUR, "{q1} is not a colour written as `#RRGGBB`", "{q1} nije boja napisana kao `#RRGGBB`"),
    ERROR(BUILD_MSG_BAD_URL, "{q1} is not a web address starting with `https://`",
          "{q1} nije veb adresa koja počinje sa `https://`"),
    ERROR(BUILD_MSG_BAD_EMAIL, "{q1} is not an e-mail address (such as `name@example.org`)",
          "{q1} nije adresa e-pošte (kao `ime@example.org`)"),
    ERROR(BUILD_MSG_BAD_PHONE, "{q1} is not a phone number (digits, spaces, + ( ) - /)",
          "{q1} nije broj telefona (cifre, razmaci, + ( ) - /)"),
    ERROR(BUILD_MSG_BAD_ID, "{q1} cannot be an id: it becomes {q2}, {3} characters; {rules}",
          "{q1} ne može biti id: postaje {q2}, {3} znakova; {rules}"),
    ERROR(BUILD_MSG_BAD_ID_CHARACTER, "{q1} cannot be an id because of \"{2}\"; {rules}",
          "{q1} ne može biti id zbog znaka \"{2}\"; {rules}"),
    ERROR(BUILD_MSG_BAD_IMAGE_NAME,
          "{q1} is not an image file name the kiosk can use: letters `A–Z a–z`, digits and - _ . only, at most 64 "
          "characters, not starting with . or - (rename the file in `images/` to match)",
          "{q1} nije ime slike koje kiosk može da koristi: samo slova `A–Z a–z`, cifre i - _ . , najviše 64 znaka, "
          "bez . ili - na početku (preimenujte datoteku u `images/` da se poklapa)"),
    ERROR(BUILD_MSG_DUPLICATE_ID, "{q1} is already used on {l2}", "{q1} je već upotrebljen u redu {2}"),
    ERROR(BUILD_MSG_DUPLICATE_ID_MADE, "{q1} (as an id {q2}) is already used on {l3}",
          "{q1} (kao id {q2}) je već upotrebljen u redu {3}"),
    ERROR(BUILD_MSG_REF_NOT_AN_ID, "{q1} is not an id in {2}", "{q1} nije id u {2}"),
    ERROR(BUILD_MSG_REF_NOT_AN_ID_SHEET, "{q1} is not an id in the sheet \"{2}\"", "{q1} nije id u listu \"{2}\""),
    ERROR(BUILD_MSG_IMAGE_PATH, "{q1} must be a file name in {2}/`images/`, not a path",
          "{q1} mora biti ime datoteke u {2}/`images/`, a ne putanja"),
    ERROR(BUILD_MSG_IMAGE_NOT_FOUND, "image {q1} not found in {2}/`images/`", "slika {q1} nije nađena u {2}/`images/`"),
    ERROR(BUILD_MSG_IMAGE_TOO_MANY_BYTES, "image {q1} is larger than {2} `MiB`", "slika {q1} je veća od {2} `MiB`"),
    ERROR(BUILD_MSG_IMAGE_UNREADABLE, "image {q1}: {2}", "slika {q1}: {2}"),
    ERROR(BUILD_MSG_IMAGE_TOO_BIG, "image {q1} is {2}`x`{3} `px`; at most {4} `px` a side",
          "slika {q1} ima {2}`x`{3} `px`; najviše {4} `px` po strani"),
    ERROR(BUILD_MSG_PIXEL_BUDGET,
          "the {1} images used total {2} megapixels, more than the budget of {3} megapixels (make them smaller or "
          "use fewer)",
          "{1} upotrebljenih slika ima ukupno {2} megapiksela, više od dozvoljenih {3} megapiksela (smanjite ih ili "
          "koristite manje slika)"),
    ERROR(BUILD_MSG_EMPTY_LOCAL_TIME,
          "required value is empty: write a local time as `YYYY-MM-DDTHH:MM` (such as `2026-09-14T09:30`)",
          "obavezna vrednost je prazna: napišite lokalno vreme kao `YYYY-MM-DDTHH:MM` (na primer `2026-09-14T09:30`)"),
    ERROR(BUILD_MSG_BAD_LOCAL_TIME, "{q1} is not a local time written as `YYYY-MM-DDTHH:MM`",
          "{q1} nije lokalno vreme napisano kao `YYYY-MM-DDTHH:MM`"),
    ERROR(BUILD_MSG_BAD_ZONE, "{q1} is not a time zone name such as `Europe/Belgrade`",
          "{q1} nije ime vremenske zone kao `Europe/Belgrade`"),
    ERROR(BUILD_MSG_UNKNOWN_ZONE, "time zone {q1} is not known to this computer (looked in {2})",
          "vremenska zona {q1} nije poznata ovom računaru (tražena u {2})"),
    ERROR(BUILD_MSG_EVENT_DAYS, "the last day {q1} is before the first or more than {2} days after it",
          "poslednji dan {q1} je pre prvog ili više od {2} dana posle njega"),
    ERROR(BUILD_MSG_TIME_SKIPPED,
          "{q1} does not exist in {2}: the clocks skip it that day; it would read as {3} or as {4}",
          "{q1} ne postoji u zoni {2}: satovi ga tog dana preskaču; značilo bi {3} ili {4}"),
    ERROR(BUILD_MSG_TIME_TWICE, "{q1} happens twice in {2} the day the clocks go back: {3} or {4}; move it",
          "{q1} se u zoni {2} dešava dvaput na dan vraćanja satova: {3} ili {4}; pomerite ga"),
    ERROR(BUILD_MSG_ENDS_BEFORE_STARTS, "ends at {q1}, not after it starts ({q2})",
          "završava se u {q1}, ne posle početka ({q2})"),
    ERROR(BUILD_MSG_NO_EVENT, "needs an event in `events.csv`: its times are read in an event's time zone",
          "potreban je događaj u `events.csv`: vremena se čitaju u vremenskoj zoni događaja"),
    ERROR(BUILD_MSG_ICS_UNREADABLE, "not an iCalendar file the kiosk can read: {1}",
          "nije iCalendar datoteka koju kiosk može da pročita: {1}"),
    WARNING(BUILD_MSG_ICS_REFUSED, "event {q1} is not used: {2}", "događaj {q1} nije upotrebljen: {2}",
            "a calendar entry the kiosk does not read", "stavka kalendara koju kiosk ne čita"),
    WARNING(BUILD_MSG_ICS_NO_EVENT_DAY, "event {q1} on {2} falls on no event's days, so it is not used",
            "događaj {q1} dana {2} ne pada ni u jedan dan događaja, pa nije upotrebljen",
            "a calendar entry outside the event's days", "stavka kalendara van dana događaja"),
    ERROR(BUILD_MSG_PACK_NOT_WRITTEN, "{1}", "sadržaj nije upisan: {1}"),
    PART(BUILD_MSG_PART_SHEET, "{1}, sheet \"{2}\"", "{1}, list \"{2}\""),
    PART(BUILD_MSG_PART_ROW, "row {1}", "red {1}"),
    PART(BUILD_MSG_PART_LINE, "line {1}", "red {1}"),
    PART(BUILD_MSG_PART_COLUMN, "column \"{1}\"", "kolona \"{1}\""),
    PART(BUILD_MSG_PART_WARNING, "warning: ", "upozorenje: "),
    PART(BUILD_MSG_PART_ID_RULES,
         "an id may hold letters (Latin or Cyrillic, capital or small, also č or đ), digits, spaces and - _ . ; it "
         "is kept in small Latin letters, digits and dashes (`Đ → dj`, `ж → z`, a space → -) and must then be 1–64 "
         "characters long",
         "id može da sadrži slova (latinicu ili ćirilicu, velika ili mala, i č ili đ), cifre, razmake i - _ . ; "
         "pamti se malim latiničnim slovima, ciframa i crticama (`Đ → dj`, `ж → z`, razmak → -) i tada mora da ima "
         "od 1 do 64 znaka"),
    PART(BUILD_MSG_SUMMARY_KIND, "{1} ({2} in all):", "{1} (ukupno {2}):"),
    PART(BUILD_MSG_SUMMARY_KIND_SOME, "{1} ({2} in all), for example:", "{1} (ukupno {2}), na primer:"),
    PART(BUILD_MSG_SUMMARY_MORE, "… and {1} more like these (all of them are in the full report)",
         "… i još {1} ovakvih (sva su u punom izveštaju)"),
    PART(BUILD_MSG_REPORT_ERRORS, "Errors ({1}): the content is not built until they are fixed.",
         "Greške ({1}): sadržaj se ne pravi dok se ne isprave."),
    PART(BUILD_MSG_REPORT_WARNINGS, "Warnings ({1}): the content is built, but look at them.",
         "Upozorenja ({1}): sadržaj se pravi, ali ih pogledajte."),
    PART(BUILD_MSG_REPORT_NOTHING, "No errors and no warnings.", "Nema grešaka ni upozorenja."),
};

/* ---- the texts, grown in a core/text_buffer.h ---------------------------------------- */

/* Plain template text in lang: the Cyrillic made from the Latin. */
static void text_append_words(TextBuffer *text, const char *words, size_t length, Lang lang)
{
    if (lang != LANG_SR_CYRL || length == 0) {
        text_buffer_add(text, words, length);
        return;
    }
    char *latin = strndup(words, length);
    char *cyrillic = latin ? translit_latin_to_cyrillic(latin) : NULL;
    if (cyrillic) {
        text_buffer_add_string(text, cyrillic);
    } else {
        text->failed = true;
    }
    free(cyrillic);
    free(latin);
}

/* ---- the catalogue ------------------------------------------------------------------------- */

static const char *source_template(BuildMessageId id, Lang lang)
{
    if ((int)id < 0 || id >= BUILD_MESSAGE_COUNT || (int)lang < 0 || lang >= LANG_COUNT) {
        return NULL;
    }
    return lang == LANG_EN ? MESSAGES[id].en : MESSAGES[id].sr_latn;
}

BuildSeverity build_message_severity(BuildMessageId id)
{
    return (int)id >= 0 && id < BUILD_MESSAGE_COUNT ? MESSAGES[id].severity : BUILD_SEVERITY_NONE;
}

char *build_message_quote(const char *value)
{
    size_t length = strlen(value);
    size_t characters = 0;
    for (size_t offset = 0; offset < length; characters++) {
        utf8_next(value, length, &offset);
    }
    /* Byte offsets of the head's end and the tail's start. */
    size_t head_end = length;
    size_t tail_start = length;
    if (characters > BUILD_QUOTE_HEAD + BUILD_QUOTE_TAIL + 4) {
        size_t offset = 0;
        for (size_t c = 0; offset < length; c++) {
            if (c == BUILD_QUOTE_HEAD) {
                head_end = offset;
            }
            if (c == characters - BUILD_QUOTE_TAIL) {
                tail_start = offset;
            }
            utf8_next(value, length, &offset);
        }
    }
    TextBuffer text = {0};
    text_buffer_add_string(&text, "\"");
    for (size_t i = 0; i < length; i++) {
        if (i == head_end && head_end < tail_start) {
            text_buffer_add_string(&text, "…");
            i = tail_start;
        }
        char c = value[i] == '\n' || value[i] == '\r' || value[i] == '\t' ? ' ' : value[i];
        text_buffer_add(&text, &c, 1);
    }
    text_buffer_add_string(&text, "\"");
    return text_buffer_take(&text);
}

static void append_argument(TextBuffer *text, const BuildProblem *problem, char form, int index, Lang lang);

/* Fills template into text in lang; problem NULL keeps placeholders and backquotes as they
 * are (build_message_template). */
static void render_template(TextBuffer *text, const char *template, const BuildProblem *problem, Lang lang)
{
    size_t run = 0; /* start of the plain words not yet appended */
    size_t i = 0;
    while (template[i]) {
        if (template[i] == '`') {
            text_append_words(text, template + run, i - run, lang);
            const char *end = strchr(template + i + 1, '`');
            size_t stop = end ? (size_t)(end - template) : strlen(template);
            text_buffer_add(text, template + i + (problem ? 1 : 0), stop - i - (problem ? 1 : 0));
            if (!problem && end) {
                text_buffer_add(text, "`", 1);
            }
            i = end ? stop + 1 : stop;
            run = i;
        } else if (template[i] == '{') {
            text_append_words(text, template + run, i - run, lang);
            const char *end = strchr(template + i, '}');
            size_t stop = end ? (size_t)(end - template) + 1 : strlen(template);
            const char *name = template + i + 1;
            if (!problem) {
                text_buffer_add(text, template + i, stop - i);
            } else if (strncmp(name, "rules}", 6) == 0) {
                render_template(text, source_template(BUILD_MSG_PART_ID_RULES, lang), problem, lang);
            } else if (name[0] >= '1' && name[0] <= '9') {
                append_argument(text, problem, ' ', name[0] - '1', lang);
            } else {
                append_argument(text, problem, name[0], name[1] - '1', lang);
            }
            i = stop;
            run = i;
        } else {
            i++;
        }
    }
    text_append_words(text, template + run, i - run, lang);
}

/* Appends a small part (PART_*) with one argument. */
static void append_part(TextBuffer *text, BuildMessageId part, const char *argument, Lang lang)
{
    BuildProblem filled = {.id = part, .args = {argument}};
    render_template(text, source_template(part, lang), &filled, lang);
}

static void append_argument(TextBuffer *text, const BuildProblem *problem, char form, int index, Lang lang)
{
    const char *value = index >= 0 && index < BUILD_MESSAGE_MAX_ARGS ? problem->args[index] : NULL;
    if (!value) {
        value = "";
    }
    if (form == 'q') {
        char *quoted = build_message_quote(value);
        if (quoted) {
            text_buffer_add_string(text, quoted);
        } else {
            text->failed = true;
        }
        free(quoted);
    } else if (form == 'l') {
        append_part(text, problem->where.sheet ? BUILD_MSG_PART_ROW : BUILD_MSG_PART_LINE, value, lang);
    } else {
        text_buffer_add_string(text, value);
    }
}

/* template filled (problem NULL: as it is) in lang, malloc'd; NULL for no template. */
static char *rendered(const char *template, const BuildProblem *problem, Lang lang)
{
    if (!template) {
        return NULL;
    }
    TextBuffer text = {0};
    render_template(&text, template, problem, lang);
    return text_buffer_take(&text);
}

char *build_message_template(BuildMessageId id, Lang lang)
{
    return rendered(source_template(id, lang), NULL, lang);
}

char *build_message_kind_title(BuildMessageId id, Lang lang)
{
    if (!source_template(id, lang)) {
        return NULL;
    }
    return rendered(lang == LANG_EN ? MESSAGES[id].title_en : MESSAGES[id].title_sr_latn, NULL, lang);
}

char *build_message_text(const BuildProblem *problem, Lang lang)
{
    return rendered(source_template(problem->id, lang), problem, lang);
}

char *build_message_line(const BuildProblem *problem, Lang lang)
{
    const BuildWhere *where = &problem->where;
    char row[32];
    snprintf(row, sizeof row, "%ld", where->row);
    TextBuffer text = {0};
    if (where->sheet) {
        /* content.xlsx, sheet "members", row 14, column "name": … */
        BuildProblem sheet = {.id = BUILD_MSG_PART_SHEET, .args = {where->file ? where->file : "", where->sheet}};
        render_template(&text, source_template(BUILD_MSG_PART_SHEET, lang), &sheet, lang);
        if (where->row > 0) {
            text_buffer_add_string(&text, ", ");
            append_part(&text, BUILD_MSG_PART_ROW, row, lang);
        }
        if (where->column) {
            text_buffer_add_string(&text, ", ");
            append_part(&text, BUILD_MSG_PART_COLUMN, where->column, lang);
        }
        text_buffer_add_string(&text, ": ");
    } else if (where->file) {
        /* members.csv:14: column "name": … */
        text_buffer_add_string(&text, where->file);
        if (where->row > 0) {
            text_buffer_add_string(&text, ":");
            text_buffer_add_string(&text, row);
        }
        text_buffer_add_string(&text, ": ");
        if (where->column) {
            append_part(&text, BUILD_MSG_PART_COLUMN, where->column, lang);
            text_buffer_add_string(&text, ": ");
        }
    }
    if (build_message_severity(problem->id) == BUILD_SEVERITY_WARNING) {
        render_template(&text, source_template(BUILD_MSG_PART_WARNING, lang), problem, lang);
    }
    char *body = build_message_text(problem, lang);
    if (!body) {
        text.failed = true;
    } else {
        text_buffer_add_string(&text, body);
    }
    free(body);
    return text_buffer_take(&text);
}
