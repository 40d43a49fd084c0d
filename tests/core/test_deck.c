/* Deck state machine with a virtual clock: the attract loop's order, timing
 * and wrap-around, waking, idle warning and timeout, navigation, edge bounce
 * and spring-back, details, languages, the lobby profile, deadlines (an idle
 * kiosk sleeps) and transitions; the members directory's filter, search and
 * keyboard. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "core/deck.h"
#include "core/deck_members.h"

enum {
    T0 = 1000,
    SLIDE = DECK_DEFAULT_SLIDE_MS,
    IDLE = DECK_DEFAULT_IDLE_MS,
    FADE = DECK_DEFAULT_TRANSITION_MS,
    WARN = DECK_DEFAULT_IDLE_WARNING_MS,
    SPRING = DECK_DEFAULT_SPRING_MS,
};

/* ABOUT 2 pages, MEMBERS 1 (3 brand details), STORIES empty, COOPERATION 1,
 * CONTACT 1: the attract sequence is A0 A1 M0 Co0 Ct0, then A0 again. */
static const DeckOutline OUTLINE = {
    .pages = {[SECTION_ABOUT] = 2, [SECTION_MEMBERS] = 1, [SECTION_STORIES] = 0,
              [SECTION_COOPERATION] = 1, [SECTION_CONTACT] = 1},
    .member_details = 3,
};

static const SlideRef SEQUENCE[] = {
    {SECTION_ABOUT, 0, -1}, {SECTION_ABOUT, 1, -1}, {SECTION_MEMBERS, 0, -1},
    {SECTION_COOPERATION, 0, -1}, {SECTION_CONTACT, 0, -1},
};
enum { SEQUENCE_LENGTH = sizeof SEQUENCE / sizeof SEQUENCE[0] };

static DeckCommand cmd(DeckCommandKind kind)
{
    DeckCommand c = {.kind = kind};
    return c;
}

static DeckCommand goto_section(SectionId section)
{
    DeckCommand c = {.kind = DECK_CMD_GOTO_SECTION, .arg.section = section};
    return c;
}

static DeckCommand open_detail(int index)
{
    DeckCommand c = {.kind = DECK_CMD_OPEN_DETAIL, .arg.index = index};
    return c;
}

static DeckCommand set_lang(Lang lang)
{
    DeckCommand c = {.kind = DECK_CMD_SET_LANG, .arg.lang = lang};
    return c;
}

static DeckCommand drag(float px)
{
    DeckCommand c = {.kind = DECK_CMD_DRAG, .arg.drag_px = px};
    return c;
}

static void assert_slide(SlideRef actual, SectionId section, int page, int detail)
{
    assert_int_equal(actual.section, section);
    assert_int_equal(actual.page, page);
    assert_int_equal(actual.detail, detail);
}

static DeckFrame frame_at(const Deck *deck, uint64_t now)
{
    DeckFrame frame = {0};
    deck_frame(deck, now, &frame);
    return frame;
}

static void booth(Deck *deck, uint32_t progress_steps)
{
    DeckConfig config = deck_config_default(DECK_PROFILE_BOOTH);
    config.progress_steps = progress_steps;
    deck_init(deck, &OUTLINE, &config, T0);
}

static void test_attract_cycles_in_order_and_wraps(void **state)
{
    (void)state;
    Deck deck;
    booth(&deck, 0);
    DeckFrame f = frame_at(&deck, T0);
    assert_false(f.empty);
    assert_int_equal(f.mode, DECK_MODE_ATTRACT);
    assert_false(f.show_chrome);
    assert_int_equal(f.transition, TRANSITION_NONE);
    assert_slide(f.slide, SECTION_ABOUT, 0, -1);
    assert_int_equal(f.section_pages, 2);

    /* Two full cycles: each slide lasts exactly SLIDE ms, STORIES never shows. */
    for (int i = 1; i <= 2 * SEQUENCE_LENGTH; i++) {
        uint64_t change = T0 + (uint64_t)i * SLIDE;
        deck_tick(&deck, change - 1);
        SlideRef before = frame_at(&deck, change - 1).slide;
        assert_slide(before, SEQUENCE[(i - 1) % SEQUENCE_LENGTH].section,
                     SEQUENCE[(i - 1) % SEQUENCE_LENGTH].page, -1);
        deck_tick(&deck, change);
        f = frame_at(&deck, change);
        assert_slide(f.slide, SEQUENCE[i % SEQUENCE_LENGTH].section,
                     SEQUENCE[i % SEQUENCE_LENGTH].page, -1);
        assert_int_equal(f.transition, TRANSITION_CROSSFADE);
        assert_slide(f.from, before.section, before.page, -1);
        assert_int_not_equal(f.slide.section, SECTION_STORIES);
    }
}

static void test_transition_is_eased_and_ends(void **state)
{
    (void)state;
    Deck deck;
    booth(&deck, 0);
    uint64_t change = T0 + SLIDE;
    deck_tick(&deck, change);
    uint32_t rev = deck_revision(&deck);

    assert_float_equal(frame_at(&deck, change).progress, 0.0f, 1e-6);
    /* A quarter of the way in, cubic ease-in-out gives 4 * 0.25^3. */
    assert_float_equal(frame_at(&deck, change + FADE / 4).progress, 0.0625f, 1e-4);
    assert_float_equal(frame_at(&deck, change + FADE / 2).progress, 0.5f, 1e-4);
    assert_float_equal(frame_at(&deck, change + 3 * FADE / 4).progress, 0.9375f, 1e-4);
    DeckFrame mid = frame_at(&deck, change + FADE / 2);
    assert_int_equal(mid.transition, TRANSITION_CROSSFADE);

    /* While it runs the loop wakes every frame, never past its end. */
    assert_int_equal(deck_next_deadline_ms(&deck, change + 100), change + 100 + DECK_DEFAULT_FRAME_MS);
    assert_int_equal(deck_next_deadline_ms(&deck, change + FADE - 5), change + FADE);

    DeckFrame end = frame_at(&deck, change + FADE);
    assert_int_equal(end.transition, TRANSITION_NONE);
    assert_float_equal(end.progress, 1.0f, 1e-6);
    deck_tick(&deck, change + FADE);
    assert_int_not_equal(deck_revision(&deck), rev);
    /* Finished: sleep until the next slide change. */
    assert_int_equal(deck_next_deadline_ms(&deck, change + FADE), change + SLIDE);
}

static void test_idle_kiosk_sleeps_until_next_change(void **state)
{
    (void)state;
    Deck deck;
    booth(&deck, 0);
    assert_int_equal(deck_next_deadline_ms(&deck, T0), T0 + SLIDE);
    assert_int_equal(deck_next_deadline_ms(&deck, T0 + 5000), T0 + SLIDE);
    uint32_t rev = deck_revision(&deck);
    deck_tick(&deck, T0 + 5000);
    assert_int_equal(deck_revision(&deck), rev); /* nothing to redraw */

    /* With an 8-step progress indicator it wakes once a second. */
    booth(&deck, 8);
    assert_int_equal(deck_next_deadline_ms(&deck, T0), T0 + 1000);
    DeckFrame f = frame_at(&deck, T0 + 999);
    assert_true(f.show_progress);
    assert_float_equal(f.attract_progress, 0.0f, 1e-6);
    rev = deck_revision(&deck);
    deck_tick(&deck, T0 + 1000);
    assert_int_equal(deck_revision(&deck), rev + 1);
    assert_float_equal(frame_at(&deck, T0 + 1000).attract_progress, 0.125f, 1e-6);
    assert_int_equal(deck_next_deadline_ms(&deck, T0 + 1000), T0 + 2000);
    deck_tick(&deck, T0 + 7500);
    assert_float_equal(frame_at(&deck, T0 + 7500).attract_progress, 0.875f, 1e-6);
    assert_int_equal(deck_next_deadline_ms(&deck, T0 + 7500), T0 + SLIDE);

    /* A missed tick makes the deadline "now", never the past. */
    booth(&deck, 8);
    assert_int_equal(deck_next_deadline_ms(&deck, T0 + 3500), T0 + 3500);
}

/* The attract loop's next slide, its language and when (the display paints it shortly
 * before): not the indicator's steps; after each change the next one; the language turns on
 * the wrap that ends every lang_rotate_cycles-th cycle; none while a visitor uses the kiosk. */
static void test_next_attract_slide_is_known(void **state)
{
    (void)state;
    Deck deck;
    SlideRef next = {0};
    Lang lang = LANG_EN;
    uint64_t at = 0;
    DeckConfig config = deck_config_default(DECK_PROFILE_BOOTH);
    config.progress_steps = 8;
    config.lang_rotate_cycles = 2;
    deck_init(&deck, &OUTLINE, &config, T0);
    assert_true(deck_next_attract_slide(&deck, &next, &lang, &at));
    assert_int_equal(at, T0 + SLIDE);
    assert_slide(next, SEQUENCE[1].section, SEQUENCE[1].page, -1);
    assert_int_equal(lang, LANG_EN);
    deck_tick(&deck, T0 + 1000);
    assert_true(deck_next_attract_slide(&deck, &next, &lang, &at));
    assert_int_equal(at, T0 + SLIDE);
    /* Each prediction is what the deck then shows, language included, over the cycles in
     * which the language turns. */
    uint64_t now = T0;
    for (int i = 1; i <= 2 * 2 * SEQUENCE_LENGTH + 1; i++) {
        assert_true(deck_next_attract_slide(&deck, &next, &lang, &at));
        assert_true(at > now);
        now = at;
        deck_tick(&deck, now);
        DeckFrame f = frame_at(&deck, now);
        assert_slide(f.slide, next.section, next.page, next.detail);
        assert_int_equal(f.lang, lang);
    }
    assert_int_not_equal(frame_at(&deck, now).lang, LANG_EN); /* it did turn */
    deck_command(&deck, cmd(DECK_CMD_WAKE), now + 100);
    assert_false(deck_next_attract_slide(&deck, &next, &lang, &at));
}

static void test_late_tick_keeps_rhythm_and_stall_restarts(void **state)
{
    (void)state;
    Deck deck;
    booth(&deck, 0);
    deck_tick(&deck, T0 + SLIDE + 50);
    assert_slide(frame_at(&deck, T0 + SLIDE + 50).slide, SECTION_ABOUT, 1, -1);
    /* The transition started at the due time, so it also ends on schedule. */
    assert_int_equal(deck_next_deadline_ms(&deck, T0 + SLIDE + 590), T0 + SLIDE + FADE);
    /* A finished transition nobody ticked away: wake now, never in the past. */
    assert_int_equal(deck_next_deadline_ms(&deck, T0 + SLIDE + 700), T0 + SLIDE + 700);
    deck_tick(&deck, T0 + SLIDE + 700);
    assert_int_equal(deck_next_deadline_ms(&deck, T0 + SLIDE + 700), T0 + 2 * SLIDE);

    /* After a long stall it moves one slide, not many, and restarts its timer. */
    uint64_t stall = T0 + 100000;
    deck_tick(&deck, stall);
    assert_slide(frame_at(&deck, stall).slide, SECTION_MEMBERS, 0, -1);
    deck_tick(&deck, stall + FADE);
    assert_int_equal(deck_next_deadline_ms(&deck, stall + FADE), stall + SLIDE);
}

static void test_empty_deck_and_only_one_section(void **state)
{
    (void)state;
    Deck deck;
    DeckOutline empty = {0};
    deck_init(&deck, &empty, NULL, T0);
    assert_true(frame_at(&deck, T0).empty);
    assert_int_equal(deck_next_deadline_ms(&deck, T0), UINT64_MAX);
    deck_command(&deck, cmd(DECK_CMD_WAKE), T0);
    assert_int_equal(frame_at(&deck, T0).mode, DECK_MODE_ATTRACT);

    DeckOutline contact_only = {.pages = {[SECTION_CONTACT] = 1}};
    deck_set_outline(&deck, &contact_only, T0 + 10);
    DeckFrame f = frame_at(&deck, T0 + 10);
    assert_false(f.empty);
    assert_slide(f.slide, SECTION_CONTACT, 0, -1);
    /* A one-slide loop stays put without a pointless transition. */
    deck_tick(&deck, T0 + 10 + SLIDE);
    f = frame_at(&deck, T0 + 10 + SLIDE);
    assert_slide(f.slide, SECTION_CONTACT, 0, -1);
    assert_int_equal(f.transition, TRANSITION_NONE);
    /* Negative page counts from a bad pack count as empty. */
    DeckOutline negative = {.pages = {[SECTION_ABOUT] = -3, [SECTION_STORIES] = 2}};
    deck_init(&deck, &negative, NULL, T0);
    assert_slide(frame_at(&deck, T0).slide, SECTION_STORIES, 0, -1);
}

static void test_wake_enters_interactive_and_idle_returns(void **state)
{
    (void)state;
    Deck deck;
    booth(&deck, 0);
    deck_tick(&deck, T0 + SLIDE); /* now on ABOUT page 1 */
    uint64_t touch = T0 + SLIDE + 2000;
    deck_command(&deck, set_lang(LANG_SR_CYRL), touch - 1);
    deck_command(&deck, cmd(DECK_CMD_WAKE), touch);
    DeckFrame f = frame_at(&deck, touch);
    assert_int_equal(f.mode, DECK_MODE_INTERACTIVE);
    assert_true(f.show_chrome);
    assert_false(f.show_progress);
    assert_slide(f.slide, SECTION_ABOUT, 1, -1); /* stays on the touched slide */

    /* Interactive slides never advance on their own; the deck next wakes to
     * warn that it is about to return to the attract loop. */
    deck_tick(&deck, touch);
    assert_int_equal(deck_next_deadline_ms(&deck, touch), touch + IDLE - WARN);
    deck_tick(&deck, touch + IDLE - 1);
    f = frame_at(&deck, touch + IDLE - 1);
    assert_int_equal(f.mode, DECK_MODE_INTERACTIVE);
    assert_slide(f.slide, SECTION_ABOUT, 1, -1);

    deck_tick(&deck, touch + IDLE);
    f = frame_at(&deck, touch + IDLE);
    assert_int_equal(f.mode, DECK_MODE_ATTRACT);
    assert_false(f.show_chrome);
    assert_int_equal(f.transition, TRANSITION_FADE_TO_ATTRACT);
    assert_slide(f.from, SECTION_ABOUT, 1, -1);
    assert_int_equal(f.from_lang, LANG_SR_CYRL);
    assert_slide(f.slide, SECTION_ABOUT, 0, -1); /* loop restarts */
    assert_int_equal(f.lang, LANG_EN);           /* next visitor starts fresh */
    deck_tick(&deck, touch + IDLE + FADE);
    assert_int_equal(deck_next_deadline_ms(&deck, touch + IDLE + FADE), touch + IDLE + SLIDE);
}

static void test_every_command_resets_idle_timer(void **state)
{
    (void)state;
    Deck deck;
    booth(&deck, 0);
    deck_command(&deck, cmd(DECK_CMD_WAKE), T0);
    deck_command(&deck, cmd(DECK_CMD_NEXT_PAGE), T0 + 30000);
    deck_tick(&deck, T0 + 40000);
    assert_int_equal(deck_next_deadline_ms(&deck, T0 + 40000), T0 + 30000 + IDLE - WARN);
    deck_command(&deck, set_lang(LANG_SR_LATN), T0 + 60000);
    deck_tick(&deck, T0 + 30000 + IDLE);
    assert_int_equal(frame_at(&deck, T0 + 30000 + IDLE).mode, DECK_MODE_INTERACTIVE);
    deck_command(&deck, cmd(DECK_CMD_WAKE), T0 + 100000);
    deck_tick(&deck, T0 + 60000 + IDLE);
    assert_int_equal(frame_at(&deck, T0 + 60000 + IDLE).mode, DECK_MODE_INTERACTIVE);
    deck_tick(&deck, T0 + 100000 + IDLE);
    assert_int_equal(frame_at(&deck, T0 + 100000 + IDLE).mode, DECK_MODE_ATTRACT);
}

/* The speaker button: to the deck a touch that keeps the page (the app reads it aloud); a
 * NONE command (the app while reading) holds the idle timer too. */
static void test_read_aloud_keeps_the_page(void **state)
{
    (void)state;
    Deck deck;
    booth(&deck, 0);
    deck_command(&deck, cmd(DECK_CMD_NEXT_PAGE), T0);
    deck_tick(&deck, T0 + FADE);
    uint32_t revision = deck_revision(&deck);
    deck_command(&deck, cmd(DECK_CMD_READ_ALOUD), T0 + 20000);
    DeckFrame f = frame_at(&deck, T0 + 20000);
    assert_int_equal(f.mode, DECK_MODE_INTERACTIVE);
    assert_slide(f.slide, SECTION_ABOUT, 1, -1);
    assert_int_equal(f.transition, TRANSITION_NONE);
    assert_int_equal(deck_revision(&deck), revision);
    /* The idle timer restarts as for any touch: the "Still there?" warning is due then. */
    assert_int_equal(deck_next_deadline_ms(&deck, T0 + 20000), T0 + 20000 + IDLE - WARN);
    deck_command(&deck, cmd(DECK_CMD_NONE), T0 + 50000);
    deck_tick(&deck, T0 + 20000 + IDLE);
    assert_int_equal(frame_at(&deck, T0 + 20000 + IDLE).mode, DECK_MODE_INTERACTIVE);
    assert_int_equal(deck_next_deadline_ms(&deck, T0 + 20000 + IDLE), T0 + 50000 + IDLE - WARN);
}

static void test_page_moves_stay_in_section(void **state)
{
    (void)state;
    Deck deck;
    booth(&deck, 0);
    uint64_t t = T0 + 10;
    /* A swipe in attract mode wakes the booth and pages at once. */
    deck_command(&deck, cmd(DECK_CMD_NEXT_PAGE), t);
    DeckFrame f = frame_at(&deck, t);
    assert_int_equal(f.mode, DECK_MODE_INTERACTIVE);
    assert_slide(f.slide, SECTION_ABOUT, 1, -1);
    assert_int_equal(f.transition, TRANSITION_SLIDE_LEFT);
    /* ABOUT's last page: the next swipe bounces and stays in ABOUT. */
    t += 1000;
    deck_command(&deck, cmd(DECK_CMD_NEXT_PAGE), t);
    f = frame_at(&deck, t);
    assert_slide(f.slide, SECTION_ABOUT, 1, -1);
    assert_true(f.edge_bounce);
    t += 1000;
    deck_command(&deck, cmd(DECK_CMD_PREV_PAGE), t);
    f = frame_at(&deck, t);
    assert_slide(f.slide, SECTION_ABOUT, 0, -1);
    assert_int_equal(f.transition, TRANSITION_SLIDE_RIGHT);
    assert_slide(f.from, SECTION_ABOUT, 1, -1);
    /* And at its first page backwards too: no wrap to CONTACT. */
    t += 1000;
    deck_command(&deck, cmd(DECK_CMD_PREV_PAGE), t);
    f = frame_at(&deck, t);
    assert_slide(f.slide, SECTION_ABOUT, 0, -1);
    assert_true(f.edge_bounce);
    assert_int_equal(f.section_pages, 2);
    /* A one-page section bounces both ways. */
    deck_command(&deck, goto_section(SECTION_CONTACT), t + 1000);
    deck_command(&deck, cmd(DECK_CMD_NEXT_PAGE), t + 2000);
    assert_slide(frame_at(&deck, t + 2000).slide, SECTION_CONTACT, 0, -1);
    deck_command(&deck, cmd(DECK_CMD_PREV_PAGE), t + 3000);
    assert_slide(frame_at(&deck, t + 3000).slide, SECTION_CONTACT, 0, -1);
    assert_true(frame_at(&deck, t + 3000).edge_bounce);
}

static void test_edge_bounce_moves_and_returns(void **state)
{
    (void)state;
    Deck deck;
    booth(&deck, 0);
    deck_command(&deck, goto_section(SECTION_CONTACT), T0);
    uint64_t t = T0 + 2 * FADE;
    deck_tick(&deck, t);
    uint32_t rev = deck_revision(&deck);
    /* A key or a flick with no drag to speak of: the page gives a little push
     * towards where the visitor wanted to go, and comes back. */
    deck_command(&deck, cmd(DECK_CMD_NEXT_PAGE), t);
    assert_int_not_equal(deck_revision(&deck), rev);
    DeckFrame f = frame_at(&deck, t);
    assert_int_equal(f.transition, TRANSITION_NONE);
    assert_true(f.springing);
    assert_true(f.edge_bounce);
    assert_false(f.has_peek); /* nothing beyond the end to show */
    float half = frame_at(&deck, t + SPRING / 2).drag_px;
    assert_true(half < -DECK_DEFAULT_EDGE_PX / 4.0f);
    assert_true(half > -DECK_DEFAULT_EDGE_PX);
    assert_false(frame_at(&deck, t + SPRING / 2).has_peek);
    /* While it moves the loop wakes every frame; then it is at rest. */
    assert_int_equal(deck_next_deadline_ms(&deck, t + 10), t + 10 + DECK_DEFAULT_FRAME_MS);
    assert_int_equal(deck_next_deadline_ms(&deck, t + SPRING - 5), t + SPRING);
    f = frame_at(&deck, t + SPRING);
    assert_float_equal(f.drag_px, 0.0f, 1e-6);
    assert_false(f.springing);
    rev = deck_revision(&deck);
    deck_tick(&deck, t + SPRING);
    assert_int_not_equal(deck_revision(&deck), rev); /* one last frame at rest */
    assert_int_equal(deck_next_deadline_ms(&deck, t + SPRING), t + IDLE - WARN);
    assert_slide(frame_at(&deck, t + SPRING).slide, SECTION_CONTACT, 0, -1);

    /* A drag past the end resists: it follows the finger less and less. */
    t += 2000;
    deck_command(&deck, drag(-40.0f), t);
    float small = frame_at(&deck, t).drag_px;
    deck_command(&deck, drag(-400.0f), t + 50);
    float far = frame_at(&deck, t + 50).drag_px;
    assert_true(small < 0.0f && small > -40.0f);
    assert_true(far < small);
    assert_true(far > -DECK_DEFAULT_EDGE_PX); /* never more than the limit */
    assert_false(frame_at(&deck, t + 50).has_peek);
    /* The swipe that ends it bounces back from where the page was. */
    deck_command(&deck, cmd(DECK_CMD_NEXT_PAGE), t + 100);
    f = frame_at(&deck, t + 100);
    assert_slide(f.slide, SECTION_CONTACT, 0, -1);
    assert_float_equal(f.drag_px, far, 1e-3);
    assert_true(f.edge_bounce);
    assert_true(frame_at(&deck, t + 100 + SPRING / 2).drag_px > far);
    assert_float_equal(frame_at(&deck, t + 100 + SPRING).drag_px, 0.0f, 1e-6);
}

static void test_released_drag_springs_back(void **state)
{
    (void)state;
    Deck deck;
    booth(&deck, 0);
    uint64_t t = T0 + 10;
    deck_command(&deck, drag(-80.0f), t);
    DeckFrame f = frame_at(&deck, t);
    assert_float_equal(f.drag_px, -80.0f, 1e-6); /* a neighbour to reveal: follows exactly */
    assert_true(f.has_peek);
    assert_false(f.springing);
    deck_command(&deck, cmd(DECK_CMD_DRAG_END), t + 20);
    f = frame_at(&deck, t + 20);
    assert_float_equal(f.drag_px, -80.0f, 1e-3); /* starts where the finger let go */
    assert_true(f.springing);
    assert_false(f.edge_bounce);
    assert_true(f.has_peek);
    assert_slide(f.peek, SECTION_ABOUT, 1, -1);
    float quarter = frame_at(&deck, t + 20 + SPRING / 4).drag_px;
    float three_quarters = frame_at(&deck, t + 20 + 3 * SPRING / 4).drag_px;
    assert_true(quarter > -80.0f && quarter < 0.0f);
    assert_true(three_quarters > quarter && three_quarters < 0.0f);
    f = frame_at(&deck, t + 20 + SPRING);
    assert_float_equal(f.drag_px, 0.0f, 1e-6);
    assert_false(f.has_peek);
    assert_slide(f.slide, SECTION_ABOUT, 0, -1);

    /* A new drag takes over from a spring in flight. */
    deck_command(&deck, drag(-50.0f), t + 1000);
    deck_command(&deck, cmd(DECK_CMD_DRAG_END), t + 1010);
    deck_command(&deck, drag(-30.0f), t + 1050);
    f = frame_at(&deck, t + 1050);
    assert_float_equal(f.drag_px, -30.0f, 1e-6);
    assert_false(f.springing);
}

static void test_goto_section(void **state)
{
    (void)state;
    Deck deck;
    booth(&deck, 0);
    deck_command(&deck, cmd(DECK_CMD_WAKE), T0);
    deck_command(&deck, goto_section(SECTION_CONTACT), T0 + 100);
    DeckFrame f = frame_at(&deck, T0 + 100);
    assert_slide(f.slide, SECTION_CONTACT, 0, -1);
    assert_int_equal(f.transition, TRANSITION_SLIDE_LEFT);

    deck_command(&deck, goto_section(SECTION_MEMBERS), T0 + 2000);
    f = frame_at(&deck, T0 + 2000);
    assert_slide(f.slide, SECTION_MEMBERS, 0, -1);
    assert_int_equal(f.transition, TRANSITION_SLIDE_RIGHT);

    uint32_t rev = deck_revision(&deck);
    deck_command(&deck, goto_section(SECTION_STORIES), T0 + 4000); /* empty */
    deck_command(&deck, goto_section((SectionId)99), T0 + 4001);
    deck_command(&deck, goto_section((SectionId)-1), T0 + 4002);
    deck_command(&deck, goto_section(SECTION_MEMBERS), T0 + 4003); /* already there */
    assert_int_equal(deck_revision(&deck), rev);
    assert_slide(frame_at(&deck, T0 + 4003).slide, SECTION_MEMBERS, 0, -1);
}

/* A member's page lists the stories that name it: a tap opens the story's page, and Back
 * comes back to the member (once: Back again closes the member). Only from a member. */
static void test_story_opened_from_member(void **state)
{
    (void)state;
    DeckOutline outline = OUTLINE;
    outline.pages[SECTION_STORIES] = 2;
    outline.story_details = 4;
    Deck deck;
    deck_init(&deck, &outline, NULL, T0);
    DeckCommand story = {.kind = DECK_CMD_OPEN_STORY, .arg.index = 3};
    deck_command(&deck, story, T0); /* not on a member's page */
    assert_int_not_equal(frame_at(&deck, T0).slide.section, SECTION_STORIES);

    deck_command(&deck, goto_section(SECTION_MEMBERS), T0 + 1000);
    deck_command(&deck, open_detail(1), T0 + 2000);
    deck_command(&deck, (DeckCommand){.kind = DECK_CMD_OPEN_STORY, .arg.index = 4}, T0 + 3000); /* no such story */
    assert_slide(frame_at(&deck, T0 + 3000).slide, SECTION_MEMBERS, 0, 1);
    deck_command(&deck, story, T0 + 4000);
    assert_slide(frame_at(&deck, T0 + 4000).slide, SECTION_STORIES, 0, 3);
    deck_command(&deck, cmd(DECK_CMD_BACK), T0 + 5000);
    assert_slide(frame_at(&deck, T0 + 5000).slide, SECTION_MEMBERS, 0, 1);
    deck_command(&deck, cmd(DECK_CMD_BACK), T0 + 6000);
    assert_slide(frame_at(&deck, T0 + 6000).slide, SECTION_MEMBERS, 0, -1);

    /* Once the visitor moves on from the story, Back is the story's own again. */
    deck_command(&deck, open_detail(1), T0 + 7000);
    deck_command(&deck, story, T0 + 8000);
    deck_command(&deck, goto_section(SECTION_STORIES), T0 + 9000);
    deck_command(&deck, open_detail(2), T0 + 10000);
    deck_command(&deck, cmd(DECK_CMD_BACK), T0 + 11000);
    assert_slide(frame_at(&deck, T0 + 11000).slide, SECTION_STORIES, 0, -1);
}

static void test_detail_open_browse_and_back(void **state)
{
    (void)state;
    Deck deck;
    booth(&deck, 0);
    deck_command(&deck, open_detail(0), T0); /* ABOUT has no tiles */
    assert_slide(frame_at(&deck, T0).slide, SECTION_ABOUT, 0, -1);

    deck_command(&deck, goto_section(SECTION_MEMBERS), T0 + 1000);
    deck_command(&deck, open_detail(2), T0 + 2000);
    DeckFrame f = frame_at(&deck, T0 + 2000);
    assert_slide(f.slide, SECTION_MEMBERS, 0, 2);
    assert_int_equal(f.transition, TRANSITION_GROW); /* the tile grows into the page */
    assert_slide(f.from, SECTION_MEMBERS, 0, -1);

    deck_command(&deck, open_detail(3), T0 + 3000);  /* out of range */
    deck_command(&deck, open_detail(-1), T0 + 3001);
    assert_slide(frame_at(&deck, T0 + 3001).slide, SECTION_MEMBERS, 0, 2);

    /* Paging inside a detail browses brands, wrapping. */
    deck_command(&deck, cmd(DECK_CMD_NEXT_PAGE), T0 + 4000);
    f = frame_at(&deck, T0 + 4000);
    assert_slide(f.slide, SECTION_MEMBERS, 0, 0);
    assert_int_equal(f.transition, TRANSITION_SLIDE_LEFT);
    deck_command(&deck, cmd(DECK_CMD_PREV_PAGE), T0 + 5000);
    assert_slide(frame_at(&deck, T0 + 5000).slide, SECTION_MEMBERS, 0, 2);

    deck_command(&deck, cmd(DECK_CMD_BACK), T0 + 6000);
    f = frame_at(&deck, T0 + 6000);
    assert_slide(f.slide, SECTION_MEMBERS, 0, -1);
    assert_int_equal(f.transition, TRANSITION_SHRINK);
    assert_slide(f.from, SECTION_MEMBERS, 0, 2);

    uint32_t rev = deck_revision(&deck);
    deck_command(&deck, cmd(DECK_CMD_BACK), T0 + 7000); /* nothing open */
    assert_int_equal(deck_revision(&deck), rev);

    /* A section jump closes the detail. */
    deck_command(&deck, open_detail(1), T0 + 8000);
    deck_command(&deck, goto_section(SECTION_ABOUT), T0 + 9000);
    assert_slide(frame_at(&deck, T0 + 9000).slide, SECTION_ABOUT, 0, -1);
}

static void test_language_switch(void **state)
{
    (void)state;
    Deck deck;
    DeckConfig config = deck_config_default(DECK_PROFILE_BOOTH);
    config.start_lang = LANG_SR_LATN;
    deck_init(&deck, &OUTLINE, &config, T0);
    assert_int_equal(frame_at(&deck, T0).lang, LANG_SR_LATN);
    deck_command(&deck, cmd(DECK_CMD_WAKE), T0);
    uint32_t rev = deck_revision(&deck);
    deck_command(&deck, set_lang(LANG_SR_CYRL), T0 + 100);
    assert_int_equal(frame_at(&deck, T0 + 100).lang, LANG_SR_CYRL);
    assert_int_not_equal(deck_revision(&deck), rev);
    assert_slide(frame_at(&deck, T0 + 100).slide, SECTION_ABOUT, 0, -1);

    deck_command(&deck, set_lang(LANG_COUNT), T0 + 200);
    deck_command(&deck, set_lang((Lang)-1), T0 + 300);
    assert_int_equal(frame_at(&deck, T0 + 300).lang, LANG_SR_CYRL);

    deck_command(&deck, cmd(DECK_CMD_ATTRACT), T0 + 400);
    DeckFrame f = frame_at(&deck, T0 + 400);
    assert_int_equal(f.mode, DECK_MODE_ATTRACT);
    assert_int_equal(f.transition, TRANSITION_FADE_TO_ATTRACT);
    assert_int_equal(f.lang, LANG_SR_LATN);
}

static void test_lobby_never_interactive_and_rotates_language(void **state)
{
    (void)state;
    Deck deck;
    DeckConfig config = deck_config_default(DECK_PROFILE_LOBBY);
    config.progress_steps = 0;
    assert_int_equal(config.lang_rotate_cycles, 2);
    deck_init(&deck, &OUTLINE, &config, T0);

    uint32_t rev = deck_revision(&deck);
    deck_command(&deck, cmd(DECK_CMD_WAKE), T0 + 10);
    deck_command(&deck, cmd(DECK_CMD_NEXT_PAGE), T0 + 20);
    deck_command(&deck, goto_section(SECTION_CONTACT), T0 + 30);
    deck_command(&deck, drag(-200.0f), T0 + 40);
    DeckFrame f = frame_at(&deck, T0 + 40);
    assert_int_equal(f.mode, DECK_MODE_ATTRACT);
    assert_false(f.show_chrome);
    assert_slide(f.slide, SECTION_ABOUT, 0, -1);
    assert_int_equal(deck_revision(&deck), rev);

    /* Language after each completed cycle: EN, then SR-Latn after 2, ... */
    static const Lang expected[] = {LANG_EN, LANG_EN, LANG_SR_LATN, LANG_SR_LATN,
                                    LANG_SR_CYRL, LANG_SR_CYRL, LANG_EN};
    for (int cycle = 1; cycle <= 6; cycle++) {
        uint64_t wrap = T0 + (uint64_t)cycle * SEQUENCE_LENGTH * SLIDE;
        for (uint64_t t = wrap - (SEQUENCE_LENGTH - 1) * SLIDE; t <= wrap; t += SLIDE) {
            deck_tick(&deck, t);
        }
        f = frame_at(&deck, wrap);
        assert_slide(f.slide, SECTION_ABOUT, 0, -1);
        assert_int_equal(f.lang, expected[cycle]);
        assert_int_equal(f.mode, DECK_MODE_ATTRACT);
        if (expected[cycle] != expected[cycle - 1]) {
            assert_int_equal(f.transition, TRANSITION_CROSSFADE);
            assert_int_equal(f.from_lang, expected[cycle - 1]);
            assert_slide(f.from, SECTION_CONTACT, 0, -1);
        }
    }
}

static void test_lobby_single_section_counts_cycles(void **state)
{
    (void)state;
    Deck deck;
    DeckConfig config = deck_config_default(DECK_PROFILE_LOBBY);
    config.lang_rotate_cycles = 1;
    DeckOutline one = {.pages = {[SECTION_STORIES] = 2}};
    deck_init(&deck, &one, &config, T0);
    deck_tick(&deck, T0 + SLIDE);
    DeckFrame f = frame_at(&deck, T0 + SLIDE);
    assert_slide(f.slide, SECTION_STORIES, 1, -1);
    assert_int_equal(f.lang, LANG_EN);
    deck_tick(&deck, T0 + 2 * SLIDE); /* wraps within the only section */
    f = frame_at(&deck, T0 + 2 * SLIDE);
    assert_slide(f.slide, SECTION_STORIES, 0, -1);
    assert_int_equal(f.lang, LANG_SR_LATN);
}

static void test_drag_follows_finger_and_peeks(void **state)
{
    (void)state;
    Deck deck;
    booth(&deck, 0);
    deck_command(&deck, drag(-120.0f), T0 + 10);
    DeckFrame f = frame_at(&deck, T0 + 10);
    assert_int_equal(f.mode, DECK_MODE_INTERACTIVE);
    assert_float_equal(f.drag_px, -120.0f, 1e-6);
    assert_true(f.has_peek);
    assert_slide(f.peek, SECTION_ABOUT, 1, -1);

    /* Backwards from ABOUT's first page there is nothing: no peek at CONTACT. */
    deck_command(&deck, drag(80.0f), T0 + 20);
    f = frame_at(&deck, T0 + 20);
    assert_false(f.has_peek);
    assert_true(f.drag_px > 0.0f && f.drag_px < 80.0f);

    deck_command(&deck, cmd(DECK_CMD_DRAG_END), T0 + 30);
    f = frame_at(&deck, T0 + 30 + SPRING);
    assert_float_equal(f.drag_px, 0.0f, 1e-6);
    assert_false(f.has_peek);

    deck_command(&deck, drag(-300.0f), T0 + 1040);
    deck_command(&deck, cmd(DECK_CMD_NEXT_PAGE), T0 + 1050);
    f = frame_at(&deck, T0 + 1050);
    assert_float_equal(f.drag_px, 0.0f, 1e-6);
    assert_slide(f.slide, SECTION_ABOUT, 1, -1);
    /* The slide continues from where the finger let go. */
    assert_int_equal(f.transition, TRANSITION_SLIDE_LEFT);
    assert_float_equal(f.transition_from_px, -300.0f, 1e-6);

    /* A page move without a drag starts from rest. */
    deck_tick(&deck, T0 + 1050 + 2 * FADE);
    deck_command(&deck, cmd(DECK_CMD_PREV_PAGE), T0 + 1050 + 2 * FADE);
    f = frame_at(&deck, T0 + 1050 + 2 * FADE);
    assert_int_equal(f.transition, TRANSITION_SLIDE_RIGHT);
    assert_float_equal(f.transition_from_px, 0.0f, 1e-6);
}

static void test_idle_warning_counts_down(void **state)
{
    (void)state;
    Deck deck;
    booth(&deck, 0);
    uint64_t touch = T0 + 100;
    deck_command(&deck, goto_section(SECTION_CONTACT), touch);
    deck_tick(&deck, touch + FADE);
    DeckFrame f = frame_at(&deck, touch + IDLE - WARN - 1);
    assert_false(f.idle_warning);
    assert_int_equal(f.idle_seconds_left, 0);
    /* The deck sleeps until the warning, then wakes once a second for it. */
    assert_int_equal(deck_next_deadline_ms(&deck, touch + FADE), touch + IDLE - WARN);
    uint32_t rev = deck_revision(&deck);
    deck_tick(&deck, touch + IDLE - WARN);
    assert_int_not_equal(deck_revision(&deck), rev);
    f = frame_at(&deck, touch + IDLE - WARN);
    assert_true(f.idle_warning);
    assert_int_equal(f.idle_seconds_left, 10);
    assert_int_equal(f.mode, DECK_MODE_INTERACTIVE);
    assert_int_equal(deck_next_deadline_ms(&deck, touch + IDLE - WARN), touch + IDLE - 9000);
    for (uint32_t left = 9; left >= 1; left--) {
        uint64_t at = touch + IDLE - (uint64_t)left * 1000;
        rev = deck_revision(&deck);
        deck_tick(&deck, at - 1);
        assert_int_equal(deck_revision(&deck), rev); /* nothing new just before */
        assert_int_equal(frame_at(&deck, at - 1).idle_seconds_left, left + 1);
        deck_tick(&deck, at);
        assert_int_not_equal(deck_revision(&deck), rev);
        assert_int_equal(frame_at(&deck, at).idle_seconds_left, left);
        assert_int_equal(deck_next_deadline_ms(&deck, at), at + 1000);
    }
    deck_tick(&deck, touch + IDLE);
    f = frame_at(&deck, touch + IDLE);
    assert_int_equal(f.mode, DECK_MODE_ATTRACT);
    assert_false(f.idle_warning);
    assert_int_equal(f.transition, TRANSITION_FADE_TO_ATTRACT);
}

static void test_touch_dismisses_idle_warning_only(void **state)
{
    (void)state;
    Deck deck;
    booth(&deck, 0);
    uint64_t touch = T0 + 100;
    deck_command(&deck, goto_section(SECTION_MEMBERS), touch);
    uint64_t warned = touch + IDLE - WARN + 3000; /* 7 s left */
    deck_tick(&deck, warned);
    assert_true(frame_at(&deck, warned).idle_warning);
    uint32_t rev = deck_revision(&deck);
    /* The touch lands on a section button: it keeps the page, and does not
     * also act on what was under the warning. */
    deck_command(&deck, goto_section(SECTION_CONTACT), warned);
    assert_int_not_equal(deck_revision(&deck), rev);
    DeckFrame f = frame_at(&deck, warned);
    assert_false(f.idle_warning);
    assert_slide(f.slide, SECTION_MEMBERS, 0, -1);
    assert_int_equal(f.transition, TRANSITION_NONE);
    assert_int_equal(f.mode, DECK_MODE_INTERACTIVE);
    /* The idle stretch starts again from that touch. */
    assert_int_equal(deck_next_deadline_ms(&deck, warned), warned + IDLE - WARN);
    deck_tick(&deck, touch + IDLE);
    assert_int_equal(frame_at(&deck, touch + IDLE).mode, DECK_MODE_INTERACTIVE);
    /* After the dismissal, commands act again. */
    deck_command(&deck, goto_section(SECTION_CONTACT), warned + 10);
    assert_slide(frame_at(&deck, warned + 10).slide, SECTION_CONTACT, 0, -1);

    /* The same for a drag, a page move and a language change. */
    uint64_t again = warned + 10 + IDLE - WARN;
    DeckCommand answers[] = {drag(-200.0f), cmd(DECK_CMD_PREV_PAGE), set_lang(LANG_SR_CYRL)};
    for (size_t i = 0; i < sizeof answers / sizeof answers[0]; i++) {
        deck_tick(&deck, again);
        assert_true(frame_at(&deck, again).idle_warning);
        deck_command(&deck, answers[i], again);
        f = frame_at(&deck, again);
        assert_false(f.idle_warning);
        assert_float_equal(f.drag_px, 0.0f, 1e-6);
        assert_slide(f.slide, SECTION_CONTACT, 0, -1);
        assert_int_equal(f.lang, LANG_EN);
        again += IDLE - WARN;
    }
    /* ATTRACT (staff's Escape) still leaves at once. */
    deck_tick(&deck, again);
    deck_command(&deck, cmd(DECK_CMD_ATTRACT), again);
    assert_int_equal(frame_at(&deck, again).mode, DECK_MODE_ATTRACT);
}

static void test_detail_waits_longer(void **state)
{
    (void)state;
    Deck deck;
    booth(&deck, 0);
    uint64_t touch = T0 + 100;
    deck_command(&deck, goto_section(SECTION_MEMBERS), touch);
    deck_command(&deck, open_detail(1), touch + 1000);
    uint64_t opened = touch + 1000;
    deck_tick(&deck, opened + IDLE);
    DeckFrame f = frame_at(&deck, opened + IDLE);
    assert_int_equal(f.mode, DECK_MODE_INTERACTIVE);
    assert_false(f.idle_warning);
    assert_int_equal(deck_next_deadline_ms(&deck, opened + IDLE), opened + 2 * IDLE - WARN);
    deck_tick(&deck, opened + 2 * IDLE - WARN);
    assert_true(frame_at(&deck, opened + 2 * IDLE - WARN).idle_warning);
    deck_tick(&deck, opened + 2 * IDLE);
    assert_int_equal(frame_at(&deck, opened + 2 * IDLE).mode, DECK_MODE_ATTRACT);

    /* Configured: and a short timeout warns for half of it at most. */
    DeckConfig config = deck_config_default(DECK_PROFILE_BOOTH);
    config.idle_ms = 5000;
    config.detail_idle_ms = 0; /* → twice idle_ms */
    deck_init(&deck, &OUTLINE, &config, T0);
    deck_command(&deck, cmd(DECK_CMD_WAKE), T0);
    assert_int_equal(deck_next_deadline_ms(&deck, T0), T0 + 2500);
    deck_tick(&deck, T0 + 2500);
    assert_int_equal(frame_at(&deck, T0 + 2500).idle_seconds_left, 3);
    deck_command(&deck, cmd(DECK_CMD_WAKE), T0 + 3000); /* dismisses */
    deck_command(&deck, goto_section(SECTION_MEMBERS), T0 + 3050);
    deck_command(&deck, open_detail(0), T0 + 3100);
    deck_tick(&deck, T0 + 3100 + FADE);
    assert_int_equal(deck_next_deadline_ms(&deck, T0 + 3100 + FADE), T0 + 3100 + 10000 - 5000);
}

static void test_outline_swap_keeps_or_resets_slide(void **state)
{
    (void)state;
    Deck deck;
    booth(&deck, 0);
    deck_command(&deck, goto_section(SECTION_COOPERATION), T0);
    deck_command(&deck, set_lang(LANG_SR_CYRL), T0);
    DeckOutline more = OUTLINE;
    more.pages[SECTION_STORIES] = 4;
    uint32_t rev = deck_revision(&deck);
    deck_set_outline(&deck, &more, T0 + 1000);
    DeckFrame f = frame_at(&deck, T0 + 1000);
    assert_int_not_equal(f.revision, rev);
    assert_slide(f.slide, SECTION_COOPERATION, 0, -1);
    assert_int_equal(f.mode, DECK_MODE_INTERACTIVE);
    assert_int_equal(f.lang, LANG_SR_CYRL);

    DeckOutline fewer = OUTLINE;
    fewer.pages[SECTION_COOPERATION] = 0;
    deck_set_outline(&deck, &fewer, T0 + 2000);
    f = frame_at(&deck, T0 + 2000);
    assert_slide(f.slide, SECTION_ABOUT, 0, -1);
    assert_int_equal(f.transition, TRANSITION_CROSSFADE);
}

/* STORIES 3 pages (7 stories), text blocks on ABOUT and COOPERATION pages. */
static const DeckOutline STORY_OUTLINE = {
    .pages = {[SECTION_ABOUT] = 2, [SECTION_MEMBERS] = 1, [SECTION_STORIES] = 3,
              [SECTION_COOPERATION] = 1, [SECTION_CONTACT] = 1},
    .member_details = 3,
    .story_details = 7,
    .blocks = {[SECTION_ABOUT] = {1, 2}, [SECTION_COOPERATION] = {3}},
};

static void story_booth(Deck *deck, uint32_t detail_idle_ms)
{
    DeckConfig config = deck_config_default(DECK_PROFILE_BOOTH);
    config.progress_steps = 0;
    config.detail_idle_ms = detail_idle_ms;
    deck_init(deck, &STORY_OUTLINE, &config, T0);
}

static DeckCommand scroll_to(float finger_px)
{
    DeckCommand c = {.kind = DECK_CMD_SCROLL, .arg.drag_px = finger_px};
    return c;
}

/* A story opens from its card, browses through all stories, and Back returns to the page it
 * was opened from; a text detail opens only for a block the page has, and paging leaves it. */
static void test_story_and_text_details(void **state)
{
    (void)state;
    Deck deck;
    story_booth(&deck, 0);
    deck_command(&deck, goto_section(SECTION_STORIES), T0);
    deck_command(&deck, cmd(DECK_CMD_NEXT_PAGE), T0 + 100);
    assert_slide(frame_at(&deck, T0 + 100).slide, SECTION_STORIES, 1, -1);
    deck_command(&deck, open_detail(5), T0 + 1000);
    DeckFrame f = frame_at(&deck, T0 + 1000);
    assert_slide(f.slide, SECTION_STORIES, 1, 5);
    assert_int_equal(deck_detail_kind(f.slide), DETAIL_STORY);
    assert_int_equal(f.transition, TRANSITION_CROSSFADE);
    deck_command(&deck, open_detail(7), T0 + 1100); /* out of range */
    assert_slide(frame_at(&deck, T0 + 1100).slide, SECTION_STORIES, 1, 5);
    deck_command(&deck, cmd(DECK_CMD_NEXT_PAGE), T0 + 2000);
    deck_command(&deck, cmd(DECK_CMD_NEXT_PAGE), T0 + 3000);
    assert_slide(frame_at(&deck, T0 + 3000).slide, SECTION_STORIES, 1, 0); /* wrapped */
    deck_command(&deck, cmd(DECK_CMD_PREV_PAGE), T0 + 4000);
    assert_slide(frame_at(&deck, T0 + 4000).slide, SECTION_STORIES, 1, 6);
    deck_command(&deck, cmd(DECK_CMD_BACK), T0 + 5000);
    assert_slide(frame_at(&deck, T0 + 5000).slide, SECTION_STORIES, 1, -1);

    /* Text details: only the blocks a page has. */
    deck_command(&deck, goto_section(SECTION_ABOUT), T0 + 6000);
    deck_command(&deck, open_detail(1), T0 + 6100); /* page 0 has one block */
    assert_slide(frame_at(&deck, T0 + 6100).slide, SECTION_ABOUT, 0, -1);
    deck_command(&deck, open_detail(0), T0 + 6200);
    f = frame_at(&deck, T0 + 6200);
    assert_slide(f.slide, SECTION_ABOUT, 0, 0);
    assert_int_equal(deck_detail_kind(f.slide), DETAIL_TEXT);
    /* Paging from a text detail goes on to the next page, closed. */
    deck_command(&deck, cmd(DECK_CMD_NEXT_PAGE), T0 + 7000);
    assert_slide(frame_at(&deck, T0 + 7000).slide, SECTION_ABOUT, 1, -1);
    deck_command(&deck, open_detail(1), T0 + 8000);
    deck_command(&deck, cmd(DECK_CMD_PREV_PAGE), T0 + 9000);
    assert_slide(frame_at(&deck, T0 + 9000).slide, SECTION_ABOUT, 0, -1);
    deck_command(&deck, goto_section(SECTION_COOPERATION), T0 + 10000);
    deck_command(&deck, open_detail(2), T0 + 10100);
    deck_command(&deck, cmd(DECK_CMD_BACK), T0 + 11000);
    assert_slide(frame_at(&deck, T0 + 11000).slide, SECTION_COOPERATION, 0, -1);
    /* CONTACT has no blocks in this outline. */
    deck_command(&deck, goto_section(SECTION_CONTACT), T0 + 12000);
    deck_command(&deck, open_detail(0), T0 + 12100);
    assert_slide(frame_at(&deck, T0 + 12100).slide, SECTION_CONTACT, 0, -1);
    assert_int_equal(deck_detail_kind((SlideRef){SECTION_MEMBERS, 0, 0}), DETAIL_MEMBER);
    assert_int_equal(deck_detail_kind((SlideRef){SECTION_MEMBERS, 0, -1}), DETAIL_NONE);

    /* A new outline with fewer blocks closes a text detail that no longer exists. */
    deck_command(&deck, goto_section(SECTION_ABOUT), T0 + 13000);
    deck_command(&deck, cmd(DECK_CMD_NEXT_PAGE), T0 + 13100);
    deck_command(&deck, open_detail(1), T0 + 13200);
    DeckOutline fewer = STORY_OUTLINE;
    fewer.blocks[SECTION_ABOUT][1] = 1;
    deck_set_outline(&deck, &fewer, T0 + 14000);
    assert_slide(frame_at(&deck, T0 + 14000).slide, SECTION_ABOUT, 1, -1);
}

/* Someone reading a detail gets longer before the attract loop takes over. */
static void test_detail_idle_is_longer(void **state)
{
    (void)state;
    Deck deck;
    story_booth(&deck, 0);
    assert_int_equal(deck.config.detail_idle_ms, 2 * IDLE);
    deck_command(&deck, goto_section(SECTION_STORIES), T0);
    deck_command(&deck, open_detail(2), T0 + 1000);
    deck_tick(&deck, T0 + 5000);
    /* The "Still there?" warning comes first, WARN before the end. */
    assert_int_equal(deck_next_deadline_ms(&deck, T0 + 5000), T0 + 1000 + 2 * IDLE - WARN);
    deck_tick(&deck, T0 + 1000 + IDLE);
    assert_int_equal(frame_at(&deck, T0 + 1000 + IDLE).mode, DECK_MODE_INTERACTIVE);
    deck_tick(&deck, T0 + 1000 + 2 * IDLE);
    DeckFrame f = frame_at(&deck, T0 + 1000 + 2 * IDLE);
    assert_int_equal(f.mode, DECK_MODE_ATTRACT);
    assert_int_equal(f.slide.detail, -1);

    /* A page uses the normal timeout; a configured detail timeout is used as given, but
     * never shorter than the page's. */
    story_booth(&deck, 60000);
    deck_command(&deck, cmd(DECK_CMD_WAKE), T0);
    assert_int_equal(deck_next_deadline_ms(&deck, T0), T0 + IDLE - WARN);
    deck_command(&deck, goto_section(SECTION_STORIES), T0 + 1);
    deck_command(&deck, open_detail(0), T0 + 2);
    deck_tick(&deck, T0 + 2000);
    assert_int_equal(deck_next_deadline_ms(&deck, T0 + 2000), T0 + 2 + 60000 - WARN);
    story_booth(&deck, 1000);
    assert_int_equal(deck.config.detail_idle_ms, IDLE);
}

/* A detail scrolls with the finger and glides; a new slide starts at the top; the deck
 * wakes at the frame rate only while the page moves. */
static void test_scroll_on_details(void **state)
{
    (void)state;
    Deck deck;
    story_booth(&deck, 0);
    deck_command(&deck, goto_section(SECTION_STORIES), T0);
    /* On a page a vertical drag does nothing. */
    deck_command(&deck, scroll_to(0.0f), T0 + 10);
    deck_command(&deck, scroll_to(-300.0f), T0 + 26);
    assert_float_equal(frame_at(&deck, T0 + 26).scroll_px, 0.0f, 1e-6);
    deck_command(&deck, cmd(DECK_CMD_SCROLL_END), T0 + 30);

    deck_command(&deck, open_detail(3), T0 + 1000);
    SlideRef story = frame_at(&deck, T0 + 1000).slide;
    deck_tick(&deck, T0 + 2000); /* the crossfade is over */
    /* The extent of another slide is ignored; this one's counts as a change. */
    deck_set_scroll_extent(&deck, (SlideRef){SECTION_STORIES, 0, -1}, 5000.0f, 800.0f, T0 + 2000);
    assert_float_equal(frame_at(&deck, T0 + 2000).scroll_extent, 0.0f, 1e-6);
    uint32_t rev = deck_revision(&deck);
    deck_set_scroll_extent(&deck, story, 2000.0f, 800.0f, T0 + 2000);
    assert_true(deck_revision(&deck) != rev);
    rev = deck_revision(&deck);
    deck_set_scroll_extent(&deck, story, 2000.0f, 800.0f, T0 + 2001); /* the same again */
    assert_int_equal(deck_revision(&deck), rev);
    assert_float_equal(frame_at(&deck, T0 + 2001).scroll_extent, 2000.0f, 1e-6);

    /* Follow the finger: 200 px up in 5 moves of 16 ms, then let go (a flick). */
    uint64_t t = T0 + 3000;
    for (int i = 0; i <= 5; i++) {
        deck_command(&deck, scroll_to(-40.0f * (float)i), t);
        t += 16;
    }
    DeckFrame f = frame_at(&deck, t);
    assert_float_equal(f.scroll_px, 200.0f, 1e-2);
    assert_true(f.scroll_active);
    assert_true(deck_revision(&deck) != rev);
    deck_command(&deck, cmd(DECK_CMD_SCROLL_END), t);
    assert_int_equal(deck_next_deadline_ms(&deck, t), t + DECK_DEFAULT_FRAME_MS);
    float last = 200.0f;
    uint64_t end = t + 5000;
    while (frame_at(&deck, t).scroll_active && t < end) {
        t += DECK_DEFAULT_FRAME_MS;
        deck_tick(&deck, t);
        assert_true(frame_at(&deck, t).scroll_px >= last);
        last = frame_at(&deck, t).scroll_px;
    }
    f = frame_at(&deck, t);
    assert_false(f.scroll_active);
    assert_true(f.scroll_px > 1000.0f && f.scroll_px <= 2000.0f);
    assert_int_equal(f.mode, DECK_MODE_INTERACTIVE); /* reading counts as being there */
    /* At rest it sleeps until the (detail) idle timeout. */
    assert_true(deck_next_deadline_ms(&deck, t + 1) > t + IDLE);

    /* The next story starts at the top; the transition knows where the last one was. */
    deck_command(&deck, cmd(DECK_CMD_NEXT_PAGE), t + 100);
    f = frame_at(&deck, t + 100);
    assert_float_equal(f.scroll_px, 0.0f, 1e-6);
    assert_float_equal(f.from_scroll_px, last, 1e-3);
    assert_slide(f.slide, SECTION_STORIES, 0, 4);

    /* Back to attract resets it too. */
    deck_command(&deck, cmd(DECK_CMD_ATTRACT), t + 200);
    assert_float_equal(frame_at(&deck, t + 200).scroll_px, 0.0f, 1e-6);
}

static void test_config_defaults_and_sanitising(void **state)
{
    (void)state;
    DeckConfig booth_config = deck_config_default(DECK_PROFILE_BOOTH);
    assert_int_equal(booth_config.slide_ms, 8000);
    assert_int_equal(booth_config.idle_ms, 45000);
    assert_int_equal(booth_config.transition_ms, 600);
    assert_int_equal(booth_config.lang_rotate_cycles, 0);

    DeckConfig odd = {.profile = DECK_PROFILE_BOOTH, .transition_ms = 0, .start_lang = (Lang)7};
    Deck deck;
    deck_init(&deck, &OUTLINE, &odd, T0);
    assert_int_equal(frame_at(&deck, T0).lang, LANG_EN);
    assert_int_equal(deck_next_deadline_ms(&deck, T0), T0 + SLIDE);
    deck_tick(&deck, T0 + SLIDE);
    /* transition_ms 0 means a cut: no transition, no frame-rate wake-ups. */
    assert_int_equal(frame_at(&deck, T0 + SLIDE).transition, TRANSITION_NONE);
    assert_int_equal(deck_next_deadline_ms(&deck, T0 + SLIDE), T0 + 2 * SLIDE);
    assert_string_equal(deck_section_name(SECTION_COOPERATION), "cooperation");
    assert_string_equal(deck_section_name(SECTION_COUNT), "");
}

/* ---- the members directory: filter, search, keyboard ------------------------------------- */

static const char *const WORDS[] = {"Atelje", "Boja", "Cvet", "Čipka", "Ćilim", "Dugme", "Džemper", "Đerdan",
                                    "Elegant", "Fini", "Gajtan", "Haljina", "Igla", "Jakna", "Kroj", "Lan",
                                    "Ljubica", "Moda", "Nit", "Njiva", "Obuća", "Platno", "Rukav", "Svila",
                                    "Šavovi", "Tekstil", "Uzor", "Vez", "Zlatna", "Žica"};
enum { WORD_COUNT = 30, MEMBERS = 2 * WORD_COUNT, PER_PAGE = 8, PER_PAGE_TYPING = 4 };

typedef struct MembersFixture {
    char names[MEMBERS][64];
    DirectoryMember members[MEMBERS];
    Directory *dir;
    DeckOutline outline;
} MembersFixture;

/* 60 members: "W Example Brand" (kind 0 or 1) and "W i X Example Brand" (kind 2): the A–Z
 * index files them by their first letter as written. */
static void members_fixture(MembersFixture *f)
{
    memset(f, 0, sizeof *f);
    for (int i = 0; i < WORD_COUNT; i++) {
        snprintf(f->names[2 * i], sizeof f->names[0], "%s Example Brand", WORDS[i]);
        snprintf(f->names[2 * i + 1], sizeof f->names[0], "%s i %s Example Brand", WORDS[i],
                 WORDS[(i + 7) % WORD_COUNT]);
        f->members[2 * i] = (DirectoryMember){f->names[2 * i], i % 2};
        f->members[2 * i + 1] = (DirectoryMember){f->names[2 * i + 1], 2};
    }
    f->dir = directory_create(f->members, MEMBERS);
    assert_non_null(f->dir);
    f->outline = OUTLINE;
    f->outline.directory = f->dir;
    f->outline.members_per_page = PER_PAGE;
    f->outline.members_per_page_typing = PER_PAGE_TYPING;
}

static int pages_for(const MembersFixture *f, int kind, const char *query, Lang lang, int per_page)
{
    DirectoryFilter filter = {kind, query, lang};
    return directory_page_count(f->dir, &filter, per_page);
}

static DeckCommand with_index(DeckCommandKind kind, int index)
{
    DeckCommand c = {.kind = kind, .arg.index = index};
    return c;
}

static DeckCommand type(uint32_t codepoint)
{
    DeckCommand c = {.kind = DECK_CMD_TEXT_INPUT, .arg.codepoint = codepoint};
    return c;
}

/* A booth deck on the first MEMBERS page, interactive, at time T0. */
static void on_members(Deck *deck, const MembersFixture *f)
{
    DeckConfig config = deck_config_default(DECK_PROFILE_BOOTH);
    config.progress_steps = 0;
    deck_init(deck, &f->outline, &config, T0);
    deck_command(deck, goto_section(SECTION_MEMBERS), T0);
    deck_tick(deck, T0 + FADE);
}

static void test_members_pages_come_from_the_directory(void **state)
{
    (void)state;
    MembersFixture f;
    members_fixture(&f);
    Deck deck;
    on_members(&deck, &f);
    DeckFrame frame = frame_at(&deck, T0 + FADE);
    assert_slide(frame.slide, SECTION_MEMBERS, 0, -1);
    assert_int_equal(frame.section_pages, pages_for(&f, DIRECTORY_ALL_KINDS, NULL, LANG_EN, PER_PAGE));
    assert_true(frame.section_pages >= MEMBERS / PER_PAGE);
    assert_int_equal(frame.members.kind, DIRECTORY_ALL_KINDS);
    assert_string_equal(frame.members.query, "");
    assert_int_equal(frame.members.keyboard, DECK_KEYBOARD_CLOSED);
    assert_int_equal(deck.outline.member_details, MEMBERS);
    directory_destroy(f.dir);
}

static void test_typing_filters_at_once(void **state)
{
    (void)state;
    MembersFixture f;
    members_fixture(&f);
    Deck deck;
    on_members(&deck, &f);
    uint64_t t = T0 + 2000;
    deck_command(&deck, with_index(DECK_CMD_GOTO_PAGE, 3), t);
    deck_tick(&deck, t + FADE);
    t += 2 * FADE;
    uint32_t members_revision = frame_at(&deck, t).members.revision;
    deck_command(&deck, with_index(DECK_CMD_KEYBOARD_OPEN, DECK_KEYBOARD_CLOSED), t);
    DeckFrame frame = frame_at(&deck, t);
    assert_int_equal(frame.members.keyboard, DECK_KEYBOARD_LATIN); /* the language's own */
    assert_int_equal(frame.slide.page, 0);
    assert_int_equal(frame.section_pages, pages_for(&f, DIRECTORY_ALL_KINDS, NULL, LANG_EN, PER_PAGE_TYPING));
    assert_int_not_equal(frame.members.revision, members_revision);

    /* "š", "a", "v": results follow every key, first page, no transition. */
    uint32_t revision = deck_revision(&deck);
    deck_command(&deck, type(0x161), t + 100);
    deck_command(&deck, type('a'), t + 200);
    deck_command(&deck, type('v'), t + 300);
    frame = frame_at(&deck, t + 300);
    assert_string_equal(frame.members.query, "šav");
    assert_int_equal(frame.transition, TRANSITION_NONE);
    assert_int_equal(frame.section_pages, 1);
    assert_true(deck_revision(&deck) >= revision + 3);
    /* Typing keeps the visitor: the idle timeout counts from the last key. */
    assert_int_equal(deck_next_deadline_ms(&deck, t + 300), t + 300 + IDLE - WARN);

    deck_command(&deck, cmd(DECK_CMD_TEXT_BACKSPACE), t + 400);
    assert_string_equal(frame_at(&deck, t + 400).members.query, "ša");
    deck_command(&deck, cmd(DECK_CMD_TEXT_BACKSPACE), t + 500);
    deck_command(&deck, cmd(DECK_CMD_TEXT_BACKSPACE), t + 600); /* the two bytes of š go together */
    assert_string_equal(frame_at(&deck, t + 600).members.query, "");
    deck_command(&deck, cmd(DECK_CMD_TEXT_BACKSPACE), t + 700); /* nothing left: nothing happens */
    /* A space first or twice is dropped; controls and surrogates never get in. */
    deck_command(&deck, type(' '), t + 800);
    deck_command(&deck, type('\n'), t + 800);
    deck_command(&deck, type(0xD800), t + 800);
    deck_command(&deck, type(0x448), t + 800);
    deck_command(&deck, type(' '), t + 800);
    deck_command(&deck, type(' '), t + 800);
    deck_command(&deck, type('x'), t + 800);
    assert_string_equal(frame_at(&deck, t + 800).members.query, "ш x");
    deck_command(&deck, cmd(DECK_CMD_TEXT_CLEAR), t + 900);
    assert_string_equal(frame_at(&deck, t + 900).members.query, "");
    /* The query has a cap, and a code point is never cut. */
    for (int i = 0; i < 100; i++) {
        deck_command(&deck, type(0x161), t + 1000);
    }
    frame = frame_at(&deck, t + 1000);
    assert_true(strlen(frame.members.query) < DECK_QUERY_MAX);
    assert_int_equal(strlen(frame.members.query) % 2, 0);

    /* Done: the keyboard goes, the query stays, the pages are the full-size ones again. */
    deck_command(&deck, cmd(DECK_CMD_TEXT_CLEAR), t + 1100);
    deck_command(&deck, type('l'), t + 1100);
    deck_command(&deck, type('j'), t + 1100);
    deck_command(&deck, cmd(DECK_CMD_KEYBOARD_CLOSE), t + 1200);
    frame = frame_at(&deck, t + 1200);
    assert_int_equal(frame.members.keyboard, DECK_KEYBOARD_CLOSED);
    assert_string_equal(frame.members.query, "lj");
    assert_int_equal(frame.section_pages, pages_for(&f, DIRECTORY_ALL_KINDS, "lj", LANG_EN, PER_PAGE));
    directory_destroy(f.dir);
}

static void test_keyboard_layouts(void **state)
{
    (void)state;
    MembersFixture f;
    members_fixture(&f);
    Deck deck;
    on_members(&deck, &f);
    deck_command(&deck, set_lang(LANG_SR_CYRL), T0 + 2000);
    deck_command(&deck, with_index(DECK_CMD_KEYBOARD_OPEN, DECK_KEYBOARD_CLOSED), T0 + 2000);
    assert_int_equal(frame_at(&deck, T0 + 2000).members.keyboard, DECK_KEYBOARD_CYRILLIC);
    deck_command(&deck, with_index(DECK_CMD_KEYBOARD_LAYOUT, DECK_KEYBOARD_LATIN), T0 + 2100);
    assert_int_equal(frame_at(&deck, T0 + 2100).members.keyboard, DECK_KEYBOARD_LATIN);
    deck_command(&deck, with_index(DECK_CMD_KEYBOARD_LAYOUT, 9), T0 + 2200);
    assert_int_equal(frame_at(&deck, T0 + 2200).members.keyboard, DECK_KEYBOARD_LATIN);
    deck_command(&deck, cmd(DECK_CMD_KEYBOARD_CLOSE), T0 + 2300);
    /* A layout switch needs an open keyboard; opening may name the layout. */
    deck_command(&deck, with_index(DECK_CMD_KEYBOARD_LAYOUT, DECK_KEYBOARD_CYRILLIC), T0 + 2400);
    assert_int_equal(frame_at(&deck, T0 + 2400).members.keyboard, DECK_KEYBOARD_CLOSED);
    deck_command(&deck, with_index(DECK_CMD_KEYBOARD_OPEN, DECK_KEYBOARD_LATIN), T0 + 2500);
    assert_int_equal(frame_at(&deck, T0 + 2500).members.keyboard, DECK_KEYBOARD_LATIN);
    directory_destroy(f.dir);
}

static void test_members_commands_only_on_members_pages(void **state)
{
    (void)state;
    MembersFixture f;
    members_fixture(&f);
    Deck deck;
    on_members(&deck, &f);
    deck_command(&deck, goto_section(SECTION_CONTACT), T0 + 2000);
    deck_command(&deck, cmd(DECK_CMD_KEYBOARD_OPEN), T0 + 2000);
    deck_command(&deck, type('a'), T0 + 2000);
    deck_command(&deck, with_index(DECK_CMD_FILTER_KIND, 1), T0 + 2000);
    DeckFrame frame = frame_at(&deck, T0 + 2000);
    assert_int_equal(frame.members.keyboard, DECK_KEYBOARD_CLOSED);
    assert_string_equal(frame.members.query, "");
    assert_int_equal(frame.members.kind, DIRECTORY_ALL_KINDS);
    /* Nor on a member's page. */
    deck_command(&deck, goto_section(SECTION_MEMBERS), T0 + 3000);
    deck_command(&deck, open_detail(5), T0 + 3000);
    deck_command(&deck, type('a'), T0 + 3000);
    assert_string_equal(frame_at(&deck, T0 + 3000).members.query, "");
    /* And a lobby takes none of it. */
    DeckConfig lobby = deck_config_default(DECK_PROFILE_LOBBY);
    deck_init(&deck, &f.outline, &lobby, T0);
    deck_command(&deck, goto_section(SECTION_MEMBERS), T0);
    deck_command(&deck, cmd(DECK_CMD_KEYBOARD_OPEN), T0);
    assert_int_equal(frame_at(&deck, T0).members.keyboard, DECK_KEYBOARD_CLOSED);
    directory_destroy(f.dir);
}

static void test_kind_filter_toggles(void **state)
{
    (void)state;
    MembersFixture f;
    members_fixture(&f);
    Deck deck;
    on_members(&deck, &f);
    deck_command(&deck, with_index(DECK_CMD_GOTO_PAGE, 2), T0 + 2000);
    deck_command(&deck, with_index(DECK_CMD_FILTER_KIND, 2), T0 + 3000);
    DeckFrame frame = frame_at(&deck, T0 + 3000);
    assert_int_equal(frame.members.kind, 2);
    assert_int_equal(frame.slide.page, 0);
    assert_int_equal(frame.section_pages, pages_for(&f, 2, NULL, LANG_EN, PER_PAGE));
    deck_command(&deck, with_index(DECK_CMD_FILTER_KIND, 2), T0 + 3100); /* the same chip again: all */
    assert_int_equal(frame_at(&deck, T0 + 3100).members.kind, DIRECTORY_ALL_KINDS);
    deck_command(&deck, with_index(DECK_CMD_FILTER_KIND, 3), T0 + 3200); /* nobody is of kind 3 */
    deck_command(&deck, with_index(DECK_CMD_FILTER_KIND, -7), T0 + 3200);
    assert_int_equal(frame_at(&deck, T0 + 3200).members.kind, DIRECTORY_ALL_KINDS);
    deck_command(&deck, with_index(DECK_CMD_FILTER_KIND, 1), T0 + 3300);
    deck_command(&deck, with_index(DECK_CMD_FILTER_KIND, DIRECTORY_ALL_KINDS), T0 + 3400);
    assert_int_equal(frame_at(&deck, T0 + 3400).members.kind, DIRECTORY_ALL_KINDS);
    directory_destroy(f.dir);
}

static void test_goto_page(void **state)
{
    (void)state;
    MembersFixture f;
    members_fixture(&f);
    Deck deck;
    on_members(&deck, &f);
    int pages = frame_at(&deck, T0 + 2000).section_pages;
    deck_command(&deck, with_index(DECK_CMD_GOTO_PAGE, 1), T0 + 2000);
    DeckFrame frame = frame_at(&deck, T0 + 2000);
    assert_slide(frame.slide, SECTION_MEMBERS, 1, -1);
    assert_int_equal(frame.transition, TRANSITION_SLIDE_LEFT); /* next door: it slides */
    deck_command(&deck, with_index(DECK_CMD_GOTO_PAGE, pages - 1), T0 + 3000);
    frame = frame_at(&deck, T0 + 3000);
    assert_slide(frame.slide, SECTION_MEMBERS, pages - 1, -1);
    assert_int_equal(frame.transition, TRANSITION_CROSSFADE); /* a jump fades */
    deck_command(&deck, with_index(DECK_CMD_GOTO_PAGE, pages), T0 + 4000);
    deck_command(&deck, with_index(DECK_CMD_GOTO_PAGE, -1), T0 + 4000);
    deck_command(&deck, with_index(DECK_CMD_SCRUB, 0), T0 + 4000); /* only ever a touch target */
    assert_slide(frame_at(&deck, T0 + 4000).slide, SECTION_MEMBERS, pages - 1, -1);
    /* Any section: the page dots of About. */
    deck_command(&deck, goto_section(SECTION_ABOUT), T0 + 5000);
    deck_command(&deck, with_index(DECK_CMD_GOTO_PAGE, 1), T0 + 6000);
    assert_slide(frame_at(&deck, T0 + 6000).slide, SECTION_ABOUT, 1, -1);
    directory_destroy(f.dir);
}

static void test_leaving_closes_keyboard_and_idle_forgets(void **state)
{
    (void)state;
    MembersFixture f;
    members_fixture(&f);
    Deck deck;
    on_members(&deck, &f);
    uint64_t t = T0 + 2000;
    deck_command(&deck, with_index(DECK_CMD_FILTER_KIND, 1), t);
    deck_command(&deck, cmd(DECK_CMD_KEYBOARD_OPEN), t);
    deck_command(&deck, type('b'), t);
    deck_command(&deck, goto_section(SECTION_CONTACT), t + 100);
    DeckFrame frame = frame_at(&deck, t + 100);
    assert_int_equal(frame.members.keyboard, DECK_KEYBOARD_CLOSED);
    assert_string_equal(frame.members.query, "b");
    assert_int_equal(frame.members.kind, 1);
    deck_command(&deck, goto_section(SECTION_MEMBERS), t + 200);
    assert_int_equal(frame_at(&deck, t + 200).section_pages, pages_for(&f, 1, "b", LANG_EN, PER_PAGE));
    /* The next visitor starts afresh. */
    uint32_t members_revision = frame_at(&deck, t + 200).members.revision;
    deck_tick(&deck, t + 200 + IDLE);
    frame = frame_at(&deck, t + 200 + IDLE);
    assert_int_equal(frame.mode, DECK_MODE_ATTRACT);
    assert_int_equal(frame.members.kind, DIRECTORY_ALL_KINDS);
    assert_string_equal(frame.members.query, "");
    assert_int_not_equal(frame.members.revision, members_revision);
    deck_command(&deck, goto_section(SECTION_MEMBERS), t + 300 + IDLE);
    assert_int_equal(frame_at(&deck, t + 300 + IDLE).section_pages,
                     pages_for(&f, DIRECTORY_ALL_KINDS, NULL, LANG_EN, PER_PAGE));
    directory_destroy(f.dir);
}

/* An event's days at a booth: EVENT's first page, "Find my meetings", types into the same
 * search; its other pages (the agenda) and EVENT without event_search do not. */
static void test_find_my_meetings_takes_the_search(void **state)
{
    (void)state;
    MembersFixture f;
    members_fixture(&f);
    f.outline.pages[SECTION_EVENT] = 3;
    f.outline.event_search = true;
    Deck deck;
    on_members(&deck, &f);
    uint64_t t = T0 + 2000;
    deck_command(&deck, goto_section(SECTION_EVENT), t);
    deck_tick(&deck, t + FADE);
    t += 2 * FADE;
    assert_slide(frame_at(&deck, t).slide, SECTION_EVENT, 0, -1);
    assert_true(deck_members_takes_search(&deck, (SlideRef){SECTION_EVENT, 0, -1}));
    assert_false(deck_members_takes_search(&deck, (SlideRef){SECTION_EVENT, 1, -1}));
    deck_command(&deck, cmd(DECK_CMD_KEYBOARD_OPEN), t);
    deck_command(&deck, type('a'), t + 100);
    deck_command(&deck, type('7'), t + 200);
    DeckFrame frame = frame_at(&deck, t + 200);
    assert_slide(frame.slide, SECTION_EVENT, 0, -1);
    assert_int_equal(frame.members.keyboard, DECK_KEYBOARD_LATIN);
    assert_string_equal(frame.members.query, "a7");
    /* The agenda's page closes the keyboard and takes no typing; the query stays. */
    deck_command(&deck, cmd(DECK_CMD_NEXT_PAGE), t + 300);
    deck_tick(&deck, t + 300 + FADE);
    deck_command(&deck, type('b'), t + 400 + FADE);
    frame = frame_at(&deck, t + 400 + FADE);
    assert_slide(frame.slide, SECTION_EVENT, 1, -1);
    assert_int_equal(frame.members.keyboard, DECK_KEYBOARD_CLOSED);
    assert_string_equal(frame.members.query, "a7");
    /* Without event_search, EVENT's first page is no search. */
    f.outline.event_search = false;
    deck_set_outline(&deck, &f.outline, t + 500 + FADE);
    assert_false(deck_members_takes_search(&deck, (SlideRef){SECTION_EVENT, 0, -1}));
    directory_destroy(f.dir);
}

static void test_language_reorders_members(void **state)
{
    (void)state;
    MembersFixture f;
    members_fixture(&f);
    Deck deck;
    on_members(&deck, &f);
    int english = pages_for(&f, DIRECTORY_ALL_KINDS, NULL, LANG_EN, PER_PAGE);
    int serbian = pages_for(&f, DIRECTORY_ALL_KINDS, NULL, LANG_SR_LATN, PER_PAGE);
    assert_int_not_equal(english, serbian); /* Č, Ć, Dž, Đ, Lj, Nj, Š, Ž are letters of their own */
    deck_command(&deck, with_index(DECK_CMD_GOTO_PAGE, serbian > english ? english - 1 : serbian - 1), T0 + 2000);
    deck_command(&deck, set_lang(LANG_SR_LATN), T0 + 3000);
    DeckFrame frame = frame_at(&deck, T0 + 3000);
    assert_int_equal(frame.section_pages, serbian);
    assert_true(frame.slide.page < serbian);
    /* From the last page, a language with fewer pages keeps the visitor on its last one. */
    int more = english > serbian ? english : serbian;
    Lang wide = english > serbian ? LANG_EN : LANG_SR_LATN;
    Lang narrow = english > serbian ? LANG_SR_LATN : LANG_EN;
    deck_command(&deck, set_lang(wide), T0 + 4000);
    deck_command(&deck, with_index(DECK_CMD_GOTO_PAGE, more - 1), T0 + 4000);
    deck_command(&deck, set_lang(narrow), T0 + 5000);
    frame = frame_at(&deck, T0 + 5000);
    assert_slide(frame.slide, SECTION_MEMBERS, frame.section_pages - 1, -1);
    directory_destroy(f.dir);
}

static void test_details_browse_the_selection_and_back_finds_the_page(void **state)
{
    (void)state;
    MembersFixture f;
    members_fixture(&f);
    Deck deck;
    on_members(&deck, &f);
    /* "cvet": Cvet, Cvet i Fini and Tekstil i Cvet. */
    deck_command(&deck, cmd(DECK_CMD_KEYBOARD_OPEN), T0 + 2000);
    const char *query = "cvet";
    for (const char *c = query; *c; c++) {
        deck_command(&deck, type((uint32_t)*c), T0 + 2000);
    }
    DirectoryFilter filter = {DIRECTORY_ALL_KINDS, query, LANG_EN};
    DirectoryView view;
    assert_true(directory_view_create(f.dir, &filter, PER_PAGE_TYPING, &view));
    assert_int_equal(view.count, 3);
    deck_command(&deck, open_detail(view.members[0]), T0 + 3000);
    assert_slide(frame_at(&deck, T0 + 3000).slide, SECTION_MEMBERS, 0, view.members[0]);
    assert_int_equal(frame_at(&deck, T0 + 3000).members.keyboard, DECK_KEYBOARD_CLOSED);
    deck_tick(&deck, T0 + 3000 + FADE);
    /* Swipes go through the three that match, wrapping. */
    deck_command(&deck, cmd(DECK_CMD_NEXT_PAGE), T0 + 4000);
    assert_int_equal(frame_at(&deck, T0 + 4000).slide.detail, view.members[1]);
    deck_command(&deck, cmd(DECK_CMD_NEXT_PAGE), T0 + 5000);
    deck_command(&deck, cmd(DECK_CMD_NEXT_PAGE), T0 + 6000);
    assert_int_equal(frame_at(&deck, T0 + 6000).slide.detail, view.members[0]);
    deck_command(&deck, cmd(DECK_CMD_PREV_PAGE), T0 + 7000);
    assert_int_equal(frame_at(&deck, T0 + 7000).slide.detail, view.members[2]);
    directory_view_destroy(&view);

    /* Without a query: open a member from page 0, browse to one on another page, Back goes there. */
    deck_command(&deck, cmd(DECK_CMD_BACK), T0 + 8000);
    deck_command(&deck, cmd(DECK_CMD_KEYBOARD_OPEN), T0 + 8000);
    deck_command(&deck, cmd(DECK_CMD_TEXT_CLEAR), T0 + 8000);
    deck_command(&deck, cmd(DECK_CMD_KEYBOARD_CLOSE), T0 + 8000);
    filter.query = NULL;
    assert_true(directory_view_create(f.dir, &filter, PER_PAGE, &view));
    int first_of_page_1 = view.members[view.pages[1].first];
    int last_of_page_0 = view.members[view.pages[0].first + view.pages[0].count - 1];
    deck_command(&deck, open_detail(last_of_page_0), T0 + 9000);
    deck_command(&deck, cmd(DECK_CMD_NEXT_PAGE), T0 + 10000);
    assert_int_equal(frame_at(&deck, T0 + 10000).slide.detail, first_of_page_1);
    deck_command(&deck, cmd(DECK_CMD_BACK), T0 + 11000);
    assert_slide(frame_at(&deck, T0 + 11000).slide, SECTION_MEMBERS, 1, -1);
    directory_view_destroy(&view);
    directory_destroy(f.dir);
}

static void test_new_directory_keeps_or_resets_the_filter(void **state)
{
    (void)state;
    MembersFixture f;
    members_fixture(&f);
    Deck deck;
    on_members(&deck, &f);
    deck_command(&deck, with_index(DECK_CMD_FILTER_KIND, 1), T0 + 2000);
    /* A new pack in which nobody is of kind 1: the filter goes, MEMBERS stays. */
    DirectoryMember one = {"Example Brand Solo", 0};
    Directory *small = directory_create(&one, 1);
    DeckOutline outline = f.outline;
    outline.directory = small;
    deck_set_outline(&deck, &outline, T0 + 3000);
    DeckFrame frame = frame_at(&deck, T0 + 3000);
    assert_int_equal(frame.members.kind, DIRECTORY_ALL_KINDS);
    assert_int_equal(frame.section_pages, 1);
    assert_int_equal(deck.outline.member_details, 1);
    /* An empty directory: no MEMBERS section at all. */
    Directory *empty = directory_create(NULL, 0);
    outline.directory = empty;
    deck_set_outline(&deck, &outline, T0 + 4000);
    deck_tick(&deck, T0 + 4000 + FADE);
    assert_int_not_equal(frame_at(&deck, T0 + 4000 + FADE).slide.section, SECTION_MEMBERS);
    deck_command(&deck, goto_section(SECTION_MEMBERS), T0 + 5000);
    assert_int_not_equal(frame_at(&deck, T0 + 5000).slide.section, SECTION_MEMBERS);
    directory_destroy(empty);
    directory_destroy(small);
    directory_destroy(f.dir);
}

static void test_command_names(void **state)
{
    (void)state;
    assert_string_equal(deck_command_name(DECK_CMD_OPEN_DETAIL), "open-detail");
    assert_string_equal(deck_command_name(DECK_CMD_TEXT_INPUT), "text-input");
    assert_string_equal(deck_command_name(DECK_CMD_KIND_COUNT), "");
    for (int kind = 0; kind < DECK_CMD_KIND_COUNT; kind++) {
        assert_true(deck_command_name((DeckCommandKind)kind)[0] != '\0');
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_attract_cycles_in_order_and_wraps),
        cmocka_unit_test(test_transition_is_eased_and_ends),
        cmocka_unit_test(test_idle_kiosk_sleeps_until_next_change),
        cmocka_unit_test(test_next_attract_slide_is_known),
        cmocka_unit_test(test_late_tick_keeps_rhythm_and_stall_restarts),
        cmocka_unit_test(test_empty_deck_and_only_one_section),
        cmocka_unit_test(test_wake_enters_interactive_and_idle_returns),
        cmocka_unit_test(test_every_command_resets_idle_timer),
        cmocka_unit_test(test_read_aloud_keeps_the_page),
        cmocka_unit_test(test_page_moves_stay_in_section),
        cmocka_unit_test(test_edge_bounce_moves_and_returns),
        cmocka_unit_test(test_released_drag_springs_back),
        cmocka_unit_test(test_goto_section),
        cmocka_unit_test(test_detail_open_browse_and_back),
        cmocka_unit_test(test_story_opened_from_member),
        cmocka_unit_test(test_language_switch),
        cmocka_unit_test(test_lobby_never_interactive_and_rotates_language),
        cmocka_unit_test(test_lobby_single_section_counts_cycles),
        cmocka_unit_test(test_drag_follows_finger_and_peeks),
        cmocka_unit_test(test_idle_warning_counts_down),
        cmocka_unit_test(test_touch_dismisses_idle_warning_only),
        cmocka_unit_test(test_detail_waits_longer),
        cmocka_unit_test(test_outline_swap_keeps_or_resets_slide),
        cmocka_unit_test(test_story_and_text_details),
        cmocka_unit_test(test_detail_idle_is_longer),
        cmocka_unit_test(test_scroll_on_details),
        cmocka_unit_test(test_config_defaults_and_sanitising),
        cmocka_unit_test(test_members_pages_come_from_the_directory),
        cmocka_unit_test(test_typing_filters_at_once),
        cmocka_unit_test(test_keyboard_layouts),
        cmocka_unit_test(test_members_commands_only_on_members_pages),
        cmocka_unit_test(test_kind_filter_toggles),
        cmocka_unit_test(test_goto_page),
        cmocka_unit_test(test_leaving_closes_keyboard_and_idle_forgets),
        cmocka_unit_test(test_find_my_meetings_takes_the_search),
        cmocka_unit_test(test_language_reorders_members),
        cmocka_unit_test(test_details_browse_the_selection_and_back_finds_the_page),
        cmocka_unit_test(test_new_directory_keeps_or_resets_the_filter),
        cmocka_unit_test(test_command_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
