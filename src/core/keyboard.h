/* keyboard.h — the on-screen keyboard's layouts and what each key sends: Serbian Latin
 * (QWERTZ with Š Đ Č Ć Ž) and Serbian Cyrillic (Љ Њ Е Р Т З …), each with a key to switch
 * to the other, backspace, clear, space and done, and a row of digits above either layout
 * for a search (member names hold numbers: "Example Brand 137"). Any text field uses it: keys send the
 * deck's TEXT_* and KEYBOARD_* commands, which edit the text being typed. The painter
 * (render/keyboard.h) lays the rows out; this file only decides what they hold.
 * Pure: no I/O. */
#ifndef FACTS_CORE_KEYBOARD_H
#define FACTS_CORE_KEYBOARD_H

#include "core/deck.h"
#include "core/lang.h"

#include <stddef.h>
#include <stdint.h>

typedef enum KeyAction {
    KEY_CHARACTER = 0, /* types codepoint */
    KEY_SPACE,
    KEY_BACKSPACE,
    KEY_CLEAR,
    KEY_SWITCH,        /* to the other layout */
    KEY_DONE,          /* closes the keyboard, keeps the text */
} KeyAction;

typedef struct KeyboardKey {
    KeyAction action;
    uint32_t codepoint; /* KEY_CHARACTER: lower case */
    int width;          /* in half keys: a letter is 2; every row adds up to KEYBOARD_ROW_WIDTH */
} KeyboardKey;

enum {
    KEYBOARD_ROWS = 4,
    KEYBOARD_ROW_WIDTH = 24, /* half keys: twelve letters */
    KEYBOARD_MAX_ROW_KEYS = 12,
    KEYBOARD_LABEL_MAX = 32,
    KEYBOARD_DIGIT_KEYS = 10, /* 1 2 … 9 0, a letter's width each, centred in the row */
};

/* The keys of row (0..KEYBOARD_ROWS-1) of layout (LATIN or CYRILLIC), left to right, and
 * their number in *count. NULL (count 0) for anything else. */
const KeyboardKey *keyboard_row(DeckKeyboard layout, int row, int *count);

/* The digit keys, 1 to 9 then 0 as on a computer's keyboard, the same for both layouts;
 * KEYBOARD_DIGIT_KEYS of them in *count. A screen that wants digits paints this row above
 * keyboard_row()'s (render/keyboard.h). */
const KeyboardKey *keyboard_digit_row(int *count);

/* The command a tap on key sends. */
DeckCommand keyboard_command(const KeyboardKey *key, DeckKeyboard layout);

/* What key shows, in lang: the capital letter, "⌫", "ABC" / "АБВ" for the other layout,
 * or the words for space, clear and done. */
void keyboard_label(const KeyboardKey *key, DeckKeyboard layout, Lang lang, char *out, size_t size);

#endif
