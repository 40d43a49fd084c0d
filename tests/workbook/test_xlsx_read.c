/* Workbook reader: workbooks written by libxlsxwriter (shared strings, rich text, numbers,
 * booleans, dates, formulas with values, gaps, empty rows, constant-memory inline strings)
 * and small hand-made zips (libzip) for what libxlsxwriter never writes: the 1904 date
 * system, formulas without values, cells and rows without r, prefixes, escapes, and every
 * refusal (DTD, entity, "..", errors, not a zip, cut short, limits). Also the cell-text rules
 * of xlsx_text.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <xlsxwriter.h>
#include <zip.h>

#include "support/fixture.h"
#include "workbook/xlsx_read.h"
#include "workbook/xlsx_text.h"

/* ---- helpers --------------------------------------------------------------------------- */

typedef struct Part {
    const char *name;
    const char *text;
} Part;

#define MAIN_NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
#define REL_NS "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define REL_TYPE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

static const char WORKBOOK[] = "<?xml version=\"1.0\"?><workbook " MAIN_NS " " REL_NS ">"
                               "<sheets><sheet name=\"members\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char WORKBOOK_1904[] = "<workbook " MAIN_NS " " REL_NS "><workbookPr date1904=\"1\"/>"
                                    "<sheets><sheet name=\"members\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char WORKBOOK_RELS[] =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"" REL_TYPE "worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" REL_TYPE "sharedStrings\" Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"" REL_TYPE "styles\" Target=\"/xl/styles.xml\"/></Relationships>";
/* cellXfs: 0 general, 1 built-in date 14, 2 custom "d. mmm yyyy", 3 custom "0.00 \"dana\"". */
static const char STYLES[] = "<styleSheet " MAIN_NS "><numFmts count=\"2\">"
                             "<numFmt numFmtId=\"164\" formatCode=\"d. mmm yyyy\"/>"
                             "<numFmt numFmtId=\"165\" formatCode=\"0.00 &quot;dana&quot;\"/></numFmts>"
                             "<cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs>"
                             "<cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/>"
                             "<xf numFmtId=\"165\"/></cellXfs></styleSheet>";

static char *temp_dir;

static int setup(void **state)
{
    (void)state;
    temp_dir = fixture_tempdir();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    fixture_remove_tree(temp_dir);
    return 0;
}

/* Writes parts into a zip (deflated) at temp_dir/name; returns the malloc'd path. */
static char *write_zip(const char *name, const Part *parts, size_t count)
{
    char *path = fixture_path(temp_dir, name);
    int error = 0;
    zip_t *zip = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &error);
    assert_non_null(zip);
    for (size_t i = 0; i < count; i++) {
        zip_source_t *source = zip_source_buffer(zip, parts[i].text, strlen(parts[i].text), 0);
        assert_non_null(source);
        assert_true(zip_file_add(zip, parts[i].name, source, ZIP_FL_ENC_UTF_8) >= 0);
    }
    assert_int_equal(zip_close(zip), 0);
    return path;
}

/* A book of one sheet "members" with the given sheet XML (and shared strings, may be NULL). */
static char *write_book(const char *workbook, const char *sheet, const char *shared)
{
    Part parts[] = {{"xl/workbook.xml", workbook},
                    {"xl/_rels/workbook.xml.rels", WORKBOOK_RELS},
                    {"xl/styles.xml", STYLES},
                    {"xl/worksheets/sheet1.xml", sheet},
                    {"xl/sharedStrings.xml", shared ? shared : "<sst " MAIN_NS "/>"}};
    return write_zip("book.xlsx", parts, sizeof parts / sizeof parts[0]);
}

/* Loads sheet 0 of the book at path; false with problem when refused (at open or load). */
static bool load_sheet(const char *path, XlsxSheet *sheet, XlsxProblem *problem)
{
    *sheet = (XlsxSheet){0};
    XlsxBook *book = xlsx_book_open(path, problem);
    if (!book) {
        return false;
    }
    bool ok = xlsx_sheet_load(book, 0, sheet, problem);
    xlsx_book_close(book);
    return ok;
}

static void assert_row(const XlsxSheet *sheet, size_t index, long number, size_t count, ...)
{
    assert_true(index < sheet->row_count);
    const XlsxRow *row = &sheet->rows[index];
    assert_int_equal(row->number, number);
    assert_int_equal(row->cell_count, count);
    va_list args;
    va_start(args, count);
    for (size_t c = 0; c < count; c++) {
        assert_string_equal(row->cells[c], va_arg(args, const char *));
    }
    va_end(args);
}

/* The sheet XML around rows. */
#define SHEET(rows) "<worksheet " MAIN_NS "><sheetData>" rows "</sheetData></worksheet>"

static void assert_refused(const char *sheet_xml, const char *shared, const char *words, long row)
{
    char *path = write_book(WORKBOOK, sheet_xml, shared);
    XlsxSheet sheet;
    XlsxProblem problem;
    assert_false(load_sheet(path, &sheet, &problem));
    if (!strstr(problem.text, words)) {
        fail_msg("expected \"%s\" in \"%s\"", words, problem.text);
    }
    assert_int_equal(problem.row, row);
    xlsx_sheet_unload(&sheet);
    free(path);
}

/* ---- written by libxlsxwriter ------------------------------------------------------------ */

static char *write_with_libxlsxwriter(const char *name, bool constant_memory)
{
    char *path = fixture_path(temp_dir, name);
    lxw_workbook_options options = {.constant_memory = constant_memory, .tmpdir = temp_dir};
    lxw_workbook *book = workbook_new_opt(path, &options);
    assert_non_null(book);
    lxw_worksheet *members = workbook_add_worksheet(book, "members");
    lxw_worksheet *stories = workbook_add_worksheet(book, "Priče ђ");
    lxw_format *date = workbook_add_format(book);
    format_set_num_format(date, "yyyy-mm-dd");
    lxw_format *builtin_date = workbook_add_format(book);
    format_set_num_format_index(builtin_date, 14);
    lxw_format *bold = workbook_add_format(book);
    format_set_bold(bold);
    worksheet_write_string(members, 0, 0, "id", bold);
    worksheet_write_string(members, 0, 1, "name", bold);
    worksheet_write_string(members, 0, 2, "since", bold);
    worksheet_write_string(members, 0, 3, "count", bold);
    worksheet_write_string(members, 1, 0, "example-brand", NULL);
    worksheet_write_string(members, 1, 1, "Đorđe Ђорђе «Example»", NULL);
    lxw_datetime may_first = {2024, 5, 1, 0, 0, 0};
    worksheet_write_datetime(members, 1, 2, &may_first, date);
    worksheet_write_number(members, 1, 3, 42, NULL);
    worksheet_write_blank(members, 1, 6, bold); /* a formatted empty cell: dropped */
    /* rows 3 and 4 empty; row 5 with a gap, a fraction, a boolean, a formula's value */
    worksheet_write_string(members, 4, 0, "second", NULL);
    worksheet_write_number(members, 4, 2, 0.1, NULL);
    worksheet_write_boolean(members, 4, 3, 1, NULL);
    worksheet_write_formula_num(members, 4, 4, "=1+2", NULL, 3);
    worksheet_write_datetime(members, 4, 5, &may_first, builtin_date);
    worksheet_write_number(members, 5, 0, -2.5e-7, NULL);
    worksheet_write_number(members, 5, 1, 1e20, NULL);
    worksheet_write_boolean(members, 5, 2, 0, NULL);
    if (!constant_memory) {
        lxw_rich_string_tuple plain = {.format = NULL, .string = "Example "};
        lxw_rich_string_tuple strong = {.format = bold, .string = "Brand"};
        lxw_rich_string_tuple *rich[] = {&plain, &strong, NULL};
        worksheet_write_rich_string(members, 5, 3, rich, NULL);
    }
    worksheet_write_string(stories, 0, 0, "id", NULL);
    worksheet_write_string(members, 6, 0, "shared", NULL); /* constant memory: rows in order */
    worksheet_write_string(members, 7, 0, "shared", NULL);
    assert_int_equal(workbook_close(book), LXW_NO_ERROR);
    return path;
}

static void check_libxlsxwriter_book(const char *path, bool rich)
{
    XlsxProblem problem;
    XlsxBook *book = xlsx_book_open(path, &problem);
    if (!book) {
        fail_msg("%s", problem.text);
    }
    assert_int_equal(xlsx_book_sheet_count(book), 2);
    assert_string_equal(xlsx_book_sheet_name(book, 0), "members");
    assert_string_equal(xlsx_book_sheet_name(book, 1), "Priče ђ");
    assert_int_equal(xlsx_book_find_sheet(book, "Priče ђ"), 1);
    assert_int_equal(xlsx_book_find_sheet(book, "stories"), -1);
    XlsxSheet sheet;
    assert_true(xlsx_sheet_load(book, 0, &sheet, &problem));
    assert_int_equal(sheet.row_count, 6);
    assert_row(&sheet, 0, 1, 4, "id", "name", "since", "count");
    assert_row(&sheet, 1, 2, 4, "example-brand", "Đorđe Ђорђе «Example»", "2024-05-01", "42");
    assert_row(&sheet, 2, 5, 6, "second", "", "0.1", "TRUE", "3", "2024-05-01");
    if (rich) {
        assert_row(&sheet, 3, 6, 4, "-2.5e-07", "1e+20", "FALSE", "Example Brand");
    } else {
        assert_row(&sheet, 3, 6, 3, "-2.5e-07", "1e+20", "FALSE");
    }
    assert_row(&sheet, 4, 7, 1, "shared");
    assert_row(&sheet, 5, 8, 1, "shared");
    xlsx_sheet_unload(&sheet);
    assert_true(xlsx_sheet_load(book, 1, &sheet, &problem));
    assert_int_equal(sheet.row_count, 1);
    assert_row(&sheet, 0, 1, 1, "id");
    xlsx_sheet_unload(&sheet);
    xlsx_book_close(book);
}

static void test_libxlsxwriter_shared_strings(void **state)
{
    (void)state;
    char *path = write_with_libxlsxwriter("shared.xlsx", false);
    check_libxlsxwriter_book(path, true);
    free(path);
}

static void test_libxlsxwriter_constant_memory_inline_strings(void **state)
{
    (void)state;
    char *path = write_with_libxlsxwriter("inline.xlsx", true);
    check_libxlsxwriter_book(path, false);
    free(path);
}

static void test_open_buffer_same_as_file(void **state)
{
    (void)state;
    char *path = write_with_libxlsxwriter("buffer.xlsx", false);
    FILE *file = fopen(path, "rb");
    assert_non_null(file);
    static unsigned char bytes[1 << 20];
    size_t size = fread(bytes, 1, sizeof bytes, file);
    fclose(file);
    XlsxProblem problem;
    XlsxBook *book = xlsx_book_open_buffer(bytes, size, &problem);
    assert_non_null(book);
    XlsxSheet sheet;
    assert_true(xlsx_sheet_load(book, 0, &sheet, &problem));
    assert_row(&sheet, 1, 2, 4, "example-brand", "Đorđe Ђорђе «Example»", "2024-05-01", "42");
    xlsx_sheet_unload(&sheet);
    xlsx_book_close(book);
    /* Cut short by a third: refused, whatever part the cut lands in. */
    assert_null(xlsx_book_open_buffer(bytes, size * 2 / 3, &problem));
    assert_non_null(strstr(problem.text, "damaged or cut short"));
    free(path);
}

/* ---- hand-made workbooks ------------------------------------------------------------------ */

static void test_shared_rich_phonetic_inline_and_escapes(void **state)
{
    (void)state;
    const char *shared = "<sst " MAIN_NS "><si><t>plain</t></si>"
                         "<si><r><rPr><b/></rPr><t>Rich </t></r><r><t xml:space=\"preserve\">text </t></r>"
                         "<rPh sb=\"0\" eb=\"1\"><t>PHONETIC</t></rPh></si>"
                         "<si><t>line_x000D_break _x005F_x0041_</t></si><si><t/></si></sst>";
    char *path = write_book(WORKBOOK,
                            SHEET("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
                                  "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c><c r=\"E1\" t=\"s\"/></row>"
                                  "<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><r><t>in</t></r><r><t>line</t></r>"
                                  "</is></c><c r=\"C2\" t=\"str\"><f>A1</f><v>plain</v></c>"
                                  "<c r=\"D2\" t=\"str\"><f>\"\"</f><v></v></c></row>"),
                            shared);
    XlsxSheet sheet;
    XlsxProblem problem;
    assert_true(load_sheet(path, &sheet, &problem));
    assert_int_equal(sheet.row_count, 2);
    assert_row(&sheet, 0, 1, 3, "plain", "Rich text ", "line\rbreak _x0041_");
    assert_row(&sheet, 1, 2, 3, "", "inline", "plain");
    xlsx_sheet_unload(&sheet);
    free(path);
}

static void test_dates_in_both_systems_and_styles(void **state)
{
    (void)state;
    const char *rows = SHEET("<row><c s=\"1\"><v>45413</v></c><c s=\"2\"><v>45413.75</v></c><c s=\"3\"><v>45413</v>"
                             "</c><c><v>45413</v></c><c s=\"1\"><v>0</v></c></row>");
    char *path = write_book(WORKBOOK, rows, NULL);
    XlsxSheet sheet;
    XlsxProblem problem;
    assert_true(load_sheet(path, &sheet, &problem));
    /* 0 is no date in the 1900 system: the number stays */
    assert_row(&sheet, 0, 1, 5, "2024-05-01", "2024-05-01", "45413", "45413", "0");
    xlsx_sheet_unload(&sheet);
    free(path);
    path = write_book(WORKBOOK_1904, rows, NULL);
    assert_true(load_sheet(path, &sheet, &problem));
    assert_row(&sheet, 0, 1, 5, "2028-05-02", "2028-05-02", "45413", "45413", "1904-01-01");
    xlsx_sheet_unload(&sheet);
    free(path);
}

static void test_cells_and_rows_without_r_gaps_and_prefixes(void **state)
{
    (void)state;
    char *path = write_book(WORKBOOK,
                            "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                            "<x:sheetData><x:row><x:c><x:v>1</x:v></x:c><x:c/><x:c><x:v>3</x:v></x:c></x:row>"
                            "<x:row><x:c r=\"D2\"><x:v>4</x:v></x:c><x:c><x:v>5</x:v></x:c>"
                            "<x:c r=\"H2\" s=\"1\"/></x:row>"
                            "<x:row r=\"7\"><x:c r=\"B7\" t=\"inlineStr\"><x:is><x:t>  </x:t></x:is></x:c></x:row>"
                            "<x:row><x:c r=\"A8\" t=\"inlineStr\"><x:is><x:t></x:t></x:is></x:c></x:row>"
                            "<x:row><x:c r=\"B9\" t=\"b\"><x:v>0</x:v></x:c></x:row>"
                            "</x:sheetData></x:worksheet>",
                            NULL);
    XlsxSheet sheet;
    XlsxProblem problem;
    assert_true(load_sheet(path, &sheet, &problem));
    assert_int_equal(sheet.row_count, 4);
    assert_row(&sheet, 0, 1, 3, "1", "", "3");
    assert_row(&sheet, 1, 2, 5, "", "", "", "4", "5");
    assert_row(&sheet, 2, 7, 2, "", "  "); /* spaces are a value; the builder trims them */
    assert_row(&sheet, 3, 9, 2, "", "FALSE");
    xlsx_sheet_unload(&sheet);
    free(path);
}

static void test_sheets_found_through_package_rels(void **state)
{
    (void)state;
    Part parts[] = {
        {"_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        "<Relationship Id=\"rId1\" Type=\"" REL_TYPE "officeDocument\" Target=\"book/main.xml\"/>"
                        "</Relationships>"},
        {"book/main.xml", "<workbook " MAIN_NS " " REL_NS "><sheets>"
                          "<sheet name=\"stories\" sheetId=\"2\" r:id=\"rIdB\"/>"
                          "<sheet name=\"members\" sheetId=\"1\" r:id=\"rIdA\"/></sheets></workbook>"},
        {"book/_rels/main.xml.rels",
         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rIdA\" Type=\"" REL_TYPE "worksheet\" Target=\"/book/a.xml\"/>"
         "<Relationship Id=\"rIdB\" Type=\"" REL_TYPE "worksheet\" Target=\"b.xml\"/></Relationships>"},
        {"book/a.xml", SHEET("<row><c><v>1</v></c></row>")},
        {"book/b.xml", SHEET("<row><c><v>2</v></c></row>")},
    };
    char *path = write_zip("rels.xlsx", parts, sizeof parts / sizeof parts[0]);
    XlsxProblem problem;
    XlsxBook *book = xlsx_book_open(path, &problem);
    assert_non_null(book);
    assert_string_equal(xlsx_book_sheet_name(book, 0), "stories");
    XlsxSheet sheet;
    assert_true(xlsx_sheet_load(book, (size_t)xlsx_book_find_sheet(book, "members"), &sheet, &problem));
    assert_row(&sheet, 0, 1, 1, "1");
    xlsx_sheet_unload(&sheet);
    assert_true(xlsx_sheet_load(book, 0, &sheet, &problem));
    assert_row(&sheet, 0, 1, 1, "2");
    xlsx_sheet_unload(&sheet);
    xlsx_book_close(book);
    free(path);
}

static void test_formula_without_value_refused(void **state)
{
    (void)state;
    /* as openpyxl writes a formula: <v> empty; and with no <v> at all */
    assert_refused(SHEET("<row r=\"3\"><c r=\"A3\"><v>1</v></c><c r=\"B3\"><f>1+2</f><v></v></c></row>"), NULL,
                   "cell B3 has a formula saved without its value: open the workbook once in Excel or LibreOffice "
                   "and save it", 3);
    assert_refused(SHEET("<row r=\"4\"><c r=\"C4\" t=\"str\"><f>A1</f></c></row>"), NULL,
                   "cell C4 has a formula saved without its value", 4);
}

static void test_bad_cells_refused(void **state)
{
    (void)state;
    assert_refused(SHEET("<row r=\"2\"><c r=\"A2\" t=\"e\"><v>#REF!</v></c></row>"), NULL,
                   "cell A2 shows the error #REF!", 2);
    assert_refused(SHEET("<row r=\"2\"><c r=\"A2\" t=\"s\"><v>7</v></c></row>"), NULL,
                   "cell A2 refers to a shared text the workbook does not have", 2);
    assert_refused(SHEET("<row r=\"2\"><c r=\"A2\"><v>one</v></c></row>"), NULL,
                   "cell A2 holds \"one\" where a number belongs", 2);
    assert_refused(SHEET("<row r=\"2\"><c r=\"B2\"><v>1</v></c><c r=\"A2\"><v>1</v></c></row>"), NULL,
                   "comes twice or out of order", 2);
    assert_refused(SHEET("<row r=\"5\"/><row r=\"4\"/>"), NULL, "a row numbered \"4\" after row 5", 5);
    assert_refused(SHEET("<row r=\"2\"><c r=\"IW2\"><v>1</v></c></row>"), NULL, "at most 256 columns", 2);
}

static void test_dtd_and_entities_refused(void **state)
{
    (void)state;
    assert_refused("<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaa\">"
                   "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>" SHEET("<row><c t=\"inlineStr\"><is><t>&b;</t></is></c></row>"),
                   NULL, "has a DTD", 0);
    assert_refused(SHEET("<row><c><v>1</v></c></row>"),
                   "<?xml version=\"1.0\"?><!DOCTYPE sst SYSTEM \"file:///etc/passwd\"><sst " MAIN_NS "/>",
                   "has a DTD", 0);
    assert_refused(SHEET("<row><c t=\"inlineStr\"><is><t>&undefined;</t></is></c></row>"), NULL,
                   "undefined entity", 0);
}

static void test_dot_dot_names_refused(void **state)
{
    (void)state;
    Part entry[] = {{"xl/workbook.xml", WORKBOOK},
                    {"xl/_rels/workbook.xml.rels", WORKBOOK_RELS},
                    {"xl/worksheets/sheet1.xml", SHEET("")},
                    {"../../evil.xml", SHEET("")}};
    char *path = write_zip("entry.xlsx", entry, sizeof entry / sizeof entry[0]);
    XlsxProblem problem;
    assert_null(xlsx_book_open(path, &problem));
    assert_non_null(strstr(problem.text, "holds a file named \"../../evil.xml\", outside the workbook"));
    free(path);
    Part target[] = {{"xl/workbook.xml", WORKBOOK},
                     {"xl/_rels/workbook.xml.rels",
                      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                      "<Relationship Id=\"rId1\" Type=\"" REL_TYPE "worksheet\" Target=\"../../etc/passwd\"/>"
                      "</Relationships>"}};
    path = write_zip("target.xlsx", target, sizeof target / sizeof target[0]);
    assert_null(xlsx_book_open(path, &problem));
    assert_non_null(strstr(problem.text, "points to the part \"../../etc/passwd\", which is outside the workbook"));
    free(path);
}

static void test_not_a_workbook(void **state)
{
    (void)state;
    fixture_write(temp_dir, "members.csv", "id,name\n", (size_t)-1);
    fixture_write(temp_dir, "old.xls", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 and more", (size_t)-1);
    fixture_write(temp_dir, "cut.xlsx", "PK\x03\x04 and nothing else", (size_t)-1);
    static const struct {
        const char *name;
        const char *words;
    } CASES[] = {{"members.csv", "is not an Excel workbook (.xlsx)"},
                 {"old.xls", "is an old Excel 97–2003 workbook (.xls)"},
                 {"cut.xlsx", "is damaged or cut short"},
                 {"missing.xlsx", "No such file"}};
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        char *path = fixture_path(temp_dir, CASES[i].name);
        XlsxProblem problem;
        assert_null(xlsx_book_open(path, &problem));
        if (!strstr(problem.text, CASES[i].words)) {
            fail_msg("%s: expected \"%s\" in \"%s\"", CASES[i].name, CASES[i].words, problem.text);
        }
        free(path);
    }
    Part no_workbook[] = {{"hello.txt", "hello"}};
    char *path = write_zip("zip.xlsx", no_workbook, 1);
    XlsxProblem problem;
    assert_null(xlsx_book_open(path, &problem));
    assert_non_null(strstr(problem.text, "xl/workbook.xml is missing inside the workbook"));
    free(path);
}

static void test_long_cell_refused(void **state)
{
    (void)state;
    size_t length = XLSX_MAX_CELL_BYTES + 1;
    const char *head = SHEET("<row r=\"3\"><c r=\"B3\" t=\"inlineStr\"><is><t>");
    char *xml = malloc(strlen(head) + length + 200);
    assert_non_null(xml);
    /* SHEET() closes sheetData: build the text by hand */
    size_t used = (size_t)sprintf(xml, "<worksheet " MAIN_NS "><sheetData><row r=\"3\"><c r=\"B3\" t=\"inlineStr\"><is><t>");
    memset(xml + used, 'x', length);
    strcpy(xml + used + length, "</t></is></c></row></sheetData></worksheet>");
    assert_refused(xml, NULL, "cell B3 holds a text longer than 64 KiB, the limit", 3);
    /* exactly at the limit: kept */
    strcpy(xml + used + length - 1, "</t></is></c></row></sheetData></worksheet>");
    char *path = write_book(WORKBOOK, xml, NULL);
    XlsxSheet sheet;
    XlsxProblem problem;
    assert_true(load_sheet(path, &sheet, &problem));
    assert_int_equal(strlen(sheet.rows[0].cells[1]), XLSX_MAX_CELL_BYTES);
    xlsx_sheet_unload(&sheet);
    free(path);
    free(xml);
}

static void test_too_many_rows_refused(void **state)
{
    (void)state;
    const char *row = "<row><c><v>1</v></c></row>";
    size_t rows = XLSX_MAX_ROWS + 1;
    char *xml = malloc(strlen(row) * rows + 200);
    assert_non_null(xml);
    size_t used = (size_t)sprintf(xml, "<worksheet " MAIN_NS "><sheetData>");
    for (size_t r = 0; r < rows; r++) {
        used += (size_t)sprintf(xml + used, "%s", row);
    }
    strcpy(xml + used, "</sheetData></worksheet>");
    assert_refused(xml, NULL, "more than 20000 rows with something in them, the limit", XLSX_MAX_ROWS + 1);
    free(xml);
}

/* ---- cell texts ------------------------------------------------------------------------------ */

static void test_number_texts(void **state)
{
    (void)state;
    static const struct {
        double value;
        const char *text;
    } CASES[] = {{0, "0"}, {-0.0, "0"}, {42, "42"}, {-7, "-7"}, {0.1, "0.1"}, {1.0 / 3, "0.3333333333333333"},
                 {123456789012345.0, "123456789012345"}, {1e15, "1e+15"}, {2.5e-7, "2.5e-07"},
                 {0.1 + 0.2, "0.30000000000000004"}};
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        char text[32];
        xlsx_text_number(CASES[i].value, text, sizeof text);
        assert_string_equal(text, CASES[i].text);
    }
}

static void test_date_texts(void **state)
{
    (void)state;
    static const struct {
        double serial;
        bool date1904;
        const char *text;
    } CASES[] = {{1, false, "1900-01-01"}, {59, false, "1900-02-28"}, {60, false, "1900-02-29"},
                 {61, false, "1900-03-01"}, {25569, false, "1970-01-01"}, {45413.999, false, "2024-05-01"},
                 {2958465, false, "9999-12-31"}, {0, true, "1904-01-01"}, {1462, true, "1908-01-02"},
                 {44000, true, "2024-06-19"}};
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        char text[32];
        assert_true(xlsx_text_date(CASES[i].serial, CASES[i].date1904, text, sizeof text));
        assert_string_equal(text, CASES[i].text);
    }
    char text[32];
    assert_false(xlsx_text_date(0.5, false, text, sizeof text));
    assert_false(xlsx_text_date(-1, true, text, sizeof text));
    assert_false(xlsx_text_date(2958466, false, text, sizeof text));
}

static void test_date_formats(void **state)
{
    (void)state;
    assert_true(xlsx_text_builtin_is_date(14));
    assert_true(xlsx_text_builtin_is_date(22));
    assert_true(xlsx_text_builtin_is_date(47));
    assert_false(xlsx_text_builtin_is_date(0));
    assert_false(xlsx_text_builtin_is_date(49));
    assert_true(xlsx_text_code_is_date("yyyy-mm-dd"));
    assert_true(xlsx_text_code_is_date("[$-241A]d. mmmm yyyy."));
    assert_true(xlsx_text_code_is_date("DD.MM.YYYY"));
    assert_false(xlsx_text_code_is_date("0.00 \"dana\""));
    assert_false(xlsx_text_code_is_date("[Red]#,##0"));
    assert_false(xlsx_text_code_is_date("0\\d"));
    assert_false(xlsx_text_code_is_date("_d0*m"));
    assert_false(xlsx_text_code_is_date("General"));
    assert_false(xlsx_text_code_is_date("\"unclosed d"));
}

static void test_unescape(void **state)
{
    (void)state;
    char text[] = "a_x000D__x000a_b _x005F_x0041_ _x0000_ _xD800_ _x20AC_ _x12_";
    xlsx_text_unescape(text);
    assert_string_equal(text, "a\r\nb _x0041_ _x0000_ _xD800_ \xE2\x82\xAC _x12_");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_libxlsxwriter_shared_strings),
        cmocka_unit_test(test_libxlsxwriter_constant_memory_inline_strings),
        cmocka_unit_test(test_open_buffer_same_as_file),
        cmocka_unit_test(test_shared_rich_phonetic_inline_and_escapes),
        cmocka_unit_test(test_dates_in_both_systems_and_styles),
        cmocka_unit_test(test_cells_and_rows_without_r_gaps_and_prefixes),
        cmocka_unit_test(test_sheets_found_through_package_rels),
        cmocka_unit_test(test_formula_without_value_refused),
        cmocka_unit_test(test_bad_cells_refused),
        cmocka_unit_test(test_dtd_and_entities_refused),
        cmocka_unit_test(test_dot_dot_names_refused),
        cmocka_unit_test(test_not_a_workbook),
        cmocka_unit_test(test_long_cell_refused),
        cmocka_unit_test(test_too_many_rows_refused),
        cmocka_unit_test(test_number_texts),
        cmocka_unit_test(test_date_texts),
        cmocka_unit_test(test_date_formats),
        cmocka_unit_test(test_unescape),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
