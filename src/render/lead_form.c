/* lead_form.c — painting the contact form; see lead_form.h. lead_form_paint() picks the
 * stage: paint_editing() (fields, country, interest, consent, Send, the keyboard),
 * paint_countries() (the list) or paint_thanks(). Every size comes from Metrics. */
#include "render/lead_form.h"

#include "core/ui_text.h"
#include "render/keyboard.h"

#include <stdio.h>
#include <string.h>

/* The extra row above the letters: digits and the signs of an e-mail address. */
static const uint32_t SYMBOLS[] = {'@', '.', '-', '_', '1', '2', '3', '4', '5', '6', '7', '8', '9', '0'};
enum { SYMBOL_COUNT = sizeof SYMBOLS / sizeof SYMBOLS[0] };

static const SDL_Color WARNING = {0xE0, 0x6C, 0x5A, 255};

static DeckCommand act(int action)
{
    return (DeckCommand){.kind = DECK_CMD_LEAD_FORM, .arg.index = action};
}

static int key_gap(const Metrics *m)
{
    return m->gap / 3 > 2 ? m->gap / 3 : 2;
}

static int field_height(const Metrics *m)
{
    int h = m->size_body * 2;
    return h > m->target ? h : m->target;
}

static TextStyle label_style(const Painter *p, SDL_Color colour)
{
    return (TextStyle){.weight = FONT_SEMIBOLD, .size = p->m.size_small, .colour = colour, .max_lines = 1,
                       .line_height = 1.0f, .middle = true};
}

static TextStyle centred(FontWeight weight, int size, SDL_Color colour)
{
    return (TextStyle){.weight = weight, .size = size, .colour = colour, .align = ALIGN_CENTER, .max_lines = 1,
                       .line_height = 1.0f, .middle = true};
}

/* A round-ended button: accent-filled when primary, else outlined in the line colour. */
static void paint_button(Painter *p, SDL_Rect r, const char *label, bool primary, int action)
{
    if (primary) {
        paint_round_rect(p, r, r.h / 2, p->pal.accent);
    } else {
        int edge = p->m.gap / 6 > 2 ? p->m.gap / 6 : 2;
        paint_round_rect(p, r, r.h / 2, p->pal.line);
        paint_round_rect(p, (SDL_Rect){r.x + edge, r.y + edge, r.w - 2 * edge, r.h - 2 * edge}, (r.h - 2 * edge) / 2,
                         p->pal.surface);
    }
    paint_text(p, label, (SDL_Rect){r.x + r.h / 3, r.y, r.w - 2 * (r.h / 3), r.h},
               centred(FONT_SEMIBOLD, p->m.size_body, primary ? p->pal.accent_text : p->pal.text));
    paint_hit(p, r, act(action));
}

/* A label line above a box; a problem, when there is one, takes the label's place in the
 * warning colour, so the form does not move. Returns the box. */
static SDL_Rect paint_label(Painter *p, SDL_Rect block, const char *label, const char *problem)
{
    int line = p->m.size_small * 3 / 2;
    bool bad = problem && problem[0];
    paint_text(p, bad ? problem : label, (SDL_Rect){block.x + line / 3, block.y, block.w - line / 3, line},
               label_style(p, bad ? WARNING : p->pal.muted));
    return (SDL_Rect){block.x, block.y + line, block.w, block.h - line};
}

static int block_height(const Metrics *m)
{
    return m->size_small * 3 / 2 + field_height(m);
}

/* A text field: its text (or nothing), an accent outline and a caret when focused, a warning
 * outline when it has a problem. */
static void paint_field(Painter *p, SDL_Rect box, const char *text, bool focused, bool bad, int action)
{
    const Metrics *m = &p->m;
    int edge = focused || bad ? (m->gap / 6 > 2 ? m->gap / 6 : 2) : 0;
    int radius = m->radius / 2;
    if (edge) {
        paint_round_rect(p, box, radius, bad && !focused ? WARNING : p->pal.accent);
    }
    SDL_Rect inner = {box.x + edge, box.y + edge, box.w - 2 * edge, box.h - 2 * edge};
    paint_round_rect(p, inner, radius, p->pal.surface);
    paint_hit(p, box, act(action));
    int pad = box.h / 3;
    SDL_Rect area = {box.x + pad, box.y, box.w - 2 * pad, box.h};
    TextStyle style = {.weight = FONT_REGULAR, .size = m->size_body, .min_size = m->size_body, .colour = p->pal.text,
                       .max_lines = 1, .line_height = 1.0f, .middle = true};
    /* A long entry shows its end, where the visitor types. */
    const char *shown = text;
    while (shown[0] && paint_text_width(p, shown, FONT_REGULAR, m->size_body) > area.w - m->size_body / 2) {
        shown++;
        while (((unsigned char)shown[0] & 0xC0) == 0x80) {
            shown++;
        }
    }
    paint_text(p, shown, area, style);
    if (focused) {
        int w = shown[0] ? paint_text_width(p, shown, FONT_REGULAR, m->size_body) : 0;
        int caret_h = m->size_body * 6 / 5;
        int caret_w = m->size_body / 10 > 2 ? m->size_body / 10 : 2;
        paint_fill(p, (SDL_Rect){area.x + w + 2, box.y + (box.h - caret_h) / 2, caret_w, caret_h}, p->pal.accent);
    }
}

/* A tick in box: two strokes as quads. */
static void paint_tick(Painter *p, SDL_Rect box, SDL_Color ink)
{
    float s = (float)box.w;
    float d = s / 14.0f;
    SDL_FPoint a = {(float)box.x + s * 0.22f, (float)box.y + s * 0.52f};
    SDL_FPoint b = {(float)box.x + s * 0.42f, (float)box.y + s * 0.72f};
    SDL_FPoint c = {(float)box.x + s * 0.78f, (float)box.y + s * 0.30f};
    SDL_Vertex v[8] = {
        {{a.x - d, a.y + d}, ink, {0, 0}}, {{a.x + d, a.y - d}, ink, {0, 0}},
        {{b.x + d, b.y - d}, ink, {0, 0}}, {{b.x - d, b.y + d}, ink, {0, 0}},
        {{b.x - d, b.y - d}, ink, {0, 0}}, {{b.x + d, b.y + d}, ink, {0, 0}},
        {{c.x + d, c.y + d}, ink, {0, 0}}, {{c.x - d, c.y - d}, ink, {0, 0}},
    };
    int indices[12] = {0, 1, 2, 0, 2, 3, 4, 5, 6, 4, 6, 7};
    SDL_SetRenderDrawBlendMode(p->renderer, SDL_BLENDMODE_BLEND);
    SDL_RenderGeometry(p->renderer, NULL, v, 8, indices, 12);
}

/* The consent box and its wording; the whole block is one target. */
static void paint_consent(Painter *p, SDL_Rect block, const LeadFormLook *look)
{
    const Metrics *m = &p->m;
    const LeadForm *form = look->form;
    bool bad = (form->problems & LEAD_FORM_PROBLEM_CONSENT) != 0;
    int side = m->target * 3 / 4;
    SDL_Rect box = {block.x, block.y + (m->target - side) / 2, side, side};
    paint_round_rect(p, box, side / 5, bad ? WARNING : form->consent ? p->pal.accent : p->pal.line);
    if (!form->consent) {
        int edge = side / 8 > 2 ? side / 8 : 2;
        paint_round_rect(p, (SDL_Rect){box.x + edge, box.y + edge, side - 2 * edge, side - 2 * edge}, side / 6,
                         p->pal.surface);
    } else {
        paint_tick(p, box, p->pal.accent_text);
    }
    int text_x = box.x + side + m->gap / 2;
    SDL_Rect text = {text_x, block.y, block.x + block.w - text_x, block.h};
    TextStyle style = {.weight = FONT_REGULAR, .size = m->size_small, .min_size = m->size_small * 4 / 5,
                       .colour = bad ? WARNING : p->pal.text, .max_lines = 4, .line_height = 1.2f};
    int used = paint_text(p, look->consent, text, style);
    if (bad) {
        paint_text(p, ui_text(UI_LEAD_NEED_CONSENT, p->lang),
                   (SDL_Rect){text_x, block.y + used + m->gap / 4, text.w, m->size_small * 3 / 2},
                   label_style(p, WARNING));
    }
    paint_hit(p, (SDL_Rect){block.x, block.y, block.w, block.h}, act(LEAD_FORM_ACT_CONSENT));
}

/* The digits and e-mail signs above the letters. */
static void paint_symbols(Painter *p, SDL_Rect area)
{
    int gap = key_gap(&p->m);
    for (int i = 0; i < SYMBOL_COUNT; i++) {
        int x = area.x + (area.w + gap) * i / SYMBOL_COUNT;
        int right = area.x + (area.w + gap) * (i + 1) / SYMBOL_COUNT - gap;
        SDL_Rect key = {x, area.y, right - x, area.h};
        char label[8] = {0};
        snprintf(label, sizeof label, "%c", (char)SYMBOLS[i]);
        paint_round_rect(p, key, p->m.radius / 2, p->pal.surface);
        paint_text(p, label, key, centred(FONT_SEMIBOLD, p->m.size_heading, p->pal.text));
        paint_hit(p, key, (DeckCommand){.kind = DECK_CMD_TEXT_INPUT, .arg.codepoint = SYMBOLS[i]});
    }
}

/* The title row: the title at the left, a button at the right. */
static int paint_title_row(Painter *p, const char *title, const char *button, int action)
{
    const Metrics *m = &p->m;
    int y = m->margin / 2;
    int bw = paint_text_width(p, button, FONT_SEMIBOLD, m->size_body) + m->target;
    SDL_Rect b = {m->w - m->margin - bw, y, bw, m->target};
    paint_button(p, b, button, false, action);
    TextStyle style = {.weight = FONT_BOLD, .size = m->size_heading, .colour = p->pal.text, .max_lines = 1,
                       .line_height = 1.0f, .middle = true};
    paint_text(p, title, (SDL_Rect){m->margin, y, b.x - m->margin - m->gap, m->target}, style);
    return y + m->target;
}

static const char *problem_text(const LeadForm *form, LeadFormField field, Lang lang)
{
    if (field == LEAD_FORM_NAME && (form->problems & LEAD_FORM_PROBLEM_NAME)) {
        return ui_text(UI_LEAD_NEED_NAME, lang);
    }
    if (field == LEAD_FORM_EMAIL && (form->problems & LEAD_FORM_PROBLEM_EMAIL)) {
        return ui_text(UI_LEAD_NEED_EMAIL, lang);
    }
    return NULL;
}

static void paint_editing(Painter *p, const LeadFormLook *look)
{
    static const UiText LABELS[LEAD_FORM_TEXT_FIELDS] = {UI_LEAD_NAME, UI_LEAD_COMPANY, UI_LEAD_EMAIL};
    const Metrics *m = &p->m;
    const LeadForm *form = look->form;
    Lang lang = p->lang;
    int top = paint_title_row(p, ui_text(UI_LEAD_TITLE, lang), ui_text(UI_LEAD_CANCEL, lang), LEAD_FORM_ACT_CANCEL);

    /* The keyboard along the bottom: taller keys where a portrait screen has room. */
    int gap = key_gap(m);
    int keys_h = keyboard_height(m, false) * (m->portrait ? 3 : 2) / 2;
    int symbols_h = keys_h / KEYBOARD_ROWS;
    SDL_Rect keys = {m->margin, m->h - m->margin / 2 - keys_h, m->w - 2 * m->margin, keys_h};
    SDL_Rect symbols = {keys.x, keys.y - gap - symbols_h, keys.w, symbols_h};
    keyboard_paint(p, keys, form->cyrillic ? DECK_KEYBOARD_CYRILLIC : DECK_KEYBOARD_LATIN, false);
    paint_symbols(p, symbols);

    int columns = m->portrait ? 1 : 2;
    int column_w = (m->w - 2 * m->margin - (columns - 1) * m->gap) / columns;
    int block_h = block_height(m);
    int spacing = m->gap * 2 / 3;
    int y = top + spacing;
    int x = m->margin;
    for (int f = 0; f < LEAD_FORM_TEXT_FIELDS; f++) {
        const char *problem = problem_text(form, (LeadFormField)f, lang);
        SDL_Rect box = paint_label(p, (SDL_Rect){x, y, column_w, block_h}, ui_text(LABELS[f], lang), problem);
        paint_field(p, box, form->text[f], form->focus == (LeadFormField)f, problem != NULL,
                    LEAD_FORM_ACT_FOCUS_NAME + f);
        y += block_h + spacing;
    }
    if (columns == 2) {
        x += column_w + m->gap;
        y = top + spacing;
    }
    /* Country: a button that opens the list. */
    SDL_Rect box = paint_label(p, (SDL_Rect){x, y, column_w, block_h}, ui_text(UI_LEAD_COUNTRY, lang), NULL);
    const char *country = form->country != LEAD_FORM_NO_COUNTRY ? lead_form_country_name(form->country, lang)
                                                                : ui_text(UI_LEAD_CHOOSE, lang);
    paint_field(p, box, country, false, false, LEAD_FORM_ACT_COUNTRIES);
    paint_text(p, "›", (SDL_Rect){box.x + box.w - box.h, box.y, box.h, box.h},
               centred(FONT_BOLD, m->size_heading, p->pal.muted));
    y += block_h + spacing;
    /* Interested in: the page's member, or the cluster in general (a tap switches). */
    box = paint_label(p, (SDL_Rect){x, y, column_w, block_h}, ui_text(UI_LEAD_INTEREST, lang), NULL);
    const char *interest = form->general ? ui_text(UI_LEAD_GENERAL, lang) : form->interest;
    paint_field(p, box, interest, false, false, LEAD_FORM_ACT_INTEREST);
    if (form->interest[0]) {
        paint_text(p, "›", (SDL_Rect){box.x + box.w - box.h, box.y, box.h, box.h},
                   centred(FONT_BOLD, m->size_heading, p->pal.muted));
    }
    y += block_h + spacing;
    /* Consent, then Send at the end of the column. */
    int send_h = field_height(m);
    int bottom = symbols.y - spacing;
    int consent_h = bottom - send_h - spacing - y;
    int consent_max = m->size_small * 6 + m->gap;
    consent_h = consent_h > consent_max ? consent_max : consent_h;
    paint_consent(p, (SDL_Rect){x, y, column_w, consent_h}, look);
    y += consent_h + spacing / 2;
    int send_w = paint_text_width(p, ui_text(UI_LEAD_SEND, lang), FONT_SEMIBOLD, m->size_body) + 2 * send_h;
    send_w = send_w > column_w ? column_w : send_w;
    paint_button(p, (SDL_Rect){x + column_w - send_w, y, send_w, send_h}, ui_text(UI_LEAD_SEND, lang), true,
                 LEAD_FORM_ACT_SEND);
}

static void paint_countries(Painter *p, const LeadFormLook *look)
{
    const Metrics *m = &p->m;
    Lang lang = p->lang;
    int top = paint_title_row(p, ui_text(UI_LEAD_COUNTRY, lang), ui_text(UI_BACK, lang), LEAD_FORM_ACT_NO_COUNTRY);
    int count = lead_form_country_count();
    int columns = m->portrait ? 2 : 4;
    int rows = (count + columns - 1) / columns;
    int gap = key_gap(m);
    SDL_Rect area = {m->margin, top + m->gap, m->w - 2 * m->margin, m->h - top - m->gap - m->margin / 2};
    int cell_h = (area.h + gap) / rows - gap;
    int max_h = field_height(m) * 3 / 2;
    cell_h = cell_h > max_h ? max_h : cell_h;
    int cell_w = (area.w + gap) / columns - gap;
    for (int i = 0; i < count; i++) {
        /* Down the columns, as a list is read. */
        int column = i / rows;
        int row = i % rows;
        SDL_Rect cell = {area.x + column * (cell_w + gap), area.y + row * (cell_h + gap), cell_w, cell_h};
        bool chosen = i == look->form->country;
        paint_round_rect(p, cell, m->radius / 2, chosen ? p->pal.accent : p->pal.surface);
        TextStyle style = {.weight = FONT_SEMIBOLD, .size = m->size_body, .min_size = m->size_small,
                           .colour = chosen ? p->pal.accent_text : p->pal.text, .max_lines = 2, .line_height = 1.1f,
                           .middle = true};
        paint_text(p, lead_form_country_name(i, lang), (SDL_Rect){cell.x + cell_h / 3, cell.y, cell.w - cell_h * 2 / 3,
                                                                  cell.h}, style);
        paint_hit(p, cell, act(LEAD_FORM_ACT_COUNTRY + i));
    }
}

static void paint_thanks(Painter *p, const LeadFormLook *look)
{
    const Metrics *m = &p->m;
    Lang lang = p->lang;
    int h = m->size_title * 2 + m->size_body * 3 + field_height(m) + 2 * m->gap;
    int y = (m->h - h) / 2;
    UiText title = look->not_kept ? UI_LEAD_NOT_KEPT : UI_LEAD_THANKS;
    TextStyle title_style = {.weight = FONT_BOLD, .size = look->not_kept ? m->size_heading : m->size_title,
                             .colour = p->pal.text, .align = ALIGN_CENTER, .max_lines = 3, .line_height = 1.15f};
    int used = paint_text(p, ui_text(title, lang), (SDL_Rect){m->margin, y, m->w - 2 * m->margin, m->size_title * 2},
                          title_style);
    y += used + m->gap;
    if (!look->not_kept) {
        TextStyle hint = {.weight = FONT_REGULAR, .size = m->size_body, .colour = p->pal.muted, .align = ALIGN_CENTER,
                          .max_lines = 2};
        y += paint_text(p, ui_text(UI_LEAD_THANKS_HINT, lang), (SDL_Rect){m->margin, y, m->w - 2 * m->margin,
                                                                          m->size_body * 3}, hint) + m->gap;
    }
    int bh = field_height(m);
    int bw = paint_text_width(p, ui_text(UI_BACK, lang), FONT_SEMIBOLD, m->size_body) + 2 * bh;
    paint_button(p, (SDL_Rect){(m->w - bw) / 2, y, bw, bh}, ui_text(UI_BACK, lang), true, LEAD_FORM_ACT_CANCEL);
}

void lead_form_paint(Painter *p, const LeadFormLook *look)
{
    const LeadForm *form = look->form;
    if (!form || !lead_form_is_open(form)) {
        return;
    }
    SDL_SetRenderDrawBlendMode(p->renderer, SDL_BLENDMODE_NONE);
    paint_fill(p, (SDL_Rect){0, 0, p->m.w, p->m.h}, p->pal.background);
    switch (form->stage) {
    case LEAD_FORM_EDITING:
        paint_editing(p, look);
        break;
    case LEAD_FORM_COUNTRIES:
        paint_countries(p, look);
        break;
    case LEAD_FORM_THANKS:
        paint_thanks(p, look);
        break;
    case LEAD_FORM_CLOSED:
        break;
    }
}

SDL_Rect lead_form_button_rect(Painter *p)
{
    const Metrics *m = &p->m;
    int h = field_height(m);
    int w = paint_text_width(p, ui_text(UI_LEAD_BUTTON, p->lang), FONT_SEMIBOLD, m->size_body) + 2 * h;
    return (SDL_Rect){m->w - m->margin - w, m->footer.y - m->gap - h, w, h};
}

void lead_form_paint_button(Painter *p, SDL_Rect rect)
{
    paint_button(p, rect, ui_text(UI_LEAD_BUTTON, p->lang), true, LEAD_FORM_ACT_OPEN);
}
