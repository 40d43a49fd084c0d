/* part_staff.c — the staff panel, a part of the running kiosk; see part_staff.h.
 * Reading order: part_staff_input() → watch_gesture() (closed) or on_touch() (open) →
 * press_button() → the PIN (enter_pin) or an action from ACTIONS[]; part_staff_draw() →
 * fill_view() → render/staff_panel.c; the figures of the visits and leads subsystems from
 * today_statistics(), leads_waiting(), export_now(); content taken at the kiosk (its buttons,
 * problems page and preview bar) in staff_import.c, followed by follow_import(); the clock
 * page (action_clock, clock_shift, action_clock_confirm: the time through the core,
 * app_core_clock_confirm). The panel
 * is a private layer (app_core_set_layer); what it asks of updates, status, visits and leads
 * goes through the core. */
#define _POSIX_C_SOURCE 200809L
#include "app/part_staff.h"

#include "app/app_core.h"
#include "app/pack_loader.h"
#include "app/staff_import.h"
#include "render/staff_panel.h"
#include "durable/fsio.h"
#include "platform/clock.h"
#include "staff/staff_gesture.h"
#include "staff/staff_pin.h"
#include "store/store.h"

#include "core/ui_text.h"
#include "leads/leads_stick.h"
#include "staff/staff_info.h"
#include "store/store_paths.h"
#include "visits/visits_report.h"

#include <errno.h>
#include <sqlite3.h>
#include <unistd.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

enum {
    STAFF_REFRESH_MS = 30000,    /* the panel's figures (uptime, free space) are read again */
    STAFF_TOUCH_POINTS = 4096,   /* the touch test's strokes: the oldest go first */
    STAFF_CLOCK_LOOK_MS = 500,   /* the clock page looks whether its second moved on */
};

typedef struct Staff {
    StaffGesture gesture;
    bool gesture_ready;          /* set up for the canvas size */
    bool open;
    StaffPage page;
    Lang lang;                   /* the panel's: the screen's when it opened */
    char pin[STAFF_PIN_MAX_DIGITS + 1];
    size_t pin_length;
    StaffPinLock lock;
    bool lock_loaded;            /* read from the state directory at the first opening */
    char message[STAFF_MESSAGE_MAX];
    bool problem;
    StaffAction armed;           /* roll back / restart: waiting for the second tap */
    bool pressing;               /* a finger went down on pressed */
    int32_t finger;
    StaffButton pressed;
    uint64_t last_input_ms;
    uint64_t refreshed_ms;
    int minutes_shown;           /* of a lock, as drawn */
    bool dirty;                  /* draw the panel again */
    /* The panel's figures as last read (pack, update, statistics, leads, disk, temperature):
     * read again only when stale (opening, every STAFF_REFRESH_MS, after an action or new
     * content), not on every redraw (an armed button, a press). */
    StaffRow rows[STAFF_PANEL_ROWS];
    size_t row_count;
    bool rows_stale;
    bool logged_no_pin;
    StaffPoint points[STAFF_TOUCH_POINTS];
    size_t point_count;
    int64_t clock_moved_s;       /* the clock page: how far staff moved the time shown */
    int64_t clock_drawn_s;       /* the clock page: the second last drawn */
    Options runtime;             /* profile and start language switched until restart */
    StaffImport *import;         /* content taken at the kiosk (staff_import.c) */
} Staff;

static Staff *staff_of(const App *app)
{
    return app_core_part(app, &part_staff);
}

/* ---- the lockout, kept in the state directory ------------------------------------------- */

static bool open_store(const App *app, PackStore *store)
{
    return store_init(store, app_core_options(app)->state_dir, NULL, NULL) == STORE_OK;
}

static void lock_load(App *app, uint64_t now_ms)
{
    Staff *s = staff_of(app);
    PackStore store;
    char text[STAFF_PIN_LOCK_TEXT_MAX] = "";
    s->lock_loaded = true;
    if (!open_store(app, &store)) {
        return;
    }
    int error = store_note_read(&store, STORE_STAFF_LOCK_NAME, text, sizeof text);
    if (error == 0 && !staff_pin_lock_parse(&s->lock, text, now_ms)) {
        log_write(app_core_log(app), LOG_WARN, "staff", "%s/%s: not understood; the PIN count starts again", store.dir,
                  STORE_STAFF_LOCK_NAME);
    } else if (error != 0 && error != ENOENT) {
        log_write(app_core_log(app), LOG_WARN, "staff", "%s/%s: %s", store.dir, STORE_STAFF_LOCK_NAME, strerror(error));
    }
    if (staff_pin_locked(&s->lock, now_ms, NULL)) {
        log_write(app_core_log(app), LOG_INFO, "staff", "the PIN pad is still locked (%d min)", staff_pin_minutes_left(&s->lock, now_ms));
    }
}

static void lock_save(App *app, uint64_t now_ms)
{
    PackStore store;
    char text[STAFF_PIN_LOCK_TEXT_MAX] = "";
    size_t len = staff_pin_lock_format(&staff_of(app)->lock, now_ms, text, sizeof text);
    if (len == 0 || !open_store(app, &store)) {
        log_write(app_core_log(app), LOG_WARN, "staff", "cannot keep the PIN count in %s: a restart forgets it",
                  app_core_options(app)->state_dir);
        return;
    }
    store_note_write(&store, STORE_STAFF_LOCK_NAME, text, len); /* logs a failure itself */
}

/* ---- opening and closing ---------------------------------------------------------------- */

static void set_message(Staff *s, bool problem, const char *text)
{
    snprintf(s->message, sizeof s->message, "%s", text);
    s->problem = problem;
    s->dirty = true;
    s->rows_stale = true; /* a message follows an action, which may change a figure */
}

/* The panel speaks the language the screen showed when it opened, whatever the start
 * language is switched to. */
static Lang staff_lang(const App *app)
{
    return staff_of(app)->lang;
}

static Lang screen_lang(const App *app, uint64_t now_ms)
{
    DeckFrame frame = {0};
    deck_frame(app_core_deck((App *)app), now_ms, &frame);
    return frame.empty ? app_core_options(app)->lang : frame.lang;
}

static void show_lock(App *app, uint64_t now_ms)
{
    Staff *s = staff_of(app);
    char text[STAFF_MESSAGE_MAX];
    s->minutes_shown = staff_pin_minutes_left(&s->lock, now_ms);
    staff_panel_format(text, sizeof text, UI_STAFF_LOCKED, staff_lang(app), s->minutes_shown);
    set_message(s, true, text);
}

/* Where each button of page is, for the log at debug level (end-to-end tests touch them). */
static void log_buttons(App *app, StaffPage page)
{
    static const char *const NAMES[STAFF_ACT_COUNT] = {
        [STAFF_ACT_ERASE] = "erase",     [STAFF_ACT_ENTER] = "ok",       [STAFF_ACT_CLOSE] = "close",
        [STAFF_ACT_ROLLBACK] = "rollback", [STAFF_ACT_EXPORT] = "export", [STAFF_ACT_PROFILE] = "profile",
        [STAFF_ACT_LANG] = "lang",       [STAFF_ACT_TOUCH_TEST] = "touch-test", [STAFF_ACT_RESTART] = "restart",
        [STAFF_ACT_DONE] = "done",       [STAFF_ACT_COPY_TO_STICK] = "copy-to-stick",
        [STAFF_ACT_TAKE_FROM_STICK] = "take-from-stick", [STAFF_ACT_INSTALL] = "install",
        [STAFF_ACT_DISCARD] = "discard", [STAFF_ACT_PREVIEW_BACK] = "back",
        [STAFF_ACT_CLOCK] = "clock",     [STAFF_ACT_CLOCK_CONFIRM] = "clock-confirm",
    };
    static const char *const PAGES[] = {"pin pad", "panel", "touch test", "problems", "preview bar", "clock"};
    StaffButton buttons[STAFF_PANEL_BUTTONS];
    int canvas_w = 0, canvas_h = 0;
    app_core_canvas_size(app, &canvas_w, &canvas_h);
    size_t count = staff_panel_layout(canvas_w, canvas_h, page, app_core_staff_import_enabled(app), buttons,
                                      STAFF_PANEL_BUTTONS);
    char line[1024] = "";
    size_t used = 0;
    for (size_t i = 0; i < count && used < sizeof line; i++) {
        const StaffButton *b = &buttons[i];
        char digit[16]; /* a key's digit, or a language button's tag ("lang-sr-Latn") */
        if (b->action == STAFF_ACT_PREVIEW_LANG) {
            snprintf(digit, sizeof digit, "lang-%s", lang_tag((Lang)b->digit));
        } else if (b->action == STAFF_ACT_CLOCK_SHIFT) { /* "shift-60": an hour back */
            snprintf(digit, sizeof digit, "shift%+d", b->digit);
        } else {
            snprintf(digit, sizeof digit, "%d", b->digit);
        }
        bool numbered = b->action == STAFF_ACT_DIGIT || b->action == STAFF_ACT_PREVIEW_LANG ||
                        b->action == STAFF_ACT_CLOCK_SHIFT;
        int n = snprintf(line + used, sizeof line - used, " %s=%d,%d", numbered ? digit : NAMES[b->action],
                         b->rect.x + b->rect.w / 2, b->rect.y + b->rect.h / 2);
        used += n > 0 ? (size_t)n : 0;
    }
    log_write(app_core_log(app), LOG_DEBUG, "staff", "%s buttons:%s", PAGES[page], line);
}

static void go_to(App *app, StaffPage page, uint64_t now_ms)
{
    log_buttons(app, page);
    Staff *s = staff_of(app);
    s->page = page;
    s->armed = STAFF_ACT_NONE;
    s->pressing = false;
    s->message[0] = '\0';
    s->refreshed_ms = now_ms;
    s->dirty = true;
    s->rows_stale = true;
    if (page == STAFF_PAGE_TOUCH_TEST) {
        s->point_count = 0;
    }
    if (page == STAFF_PAGE_PROBLEMS) {
        staff_import_problems_reset(app, s->import, now_ms);
    }
    s->clock_moved_s = 0;
}

static void open_pad(App *app, uint64_t now_ms)
{
    Staff *s = staff_of(app);
    const char *hash = app_core_options(app)->pin_hash;
    if (!staff_pin_hash_usable(hash)) {
        if (!s->logged_no_pin) {
            log_write(app_core_log(app), LOG_WARN, "staff", "the staff gesture was made, but the panel stays closed: %s",
                      hash[0] ? "[staff] pin_hash is not an Argon2id hash (set it with `facts-kiosk staff set-pin`)"
                              : "no [staff] pin_hash in the config (set one with `facts-kiosk staff set-pin`)");
            s->logged_no_pin = true;
        }
        return;
    }
    if (!s->lock_loaded) {
        lock_load(app, now_ms);
    }
    s->open = true;
    app_core_set_layer(app, APP_LAYER_STAFF_PANEL, true);
    s->lang = screen_lang(app, now_ms);
    s->pin_length = 0;
    s->pin[0] = '\0';
    s->last_input_ms = now_ms;
    go_to(app, STAFF_PAGE_PIN, now_ms);
    log_write(app_core_log(app), LOG_INFO, "staff", "staff gesture: PIN pad open");
    if (staff_pin_locked(&s->lock, now_ms, NULL)) {
        show_lock(app, now_ms);
    }
}

static void close_panel(App *app, const char *why)
{
    Staff *s = staff_of(app);
    s->open = false;
    app_core_set_layer(app, APP_LAYER_STAFF_PANEL, false);
    s->pressing = false;
    s->pin_length = 0;
    memset(s->pin, 0, sizeof s->pin);
    app_core_redraw(app); /* the visitors' screen again */
    log_write(app_core_log(app), LOG_INFO, "staff", "panel closed (%s)", why);
}

/* ---- the PIN pad ------------------------------------------------------------------------ */

static void enter_pin(App *app, uint64_t now_ms)
{
    Staff *s = staff_of(app);
    int failures_before = s->lock.failures;
    StaffPinResult result = staff_pin_check(&s->lock, app_core_options(app)->pin_hash, s->pin, now_ms);
    char text[STAFF_MESSAGE_MAX];
    memset(s->pin, 0, sizeof s->pin);
    s->pin_length = 0;
    switch (result) {
    case STAFF_PIN_OK:
        log_write(app_core_log(app), LOG_INFO, "staff", "PIN accepted: staff panel open");
        if (failures_before > 0) {
            lock_save(app, now_ms);
        }
        go_to(app, STAFF_PAGE_PANEL, now_ms);
        return;
    case STAFF_PIN_WRONG:
        log_write(app_core_log(app), LOG_WARN, "staff", "wrong PIN (%d of %d in a row)", s->lock.failures, STAFF_PIN_MAX_TRIES);
        lock_save(app, now_ms);
        staff_panel_format(text, sizeof text, UI_STAFF_WRONG_PIN, staff_lang(app), STAFF_PIN_MAX_TRIES - s->lock.failures);
        set_message(s, true, text);
        return;
    case STAFF_PIN_LOCKED:
        if (failures_before < STAFF_PIN_MAX_TRIES) {
            log_write(app_core_log(app), LOG_WARN, "staff", "%d wrong PINs in a row: the PIN pad is locked for %d min",
                      STAFF_PIN_MAX_TRIES, STAFF_PIN_LOCK_MS / 60000);
            lock_save(app, now_ms);
        }
        show_lock(app, now_ms);
        return;
    case STAFF_PIN_NO_HASH:
    case STAFF_PIN_FAILED:
        log_write(app_core_log(app), LOG_ERROR, "staff", "the PIN cannot be checked (libsodium failed)");
        close_panel(app, "PIN not checked");
        return;
    }
}

static void type_digit(App *app, int digit)
{
    Staff *s = staff_of(app);
    if (s->pin_length < STAFF_PIN_MAX_DIGITS) {
        s->pin[s->pin_length++] = (char)('0' + digit);
        s->pin[s->pin_length] = '\0';
    }
    if (!s->problem || !staff_pin_locked(&s->lock, clock_now_ms(), NULL)) {
        s->message[0] = '\0';
    }
    s->dirty = true;
}

/* ---- where the panel meets the visitor statistics and the leads ---------------------------
 * Today's statistics and the leads waiting for export, shown as figures, and "export now", a
 * panel button. Each writes one line for the panel into out and returns true, or returns false
 * when it is not available (the panel says so). */

static bool today_statistics(App *app, char *out, size_t size)
{
    char path[OPTIONS_PATH_MAX + 64];
    if (!store_file_path(app_core_options(app)->state_dir, STORE_FILE_VISITS_DB, path, sizeof path)) {
        return false;
    }
    if (access(path, F_OK) != 0) {
        snprintf(out, size, "%s: 0", ui_text(UI_STAFF_VISITS_TODAY, app_core_deck(app)->lang));
        return true;
    }
    sqlite3 *db = NULL;
    char why[256] = "";
    if (visits_db_open_read(path, &db, why, sizeof why) != VISITS_OK) {
        return false;
    }
    /* What was written so far today (a visit is written when it ends). */
    VisitsSummary *summary = calloc(1, sizeof *summary);
    char today[VISITS_DAY_SIZE];
    visits_time_day(visits_time_now(clock_now_ms()), today);
    bool ok = summary && visits_summary_read(db, today, today, summary) == VISITS_OK;
    if (ok) {
        long long average_s = (long long)(visits_summary_average_ms(summary) / 1000);
        Lang lang = app_core_deck(app)->lang;
        snprintf(out, size, "%s: %lld · %s: %lld · %s: %lld:%02lld · %s: %lld", ui_text(UI_STAFF_VISITS_TODAY, lang),
                 (long long)summary->sessions, ui_text(UI_STAFF_PAGES, lang), (long long)summary->page_views,
                 ui_text(UI_STAFF_AVERAGE, lang), average_s / 60, average_s % 60, ui_text(UI_STAFF_SEARCHES, lang),
                 (long long)summary->searches);
    }
    free(summary);
    sqlite3_close(db);
    return ok;
}

static bool leads_waiting(App *app, char *out, size_t size)
{
    size_t records = 0;
    if (!app_core_leads_enabled(app) || leads_export_waiting(app_core_options(app)->state_dir, &records) != 0) {
        return false;
    }
    snprintf(out, size, "%zu", records);
    return true;
}

static bool export_now(App *app, char *out, size_t size)
{
    /* The leads go to every stick inserted and the statistics to the one last seen, each in
     * its own thread. */
    uint64_t now_ms = clock_now_ms();
    bool leads = app_core_leads_export_now(app, now_ms);
    bool visits = app_core_visits_export_now(app, now_ms);
    if (!leads && !visits) {
        return false;
    }
    snprintf(out, size, "%s", ui_text(leads ? UI_LEADS_EXPORT_NOW : UI_VISITS_EXPORT_NOW, app_core_deck(app)->lang));
    return true;
}

/* ---- the panel's actions ---------------------------------------------------------------- */

/* The pack the store says is on screen after a rollback, as the kiosk shows it. */
static void action_rollback(App *app, uint64_t now_ms)
{
    Staff *s = staff_of(app);
    Lang lang = staff_lang(app);
    char text[STAFF_MESSAGE_MAX];
    if (!app_core_updater(app)) {
        set_message(s, true, ui_text(UI_STAFF_NO_UPDATES, lang));
        return;
    }
    if (app_core_updating(app)) {
        set_message(s, true, ui_text(UI_STAFF_BUSY, lang));
        return;
    }
    int64_t before = store_installed_version(update_store(app_core_updater(app)));
    StoreStatus status = update_rollback(app_core_updater(app)); /* what `facts-kiosk pack rollback` does */
    const char *why = "";
    switch (status) {
    case STORE_OK: {
        app_core_show_store_pack(app, now_ms);
        int64_t shown = app_core_content(app) ? app_core_content(app)->pack.version : 0;
        log_write(app_core_log(app), LOG_INFO, "staff", "rolled back on the staff panel: version %lld replaced by version %lld",
                  (long long)before, (long long)shown);
        if (store_installed_version(update_store(app_core_updater(app))) > 0) {
            staff_panel_format(text, sizeof text, UI_STAFF_ROLLED_BACK, lang, (long long)shown);
            set_message(s, false, text);
        } else {
            set_message(s, false, ui_text(UI_STAFF_ROLLED_BACK_BUNDLED, lang));
        }
        return;
    }
    case STORE_ERR_NOTHING:
        log_write(app_core_log(app), LOG_INFO, "staff", "roll back: no installed pack; the bundled pack stays");
        set_message(s, false, ui_text(UI_STAFF_NOTHING_TO_ROLL_BACK, lang));
        return;
    case STORE_ERR_DEGRADED:
        store_degraded(update_store(app_core_updater(app)), &why);
        break;
    case STORE_ERR_IO:
        why = strerror(update_store(app_core_updater(app))->error);
        break;
    }
    log_write(app_core_log(app), LOG_WARN, "staff", "roll back failed: %s", why);
    staff_panel_format(text, sizeof text, UI_STAFF_ROLLBACK_FAILED, lang, why);
    set_message(s, true, text);
}

static void action_export(App *app, uint64_t now_ms)
{
    (void)now_ms;
    char text[STAFF_MESSAGE_MAX] = "";
    bool done = export_now(app, text, sizeof text);
    log_write(app_core_log(app), LOG_INFO, "staff", "export now: %s", done ? text : "not available");
    set_message(staff_of(app), !done, done ? text : ui_text(UI_STAFF_NOT_AVAILABLE, staff_lang(app)));
}

/* Profile and start language change for this run only: the kiosk's options are the
 * panel's copy from now on, and the config file is not touched. */
static void switch_options(App *app, bool profile, uint64_t now_ms)
{
    Staff *s = staff_of(app);
    if (app_core_options(app) != &s->runtime) {
        s->runtime = *app_core_options(app);
    }
    if (profile) {
        s->runtime.profile = s->runtime.profile == OPTIONS_PROFILE_LOBBY ? OPTIONS_PROFILE_BOOTH : OPTIONS_PROFILE_LOBBY;
    } else {
        s->runtime.lang = (Lang)((s->runtime.lang + 1) % LANG_COUNT);
    }
    log_write(app_core_log(app), LOG_INFO, "staff", "until restart: profile %s, start language %s",
              options_profile_name(s->runtime.profile), lang_tag(s->runtime.lang));
    app_core_apply_options(app, &s->runtime, now_ms);
    s->dirty = true;
}

static void action_profile(App *app, uint64_t now_ms)
{
    switch_options(app, true, now_ms);
}

static void action_lang(App *app, uint64_t now_ms)
{
    switch_options(app, false, now_ms);
}

static void action_touch_test(App *app, uint64_t now_ms)
{
    go_to(app, STAFF_PAGE_TOUCH_TEST, now_ms);
}

/* systemd starts the kiosk again (Restart=always in facts-kiosk.service); without systemd
 * the kiosk simply ends. */
static void action_restart(App *app, uint64_t now_ms)
{
    (void)now_ms;
    log_write(app_core_log(app), LOG_INFO, "staff", "restart asked for on the staff panel: the kiosk ends and systemd starts it again");
    set_message(staff_of(app), false, ui_text(UI_STAFF_RESTARTING, staff_lang(app)));
    app_core_quit(app);
}

static void action_close(App *app, uint64_t now_ms)
{
    (void)now_ms;
    close_panel(app, "closed by staff");
}

static void action_done(App *app, uint64_t now_ms)
{
    go_to(app, STAFF_PAGE_PANEL, now_ms);
}

/* The clock (issue 20): its page shows the time the kiosk shows, moved by the staff's
 * buttons; confirming hands that time to the core, which keeps its own offset for today. */
static void action_clock(App *app, uint64_t now_ms)
{
    go_to(app, STAFF_PAGE_CLOCK, now_ms);
}

static void clock_shift(App *app, int minutes)
{
    Staff *s = staff_of(app);
    s->clock_moved_s += (int64_t)minutes * 60;
    s->message[0] = '\0';
    s->dirty = true;
}

static void action_clock_confirm(App *app, uint64_t now_ms)
{
    Staff *s = staff_of(app);
    int64_t wall_s = 0;
    char text[STAFF_MESSAGE_MAX] = "";
    char at[24] = "";
    (void)app_core_clock_trust(app, now_ms, &wall_s, NULL);
    int64_t corrected_s = wall_s + s->clock_moved_s;
    clock_local_text(corrected_s, at, sizeof at);
    if (!app_core_clock_confirm(app, corrected_s, now_ms)) {
        set_message(s, true, ui_text(UI_STAFF_CLOCK_REFUSED, staff_lang(app)));
        return;
    }
    s->clock_moved_s = 0;
    staff_panel_format(text, sizeof text, UI_STAFF_CLOCK_CONFIRMED, staff_lang(app), at);
    set_message(s, false, text);
}

/* Content taken at the kiosk: the copy to the stick, the import from it (staff_import.c;
 * what follows is follow_import()'s). */
static void action_copy_to_stick(App *app, uint64_t now_ms)
{
    char text[STAFF_MESSAGE_MAX] = "";
    bool started = staff_import_copy(app, staff_of(app)->import, staff_lang(app), now_ms, text, sizeof text);
    set_message(staff_of(app), !started, text);
}

static void action_take_from_stick(App *app, uint64_t now_ms)
{
    char text[STAFF_MESSAGE_MAX] = "";
    bool started = staff_import_take(app, staff_of(app)->import, staff_lang(app), now_ms, text, sizeof text);
    set_message(staff_of(app), !started, text);
}

typedef struct StaffActionEntry {
    StaffAction action;
    bool confirm; /* a second tap does it */
    void (*run)(App *app, uint64_t now_ms);
} StaffActionEntry;

static const StaffActionEntry ACTIONS[] = {
    {STAFF_ACT_ROLLBACK, true, action_rollback}, {STAFF_ACT_EXPORT, false, action_export},
    {STAFF_ACT_PROFILE, false, action_profile},  {STAFF_ACT_LANG, false, action_lang},
    {STAFF_ACT_TOUCH_TEST, false, action_touch_test}, {STAFF_ACT_RESTART, true, action_restart},
    {STAFF_ACT_CLOSE, false, action_close},      {STAFF_ACT_DONE, false, action_done},
    {STAFF_ACT_COPY_TO_STICK, false, action_copy_to_stick}, {STAFF_ACT_TAKE_FROM_STICK, false, action_take_from_stick},
    {STAFF_ACT_CLOCK, false, action_clock},      {STAFF_ACT_CLOCK_CONFIRM, false, action_clock_confirm},
};

static void press_button(App *app, const StaffButton *button, uint64_t now_ms)
{
    Staff *s = staff_of(app);
    switch (button->action) {
    case STAFF_ACT_DIGIT:
        type_digit(app, button->digit);
        return;
    case STAFF_ACT_ERASE:
        if (s->pin_length > 0) {
            s->pin[--s->pin_length] = '\0';
        }
        s->dirty = true;
        return;
    case STAFF_ACT_ENTER:
        enter_pin(app, now_ms);
        return;
    case STAFF_ACT_CLOCK_SHIFT:
        clock_shift(app, button->digit);
        return;
    default:
        break;
    }
    for (size_t i = 0; i < sizeof ACTIONS / sizeof ACTIONS[0]; i++) {
        if (ACTIONS[i].action != button->action) {
            continue;
        }
        if (ACTIONS[i].confirm && s->armed != button->action) {
            s->armed = button->action;
            s->message[0] = '\0';
            s->dirty = true;
            return;
        }
        s->armed = STAFF_ACT_NONE;
        s->dirty = true;
        ACTIONS[i].run(app, now_ms);
        return;
    }
}

/* ---- touches ---------------------------------------------------------------------------- */

static void add_point(Staff *s, const Touch *t)
{
    if (s->point_count == STAFF_TOUCH_POINTS) {
        memmove(s->points, s->points + STAFF_TOUCH_POINTS / 4, sizeof s->points[0] * (STAFF_TOUCH_POINTS * 3 / 4));
        s->point_count = STAFF_TOUCH_POINTS * 3 / 4;
    }
    s->points[s->point_count++] = (StaffPoint){(int16_t)t->x, (int16_t)t->y, t->phase == TOUCH_DOWN};
    s->dirty = true;
}

/* A button acts when the finger that went down on it comes up on it. */
static void on_touch(App *app, const Touch *t, uint64_t now_ms)
{
    Staff *s = staff_of(app);
    StaffButton button = {0};
    int canvas_w = 0, canvas_h = 0;
    app_core_canvas_size(app, &canvas_w, &canvas_h);
    bool on_button = staff_panel_hit(canvas_w, canvas_h, s->page, app_core_staff_import_enabled(app), t->x, t->y, &button);
    s->last_input_ms = now_ms;
    if (s->page == STAFF_PAGE_PROBLEMS && staff_import_problems_touch(app, s->import, t, on_button, now_ms)) {
        s->dirty = true;
        return;
    }
    switch (t->phase) {
    case TOUCH_DOWN:
        s->pressing = on_button;
        s->finger = t->id;
        s->pressed = button;
        if (!on_button && s->page == STAFF_PAGE_TOUCH_TEST) {
            add_point(s, t);
        }
        return;
    case TOUCH_MOVE:
        if (s->page == STAFF_PAGE_TOUCH_TEST && !(s->pressing && t->id == s->finger)) {
            add_point(s, t);
        }
        return;
    case TOUCH_UP:
        if (s->pressing && t->id == s->finger && on_button && button.action == s->pressed.action &&
            button.digit == s->pressed.digit) {
            s->pressing = false;
            press_button(app, &button, now_ms);
        }
        s->pressing = false;
        return;
    case TOUCH_CANCEL:
        s->pressing = false;
        return;
    }
}

bool part_staff_input(App *app, const InputEvent *in, uint64_t now_ms)
{
    Staff *s = staff_of(app);
    if (in->kind == INPUT_QUIT || in->kind == INPUT_EXPOSED || in->kind == INPUT_NONE) {
        return false;
    }
    if (staff_import_previewing(s->import)) {
        return staff_import_input(app, s->import, in, now_ms); /* the bar's, or the preview's */
    }
    if (s->open) {
        if (in->kind == INPUT_TOUCH) {
            on_touch(app, &in->touch, now_ms);
        }
        return true; /* keys do nothing behind the panel */
    }
    if (in->kind != INPUT_TOUCH) {
        return false;
    }
    if (!s->gesture_ready) {
        int canvas_w = 0, canvas_h = 0;
        app_core_canvas_size(app, &canvas_w, &canvas_h);
        StaffGestureConfig config = staff_gesture_config_default(canvas_w, canvas_h);
        staff_gesture_init(&s->gesture, &config);
        s->gesture_ready = true;
    }
    if (staff_gesture_feed(&s->gesture, &in->touch)) {
        open_pad(app, now_ms);
    }
    return false; /* the kiosk sees the touches of the gesture too */
}

/* ---- drawing ---------------------------------------------------------------------------- */

static void add_row(StaffView *view, UiText label, const char *value)
{
    if (view->row_count < STAFF_PANEL_ROWS) {
        StaffRow *row = &view->rows[view->row_count++];
        row->label = label;
        snprintf(row->value, sizeof row->value, "%s", value);
    }
}

/* "2026-12-01 12:40" (with_date) or "12:40", local time. */
static void local_time(int64_t unix_seconds, bool with_date, char *out, size_t size)
{
    time_t t = (time_t)unix_seconds;
    struct tm tm = {0};
    if (localtime_r(&t, &tm) == NULL || strftime(out, size, with_date ? "%Y-%m-%d %H:%M" : "%H:%M", &tm) == 0) {
        snprintf(out, size, "?");
    }
}

static void pack_rows(const App *app, StaffView *view, Lang lang)
{
    StatusPack pack = {0};
    char text[OPTIONS_PATH_MAX + STAFF_ROW_VALUE_MAX] = "";
    app_core_pack_shown(app, &pack);
    add_row(view, UI_STAFF_PACK, pack.from == STATUS_PACK_NONE ? ui_text(UI_NO_CONTENT, lang) : pack.title);
    if (pack.from != STATUS_PACK_NONE) {
        UiText from = pack.from == STATUS_PACK_BUNDLED ? UI_STAFF_FROM_BUNDLED
                      : pack.from == STATUS_PACK_FILE  ? UI_STAFF_FROM_FILE
                                                       : UI_STAFF_FROM_INSTALLED;
        char kiosk[STAFF_ROW_VALUE_MAX] = ""; /* a pack taken at the kiosk: its version is its base */
        if (pack.from == STATUS_PACK_KIOSK) {
            staff_panel_format(kiosk, sizeof kiosk, UI_IMPORT_TAKEN_AT_KIOSK, lang, (long long)pack.version);
        }
        snprintf(text, sizeof text, "%s %lld (%s%s%s)", ui_text(UI_STAFF_VERSION, lang), (long long)pack.version,
                 kiosk[0] ? kiosk : ui_text(from, lang), pack.pending ? ", " : "",
                 pack.pending ? ui_text(UI_STAFF_PENDING, lang) : "");
    }
    add_row(view, UI_STAFF_SHOWING, text);
    log_write(app_core_log(app), LOG_DEBUG, "staff", "panel: showing %s", text); /* for end-to-end tests */
    text[0] = '\0';
    char path[FSIO_PATH_MAX] = "";
    struct stat st = {0};
    if (pack.from == STATUS_PACK_BUNDLED) {
        snprintf(text, sizeof text, "%s", ui_text(UI_STAFF_BUNDLED, lang));
    } else if (pack.from == STATUS_PACK_FILE) {
        snprintf(text, sizeof text, "%s", app_core_options(app)->db);
    } else if ((pack.from == STATUS_PACK_INSTALLED || pack.from == STATUS_PACK_KIOSK) && app_core_updater(app) &&
               store_active_path(update_store(app_core_updater(app)), path, sizeof path) && stat(path, &st) == 0) {
        local_time((int64_t)st.st_mtime, true, text, sizeof text);
    }
    add_row(view, UI_STAFF_INSTALLED, text);
}

/* "off by cec", "on by drm (did not work)", "off by black instead of cec (did not work)", or
 * "on; screen_off = auto, not used yet": what status.json's display says. */
static void screen_power_row(const App *app, char *text, size_t size)
{
    StatusDisplay d = {0};
    app_core_display_power(app, &d);
    const char *wanted = options_screen_off_name(d.wanted);
    if (!d.changed) {
        snprintf(text, size, "on; screen_off = %s, not used yet", wanted);
        return;
    }
    bool instead = d.wanted != OPTIONS_SCREEN_OFF_AUTO && d.wanted != d.method;
    snprintf(text, size, "%s by %s%s%s%s", d.off ? "off" : "on", options_screen_off_name(d.method),
             instead ? " instead of " : "", instead ? wanted : "", d.worked ? "" : " (did not work)");
}

static void machine_rows(App *app, StaffView *view, Lang lang, uint64_t now_ms)
{
    char text[STATUS_MESSAGE_MAX + STAFF_ROW_VALUE_MAX] = "";
    const StatusUpdate *u = app_core_last_update(app);
    if (u->attempted) {
        char at[32];
        local_time(u->at_unix, false, at, sizeof at);
        snprintf(text, sizeof text, "%s at %s: %s", u->result, at, u->message);
    } else {
        snprintf(text, sizeof text, "%s", ui_text(UI_STAFF_NO_UPDATE, lang));
    }
    add_row(view, UI_STAFF_LAST_UPDATE, text);
    if (!today_statistics(app, text, sizeof text)) {
        snprintf(text, sizeof text, "%s", ui_text(UI_STAFF_NOT_AVAILABLE, lang));
    }
    add_row(view, UI_STAFF_TODAY, text);
    if (!leads_waiting(app, text, sizeof text)) {
        snprintf(text, sizeof text, "%s", ui_text(UI_STAFF_NOT_AVAILABLE, lang));
    }
    add_row(view, UI_STAFF_LEADS, text);
    uint64_t free_bytes = 0;
    uint64_t total_bytes = 0;
    text[0] = '\0';
    if (staff_info_free_space(app_core_options(app)->state_dir, &free_bytes, &total_bytes)) {
        char free_text[32];
        char total_text[32];
        staff_format_bytes(free_bytes, free_text, sizeof free_text);
        staff_format_bytes(total_bytes, total_text, sizeof total_text);
        snprintf(text, sizeof text, "%s / %s", free_text, total_text);
    }
    add_row(view, UI_STAFF_FREE_SPACE, text);
    staff_format_duration(app_core_uptime_ms(app, now_ms) / 1000u, text, sizeof text);
    add_row(view, UI_STAFF_UPTIME, text);
    double celsius = 0.0;
    text[0] = '\0';
    if (staff_info_temperature(STAFF_THERMAL_DIR, &celsius)) {
        snprintf(text, sizeof text, "%.1f °C", celsius);
    }
    add_row(view, UI_STAFF_TEMPERATURE, text);
    screen_power_row(app, text, sizeof text);
    add_row(view, UI_STAFF_SCREEN_POWER, text);
}

/* The time the kiosk shows (moved by the staff's buttons on the clock page) and its state. */
static void clock_view(App *app, StaffView *view, uint64_t now_ms)
{
    static const UiText STATES[] = {[CLOCK_TRUST_NONE] = UI_STAFF_CLOCK_NONE,
                                    [CLOCK_TRUST_FAKE] = UI_STAFF_CLOCK_FAKE,
                                    [CLOCK_TRUST_SYNCHRONISED] = UI_STAFF_CLOCK_SYNCHRONISED,
                                    [CLOCK_TRUST_STAFF] = UI_STAFF_CLOCK_STAFF};
    Staff *s = staff_of(app);
    int64_t wall_s = 0;
    ClockTrustSource source = app_core_clock_trust(app, now_ms, &wall_s, NULL);
    s->clock_drawn_s = wall_s;
    int64_t shown_s = wall_s + (s->page == STAFF_PAGE_CLOCK ? s->clock_moved_s : 0);
    clock_local_text(shown_s, view->clock_time, sizeof view->clock_time);
    local_time(shown_s, false, view->clock_short, sizeof view->clock_short);
    view->clock_state = STATES[source];
    view->clock_trusted = source != CLOCK_TRUST_NONE;
    view->clock_moved = s->page == STAFF_PAGE_CLOCK && s->clock_moved_s != 0;
}

static void fill_view(App *app, StaffView *view, uint64_t now_ms)
{
    Staff *s = staff_of(app);
    *view = (StaffView){
        .page = s->page,
        .lang = staff_lang(app),
        .digits = (int)s->pin_length,
        .problem = s->problem,
        .lobby = app_core_options(app)->profile == OPTIONS_PROFILE_LOBBY,
        .start_lang = app_core_options(app)->lang,
        .armed = s->armed,
        .points = s->points,
        .point_count = s->point_count,
    };
    snprintf(view->message, sizeof view->message, "%s", s->message);
    staff_import_fill_view(app, s->import, view);
    if (s->page == STAFF_PAGE_CLOCK || s->page == STAFF_PAGE_PANEL) {
        clock_view(app, view, now_ms);
    }
    if (s->page != STAFF_PAGE_PANEL) {
        return;
    }
    if (s->rows_stale) {
        pack_rows(app, view, view->lang);
        machine_rows(app, view, view->lang, now_ms);
        memcpy(s->rows, view->rows, sizeof s->rows);
        s->row_count = view->row_count;
        s->rows_stale = false;
    } else {
        memcpy(view->rows, s->rows, sizeof view->rows);
        view->row_count = s->row_count;
    }
}

bool part_staff_draw(App *app, uint64_t now_ms)
{
    Staff *s = staff_of(app);
    if (!s || !s->open) {
        return false;
    }
    /* Under the panel nothing of the visitors' screen is drawn: a frame it owes, or new
     * content fading in, waits until the panel closes. */
    bool owed = app_core_take_redraw(app);
    s->dirty = s->dirty || owed;
    s->rows_stale = s->rows_stale || owed; /* new content behind the panel */
    if (!s->dirty) {
        return true;
    }
    StaffView view = {0};
    fill_view(app, &view, now_ms);
    int canvas_w = 0, canvas_h = 0;
    app_core_canvas_size(app, &canvas_w, &canvas_h);
    staff_panel_draw(app_core_begin_layer(app), app_core_fonts(app), canvas_w, canvas_h, &view);
    app_core_present_layer(app);
    s->dirty = false;
    return true;
}

bool part_staff_showing(const App *app, StaffPage *page)
{
    const Staff *s = staff_of(app);
    if (s && staff_import_previewing(s->import)) {
        *page = STAFF_PAGE_PREVIEW;
        return true;
    }
    if (s && s->open) {
        *page = s->page;
    }
    return s && s->open;
}

void part_staff_draw_bar(App *app)
{
    Staff *s = staff_of(app);
    staff_import_draw_bar(app, s ? s->import : NULL);
}

/* What the import did since the last look: the panel shows it (staff_import_follow). */
static void follow_import(App *app, Staff *s, uint64_t now_ms)
{
    char text[STAFF_MESSAGE_MAX] = "";
    bool problem = false;
    bool on_panel = s->open && s->page == STAFF_PAGE_PANEL;
    switch (staff_import_follow(app, s->import, s->open, on_panel, now_ms, text, sizeof text, &problem)) {
    case STAFF_IMPORT_NOTHING:
        break;
    case STAFF_IMPORT_REDRAW:
        s->dirty = true;
        break;
    case STAFF_IMPORT_MESSAGE:
        if (s->open) {
            set_message(s, problem, text);
        }
        break;
    case STAFF_IMPORT_PROBLEMS:
        go_to(app, STAFF_PAGE_PROBLEMS, now_ms);
        break;
    case STAFF_IMPORT_PREVIEW:
        close_panel(app, "preview of the content from the stick");
        staff_import_preview_open(app, s->import, now_ms);
        if (staff_import_previewing(s->import)) {
            log_buttons(app, STAFF_PAGE_PREVIEW);
        }
        break;
    }
    if (s->open && staff_import_busy(app)) {
        s->last_input_ms = now_ms; /* the panel waits with the staff for what runs */
    }
}

static void staff_tick(App *app, void *self, uint64_t now_ms)
{
    Staff *s = self;
    follow_import(app, s, now_ms);
    if (staff_import_tick(app, s->import, now_ms) && s->open) {
        s->dirty = true;
    }
    if (!s->open) {
        return;
    }
    if (now_ms >= s->last_input_ms + STAFF_IDLE_MS) {
        close_panel(app, "60 s untouched");
        return;
    }
    if (s->page == STAFF_PAGE_PIN && s->minutes_shown > 0 &&
        staff_pin_minutes_left(&s->lock, now_ms) != s->minutes_shown) {
        if (staff_pin_locked(&s->lock, now_ms, NULL)) {
            show_lock(app, now_ms);
        } else {
            s->minutes_shown = 0;
            set_message(s, false, "");
        }
    }
    if (s->page == STAFF_PAGE_PANEL && now_ms >= s->refreshed_ms + STAFF_REFRESH_MS) {
        s->refreshed_ms = now_ms;
        s->dirty = true;
        s->rows_stale = true;
    }
    if (s->page == STAFF_PAGE_CLOCK) {
        int64_t wall_s = 0;
        (void)app_core_clock_trust(app, now_ms, &wall_s, NULL);
        s->dirty = s->dirty || wall_s != s->clock_drawn_s; /* its seconds move on */
    }
}

static uint64_t staff_deadline(const App *app, const void *self, uint64_t now_ms)
{
    const Staff *s = self;
    uint64_t import = staff_import_deadline(app, s->import, now_ms);
    if (!s->open) {
        return import;
    }
    uint64_t deadline = s->last_input_ms + STAFF_IDLE_MS;
    deadline = import < deadline ? import : deadline;
    uint64_t left = 0;
    if (s->page == STAFF_PAGE_PIN && staff_pin_locked(&s->lock, now_ms, &left)) {
        uint64_t next_minute = now_ms + (left % 60000u ? left % 60000u : 60000u);
        deadline = next_minute < deadline ? next_minute : deadline;
    }
    if (s->page == STAFF_PAGE_PANEL) {
        uint64_t refresh = s->refreshed_ms + STAFF_REFRESH_MS;
        deadline = refresh < deadline ? refresh : deadline;
    }
    if (s->page == STAFF_PAGE_CLOCK) { /* its seconds: looked at twice a second */
        uint64_t second = now_ms + STAFF_CLOCK_LOOK_MS;
        deadline = second < deadline ? second : deadline;
    }
    return deadline;
}

static void *staff_start(App *app, uint64_t now_ms)
{
    (void)app;
    (void)now_ms;
    Staff *s = calloc(1, sizeof(Staff));
    if (s) {
        s->import = staff_import_create();
    }
    if (s && !s->import) {
        free(s);
        return NULL;
    }
    return s;
}

/* The kiosk's options may be the panel's copy (switch_options): app_close reads them no more
 * once the parts stopped (the staff panel stops last). */
static void staff_stop(App *app, void *self)
{
    (void)app;
    Staff *s = self;
    if (s) {
        staff_import_destroy(s->import);
    }
    free(s);
}

const Part part_staff = {
    .name = "staff",
    .start = staff_start,
    .stop = staff_stop,
    .tick_when = PART_TICK_AWAKE,
    .tick = staff_tick,
    .deadline = staff_deadline,
};
