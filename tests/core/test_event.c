/* The event board's pure logic on a virtual clock: instants and zone offsets (the DST day in
 * Europe/Belgrade as a pack lists it), the event on only within its days and until its last
 * session ends past midnight, sessions now and next with the countdown, meeting rounds
 * ("Round N starts in m:ss", "Meetings end in N min", finished rounds gone), announcement
 * windows and "find my meetings" with folding (one meeting as iCalendar: test_event_ics.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/event_board.h"
#include "core/event_time.h"
#include "core/fold.h"

#include <stdbool.h>
#include <string.h>

typedef struct Row {
    const char *name;
    EventSpan span;
} Row;

static EventInstant at(const char *text)
{
    EventInstant instant = 0;
    assert_true(event_instant_parse(text, &instant));
    return instant;
}

/* Belgrade around the change to summer time: CET (+01:00) until 01:00Z on 2026-03-29. */
static EventZone belgrade_dst(void)
{
    EventZone zone = {0};
    assert_true(event_zone_parse("2026-03-27T23:00:00Z +01:00, 2026-03-29T01:00:00Z +02:00", &zone));
    return zone;
}

static void instants_round_trip(void **state)
{
    (void)state;
    char text[EVENT_INSTANT_TEXT_SIZE];
    assert_int_equal(at("1970-01-01T00:00:00Z"), 0);
    assert_int_equal(at("2026-03-29T01:00:00Z"), 1774746000);
    event_instant_format(1774746000, text);
    assert_string_equal(text, "2026-03-29T01:00:00Z");
    EventInstant out = 0;
    static const char *const BAD[] = {"2026-02-29T00:00:00Z", "2026-03-29T24:00:00Z", "2026-03-29T01:00:00",
                                      "2026-03-29 01:00:00Z", "2026-03-29T01:00:00Zx", ""};
    for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++) {
        assert_false(event_instant_parse(BAD[i], &out));
    }
}

static void zone_offsets_across_the_dst_day(void **state)
{
    (void)state;
    EventZone zone = belgrade_dst();
    assert_int_equal(zone.count, 2);
    assert_int_equal(event_zone_offset(&zone, at("2026-03-29T00:59:59Z")), 3600);
    assert_int_equal(event_zone_offset(&zone, at("2026-03-29T01:00:00Z")), 7200);
    int hour = 0, minute = 0;
    event_local_clock(&zone, at("2026-03-29T00:59:00Z"), &hour, &minute);
    assert_int_equal(hour * 100 + minute, 159);
    event_local_clock(&zone, at("2026-03-29T01:00:00Z"), &hour, &minute);
    assert_int_equal(hour * 100 + minute, 300); /* 02:00-02:59 does not exist that day */
    assert_int_equal(event_local_date(&zone, at("2026-03-28T22:59:00Z")), 20260328);
    assert_int_equal(event_local_date(&zone, at("2026-03-28T23:00:00Z")), 20260329);
    char text[128];
    assert_true(event_zone_format(&zone, text, sizeof text));
    assert_string_equal(text, "2026-03-27T23:00:00Z +01:00, 2026-03-29T01:00:00Z +02:00");
    EventZone bad = {0};
    assert_false(event_zone_parse("2026-03-29T01:00:00Z +02:00, 2026-03-27T23:00:00Z +01:00", &bad));
    assert_false(event_zone_parse("2026-03-29T01:00:00Z +19:00", &bad));
    assert_false(event_zone_parse("2026-03-29T01:00:00Z +02:00,", &bad));
    assert_false(event_zone_parse("", &bad));
}

static void event_is_on_only_within_its_days(void **state)
{
    (void)state;
    EventZone zone = belgrade_dst();
    EventList none = {0};
    Row sessions[] = {{"keynote", {at("2026-03-28T08:00:00Z"), at("2026-03-28T09:00:00Z")}}};
    EventList list = EVENT_LIST(sessions, 1, span);
    /* 2026-03-28 to 2026-03-29 local: from 2026-03-27T23:00Z to 2026-03-29T22:00Z (summer time by then) */
    assert_false(event_board_is_on(&zone, "2026-03-28", "2026-03-29", list, none, at("2026-03-27T22:59:59Z")));
    assert_true(event_board_is_on(&zone, "2026-03-28", "2026-03-29", list, none, at("2026-03-27T23:00:00Z")));
    assert_true(event_board_is_on(&zone, "2026-03-28", "2026-03-29", list, none, at("2026-03-29T21:59:59Z")));
    assert_false(event_board_is_on(&zone, "2026-03-28", "2026-03-29", list, none, at("2026-03-29T22:00:00Z")));
    assert_false(event_board_is_on(&zone, "2026-03-28", "bad", list, none, at("2026-03-28T12:00:00Z")));
}

static void an_evening_crossing_midnight_stays_on_until_it_ends(void **state)
{
    (void)state;
    EventZone zone = {0};
    assert_true(event_zone_parse("2026-06-11T22:00:00Z +02:00", &zone));
    Row sessions[] = {
        {"dinner", {at("2026-06-12T18:00:00Z"), at("2026-06-12T20:00:00Z")}},
        {"party", {at("2026-06-12T20:00:00Z"), at("2026-06-12T23:30:00Z")}}, /* 22:00-01:30 local */
    };
    EventList list = EVENT_LIST(sessions, 2, span);
    EventList none = {0};
    EventInstant after_midnight = at("2026-06-12T22:30:00Z"); /* 00:30 on the 13th */
    assert_int_equal(event_local_date(&zone, after_midnight), 20260613);
    assert_true(event_board_is_on(&zone, "2026-06-12", "2026-06-12", list, none, after_midnight));
    EventNowNext now_next;
    event_now_next(list, after_midnight, &now_next);
    assert_int_equal(now_next.running_count, 1);
    assert_int_equal(now_next.running[0], 1);
    assert_false(event_board_is_on(&zone, "2026-06-12", "2026-06-12", list, none, at("2026-06-12T23:30:00Z")));
}

static void now_and_next_with_a_countdown(void **state)
{
    (void)state;
    Row sessions[] = {
        {"opening", {at("2026-06-12T07:00:00Z"), at("2026-06-12T07:30:00Z")}},
        {"panel", {at("2026-06-12T07:30:00Z"), at("2026-06-12T08:30:00Z")}},
        {"workshop", {at("2026-06-12T07:45:00Z"), at("2026-06-12T09:00:00Z")}},
        {"lunch", {at("2026-06-12T10:00:00Z"), at("2026-06-12T11:00:00Z")}},
        {"talk", {at("2026-06-12T08:15:00Z"), at("2026-06-12T09:00:00Z")}},
    };
    EventList list = EVENT_LIST(sessions, 5, span);
    EventNowNext out;
    event_now_next(list, at("2026-06-12T07:40:00Z"), &out);
    assert_int_equal(out.running_count, 1);
    assert_int_equal(out.running[0], 1);
    assert_int_equal(out.soon_count, 2); /* workshop and talk within the hour; lunch not */
    assert_int_equal(out.soon[0], 2);
    assert_int_equal(out.soon[1], 4);
    assert_int_equal(out.next, 2);
    assert_int_equal(out.next_in, 300);
    char countdown[EVENT_COUNTDOWN_SIZE];
    assert_string_equal(event_countdown_format(out.next_in, "min", countdown), "5:00");
    assert_string_equal(event_countdown_format(252, "min", countdown), "4:12");
    assert_string_equal(event_countdown_format(-3, "min", countdown), "0:00");
    /* under ten minutes m:ss; from ten minutes whole minutes, rounded up, never a clock time */
    assert_string_equal(event_countdown_format(599, "min", countdown), "9:59");
    assert_string_equal(event_countdown_format(600, "min", countdown), "10 min");
    assert_string_equal(event_countdown_format(601, "min", countdown), "11 min");
    assert_string_equal(event_countdown_format(55 * 60, "мин", countdown), "55 мин");
    assert_string_equal(event_countdown_format(72 * 60, "min", countdown), "72 min");
    /* the session ending at now is over; one starting at now is running */
    event_now_next(list, at("2026-06-12T07:30:00Z"), &out);
    assert_int_equal(out.running_count, 1);
    assert_int_equal(out.running[0], 1);
    event_now_next(list, at("2026-06-12T11:00:00Z"), &out);
    assert_int_equal(out.running_count + out.soon_count, 0);
    assert_int_equal(out.next, -1);
}

static void rounds_and_countdowns(void **state)
{
    (void)state;
    /* Three rounds of 20 minutes with 10-minute breaks; listed out of order on purpose. */
    Row meetings[] = {
        {"r2-t1", {at("2026-06-12T08:30:00Z"), at("2026-06-12T08:50:00Z")}},
        {"r1-t1", {at("2026-06-12T08:00:00Z"), at("2026-06-12T08:20:00Z")}},
        {"r1-t2", {at("2026-06-12T08:00:00Z"), at("2026-06-12T08:20:00Z")}},
        {"r3-t1", {at("2026-06-12T09:00:00Z"), at("2026-06-12T09:20:00Z")}},
        {"r2-t2", {at("2026-06-12T08:30:00Z"), at("2026-06-12T08:55:00Z")}},
    };
    EventList list = EVENT_LIST(meetings, 5, span);
    EventRounds rounds;
    event_rounds(list, at("2026-06-12T07:55:48Z"), &rounds);
    assert_int_equal(rounds.round_count, 3);
    assert_int_equal(rounds.current, 0);
    assert_int_equal(rounds.next, 1);
    assert_int_equal(rounds.next_in, 252); /* "Round 1 starts in 4:12" */

    event_rounds(list, at("2026-06-12T08:14:30Z"), &rounds);
    assert_int_equal(rounds.current, 1);
    assert_int_equal(rounds.ends_in_minutes, 6); /* "Meetings end in 6 min" (5.5 rounded up) */
    assert_int_equal(rounds.next, 2);

    event_rounds(list, at("2026-06-12T08:25:00Z"), &rounds); /* between rounds 1 and 2 */
    assert_int_equal(rounds.current, 0);
    assert_int_equal(rounds.next, 2);
    assert_int_equal(rounds.next_in, 300);
    assert_true(event_meeting_finished(list, 1, at("2026-06-12T08:25:00Z")));
    assert_false(event_meeting_finished(list, 0, at("2026-06-12T08:25:00Z")));

    /* round 2 runs until its last meeting ends (08:55), though one ended at 08:50 */
    event_rounds(list, at("2026-06-12T08:52:00Z"), &rounds);
    assert_int_equal(rounds.current, 2);
    assert_int_equal(rounds.current_ends, at("2026-06-12T08:55:00Z"));
    assert_false(event_meeting_finished(list, 0, at("2026-06-12T08:52:00Z")));

    event_rounds(list, at("2026-06-12T09:20:00Z"), &rounds);
    assert_int_equal(rounds.current, 0);
    assert_int_equal(rounds.next, 0);
    assert_int_equal(event_round_of(list, at("2026-06-12T09:00:00Z")), 3);
    assert_int_equal(event_round_of(list, at("2026-06-12T09:01:00Z")), 0);

    /* the board: finished rounds gone, by start time, the list's order within a round */
    size_t board[8];
    assert_int_equal(event_board_meetings(list, at("2026-06-12T07:00:00Z"), board, 8), 5);
    size_t expected[] = {1, 2, 0, 4, 3};
    assert_memory_equal(board, expected, sizeof expected);
    assert_int_equal(event_board_meetings(list, at("2026-06-12T08:25:00Z"), board, 8), 3);
    assert_int_equal(board[0], 0);
    assert_int_equal(board[1], 4);
    assert_int_equal(board[2], 3);
    assert_int_equal(event_board_meetings(list, at("2026-06-12T07:00:00Z"), board, 2), 2); /* the first page */
    assert_int_equal(board[0], 1);
    assert_int_equal(board[1], 2);
    assert_int_equal(event_board_meetings(list, at("2026-06-12T09:20:00Z"), board, 8), 0);

    EventList none = {0};
    event_rounds(none, 0, &rounds);
    assert_int_equal(rounds.round_count, 0);
}

static void announcement_windows(void **state)
{
    (void)state;
    EventSpan lunch = {at("2026-06-12T10:00:00Z"), at("2026-06-12T11:30:00Z")};
    assert_false(event_announcement_shows(&lunch, at("2026-06-12T09:59:59Z")));
    assert_true(event_announcement_shows(&lunch, at("2026-06-12T10:00:00Z")));
    assert_true(event_announcement_shows(&lunch, at("2026-06-12T11:29:59Z")));
    assert_false(event_announcement_shows(&lunch, at("2026-06-12T11:30:00Z")));
}

static void find_my_meetings_folds_like_the_member_search(void **state)
{
    (void)state;
    char query[64];
    fold_text("šav", strlen("šav"), query, sizeof query);
    assert_true(event_party_matches("example-savovi", "Example Brand Šavovi", query));
    assert_true(event_party_matches("Šavovi Example", NULL, query));
    fold_text("ПРИМЕР", strlen("ПРИМЕР"), query, sizeof query);
    assert_true(event_party_matches("Primer Tekstil", NULL, query));
    assert_false(event_party_matches("Alpha Knit", NULL, query));
    assert_false(event_party_matches("Alpha Knit", NULL, ""));
    assert_false(event_party_matches(NULL, NULL, query));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(instants_round_trip),
        cmocka_unit_test(zone_offsets_across_the_dst_day),
        cmocka_unit_test(event_is_on_only_within_its_days),
        cmocka_unit_test(an_evening_crossing_midnight_stays_on_until_it_ends),
        cmocka_unit_test(now_and_next_with_a_countdown),
        cmocka_unit_test(rounds_and_countdowns),
        cmocka_unit_test(announcement_windows),
        cmocka_unit_test(find_my_meetings_folds_like_the_member_search),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
