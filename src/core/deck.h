/* deck.h — the navigation state machine: which slide is on screen, in which
 * language, in which mode, and which transition is running. Time only arrives
 * as now_ms arguments, so a test replays any visit with a scripted clock.
 *
 * Start reading at deck_init(), then the loop the app runs:
 *   deck_command() for each recognised input, deck_tick() when woken,
 *   deck_frame() to learn what to draw, deck_next_deadline_ms() to know how
 *   long it may sleep, deck_revision() to skip redraws when nothing changed.
 *
 * Decisions a visitor notices:
 * - ATTRACT shows every page of every non-empty section in order, forever.
 *   INTERACTIVE (booth only) starts on the slide that was touched.
 * - NEXT_PAGE / PREV_PAGE turn the pages of the current section. At its first
 *   or last page the page resists instead: a drag past the end follows the
 *   finger less and less (rubber band) and springs back, and a swipe or key
 *   there bounces, so the visitor sees the end rather than being moved to
 *   another section unasked (the section bar changes sections). With a brand
 *   detail open they browse the brands instead, wrapping.
 * - A drag released without turning the page springs back to rest.
 * - Opening a brand detail grows the tile into the page; Back shrinks it.
 * - With a story open, NEXT_PAGE / PREV_PAGE browse the stories (wrapping); with a
 *   text detail open (the whole text of a card that was shortened) they leave it for
 *   the neighbouring page.
 * - BACK closes a detail and returns to the page it was opened from, however
 *   far the visitor browsed inside. Details stay open longer without a touch
 *   (detail_idle_ms): someone reading is not thrown out mid-sentence.
 * - A detail scrolls with the finger (SCROLL, SCROLL_END; see core/scroll.h):
 *   the deck owns its scroll position, every new slide starts at the top.
 * - Returning to ATTRACT (idle timeout or the ATTRACT command) restarts the
 *   loop at its first slide in the configured start language, so the next
 *   visitor does not inherit the last one's choices (nor their search). Before
 *   an idle timeout a "Still there?" warning counts down (the last
 *   idle_warning_ms); the first visitor command while it shows only dismisses
 *   it. An open detail waits longer (detail_idle_ms).
 * - MEMBERS is a directory (core/directory.h) when the outline has one: a kind
 *   filter, a search query typed on the on-screen keyboard, and pages of what
 *   they select, in the order of the language shown. Changing the filter or
 *   the query, or opening or closing the keyboard, shows the first page at
 *   once (results follow every key). Leaving MEMBERS closes the keyboard; the
 *   filter and query stay until the visitor clears them or the deck returns
 *   to ATTRACT. A brand detail then browses the selected members, and BACK
 *   returns to the page that holds the one shown.
 * Pure: no I/O, no clock. */
#ifndef FACTS_CORE_DECK_H
#define FACTS_CORE_DECK_H

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
    /* The contact form (core/lead_form.h, app_leads.c): arg.index = LeadFormAction. The app
     * takes it; to the deck it is a touch like WAKE. */
    DECK_CMD_LEAD_FORM,
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
    uint32_t revision;
} Deck;

/* Defaults for a profile: 8 s slides, 45 s idle (135 s on a detail), 600 ms transitions, lobby
 * rotates language every 2 cycles, English first. Never fails. */
DeckConfig deck_config_default(DeckProfile profile);

/* Starts the deck in ATTRACT on the first slide of the first non-empty
 * section. outline and config are copied (NULL config → booth defaults, NULL
 * outline → empty deck); zero durations are replaced by defaults. An empty
 * deck is valid: deck_frame() reports empty and the deck waits for
 * deck_set_outline(). Never fails. */
void deck_init(Deck *deck, const DeckOutline *outline, const DeckConfig *config,
               uint64_t now_ms);

/* Swaps in a new outline (new content pack) without leaving the current mode
 * or language. The current slide stays if it still exists; otherwise the deck
 * crossfades to the first slide. NULL is treated as an empty outline. */
void deck_set_outline(Deck *deck, const DeckOutline *outline, uint64_t now_ms);

/* Applies one command (see DeckCommandKind). In a booth, a navigation command
 * that arrives in ATTRACT first wakes the deck and then applies; every
 * command in INTERACTIVE resets the idle timer, and while the idle warning
 * shows, any command but ATTRACT only dismisses it. In a lobby only SET_LANG and
 * ATTRACT act; everything a visitor could send is ignored. Invalid arguments
 * (empty or out-of-range section, detail index out of range, detail outside
 * MEMBERS, unknown language) are ignored apart from waking the deck. */
void deck_command(Deck *deck, DeckCommand command, uint64_t now_ms);

/* Advances time: ends finished transitions, moves the attract loop on (with a
 * crossfade, rotating the language every lang_rotate_cycles cycles), and
 * returns to ATTRACT after idle_ms without a command (with a fade). Call it
 * when deck_next_deadline_ms() has passed; calling it more often is harmless.
 * A late call advances at most one slide and keeps the loop's rhythm when
 * less than one slide period late. */
void deck_tick(Deck *deck, uint64_t now_ms);

/* Fills *out with what to draw at now_ms. Does not change the deck, so the
 * transition progress is exact even if deck_tick() has not run yet. */
void deck_frame(const Deck *deck, uint64_t now_ms, DeckFrame *out);

/* The moment the main loop must wake next: now + frame_ms while a transition
 * or spring runs (never past its end), otherwise the next slide change or
 * indicator step (attract) or the idle warning, countdown step or timeout
 * (interactive). UINT64_MAX when nothing
 * will ever happen on its own (an empty lobby deck). Never earlier than now. */
uint64_t deck_next_deadline_ms(const Deck *deck, uint64_t now_ms);

/* The slide the attract loop moves on to by itself, in the language it will show (the
 * language turns on the wrap that ends every lang_rotate_cycles-th cycle), and when: true
 * in ATTRACT; false when the deck does not move on by itself (interactive: the visitor's next
 * move is unknown; an empty deck). Lets the display paint that slide shortly before it is
 * needed instead of holding it for the whole slide. */
bool deck_next_attract_slide(const Deck *deck, SlideRef *slide, Lang *lang, uint64_t *at_ms);

/* Incremented whenever something visible changes (slide, language, mode,
 * transition start or end, indicator step, drag, spring start or end, idle
 * warning and each countdown second). While a transition or spring runs every
 * frame differs, so redraw when frame.transition != TRANSITION_NONE,
 * frame.springing, or the revision moved. */
uint32_t deck_revision(const Deck *deck);

/* What slide.detail opens there (DETAIL_NONE when detail < 0 or the section is invalid). */
DetailKind deck_detail_kind(SlideRef slide);

/* Tells the deck how far the slide ref (as drawn) scrolls: content length minus the
 * visible length viewport_px. Ignored unless ref is the slide on screen; a change of
 * value counts as a visible change. */
void deck_set_scroll_extent(Deck *deck, SlideRef ref, float extent_px, float viewport_px, uint64_t now_ms);

/* Short English name for logs and tests: "about", "members", ... "" if out of range. */
const char *deck_section_name(SectionId section);

/* The members filter as the directory takes it, in lang (query borrowed from members). */
DirectoryFilter deck_members_filter(const DeckMembers *members, Lang lang);

/* Short name of a command kind for logs: "open-detail", "text-input"... "" if out of range. */
const char *deck_command_name(DeckCommandKind kind);

#endif
