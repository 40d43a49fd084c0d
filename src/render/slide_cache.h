/* slide_cache.h — the slides a screen keeps painted, from which screen.c composes frames:
 * at most SLIDE_CACHE_SIZE full-screen textures (the slide on screen and the one it comes
 * from, or the next one painted ahead), each with the touch targets painted on it, painted
 * when asked for and given back least recently used. Shortly before the attract loop's
 * cross-fade the slide on screen is kept only where it differs from the next, as tiles over
 * it (render/fade_mask.h); a reading page is redrawn at its scroll offset.
 * Start at slide_cache_get(). */
#ifndef FACTS_RENDER_SLIDE_CACHE_H
#define FACTS_RENDER_SLIDE_CACHE_H

#include "content/content.h"
#include "core/deck.h"
#include "core/hit.h"
#include "render/fade_mask.h"
#include "render/paint.h"
#include "render/plan.h"

#include <SDL2/SDL.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
    /* What a transition needs and no more: the slide on screen and the one it comes from,
     * or (while still) the slide on screen and the next one painted ahead. A drag's
     * neighbour takes the second place. Each is a full-screen texture (8 MiB at 1080p). */
    SLIDE_CACHE_SIZE = 2,
    SLIDE_CACHE_MAX_HITS = 96, /* a members page: keys or letters, chips, tiles */
};

/* One slide painted: whole in texture, or kept as tiles over another cached slide. */
typedef struct CachedSlide {
    bool valid;
    SlideRef ref;
    Lang lang;
    SDL_Texture *texture;  /* NULL while the slide is kept as tiles over another (below) */
    FadeTiles *kept;       /* the attract loop's slide on screen shortly before its fade: */
    struct CachedSlide *over; /*   kept only where it differs from the next, cached slide */
    HitRegion hits[SLIDE_CACHE_MAX_HITS];
    size_t hit_count;
    unsigned last_used;
    bool reading;   /* a reading page: slide_cache_scroll() redraws it at an offset */
    float scrolled; /* the offset it shows */
    uint64_t version; /* names what the texture shows now: new at each painting and scroll */
} CachedSlide;

typedef struct SlideCache SlideCache;

/* A cache painting with look's renderer, fonts, metrics and warnings (its palette until
 * slide_cache_set_content(); its lang and hits are not used). NULL when out of memory. */
SlideCache *slide_cache_create(const Painter *look);

/* Gives back every texture and tile the cache holds. NULL is a no-op. */
void slide_cache_destroy(SlideCache *cache);

/* Drops every cached slide; from now on slides are painted from content as planned by plan
 * (both borrowed; content NULL: the "no content" screen) in palette. */
void slide_cache_set_content(SlideCache *cache, const Content *content, const SlidePlan *plan, Palette palette);

/* Drops every cached slide and nothing else: the same content and plan show something that
 * moved on (the event slides' clock, an announcement), so each slide is painted again when
 * next shown; an open story stays open. */
void slide_cache_repaint(SlideCache *cache);

/* What the event's clock moving on changed of what the cache holds (slide_cache_tick). */
typedef enum SlideCacheTick {
    SLIDE_CACHE_TICK_NONE = 0, /* nothing of the slide on screen */
    SLIDE_CACHE_TICK_AREA,     /* an area of the slide on screen (only the areas that count changed) */
    SLIDE_CACHE_TICK_WHOLE,    /* everything: every slide is painted again when next shown */
    SLIDE_CACHE_TICK_LATER,    /* nothing yet: a fade uses a slide kept over an event slide; again when still */
} SlideCacheTick;

/* The areas of the slide on screen a tick painted again. */
enum { SLIDE_CACHE_MAX_TICK_AREAS = 2 };
typedef struct SlideCacheTicked {
    SDL_Rect areas[SLIDE_CACHE_MAX_TICK_AREAS];
    int count;
} SlideCacheTicked;

/* The plan's event instant moved on (the same content and plan): when the event slides look
 * as they did (render/event_slides.h: event_slides_look) only the areas of the cached event
 * slides that count with the clock are painted again, and *area is what changed of the slide
 * on screen; otherwise every slide is dropped, as slide_cache_repaint(). moving: a
 * transition is on screen (a slide it fades from may be kept as tiles over an event slide:
 * then nothing is done, SLIDE_CACHE_TICK_LATER, and the caller asks again once still). */
SlideCacheTick slide_cache_tick(SlideCache *cache, bool moving, SlideCacheTicked *area);

/* The cached entry of ref in lang, or NULL. */
CachedSlide *slide_cache_find(SlideCache *cache, SlideRef ref, Lang lang);

/* The cached slide ref in lang, painted now if missing (evicting the least recently used
 * entry that is not protect). NULL when no texture can be had. */
CachedSlide *slide_cache_get(SlideCache *cache, SlideRef ref, Lang lang, const CachedSlide *protect);

/* Paints ref in lang straight onto the renderer's target (the first frame: no texture to
 * allocate first) and returns that slide, which holds its hits only; slide_cache_get()
 * caches it when it is next needed. */
const CachedSlide *slide_cache_paint_direct(SlideCache *cache, SlideRef ref, Lang lang);

/* shown is the slide on screen now: a prefetch never evicts it. */
void slide_cache_set_shown(SlideCache *cache, const CachedSlide *shown);

/* entry in a full texture of its own (a slide kept as tiles is drawn whole again: over a
 * copy of its base). False when memory is short: then it is not there at all. */
bool slide_cache_make_whole(SlideCache *cache, CachedSlide *entry);

/* Copies entry's pixels in area (NULL: all) opaquely onto the renderer's target, at their
 * places; a kept slide as its base and its tiles over it. */
void slide_cache_draw_area(SlideCache *cache, const CachedSlide *entry, const SDL_Rect *area);

/* A cached reading page shown at offset: its texture is redrawn there when it moved. */
void slide_cache_scroll(SlideCache *cache, CachedSlide *entry, float offset);

/* The fade mask of slides a and b, computed now if it is not yet; NULL: fade the whole
 * frame (a GPU, no memory, or not two different valid slides). */
const FadeMask *slide_cache_fade_mask(SlideCache *cache, const CachedSlide *a, const CachedSlide *b);

/* See screen_prefetch(), screen_prefetch_successor(), screen_release_spare() and
 * screen_scroll_extent() in render/screen.h: the screen's are these. */
void slide_cache_prefetch(SlideCache *cache, SlideRef ref, Lang lang);
void slide_cache_prefetch_successor(SlideCache *cache, SlideRef ref, Lang lang);
void slide_cache_release_spare(SlideCache *cache);
bool slide_cache_scroll_extent(SlideCache *cache, SlideRef ref, Lang lang, float *extent_px, float *viewport_px);

/* What the cache holds and has done (see ScreenStats in render/screen.h). */
typedef struct SlideCacheStats {
    size_t slide_textures;
    size_t kept_slides;
    size_t kept_bytes;
    size_t slides_painted;
    Uint32 slide_format;
} SlideCacheStats;

/* Fills out with what cache holds now. */
void slide_cache_stats(const SlideCache *cache, SlideCacheStats *out);

#endif
