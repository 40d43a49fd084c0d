/* slides.c — slide templates; see slides.h. Start at slides_paint(): it paints the
 * background and header, then calls the template for the slide's kind from SLIDE_PAINTERS.
 * Templates share a few helpers: grid cells, cards, chips and labelled blocks. */
#include "render/slides.h"

#include "core/ui_text.h"
#include "render/chrome.h"
#include "render/members.h"
#include "render/picture.h"
#include "render/qr.h"
#include "render/reading.h"
#include "render/story.h"

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

static const UiText SECTION_TITLES[SECTION_COUNT] = {
    UI_SECTION_ABOUT, UI_SECTION_MEMBERS, UI_SECTION_STORIES, UI_SECTION_COOPERATION, UI_SECTION_CONTACT,
};

const char *slides_section_title(SectionId section, Lang lang)
{
    return (int)section >= 0 && section < SECTION_COUNT ? ui_text(SECTION_TITLES[section], lang) : "";
}

static const char *t(const SlideContext *s, const LocalText *text)
{
    return local_text(text, s->p->lang);
}

static const char *ui(const SlideContext *s, UiText id)
{
    return ui_text(id, s->p->lang);
}

static TextStyle style(FontWeight weight, int size, SDL_Color colour)
{
    return (TextStyle){.weight = weight, .size = size, .colour = colour};
}

/* ---- layout helpers ------------------------------------------------------------------- */

/* Cell i of a cols x rows grid filling area with gap between cells. */
static SDL_Rect grid_cell(SDL_Rect area, int cols, int rows, int i, int gap)
{
    int w = (area.w - (cols - 1) * gap) / cols;
    int h = (area.h - (rows - 1) * gap) / rows;
    return (SDL_Rect){area.x + (i % cols) * (w + gap), area.y + (i / cols) * (h + gap), w, h};
}

static SDL_Rect inset(SDL_Rect r, int by)
{
    return (SDL_Rect){r.x + by, r.y + by, r.w - 2 * by, r.h - 2 * by};
}

/* Takes height h off the top of *area and returns it. */
static SDL_Rect take_top(SDL_Rect *area, int h)
{
    h = h > area->h ? area->h : h;
    SDL_Rect top = {area->x, area->y, area->w, h};
    area->y += h;
    area->h -= h;
    return top;
}

static void card(Painter *p, SDL_Rect r)
{
    paint_round_rect(p, r, p->m.radius, p->pal.surface);
}

/* A small rounded label; returns its width. */
static int chip(Painter *p, const char *text, int x, int y, SDL_Color fill, SDL_Color ink)
{
    int size = p->m.size_small;
    int pad = size / 2;
    int w = paint_text_width(p, text, FONT_SEMIBOLD, size) + 2 * pad;
    int h = size * 3 / 2;
    paint_round_rect(p, (SDL_Rect){x, y, w, h}, h / 2, fill);
    TextStyle st = style(FONT_SEMIBOLD, size, ink);
    st.max_lines = 1;
    st.middle = true;
    st.line_height = 1.0f;
    st.align = ALIGN_CENTER;
    paint_text(p, text, (SDL_Rect){x, y, w, h}, st);
    return w;
}

static void accent_bar(Painter *p, int x, int y, int h)
{
    int w = p->m.size_small / 4 > 3 ? p->m.size_small / 4 : 3;
    paint_round_rect(p, (SDL_Rect){x, y, w, h}, w / 2, p->pal.accent);
}

/* ---- texts that may not fit: "Read more" ------------------------------------------------- */

enum { MAX_CARDS = 16 }; /* neighbouring cards sharing one text size */

/* A tap on target opens the block (a text of this slide, see render/reading.h) whole. */
static void openable(Painter *p, SDL_Rect target, int block)
{
    paint_hit(p, target, (DeckCommand){.kind = DECK_CMD_OPEN_DETAIL, .arg.index = block});
}

/* Paints text in box. When it must be cut (body text never shrinks below 2.5 % of the
 * screen height) it ends with "Read more" and a tap on target opens block whole: only a
 * shortened text makes its card tappable. Returns the height used; *cut may be NULL. */
static int readable(SlideContext *s, const char *text, SDL_Rect box, TextStyle st, int block, SDL_Rect target,
                    bool *cut)
{
    Painter *p = s->p;
    bool was_cut = false;
    st.more = true;
    int used = paint_text_cut(p, text, box, st, &was_cut);
    if (was_cut) {
        if (used == 0) {
            paint_more_mark(p, box.x, box.y, st.size, box.w);
        }
        openable(p, target, block);
    }
    if (cut) {
        *cut = was_cut;
    }
    return used;
}

/* st set in the one size that texts[0..n) share in boxes[0..n): neighbouring cards never
 * end up in sizes of their own (paint_shared_size), and none shrinks further. */
static TextStyle shared_style(SlideContext *s, const char *const *texts, const SDL_Rect *boxes, size_t n, TextStyle st)
{
    int size = paint_shared_size(s->p, texts, boxes, n, st);
    st.size = size;
    st.min_size = size;
    return st;
}

/* A label (muted, small) above a body text in style body; returns the height used. The
 * body text is readable(): cut with "Read more", target opens block. */
static int labelled_block(SlideContext *s, const char *label, const char *text, SDL_Rect box, TextStyle body,
                          int block, SDL_Rect target)
{
    Painter *p = s->p;
    int used = paint_text(p, label, box, style(FONT_SEMIBOLD, p->m.size_small, p->pal.accent));
    used += p->m.size_small / 3;
    SDL_Rect rest = {box.x, box.y + used, box.w, box.h - used};
    return used + readable(s, text, rest, body, block, target, NULL);
}

/* A label (muted, small) above a body text; returns the height used. */
static int labelled(Painter *p, const char *label, const char *text, SDL_Rect box)
{
    int used = paint_text(p, label, box, style(FONT_SEMIBOLD, p->m.size_small, p->pal.accent));
    used += p->m.size_small / 3;
    SDL_Rect rest = {box.x, box.y + used, box.w, box.h - used};
    return used + paint_text(p, text, rest, style(FONT_REGULAR, p->m.size_body, p->pal.text));
}

/* Slides the chrome gives a Back button (top left of the top row): the detail pages. */
static bool has_back(SlideKind kind)
{
    return kind == SLIDE_MEMBER_DETAIL || kind == SLIDE_STORY_DETAIL || kind == SLIDE_TEXT_DETAIL;
}

/* The box below a label in box (as labelled_block lays it out). */
static SDL_Rect below_label(const Painter *p, SDL_Rect box)
{
    int used = p->m.size_small * 5 / 4 + p->m.size_small / 3;
    return (SDL_Rect){box.x, box.y + used, box.w, box.h - used};
}

static void header(SlideContext *s, const char *eyebrow, const char *title)
{
    Painter *p = s->p;
    SDL_Rect area = p->m.header;
    SDL_Rect top = take_top(&area, p->m.header_row);
    TextStyle eyebrow_style = style(FONT_SEMIBOLD, p->m.size_eyebrow, p->pal.accent);
    eyebrow_style.max_lines = 1;
    eyebrow_style.middle = true;
    /* In landscape the eyebrow shares the chrome's top row: leave its right third to the
     * language switch (and the brand lockup), and its left end to Back. */
    if (!p->m.portrait) {
        top.h = top.h < p->m.target ? top.h : p->m.target; /* centred on the row's buttons */
        top.w -= p->m.w / 3;
        if (has_back(s->slide->kind)) {
            int back = chrome_back_width(p, p->lang) + p->m.gap;
            top.x += back;
            top.w -= back;
        }
    }
    paint_text(p, eyebrow, top, eyebrow_style);
    TextStyle title_style = style(FONT_BOLD, p->m.size_title, p->pal.text);
    title_style.max_lines = 2;
    title_style.line_height = 1.1f;
    paint_text(p, title, area, title_style);
}

void slides_header(Painter *p, const PlannedSlide *slide, const char *eyebrow, const char *title)
{
    SlideContext s = {.p = p, .slide = slide};
    header(&s, eyebrow, title);
}

int slides_chip(Painter *p, const char *text, int x, int y, SDL_Color fill, SDL_Color ink)
{
    return chip(p, text, x, y, fill, ink);
}

/* ---- About ------------------------------------------------------------------------------ */

static void paint_vision(SlideContext *s)
{
    Painter *p = s->p;
    const Organisation *org = &s->content->organisation;
    header(s, ui(s, UI_VISION), t(s, &org->name));
    SDL_Rect area = p->m.body;
    int bar_x = area.x;
    area.x += p->m.gap * 2;
    area.w -= p->m.gap * 2;
    char founded[64];
    char line[256];
    ui_format_date(org->founded, p->lang, founded, sizeof founded);
    snprintf(line, sizeof line, "%s %s  ·  %s", ui(s, UI_FOUNDED), founded, t(s, &org->city));
    TextStyle facts_style = style(FONT_REGULAR, p->m.size_body, p->pal.muted);
    /* One line where it fits, two on a narrow screen: never cut. */
    int facts_h = paint_text_height(p, line, area.w, facts_style);
    facts_h = facts_h > p->m.size_body * 2 ? facts_h : p->m.size_body * 2;
    SDL_Rect facts = {area.x, area.y + area.h - facts_h, area.w, facts_h};
    SDL_Rect quote = {area.x, area.y, area.w * (p->m.portrait ? 1 : 5) / (p->m.portrait ? 1 : 6), facts.y - area.y - p->m.gap};
    TextStyle quote_style = style(FONT_SEMIBOLD, p->m.size_quote, p->pal.text);
    quote_style.line_height = 1.3f;
    quote_style.middle = true;
    int used = readable(s, t(s, &org->vision), quote, quote_style, 0, quote, NULL);
    accent_bar(p, bar_x, quote.y + (quote.h - used) / 2, used);
    paint_text(p, line, facts, facts_style);
}

static void paint_figures(SlideContext *s)
{
    Painter *p = s->p;
    header(s, slides_section_title(SECTION_ABOUT, p->lang), ui(s, UI_KEY_FIGURES));
    int count = s->slide->count < MAX_CARDS ? s->slide->count : MAX_CARDS;
    int cols = p->m.portrait ? 2 : (count < 4 ? count : 4);
    cols = cols < 1 ? 1 : cols;
    int rows = (count + cols - 1) / cols;
    SDL_Rect area = p->m.body;
    int cell_h = p->m.size_figure * 2 + p->m.size_body * 4;
    if (rows * cell_h + (rows - 1) * p->m.gap < area.h) {
        area.y += (area.h - rows * cell_h - (rows - 1) * p->m.gap) / 2;
        area.h = rows * cell_h + (rows - 1) * p->m.gap;
    }
    const char *labels[MAX_CARDS] = {NULL};
    SDL_Rect boxes[MAX_CARDS];
    for (int i = 0; i < count; i++) {
        int index = plan_item(s->plan, PLAN_FIGURES, s->slide->first + i);
        SDL_Rect inner = inset(grid_cell(area, cols, rows, i, p->m.gap), p->m.gap);
        take_top(&inner, p->m.size_figure * 3 / 2 + p->m.gap / 2);
        boxes[i] = inner;
        labels[i] = index >= 0 ? t(s, &s->content->figures[index].label) : NULL;
    }
    TextStyle label = shared_style(s, labels, boxes, (size_t)count, style(FONT_REGULAR, p->m.size_body, p->pal.text));
    for (int i = 0; i < count; i++) {
        int index = plan_item(s->plan, PLAN_FIGURES, s->slide->first + i);
        if (index < 0) {
            continue;
        }
        const Figure *figure = &s->content->figures[index];
        SDL_Rect cell = grid_cell(area, cols, rows, i, p->m.gap);
        card(p, cell);
        SDL_Rect inner = inset(cell, p->m.gap);
        TextStyle value = style(FONT_BOLD, p->m.size_figure, p->pal.accent);
        value.max_lines = 1;
        value.min_size = p->m.size_figure / 2;
        paint_text(p, t(s, &figure->value), take_top(&inner, p->m.size_figure * 3 / 2), value);
        readable(s, labels[i], boxes[i], label, i, cell, NULL);
    }
}

static void paint_objectives(SlideContext *s)
{
    Painter *p = s->p;
    header(s, slides_section_title(SECTION_ABOUT, p->lang), ui(s, UI_OBJECTIVES));
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
    TextStyle body = style(FONT_REGULAR, p->m.size_body, p->pal.text);
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
    body = shared_style(s, texts, boxes, (size_t)count, body);
    for (int n = 0; n < count; n++) {
        SDL_Rect row = {area.x, boxes[n].y, area.w, row_h};
        paint_circle(p, row.x + badge / 2, row.y + row.h / 2, badge / 2, p->pal.accent);
        char number[16];
        snprintf(number, sizeof number, "%d", n + 1);
        TextStyle digit = style(FONT_BOLD, p->m.size_heading, p->pal.accent_text);
        digit.align = ALIGN_CENTER;
        digit.middle = true;
        digit.max_lines = 1;
        digit.line_height = 1.0f;
        paint_text(p, number, (SDL_Rect){row.x, row.y + row.h / 2 - badge / 2, badge, badge}, digit);
        readable(s, texts[n], boxes[n], body, n, row, NULL);
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
    header(s, slides_section_title(SECTION_ABOUT, p->lang), ui(s, UI_PROFILE));
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
        SDL_Rect cell = grid_cell(p->m.body, cols, rows, i, p->m.gap);
        cells[i] = (SDL_Rect){cell.x + p->m.gap, cell.y, cell.w - p->m.gap, cell.h};
        boxes[i] = below_label(p, cells[i]);
        bodies[i] = texts[i];
    }
    TextStyle body = shared_style(s, bodies, boxes, (size_t)present, style(FONT_REGULAR, p->m.size_body, p->pal.text));
    for (int i = 0; i < present; i++) {
        accent_bar(p, cells[i].x - p->m.gap, cells[i].y, p->m.size_small * 3 / 2);
        labelled_block(s, ui(s, groups[kinds[i]].label), texts[i], cells[i], body, i, cells[i]);
    }
    free(texts);
}

static void paint_services(SlideContext *s)
{
    Painter *p = s->p;
    header(s, slides_section_title(SECTION_ABOUT, p->lang), ui(s, UI_SERVICES));
    SDL_Rect area = p->m.body;
    SDL_Rect left = area;
    SDL_Rect right = area;
    if (p->m.portrait) {
        left.h = area.h * 2 / 5;
        right.y = left.y + left.h + p->m.gap;
        right.h = area.h - left.h - p->m.gap;
    } else {
        left.w = area.w * 2 / 5;
        right.x = left.x + left.w + p->m.gap * 2;
        right.w = area.w - left.w - p->m.gap * 2;
    }
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
    if (detail_count == 0) {
        left = area; /* no "In practice" column with nothing in it */
    }
    /* Blocks (reading.c): the services first, then the details. */
    int services_total = 0;
    for (size_t i = 0; i < s->content->about_item_count; i++) {
        services_total += s->content->about_items[i].kind == ABOUT_SERVICE;
    }
    SDL_Rect boxes[MAX_CARDS];
    for (int n = 0; n < service_count; n++) {
        boxes[n] = inset(grid_cell(left, 1, service_count, n, p->m.gap / 2), p->m.gap);
    }
    TextStyle st = style(FONT_SEMIBOLD, p->m.size_body, p->pal.text);
    st.middle = true;
    st = shared_style(s, services, boxes, (size_t)service_count, st);
    for (int n = 0; n < service_count; n++) {
        SDL_Rect cell = grid_cell(left, 1, service_count, n, p->m.gap / 2);
        card(p, cell);
        readable(s, services[n], boxes[n], st, n, cell, NULL);
    }
    if (detail_count == 0) {
        return;
    }
    SDL_Rect label = take_top(&right, p->m.size_small * 2);
    paint_text(p, ui(s, UI_SERVICE_DETAILS), label, style(FONT_SEMIBOLD, p->m.size_small, p->pal.accent));
    /* The text clear of its bullet by half a line. */
    int indent = p->m.size_small + p->m.gap / 2;
    for (int n = 0; n < detail_count; n++) {
        SDL_Rect row = grid_cell(right, 1, detail_count, n, p->m.gap / 3);
        boxes[n] = (SDL_Rect){row.x + indent, row.y, row.w - indent, row.h};
    }
    TextStyle dt = shared_style(s, details, boxes, (size_t)detail_count, style(FONT_REGULAR, p->m.size_body, p->pal.text));
    for (int n = 0; n < detail_count; n++) {
        SDL_Rect row = grid_cell(right, 1, detail_count, n, p->m.gap / 3);
        paint_circle(p, row.x + p->m.size_small / 3, row.y + dt.size * 2 / 3, p->m.size_small / 4, p->pal.accent);
        readable(s, details[n], boxes[n], dt, services_total + n, row, NULL);
    }
}

static void paint_why_partner(SlideContext *s)
{
    Painter *p = s->p;
    const Organisation *org = &s->content->organisation;
    header(s, slides_section_title(SECTION_ABOUT, p->lang), ui(s, UI_WHY_PARTNER));
    SDL_Rect area = p->m.body;
    bool has_plan = !local_text_empty(&org->action_plan);
    SDL_Rect main = area;
    if (has_plan) {
        main.h = area.h * 13 / 20;
    }
    TextStyle quote = style(FONT_REGULAR, p->m.size_heading, p->pal.text);
    quote.line_height = 1.35f;
    quote.min_size = p->m.size_body;
    SDL_Rect quote_box = {main.x + p->m.gap * 2, main.y, main.w - p->m.gap * 2, main.h};
    int used = readable(s, t(s, &org->why_partner), quote_box, quote, 0, main, NULL);
    accent_bar(p, main.x, main.y, used);
    if (has_plan) {
        SDL_Rect plan_box = {area.x + p->m.gap * 2, main.y + main.h + p->m.gap, area.w - p->m.gap * 2,
                             area.h - main.h - p->m.gap};
        SDL_Rect plan_card = {area.x, plan_box.y - p->m.gap / 2, area.w, plan_box.h + p->m.gap / 2};
        card(p, plan_card);
        labelled_block(s, ui(s, UI_ACTION_PLAN), t(s, &org->action_plan), inset(plan_box, p->m.gap / 2),
                       style(FONT_REGULAR, p->m.size_body, p->pal.text), 1, plan_card);
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

static StoryCard story_card(SlideContext *s, const Story *story, SDL_Rect cell, int photo_h)
{
    Painter *p = s->p;
    StoryCard c = {.story = story, .cell = cell};
    SDL_Rect inner = inset(cell, p->m.gap);
    c.photo_h = story && story->photo ? photo_h : 0;
    if (c.photo_h) {
        take_top(&inner, c.photo_h + p->m.gap / 2);
    }
    c.chip_h = story && story->years ? p->m.size_small * 3 / 2 + p->m.gap * 2 / 3 : 0;
    take_top(&inner, c.chip_h);
    c.title = inner;
    return c;
}

static void paint_stories(SlideContext *s)
{
    Painter *p = s->p;
    header(s, slides_section_title(SECTION_STORIES, p->lang), ui(s, UI_ACHIEVEMENTS));
    PlanCapacity capacity = plan_capacity(p->m.portrait);
    int cols = p->m.portrait ? 1 : capacity.stories;
    int rows = p->m.portrait ? capacity.stories : 1;
    int count = s->slide->count < MAX_CARDS ? s->slide->count : MAX_CARDS;
    SDL_Rect area = p->m.body;
    SDL_Rect first = grid_cell(area, cols, rows, 0, p->m.gap);
    int photo_h = (first.h - 2 * p->m.gap) / (p->m.portrait ? 4 : 3);
    TextStyle title = style(FONT_SEMIBOLD, p->m.size_heading, p->pal.text);
    title.max_lines = 3;
    title.line_height = 1.15f;
    TextStyle place = style(FONT_REGULAR, p->m.size_small, p->pal.muted);
    place.max_lines = 2;
    TextStyle body = style(FONT_REGULAR, p->m.size_body, p->pal.text);
    const Story *stories[MAX_CARDS] = {NULL};
    const char *titles[MAX_CARDS] = {NULL};
    const char *bodies[MAX_CARDS] = {NULL};
    SDL_Rect boxes[MAX_CARDS];
    StoryCard cards[MAX_CARDS];
    /* Cards as tall as the longest story needs, up to the height there is (portrait: more
     * lines a card, two cards a page). */
    int needed = 0;
    for (int i = 0; i < count; i++) {
        int index = plan_item(s->plan, PLAN_STORIES, s->slide->first + i);
        stories[i] = index >= 0 ? &s->content->stories[index] : NULL;
        titles[i] = stories[i] ? t(s, &stories[i]->title) : NULL;
        bodies[i] = stories[i] ? t(s, &stories[i]->body) : NULL;
        StoryCard c = story_card(s, stories[i], first, photo_h);
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
        cards[i] = story_card(s, stories[i], grid_cell(area, cols, rows, i, p->m.gap), photo_h);
        boxes[i] = cards[i].title;
    }
    title = shared_style(s, titles, boxes, (size_t)count, title);
    /* The bodies' boxes: below each title at the shared size, and its place. */
    for (int i = 0; i < count; i++) {
        SDL_Rect rest = cards[i].title;
        take_top(&rest, paint_text_height(p, titles[i], rest.w, title) + p->m.gap / 3);
        int place_h = paint_text_height(p, stories[i] ? t(s, &stories[i]->place) : NULL, rest.w, place);
        take_top(&rest, place_h + (place_h ? p->m.gap / 2 : 0));
        boxes[i] = rest;
    }
    body = shared_style(s, bodies, boxes, (size_t)count, body);
    for (int i = 0; i < count; i++) {
        const Story *story = stories[i];
        if (!story) {
            continue;
        }
        StoryCard *c = &cards[i];
        card(p, c->cell);
        SDL_Rect inner = inset(c->cell, p->m.gap);
        if (c->photo_h) {
            paint_picture(p, story->photo, take_top(&inner, c->photo_h));
            take_top(&inner, p->m.gap / 2);
        }
        if (story->years) { /* a story may have no year: then none is shown */
            chip(p, story->years, inner.x, inner.y, p->pal.accent, p->pal.accent_text);
            take_top(&inner, c->chip_h);
        }
        bool cut = false;
        bool part_cut = false;
        int used = paint_text_cut(p, titles[i], inner, title, &cut);
        take_top(&inner, used + p->m.gap / 3);
        used = paint_text_cut(p, t(s, &story->place), inner, place, &part_cut);
        cut = cut || part_cut;
        take_top(&inner, used + (used ? p->m.gap / 2 : 0));
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
        if (cut || part_cut) {
            /* Only a story that could not be told whole here opens its page. */
            openable(p, c->cell, s->slide->first + i);
        }
    }
}

/* ---- Cooperation ------------------------------------------------------------------------------ */

static void paint_missions(SlideContext *s)
{
    Painter *p = s->p;
    header(s, slides_section_title(SECTION_COOPERATION, p->lang), ui(s, UI_TRADE_MISSIONS));
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
        SDL_Rect inner = inset(grid_cell(list, 1, count, i, p->m.gap / 2), p->m.gap * 2 / 3);
        int chip_w = paint_text_width(p, ui(s, UI_MISSION_TRADE), FONT_SEMIBOLD, p->m.size_small) + p->m.size_small;
        int x = inner.x + (chip_w > fixed_chip ? chip_w : fixed_chip) + p->m.gap;
        boxes[i] = (SDL_Rect){x, inner.y, inner.x + inner.w - x, inner.h};
    }
    TextStyle st = style(FONT_SEMIBOLD, p->m.size_body, p->pal.text);
    st.middle = true;
    st = shared_style(s, texts, boxes, (size_t)count, st);
    for (int i = 0; i < count; i++) {
        int index = plan_item(s->plan, PLAN_MISSIONS, s->slide->first + i);
        if (index < 0) {
            continue;
        }
        const Mission *mission = &s->content->missions[index];
        SDL_Rect row = grid_cell(list, 1, count, i, p->m.gap / 2);
        card(p, row);
        SDL_Rect inner = inset(row, p->m.gap * 2 / 3);
        int chip_w = chip(p, ui(s, mission->kind == MISSION_B2B_MEETING ? UI_MISSION_B2B : UI_MISSION_TRADE), inner.x,
                          inner.y + (inner.h - p->m.size_small * 3 / 2) / 2, p->pal.accent, p->pal.accent_text);
        int x = inner.x + (chip_w > fixed_chip ? chip_w : fixed_chip) + p->m.gap;
        SDL_Rect text = {x, inner.y, inner.x + inner.w - x, inner.h};
        readable(s, texts[i], text, st, i, row, NULL);
    }
    free(lines);
    if (targets) {
        SDL_Rect box = side;
        SDL_Rect label = take_top(&box, p->m.size_small * 2);
        paint_text(p, ui(s, UI_TARGET_COUNTRIES), label, style(FONT_SEMIBOLD, p->m.size_small, p->pal.accent));
        int n = 0;
        for (size_t i = 0; i < s->content->country_count; i++) {
            const Country *country = &s->content->countries[i];
            if (country->target == CHOICE_NONE) {
                continue;
            }
            SDL_Rect cell = p->m.portrait ? grid_cell(box, targets, 1, n++, p->m.gap) : grid_cell(box, 1, targets > 3 ? targets : 3, n++, p->m.gap);
            card(p, cell);
            SDL_Rect inner = inset(cell, p->m.gap * 2 / 3);
            TextStyle name = style(FONT_SEMIBOLD, p->m.size_heading, p->pal.text);
            name.max_lines = 1;
            int used = paint_text(p, t(s, &country->name), inner, name);
            inner.y += used + p->m.gap / 4;
            inner.h -= used + p->m.gap / 4;
            paint_text(p, ui(s, country->target == COUNTRY_TARGET_TRANSNATIONAL ? UI_TARGET_TRANSNATIONAL : UI_TARGET_INTERNATIONAL),
                       inner, style(FONT_REGULAR, p->m.size_small, p->pal.muted));
        }
    }
}

static void paint_partners(SlideContext *s)
{
    Painter *p = s->p;
    header(s, slides_section_title(SECTION_COOPERATION, p->lang), ui(s, UI_PARTNER_CLUSTERS));
    int count = (int)s->content->partner_cluster_count < MAX_CARDS ? (int)s->content->partner_cluster_count : MAX_CARDS;
    int cols = p->m.portrait ? 1 : (count > 4 ? 3 : 2);
    int rows = (count + cols - 1) / cols;
    SDL_Rect area = p->m.body;
    int max_row_h = p->m.size_heading * 4;
    if (rows * max_row_h + (rows - 1) * p->m.gap < area.h) {
        area.h = rows * max_row_h + (rows - 1) * p->m.gap;
    }
    const char *names[MAX_CARDS];
    SDL_Rect boxes[MAX_CARDS];
    for (int i = 0; i < count; i++) {
        SDL_Rect inner = inset(grid_cell(area, cols, rows, i, p->m.gap), p->m.gap);
        boxes[i] = (SDL_Rect){inner.x + p->m.gap / 2, inner.y, inner.w - p->m.gap / 2, inner.h};
        names[i] = s->content->partner_clusters[i].name;
    }
    TextStyle name = style(FONT_SEMIBOLD, p->m.size_heading, p->pal.text);
    name.max_lines = 2;
    name = shared_style(s, names, boxes, (size_t)count, name);
    for (int i = 0; i < count; i++) {
        const PartnerCluster *cluster = &s->content->partner_clusters[i];
        SDL_Rect cell = grid_cell(area, cols, rows, i, p->m.gap);
        card(p, cell);
        SDL_Rect inner = boxes[i];
        accent_bar(p, cell.x + p->m.gap / 2, inner.y, inner.h);
        int used = readable(s, cluster->name, inner, name, i, cell, NULL);
        if (cluster->country) {
            paint_text(p, t(s, &cluster->country->name),
                       (SDL_Rect){inner.x, inner.y + used + p->m.gap / 4, inner.w, inner.h - used},
                       style(FONT_REGULAR, p->m.size_body, p->pal.muted));
        }
    }
}

static void paint_programmes(SlideContext *s)
{
    Painter *p = s->p;
    header(s, slides_section_title(SECTION_COOPERATION, p->lang), ui(s, UI_PROGRAMMES));
    int cols = p->m.portrait ? 1 : 2;
    PlanCapacity capacity = plan_capacity(p->m.portrait);
    int rows = (capacity.programmes + cols - 1) / cols;
    int count = s->slide->count < MAX_CARDS ? s->slide->count : MAX_CARDS;
    const char *names[MAX_CARDS] = {NULL};
    SDL_Rect boxes[MAX_CARDS];
    int chip_row = p->m.size_small * 3 / 2 + p->m.gap / 2;
    int funder_h = p->m.size_small * 5 / 2;
    for (int i = 0; i < count; i++) {
        int index = plan_item(s->plan, PLAN_PROGRAMMES, s->slide->first + i);
        SDL_Rect inner = inset(grid_cell(p->m.body, cols, rows, i, p->m.gap), p->m.gap * 3 / 4);
        take_top(&inner, chip_row);
        inner.h -= funder_h + p->m.gap / 4;
        boxes[i] = inner;
        names[i] = index >= 0 ? t(s, &s->content->programmes[index].name) : NULL;
    }
    TextStyle name = shared_style(s, names, boxes, (size_t)count, style(FONT_SEMIBOLD, p->m.size_body, p->pal.text));
    for (int i = 0; i < count; i++) {
        int index = plan_item(s->plan, PLAN_PROGRAMMES, s->slide->first + i);
        if (index < 0) {
            continue;
        }
        const Programme *programme = &s->content->programmes[index];
        SDL_Rect cell = grid_cell(p->m.body, cols, rows, i, p->m.gap);
        card(p, cell);
        SDL_Rect inner = inset(cell, p->m.gap * 3 / 4);
        int w = chip(p, programme->years, inner.x, inner.y, p->pal.accent, p->pal.accent_text);
        chip(p, ui(s, programme->scope == PROGRAMME_INTERNATIONAL ? UI_SCOPE_INTERNATIONAL : UI_SCOPE_NATIONAL),
             inner.x + w + p->m.gap / 2, inner.y, p->pal.line, p->pal.text);
        take_top(&inner, chip_row);
        SDL_Rect funder = {inner.x, inner.y + inner.h - funder_h, inner.w, funder_h};
        bool cut = false;
        readable(s, names[i], boxes[i], name, i, cell, &cut);
        TextStyle funder_style = style(FONT_REGULAR, p->m.size_small, p->pal.muted);
        funder_style.max_lines = 2;
        funder_style.more = true;
        bool funder_cut = false;
        paint_text_cut(p, t(s, &programme->funder), funder, funder_style, &funder_cut);
        if (funder_cut && !cut) {
            openable(p, cell, i); /* the name fits, but not who funds it */
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

static void paint_contact(SlideContext *s)
{
    Painter *p = s->p;
    const Organisation *org = &s->content->organisation;
    header(s, slides_section_title(SECTION_CONTACT, p->lang), t(s, &org->name));
    SDL_Rect area = p->m.body;
    int count = (int)s->content->contact_count;
    char network[1024];
    join_items(s, ABOUT_NETWORK, network, sizeof network);
    int card_h = p->m.size_heading * 3 + p->m.size_body * 6 + p->m.gap * 2;
    int cards = count > 0 ? count : 1;
    SDL_Rect left = area;
    if (!p->m.portrait) {
        left.w = area.w * 2 / 5;
    } else {
        /* Half for the organisation's facts, so its networks line has room to wrap (the
         * contact cards below need less than the other half). */
        left.h = area.h / 2;
    }
    int facts_h = left.h; /* left shrinks as the facts fill it */
    char founded[64];
    ui_format_date(org->founded, p->lang, founded, sizeof founded);
    TextStyle big = style(FONT_BOLD, p->m.size_figure * 2 / 3, p->pal.accent);
    big.max_lines = 1;
    int used = paint_text(p, org->short_name, left, big);
    take_top(&left, used + p->m.gap);
    used = labelled(p, ui(s, UI_CITY), t(s, &org->city), left);
    take_top(&left, used + p->m.gap);
    used = labelled(p, ui(s, UI_FOUNDED), founded, left);
    take_top(&left, used + p->m.gap);
    if (network[0]) {
        labelled(p, ui(s, UI_NETWORKS), network, left);
    }
    SDL_Rect right = area;
    if (!p->m.portrait) {
        right.x = area.x + area.w * 2 / 5 + p->m.gap * 2;
        right.w = area.w - (right.x - area.x);
    } else {
        right.y = area.y + facts_h + p->m.gap;
        right.h = area.h - (right.y - area.y);
    }
    if (cards * card_h < right.h) {
        right.h = cards * card_h;
    }
    if (count == 0) {
        /* No contact in the pack: still say where to find the team. */
        card(p, right);
        TextStyle booth = style(FONT_SEMIBOLD, p->m.size_heading, p->pal.accent);
        booth.middle = true;
        paint_text(p, ui(s, UI_TALK_TO_US), inset(right, p->m.gap), booth);
        return;
    }
    for (int i = 0; i < count; i++) {
        const Contact *contact = &s->content->contacts[i];
        SDL_Rect cell = grid_cell(right, 1, count, i, p->m.gap);
        card(p, cell);
        SDL_Rect inner = inset(cell, p->m.gap);
        char vcard[1024];
        contact_vcard(s, contact, vcard, sizeof vcard);
        int caption_h = p->m.size_small * 3 / 2;
        int qr_room = inner.h - caption_h;
        int qr_side = vcard[0] ? (qr_room < inner.w / 3 ? qr_room : inner.w / 3) : 0;
        if (qr_side) {
            SDL_Rect qr = {inner.x + inner.w - qr_side, inner.y, qr_side, qr_side};
            paint_qr(p, vcard, qr);
            inner.w -= qr_side + p->m.gap;
        }
        TextStyle role = style(FONT_SEMIBOLD, p->m.size_heading, p->pal.text);
        used = paint_text(p, t(s, &contact->role), inner, role);
        take_top(&inner, used + p->m.gap / 3);
        /* Where to meet the team stands out: the pack's words, or the kiosk's own when the
         * contact gives no phone, e-mail or web address (never a dead end at a fair). */
        const char *meet = t(s, &contact->meet);
        if (!meet[0] && !reading_contact_reachable(contact)) {
            meet = ui(s, UI_TALK_TO_US);
        }
        TextStyle meet_style = style(FONT_SEMIBOLD, p->m.size_body, p->pal.accent);
        int meet_h = meet[0] ? paint_text_height(p, meet, inner.w, meet_style) : 0;
        meet_h = meet_h < inner.h / 2 ? meet_h : inner.h / 2;
        const char *details[] = {contact->name, t(s, &contact->address), contact->email, contact->phone, contact->web};
        char text[1024] = "";
        size_t length = 0;
        for (size_t d = 0; d < sizeof details / sizeof details[0]; d++) {
            if (details[d] && details[d][0] && length < sizeof text) {
                length += (size_t)snprintf(text + length, sizeof text - length, "%s%s", length ? "\n" : "", details[d]);
            }
        }
        SDL_Rect details_box = {inner.x, inner.y, inner.w, inner.h - (meet_h ? meet_h + p->m.gap / 3 : 0)};
        used = readable(s, text, details_box, style(FONT_REGULAR, p->m.size_body, p->pal.muted), i, cell, NULL);
        if (meet_h) {
            SDL_Rect meet_box = {inner.x, inner.y + used + (used ? p->m.gap / 3 : 0), inner.w, meet_h};
            readable(s, meet, meet_box, meet_style, i, cell, NULL);
        }
        if (qr_side) {
            TextStyle caption = style(FONT_REGULAR, p->m.size_small, p->pal.muted);
            caption.align = ALIGN_RIGHT;
            paint_text(p, ui(s, UI_SCAN_TO_SAVE),
                       (SDL_Rect){cell.x, cell.y + p->m.gap + qr_side + p->m.size_small / 4, cell.w - p->m.gap, caption_h},
                       caption);
        }
    }
}

/* ---- Reading pages (story.c) ---------------------------------------------------------------------- */

static void paint_reading(SlideContext *s)
{
    /* Painted once at the top; the screen scrolls it (screen.c, story_paint with a reader). */
    story_paint(s->p, NULL, s->content, s->plan, s->slide, (SlideRef){s->section, 0, -1}, 0.0f);
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
};

void slides_paint(Painter *p, const Content *content, const SlidePlan *plan, SectionId section,
                  const PlannedSlide *slide)
{
    paint_fill(p, (SDL_Rect){0, 0, p->m.w, p->m.h}, p->pal.background);
    SlideContext s = {p, content, plan, slide, section};
    if ((int)slide->kind >= 0 && slide->kind < SLIDE_KIND_COUNT && SLIDE_PAINTERS[slide->kind]) {
        SLIDE_PAINTERS[slide->kind](&s);
    }
}
