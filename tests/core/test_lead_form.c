/* lead_form: the contact form's state — typing with the on-screen keyboard's capitals,
 * backspace over Cyrillic, the country list, consent, the checks before sending, the thanks
 * that closes by itself, and that closing leaves nothing of what was typed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/lead_form.h"
#include "core/utf8.h"

static void type_text(LeadForm *form, const char *text, bool on_screen)
{
    size_t at = 0, length = strlen(text);
    while (at < length) {
        lead_form_type(form, utf8_next(text, length, &at), on_screen);
    }
}

static bool all_zero(const void *bytes, size_t n)
{
    const unsigned char *p = bytes;
    for (size_t i = 0; i < n; i++) {
        if (p[i]) {
            return false;
        }
    }
    return true;
}

static void typing_and_capitals(void **state)
{
    (void)state;
    LeadForm form = {0};
    lead_form_open(&form, "Example Brand", 0);
    assert_int_equal(form.stage, LEAD_FORM_EDITING);
    assert_int_equal(form.focus, LEAD_FORM_NAME);
    type_text(&form, "ana marić-đokić", true);
    assert_string_equal(form.text[LEAD_FORM_NAME], "Ana Marić-Đokić");
    lead_form_clear(&form);
    type_text(&form, "љиљана џонић", true);
    assert_string_equal(form.text[LEAD_FORM_NAME], "Љиљана Џонић");
    lead_form_backspace(&form);
    lead_form_backspace(&form);
    assert_string_equal(form.text[LEAD_FORM_NAME], "Љиљана Џон");
    lead_form_focus(&form, LEAD_FORM_EMAIL);
    type_text(&form, "ana @example.org", true); /* no capital, no space in an e-mail */
    assert_string_equal(form.text[LEAD_FORM_EMAIL], "ana@example.org");
    lead_form_focus(&form, LEAD_FORM_COMPANY);
    type_text(&form, "example brand", false); /* a physical keyboard types as it is */
    assert_string_equal(form.text[LEAD_FORM_COMPANY], "example brand");
    uint32_t before = form.revision;
    assert_false(lead_form_type(&form, '\n', false));
    assert_int_equal(form.revision, before);
}

static void text_has_a_limit(void **state)
{
    (void)state;
    LeadForm form = {0};
    lead_form_open(&form, NULL, 0);
    for (int i = 0; i < 300; i++) {
        lead_form_type(&form, 0x0416, false); /* Ж, two bytes */
    }
    assert_int_equal(strlen(form.text[LEAD_FORM_NAME]), LEAD_FORM_TEXT_MAX - 2);
    assert_true(form.general);
}

static void checks_before_sending(void **state)
{
    (void)state;
    LeadForm form = {0};
    lead_form_open(&form, "Example Brand", 0);
    assert_false(lead_form_submit(&form));
    assert_int_equal(form.problems, LEAD_FORM_PROBLEM_NAME | LEAD_FORM_PROBLEM_EMAIL | LEAD_FORM_PROBLEM_CONSENT);
    type_text(&form, "ana", true);
    assert_int_equal(form.problems, LEAD_FORM_PROBLEM_EMAIL | LEAD_FORM_PROBLEM_CONSENT);
    assert_false(lead_form_submit(&form));
    assert_int_equal(form.focus, LEAD_FORM_EMAIL); /* the first field at fault */
    type_text(&form, "ana@example", true);
    assert_false(lead_form_submit(&form));
    assert_int_equal(form.problems, LEAD_FORM_PROBLEM_EMAIL | LEAD_FORM_PROBLEM_CONSENT);
    type_text(&form, ".org", true);
    lead_form_toggle_consent(&form);
    assert_true(lead_form_submit(&form));
    assert_int_equal(form.problems, 0);

    lead_form_show_countries(&form);
    assert_int_equal(form.stage, LEAD_FORM_COUNTRIES);
    assert_false(lead_form_submit(&form)); /* not while the list is open */
    lead_form_choose_country(&form, 2);
    assert_int_equal(form.stage, LEAD_FORM_EDITING);
    assert_string_equal(lead_form_country_english(form.country), "Montenegro");
    assert_string_equal(lead_form_country_name(form.country, LANG_SR_CYRL), "Црна Гора");
    lead_form_show_countries(&form);
    lead_form_choose_country(&form, LEAD_FORM_NO_COUNTRY); /* closed without a choice */
    assert_int_equal(form.country, 2);
    assert_string_equal(lead_form_country_english(lead_form_country_count() - 1), "Other");
    assert_string_equal(lead_form_country_name(lead_form_country_count(), LANG_EN), "");

    assert_false(form.general);
    lead_form_toggle_interest(&form);
    assert_true(form.general);
}

static void thanks_then_closed_and_wiped(void **state)
{
    (void)state;
    LeadForm form = {0};
    lead_form_open(&form, "Example Brand", 1000);
    type_text(&form, "ana", true);
    lead_form_thank(&form, 5000);
    assert_int_equal(form.stage, LEAD_FORM_THANKS);
    assert_true(all_zero(form.text, sizeof form.text));
    assert_int_equal(lead_form_deadline_ms(&form), 5000 + LEAD_FORM_THANKS_MS);
    assert_false(lead_form_tick(&form, 5000 + LEAD_FORM_THANKS_MS - 1));
    assert_true(lead_form_tick(&form, 5000 + LEAD_FORM_THANKS_MS));
    assert_false(lead_form_is_open(&form));
    assert_int_equal(lead_form_deadline_ms(&form), UINT64_MAX);

    lead_form_open(&form, "Example Brand", 0);
    type_text(&form, "ana", true);
    lead_form_close(&form);
    assert_true(all_zero(form.text, sizeof form.text));
    assert_true(all_zero(form.interest, sizeof form.interest));
    assert_false(lead_form_type(&form, 'a', true)); /* closed: nothing typed */
}

/* Each tap's action, as the form's touch targets send them. */
static void actions(void **state)
{
    (void)state;
    LeadForm form = {0};
    lead_form_open(&form, "Example Brand", 0);
    lead_form_set_cyrillic(&form, true);
    assert_true(lead_form_act(&form, LEAD_FORM_ACT_FOCUS_EMAIL));
    assert_int_equal(form.focus, LEAD_FORM_EMAIL);
    assert_false(form.cyrillic); /* an e-mail address is typed in Latin */
    assert_true(lead_form_act(&form, LEAD_FORM_ACT_FOCUS_COMPANY));
    assert_int_equal(form.focus, LEAD_FORM_COMPANY);
    assert_true(lead_form_act(&form, LEAD_FORM_ACT_CONSENT));
    assert_true(form.consent);
    assert_true(lead_form_act(&form, LEAD_FORM_ACT_INTEREST));
    assert_true(form.general);
    assert_false(lead_form_act(&form, LEAD_FORM_ACT_COUNTRY + 3)); /* the list is not open */
    assert_int_equal(form.country, LEAD_FORM_NO_COUNTRY);
    assert_true(lead_form_act(&form, LEAD_FORM_ACT_COUNTRIES));
    assert_true(lead_form_act(&form, LEAD_FORM_ACT_COUNTRY + 3));
    assert_string_equal(lead_form_country_english(form.country), "North Macedonia");
    assert_true(lead_form_act(&form, LEAD_FORM_ACT_COUNTRIES));
    assert_true(lead_form_act(&form, LEAD_FORM_ACT_NO_COUNTRY));
    assert_int_equal(form.stage, LEAD_FORM_EDITING);
    assert_false(lead_form_act(&form, LEAD_FORM_ACT_SEND)); /* the app's to do */
    assert_false(lead_form_act(&form, LEAD_FORM_ACT_COUNTRIES + 999));
}

static void email_plausible(void **state)
{
    (void)state;
    static const char *const GOOD[] = {"ana@example.org", "a.b+c@mail.example.org", "x@y.rs"};
    static const char *const BAD[] = {"", "ana", "ana@", "@example.org", "ana@example", "ana@@example.org",
                                      "ana @example.org", "ana@.example.org", "ana@example.org.", "a@b..org",
                                      "ana@exa,mple.org"};
    for (size_t i = 0; i < sizeof GOOD / sizeof GOOD[0]; i++) {
        assert_true(lead_form_email_plausible(GOOD[i]));
    }
    for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++) {
        assert_false(lead_form_email_plausible(BAD[i]));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(typing_and_capitals),
        cmocka_unit_test(text_has_a_limit),
        cmocka_unit_test(checks_before_sending),
        cmocka_unit_test(thanks_then_closed_and_wiped),
        cmocka_unit_test(actions),
        cmocka_unit_test(email_plausible),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
