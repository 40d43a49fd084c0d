/* speech_player.c — playback of synthesised speech; see speech_player.h.
 * Reading order: speech_player_create() → worker() (owns the engine, waits for requests) →
 * speech_player_say() / queue_chunk() → speech_player_poll() → speech_player_stop().
 * One lock guards the request mailbox and the device: a chunk is queued only while its
 * request is still the current one (generation), so a stop is never followed by stale audio. */
#define _POSIX_C_SOURCE 200809L
#include "platform/speech_player.h"

#include "platform/speech.h"

#include <SDL2/SDL.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

enum {
    WHY_MAX = 256,
    DEVICE_BUFFER_SAMPLES = 1024, /* ~46 ms at 22050 Hz: the delay from a stop to silence */
};

struct SpeechPlayer {
    Log *log;
    pthread_t thread;
    bool thread_started;
    pthread_mutex_t lock;
    pthread_cond_t changed; /* a request, quit, or the engine's start */
    /* Guarded by lock. */
    bool quit;
    uint64_t generation;      /* bumped by every say and stop: older requests are abandoned */
    bool pending;             /* a request waits for the worker: */
    char *text;
    Lang lang;
    uint64_t request_generation;
    bool synthesising;        /* the worker is speaking a request */
    SDL_AudioDeviceID device; /* 0: closed */
    bool engine_started;      /* the worker's speech_engine_create() has returned: */
    SpeechStatus engine_status;
    char engine_why[WHY_MAX];
    int sample_rate;
    SpeechStatus failure;     /* SPEECH_OK, or a synthesis failure not yet logged */
    /* Main thread only. */
    uint64_t drained_at_ms;   /* when the device's queue was first seen empty; 0: not yet */
};

typedef struct ChunkContext {
    SpeechPlayer *player;
    uint64_t generation;
} ChunkContext;

/* The engine's sink, on the worker thread: queue the chunk if its request is still current. */
static bool queue_chunk(void *ctx, const int16_t *samples, size_t count)
{
    ChunkContext *chunk = ctx;
    SpeechPlayer *p = chunk->player;
    pthread_mutex_lock(&p->lock);
    bool current = !p->quit && chunk->generation == p->generation && p->device != 0;
    if (current && SDL_QueueAudio(p->device, samples, (Uint32)(count * sizeof *samples)) != 0) {
        current = false;
    }
    pthread_mutex_unlock(&p->lock);
    return current;
}

static void *worker(void *arg)
{
    SpeechPlayer *p = arg;
    SpeechEngine *engine = NULL;
    char why[WHY_MAX] = "";
    SpeechStatus status = speech_engine_create(&engine, why, sizeof why);
    pthread_mutex_lock(&p->lock);
    p->engine_started = true;
    p->engine_status = status;
    snprintf(p->engine_why, sizeof p->engine_why, "%s", why);
    p->sample_rate = engine ? speech_engine_sample_rate(engine) : 0;
    pthread_cond_broadcast(&p->changed);
    while (engine) {
        while (!p->quit && !p->pending) {
            pthread_cond_wait(&p->changed, &p->lock);
        }
        if (p->quit) {
            break;
        }
        char *text = p->text;
        Lang lang = p->lang;
        ChunkContext chunk = {p, p->request_generation};
        p->text = NULL;
        p->pending = false;
        p->synthesising = true;
        pthread_mutex_unlock(&p->lock);
        status = speech_engine_speak(engine, lang, text, queue_chunk, &chunk);
        free(text);
        pthread_mutex_lock(&p->lock);
        p->synthesising = false;
        if (status != SPEECH_OK && status != SPEECH_STOPPED && chunk.generation == p->generation) {
            p->failure = status;
        }
    }
    pthread_mutex_unlock(&p->lock);
    speech_engine_destroy(engine);
    return NULL;
}

static SDL_AudioDeviceID open_device(int sample_rate, char *why, size_t why_size)
{
    SDL_AudioSpec want = {.freq = sample_rate, .format = AUDIO_S16SYS, .channels = 1,
                          .samples = DEVICE_BUFFER_SAMPLES};
    SDL_AudioSpec have = {0};
    /* allowed_changes 0: SDL converts to whatever the hardware takes. */
    SDL_AudioDeviceID device = SDL_OpenAudioDevice(NULL, 0, &want, &have, 0);
    if (!device) {
        snprintf(why, why_size, "%s", SDL_GetError());
    }
    return device;
}

SpeechPlayer *speech_player_create(Log *log)
{
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        log_write(log, LOG_INFO, "speech", "no audio (%s): read aloud is off", SDL_GetError());
        return NULL;
    }
    SpeechPlayer *p = calloc(1, sizeof *p);
    if (!p) {
        log_write(log, LOG_WARN, "speech", "out of memory: read aloud is off");
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return NULL;
    }
    p->log = log;
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->changed, NULL);
    if (pthread_create(&p->thread, NULL, worker, p) != 0) {
        log_write(log, LOG_WARN, "speech", "cannot start a thread: read aloud is off");
        speech_player_destroy(p);
        return NULL;
    }
    p->thread_started = true;
    pthread_mutex_lock(&p->lock);
    while (!p->engine_started) {
        pthread_cond_wait(&p->changed, &p->lock);
    }
    SpeechStatus status = p->engine_status;
    int rate = p->sample_rate;
    pthread_mutex_unlock(&p->lock);
    if (status != SPEECH_OK) {
        log_write(log, LOG_WARN, "speech", "%s: read aloud is off", p->engine_why);
        speech_player_destroy(p);
        return NULL;
    }
    char why[WHY_MAX] = "";
    SDL_AudioDeviceID probe = open_device(rate, why, sizeof why);
    if (!probe) {
        log_write(log, LOG_INFO, "speech", "no audio device (%s, driver %s): read aloud is off", why,
                  SDL_GetCurrentAudioDriver() ? SDL_GetCurrentAudioDriver() : "none");
        speech_player_destroy(p);
        return NULL;
    }
    SDL_CloseAudioDevice(probe);
    log_write(log, LOG_INFO, "speech", "read aloud ready (audio driver %s, %d Hz)", SDL_GetCurrentAudioDriver(), rate);
    return p;
}

void speech_player_destroy(SpeechPlayer *p)
{
    if (!p) {
        return;
    }
    pthread_mutex_lock(&p->lock);
    p->quit = true;
    p->generation++;
    pthread_cond_broadcast(&p->changed);
    pthread_mutex_unlock(&p->lock);
    if (p->thread_started) {
        pthread_join(p->thread, NULL);
    }
    if (p->device) {
        SDL_CloseAudioDevice(p->device);
    }
    free(p->text);
    pthread_cond_destroy(&p->changed);
    pthread_mutex_destroy(&p->lock);
    free(p);
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

void speech_player_say(SpeechPlayer *p, Lang lang, const char *text, uint64_t now_ms)
{
    (void)now_ms;
    if (!text || !text[0]) {
        speech_player_stop(p);
        return;
    }
    char *copy = strdup(text);
    if (!copy) {
        log_write(p->log, LOG_WARN, "speech", "out of memory: not reading");
        return;
    }
    char why[WHY_MAX] = "";
    pthread_mutex_lock(&p->lock);
    p->generation++;
    if (p->device) {
        SDL_ClearQueuedAudio(p->device);
    } else {
        p->device = open_device(p->sample_rate, why, sizeof why);
    }
    bool opened = p->device != 0;
    if (opened) {
        free(p->text);
        p->text = copy;
        copy = NULL;
        p->lang = lang;
        p->request_generation = p->generation;
        p->pending = true;
        SDL_PauseAudioDevice(p->device, 0);
        pthread_cond_broadcast(&p->changed);
    }
    pthread_mutex_unlock(&p->lock);
    free(copy);
    p->drained_at_ms = 0;
    if (opened) {
        log_write(p->log, LOG_INFO, "speech", "reading aloud in %s (%zu bytes)", lang_tag(lang), strlen(text));
    } else {
        log_write(p->log, LOG_WARN, "speech", "cannot open the audio device: %s", why);
    }
}

void speech_player_stop(SpeechPlayer *p)
{
    if (!p) {
        return;
    }
    pthread_mutex_lock(&p->lock);
    bool was_reading = p->device != 0 || p->pending;
    p->generation++;
    p->pending = false;
    free(p->text);
    p->text = NULL;
    if (p->device) {
        SDL_ClearQueuedAudio(p->device);
        SDL_CloseAudioDevice(p->device);
        p->device = 0;
    }
    pthread_mutex_unlock(&p->lock);
    if (was_reading) {
        log_write(p->log, LOG_INFO, "speech", "stopped");
    }
}

bool speech_player_speaking(const SpeechPlayer *p)
{
    if (!p) {
        return false;
    }
    /* device is written by the main thread only (say, stop, poll): reading it here is safe. */
    return p->device != 0;
}

bool speech_player_poll(SpeechPlayer *p, uint64_t now_ms)
{
    if (!p) {
        return false;
    }
    pthread_mutex_lock(&p->lock);
    SpeechStatus failure = p->failure;
    p->failure = SPEECH_OK;
    bool finished = false;
    if (p->device) {
        bool busy = p->pending || p->synthesising || SDL_GetQueuedAudioSize(p->device) > 0;
        if (busy) {
            p->drained_at_ms = 0;
        } else if (!p->drained_at_ms) {
            p->drained_at_ms = now_ms ? now_ms : 1;
        } else if (now_ms - p->drained_at_ms >= SPEECH_PLAYER_TAIL_MS) {
            /* The last buffer has reached the speaker by now. */
            SDL_CloseAudioDevice(p->device);
            p->device = 0;
            finished = true;
        }
    }
    bool speaking = p->device != 0;
    pthread_mutex_unlock(&p->lock);
    if (failure != SPEECH_OK) {
        log_write(p->log, LOG_WARN, "speech", "synthesis failed: %s", speech_status_name(failure));
    }
    if (finished) {
        log_write(p->log, LOG_INFO, "speech", "finished");
    }
    return speaking;
}

uint64_t speech_player_deadline_ms(const SpeechPlayer *p, uint64_t now_ms)
{
    return speech_player_speaking(p) ? now_ms + SPEECH_PLAYER_POLL_MS : UINT64_MAX;
}
