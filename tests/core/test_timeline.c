/* The cooperation timeline's pure part: which year texts are clear years (one year, a range
 * with a hyphen or an en dash, a list, "since"), which are refused (words, dates, months,
 * backwards ranges, years out of range), their labels; items sorted by year and split into
 * periods by items and years a slide; labels packed in rows that never overlap. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/timeline.h"

#include <stdlib.h>
#include <string.h>

enum { NOW = 2026 };

typedef struct YearsCase {
    const char *text;
    bool ok;
    int from, until;
    bool open;
    uint32_t listed;
} YearsCase;

static const YearsCase YEARS[] = {
    {"2011", true, 2011, 2011, false, 0},
    {" 2011 ", true, 2011, 2011, false, 0},
    {"2011.", true, 2011, 2011, false, 0},
    {"2011-2016", true, 2011, 2016, false, 0},
    {"2011\xE2\x80\x93" "2016", true, 2011, 2016, false, 0},
    {"2011 \xE2\x80\x93 2016", true, 2011, 2016, false, 0},
    {"2011. - 2013.", true, 2011, 2013, false, 0},
    {"2011, 2012, 2013", true, 2011, 2013, false, 0x7},
    {"2011,2013", true, 2011, 2013, false, 0x5},
    {"since 2010", true, 2010, NOW, true, 0},
    {"Since 2010", true, 2010, NOW, true, 0},
    {"od 2010.", true, 2010, NOW, true, 0},
    {"\xD0\xBE\xD0\xB4 2010", true, 2010, NOW, true, 0},
    {"2010-", true, 2010, NOW, true, 0},
    /* Not clear years: nothing is placed. */
    {NULL, false, 0, 0, false, 0},
    {"", false, 0, 0, false, 0},
    {"   ", false, 0, 0, false, 0},
    {"2016-2011", false, 0, 0, false, 0},
    {"2011-2011", false, 0, 0, false, 0},
    {"2013, 2011", false, 0, 0, false, 0},
    {"2011,", false, 0, 0, false, 0},
    {"2010-09-14", false, 0, 0, false, 0},
    {"09/2015", false, 0, 0, false, 0},
    {"August 2015", false, 0, 0, false, 0},
    {"2015 (August)", false, 0, 0, false, 0},
    {"end of 2011", false, 0, 0, false, 0},
    {"20111", false, 0, 0, false, 0},
    {"201", false, 0, 0, false, 0},
    {"1850", false, 0, 0, false, 0},
    {"2011-16", false, 0, 0, false, 0},
    {"2010s", false, 0, 0, false, 0},
    {"since 2030", false, 0, 0, false, 0},
    {"2011, 2050", false, 0, 0, false, 0},
    {"2011 and 2013", false, 0, 0, false, 0},
};

static void test_years_parse(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof YEARS / sizeof YEARS[0]; i++) {
        const YearsCase *c = &YEARS[i];
        TimelineYears years = {.from = -1};
        bool ok = timeline_years_parse(c->text, NOW, &years);
        if (ok != c->ok) {
            fail_msg("\"%s\": %s, expected %s", c->text ? c->text : "(null)", ok ? "read" : "refused",
                     c->ok ? "read" : "refused");
        }
        assert_int_equal(years.from, c->from);
        assert_int_equal(years.until, c->until);
        assert_int_equal(years.open, c->open);
        assert_int_equal(years.listed, c->listed);
    }
}

static void test_years_format(void **state)
{
    (void)state;
    static const struct {
        const char *text, *label;
    } CASES[] = {
        {"2013", "2013"},
        {"2011-2016", "2011\xE2\x80\x93" "2016"},
        {"2011, 2012, 2013", "2011, 2012, 2013"},
        {"since 2010", "2010\xE2\x80\x93"},
    };
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        TimelineYears years = {0};
        assert_true(timeline_years_parse(CASES[i].text, NOW, &years));
        char label[64];
        assert_int_equal(timeline_years_format(&years, label, sizeof label), strlen(CASES[i].label));
        assert_string_equal(label, CASES[i].label);
    }
    char small[5];
    TimelineYears range = {.from = 2011, .until = 2016};
    assert_int_equal(timeline_years_format(&range, small, sizeof small), strlen("2011\xE2\x80\x93" "2016"));
    assert_string_equal(small, "2011");
}

static TimelineItem item(int index, int from, int until)
{
    return (TimelineItem){.source = index % 2, .index = index, .years = {.from = from, .until = until}};
}

static void assert_period(const Timeline *t, size_t p, size_t first, size_t count, int from, int until)
{
    assert_true(p < t->period_count);
    assert_int_equal(t->periods[p].first, first);
    assert_int_equal(t->periods[p].count, count);
    assert_int_equal(t->periods[p].from, from);
    assert_int_equal(t->periods[p].until, until);
}

/* The timeline of items[0..count) at these limits, which must make `periods` periods. */
static Timeline *made(const TimelineItem *items, size_t count, size_t max_items, int max_years, size_t periods)
{
    Timeline *t = timeline_create(items, count, (TimelineLimits){.max_items = max_items, .max_years = max_years});
    assert_non_null(t);
    assert_int_equal(t->item_count, count);
    assert_int_equal(t->period_count, periods);
    return t;
}

/* items[0..count) at these limits make exactly the periods expected[0..n). */
static void check_periods(const TimelineItem *items, size_t count, size_t max_items, int max_years,
                          const TimelinePeriod *expected, size_t n)
{
    Timeline *t = made(items, count, max_items, max_years, n);
    for (size_t p = 0; p < n; p++) {
        assert_period(t, p, expected[p].first, expected[p].count, expected[p].from, expected[p].until);
        assert_true(t->periods[p].count <= max_items);
    }
    timeline_destroy(t);
}

static void test_sorted_by_year(void **state)
{
    (void)state;
    TimelineItem items[] = {item(0, 2015, 2015), item(1, 2011, 2016), item(2, 2011, 2011), item(3, 2015, 2015),
                            item(4, 2010, 2012)};
    Timeline *t = made(items, 5, 10, 10, 1);
    static const int ORDER[] = {4, 2, 1, 0, 3}; /* first year, then last year, then as given */
    for (size_t i = 0; i < 5; i++) {
        assert_int_equal(t->items[i].index, ORDER[i]);
    }
    assert_period(t, 0, 0, 5, 2010, 2015); /* the axis ends at the last first year */
    timeline_destroy(t);
}

static void test_periods_by_items(void **state)
{
    (void)state;
    /* 2010: 2, 2011: 3, 2012: 2, 2013: 4 items; 5 a slide: whole years stay together. */
    TimelineItem items[11];
    int years[] = {2010, 2010, 2011, 2011, 2011, 2012, 2012, 2013, 2013, 2013, 2013};
    for (int i = 0; i < 11; i++) {
        items[i] = item(i, years[i], years[i]);
    }
    static const TimelinePeriod EXPECTED[] = {{0, 5, 2010, 2011}, {5, 2, 2012, 2012}, {7, 4, 2013, 2013}};
    check_periods(items, 11, 5, 10, EXPECTED, 3);
}

static void test_crowded_year(void **state)
{
    (void)state;
    /* One year with 7 items and 3 a slide: slides of its own, full ones first; the next year
     * joins the last of them. */
    TimelineItem items[9];
    for (int i = 0; i < 7; i++) {
        items[i] = item(i, 2013, 2013);
    }
    items[7] = item(7, 2012, 2012);
    items[8] = item(8, 2014, 2015);
    static const TimelinePeriod EXPECTED[] = {
        {0, 1, 2012, 2012}, {1, 3, 2013, 2013}, {4, 3, 2013, 2013}, {7, 2, 2013, 2014}};
    check_periods(items, 9, 3, 10, EXPECTED, 4);
}

static void test_periods_by_years(void **state)
{
    (void)state;
    /* One item a year over 25 years, a decade a slide; a range reaching past its slide's
     * decade does not widen it. */
    TimelineItem items[25];
    for (int i = 0; i < 25; i++) {
        items[i] = item(i, 2001 + i, i == 5 ? 2030 : 2001 + i);
    }
    static const TimelinePeriod EXPECTED[] = {{0, 10, 2001, 2010}, {10, 10, 2011, 2020}, {20, 5, 2021, 2025}};
    check_periods(items, 25, 100, 10, EXPECTED, 3);
}

static void test_lone_last_item_folds(void **state)
{
    (void)state;
    /* One item a year 2029–2039, a decade a slide: 2039 alone would be a slide of one item;
     * it joins the decade before (11 years, within a quarter more). */
    TimelineItem items[12];
    for (int i = 0; i < 11; i++) {
        items[i] = item(i, 2029 + i, 2029 + i);
    }
    static const TimelinePeriod FOLDED[] = {{0, 11, 2029, 2039}};
    check_periods(items, 11, 12, 10, FOLDED, 1);
    /* No room for it on the slide before: it stays alone. */
    static const TimelinePeriod FULL[] = {{0, 10, 2029, 2038}, {10, 1, 2039, 2039}};
    check_periods(items, 11, 10, 10, FULL, 2);
    /* Too many years after the slide before: alone too. */
    items[10] = item(10, 2045, 2045);
    static const TimelinePeriod FAR[] = {{0, 10, 2029, 2038}, {10, 1, 2045, 2045}};
    check_periods(items, 11, 12, 10, FAR, 2);
    /* Two items in the last period: no fold. */
    items[11] = item(11, 2046, 2046);
    static const TimelinePeriod TWO[] = {{0, 10, 2029, 2038}, {10, 2, 2045, 2046}};
    check_periods(items, 12, 12, 10, TWO, 2);
}

static void test_no_items(void **state)
{
    (void)state;
    Timeline *t = made(NULL, 0, 0, 0, 0);
    timeline_destroy(t);
    timeline_destroy(NULL);
}

static bool overlap(TimelineSpan a, TimelineSpan b, int gap)
{
    return a.start < b.end + gap && b.start < a.end + gap;
}

static void test_pack(void **state)
{
    (void)state;
    /* Three labels of one year, one after them that fits beside one, one far along. */
    TimelineSpan spans[] = {{0, 100}, {0, 80}, {0, 120}, {110, 200}, {300, 400}};
    int row[5];
    assert_true(timeline_pack(spans, 5, 5, 3, row));
    assert_int_equal(row[0], 0);  /* above, nearest the axis */
    assert_int_equal(row[1], -1); /* below */
    assert_int_equal(row[2], 1);  /* above again, a row out */
    assert_int_equal(row[3], -1); /* below (after one above), beside the second: 30 px apart */
    assert_int_equal(row[4], 0);  /* both sides free: the other side from the one before */
    for (size_t i = 0; i < 5; i++) {
        for (size_t j = 0; j < i; j++) {
            assert_false(row[i] == row[j] && overlap(spans[i], spans[j], 5));
        }
    }
}

static void test_pack_no_room(void **state)
{
    (void)state;
    TimelineSpan spans[] = {{0, 10}, {0, 10}, {0, 10}, {50, 60}};
    int row[4];
    assert_false(timeline_pack(spans, 4, 0, 1, row));
    assert_int_equal(row[0], 0);
    assert_int_equal(row[1], -1);
    assert_int_equal(row[2], TIMELINE_NO_ROW);
    assert_true(row[3] == 0 || row[3] == -1);
}

/* Many labels of random places and lengths: no two on a row overlap, whatever the order. */
static void test_pack_never_overlaps(void **state)
{
    (void)state;
    enum { N = 60 };
    TimelineSpan spans[N];
    int row[N];
    unsigned seed = 7;
    for (int round = 0; round < 50; round++) {
        for (int i = 0; i < N; i++) {
            seed = seed * 1103515245u + 12345u;
            int start = (int)(seed % 1000u);
            seed = seed * 1103515245u + 12345u;
            spans[i] = (TimelineSpan){start, start + 20 + (int)(seed % 300u)};
        }
        timeline_pack(spans, N, 4, 6, row);
        for (int i = 0; i < N; i++) {
            assert_true(row[i] == TIMELINE_NO_ROW || (row[i] >= -6 && row[i] < 6));
            for (int j = 0; j < i; j++) {
                assert_false(row[i] != TIMELINE_NO_ROW && row[i] == row[j] && overlap(spans[i], spans[j], 4));
            }
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_years_parse),      cmocka_unit_test(test_years_format),
        cmocka_unit_test(test_sorted_by_year),   cmocka_unit_test(test_periods_by_items),
        cmocka_unit_test(test_crowded_year),     cmocka_unit_test(test_periods_by_years),
        cmocka_unit_test(test_lone_last_item_folds),
        cmocka_unit_test(test_no_items),         cmocka_unit_test(test_pack),
        cmocka_unit_test(test_pack_no_room),     cmocka_unit_test(test_pack_never_overlaps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
