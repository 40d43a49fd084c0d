/* speech.h — text to speech with libespeak-ng: a SpeechEngine turns UTF-8 text in a kiosk
 * language into 16-bit mono PCM, handed over in chunks to a sink as it is made (so playback can
 * start before a long page is finished) or collected into one buffer (tests, WAV files).
 * Playing the samples is not done here: see speech_player.h.
 *
 * espeak-ng keeps its state in the process, not in a handle, and is not thread-safe: at most
 * one SpeechEngine exists at a time, and the thread that created it makes every call on it
 * (the player's worker thread in the kiosk). espeak-ng 1.51 cannot be restarted once stopped,
 * so the first engine starts it for the rest of the process (a few MiB of voice data) and
 * later engines reuse it. No SDL, no Log: failures are returned with a sentence for the
 * caller to log. Start at speech_engine_create(). */
#ifndef FACTS_PLATFORM_SPEECH_H
#define FACTS_PLATFORM_SPEECH_H

#include "core/lang.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct SpeechEngine SpeechEngine;

typedef enum SpeechStatus {
    SPEECH_OK = 0,
    SPEECH_NO_DATA,   /* espeak-ng's data (phoneme tables, voices) is not installed */
    SPEECH_NO_VOICE,  /* the data is there but a voice the kiosk needs (en, sr) is not */
    SPEECH_BUSY,      /* another SpeechEngine exists in this process */
    SPEECH_STOPPED,   /* the sink asked to stop; what was made so far was delivered */
    SPEECH_NO_MEMORY,
    SPEECH_FAILED,    /* anything else espeak-ng reports */
    SPEECH_NO_LIBRARY, /* libespeak-ng itself cannot be loaded (it is loaded on the first engine) */
} SpeechStatus;

enum {
    SPEECH_RATE_WPM = 160,  /* a little slower than espeak's 175: strangers, a noisy fair */
    SPEECH_CHUNK_MS = 100,  /* samples reach the sink in pieces of about this length */
};

/* Receives count samples (mono, signed 16-bit, at speech_engine_sample_rate()); they are
 * only valid during the call. Return false to stop the synthesis. */
typedef bool (*SpeechSinkFn)(void *ctx, const int16_t *samples, size_t count);

/* Starts espeak-ng (data from its default place, or the folder ESPEAK_DATA_PATH names) in
 * synchronous mode at SPEECH_RATE_WPM and checks that the voices for every kiosk language
 * exist. On success *out is the engine and SPEECH_OK is returned; otherwise *out is NULL,
 * why (may be NULL) holds one sentence naming the cause and where espeak-ng looked, and the
 * status says which (SPEECH_NO_DATA: install espeak-ng-data). Free with
 * speech_engine_destroy() on the same thread. */
SpeechStatus speech_engine_create(SpeechEngine **out, char *why, size_t why_size);

/* Frees the engine (espeak-ng stays started, see above). NULL is a no-op. */
void speech_engine_destroy(SpeechEngine *engine);

/* Samples per second of what the engine makes (22050 with the standard voices). */
int speech_engine_sample_rate(const SpeechEngine *engine);

/* The espeak-ng voice used for lang: "en" for English, "sr" for both Serbian scripts (it
 * reads Cyrillic and Latin letters alike). "" for a lang out of range. */
const char *speech_voice_name(Lang lang);

/* Speaks text (UTF-8; plain text, no SSML) in lang's voice, calling sink with the samples as
 * they are made; returns when the text is done or the sink returned false (SPEECH_STOPPED).
 * Empty text makes no samples and is SPEECH_OK. */
SpeechStatus speech_engine_speak(SpeechEngine *engine, Lang lang, const char *text, SpeechSinkFn sink,
                                 void *sink_ctx);

/* Samples made by speech_engine_to_pcm(); free with speech_pcm_free(). */
typedef struct SpeechPcm {
    int16_t *samples;
    size_t count;
    int sample_rate;
} SpeechPcm;

/* Speaks text in lang into one buffer: *pcm receives every sample (pcm->samples NULL when
 * there are none). On failure *pcm is empty and the status says why. */
SpeechStatus speech_engine_to_pcm(SpeechEngine *engine, Lang lang, const char *text, SpeechPcm *pcm);

/* Frees what speech_engine_to_pcm() made; the PCM is then empty. Safe on a zeroed PCM. */
void speech_pcm_free(SpeechPcm *pcm);

/* A short English name for logs: "ok", "no data", … */
const char *speech_status_name(SpeechStatus status);

#endif
