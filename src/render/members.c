/* members.c — the MEMBERS slides; see members.h. Start at members_paint_page(): it lays the
 * page out (members_layout), then paints the tools row, the A–Z index, the tiles and the
 * page indicator — or, while the visitor types, the field, the results and the keyboard.
 * Every size comes from Metrics; touch targets are never smaller than Metrics.target. */
#include "render/members.h"

#include "core/collate.h"
#include "core/ui_text.h"
#include "render/keyboard.h"
#include "render/kit.h"
#include "render/picture.h"
#include "render/qr.h"

#include <stdio.h>
#include <string.h>

enum {
    MAX_CHIPS = DIRECTORY_KIND_COUNT + 1,
    NAME_MIN_PER_MILLE = 25, /* names never below 2.5 % of the screen height */
};

typedef struct MembersPage {
    Painter *p;
    const Content *content;
    const SlidePlan *plan;
    const PlanMembers *pm;
    const DirectoryView *view;
    int page;       /* the page shown, 0-based */
    int first;      /* its positions in the view */
    int count;
    bool tools;     /* more members than one page holds: search, chips, index, pager */
    bool typing;    /* the keyboard is open */
} MembersPage;

typedef struct MembersLayout {
    SDL_Rect tools;     /* search field and kind chips (one or more rows) */
    SDL_Rect index;     /* A–Z */
    SDL_Rect grid;
    int cols, rows;
    SDL_Rect pager;     /* page indicator and counts */
    SDL_Rect keyboard;
} MembersLayout;

static const UiText KIND_TEXTS[DIRECTORY_KIND_COUNT] = {UI_MEMBER_SME, UI_MEMBER_LARGER, UI_MEMBER_RESEARCH,
                                                          UI_MEMBER_OTHER};

static const char *kind_text(int kind, Lang lang)
{
    return kind >= 0 && kind < DIRECTORY_KIND_COUNT ? ui_text(KIND_TEXTS[kind], lang) : "";
}

/* The ui_text() formats, with the arguments ui_text.h documents for them. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void format_numbers(char *out, size_t size, UiText id, Lang lang, int a, int b)
{
    snprintf(out, size, ui_text(id, lang), a, b);
}

static void format_string(char *out, size_t size, UiText id, Lang lang, const char *text)
{
    snprintf(out, size, ui_text(id, lang), text);
}
#pragma GCC diagnostic pop

static int name_min_px(const Metrics *m)
{
    return (m->h * NAME_MIN_PER_MILLE + 999) / 1000;
}

static int row_gap(const Metrics *m)
{
    return m->gap * 2 / 3;
}

static SDL_Rect cut_top(SDL_Rect *area, int h, int gap)
{
    SDL_Rect top = {area->x, area->y, area->w, h};
    area->y += h + gap;
    area->h -= h + gap;
    return top;
}

static SDL_Rect cut_bottom(SDL_Rect *area, int h, int gap)
{
    SDL_Rect bottom = {area->x, area->y + area->h - h, area->w, h};
    area->h -= h + gap;
    return bottom;
}

/* ---- the kind chips --------------------------------------------------------------------- */

typedef struct Chip {
    int kind; /* DIRECTORY_ALL_KINDS for "All" */
    const char *label;
    int w;
} Chip;

/* "All" and the kinds present in the pack, measured. */
static int make_chips(const MembersPage *mp, Chip *chips)
{
    Painter *p = mp->p;
    int n = 0;
    chips[n++] = (Chip){DIRECTORY_ALL_KINDS, ui_text(UI_ALL_KINDS, p->lang), 0};
    for (int kind = 0; kind < DIRECTORY_KIND_COUNT; kind++) {
        if (directory_has_kind(mp->pm->directory, kind)) {
            chips[n++] = (Chip){kind, kind_text(kind, p->lang), 0};
        }
    }
    if (n == 2) {
        return 0; /* one kind only: nothing to choose */
    }
    for (int i = 0; i < n; i++) {
        int w = paint_text_width(p, chips[i].label, FONT_SEMIBOLD, p->m.size_small) + p->m.size_small * 2;
        chips[i].w = w < p->m.target ? p->m.target : w;
    }
    return n;
}

/* The field (width field_w) then the chips, left to right, wrapping into rows of
 * Metrics.target; paints when paint is true; returns the height used. */
static int flow_tools(MembersPage *mp, SDL_Rect area, int field_w, bool paint)
{
    Painter *p = mp->p;
    const Metrics *m = &p->m;
    Chip chips[MAX_CHIPS];
    int n = make_chips(mp, chips);
    int gap = m->gap / 2;
    int x = area.x;
    int y = area.y;
    if (paint) {
        KeyboardField field = {
            .text = mp->pm->state.query,
            .placeholder = ui_text(UI_SEARCH_MEMBERS, p->lang),
            .tap = (DeckCommand){.kind = DECK_CMD_KEYBOARD_OPEN, .arg.index = DECK_KEYBOARD_CLOSED},
            .clear_button = true,
        };
        keyboard_paint_field(p, (SDL_Rect){x, y, field_w, m->target}, &field);
    }
    x += field_w + gap;
    for (int i = 0; i < n; i++) {
        if (x > area.x && x + chips[i].w > area.x + area.w) {
            x = area.x;
            y += m->target + row_gap(m);
        }
        if (paint) {
            SDL_Rect r = {x, y, chips[i].w, m->target};
            bool selected = mp->pm->state.kind == chips[i].kind;
            paint_round_rect(p, r, r.h / 2, selected ? p->pal.accent : p->pal.surface);
            TextStyle label = {.weight = FONT_SEMIBOLD, .size = m->size_small, .min_size = m->size_small * 3 / 4,
                               .colour = selected ? p->pal.accent_text : p->pal.text, .align = ALIGN_CENTER,
                               .max_lines = 1, .line_height = 1.0f, .middle = true};
            paint_text(p, chips[i].label, (SDL_Rect){r.x + m->size_small / 2, r.y, r.w - m->size_small, r.h}, label);
            paint_hit(p, r, (DeckCommand){.kind = DECK_CMD_FILTER_KIND, .arg.index = chips[i].kind});
        }
        x += chips[i].w + gap;
    }
    return y + m->target - area.y;
}

/* ---- layout ------------------------------------------------------------------------------ */

static int index_rows(const MembersPage *mp, int width)
{
    int per_row = width / mp->p->m.target;
    per_row = per_row < 1 ? 1 : per_row;
    int n = mp->view->letter_count;
    return n == 0 ? 0 : (n + per_row - 1) / per_row;
}

static void members_layout(MembersPage *mp, MembersLayout *out)
{
    const Metrics *m = &mp->p->m;
    const PlanCapacity *capacity = &mp->pm->capacity;
    SDL_Rect area = m->body;
    int gap = row_gap(m);
    memset(out, 0, sizeof *out);
    out->cols = m->portrait ? 1 : 3;
    if (mp->typing) {
        out->tools = cut_top(&area, m->target, gap);
        out->keyboard = cut_bottom(&area, keyboard_height(m, true), gap);
        out->rows = (capacity->member_results + out->cols - 1) / out->cols;
    } else if (mp->tools) {
        int field_w = m->portrait ? area.w : area.w * 3 / 10;
        out->tools = cut_top(&area, flow_tools(mp, area, field_w, false), gap);
        int rows = index_rows(mp, area.w);
        if (rows > 0) {
            out->index = cut_top(&area, rows * m->target + (rows - 1) * (gap / 2), gap);
        }
        out->pager = cut_bottom(&area, m->target, gap);
        out->rows = (capacity->member_tiles + out->cols - 1) / out->cols;
    } else {
        out->pager = cut_bottom(&area, m->size_body * 3 / 2, gap);
        out->rows = (mp->count + out->cols - 1) / out->cols;
        out->rows = out->rows < 1 ? 1 : out->rows;
        if (!m->portrait && mp->count < out->cols) {
            out->cols = mp->count < 1 ? 1 : mp->count;
        }
    }
    out->grid = area;
    if (!mp->tools && !mp->typing) {
        /* Few members: tiles of a comfortable size, not stretched over the whole page; a
         * single row in landscape gets tall tiles, the brand mark above the name. */
        int max_w = m->portrait ? area.w : area.w * 3 / 10;
        int tile_h = m->portrait ? m->size_body * 5 : out->rows == 1 ? max_w * 4 / 5 : area.w / 3 * 2 / 5;
        int want = out->rows * tile_h + (out->rows - 1) * m->gap;
        if (want < area.h) {
            out->grid.h = want;
            if (!m->portrait) {
                out->grid.y += (area.h - want) / 2;
            }
        }
        int total = out->cols * max_w + (out->cols - 1) * m->gap;
        if (total < area.w) {
            out->grid.x += (area.w - total) / 2;
            out->grid.w = total;
        }
    }
}

static SDL_Rect grid_cell(SDL_Rect area, int cols, int rows, int i, int gap)
{
    int w = (area.w - (cols - 1) * gap) / cols;
    int h = (area.h - (rows - 1) * gap) / rows;
    return (SDL_Rect){area.x + (i % cols) * (w + gap), area.y + (i / cols) * (h + gap), w, h};
}

/* ---- tiles ------------------------------------------------------------------------------- */

static const Member *member_at(const MembersPage *mp, int m)
{
    int index = plan_item(mp->plan, PLAN_MEMBERS, m);
    return index >= 0 ? &mp->content->members[index] : NULL;
}

/* The logo on a white disc, or the member's monogram as the screen shows it. */
static void brand_mark(Painter *p, const DirectoryMark *mark, const Member *member, int cx, int cy, int radius)
{
    if (member && member->logo) {
        paint_circle(p, cx, cy, radius, (SDL_Color){255, 255, 255, 255});
        int side = radius * 13 / 10; /* a square inside the circle: side < r * sqrt(2) */
        paint_picture(p, member->logo, (SDL_Rect){cx - side / 2, cy - side / 2, side, side});
    } else {
        paint_monogram(p, mark->initials, mark->fill, cx, cy, radius);
    }
}

static void paint_tile(MembersPage *mp, SDL_Rect cell, int m, const DirectoryMark *disc)
{
    Painter *p = mp->p;
    const Metrics *metrics = &p->m;
    const Member *member = member_at(mp, m);
    paint_round_rect(p, cell, metrics->radius, p->pal.surface);
    paint_open_mark(p, cell);
    paint_hit(p, cell, (DeckCommand){.kind = DECK_CMD_OPEN_DETAIL, .arg.index = m});
    int pad = metrics->gap / 2;
    bool row = cell.w >= cell.h * 3 / 2;
    int radius = 0;
    SDL_Rect text = {0};
    if (row) {
        radius = (cell.h - 2 * pad) * 2 / 5;
        radius = radius > cell.w / 8 ? cell.w / 8 : radius;
        int x = cell.x + 2 * pad + 2 * radius;
        int mark = paint_open_mark_width(p) + pad; /* the text keeps clear of the open mark */
        text = (SDL_Rect){x, cell.y + pad, cell.x + cell.w - x - pad - mark, cell.h - 2 * pad};
    } else {
        radius = cell.w / 5 < cell.h / 5 ? cell.w / 5 : cell.h / 5;
        int y = cell.y + 2 * pad + 2 * radius;
        text = (SDL_Rect){cell.x + pad, y, cell.w - 2 * pad, cell.y + cell.h - y - pad};
    }
    int min_px = name_min_px(metrics);
    TextStyle name = {.weight = FONT_SEMIBOLD, .size = metrics->size_heading > min_px ? metrics->size_heading : min_px,
                      .min_size = min_px, .colour = p->pal.text, .align = row ? ALIGN_LEFT : ALIGN_CENTER,
                      .max_lines = 2, .line_height = PAINT_LINE_HEIGHT_CLEAR};
    TextStyle kind = {.weight = FONT_REGULAR, .size = metrics->size_small, .colour = p->pal.muted,
                      .align = name.align, .max_lines = 1, .line_height = 1.1f};
    const char *kind_label = kind_text(directory_kind(mp->pm->directory, m), p->lang);
    /* The kind keeps its line under the name, however long the name. */
    int kind_h = kind_label[0] ? paint_text_box_height(p, kind_label, text, kind) : 0;
    int spacing = kind_h ? metrics->gap / 6 : 0;
    SDL_Rect name_box = {text.x, text.y, text.w, text.h - kind_h - spacing};
    const char *name_text = directory_name(mp->pm->directory, m);
    int name_h = paint_text_box_height(p, name_text, name_box, name);
    int block = name_h + spacing + kind_h;
    if (row) {
        name_box.y += block < text.h ? (text.h - block) / 2 : 0;
        brand_mark(p, disc, member, cell.x + pad + radius, cell.y + cell.h / 2, radius);
    } else {
        /* Mark, name and kind as one block in the middle of a tall tile, measured for the
         * tallest a tile's text can be (two lines of name and a kind), so that neighbouring
         * tiles keep their marks and names on one line. */
        int tallest = paint_text_box_height(p, "Ag\nAg", name_box, name) + metrics->gap / 6 +
                      paint_text_box_height(p, "Ag", text, kind);
        int free_h = text.h - (tallest > block ? tallest : block);
        int shift = free_h > 0 ? free_h / 2 : 0;
        name_box.y += shift;
        brand_mark(p, disc, member, cell.x + cell.w / 2, cell.y + pad + radius + shift, radius);
    }
    paint_text(p, name_text, name_box, name);
    if (kind_h) {
        paint_text(p, kind_label, (SDL_Rect){text.x, name_box.y + name_h + spacing, text.w, kind_h}, kind);
    }
}

static void paint_tiles(MembersPage *mp, const MembersLayout *layout)
{
    Painter *p = mp->p;
    if (mp->count == 0) {
        char line[256];
        format_string(line, sizeof line, UI_NO_MATCHES, p->lang, mp->pm->state.query);
        TextStyle st = {.weight = FONT_REGULAR, .size = p->m.size_heading, .colour = p->pal.muted,
                        .align = ALIGN_CENTER, .middle = true, .max_lines = 2};
        paint_text(p, line, layout->grid, st);
        return;
    }
    /* One column of tall text in portrait: the rows sit closer. */
    int gap = p->m.portrait ? p->m.gap / 2 : p->m.gap;
    int count = mp->count < mp->view->count - mp->first ? mp->count : mp->view->count - mp->first;
    count = count < DIRECTORY_MARKS_MAX ? count : DIRECTORY_MARKS_MAX;
    /* The page's discs together, so that no two on it look alike. */
    DirectoryMark marks[DIRECTORY_MARKS_MAX];
    directory_marks(mp->pm->directory, mp->view->members + mp->first, count, marks);
    for (int i = 0; i < count; i++) {
        SDL_Rect cell = grid_cell(layout->grid, layout->cols, layout->rows, i, gap);
        paint_tile(mp, cell, mp->view->members[mp->first + i], &marks[i]);
    }
}

/* ---- the A–Z index ------------------------------------------------------------------------- */

static void paint_index(MembersPage *mp, SDL_Rect area)
{
    Painter *p = mp->p;
    const Metrics *m = &p->m;
    const DirectoryView *view = mp->view;
    int n = view->letter_count;
    int rows = index_rows(mp, area.w);
    if (n == 0 || rows == 0) {
        return;
    }
    /* Letters with a member on this page stand out: where the visitor is in the alphabet. */
    bool here[COLLATE_MAX_LETTERS] = {false};
    for (int i = 0; i < mp->count; i++) {
        int letter = directory_letter(mp->pm->directory, view->members[mp->first + i], mp->pm->lang);
        if (letter >= 0 && letter < COLLATE_MAX_LETTERS) {
            here[letter] = true;
        }
    }
    int per_row = (n + rows - 1) / rows;
    int gap = row_gap(m) / 2;
    int cell_w = area.w / per_row;
    cell_w = cell_w > m->target * 2 ? m->target * 2 : cell_w;
    int cell_h = (area.h - (rows - 1) * gap) / rows;
    for (int row = 0; row < rows; row++) {
        int first = row * per_row;
        int in_row = n - first < per_row ? n - first : per_row;
        int x0 = area.x + (area.w - in_row * cell_w) / 2;
        SDL_Rect strip = {x0, area.y + row * (cell_h + gap), in_row * cell_w, cell_h};
        paint_round_rect(p, strip, m->radius, p->pal.surface);
        for (int i = 0; i < in_row; i++) {
            const DirectoryLetter *letter = &view->letters[first + i];
            SDL_Rect cell = {x0 + i * cell_w, strip.y, cell_w, cell_h};
            bool on_page = letter->letter >= 0 && letter->letter < COLLATE_MAX_LETTERS && here[letter->letter];
            if (on_page) {
                paint_round_rect(p, (SDL_Rect){cell.x + 2, cell.y + 2, cell.w - 4, cell.h - 4}, m->radius,
                                 p->pal.accent);
            }
            TextStyle st = {.weight = FONT_SEMIBOLD, .size = m->size_small, .min_size = m->size_small * 2 / 3,
                            .colour = on_page ? p->pal.accent_text : p->pal.text, .align = ALIGN_CENTER,
                            .max_lines = 1, .line_height = 1.0f, .middle = true};
            paint_text(p, collate_letter_label(mp->pm->lang, letter->letter), cell, st);
            paint_hit(p, cell, (DeckCommand){.kind = DECK_CMD_GOTO_PAGE, .arg.index = letter->page});
        }
    }
}

/* ---- counts and the page indicator ----------------------------------------------------------- */

/* "Page 3 of 25 · 200 members", "2 of 200 shown"… A total only when the pack gives one
 * (organisation.members_total): the list may name only some members. */
static void counts_text(const MembersPage *mp, bool with_page, char *out, size_t size)
{
    Lang lang = mp->p->lang;
    int listed = directory_size(mp->pm->directory);
    int64_t total = mp->content->organisation.members_total;
    bool filtered = mp->pm->state.kind != DIRECTORY_ALL_KINDS || mp->pm->state.query[0];
    char count[96] = "";
    if (filtered) {
        format_numbers(count, sizeof count, UI_MEMBERS_SHOWN, lang, mp->view->count, listed);
    } else if (total > 0) {
        format_numbers(count, sizeof count, UI_MEMBERS_TOTAL, lang, total < INT32_MAX ? (int)total : INT32_MAX, 0);
    }
    char page[96] = "";
    if (with_page && mp->view->page_count > 1) {
        format_numbers(page, sizeof page, UI_PAGE_OF, lang, mp->page + 1, mp->view->page_count);
    }
    snprintf(out, size, "%s%s%s", page, page[0] && count[0] ? "  ·  " : "", count);
}

static int paint_counts(MembersPage *mp, SDL_Rect area, bool with_page)
{
    Painter *p = mp->p;
    char text[256];
    counts_text(mp, with_page, text, sizeof text);
    TextStyle st = {.weight = FONT_SEMIBOLD, .size = p->m.size_small, .colour = p->pal.muted, .align = ALIGN_RIGHT,
                    .max_lines = 1, .middle = true, .line_height = 1.0f};
    int w = paint_text_width(p, text, FONT_SEMIBOLD, p->m.size_small);
    w = w > area.w ? area.w : w;
    paint_text(p, text, (SDL_Rect){area.x + area.w - w, area.y, w, area.h}, st);
    return w;
}

/* A track with a thumb on the current page; tapping or dragging anywhere on it picks a page. */
static void paint_pager(MembersPage *mp, SDL_Rect area)
{
    Painter *p = mp->p;
    const Metrics *m = &p->m;
    int label_w = paint_counts(mp, area, true);
    int pages = mp->view->page_count;
    if (pages < 2) {
        return;
    }
    SDL_Rect track = {area.x, area.y, area.w - label_w - m->gap * 2, area.h};
    int line_h = m->target / 5 > 4 ? m->target / 5 : 4;
    paint_round_rect(p, (SDL_Rect){track.x, track.y + (track.h - line_h) / 2, track.w, line_h}, line_h / 2,
                     p->pal.line);
    double step = (double)track.w / pages;
    if (step >= line_h * 3) {
        for (int i = 0; i < pages; i++) {
            int cx = track.x + (int)(step * i + step / 2);
            paint_circle(p, cx, track.y + track.h / 2, line_h * 3 / 4, p->pal.muted);
        }
    }
    int thumb_w = (int)step > m->target ? (int)step : m->target;
    int thumb_x = track.x + (int)(step * mp->page + step / 2) - thumb_w / 2;
    thumb_x = thumb_x < track.x ? track.x : thumb_x > track.x + track.w - thumb_w ? track.x + track.w - thumb_w : thumb_x;
    int thumb_h = m->target * 3 / 5;
    paint_round_rect(p, (SDL_Rect){thumb_x, track.y + (track.h - thumb_h) / 2, thumb_w, thumb_h}, thumb_h / 2,
                     p->pal.accent);
    paint_hit(p, track, (DeckCommand){.kind = DECK_CMD_SCRUB, .arg.index = pages});
}

/* ---- pages --------------------------------------------------------------------------------- */

static int page_of(const DirectoryView *view, int first)
{
    for (int page = 0; page < view->page_count; page++) {
        if (view->pages[page].first == first && view->pages[page].count > 0) {
            return page;
        }
    }
    return 0;
}

static void paint_typing(MembersPage *mp, const MembersLayout *layout)
{
    Painter *p = mp->p;
    SDL_Rect row = layout->tools;
    char text[256];
    counts_text(mp, true, text, sizeof text);
    int count_w = paint_text_width(p, text, FONT_SEMIBOLD, p->m.size_small);
    count_w = count_w > row.w / 2 ? row.w / 2 : count_w;
    KeyboardField field = {
        .text = mp->pm->state.query,
        .placeholder = ui_text(UI_SEARCH_MEMBERS, p->lang),
        .focused = true,
        .tap = (DeckCommand){.kind = DECK_CMD_NONE},
        .clear_button = true,
    };
    keyboard_paint_field(p, (SDL_Rect){row.x, row.y, row.w - count_w - p->m.gap, row.h}, &field);
    paint_counts(mp, (SDL_Rect){row.x + row.w - count_w, row.y, count_w, row.h}, true);
    paint_tiles(mp, layout);
    keyboard_paint(p, layout->keyboard, mp->pm->state.keyboard, true);
}

void members_paint_page(Painter *p, const Content *content, const SlidePlan *plan, const PlannedSlide *slide)
{
    const PlanMembers *pm = &plan->members;
    MembersPage mp = {
        .p = p,
        .content = content,
        .plan = plan,
        .pm = pm,
        .view = &pm->view,
        .page = page_of(&pm->view, slide->first),
        .first = slide->first,
        .count = slide->count,
        .tools = directory_size(pm->directory) > pm->capacity.member_tiles,
        .typing = pm->state.keyboard != DECK_KEYBOARD_CLOSED,
    };
    /* Headed as what the pack says the list is: all members when it gives their number,
     * else the ones it names (the FACTS profile's "major players"). */
    UiText heading = content->organisation.members_total > 0 ? UI_MEMBER_BRANDS : UI_MAJOR_PLAYERS;
    kit_header(p, slide, kit_section_title(SECTION_MEMBERS, p->lang), ui_text(heading, p->lang));
    MembersLayout layout;
    members_layout(&mp, &layout);
    if (mp.typing) {
        paint_typing(&mp, &layout);
        return;
    }
    if (mp.tools) {
        int field_w = p->m.portrait ? layout.tools.w : layout.tools.w * 3 / 10;
        flow_tools(&mp, layout.tools, field_w, true);
        paint_index(&mp, layout.index);
        paint_pager(&mp, layout.pager);
    } else {
        paint_counts(&mp, layout.pager, false);
    }
    paint_tiles(&mp, &layout);
}

/* ---- a member's page ------------------------------------------------------------------- */

enum { MAX_MEMBER_STORIES = 8 };

/* The visible stories (their visible indices, in story order) that name member: at most max. */
static int member_stories(const Content *content, const SlidePlan *plan, const Member *member, int *out, int max)
{
    int n = 0;
    for (int i = 0; n < max && i < plan->visible_count[PLAN_STORIES]; i++) {
        int index = plan_item(plan, PLAN_STORIES, i);
        if (index >= 0 && content_story_names(&content->stories[index], member->id)) {
            out[n++] = i;
        }
    }
    return n;
}

/* A web address as a visitor reads it: without "https://" and a closing "/". */
static void readable_address(const char *url, char *out, size_t size)
{
    static const char *const SCHEMES[] = {"https://", "http://"};
    for (size_t i = 0; i < sizeof SCHEMES / sizeof SCHEMES[0]; i++) {
        if (strncmp(url, SCHEMES[i], strlen(SCHEMES[i])) == 0) {
            url += strlen(SCHEMES[i]);
            break;
        }
    }
    snprintf(out, size, "%s", url);
    size_t length = strlen(out);
    if (length > 1 && out[length - 1] == '/') {
        out[length - 1] = '\0';
    }
}

/* The website card: the QR code (at most max_side) with "Website" and the address under it,
 * w wide at (x, y), at most max_h high; paint false only measures. Returns its height (0:
 * no room for a QR code a phone can read). */
static int website_card(Painter *p, const char *url, SDL_Rect box, int max_side, bool paint)
{
    int x = box.x, y = box.y, w = box.w, max_h = box.h;
    const Metrics *m = &p->m;
    int pad = m->gap;
    TextStyle label = {.weight = FONT_SEMIBOLD, .size = m->size_small, .colour = p->pal.accent,
                       .align = ALIGN_CENTER, .max_lines = 1};
    TextStyle address = {.weight = FONT_REGULAR, .size = m->size_body, .colour = p->pal.text,
                         .align = ALIGN_CENTER, .max_lines = 2};
    char shown[512];
    readable_address(url, shown, sizeof shown);
    int inner_w = w - 2 * pad;
    int label_h = paint_text_height(p, ui_text(UI_WEBSITE, p->lang), inner_w, label);
    int address_h = paint_text_height(p, shown, inner_w, address);
    int caption_h = label_h + m->gap / 4 + address_h;
    int side = inner_w < max_side ? inner_w : max_side;
    int room = max_h - 2 * pad - m->gap / 2 - caption_h;
    side = side < room ? side : room;
    if (side < m->target) {
        return 0;
    }
    int h = 2 * pad + side + m->gap / 2 + caption_h;
    if (paint) {
        kit_card(p, (SDL_Rect){x, y, w, h});
        paint_qr(p, url, (SDL_Rect){x + (w - side) / 2, y + pad, side, side});
        int ty = y + pad + side + m->gap / 2;
        paint_text(p, ui_text(UI_WEBSITE, p->lang), (SDL_Rect){x + pad, ty, inner_w, label_h}, label);
        paint_text(p, shown, (SDL_Rect){x + pad, ty + label_h + m->gap / 4, inner_w, address_h}, address);
    }
    return h;
}

/* The texts of a story row: the title (up to two lines) and the place. */
static TextStyle story_row_title(const Painter *p)
{
    return (TextStyle){.weight = FONT_SEMIBOLD, .size = p->m.size_body, .colour = p->pal.text, .max_lines = 2,
                       .min_size = p->m.size_body, .line_height = 1.15f};
}

static TextStyle story_row_place(const Painter *p)
{
    return (TextStyle){.weight = FONT_REGULAR, .size = p->m.size_small, .colour = p->pal.muted, .max_lines = 1,
                       .line_height = 1.15f};
}

/* One story row a member's page lists, w wide at (x, y): the years' chip in a column
 * chip_w wide, the title and the place; a tap opens the story. paint false only measures.
 * Returns its height. */
static int story_row(Painter *p, const Story *story, int visible, SDL_Rect box, int chip_w, bool paint)
{
    const Metrics *m = &p->m;
    int pad = m->gap * 2 / 3;
    int x = box.x + pad + (chip_w ? chip_w + m->gap : 0);
    int w = box.x + box.w - pad - x - paint_open_mark_width(p) - m->gap / 2;
    TextStyle title = story_row_title(p);
    TextStyle place = story_row_place(p);
    const char *title_text = local_text(&story->title, p->lang);
    const char *place_text = local_text(&story->place, p->lang);
    int title_h = paint_text_height(p, title_text, w, title);
    int place_h = place_text[0] ? paint_text_height(p, place_text, w, place) : 0;
    int h = title_h + place_h + 2 * pad;
    h = h > m->target ? h : m->target;
    if (!paint) {
        return h;
    }
    SDL_Rect row = {box.x, box.y, box.w, h};
    kit_card(p, row);
    if (story->years) {
        kit_chip(p, story->years, box.x + pad, box.y + (h - m->size_small * 3 / 2) / 2, p->pal.accent,
                 p->pal.accent_text);
    }
    int y = box.y + (h - title_h - place_h) / 2;
    paint_text(p, title_text, (SDL_Rect){x, y, w, title_h}, title);
    if (place_h) {
        paint_text(p, place_text, (SDL_Rect){x, y + title_h, w, place_h}, place);
    }
    paint_open_mark(p, row);
    paint_hit(p, row, (DeckCommand){.kind = DECK_CMD_OPEN_STORY, .arg.index = visible});
    return h;
}

/* The stories that name a member, under their heading, in area (as many as fit); paint
 * false only measures. Returns the height used (0: none fit). */
static int member_stories_list(Painter *p, const Content *content, const SlidePlan *plan, const int *visible, int count,
                               SDL_Rect area, bool paint)
{
    const Metrics *m = &p->m;
    TextStyle heading = {.weight = FONT_SEMIBOLD, .size = m->size_small, .colour = p->pal.accent, .max_lines = 1};
    const char *label = kit_section_title(SECTION_STORIES, p->lang);
    int heading_h = paint_text_height(p, label, area.w, heading);
    int chip_w = 0;
    for (int i = 0; i < count; i++) {
        const Story *story = &content->stories[plan_item(plan, PLAN_STORIES, visible[i])];
        int w = story->years ? paint_text_width(p, story->years, FONT_SEMIBOLD, m->size_small) + m->size_small : 0;
        chip_w = w > chip_w ? w : chip_w;
    }
    int y = area.y + heading_h + m->gap / 2;
    int shown = 0;
    for (int i = 0; i < count; i++) {
        const Story *story = &content->stories[plan_item(plan, PLAN_STORIES, visible[i])];
        SDL_Rect row = {area.x, y, area.w, 0};
        int h = story_row(p, story, visible[i], row, chip_w, false);
        if (y + h > area.y + area.h) {
            break;
        }
        if (paint) {
            story_row(p, story, visible[i], row, chip_w, true);
        }
        y += h + m->gap / 2;
        shown++;
    }
    if (shown == 0) {
        return 0;
    }
    if (paint) {
        paint_text(p, label, (SDL_Rect){area.x, area.y, area.w, heading_h}, heading);
    }
    return y - m->gap / 2 - area.y;
}

void members_paint_detail(Painter *p, const Content *content, const SlidePlan *plan, const PlannedSlide *slide)
{
    int index = plan_item(plan, PLAN_MEMBERS, slide->first);
    if (index < 0) {
        return;
    }
    const Member *member = &content->members[index];
    const Directory *dir = plan->members.directory;
    const Metrics *m = &p->m;
    kit_header(p, slide, kit_section_title(SECTION_MEMBERS, p->lang), member->name);
    /* Landscape: the member (mark, kind, description) above the stories that name it, and
     * its website's QR code in a column of its own at the right; portrait: the same stacked,
     * the QR code between. A page with only a description keeps it in the middle. */
    int story_index[MAX_MEMBER_STORIES];
    int stories = member_stories(content, plan, member, story_index, MAX_MEMBER_STORIES);
    SDL_Rect area = m->body;
    SDL_Rect main = area;
    int side_w = 0;
    if (member->website && !m->portrait) {
        side_w = area.w * 3 / 10 < area.h * 3 / 4 ? area.w * 3 / 10 : area.h * 3 / 4;
        main.w -= side_w + 2 * m->gap;
    }
    int radius = m->portrait ? area.w / 6 : (area.h / 3 < area.w / 8 ? area.h / 3 : area.w / 8);
    if (!member->logo) {
        /* A monogram is a reminder, not a picture: small beside the text it stands for. */
        radius = radius < m->size_title ? radius : m->size_title;
    }
    DirectoryMark mark = {{0}, directory_fill(dir, slide->first)};
    snprintf(mark.initials, sizeof mark.initials, "%s", directory_initials(dir, slide->first));
    int mark_w = 2 * radius + 2 * m->gap;
    SDL_Rect text = {main.x + mark_w, main.y, main.w - mark_w, main.h};
    const char *kind = kind_text(member->kind, p->lang);
    int chip_h = kind[0] ? m->size_small * 3 / 2 + m->gap * 2 / 3 : 0;
    TextStyle body = {.weight = FONT_REGULAR, .size = m->size_heading, .colour = p->pal.text};
    const char *description = local_text(&member->description, p->lang);
    int desc_h = description[0] ? paint_text_height(p, description, text.w, body) : 0;
    /* What comes below the member: the QR card (portrait) and the stories. */
    int max_side = m->portrait ? main.w * 9 / 20 : side_w;
    int qr_h = 0;
    if (member->website) {
        SDL_Rect room = m->portrait ? (SDL_Rect){main.x, main.y, main.w, main.h / 2} : (SDL_Rect){0, 0, side_w, area.h};
        qr_h = website_card(p, member->website, room, max_side, false);
    }
    int desc_room = main.h - chip_h - (m->portrait && qr_h ? qr_h + m->gap * 2 : 0) - (stories ? m->target * 2 : 0);
    desc_h = desc_h < desc_room ? desc_h : (desc_room > 0 ? desc_room : 0);
    int identity_h = chip_h + desc_h;
    identity_h = identity_h > 2 * radius ? identity_h : 2 * radius;
    int stacked = identity_h + (m->portrait && qr_h ? m->gap * 2 + qr_h : 0);
    SDL_Rect list = {main.x, main.y + stacked + m->gap * 2, main.w, main.h - stacked - m->gap * 2};
    int list_h = stories ? member_stories_list(p, content, plan, story_index, stories, list, false) : 0;
    /* The whole in the middle of the body, so that a short page is not all at its top. */
    int whole = stacked + (list_h ? m->gap * 2 + list_h : 0);
    int y = main.y + (whole < main.h ? (main.h - whole) / 2 : 0);
    brand_mark(p, &mark, member, main.x + radius, y + (chip_h + desc_h > 2 * radius ? radius : identity_h / 2), radius);
    int ty = y + (chip_h + desc_h < 2 * radius ? (2 * radius - chip_h - desc_h) / 2 : 0);
    if (kind[0]) {
        kit_chip(p, kind, text.x, ty, p->pal.accent, p->pal.accent_text);
    }
    if (desc_h > 0) {
        paint_text(p, description, (SDL_Rect){text.x, ty + chip_h, text.w, desc_h}, body);
    }
    y += identity_h + m->gap * 2;
    if (qr_h && m->portrait) {
        website_card(p, member->website, (SDL_Rect){main.x, y, main.w, qr_h}, max_side, true);
        y += qr_h + m->gap * 2;
    } else if (qr_h) {
        website_card(p, member->website, (SDL_Rect){area.x + area.w - side_w, area.y + (area.h - qr_h) / 2, side_w, qr_h},
                     max_side, true);
    }
    if (list_h) {
        list.y = y;
        member_stories_list(p, content, plan, story_index, stories, list, true);
    }
}
