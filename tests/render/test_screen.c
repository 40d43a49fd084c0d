/* Screen composition in SDL's software renderer, drawing onto an opaque XRGB surface as on an
 * X11 window: the slide cache holds only what a transition needs (and never drops the slide a
 * transition starts from), slides are opaque, the first frame needs no slide texture, and the
 * composed frames are the right pixels: a cross-fade is the blend of its two slides (blended
 * only where they differ, and still right everywhere), a slide
 * transition puts them side by side, a drag without a neighbour shows the background. */
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
#include "render/fonts.h"
#include "render/plan.h"
#include "render/screen.h"
#include "target_pixels.h"
#include "support/fixture.h"

#include <SDL2/SDL.h>
#include <SDL2/SDL_ttf.h>

enum { W = 480, H = 270 };

typedef struct Fixture {
    char *dir;
    Content *content;
    SlidePlan plan;
    Fonts *fonts;
    SDL_Surface *target;
    SDL_Renderer *renderer;
    Screen *screen;
} Fixture;

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    assert_int_equal(SDL_Init(0), 0);
    assert_int_equal(TTF_Init(), 0);
    f->dir = fixture_tempdir();
    fixture_sources(f->dir);
    /* A story long enough to scroll even on this small screen. */
    char stories[4096] = "id,title_en,title_sr_latn,place_en,place_sr_latn,years,body_en,body_sr_latn,photo,show_from,"
                         "show_until\nfair,Example Fair,Primer sajma,Example City,Primer grad,2011,";
    for (int i = 0; i < 40; i++) {
        strcat(stories, "We were there and showed our examples. ");
    }
    strcat(stories, ",Bili smo tamo.,,,\n");
    fixture_write(f->dir, "stories.csv", stories, (size_t)-1);
    char *pack = fixture_build_pack(f->dir);
    assert_int_equal(content_load(pack, NULL, &f->content), CONTENT_OK);
    free(pack);
    assert_true(plan_create(&f->plan, f->content, "2026-11-26", plan_capacity(false)));
    /* At least four About pages: A, B, C, D below. */
    assert_true(f->plan.page_count[SECTION_ABOUT] >= 4);
    SoftTarget soft = {0};
    bool opened = soft_target_open(&soft, W, H);
    f->fonts = soft.fonts;
    f->target = soft.surface;
    f->renderer = soft.renderer;
    assert_true(opened);
    f->screen = screen_create(f->renderer, f->fonts, W, H, true, NULL, NULL);
    assert_non_null(f->screen);
    screen_set_content(f->screen, f->content, &f->plan);
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

static SlideRef about(int page)
{
    return (SlideRef){SECTION_ABOUT, page, -1};
}

/* An attract frame on page, or a transition to it from another page. */
static DeckFrame still(const Fixture *f, int page)
{
    return (DeckFrame){
        .mode = DECK_MODE_ATTRACT,
        .slide = about(page),
        .lang = LANG_EN,
        .section_pages = f->plan.page_count[SECTION_ABOUT],
        .progress = 1.0f,
    };
}

static DeckFrame moving(const Fixture *f, TransitionKind kind, int from, int to, float progress)
{
    DeckFrame frame = still(f, to);
    frame.transition = kind;
    frame.from = about(from);
    frame.from_lang = LANG_EN;
    frame.progress = progress;
    return frame;
}

/* A copy of the target's pixels (0x00RRGGBB). */
static uint32_t *read_target(Fixture *f)
{
    uint32_t *pixels = target_pixels(f->renderer, f->target);
    assert_non_null(pixels);
    return pixels;
}

/* Draws frame and returns a copy of the target's pixels. */
static uint32_t *draw(Fixture *f, const DeckFrame *frame)
{
    screen_draw(f->screen, frame, NULL);
    return read_target(f);
}

static ScreenStats stats(const Fixture *f)
{
    ScreenStats s = {0};
    screen_stats(f->screen, &s);
    return s;
}

/* The rows of the slides' own content: below the top chrome, above the footer (both drawn
 * over the slides from the current frame, so not part of the slides' blend). */
static void body_rows(const Fixture *f, int *y0, int *y1)
{
    const Metrics *m = screen_metrics(f->screen);
    *y0 = m->body.y;
    *y1 = m->footer.y;
    assert_true(*y0 > 0 && *y1 > *y0 && *y1 <= H);
}

static int channel(uint32_t pixel, int shift)
{
    return (int)((pixel >> shift) & 0xFF);
}

/* The largest distance, in any channel of the slides' own rows, of frame from the blend of a
 * and b with b's weight t (0..1). */
static int worst_blend_error(const Fixture *f, const uint32_t *a, const uint32_t *b, const uint32_t *frame, float t)
{
    int y0 = 0;
    int y1 = 0;
    body_rows(f, &y0, &y1);
    int worst = 0;
    for (int y = y0; y < y1; y++) {
        for (int x = 0; x < W; x++) {
            size_t i = (size_t)y * W + x;
            for (int shift = 0; shift <= 16; shift += 8) {
                float want = (float)channel(a[i], shift) * (1.0f - t) + (float)channel(b[i], shift) * t;
                int off = abs(channel(frame[i], shift) - (int)(want + 0.5f));
                worst = off > worst ? off : worst;
            }
        }
    }
    return worst;
}

/* Whether frame shows the slides' own rows of want exactly. */
static bool body_equal(const Fixture *f, const uint32_t *want, const uint32_t *frame)
{
    int y0 = 0;
    int y1 = 0;
    body_rows(f, &y0, &y1);
    return memcmp(want + (size_t)y0 * W, frame + (size_t)y0 * W, (size_t)(y1 - y0) * W * sizeof *want) == 0;
}

static void test_first_frame_needs_no_slide_texture(void **state)
{
    Fixture *f = *state;
    DeckFrame a = still(f, 0);
    uint32_t *first = draw(f, &a);
    ScreenStats s = stats(f);
    assert_int_equal(s.slide_textures, 0);
    assert_int_equal(s.slides_painted, 1);
    /* The same frame again comes from the cache and is the same picture. */
    uint32_t *again = draw(f, &a);
    assert_int_equal(stats(f).slide_textures, 1);
    assert_memory_equal(first, again, (size_t)W * H * sizeof *first);
    free(first);
    free(again);
}

static void test_slides_are_opaque(void **state)
{
    Fixture *f = *state;
    assert_false(SDL_ISPIXELFORMAT_ALPHA(stats(f).slide_format));
}

static void test_cache_holds_what_a_transition_needs(void **state)
{
    Fixture *f = *state;
    DeckFrame a = still(f, 0);
    free(draw(f, &a));
    free(draw(f, &a)); /* A cached */
    screen_prefetch(f->screen, about(1), LANG_EN); /* B painted ahead, as the kiosk does */
    size_t painted = stats(f).slides_painted;
    for (int i = 0; i <= 4; i++) {
        DeckFrame fade = moving(f, TRANSITION_CROSSFADE, 0, 1, (float)i / 4.0f);
        free(draw(f, &fade));
    }
    assert_int_equal(stats(f).slides_painted, painted); /* A → B painted nothing */
    DeckFrame b = still(f, 1);
    free(draw(f, &b));
    screen_prefetch(f->screen, about(2), LANG_EN); /* C: takes A's place, not B's */
    assert_int_equal(stats(f).slides_painted, painted + 1);
    DeckFrame fade_bc = moving(f, TRANSITION_CROSSFADE, 1, 2, 0.5f);
    free(draw(f, &fade_bc));
    assert_int_equal(stats(f).slides_painted, painted + 1);
    /* A jump to a page not painted ahead (a tap on the section bar) while D was painted
     * ahead after C: the slide it starts from (C) stays, only A is painted, once. */
    DeckFrame c = still(f, 2);
    free(draw(f, &c));
    screen_prefetch(f->screen, about(3), LANG_EN);
    assert_int_equal(stats(f).slides_painted, painted + 2);
    for (int i = 0; i <= 4; i++) {
        DeckFrame jump = moving(f, TRANSITION_CROSSFADE, 2, 0, (float)i / 4.0f);
        free(draw(f, &jump));
    }
    assert_int_equal(stats(f).slides_painted, painted + 3);
    /* Two full-screen textures at any time: the one on screen and one more. */
    assert_int_equal(stats(f).slide_textures, 2);
}

/* Between the attract loop's transitions one slide is held: the spare goes back and the
 * slide on screen stays (drawing it again paints nothing); the next is painted when asked. */
static void test_release_spare_keeps_the_slide_on_screen(void **state)
{
    Fixture *f = *state;
    DeckFrame a = still(f, 0);
    free(draw(f, &a));
    free(draw(f, &a)); /* A cached */
    screen_prefetch(f->screen, about(1), LANG_EN);
    assert_int_equal(stats(f).slide_textures, 2);
    size_t painted = stats(f).slides_painted;
    screen_release_spare(f->screen);
    assert_int_equal(stats(f).slide_textures, 1);
    free(draw(f, &a));
    assert_int_equal(stats(f).slides_painted, painted); /* A was kept */
    screen_release_spare(f->screen);
    assert_int_equal(stats(f).slide_textures, 1);
    screen_prefetch(f->screen, about(1), LANG_EN); /* B again, shortly before it is due */
    assert_int_equal(stats(f).slides_painted, painted + 1);
    assert_int_equal(stats(f).slide_textures, 2);
    DeckFrame fade = moving(f, TRANSITION_CROSSFADE, 0, 1, 0.5f);
    free(draw(f, &fade));
    assert_int_equal(stats(f).slides_painted, painted + 1);
    DeckFrame b = still(f, 1);
    free(draw(f, &b));
    screen_release_spare(f->screen); /* A, the slide the fade left, goes */
    assert_int_equal(stats(f).slide_textures, 1);
    free(draw(f, &b));
    assert_int_equal(stats(f).slides_painted, painted + 1);
}

static void test_painting_ahead_keeps_the_slide_on_screen(void **state)
{
    Fixture *f = *state;
    DeckFrame a = still(f, 0);
    free(draw(f, &a));
    free(draw(f, &a)); /* A cached, on screen */
    /* Painted ahead twice in a row (the next slide changed, say by a new plan): each takes the
     * other place, never A's. */
    screen_prefetch(f->screen, about(1), LANG_EN);
    screen_prefetch(f->screen, about(2), LANG_EN);
    size_t painted = stats(f).slides_painted;
    DeckFrame fade = moving(f, TRANSITION_CROSSFADE, 0, 2, 0.5f);
    free(draw(f, &fade));
    assert_int_equal(stats(f).slides_painted, painted);
}

static void test_crossfade_is_the_blend_of_its_slides(void **state)
{
    Fixture *f = *state;
    DeckFrame a = still(f, 0);
    DeckFrame b = still(f, 1);
    uint32_t *pa = draw(f, &a);
    uint32_t *pb = draw(f, &b);
    DeckFrame half = moving(f, TRANSITION_CROSSFADE, 0, 1, 0.5f);
    uint32_t *mid = draw(f, &half);
    /* Blended only where the slides differ (render/fade_mask.h): they share their background. */
    size_t blended = stats(f).fade_blended_px;
    assert_true(blended > 0);
    assert_true(blended < (size_t)W * H * 3 / 4);
    DeckFrame start = moving(f, TRANSITION_CROSSFADE, 0, 1, 0.0f);
    uint32_t *at_start = draw(f, &start);
    size_t differing = 0;
    for (size_t i = 0; i < (size_t)W * H; i++) {
        differing += pa[i] != pb[i];
    }
    assert_true(differing > 1000); /* two different slides, or the test proves nothing */
    assert_true(body_equal(f, pa, at_start));
    assert_true(worst_blend_error(f, pa, pb, mid, 0.5f) <= 2);
    free(pa);
    free(pb);
    free(mid);
    free(at_start);
}

/* One whole slide texture and one slide kept as tiles: what the attract loop holds from
 * painting its next slide ahead to the end of the fade. */
static bool holds_one_slide_and_tiles(const Fixture *f)
{
    ScreenStats s = stats(f);
    return s.slide_textures == 1 && s.kept_slides == 1;
}

/* Shortly before the attract loop's fade, the slide on screen is kept only where it differs
 * from the next: one full-screen texture and a fraction of one, and every frame as before. */
static void test_slide_on_screen_is_kept_as_tiles_before_its_fade(void **state)
{
    Fixture *f = *state;
    DeckFrame a = still(f, 0);
    DeckFrame b = still(f, 1);
    uint32_t *pb = draw(f, &b);
    uint32_t *pa = draw(f, &a);
    free(draw(f, &a)); /* A cached, on screen */
    screen_release_spare(f->screen);
    size_t painted = stats(f).slides_painted;
    screen_prefetch_successor(f->screen, about(1), LANG_EN);
    ScreenStats s = stats(f);
    assert_int_equal(s.slides_painted, painted + 1); /* B */
    assert_int_equal(s.slide_textures, 1);
    assert_int_equal(s.kept_slides, 1);
    assert_true(s.kept_bytes > 0 && s.kept_bytes < (size_t)W * H * 4 * 3 / 4);
    screen_prefetch_successor(f->screen, about(1), LANG_EN); /* again, as every loop does: nothing new */
    assert_int_equal(stats(f).slides_painted, painted + 1);
    assert_int_equal(stats(f).kept_slides, 1);
    /* Still A, to the pixel, and its call to touch redrawn over it, A still kept as tiles. */
    uint32_t *kept = draw(f, &a);
    assert_memory_equal(kept, pa, (size_t)W * H * sizeof *pa);
    assert_true(holds_one_slide_and_tiles(f));
    SDL_Rect area = {0};
    assert_true(screen_draw_invite(f->screen, &a, NULL, &area));
    assert_true(area.w > 0 && area.h > 0);
    uint32_t *invite = read_target(f); /* the same moment of it: the same picture */
    assert_memory_equal(invite, pa, (size_t)W * H * sizeof *pa);
    assert_true(holds_one_slide_and_tiles(f));
    free(invite);
    /* The fade: A at its start, the blend halfway, B at its end; nothing painted again. */
    DeckFrame start = moving(f, TRANSITION_CROSSFADE, 0, 1, 0.0f);
    uint32_t *at_start = draw(f, &start);
    assert_true(body_equal(f, pa, at_start));
    DeckFrame half = moving(f, TRANSITION_CROSSFADE, 0, 1, 0.5f);
    uint32_t *mid = draw(f, &half);
    assert_true(stats(f).fade_blended_px > 0);
    assert_true(worst_blend_error(f, pa, pb, mid, 0.5f) <= 2);
    assert_true(holds_one_slide_and_tiles(f)); /* the fade needs no second whole slide */
    DeckFrame end = moving(f, TRANSITION_CROSSFADE, 0, 1, 1.0f);
    uint32_t *at_end = draw(f, &end);
    assert_true(body_equal(f, pb, at_end));
    assert_int_equal(stats(f).slides_painted, painted + 1);
    free(draw(f, &b));
    screen_release_spare(f->screen); /* A's tiles go; B stays whole */
    s = stats(f);
    assert_int_equal(s.slide_textures, 1);
    assert_int_equal(s.kept_slides, 0);
    free(pa);
    free(pb);
    free(kept);
    free(at_start);
    free(mid);
    free(at_end);
}

/* A visitor who touches while the slide on screen is kept as tiles gets it whole again for
 * whatever comes next: a swipe, a jump elsewhere, or the display going to sleep. */
static void test_kept_slide_is_made_whole_when_needed(void **state)
{
    Fixture *f = *state;
    DeckFrame a = still(f, 0);
    uint32_t *pa = draw(f, &a);
    screen_prefetch_successor(f->screen, about(1), LANG_EN);
    assert_int_equal(stats(f).kept_slides, 1);
    size_t painted = stats(f).slides_painted;
    /* A swipe to B: both whole, side by side, nothing painted again. */
    DeckFrame left = moving(f, TRANSITION_SLIDE_LEFT, 0, 1, 0.0f);
    uint32_t *pl = draw(f, &left);
    assert_true(body_equal(f, pa, pl));
    assert_int_equal(stats(f).kept_slides, 0);
    assert_int_equal(stats(f).slide_textures, 2);
    assert_int_equal(stats(f).slides_painted, painted);
    /* Kept again, then another page painted ahead in B's place: A takes B's texture, whole. */
    free(draw(f, &a));
    screen_release_spare(f->screen);
    screen_prefetch_successor(f->screen, about(1), LANG_EN);
    assert_int_equal(stats(f).kept_slides, 1);
    painted = stats(f).slides_painted;
    screen_prefetch(f->screen, about(2), LANG_EN);
    assert_int_equal(stats(f).slides_painted, painted + 1); /* C alone */
    assert_int_equal(stats(f).kept_slides, 0);
    uint32_t *whole = draw(f, &a);
    assert_memory_equal(whole, pa, (size_t)W * H * sizeof *pa);
    assert_int_equal(stats(f).slides_painted, painted + 1);
    /* Kept once more, then every spare given back (the display goes to sleep): A alone, whole. */
    screen_release_spare(f->screen);
    screen_prefetch_successor(f->screen, about(1), LANG_EN);
    assert_int_equal(stats(f).kept_slides, 1);
    screen_release_spare(f->screen);
    ScreenStats s = stats(f);
    assert_int_equal(s.kept_slides, 0);
    assert_int_equal(s.slide_textures, 1);
    painted = s.slides_painted;
    uint32_t *asleep = draw(f, &a);
    assert_memory_equal(asleep, pa, (size_t)W * H * sizeof *pa);
    assert_int_equal(stats(f).slides_painted, painted);
    free(pa);
    free(pl);
    free(whole);
    free(asleep);
}

/* The first frame's slide was painted straight onto the target: painting ahead caches it
 * and keeps it as tiles, so its fade does not paint it whole a second time. */
static void test_first_slide_is_kept_as_tiles_too(void **state)
{
    Fixture *f = *state;
    DeckFrame a = still(f, 0);
    uint32_t *first = draw(f, &a);
    assert_int_equal(stats(f).slide_textures, 0);
    screen_prefetch_successor(f->screen, about(1), LANG_EN);
    ScreenStats s = stats(f);
    assert_int_equal(s.slide_textures, 1);
    assert_int_equal(s.kept_slides, 1);
    size_t painted = s.slides_painted;
    for (int i = 0; i <= 4; i++) {
        DeckFrame fade = moving(f, TRANSITION_CROSSFADE, 0, 1, (float)i / 4.0f);
        uint32_t *frame = draw(f, &fade);
        if (i == 0) {
            assert_true(body_equal(f, first, frame));
        }
        assert_true(holds_one_slide_and_tiles(f));
        free(frame);
    }
    assert_int_equal(stats(f).slides_painted, painted);
    free(first);
}

static void test_slide_transitions_and_drags_cover_the_frame(void **state)
{
    Fixture *f = *state;
    DeckFrame a = still(f, 0);
    DeckFrame b = still(f, 1);
    uint32_t *pa = draw(f, &a);
    uint32_t *pb = draw(f, &b);
    int y0 = 0;
    int y1 = 0;
    body_rows(f, &y0, &y1);
    /* Halfway through A → B moving left: A's right half on the left, B's left half on the right. */
    DeckFrame left = moving(f, TRANSITION_SLIDE_LEFT, 0, 1, 0.5f);
    uint32_t *pl = draw(f, &left);
    /* Halfway back, B → A moving right: A's right half on the left again. */
    DeckFrame right = moving(f, TRANSITION_SLIDE_RIGHT, 1, 0, 0.5f);
    uint32_t *pr = draw(f, &right);
    for (int y = y0; y < y1; y++) {
        for (int x = 0; x < W; x++) {
            size_t i = (size_t)y * W + x;
            uint32_t want = x < W / 2 ? pa[(size_t)y * W + x + W / 2] : pb[(size_t)y * W + x - W / 2];
            assert_int_equal(pl[i], want);
            assert_int_equal(pr[i], want);
        }
    }
    /* A drag with no neighbour to show: the background where the slide moved away. */
    DeckFrame drag = still(f, 0);
    drag.drag_px = 40.0f;
    SDL_FillRect(f->target, NULL, 0xFF00FF); /* what a frame leaves undrawn stays magenta */
    uint32_t *pd = draw(f, &drag);
    uint32_t background = f->content->theme.background;
    for (int y = y0; y < y1; y++) {
        for (int x = 0; x < 40; x++) {
            assert_int_equal(pd[(size_t)y * W + x], background);
        }
        for (int x = 40; x < W; x++) {
            assert_int_equal(pd[(size_t)y * W + x], pa[(size_t)y * W + x - 40]);
        }
    }
    free(pa);
    free(pb);
    free(pl);
    free(pr);
    free(pd);
}

/* Whether any pixel of the frame is the magenta a test filled the target with first. */
static bool has_magenta(const uint32_t *pixels)
{
    for (size_t i = 0; i < (size_t)W * H; i++) {
        if (pixels[i] == 0xFF00FF) {
            return true;
        }
    }
    return false;
}

static void test_brand_grows_from_its_tile_with_two_slides(void **state)
{
    Fixture *f = *state;
    /* The first page of members, touched: its tiles are targets that open a brand. */
    DeckFrame page = still(f, 0);
    page.mode = DECK_MODE_INTERACTIVE;
    page.show_chrome = true;
    page.slide = (SlideRef){SECTION_MEMBERS, 0, -1};
    page.section_pages = f->plan.page_count[SECTION_MEMBERS];
    free(draw(f, &page));
    uint32_t *tiles = draw(f, &page); /* cached, its tiles among the hits */
    size_t count = 0;
    const HitRegion *hits = screen_hits(f->screen, &count);
    int brand = -1;
    HitRegion tile = {0};
    for (size_t i = 0; i < count && brand < 0; i++) {
        if (hits[i].command.kind == DECK_CMD_OPEN_DETAIL) {
            brand = hits[i].command.arg.index;
            tile = hits[i];
        }
    }
    assert_true(brand >= 0);
    size_t painted = stats(f).slides_painted;
    /* Opening it: the brand's page grows from the tile over the dimmed page of tiles, every
     * pixel drawn; only the brand's page is painted, once. */
    DeckFrame grow = page;
    grow.slide.detail = brand;
    grow.transition = TRANSITION_GROW;
    grow.from = page.slide;
    grow.from_lang = LANG_EN;
    uint32_t *frames[3] = {NULL};
    for (int i = 0; i < 3; i++) {
        grow.progress = (float)(i + 1) / 4.0f;
        SDL_FillRect(f->target, NULL, 0xFF00FF);
        frames[i] = draw(f, &grow);
        assert_false(has_magenta(frames[i]));
    }
    assert_int_equal(stats(f).slides_painted, painted + 1);
    assert_memory_not_equal(frames[0], frames[2], (size_t)W * H * sizeof *frames[0]); /* it moves */
    /* A quarter of the way, the brand's page covers a quarter of the way from the tile to the
     * whole screen; beyond it, the page of tiles shows dimmed (black at 35 of 255 over it). */
    int x0 = tile.x - tile.x / 4 - 1;
    int x1 = tile.x + tile.w + (W - tile.x - tile.w) / 4 + 1;
    int y0 = 0;
    int y1 = 0;
    body_rows(f, &y0, &y1);
    int top = tile.y - tile.y / 4 - 1;
    int bottom = tile.y + tile.h + (H - tile.y - tile.h) / 4 + 1;
    size_t checked = 0;
    for (int y = y0; y < y1; y++) {
        for (int x = 0; x < W; x++) {
            if (x >= x0 && x < x1 && y >= top && y < bottom) {
                continue;
            }
            size_t i = (size_t)y * W + x;
            for (int shift = 0; shift <= 16; shift += 8) {
                int want = channel(tiles[i], shift) * (255 - 35) / 255;
                assert_true(abs(channel(frames[0][i], shift) - want) <= 2);
            }
            checked++;
        }
    }
    assert_true(checked > 1000);
    free(tiles);
    /* Closing it again shrinks back into the tile: both slides are still cached. */
    DeckFrame open = grow;
    open.transition = TRANSITION_NONE;
    open.progress = 1.0f;
    free(draw(f, &open));
    DeckFrame shrink = page;
    shrink.transition = TRANSITION_SHRINK;
    shrink.from = open.slide;
    shrink.from_lang = LANG_EN;
    shrink.progress = 0.5f;
    SDL_FillRect(f->target, NULL, 0xFF00FF);
    uint32_t *back = draw(f, &shrink);
    assert_false(has_magenta(back));
    assert_int_equal(stats(f).slides_painted, painted + 1);
    assert_int_equal(stats(f).slide_textures, 2);
    for (int i = 0; i < 3; i++) {
        free(frames[i]);
    }
    free(back);
}

static void test_reading_page_scrolls_in_the_cache(void **state)
{
    Fixture *f = *state;
    DeckFrame story = still(f, 0);
    story.mode = DECK_MODE_INTERACTIVE;
    story.show_chrome = true;
    story.slide = (SlideRef){SECTION_STORIES, 0, 0};
    story.section_pages = f->plan.page_count[SECTION_STORIES];
    float extent = 0.0f;
    float viewport = 0.0f;
    assert_true(screen_scroll_extent(f->screen, story.slide, LANG_EN, &extent, &viewport));
    assert_true(extent > 60.0f); /* a page that scrolls, or the test proves nothing */
    free(draw(f, &story));
    uint32_t *top = draw(f, &story);
    size_t painted = stats(f).slides_painted;
    story.scroll_px = 30.0f;
    uint32_t *down = draw(f, &story);
    story.scroll_px = 60.0f;
    free(draw(f, &story));
    /* Scrolling redraws the cached page where it is: nothing is painted anew. */
    assert_int_equal(stats(f).slides_painted, painted);
    int y0 = 0;
    int y1 = 0;
    body_rows(f, &y0, &y1);
    size_t rows = (size_t)(y1 - y0) * W;
    assert_memory_not_equal(top + (size_t)y0 * W, down + (size_t)y0 * W, rows * sizeof *top);
    /* Back to the stories page: the fade starts from the page as scrolled when it began. */
    DeckFrame leave = still(f, 0);
    leave.slide = (SlideRef){SECTION_STORIES, 0, -1};
    leave.transition = TRANSITION_CROSSFADE;
    leave.from = story.slide;
    leave.from_lang = LANG_EN;
    leave.from_scroll_px = 30.0f;
    leave.progress = 0.0f;
    uint32_t *start = draw(f, &leave);
    assert_memory_equal(start + (size_t)y0 * W, down + (size_t)y0 * W, rows * sizeof *top);
    assert_int_equal(stats(f).slide_textures, 2);
    free(top);
    free(down);
    free(start);
}

static void test_painting_leaves_few_font_sizes_open(void **state)
{
    Fixture *f = *state;
    DeckFrame a = still(f, 0);
    free(draw(f, &a));
    uint32_t *cached = draw(f, &a); /* painted into the cache */
    screen_prefetch(f->screen, about(1), LANG_EN);
    /* Laying the slides out tried their texts at many sizes: all but the last one used were
     * closed again (each open size holds its own copy of the font's tables, about 0.25 MiB). */
    assert_int_equal(fonts_trim(f->fonts, 1), 0);
    /* Closed sizes open again when needed, and set the same text. */
    assert_true(fonts_trim(f->fonts, 0) > 0);
    screen_set_content(f->screen, f->content, &f->plan);
    free(draw(f, &a));
    uint32_t *again = draw(f, &a);
    assert_memory_equal(cached, again, (size_t)W * H * sizeof *cached);
    free(cached);
    free(again);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_first_frame_needs_no_slide_texture, setup, teardown),
        cmocka_unit_test_setup_teardown(test_slides_are_opaque, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cache_holds_what_a_transition_needs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_painting_ahead_keeps_the_slide_on_screen, setup, teardown),
        cmocka_unit_test_setup_teardown(test_release_spare_keeps_the_slide_on_screen, setup, teardown),
        cmocka_unit_test_setup_teardown(test_crossfade_is_the_blend_of_its_slides, setup, teardown),
        cmocka_unit_test_setup_teardown(test_slide_on_screen_is_kept_as_tiles_before_its_fade, setup, teardown),
        cmocka_unit_test_setup_teardown(test_kept_slide_is_made_whole_when_needed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_first_slide_is_kept_as_tiles_too, setup, teardown),
        cmocka_unit_test_setup_teardown(test_slide_transitions_and_drags_cover_the_frame, setup, teardown),
        cmocka_unit_test_setup_teardown(test_brand_grows_from_its_tile_with_two_slides, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reading_page_scrolls_in_the_cache, setup, teardown),
        cmocka_unit_test_setup_teardown(test_painting_leaves_few_font_sizes_open, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
