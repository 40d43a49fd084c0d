/* staff_panel.h — what booth staff see behind the hidden gesture, drawn over the whole
 * screen in the staff's own colours (never the pack's, so it does not pass for content):
 *   - the PIN pad: big digit keys, a dot per digit typed, a line for a wrong PIN or a lock;
 *   - the panel: the figures (StaffRow, filled by the app) and the action buttons;
 *   - the touch test: a grid, marks at the corners and the centre, and the strokes drawn
 *     where the screen was touched, to check calibration and rotation.
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
    STAFF_ACT_DONE,       /* leaves the touch test */
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
    /* touch test (borrowed) */
    const StaffPoint *points;
    size_t point_count;
} StaffView;

/* The buttons of page on a w x h screen into out (at most max); returns how many. */
size_t staff_panel_layout(int w, int h, StaffPage page, StaffButton *out, size_t max);

/* The button of page under (x, y), or false. */
bool staff_panel_hit(int w, int h, StaffPage page, float x, float y, StaffButton *out);

/* The kiosk's words id in lang (a printf format with the arguments its comment in
 * core/ui_text.h names) formatted into out. */
void staff_panel_format(char *out, size_t size, UiText id, Lang lang, ...);

/* Draws view over the whole w x h target of renderer with fonts (borrowed). */
void staff_panel_draw(SDL_Renderer *renderer, Fonts *fonts, int w, int h, const StaffView *view);

#endif
