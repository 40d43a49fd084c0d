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
 * Returns the body below it. */
static SDL_Rect status_band(Painter *p, const Content *content, const PlanEvent *ev, const char *status)
{
    SDL_Rect body = p->m.body;
    if (showing(content, ev)) {
        body.h -= banner_height(p) + p->m.gap / 2; /* the event's own rows stay clear of the banner */
    }
    SDL_Rect band = kit_take_top(&body, p->m.size_title * 3 / 2);
    kit_take_top(&body, p->m.gap / 2);
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
    st.max_lines = 1;
    st.middle = true;
    paint_text(p, status, (SDL_Rect){band.x, band.y, band.w - clock_w, band.h}, st);
    return body;
}

/* One agenda row: time, title, room, and a chip (Now / Starts in m:ss) when given. */
static void session_row(Painter *p, const PlanEvent *ev, const Session *session, SDL_Rect row, const char *chip,
                        bool running)
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
    int time_w = paint_text_width(p, "00:00–00:00", FONT_SEMIBOLD, p->m.size_body) + p->m.gap;
    TextStyle time_style = kit_style(FONT_SEMIBOLD, p->m.size_body, running ? p->pal.accent : p->pal.text);
    time_style.max_lines = 1;
    time_style.middle = true;
    TextStyle room_style = kit_style(FONT_REGULAR, p->m.size_body, p->pal.muted);
    room_style.max_lines = p->m.portrait ? 1 : 2;
    room_style.middle = true;
    int room_w = 0;
    if (p->m.portrait) {
        /* The time above the room, so the title has the rest of the row's width. */
        int line_h = p->m.size_body * 5 / 4;
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
    TextStyle title_style = kit_style(FONT_SEMIBOLD, p->m.size_body, p->pal.text);
    title_style.max_lines = 2;
    title_style.middle = true;
    paint_text(p, local_text(&session->title, p->lang), title, title_style);
    if (chip) {
        kit_chip(p, chip, title.x + title.w + p->m.gap / 2, inner.y + (inner.h - p->m.size_small * 3 / 2) / 2,
                 running ? p->pal.accent : p->pal.background, running ? p->pal.accent_text : p->pal.text);
    }
}

static int row_height(const Painter *p)
{
    return p->m.size_body * 2 + p->m.gap;
}

void event_slides_paint_now(Painter *p, const Content *content, const SlidePlan *plan, const PlannedSlide *slide)
{
    const PlanEvent *ev = &plan->event;
    if (!ev->event) {
        return;
    }
    kit_header(p, slide, local_text(&ev->event->name, p->lang),
               ui_text(ev->now_known ? UI_EVENT_NOW_NEXT : UI_EVENT_AGENDA, p->lang));
    SDL_Rect body = status_band(p, content, ev, local_text(&ev->event->venue, p->lang));
    int row_h = row_height(p);
    int fit = (body.h + p->m.gap / 2) / (row_h + p->m.gap / 2);
    fit = fit < AGENDA_MAX_ROWS ? fit : AGENDA_MAX_ROWS;
    int shown = 0;
    SDL_Rect row = {body.x, body.y, body.w, row_h};
    if (!ev->now_known) {
        /* No trusted clock: the whole day in order, nothing said of "now". */
        for (size_t i = 0; i < content->session_count && shown < fit; i++) {
            if (content->sessions[i].event == ev->event) {
                session_row(p, ev, &content->sessions[i], row, NULL, false);
                row.y += row_h + p->m.gap / 2;
                shown++;
            }
        }
        return;
    }
    EventNowNext nn;
    event_now_next(EVENT_LIST(content->sessions, content->session_count, span), ev->now, &nn);
    for (size_t i = 0; i < nn.running_count && shown < fit; i++) {
        const Session *session = &content->sessions[nn.running[i]];
        if (session->event == ev->event) {
            session_row(p, ev, session, row, ui_text(UI_EVENT_NOW, p->lang), true);
            row.y += row_h + p->m.gap / 2;
            shown++;
        }
    }
    for (size_t i = 0; i < nn.soon_count && shown < fit; i++) {
        const Session *session = &content->sessions[nn.soon[i]];
        if (session->event != ev->event) {
            continue;
        }
        char chip[64] = "";
        if ((long)nn.soon[i] == nn.next) {
            char countdown[16];
            snprintf(chip, sizeof chip, "%s %s", ui_text(UI_EVENT_STARTS_IN, p->lang),
                     event_countdown_format(nn.next_in, countdown));
        }
        session_row(p, ev, session, row, chip[0] ? chip : NULL, false);
        row.y += row_h + p->m.gap / 2;
        shown++;
    }
    if (nn.soon_count == 0) {
        TextStyle st = kit_style(FONT_REGULAR, p->m.size_body, p->pal.muted);
        st.max_lines = 1;
        paint_text(p, ui_text(UI_EVENT_NOTHING_SOON, p->lang), (SDL_Rect){row.x, row.y, row.w, row_h}, st);
    }
}

/* A party as the board names it: the member's name when it is a member's id. */
static const char *party_name(const Content *content, const char *party)
{
    for (size_t i = 0; party && i < content->member_count; i++) {
        if (content->members[i].id && strcmp(content->members[i].id, party) == 0) {
            return content->members[i].name;
        }
    }
    return party ? party : "";
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
    TextStyle st = kit_style(FONT_SEMIBOLD, p->m.size_body, current ? p->pal.accent : p->pal.muted);
    st.max_lines = 1;
    st.middle = true;
    char when[8];
    local_hm(ev, meeting->span.starts, when);
    char table[64];
    snprintf(table, sizeof table, "%s %s", ui_text(UI_EVENT_TABLE, p->lang), meeting->table ? meeting->table : "");
    int time_w = paint_text_width(p, "00:00", FONT_SEMIBOLD, p->m.size_body) + p->m.gap;
    int table_w = paint_text_width(p, ui_text(UI_EVENT_TABLE, p->lang), FONT_SEMIBOLD, p->m.size_body) +
                  paint_text_width(p, " 00", FONT_SEMIBOLD, p->m.size_body) + p->m.gap;
    if (p->m.portrait) {
        /* The time above the table, so who meets whom has the width of the row. */
        int column = (time_w > table_w ? time_w : table_w);
        int line_h = p->m.size_body * 5 / 4;
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
        snprintf(who, sizeof who, "%s%s↔ %s", party_name(content, meeting->party_a), p->m.portrait ? "\n" : " ",
                 party_name(content, meeting->party_b));
        st.weight = FONT_REGULAR;
        st.max_lines = p->m.portrait ? 2 : 1;
        st.line_height = 1.1f;
    }
    paint_text(p, who, (SDL_Rect){inner.x + time_w + table_w, inner.y, inner.w - time_w - table_w, inner.h}, st);
}

void event_slides_paint_board(Painter *p, const Content *content, const SlidePlan *plan, const PlannedSlide *slide)
{
    const PlanEvent *ev = &plan->event;
    if (!ev->event) {
        return;
    }
    kit_header(p, slide, local_text(&ev->event->name, p->lang), ui_text(UI_EVENT_MEETINGS, p->lang));
    EventRounds rounds;
    event_rounds(EVENT_LIST(content->meetings, content->meeting_count, span), ev->now, &rounds);
    char status[160] = "";
    const char *round = ui_text(UI_EVENT_ROUND, p->lang);
    if (ev->now_known && rounds.current > 0) {
        snprintf(status, sizeof status, "%s %d  ·  %s %lld %s", round, rounds.current,
                 ui_text(UI_EVENT_MEETINGS_END_IN, p->lang), (long long)rounds.ends_in_minutes,
                 ui_text(UI_EVENT_MINUTES, p->lang));
    } else if (ev->now_known && rounds.next > 0) {
        char countdown[16];
        snprintf(status, sizeof status, "%s %d %s %s", round, rounds.next, ui_text(UI_EVENT_ROUND_STARTS_IN, p->lang),
                 event_countdown_format(rounds.next_in, countdown));
    }
    SDL_Rect body = status_band(p, content, ev, status);
    size_t board[PLAN_EVENT_MAX_BOARD_PAGES * 64];
    size_t count = plan_event_board(plan, content, board, sizeof board / sizeof board[0]);
    int cols = p->m.portrait ? 1 : 2;
    int per_page = ev->board_rows;
    int rows = (per_page + cols - 1) / cols;
    size_t first = (size_t)slide->first * (size_t)per_page;
    for (int i = 0; i < per_page && first + (size_t)i < count; i++) {
        const Meeting *meeting = &content->meetings[board[first + (size_t)i]];
        /* Down the first column, then down the second, as a departures board reads. */
        int col = i / rows;
        int line = i % rows;
        SDL_Rect cell = kit_grid_cell(body, cols, rows, line * cols + col, p->m.gap / 3);
        bool current = rounds.current > 0 && meeting->span.starts == rounds.current_starts;
        meeting_row(p, content, ev, meeting, cell, current);
    }
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
