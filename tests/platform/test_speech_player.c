/* Read aloud, the player: real espeak-ng through SDL's real audio path, into SDL's "disk"
 * driver (it writes what the device plays to a file, SDL_DISKAUDIOFILE). Checks that a text
 * is played to its end and then the device is closed; that a stop silences it at once and
 * nothing more is written; that a new text replaces the one being read; and that without an
 * audio driver the player is not made and says so in one line. Exit 77 (skipped) only when
 * espeak-ng's data is not installed. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "platform/speech.h"
#include "platform/speech_player.h"

enum { SKIPPED = 77 };

static const char SHORT_TEXT[] = "Fashion Apparel Cluster Serbia. Founded in Belgrade.";
static const char LONG_TEXT[] =
    "The vision of the example cluster is to become a leader in increasing the overall economic "
    "competitiveness of its member companies and of the industry as a whole. It organises fairs, "
    "missions and meetings, and it supports its members in every market they enter.";

typedef struct Fixture {
    char dir[256];
    char audio[300];
    FILE *log_file;
    Log log;
} Fixture;

static uint64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static void sleep_ms(unsigned ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof *f);
    const char *base = getenv("TMPDIR");
    snprintf(f->dir, sizeof f->dir, "%s/facts-speech-XXXXXX", base && base[0] ? base : "/tmp");
    assert_non_null(mkdtemp(f->dir));
    snprintf(f->audio, sizeof f->audio, "%s/audio.raw", f->dir);
    f->log_file = tmpfile();
    assert_non_null(f->log_file);
    log_create(&f->log, f->log_file, LOG_INFO, LOG_STYLE_TERMINAL);
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", f->audio, 1);
    unsetenv("SDL_DISKAUDIODELAY");
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    log_destroy(&f->log);
    fclose(f->log_file);
    unlink(f->audio);
    rmdir(f->dir);
    free(f);
    return 0;
}

/* Everything the log says so far. */
static char *log_text(Fixture *f)
{
    fflush(f->log_file);
    long size = ftell(f->log_file);
    char *text = calloc(1, (size_t)size + 1);
    rewind(f->log_file);
    assert_int_equal(fread(text, 1, (size_t)size, f->log_file), (size_t)size);
    return text;
}

static int count_lines_with(const char *text, const char *needle)
{
    int count = 0;
    for (const char *p = strstr(text, needle); p; p = strstr(p + 1, needle)) {
        count++;
    }
    return count;
}

static long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

/* The span from the first to the last audible sample of the file, in samples. */
static size_t audible_span(const char *path)
{
    FILE *file = fopen(path, "rb");
    assert_non_null(file);
    size_t first = 0, last = 0, i = 0;
    bool any = false;
    int16_t sample = 0;
    while (fread(&sample, sizeof sample, 1, file) == 1) {
        if (sample > 64 || sample < -64) {
            first = any ? first : i;
            last = i;
            any = true;
        }
        i++;
    }
    fclose(file);
    return any ? last - first + 1 : 0;
}

static size_t pcm_span(const SpeechPcm *pcm)
{
    size_t first = 0, last = 0;
    bool any = false;
    for (size_t i = 0; i < pcm->count; i++) {
        if (pcm->samples[i] > 64 || pcm->samples[i] < -64) {
            first = any ? first : i;
            last = i;
            any = true;
        }
    }
    return any ? last - first + 1 : 0;
}

/* Polls the player like the kiosk's loop until it has finished (bounded). */
static bool play_out(SpeechPlayer *player, unsigned limit_ms)
{
    uint64_t until = now_ms() + limit_ms;
    while (now_ms() < until) {
        speech_player_poll(player, now_ms());
        if (!speech_player_speaking(player)) {
            return true;
        }
        sleep_ms(20);
    }
    return false;
}

/* A player that has started (polled like the kiosk's loop until it is ready or off). */
static SpeechPlayerState start(Fixture *f, SpeechPlayer **out)
{
    *out = speech_player_create(&f->log);
    if (!*out) {
        return SPEECH_PLAYER_OFF;
    }
    /* While it starts, the loop is woken every SPEECH_PLAYER_POLL_MS. A device that fails at
     * once (under qemu, often before this look) leaves it off already: then no wake-up is due. */
    uint64_t deadline = speech_player_deadline_ms(*out, 1000);
    SpeechPlayerState state = speech_player_poll(*out, now_ms());
    assert_true(deadline == 1000 + SPEECH_PLAYER_POLL_MS ||
                (deadline == UINT64_MAX && state != SPEECH_PLAYER_STARTING));
    uint64_t until = now_ms() + 5000;
    while (state == SPEECH_PLAYER_STARTING && now_ms() < until) {
        sleep_ms(10);
        state = speech_player_poll(*out, now_ms());
    }
    return state;
}

static void test_plays_a_text_to_its_end(void **state)
{
    Fixture *f = *state;
    setenv("SDL_DISKAUDIODELAY", "2", 1); /* 2 ms a buffer: ~20 times real time */
    SpeechPlayer *player = NULL;
    assert_int_equal(start(f, &player), SPEECH_PLAYER_READY);
    assert_false(speech_player_speaking(player));
    assert_int_equal(speech_player_deadline_ms(player, 1000), UINT64_MAX);
    speech_player_say(player, LANG_EN, SHORT_TEXT);
    assert_true(speech_player_speaking(player));
    assert_int_equal(speech_player_deadline_ms(player, 1000), 1000 + SPEECH_PLAYER_POLL_MS);
    assert_true(play_out(player, 10000));
    assert_false(speech_player_speaking(player));
    sleep_ms(300); /* the worker closes the device */
    long size = file_size(f->audio);
    sleep_ms(200);
    assert_int_equal(file_size(f->audio), size);
    speech_player_destroy(player);

    /* What the device played is the whole text: as long as the engine makes it. */
    SpeechEngine *engine = NULL;
    assert_int_equal(speech_engine_create(&engine, NULL, 0), SPEECH_OK);
    SpeechPcm pcm = {0};
    assert_int_equal(speech_engine_to_pcm(engine, LANG_EN, SHORT_TEXT, &pcm), SPEECH_OK);
    size_t played = audible_span(f->audio);
    size_t made = pcm_span(&pcm);
    printf("made %zu samples of speech, the device played %zu\n", made, played);
    assert_true(made > (size_t)pcm.sample_rate); /* more than a second */
    assert_true(played >= made * 98 / 100 && played <= made * 102 / 100);
    speech_pcm_free(&pcm);
    speech_engine_destroy(engine);

    char *text = log_text(f);
    assert_int_equal(count_lines_with(text, "speech: read aloud ready (audio driver disk, 22050 Hz)"), 1);
    assert_int_equal(count_lines_with(text, "speech: reading aloud in en"), 1);
    assert_int_equal(count_lines_with(text, "speech: finished"), 1);
    free(text);
}

static void test_stop_silences_at_once(void **state)
{
    Fixture *f = *state;
    SpeechPlayer *player = NULL;
    assert_int_equal(start(f, &player), SPEECH_PLAYER_READY); /* real time */
    speech_player_say(player, LANG_EN, LONG_TEXT);
    sleep_ms(600);
    assert_int_equal(speech_player_poll(player, now_ms()), SPEECH_PLAYER_READY);
    assert_true(speech_player_speaking(player));
    /* The main thread never waits for the device: closing it (which waits for SDL's audio
     * thread, 90 ms with this driver) is the worker's job. */
    uint64_t before = now_ms();
    speech_player_silence(player);
    uint64_t took = now_ms() - before;
    printf("speech_player_silence took %llu ms\n", (unsigned long long)took);
    assert_true(took < 20);
    assert_false(speech_player_speaking(player));
    assert_int_equal(speech_player_deadline_ms(player, 1000), UINT64_MAX);
    sleep_ms(300);
    long size = file_size(f->audio);
    sleep_ms(300);
    assert_int_equal(file_size(f->audio), size); /* closed */
    /* Well under a second was played of a text that takes about 15 s. */
    size_t played = audible_span(f->audio);
    printf("played %zu samples before the stop\n", played);
    assert_true(played > 0);
    assert_true(played < 22050);
    speech_player_silence(player); /* harmless when nothing is read */
    speech_player_destroy(player);
    char *text = log_text(f);
    assert_int_equal(count_lines_with(text, "speech: stopped"), 1);
    assert_int_equal(count_lines_with(text, "speech: finished"), 0);
    free(text);
}

/* A new text replaces the one being read (the rest of the old one is abandoned); empty text
 * stops. */
static void test_new_text_replaces_old(void **state)
{
    Fixture *f = *state;
    setenv("SDL_DISKAUDIODELAY", "2", 1);
    SpeechPlayer *player = NULL;
    assert_int_equal(start(f, &player), SPEECH_PLAYER_READY);
    /* Forty times the long text: ten minutes of speech, whose synthesis (about a second) is
     * still running when its first words play and the new text comes. */
    size_t long_size = 40 * sizeof LONG_TEXT + 1; /* each copy and its space, then the NUL */
    char *very_long = calloc(1, long_size);
    assert_non_null(very_long);
    for (int i = 0; i < 40; i++) {
        strcat(very_long, LONG_TEXT);
        strcat(very_long, " ");
    }
    speech_player_say(player, LANG_EN, very_long);
    free(very_long);
    uint64_t until = now_ms() + 5000;
    while (file_size(f->audio) < 22050 && now_ms() < until) {
        sleep_ms(10);
    }
    assert_true(file_size(f->audio) >= 22050);
    speech_player_say(player, LANG_SR_CYRL, "Кластер модне одеће Србије.");
    assert_true(play_out(player, 10000));
    speech_player_destroy(player);
    SpeechEngine *engine = NULL;
    assert_int_equal(speech_engine_create(&engine, NULL, 0), SPEECH_OK);
    SpeechPcm pcm = {0};
    assert_int_equal(speech_engine_to_pcm(engine, LANG_SR_CYRL, "Кластер модне одеће Србије.", &pcm), SPEECH_OK);
    size_t played = audible_span(f->audio);
    size_t made = pcm_span(&pcm);
    printf("the second text: made %zu samples; played from the first sound %zu\n", made, played);
    /* The second text in full after the part of the long one played so far: the rest of the
     * long text was abandoned, not synthesised into the queue. */
    assert_true(played >= made * 98 / 100);
    assert_true(played <= made + (size_t)pcm.sample_rate * 6);
    speech_pcm_free(&pcm);
    speech_engine_destroy(engine);

    assert_int_equal(start(f, &player), SPEECH_PLAYER_READY);
    speech_player_say(player, LANG_EN, SHORT_TEXT);
    speech_player_say(player, LANG_EN, "");
    assert_false(speech_player_speaking(player));
    speech_player_destroy(player);
}

/* No audio: no player, or one that turns off, with one line that says why; nothing else. */
static void test_no_audio_device(void **state)
{
    Fixture *f = *state;
    setenv("SDL_AUDIODRIVER", "no-such-driver", 1);
    assert_null(speech_player_create(&f->log));
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", "/nonexistent/folder/audio.raw", 1);
    SpeechPlayer *player = NULL;
    assert_int_equal(start(f, &player), SPEECH_PLAYER_OFF);
    assert_non_null(player);
    speech_player_say(player, LANG_EN, SHORT_TEXT); /* ignored */
    assert_false(speech_player_speaking(player));
    assert_int_equal(speech_player_poll(player, now_ms()), SPEECH_PLAYER_OFF);
    assert_int_equal(speech_player_deadline_ms(player, 5), UINT64_MAX);
    speech_player_destroy(player);
    char *text = log_text(f);
    printf("%s", text);
    assert_int_equal(count_lines_with(text, "speech:"), 2);
    assert_int_equal(count_lines_with(text, "read aloud is off"), 2);
    assert_non_null(strstr(text, "speech: no audio ("));
    assert_non_null(strstr(text, "speech: no audio device ("));
    free(text);
    /* Every player function takes the NULL player of a kiosk without audio. */
    speech_player_silence(NULL);
    assert_false(speech_player_speaking(NULL));
    assert_int_equal(speech_player_poll(NULL, 0), SPEECH_PLAYER_OFF);
    assert_int_equal(speech_player_deadline_ms(NULL, 5), UINT64_MAX);
    speech_player_destroy(NULL);
    setenv("SDL_DISKAUDIOFILE", f->audio, 1);
}


/* Audio is tried only where an output can be: an ALSA playback node (not a capture or control
 * node), a sound server's socket, or a driver asked for by name; else one line says why and
 * SDL's audio is never started. */
static void test_audio_reachable_only_with_an_output(void **state)
{
    Fixture *f = *state;
    char snd[600], runtime[600], why[256] = "";
    snprintf(snd, sizeof snd, "%s/snd", f->dir);
    snprintf(runtime, sizeof runtime, "%s/runtime", f->dir);
    assert_int_equal(mkdir(snd, 0700), 0);
    assert_int_equal(mkdir(runtime, 0700), 0);
    unsetenv("SDL_AUDIODRIVER");
    unsetenv("PULSE_SERVER");
    char node[700];
    const char *not_playback[] = {"controlC0", "pcmC0D0c", "timer"};
    for (size_t i = 0; i < sizeof not_playback / sizeof not_playback[0]; i++) {
        snprintf(node, sizeof node, "%s/%s", snd, not_playback[i]);
        FILE *file = fopen(node, "w");
        assert_non_null(file);
        fclose(file);
    }
    bool system_pulse = access("/run/pulse/native", F_OK) == 0; /* a host with a system-wide server */
    if (!system_pulse) {
        assert_false(speech_audio_reachable(snd, runtime, why, sizeof why));
        assert_non_null(strstr(why, "no ALSA playback device"));
        /* So the player is never made. */
        SpeechPlayer *none = NULL;
        char saved_runtime[600] = "";
        const char *xdg = getenv("XDG_RUNTIME_DIR");
        snprintf(saved_runtime, sizeof saved_runtime, "%s", xdg ? xdg : "");
        setenv("XDG_RUNTIME_DIR", runtime, 1);
        if (access("/dev/snd", F_OK) != 0) {
            none = speech_player_create(&f->log);
            assert_null(none);
            char *text = log_text(f);
            assert_int_equal(count_lines_with(text, "speech: no audio (no ALSA playback device"), 1);
            free(text);
        }
        if (saved_runtime[0]) {
            setenv("XDG_RUNTIME_DIR", saved_runtime, 1);
        } else {
            unsetenv("XDG_RUNTIME_DIR");
        }
    }
    snprintf(node, sizeof node, "%s/pcmC0D0p", snd);
    FILE *file = fopen(node, "w");
    assert_non_null(file);
    fclose(file);
    assert_true(speech_audio_reachable(snd, runtime, why, sizeof why));
    unlink(node);
    setenv("PULSE_SERVER", "unix:/nowhere", 1);
    assert_true(speech_audio_reachable(snd, runtime, why, sizeof why));
    unsetenv("PULSE_SERVER");
    setenv("SDL_AUDIODRIVER", "disk", 1);
    assert_true(speech_audio_reachable(snd, runtime, why, sizeof why));
    for (size_t i = 0; i < sizeof not_playback / sizeof not_playback[0]; i++) {
        snprintf(node, sizeof node, "%s/%s", snd, not_playback[i]);
        unlink(node);
    }
    rmdir(snd);
    rmdir(runtime);
}

int main(void)
{
    SpeechEngine *engine = NULL;
    char why[512] = "";
    if (speech_engine_create(&engine, why, sizeof why) == SPEECH_NO_DATA) {
        printf("SKIPPED: %s\n", why);
        return SKIPPED;
    }
    speech_engine_destroy(engine);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_plays_a_text_to_its_end, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stop_silences_at_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_new_text_replaces_old, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_audio_device, setup, teardown),
        cmocka_unit_test_setup_teardown(test_audio_reachable_only_with_an_output, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
