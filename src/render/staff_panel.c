/* staff_panel.c — the PIN pad, the staff panel, the touch test, the problems of content from
 * a stick and the bar over a preview; see staff_panel.h. Reading order: staff_panel_layout()
 * (where each page's buttons are) → staff_panel_draw() → paint_pin() / paint_panel() /
 * paint_clock() / paint_touch_test() / paint_problems() / paint_preview_bar(). */
#include "render/staff_panel.h"

#include "render/chrome.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* The staff's colours: a cool dark grey and teal, unlike any pack's theme. */
static const Theme STAFF_THEME = {0x101418, 0x1E252C, 0xF0F3F5, 0x9AA5B1, 0x4FB3BF, 0x0B1215};
static const uint32_t WARNING_RGB = 0xE06C5A;

enum { PIN_DOTS = 8, KEY_ROWS = 4, KEY_COLUMNS = 3, ACTION_COLUMNS = 2, ACTION_ROWS = 5, PROBLEM_LINES = 3 };

/* The top row: the title on the left, the Close (Done) pill on the right. */
static SDL_Rect close_rect(const Metrics *m)
{
    int w = m->target * 3;
    return (SDL_Rect){m->w - m->margin - w, m->margin / 2, w, m->target};
}

/* The touch test keeps the corners free for their marks: Done is centred at the top. */
static SDL_Rect done_rect(const Metrics *m)
{
    int w = m->target * 3;
    return (SDL_Rect){(m->w - w) / 2, m->margin / 2 + m->target, w, m->target};
}

static int content_top(const Metrics *m)
{
    return m->margin / 2 + m->target + m->gap;
}

/* PIN pad: the prompt, the dots and the message above the keys. */
typedef struct PinLayout {
    SDL_Rect prompt, dots, message, keys;
    int key_w, key_h;
} PinLayout;

static PinLayout pin_layout(const Metrics *m)
{
    PinLayout l = {0};
    int y = content_top(m);
    int line = m->size_heading * 3 / 2;
    l.prompt = (SDL_Rect){m->margin, y, m->w - 2 * m->margin, line};
    y += line;
    l.dots = (SDL_Rect){m->margin, y, m->w - 2 * m->margin, m->size_heading * 2};
    y += l.dots.h;
    l.message = (SDL_Rect){m->margin, y, m->w - 2 * m->margin, m->size_body * 3 / 2};
    y += l.message.h + m->gap / 2;
    int avail_h = m->h - y - m->margin;
    int key_h = (avail_h - (KEY_ROWS - 1) * m->gap) / KEY_ROWS;
    int key_w = (m->w - 2 * m->margin - (KEY_COLUMNS - 1) * m->gap) / KEY_COLUMNS;
    key_w = key_w > key_h * 2 ? key_h * 2 : key_w;  /* landscape: keys stay key-shaped */
    key_h = key_h > key_w ? key_w : key_h;          /* portrait: not taller than wide */
    key_h = key_h < m->target ? m->target : key_h;
    l.key_w = key_w;
    l.key_h = key_h;
    int pad_w = KEY_COLUMNS * key_w + (KEY_COLUMNS - 1) * m->gap;
    int pad_h = KEY_ROWS * key_h + (KEY_ROWS - 1) * m->gap;
    l.keys = (SDL_Rect){(m->w - pad_w) / 2, y + (avail_h - pad_h) / 2, pad_w, pad_h};
    return l;
}

/* Panel: the figures beside (landscape) or above (portrait) the action buttons. */
typedef struct PanelLayout {
    SDL_Rect rows, buttons, message;
} PanelLayout;

static PanelLayout panel_layout(const Metrics *m)
{
    PanelLayout l = {0};
    int top = content_top(m);
    int w = m->w - 2 * m->margin;
    int h = m->h - top - m->margin;
    int message_h = m->size_body * 3;
    if (m->portrait) {
        int rows_h = h * 11 / 20;
        l.rows = (SDL_Rect){m->margin, top, w, rows_h};
        l.message = (SDL_Rect){m->margin, top + rows_h, w, message_h};
        l.buttons = (SDL_Rect){m->margin, top + rows_h + message_h, w, h - rows_h - message_h};
    } else {
        int rows_w = (w - m->gap * 2) * 11 / 20;
        int right = m->margin + rows_w + m->gap * 2;
        l.rows = (SDL_Rect){m->margin, top, rows_w, h};
        l.buttons = (SDL_Rect){right, top, m->w - m->margin - right, h - message_h};
        l.message = (SDL_Rect){right, top + h - message_h, l.buttons.w, message_h};
    }
    return l;
}

/* The clock has a row of its own (its button spans it); the last row holds the import's two
 * buttons, or the line saying why they are missing. */
static const StaffAction PANEL_ACTIONS[ACTION_ROWS * ACTION_COLUMNS] = {
    STAFF_ACT_ROLLBACK,      STAFF_ACT_EXPORT,     STAFF_ACT_PROFILE, STAFF_ACT_LANG,
    STAFF_ACT_TOUCH_TEST,    STAFF_ACT_RESTART,    STAFF_ACT_CLOCK,   STAFF_ACT_NONE,
    STAFF_ACT_COPY_TO_STICK, STAFF_ACT_TAKE_FROM_STICK,
};
enum { IMPORT_SLOT = (ACTION_ROWS - 1) * ACTION_COLUMNS }; /* the first of the last row */

/* The panel's action button i, or with span the whole row of i. */
static SDL_Rect panel_button_rect(const Metrics *m, const PanelLayout *l, int i, bool span)
{
    int bw = (l->buttons.w - (ACTION_COLUMNS - 1) * m->gap) / ACTION_COLUMNS;
    int bh = (l->buttons.h - (ACTION_ROWS - 1) * m->gap) / ACTION_ROWS;
    SDL_Rect r = {l->buttons.x + (i % ACTION_COLUMNS) * (bw + m->gap), l->buttons.y + (i / ACTION_COLUMNS) * (bh + m->gap),
                  bw, bh};
    if (span) {
        r.x = l->buttons.x;
        r.w = l->buttons.w;
    }
    return r;
}

/* The clock page: its state and hint, the time, the buttons that move it (a row per unit:
 * minus on the left, plus on the right) and the confirm button across the bottom. */
typedef struct ClockLayout {
    SDL_Rect state, time, shifts, confirm;
} ClockLayout;

enum { CLOCK_UNITS = 3 };
static const int CLOCK_UNIT_MINUTES[CLOCK_UNITS] = {24 * 60, 60, 1};

static ClockLayout clock_layout(const Metrics *m)
{
    ClockLayout l = {0};
    int top = content_top(m);
    int w = m->w - 2 * m->margin;
    l.state = (SDL_Rect){m->margin, top, w, m->size_body * (m->portrait ? 7 : 4)}; /* upright: narrower, more lines */
    l.time = (SDL_Rect){m->margin, l.state.y + l.state.h, w, m->size_title * 2};
    int confirm_h = m->target * 3 / 2;
    l.confirm = (SDL_Rect){m->margin, m->h - m->margin - confirm_h, w, confirm_h};
    int shifts_y = l.time.y + l.time.h + m->gap / 2;
    l.shifts = (SDL_Rect){m->margin, shifts_y, w, l.confirm.y - m->gap - shifts_y};
    return l;
}

/* The preview's bar across the top, over the slides' top row: "Preview" and its hint, Back
 * and the language switch (the top row's, which it covers), Discard and Install. Landscape:
 * one row; portrait: Discard and Install beside the title, Back and the languages under them. */
typedef struct BarLayout {
    SDL_Rect bar, title, hint, discard, install, back, langs[LANG_COUNT];
} BarLayout;

static BarLayout bar_layout(const Metrics *m)
{
    BarLayout l = {0};
    int title_h = m->size_body * 6 / 5;
    int hint_h = m->size_small * 6 / 5;
    /* Upright the bar has two rows over the slide's header: they keep to the smaller text. */
    int button_h = m->portrait ? m->size_small * 3 / 2 + m->gap / 2 : m->size_body * 3 / 2 + m->gap / 2;
    button_h = button_h < m->target ? m->target : button_h;
    int bw = m->portrait ? (m->w - 2 * m->margin) * 7 / 20 : m->w / 8;
    bw = bw < m->target * 3 ? m->target * 3 : bw;
    int pill_w = m->size_small * 6; /* "English", "Srpski", "Српски", "Назад" and their padding */
    pill_w = pill_w < m->target ? m->target : pill_w;
    int pill_gap = m->gap / 3;
    int row_h = m->portrait ? button_h : (button_h > title_h + hint_h ? button_h : title_h + hint_h);
    int top = m->gap / 2;
    l.install = (SDL_Rect){m->w - m->margin - bw, top + (row_h - button_h) / 2, bw, button_h};
    l.discard = (SDL_Rect){l.install.x - m->gap - bw, l.install.y, bw, button_h};
    /* Back and the languages: right of the title (landscape) or a row of their own (portrait). */
    int pills_y = m->portrait ? top + row_h + m->gap / 2 : l.install.y;
    int x = m->portrait ? m->margin : l.discard.x - m->gap * 2 - (LANG_COUNT + 1) * (pill_w + pill_gap);
    l.back = (SDL_Rect){x, pills_y, pill_w, button_h};
    for (int i = 0; i < LANG_COUNT; i++) {
        x += pill_w + pill_gap + (i == 0 ? m->gap : 0);
        l.langs[i] = (SDL_Rect){x, pills_y, pill_w, button_h};
    }
    int label_right = m->portrait ? l.discard.x : l.back.x;
    int text_top = top + (row_h - (m->portrait ? title_h : title_h + hint_h)) / 2;
    l.title = (SDL_Rect){m->margin, text_top, label_right - m->gap - m->margin, title_h};
    l.hint = (SDL_Rect){m->margin, text_top + title_h, l.title.w, m->portrait ? 0 : hint_h};
    l.bar = (SDL_Rect){0, 0, m->w, (m->portrait ? pills_y + button_h : top + row_h) + m->gap / 2};
    int chrome_row = m->margin * 2 / 3 + m->target + m->gap / 4; /* the top row's pills, whole */
    l.bar.h = l.bar.h < chrome_row ? chrome_row : l.bar.h;
    return l;
}

SDL_Rect staff_panel_bar_rect(int w, int h)
{
    Metrics m = metrics_for(w, h);
    return bar_layout(&m).bar;
}

/* The problems page: the list that scrolls, the note under it (taller when upright: it names
 * the report's path whole). */
typedef struct ProblemsLayout {
    SDL_Rect list, note;
    int number_w;      /* the problem's number left of its text */
    int min_row_h;     /* a row of one line */
} ProblemsLayout;

static ProblemsLayout problems_layout(const Metrics *m)
{
    ProblemsLayout l = {0};
    int top = content_top(m);
    int note_h = m->size_body * (m->portrait ? 4 : 3);
    l.list = (SDL_Rect){m->margin, top, m->w - 2 * m->margin, m->h - top - m->margin - note_h - m->gap / 2};
    l.note = (SDL_Rect){m->margin, l.list.y + l.list.h + m->gap / 2, l.list.w, note_h};
    l.number_w = m->size_body * 2;
    l.min_row_h = m->size_body * 2 + m->gap / 2;
    return l;
}

static TextStyle style(FontWeight weight, int size, SDL_Color colour, Align align, int lines);

static TextStyle problem_style(const Metrics *m, SDL_Color colour)
{
    TextStyle s = style(FONT_REGULAR, m->size_body, colour, ALIGN_LEFT, 0);
    s.min_size = m->size_body; /* measured to fit whole: never shrunk, never cut */
    return s;
}

/* How tall problem i's row is: its text wrapped in the row, and a margin. */
static int problem_row_h(Painter *p, const ProblemsLayout *l, const char *text)
{
    int lines_h = p->fonts && text ? paint_text_height(p, text, l->list.w - l->number_w - p->m.gap, problem_style(&p->m, p->pal.text)) : 0;
    int h = p->fonts ? lines_h + p->m.gap : p->m.size_body * 4;
    return h > l->min_row_h ? h : l->min_row_h;
}

float staff_panel_problems_extent(Fonts *fonts, int w, int h, const char *const *problems, size_t count,
                                  float *viewport_px, SDL_Rect *area)
{
    Painter p = {.fonts = fonts, .m = metrics_for(w, h), .pal = palette_from_theme(&STAFF_THEME)};
    ProblemsLayout l = problems_layout(&p.m);
    *viewport_px = (float)l.list.h;
    if (area) {
        *area = l.list;
    }
    float content = 0.0f;
    for (size_t i = 0; i < count; i++) {
        content += (float)problem_row_h(&p, &l, problems ? problems[i] : NULL);
    }
    return content > (float)l.list.h ? content - (float)l.list.h : 0.0f;
}

static size_t add(StaffButton *out, size_t n, size_t max, SDL_Rect rect, StaffAction action, int digit)
{
    if (n < max) {
        out[n] = (StaffButton){rect, action, digit};
    }
    return n + 1;
}

size_t staff_panel_layout(int w, int h, StaffPage page, bool import, StaffButton *out, size_t max)
{
    Metrics m = metrics_for(w, h);
    size_t n = 0;
    if (page == STAFF_PAGE_PREVIEW) {
        BarLayout bar = bar_layout(&m);
        n = add(out, n, max, bar.discard, STAFF_ACT_DISCARD, 0);
        n = add(out, n, max, bar.install, STAFF_ACT_INSTALL, 0);
        n = add(out, n, max, bar.back, STAFF_ACT_PREVIEW_BACK, 0);
        for (int i = 0; i < LANG_COUNT; i++) {
            n = add(out, n, max, bar.langs[i], STAFF_ACT_PREVIEW_LANG, i);
        }
        return n < max ? n : max;
    }
    bool done = page == STAFF_PAGE_TOUCH_TEST || page == STAFF_PAGE_PROBLEMS || page == STAFF_PAGE_CLOCK;
    n = add(out, n, max, page == STAFF_PAGE_TOUCH_TEST ? done_rect(&m) : close_rect(&m),
            done ? STAFF_ACT_DONE : STAFF_ACT_CLOSE, 0);
    if (page == STAFF_PAGE_PIN) {
        PinLayout l = pin_layout(&m);
        for (int i = 0; i < KEY_ROWS * KEY_COLUMNS; i++) {
            SDL_Rect r = {l.keys.x + (i % KEY_COLUMNS) * (l.key_w + m.gap), l.keys.y + (i / KEY_COLUMNS) * (l.key_h + m.gap),
                          l.key_w, l.key_h};
            /* 1 2 3 / 4 5 6 / 7 8 9 / Erase 0 OK */
            StaffAction action = i == 9 ? STAFF_ACT_ERASE : i == 11 ? STAFF_ACT_ENTER : STAFF_ACT_DIGIT;
            n = add(out, n, max, r, action, i == 10 ? 0 : i + 1);
        }
    } else if (page == STAFF_PAGE_PANEL) {
        PanelLayout l = panel_layout(&m);
        int count = import ? ACTION_ROWS * ACTION_COLUMNS : IMPORT_SLOT;
        for (int i = 0; i < count; i++) {
            if (PANEL_ACTIONS[i] != STAFF_ACT_NONE) {
                bool span = PANEL_ACTIONS[i] == STAFF_ACT_CLOCK;
                n = add(out, n, max, panel_button_rect(&m, &l, i, span), PANEL_ACTIONS[i], 0);
            }
        }
    } else if (page == STAFF_PAGE_CLOCK) {
        ClockLayout l = clock_layout(&m);
        int bw = (l.shifts.w - m.gap) / 2;
        int bh = (l.shifts.h - (CLOCK_UNITS - 1) * m.gap) / CLOCK_UNITS;
        bh = bh > m.target * 2 ? m.target * 2 : bh;
        int y0 = l.shifts.y + (l.shifts.h - (CLOCK_UNITS * bh + (CLOCK_UNITS - 1) * m.gap)) / 2;
        for (int i = 0; i < CLOCK_UNITS * 2; i++) {
            SDL_Rect r = {l.shifts.x + (i % 2) * (bw + m.gap), y0 + (i / 2) * (bh + m.gap), bw, bh};
            int minutes = CLOCK_UNIT_MINUTES[i / 2];
            n = add(out, n, max, r, STAFF_ACT_CLOCK_SHIFT, i % 2 ? minutes : -minutes);
        }
        n = add(out, n, max, l.confirm, STAFF_ACT_CLOCK_CONFIRM, 0);
    }
    return n < max ? n : max;
}

bool staff_panel_hit(int w, int h, StaffPage page, bool import, float x, float y, StaffButton *out)
{
    StaffButton buttons[STAFF_PANEL_BUTTONS];
    size_t count = staff_panel_layout(w, h, page, import, buttons, STAFF_PANEL_BUTTONS);
    for (size_t i = 0; i < count; i++) {
        SDL_Rect r = buttons[i].rect;
        if (x >= (float)r.x && x < (float)(r.x + r.w) && y >= (float)r.y && y < (float)(r.y + r.h)) {
            *out = buttons[i];
            return true;
        }
    }
    return false;
}

void staff_panel_format(char *out, size_t size, UiText id, Lang lang, ...)
{
    va_list args;
    va_start(args, lang);
    /* The format is a literal in the kiosk's words table (core/ui_text.c). */
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
    vsnprintf(out, size, ui_text(id, lang), args);
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
    va_end(args);
}

/* ---- painting ------------------------------------------------------------------------ */

static TextStyle style(FontWeight weight, int size, SDL_Color colour, Align align, int lines)
{
    return (TextStyle){.weight = weight, .size = size, .colour = colour, .align = align, .max_lines = lines,
                       .middle = true, .line_height = 1.15f};
}

/* A button: filled (primary) or a surface card, the label centred on up to two lines. */
static void button(Painter *p, SDL_Rect r, const char *label, bool primary, int size)
{
    paint_round_rect(p, r, r.h <= 2 * p->m.target ? r.h / 4 : p->m.radius, primary ? p->pal.accent : p->pal.surface);
    SDL_Rect text = {r.x + p->m.gap / 2, r.y + p->m.gap / 4, r.w - p->m.gap, r.h - p->m.gap / 2};
    paint_text(p, label, text, style(FONT_BOLD, size, primary ? p->pal.accent_text : p->pal.text, ALIGN_CENTER, 2));
}

static void paint_header(Painter *p, const char *title, const char *pill)
{
    const Metrics *m = &p->m;
    SDL_Rect close = close_rect(m);
    SDL_Rect line = {m->margin, close.y, close.x - m->margin - m->gap, close.h};
    paint_text(p, title, line, style(FONT_BOLD, m->size_title * 4 / 5, p->pal.text, ALIGN_LEFT, 1));
    paint_round_rect(p, close, close.h / 2, p->pal.surface);
    paint_text(p, pill, close, style(FONT_SEMIBOLD, m->size_small, p->pal.text, ALIGN_CENTER, 1));
}

static void paint_message(Painter *p, const StaffView *view, SDL_Rect box, Align align)
{
    SDL_Color colour = view->problem ? paint_rgb(WARNING_RGB) : p->pal.accent;
    paint_text(p, view->message, box, style(FONT_SEMIBOLD, p->m.size_body, colour, align, 2));
}

static void paint_pin(Painter *p, const StaffView *view)
{
    const Metrics *m = &p->m;
    PinLayout l = pin_layout(m);
    paint_header(p, ui_text(UI_STAFF_TITLE, p->lang), ui_text(UI_STAFF_CLOSE, p->lang));
    paint_text(p, ui_text(UI_STAFF_ENTER_PIN, p->lang), l.prompt,
               style(FONT_SEMIBOLD, m->size_heading, p->pal.muted, ALIGN_CENTER, 1));
    /* One ring per possible digit, filled for each typed: the length is not a secret worth
     * hiding, the digits are. */
    int r = l.dots.h / 5;
    int step = r * 3;
    int x0 = m->w / 2 - (PIN_DOTS - 1) * step / 2;
    for (int i = 0; i < PIN_DOTS; i++) {
        int cx = x0 + i * step;
        int cy = l.dots.y + l.dots.h / 2;
        paint_circle(p, cx, cy, r, i < view->digits ? p->pal.accent : p->pal.line);
        if (i >= view->digits) {
            paint_circle(p, cx, cy, r - r / 4, p->pal.background);
        }
    }
    paint_message(p, view, l.message, ALIGN_CENTER);
    StaffButton keys[STAFF_PANEL_BUTTONS];
    size_t count = staff_panel_layout(m->w, m->h, STAFF_PAGE_PIN, true, keys, STAFF_PANEL_BUTTONS);
    for (size_t i = 1; i < count; i++) {
        char digit[4];
        snprintf(digit, sizeof digit, "%d", keys[i].digit);
        const char *label = keys[i].action == STAFF_ACT_ERASE   ? ui_text(UI_STAFF_ERASE, p->lang)
                            : keys[i].action == STAFF_ACT_ENTER ? ui_text(UI_STAFF_ENTER, p->lang)
                                                                : digit;
        int size = keys[i].action == STAFF_ACT_DIGIT ? keys[i].rect.h * 2 / 5 : m->size_heading;
        button(p, keys[i].rect, label, keys[i].action == STAFF_ACT_ENTER, size);
    }
}

static const char *action_label(const StaffView *view, StaffAction action, char *buffer, size_t size)
{
    Lang lang = view->lang;
    if (view->armed == action) {
        return ui_text(UI_STAFF_CONFIRM, lang);
    }
    switch (action) {
    case STAFF_ACT_ROLLBACK:
        return ui_text(UI_STAFF_ROLLBACK, lang);
    case STAFF_ACT_EXPORT:
        return ui_text(UI_STAFF_EXPORT, lang);
    case STAFF_ACT_PROFILE:
        return ui_text(view->lobby ? UI_STAFF_PROFILE_LOBBY : UI_STAFF_PROFILE_BOOTH, lang);
    case STAFF_ACT_LANG:
        staff_panel_format(buffer, size, UI_STAFF_LANGUAGE, lang, chrome_lang_label(view->start_lang));
        return buffer;
    case STAFF_ACT_TOUCH_TEST:
        return ui_text(UI_STAFF_TOUCH_TEST, lang);
    case STAFF_ACT_RESTART:
        return ui_text(UI_STAFF_RESTART, lang);
    case STAFF_ACT_COPY_TO_STICK:
        return ui_text(UI_STAFF_COPY_TO_STICK, lang);
    case STAFF_ACT_TAKE_FROM_STICK:
        return ui_text(UI_STAFF_TAKE_FROM_STICK, lang);
    case STAFF_ACT_CLOCK:
        staff_panel_format(buffer, size, UI_STAFF_CLOCK_BUTTON, lang, view->clock_short,
                           ui_text(view->clock_state, lang));
        return buffer;
    default:
        return "";
    }
}

static void paint_rows(Painter *p, const StaffView *view, SDL_Rect area)
{
    const Metrics *m = &p->m;
    size_t count = view->row_count ? view->row_count : 1;
    int row_h = area.h / (int)count;
    int label_w = area.w * 2 / 5;
    int size = m->size_body;
    int max_row_size = row_h * 2 / 5;
    size = size > max_row_size ? max_row_size : size;
    for (size_t i = 0; i < view->row_count; i++) {
        SDL_Rect row = {area.x, area.y + (int)i * row_h, area.w, row_h};
        if (i % 2 == 0) {
            paint_round_rect(p, row, m->radius / 2, p->pal.surface);
        }
        SDL_Rect label = {row.x + m->gap / 2, row.y, label_w - m->gap / 2, row.h};
        SDL_Rect value = {row.x + label_w + m->gap / 2, row.y, row.w - label_w - m->gap, row.h};
        paint_text(p, ui_text(view->rows[i].label, p->lang), label, style(FONT_REGULAR, size, p->pal.muted, ALIGN_LEFT, 2));
        const char *text = view->rows[i].value[0] ? view->rows[i].value : "—";
        paint_text(p, text, value, style(FONT_SEMIBOLD, size, p->pal.text, ALIGN_LEFT, 2));
    }
}

static void paint_panel(Painter *p, const StaffView *view)
{
    const Metrics *m = &p->m;
    PanelLayout l = panel_layout(m);
    paint_header(p, ui_text(UI_STAFF_TITLE, p->lang), ui_text(UI_STAFF_CLOSE, p->lang));
    paint_rows(p, view, l.rows);
    StaffButton buttons[STAFF_PANEL_BUTTONS];
    size_t count = staff_panel_layout(m->w, m->h, STAFF_PAGE_PANEL, !view->import_off, buttons, STAFF_PANEL_BUTTONS);
    for (size_t i = 1; i < count; i++) {
        char buffer[128];
        const char *label = action_label(view, buttons[i].action, buffer, sizeof buffer);
        button(p, buttons[i].rect, label, view->armed == buttons[i].action, m->size_body);
    }
    if (view->import_off) {
        SDL_Rect row = panel_button_rect(m, &l, IMPORT_SLOT, true);
        paint_text(p, ui_text(UI_STAFF_IMPORT_OFF, p->lang), row, style(FONT_REGULAR, m->size_small, p->pal.muted, ALIGN_CENTER, 2));
    }
    if (view->busy) {
        /* The copy's or the import's progress, under its message. */
        int t = m->gap / 3 > 3 ? m->gap / 3 : 3;
        SDL_Rect track = {l.message.x, l.message.y + l.message.h - t, l.message.w, t};
        paint_fill(p, track, p->pal.line);
        double done = view->progress < 0 ? 0 : view->progress > 1 ? 1 : view->progress;
        paint_fill(p, (SDL_Rect){track.x, track.y, (int)(track.w * done), t}, p->pal.accent);
    }
    if (view->message[0]) {
        paint_message(p, view, l.message, m->portrait ? ALIGN_CENTER : ALIGN_LEFT);
    } else {
        paint_text(p, ui_text(UI_STAFF_UNTIL_RESTART, p->lang), l.message,
                   style(FONT_REGULAR, m->size_small, p->pal.muted, m->portrait ? ALIGN_CENTER : ALIGN_LEFT, 2));
    }
}

static void paint_clock(Painter *p, const StaffView *view)
{
    const Metrics *m = &p->m;
    ClockLayout l = clock_layout(m);
    paint_header(p, ui_text(UI_STAFF_CLOCK_TITLE, p->lang), ui_text(UI_STAFF_DONE, p->lang));
    char state[STAFF_MESSAGE_MAX * 2];
    /* The message after a confirmation, else the state and what to do. */
    snprintf(state, sizeof state, "%s", view->message);
    if (!view->message[0]) {
        snprintf(state, sizeof state, "%s: %s. %s", ui_text(UI_STAFF_CLOCK_TITLE, p->lang),
                 ui_text(view->clock_state, p->lang), ui_text(UI_STAFF_CLOCK_HINT, p->lang));
    }
    SDL_Color colour = view->message[0] && !view->problem ? p->pal.accent
                       : view->clock_trusted && !view->problem ? p->pal.muted
                                                               : paint_rgb(WARNING_RGB);
    paint_text(p, state, l.state, style(FONT_SEMIBOLD, m->size_body, colour, ALIGN_CENTER, m->portrait ? 5 : 3));
    paint_text(p, view->clock_time, l.time, style(FONT_BOLD, m->size_title * 3 / 2, p->pal.text, ALIGN_CENTER, 1));
    StaffButton buttons[STAFF_PANEL_BUTTONS];
    size_t count = staff_panel_layout(m->w, m->h, STAFF_PAGE_CLOCK, true, buttons, STAFF_PANEL_BUTTONS);
    for (size_t i = 1; i < count; i++) {
        char label[128];
        if (buttons[i].action == STAFF_ACT_CLOCK_SHIFT) {
            int minutes = buttons[i].digit < 0 ? -buttons[i].digit : buttons[i].digit;
            UiText unit = minutes >= 24 * 60 ? UI_STAFF_UNIT_DAY : minutes >= 60 ? UI_STAFF_UNIT_HOUR : UI_STAFF_UNIT_MINUTE;
            snprintf(label, sizeof label, "%s1 %s", buttons[i].digit < 0 ? "−" : "+", ui_text(unit, p->lang));
            button(p, buttons[i].rect, label, false, m->size_heading);
        } else if (view->clock_moved) {
            staff_panel_format(label, sizeof label, UI_STAFF_CLOCK_SET, p->lang, view->clock_short);
            button(p, buttons[i].rect, label, true, m->size_heading);
        } else {
            button(p, buttons[i].rect, ui_text(UI_STAFF_CLOCK_RIGHT, p->lang), true, m->size_heading);
        }
    }
}

/* A "+" of arm px each way at (x, y). */
static void cross(Painter *p, int x, int y, int arm, SDL_Color colour)
{
    int t = arm / 8 > 2 ? arm / 8 : 2;
    paint_fill(p, (SDL_Rect){x - arm, y - t / 2, 2 * arm, t}, colour);
    paint_fill(p, (SDL_Rect){x - t / 2, y - arm, t, 2 * arm}, colour);
}

static void paint_touch_test(Painter *p, const StaffView *view)
{
    const Metrics *m = &p->m;
    int cell = (m->w < m->h ? m->w : m->h) / 8;
    for (int x = cell; x < m->w; x += cell) {
        paint_fill(p, (SDL_Rect){x, 0, 1, m->h}, p->pal.line);
    }
    for (int y = cell; y < m->h; y += cell) {
        paint_fill(p, (SDL_Rect){0, y, m->w, 1}, p->pal.line);
    }
    /* Marks where the corners and the centre are: a finger on a mark must draw on it. */
    int arm = m->target / 2;
    int in = m->margin;
    int marks[5][2] = {{in, in}, {m->w - in, in}, {m->w - in, m->h - in}, {in, m->h - in}, {m->w / 2, m->h / 2}};
    for (int i = 0; i < 5; i++) {
        cross(p, marks[i][0], marks[i][1], arm, p->pal.muted);
    }
    SDL_Rect done = done_rect(m);
    paint_round_rect(p, done, done.h / 2, p->pal.accent);
    paint_text(p, ui_text(UI_STAFF_DONE, p->lang), done, style(FONT_BOLD, m->size_small, p->pal.accent_text, ALIGN_CENTER, 1));
    SDL_Rect title = {m->margin + m->target, done.y + done.h + m->gap, m->w - 2 * (m->margin + m->target), m->size_title};
    paint_text(p, ui_text(UI_STAFF_TOUCH_TEST, p->lang), title, style(FONT_BOLD, m->size_heading, p->pal.text, ALIGN_CENTER, 1));
    SDL_Rect hint = {title.x, title.y + title.h, title.w, m->size_body * 3};
    paint_text(p, ui_text(UI_STAFF_TOUCH_HINT, p->lang), hint, style(FONT_REGULAR, m->size_body, p->pal.muted, ALIGN_CENTER, 2));
    int dot = m->gap / 3 > 3 ? m->gap / 3 : 3;
    for (size_t i = 0; i < view->point_count; i++) {
        const StaffPoint *a = &view->points[i];
        const StaffPoint *b = i > 0 && !a->first ? &view->points[i - 1] : a;
        /* Dots along the segment from the previous point, close enough to read as a line. */
        int dx = a->x - b->x;
        int dy = a->y - b->y;
        int length = (dx < 0 ? -dx : dx) + (dy < 0 ? -dy : dy);
        int steps = length / dot + 1;
        for (int s = 1; s <= steps; s++) {
            paint_circle(p, b->x + dx * s / steps, b->y + dy * s / steps, dot, p->pal.accent);
        }
    }
    if (view->point_count > 0) {
        const StaffPoint *last = &view->points[view->point_count - 1];
        char where[64];
        snprintf(where, sizeof where, "x %d  y %d", last->x, last->y);
        SDL_Rect box = {m->w / 4, m->h - m->margin - m->size_body * 2, m->w / 2, m->size_body * 2};
        paint_text(p, where, box, style(FONT_SEMIBOLD, m->size_body, p->pal.text, ALIGN_CENTER, 1));
    }
}

/* The problems, one to a row of up to PROBLEM_LINES lines, the list scrolled by scroll_px and
 * clipped to its area, a thumb at its right edge when they do not all fit. */
static void paint_problems(Painter *p, const StaffView *view)
{
    const Metrics *m = &p->m;
    ProblemsLayout l = problems_layout(m);
    paint_header(p, ui_text(UI_STAFF_PROBLEMS_TITLE, p->lang), ui_text(UI_STAFF_DONE, p->lang));
    float viewport = 0.0f;
    float extent = staff_panel_problems_extent(p->fonts, m->w, m->h, view->problems, view->problem_count, &viewport, NULL);
    int y = l.list.y - (int)view->scroll_px;
    SDL_RenderSetClipRect(p->renderer, &l.list);
    for (size_t i = 0; i < view->problem_count && y < l.list.y + l.list.h; i++) {
        const char *text = view->problems[i] ? view->problems[i] : "";
        int row_h = problem_row_h(p, &l, text);
        SDL_Rect row = {l.list.x, y, l.list.w, row_h};
        y += row_h;
        if (row.y + row.h < l.list.y) {
            continue;
        }
        if (i % 2 == 0) {
            paint_round_rect(p, row, m->radius / 2, p->pal.surface);
        }
        char number[24];
        snprintf(number, sizeof number, "%zu", i + 1);
        SDL_Rect at = {row.x + m->gap / 2, row.y, l.number_w, row.h};
        paint_text(p, number, at, style(FONT_SEMIBOLD, m->size_body, p->pal.muted, ALIGN_LEFT, 1));
        SDL_Rect box = {row.x + l.number_w, row.y, row.w - l.number_w - m->gap, row.h};
        paint_text(p, text, box, problem_style(m, p->pal.text));
    }
    SDL_RenderSetClipRect(p->renderer, NULL);
    if (extent > 0.0f) {
        int track_h = l.list.h;
        int thumb_h = (int)((float)track_h * viewport / (viewport + extent));
        float at = view->scroll_px < 0 ? 0 : view->scroll_px > extent ? extent : view->scroll_px;
        int thumb_y = l.list.y + (int)((float)(track_h - thumb_h) * at / extent);
        int t = m->gap / 4 > 3 ? m->gap / 4 : 3;
        paint_round_rect(p, (SDL_Rect){l.list.x + l.list.w - t, thumb_y, t, thumb_h}, t / 2, p->pal.muted);
    }
    paint_text(p, ui_text(UI_STAFF_PROBLEMS_NOTE, p->lang), l.note,
               style(FONT_SEMIBOLD, m->size_body, paint_rgb(WARNING_RGB), m->portrait ? ALIGN_CENTER : ALIGN_LEFT, 3));
}

/* The staff bar over the preview's slides (which the target already holds). */
static void paint_preview_bar(Painter *p, const StaffView *view)
{
    const Metrics *m = &p->m;
    BarLayout l = bar_layout(m);
    paint_fill(p, l.bar, p->pal.background);
    paint_fill(p, (SDL_Rect){0, l.bar.h - 2, m->w, 2}, p->pal.accent);
    int size = m->portrait ? m->size_small * 5 / 4 : m->size_body;
    paint_text(p, ui_text(UI_STAFF_PREVIEW, p->lang), l.title, style(FONT_BOLD, size, p->pal.accent, ALIGN_LEFT, 1));
    paint_text(p, ui_text(UI_STAFF_PREVIEW_HINT, p->lang), l.hint, style(FONT_REGULAR, m->size_small, p->pal.muted, ALIGN_LEFT, 1));
    char back[64];
    snprintf(back, sizeof back, "‹ %s", ui_text(UI_BACK, view->preview_lang));
    button(p, l.back, back, false, m->size_small);
    for (int i = 0; i < LANG_COUNT; i++) {
        button(p, l.langs[i], chrome_lang_label((Lang)i), view->preview_lang == (Lang)i, m->size_small);
    }
    button(p, l.discard, ui_text(UI_STAFF_DISCARD, p->lang), false, size);
    button(p, l.install, ui_text(UI_STAFF_INSTALL, p->lang), true, size);
}

void staff_panel_draw(SDL_Renderer *renderer, Fonts *fonts, int w, int h, const StaffView *view)
{
    Painter p = {
        .renderer = renderer,
        .fonts = fonts,
        .m = metrics_for(w, h),
        .pal = palette_from_theme(&STAFF_THEME),
        .lang = view->lang,
    };
    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_NONE);
    if (view->page == STAFF_PAGE_PREVIEW) {
        paint_preview_bar(&p, view);
        return;
    }
    SDL_SetRenderDrawColor(renderer, p.pal.background.r, p.pal.background.g, p.pal.background.b, 255);
    SDL_RenderClear(renderer);
    switch (view->page) {
    case STAFF_PAGE_PIN:
        paint_pin(&p, view);
        break;
    case STAFF_PAGE_PANEL:
        paint_panel(&p, view);
        break;
    case STAFF_PAGE_TOUCH_TEST:
        paint_touch_test(&p, view);
        break;
    case STAFF_PAGE_PROBLEMS:
        paint_problems(&p, view);
        break;
    case STAFF_PAGE_CLOCK:
        paint_clock(&p, view);
        break;
    case STAFF_PAGE_PREVIEW:
        break;
    }
}
