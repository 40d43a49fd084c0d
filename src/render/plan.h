/* plan.h — which slides a pack makes: the pages of each section and which items each
 * page shows, after hiding items outside their show_from/show_until dates. The deck
 * navigates the outline this produces; the slide painter draws one PlannedSlide.
 * No SDL: tested directly. */
#ifndef FACTS_RENDER_PLAN_H
#define FACTS_RENDER_PLAN_H

#include "content/content.h"
#include "core/deck.h"

#include <stdbool.h>

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
    int member_tiles;
    int stories;
    int programmes;
} PlanCapacity;

typedef struct SlidePlan {
    PlannedSlide pages[SECTION_COUNT][PLAN_MAX_PAGES];
    int page_count[SECTION_COUNT];
    unsigned char blocks[SECTION_COUNT][PLAN_MAX_PAGES]; /* texts a text detail can show, per page */
    int *visible[PLAN_LIST_COUNT];     /* indices into the Content list */
    int visible_count[PLAN_LIST_COUNT];
} SlidePlan;

/* Capacity for a screen of this shape (portrait stacks more rows, fewer columns). */
PlanCapacity plan_capacity(bool portrait);

/* Plans content as shown on date today ("YYYY-MM-DD"). Returns false only when out of
 * memory. Sections with nothing to show get 0 pages. Free with plan_destroy(). */
bool plan_create(SlidePlan *plan, const Content *content, const char *today, PlanCapacity capacity);

/* Frees what plan_create() allocated; the plan is then empty. Safe on a zeroed plan. */
void plan_destroy(SlidePlan *plan);

/* The deck's view of the plan: pages per section, brand and story details, text blocks. */
DeckOutline plan_outline(const SlidePlan *plan);

/* The page a SlideRef names, or false when it is out of range. *out is filled. A detail
 * maps to SLIDE_MEMBER_DETAIL (MEMBERS) or SLIDE_STORY_DETAIL (STORIES) with first = the
 * visible index, elsewhere to SLIDE_TEXT_DETAIL of its page. */
bool plan_slide(const SlidePlan *plan, SlideRef ref, PlannedSlide *out);

/* Index into the Content list of visible item i of list, or -1. */
int plan_item(const SlidePlan *plan, PlanList list, int i);

#endif
