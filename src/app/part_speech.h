/* part_speech.h — read aloud, a part of the running kiosk (part.h; part_speech.c): the
 * speaker button reads the page on screen through the SpeechPlayer; any touch, a page,
 * language, mode or content change stops it. */
#ifndef FACTS_APP_PART_SPEECH_H
#define FACTS_APP_PART_SPEECH_H

#include "app/part.h"

#include <stdint.h>

/* start: the part's state only; the audio starts at the first tick after the first frame
 * (booth, speech on), so that it never delays the first frame. tick (awake): stops reading when
 * the page, language or mode changes; keeps the chrome's speaker button current. deadline
 * (awake): when the player must be looked at next. stop: stops reading and closes the audio
 * device. */
extern const Part part_speech;

/* Any touch going down: stops reading. */
void part_speech_touch_down(App *app);
/* The speaker button was tapped: reads the page on screen aloud, unless that touch stopped it. */
void part_speech_read_aloud(App *app, uint64_t now_ms);
/* Stops reading at once (the display falls asleep). */
void part_speech_silence(App *app);

#endif
