/* speech_player.h — reads text aloud through SDL audio without ever blocking the render loop.
 * A worker thread owns the SpeechEngine (espeak-ng is not thread-safe) and the audio device:
 * it starts the engine and checks that a device opens, then synthesises each request chunk by
 * chunk into the device's queue (SDL_QueueAudio), so the first words play within a chunk
 * (SPEECH_CHUNK_MS) of the request. It opens the device when reading starts and closes it when
 * reading ends or is stopped (closing waits for SDL's audio thread: tens of ms, never on the
 * main thread). An idle kiosk has no audio thread running. A stop silences at once: the main
 * thread drops the queue and pauses the device, the worker closes it.
 *
 * How the app uses it (every call from the main thread):
 *   SpeechPlayer *s = speech_player_create(log);  // NULL: SDL has no audio at all (logged)
 *   each loop: speech_player_poll(s, now) — SPEECH_PLAYER_OFF (logged once): destroy it;
 *              wake again by speech_player_deadline_ms(s, now);
 *   on the speaker button, when READY: speech_player_say(s, lang, text);
 *   on any touch, page or language change: speech_player_silence(s);
 *   speech_player_destroy(s);
 * Lines go to the Log from the main thread only (create, say, stop and poll). */
#ifndef FACTS_PLATFORM_SPEECH_PLAYER_H
#define FACTS_PLATFORM_SPEECH_PLAYER_H

#include "core/lang.h"
#include "platform/log.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct SpeechPlayer SpeechPlayer;

typedef enum SpeechPlayerState {
    SPEECH_PLAYER_STARTING = 0, /* the worker is starting the engine and trying the device */
    SPEECH_PLAYER_READY,        /* it can read */
    SPEECH_PLAYER_OFF,          /* no audio device, or espeak-ng or its voices are missing */
} SpeechPlayerState;

enum {
    SPEECH_PLAYER_POLL_MS = 100, /* how often the loop looks whether reading has ended */
    SPEECH_PLAYER_TAIL_MS = 300, /* the device stays open this long after its queue ran dry */
};

/* Whether any audio output can be there: SDL_AUDIODRIVER is set (then SDL is asked), an ALSA
 * playback device (pcmC*D*p) is in snd_dir (/dev/snd), PULSE_SERVER is set, or a PulseAudio or
 * PipeWire socket is in runtime_dir ($XDG_RUNTIME_DIR; NULL: /run/user/<uid>) or /run/pulse.
 * A kiosk without one never starts SDL's audio (whose sound libraries would stay in memory,
 * about 1 MiB). When not, why says so. */
bool speech_audio_reachable(const char *snd_dir, const char *runtime_dir, char *why, size_t why_size);

/* Starts SDL's audio subsystem and the worker, and returns at once (the worker then starts
 * the engine and tries the device: see speech_player_poll()). NULL, after one line in log,
 * when no audio output can be there (speech_audio_reachable), SDL has no audio at all
 * (SDL_INIT_AUDIO fails: no driver) or out of memory. log must
 * outlive the player. */
SpeechPlayer *speech_player_create(Log *log);

/* Stops reading, joins the worker (which closes the device and lets the engine go) and closes
 * SDL's audio subsystem. NULL is a no-op. */
void speech_player_destroy(SpeechPlayer *player);

/* Reads text (UTF-8, copied) in lang's voice, replacing anything being read. Ignored unless
 * the player is READY; empty text stops reading. */
void speech_player_say(SpeechPlayer *player, Lang lang, const char *text);

/* Stops reading at once: queued audio is dropped and the device paused here, the synthesis is
 * abandoned and the device closed by the worker. Harmless when nothing is being read. */
void speech_player_silence(SpeechPlayer *player);

/* True from speech_player_say() until the text has been played to its end or stopped. */
bool speech_player_speaking(SpeechPlayer *player);

/* Reports what the worker has done since the last call: logs that read aloud is ready, or why
 * it is off (once), the end of reading and any synthesis or device failure. Returns the state;
 * NULL is SPEECH_PLAYER_OFF. */
SpeechPlayerState speech_player_poll(SpeechPlayer *player, uint64_t now_ms);

/* When speech_player_poll() should run next: now + SPEECH_PLAYER_POLL_MS while starting or
 * reading, UINT64_MAX otherwise. */
uint64_t speech_player_deadline_ms(SpeechPlayer *player, uint64_t now_ms);

#endif
