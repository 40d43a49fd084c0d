/* text_fit.c — wrap, shrink, break, ellipsis; see text_fit.h. text_fit() at
 * the bottom tries sizes from large to small; wrap() does one greedy layout. */
#include "core/text_fit.h"

#include "core/utf8.h"

#include <stdint.h>
#include <string.h>

static const float DEFAULT_LINE_HEIGHT = 1.2f;
static const float MAX_LINE_HEIGHT = 10.0f;

/* One layout attempt at one size. */
typedef struct Layout {
    const TextFitRequest *req;
    int size_px;
    bool allow_break;
    size_t max_lines;
    size_t max_lines_cap; /* the caller's capacity */
    TextLine *lines;
    size_t count;
    size_t rest;        /* offset of text that did not fit (== length if all did) */
    bool broke_word;
    bool no_room;       /* a word needed breaking but breaking is off, or not
                           even one code point fits the width */
    bool measure_failed;
} Layout;

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

static bool is_continuation(char c)
{
    return ((unsigned char)c & 0xC0) == 0x80;
}

/* A separator set between words: a lone U+00B7 MIDDLE DOT or U+2022 BULLET. */
static bool is_separator(const char *text, size_t start, size_t end)
{
    const unsigned char *u = (const unsigned char *)text + start;
    return (end - start == 2 && u[0] == 0xC2 && u[1] == 0xB7) ||
           (end - start == 3 && u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0xA2);
}

static int measure(Layout *layout, size_t offset, size_t length)
{
    if (length == 0) {
        return 0;
    }
    const TextFitRequest *req = layout->req;
    int w = req->measure(req->measure_ctx, req->text + offset, length, layout->size_px);
    if (w < 0) {
        layout->measure_failed = true;
    }
    return w;
}

static bool fits(Layout *layout, size_t offset, size_t length)
{
    int w = measure(layout, offset, length);
    return w >= 0 && w <= layout->req->box_w;
}

/* End of the longest prefix of [start, end) ending on a code-point boundary
 * that fits the width; start when not even one code point fits. */
static size_t longest_fitting_prefix(Layout *layout, size_t start, size_t end)
{
    const char *text = layout->req->text;
    size_t best = start;
    size_t pos = start;
    while (pos < end) {
        size_t next = pos + 1;
        while (next < end && is_continuation(text[next])) {
            next++;
        }
        if (!fits(layout, start, next - start)) {
            break;
        }
        best = next;
        pos = next;
    }
    return best;
}

/* Lays out one line starting at *pos, measuring each longer candidate whole; returns false
 * when it cannot. */
/* The word at or after p (spaces skipped) that ends before end, a space or a line break:
 * [*word_start, *word_end), empty when the line has no more words. */
static void next_plain_word(const char *text, size_t p, size_t end, size_t *word_start, size_t *word_end)
{
    while (p < end && is_space(text[p])) {
        p++;
    }
    *word_start = p;
    while (p < end && !is_space(text[p]) && text[p] != '\n') {
        p++;
    }
    *word_end = p;
}

/* next_plain_word(), but a separator and the word after it are one: no line ends in "·". */
static void next_word(const char *text, size_t p, size_t end, size_t *word_start, size_t *word_end)
{
    next_plain_word(text, p, end, word_start, word_end);
    if (is_separator(text, *word_start, *word_end)) {
        size_t after_start = 0;
        size_t after_end = 0;
        next_plain_word(text, *word_end, end, &after_start, &after_end);
        if (after_end > after_start) {
            *word_end = after_end;
        }
    }
}

/* Where a line starting at p begins: past spaces, and past a separator the line before broke
 * in front of (not at the start of the text or of a paragraph), so no line starts with "·". */
static size_t line_begin(const char *text, size_t p, size_t end)
{
    bool after_break = p > 0 && text[p - 1] != '\n';
    while (p < end && is_space(text[p])) {
        p++;
    }
    size_t word_start = 0;
    size_t word_end = 0;
    next_plain_word(text, p, end, &word_start, &word_end);
    if (after_break && is_separator(text, word_start, word_end)) {
        size_t after_start = 0;
        size_t after_end = 0;
        next_plain_word(text, word_end, end, &after_start, &after_end);
        if (after_end > after_start) {
            p = after_start;
        }
    }
    return p;
}

static bool layout_line_exact(Layout *layout, size_t *pos, TextLine *line)
{
    const char *text = layout->req->text;
    size_t end = layout->req->length;
    size_t p = line_begin(text, *pos, end);
    size_t line_start = p;
    size_t line_end = p;
    while (p < end && text[p] != '\n') {
        size_t word_start = 0;
        size_t word_end = 0;
        next_word(text, p, end, &word_start, &word_end);
        if (word_start == word_end) {
            p = word_end;
            break;
        }
        if (fits(layout, line_start, word_end - line_start)) {
            line_end = word_end;
            p = word_end;
            continue;
        }
        if (layout->measure_failed) {
            return false;
        }
        if (line_end > line_start) {
            break;
        }
        /* The first word alone is wider than the box. */
        if (!layout->allow_break) {
            layout->no_room = true;
            return false;
        }
        line_end = longest_fitting_prefix(layout, line_start, word_end);
        if (line_end == line_start) {
            layout->no_room = !layout->measure_failed;
            return false;
        }
        layout->broke_word = true;
        p = line_end;
        break;
    }
    if (p < end && text[p] == '\n') {
        p++;
    }
    line->offset = line_start;
    line->length = line_end - line_start;
    line->ellipsis = false;
    *pos = p;
    return true;
}

/* How far the width of a line may be from the sum of its pieces' widths, per place where
 * two pieces meet: SDL_ttf rounds each piece to whole pixels and counts the ink of its last
 * glyph past its advance, and a font may kern across a space. Generous: a guess this close to
 * the edge is measured whole. */
static int join_slack(int size_px)
{
    return 2 + size_px / 8;
}

/* Lays out one line starting at *pos; returns false when it cannot. The same lines as
 * layout_line_exact(), which measures the line so far whole with every word it tries (the
 * text of a line set again and again: most of a slide's painting). Here each word is measured
 * once, with the spaces before it, and added to the width so far; only a sum too close to
 * the box to tell is measured whole, and so is a finished line that was summed, which must
 * fit (if the sum was ever wrong by more than join_slack(), the line is laid out again
 * exactly). */
static bool layout_line(Layout *layout, size_t *pos, TextLine *line)
{
    const char *text = layout->req->text;
    size_t end = layout->req->length;
    int box_w = layout->req->box_w;
    int slack = join_slack(layout->size_px);
    size_t p = line_begin(text, *pos, end);
    size_t line_start = p;
    size_t line_end = p;
    int known_w = 0; /* width of [line_start, line_end): measured whole when sums == 0 */
    int sums = 0;    /* pieces added to known_w since it was measured whole */
    while (p < end && text[p] != '\n') {
        size_t word_start = 0;
        size_t word_end = 0;
        next_word(text, p, end, &word_start, &word_end);
        if (word_start == word_end) {
            p = word_end;
            break;
        }
        if (line_end == line_start) {
            /* The first word, measured alone; one wider than the box is the exact layout's
             * to break or refuse. */
            int w = measure(layout, line_start, word_end - line_start);
            if (w < 0 || w > box_w) {
                return w < 0 ? false : layout_line_exact(layout, pos, line);
            }
            known_w = w;
            line_end = word_end;
            p = word_end;
            continue;
        }
        int piece = measure(layout, line_end, word_end - line_end);
        if (piece < 0) {
            return false;
        }
        int sum = known_w + piece;
        int margin = (sums + 1) * slack;
        bool fit = false;
        if (sum + margin <= box_w) {
            fit = true;
            known_w = sum;
            sums++;
        } else if (sum - margin <= box_w) {
            int w = measure(layout, line_start, word_end - line_start);
            if (w < 0) {
                return false;
            }
            fit = w <= box_w;
            if (fit) {
                known_w = w;
                sums = 0;
            }
        }
        if (!fit) {
            break;
        }
        line_end = word_end;
        p = word_end;
    }
    if (sums > 0) {
        int w = measure(layout, line_start, line_end - line_start);
        if (w < 0) {
            return false;
        }
        if (w > box_w) {
            return layout_line_exact(layout, pos, line);
        }
    }
    if (p < end && text[p] == '\n') {
        p++;
    }
    line->offset = line_start;
    line->length = line_end - line_start;
    line->ellipsis = false;
    *pos = p;
    return true;
}

/* True when only white space (no newline) remains from pos. */
static bool only_spaces_left(const TextFitRequest *req, size_t pos)
{
    while (pos < req->length && is_space(req->text[pos])) {
        pos++;
    }
    return pos == req->length;
}

/* Greedy layout into at most max_lines; layout->rest tells whether all fit. */
static bool wrap(Layout *layout)
{
    size_t pos = 0;
    layout->count = 0;
    while (!only_spaces_left(layout->req, pos) && layout->count < layout->max_lines) {
        if (!layout_line(layout, &pos, &layout->lines[layout->count])) {
            return false;
        }
        layout->count++;
    }
    layout->rest = only_spaces_left(layout->req, pos) ? layout->req->length : pos;
    return true;
}

/* The length of text[0..length) without the punctuation, separators and spaces at its end
 * that would stand before a "…" (".…" reads as four dots). */
static size_t without_end_punctuation(const char *text, size_t length)
{
    static const char *const MARKS[] = {".", ",", ":", ";", "-", "\xC2\xB7", "\xE2\x80\xA2", "\xE2\x80\x93",
                                        "\xE2\x80\x94", TEXT_FIT_ELLIPSIS};
    bool found = true;
    while (found && length > 0) {
        found = false;
        if (is_space(text[length - 1])) {
            length--;
            found = true;
            continue;
        }
        for (size_t i = 0; i < sizeof MARKS / sizeof MARKS[0]; i++) {
            size_t n = strlen(MARKS[i]);
            if (length >= n && memcmp(text + length - n, MARKS[i], n) == 0) {
                length -= n;
                found = true;
                break;
            }
        }
    }
    return length;
}

/* Shortens the last line until it and an ellipsis (and the caller's mark,
 * when it fits at all) fit: whole words first, then code points. Returns
 * whether the mark's room was kept. */
static bool add_ellipsis(Layout *layout)
{
    const char *text = layout->req->text;
    TextLine *line = &layout->lines[layout->count - 1];
    int ellipsis_w = layout->req->measure(layout->req->measure_ctx, TEXT_FIT_ELLIPSIS,
                                          sizeof TEXT_FIT_ELLIPSIS - 1, layout->size_px);
    if (ellipsis_w < 0) {
        layout->measure_failed = true;
        return false;
    }
    int budget = layout->req->box_w;
    bool marked = layout->req->mark_px > 0 && (long long)ellipsis_w + layout->req->mark_px <= budget;
    if (marked) {
        budget -= layout->req->mark_px;
    }
    size_t start = line->offset;
    size_t end = start + line->length;
    for (;;) {
        while (end > start && is_space(text[end - 1])) {
            end--;
        }
        if (end == start) {
            break;
        }
        int w = measure(layout, start, end - start);
        if (w < 0) {
            return false;
        }
        if ((long long)w + ellipsis_w <= budget) {
            break;
        }
        size_t space = end;
        while (space > start && !is_space(text[space - 1])) {
            space--;
        }
        if (space > start) {
            end = space;
            continue;
        }
        do {
            end--;
        } while (end > start && is_continuation(text[end]));
    }
    end = start + without_end_punctuation(text + start, end - start);
    line->length = end - start;
    line->ellipsis = ellipsis_w <= layout->req->box_w;
    return marked;
}

static int line_advance(const TextFitRequest *req, int size_px)
{
    float factor = req->line_height;
    if (!(factor > 0.0f)) {
        factor = DEFAULT_LINE_HEIGHT;
    }
    if (factor > MAX_LINE_HEIGHT) {
        factor = MAX_LINE_HEIGHT;
    }
    float exact = (float)size_px * factor;
    int advance = (int)exact;
    if ((float)advance < exact) {
        advance++;
    }
    return advance > 0 ? advance : 1;
}

/* Lines of this size that fit the box height: the last line needs the full
 * glyph height even when lines are packed tighter than the size. */
static size_t lines_that_fit(const TextFitRequest *req, int size_px, size_t capacity)
{
    int advance = line_advance(req, size_px);
    int tallest = advance > size_px ? advance : size_px;
    if (req->box_h < tallest) {
        return 0;
    }
    size_t n = (size_t)((req->box_h - tallest) / advance) + 1;
    if (req->max_lines > 0 && (size_t)req->max_lines < n) {
        n = (size_t)req->max_lines;
    }
    return n < capacity ? n : capacity;
}

static bool request_valid(const TextFitRequest *req, const TextLine *lines, size_t capacity)
{
    return req && lines && capacity > 0 && req->measure && (req->text || req->length == 0) &&
           req->box_w > 0 && req->box_h > 0 && req->min_px > 0 &&
           req->preferred_px >= req->min_px && req->max_lines >= 0 && req->floor_px >= 0 && req->mark_px >= 0;
}

int text_fit_min_size(const TextFitRequest *request)
{
    int min = request->min_px;
    if (request->floor_px > 0 && request->preferred_px >= request->floor_px && min < request->floor_px) {
        min = request->floor_px;
    }
    return min;
}

/* Lays the text out at size; true when all of it fits. */
static bool fits_at(const TextFitRequest *req, Layout *layout, int size)
{
    layout->size_px = size;
    layout->max_lines = lines_that_fit(req, size, layout->max_lines_cap);
    layout->broke_word = false;
    layout->no_room = false;
    return layout->max_lines > 0 && wrap(layout) && layout->rest == req->length;
}

/* The largest size of preferred, preferred - step, ... down to min (the last step clamped to
 * min) at which the text fits, laid out in layout; false when not even min fits. A smaller
 * size never fits less (narrower glyphs, at least as many lines), so the sizes are searched
 * by halving: about 4 layouts instead of up to 15 for a long text (each size tried opens a
 * font size and shapes every word in it). */
static bool try_sizes(const TextFitRequest *req, Layout *layout)
{
    int step = req->step_px > 0 ? req->step_px : TEXT_FIT_DEFAULT_STEP_PX;
    int min = text_fit_min_size(req);
    if (fits_at(req, layout, req->preferred_px) || layout->measure_failed) {
        return !layout->measure_failed;
    }
    if (req->preferred_px <= min) {
        return false;
    }
    /* Size k steps down: k = 1 .. last, the last one clamped to min. */
    int last = (req->preferred_px - min + step - 1) / step;
#define TEXT_FIT_SIZE(k) ((k) >= last ? min : req->preferred_px - (k) * step)
    if (!fits_at(req, layout, min) || layout->measure_failed) {
        return false;
    }
    int lo = 1, hi = last; /* the answer is in [lo, hi]; hi is known to fit */
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (fits_at(req, layout, TEXT_FIT_SIZE(mid))) {
            hi = mid;
        } else if (layout->measure_failed) {
            return false;
        } else {
            lo = mid + 1;
        }
    }
    int size = TEXT_FIT_SIZE(hi);
#undef TEXT_FIT_SIZE
    if (layout->size_px != size || layout->rest != req->length) {
        (void)fits_at(req, layout, size); /* the layout of the answer, not of the last try */
    }
    return !layout->measure_failed;
}

TextFitStatus text_fit(const TextFitRequest *request, TextLine *lines, size_t capacity,
                       TextFitResult *out)
{
    memset(out, 0, sizeof *out);
    if (!request_valid(request, lines, capacity)) {
        return TEXT_FIT_BAD_ARGUMENT;
    }
    if (!utf8_valid(request->text, request->length, NULL)) {
        return TEXT_FIT_BAD_UTF8;
    }
    if (request->length == 0 ||
        (only_spaces_left(request, 0) && memchr(request->text, '\n', request->length) == NULL)) {
        out->size_px = request->preferred_px;
        out->line_height_px = line_advance(request, request->preferred_px);
        return TEXT_FIT_OK;
    }
    Layout layout = {0};
    layout.req = request;
    layout.lines = lines;
    layout.max_lines_cap = capacity;
    bool done = false;
    for (int pass = 0; pass < 2 && !done; pass++) {
        layout.allow_break = pass == 1;
        done = try_sizes(request, &layout);
        if (layout.measure_failed) {
            return TEXT_FIT_MEASURE_FAILED;
        }
    }
    if (!done) {
        /* Nothing fits whole: the smallest size allowed, as many lines as
         * fit, and an ellipsis (and room for the mark) on the last one. */
        int min = text_fit_min_size(request);
        layout.size_px = min;
        layout.max_lines = lines_that_fit(request, min, capacity);
        layout.allow_break = true;
        if (layout.max_lines == 0 || !wrap(&layout) || layout.count == 0) {
            layout.count = 0;
        } else {
            out->marked = add_ellipsis(&layout);
        }
        if (layout.measure_failed) {
            memset(out, 0, sizeof *out);
            return TEXT_FIT_MEASURE_FAILED;
        }
        out->truncated = true;
    }
    out->size_px = layout.size_px;
    out->line_height_px = line_advance(request, layout.size_px);
    out->line_count = layout.count;
    out->shrunk = layout.size_px < request->preferred_px;
    out->broke_word = layout.broke_word;
    return TEXT_FIT_OK;
}

TextFitStatus text_fit_shared_size(const TextFitRequest *requests, size_t count, TextLine *lines,
                                   size_t capacity, int *size_px)
{
    if (!requests || count == 0 || !size_px) {
        return TEXT_FIT_BAD_ARGUMENT;
    }
    int shared = 0;
    int smallest_preferred = 0;
    for (size_t i = 0; i < count; i++) {
        TextFitResult result = {0};
        TextFitStatus status = text_fit(&requests[i], lines, capacity, &result);
        if (status != TEXT_FIT_OK) {
            return status;
        }
        if (i == 0 || requests[i].preferred_px < smallest_preferred) {
            smallest_preferred = requests[i].preferred_px;
        }
        if (!result.truncated && (shared == 0 || result.size_px < shared)) {
            shared = result.size_px;
        }
    }
    *size_px = shared > 0 ? shared : smallest_preferred;
    return TEXT_FIT_OK;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Four digits at text[i..i+4) (within length). */
static bool four_digits(const char *text, size_t length, size_t i)
{
    return i + 4 <= length && is_digit(text[i]) && is_digit(text[i + 1]) && is_digit(text[i + 2]) &&
           is_digit(text[i + 3]);
}

/* The length of a year range's hyphen and the spaces around it at text[i..), when text[i..)
 * follows a year that starts a range ("-2016", " - 2016" and the like); 0 when it does not. */
static size_t range_hyphen(const char *text, size_t length, size_t i)
{
    size_t j = i;
    size_t spaces_before = 0;
    while (j < length && text[j] == ' ' && spaces_before < 1) {
        j++;
        spaces_before++;
    }
    if (j >= length || text[j] != '-') {
        return 0;
    }
    j++;
    size_t spaces_after = 0;
    while (j < length && text[j] == ' ' && spaces_after < 1) {
        j++;
        spaces_after++;
    }
    if (spaces_before != spaces_after || !four_digits(text, length, j)) {
        return 0;
    }
    size_t after = j + 4;
    if (after < length && (is_digit(text[after]) || text[after] == '-')) {
        return 0; /* longer than a year, or a date's or a phone number's next part */
    }
    return j - i;
}

/* The output of text_fit_dashes() and text_fit_keep_together(): written bytes of out hold the
 * result until the first piece that did not fit; used counts the whole result. */
typedef struct Output {
    char *out;
    size_t size;
    size_t written;
    size_t used;
    bool full;
} Output;

static Output output_begin(char *out, size_t size)
{
    if (size > 0) {
        out[0] = '\0';
    }
    return (Output){out, size, 0, 0, false};
}

/* Appends a whole character (or several): all of it, or nothing from here on. */
static void put(Output *o, const char *bytes, size_t n)
{
    if (!o->full && o->written + n < o->size) {
        memcpy(o->out + o->written, bytes, n);
        o->written += n;
        o->out[o->written] = '\0';
    } else {
        o->full = true;
    }
    o->used += n;
}

/* The length of the UTF-8 character at text[i] (within length). */
static size_t char_length(const char *text, size_t length, size_t i)
{
    size_t n = 1;
    while (i + n < length && is_continuation(text[i + n])) {
        n++;
    }
    return n;
}

size_t text_fit_dashes(const char *text, size_t length, char *out, size_t size)
{
    Output o = output_begin(out, size);
    size_t i = 0;
    while (i < length) {
        bool starts_year = four_digits(text, length, i) && (i == 0 || (!is_digit(text[i - 1]) && text[i - 1] != '-'));
        size_t hyphen = starts_year ? range_hyphen(text, length, i + 4) : 0;
        if (hyphen > 0) {
            /* The first year, then an en dash with the hyphen's spaces around it. */
            bool spaced = text[i + 4] == ' ';
            put(&o, text + i, 4);
            put(&o, spaced ? " " TEXT_FIT_EN_DASH " " : TEXT_FIT_EN_DASH, spaced ? 5 : 3);
            i += 4 + hyphen;
            continue;
        }
        size_t n = char_length(text, length, i);
        put(&o, text + i, n);
        i += n;
    }
    return o.used;
}

size_t text_fit_keep_together(const char *text, char *out, size_t size)
{
    Output o = output_begin(out, size);
    size_t length = strlen(text);
    size_t i = 0;
    while (i < length && is_space(text[i])) {
        i++;
    }
    while (length > i && is_space(text[length - 1])) {
        length--;
    }
    while (i < length) {
        if (is_space(text[i])) {
            while (i < length && is_space(text[i])) {
                i++;
            }
            put(&o, TEXT_FIT_NBSP, sizeof TEXT_FIT_NBSP - 1);
            continue;
        }
        size_t n = char_length(text, length, i);
        put(&o, text + i, n);
        i += n;
    }
    return o.used;
}
