/* Slide plan: which pages a pack makes, items hidden outside their dates, pagination by
 * orientation, details, and the outline the deck navigates; on an event day
 * (plan_add_event) the lobby's loop leads with the event's slides and comes back to them
 * between sections, the meeting board holds the current round and the next, and nothing of
 * the event is planned the day after or in a pack without events (a fictional event in
 * Europe/Belgrade, UTC+2 in September). A booth on an event's days (plan_add_event_section)
 * gets the EVENT section: "Find my meetings" (which public meetings a search finds, by a
 * member's name or a party's text; private ones never) and the day's agenda by room and
 * time, paged; nothing of it on another day. The cooperation timeline's pages: dated items
 * only. */
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
#include "render/reading.h"
#include "support/fixture.h"

typedef struct Fixture {
    char *dir;
    Content *content;
} Fixture;

static int build_and_load(void **state, Fixture *f)
{
    char *pack = fixture_build_pack(f->dir);
    assert_int_equal(content_load(pack, NULL, &f->content), CONTENT_OK);
    free(pack);
    *state = f;
    return 0;
}

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof *f);
    f->dir = fixture_tempdir();
    fixture_sources(f->dir);
    /* Eleven members, so pages split differently by orientation. */
    fixture_write(f->dir, "members.csv",
                  "id,name,kind,logo,website,description_en,description_sr_latn,show_from,show_until\n"
                  "m01,Example 1,SME,,,,,,\nm02,Example 2,SME,,,,,,\nm03,Example 3,SME,,,,,,\n"
                  "m04,Example 4,SME,,,,,,\nm05,Example 5,SME,,,,,,\nm06,Example 6,SME,,,,,,\n"
                  "m07,Example 7,SME,,,,,,\nm08,Example 8,SME,,,,,,\nm09,Example 9,SME,,,,,,\n"
                  "m10,Example 10,SME,,,,,,\nm11,Example 11,SME,,,,,2026-06-01,2026-06-30\n"
                  "m12,Example 12,SME,brand.png,,,,,\n",
                  (size_t)-1);
    return build_and_load(state, f);
}

static int teardown(void **state)
{
    Fixture *f = *state;
    content_unload(f->content);
    fixture_remove_tree(f->dir);
    free(f);
    return 0;
}

static void test_sections_and_dates(void **state)
{
    Fixture *f = *state;
    SlidePlan plan;
    assert_true(plan_create(&plan, f->content, "2026-11-26", plan_capacity(false)));
    /* About: vision, figures, objectives, profile (a sector), why partner. No services. */
    assert_int_equal(plan.page_count[SECTION_ABOUT], 5);
    assert_int_equal(plan.pages[SECTION_ABOUT][0].kind, SLIDE_VISION);
    assert_int_equal(plan.pages[SECTION_ABOUT][1].kind, SLIDE_FIGURES);
    assert_int_equal(plan.pages[SECTION_ABOUT][4].kind, SLIDE_WHY_PARTNER);
    /* The retired figure (2000) and the June member are hidden in November. */
    assert_int_equal(plan.visible_count[PLAN_FIGURES], 1);
    assert_int_equal(plan.visible_count[PLAN_MEMBERS], 11);
    assert_int_equal(plan_item(&plan, PLAN_MEMBERS, 10), 11); /* m12 follows m10 */
    assert_int_equal(plan.page_count[SECTION_MEMBERS], 2);     /* 9 + 2 tiles */
    PlannedSlide page;
    assert_true(plan_slide(&plan, (SlideRef){SECTION_MEMBERS, 1, -1}, &page));
    assert_int_equal(page.kind, SLIDE_MEMBERS);
    assert_int_equal(page.first, 9);
    assert_int_equal(page.count, 2);
    assert_int_equal(plan.page_count[SECTION_CONTACT], 1);
    plan_destroy(&plan);

    assert_true(plan_create(&plan, f->content, "2026-06-15", plan_capacity(true)));
    assert_int_equal(plan.visible_count[PLAN_MEMBERS], 12);
    assert_int_equal(plan.page_count[SECTION_MEMBERS], 3); /* 5 + 5 + 2 tiles in portrait */
    assert_true(plan_slide(&plan, (SlideRef){SECTION_MEMBERS, 2, -1}, &page));
    assert_int_equal(page.count, 2);
    plan_destroy(&plan);
}

/* MEMBERS pages follow the deck's members filter: order by the language, the search,
 * fewer tiles while the keyboard is open; the view says what each page shows. */
static void test_members_follow_the_filter(void **state)
{
    Fixture *f = *state;
    SlidePlan plan;
    assert_true(plan_create(&plan, f->content, "2026-11-26", plan_capacity(false)));
    DeckMembers members = {.kind = DIRECTORY_ALL_KINDS, .revision = 7};
    assert_false(plan_members_current(&plan, &members, LANG_EN));
    assert_true(plan_set_members(&plan, &members, LANG_SR_CYRL));
    assert_true(plan_members_current(&plan, &members, LANG_SR_CYRL));
    assert_false(plan_members_current(&plan, &members, LANG_EN));
    /* Numbers by value: "Example 2" after "Example 1", "Example 10" after "Example 9". */
    const DirectoryView *view = &plan.members.view;
    assert_string_equal(directory_name(plan.members.directory, view->members[1]), "Example 2");
    assert_string_equal(directory_name(plan.members.directory, view->members[9]), "Example 10");

    snprintf(members.query, sizeof members.query, "1");
    members.keyboard = DECK_KEYBOARD_CYRILLIC;
    members.revision++;
    assert_false(plan_members_current(&plan, &members, LANG_SR_CYRL));
    assert_true(plan_set_members(&plan, &members, LANG_SR_CYRL));
    assert_int_equal(plan.members.view.count, 3); /* "1", "10" and "12" begin with 1; "11" is hidden in November */
    assert_int_equal(plan.page_count[SECTION_MEMBERS], 1);
    snprintf(members.query, sizeof members.query, "%s", "");
    assert_true(plan_set_members(&plan, &members, LANG_SR_CYRL));
    assert_int_equal(plan.page_count[SECTION_MEMBERS], 2); /* 11 at 6 a page above the keyboard */
    PlannedSlide page;
    assert_true(plan_slide(&plan, (SlideRef){SECTION_MEMBERS, 1, -1}, &page));
    assert_int_equal(page.first, 6);
    assert_int_equal(page.count, 5);
    assert_false(plan_slide(&plan, (SlideRef){SECTION_MEMBERS, 2, -1}, &page));
    DeckOutline outline = plan_outline(&plan);
    assert_ptr_equal(outline.directory, plan.members.directory);
    assert_int_equal(outline.members_per_page, 9);
    assert_int_equal(outline.members_per_page_typing, 6);
    plan_destroy(&plan);
}

static void test_details_and_outline(void **state)
{
    Fixture *f = *state;
    SlidePlan plan;
    assert_true(plan_create(&plan, f->content, "2026-11-26", plan_capacity(false)));
    DeckOutline outline = plan_outline(&plan);
    assert_int_equal(outline.pages[SECTION_MEMBERS], 2);
    assert_int_equal(outline.member_details, 11);
    PlannedSlide slide;
    assert_true(plan_slide(&plan, (SlideRef){SECTION_MEMBERS, 1, 10}, &slide));
    assert_int_equal(slide.kind, SLIDE_MEMBER_DETAIL);
    assert_int_equal(slide.first, 10);
    assert_false(plan_slide(&plan, (SlideRef){SECTION_MEMBERS, 0, 11}, &slide));
    /* A story opens its reading page; a text of another page opens one of that text. */
    assert_int_equal(outline.story_details, 1);
    assert_true(plan_slide(&plan, (SlideRef){SECTION_STORIES, 0, 0}, &slide));
    assert_int_equal(slide.kind, SLIDE_STORY_DETAIL);
    assert_int_equal(slide.first, 0);
    assert_false(plan_slide(&plan, (SlideRef){SECTION_STORIES, 0, 1}, &slide));
    assert_int_equal(outline.blocks[SECTION_ABOUT][0], 1); /* the vision */
    assert_true(plan_slide(&plan, (SlideRef){SECTION_ABOUT, 0, 0}, &slide));
    assert_int_equal(slide.kind, SLIDE_TEXT_DETAIL);
    assert_int_equal(slide.page_kind, SLIDE_VISION);
    assert_int_equal(slide.block, 0);
    assert_false(plan_slide(&plan, (SlideRef){SECTION_ABOUT, 0, 1}, &slide));
    assert_int_equal(outline.blocks[SECTION_CONTACT][0], 1);
    assert_int_equal(outline.blocks[SECTION_STORIES][0], 0);
    assert_true(plan_slide(&plan, (SlideRef){SECTION_ABOUT, 0, -1}, &slide));
    assert_int_equal(slide.block, -1);
    assert_int_equal(slide.page_kind, SLIDE_VISION);
    assert_false(plan_slide(&plan, (SlideRef){SECTION_CONTACT, 1, -1}, &slide));
    assert_int_equal(plan_item(&plan, PLAN_MEMBERS, 11), -1);
    plan_destroy(&plan);
    assert_int_equal(plan.page_count[SECTION_ABOUT], 0);
}

/* Each page counts as many texts (plan_block_count) as reading_block gives, no more; the
 * profile's first group is one with items, under its own label. */
static void test_block_counts_match_reading(void **state)
{
    Fixture *f = *state;
    SlidePlan plan;
    assert_true(plan_create(&plan, f->content, "2026-11-26", plan_capacity(false)));
    enum { BUFFER_BYTES = 4096 };
    char *buffer = malloc(BUFFER_BYTES);
    assert_non_null(buffer);
    int counted = 0;
    for (int s = 0; s < SECTION_COUNT; s++) {
        for (int page = 0; s != SECTION_MEMBERS && page < plan.page_count[s]; page++) {
            const PlannedSlide *slide = &plan.pages[s][page];
            int count = plan_block_count(f->content, slide);
            assert_int_equal(plan.blocks[s][page], count);
            ReadingText text;
            for (int block = 0; block < count; block++) {
                assert_true(reading_block(f->content, &plan, slide, LANG_EN, block, &text, buffer, BUFFER_BYTES));
            }
            assert_false(reading_block(f->content, &plan, slide, LANG_EN, count, &text, buffer, BUFFER_BYTES));
            counted += count;
        }
    }
    assert_true(counted > 0);
    size_t group_count = 0;
    const ProfileGroup *groups = plan_profile_groups(&group_count);
    int first = plan_profile_group(f->content, 0);
    assert_true(first >= 0 && (size_t)first < group_count);
    assert_true(plan_about_count(f->content, groups[first].kind) > 0);
    assert_int_equal(plan_profile_group(f->content, (int)group_count), -1);
    free(buffer);
    plan_destroy(&plan);
}

/* ---- The event of the day (plan_add_event) ---- */

static int setup_event(void **state)
{
    Fixture *f = calloc(1, sizeof *f);
    f->dir = fixture_tempdir();
    fixture_sources(f->dir);
    fixture_event_sources(f->dir); /* two rounds of three tables: 10:00-10:20 and 10:25-10:45 local */
    return build_and_load(state, f);
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

/* Stories spread evenly over their pages (never a page of one after full ones), at most
 * PlanCapacity.stories a page, half of it when the stories run long. */
static void test_story_pages_even(void **state)
{
    Fixture *f = *state;
    char text[16384];
    size_t used = (size_t)snprintf(text, sizeof text, "id,title_en,title_sr_latn,place_en,place_sr_latn,years,body_en,"
                                                       "body_sr_latn,photo,show_from,show_until\n");
    for (int i = 1; i <= 13; i++) {
        used += (size_t)snprintf(text + used, sizeof text - used, "s%02d,Example Story %d,Primer price %d,,,2013,"
                                 "A short text.,Kratak tekst.,,,\n", i, i, i);
    }
    fixture_write(f->dir, "stories.csv", text, (size_t)-1);
    content_unload(f->content);
    build_and_load(state, f);
    int expected_landscape[] = {5, 4, 4};
    int expected_portrait[] = {3, 3, 3, 2, 2};
    for (int portrait = 0; portrait < 2; portrait++) {
        SlidePlan plan;
        assert_true(plan_create(&plan, f->content, "2026-03-01", plan_capacity(portrait)));
        const int *expected = portrait ? expected_portrait : expected_landscape;
        int pages = portrait ? 5 : 3;
        assert_int_equal(plan.page_count[SECTION_STORIES], pages);
        for (int page = 0, first = 0; page < pages; page++) {
            assert_int_equal(plan.pages[SECTION_STORIES][page].count, expected[page]);
            assert_int_equal(plan.pages[SECTION_STORIES][page].first, first);
            first += expected[page];
        }
        plan_destroy(&plan);
    }
    /* Long stories: landscape at most 3 a page, portrait 2. */
    int visible[13];
    for (int i = 0; i < 13; i++) {
        visible[i] = i;
    }
    assert_int_equal(plan_story_page_size(f->content, visible, 13, 6), 5);
    static const char LONG[] = "A long text, over three hundred bytes long, as a story of a fair that goes on to "
                               "tell who came, what was shown, which buyers were met and what came of it in the "
                               "months after, with the names of the halls, the products and the partners, and "
                               "then some more words about the next fair.";
    for (size_t i = 0; i < f->content->story_count; i++) {
        ((Story *)&f->content->stories[i])->body.text[LANG_EN] = LONG;
    }
    assert_int_equal(plan_story_page_size(f->content, visible, 13, 6), 3);
    assert_int_equal(plan_story_page_size(f->content, visible, 13, 3), 2);
    assert_int_equal(plan_story_page_size(f->content, visible, 0, 6), 6);
}

/* Programmes spread evenly over their pages like stories: seven are 4 + 3 in landscape and
 * 3 + 2 + 2 in portrait, never a last page of one card. */
static void test_programme_pages_even(void **state)
{
    Fixture *f = *state;
    char text[4096];
    size_t used = (size_t)snprintf(text, sizeof text, "id,name_en,name_sr_latn,funder_en,funder_sr_latn,years,scope\n");
    for (int i = 1; i <= 7; i++) {
        used += (size_t)snprintf(text + used, sizeof text - used,
                                 "p%d,Example Programme %d,Primer programa %d,Example Fund,Primer fond,2015,\n", i, i, i);
    }
    fixture_write(f->dir, "programmes.csv", text, (size_t)-1);
    content_unload(f->content);
    build_and_load(state, f);
    static const int EXPECTED[2][3] = {{4, 3, 0}, {3, 2, 2}};
    for (int portrait = 0; portrait < 2; portrait++) {
        SlidePlan plan;
        assert_true(plan_create(&plan, f->content, "2026-03-01", plan_capacity(portrait)));
        assert_int_equal(plan.visible_count[PLAN_PROGRAMMES], 7);
        int seen = 0;
        for (int page = 0; page < plan.page_count[SECTION_COOPERATION]; page++) {
            const PlannedSlide *slide = &plan.pages[SECTION_COOPERATION][page];
            if (slide->kind == SLIDE_PROGRAMMES) {
                assert_true(seen < 3);
                assert_int_equal(slide->count, EXPECTED[portrait][seen]);
                seen++;
            }
        }
        assert_int_equal(seen, portrait ? 3 : 2);
        plan_destroy(&plan);
    }
}

static void test_pack_without_events(void **state)
{
    Fixture *f = *state;
    SlidePlan plan;
    assert_true(plan_create(&plan, f->content, "2026-09-17", plan_capacity(false)));
    int about = plan.page_count[SECTION_ABOUT];
    plan_add_event(&plan, f->content, at("2026-09-17T08:05:00Z"), true);
    assert_null(plan.event.event);
    assert_int_equal(plan.page_count[SECTION_ABOUT], about);
    plan_destroy(&plan);
}

/* ---- The booth's EVENT section (plan_add_event_section) ---- */

static int setup_booth(void **state)
{
    Fixture *f = calloc(1, sizeof *f);
    f->dir = fixture_tempdir();
    fixture_sources(f->dir); /* members example-brand "Example Brand", other-example, ... */
    /* A fair of two days; in the zone's summer time (UTC+2). */
    fixture_write(f->dir, "events.csv",
                  "id,name_en,name_sr_latn,venue_en,venue_sr_latn,starts,ends,time_zone\n"
                  "fair,Example Fair,Primer sajam,Example Hall,Primer hala,2026-09-17,2026-09-18,Europe/Belgrade\n",
                  (size_t)-1);
    /* Rooms named first Hall B, then Hall A; an evening past midnight; one session the next day. */
    fixture_write(f->dir, "sessions.csv",
                  "id,event,starts,ends,room_en,room_sr_latn,title_en,title_sr_latn,kind\n"
                  "b2,fair,2026-09-17T14:00,2026-09-17T15:00,Hall B,Hala B,Second in B,Drugo u B,talk\n"
                  "a1,fair,2026-09-17T09:00,2026-09-17T10:00,Hall A,Hala A,First in A,Prvo u A,talk\n"
                  "b1,fair,2026-09-17T09:30,2026-09-17T10:30,Hall B,Hala B,First in B,Prvo u B,panel\n"
                  "eve,fair,2026-09-17T21:00,2026-09-18T00:30,Terrace,Terasa,Evening,Veče,social\n"
                  "a2,fair,2026-09-17T11:00,2026-09-17T12:00,Hall A,Hala A,Second in A,Drugo u A,talk\n"
                  "d2,fair,2026-09-18T09:00,2026-09-18T10:00,Hall A,Hala A,Day two,Drugi dan,talk\n",
                  (size_t)-1);
    fixture_write(f->dir, "meetings.csv",
                  "event,starts,ends,table,party_a,party_b,title,private\n"
                  "fair,2026-09-17T10:25,2026-09-17T10:45,4,example-brand,Šavovi Example,,no\n"
                  "fair,2026-09-17T10:00,2026-09-17T10:20,1,Alpha Knit,example-brand,Sourcing,no\n"
                  "fair,2026-09-17T10:00,2026-09-17T10:20,2,example-brand,Beta Textile,,yes\n"
                  "fair,2026-09-17T10:50,2026-09-17T11:10,3,Gamma Buyer,Delta Knit,,no\n"
                  "fair,2026-09-18T10:00,2026-09-18T10:20,1,example-brand,Epsilon 7,,no\n",
                  (size_t)-1);
    return build_and_load(state, f);
}

static void test_booth_event_section(void **state)
{
    Fixture *f = *state;
    SlidePlan before;
    SlidePlan plan;
    PlanCapacity capacity = plan_capacity(false);
    capacity.agenda_rows = 2;
    assert_true(plan_create(&before, f->content, "2026-09-17", capacity));
    assert_true(plan_create(&plan, f->content, "2026-09-17", capacity));
    assert_int_equal(plan.page_count[SECTION_EVENT], 0);
    plan_add_event_section(&plan, f->content, at("2026-09-17T08:05:00Z"), true);
    assert_non_null(plan.event.event);
    /* Find my meetings, then five sessions of the day two a page; nothing else moved. */
    assert_int_equal(plan.page_count[SECTION_EVENT], 4);
    assert_int_equal(plan.pages[SECTION_EVENT][0].kind, SLIDE_EVENT_FIND);
    assert_int_equal(count_kind(&plan, SECTION_EVENT, SLIDE_EVENT_AGENDA), 3);
    assert_int_equal(plan.pages[SECTION_EVENT][3].first, 4);
    assert_int_equal(plan.pages[SECTION_EVENT][3].count, 1);
    for (int s = 0; s < SECTION_EVENT; s++) {
        assert_int_equal(plan.page_count[s], before.page_count[s]);
    }
    DeckOutline outline = plan_outline(&plan);
    assert_true(outline.event_search);
    assert_int_equal(outline.pages[SECTION_EVENT], 4);
    assert_false(plan_outline(&before).event_search);
    /* By room in the order the pack first names them (B, then A), then by start; the
     * evening runs past midnight and belongs to the day, day two's session does not. */
    static const char *const ORDER[] = {"b1", "b2", "a1", "a2", "eve"};
    size_t agenda[8];
    assert_int_equal(plan_event_agenda(&plan, f->content, agenda, 8), 5);
    for (size_t i = 0; i < 5; i++) {
        assert_string_equal(f->content->sessions[agenda[i]].id, ORDER[i]);
    }
    /* max cuts the list, keeping the first of the whole order */
    assert_int_equal(plan_event_agenda(&plan, f->content, agenda, 2), 5);
    assert_string_equal(f->content->sessions[agenda[0]].id, "b1");
    assert_string_equal(f->content->sessions[agenda[1]].id, "b2");
    /* 00:15 the next morning: still the evening, and day two's agenda */
    SlidePlan night;
    assert_true(plan_create(&night, f->content, "2026-09-18", capacity));
    plan_add_event_section(&night, f->content, at("2026-09-17T22:15:00Z"), true);
    assert_int_equal(plan_event_agenda(&night, f->content, agenda, 8), 2);
    plan_destroy(&night);
    plan_destroy(&plan);
    plan_destroy(&before);
}

static void test_booth_nothing_outside_the_days(void **state)
{
    Fixture *f = *state;
    static const char *const OTHER_DAYS[] = {"2026-09-16T08:05:00Z", "2026-09-19T08:05:00Z", "2026-09-15T21:59:00Z"};
    for (size_t i = 0; i < 3; i++) {
        SlidePlan plan;
        assert_true(plan_create(&plan, f->content, "2026-09-16", plan_capacity(true)));
        plan_add_event_section(&plan, f->content, at(OTHER_DAYS[i]), true);
        assert_null(plan.event.event);
        assert_int_equal(plan.page_count[SECTION_EVENT], 0);
        assert_false(plan_outline(&plan).event_search);
        size_t found[8];
        assert_int_equal(plan_event_find(&plan, f->content, "example brand", found, 8), 0);
        plan_destroy(&plan);
    }
}

/* The meetings found for query, as their tables ("1 4"), or "" for none. */
static const char *tables_found(const SlidePlan *plan, const Content *content, const char *query, char *out)
{
    size_t found[8];
    size_t n = plan_event_find(plan, content, query, found, 8);
    out[0] = '\0';
    for (size_t i = 0; i < n && i < 8; i++) {
        snprintf(out + strlen(out), 64 - strlen(out), "%s%s", i ? " " : "", content->meetings[found[i]].table);
    }
    return out;
}

static void test_booth_find_my_meetings(void **state)
{
    Fixture *f = *state;
    SlidePlan plan;
    char tables[64];
    assert_true(plan_create(&plan, f->content, "2026-09-17", plan_capacity(false)));
    plan_add_event_section(&plan, f->content, at("2026-09-17T08:05:00Z"), true);
    /* The member's name finds its id as either party, by start; the private meeting at
     * table 2 (the pack keeps no parties for it) and day two's meeting never. */
    assert_string_equal(tables_found(&plan, f->content, "Example Brand", tables), "1 4");
    assert_string_equal(tables_found(&plan, f->content, "examp bra", tables), "1 4");
    /* Any name, folded as the members search folds it: case, diacritics, script. */
    assert_string_equal(tables_found(&plan, f->content, "savovi", tables), "4");
    assert_string_equal(tables_found(&plan, f->content, "ШАВОВИ", tables), "4");
    assert_string_equal(tables_found(&plan, f->content, "alpha", tables), "1");
    assert_string_equal(tables_found(&plan, f->content, "delta", tables), "3");
    assert_string_equal(tables_found(&plan, f->content, "beta", tables), "");
    assert_string_equal(tables_found(&plan, f->content, "", tables), "");
    assert_string_equal(tables_found(&plan, f->content, "  ", tables), "");
    /* max cuts the list but the count is of all */
    size_t found[1];
    assert_int_equal(plan_event_find(&plan, f->content, "example", found, 1), 2);
    assert_string_equal(f->content->meetings[found[0]].table, "1");
    for (size_t i = 0; i < f->content->meeting_count; i++) {
        const Meeting *m = &f->content->meetings[i];
        if (m->privacy == MEETING_PRIVATE) {
            assert_null(m->party_a); /* what the pack keeps of a private meeting */
        }
    }
    /* Day two finds day two's. */
    SlidePlan two;
    assert_true(plan_create(&two, f->content, "2026-09-18", plan_capacity(false)));
    plan_add_event_section(&two, f->content, at("2026-09-18T07:00:00Z"), true);
    assert_string_equal(tables_found(&two, f->content, "Example Brand", tables), "1");
    assert_string_equal(tables_found(&two, f->content, "7", tables), "1");
    plan_destroy(&two);
    plan_destroy(&plan);
}

/* The cooperation timeline: the visible programmes and stories with years (the pack's contract:
 * a year, a range or a list), in time order, one SLIDE_TIMELINE page a period at the end of
 * Cooperation; a story without a year or hidden by its dates is not placed. */
static void test_timeline(void **state)
{
    Fixture *f = *state;
    fixture_write(f->dir, "programmes.csv",
                  "id,name_en,name_sr_latn,funder_en,funder_sr_latn,years,scope\n"
                  "p1,Example Programme,Primer programa,Example Agency,Primer agencije,2011-2013,national\n"
                  "p2,Example Later,Primer kasnije,Example Agency,Primer agencije,2030,\n",
                  (size_t)-1);
    fixture_write(f->dir, "stories.csv",
                  "id,title_en,title_sr_latn,place_en,place_sr_latn,years,body_en,body_sr_latn,photo,show_from,show_until\n"
                  "fair,Example Fair,Primer sajma,Example City,Primer grad,\"2011, 2012\",Text.,Tekst.,,,\n"
                  "old,Example Old,Primer staro,Example City,Primer grad,2009,Text.,Tekst.,,2000-01-01,2020-12-31\n"
                  "none,Example None,Primer nista,Example City,Primer grad,,Text.,Tekst.,,,\n",
                  (size_t)-1);
    Fixture g = {.dir = f->dir};
    void *inner = NULL;
    build_and_load(&inner, &g);
    SlidePlan plan;
    assert_true(plan_create(&plan, g.content, "2026-11-26", plan_capacity(false)));
    const Timeline *t = plan.timeline;
    assert_non_null(t);
    assert_int_equal(t->item_count, 3); /* p1, fair, p2 */
    assert_int_equal(t->items[0].source, PLAN_STORIES); /* 2011, 2012 ends before 2011-2013 */
    assert_int_equal(t->items[0].years.listed, 0x3);
    assert_int_equal(t->items[1].source, PLAN_PROGRAMMES);
    assert_int_equal(t->items[1].index, 0);
    assert_int_equal(t->items[2].index, 1);
    assert_int_equal(t->items[2].years.from, 2030);
    /* 2011 and 2030 are more than PLAN_TIMELINE_YEARS apart (and a quarter more, when a lone
     * last item would join the period before): two periods, two pages last. */
    assert_int_equal(t->period_count, 2);
    int pages = plan.page_count[SECTION_COOPERATION];
    assert_true(pages >= 2);
    assert_int_equal(plan.pages[SECTION_COOPERATION][pages - 2].kind, SLIDE_TIMELINE);
    assert_int_equal(plan.pages[SECTION_COOPERATION][pages - 2].first, 0);
    assert_int_equal(plan.pages[SECTION_COOPERATION][pages - 2].count, 2);
    assert_int_equal(plan.pages[SECTION_COOPERATION][pages - 1].first, 1);
    assert_int_equal(plan.pages[SECTION_COOPERATION][pages - 3].kind, SLIDE_PROGRAMMES);
    plan_destroy(&plan);
    /* In 2015 the old story shows, first. */
    assert_true(plan_create(&plan, g.content, "2015-03-01", plan_capacity(false)));
    assert_int_equal(plan.timeline->item_count, 4);
    assert_int_equal(plan.timeline->items[0].years.from, 2009);
    plan_destroy(&plan);
    content_unload(g.content);

    /* No dated item: no timeline page. */
    fixture_write(f->dir, "programmes.csv", "id,name_en,name_sr_latn,funder_en,funder_sr_latn,years,scope\n",
                  (size_t)-1);
    fixture_write(f->dir, "stories.csv",
                  "id,title_en,title_sr_latn,place_en,place_sr_latn,years,body_en,body_sr_latn,photo,show_from,show_until\n"
                  "none,Example None,Primer nista,Example City,Primer grad,,Text.,Tekst.,,,\n",
                  (size_t)-1);
    build_and_load(&inner, &g);
    assert_true(plan_create(&plan, g.content, "2026-11-26", plan_capacity(true)));
    assert_int_equal(plan.timeline->period_count, 0);
    for (int page = 0; page < plan.page_count[SECTION_COOPERATION]; page++) {
        assert_int_not_equal(plan.pages[SECTION_COOPERATION][page].kind, SLIDE_TIMELINE);
    }
    plan_destroy(&plan);
    content_unload(g.content);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_sections_and_dates, setup, teardown),
        cmocka_unit_test_setup_teardown(test_details_and_outline, setup, teardown),
        cmocka_unit_test_setup_teardown(test_members_follow_the_filter, setup, teardown),
        cmocka_unit_test_setup_teardown(test_block_counts_match_reading, setup, teardown),
        cmocka_unit_test_setup_teardown(test_event_day_leads_and_returns, setup_event, teardown),
        cmocka_unit_test_setup_teardown(test_board_drops_finished_rounds, setup_event, teardown),
        cmocka_unit_test_setup_teardown(test_untrusted_clock_agenda_only, setup_event, teardown),
        cmocka_unit_test_setup_teardown(test_day_after_nothing, setup_event, teardown),
        cmocka_unit_test_setup_teardown(test_pack_without_events, setup, teardown),
        cmocka_unit_test_setup_teardown(test_booth_event_section, setup_booth, teardown),
        cmocka_unit_test_setup_teardown(test_booth_nothing_outside_the_days, setup_booth, teardown),
        cmocka_unit_test_setup_teardown(test_booth_find_my_meetings, setup_booth, teardown),
        cmocka_unit_test_setup_teardown(test_timeline, setup, teardown),
        cmocka_unit_test_setup_teardown(test_story_pages_even, setup, teardown),
        cmocka_unit_test_setup_teardown(test_programme_pages_even, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
