/* The on-screen keyboard's layouts: every Serbian letter of each script on its keyboard,
 * rows of equal width, and the command each key sends. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/keyboard.h"
#include "core/utf8.h"

/* True when layout has a key typing cp. */
static bool has_letter(DeckKeyboard layout, uint32_t cp)
{
    for (int row = 0; row < KEYBOARD_ROWS; row++) {
        int count = 0;
        const KeyboardKey *keys = keyboard_row(layout, row, &count);
        for (int k = 0; k < count; k++) {
            DeckCommand c = keyboard_command(&keys[k], layout);
            if (keys[k].action == KEY_CHARACTER && c.kind == DECK_CMD_TEXT_INPUT && c.arg.codepoint == cp) {
                return true;
            }
        }
    }
    return false;
}

static void expect_letters(DeckKeyboard layout, const char *letters)
{
    size_t length = strlen(letters);
    size_t offset = 0;
    while (offset < length) {
        uint32_t cp = utf8_next(letters, length, &offset);
        assert_true(has_letter(layout, cp));
    }
}

static void test_every_letter_of_each_alphabet(void **state)
{
    (void)state;
    expect_letters(DECK_KEYBOARD_LATIN, "abcčćddžđefghijklljmnnjoprsštuvzžqwxy");
    expect_letters(DECK_KEYBOARD_CYRILLIC, "абвгдђежзијклљмнњопрстћуфхцчџш");
    assert_false(has_letter(DECK_KEYBOARD_LATIN, 0x448));
    assert_false(has_letter(DECK_KEYBOARD_CYRILLIC, 'a'));
}

static void test_rows_line_up(void **state)
{
    (void)state;
    for (int layout = DECK_KEYBOARD_LATIN; layout <= DECK_KEYBOARD_CYRILLIC; layout++) {
        for (int row = 0; row < KEYBOARD_ROWS; row++) {
            int count = 0;
            const KeyboardKey *keys = keyboard_row((DeckKeyboard)layout, row, &count);
            assert_non_null(keys);
            int width = 0;
            for (int k = 0; k < count; k++) {
                width += keys[k].width;
            }
            assert_int_equal(width, KEYBOARD_ROW_WIDTH);
        }
    }
    int count = 1;
    assert_null(keyboard_row(DECK_KEYBOARD_CLOSED, 0, &count));
    assert_int_equal(count, 0);
    assert_null(keyboard_row(DECK_KEYBOARD_LATIN, KEYBOARD_ROWS, &count));
}

static void test_keys_send_commands(void **state)
{
    (void)state;
    int count = 0;
    const KeyboardKey *bottom = keyboard_row(DECK_KEYBOARD_LATIN, KEYBOARD_ROWS - 1, &count);
    const KeyboardKey *third = keyboard_row(DECK_KEYBOARD_LATIN, 2, &count);
    assert_int_equal(keyboard_command(&bottom[0], DECK_KEYBOARD_LATIN).kind, DECK_CMD_TEXT_CLEAR);
    DeckCommand space = keyboard_command(&bottom[1], DECK_KEYBOARD_LATIN);
    assert_int_equal(space.kind, DECK_CMD_TEXT_INPUT);
    assert_int_equal(space.arg.codepoint, ' ');
    assert_int_equal(keyboard_command(&bottom[2], DECK_KEYBOARD_LATIN).kind, DECK_CMD_KEYBOARD_CLOSE);
    DeckCommand to_cyrillic = keyboard_command(&third[0], DECK_KEYBOARD_LATIN);
    assert_int_equal(to_cyrillic.kind, DECK_CMD_KEYBOARD_LAYOUT);
    assert_int_equal(to_cyrillic.arg.index, DECK_KEYBOARD_CYRILLIC);
    assert_int_equal(keyboard_command(&third[count - 1], DECK_KEYBOARD_LATIN).kind, DECK_CMD_TEXT_BACKSPACE);
    const KeyboardKey *cyrillic = keyboard_row(DECK_KEYBOARD_CYRILLIC, 2, &count);
    assert_int_equal(keyboard_command(&cyrillic[0], DECK_KEYBOARD_CYRILLIC).arg.index, DECK_KEYBOARD_LATIN);
}

static void test_labels(void **state)
{
    (void)state;
    int count = 0;
    char label[KEYBOARD_LABEL_MAX];
    const KeyboardKey *top = keyboard_row(DECK_KEYBOARD_LATIN, 0, &count);
    keyboard_label(&top[10], DECK_KEYBOARD_LATIN, LANG_EN, label, sizeof label);
    assert_string_equal(label, "Š"); /* keys show capitals, type small letters */
    assert_int_equal(keyboard_command(&top[10], DECK_KEYBOARD_LATIN).arg.codepoint, 0x161);
    const KeyboardKey *cyrillic = keyboard_row(DECK_KEYBOARD_CYRILLIC, 0, &count);
    keyboard_label(&cyrillic[0], DECK_KEYBOARD_CYRILLIC, LANG_SR_CYRL, label, sizeof label);
    assert_string_equal(label, "Љ");
    const KeyboardKey *third = keyboard_row(DECK_KEYBOARD_LATIN, 2, &count);
    keyboard_label(&third[0], DECK_KEYBOARD_LATIN, LANG_EN, label, sizeof label);
    assert_string_equal(label, "АБВ");
    keyboard_label(&third[count - 1], DECK_KEYBOARD_LATIN, LANG_EN, label, sizeof label);
    assert_string_equal(label, "⌫");
    const KeyboardKey *bottom = keyboard_row(DECK_KEYBOARD_CYRILLIC, KEYBOARD_ROWS - 1, &count);
    keyboard_label(&bottom[2], DECK_KEYBOARD_CYRILLIC, LANG_SR_CYRL, label, sizeof label);
    assert_string_equal(label, "Готово");
}

/* The digits row: every digit once, typing itself, labelled with itself, a letter's width
 * each, for either layout (it does not depend on one). */
static void test_digit_row(void **state)
{
    (void)state;
    int count = 0;
    const KeyboardKey *digits = keyboard_digit_row(&count);
    assert_int_equal(count, KEYBOARD_DIGIT_KEYS);
    bool seen[10] = {false};
    int width = 0;
    for (int k = 0; k < count; k++) {
        char label[KEYBOARD_LABEL_MAX];
        DeckCommand c = keyboard_command(&digits[k], DECK_KEYBOARD_CYRILLIC);
        assert_int_equal(c.kind, DECK_CMD_TEXT_INPUT);
        assert_true(c.arg.codepoint >= '0' && c.arg.codepoint <= '9');
        assert_false(seen[c.arg.codepoint - '0']);
        seen[c.arg.codepoint - '0'] = true;
        keyboard_label(&digits[k], DECK_KEYBOARD_LATIN, LANG_EN, label, sizeof label);
        assert_int_equal(label[0], (char)c.arg.codepoint);
        assert_int_equal(label[1], '\0');
        assert_int_equal(digits[k].width, 2);
        width += digits[k].width;
    }
    assert_true(width <= KEYBOARD_ROW_WIDTH);
    assert_int_equal(keyboard_command(&digits[0], DECK_KEYBOARD_LATIN).arg.codepoint, '1');
    assert_int_equal(keyboard_command(&digits[count - 1], DECK_KEYBOARD_LATIN).arg.codepoint, '0');
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_letter_of_each_alphabet),
        cmocka_unit_test(test_rows_line_up),
        cmocka_unit_test(test_keys_send_commands),
        cmocka_unit_test(test_labels),
        cmocka_unit_test(test_digit_row),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
