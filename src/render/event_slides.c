/* event_slides.c — the event of the day's slides; see event_slides.h. Every time shown is
 * the event zone's local time (core/event_time.h); what is on comes from the pure core
 * (core/event_board.h) at the plan's instant. */
#include "render/event_slides.h"

#include "core/event_board.h"
#include "core/ui_text.h"
#include "render/kit.h"

#include <stdio.h>
#include <string.h>

enum { AGENDA_MAX_ROWS = 16 };

/* One painting of an event slide: whole, or (ticks) only the areas that count with the clock,
 * each cleared to the background and painted again, clipped to itself. */
typedef struct Pass {
    bool ticks;
    SDL_Rect areas[EVENT_SLIDES_MAX_TICKS];
    int count;
} Pass;

/* In a ticks pass: area is painted again from the background up (clipped to it) and recorded;
 * false when the pass is not a ticks pass or has no room left. End with end_area(). */
static bool begin_area(Painter *p, Pass *pass, SDL_Rect area)
{
    if (!pass->ticks || pass->count >= EVENT_SLIDES_MAX_TICKS) {
        return false;
    }
    pass->areas[pass->count++] = area;
    SDL_RenderSetClipRect(p->renderer, &area);
    paint_fill(p, area, p->pal.background);
    return true;
}

static void end_area(Painter *p)
{
    SDL_RenderSetClipRect(p->renderer, NULL);
}

/* The announcement showing at the plan's instant (the first in the pack's order), or NULL. */
static const Announcement *showing(const Content *content, const PlanEvent *ev)
{
    for (size_t i = 0; ev->event && ev->now_known && i < content->announcement_count; i++) {
        if (event_announcement_shows(&content->announcements[i].window, ev->now)) {
            return &content->announcements[i];
        }
    }
    return NULL;
}

static int banner_height(const Painter *p)
{
    return p->m.size_heading * 2;
}

static void local_hm(const PlanEvent *ev, EventInstant t, char out[8])
{
    int hour = 0;
    int minute = 0;
    event_local_clock(&ev->zone, t, &hour, &minute);
    snprintf(out, 8, "%02d:%02d", hour % 100, minute % 100);
}

static void span_text(const PlanEvent *ev, const EventSpan *span, char *out, size_t size)
{
    char from[8];
    char until[8];
    local_hm(ev, span->starts, from);
    local_hm(ev, span->ends, until);
    snprintf(out, size, "%s–%s", from, until);
}

/* The band under the header: status at the left, the clock (when trusted) at the right.
 * Returns the body below it. In a ticks pass it is the band alone that is painted (again). */
static SDL_Rect status_band(Painter *p, Pass *pass, const Content *content, const PlanEvent *ev, const char *status)
{
    SDL_Rect body = p->m.body;
    if (showing(content, ev)) {
        body.h -= banner_height(p) + p->m.gap / 2; /* the event's own rows stay clear of the banner */
    }
    int band_h = p->m.size_title * 3 / 2;
    if (p->m.portrait && band_h < p->m.size_heading * 5 / 2) {
        band_h = p->m.size_heading * 5 / 2; /* room for the status's second line */
    }
    SDL_Rect band = kit_take_top(&body, band_h);
    kit_take_top(&body, p->m.gap / 2);
    if (pass->ticks && !(ev->now_known && begin_area(p, pass, band))) {
        return body; /* without a trusted clock nothing in it counts */
    }
    int clock_w = 0;
    if (ev->now_known) {
        char clock[8];
        local_hm(ev, ev->now, clock);
        TextStyle st = kit_style(FONT_BOLD, p->m.size_title, p->pal.accent);
        st.align = ALIGN_RIGHT;
        st.max_lines = 1;
        st.middle = true;
        clock_w = paint_text_width(p, clock, FONT_BOLD, p->m.size_title) + p->m.gap;
        paint_text(p, clock, band, st);
    }
    TextStyle st = kit_style(FONT_SEMIBOLD, p->m.size_heading, p->pal.text);
    st.max_lines = p->m.portrait ? 2 : 1; /* the countdown is never cut off: a second line in portrait */
    st.middle = true;
    st.line_height = 1.1f;
    paint_text(p, status, (SDL_Rect){band.x, band.y, band.w - clock_w, band.h}, st);
    if (pass->ticks) {
        end_area(p);
    }
    return body;
}

/* One agenda row: time, title, room, and a chip (Now / Starts in m:ss) when given; its text
 * at size (the type scale's body size or larger, as the row's height allows). */
static void session_row(Painter *p, const PlanEvent *ev, const Session *session, SDL_Rect row, const char *chip,
                        bool running, int size)
{
    kit_card(p, row);
    if (running) {
        kit_accent_bar(p, row.x, row.y + p->m.gap / 3, row.h - p->m.gap * 2 / 3);
    }
    SDL_Rect inner = kit_inset(row, p->m.gap / 2);
    inner.x += p->m.gap / 2;
    inner.w -= p->m.gap / 2;
    char when[32];
    span_text(ev, &session->span, when, sizeof when);
    int time_w = paint_text_width(p, "00:00–00:00", FONT_SEMIBOLD, size) + p->m.gap;
    TextStyle time_style = kit_style(FONT_SEMIBOLD, size, running ? p->pal.accent : p->pal.text);
    time_style.max_lines = 1;
    time_style.middle = true;
    TextStyle room_style = kit_style(FONT_REGULAR, size, p->pal.muted);
    room_style.max_lines = p->m.portrait ? 1 : 2;
    room_style.middle = true;
    int room_w = 0;
    if (p->m.portrait) {
        /* The time above the room, so the title has the rest of the row's width. */
        int line_h = size * 5 / 4;
        time_style.line_height = 1.0f;
        room_style.line_height = 1.0f;
        paint_text(p, when, (SDL_Rect){inner.x, inner.y + inner.h / 2 - line_h, time_w, line_h}, time_style);
        paint_text(p, local_text(&session->room, p->lang), (SDL_Rect){inner.x, inner.y + inner.h / 2, time_w, line_h},
                   room_style);
    } else {
        paint_text(p, when, (SDL_Rect){inner.x, inner.y, time_w, inner.h}, time_style);
        room_w = inner.w / 5;
        room_style.align = ALIGN_RIGHT;
        paint_text(p, local_text(&session->room, p->lang),
                   (SDL_Rect){inner.x + inner.w - room_w, inner.y, room_w, inner.h}, room_style);
    }
    int chip_w = chip ? paint_text_width(p, chip, FONT_SEMIBOLD, p->m.size_small) + p->m.size_small + p->m.gap : 0;
    SDL_Rect title = {inner.x + time_w, inner.y, inner.w - time_w - room_w - chip_w, inner.h};
    TextStyle title_style = kit_style(FONT_SEMIBOLD, size, p->pal.text);
    title_style.max_lines = 2;
    title_style.middle = true;
    paint_text(p, local_text(&session->title, p->lang), title, title_style);
    if (chip) {
        kit_chip(p, chip, title.x + title.w + p->m.gap / 2, inner.y + (inner.h - p->m.size_small * 3 / 2) / 2,
                 running ? p->pal.accent : p->pal.background, running ? p->pal.accent_text : p->pal.text);
    }
}

/* The lowest a session's row may be: two lines of body text. */
static int row_height(const Painter *p)
{
    return p->m.size_body * 2 + p->m.gap;
}

/* What "Now and next" lists, in its order: the sessions running, those starting within the
 * hour (soon), then (later) the day's next sessions after them, so that a quiet hour does not
 * leave the slide empty. Indices into content->sessions. */
typedef struct NowRows {
    size_t index[AGENDA_MAX_ROWS];
    int running;
    int soon;
    int later;
} NowRows;

static bool listed(const NowRows *rows, size_t index)
{
    for (int i = 0; i < rows->running + rows->soon + rows->later; i++) {
        if (rows->index[i] == index) {
            return true;
        }
    }
    return false;
}

/* The next session of ev's local day starting after now that rows does not list yet, or -1. */
static long next_later(const Content *content, const PlanEvent *ev, const NowRows *rows)
{
    int32_t today = event_local_date(&ev->zone, ev->now);
    long best = -1;
    for (size_t i = 0; i < content->session_count; i++) {
        const Session *s = &content->sessions[i];
        if (s->event != ev->event || s->span.starts <= ev->now || event_local_date(&ev->zone, s->span.starts) != today ||
            listed(rows, i)) {
            continue;
        }
        if (best < 0 || s->span.starts < content->sessions[best].span.starts) {
            best = (long)i;
        }
    }
    return best;
}

/* Rows of "Now and next": the text size and each row's height from the free height (few rows
 * are taller, with larger text), at least row_height() each; fit rows at most. */
typedef struct NowLayout {
    int row_h;
    int size;
    int label_h; /* "Nothing more within the hour", "Later today" */
} NowLayout;

static NowLayout now_layout(const Painter *p, SDL_Rect body, int rows, int labels)
{
    NowLayout l = {.row_h = row_height(p), .size = p->m.size_body, .label_h = p->m.size_heading * 3 / 2};
    int g = p->m.gap / 2;
    if (rows < 1) {
        return l;
    }
    int free_h = body.h - labels * (l.label_h + g) + g;
    int h = free_h / rows - g;
    int most = p->m.size_heading * 3 + p->m.gap; /* two lines of heading-sized text */
    h = h < most ? h : most;
    if (h > l.row_h) {
        l.row_h = h;
        /* Two lines of the title and the row's padding: text up to the heading size. */
        int size = (h - p->m.gap) * 2 / 5;
        l.size = size < p->m.size_heading ? (size > p->m.size_body ? size : p->m.size_body) : p->m.size_heading;
    }
    return l;
}

/* The rows to list: running and soon first, then later sessions of the day up to want rows
 * in all; fit at most. */
static void now_rows(const Content *content, const PlanEvent *ev, const EventNowNext *nn, int fit, int want,
                     NowRows *rows)
{
    memset(rows, 0, sizeof *rows);
    int n = 0;
    for (size_t i = 0; i < nn->running_count && n < fit; i++) {
        if (content->sessions[nn->running[i]].event == ev->event) {
            rows->index[n++] = nn->running[i];
            rows->running++;
        }
    }
    for (size_t i = 0; i < nn->soon_count && n < fit; i++) {
        if (content->sessions[nn->soon[i]].event == ev->event) {
            rows->index[n++] = nn->soon[i];
            rows->soon++;
        }
    }
    while (n < want && n < fit) {
        long later = next_later(content, ev, rows);
        if (later < 0) {
            break;
        }
        rows->index[n++] = (size_t)later;
        rows->later++;
    }
}

static void now_label(Painter *p, const char *text, SDL_Rect area)
{
    TextStyle st = kit_style(FONT_SEMIBOLD, p->m.size_body, p->pal.muted);
    st.max_lines = 1;
    st.middle = true;
    paint_text(p, text, area, st);
}

static void paint_now(Painter *p, Pass *pass, const Content *content, const SlidePlan *plan,
                      const PlannedSlide *slide)
{
    const PlanEvent *ev = &plan->event;
    if (!ev->event) {
        return;
    }
    if (!pass->ticks) {
        kit_header(p, slide, local_text(&ev->event->name, p->lang),
                   ui_text(ev->now_known ? UI_EVENT_NOW_NEXT : UI_EVENT_AGENDA, p->lang));
    }
    SDL_Rect body = status_band(p, pass, content, ev, local_text(&ev->event->venue, p->lang));
    int g = p->m.gap / 2;
    int fit = (body.h + g) / (row_height(p) + g);
    fit = fit < AGENDA_MAX_ROWS ? fit : AGENDA_MAX_ROWS;
    if (!ev->now_known) {
        /* No trusted clock: the whole day in order, nothing said of "now". */
        int count = 0;
        for (size_t i = 0; i < content->session_count; i++) {
            count += content->sessions[i].event == ev->event;
        }
        NowLayout l = now_layout(p, body, count < fit ? count : fit, 0);
        SDL_Rect row = {body.x, body.y, body.w, l.row_h};
        int shown = 0;
        for (size_t i = 0; i < content->session_count && shown < fit && !pass->ticks; i++) {
            if (content->sessions[i].event == ev->event) {
                session_row(p, ev, &content->sessions[i], row, NULL, false, l.size);
                row.y += l.row_h + g;
                shown++;
            }
        }
        return;
    }
    EventNowNext nn;
    event_now_next(EVENT_LIST(content->sessions, content->session_count, span), ev->now, &nn);
    /* A quiet hour: the day's next sessions after it, so that a lobby's screen says what comes. */
    int want = p->m.portrait ? 8 : 6;
    NowRows rows;
    now_rows(content, ev, &nn, fit, want, &rows);
    int labels = (rows.soon == 0) + (rows.later > 0);
    while (rows.later > 0 && labels > 0 &&
           rows.running + rows.soon + rows.later > (body.h - labels * (p->m.size_heading * 3 / 2 + g) + g) /
                                                       (row_height(p) + g)) {
        rows.later--; /* the labels take a row's room */
        labels = (rows.soon == 0) + (rows.later > 0);
    }
    NowLayout l = now_layout(p, body, rows.running + rows.soon + rows.later, labels);
    SDL_Rect row = {body.x, body.y, body.w, l.row_h};
    for (int i = 0; i < rows.running + rows.soon + rows.later; i++) {
        const Session *session = &content->sessions[rows.index[i]];
        if (i == rows.running && rows.soon == 0) {
            if (!pass->ticks) {
                now_label(p, ui_text(UI_EVENT_NOTHING_SOON, p->lang), (SDL_Rect){row.x, row.y, row.w, l.label_h});
            }
            row.y += l.label_h + g;
        }
        if (i == rows.running + rows.soon) {
            if (!pass->ticks) {
                now_label(p, ui_text(UI_EVENT_LATER_TODAY, p->lang), (SDL_Rect){row.x, row.y, row.w, l.label_h});
            }
            row.y += l.label_h + g;
        }
        bool running = i < rows.running;
        char chip[64] = "";
        if (!running && i < rows.running + rows.soon && (long)rows.index[i] == nn.next) {
            char countdown[EVENT_COUNTDOWN_SIZE];
            snprintf(chip, sizeof chip, "%s %s", ui_text(UI_EVENT_STARTS_IN, p->lang),
                     event_countdown_format(nn.next_in, ui_text(UI_EVENT_MINUTES, p->lang), countdown));
        }
        /* The row counting down is the only one that moves on with the clock alone. */
        if (!pass->ticks || (chip[0] && begin_area(p, pass, row))) {
            const char *tag = running ? ui_text(UI_EVENT_NOW, p->lang) : (chip[0] ? chip : NULL);
            session_row(p, ev, session, row, tag, running, l.size);
            if (pass->ticks) {
                end_area(p);
            }
        }
        row.y += l.row_h + g;
    }
    if (rows.soon == 0 && rows.later == 0 && !pass->ticks) {
        now_label(p, ui_text(UI_EVENT_NOTHING_SOON, p->lang), (SDL_Rect){row.x, row.y, row.w, l.label_h});
    }
}

void event_slides_paint_now(Painter *p, const Content *content, const SlidePlan *plan, const PlannedSlide *slide)
{
    Pass whole = {0};
    paint_now(p, &whole, content, plan, slide);
}

static void meeting_row(Painter *p, const Content *content, const PlanEvent *ev, const Meeting *meeting, SDL_Rect row,
                        bool current)
{
    if (current) {
        kit_card(p, row);
        kit_accent_bar(p, row.x, row.y + p->m.gap / 4, row.h - p->m.gap / 2);
    } else {
        paint_fill(p, (SDL_Rect){row.x, row.y + row.h - 1, row.w, 1}, p->pal.line);
    }
    SDL_Rect inner = kit_inset(row, p->m.gap / 4);
    inner.x += p->m.gap / 2;
    inner.w -= p->m.gap / 2;
    /* A page of rows under an announcement's banner is shorter: the text keeps to the row
     * (text_fit draws nothing that does not fit its box's height). */
    int lines = p->m.portrait ? 2 : 1; /* in portrait: the time over the table, a party a line */
    int size = p->m.size_body;
    if (size > inner.h * 4 / (5 * lines)) {
        size = inner.h * 4 / (5 * lines);
    }
    TextStyle st = kit_style(FONT_SEMIBOLD, size, current ? p->pal.accent : p->pal.muted);
    st.max_lines = 1;
    st.middle = true;
    st.line_height = 1.1f;
    char when[8];
    local_hm(ev, meeting->span.starts, when);
    char table[64];
    snprintf(table, sizeof table, "%s %s", ui_text(UI_EVENT_TABLE, p->lang), meeting->table ? meeting->table : "");
    int time_w = paint_text_width(p, "00:00", FONT_SEMIBOLD, size) + p->m.gap;
    int table_w = paint_text_width(p, ui_text(UI_EVENT_TABLE, p->lang), FONT_SEMIBOLD, size) +
                  paint_text_width(p, " 00", FONT_SEMIBOLD, size) + p->m.gap;
    if (p->m.portrait) {
        /* The time above the table, so who meets whom has the width of the row. */
        int column = (time_w > table_w ? time_w : table_w);
        int line_h = size * 5 / 4;
        SDL_Rect top = {inner.x, inner.y + inner.h / 2 - line_h, column, line_h};
        paint_text(p, when, top, st);
        st.colour = p->pal.text;
        paint_text(p, table, (SDL_Rect){inner.x, inner.y + inner.h / 2, column, top.h}, st);
        time_w = column;
        table_w = 0;
    } else {
        paint_text(p, when, (SDL_Rect){inner.x, inner.y, time_w, inner.h}, st);
        st.colour = p->pal.text;
        paint_text(p, table, (SDL_Rect){inner.x + time_w, inner.y, table_w, inner.h}, st);
    }
    char who[256];
    if (meeting->privacy == MEETING_PRIVATE || !meeting->party_a) {
        snprintf(who, sizeof who, "%s", ui_text(UI_EVENT_OCCUPIED, p->lang));
        st.colour = p->pal.muted;
        st.weight = FONT_REGULAR;
    } else {
        /* In portrait the two parties take a line each: who meets whom is never cut away. */
        snprintf(who, sizeof who, "%s%s↔ %s", plan_event_party_name(content, meeting->party_a),
                 p->m.portrait ? "\n" : " ", plan_event_party_name(content, meeting->party_b));
        st.weight = FONT_REGULAR;
        st.max_lines = p->m.portrait ? 2 : 1;
        st.min_size = size; /* a long name ends in "…" at the size of its neighbours */
    }
    paint_text(p, who, (SDL_Rect){inner.x + time_w + table_w, inner.y, inner.w - time_w - table_w, inner.h}, st);
}

/* The label before the first row of the board's later round: "Next: Round 4 · 11:15" (or
 * "Then: …" between rounds, when the board's first round is itself the next), over an
 * accent line that parts the two rounds. */
static void board_round_label(Painter *p, const Content *content, const PlanEvent *ev, const EventRounds *rounds,
                              const Meeting *meeting, SDL_Rect cell)
{
    char when[8];
    local_hm(ev, meeting->span.starts, when);
    int number = event_round_of(EVENT_LIST(content->meetings, content->meeting_count, span), meeting->span.starts);
    char text[128];
    snprintf(text, sizeof text, "%s: %s %d  ·  %s",
             ui_text(rounds->current > 0 ? UI_EVENT_BOARD_NEXT : UI_EVENT_BOARD_THEN, p->lang),
             ui_text(UI_EVENT_ROUND, p->lang), number, when);
    int size = p->m.size_body;
    if (size > cell.h * 3 / 5) {
        size = cell.h * 3 / 5;
    }
    TextStyle st = kit_style(FONT_SEMIBOLD, size, p->pal.accent);
    st.max_lines = 1;
    st.middle = true;
    SDL_Rect text_box = {cell.x + p->m.gap / 2, cell.y, cell.w - p->m.gap / 2, cell.h - 2};
    paint_text(p, text, text_box, st);
    paint_fill(p, (SDL_Rect){cell.x, cell.y + cell.h - 2, cell.w, 2}, p->pal.accent);
}

static void paint_board(Painter *p, Pass *pass, const Content *content, const SlidePlan *plan,
                        const PlannedSlide *slide)
{
    const PlanEvent *ev = &plan->event;
    if (!ev->event) {
        return;
    }
    if (!pass->ticks) {
        kit_header(p, slide, local_text(&ev->event->name, p->lang), ui_text(UI_EVENT_MEETINGS, p->lang));
    }
    EventRounds rounds;
    event_rounds(EVENT_LIST(content->meetings, content->meeting_count, span), ev->now, &rounds);
    char status[160] = "";
    const char *round = ui_text(UI_EVENT_ROUND, p->lang);
    if (ev->now_known && rounds.current > 0) {
        snprintf(status, sizeof status, "%s %d  ·  %s %lld %s", round, rounds.current,
                 ui_text(UI_EVENT_MEETINGS_END_IN, p->lang), (long long)rounds.ends_in_minutes,
                 ui_text(UI_EVENT_MINUTES, p->lang));
    } else if (ev->now_known && rounds.next > 0) {
        char countdown[EVENT_COUNTDOWN_SIZE];
        snprintf(status, sizeof status, "%s %d %s %s", round, rounds.next, ui_text(UI_EVENT_ROUND_STARTS_IN, p->lang),
                 event_countdown_format(rounds.next_in, ui_text(UI_EVENT_MINUTES, p->lang), countdown));
    }
    SDL_Rect body = status_band(p, pass, content, ev, status);
    if (pass->ticks) {
        return; /* the tables stay as they are while the look does (event_slides_look) */
    }
    size_t board[PLAN_EVENT_MAX_BOARD_PAGES * 64];
    size_t count = plan_event_board(plan, content, board, sizeof board / sizeof board[0]);
    if (count == 0) {
        return;
    }
    /* The board lists two rounds: the current one (or the next, between rounds) and the one
     * after. A label takes a row's place before the later round's first row on the page
     * ("Next: Round 4 · 11:15"); every page keeps that place, so rows never change height
     * from page to page and a page still holds board_rows meetings. */
    EventInstant first_starts = content->meetings[board[0]].span.starts;
    int cols = p->m.portrait ? 1 : 2;
    int per_page = ev->board_rows;
    int rows = (per_page + 1 + cols - 1) / cols;
    size_t first = (size_t)slide->first * (size_t)per_page;
    /* Where the label goes on this page (the index of the later round's first row), or -1. */
    int label_at = -1;
    for (int i = 0; i < per_page && first + (size_t)i < count && label_at < 0; i++) {
        const Meeting *meeting = &content->meetings[board[first + (size_t)i]];
        bool starts_round = i == 0 || content->meetings[board[first + (size_t)i - 1]].span.starts == first_starts;
        if (meeting->span.starts != first_starts && starts_round) {
            label_at = i;
        }
    }
    /* Down the first column, then down the second, as a departures board reads; a page without
     * the label fills its columns evenly. */
    int per_col = label_at >= 0 ? rows : (per_page + cols - 1) / cols;
    int slot = 0;
    for (int i = 0; i < per_page && first + (size_t)i < count; i++, slot++) {
        const Meeting *meeting = &content->meetings[board[first + (size_t)i]];
        if (i == label_at) {
            SDL_Rect cell = kit_grid_cell(body, cols, rows, (slot % per_col) * cols + slot / per_col, p->m.gap / 3);
            board_round_label(p, content, ev, &rounds, meeting, cell);
            slot++;
        }
        SDL_Rect cell = kit_grid_cell(body, cols, rows, (slot % per_col) * cols + slot / per_col, p->m.gap / 3);
        bool current = rounds.current > 0 && meeting->span.starts == rounds.current_starts;
        meeting_row(p, content, ev, meeting, cell, current);
    }
}

void event_slides_paint_board(Painter *p, const Content *content, const SlidePlan *plan, const PlannedSlide *slide)
{
    Pass whole = {0};
    paint_board(p, &whole, content, plan, slide);
}

void event_slides_paint_banner(Painter *p, const Content *content, const SlidePlan *plan)
{
    const Announcement *a = showing(content, &plan->event);
    if (!a) {
        return;
    }
    int h = banner_height(p);
    SDL_Rect band = {p->m.body.x, p->m.body.y + p->m.body.h - h, p->m.body.w, h};
    paint_round_rect(p, band, p->m.radius, p->pal.accent);
    TextStyle st = kit_style(FONT_SEMIBOLD, p->m.size_heading, p->pal.accent_text);
    st.max_lines = 1;
    st.middle = true;
    st.align = ALIGN_CENTER;
    paint_text(p, local_text(&a->text, p->lang), kit_inset(band, p->m.gap / 2), st);
}

int event_slides_paint_ticks(Painter *p, const Content *content, const SlidePlan *plan, const PlannedSlide *slide,
                             SDL_Rect areas[EVENT_SLIDES_MAX_TICKS])
{
    Pass pass = {.ticks = true};
    if (slide->kind == SLIDE_EVENT_NOW) {
        paint_now(p, &pass, content, plan, slide);
    } else if (slide->kind == SLIDE_EVENT_BOARD) {
        paint_board(p, &pass, content, plan, slide);
    }
    for (int i = 0; i < pass.count; i++) {
        areas[i] = pass.areas[i];
    }
    return pass.count;
}

/* FNV-1a over the eight bytes of value. */
static uint64_t mix(uint64_t hash, uint64_t value)
{
    for (int i = 0; i < 8; i++) {
        hash = (hash ^ ((value >> (8 * i)) & 0xFF)) * 0x100000001B3ull;
    }
    return hash;
}

uint64_t event_slides_look(const Content *content, const SlidePlan *plan)
{
    const PlanEvent *ev = &plan->event;
    if (!ev->event) {
        return 0;
    }
    uint64_t look = mix(0xCBF29CE484222325ull, (uint64_t)(ev->event - content->events) + 1);
    look = mix(look, ev->now_known);
    const Announcement *a = showing(content, ev);
    look = mix(look, a ? (uint64_t)(a - content->announcements) + 1 : 0); /* the banner, over every slide */
    if (!ev->now_known) {
        return look;
    }
    /* Now and next: which sessions run and which start soon, and which one counts down. */
    EventNowNext nn;
    event_now_next(EVENT_LIST(content->sessions, content->session_count, span), ev->now, &nn);
    look = mix(look, nn.running_count);
    for (size_t i = 0; i < nn.running_count; i++) {
        look = mix(look, nn.running[i]);
    }
    look = mix(look, nn.soon_count);
    for (size_t i = 0; i < nn.soon_count; i++) {
        look = mix(look, nn.soon[i]);
    }
    look = mix(look, (uint64_t)(nn.next + 1));
    /* The board: the round on or next (which status line), the round highlighted, its tables. */
    EventRounds rounds;
    event_rounds(EVENT_LIST(content->meetings, content->meeting_count, span), ev->now, &rounds);
    look = mix(look, (uint64_t)rounds.current);
    look = mix(look, (uint64_t)rounds.next);
    look = mix(look, (uint64_t)rounds.current_starts);
    size_t board[PLAN_EVENT_MAX_BOARD_PAGES * 64];
    size_t count = plan_event_board(plan, content, board, sizeof board / sizeof board[0]);
    look = mix(look, count);
    for (size_t i = 0; i < count; i++) {
        look = mix(look, board[i]);
    }
    return look;
}
