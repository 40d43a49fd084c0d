/* paint.c — metrics, palette, text and shapes; see paint.h. */
#include "render/paint.h"

#include "core/colour.h"
#include "core/text_fit.h"
#include "core/ui_text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_LINES = 24, MAX_LINE_BYTES = 2048 };

/* Type scale as thousandths of the screen height, one per orientation: title > heading > body >
 * small everywhere, body between 2.5 % and 3.5 % of the height (landscape 29 px at 1080p,
 * portrait 48 px at 1920 high — the 2.5 % floor: a portrait line is narrow). */
typedef struct TypeScale {
    int eyebrow, title, quote, heading, body, small, figure;
} TypeScale;

static const TypeScale LANDSCAPE_SCALE = {22, 50, 40, 30, 27, 22, 90};
/* Portrait screens are tall and narrow: the same heights would crowd a line, so the
 * scale is a little smaller while body text stays above 2.5 % of the height. */
static const TypeScale PORTRAIT_SCALE = {17, 36, 30, 28, 25, 18, 56};

static int per_mille(int length, int thousandths)
{
    return (length * thousandths + 500) / 1000;
}

Metrics metrics_for(int w, int h)
{
    Metrics m = {.w = w, .h = h, .portrait = h > w};
    const TypeScale *scale = m.portrait ? &PORTRAIT_SCALE : &LANDSCAPE_SCALE;
    int short_side = w < h ? w : h;
    m.margin = per_mille(short_side, 60);
    m.gap = per_mille(short_side, 24);
    m.radius = per_mille(short_side, 14);
    m.target = hit_min_target_px(w, h);
    m.size_eyebrow = per_mille(h, scale->eyebrow);
    m.size_title = per_mille(h, scale->title);
    m.size_quote = per_mille(h, scale->quote);
    m.size_heading = per_mille(h, scale->heading);
    m.size_body = per_mille(h, scale->body);
    m.size_small = per_mille(h, scale->small);
    m.size_figure = per_mille(h, scale->figure);
    /* In landscape the eyebrow shares the chrome's top row, so the title starts below the
     * row's buttons and a long one never runs under them. */
    m.header_row = m.portrait || m.size_eyebrow * 2 > m.target + m.gap / 3 ? m.size_eyebrow * 2 : m.target + m.gap / 3;
    m.size_floor = (h * 25 + 999) / 1000; /* 2.5 %, rounded up */
    int header_h = m.margin / 2 + m.header_row + m.size_title * 3 / 2;
    int footer_h = m.target + m.gap * 2 + m.size_small;
    /* Portrait screens are too narrow to share the top line with the language switch:
     * the header starts below it. */
    int header_y = m.portrait ? m.margin * 2 / 3 + m.target + m.gap / 2 : m.margin * 2 / 3;
    m.header = (SDL_Rect){m.margin, header_y, w - 2 * m.margin, header_h};
    m.footer = (SDL_Rect){0, h - footer_h, w, footer_h};
    int body_y = m.header.y + header_h + m.gap;
    m.body = (SDL_Rect){m.margin, body_y, w - 2 * m.margin, m.footer.y - body_y - m.gap / 2};
    return m;
}

SDL_Color paint_rgb(uint32_t rgb)
{
    return (SDL_Color){(Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb, 255};
}

SDL_Texture *paint_target_texture(SDL_Renderer *renderer, Uint32 format, SDL_BlendMode blend, int w, int h)
{
    SDL_Texture *texture = SDL_CreateTexture(renderer, format, SDL_TEXTUREACCESS_TARGET, w, h);
    if (texture) {
        SDL_SetTextureBlendMode(texture, blend);
    }
    return texture;
}

Palette palette_from_theme(const Theme *theme)
{
    uint32_t text = colour_readable(theme->text, theme->surface, COLOUR_MIN_CONTRAST);
    text = colour_readable(text, theme->background, COLOUR_MIN_CONTRAST);
    uint32_t muted = colour_readable(theme->muted, theme->surface, COLOUR_MIN_CONTRAST);
    muted = colour_readable(muted, theme->background, COLOUR_MIN_CONTRAST);
    /* The accent colours text too (eyebrows, labels, figures on cards). */
    uint32_t accent = colour_readable(theme->accent, theme->surface, COLOUR_MIN_CONTRAST);
    accent = colour_readable(accent, theme->background, COLOUR_MIN_CONTRAST);
    uint32_t accent_text = colour_readable(theme->accent_text, accent, COLOUR_MIN_CONTRAST);
    return (Palette){
        .background = paint_rgb(theme->background),
        .surface = paint_rgb(theme->surface),
        .text = paint_rgb(text),
        .muted = paint_rgb(muted),
        .accent = paint_rgb(accent),
        .accent_text = paint_rgb(accent_text),
        .line = paint_rgb(colour_mix(theme->surface, text, 0.18)),
    };
}

typedef struct MeasureContext {
    Painter *painter;
    FontWeight weight;
} MeasureContext;

static int measure(void *ctx, const char *utf8, size_t length, int size_px)
{
    MeasureContext *mc = ctx;
    char shown[MAX_LINE_BYTES];
    (void)text_fit_dashes(utf8, length, shown, sizeof shown);
    TTF_Font *font = fonts_get(mc->painter->fonts, mc->weight, size_px);
    int w = 0;
    if (!font || TTF_SizeUTF8(font, shown, &w, NULL) != 0) {
        return -1;
    }
    return w;
}

int paint_text_width(Painter *p, const char *text, FontWeight weight, int size)
{
    MeasureContext mc = {p, weight};
    int w = measure(&mc, text, strlen(text), size);
    return w < 0 ? 0 : w;
}

/* Draws one line as measure() measured it: year ranges with an en dash. */
static void draw_line(Painter *p, TTF_Font *font, const char *line, int x, int y, SDL_Color colour)
{
    if (!line[0]) {
        return;
    }
    char shown[MAX_LINE_BYTES + 8];
    (void)text_fit_dashes(line, strlen(line), shown, sizeof shown);
    SDL_Surface *surface = TTF_RenderUTF8_Blended(font, shown, colour);
    if (!surface) {
        return;
    }
    SDL_Texture *texture = SDL_CreateTextureFromSurface(p->renderer, surface);
    if (texture) {
        SDL_Rect dst = {x, y, surface->w, surface->h};
        SDL_RenderCopy(p->renderer, texture, NULL, &dst);
        SDL_DestroyTexture(texture);
    }
    SDL_FreeSurface(surface);
}

int paint_on_baseline(Painter *p, const char *text, int x, int y, FontWeight weight, int size, SDL_Color colour)
{
    TTF_Font *font = fonts_get(p->fonts, weight, size);
    if (!font || !text || !text[0]) {
        return 0;
    }
    draw_line(p, font, text, x, y - TTF_FontAscent(font), colour);
    return paint_text_width(p, text, weight, size);
}

int paint_first_baseline(Painter *p, int y, FontWeight weight, int size)
{
    TTF_Font *font = fonts_get(p->fonts, weight, size);
    if (!font) {
        return y + size;
    }
    int line = (int)lroundf((float)size * 1.25f);
    return y + (line - TTF_FontHeight(font)) / 2 + TTF_FontAscent(font);
}

const char *paint_more_label(const Painter *p)
{
    return ui_text(UI_READ_MORE, p->lang);
}

/* The request paint_text makes for text in box. */
static TextFitRequest fit_request(Painter *p, const char *text, SDL_Rect box, TextStyle style, MeasureContext *mc)
{
    TextFitRequest request = {
        .text = text,
        .length = strlen(text),
        .box_w = box.w,
        .box_h = box.h,
        .preferred_px = style.size,
        .min_px = style.min_size > 0 ? style.min_size : style.size * 3 / 4,
        .line_height = style.line_height > 0 ? style.line_height : 1.25f,
        .max_lines = style.max_lines,
        .floor_px = p->m.size_floor,
        .measure = measure,
        .measure_ctx = mc,
    };
    if (request.min_px > request.preferred_px) {
        request.min_px = request.preferred_px;
    }
    return request;
}

int paint_fit_size(Painter *p, const char *text, SDL_Rect box, TextStyle style)
{
    if (!text || !text[0] || box.w <= 0 || box.h <= 0) {
        return 0;
    }
    MeasureContext mc = {p, style.weight};
    TextFitRequest request = fit_request(p, text, box, style, &mc);
    TextLine lines[MAX_LINES];
    TextFitResult fit = {0};
    if (text_fit(&request, lines, MAX_LINES, &fit) != TEXT_FIT_OK || fit.line_count == 0 || fit.truncated ||
        fit.broke_word) {
        return 0;
    }
    return fit.size_px;
}

/* The mark's text ("Read more ›") and the room it needs after a line at size. */
static int mark_width(Painter *p, char *label, size_t size, int size_px)
{
    snprintf(label, size, "%s \xE2\x80\xBA", paint_more_label(p));
    return paint_text_width(p, label, FONT_SEMIBOLD, size_px) + size_px / 2;
}

int paint_more_mark(Painter *p, int x, int y, int size, int max_w)
{
    char label[128];
    int w = mark_width(p, label, sizeof label, size) - size / 2;
    TTF_Font *font = fonts_get(p->fonts, FONT_SEMIBOLD, size);
    if (!font || w > max_w) {
        return 0;
    }
    draw_line(p, font, label, x, y, p->pal.accent);
    return w;
}

int paint_shared_size(Painter *p, const char *const *texts, const SDL_Rect *boxes, size_t count, TextStyle style)
{
    enum { MAX_SHARED = 16 };
    TextFitRequest requests[MAX_SHARED];
    MeasureContext mc = {p, style.weight};
    size_t n = 0;
    for (size_t i = 0; i < count && n < MAX_SHARED; i++) {
        if (texts[i] && texts[i][0] && boxes[i].w > 0 && boxes[i].h > 0) {
            requests[n++] = fit_request(p, texts[i], boxes[i], style, &mc);
        }
    }
    TextLine lines[MAX_LINES];
    int size = style.size;
    if (n == 0 || text_fit_shared_size(requests, n, lines, MAX_LINES, &size) != TEXT_FIT_OK) {
        return style.size;
    }
    return size;
}

/* The height of text fitted to box as paint_text() fits it (grow: at its preferred size in a
 * box as tall as it needs); 0 when nothing would be drawn. */
static int fitted_height(Painter *p, const char *text, SDL_Rect box, TextStyle style, bool grow)
{
    if (!text || !text[0] || box.w <= 0 || box.h <= 0) {
        return 0;
    }
    MeasureContext mc = {p, style.weight};
    TextFitRequest request = fit_request(p, text, box, style, &mc);
    if (grow) {
        request.min_px = request.preferred_px;
    }
    TextLine lines[MAX_LINES];
    TextFitResult fit = {0};
    if (text_fit(&request, lines, MAX_LINES, &fit) != TEXT_FIT_OK) {
        return 0;
    }
    return (int)fit.line_count * fit.line_height_px;
}

int paint_text_height(Painter *p, const char *text, int w, TextStyle style)
{
    return fitted_height(p, text, (SDL_Rect){0, 0, w, 1 << 20}, style, true);
}

int paint_text_box_height(Painter *p, const char *text, SDL_Rect box, TextStyle style)
{
    return fitted_height(p, text, box, style, false);
}

int paint_text(Painter *p, const char *text, SDL_Rect box, TextStyle style)
{
    return paint_text_cut(p, text, box, style, NULL);
}

int paint_text_cut(Painter *p, const char *text, SDL_Rect box, TextStyle style, bool *cut)
{
    if (cut) {
        *cut = false;
    }
    if (!text || !text[0] || box.w <= 0 || box.h <= 0) {
        return 0;
    }
    MeasureContext mc = {p, style.weight};
    TextFitRequest request = fit_request(p, text, box, style, &mc);
    char mark[128] = "";
    if (style.more) {
        /* The mark is set at the size the text ends up in; the smallest allowed is the
         * widest room it can need relative to the line, so reserve for the preferred. */
        request.mark_px = mark_width(p, mark, sizeof mark, style.size);
    }
    TextLine lines[MAX_LINES];
    TextFitResult fit = {0};
    if (text_fit(&request, lines, MAX_LINES, &fit) != TEXT_FIT_OK) {
        return 0;
    }
    if (cut) {
        *cut = fit.truncated;
    }
    if (fit.line_count == 0) {
        return 0;
    }
    TTF_Font *font = fonts_get(p->fonts, style.weight, fit.size_px);
    if (!font) {
        return 0;
    }
    int used = (int)fit.line_count * fit.line_height_px;
    int y = box.y + (style.middle && used < box.h ? (box.h - used) / 2 : 0);
    /* SDL_ttf's line box includes the ascent; centre the glyph box in the line advance. */
    int nudge = (fit.line_height_px - TTF_FontHeight(font)) / 2;
    for (size_t i = 0; i < fit.line_count; i++) {
        char line[MAX_LINE_BYTES + 4];
        size_t length = lines[i].length < MAX_LINE_BYTES ? lines[i].length : MAX_LINE_BYTES;
        memcpy(line, text + lines[i].offset, length);
        line[length] = '\0';
        if (lines[i].ellipsis) {
            strcat(line, TEXT_FIT_ELLIPSIS);
        }
        int x = box.x;
        if (style.align != ALIGN_LEFT) {
            int w = paint_text_width(p, line, style.weight, fit.size_px);
            x = style.align == ALIGN_CENTER ? box.x + (box.w - w) / 2 : box.x + box.w - w;
        }
        draw_line(p, font, line, x, y + nudge, style.colour);
        if (i + 1 == fit.line_count && fit.marked) {
            int w = paint_text_width(p, line, style.weight, fit.size_px);
            TTF_Font *bold = fonts_get(p->fonts, FONT_SEMIBOLD, fit.size_px);
            (void)mark_width(p, mark, sizeof mark, fit.size_px);
            if (bold) {
                draw_line(p, bold, mark, x + w + fit.size_px / 2, y + nudge, p->pal.accent);
            }
        }
        y += fit.line_height_px;
    }
    return used;
}

static void set_colour(Painter *p, SDL_Color c)
{
    SDL_SetRenderDrawColor(p->renderer, c.r, c.g, c.b, c.a);
}

void paint_fill(Painter *p, SDL_Rect rect, SDL_Color colour)
{
    set_colour(p, colour);
    SDL_SetRenderDrawBlendMode(p->renderer, colour.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_RenderFillRect(p->renderer, &rect);
}

/* Part src of the disc texture, tinted colour, at dst. */
static void copy_tinted(Painter *p, SDL_Texture *disc, SDL_Rect src, SDL_Rect dst, SDL_Color colour)
{
    SDL_SetTextureColorMod(disc, colour.r, colour.g, colour.b);
    SDL_SetTextureAlphaMod(disc, colour.a);
    SDL_RenderCopy(p->renderer, disc, &src, &dst);
}

void paint_round_rect(Painter *p, SDL_Rect rect, int radius, SDL_Color colour)
{
    int r = radius * 2 > rect.w ? rect.w / 2 : radius;
    r = r * 2 > rect.h ? rect.h / 2 : r;
    bool owned = false;
    SDL_Texture *disc = r > 1 ? shapes_disc(p->shapes, p->renderer, r, &owned) : NULL;
    if (!disc) {
        paint_fill(p, rect, colour);
        return;
    }
    /* The four corners are the disc's quarters; the rest is three plain rectangles that meet
     * them on whole pixels. */
    int right = rect.x + rect.w - r;
    int bottom = rect.y + rect.h - r;
    copy_tinted(p, disc, (SDL_Rect){0, 0, r, r}, (SDL_Rect){rect.x, rect.y, r, r}, colour);
    copy_tinted(p, disc, (SDL_Rect){r, 0, r, r}, (SDL_Rect){right, rect.y, r, r}, colour);
    copy_tinted(p, disc, (SDL_Rect){0, r, r, r}, (SDL_Rect){rect.x, bottom, r, r}, colour);
    copy_tinted(p, disc, (SDL_Rect){r, r, r, r}, (SDL_Rect){right, bottom, r, r}, colour);
    if (owned) {
        SDL_DestroyTexture(disc);
    }
    SDL_Rect bands[] = {
        {rect.x + r, rect.y, rect.w - 2 * r, r},
        {rect.x, rect.y + r, rect.w, rect.h - 2 * r},
        {rect.x + r, bottom, rect.w - 2 * r, r},
    };
    for (size_t i = 0; i < sizeof bands / sizeof bands[0]; i++) {
        if (bands[i].w > 0 && bands[i].h > 0) {
            paint_fill(p, bands[i], colour);
        }
    }
}

void paint_circle(Painter *p, int cx, int cy, int radius, SDL_Color colour)
{
    bool owned = false;
    SDL_Texture *disc = shapes_disc(p->shapes, p->renderer, radius, &owned);
    if (!disc) {
        return;
    }
    int d = 2 * radius;
    copy_tinted(p, disc, (SDL_Rect){0, 0, d, d}, (SDL_Rect){cx - radius, cy - radius, d, d}, colour);
    if (owned) {
        SDL_DestroyTexture(disc);
    }
}

int paint_open_mark_width(const Painter *p)
{
    return p->m.size_small * 3 / 2;
}

void paint_open_mark(Painter *p, SDL_Rect card)
{
    int d = paint_open_mark_width(p);
    int inset = p->m.gap / 2;
    /* A row (wider than twice its height) ends in it like a list item; a tile has it on top. */
    int y = card.h * 2 < card.w ? card.y + (card.h - d) / 2 : card.y + inset;
    SDL_Rect mark = {card.x + card.w - inset - d, y, d, d};
    paint_circle(p, mark.x + d / 2, mark.y + d / 2, d / 2, p->pal.line);
    TextStyle chevron = {.weight = FONT_BOLD, .size = p->m.size_small, .colour = p->pal.text, .align = ALIGN_CENTER,
                         .max_lines = 1, .middle = true, .line_height = 1.0f};
    /* U+203A SINGLE RIGHT-POINTING ANGLE QUOTATION MARK; nudged right of centre like a "play" sign. */
    paint_text(p, "\xE2\x80\xBA", (SDL_Rect){mark.x + d / 16, mark.y - d / 16, d, d}, chevron);
}

void paint_hit(Painter *p, SDL_Rect rect, DeckCommand command)
{
    if (!p->hits || p->hit_count >= p->hit_capacity) {
        return;
    }
    p->hits[p->hit_count++] = (HitRegion){rect.x, rect.y, rect.w, rect.h, command};
}
