/* core_double.c — the test double of the shared core; see core_double.h. */
#define _POSIX_C_SOURCE 200809L
#include "app/core_double.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "app/part_hours.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int no_open(void *user, const char *path, int flags)
{
    (void)user;
    (void)path;
    (void)flags;
    errno = ENOENT;
    return -1;
}

static int no_ioctl(void *user, int fd, unsigned long request, void *arg)
{
    (void)user;
    (void)fd;
    (void)request;
    (void)arg;
    errno = ENOTTY;
    return -1;
}

static int no_close(void *user, int fd)
{
    (void)user;
    (void)fd;
    return 0;
}

static bool no_window_info(void *user, SDL_Window *window, struct SDL_SysWMinfo *info)
{
    (void)user;
    (void)window;
    (void)info;
    return false;
}

static const ScreenPowerSystem NO_DEVICES = {
    .open = no_open, .ioctl = no_ioctl, .close = no_close, .window_info = no_window_info};

void core_double_create(App *app, LogLevel level)
{
    memset(app, 0, sizeof *app);
    options_set_defaults(&app->options);
    log_create(&app->log, stderr, level, LOG_STYLE_TERMINAL);
    DeckConfig config = deck_config_default(DECK_PROFILE_BOOTH);
    deck_init(&app->deck, NULL, &config, 0);
    app->drawn_once = true;
    app->progress = -1;
    app->screen_power_system = &NO_DEVICES;
}

void core_double_destroy(App *app)
{
    log_destroy(&app->log);
}

void core_double_temp_dir(char *dir, size_t size, const char *name)
{
    /* Under $TMPDIR, as the other tests' folders: the armhf tests under qemu-user run with a
     * private tmpfs there, since 32-bit readdir() fails on the host's ext4 (toolchain/test-pi.sh). */
    const char *tmp = getenv("TMPDIR");
    int n = snprintf(dir, size, "%s/%s.XXXXXX", tmp && *tmp ? tmp : "/tmp", name);
    assert_true(n > 0 && (size_t)n < size);
    assert_non_null(mkdtemp(dir));
}

void core_double_temp_dir_remove(const char *dir)
{
    char command[4200];
    snprintf(command, sizeof command, "rm -rf '%s'", dir);
    assert_int_equal(system(command), 0);
}

void *app_core_part(const App *app, const Part *part)
{
    return part == app->part ? app->self : NULL;
}

const Options *app_core_options(const App *app)
{
    return &app->options;
}

Log *app_core_log(const App *app)
{
    return (Log *)&app->log;
}

SDL_Window *app_core_window(const App *app)
{
    (void)app;
    return NULL;
}

Screen *app_core_screen(const App *app)
{
    (void)app;
    return NULL;
}

Deck *app_core_deck(App *app)
{
    return &app->deck;
}

const Content *app_core_content(const App *app)
{
    (void)app;
    return NULL;
}

SlidePlan *app_core_plan(App *app)
{
    (void)app;
    return NULL;
}

bool app_core_drawn_once(const App *app)
{
    return app->drawn_once;
}

void app_core_redraw(App *app)
{
    app->redraws++;
}

InputEvent app_core_translate(const App *app, const SDL_Event *event, uint64_t now_ms)
{
    (void)event;
    InputEvent in = app->next_input;
    if (in.kind == INPUT_TOUCH) {
        in.touch.t_ms = now_ms;
    }
    return in;
}

bool app_core_asleep(const App *app)
{
    return app->asleep;
}

void app_core_set_asleep(App *app, bool asleep)
{
    app->asleep = asleep;
    app->silenced += asleep ? 1 : 0;
}

void app_core_forget_touch(App *app)
{
    app->touches_forgotten++;
}

void app_core_black_frame(App *app, bool release_spare)
{
    app->black_frames++;
    app->spares_released += release_spare ? 1 : 0;
}

void app_core_show_speech(App *app, bool ready, bool speaking)
{
    (void)app;
    (void)ready;
    (void)speaking;
}

void app_core_read_aloud_used(App *app, uint64_t now_ms)
{
    (void)app;
    (void)now_ms;
}

const char *app_core_kiosk_id(const App *app)
{
    return app->kiosk_id;
}

const StatusUpdate *app_core_last_update(const App *app)
{
    return &app->last_update;
}

void app_core_stick_seen(App *app, const WatchFound *found, uint64_t now_ms)
{
    (void)found;
    (void)now_ms;
    app->sticks_seen++;
}

void app_core_lead_left(App *app, uint64_t now_ms)
{
    (void)now_ms;
    app->leads_left++;
}

void app_core_update_attempt_begin(App *app, const char *source)
{
    app->attempts_begun++;
    snprintf(app->attempt_source, sizeof app->attempt_source, "%s", source);
}

void app_core_update_attempt_end(App *app, const UpdateResult *result, uint64_t now_ms)
{
    (void)now_ms;
    app->attempts_ended++;
    app->last_outcome = result->outcome;
}

uint64_t app_core_frames_drawn(const App *app)
{
    return app->frames;
}

const ScreenPowerSystem *app_core_screen_power_system(const App *app)
{
    return app->screen_power_system;
}

void app_core_display_power(const App *app, StatusDisplay *out)
{
    part_hours_display(app, out);
}

uint64_t app_core_uptime_ms(const App *app, uint64_t now_ms)
{
    (void)app;
    return now_ms;
}

const PackStore *app_core_store(const App *app)
{
    return app->store;
}

bool app_core_updating(const App *app)
{
    (void)app;
    return false;
}

void app_core_pack_shown(const App *app, StatusPack *out)
{
    (void)app;
    status_note_pack(out, NULL, STATUS_PACK_NONE, false);
}

ClockTrustSource app_core_clock_trust(App *app, uint64_t now_ms, int64_t *wall_s, int64_t *offset_s)
{
    (void)now_ms;
    int64_t offset = app->clock_source == CLOCK_TRUST_STAFF ? app->clock_offset_s : 0;
    if (wall_s) {
        *wall_s = app->clock_system_s + offset;
    }
    if (offset_s) {
        *offset_s = offset;
    }
    return app->clock_source;
}

bool app_core_clock_confirm(App *app, int64_t corrected_s, uint64_t now_ms)
{
    (void)now_ms;
    app->clock_confirms++;
    app->clock_offset_s = corrected_s - app->clock_system_s;
    app->clock_source = CLOCK_TRUST_STAFF;
    return true;
}

int64_t app_core_bundled_version(const App *app)
{
    (void)app;
    return 0;
}

const char *app_core_bundled_pack_path(const App *app)
{
    (void)app;
    return "";
}

Fonts *app_core_fonts(const App *app)
{
    return app->fonts;
}

void app_core_show_overlay(App *app, const char *title, const char *detail, bool problem, uint64_t now_ms)
{
    (void)detail;
    (void)now_ms;
    snprintf(app->overlay_title, sizeof app->overlay_title, "%s", title);
    app->overlays++;
    app->overlay_problem = problem;
}

double app_core_progress(const App *app)
{
    return app->progress;
}

void app_core_start_progress(App *app)
{
    app->progress = 0.0;
}

void app_core_show_progress(App *app, const char *title, const char *detail, double progress, uint64_t now_ms)
{
    (void)title;
    (void)detail;
    (void)now_ms;
    app->progress = progress;
}

void app_core_hide_progress(App *app, uint64_t now_ms)
{
    (void)now_ms;
    app->progress = -1;
}

void app_core_show_content(App *app, Content *content, uint64_t now_ms)
{
    (void)now_ms;
    content_unload(content);
    app->contents_shown++;
}

void app_core_draw_now(App *app, uint64_t now_ms)
{
    (void)now_ms;
    app->draws_now++;
}

void app_core_set_layer(App *app, AppLayer layer, bool shown)
{
    app->layer_shown[layer] = shown;
}

AppLayer app_core_top_layer(const App *app)
{
    int top = APP_LAYER_STAFF_PANEL;
    while (top > APP_LAYER_SLIDES && !app->layer_shown[top]) {
        top--;
    }
    return (AppLayer)top;
}

bool app_core_private_on_top(const App *app)
{
    return app_core_top_layer(app) != APP_LAYER_SLIDES;
}

void app_core_set_keyboard(App *app, bool on)
{
    app->keyboard = on;
}

bool app_core_leads_enabled(const App *app)
{
    return app->leads_enabled;
}

bool app_core_leads_export_now(App *app, uint64_t now_ms)
{
    (void)now_ms;
    app->exports++;
    return false;
}

bool app_core_visits_export_now(App *app, uint64_t now_ms)
{
    (void)now_ms;
    app->exports++;
    return false;
}

Updater *app_core_updater(const App *app)
{
    (void)app;
    return NULL;
}

void app_core_show_store_pack(App *app, uint64_t now_ms)
{
    (void)app;
    (void)now_ms;
}

void app_core_apply_options(App *app, const Options *options, uint64_t now_ms)
{
    (void)now_ms;
    if (options != &app->options) {
        app->options = *options;
    }
    app->options_applied++;
}

void app_core_quit(App *app)
{
    app->quit = true;
}

void app_core_canvas_size(const App *app, int *w, int *h)
{
    (void)app;
    *w = 1280;
    *h = 720;
}

bool app_core_take_redraw(App *app)
{
    bool owed = app->redraws > 0;
    app->redraws = 0;
    return owed;
}

SDL_Renderer *app_core_begin_layer(App *app)
{
    return app->layer_renderer;
}

void app_core_present_layer(App *app)
{
    app->layer_frames++;
}

bool app_core_preview_begin(App *app, const Content *content, uint64_t now_ms)
{
    (void)now_ms;
    if (!content) {
        return false;
    }
    app->preview = content;
    app->previews_begun++;
    return true;
}

void app_core_preview_end(App *app, uint64_t now_ms)
{
    (void)now_ms;
    if (app->preview) {
        app->preview = NULL;
        app->previews_ended++;
    }
}

bool app_core_previewing(const App *app)
{
    return app->preview != NULL;
}

/* A copy or an import starts (state) unless the test made the core refuse it. */
static bool job_start(App *app, Lang lang, int *count, AppImportState state)
{
    if (app->import_refuses) {
        return false;
    }
    app->import_lang = lang;
    (*count)++;
    app->import_state = state;
    return true;
}

bool app_core_import_start(App *app, Lang lang, uint64_t now_ms)
{
    (void)now_ms;
    return job_start(app, lang, &app->imports_started, APP_IMPORT_BUILDING);
}

AppImportState app_core_import_state(const App *app)
{
    return app->import_state;
}

const char *app_core_import_message(const App *app)
{
    return app->import_message;
}

size_t app_core_import_problems(const App *app, const char *const **lines)
{
    *lines = app->import_problems;
    return app->import_problem_count;
}

Content *app_core_import_candidate(App *app)
{
    return app->import_state == APP_IMPORT_READY ? app->import_candidate : NULL;
}

bool app_core_import_install(App *app, uint64_t now_ms)
{
    (void)now_ms;
    if (app->import_state != APP_IMPORT_READY) {
        return false;
    }
    app->installs++;
    app->import_state = APP_IMPORT_INSTALLING;
    return true;
}

void app_core_import_discard(App *app)
{
    app->discards++;
    if (app->import_state == APP_IMPORT_READY) {
        app->import_state = APP_IMPORT_IDLE;
    }
}

bool app_core_content_copy_start(App *app, Lang lang, uint64_t now_ms)
{
    (void)now_ms;
    return job_start(app, lang, &app->copies_started, APP_IMPORT_COPYING);
}

bool app_core_staff_import_enabled(const App *app)
{
    return app->import_enabled;
}

void app_core_request_grab(App *app, int max_width)
{
    app->grab_requests++;
    app->grab_max_width = max_width;
    app->grab_state = APP_GRAB_WANTED;
}

AppGrab app_core_take_grab(App *app, FrameGrab *out, uint64_t *took_us)
{
    AppGrab state = app->grab_state;
    if (state == APP_GRAB_READY) {
        enum { WIDTH = 64, HEIGHT = 36 };
        out->width = WIDTH;
        out->height = HEIGHT;
        out->rgb = malloc(WIDTH * HEIGHT * 3);
        assert_non_null(out->rgb);
        memset(out->rgb, 0x80, WIDTH * HEIGHT * 3);
        *took_us = 1000;
    }
    if (state == APP_GRAB_READY || state == APP_GRAB_FAILED) {
        app->grab_state = APP_GRAB_IDLE;
    }
    return state;
}

void app_core_cancel_grab(App *app)
{
    app->grabs_cancelled++;
    app->grab_state = APP_GRAB_IDLE;
}
