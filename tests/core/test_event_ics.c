/* One meeting as iCalendar (core/event_ics.h): UTC times, TEXT escaping of , ; \ and line
 * breaks, CRLF line ends, lines folded at 75 octets without splitting a UTF-8 character,
 * texts cut short for a small QR code, and a buffer too small. Then the text is handed to
 * Python's icalendar (Debian python3-icalendar), a reader written by others, which must
 * parse it and give back the same times, summary and location. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/event_ics.h"
#include "core/event_time.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static EventInstant at(const char *text)
{
    EventInstant instant = 0;
    assert_true(event_instant_parse(text, &instant));
    return instant;
}

/* Every line of text ends in CRLF, none is longer than 75 octets, and a folded line
 * (starting with a space) does not start inside a UTF-8 character. */
static void assert_lines_valid(const char *text)
{
    const char *line = text;
    while (*line) {
        const char *end = strstr(line, "\r\n");
        assert_non_null(end);
        assert_true(end - line <= EVENT_ICS_LINE_MAX);
        assert_null(memchr(line, '\n', (size_t)(end - line)));
        if (line[0] == ' ') {
            assert_true(((unsigned char)line[1] & 0xC0) != 0x80);
        }
        line = end + 2;
    }
}

static void one_meeting_in_utc(void **state)
{
    (void)state;
    EventSpan span = {at("2026-09-17T08:25:00Z"), at("2026-09-17T08:45:00Z")};
    char text[EVENT_ICS_SIZE];
    size_t length = event_ics_write(&span, "m-2-21", "Meeting at table 21", "Table 21, Example Hall", text, sizeof text);
    assert_int_equal(length, strlen(text));
    assert_true(strncmp(text, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", 37) == 0);
    assert_non_null(strstr(text, "\r\nBEGIN:VEVENT\r\nUID:m-2-21@facts-kiosk\r\n"));
    assert_non_null(strstr(text, "\r\nDTSTAMP:20260917T082500Z\r\n"));
    assert_non_null(strstr(text, "\r\nDTSTART:20260917T082500Z\r\nDTEND:20260917T084500Z\r\n"));
    assert_non_null(strstr(text, "\r\nSUMMARY:Meeting at table 21\r\n"));
    assert_non_null(strstr(text, "\r\nLOCATION:Table 21\\, Example Hall\r\n"));
    assert_true(strlen(text) >= 15 && strcmp(text + length - 27, "END:VEVENT\r\nEND:VCALENDAR\r\n") == 0);
    assert_lines_valid(text);
    assert_true(length < 280); /* a low QR version: large modules, read from arm's length */
}

static void texts_are_escaped_and_cut(void **state)
{
    (void)state;
    EventSpan span = {at("2026-09-17T08:25:00Z"), at("2026-09-17T08:45:00Z")};
    char text[EVENT_ICS_SIZE];
    assert_true(event_ics_write(&span, "x", "A; B, C\\D\r\nE\nF\tG", NULL, text, sizeof text) > 0);
    assert_non_null(strstr(text, "\r\nSUMMARY:A\\; B\\, C\\\\D\\nE\\nFG\r\n"));
    assert_null(strstr(text, "LOCATION"));
    /* 40 two-byte letters: cut to 60 bytes, 30 letters, at a character boundary */
    char long_title[200] = "";
    for (int i = 0; i < 40; i++) {
        strcat(long_title, "Ž");
    }
    assert_true(event_ics_write(&span, "x", long_title, "", text, sizeof text) > 0);
    const char *summary = strstr(text, "SUMMARY:") + 8;
    assert_int_equal(strcspn(summary, "\r"), EVENT_ICS_TEXT_MAX);
    assert_null(strstr(text, "LOCATION"));
}

static void long_lines_are_folded(void **state)
{
    (void)state;
    EventSpan span = {at("2026-09-17T08:25:00Z"), at("2026-09-17T08:45:00Z")};
    char text[EVENT_ICS_SIZE];
    /* 60 commas escape to 120 octets: the line folds twice */
    char commas[61];
    memset(commas, ',', 60);
    commas[60] = '\0';
    assert_true(event_ics_write(&span, "x", commas, "Шавови Šavovi Шавови Šavovi Шавови Šavovi", text, sizeof text) > 0);
    assert_lines_valid(text);
    assert_non_null(strstr(text, "\r\n "));
    char unfolded[EVENT_ICS_SIZE];
    size_t n = 0;
    for (const char *c = text; *c; c++) {
        if (c[0] == '\r' && c[1] == '\n' && c[2] == ' ') {
            c += 2;
            continue;
        }
        unfolded[n++] = *c;
    }
    unfolded[n] = '\0';
    assert_non_null(strstr(unfolded, "\r\nSUMMARY:\\,\\,\\,"));
    assert_non_null(strstr(unfolded, "\\,\\,\r\nLOCATION:Шавови Šavovi"));
}

static void too_small_a_buffer_gives_nothing(void **state)
{
    (void)state;
    EventSpan span = {at("2026-09-17T08:25:00Z"), at("2026-09-17T08:45:00Z")};
    char text[64] = "junk";
    assert_int_equal(event_ics_write(&span, "x", "y", "z", text, sizeof text), 0);
    assert_string_equal(text, "");
    assert_int_equal(event_ics_write(&span, "x", "y", "z", text, 0), 0);
}

/* Python's icalendar reads what the kiosk wrote and prints what it understood. */
static void python_icalendar_reads_it(void **state)
{
    (void)state;
    EventSpan span = {at("2026-09-17T08:25:00Z"), at("2026-09-17T08:45:00Z")};
    char text[EVENT_ICS_SIZE];
    const char *summary = "Sourcing; talk, at \"Šavovi\" \\ Шавови\nsecond line with enough words to fold";
    assert_true(event_ics_write(&span, "m-2-21", summary, "Table 21, Example Hall", text, sizeof text) > 0);
    const char *tmp = getenv("TMPDIR");
    char path[512];
    snprintf(path, sizeof path, "%s/test_event_ics.XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    char command[1024];
    snprintf(command, sizeof command,
             "/usr/bin/python3 -c 'import icalendar, sys\n"
             "cal = icalendar.Calendar.from_ical(open(sys.argv[1], \"rb\").read())\n"
             "ev = [c for c in cal.walk(\"VEVENT\")]\n"
             "assert len(ev) == 1 and not cal.errors and not ev[0].errors\n"
             "e = ev[0]\n"
             "print(e.decoded(\"dtstart\").isoformat())\n"
             "print(e.decoded(\"dtend\").isoformat())\n"
             "print(str(e[\"uid\"]))\n"
             "print(str(e[\"location\"]))\n"
             "print(str(e[\"summary\"]).replace(\"\\n\", \"|\"))' %s",
             path);
    FILE *python = popen(command, "r");
    assert_non_null(python);
    char output[1024] = "";
    size_t n = fread(output, 1, sizeof output - 1, python);
    output[n] = '\0';
    int status = pclose(python);
    unlink(path);
    assert_int_equal(status, 0);
    char expected[1024];
    snprintf(expected, sizeof expected, "%s\n%s\n%s\n%s\n", "2026-09-17T08:25:00+00:00", "2026-09-17T08:45:00+00:00",
             "m-2-21@facts-kiosk", "Table 21, Example Hall");
    /* The summary comes back as written, cut at 60 bytes, its line break a line break. */
    char cut[128];
    snprintf(cut, sizeof cut, "%.60s", summary);
    for (char *c = cut; *c; c++) {
        *c = *c == '\n' ? '|' : *c;
    }
    snprintf(expected + strlen(expected), sizeof expected - strlen(expected), "%s\n", cut);
    assert_string_equal(output, expected);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(one_meeting_in_utc),
        cmocka_unit_test(texts_are_escaped_and_cut),
        cmocka_unit_test(long_lines_are_folded),
        cmocka_unit_test(too_small_a_buffer_gives_nothing),
        cmocka_unit_test(python_icalendar_reads_it),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
