/* text_fit.h — decides how a text fits a box: where lines break, which font
 * size to use, and where to cut with an ellipsis. It never renders: widths
 * come from a measuring callback (the renderer wraps SDL_ttf in one), so the
 * decisions are testable with a fake font.
 *
 * The order of preference: wrap at word boundaries at the preferred size;
 * shrink step by step to the minimum size, but never below the floor (body
 * text: 2.5 % of the screen height); only then break words that are wider
 * than the box; and finally cut the last line with "…", keeping room after it
 * for a "Read more" mark when asked, so that the reader knows there is more
 * and where to find it. text_fit_shared_size() picks one size for texts that
 * stand side by side (the cards of one page). Pure: no I/O. */
#ifndef FACTS_CORE_TEXT_FIT_H
#define FACTS_CORE_TEXT_FIT_H

#include <stdbool.h>
#include <stddef.h>

/* U+2026 HORIZONTAL ELLIPSIS, appended by the renderer to lines flagged so. */
#define TEXT_FIT_ELLIPSIS "\xE2\x80\xA6"

/* Width in pixels of utf8[0..length) set at size_px. Negative means the font
 * failed; text_fit() then gives up with TEXT_FIT_MEASURE_FAILED. */
typedef int (*TextMeasureFn)(void *ctx, const char *utf8, size_t length, int size_px);

enum {
    TEXT_FIT_DEFAULT_STEP_PX = 2,
};

typedef struct TextFitRequest {
    const char *text;     /* UTF-8, not necessarily NUL-terminated */
    size_t length;        /* bytes */
    int box_w, box_h;     /* pixels, > 0 */
    int preferred_px;     /* font size to try first */
    int min_px;           /* smallest font size allowed, > 0 */
    float line_height;    /* line advance as a multiple of the size; <= 0 → 1.2 */
    int max_lines;        /* 0 = as many as fit the box */
    int step_px;          /* shrink step; <= 0 → TEXT_FIT_DEFAULT_STEP_PX */
    /* Text whose preferred size reaches floor_px never shrinks below it, whatever
     * min_px says: it is cut instead. Smaller text (captions) is left to min_px.
     * 0 = no floor. */
    int floor_px;
    /* When the text must be cut, the last line also keeps this many pixels free
     * after its "…" for the caller's "Read more" mark (result.marked). 0 = none. */
    int mark_px;
    TextMeasureFn measure;
    void *measure_ctx;
} TextFitRequest;

/* One line: text[offset..offset+length), without the spaces at its ends and
 * without the newline that ended it. ellipsis: draw "…" after it. */
typedef struct TextLine {
    size_t offset;
    size_t length;
    bool ellipsis;
} TextLine;

typedef struct TextFitResult {
    int size_px;          /* chosen font size */
    int line_height_px;   /* distance between baselines at that size */
    size_t line_count;    /* lines written to the caller's array */
    bool shrunk;          /* size_px < preferred_px */
    bool broke_word;      /* a word wider than the box was split */
    bool truncated;       /* text was cut: the last line has an ellipsis */
    bool marked;          /* cut, and the last line left mark_px free after its "…" */
} TextFitResult;

typedef enum TextFitStatus {
    TEXT_FIT_OK = 0,
    TEXT_FIT_BAD_ARGUMENT,  /* NULL pointers, empty box, min_px <= 0, ... */
    TEXT_FIT_BAD_UTF8,      /* text is not well-formed UTF-8 */
    TEXT_FIT_MEASURE_FAILED /* the callback returned a negative width */
} TextFitStatus;

/* U+00A0 NO-BREAK SPACE: words joined by it are one word to text_fit() (a two-word place). */
#define TEXT_FIT_NBSP "\xC2\xA0"

/* U+2013 EN DASH, set between the years of a range. */
#define TEXT_FIT_EN_DASH "\xE2\x80\x93"

/* Writes text[0..length) into out typeset for display: a year range written with a hyphen
 * ("2011-2016", "2011 - 2016": two four-digit numbers, not part of a longer run of digits and
 * hyphens such as a date or a phone number) gets an en dash instead. Stored values keep their
 * hyphen; this is for drawing and measuring only. Like snprintf: at most size - 1 bytes and a
 * NUL (nothing with size 0), never half a character; returns the length of the whole result. */
size_t text_fit_dashes(const char *text, size_t length, char *out, size_t size);

/* Writes text into out with each run of spaces between its words replaced by one no-break
 * space, so that text_fit() never breaks it across lines ("Example City"). Like snprintf
 * (size, return value), never half a character. */
size_t text_fit_keep_together(const char *text, char *out, size_t size);

/* The smallest size request may use: min_px, raised to floor_px when the
 * preferred size reaches the floor. */
int text_fit_min_size(const TextFitRequest *request);

/* Lays out request->text in the box. Lines go to lines[0..capacity), which
 * also caps the line count. The result never overflows: every line measures
 * at most box_w (its ellipsis and any mark_px included, measured separately and added), the
 * lines fit box_h, and no line boundary splits a UTF-8 sequence. If even one
 * line does not fit at min_px, the result has 0 lines and truncated set.
 * Spaces and tabs separate words; '\n' forces a line break. A separator set between words
 * ("2010 · Belgrade": a lone U+00B7 or U+2022) is never the last word of a line: it goes
 * with the word after it, and a line that would start with it leaves it out ("2010" /
 * "Belgrade"). A cut line ends in one "…": punctuation before the cut (".", ",", ":", ";",
 * a separator, a dash, an ellipsis of its own) is dropped, so no ".…" is drawn.
 * On failure *out is zeroed and lines are unspecified. Nothing is allocated. */
TextFitStatus text_fit(const TextFitRequest *request, TextLine *lines, size_t capacity,
                       TextFitResult *out);

/* One size for texts shown side by side (neighbouring cards), so that they do not
 * each end up in a size of their own: the largest size at which every text that
 * fits whole at some allowed size still does (each text's best size, the smallest
 * of them). Texts that fit at no allowed size do not pull the others down: they
 * are cut at the shared size anyway. When none fits whole, the smallest preferred
 * size. lines[0..capacity) is scratch space. *size_px is set on TEXT_FIT_OK. */
TextFitStatus text_fit_shared_size(const TextFitRequest *requests, size_t count, TextLine *lines,
                                   size_t capacity, int *size_px);

#endif
