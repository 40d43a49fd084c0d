/* speech_player.h — reads text aloud through SDL audio without ever blocking the render loop.
 * A worker thread owns the SpeechEngine (espeak-ng is not thread-safe) and synthesises each
 * request chunk by chunk into the audio device's queue (SDL_QueueAudio), so the first words
 * play within a chunk (SPEECH_CHUNK_MS) of the request. The device is opened when reading
 * starts and closed when it ends or is stopped: an idle kiosk has no audio thread running.
 *
 * How the app uses it (every call from the main thread):
 *   SpeechPlayer *s = speech_player_create(log);  // NULL: no audio or no voices (logged once)
 *   on the speaker button:   speech_player_say(s, lang, text, now);
 *   on any touch, page or language change: speech_player_stop(s);
 *   each loop: speech_player_poll(s, now); wake again by speech_player_deadline_ms(s, now);
 *   speech_player_destroy(s);
 * Lines go to the Log from the main thread only (in create, say, stop and poll). */
#ifndef FACTS_PLATFORM_SPEECH_PLAYER_H
#define FACTS_PLATFORM_SPEECH_PLAYER_H

#include "core/lang.h"
#include "platform/log.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct SpeechPlayer SpeechPlayer;

enum {
    SPEECH_PLAYER_POLL_MS = 100,  /* how often the loop looks whether reading has ended */
    SPEECH_PLAYER_TAIL_MS = 300,  /* the device stays open this long after its queue ran dry */
};

/* Starts SDL's audio subsystem, checks that an output device opens (then closes it again),
 * and starts the worker with its speech engine. NULL, after one line in log saying why, when
 * there is no audio device (SDL_INIT_AUDIO fails or no device opens: Xvfb in CI, a panel
 * without speakers) or espeak-ng or its voices are missing; the kiosk then simply has no read
 * aloud. log must outlive the player. */
SpeechPlayer *speech_player_create(Log *log);

/* Stops reading, joins the worker (which frees the engine), closes the device and SDL's audio
 * subsystem. NULL is a no-op. */
void speech_player_destroy(SpeechPlayer *player);

/* Reads text (UTF-8, copied) in lang's voice, replacing anything being read. Opens the audio
 * device; on failure logs and does nothing. Empty text stops reading. */
void speech_player_say(SpeechPlayer *player, Lang lang, const char *text, uint64_t now_ms);

/* Stops reading at once (queued audio is dropped, the synthesis is abandoned) and closes
 * the device. Harmless when nothing is being read. */
void speech_player_stop(SpeechPlayer *player);

/* True from speech_player_say() until the text has been played to its end or stopped. */
bool speech_player_speaking(const SpeechPlayer *player);

/* Notices the end of reading (everything synthesised and played) and closes the device;
 * logs a synthesis failure the worker reported. Returns speech_player_speaking(). */
bool speech_player_poll(SpeechPlayer *player, uint64_t now_ms);

/* When speech_player_poll() should run next: now + SPEECH_PLAYER_POLL_MS while reading,
 * UINT64_MAX otherwise. */
uint64_t speech_player_deadline_ms(const SpeechPlayer *player, uint64_t now_ms);

#endif
