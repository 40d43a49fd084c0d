/* content.c — small helpers over the Content model; see content.h. */
#include "content/content.h"

#include "content/arena.h"
#include "core/event_board.h"
#include "core/id_list.h"

#include <stdlib.h>
#include <string.h>

void content_unload(Content *content)
{
    if (!content) {
        return;
    }
    arena_destroy(content->arena);
    free(content);
}

const char *local_text(const LocalText *text, Lang lang)
{
    static const Lang FALLBACK[] = {LANG_EN, LANG_SR_LATN, LANG_SR_CYRL};
    if ((int)lang >= 0 && lang < LANG_COUNT && text->text[lang] && text->text[lang][0]) {
        return text->text[lang];
    }
    for (size_t i = 0; i < sizeof FALLBACK / sizeof FALLBACK[0]; i++) {
        const char *candidate = text->text[FALLBACK[i]];
        if (candidate && candidate[0]) {
            return candidate;
        }
    }
    return "";
}

bool local_text_empty(const LocalText *text)
{
    return local_text(text, LANG_EN)[0] == '\0';
}

bool content_story_names(const Story *story, const char *member_id)
{
    return id_list_has(story->members, member_id);
}

bool validity_covers(const Validity *validity, const char *today)
{
    /* YYYY-MM-DD strings order like the dates they name. */
    if (validity->from && strcmp(today, validity->from) < 0) {
        return false;
    }
    if (validity->until && strcmp(today, validity->until) > 0) {
        return false;
    }
    return true;
}

const Event *content_event_on(const Content *content, EventInstant now, EventZone *zone)
{
    for (size_t e = 0; e < content->event_count; e++) {
        const Event *event = &content->events[e];
        EventZone parsed = {0};
        if (!event->utc_offsets || !event_zone_parse(event->utc_offsets, &parsed)) {
            continue; /* the loader checked it: only a Content made by hand lacks it */
        }
        EventSpan window = event_days_window(&parsed, event->starts, event->ends);
        for (size_t i = 0; i < content->session_count; i++) {
            const Session *session = &content->sessions[i];
            if (session->event == event && session->span.ends > window.ends) {
                window.ends = session->span.ends;
            }
        }
        for (size_t i = 0; i < content->meeting_count; i++) {
            const Meeting *meeting = &content->meetings[i];
            if (meeting->event == event && meeting->span.ends > window.ends) {
                window.ends = meeting->span.ends;
            }
        }
        if (window.starts <= now && now < window.ends) {
            *zone = parsed;
            return event;
        }
    }
    return NULL;
}
