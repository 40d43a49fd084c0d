/* reading.c — the texts of reading pages; see reading.h. reading_block() numbers each
 * slide kind's texts the way its template in slides.c draws them (and plan_block_count()
 * counts them): keep the three in step. */
#include "render/reading.h"

#include <stdio.h>
#include <string.h>

/* The n-th about item of kind, or NULL. */
static const AboutItem *nth_of_kind(const Content *content, AboutKind kind, int n)
{
    for (size_t i = 0; i < content->about_item_count; i++) {
        if (content->about_items[i].kind == (int)kind && n-- == 0) {
            return &content->about_items[i];
        }
    }
    return NULL;
}

static void clear(ReadingText *out)
{
    *out = (ReadingText){.eyebrow = "", .title = "", .chip = "", .subtitle = "", .body = "", .picture = NULL};
}

/* Appends text (and a separator before it when buffer is not empty) to buffer. */
static void append(char *buffer, size_t size, const char *separator, const char *text)
{
    size_t used = strlen(buffer);
    if (!text || !text[0] || used + 1 >= size) {
        return;
    }
    snprintf(buffer + used, size - used, "%s%s", used ? separator : "", text);
}

bool reading_contact_reachable(const Contact *contact)
{
    return (contact->email && contact->email[0]) || (contact->phone && contact->phone[0]) ||
           (contact->web && contact->web[0]);
}

const char *reading_contact_details(const Contact *contact, Lang lang, char *buffer, size_t size)
{
    buffer[0] = '\0';
    const char *lines[] = {contact->name, local_text(&contact->address, lang), contact->email, contact->phone,
                           contact->web, local_text(&contact->meet, lang)};
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        append(buffer, size, "\n", lines[i]);
    }
    if (!reading_contact_reachable(contact) && local_text_empty(&contact->meet)) {
        append(buffer, size, "\n", ui_text(UI_TALK_TO_US, lang));
    }
    return buffer;
}

static const char *section_title(SectionId section, Lang lang)
{
    static const UiText TITLES[SECTION_COUNT] = {
        UI_SECTION_ABOUT, UI_SECTION_MEMBERS, UI_SECTION_STORIES, UI_SECTION_COOPERATION, UI_SECTION_CONTACT, UI_SECTION_EVENT,
    };
    return ui_text(TITLES[section], lang);
}

bool reading_block(const Content *content, const SlidePlan *plan, const PlannedSlide *slide, Lang lang, int block,
                   ReadingText *out, char *buffer, size_t size)
{
    clear(out);
    buffer[0] = '\0';
    if (block < 0 || block >= plan_block_count(content, slide)) {
        return false;
    }
    const Organisation *org = &content->organisation;
    out->eyebrow = section_title(SECTION_ABOUT, lang);
    switch (slide->page_kind) {
    case SLIDE_VISION:
        out->eyebrow = ui_text(UI_VISION, lang);
        out->title = local_text(&org->name, lang);
        out->body = local_text(&org->vision, lang);
        return true;
    case SLIDE_FIGURES: {
        int index = plan_item(plan, PLAN_FIGURES, slide->first + block);
        if (index < 0) {
            return false;
        }
        out->eyebrow = ui_text(UI_KEY_FIGURES, lang);
        out->title = local_text(&content->figures[index].value, lang);
        out->body = local_text(&content->figures[index].label, lang);
        return true;
    }
    case SLIDE_OBJECTIVES: {
        const AboutItem *item = nth_of_kind(content, ABOUT_OBJECTIVE, block);
        out->title = ui_text(UI_OBJECTIVES, lang);
        out->body = item ? local_text(&item->text, lang) : "";
        return item != NULL;
    }
    case SLIDE_PROFILE: {
        int g = plan_profile_group(content, block);
        if (g < 0) {
            return false;
        }
        size_t group_count = 0;
        const ProfileGroup *group = &plan_profile_groups(&group_count)[g];
        out->eyebrow = ui_text(UI_PROFILE, lang);
        out->title = ui_text(group->label, lang);
        for (int n = 0; nth_of_kind(content, group->kind, n); n++) {
            append(buffer, size, "\n", local_text(&nth_of_kind(content, group->kind, n)->text, lang));
        }
        out->body = buffer;
        return true;
    }
    case SLIDE_SERVICES: {
        int services = plan_about_count(content, ABOUT_SERVICE);
        bool detail = block >= services;
        const AboutItem *item = nth_of_kind(content, detail ? ABOUT_SERVICE_DETAIL : ABOUT_SERVICE,
                                            detail ? block - services : block);
        out->title = ui_text(detail ? UI_SERVICE_DETAILS : UI_SERVICES, lang);
        out->body = item ? local_text(&item->text, lang) : "";
        return item != NULL;
    }
    case SLIDE_WHY_PARTNER:
        out->title = ui_text(block == 0 ? UI_WHY_PARTNER : UI_ACTION_PLAN, lang);
        out->body = local_text(block == 0 ? &org->why_partner : &org->action_plan, lang);
        return true;
    case SLIDE_MISSIONS: {
        int index = plan_item(plan, PLAN_MISSIONS, slide->first + block);
        if (index < 0) {
            return false;
        }
        const Mission *mission = &content->missions[index];
        out->eyebrow = ui_text(UI_TRADE_MISSIONS, lang);
        out->title = local_text(&mission->destination, lang);
        out->chip = ui_text(mission->kind == MISSION_B2B_MEETING ? UI_MISSION_B2B : UI_MISSION_TRADE, lang);
        out->body = local_text(&mission->purpose, lang);
        return true;
    }
    case SLIDE_PARTNERS: {
        const PartnerCluster *cluster = &content->partner_clusters[slide->first + block];
        out->eyebrow = ui_text(UI_PARTNER_CLUSTERS, lang);
        out->title = cluster->name;
        out->subtitle = cluster->country ? local_text(&cluster->country->name, lang) : "";
        return true;
    }
    case SLIDE_PROGRAMMES: {
        int index = plan_item(plan, PLAN_PROGRAMMES, slide->first + block);
        if (index < 0) {
            return false;
        }
        const Programme *programme = &content->programmes[index];
        out->eyebrow = ui_text(UI_PROGRAMMES, lang);
        out->title = local_text(&programme->name, lang);
        out->chip = programme->years ? programme->years : "";
        out->subtitle = ui_programme_scope(programme->scope, lang);
        out->body = local_text(&programme->funder, lang);
        return true;
    }
    case SLIDE_CONTACT: {
        const Contact *contact = &content->contacts[block];
        out->eyebrow = section_title(SECTION_CONTACT, lang);
        out->title = local_text(&contact->role, lang);
        out->body = reading_contact_details(contact, lang, buffer, size);
        return true;
    }
    default:
        return false;
    }
}

bool reading_story(const Content *content, const SlidePlan *plan, int index, Lang lang, ReadingText *out)
{
    clear(out);
    int i = plan_item(plan, PLAN_STORIES, index);
    if (i < 0) {
        return false;
    }
    const Story *story = &content->stories[i];
    out->eyebrow = section_title(SECTION_STORIES, lang);
    out->title = local_text(&story->title, lang);
    out->chip = story->years ? story->years : ""; /* no year given: none shown */
    out->subtitle = local_text(&story->place, lang);
    out->body = local_text(&story->body, lang);
    out->picture = story->photo;
    return true;
}

bool reading_for_slide(const Content *content, const SlidePlan *plan, const PlannedSlide *slide, Lang lang,
                       ReadingText *out, char *buffer, size_t size)
{
    if (slide->kind == SLIDE_STORY_DETAIL) {
        return reading_story(content, plan, slide->first, lang, out);
    }
    if (slide->kind == SLIDE_TEXT_DETAIL) {
        return reading_block(content, plan, slide, lang, slide->block, out, buffer, size);
    }
    clear(out);
    return false;
}
