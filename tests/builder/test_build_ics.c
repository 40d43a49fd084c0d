/* The builder's .ics reader on its own: a session in UTC read and then seen "now" on the
 * virtual clock, a TZID without a VTIMEZONE through the system's zoneinfo, a TZID only the
 * file's VTIMEZONE defines, floating times and DURATION, daily repetitions with COUNT, UNTIL
 * and without an end (bounded), other repetitions, EXDATE and cancelled events refused, and
 * hostile text refused whole (size, lines, components, nesting, NUL, not UTF-8). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "builder/build_ics.h"
#include "core/event_board.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_SEEN = 32 };

typedef struct Seen {
    char titles[MAX_SEEN][64];
    EventSpan spans[MAX_SEEN];
    size_t count;
    char refused[MAX_SEEN][256];
    size_t refused_count;
} Seen;

static void on_session(void *ctx, const BuildIcsSession *session)
{
    Seen *seen = ctx;
    if (seen->count < MAX_SEEN) {
        snprintf(seen->titles[seen->count], sizeof seen->titles[0], "%s@%s", session->title, session->room);
        seen->spans[seen->count] = session->span;
    }
    seen->count++;
}

static void on_refused(void *ctx, const char *title, const char *why)
{
    Seen *seen = ctx;
    if (seen->refused_count < MAX_SEEN) {
        snprintf(seen->refused[seen->refused_count], sizeof seen->refused[0], "%s: %s", title, why);
    }
    seen->refused_count++;
}

static EventInstant at(const char *text)
{
    EventInstant instant = 0;
    assert_true(event_instant_parse(text, &instant));
    return instant;
}

/* Reads text with the event of Belgrade's spring DST weekend as its bound; true when the
 * file was read. */
static bool read_ics(const char *text, Seen *seen, char *why, size_t why_size)
{
    *seen = (Seen){0};
    const BuildIcsReader reader = {
        .floating_zone = "Europe/Belgrade",
        .bound = {at("2026-03-27T23:00:00Z"), at("2026-03-29T22:00:00Z")},
        .session = on_session,
        .refused = on_refused,
        .ctx = seen,
    };
    return build_ics_read(text, strlen(text), &reader, why, why_size);
}

#define CALENDAR(body) "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//EN\r\n" body "END:VCALENDAR\r\n"

static void a_session_in_utc_is_now_on_the_virtual_clock(void **state)
{
    (void)state;
    Seen seen;
    char why[256] = "";
    assert_true(read_ics(CALENDAR("BEGIN:VEVENT\r\nUID:a@example.org\r\nDTSTART:20260328T140000Z\r\n"
                                  "DTEND:20260328T150000Z\r\nSUMMARY:Example talk\\, in UTC\r\n"
                                  "LOCATION:Hall A\r\nEND:VEVENT\r\n"),
                         &seen, why, sizeof why));
    assert_int_equal(seen.count, 1);
    assert_string_equal(seen.titles[0], "Example talk, in UTC@Hall A");
    assert_int_equal(seen.spans[0].starts, at("2026-03-28T14:00:00Z"));
    assert_int_equal(seen.spans[0].ends, at("2026-03-28T15:00:00Z"));
    typedef struct Row {
        EventSpan span;
    } Row;
    Row rows[] = {{seen.spans[0]}};
    EventNowNext now_next;
    event_now_next(EVENT_LIST(rows, 1, span), at("2026-03-28T13:50:00Z"), &now_next);
    assert_int_equal(now_next.next, 0);
    assert_int_equal(now_next.next_in, 600);
    event_now_next(EVENT_LIST(rows, 1, span), at("2026-03-28T14:30:00Z"), &now_next);
    assert_int_equal(now_next.running_count, 1);
}

static void zones_floating_times_and_durations(void **state)
{
    (void)state;
    Seen seen;
    char why[256] = "";
    assert_true(read_ics(CALENDAR("BEGIN:VTIMEZONE\r\nTZID:Example Time\r\nBEGIN:STANDARD\r\n"
                                  "DTSTART:19700101T000000\r\nTZOFFSETFROM:+0300\r\nTZOFFSETTO:+0300\r\n"
                                  "END:STANDARD\r\nEND:VTIMEZONE\r\n"
                                  "BEGIN:VEVENT\r\nUID:1\r\nDTSTART;TZID=Europe/Belgrade:20260329T100000\r\n"
                                  "DTEND;TZID=Europe/Belgrade:20260329T110000\r\nSUMMARY:System zone\r\nEND:VEVENT\r\n"
                                  "BEGIN:VEVENT\r\nUID:2\r\nDTSTART;TZID=Example Time:20260328T100000\r\n"
                                  "DURATION:PT45M\r\nSUMMARY:Own zone\r\nEND:VEVENT\r\n"
                                  "BEGIN:VEVENT\r\nUID:3\r\nDTSTART:20260328T100000\r\nDTEND:20260328T103000\r\n"
                                  "SUMMARY:Floating\r\nEND:VEVENT\r\n"),
                         &seen, why, sizeof why));
    assert_int_equal(seen.count, 3);
    assert_int_equal(seen.spans[0].starts, at("2026-03-29T08:00:00Z")); /* summer time by then */
    assert_int_equal(seen.spans[1].starts, at("2026-03-28T07:00:00Z"));
    assert_int_equal(seen.spans[1].ends, at("2026-03-28T07:45:00Z"));
    assert_int_equal(seen.spans[2].starts, at("2026-03-28T09:00:00Z"));
}

static void daily_repetitions(void **state)
{
    (void)state;
    Seen seen;
    char why[256] = "";
    assert_true(read_ics(CALENDAR("BEGIN:VEVENT\r\nUID:1\r\nDTSTART:20260327T080000Z\r\nDTEND:20260327T081500Z\r\n"
                                  "RRULE:FREQ=DAILY\r\nSUMMARY:Endless\r\nEND:VEVENT\r\n"),
                         &seen, why, sizeof why));
    assert_int_equal(seen.count, 3); /* the 27th (before the bound: the caller drops it), 28th and 29th */
    assert_int_equal(seen.spans[2].starts, at("2026-03-29T08:00:00Z"));
    assert_true(read_ics(CALENDAR("BEGIN:VEVENT\r\nUID:1\r\nDTSTART;TZID=Europe/Belgrade:20260328T090000\r\n"
                                  "DTEND;TZID=Europe/Belgrade:20260328T100000\r\nRRULE:FREQ=DAILY;COUNT=5\r\n"
                                  "SUMMARY:Count\r\nEND:VEVENT\r\n"
                                  "BEGIN:VEVENT\r\nUID:2\r\nDTSTART:20260328T120000Z\r\nDTEND:20260328T130000Z\r\n"
                                  "RRULE:FREQ=DAILY;UNTIL=20260328T235959Z\r\nSUMMARY:Until\r\nEND:VEVENT\r\n"),
                         &seen, why, sizeof why));
    assert_int_equal(seen.count, 3); /* COUNT=5 stops at the bound: two; UNTIL the 28th: one */
    assert_int_equal(seen.spans[0].starts, at("2026-03-28T08:00:00Z"));
    assert_int_equal(seen.spans[1].starts, at("2026-03-29T07:00:00Z")); /* 09:00 local after the change */
    assert_string_equal(seen.titles[2], "Until@");
}

static void what_is_not_read_is_refused_with_a_reason(void **state)
{
    (void)state;
    Seen seen;
    char why[256] = "";
    assert_true(read_ics(CALENDAR("BEGIN:VEVENT\r\nUID:1\r\nDTSTART:20260328T080000Z\r\nDTEND:20260328T090000Z\r\n"
                                  "RRULE:FREQ=WEEKLY;COUNT=2\r\nSUMMARY:Weekly\r\nEND:VEVENT\r\n"
                                  "BEGIN:VEVENT\r\nUID:2\r\nDTSTART:20260328T080000Z\r\nDTEND:20260328T090000Z\r\n"
                                  "RRULE:FREQ=DAILY\r\nEXDATE:20260329T080000Z\r\nSUMMARY:Except\r\nEND:VEVENT\r\n"
                                  "BEGIN:VEVENT\r\nUID:3\r\nDTSTART:20260328T080000Z\r\nDTEND:20260328T090000Z\r\n"
                                  "STATUS:CANCELLED\r\nSUMMARY:Cancelled\r\nEND:VEVENT\r\n"
                                  "BEGIN:VEVENT\r\nUID:4\r\nDTSTART:20260328T080000Z\r\nSUMMARY:No end\r\nEND:VEVENT\r\n"
                                  "BEGIN:VEVENT\r\nUID:5\r\nDTSTART:20260231T080000Z\r\nDTEND:20260328T090000Z\r\n"
                                  "SUMMARY:Bad date\r\nEND:VEVENT\r\n"
                                  "BEGIN:VEVENT\r\nUID:6\r\nDTSTART:20260328T090000Z\r\nDTEND:20260328T080000Z\r\n"
                                  "SUMMARY:Backwards\r\nEND:VEVENT\r\n"),
                         &seen, why, sizeof why));
    if (seen.count) {
        fail_msg("read \"%s\" (refused %zu)", seen.titles[0], seen.refused_count);
    }
    assert_int_equal(seen.refused_count, 6);
    assert_string_equal(seen.refused[0],
                        "Weekly: only simple daily repetitions are read (RRULE:FREQ=DAILY with COUNT or UNTIL)");
    assert_string_equal(seen.refused[1], "Except: extra or excluded dates (RDATE, EXDATE) are not read");
    assert_string_equal(seen.refused[2], "Cancelled: it is cancelled");
    assert_string_equal(seen.refused[3], "No end: it has no end (DTEND or DURATION)");
    assert_string_equal(seen.refused[4], "Bad date: its start is not a valid date or time");
    assert_string_equal(seen.refused[5], "Backwards: it does not end after it starts");
}

static void hostile_text_is_refused_whole(void **state)
{
    (void)state;
    Seen seen;
    char why[256];
    static const struct {
        const char *text;
        const char *why;
    } CASES[] = {
        {"", "no BEGIN:VCALENDAR"},
        {"hello", "no BEGIN:VCALENDAR"},
        {"BEGIN:VCALENDAR\r\n\xff\xfe\r\nEND:VCALENDAR\r\n", "the file is not UTF-8 text (byte 17)"},
        {CALENDAR("BEGIN:VEVENT\r\nBEGIN:VALARM\r\nBEGIN:X-DEEP\r\nEND:X-DEEP\r\nEND:VALARM\r\nEND:VEVENT\r\n"),
         "components are nested deeper than 3"},
    };
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        why[0] = '\0';
        assert_false(read_ics(CASES[i].text, &seen, why, sizeof why));
        assert_string_equal(why, CASES[i].why);
    }
    /* a NUL byte, counted sizes */
    const BuildIcsReader reader = {.session = on_session, .refused = on_refused, .ctx = &seen};
    assert_false(build_ics_read("BEGIN:VCALENDAR\r\n\0", 18, &reader, why, sizeof why));
    assert_string_equal(why, "the file has a NUL byte");
    /* megabytes of properties, many lines, many components */
    size_t big = BUILD_ICS_MAX_BYTES + 1;
    char *text = malloc(big + 1);
    assert_non_null(text);
    memset(text, 'A', big);
    memcpy(text, "BEGIN:VCALENDAR\r\nX-A:", 21);
    text[big] = '\0';
    assert_false(build_ics_read(text, big, &reader, why, sizeof why));
    assert_string_equal(why, "the file is larger than 1024 KiB");
    size_t used = (size_t)sprintf(text, "BEGIN:VCALENDAR\r\n");
    for (int i = 0; i < BUILD_ICS_MAX_LINES; i++) {
        used += (size_t)sprintf(text + used, "X:1\r\n");
    }
    assert_false(build_ics_read(text, used, &reader, why, sizeof why));
    assert_string_equal(why, "the file has more than 50000 lines");
    used = (size_t)sprintf(text, "BEGIN:VCALENDAR\r\n");
    for (int i = 0; i < BUILD_ICS_MAX_COMPONENTS; i++) {
        used += (size_t)sprintf(text + used, "BEGIN:VEVENT\r\nEND:VEVENT\r\n");
    }
    assert_false(build_ics_read(text, used, &reader, why, sizeof why));
    assert_string_equal(why, "the file has more than 2000 components");
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_session_in_utc_is_now_on_the_virtual_clock),
        cmocka_unit_test(zones_floating_times_and_durations),
        cmocka_unit_test(daily_repetitions),
        cmocka_unit_test(what_is_not_read_is_refused_with_a_reason),
        cmocka_unit_test(hostile_text_is_refused_whole),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
