/* invite.h — the attract loop's call to touch: large words ("Touch to explore") in each
 * display language in turn (core/cue.h sets the rhythm) beside a pulsing touch ripple,
 * centred in the footer band where the section bar appears once someone touches. It is the
 * only thing that moves on an idle booth kiosk, so it keeps to a small area that the screen
 * can redraw and present by itself (screen_draw_invite). The words are painted once per
 * language and kept as textures. Start at invite_create(), then invite_paint(). */
#ifndef FACTS_RENDER_INVITE_H
#define FACTS_RENDER_INVITE_H

#include "core/cue.h"
#include "render/paint.h"

#include <SDL2/SDL.h>

typedef struct Invite Invite;

/* An empty cache; NULL when out of memory. */
Invite *invite_create(void);

/* Frees the cached words. NULL is a no-op. */
void invite_destroy(Invite *invite);

/* Forgets the words and the layout (new palette); they are made again on next use. */
void invite_reset(Invite *invite);

/* Everything invite_paint() can touch on p's screen, in screen pixels. */
SDL_Rect invite_area(Invite *invite, Painter *p);

/* What differs between the call to touch at before and at now: the ripple's square while the
 * words stay, the whole area while they change. */
SDL_Rect invite_changed_area(Invite *invite, Painter *p, const CueFrame *before, const CueFrame *now);

/* Paints the call to touch at cue onto p's current target, over what is already there, within
 * clip (NULL: invite_area). The caller puts back what lies beneath first when it redraws only
 * that. */
void invite_paint(Invite *invite, Painter *p, const CueFrame *cue, const SDL_Rect *clip);

#endif
