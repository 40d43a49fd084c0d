/* The status report's model: the exact JSON for a full report and for a kiosk that has
 * nothing to say yet; the pack on screen taken from a real pack built by the real builder
 * (its English title, Cyrillic passing through); an update attempt's result into its fields;
 * frames in the last minute from the loop's samples; the kiosk id (configured, derived from
 * a machine id as systemd does, stable, never the machine id itself, "unknown" without one);
 * a refusal kept through quiet polls, which go to last_poll; the Prometheus text of a full
 * report (with FACTS_METRICS_SAMPLE=FILE it is also written there, for promtool). */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/status.h"
#include "content/loader.h"
#include "core/utf8.h"
#include "support/fixture.h"

static StatusReport full_report(void)
{
    StatusReport r;
    memset(&r, 0, sizeof r);
    snprintf(r.kiosk_id, sizeof r.kiosk_id, "hall-a-left");
    r.kiosk_id_from = STATUS_ID_CONFIG;
    r.package_version = "0.1.0";
    r.written_unix = 1777627800; /* 2026-05-01T09:30:00Z */
    r.uptime_seconds = 3600;
    r.system_uptime_seconds = 3700;
    r.pack = (StatusPack){.from = STATUS_PACK_INSTALLED, .version = 7, .pending = true};
    snprintf(r.pack.title, sizeof r.pack.title, "Пример \"сајма\"");
    r.display = (StatusDisplay){.wanted = OPTIONS_SCREEN_OFF_AUTO, .changed = true, .off = true,
                                .method = OPTIONS_SCREEN_OFF_CEC, .worked = true};
    r.frames_last_minute = 42;
    r.last_touch_unix = 1777627790;
    r.last_update = (StatusUpdate){.attempted = true, .at_unix = 1777627700, .pack_version = 7};
    snprintf(r.last_update.source, sizeof r.last_update.source, "/media/STICK \\ 1/facts-kiosk");
    snprintf(r.last_update.result, sizeof r.last_update.result, "ok");
    snprintf(r.last_update.message_id, sizeof r.last_update.message_id, "installed");
    snprintf(r.last_update.message, sizeof r.last_update.message, "Content updated:\nversion 7");
    snprintf(r.last_update.step, sizeof r.last_update.step, "done");
    r.last_poll = (StatusPoll){.polled = true, .at_unix = 1777627780};
    snprintf(r.last_poll.result, sizeof r.last_poll.result, "unchanged");
    snprintf(r.last_poll.message_id, sizeof r.last_poll.message_id, "unchanged");
    snprintf(r.last_poll.message, sizeof r.last_poll.message, "Nothing new");
    r.last_frame_unix = 1777627799;
    r.display_awake = true;
    r.screenshot = (StatusScreenshot){.on = true, .at_unix = 1777627200, .width = 640, .height = 360,
                                      .skipped_unix = 1777627500};
    snprintf(r.screenshot.skipped_why, sizeof r.screenshot.skipped_why, "staff panel");
    r.board = (StatusBoard){.has_temperature = true, .temperature_millicelsius = 48312, .has_throttled = true,
                            .throttled = 0x50005};
    r.clock = (StatusClock){.source = CLOCK_TRUST_STAFF, .offset_s = -95};
    return r;
}

static void test_full_report_json(void **state)
{
    (void)state;
    StatusReport r = full_report();
    char out[STATUS_JSON_MAX];
    size_t length = 0;
    assert_true(status_format(&r, out, sizeof out, &length));
    const char *expected =
        "{\"schema\":1,\"kiosk_id\":\"hall-a-left\",\"kiosk_id_from\":\"config\",\"package_version\":\"0.1.0\","
        "\"written_at\":\"2026-05-01T09:30:00Z\",\"uptime_seconds\":3600,\"system_uptime_seconds\":3700,"
        "\"pack\":{\"version\":7,\"title\":\"Пример \\\"сајма\\\"\",\"from\":\"installed\",\"pending\":true,\"taken_at_kiosk\":false,"
        "\"base_version\":null},"
        "\"display\":{\"power\":\"off\",\"method\":\"cec\",\"worked\":true,\"screen_off\":\"auto\"},"
        "\"frames_last_minute\":42,\"last_touch\":\"2026-05-01T09:29:50Z\","
        "\"last_update\":{\"source\":\"/media/STICK \\\\ 1/facts-kiosk\",\"at\":\"2026-05-01T09:28:20Z\","
        "\"result\":\"ok\",\"message_id\":\"installed\",\"message\":\"Content updated:\\nversion 7\","
        "\"step\":\"done\",\"pack_version\":7},"
        "\"last_poll\":{\"at\":\"2026-05-01T09:29:40Z\",\"result\":\"unchanged\",\"message_id\":\"unchanged\","
        "\"message\":\"Nothing new\"},\"last_frame\":\"2026-05-01T09:29:59Z\",\"display_awake\":true,"
        "\"screenshot\":{\"at\":\"2026-05-01T09:20:00Z\",\"width\":640,\"height\":360,"
        "\"skipped_at\":\"2026-05-01T09:25:00Z\",\"skipped\":\"staff panel\"},"
        "\"board\":{\"temperature_millicelsius\":48312,\"throttled\":327685},"
        "\"clock\":{\"trusted\":true,\"source\":\"staff\",\"offset_seconds\":-95,"
        "\"why\":\"confirmed by staff in the staff panel today\"}}\n";
    assert_string_equal(out, expected);
    assert_int_equal(length, strlen(expected));
    assert_true(utf8_valid(out, length, NULL));
    /* Too small a buffer: refused, not cut. */
    assert_false(status_format(&r, out, length, &length));
    assert_int_equal(length, 0);
}

static void test_nothing_yet_is_null(void **state)
{
    (void)state;
    StatusReport r;
    memset(&r, 0, sizeof r);
    snprintf(r.kiosk_id, sizeof r.kiosk_id, "unknown");
    char out[STATUS_JSON_MAX];
    assert_true(status_format(&r, out, sizeof out, NULL));
    assert_string_equal(out, "{\"schema\":1,\"kiosk_id\":\"unknown\",\"kiosk_id_from\":\"unknown\",\"package_version\":\"\","
                             "\"written_at\":null,\"uptime_seconds\":0,\"system_uptime_seconds\":0,\"pack\":null,"
                             "\"display\":{\"power\":\"on\",\"method\":null,\"worked\":null,\"screen_off\":\"auto\"},"
                             "\"frames_last_minute\":0,\"last_touch\":null,\"last_update\":null,\"last_poll\":null,"
                             "\"last_frame\":null,\"display_awake\":false,\"screenshot\":null,"
                             "\"board\":{\"temperature_millicelsius\":null,\"throttled\":null},"
                             "\"clock\":{\"trusted\":false,\"source\":\"none\",\"offset_seconds\":0,"
                             "\"why\":\"clock not confirmed: not synchronised by systemd-timesyncd; confirm it in the "
                             "staff panel (events show their agenda without \\\"now\\\" until then)\"}}\n");
    r.screenshot.on = true; /* on, nothing taken or skipped yet */
    assert_true(status_format(&r, out, sizeof out, NULL));
    assert_non_null(strstr(out, "\"screenshot\":{\"at\":null,\"width\":0,\"height\":0,\"skipped_at\":null,"
                                "\"skipped\":null}"));
}

/* A pack taken at the kiosk: from "kiosk", and its version given as the base. */
static void test_pack_taken_at_the_kiosk(void **state)
{
    (void)state;
    StatusReport r;
    memset(&r, 0, sizeof r);
    r.pack = (StatusPack){.from = STATUS_PACK_KIOSK, .version = 5, .pending = true};
    char out[STATUS_JSON_MAX];
    assert_true(status_format(&r, out, sizeof out, NULL));
    assert_non_null(strstr(out, "\"pack\":{\"version\":5,\"title\":\"\",\"from\":\"kiosk\",\"pending\":true,"
                                "\"taken_at_kiosk\":true,\"base_version\":5}"));
}

/* Every field at its longest, every byte of it needing an escape: it still fits. */
static void test_longest_report_fits(void **state)
{
    (void)state;
    StatusReport r;
    memset(&r, 0, sizeof r);
    memset(r.kiosk_id, '"', sizeof r.kiosk_id - 1);
    memset(r.pack.title, '\x01', sizeof r.pack.title - 1);
    r.pack.from = STATUS_PACK_FILE;
    r.last_update.attempted = true;
    memset(r.last_update.source, '\x02', sizeof r.last_update.source - 1);
    memset(r.last_update.message, '\x03', sizeof r.last_update.message - 1);
    memset(r.last_update.result, '\x04', sizeof r.last_update.result - 1);
    memset(r.last_update.message_id, '\x05', sizeof r.last_update.message_id - 1);
    memset(r.last_update.step, '\x06', sizeof r.last_update.step - 1);
    r.last_poll.polled = true;
    memset(r.last_poll.result, '\x07', sizeof r.last_poll.result - 1);
    memset(r.last_poll.message_id, '\x08', sizeof r.last_poll.message_id - 1);
    memset(r.last_poll.message, '\x0b', sizeof r.last_poll.message - 1);
    r.screenshot = (StatusScreenshot){.on = true, .skipped_unix = 1};
    memset(r.screenshot.skipped_why, '\x0c', sizeof r.screenshot.skipped_why - 1);
    static char out[STATUS_JSON_MAX];
    assert_true(status_format(&r, out, sizeof out, NULL));
    /* And the Prometheus figures: the id is the only text in them. */
    static char metrics[STATUS_METRICS_MAX];
    r.last_update.attempted = false;
    r.last_poll.polled = false;
    assert_true(status_format_metrics(&r, metrics, sizeof metrics, NULL));
}

/* A refusal stays in last_update through quiet polls; polls go to last_poll; only a change is
 * worth sending at once. */
static void test_attempts_keep_what_matters(void **state)
{
    (void)state;
    StatusReport r;
    memset(&r, 0, sizeof r);
    UpdateResult refused = {.outcome = UPDATE_REFUSED, .step = UPDATE_STEP_VERIFY, .message = UPDATE_MSG_SIG_BAD,
                            .source = UPDATE_SOURCE_STICK};
    assert_true(status_note_attempt(&r, "/media/s/facts-kiosk", &refused, 100));
    assert_false(r.last_poll.polled);
    UpdateResult unchanged = {.outcome = UPDATE_UNCHANGED, .message = UPDATE_MSG_UNCHANGED, .source = UPDATE_SOURCE_URL,
                              .quiet = true};
    assert_true(status_note_attempt(&r, "https://example.org/facts/", &unchanged, 200)); /* the first poll */
    for (int i = 0; i < 9; i++) {
        assert_false(status_note_attempt(&r, "https://example.org/facts/", &unchanged, 300 + i));
    }
    assert_string_equal(r.last_update.result, "refused");
    assert_string_equal(r.last_update.message_id, "sig-bad");
    assert_int_equal(r.last_update.at_unix, 100);
    assert_string_equal(r.last_poll.result, "unchanged");
    assert_int_equal(r.last_poll.at_unix, 308);

    /* The server away (quiet): a new poll result, sent once; the refusal stays. */
    UpdateResult away = {.outcome = UPDATE_FAILED, .message = UPDATE_MSG_UNREACHABLE, .source = UPDATE_SOURCE_URL,
                         .quiet = true};
    assert_true(status_note_attempt(&r, "https://example.org/facts/", &away, 400));
    assert_false(status_note_attempt(&r, "https://example.org/facts/", &away, 410));
    assert_string_equal(r.last_poll.result, "failed");
    assert_string_equal(r.last_poll.message_id, "unreachable");
    assert_string_equal(r.last_update.message_id, "sig-bad");

    /* A stick that failed (pulled out) is kept: someone did something. */
    UpdateResult pulled = {.outcome = UPDATE_FAILED, .message = UPDATE_MSG_READ_ERROR, .source = UPDATE_SOURCE_STICK};
    assert_true(status_note_attempt(&r, "/media/s/facts-kiosk", &pulled, 500));
    assert_string_equal(r.last_update.result, "failed");

    /* A pack refused at the URL: in both. */
    UpdateResult older = {.outcome = UPDATE_REFUSED, .message = UPDATE_MSG_OLDER_VERSION, .source = UPDATE_SOURCE_URL};
    assert_true(status_note_attempt(&r, "https://example.org/facts/", &older, 600));
    assert_string_equal(r.last_update.message_id, "older-version");
    assert_string_equal(r.last_poll.message_id, "older-version");
}

static void test_metrics_text(void **state)
{
    (void)state;
    StatusReport r = full_report();
    snprintf(r.kiosk_id, sizeof r.kiosk_id, "hall \"a\"\\left\n");
    r.board.temperature_millicelsius = -1500;
    char out[STATUS_METRICS_MAX];
    size_t length = 0;
    assert_true(status_format_metrics(&r, out, sizeof out, &length));
    assert_int_equal(length, strlen(out));
    const char *expected =
        "# HELP facts_kiosk_info The kiosk's id and the version of its package (always 1).\n"
        "# TYPE facts_kiosk_info gauge\n"
        "facts_kiosk_info{kiosk_id=\"hall \\\"a\\\"\\\\left\\n\",package_version=\"0.1.0\"} 1\n";
    assert_memory_equal(out, expected, strlen(expected));
    static const char *const LINES[] = {
        "\nfacts_kiosk_written_timestamp_seconds 1777627800\n",
        "\nfacts_kiosk_uptime_seconds 3600\n",
        "\nfacts_kiosk_pack_version 7\n",
        "\n# TYPE facts_kiosk_last_frame_timestamp_seconds gauge\nfacts_kiosk_last_frame_timestamp_seconds 1777627799\n",
        "\nfacts_kiosk_frames_last_minute 42\n",
        "\nfacts_kiosk_display_awake 1\n",
        "\nfacts_kiosk_display_power{method=\"cec\",worked=\"1\"} 0\n",
        "\nfacts_kiosk_last_update_timestamp_seconds 1777627700\n",
        "\nfacts_kiosk_last_update_result{result=\"ok\"} 1\n",
        "\nfacts_kiosk_last_poll_timestamp_seconds 1777627780\n",
        "\nfacts_kiosk_last_poll_result{result=\"unchanged\"} 1\n",
        "\nfacts_kiosk_screenshot_timestamp_seconds 1777627200\n",
        "\nfacts_kiosk_clock_trusted 1\n",
        "\nfacts_kiosk_board_temperature_celsius -1.500\n",
        "\nfacts_kiosk_throttled{flag=\"under_voltage\",when=\"now\"} 1\n",
        "\nfacts_kiosk_throttled{flag=\"under_voltage\",when=\"since_boot\"} 1\n",
        "\nfacts_kiosk_throttled{flag=\"frequency_capped\",when=\"now\"} 0\n",
        "\nfacts_kiosk_throttled{flag=\"throttled\",when=\"now\"} 1\n",
        "\nfacts_kiosk_throttled{flag=\"throttled\",when=\"since_boot\"} 1\n",
        "\nfacts_kiosk_throttled{flag=\"soft_temperature_limit\",when=\"since_boot\"} 0\n",
    };
    for (size_t i = 0; i < sizeof LINES / sizeof LINES[0]; i++) {
        if (!strstr(out, LINES[i])) {
            fail_msg("missing: %s\nin:\n%s", LINES[i], out);
        }
    }
    /* e2e_screen.sh has promtool check this very text. */
    const char *sample = getenv("FACTS_METRICS_SAMPLE");
    if (sample && sample[0]) {
        FILE *file = fopen(sample, "w");
        assert_non_null(file);
        assert_int_equal(fwrite(out, 1, length, file), length);
        assert_int_equal(fclose(file), 0);
    }
    /* Nothing known: those figures are left out, not written as 0. */
    StatusReport none;
    memset(&none, 0, sizeof none);
    assert_true(status_format_metrics(&none, out, sizeof out, NULL));
    assert_null(strstr(out, "facts_kiosk_pack_version"));
    assert_null(strstr(out, "facts_kiosk_last_frame_timestamp_seconds"));
    assert_null(strstr(out, "facts_kiosk_last_update"));
    assert_null(strstr(out, "facts_kiosk_board_temperature_celsius"));
    assert_null(strstr(out, "facts_kiosk_throttled"));
    assert_non_null(strstr(out, "\nfacts_kiosk_display_awake 0\n"));
    assert_non_null(strstr(out, "\nfacts_kiosk_clock_trusted 0\n"));
    /* Too small a buffer: refused. */
    assert_false(status_format_metrics(&r, out, 100, &length));
}

static void test_pack_from_a_real_pack(void **state)
{
    (void)state;
    char *dir = fixture_tempdir();
    fixture_sources(dir);
    char *pack = fixture_build_pack(dir);
    fixture_sql(pack, "UPDATE pack SET version = 12, title_en = 'Example Brand Fair', title_sr_cyrl = 'Пример'");
    Content *content = NULL;
    ContentReport report = {0};
    assert_int_equal(content_load(pack, &report, &content), CONTENT_OK);
    StatusPack shown;
    status_note_pack(&shown, content, STATUS_PACK_BUNDLED, false);
    assert_int_equal(shown.from, STATUS_PACK_BUNDLED);
    assert_int_equal(shown.version, 12);
    assert_string_equal(shown.title, "Example Brand Fair");
    assert_false(shown.pending);
    content_unload(content);

    /* Cyrillic passes through as it is. */
    fixture_sql(pack, "UPDATE pack SET title_en = 'Пример «Example Brand»'");
    assert_int_equal(content_load(pack, &report, &content), CONTENT_OK);
    status_note_pack(&shown, content, STATUS_PACK_INSTALLED, true);
    assert_string_equal(shown.title, "Пример «Example Brand»");
    assert_int_equal(shown.from, STATUS_PACK_INSTALLED);
    assert_true(shown.pending);
    content_unload(content);

    status_note_pack(&shown, NULL, STATUS_PACK_INSTALLED, true);
    assert_int_equal(shown.from, STATUS_PACK_NONE);
    free(pack);
    fixture_remove_tree(dir);
}

static void test_update_result_into_fields(void **state)
{
    (void)state;
    UpdateResult result = {.outcome = UPDATE_REFUSED, .step = UPDATE_STEP_CHECK, .message = UPDATE_MSG_OLDER_VERSION,
                           .pack_version = 4, .installed_version = 7};
    StatusUpdate update;
    status_note_update(&update, "https://example.org/facts/", &result, 1777627800);
    assert_true(update.attempted);
    assert_string_equal(update.source, "https://example.org/facts/");
    assert_int_equal(update.at_unix, 1777627800);
    assert_string_equal(update.result, "refused");
    assert_string_equal(update.message_id, "older-version");
    assert_string_equal(update.message, "Not installed: version 4 is older than the installed version 7");
    assert_string_equal(update.step, "check");
    assert_int_equal(update.pack_version, 4);

    UpdateResult ok = {.outcome = UPDATE_OK, .step = UPDATE_STEP_DONE, .message = UPDATE_MSG_INSTALLED, .pack_version = 8};
    status_note_update(&update, "/media/s/facts-kiosk", &ok, 1);
    assert_string_equal(update.result, "ok");
    assert_string_equal(update.message_id, "installed");
    assert_string_equal(update.step, "done");
}

static void test_frames_last_minute(void **state)
{
    (void)state;
    StatusFrames f;
    memset(&f, 0, sizeof f);
    const uint64_t T = 1000000; /* the monotonic clock at start, in ms */
    /* Younger than a minute: every frame counts. */
    status_frames_note(&f, T, 0);
    status_frames_note(&f, T + 500, 30);
    assert_int_equal(status_frames_last_minute(&f, T + 500, 30), 30);
    /* 10 frames a second for 100 s, sampled many times a second. */
    for (uint64_t ms = 1000; ms <= 100000; ms += 100) {
        status_frames_note(&f, T + ms, 30 + ms / 100);
    }
    uint64_t total = 30 + 100000 / 100;
    uint64_t last = status_frames_last_minute(&f, T + 100000, total);
    assert_true(last >= 590 && last <= 610); /* to within a second */
    /* Then idle for 30 s without a sample (the loop sleeps): half a minute's frames. */
    last = status_frames_last_minute(&f, T + 130000, total);
    assert_true(last >= 290 && last <= 310);
    /* And after more than a minute idle: none. */
    assert_int_equal(status_frames_last_minute(&f, T + 161000, total), 0);
    /* A slot per second is kept even past the ring's size. */
    for (uint64_t s = 0; s < 3 * STATUS_FRAME_SLOTS; s++) {
        status_frames_note(&f, T + 200000 + s * 1000, total + s);
    }
    uint64_t now_s = 3 * STATUS_FRAME_SLOTS - 1;
    last = status_frames_last_minute(&f, T + 200000 + now_s * 1000, total + now_s);
    assert_int_equal(last, STATUS_MINUTE_S);
}

static void write_text(const char *path, const char *text)
{
    FILE *file = fopen(path, "w");
    assert_non_null(file);
    fputs(text, file);
    fclose(file);
}

static void test_kiosk_id(void **state)
{
    (void)state;
    char *dir = fixture_tempdir();
    char *path = fixture_path(dir, "machine-id");
    char id[STATUS_ID_MAX];
    char other[STATUS_ID_MAX];

    assert_int_equal(status_kiosk_id("hall-a-left", path, id, sizeof id), STATUS_ID_CONFIG);
    assert_string_equal(id, "hall-a-left");

    assert_int_equal(status_kiosk_id("", path, id, sizeof id), STATUS_ID_UNKNOWN); /* no file */
    assert_string_equal(id, "unknown");
    write_text(path, "uninitialized\n");
    assert_int_equal(status_kiosk_id(NULL, path, id, sizeof id), STATUS_ID_UNKNOWN);
    write_text(path, "");
    assert_int_equal(status_kiosk_id(NULL, path, id, sizeof id), STATUS_ID_UNKNOWN);

    write_text(path, "3d1219c7c4c5404aaa1f6d2a48adfda4\n");
    assert_int_equal(status_kiosk_id("", path, id, sizeof id), STATUS_ID_MACHINE);
    assert_int_equal(strlen(id), 32);
    assert_string_not_equal(id, "3d1219c7c4c5404aaa1f6d2a48adfda4");
    assert_int_equal(id[12], '4'); /* a version 4 UUID, as systemd makes it */
    assert_non_null(strchr("89ab", id[16]));
    assert_int_equal(status_kiosk_id("", path, other, sizeof other), STATUS_ID_MACHINE);
    assert_string_equal(id, other); /* stable */
    write_text(path, "3d1219c7c4c5404aaa1f6d2a48adfda5\n");
    assert_int_equal(status_kiosk_id("", path, other, sizeof other), STATUS_ID_MACHINE);
    assert_string_not_equal(id, other);

    /* The same id as systemd's own derivation, on this machine's real machine id. */
    if (access("/usr/bin/systemd-id128", X_OK) == 0 && access(STATUS_MACHINE_ID_PATH, R_OK) == 0) {
        FILE *systemd = popen("/usr/bin/systemd-id128 machine-id --app-specific=" STATUS_APP_ID, "r");
        char line[128] = "";
        assert_non_null(systemd);
        assert_non_null(fgets(line, sizeof line, systemd));
        pclose(systemd);
        line[strcspn(line, "\n")] = '\0';
        assert_int_equal(status_kiosk_id("", STATUS_MACHINE_ID_PATH, id, sizeof id), STATUS_ID_MACHINE);
        assert_string_equal(id, line);
    } else {
        fprintf(stderr, "# systemd-id128 or %s missing: not compared with systemd\n", STATUS_MACHINE_ID_PATH);
    }
    free(path);
    fixture_remove_tree(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_report_json),
        cmocka_unit_test(test_nothing_yet_is_null),
        cmocka_unit_test(test_pack_taken_at_the_kiosk),
        cmocka_unit_test(test_longest_report_fits),
        cmocka_unit_test(test_attempts_keep_what_matters),
        cmocka_unit_test(test_metrics_text),
        cmocka_unit_test(test_pack_from_a_real_pack),
        cmocka_unit_test(test_update_result_into_fields),
        cmocka_unit_test(test_frames_last_minute),
        cmocka_unit_test(test_kiosk_id),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
