/* slide_cache.c — the slides a screen keeps painted; see slide_cache.h. Start at
 * slide_cache_get(): a slide found, or painted into the least recently used entry
 * (paint_slide()); then slide_cache_prefetch_successor(), which keeps the slide on screen as
 * tiles over the next, and slide_cache_make_whole(), absorb_base() and release_base(), which
 * undo that. */
#include "render/slide_cache.h"

#include "core/ui_text.h"
#include "render/event_slides.h"
#include "render/slides.h"
#include "render/story.h"

#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

enum {
    /* A slide is kept as tiles only where it differs from the next in at most this share of
     * tiles (per cent): beyond, the tiles save little and cost a third texture meanwhile. */
    MAX_KEPT_SHARE_PCT = 66,
    FONTS_KEPT = 1, /* font sizes left open after painting a slide (fonts_trim) */
};

struct SlideCache {
    Painter look;             /* renderer, fonts, metrics, palette and warnings for painting */
    const Content *content;
    const SlidePlan *plan;
    CachedSlide slides[SLIDE_CACHE_SIZE];
    const CachedSlide *shown; /* the slide last drawn as current: a prefetch keeps it */
    CachedSlide direct;       /* the first frame's slide, painted onto the target (hits only) */
    size_t slides_painted;
    uint64_t last_version;    /* the last CachedSlide.version handed out */
    Uint32 slide_format;      /* opaque slides: the format of the output where it has no alpha */
    FadeMask *fade_mask;      /* software renderer: where the two slides of a cross-fade differ */
    unsigned clock;
    StoryReader *reader;      /* the reading page being scrolled (NULL: out of memory, no scrolling) */
    uint64_t event_look;      /* what the cached event slides show (event_slides_look) */
};

SlideCache *slide_cache_create(const Painter *look)
{
    SlideCache *cache = calloc(1, sizeof *cache);
    if (!cache) {
        return NULL;
    }
    cache->look = *look;
    cache->look.hits = NULL;
    cache->look.hit_count = 0;
    cache->look.hit_capacity = 0;
    cache->reader = story_reader_create();
    /* Slides are opaque. In the software renderer an XRGB slide is copied to the window (XRGB
     * on X11) row by row and cross-faded by SDL's surface-alpha blitter (SIMD where the CPU has
     * it); an ARGB slide goes through the per-pixel-alpha converter, about ten times slower.
     * The GPU path keeps ARGB: there the format costs nothing. */
    SDL_RendererInfo info = {0};
    bool software = SDL_GetRendererInfo(look->renderer, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE) != 0;
    cache->slide_format = software ? SDL_PIXELFORMAT_RGB888 : SDL_PIXELFORMAT_ARGB8888;
    /* NULL (no memory, or a GPU) fades whole frames. */
    cache->fade_mask = software ? fade_mask_create() : NULL;
    return cache;
}

/* Empties a cache entry, giving back its texture or kept tiles. */
static void forget_slide(CachedSlide *entry)
{
    if (entry->texture) {
        SDL_DestroyTexture(entry->texture);
    }
    fade_tiles_destroy(entry->kept);
    *entry = (CachedSlide){0};
}

static void drop_slides(SlideCache *cache)
{
    for (int i = 0; i < SLIDE_CACHE_SIZE; i++) {
        forget_slide(&cache->slides[i]);
    }
    cache->shown = NULL;
    cache->direct.valid = false;
}

void slide_cache_destroy(SlideCache *cache)
{
    if (!cache) {
        return;
    }
    drop_slides(cache);
    fade_mask_destroy(cache->fade_mask);
    story_reader_destroy(cache->reader);
    free(cache);
}

void slide_cache_set_content(SlideCache *cache, const Content *content, const SlidePlan *plan, Palette palette)
{
    drop_slides(cache);
    story_reader_clear(cache->reader);
    cache->content = content;
    cache->plan = plan;
    cache->look.pal = palette;
    cache->event_look = content && plan ? event_slides_look(content, plan) : 0;
}

void slide_cache_repaint(SlideCache *cache)
{
    drop_slides(cache);
    cache->event_look = cache->content && cache->plan ? event_slides_look(cache->content, cache->plan) : 0;
}

void slide_cache_stats(const SlideCache *cache, SlideCacheStats *out)
{
    *out = (SlideCacheStats){.slides_painted = cache->slides_painted, .slide_format = cache->slide_format};
    for (int i = 0; i < SLIDE_CACHE_SIZE; i++) {
        out->slide_textures += cache->slides[i].texture != NULL;
        out->kept_slides += cache->slides[i].kept != NULL;
        out->kept_bytes += fade_tiles_bytes(cache->slides[i].kept);
    }
}

/* A painter like the screen's, in lang, recording touch targets into hits (NULL: none). */
static Painter painter(const SlideCache *cache, Lang lang, HitRegion *hits, size_t capacity)
{
    Painter p = cache->look;
    p.lang = lang;
    p.hits = hits;
    p.hit_capacity = capacity;
    return p;
}

/* A full-screen texture for one slide: opaque, in the slides' format. */
static SDL_Texture *slide_target(const SlideCache *cache)
{
    return paint_target_texture(cache->look.renderer, cache->slide_format, SDL_BLENDMODE_NONE, cache->look.m.w,
                                cache->look.m.h);
}

static void paint_no_content(Painter *p)
{
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

/* Paints the slide ref in lang onto the renderer's target, recording its hits in slide. */
static void paint_slide(SlideCache *cache, CachedSlide *slide, SlideRef ref, Lang lang)
{
    cache->slides_painted++;
    Painter p = painter(cache, lang, slide->hits, SLIDE_CACHE_MAX_HITS);
    PlannedSlide planned = {0};
    if (cache->content && cache->plan && plan_slide(cache->plan, ref, &planned)) {
        slides_paint(&p, cache->content, cache->plan, ref.section, &planned);
    } else {
        paint_no_content(&p);
    }
    slide->hit_count = p.hit_count;
    slide->reading = story_is_reading(planned.kind) && cache->content;
    slide->scrolled = 0.0f;
    slide->version = ++cache->last_version;
}

const CachedSlide *slide_cache_paint_direct(SlideCache *cache, SlideRef ref, Lang lang)
{
    paint_slide(cache, &cache->direct, ref, lang);
    cache->direct.valid = true;
    cache->direct.ref = ref;
    cache->direct.lang = lang;
    return &cache->direct;
}

void slide_cache_set_shown(SlideCache *cache, const CachedSlide *shown)
{
    cache->shown = shown;
}

CachedSlide *slide_cache_find(SlideCache *cache, SlideRef ref, Lang lang)
{
    for (int i = 0; i < SLIDE_CACHE_SIZE; i++) {
        CachedSlide *entry = &cache->slides[i];
        if (entry->valid && entry->lang == lang && same_slide(entry->ref, ref)) {
            return entry;
        }
    }
    return NULL;
}

/* glibc keeps pages the kiosk freed (and, after the first full-screen texture freed, serves
 * the next from its heap rather than a fresh mapping): give them back to the system. */
static void give_back_freed_pages(void)
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

/* entry, kept as tiles until now, whole in texture from now on. */
static void detach_tiles(CachedSlide *entry, SDL_Texture *texture)
{
    fade_tiles_destroy(entry->kept);
    entry->kept = NULL;
    entry->over = NULL;
    entry->texture = texture;
}

/* entry, kept as tiles over its base, made whole in the base's texture: the base is gone. */
static void absorb_base(SlideCache *cache, CachedSlide *entry)
{
    CachedSlide *base = entry->over;
    SDL_Texture *previous = SDL_GetRenderTarget(cache->look.renderer);
    if (SDL_SetRenderTarget(cache->look.renderer, base->texture) != 0) {
        forget_slide(entry); /* cannot be drawn whole: painted again when next needed */
        return;
    }
    fade_tiles_draw(entry->kept, cache->look.renderer, NULL, 255);
    SDL_SetRenderTarget(cache->look.renderer, previous);
    detach_tiles(entry, base->texture);
    base->texture = NULL;
    forget_slide(base);
}

/* Before base is painted over or given back: a slide kept over it and still wanted (keep,
 * or the one on screen) takes its texture, made whole; one not wanted goes. */
static void release_base(SlideCache *cache, CachedSlide *base, const CachedSlide *keep)
{
    for (int i = 0; i < SLIDE_CACHE_SIZE; i++) {
        CachedSlide *entry = &cache->slides[i];
        if (entry->kept && entry->over == base) {
            if (entry == keep || entry == cache->shown) {
                absorb_base(cache, entry);
            } else {
                forget_slide(entry);
            }
        }
    }
}

void slide_cache_draw_area(SlideCache *cache, const CachedSlide *entry, const SDL_Rect *area)
{
    SDL_Texture *texture = entry->kept ? entry->over->texture : entry->texture;
    SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_NONE);
    SDL_SetTextureAlphaMod(texture, 255);
    SDL_RenderCopy(cache->look.renderer, texture, area, area);
    if (entry->kept) {
        fade_tiles_draw(entry->kept, cache->look.renderer, area, 255);
    }
}

bool slide_cache_make_whole(SlideCache *cache, CachedSlide *entry)
{
    if (!entry->kept) {
        return entry->texture != NULL;
    }
    SDL_Texture *texture = slide_target(cache);
    if (!texture) {
        forget_slide(entry);
        return false;
    }
    SDL_Texture *previous = SDL_GetRenderTarget(cache->look.renderer);
    if (SDL_SetRenderTarget(cache->look.renderer, texture) != 0) {
        SDL_DestroyTexture(texture);
        forget_slide(entry);
        return false;
    }
    slide_cache_draw_area(cache, entry, NULL);
    SDL_SetRenderTarget(cache->look.renderer, previous);
    detach_tiles(entry, texture);
    return true;
}

CachedSlide *slide_cache_get(SlideCache *cache, SlideRef ref, Lang lang, const CachedSlide *protect)
{
    cache->clock++;
    CachedSlide *found = slide_cache_find(cache, ref, lang);
    if (found) {
        found->last_used = cache->clock;
        return found;
    }
    CachedSlide *victim = NULL;
    for (int i = 0; i < SLIDE_CACHE_SIZE; i++) {
        CachedSlide *entry = &cache->slides[i];
        if (entry != protect && (!victim || !entry->valid || (victim->valid && entry->last_used < victim->last_used))) {
            victim = entry;
        }
    }
    release_base(cache, victim, protect);
    if (victim->kept) {
        forget_slide(victim);
    }
    if (!victim->texture) {
        victim->texture = slide_target(cache);
        if (!victim->texture) {
            return NULL;
        }
    }
    SDL_Texture *previous = SDL_GetRenderTarget(cache->look.renderer);
    SDL_SetRenderTarget(cache->look.renderer, victim->texture);
    paint_slide(cache, victim, ref, lang);
    SDL_SetRenderTarget(cache->look.renderer, previous);
    /* The sizes its texts were tried at are not needed until the next slide is painted. */
    fonts_trim(cache->look.fonts, FONTS_KEPT);
    /* Painting a slide allocates and frees a surface per line of text (about 1.3 MiB of
     * PSS at 1080p); once a slide per slide change, far cheaper than the painting. */
    give_back_freed_pages();
    victim->valid = true;
    victim->ref = ref;
    victim->lang = lang;
    victim->last_used = cache->clock;
    return victim;
}

void slide_cache_scroll(SlideCache *cache, CachedSlide *entry, float offset)
{
    PlannedSlide planned = {0};
    float moved = entry->scrolled - offset;
    if (!entry->reading || !cache->reader || (moved < 0.5f && moved > -0.5f) ||
        !plan_slide(cache->plan, entry->ref, &planned) || !slide_cache_make_whole(cache, entry)) {
        return;
    }
    SDL_Texture *previous = SDL_GetRenderTarget(cache->look.renderer);
    SDL_SetRenderTarget(cache->look.renderer, entry->texture);
    Painter p = painter(cache, entry->lang, NULL, 0);
    story_paint(&p, cache->reader, cache->content, cache->plan, &planned, entry->ref, offset);
    SDL_SetRenderTarget(cache->look.renderer, previous);
    entry->scrolled = offset;
    entry->version = ++cache->last_version;
}

bool slide_cache_scroll_extent(SlideCache *cache, SlideRef ref, Lang lang, float *extent_px, float *viewport_px)
{
    PlannedSlide planned = {0};
    *extent_px = 0.0f;
    *viewport_px = 0.0f;
    if (!cache->content || !cache->plan || !plan_slide(cache->plan, ref, &planned)) {
        return false;
    }
    Painter p = painter(cache, lang, NULL, 0);
    return story_extent(&p, cache->reader, cache->content, cache->plan, &planned, ref, extent_px, viewport_px);
}

const FadeMask *slide_cache_fade_mask(SlideCache *cache, const CachedSlide *a, const CachedSlide *b)
{
    if (!cache->fade_mask || !a || !b || a == b || !a->valid || !b->valid) {
        return NULL;
    }
    if (fade_mask_matches(cache->fade_mask, a->version, b->version) ||
        (a->texture && b->texture &&
         fade_mask_compute(cache->fade_mask, cache->look.renderer, a->texture, a->version, b->texture, b->version,
                           cache->look.m.w, cache->look.m.h))) {
        return cache->fade_mask;
    }
    return NULL;
}

void slide_cache_prefetch(SlideCache *cache, SlideRef ref, Lang lang)
{
    /* Never evict the slide on screen: the next transition starts from it. */
    const CachedSlide *next = slide_cache_get(cache, ref, lang, cache->shown);
    /* Where the next fade will blend, found now while nothing moves. */
    (void)slide_cache_fade_mask(cache, cache->shown, next);
}

void slide_cache_prefetch_successor(SlideCache *cache, SlideRef ref, Lang lang)
{
    if (!cache->shown && cache->direct.valid) {
        /* On screen since the first frame, painted straight onto the target: cached now, so
         * that it can be kept as tiles rather than painted whole again for the fade. */
        cache->shown = slide_cache_get(cache, cache->direct.ref, cache->direct.lang, NULL);
    }
    CachedSlide *shown = (CachedSlide *)cache->shown;
    slide_cache_prefetch(cache, ref, lang);
    CachedSlide *next = slide_cache_find(cache, ref, lang);
    if (!shown || !next || shown == next || !shown->texture || !next->texture || next->reading) {
        return; /* kept already, or nothing to keep it over (a reading page repaints as it scrolls) */
    }
    for (int i = 0; i < SLIDE_CACHE_SIZE; i++) {
        if (cache->slides[i].kept && cache->slides[i].over == shown) {
            return; /* another slide is kept over it: it stays whole (no chains of kept slides) */
        }
    }
    const FadeMask *mask = slide_cache_fade_mask(cache, shown, next);
    if (!mask || fade_mask_differing_share(mask) * 100.0 > MAX_KEPT_SHARE_PCT) {
        return; /* a GPU, or slides that differ nearly everywhere: both stay whole */
    }
    FadeTiles *kept = fade_tiles_create(mask, cache->look.renderer, shown->texture);
    if (!kept) {
        return; /* short of memory: both stay whole */
    }
    SDL_DestroyTexture(shown->texture);
    shown->texture = NULL;
    shown->kept = kept;
    shown->over = next;
    give_back_freed_pages();
}

void slide_cache_release_spare(SlideCache *cache)
{
    bool released = false;
    CachedSlide *shown = (CachedSlide *)cache->shown;
    if (shown && shown->kept) {
        absorb_base(cache, shown); /* one whole slide again, in its base's texture */
        released = true;
    }
    for (int i = 0; i < SLIDE_CACHE_SIZE; i++) {
        CachedSlide *entry = &cache->slides[i];
        if (entry != cache->shown && (entry->texture || entry->kept)) {
            forget_slide(entry);
            released = true;
        }
    }
    if (released) {
        give_back_freed_pages();
    }
}

/* The event slide entry shows, or false. */
static bool event_slide(const SlideCache *cache, const CachedSlide *entry, PlannedSlide *planned)
{
    return entry->valid && entry->ref.detail < 0 && plan_slide(cache->plan, entry->ref, planned) &&
           (planned->kind == SLIDE_EVENT_NOW || planned->kind == SLIDE_EVENT_BOARD);
}

/* Paints again the areas of the cached event slide entry that count with the clock; *shown
 * grows by them when it is the slide on screen. False when it could not (the entry is gone). */
static bool tick_slide(SlideCache *cache, CachedSlide *entry, const PlannedSlide *planned, SlideCacheTicked *shown)
{
    SDL_Texture *previous = SDL_GetRenderTarget(cache->look.renderer);
    if (SDL_SetRenderTarget(cache->look.renderer, entry->texture) != 0) {
        forget_slide(entry); /* painted whole when next needed */
        return false;
    }
    Painter p = painter(cache, entry->lang, NULL, 0);
    SDL_Rect areas[EVENT_SLIDES_MAX_TICKS];
    int count = event_slides_paint_ticks(&p, cache->content, cache->plan, planned, areas);
    SDL_SetRenderTarget(cache->look.renderer, previous);
    if (count > 0) {
        entry->version = ++cache->last_version; /* a fade mask of the old pixels no longer holds */
    }
    for (int i = 0; i < count && entry == cache->shown; i++) {
        shown->areas[shown->count++] = areas[i];
    }
    return true;
}

_Static_assert((int)SLIDE_CACHE_MAX_TICK_AREAS == (int)EVENT_SLIDES_MAX_TICKS, "the areas of one event slide");

SlideCacheTick slide_cache_tick(SlideCache *cache, bool moving, SlideCacheTicked *area)
{
    *area = (SlideCacheTicked){0};
    if (!cache->content || !cache->plan) {
        return SLIDE_CACHE_TICK_NONE;
    }
    uint64_t look = event_slides_look(cache->content, cache->plan);
    PlannedSlide planned = {0};
    if (look != cache->event_look || (!cache->shown && cache->direct.valid && event_slide(cache, &cache->direct, &planned))) {
        /* Another round, a session begun, an announcement: every slide painted again (as is
         * the first frame's, which no texture holds). */
        slide_cache_repaint(cache);
        return SLIDE_CACHE_TICK_WHOLE;
    }
    /* A slide kept as tiles over another shows the other's pixels where the two were equal:
     * before an event slide of the pair changes, the slide on screen is made whole (kept
     * again by the next slide_cache_prefetch_successor()); the one a fade comes from is left
     * as it is until the fade is over (no second whole slide in it), then given back. */
    for (int i = 0; i < SLIDE_CACHE_SIZE; i++) {
        CachedSlide *entry = &cache->slides[i];
        if (!entry->kept || !(event_slide(cache, entry, &planned) || event_slide(cache, entry->over, &planned))) {
            continue;
        }
        if (entry != cache->shown && moving) {
            return SLIDE_CACHE_TICK_LATER;
        }
        if (entry != cache->shown) {
            forget_slide(entry);
        } else if (!slide_cache_make_whole(cache, entry)) {
            slide_cache_repaint(cache); /* short of memory: painted again, whole */
            return SLIDE_CACHE_TICK_WHOLE;
        }
    }
    for (int i = 0; i < SLIDE_CACHE_SIZE; i++) {
        CachedSlide *entry = &cache->slides[i];
        bool shown = entry == cache->shown;
        if (entry->texture && event_slide(cache, entry, &planned) && !tick_slide(cache, entry, &planned, area) &&
            shown) {
            slide_cache_repaint(cache);
            return SLIDE_CACHE_TICK_WHOLE;
        }
    }
    return area->count ? SLIDE_CACHE_TICK_AREA : SLIDE_CACHE_TICK_NONE;
}
