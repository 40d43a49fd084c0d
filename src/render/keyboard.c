/* keyboard.c — keys and the text field; see keyboard.h. Every row is KEYBOARD_ROW_WIDTH
 * half keys wide, so a letter has the same width in every row and the rows line up. */
#include "render/keyboard.h"

#include <math.h>

static int key_gap(const Metrics *m)
{
    return m->gap / 3 > 2 ? m->gap / 3 : 2;
}

int keyboard_height(const Metrics *m, bool digits)
{
    int rows = KEYBOARD_ROWS + (digits ? 1 : 0);
    return rows * m->target + (rows - 1) * key_gap(m);
}

static TextStyle key_text(int size, SDL_Color colour)
{
    return (TextStyle){.weight = FONT_SEMIBOLD, .size = size, .min_size = size * 2 / 3, .colour = colour,
                       .align = ALIGN_CENTER, .max_lines = 1, .line_height = 1.0f, .middle = true};
}

static void paint_key(Painter *p, SDL_Rect r, const KeyboardKey *key, DeckKeyboard layout)
{
    char label[KEYBOARD_LABEL_MAX];
    keyboard_label(key, layout, p->lang, label, sizeof label);
    bool letter = key->action == KEY_CHARACTER;
    bool done = key->action == KEY_DONE;
    SDL_Color fill = done ? p->pal.accent : letter || key->action == KEY_SPACE ? p->pal.surface : p->pal.line;
    SDL_Color ink = done ? p->pal.accent_text : p->pal.text;
    paint_round_rect(p, r, p->m.radius / 2, fill);
    int size = letter || key->action == KEY_BACKSPACE ? p->m.size_heading : p->m.size_small;
    paint_text(p, label, (SDL_Rect){r.x + 2, r.y, r.w - 4, r.h}, key_text(size, ink));
    paint_hit(p, r, keyboard_command(key, layout));
}

void keyboard_paint(Painter *p, SDL_Rect area, DeckKeyboard layout, bool digits)
{
    int gap = key_gap(&p->m);
    int first = digits ? -1 : 0; /* row -1: the digits */
    int rows = KEYBOARD_ROWS - first;
    int key_h = (area.h - (rows - 1) * gap) / rows;
    double half = (double)(area.w + gap) / KEYBOARD_ROW_WIDTH;
    for (int row = first; row < KEYBOARD_ROWS; row++) {
        int count = 0;
        const KeyboardKey *keys = row < 0 ? keyboard_digit_row(&count) : keyboard_row(layout, row, &count);
        int units = 0;
        for (int k = 0; k < count; k++) {
            units += keys[k].width;
        }
        units = (KEYBOARD_ROW_WIDTH - units) / 2; /* a shorter row (the digits) is centred */
        int y = area.y + (row - first) * (key_h + gap);
        for (int k = 0; k < count; k++) {
            int x = area.x + (int)lround(units * half);
            units += keys[k].width;
            int right = area.x + (int)lround(units * half) - gap;
            paint_key(p, (SDL_Rect){x, y, right - x, key_h}, &keys[k], layout);
        }
    }
}

/* A magnifier: a ring and a short handle, inside a square of side s at (x, y). */
static void magnifier(Painter *p, int x, int y, int s, SDL_Color ink, SDL_Color fill)
{
    int r = s * 3 / 10;
    int cx = x + s * 2 / 5;
    int cy = y + s * 2 / 5;
    int stroke = s / 9 > 2 ? s / 9 : 2;
    /* The handle: a quad from the ring to the lower right corner. */
    float d = (float)stroke / 2.0f;
    float x0 = (float)cx + (float)r * 0.7f;
    float y0 = (float)cy + (float)r * 0.7f;
    float x1 = (float)(x + s) - (float)stroke;
    float y1 = (float)(y + s) - (float)stroke;
    SDL_Vertex v[4] = {
        {{x0 - d, y0 + d}, ink, {0, 0}}, {{x0 + d, y0 - d}, ink, {0, 0}},
        {{x1 + d, y1 - d}, ink, {0, 0}}, {{x1 - d, y1 + d}, ink, {0, 0}},
    };
    int indices[6] = {0, 1, 2, 0, 2, 3};
    SDL_SetRenderDrawBlendMode(p->renderer, SDL_BLENDMODE_BLEND);
    SDL_RenderGeometry(p->renderer, NULL, v, 4, indices, 6);
    paint_circle(p, cx, cy, r, ink);
    paint_circle(p, cx, cy, r - stroke, fill);
}

void keyboard_paint_field(Painter *p, SDL_Rect box, const KeyboardField *field)
{
    const Metrics *m = &p->m;
    int edge = field->focused ? (m->gap / 6 > 2 ? m->gap / 6 : 2) : 0;
    if (edge) {
        paint_round_rect(p, box, box.h / 2, p->pal.accent);
    }
    SDL_Rect inner = {box.x + edge, box.y + edge, box.w - 2 * edge, box.h - 2 * edge};
    paint_round_rect(p, inner, inner.h / 2, p->pal.surface);
    if (field->tap.kind != DECK_CMD_NONE) {
        paint_hit(p, box, field->tap);
    }
    int icon = box.h / 2;
    int pad = box.h / 3;
    magnifier(p, box.x + pad, box.y + (box.h - icon) / 2, icon, p->pal.muted, p->pal.surface);
    int text_x = box.x + pad + icon + pad / 2;
    int right = box.x + box.w - pad;
    bool has_text = field->text && field->text[0];
    if (field->clear_button && has_text) {
        /* The clear button is a full touch target at the field's right end. */
        SDL_Rect clear = {box.x + box.w - box.h, box.y, box.h, box.h};
        TextStyle cross = key_text(m->size_heading, p->pal.muted);
        paint_text(p, "×", clear, cross);
        paint_hit(p, clear, (DeckCommand){.kind = DECK_CMD_TEXT_CLEAR});
        right = clear.x;
    }
    SDL_Rect text = {text_x, box.y, right - text_x, box.h};
    TextStyle style = {.weight = FONT_REGULAR, .size = m->size_body, .min_size = m->size_small,
                       .colour = has_text ? p->pal.text : p->pal.muted, .max_lines = 1, .line_height = 1.0f,
                       .middle = true};
    const char *shown = has_text ? field->text : field->placeholder;
    paint_text(p, shown, text, style);
    if (field->focused) {
        int w = has_text ? paint_text_width(p, field->text, FONT_REGULAR, m->size_body) : 0;
        int caret_x = text.x + (w < text.w ? w : text.w) + 2;
        int caret_h = m->size_body * 6 / 5;
        int caret_w = m->size_body / 10 > 2 ? m->size_body / 10 : 2;
        paint_fill(p, (SDL_Rect){caret_x, box.y + (box.h - caret_h) / 2, caret_w, caret_h}, p->pal.accent);
    }
}
