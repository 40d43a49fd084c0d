/* part_leads.h — visitors' contact requests, a part of the running kiosk (part.h;
 * part_leads.c; see leads/): the "Contact me" form, sealing and appending what it holds to the
 * leads file at the store's path, and copying new records to each stick inserted. The form is
 * a private layer (app_core_set_layer). */
#ifndef FACTS_APP_PART_LEADS_H
#define FACTS_APP_PART_LEADS_H

#include "app/part.h"
#include "core/deck.h"
#include "core/gesture.h"
#include "platform/input.h"

#include <stdbool.h>
#include <stdint.h>

/* start: loads [leads] public_key (none, or unusable: logged, no button), cuts off a record a
 * power cut left unfinished, and starts watching for sticks; after status (the kiosk id).
 * tick (always, asleep too): the form closes (wiped) when the kiosk went back to its attract
 * loop or to sleep, its thanks closes when its time is up; the screen gets the form and the
 * button. deadline (asleep too): the copy's or the form's next step. stop: waits for a copy
 * under way and forgets the key. */
extern const Part part_leads;

/* True when contact requests can be taken: the "Contact me" button shows. */
bool part_leads_enabled(const App *app);
/* Every loop turn (app.c, after updates): a stick inserted gets the new records (in a
 * thread); its result shows. */
void part_leads_poll(App *app, uint64_t now_ms);
/* While the form is open, a gesture other than a tap only keeps the kiosk awake; true when
 * taken. */
bool part_leads_gesture(App *app, GestureEvent g, uint64_t now_ms);
/* A tap's command: the form's own, and the keyboard's while the form is open; true when taken
 * (the deck then only hears a touch). */
bool part_leads_take(App *app, DeckCommand command, uint64_t now_ms);
/* A physical keyboard while the form is open types into it; true when taken. */
bool part_leads_key(App *app, const InputEvent *in, uint64_t now_ms);
/* "Export now" (staff panel): the sticks inserted are looked at again at once and get what
 * is new, in the copy's thread. False when leads are off. */
bool part_leads_export_now(App *app, uint64_t now_ms);

#endif
