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

/* One page: its kind and the range [first, first + count) of its list's visible items. */
typedef struct PlannedSlide {
    SlideKind kind;
    int first;
    int count;
} PlannedSlide;

enum { PLAN_MAX_PAGES = 64 };

/* How many items one page holds (depends on orientation). */
typedef struct PlanCapacity {
    int member_tiles;
    int stories;
    int programmes;
} PlanCapacity;

typedef struct SlidePlan {
    PlannedSlide pages[SECTION_COUNT][PLAN_MAX_PAGES];
    int page_count[SECTION_COUNT];
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

/* The deck's view of the plan: pages per section, brand details. */
DeckOutline plan_outline(const SlidePlan *plan);

/* The page a SlideRef names (a detail maps to SLIDE_MEMBER_DETAIL with first = the
 * member's visible index), or NULL when it is out of range. *out is filled. */
bool plan_slide(const SlidePlan *plan, SlideRef ref, PlannedSlide *out);

/* Index into the Content list of visible item i of list, or -1. */
int plan_item(const SlidePlan *plan, PlanList list, int i);

#endif
