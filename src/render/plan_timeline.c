/* plan_timeline.c — the cooperation timeline's items, gathered from the pack for the plan;
 * see plan_gather_timeline() in plan.h. What counts as a year and how the items make periods
 * is core/timeline.c's; this only reads the visible programmes and stories into it. */
#include "render/plan.h"

#include <stdlib.h>

/* The year of today ("YYYY-MM-DD"), or 0 when it does not start with one ("since" then
 * places nothing). */
static int year_of(const char *today)
{
    int year = 0;
    for (int i = 0; i < 4; i++) {
        if (!today || today[i] < '0' || today[i] > '9') {
            return 0;
        }
        year = year * 10 + (today[i] - '0');
    }
    return year;
}

/* Appends the visible items of list whose years are clear to items. */
static void gather(TimelineItem *items, size_t *count, const SlidePlan *plan, const Content *content, PlanList list,
                   int this_year)
{
    for (int i = 0; i < plan->visible_count[list]; i++) {
        int index = plan->visible[list][i];
        const char *text = list == PLAN_STORIES ? content->stories[index].years : content->programmes[index].years;
        TimelineYears years = {0};
        if (timeline_years_parse(text, this_year, &years)) {
            items[(*count)++] = (TimelineItem){.source = (int)list, .index = index, .years = years};
        }
    }
}

bool plan_gather_timeline(SlidePlan *plan, const Content *content, const char *today)
{
    int this_year = year_of(today);
    size_t capacity = (size_t)plan->visible_count[PLAN_PROGRAMMES] + (size_t)plan->visible_count[PLAN_STORIES];
    TimelineItem *items = malloc((capacity ? capacity : 1) * sizeof *items);
    if (!items) {
        return false;
    }
    size_t count = 0;
    gather(items, &count, plan, content, PLAN_PROGRAMMES, this_year);
    gather(items, &count, plan, content, PLAN_STORIES, this_year);
    timeline_destroy(plan->timeline);
    plan->timeline = timeline_create(items, count,
                                     (TimelineLimits){.max_items = PLAN_TIMELINE_ITEMS, .max_years = PLAN_TIMELINE_YEARS});
    free(items);
    return plan->timeline != NULL;
}
