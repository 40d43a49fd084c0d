/* acceptance.c — loader, image and render checks of a staged pack; see acceptance.h. */
#include "app/acceptance.h"

#include "app/pack_loader.h"
#include "core/ui_text.h"
#include "content/schema.h"
#include "platform/clock.h"
#include "render/plan.h"
#include "render/screen.h"

#include <SDL2/SDL.h>
#include <SDL2/SDL_image.h>
#include <stdio.h>

enum {
    TEST_RENDER_W = 640,
    TEST_RENDER_H = 360,
    /* Shares of the progress, in percent: loading, decoding the images; the test render has the rest. */
    LOADED_SHARE = 10,
    DECODED_SHARE = 80,
};

void acceptance_summary(const Content *content, Lang lang, char *out, size_t size)
{
    /* The format is a literal in the kiosk's words table (core/ui_text.c). */
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
    snprintf(out, size, ui_text(UI_PACK_SUMMARY, lang), (long long)content->pack.version, content->member_count,
             content->story_count);
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
}

static bool report_progress(Acceptance *a, double fraction, char *why, size_t size)
{
    if (a->progress && !a->progress(a->progress_ctx, fraction)) {
        snprintf(why, size, "cancelled");
        a->cancelled = true;
        return false;
    }
    return true;
}

/* Decodes every image, as the display would, and checks it is the size it declares. The
 * loader kept their pixels within SCHEMA_MAX_TOTAL_PIXELS, which bounds the time this takes. */
static bool images_decode(Acceptance *a, const Content *content, char *why, size_t size)
{
    for (size_t i = 0; i < content->image_count; i++) {
        const ContentImage *image = &content->images[i];
        SDL_RWops *rw = SDL_RWFromConstMem(image->data.bytes, (int)image->data.size);
        SDL_Surface *surface = rw ? IMG_LoadTyped_RW(rw, 1, image->format == IMAGE_FORMAT_JPEG ? "JPG" : "PNG") : NULL;
        bool ok = surface && surface->w == image->width && surface->h == image->height;
        SDL_FreeSurface(surface);
        if (!ok) {
            snprintf(why, size, "image %s cannot be decoded", image->name);
            return false;
        }
        double decoded = (double)(i + 1) / (double)content->image_count;
        if (!report_progress(a, (LOADED_SHARE + DECODED_SHARE * decoded) / 100.0, why, size)) {
            return false;
        }
    }
    return true;
}

/* True when the surface holds more than one colour: something was drawn on the background. */
static bool surface_has_content(SDL_Surface *surface)
{
    const Uint32 *pixels = surface->pixels;
    Uint32 first = pixels[0];
    size_t count = (size_t)surface->pitch / 4 * (size_t)surface->h;
    size_t different = 0;
    for (size_t i = 0; i < count; i++) {
        different += pixels[i] != first;
    }
    return different > count / 200;
}

static bool test_render(Acceptance *a, const Content *content, char *why, size_t size)
{
    SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(0, TEST_RENDER_W, TEST_RENDER_H, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *renderer = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
    Screen *screen = renderer ? screen_create(renderer, a->fonts, TEST_RENDER_W, TEST_RENDER_H, true, NULL, NULL) : NULL;
    SlidePlan plan = {0};
    char today[16];
    clock_today(today, sizeof today);
    bool ok = screen && plan_create(&plan, content, today, plan_capacity(false));
    if (ok) {
        screen_set_content(screen, content, &plan);
        for (int lang = 0; ok && lang < LANG_COUNT; lang++) {
            DeckFrame frame = {.mode = DECK_MODE_INTERACTIVE, .slide = {SECTION_ABOUT, 0, -1}, .lang = (Lang)lang,
                               .section_pages = plan.page_count[SECTION_ABOUT], .progress = 1.0f, .show_chrome = true};
            screen_draw(screen, &frame, NULL);
            ok = surface_has_content(surface);
            if (!ok) {
                snprintf(why, size, "the first slide in %s renders empty", lang_tag((Lang)lang));
            }
        }
    } else {
        snprintf(why, size, "cannot test-render the pack: %s", SDL_GetError());
    }
    plan_destroy(&plan);
    screen_destroy(screen);
    if (renderer) {
        SDL_DestroyRenderer(renderer);
    }
    SDL_FreeSurface(surface);
    return ok;
}

void acceptance_check(void *ctx, const char *staged_path, UpdateAcceptResult *out)
{
    Acceptance *a = ctx;
    *out = (UpdateAcceptResult){0};
    a->cancelled = false;
    content_unload(a->content); /* not taken after an earlier check */
    a->content = NULL;
    Content *content = NULL;
    if (report_progress(a, 0.0, out->why, sizeof out->why)) {
        content = pack_load_logged(staged_path, a->log, out->why, sizeof out->why);
    }
    if (!content) {
        out->cancelled = a->cancelled;
        return;
    }
    out->pack_version = content->pack.version;
    out->ok = report_progress(a, LOADED_SHARE / 100.0, out->why, sizeof out->why) &&
              images_decode(a, content, out->why, sizeof out->why) && test_render(a, content, out->why, sizeof out->why);
    out->cancelled = a->cancelled;
    if (out->ok) {
        acceptance_summary(content, LANG_EN, out->summary, sizeof out->summary);
    }
    if (out->ok && a->keep_content) {
        a->content = content;
    } else {
        content_unload(content);
    }
}
