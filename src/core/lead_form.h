/* lead_form.h — the "Contact me" form's state: a visitor's name, company and e-mail typed
 * on the on-screen (or a physical) keyboard, a country chosen from a list, what they are
 * interested in (preselected from the page they came from), a consent box, and the checks a
 * visitor understands before it is sent. The app feeds it the keyboard's commands and the
 * form's taps; render/lead_form.c paints it; part_leads.c seals what it holds. Closing the
 * form, for any reason, wipes what was typed. Pure: no I/O, no clock (times are passed in).
 *
 *   LeadForm form;  lead_form_open(&form, "Example Brand", now);
 *   lead_form_type(&form, 'a', true);  lead_form_focus(&form, LEAD_FORM_EMAIL); ...
 *   if (lead_form_submit(&form, now)) { copy the fields out, seal them; lead_form_thank(...) }
 *   lead_form_tick(&form, now) closes the thanks after LEAD_FORM_THANKS_MS. */
#ifndef FACTS_CORE_LEAD_FORM_H
#define FACTS_CORE_LEAD_FORM_H

#include "core/lang.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
    LEAD_FORM_TEXT_MAX = 128,        /* bytes of a name or company, its NUL included */
    LEAD_FORM_EMAIL_MAX = 255,       /* an e-mail address has at most 254 */
    LEAD_FORM_INTEREST_MAX = 192,
    LEAD_FORM_THANKS_MS = 8000,      /* "Thank you" shows this long, then the page again */
    LEAD_FORM_NO_COUNTRY = -1,
};

/* The text fields, in the order they are shown and a tap on "next" moves through them. */
typedef enum LeadFormField {
    LEAD_FORM_NAME = 0,
    LEAD_FORM_COMPANY,
    LEAD_FORM_EMAIL,
    LEAD_FORM_TEXT_FIELDS
} LeadFormField;

typedef enum LeadFormStage {
    LEAD_FORM_CLOSED = 0,
    LEAD_FORM_EDITING,   /* the fields and the keyboard */
    LEAD_FORM_COUNTRIES, /* the list of countries over the form */
    LEAD_FORM_THANKS,    /* sent: "Thank you" and Back */
} LeadFormStage;

/* What the last lead_form_submit() found wrong, one bit per problem. */
typedef enum LeadFormProblem {
    LEAD_FORM_PROBLEM_NAME = 1u << 0,    /* no name */
    LEAD_FORM_PROBLEM_EMAIL = 1u << 1,   /* not shaped like an e-mail address */
    LEAD_FORM_PROBLEM_CONSENT = 1u << 2, /* the box is not ticked */
} LeadFormProblem;

/* What a tap on the form means (the argument of its touch targets' command, see
 * render/lead_form.h; the app hands it to lead_form_act). */
typedef enum LeadFormAction {
    LEAD_FORM_ACT_OPEN = 0,       /* the "Contact me" button */
    LEAD_FORM_ACT_FOCUS_NAME,     /* + LeadFormField: a text field */
    LEAD_FORM_ACT_FOCUS_COMPANY,
    LEAD_FORM_ACT_FOCUS_EMAIL,
    LEAD_FORM_ACT_COUNTRIES,      /* open the list of countries */
    LEAD_FORM_ACT_NO_COUNTRY,     /* close the list without choosing */
    LEAD_FORM_ACT_INTEREST,       /* the page's member or the cluster in general */
    LEAD_FORM_ACT_CONSENT,
    LEAD_FORM_ACT_SEND,
    LEAD_FORM_ACT_CANCEL,         /* close the form (or the thanks), wiping it */
    LEAD_FORM_ACT_COUNTRY = 100,  /* + the index of a country in the list */
} LeadFormAction;

typedef struct LeadForm {
    LeadFormStage stage;
    LeadFormField focus;                   /* the field the keyboard types into */
    char text[LEAD_FORM_TEXT_FIELDS][LEAD_FORM_EMAIL_MAX];
    int country;                           /* index into the list, or LEAD_FORM_NO_COUNTRY */
    bool consent;
    bool cyrillic;                         /* the on-screen keyboard shows Cyrillic letters */
    char interest[LEAD_FORM_INTEREST_MAX]; /* the member's name, or "" for the cluster in general */
    bool general;                          /* the visitor chose the cluster in general instead */
    unsigned problems;                     /* LeadFormProblem bits, shown until the field changes */
    uint64_t thanks_until_ms;
    uint32_t revision;                     /* moves on every change: the painter redraws */
} LeadForm;

/* Opens an empty form; interest (may be NULL or "": the cluster in general) is what the
 * visitor came from, shown preselected. Focus on the name. */
void lead_form_open(LeadForm *form, const char *interest, uint64_t now_ms);

/* Wipes every field and closes the form. Safe on a closed form. */
void lead_form_close(LeadForm *form);

/* True while the form (or its thanks) is on screen. */
bool lead_form_is_open(const LeadForm *form);

/* Puts the keyboard's focus on field. */
void lead_form_focus(LeadForm *form, LeadFormField field);

/* Types codepoint into the focused field when it fits (control characters are ignored).
 * on_screen: from the on-screen keyboard, whose letters are lower case: the first letter of
 * each word of a name or company then becomes a capital. A physical keyboard's text is kept
 * as typed. Returns false when it did not fit. */
bool lead_form_type(LeadForm *form, uint32_t codepoint, bool on_screen);

/* Removes the last character of the focused field; empties it. */
void lead_form_backspace(LeadForm *form);
void lead_form_clear(LeadForm *form);

/* Opens the list of countries, and chooses index (closing the list; LEAD_FORM_NO_COUNTRY or
 * an index out of range closes it and keeps the choice). */
void lead_form_show_countries(LeadForm *form);
void lead_form_choose_country(LeadForm *form, int index);

/* Ticks or unticks the consent box. */
void lead_form_toggle_consent(LeadForm *form);

/* Switches what the visitor is interested in between the page they came from and the cluster
 * in general (no-op when they came from no member). */
void lead_form_toggle_interest(LeadForm *form);

/* Shows the on-screen keyboard's Cyrillic (true) or Latin letters. */
void lead_form_set_cyrillic(LeadForm *form, bool cyrillic);

/* Applies a tap's action (LeadFormAction) other than OPEN, SEND and CANCEL, which the caller
 * handles (they need the page, the seal and the clock). Returns false for those and for an
 * action that is not one. */
bool lead_form_act(LeadForm *form, int action);

/* Checks the form: a name, an e-mail shaped like one, the consent box. Returns true when it
 * may be sent (the caller seals it, then calls lead_form_thank); otherwise sets problems and
 * puts the focus on the first field at fault. */
bool lead_form_submit(LeadForm *form);

/* The lead was kept: wipes the fields and shows "Thank you" until now_ms + LEAD_FORM_THANKS_MS. */
void lead_form_thank(LeadForm *form, uint64_t now_ms);

/* Closes the thanks once its time is up. Returns true when it changed the form. */
bool lead_form_tick(LeadForm *form, uint64_t now_ms);

/* When lead_form_tick() next has something to do (UINT64_MAX: nothing). */
uint64_t lead_form_deadline_ms(const LeadForm *form);

/* The countries of the list: their number, a name in lang, and the English name that goes
 * into the lead (the last is "Other"). NULL / "" out of range. */
int lead_form_country_count(void);
const char *lead_form_country_name(int index, Lang lang);
const char *lead_form_country_english(int index);

/* True when text looks like an e-mail address to a visitor's eye: one '@' with something
 * before it, a domain with a dot that neither starts nor ends it, no spaces, commas or
 * control characters, at most 254 bytes. */
bool lead_form_email_plausible(const char *text);

#endif
