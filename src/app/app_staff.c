/* app_staff.c — the staff panel in the running kiosk; see app_staff.h.
 * Reading order: app_staff_input() → watch_gesture() (closed) or on_touch() (open) →
 * press_button() → the PIN (enter_pin) or an action from ACTIONS[]; app_staff_draw() →
 * fill_view() → render/staff_panel.c. */
#define _POSIX_C_SOURCE 200809L
#include "app/app_state.h"

#include "core/ui_text.h"
#include "staff/staff_info.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* ---- the lockout, kept in the state directory ------------------------------------------- */

static bool open_store(const App *app, PackStore *store)
{
    return store_init(store, app->options->state_dir, NULL, NULL) == STORE_OK;
}

static void lock_load(App *app, uint64_t now_ms)
{
    AppStaff *s = &app->staff;
    PackStore store;
    char text[STAFF_PIN_LOCK_TEXT_MAX] = "";
    s->lock_loaded = true;
    if (!open_store(app, &store)) {
        return;
    }
    int error = store_note_read(&store, STORE_STAFF_LOCK_NAME, text, sizeof text);
    if (error == 0 && !staff_pin_lock_parse(&s->lock, text, now_ms)) {
        log_write(app->log, LOG_WARN, "staff", "%s/%s: not understood; the PIN count starts again", store.dir,
                  STORE_STAFF_LOCK_NAME);
    } else if (error != 0 && error != ENOENT) {
        log_write(app->log, LOG_WARN, "staff", "%s/%s: %s", store.dir, STORE_STAFF_LOCK_NAME, strerror(error));
    }
    if (staff_pin_locked(&s->lock, now_ms, NULL)) {
        log_write(app->log, LOG_INFO, "staff", "the PIN pad is still locked (%d min)", staff_pin_minutes_left(&s->lock, now_ms));
    }
}

static void lock_save(App *app, uint64_t now_ms)
{
    PackStore store;
    char text[STAFF_PIN_LOCK_TEXT_MAX] = "";
    size_t len = staff_pin_lock_format(&app->staff.lock, now_ms, text, sizeof text);
    if (len == 0 || !open_store(app, &store)) {
        log_write(app->log, LOG_WARN, "staff", "cannot keep the PIN count in %s: a restart forgets it",
                  app->options->state_dir);
        return;
    }
    store_note_write(&store, STORE_STAFF_LOCK_NAME, text, len); /* logs a failure itself */
}

/* ---- opening and closing ---------------------------------------------------------------- */

static void set_message(AppStaff *s, bool problem, const char *text)
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
    return app->staff.lang;
}

static Lang screen_lang(const App *app, uint64_t now_ms)
{
    DeckFrame frame = {0};
    deck_frame(&app->deck, now_ms, &frame);
    return frame.empty ? app->options->lang : frame.lang;
}

static void show_lock(App *app, uint64_t now_ms)
{
    AppStaff *s = &app->staff;
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
        [STAFF_ACT_DONE] = "done",
    };
    static const char *const PAGES[] = {"pin pad", "panel", "touch test"};
    StaffButton buttons[STAFF_PANEL_BUTTONS];
    size_t count = staff_panel_layout(app->canvas_w, app->canvas_h, page, buttons, STAFF_PANEL_BUTTONS);
    char line[1024] = "";
    size_t used = 0;
    for (size_t i = 0; i < count && used < sizeof line; i++) {
        const StaffButton *b = &buttons[i];
        char digit[4];
        snprintf(digit, sizeof digit, "%d", b->digit);
        int n = snprintf(line + used, sizeof line - used, " %s=%d,%d", b->action == STAFF_ACT_DIGIT ? digit : NAMES[b->action],
                         b->rect.x + b->rect.w / 2, b->rect.y + b->rect.h / 2);
        used += n > 0 ? (size_t)n : 0;
    }
    log_write(app->log, LOG_DEBUG, "staff", "%s buttons:%s", PAGES[page], line);
}

static void go_to(App *app, StaffPage page, uint64_t now_ms)
{
    log_buttons(app, page);
    AppStaff *s = &app->staff;
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
}

static void open_pad(App *app, uint64_t now_ms)
{
    AppStaff *s = &app->staff;
    const char *hash = app->options->pin_hash;
    if (!staff_pin_hash_usable(hash)) {
        if (!s->logged_no_pin) {
            log_write(app->log, LOG_WARN, "staff", "the staff gesture was made, but the panel stays closed: %s",
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
    s->lang = screen_lang(app, now_ms);
    s->pin_length = 0;
    s->pin[0] = '\0';
    s->last_input_ms = now_ms;
    go_to(app, STAFF_PAGE_PIN, now_ms);
    log_write(app->log, LOG_INFO, "staff", "staff gesture: PIN pad open");
    if (staff_pin_locked(&s->lock, now_ms, NULL)) {
        show_lock(app, now_ms);
    }
}

static void close_panel(App *app, const char *why)
{
    AppStaff *s = &app->staff;
    s->open = false;
    s->pressing = false;
    s->pin_length = 0;
    memset(s->pin, 0, sizeof s->pin);
    app->redraw = true; /* the visitors' screen again */
    log_write(app->log, LOG_INFO, "staff", "panel closed (%s)", why);
}

/* ---- the PIN pad ------------------------------------------------------------------------ */

static void enter_pin(App *app, uint64_t now_ms)
{
    AppStaff *s = &app->staff;
    int failures_before = s->lock.failures;
    StaffPinResult result = staff_pin_check(&s->lock, app->options->pin_hash, s->pin, now_ms);
    char text[STAFF_MESSAGE_MAX];
    memset(s->pin, 0, sizeof s->pin);
    s->pin_length = 0;
    switch (result) {
    case STAFF_PIN_OK:
        log_write(app->log, LOG_INFO, "staff", "PIN accepted: staff panel open");
        if (failures_before > 0) {
            lock_save(app, now_ms);
        }
        go_to(app, STAFF_PAGE_PANEL, now_ms);
        return;
    case STAFF_PIN_WRONG:
        log_write(app->log, LOG_WARN, "staff", "wrong PIN (%d of %d in a row)", s->lock.failures, STAFF_PIN_MAX_TRIES);
        lock_save(app, now_ms);
        staff_panel_format(text, sizeof text, UI_STAFF_WRONG_PIN, staff_lang(app), STAFF_PIN_MAX_TRIES - s->lock.failures);
        set_message(s, true, text);
        return;
    case STAFF_PIN_LOCKED:
        if (failures_before < STAFF_PIN_MAX_TRIES) {
            log_write(app->log, LOG_WARN, "staff", "%d wrong PINs in a row: the PIN pad is locked for %d min",
                      STAFF_PIN_MAX_TRIES, STAFF_PIN_LOCK_MS / 60000);
            lock_save(app, now_ms);
        }
        show_lock(app, now_ms);
        return;
    case STAFF_PIN_NO_HASH:
    case STAFF_PIN_FAILED:
        log_write(app->log, LOG_ERROR, "staff", "the PIN cannot be checked (libsodium failed)");
        close_panel(app, "PIN not checked");
        return;
    }
}

static void type_digit(App *app, int digit)
{
    AppStaff *s = &app->staff;
    if (s->pin_length < STAFF_PIN_MAX_DIGITS) {
        s->pin[s->pin_length++] = (char)('0' + digit);
        s->pin[s->pin_length] = '\0';
    }
    if (!s->problem || !staff_pin_locked(&s->lock, clock_now_ms(), NULL)) {
        s->message[0] = '\0';
    }
    s->dirty = true;
}

/* ---- the panel's actions ---------------------------------------------------------------- */

/* The pack the store says is on screen after a rollback, as the kiosk shows it. */
static void action_rollback(App *app, uint64_t now_ms)
{
    AppStaff *s = &app->staff;
    Lang lang = staff_lang(app);
    char text[STAFF_MESSAGE_MAX];
    if (!app->updater) {
        set_message(s, true, ui_text(UI_STAFF_NO_UPDATES, lang));
        return;
    }
    if (update_worker_busy(app->update_worker)) {
        set_message(s, true, ui_text(UI_STAFF_BUSY, lang));
        return;
    }
    int64_t before = store_installed_version(update_store(app->updater));
    StoreStatus status = update_rollback(app->updater); /* what `facts-kiosk pack rollback` does */
    const char *why = "";
    switch (status) {
    case STORE_OK: {
        char problem[512] = "";
        Content *bundled = pack_load_logged(app->paths.bundled_pack, app->log, problem, sizeof problem);
        app_show_pack(app, bundled, problem, now_ms);
        int64_t shown = app->content ? app->content->pack.version : 0;
        log_write(app->log, LOG_INFO, "staff", "rolled back on the staff panel: version %lld replaced by version %lld",
                  (long long)before, (long long)shown);
        if (store_installed_version(update_store(app->updater)) > 0) {
            staff_panel_format(text, sizeof text, UI_STAFF_ROLLED_BACK, lang, (long long)shown);
            set_message(s, false, text);
        } else {
            set_message(s, false, ui_text(UI_STAFF_ROLLED_BACK_BUNDLED, lang));
        }
        return;
    }
    case STORE_ERR_NOTHING:
        log_write(app->log, LOG_INFO, "staff", "roll back: no installed pack; the bundled pack stays");
        set_message(s, false, ui_text(UI_STAFF_NOTHING_TO_ROLL_BACK, lang));
        return;
    case STORE_ERR_DEGRADED:
        store_degraded(update_store(app->updater), &why);
        break;
    case STORE_ERR_IO:
        why = strerror(update_store(app->updater)->error);
        break;
    }
    log_write(app->log, LOG_WARN, "staff", "roll back failed: %s", why);
    staff_panel_format(text, sizeof text, UI_STAFF_ROLLBACK_FAILED, lang, why);
    set_message(s, true, text);
}

static void action_export(App *app, uint64_t now_ms)
{
    (void)now_ms;
    char text[STAFF_MESSAGE_MAX] = "";
    bool done = app_staff_export_now(app, text, sizeof text);
    log_write(app->log, LOG_INFO, "staff", "export now: %s", done ? text : "not available");
    set_message(&app->staff, !done, done ? text : ui_text(UI_STAFF_NOT_AVAILABLE, staff_lang(app)));
}

/* Profile and start language change for this run only: the kiosk's options are the
 * panel's copy from now on, and the config file is not touched. */
static void switch_options(App *app, bool profile, uint64_t now_ms)
{
    AppStaff *s = &app->staff;
    if (app->options != &s->runtime) {
        s->runtime = *app->options;
        app->options = &s->runtime;
    }
    if (profile) {
        s->runtime.profile = s->runtime.profile == OPTIONS_PROFILE_LOBBY ? OPTIONS_PROFILE_BOOTH : OPTIONS_PROFILE_LOBBY;
    } else {
        s->runtime.lang = (Lang)((s->runtime.lang + 1) % LANG_COUNT);
    }
    log_write(app->log, LOG_INFO, "staff", "until restart: profile %s, start language %s",
              options_profile_name(s->runtime.profile), lang_tag(s->runtime.lang));
    app_apply_options(app, now_ms);
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
    log_write(app->log, LOG_INFO, "staff", "restart asked for on the staff panel: the kiosk ends and systemd starts it again");
    set_message(&app->staff, false, ui_text(UI_STAFF_RESTARTING, staff_lang(app)));
    app->quit = true;
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
};

static void press_button(App *app, const StaffButton *button, uint64_t now_ms)
{
    AppStaff *s = &app->staff;
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

static void add_point(AppStaff *s, const Touch *t)
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
    AppStaff *s = &app->staff;
    StaffButton button = {0};
    bool on_button = staff_panel_hit(app->canvas_w, app->canvas_h, s->page, t->x, t->y, &button);
    s->last_input_ms = now_ms;
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

bool app_staff_input(App *app, const InputEvent *in, uint64_t now_ms)
{
    AppStaff *s = &app->staff;
    if (in->kind == INPUT_QUIT || in->kind == INPUT_EXPOSED || in->kind == INPUT_NONE) {
        return false;
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
        StaffGestureConfig config = staff_gesture_config_default(app->canvas_w, app->canvas_h);
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
    app_status_collect_pack(app, &pack);
    add_row(view, UI_STAFF_PACK, pack.from == STATUS_PACK_NONE ? ui_text(UI_NO_CONTENT, lang) : pack.title);
    if (pack.from != STATUS_PACK_NONE) {
        UiText from = pack.from == STATUS_PACK_BUNDLED ? UI_STAFF_FROM_BUNDLED
                      : pack.from == STATUS_PACK_FILE  ? UI_STAFF_FROM_FILE
                                                       : UI_STAFF_FROM_INSTALLED;
        snprintf(text, sizeof text, "%s %lld (%s%s%s)", ui_text(UI_STAFF_VERSION, lang), (long long)pack.version,
                 ui_text(from, lang), pack.pending ? ", " : "", pack.pending ? ui_text(UI_STAFF_PENDING, lang) : "");
    }
    add_row(view, UI_STAFF_SHOWING, text);
    text[0] = '\0';
    char path[FSIO_PATH_MAX] = "";
    struct stat st = {0};
    if (pack.from == STATUS_PACK_BUNDLED) {
        snprintf(text, sizeof text, "%s", ui_text(UI_STAFF_BUNDLED, lang));
    } else if (pack.from == STATUS_PACK_FILE) {
        snprintf(text, sizeof text, "%s", app->options->db);
    } else if (pack.from == STATUS_PACK_INSTALLED && app->updater &&
               store_active_path(update_store(app->updater), path, sizeof path) && stat(path, &st) == 0) {
        local_time((int64_t)st.st_mtime, true, text, sizeof text);
    }
    add_row(view, UI_STAFF_INSTALLED, text);
}

static void machine_rows(App *app, StaffView *view, Lang lang, uint64_t now_ms)
{
    char text[STATUS_MESSAGE_MAX + STAFF_ROW_VALUE_MAX] = "";
    const StatusUpdate *u = &app->status.report.last_update;
    if (u->attempted) {
        char at[32];
        local_time(u->at_unix, false, at, sizeof at);
        snprintf(text, sizeof text, "%s at %s: %s", u->result, at, u->message);
    } else {
        snprintf(text, sizeof text, "%s", ui_text(UI_STAFF_NO_UPDATE, lang));
    }
    add_row(view, UI_STAFF_LAST_UPDATE, text);
    if (!app_staff_today_statistics(app, text, sizeof text)) {
        snprintf(text, sizeof text, "%s", ui_text(UI_STAFF_NOT_AVAILABLE, lang));
    }
    add_row(view, UI_STAFF_TODAY, text);
    if (!app_staff_leads_waiting(app, text, sizeof text)) {
        snprintf(text, sizeof text, "%s", ui_text(UI_STAFF_NOT_AVAILABLE, lang));
    }
    add_row(view, UI_STAFF_LEADS, text);
    uint64_t free_bytes = 0;
    uint64_t total_bytes = 0;
    text[0] = '\0';
    if (staff_info_free_space(app->options->state_dir, &free_bytes, &total_bytes)) {
        char free_text[32];
        char total_text[32];
        staff_format_bytes(free_bytes, free_text, sizeof free_text);
        staff_format_bytes(total_bytes, total_text, sizeof total_text);
        snprintf(text, sizeof text, "%s / %s", free_text, total_text);
    }
    add_row(view, UI_STAFF_FREE_SPACE, text);
    staff_format_duration(clock_since_start_ms(&app->start, now_ms) / 1000u, text, sizeof text);
    add_row(view, UI_STAFF_UPTIME, text);
    double celsius = 0.0;
    text[0] = '\0';
    if (staff_info_temperature(STAFF_THERMAL_DIR, &celsius)) {
        snprintf(text, sizeof text, "%.1f °C", celsius);
    }
    add_row(view, UI_STAFF_TEMPERATURE, text);
}

static void fill_view(App *app, StaffView *view, uint64_t now_ms)
{
    AppStaff *s = &app->staff;
    *view = (StaffView){
        .page = s->page,
        .lang = staff_lang(app),
        .digits = (int)s->pin_length,
        .problem = s->problem,
        .lobby = app->options->profile == OPTIONS_PROFILE_LOBBY,
        .start_lang = app->options->lang,
        .armed = s->armed,
        .points = s->points,
        .point_count = s->point_count,
    };
    snprintf(view->message, sizeof view->message, "%s", s->message);
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

bool app_staff_draw(App *app, uint64_t now_ms)
{
    AppStaff *s = &app->staff;
    if (!s->open) {
        return false;
    }
    /* Under the panel nothing of the visitors' screen is drawn: a frame it owes, or new
     * content fading in, waits until the panel closes. */
    s->dirty = s->dirty || app->redraw;
    s->rows_stale = s->rows_stale || app->redraw; /* new content behind the panel */
    app->redraw = false;
    app->swap_start_ms = 0;
    if (!s->dirty) {
        return true;
    }
    StaffView view = {0};
    fill_view(app, &view, now_ms);
    if (app->canvas) {
        SDL_SetRenderTarget(app->renderer, app->canvas);
    }
    staff_panel_draw(app->renderer, app->fonts, app->canvas_w, app->canvas_h, &view);
    app_present(app);
    app->stats.frames++;
    s->dirty = false;
    return true;
}

void app_staff_tick(App *app, uint64_t now_ms)
{
    AppStaff *s = &app->staff;
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
}

uint64_t app_staff_deadline_ms(const App *app, uint64_t now_ms)
{
    const AppStaff *s = &app->staff;
    if (!s->open) {
        return UINT64_MAX;
    }
    uint64_t deadline = s->last_input_ms + STAFF_IDLE_MS;
    uint64_t left = 0;
    if (s->page == STAFF_PAGE_PIN && staff_pin_locked(&s->lock, now_ms, &left)) {
        uint64_t next_minute = now_ms + (left % 60000u ? left % 60000u : 60000u);
        deadline = next_minute < deadline ? next_minute : deadline;
    }
    if (s->page == STAFF_PAGE_PANEL) {
        uint64_t refresh = s->refreshed_ms + STAFF_REFRESH_MS;
        deadline = refresh < deadline ? refresh : deadline;
    }
    return deadline;
}
