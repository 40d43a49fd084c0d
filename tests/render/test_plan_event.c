/* Slide plan on an event day (plan_add_event): the lobby's loop leads with the event's slides
 * and comes back to them between sections on the event's day, the meeting board holds the
 * current round and the next, and nothing of the event is planned the day after or in a pack
 * without events. A fictional event in Europe/Belgrade (UTC+2 in September). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "content/loader.h"
#include "core/event_time.h"
#include "render/plan.h"
#include "support/fixture.h"

typedef struct Fixture {
    char *dir;
    Content *content;
} Fixture;

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof *f);
    f->dir = fixture_tempdir();
    fixture_sources(f->dir);
    fixture_write(f->dir, "events.csv",
                  "id,name_en,name_sr_latn,venue_en,venue_sr_latn,starts,ends,time_zone\n"
                  "day,Example Day,Primer dan,Example Hall,Primer hala,2026-09-17,2026-09-17,Europe/Belgrade\n",
                  (size_t)-1);
    fixture_write(f->dir, "sessions.csv",
                  "id,event,starts,ends,room_en,room_sr_latn,title_en,title_sr_latn,kind\n"
                  "open,day,2026-09-17T09:00,2026-09-17T10:00,Hall A,Hala A,Opening,Otvaranje,talk\n",
                  (size_t)-1);
    /* Two rounds of three tables: 10:00-10:20 and 10:25-10:45 local. */
    fixture_write(f->dir, "meetings.csv",
                  "event,starts,ends,table,party_a,party_b,title,private\n"
                  "day,2026-09-17T10:00,2026-09-17T10:20,1,Example A,Example B,,no\n"
                  "day,2026-09-17T10:00,2026-09-17T10:20,2,Example C,Example D,,no\n"
                  "day,2026-09-17T10:00,2026-09-17T10:20,3,Example E,Example F,,yes\n"
                  "day,2026-09-17T10:25,2026-09-17T10:45,1,Example A,Example D,,no\n"
                  "day,2026-09-17T10:25,2026-09-17T10:45,2,Example C,Example B,,no\n"
                  "day,2026-09-17T10:25,2026-09-17T10:45,3,Example E,Example G,,no\n",
                  (size_t)-1);
    char *pack = fixture_build_pack(f->dir);
    assert_int_equal(content_load(pack, NULL, &f->content), CONTENT_OK);
    free(pack);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    content_unload(f->content);
    fixture_remove_tree(f->dir);
    free(f);
    return 0;
}

static EventInstant at(const char *utc)
{
    EventInstant t = 0;
    assert_true(event_instant_parse(utc, &t));
    return t;
}

static int count_kind(const SlidePlan *plan, SectionId section, SlideKind kind)
{
    int n = 0;
    for (int page = 0; page < plan->page_count[section]; page++) {
        n += plan->pages[section][page].kind == kind;
    }
    return n;
}

static void test_event_day_leads_and_returns(void **state)
{
    Fixture *f = *state;
    SlidePlan before;
    SlidePlan plan;
    assert_true(plan_create(&before, f->content, "2026-09-17", plan_capacity(false)));
    assert_true(plan_create(&plan, f->content, "2026-09-17", plan_capacity(false)));
    /* 10:05 local: round 1 runs, round 2 is next. */
    plan_add_event(&plan, f->content, at("2026-09-17T08:05:00Z"), true);
    assert_non_null(plan.event.event);
    assert_int_equal(plan.event.board_pages, 1);
    size_t board[16];
    assert_int_equal(plan_event_board(&plan, f->content, board, 16), 6);
    /* ABOUT leads with now and next, then the board, then the profile's pages as before. */
    assert_int_equal(plan.page_count[SECTION_ABOUT], before.page_count[SECTION_ABOUT] + 2);
    assert_int_equal(plan.pages[SECTION_ABOUT][0].kind, SLIDE_EVENT_NOW);
    assert_int_equal(plan.pages[SECTION_ABOUT][1].kind, SLIDE_EVENT_BOARD);
    assert_int_equal(plan.pages[SECTION_ABOUT][2].kind, SLIDE_VISION);
    assert_int_equal(plan.blocks[SECTION_ABOUT][0], 0);
    assert_int_equal(plan.blocks[SECTION_ABOUT][2], before.blocks[SECTION_ABOUT][0]);
    /* The other sections with pages come back to the event first; MEMBERS is the directory's. */
    const SectionId between[] = {SECTION_STORIES, SECTION_COOPERATION, SECTION_CONTACT};
    for (size_t i = 0; i < 3; i++) {
        SectionId s = between[i];
        assert_true(before.page_count[s] > 0);
        assert_int_equal(plan.page_count[s], before.page_count[s] + 2);
        assert_int_equal(plan.pages[s][0].kind, SLIDE_EVENT_NOW);
        assert_int_equal(plan.pages[s][1].kind, SLIDE_EVENT_BOARD);
        assert_int_equal(plan.pages[s][2].kind, before.pages[s][0].kind);
    }
    assert_int_equal(plan.page_count[SECTION_MEMBERS], before.page_count[SECTION_MEMBERS]);
    PlannedSlide slide;
    assert_true(plan_slide(&plan, (SlideRef){SECTION_ABOUT, 1, -1}, &slide));
    assert_int_equal(slide.kind, SLIDE_EVENT_BOARD);
    plan_destroy(&plan);
    plan_destroy(&before);
}

static void test_board_drops_finished_rounds(void **state)
{
    Fixture *f = *state;
    SlidePlan plan;
    assert_true(plan_create(&plan, f->content, "2026-09-17", plan_capacity(true)));
    /* 10:22 local: round 1 has ended; only round 2 (next) is left on the board. */
    plan_add_event(&plan, f->content, at("2026-09-17T08:22:00Z"), true);
    size_t board[16];
    size_t n = plan_event_board(&plan, f->content, board, 16);
    assert_int_equal(n, 3);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(f->content->meetings[board[i]].span.starts, at("2026-09-17T08:25:00Z"));
    }
    plan_destroy(&plan);
}

static void test_untrusted_clock_agenda_only(void **state)
{
    Fixture *f = *state;
    SlidePlan plan;
    assert_true(plan_create(&plan, f->content, "2026-09-17", plan_capacity(false)));
    plan_add_event(&plan, f->content, at("2026-09-17T08:05:00Z"), false);
    /* The agenda leads; no board (it has no "current" without a trusted clock). */
    assert_int_equal(plan.pages[SECTION_ABOUT][0].kind, SLIDE_EVENT_NOW);
    assert_int_equal(count_kind(&plan, SECTION_ABOUT, SLIDE_EVENT_BOARD), 0);
    size_t board[16];
    assert_int_equal(plan_event_board(&plan, f->content, board, 16), 0);
    plan_destroy(&plan);
}

static void test_day_after_nothing(void **state)
{
    Fixture *f = *state;
    SlidePlan before;
    SlidePlan plan;
    assert_true(plan_create(&before, f->content, "2026-09-18", plan_capacity(false)));
    assert_true(plan_create(&plan, f->content, "2026-09-18", plan_capacity(false)));
    /* 10:05 local the next day, and the day before. */
    plan_add_event(&plan, f->content, at("2026-09-18T08:05:00Z"), true);
    assert_null(plan.event.event);
    plan_add_event(&plan, f->content, at("2026-09-16T08:05:00Z"), true);
    assert_null(plan.event.event);
    for (int s = 0; s < SECTION_COUNT; s++) {
        assert_int_equal(plan.page_count[s], before.page_count[s]);
        assert_int_equal(count_kind(&plan, (SectionId)s, SLIDE_EVENT_NOW), 0);
        assert_int_equal(count_kind(&plan, (SectionId)s, SLIDE_EVENT_BOARD), 0);
    }
    plan_destroy(&plan);
    plan_destroy(&before);
}

static void test_pack_without_events(void **state)
{
    (void)state;
    char *dir = fixture_tempdir();
    fixture_sources(dir);
    char *pack = fixture_build_pack(dir);
    Content *content = NULL;
    assert_int_equal(content_load(pack, NULL, &content), CONTENT_OK);
    SlidePlan plan;
    assert_true(plan_create(&plan, content, "2026-09-17", plan_capacity(false)));
    int about = plan.page_count[SECTION_ABOUT];
    plan_add_event(&plan, content, at("2026-09-17T08:05:00Z"), true);
    assert_null(plan.event.event);
    assert_int_equal(plan.page_count[SECTION_ABOUT], about);
    plan_destroy(&plan);
    content_unload(content);
    free(pack);
    fixture_remove_tree(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_event_day_leads_and_returns, setup, teardown),
        cmocka_unit_test_setup_teardown(test_board_drops_finished_rounds, setup, teardown),
        cmocka_unit_test_setup_teardown(test_untrusted_clock_agenda_only, setup, teardown),
        cmocka_unit_test_setup_teardown(test_day_after_nothing, setup, teardown),
        cmocka_unit_test(test_pack_without_events),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
