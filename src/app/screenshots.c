/* screenshots.c — headless output: every slide of every section in every language, each
 * brand's detail, and the attract view, rendered with SDL's software renderer onto a plain
 * surface (no display, no video driver) and saved as PNG. See app_screenshots(). */
#define _POSIX_C_SOURCE 200809L
#include "app/app.h"

#include "app/pack_loader.h"
#include "app/paths.h"
#include "core/deck.h"
#include "platform/clock.h"
#include "render/fonts.h"
#include "render/plan.h"
#include "render/screen.h"

#include <SDL2/SDL.h>
#include <SDL2/SDL_image.h>
#include <SDL2/SDL_ttf.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

enum { DEFAULT_SHOT_W = 1920, DEFAULT_SHOT_H = 1080 };

typedef struct Shooter {
    Log *log;
    SDL_Renderer *renderer;
    Screen *screen;
    const SlidePlan *plan;
    int w, h;
    const char *dir;
    int count;
    bool failed;
} Shooter;

static bool make_dir(const char *path)
{
    return mkdir(path, 0755) == 0 || errno == EEXIST;
}

static void shoot(Shooter *s, const DeckFrame *frame, const char *name)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/%s/%s.png", s->dir, lang_tag(frame->lang), name);
    screen_draw(s->screen, frame, NULL);
    if (!screen_save_png(s->renderer, s->w, s->h, path)) {
        log_write(s->log, LOG_ERROR, "screenshots", "%s: %s", path, SDL_GetError());
        s->failed = true;
        return;
    }
    s->count++;
}

static DeckFrame interactive_frame(const SlidePlan *plan, SectionId section, int page, int detail, Lang lang)
{
    return (DeckFrame){
        .mode = DECK_MODE_INTERACTIVE,
        .slide = {section, page, detail},
        .lang = lang,
        .section_pages = plan->page_count[section],
        .progress = 1.0f,
        .show_chrome = true,
    };
}

static void shoot_language(Shooter *s, Lang lang)
{
    char name[128];
    int n = 0;
    for (int section = 0; section < SECTION_COUNT; section++) {
        for (int page = 0; page < s->plan->page_count[section]; page++) {
            DeckFrame frame = interactive_frame(s->plan, (SectionId)section, page, -1, lang);
            snprintf(name, sizeof name, "%02d-%s-%d", ++n, deck_section_name((SectionId)section), page + 1);
            shoot(s, &frame, name);
        }
    }
    for (int detail = 0; detail < s->plan->visible_count[PLAN_MEMBERS]; detail++) {
        DeckFrame frame = interactive_frame(s->plan, SECTION_MEMBERS, 0, detail, lang);
        snprintf(name, sizeof name, "%02d-members-detail-%d", ++n, detail + 1);
        shoot(s, &frame, name);
    }
    DeckFrame attract = interactive_frame(s->plan, SECTION_ABOUT, 0, -1, lang);
    attract.mode = DECK_MODE_ATTRACT;
    attract.show_chrome = false;
    attract.show_progress = true;
    attract.attract_progress = 0.375f;
    shoot(s, &attract, "00-attract");
}

int app_screenshots(const Options *options, Log *log)
{
    int w = options->size.width > 0 ? options->size.width : DEFAULT_SHOT_W;
    int h = options->size.height > 0 ? options->size.height : DEFAULT_SHOT_H;
    KioskPaths paths;
    paths_find(&paths);
    int status = 1;
    char why[512] = "";
    SDL_Surface *surface = NULL;
    SDL_Renderer *renderer = NULL;
    Fonts *fonts = NULL;
    Screen *screen = NULL;
    SlidePlan plan = {0};
    PackChoice choice = {0};
    Shooter shooter = {.log = log, .w = w, .h = h, .dir = options->screenshots};
    if (SDL_Init(0) != 0 || TTF_Init() != 0) {
        log_write(log, LOG_ERROR, "screenshots", "cannot start SDL: %s", SDL_GetError());
        goto done;
    }
    IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);
    fonts = fonts_load(paths.fonts_dir, why, sizeof why);
    if (!fonts) {
        log_write(log, LOG_ERROR, "render", "%s (set FACTS_ASSETS_DIR to the folder holding fonts/)", why);
        goto done;
    }
    surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    renderer = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
    if (!renderer) {
        log_write(log, LOG_ERROR, "screenshots", "cannot create a %dx%d software renderer: %s", w, h, SDL_GetError());
        goto done;
    }
    choice = pack_choose(options->db, paths.bundled_pack, log);
    if (!choice.content) {
        log_write(log, LOG_ERROR, "screenshots", "no pack to show: %s", choice.problem);
        goto done;
    }
    char date[16];
    clock_today(date, sizeof date);
    if (!plan_create(&plan, choice.content, date, plan_capacity(h > w))) {
        goto done;
    }
    screen = screen_create(renderer, fonts, w, h, options->profile == OPTIONS_PROFILE_BOOTH, pack_log_render_problem, log);
    if (!screen || !make_dir(options->screenshots)) {
        log_write(log, LOG_ERROR, "screenshots", "cannot write to %s", options->screenshots);
        goto done;
    }
    screen_set_content(screen, choice.content, &plan);
    /* Slides as a booth with speakers shows them: with the read-aloud button. */
    screen_set_speech(screen, options->speech && options->profile == OPTIONS_PROFILE_BOOTH, false);
    shooter.renderer = renderer;
    shooter.screen = screen;
    shooter.plan = &plan;
    for (int lang = 0; lang < LANG_COUNT; lang++) {
        char dir[4200];
        snprintf(dir, sizeof dir, "%s/%s", options->screenshots, lang_tag((Lang)lang));
        if (!make_dir(dir)) {
            log_write(log, LOG_ERROR, "screenshots", "cannot create %s", dir);
            goto done;
        }
        shoot_language(&shooter, (Lang)lang);
    }
    log_write(log, LOG_INFO, "screenshots", "%d slides at %dx%d in %s", shooter.count, w, h, options->screenshots);
    status = shooter.failed ? 1 : 0;
done:
    screen_destroy(screen);
    plan_destroy(&plan);
    content_unload(choice.content);
    if (renderer) {
        SDL_DestroyRenderer(renderer);
    }
    SDL_FreeSurface(surface);
    fonts_unload(fonts);
    IMG_Quit();
    TTF_Quit();
    SDL_Quit();
    return status;
}
