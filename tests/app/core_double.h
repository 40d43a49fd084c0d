/* core_double.h — a test double of the kiosk's shared core (src/app/app_core.h) for the unit
 * tests of one part (part.h) without a window: App here is a plain record of what the part
 * asked of the core (black frames, touches forgotten, redraws, the asleep fact) and the input
 * the test scripts for the core to translate. Start with core_double_create(). */
#ifndef FACTS_TESTS_APP_CORE_DOUBLE_H
#define FACTS_TESTS_APP_CORE_DOUBLE_H

#include "app/app_core.h"

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
};

/* A core with the options' defaults, its log on stderr at level, a booth deck, the first
 * frame drawn. */
void core_double_create(App *app, LogLevel level);
void core_double_destroy(App *app);

#endif
