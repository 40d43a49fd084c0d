/* kit.c — the paint kit of the slide templates; see kit.h. Layout arithmetic first, then
 * the shapes, the header and the texts that may be cut. */
#include "render/kit.h"

#include "core/ui_text.h"

#include <stdio.h>

static const UiText SECTION_TITLES[SECTION_COUNT] = {
    UI_SECTION_ABOUT, UI_SECTION_MEMBERS, UI_SECTION_STORIES, UI_SECTION_COOPERATION, UI_SECTION_CONTACT, UI_SECTION_EVENT,
};

const char *kit_section_title(SectionId section, Lang lang)
{
    return (int)section >= 0 && section < SECTION_COUNT ? ui_text(SECTION_TITLES[section], lang) : "";
}

TextStyle kit_style(FontWeight weight, int size, SDL_Color colour)
{
    return (TextStyle){.weight = weight, .size = size, .colour = colour};
}

/* ---- layout ------------------------------------------------------------------------------ */

SDL_Rect kit_grid_cell(SDL_Rect area, int cols, int rows, int i, int gap)
{
    int w = (area.w - (cols - 1) * gap) / cols;
    int h = (area.h - (rows - 1) * gap) / rows;
    return (SDL_Rect){area.x + (i % cols) * (w + gap), area.y + (i / cols) * (h + gap), w, h};
}

SDL_Rect kit_inset(SDL_Rect r, int by)
{
    return (SDL_Rect){r.x + by, r.y + by, r.w - 2 * by, r.h - 2 * by};
}

SDL_Rect kit_take_top(SDL_Rect *area, int h)
{
    h = h > area->h ? area->h : h;
    SDL_Rect top = {area->x, area->y, area->w, h};
    area->y += h;
    area->h -= h;
    return top;
}

/* ---- shapes ------------------------------------------------------------------------------ */

void kit_card(Painter *p, SDL_Rect r)
{
    paint_round_rect(p, r, p->m.radius, p->pal.surface);
}

int kit_chip(Painter *p, const char *text, int x, int y, SDL_Color fill, SDL_Color ink)
{
    if (!text || !text[0]) {
        return 0; /* no label, no empty pill */
    }
    int size = p->m.size_small;
    int pad = size / 2;
    int w = paint_text_width(p, text, FONT_SEMIBOLD, size) + 2 * pad;
    int h = size * 3 / 2;
    paint_round_rect(p, (SDL_Rect){x, y, w, h}, h / 2, fill);
    TextStyle st = kit_style(FONT_SEMIBOLD, size, ink);
    st.max_lines = 1;
    st.middle = true;
    st.line_height = 1.0f;
    st.align = ALIGN_CENTER;
    paint_text(p, text, (SDL_Rect){x, y, w, h}, st);
    return w;
}

void kit_accent_bar(Painter *p, int x, int y, int h)
{
    int w = p->m.size_small / 4 > 3 ? p->m.size_small / 4 : 3;
    paint_round_rect(p, (SDL_Rect){x, y, w, h}, w / 2, p->pal.accent);
}

/* ---- the header, clear of Back ---------------------------------------------------------- */

int kit_pill_width(Painter *p, const char *text)
{
    int size = p->m.size_small;
    int w = paint_text_width(p, text, FONT_SEMIBOLD, size) + size * 2;
    return w < p->m.target ? p->m.target : w;
}

void kit_back_label(Lang lang, char *out, size_t size)
{
    snprintf(out, size, "‹  %s", ui_text(UI_BACK, lang));
}

int kit_back_width(Painter *p, Lang lang)
{
    char label[64];
    kit_back_label(lang, label, sizeof label);
    return kit_pill_width(p, label);
}

/* Slides the chrome gives a Back button (top left of the top row): the detail pages. */
static bool has_back(SlideKind kind)
{
    return kind == SLIDE_MEMBER_DETAIL || kind == SLIDE_STORY_DETAIL || kind == SLIDE_TEXT_DETAIL;
}

void kit_header(Painter *p, const PlannedSlide *slide, const char *eyebrow, const char *title)
{
    SDL_Rect area = p->m.header;
    SDL_Rect top = kit_take_top(&area, p->m.header_row);
    TextStyle eyebrow_style = kit_style(FONT_SEMIBOLD, p->m.size_eyebrow, p->pal.accent);
    eyebrow_style.max_lines = 1;
    eyebrow_style.middle = true;
    /* In landscape the eyebrow shares the chrome's top row: leave its right third to the
     * language switch (and the brand lockup), and its left end to Back. */
    if (!p->m.portrait) {
        top.h = top.h < p->m.target ? top.h : p->m.target; /* centred on the row's buttons */
        top.w -= p->m.w / 3;
        if (has_back(slide->kind)) {
            int back = kit_back_width(p, p->lang) + p->m.gap;
            top.x += back;
            top.w -= back;
        }
    }
    paint_text(p, eyebrow, top, eyebrow_style);
    TextStyle title_style = kit_style(FONT_BOLD, p->m.size_title, p->pal.text);
    title_style.max_lines = 2;
    title_style.line_height = PAINT_LINE_HEIGHT_CLEAR;
    paint_text(p, title, area, title_style);
}

/* ---- texts that may not fit: "Read more" ------------------------------------------------- */

void kit_openable(Painter *p, SDL_Rect target, int block)
{
    paint_hit(p, target, (DeckCommand){.kind = DECK_CMD_OPEN_DETAIL, .arg.index = block});
}

int kit_readable(Painter *p, const char *text, SDL_Rect box, TextStyle st, int block, SDL_Rect target, bool *cut)
{
    bool was_cut = false;
    st.more = true;
    int used = paint_text_cut(p, text, box, st, &was_cut);
    if (was_cut) {
        if (used == 0) {
            paint_more_mark(p, box.x, box.y, st.size, box.w);
        }
        kit_openable(p, target, block);
    }
    if (cut) {
        *cut = was_cut;
    }
    return used;
}

TextStyle kit_shared_style(Painter *p, const char *const *texts, const SDL_Rect *boxes, size_t n, TextStyle st)
{
    int size = paint_shared_size(p, texts, boxes, n, st);
    st.size = size;
    st.min_size = size;
    return st;
}

int kit_labelled_block(Painter *p, const char *label, const char *text, SDL_Rect box, TextStyle body, int block,
                       SDL_Rect target)
{
    int used = paint_text(p, label, box, kit_style(FONT_SEMIBOLD, p->m.size_small, p->pal.accent));
    used += p->m.size_small / 3;
    SDL_Rect rest = {box.x, box.y + used, box.w, box.h - used};
    return used + kit_readable(p, text, rest, body, block, target, NULL);
}

int kit_labelled(Painter *p, const char *label, const char *text, SDL_Rect box)
{
    int used = paint_text(p, label, box, kit_style(FONT_SEMIBOLD, p->m.size_small, p->pal.accent));
    used += p->m.size_small / 3;
    SDL_Rect rest = {box.x, box.y + used, box.w, box.h - used};
    return used + paint_text(p, text, rest, kit_style(FONT_REGULAR, p->m.size_body, p->pal.text));
}

SDL_Rect kit_below_label(const Painter *p, SDL_Rect box)
{
    int used = p->m.size_small * 5 / 4 + p->m.size_small / 3;
    return (SDL_Rect){box.x, box.y + used, box.w, box.h - used};
}
