/* app_core.h — the shared core of the running kiosk as the parts see it (part.h): what every
 * part needs (options, log, window, screen, content and its slide plan, deck, redraw) and what
 * parts legitimately ask of each other (the display is asleep; what the speaker button shows;
 * a use of read aloud for the statistics). App stays opaque here: a part includes this header
 * and part.h, never app_state.h nor another part's header, so a unit test can link one part
 * with a test double of these functions (tests/app/core_double.c). Implemented in app.c,
 * beside the table of parts; those of the renderer, the canvas, the progress overlay and the
 * picture of the screen (app_core_drawn_once, _black_frame, _canvas_size, _begin_layer,
 * _progress and its kin, _request_grab, _take_grab, _cancel_grab) in app_display.c, which
 * owns them. */
#ifndef FACTS_APP_APP_CORE_H
#define FACTS_APP_APP_CORE_H

#include "app/part.h"
#include "content/content.h"
#include "core/clock_trust.h"
#include "core/deck.h"
#include "platform/input.h"
#include "platform/log.h"
#include "platform/options.h"
#include "platform/screen_power.h"
#include "render/fonts.h"
#include "render/frame_grab.h"
#include "render/plan.h"
#include "render/screen.h"
#include "app/status.h"
#include "update/update.h"
#include "update/watch.h"

#include <SDL2/SDL.h>
#include <stdbool.h>
#include <stdint.h>

/* The private state part's start made; NULL before its start, after its stop, or when the
 * part is not in the table. */
void *app_core_part(const App *app, const Part *part);

/* What every part needs. The core owns them all; parts borrow them for a call. */
const Options *app_core_options(const App *app);
Log *app_core_log(const App *app);
SDL_Window *app_core_window(const App *app);
Screen *app_core_screen(const App *app);
Deck *app_core_deck(App *app);
/* The content on screen (NULL: none) and its slide plan. */
const Content *app_core_content(const App *app);
SlidePlan *app_core_plan(App *app);
/* True once the first frame is on screen (systemd heard the kiosk is up). */
bool app_core_drawn_once(const App *app);
/* Something on screen changed: a frame is drawn in this loop turn or the next. */
void app_core_redraw(App *app);
/* One SDL event as the deck sees it (canvas coordinates, keys by meaning). */
InputEvent app_core_translate(const App *app, const SDL_Event *event, uint64_t now_ms);

/* The display sleeps (opening hours): nothing is drawn, only the parts ticked while asleep
 * run. Falling asleep stops reading aloud. */
bool app_core_asleep(const App *app);
void app_core_set_asleep(App *app, bool asleep);
/* The kernel interfaces screen power uses (open, ioctl, close, the window's system info): the
 * process's own here; a test double's in the parts' unit tests. */
const ScreenPowerSystem *app_core_screen_power_system(const App *app);
/* The screen's power as the opening hours left it (status.json's display, the staff panel). */
void app_core_display_power(const App *app, StatusDisplay *out);
/* Forgets the touch under way: the gesture recogniser starts afresh and nothing shows pressed. */
void app_core_forget_touch(App *app);
/* Puts one black frame on the window (what stays there while the kiosk sleeps), and gives back
 * the slide painted ahead when release_spare. */
void app_core_black_frame(App *app, bool release_spare);

/* What the chrome's speaker button shows (read aloud): kept by the core so a screen made anew
 * (app_apply_options) shows it too. */
void app_core_show_speech(App *app, bool ready, bool speaking);
/* A page was read aloud: counted in the visitor statistics. */
void app_core_read_aloud_used(App *app, uint64_t now_ms);

/* What the parts of visits, status, leads, updates and the staff panel ask of each other;
 * the core passes each question on to the part that answers it (app.c, at its end). */
enum {
    UPDATE_POLL_MS = 1500, /* sticks are looked for this often */
    UPDATE_FRAME_MS = 50,  /* while an update or a copy runs: a progress bar moves at 20 frames a second */
};
/* The kiosk's id (status; "" before it is known) and the last update attempt, as reported. */
const char *app_core_kiosk_id(const App *app);
const StatusUpdate *app_core_last_update(const App *app);
/* An update attempt from source (a stick's folder, a URL) starts; at its end (result) the
 * status report is written at once, and posted when the attempt changed it. */
void app_core_update_attempt_begin(App *app, const char *source);
void app_core_update_attempt_end(App *app, const UpdateResult *result, uint64_t now_ms);
/* Frames drawn since start (the statistics' count) and the time since start. */
uint64_t app_core_frames_drawn(const App *app);
uint64_t app_core_uptime_ms(const App *app, uint64_t now_ms);
/* The pack store of the state directory (NULL: none usable). While an update runs the worker
 * owns it: read it only when app_core_updating() is false. */
const PackStore *app_core_store(const App *app);
/* An update attempt runs in the worker (which then owns the store). */
bool app_core_updating(const App *app);
/* Which pack is on screen, and whether it is the installed one still on trial. */
void app_core_pack_shown(const App *app, StatusPack *out);
/* A stick's facts-kiosk folder was seen (usable or not): visits exports its statistics. */
void app_core_stick_seen(App *app, const WatchFound *found, uint64_t now_ms);
/* A visitor left a lead: counted in the visitor statistics. */
void app_core_lead_left(App *app, uint64_t now_ms);

/* The wall clock (issue 20): whether it may be shown as "now" and why (core/clock_trust.h),
 * in *wall_s (may be NULL) the time the kiosk shows, seconds since 1970 UTC (the system's
 * with the staff's correction when it holds, or --fake-clock's), and in *offset_s (may be
 * NULL) that correction (0 unless the source is CLOCK_TRUST_STAFF). Implemented in
 * app_clock.c. */
ClockTrustSource app_core_clock_trust(App *app, uint64_t now_ms, int64_t *wall_s, int64_t *offset_s);
/* Staff say the time now is corrected_s (the time the panel showed, maybe moved by days,
 * hours and minutes; unmoved: "the time is right"): the kiosk keeps its own offset from the
 * system's clock (it may not set the system clock) for that local day and this boot, in the
 * state directory (STORE_CLOCK_NAME) so a restart that day keeps it; the event slides show
 * "now" from their next second. false (logged) when the correction is not believable (more
 * than CLOCK_TRUST_OFFSET_MAX_S away). A failure to keep it is logged: it holds until the
 * kiosk restarts. */
bool app_core_clock_confirm(App *app, int64_t corrected_s, uint64_t now_ms);

/* The version of the bundled pack (0: it does not load): updates must be newer. */
int64_t app_core_bundled_version(const App *app);
/* The bundled pack's file ("Copy content to stick" when it is the pack on screen). */
const char *app_core_bundled_pack_path(const App *app);
/* The fonts (the update worker's test render of a candidate pack). */
Fonts *app_core_fonts(const App *app);
/* Shows a message over the slides for a while (problem: in the warning style). */
void app_core_show_overlay(App *app, const char *title, const char *detail, bool problem, uint64_t now_ms);
/* The overlay's progress bar: where it is (< 0: none), a bar starting at 0, the bar at
 * progress (0..1) under title and detail (shown for a while again, redrawn when it changed),
 * and the bar taken away at once. */
double app_core_progress(const App *app);
void app_core_start_progress(App *app);
void app_core_show_progress(App *app, const char *title, const char *detail, double progress, uint64_t now_ms);
void app_core_hide_progress(App *app, uint64_t now_ms);
/* New content on screen (takes it; NULL: the "no content" screen); a pending pack is watched
 * and confirmed once it has run healthy long enough. */
void app_core_show_content(App *app, Content *content, uint64_t now_ms);
/* Draws a frame now, not at the loop's next wake-up; nothing while asleep. */
void app_core_draw_now(App *app, uint64_t now_ms);

/* The layers over the slides. The lead form and the staff panel are private: while one is on
 * top nothing may photograph or record the screen. The part that shows a layer says so; the
 * highest one shown is on top (APP_LAYER_SLIDES: none). */
typedef enum AppLayer {
    APP_LAYER_SLIDES,
    APP_LAYER_LEAD_FORM,
    APP_LAYER_STAFF_BAR,   /* the staff's bar over a preview (Install · Discard), drawn over the slides */
    APP_LAYER_STAFF_PANEL,
} AppLayer;
void app_core_set_layer(App *app, AppLayer layer, bool shown);
AppLayer app_core_top_layer(const App *app);
bool app_core_private_on_top(const App *app);
/* A picture of the screen (the status part's screen.jpg): request asks for the next frame
 * drawn in full to be read back from the renderer just before it is presented (upright, as a
 * visitor sees it, when the display is rotated) and scaled to at most max_width pixels wide,
 * and owes a frame so that one comes soon. Nothing is read while a private layer is on top
 * (the request waits) or while the display sleeps (no frame is drawn). take says how it went:
 * APP_GRAB_READY gives the picture (*out is the caller's: frame_grab_free; *took_us the time
 * the loop spent reading and scaling it) and ends the request, as APP_GRAB_FAILED does (the
 * renderer could not be read: SDL's error was logged); cancel drops a request not yet read. */
typedef enum AppGrab {
    APP_GRAB_IDLE,    /* nothing asked */
    APP_GRAB_WANTED,  /* asked, not drawn yet */
    APP_GRAB_READY,
    APP_GRAB_FAILED,
} AppGrab;
void app_core_request_grab(App *app, int max_width);
AppGrab app_core_take_grab(App *app, FrameGrab *out, uint64_t *took_us);
void app_core_cancel_grab(App *app);
/* A physical keyboard types (the lead form, windowed mode); otherwise keys are off. */
void app_core_set_keyboard(App *app, bool on);

/* Leads are taken (the "Contact me" button shows); "export now" of the staff panel: the
 * leads to every stick inserted, the statistics to the one last written to (each false when
 * there is nothing to do it with). */
bool app_core_leads_enabled(const App *app);
bool app_core_leads_export_now(App *app, uint64_t now_ms);
bool app_core_visits_export_now(App *app, uint64_t now_ms);
/* The updater (NULL: updates are off); while app_core_updating() the worker owns it. */
Updater *app_core_updater(const App *app);
/* Content taken at the kiosk (issue 17), for the staff panel: the staff's sources on a
 * stick (facts-kiosk/edit: content.xlsx, else its CSV files) built and checked in the update
 * worker, previewed, then installed through the store like any update (pending, rolled back
 * automatically or by hand), without a signature: the staff PIN is the authority. The
 * updates part answers (part_updates.c).
 *   IDLE --start--> BUILDING --> FAILED (problems listed, import-report.txt on the stick)
 *                            \-> READY (the candidate) --discard--> IDLE
 *                                       \--install--> INSTALLING --> INSTALLED | INSTALL_FAILED
 *   IDLE --copy start--> COPYING --> COPIED | COPY_FAILED
 * A start from any state but BUILDING, INSTALLING or COPYING begins anew (a candidate still
 * READY is discarded). */
typedef enum AppImportState {
    APP_IMPORT_IDLE,
    APP_IMPORT_BUILDING,
    APP_IMPORT_FAILED,
    APP_IMPORT_READY,
    APP_IMPORT_INSTALLING,
    APP_IMPORT_INSTALLED,
    APP_IMPORT_INSTALL_FAILED,
    APP_IMPORT_COPYING,
    APP_IMPORT_COPIED,
    APP_IMPORT_COPY_FAILED,
} AppImportState;
/* Builds the sources of the inserted stick's facts-kiosk/edit in the worker; false (with
 * app_core_import_message) when there is no such stick, the path is off, or the worker is
 * busy. The messages, problems and the stick's report are in lang. */
bool app_core_import_start(App *app, Lang lang, uint64_t now_ms);
AppImportState app_core_import_state(const App *app);
/* One line for the panel about the current state, in the lang given at start ("" when idle). */
const char *app_core_import_message(const App *app);
/* FAILED: the problems, errors first, into *lines (owned by the updates part until the next
 * start or discard); returns their count (0 in other states). */
size_t app_core_import_problems(const App *app, const char *const **lines);
/* READY: the candidate pack, loaded (owned by the updates part until install or discard);
 * NULL in other states. */
Content *app_core_import_candidate(App *app);
/* READY → INSTALLING → INSTALLED (the new pack on screen, via app_core_show_content) or
 * INSTALL_FAILED; false when not READY or the worker cannot start. */
bool app_core_import_install(App *app, uint64_t now_ms);
/* READY (or a finished state) → IDLE: the candidate and the built pack are removed. */
void app_core_import_discard(App *app);
/* "Copy content to stick": the pack on screen as facts-kiosk/edit/content.xlsx, its images/
 * and how-to-edit.txt (English, Serbian Latin and Cyrillic) on the stick seen last, or the
 * first inserted, in the worker: COPYING → COPIED | COPY_FAILED. false (with
 * app_core_import_message) when there is no stick or pack, or the worker is busy. */
bool app_core_content_copy_start(App *app, Lang lang, uint64_t now_ms);
/* The kiosk takes content at the kiosk ([staff] import, --no-staff-import) and can update. */
bool app_core_staff_import_enabled(const App *app);

/* Shows the pack the store now says is current (or the bundled one), as at start. */
void app_core_show_store_pack(App *app, uint64_t now_ms);
/* From now on the kiosk runs with options (the staff panel's copy, which outlives the loop):
 * the deck starts again with them and the screen is made for the profile. */
void app_core_apply_options(App *app, const Options *options, uint64_t now_ms);
/* The kiosk ends (the staff panel's restart: systemd starts it again). */
void app_core_quit(App *app);
/* A preview (issue 16): a second content shown as visitors would see it, browsable with its
 * own slide plan (the deck, pages, member pages, stories), while the live content stays
 * loaded and owned by the core. begin borrows content (its owner keeps it until after end)
 * and shows it from the attract loop; false (logged) when it cannot be planned, and then
 * nothing changed. A begin while previewing shows the new content instead. end brings the live
 * content back as it was (its plan, the deck where it was); no-op when no preview shows.
 * While previewing, app_core_content() and app_core_plan() answer for the preview; the store,
 * the pack in status.json (app_core_pack_shown), the visitor statistics and the confirmation
 * of a pack on trial are the live content's and do not move. New live content
 * (app_core_show_content, the store followed) ends the preview first. */
bool app_core_preview_begin(App *app, const Content *content, uint64_t now_ms);
void app_core_preview_end(App *app, uint64_t now_ms);
bool app_core_previewing(const App *app);

/* The size of the canvas frames are drawn on. */
void app_core_canvas_size(const App *app, int *w, int *h);
/* A layer that covers the slides draws itself: take_redraw says whether the slides owed a
 * frame (and drops it, and a cross-fade under way); begin_layer gives the renderer aimed at
 * the canvas; present_layer shows it and counts the frame. */
bool app_core_take_redraw(App *app);
SDL_Renderer *app_core_begin_layer(App *app);
void app_core_present_layer(App *app);

#endif
