/* deck_types.h — the plain data of the navigation state machine: sections, commands and
 * their arguments, the outline of the content, the configuration, slide references, the
 * frame the renderer draws and the Deck itself. What acts on them is in deck.h (and, for the
 * MEMBERS section's filter, search and keyboard, deck_members.h); the rules a visitor sees
 * are described there. */
#ifndef FACTS_CORE_DECK_TYPES_H
#define FACTS_CORE_DECK_TYPES_H

#include "core/directory.h"
#include "core/lang.h"
#include "core/spring.h"
#include "core/scroll.h"

#include <stdbool.h>
#include <stdint.h>

typedef enum SectionId {
    SECTION_ABOUT = 0,
    SECTION_MEMBERS,
    SECTION_STORIES,
    SECTION_COOPERATION,
    SECTION_CONTACT,
    SECTION_EVENT, /* the booth on an event's days: "Find my meetings" and the agenda */
    SECTION_COUNT
} SectionId;

typedef enum DeckProfile {
    DECK_PROFILE_BOOTH = 0, /* visitors touch it: attract + interactive */
    DECK_PROFILE_LOBBY,     /* behind glass: attract only, touches ignored */
} DeckProfile;

typedef enum DeckMode {
    DECK_MODE_ATTRACT = 0,
    DECK_MODE_INTERACTIVE,
} DeckMode;

typedef enum TransitionKind {
    TRANSITION_NONE = 0,
    TRANSITION_CROSSFADE,       /* attract slide change, detail open/close */
    TRANSITION_SLIDE_LEFT,      /* new slide enters from the right (forward) */
    TRANSITION_SLIDE_RIGHT,     /* new slide enters from the left (backward) */
    TRANSITION_FADE_TO_ATTRACT, /* interactive → attract: chrome fades out too */
    TRANSITION_GROW,            /* detail open: its tile on `from` grows into the page */
    TRANSITION_SHRINK,          /* detail close: the page shrinks into its tile */
} TransitionKind;

typedef enum DeckCommandKind {
    DECK_CMD_NONE = 0,
    DECK_CMD_WAKE,         /* any touch: booth enters interactive */
    DECK_CMD_NEXT_PAGE,    /* swipe left / next arrow */
    DECK_CMD_PREV_PAGE,    /* swipe right / previous arrow */
    DECK_CMD_GOTO_SECTION, /* section bar; arg.section */
    DECK_CMD_OPEN_DETAIL,  /* a brand tile (MEMBERS), a story card (STORIES) or a
                              shortened card (other sections); arg.index */
    DECK_CMD_BACK,         /* closes an open detail */
    DECK_CMD_SET_LANG,     /* language switch; arg.lang */
    DECK_CMD_ATTRACT,      /* back to the attract loop now */
    DECK_CMD_DRAG,         /* finger dragging horizontally; arg.drag_px */
    DECK_CMD_DRAG_END,     /* drag released without a page move: spring back */
    DECK_CMD_READ_ALOUD,   /* speaker button: the app reads the page; to the deck a touch like WAKE */
    DECK_CMD_SCROLL,       /* finger dragging vertically on a detail; arg.drag_px:
                              its offset from where it went down */
    DECK_CMD_SCROLL_END,   /* that finger lifted: the page glides on */
    DECK_CMD_GOTO_PAGE,    /* page indicator, A–Z index: arg.index = page of the current section */
    /* A page indicator's touch target (hit.h): hit_test() turns a point on it into
     * GOTO_PAGE; arg.index = the pages it spans. deck_command() ignores it. */
    DECK_CMD_SCRUB,
    DECK_CMD_FILTER_KIND,  /* members: arg.index = kind, DIRECTORY_ALL_KINDS for all; again = all */
    DECK_CMD_KEYBOARD_OPEN,  /* members search: arg.index = DeckKeyboard, CLOSED = the language's */
    DECK_CMD_KEYBOARD_CLOSE, /* hides the keyboard, keeps the query */
    DECK_CMD_KEYBOARD_LAYOUT, /* arg.index = DeckKeyboard (LATIN or CYRILLIC) */
    DECK_CMD_TEXT_INPUT,   /* arg.codepoint appended to the text being typed (the members query) */
    DECK_CMD_TEXT_BACKSPACE, /* removes the last character typed */
    DECK_CMD_TEXT_CLEAR,   /* empties the text */
    /* The contact form (core/lead_form.h, part_leads.c): arg.index = LeadFormAction. The app
     * takes it; to the deck it is a touch like WAKE. */
    DECK_CMD_LEAD_FORM,
    /* A story a member's page names: arg.index = the story's visible index. Opens its page
     * (STORIES); Back from it returns to the member. Only from a member's page. */
    DECK_CMD_OPEN_STORY,
    DECK_CMD_KIND_COUNT
} DeckCommandKind;

/* The on-screen keyboard: closed, or open with a layout. */
typedef enum DeckKeyboard {
    DECK_KEYBOARD_CLOSED = 0,
    DECK_KEYBOARD_LATIN,
    DECK_KEYBOARD_CYRILLIC,
    DECK_KEYBOARD_COUNT
} DeckKeyboard;

/* A command and its argument. Build with designated initialisers:
 *   (DeckCommand){.kind = DECK_CMD_GOTO_SECTION, .arg.section = SECTION_CONTACT} */
typedef struct DeckCommand {
    DeckCommandKind kind;
    union {
        SectionId section; /* GOTO_SECTION */
        int index;         /* OPEN_DETAIL: see DetailKind */
        Lang lang;         /* SET_LANG */
        float drag_px;     /* DRAG, SCROLL: finger offset from where it went down */
        uint32_t codepoint; /* TEXT_INPUT: a Unicode code point */
    } arg;
} DeckCommand;

enum { DECK_MAX_PAGES = 64 }; /* pages per section the outline describes blocks of */

/* What the content holds, as far as navigation cares. Negative counts are
 * treated as 0; a section with 0 pages is skipped everywhere. */
typedef struct DeckOutline {
    int pages[SECTION_COUNT];
    int member_details; /* brand details reachable from MEMBERS tiles */
    int story_details;  /* story pages reachable from STORIES cards */
    /* Texts on each page of the other sections that a text detail can show
     * whole (MEMBERS and STORIES pages: unused). */
    unsigned char blocks[SECTION_COUNT][DECK_MAX_PAGES];
    /* Optional (NULL: MEMBERS is pages[SECTION_MEMBERS] pages of member_details brands).
     * Borrowed: it must outlive its use by the deck (until the next deck_set_outline()).
     * With it, MEMBERS has the pages the members filter makes (at least one while the
     * directory has members), member_details is its size and details are its members. */
    const Directory *directory;
    int members_per_page;        /* tiles on a MEMBERS page (< 1 counts as 1) */
    int members_per_page_typing; /* ... while the keyboard is open (< 1: members_per_page) */
    /* EVENT's first page is "Find my meetings": the members search (query and keyboard)
     * types there too (deck_members.h). */
    bool event_search;
} DeckOutline;

/* What SlideRef.detail >= 0 opens, by the section it is in. */
typedef enum DetailKind {
    DETAIL_NONE = 0, /* detail < 0: the page itself */
    DETAIL_MEMBER,   /* MEMBERS: brand detail, index 0..member_details-1 */
    DETAIL_STORY,    /* STORIES: story detail, index 0..story_details-1 */
    DETAIL_TEXT,     /* elsewhere: text block 0..blocks[section][page]-1 of the page */
} DetailKind;

enum { DECK_QUERY_MAX = 48 }; /* bytes of a search query, its terminating NUL included */

/* The MEMBERS section's filter, search and keyboard. */
typedef struct DeckMembers {
    int kind;                  /* DIRECTORY_ALL_KINDS or one kind */
    char query[DECK_QUERY_MAX]; /* UTF-8, as typed */
    DeckKeyboard keyboard;
    uint32_t revision;         /* moves whenever kind, query or keyboard change */
} DeckMembers;

enum {
    DECK_DEFAULT_SLIDE_MS = 8000,
    DECK_DEFAULT_IDLE_MS = 45000,
    DECK_DEFAULT_TRANSITION_MS = 600,
    DECK_DEFAULT_FRAME_MS = 16,        /* ~60 fps while something animates */
    DECK_DEFAULT_LANG_ROTATE_CYCLES = 2,
    DECK_DEFAULT_PROGRESS_STEPS = 8,   /* indicator redraws per slide */
    DECK_DEFAULT_IDLE_WARNING_MS = 10000,
    DECK_DEFAULT_SPRING_MS = 320,      /* a released page comes to rest */
    DECK_DEFAULT_EDGE_PX = 120,        /* farthest a page moves past its section's end */
};

typedef struct DeckConfig {
    DeckProfile profile;
    uint32_t slide_ms;         /* how long an attract slide stays; 0 → default */
    uint32_t idle_ms;          /* interactive → attract after this; 0 → default */
    uint32_t detail_idle_ms;   /* the same while a detail is open; 0 → 2 x idle_ms
                                  (never shorter than idle_ms) */
    uint32_t transition_ms;    /* 0 = cut without animation; capped at slide_ms */
    uint32_t frame_ms;         /* wake interval while animating; 0 → default */
    /* Attract loop: next language after this many full cycles; 0 = never.
     * Applies to attract mode in either profile (defaults: lobby 2, booth 0). */
    uint32_t lang_rotate_cycles;
    /* The attract progress indicator advances in this many steps per slide,
     * so an idle kiosk wakes only that often; 0 = no indicator. */
    uint32_t progress_steps;
    Lang start_lang;           /* out of range → LANG_EN */
    /* "Still there?" shows this long before an idle timeout; 0 → default (10 s). At most
     * half the timeout (core/idle.h). */
    uint32_t idle_warning_ms;
    uint32_t spring_ms;        /* spring back and edge bounce; 0 → default */
    float edge_px;             /* rubber-band limit past a section's end; <= 0 → default */
} DeckConfig;

/* Which slide: page within a section, and an open detail (see DetailKind) or -1.
 * While a detail is open, page stays the page it was opened from, so BACK
 * returns there. */
typedef struct SlideRef {
    SectionId section;
    int page;
    int detail;
} SlideRef;

/* Everything the renderer needs for one frame. */
typedef struct DeckFrame {
    bool empty;              /* no pages at all: draw a placeholder (only mode, lang, revision are set) */
    DeckMode mode;
    SlideRef slide;
    Lang lang;
    int section_pages;       /* pages in slide.section (for page dots) */
    TransitionKind transition; /* TRANSITION_NONE when none is running */
    SlideRef from;           /* previous slide while a transition runs */
    Lang from_lang;          /* its language (the lobby rotates languages) */
    float progress;          /* eased 0..1 while a transition runs, else 1 */
    float attract_progress;  /* 0..1 of the current attract slide, stepped */
    bool show_progress;      /* attract mode with an indicator configured */
    bool show_chrome;        /* section bar, language switch, page dots */
    float drag_px;           /* horizontal page offset: the finger's, resisted past a
                                section's end, or springing back to 0 */
    float transition_from_px; /* a SLIDE transition begins where the finger let go */
    bool has_peek;           /* a drag reveals a neighbour: */
    SlideRef peek;           /*   next slide when drag_px < 0, previous when > 0 */
    bool springing;          /* drag_px is a spring-back or bounce in flight */
    bool edge_bounce;        /*   ... of a page pushed past its section's end */
    bool idle_warning;       /* "Still there?" shows, */
    uint32_t idle_seconds_left; /* with this many seconds to go (10 … 1) */
    float scroll_px;         /* how far the slide is scrolled (0: at its top) */
    float scroll_extent;     /* how far it can scroll (deck_set_scroll_extent) */
    bool scroll_active;      /* a finger holds it or it still glides */
    float from_scroll_px;    /* the scroll of `from` when the transition began */
    DeckMembers members;     /* the members filter, search and keyboard */
    uint32_t revision;       /* same as deck_revision() */
} DeckFrame;

/* Internal state; read it through the functions below. Plain data, no heap:
 * copy, zero or drop it freely. */
typedef struct Deck {
    DeckOutline outline;
    DeckConfig config;
    DeckMode mode;
    SlideRef slide;
    Lang lang;
    uint64_t slide_start_ms;   /* attract: when the current slide appeared */
    uint64_t last_input_ms;    /* interactive: for the idle timeout */
    uint32_t cycles;           /* attract cycles completed since entering attract */
    TransitionKind transition;
    SlideRef from;
    Lang from_lang;
    uint64_t transition_start_ms;
    float drag_px;
    float transition_from_px;  /* drag offset when the running slide transition began */
    Spring spring;             /* a released page coming to rest */
    bool spring_is_bounce;     /*   pushed past its section's end */
    uint32_t idle_step;        /* last countdown second seen by deck_tick (0: no warning) */
    uint32_t progress_step;    /* last indicator step seen by deck_tick */
    Scroll scroll;             /* of the slide on screen */
    float from_scroll_px;      /* scroll of the slide the running transition left */
    DeckMembers members;
    int member_pages;          /* MEMBERS pages for members and lang (with a directory) */
    SlideRef story_from;       /* the member's page a story was opened from (OPEN_STORY) */
    bool story_from_set;       /*   set until another slide is shown */
    uint32_t revision;
} Deck;

#endif
