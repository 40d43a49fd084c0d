/* story.h — the reading page: a story whole, or one text of a slide whole
 * (SLIDE_STORY_DETAIL, SLIDE_TEXT_DETAIL), in one readable column that scrolls with the
 * finger between the top chrome (Back, languages) and the section bar. Nothing is ever cut
 * here: the page is as long as its text.
 *
 * The page is laid out once into items (lines of text, chips, the photo) placed down a tall
 * column; drawing it at a scroll offset draws only the items in view. A StoryReader keeps
 * one page's layout and the textures of the items near the view, so that a scroll frame
 * copies textures instead of setting text again; items far from the view are let go, which
 * bounds its memory to about three screens of text whatever the story's length. */
#ifndef FACTS_RENDER_STORY_H
#define FACTS_RENDER_STORY_H

#include "core/deck.h"
#include "render/paint.h"
#include "render/plan.h"

#include <stdbool.h>

typedef struct StoryReader StoryReader;

/* An empty reader; NULL when out of memory. */
StoryReader *story_reader_create(void);

/* Frees the reader and its textures. NULL is a no-op. */
void story_reader_destroy(StoryReader *reader);

/* Forgets the page it holds (the content changed). */
void story_reader_clear(StoryReader *reader);

/* Paints the reading page of slide (ref names it; p->lang its language) scrolled down by
 * offset_px onto p's target: background, the fixed eyebrow, the column, a scroll bar, and
 * soft edges where the text goes on. reader NULL: lays it out, draws it and forgets it
 * (a slide painted once into the cache); otherwise the reader keeps it for the next
 * frames. Offsets outside [0, extent] (a bounce) show the background beyond the ends. */
void story_paint(Painter *p, StoryReader *reader, const Content *content, const SlidePlan *plan,
                 const PlannedSlide *slide, SlideRef ref, float offset_px);

/* How far the page of slide scrolls (*extent_px, 0 when it fits) and how tall its visible
 * part is (*viewport_px). False when slide is not a reading page. */
bool story_extent(Painter *p, StoryReader *reader, const Content *content, const SlidePlan *plan,
                  const PlannedSlide *slide, SlideRef ref, float *extent_px, float *viewport_px);

/* True for the slide kinds this module paints. */
bool story_is_reading(SlideKind kind);

#endif
