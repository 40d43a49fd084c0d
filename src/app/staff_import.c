/* staff_import.c — the staff panel's side of content taken at the kiosk; see
 * staff_import.h. Reading order: staff_import_take() / _copy() (the panel's
 * buttons) → staff_import_follow() (the result, each tick) → the problems page or
 * staff_import_preview_open() → staff_import_input() (the bar's Install and
 * Discard) → preview_close(). */
#define _POSIX_C_SOURCE 200809L
#include "app/staff_import.h"

#include "core/scroll.h"
#include "platform/clock.h"
#include "core/ui_text.h"

#include <stdio.h>
#include <stdlib.h>

enum { SCROLL_FRAME_MS = 16 }; /* while the problems list glides */

struct StaffImport {
    AppImportState seen;   /* the import's state at the last look */
    Lang lang;             /* the staff's, at the last start */
    bool result_owed;      /* an import started here: its build's result not shown yet */
    bool install_owed;     /* Install pressed: its result not shown yet */
    bool copy_owed;        /* a copy started here: its result not shown yet */
    double progress_seen;
    /* the problems page */
    Scroll scroll;
    bool scrolling;        /* a finger holds the list */
    int32_t scroll_finger;
    /* the bar over the preview */
    bool previewing;
    uint64_t last_input_ms;
    bool pressing;         /* a finger went down on the bar */
    int32_t bar_finger;
    StaffAction pressed;
    int pressed_digit;     /* of a language button */
};

StaffImport *staff_import_create(void)
{
    StaffImport *im = calloc(1, sizeof *im);
    if (im) {
        im->progress_seen = -1;
    }
    return im;
}

void staff_import_destroy(StaffImport *im)
{
    free(im);
}

/* Starts the copy or the import with start (the core's); the panel's line into message: what
 * runs (running), or why nothing does. owed: its result is to be shown. */
static bool start_job(App *app, StaffImport *im, Lang lang, uint64_t now_ms, bool (*start)(App *, Lang, uint64_t),
                      const char *what, UiText running, bool *owed, char *message, size_t size)
{
    im->lang = lang;
    bool enabled = app_core_staff_import_enabled(app);
    if (!enabled || !start(app, lang, now_ms)) {
        snprintf(message, size, "%s", enabled ? app_core_import_message(app) : ui_text(UI_STAFF_IMPORT_OFF, lang));
        log_write(app_core_log(app), LOG_INFO, "staff", "%s: not started (%s)", what, message);
        return false;
    }
    *owed = true;
    snprintf(message, size, "%s", ui_text(running, lang));
    log_write(app_core_log(app), LOG_INFO, "staff", "%s: started", what);
    return true;
}

bool staff_import_copy(App *app, StaffImport *im, Lang lang, uint64_t now_ms, char *message, size_t size)
{
    return start_job(app, im, lang, now_ms, app_core_content_copy_start, "copy content to stick", UI_STAFF_COPYING_TO_STICK,
                     &im->copy_owed, message, size);
}

bool staff_import_take(App *app, StaffImport *im, Lang lang, uint64_t now_ms, char *message, size_t size)
{
    return start_job(app, im, lang, now_ms, app_core_import_start, "take content from stick", UI_STAFF_IMPORT_BUILDING,
                     &im->result_owed, message, size);
}

bool staff_import_busy(const App *app)
{
    AppImportState state = app_core_import_state(app);
    return state == APP_IMPORT_BUILDING || state == APP_IMPORT_COPYING || state == APP_IMPORT_INSTALLING;
}

/* An import's result came while the panel cannot show it: visitors see only that it is there. */
static void result_waits(App *app, const StaffImport *im, bool failed, uint64_t now_ms)
{
    app_core_show_overlay(app, ui_text(failed ? UI_STAFF_IMPORT_FAILED_CLOSED : UI_STAFF_IMPORT_READY_CLOSED, im->lang),
                          "", failed, now_ms);
}

StaffImportTurn staff_import_follow(App *app, StaffImport *im, bool panel_open, bool on_panel, uint64_t now_ms,
                                         char *message, size_t size, bool *problem)
{
    AppImportState state = app_core_import_state(app);
    bool changed = state != im->seen;
    im->seen = state;
    *problem = false;
    switch (state) {
    case APP_IMPORT_BUILDING:
    case APP_IMPORT_COPYING:
    case APP_IMPORT_INSTALLING: {
        double progress = app_core_progress(app);
        bool moved = changed || progress != im->progress_seen;
        im->progress_seen = progress;
        return moved ? STAFF_IMPORT_REDRAW : STAFF_IMPORT_NOTHING;
    }
    case APP_IMPORT_FAILED:
    case APP_IMPORT_READY:
        if (!im->result_owed) {
            return changed ? STAFF_IMPORT_REDRAW : STAFF_IMPORT_NOTHING;
        }
        if (on_panel) {
            im->result_owed = false;
            return state == APP_IMPORT_FAILED ? STAFF_IMPORT_PROBLEMS : STAFF_IMPORT_PREVIEW;
        }
        if (changed && !panel_open) {
            result_waits(app, im, state == APP_IMPORT_FAILED, now_ms);
        }
        return STAFF_IMPORT_NOTHING;
    case APP_IMPORT_INSTALLED:
    case APP_IMPORT_INSTALL_FAILED:
        if (changed && im->install_owed) {
            bool failed = state == APP_IMPORT_INSTALL_FAILED;
            im->install_owed = false;
            app_core_show_overlay(app, ui_text(failed ? UI_STAFF_IMPORT_NOT_INSTALLED : UI_STAFF_IMPORT_INSTALLED, im->lang),
                                  app_core_import_message(app), failed, now_ms);
            log_write(app_core_log(app), failed ? LOG_WARN : LOG_INFO, "staff", "content from the stick %s: %s",
                      failed ? "not installed" : "installed", app_core_import_message(app));
        }
        return STAFF_IMPORT_NOTHING;
    case APP_IMPORT_COPIED:
    case APP_IMPORT_COPY_FAILED:
        if (!changed || !im->copy_owed) {
            return STAFF_IMPORT_NOTHING;
        }
        im->copy_owed = false;
        *problem = state == APP_IMPORT_COPY_FAILED;
        snprintf(message, size, "%s", app_core_import_message(app));
        log_write(app_core_log(app), *problem ? LOG_WARN : LOG_INFO, "staff", "copy content to stick: %s", message);
        if (!panel_open) {
            app_core_show_overlay(app, ui_text(UI_STAFF_COPY_TO_STICK, im->lang), message, *problem, now_ms);
        }
        return STAFF_IMPORT_MESSAGE;
    case APP_IMPORT_IDLE:
        break;
    }
    return changed ? STAFF_IMPORT_REDRAW : STAFF_IMPORT_NOTHING;
}

/* ---- the preview under the staff bar ---------------------------------------------------- */

void staff_import_preview_open(App *app, StaffImport *im, uint64_t now_ms)
{
    Content *candidate = app_core_import_candidate(app);
    if (!candidate || !app_core_preview_begin(app, candidate, now_ms)) {
        log_write(app_core_log(app), LOG_ERROR, "staff", "the content from the stick cannot be previewed: discarded");
        app_core_import_discard(app);
        app_core_show_overlay(app, ui_text(UI_STAFF_IMPORT_NOT_INSTALLED, im->lang), "", true, now_ms);
        return;
    }
    im->previewing = true;
    im->pressing = false;
    im->last_input_ms = now_ms;
    app_core_set_layer(app, APP_LAYER_STAFF_BAR, true);
    app_core_redraw(app);
    log_write(app_core_log(app), LOG_INFO, "staff", "preview of the content from the stick (version %lld) open",
              (long long)candidate->pack.version);
}

bool staff_import_previewing(const StaffImport *im)
{
    return im && im->previewing;
}

/* The bar goes: the live content comes back, then the candidate is installed or discarded. */
static void preview_close(App *app, StaffImport *im, bool install, const char *why, uint64_t now_ms)
{
    im->previewing = false;
    im->pressing = false;
    app_core_set_layer(app, APP_LAYER_STAFF_BAR, false);
    app_core_preview_end(app, now_ms);
    log_write(app_core_log(app), LOG_INFO, "staff", "preview closed (%s): %s", why, install ? "install" : "discard");
    if (install) {
        im->install_owed = app_core_import_install(app, now_ms);
        if (!im->install_owed) {
            app_core_show_overlay(app, ui_text(UI_STAFF_IMPORT_NOT_INSTALLED, im->lang), app_core_import_message(app), true,
                                  now_ms);
        }
    } else {
        app_core_import_discard(app);
        app_core_show_overlay(app, ui_text(UI_STAFF_DISCARDED, im->lang), "", false, now_ms);
    }
    app_core_redraw(app);
}

/* A button of the bar: Install, Discard, or the slides' Back and languages it covers. */
static void press_bar(App *app, StaffImport *im, const StaffButton *button, uint64_t now_ms)
{
    switch (button->action) {
    case STAFF_ACT_INSTALL:
    case STAFF_ACT_DISCARD:
        preview_close(app, im, button->action == STAFF_ACT_INSTALL, "by staff", now_ms);
        return;
    case STAFF_ACT_PREVIEW_BACK:
        deck_command(app_core_deck(app), (DeckCommand){.kind = DECK_CMD_BACK}, now_ms);
        break;
    case STAFF_ACT_PREVIEW_LANG:
        deck_command(app_core_deck(app), (DeckCommand){.kind = DECK_CMD_SET_LANG, .arg.lang = (Lang)button->digit}, now_ms);
        break;
    default:
        return;
    }
    app_core_redraw(app);
}

bool staff_import_input(App *app, StaffImport *im, const InputEvent *in, uint64_t now_ms)
{
    if (!im->previewing || in->kind == INPUT_QUIT || in->kind == INPUT_EXPOSED || in->kind == INPUT_NONE) {
        return false;
    }
    im->last_input_ms = now_ms;
    if (in->kind != INPUT_TOUCH) {
        return false; /* keys browse the preview */
    }
    const Touch *t = &in->touch;
    int canvas_w = 0, canvas_h = 0;
    app_core_canvas_size(app, &canvas_w, &canvas_h);
    SDL_Rect bar = staff_panel_bar_rect(canvas_w, canvas_h);
    bool in_bar = t->x >= (float)bar.x && t->x < (float)(bar.x + bar.w) && t->y >= (float)bar.y && t->y < (float)(bar.y + bar.h);
    StaffButton button = {0};
    bool on_button = staff_panel_hit(canvas_w, canvas_h, STAFF_PAGE_PREVIEW, true, t->x, t->y, &button);
    bool mine = im->pressing && t->id == im->bar_finger;
    switch (t->phase) {
    case TOUCH_DOWN:
        if (!in_bar) {
            return false;
        }
        im->pressing = true;
        im->bar_finger = t->id;
        im->pressed = on_button ? button.action : STAFF_ACT_NONE;
        im->pressed_digit = button.digit;
        return true;
    case TOUCH_MOVE:
        return mine;
    case TOUCH_UP:
        if (!mine) {
            return false;
        }
        im->pressing = false;
        if (on_button && button.action == im->pressed && button.digit == im->pressed_digit) {
            press_bar(app, im, &button, now_ms);
        }
        return true;
    case TOUCH_CANCEL:
        im->pressing = im->pressing && !mine;
        return mine;
    }
    return false;
}

void staff_import_draw_bar(App *app, StaffImport *im)
{
    if (!im || !im->previewing) {
        return;
    }
    int canvas_w = 0, canvas_h = 0;
    app_core_canvas_size(app, &canvas_w, &canvas_h);
    DeckFrame frame = {0};
    deck_frame(app_core_deck(app), clock_now_ms(), &frame);
    StaffView view = {.page = STAFF_PAGE_PREVIEW, .lang = im->lang, .preview_lang = frame.lang};
    staff_panel_draw(app_core_begin_layer(app), app_core_fonts(app), canvas_w, canvas_h, &view);
}

/* ---- the problems page ------------------------------------------------------------------ */

void staff_import_problems_reset(App *app, StaffImport *im, uint64_t now_ms)
{
    const char *const *lines = NULL;
    size_t count = app_core_import_problems(app, &lines);
    int canvas_w = 0, canvas_h = 0;
    app_core_canvas_size(app, &canvas_w, &canvas_h);
    float viewport = 0.0f;
    float extent = staff_panel_problems_extent(app_core_fonts(app), canvas_w, canvas_h, lines, count, &viewport, NULL);
    ScrollConfig config = scroll_config_default(viewport);
    scroll_init(&im->scroll, &config, now_ms);
    scroll_set_extent(&im->scroll, extent, viewport, now_ms);
    im->scrolling = false;
}

bool staff_import_problems_touch(App *app, StaffImport *im, const Touch *t, bool on_button, uint64_t now_ms)
{
    bool mine = im->scrolling && t->id == im->scroll_finger;
    switch (t->phase) {
    case TOUCH_DOWN: {
        int canvas_w = 0, canvas_h = 0;
        app_core_canvas_size(app, &canvas_w, &canvas_h);
        float viewport = 0.0f;
        SDL_Rect area = {0};
        (void)staff_panel_problems_extent(NULL, canvas_w, canvas_h, NULL, 0, &viewport, &area);
        if (on_button || t->y < (float)area.y || t->y >= (float)(area.y + area.h)) {
            return false;
        }
        im->scrolling = true;
        im->scroll_finger = t->id;
        scroll_drag(&im->scroll, t->y, now_ms);
        return true;
    }
    case TOUCH_MOVE:
        if (mine) {
            scroll_drag(&im->scroll, t->y, now_ms);
        }
        return mine;
    case TOUCH_UP:
    case TOUCH_CANCEL:
        if (mine) {
            scroll_release(&im->scroll, now_ms);
            im->scrolling = false;
        }
        return mine;
    }
    return false;
}

void staff_import_fill_view(App *app, const StaffImport *im, StaffView *view)
{
    view->import_off = !app_core_staff_import_enabled(app);
    view->busy = staff_import_busy(app);
    view->progress = app_core_progress(app);
    if (view->page == STAFF_PAGE_PROBLEMS) {
        view->problem_count = app_core_import_problems(app, &view->problems);
        view->scroll_px = scroll_position(&im->scroll);
    }
}

bool staff_import_tick(App *app, StaffImport *im, uint64_t now_ms)
{
    if (im->previewing && !app_core_previewing(app)) {
        /* New live content ended the preview (an update, the store changed): the candidate goes. */
        im->previewing = false;
        im->pressing = false;
        app_core_set_layer(app, APP_LAYER_STAFF_BAR, false);
        app_core_import_discard(app);
        log_write(app_core_log(app), LOG_INFO, "staff", "preview closed (new content on screen): discard");
    } else if (im->previewing && now_ms >= im->last_input_ms + STAFF_IDLE_MS) {
        preview_close(app, im, false, "60 s untouched", now_ms);
    }
    return scroll_moving(&im->scroll) && scroll_tick(&im->scroll, now_ms);
}

uint64_t staff_import_deadline(const App *app, const StaffImport *im, uint64_t now_ms)
{
    uint64_t deadline = UINT64_MAX;
    if (im->previewing) {
        deadline = im->last_input_ms + STAFF_IDLE_MS;
    }
    bool owed = im->result_owed || im->install_owed || im->copy_owed;
    if (staff_import_busy(app) || (owed && app_core_import_state(app) != im->seen)) {
        uint64_t poll = now_ms + UPDATE_FRAME_MS; /* the result and the progress are seen promptly */
        deadline = poll < deadline ? poll : deadline;
    }
    if (scroll_moving(&im->scroll)) {
        uint64_t glide = now_ms + SCROLL_FRAME_MS;
        deadline = glide < deadline ? glide : deadline;
    }
    return deadline;
}
