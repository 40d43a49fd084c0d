/* app.c — window, renderer and the main loop; see app.h.
 * Reading order: app_run() → app_open_display() → app_show_pack() → app_loop(), which
 * waits for input or the next deadline, turns input into deck commands (app_input,
 * app_gesture), ticks the deck and draws only when something changed (app_draw). */
#define _POSIX_C_SOURCE 200809L
#include "app/app.h"

#include "app/acceptance.h"
#include "app/pack_loader.h"
#include "app/paths.h"
#include "app/stats.h"
#include "app/update_worker.h"
#include "core/deck.h"
#include "core/easing.h"
#include "core/gesture.h"
#include "core/hit.h"
#include "core/ui_text.h"
#include "platform/input.h"
#include "platform/notify.h"
#include "render/fonts.h"
#include "render/plan.h"
#include "render/screen.h"
#include "update/update.h"

#include <SDL2/SDL.h>
#include <SDL2/SDL_image.h>
#include <SDL2/SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum {
    OVERLAY_SHOW_MS = 10000,
    MAX_WAIT_MS = 60000,
    UPDATE_POLL_MS = 1500,
    UPDATE_FRAME_MS = 50, /* while an update runs: the progress bar moves at 20 frames a second */
    DATE_CHECK_MS = 60000,
};

typedef struct App {
    const Options *options;
    Log *log;
    ClockStart start;
    KioskPaths paths;
    SDL_Window *window;
    SDL_Renderer *renderer;
    SDL_Texture *canvas; /* rotated displays: frames are drawn here, then turned */
    int canvas_w, canvas_h;
    Fonts *fonts;
    Screen *screen;
    Content *content;
    SlidePlan plan;
    Deck deck;
    Gesture gesture;
    InputSpace input;
    Notify notify;
    uint64_t next_watchdog_ms;
    bool drawn_once;
    bool redraw;
    uint32_t drawn_revision;
    char state[160];
    char overlay_title[512];
    char overlay_detail[512];
    bool overlay_problem;
    uint64_t overlay_until_ms;
    FrameStats stats;
    char planned_for[16];      /* the date the slide plan was made for */
    uint64_t next_date_check_ms;
    bool defer_fullscreen;
    bool native_wait; /* SDL_WaitEventTimeout sleeps in the video driver */
    Updater *updater;
    UpdateWorker *update_worker; /* owns the updater while an attempt runs */
    /* The updater borrows these for its lifetime. */
    OptionsPathList trusted_keys;
    const char *mount_root_paths[OPTIONS_LIST_MAX];
    const char *trusted_key_paths[OPTIONS_LIST_MAX];
    uint64_t next_update_poll_ms;
    int64_t bundled_version;   /* 0: the bundled pack does not load */
    uint64_t confirm_at_ms;    /* a pending pack is on screen: confirm it then (0: none) */
    uint64_t frames_at_show;   /* frames drawn when it was shown */
    double overlay_progress; /* < 0: none */
    SDL_Texture *swap_snapshot; /* the last frame of the old content, fading out */
    uint64_t swap_start_ms;
    bool quit;
} App;

/* ---- helpers ---------------------------------------------------------------------------- */

static void show_overlay(App *app, const char *title, const char *detail, bool problem, uint64_t now_ms)
{
    snprintf(app->overlay_title, sizeof app->overlay_title, "%s", title);
    snprintf(app->overlay_detail, sizeof app->overlay_detail, "%s", detail);
    app->overlay_problem = problem;
    app->overlay_until_ms = now_ms + OVERLAY_SHOW_MS;
    app->overlay_progress = -1;
    app->redraw = true;
}

static DeckConfig deck_config_from(const Options *options)
{
    DeckProfile profile = options->profile == OPTIONS_PROFILE_LOBBY ? DECK_PROFILE_LOBBY : DECK_PROFILE_BOOTH;
    DeckConfig config = deck_config_default(profile);
    config.slide_ms = (uint32_t)options->slide_seconds * 1000u;
    config.idle_ms = (uint32_t)options->idle_seconds * 1000u;
    config.transition_ms = (uint32_t)options->transition_ms;
    config.lang_rotate_cycles = profile == DECK_PROFILE_LOBBY ? (uint32_t)options->lang_rotation_cycles : 0;
    config.start_lang = options->lang;
    return config;
}

/* Keeps the frame on screen as a texture so new content can cross-fade in over it. */
static void app_snapshot_for_swap(App *app, uint64_t now_ms)
{
    if (!app->swap_snapshot) {
        app->swap_snapshot = SDL_CreateTexture(app->renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET,
                                               app->canvas_w, app->canvas_h);
        if (!app->swap_snapshot) {
            return; /* no fade then: the swap is a cut */
        }
        SDL_SetTextureBlendMode(app->swap_snapshot, SDL_BLENDMODE_BLEND);
    }
    DeckFrame frame = {0};
    deck_frame(&app->deck, now_ms, &frame);
    SDL_Texture *previous = SDL_GetRenderTarget(app->renderer);
    SDL_SetRenderTarget(app->renderer, app->swap_snapshot);
    screen_draw(app->screen, &frame, NULL);
    SDL_SetRenderTarget(app->renderer, previous);
    app->swap_start_ms = now_ms;
}

/* Replaces the content shown (NULL: the calm "no content" screen). Takes ownership. */
/* Shows content (NULL: the calm "no content" screen) as planned for today. content may be
 * the one already shown (a new day: items appear or expire); otherwise the old one is
 * freed and the new one owned. */
static bool app_set_content(App *app, Content *content, uint64_t now_ms)
{
    SlidePlan plan = {0};
    char date[16];
    clock_today(date, sizeof date);
    if (content && !plan_create(&plan, content, date, plan_capacity(app->canvas_h > app->canvas_w))) {
        log_write(app->log, LOG_ERROR, "app", "out of memory planning the slides");
        if (content != app->content) {
            content_unload(content);
        }
        return false;
    }
    if (app->drawn_once && app->content) {
        app_snapshot_for_swap(app, now_ms);
    }
    plan_destroy(&app->plan);
    if (content != app->content) {
        content_unload(app->content);
        app->content = content;
    }
    app->plan = plan;
    snprintf(app->planned_for, sizeof app->planned_for, "%s", date);
    screen_set_content(app->screen, content, content ? &app->plan : NULL);
    DeckOutline outline = content ? plan_outline(&app->plan) : (DeckOutline){0};
    deck_set_outline(&app->deck, &outline, now_ms);
    app->redraw = true;
    return true;
}

/* At midnight items with show_from / show_until dates appear or expire: plan again. */
static void app_replan_on_new_day(App *app, uint64_t now_ms)
{
    if (!app->content || now_ms < app->next_date_check_ms) {
        return;
    }
    app->next_date_check_ms = now_ms + DATE_CHECK_MS;
    char date[16];
    clock_today(date, sizeof date);
    if (strcmp(date, app->planned_for) != 0) {
        log_write(app->log, LOG_INFO, "app", "new day %s: planning the slides again", date);
        app_set_content(app, app->content, now_ms);
    }
}

/* A pending pack just went on screen: it is confirmed once it has run healthy (frames
 * drawn, the loop alive to ping the watchdog) for confirm_seconds; until then each start
 * counts as a try (store.h). */
static void app_watch_pending(App *app, uint64_t now_ms)
{
    const PackStore *store = app->updater ? update_store(app->updater) : NULL;
    bool pending = store && store_pending(store);
    app->confirm_at_ms = pending ? now_ms + (uint64_t)app->options->confirm_seconds * 1000u : 0;
    app->frames_at_show = app->stats.frames;
}

static void app_confirm_when_healthy(App *app, uint64_t now_ms)
{
    if (!app->confirm_at_ms || now_ms < app->confirm_at_ms) {
        return;
    }
    app->confirm_at_ms = 0;
    if (app->stats.frames > app->frames_at_show && update_confirm(app->updater) == STORE_OK) {
        log_write(app->log, LOG_INFO, "update", "the new pack ran well for %d s: confirmed",
                  app->options->confirm_seconds);
    }
}

/* Loads the newest installed pack that loads and, if it is newer than *best, puts it
 * there (freeing the old one). A pending pack that does not load is rolled back at once
 * and the next candidate tried; a confirmed one is kept on disk but not shown. */
static void app_pick_installed(App *app, Content **best)
{
    enum { MAX_ROUNDS = 3 };
    for (int round = 0; round < MAX_ROUNDS; round++) {
        StoreCandidate candidates[2];
        size_t count = update_candidates(app->updater, candidates, 2);
        bool rolled_back = false;
        for (size_t i = 0; i < count && !rolled_back; i++) {
            int64_t best_version = *best ? (*best)->pack.version : 0;
            if (candidates[i].version > 0 && candidates[i].version <= best_version) {
                log_write(app->log, LOG_INFO, "update", "installed version %lld is not newer than %lld: not shown",
                          (long long)candidates[i].version, (long long)best_version);
                continue;
            }
            char problem[512] = "";
            Content *content = pack_load_logged(candidates[i].path, app->log, problem, sizeof problem);
            if (!content) {
                rolled_back = update_load_failed(app->updater, problem);
                log_write(app->log, LOG_WARN, "update", "installed pack %s does not load (%s); %s", candidates[i].path,
                          problem, rolled_back ? "rolled back" : "kept on disk, not shown");
                continue;
            }
            if (content->pack.version > best_version) {
                content_unload(*best);
                *best = content;
            } else {
                content_unload(content);
            }
        }
        if (!rolled_back) {
            return;
        }
    }
}

/* The pack to show: --db if given; else the newest of the bundled pack and the installed
 * packs that load. Takes ownership of bundled (may be NULL: it did not load, problem says
 * why). */
static void app_show_pack(App *app, Content *bundled, const char *bundled_problem, uint64_t now_ms)
{
    const char *requested = app->options->db;
    if (requested[0]) {
        content_unload(bundled);
        PackChoice choice = pack_choose(requested, app->paths.bundled_pack, app->log);
        if (choice.fell_back || !choice.content) {
            show_overlay(app, ui_text(choice.content ? UI_PACK_FALLBACK : UI_NO_CONTENT, app->options->lang),
                         choice.problem, true, now_ms);
        }
        app_set_content(app, choice.content, now_ms);
        return;
    }
    Content *best = bundled;
    if (app->updater) {
        const PackStore *store = update_store(app->updater);
        const char *why = "";
        if (store_degraded(store, &why)) {
            log_write(app->log, LOG_WARN, "update", "state directory: %s; showing the newest pack that loads", why);
        }
        if (store_pending(store) && store->state.active_version > app->bundled_version &&
            update_begin_trial(app->updater)) {
            log_write(app->log, LOG_WARN, "update", "the new pack did not run well %d times in a row: rolled back",
                      STORE_MAX_TRIES);
        }
        app_pick_installed(app, &best);
    }
    if (!best) {
        show_overlay(app, ui_text(UI_NO_CONTENT, app->options->lang), bundled_problem, true, now_ms);
    }
    app_set_content(app, best, now_ms);
    app_watch_pending(app, now_ms);
}

/* Another process changed the store (`pack rollback` from a shell): show what it says now. */
static void app_follow_store(App *app, uint64_t now_ms)
{
    if (!app->updater || app->options->db[0] || !update_refresh(app->updater)) {
        return;
    }
    log_write(app->log, LOG_INFO, "update", "the installed packs changed outside the kiosk: choosing again");
    char problem[512] = "";
    Content *bundled = pack_load_logged(app->paths.bundled_pack, app->log, problem, sizeof problem);
    app_show_pack(app, bundled, problem, now_ms);
}

/* ---- display ------------------------------------------------------------------------------ */

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

static bool app_open_display(App *app)
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
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        log_write(app->log, LOG_ERROR, "app", "no display: %s", SDL_GetError());
        return false;
    }
    bool windowed = o->windowed.width > 0;
    SDL_DisplayMode desktop = {0};
    if (!windowed && SDL_GetDesktopDisplayMode(0, &desktop) != 0) {
        log_write(app->log, LOG_ERROR, "app", "no display mode: %s", SDL_GetError());
        return false;
    }
    /* Under X11, asking for full screen first makes the first frame wait for a window
     * manager's answer (~200 ms, and there is none on a kiosk): open a borderless window
     * covering the desktop, show the first frame, then go full screen (app_draw). */
    app->defer_fullscreen = !windowed && strcmp(SDL_GetCurrentVideoDriver(), "x11") == 0;
    Uint32 flags = windowed ? SDL_WINDOW_SHOWN
                   : app->defer_fullscreen ? SDL_WINDOW_BORDERLESS | SDL_WINDOW_SHOWN
                                           : SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
    int w = windowed ? o->windowed.width : desktop.w;
    int h = windowed ? o->windowed.height : desktop.h;
    int position = windowed ? (int)SDL_WINDOWPOS_CENTERED : 0;
    app->window = SDL_CreateWindow("FACTS Kiosk", position, position, w, h, flags);
    if (!app->window) {
        log_write(app->log, LOG_ERROR, "app", "cannot open a window: %s", SDL_GetError());
        return false;
    }
    app->renderer = create_renderer(app, software);
    if (!app->renderer) {
        log_write(app->log, LOG_ERROR, "app", "cannot create a renderer: %s", SDL_GetError());
        return false;
    }
    SDL_RendererInfo info = {0};
    SDL_GetRendererInfo(app->renderer, &info);
    int out_w = 0;
    int out_h = 0;
    SDL_GetRendererOutputSize(app->renderer, &out_w, &out_h);
    log_write(app->log, LOG_INFO, "app", "display %dx%d, video %s, renderer %s, rotation %d", out_w, out_h,
              SDL_GetCurrentVideoDriver(), info.name, o->rotation);
    if (!windowed) {
        SDL_ShowCursor(SDL_DISABLE);
    }
    SDL_DisableScreenSaver();
    const char *video = SDL_GetCurrentVideoDriver();
    app->native_wait = video && (strcmp(video, "x11") == 0 || strcmp(video, "wayland") == 0);
    bool turned = o->rotation == 90 || o->rotation == 270;
    app->canvas_w = turned ? out_h : out_w;
    app->canvas_h = turned ? out_w : out_h;
    if (o->rotation != 0) {
        app->canvas = SDL_CreateTexture(app->renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET,
                                        app->canvas_w, app->canvas_h);
        if (!app->canvas) {
            log_write(app->log, LOG_ERROR, "app", "cannot rotate the display: %s", SDL_GetError());
            return false;
        }
    }
    app->input = (InputSpace){
        .window_w = out_w,
        .window_h = out_h,
        .rotation = o->rotation,
        .keyboard = windowed,
        .mouse_as_touch = SDL_GetHintBoolean(SDL_HINT_MOUSE_TOUCH_EVENTS, SDL_FALSE),
    };
    return true;
}

/* ---- input ----------------------------------------------------------------------------------- */

static void app_command(App *app, DeckCommand command, uint64_t now_ms)
{
    deck_command(&app->deck, command, now_ms);
}

static void app_gesture(App *app, GestureEvent g, uint64_t now_ms)
{
    DeckCommand command = {.kind = DECK_CMD_NONE};
    switch (g.kind) {
    case GESTURE_TAP: {
        size_t count = 0;
        const HitRegion *hits = screen_hits(app->screen, &count);
        if (!hit_test(hits, count, g.x, g.y, &command)) {
            command.kind = DECK_CMD_WAKE;
        }
        break;
    }
    case GESTURE_SWIPE_LEFT:
        command.kind = DECK_CMD_NEXT_PAGE;
        break;
    case GESTURE_SWIPE_RIGHT:
        command.kind = DECK_CMD_PREV_PAGE;
        break;
    case GESTURE_DRAG:
        command = (DeckCommand){.kind = DECK_CMD_DRAG, .arg.drag_px = g.dx};
        break;
    case GESTURE_DRAG_END:
        command.kind = DECK_CMD_DRAG_END;
        break;
    case GESTURE_LONG_PRESS:
    case GESTURE_SWIPE_UP:
    case GESTURE_SWIPE_DOWN:
        command.kind = DECK_CMD_WAKE;
        break;
    case GESTURE_NONE:
        return;
    }
    app_command(app, command, now_ms);
}

static void app_input(App *app, const SDL_Event *event, uint64_t now_ms)
{
    InputEvent in = input_translate(event, &app->input, now_ms);
    DeckFrame frame = {0};
    switch (in.kind) {
    case INPUT_TOUCH:
        app_gesture(app, gesture_feed(&app->gesture, &in.touch), now_ms);
        return;
    case INPUT_KEY_NEXT:
        app_command(app, (DeckCommand){.kind = DECK_CMD_NEXT_PAGE}, now_ms);
        return;
    case INPUT_KEY_PREV:
        app_command(app, (DeckCommand){.kind = DECK_CMD_PREV_PAGE}, now_ms);
        return;
    case INPUT_KEY_ACTIVATE:
        app_command(app, (DeckCommand){.kind = DECK_CMD_WAKE}, now_ms);
        return;
    case INPUT_KEY_BACK:
        deck_frame(&app->deck, now_ms, &frame);
        app_command(app, (DeckCommand){.kind = frame.slide.detail >= 0 ? DECK_CMD_BACK : DECK_CMD_ATTRACT}, now_ms);
        return;
    case INPUT_KEY_SECTION:
        app_command(app, (DeckCommand){.kind = DECK_CMD_GOTO_SECTION, .arg.section = (SectionId)in.section}, now_ms);
        return;
    case INPUT_QUIT:
        app->quit = true;
        return;
    case INPUT_EXPOSED:
        app->redraw = true;
        return;
    case INPUT_NONE:
        return;
    }
}

/* ---- drawing ----------------------------------------------------------------------------------- */

/* Logs the visible state when it changes: what end-to-end tests and staff read. */
static void log_state(App *app, const DeckFrame *frame)
{
    char state[sizeof app->state];
    if (frame->empty) {
        snprintf(state, sizeof state, "no content");
    } else {
        snprintf(state, sizeof state, "%s %s page %d/%d%s%s lang %s",
                 frame->mode == DECK_MODE_INTERACTIVE ? "interactive" : "attract",
                 deck_section_name(frame->slide.section), frame->slide.page + 1, frame->section_pages,
                 frame->slide.detail >= 0 ? " detail " : "", frame->slide.detail >= 0 ? "open" : "",
                 lang_tag(frame->lang));
    }
    if (strcmp(state, app->state) != 0) {
        snprintf(app->state, sizeof app->state, "%s", state);
        log_write(app->log, LOG_INFO, "deck", "%s", state);
    }
}

static SlideRef next_slide(const App *app, SlideRef ref)
{
    SlideRef next = ref;
    next.detail = -1;
    for (int step = 0; step <= SECTION_COUNT; step++) {
        if (next.page + 1 < app->plan.page_count[next.section]) {
            next.page++;
            return next;
        }
        next.section = (SectionId)((next.section + 1) % SECTION_COUNT);
        next.page = -1;
    }
    return ref;
}

static void app_draw(App *app, uint64_t now_ms)
{
    DeckFrame frame = {0};
    deck_frame(&app->deck, now_ms, &frame);
    log_state(app, &frame);
    uint64_t swap_ms = (uint64_t)app->options->transition_ms;
    bool swapping = app->swap_snapshot && app->swap_start_ms && now_ms < app->swap_start_ms + swap_ms;
    bool animating = frame.transition != TRANSITION_NONE || frame.drag_px != 0.0f || swapping;
    bool overlay_visible = now_ms < app->overlay_until_ms;
    if (!animating && app->drawn_once && !app->redraw && frame.revision == app->drawn_revision) {
        return;
    }
    uint64_t started_us = clock_now_us();
    Overlay overlay = {.visible = overlay_visible, .problem = app->overlay_problem, .title = app->overlay_title,
                       .detail = app->overlay_detail, .progress = app->overlay_progress};
    if (app->canvas) {
        SDL_SetRenderTarget(app->renderer, app->canvas);
    }
    screen_draw(app->screen, &frame, &overlay);
    if (swapping) {
        float t = (float)(now_ms - app->swap_start_ms) / (float)(swap_ms ? swap_ms : 1);
        SDL_SetTextureAlphaMod(app->swap_snapshot, (Uint8)(255.0f * (1.0f - easing_in_out_cubic(t))));
        SDL_RenderCopy(app->renderer, app->swap_snapshot, NULL, NULL);
    } else if (app->swap_start_ms) {
        app->swap_start_ms = 0; /* the fade is over: the next frame is drawn without it */
        app->redraw = true;
    }
    if (app->canvas) {
        SDL_SetRenderTarget(app->renderer, NULL);
        SDL_SetRenderDrawColor(app->renderer, 0, 0, 0, 255);
        SDL_RenderClear(app->renderer);
        SDL_Rect dst = {(app->input.window_w - app->canvas_w) / 2, (app->input.window_h - app->canvas_h) / 2,
                        app->canvas_w, app->canvas_h};
        SDL_RenderCopyEx(app->renderer, app->canvas, NULL, &dst, app->options->rotation, NULL, SDL_FLIP_NONE);
    }
    SDL_RenderPresent(app->renderer);
    uint64_t took_us = clock_now_us() - started_us;
    app->stats.frames++;
    if (frame.transition != TRANSITION_NONE) {
        stats_add(&app->stats, (uint32_t)took_us);
    }
    app->drawn_revision = frame.revision;
    app->redraw = false;
    if (!app->drawn_once) {
        log_write(app->log, LOG_DEBUG, "app", "first frame painted in %llu us", (unsigned long long)took_us);
        app->drawn_once = true;
        app->stats.first_frame_ms = clock_since_start_ms(&app->start, clock_now_ms());
        log_write(app->log, LOG_INFO, "app", "first frame after %llu ms", (unsigned long long)app->stats.first_frame_ms);
        notify_ready(&app->notify);
        if (app->defer_fullscreen) {
            SDL_SetWindowFullscreen(app->window, SDL_WINDOW_FULLSCREEN_DESKTOP);
            app->redraw = true;
        }
    }
    if (!animating && !frame.empty) {
        /* Idle now: paint the next slide ahead so its transition does not stutter. */
        screen_prefetch(app->screen, next_slide(app, frame.slide), frame.lang);
    }
}

/* ---- USB updates ------------------------------------------------------------------------------- */

/* Tells systemd the loop is alive when a ping is due; returns the ping interval (0: off). */
static uint64_t app_ping_watchdog(App *app, uint64_t now_ms)
{
    uint64_t interval = notify_watchdog_interval_ms(&app->notify);
    if (interval && now_ms >= app->next_watchdog_ms) {
        notify_watchdog(&app->notify);
        app->next_watchdog_ms = now_ms + interval;
    }
    return interval;
}

/* The overlay of a running update: the step in words and a bar that glides towards where
 * the worker got to. */
static void update_progress(App *app, UpdateWorkerProgress progress, uint64_t now_ms)
{
    Lang lang = app->deck.lang;
    const char *detail = ui_text(update_step_text(progress.step), lang);
    bool changed = strcmp(app->overlay_detail, detail) != 0 || app->overlay_problem;
    snprintf(app->overlay_title, sizeof app->overlay_title, "%s", ui_text(UI_UPDATE_TITLE, lang));
    snprintf(app->overlay_detail, sizeof app->overlay_detail, "%s", detail);
    app->overlay_problem = false;
    app->overlay_until_ms = now_ms + OVERLAY_SHOW_MS;
    /* Copying, the long step, has the first 55% of the bar; verify, check, install 15% each. */
    UpdateStep step = progress.step;
    double target = step <= UPDATE_STEP_COPY   ? 0.55 * progress.fraction
                    : step >= UPDATE_STEP_DONE ? 1.0
                                               : 0.55 + 0.15 * ((double)(step - UPDATE_STEP_VERIFY) + progress.fraction);
    double shown = app->overlay_progress < 0 ? 0.0 : app->overlay_progress;
    double next = target > shown ? shown + (target - shown) * 0.35 + 0.002 : target;
    next = next > target ? target : next;
    app->redraw = app->redraw || changed || next != app->overlay_progress;
    app->overlay_progress = next;
}

/* The worker is done: show what happened and, on success, the new pack it loaded. */
static void app_finish_update(App *app, UpdateResult *result, Content *content, uint64_t now)
{
    char english[512];
    update_message_en(result, english, sizeof english);
    log_write(app->log, result->outcome == UPDATE_OK ? LOG_INFO : LOG_WARN, "update", "%s: %s",
              update_outcome_name(result->outcome), english);
    Lang lang = app->deck.lang;
    char message[512];
    if (result->outcome == UPDATE_OK) {
        char path[4096];
        char problem[512] = "";
        if (!content && update_active_path(app->updater, path, sizeof path)) {
            content = pack_load_logged(path, app->log, problem, sizeof problem);
        }
        if (content) {
            char summary[256];
            acceptance_summary(content, lang, summary, sizeof summary);
            snprintf(result->summary, sizeof result->summary, "%s", summary);
            update_message(result, lang, message, sizeof message);
            log_write(app->log, LOG_INFO, "update", "showing the new pack (version %lld)",
                      (long long)content->pack.version);
            app_set_content(app, content, now);
            app_watch_pending(app, now);
            show_overlay(app, message, "", false, now);
            return;
        }
        /* Accepted yet not loadable now: roll back at once and say so. */
        update_load_failed(app->updater, problem);
        show_overlay(app, ui_text(UI_UPDATE_FAILED, lang), problem, true, now);
        return;
    }
    update_message(result, lang, message, sizeof message);
    show_overlay(app, message, "", true, now);
}

/* Between attempts: looks for a stick every UPDATE_POLL_MS and hands a new pack to the
 * worker. During one: follows its progress, and takes its result when it is done. */
static void app_poll_updates(App *app, uint64_t now_ms)
{
    if (!app->updater) {
        return;
    }
    if (update_worker_busy(app->update_worker)) {
        UpdateResult result;
        Content *content = NULL;
        if (update_worker_finish(app->update_worker, &result, &content)) {
            app_finish_update(app, &result, content, clock_now_ms());
            app->next_update_poll_ms = now_ms + UPDATE_POLL_MS;
        } else {
            update_progress(app, update_worker_progress(app->update_worker), now_ms);
        }
        return;
    }
    if (now_ms < app->next_update_poll_ms) {
        return;
    }
    app->next_update_poll_ms = now_ms + UPDATE_POLL_MS;
    WatchFound found;
    if (!update_poll(app->updater, &found)) {
        return;
    }
    if (found.reason != WATCH_USABLE) { /* seen but not used: say why, here and on the stick */
        UpdateResult ignored;
        char why[512];
        log_write(app->log, LOG_WARN, "update", "%s not used: %s", found.dir, watch_reason_name(found.reason));
        update_ignore(app->updater, &found, &ignored);
        update_message(&ignored, app->deck.lang, why, sizeof why);
        show_overlay(app, why, "", true, now_ms);
        app_draw(app, now_ms); /* now, not at the loop's next wake-up */
        return;
    }
    log_write(app->log, LOG_INFO, "update", "pack found in %s", found.dir);
    if (!update_worker_start(app->update_worker, app->updater, found.dir)) {
        show_overlay(app, ui_text(UI_UPDATE_FAILED, app->deck.lang), "", true, now_ms);
        return;
    }
    app->overlay_progress = 0.0;
    app->redraw = true;
    update_progress(app, update_worker_progress(app->update_worker), now_ms);
}

static void updates_config_message(void *user, LogLevel level, const char *message)
{
    log_write(user, level, "config", "%s", message);
}

/* The updater, or NULL (logged) when the state directory cannot be used. An update must
 * be newer than bundled_version too. */
static void app_start_updates(App *app, int64_t bundled_version)
{
    const Options *o = app->options;
    OptionsPathList *keys = &app->trusted_keys;
    options_trusted_key_files(o, keys, (OptionsSink){updates_config_message, app->log});
    for (int i = 0; i < o->mount_roots.count; i++) {
        app->mount_root_paths[i] = o->mount_roots.paths[i];
    }
    for (int i = 0; i < keys->count; i++) {
        app->trusted_key_paths[i] = keys->paths[i];
    }
    app->bundled_version = bundled_version;
    app->update_worker = update_worker_create(app->log, app->fonts);
    if (!app->update_worker) {
        log_write(app->log, LOG_WARN, "update", "USB updates are off: out of memory");
        return;
    }
    UpdateConfig config = {
        .mount_roots = app->mount_root_paths,
        .mount_root_count = (size_t)o->mount_roots.count,
        .state_dir = o->state_dir,
        .trusted_key_paths = app->trusted_key_paths,
        .key_count = (size_t)keys->count,
        .size_cap = (uint64_t)o->size_cap_mib * 1024u * 1024u,
        .bundled_version = bundled_version,
        .log = app->log,
    };
    update_worker_configure(app->update_worker, &config);
    app->updater = update_create(&config);
    if (!app->updater) {
        log_write(app->log, LOG_WARN, "update", "USB updates are off: state directory %s cannot be used", o->state_dir);
    }
}

/* ---- loop --------------------------------------------------------------------------------------- */

static uint64_t earliest(uint64_t a, uint64_t b)
{
    return a < b ? a : b;
}

/* Waits for an event at most wait_ms. X11 and Wayland really sleep in SDL_WaitEventTimeout;
 * on other drivers (KMS/DRM on the Pi) SDL would poll every millisecond, so the kiosk polls
 * every POLL_MS itself: input stays prompt and an idle kiosk wakes 100 times a second, not
 * 1000. */
static bool app_wait_event(App *app, SDL_Event *event, int wait_ms)
{
    enum { POLL_MS = 10 };
    if (app->native_wait) {
        return SDL_WaitEventTimeout(event, wait_ms) != 0;
    }
    uint64_t until = clock_now_ms() + (uint64_t)wait_ms;
    for (;;) {
        if (SDL_PollEvent(event)) {
            return true;
        }
        uint64_t now = clock_now_ms();
        if (now >= until) {
            return false;
        }
        SDL_Delay((Uint32)(until - now < POLL_MS ? until - now : POLL_MS));
    }
}

static void app_loop(App *app)
{
    bool overlay_was_visible = false;
    while (!app->quit) {
        uint64_t now = clock_now_ms();
        deck_tick(&app->deck, now);
        if (now >= gesture_next_deadline_ms(&app->gesture)) {
            app_gesture(app, gesture_tick(&app->gesture, now), now);
        }
        bool overlay_visible = now < app->overlay_until_ms;
        if (overlay_visible != overlay_was_visible) {
            app->redraw = true;
            overlay_was_visible = overlay_visible;
        }
        app_draw(app, now);
        /* While the worker runs an update it owns the updater: the store waits. */
        bool updating = app->updater && update_worker_busy(app->update_worker);
        if (!updating) {
            app_follow_store(app, now);
        }
        app_poll_updates(app, now);
        updating = app->updater && update_worker_busy(app->update_worker);
        if (!updating) {
            app_confirm_when_healthy(app, now);
        }
        app_replan_on_new_day(app, now);
        uint64_t interval = app_ping_watchdog(app, now);
        uint64_t deadline = earliest(deck_next_deadline_ms(&app->deck, now), gesture_next_deadline_ms(&app->gesture));
        deadline = earliest(deadline, now + MAX_WAIT_MS);
        if (overlay_visible) {
            deadline = earliest(deadline, app->overlay_until_ms);
        }
        if (interval) {
            deadline = earliest(deadline, app->next_watchdog_ms);
        }
        if (app->updater) {
            deadline = earliest(deadline, updating ? now + UPDATE_FRAME_MS : app->next_update_poll_ms);
        }
        if (app->content) {
            deadline = earliest(deadline, app->next_date_check_ms);
        }
        if (app->confirm_at_ms && !updating) {
            deadline = earliest(deadline, app->confirm_at_ms);
        }
        now = clock_now_ms();
        int wait_ms = deadline > now ? (int)(deadline - now) : 0;
        SDL_Event event;
        if (app_wait_event(app, &event, wait_ms)) {
            uint64_t at = clock_now_ms();
            app_input(app, &event, at);
            while (SDL_PollEvent(&event)) {
                app_input(app, &event, at);
            }
        }
    }
}

static void app_close(App *app)
{
    update_worker_destroy(app->update_worker); /* stops and joins an update in progress */
    update_destroy(app->updater);
    if (app->swap_snapshot) {
        SDL_DestroyTexture(app->swap_snapshot);
    }
    screen_destroy(app->screen);
    plan_destroy(&app->plan);
    content_unload(app->content);
    fonts_unload(app->fonts);
    if (app->canvas) {
        SDL_DestroyTexture(app->canvas);
    }
    if (app->renderer) {
        SDL_DestroyRenderer(app->renderer);
    }
    if (app->window) {
        SDL_DestroyWindow(app->window);
    }
    notify_destroy(&app->notify);
    IMG_Quit();
    TTF_Quit();
    SDL_Quit();
}

static int app_start(App *app, const Options *options, Log *log, const ClockStart *start);

int app_run(const Options *options, Log *log, const ClockStart *start)
{
    App *app = calloc(1, sizeof *app); /* large: frame statistics */
    if (!app) {
        log_write(log, LOG_ERROR, "app", "out of memory");
        return 1;
    }
    int status = app_start(app, options, log, start);
    app_close(app);
    free(app);
    return status;
}

static int app_start(App *app, const Options *options, Log *log, const ClockStart *start)
{
    app->options = options;
    app->log = log;
    app->start = *start;
    paths_find(&app->paths);
    if (notify_create_from_env(&app->notify) != NOTIFY_OK) {
        log_write(log, LOG_WARN, "notify", "NOTIFY_SOCKET is set but unusable; systemd will not hear from the kiosk");
    }
    int status = 1;
    char why[512] = "";
    /* Failures jump to done: app_run() closes whatever was opened. */
    if (TTF_Init() != 0) {
        log_write(log, LOG_ERROR, "render", "cannot start the font engine: %s", TTF_GetError());
        goto done;
    }
    IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);
    app->fonts = fonts_load(app->paths.fonts_dir, why, sizeof why);
    if (!app->fonts) {
        log_write(log, LOG_ERROR, "render", "%s (set FACTS_ASSETS_DIR to the folder holding fonts/)", why);
        goto done;
    }
    log_write(log, LOG_DEBUG, "app", "fonts read at %llu ms", (unsigned long long)clock_since_start_ms(start, clock_now_ms()));
    if (!app_open_display(app)) {
        goto done;
    }
    log_write(log, LOG_DEBUG, "app", "display open at %llu ms", (unsigned long long)clock_since_start_ms(start, clock_now_ms()));
    uint64_t now = clock_now_ms();
    app->screen = screen_create(app->renderer, app->fonts, app->canvas_w, app->canvas_h,
                               options->profile == OPTIONS_PROFILE_BOOTH, pack_log_render_problem, log);
    if (!app->screen) {
        log_write(log, LOG_ERROR, "app", "out of memory");
        goto done;
    }
    DeckConfig config = deck_config_from(options);
    deck_init(&app->deck, NULL, &config, now);
    GestureConfig gestures = gesture_config_default(app->canvas_w, app->canvas_h);
    gesture_init(&app->gesture, &gestures);
    app->overlay_progress = -1;
    /* The bundled pack is read once: its version bounds updates, then it is shown unless an
     * installed pack is newer. */
    char bundled_problem[512] = "";
    Content *bundled = pack_load_logged(app->paths.bundled_pack, log, bundled_problem, sizeof bundled_problem);
    app_start_updates(app, bundled ? bundled->pack.version : 0);
    app_show_pack(app, bundled, bundled_problem, now);
    log_write(log, LOG_DEBUG, "app", "pack loaded at %llu ms", (unsigned long long)clock_since_start_ms(start, clock_now_ms()));
    app_loop(app);
    notify_stopping(&app->notify);
    if (options->stats) {
        stats_print(&app->stats, stdout);
    }
    status = 0;
done:
    return status;
}
