/* part_leads.c — visitors' contact requests, a part of the running kiosk (part_leads.h; see leads/): loading the
 * cluster's public key at start (none: no "Contact me" button), the form (core/lead_form.h:
 * taps, the on-screen and a physical keyboard, closing it when the kiosk goes back to its
 * attract loop), sealing and appending what it holds (submit), and copying new
 * records to each stick inserted, pack or not. The copy runs in a thread of its own (one at a time), so the loop
 * keeps drawing while a slow stick is written; the result shows as an overlay. Nothing here
 * logs what a visitor typed. The form is a private layer (app_core_set_layer): while it shows,
 * nothing may photograph or record the screen. */
#define _POSIX_C_SOURCE 200809L
#include "app/part_leads.h"

#include "app/app_core.h"
#include "app/status.h"
#include "core/lead_form.h"
#include "leads/lead.h"

#include "core/ui_text.h"
#include "core/utf8.h"
#include "leads/leads_file.h"
#include "leads/leads_record.h"
#include "leads/leads_stick.h"
#include "posix/thread.h"
#include "store/store_paths.h"

#include <errno.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { DATE_CHARS = 11 };

/* One copy to a stick, shared with its thread: the main thread fills the inputs and starts
 * it, the thread fills result and sets done under lock, the main thread joins. */
typedef struct LeadsCopy {
    char state_dir[OPTIONS_PATH_MAX];
    char kiosk_id[STATUS_ID_MAX];
    char date[DATE_CHARS];
    char stick_root[FSIO_PATH_MAX];
    LeadsExportResult result;
    pthread_t thread;
    bool running;          /* main thread: started, not joined */
    pthread_mutex_t lock;  /* guards done */
    bool done;
} LeadsCopy;

typedef struct Leads {
    bool enabled;                           /* a public key is loaded: the "Contact me" button shows */
    unsigned char public_key[LEADS_KEY_BYTES];
    char kiosk_id[STATUS_ID_MAX];
    const char *roots[OPTIONS_LIST_MAX];    /* the mount roots, borrowed by sticks */
    LeadsStickWatch sticks;
    uint64_t next_poll_ms;
    LeadsCopy *copy;                        /* the copy to a stick and its thread */
    LeadForm form;                          /* the "Contact me" form (closed: wiped) */
    LeadFormLook look;                      /* what the screen paints of it */
    bool not_kept;                          /* the thanks says it could not be saved */
    uint32_t shown_revision;                /* the form's revision last handed to the screen */
} Leads;

/* "YYYY-MM-DD" (UTC) and, when iso_time is not NULL, "YYYY-MM-DDTHH:MM:SSZ". */
static void utc_now(char *date, size_t date_size, char *iso_time, size_t time_size)
{
    time_t now = time(NULL);
    struct tm tm = {0};
    gmtime_r(&now, &tm);
    strftime(date, date_size, "%Y-%m-%d", &tm);
    if (iso_time) {
        strftime(iso_time, time_size, "%Y-%m-%dT%H:%M:%SZ", &tm);
    }
}

static void *copy_main(void *arg)
{
    LeadsCopy *copy = arg;
    (void)leads_export(copy->state_dir, copy->kiosk_id, copy->date, copy->stick_root, &copy->result);
    pthread_mutex_lock(&copy->lock);
    copy->done = true;
    pthread_mutex_unlock(&copy->lock);
    return NULL;
}

/* Loads the key; returns the part's state whether leads are on (l->enabled) or not. */
static void *leads_start(App *app, uint64_t now_ms)
{
    Leads *l = calloc(1, sizeof *l);
    const Options *o = app_core_options(app);
    Log *log = app_core_log(app);
    size_t removed = 0;
    if (!l) {
        return NULL;
    }
    if (!o->leads_public_key[0]) {
        log_write(log, LOG_INFO, "leads", "no [leads] public_key: no \"Contact me\" button");
        return l;
    }
    int error = sodium_init() < 0 ? EIO : leads_key_read_public(o->leads_public_key, l->public_key);
    if (error != 0) {
        log_write(log, LOG_WARN, "leads", "public key %s: %s; no \"Contact me\" button", o->leads_public_key,
                  error == EINVAL ? "not a leads public key (made by facts-kiosk leads keygen -p)" : strerror(error));
        return l;
    }
    if ((error = store_file_folder_make(o->state_dir, STORE_FILE_LEADS)) != 0) {
        log_write(log, LOG_WARN, "leads", "state directory %s: %s; no \"Contact me\" button", o->state_dir,
                  strerror(error));
        return l;
    }
    if ((error = leads_file_repair(o->state_dir, STORE_LEADS_NAME, &removed)) != 0) {
        log_write(log, LOG_WARN, "leads", "%s/%s: %s", o->state_dir, STORE_LEADS_NAME, strerror(error));
    } else if (removed) {
        log_write(log, LOG_WARN, "leads", "%s/%s: cut off %zu bytes of a record left unfinished (a power cut "
                  "while it was written)", o->state_dir, STORE_LEADS_NAME, removed);
    }
    l->copy = calloc(1, sizeof *l->copy);
    if (!l->copy || pthread_mutex_init(&l->copy->lock, NULL) != 0) {
        free(l->copy);
        l->copy = NULL;
        log_write(log, LOG_WARN, "leads", "out of memory; no \"Contact me\" button");
        return l;
    }
    snprintf(l->kiosk_id, sizeof l->kiosk_id, "%s", app_core_kiosk_id(app)[0] ? app_core_kiosk_id(app) : "kiosk");
    for (int i = 0; i < o->mount_roots.count; i++) {
        l->roots[i] = o->mount_roots.paths[i];
    }
    leads_stick_watch_init(&l->sticks, l->roots, (size_t)o->mount_roots.count);
    l->enabled = true;
    l->next_poll_ms = now_ms;
    log_write(log, LOG_INFO, "leads", "contact requests are sealed for %s into %s/%s and copied to sticks",
              o->leads_public_key, o->state_dir, STORE_LEADS_NAME);
    return l;
}

static void leads_stop(App *app, void *self)
{
    Leads *l = self;
    Screen *screen = app_core_screen(app);
    if (screen) {
        screen_set_lead_form(screen, NULL, false); /* it borrowed l->look */
    }
    if (l->copy) {
        if (l->copy->running) {
            pthread_join(l->copy->thread, NULL); /* a copy to a stick takes moments: let it finish */
        }
        pthread_mutex_destroy(&l->copy->lock);
        free(l->copy);
        l->copy = NULL;
    }
    sodium_memzero(l, sizeof *l); /* the key and whatever the form held */
    free(l);
}

bool part_leads_enabled(const App *app)
{
    const Leads *l = app_core_part(app, &part_leads);
    return l && l->enabled;
}

/* Fills in time, kiosk id and language, seals lead for the cluster, appends it durably and
 * wipes *lead. Returns false (logged, without the visitor's words) when it could not be kept. */
static bool submit(App *app, Leads *l, Lead *lead)
{
    const Options *o = app_core_options(app);
    Log *log = app_core_log(app);
    char date[DATE_CHARS] = {0}, iso_time[32] = {0};
    unsigned char record[LEADS_RECORD_MAX] = {0};
    size_t length = 0;
    if (!l->enabled) {
        sodium_memzero(lead, sizeof *lead);
        return false;
    }
    utc_now(date, sizeof date, iso_time, sizeof iso_time);
    lead_set(lead, LEAD_TIME, iso_time);
    lead_set(lead, LEAD_KIOSK, l->kiosk_id);
    lead_set(lead, LEAD_LANG, lang_tag(app_core_deck(app)->lang));
    LeadsStatus sealed = leads_record_seal(lead, l->public_key, record, sizeof record, &length);
    sodium_memzero(lead, sizeof *lead);
    if (sealed != LEADS_OK) {
        log_write(log, LOG_ERROR, "leads", "a contact request could not be sealed (status %d); it is lost",
                  (int)sealed);
        return false;
    }
    int error = leads_file_append(o->state_dir, STORE_LEADS_NAME, record, length);
    if (error != 0) {
        log_write(log, LOG_ERROR, "leads", "%s/%s: %s; a contact request is lost", o->state_dir,
                  STORE_LEADS_NAME, strerror(error));
        return false;
    }
    log_write(log, LOG_INFO, "leads", "a contact request was sealed and stored (%zu bytes)", length);
    return true;
}

/* The copy's thread ended: join it and say what happened. */
static void finish_copy(App *app, Leads *l, uint64_t now_ms)
{
    LeadsCopy *copy = l->copy;
    const LeadsExportResult *r = &copy->result;
    const Options *o = app_core_options(app);
    Log *log = app_core_log(app);
    Lang lang = app_core_deck(app)->lang;
    char title[256] = {0};
    pthread_join(copy->thread, NULL);
    copy->running = false;
    if (r->skipped_bytes) {
        log_write(log, LOG_WARN, "leads", "%s/%s: %zu damaged bytes not copied", o->state_dir,
                  STORE_LEADS_NAME, r->skipped_bytes);
    }
    if (r->failed_step) {
        log_write(log, LOG_WARN, "leads", "copy to %s failed (%s): %s", copy->stick_root, r->failed_step,
                  strerror(r->error));
        app_core_show_overlay(app, ui_text(UI_LEADS_COPY_FAILED, lang), copy->stick_root, true, now_ms);
        return;
    }
    if (r->records == 0) {
        log_write(log, LOG_INFO, "leads", "%s has every contact request already", copy->stick_root);
        return;
    }
    log_write(log, LOG_INFO, "leads", "%zu sealed contact request%s (%zu bytes) copied to %s", r->records,
              r->records == 1 ? "" : "s", r->bytes, r->file);
    /* The format is a literal in the kiosk's words table (core/ui_text.c). */
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
    snprintf(title, sizeof title, ui_text(UI_LEADS_COPIED, lang), r->records);
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
    const char *shown = strstr(r->file, LEADS_STICK_DIR);
    app_core_show_overlay(app, title, shown ? shown : r->file, false, now_ms);
}

static void start_copy(App *app, Leads *l, const LeadsStick *stick)
{
    LeadsCopy *copy = l->copy;
    snprintf(copy->state_dir, sizeof copy->state_dir, "%s", app_core_options(app)->state_dir);
    snprintf(copy->kiosk_id, sizeof copy->kiosk_id, "%s", l->kiosk_id);
    snprintf(copy->stick_root, sizeof copy->stick_root, "%s", stick->root);
    utc_now(copy->date, sizeof copy->date, NULL, 0);
    copy->done = false;
    copy->result = (LeadsExportResult){0};
    int error = thread_start(&copy->thread, copy_main, copy);
    if (error != 0) {
        log_write(app_core_log(app), LOG_WARN, "leads", "cannot start copying to %s: %s", stick->root, strerror(error));
        return;
    }
    copy->running = true;
}

void part_leads_poll(App *app, uint64_t now_ms)
{
    Leads *l = app_core_part(app, &part_leads);
    LeadsStick stick = {0};
    if (!l || !l->enabled) {
        return;
    }
    if (l->copy->running) {
        pthread_mutex_lock(&l->copy->lock);
        bool done = l->copy->done;
        pthread_mutex_unlock(&l->copy->lock);
        if (done) {
            finish_copy(app, l, now_ms);
        }
        return;
    }
    if (now_ms < l->next_poll_ms) {
        return;
    }
    l->next_poll_ms = now_ms + UPDATE_POLL_MS;
    if (leads_stick_poll(&l->sticks, &stick)) {
        log_write(app_core_log(app), LOG_INFO, "leads", "stick %s: copying new contact requests", stick.root);
        start_copy(app, l, &stick);
    }
}

bool part_leads_export_now(App *app, uint64_t now_ms)
{
    Leads *l = app_core_part(app, &part_leads);
    if (!l || !l->enabled) {
        return false;
    }
    l->sticks.seen_count = 0; /* every stick present is new again; each gets only what it lacks */
    l->next_poll_ms = now_ms;
    log_write(app_core_log(app), LOG_INFO, "leads", "export now: the sticks inserted are looked at again");
    return true;
}

static uint64_t leads_deadline(const App *app, const void *self, uint64_t now_ms)
{
    const Leads *l = self;
    (void)app;
    if (!l->enabled) {
        return UINT64_MAX;
    }
    uint64_t next = l->copy->running ? now_ms + UPDATE_FRAME_MS : l->next_poll_ms;
    uint64_t form = lead_form_deadline_ms(&l->form);
    return form < next ? form : next;
}

/* ---- the form ----------------------------------------------------------------------------- */

enum { CONSENT_DEFAULT_VERSION = 1 };

/* The pack's consent wording (organisation.consent) when it gives one, else the kiosk's. */
static bool pack_consent(const App *app)
{
    const Content *content = app_core_content(app);
    return content && !local_text_empty(&content->organisation.consent);
}

static const char *consent_wording(const App *app, Lang lang)
{
    return pack_consent(app) ? local_text(&app_core_content(app)->organisation.consent, lang)
                             : ui_text(UI_LEAD_CONSENT, lang);
}

static bool form_open(const Leads *l)
{
    return l && l->enabled && lead_form_is_open(&l->form);
}

/* A touch for the deck: it keeps the kiosk from going idle while the visitor types. */
static void keep_awake(App *app, uint64_t now_ms)
{
    deck_command(app_core_deck(app), (DeckCommand){.kind = DECK_CMD_WAKE}, now_ms);
}

static void close_form(App *app, Leads *l, const char *why)
{
    if (lead_form_is_open(&l->form)) {
        log_write(app_core_log(app), LOG_INFO, "leads", "form closed (%s)", why);
    }
    lead_form_close(&l->form);
    l->not_kept = false;
    app_core_set_layer(app, APP_LAYER_LEAD_FORM, false);
}

/* The member whose page is on screen, or "" (the contact pages: the cluster in general). */
static const char *page_interest(App *app, const DeckFrame *frame)
{
    PlannedSlide planned = {0};
    const Content *content = app_core_content(app);
    SlidePlan *plan = app_core_plan(app);
    if (!content || frame->slide.section != SECTION_MEMBERS || frame->slide.detail < 0 ||
        !plan_slide(plan, frame->slide, &planned) || planned.kind != SLIDE_MEMBER_DETAIL) {
        return "";
    }
    int index = plan_item(plan, PLAN_MEMBERS, planned.first);
    return index >= 0 && (size_t)index < content->member_count ? content->members[index].name : "";
}

static void open_form(App *app, Leads *l, uint64_t now_ms)
{
    DeckFrame frame = {0};
    deck_frame(app_core_deck(app), now_ms, &frame);
    lead_form_open(&l->form, page_interest(app, &frame), now_ms);
    lead_form_set_cyrillic(&l->form, frame.lang == LANG_SR_CYRL);
    l->not_kept = false;
    app_core_set_layer(app, APP_LAYER_LEAD_FORM, true);
    if (l->form.interest[0]) { /* a member's name is the pack's, not the visitor's */
        log_write(app_core_log(app), LOG_INFO, "leads", "form opened from the page of %s", l->form.interest);
    } else {
        log_write(app_core_log(app), LOG_INFO, "leads", "form opened from contact");
    }
}

/* Send: the checks, then the seal; the visitor sees what to fix, or the thanks. */
static void send_form(App *app, Leads *l, uint64_t now_ms)
{
    LeadForm *form = &l->form;
    if (!lead_form_submit(form)) {
        log_write(app_core_log(app), LOG_INFO, "leads", "form not sent: %s%s%s", form->problems & LEAD_FORM_PROBLEM_NAME ? "name " : "",
                  form->problems & LEAD_FORM_PROBLEM_EMAIL ? "e-mail " : "",
                  form->problems & LEAD_FORM_PROBLEM_CONSENT ? "consent " : "");
        return;
    }
    Lead lead = {0};
    char consent[32] = {0};
    lead_set(&lead, LEAD_NAME, form->text[LEAD_FORM_NAME]);
    lead_set(&lead, LEAD_COMPANY, form->text[LEAD_FORM_COMPANY]);
    lead_set(&lead, LEAD_EMAIL, form->text[LEAD_FORM_EMAIL]);
    lead_set(&lead, LEAD_COUNTRY, lead_form_country_english(form->country));
    lead_set(&lead, LEAD_INTEREST, form->general ? ui_text(UI_LEAD_GENERAL, LANG_EN) : form->interest);
    /* Which wording the visitor agreed to: the kiosk's own, or the pack's of this version. */
    if (pack_consent(app)) {
        snprintf(consent, sizeof consent, "pack-%lld", (long long)app_core_content(app)->pack.version);
    } else {
        snprintf(consent, sizeof consent, "default-%d", CONSENT_DEFAULT_VERSION);
    }
    lead_set(&lead, LEAD_CONSENT, consent);
    bool kept = submit(app, l, &lead); /* wipes lead */
    if (kept) {
        app_core_lead_left(app, now_ms); /* counted for the statistics, nothing else */
    }
    lead_form_thank(form, now_ms);            /* wipes the form */
    l->not_kept = !kept;
}

/* tick: see part_leads.h. */
static void leads_sync(App *app, void *self, uint64_t now_ms)
{
    Leads *l = self;
    const Options *o = app_core_options(app);
    if (!l->enabled) {
        return;
    }
    if (lead_form_is_open(&l->form)) {
        DeckFrame frame = {0};
        deck_frame(app_core_deck(app), now_ms, &frame);
        if (app_core_asleep(app)) {
            close_form(app, l, "the display went to sleep; nothing kept");
        } else if (frame.mode == DECK_MODE_ATTRACT) {
            close_form(app, l, "the kiosk went back to its attract loop; nothing kept");
        } else if (lead_form_tick(&l->form, now_ms)) {
            log_write(app_core_log(app), LOG_INFO, "leads", "form closed (thanks shown)");
        }
    }
    app_core_set_layer(app, APP_LAYER_LEAD_FORM, lead_form_is_open(&l->form));
    /* A physical keyboard types into the form even full screen, where keys are otherwise off. */
    app_core_set_keyboard(app, o->windowed.width > 0 || lead_form_is_open(&l->form));
    l->look = (LeadFormLook){.form = &l->form, .consent = consent_wording(app, app_core_deck(app)->lang),
                             .not_kept = l->not_kept};
    screen_set_lead_form(app_core_screen(app), &l->look, o->profile == OPTIONS_PROFILE_BOOTH);
    if (l->form.revision != l->shown_revision) {
        l->shown_revision = l->form.revision;
        app_core_redraw(app);
    }
}

bool part_leads_gesture(App *app, GestureEvent g, uint64_t now_ms)
{
    if (!form_open(app_core_part(app, &part_leads)) || g.kind == GESTURE_TAP || g.kind == GESTURE_NONE || g.kind == GESTURE_PRESS) {
        return false;
    }
    keep_awake(app, now_ms);
    return true;
}

/* The next text field after the focused one ("Done" on the keyboard). */
static void next_field(LeadForm *form)
{
    if (form->focus + 1 < LEAD_FORM_TEXT_FIELDS) {
        lead_form_focus(form, (LeadFormField)(form->focus + 1));
    }
}

bool part_leads_take(App *app, DeckCommand command, uint64_t now_ms)
{
    Leads *l = app_core_part(app, &part_leads);
    if (!l || !l->enabled) {
        return false;
    }
    LeadForm *form = &l->form;
    if ((command.kind != DECK_CMD_LEAD_FORM && !lead_form_is_open(form))) {
        return false;
    }
    keep_awake(app, now_ms);
    switch (command.kind) {
    case DECK_CMD_LEAD_FORM:
        if (command.arg.index == LEAD_FORM_ACT_OPEN && app_core_previewing(app)) {
            /* Staff browsing a preview of new content: no visitor, so no lead to keep. */
            log_write(app_core_log(app), LOG_INFO, "leads", "form not opened: a preview takes no leads");
        } else if (command.arg.index == LEAD_FORM_ACT_OPEN) {
            open_form(app, l, now_ms);
        } else if (command.arg.index == LEAD_FORM_ACT_SEND) {
            send_form(app, l, now_ms);
        } else if (command.arg.index == LEAD_FORM_ACT_CANCEL) {
            close_form(app, l, form->stage == LEAD_FORM_THANKS ? "thanks closed" : "cancelled; nothing kept");
        } else {
            (void)lead_form_act(form, command.arg.index);
        }
        break;
    case DECK_CMD_TEXT_INPUT:
        (void)lead_form_type(form, command.arg.codepoint, true);
        break;
    case DECK_CMD_TEXT_BACKSPACE:
        lead_form_backspace(form);
        break;
    case DECK_CMD_TEXT_CLEAR:
        lead_form_clear(form);
        break;
    case DECK_CMD_KEYBOARD_LAYOUT:
        lead_form_set_cyrillic(form, command.arg.index == DECK_KEYBOARD_CYRILLIC);
        break;
    case DECK_CMD_KEYBOARD_CLOSE:
        next_field(form);
        break;
    default:
        break; /* under the form: nothing else is reachable */
    }
    return true;
}

bool part_leads_key(App *app, const InputEvent *in, uint64_t now_ms)
{
    Leads *l = app_core_part(app, &part_leads);
    if (!form_open(l) || in->kind == INPUT_TOUCH || in->kind == INPUT_QUIT || in->kind == INPUT_EXPOSED ||
        in->kind == INPUT_NONE) {
        return false;
    }
    LeadForm *form = &l->form;
    keep_awake(app, now_ms);
    switch (in->kind) {
    case INPUT_TEXT: {
        size_t length = strnlen(in->text, INPUT_TEXT_MAX);
        size_t offset = 0;
        if (!utf8_valid(in->text, length, NULL)) {
            break;
        }
        while (offset < length) {
            (void)lead_form_type(form, utf8_next(in->text, length, &offset), false);
        }
        break;
    }
    case INPUT_KEY_BACKSPACE:
        lead_form_backspace(form);
        break;
    case INPUT_KEY_BACK: /* Escape: out of the list, else out of the form */
        if (form->stage == LEAD_FORM_COUNTRIES) {
            lead_form_choose_country(form, LEAD_FORM_NO_COUNTRY);
        } else {
            close_form(app, l, "Escape; nothing kept");
        }
        break;
    default:
        break; /* arrows, Enter, digits (their text comes as INPUT_TEXT): nothing else */
    }
    return true;
}

const Part part_leads = {
    .name = "leads",
    .start = leads_start,
    .stop = leads_stop,
    .tick_when = PART_TICK_ALWAYS,
    .tick = leads_sync,
    .deadline_asleep = true,
    .deadline = leads_deadline,
};
