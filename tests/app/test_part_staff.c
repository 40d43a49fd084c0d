/* The staff panel part (src/app/part_staff.c) on the core's test double (core_double.h), in a
 * temp state directory, without a window: the two-corner gesture opens the PIN pad and makes
 * the panel the private layer on top (nothing may photograph or record it); the right PIN on
 * the pad's buttons opens the panel; a minute untouched closes it and the private layer goes;
 * a wrong PIN keeps the panel shut; without a pin_hash the gesture opens nothing. Content
 * taken at the kiosk: the Copy and Take buttons only when [staff] import is on; a failed build
 * shows its problems and changes nothing; a built one closes the panel and opens the preview
 * under the staff bar (a private layer), where touches off the bar browse, Install ends the
 * preview and installs, Discard or a minute untouched discards; a result that comes while the
 * panel is closed waits for the PIN. The clock page: the time moved and confirmed reaches the
 * core, drawn through SDL's software renderer. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <SDL2/SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/core_double.h"
#include "app/part_staff.h"
#include "core/ui_text.h"
#include "render/staff_panel.h"
#include "staff/staff_gesture.h"
#include "staff/staff_pin.h"

enum {
    START_MS = 1000,
    CANVAS_W = 1280, /* the double's canvas */
    CANVAS_H = 720,
    IDLE_MS = 60000, /* the panel closes after this long untouched */
};

typedef struct Env {
    App app;
    char dir[256];
    uint64_t now;
} Env;

static int set_up(void **state)
{
    Env *env = calloc(1, sizeof *env);
    assert_non_null(env);
    core_double_temp_dir(env->dir, sizeof env->dir, "test_part_staff");
    core_double_create(&env->app, LOG_WARN);
    snprintf(env->app.options.state_dir, sizeof env->app.options.state_dir, "%s", env->dir);
    env->app.part = &part_staff;
    env->app.self = part_staff.start(&env->app, START_MS);
    assert_non_null(env->app.self);
    env->now = START_MS;
    *state = env;
    return 0;
}

static int tear_down(void **state)
{
    Env *env = *state;
    part_staff.stop(&env->app, env->app.self);
    core_double_destroy(&env->app);
    core_double_temp_dir_remove(env->dir);
    free(env);
    return 0;
}

static bool touch(Env *env, TouchPhase phase, float x, float y)
{
    InputEvent in = {.kind = INPUT_TOUCH, .touch = {.id = 1, .x = x, .y = y, .phase = phase, .t_ms = env->now}};
    return part_staff_input(&env->app, &in, env->now);
}

/* A press held past the hold time in the corner at (x, y). */
static void hold(Env *env, float x, float y)
{
    touch(env, TOUCH_DOWN, x, y);
    env->now += STAFF_GESTURE_HOLD_MS + 100;
    touch(env, TOUCH_UP, x, y);
    env->now += 500;
}

static void make_gesture(Env *env)
{
    hold(env, 5.0f, 5.0f);
    hold(env, CANVAS_W - 5.0f, CANVAS_H - 5.0f);
}

/* Taps the button for digit (0-9) or action on page (laid out with the import buttons);
 * returns what the part said of the touch going up (true: it was the panel's). */
static bool tap_on(Env *env, StaffPage page, StaffAction action, int digit)
{
    StaffButton buttons[STAFF_PANEL_BUTTONS];
    size_t count = staff_panel_layout(CANVAS_W, CANVAS_H, page, true, buttons, STAFF_PANEL_BUTTONS);
    for (size_t i = 0; i < count; i++) {
        bool numbered = action == STAFF_ACT_DIGIT || action == STAFF_ACT_PREVIEW_LANG || action == STAFF_ACT_CLOCK_SHIFT;
        if (buttons[i].action == action && (!numbered || buttons[i].digit == digit)) {
            float x = (float)buttons[i].rect.x + (float)buttons[i].rect.w / 2.0f;
            float y = (float)buttons[i].rect.y + (float)buttons[i].rect.h / 2.0f;
            touch(env, TOUCH_DOWN, x, y);
            env->now += 50;
            bool taken = touch(env, TOUCH_UP, x, y);
            env->now += 50;
            return taken;
        }
    }
    fail_msg("no button %d/%d on page %d", (int)action, digit, (int)page);
    return false;
}

/* Taps the pad's button for digit (0-9) or action. */
static void tap_button(Env *env, StaffAction action, int digit)
{
    assert_true(tap_on(env, STAFF_PAGE_PIN, action, digit));
}

static void enter(Env *env, const char *pin)
{
    for (const char *c = pin; *c; c++) {
        tap_button(env, STAFF_ACT_DIGIT, *c - '0');
    }
    tap_button(env, STAFF_ACT_ENTER, 0);
}

static void set_pin(Env *env, const char *pin)
{
    assert_true(staff_pin_hash(pin, env->app.options.pin_hash, sizeof env->app.options.pin_hash));
}

static void the_gesture_and_pin_open_it_and_a_minute_closes_it(void **state)
{
    Env *env = *state;
    App *app = &env->app;
    set_pin(env, "2468");
    assert_false(app_core_private_on_top(app));
    make_gesture(env);
    assert_int_equal(app_core_top_layer(app), APP_LAYER_STAFF_PANEL);
    assert_true(app_core_private_on_top(app));
    /* While open, every touch and key is the panel's. */
    InputEvent key = {.kind = INPUT_KEY_BACK};
    assert_true(part_staff_input(app, &key, env->now));
    enter(env, "2468");
    assert_true(app_core_private_on_top(app));
    uint64_t deadline = part_staff.deadline(app, app->self, env->now);
    assert_true(deadline <= env->now + IDLE_MS);
    part_staff.tick(app, app->self, env->now + 1000);
    assert_true(app_core_private_on_top(app));
    app->redraws = 0;
    part_staff.tick(app, app->self, env->now + IDLE_MS);
    assert_false(app_core_private_on_top(app));
    assert_int_equal(app_core_top_layer(app), APP_LAYER_SLIDES);
    assert_true(app->redraws > 0); /* the visitors' screen again */
    assert_int_equal(part_staff.deadline(app, app->self, env->now + IDLE_MS), UINT64_MAX);
    InputEvent tap = {.kind = INPUT_TOUCH, .touch = {.id = 1, .x = 600.0f, .y = 300.0f, .phase = TOUCH_DOWN}};
    assert_false(part_staff_input(app, &tap, env->now + IDLE_MS)); /* the kiosk's again */
}

static void a_wrong_pin_keeps_the_panel_shut(void **state)
{
    Env *env = *state;
    App *app = &env->app;
    set_pin(env, "2468");
    make_gesture(env);
    enter(env, "1357");
    assert_true(app_core_private_on_top(app)); /* the PIN pad stays, saying the PIN was wrong */
    /* The right one still opens the panel: the pad was not locked by one mistake. */
    enter(env, "2468");
    assert_true(app_core_private_on_top(app));
    part_staff.tick(app, app->self, env->now + IDLE_MS);
    assert_false(app_core_private_on_top(app));
}

static void without_a_pin_hash_the_gesture_opens_nothing(void **state)
{
    Env *env = *state;
    App *app = &env->app;
    make_gesture(env);
    assert_false(app_core_private_on_top(app));
    assert_int_equal(part_staff.deadline(app, app->self, env->now), UINT64_MAX);
}

/* ---- content taken at the kiosk ------------------------------------------------------------ */

static StaffPage page_shown(const App *app)
{
    StaffPage page = STAFF_PAGE_PIN;
    assert_true(part_staff_showing(app, &page));
    return page;
}

static void open_panel(Env *env)
{
    set_pin(env, "2468");
    make_gesture(env);
    enter(env, "2468");
    assert_int_equal(page_shown(&env->app), STAFF_PAGE_PANEL);
}

static void tick(Env *env, uint64_t after_ms)
{
    env->now += after_ms;
    part_staff.tick(&env->app, env->app.self, env->now);
}

static void the_import_buttons_show_only_when_import_is_on(void **state)
{
    Env *env = *state;
    App *app = &env->app;
    open_panel(env);
    /* [staff] import = false: where Copy and Take would be, the panel says why they are not. */
    app->import_enabled = false;
    assert_true(tap_on(env, STAFF_PAGE_PANEL, STAFF_ACT_TAKE_FROM_STICK, 0));
    assert_true(tap_on(env, STAFF_PAGE_PANEL, STAFF_ACT_COPY_TO_STICK, 0));
    assert_int_equal(app->imports_started, 0);
    assert_int_equal(app->copies_started, 0);
    app->import_enabled = true;
    assert_true(tap_on(env, STAFF_PAGE_PANEL, STAFF_ACT_COPY_TO_STICK, 0));
    assert_int_equal(app->copies_started, 1);
    assert_int_equal(app->import_lang, app->deck.lang); /* the staff's language: the screen's at opening */
    app->import_state = APP_IMPORT_COPIED;
    tick(env, 100);
    assert_true(tap_on(env, STAFF_PAGE_PANEL, STAFF_ACT_TAKE_FROM_STICK, 0));
    assert_int_equal(app->imports_started, 1);
    /* While it builds the panel stays open and usable, past its minute untouched. */
    tick(env, IDLE_MS / 2);
    tick(env, IDLE_MS / 2 + 1000);
    assert_int_equal(page_shown(app), STAFF_PAGE_PANEL);
    assert_true(part_staff.deadline(app, app->self, env->now) <= env->now + UPDATE_FRAME_MS);
}

/* Pixels in the top third of target in the panel's warning colour (render/staff_panel.c's
 * 0xE06C5A: the clock's state while it is not trusted). */
static size_t warning_pixels(const SDL_Surface *target)
{
    size_t warning = 0;
    for (int y = 0; y < CANVAS_H / 3; y++) {
        const uint32_t *row = (const uint32_t *)((const uint8_t *)target->pixels + (size_t)y * (size_t)target->pitch);
        for (int x = 0; x < CANVAS_W; x++) {
            warning += (row[x] & 0xFFFFFFu) == 0xE06C5Au;
        }
    }
    return warning;
}

/* The clock (issue 20): not trusted, the panel's Clock button opens its page; the time moved
 * by a day back and forth, an hour and a minute is what the core is told, and the clock is
 * then the staff's; "The time is right" keeps the time shown; Done goes back to the panel. */
static void the_clock_is_confirmed_or_corrected_on_its_page(void **state)
{
    Env *env = *state;
    App *app = &env->app;
    app->clock_source = CLOCK_TRUST_NONE;
    app->clock_system_s = 1796724000; /* 2026-12-08T09:20:00Z */
    /* Drawn with the real fonts through SDL's software renderer. */
    char fonts_dir[4096];
    char why[512] = "";
    snprintf(fonts_dir, sizeof fonts_dir, "%s/assets/fonts", getenv("FACTS_SOURCE_DIR"));
    assert_int_equal(TTF_Init(), 0);
    app->fonts = fonts_load(fonts_dir, why, sizeof why);
    assert_non_null(app->fonts);
    SDL_Surface *target = SDL_CreateRGBSurfaceWithFormat(0, CANVAS_W, CANVAS_H, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(target);
    app->layer_renderer = SDL_CreateSoftwareRenderer(target);
    assert_non_null(app->layer_renderer);
    open_panel(env);
    assert_true(tap_on(env, STAFF_PAGE_PANEL, STAFF_ACT_CLOCK, 0));
    assert_int_equal(page_shown(app), STAFF_PAGE_CLOCK);
    assert_true(part_staff_draw(app, env->now));
    int frames = app->layer_frames;
    assert_true(frames > 0);
    /* The warning colour of "not confirmed" is on the page. */
    assert_true(warning_pixels(target) > 100);
    assert_true(part_staff.deadline(app, app->self, env->now) <= env->now + 1000); /* its seconds move on */
    app->clock_system_s++;
    tick(env, 1000);
    assert_true(part_staff_draw(app, env->now));
    assert_int_equal(app->layer_frames, frames + 1);

    assert_true(tap_on(env, STAFF_PAGE_CLOCK, STAFF_ACT_CLOCK_SHIFT, -24 * 60));
    assert_true(tap_on(env, STAFF_PAGE_CLOCK, STAFF_ACT_CLOCK_SHIFT, 24 * 60));
    assert_true(tap_on(env, STAFF_PAGE_CLOCK, STAFF_ACT_CLOCK_SHIFT, 60));
    assert_true(tap_on(env, STAFF_PAGE_CLOCK, STAFF_ACT_CLOCK_SHIFT, -1));
    assert_true(tap_on(env, STAFF_PAGE_CLOCK, STAFF_ACT_CLOCK_SHIFT, -1));
    assert_int_equal(app->clock_confirms, 0); /* moving is not confirming */
    assert_true(tap_on(env, STAFF_PAGE_CLOCK, STAFF_ACT_CLOCK_CONFIRM, 0));
    assert_int_equal(app->clock_confirms, 1);
    assert_int_equal(app->clock_source, CLOCK_TRUST_STAFF);
    assert_int_equal(app->clock_offset_s, 60 * 60 - 2 * 60);
    /* "The time is right" now: the corrected time stays as it is. */
    assert_true(tap_on(env, STAFF_PAGE_CLOCK, STAFF_ACT_CLOCK_CONFIRM, 0));
    assert_int_equal(app->clock_confirms, 2);
    assert_int_equal(app->clock_offset_s, 58 * 60);
    assert_int_equal(page_shown(app), STAFF_PAGE_CLOCK);
    /* Moves not confirmed are forgotten on leaving. */
    assert_true(tap_on(env, STAFF_PAGE_CLOCK, STAFF_ACT_CLOCK_SHIFT, 60));
    assert_true(tap_on(env, STAFF_PAGE_CLOCK, STAFF_ACT_DONE, 0));
    assert_int_equal(page_shown(app), STAFF_PAGE_PANEL);
    assert_true(tap_on(env, STAFF_PAGE_PANEL, STAFF_ACT_CLOCK, 0));
    assert_true(tap_on(env, STAFF_PAGE_CLOCK, STAFF_ACT_CLOCK_CONFIRM, 0));
    assert_int_equal(app->clock_offset_s, 58 * 60);
    /* Trusted now: no warning colour under the title any more. */
    assert_true(part_staff_draw(app, env->now));
    assert_int_equal(warning_pixels(target), 0);
    SDL_DestroyRenderer(app->layer_renderer);
    app->layer_renderer = NULL;
    SDL_FreeSurface(target);
    fonts_unload(app->fonts);
    app->fonts = NULL;
    TTF_Quit();
}

static void a_failed_import_lists_its_problems_and_changes_nothing(void **state)
{
    Env *env = *state;
    App *app = &env->app;
    static const char *const PROBLEMS[] = {"content.xlsx, sheet \"members\", row 14, column \"name\": required value is empty",
                                           "members (1).csv: not a sheet the kiosk knows — did you mean members.csv?"};
    app->import_enabled = true;
    open_panel(env);
    assert_true(tap_on(env, STAFF_PAGE_PANEL, STAFF_ACT_TAKE_FROM_STICK, 0));
    app->import_state = APP_IMPORT_FAILED;
    app->import_problems = PROBLEMS;
    app->import_problem_count = 2;
    tick(env, 100);
    assert_int_equal(page_shown(app), STAFF_PAGE_PROBLEMS);
    assert_true(app_core_private_on_top(app));
    assert_int_equal(app->previews_begun + app->installs + app->discards, 0);
    /* A drag on the list is the list's; Done goes back to the panel, which does not show the
     * same problems again. */
    assert_true(touch(env, TOUCH_DOWN, CANVAS_W / 2.0f, CANVAS_H / 2.0f));
    assert_true(touch(env, TOUCH_MOVE, CANVAS_W / 2.0f, CANVAS_H / 3.0f));
    assert_true(touch(env, TOUCH_UP, CANVAS_W / 2.0f, CANVAS_H / 3.0f));
    assert_int_equal(page_shown(app), STAFF_PAGE_PROBLEMS);
    assert_true(tap_on(env, STAFF_PAGE_PROBLEMS, STAFF_ACT_DONE, 0));
    assert_int_equal(page_shown(app), STAFF_PAGE_PANEL);
    tick(env, 100);
    assert_int_equal(page_shown(app), STAFF_PAGE_PANEL);
}

/* An import started on the panel has built: the panel gives way to the preview. */
static void open_preview(Env *env, Content *candidate)
{
    App *app = &env->app;
    app->import_enabled = true;
    open_panel(env);
    assert_true(tap_on(env, STAFF_PAGE_PANEL, STAFF_ACT_TAKE_FROM_STICK, 0));
    candidate->pack.version = 9;
    app->import_candidate = candidate;
    app->import_state = APP_IMPORT_READY;
    int begun = app->previews_begun;
    tick(env, 100);
    assert_int_equal(page_shown(app), STAFF_PAGE_PREVIEW);
    assert_ptr_equal(app->preview, candidate);
    assert_int_equal(app->previews_begun, begun + 1);
    assert_int_equal(app_core_top_layer(app), APP_LAYER_STAFF_BAR); /* the panel closed, the bar private */
    assert_true(app_core_private_on_top(app));
}

static void a_built_import_is_previewed_and_install_installs_it(void **state)
{
    Env *env = *state;
    App *app = &env->app;
    Content candidate = {0};
    open_preview(env, &candidate);
    /* Touches off the bar browse the preview (the deck has them); the gesture opens nothing. */
    assert_false(touch(env, TOUCH_DOWN, CANVAS_W / 2.0f, CANVAS_H / 2.0f));
    assert_false(touch(env, TOUCH_UP, CANVAS_W / 2.0f, CANVAS_H / 2.0f));
    make_gesture(env);
    assert_int_equal(page_shown(app), STAFF_PAGE_PREVIEW);
    /* The bar covers the slides' top row: its language switch and Back are on the bar. */
    assert_true(tap_on(env, STAFF_PAGE_PREVIEW, STAFF_ACT_PREVIEW_LANG, LANG_SR_CYRL));
    assert_int_equal(app->deck.lang, LANG_SR_CYRL);
    assert_true(tap_on(env, STAFF_PAGE_PREVIEW, STAFF_ACT_PREVIEW_LANG, LANG_EN));
    assert_int_equal(app->deck.lang, LANG_EN);
    assert_true(tap_on(env, STAFF_PAGE_PREVIEW, STAFF_ACT_PREVIEW_BACK, 0));
    assert_int_equal(page_shown(app), STAFF_PAGE_PREVIEW);
    assert_true(tap_on(env, STAFF_PAGE_PREVIEW, STAFF_ACT_INSTALL, 0));
    assert_int_equal(app->previews_ended, 1); /* the live content back before the install */
    assert_false(app_core_previewing(app));
    assert_int_equal(app->installs, 1);
    assert_int_equal(app->discards, 0);
    assert_false(app_core_private_on_top(app));
    StaffPage page;
    assert_false(part_staff_showing(app, &page));
    /* The result on screen, for everyone. */
    app->import_state = APP_IMPORT_INSTALLED;
    snprintf(app->import_message, sizeof app->import_message, "version 9 taken at the kiosk");
    int overlays = app->overlays;
    tick(env, 100);
    assert_int_equal(app->overlays, overlays + 1);
    assert_false(app->overlay_problem);
    assert_string_equal(app->overlay_title, ui_text(UI_STAFF_IMPORT_INSTALLED, app->import_lang));
}

static void discard_a_minute_untouched_or_new_content_discards_the_preview(void **state)
{
    Env *env = *state;
    App *app = &env->app;
    Content candidate = {0};
    open_preview(env, &candidate);
    /* A touch on the preview keeps the bar: a minute counts from the last one. */
    tick(env, IDLE_MS - 10000);
    assert_false(touch(env, TOUCH_DOWN, CANVAS_W / 2.0f, CANVAS_H / 2.0f));
    assert_false(touch(env, TOUCH_UP, CANVAS_W / 2.0f, CANVAS_H / 2.0f));
    tick(env, 20000);
    assert_int_equal(page_shown(app), STAFF_PAGE_PREVIEW);
    uint64_t deadline = part_staff.deadline(app, app->self, env->now);
    assert_true(deadline > env->now && deadline <= env->now + IDLE_MS);
    env->now = deadline;
    part_staff.tick(app, app->self, env->now);
    assert_int_equal(app->discards, 1);
    assert_int_equal(app->installs, 0);
    assert_int_equal(app->previews_ended, 1);
    assert_false(app_core_private_on_top(app));
    assert_string_equal(app->overlay_title, ui_text(UI_STAFF_DISCARDED, app->import_lang));
    /* And the Discard button does the same at once. */
    Content again = {0};
    app->import_state = APP_IMPORT_IDLE;
    open_preview(env, &again);
    assert_true(tap_on(env, STAFF_PAGE_PREVIEW, STAFF_ACT_DISCARD, 0));
    assert_int_equal(app->discards, 2);
    assert_int_equal(app->installs, 0);
    assert_false(app_core_previewing(app));
    /* New live content (an update) ends a preview in the core: the bar goes, the candidate too. */
    app->import_state = APP_IMPORT_IDLE;
    open_preview(env, &again);
    app_core_preview_end(app, env->now);
    tick(env, 100);
    assert_int_equal(app->discards, 3);
    assert_false(app_core_private_on_top(app));
    StaffPage page;
    assert_false(part_staff_showing(app, &page));
}

static void a_result_while_the_panel_is_closed_waits_for_the_pin(void **state)
{
    Env *env = *state;
    App *app = &env->app;
    Content candidate = {.pack.version = 9};
    app->import_enabled = true;
    open_panel(env);
    assert_true(tap_on(env, STAFF_PAGE_PANEL, STAFF_ACT_TAKE_FROM_STICK, 0));
    assert_true(tap_on(env, STAFF_PAGE_PANEL, STAFF_ACT_CLOSE, 0));
    app->import_candidate = &candidate;
    app->import_state = APP_IMPORT_READY;
    int overlays = app->overlays;
    tick(env, 100);
    tick(env, 100);
    assert_int_equal(app->overlays, overlays + 1); /* said once: staff open the panel to see it */
    assert_string_equal(app->overlay_title, ui_text(UI_STAFF_IMPORT_READY_CLOSED, app->import_lang));
    assert_int_equal(app->previews_begun, 0);
    assert_false(app_core_private_on_top(app));
    assert_int_equal(part_staff.deadline(app, app->self, env->now), UINT64_MAX); /* nothing to poll for */
    make_gesture(env);
    enter(env, "2468");
    tick(env, 100);
    assert_int_equal(page_shown(app), STAFF_PAGE_PREVIEW);
    assert_int_equal(app->previews_begun, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(the_clock_is_confirmed_or_corrected_on_its_page, set_up, tear_down),
        cmocka_unit_test_setup_teardown(the_import_buttons_show_only_when_import_is_on, set_up, tear_down),
        cmocka_unit_test_setup_teardown(a_failed_import_lists_its_problems_and_changes_nothing, set_up, tear_down),
        cmocka_unit_test_setup_teardown(a_built_import_is_previewed_and_install_installs_it, set_up, tear_down),
        cmocka_unit_test_setup_teardown(discard_a_minute_untouched_or_new_content_discards_the_preview, set_up, tear_down),
        cmocka_unit_test_setup_teardown(a_result_while_the_panel_is_closed_waits_for_the_pin, set_up, tear_down),
        cmocka_unit_test_setup_teardown(the_gesture_and_pin_open_it_and_a_minute_closes_it, set_up, tear_down),
        cmocka_unit_test_setup_teardown(a_wrong_pin_keeps_the_panel_shut, set_up, tear_down),
        cmocka_unit_test_setup_teardown(without_a_pin_hash_the_gesture_opens_nothing, set_up, tear_down),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
