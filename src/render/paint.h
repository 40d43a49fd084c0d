/* paint.h — drawing primitives shared by slides, chrome and overlays: the screen's
 * metrics (resolution-independent sizes), the palette (theme colours made readable),
 * fitted text, rounded shapes and the record of touch targets drawn. */
#ifndef FACTS_RENDER_PAINT_H
#define FACTS_RENDER_PAINT_H

#include "content/content.h"
#include "core/hit.h"
#include "core/lang.h"
#include "render/fonts.h"

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
    int size_small;   /* captions */
    int size_figure;  /* key figure numbers */
    SDL_Rect header;  /* eyebrow + title */
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

typedef struct TextStyle {
    FontWeight weight;
    int size;          /* preferred px */
    int min_size;      /* smallest px before cutting with "…"; 0 = 75 % of size */
    SDL_Color colour;
    Align align;
    int max_lines;     /* 0 = as many as fit */
    float line_height; /* 0 = 1.25 */
    bool middle;       /* centre vertically in the box */
} TextStyle;

/* Metrics for a w x h screen. */
Metrics metrics_for(int w, int h);

/* The pack's theme as drawing colours, each text colour corrected to reach 4.5:1 against
 * the background and surface it is drawn on. */
Palette palette_from_theme(const Theme *theme);

/* Draws text wrapped, shrunk and cut to fit box (see core/text_fit.h); returns the height
 * used. Empty text draws nothing and returns 0. */
int paint_text(Painter *p, const char *text, SDL_Rect box, TextStyle style);

/* The height paint_text() would use for the same arguments, without drawing. */
int paint_text_height(Painter *p, const char *text, SDL_Rect box, TextStyle style);

/* Width of text on one line. */
int paint_text_width(Painter *p, const char *text, FontWeight weight, int size);

void paint_fill(Painter *p, SDL_Rect rect, SDL_Color colour);
void paint_round_rect(Painter *p, SDL_Rect rect, int radius, SDL_Color colour);
void paint_circle(Painter *p, int cx, int cy, int radius, SDL_Color colour);

/* Records a touch target (ignored when hits are not recorded). */
void paint_hit(Painter *p, SDL_Rect rect, DeckCommand command);

/* SDL_Color from 0xRRGGBB. */
SDL_Color paint_rgb(uint32_t rgb);

#endif
