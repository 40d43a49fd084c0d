/* slides.c — slide templates; see slides.h. Start at slides_paint(): it paints the
 * background and header, then calls the template for the slide's kind from SLIDE_PAINTERS.
 * Templates share a few helpers: grid cells, cards, chips and labelled blocks. */
#include "render/slides.h"

#include "core/ui_text.h"
#include "render/members.h"
#include "render/picture.h"
#include "render/qr.h"

#include <stdio.h>
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

/* A label (muted, small) above a body text; returns the height used. */
static int labelled(Painter *p, const char *label, const char *text, SDL_Rect box)
{
    int used = paint_text(p, label, box, style(FONT_SEMIBOLD, p->m.size_small, p->pal.accent));
    used += p->m.size_small / 3;
    SDL_Rect rest = {box.x, box.y + used, box.w, box.h - used};
    return used + paint_text(p, text, rest, style(FONT_REGULAR, p->m.size_body, p->pal.text));
}

static void header(SlideContext *s, const char *eyebrow, const char *title)
{
    Painter *p = s->p;
    SDL_Rect area = p->m.header;
    SDL_Rect top = take_top(&area, p->m.size_eyebrow * 2);
    TextStyle eyebrow_style = style(FONT_SEMIBOLD, p->m.size_eyebrow, p->pal.accent);
    eyebrow_style.max_lines = 1;
    eyebrow_style.middle = true;
    /* Leave the top-right corner to the chrome (wordmark or language switch). */
    if (!p->m.portrait) {
        top.w -= p->m.w / 3;
    }
    paint_text(p, eyebrow, top, eyebrow_style);
    TextStyle title_style = style(FONT_BOLD, p->m.size_title, p->pal.text);
    title_style.max_lines = 2;
    title_style.line_height = 1.1f;
    paint_text(p, title, area, title_style);
}

void slides_header(Painter *p, const char *eyebrow, const char *title)
{
    SlideContext s = {.p = p};
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
    SDL_Rect facts = {area.x, area.y + area.h - p->m.size_body * 2, area.w, p->m.size_body * 2};
    SDL_Rect quote = {area.x, area.y, area.w * (p->m.portrait ? 1 : 5) / (p->m.portrait ? 1 : 6), facts.y - area.y - p->m.gap};
    TextStyle quote_style = style(FONT_SEMIBOLD, p->m.size_quote, p->pal.text);
    quote_style.line_height = 1.3f;
    quote_style.middle = true;
    int used = paint_text(p, t(s, &org->vision), quote, quote_style);
    accent_bar(p, bar_x, quote.y + (quote.h - used) / 2, used);
    char founded[64];
    char line[256];
    ui_format_date(org->founded, p->lang, founded, sizeof founded);
    snprintf(line, sizeof line, "%s %s  ·  %s", ui(s, UI_FOUNDED), founded, t(s, &org->city));
    paint_text(p, line, facts, style(FONT_REGULAR, p->m.size_body, p->pal.muted));
}

static void paint_figures(SlideContext *s)
{
    Painter *p = s->p;
    header(s, slides_section_title(SECTION_ABOUT, p->lang), ui(s, UI_KEY_FIGURES));
    int count = s->slide->count;
    int cols = p->m.portrait ? 2 : (count < 4 ? count : 4);
    cols = cols < 1 ? 1 : cols;
    int rows = (count + cols - 1) / cols;
    SDL_Rect area = p->m.body;
    int cell_h = p->m.size_figure * 2 + p->m.size_body * 4;
    if (rows * cell_h + (rows - 1) * p->m.gap < area.h) {
        area.y += (area.h - rows * cell_h - (rows - 1) * p->m.gap) / 2;
        area.h = rows * cell_h + (rows - 1) * p->m.gap;
    }
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
        int used = paint_text(p, t(s, &figure->value), take_top(&inner, p->m.size_figure * 3 / 2), value);
        (void)used;
        inner.y += p->m.gap / 2;
        inner.h -= p->m.gap / 2;
        paint_text(p, t(s, &figure->label), inner, style(FONT_REGULAR, p->m.size_body, p->pal.text));
    }
}

static void paint_objectives(SlideContext *s)
{
    Painter *p = s->p;
    header(s, slides_section_title(SECTION_ABOUT, p->lang), ui(s, UI_OBJECTIVES));
    int count = 0;
    for (size_t i = 0; i < s->content->about_item_count; i++) {
        count += s->content->about_items[i].kind == ABOUT_OBJECTIVE;
    }
    SDL_Rect area = p->m.body;
    int row_h = count ? (area.h - (count - 1) * p->m.gap / 2) / count : area.h;
    int max_row_h = p->m.size_body * 4;
    row_h = row_h > max_row_h ? max_row_h : row_h;
    int badge = p->m.size_heading * 2;
    int n = 0;
    for (size_t i = 0; i < s->content->about_item_count; i++) {
        const AboutItem *item = &s->content->about_items[i];
        if (item->kind != ABOUT_OBJECTIVE) {
            continue;
        }
        SDL_Rect row = {area.x, area.y + n * (row_h + p->m.gap / 2), area.w, row_h};
        n++;
        paint_circle(p, row.x + badge / 2, row.y + row.h / 2, badge / 2, p->pal.accent);
        char number[16];
        snprintf(number, sizeof number, "%d", n);
        TextStyle digit = style(FONT_BOLD, p->m.size_heading, p->pal.accent_text);
        digit.align = ALIGN_CENTER;
        digit.middle = true;
        digit.max_lines = 1;
        digit.line_height = 1.0f;
        paint_text(p, number, (SDL_Rect){row.x, row.y + row.h / 2 - badge / 2, badge, badge}, digit);
        TextStyle body = style(FONT_REGULAR, p->m.size_body, p->pal.text);
        body.middle = true;
        body.min_size = p->m.size_body * 4 / 5;
        paint_text(p, t(s, &item->text), (SDL_Rect){row.x + badge + p->m.gap, row.y, row.w - badge - p->m.gap, row.h},
                   body);
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
    static const struct {
        AboutKind kind;
        UiText label;
    } GROUPS[] = {
        {ABOUT_SECTOR, UI_SECTORS},         {ABOUT_SPECIALISATION, UI_SPECIALISATION},
        {ABOUT_TECHNOLOGY, UI_TECHNOLOGY},  {ABOUT_EMERGING_INDUSTRY, UI_EMERGING},
        {ABOUT_S3_PRIORITY, UI_S3_PRIORITIES}, {ABOUT_NETWORK, UI_NETWORKS},
    };
    int present = 0;
    char texts[6][1024];
    int kinds[6];
    for (size_t g = 0; g < sizeof GROUPS / sizeof GROUPS[0]; g++) {
        join_items(s, GROUPS[g].kind, texts[present], sizeof texts[present]);
        if (texts[present][0]) {
            kinds[present++] = (int)g;
        }
    }
    int cols = p->m.portrait ? 1 : 2;
    int rows = (present + cols - 1) / cols;
    rows = rows < 1 ? 1 : rows;
    for (int i = 0; i < present; i++) {
        SDL_Rect cell = inset(grid_cell(p->m.body, cols, rows, i, p->m.gap), 0);
        accent_bar(p, cell.x, cell.y, p->m.size_small * 3 / 2);
        labelled(p, ui(s, GROUPS[kinds[i]].label), texts[i],
                 (SDL_Rect){cell.x + p->m.gap, cell.y, cell.w - p->m.gap, cell.h});
    }
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
    int services = 0;
    int details = 0;
    for (size_t i = 0; i < s->content->about_item_count; i++) {
        services += s->content->about_items[i].kind == ABOUT_SERVICE;
        details += s->content->about_items[i].kind == ABOUT_SERVICE_DETAIL;
    }
    int n = 0;
    for (size_t i = 0; i < s->content->about_item_count && services; i++) {
        const AboutItem *item = &s->content->about_items[i];
        if (item->kind != ABOUT_SERVICE) {
            continue;
        }
        SDL_Rect cell = grid_cell(left, 1, services, n++, p->m.gap / 2);
        card(p, cell);
        TextStyle st = style(FONT_SEMIBOLD, p->m.size_body, p->pal.text);
        st.middle = true;
        paint_text(p, t(s, &item->text), inset(cell, p->m.gap), st);
    }
    SDL_Rect label = take_top(&right, p->m.size_small * 2);
    paint_text(p, ui(s, UI_SERVICE_DETAILS), label, style(FONT_SEMIBOLD, p->m.size_small, p->pal.accent));
    n = 0;
    for (size_t i = 0; i < s->content->about_item_count && details; i++) {
        const AboutItem *item = &s->content->about_items[i];
        if (item->kind != ABOUT_SERVICE_DETAIL) {
            continue;
        }
        SDL_Rect row = grid_cell(right, 1, details, n++, p->m.gap / 3);
        paint_circle(p, row.x + p->m.size_small / 3, row.y + p->m.size_body * 2 / 3, p->m.size_small / 4, p->pal.accent);
        TextStyle st = style(FONT_REGULAR, p->m.size_body, p->pal.text);
        st.min_size = p->m.size_body * 4 / 5;
        paint_text(p, t(s, &item->text), (SDL_Rect){row.x + p->m.gap, row.y, row.w - p->m.gap, row.h}, st);
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
    int used = paint_text(p, t(s, &org->why_partner), (SDL_Rect){main.x + p->m.gap * 2, main.y, main.w - p->m.gap * 2, main.h}, quote);
    accent_bar(p, main.x, main.y, used);
    if (has_plan) {
        SDL_Rect plan_box = {area.x + p->m.gap * 2, main.y + main.h + p->m.gap, area.w - p->m.gap * 2,
                             area.h - main.h - p->m.gap};
        card(p, (SDL_Rect){area.x, plan_box.y - p->m.gap / 2, area.w, plan_box.h + p->m.gap / 2});
        labelled(p, ui(s, UI_ACTION_PLAN), t(s, &org->action_plan), inset(plan_box, p->m.gap / 2));
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

static void paint_stories(SlideContext *s)
{
    Painter *p = s->p;
    header(s, slides_section_title(SECTION_STORIES, p->lang), ui(s, UI_ACHIEVEMENTS));
    PlanCapacity capacity = plan_capacity(p->m.portrait);
    int cols = p->m.portrait ? 1 : capacity.stories;
    int rows = p->m.portrait ? capacity.stories : 1;
    SDL_Rect area = p->m.body;
    if (!p->m.portrait) {
        /* Cards as tall as a story needs, not the whole screen. */
        int max_h = area.w / cols * 4 / 5;
        area.h = area.h < max_h ? area.h : max_h;
    }
    for (int i = 0; i < s->slide->count; i++) {
        int index = plan_item(s->plan, PLAN_STORIES, s->slide->first + i);
        if (index < 0) {
            continue;
        }
        const Story *story = &s->content->stories[index];
        SDL_Rect cell = grid_cell(area, cols, rows, i, p->m.gap);
        card(p, cell);
        SDL_Rect inner = inset(cell, p->m.gap);
        if (story->photo && !p->m.portrait) {
            SDL_Rect photo = take_top(&inner, inner.h / 3);
            paint_picture(p, story->photo, photo);
            inner.y += p->m.gap / 2;
            inner.h -= p->m.gap / 2;
        }
        chip(p, story->years, inner.x, inner.y, p->pal.accent, p->pal.accent_text);
        take_top(&inner, p->m.size_small * 3 / 2 + p->m.gap * 2 / 3);
        TextStyle title = style(FONT_SEMIBOLD, p->m.size_heading, p->pal.text);
        title.max_lines = 3;
        title.line_height = 1.15f;
        int used = paint_text(p, t(s, &story->title), inner, title);
        take_top(&inner, used + p->m.gap / 3);
        used = paint_text(p, t(s, &story->place), inner, style(FONT_REGULAR, p->m.size_small, p->pal.muted));
        take_top(&inner, used + (used ? p->m.gap / 2 : 0));
        paint_text(p, t(s, &story->body), inner, style(FONT_REGULAR, p->m.size_body, p->pal.text));
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
    int count = s->slide->count;
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
        int fixed_chip = p->m.w / (p->m.portrait ? 4 : 8);
        int x = inner.x + (chip_w > fixed_chip ? chip_w : fixed_chip) + p->m.gap;
        SDL_Rect text = {x, inner.y, inner.x + inner.w - x, inner.h};
        char line[512];
        const char *purpose = t(s, &mission->purpose);
        snprintf(line, sizeof line, "%s%s%s", t(s, &mission->destination), purpose[0] ? "  —  " : "", purpose);
        TextStyle st = style(FONT_SEMIBOLD, p->m.size_body, p->pal.text);
        st.middle = true;
        paint_text(p, line, text, st);
    }
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
    int count = (int)s->content->partner_cluster_count;
    int cols = p->m.portrait ? 1 : (count > 4 ? 3 : 2);
    int rows = (count + cols - 1) / cols;
    SDL_Rect area = p->m.body;
    int max_row_h = p->m.size_heading * 4;
    if (rows * max_row_h + (rows - 1) * p->m.gap < area.h) {
        area.h = rows * max_row_h + (rows - 1) * p->m.gap;
    }
    for (int i = 0; i < count; i++) {
        const PartnerCluster *cluster = &s->content->partner_clusters[i];
        SDL_Rect cell = grid_cell(area, cols, rows, i, p->m.gap);
        card(p, cell);
        SDL_Rect inner = inset(cell, p->m.gap);
        accent_bar(p, cell.x + p->m.gap / 2, inner.y, inner.h);
        inner.x += p->m.gap / 2;
        inner.w -= p->m.gap / 2;
        TextStyle name = style(FONT_SEMIBOLD, p->m.size_heading, p->pal.text);
        name.max_lines = 2;
        int used = paint_text(p, cluster->name, inner, name);
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
    for (int i = 0; i < s->slide->count; i++) {
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
        take_top(&inner, p->m.size_small * 3 / 2 + p->m.gap / 2);
        SDL_Rect funder = {inner.x, inner.y + inner.h - p->m.size_small * 5 / 2, inner.w, p->m.size_small * 5 / 2};
        inner.h -= funder.h + p->m.gap / 4;
        TextStyle name = style(FONT_SEMIBOLD, p->m.size_body, p->pal.text);
        name.min_size = p->m.size_body * 4 / 5;
        paint_text(p, t(s, &programme->name), inner, name);
        TextStyle funder_style = style(FONT_REGULAR, p->m.size_small, p->pal.muted);
        funder_style.max_lines = 2;
        paint_text(p, t(s, &programme->funder), funder, funder_style);
    }
}

/* ---- Contact ----------------------------------------------------------------------------------- */

/* A vCard of a contact's details for the QR code, or "" when it has none. */
static void contact_vcard(const SlideContext *s, const Contact *contact, char *out, size_t size)
{
    out[0] = '\0';
    if (!contact->email && !contact->phone && !contact->web) {
        return;
    }
    int n = snprintf(out, size, "BEGIN:VCARD\nVERSION:3.0\nFN:%s\nORG:%s\nTITLE:%s\n",
                     contact->name ? contact->name : local_text(&s->content->organisation.name, LANG_EN),
                     local_text(&s->content->organisation.name, LANG_EN), local_text(&contact->role, LANG_EN));
    size_t used = n > 0 ? (size_t)n : 0;
    if (contact->email && used < size) {
        used += (size_t)snprintf(out + used, size - used, "EMAIL:%s\n", contact->email);
    }
    if (contact->phone && used < size) {
        used += (size_t)snprintf(out + used, size - used, "TEL:%s\n", contact->phone);
    }
    if (contact->web && used < size) {
        used += (size_t)snprintf(out + used, size - used, "URL:%s\n", contact->web);
    }
    if (used < size) {
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
    SDL_Rect left = area;
    if (count > 0 && !p->m.portrait) {
        left.w = area.w * 2 / 5;
    } else if (count > 0) {
        left.h = area.h * 2 / 5;
    }
    char founded[64];
    char line[256];
    ui_format_date(org->founded, p->lang, founded, sizeof founded);
    TextStyle big = style(FONT_BOLD, p->m.size_figure * 2 / 3, p->pal.accent);
    big.max_lines = 1;
    int used = paint_text(p, org->short_name, left, big);
    take_top(&left, used + p->m.gap);
    used = labelled(p, ui(s, UI_CITY), t(s, &org->city), left);
    take_top(&left, used + p->m.gap);
    snprintf(line, sizeof line, "%s", founded);
    used = labelled(p, ui(s, UI_FOUNDED), line, left);
    take_top(&left, used + p->m.gap);
    if (network[0]) {
        labelled(p, ui(s, UI_NETWORKS), network, left);
    }
    SDL_Rect right = area;
    if (!p->m.portrait) {
        right.x = area.x + area.w * 2 / 5 + p->m.gap * 2;
        right.w = area.w - (right.x - area.x);
    } else {
        right.y = area.y + area.h * 2 / 5 + p->m.gap;
        right.h = area.h - (right.y - area.y);
    }
    int card_h = p->m.size_heading * 3 + p->m.size_body * 6 + p->m.gap * 2;
    if (count * card_h < right.h) {
        right.h = count * card_h;
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
        const char *details[] = {contact->name, t(s, &contact->address), contact->email, contact->phone, contact->web};
        char text[1024] = "";
        size_t length = 0;
        for (size_t d = 0; d < sizeof details / sizeof details[0]; d++) {
            if (details[d] && details[d][0] && length < sizeof text) {
                length += (size_t)snprintf(text + length, sizeof text - length, "%s%s", length ? "\n" : "", details[d]);
            }
        }
        paint_text(p, text, inner, style(FONT_REGULAR, p->m.size_body, p->pal.muted));
        if (qr_side) {
            TextStyle caption = style(FONT_REGULAR, p->m.size_small, p->pal.muted);
            caption.align = ALIGN_RIGHT;
            paint_text(p, ui(s, UI_SCAN_TO_SAVE),
                       (SDL_Rect){cell.x, cell.y + p->m.gap + qr_side + p->m.size_small / 4, cell.w - p->m.gap, caption_h},
                       caption);
        }
    }
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
