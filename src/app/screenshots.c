/* screenshots.c — headless output: every slide of every section in every language, the
 * first brands' details, the members search with the keyboard open, each story's reading
 * page (at its top and scrolled to its end), the reading page of every text a slide
 * shortened ("Read more", top and end), and the attract view, rendered with SDL's
 * software renderer onto a plain surface (no display, no video driver) and saved as PNG. See app_screenshots().
 * With --renderer opengles2 the same slides go through SDL's OpenGL ES 2 renderer (the Pi's)
 * instead, on a hidden window, into a target texture of the shot's size: that needs a display
 * (tests/render/screenshots.sh --gles2 uses Xvfb and Mesa's llvmpipe). */
#define _POSIX_C_SOURCE 200809L
#include "app/app.h"

#include "app/pack_loader.h"
#include "app/paths.h"
#include "core/cue.h"
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
#include <stdlib.h>
#include <string.h>
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

/* One screenshot to take: what to draw and its name without the number. */
typedef struct Shot {
    DeckFrame frame;
    bool search; /* the members pages for frame.members (the search), not for everyone */
    char name[96];
} Shot;

typedef struct ShotList {
    Shot *shots;
    size_t count;
    size_t capacity;
} ShotList;

static bool add_shot(ShotList *list, const DeckFrame *frame, const char *name)
{
    if (list->count == list->capacity) {
        size_t capacity = list->capacity ? list->capacity * 2 : 64;
        Shot *grown = realloc(list->shots, capacity * sizeof *grown);
        if (!grown) {
            return false;
        }
        list->shots = grown;
        list->capacity = capacity;
    }
    list->shots[list->count].frame = *frame;
    list->shots[list->count].search = false;
    snprintf(list->shots[list->count].name, sizeof list->shots[list->count].name, "%s", name);
    list->count++;
    return true;
}

/* A reading page at its top, and scrolled to its end as NAME-end when it scrolls. */
static bool add_reading(Shooter *s, ShotList *list, DeckFrame frame, const char *name)
{
    bool ok = add_shot(list, &frame, name);
    float extent = 0.0f;
    float viewport = 0.0f;
    if (ok && screen_scroll_extent(s->screen, frame.slide, frame.lang, &extent, &viewport) && extent > 0.0f) {
        char end[96];
        snprintf(end, sizeof end, "%s-end", name);
        frame.scroll_px = extent;
        frame.scroll_extent = extent;
        ok = add_shot(list, &frame, end);
    }
    return ok;
}

/* "Find my meetings" with a company's name typed (the other party of the day's first public
 * meeting, digits and all, in the script of the language's keyboard): the keyboard open
 * with the meetings found above it, then closed, each found meeting with its QR code. */
static bool add_event_search(Shooter *s, Lang lang, ShotList *list)
{
    const char *name = NULL;
    for (size_t i = 0; i < s->content->meeting_count && !name; i++) {
        const Meeting *m = &s->content->meetings[i];
        if (m->event == s->plan->event.event && m->privacy == MEETING_PUBLIC && m->party_b) {
            name = plan_event_party_name(s->content, m->party_b);
        }
    }
    if (!name) {
        return true;
    }
    DeckFrame frame = interactive_frame(s->plan, SECTION_EVENT, 0, -1, lang);
    frame.members = (DeckMembers){.kind = DIRECTORY_ALL_KINDS, .revision = 1};
    char *cyrillic = lang == LANG_SR_CYRL ? translit_latin_to_cyrillic(name) : NULL;
    snprintf(frame.members.query, sizeof frame.members.query, "%s", cyrillic ? cyrillic : name);
    free(cyrillic);
    frame.members.keyboard = lang == LANG_SR_CYRL ? DECK_KEYBOARD_CYRILLIC : DECK_KEYBOARD_LATIN;
    bool ok = add_shot(list, &frame, "event-find");
    if (ok) {
        list->shots[list->count - 1].search = true;
        frame.members.keyboard = DECK_KEYBOARD_CLOSED;
        frame.members.revision = 2;
        ok = add_shot(list, &frame, "event-found");
    }
    if (ok) {
        list->shots[list->count - 1].search = true;
    }
    return ok;
}

/* Every shot of lang in slide order: the pages, the brands, the stories (top and end), then
 * the reading pages of the texts the pages shortened, which drawing each page tells. */
static bool list_shots(Shooter *s, Lang lang, ShotList *list)
{
    bool ok = true;
    char name[96];
    SlideRef *shortened = NULL;
    size_t shortened_count = 0;
    size_t shortened_capacity = 0;
    for (int section = 0; section < SECTION_COUNT && ok; section++) {
        for (int page = 0; page < s->plan->page_count[section] && ok; page++) {
            DeckFrame frame = interactive_frame(s->plan, (SectionId)section, page, -1, lang);
            snprintf(name, sizeof name, "%s-%d", deck_section_name((SectionId)section), page + 1);
            ok = add_shot(list, &frame, name);
            screen_draw(s->screen, &frame, NULL);
            size_t count = 0;
            const HitRegion *hits = screen_hits(s->screen, &count);
            for (size_t i = 0; i < count && ok; i++) {
                SlideRef ref = {(SectionId)section, page, hits[i].command.arg.index};
                if (hits[i].command.kind != DECK_CMD_OPEN_DETAIL || deck_detail_kind(ref) != DETAIL_TEXT) {
                    continue;
                }
                if (shortened_count == shortened_capacity) {
                    shortened_capacity = shortened_capacity ? shortened_capacity * 2 : 32;
                    SlideRef *grown = realloc(shortened, shortened_capacity * sizeof *grown);
                    ok = grown != NULL;
                    shortened = grown ? grown : shortened;
                }
                if (ok) {
                    shortened[shortened_count++] = ref;
                }
            }
        }
    }
    for (int detail = 0; detail < s->plan->visible_count[PLAN_MEMBERS] && detail < SHOT_MAX_DETAILS && ok; detail++) {
        DeckFrame frame = interactive_frame(s->plan, SECTION_MEMBERS, 0, detail, lang);
        snprintf(name, sizeof name, "members-detail-%d", detail + 1);
        ok = add_shot(list, &frame, name);
    }
    if (s->plan->page_count[SECTION_MEMBERS] > 0 && ok) {
        /* The members search: the keyboard of the language open with a query typed. */
        DeckFrame frame = interactive_frame(s->plan, SECTION_MEMBERS, 0, -1, lang);
        frame.members = (DeckMembers){.kind = DIRECTORY_ALL_KINDS, .revision = 1};
        search_query(s->plan, lang, frame.members.query, sizeof frame.members.query);
        frame.members.keyboard = lang == LANG_SR_CYRL ? DECK_KEYBOARD_CYRILLIC : DECK_KEYBOARD_LATIN;
        ok = add_shot(list, &frame, "members-search");
        if (ok) {
            list->shots[list->count - 1].search = true;
        }
    }
    if (s->plan->page_count[SECTION_EVENT] > 0 && ok) {
        ok = add_event_search(s, lang, list);
    }
    for (int story = 0; story < s->plan->visible_count[PLAN_STORIES] && ok; story++) {
        snprintf(name, sizeof name, "stories-detail-%d", story + 1);
        ok = add_reading(s, list, interactive_frame(s->plan, SECTION_STORIES, 0, story, lang), name);
    }
    for (size_t i = 0; i < shortened_count && ok; i++) {
        SlideRef ref = shortened[i];
        snprintf(name, sizeof name, "%s-%d-text-%d", deck_section_name(ref.section), ref.page + 1, ref.detail + 1);
        ok = add_reading(s, list, interactive_frame(s->plan, ref.section, ref.page, ref.detail, lang), name);
    }
    free(shortened);
    return ok;
}

static void shoot_language(Shooter *s, Lang lang)
{
    ShotList list = {0};
    DeckMembers everyone = {.kind = DIRECTORY_ALL_KINDS};
    show_members(s, &everyone, lang);
    if (!list_shots(s, lang, &list)) {
        log_write(s->log, LOG_ERROR, "screenshots", "out of memory");
        s->failed = true;
        free(list.shots);
        return;
    }
    /* The numbers that start the file names all have the same width (at least 2), so that
     * `ls` lists the files in slide order however many there are. */
    int width = 1;
    for (size_t last = list.count; last >= 10; last /= 10) {
        width++;
    }
    width = width < 2 ? 2 : width > 9 ? 9 : width;
    char name[sizeof list.shots[0].name + 32];
    for (size_t i = 0; i < list.count; i++) {
        snprintf(name, sizeof name, "%0*d-%s", width, (int)(i + 1), list.shots[i].name);
        if (list.shots[i].search) {
            show_members(s, &list.shots[i].frame.members, lang);
            list.shots[i].frame.section_pages = s->plan->page_count[list.shots[i].frame.slide.section];
        }
        shoot(s, &list.shots[i].frame, name);
        if (list.shots[i].search) {
            show_members(s, &everyone, lang);
        }
    }
    free(list.shots);
    DeckFrame attract = interactive_frame(s->plan, SECTION_ABOUT, 0, -1, lang);
    attract.mode = DECK_MODE_ATTRACT;
    attract.show_chrome = false;
    attract.show_progress = true;
    attract.attract_progress = 0.375f;
    /* The call to touch half way through its turn in this language. */
    screen_set_invite_ms(s->screen, (uint64_t)lang * CUE_LANG_MS + CUE_LANG_MS / 2);
    snprintf(name, sizeof name, "%0*d-attract", width, 0);
    shoot(s, &attract, name);
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
    /* The slides as they would be at --fake-clock's time (the system's without it). */
    ClockWall wall;
    clock_wall_real(&wall);
    if (options->fake_clock[0] != '\0' &&
        !clock_wall_fake(&wall, options->fake_clock, 1, clock_now_ms(), why, sizeof why)) {
        log_write(log, LOG_ERROR, "screenshots", "--fake-clock %s %s", options->fake_clock, why);
        goto done;
    }
    int64_t wall_s = clock_wall_ms(&wall, clock_now_ms()) / 1000;
    char date[20];
    clock_local_text(wall_s, date, sizeof date);
    date[10] = '\0'; /* "YYYY-MM-DD" of "YYYY-MM-DD HH:MM:SS" */
    if (!plan_create(&plan, choice.content, date, plan_capacity(h > w))) {
        goto done;
    }
    if (options->profile == OPTIONS_PROFILE_LOBBY) {
        plan_add_event(&plan, choice.content, wall_s, clock_wall_trusted(wall.fake, NULL));
    } else {
        plan_add_event_section(&plan, choice.content, wall_s, clock_wall_trusted(wall.fake, NULL));
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
    shooter.content = choice.content;
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
