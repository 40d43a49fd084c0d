/* app_display.c — the window, the renderer and drawing a frame; see app_state.h.
 * app_open_display() picks the renderer (the GPU on the Pi, software elsewhere) and the
 * rotation canvas; app_draw() draws only when something changed and paints the next slide
 * ahead while idle. The renderer, the canvas, the fade of new content and the message over the
 * slides (the overlay, app_core_show_progress) are this file's own, in AppDisplay. */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* madvise */
#include "app/app_state.h"
#include "app/part_staff.h"

#include "core/cue.h"
#include "core/easing.h"

#include <SDL2/SDL.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* How the display was opened and what the last frame showed: display's own state, private to
 * this file (app_state.h reaches it through the functions below). */
struct AppDisplay {
    SDL_Renderer *renderer;
    SDL_Texture *canvas;        /* rotated displays: frames are drawn here, then turned */
    int canvas_w, canvas_h;
    uint64_t swap_start_ms;     /* new content fades in since (0: no fade) */
    bool drawn_once;            /* the first frame is on screen (systemd heard the kiosk is up) */
    bool defer_fullscreen;
    bool native_wait;           /* SDL_WaitEventTimeout sleeps in the video driver */
    uint32_t frame_ms;          /* wake interval while animating, set by the renderer's pace (0: the deck's) */
    bool partial_present;       /* software renderer on the window: a small area can be presented alone */
    SDL_Thread *prefault;       /* faulting in the window surface's pages until the first frame */
    uint32_t drawn_revision;
    uint64_t cue_step;          /* the call to touch's step last drawn (core/cue.h) */
    SDL_Texture *swap_snapshot; /* the last frame of the old content, fading out */
    char state[160];
    char scroll_state[64];      /* the last "scroll: …" logged for a reading page at rest */
    bool was_bouncing;          /* for the log: an edge bounce was on screen */
    bool was_warning;           /* for the log: the idle warning was on screen */
    /* The message over the slides (app_show_overlay, app_core_show_progress). */
    char overlay_title[512];
    char overlay_detail[512];
    bool overlay_problem;
    uint64_t overlay_until_ms;
    double overlay_progress;    /* < 0: none */
    /* A picture of the screen asked for (app_core_request_grab) and, once read, kept until taken. */
    AppGrab grab_state;
    int grab_max_width;
    FrameGrab grab;
    uint64_t grab_took_us;
};

AppDisplay *app_display_create(void)
{
    AppDisplay *display = calloc(1, sizeof(AppDisplay));
    if (display) {
        display->overlay_progress = -1;
    }
    return display;
}

void app_display_destroy(AppDisplay *display)
{
    if (display) {
        frame_grab_free(&display->grab);
    }
    free(display);
}

void app_core_request_grab(App *app, int max_width)
{
    AppDisplay *d = app->display;
    if (d->grab_state == APP_GRAB_READY) {
        frame_grab_free(&d->grab);
    }
    d->grab_state = APP_GRAB_WANTED;
    d->grab_max_width = max_width;
    app->redraw = true;
}

AppGrab app_core_take_grab(App *app, FrameGrab *out, uint64_t *took_us)
{
    AppDisplay *d = app->display;
    AppGrab state = d->grab_state;
    if (state == APP_GRAB_READY) {
        *out = d->grab;
        *took_us = d->grab_took_us;
        memset(&d->grab, 0, sizeof d->grab);
    }
    if (state == APP_GRAB_READY || state == APP_GRAB_FAILED) {
        d->grab_state = APP_GRAB_IDLE;
    }
    return state;
}

void app_core_cancel_grab(App *app)
{
    AppDisplay *d = app->display;
    frame_grab_free(&d->grab);
    d->grab_state = APP_GRAB_IDLE;
}

/* A picture asked for: read from the frame at the renderer's target (the canvas when the
 * display is rotated, else the back buffer) before it is presented, when the back buffer still
 * holds it whatever the renderer (OpenGL's is undefined after a swap). Never a private layer. */
static void display_grab(App *app)
{
    AppDisplay *d = app->display;
    if (d->grab_state != APP_GRAB_WANTED || app_core_private_on_top(app)) {
        return;
    }
    uint64_t started_us = clock_now_us();
    if (frame_grab_read(d->renderer, d->canvas_w, d->canvas_h, d->grab_max_width, &d->grab)) {
        d->grab_state = APP_GRAB_READY;
        d->grab_took_us = clock_now_us() - started_us;
    } else {
        log_write(app->log, LOG_WARN, "status", "cannot read the frame back for screen.jpg: %s", SDL_GetError());
        d->grab_state = APP_GRAB_FAILED;
    }
}

bool app_core_drawn_once(const App *app)
{
    return app->display->drawn_once;
}

uint32_t app_display_frame_ms(const App *app)
{
    return app->display->frame_ms;
}

bool app_display_native_wait(const App *app)
{
    return app->display->native_wait;
}

void app_display_drop_snapshot(App *app)
{
    if (app->display->swap_snapshot) {
        SDL_DestroyTexture(app->display->swap_snapshot);
        app->display->swap_snapshot = NULL;
    }
}

SDL_Renderer *app_display_renderer(const App *app)
{
    return app->display->renderer;
}

bool app_display_fading(const App *app)
{
    return app->display->swap_start_ms != 0;
}

void app_display_stop_fade(App *app)
{
    app->display->swap_start_ms = 0;
}

void app_display_close(App *app)
{
    if (app->display->canvas) {
        SDL_DestroyTexture(app->display->canvas);
        app->display->canvas = NULL;
    }
    if (app->display->renderer) {
        SDL_DestroyRenderer(app->display->renderer);
        app->display->renderer = NULL;
    }
}

void app_core_black_frame(App *app, bool release_spare)
{
    SDL_SetRenderTarget(app->display->renderer, NULL);
    SDL_SetRenderDrawColor(app->display->renderer, 0, 0, 0, 255);
    SDL_RenderClear(app->display->renderer);
    SDL_RenderPresent(app->display->renderer);
    if (release_spare) {
        screen_release_spare(app->screen);
    }
}

void app_core_canvas_size(const App *app, int *w, int *h)
{
    *w = app->display->canvas_w;
    *h = app->display->canvas_h;
}

SDL_Renderer *app_core_begin_layer(App *app)
{
    if (app->display->canvas) {
        SDL_SetRenderTarget(app->display->renderer, app->display->canvas);
    }
    return app->display->renderer;
}

uint64_t app_display_overlay_until_ms(const App *app)
{
    return app->display->overlay_until_ms;
}

double app_core_progress(const App *app)
{
    return app->display->overlay_progress;
}

void app_core_start_progress(App *app)
{
    app->display->overlay_progress = 0.0;
    app->redraw = true;
}

void app_core_show_progress(App *app, const char *title, const char *detail, double progress, uint64_t now_ms)
{
    bool changed = strcmp(app->display->overlay_detail, detail) != 0 || app->display->overlay_problem;
    snprintf(app->display->overlay_title, sizeof app->display->overlay_title, "%s", title);
    snprintf(app->display->overlay_detail, sizeof app->display->overlay_detail, "%s", detail);
    app->display->overlay_problem = false;
    app->display->overlay_until_ms = now_ms + OVERLAY_SHOW_MS;
    app->redraw = app->redraw || changed || progress != app->display->overlay_progress;
    app->display->overlay_progress = progress;
}

void app_core_hide_progress(App *app, uint64_t now_ms)
{
    if (app->display->overlay_progress >= 0) {
        app->display->overlay_until_ms = now_ms;
        app->display->overlay_progress = -1;
        app->redraw = true;
    }
}

void app_show_overlay(App *app, const char *title, const char *detail, bool problem, uint64_t now_ms)
{
    snprintf(app->display->overlay_title, sizeof app->display->overlay_title, "%s", title);
    snprintf(app->display->overlay_detail, sizeof app->display->overlay_detail, "%s", detail);
    app->display->overlay_problem = problem;
    app->display->overlay_until_ms = now_ms + OVERLAY_SHOW_MS;
    app->display->overlay_progress = -1;
    app->redraw = true;
}

/* Keeps the frame on screen as a texture so new content can cross-fade in over it. */
void app_snapshot_for_swap(App *app, uint64_t now_ms)
{
    if (!app->display->swap_snapshot) {
        /* Opaque like the slides: the software renderer fades it out with its fast blitter. */
        ScreenStats screen = {0};
        screen_stats(app->screen, &screen);
        app->display->swap_snapshot = SDL_CreateTexture(app->display->renderer, screen.slide_format, SDL_TEXTUREACCESS_TARGET,
                                               app->display->canvas_w, app->display->canvas_h);
        if (!app->display->swap_snapshot) {
            return; /* no fade then: the swap is a cut */
        }
        SDL_SetTextureBlendMode(app->display->swap_snapshot, SDL_BLENDMODE_BLEND);
    }
    DeckFrame frame = {0};
    deck_frame(app->deck, now_ms, &frame);
    SDL_Texture *previous = SDL_GetRenderTarget(app->display->renderer);
    SDL_SetRenderTarget(app->display->renderer, app->display->swap_snapshot);
    screen_draw(app->screen, &frame, NULL);
    SDL_SetRenderTarget(app->display->renderer, previous);
    app->display->swap_start_ms = now_ms;
}
static bool has_gpu(void)
{
    return access("/dev/dri/renderD128", F_OK) == 0;
}

/* The renderer: the GPU where a real one exists (the Pi: kmsdrm + opengles2), else SDL's
 * software renderer, which beats Mesa's llvmpipe on a CPU-only machine. */
static SDL_Renderer *create_renderer(App *app, bool software)
{
    if (software) {
        return SDL_CreateRenderer(app->window, -1, SDL_RENDERER_SOFTWARE | SDL_RENDERER_TARGETTEXTURE);
    }
    SDL_Renderer *renderer =
        SDL_CreateRenderer(app->window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC | SDL_RENDERER_TARGETTEXTURE);
    return renderer ? renderer : SDL_CreateRenderer(app->window, -1, SDL_RENDERER_SOFTWARE | SDL_RENDERER_TARGETTEXTURE);
}

/* The pages of a window surface, for prefault_pages(). */
typedef struct PageRange {
    void *start;
    size_t length;
} PageRange;

static int prefault_pages(void *data)
{
    PageRange *range = data;
#if defined(MADV_POPULATE_WRITE)
    /* Only faults the pages in (Linux 5.14+; an older kernel says EINVAL and nothing happens):
     * the pixels are not touched, so drawing may go on meanwhile. */
    (void)madvise(range->start, range->length, MADV_POPULATE_WRITE);
#endif
    free(range);
    return 0;
}

/* The software renderer draws into the window's surface: under X11 8 MiB at 1080p of shared
 * memory the X server has just made (MIT-SHM), every page of which faults on its first touch
 * (about 5 ms of page faults, in the first frame). Fault them in on another core while this
 * one reads the pack and lays out the first slide. */
static void start_prefault(App *app)
{
    SDL_Surface *surface = SDL_GetWindowSurface(app->window);
    long page = sysconf(_SC_PAGESIZE);
    PageRange *range = surface && surface->pixels && page > 0 ? malloc(sizeof *range) : NULL;
    if (!range) {
        return;
    }
    uintptr_t first = (uintptr_t)surface->pixels & ~((uintptr_t)page - 1);
    uintptr_t end = (uintptr_t)surface->pixels + (uintptr_t)surface->pitch * (uintptr_t)surface->h;
    *range = (PageRange){(void *)first, (size_t)(end - first)};
    app->display->prefault = SDL_CreateThread(prefault_pages, "prefault", range);
    if (!app->display->prefault) {
        free(range); /* no thread: the first frame faults them in itself */
    }
}

void app_join_prefault(App *app)
{
    if (app->display->prefault) {
        SDL_WaitThread(app->display->prefault, NULL);
        app->display->prefault = NULL;
    }
}

/* A kiosk started by systemd has no session bus. libdbus would then try to start one
 * (dbus-launch --autolaunch: a fork and a search of PATH, about 2 ms before the first frame;
 * where dbus-x11 is installed, a bus daemon at every start) for what SDL asks of it: a
 * desktop's screensaver and input methods, neither of which a kiosk has. A session bus the
 * environment names, or the user's own in $XDG_RUNTIME_DIR/bus, is used as before. */
static void disable_bus_autolaunch(void)
{
    if (getenv("DBUS_SESSION_BUS_ADDRESS")) {
        return;
    }
    const char *runtime = getenv("XDG_RUNTIME_DIR");
    char bus[4096];
    struct stat st;
    if (runtime && runtime[0] && snprintf(bus, sizeof bus, "%s/bus", runtime) < (int)sizeof bus &&
        stat(bus, &st) == 0) {
        return;
    }
    setenv("DBUS_SESSION_BUS_ADDRESS", "disabled:", 0);
}

bool app_open_display(App *app)
{
    const Options *o = app->options;
    const char *driver_hint = getenv("SDL_VIDEODRIVER");
    bool kms = driver_hint && strcmp(driver_hint, "kmsdrm") == 0;
    bool software = o->renderer == OPTIONS_RENDERER_SOFTWARE ||
                    (o->renderer == OPTIONS_RENDERER_AUTO && !kms && !has_gpu());
    if (software) {
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    } else if (o->renderer == OPTIONS_RENDERER_OPENGLES2 || kms) {
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "opengles2");
    }
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    /* The first touch must count even when it also gives the window focus (X11 drops a
     * click that arrives with a focus change otherwise). */
    SDL_SetHint(SDL_HINT_MOUSE_FOCUS_CLICKTHROUGH, "1");
    bool windowed = o->windowed.width > 0;
    if (!windowed) {
        /* Under X11, SDL_Init opens an input method, and Xlib's local one parses the locale's
         * whole Compose table first (about 6 ms of CPU before the first frame). Full screen the
         * kiosk takes typed text only in the contact form, from its on-screen keys or a USB
         * keyboard's own letters (Serbian layouts have a key for each): let it parse an empty
         * one, so dead keys do not compose there. A Compose file the environment names is
         * kept. Windowed runs type as usual. */
        setenv("XCOMPOSEFILE", "/dev/null", 0);
        disable_bus_autolaunch();
    }
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        log_write(app->log, LOG_ERROR, "app", "no display: %s", SDL_GetError());
        return false;
    }
    SDL_DisplayMode desktop = {0};
    if (!windowed && SDL_GetDesktopDisplayMode(0, &desktop) != 0) {
        log_write(app->log, LOG_ERROR, "app", "no display mode: %s", SDL_GetError());
        return false;
    }
    /* Under X11, asking for full screen first makes the first frame wait for a window
     * manager's answer (~200 ms, and there is none on a kiosk): open a borderless window
     * covering the desktop, show the first frame, then go full screen (app_draw). */
    app->display->defer_fullscreen = !windowed && strcmp(SDL_GetCurrentVideoDriver(), "x11") == 0;
    Uint32 flags = windowed ? SDL_WINDOW_SHOWN
                   : app->display->defer_fullscreen ? SDL_WINDOW_BORDERLESS | SDL_WINDOW_SHOWN
                                           : SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
    int w = windowed ? o->windowed.width : desktop.w;
    int h = windowed ? o->windowed.height : desktop.h;
    int position = windowed ? (int)SDL_WINDOWPOS_CENTERED : 0;
    app->window = SDL_CreateWindow("FACTS Kiosk", position, position, w, h, flags);
    if (!app->window) {
        log_write(app->log, LOG_ERROR, "app", "cannot open a window: %s", SDL_GetError());
        return false;
    }
    app->display->renderer = create_renderer(app, software);
    if (!app->display->renderer) {
        log_write(app->log, LOG_ERROR, "app", "cannot create a renderer: %s", SDL_GetError());
        return false;
    }
    SDL_RendererInfo info = {0};
    SDL_GetRendererInfo(app->display->renderer, &info);
    /* SDL's software renderer draws straight into the window's surface, so an area drawn
     * alone can be presented alone (SDL_UpdateWindowSurfaceRects). */
    app->display->partial_present = info.name && strcmp(info.name, "software") == 0 && o->rotation == 0;
    if (info.flags & SDL_RENDERER_SOFTWARE) {
        start_prefault(app);
    }
    int out_w = 0;
    int out_h = 0;
    SDL_GetRendererOutputSize(app->display->renderer, &out_w, &out_h);
    log_write(app->log, LOG_INFO, "app", "display %dx%d, video %s, renderer %s, rotation %d", out_w, out_h,
              SDL_GetCurrentVideoDriver(), info.name, o->rotation);
    /* A fade drawn by the CPU at 60 frames a second costs twice what it does at 30 and looks
     * the same: its progress follows the clock, not the frame count. The GPU keeps 60. */
    app->display->frame_ms = (info.flags & SDL_RENDERER_SOFTWARE) ? SOFTWARE_FRAME_MS : 0;
    if (!windowed) {
        SDL_ShowCursor(SDL_DISABLE);
    }
    SDL_DisableScreenSaver();
    const char *video = SDL_GetCurrentVideoDriver();
    app->display->native_wait = video && (strcmp(video, "x11") == 0 || strcmp(video, "wayland") == 0);
    bool turned = o->rotation == 90 || o->rotation == 270;
    app->display->canvas_w = turned ? out_h : out_w;
    app->display->canvas_h = turned ? out_w : out_h;
    if (o->rotation != 0) {
        app->display->canvas = SDL_CreateTexture(app->display->renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET,
                                        app->display->canvas_w, app->display->canvas_h);
        if (!app->display->canvas) {
            log_write(app->log, LOG_ERROR, "app", "cannot rotate the display: %s", SDL_GetError());
            return false;
        }
    }
    *app->input = (InputSpace){
        .window_w = out_w,
        .window_h = out_h,
        .rotation = o->rotation,
        .keyboard = windowed,
        .mouse_as_touch = SDL_GetHintBoolean(SDL_HINT_MOUSE_TOUCH_EVENTS, SDL_FALSE),
    };
    return true;
}

/* Logs the visible state when it changes: what end-to-end tests and staff read. */
static void log_state(App *app, const DeckFrame *frame)
{
    char state[sizeof app->display->state];
    if (frame->empty) {
        snprintf(state, sizeof state, "no content");
    } else {
        snprintf(state, sizeof state, "%s %s page %d/%d%s%s lang %s",
                 frame->mode == DECK_MODE_INTERACTIVE ? "interactive" : "attract",
                 deck_section_name(frame->slide.section), frame->slide.page + 1, frame->section_pages,
                 frame->slide.detail >= 0 ? " detail " : "", frame->slide.detail >= 0 ? "open" : "",
                 lang_tag(frame->lang));
    }
    if (strcmp(state, app->display->state) != 0) {
        snprintf(app->display->state, sizeof app->display->state, "%s", state);
        log_write(app->log, LOG_INFO, "deck", "%s", state);
    }
    if (frame->edge_bounce && !app->display->was_bouncing) {
        log_write(app->log, LOG_INFO, "input", "edge bounce: %s page %d/%d stays", deck_section_name(frame->slide.section),
                  frame->slide.page + 1, frame->section_pages);
    }
    app->display->was_bouncing = frame->edge_bounce;
    if (frame->idle_warning != app->display->was_warning && frame->mode == DECK_MODE_INTERACTIVE) {
        if (frame->idle_warning) {
            log_write(app->log, LOG_INFO, "idle", "still there? %u s to the attract loop", frame->idle_seconds_left);
        } else {
            log_write(app->log, LOG_INFO, "idle", "still there: answered, the page stays");
        }
    }
    app->display->was_warning = frame->idle_warning;
}

/* Tells the deck how far the reading page on screen scrolls, and logs where it rests:
 * "scroll: 1200 of 2400 px", "(top)" or "(end)" added at the ends. */
static void follow_scroll(App *app, const DeckFrame *drawn, uint64_t now_ms)
{
    float extent = 0.0f;
    float viewport = 0.0f;
    if (drawn->empty || !screen_scroll_extent(app->screen, drawn->slide, drawn->lang, &extent, &viewport)) {
        app->display->scroll_state[0] = '\0';
        return;
    }
    deck_set_scroll_extent(app->deck, drawn->slide, extent, viewport, now_ms);
    DeckFrame frame = {0};
    deck_frame(app->deck, now_ms, &frame);
    if (frame.scroll_active || frame.transition != TRANSITION_NONE) {
        return;
    }
    long at = (long)(frame.scroll_px + 0.5f);
    long of = (long)(frame.scroll_extent + 0.5f);
    char state[sizeof app->display->scroll_state];
    snprintf(state, sizeof state, "%ld of %ld px%s", at, of, at >= of ? " (end)" : at <= 0 ? " (top)" : "");
    if (strcmp(state, app->display->scroll_state) != 0) {
        snprintf(app->display->scroll_state, sizeof app->display->scroll_state, "%s", state);
        log_write(app->log, LOG_INFO, "scroll", "%s", state);
    }
}

static SlideRef next_slide(const App *app, SlideRef ref)
{
    SlideRef next = ref;
    next.detail = -1;
    for (int step = 0; step <= SECTION_COUNT; step++) {
        if (next.page + 1 < app->plan->page_count[next.section]) {
            next.page++;
            return next;
        }
        next.section = (SectionId)((next.section + 1) % SECTION_COUNT);
        next.page = -1;
    }
    return ref;
}

static bool shows_invite(const App *app, const DeckFrame *frame)
{
    return app->options->profile == OPTIONS_PROFILE_BOOTH && !frame->empty && frame->mode == DECK_MODE_ATTRACT;
}

uint64_t app_next_draw_ms(App *app, uint64_t now_ms)
{
    DeckFrame frame = {0};
    deck_frame(app->deck, now_ms, &frame);
    if (screen_ticks_pending(app->screen) && app_core_top_layer(app) != APP_LAYER_STAFF_PANEL) {
        return now_ms; /* the event's clock moved on: its areas wait to be drawn */
    }
    return shows_invite(app, &frame) ? cue_next_ms(now_ms) : UINT64_MAX;
}

/* Only the call to touch moved: redraw and present just its area where the renderer allows
 * it (a full 1080p frame costs the software renderer and the X server ~40 times more). */
static bool app_draw_invite_only(App *app, const DeckFrame *frame, const Overlay *overlay)
{
    SDL_Rect area = {0};
    if (!app->display->partial_present || !screen_draw_invite(app->screen, frame, overlay, &area)) {
        return false;
    }
    SDL_RenderFlush(app->display->renderer);
    if (SDL_UpdateWindowSurfaceRects(app->window, &area, 1) != 0) {
        app->redraw = true; /* the window's surface went away: a full frame puts it right */
        return false;
    }
    app->stats->frames++;
    return true;
}

/* Only the event slides' clock and countdowns moved on (screen_event_tick): draw and present
 * just their areas where the renderer allows it. */
static bool app_draw_ticks_only(App *app, const DeckFrame *frame, const Overlay *overlay)
{
    SDL_Rect areas[SCREEN_MAX_TICK_AREAS];
    int count = 0;
    if (!app->display->partial_present || !screen_draw_ticks(app->screen, frame, overlay, areas, &count)) {
        return false;
    }
    SDL_RenderFlush(app->display->renderer);
    if (SDL_UpdateWindowSurfaceRects(app->window, areas, count) != 0) {
        app->redraw = true; /* the window's surface went away: a full frame puts it right */
        return false;
    }
    app->stats->frames++;
    return true;
}

void app_present(App *app)
{
    display_grab(app);
    if (app->display->canvas) {
        SDL_SetRenderTarget(app->display->renderer, NULL);
        SDL_SetRenderDrawColor(app->display->renderer, 0, 0, 0, 255);
        SDL_RenderClear(app->display->renderer);
        SDL_Rect dst = {(app->input->window_w - app->display->canvas_w) / 2, (app->input->window_h - app->display->canvas_h) / 2,
                        app->display->canvas_w, app->display->canvas_h};
        SDL_RenderCopyEx(app->display->renderer, app->display->canvas, NULL, &dst, app->options->rotation, NULL, SDL_FLIP_NONE);
    }
    app_join_prefault(app); /* long done by now: the window's surface may change after this frame */
    SDL_RenderPresent(app->display->renderer);
}

void app_draw(App *app, uint64_t now_ms)
{
    if (part_staff_draw(app, now_ms)) {
        return; /* the staff panel covers the screen */
    }
    DeckFrame frame = {0};
    deck_frame(app->deck, now_ms, &frame);
    log_state(app, &frame);
    uint64_t swap_ms = (uint64_t)app->options->transition_ms;
    bool swapping = app->display->swap_snapshot && app->display->swap_start_ms && now_ms < app->display->swap_start_ms + swap_ms;
    bool animating = frame.transition != TRANSITION_NONE || frame.drag_px != 0.0f || frame.springing || swapping;
    bool overlay_visible = now_ms < app->display->overlay_until_ms;
    uint64_t cue_step = shows_invite(app, &frame) ? cue_frame(now_ms).step : 0;
    Overlay overlay = {.visible = overlay_visible, .problem = app->display->overlay_problem, .title = app->display->overlay_title,
                       .detail = app->display->overlay_detail, .progress = app->display->overlay_progress};
    screen_set_invite_ms(app->screen, now_ms);
    if (!animating && app->display->drawn_once && !app->redraw && frame.revision == app->display->drawn_revision) {
        /* Under the staff bar a partial frame would leave the bar out where they meet. */
        bool partial = app_core_top_layer(app) != APP_LAYER_STAFF_BAR;
        if (screen_ticks_pending(app->screen)) {
            /* The event's clock alone moved on; with anything else (the call to touch, an
             * overlay) a full frame, which draws them too. */
            if (partial && cue_step == app->display->cue_step && app_draw_ticks_only(app, &frame, &overlay)) {
                return;
            }
        } else {
            if (cue_step == app->display->cue_step) {
                return;
            }
            app->display->cue_step = cue_step;
            if (partial && app_draw_invite_only(app, &frame, &overlay)) {
                return;
            }
        }
    }
    app->display->cue_step = cue_step;
    uint64_t started_us = clock_now_us();
    if (app->display->canvas) {
        SDL_SetRenderTarget(app->display->renderer, app->display->canvas);
    }
    screen_draw(app->screen, &frame, &overlay);
    if (swapping) {
        float t = (float)(now_ms - app->display->swap_start_ms) / (float)(swap_ms ? swap_ms : 1);
        SDL_SetTextureAlphaMod(app->display->swap_snapshot, (Uint8)(255.0f * (1.0f - easing_in_out_cubic(t))));
        SDL_RenderCopy(app->display->renderer, app->display->swap_snapshot, NULL, NULL);
    } else if (app->display->swap_start_ms) {
        app->display->swap_start_ms = 0; /* the fade is over: the next frame is drawn without it */
        app->redraw = true;
        /* A full-screen texture (8 MiB at 1080p) kept for the next update would be memory the
         * kiosk holds for nothing between updates. */
        if (app->display->swap_snapshot) {
            SDL_DestroyTexture(app->display->swap_snapshot);
            app->display->swap_snapshot = NULL;
        }
    }
    part_staff_draw_bar(app); /* over a preview, the staff's bar */
    app_present(app);
    uint64_t took_us = clock_now_us() - started_us;
    app->stats->frames++;
    if (frame.transition != TRANSITION_NONE) {
        stats_add(app->stats, (uint32_t)took_us);
    }
    app->display->drawn_revision = frame.revision;
    app->redraw = false;
    follow_scroll(app, &frame, now_ms);
    if (!app->display->drawn_once) {
        log_write(app->log, LOG_DEBUG, "app", "first frame painted in %llu us", (unsigned long long)took_us);
        app->display->drawn_once = true;
        app->stats->first_frame_ms = clock_since_start_ms(app->start, clock_now_ms());
        log_write(app->log, LOG_INFO, "app", "first frame after %llu ms", (unsigned long long)app->stats->first_frame_ms);
        app_tell_ready(app);
        if (app->display->defer_fullscreen) {
            SDL_SetWindowFullscreen(app->window, SDL_WINDOW_FULLSCREEN_DESKTOP);
            app->redraw = true;
        }
    }
}

/* When the attract loop's next slide is painted ahead: this long before it is due, enough
 * for a slide's painting on a slow board, and far less than a slide's 8 s. */
enum { NEXT_SLIDE_LEAD_MS = 1000 };

static uint64_t paint_ahead_from_ms(uint64_t due_ms)
{
    return due_ms < NEXT_SLIDE_LEAD_MS ? 0 : due_ms - NEXT_SLIDE_LEAD_MS;
}

void app_ready_next_slide(App *app, uint64_t now_ms)
{
    DeckFrame frame = {0};
    deck_frame(app->deck, now_ms, &frame);
    bool still = frame.transition == TRANSITION_NONE && frame.drag_px == 0.0f && !frame.springing &&
                 !app->display->swap_start_ms;
    /* Under the staff panel nothing of the visitors' screen is drawn: nothing to paint ahead. */
    if (!app->display->drawn_once || frame.empty || !still || app_core_top_layer(app) == APP_LAYER_STAFF_PANEL) {
        return;
    }
    SlideRef next = {0};
    Lang lang = frame.lang;
    uint64_t due = 0;
    if (!deck_next_attract_slide(app->deck, &next, &lang, &due)) {
        /* Interactive: the next page, at once (the visitor's next move is unknown; a swipe
         * forward is the likeliest), so that its transition does not stutter. */
        screen_prefetch(app->screen, next_slide(app, frame.slide), frame.lang);
        return;
    }
    if (now_ms < paint_ahead_from_ms(due)) {
        screen_release_spare(app->screen); /* one slide held, not two, until shortly before */
        return;
    }
    /* The attract loop's next slide, shortly before it is due: the one on screen fades into
     * it, and is kept from now on only where the two differ. */
    screen_prefetch_successor(app->screen, next, lang);
}

uint64_t app_next_slide_ready_ms(const App *app, uint64_t now_ms)
{
    SlideRef next = {0};
    Lang lang = LANG_EN;
    uint64_t due = 0;
    if (!deck_next_attract_slide(app->deck, &next, &lang, &due)) {
        return UINT64_MAX; /* interactive: painted ahead at once, nothing to wait for */
    }
    uint64_t at = paint_ahead_from_ms(due);
    return at > now_ms ? at : UINT64_MAX;
}
