/* event_board.h — what an event board shows at an instant, pure: whether the event is on,
 * the sessions now and next, the meeting rounds and their countdowns, the announcements in
 * their windows and "find my meetings" with the member search's folding (one meeting as an
 * iCalendar VEVENT for its QR code: core/event_ics.h). The time is always passed in (a UTC instant), so
 * tests drive it with a virtual clock. Start at event_board_is_on() and event_rounds().
 *
 * Rows are the caller's (content/content.h's Session, Meeting, Announcement): the functions
 * read their EventSpan through an EventList, a strided view (EVENT_LIST below), so the
 * core knows nothing of the pack. No I/O, nothing allocated. */
#ifndef FACTS_CORE_EVENT_BOARD_H
#define FACTS_CORE_EVENT_BOARD_H

#include "core/event_time.h"

#include <stdbool.h>
#include <stddef.h>

/* count rows of stride bytes whose EventSpan is at base + i * stride. */
typedef struct EventList {
    const unsigned char *base;
    size_t count;
    size_t stride;
} EventList;

/* The EventList of rows[0..count) whose EventSpan field is member. */
#define EVENT_LIST(rows, count_, member)                                                                \
    ((EventList){(count_) ? (const unsigned char *)&(rows)[0].member : NULL, (count_), sizeof (rows)[0]})

/* The span of row i of list. */
const EventSpan *event_list_span(EventList list, size_t i);

/* How far ahead "next" looks: sessions starting within the hour. */
enum { EVENT_NEXT_WINDOW_SECONDS = 3600, EVENT_BOARD_MAX_ROWS = 64 };

/* The hours an event's board may show: from the local midnight that opens its first day
 * to the later of the local midnight that closes its last day and the end of its last
 * session or meeting (an evening running past midnight stays on until it ends). */
EventSpan event_board_window(const EventZone *zone, const char *first_day, const char *last_day,
                             EventList sessions, EventList meetings);

/* The event's days alone: from the local midnight that opens first_day to the one that
 * closes last_day ({0, 0} when a day is malformed or last_day is before first_day). */
EventSpan event_days_window(const EventZone *zone, const char *first_day, const char *last_day);

/* True when now falls in the event's window (event_board_window()). Nothing of an event
 * shows outside it. A malformed day is never on. */
bool event_board_is_on(const EventZone *zone, const char *first_day, const char *last_day, EventList sessions,
                       EventList meetings, EventInstant now);

/* The sessions now and next: running ones (starts <= now < ends) and those starting
 * within EVENT_NEXT_WINDOW_SECONDS, in the list's order, at most EVENT_BOARD_MAX_ROWS of
 * each; next is the first to start after now (-1: none today), next_in its countdown in
 * seconds. */
typedef struct EventNowNext {
    size_t running[EVENT_BOARD_MAX_ROWS];
    size_t running_count;
    size_t soon[EVENT_BOARD_MAX_ROWS];
    size_t soon_count;
    long next;
    int64_t next_in;
} EventNowNext;

void event_now_next(EventList sessions, EventInstant now, EventNowNext *out);

/* The rounds of the meetings (a round: the meetings sharing a start time), numbered 1, 2 …
 * in time order. current: the round running now (its start <= now < its latest end), 0
 * when none; next: the first round starting after now, 0 when none. The board shows the
 * current and later rounds (finished ones gone), "Round N starts in m:ss" while between
 * rounds (current 0, next > 0, next_in the seconds to wait) and "Meetings end in N min"
 * (ends_in_minutes of the current round). round_count: rounds in all. */
typedef struct EventRounds {
    int round_count;
    int current;
    EventInstant current_starts;
    EventInstant current_ends;
    int64_t ends_in_minutes;
    int next;
    EventInstant next_starts;
    int64_t next_in;
} EventRounds;

void event_rounds(EventList meetings, EventInstant now, EventRounds *out);

/* The round number (1 …) of a meeting starting at starts, 0 when no meeting does. */
int event_round_of(EventList meetings, EventInstant starts);

/* The meetings the board shows at now, in board order: those of rounds not finished
 * (event_meeting_finished), by start time, then in the list's order. Writes at most max
 * indices into out and returns how many it wrote. */
size_t event_board_meetings(EventList meetings, EventInstant now, size_t *out, size_t max);

/* True when a meeting of a finished round (every meeting sharing its start has ended) is
 * no longer shown at now; the board shows the rest. */
bool event_meeting_finished(EventList meetings, size_t i, EventInstant now);

/* True when an announcement with this window shows at now: from <= now < until. */
bool event_announcement_shows(const EventSpan *window, EventInstant now);

/* True when a party of a meeting matches a visitor's search: query_key is a fold_text()
 * key; party is what the pack holds (a member's id or any name) and member_name that
 * member's name when party is a member's id (else NULL). Matches like the members
 * directory's search (fold_match) against the name and the party text. */
bool event_party_matches(const char *party, const char *member_name, const char *query_key);

#endif
