/* keyboard.c — the two layouts and their keys; see keyboard.h. */
#include "core/keyboard.h"

#include "core/fold.h"
#include "core/ui_text.h"
#include "core/utf8.h"

#include <stdio.h>

#define LETTER(cp) {KEY_CHARACTER, (cp), 2}

static const KeyboardKey LATIN_ROWS[KEYBOARD_ROWS][KEYBOARD_MAX_ROW_KEYS] = {
    {LETTER('q'), LETTER('w'), LETTER('e'), LETTER('r'), LETTER('t'), LETTER('z'), LETTER('u'), LETTER('i'),
     LETTER('o'), LETTER('p'), LETTER(0x161), LETTER(0x111)},
    {LETTER('a'), LETTER('s'), LETTER('d'), LETTER('f'), LETTER('g'), LETTER('h'), LETTER('j'), LETTER('k'),
     LETTER('l'), LETTER(0x10D), LETTER(0x107), LETTER(0x17E)},
    {{KEY_SWITCH, 0, 5}, LETTER('y'), LETTER('x'), LETTER('c'), LETTER('v'), LETTER('b'), LETTER('n'), LETTER('m'),
     {KEY_BACKSPACE, 0, 5}},
    {{KEY_CLEAR, 0, 6}, {KEY_SPACE, ' ', 12}, {KEY_DONE, 0, 6}},
};
static const int LATIN_COUNTS[KEYBOARD_ROWS] = {12, 12, 9, 3};

static const KeyboardKey CYRILLIC_ROWS[KEYBOARD_ROWS][KEYBOARD_MAX_ROW_KEYS] = {
    {LETTER(0x459), LETTER(0x45A), LETTER(0x435), LETTER(0x440), LETTER(0x442), LETTER(0x437), LETTER(0x443),
     LETTER(0x438), LETTER(0x43E), LETTER(0x43F), LETTER(0x448), LETTER(0x452)},
    {LETTER(0x430), LETTER(0x441), LETTER(0x434), LETTER(0x444), LETTER(0x433), LETTER(0x445), LETTER(0x458),
     LETTER(0x43A), LETTER(0x43B), LETTER(0x447), LETTER(0x45B), LETTER(0x436)},
    {{KEY_SWITCH, 0, 6}, LETTER(0x45F), LETTER(0x446), LETTER(0x432), LETTER(0x431), LETTER(0x43D), LETTER(0x43C),
     {KEY_BACKSPACE, 0, 6}},
    {{KEY_CLEAR, 0, 6}, {KEY_SPACE, ' ', 12}, {KEY_DONE, 0, 6}},
};
static const int CYRILLIC_COUNTS[KEYBOARD_ROWS] = {12, 12, 8, 3};

static const KeyboardKey DIGIT_ROW[KEYBOARD_DIGIT_KEYS] = {
    LETTER('1'), LETTER('2'), LETTER('3'), LETTER('4'), LETTER('5'),
    LETTER('6'), LETTER('7'), LETTER('8'), LETTER('9'), LETTER('0'),
};

const KeyboardKey *keyboard_digit_row(int *count)
{
    *count = KEYBOARD_DIGIT_KEYS;
    return DIGIT_ROW;
}

const KeyboardKey *keyboard_row(DeckKeyboard layout, int row, int *count)
{
    *count = 0;
    if (row < 0 || row >= KEYBOARD_ROWS) {
        return NULL;
    }
    if (layout == DECK_KEYBOARD_LATIN) {
        *count = LATIN_COUNTS[row];
        return LATIN_ROWS[row];
    }
    if (layout == DECK_KEYBOARD_CYRILLIC) {
        *count = CYRILLIC_COUNTS[row];
        return CYRILLIC_ROWS[row];
    }
    return NULL;
}

static DeckKeyboard other_layout(DeckKeyboard layout)
{
    return layout == DECK_KEYBOARD_CYRILLIC ? DECK_KEYBOARD_LATIN : DECK_KEYBOARD_CYRILLIC;
}

DeckCommand keyboard_command(const KeyboardKey *key, DeckKeyboard layout)
{
    switch (key->action) {
    case KEY_CHARACTER:
    case KEY_SPACE:
        return (DeckCommand){.kind = DECK_CMD_TEXT_INPUT, .arg.codepoint = key->codepoint};
    case KEY_BACKSPACE:
        return (DeckCommand){.kind = DECK_CMD_TEXT_BACKSPACE};
    case KEY_CLEAR:
        return (DeckCommand){.kind = DECK_CMD_TEXT_CLEAR};
    case KEY_SWITCH:
        return (DeckCommand){.kind = DECK_CMD_KEYBOARD_LAYOUT, .arg.index = (int)other_layout(layout)};
    case KEY_DONE:
        return (DeckCommand){.kind = DECK_CMD_KEYBOARD_CLOSE};
    }
    return (DeckCommand){.kind = DECK_CMD_NONE};
}

void keyboard_label(const KeyboardKey *key, DeckKeyboard layout, Lang lang, char *out, size_t size)
{
    if (size == 0) {
        return;
    }
    out[0] = '\0';
    switch (key->action) {
    case KEY_CHARACTER: {
        char bytes[5] = {0};
        size_t n = utf8_encode(fold_upper(key->codepoint), bytes);
        bytes[n] = '\0';
        snprintf(out, size, "%s", bytes);
        return;
    }
    case KEY_SPACE:
        snprintf(out, size, "%s", ui_text(UI_KEY_SPACE, lang));
        return;
    case KEY_BACKSPACE:
        snprintf(out, size, "⌫"); /* U+232B ERASE TO THE LEFT */
        return;
    case KEY_CLEAR:
        snprintf(out, size, "%s", ui_text(UI_KEY_CLEAR, lang));
        return;
    case KEY_SWITCH:
        snprintf(out, size, "%s", other_layout(layout) == DECK_KEYBOARD_CYRILLIC ? "АБВ" : "ABC");
        return;
    case KEY_DONE:
        snprintf(out, size, "%s", ui_text(UI_KEY_DONE, lang));
        return;
    }
}
