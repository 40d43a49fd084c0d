/* core_double.h — a test double of the kiosk's shared core (src/app/app_core.h) for the unit
 * tests of one part (part.h) without a window: App here is a plain record of what the part
 * asked of the core (black frames, touches forgotten, redraws, the asleep fact) and the input
 * the test scripts for the core to translate. Start with core_double_create(). */
#ifndef FACTS_TESTS_APP_CORE_DOUBLE_H
#define FACTS_TESTS_APP_CORE_DOUBLE_H

#include "app/app_core.h"
#include "app/status.h"

struct App {
    Options options;
    Log log;
    Deck deck;
    bool drawn_once;
    bool asleep;
    int black_frames;        /* app_core_black_frame() calls */
    int spares_released;     /* of those, with release_spare */
    int touches_forgotten;   /* app_core_forget_touch() calls */
    int redraws;             /* app_core_redraw() calls */
    int silenced;            /* falling asleep stopped reading aloud */
    InputEvent next_input;   /* what app_core_translate() returns for any event */
    const Part *part;        /* the part under test and its state (app_core_part) */
    void *self;
    /* What the parts of visits, status, leads, updates and the staff panel asked: */
    char kiosk_id[64];       /* app_core_kiosk_id() gives it */
    StatusUpdate last_update;
    int sticks_seen;         /* app_core_stick_seen() calls */
    int leads_left;          /* app_core_lead_left() calls */
    int attempts_begun;      /* app_core_update_attempt_begin() calls, */
    char attempt_source[1024]; /* the last one's source */
    int attempts_ended;      /* app_core_update_attempt_end() calls, */
    UpdateOutcome last_outcome; /* the last one's outcome */
    int overlays;            /* app_core_show_overlay() calls, */
    bool overlay_problem;    /* the last one's style */
    double progress;         /* app_core_progress() (< 0: none) */
    int contents_shown;      /* app_core_show_content() calls (the content is unloaded) */
    int draws_now;           /* app_core_draw_now() calls */
    bool layer_shown[APP_LAYER_STAFF_PANEL + 1]; /* app_core_set_layer() */
    bool keyboard;           /* app_core_set_keyboard() */
    bool leads_enabled;      /* what app_core_leads_enabled() says */
    int exports;             /* app_core_leads_export_now() + app_core_visits_export_now() calls */
    int options_applied;     /* app_core_apply_options() calls (options copied in) */
    bool quit;               /* app_core_quit() */
    int layer_frames;        /* app_core_present_layer() calls */
    Fonts *fonts;            /* what app_core_fonts() gives (NULL unless the test loads them) */
    uint64_t frames;         /* what app_core_frames_drawn() says */
    /* What app_core_screen_power_system() gives: by default a kernel without devices (every
     * open fails, no window system); a test sets its own doubles. */
    const ScreenPowerSystem *screen_power_system;
    char overlay_title[256]; /* the last app_core_show_overlay()'s title */
    /* A preview (app_core_preview_begin) and content taken at the kiosk (app_core_import_*),
     * as the updates part would answer: the test sets the state, the message, the problems
     * and the candidate; the calls are counted. */
    const Content *preview;  /* shown until app_core_preview_end() (NULL: none) */
    int previews_begun;
    int previews_ended;
    bool import_enabled;     /* what app_core_staff_import_enabled() says */
    bool import_refuses;     /* app_core_import_start() and app_core_content_copy_start() say false */
    AppImportState import_state;
    char import_message[256];
    const char *const *import_problems;
    size_t import_problem_count;
    Content *import_candidate;
    int imports_started;     /* app_core_import_start() calls that started (state BUILDING) */
    Lang import_lang;        /* the last start's language */
    int copies_started;      /* app_core_content_copy_start() calls that started (state COPYING) */
    int installs;            /* app_core_import_install() calls while READY (state INSTALLING) */
    int discards;            /* app_core_import_discard() calls */
    const PackStore *store;  /* what app_core_store() gives (NULL unless the test made one) */
    /* Pictures of the screen (app_core_request_grab): */
    int grab_requests;       /* request calls, */
    int grab_max_width;      /* the last one's width, */
    int grabs_cancelled;     /* cancel calls; */
    AppGrab grab_state;      /* what take says next: the test sets APP_GRAB_READY (a grey 64x36
                              * picture is given) or APP_GRAB_FAILED; take resets it */
    /* The wall clock (app_core_clock_trust): what it says, the system's time (seconds since
     * 1970 UTC) and the staff's offset; app_core_clock_confirm() sets the offset, the source
     * CLOCK_TRUST_STAFF, and counts. */
    ClockTrustSource clock_source;
    int64_t clock_system_s;
    int64_t clock_offset_s;
    int clock_confirms;
    SDL_Renderer *layer_renderer; /* what app_core_begin_layer() gives (NULL unless the test made one) */
};

/* A core with the options' defaults, its log on stderr at level, a booth deck, the first
 * frame drawn. */
void core_double_create(App *app, LogLevel level);
void core_double_destroy(App *app);

/* A fresh folder /tmp/<name>.XXXXXX for a test's state directory (its path into dir), and
 * the folder removed with all it holds. */
void core_double_temp_dir(char *dir, size_t size, const char *name);
void core_double_temp_dir_remove(const char *dir);

#endif
