/* slides.c — slide templates; see slides.h. Start at slides_paint(): it paints the
 * background, then calls the template for the slide's kind from SLIDE_PAINTERS. Templates
 * share the paint kit (render/kit.h): the header, grid cells, cards, chips, labelled blocks
 * and texts that may be cut; members and reading pages have units of their own. */
#include "render/slides.h"

#include "core/monogram.h"
#include "core/text_fit.h"
#include "core/ui_text.h"
#include "render/event_booth.h"
#include "render/event_slides.h"
#include "render/kit.h"
#include "render/members.h"
#include "render/picture.h"
#include "render/qr.h"
#include "render/reading.h"
#include "render/story.h"
#include "render/timeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct SlideContext {
    Painter *p;
    const Content *content;
    const SlidePlan *plan;
    const PlannedSlide *slide;
    SectionId section;
} SlideContext;

static const char *t(const SlideContext *s, const LocalText *text)
{
    return local_text(text, s->p->lang);
}

static const char *ui(const SlideContext *s, UiText id)
{
    return ui_text(id, s->p->lang);
}

enum { MAX_CARDS = 16 }; /* neighbouring cards sharing one text size */

/* ---- About ------------------------------------------------------------------------------ */

static void paint_vision(SlideContext *s)
{
    Painter *p = s->p;
    const Organisation *org = &s->content->organisation;
    kit_header(p, s->slide, ui(s, UI_VISION), t(s, &org->name));
    SDL_Rect area = p->m.body;
    int bar_x = area.x;
    area.x += p->m.gap * 2;
    area.w -= p->m.gap * 2;
    char founded[64];
    char city[128];
    char line[256];
    ui_format_date(org->founded, p->lang, founded, sizeof founded);
    /* The city's words stay on one line ("Example City"), and "·" never ends one. */
    (void)text_fit_keep_together(t(s, &org->city), city, sizeof city);
    snprintf(line, sizeof line, "%s %s  ·  %s", ui(s, UI_FOUNDED), founded, city);
    TextStyle facts_style = kit_style(FONT_REGULAR, p->m.size_body, p->pal.muted);
    /* One line where it fits, two on a narrow screen: never cut. */
    int facts_h = paint_text_height(p, line, area.w, facts_style);
    facts_h = facts_h > p->m.size_body * 2 ? facts_h : p->m.size_body * 2;
    SDL_Rect facts = {area.x, area.y + area.h - facts_h, area.w, facts_h};
    SDL_Rect quote = {area.x, area.y, area.w * (p->m.portrait ? 1 : 5) / (p->m.portrait ? 1 : 6), facts.y - area.y - p->m.gap};
    TextStyle quote_style = kit_style(FONT_SEMIBOLD, p->m.size_quote, p->pal.text);
    quote_style.line_height = 1.3f;
    quote_style.middle = true;
    int used = kit_readable(p, t(s, &org->vision), quote, quote_style, 0, quote, NULL);
    kit_accent_bar(p, bar_x, quote.y + (quote.h - used) / 2, used);
    paint_text(p, line, facts, facts_style);
}

/* Where a key figure's unit starts: after the first space that follows a digit and comes
 * before a character that is not one ("50+ мил. USD" -> "мил. USD", "3 000 m²" -> "m²"); 0 when
 * the value is one number ("400+", "$50M+", "~3,000"). */
static size_t figure_unit_at(const char *value)
{
    bool digit = false;
    for (size_t i = 0; value[i]; i++) {
        digit = digit || (value[i] >= '0' && value[i] <= '9');
        if (value[i] == ' ' && digit && value[i + 1] && value[i + 1] != ' ' &&
            !(value[i + 1] >= '0' && value[i + 1] <= '9')) {
            return i + 1;
        }
    }
    return 0;
}

/* The width of a key figure's value with its number at size and its unit, if any, set smaller
 * beside it; *unit_size gets the unit's size. */
static int figure_width(Painter *p, const char *value, int size, int *unit_size)
{
    size_t unit_at = figure_unit_at(value);
    *unit_size = size;
    if (unit_at == 0 || unit_at >= 64) {
        return paint_text_width(p, value, FONT_BOLD, size);
    }
    char number[64];
    memcpy(number, value, unit_at - 1);
    number[unit_at - 1] = '\0';
    int unit = size * 2 / 5 > p->m.size_floor ? size * 2 / 5 : p->m.size_floor;
    *unit_size = unit < size ? unit : size;
    return paint_text_width(p, number, FONT_BOLD, size) + *unit_size / 3 +
           paint_text_width(p, value + unit_at, FONT_BOLD, *unit_size);
}

/* A key figure in box: the number at size (the page's shared figure size) and its unit, if any,
 * smaller beside it on the same baseline; both shrink together only when the pair is wider than
 * the box. */
static void paint_figure_value(Painter *p, const char *value, SDL_Rect box, int preferred)
{
    size_t unit_at = figure_unit_at(value);
    TextStyle whole = kit_style(FONT_BOLD, preferred, p->pal.accent);
    whole.max_lines = 1;
    whole.min_size = p->m.size_figure / 2;
    if (unit_at == 0 || unit_at >= 64) {
        paint_text(p, value, box, whole);
        return;
    }
    char number[64];
    memcpy(number, value, unit_at - 1);
    number[unit_at - 1] = '\0';
    int size = preferred;
    int unit_size = size;
    int w = 0;
    for (; size >= p->m.size_figure / 2; size -= 2) {
        w = figure_width(p, value, size, &unit_size);
        if (w <= box.w) {
            break;
        }
    }
    if (w > box.w) {
        paint_text(p, value, box, whole); /* too long for one line even at half size: cut as before */
        return;
    }
    int baseline = paint_first_baseline(p, box.y, FONT_BOLD, preferred);
    int x = box.x + paint_on_baseline(p, number, box.x, baseline, FONT_BOLD, size, p->pal.accent);
    paint_on_baseline(p, value + unit_at, x + unit_size / 3, baseline, FONT_BOLD, unit_size, p->pal.accent);
}

/* The height of the figure cards' labels at figure size: as tall as the longest label needs,
 * at least what four lines under a figure of the scale's size take. */
static int figure_label_height(Painter *p, const char *const *labels, const SDL_Rect *boxes, int count, TextStyle label)
{
    int label_h = p->m.size_figure * 2 + p->m.size_body * 4 - (p->m.size_figure * 3 / 2 + p->m.gap / 2) - 2 * p->m.gap;
    for (int i = 0; i < count; i++) {
        int need = labels[i] ? paint_text_height(p, labels[i], boxes[i].w, label) : 0;
        label_h = need > label_h ? need : label_h;
    }
    return label_h;
}

static void paint_figures(SlideContext *s)
{
    Painter *p = s->p;
    kit_header(p, s->slide, kit_section_title(SECTION_ABOUT, p->lang), ui(s, UI_KEY_FIGURES));
    int count = s->slide->count < MAX_CARDS ? s->slide->count : MAX_CARDS;
    int cols = p->m.portrait ? 2 : (count < 4 ? count : 4);
    cols = cols < 1 ? 1 : cols;
    int rows = (count + cols - 1) / cols;
    SDL_Rect area = p->m.body;
    const char *labels[MAX_CARDS] = {NULL};
    const char *values[MAX_CARDS] = {NULL};
    SDL_Rect boxes[MAX_CARDS];
    int value_h = p->m.size_figure * 3 / 2 + p->m.gap / 2;
    for (int i = 0; i < count; i++) {
        int index = plan_item(s->plan, PLAN_FIGURES, s->slide->first + i);
        SDL_Rect inner = kit_inset(kit_grid_cell(area, cols, rows, i, p->m.gap), p->m.gap);
        kit_take_top(&inner, value_h);
        boxes[i] = inner;
        labels[i] = index >= 0 ? t(s, &s->content->figures[index].label) : NULL;
        values[i] = index >= 0 ? t(s, &s->content->figures[index].value) : NULL;
    }
    TextStyle label = kit_style(FONT_REGULAR, p->m.size_body, p->pal.text);
    label = kit_shared_style(p, labels, boxes, (size_t)count, label);
    /* Cells as tall as the longest label needs (at least four lines), so a label wraps rather
     * than being cut; the numbers one size, grown up to a third over the scale's figure size
     * while every value fits its card's width and the cards the body's height; the block
     * centred in the body. */
    int label_h = figure_label_height(p, labels, boxes, count, label);
    int figure = p->m.size_figure;
    for (int grown = p->m.size_figure * 4 / 3; grown > p->m.size_figure; grown -= 2) {
        int grown_h = grown * 3 / 2 + p->m.gap / 2;
        bool fits = rows * (grown_h + label_h + 2 * p->m.gap) + (rows - 1) * p->m.gap <= area.h;
        for (int i = 0; i < count && fits; i++) {
            int unit_size = 0;
            fits = !values[i] || figure_width(p, values[i], grown, &unit_size) <= boxes[i].w;
        }
        if (fits) {
            figure = grown;
            break;
        }
    }
    value_h = figure * 3 / 2 + p->m.gap / 2;
    int cell_h = value_h + label_h + 2 * p->m.gap;
    if (rows * cell_h + (rows - 1) * p->m.gap < area.h) {
        area.y += (area.h - rows * cell_h - (rows - 1) * p->m.gap) / 2;
        area.h = rows * cell_h + (rows - 1) * p->m.gap;
    }
    for (int i = 0; i < count; i++) {
        if (!values[i]) {
            continue;
        }
        SDL_Rect cell = kit_grid_cell(area, cols, rows, i, p->m.gap);
        kit_card(p, cell);
        SDL_Rect inner = kit_inset(cell, p->m.gap);
        paint_figure_value(p, values[i], kit_take_top(&inner, figure * 3 / 2), figure);
        kit_take_top(&inner, p->m.gap / 2);
        kit_readable(p, labels[i], inner, label, i, cell, NULL);
    }
}

static void paint_objectives(SlideContext *s)
{
    Painter *p = s->p;
    kit_header(p, s->slide, kit_section_title(SECTION_ABOUT, p->lang), ui(s, UI_OBJECTIVES));
    const char *texts[MAX_CARDS] = {NULL};
    int count = 0;
    for (size_t i = 0; i < s->content->about_item_count && count < MAX_CARDS; i++) {
        if (s->content->about_items[i].kind == ABOUT_OBJECTIVE) {
            texts[count++] = t(s, &s->content->about_items[i].text);
        }
    }
    SDL_Rect area = p->m.body;
    int badge = p->m.size_heading * 2;
    int text_x = area.x + badge + p->m.gap;
    int text_w = area.w - badge - p->m.gap;
    /* Rows as tall as the longest objective needs, sharing the height there is. */
    TextStyle body = kit_style(FONT_REGULAR, p->m.size_body, p->pal.text);
    body.middle = true;
    int row_h = count ? (area.h - (count - 1) * p->m.gap / 2) / count : area.h;
    int needed = badge;
    for (int i = 0; i < count; i++) {
        int h = paint_text_height(p, texts[i], text_w, body);
        needed = h > needed ? h : needed;
    }
    row_h = row_h > needed ? needed : row_h;
    SDL_Rect boxes[MAX_CARDS];
    for (int n = 0; n < count; n++) {
        boxes[n] = (SDL_Rect){text_x, area.y + n * (row_h + p->m.gap / 2), text_w, row_h};
    }
    body = kit_shared_style(p, texts, boxes, (size_t)count, body);
    for (int n = 0; n < count; n++) {
        SDL_Rect row = {area.x, boxes[n].y, area.w, row_h};
        paint_circle(p, row.x + badge / 2, row.y + row.h / 2, badge / 2, p->pal.accent);
        char number[16];
        snprintf(number, sizeof number, "%d", n + 1);
        TextStyle digit = kit_style(FONT_BOLD, p->m.size_heading, p->pal.accent_text);
        digit.align = ALIGN_CENTER;
        digit.middle = true;
        digit.max_lines = 1;
        digit.line_height = 1.0f;
        paint_text(p, number, (SDL_Rect){row.x, row.y + row.h / 2 - badge / 2, badge, badge}, digit);
        kit_readable(p, texts[n], boxes[n], body, n, row, NULL);
    }
}

/* Joins every about item of kind with " · " into out. */
static void join_items(const SlideContext *s, AboutKind kind, char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < s->content->about_item_count && used < size; i++) {
        const AboutItem *item = &s->content->about_items[i];
        if (item->kind == (int)kind) {
            int n = snprintf(out + used, size - used, "%s%s", used ? "  ·  " : "", t(s, &item->text));
            used += n > 0 ? (size_t)n : 0;
        }
    }
}

static void paint_profile(SlideContext *s)
{
    Painter *p = s->p;
    kit_header(p, s->slide, kit_section_title(SECTION_ABOUT, p->lang), ui(s, UI_PROFILE));
    enum { MAX_GROUPS = 8, GROUP_BYTES = 4096 };
    size_t group_count = 0;
    const ProfileGroup *groups = plan_profile_groups(&group_count);
    int present = 0;
    char(*texts)[GROUP_BYTES] = malloc(MAX_GROUPS * sizeof *texts);
    if (!texts) {
        return;
    }
    int kinds[MAX_GROUPS];
    for (size_t g = 0; g < group_count && present < MAX_GROUPS; g++) {
        join_items(s, groups[g].kind, texts[present], sizeof texts[present]);
        if (texts[present][0]) {
            kinds[present++] = (int)g;
        }
    }
    int cols = p->m.portrait ? 1 : 2;
    int rows = (present + cols - 1) / cols;
    rows = rows < 1 ? 1 : rows;
    const char *bodies[MAX_GROUPS];
    SDL_Rect boxes[MAX_GROUPS];
    SDL_Rect cells[MAX_GROUPS];
    for (int i = 0; i < present; i++) {
        SDL_Rect cell = kit_grid_cell(p->m.body, cols, rows, i, p->m.gap);
        cells[i] = (SDL_Rect){cell.x + p->m.gap, cell.y, cell.w - p->m.gap, cell.h};
        boxes[i] = kit_below_label(p, cells[i]);
        bodies[i] = texts[i];
    }
    TextStyle body = kit_style(FONT_REGULAR, p->m.size_body, p->pal.text);
    body = kit_shared_style(p, bodies, boxes, (size_t)present, body);
    for (int i = 0; i < present; i++) {
        kit_accent_bar(p, cells[i].x - p->m.gap, cells[i].y, p->m.size_small * 3 / 2);
        kit_labelled_block(p, ui(s, groups[kinds[i]].label), texts[i], cells[i], body, i, cells[i]);
    }
    free(texts);
}

/* A text stacked in a column: its box width, style and padding (a card's inset) in; its height
 * out. */
typedef struct StackItem {
    const char *text;
    int w;
    TextStyle st;
    int pad;
    int h;
} StackItem;

/* Heights for n items sharing avail px: each as tall as its text needs on up to three lines; when
 * they do not all fit, the texts on the most lines give up a line first (the earlier first), so
 * a text is cut (with "Read more") at two lines rather than at a few words by an even split;
 * the room left over is shared equally. Returns false, heights unset, when one line each does
 * not fit. */
static bool stack_fit(Painter *p, StackItem *items, int n, int avail)
{
    enum { MOST_LINES = 3 };
    int lines[2 * MAX_CARDS];
    int line_h[2 * MAX_CARDS];
    int sum = 0;
    for (int i = 0; i < n && i < 2 * MAX_CARDS; i++) {
        line_h[i] = paint_text_height(p, "M", items[i].w, items[i].st);
        int need = paint_text_height(p, items[i].text, items[i].w, items[i].st);
        lines[i] = line_h[i] > 0 ? (need + line_h[i] - 1) / line_h[i] : 1;
        lines[i] = lines[i] < 1 ? 1 : lines[i] > MOST_LINES ? MOST_LINES : lines[i];
        sum += lines[i] * line_h[i] + items[i].pad;
    }
    while (sum > avail) {
        int most = -1;
        for (int i = 0; i < n && i < 2 * MAX_CARDS; i++) {
            most = lines[i] > 1 && (most < 0 || lines[i] > lines[most]) ? i : most;
        }
        if (most < 0) {
            return false;
        }
        lines[most]--;
        sum -= line_h[most];
    }
    for (int i = 0; i < n && i < 2 * MAX_CARDS; i++) {
        items[i].h = lines[i] * line_h[i] + items[i].pad + (avail - sum) / n;
    }
    return n > 0;
}

/* Heights for n items sharing avail px evenly. */
static void stack_even(StackItem *items, int n, int avail)
{
    for (int i = 0; i < n; i++) {
        items[i].h = avail / n;
    }
}

static void paint_services(SlideContext *s)
{
    Painter *p = s->p;
    kit_header(p, s->slide, kit_section_title(SECTION_ABOUT, p->lang), ui(s, UI_SERVICES));
    SDL_Rect area = p->m.body;
    StackItem items[2 * MAX_CARDS];
    const char *services[MAX_CARDS];
    const char *details[MAX_CARDS];
    int service_count = 0;
    int detail_count = 0;
    for (size_t i = 0; i < s->content->about_item_count; i++) {
        const AboutItem *item = &s->content->about_items[i];
        if (item->kind == ABOUT_SERVICE && service_count < MAX_CARDS) {
            services[service_count++] = t(s, &item->text);
        } else if (item->kind == ABOUT_SERVICE_DETAIL && detail_count < MAX_CARDS) {
            details[detail_count++] = t(s, &item->text);
        }
    }
    /* Blocks (reading.c): the services first, then the details. */
    int services_total = 0;
    for (size_t i = 0; i < s->content->about_item_count; i++) {
        services_total += s->content->about_items[i].kind == ABOUT_SERVICE;
    }
    TextStyle st = kit_style(FONT_SEMIBOLD, p->m.size_body, p->pal.text);
    st.middle = true;
    TextStyle dt = kit_style(FONT_REGULAR, p->m.size_body, p->pal.text);
    int label_h = detail_count ? p->m.size_small * 2 : 0;
    /* The text clear of its bullet by half a line. */
    int indent = p->m.size_small + p->m.gap / 2;
    int service_gap = p->m.gap / 2;
    int detail_gap = p->m.gap / 3;
    /* The services in cards on the left, the "In practice" list beside them; in portrait one
     * column, the list below (no list with nothing in it). */
    SDL_Rect left = area;
    SDL_Rect right = area;
    if (detail_count > 0 && !p->m.portrait) {
        left.w = area.w * 2 / 5;
        right.x = left.x + left.w + p->m.gap * 2;
        right.w = area.w - left.w - p->m.gap * 2;
    }
    for (int n = 0; n < service_count; n++) {
        items[n] = (StackItem){services[n], left.w - 2 * p->m.gap, st, 2 * p->m.gap, 0};
    }
    for (int n = 0; n < detail_count; n++) {
        items[service_count + n] = (StackItem){details[n], right.w - indent, dt, 0, 0};
    }
    int service_gaps = service_count > 1 ? (service_count - 1) * service_gap : 0;
    int detail_gaps = detail_count > 1 ? (detail_count - 1) * detail_gap : 0;
    if (detail_count > 0 && p->m.portrait) {
        /* Cards and bullets as tall as their texts need, sharing the column's height. */
        int column = area.h - service_gaps - p->m.gap - label_h - detail_gaps;
        if (!stack_fit(p, items, service_count + detail_count, column)) {
            int top = area.h * 2 / 5;
            stack_even(items, service_count, top - service_gaps);
            stack_even(items + service_count, detail_count, column - top + service_gaps);
        }
    } else {
        stack_even(items, service_count, left.h - service_gaps);
        if (detail_count > 0 && !stack_fit(p, items + service_count, detail_count, right.h - label_h - detail_gaps)) {
            stack_even(items + service_count, detail_count, right.h - label_h - detail_gaps);
        }
    }
    SDL_Rect cells[2 * MAX_CARDS];
    SDL_Rect boxes[MAX_CARDS];
    int y = left.y;
    for (int n = 0; n < service_count; n++) {
        cells[n] = (SDL_Rect){left.x, y, left.w, items[n].h};
        boxes[n] = kit_inset(cells[n], p->m.gap);
        y += items[n].h + service_gap;
    }
    st = kit_shared_style(p, services, boxes, (size_t)service_count, st);
    for (int n = 0; n < service_count; n++) {
        kit_card(p, cells[n]);
        kit_readable(p, services[n], boxes[n], st, n, cells[n], NULL);
    }
    if (detail_count == 0) {
        return;
    }
    if (p->m.portrait) {
        right.y = y - service_gap + p->m.gap;
        right.h = area.y + area.h - right.y;
    }
    SDL_Rect label = kit_take_top(&right, label_h);
    paint_text(p, ui(s, UI_SERVICE_DETAILS), label, kit_style(FONT_SEMIBOLD, p->m.size_small, p->pal.accent));
    y = right.y;
    for (int n = 0; n < detail_count; n++) {
        cells[n] = (SDL_Rect){right.x, y, right.w, items[service_count + n].h};
        boxes[n] = (SDL_Rect){right.x + indent, y, right.w - indent, cells[n].h};
        y += cells[n].h + detail_gap;
    }
    dt = kit_shared_style(p, details, boxes, (size_t)detail_count, dt);
    for (int n = 0; n < detail_count; n++) {
        paint_circle(p, cells[n].x + p->m.size_small / 3, cells[n].y + dt.size * 2 / 3, p->m.size_small / 4, p->pal.accent);
        kit_readable(p, details[n], boxes[n], dt, services_total + n, cells[n], NULL);
    }
}

static void paint_why_partner(SlideContext *s)
{
    Painter *p = s->p;
    const Organisation *org = &s->content->organisation;
    kit_header(p, s->slide, kit_section_title(SECTION_ABOUT, p->lang), ui(s, UI_WHY_PARTNER));
    SDL_Rect area = p->m.body;
    bool has_plan = !local_text_empty(&org->action_plan);
    SDL_Rect main = area;
    if (has_plan) {
        main.h = area.h * 13 / 20;
    }
    TextStyle quote = kit_style(FONT_REGULAR, p->m.size_heading, p->pal.text);
    quote.line_height = 1.35f;
    quote.min_size = p->m.size_body;
    SDL_Rect quote_box = {main.x + p->m.gap * 2, main.y, main.w - p->m.gap * 2, main.h};
    int used = kit_readable(p, t(s, &org->why_partner), quote_box, quote, 0, main, NULL);
    kit_accent_bar(p, main.x, main.y, used);
    if (has_plan) {
        SDL_Rect plan_box = {area.x + p->m.gap * 2, main.y + main.h + p->m.gap, area.w - p->m.gap * 2,
                             area.h - main.h - p->m.gap};
        SDL_Rect plan_card = {area.x, plan_box.y - p->m.gap / 2, area.w, plan_box.h + p->m.gap / 2};
        kit_card(p, plan_card);
        kit_labelled_block(p, ui(s, UI_ACTION_PLAN), t(s, &org->action_plan), kit_inset(plan_box, p->m.gap / 2),
                       kit_style(FONT_REGULAR, p->m.size_body, p->pal.text), 1, plan_card);
    }
}

/* ---- Members (members.c) ------------------------------------------------------------------ */

static void paint_members(SlideContext *s)
{
    members_paint_page(s->p, s->content, s->plan, s->slide);
}

static void paint_member_detail(SlideContext *s)
{
    members_paint_detail(s->p, s->content, s->plan, s->slide);
}

/* ---- Stories ------------------------------------------------------------------------------- */

/* The parts of a story card, top to bottom; the boxes follow the photo and chip. */
typedef struct StoryCard {
    const Story *story;
    SDL_Rect cell;
    SDL_Rect title;
    int photo_h;
    int chip_h;
} StoryCard;

/* What some card of a page has, every card of it makes room for: the titles line up. */
typedef struct StoryRoom {
    bool photo;
    bool years;
} StoryRoom;

static StoryCard story_card(SlideContext *s, const Story *story, SDL_Rect cell, int photo_h, StoryRoom room)
{
    Painter *p = s->p;
    StoryCard c = {.story = story, .cell = cell};
    SDL_Rect inner = kit_inset(cell, p->m.gap);
    c.photo_h = story && room.photo ? photo_h : 0;
    if (c.photo_h) {
        kit_take_top(&inner, c.photo_h + p->m.gap / 2);
    }
    c.chip_h = story && room.years ? p->m.size_small * 3 / 2 + p->m.gap * 2 / 3 : 0;
    kit_take_top(&inner, c.chip_h);
    if (!c.photo_h && !c.chip_h) {
        inner.w -= paint_open_mark_width(p); /* the title keeps clear of the open mark */
    }
    c.title = inner;
    return c;
}

static void paint_stories(SlideContext *s)
{
    Painter *p = s->p;
    kit_header(p, s->slide, kit_section_title(SECTION_STORIES, p->lang), ui(s, UI_ACHIEVEMENTS));
    /* Every page of the section in the grid of its fullest: one column in portrait; in
     * landscape up to three, as many rows as that takes (4 stories: 2 x 2). */
    int per_page = 1;
    for (int page = 0; page < s->plan->page_count[SECTION_STORIES] && page < PLAN_MAX_PAGES; page++) {
        const PlannedSlide *planned = &s->plan->pages[SECTION_STORIES][page];
        per_page = planned->kind == SLIDE_STORIES && planned->count > per_page ? planned->count : per_page;
    }
    per_page = per_page < MAX_CARDS ? per_page : MAX_CARDS;
    int cols = p->m.portrait ? 1 : per_page == 4 ? 2 : per_page < 3 ? per_page : 3;
    int rows = (per_page + cols - 1) / cols;
    int count = s->slide->count < MAX_CARDS ? s->slide->count : MAX_CARDS;
    SDL_Rect area = p->m.body;
    SDL_Rect first = kit_grid_cell(area, cols, rows, 0, p->m.gap);
    int photo_h = (first.h - 2 * p->m.gap) / (p->m.portrait ? 4 : 3);
    TextStyle title = kit_style(FONT_SEMIBOLD, p->m.size_heading, p->pal.text);
    title.max_lines = 3;
    title.line_height = 1.15f;
    TextStyle place = kit_style(FONT_REGULAR, p->m.size_small, p->pal.muted);
    place.max_lines = 2;
    TextStyle body = kit_style(FONT_REGULAR, p->m.size_body, p->pal.text);
    const Story *stories[MAX_CARDS] = {NULL};
    const char *titles[MAX_CARDS] = {NULL};
    const char *bodies[MAX_CARDS] = {NULL};
    SDL_Rect boxes[MAX_CARDS];
    StoryCard cards[MAX_CARDS];
    StoryRoom room = {false, false};
    for (int i = 0; i < count; i++) {
        int index = plan_item(s->plan, PLAN_STORIES, s->slide->first + i);
        stories[i] = index >= 0 ? &s->content->stories[index] : NULL;
        titles[i] = stories[i] ? t(s, &stories[i]->title) : NULL;
        bodies[i] = stories[i] ? t(s, &stories[i]->body) : NULL;
        room.photo = room.photo || (stories[i] && stories[i]->photo);
        room.years = room.years || (stories[i] && stories[i]->years);
    }
    /* Cards as tall as the longest story needs, up to the height there is (portrait: more
     * lines a card, two cards a page). */
    int needed = 0;
    for (int i = 0; i < count; i++) {
        StoryCard c = story_card(s, stories[i], first, photo_h, room);
        int h = 2 * p->m.gap + c.photo_h + (c.photo_h ? p->m.gap / 2 : 0) + c.chip_h +
                paint_text_height(p, titles[i], c.title.w, title) + p->m.gap / 3 +
                paint_text_height(p, stories[i] ? t(s, &stories[i]->place) : NULL, c.title.w, place) + p->m.gap / 2 +
                paint_text_height(p, bodies[i], c.title.w, body);
        needed = h > needed ? h : needed;
    }
    if (needed < first.h) {
        area.h = rows * needed + (rows - 1) * p->m.gap;
    }
    for (int i = 0; i < count; i++) {
        cards[i] = story_card(s, stories[i], kit_grid_cell(area, cols, rows, i, p->m.gap), photo_h, room);
        boxes[i] = cards[i].title;
    }
    title = kit_shared_style(p, titles, boxes, (size_t)count, title);
    /* The bodies' boxes: below each title at the shared size, and its place. */
    for (int i = 0; i < count; i++) {
        SDL_Rect rest = cards[i].title;
        kit_take_top(&rest, paint_text_height(p, titles[i], rest.w, title) + p->m.gap / 3);
        int place_h = paint_text_height(p, stories[i] ? t(s, &stories[i]->place) : NULL, rest.w, place);
        kit_take_top(&rest, place_h + (place_h ? p->m.gap / 2 : 0));
        boxes[i] = rest;
    }
    body = kit_shared_style(p, bodies, boxes, (size_t)count, body);
    for (int i = 0; i < count; i++) {
        const Story *story = stories[i];
        if (!story) {
            continue;
        }
        StoryCard *c = &cards[i];
        kit_card(p, c->cell);
        SDL_Rect inner = kit_inset(c->cell, p->m.gap);
        if (c->photo_h) { /* room for a photo where another card of the page has one */
            SDL_Rect photo = kit_take_top(&inner, c->photo_h);
            if (story->photo) {
                paint_picture(p, story->photo, photo);
            }
            kit_take_top(&inner, p->m.gap / 2);
        }
        if (story->years) { /* a story may have no year: then none is shown */
            kit_chip(p, story->years, inner.x, inner.y, p->pal.accent, p->pal.accent_text);
        }
        kit_take_top(&inner, c->chip_h);
        bool cut = false;
        bool part_cut = false;
        int used = paint_text_cut(p, titles[i], inner, title, &cut);
        kit_take_top(&inner, used + p->m.gap / 3);
        used = paint_text_cut(p, t(s, &story->place), inner, place, &part_cut);
        cut = cut || part_cut;
        kit_take_top(&inner, used + (used ? p->m.gap / 2 : 0));
        /* A cut title or place leaves the last line of the card to the mark. */
        int mark_h = body.size * 5 / 4;
        SDL_Rect body_box = inner;
        if (cut) {
            body_box.h -= mark_h;
        }
        TextStyle st = body;
        st.more = true;
        used = paint_text_cut(p, bodies[i], body_box, st, &part_cut);
        if ((cut && !part_cut) || (part_cut && used == 0)) {
            paint_more_mark(p, inner.x, inner.y + used, body.size, inner.w);
        }
        /* Every story opens its page (title, year, place, photo and the whole text), marked
         * as a member's tile is, whether or not its text had to be shortened here. */
        paint_open_mark(p, c->cell);
        kit_openable(p, c->cell, s->slide->first + i);
    }
}

/* ---- Cooperation ------------------------------------------------------------------------------ */

static void paint_missions(SlideContext *s)
{
    Painter *p = s->p;
    kit_header(p, s->slide, kit_section_title(SECTION_COOPERATION, p->lang), ui(s, UI_TRADE_MISSIONS));
    SDL_Rect area = p->m.body;
    int targets = 0;
    for (size_t i = 0; i < s->content->country_count; i++) {
        targets += s->content->countries[i].target != CHOICE_NONE;
    }
    SDL_Rect list = area;
    SDL_Rect side = area;
    if (targets) {
        if (p->m.portrait) {
            side.h = area.h / 4;
            side.y = area.y + area.h - side.h;
            list.h = area.h - side.h - p->m.gap;
        } else {
            side.w = area.w * 3 / 10;
            side.x = area.x + area.w - side.w;
            list.w = area.w - side.w - p->m.gap * 2;
        }
    }
    int count = s->slide->count < MAX_CARDS ? s->slide->count : MAX_CARDS;
    enum { LINE_BYTES = 1024 };
    char(*lines)[LINE_BYTES] = malloc((size_t)(count ? count : 1) * sizeof *lines);
    if (!lines) {
        return;
    }
    const char *texts[MAX_CARDS] = {NULL};
    SDL_Rect boxes[MAX_CARDS];
    int fixed_chip = p->m.w / (p->m.portrait ? 4 : 8);
    for (int i = 0; i < count; i++) {
        int index = plan_item(s->plan, PLAN_MISSIONS, s->slide->first + i);
        lines[i][0] = '\0';
        if (index >= 0) {
            const Mission *mission = &s->content->missions[index];
            const char *purpose = t(s, &mission->purpose);
            snprintf(lines[i], LINE_BYTES, "%s%s%s", t(s, &mission->destination), purpose[0] ? "  —  " : "", purpose);
        }
        texts[i] = lines[i];
        SDL_Rect inner = kit_inset(kit_grid_cell(list, 1, count, i, p->m.gap / 2), p->m.gap * 2 / 3);
        int chip_w = paint_text_width(p, ui(s, UI_MISSION_TRADE), FONT_SEMIBOLD, p->m.size_small) + p->m.size_small;
        int x = inner.x + (chip_w > fixed_chip ? chip_w : fixed_chip) + p->m.gap;
        boxes[i] = (SDL_Rect){x, inner.y, inner.x + inner.w - x, inner.h};
    }
    TextStyle st = kit_style(FONT_SEMIBOLD, p->m.size_body, p->pal.text);
    st.middle = true;
    st = kit_shared_style(p, texts, boxes, (size_t)count, st);
    for (int i = 0; i < count; i++) {
        int index = plan_item(s->plan, PLAN_MISSIONS, s->slide->first + i);
        if (index < 0) {
            continue;
        }
        const Mission *mission = &s->content->missions[index];
        SDL_Rect row = kit_grid_cell(list, 1, count, i, p->m.gap / 2);
        kit_card(p, row);
        SDL_Rect inner = kit_inset(row, p->m.gap * 2 / 3);
        int chip_w = kit_chip(p, ui(s, mission->kind == MISSION_B2B_MEETING ? UI_MISSION_B2B : UI_MISSION_TRADE), inner.x,
                          inner.y + (inner.h - p->m.size_small * 3 / 2) / 2, p->pal.accent, p->pal.accent_text);
        int x = inner.x + (chip_w > fixed_chip ? chip_w : fixed_chip) + p->m.gap;
        SDL_Rect text = {x, inner.y, inner.x + inner.w - x, inner.h};
        kit_readable(p, texts[i], text, st, i, row, NULL);
    }
    free(lines);
    if (targets) {
        SDL_Rect box = side;
        SDL_Rect label = kit_take_top(&box, p->m.size_small * 2);
        paint_text(p, ui(s, UI_TARGET_COUNTRIES), label, kit_style(FONT_SEMIBOLD, p->m.size_small, p->pal.accent));
        /* A country's name whole ("Republic of Korea (South Korea)"): on up to three lines,
         * in the one size the cards share, above its kind of target. */
        TextStyle label_style = kit_style(FONT_REGULAR, p->m.size_small, p->pal.muted);
        int label_h = p->m.size_small * 5 / 2 + p->m.gap / 4;
        TextStyle name = kit_style(FONT_SEMIBOLD, p->m.size_heading, p->pal.text);
        name.max_lines = 3;
        name.line_height = 1.15f;
        const char *country_names[MAX_CARDS];
        SDL_Rect name_boxes[MAX_CARDS];
        int n = 0;
        for (size_t i = 0; i < s->content->country_count && n < MAX_CARDS; i++) {
            if (s->content->countries[i].target == CHOICE_NONE) {
                continue;
            }
            SDL_Rect cell = p->m.portrait ? kit_grid_cell(box, targets, 1, n, p->m.gap)
                                          : kit_grid_cell(box, 1, targets > 3 ? targets : 3, n, p->m.gap);
            name_boxes[n] = kit_inset(cell, p->m.gap * 2 / 3);
            name_boxes[n].h -= label_h;
            country_names[n++] = t(s, &s->content->countries[i].name);
        }
        name = kit_shared_style(p, country_names, name_boxes, (size_t)n, name);
        n = 0;
        for (size_t i = 0; i < s->content->country_count && n < MAX_CARDS; i++) {
            const Country *country = &s->content->countries[i];
            if (country->target == CHOICE_NONE) {
                continue;
            }
            SDL_Rect cell = p->m.portrait ? kit_grid_cell(box, targets, 1, n, p->m.gap)
                                          : kit_grid_cell(box, 1, targets > 3 ? targets : 3, n, p->m.gap);
            n++;
            kit_card(p, cell);
            SDL_Rect inner = kit_inset(cell, p->m.gap * 2 / 3);
            int used = paint_text(p, t(s, &country->name), (SDL_Rect){inner.x, inner.y, inner.w, inner.h - label_h}, name);
            inner.y += used + p->m.gap / 4;
            inner.h -= used + p->m.gap / 4;
            paint_text(p, ui(s, country->target == COUNTRY_TARGET_TRANSNATIONAL ? UI_TARGET_TRANSNATIONAL : UI_TARGET_INTERNATIONAL),
                       inner, label_style);
        }
    }
}

/* Columns of the partner clusters' grid: as many tiles as the section has fill the body
 * (landscape 2 x 2 for four, 3 x 2 for five or six, 3 x 3, then 4 across; portrait one
 * column up to three, then two). */
static int partner_columns(bool portrait, int count)
{
    if (portrait) {
        return count > 3 ? 2 : 1;
    }
    return count > 9 ? 4 : count > 4 ? 3 : count > 1 ? 2 : 1;
}

static void paint_partners(SlideContext *s)
{
    Painter *p = s->p;
    kit_header(p, s->slide, kit_section_title(SECTION_COOPERATION, p->lang), ui(s, UI_PARTNER_CLUSTERS));
    int count = (int)s->content->partner_cluster_count < MAX_CARDS ? (int)s->content->partner_cluster_count : MAX_CARDS;
    if (count <= 0) {
        return;
    }
    int cols = partner_columns(p->m.portrait, count);
    int rows = (count + cols - 1) / cols;
    SDL_Rect area = p->m.body;
    /* Tiles: the cluster's monogram over its name and country, the three as one block in the
     * middle of the tile. */
    SDL_Rect first = kit_grid_cell(area, cols, rows, 0, p->m.gap);
    int radius = (first.w < first.h ? first.w : first.h) / 6;
    radius = radius < p->m.size_title * 3 / 2 ? radius : p->m.size_title * 3 / 2;
    TextStyle country = kit_style(FONT_REGULAR, p->m.size_body, p->pal.muted);
    country.align = ALIGN_CENTER;
    country.max_lines = 1;
    int country_h = paint_text_height(p, "Ag", first.w, country);
    const char *names[MAX_CARDS];
    SDL_Rect boxes[MAX_CARDS];
    for (int i = 0; i < count; i++) {
        SDL_Rect inner = kit_inset(kit_grid_cell(area, cols, rows, i, p->m.gap), p->m.gap);
        int top = 2 * radius + p->m.gap;
        boxes[i] = (SDL_Rect){inner.x, inner.y + top, inner.w, inner.h - top - country_h - p->m.gap / 4};
        names[i] = s->content->partner_clusters[i].name;
    }
    TextStyle name = kit_style(FONT_SEMIBOLD, p->m.size_heading, p->pal.text);
    name.max_lines = 2;
    name.align = ALIGN_CENTER;
    name = kit_shared_style(p, names, boxes, (size_t)count, name);
    /* Every tile's block as tall as the tallest name makes it: the marks line up. */
    int name_h = 0;
    for (int i = 0; i < count; i++) {
        int h = paint_text_height(p, names[i], boxes[i].w, name);
        name_h = h > name_h ? h : name_h;
    }
    name_h = name_h < boxes[0].h ? name_h : boxes[0].h;
    for (int i = 0; i < count; i++) {
        const PartnerCluster *cluster = &s->content->partner_clusters[i];
        SDL_Rect cell = kit_grid_cell(area, cols, rows, i, p->m.gap);
        kit_card(p, cell);
        int block = 2 * radius + p->m.gap + name_h + p->m.gap / 4 + country_h;
        int y = cell.y + (cell.h - block) / 2;
        char initials[MONOGRAM_INITIALS_MAX];
        monogram_initials(cluster->name, NULL, initials, sizeof initials);
        paint_monogram(p, initials, monogram_fill(cluster->name), cell.x + cell.w / 2, y + radius, radius);
        SDL_Rect box = {boxes[i].x, y + 2 * radius + p->m.gap, boxes[i].w, name_h > 0 ? name_h : 1};
        int used = kit_readable(p, cluster->name, box, name, i, cell, NULL);
        if (cluster->country) {
            paint_text(p, t(s, &cluster->country->name),
                       (SDL_Rect){box.x, box.y + used + p->m.gap / 4, box.w, country_h}, country);
        }
    }
}

static void paint_programmes(SlideContext *s)
{
    Painter *p = s->p;
    kit_header(p, s->slide, kit_section_title(SECTION_COOPERATION, p->lang), ui(s, UI_PROGRAMMES));
    int cols = p->m.portrait ? 1 : 2;
    /* Rows for the fullest page (the plan spreads programmes evenly over their pages): cards
     * keep one size from page to page, and a pack of two fills its one page. */
    int total = s->plan->visible_count[PLAN_PROGRAMMES];
    int most = plan_capacity(p->m.portrait).programmes;
    int pages = most > 0 ? (total + most - 1) / most : 0;
    most = pages > 0 ? (total + pages - 1) / pages : most;
    int rows = (most + cols - 1) / cols;
    rows = rows < 1 ? 1 : rows;
    int count = s->slide->count < MAX_CARDS ? s->slide->count : MAX_CARDS;
    const char *names[MAX_CARDS] = {NULL};
    SDL_Rect boxes[MAX_CARDS];
    int chip_row = p->m.size_small * 3 / 2 + p->m.gap / 2;
    int funder_h = p->m.size_small * 5 / 2;
    for (int i = 0; i < count; i++) {
        int index = plan_item(s->plan, PLAN_PROGRAMMES, s->slide->first + i);
        SDL_Rect inner = kit_inset(kit_grid_cell(p->m.body, cols, rows, i, p->m.gap), p->m.gap * 3 / 4);
        kit_take_top(&inner, chip_row);
        inner.h -= funder_h + p->m.gap / 4;
        boxes[i] = inner;
        names[i] = index >= 0 ? t(s, &s->content->programmes[index].name) : NULL;
    }
    TextStyle name = kit_style(FONT_SEMIBOLD, p->m.size_body, p->pal.text);
    name = kit_shared_style(p, names, boxes, (size_t)count, name);
    for (int i = 0; i < count; i++) {
        int index = plan_item(s->plan, PLAN_PROGRAMMES, s->slide->first + i);
        if (index < 0) {
            continue;
        }
        const Programme *programme = &s->content->programmes[index];
        SDL_Rect cell = kit_grid_cell(p->m.body, cols, rows, i, p->m.gap);
        kit_card(p, cell);
        SDL_Rect inner = kit_inset(cell, p->m.gap * 3 / 4);
        int w = kit_chip(p, programme->years, inner.x, inner.y, p->pal.accent, p->pal.accent_text);
        /* The scope, only where the source states it, is plain text beside the years' chip, as
         * on the programme's own page. */
        const char *scope_text = ui_programme_scope(programme->scope, p->lang);
        if (scope_text[0]) {
            TextStyle scope = kit_style(FONT_SEMIBOLD, p->m.size_small, p->pal.muted);
            scope.max_lines = 1;
            scope.middle = true;
            scope.line_height = 1.0f;
            int scope_x = inner.x + (w > 0 ? w + p->m.gap / 2 : 0);
            paint_text(p, scope_text, (SDL_Rect){scope_x, inner.y, inner.x + inner.w - scope_x, p->m.size_small * 3 / 2},
                       scope);
        }
        kit_take_top(&inner, chip_row);
        SDL_Rect funder = {inner.x, inner.y + inner.h - funder_h, inner.w, funder_h};
        bool cut = false;
        kit_readable(p, names[i], boxes[i], name, i, cell, &cut);
        TextStyle funder_style = kit_style(FONT_REGULAR, p->m.size_small, p->pal.muted);
        funder_style.max_lines = 2;
        funder_style.more = true;
        bool funder_cut = false;
        paint_text_cut(p, t(s, &programme->funder), funder, funder_style, &funder_cut);
        if (funder_cut && !cut) {
            kit_openable(p, cell, i); /* the name fits, but not who funds it */
        }
    }
}

/* ---- Contact ----------------------------------------------------------------------------------- */

/* A vCard of a contact's details for the QR code, or "" when it has none. */
/* Appends "NAME:value\n" to a vCard, escaping what vCard 3.0 requires of text values
 * (\\ , ; and newlines; URL is an address, written as it is); nothing for an empty value. */
static void vcard_line(char *out, size_t size, size_t *used, const char *name, const char *value)
{
    bool text = strcmp(name, "URL") != 0;
    if (!value || !value[0] || *used >= size) {
        return;
    }
    int n = snprintf(out + *used, size - *used, "%s:", name);
    *used += n > 0 ? (size_t)n : 0;
    for (const char *c = value; *c && *used + 3 < size; c++) {
        if (text && (*c == '\\' || *c == ',' || *c == ';')) {
            out[(*used)++] = '\\';
            out[(*used)++] = *c;
        } else if (*c == '\n') {
            out[(*used)++] = '\\';
            out[(*used)++] = 'n';
        } else {
            out[(*used)++] = *c;
        }
    }
    if (*used + 1 < size) {
        out[(*used)++] = '\n';
    }
    out[*used < size ? *used : size - 1] = '\0';
}

/* A vCard of a contact's details for the QR code, or "" when it has no phone, e-mail or web
 * address (a card with only a name and a city saves nothing worth scanning). */
static void contact_vcard(const SlideContext *s, const Contact *contact, char *out, size_t size)
{
    out[0] = '\0';
    if (!reading_contact_reachable(contact)) {
        return;
    }
    const char *org = local_text(&s->content->organisation.name, LANG_EN);
    size_t used = (size_t)snprintf(out, size, "BEGIN:VCARD\nVERSION:3.0\n");
    vcard_line(out, size, &used, "FN", contact->name && contact->name[0] ? contact->name : org);
    vcard_line(out, size, &used, "ORG", org);
    vcard_line(out, size, &used, "TITLE", local_text(&contact->role, LANG_EN));
    vcard_line(out, size, &used, "EMAIL", contact->email);
    vcard_line(out, size, &used, "TEL", contact->phone);
    vcard_line(out, size, &used, "URL", contact->web);
    if (used + 1 < size) {
        snprintf(out + used, size - used, "END:VCARD\n");
    }
}

/* Height of kit_labelled(label, text) in width w. */
static int labelled_height(Painter *p, const char *label, const char *text, int w)
{
    return paint_text_height(p, label, w, kit_style(FONT_SEMIBOLD, p->m.size_small, p->pal.accent)) +
           p->m.size_small / 3 + paint_text_height(p, text, w, kit_style(FONT_REGULAR, p->m.size_body, p->pal.text));
}

/* The organisation's facts (short name, city, founding date, networks) from the top of
 * box; paint false only measures. Returns the height. */
static int contact_facts(SlideContext *s, SDL_Rect box, bool paint)
{
    Painter *p = s->p;
    const Organisation *org = &s->content->organisation;
    char network[1024];
    join_items(s, ABOUT_NETWORK, network, sizeof network);
    char founded[64];
    ui_format_date(org->founded, p->lang, founded, sizeof founded);
    TextStyle big = kit_style(FONT_BOLD, p->m.size_figure * 2 / 3, p->pal.accent);
    big.max_lines = 1;
    int h = paint_text_height(p, org->short_name, box.w, big);
    if (paint) {
        paint_text(p, org->short_name, (SDL_Rect){box.x, box.y, box.w, h}, big);
    }
    int y = box.y + h + p->m.gap;
    const char *labels[] = {ui(s, UI_CITY), ui(s, UI_FOUNDED), ui(s, UI_NETWORKS)};
    const char *values[] = {t(s, &org->city), founded, network};
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
        if (!values[i][0]) {
            continue;
        }
        int lh = labelled_height(p, labels[i], values[i], box.w);
        if (paint) {
            kit_labelled(p, labels[i], values[i], (SDL_Rect){box.x, y, box.w, lh});
        }
        y += lh + p->m.gap;
    }
    return y - p->m.gap - box.y;
}

/* A contact's details, one a line (name, address, e-mail, phone, web), into out. */
static void contact_details(const SlideContext *s, const Contact *contact, char *out, size_t size)
{
    const char *details[] = {contact->name, t(s, &contact->address), contact->email, contact->phone, contact->web};
    size_t length = 0;
    out[0] = '\0';
    for (size_t d = 0; d < sizeof details / sizeof details[0]; d++) {
        if (details[d] && details[d][0] && length < size) {
            length += (size_t)snprintf(out + length, size - length, "%s%s", length ? "\n" : "", details[d]);
        }
    }
}

/* Where to meet the team: the pack's words, or the kiosk's own when the contact gives no
 * phone, e-mail or web address (never a dead end at a fair); "" when it needs none. */
static const char *contact_meet(const SlideContext *s, const Contact *contact)
{
    const char *meet = t(s, &contact->meet);
    return !meet[0] && !reading_contact_reachable(contact) ? ui(s, UI_TALK_TO_US) : meet;
}

/* The height a contact's card wants w wide: its texts beside a QR code of qr_side (0: none). */
static int contact_card_height(SlideContext *s, const Contact *contact, int w, int qr_side)
{
    Painter *p = s->p;
    char vcard[1024];
    contact_vcard(s, contact, vcard, sizeof vcard);
    qr_side = vcard[0] ? qr_side : 0;
    int text_w = w - 2 * p->m.gap - (qr_side ? qr_side + p->m.gap : 0);
    char text[1024];
    contact_details(s, contact, text, sizeof text);
    const char *meet = contact_meet(s, contact);
    int h = paint_text_height(p, t(s, &contact->role), text_w, kit_style(FONT_SEMIBOLD, p->m.size_heading, p->pal.text)) +
            p->m.gap / 3 + (text[0] ? paint_text_height(p, text, text_w, kit_style(FONT_REGULAR, p->m.size_body, p->pal.muted)) : 0) +
            (meet[0] ? p->m.gap / 3 + paint_text_height(p, meet, text_w, kit_style(FONT_SEMIBOLD, p->m.size_body, p->pal.accent)) : 0);
    int qr_h = qr_side ? qr_side + p->m.size_small * 2 : 0;
    return (h > qr_h ? h : qr_h) + 2 * p->m.gap;
}

static void paint_contact_card(SlideContext *s, const Contact *contact, int i, SDL_Rect cell, int qr_side)
{
    Painter *p = s->p;
    kit_card(p, cell);
    SDL_Rect inner = kit_inset(cell, p->m.gap);
    char vcard[1024];
    contact_vcard(s, contact, vcard, sizeof vcard);
    int caption_h = p->m.size_small * 3 / 2;
    int qr_room = inner.h - caption_h;
    qr_side = vcard[0] ? (qr_room < qr_side ? qr_room : qr_side) : 0;
    if (qr_side) {
        SDL_Rect qr = {inner.x + inner.w - qr_side, inner.y, qr_side, qr_side};
        paint_qr(p, vcard, qr);
        TextStyle caption = kit_style(FONT_REGULAR, p->m.size_small, p->pal.muted);
        caption.align = ALIGN_CENTER;
        paint_text(p, ui(s, UI_SCAN_TO_SAVE), (SDL_Rect){qr.x, qr.y + qr_side + p->m.size_small / 4, qr_side, caption_h},
                   caption);
        inner.w -= qr_side + p->m.gap;
    }
    TextStyle role = kit_style(FONT_SEMIBOLD, p->m.size_heading, p->pal.text);
    int used = paint_text(p, t(s, &contact->role), inner, role);
    kit_take_top(&inner, used + p->m.gap / 3);
    const char *meet = contact_meet(s, contact);
    TextStyle meet_style = kit_style(FONT_SEMIBOLD, p->m.size_body, p->pal.accent);
    int meet_h = meet[0] ? paint_text_height(p, meet, inner.w, meet_style) : 0;
    meet_h = meet_h < inner.h / 2 ? meet_h : inner.h / 2;
    char text[1024];
    contact_details(s, contact, text, sizeof text);
    SDL_Rect details_box = {inner.x, inner.y, inner.w, inner.h - (meet_h ? meet_h + p->m.gap / 3 : 0)};
    used = kit_readable(p, text, details_box, kit_style(FONT_REGULAR, p->m.size_body, p->pal.muted), i, cell, NULL);
    if (meet_h) {
        SDL_Rect meet_box = {inner.x, inner.y + used + (used ? p->m.gap / 3 : 0), inner.w, meet_h};
        kit_readable(p, meet, meet_box, meet_style, i, cell, NULL);
    }
}

static void paint_contact(SlideContext *s)
{
    Painter *p = s->p;
    const Organisation *org = &s->content->organisation;
    kit_header(p, s->slide, kit_section_title(SECTION_CONTACT, p->lang), t(s, &org->name));
    /* Two columns in landscape (the organisation's facts, its contacts' cards with their QR
     * codes), stacked in portrait; each column, or the stack, in the middle of the body. */
    SDL_Rect area = p->m.body;
    int count = (int)s->content->contact_count;
    SDL_Rect left = area;
    SDL_Rect right = area;
    if (!p->m.portrait) {
        left.w = area.w * 2 / 5;
        right.x = area.x + left.w + p->m.gap * 2;
        right.w = area.w - (right.x - area.x);
    } else {
        left.h = area.h / 2; /* room for the networks line to wrap */
    }
    int facts_h = contact_facts(s, left, false);
    facts_h = facts_h < left.h ? facts_h : left.h;
    if (p->m.portrait) {
        right.y = area.y + facts_h + p->m.gap * 2;
        right.h = area.y + area.h - right.y;
    }
    /* The cards as tall as they want (a QR code a third of the column wide), else sharing
     * the column. */
    int qr_side = right.w / 3;
    int cards_h = 0;
    int heights[MAX_CARDS];
    int shown = count < MAX_CARDS ? count : MAX_CARDS;
    for (int i = 0; i < shown; i++) {
        heights[i] = contact_card_height(s, &s->content->contacts[i], right.w, qr_side);
        cards_h += heights[i] + (i ? p->m.gap : 0);
    }
    bool share = cards_h > right.h;
    if (count == 0) {
        cards_h = p->m.size_heading * 4;
    }
    cards_h = cards_h < right.h ? cards_h : right.h;
    if (p->m.portrait) {
        int whole = facts_h + p->m.gap * 2 + cards_h;
        int shift = whole < area.h ? (area.h - whole) / 2 : 0;
        left.y += shift;
        right.y += shift;
    } else {
        left.y += facts_h < area.h ? (area.h - facts_h) / 2 : 0;
        right.y += (right.h - cards_h) / 2;
    }
    right.h = cards_h;
    contact_facts(s, left, true);
    if (count == 0) {
        /* No contact in the pack: still say where to find the team. */
        kit_card(p, right);
        TextStyle booth = kit_style(FONT_SEMIBOLD, p->m.size_heading, p->pal.accent);
        booth.middle = true;
        paint_text(p, ui(s, UI_TALK_TO_US), kit_inset(right, p->m.gap), booth);
        return;
    }
    int y = right.y;
    for (int i = 0; i < shown; i++) {
        SDL_Rect cell = share ? kit_grid_cell(right, 1, shown, i, p->m.gap) : (SDL_Rect){right.x, y, right.w, heights[i]};
        y += heights[i] + p->m.gap;
        paint_contact_card(s, &s->content->contacts[i], i, cell, qr_side);
    }
}

/* ---- Reading pages (story.c) ---------------------------------------------------------------------- */

static void paint_reading(SlideContext *s)
{
    /* Painted once at the top; the screen scrolls it (screen.c, story_paint with a reader). */
    story_paint(s->p, NULL, s->content, s->plan, s->slide, (SlideRef){s->section, 0, -1}, 0.0f);
}

/* ---- The event of the day (event_slides.c) -------------------------------------------------------- */

static void paint_event_now(SlideContext *s)
{
    event_slides_paint_now(s->p, s->content, s->plan, s->slide);
}

static void paint_event_board(SlideContext *s)
{
    event_slides_paint_board(s->p, s->content, s->plan, s->slide);
}

static void paint_event_find(SlideContext *s)
{
    event_booth_paint_find(s->p, s->content, s->plan, s->slide);
}

static void paint_event_agenda(SlideContext *s)
{
    event_booth_paint_agenda(s->p, s->content, s->plan, s->slide);
}

/* ---- The cooperation timeline (timeline.c) ------------------------------------------------------ */

static void paint_timeline(SlideContext *s)
{
    timeline_paint(s->p, s->content, s->plan, s->slide);
}

/* ---- dispatch ------------------------------------------------------------------------------------ */

typedef void (*SlidePainter)(SlideContext *s);

static const SlidePainter SLIDE_PAINTERS[SLIDE_KIND_COUNT] = {
    [SLIDE_VISION] = paint_vision,
    [SLIDE_FIGURES] = paint_figures,
    [SLIDE_OBJECTIVES] = paint_objectives,
    [SLIDE_PROFILE] = paint_profile,
    [SLIDE_SERVICES] = paint_services,
    [SLIDE_WHY_PARTNER] = paint_why_partner,
    [SLIDE_MEMBERS] = paint_members,
    [SLIDE_MEMBER_DETAIL] = paint_member_detail,
    [SLIDE_STORIES] = paint_stories,
    [SLIDE_MISSIONS] = paint_missions,
    [SLIDE_PARTNERS] = paint_partners,
    [SLIDE_PROGRAMMES] = paint_programmes,
    [SLIDE_CONTACT] = paint_contact,
    [SLIDE_STORY_DETAIL] = paint_reading,
    [SLIDE_TEXT_DETAIL] = paint_reading,
    [SLIDE_EVENT_NOW] = paint_event_now,
    [SLIDE_EVENT_BOARD] = paint_event_board,
    [SLIDE_EVENT_FIND] = paint_event_find,
    [SLIDE_EVENT_AGENDA] = paint_event_agenda,
    [SLIDE_TIMELINE] = paint_timeline,
};

void slides_paint(Painter *p, const Content *content, const SlidePlan *plan, SectionId section,
                  const PlannedSlide *slide)
{
    paint_fill(p, (SDL_Rect){0, 0, p->m.w, p->m.h}, p->pal.background);
    SlideContext s = {p, content, plan, slide, section};
    if ((int)slide->kind >= 0 && slide->kind < SLIDE_KIND_COUNT && SLIDE_PAINTERS[slide->kind]) {
        SLIDE_PAINTERS[slide->kind](&s);
    }
    event_slides_paint_banner(p, content, plan);
}
