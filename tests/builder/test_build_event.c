/* The event of the day through the builder and the loader: optional sources (no event: the
 * pack stays a version 2 pack), local times made UTC in the event's zone with the zone's
 * offsets over its days (the DST days of Europe/Belgrade: a skipped and a doubled time
 * refused naming both readings), private meetings without names, announcements needing an
 * event, unknown zones, spans that end before they start; the loader reading version 3
 * packs and refusing a private meeting with names, and the core deciding on loaded content. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "builder/builder.h"
#include "content/loader.h"
#include "content/schema.h"
#include "core/event_board.h"
#include "support/fixture.h"

static void put(const char *dir, const char *name, const char *text)
{
    fixture_write(dir, name, text, (size_t)-1);
}

/* Writes dir/name: header, then rows. */
static void put_table(const char *dir, const char *name, const char *header, const char *rows)
{
    size_t size = strlen(header) + strlen(rows) + 1;
    char *text = malloc(size);
    assert_non_null(text);
    snprintf(text, size, "%s%s", header, rows);
    put(dir, name, text);
    free(text);
}

static const char EVENTS_HEADER[] = "id,name_en,name_sr_latn,venue_en,venue_sr_latn,starts,ends,time_zone\n";
static const char SESSIONS_HEADER[] = "id,event,starts,ends,room_en,room_sr_latn,title_en,title_sr_latn,kind\n";
static const char MEETINGS_HEADER[] = "event,starts,ends,table,party_a,party_b,title,private\n";
static const char ANNOUNCEMENTS_HEADER[] = "id,text_en,text_sr_latn,from,until\n";

/* An event over the two days the clocks change in spring 2026 in Belgrade. */
static void put_spring_event(const char *dir)
{
    put_table(dir, "events.csv", EVENTS_HEADER,
              "fair,Example Fair,Primer sajam,Hall,Hala,2026-03-28,2026-03-29,Europe/Belgrade\n");
}

static char *build_ok(const char *dir)
{
    char *out = fixture_path(dir, "out.db");
    FixtureProblems problems = {0};
    BuilderReport report = {.each = fixture_collect_problem, .ctx = &problems};
    if (!builder_build(dir, out, &report)) {
        fail_msg("build failed: %s", problems.lines[0]);
    }
    return out;
}

/* The build fails, no pack is written and one problem is dir/expected_suffix exactly. */
static void expect_build_error(const char *dir, const char *expected_suffix)
{
    char first[1024];
    if (!fixture_build_problem(dir, expected_suffix, first, sizeof first)) {
        fail_msg("expected \"%s\"; first problem was \"%s\"", expected_suffix, first);
    }
}

static void expect_text(const char *path, const char *sql, const char *expected)
{
    char *text = fixture_pack_text(path, sql);
    if (strcmp(text, expected) != 0) {
        fail_msg("%s: expected \"%s\", got \"%s\"", sql, expected, text);
    }
    free(text);
}

static void no_event_sources_no_event_tables(void **state)
{
    char *out = build_ok(*state);
    expect_text(out, "PRAGMA user_version", "2");
    expect_text(
        out, "SELECT count(*) FROM sqlite_schema WHERE name IN ('events','sessions','meetings','announcements')", "0");
    Content *content = NULL;
    assert_int_equal(content_load(out, NULL, &content), CONTENT_OK);
    assert_int_equal(content->event_count + content->session_count + content->meeting_count, 0);
    content_unload(content);
    free(out);
}

static void local_times_become_utc_across_the_dst_day(void **state)
{
    put_spring_event(*state);
    put_table(*state, "sessions.csv", SESSIONS_HEADER,
              "day1,fair,2026-03-28T09:00,2026-03-28T10:00,Hall A,Hala A,Opening,Otvaranje,talk\n"
              "late,fair,2026-03-29T01:30,2026-03-29T03:15,Bar,Bar,Late night,Kasno veče,social\n"
              "day2,fair,2026-03-29T09:00,2026-03-29T10:00,Hall A,Hala A,Closing,Zatvaranje,TALK\n");
    char *out = build_ok(*state);
    expect_text(out, "PRAGMA user_version", "3");
    expect_text(out, "SELECT utc_offsets FROM events", "2026-03-26T23:00:00Z +01:00, 2026-03-29T01:00:00Z +02:00");
    expect_text(out, "SELECT group_concat(starts || '/' || ends, ' ') FROM (SELECT * FROM sessions ORDER BY position)",
                "2026-03-28T08:00:00Z/2026-03-28T09:00:00Z 2026-03-29T00:30:00Z/2026-03-29T01:15:00Z "
                "2026-03-29T07:00:00Z/2026-03-29T08:00:00Z");
    expect_text(out, "SELECT room_sr_cyrl FROM sessions WHERE id = 'day1'", "Хала А");

    Content *content = NULL;
    assert_int_equal(content_load(out, NULL, &content), CONTENT_OK);
    assert_int_equal(content->event_count, 1);
    assert_int_equal(content->session_count, 3);
    assert_ptr_equal(content->sessions[1].event, &content->events[0]);
    assert_int_equal(content->sessions[2].kind, SESSION_TALK);
    EventZone zone = {0};
    assert_true(event_zone_parse(content->events[0].utc_offsets, &zone));
    int hour = 0, minute = 0;
    event_local_clock(&zone, content->sessions[1].span.ends, &hour, &minute);
    assert_int_equal(hour * 100 + minute, 315);
    EventList sessions = EVENT_LIST(content->sessions, content->session_count, span);
    EventList none = {0};
    const Event *event = &content->events[0];
    EventInstant instant = 0;
    assert_true(event_instant_parse("2026-03-29T08:30:00Z", &instant));
    assert_true(event_board_is_on(&zone, event->starts, event->ends, sessions, none, instant));
    assert_true(event_instant_parse("2026-03-29T22:00:00Z", &instant)); /* midnight after the last day */
    assert_false(event_board_is_on(&zone, event->starts, event->ends, sessions, none, instant));
    content_unload(content);
    free(out);
}

/* Of two events, the one on now; an evening past the last day's midnight keeps it on. */
static void the_event_on_now(void **state)
{
    put_table(*state, "events.csv", EVENTS_HEADER,
              "fair,Example Fair,Primer sajam,,,2026-03-28,2026-03-29,Europe/Belgrade\n"
              "later,Example Later,Primer kasnije,,,2026-06-12,2026-06-12,UTC\n");
    put_table(*state, "sessions.csv", SESSIONS_HEADER,
              "party,fair,2026-03-29T23:30,2026-03-30T00:30,Bar,Bar,Party,Zabava,social\n"
              "talk,later,2026-06-12T09:00,2026-06-12T10:00,A,A,Talk,Govor,talk\n");
    char *out = build_ok(*state);
    Content *content = NULL;
    assert_int_equal(content_load(out, NULL, &content), CONTENT_OK);
    static const struct {
        const char *now;
        const char *event; /* NULL: none */
        int32_t offset;
    } CASES[] = {
        {"2026-03-27T22:59:59Z", NULL, 0},
        {"2026-03-27T23:00:00Z", "fair", 3600},
        {"2026-03-29T22:15:00Z", "fair", 7200}, /* 00:15 on the 30th: the party runs */
        {"2026-03-29T22:30:00Z", NULL, 0},
        {"2026-06-12T00:00:00Z", "later", 0},
        {"2026-06-13T00:00:00Z", NULL, 0},
    };
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        EventInstant now = 0;
        EventZone zone = {0};
        assert_true(event_instant_parse(CASES[i].now, &now));
        const Event *event = content_event_on(content, now, &zone);
        if (!CASES[i].event) {
            assert_null(event);
            continue;
        }
        assert_non_null(event);
        assert_string_equal(event->id, CASES[i].event);
        assert_int_equal(event_zone_offset(&zone, now), CASES[i].offset);
    }
    content_unload(content);
    free(out);
}

static void a_skipped_time_names_both_readings(void **state)
{
    put_spring_event(*state);
    put_table(*state, "sessions.csv", SESSIONS_HEADER,
              "x,fair,2026-03-29T02:30,2026-03-29T04:00,A,A,Lost hour,Izgubljen sat,talk\n");
    expect_build_error(*state, "sessions.csv:2: column \"starts\": \"2026-03-29T02:30\" does not exist in "
                               "Europe/Belgrade: the clocks skip it that day; it would read as "
                               "2026-03-29T02:30+01:00 = 01:30 UTC or as 2026-03-29T02:30+02:00 = 00:30 UTC");
}

static void a_doubled_time_names_both_readings(void **state)
{
    put_table(*state, "events.csv", EVENTS_HEADER,
              "fair,Example Fair,Primer sajam,,,2026-10-25,2026-10-25,Europe/Belgrade\n");
    put_table(*state, "sessions.csv", SESSIONS_HEADER,
              "x,fair,2026-10-25T01:00,2026-10-25T02:30,A,A,Twice,Dvaput,talk\n");
    expect_build_error(*state, "sessions.csv:2: column \"ends\": \"2026-10-25T02:30\" happens twice in "
                               "Europe/Belgrade the day the clocks go back: 2026-10-25T02:30+02:00 = 00:30 UTC or "
                               "2026-10-25T02:30+01:00 = 01:30 UTC; move it");
}

static void private_meetings_keep_only_table_and_times(void **state)
{
    put_spring_event(*state);
    put_table(*state, "meetings.csv", MEETINGS_HEADER,
              "fair,2026-03-28T10:00,2026-03-28T10:20,21,EXAMPLE BRAND,Beta Textile,Sourcing,no\n"
              "fair,2026-03-28T10:00,2026-03-28T10:20,22,Secret Buyer,Hidden Maker,Confidential deal,YES\n");
    char *out = build_ok(*state);
    expect_text(out, "SELECT group_concat(id || ':' || \"table\" || ':' || private, ' ') FROM meetings",
                "row-2:21:no row-3:22:yes");
    expect_text(out,
                "SELECT count(*) FROM meetings WHERE party_a IS NULL AND party_b IS NULL AND title IS NULL "
                "AND private = 'yes'",
                "1");
    expect_text(out, "SELECT party_a || ' ~ ' || party_b FROM meetings WHERE private = 'no'", "example-brand ~ Beta Textile");
    /* nothing private anywhere in the file */
    FILE *file = fopen(out, "rb");
    assert_non_null(file);
    static char bytes[1 << 20];
    size_t size = fread(bytes, 1, sizeof bytes, file);
    fclose(file);
    for (size_t i = 0; i + 6 <= size; i++) {
        assert_false(memcmp(bytes + i, "Secret", 6) == 0 || memcmp(bytes + i, "Hidden", 6) == 0 ||
                     memcmp(bytes + i, "Confid", 6) == 0);
    }
    Content *content = NULL;
    assert_int_equal(content_load(out, NULL, &content), CONTENT_OK);
    assert_int_equal(content->meeting_count, 2);
    assert_int_equal(content->meetings[1].privacy, MEETING_PRIVATE);
    assert_null(content->meetings[1].party_a);
    assert_string_equal(content->meetings[1].table, "22");
    content_unload(content);
    /* a pack that names a private meeting's parties was not made by the builder */
    fixture_sql(out, "UPDATE meetings SET party_a = 'Secret Buyer' WHERE private = 'yes';");
    FixtureProblems problems = {0};
    ContentReport report = {.each = fixture_collect_problem, .ctx = &problems};
    assert_int_equal(content_load(out, &report, &content), CONTENT_INVALID);
    assert_non_null(strstr(problems.lines[0], "a private meeting names its parties or title"));
    free(out);
}

static void announcements_need_an_event(void **state)
{
    put_table(*state, "announcements.csv", ANNOUNCEMENTS_HEADER,
              "lunch,Lunch moved to hall C,Ručak u hali C,2026-03-28T12:00,2026-03-28T13:00\n");
    expect_build_error(*state, "announcements.csv:2: column \"from\": needs an event in events.csv: its times are "
                               "read in an event's time zone");
    put_spring_event(*state);
    char *out = build_ok(*state);
    expect_text(out, "SELECT \"from\" || '/' || \"until\" || '/' || text_sr_cyrl FROM announcements",
                "2026-03-28T11:00:00Z/2026-03-28T12:00:00Z/Ручак у хали Ц");
    free(out);
}

static void bad_zones_times_and_spans_are_refused(void **state)
{
    put_table(*state, "events.csv", EVENTS_HEADER,
              "fair,Example Fair,Primer sajam,,,2026-03-28,2026-03-28,Europe/Nowhere\n");
    expect_build_error(*state, "events.csv:2: column \"time_zone\": time zone \"Europe/Nowhere\" is not known to "
                               "this computer (looked in /usr/share/zoneinfo)");
    put_table(*state, "events.csv", EVENTS_HEADER,
              "fair,Example Fair,Primer sajam,,,2026-03-28,2026-03-28,../../etc/passwd\n");
    expect_build_error(*state, "events.csv:2: column \"time_zone\": \"../../etc/passwd\" is not a time zone name "
                               "such as Europe/Belgrade");
    put_table(*state, "events.csv", EVENTS_HEADER, "fair,Example Fair,Primer sajam,,,2026-03-28,2026-05-28,UTC\n");
    expect_build_error(*state,
                       "events.csv:2: column \"ends\": the last day \"2026-05-28\" is before the first or more than 31 "
                       "days after it");
    put_spring_event(*state);
    put_table(*state, "sessions.csv", SESSIONS_HEADER, "x,fair,2026-03-28 09:00,2026-03-28T08:00,A,A,T,T,talk\n");
    expect_build_error(*state, "sessions.csv:2: column \"starts\": \"2026-03-28 09:00\" is not a local time written "
                               "as YYYY-MM-DDTHH:MM");
    put_table(*state, "sessions.csv", SESSIONS_HEADER, "x,fair,2026-03-28T09:00,2026-03-28T08:00,A,A,T,T,talk\n");
    expect_build_error(*state, "sessions.csv:2: column \"ends\": ends at \"2026-03-28T08:00\", not after it starts "
                               "(\"2026-03-28T09:00\")");
    put_table(*state, "sessions.csv", SESSIONS_HEADER, "x,nope,2026-03-28T09:00,2026-03-28T10:00,A,A,T,T,talk\n");
    char expected[512];
    snprintf(expected, sizeof expected, "sessions.csv:2: column \"event\": \"nope\" is not an id in %s/events.csv",
             (const char *)*state);
    expect_build_error(*state, expected);
}

/* A version 3 pack must have the event tables; a version 2 pack without them loads. */
static void loader_reads_versions_2_and_3(void **state)
{
    put_spring_event(*state);
    char *out = build_ok(*state);
    fixture_sql(out, "DROP TABLE announcements;");
    FixtureProblems problems = {0};
    ContentReport report = {.each = fixture_collect_problem, .ctx = &problems};
    Content *content = NULL;
    assert_int_equal(content_load(out, &report, &content), CONTENT_INVALID);
    assert_non_null(strstr(problems.lines[0], "pack has no table \"announcements\""));
    fixture_sql(out, "PRAGMA user_version=2;");
    assert_int_equal(content_load(out, NULL, &content), CONTENT_OK);
    assert_int_equal(content->event_count, 0);
    content_unload(content);
    fixture_sql(out, "PRAGMA user_version=3; CREATE TABLE announcements (id TEXT, position INTEGER, text_en TEXT, "
                     "text_sr_latn TEXT, text_sr_cyrl TEXT, \"from\" TEXT, \"until\" TEXT);"
                     "INSERT INTO announcements VALUES ('a', 1, 'A', 'A', 'А', '2026-03-28T12:00', "
                     "'2026-03-28T13:00:00Z');");
    problems = (FixtureProblems){0};
    assert_int_equal(content_load(out, &report, &content), CONTENT_INVALID);
    assert_non_null(strstr(problems.lines[0], "is not a UTC time written as YYYY-MM-DDTHH:MM:SSZ"));
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(no_event_sources_no_event_tables, fixture_setup_sources,
                                        fixture_teardown_sources),
        cmocka_unit_test_setup_teardown(local_times_become_utc_across_the_dst_day, fixture_setup_sources,
                                        fixture_teardown_sources),
        cmocka_unit_test_setup_teardown(the_event_on_now, fixture_setup_sources, fixture_teardown_sources),
        cmocka_unit_test_setup_teardown(a_skipped_time_names_both_readings, fixture_setup_sources,
                                        fixture_teardown_sources),
        cmocka_unit_test_setup_teardown(a_doubled_time_names_both_readings, fixture_setup_sources,
                                        fixture_teardown_sources),
        cmocka_unit_test_setup_teardown(private_meetings_keep_only_table_and_times, fixture_setup_sources,
                                        fixture_teardown_sources),
        cmocka_unit_test_setup_teardown(announcements_need_an_event, fixture_setup_sources, fixture_teardown_sources),
        cmocka_unit_test_setup_teardown(bad_zones_times_and_spans_are_refused, fixture_setup_sources,
                                        fixture_teardown_sources),
        cmocka_unit_test_setup_teardown(loader_reads_versions_2_and_3, fixture_setup_sources, fixture_teardown_sources),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
