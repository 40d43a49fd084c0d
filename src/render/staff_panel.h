/* staff_panel.h — what booth staff see behind the hidden gesture, drawn over the whole
 * screen in the staff's own colours (never the pack's, so it does not pass for content):
 *   - the PIN pad: big digit keys, a dot per digit typed, a line for a wrong PIN or a lock;
 *   - the panel: the figures (StaffRow, filled by the app) and the action buttons;
 *   - the touch test: a grid, marks at the corners and the centre, and the strokes drawn
 *     where the screen was touched, to check calibration and rotation;
 *   - the problems of content taken from a stick, a list that scrolls, and what was (not) done;
 *   - the clock: the time the kiosk shows, whether it is trusted, buttons that move it by a
 *     day, an hour or a minute, and one that confirms it ("The time is right", or "Set the
 *     clock to 14:35" once moved);
 *   - the staff bar over a preview of new content: "Preview — Install · Discard", drawn over
 *     the slides' top row, whose Back and language switch it carries in their place (the rest
 *     of the screen stays the preview's).
 * The layout is a pure function of the screen size and page (staff_panel_layout), so a touch
 * is matched to a button without drawing (staff_panel_hit). Start with staff_panel_draw(). */
#ifndef FACTS_RENDER_STAFF_PANEL_H
#define FACTS_RENDER_STAFF_PANEL_H

#include "core/lang.h"
#include "core/ui_text.h"
#include "render/fonts.h"
#include "render/paint.h"

#include <SDL2/SDL.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
    STAFF_PANEL_ROWS = 10,     /* figures on the panel */
    STAFF_PANEL_BUTTONS = 16,  /* buttons on any page */
    STAFF_ROW_VALUE_MAX = 256,
    STAFF_MESSAGE_MAX = 256,
};

typedef enum StaffPage {
    STAFF_PAGE_PIN = 0,
    STAFF_PAGE_PANEL,
    STAFF_PAGE_TOUCH_TEST,
    STAFF_PAGE_PROBLEMS,   /* content from a stick did not build */
    STAFF_PAGE_PREVIEW,    /* the bar over a preview: only the bar is drawn */
    STAFF_PAGE_CLOCK,      /* confirm or correct the time (issue 20) */
} StaffPage;

typedef enum StaffAction {
    STAFF_ACT_NONE = 0,
    STAFF_ACT_DIGIT,      /* StaffButton.digit */
    STAFF_ACT_ERASE,
    STAFF_ACT_ENTER,
    STAFF_ACT_CLOSE,      /* the pad or the panel: back to the visitors' screen */
    STAFF_ACT_ROLLBACK,
    STAFF_ACT_EXPORT,
    STAFF_ACT_PROFILE,
    STAFF_ACT_LANG,
    STAFF_ACT_TOUCH_TEST,
    STAFF_ACT_RESTART,
    STAFF_ACT_DONE,       /* leaves the touch test, the problems */
    STAFF_ACT_COPY_TO_STICK,
    STAFF_ACT_TAKE_FROM_STICK,
    STAFF_ACT_INSTALL,    /* the preview bar's */
    STAFF_ACT_DISCARD,
    STAFF_ACT_PREVIEW_BACK, /* the bar covers the slides' top row: its Back and */
    STAFF_ACT_PREVIEW_LANG, /* language switch (StaffButton.digit: the Lang) are on the bar */
    STAFF_ACT_CLOCK,        /* the panel's: the clock page */
    STAFF_ACT_CLOCK_SHIFT,  /* the clock page's: moves the time by StaffButton.digit minutes */
    STAFF_ACT_CLOCK_CONFIRM, /* the time shown is right: the kiosk takes it */
    STAFF_ACT_COUNT
} StaffAction;

typedef struct StaffButton {
    SDL_Rect rect;
    StaffAction action;
    int digit;
} StaffButton;

/* One figure: a label and its value as text ("" shows "—"). */
typedef struct StaffRow {
    UiText label;
    char value[STAFF_ROW_VALUE_MAX];
} StaffRow;

/* A point of the touch test; first: a new stroke starts here. */
typedef struct StaffPoint {
    int16_t x, y;
    bool first;
} StaffPoint;

/* Everything a page shows. Zero-initialise, then fill what the page needs. */
typedef struct StaffView {
    StaffPage page;
    Lang lang;
    /* PIN pad */
    int digits;                      /* typed so far: one dot each */
    /* PIN pad and panel: a line under the dots or under the buttons */
    char message[STAFF_MESSAGE_MAX];
    bool problem;                    /* the message in the warning colour */
    /* panel */
    StaffRow rows[STAFF_PANEL_ROWS];
    size_t row_count;
    bool lobby;                      /* the profile on screen now */
    Lang start_lang;                 /* the start language now */
    StaffAction armed;               /* waiting for its confirming second tap */
    bool import_off;                 /* no Copy / Take buttons: [staff] import = false, said instead */
    Lang preview_lang;               /* preview bar: the language the preview shows */
    bool busy;                       /* a copy or an import runs: a bar under the message, */
    double progress;                 /* this far (0..1; < 0: not known) */
    /* panel and clock: the time the kiosk shows (on the clock page moved by the staff's
     * buttons), its state (UI_STAFF_CLOCK_NONE, _SYNCHRONISED, _STAFF, _FAKE) */
    char clock_time[64];             /* "2026-12-08 14:05:33" */
    char clock_short[16];            /* "14:05" */
    UiText clock_state;
    bool clock_trusted;
    bool clock_moved;                /* the confirm button sets the time shown */
    /* touch test (borrowed) */
    const StaffPoint *points;
    size_t point_count;
    /* problems (borrowed), scrolled this far down (staff_panel_problems_extent) */
    const char *const *problems;
    size_t problem_count;
    float scroll_px;
} StaffView;

/* The buttons of page on a w x h screen into out (at most max); returns how many. import: the
 * panel has the Copy and Take buttons (else a line says why not in their place). */
size_t staff_panel_layout(int w, int h, StaffPage page, bool import, StaffButton *out, size_t max);

/* The button of page under (x, y), or false. */
bool staff_panel_hit(int w, int h, StaffPage page, bool import, float x, float y, StaffButton *out);

/* Where the preview's bar is on a w x h screen (touches there are the bar's). */
SDL_Rect staff_panel_bar_rect(int w, int h);

/* The problems page's list on a w x h screen: how far count problems (each as tall as its
 * text wraps with fonts; NULL fonts: three lines each) scroll (0: they fit) and the height
 * they are seen in (*viewport_px); *area (may be NULL): where the list is, for touches that
 * scroll it. */
float staff_panel_problems_extent(Fonts *fonts, int w, int h, const char *const *problems, size_t count,
                                  float *viewport_px, SDL_Rect *area);

/* The kiosk's words id in lang (a printf format with the arguments its comment in
 * core/ui_text.h names) formatted into out. */
void staff_panel_format(char *out, size_t size, UiText id, Lang lang, ...);

/* Draws view over the whole w x h target of renderer with fonts (borrowed); the preview's
 * page draws only its bar, over what the target holds. */
void staff_panel_draw(SDL_Renderer *renderer, Fonts *fonts, int w, int h, const StaffView *view);

#endif
