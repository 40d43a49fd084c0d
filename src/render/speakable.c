/* speakable.c — the words of a slide for read aloud; see speakable.h. Start at
 * speakable_text(): it looks the slide up in the plan and calls the reader for its kind from
 * READERS, which mirror the templates in slides.c (same items, same order). */
#include "render/speakable.h"

#include "core/ui_text.h"
#include "render/timeline.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Words {
    char *text;
    size_t length;
    size_t capacity;
    bool out_of_memory;
} Words;

typedef struct Reader {
    Words *words;
    const Content *content;
    const SlidePlan *plan;
    const PlannedSlide *slide;
    Lang lang;
} Reader;

static void append(Words *w, const char *text, size_t length)
{
    if (w->out_of_memory || length == 0) {
        return;
    }
    if (w->length + length + 1 > w->capacity) {
        size_t capacity = w->capacity ? w->capacity : 256;
        while (capacity < w->length + length + 1) {
            capacity *= 2;
        }
        char *grown = realloc(w->text, capacity);
        if (!grown) {
            w->out_of_memory = true;
            return;
        }
        w->text = grown;
        w->capacity = capacity;
    }
    memcpy(w->text + w->length, text, length);
    w->length += length;
    w->text[w->length] = '\0';
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Ends a sentence: a full stop unless the text already ends in one (or ! ? … : ;). */
static void end_sentence(Words *w)
{
    while (w->length > 0 && is_space(w->text[w->length - 1])) {
        w->text[--w->length] = '\0';
    }
    if (w->length == 0) {
        return;
    }
    static const char *const ENDINGS[] = {".", "!", "?", ":", ";", "…"};
    for (size_t i = 0; i < sizeof ENDINGS / sizeof ENDINGS[0]; i++) {
        size_t n = strlen(ENDINGS[i]);
        if (w->length >= n && memcmp(w->text + w->length - n, ENDINGS[i], n) == 0) {
            append(w, "\n", 1);
            return;
        }
    }
    append(w, ".\n", 2);
}

/* Appends text trimmed of surrounding blanks; returns whether there was any. */
static bool add_text(Words *w, const char *text)
{
    if (!text) {
        return false;
    }
    while (is_space(*text)) {
        text++;
    }
    size_t length = strlen(text);
    while (length > 0 && is_space(text[length - 1])) {
        length--;
    }
    append(w, text, length);
    return length > 0;
}

/* One sentence of text (nothing when it is empty). */
static void sentence(Words *w, const char *text)
{
    if (add_text(w, text)) {
        end_sentence(w);
    }
}

/* "label: text." — nothing when text is empty. */
static void labelled(Words *w, const char *label, const char *text)
{
    const char *t = text;
    while (t && is_space(*t)) {
        t++;
    }
    if (!t || !*t) {
        return;
    }
    if (add_text(w, label)) {
        append(w, ": ", 2);
    }
    sentence(w, t);
}

/* Several texts in one sentence, separated by ", " (empty ones skipped). */
static void phrase(Words *w, const char *const *parts, size_t count)
{
    bool any = false;
    for (size_t i = 0; i < count; i++) {
        const char *p = parts[i];
        while (p && is_space(*p)) {
            p++;
        }
        if (!p || !*p) {
            continue;
        }
        if (any) {
            append(w, ", ", 2);
        }
        any = add_text(w, p) || any;
    }
    if (any) {
        end_sentence(w);
    }
}

static const char *t(const Reader *r, const LocalText *text)
{
    return local_text(text, r->lang);
}

static const char *ui(const Reader *r, UiText id)
{
    return ui_text(id, r->lang);
}

static void title(Reader *r, const char *text)
{
    sentence(r->words, text);
}

/* Every about item of kind as "label: a, b, c." (as the profile and contact slides join them). */
static void about_group(Reader *r, AboutKind kind, UiText label)
{
    bool any = false;
    for (size_t i = 0; i < r->content->about_item_count; i++) {
        const AboutItem *item = &r->content->about_items[i];
        const char *text = t(r, &item->text);
        if (item->kind != (int)kind || !text[0]) {
            continue;
        }
        if (!any) {
            add_text(r->words, ui(r, label));
            append(r->words, ": ", 2);
        } else {
            append(r->words, ", ", 2);
        }
        add_text(r->words, text);
        any = true;
    }
    if (any) {
        end_sentence(r->words);
    }
}

static void about_sentences(Reader *r, AboutKind kind)
{
    for (size_t i = 0; i < r->content->about_item_count; i++) {
        if (r->content->about_items[i].kind == (int)kind) {
            sentence(r->words, t(r, &r->content->about_items[i].text));
        }
    }
}

/* ---- About ------------------------------------------------------------------------------ */

static void read_vision(Reader *r)
{
    const Organisation *org = &r->content->organisation;
    title(r, t(r, &org->name));
    sentence(r->words, t(r, &org->vision));
    char founded[64];
    ui_format_date(org->founded, r->lang, founded, sizeof founded);
    if (founded[0]) {
        add_text(r->words, ui(r, UI_FOUNDED));
        append(r->words, " ", 1);
        add_text(r->words, founded);
        end_sentence(r->words);
    }
    sentence(r->words, t(r, &org->city));
}

static void read_figures(Reader *r)
{
    title(r, ui(r, UI_KEY_FIGURES));
    for (int i = 0; i < r->slide->count; i++) {
        int index = plan_item(r->plan, PLAN_FIGURES, r->slide->first + i);
        if (index >= 0) {
            const Figure *figure = &r->content->figures[index];
            if (add_text(r->words, t(r, &figure->value))) {
                append(r->words, " ", 1);
            }
            add_text(r->words, t(r, &figure->label));
            end_sentence(r->words);
        }
    }
}

static void read_objectives(Reader *r)
{
    title(r, ui(r, UI_OBJECTIVES));
    about_sentences(r, ABOUT_OBJECTIVE);
}

static void read_profile(Reader *r)
{
    title(r, ui(r, UI_PROFILE));
    static const struct {
        AboutKind kind;
        UiText label;
    } GROUPS[] = {
        {ABOUT_SECTOR, UI_SECTORS},            {ABOUT_SPECIALISATION, UI_SPECIALISATION},
        {ABOUT_TECHNOLOGY, UI_TECHNOLOGY},     {ABOUT_EMERGING_INDUSTRY, UI_EMERGING},
        {ABOUT_S3_PRIORITY, UI_S3_PRIORITIES}, {ABOUT_NETWORK, UI_NETWORKS},
    };
    for (size_t g = 0; g < sizeof GROUPS / sizeof GROUPS[0]; g++) {
        about_group(r, GROUPS[g].kind, GROUPS[g].label);
    }
}

static void read_services(Reader *r)
{
    title(r, ui(r, UI_SERVICES));
    about_sentences(r, ABOUT_SERVICE);
    bool details = false;
    for (size_t i = 0; i < r->content->about_item_count; i++) {
        details = details || r->content->about_items[i].kind == ABOUT_SERVICE_DETAIL;
    }
    if (details) {
        sentence(r->words, ui(r, UI_SERVICE_DETAILS));
        about_sentences(r, ABOUT_SERVICE_DETAIL);
    }
}

static void read_why_partner(Reader *r)
{
    const Organisation *org = &r->content->organisation;
    title(r, ui(r, UI_WHY_PARTNER));
    sentence(r->words, t(r, &org->why_partner));
    labelled(r->words, ui(r, UI_ACTION_PLAN), t(r, &org->action_plan));
}

/* ---- Members ----------------------------------------------------------------------------- */

static const char *member_kind(const Reader *r, int kind)
{
    static const UiText KINDS[] = {UI_MEMBER_SME, UI_MEMBER_LARGER, UI_MEMBER_RESEARCH, UI_MEMBER_OTHER};
    return kind >= 0 && kind < (int)(sizeof KINDS / sizeof KINDS[0]) ? ui(r, KINDS[kind]) : "";
}

static void read_members(Reader *r)
{
    title(r, ui(r, r->content->organisation.members_total > 0 ? UI_MEMBER_BRANDS : UI_MAJOR_PLAYERS));
    for (int i = 0; i < r->slide->count; i++) {
        int index = plan_item(r->plan, PLAN_MEMBERS, r->slide->first + i);
        if (index >= 0) {
            const Member *member = &r->content->members[index];
            const char *parts[] = {member->name, member_kind(r, member->kind)};
            phrase(r->words, parts, 2);
        }
    }
}

static void read_member_detail(Reader *r)
{
    int index = plan_item(r->plan, PLAN_MEMBERS, r->slide->first);
    if (index < 0) {
        return;
    }
    const Member *member = &r->content->members[index];
    title(r, member->name);
    sentence(r->words, member_kind(r, member->kind));
    sentence(r->words, t(r, &member->description));
}

/* ---- Stories ------------------------------------------------------------------------------- */

static void read_stories(Reader *r)
{
    title(r, ui(r, UI_ACHIEVEMENTS));
    for (int i = 0; i < r->slide->count; i++) {
        int index = plan_item(r->plan, PLAN_STORIES, r->slide->first + i);
        if (index < 0) {
            continue;
        }
        const Story *story = &r->content->stories[index];
        sentence(r->words, t(r, &story->title));
        const char *when[] = {t(r, &story->place), story->years};
        phrase(r->words, when, 2);
        sentence(r->words, t(r, &story->body));
    }
}

/* ---- Cooperation ------------------------------------------------------------------------------ */

static void read_missions(Reader *r)
{
    title(r, ui(r, UI_TRADE_MISSIONS));
    for (int i = 0; i < r->slide->count; i++) {
        int index = plan_item(r->plan, PLAN_MISSIONS, r->slide->first + i);
        if (index < 0) {
            continue;
        }
        const Mission *mission = &r->content->missions[index];
        labelled(r->words, ui(r, mission->kind == MISSION_B2B_MEETING ? UI_MISSION_B2B : UI_MISSION_TRADE),
                 t(r, &mission->destination));
        sentence(r->words, t(r, &mission->purpose));
    }
    bool any = false;
    for (size_t i = 0; i < r->content->country_count; i++) {
        const Country *country = &r->content->countries[i];
        if (country->target == CHOICE_NONE) {
            continue;
        }
        if (!any) {
            add_text(r->words, ui(r, UI_TARGET_COUNTRIES));
            append(r->words, ": ", 2);
        } else {
            append(r->words, ", ", 2);
        }
        add_text(r->words, t(r, &country->name));
        any = true;
    }
    if (any) {
        end_sentence(r->words);
    }
}

static void read_partners(Reader *r)
{
    title(r, ui(r, UI_PARTNER_CLUSTERS));
    for (size_t i = 0; i < r->content->partner_cluster_count; i++) {
        const PartnerCluster *cluster = &r->content->partner_clusters[i];
        const char *parts[] = {cluster->name, cluster->country ? t(r, &cluster->country->name) : ""};
        phrase(r->words, parts, 2);
    }
}

static void read_programmes(Reader *r)
{
    title(r, ui(r, UI_PROGRAMMES));
    for (int i = 0; i < r->slide->count; i++) {
        int index = plan_item(r->plan, PLAN_PROGRAMMES, r->slide->first + i);
        if (index < 0) {
            continue;
        }
        const Programme *programme = &r->content->programmes[index];
        sentence(r->words, t(r, &programme->name));
        const char *facts[] = {programme->years,
                               ui_programme_scope(programme->scope, r->lang)};
        phrase(r->words, facts, 2);
        sentence(r->words, t(r, &programme->funder));
    }
}

/* The timeline's period as its slide shows it: the title, then each item's years and name
 * ("2011–2013: Example Programme."), in time order. */
static void read_timeline(Reader *r)
{
    char heading[128];
    timeline_title(r->plan, r->slide->first, r->lang, heading, sizeof heading);
    title(r, heading);
    const Timeline *tl = r->plan->timeline;
    if (!tl || r->slide->first < 0 || (size_t)r->slide->first >= tl->period_count) {
        return;
    }
    const TimelinePeriod *period = &tl->periods[r->slide->first];
    for (size_t i = period->first; i < period->first + period->count; i++) {
        const TimelineItem *item = &tl->items[i];
        char years[256];
        timeline_years_format(&item->years, years, sizeof years);
        labelled(r->words, years,
                 item->source == PLAN_STORIES ? t(r, &r->content->stories[item->index].title)
                                              : t(r, &r->content->programmes[item->index].name));
    }
}

/* ---- Contact ----------------------------------------------------------------------------------- */

static void read_contact(Reader *r)
{
    const Organisation *org = &r->content->organisation;
    title(r, t(r, &org->name));
    labelled(r->words, ui(r, UI_CITY), t(r, &org->city));
    char founded[64];
    ui_format_date(org->founded, r->lang, founded, sizeof founded);
    labelled(r->words, ui(r, UI_FOUNDED), founded);
    about_group(r, ABOUT_NETWORK, UI_NETWORKS);
    for (size_t i = 0; i < r->content->contact_count; i++) {
        const Contact *contact = &r->content->contacts[i];
        sentence(r->words, t(r, &contact->role));
        const char *details[] = {contact->name, t(r, &contact->address), contact->phone};
        for (size_t d = 0; d < sizeof details / sizeof details[0]; d++) {
            sentence(r->words, details[d]);
        }
    }
}

/* ---- numbers as they are said ---------------------------------------------------------------- */

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Words a listener hears where the page has a sign (a speech engine says "dash", "tilde" or
 * "point zero zero zero" instead). */
typedef struct Spoken {
    const char *range;  /* 2011–2016 */
    const char *about;  /* ~3,000 */
} Spoken;

static const Spoken SPOKEN[LANG_COUNT] = {
    [LANG_EN] = {" to ", "about "},
    [LANG_SR_LATN] = {" do ", "oko "},
    [LANG_SR_CYRL] = {" до ", "око "},
};

/* Rewrites numbers for the ear: a range "2011-2016" or "2011–2016" says "to", "~3,000" says
 * "about", and in Serbian the thousands point of "3.000" goes (the voice would read the point). */
static char *tidy_numbers(const char *text, Lang lang)
{
    static const char EN_DASH[] = "\xE2\x80\x93";
    Words out = {0};
    size_t length = strlen(text);
    for (size_t i = 0; i < length && !out.out_of_memory; i++) {
        bool after_digit = i > 0 && is_digit(text[i - 1]);
        size_t dash = text[i] == '-' ? 1 : strncmp(text + i, EN_DASH, 3) == 0 ? 3 : 0;
        if (dash && after_digit && i + dash < length && is_digit(text[i + dash])) {
            append(&out, SPOKEN[lang].range, strlen(SPOKEN[lang].range));
            i += dash - 1;
            continue;
        }
        if (text[i] == '~' && i + 1 < length && is_digit(text[i + 1])) {
            append(&out, SPOKEN[lang].about, strlen(SPOKEN[lang].about));
            continue;
        }
        bool thousands = lang != LANG_EN && text[i] == '.' && after_digit && i + 3 < length &&
                         is_digit(text[i + 1]) && is_digit(text[i + 2]) && is_digit(text[i + 3]) &&
                         !is_digit(text[i + 4]);
        if (thousands) {
            continue;
        }
        append(&out, text + i, 1);
    }
    if (out.out_of_memory) {
        free(out.text);
        return NULL;
    }
    return out.text ? out.text : calloc(1, 1);
}

/* ---- the booth's Event section (event_booth.c) ------------------------------------------------------ */

static void read_event_find(Reader *r)
{
    title(r, ui(r, UI_EVENT_FIND));
    sentence(r->words, ui(r, UI_EVENT_FIND_HINT));
}

/* The page's sessions as "Hall A, 09:00, Opening of the day." in the event's local time. */
static void read_event_agenda(Reader *r)
{
    const Content *content = r->content;
    title(r, ui(r, UI_EVENT_AGENDA));
    size_t *agenda = malloc((content->session_count ? content->session_count : 1) * sizeof *agenda);
    if (!agenda) {
        r->words->out_of_memory = true;
        return;
    }
    size_t count = plan_event_agenda(r->plan, content, agenda, content->session_count);
    for (int i = 0; i < r->slide->count && (size_t)(r->slide->first + i) < count; i++) {
        const Session *session = &content->sessions[agenda[r->slide->first + i]];
        int hour = 0;
        int minute = 0;
        event_local_clock(&r->plan->event.zone, session->span.starts, &hour, &minute);
        char when[8];
        snprintf(when, sizeof when, "%02d:%02d", hour % 100, minute % 100);
        const char *parts[] = {t(r, &session->room), when, t(r, &session->title)};
        phrase(r->words, parts, sizeof parts / sizeof parts[0]);
    }
    free(agenda);
}

/* ---- dispatch ------------------------------------------------------------------------------------ */

typedef void (*SlideReader)(Reader *r);

static const SlideReader READERS[SLIDE_KIND_COUNT] = {
    [SLIDE_VISION] = read_vision,
    [SLIDE_FIGURES] = read_figures,
    [SLIDE_OBJECTIVES] = read_objectives,
    [SLIDE_PROFILE] = read_profile,
    [SLIDE_SERVICES] = read_services,
    [SLIDE_WHY_PARTNER] = read_why_partner,
    [SLIDE_MEMBERS] = read_members,
    [SLIDE_MEMBER_DETAIL] = read_member_detail,
    [SLIDE_STORIES] = read_stories,
    [SLIDE_MISSIONS] = read_missions,
    [SLIDE_PARTNERS] = read_partners,
    [SLIDE_PROGRAMMES] = read_programmes,
    [SLIDE_CONTACT] = read_contact,
    [SLIDE_EVENT_FIND] = read_event_find,
    [SLIDE_EVENT_AGENDA] = read_event_agenda,
    [SLIDE_TIMELINE] = read_timeline,
};

char *speakable_text(const Content *content, const SlidePlan *plan, SlideRef ref, Lang lang)
{
    Words words = {0};
    PlannedSlide slide = {0};
    if (content && plan && (int)lang >= 0 && lang < LANG_COUNT && plan_slide(plan, ref, &slide) &&
        (int)slide.kind >= 0 && slide.kind < SLIDE_KIND_COUNT && READERS[slide.kind]) {
        Reader reader = {&words, content, plan, &slide, lang};
        READERS[slide.kind](&reader);
    }
    if (words.out_of_memory) {
        free(words.text);
        return NULL;
    }
    if (!words.text) {
        return calloc(1, 1);
    }
    /* The last sentence needs no line break after it. */
    if (words.length > 0 && words.text[words.length - 1] == '\n') {
        words.text[--words.length] = '\0';
    }
    if ((int)lang < 0 || lang >= LANG_COUNT) {
        return words.text;
    }
    char *tidy = tidy_numbers(words.text, lang);
    free(words.text);
    return tidy;
}
