/* Read aloud, the engine: slides of the real bundled pack, as read aloud says them
 * (render/speakable.h), synthesised with espeak-ng in English, Serbian Latin and Serbian
 * Cyrillic, written to WAV files and read back. Each must be speech of a plausible length
 * for its words (SECONDS_PER_WORD_MIN..MAX), loud enough to be heard (RMS, share of voiced
 * frames), and the two Serbian scripts of one slide must take about as long (espeak-ng's sr
 * voice reading Cyrillic letters as well as Latin ones; spelled-out or skipped letters would
 * differ by far more than CYRILLIC_LATIN_TOLERANCE). The WAV files stay in the build tree
 * (tests/platform/speech-*.wav) to be listened to. Exit 77 (skipped) only when espeak-ng's
 * data is not installed. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "content/loader.h"
#include "platform/lazy_library.h"
#include "platform/speech.h"
#include "render/speakable.h"

#define SECONDS_PER_WORD_MIN 0.15
#define SECONDS_PER_WORD_MAX 0.8
#define MIN_RMS 600.0              /* of 32767: espeak-ng speaks at about 2000-4000 */
#define MIN_VOICED_SHARE 0.4       /* of 20 ms frames above VOICED_FRAME_RMS */
#define VOICED_FRAME_RMS 300.0
#define CYRILLIC_LATIN_TOLERANCE 0.3

enum { SKIPPED = 77 };

typedef struct Fixture {
    bool espeak_before_engine; /* libespeak-ng was in the process before the first engine */
    SpeechEngine *engine;
    Content *content;
    SlidePlan plan;
    char out_dir[1024];
} Fixture;

static Fixture fixture;

/* ---- WAV files ------------------------------------------------------------------------ */

static void put_u32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16);
    p[3] = (unsigned char)(v >> 24);
}

static void put_u16(unsigned char *p, uint16_t v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
}

static uint32_t get_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint16_t get_u16(const unsigned char *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

static void write_wav(const char *path, const SpeechPcm *pcm)
{
    FILE *file = fopen(path, "wb");
    assert_non_null(file);
    uint32_t data_bytes = (uint32_t)(pcm->count * 2);
    unsigned char header[44];
    memcpy(header, "RIFF", 4);
    put_u32(header + 4, 36 + data_bytes);
    memcpy(header + 8, "WAVEfmt ", 8);
    put_u32(header + 16, 16);
    put_u16(header + 20, 1); /* PCM */
    put_u16(header + 22, 1); /* mono */
    put_u32(header + 24, (uint32_t)pcm->sample_rate);
    put_u32(header + 28, (uint32_t)pcm->sample_rate * 2);
    put_u16(header + 32, 2);
    put_u16(header + 34, 16);
    memcpy(header + 36, "data", 4);
    put_u32(header + 40, data_bytes);
    assert_int_equal(fwrite(header, 1, sizeof header, file), sizeof header);
    for (size_t i = 0; i < pcm->count; i++) {
        unsigned char sample[2];
        put_u16(sample, (uint16_t)pcm->samples[i]);
        assert_int_equal(fwrite(sample, 1, 2, file), 2);
    }
    assert_int_equal(fclose(file), 0);
}

/* What a WAV file holds, as a listener's tools would read it. */
typedef struct WavFacts {
    int sample_rate;
    double seconds;
    double rms;
    double voiced_share;
} WavFacts;

static WavFacts read_wav(const char *path)
{
    FILE *file = fopen(path, "rb");
    assert_non_null(file);
    unsigned char header[44];
    assert_int_equal(fread(header, 1, sizeof header, file), sizeof header);
    assert_memory_equal(header, "RIFF", 4);
    assert_memory_equal(header + 8, "WAVEfmt ", 8);
    assert_int_equal(get_u16(header + 20), 1);
    assert_int_equal(get_u16(header + 22), 1);
    assert_int_equal(get_u16(header + 34), 16);
    assert_memory_equal(header + 36, "data", 4);
    WavFacts facts = {.sample_rate = (int)get_u32(header + 24)};
    size_t count = get_u32(header + 40) / 2;
    int16_t *samples = malloc(count * sizeof *samples + 1);
    assert_non_null(samples);
    for (size_t i = 0; i < count; i++) {
        unsigned char sample[2];
        assert_int_equal(fread(sample, 1, 2, file), 2);
        samples[i] = (int16_t)get_u16(sample);
    }
    fclose(file);
    assert_true(facts.sample_rate > 0);
    facts.seconds = (double)count / facts.sample_rate;
    double sum = 0;
    size_t frame = (size_t)facts.sample_rate / 50;
    size_t frames = 0;
    size_t voiced = 0;
    for (size_t start = 0; start + frame <= count; start += frame) {
        double frame_sum = 0;
        for (size_t i = start; i < start + frame; i++) {
            frame_sum += (double)samples[i] * samples[i];
        }
        sum += frame_sum;
        frames++;
        voiced += sqrt(frame_sum / (double)frame) > VOICED_FRAME_RMS;
    }
    facts.rms = frames ? sqrt(sum / (double)(frames * frame)) : 0;
    facts.voiced_share = frames ? (double)voiced / (double)frames : 0;
    free(samples);
    return facts;
}

/* ---- words ---------------------------------------------------------------------------- */

/* Words as a listener counts them: runs of letters or digits (any script). */
static int count_words(const char *text)
{
    int words = 0;
    bool in_word = false;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        bool part = (*p >= 0x80) || (*p >= '0' && *p <= '9') || ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z');
        /* UTF-8 punctuation the bundled texts use: "’" (E2 80 99), "—", "–", "„", "“" (E2 80 xx). */
        if (*p == 0xE2 && p[1] == 0x80) {
            part = false;
            p += 2;
        }
        if (part && !in_word) {
            words++;
        }
        in_word = part;
    }
    return words;
}

/* ---- the tests ------------------------------------------------------------------------- */

typedef struct Spoken {
    int words;
    WavFacts wav;
} Spoken;

static Spoken speak_slide(const char *name, SlideRef ref, Lang lang)
{
    char *text = speakable_text(fixture.content, &fixture.plan, ref, lang);
    assert_non_null(text);
    assert_true(text[0] != '\0');
    SpeechPcm pcm = {0};
    assert_int_equal(speech_engine_to_pcm(fixture.engine, lang, text, &pcm), SPEECH_OK);
    assert_non_null(pcm.samples);
    assert_int_equal(pcm.sample_rate, speech_engine_sample_rate(fixture.engine));
    char path[1200];
    snprintf(path, sizeof path, "%s/speech-%s-%s.wav", fixture.out_dir, name, lang_tag(lang));
    write_wav(path, &pcm);
    speech_pcm_free(&pcm);
    Spoken spoken = {.words = count_words(text), .wav = read_wav(path)};
    double per_word = spoken.wav.seconds / spoken.words;
    printf("%-14s %-8s %4d words %6.2f s  %.3f s/word  RMS %6.0f  voiced %3.0f %%  %s\n", name, lang_tag(lang),
           spoken.words, spoken.wav.seconds, per_word, spoken.wav.rms, 100 * spoken.wav.voiced_share, path);
    if (per_word < SECONDS_PER_WORD_MIN || per_word > SECONDS_PER_WORD_MAX) {
        fail_msg("%s in %s: %.2f s for %d words is not speech of a plausible length: %s", name, lang_tag(lang),
                 spoken.wav.seconds, spoken.words, text);
    }
    if (spoken.wav.rms < MIN_RMS || spoken.wav.voiced_share < MIN_VOICED_SHARE) {
        fail_msg("%s in %s: too quiet (RMS %.0f, voiced %.0f %%)", name, lang_tag(lang), spoken.wav.rms,
                 100 * spoken.wav.voiced_share);
    }
    free(text);
    return spoken;
}

static void check_slide(const char *name, SlideRef ref)
{
    speak_slide(name, ref, LANG_EN);
    Spoken latin = speak_slide(name, ref, LANG_SR_LATN);
    Spoken cyrillic = speak_slide(name, ref, LANG_SR_CYRL);
    double ratio = cyrillic.wav.seconds / latin.wav.seconds;
    printf("%-14s sr-Cyrl / sr-Latn = %.3f\n", name, ratio);
    if (fabs(ratio - 1.0) > CYRILLIC_LATIN_TOLERANCE) {
        fail_msg("%s: Cyrillic takes %.2f s, Latin %.2f s: the scripts are not read alike", name,
                 cyrillic.wav.seconds, latin.wav.seconds);
    }
}

static void test_vision(void **state)
{
    (void)state;
    check_slide("vision", (SlideRef){SECTION_ABOUT, 0, -1});
}

static void test_member_detail(void **state)
{
    (void)state;
    check_slide("member-detail", (SlideRef){SECTION_MEMBERS, 0, 0});
}

static void test_stories(void **state)
{
    (void)state;
    check_slide("stories", (SlideRef){SECTION_STORIES, 0, -1});
}

static void test_objectives(void **state)
{
    (void)state;
    check_slide("objectives", (SlideRef){SECTION_ABOUT, 2, -1});
}

/* A sink that says stop ends the synthesis early and is told so. */
static bool stop_after_first(void *ctx, const int16_t *samples, size_t count)
{
    (void)samples;
    size_t *total = ctx;
    *total += count;
    return false;
}

static void test_sink_stops_synthesis(void **state)
{
    (void)state;
    size_t total = 0;
    const char *text = "This sentence is long enough to need many chunks of audio before it is over, and more.";
    assert_int_equal(speech_engine_speak(fixture.engine, LANG_EN, text, stop_after_first, &total), SPEECH_STOPPED);
    int rate = speech_engine_sample_rate(fixture.engine);
    assert_true(total > 0);
    assert_true(total <= (size_t)rate * SPEECH_CHUNK_MS / 1000 * 2);
    SpeechPcm pcm = {0};
    assert_int_equal(speech_engine_to_pcm(fixture.engine, LANG_EN, "", &pcm), SPEECH_OK);
    assert_int_equal(pcm.count, 0);
    speech_pcm_free(&pcm);
}

/* One engine per process: espeak-ng's state is global. */
static void test_second_engine_is_refused(void **state)
{
    (void)state;
    SpeechEngine *second = NULL;
    char why[256];
    assert_int_equal(speech_engine_create(&second, why, sizeof why), SPEECH_BUSY);
    assert_null(second);
    assert_non_null(strstr(why, "already"));
}

/* libespeak-ng is not linked: the first engine loads it (speech.c). */
static void test_first_engine_loads_espeak(void **state)
{
    (void)state;
    assert_false(fixture.espeak_before_engine);
    assert_true(lazy_library_in_process("libespeak-ng.so.1"));
}

int main(void)
{
    char why[512] = "";
    fixture.espeak_before_engine = lazy_library_in_process("libespeak-ng.so.1");
    SpeechStatus status = speech_engine_create(&fixture.engine, why, sizeof why);
    if (status == SPEECH_NO_DATA) {
        printf("SKIPPED: %s\n", why);
        return SKIPPED;
    }
    if (status != SPEECH_OK) {
        fprintf(stderr, "speech engine: %s: %s\n", speech_status_name(status), why);
        return 1;
    }
    const char *binary = getenv("FACTS_BINARY_DIR");
    if (!binary) {
        fprintf(stderr, "FACTS_BINARY_DIR is not set\n");
        return 1;
    }
    char pack[1100];
    snprintf(pack, sizeof pack, "%s/data/facts-content.db", binary);
    snprintf(fixture.out_dir, sizeof fixture.out_dir, "%s/tests/platform", binary);
    if (content_load(pack, NULL, &fixture.content) != CONTENT_OK ||
        !plan_create(&fixture.plan, fixture.content, "2026-11-26", plan_capacity(false))) {
        fprintf(stderr, "cannot load and plan the bundled pack %s\n", pack);
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_first_engine_loads_espeak),
        cmocka_unit_test(test_vision),
        cmocka_unit_test(test_member_detail),
        cmocka_unit_test(test_stories),
        cmocka_unit_test(test_objectives),
        cmocka_unit_test(test_sink_stops_synthesis),
        cmocka_unit_test(test_second_engine_is_refused),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    plan_destroy(&fixture.plan);
    content_unload(fixture.content);
    speech_engine_destroy(fixture.engine);
    return failed;
}
