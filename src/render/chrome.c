/* chrome.c — brand lockup, language switch, read-aloud speaker, back, page dots, section bar;
 * see chrome.h. */
#include "render/chrome.h"

#include "core/ui_text.h"
#include "render/kit.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Each language by its own name: Serbian in Latin and in Cyrillic script tell themselves apart. */
static const char *const LANG_LABELS[LANG_COUNT] = {"English", "Srpski", "Српски"};

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

/* A pill button of at least the touch-target height ending at x = right; returns its width. */
static int pill(Painter *p, const char *text, int right, int y, bool selected, DeckCommand command)
{
    int size = p->m.size_small;
    int w = kit_pill_width(p, text);
    SDL_Rect r = {right - w, y, w, p->m.target};
    paint_round_rect(p, r, r.h / 2, selected ? p->pal.accent : p->pal.surface);
    paint_text(p, text, r, centred(FONT_SEMIBOLD, size, selected ? p->pal.accent_text : p->pal.text));
    paint_hit(p, r, command);
    return w;
}

/* The cluster's name as one line in the top row: an accent bar, the short name, and the
 * full name in the language shown, right-aligned; the full name goes when it does not fit. */
static void brand_lockup(Painter *p, const Content *content, Lang lang, int right, int y)
{
    const Metrics *m = &p->m;
    const char *short_name = content ? content->organisation.short_name : "";
    const char *name = content ? local_text(&content->organisation.name, lang) : "";
    int mark_size = m->target * 3 / 4;
    int name_size = m->size_small;
    int mark_w = paint_text_width(p, short_name, FONT_BOLD, mark_size);
    int name_w = name[0] ? paint_text_width(p, name, FONT_REGULAR, name_size) : 0;
    int bar_w = m->size_small / 4 > 3 ? m->size_small / 4 : 3;
    int room = m->portrait ? m->w - 2 * m->margin : m->w / 2;
    int w = bar_w + m->gap / 2 + mark_w + (name_w ? m->gap / 2 + name_w : 0);
    if (w > room) {
        w -= m->gap / 2 + name_w;
        name_w = 0;
    }
    int x = right - w;
    paint_round_rect(p, (SDL_Rect){x, y + m->target / 8, bar_w, m->target * 3 / 4}, bar_w / 2, p->pal.accent);
    x += bar_w + m->gap / 2;
    TextStyle mark = centred(FONT_BOLD, mark_size, p->pal.text);
    mark.align = ALIGN_LEFT;
    paint_text(p, short_name, (SDL_Rect){x, y, mark_w + 1, m->target}, mark);
    if (name_w) {
        x += mark_w + m->gap / 2;
        TextStyle full = centred(FONT_REGULAR, name_size, p->pal.muted);
        full.align = ALIGN_LEFT;
        paint_text(p, name, (SDL_Rect){x, y, name_w + 1, m->target}, full);
    }
}

/* A filled convex polygon (a fan around its first point). */
static void fill_polygon(Painter *p, const SDL_FPoint *points, int count, SDL_Color colour)
{
    enum { MAX_POINTS = 8 };
    SDL_Vertex vertices[MAX_POINTS];
    int indices[3 * MAX_POINTS];
    count = count > MAX_POINTS ? MAX_POINTS : count;
    for (int i = 0; i < count; i++) {
        vertices[i] = (SDL_Vertex){points[i], colour, {0, 0}};
    }
    int n = 0;
    for (int i = 1; i + 1 < count; i++) {
        indices[n++] = 0;
        indices[n++] = i;
        indices[n++] = i + 1;
    }
    SDL_SetRenderDrawBlendMode(p->renderer, SDL_BLENDMODE_BLEND);
    SDL_RenderGeometry(p->renderer, NULL, vertices, count, indices, n);
}

/* A ring segment around (cx, cy) from angle -spread to +spread (radians, 0 = right). */
static void fill_arc(Painter *p, float cx, float cy, float inner, float outer, float spread, SDL_Color colour)
{
    enum { STEPS = 12 };
    SDL_Vertex vertices[2 * (STEPS + 1)];
    int indices[6 * STEPS];
    for (int i = 0; i <= STEPS; i++) {
        float angle = -spread + 2.0f * spread * (float)i / STEPS;
        float c = cosf(angle);
        float s = sinf(angle);
        vertices[2 * i] = (SDL_Vertex){{cx + inner * c, cy + inner * s}, colour, {0, 0}};
        vertices[2 * i + 1] = (SDL_Vertex){{cx + outer * c, cy + outer * s}, colour, {0, 0}};
    }
    for (int i = 0; i < STEPS; i++) {
        int q[6] = {2 * i, 2 * i + 1, 2 * i + 2, 2 * i + 1, 2 * i + 3, 2 * i + 2};
        memcpy(indices + 6 * i, q, sizeof q);
    }
    SDL_SetRenderDrawBlendMode(p->renderer, SDL_BLENDMODE_BLEND);
    SDL_RenderGeometry(p->renderer, NULL, vertices, 2 * (STEPS + 1), indices, 6 * STEPS);
}

/* A loudspeaker with two sound waves, fitted into a square of side size centred on (cx, cy). */
static void speaker_icon(Painter *p, float cx, float cy, float size, SDL_Color colour)
{
    float u = size / 16.0f; /* the icon is drawn on a 16 x 16 grid */
    float left = cx - 7.0f * u;
    SDL_FPoint cone[] = {
        {left, cy - 2.5f * u},        {left + 3.0f * u, cy - 2.5f * u}, {left + 7.0f * u, cy - 6.0f * u},
        {left + 7.0f * u, cy + 6.0f * u}, {left + 3.0f * u, cy + 2.5f * u}, {left, cy + 2.5f * u},
    };
    fill_polygon(p, cone, (int)(sizeof cone / sizeof cone[0]), colour);
    float wave_x = left + 7.5f * u;
    fill_arc(p, wave_x, cy, 2.5f * u, 4.0f * u, 0.85f, colour);
    fill_arc(p, wave_x, cy, 5.5f * u, 7.0f * u, 0.85f, colour);
}

/* The read-aloud button, a round touch target ending at right; returns its width. Lit while
 * reading (tapping it then stops: any touch does). */
static int speaker_button(Painter *p, int right, int y, bool speaking)
{
    int side = p->m.target;
    SDL_Rect r = {right - side, y, side, side};
    paint_round_rect(p, r, side / 2, speaking ? p->pal.accent : p->pal.surface);
    speaker_icon(p, (float)r.x + side / 2.0f, (float)r.y + side / 2.0f, side * 0.6f,
                 speaking ? p->pal.accent_text : p->pal.text);
    paint_hit(p, r, (DeckCommand){.kind = DECK_CMD_READ_ALOUD});
    return side;
}

void chrome_paint_top(Painter *p, const Content *content, const ChromeKey *key)
{
    clear(p);
    int y = p->m.margin * 2 / 3;
    int right = p->m.w - p->m.margin;
    if (!key->interactive) {
        brand_lockup(p, content, key->lang, right, y);
        return;
    }
    for (int l = LANG_COUNT - 1; l >= 0; l--) {
        int w = pill(p, chrome_lang_label((Lang)l), right, y, key->lang == (Lang)l,
                     (DeckCommand){.kind = DECK_CMD_SET_LANG, .arg.lang = (Lang)l});
        right -= w + p->m.gap / 2;
    }
    if (key->speech) {
        right -= p->m.gap / 2;
        right -= speaker_button(p, right, y, key->speaking) + p->m.gap / 2;
    }
    if (key->detail) {
        /* Top left in both orientations, where the eye looks for the way back. */
        char label[64];
        kit_back_label(key->lang, label, sizeof label);
        int back_w = kit_back_width(p, key->lang);
        if (p->m.margin + back_w + p->m.gap > right) {
            /* A narrow portrait row with the speaker: Back keeps its arrow, not its word, rather
             * than run into the buttons on the right. */
            snprintf(label, sizeof label, "‹");
            back_w = kit_pill_width(p, label);
        }
        pill(p, label, p->m.margin + back_w, y, false, (DeckCommand){.kind = DECK_CMD_BACK});
    }
}

static void page_dots(Painter *p, const ChromeKey *key, int y)
{
    /* Members pages carry their own page indicator (members.c). */
    if (key->pages < 2 || key->detail || key->section == SECTION_MEMBERS) {
        return;
    }
    int radius = p->m.size_small / 5 > 3 ? p->m.size_small / 5 : 3;
    /* Half a touch target apart where the row fits: a finger picks a dot, or slides along
     * the row to the page under it (DECK_CMD_SCRUB, as the members' page indicator). */
    int spacing = p->m.target / 2 > radius * 4 ? p->m.target / 2 : radius * 4;
    int room = p->m.w - 2 * p->m.margin;
    if (spacing * key->pages > room) {
        spacing = room / key->pages > radius * 3 ? room / key->pages : radius * 3;
    }
    int total = (key->pages - 1) * spacing;
    int x = p->m.w / 2 - total / 2;
    for (int i = 0; i < key->pages; i++) {
        bool current = i == key->page;
        paint_circle(p, x + i * spacing, y, current ? radius * 3 / 2 : radius, current ? p->pal.accent : p->pal.line);
    }
    /* The target: a slot of spacing per page, a touch target high, in screen coordinates. */
    SDL_Rect row = {x - spacing / 2, y - p->m.target / 2 + p->m.footer.y, spacing * key->pages, p->m.target};
    paint_hit(p, row, (DeckCommand){.kind = DECK_CMD_SCRUB, .arg.index = key->pages});
}

/* The widest of a section's titles in the three languages at size px, in the boldest weight a
 * label takes: the bar is laid out the same in every language. */
static int widest_title(Painter *p, SectionId section, int size)
{
    int widest = 0;
    for (int l = 0; l < LANG_COUNT; l++) {
        int w = paint_text_width(p, kit_section_title(section, (Lang)l), FONT_BOLD, size);
        widest = w > widest ? w : widest;
    }
    return widest;
}

int chrome_section_bar(Painter *p, const bool *sections_present, SectionBar *bar)
{
    const Metrics *m = &p->m;
    *bar = (SectionBar){0};
    for (int s = 0; s < SECTION_COUNT; s++) {
        if (sections_present[s]) {
            bar->ids[bar->count++] = (SectionId)s;
        }
    }
    int bar_h = m->target + m->gap / 2;
    bar->bar = (SDL_Rect){m->margin, m->footer.h - bar_h - m->gap / 2, m->w - 2 * m->margin, bar_h};
    if (bar->count == 0) {
        return 0;
    }
    int n = bar->count;
    int inner_w = bar->bar.w - m->gap / 2;
    int pad = m->gap * 2 / 3; /* clear of a pill's round ends */
    int room = inner_w - n * 2 * pad;
    /* The largest size up to the small size at which every title of every language fits on
     * one line, each button as wide as its widest title plus an equal share of the rest. */
    int size = m->size_small;
    int widths[SECTION_COUNT] = {0};
    int total = 0;
    for (int tries = 0; tries < 8; tries++) {
        total = 0;
        for (int i = 0; i < n; i++) {
            widths[i] = widest_title(p, bar->ids[i], size) + 1;
            total += widths[i];
        }
        if (total <= room || size <= m->size_small / 2) {
            break;
        }
        /* Text widths scale with the size, all but rounding: guess, then step down. */
        int guess = (int)((long)size * room / total);
        size = guess < size ? guess : size - 1;
        size = size > m->size_small / 2 ? size : m->size_small / 2;
    }
    int share = total < room ? (room - total) / n : 0;
    int x = bar->bar.x + m->gap / 4;
    for (int i = 0; i < n; i++) {
        int w = total <= room ? widths[i] + 2 * pad + share : inner_w / n; /* too narrow: equal, two lines */
        bar->buttons[i] = (SDL_Rect){x, bar->bar.y + m->gap / 4, w, bar_h - m->gap / 2};
        bar->labels[i] = (SDL_Rect){x + pad, bar->buttons[i].y, w - 2 * pad, bar->buttons[i].h};
        x += w;
    }
    bar->size = size;
    return size;
}

void chrome_paint_footer(Painter *p, const ChromeKey *key, const bool *sections_present)
{
    clear(p);
    const Metrics *m = &p->m;
    if (!key->interactive) {
        return; /* the attract loop's call to touch is drawn live (render/invite.h) */
    }
    SectionBar sb;
    int size = chrome_section_bar(p, sections_present, &sb);
    SDL_Rect bar = sb.bar;
    paint_round_rect(p, bar, bar.h / 2, p->pal.surface);
    page_dots(p, key, bar.y - m->gap);
    int n = sb.count;
    const SDL_Rect *buttons = sb.buttons;
    const SDL_Rect *labels = sb.labels;
    const SectionId *ids = sb.ids;
    for (int i = 0; i < n; i++) {
        bool active = key->section == ids[i];
        if (active) {
            paint_round_rect(p, buttons[i], buttons[i].h / 2, p->pal.accent);
        }
        TextStyle label = centred(active ? FONT_BOLD : FONT_SEMIBOLD, size, active ? p->pal.accent_text : p->pal.text);
        label.max_lines = 2;
        label.line_height = 1.05f;
        label.min_size = size;
        paint_text(p, kit_section_title(ids[i], key->lang), labels[i], label);
        /* The target covers the whole button; recorded in screen coordinates. */
        paint_hit(p, (SDL_Rect){buttons[i].x, buttons[i].y + m->footer.y, buttons[i].w, buttons[i].h},
                  (DeckCommand){.kind = DECK_CMD_GOTO_SECTION, .arg.section = ids[i]});
    }
}
