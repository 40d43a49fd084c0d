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

/* What a value of column holds, in English (en) and Serbian Latin (sr). */
static void column_kind_words(const ColumnSpec *column, int lang, char *en, char *sr, size_t size)
{
    char words[256] = "";
    for (int i = 0; column->choices && column->choices[i]; i++) {
        size_t used = strlen(words);
        snprintf(words + used, sizeof words - used, "%s%s", i ? ", " : "", column->choices[i]);
    }
    switch (column->kind) {
    case COLUMN_ID:
        snprintf(en, size, "A short key, different in every row, never shown: letters, digits, - _ . (at most 64).");
        snprintf(sr, size, "Kratak ključ, različit u svakom redu, ne prikazuje se: slova, cifre, - _ . (najviše 64).");
        break;
    case COLUMN_TEXT:
        snprintf(en, size, "%s", lang == LANG_EN        ? "Text in English."
                                 : lang == LANG_SR_LATN ? "Text in Serbian, in Latin letters."
                                                        : "Serbian Cyrillic: left empty, it is made from the Latin "
                                                          "column; fill it only where that would be wrong.");
        snprintf(sr, size, "%s", lang == LANG_EN        ? "Tekst na engleskom."
                                 : lang == LANG_SR_LATN ? "Tekst na srpskom, latinicom."
                                                        : "Srpska ćirilica: ako ostane prazno, pravi se iz kolone sa "
                                                          "latinicom; popunite samo kad to ne bi bilo tačno.");
        break;
    case COLUMN_INTEGER:
        snprintf(en, size, "A whole number greater than 0.");
        snprintf(sr, size, "Ceo broj veći od 0.");
        break;
    case COLUMN_DATE:
        snprintf(en, size, "A date (yyyy-mm-dd).");
        snprintf(sr, size, "Datum (gggg-mm-dd).");
        break;
    case COLUMN_YEARS:
        snprintf(en, size, "A year (2013), a range (2011-2016) or a list (2011, 2012, 2013).");
        snprintf(sr, size, "Godina (2013), raspon (2011-2016) ili spisak (2011, 2012, 2013).");
        break;
    case COLUMN_CHOICE:
        snprintf(en, size, "One of: %s (pick from the list).", words);
        snprintf(sr, size, "Jedno od: %s (izaberite sa spiska).", words);
        break;
    case COLUMN_COLOUR:
        snprintf(en, size, "A colour written #RRGGBB.");
        snprintf(sr, size, "Boja napisana kao #RRGGBB.");
        break;
    case COLUMN_URL:
        snprintf(en, size, "A web address starting with https://");
        snprintf(sr, size, "Veb adresa koja počinje sa https://");
        break;
    case COLUMN_EMAIL:
        snprintf(en, size, "An e-mail address.");
        snprintf(sr, size, "Adresa e-pošte.");
        break;
    case COLUMN_PHONE:
        snprintf(en, size, "A phone number: digits, spaces and + ( ) - /");
        snprintf(sr, size, "Broj telefona: cifre, razmaci i + ( ) - /");
        break;
    case COLUMN_REF:
        if (strcmp(column->ref_table, "images") == 0) {
            snprintf(en, size, "The file name of a picture in the folder images/ beside this workbook.");
            snprintf(sr, size, "Ime datoteke slike u fascikli images/ pored ove radne sveske.");
        } else {
            snprintf(en, size, "An id from the sheet %s.", column->ref_table);
            snprintf(sr, size, "Id iz lista %s.", column->ref_table);
        }
        break;
    default:
        snprintf(en, size, "Text, shown as written.");
        snprintf(sr, size, "Tekst, prikazuje se kako je napisan.");
        break;
    }
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
