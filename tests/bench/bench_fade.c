/* Benchmark (prints figures, asserts nothing): the cost of composing one cross-fade frame in
 * SDL's software renderer at 1920x1080, as the kiosk does on a machine without a GPU: two
 * cached slides of a pack blended onto an opaque XRGB surface (the format of an X11 window),
 * chrome and the attract progress line over them. The present (X11's copy of the frame) is
 * not part of it; tests/bench/bench_display.sh measures the whole kiosk.
 * Run: build/release/tests/bench/bench_fade [PACK] [FRAMES]
 * A figure that does not depend on the machine's load: instructions per frame,
 *   valgrind --tool=callgrind --toggle-collect=screen_draw build/release/tests/bench/bench_fade PACK 60
 * then the "Collected" count divided by FRAMES. */
#define _POSIX_C_SOURCE 200809L
#include "app/pack_loader.h"
#include "app/paths.h"
#include "platform/log.h"
#include "render/fonts.h"
#include "render/plan.h"
#include "render/screen.h"

#include <SDL2/SDL.h>
#include <SDL2/SDL_image.h>
#include <SDL2/SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

enum { W = 1920, H = 1080, DEFAULT_FRAMES = 120, MAX_FRAMES = 10000 };

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1000.0 + (double)t.tv_nsec / 1e6;
}

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a;
    double y = *(const double *)b;
    return (x > y) - (x < y);
}

static double quantile(const double *sorted, int count, double q)
{
    int index = (int)(q * (count - 1) + 0.5);
    return sorted[index];
}

static DeckFrame frame_on(const SlidePlan *plan, int page)
{
    return (DeckFrame){
        .mode = DECK_MODE_ATTRACT,
        .slide = {SECTION_ABOUT, page, -1},
        .lang = LANG_EN,
        .section_pages = plan->page_count[SECTION_ABOUT],
        .progress = 1.0f,
        .show_progress = true,
        .attract_progress = 0.5f,
    };
}

int main(int argc, char **argv)
{
    int status = 1;
    KioskPaths paths;
    paths_find(&paths);
    const char *pack_path = argc > 1 ? argv[1] : paths.bundled_pack;
    int frames = argc > 2 ? atoi(argv[2]) : DEFAULT_FRAMES;
    frames = frames < 2 ? 2 : frames > MAX_FRAMES ? MAX_FRAMES : frames;
    Log log;
    log_create(&log, stderr, LOG_WARN, LOG_STYLE_TERMINAL);
    char why[512] = "";
    char problem[512] = "";
    Fonts *fonts = NULL;
    Content *content = NULL;
    SlidePlan plan = {0};
    SDL_Surface *target = NULL;
    SDL_Renderer *renderer = NULL;
    Screen *screen = NULL;
    double *took = calloc((size_t)frames, sizeof *took);
    if (!took || SDL_Init(0) != 0 || TTF_Init() != 0) {
        fprintf(stderr, "bench_fade: cannot start SDL\n");
        goto done;
    }
    IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);
    fonts = fonts_load(paths.fonts_dir, why, sizeof why);
    content = pack_load_logged(pack_path, &log, problem, sizeof problem);
    if (!fonts || !content || !plan_create(&plan, content, "2026-01-15", plan_capacity(false)) ||
        plan.page_count[SECTION_ABOUT] < 2) {
        fprintf(stderr, "bench_fade: no fonts or no pack with two About pages (%s%s)\n", why, problem);
        goto done;
    }
    target = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_RGB888);
    renderer = target ? SDL_CreateSoftwareRenderer(target) : NULL;
    screen = renderer ? screen_create(renderer, fonts, W, H, true, NULL, NULL) : NULL;
    if (!screen) {
        fprintf(stderr, "bench_fade: %s\n", SDL_GetError());
        goto done;
    }
    screen_set_content(screen, content, &plan);
    /* On screen: page 1, painted ahead: page 2, as in the attract loop. */
    DeckFrame first = frame_on(&plan, 0);
    double paint_start = now_ms();
    screen_draw(screen, &first, NULL);
    screen_draw(screen, &first, NULL);
    screen_prefetch(screen, (SlideRef){SECTION_ABOUT, 1, -1}, LANG_EN);
    SDL_RenderFlush(renderer);
    double paint_ms = now_ms() - paint_start;
    for (int i = 0; i < frames; i++) {
        DeckFrame fade = frame_on(&plan, 1);
        fade.transition = TRANSITION_CROSSFADE;
        fade.from = first.slide;
        fade.from_lang = LANG_EN;
        fade.progress = (float)(i % 20) / 20.0f;
        double start = now_ms();
        screen_draw(screen, &fade, NULL);
        SDL_RenderFlush(renderer); /* the software renderer draws its queue here */
        took[i] = now_ms() - start;
    }
    qsort(took, (size_t)frames, sizeof *took, compare_double);
    printf("bench_fade: %dx%d software renderer onto XRGB, %d cross-fade frames: p50 %.2f ms p95 %.2f ms "
           "max %.2f ms (first frame, its cached copy and the next slide painted in %.1f ms)\n",
           W, H, frames, quantile(took, frames, 0.5), quantile(took, frames, 0.95), took[frames - 1], paint_ms);
    status = 0;
done:
    screen_destroy(screen);
    if (renderer) {
        SDL_DestroyRenderer(renderer);
    }
    SDL_FreeSurface(target);
    plan_destroy(&plan);
    content_unload(content);
    fonts_unload(fonts);
    free(took);
    IMG_Quit();
    TTF_Quit();
    SDL_Quit();
    return status;
}
