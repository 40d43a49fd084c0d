/* event_booth.c — the booth's EVENT section; see event_booth.h. Which meetings a search
 * finds and the agenda's order are the plan's (plan_event_find(), plan_event_agenda()); the
 * calendar text is core/event_ics.c's. Every time shown is the event zone's local time. */
#include "render/event_booth.h"

#include "core/event_ics.h"
#include "core/ui_text.h"
#include "render/keyboard.h"
#include "render/kit.h"
#include "render/qr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    FIND_LARGE_CARDS = 3, /* up to this many found: large cards, who meets whom on each */
    FIND_MAX_CARDS = 8,   /* a company's meetings of a day of 8 rounds, each with its code */
    FIND_MAX_ROWS = 8,    /* meetings listed above the keyboard */
};

static void local_span(const PlanEvent *ev, const EventSpan *span, char *out, size_t size)
{
    int h1 = 0, m1 = 0, h2 = 0, m2 = 0;
    event_local_clock(&ev->zone, span->starts, &h1, &m1);
    event_local_clock(&ev->zone, span->ends, &h2, &m2);
    snprintf(out, size, "%02d:%02d–%02d:%02d", h1 % 100, m1 % 100, h2 % 100, m2 % 100);
}

static void table_text(const Meeting *meeting, Lang lang, char *out, size_t size)
{
    snprintf(out, size, "%s %s", ui_text(UI_EVENT_TABLE, lang), meeting->table ? meeting->table : "");
}

size_t event_booth_meeting_ics(const Content *content, const Meeting *meeting, Lang lang, char *out, size_t size)
{
    (void)content;
    char summary[128];
    char location[192];
    char uid[128];
    const char *table = meeting->table ? meeting->table : "";
    if (meeting->title && meeting->title[0]) {
        snprintf(summary, sizeof summary, "%s", meeting->title);
    } else {
        snprintf(summary, sizeof summary, "%s %s", ui_text(UI_EVENT_AT_TABLE, lang), table);
    }
    const char *venue = meeting->event ? local_text(&meeting->event->venue, lang) : "";
    snprintf(location, sizeof location, "%s %s%s%s", ui_text(UI_EVENT_TABLE, lang), table, venue[0] ? ", " : "", venue);
    if (meeting->id && meeting->id[0]) {
        snprintf(uid, sizeof uid, "%s", meeting->id);
    } else {
        snprintf(uid, sizeof uid, "%s-%s-%lld", meeting->event && meeting->event->id ? meeting->event->id : "event",
                 table, (long long)meeting->span.starts);
    }
    return event_ics_write(&meeting->span, uid, summary, location, out, size);
}

/* What a found meeting says: "10:00–10:20", "Table 1" and who meets there: "with Beta
 * Textile", the party the search (query) did not name, else both ("Alpha Knit", separator,
 * "Beta Textile"). */
typedef struct MeetingTexts {
    char when[32];
    char table[64];
    char who[256];
} MeetingTexts;

static void meeting_texts(const Content *content, const PlanEvent *ev, const Meeting *meeting, Lang lang,
                          const char *query, const char *separator, MeetingTexts *out)
{
    local_span(ev, &meeting->span, out->when, sizeof out->when);
    table_text(meeting, lang, out->table, sizeof out->table);
    const char *other = plan_event_other_party(content, meeting, query);
    if (other) {
        snprintf(out->who, sizeof out->who, "%s %s", ui_text(UI_EVENT_WITH, lang), other);
    } else {
        snprintf(out->who, sizeof out->who, "%s%s%s", plan_event_party_name(content, meeting->party_a), separator,
                 plan_event_party_name(content, meeting->party_b));
    }
}

/* The box for a row's text: clear of its edges and of an accent bar at its left. */
static SDL_Rect row_text_box(const Painter *p, SDL_Rect row)
{
    SDL_Rect inner = kit_inset(row, p->m.gap / 4);
    return (SDL_Rect){inner.x + p->m.gap / 2, inner.y, inner.w - p->m.gap / 2, inner.h};
}

/* A row's card (with the accent bar when marked); returns the box for its text. */
static SDL_Rect row_card(Painter *p, SDL_Rect row, bool marked)
{
    kit_card(p, row);
    if (marked) {
        kit_accent_bar(p, row.x, row.y + p->m.gap / 4, row.h - p->m.gap / 2);
    }
    return row_text_box(p, row);
}

/* The widths of a row's time and table columns at the body size. */
static void find_row_columns(Painter *p, int *time_w, int *table_w)
{
    *time_w = paint_text_width(p, "00:00–00:00", FONT_SEMIBOLD, p->m.size_body) + p->m.gap / 2;
    *table_w = paint_text_width(p, ui_text(UI_EVENT_TABLE, p->lang), FONT_SEMIBOLD, p->m.size_body) +
               paint_text_width(p, " 000", FONT_SEMIBOLD, p->m.size_body) + p->m.gap / 2;
}

/* How many lines a row above the keyboard of width w takes so that the meeting's "with …" is
 * not cut: 1 when it fits beside the time and the table, 2 when it needs the row's width under
 * them (portrait; down to 3/4 of the body size), 3 when it needs two lines there even so. */
static int find_row_lines(Painter *p, const Content *content, const PlanEvent *ev, const char *query,
                          const Meeting *meeting, int w)
{
    int time_w = 0;
    int table_w = 0;
    find_row_columns(p, &time_w, &table_w);
    int inner_w = w - p->m.gap;
    /* Text shrinks to 3/4 of its size, never below the floor (paint_text()). */
    int least = p->m.size_body * 3 / 4 > p->m.size_floor ? p->m.size_body * 3 / 4 : p->m.size_floor;
    MeetingTexts texts;
    meeting_texts(content, ev, meeting, p->lang, query, " ↔ ", &texts);
    if (paint_text_width(p, texts.who, FONT_REGULAR, least) > inner_w) {
        return 3;
    }
    return paint_text_width(p, texts.who, FONT_REGULAR, p->m.size_body) > inner_w - time_w - table_w ? 2 : 1;
}

/* One meeting as a row above the keyboard: time, table, who; on more lines (find_row_lines()),
 * who under the time and the table, the width of the row. */
static void find_row(Painter *p, const Content *content, const PlanEvent *ev, const char *query,
                     const Meeting *meeting, SDL_Rect row, int lines)
{
    SDL_Rect inner = row_card(p, row, false);
    MeetingTexts texts;
    meeting_texts(content, ev, meeting, p->lang, query, " ↔ ", &texts);
    TextStyle st = kit_style(FONT_SEMIBOLD, p->m.size_body, p->pal.accent);
    st.max_lines = 1;
    st.middle = true;
    int time_w = 0;
    int table_w = 0;
    find_row_columns(p, &time_w, &table_w);
    SDL_Rect top = inner;
    SDL_Rect who = {inner.x + time_w + table_w, inner.y, inner.w - time_w - table_w, inner.h};
    if (lines > 1) {
        top.h = inner.h / lines;
        who = (SDL_Rect){inner.x, inner.y + top.h, inner.w, inner.h - top.h};
    }
    paint_text(p, texts.when, (SDL_Rect){top.x, top.y, time_w, top.h}, st);
    st.colour = p->pal.text;
    paint_text(p, texts.table, (SDL_Rect){top.x + time_w, top.y, table_w, top.h}, st);
    st.weight = FONT_REGULAR;
    st.min_size = lines > 1 ? p->m.size_body * 3 / 4 : p->m.size_body; /* a long name a little smaller */
    st.max_lines = lines > 2 ? 2 : 1;
    st.line_height = 1.1f;
    paint_text(p, texts.who, who, st);
}

/* A small card: the QR code above the time, the table and whom the meeting is with (four to
 * eight found). */
static void find_small_card(Painter *p, const Content *content, const PlanEvent *ev, const char *query,
                            const Meeting *meeting, SDL_Rect card)
{
    kit_card(p, card);
    SDL_Rect inner = kit_inset(card, p->m.gap / 3);
    int line_h = p->m.size_body * 5 / 4;
    int who_h = p->m.size_small * 5 / 2; /* two lines of a long name */
    int text_h = 2 * line_h + who_h;
    int side = inner.h - text_h < inner.w ? inner.h - text_h : inner.w;
    int top = inner.y + (inner.h - side - text_h) / 2; /* the code and its lines together */
    char ics[EVENT_ICS_SIZE];
    if (event_booth_meeting_ics(content, meeting, p->lang, ics, sizeof ics) > 0) {
        paint_qr_on_screen(p, ics, (SDL_Rect){inner.x + (inner.w - side) / 2, top, side, side});
    }
    MeetingTexts texts;
    meeting_texts(content, ev, meeting, p->lang, query, " ↔ ", &texts);
    TextStyle st = kit_style(FONT_SEMIBOLD, p->m.size_body, p->pal.accent);
    st.max_lines = 1;
    st.middle = true;
    st.align = ALIGN_CENTER;
    SDL_Rect line = {inner.x, top + side, inner.w, line_h};
    paint_text(p, texts.when, line, st);
    line.y += line_h;
    st.colour = p->pal.text;
    paint_text(p, texts.table, line, st);
    line.y += line_h;
    TextStyle who_style = kit_style(FONT_REGULAR, p->m.size_small, p->pal.text);
    who_style.max_lines = 2;
    who_style.line_height = 1.1f;
    who_style.align = ALIGN_CENTER;
    paint_text(p, texts.who, (SDL_Rect){inner.x, line.y, inner.w, who_h}, who_style);
}

/* One meeting as a large card: its QR code, then time, table and who. In landscape the code
 * is above the text (cards side by side), in portrait beside it (cards one under another). */
static void find_card(Painter *p, const Content *content, const PlanEvent *ev, const char *query,
                      const Meeting *meeting, SDL_Rect card)
{
    kit_card(p, card);
    SDL_Rect inner = kit_inset(card, p->m.gap / 2);
    int line_h = p->m.size_heading * 5 / 4;
    int text_h = line_h * 2 + p->m.size_body * 5 / 2 + p->m.size_small * 3 / 2;
    SDL_Rect code;
    SDL_Rect text;
    if (p->m.portrait) {
        int side = inner.h < inner.w / 2 ? inner.h : inner.w / 2;
        code = (SDL_Rect){inner.x, inner.y + (inner.h - side) / 2, side, side};
        text = (SDL_Rect){inner.x + side + p->m.gap / 2, inner.y, inner.w - side - p->m.gap / 2, inner.h};
    } else {
        int side = inner.h - text_h < inner.w ? inner.h - text_h : inner.w;
        code = (SDL_Rect){inner.x + (inner.w - side) / 2, inner.y, side, side};
        text = (SDL_Rect){inner.x, inner.y + side + p->m.gap / 3, inner.w, inner.h - side - p->m.gap / 3};
    }
    char ics[EVENT_ICS_SIZE];
    if (event_booth_meeting_ics(content, meeting, p->lang, ics, sizeof ics) > 0) {
        paint_qr_on_screen(p, ics, code);
    }
    MeetingTexts texts;
    meeting_texts(content, ev, meeting, p->lang, query, "\n↔ ", &texts);
    TextStyle st = kit_style(FONT_BOLD, p->m.size_heading, p->pal.accent);
    st.max_lines = 1;
    st.align = p->m.portrait ? ALIGN_LEFT : ALIGN_CENTER;
    SDL_Rect line = {text.x, text.y, text.w, line_h};
    if (p->m.portrait) {
        line.y = text.y + (text.h - text_h) / 2;
    }
    paint_text(p, texts.when, line, st);
    line.y += line_h;
    st.colour = p->pal.text;
    paint_text(p, texts.table, line, st);
    line.y += line_h;
    TextStyle who_style = kit_style(FONT_REGULAR, p->m.size_body, p->pal.text);
    who_style.max_lines = 2;
    who_style.line_height = 1.1f;
    who_style.align = st.align;
    line.h = p->m.size_body * 5 / 2;
    paint_text(p, texts.who, line, who_style);
    line.y += line.h;
    TextStyle scan = kit_style(FONT_REGULAR, p->m.size_small, p->pal.muted);
    scan.max_lines = 1;
    scan.align = st.align;
    line.h = p->m.size_small * 3 / 2;
    paint_text(p, ui_text(UI_EVENT_FIND_SCAN, p->lang), line, scan);
}

/* A muted line of text in area's top (the hint, "nothing found", "N more"). */
static void note(Painter *p, const char *text, SDL_Rect area, int lines)
{
    TextStyle st = kit_style(FONT_REGULAR, p->m.size_body, p->pal.muted);
    st.max_lines = lines;
    paint_text(p, text, area, st);
}

void event_booth_paint_find(Painter *p, const Content *content, const SlidePlan *plan, const PlannedSlide *slide)
{
    const PlanEvent *ev = &plan->event;
    if (!ev->event) {
        return;
    }
    const DeckMembers *search = &plan->members.state;
    bool typing = search->keyboard != DECK_KEYBOARD_CLOSED;
    kit_header(p, slide, local_text(&ev->event->name, p->lang), ui_text(UI_EVENT_FIND, p->lang));
    SDL_Rect area = p->m.body;
    int gap = p->m.gap * 2 / 3;
    int field_w = p->m.portrait || typing ? area.w : area.w / 2;
    KeyboardField field = {
        .text = search->query,
        .placeholder = ui_text(UI_EVENT_FIND_FIELD, p->lang),
        .focused = typing,
        .tap = (DeckCommand){.kind = typing ? DECK_CMD_NONE : DECK_CMD_KEYBOARD_OPEN},
        .clear_button = true,
    };
    keyboard_paint_field(p, (SDL_Rect){area.x, area.y, field_w, p->m.target}, &field);
    kit_take_top(&area, p->m.target + gap);
    if (typing) {
        int keys_h = keyboard_height(&p->m, true);
        keyboard_paint(p, (SDL_Rect){area.x, area.y + area.h - keys_h, area.w, keys_h}, search->keyboard, true);
        area.h -= keys_h + gap;
    }
    size_t found[FIND_MAX_ROWS > FIND_MAX_CARDS ? FIND_MAX_ROWS : FIND_MAX_CARDS];
    size_t total = plan_event_find(plan, content, search->query, found, sizeof found / sizeof found[0]);
    if (search->query[0] == '\0') {
        note(p, ui_text(UI_EVENT_FIND_HINT, p->lang), area, 4);
        return;
    }
    if (total == 0) {
        note(p, ui_text(UI_EVENT_FIND_NONE, p->lang), area, 2);
        return;
    }
    int more_h = p->m.size_body * 3 / 2;
    int room = area.h - more_h;
    size_t fit;
    if (typing) {
        /* The rows all of one or all of two lines (one list reads alike); a name that needs
         * two lines of its own gets a third line in its row alone. */
        size_t listed = total < FIND_MAX_ROWS ? total : FIND_MAX_ROWS;
        int lines[FIND_MAX_ROWS];
        int base = 1;
        for (size_t i = 0; i < listed; i++) {
            lines[i] = find_row_lines(p, content, ev, search->query, &content->meetings[found[i]], area.w);
            base = lines[i] > base ? (lines[i] > 2 ? 2 : lines[i]) : base;
        }
        static const int HALF_BODIES[] = {4, 4, 7, 10}; /* a row's height for 1, 2 or 3 lines */
        int y = area.y;
        fit = 0;
        for (size_t i = 0; i < listed; i++) {
            int row_lines = lines[i] > base ? lines[i] : base;
            int row_h = p->m.size_body * HALF_BODIES[row_lines] / 2;
            if (y + row_h > area.y + room) {
                break;
            }
            find_row(p, content, ev, search->query, &content->meetings[found[i]], (SDL_Rect){area.x, y, area.w, row_h},
                     row_lines);
            y += row_h + gap / 2;
            fit++;
        }
    } else {
        fit = total < FIND_MAX_CARDS ? total : FIND_MAX_CARDS;
        bool large = fit <= FIND_LARGE_CARDS;
        /* Large cards keep one size however many; small ones take the rows they need. */
        int cols = p->m.portrait ? (large ? 1 : 2) : (large ? FIND_LARGE_CARDS : FIND_MAX_CARDS / 2);
        int rows = large ? (p->m.portrait ? FIND_LARGE_CARDS : 1) : ((int)fit + cols - 1) / cols;
        SDL_Rect cards = {area.x, area.y, area.w, total > fit ? room : area.h};
        for (size_t i = 0; i < fit; i++) {
            SDL_Rect cell = kit_grid_cell(cards, cols, rows, (int)i, gap);
            if (large) {
                find_card(p, content, ev, search->query, &content->meetings[found[i]], cell);
            } else {
                find_small_card(p, content, ev, search->query, &content->meetings[found[i]], cell);
            }
        }
    }
    if (total > fit) {
        char more[160];
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
        snprintf(more, sizeof more, ui_text(UI_EVENT_FIND_MORE, p->lang), (int)(total - fit)); /* %d */
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
        note(p, more, (SDL_Rect){area.x, area.y + area.h - more_h, area.w, more_h}, 1);
    }
}

/* One agenda row: the room (where its sessions begin on the page), the time, the title. */
static void agenda_row(Painter *p, const PlanEvent *ev, const Session *session, SDL_Rect row, bool room_shown)
{
    bool running = ev->now_known && session->span.starts <= ev->now && ev->now < session->span.ends;
    SDL_Rect inner = running ? row_card(p, row, true) : row_text_box(p, row);
    char when[32];
    local_span(ev, &session->span, when, sizeof when);
    int time_w = paint_text_width(p, "00:00–00:00", FONT_SEMIBOLD, p->m.size_body) + p->m.gap;
    int room_w = p->m.portrait ? 0 : inner.w / 4;
    TextStyle room = kit_style(FONT_BOLD, p->m.size_body, p->pal.text);
    room.max_lines = 1;
    room.middle = true;
    TextStyle time = kit_style(FONT_SEMIBOLD, p->m.size_body, running ? p->pal.accent : p->pal.muted);
    time.max_lines = 1;
    time.middle = true;
    TextStyle title = kit_style(FONT_REGULAR, p->m.size_body, p->pal.text);
    title.max_lines = p->m.portrait ? 1 : 2;
    title.middle = true;
    title.line_height = 1.1f;
    if (p->m.portrait) {
        /* The time (and the room, where it begins) above the title: the title keeps the row. */
        int line_h = p->m.size_body * 5 / 4;
        int top = inner.y + inner.h / 2 - line_h;
        time.line_height = room.line_height = title.line_height = 1.0f;
        paint_text(p, when, (SDL_Rect){inner.x, top, time_w, line_h}, time);
        if (room_shown) {
            paint_text(p, local_text(&session->room, p->lang),
                       (SDL_Rect){inner.x + time_w, top, inner.w - time_w, line_h}, room);
        }
        paint_text(p, local_text(&session->title, p->lang), (SDL_Rect){inner.x, top + line_h, inner.w, line_h},
                   title);
        return;
    }
    if (room_shown) {
        paint_text(p, local_text(&session->room, p->lang), (SDL_Rect){inner.x, inner.y, room_w - p->m.gap, inner.h},
                   room);
    }
    paint_text(p, when, (SDL_Rect){inner.x + room_w, inner.y, time_w, inner.h}, time);
    paint_text(p, local_text(&session->title, p->lang),
               (SDL_Rect){inner.x + room_w + time_w, inner.y, inner.w - room_w - time_w, inner.h}, title);
}

void event_booth_paint_agenda(Painter *p, const Content *content, const SlidePlan *plan, const PlannedSlide *slide)
{
    const PlanEvent *ev = &plan->event;
    if (!ev->event || slide->count < 1) {
        return;
    }
    kit_header(p, slide, local_text(&ev->event->name, p->lang), ui_text(UI_EVENT_AGENDA, p->lang));
    size_t *agenda = malloc((content->session_count ? content->session_count : 1) * sizeof *agenda);
    if (!agenda) {
        return;
    }
    size_t count = plan_event_agenda(plan, content, agenda, content->session_count);
    SDL_Rect body = p->m.body;
    int per_page = plan->members.capacity.agenda_rows > 0 ? plan->members.capacity.agenda_rows : 1;
    int gap = p->m.gap / 3;
    int natural = p->m.portrait ? p->m.size_body * 5 / 2 + p->m.gap : p->m.size_body * 2 + p->m.gap / 2;
    int row_h = (body.h + gap) / per_page - gap;
    row_h = row_h < natural ? row_h : natural;
    const Session *previous = NULL;
    for (int i = 0; i < slide->count && (size_t)(slide->first + i) < count; i++) {
        const Session *session = &content->sessions[agenda[slide->first + i]];
        SDL_Rect row = {body.x, body.y + i * (row_h + gap), body.w, row_h};
        bool new_room = !previous || strcmp(local_text(&previous->room, LANG_EN), local_text(&session->room, LANG_EN)) != 0;
        if (new_room && previous) {
            paint_fill(p, (SDL_Rect){row.x, row.y - gap / 2 - 1, row.w, 1}, p->pal.line);
        }
        agenda_row(p, ev, session, row, new_room);
        previous = session;
    }
    free(agenda);
}
