/* app_speech.c — read aloud in the kiosk: the speaker button reads the page on screen (its
 * words from render/speakable.h) through the SpeechPlayer; any touch, a page, language, mode
 * or content change stops it. See app_state.h. */
#define _POSIX_C_SOURCE 200809L
#include "app/app_state.h"

#include "render/speakable.h"

#include <stdlib.h>

static bool reading_elsewhere(const App *app, const DeckFrame *frame)
{
    const AppSpeech *s = &app->speech;
    return frame->empty || s->content != app->content || frame->mode != s->mode || frame->lang != s->lang ||
           frame->slide.section != s->slide.section || frame->slide.page != s->slide.page ||
           frame->slide.detail != s->slide.detail;
}

void app_poll_speech(App *app, uint64_t now_ms)
{
    AppSpeech *s = &app->speech;
    /* After the first frame, so that starting audio never delays it. */
    if (!s->started && app->drawn_once) {
        s->started = true;
        if (app->options->speech && app->options->profile == OPTIONS_PROFILE_BOOTH) {
            s->player = speech_player_create(app->log);
        } else {
            log_write(app->log, LOG_DEBUG, "speech", "read aloud is off (speech = false or lobby)");
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
        DeckFrame frame = {0};
        deck_frame(&app->deck, now_ms, &frame);
        if (reading_elsewhere(app, &frame)) {
            speech_player_stop(s->player);
            speaking = false;
        } else {
            /* A visitor listening is not idle: the page stays until reading ends. */
            deck_command(&app->deck, (DeckCommand){.kind = DECK_CMD_NONE}, now_ms);
        }
    }
    if (ready != s->shown_ready || speaking != s->shown_speaking) {
        s->shown_ready = ready;
        s->shown_speaking = speaking;
        screen_set_speech(app->screen, ready, speaking);
        app->redraw = true;
    }
}

uint64_t app_speech_deadline_ms(App *app, uint64_t now_ms)
{
    AppSpeech *s = &app->speech;
    if (!s->started) {
        return app->drawn_once ? now_ms : UINT64_MAX;
    }
    return speech_player_deadline_ms(s->player, now_ms);
}

void app_speech_touch_down(App *app)
{
    AppSpeech *s = &app->speech;
    s->swallow_tap = speech_player_speaking(s->player);
    if (s->swallow_tap) {
        speech_player_stop(s->player);
    }
}

void app_read_aloud(App *app, uint64_t now_ms)
{
    AppSpeech *s = &app->speech;
    if (!s->player || !s->shown_ready || s->swallow_tap) {
        s->swallow_tap = false; /* the button's second tap stops reading, and that is all */
        return;
    }
    DeckFrame frame = {0};
    deck_frame(&app->deck, now_ms, &frame);
    if (frame.empty || !app->content) {
        return;
    }
    char *text = speakable_text(app->content, &app->plan, frame.slide, frame.lang);
    if (!text) {
        log_write(app->log, LOG_WARN, "speech", "out of memory: not reading");
        return;
    }
    s->content = app->content;
    s->slide = frame.slide;
    s->lang = frame.lang;
    s->mode = frame.mode;
    speech_player_say(s->player, frame.lang, text);
    free(text);
    app_visits_read_aloud(app, now_ms);
    app_poll_speech(app, now_ms);
}

void app_close_speech(App *app)
{
    speech_player_destroy(app->speech.player);
    app->speech.player = NULL;
}
