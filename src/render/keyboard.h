/* keyboard.h (render) — the on-screen keyboard and the text field it types into, as any
 * screen needs them (the members search today, a visitor's contact form later): keys laid
 * out from core/keyboard.h's rows, every key a touch target of at least Metrics.target
 * pixels that sends the key's deck command, and a field showing the text with a caret.
 * Start at keyboard_height(), then keyboard_paint() and keyboard_paint_field(). */
#ifndef FACTS_RENDER_KEYBOARD_H
#define FACTS_RENDER_KEYBOARD_H

#include "core/keyboard.h"
#include "render/paint.h"

#include <stdbool.h>

/* Height a keyboard needs: KEYBOARD_ROWS rows of keys Metrics.target high and the gaps, and
 * one row more with digits. */
int keyboard_height(const Metrics *m, bool digits);

/* Paints layout's keys filling area (use keyboard_height() for its height), with the row of
 * digits on top when digits is true, and records a touch target per key. */
void keyboard_paint(Painter *p, SDL_Rect area, DeckKeyboard layout, bool digits);

/* What a text field shows and does. */
typedef struct KeyboardField {
    const char *text;        /* "" when empty */
    const char *placeholder; /* shown muted while text is empty */
    bool focused;            /* the keyboard types into it: accent outline and a caret */
    DeckCommand tap;         /* sent by a tap on the field (DECK_CMD_NONE: nothing) */
    bool clear_button;       /* a "×" at its right end sending DECK_CMD_TEXT_CLEAR, when text is not empty */
} KeyboardField;

/* Paints a search field (a magnifier, then the text) in box and records its targets. */
void keyboard_paint_field(Painter *p, SDL_Rect box, const KeyboardField *field);

#endif
