/* part_members.c — the members directory, a part of the running kiosk; see part_members.h.
 * The deck holds the filter, the search and the keyboard; this keeps the slide plan's MEMBERS
 * pages on them (members_tick), turns a drag along the page indicator into page jumps, lets
 * a physical keyboard type into the search in windowed mode, and logs what a visitor did:
 *   members: search "šav" (latin keyboard), all kinds: 3 of 200, page 1/1
 *   members: page of 17 "Example Brand Šavovi"
 * and, at debug level, the A–Z index ("members: index A 1, B 2, …": letter, page) and where
 * every touch target is (the end-to-end tests tap by them). */
#define _POSIX_C_SOURCE 200809L
#include "app/part_members.h"

#include "app/app_core.h"
#include "core/collate.h"
#include "core/deck_members.h"
#include "core/fold.h"
#include "core/hit.h"
#include "core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Members {
    bool scrubbing;           /* a finger drags along the page indicator... */
    HitRegion scrub;          /* ... that was here when it went down */
    uint32_t logged_revision; /* the members filter last logged */
    int logged_detail;        /* the member page last logged (0 at start, as before), -1 none */
    uint32_t targets_hash;    /* the touch targets last logged (debug level) */
} Members;

static const char *const KEYBOARD_NAMES[DECK_KEYBOARD_COUNT] = {"keyboard closed", "latin keyboard",
                                                                 "cyrillic keyboard"};

static void log_members(Members *self, App *app, const DeckFrame *frame)
{
    const DeckMembers *m = &frame->members;
    const SlidePlan *plan = app_core_plan(app);
    if (m->revision != self->logged_revision) {
        self->logged_revision = m->revision;
        DirectoryFilter filter = deck_members_filter(m, frame->lang);
        char kind[32] = "all kinds";
        if (m->kind != DIRECTORY_ALL_KINDS) {
            snprintf(kind, sizeof kind, "kind %d", m->kind);
        }
        int keyboard = (int)m->keyboard >= 0 && m->keyboard < DECK_KEYBOARD_COUNT ? (int)m->keyboard : 0;
        bool here = frame->slide.section == SECTION_MEMBERS;
        log_write(app_core_log(app), LOG_INFO, "members", "search \"%s\" (%s), %s: %d of %d, page %d/%d", m->query,
                  KEYBOARD_NAMES[keyboard], kind, directory_match_count(plan->members.directory, &filter),
                  directory_size(plan->members.directory), here ? frame->slide.page + 1 : 1,
                  plan->page_count[SECTION_MEMBERS]);
    }
    int detail = frame->slide.section == SECTION_MEMBERS ? frame->slide.detail : -1;
    if (detail != self->logged_detail) {
        self->logged_detail = detail;
        if (detail >= 0) {
            log_write(app_core_log(app), LOG_INFO, "members", "page of %d \"%s\"", detail,
                      directory_name(plan->members.directory, detail));
        }
    }
}

static void log_index(App *app, Lang lang)
{
    const DirectoryView *view = &app_core_plan(app)->members.view;
    Log *log = app_core_log(app);
    if (!log_enabled(log, LOG_DEBUG) || view->letter_count == 0) {
        return;
    }
    char line[LOG_LINE_MAX];
    size_t used = 0;
    line[0] = '\0';
    for (int i = 0; i < view->letter_count && used < sizeof line; i++) {
        int n = snprintf(line + used, sizeof line - used, "%s%s %d", i ? ", " : "",
                         collate_letter_label(lang, view->letters[i].letter), view->letters[i].page + 1);
        used += n > 0 ? (size_t)n : 0;
    }
    log_write(log, LOG_DEBUG, "members", "index %s", line);
}

static void *members_start(App *app, uint64_t now_ms)
{
    (void)app;
    (void)now_ms;
    return calloc(1, sizeof(Members));
}

static void members_stop(App *app, void *self)
{
    (void)app;
    free(self);
}

static void members_tick(App *app, void *self, uint64_t now_ms)
{
    const Content *content = app_core_content(app);
    SlidePlan *plan = app_core_plan(app);
    DeckFrame frame = {0};
    deck_frame(app_core_deck(app), now_ms, &frame);
    if (!content || frame.empty) {
        return;
    }
    if (!plan_members_current(plan, &frame.members, frame.lang)) {
        if (!plan_set_members(plan, &frame.members, frame.lang)) {
            log_write(app_core_log(app), LOG_ERROR, "members", "out of memory paging the members");
            return;
        }
        /* The cached slides show the old selection. */
        screen_set_content(app_core_screen(app), content, plan);
        app_core_redraw(app);
        log_index(app, frame.lang);
    }
    log_members(self, app, &frame);
}

bool part_members_gesture(App *app, GestureEvent g, uint64_t now_ms)
{
    Members *am = app_core_part(app, &part_members);
    Deck *deck = app_core_deck(app);
    switch (g.kind) {
    case GESTURE_DRAG:
        if (!am->scrubbing) {
            size_t count = 0;
            const HitRegion *hits = screen_hits(app_core_screen(app), &count);
            int down = hit_find(hits, count, g.x - g.dx, g.y - g.dy);
            if (down < 0 || hits[down].command.kind != DECK_CMD_SCRUB) {
                return false;
            }
            am->scrubbing = true;
            am->scrub = hits[down];
        }
        deck_command(deck, hit_command_at(&am->scrub, g.x), now_ms);
        return true;
    case GESTURE_SWIPE_LEFT:
    case GESTURE_SWIPE_RIGHT:
    case GESTURE_DRAG_END:
        if (!am->scrubbing) {
            return false;
        }
        /* Let go: the page under the finger, and no page turn for the swipe it made. */
        am->scrubbing = false;
        deck_command(deck, hit_command_at(&am->scrub, g.x), now_ms);
        return true;
    case GESTURE_NONE:
        return false;
    default:
        am->scrubbing = false;
        return false;
    }
}

static bool is_letter(uint32_t cp)
{
    char folded[FOLD_CODE_POINT_MAX];
    return !(cp >= '0' && cp <= '9') && fold_code_point(cp, folded) != FOLD_SEPARATOR;
}

/* Types text into the search, opening the keyboard for the first letter. */
static void type_text(Deck *deck, const char *text, bool typing, uint64_t now_ms)
{
    size_t length = strnlen(text, INPUT_TEXT_MAX);
    if (!utf8_valid(text, length, NULL)) {
        return;
    }
    size_t offset = 0;
    while (offset < length) {
        uint32_t cp = utf8_next(text, length, &offset);
        if (!typing && !is_letter(cp)) {
            continue; /* a digit or space outside the search is a key's job (sections, wake) */
        }
        if (!typing) {
            deck_command(deck, (DeckCommand){.kind = DECK_CMD_KEYBOARD_OPEN}, now_ms);
            typing = true;
        }
        deck_command(deck, (DeckCommand){.kind = DECK_CMD_TEXT_INPUT, .arg.codepoint = cp}, now_ms);
    }
}

bool part_members_key(App *app, const InputEvent *in, uint64_t now_ms)
{
    Deck *deck = app_core_deck(app);
    const SlidePlan *plan = app_core_plan(app);
    DeckFrame frame = {0};
    deck_frame(deck, now_ms, &frame);
    bool on_members = !frame.empty && frame.slide.section == SECTION_MEMBERS && frame.slide.detail < 0 &&
                      plan->members.directory && directory_size(plan->members.directory) > 0;
    /* "Find my meetings" on an event day types into the same search. */
    on_members = on_members || (!frame.empty && frame.slide.section == SECTION_EVENT &&
                                deck_members_takes_search(deck, frame.slide));
    bool typing = on_members && frame.members.keyboard != DECK_KEYBOARD_CLOSED;
    DeckCommand command = {.kind = DECK_CMD_NONE};
    switch (in->kind) {
    case INPUT_TEXT:
        if (on_members) {
            type_text(deck, in->text, typing, now_ms);
        }
        return true; /* text elsewhere: its key already did what it does */
    case INPUT_KEY_BACKSPACE:
        command.kind = DECK_CMD_TEXT_BACKSPACE;
        break;
    case INPUT_KEY_BACK:
        command.kind = DECK_CMD_KEYBOARD_CLOSE;
        break;
    case INPUT_KEY_SECTION:  /* the digit arrives as text */
    case INPUT_KEY_ACTIVATE: /* so does a space */
        return typing;
    default:
        return false;
    }
    if (!typing) {
        return false;
    }
    deck_command(deck, command, now_ms);
    return true;
}

static void members_drawn(App *app, void *self)
{
    Members *am = self;
    Log *log = app_core_log(app);
    if (!log_enabled(log, LOG_DEBUG)) {
        return;
    }
    size_t count = 0;
    const HitRegion *hits = screen_hits(app_core_screen(app), &count);
    uint32_t hash = 2166136261u ^ (uint32_t)count;
    for (size_t i = 0; i < count; i++) {
        const int fields[] = {hits[i].x, hits[i].y, hits[i].w, hits[i].h, (int)hits[i].command.kind,
                              hits[i].command.arg.index};
        for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++) {
            hash = (hash ^ (uint32_t)fields[f]) * 16777619u;
        }
    }
    if (hash == am->targets_hash) {
        return;
    }
    am->targets_hash = hash;
    log_write(log, LOG_DEBUG, "targets", "%zu touch targets", count);
    for (size_t i = 0; i < count; i++) {
        const HitRegion *r = &hits[i];
        char arg[16] = "";
        if (r->command.kind == DECK_CMD_TEXT_INPUT) {
            size_t n = utf8_encode(r->command.arg.codepoint, arg);
            arg[n] = '\0';
        } else {
            snprintf(arg, sizeof arg, "%d", r->command.arg.index);
        }
        log_write(log, LOG_DEBUG, "targets", "%s %s at %d,%d %dx%d", deck_command_name(r->command.kind), arg,
                  r->x, r->y, r->w, r->h);
    }
}

const Part part_members = {
    .name = "members",
    .start = members_start,
    .stop = members_stop,
    .tick_when = PART_TICK_AWAKE,
    .tick = members_tick,
    .drawn = members_drawn,
};
