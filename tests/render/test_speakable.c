/* What read aloud says for a slide: title first, then the slide's texts in order, in the
 * slide's language; member detail = name, kind, description; list pages = their items; never
 * the chrome's words (Back, language names, other sections, hints) or web/e-mail addresses;
 * the booth's Event section: its hint, its agenda's sessions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "content/loader.h"
#include "core/event_time.h"
#include "core/ui_text.h"
#include "render/chrome.h"
#include "render/speakable.h"
#include "support/fixture.h"

typedef struct Fixture {
    char *dir;
    Content *content;
    SlidePlan plan;
} Fixture;

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof *f);
    f->dir = fixture_tempdir();
    fixture_sources(f->dir);
    char *pack = fixture_build_pack(f->dir);
    assert_int_equal(content_load(pack, NULL, &f->content), CONTENT_OK);
    free(pack);
    assert_true(plan_create(&f->plan, f->content, "2026-11-26", plan_capacity(false)));
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    plan_destroy(&f->plan);
    content_unload(f->content);
    fixture_remove_tree(f->dir);
    free(f);
    return 0;
}

static char *speak(Fixture *f, SectionId section, int page, int detail, Lang lang)
{
    char *text = speakable_text(f->content, &f->plan, (SlideRef){section, page, detail}, lang);
    assert_non_null(text);
    return text;
}

/* The pack built from the sources in dir, loaded. */
static Content *load_sources(const char *dir)
{
    char *path = fixture_build_pack(dir);
    Content *content = NULL;
    assert_int_equal(content_load(path, NULL, &content), CONTENT_OK);
    free(path);
    return content;
}

/* needles appear in text in this order. */
static void assert_in_order(const char *text, const char *const *needles, size_t count)
{
    const char *at = text;
    for (size_t i = 0; i < count; i++) {
        const char *found = strstr(at, needles[i]);
        if (!found) {
            fail_msg("\"%s\" missing (or out of order) in: %s", needles[i], text);
        }
        at = found + strlen(needles[i]);
    }
}

/* None of the chrome's words, in any language, and no addresses. */
static void assert_no_chrome(const char *text, SectionId section)
{
    for (int lang = 0; lang < LANG_COUNT; lang++) {
        const char *words[] = {ui_text(UI_BACK, (Lang)lang), ui_text(UI_TOUCH_TO_EXPLORE, (Lang)lang),
                               chrome_lang_label((Lang)lang), ui_text(UI_WEBSITE, (Lang)lang),
                               ui_text(UI_SCAN_TO_SAVE, (Lang)lang)};
        for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
            if (strstr(text, words[i])) {
                fail_msg("chrome word \"%s\" in: %s", words[i], text);
            }
        }
        /* The section bar: every other section's name. */
        static const UiText SECTIONS[SECTION_COUNT] = {UI_SECTION_ABOUT, UI_SECTION_MEMBERS, UI_SECTION_STORIES,
                                                       UI_SECTION_COOPERATION, UI_SECTION_CONTACT};
        for (int s = 0; s < SECTION_COUNT; s++) {
            if (s != (int)section && strstr(text, ui_text(SECTIONS[s], (Lang)lang))) {
                fail_msg("section bar word \"%s\" in: %s", ui_text(SECTIONS[s], (Lang)lang), text);
            }
        }
    }
    assert_null(strstr(text, "://"));
    assert_null(strstr(text, "@"));
}

static void test_vision_title_then_text(void **state)
{
    Fixture *f = *state;
    char *text = speak(f, SECTION_ABOUT, 0, -1, LANG_EN);
    const char *order[] = {"Example Cluster.", "To be an example, always.", "14 September 2010", "Example City."};
    assert_in_order(text, order, 4);
    assert_int_equal(strncmp(text, "Example Cluster.", 16), 0); /* the title comes first */
    assert_no_chrome(text, SECTION_ABOUT);
    free(text);
}

static void test_member_detail_name_kind_description(void **state)
{
    Fixture *f = *state;
    char *text = speak(f, SECTION_MEMBERS, 0, 0, LANG_EN);
    const char *order[] = {"Example Brand.", ui_text(UI_MEMBER_SME, LANG_EN), "An example brand."};
    assert_in_order(text, order, 3);
    assert_no_chrome(text, SECTION_MEMBERS); /* the brand's website is not read */
    free(text);
    text = speak(f, SECTION_MEMBERS, 0, 0, LANG_SR_LATN);
    const char *latin[] = {"Example Brand.", ui_text(UI_MEMBER_SME, LANG_SR_LATN), "Primer brenda."};
    assert_in_order(text, latin, 3);
    free(text);
}

static void test_lists_read_their_items(void **state)
{
    Fixture *f = *state;
    char *text = speak(f, SECTION_MEMBERS, 0, -1, LANG_EN);
    /* The fixture gives no members_total: the list is read as the major players it names. */
    const char *members[] = {ui_text(UI_MAJOR_PLAYERS, LANG_EN), "Example Brand", "Other Example"};
    assert_in_order(text, members, 3);
    assert_no_chrome(text, SECTION_MEMBERS);
    free(text);
    text = speak(f, SECTION_STORIES, 0, -1, LANG_EN);
    const char *stories[] = {ui_text(UI_ACHIEVEMENTS, LANG_EN), "Example Fair.", "Example City, 2011, 2012.",
                             "We were there."};
    assert_in_order(text, stories, 4);
    assert_no_chrome(text, SECTION_STORIES);
    free(text);
    text = speak(f, SECTION_ABOUT, 1, -1, LANG_EN); /* key figures: only the one shown today */
    const char *figures[] = {ui_text(UI_KEY_FIGURES, LANG_EN), "100+ example stores."};
    assert_in_order(text, figures, 2);
    assert_null(strstr(text, "retired"));
    free(text);
}

static void test_contact_reads_no_addresses(void **state)
{
    Fixture *f = *state;
    int last = f->plan.page_count[SECTION_CONTACT] - 1;
    assert_true(last >= 0);
    char *text = speak(f, SECTION_CONTACT, last, -1, LANG_EN);
    const char *order[] = {"Example Cluster.", "Example City.", "Example Desk."};
    assert_in_order(text, order, 3);
    assert_no_chrome(text, SECTION_CONTACT); /* info@example.org and the web address are left out */
    free(text);
}

/* Serbian Cyrillic reads the derived Cyrillic text, not the Latin. */
static void test_cyrillic_slide_is_cyrillic(void **state)
{
    Fixture *f = *state;
    char *text = speak(f, SECTION_ABOUT, 0, -1, LANG_SR_CYRL);
    assert_non_null(strstr(text, "Пример кластера."));
    assert_null(strstr(text, "Primer"));
    free(text);
}

/* Every page of every section has something to say and ends without a dangling break. */
static void test_every_page_speaks(void **state)
{
    Fixture *f = *state;
    for (int s = 0; s < SECTION_COUNT; s++) {
        for (int page = 0; page < f->plan.page_count[s]; page++) {
            for (int lang = 0; lang < LANG_COUNT; lang++) {
                char *text = speak(f, (SectionId)s, page, -1, (Lang)lang);
                size_t length = strlen(text);
                if (length == 0) {
                    fail_msg("section %d page %d lang %d says nothing", s, page, lang);
                }
                assert_true(text[length - 1] != '\n' && text[length - 1] != ' ');
                assert_no_chrome(text, (SectionId)s);
                free(text);
            }
        }
    }
}

/* Numbers as they are said: a year range says "to", "~" says "about", and the Serbian
 * thousands point goes (espeak-ng would say "dash", "tilde", "point zero zero zero"). */
static void test_numbers_for_the_ear(void **state)
{
    Fixture *f = *state;
    int programmes = -1;
    for (int page = 0; page < f->plan.page_count[SECTION_COOPERATION]; page++) {
        programmes = f->plan.pages[SECTION_COOPERATION][page].kind == SLIDE_PROGRAMMES ? page : programmes;
    }
    assert_true(programmes >= 0);
    const char *ranges[LANG_COUNT] = {"2011 to 2013", "2011 do 2013", "2011 до 2013"};
    for (int lang = 0; lang < LANG_COUNT; lang++) {
        char *text = speak(f, SECTION_COOPERATION, programmes, -1, (Lang)lang);
        if (!strstr(text, ranges[lang])) {
            fail_msg("no \"%s\" in: %s", ranges[lang], text);
        }
        free(text);
    }

    char *dir = fixture_tempdir();
    fixture_sources(dir);
    fixture_write(dir, "figures.csv",
                  "id,value_en,value_sr_latn,label_en,label_sr_latn,show_from,show_until\n"
                  "people,\"~3,000\",~3.000,people,ljudi,,\n"
                  "years,2010\xE2\x80\x93" "2020,2010-2020,years,godine,,\n"
                  "point,1.5,\"1,5\",points,poena,,\n",
                  (size_t)-1);
    Content *content = load_sources(dir);
    SlidePlan plan;
    assert_true(plan_create(&plan, content, "2026-11-26", plan_capacity(false)));
    char *en = speakable_text(content, &plan, (SlideRef){SECTION_ABOUT, 1, -1}, LANG_EN);
    char *sr = speakable_text(content, &plan, (SlideRef){SECTION_ABOUT, 1, -1}, LANG_SR_LATN);
    assert_non_null(en);
    assert_non_null(sr);
    const char *en_order[] = {"about 3,000 people.", "2010 to 2020 years.", "1.5 points."};
    assert_in_order(en, en_order, 3);
    const char *sr_order[] = {"oko 3000 ljudi.", "2010 do 2020 godine.", "1,5 poena."};
    assert_in_order(sr, sr_order, 3);
    free(en);
    free(sr);
    plan_destroy(&plan);
    content_unload(content);
    fixture_remove_tree(dir);
}

/* The booth's Event section reads its title, then the hint or the page's sessions as "room,
 * time, title" in the event's local time (Europe/Belgrade, UTC+2 in September). */
static void test_event_section_speaks(void **state)
{
    (void)state;
    char *dir = fixture_tempdir();
    fixture_sources(dir);
    fixture_write(dir, "events.csv",
                  "id,name_en,name_sr_latn,venue_en,venue_sr_latn,starts,ends,time_zone\n"
                  "day,Example Day,Primer dan,Example Hall,Primer hala,2026-09-17,2026-09-17,Europe/Belgrade\n",
                  (size_t)-1);
    fixture_write(dir, "sessions.csv",
                  "id,event,starts,ends,room_en,room_sr_latn,title_en,title_sr_latn,kind\n"
                  "b,day,2026-09-17T11:00,2026-09-17T12:00,Hall B,Hala B,Second talk,Drugo predavanje,talk\n"
                  "a,day,2026-09-17T09:00,2026-09-17T10:00,Hall A,Hala A,Opening,Otvaranje,talk\n",
                  (size_t)-1);
    Content *content = load_sources(dir);
    SlidePlan plan;
    assert_true(plan_create(&plan, content, "2026-09-17", plan_capacity(false)));
    EventInstant now = 0;
    assert_true(event_instant_parse("2026-09-17T08:00:00Z", &now));
    plan_add_event_section(&plan, content, now, true);
    assert_int_equal(plan.page_count[SECTION_EVENT], 2);
    char *find = speakable_text(content, &plan, (SlideRef){SECTION_EVENT, 0, -1}, LANG_EN);
    const char *find_order[] = {"Find my meetings.", "Type your company's name"};
    assert_in_order(find, find_order, 2);
    char *agenda = speakable_text(content, &plan, (SlideRef){SECTION_EVENT, 1, -1}, LANG_SR_LATN);
    const char *agenda_order[] = {"Program dana.", "Hala B, 11:00, Drugo predavanje.", "Hala A, 09:00, Otvaranje."};
    assert_in_order(agenda, agenda_order, 3);
    free(find);
    free(agenda);
    plan_destroy(&plan);
    content_unload(content);
    fixture_remove_tree(dir);
}

static void test_unknown_slide_is_empty(void **state)
{
    Fixture *f = *state;
    char *text = speak(f, SECTION_ABOUT, 99, -1, LANG_EN);
    assert_string_equal(text, "");
    free(text);
    text = speak(f, SECTION_MEMBERS, 0, 99, LANG_EN);
    assert_string_equal(text, "");
    free(text);
    text = speakable_text(NULL, NULL, (SlideRef){SECTION_ABOUT, 0, -1}, LANG_EN);
    assert_non_null(text);
    assert_string_equal(text, "");
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vision_title_then_text),
        cmocka_unit_test(test_member_detail_name_kind_description),
        cmocka_unit_test(test_lists_read_their_items),
        cmocka_unit_test(test_contact_reads_no_addresses),
        cmocka_unit_test(test_cyrillic_slide_is_cyrillic),
        cmocka_unit_test(test_every_page_speaks),
        cmocka_unit_test(test_numbers_for_the_ear),
        cmocka_unit_test(test_unknown_slide_is_empty),
        cmocka_unit_test(test_event_section_speaks),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
