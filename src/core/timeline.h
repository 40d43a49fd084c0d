/* timeline.h — the cooperation timeline's pure part: the years an item's text states (a
 * programme's "2011-2016", a story's "2013" or "2011, 2012, 2013"), read conservatively (only
 * clear years: anything else is no year, and the item is not placed), and the dated items
 * sorted by year and split into periods, one slide each, that stay legible (at most so many
 * items and so many years a slide). Also the packing of the slide's labels into rows so that
 * none overlaps another. The caller (render/plan.c) gathers the items from the pack; nothing
 * here knows the Content model. Pure: no SDL, no clock (the year "now" is passed in). */
#ifndef FACTS_CORE_TIMELINE_H
#define FACTS_CORE_TIMELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
    TIMELINE_YEAR_MIN = 1900, /* years outside [MIN, MAX] are not clear years */
    TIMELINE_YEAR_MAX = 2100,
    TIMELINE_LIST_SPAN = 32,  /* a list of years spans at most this many (TimelineYears.listed) */
    TIMELINE_NO_ROW = -1000000, /* timeline_pack(): no room for this span */
};

/* The years of an item: one year (from == until), a range, a list of years (listed) or a
 * range still going on ("since 2010": open, until = the year now). */
typedef struct TimelineYears {
    int from;
    int until;
    bool open;
    uint32_t listed; /* a list ("2011, 2013"): bit (year - from) for each year it names; 0 otherwise */
} TimelineYears;

/* Reads the years text states: "2011", "2011.", "2011-2016", "2011–2016" (en dash, spaces
 * around it allowed), "2011, 2012, 2013" (ascending), "since 2010" / "from 2010" / "od 2010" /
 * "од 2010" (open until this_year; not when this_year is before it). Returns false (and
 * *out zeroed) for anything else: NULL, empty, a backwards range, a year out of range, words,
 * a month or a date. */
bool timeline_years_parse(const char *text, int this_year, TimelineYears *out);

/* Writes years as a label: "2013", "2011–2016" (en dash), "2011, 2012, 2013", "2010–" for an
 * open range. Like snprintf (returns the whole length). */
size_t timeline_years_format(const TimelineYears *years, char *out, size_t size);

/* One dated item: a tag and index the caller gives (which list, which entry of it) and its
 * years. */
typedef struct TimelineItem {
    int source;
    int index;
    TimelineYears years;
} TimelineItem;

/* One slide of the timeline: items [first, first + count) of Timeline.items, and the years
 * its axis shows: from its first item's first year to its last item's first year (a range
 * that goes on past them is drawn on to the axis's end; its label says its years). */
typedef struct TimelinePeriod {
    size_t first;
    size_t count;
    int from;
    int until;
} TimelinePeriod;

typedef struct TimelineLimits {
    size_t max_items; /* items a slide shows at most (at least 1) */
    int max_years;    /* first years an axis spans at most (at least 1; a lone last item adds a quarter) */
} TimelineLimits;

/* The items in time order (first year, then last, then the order given) and their periods. */
typedef struct Timeline {
    TimelineItem *items;
    size_t item_count;
    TimelinePeriod *periods;
    size_t period_count;
} Timeline;

/* Sorts a copy of items[0..count) and splits them into periods: whole years go to one slide
 * while it has room for their items and years; a year with more items than a slide holds
 * fills slides of its own; a last slide that would show one item alone joins the slide
 * before when that has room for it and its axis then spans at most a quarter more years
 * than max_years. No items: no periods. NULL when out of memory; free with
 * timeline_destroy(). */
Timeline *timeline_create(const TimelineItem *items, size_t count, TimelineLimits limits);

/* Frees a timeline. NULL is a no-op. */
void timeline_destroy(Timeline *timeline);

/* One label to place along the axis: it takes [start, end) of the axis (pixels) on its row. */
typedef struct TimelineSpan {
    int start;
    int end;
} TimelineSpan;

/* Places spans[0..count) in rows on both sides of the axis so that no two on a row overlap
 * (gap pixels at least between them): in the order given, each on the row nearest the axis
 * where it fits, alternating sides when both are as near. rows_per_side rows each side.
 * row[i] gets 0, 1, … for the rows above the axis (0 nearest) and -1, -2, … below, or
 * TIMELINE_NO_ROW when it found no room (it must not be drawn; the function then returns
 * false). */
bool timeline_pack(const TimelineSpan *spans, size_t count, int gap, int rows_per_side, int *row);

#endif
