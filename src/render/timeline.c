/* timeline.c — the cooperation timeline's slide; see timeline.h. Start at timeline_paint():
 * the header and a legend, then the period in landscape (paint_across: a horizontal axis,
 * labels packed in rows by core/timeline.h's timeline_pack) or portrait (paint_down: a
 * vertical axis, one item a row). */
#include "render/timeline.h"

#include "core/ui_text.h"
#include "render/kit.h"

#include <stdio.h>

enum { YEARS_TEXT_BYTES = 256 };

static const TimelinePeriod *period_of(const SlidePlan *plan, int period)
{
    const Timeline *t = plan->timeline;
    return t && period >= 0 && (size_t)period < t->period_count ? &t->periods[period] : NULL;
}

void timeline_title(const SlidePlan *plan, int period, Lang lang, char *out, size_t size)
{
    const TimelinePeriod *pd = period_of(plan, period);
    const char *title = ui_text(UI_TIMELINE, lang);
    if (!pd) {
        snprintf(out, size, "%s", title);
    } else if (pd->until > pd->from) {
        snprintf(out, size, "%s %d\xE2\x80\x93%d", title, pd->from, pd->until);
    } else {
        snprintf(out, size, "%s %d", title, pd->from);
    }
}

static const char *item_name(const Content *content, const TimelineItem *item, Lang lang)
{
    return item->source == PLAN_STORIES ? local_text(&content->stories[item->index].title, lang)
                                        : local_text(&content->programmes[item->index].name, lang);
}

static SDL_Color item_colour(const Painter *p, const TimelineItem *item)
{
    return item->source == PLAN_STORIES ? p->pal.text : p->pal.accent;
}

/* The radius of a year's dot (a range's bar is as thick). */
static int dot_radius(const Painter *p)
{
    int r = p->m.size_small * 3 / 8;
    return r > 3 ? r : 3;
}

/* The years a label shows before the name: a range's or a list's (a single year is its
 * place on the axis); "" for one year. */
static void label_years(const TimelineItem *item, char *out, size_t size)
{
    out[0] = '\0';
    if (item->years.until > item->years.from || item->years.open) {
        timeline_years_format(&item->years, out, size);
    }
}

/* Where a bar goes: from a to b along the axis (vertical: a and b are y), centred on cross. */
typedef struct MarkPlace {
    int a, b, cross;
    bool vertical;
} MarkPlace;

static void paint_bar(Painter *p, MarkPlace m, int thickness, SDL_Color colour)
{
    int half = thickness / 2;
    SDL_Rect r = m.vertical ? (SDL_Rect){m.cross - half, m.a - half, thickness, m.b - m.a + thickness}
                            : (SDL_Rect){m.a - half, m.cross - half, m.b - m.a + thickness, thickness};
    paint_round_rect(p, r, half, colour);
}

/* ---- landscape: a horizontal axis ------------------------------------------------------------- */

typedef struct Across {
    SDL_Rect area;
    int from, until; /* the period's years */
    int x0, step;    /* x of from, and of each year after it */
    int size;        /* the labels' and years' text */
    int lines;       /* lines a label's name takes at most */
    int line_h;      /* one line of a label */
} Across;

static int across_x(const Across *a, int year)
{
    int right = a->area.x + a->area.w;
    if (year > a->until) {
        return right; /* past the period: to the edge */
    }
    int x = a->x0 + (year - a->from) * a->step;
    return x < right ? x : right;
}

/* The room the arrow at the cut end of a range that runs on past the period takes. */
static int arrow_width(const Across *a)
{
    return a->size;
}

/* A label: the years (muted) then the name, on a->lines lines at most beside them, cut
 * with "…"; at (x, y), at most w wide. */
static TextStyle label_style(const Painter *p, const Across *a)
{
    TextStyle st = kit_style(FONT_REGULAR, a->size, p->pal.text);
    st.max_lines = a->lines;
    st.min_size = a->size;
    st.line_height = 1.2f;
    return st;
}

static int label_years_width(Painter *p, const Across *a, const char *years)
{
    return years[0] ? paint_text_width(p, years, FONT_SEMIBOLD, a->size) + a->size / 2 : 0;
}

static void paint_label(Painter *p, const Across *a, const char *years, const char *name, int x, int y, int w)
{
    TextStyle st = label_style(p, a);
    int years_w = label_years_width(p, a, years);
    if (years_w) {
        TextStyle ys = st;
        ys.weight = FONT_SEMIBOLD;
        ys.colour = p->pal.muted;
        ys.max_lines = 1;
        paint_text(p, years, (SDL_Rect){x, y, years_w - a->size / 2 + 1, a->line_h}, ys);
    }
    if (w - years_w > a->size) {
        paint_text(p, name, (SDL_Rect){x + years_w, y, w - years_w, a->line_h * a->lines}, st);
    }
}

/* The lines a label's name takes at width w (1 or 2). */
static int label_lines(Painter *p, const Across *a, const char *years, const char *name, int w)
{
    int name_w = w - label_years_width(p, a, years);
    if (a->lines < 2 || name_w <= a->size) {
        return 1;
    }
    return paint_text_height(p, name, name_w, label_style(p, a)) > a->line_h * 3 / 2 ? 2 : 1;
}

/* How wide the label wants to be, at most max_w: on one line where that fits; else on two
 * lines of about half its length (not narrower than a quarter of the axis). */
static int label_width(Painter *p, const Across *a, const char *years, const char *name, int max_w)
{
    int years_w = label_years_width(p, a, years);
    int name_w = paint_text_width(p, name, FONT_REGULAR, a->size);
    int w = years_w + name_w;
    if (a->lines > 1 && w > max_w) {
        int two_lines = years_w + name_w * 11 / 20 + a->size; /* words never break at the half */
        w = two_lines > a->area.w / 4 ? two_lines : a->area.w / 4;
    }
    return w < max_w ? w : max_w;
}

/* A label's parts on its row: where its mark starts and ends, and where its text starts. */
typedef struct AcrossLabel {
    int mark_start; /* the left edge of the first dot, or of the bar */
    int mark_end;   /* the right edge of the last dot, or of the bar */
    int text_x;
    bool runs_on;   /* a range going on past the period: an arrow at the axis's end */
} AcrossLabel;

/* The last year of years the axis shows: a list's last listed year within the period (a
 * list's later years are in its label), or until. */
static int across_last(const Across *a, const TimelineYears *years)
{
    if (!years->listed) {
        return years->until;
    }
    int last = years->from;
    for (int k = 0; k < TIMELINE_LIST_SPAN && years->from + k <= a->until; k++) {
        last = years->listed & (1u << k) ? years->from + k : last;
    }
    return last;
}

/* A range's bar is a tinted pill behind the label that starts at the range's first year;
 * a year's dot and a list's dots come before the label. */
static AcrossLabel across_label(const Painter *p, const Across *a, const TimelineItem *item)
{
    int r = dot_radius(p);
    int right = a->area.x + a->area.w;
    AcrossLabel l = {.mark_start = across_x(a, item->years.from) - r, .mark_end = across_x(a, across_last(a, &item->years)) + r};
    bool bar = item->years.until > item->years.from && !item->years.listed;
    l.runs_on = bar && item->years.until > a->until;
    l.mark_end = l.mark_end < right ? l.mark_end : right;
    /* In a bar, after the dot at its start (the dot sits half a line into the pill). */
    l.text_x = (bar ? l.mark_start + a->line_h / 2 + r : l.mark_end) + a->size / 3;
    return l;
}

static void paint_item_mark(Painter *p, const Across *a, const TimelineItem *item, int top, int pill_h)
{
    int r = dot_radius(p);
    SDL_Color colour = item_colour(p, item);
    const TimelineYears *y = &item->years;
    AcrossLabel l = across_label(p, a, item);
    int cy = top + a->line_h / 2;
    int x1 = across_x(a, y->from);
    int x2 = across_x(a, across_last(a, y));
    if (y->listed) {
        /* Separate years: a dot each, with a faint dotted trail between them (never a bar). */
        SDL_Color trail = colour;
        trail.a = 120;
        int dot = r / 3 > 1 ? r / 3 : 1;
        for (int x = x1 + 3 * r; x < x2 - 2 * r; x += 3 * r) {
            paint_circle(p, x, cy, dot, trail);
        }
        for (int k = 0; k < TIMELINE_LIST_SPAN && y->from + k <= a->until; k++) {
            if (y->listed & (1u << k)) {
                paint_circle(p, across_x(a, y->from + k), cy, r, colour);
            }
        }
    } else if (x2 > x1) {
        SDL_Color tint = colour;
        tint.a = 72;
        SDL_Rect pill = {l.mark_start, top, l.mark_end - l.mark_start, pill_h};
        paint_round_rect(p, pill, a->line_h / 2, tint);
        paint_circle(p, l.mark_start + a->line_h / 2, cy, r, colour);
        if (l.runs_on) { /* it goes on after the slide's last year */
            TextStyle arrow = kit_style(FONT_BOLD, a->size * 3 / 2, colour);
            arrow.align = ALIGN_CENTER;
            arrow.middle = true;
            arrow.max_lines = 1;
            arrow.line_height = 1.0f;
            int w = arrow_width(a);
            paint_text(p, "\xE2\x80\xBA", (SDL_Rect){l.mark_end - w, top, w, a->line_h}, arrow);
        }
    } else {
        paint_circle(p, x1, cy, r, colour);
    }
}

/* Spans of the labels of items[0..count) with labels at most label_max wide, packed into
 * rows_per_side rows a side (rows[]); false when some found no room. */
static bool across_pack(Painter *p, const Content *content, const Across *a, const TimelineItem *items, size_t count,
                        char (*years_text)[YEARS_TEXT_BYTES], int label_max, int rows_per_side, TimelineSpan *spans,
                        int *rows)
{
    for (size_t i = 0; i < count; i++) {
        AcrossLabel l = across_label(p, a, &items[i]);
        int room = a->area.x + a->area.w - l.text_x - (l.runs_on ? arrow_width(a) : 0);
        int w = label_width(p, a, years_text[i], item_name(content, &items[i], p->lang), label_max < room ? label_max : room);
        spans[i] = (TimelineSpan){l.mark_start, l.text_x + w > l.mark_end ? l.text_x + w : l.mark_end};
    }
    return timeline_pack(spans, count, a->size, rows_per_side, rows);
}

/* The axis of a at text size: where its years go across area. */
static void across_axis(Painter *p, Across *a, int years)
{
    int r = dot_radius(p);
    int year_w = paint_text_width(p, "0000", FONT_BOLD, a->size);
    a->x0 = a->area.x + year_w / 2 + r;
    /* After the last year, room for a label of a third of the width. */
    a->step = years > 1 ? (a->area.w - (a->x0 - a->area.x) - a->area.w / 3) / (years - 1) : 0;
}

enum { ACROSS_ROWS_MAX = 32 }; /* rows a side */

/* The rows of a packing, each side outwards from the axis: how tall each is (its tallest
 * label and a gap under it) and where it starts (tops above: its top; below: likewise). */
typedef struct AcrossRows {
    int height[2][ACROSS_ROWS_MAX]; /* [0] above, [1] below */
    int used[2];
    int total[2];
} AcrossRows;

/* The width a label's text takes on its row (it stops before a range's arrow). */
static int across_text_w(const Across *a, const AcrossLabel *l, TimelineSpan span)
{
    return span.end - l->text_x - (l->runs_on ? arrow_width(a) : 0);
}

static AcrossRows across_rows(Painter *p, const Content *content, const Across *a, const TimelineItem *items,
                              size_t count, char (*years_text)[YEARS_TEXT_BYTES], const TimelineSpan *spans,
                              const int *rows, int gap)
{
    AcrossRows r = {0};
    for (size_t i = 0; i < count; i++) {
        if (rows[i] == TIMELINE_NO_ROW) {
            continue;
        }
        int side = rows[i] >= 0 ? 0 : 1;
        int out = side == 0 ? rows[i] : -1 - rows[i];
        if (out >= ACROSS_ROWS_MAX) {
            continue;
        }
        AcrossLabel l = across_label(p, a, &items[i]);
        int lines = label_lines(p, a, years_text[i], item_name(content, &items[i], p->lang),
                                across_text_w(a, &l, spans[i]));
        int h = lines * a->line_h + gap;
        r.height[side][out] = h > r.height[side][out] ? h : r.height[side][out];
        r.used[side] = out + 1 > r.used[side] ? out + 1 : r.used[side];
    }
    for (int side = 0; side < 2; side++) {
        for (int k = 0; k < r.used[side]; k++) {
            r.total[side] += r.height[side][k];
        }
    }
    return r;
}

static void paint_across(Painter *p, const Content *content, const Timeline *t, const TimelinePeriod *pd, SDL_Rect area)
{
    int years = pd->until - pd->from + 1;
    Across a = {.area = area, .from = pd->from, .until = pd->until};
    TimelineSpan spans[PLAN_TIMELINE_ITEMS];
    int rows[PLAN_TIMELINE_ITEMS];
    char years_text[PLAN_TIMELINE_ITEMS][YEARS_TEXT_BYTES];
    size_t count = pd->count < PLAN_TIMELINE_ITEMS ? pd->count : PLAN_TIMELINE_ITEMS;
    const TimelineItem *items = &t->items[pd->first];
    for (size_t i = 0; i < count; i++) {
        label_years(&items[i], years_text[i], sizeof years_text[i]);
    }
    /* Body text, a label's name on two lines at most, where every label finds a row with
     * room for most of its name; else smaller text, then one line. Each label starts at its
     * mark and takes the row nearest the axis where it overlaps nothing; long names are cut
     * shorter (a half of the width, a third, ...) until every label has a row. A row is as
     * tall as its tallest label. */
    static const struct {
        bool body;
        int lines;
        int share;
    } TRIES[] = {{true, 2, 2},  {true, 2, 3},  {false, 2, 2}, {false, 2, 3}, {true, 2, 4},  {false, 2, 4},
                 {false, 2, 6}, {false, 1, 2}, {false, 1, 3}, {false, 1, 4}, {false, 1, 6}};
    SDL_Rect band = {0};
    AcrossRows rs = {0};
    int gap = p->m.gap / 3;
    int half = 0;
    bool placed = false;
    for (size_t k = 0; k < sizeof TRIES / sizeof TRIES[0] && !placed; k++) {
        a.size = TRIES[k].body ? p->m.size_body : p->m.size_small;
        a.lines = TRIES[k].lines;
        a.line_h = a.size * 5 / 4;
        across_axis(p, &a, years);
        int band_h = a.size * 2;
        band = (SDL_Rect){area.x, area.y + (area.h - band_h) / 2, area.w, band_h};
        half = band.y - area.y;
        int rows_per_side = half / (a.line_h + gap);
        rows_per_side = rows_per_side < ACROSS_ROWS_MAX ? rows_per_side : ACROSS_ROWS_MAX;
        bool all = across_pack(p, content, &a, items, count, years_text, area.w / TRIES[k].share, rows_per_side,
                               spans, rows);
        rs = across_rows(p, content, &a, items, count, years_text, spans, rows, gap);
        placed = all && rs.total[0] <= half && rs.total[1] <= half;
    }
    /* The rows spread out from the axis over the height they have (a line apart at most). */
    int spread[2];
    for (int side = 0; side < 2; side++) {
        int extra = rs.used[side] ? (half - rs.total[side]) / rs.used[side] : 0;
        extra = extra < a.line_h ? extra : a.line_h;
        spread[side] = extra > 0 ? extra : 0;
    }
    /* The grid: a faint line up and down from each year, the axis, the years on it. */
    for (int year = pd->from; year <= pd->until; year++) {
        int x = across_x(&a, year);
        paint_fill(p, (SDL_Rect){x - 1, area.y, 2, area.h}, p->pal.surface);
    }
    paint_fill(p, (SDL_Rect){a.x0, band.y + band.h / 2 - 1, area.x + area.w - a.x0, 2}, p->pal.muted);
    TextStyle year_style = kit_style(FONT_BOLD, a.size, p->pal.text);
    year_style.align = ALIGN_CENTER;
    year_style.middle = true;
    year_style.max_lines = 1;
    int year_w = paint_text_width(p, "0000", FONT_BOLD, a.size);
    for (int year = pd->from; year <= pd->until; year++) {
        char text[16];
        snprintf(text, sizeof text, "%d", year);
        int x = across_x(&a, year);
        SDL_Rect box = {x - year_w / 2 - a.size / 3, band.y, year_w + a.size * 2 / 3, band.h};
        paint_fill(p, box, p->pal.background);
        paint_text(p, text, box, year_style);
    }
    /* Each row's top: above the axis upwards from it, below downwards. */
    int tops[2][ACROSS_ROWS_MAX];
    int y_above = band.y;
    int y_below = band.y + band.h + gap;
    for (int k = 0; k < ACROSS_ROWS_MAX; k++) {
        y_above -= rs.height[0][k] + (k ? spread[0] : 0);
        tops[0][k] = y_above + gap;
        tops[1][k] = y_below;
        y_below += rs.height[1][k] + spread[1];
    }
    for (size_t i = 0; i < count; i++) {
        int side = rows[i] >= 0 ? 0 : 1;
        int out = side == 0 ? rows[i] : -1 - rows[i];
        if (rows[i] == TIMELINE_NO_ROW || out >= ACROSS_ROWS_MAX) {
            continue; /* no room left (more items than rows): never drawn over another */
        }
        int top = tops[side][out];
        AcrossLabel l = across_label(p, &a, &items[i]);
        const char *name = item_name(content, &items[i], p->lang);
        int text_w = across_text_w(&a, &l, spans[i]);
        int label_h = a.line_h * label_lines(p, &a, years_text[i], name, text_w);
        if (side == 0) {
            top += rs.height[0][out] - gap - label_h; /* a shorter label above sits by the axis's side */
        }
        paint_fill(p, (SDL_Rect){spans[i].start, top, spans[i].end - spans[i].start, label_h}, p->pal.background);
        paint_item_mark(p, &a, &items[i], top, label_h);
        paint_label(p, &a, years_text[i], name, l.text_x, top, text_w);
    }
}

/* ---- portrait: a vertical axis ------------------------------------------------------------------ */

static void paint_down(Painter *p, const Content *content, const Timeline *t, const TimelinePeriod *pd, SDL_Rect area)
{
    int small = p->m.size_small;
    int r = dot_radius(p);
    int year_w = paint_text_width(p, "0000", FONT_BOLD, small);
    int axis_x = area.x + year_w + p->m.gap / 2 + r;
    size_t count = pd->count < PLAN_TIMELINE_ITEMS ? pd->count : PLAN_TIMELINE_ITEMS;
    const TimelineItem *items = &t->items[pd->first];
    /* Ranges and lists run along the axis in lanes beside it; a lane is taken by one at a
     * time (timeline_pack's rows, both sides, numbered outwards). */
    int lane_w = 3 * r;
    TextStyle name = kit_style(FONT_REGULAR, small, p->pal.text);
    name.max_lines = 2;
    name.min_size = small;
    name.line_height = 1.2f;
    TextStyle years_style = kit_style(FONT_SEMIBOLD, small, p->pal.muted);
    years_style.max_lines = 1;
    years_style.line_height = 1.2f;
    int line_h = small * 6 / 5;
    /* Rows: each item's years (for a range or list) and name, as tall as they need. */
    int tops[PLAN_TIMELINE_ITEMS + 1];
    int heights[PLAN_TIMELINE_ITEMS];
    char years_text[PLAN_TIMELINE_ITEMS][YEARS_TEXT_BYTES];
    TimelineSpan spans[PLAN_TIMELINE_ITEMS];
    int lanes[PLAN_TIMELINE_ITEMS];
    size_t ranged[PLAN_TIMELINE_ITEMS];
    size_t ranged_count = 0;
    for (size_t i = 0; i < count; i++) {
        label_years(&items[i], years_text[i], sizeof years_text[i]);
        ranged[ranged_count] = i;
        ranged_count += years_text[i][0] != '\0';
    }
    /* The lanes first need the rows' places; the rows' width needs the lanes: the widest case
     * (as many lanes as ranges, at most 4) keeps the text's width one for every row. */
    int lanes_room = (ranged_count < 4 ? (int)ranged_count : 4) * lane_w;
    int text_x = axis_x + 2 * r + lanes_room + p->m.gap;
    int text_w = area.x + area.w - text_x;
    int spacing = p->m.gap / 2;
    /* Names of two lines at most (1.2 each, rounded up); one where two would not fit. */
    int total = 0;
    for (int name_lines = 2; name_lines >= 1 && (total == 0 || total > area.h); name_lines--) {
        name.max_lines = name_lines;
        total = 0;
        for (size_t i = 0; i < count; i++) {
            int h = paint_text_height(p, item_name(content, &items[i], p->lang), text_w, name);
            h = h < small * 5 * name_lines / 4 ? h : small * 5 * name_lines / 4;
            heights[i] = h + (years_text[i][0] ? line_h : 0);
            total += heights[i] + (i + 1 < count ? spacing : 0);
        }
    }
    total -= count > 1 ? (int)(count - 1) * spacing : 0;
    /* Room left over goes between the years (a year's items stay together), so few items
     * spread down the screen rather than being stranded at its top. */
    int year_changes = 0;
    for (size_t i = 1; i < count; i++) {
        year_changes += items[i].years.from != items[i - 1].years.from;
    }
    int left_over = area.h - total - (count > 1 ? (int)(count - 1) * spacing : 0);
    int shares = (count > 1 ? (int)count - 1 : 0) + 2 * year_changes; /* a new year takes two */
    int share = shares > 0 && left_over > 0 ? left_over / shares : 0;
    spacing += share < line_h ? share : line_h;
    int year_gap = 2 * share < line_h * 4 ? 2 * share : line_h * 4;
    tops[0] = area.y;
    for (size_t i = 0; i < count; i++) {
        bool new_year = i + 1 < count && items[i + 1].years.from != items[i].years.from;
        tops[i + 1] = tops[i] + heights[i] + spacing + (new_year ? year_gap : 0);
    }
    /* A year's place on the axis: the mark of its first item; a range ends at the last item
     * that starts in its years (or runs on to the bottom past the period). */
    int bottom = tops[count] - spacing;
    bottom = bottom < area.y + area.h ? bottom : area.y + area.h;
    for (size_t k = 0; k < ranged_count; k++) {
        const TimelineItem *item = &items[ranged[k]];
        int a = tops[ranged[k]] + line_h / 2;
        int b = a;
        for (size_t j = ranged[k]; j < count; j++) {
            b = items[j].years.from <= item->years.until ? tops[j] + line_h / 2 : b;
        }
        if (item->years.until > pd->until) {
            b = bottom;
        }
        int own = tops[ranged[k]] + heights[ranged[k]] - line_h / 2; /* at least along its own row */
        b = b > own ? b : own;
        spans[k] = (TimelineSpan){a, b < bottom ? b : bottom};
    }
    timeline_pack(spans, ranged_count, r, 2, lanes);
    for (size_t k = 0; k < ranged_count; k++) { /* rows 0, -1, 1, -2 are lanes 0, 1, 2, 3 outwards */
        lanes[k] = lanes[k] == TIMELINE_NO_ROW ? -1 : lanes[k] >= 0 ? 2 * lanes[k] : -2 * lanes[k] - 1;
    }
    paint_fill(p, (SDL_Rect){axis_x - 1, area.y, 2, bottom - area.y}, p->pal.muted);
    TextStyle year_style = kit_style(FONT_BOLD, small, p->pal.text);
    year_style.align = ALIGN_RIGHT;
    year_style.max_lines = 1;
    year_style.line_height = 1.2f;
    for (size_t i = 0; i < count && tops[i] + heights[i] <= area.y + area.h; i++) {
        int y = tops[i];
        /* The item's own mark: a small dot at the row, in its colour, joined to the axis. */
        int cy = y + line_h / 2;
        paint_fill(p, (SDL_Rect){axis_x, cy - 1, text_x - axis_x - p->m.gap / 2, 2}, p->pal.surface);
        paint_circle(p, text_x - p->m.gap / 2, cy, r * 2 / 3 > 2 ? r * 2 / 3 : 2, item_colour(p, &items[i]));
        if (i == 0 || items[i].years.from != items[i - 1].years.from) {
            char year[16];
            snprintf(year, sizeof year, "%d", items[i].years.from);
            paint_text(p, year, (SDL_Rect){area.x, y, axis_x - r - p->m.gap / 2 - area.x, line_h}, year_style);
            paint_circle(p, axis_x, y + line_h / 2, r, p->pal.text);
        }
        int text_y = y;
        if (years_text[i][0]) {
            paint_text(p, years_text[i], (SDL_Rect){text_x, text_y, text_w, line_h}, years_style);
            text_y += line_h;
        }
        paint_text(p, item_name(content, &items[i], p->lang), (SDL_Rect){text_x, text_y, text_w, heights[i] - (text_y - y)},
                   name);
    }
    for (size_t k = 0; k < ranged_count; k++) {
        if (lanes[k] < 0 || spans[k].start >= bottom) {
            continue;
        }
        const TimelineItem *item = &items[ranged[k]];
        int x = axis_x + r + lane_w / 2 + lanes[k] * lane_w;
        MarkPlace m = {spans[k].start, spans[k].end, x, true};
        if (item->years.listed) {
            paint_bar(p, m, r > 4 ? r / 2 : 2, item_colour(p, item));
            paint_circle(p, x, spans[k].start, r, item_colour(p, item));
        } else {
            paint_bar(p, m, 2 * r, item_colour(p, item));
        }
    }
}

/* ---- the slide ------------------------------------------------------------------------------------ */

/* The legend at the top of area: a dot and a word for programmes and for stories, where the
 * timeline has them. Returns the height it took. */
static int paint_legend(Painter *p, const Timeline *t, SDL_Rect area)
{
    bool has[2] = {false, false};
    for (size_t i = 0; i < t->item_count; i++) {
        has[t->items[i].source == PLAN_STORIES] = true;
    }
    static const UiText WORDS[2] = {UI_PROGRAMMES, UI_SECTION_STORIES};
    int small = p->m.size_small;
    int r = dot_radius(p);
    int h = small * 3 / 2;
    TextStyle st = kit_style(FONT_REGULAR, small, p->pal.muted);
    st.max_lines = 1;
    st.middle = true;
    st.line_height = 1.0f;
    int x = area.x;
    for (int k = 0; k < 2; k++) {
        if (!has[k]) {
            continue;
        }
        TimelineItem sample = {.source = k ? PLAN_STORIES : PLAN_PROGRAMMES};
        paint_circle(p, x + r, area.y + h / 2, r, item_colour(p, &sample));
        x += 2 * r + small / 2;
        const char *word = ui_text(WORDS[k], p->lang);
        int w = paint_text_width(p, word, FONT_REGULAR, small);
        paint_text(p, word, (SDL_Rect){x, area.y, area.x + area.w - x, h}, st);
        x += w + small * 2;
    }
    return h;
}

void timeline_paint(Painter *p, const Content *content, const SlidePlan *plan, const PlannedSlide *slide)
{
    const TimelinePeriod *pd = period_of(plan, slide->first);
    char title[128];
    timeline_title(plan, slide->first, p->lang, title, sizeof title);
    kit_header(p, slide, kit_section_title(SECTION_COOPERATION, p->lang), title);
    if (!pd) {
        return;
    }
    SDL_Rect area = p->m.body;
    kit_take_top(&area, paint_legend(p, plan->timeline, area) + p->m.gap / 2);
    if (p->m.portrait) {
        paint_down(p, content, plan->timeline, pd, area);
    } else {
        paint_across(p, content, plan->timeline, pd, area);
    }
}
