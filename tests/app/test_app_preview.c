/* The shared core's preview (app_core_preview_begin / _end in src/app/app_content.c) on the
 * real core: an App made by hand around a software renderer, with the live content of one
 * pack and the preview of another. While the preview shows, the parts read its content and
 * plan and the deck browses its slides, but the content the core owns, the pack status.json
 * reports and the loop's content deadlines stay the live one's; at its end the live plan comes
 * back as it was and the deck where it was. New live content ends a preview. */
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

#include "app/app_state.h"
#include "content/loader.h"
#include "support/fixture.h"

enum { W = 640, H = 360, NOW_MS = 5000 };

typedef struct Env {
    App app;
    Options options;
    Log log;
    ClockStart start;
    char *live_dir;
    char *preview_dir;
    Content *preview;    /* borrowed by the core while previewing, as the updates part's candidate */
    SDL_Surface *target;
    SDL_Renderer *renderer;
} Env;

/* A pack built from the fixture's sources, with members of its own and the version given. */
static Content *load_pack(char **dir, int version, const char *members)
{
    *dir = fixture_tempdir();
    fixture_sources(*dir);
    char pack_csv[256];
    snprintf(pack_csv, sizeof pack_csv, "version,title_en,title_sr_latn,title_sr_cyrl,created_at\n"
                                        "%d,Example Pack %d,Primer paketa %d,,2026-01-02\n", version, version, version);
    fixture_write(*dir, "pack.csv", pack_csv, (size_t)-1);
    fixture_write(*dir, "members.csv", members, (size_t)-1);
    char *pack = fixture_build_pack(*dir);
    Content *content = NULL;
    assert_int_equal(content_load(pack, NULL, &content), CONTENT_OK);
    free(pack);
    return content;
}

static int set_up(void **state)
{
    Env *env = calloc(1, sizeof *env);
    assert_non_null(env);
    assert_int_equal(SDL_Init(0), 0);
    assert_int_equal(TTF_Init(), 0);
    App *app = &env->app;
    options_set_defaults(&env->options);
    log_create(&env->log, stderr, LOG_WARN, LOG_STYLE_TERMINAL);
    app->options = &env->options;
    app->log = &env->log;
    app->start = &env->start;
    app->display = app_display_create();
    app->showing = app_showing_create();
    app->touch = app_touch_create();
    app->clock = app_clock_create(); /* the event's wall clock: a booth plans its Event section */
    app->life = NULL; /* app.c's: the preview never asks for it */
    app->plan = calloc(1, sizeof *app->plan);
    app->deck = calloc(1, sizeof *app->deck);
    app->input = calloc(1, sizeof *app->input);
    app->stats = calloc(1, sizeof *app->stats);
    assert_true(app->display && app->showing && app->touch && app->clock && app->plan && app->deck && app->input && app->stats);
    char fonts_dir[4096];
    snprintf(fonts_dir, sizeof fonts_dir, "%s/assets/fonts", getenv("FACTS_SOURCE_DIR"));
    char why[512] = "";
    app->fonts = fonts_load(fonts_dir, why, sizeof why);
    assert_non_null(app->fonts);
    env->target = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_RGB888);
    env->renderer = SDL_CreateSoftwareRenderer(env->target);
    assert_non_null(env->renderer);
    app->screen = screen_create(env->renderer, app->fonts, W, H, true, NULL, NULL);
    assert_non_null(app->screen);
    DeckConfig config = deck_config_default(DECK_PROFILE_BOOTH);
    deck_init(app->deck, NULL, &config, NOW_MS);
    app_touch_forget(app);
    /* The live pack: two members; the preview: three others, and a newer version. */
    Content *live = load_pack(&env->live_dir, 3,
                              "id,name,kind,logo,website,description_en,description_sr_latn,show_from,show_until\n"
                              "example-brand,Example Brand,SME,brand.png,https://example.org,An example brand.,Primer brenda.,,\n"
                              "other-brand,Other Example,,,,,,,\n");
    env->preview = load_pack(&env->preview_dir, 4,
                             "id,name,kind,logo,website,description_en,description_sr_latn,show_from,show_until\n"
                             "new-one,New Example One,SME,,,,,,\nnew-two,New Example Two,SME,,,,,,\n"
                             "new-three,New Example Three,SME,,,,,,\n");
    assert_true(app_set_content(app, live, NOW_MS));
    *state = env;
    return 0;
}

static int tear_down(void **state)
{
    Env *env = *state;
    App *app = &env->app;
    app_core_preview_end(app, NOW_MS);
    screen_destroy(app->screen);
    plan_destroy(app->plan);
    content_unload(app->content);
    content_unload(env->preview);
    fonts_unload(app->fonts);
    SDL_DestroyRenderer(env->renderer);
    SDL_FreeSurface(env->target);
    app_display_destroy(app->display);
    app_showing_destroy(app->showing);
    app_touch_destroy(app->touch);
    app_clock_destroy(app->clock);
    free(app->plan);
    free(app->deck);
    free(app->input);
    free(app->stats);
    fixture_remove_tree(env->live_dir);
    fixture_remove_tree(env->preview_dir);
    log_destroy(&env->log);
    TTF_Quit();
    SDL_Quit();
    free(env);
    return 0;
}

static void a_preview_shows_beside_the_live_content_and_leaves_it_as_it_was(void **state)
{
    Env *env = *state;
    App *app = &env->app;
    const Content *live = app->content;
    SlidePlan live_plan = *app->plan; /* its arrays: they must come back, not copies */
    /* A visitor is on the members' page. */
    deck_command(app->deck, (DeckCommand){.kind = DECK_CMD_GOTO_SECTION, .arg.section = SECTION_MEMBERS}, NOW_MS);
    deck_tick(app->deck, NOW_MS + 5000);
    DeckFrame before = {0};
    deck_frame(app->deck, NOW_MS + 5000, &before);
    assert_int_equal(before.slide.section, SECTION_MEMBERS);
    StatusPack shown_before = {0};
    app_core_pack_shown(app, &shown_before);
    assert_true(app_showing_deadline_ms(app, true, false) < UINT64_MAX);

    assert_false(app_core_previewing(app));
    assert_true(app_core_preview_begin(app, env->preview, NOW_MS + 6000));
    assert_true(app_core_previewing(app));
    /* The parts see the preview's content and plan; the core still owns the live content. */
    assert_ptr_equal(app_core_content(app), env->preview);
    assert_ptr_equal(app->content, live);
    assert_int_equal(app_core_plan(app)->members.view.count, 3);
    assert_ptr_not_equal(app_core_plan(app)->members.view.members, live_plan.members.view.members);
    /* Shown as a visitor finds it, then browsable: its own members. */
    DeckFrame frame = {0};
    deck_frame(app->deck, NOW_MS + 6000, &frame);
    assert_int_equal(frame.mode, DECK_MODE_ATTRACT);
    deck_command(app->deck, (DeckCommand){.kind = DECK_CMD_GOTO_SECTION, .arg.section = SECTION_ABOUT}, NOW_MS + 7000);
    deck_tick(app->deck, NOW_MS + 9000);
    deck_frame(app->deck, NOW_MS + 9000, &frame);
    assert_int_equal(frame.mode, DECK_MODE_INTERACTIVE);
    assert_int_equal(frame.slide.section, SECTION_ABOUT);
    /* status.json's pack, the store's confirmation and a new day's plan are the live content's:
     * the pack reported does not move and the loop has no content deadline meanwhile. */
    StatusPack shown = {0};
    app_core_pack_shown(app, &shown);
    assert_int_equal(shown.version, shown_before.version);
    assert_string_equal(shown.title, shown_before.title);
    assert_int_equal(shown.version, 3);
    assert_int_equal(app_showing_deadline_ms(app, true, false), UINT64_MAX);
    app_replan_on_new_day(app, UINT64_MAX - 1); /* does not replan the live content under the preview */
    assert_ptr_equal(app_core_content(app), env->preview);

    app_core_preview_end(app, NOW_MS + 10000);
    assert_false(app_core_previewing(app));
    assert_ptr_equal(app_core_content(app), live);
    assert_ptr_equal(app->plan->members.view.members, live_plan.members.view.members);
    assert_int_equal(app->plan->members.view.count, 2);
    assert_memory_equal(app->plan->page_count, live_plan.page_count, sizeof live_plan.page_count);
    DeckFrame after = {0};
    deck_frame(app->deck, NOW_MS + 10000, &after);
    assert_int_equal(after.slide.section, before.slide.section);
    assert_int_equal(after.slide.page, before.slide.page);
    assert_int_equal(after.slide.detail, before.slide.detail);
    assert_int_equal(after.mode, before.mode);
    /* The day may have turned meanwhile: the live content's date is looked at again at once. */
    assert_true(app_showing_deadline_ms(app, true, false) <= NOW_MS + 10000);
    app_core_preview_end(app, NOW_MS + 10000); /* a second end does nothing */
    assert_ptr_equal(app_core_content(app), live);
}

static void new_live_content_ends_the_preview(void **state)
{
    Env *env = *state;
    App *app = &env->app;
    assert_true(app_core_preview_begin(app, env->preview, NOW_MS));
    /* A second begin shows the newer preview without losing the live plan. */
    assert_true(app_core_preview_begin(app, env->preview, NOW_MS));
    assert_true(app_set_content(app, app->content, NOW_MS + 100)); /* what an update or new options do */
    assert_false(app_core_previewing(app));
    assert_int_equal(app_core_content(app)->pack.version, 3);
    assert_int_equal(app->plan->members.view.count, 2);
    assert_false(app_core_preview_begin(app, NULL, NOW_MS)); /* nothing to show: nothing changes */
    assert_false(app_core_previewing(app));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(a_preview_shows_beside_the_live_content_and_leaves_it_as_it_was, set_up,
                                        tear_down),
        cmocka_unit_test_setup_teardown(new_live_content_ends_the_preview, set_up, tear_down),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
