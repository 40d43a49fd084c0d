/* deck_members.c — the MEMBERS section's filter, search and keyboard; see deck_members.h.
 * deck.c calls these from deck_command() and whenever the language or the outline changes. */
#include "core/deck_members.h"

#include "core/utf8.h"

#include <string.h>

DirectoryFilter deck_members_filter(const DeckMembers *members, Lang lang)
{
    return (DirectoryFilter){.kind = members->kind, .query = members->query, .lang = lang};
}

void deck_members_reset(DeckMembers *members)
{
    uint32_t revision = members->revision;
    memset(members, 0, sizeof *members);
    members->kind = DIRECTORY_ALL_KINDS;
    members->revision = revision + 1;
}

DirectoryFilter deck_members_current_filter(const Deck *deck)
{
    return deck_members_filter(&deck->members, deck->lang);
}

int deck_members_per_page(const Deck *deck)
{
    return deck->members.keyboard != DECK_KEYBOARD_CLOSED ? deck->outline.members_per_page_typing
                                                          : deck->outline.members_per_page;
}

void deck_members_refresh(Deck *deck)
{
    if (!deck->outline.directory) {
        deck->member_pages = 0;
        return;
    }
    DirectoryFilter filter = deck_members_current_filter(deck);
    deck->member_pages = directory_page_count(deck->outline.directory, &filter, deck_members_per_page(deck));
}

static bool on_members_page(const Deck *deck)
{
    return deck->outline.directory && deck->slide.section == SECTION_MEMBERS && deck->slide.detail < 0 &&
           deck->member_pages > 0;
}

bool deck_members_takes_search(const Deck *deck, SlideRef slide)
{
    if (slide.detail >= 0) {
        return false;
    }
    return slide.section == SECTION_MEMBERS ||
           (slide.section == SECTION_EVENT && slide.page == 0 && deck->outline.event_search &&
            deck->outline.pages[SECTION_EVENT] > 0);
}

/* On a page the search types on: a members page with members, or "Find my meetings". */
static bool on_search_page(const Deck *deck)
{
    return on_members_page(deck) || (deck->slide.section == SECTION_EVENT && deck_members_takes_search(deck, deck->slide));
}

void deck_members_clamp_page(Deck *deck)
{
    if (deck->slide.section == SECTION_MEMBERS && deck->slide.page >= deck->member_pages &&
        deck->outline.directory) {
        deck->slide.page = deck->member_pages > 0 ? deck->member_pages - 1 : 0;
    }
}

/* The members view changed: its first page shows at once (no transition: results follow
 * every key). */
static void members_changed(Deck *deck)
{
    deck->members.revision++;
    deck_members_refresh(deck);
    deck->slide.page = 0;
    deck->revision++;
}

void deck_members_close_keyboard(Deck *deck)
{
    if (deck->members.keyboard == DECK_KEYBOARD_CLOSED) {
        return;
    }
    deck->members.keyboard = DECK_KEYBOARD_CLOSED;
    deck->members.revision++;
    deck_members_refresh(deck);
    deck_members_clamp_page(deck);
}

void deck_members_filter_kind(Deck *deck, int kind)
{
    bool valid = kind == DIRECTORY_ALL_KINDS || directory_has_kind(deck->outline.directory, kind);
    if (!on_members_page(deck) || !valid) {
        return;
    }
    /* The chip of the kind already chosen turns the filter off again. */
    deck->members.kind = kind == deck->members.kind ? DIRECTORY_ALL_KINDS : kind;
    members_changed(deck);
}

static DeckKeyboard keyboard_for(Lang lang)
{
    return lang == LANG_SR_CYRL ? DECK_KEYBOARD_CYRILLIC : DECK_KEYBOARD_LATIN;
}

void deck_members_keyboard_command(Deck *deck, DeckCommand command)
{
    if (!on_search_page(deck)) {
        return;
    }
    int layout = command.arg.index;
    switch (command.kind) {
    case DECK_CMD_KEYBOARD_OPEN:
        if (deck->members.keyboard != DECK_KEYBOARD_CLOSED) {
            return;
        }
        deck->members.keyboard = layout == DECK_KEYBOARD_LATIN || layout == DECK_KEYBOARD_CYRILLIC
                                     ? (DeckKeyboard)layout
                                     : keyboard_for(deck->lang);
        members_changed(deck);
        return;
    case DECK_CMD_KEYBOARD_CLOSE:
        if (deck->members.keyboard != DECK_KEYBOARD_CLOSED) {
            deck_members_close_keyboard(deck);
            deck->slide.page = 0;
            deck->revision++;
        }
        return;
    case DECK_CMD_KEYBOARD_LAYOUT:
        if (deck->members.keyboard != DECK_KEYBOARD_CLOSED && deck->members.keyboard != (DeckKeyboard)layout &&
            (layout == DECK_KEYBOARD_LATIN || layout == DECK_KEYBOARD_CYRILLIC)) {
            deck->members.keyboard = (DeckKeyboard)layout;
            deck->members.revision++;
            deck->revision++;
        }
        return;
    default:
        return;
    }
}

/* A code point a visitor may type: printable, not a control, not a surrogate. */
static bool typeable(uint32_t cp)
{
    return cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0) && !(cp >= 0xD800 && cp <= 0xDFFF) &&
           cp <= 0x10FFFF;
}

void deck_members_text_command(Deck *deck, DeckCommand command)
{
    if (!on_search_page(deck)) {
        return;
    }
    char *query = deck->members.query;
    size_t length = strlen(query);
    switch (command.kind) {
    case DECK_CMD_TEXT_INPUT: {
        uint32_t cp = command.arg.codepoint;
        bool pointless_space = cp == ' ' && (length == 0 || query[length - 1] == ' ');
        char bytes[4];
        size_t n = typeable(cp) ? utf8_encode(cp, bytes) : 0;
        if (n == 0 || pointless_space || length + n + 1 > sizeof deck->members.query) {
            return;
        }
        memcpy(query + length, bytes, n);
        query[length + n] = '\0';
        break;
    }
    case DECK_CMD_TEXT_BACKSPACE:
        if (length == 0) {
            return;
        }
        while (length > 0 && ((unsigned char)query[length - 1] & 0xC0) == 0x80) {
            length--; /* continuation bytes of the last code point */
        }
        query[length > 0 ? length - 1 : 0] = '\0';
        break;
    case DECK_CMD_TEXT_CLEAR:
        if (length == 0) {
            return;
        }
        query[0] = '\0';
        break;
    default:
        return;
    }
    members_changed(deck);
}
