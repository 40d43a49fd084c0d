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
    /* After the first frame, so that opening the audio device never delays it. */
    if (!s->started && app->drawn_once) {
        s->started = true;
        if (app->options->speech && app->options->profile == OPTIONS_PROFILE_BOOTH) {
            s->player = speech_player_create(app->log);
        } else {
            log_write(app->log, LOG_DEBUG, "speech", "read aloud is off (speech = false or lobby)");
        }
        screen_set_speech(app->screen, s->player != NULL, false);
        app->redraw = true;
    }
    if (!s->player) {
        return;
    }
    bool speaking = speech_player_poll(s->player, now_ms);
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
    if (speaking != s->shown_speaking) {
        s->shown_speaking = speaking;
        screen_set_speech(app->screen, true, speaking);
        app->redraw = true;
    }
}

uint64_t app_speech_deadline_ms(const App *app, uint64_t now_ms)
{
    const AppSpeech *s = &app->speech;
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
    if (!s->player || s->swallow_tap) {
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
    speech_player_say(s->player, frame.lang, text, now_ms);
    free(text);
    app_poll_speech(app, now_ms);
}

void app_close_speech(App *app)
{
    speech_player_destroy(app->speech.player);
    app->speech.player = NULL;
}
