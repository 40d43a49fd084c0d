/* idle_prompt.c — the "Still there?" card; see idle_prompt.h. */
#include "render/idle_prompt.h"

#include "core/ui_text.h"

#include <math.h>
#include <stdio.h>

static const double PI = 3.14159265358979323846;

enum { DIM_ALPHA = 170 };

void idle_prompt_paint(Painter *p, uint32_t seconds_left, uint32_t ring_seconds)
{
    const Metrics *m = &p->m;
    paint_fill(p, (SDL_Rect){0, 0, m->w, m->h}, (SDL_Color){0, 0, 0, DIM_ALPHA});
    int ring_r = m->size_figure;
    int w = m->portrait ? m->w - 2 * m->margin : m->w * 9 / 20;
    int title_h = m->size_title * 3 / 2;
    int hint_h = m->size_body * 5 / 2;
    int h = 2 * m->gap + title_h + m->gap + 2 * ring_r + m->gap + hint_h + m->gap;
    SDL_Rect card = {(m->w - w) / 2, (m->h - h) / 2, w, h};
    paint_round_rect(p, card, m->radius, p->pal.surface);
    SDL_Rect line = {card.x + m->gap, card.y + 2 * m->gap, card.w - 2 * m->gap, title_h};
    TextStyle title = {.weight = FONT_BOLD, .size = m->size_title, .colour = p->pal.text, .align = ALIGN_CENTER,
                       .max_lines = 1, .middle = true};
    paint_text(p, ui_text(UI_STILL_THERE, p->lang), line, title);
    /* The countdown: one mark per second round a ring, the lit ones still to go. */
    int cx = card.x + card.w / 2;
    int cy = line.y + title_h + m->gap + ring_r;
    int marks = ring_seconds > 0 ? (int)ring_seconds : 1;
    int dot = ring_r / 9 > 3 ? ring_r / 9 : 3;
    for (int i = 0; i < marks; i++) {
        double angle = -PI / 2 + 2 * PI * i / marks;
        int x = cx + (int)lround((ring_r - dot) * cos(angle));
        int y = cy + (int)lround((ring_r - dot) * sin(angle));
        paint_circle(p, x, y, dot, i < (int)seconds_left ? p->pal.accent : p->pal.line);
    }
    char number[16];
    snprintf(number, sizeof number, "%u", seconds_left);
    TextStyle figure = {.weight = FONT_BOLD, .size = m->size_figure * 4 / 5, .colour = p->pal.accent,
                        .align = ALIGN_CENTER, .max_lines = 1, .middle = true, .line_height = 1.0f};
    paint_text(p, number, (SDL_Rect){cx - ring_r, cy - ring_r, 2 * ring_r, 2 * ring_r}, figure);
    line = (SDL_Rect){card.x + m->gap, cy + ring_r + m->gap, card.w - 2 * m->gap, hint_h};
    TextStyle hint = {.weight = FONT_REGULAR, .size = m->size_body, .colour = p->pal.muted, .align = ALIGN_CENTER,
                      .max_lines = 2, .middle = true};
    paint_text(p, ui_text(UI_STILL_THERE_HINT, p->lang), line, hint);
}
