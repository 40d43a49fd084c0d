/* deck_members.h — the MEMBERS section's filter, search and on-screen keyboard, as the deck
 * (deck.c) keeps them: which kind of member is shown, the query typed, the keyboard's layout,
 * and the pages they select from the outline's directory (core/directory.h). deck.h describes
 * what a visitor sees; deck_command() passes the members commands on to the functions here.
 * Everything but deck_members_filter() is for deck.c: the app and render use deck.h.
 * Pure: no I/O, no clock. */
#ifndef FACTS_CORE_DECK_MEMBERS_H
#define FACTS_CORE_DECK_MEMBERS_H

#include "core/deck_types.h"
#include "core/directory.h"
#include "core/lang.h"

/* The members filter as the directory takes it, in lang (query borrowed from members). */
DirectoryFilter deck_members_filter(const DeckMembers *members, Lang lang);

/* No filter, no query, keyboard closed; the revision moves on. */
void deck_members_reset(DeckMembers *members);

/* The filter of the members shown now: deck's members in deck's language. */
DirectoryFilter deck_members_current_filter(const Deck *deck);

/* Tiles on a MEMBERS page: fewer while the keyboard is open. */
int deck_members_per_page(const Deck *deck);

/* Recounts MEMBERS pages after the filter, the language or the outline changed. */
void deck_members_refresh(Deck *deck);

/* A MEMBERS page beyond the last (the language reorders, the filter narrows): the last. */
void deck_members_clamp_page(Deck *deck);

/* Closes the keyboard (the query stays) and recounts the pages. No-op when it is closed. */
void deck_members_close_keyboard(Deck *deck);

/* DECK_CMD_FILTER_KIND: shows only kind (DIRECTORY_ALL_KINDS: all; the kind already chosen:
 * all again). Ignored off a MEMBERS page or for a kind the directory does not have. */
void deck_members_filter_kind(Deck *deck, int kind);

/* True when slide is a page the search types on: a MEMBERS page (not a detail) or, when
 * the outline has it, EVENT's "Find my meetings" (its first page), which finds a company's
 * meetings with the same query and keyboard. */
bool deck_members_takes_search(const Deck *deck, SlideRef slide);

/* DECK_CMD_KEYBOARD_OPEN, _CLOSE and _LAYOUT on a page that takes the search; ignored
 * elsewhere. */
void deck_members_keyboard_command(Deck *deck, DeckCommand command);

/* DECK_CMD_TEXT_INPUT, _BACKSPACE and _CLEAR on the query, on a page that takes the search; a character
 * that cannot be typed, a second space or a query that would not fit is ignored. */
void deck_members_text_command(Deck *deck, DeckCommand command);

#endif
