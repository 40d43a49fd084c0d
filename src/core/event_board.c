/* event_board.c — now/next, rounds, windows and the meeting's VEVENT; see event_board.h.
 * Lists are small (a few hundred meetings): plain scans, no sorting, nothing allocated. */
#include "core/event_board.h"

#include "core/fold.h"

#include <string.h>

enum { FOLD_KEY_SIZE = 512 };

const EventSpan *event_list_span(EventList list, size_t i)
{
    return (const EventSpan *)(const void *)(list.base + i * list.stride);
}

/* The instant of local midnight opening the day date_number (YYYYMMDD) + days. */
static EventInstant local_midnight(const EventZone *zone, int32_t date_number, int days)
{
    EventInstant wall = event_civil_seconds(date_number / 10000, date_number / 100 % 100, date_number % 100, 0, 0, 0) +
                        (EventInstant)days * 86400;
    EventInstant guess = wall - event_zone_offset(zone, wall);
    return wall - event_zone_offset(zone, guess);
}

static EventInstant latest_end(EventList list, EventInstant floor)
{
    EventInstant latest = floor;
    for (size_t i = 0; i < list.count; i++) {
        if (event_list_span(list, i)->ends > latest) {
            latest = event_list_span(list, i)->ends;
        }
    }
    return latest;
}

EventSpan event_days_window(const EventZone *zone, const char *first_day, const char *last_day)
{
    int32_t first = event_date_number(first_day);
    int32_t last = event_date_number(last_day);
    if (first < 0 || last < first) {
        return (EventSpan){0, 0};
    }
    return (EventSpan){local_midnight(zone, first, 0), local_midnight(zone, last, 1)};
}

EventSpan event_board_window(const EventZone *zone, const char *first_day, const char *last_day, EventList sessions,
                             EventList meetings)
{
    EventSpan window = event_days_window(zone, first_day, last_day);
    if (window.starts < window.ends) {
        window.ends = latest_end(meetings, latest_end(sessions, window.ends));
    }
    return window;
}

bool event_board_is_on(const EventZone *zone, const char *first_day, const char *last_day, EventList sessions,
                       EventList meetings, EventInstant now)
{
    EventSpan window = event_board_window(zone, first_day, last_day, sessions, meetings);
    return window.starts < window.ends && now >= window.starts && now < window.ends;
}

void event_now_next(EventList sessions, EventInstant now, EventNowNext *out)
{
    *out = (EventNowNext){.next = -1};
    for (size_t i = 0; i < sessions.count; i++) {
        const EventSpan *span = event_list_span(sessions, i);
        if (span->starts <= now && now < span->ends) {
            if (out->running_count < EVENT_BOARD_MAX_ROWS) {
                out->running[out->running_count++] = i;
            }
        } else if (span->starts > now) {
            if (span->starts - now <= EVENT_NEXT_WINDOW_SECONDS && out->soon_count < EVENT_BOARD_MAX_ROWS) {
                out->soon[out->soon_count++] = i;
            }
            if (out->next < 0 || span->starts < event_list_span(sessions, (size_t)out->next)->starts) {
                out->next = (long)i;
            }
        }
    }
    out->next_in = out->next >= 0 ? event_list_span(sessions, (size_t)out->next)->starts - now : 0;
}

/* The latest end of the meetings starting at starts. */
static EventInstant round_end(EventList meetings, EventInstant starts)
{
    EventInstant end = starts;
    for (size_t i = 0; i < meetings.count; i++) {
        const EventSpan *span = event_list_span(meetings, i);
        if (span->starts == starts && span->ends > end) {
            end = span->ends;
        }
    }
    return end;
}

int event_round_of(EventList meetings, EventInstant starts)
{
    /* Distinct start times up to starts: each counted at its first row. */
    int number = 0;
    bool present = false;
    for (size_t i = 0; i < meetings.count; i++) {
        EventInstant at = event_list_span(meetings, i)->starts;
        present = present || at == starts;
        if (at > starts) {
            continue;
        }
        bool first = true;
        for (size_t j = 0; j < i && first; j++) {
            first = event_list_span(meetings, j)->starts != at;
        }
        number += first;
    }
    return present ? number : 0;
}

void event_rounds(EventList meetings, EventInstant now, EventRounds *out)
{
    *out = (EventRounds){0};
    bool have_current = false;
    bool have_next = false;
    for (size_t i = 0; i < meetings.count; i++) {
        const EventSpan *span = event_list_span(meetings, i);
        if (span->starts <= now) {
            /* The latest round that has begun is current while any of its meetings runs. */
            if (!have_current || span->starts > out->current_starts) {
                out->current_starts = span->starts;
                have_current = true;
            }
        } else if (!have_next || span->starts < out->next_starts) {
            out->next_starts = span->starts;
            have_next = true;
        }
    }
    if (have_current) {
        out->current_ends = round_end(meetings, out->current_starts);
        if (now < out->current_ends) {
            out->current = event_round_of(meetings, out->current_starts);
            out->ends_in_minutes = event_minutes_left(now, out->current_ends);
        } else {
            out->current_starts = out->current_ends = 0;
        }
    }
    if (have_next) {
        out->next = event_round_of(meetings, out->next_starts);
        out->next_in = out->next_starts - now;
    }
    EventInstant last = 0;
    for (size_t i = 0; i < meetings.count; i++) {
        EventInstant at = event_list_span(meetings, i)->starts;
        last = i == 0 || at > last ? at : last;
    }
    out->round_count = meetings.count ? event_round_of(meetings, last) : 0;
}

size_t event_board_meetings(EventList meetings, EventInstant now, size_t *out, size_t max)
{
    size_t count = 0;
    for (size_t i = 0; i < meetings.count; i++) {
        if (event_meeting_finished(meetings, i, now)) {
            continue;
        }
        /* insertion by start time, after the equal ones: the list's order within a round */
        EventInstant starts = event_list_span(meetings, i)->starts;
        size_t at = count;
        while (at > 0 && event_list_span(meetings, out[at - 1])->starts > starts) {
            at--;
        }
        if (at >= max) {
            continue;
        }
        size_t last = count < max ? count : max - 1;
        memmove(out + at + 1, out + at, (last - at) * sizeof *out);
        out[at] = i;
        count = count < max ? count + 1 : max;
    }
    return count;
}

bool event_meeting_finished(EventList meetings, size_t i, EventInstant now)
{
    return round_end(meetings, event_list_span(meetings, i)->starts) <= now;
}

bool event_announcement_shows(const EventSpan *window, EventInstant now)
{
    return window->starts <= now && now < window->ends;
}

bool event_party_matches(const char *party, const char *member_name, const char *query_key)
{
    char key[FOLD_KEY_SIZE];
    if (!query_key || !query_key[0]) {
        return false; /* "find my meetings" lists nobody's for an empty search */
    }
    if (member_name) {
        fold_text(member_name, strlen(member_name), key, sizeof key);
        if (fold_match(key, query_key)) {
            return true;
        }
    }
    if (!party || !party[0]) {
        return false;
    }
    fold_text(party, strlen(party), key, sizeof key);
    return fold_match(key, query_key);
}
