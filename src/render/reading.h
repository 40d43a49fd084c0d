/* reading.h — what a reading page shows: a story whole, or one text of a slide whole (the
 * text of a card that the slide had to shorten). A slide's texts are numbered "blocks" in
 * the order its template draws them (plan_block_count() counts them, reading.c gives each
 * kind's); the template marks the ones it shortened with "Read more" and makes them open a
 * SLIDE_TEXT_DETAIL of that block.
 * No SDL: the texts only. */
#ifndef FACTS_RENDER_READING_H
#define FACTS_RENDER_READING_H

#include "content/content.h"
#include "core/ui_text.h"
#include "render/plan.h"

#include <stdbool.h>
#include <stddef.h>

/* One reading page. Strings are never NULL ("" when absent); they point into the Content,
 * the kiosk's own words, or the caller's buffer. */
typedef struct ReadingText {
    const char *eyebrow;           /* the section or slide heading, above the title */
    const char *title;
    const char *chip;              /* a short label before the subtitle (a story's years), or "" */
    const char *subtitle;          /* where (a story's place), or "" */
    const char *body;
    const ContentImage *picture;   /* a story's photo, or NULL */
} ReadingText;

/* Block `block` of the page slide (a page kind, or SLIDE_TEXT_DETAIL for its page) in
 * lang. Texts made of several parts are written into buffer. False (out zeroed to "")
 * when the page has no such block. */
bool reading_block(const Content *content, const SlidePlan *plan, const PlannedSlide *slide, Lang lang, int block,
                   ReadingText *out, char *buffer, size_t size);

/* Visible story `index` (SLIDE_STORY_DETAIL's first) in lang; false when out of range. */
bool reading_story(const Content *content, const SlidePlan *plan, int index, Lang lang, ReadingText *out);

/* What a reading page for slide (SLIDE_STORY_DETAIL or SLIDE_TEXT_DETAIL) shows. */
bool reading_for_slide(const Content *content, const SlidePlan *plan, const PlannedSlide *slide, Lang lang,
                       ReadingText *out, char *buffer, size_t size);

/* A contact's details, one a line (name, address, e-mail, phone, web, where to meet), into
 * buffer; when it gives no phone, e-mail or web address and no meeting place, the kiosk's
 * "Talk to us at the booth" ends it, so that a visitor always learns how to reach the team.
 * Returns buffer. */
const char *reading_contact_details(const Contact *contact, Lang lang, char *buffer, size_t size);

/* True when a contact can be reached without coming to the booth (phone, e-mail or web). */
bool reading_contact_reachable(const Contact *contact);

#endif
