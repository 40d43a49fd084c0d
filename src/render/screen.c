/* screen.c — frame composition; see screen.h. The slides come from the slide cache
 * (render/slide_cache.h); the layers over them are cached here.
 * Reading order: screen_draw() → slide_cache_get() (cache or paint) → compose_slides() →
 * draw_layers(): draw_chrome_layer(), draw_progress(), draw_overlay(). */
#include "render/screen.h"

#include "core/cue.h"
#include "render/chrome.h"
#include "render/fade_mask.h"
#include "render/idle_prompt.h"
#include "render/invite.h"
#include "render/lead_form.h"
#include "render/slide_cache.h"

#include <SDL2/SDL_image.h>
#include <stdlib.h>
#include <string.h>

enum {
    MAX_CHROME_HITS = 16,
    MAX_HITS = SLIDE_CACHE_MAX_HITS + 2 * MAX_CHROME_HITS,
};

typedef struct ChromeLayer {
    bool valid;
    ChromeKey key;
    SDL_Texture *texture;
    HitRegion hits[MAX_CHROME_HITS];
    size_t hit_count;
} ChromeLayer;

typedef struct OverlayLayer {
    SDL_Texture *texture;
    char title[256];
    char detail[512];
    bool problem;
    int height;
} OverlayLayer;

struct Screen {
    SDL_Renderer *renderer;
    Fonts *fonts;
    Shapes *shapes;      /* the renderer's disc textures */
    Metrics metrics;
    bool booth;
    PaintWarnFn warn;
    void *warn_ctx;
    const Content *content;
    const SlidePlan *plan;
    Palette palette;
    SlideCache *slides;       /* the slides painted, whole or kept as tiles */
    bool drawn;               /* a frame was drawn: from now on slides go through the cache */
    size_t fade_blended_px;   /* pixels the last cross-fade frame blended */
    SlideCacheTicked ticked;  /* areas of the slide on screen the event's clock painted again, not yet drawn */
    bool tick_owed;           /* the event's clock moved on in a transition: painted once still */
    bool moving;              /* the last frame drawn was a transition or a drag */
    ChromeLayer top;
    ChromeLayer footer;
    OverlayLayer overlay;
    HitRegion hits[MAX_HITS];
    size_t hit_count;
    bool pressed;        /* a finger rests on the screen: light the target under it */
    float press_x, press_y;
    Invite *invite;      /* the attract loop's call to touch */
    uint64_t invite_ms;  /*   at this moment */
    CueFrame invite_drawn; /* what is on screen of it */
    bool speech;         /* the speaker button is shown */
    bool speaking;
    const LeadFormLook *form; /* the contact form (borrowed; NULL: none) */
    bool form_button;        /* member and contact pages show "Contact me" */
    HitRegion form_hits[SLIDE_CACHE_MAX_HITS]; /* the form's, or the button's */
    size_t form_hit_count;
    bool form_modal;         /* the form covers the screen: only its targets count */
};

/* Used until a pack is loaded, and for the "no content" screen: the bundled theme's ink. */
static const Theme FALLBACK_THEME = {0x15141A, 0x211F27, 0xF4F0E8, 0xA8A29A, 0xC9A45C, 0x15141A};

static Painter painter(Screen *screen, Lang lang, HitRegion *hits, size_t capacity)
{
    return (Painter){
        .renderer = screen->renderer,
        .fonts = screen->fonts,
        .shapes = screen->shapes,
        .m = screen->metrics,
        .pal = screen->palette,
        .lang = lang,
        .hits = hits,
        .hit_capacity = capacity,
        .warn = screen->warn,
        .warn_ctx = screen->warn_ctx,
    };
}

Screen *screen_create(SDL_Renderer *renderer, Fonts *fonts, int w, int h, bool booth, PaintWarnFn warn, void *warn_ctx)
{
    Screen *screen = calloc(1, sizeof *screen);
    if (!screen) {
        return NULL;
    }
    screen->renderer = renderer;
    screen->fonts = fonts;
    screen->metrics = metrics_for(w, h);
    screen->booth = booth;
    screen->warn = warn;
    screen->warn_ctx = warn_ctx;
    screen->palette = palette_from_theme(&FALLBACK_THEME);
    screen->invite = invite_create();
    screen->shapes = shapes_create(renderer);
    Painter look = painter(screen, LANG_EN, NULL, 0);
    screen->slides = screen->invite ? slide_cache_create(&look) : NULL;
    if (!screen->slides || !screen->shapes) {
        slide_cache_destroy(screen->slides);
        shapes_destroy(screen->shapes);
        invite_destroy(screen->invite);
        free(screen);
        return NULL;
    }
    return screen;
}

void screen_destroy(Screen *screen)
{
    if (!screen) {
        return;
    }
    slide_cache_destroy(screen->slides);
    invite_destroy(screen->invite);
    shapes_destroy(screen->shapes);
    SDL_Texture *textures[] = {screen->top.texture, screen->footer.texture, screen->overlay.texture};
    for (size_t i = 0; i < sizeof textures / sizeof textures[0]; i++) {
        if (textures[i]) {
            SDL_DestroyTexture(textures[i]);
        }
    }
    free(screen);
}

void screen_set_content(Screen *screen, const Content *content, const SlidePlan *plan)
{
    screen->content = content;
    screen->plan = plan;
    screen->palette = palette_from_theme(content ? &content->theme : &FALLBACK_THEME);
    slide_cache_set_content(screen->slides, content, plan, screen->palette);
    screen->top.valid = false;
    screen->footer.valid = false;
    invite_reset(screen->invite);
}

void screen_repaint_slides(Screen *screen)
{
    slide_cache_repaint(screen->slides);
    screen->ticked.count = 0;
}

bool screen_event_tick(Screen *screen)
{
    SlideCacheTicked ticked = {0};
    screen->tick_owed = false;
    switch (slide_cache_tick(screen->slides, screen->moving, &ticked)) {
    case SLIDE_CACHE_TICK_WHOLE:
        screen->ticked.count = 0;
        return true;
    case SLIDE_CACHE_TICK_AREA:
        for (int i = 0; i < ticked.count && screen->ticked.count < SLIDE_CACHE_MAX_TICK_AREAS; i++) {
            screen->ticked.areas[screen->ticked.count++] = ticked.areas[i];
        }
        return false;
    case SLIDE_CACHE_TICK_LATER:
        screen->tick_owed = true; /* the transition's frames are drawn anyway */
        return false;
    case SLIDE_CACHE_TICK_NONE:
    default:
        return false;
    }
}

bool screen_ticks_pending(const Screen *screen)
{
    return screen->ticked.count > 0;
}

void screen_set_invite_ms(Screen *screen, uint64_t ms)
{
    screen->invite_ms = ms;
}

void screen_set_speech(Screen *screen, bool available, bool speaking)
{
    screen->speech = available;
    screen->speaking = speaking;
}

void screen_stats(const Screen *screen, ScreenStats *out)
{
    SlideCacheStats slides = {0};
    slide_cache_stats(screen->slides, &slides);
    *out = (ScreenStats){.slide_textures = slides.slide_textures, .kept_slides = slides.kept_slides,
                         .kept_bytes = slides.kept_bytes, .slides_painted = slides.slides_painted,
                         .slide_format = slides.slide_format, .fade_blended_px = screen->fade_blended_px};
}

const Metrics *screen_metrics(const Screen *screen)
{
    return &screen->metrics;
}

/* A texture for a layer over the slides: transparent where nothing is painted. */
static SDL_Texture *layer_texture(Screen *screen, int w, int h)
{
    return paint_target_texture(screen->renderer, SDL_PIXELFORMAT_ARGB8888, SDL_BLENDMODE_BLEND, w, h);
}

bool screen_scroll_extent(Screen *screen, SlideRef ref, Lang lang, float *extent_px, float *viewport_px)
{
    return slide_cache_scroll_extent(screen->slides, ref, lang, extent_px, viewport_px);
}

void screen_prefetch(Screen *screen, SlideRef ref, Lang lang)
{
    slide_cache_prefetch(screen->slides, ref, lang);
}

void screen_prefetch_successor(Screen *screen, SlideRef ref, Lang lang)
{
    slide_cache_prefetch_successor(screen->slides, ref, lang);
}

void screen_release_spare(Screen *screen)
{
    slide_cache_release_spare(screen->slides);
}

static void copy_at(Screen *screen, SDL_Texture *texture, int dx, Uint8 alpha)
{
    SDL_Rect dst = {dx, 0, screen->metrics.w, screen->metrics.h};
    SDL_SetTextureBlendMode(texture, alpha == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetTextureAlphaMod(texture, alpha);
    SDL_RenderCopy(screen->renderer, texture, NULL, &dst);
}

/* Where the tile that opens detail was drawn on a cached page, if it was. */
static bool tile_rect(const CachedSlide *page, int detail, SDL_Rect *out)
{
    for (size_t i = 0; i < page->hit_count; i++) {
        const HitRegion *hit = &page->hits[i];
        if (hit->command.kind == DECK_CMD_OPEN_DETAIL && hit->command.arg.index == detail) {
            *out = (SDL_Rect){hit->x, hit->y, hit->w, hit->h};
            return true;
        }
    }
    return false;
}

static int lerp_int(int a, int b, float t)
{
    return a + (int)((float)(b - a) * t + (b >= a ? 0.5f : -0.5f));
}

/* A detail opening (grow) or closing: the tile and the page are one thing that grows from the
 * tile's place to the whole screen (or shrinks back), over the dimmed page of tiles. The
 * tile's own picture fades into the page's early, while both are small. False when the tile
 * is not on that page (browsed to another brand): the caller cross-fades instead. */
static bool compose_zoom(Screen *screen, const DeckFrame *frame, CachedSlide *current, CachedSlide *from)
{
    bool grow = frame->transition == TRANSITION_GROW;
    CachedSlide *page = grow ? from : current;
    CachedSlide *detail = grow ? current : from;
    SDL_Rect tile = {0};
    if (!tile_rect(page, grow ? frame->slide.detail : frame->from.detail, &tile)) {
        return false;
    }
    const Metrics *m = &screen->metrics;
    float k = grow ? frame->progress : 1.0f - frame->progress; /* 0: the tile, 1: the page */
    copy_at(screen, page->texture, 0, 255);
    SDL_SetRenderDrawBlendMode(screen->renderer, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(screen->renderer, 0, 0, 0, (Uint8)(k * 140.0f));
    SDL_RenderFillRect(screen->renderer, NULL);
    SDL_Rect r = {lerp_int(tile.x, 0, k), lerp_int(tile.y, 0, k), lerp_int(tile.w, m->w, k), lerp_int(tile.h, m->h, k)};
    SDL_SetTextureBlendMode(detail->texture, SDL_BLENDMODE_NONE);
    SDL_SetTextureAlphaMod(detail->texture, 255);
    SDL_RenderCopy(screen->renderer, detail->texture, NULL, &r);
    float tile_alpha = 1.0f - k * 6.0f; /* gone while the page is still small */
    if (tile_alpha > 0.0f) {
        SDL_SetTextureBlendMode(page->texture, SDL_BLENDMODE_BLEND);
        SDL_SetTextureAlphaMod(page->texture, (Uint8)(tile_alpha * 255.0f));
        SDL_RenderCopy(screen->renderer, page->texture, &tile, &r);
    }
    return true;
}

/* Fills what the slides leave bare left of x0 and right of x1 with the background (a full
 * clear of the frame first would write every pixel twice). */
static void fill_outside(Screen *screen, int x0, int x1)
{
    const Metrics *m = &screen->metrics;
    SDL_Color bg = screen->palette.background;
    SDL_SetRenderDrawBlendMode(screen->renderer, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(screen->renderer, bg.r, bg.g, bg.b, 255);
    if (x0 > 0) {
        SDL_RenderFillRect(screen->renderer, &(SDL_Rect){0, 0, x0 < m->w ? x0 : m->w, m->h});
    }
    if (x1 < m->w) {
        int left = x1 > 0 ? x1 : 0;
        SDL_RenderFillRect(screen->renderer, &(SDL_Rect){left, 0, m->w - left, m->h});
    }
}

/* from, and to over it with alpha: blended only where the two differ when that is known. */
static void cross_fade(Screen *screen, const CachedSlide *from, const CachedSlide *to, Uint8 alpha)
{
    if (from->kept && from->over == to) { /* to, and where from differs, from over it */
        copy_at(screen, to->texture, 0, 255);
        screen->fade_blended_px = fade_tiles_draw(from->kept, screen->renderer, NULL, (Uint8)(255 - alpha));
        return;
    }
    copy_at(screen, from->texture, 0, 255);
    const FadeMask *mask = alpha > 0 && alpha < 255 ? slide_cache_fade_mask(screen->slides, from, to) : NULL;
    if (mask) {
        screen->fade_blended_px = fade_mask_blend(mask, screen->renderer, to->texture, alpha);
    } else {
        copy_at(screen, to->texture, 0, alpha);
        screen->fade_blended_px = alpha > 0 ? (size_t)screen->metrics.w * (size_t)screen->metrics.h : 0;
    }
}

/* Two slides side by side, a at x and b just right of it. */
static void copy_pair(Screen *screen, SDL_Texture *a, SDL_Texture *b, int x)
{
    int w = screen->metrics.w;
    copy_at(screen, a, x, 255);
    copy_at(screen, b, x + w, 255);
    fill_outside(screen, x, x + 2 * w);
}

/* Draws the slides of frame over the whole target: current, and from (NULL when it could
 * not be had: then current alone) during a transition. */
static void compose_slides(Screen *screen, const DeckFrame *frame, CachedSlide *current, CachedSlide *from)
{
    int w = screen->metrics.w;
    if (frame->transition != TRANSITION_NONE && from) {
        float t = frame->progress;
        slide_cache_scroll(screen->slides, from, frame->from_scroll_px);
        /* A slide starts where the finger let it go and travels the rest of the way. */
        float start = frame->transition_from_px;
        switch (frame->transition) {
        case TRANSITION_SLIDE_LEFT:
            copy_pair(screen, from->texture, current->texture, (int)(start + (-(float)w - start) * t));
            return;
        case TRANSITION_SLIDE_RIGHT:
            copy_pair(screen, current->texture, from->texture, (int)(start + ((float)w - start) * t) - w);
            return;
        case TRANSITION_GROW:
        case TRANSITION_SHRINK:
            if (compose_zoom(screen, frame, current, from)) {
                return;
            }
            cross_fade(screen, from, current, (Uint8)(t * 255.0f + 0.5f)); /* no tile to grow from */
            return;
        default:
            cross_fade(screen, from, current, (Uint8)(t * 255.0f + 0.5f));
            return;
        }
    }
    int drag = frame->transition == TRANSITION_NONE ? (int)frame->drag_px : 0;
    CachedSlide *peek = NULL;
    if (frame->has_peek && drag != 0) {
        peek = slide_cache_get(screen->slides, frame->peek, frame->lang, current);
        if (peek && !slide_cache_make_whole(screen->slides, peek)) {
            peek = NULL;
        }
        if (peek) {
            slide_cache_scroll(screen->slides, peek, 0.0f);
        }
    }
    if (!peek && drag == 0) {
        slide_cache_draw_area(screen->slides, current, NULL);
    } else if (!peek) {
        copy_at(screen, current->texture, drag, 255);
        fill_outside(screen, drag, drag + w);
    } else if (drag < 0) {
        copy_pair(screen, current->texture, peek->texture, drag);
    } else {
        copy_pair(screen, peek->texture, current->texture, drag - w);
    }
}

static bool chrome_key_equal(const ChromeKey *a, const ChromeKey *b)
{
    return a->interactive == b->interactive && a->booth == b->booth && a->lang == b->lang && a->section == b->section &&
           a->page == b->page && a->pages == b->pages && a->detail == b->detail && a->speech == b->speech &&
           a->speaking == b->speaking;
}

static void draw_chrome_layer(Screen *screen, ChromeLayer *layer, const ChromeKey *key, bool footer, Uint8 alpha)
{
    const Metrics *m = &screen->metrics;
    int h = footer ? m->footer.h : chrome_top_height(m);
    if (!layer->texture) {
        layer->texture = layer_texture(screen, m->w, h);
        if (!layer->texture) {
            return;
        }
    }
    if (!layer->valid || !chrome_key_equal(&layer->key, key)) {
        SDL_Texture *previous = SDL_GetRenderTarget(screen->renderer);
        SDL_SetRenderTarget(screen->renderer, layer->texture);
        Painter p = painter(screen, key->lang, layer->hits, MAX_CHROME_HITS);
        if (footer) {
            bool present[SECTION_COUNT] = {false};
            for (int s = 0; s < SECTION_COUNT && screen->plan; s++) {
                present[s] = screen->plan->page_count[s] > 0;
            }
            chrome_paint_footer(&p, key, present);
        } else {
            chrome_paint_top(&p, screen->content, key);
        }
        SDL_SetRenderTarget(screen->renderer, previous);
        layer->valid = true;
        layer->key = *key;
        layer->hit_count = p.hit_count;
    }
    SDL_Rect dst = {0, footer ? m->footer.y : 0, m->w, h};
    SDL_SetTextureAlphaMod(layer->texture, alpha);
    SDL_RenderCopy(screen->renderer, layer->texture, NULL, &dst);
}

static void draw_progress(Screen *screen, const DeckFrame *frame)
{
    if (!frame->show_progress) {
        return;
    }
    const Metrics *m = &screen->metrics;
    int h = m->h / 270 > 2 ? m->h / 270 : 2;
    SDL_Rect track = {0, m->h - h, m->w, h};
    SDL_Color line = screen->palette.line;
    SDL_SetRenderDrawBlendMode(screen->renderer, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(screen->renderer, line.r, line.g, line.b, 255);
    SDL_RenderFillRect(screen->renderer, &track);
    track.w = (int)((float)m->w * frame->attract_progress);
    SDL_Color accent = screen->palette.accent;
    SDL_SetRenderDrawColor(screen->renderer, accent.r, accent.g, accent.b, 255);
    SDL_RenderFillRect(screen->renderer, &track);
}

static void draw_overlay(Screen *screen, const Overlay *overlay, Lang lang)
{
    if (!overlay || !overlay->visible) {
        return;
    }
    const Metrics *m = &screen->metrics;
    OverlayLayer *layer = &screen->overlay;
    int w = m->portrait ? m->w - 2 * m->margin : m->w / 2;
    bool has_detail = overlay->detail && overlay->detail[0];
    int h = 2 * m->gap + m->size_heading * 5 / 2 + (has_detail ? m->size_body * 5 / 2 + m->gap / 3 : 0) +
            (overlay->progress >= 0 ? m->gap : 0);
    const char *title = overlay->title ? overlay->title : "";
    const char *detail = overlay->detail ? overlay->detail : "";
    bool changed = !layer->texture || strcmp(layer->title, title) != 0 || strcmp(layer->detail, detail) != 0 ||
                   layer->problem != overlay->problem || layer->height != h;
    if (layer->texture && layer->height != h) {
        SDL_DestroyTexture(layer->texture);
        layer->texture = NULL;
    }
    if (!layer->texture) {
        layer->texture = layer_texture(screen, w, h);
        if (!layer->texture) {
            return;
        }
    }
    if (changed) {
        snprintf(layer->title, sizeof layer->title, "%s", title);
        snprintf(layer->detail, sizeof layer->detail, "%s", detail);
        layer->problem = overlay->problem;
        SDL_Texture *previous = SDL_GetRenderTarget(screen->renderer);
        SDL_SetRenderTarget(screen->renderer, layer->texture);
        Painter p = painter(screen, lang, NULL, 0);
        SDL_SetRenderDrawBlendMode(screen->renderer, SDL_BLENDMODE_NONE);
        SDL_SetRenderDrawColor(screen->renderer, 0, 0, 0, 0);
        SDL_RenderClear(screen->renderer);
        SDL_Rect card = {0, 0, w, h};
        SDL_Color edge = overlay->problem ? (SDL_Color){0xE0, 0x6C, 0x5A, 255} : p.pal.accent;
        paint_round_rect(&p, card, m->radius, edge);
        paint_round_rect(&p, (SDL_Rect){m->size_small / 4, 0, w - m->size_small / 4, h}, m->radius, p.pal.surface);
        SDL_Rect text = {m->gap + m->size_small / 4, m->gap, w - 2 * m->gap, h - 2 * m->gap};
        TextStyle title_style = {.weight = FONT_BOLD, .size = m->size_heading, .colour = p.pal.text, .max_lines = 2,
                                 .line_height = 1.2f};
        int used = paint_text(&p, title, text, title_style);
        text.y += used + m->gap / 3;
        text.h -= used + m->gap / 3;
        TextStyle detail_style = {.weight = FONT_REGULAR, .size = m->size_body, .colour = p.pal.muted, .max_lines = 2};
        paint_text(&p, detail, text, detail_style);
        SDL_SetRenderTarget(screen->renderer, previous);
        layer->height = h;
    }
    SDL_Rect dst = {(m->w - w) / 2, m->footer.y - h - m->gap, w, h};
    SDL_RenderCopy(screen->renderer, layer->texture, NULL, &dst);
    if (overlay->progress >= 0) {
        int bar_h = m->gap / 3 > 4 ? m->gap / 3 : 4;
        SDL_Rect bar = {dst.x + m->gap, dst.y + h - m->gap - bar_h, w - 2 * m->gap, bar_h};
        SDL_SetRenderDrawBlendMode(screen->renderer, SDL_BLENDMODE_NONE);
        SDL_SetRenderDrawColor(screen->renderer, screen->palette.line.r, screen->palette.line.g, screen->palette.line.b, 255);
        SDL_RenderFillRect(screen->renderer, &bar);
        bar.w = (int)(bar.w * (overlay->progress > 1 ? 1 : overlay->progress));
        SDL_Color accent = screen->palette.accent;
        SDL_SetRenderDrawColor(screen->renderer, accent.r, accent.g, accent.b, 255);
        SDL_RenderFillRect(screen->renderer, &bar);
    }
}

/* The pressed state: the target under the finger lit with the text colour (light on a dark
 * theme, dark on a light one), in the target's own shape. */
static void draw_press(Screen *screen)
{
    int i = screen->pressed ? hit_find(screen->hits, screen->hit_count, screen->press_x, screen->press_y) : -1;
    if (i < 0) {
        return;
    }
    const HitRegion *hit = &screen->hits[i];
    const Metrics *m = &screen->metrics;
    /* Buttons and pills are round-ended; anything larger is a card with card corners. */
    int radius = hit->h <= 2 * m->target ? hit->h / 2 : m->radius;
    Painter p = painter(screen, LANG_EN, NULL, 0);
    SDL_Color light = screen->palette.text;
    light.a = 64;
    paint_round_rect(&p, (SDL_Rect){hit->x, hit->y, hit->w, hit->h}, radius, light);
}

bool screen_set_press(Screen *screen, bool pressed, float x, float y)
{
    int before = screen->pressed ? hit_find(screen->hits, screen->hit_count, screen->press_x, screen->press_y) : -1;
    int after = pressed ? hit_find(screen->hits, screen->hit_count, x, y) : -1;
    screen->pressed = pressed;
    screen->press_x = x;
    screen->press_y = y;
    return before != after;
}

static void collect_hits(Screen *screen, const CachedSlide *slide, bool slide_hits)
{
    screen->hit_count = 0;
    if (screen->form_modal) {
        memcpy(screen->hits, screen->form_hits, screen->form_hit_count * sizeof screen->hits[0]);
        screen->hit_count = screen->form_hit_count;
        return;
    }
    const HitRegion *sources[3] = {slide_hits ? slide->hits : NULL, screen->footer.hits, screen->top.hits};
    size_t counts[3] = {slide_hits ? slide->hit_count : 0, screen->footer.valid ? screen->footer.hit_count : 0,
                        screen->top.valid ? screen->top.hit_count : 0};
    for (int s = 0; s < 3; s++) {
        for (size_t i = 0; i < counts[s] && screen->hit_count < MAX_HITS; i++) {
            screen->hits[screen->hit_count++] = sources[s][i];
        }
    }
    for (size_t i = 0; i < screen->form_hit_count && screen->hit_count < MAX_HITS; i++) {
        screen->hits[screen->hit_count++] = screen->form_hits[i];
    }
}

void screen_set_lead_form(Screen *screen, const LeadFormLook *look, bool button)
{
    screen->form = look;
    screen->form_button = button;
}

/* The contact form over everything, or the "Contact me" button on a member's page and the
 * contact pages (interactive: a still page with its chrome). */
static void draw_lead_form(Screen *screen, const DeckFrame *frame, bool interactive)
{
    Painter p = painter(screen, frame->lang, screen->form_hits, SLIDE_CACHE_MAX_HITS);
    screen->form_hit_count = 0;
    screen->form_modal = screen->form && screen->form->form && lead_form_is_open(screen->form->form);
    if (screen->form_modal) {
        lead_form_paint(&p, screen->form);
    } else if (screen->form_button && interactive &&
               ((frame->slide.section == SECTION_MEMBERS && frame->slide.detail >= 0) ||
                frame->slide.section == SECTION_CONTACT)) {
        lead_form_paint_button(&p, lead_form_button_rect(&p));
    }
    screen->form_hit_count = p.hit_count;
}

/* The booth's attract loop shows its call to touch. */
static bool showing_invite(const Screen *screen, const DeckFrame *frame)
{
    return screen->booth && !frame->empty && screen->content && frame->mode == DECK_MODE_ATTRACT;
}

/* Chrome, the attract progress line and the overlay, over the slides. */
static void draw_layers(Screen *screen, const DeckFrame *frame, const Overlay *overlay)
{
    bool chrome = !frame->empty && screen->content;
    ChromeKey key = {
        .interactive = frame->show_chrome,
        .booth = screen->booth,
        .lang = frame->lang,
        .section = frame->slide.section,
        .page = frame->slide.page,
        .pages = frame->section_pages,
        .detail = frame->slide.detail >= 0,
        .speech = screen->speech,
        .speaking = screen->speech && screen->speaking,
    };
    if (chrome) {
        Uint8 alpha = 255;
        if (frame->transition == TRANSITION_FADE_TO_ATTRACT) {
            alpha = (Uint8)(frame->progress * 255.0f);
        }
        draw_chrome_layer(screen, &screen->top, &key, false, alpha);
        if (key.interactive) { /* the attract loop's footer is the call to touch, drawn live */
            draw_chrome_layer(screen, &screen->footer, &key, true, alpha);
        } else {
            screen->footer.valid = false;
            screen->footer.hit_count = 0;
        }
        if (showing_invite(screen, frame)) {
            Painter p = painter(screen, frame->lang, NULL, 0);
            screen->invite_drawn = cue_frame(screen->invite_ms);
            invite_paint(screen->invite, &p, &screen->invite_drawn, NULL);
        }
    }
    draw_progress(screen, frame);
    bool still = frame->transition == TRANSITION_NONE && frame->drag_px == 0.0f;
    draw_lead_form(screen, frame, chrome && still && frame->show_chrome);
    if (!screen->form_modal) { /* a message card would hide the keys the visitor types on */
        draw_overlay(screen, overlay, frame->lang);
    }
}

/* Over everything: the target under the finger lit, and the idle prompt. */
static void draw_feedback(Screen *screen, const DeckFrame *frame)
{
    draw_press(screen);
    if (frame->idle_warning) {
        Painter p = painter(screen, frame->lang, NULL, 0);
        idle_prompt_paint(&p, frame->idle_seconds_left, DECK_DEFAULT_IDLE_WARNING_MS / 1000);
    }
}

void screen_draw(Screen *screen, const DeckFrame *frame, const Overlay *overlay)
{
    screen->ticked.count = 0; /* the whole frame is drawn: the ticked areas with it */
    screen->moving = frame->transition != TRANSITION_NONE || frame->drag_px != 0.0f;
    if (screen->tick_owed && !screen->moving) {
        SlideCacheTicked ticked = {0};
        screen->tick_owed = false;
        (void)slide_cache_tick(screen->slides, false, &ticked); /* whatever it painted, this frame draws */
    }
    SlideRef none = {SECTION_ABOUT, 0, -1};
    SlideRef ref = frame->empty ? none : frame->slide;
    float scroll_px = frame->empty ? 0.0f : frame->scroll_px;
    bool still = frame->transition == TRANSITION_NONE && frame->drag_px == 0.0f;
    if (!screen->drawn && still && scroll_px == 0.0f) {
        /* Time to first content: the very first frame paints its slide straight onto the
         * target, with no full-screen texture to allocate, clear and copy first. The slide
         * goes into the cache when it is next needed (screen_prefetch, or the next frame). */
        screen->drawn = true;
        const CachedSlide *direct = slide_cache_paint_direct(screen->slides, ref, frame->lang);
        draw_layers(screen, frame, overlay);
        collect_hits(screen, direct, frame->show_chrome);
        draw_feedback(screen, frame);
        return;
    }
    screen->drawn = true;
    /* Painting one slide must not evict the other: from is on screen already (cached) in all
     * but the first frame after new content. */
    CachedSlide *from = NULL;
    if (frame->transition != TRANSITION_NONE) {
        from = slide_cache_get(screen->slides, frame->from, frame->from_lang, slide_cache_find(screen->slides, ref, frame->lang));
    }
    CachedSlide *current = slide_cache_get(screen->slides, ref, frame->lang, from);
    /* A slide kept as tiles (screen_prefetch_successor) is drawn as such still, and in the
     * cross-fade to the slide it is kept over; anything else moves whole slides. */
    bool fading_over = from && from->kept && from->over == current && frame->transition == TRANSITION_CROSSFADE;
    if (from && !fading_over && !slide_cache_make_whole(screen->slides, from)) {
        from = NULL;
    }
    if (current && !(still && scroll_px == 0.0f) && !slide_cache_make_whole(screen->slides, current)) {
        current = NULL;
    }
    if (!current) {
        SDL_SetRenderDrawColor(screen->renderer, screen->palette.background.r, screen->palette.background.g,
                               screen->palette.background.b, 255);
        SDL_RenderClear(screen->renderer);
        screen->hit_count = 0;
        return;
    }
    slide_cache_set_shown(screen->slides, current);
    slide_cache_scroll(screen->slides, current, scroll_px);
    compose_slides(screen, frame, current, from);
    draw_layers(screen, frame, overlay);
    collect_hits(screen, current, still && frame->show_chrome);
    draw_feedback(screen, frame);
}

bool screen_draw_invite(Screen *screen, const DeckFrame *frame, const Overlay *overlay, SDL_Rect *area)
{
    if (!showing_invite(screen, frame) || frame->transition != TRANSITION_NONE || frame->drag_px != 0.0f ||
        (overlay && overlay->visible)) {
        return false;
    }
    CachedSlide *current = slide_cache_find(screen->slides, frame->slide, frame->lang);
    if (!current) {
        return false;
    }
    Painter p = painter(screen, frame->lang, NULL, 0);
    CueFrame cue = cue_frame(screen->invite_ms);
    *area = invite_changed_area(screen->invite, &p, &screen->invite_drawn, &cue);
    /* Put back the slide beneath, then the call to touch over it. */
    slide_cache_draw_area(screen->slides, current, area);
    invite_paint(screen->invite, &p, &cue, area);
    screen->invite_drawn = cue;
    return true;
}

_Static_assert((int)SCREEN_MAX_TICK_AREAS == (int)SLIDE_CACHE_MAX_TICK_AREAS, "the areas of one slide");

bool screen_draw_ticks(Screen *screen, const DeckFrame *frame, const Overlay *overlay, SDL_Rect *areas, int *count)
{
    *count = 0;
    CachedSlide *current = slide_cache_find(screen->slides, frame->slide, frame->lang);
    if (!screen->ticked.count || frame->empty || frame->transition != TRANSITION_NONE || frame->drag_px != 0.0f ||
        frame->scroll_px != 0.0f || (overlay && overlay->visible) || showing_invite(screen, frame) || !current ||
        !current->texture) {
        return false;
    }
    /* Each area as a whole frame draws it: the slide, then the layers over it, clipped to it. */
    for (int i = 0; i < screen->ticked.count; i++) {
        SDL_Rect area = screen->ticked.areas[i];
        SDL_RenderSetClipRect(screen->renderer, &area);
        slide_cache_draw_area(screen->slides, current, &area);
        draw_layers(screen, frame, overlay);
        draw_feedback(screen, frame);
        areas[(*count)++] = area;
    }
    SDL_RenderSetClipRect(screen->renderer, NULL);
    screen->ticked.count = 0;
    return true;
}

const HitRegion *screen_hits(const Screen *screen, size_t *count)
{
    *count = screen->hit_count;
    return screen->hits;
}

bool screen_save_png(SDL_Renderer *renderer, int w, int h, const char *path)
{
    SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!surface) {
        return false;
    }
    bool ok = SDL_RenderReadPixels(renderer, NULL, SDL_PIXELFORMAT_ARGB8888, surface->pixels, surface->pitch) == 0 &&
              IMG_SavePNG(surface, path) == 0;
    SDL_FreeSurface(surface);
    return ok;
}
