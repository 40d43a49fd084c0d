/* speech_player.c — playback of synthesised speech; see speech_player.h.
 * Reading order: speech_player_create() → worker() (tries the device, starts the engine, then
 * serves requests) → speech_player_say() / serve() / queue_chunk() → speech_player_poll()
 * (notices the end) → speech_player_silence(). One lock guards the mailbox and the device handle:
 * a chunk is queued only while its request is still the current one (generation), so a stop
 * or a new text is never followed by stale audio. Only the worker opens and closes the device;
 * the main thread only drops its queue and pauses it. */
#define _POSIX_C_SOURCE 200809L
#include "platform/speech_player.h"

#include "platform/speech.h"

#include <SDL2/SDL.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum {
    WHY_MAX = 256,
    MESSAGE_MAX = 2 * WHY_MAX,
    DEVICE_BUFFER_SAMPLES = 1024, /* ~46 ms at 22050 Hz: the delay from a stop to silence */
    PROBE_SAMPLE_RATE = 22050,    /* espeak-ng's; any rate would do for the probe (SDL converts) */
};

struct SpeechPlayer {
    Log *log;
    SDL_Thread *thread;     /* an SDL thread: SDL frees what it keeps per thread (its error text) */
    SDL_mutex *lock;
    SDL_cond *changed; /* to the worker: a request, a stop, the end of reading, quit */
    /* Guarded by lock. */
    bool quit;
    SpeechPlayerState state;
    char why[MESSAGE_MAX];    /* why the player is off */
    int sample_rate;
    uint64_t generation;      /* bumped by every say and stop: older requests are abandoned */
    bool pending;             /* a request waits for the worker: */
    char *text;
    Lang lang;
    uint64_t request_generation;
    bool reading;             /* from say until played out or stopped */
    bool synthesising;        /* the worker is speaking a request into the queue */
    bool finished;            /* reading ended by itself (for poll to log) */
    char failure[MESSAGE_MAX]; /* a device or synthesis failure for poll to log; "" none */
    SDL_AudioDeviceID device; /* 0: closed; set and cleared by the worker only */
    /* Main thread only. */
    bool state_logged;
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
    SDL_LockMutex(p->lock);
    bool current = !p->quit && chunk->generation == p->generation && p->device != 0;
    if (current && SDL_QueueAudio(p->device, samples, (Uint32)(count * sizeof *samples)) != 0) {
        current = false;
    }
    SDL_UnlockMutex(p->lock);
    return current;
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

/* Takes the pending request and speaks it into the device's queue. Called and returns with
 * the lock held; releases it while opening the device and while synthesising. */
static void serve(SpeechPlayer *p, SpeechEngine *engine)
{
    char *text = p->text;
    Lang lang = p->lang;
    ChunkContext chunk = {p, p->request_generation};
    p->text = NULL;
    p->pending = false;
    if (!p->device) {
        char why[WHY_MAX] = "";
        int rate = p->sample_rate;
        SDL_UnlockMutex(p->lock);
        SDL_AudioDeviceID device = open_device(rate, why, sizeof why);
        SDL_LockMutex(p->lock);
        if (!device) {
            if (chunk.generation == p->generation) {
                p->reading = false;
                snprintf(p->failure, sizeof p->failure, "cannot open the audio device: %s", why);
            }
            free(text);
            return;
        }
        p->device = device; /* closed by the worker's loop if the request is gone meanwhile */
    }
    if (chunk.generation != p->generation || p->quit) {
        free(text);
        return;
    }
    SDL_PauseAudioDevice(p->device, 0);
    p->synthesising = true;
    SDL_UnlockMutex(p->lock);
    SpeechStatus status = speech_engine_speak(engine, lang, text, queue_chunk, &chunk);
    free(text);
    SDL_LockMutex(p->lock);
    p->synthesising = false;
    if (status != SPEECH_OK && status != SPEECH_STOPPED && chunk.generation == p->generation) {
        p->reading = false;
        snprintf(p->failure, sizeof p->failure, "synthesis failed: %s", speech_status_name(status));
    }
}

static int SDLCALL worker(void *arg)
{
    SpeechPlayer *p = arg;
    SpeechEngine *engine = NULL;
    char why[MESSAGE_MAX] = "";
    /* Try the device once, so that a kiosk without one never shows the button; and before
     * the engine, so that such a kiosk never loads espeak-ng and its sound libraries. */
    char device_why[WHY_MAX] = "";
    SDL_AudioDeviceID probe = open_device(PROBE_SAMPLE_RATE, device_why, sizeof device_why);
    bool device_works = probe != 0;
    if (probe) {
        SDL_CloseAudioDevice(probe);
        device_works = speech_engine_create(&engine, why, sizeof why) == SPEECH_OK;
    } else {
        const char *driver = SDL_GetCurrentAudioDriver();
        snprintf(why, sizeof why, "no audio device (%s, driver %s)", device_why, driver ? driver : "none");
    }
    SDL_LockMutex(p->lock);
    p->state = device_works ? SPEECH_PLAYER_READY : SPEECH_PLAYER_OFF;
    snprintf(p->why, sizeof p->why, "%s", why);
    p->sample_rate = engine ? speech_engine_sample_rate(engine) : 0;
    while (device_works && !p->quit) {
        if (p->pending) {
            serve(p, engine);
        } else if (p->device && !p->reading) {
            /* Played out or stopped: close the device here, not on the main thread (it waits
             * for SDL's audio thread). */
            SDL_AudioDeviceID device = p->device;
            p->device = 0;
            SDL_UnlockMutex(p->lock);
            SDL_CloseAudioDevice(device);
            SDL_LockMutex(p->lock);
        } else {
            SDL_CondWait(p->changed, p->lock);
        }
    }
    SDL_AudioDeviceID device = p->device;
    p->device = 0;
    SDL_UnlockMutex(p->lock);
    if (device) {
        SDL_CloseAudioDevice(device);
    }
    speech_engine_destroy(engine);
    return 0;
}

/* An ALSA playback device node: pcmC<card>D<device>p. */
static bool alsa_playback_in(const char *snd_dir)
{
    DIR *dir = opendir(snd_dir);
    if (!dir) {
        return false;
    }
    bool found = false;
    for (struct dirent *entry = readdir(dir); entry && !found; entry = readdir(dir)) {
        size_t length = strlen(entry->d_name);
        found = strncmp(entry->d_name, "pcmC", 4) == 0 && length > 4 && entry->d_name[length - 1] == 'p';
    }
    closedir(dir);
    return found;
}

static bool socket_at(const char *dir, const char *name)
{
    char path[512];
    struct stat st;
    return dir && snprintf(path, sizeof path, "%s/%s", dir, name) < (int)sizeof path && stat(path, &st) == 0 &&
           S_ISSOCK(st.st_mode);
}

bool speech_audio_reachable(const char *snd_dir, const char *runtime_dir, char *why, size_t why_size)
{
    char user_runtime[64];
    if (!runtime_dir) {
        snprintf(user_runtime, sizeof user_runtime, "/run/user/%lu", (unsigned long)getuid());
        runtime_dir = user_runtime;
    }
    const char *driver = getenv("SDL_AUDIODRIVER");
    const char *server = getenv("PULSE_SERVER");
    if ((driver && driver[0]) || (server && server[0]) || alsa_playback_in(snd_dir) ||
        socket_at(runtime_dir, "pulse/native") || socket_at(runtime_dir, "pipewire-0") ||
        socket_at("/run/pulse", "native")) {
        return true;
    }
    snprintf(why, why_size, "no ALSA playback device in %s, no PulseAudio or PipeWire socket", snd_dir);
    return false;
}

SpeechPlayer *speech_player_create(Log *log)
{
    char why[WHY_MAX];
    if (!speech_audio_reachable("/dev/snd", getenv("XDG_RUNTIME_DIR"), why, sizeof why)) {
        log_write(log, LOG_INFO, "speech", "no audio (%s): read aloud is off", why);
        return NULL;
    }
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
    p->state = SPEECH_PLAYER_STARTING;
    p->lock = SDL_CreateMutex();
    p->changed = SDL_CreateCond();
    p->thread = p->lock && p->changed ? SDL_CreateThread(worker, "speech", p) : NULL;
    if (!p->thread) {
        log_write(log, LOG_WARN, "speech", "cannot start a thread (%s): read aloud is off", SDL_GetError());
        speech_player_destroy(p);
        return NULL;
    }
    return p;
}

/* Drops what is queued and pauses the device: silence within one device buffer. Lock held. */
static void silence(SpeechPlayer *p)
{
    if (p->device) {
        SDL_ClearQueuedAudio(p->device);
        SDL_PauseAudioDevice(p->device, 1);
    }
}

void speech_player_destroy(SpeechPlayer *p)
{
    if (!p) {
        return;
    }
    if (p->thread) {
        SDL_LockMutex(p->lock);
        p->quit = true;
        p->generation++;
        silence(p);
        SDL_CondBroadcast(p->changed);
        SDL_UnlockMutex(p->lock);
        SDL_WaitThread(p->thread, NULL); /* it closes the device and lets the engine go */
    }
    free(p->text);
    SDL_DestroyCond(p->changed);
    SDL_DestroyMutex(p->lock);
    free(p);
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

void speech_player_say(SpeechPlayer *p, Lang lang, const char *text)
{
    if (!text || !text[0]) {
        speech_player_silence(p);
        return;
    }
    char *copy = strdup(text);
    if (!copy) {
        log_write(p->log, LOG_WARN, "speech", "out of memory: not reading");
        return;
    }
    SDL_LockMutex(p->lock);
    bool ready = p->state == SPEECH_PLAYER_READY;
    if (ready) {
        p->generation++;
        if (p->device) {
            SDL_ClearQueuedAudio(p->device);
        }
        free(p->text);
        p->text = copy;
        copy = NULL;
        p->lang = lang;
        p->request_generation = p->generation;
        p->pending = true;
        p->reading = true;
        p->finished = false;
        SDL_CondBroadcast(p->changed);
    }
    SDL_UnlockMutex(p->lock);
    free(copy);
    p->drained_at_ms = 0;
    if (ready) {
        log_write(p->log, LOG_INFO, "speech", "reading aloud in %s (%zu bytes)", lang_tag(lang), strlen(text));
    }
}

void speech_player_silence(SpeechPlayer *p)
{
    if (!p) {
        return;
    }
    SDL_LockMutex(p->lock);
    bool was_reading = p->reading;
    p->generation++;
    p->pending = false;
    p->reading = false;
    free(p->text);
    p->text = NULL;
    silence(p);
    SDL_CondBroadcast(p->changed); /* the worker closes the device */
    SDL_UnlockMutex(p->lock);
    if (was_reading) {
        log_write(p->log, LOG_INFO, "speech", "stopped");
    }
}

bool speech_player_speaking(SpeechPlayer *p)
{
    if (!p) {
        return false;
    }
    SDL_LockMutex(p->lock);
    bool reading = p->reading;
    SDL_UnlockMutex(p->lock);
    return reading;
}

SpeechPlayerState speech_player_poll(SpeechPlayer *p, uint64_t now_ms)
{
    if (!p) {
        return SPEECH_PLAYER_OFF;
    }
    SDL_LockMutex(p->lock);
    SpeechPlayerState state = p->state;
    char why[MESSAGE_MAX];
    snprintf(why, sizeof why, "%s", state == SPEECH_PLAYER_OFF ? p->why : p->failure);
    p->failure[0] = '\0';
    int rate = p->sample_rate;
    if (p->reading && !p->pending && !p->synthesising && p->device) {
        if (SDL_GetQueuedAudioSize(p->device) > 0) {
            p->drained_at_ms = 0;
        } else if (!p->drained_at_ms) {
            p->drained_at_ms = now_ms ? now_ms : 1;
        } else if (now_ms - p->drained_at_ms >= SPEECH_PLAYER_TAIL_MS) {
            /* The last buffer has reached the speaker by now: the worker closes the device. */
            p->reading = false;
            p->finished = true;
            SDL_CondBroadcast(p->changed);
        }
    }
    bool finished = p->finished;
    p->finished = false;
    SDL_UnlockMutex(p->lock);
    bool report_state = state != SPEECH_PLAYER_STARTING && !p->state_logged;
    if (report_state && state == SPEECH_PLAYER_READY) {
        const char *driver = SDL_GetCurrentAudioDriver();
        log_write(p->log, LOG_INFO, "speech", "read aloud ready (audio driver %s, %d Hz)", driver ? driver : "none", rate);
    } else if (report_state) {
        log_write(p->log, LOG_INFO, "speech", "%s: read aloud is off", why);
    } else if (state == SPEECH_PLAYER_READY && why[0]) {
        log_write(p->log, LOG_WARN, "speech", "%s", why);
    }
    p->state_logged = p->state_logged || report_state;
    if (finished) {
        log_write(p->log, LOG_INFO, "speech", "finished");
    }
    return state;
}

uint64_t speech_player_deadline_ms(SpeechPlayer *p, uint64_t now_ms)
{
    if (!p) {
        return UINT64_MAX;
    }
    SDL_LockMutex(p->lock);
    bool busy = p->state == SPEECH_PLAYER_STARTING || p->reading;
    SDL_UnlockMutex(p->lock);
    return busy ? now_ms + SPEECH_PLAYER_POLL_MS : UINT64_MAX;
}
