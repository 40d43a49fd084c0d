/* core_double.c — the test double of the shared core; see core_double.h. */
#define _POSIX_C_SOURCE 200809L
#include "app/core_double.h"

#include <stdio.h>
#include <string.h>

void core_double_create(App *app, LogLevel level)
{
    memset(app, 0, sizeof *app);
    options_set_defaults(&app->options);
    log_create(&app->log, stderr, level, LOG_STYLE_TERMINAL);
    DeckConfig config = deck_config_default(DECK_PROFILE_BOOTH);
    deck_init(&app->deck, NULL, &config, 0);
    app->drawn_once = true;
}

void core_double_destroy(App *app)
{
    log_destroy(&app->log);
}

void *app_core_part(const App *app, const Part *part)
{
    return part == app->part ? app->self : NULL;
}

const Options *app_core_options(const App *app)
{
    return &app->options;
}

Log *app_core_log(const App *app)
{
    return (Log *)&app->log;
}

SDL_Window *app_core_window(const App *app)
{
    (void)app;
    return NULL;
}

Screen *app_core_screen(const App *app)
{
    (void)app;
    return NULL;
}

Deck *app_core_deck(App *app)
{
    return &app->deck;
}

const Content *app_core_content(const App *app)
{
    (void)app;
    return NULL;
}

SlidePlan *app_core_plan(App *app)
{
    (void)app;
    return NULL;
}

bool app_core_drawn_once(const App *app)
{
    return app->drawn_once;
}

void app_core_redraw(App *app)
{
    app->redraws++;
}

InputEvent app_core_translate(const App *app, const SDL_Event *event, uint64_t now_ms)
{
    (void)event;
    InputEvent in = app->next_input;
    if (in.kind == INPUT_TOUCH) {
        in.touch.t_ms = now_ms;
    }
    return in;
}

bool app_core_asleep(const App *app)
{
    return app->asleep;
}

void app_core_set_asleep(App *app, bool asleep)
{
    app->asleep = asleep;
    app->silenced += asleep ? 1 : 0;
}

void app_core_forget_touch(App *app)
{
    app->touches_forgotten++;
}

void app_core_black_frame(App *app, bool release_spare)
{
    app->black_frames++;
    app->spares_released += release_spare ? 1 : 0;
}

void app_core_show_speech(App *app, bool ready, bool speaking)
{
    (void)app;
    (void)ready;
    (void)speaking;
}

void app_core_read_aloud_used(App *app, uint64_t now_ms)
{
    (void)app;
    (void)now_ms;
}
