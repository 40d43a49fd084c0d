/* story.c — the reading page; see story.h. build_layout() places the items down the
 * column (title, chip and place, photo, body); paint_items() draws those in view at an
 * offset, from textures it keeps in the reader (item_texture()); story_paint() adds the
 * fixed eyebrow, the soft edges and the scroll bar. */
#include "render/story.h"

#include "core/id_list.h"
#include "core/text_fit.h"
#include "render/chrome.h"
#include "render/kit.h"
#include "render/picture.h"
#include "render/reading.h"

#include <stdlib.h>
#include <string.h>

enum {
    ITEM_LINE = 0, /* a line of text */
    ITEM_PILL,     /* a rounded label background */
    ITEM_PICTURE,  /* the story's photo */
    MEASURE_BYTES = 4096,
    READING_BUFFER_BYTES = 32 * 1024,
    COLUMN_EMS = 34, /* landscape column: about 34 body sizes wide (~70 characters a line) */
};

typedef struct Item {
    int kind;
    SDL_Rect rect;    /* x on screen; y from the top of the column */
    FontWeight weight;
    int size;
    SDL_Color colour;
    size_t offset;    /* ITEM_LINE: its text in Layout.text */
    size_t length;
    const ContentImage *picture;
    SDL_Texture *texture;
} Item;

typedef struct Layout {
    char *text;
    size_t text_used;
    size_t text_capacity;
    Item *items;
    size_t count;
    size_t capacity;
    int content_h;
    SDL_Rect viewport;  /* on screen: where the column scrolls */
    SDL_Rect eyebrow;   /* on screen, fixed */
    size_t eyebrow_offset;
    size_t eyebrow_length;
    bool failed;        /* out of memory while laying out */
} Layout;

struct StoryReader {
    bool valid;
    SlideRef ref;
    Lang lang;
    int w, h;
    Layout layout;
};

bool story_is_reading(SlideKind kind)
{
    return kind == SLIDE_STORY_DETAIL || kind == SLIDE_TEXT_DETAIL;
}

/* ---- layout ------------------------------------------------------------------------------- */

static void layout_free(Layout *layout)
{
    for (size_t i = 0; i < layout->count; i++) {
        if (layout->items[i].texture) {
            SDL_DestroyTexture(layout->items[i].texture);
        }
    }
    free(layout->items);
    free(layout->text);
    memset(layout, 0, sizeof *layout);
}

/* Copies text[0..length) into the layout's text; returns its offset. */
static size_t keep_text(Layout *layout, const char *text, size_t length)
{
    if (layout->text_used + length + 1 > layout->text_capacity) {
        size_t capacity = (layout->text_capacity ? layout->text_capacity * 2 : 4096) + length + 1;
        char *grown = realloc(layout->text, capacity);
        if (!grown) {
            layout->failed = true;
            return 0;
        }
        layout->text = grown;
        layout->text_capacity = capacity;
    }
    size_t offset = layout->text_used;
    memcpy(layout->text + offset, text, length);
    layout->text[offset + length] = '\0';
    layout->text_used += length + 1;
    return offset;
}

static Item *add_item(Layout *layout, int kind, SDL_Rect rect)
{
    if (layout->count == layout->capacity) {
        size_t capacity = layout->capacity ? layout->capacity * 2 : 64;
        Item *grown = realloc(layout->items, capacity * sizeof *grown);
        if (!grown) {
            layout->failed = true;
            return NULL;
        }
        layout->items = grown;
        layout->capacity = capacity;
    }
    Item *item = &layout->items[layout->count++];
    *item = (Item){.kind = kind, .rect = rect};
    return item;
}

typedef struct Measure {
    Fonts *fonts;
    FontWeight weight;
} Measure;

static int measure(void *ctx, const char *utf8, size_t length, int size_px)
{
    const Measure *m = ctx;
    char line[MEASURE_BYTES];
    length = length < sizeof line - 1 ? length : sizeof line - 1;
    memcpy(line, utf8, length);
    line[length] = '\0';
    TTF_Font *font = fonts_get(m->fonts, m->weight, size_px);
    int w = 0;
    return font && TTF_SizeUTF8(font, line, &w, NULL) == 0 ? w : -1;
}

/* Wraps text at width w from (x, y) as line items; returns the height used. */
static int add_lines(Painter *p, Layout *layout, const char *text, int x, int y, int w, FontWeight weight, int size,
                     float line_height, SDL_Color colour)
{
    size_t length = text ? strlen(text) : 0;
    if (length == 0 || w <= 0) {
        return 0;
    }
    Measure m = {p->fonts, weight};
    TextFitRequest request = {
        .text = text,
        .length = length,
        .box_w = w,
        .box_h = 1 << 28, /* as tall as it needs: nothing is cut on a reading page */
        .preferred_px = size,
        .min_px = size,
        .line_height = line_height,
        .measure = measure,
        .measure_ctx = &m,
    };
    size_t capacity = length + 1; /* a line holds at least one byte (or ends at one '\n') */
    TextLine *lines = malloc(capacity * sizeof *lines);
    TextFitResult fit = {0};
    if (!lines || text_fit(&request, lines, capacity, &fit) != TEXT_FIT_OK) {
        free(lines);
        layout->failed = layout->failed || !lines;
        return 0;
    }
    for (size_t i = 0; i < fit.line_count; i++) {
        SDL_Rect rect = {x, y + (int)i * fit.line_height_px, w, fit.line_height_px};
        size_t offset = keep_text(layout, text + lines[i].offset, lines[i].length);
        Item *item = lines[i].length && !layout->failed ? add_item(layout, ITEM_LINE, rect) : NULL;
        if (item) {
            item->weight = weight;
            item->size = fit.size_px;
            item->colour = colour;
            item->offset = offset;
            item->length = lines[i].length;
        }
    }
    free(lines);
    return (int)fit.line_count * fit.line_height_px;
}

/* A rounded label with text; returns its width. */
static int add_chip(Painter *p, Layout *layout, const char *text, int x, int y)
{
    int size = p->m.size_small;
    int pad = size / 2;
    int w = paint_text_width(p, text, FONT_SEMIBOLD, size) + 2 * pad;
    int h = size * 3 / 2;
    (void)add_item(layout, ITEM_PILL, (SDL_Rect){x, y, w, h});
    TTF_Font *font = fonts_get(p->fonts, FONT_SEMIBOLD, size);
    int line_h = font ? TTF_FontHeight(font) : size;
    Item *label = add_item(layout, ITEM_LINE, (SDL_Rect){x + pad, y + (h - line_h) / 2, w - 2 * pad, line_h});
    if (label) {
        label->weight = FONT_SEMIBOLD;
        label->size = size;
        label->colour = p->pal.accent_text;
        label->offset = keep_text(layout, text, strlen(text));
        label->length = strlen(text);
    }
    return w;
}

/* The figure column of a story's page in box (x, w; y its top; h the photo's most): the
 * years set large, the place, the photo, and the members the story names. Returns the
 * column's bottom (y from the top of the layout). */
static int add_figure_column(Painter *p, Layout *layout, const Content *content, const SlidePlan *plan,
                             const PlannedSlide *slide, const ReadingText *reading, SDL_Rect box)
{
    const Metrics *m = &p->m;
    int y = box.y;
    if (reading->chip[0]) {
        char years[128];
        (void)text_fit_dashes(reading->chip, strlen(reading->chip), years, sizeof years); /* 2011–2016 */
        y += add_lines(p, layout, years, box.x, y, box.w, FONT_BOLD, m->size_figure * 2 / 3, 1.1f, p->pal.accent);
        y += m->gap / 3;
    }
    y += add_lines(p, layout, reading->subtitle, box.x, y, box.w, FONT_REGULAR, m->size_body, 1.25f, p->pal.muted);
    const ContentImage *picture = reading->picture;
    if (picture && picture->width > 0 && picture->height > 0) {
        y += m->gap;
        int h = (int)((long long)box.w * picture->height / picture->width);
        h = h < box.h ? h : box.h;
        int w = (int)((long long)h * picture->width / picture->height);
        Item *item = add_item(layout, ITEM_PICTURE, (SDL_Rect){box.x, y, w < box.w ? w : box.w, h});
        if (item) {
            item->picture = picture;
        }
        y += h;
    }
    int index = plan_item(plan, PLAN_STORIES, slide->first);
    const char *cursor = index >= 0 ? content->stories[index].members : NULL, *id = NULL;
    size_t length = 0;
    bool heading = false;
    while (id_list_next(&cursor, &id, &length)) {
        for (size_t i = 0; i < content->member_count; i++) {
            const Member *member = &content->members[i];
            if (strlen(member->id) != length || strncmp(member->id, id, length) != 0) {
                continue;
            }
            if (!heading) {
                y += m->gap;
                y += add_lines(p, layout, kit_section_title(SECTION_MEMBERS, p->lang), box.x, y, box.w, FONT_SEMIBOLD,
                               m->size_small, 1.25f, p->pal.accent);
                heading = true;
            }
            y += add_lines(p, layout, member->name, box.x, y, box.w, FONT_SEMIBOLD, m->size_body, 1.25f, p->pal.text);
        }
    }
    return y;
}

/* The reading size of body text: the larger of body and heading, never below the floor. */
static int reading_size(const Metrics *m)
{
    int size = m->size_body > m->size_heading ? m->size_body : m->size_heading;
    return size > m->size_floor ? size : m->size_floor;
}

static bool build_layout(Painter *p, Layout *layout, const Content *content, const SlidePlan *plan,
                         const PlannedSlide *slide)
{
    memset(layout, 0, sizeof *layout);
    ReadingText reading;
    char *buffer = malloc(READING_BUFFER_BYTES);
    if (!buffer) {
        return false;
    }
    if (!reading_for_slide(content, plan, slide, p->lang, &reading, buffer, READING_BUFFER_BYTES)) {
        free(buffer);
        return false;
    }
    const Metrics *m = &p->m;
    int top = m->header.y + m->size_eyebrow * 2;
    int chrome = chrome_top_height(m);
    top = top > chrome ? top : chrome;
    layout->viewport = (SDL_Rect){0, top, m->w, m->footer.y - top};
    layout->eyebrow = (SDL_Rect){m->header.x, m->header.y, m->header.w, m->size_eyebrow * 2};
    if (!m->portrait) {
        /* As the slides' header: on the chrome's top row, right of Back, left of the
         * language switch, centred on the row's buttons. */
        int back = kit_back_width(p, p->lang) + m->gap;
        int row_h = m->header_row < m->target ? m->header_row : m->target;
        layout->eyebrow = (SDL_Rect){m->header.x + back, m->header.y, m->header.w - m->w / 3 - back, row_h};
    }
    layout->eyebrow_offset = keep_text(layout, reading.eyebrow, strlen(reading.eyebrow));
    layout->eyebrow_length = strlen(reading.eyebrow);
    int body_px = reading_size(m);
    int column_w = m->body.w;
    if (!m->portrait && column_w > body_px * COLUMN_EMS) {
        column_w = body_px * COLUMN_EMS;
    }
    int x = (m->w - column_w) / 2;
    int y = m->gap / 2;
    /* A story in landscape: its years, place, photo and the members it names in a figure
     * column at the left, the text beside it. */
    int side_h = 0;
    bool side = !m->portrait && slide->kind == SLIDE_STORY_DETAIL;
    if (side) {
        int side_w = m->body.w * 3 / 10;
        int rest = m->body.w - side_w - m->gap * 3;
        column_w = column_w < rest ? column_w : rest;
        x = m->body.x + side_w + m->gap * 3 + (rest - column_w) / 2;
        side_h = add_figure_column(p, layout, content, plan, slide, &reading,
                                   (SDL_Rect){m->body.x, y, side_w, layout->viewport.h * 11 / 20});
    }
    y += add_lines(p, layout, reading.title, x, y, column_w, FONT_BOLD, m->size_title, 1.15f, p->pal.text);
    y += m->gap * 2 / 3;
    if (!side && (reading.chip[0] || reading.subtitle[0])) {
        int chip_h = m->size_small * 3 / 2;
        int sub_x = x;
        if (reading.chip[0]) {
            sub_x = x + add_chip(p, layout, reading.chip, x, y) + m->gap / 2;
        }
        int used = add_lines(p, layout, reading.subtitle, sub_x, y + (chip_h - m->size_body * 5 / 4) / 2,
                             x + column_w - sub_x, FONT_REGULAR, m->size_body, 1.25f, p->pal.muted);
        y += (used > chip_h ? used : chip_h) + m->gap;
    }
    const ContentImage *picture = side ? NULL : reading.picture;
    if (picture && picture->width > 0 && picture->height > 0) {
        int h = (int)((long long)column_w * picture->height / picture->width);
        int max_h = layout->viewport.h * 11 / 20;
        h = h < max_h ? h : max_h;
        int w = (int)((long long)h * picture->width / picture->height);
        w = w < column_w ? w : column_w;
        Item *item = add_item(layout, ITEM_PICTURE, (SDL_Rect){x + (column_w - w) / 2, y, w, h});
        if (item) {
            item->picture = picture;
        }
        y += h + m->gap;
    }
    y += add_lines(p, layout, reading.body, x, y, column_w, FONT_REGULAR, body_px, 1.45f, p->pal.text);
    y = y > side_h ? y : side_h;
    layout->content_h = y + m->gap * 2;
    free(buffer);
    if (layout->failed) {
        layout_free(layout);
        return false;
    }
    return true;
}

static float extent_of(const Layout *layout)
{
    int extent = layout->content_h - layout->viewport.h;
    return extent > 0 ? (float)extent : 0.0f;
}

/* ---- drawing ------------------------------------------------------------------------------ */

static SDL_Texture *item_texture(Painter *p, const Layout *layout, Item *item)
{
    if (item->texture) {
        return item->texture;
    }
    if (item->kind == ITEM_LINE) {
        TTF_Font *font = fonts_get(p->fonts, item->weight, item->size);
        SDL_Surface *surface = font ? TTF_RenderUTF8_Blended(font, layout->text + item->offset, item->colour) : NULL;
        if (surface) {
            item->texture = SDL_CreateTextureFromSurface(p->renderer, surface);
            SDL_FreeSurface(surface);
        }
    } else if (item->kind == ITEM_PICTURE) {
        item->texture = SDL_CreateTexture(p->renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, item->rect.w,
                                          item->rect.h);
        if (item->texture) {
            SDL_Texture *previous = SDL_GetRenderTarget(p->renderer);
            SDL_Rect clip = {0};
            bool clipped = SDL_RenderIsClipEnabled(p->renderer);
            SDL_RenderGetClipRect(p->renderer, &clip);
            SDL_SetRenderTarget(p->renderer, item->texture);
            SDL_RenderSetClipRect(p->renderer, NULL);
            paint_fill(p, (SDL_Rect){0, 0, item->rect.w, item->rect.h}, p->pal.background);
            paint_picture(p, item->picture, (SDL_Rect){0, 0, item->rect.w, item->rect.h});
            SDL_SetRenderTarget(p->renderer, previous);
            SDL_RenderSetClipRect(p->renderer, clipped ? &clip : NULL);
        }
    }
    return item->texture;
}

/* Draws the items in view at offset; keep: textures near the view stay for the next frame. */
static void paint_items(Painter *p, Layout *layout, float offset, bool keep)
{
    const SDL_Rect *view = &layout->viewport;
    int top = (int)offset;
    for (size_t i = 0; i < layout->count; i++) {
        Item *item = &layout->items[i];
        SDL_Rect dst = {item->rect.x, view->y + item->rect.y - top, item->rect.w, item->rect.h};
        bool visible = dst.y + dst.h > view->y && dst.y < view->y + view->h;
        bool near = item->rect.y + item->rect.h > top - view->h && item->rect.y < top + 2 * view->h;
        if (!near && item->texture) {
            SDL_DestroyTexture(item->texture);
            item->texture = NULL;
        }
        if (!visible) {
            continue;
        }
        if (item->kind == ITEM_PILL) {
            paint_round_rect(p, dst, dst.h / 2, p->pal.accent);
            continue;
        }
        SDL_Texture *texture = item_texture(p, layout, item);
        if (!texture) {
            continue;
        }
        int w = 0;
        int h = 0;
        SDL_QueryTexture(texture, NULL, NULL, &w, &h);
        if (item->kind == ITEM_LINE) {
            dst.y += (dst.h - h) / 2; /* the glyph box centred in the line advance */
        }
        dst.w = w;
        dst.h = h;
        SDL_RenderCopy(p->renderer, texture, NULL, &dst);
        if (!keep) {
            SDL_DestroyTexture(item->texture);
            item->texture = NULL;
        }
    }
}

/* A soft edge where the text goes on beyond the view: the background fading in. */
static void paint_edge(Painter *p, const SDL_Rect *view, bool at_top)
{
    enum { STEPS = 12 };
    int h = p->m.gap * 2;
    SDL_Color c = p->pal.background;
    for (int i = 0; i < STEPS; i++) {
        int y0 = i * h / STEPS;
        int y1 = (i + 1) * h / STEPS;
        c.a = (Uint8)(255 - 255 * i / STEPS);
        SDL_Rect band = {view->x, at_top ? view->y + y0 : view->y + view->h - y1, view->w, y1 - y0};
        paint_fill(p, band, c);
    }
}

static void paint_scroll_bar(Painter *p, const Layout *layout, float offset)
{
    float extent = extent_of(layout);
    if (extent <= 0.0f) {
        return;
    }
    const SDL_Rect *view = &layout->viewport;
    int bar_w = p->m.gap / 3 > 3 ? p->m.gap / 3 : 3;
    int track_h = view->h - 2 * p->m.gap;
    SDL_Rect track = {p->m.w - p->m.margin / 2 - bar_w / 2, view->y + p->m.gap, bar_w, track_h};
    int thumb_h = (int)((long long)track_h * view->h / layout->content_h);
    thumb_h = thumb_h > p->m.target ? thumb_h : p->m.target;
    float at = offset / extent;
    at = at < 0.0f ? 0.0f : at > 1.0f ? 1.0f : at;
    SDL_Rect thumb = {track.x, track.y + (int)((float)(track_h - thumb_h) * at), bar_w, thumb_h};
    paint_round_rect(p, track, bar_w / 2, p->pal.line);
    paint_round_rect(p, thumb, bar_w / 2, p->pal.muted);
}

static void paint_layout(Painter *p, Layout *layout, float offset, bool keep)
{
    paint_fill(p, (SDL_Rect){0, 0, p->m.w, p->m.h}, p->pal.background);
    TextStyle eyebrow = {.weight = FONT_SEMIBOLD, .size = p->m.size_eyebrow, .colour = p->pal.accent, .max_lines = 1,
                         .middle = true};
    paint_text(p, layout->text + layout->eyebrow_offset, layout->eyebrow, eyebrow);
    SDL_RenderSetClipRect(p->renderer, &layout->viewport);
    paint_items(p, layout, offset, keep);
    if (offset > 0.5f) {
        paint_edge(p, &layout->viewport, true);
    }
    if (offset < extent_of(layout) - 0.5f) {
        paint_edge(p, &layout->viewport, false);
    }
    SDL_RenderSetClipRect(p->renderer, NULL);
    paint_scroll_bar(p, layout, offset);
}

/* ---- the reader ------------------------------------------------------------------------- */

StoryReader *story_reader_create(void)
{
    return calloc(1, sizeof(StoryReader));
}

void story_reader_clear(StoryReader *reader)
{
    if (reader) {
        layout_free(&reader->layout);
        reader->valid = false;
    }
}

void story_reader_destroy(StoryReader *reader)
{
    story_reader_clear(reader);
    free(reader);
}

static bool same_ref(SlideRef a, SlideRef b)
{
    return a.section == b.section && a.page == b.page && a.detail == b.detail;
}

/* The reader's layout of slide, made now when it holds another page. */
static Layout *reader_layout(Painter *p, StoryReader *reader, const Content *content, const SlidePlan *plan,
                             const PlannedSlide *slide, SlideRef ref)
{
    if (reader->valid && same_ref(reader->ref, ref) && reader->lang == p->lang && reader->w == p->m.w &&
        reader->h == p->m.h) {
        return &reader->layout;
    }
    story_reader_clear(reader);
    if (!build_layout(p, &reader->layout, content, plan, slide)) {
        return NULL;
    }
    reader->valid = true;
    reader->ref = ref;
    reader->lang = p->lang;
    reader->w = p->m.w;
    reader->h = p->m.h;
    return &reader->layout;
}

void story_paint(Painter *p, StoryReader *reader, const Content *content, const SlidePlan *plan,
                 const PlannedSlide *slide, SlideRef ref, float offset_px)
{
    if (!story_is_reading(slide->kind)) {
        return;
    }
    if (!reader) {
        Layout layout;
        if (build_layout(p, &layout, content, plan, slide)) {
            paint_layout(p, &layout, offset_px, false);
            layout_free(&layout);
        }
        return;
    }
    Layout *layout = reader_layout(p, reader, content, plan, slide, ref);
    if (layout) {
        paint_layout(p, layout, offset_px, true);
    }
}

bool story_extent(Painter *p, StoryReader *reader, const Content *content, const SlidePlan *plan,
                  const PlannedSlide *slide, SlideRef ref, float *extent_px, float *viewport_px)
{
    *extent_px = 0.0f;
    *viewport_px = 0.0f;
    if (!story_is_reading(slide->kind) || !reader) {
        return false;
    }
    Layout *layout = reader_layout(p, reader, content, plan, slide, ref);
    if (!layout) {
        return false;
    }
    *extent_px = extent_of(layout);
    *viewport_px = (float)layout->viewport.h;
    return true;
}
