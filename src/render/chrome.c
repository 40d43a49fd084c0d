/* chrome.c — wordmark, hint, language switch, back, page dots, section bar; see chrome.h. */
#include "render/chrome.h"

#include "core/ui_text.h"
#include "render/slides.h"

#include <stdio.h>

static const char *const LANG_LABELS[LANG_COUNT] = {"EN", "SR latinica", "СР ћирилица"};

const char *chrome_lang_label(Lang lang)
{
    return (int)lang >= 0 && lang < LANG_COUNT ? LANG_LABELS[lang] : "";
}

int chrome_top_height(const Metrics *m)
{
    return m->margin * 2 / 3 + m->target + m->gap;
}

static void clear(Painter *p)
{
    SDL_SetRenderDrawBlendMode(p->renderer, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(p->renderer, 0, 0, 0, 0);
    SDL_RenderClear(p->renderer);
}

static TextStyle centred(FontWeight weight, int size, SDL_Color colour)
{
    return (TextStyle){.weight = weight, .size = size, .colour = colour, .align = ALIGN_CENTER, .max_lines = 1,
                       .middle = true, .line_height = 1.0f};
}

/* A pill button of at least the touch-target height; returns its width. */
static int pill(Painter *p, const char *text, int right, int y, bool selected, DeckCommand command)
{
    int size = p->m.size_small;
    int w = paint_text_width(p, text, FONT_SEMIBOLD, size) + size * 2;
    w = w < p->m.target ? p->m.target : w;
    SDL_Rect r = {right - w, y, w, p->m.target};
    paint_round_rect(p, r, r.h / 2, selected ? p->pal.accent : p->pal.surface);
    paint_text(p, text, r, centred(FONT_SEMIBOLD, size, selected ? p->pal.accent_text : p->pal.text));
    paint_hit(p, r, command);
    return w;
}

void chrome_paint_top(Painter *p, const Content *content, const ChromeKey *key)
{
    clear(p);
    int y = p->m.margin * 2 / 3;
    int right = p->m.w - p->m.margin;
    if (!key->interactive) {
        /* Wordmark: short name in the accent, full name beneath. */
        SDL_Rect box = {p->m.w / 2, y, right - p->m.w / 2, p->m.size_eyebrow * 3 / 2};
        TextStyle mark = {.weight = FONT_BOLD, .size = p->m.size_eyebrow * 3 / 2, .colour = p->pal.accent,
                          .align = ALIGN_RIGHT, .max_lines = 1, .line_height = 1.0f};
        paint_text(p, content ? content->organisation.short_name : "", box, mark);
        if (p->m.portrait) {
            return; /* the full name would run into the slide's header below */
        }
        TextStyle name = mark;
        name.weight = FONT_REGULAR;
        name.size = p->m.size_small * 4 / 5;
        name.colour = p->pal.muted;
        box.y += box.h + p->m.size_small / 4;
        box.h = p->m.size_small * 3 / 2;
        paint_text(p, content ? local_text(&content->organisation.name, key->lang) : "", box, name);
        return;
    }
    for (int l = LANG_COUNT - 1; l >= 0; l--) {
        int w = pill(p, chrome_lang_label((Lang)l), right, y, key->lang == (Lang)l,
                     (DeckCommand){.kind = DECK_CMD_SET_LANG, .arg.lang = (Lang)l});
        right -= w + p->m.gap / 2;
    }
    if (key->detail) {
        char label[64];
        snprintf(label, sizeof label, "‹  %s", ui_text(UI_BACK, key->lang));
        right -= p->m.gap;
        pill(p, label, right, y, false, (DeckCommand){.kind = DECK_CMD_BACK});
    }
}

static void page_dots(Painter *p, const ChromeKey *key, int y)
{
    /* Members pages carry their own page indicator (members.c). */
    if (key->pages < 2 || key->detail || key->section == SECTION_MEMBERS) {
        return;
    }
    int radius = p->m.size_small / 5 > 3 ? p->m.size_small / 5 : 3;
    int spacing = radius * 4;
    int total = (key->pages - 1) * spacing;
    int x = p->m.w / 2 - total / 2;
    for (int i = 0; i < key->pages; i++) {
        bool current = i == key->page;
        paint_circle(p, x + i * spacing, y, current ? radius * 3 / 2 : radius, current ? p->pal.accent : p->pal.line);
    }
}

void chrome_paint_footer(Painter *p, const ChromeKey *key, const bool *sections_present)
{
    clear(p);
    const Metrics *m = &p->m;
    if (!key->interactive) {
        if (key->booth) {
            TextStyle hint = {.weight = FONT_SEMIBOLD, .size = m->size_small, .colour = p->pal.muted,
                              .align = ALIGN_RIGHT, .max_lines = 1, .middle = true};
            SDL_Rect box = {m->margin, m->footer.h - m->target - m->gap, m->w - 2 * m->margin, m->target};
            int w = paint_text_width(p, ui_text(UI_TOUCH_TO_EXPLORE, key->lang), FONT_SEMIBOLD, m->size_small);
            paint_circle(p, box.x + box.w - w - m->gap, box.y + box.h / 2, m->size_small / 4, p->pal.accent);
            paint_text(p, ui_text(UI_TOUCH_TO_EXPLORE, key->lang), box, hint);
        }
        return;
    }
    int present = 0;
    for (int s = 0; s < SECTION_COUNT; s++) {
        present += sections_present[s];
    }
    int bar_h = m->target + m->gap / 2;
    SDL_Rect bar = {m->margin, m->footer.h - bar_h - m->gap / 2, m->w - 2 * m->margin, bar_h};
    paint_round_rect(p, bar, bar.h / 2, p->pal.surface);
    page_dots(p, key, bar.y - m->gap);
    int n = 0;
    int inner_w = bar.w - m->gap / 2;
    for (int s = 0; s < SECTION_COUNT && present; s++) {
        if (!sections_present[s]) {
            continue;
        }
        SDL_Rect button = {bar.x + m->gap / 4 + n * inner_w / present, bar.y + m->gap / 4, inner_w / present,
                           bar.h - m->gap / 2};
        n++;
        bool active = key->section == (SectionId)s;
        if (active) {
            paint_round_rect(p, button, button.h / 2, p->pal.accent);
        }
        TextStyle label = centred(active ? FONT_BOLD : FONT_SEMIBOLD, m->size_small,
                                  active ? p->pal.accent_text : p->pal.text);
        label.min_size = m->size_small * 2 / 3;
        paint_text(p, slides_section_title((SectionId)s, key->lang),
                   (SDL_Rect){button.x + m->gap / 3, button.y, button.w - 2 * m->gap / 3, button.h}, label);
        /* The target covers the whole button; recorded in screen coordinates. */
        paint_hit(p, (SDL_Rect){button.x, button.y + m->footer.y, button.w, button.h},
                  (DeckCommand){.kind = DECK_CMD_GOTO_SECTION, .arg.section = (SectionId)s});
    }
}
