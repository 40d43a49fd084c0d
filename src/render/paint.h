/* paint.h — drawing primitives shared by slides, chrome and overlays: the screen's
 * metrics (resolution-independent sizes), the palette (theme colours made readable),
 * fitted text, rounded shapes and the record of touch targets drawn. */
#ifndef FACTS_RENDER_PAINT_H
#define FACTS_RENDER_PAINT_H

#include "content/content.h"
#include "core/hit.h"
#include "core/lang.h"
#include "render/fonts.h"
#include "render/shapes.h"

#include <SDL2/SDL.h>
#include <stdbool.h>

/* Sizes for one screen, all derived from its width and height. */
typedef struct Metrics {
    int w, h;
    bool portrait;
    int margin;       /* outer margin */
    int gap;          /* between blocks */
    int radius;       /* card corners */
    int target;       /* smallest touch target (9 mm on a 15.6" 1080p panel) */
    int size_eyebrow; /* section label above a title */
    int size_title;   /* slide title */
    int size_quote;   /* large statement (vision) */
    int size_heading; /* card heading */
    int size_body;    /* body text: at least 2.5 % of the screen height */
    int size_floor;   /* 2.5 % of the height: body text and larger never shrink below it */
    int size_small;   /* captions */
    int size_figure;  /* key figure numbers */
    SDL_Rect header;  /* eyebrow + title */
    int header_row;   /* the eyebrow's line at the top of header: in landscape it shares the
                         chrome's top row (Back, language switch), so it is that tall */
    SDL_Rect body;    /* the slide's content area */
    SDL_Rect footer;  /* chrome: section bar, page dots, progress */
} Metrics;

typedef struct Palette {
    SDL_Color background;
    SDL_Color surface;
    SDL_Color text;
    SDL_Color muted;
    SDL_Color accent;
    SDL_Color accent_text;
    SDL_Color line;
} Palette;

/* Receives a problem worth logging once (key identifies it). */
typedef void (*PaintWarnFn)(void *ctx, const char *key, const char *message);

typedef struct Painter {
    SDL_Renderer *renderer;
    Fonts *fonts;
    Shapes *shapes;     /* the renderer's kept disc textures; NULL = made for each shape */
    Metrics m;
    Palette pal;
    Lang lang;
    HitRegion *hits;    /* touch targets drawn so far; NULL = not recorded */
    size_t hit_count;
    size_t hit_capacity;
    PaintWarnFn warn;
    void *warn_ctx;
} Painter;

typedef enum Align {
    ALIGN_LEFT = 0,
    ALIGN_CENTER,
    ALIGN_RIGHT,
} Align;

/* The tightest line spacing (a multiple of the size) for text that may take two lines or more
 * and contain accented capitals: closer, a descender ("j") touches an accent of the line below
 * ("Ć"). */
#define PAINT_LINE_HEIGHT_CLEAR 1.2f

typedef struct TextStyle {
    FontWeight weight;
    int size;          /* preferred px */
    int min_size;      /* smallest px before cutting with "…"; 0 = 75 % of size */
    SDL_Color colour;
    Align align;
    int max_lines;     /* 0 = as many as fit */
    float line_height; /* 0 = 1.25 */
    bool middle;       /* centre vertically in the box */
    bool more;         /* when cut, end with a "Read more" mark (left-aligned text) */
} TextStyle;

/* Metrics for a w x h screen. */
Metrics metrics_for(int w, int h);

/* The pack's theme as drawing colours, each text colour corrected to reach 4.5:1 against
 * the background and surface it is drawn on. */
Palette palette_from_theme(const Theme *theme);

/* Draws text wrapped, shrunk and cut to fit box (see core/text_fit.h); returns the height
 * used. Text at Metrics.size_floor or larger never shrinks below it: it is cut instead.
 * Empty text draws nothing and returns 0. */
int paint_text(Painter *p, const char *text, SDL_Rect box, TextStyle style);

/* The font size paint_text() would draw text at in box with style (it shrinks to fit), or 0
 * when the text would be cut even at the smallest size: for one size across many labels. */
int paint_fit_size(Painter *p, const char *text, SDL_Rect box, TextStyle style);

/* paint_text() that also tells whether the text was cut (*cut; NULL: not wanted). With
 * style.more a cut text ends with the "Read more" mark, which says the whole text is a tap
 * away. */
int paint_text_cut(Painter *p, const char *text, SDL_Rect box, TextStyle style, bool *cut);

/* The one size for texts drawn side by side in the same style (neighbouring cards):
 * see text_fit_shared_size(). NULL texts count as empty. */
int paint_shared_size(Painter *p, const char *const *texts, const SDL_Rect *boxes, size_t count, TextStyle style);

/* The height text needs at width w in style, however tall (capped at 24 lines). */
int paint_text_height(Painter *p, const char *text, int w, TextStyle style);

/* Text of the "Read more" mark in p->lang. */
const char *paint_more_label(const Painter *p);

/* Draws the "Read more ›" mark on its own with its top left at (x, y), set at size px;
 * returns its width (0 when it would not fit max_w). */
int paint_more_mark(Painter *p, int x, int y, int size, int max_w);

/* The height paint_text() would use for the same arguments (it may shrink the text to fit
 * box), without drawing; 0 when it would draw nothing. */
int paint_text_box_height(Painter *p, const char *text, SDL_Rect box, TextStyle style);


/* Draws text on one line, uncut, its left end at x and its baseline at y; returns its width.
 * For texts of different sizes that share a line (a figure and its unit). */
int paint_on_baseline(Painter *p, const char *text, int x, int y, FontWeight weight, int size, SDL_Color colour);

/* The baseline of the first line paint_text() draws at size in a box whose top is y (line
 * spacing 1.25, not centred). */
int paint_first_baseline(Painter *p, int y, FontWeight weight, int size);

/* Width of text on one line. */
int paint_text_width(Painter *p, const char *text, FontWeight weight, int size);

void paint_fill(Painter *p, SDL_Rect rect, SDL_Color colour);
/* A rectangle with corners of radius (at most half its sides: a pill when that), its edges
 * anti-aliased (render/shapes.h). */
void paint_round_rect(Painter *p, SDL_Rect rect, int radius, SDL_Color colour);
/* A disc around (cx, cy), anti-aliased. */
void paint_circle(Painter *p, int cx, int cy, int radius, SDL_Color colour);

/* Marks card as something that opens when touched: a small round "›" in its top-right
 * corner. Only cards that open something carry it, so a visitor can tell them from cards
 * that only show text. */
void paint_open_mark(Painter *p, SDL_Rect card);

/* How wide that mark is: text beside it keeps clear of it. */
int paint_open_mark_width(const Painter *p);

/* Records a touch target (ignored when hits are not recorded). */
void paint_hit(Painter *p, SDL_Rect rect, DeckCommand command);

/* SDL_Color from 0xRRGGBB. */
SDL_Color paint_rgb(uint32_t rgb);

/* A w x h texture of format to paint into (a render target), drawn with blend; NULL when
 * SDL cannot make one. */
SDL_Texture *paint_target_texture(SDL_Renderer *renderer, Uint32 format, SDL_BlendMode blend, int w, int h);

#endif
