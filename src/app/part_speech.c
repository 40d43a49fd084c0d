/* part_speech.c — read aloud, a part of the running kiosk; see part_speech.h. The words of a
 * page come from render/speakable.h; the SpeechPlayer (platform/speech_player.h) speaks them in
 * its own thread. */
#define _POSIX_C_SOURCE 200809L
#include "app/part_speech.h"

#include "app/app_core.h"
#include "platform/speech_player.h"
#include "render/speakable.h"

#include <stdlib.h>

typedef struct Speech {
    SpeechPlayer *player; /* NULL: off, not started yet, or no audio */
    bool started;         /* speech_player_create() was tried */
    bool shown_ready;     /* what the chrome shows: the button, */
    bool shown_speaking;  /* lit */
    bool swallow_tap;     /* the touch that stopped reading must not start it again */
    /* What is being read: leaving it stops reading. */
    const Content *content;
    SlideRef slide;
    Lang lang;
    DeckMode mode;
} Speech;

static bool reading_elsewhere(const Speech *s, const App *app, const DeckFrame *frame)
{
    return frame->empty || s->content != app_core_content(app) || frame->mode != s->mode || frame->lang != s->lang ||
           frame->slide.section != s->slide.section || frame->slide.page != s->slide.page ||
           frame->slide.detail != s->slide.detail;
}

static void *speech_start(App *app, uint64_t now_ms)
{
    (void)app;
    (void)now_ms;
    return calloc(1, sizeof(Speech));
}

static void speech_tick(App *app, void *self, uint64_t now_ms)
{
    Speech *s = self;
    const Options *options = app_core_options(app);
    /* After the first frame, so that starting audio never delays it. */
    if (!s->started && app_core_drawn_once(app)) {
        s->started = true;
        if (options->speech && options->profile == OPTIONS_PROFILE_BOOTH) {
            s->player = speech_player_create(app_core_log(app));
        } else {
            log_write(app_core_log(app), LOG_DEBUG, "speech", "read aloud is off (speech = false or lobby)");
        }
    }
    if (!s->player) {
        return;
    }
    SpeechPlayerState state = speech_player_poll(s->player, now_ms);
    if (state == SPEECH_PLAYER_OFF) {
        speech_player_destroy(s->player); /* said why, once */
        s->player = NULL;
    }
    bool ready = state == SPEECH_PLAYER_READY;
    bool speaking = ready && speech_player_speaking(s->player);
    if (speaking) {
        Deck *deck = app_core_deck(app);
        DeckFrame frame = {0};
        deck_frame(deck, now_ms, &frame);
        if (reading_elsewhere(s, app, &frame)) {
            speech_player_silence(s->player);
            speaking = false;
        } else {
            /* A visitor listening is not idle: the page stays until reading ends. */
            deck_command(deck, (DeckCommand){.kind = DECK_CMD_NONE}, now_ms);
        }
    }
    if (ready != s->shown_ready || speaking != s->shown_speaking) {
        s->shown_ready = ready;
        s->shown_speaking = speaking;
        app_core_show_speech(app, ready, speaking);
        app_core_redraw(app);
    }
}

static uint64_t speech_deadline(const App *app, const void *self, uint64_t now_ms)
{
    const Speech *s = self;
    if (!s->started) {
        return app_core_drawn_once(app) ? now_ms : UINT64_MAX;
    }
    return speech_player_deadline_ms(s->player, now_ms);
}

void part_speech_touch_down(App *app)
{
    Speech *s = app_core_part(app, &part_speech);
    s->swallow_tap = speech_player_speaking(s->player);
    if (s->swallow_tap) {
        speech_player_silence(s->player);
    }
}

void part_speech_read_aloud(App *app, uint64_t now_ms)
{
    Speech *s = app_core_part(app, &part_speech);
    if (!s->player || !s->shown_ready || s->swallow_tap) {
        s->swallow_tap = false; /* the button's second tap stops reading, and that is all */
        return;
    }
    const Content *content = app_core_content(app);
    DeckFrame frame = {0};
    deck_frame(app_core_deck(app), now_ms, &frame);
    if (frame.empty || !content) {
        return;
    }
    char *text = speakable_text(content, app_core_plan(app), frame.slide, frame.lang);
    if (!text) {
        log_write(app_core_log(app), LOG_WARN, "speech", "out of memory: not reading");
        return;
    }
    s->content = content;
    s->slide = frame.slide;
    s->lang = frame.lang;
    s->mode = frame.mode;
    speech_player_say(s->player, frame.lang, text);
    free(text);
    app_core_read_aloud_used(app, now_ms);
    speech_tick(app, s, now_ms);
}

void part_speech_silence(App *app)
{
    Speech *s = app_core_part(app, &part_speech);
    if (s && s->player) {
        speech_player_silence(s->player);
    }
}

static void speech_stop(App *app, void *self)
{
    Speech *s = self;
    (void)app;
    speech_player_destroy(s->player);
    free(s);
}

const Part part_speech = {
    .name = "speech",
    .start = speech_start,
    .stop = speech_stop,
    .tick_when = PART_TICK_AWAKE,
    .tick = speech_tick,
    .deadline = speech_deadline,
};
