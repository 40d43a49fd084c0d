/* kit.h — the paint kit the slide templates share, one step above paint.h: the heading of
 * each section, the header every slide has (an eyebrow and a title, clear of the chrome's
 * Back), the arithmetic of a layout (grid cells, insets, bands taken off the top), cards,
 * chips and accent bars, and texts that may be cut ("Read more", and a tap opens the text
 * whole). Templates (slides.c's, members.c, story.c, chrome.c) use the kit; it uses none of
 * them. */
#ifndef FACTS_RENDER_KIT_H
#define FACTS_RENDER_KIT_H

#include "render/paint.h"
#include "render/plan.h"

#include <stdbool.h>
#include <stddef.h>

/* The heading of a section, in lang ("Success stories"). */
const char *kit_section_title(SectionId section, Lang lang);

/* A text style with the rest left to paint_text()'s defaults. */
TextStyle kit_style(FontWeight weight, int size, SDL_Color colour);

/* Cell i of a cols x rows grid filling area with gap between cells. */
SDL_Rect kit_grid_cell(SDL_Rect area, int cols, int rows, int i, int gap);

/* r shrunk by `by` on every side. */
SDL_Rect kit_inset(SDL_Rect r, int by);

/* Takes height h off the top of *area and returns it. */
SDL_Rect kit_take_top(SDL_Rect *area, int h);

/* A card: the surface colour with rounded corners. */
void kit_card(Painter *p, SDL_Rect r);

/* A small rounded label at (x, y), Metrics.size_small * 3 / 2 high; returns its width (0 and
 * nothing drawn for an empty text). A label is a chip wherever it is shown, or nowhere. */
int kit_chip(Painter *p, const char *text, int x, int y, SDL_Color fill, SDL_Color ink);

/* A short upright bar in the accent colour at (x, y), h high. */
void kit_accent_bar(Painter *p, int x, int y, int h);

/* The width of a pill button of the chrome's top row showing text: never narrower than
 * Metrics.target. */
int kit_pill_width(Painter *p, const char *text);

/* The label of the Back button in lang ("‹  Back"), into out. */
void kit_back_label(Lang lang, char *out, size_t size);

/* Width of the Back button at the left of the chrome's top row, in lang: a slide that has
 * one keeps its header text clear of it. */
int kit_back_width(Painter *p, Lang lang);

/* The header every slide has: a small eyebrow line above a title of up to two lines, in
 * Metrics.header; beside Back on a detail slide. */
void kit_header(Painter *p, const PlannedSlide *slide, const char *eyebrow, const char *title);

/* A tap on target opens the block (a text of this slide, see render/reading.h) whole. */
void kit_openable(Painter *p, SDL_Rect target, int block);

/* Paints text in box. When it must be cut (body text never shrinks below 2.5 % of the
 * screen height) it ends with "Read more" and a tap on target opens block whole: only a
 * shortened text makes its card tappable. Returns the height used; *cut may be NULL. */
int kit_readable(Painter *p, const char *text, SDL_Rect box, TextStyle st, int block, SDL_Rect target, bool *cut);

/* st set in the one size that texts[0..n) share in boxes[0..n): neighbouring cards never
 * end up in sizes of their own (paint_shared_size), and none shrinks further. */
TextStyle kit_shared_style(Painter *p, const char *const *texts, const SDL_Rect *boxes, size_t n, TextStyle st);

/* A label (muted, small) above a body text in style body; returns the height used. The
 * body text is kit_readable(): cut with "Read more", target opens block. */
int kit_labelled_block(Painter *p, const char *label, const char *text, SDL_Rect box, TextStyle body, int block,
                       SDL_Rect target);

/* A label (muted, small) above a body text; returns the height used. */
int kit_labelled(Painter *p, const char *label, const char *text, SDL_Rect box);

/* The box below a label in box (as kit_labelled_block lays it out). */
SDL_Rect kit_below_label(const Painter *p, SDL_Rect box);

#endif
