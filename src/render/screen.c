/* screen.c — frame composition and texture caches; see screen.h.
 * Reading order: screen_draw() → slide_texture() (cache or paint) → compose_slides() →
 * chrome_texture() → draw_progress() → draw_overlay(). */
#include "render/screen.h"

#include "core/ui_text.h"
#include "render/chrome.h"
#include "render/slides.h"

#include <SDL2/SDL_image.h>
#include <stdlib.h>
#include <string.h>

enum {
    SLIDE_CACHE_SIZE = 3, /* current, the one it comes from or goes to, a drag's neighbour */
    MAX_SLIDE_HITS = 96, /* a members page: keys or letters, chips, tiles */
    MAX_CHROME_HITS = 16,
    MAX_HITS = MAX_SLIDE_HITS + 2 * MAX_CHROME_HITS,
};

typedef struct CachedSlide {
    bool valid;
    SlideRef ref;
    Lang lang;
    SDL_Texture *texture;
    HitRegion hits[MAX_SLIDE_HITS];
    size_t hit_count;
    unsigned last_used;
} CachedSlide;

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
    Metrics metrics;
    bool booth;
    PaintWarnFn warn;
    void *warn_ctx;
    const Content *content;
    const SlidePlan *plan;
    Palette palette;
    CachedSlide slides[SLIDE_CACHE_SIZE];
    unsigned clock;
    ChromeLayer top;
    ChromeLayer footer;
    OverlayLayer overlay;
    HitRegion hits[MAX_HITS];
    size_t hit_count;
};

/* Used until a pack is loaded, and for the "no content" screen: the bundled theme's ink. */
static const Theme FALLBACK_THEME = {0x15141A, 0x211F27, 0xF4F0E8, 0xA8A29A, 0xC9A45C, 0x15141A};

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
    return screen;
}

static void drop_slides(Screen *screen)
{
    for (int i = 0; i < SLIDE_CACHE_SIZE; i++) {
        if (screen->slides[i].texture) {
            SDL_DestroyTexture(screen->slides[i].texture);
        }
        screen->slides[i] = (CachedSlide){0};
    }
    screen->top.valid = false;
    screen->footer.valid = false;
}

void screen_destroy(Screen *screen)
{
    if (!screen) {
        return;
    }
    drop_slides(screen);
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
    drop_slides(screen);
    screen->content = content;
    screen->plan = plan;
    screen->palette = palette_from_theme(content ? &content->theme : &FALLBACK_THEME);
}

const Metrics *screen_metrics(const Screen *screen)
{
    return &screen->metrics;
}

static Painter painter(Screen *screen, Lang lang, HitRegion *hits, size_t capacity)
{
    return (Painter){
        .renderer = screen->renderer,
        .fonts = screen->fonts,
        .m = screen->metrics,
        .pal = screen->palette,
        .lang = lang,
        .hits = hits,
        .hit_capacity = capacity,
        .warn = screen->warn,
        .warn_ctx = screen->warn_ctx,
    };
}

static SDL_Texture *target_texture(Screen *screen, int w, int h, bool transparent)
{
    SDL_Texture *texture = SDL_CreateTexture(screen->renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, w, h);
    if (texture) {
        SDL_SetTextureBlendMode(texture, transparent ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE);
    }
    return texture;
}

static void paint_no_content(Screen *screen, Painter *p)
{
    (void)screen;
    paint_fill(p, (SDL_Rect){0, 0, p->m.w, p->m.h}, p->pal.background);
    SDL_Rect box = {p->m.margin, p->m.h / 2 - p->m.size_title * 2, p->m.w - 2 * p->m.margin, p->m.size_title * 2};
    TextStyle title = {.weight = FONT_BOLD, .size = p->m.size_title, .colour = p->pal.text, .align = ALIGN_CENTER};
    paint_text(p, ui_text(UI_NO_CONTENT, p->lang), box, title);
    box.y += box.h;
    TextStyle hint = {.weight = FONT_REGULAR, .size = p->m.size_body, .colour = p->pal.muted, .align = ALIGN_CENTER};
    paint_text(p, ui_text(UI_NO_CONTENT_HINT, p->lang), box, hint);
}

static bool same_slide(SlideRef a, SlideRef b)
{
    return a.section == b.section && a.page == b.page && a.detail == b.detail;
}

/* The cached texture of ref in lang, painted now if missing (evicting the least recently
 * used entry that is not protected). */
static CachedSlide *slide_texture(Screen *screen, SlideRef ref, Lang lang, const CachedSlide *protect)
{
    screen->clock++;
    CachedSlide *victim = NULL;
    for (int i = 0; i < SLIDE_CACHE_SIZE; i++) {
        CachedSlide *entry = &screen->slides[i];
        if (entry->valid && entry->lang == lang && same_slide(entry->ref, ref)) {
            entry->last_used = screen->clock;
            return entry;
        }
        if (entry != protect && (!victim || !entry->valid || (victim->valid && entry->last_used < victim->last_used))) {
            victim = entry;
        }
    }
    if (!victim->texture) {
        victim->texture = target_texture(screen, screen->metrics.w, screen->metrics.h, false);
        if (!victim->texture) {
            return NULL;
        }
    }
    SDL_Texture *previous = SDL_GetRenderTarget(screen->renderer);
    SDL_SetRenderTarget(screen->renderer, victim->texture);
    Painter p = painter(screen, lang, victim->hits, MAX_SLIDE_HITS);
    PlannedSlide planned = {0};
    if (screen->content && screen->plan && plan_slide(screen->plan, ref, &planned)) {
        slides_paint(&p, screen->content, screen->plan, ref.section, &planned);
    } else {
        paint_no_content(screen, &p);
    }
    SDL_SetRenderTarget(screen->renderer, previous);
    victim->valid = true;
    victim->ref = ref;
    victim->lang = lang;
    victim->hit_count = p.hit_count;
    victim->last_used = screen->clock;
    return victim;
}

void screen_prefetch(Screen *screen, SlideRef ref, Lang lang)
{
    /* Never evict the slide on screen: it is the most recently used, so LRU keeps it. */
    slide_texture(screen, ref, lang, NULL);
}

static void copy_at(Screen *screen, SDL_Texture *texture, int dx, Uint8 alpha)
{
    SDL_Rect dst = {dx, 0, screen->metrics.w, screen->metrics.h};
    SDL_SetTextureBlendMode(texture, alpha == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetTextureAlphaMod(texture, alpha);
    SDL_RenderCopy(screen->renderer, texture, NULL, &dst);
}

static void compose_slides(Screen *screen, const DeckFrame *frame, CachedSlide *current)
{
    int w = screen->metrics.w;
    if (frame->transition != TRANSITION_NONE) {
        CachedSlide *from = slide_texture(screen, frame->from, frame->from_lang, current);
        float t = frame->progress;
        if (!from) {
            copy_at(screen, current->texture, 0, 255);
            return;
        }
        /* A slide starts where the finger let it go and travels the rest of the way. */
        float start = frame->transition_from_px;
        switch (frame->transition) {
        case TRANSITION_SLIDE_LEFT: {
            int from_x = (int)(start + (-(float)w - start) * t);
            copy_at(screen, from->texture, from_x, 255);
            copy_at(screen, current->texture, from_x + w, 255);
            return;
        }
        case TRANSITION_SLIDE_RIGHT: {
            int from_x = (int)(start + ((float)w - start) * t);
            copy_at(screen, from->texture, from_x, 255);
            copy_at(screen, current->texture, from_x - w, 255);
            return;
        }
        default:
            copy_at(screen, from->texture, 0, 255);
            copy_at(screen, current->texture, 0, (Uint8)(t * 255.0f + 0.5f));
            return;
        }
    }
    int drag = (int)frame->drag_px;
    copy_at(screen, current->texture, drag, 255);
    if (frame->has_peek && drag != 0) {
        CachedSlide *peek = slide_texture(screen, frame->peek, frame->lang, current);
        if (peek) {
            copy_at(screen, peek->texture, drag < 0 ? drag + w : drag - w, 255);
        }
    }
}

static bool chrome_key_equal(const ChromeKey *a, const ChromeKey *b)
{
    return a->interactive == b->interactive && a->booth == b->booth && a->lang == b->lang && a->section == b->section &&
           a->page == b->page && a->pages == b->pages && a->detail == b->detail;
}

static void draw_chrome_layer(Screen *screen, ChromeLayer *layer, const ChromeKey *key, bool footer, Uint8 alpha)
{
    const Metrics *m = &screen->metrics;
    int h = footer ? m->footer.h : chrome_top_height(m);
    if (!layer->texture) {
        layer->texture = target_texture(screen, m->w, h, true);
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
        layer->texture = target_texture(screen, w, h, true);
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

static void collect_hits(Screen *screen, const CachedSlide *slide, bool slide_hits)
{
    screen->hit_count = 0;
    const HitRegion *sources[3] = {slide_hits ? slide->hits : NULL, screen->footer.hits, screen->top.hits};
    size_t counts[3] = {slide_hits ? slide->hit_count : 0, screen->footer.valid ? screen->footer.hit_count : 0,
                        screen->top.valid ? screen->top.hit_count : 0};
    for (int s = 0; s < 3; s++) {
        for (size_t i = 0; i < counts[s] && screen->hit_count < MAX_HITS; i++) {
            screen->hits[screen->hit_count++] = sources[s][i];
        }
    }
}

void screen_draw(Screen *screen, const DeckFrame *frame, const Overlay *overlay)
{
    SlideRef none = {SECTION_ABOUT, 0, -1};
    SlideRef ref = frame->empty ? none : frame->slide;
    CachedSlide *current = slide_texture(screen, ref, frame->lang, NULL);
    SDL_SetRenderDrawColor(screen->renderer, screen->palette.background.r, screen->palette.background.g,
                           screen->palette.background.b, 255);
    SDL_RenderClear(screen->renderer);
    if (!current) {
        return;
    }
    compose_slides(screen, frame, current);
    bool chrome = !frame->empty && screen->content;
    ChromeKey key = {
        .interactive = frame->show_chrome,
        .booth = screen->booth,
        .lang = frame->lang,
        .section = frame->slide.section,
        .page = frame->slide.page,
        .pages = frame->section_pages,
        .detail = frame->slide.detail >= 0,
    };
    if (chrome) {
        Uint8 alpha = 255;
        if (frame->transition == TRANSITION_FADE_TO_ATTRACT) {
            alpha = (Uint8)(frame->progress * 255.0f);
        }
        draw_chrome_layer(screen, &screen->top, &key, false, alpha);
        draw_chrome_layer(screen, &screen->footer, &key, true, alpha);
    }
    draw_progress(screen, frame);
    draw_overlay(screen, overlay, frame->lang);
    bool still = frame->transition == TRANSITION_NONE && frame->drag_px == 0.0f;
    collect_hits(screen, current, still && frame->show_chrome);
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
