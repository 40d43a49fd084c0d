/* xlsx_words.c — the exported workbook's words for staff; see xlsx_words.h. The Serbian is
 * a draft like every Serbian text of the kiosk: the cluster reviews it. */
#include "workbook/xlsx_words.h"

#include <stdio.h>
#include <string.h>

#define COUNT(array) (sizeof array / sizeof array[0])

static const WorkbookWords SHEETS[] = {
    {"organisation",
     "The cluster itself: name, short name, founding date, city, vision, action plan, why partner with us, logo "
     "(exactly one row).",
     "Sam klaster: naziv, kratak naziv, datum osnivanja, grad, vizija, akcioni plan, zašto sarađivati sa nama, logo "
     "(tačno jedan red)."},
    {"members", "Member companies and organisations.", "Članice: preduzeća i organizacije."},
    {"stories", "Success stories and achievements.", "Priče o uspehu i dostignuća."},
    {"about_items", "Short facts grouped by kind (sector, technology, service, …).",
     "Kratke činjenice grupisane po vrsti (sektor, tehnologija, usluga, …)."},
    {"figures", "Key figures shown large (\"400+\" and what it counts).",
     "Ključni brojevi prikazani krupno („400+“ i šta broje)."},
    {"missions", "Trade missions and B2B meetings.", "Privredne misije i B2B sastanci."},
    {"countries", "Countries of cooperation; target marks the main target countries.",
     "Zemlje saradnje; target označava glavne ciljne zemlje."},
    {"partner_clusters", "Clusters the cluster works with (country: an id from the sheet countries).",
     "Klasteri sa kojima klaster sarađuje (country: id iz lista countries)."},
    {"programmes", "Funded support programmes.", "Finansirani programi podrške."},
    {"contacts", "Contact points; only the role is required.", "Kontakti; obavezna je samo uloga."},
    {"pack",
     "Version, title and date of this content (exactly one row). When you publish a change, raise version by one "
     "and set created_at to today.",
     "Verzija, naslov i datum ovog sadržaja (tačno jedan red). Kad objavljujete izmenu, povećajte version za jedan "
     "i stavite današnji datum u created_at."},
    {"theme", "The screen colours, written #RRGGBB (exactly one row).",
     "Boje ekrana, napisane kao #RRGGBB (tačno jedan red)."},
};

static const WorkbookWords RULES[] = {
    {"Rows",
     "One row is one item on screen, in the order of the rows: move a row up or down to move the item; add a row "
     "for a new item, delete a row to remove one.",
     "Jedan red je jedna stavka na ekranu, redom kojim su redovi: pomerite red gore ili dole da pomerite stavku; "
     "dodajte red za novu stavku, obrišite red da je uklonite."},
    {"First row",
     "The first row names the columns: do not rename or delete them. Point at a column's name to read a note on "
     "what it holds.",
     "Prvi red sadrži nazive kolona: ne menjajte ih i ne brišite. Postavite pokazivač na naziv kolone da pročitate "
     "napomenu o tome šta sadrži."},
    {"Required",
     "A column whose name is white on dark blue must be filled in; one with a grey name may be left empty.",
     "Kolona čiji je naziv beo na tamnoplavom mora biti popunjena; kolona sa sivim nazivom može ostati prazna."},
    {"Languages",
     "A text has three columns: _en English, _sr_latn Serbian in Latin letters, _sr_cyrl Serbian in Cyrillic.",
     "Tekst ima tri kolone: _en engleski, _sr_latn srpski latinicom, _sr_cyrl srpski ćirilicom."},
    {"Cyrillic",
     "Leave the light blue _sr_cyrl columns empty: the Cyrillic is then made from the Serbian Latin. Fill a cell "
     "only where that would be wrong (an acronym that stays in Latin letters); if you change the Latin text of "
     "such a row, change its Cyrillic too, or empty it.",
     "Svetloplave kolone _sr_cyrl ostavite prazne: ćirilica se tada pravi iz srpske latinice. Popunite ćeliju "
     "samo kad to ne bi bilo tačno (skraćenica koja ostaje latinicom); ako promenite tekst latinicom u takvom "
     "redu, promenite i njegovu ćirilicu ili je obrišite."},
    {"Fixed words",
     "A column with a fixed list of words (kind, scope, target) has a drop-down list: pick a word from it.",
     "Kolona sa utvrđenim spiskom reči (kind, scope, target) ima padajući spisak: izaberite reč sa njega."},
    {"Dates",
     "Dates are shown as yyyy-mm-dd (2026-09-14). Leave show_from and show_until empty to show a row always.",
     "Datumi su prikazani kao gggg-mm-dd (2026-09-14). Ostavite show_from i show_until prazne da se red uvek "
     "prikazuje."},
    {"Images",
     "Pictures (PNG or JPEG) are files in the folder images/ beside this workbook; a logo or photo column holds a "
     "file's name. Copy the folder together with the workbook.",
     "Slike (PNG ili JPEG) su datoteke u fascikli images/ pored ove radne sveske; kolona logo ili photo sadrži "
     "ime datoteke. Kopirajte fasciklu zajedno sa radnom sveskom."},
    {"Saving",
     "Save as an Excel workbook (.xlsx), keeping its name: in Excel File > Save; in LibreOffice File > Save, then "
     "\"Use Excel 2007-365!\". Do not save as CSV or .xls.",
     "Sačuvajte kao Excel radnu svesku (.xlsx), pod istim imenom: u Excelu Datoteka > Sačuvaj; u LibreOfficeu "
     "Datoteka > Sačuvaj, pa \"Use Excel 2007-365!\". Ne čuvajte kao CSV ili .xls."},
};

static const WorkbookWords TITLE = {"Read me", "The kiosk's content: how to edit this workbook",
                                    "Sadržaj kioska: kako da uredite ovu radnu svesku"};
static const WorkbookWords HEADINGS = {"Sheet", "English", "Srpski (latinica)"};
static const WorkbookWords RULES_HEADING = {"How to edit", "", "Kako da uređujete"};

const WorkbookWords *xlsx_words_sheets(size_t *count)
{
    *count = COUNT(SHEETS);
    return SHEETS;
}

const WorkbookWords *xlsx_words_rules(size_t *count)
{
    *count = COUNT(RULES);
    return RULES;
}

const WorkbookWords *xlsx_words_title(void)
{
    return &TITLE;
}

const WorkbookWords *xlsx_words_headings(void)
{
    return &HEADINGS;
}

const WorkbookWords *xlsx_words_rules_heading(void)
{
    return &RULES_HEADING;
}

/* What a value of each kind holds; "%s" is the list of fixed words (COLUMN_CHOICE) or the
 * table a reference names. COLUMN_TEXT and references to images have words of their own. */
static const struct {
    ColumnKind kind;
    const char *en;
    const char *sr_latn;
} KIND_WORDS[] = {
    {COLUMN_ID, "A short key, different in every row, never shown: letters, digits, - _ . (at most 64).",
     "Kratak ključ, različit u svakom redu, ne prikazuje se: slova, cifre, - _ . (najviše 64)."},
    {COLUMN_INTEGER, "A whole number greater than 0.", "Ceo broj veći od 0."},
    {COLUMN_DATE, "A date (yyyy-mm-dd).", "Datum (gggg-mm-dd)."},
    {COLUMN_YEARS, "A year (2013), a range (2011-2016) or a list (2011, 2012, 2013).",
     "Godina (2013), raspon (2011-2016) ili spisak (2011, 2012, 2013)."},
    {COLUMN_CHOICE, "One of: %s (pick from the list).", "Jedno od: %s (izaberite sa spiska)."},
    {COLUMN_COLOUR, "A colour written #RRGGBB.", "Boja napisana kao #RRGGBB."},
    {COLUMN_URL, "A web address starting with https://", "Veb adresa koja počinje sa https://"},
    {COLUMN_EMAIL, "An e-mail address.", "Adresa e-pošte."},
    {COLUMN_PHONE, "A phone number: digits, spaces and + ( ) - /", "Broj telefona: cifre, razmaci i + ( ) - /"},
    {COLUMN_REF, "An id from the sheet %s.", "Id iz lista %s."},
    {COLUMN_REFS, "Ids from the sheet %s, separated by commas (may be empty).",
     "Id-ovi iz lista %s, razdvojeni zarezima (može ostati prazno)."},
    {COLUMN_INSTANT, "A date and time on the clock of the event's place (yyyy-mm-ddThh:mm, such as 2026-09-17T10:20).",
     "Datum i vreme po satu mesta događaja (gggg-mm-ddTčč:mm, na primer 2026-09-17T10:20)."},
    {COLUMN_ZONE, "A time zone by its name, such as Europe/Belgrade.", "Vremenska zona po imenu, na primer Europe/Belgrade."},
};

static const WorkbookWords TEXT_WORDS[LANG_COUNT] = {
    {"en", "Text in English.", "Tekst na engleskom."},
    {"sr_latn", "Text in Serbian, in Latin letters.", "Tekst na srpskom, latinicom."},
    {"sr_cyrl", "Serbian Cyrillic: left empty, it is made from the Latin column; fill it only where that would be "
                "wrong.",
     "Srpska ćirilica: ako ostane prazno, pravi se iz kolone sa latinicom; popunite samo kad to ne bi bilo tačno."},
};

static const WorkbookWords IMAGE_WORDS = {
    "image", "The file name of a picture in the folder images/ beside this workbook.",
    "Ime datoteke slike u fascikli images/ pored ove radne sveske."};

static const WorkbookWords PLAIN_WORDS = {"plain", "Text, shown as written.", "Tekst, prikazuje se kako je napisan."};

/* template with its "%s" (if any) replaced by detail, into out. */
static void fill(char *out, size_t size, const char *template, const char *detail)
{
    const char *at = strstr(template, "%s");
    if (at) {
        snprintf(out, size, "%.*s%s%s", (int)(at - template), template, detail, at + 2);
    } else {
        snprintf(out, size, "%s", template);
    }
}

/* What a value of column holds, in English (en) and Serbian Latin (sr). */
static void column_kind_words(const ColumnSpec *column, int lang, char *en, char *sr, size_t size)
{
    char detail[256] = "";
    for (int i = 0; column->choices && column->choices[i]; i++) {
        size_t used = strlen(detail);
        snprintf(detail + used, sizeof detail - used, "%s%s", i ? ", " : "", column->choices[i]);
    }
    if (column->kind == COLUMN_REF || column->kind == COLUMN_REFS) {
        snprintf(detail, sizeof detail, "%s", column->ref_table);
    }
    const WorkbookWords *words = &PLAIN_WORDS;
    if (column->kind == COLUMN_TEXT && lang >= 0 && lang < LANG_COUNT) {
        words = &TEXT_WORDS[lang];
    } else if (column->kind == COLUMN_REF && strcmp(column->ref_table, "images") == 0) {
        words = &IMAGE_WORDS;
    } else {
        for (size_t i = 0; i < COUNT(KIND_WORDS); i++) {
            if (KIND_WORDS[i].kind == column->kind) {
                fill(en, size, KIND_WORDS[i].en, detail);
                fill(sr, size, KIND_WORDS[i].sr_latn, detail);
                return;
            }
        }
    }
    snprintf(en, size, "%s", words->en);
    snprintf(sr, size, "%s", words->sr_latn);
}

void xlsx_words_column_note(const ColumnSpec *column, int lang, char *out, size_t size)
{
    char en[320];
    char sr[320];
    bool required = column->required && lang != LANG_SR_CYRL;
    column_kind_words(column, lang, en, sr, sizeof en);
    snprintf(out, size, "%s %s\n%s %s", required ? "Required." : "May be left empty.", en,
             required ? "Obavezno." : "Može ostati prazno.", sr);
}
