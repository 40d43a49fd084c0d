/* chrome.h — what frames the slides: the brand lockup of the attract loop (its call to
 * touch is render/invite.h), and in interactive mode the top row — Back at its left, the
 * read-aloud speaker and the language switch at its right, in both orientations — the page
 * dots and the section bar (each a touch target of at least Metrics.target pixels). Painted
 * into transparent bands that the screen composes over the slides. Slide headers keep out of
 * the top row (see Metrics.header_row and kit_back_width()). */
#ifndef FACTS_RENDER_CHROME_H
#define FACTS_RENDER_CHROME_H

#include "core/deck.h"
#include "render/paint.h"
#include "render/plan.h"

/* The state chrome depends on; equal keys paint equal chrome. */
typedef struct ChromeKey {
    bool interactive;
    bool booth;
    Lang lang;
    SectionId section;
    int page;
    int pages;
    bool detail;
    bool speech;   /* read aloud is available: show the speaker button */
    bool speaking; /* it is reading: the button is lit */
} ChromeKey;

/* Height of the top band (wordmark / language switch). */
int chrome_top_height(const Metrics *m);

/* Paints the top band (0, 0, m.w, chrome_top_height) for key onto the current target,
 * which is cleared to transparent first; records touch targets. */
void chrome_paint_top(Painter *p, const Content *content, const ChromeKey *key);

/* Paints the footer band (m.footer, at y = 0 of the target) likewise. sections_present
 * marks the sections that have pages. */
void chrome_paint_footer(Painter *p, const ChromeKey *key, const bool *sections_present);

/* The section bar of the footer: its buttons (left to right) and the label box in each. */
typedef struct SectionBar {
    SDL_Rect bar;                     /* the whole bar, in footer coordinates */
    SDL_Rect buttons[SECTION_COUNT];  /* each a touch target */
    SDL_Rect labels[SECTION_COUNT];   /* the title's box inside its button */
    SectionId ids[SECTION_COUNT];
    int count;
    int size;                         /* the labels' one size */
} SectionBar;

/* Lays out the section bar for the sections present and returns the labels' size: one size in
 * every language, the largest up to Metrics.size_small at which each section's title in each of
 * the three languages fits its label box on one line — each button as wide as its widest title
 * plus an equal share of the room left. Only when even half the small size does not fit are the
 * buttons equal and a label may take two lines. */
int chrome_section_bar(Painter *p, const bool *sections_present, SectionBar *bar);

/* The text of a language switch button: each language's own name in its own script
 * ("English", "Srpski", "Српски"). */
const char *chrome_lang_label(Lang lang);

#endif
