/* screen.h — composes what a visitor sees from a DeckFrame: cached slide textures (the
 * current slide and its neighbours are painted once, then only moved or blended: see
 * render/slide_cache.h), chrome bands, the attract progress line and an overlay card
 * (update progress and results, content problems). Also the touch targets of the frame on
 * screen, and PNG screenshots. Start at screen_create(), then screen_set_content() and
 * screen_draw(). */
#ifndef FACTS_RENDER_SCREEN_H
#define FACTS_RENDER_SCREEN_H

#include "content/content.h"
#include "core/deck.h"
#include "core/hit.h"
#include "render/fonts.h"
#include "render/lead_form.h"
#include "render/paint.h"
#include "render/plan.h"

#include <SDL2/SDL.h>
#include <stdbool.h>

typedef struct Screen Screen;

/* A message card over the slides. progress < 0: no progress bar. */
typedef struct Overlay {
    bool visible;
    bool problem;        /* drawn with a warning accent */
    const char *title;
    const char *detail;
    double progress;
} Overlay;

/* A screen of w x h pixels drawing with renderer and fonts (both borrowed). booth: show
 * the "touch to explore" hint. warn receives problems worth logging once. NULL when out of
 * memory. */
Screen *screen_create(SDL_Renderer *renderer, Fonts *fonts, int w, int h, bool booth, PaintWarnFn warn,
                      void *warn_ctx);

/* Frees every cached texture. NULL is a no-op. */
void screen_destroy(Screen *screen);

/* Shows content as planned by plan (both borrowed; they must outlive their use here).
 * Drops every cached slide. content NULL shows the calm "no content" screen. */
void screen_set_content(Screen *screen, const Content *content, const SlidePlan *plan);

/* The same content and plan show something that moved on (the event's clock): the slides are
 * painted again, the chrome, the palette, an open story and the invitation stay as they are. */
void screen_repaint_slides(Screen *screen);

/* The event's clock moved on (the plan's event instant; the same content and plan). When the
 * event slides look as they did (render/event_slides.h) only their areas that count with the
 * clock are painted again, and those of the slide on screen wait for screen_draw_ticks() (or
 * the next screen_draw()): returns false. Returns true when the whole frame must be drawn
 * again: a round turned, a session began, an announcement came or went. */
bool screen_event_tick(Screen *screen);

/* Whether areas painted by screen_event_tick() wait to be drawn. */
bool screen_ticks_pending(const Screen *screen);

/* Draws just the areas screen_event_tick() painted again of the slide on screen (at most
 * SCREEN_MAX_TICK_AREAS, into areas, *count of them) over the frame already on the renderer's
 * target, each as a whole frame would draw it, so the caller can present them alone. False
 * (nothing drawn) when none wait or this frame needs a full screen_draw(): a transition, a
 * drag, an overlay, the booth's call to touch, the slide not cached. */
enum { SCREEN_MAX_TICK_AREAS = 2 };
bool screen_draw_ticks(Screen *screen, const DeckFrame *frame, const Overlay *overlay, SDL_Rect *areas, int *count);

/* Whether the chrome shows the read-aloud button (available) and lights it (speaking);
 * takes effect at the next screen_draw(). Off until set. */
void screen_set_speech(Screen *screen, bool available, bool speaking);

/* The contact form to draw over everything while it is open (look borrowed until the next
 * call; NULL: none), and whether member and contact pages show the "Contact me" button.
 * While the form is open only its touch targets count. Takes effect at the next draw. */
void screen_set_lead_form(Screen *screen, const LeadFormLook *look, bool button);

/* Draws the frame (slides, chrome, progress, overlay) on the renderer's current target;
 * the caller presents. */
void screen_draw(Screen *screen, const DeckFrame *frame, const Overlay *overlay);

/* The moment (ms, any monotonic clock) whose call to touch the attract loop shows in the
 * next frame (core/cue.h); 0 until set. */
void screen_set_invite_ms(Screen *screen, uint64_t ms);

/* Redraws just the attract loop's call to touch over the slide already on the renderer's
 * target, at the moment set with screen_set_invite_ms(), and sets *area to what changed, so
 * the caller can present that alone. False (nothing drawn) when this frame needs a full
 * screen_draw(): not the booth's attract loop, a transition or overlay, no cached slide. */
bool screen_draw_invite(Screen *screen, const DeckFrame *frame, const Overlay *overlay, SDL_Rect *area);

/* Paints the slide ref in lang into the cache ahead of time, so that a transition to it
 * does not stutter. Cheap when it is already cached. */
void screen_prefetch(Screen *screen, SlideRef ref, Lang lang);

/* As screen_prefetch, for the slide the one on screen is about to cross-fade into (the
 * attract loop's next): the slide on screen is then kept only where it differs from it
 * (render/fade_mask.h), about a third of a full-screen texture, and is drawn as before until
 * the fade and in it. Between the two, the kiosk holds one slide and a third, not two. */
void screen_prefetch_successor(Screen *screen, SlideRef ref, Lang lang);

/* Gives back every cached slide but the one on screen (its full-screen texture: 8 MiB at
 * 1080p). The attract loop calls it while its next slide is far off, and prefetches that
 * slide shortly before it is due: between transitions the kiosk holds one slide, not two. */
void screen_release_spare(Screen *screen);

/* Shows the pressed state of the touch target under (x, y) from the next frame on, or none
 * (pressed false). Returns true when that changes what is drawn: a target is or was lit. */
bool screen_set_press(Screen *screen, bool pressed, float x, float y);

/* Touch targets of the last frame drawn, topmost last. */
const HitRegion *screen_hits(const Screen *screen, size_t *count);

/* Reads the renderer's current target into a PNG at path. false with SDL's error on failure. */
bool screen_save_png(SDL_Renderer *renderer, int w, int h, const char *path);

/* How far slide ref in lang scrolls (a reading page: a story or a text whole) and how
 * tall its visible part is; false (both 0) for slides that do not scroll. Tell the deck
 * (deck_set_scroll_extent) after drawing. */
bool screen_scroll_extent(Screen *screen, SlideRef ref, Lang lang, float *extent_px, float *viewport_px);

/* What a screen holds and has done, for tests and benchmarks. */
typedef struct ScreenStats {
    size_t slide_textures; /* full-screen slide textures allocated now */
    size_t kept_slides;    /* slides kept as tiles over another (screen_prefetch_successor) */
    size_t kept_bytes;     /*   the bytes of pixels those tiles hold */
    size_t slides_painted; /* slides painted since screen_create (cached or straight onto the target) */
    Uint32 slide_format;   /* their pixel format: opaque (no alpha) in SDL's software renderer */
    size_t fade_blended_px; /* pixels the last cross-fade frame blended (render/fade_mask.h) */
} ScreenStats;

/* Fills out with what screen holds now. */
void screen_stats(const Screen *screen, ScreenStats *out);

/* Metrics of this screen (for layout-aware callers and tests). */
const Metrics *screen_metrics(const Screen *screen);

#endif
