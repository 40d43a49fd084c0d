/* speech.c — the espeak-ng engine; see speech.h. speech_engine_create() loads and starts
 * espeak-ng and tries every voice; speech_engine_speak() hands each buffer espeak-ng makes to
 * the caller's sink through on_samples().
 *
 * libespeak-ng is loaded by the first speech_engine_create() (dlopen, platform/lazy_library.h),
 * not linked: with it come PulseAudio, ALSA, libsndfile and its codecs, about 30 libraries
 * that a kiosk without an audio device never needs, and that otherwise cost dynamic linking
 * before the first frame and about 1.5 MiB of memory. The .deb names libespeak-ng1 in its
 * Depends (toolchain/packaging/packaging.cmake). */
#define _POSIX_C_SOURCE 200809L
#include "platform/speech.h"

#include "platform/lazy_library.h"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct SpeechEngine {
    int sample_rate;
    Lang voice;          /* the voice espeak-ng has selected; LANG_COUNT: none yet */
    SpeechSinkFn sink;   /* while speech_engine_speak() runs */
    void *sink_ctx;
    bool stopped;        /* the sink said stop */
};

/* espeak-ng's state is the process's: one engine at a time (see speech.h). espeak-ng 1.51
 * cannot be started again after espeak_ng_Terminate() (the second start hangs in its fifo
 * thread), so once started it stays started until the process exits, and a later engine
 * reuses it. Both are only touched by the thread holding engine_exists. */
static atomic_flag engine_exists = ATOMIC_FLAG_INIT;
static bool espeak_started = false;

/* The soname of espeak-ng 1.49 and later (libespeak-ng1 in Debian). */
static const char ESPEAK_SONAME[] = "libespeak-ng.so.1";

/* The part of espeak-ng's API this file calls, with espeak-ng's own prototypes. */
typedef struct EspeakApi {
    const char *(*Info)(const char **path_data);
    void (*GetStatusCodeMessage)(espeak_ng_STATUS status, char *buffer, size_t length);
    espeak_ng_STATUS (*SetVoiceByName)(const char *name);
    espeak_ng_STATUS (*SetParameter)(espeak_PARAMETER parameter, int value, int relative);
    void (*InitializePath)(const char *path);
    espeak_ng_STATUS (*Initialize)(espeak_ng_ERROR_CONTEXT *context);
    void (*ClearErrorContext)(espeak_ng_ERROR_CONTEXT *context);
    espeak_ng_STATUS (*InitializeOutput)(espeak_ng_OUTPUT_MODE output_mode, int buffer_length, const char *device);
    int (*GetSampleRate)(void);
    void (*SetSynthCallback)(t_espeak_callback *callback);
    espeak_ERROR (*Synth)(const void *text, size_t size, unsigned int position, espeak_POSITION_TYPE position_type,
                          unsigned int end_position, unsigned int flags, unsigned int *unique_identifier,
                          void *user_data);
} EspeakApi;

/* Filled once by lazy_library_resolve(), read only after it succeeded. */
static EspeakApi espeak;

static const LazySymbol ESPEAK_SYMBOLS[] = {
    LAZY_SYMBOL(espeak.Info, "espeak_Info"),
    LAZY_SYMBOL(espeak.GetStatusCodeMessage, "espeak_ng_GetStatusCodeMessage"),
    LAZY_SYMBOL(espeak.SetVoiceByName, "espeak_ng_SetVoiceByName"),
    LAZY_SYMBOL(espeak.SetParameter, "espeak_ng_SetParameter"),
    LAZY_SYMBOL(espeak.InitializePath, "espeak_ng_InitializePath"),
    LAZY_SYMBOL(espeak.Initialize, "espeak_ng_Initialize"),
    LAZY_SYMBOL(espeak.ClearErrorContext, "espeak_ng_ClearErrorContext"),
    LAZY_SYMBOL(espeak.InitializeOutput, "espeak_ng_InitializeOutput"),
    LAZY_SYMBOL(espeak.GetSampleRate, "espeak_ng_GetSampleRate"),
    LAZY_SYMBOL(espeak.SetSynthCallback, "espeak_SetSynthCallback"),
    LAZY_SYMBOL(espeak.Synth, "espeak_Synth"),
};

static LazyLibrary espeak_library = LAZY_LIBRARY_INIT(ESPEAK_SONAME, "libespeak-ng", ESPEAK_SYMBOLS);

static const char *const VOICES[LANG_COUNT] = {
    [LANG_EN] = "en",
    [LANG_SR_LATN] = "sr",
    [LANG_SR_CYRL] = "sr",
};

const char *speech_voice_name(Lang lang)
{
    return (int)lang >= 0 && lang < LANG_COUNT ? VOICES[lang] : "";
}

const char *speech_status_name(SpeechStatus status)
{
    static const char *const NAMES[] = {
        [SPEECH_OK] = "ok",         [SPEECH_NO_DATA] = "no data",     [SPEECH_NO_VOICE] = "no voice",
        [SPEECH_BUSY] = "busy",     [SPEECH_STOPPED] = "stopped",     [SPEECH_NO_MEMORY] = "out of memory",
        [SPEECH_FAILED] = "failed", [SPEECH_NO_LIBRARY] = "no library",
    };
    return (int)status >= 0 && (size_t)status < sizeof NAMES / sizeof NAMES[0] ? NAMES[status] : "";
}

/* Adds where espeak-ng looks for its data to a message in why. */
static void add_data_path(char *why, size_t size)
{
    if (!why || !size) {
        return;
    }
    const char *path = NULL;
    espeak.Info(&path);
    size_t used = strlen(why);
    if (used < size) {
        snprintf(why + used, size - used, " (espeak-ng data: %s)", path ? path : "unknown");
    }
}

static void say(char *why, size_t size, const char *a, const char *b, const char *c)
{
    if (why && size) {
        snprintf(why, size, "%s%s%s", a, b, c);
        add_data_path(why, size);
    }
}

static void status_text(espeak_ng_STATUS status, char *out, size_t size)
{
    espeak.GetStatusCodeMessage(status, out, size);
}

/* Selects lang's voice (and the kiosk's rate, which a voice change may reset). */
static bool select_voice(SpeechEngine *engine, Lang lang)
{
    if (engine->voice == lang) {
        return true;
    }
    if (espeak.SetVoiceByName(speech_voice_name(lang)) != ENS_OK) {
        return false;
    }
    espeak.SetParameter(espeakRATE, SPEECH_RATE_WPM, 0);
    engine->voice = lang;
    return true;
}

SpeechStatus speech_engine_create(SpeechEngine **out, char *why, size_t why_size)
{
    *out = NULL;
    if (why && why_size) {
        why[0] = '\0';
    }
    if (atomic_flag_test_and_set(&engine_exists)) {
        if (why && why_size) {
            snprintf(why, why_size, "a speech engine is already running in this process");
        }
        return SPEECH_BUSY;
    }
    SpeechStatus result = SPEECH_FAILED;
    char message[256] = "";
    SpeechEngine *engine = calloc(1, sizeof *engine);
    if (!engine) {
        result = SPEECH_NO_MEMORY;
        goto done;
    }
    engine->voice = LANG_COUNT;
    if (!lazy_library_resolve(&espeak_library)) {
        if (why && why_size) {
            snprintf(why, why_size, "%s; install libespeak-ng1", espeak_library.why);
        }
        result = SPEECH_NO_LIBRARY;
        goto done;
    }
    if (espeak_started) {
        goto voices;
    }
    espeak.InitializePath(NULL);
    espeak_ng_ERROR_CONTEXT context = NULL;
    espeak_ng_STATUS status = espeak.Initialize(&context);
    espeak.ClearErrorContext(&context);
    if (status != ENS_OK) {
        status_text(status, message, sizeof message);
        /* A missing folder or phoneme table is an errno code (ENOENT): the data is not installed. */
        bool missing = (status & ENS_GROUP_MASK) == ENS_GROUP_ERRNO;
        result = missing ? SPEECH_NO_DATA : SPEECH_FAILED;
        say(why, why_size, missing ? "espeak-ng data not found: " : "espeak-ng does not start: ", message,
            missing ? "; install espeak-ng-data" : "");
        goto done;
    }
    status = espeak.InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, SPEECH_CHUNK_MS, NULL);
    if (status != ENS_OK) {
        status_text(status, message, sizeof message);
        say(why, why_size, "espeak-ng cannot make audio: ", message, "");
        goto done;
    }
    espeak_started = true;
voices:
    engine->sample_rate = espeak.GetSampleRate();
    for (int lang = LANG_COUNT - 1; lang >= 0; lang--) {
        if (!select_voice(engine, (Lang)lang)) {
            result = SPEECH_NO_VOICE;
            say(why, why_size, "espeak-ng has no voice \"", speech_voice_name((Lang)lang), "\"");
            goto done;
        }
    }
    *out = engine;
    result = SPEECH_OK;
done:
    if (result != SPEECH_OK) {
        free(engine);
        atomic_flag_clear(&engine_exists);
    }
    return result;
}

void speech_engine_destroy(SpeechEngine *engine)
{
    if (!engine) {
        return;
    }
    free(engine); /* espeak-ng itself stays started: see espeak_started */
    atomic_flag_clear(&engine_exists);
}

int speech_engine_sample_rate(const SpeechEngine *engine)
{
    return engine->sample_rate;
}

/* espeak-ng's callback: wav NULL ends the text; returning 1 stops it. */
static int on_samples(short *wav, int count, espeak_EVENT *events)
{
    SpeechEngine *engine = events ? events->user_data : NULL;
    if (!engine || !engine->sink || !wav || count <= 0) {
        return 0;
    }
    if (!engine->sink(engine->sink_ctx, (const int16_t *)wav, (size_t)count)) {
        engine->stopped = true;
        return 1;
    }
    return 0;
}

SpeechStatus speech_engine_speak(SpeechEngine *engine, Lang lang, const char *text, SpeechSinkFn sink, void *sink_ctx)
{
    if (!text || !text[0]) {
        return SPEECH_OK;
    }
    if (!select_voice(engine, lang)) {
        return SPEECH_NO_VOICE;
    }
    engine->sink = sink;
    engine->sink_ctx = sink_ctx;
    engine->stopped = false;
    espeak.SetSynthCallback(on_samples);
    espeak_ERROR error = espeak.Synth(text, strlen(text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8 | espeakENDPAUSE,
                                      NULL, engine);
    engine->sink = NULL;
    engine->sink_ctx = NULL;
    if (engine->stopped) {
        return SPEECH_STOPPED;
    }
    return error == EE_OK ? SPEECH_OK : SPEECH_FAILED;
}

typedef struct PcmBuilder {
    SpeechPcm *pcm;
    size_t capacity;
    bool out_of_memory;
} PcmBuilder;

static bool collect(void *ctx, const int16_t *samples, size_t count)
{
    PcmBuilder *b = ctx;
    SpeechPcm *pcm = b->pcm;
    if (pcm->count + count > b->capacity) {
        size_t capacity = b->capacity ? b->capacity : (size_t)pcm->sample_rate * 4;
        while (capacity < pcm->count + count) {
            capacity *= 2;
        }
        int16_t *grown = realloc(pcm->samples, capacity * sizeof *grown);
        if (!grown) {
            b->out_of_memory = true;
            return false;
        }
        pcm->samples = grown;
        b->capacity = capacity;
    }
    memcpy(pcm->samples + pcm->count, samples, count * sizeof *samples);
    pcm->count += count;
    return true;
}

SpeechStatus speech_engine_to_pcm(SpeechEngine *engine, Lang lang, const char *text, SpeechPcm *pcm)
{
    *pcm = (SpeechPcm){.sample_rate = engine->sample_rate};
    PcmBuilder builder = {.pcm = pcm};
    SpeechStatus status = speech_engine_speak(engine, lang, text, collect, &builder);
    if (builder.out_of_memory) {
        status = SPEECH_NO_MEMORY;
    }
    if (status != SPEECH_OK) {
        speech_pcm_free(pcm);
        pcm->sample_rate = engine->sample_rate;
    }
    return status;
}

void speech_pcm_free(SpeechPcm *pcm)
{
    free(pcm->samples);
    *pcm = (SpeechPcm){0};
}
