/* Text fitting with a fake monospace font (every code point is size/2 px
 * wide): wrapping, shrinking, ellipsis, hard breaks, Cyrillic never split,
 * overlong words, and a sweep of box sizes that must never overflow. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/text_fit.h"
#include "core/utf8.h"

typedef struct FakeFont {
    int calls;
    bool sizes_seen[256]; /* the sizes the font was asked for */
    bool fail;
    size_t measured;  /* code points handed to the font, all calls together */
    int space_extra;  /* px added per space inside the text measured (a font that kerns) */
} FakeFont;

static size_t code_points(const char *s, size_t length)
{
    size_t n = 0;
    for (size_t i = 0; i < length; i++) {
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    }
    return n;
}

static int fake_measure(void *ctx, const char *utf8, size_t length, int size_px)
{
    FakeFont *font = ctx;
    font->calls++;
    if (size_px >= 0 && size_px < 256) {
        font->sizes_seen[size_px] = true;
    }
    /* The core must never hand the font half a character. */
    assert_true(utf8_valid(utf8, length, NULL));
    if (font->fail) {
        return -1;
    }
    font->measured += code_points(utf8, length);
    int inner_spaces = 0;
    for (size_t i = 1; i + 1 < length; i++) {
        inner_spaces += utf8[i] == ' ';
    }
    return (int)code_points(utf8, length) * size_px / 2 + inner_spaces * font->space_extra;
}

static TextFitRequest request(const char *text, int box_w, int box_h, int preferred, int min,
                              FakeFont *font)
{
    TextFitRequest req = {0};
    req.text = text;
    req.length = strlen(text);
    req.box_w = box_w;
    req.box_h = box_h;
    req.preferred_px = preferred;
    req.min_px = min;
    req.line_height = 1.2f;
    req.measure = fake_measure;
    req.measure_ctx = font;
    return req;
}

enum { CAPACITY = 32 };

static void assert_line(const char *text, const TextLine *line, const char *expected)
{
    assert_int_equal(line->length, strlen(expected));
    assert_memory_equal(text + line->offset, expected, line->length);
}

/* The invariants every result must keep, whatever the input. */
static void assert_fits(const TextFitRequest *req, const TextLine *lines, const TextFitResult *r)
{
    assert_true(r->size_px >= req->min_px && r->size_px <= req->preferred_px);
    if (r->line_count > 0) {
        int tallest = r->line_height_px > r->size_px ? r->line_height_px : r->size_px;
        assert_true((int)(r->line_count - 1) * r->line_height_px + tallest <= req->box_h);
    }
    if (req->max_lines > 0) {
        assert_true(r->line_count <= (size_t)req->max_lines);
    }
    for (size_t i = 0; i < r->line_count; i++) {
        const TextLine *l = &lines[i];
        assert_true(l->offset + l->length <= req->length);
        int w = (int)code_points(req->text + l->offset, l->length) * r->size_px / 2;
        if (l->ellipsis) {
            w += r->size_px / 2;
            assert_true(i == r->line_count - 1);
        }
        assert_true(w <= req->box_w);
        assert_true(utf8_valid(req->text + l->offset, l->length, NULL));
        if (l->offset < req->length) {
            assert_true(((unsigned char)req->text[l->offset] & 0xC0) != 0x80);
        }
        size_t end = l->offset + l->length;
        if (end < req->length) {
            assert_true(((unsigned char)req->text[end] & 0xC0) != 0x80);
        }
    }
}

static void test_fits_at_preferred_size(void **state)
{
    (void)state;
    FakeFont font = {0};
    TextFitRequest req = request("Hello world", 200, 100, 20, 10, &font);
    TextLine lines[CAPACITY];
    TextFitResult r;
    assert_int_equal(text_fit(&req, lines, CAPACITY, &r), TEXT_FIT_OK);
    assert_int_equal(r.size_px, 20);
    assert_int_equal(r.line_height_px, 24);
    assert_int_equal(r.line_count, 1);
    assert_false(r.shrunk);
    assert_false(r.truncated);
    assert_line(req.text, &lines[0], "Hello world");
    assert_false(lines[0].ellipsis);
}

static void test_wraps_at_word_boundaries(void **state)
{
    (void)state;
    FakeFont font = {0};
    /* 10 px per character at 20 px: ten characters per 100 px line. */
    TextFitRequest req = request("the quick  brown fox jumps", 100, 200, 20, 20, &font);
    TextLine lines[CAPACITY];
    TextFitResult r;
    assert_int_equal(text_fit(&req, lines, CAPACITY, &r), TEXT_FIT_OK);
    assert_int_equal(r.line_count, 3);
    assert_line(req.text, &lines[0], "the quick");
    assert_line(req.text, &lines[1], "brown fox");
    assert_line(req.text, &lines[2], "jumps");
    assert_false(r.broke_word);
    assert_fits(&req, lines, &r);
}

static void test_hard_line_breaks(void **state)
{
    (void)state;
    FakeFont font = {0};
    TextFitRequest req = request("Beograd\n\nNovi Sad\n", 200, 200, 20, 20, &font);
    TextLine lines[CAPACITY];
    TextFitResult r;
    assert_int_equal(text_fit(&req, lines, CAPACITY, &r), TEXT_FIT_OK);
    assert_int_equal(r.line_count, 3);
    assert_line(req.text, &lines[0], "Beograd");
    assert_line(req.text, &lines[1], "");
    assert_line(req.text, &lines[2], "Novi Sad");
}

static void test_shrinks_before_cutting(void **state)
{
    (void)state;
    FakeFont font = {0};
    /* Room for two 24 px lines at 20 px; the text needs three there. */
    TextFitRequest req = request("the quick brown fox jumps", 100, 48, 20, 8, &font);
    TextLine lines[CAPACITY];
    TextFitResult r;
    assert_int_equal(text_fit(&req, lines, CAPACITY, &r), TEXT_FIT_OK);
    /* 18, 16, 14 px still need three lines for two rows; 12 px gives three
     * 15 px rows and 16 characters per line: "the quick brown" / "fox jumps". */
    assert_int_equal(r.size_px, 12);
    assert_true(r.shrunk);
    assert_false(r.truncated);
    assert_int_equal(r.line_count, 2);
    assert_line(req.text, &lines[0], "the quick brown");
    assert_line(req.text, &lines[1], "fox jumps");
    assert_fits(&req, lines, &r);
}

static void test_ellipsis_when_nothing_fits(void **state)
{
    (void)state;
    FakeFont font = {0};
    TextFitRequest req =
        request("Klaster modne odeće Srbije okuplja domaće brendove", 100, 500, 20, 20, &font);
    req.max_lines = 2;
    TextLine lines[CAPACITY];
    TextFitResult r;
    assert_int_equal(text_fit(&req, lines, CAPACITY, &r), TEXT_FIT_OK);
    assert_true(r.truncated);
    assert_int_equal(r.line_count, 2);
    assert_line(req.text, &lines[0], "Klaster");
    /* "modne" fits the 10-character line; "modne" + "…" = 6 also fits. */
    assert_line(req.text, &lines[1], "modne");
    assert_true(lines[1].ellipsis);
    assert_false(lines[0].ellipsis);
    assert_fits(&req, lines, &r);

    /* With a line full to the brim the last word makes room for the "…". */
    req = request("aaaa bbbbb cccc dddd", 100, 500, 20, 20, &font);
    req.max_lines = 1;
    assert_int_equal(text_fit(&req, lines, CAPACITY, &r), TEXT_FIT_OK);
    assert_int_equal(r.line_count, 1);
    assert_line(req.text, &lines[0], "aaaa");
    assert_true(lines[0].ellipsis);
    assert_fits(&req, lines, &r);

    /* The caller's capacity caps the lines too. */
    req = request("a b c d e f", 10, 500, 20, 20, &font);
    assert_int_equal(text_fit(&req, lines, 3, &r), TEXT_FIT_OK);
    assert_int_equal(r.line_count, 3);
    assert_true(r.truncated);
    assert_true(lines[2].ellipsis);
    assert_line(req.text, &lines[2], "");
}

/* Body text never shrinks below the floor (2.5 % of the screen height): the same text that
 * would shrink to 12 px is cut at the 16 px floor instead, with room kept for the mark. */
static void test_floor_cuts_instead_of_shrinking(void **state)
{
    (void)state;
    FakeFont font = {0};
    TextFitRequest req = request("the quick brown fox jumps", 100, 48, 20, 8, &font);
    req.floor_px = 16;
    assert_int_equal(text_fit_min_size(&req), 16);
    TextLine lines[CAPACITY];
    TextFitResult r;
    assert_int_equal(text_fit(&req, lines, CAPACITY, &r), TEXT_FIT_OK);
    assert_int_equal(r.size_px, 16); /* without the floor: 12 (test_shrinks_before_cutting) */
    assert_true(r.truncated);
    assert_int_equal(r.line_count, 2); /* 20 px rows in 48 px */
    assert_true(lines[1].ellipsis);
    assert_false(r.marked);
    assert_fits(&req, lines, &r);

    /* Text that fits above the floor still shrinks down to it. */
    req = request("the quick brown fox jumps", 100, 48, 20, 8, &font);
    req.floor_px = 12;
    assert_int_equal(text_fit(&req, lines, CAPACITY, &r), TEXT_FIT_OK);
    assert_false(r.truncated);
    assert_int_equal(r.size_px, 12);

    /* A caption below the floor by design keeps its own minimum. */
    req = request("the quick brown fox jumps", 100, 48, 12, 8, &font);
    req.floor_px = 16;
    assert_int_equal(text_fit_min_size(&req), 8);
    assert_int_equal(text_fit(&req, lines, CAPACITY, &r), TEXT_FIT_OK);
    assert_int_equal(r.size_px, 12);

    /* The floor is checked like every other argument. */
    req.floor_px = -1;
    assert_int_equal(text_fit(&req, lines, CAPACITY, &r), TEXT_FIT_BAD_ARGUMENT);
}

/* A cut text keeps room after its "…" on the last line for a "Read more" mark. */
static void test_cut_text_keeps_room_for_the_mark(void **state)
{
    (void)state;
    FakeFont font = {0};
    /* 10 px a character: 10 per line, 2 lines. */
    TextFitRequest req = request("aaaa bbbb cccc dddd eeee ffff", 100, 48, 20, 20, &font);
    req.mark_px = 40;
    TextLine lines[CAPACITY];
    TextFitResult r;
    assert_int_equal(text_fit(&req, lines, CAPACITY, &r), TEXT_FIT_OK);
    assert_true(r.truncated);
    assert_true(r.marked);
    assert_int_equal(r.line_count, 2);
    assert_line(req.text, &lines[1], "cccc"); /* "cccc dddd" without a mark */
    assert_true(lines[1].ellipsis);
    int last_w = (int)lines[1].length * 10 + 10; /* the line and its "…" */
    assert_true(last_w + req.mark_px <= req.box_w);

    /* A mark wider than the box cannot be kept: plain "…" then. */
    req.mark_px = 200;
    assert_int_equal(text_fit(&req, lines, CAPACITY, &r), TEXT_FIT_OK);
    assert_true(r.truncated);
    assert_false(r.marked);
    assert_line(req.text, &lines[1], "cccc dddd");

    /* Text that fits is not marked. */
    req = request("aaaa", 100, 48, 20, 20, &font);
    req.mark_px = 40;
    assert_int_equal(text_fit(&req, lines, CAPACITY, &r), TEXT_FIT_OK);
    assert_false(r.truncated);
    assert_false(r.marked);
}

/* Neighbouring cards share one size: the smallest best size of the texts that fit whole;
 * a text that fits nowhere is cut at that size and pulls nobody down. */
static void test_shared_size(void **state)
{
    (void)state;
    FakeFont font = {0};
    TextLine lines[CAPACITY];
    TextFitRequest requests[3] = {
        request("short", 100, 48, 20, 8, &font),                      /* 20 px */
        request("the quick brown fox jumps", 100, 48, 20, 8, &font),  /* 12 px */
        request("a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p q r s", 100, 48, 20, 8, &font),
    };
    for (int i = 0; i < 3; i++) {
        requests[i].floor_px = 10;
    }
    int size = 0;
    assert_int_equal(text_fit_shared_size(requests, 2, lines, CAPACITY, &size), TEXT_FIT_OK);
    assert_int_equal(size, 12);
    assert_int_equal(text_fit_shared_size(requests, 3, lines, CAPACITY, &size), TEXT_FIT_OK);
    assert_int_equal(size, 12); /* the third is cut anyway: it does not pull the others to 10 */
    assert_int_equal(text_fit_shared_size(&requests[2], 1, lines, CAPACITY, &size), TEXT_FIT_OK);
    assert_int_equal(size, 20); /* none fits: the designed size */
    assert_int_equal(text_fit_shared_size(requests, 1, lines, CAPACITY, &size), TEXT_FIT_OK);
    assert_int_equal(size, 20);
    /* Laid out at the shared size, the first two fit and the third is cut. */
    for (int i = 0; i < 3; i++) {
        TextFitRequest at = requests[i];
        at.preferred_px = at.min_px = 12;
        TextFitResult r;
        assert_int_equal(text_fit(&at, lines, CAPACITY, &r), TEXT_FIT_OK);
        assert_int_equal(r.size_px, 12);
        assert_true(r.truncated == (i == 2));
    }
    assert_int_equal(text_fit_shared_size(NULL, 1, lines, CAPACITY, &size), TEXT_FIT_BAD_ARGUMENT);
    assert_int_equal(text_fit_shared_size(requests, 0, lines, CAPACITY, &size), TEXT_FIT_BAD_ARGUMENT);
    font.fail = true;
    assert_int_equal(text_fit_shared_size(requests, 3, lines, CAPACITY, &size), TEXT_FIT_MEASURE_FAILED);
}

static void test_cyrillic_never_split(void **state)
{
    (void)state;
    FakeFont font = {0};
    const char *text = "Кластер модне одеће Србије, Београд 2010. Електроинжењеринг";
    TextLine lines[CAPACITY];
    TextFitResult r;
    for (int w = 10; w <= 400; w += 7) {
        for (int h = 10; h <= 300; h += 37) {
            TextFitRequest req = request(text, w, h, 24, 10, &font);
            assert_int_equal(text_fit(&req, lines, CAPACITY, &r), TEXT_FIT_OK);
            assert_fits(&req, lines, &r);
        }
    }
    /* An overlong Cyrillic word at the minimum size is broken between letters. */
    TextFitRequest req = request("Електроинжењеринг", 50, 500, 10, 10, &font);
    assert_int_equal(text_fit(&req, lines, CAPACITY, &r), TEXT_FIT_OK);
    assert_true(r.broke_word);
    assert_false(r.truncated);
    /* 17 letters at 5 px each: 10 on the first line (20 bytes), 7 on the next. */
    assert_int_equal(r.line_count, 2);
    assert_line(req.text, &lines[0], "Електроинж");
    assert_line(req.text, &lines[1], "ењеринг");
    assert_fits(&req, lines, &r);

    /* One line only: the broken word is cut a whole letter back for the "…". */
    req.max_lines = 1;
    assert_int_equal(text_fit(&req, lines, CAPACITY, &r), TEXT_FIT_OK);
    assert_true(r.truncated);
    assert_int_equal(r.line_count, 1);
    assert_line(req.text, &lines[0], "Електроин");
    assert_true(lines[0].ellipsis);
    assert_fits(&req, lines, &r);
}

static void test_single_overlong_word(void **state)
{
    (void)state;
    FakeFont font = {0};
    /* 20 letters: 200 px at 20 px, 100 px at 10 px. Shrinking beats breaking. */
    TextFitRequest req = request("Supercalifragilistic", 100, 200, 20, 10, &font);
    TextLine lines[CAPACITY];
    TextFitResult r;
    assert_int_equal(text_fit(&req, lines, CAPACITY, &r), TEXT_FIT_OK);
    assert_int_equal(r.size_px, 10);
    assert_int_equal(r.line_count, 1);
    assert_false(r.broke_word);

    /* Not allowed that small: break it, at the largest size that holds it. */
    req.min_px = 16;
    assert_int_equal(text_fit(&req, lines, CAPACITY, &r), TEXT_FIT_OK);
    assert_int_equal(r.size_px, 20);
    assert_true(r.broke_word);
    assert_int_equal(r.line_count, 2);
    assert_line(req.text, &lines[0], "Supercalif");
    assert_line(req.text, &lines[1], "ragilistic");
    assert_fits(&req, lines, &r);
}

static void test_box_too_small(void **state)
{
    (void)state;
    FakeFont font = {0};
    TextLine lines[CAPACITY];
    TextFitResult r;
    TextFitRequest req = request("Kontakt", 200, 9, 20, 10, &font); /* shorter than 10 px */
    assert_int_equal(text_fit(&req, lines, CAPACITY, &r), TEXT_FIT_OK);
    assert_int_equal(r.line_count, 0);
    assert_true(r.truncated);

    req = request("Kontakt", 4, 100, 20, 10, &font); /* narrower than one letter */
    assert_int_equal(text_fit(&req, lines, CAPACITY, &r), TEXT_FIT_OK);
    assert_int_equal(r.line_count, 0);
    assert_true(r.truncated);
}

static void test_errors(void **state)
{
    (void)state;
    FakeFont font = {0};
    TextLine lines[CAPACITY];
    TextFitResult r;
    TextFitRequest req = request("ok", 100, 100, 20, 10, &font);
    req.measure = NULL;
    assert_int_equal(text_fit(&req, lines, CAPACITY, &r), TEXT_FIT_BAD_ARGUMENT);
    req = request("ok", 100, 100, 10, 20, &font); /* preferred below min */
    assert_int_equal(text_fit(&req, lines, CAPACITY, &r), TEXT_FIT_BAD_ARGUMENT);
    req = request("ok", 0, 100, 20, 10, &font);
    assert_int_equal(text_fit(&req, lines, CAPACITY, &r), TEXT_FIT_BAD_ARGUMENT);
    req = request("ok", 100, 100, 20, 10, &font);
    assert_int_equal(text_fit(&req, lines, 0, &r), TEXT_FIT_BAD_ARGUMENT);

    req = request("bad \xC3\x28 byte", 100, 100, 20, 10, &font);
    assert_int_equal(text_fit(&req, lines, CAPACITY, &r), TEXT_FIT_BAD_UTF8);

    font.fail = true;
    req = request("some words here", 100, 100, 20, 10, &font);
    assert_int_equal(text_fit(&req, lines, CAPACITY, &r), TEXT_FIT_MEASURE_FAILED);
    assert_int_equal(r.line_count, 0);

    font.fail = false;
    req = request("   ", 100, 100, 20, 10, &font);
    assert_int_equal(text_fit(&req, lines, CAPACITY, &r), TEXT_FIT_OK);
    assert_int_equal(r.line_count, 0);
    assert_int_equal(r.size_px, 20);
}

/* A long paragraph: the text of each line is not handed to the font again for every word
 * tried (that grows with the square of the line's length), and the lines are still the
 * greedy ones: each as long as fits, the next word would not. */
static void test_long_paragraph_is_measured_word_by_word(void **state)
{
    (void)state;
    char text[1200] = "";
    for (int i = 0; i < 120; i++) {
        strcat(text, i % 3 ? "word " : "longer ");
    }
    FakeFont font = {0};
    /* 10 px text in a 400 px box: 80 code points a line. */
    TextFitRequest req = request(text, 400, 2000, 10, 10, &font);
    TextLine lines[CAPACITY];
    TextFitResult r = {0};
    assert_int_equal(text_fit(&req, lines, CAPACITY, &r), TEXT_FIT_OK);
    assert_false(r.truncated);
    assert_true(r.line_count > 5);
    assert_fits(&req, lines, &r);
    for (size_t i = 0; i + 1 < r.line_count; i++) {
        size_t next = lines[i + 1].offset;
        size_t next_word = 0;
        while (next + next_word < req.length && text[next + next_word] != ' ') {
            next_word++;
        }
        /* line, a space, the next word: wider than the box. */
        assert_true((lines[i].length + 1 + next_word) * 5 > 400);
    }
    /* Each code point about twice (alone in its word, then its line whole), not once per
     * word that followed it on its line. */
    assert_true(font.measured <= 3 * code_points(text, req.length));
}

/* A font whose lines measure wider than their words added up (kerning across spaces, by more
 * than any slack allowed for): the lines still fit the box. */
static void test_lines_fit_when_words_do_not_add_up(void **state)
{
    (void)state;
    const char *text = "one two three four five six seven eight nine ten eleven twelve thirteen";
    FakeFont font = {.space_extra = 40};
    TextFitRequest req = request(text, 200, 2000, 10, 10, &font);
    TextLine lines[CAPACITY];
    TextFitResult r = {0};
    assert_int_equal(text_fit(&req, lines, CAPACITY, &r), TEXT_FIT_OK);
    assert_true(r.line_count > 1);
    for (size_t i = 0; i < r.line_count; i++) {
        int w = fake_measure(&font, text + lines[i].offset, lines[i].length, r.size_px);
        assert_true(w <= req.box_w);
    }
}


/* Shrinking finds the largest size on the step grid at which the text fits whole (the next
 * size up does not), and tries few sizes to find it: a long text from 64 px down to 12 px
 * lays out at about log2(27) sizes, not at each of the 27. */
static void test_shrinking_tries_few_sizes(void **state)
{
    (void)state;
    char text[1200] = "";
    for (int i = 0; i < 60; i++) {
        strcat(text, i % 4 ? "fabric " : "apparel ");
    }
    for (int box_w = 300; box_w <= 1500; box_w += 97) {
        FakeFont font = {0};
        TextFitRequest req = request(text, box_w, 600, 64, 12, &font);
        TextLine lines[CAPACITY];
        TextFitResult r = {0};
        assert_int_equal(text_fit(&req, lines, CAPACITY, &r), TEXT_FIT_OK);
        assert_false(r.truncated);
        assert_fits(&req, lines, &r);
        int sizes = 0;
        for (int size = 0; size < 256; size++) {
            sizes += font.sizes_seen[size];
        }
        assert_true(sizes <= 7);
        if (r.size_px < 64) {
            /* One grid step larger does not fit whole. */
            FakeFont larger_font = {0};
            int larger = r.size_px + TEXT_FIT_DEFAULT_STEP_PX;
            TextFitRequest one_up = request(text, box_w, 600, larger, larger, &larger_font);
            TextFitResult up = {0};
            assert_int_equal(text_fit(&one_up, lines, CAPACITY, &up), TEXT_FIT_OK);
            assert_true(up.truncated || up.broke_word);
        }
    }
}

/* text fitted to box_w (20 px type, 10 px a code point) in at most max_lines (0: any), into
 * lines and *r, which must keep the invariants. */
static void fit_at_20px(const char *text, int box_w, int max_lines, TextLine *lines, TextFitResult *r)
{
    FakeFont font = {0};
    TextFitRequest req = request(text, box_w, 400, 20, 20, &font);
    req.max_lines = max_lines;
    assert_int_equal(text_fit(&req, lines, CAPACITY, r), TEXT_FIT_OK);
    assert_fits(&req, lines, r);
}

/* text fits box_w as the lines first and second, whole. */
static void assert_two_lines(const char *text, int box_w, const char *first, const char *second)
{
    TextLine lines[CAPACITY];
    TextFitResult r;
    fit_at_20px(text, box_w, 0, lines, &r);
    assert_int_equal(r.line_count, 2);
    assert_line(text, &lines[0], first);
    assert_line(text, &lines[1], second);
    assert_false(r.broke_word);
    assert_false(r.truncated);
}

/* A separator is never left at a line's end: the break comes before it, and the next line
 * leaves it out. */
static void test_no_break_after_separator(void **state)
{
    (void)state;
    /* "Founded 2010 ·" (14 code points, 140 px) fits 150 px; with "Belgrade" it does not. */
    assert_two_lines("Founded 2010 \xC2\xB7 Belgrade", 150, "Founded 2010", "Belgrade");
    /* At the start of the text a separator is text like any other. */
    const char *leading = "\xC2\xB7 one";
    TextLine lines[CAPACITY];
    TextFitResult r;
    fit_at_20px(leading, 150, 0, lines, &r);
    assert_int_equal(r.line_count, 1);
    assert_line(leading, &lines[0], leading);
}

/* Words joined by no-break spaces (text_fit_keep_together) move to the next line together. */
static void test_place_kept_together(void **state)
{
    (void)state;
    char city[64];
    assert_int_equal(text_fit_keep_together(" Example  City ", city, sizeof city), strlen("Example\xC2\xA0" "City"));
    assert_string_equal(city, "Example\xC2\xA0" "City");
    char text[128];
    snprintf(text, sizeof text, "2010 \xC2\xB7 %s", city);
    /* "2010 · Example" (14 code points) would fit 150 px; the whole place does not. */
    assert_two_lines(text, 150, "2010", city);
}

/* A cut line ends in one "…": no full stop, separator or ellipsis of the text before it. */
static void test_one_ellipsis(void **state)
{
    (void)state;
    const char *texts[] = {"One two. Three four five six", "One two... Three four five six",
                           "One two\xE2\x80\xA6 Three four five six", "One two \xC2\xB7 Three four five six"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        /* One line of 110 px: "One two" and its punctuation fit with the ellipsis, "Three" does not. */
        TextLine lines[CAPACITY];
        TextFitResult r;
        fit_at_20px(texts[i], 110, 1, lines, &r);
        assert_true(r.truncated && lines[0].ellipsis);
        assert_int_equal(r.line_count, 1);
        assert_line(texts[i], &lines[0], "One two");
    }
}

/* Year ranges are shown with an en dash; dates, phone numbers and longer numbers are not. */
static void test_en_dash_in_year_ranges(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"2011-2016", "2011\xE2\x80\x93" "2016"},
        {"Programme 2011 - 2016.", "Programme 2011 \xE2\x80\x93 2016."},
        {"2011-2013, 2018-2020", "2011\xE2\x80\x93" "2013, 2018\xE2\x80\x93" "2020"},
        {"2011-05-03", "2011-05-03"},
        {"2011-2016-7", "2011-2016-7"},
        {"12011-2016", "12011-2016"},
        {"011-2016", "011-2016"},
        {"2011 -2016", "2011 -2016"},
        {"Ćao 2011-2016", "Ćao 2011\xE2\x80\x93" "2016"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[64];
        size_t n = text_fit_dashes(cases[i][0], strlen(cases[i][0]), out, sizeof out);
        assert_string_equal(out, cases[i][1]);
        assert_int_equal(n, strlen(cases[i][1]));
    }
    /* Too small: whole characters only, and the length of the whole result. */
    char small[6];
    assert_int_equal(text_fit_dashes("2011-2016", 9, small, sizeof small), strlen("2011\xE2\x80\x93" "2016"));
    assert_string_equal(small, "2011");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fits_at_preferred_size),
        cmocka_unit_test(test_wraps_at_word_boundaries),
        cmocka_unit_test(test_hard_line_breaks),
        cmocka_unit_test(test_shrinks_before_cutting),
        cmocka_unit_test(test_ellipsis_when_nothing_fits),
        cmocka_unit_test(test_floor_cuts_instead_of_shrinking),
        cmocka_unit_test(test_cut_text_keeps_room_for_the_mark),
        cmocka_unit_test(test_shared_size),
        cmocka_unit_test(test_cyrillic_never_split),
        cmocka_unit_test(test_single_overlong_word),
        cmocka_unit_test(test_box_too_small),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_long_paragraph_is_measured_word_by_word),
        cmocka_unit_test(test_lines_fit_when_words_do_not_add_up),
        cmocka_unit_test(test_shrinking_tries_few_sizes),
        cmocka_unit_test(test_no_break_after_separator),
        cmocka_unit_test(test_place_kept_together),
        cmocka_unit_test(test_one_ellipsis),
        cmocka_unit_test(test_en_dash_in_year_ranges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
