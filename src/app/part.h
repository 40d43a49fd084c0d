/* part.h — the interface each part of the kiosk implements (issue 16: the kiosk as parts).
 * A part keeps its state in a private type defined only in its own .c: its start creates it,
 * its stop frees it, and the shared core (app_core.h) holds it as an opaque pointer in the slot
 * of the part's row in app.c's table. The loop calls the rows in table order; a part talks to
 * the others only through the core's functions, never through another part's header. Any hook
 * may be NULL: the part does nothing then. Start reading at app.c's PARTS. */
#ifndef FACTS_APP_PART_H
#define FACTS_APP_PART_H

#include <SDL2/SDL.h>
#include <stdbool.h>
#include <stdint.h>

typedef struct App App; /* the shared core: app_core.h */

/* When a part's tick runs in a loop turn (app.c's loop, in this order). */
typedef enum PartTick {
    PART_TICK_FIRST, /* first of all, before the deck moves: it may put the display to sleep */
    PART_TICK_ALWAYS, /* after the deck moved, asleep too */
    PART_TICK_AWAKE, /* after the deck moved, before the frame is drawn; not while asleep */
} PartTick;

typedef struct Part {
    const char *name;
    /* Creates the part's private state and starts what it runs; NULL: out of memory (the core
     * logs it and the kiosk does not start). */
    void *(*start)(App *app, uint64_t now_ms);
    /* Stops what it runs and frees self (app_close); called only for a part that started (self
     * is NULL for a part without start). */
    void (*stop)(App *app, void *self);
    PartTick tick_when;
    /* Every loop turn, at tick_when. */
    void (*tick)(App *app, void *self, uint64_t now_ms);
    /* After the frame was drawn (awake only). */
    void (*drawn)(App *app, void *self);
    /* Whether deadline counts while the display sleeps. */
    bool deadline_asleep;
    /* When tick must run next although nothing happens (UINT64_MAX: not before an event). */
    uint64_t (*deadline)(const App *app, const void *self, uint64_t now_ms);
    /* An SDL event, before anything else sees it: true when the part used it up; false passes it
     * on to the next part, and then to the deck. */
    bool (*input)(App *app, void *self, const SDL_Event *event, uint64_t now_ms);
} Part;

#endif
