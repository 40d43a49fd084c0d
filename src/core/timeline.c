/* timeline.c — years read from text, periods and rows of the cooperation timeline; see
 * timeline.h. Start at timeline_years_parse(): a small hand-written scanner that accepts only
 * the shapes listed there and refuses the rest. */
#include "core/timeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EN_DASH "\xE2\x80\x93"
#define EM_DASH "\xE2\x80\x94"

/* Prefixes that say a range is still going on ("since 2010"), compared as given and with an
 * upper-case first letter. */
static const char *const SINCE[] = {"since ", "Since ", "from ", "From ", "od ", "Od ", "\xD0\xBE\xD0\xB4 ",
                                    "\xD0\x9E\xD0\xB4 "};

static const char *skip_spaces(const char *s)
{
    while (*s == ' ' || *s == '\t') {
        s++;
    }
    return s;
}

/* A year of four digits, not followed by another digit, with an optional full stop after it
 * (Serbian writes "2011."); *s moves past it. */
static bool scan_year(const char **s, int *year)
{
    const char *c = *s;
    int value = 0;
    for (int i = 0; i < 4; i++) {
        if (c[i] < '0' || c[i] > '9') {
            return false;
        }
        value = value * 10 + (c[i] - '0');
    }
    c += 4;
    if (*c >= '0' && *c <= '9') {
        return false;
    }
    if (*c == '.') {
        c++;
    }
    if (value < TIMELINE_YEAR_MIN || value > TIMELINE_YEAR_MAX) {
        return false;
    }
    *year = value;
    *s = c;
    return true;
}

/* A hyphen, en dash or em dash with optional spaces around it; *s moves past it. */
static bool scan_dash(const char **s)
{
    const char *c = skip_spaces(*s);
    if (*c == '-') {
        c++;
    } else if (strncmp(c, EN_DASH, 3) == 0 || strncmp(c, EM_DASH, 3) == 0) {
        c += 3;
    } else {
        return false;
    }
    *s = skip_spaces(c);
    return true;
}

/* "2011, 2012, 2013" from after the first year: each year later than the one before, all
 * within TIMELINE_LIST_SPAN years. */
static bool scan_list(const char *s, TimelineYears *out)
{
    int last = out->from;
    out->listed = 1u;
    while (*s == ',') {
        s = skip_spaces(s + 1);
        int year = 0;
        if (!scan_year(&s, &year) || year <= last || year - out->from >= TIMELINE_LIST_SPAN) {
            return false;
        }
        out->listed |= 1u << (year - out->from);
        last = year;
        s = skip_spaces(s);
    }
    out->until = last;
    return *s == '\0' && last > out->from;
}

bool timeline_years_parse(const char *text, int this_year, TimelineYears *out)
{
    *out = (TimelineYears){0};
    if (!text) {
        return false;
    }
    const char *s = skip_spaces(text);
    bool since = false;
    for (size_t i = 0; i < sizeof SINCE / sizeof SINCE[0] && !since; i++) {
        size_t length = strlen(SINCE[i]);
        if (strncmp(s, SINCE[i], length) == 0) {
            since = true;
            s = skip_spaces(s + length);
        }
    }
    TimelineYears years = {0};
    if (!scan_year(&s, &years.from)) {
        return false;
    }
    years.until = years.from;
    const char *after = skip_spaces(s);
    bool ok = false;
    if (since) {
        years.open = true;
        ok = *after == '\0';
    } else if (*after == '\0') {
        ok = true;
    } else if (*after == ',') {
        ok = scan_list(after, &years);
    } else if (scan_dash(&s)) {
        if (*s == '\0') {
            years.open = true; /* "2010–": still going on */
            ok = true;
        } else {
            ok = scan_year(&s, &years.until) && *skip_spaces(s) == '\0' && years.until > years.from;
        }
    }
    if (ok && years.open) {
        ok = this_year >= years.from && this_year <= TIMELINE_YEAR_MAX;
        years.until = this_year;
    }
    if (ok) {
        *out = years;
    }
    return ok;
}

size_t timeline_years_format(const TimelineYears *years, char *out, size_t size)
{
    char text[TIMELINE_LIST_SPAN * 6 + 16];
    size_t used = 0;
    if (years->listed) {
        for (int y = 0; y < TIMELINE_LIST_SPAN; y++) {
            if (years->listed & (1u << y)) {
                used += (size_t)snprintf(text + used, sizeof text - used, "%s%d", used ? ", " : "", years->from + y);
            }
        }
    } else if (years->open) {
        snprintf(text, sizeof text, "%d" EN_DASH, years->from);
    } else if (years->until > years->from) {
        snprintf(text, sizeof text, "%d" EN_DASH "%d", years->from, years->until);
    } else {
        snprintf(text, sizeof text, "%d", years->from);
    }
    return (size_t)snprintf(out, size, "%s", text);
}

/* ---- periods ------------------------------------------------------------------------------ */

typedef struct Sortable {
    TimelineItem item;
    size_t given; /* its place in the caller's order: ties keep it */
} Sortable;

static int compare_items(const void *a, const void *b)
{
    const Sortable *x = a;
    const Sortable *y = b;
    if (x->item.years.from != y->item.years.from) {
        return x->item.years.from < y->item.years.from ? -1 : 1;
    }
    if (x->item.years.until != y->item.years.until) {
        return x->item.years.until < y->item.years.until ? -1 : 1;
    }
    return x->given < y->given ? -1 : x->given > y->given;
}

/* Items [first, end) whose first year is that of items[first]. */
static size_t year_end(const TimelineItem *items, size_t count, size_t first)
{
    size_t end = first;
    while (end < count && items[end].years.from == items[first].years.from) {
        end++;
    }
    return end;
}

/* The period of items [first, first + count): its axis runs from the first item's year to the
 * last one's (a range going on past it runs on to the axis's end). */
static TimelinePeriod close_period(const TimelineItem *items, size_t first, size_t count)
{
    return (TimelinePeriod){.first = first, .count = count, .from = items[first].years.from,
                            .until = items[first + count - 1].years.from};
}

/* A last period of one item alone on its slide joins the one before when that has room
 * for it and the axis then spans at most a quarter more years than a slide's. */
static void fold_lone_last(Timeline *timeline, size_t max_items, int max_years)
{
    size_t n = timeline->period_count;
    if (n < 2 || timeline->periods[n - 1].count != 1) {
        return;
    }
    TimelinePeriod *before = &timeline->periods[n - 2];
    int span = timeline->periods[n - 1].from - before->from;
    if (before->count + 1 <= max_items && span < max_years + (max_years + 3) / 4) {
        *before = close_period(timeline->items, before->first, before->count + 1);
        timeline->period_count--;
    }
}

Timeline *timeline_create(const TimelineItem *items, size_t count, TimelineLimits limits)
{
    size_t max_items = limits.max_items > 0 ? limits.max_items : 1;
    int max_years = limits.max_years > 0 ? limits.max_years : 1;
    Timeline *timeline = calloc(1, sizeof *timeline);
    Sortable *sorted = calloc(count ? count : 1, sizeof *sorted);
    if (timeline) {
        timeline->items = calloc(count ? count : 1, sizeof *timeline->items);
        timeline->periods = calloc(count ? count : 1, sizeof *timeline->periods);
    }
    if (!timeline || !sorted || !timeline->items || !timeline->periods) {
        free(sorted);
        timeline_destroy(timeline);
        return NULL;
    }
    for (size_t i = 0; i < count; i++) {
        sorted[i] = (Sortable){items[i], i};
    }
    qsort(sorted, count, sizeof *sorted, compare_items);
    for (size_t i = 0; i < count; i++) {
        timeline->items[i] = sorted[i].item;
    }
    free(sorted);
    timeline->item_count = count;
    const TimelineItem *all = timeline->items;
    size_t first = 0; /* the open period's first item */
    size_t next = 0;  /* the first item not yet in a period */
    while (next < count) {
        size_t end = year_end(all, count, next);
        bool room = end - first <= max_items && all[next].years.from - all[first].years.from < max_years;
        if (next > first && !room) {
            timeline->periods[timeline->period_count++] = close_period(all, first, next - first);
            first = next;
            continue;
        }
        /* A year with more items than a slide holds: slides of its own, full ones first. */
        while (end - first > max_items) {
            timeline->periods[timeline->period_count++] = close_period(all, first, max_items);
            first += max_items;
        }
        next = end;
    }
    if (next > first) {
        timeline->periods[timeline->period_count++] = close_period(all, first, next - first);
    }
    fold_lone_last(timeline, max_items, max_years);
    return timeline;
}

void timeline_destroy(Timeline *timeline)
{
    if (!timeline) {
        return;
    }
    free(timeline->items);
    free(timeline->periods);
    free(timeline);
}

/* ---- rows ---------------------------------------------------------------------------------- */

static bool row_free(const TimelineSpan *spans, const int *row, size_t placed, int candidate, TimelineSpan span,
                     int gap)
{
    for (size_t j = 0; j < placed; j++) {
        if (row[j] == candidate && span.start < spans[j].end + gap && spans[j].start < span.end + gap) {
            return false;
        }
    }
    return true;
}

bool timeline_pack(const TimelineSpan *spans, size_t count, int gap, int rows_per_side, int *row)
{
    bool all = true;
    bool above_first = true;
    for (size_t i = 0; i < count; i++) {
        row[i] = TIMELINE_NO_ROW;
        for (int d = 0; d < rows_per_side && row[i] == TIMELINE_NO_ROW; d++) {
            int sides[2] = {above_first ? d : -1 - d, above_first ? -1 - d : d};
            for (int k = 0; k < 2; k++) {
                if (row_free(spans, row, i, sides[k], spans[i], gap)) {
                    row[i] = sides[k];
                    break;
                }
            }
        }
        if (row[i] == TIMELINE_NO_ROW) {
            all = false;
            continue;
        }
        above_first = row[i] < 0; /* the next one starts on the other side */
    }
    return all;
}
