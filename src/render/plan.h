/* plan.h — which slides a pack makes: the pages of each section and which items each
 * page shows, after hiding items outside their show_from/show_until dates. The deck
 * navigates the outline this produces; the slide painter draws one PlannedSlide.
 * MEMBERS pages come from a directory (core/directory.h) of the visible members, paged
 * for the deck's members filter: plan_set_members() follows the deck.
 * No SDL: tested directly. */
#ifndef FACTS_RENDER_PLAN_H
#define FACTS_RENDER_PLAN_H

#include "content/content.h"
#include "core/deck.h"
#include "core/timeline.h"
#include "core/ui_text.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum SlideKind {
    SLIDE_VISION = 0,
    SLIDE_FIGURES,
    SLIDE_OBJECTIVES,
    SLIDE_PROFILE,
    SLIDE_SERVICES,
    SLIDE_WHY_PARTNER,
    SLIDE_MEMBERS,
    SLIDE_MEMBER_DETAIL,
    SLIDE_STORIES,
    SLIDE_MISSIONS,
    SLIDE_PARTNERS,
    SLIDE_PROGRAMMES,
    SLIDE_CONTACT,
    SLIDE_STORY_DETAIL, /* one story whole, scrolling: first = its visible index */
    SLIDE_TEXT_DETAIL,  /* one text of a page whole, scrolling: see PlannedSlide.block */
    SLIDE_EVENT_NOW,    /* the event of the day: now and next (the agenda without a trusted clock) */
    SLIDE_EVENT_BOARD,  /* the meeting board: first = its page (PlanEvent.board_rows a page) */
    SLIDE_EVENT_FIND,   /* the booth's "Find my meetings" (EVENT's first page) */
    SLIDE_EVENT_AGENDA, /* the booth's agenda: rows [first, first + count) of plan_event_agenda() */
    SLIDE_TIMELINE,     /* the cooperation timeline: first = its period in SlidePlan.timeline */
    SLIDE_KIND_COUNT
} SlideKind;

/* Lists whose items can be hidden by date; the plan keeps the visible ones. */
typedef enum PlanList {
    PLAN_FIGURES = 0,
    PLAN_MEMBERS,
    PLAN_STORIES,
    PLAN_MISSIONS,
    PLAN_PROGRAMMES,
    PLAN_LIST_COUNT
} PlanList;

/* One page: its kind and the range [first, first + count) of its list's visible items.
 * A text detail is the page it was opened from (page_kind, first, count) and block, the
 * text of that page it shows (render/reading.h numbers them). */
typedef struct PlannedSlide {
    SlideKind kind;
    int first;
    int count;
    SlideKind page_kind; /* SLIDE_TEXT_DETAIL: the page's kind; otherwise kind */
    int block;           /* SLIDE_TEXT_DETAIL: 0..; otherwise -1 */
} PlannedSlide;

enum { PLAN_MAX_PAGES = DECK_MAX_PAGES };

/* How many items one page holds (depends on orientation). */
typedef struct PlanCapacity {
    int member_tiles;   /* a MEMBERS page */
    int member_results; /* a MEMBERS page while the keyboard is open */
    int stories;
    int programmes;
    int board_rows;     /* meetings on one page of an event's meeting board */
    int agenda_rows;    /* sessions on one page of the booth's agenda */
} PlanCapacity;

/* The MEMBERS section: a directory of the visible members (member m = visible member m)
 * and the view of it the deck's filter makes. */
typedef struct PlanMembers {
    Directory *directory; /* owned; NULL when out of memory */
    DirectoryView view;
    DeckMembers state;    /* the filter, query and keyboard the view is for */
    Lang lang;            /* ... and the language */
    bool current;         /* the view was made for state and lang */
    PlanCapacity capacity;
} PlanMembers;

/* The event of the day as the plan saw it (plan_add_event()): event NULL when none is on. */
typedef struct PlanEvent {
    const Event *event;
    EventZone zone;
    EventInstant now;  /* the instant the event slides show */
    bool now_known;    /* the clock is trusted: "now", the clock and countdowns show */
    int board_rows;    /* meetings on one board page */
    int board_pages;
} PlanEvent;

enum { PLAN_EVENT_MAX_BOARD_PAGES = 10 };

typedef struct SlidePlan {
    PlannedSlide pages[SECTION_COUNT][PLAN_MAX_PAGES]; /* MEMBERS pages: see members.view */
    int page_count[SECTION_COUNT];
    unsigned char blocks[SECTION_COUNT][PLAN_MAX_PAGES]; /* texts a text detail can show, per page */
    int *visible[PLAN_LIST_COUNT];     /* indices into the Content list */
    int visible_count[PLAN_LIST_COUNT];
    PlanMembers members;
    PlanEvent event;
    Timeline *timeline; /* the dated programmes and stories (plan_timeline.c); NULL: none */
} SlidePlan;

/* Capacity for a screen of this shape (portrait stacks more rows, fewer columns). */
PlanCapacity plan_capacity(bool portrait);

enum { PLAN_LONG_STORY_BYTES = 280 };

/* The most stories a STORIES page holds for the visible stories visible[0..total) (indices
 * into content's stories): at most capacity (PlanCapacity.stories), half of it (rounded up) when
 * the stories run long (title and text over PLAN_LONG_STORY_BYTES on average), and no more than
 * spreading them evenly over the pages that takes needs (13 at most 6 a page: 5; the plan
 * makes pages of 5, 4 and 4, not 6, 6 and 1). */
int plan_story_page_size(const Content *content, const int *visible, int total, int capacity);

/* Plans content as shown on date today ("YYYY-MM-DD"). Returns false only when out of
 * memory. Sections with nothing to show get 0 pages. Free with plan_destroy(). */
bool plan_create(SlidePlan *plan, const Content *content, const char *today, PlanCapacity capacity);

/* The lobby's attract loop on an event day: when content's event is on at now (a UTC
 * instant, content_event_on()), the event's slides lead ABOUT (now and next, then the pages
 * of the meeting board) and come back at the start of STORIES, COOPERATION and CONTACT (now
 * and next and the board's first page), between the profile's sections. The board shows the
 * meetings of the current round and the next (finished rounds gone), board_rows a page, and
 * only when now_known (without a trusted clock the board has no "current": only the agenda
 * shows); capacity.board_rows meetings a page. Nothing changes when no event is on. Call
 * after plan_create(). */
void plan_add_event(SlidePlan *plan, const Content *content, EventInstant now, bool now_known);

/* The booth on an event's days: when content's event is on at now (content_event_on(), the
 * same window as the lobby's slides), the EVENT section gets "Find my meetings" (its first
 * page; the outline's event_search) and the day's agenda, capacity.agenda_rows sessions a
 * page (plan_event_agenda()). Nothing when no event is on: the section has no pages and
 * does not show. Call after plan_create(), instead of plan_add_event(). */
void plan_add_event_section(SlidePlan *plan, const Content *content, EventInstant now, bool now_known);

/* The agenda of the event on (plan->event): its sessions that run on the local day of
 * plan->event.now (an evening past midnight counts on both days), by room (rooms in the
 * order the pack first names them), then by start. Writes at most max indices into
 * content->sessions to out; returns how many there are in all. */
size_t plan_event_agenda(const SlidePlan *plan, const Content *content, size_t *out, size_t max);

/* "Find my meetings": the public meetings of the event on, on the agenda's day, where
 * party_a or party_b matches query (as typed; the members search's folding: case,
 * diacritics and script ignored, each word a prefix) by the party's text or, when the
 * party is a member's id, by that member's name. Private meetings never match (the pack
 * keeps no names for them anyway). By start, then in the pack's order. Writes at most max
 * indices into content->meetings to out; returns how many match in all (0 for an empty
 * query). */
size_t plan_event_find(const SlidePlan *plan, const Content *content, const char *query, size_t *out, size_t max);

/* The name a meeting's party shows under: the member's name when party is a member's id,
 * else party itself ("" for NULL). */
const char *plan_event_party_name(const Content *content, const char *party);

/* The party of meeting that query (as plan_event_find() matches it) does not name: the
 * company met by the one searched for, under the name it shows as. NULL when query names
 * both parties or neither (then both are to be shown). */
const char *plan_event_other_party(const Content *content, const Meeting *meeting, const char *query);

/* The meetings the board shows at plan->event.now: the current round's and the next's (or
 * the next two while between rounds), in board order, at most max indices into out;
 * returns how many. */
size_t plan_event_board(const SlidePlan *plan, const Content *content, size_t *out, size_t max);

/* True when plan_add_event() at now would plan other pages than plan has: an event begins
 * or ends, the board gains or loses a page (a round finished), or the clock became trusted
 * or stopped being (now_known: "now" appears or goes). Otherwise only
 * plan->event.now needs to move on (the slides show it). */
bool plan_event_pages_change(const SlidePlan *plan, const Content *content, EventInstant now, bool now_known);

/* The cooperation timeline (plan_timeline.c): the visible programmes and stories whose years
 * are clear (core/timeline.h; a story without one, or with words, is not placed; "since" runs
 * to the year of today, "YYYY-MM-DD"), in periods of PLAN_TIMELINE_ITEMS items and
 * PLAN_TIMELINE_YEARS years at most, into plan->timeline; plan_create() pages them, one
 * SLIDE_TIMELINE page a period at the end of COOPERATION (no dated item: no page). Items are
 * tagged with their PlanList (PLAN_PROGRAMMES, PLAN_STORIES) and Content index. false only
 * when out of memory. */
enum { PLAN_TIMELINE_ITEMS = 12, PLAN_TIMELINE_YEARS = 10 };
bool plan_gather_timeline(SlidePlan *plan, const Content *content, const char *today);

/* Frees what plan_create() allocated; the plan is then empty. Safe on a zeroed plan. */
void plan_destroy(SlidePlan *plan);

/* The deck's view of the plan: pages per section, brand and story details, text blocks, the
 * members directory (borrowed from the plan) and tiles per page. */
DeckOutline plan_outline(const SlidePlan *plan);

/* Pages MEMBERS for members (filter, query, keyboard) in lang: page_count[SECTION_MEMBERS]
 * and the MEMBERS slides follow. false when out of memory (the previous view stays). */
bool plan_set_members(SlidePlan *plan, const DeckMembers *members, Lang lang);

/* True when the MEMBERS pages were made for exactly members (by revision) and lang. */
bool plan_members_current(const SlidePlan *plan, const DeckMembers *members, Lang lang);

/* The page a SlideRef names, or false when it is out of range. *out is filled. A detail
 * maps to SLIDE_MEMBER_DETAIL (MEMBERS) with first = the member's visible index, to
 * SLIDE_STORY_DETAIL (STORIES) with first = the visible index, elsewhere to
 * SLIDE_TEXT_DETAIL of its page. A MEMBERS page's first and count are positions in
 * members.view. */
bool plan_slide(const SlidePlan *plan, SlideRef ref, PlannedSlide *out);

/* Index into the Content list of visible item i of list, or -1. */
int plan_item(const SlidePlan *plan, PlanList list, int i);

/* A group of the About › Profile slide: the items of one kind under one label. */
typedef struct ProfileGroup {
    AboutKind kind;
    UiText label;
} ProfileGroup;

/* The profile slide's groups, in the order it shows them (*count of them). */
const ProfileGroup *plan_profile_groups(size_t *count);

/* The group the profile slide shows n-th (groups without items are skipped), as an index
 * into plan_profile_groups(), or -1. */
int plan_profile_group(const Content *content, int n);

/* How many about items of kind content has. */
int plan_about_count(const Content *content, AboutKind kind);

/* How many texts (blocks) of the page slide a text detail can show; 0 for kinds without
 * (members, stories, details). Blocks are numbered in the order the slide's template draws
 * its texts; render/reading.h gives block n's text. */
int plan_block_count(const Content *content, const PlannedSlide *slide);

#endif
