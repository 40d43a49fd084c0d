/* screenshots.c — headless output: every slide of every section in every language, the
 * first brands' details, the members search with the keyboard open, and the attract view,
 * rendered with SDL's software renderer onto a plain surface (no display, no video driver)
 * and saved as PNG. See app_screenshots().
 * With --renderer opengles2 the same slides go through SDL's OpenGL ES 2 renderer (the Pi's)
 * instead, on a hidden window, into a target texture of the shot's size: that needs a display
 * (tests/render/screenshots.sh --gles2 uses Xvfb and Mesa's llvmpipe). */
#define _POSIX_C_SOURCE 200809L
#include "app/app.h"

#include "app/pack_loader.h"
#include "app/paths.h"
#include "core/deck.h"
#include "core/fold.h"
#include "core/translit.h"
#include "core/utf8.h"
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
#include <stdlib.h>
#include <sys/stat.h>

enum {
    DEFAULT_SHOT_W = 1920,
    DEFAULT_SHOT_H = 1080,
    /* A dozen details show every layout a detail has; hundreds would only repeat them. */
    SHOT_MAX_DETAILS = 12,
    SEARCH_SHOT_LETTERS = 3,
};

typedef struct Shooter {
    Log *log;
    SDL_Renderer *renderer;
    Screen *screen;
    const Content *content;
    SlidePlan *plan;
    int w, h;
    const char *dir;
    int count;
    bool failed;
} Shooter;

/* What the shots are drawn with: a software renderer on surface, or (opengles2) a hidden
 * window's renderer drawing into texture. */
typedef struct ShotTarget {
    SDL_Surface *surface;
    SDL_Window *window;
    SDL_Texture *texture;
    SDL_Renderer *renderer;
} ShotTarget;

static bool target_open_software(ShotTarget *t, int w, int h, Log *log)
{
    t->surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    t->renderer = t->surface ? SDL_CreateSoftwareRenderer(t->surface) : NULL;
    if (!t->renderer) {
        log_write(log, LOG_ERROR, "screenshots", "cannot create a %dx%d software renderer: %s", w, h, SDL_GetError());
        return false;
    }
    return true;
}

/* No fallback: a shot that claims to be OpenGL ES 2 must be. */
static bool target_open_gles2(ShotTarget *t, int w, int h, Log *log)
{
    SDL_RendererInfo info = {0};
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "opengles2");
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
        log_write(log, LOG_ERROR, "screenshots", "opengles2 needs a display: %s", SDL_GetError());
        return false;
    }
    t->window = SDL_CreateWindow("FACTS Kiosk screenshots", 0, 0, w, h, SDL_WINDOW_HIDDEN | SDL_WINDOW_OPENGL);
    t->renderer = t->window ? SDL_CreateRenderer(t->window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_TARGETTEXTURE)
                            : NULL;
    if (!t->renderer || SDL_GetRendererInfo(t->renderer, &info) != 0 || strcmp(info.name, "opengles2") != 0) {
        log_write(log, LOG_ERROR, "screenshots", "no OpenGL ES 2 renderer: %s",
                  t->renderer ? info.name : SDL_GetError());
        return false;
    }
    t->texture = SDL_CreateTexture(t->renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, w, h);
    if (!t->texture || SDL_SetRenderTarget(t->renderer, t->texture) != 0) {
        log_write(log, LOG_ERROR, "screenshots", "cannot draw into a %dx%d texture: %s", w, h, SDL_GetError());
        return false;
    }
    log_write(log, LOG_INFO, "screenshots", "renderer opengles2, video %s", SDL_GetCurrentVideoDriver());
    return true;
}

static void target_close(ShotTarget *t)
{
    if (t->texture) {
        SDL_DestroyTexture(t->texture);
    }
    if (t->renderer) {
        SDL_DestroyRenderer(t->renderer);
    }
    if (t->window) {
        SDL_DestroyWindow(t->window);
    }
    SDL_FreeSurface(t->surface);
    *t = (ShotTarget){0};
}

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

/* Pages MEMBERS for members in lang; the cached slides were painted for another view. */
static void show_members(Shooter *s, const DeckMembers *members, Lang lang)
{
    if (!plan_set_members(s->plan, members, lang)) {
        log_write(s->log, LOG_ERROR, "screenshots", "out of memory");
        s->failed = true;
    }
    screen_set_content(s->screen, s->content, s->plan);
}

/* What a visitor would type to find the member first on the middle page: the first three
 * letters of its distinctive word, small, in the script of the language's keyboard. */
static void search_query(const SlidePlan *plan, Lang lang, char *out, size_t size)
{
    const DirectoryView *view = &plan->members.view;
    out[0] = '\0';
    if (view->count == 0) {
        return;
    }
    int m = view->members[view->pages[view->page_count / 2].first];
    const char *word = directory_distinctive(plan->members.directory, m);
    char *cyrillic = lang == LANG_SR_CYRL ? translit_latin_to_cyrillic(word) : NULL;
    const char *text = cyrillic ? cyrillic : word;
    size_t length = strlen(text);
    size_t offset = 0;
    size_t used = 0;
    for (int i = 0; i < SEARCH_SHOT_LETTERS && offset < length && text[offset] != ' ' && used + 8 < size; i++) {
        uint32_t cp = fold_lower(utf8_next(text, length, &offset));
        const char *latin = lang != LANG_SR_CYRL ? fold_cyrillic_to_latin(cp) : NULL;
        if (latin) {
            used += (size_t)snprintf(out + used, size - used, "%s", latin);
        } else {
            used += utf8_encode(cp, out + used);
        }
    }
    out[used] = '\0';
    free(cyrillic);
}

/* The members search: the keyboard of the language open with a query typed. */
static void shoot_search(Shooter *s, Lang lang, int *n)
{
    DeckMembers members = {.kind = DIRECTORY_ALL_KINDS, .revision = 1};
    search_query(s->plan, lang, members.query, sizeof members.query);
    members.keyboard = lang == LANG_SR_CYRL ? DECK_KEYBOARD_CYRILLIC : DECK_KEYBOARD_LATIN;
    show_members(s, &members, lang);
    DeckFrame frame = interactive_frame(s->plan, SECTION_MEMBERS, 0, -1, lang);
    frame.members = members;
    char name[128];
    snprintf(name, sizeof name, "%02d-members-search", ++*n);
    shoot(s, &frame, name);
}

static void shoot_language(Shooter *s, Lang lang)
{
    char name[128];
    int n = 0;
    DeckMembers everyone = {.kind = DIRECTORY_ALL_KINDS};
    show_members(s, &everyone, lang);
    for (int section = 0; section < SECTION_COUNT; section++) {
        for (int page = 0; page < s->plan->page_count[section]; page++) {
            DeckFrame frame = interactive_frame(s->plan, (SectionId)section, page, -1, lang);
            snprintf(name, sizeof name, "%02d-%s-%d", ++n, deck_section_name((SectionId)section), page + 1);
            shoot(s, &frame, name);
        }
    }
    for (int detail = 0; detail < s->plan->visible_count[PLAN_MEMBERS] && detail < SHOT_MAX_DETAILS; detail++) {
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
    if (s->plan->page_count[SECTION_MEMBERS] > 0) {
        shoot_search(s, lang, &n);
        show_members(s, &everyone, lang);
    }
}

int app_screenshots(const Options *options, Log *log)
{
    int w = options->size.width > 0 ? options->size.width : DEFAULT_SHOT_W;
    int h = options->size.height > 0 ? options->size.height : DEFAULT_SHOT_H;
    KioskPaths paths;
    paths_find(&paths);
    int status = 1;
    char why[512] = "";
    ShotTarget target = {0};
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
    if (!(options->renderer == OPTIONS_RENDERER_OPENGLES2 ? target_open_gles2(&target, w, h, log)
                                                          : target_open_software(&target, w, h, log))) {
        goto done;
    }
    renderer = target.renderer;
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
    shooter.renderer = renderer;
    shooter.screen = screen;
    shooter.content = choice.content;
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
    target_close(&target);
    fonts_unload(fonts);
    IMG_Quit();
    TTF_Quit();
    SDL_Quit();
    return status;
}
