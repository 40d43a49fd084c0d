/* The lobby's event slides kept up to date each second in SDL's software renderer (render/
 * screen.h: screen_event_tick, screen_draw_ticks): while the slides look the same (the same
 * round, sessions, announcement) only the areas that count with the clock are painted again
 * and drawn, and the frame is then, to the pixel, the frame a fresh painting at the new
 * instant gives; the rest of the frame and the other slides are not touched. A round turning
 * or an announcement coming asks for the whole frame. A fictional event (example names). */
#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "content/loader.h"
#include "core/event_time.h"
#include "render/fonts.h"
#include "render/plan.h"
#include "render/screen.h"
#include "target_pixels.h"
#include "support/fixture.h"

#include <SDL2/SDL.h>
#include <SDL2/SDL_ttf.h>

enum { W = 960, H = 540 };

typedef struct Fixture {
    char *dir;
    Content *content;
    SlidePlan plan;
    Fonts *fonts;
    SDL_Surface *target;
    SDL_Renderer *renderer;
    Screen *screen;
} Fixture;

static EventInstant at(const char *utc)
{
    EventInstant t = 0;
    assert_true(event_instant_parse(utc, &t));
    return t;
}

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    assert_int_equal(SDL_Init(0), 0);
    assert_int_equal(TTF_Init(), 0);
    f->dir = fixture_tempdir();
    fixture_sources(f->dir);
    /* Europe/Belgrade (local = UTC + 2 in September); rounds 10:00-10:20 and 10:25-10:45. */
    fixture_event_sources(f->dir);
    fixture_write(f->dir, "sessions.csv",
                  "id,event,starts,ends,room_en,room_sr_latn,title_en,title_sr_latn,kind\n"
                  "talk,day,2026-09-17T10:30,2026-09-17T11:00,Hall B,Hala B,Example talk,Primer predavanja,talk\n",
                  (size_t)-1);
    fixture_write(f->dir, "announcements.csv",
                  "id,text_en,text_sr_latn,from,until\n"
                  "coffee,Coffee in hall C,Kafa u hali C,2026-09-17T10:10,2026-09-17T10:12\n", (size_t)-1);
    char *pack = fixture_build_pack(f->dir);
    assert_int_equal(content_load(pack, NULL, &f->content), CONTENT_OK);
    free(pack);
    assert_true(plan_create(&f->plan, f->content, "2026-09-17", plan_capacity(false)));
    plan_add_event(&f->plan, f->content, at("2026-09-17T08:05:00Z"), true);
    assert_non_null(f->plan.event.event);
    assert_int_equal(f->plan.pages[SECTION_ABOUT][0].kind, SLIDE_EVENT_NOW);
    assert_int_equal(f->plan.pages[SECTION_ABOUT][1].kind, SLIDE_EVENT_BOARD);
    SoftTarget soft = {0};
    bool opened = soft_target_open(&soft, W, H);
    f->fonts = soft.fonts;
    f->target = soft.surface;
    f->renderer = soft.renderer;
    assert_true(opened);
    f->screen = screen_create(f->renderer, f->fonts, W, H, false, NULL, NULL); /* a lobby */
    assert_non_null(f->screen);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    screen_destroy(f->screen);
    SDL_DestroyRenderer(f->renderer);
    SDL_FreeSurface(f->target);
    fonts_unload(f->fonts);
    plan_destroy(&f->plan);
    content_unload(f->content);
    fixture_remove_tree(f->dir);
    free(f);
    TTF_Quit();
    SDL_Quit();
    return 0;
}

/* The attract loop standing on ABOUT's page (0: now and next, 1: the board, 2: the profile's). */
static DeckFrame still(const Fixture *f, int page)
{
    return (DeckFrame){
        .mode = DECK_MODE_ATTRACT,
        .slide = {SECTION_ABOUT, page, -1},
        .lang = LANG_EN,
        .section_pages = f->plan.page_count[SECTION_ABOUT],
        .progress = 1.0f,
    };
}

/* The frame of page as painted afresh at now (drawn twice: the second from the cache). */
static uint32_t *fresh(Fixture *f, int page, EventInstant now)
{
    f->plan.event.now = now;
    screen_set_content(f->screen, f->content, &f->plan);
    DeckFrame frame = still(f, page);
    screen_draw(f->screen, &frame, NULL);
    screen_draw(f->screen, &frame, NULL);
    uint32_t *pixels = target_pixels(f->renderer, f->target);
    assert_non_null(pixels);
    return pixels;
}

static size_t painted(const Fixture *f)
{
    ScreenStats s = {0};
    screen_stats(f->screen, &s);
    return s.slides_painted;
}

static bool inside(const SDL_Rect *areas, int count, int x, int y)
{
    SDL_Point point = {x, y};
    for (int i = 0; i < count; i++) {
        if (SDL_PointInRect(&point, &areas[i])) {
            return true;
        }
    }
    return false;
}

/* page shown at from, the clock moved on to to (the same look): only the areas that count are
 * painted and drawn again, they are not a quarter of the frame, something in them changed
 * (changes), nothing outside them did, and the frame is the fresh painting at to. */
static void check_tick(Fixture *f, int page, const char *from, const char *to, bool changes)
{
    uint32_t *want = fresh(f, page, at(to));
    uint32_t *before = fresh(f, page, at(from));
    size_t painted_before = painted(f);
    f->plan.event.now = at(to);
    assert_false(screen_event_tick(f->screen));
    assert_true(screen_ticks_pending(f->screen));
    DeckFrame frame = still(f, page);
    SDL_Rect areas[SCREEN_MAX_TICK_AREAS];
    int count = 0;
    assert_true(screen_draw_ticks(f->screen, &frame, NULL, areas, &count));
    assert_false(screen_ticks_pending(f->screen));
    assert_int_equal(painted(f), painted_before); /* no slide painted whole */
    assert_true(count >= 1 && count <= SCREEN_MAX_TICK_AREAS);
    long area_px = 0;
    for (int i = 0; i < count; i++) {
        area_px += (long)areas[i].w * areas[i].h;
    }
    assert_true(area_px > 0 && area_px * 4 < (long)W * H);
    uint32_t *got = target_pixels(f->renderer, f->target);
    assert_non_null(got);
    bool changed = false;
    for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
            size_t i = (size_t)y * W + (size_t)x;
            if (!inside(areas, count, x, y)) {
                assert_int_equal(got[i], before[i]);
            } else {
                changed = changed || got[i] != before[i];
            }
        }
    }
    assert_true(changed == changes);
    assert_memory_equal(got, want, (size_t)W * H * sizeof *got);
    free(got);
    free(before);
    free(want);
}

static void test_countdown_second_redraws_its_areas(void **state)
{
    /* 10:22 local: "Example talk" starts in 8:00, then 7:59 (m:ss under ten minutes). */
    check_tick(*state, 0, "2026-09-17T08:22:00Z", "2026-09-17T08:22:01Z", true);
    /* 10:05 local: it starts "in 25 min", whole minutes: a second changes nothing. */
    check_tick(*state, 0, "2026-09-17T08:05:00Z", "2026-09-17T08:05:01Z", false);
}

static void test_clock_minute_redraws_its_areas(void **state)
{
    /* The clock turns 10:05 → 10:06 on now and next and on the board ("ends in" moves on). */
    check_tick(*state, 0, "2026-09-17T08:05:59Z", "2026-09-17T08:06:00Z", true);
    check_tick(*state, 1, "2026-09-17T08:05:59Z", "2026-09-17T08:06:00Z", true);
}

static void test_board_between_rounds_counts_down(void **state)
{
    /* 10:21:30 local: "Round 2 starts in 3:30", then 3:29. */
    check_tick(*state, 1, "2026-09-17T08:21:30Z", "2026-09-17T08:21:31Z", true);
}

static void test_same_second_draws_the_same(void **state)
{
    /* Within a round a second that changes no text still comes out the same to the pixel. */
    check_tick(*state, 1, "2026-09-17T08:05:00Z", "2026-09-17T08:05:01Z", false);
}

/* page shown at from, the clock moved on to to: the whole frame is asked for, and the next
 * full frame is the fresh painting at to. */
static void check_whole(Fixture *f, int page, const char *from, const char *to)
{
    uint32_t *want = fresh(f, page, at(to));
    free(fresh(f, page, at(from)));
    f->plan.event.now = at(to);
    assert_true(screen_event_tick(f->screen));
    assert_false(screen_ticks_pending(f->screen));
    DeckFrame frame = still(f, page);
    screen_draw(f->screen, &frame, NULL);
    uint32_t *got = target_pixels(f->renderer, f->target);
    assert_non_null(got);
    assert_memory_equal(got, want, (size_t)W * H * sizeof *got);
    free(got);
    free(want);
}

static void test_round_turning_draws_whole(void **state)
{
    check_whole(*state, 1, "2026-09-17T08:19:59Z", "2026-09-17T08:20:00Z"); /* round 1 ends */
    check_whole(*state, 1, "2026-09-17T08:24:59Z", "2026-09-17T08:25:00Z"); /* round 2 begins */
    check_whole(*state, 0, "2026-09-17T08:29:59Z", "2026-09-17T08:30:00Z"); /* the talk begins */
}

static void test_announcement_draws_whole(void **state)
{
    check_whole(*state, 0, "2026-09-17T08:09:59Z", "2026-09-17T08:10:00Z"); /* the banner comes */
    check_whole(*state, 2, "2026-09-17T08:11:59Z", "2026-09-17T08:12:00Z"); /* ... and goes, over every slide */
}

static void test_other_slides_stay_as_painted(void **state)
{
    Fixture *f = *state;
    /* The profile's own page on screen: the tick paints nothing of it and asks for nothing. */
    free(fresh(f, 2, at("2026-09-17T08:05:00Z")));
    size_t painted_before = painted(f);
    f->plan.event.now = at("2026-09-17T08:05:01Z");
    assert_false(screen_event_tick(f->screen));
    assert_false(screen_ticks_pending(f->screen));
    assert_int_equal(painted(f), painted_before);
}

/* The attract loop about to fade from now and next into the board: now and next is kept only
 * where the two differ, over the board (screen_prefetch_successor). A tick then still gives
 * the fresh frame, and so does the board after a fade that a tick fell in. */
static void test_kept_slides_tick_right(void **state)
{
    Fixture *f = *state;
    uint32_t *want = fresh(f, 0, at("2026-09-17T08:05:01Z"));
    free(fresh(f, 0, at("2026-09-17T08:05:00Z")));
    screen_prefetch_successor(f->screen, (SlideRef){SECTION_ABOUT, 1, -1}, LANG_EN);
    ScreenStats s = {0};
    screen_stats(f->screen, &s);
    assert_int_equal(s.kept_slides, 1);
    f->plan.event.now = at("2026-09-17T08:05:01Z");
    assert_false(screen_event_tick(f->screen));
    DeckFrame frame = still(f, 0);
    SDL_Rect areas[SCREEN_MAX_TICK_AREAS];
    int count = 0;
    assert_true(screen_draw_ticks(f->screen, &frame, NULL, areas, &count));
    uint32_t *got = target_pixels(f->renderer, f->target);
    assert_non_null(got);
    assert_memory_equal(got, want, (size_t)W * H * sizeof *got);
    free(got);
    free(want);

    /* Kept again, then the fade, and a tick in its middle: nothing painted until it is over. */
    want = fresh(f, 1, at("2026-09-17T08:06:00Z")); /* the clock turns 10:05 → 10:06 in the fade */
    free(fresh(f, 0, at("2026-09-17T08:05:59Z")));
    screen_prefetch_successor(f->screen, (SlideRef){SECTION_ABOUT, 1, -1}, LANG_EN);
    DeckFrame fade = still(f, 1);
    fade.transition = TRANSITION_CROSSFADE;
    fade.from = (SlideRef){SECTION_ABOUT, 0, -1};
    fade.from_lang = LANG_EN;
    fade.progress = 0.5f;
    screen_draw(f->screen, &fade, NULL);
    size_t painted_before = painted(f);
    f->plan.event.now = at("2026-09-17T08:06:00Z");
    assert_false(screen_event_tick(f->screen));
    assert_false(screen_ticks_pending(f->screen));
    assert_int_equal(painted(f), painted_before);
    DeckFrame end = still(f, 1);
    screen_draw(f->screen, &end, NULL);
    got = target_pixels(f->renderer, f->target);
    assert_non_null(got);
    assert_memory_equal(got, want, (size_t)W * H * sizeof *got);
    free(got);
    free(want);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_countdown_second_redraws_its_areas, setup, teardown),
        cmocka_unit_test_setup_teardown(test_clock_minute_redraws_its_areas, setup, teardown),
        cmocka_unit_test_setup_teardown(test_board_between_rounds_counts_down, setup, teardown),
        cmocka_unit_test_setup_teardown(test_same_second_draws_the_same, setup, teardown),
        cmocka_unit_test_setup_teardown(test_round_turning_draws_whole, setup, teardown),
        cmocka_unit_test_setup_teardown(test_announcement_draws_whole, setup, teardown),
        cmocka_unit_test_setup_teardown(test_other_slides_stay_as_painted, setup, teardown),
        cmocka_unit_test_setup_teardown(test_kept_slides_tick_right, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
