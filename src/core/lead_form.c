/* lead_form.c — the contact form's state; see lead_form.h. Typing appends UTF-8 and, for
 * the on-screen keyboard, capitalises the start of each word of a name (upper_case() knows
 * the letters the keyboards have); submit checks what a visitor can fix. */
#include "core/lead_form.h"

#include "core/fold.h"

#include "core/utf8.h"

#include <string.h>

/* The list of countries: the fair's neighbours and frequent visitors first, "Other" last.
 * The English name goes into the lead; Serbian names await review with the other words. */
static const char *const COUNTRIES[][LANG_COUNT] = {
    {"Serbia", "Srbija", "Србија"},
    {"Bosnia and Herzegovina", "Bosna i Hercegovina", "Босна и Херцеговина"},
    {"Montenegro", "Crna Gora", "Црна Гора"},
    {"North Macedonia", "Severna Makedonija", "Северна Македонија"},
    {"Croatia", "Hrvatska", "Хрватска"},
    {"Slovenia", "Slovenija", "Словенија"},
    {"Hungary", "Mađarska", "Мађарска"},
    {"Romania", "Rumunija", "Румунија"},
    {"Bulgaria", "Bugarska", "Бугарска"},
    {"Greece", "Grčka", "Грчка"},
    {"Albania", "Albanija", "Албанија"},
    {"Austria", "Austrija", "Аустрија"},
    {"Germany", "Nemačka", "Немачка"},
    {"Italy", "Italija", "Италија"},
    {"France", "Francuska", "Француска"},
    {"Spain", "Španija", "Шпанија"},
    {"Netherlands", "Holandija", "Холандија"},
    {"Belgium", "Belgija", "Белгија"},
    {"Poland", "Poljska", "Пољска"},
    {"Czechia", "Češka", "Чешка"},
    {"Switzerland", "Švajcarska", "Швајцарска"},
    {"Sweden", "Švedska", "Шведска"},
    {"Denmark", "Danska", "Данска"},
    {"United Kingdom", "Ujedinjeno Kraljevstvo", "Уједињено Краљевство"},
    {"Türkiye", "Turska", "Турска"},
    {"United States", "Sjedinjene Američke Države", "Сједињене Америчке Државе"},
    {"China", "Kina", "Кина"},
    {"Other", "Druga zemlja", "Друга земља"},
};

enum { COUNTRY_COUNT = sizeof COUNTRIES / sizeof COUNTRIES[0], EMAIL_MAX = 254 };

/* Overwrites n bytes so that the compiler cannot drop it as a dead store. */
static void wipe(void *bytes, size_t n)
{
    volatile unsigned char *p = bytes;
    while (n--) {
        *p++ = 0;
    }
}

static size_t field_size(LeadFormField field)
{
    return field == LEAD_FORM_EMAIL ? LEAD_FORM_EMAIL_MAX : LEAD_FORM_TEXT_MAX;
}

void lead_form_open(LeadForm *form, const char *interest, uint64_t now_ms)
{
    uint32_t revision = form->revision;
    (void)now_ms;
    wipe(form, sizeof *form);
    form->stage = LEAD_FORM_EDITING;
    form->focus = LEAD_FORM_NAME;
    form->country = LEAD_FORM_NO_COUNTRY;
    if (interest) {
        size_t length = strlen(interest);
        length = length < sizeof form->interest ? length : sizeof form->interest - 1;
        memcpy(form->interest, interest, length);
    }
    form->general = form->interest[0] == '\0';
    form->revision = revision + 1;
}

void lead_form_close(LeadForm *form)
{
    uint32_t revision = form->revision;
    wipe(form, sizeof *form);
    form->country = LEAD_FORM_NO_COUNTRY;
    form->revision = revision + 1;
}

bool lead_form_is_open(const LeadForm *form)
{
    return form->stage != LEAD_FORM_CLOSED;
}

void lead_form_focus(LeadForm *form, LeadFormField field)
{
    if ((unsigned)field < LEAD_FORM_TEXT_FIELDS && form->stage == LEAD_FORM_EDITING) {
        form->focus = field;
        /* An e-mail address is Latin: the keyboard follows. */
        form->cyrillic = field == LEAD_FORM_EMAIL ? false : form->cyrillic;
        form->revision++;
    }
}

void lead_form_set_cyrillic(LeadForm *form, bool cyrillic)
{
    if (form->cyrillic != cyrillic) {
        form->cyrillic = cyrillic;
        form->revision++;
    }
}

bool lead_form_act(LeadForm *form, int action)
{
    if (action >= LEAD_FORM_ACT_COUNTRY) {
        bool listed = action - LEAD_FORM_ACT_COUNTRY < COUNTRY_COUNT && form->stage == LEAD_FORM_COUNTRIES;
        lead_form_choose_country(form, action - LEAD_FORM_ACT_COUNTRY);
        return listed;
    }
    switch (action) {
    case LEAD_FORM_ACT_FOCUS_NAME:
    case LEAD_FORM_ACT_FOCUS_COMPANY:
    case LEAD_FORM_ACT_FOCUS_EMAIL:
        lead_form_focus(form, (LeadFormField)(action - LEAD_FORM_ACT_FOCUS_NAME));
        return true;
    case LEAD_FORM_ACT_COUNTRIES:
        lead_form_show_countries(form);
        return true;
    case LEAD_FORM_ACT_NO_COUNTRY:
        lead_form_choose_country(form, LEAD_FORM_NO_COUNTRY);
        return true;
    case LEAD_FORM_ACT_INTEREST:
        lead_form_toggle_interest(form);
        return true;
    case LEAD_FORM_ACT_CONSENT:
        lead_form_toggle_consent(form);
        return true;
    default:
        return false;
    }
}

static void changed(LeadForm *form, unsigned problem)
{
    form->problems &= ~problem;
    form->revision++;
}

static unsigned problem_of(LeadFormField field)
{
    return field == LEAD_FORM_NAME ? LEAD_FORM_PROBLEM_NAME : field == LEAD_FORM_EMAIL ? LEAD_FORM_PROBLEM_EMAIL : 0;
}

bool lead_form_type(LeadForm *form, uint32_t codepoint, bool on_screen)
{
    char *text = form->text[form->focus];
    size_t length = strlen(text);
    char bytes[4] = {0};
    if (form->stage != LEAD_FORM_EDITING || codepoint < 0x20 || codepoint == 0x7F ||
        (codepoint >= 0x80 && codepoint < 0xA0)) {
        return false;
    }
    bool word_start = length == 0 || text[length - 1] == ' ' || text[length - 1] == '-';
    if (on_screen && form->focus != LEAD_FORM_EMAIL && word_start) {
        codepoint = fold_upper(codepoint); /* the on-screen keys' letters */
    }
    size_t n = utf8_encode(codepoint, bytes);
    if (n == 0 || length + n >= field_size(form->focus) || (form->focus == LEAD_FORM_EMAIL && codepoint == ' ')) {
        return false;
    }
    memcpy(text + length, bytes, n);
    text[length + n] = '\0';
    changed(form, problem_of(form->focus));
    return true;
}

void lead_form_backspace(LeadForm *form)
{
    char *text = form->text[form->focus];
    size_t length = strlen(text);
    if (form->stage != LEAD_FORM_EDITING || length == 0) {
        return;
    }
    do {
        length--;
    } while (length > 0 && ((unsigned char)text[length] & 0xC0) == 0x80);
    wipe(text + length, strlen(text + length));
    changed(form, problem_of(form->focus));
}

void lead_form_clear(LeadForm *form)
{
    if (form->stage == LEAD_FORM_EDITING) {
        wipe(form->text[form->focus], field_size(form->focus));
        changed(form, problem_of(form->focus));
    }
}

void lead_form_show_countries(LeadForm *form)
{
    if (form->stage == LEAD_FORM_EDITING) {
        form->stage = LEAD_FORM_COUNTRIES;
        form->revision++;
    }
}

void lead_form_choose_country(LeadForm *form, int index)
{
    if (form->stage != LEAD_FORM_COUNTRIES) {
        return;
    }
    if (index >= 0 && index < COUNTRY_COUNT) {
        form->country = index;
    }
    form->stage = LEAD_FORM_EDITING;
    form->revision++;
}

void lead_form_toggle_consent(LeadForm *form)
{
    if (form->stage == LEAD_FORM_EDITING) {
        form->consent = !form->consent;
        changed(form, LEAD_FORM_PROBLEM_CONSENT);
    }
}

void lead_form_toggle_interest(LeadForm *form)
{
    if (form->stage == LEAD_FORM_EDITING && form->interest[0] != '\0') {
        form->general = !form->general;
        form->revision++;
    }
}

/* True when text holds something other than spaces. */
static bool has_words(const char *text)
{
    for (; *text != '\0'; text++) {
        if (*text != ' ') {
            return true;
        }
    }
    return false;
}

bool lead_form_submit(LeadForm *form)
{
    if (form->stage != LEAD_FORM_EDITING) {
        return false;
    }
    form->problems = 0;
    if (!has_words(form->text[LEAD_FORM_NAME])) {
        form->problems |= LEAD_FORM_PROBLEM_NAME;
    }
    if (!lead_form_email_plausible(form->text[LEAD_FORM_EMAIL])) {
        form->problems |= LEAD_FORM_PROBLEM_EMAIL;
    }
    if (!form->consent) {
        form->problems |= LEAD_FORM_PROBLEM_CONSENT;
    }
    if (form->problems & LEAD_FORM_PROBLEM_NAME) {
        form->focus = LEAD_FORM_NAME;
    } else if (form->problems & LEAD_FORM_PROBLEM_EMAIL) {
        form->focus = LEAD_FORM_EMAIL;
    }
    form->revision++;
    return form->problems == 0;
}

void lead_form_thank(LeadForm *form, uint64_t now_ms)
{
    uint32_t revision = form->revision;
    wipe(form, sizeof *form);
    form->country = LEAD_FORM_NO_COUNTRY;
    form->stage = LEAD_FORM_THANKS;
    form->thanks_until_ms = now_ms + LEAD_FORM_THANKS_MS;
    form->revision = revision + 1;
}

bool lead_form_tick(LeadForm *form, uint64_t now_ms)
{
    if (form->stage == LEAD_FORM_THANKS && now_ms >= form->thanks_until_ms) {
        lead_form_close(form);
        return true;
    }
    return false;
}

uint64_t lead_form_deadline_ms(const LeadForm *form)
{
    return form->stage == LEAD_FORM_THANKS ? form->thanks_until_ms : UINT64_MAX;
}

int lead_form_country_count(void)
{
    return COUNTRY_COUNT;
}

const char *lead_form_country_name(int index, Lang lang)
{
    if (index < 0 || index >= COUNTRY_COUNT || (int)lang < 0 || lang >= LANG_COUNT) {
        return "";
    }
    return COUNTRIES[index][lang];
}

const char *lead_form_country_english(int index)
{
    return lead_form_country_name(index, LANG_EN);
}

bool lead_form_email_plausible(const char *text)
{
    size_t length = strlen(text);
    const char *at = strchr(text, '@');
    if (length == 0 || length > EMAIL_MAX || at == NULL || at == text || strchr(at + 1, '@') != NULL) {
        return false;
    }
    for (const unsigned char *p = (const unsigned char *)text; *p != '\0'; p++) {
        if (*p <= 0x20 || *p == 0x7F || *p == ',' || *p == ';' || *p == '<' || *p == '>') {
            return false;
        }
    }
    const char *domain = at + 1;
    size_t domain_length = strlen(domain);
    return domain_length > 0 && strchr(domain, '.') != NULL && domain[0] != '.' && domain[domain_length - 1] != '.' &&
           strstr(domain, "..") == NULL;
}
