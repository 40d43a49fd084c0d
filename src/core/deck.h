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

#include "core/deck_members.h" /* deck_members_filter() */
#include "core/deck_types.h"

#include <stdbool.h>
#include <stdint.h>

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

/* Short name of a command kind for logs: "open-detail", "text-input"... "" if out of range. */
const char *deck_command_name(DeckCommandKind kind);

#endif
