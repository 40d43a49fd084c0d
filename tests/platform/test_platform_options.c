/* Settings: defaults, every config key good and bad, unknown keys,
 * repeatable keys, command line over file, bad command lines, --help, the
 * generated default config (round trip and the committed packaging copy), and
 * config files that must be refused at once (huge, a directory, a FIFO). */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "platform/options.h"
#include "sink.h"

enum { TEXT_MAX = 1 << 16 };

/* Parses config text (named "test.conf" in messages) over options. */
static int read_text(Options *options, const char *text, Collected *collected)
{
    char *copy = strdup(text);
    assert_non_null(copy);
    FILE *file = fmemopen(copy, strlen(copy), "r");
    assert_non_null(file);
    int problems = options_read_config(options, file, "test.conf", collecting_sink(collected));
    fclose(file);
    free(copy);
    return problems;
}

static void assert_collected(const Collected *c, int index, const char *expected)
{
    if (c->count <= index || strcmp(c->messages[index], expected) != 0) {
        fprintf(stderr, "expected message %d: %s\n", index, expected);
        dump_collected(c);
        fail();
    }
}

static void assert_no_messages(const Collected *c)
{
    if (c->count != 0) {
        dump_collected(c);
        fail();
    }
}

static void test_defaults(void **state)
{
    (void)state;
    Options o;
    options_set_defaults(&o);
    assert_int_equal(o.profile, OPTIONS_PROFILE_BOOTH);
    assert_int_equal(o.lang, LANG_EN);
    assert_int_equal(o.slide_seconds, 8);
    assert_int_equal(o.idle_seconds, 45);
    assert_int_equal(o.transition_ms, 600);
    assert_int_equal(o.lang_rotation_cycles, 2);
    assert_true(o.speech);
    assert_true(o.staff_import);
    assert_int_equal(o.windowed.width, 0);
    assert_int_equal(o.windowed.height, 0);
    assert_int_equal(o.rotation, 0);
    assert_int_equal(o.renderer, OPTIONS_RENDERER_AUTO);
    assert_string_equal(o.db, "");
    assert_int_equal(o.mount_roots.count, 3);
    assert_string_equal(o.mount_roots.paths[0], "/media");
    assert_string_equal(o.mount_roots.paths[1], "/run/media");
    assert_string_equal(o.mount_roots.paths[2], "/mnt");
    assert_int_equal(o.trusted_keys.count, 1);
    assert_string_equal(o.trusted_keys.paths[0], "/etc/facts-kiosk/keys.d");
    assert_string_equal(o.state_dir, "/var/lib/facts-kiosk");
    assert_int_equal(o.size_cap_mib, 512);
    assert_int_equal(o.confirm_seconds, 120);
    assert_string_equal(o.kiosk_id, "");
    assert_string_equal(o.report_url, "");
    assert_int_equal(o.report_minutes, 5);
    assert_int_equal(o.status_seconds, 60);
    assert_int_equal(o.screenshot_minutes, 10);
    assert_string_equal(o.prometheus_file, "/run/facts-kiosk/facts-kiosk.prom");
    assert_string_equal(o.update_url, "");
    assert_int_equal(o.url_poll_seconds, 300);
    assert_string_equal(o.ca_file, "");
    assert_string_equal(o.leads_public_key, "");
    assert_int_equal(o.log_level, LOG_INFO);
    assert_false(o.stats);
    assert_string_equal(o.screenshots, "");
    assert_int_equal(o.size.width, 0);
    for (int d = 0; d < SCHEDULE_WEEKDAYS; d++) {
        assert_string_equal(o.hours[d], "");
    }
    assert_string_equal(o.closed_dates, "");
    assert_string_equal(o.open_dates, "");
    assert_int_equal(o.wake_minutes, 5);
    assert_int_equal(o.screen_off, OPTIONS_SCREEN_OFF_AUTO);
    assert_string_equal(o.cec_device, "/dev/cec0");
    assert_string_equal(o.fake_clock, "");
    assert_int_equal(o.fake_clock_speed, 1);
    assert_string_equal(o.config_path, "");
}

static const char GOOD_CONFIG[] =
    "[kiosk]\n"
    "profile = lobby\n"
    "lang = sr-Cyrl\n"
    "slide_seconds = 12\n"
    "idle_seconds = 90\n"
    "transition_ms = 250\n"
    "lang_rotation_cycles = 3\n"
    "speech = false\n"
    "kiosk_id = hall-a-left\n"
    "[display]\n"
    "windowed = 1280x720\n"
    "rotation = 270\n"
    "renderer = opengles2\n"
    "[schedule]\n"
    "monday = 09:00-12:00, 13:00-18:00\n"
    "tuesday = closed\n"
    "wednesday = open\n"
    "thursday = 10:00-20:00\n"
    "friday = 20:00-02:00\n"
    "saturday = 11:00-15:00\n"
    "sunday = 00:00-24:00\n"
    "closed_dates = 2026-12-24, 2026-12-31\n"
    "open_dates = 2026-12-07..2026-12-10\n"
    "wake_minutes = 3\n"
    "screen_off = cec\n"
    "cec_device = /dev/cec1\n"
    "[content]\n"
    "db = /srv/packs/facts.db\n"
    "[update]\n"
    "mount_root = /media/usb\n"
    "trusted_key = /etc/facts-kiosk/keys.d/office.pub\n"
    "state_dir = /data/facts\n"
    "size_cap_mib = 64\n"
    "confirm_seconds = 30\n"
    "report_url = https://example.org/kiosks/status\n"
    "report_minutes = 15\n"
    "url = https://example.org/facts/\n"
    "url_poll_seconds = 60\n"
    "ca_file = /etc/facts-kiosk/example-ca.pem\n"
    "[status]\n"
    "screenshot_minutes = 0\n"
    "prometheus_file = /var/lib/prometheus/node-exporter/facts-kiosk.prom\n"
    "[leads]\n"
    "public_key = /etc/facts-kiosk/leads.pub\n"
    "[log]\n"
    "log_level = debug\n"
    "stats = yes\n"
    "[staff]\n"
    "pin_hash = $argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA\n"
    "import = false\n";

static void test_every_key_good_value(void **state)
{
    (void)state;
    Options o;
    Collected c;
    options_set_defaults(&o);
    assert_int_equal(read_text(&o, GOOD_CONFIG, &c), 0);
    assert_no_messages(&c);
    assert_int_equal(o.profile, OPTIONS_PROFILE_LOBBY);
    assert_int_equal(o.lang, LANG_SR_CYRL);
    assert_int_equal(o.slide_seconds, 12);
    assert_int_equal(o.idle_seconds, 90);
    assert_int_equal(o.transition_ms, 250);
    assert_int_equal(o.lang_rotation_cycles, 3);
    assert_false(o.speech);
    assert_int_equal(o.windowed.width, 1280);
    assert_int_equal(o.windowed.height, 720);
    assert_int_equal(o.rotation, 270);
    assert_int_equal(o.renderer, OPTIONS_RENDERER_OPENGLES2);
    assert_string_equal(o.db, "/srv/packs/facts.db");
    assert_int_equal(o.mount_roots.count, 1);
    assert_string_equal(o.mount_roots.paths[0], "/media/usb");
    assert_int_equal(o.trusted_keys.count, 1);
    assert_string_equal(o.trusted_keys.paths[0], "/etc/facts-kiosk/keys.d/office.pub");
    assert_string_equal(o.state_dir, "/data/facts");
    assert_int_equal(o.size_cap_mib, 64);
    assert_int_equal(o.confirm_seconds, 30);
    assert_string_equal(o.kiosk_id, "hall-a-left");
    assert_string_equal(o.pin_hash, "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA");
    assert_false(o.staff_import);
    assert_string_equal(o.report_url, "https://example.org/kiosks/status");
    assert_int_equal(o.report_minutes, 15);
    assert_string_equal(o.update_url, "https://example.org/facts/");
    assert_int_equal(o.url_poll_seconds, 60);
    assert_string_equal(o.ca_file, "/etc/facts-kiosk/example-ca.pem");
    assert_int_equal(o.screenshot_minutes, 0);
    assert_string_equal(o.prometheus_file, "/var/lib/prometheus/node-exporter/facts-kiosk.prom");
    assert_string_equal(o.leads_public_key, "/etc/facts-kiosk/leads.pub");
    assert_int_equal(o.log_level, LOG_DEBUG);
    assert_true(o.stats);
    assert_string_equal(o.hours[SCHEDULE_MONDAY], "09:00-12:00, 13:00-18:00");
    assert_string_equal(o.hours[SCHEDULE_TUESDAY], "closed");
    assert_string_equal(o.hours[SCHEDULE_WEDNESDAY], "open");
    assert_string_equal(o.hours[SCHEDULE_THURSDAY], "10:00-20:00");
    assert_string_equal(o.hours[SCHEDULE_FRIDAY], "20:00-02:00");
    assert_string_equal(o.hours[SCHEDULE_SATURDAY], "11:00-15:00");
    assert_string_equal(o.hours[SCHEDULE_SUNDAY], "00:00-24:00");
    assert_string_equal(o.closed_dates, "2026-12-24, 2026-12-31");
    assert_string_equal(o.open_dates, "2026-12-07..2026-12-10");
    assert_int_equal(o.wake_minutes, 3);
    assert_int_equal(o.screen_off, OPTIONS_SCREEN_OFF_CEC);
    assert_string_equal(o.cec_device, "/dev/cec1");

    /* A new config-file setting must be added to GOOD_CONFIG and checked above. */
    size_t count = 0;
    const OptionSpec *table = options_table(&count);
    for (size_t i = 0; i < count; i++) {
        char key[80];
        snprintf(key, sizeof key, "\n%s = ", table[i].name);
        if (table[i].section != NULL && strstr(GOOD_CONFIG, key) == NULL) {
            fail_msg("GOOD_CONFIG does not set %s", table[i].name);
        }
    }
}

static void test_other_spellings(void **state)
{
    (void)state;
    Options o;
    Collected c;
    options_set_defaults(&o);
    read_text(&o, "profile = LOBBY\nlang = sr_latn\nlog_level = WARN\nstats = off\n"
                  "windowed = 1920X1080\nrotation = 90\nrenderer = Software\n", &c);
    assert_no_messages(&c);
    assert_int_equal(o.profile, OPTIONS_PROFILE_LOBBY);
    assert_int_equal(o.lang, LANG_SR_LATN);
    assert_int_equal(o.log_level, LOG_WARN);
    assert_false(o.stats);
    assert_int_equal(o.windowed.width, 1920);
    assert_int_equal(o.windowed.height, 1080);
    assert_int_equal(o.rotation, 90);
    assert_int_equal(o.renderer, OPTIONS_RENDERER_SOFTWARE);
}

/* The update URL is [update] url in the file and --update-url on the command line. */
static void test_update_url_spellings(void **state)
{
    (void)state;
    Options o;
    Collected c;
    char *argv[] = {"k", "--update-url", "https://example.org/facts/", "--url-poll-seconds=10", "--ca-file",
                    "/etc/facts-kiosk/ca.pem", NULL};
    options_set_defaults(&o);
    assert_int_equal(options_parse_args(&o, 6, argv, collecting_sink(&c)), OPTIONS_RUN);
    assert_no_messages(&c);
    assert_string_equal(o.update_url, "https://example.org/facts/");
    assert_int_equal(o.url_poll_seconds, 10);
    assert_string_equal(o.ca_file, "/etc/facts-kiosk/ca.pem");

    char *too_often[] = {"k", "--url-poll-seconds", "9", NULL};
    assert_int_equal(options_parse_args(&o, 3, too_often, collecting_sink(&c)), OPTIONS_USAGE_ERROR);

    options_set_defaults(&o);
    assert_int_equal(read_text(&o, "[update]\nupdate_url = https://example.org/\n", &c), 1);
    assert_collected(&c, 0, "test.conf:2: unknown key \"update_url\" in [update]; ignored");
    assert_string_equal(o.update_url, "");

    FILE *help = tmpfile();
    assert_non_null(help);
    options_write_help(help, "facts-kiosk");
    rewind(help);
    char text[TEXT_MAX] = {0};
    size_t len = fread(text, 1, sizeof text - 1, help);
    fclose(help);
    text[len] = '\0';
    assert_non_null(strstr(text, "\n  --update-url URL"));
    assert_non_null(strstr(text, "[update] url\n"));
}

/* The leads key is [leads] public_key in the file and --leads-key on the command line. */
static void test_leads_key_spellings(void **state)
{
    (void)state;
    Options o;
    Collected c;
    char *argv[] = {"k", "--leads-key", "/tmp/leads.pub", NULL};
    options_set_defaults(&o);
    assert_int_equal(options_parse_args(&o, 3, argv, collecting_sink(&c)), OPTIONS_RUN);
    assert_no_messages(&c);
    assert_string_equal(o.leads_public_key, "/tmp/leads.pub");

    options_set_defaults(&o);
    assert_int_equal(read_text(&o, "[update]\npublic_key = /tmp/leads.pub\n", &c), 1);
    assert_collected(&c, 0, "test.conf:2: key \"public_key\" belongs in [leads], not [update]; used anyway");
    assert_string_equal(o.leads_public_key, "/tmp/leads.pub");
}

typedef struct BadCase {
    const char *section;
    const char *key;
    const char *good; /* set first, so the test sees the default come back */
    const char *bad;
    const char *why;
} BadCase;

static const BadCase BAD_CASES[] = {
    {"kiosk", "profile", "lobby", "kiosk", "is not one of booth, lobby; using the default \"booth\""},
    {"kiosk", "lang", "sr-Latn", "de", "is not one of en, sr-Latn, sr-Cyrl; using the default \"en\""},
    {"kiosk", "slide_seconds", "12", "abc", "is not a number from 1 to 3600; using the default \"8\""},
    {"kiosk", "slide_seconds", "12", "0", "is not a number from 1 to 3600; using the default \"8\""},
    {"kiosk", "slide_seconds", "12", "3601", "is not a number from 1 to 3600; using the default \"8\""},
    {"kiosk", "slide_seconds", "12", "8s", "is not a number from 1 to 3600; using the default \"8\""},
    {"kiosk", "slide_seconds", "12", "99999999999999999999",
     "is not a number from 1 to 3600; using the default \"8\""},
    {"kiosk", "idle_seconds", "90", "4", "is not a number from 5 to 3600; using the default \"45\""},
    {"kiosk", "transition_ms", "100", "-1", "is not a number from 0 to 5000; using the default \"600\""},
    {"kiosk", "lang_rotation_cycles", "5", "x",
     "is not a number from 0 to 1000; using the default \"2\""},
    {"display", "windowed", "1280x720", "800",
     "is not a size WxH with sides from 64 to 16384 (or empty); using the default \"\""},
    {"display", "windowed", "1280x720", "10x10",
     "is not a size WxH with sides from 64 to 16384 (or empty); using the default \"\""},
    {"display", "windowed", "1280x720", "1280x",
     "is not a size WxH with sides from 64 to 16384 (or empty); using the default \"\""},
    {"display", "windowed", "1280x720", "-1280x720",
     "is not a size WxH with sides from 64 to 16384 (or empty); using the default \"\""},
    {"display", "rotation", "90", "45", "is not one of 0, 90, 180, 270; using the default \"0\""},
    {"display", "renderer", "software", "vulkan",
     "is not one of auto, software, opengles2; using the default \"auto\""},
    {"content", "db", "/x.db", "a\tb", "contains a control character; using the default \"\""},
    {"update", "state_dir", "/data", "", "is empty; using the default \"/var/lib/facts-kiosk\""},
    {"update", "size_cap_mib", "64", "0", "is not a number from 1 to 16384; using the default \"512\""},
    {"update", "confirm_seconds", "30", "4", "is not a number from 5 to 86400; using the default \"120\""},
    {"kiosk", "kiosk_id", "k1", "a\tb", "contains a control character; using the default \"\""},
    {"update", "report_url", "http://x/", "http://x/\x7f", "contains a control character; using the default \"\""},
    {"update", "report_minutes", "10", "0", "is not a number from 1 to 1440; using the default \"5\""},
    {"status", "screenshot_minutes", "0", "-1", "is not a number from 0 to 1440; using the default \"10\""},
    {"update", "url_poll_seconds", "60", "9", "is not a number from 10 to 86400; using the default \"300\""},
    {"log", "log_level", "debug", "verbose",
     "is not one of error, warn, info, debug; using the default \"info\""},
    {"log", "stats", "true", "maybe", "is not true or false; using the default \"false\""},
    {"kiosk", "speech", "false", "loud", "is not true or false; using the default \"true\""},
    {"schedule", "wake_minutes", "3", "0", "is not a number from 1 to 240; using the default \"5\""},
    {"schedule", "screen_off", "drm", "hdmi",
     "is not one of auto, cec, drm, x11, black; using the default \"auto\""},
};

/* A bad [schedule] value is kept as given, so the app turns the opening hours off (never the
 * screen), and the message says where, what is wrong, what is allowed and what follows. */
static void test_bad_schedule_value_turns_hours_off(void **state)
{
    (void)state;
    static const struct {
        const char *key;
        const char *bad;
        const char *says;
    } CASES[] = {
        {"monday", "9-18", "\"9-18\" does not start with a time HH:MM (00:00 to 24:00); allowed: open, closed, "
                           "or ranges such as 09:00-18:00 or 09:00-12:00, 13:00-18:00 (20:00-02:00 runs past midnight)"},
        {"sunday", "09:00-12:00, 13:00-1800", "\"13:00-1800\" does not end with a time HH:MM"},
        {"closed_dates", "2026-12-24, 24.12.2026", "\"24.12.2026\" is not a date YYYY-MM-DD that exists; allowed: "
                                                    "dates YYYY-MM-DD and spans YYYY-MM-DD..YYYY-MM-DD"},
        {"open_dates", "2026-12-10..2026-12-07", "\"2026-12-10..2026-12-07\" ends before it starts"},
    };
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        char text[512];
        char expected[1024];
        snprintf(text, sizeof text, "[schedule]\ntuesday = 10:00-11:00\n%s = %s\n", CASES[i].key, CASES[i].bad);
        snprintf(expected, sizeof expected, "test.conf:3: key \"%s\": \"%s\" is not valid: %s", CASES[i].key,
                 CASES[i].bad, CASES[i].says);
        Options o;
        Collected c;
        options_set_defaults(&o);
        assert_int_equal(read_text(&o, text, &c), 1);
        assert_int_equal(c.levels[0], LOG_WARN);
        if (strncmp(c.messages[0], expected, strlen(expected)) != 0 ||
            strstr(c.messages[0], "; the opening hours are off: the kiosk stays on at all hours") == NULL) {
            fail_msg("expected %s...\n     got %s", expected, c.messages[0]);
        }
        /* Kept, so that schedule_set() sees it too and the schedule stays off. */
        const char *kept = strcmp(CASES[i].key, "closed_dates") == 0 ? o.closed_dates
                           : strcmp(CASES[i].key, "open_dates") == 0 ? o.open_dates
                           : strcmp(CASES[i].key, "monday") == 0     ? o.hours[SCHEDULE_MONDAY]
                                                                     : o.hours[SCHEDULE_SUNDAY];
        assert_string_equal(kept, CASES[i].bad);
        const char *hours[SCHEDULE_WEEKDAYS] = {0};
        for (int d = 0; d < SCHEDULE_WEEKDAYS; d++) {
            hours[d] = o.hours[d];
        }
        Schedule schedule = {0};
        char why[512] = "";
        assert_false(schedule_set(&schedule, hours, o.closed_dates, o.open_dates, why, sizeof why));
        assert_false(schedule.active);
    }
}

static void test_every_bad_value_keeps_default(void **state)
{
    (void)state;
    Options defaults;
    options_set_defaults(&defaults);
    for (size_t i = 0; i < sizeof BAD_CASES / sizeof BAD_CASES[0]; i++) {
        const BadCase *b = &BAD_CASES[i];
        char text[512];
        char expected[512];
        snprintf(text, sizeof text, "[%s]\n%s = %s\n%s = %s\nslide_seconds_after = 1\n", b->section,
                 b->key, b->good, b->key, b->bad);
        snprintf(expected, sizeof expected, "test.conf:3: key \"%s\": \"%s\" %s", b->key, b->bad,
                 b->why);
        Options o;
        Collected c;
        options_set_defaults(&o);
        int problems = read_text(&o, text, &c);
        /* The bad line, then the unknown key after it: reading kept going. */
        assert_int_equal(problems, 2);
        assert_collected(&c, 0, expected);
        assert_int_equal(c.levels[0], LOG_WARN);
        assert_true(strncmp(c.messages[1], "test.conf:4: unknown key", 24) == 0);
        if (!options_equal(&o, &defaults)) {
            fail_msg("key %s = %s did not fall back to the default", b->key, b->bad);
        }
    }
}

static void test_bad_list_item_is_skipped(void **state)
{
    (void)state;
    Options o;
    Collected c;
    options_set_defaults(&o);
    read_text(&o, "[update]\nmount_root = /a\nmount_root = /b\tc\nmount_root = /d\n", &c);
    assert_int_equal(c.count, 1);
    assert_collected(&c, 0,
                     "test.conf:3: key \"mount_root\": \"/b\tc\" contains a control character; ignored");
    assert_int_equal(o.mount_roots.count, 2);
    assert_string_equal(o.mount_roots.paths[0], "/a");
    assert_string_equal(o.mount_roots.paths[1], "/d");
}

static void test_unknown_keys_and_bad_lines(void **state)
{
    (void)state;
    char long_line[400];
    memset(long_line, 'a', sizeof long_line);
    memcpy(long_line, "db = /", 6);
    long_line[sizeof long_line - 1] = '\0';
    char text[1024];
    snprintf(text, sizeof text,
             "; comment\n"
             "[kiosk]\n"
             "slide_secs = 5\n"                /* 3: unknown */
             "screenshots = /tmp/shots\n"      /* 4: command line only */
             "[display]\n"
             "idle_seconds = 60\n"             /* 6: wrong section, still used */
             "this line has no equals sign\n"  /* 7: malformed */
             "[broken\n"                       /* 8: malformed section */
             "%s\n"                            /* 9: too long */
             "[kiosk]\n"
             "slide_seconds = 20\n",           /* 11: still read */
             long_line);
    Options o;
    Collected c;
    options_set_defaults(&o);
    assert_int_equal(read_text(&o, text, &c), 6);
    assert_collected(&c, 0, "test.conf:3: unknown key \"slide_secs\" in [kiosk]; ignored");
    assert_collected(&c, 1,
                     "test.conf:4: key \"screenshots\" is accepted on the command line only; ignored");
    assert_collected(&c, 2,
                     "test.conf:6: key \"idle_seconds\" belongs in [kiosk], not [display]; used anyway");
    assert_collected(&c, 3, "test.conf:7: not a \"key = value\" line or a [section]; ignored");
    assert_collected(&c, 4, "test.conf:8: not a \"key = value\" line or a [section]; ignored");
    assert_true(strncmp(c.messages[5], "test.conf:9: line longer than", 29) == 0);
    assert_int_equal(o.idle_seconds, 60);
    assert_int_equal(o.slide_seconds, 20);
    assert_string_equal(o.screenshots, "");
    assert_string_equal(o.db, "");
}

static void test_repeatable_keys(void **state)
{
    (void)state;
    Options o;
    Collected c;
    options_set_defaults(&o);
    read_text(&o, "[update]\nmount_root = /media/a\nmount_root = /media/b\ntrusted_key =\n", &c);
    assert_no_messages(&c);
    assert_int_equal(o.mount_roots.count, 2);
    assert_string_equal(o.mount_roots.paths[0], "/media/a");
    assert_string_equal(o.mount_roots.paths[1], "/media/b");
    assert_int_equal(o.trusted_keys.count, 0); /* an empty value empties the list */

    char *argv[] = {"facts-kiosk", "--mount-root", "/x", "--mount-root=/y", NULL};
    assert_int_equal(options_parse_args(&o, 4, argv, collecting_sink(&c)), OPTIONS_RUN);
    assert_int_equal(o.mount_roots.count, 2);
    assert_string_equal(o.mount_roots.paths[0], "/x");
    assert_string_equal(o.mount_roots.paths[1], "/y");
    char *empty[] = {"facts-kiosk", "--trusted-key", "", NULL};
    options_set_defaults(&o);
    assert_int_equal(options_parse_args(&o, 3, empty, collecting_sink(&c)), OPTIONS_RUN);
    assert_int_equal(o.trusted_keys.count, 0);

    /* More than OPTIONS_LIST_MAX values: reported, the first ones kept. */
    char text[4096] = "[update]\n";
    for (int i = 0; i < OPTIONS_LIST_MAX + 1; i++) {
        char line[64];
        snprintf(line, sizeof line, "mount_root = /m%d\n", i);
        strcat(text, line);
    }
    options_set_defaults(&o);
    read_text(&o, text, &c);
    assert_int_equal(c.count, 1);
    assert_non_null(strstr(c.messages[0], "test.conf:18: key \"mount_root\": \"/m16\" is one value too many"));
    assert_int_equal(o.mount_roots.count, OPTIONS_LIST_MAX);
}

/* A new temporary directory under $TMPDIR (or /tmp) named prefix-XXXXXX, in dir. */
static void make_temp_dir(char *dir, size_t size, const char *prefix)
{
    const char *base = getenv("TMPDIR");
    snprintf(dir, size, "%s/%s-XXXXXX", base && base[0] ? base : "/tmp", prefix);
    assert_non_null(mkdtemp(dir));
}

/* Writes text to a new file in a temp dir; path receives its name. */
static void write_temp_file(char *path, size_t path_size, const char *text)
{
    char dir[128];
    make_temp_dir(dir, sizeof dir, "facts-options");
    snprintf(path, path_size, "%s/kiosk.conf", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void remove_temp_file(const char *path)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", path);
    unlink(path);
    *strrchr(dir, '/') = '\0';
    rmdir(dir);
}

static void test_command_line_overrides_file(void **state)
{
    (void)state;
    char path[1024];
    write_temp_file(path, sizeof path,
                    "[kiosk]\nprofile = lobby\nslide_seconds = 20\nidle_seconds = 99\n"
                    "[update]\nmount_root = /from/file\n[log]\nlog_level = warn\n");
    char *argv[] = {"facts-kiosk", "--slide-seconds", "5", "--config", path, "--mount_root",
                    "/from/cli", "--stats", "--lang=sr-Latn", NULL};
    Options o;
    Collected c;
    assert_int_equal(options_init(&o, 9, argv, "/nonexistent/kiosk.conf", collecting_sink(&c)),
                     OPTIONS_RUN);
    assert_no_messages(&c);
    assert_string_equal(o.config_path, path);
    assert_int_equal(o.slide_seconds, 5);              /* command line wins */
    assert_int_equal(o.idle_seconds, 99);              /* file */
    assert_int_equal(o.profile, OPTIONS_PROFILE_LOBBY); /* file */
    assert_int_equal(o.log_level, LOG_WARN);           /* file */
    assert_int_equal(o.mount_roots.count, 1);
    assert_string_equal(o.mount_roots.paths[0], "/from/cli");
    assert_true(o.stats);
    assert_int_equal(o.lang, LANG_SR_LATN);

    /* The same file as the default config, no --config. */
    char *plain[] = {"facts-kiosk", NULL};
    assert_int_equal(options_init(&o, 1, plain, path, collecting_sink(&c)), OPTIONS_RUN);
    assert_int_equal(o.slide_seconds, 20);
    assert_string_equal(o.config_path, path);
    remove_temp_file(path);
}

static void test_missing_default_config_is_silent(void **state)
{
    (void)state;
    char *argv[] = {"facts-kiosk", NULL};
    Options o;
    Options defaults;
    Collected c;
    options_set_defaults(&defaults);
    assert_int_equal(options_init(&o, 1, argv, "/nonexistent/kiosk.conf", collecting_sink(&c)),
                     OPTIONS_RUN);
    assert_no_messages(&c);
    assert_true(options_equal(&o, &defaults));
    assert_string_equal(o.config_path, "");
}

static void test_bad_file_value_still_runs(void **state)
{
    (void)state;
    char path[1024];
    write_temp_file(path, sizeof path, "[kiosk]\nslide_seconds = abc\n");
    char *argv[] = {"facts-kiosk", NULL};
    Options o;
    Collected c;
    assert_int_equal(options_init(&o, 1, argv, path, collecting_sink(&c)), OPTIONS_RUN);
    assert_int_equal(c.count, 1);
    char expected[1200];
    snprintf(expected, sizeof expected,
             "%s:2: key \"slide_seconds\": \"abc\" is not a number from 1 to 3600; using the default \"8\"",
             path);
    assert_collected(&c, 0, expected);
    assert_int_equal(o.slide_seconds, 8);
    remove_temp_file(path);
}

static void assert_message_has(const Collected *c, int index, const char *part)
{
    if (c->count <= index || strstr(c->messages[index], part) == NULL) {
        fprintf(stderr, "expected message %d to contain: %s\n", index, part);
        dump_collected(c);
        fail();
    }
}

/* A file of junk: only the first OPTIONS_CONFIG_WARNINGS_SHOWN problems are
 * reported, then one line with the rest's count; all are counted. */
static void test_warnings_are_capped(void **state)
{
    (void)state;
    enum { BAD_LINES = 1000 };
    static char text[BAD_LINES * 16];
    text[0] = '\0';
    for (int i = 0; i < BAD_LINES; i++) {
        strcat(text, "junk line\n");
    }
    strcat(text, "[kiosk]\nslide_seconds = 20\n");
    Options o;
    Collected c;
    options_set_defaults(&o);
    assert_int_equal(read_text(&o, text, &c), BAD_LINES);
    assert_int_equal(c.count, OPTIONS_CONFIG_WARNINGS_SHOWN + 1);
    assert_collected(&c, 0, "test.conf:1: not a \"key = value\" line or a [section]; ignored");
    char expected[128];
    snprintf(expected, sizeof expected, "test.conf: ... %d more problems not shown",
             BAD_LINES - OPTIONS_CONFIG_WARNINGS_SHOWN);
    assert_collected(&c, OPTIONS_CONFIG_WARNINGS_SHOWN, expected);
    assert_int_equal(o.slide_seconds, 20); /* the good lines after the junk still count */
}

/* A stream longer than OPTIONS_CONFIG_MAX_BYTES is not applied at all. */
static void test_long_stream_is_not_applied(void **state)
{
    (void)state;
    size_t size = (size_t)OPTIONS_CONFIG_MAX_BYTES + 2;
    char *text = malloc(size);
    assert_non_null(text);
    memset(text, '\n', size - 1);
    text[size - 1] = '\0';
    const char head[] = "[kiosk]\nprofile = lobby\n";
    memcpy(text, head, sizeof head - 1);
    Options o;
    Options defaults;
    Collected c;
    options_set_defaults(&o);
    options_set_defaults(&defaults);
    assert_int_equal(read_text(&o, text, &c), 1);
    assert_int_equal(c.count, 1);
    char expected[200];
    snprintf(expected, sizeof expected, "test.conf: longer than the %d bytes a config file may have; "
             "not read, using the defaults", OPTIONS_CONFIG_MAX_BYTES);
    assert_collected(&c, 0, expected);
    assert_true(options_equal(&o, &defaults));

    /* Exactly the cap is still read. */
    text[OPTIONS_CONFIG_MAX_BYTES] = '\0';
    assert_int_equal(read_text(&o, text, &c), 0);
    assert_no_messages(&c);
    assert_int_equal(o.profile, OPTIONS_PROFILE_LOBBY);
    free(text);
}

/* A 100 MiB config file (sparse: its head is a valid setting) is refused from
 * its size, before reading, with one message; the kiosk runs on defaults. */
static void test_huge_file_is_refused(void **state)
{
    (void)state;
    char path[1024];
    write_temp_file(path, sizeof path, "[kiosk]\nprofile = lobby\n");
    assert_int_equal(truncate(path, 100L * 1024 * 1024), 0);
    Options o;
    Options defaults;
    Collected c;
    options_set_defaults(&defaults);
    char *plain[] = {"facts-kiosk", NULL};
    char *given[] = {"facts-kiosk", "--config", path, NULL};
    char *const *argvs[] = {plain, given};
    for (int i = 0; i < 2; i++) {
        assert_int_equal(options_init(&o, i == 0 ? 1 : 3, argvs[i], path, collecting_sink(&c)),
                         OPTIONS_RUN);
        assert_int_equal(c.count, 1);
        assert_int_equal(c.levels[0], LOG_WARN);
        char expected[1200];
        snprintf(expected, sizeof expected,
                 "%s: 104857600 bytes, more than the %d a config file may have; not read, using "
                 "the defaults", path, OPTIONS_CONFIG_MAX_BYTES);
        assert_collected(&c, 0, expected);
        assert_true(options_equal(&o, &defaults));
        assert_string_equal(o.config_path, "");
    }
    remove_temp_file(path);
}

/* A directory as the config file: said so, defaults used (was "dir:0: read error"). */
static void test_directory_is_refused(void **state)
{
    (void)state;
    char dir[128];
    make_temp_dir(dir, sizeof dir, "facts-options-dir");
    Options o;
    Options defaults;
    Collected c;
    options_set_defaults(&defaults);
    char *given[] = {"facts-kiosk", "--config", dir, NULL};
    assert_int_equal(options_init(&o, 3, given, NULL, collecting_sink(&c)), OPTIONS_RUN);
    assert_int_equal(c.count, 1);
    char expected[256];
    snprintf(expected, sizeof expected,
             "%s: is a directory, not a config file; not read, using the defaults", dir);
    assert_collected(&c, 0, expected);
    assert_true(options_equal(&o, &defaults));
    char *plain[] = {"facts-kiosk", NULL};
    assert_int_equal(options_init(&o, 1, plain, dir, collecting_sink(&c)), OPTIONS_RUN);
    assert_int_equal(c.count, 1);
    assert_message_has(&c, 0, "is a directory");
    rmdir(dir);
}

/* A FIFO nobody writes to: refused at once, never waited on. The alarm ends
 * the test (as a failure) instead of hanging if the open or a read blocks. */
static void test_fifo_is_refused_without_blocking(void **state)
{
    (void)state;
    char dir[128];
    char fifo[256];
    make_temp_dir(dir, sizeof dir, "facts-options-fifo");
    snprintf(fifo, sizeof fifo, "%s/kiosk.conf", dir);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    Options o;
    Options defaults;
    Collected c;
    options_set_defaults(&defaults);
    char *given[] = {"facts-kiosk", "--config", fifo, NULL};
    char *plain[] = {"facts-kiosk", NULL};
    alarm(10);
    OptionsAction with_flag = options_init(&o, 3, given, NULL, collecting_sink(&c));
    alarm(0);
    assert_int_equal(with_flag, OPTIONS_RUN);
    assert_int_equal(c.count, 1);
    char expected[400];
    snprintf(expected, sizeof expected,
             "%s: is not a regular file (a FIFO), not a config file; not read, using the defaults", fifo);
    assert_collected(&c, 0, expected);
    assert_true(options_equal(&o, &defaults));
    alarm(10);
    OptionsAction as_default = options_init(&o, 1, plain, fifo, collecting_sink(&c));
    alarm(0);
    assert_int_equal(as_default, OPTIONS_RUN);
    assert_message_has(&c, 0, "is not a regular file");

    /* A device too (/dev/null is a character device). */
    assert_int_equal(options_init(&o, 1, plain, "/dev/null", collecting_sink(&c)), OPTIONS_RUN);
    assert_collected(&c, 0, "/dev/null: is not a regular file (a device), not a config file; "
                            "not read, using the defaults");
    unlink(fifo);
    rmdir(dir);
}

/* A symbolic link to a regular config file is followed on purpose. */
static void test_symlinked_file_is_read(void **state)
{
    (void)state;
    char path[1024];
    char link[1100];
    write_temp_file(path, sizeof path, "[kiosk]\nslide_seconds = 30\n");
    snprintf(link, sizeof link, "%s.link", path);
    assert_int_equal(symlink(path, link), 0);
    char *plain[] = {"facts-kiosk", NULL};
    Options o;
    Collected c;
    assert_int_equal(options_init(&o, 1, plain, link, collecting_sink(&c)), OPTIONS_RUN);
    assert_no_messages(&c);
    assert_int_equal(o.slide_seconds, 30);
    unlink(link);
    remove_temp_file(path);
}

typedef struct BadArgs {
    int argc;
    char *argv[4];
    const char *message;
} BadArgs;

static void test_bad_command_line(void **state)
{
    (void)state;
    const BadArgs cases[] = {
        {2, {"k", "--slide-seconds=abc"},
         "command line: --slide-seconds: \"abc\" is not a number from 1 to 3600"},
        {3, {"k", "--profile", "kiosk"}, "command line: --profile: \"kiosk\" is not one of booth, lobby"},
        {3, {"k", "--lang", "fr"}, "command line: --lang: \"fr\" is not one of en, sr-Latn, sr-Cyrl"},
        {3, {"k", "--windowed", "big"},
         "command line: --windowed: \"big\" is not a size WxH with sides from 64 to 16384 (or empty)"},
        {2, {"k", "--stats=perhaps"}, "command line: --stats: \"perhaps\" is not true or false"},
        {2, {"k", "--no-speech=yes"}, "command line: --no-speech takes no value"},
        {2, {"k", "--no-profile"}, "command line: unknown option \"--no-profile\" (see --help)"},
        {2, {"k", "--bogus"}, "command line: unknown option \"--bogus\" (see --help)"},
        {2, {"k", "--db"}, "command line: --db needs a value (FILE)"},
        {2, {"k", "stray"}, "command line: unexpected argument \"stray\" (see --help)"},
        {3, {"k", "--config", "/nonexistent/kiosk.conf"},
         "command line: --config /nonexistent/kiosk.conf: No such file or directory"},
        {2, {"k", "--config"}, "command line: --config needs a value (FILE)"},
        {3, {"k", "--friday", "9 to 5"}, 
         "command line: --friday: \"9 to 5\" is not valid: \"9 to 5\" does not start with a time HH:MM (00:00 to "
         "24:00); allowed: open, closed, or ranges such as 09:00-18:00 or 09:00-12:00, 13:00-18:00 (20:00-02:00 "
         "runs past midnight)"},
        {3, {"k", "--fake-clock", "2026-12-07"}, 
         "command line: --fake-clock: \"2026-12-07\" is not a local date and time YYYY-MM-DDTHH:MM[:SS] that "
         "exists, e.g. 2026-12-07T17:59:50"},
        {3, {"k", "--fake-clock-speed", "0"}, "command line: --fake-clock-speed: \"0\" is not a number from 1 to 3600"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Options o;
        Collected c;
        OptionsAction action = options_init(&o, cases[i].argc, (char *const *)cases[i].argv, NULL,
                                            collecting_sink(&c));
        if (action != OPTIONS_USAGE_ERROR) {
            fail_msg("case %zu: expected a usage error", i);
        }
        assert_collected(&c, 0, cases[i].message);
        assert_int_equal(c.levels[0], LOG_ERROR);
    }
    assert_int_equal(OPTIONS_EXIT_USAGE, 2);
}

/* A flag is turned off with --no-NAME (or --NAME=false); the last one given wins. */
static void test_flag_negation(void **state)
{
    (void)state;
    Options o;
    Collected c;
    char *off[] = {"k", "--no-speech", NULL};
    assert_int_equal(options_init(&o, 2, off, NULL, collecting_sink(&c)), OPTIONS_RUN);
    assert_no_messages(&c);
    assert_false(o.speech);
    char *underscore[] = {"k", "--no_speech", NULL};
    assert_int_equal(options_init(&o, 2, underscore, NULL, collecting_sink(&c)), OPTIONS_RUN);
    assert_false(o.speech);
    char *on_again[] = {"k", "--no-speech", "--speech", NULL};
    assert_int_equal(options_init(&o, 3, on_again, NULL, collecting_sink(&c)), OPTIONS_RUN);
    assert_true(o.speech);
    char *stats[] = {"k", "--stats", "--no-stats", NULL};
    assert_int_equal(options_init(&o, 3, stats, NULL, collecting_sink(&c)), OPTIONS_RUN);
    assert_false(o.stats);
}

static void test_meta_options(void **state)
{
    (void)state;
    Options o;
    Collected c;
    char *help[] = {"k", "--bogus", "--help", NULL};
    assert_int_equal(options_init(&o, 3, help, NULL, collecting_sink(&c)), OPTIONS_SHOW_HELP);
    char *version[] = {"k", "--version", NULL};
    assert_int_equal(options_init(&o, 2, version, NULL, collecting_sink(&c)), OPTIONS_SHOW_VERSION);
    char *print[] = {"k", "--print-default-config", NULL};
    assert_int_equal(options_init(&o, 2, print, NULL, collecting_sink(&c)),
                     OPTIONS_SHOW_DEFAULT_CONFIG);
    char *shots[] = {"k", "--screenshots", "/tmp/out", "--size", "1080x1920", "--windowed=",
                     "--status-seconds", "1", NULL};
    assert_int_equal(options_init(&o, 8, shots, NULL, collecting_sink(&c)), OPTIONS_RUN);
    assert_int_equal(o.status_seconds, 1);
    assert_string_equal(o.screenshots, "/tmp/out");
    assert_int_equal(o.size.width, 1080);
    assert_int_equal(o.size.height, 1920);
    assert_int_equal(o.windowed.width, 0);
    char *too_often[] = {"k", "--status-seconds", "0", NULL};
    assert_int_equal(options_init(&o, 3, too_often, NULL, collecting_sink(&c)), OPTIONS_USAGE_ERROR);
}

static char *capture(void (*write)(FILE *, void *), void *arg)
{
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    assert_non_null(out);
    write(out, arg);
    fclose(out);
    return text;
}

static void write_help(FILE *out, void *arg)
{
    (void)arg;
    options_write_help(out, "facts-kiosk");
}

static void write_config(FILE *out, void *arg)
{
    (void)arg;
    assert_true(options_write_default_config(out));
}

static void test_help_lists_every_key(void **state)
{
    (void)state;
    char *help = capture(write_help, NULL);
    size_t count = 0;
    const OptionSpec *table = options_table(&count);
    assert_true(count >= 18);
    for (size_t i = 0; i < count; i++) {
        char option[80];
        snprintf(option, sizeof option, "\n  --%s", table[i].flag != NULL ? table[i].flag : table[i].name);
        for (char *p = option; *p != '\0'; p++) {
            *p = *p == '_' ? '-' : *p;
        }
        if (strstr(help, option) == NULL) {
            fail_msg("--help does not list %s", option + 1);
        }
        if (table[i].section != NULL) {
            char where[80];
            snprintf(where, sizeof where, "[%s] %s", table[i].section, table[i].name);
            assert_non_null(strstr(help, where));
        }
    }
    assert_non_null(strstr(help, "--config FILE"));
    assert_non_null(strstr(help, "--version"));
    /* Lines fit a terminal. */
    for (char *line = help; *line != '\0';) {
        size_t length = strcspn(line, "\n");
        assert_true(length <= 80);
        line += length + (line[length] == '\n');
    }
    free(help);
}

static void test_default_config_round_trips(void **state)
{
    (void)state;
    char *text = capture(write_config, NULL);
    Options parsed;
    Options defaults;
    Collected c;
    options_set_defaults(&defaults);
    /* Start far from the defaults so every key must be read back. */
    options_set_defaults(&parsed);
    assert_int_equal(read_text(&parsed, GOOD_CONFIG, &c), 0);
    assert_false(options_equal(&parsed, &defaults));
    assert_int_equal(read_text(&parsed, text, &c), 0);
    assert_no_messages(&c);
    assert_true(options_equal(&parsed, &defaults));

    size_t count = 0;
    const OptionSpec *table = options_table(&count);
    for (size_t i = 0; i < count; i++) {
        char key[80];
        snprintf(key, sizeof key, "\n%s =", table[i].name);
        assert_true((strstr(text, key) != NULL) == (table[i].section != NULL));
    }
    free(text);
}

static void test_default_config_matches_packaging(void **state)
{
    (void)state;
    const char *source = getenv("FACTS_SOURCE_DIR");
    assert_non_null(source);
    char path[1024];
    snprintf(path, sizeof path, "%s/toolchain/packaging/kiosk.conf", source);
    char *generated = capture(write_config, NULL);

    char *committed = calloc(1, TEXT_MAX);
    assert_non_null(committed);
    FILE *f = fopen(path, "r");
    size_t n = f != NULL ? fread(committed, 1, TEXT_MAX - 1, f) : 0;
    if (f != NULL) {
        fclose(f);
    }
    if (f == NULL || n != strlen(generated) || memcmp(committed, generated, n) != 0) {
        const char *binary = getenv("FACTS_BINARY_DIR");
        char out_path[1024];
        snprintf(out_path, sizeof out_path, "%s/kiosk.conf.generated", binary ? binary : ".");
        FILE *out = fopen(out_path, "w");
        if (out != NULL) {
            fputs(generated, out);
            fclose(out);
        }
        fail_msg("%s differs from options_write_default_config(); regenerate with\n"
                 "  cp %s %s", path, out_path, path);
    }
    free(committed);
    free(generated);
}

static void test_equal_sees_every_field(void **state)
{
    (void)state;
    Options a;
    Options b;
    options_set_defaults(&a);
    options_set_defaults(&b);
    assert_true(options_equal(&a, &b));
    b.mount_roots.count = 2;
    assert_false(options_equal(&a, &b));
    options_set_defaults(&b);
    b.size.height = 5;
    assert_false(options_equal(&a, &b));
    options_set_defaults(&b);
    snprintf(b.state_dir, sizeof b.state_dir, "/other");
    assert_false(options_equal(&a, &b));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_every_key_good_value),
        cmocka_unit_test(test_other_spellings),
        cmocka_unit_test(test_update_url_spellings),
        cmocka_unit_test(test_leads_key_spellings),
        cmocka_unit_test(test_every_bad_value_keeps_default),
        cmocka_unit_test(test_bad_schedule_value_turns_hours_off),
        cmocka_unit_test(test_bad_list_item_is_skipped),
        cmocka_unit_test(test_unknown_keys_and_bad_lines),
        cmocka_unit_test(test_repeatable_keys),
        cmocka_unit_test(test_command_line_overrides_file),
        cmocka_unit_test(test_missing_default_config_is_silent),
        cmocka_unit_test(test_bad_file_value_still_runs),
        cmocka_unit_test(test_warnings_are_capped),
        cmocka_unit_test(test_long_stream_is_not_applied),
        cmocka_unit_test(test_huge_file_is_refused),
        cmocka_unit_test(test_directory_is_refused),
        cmocka_unit_test(test_fifo_is_refused_without_blocking),
        cmocka_unit_test(test_symlinked_file_is_read),
        cmocka_unit_test(test_bad_command_line),
        cmocka_unit_test(test_meta_options),
        cmocka_unit_test(test_help_lists_every_key),
        cmocka_unit_test(test_default_config_round_trips),
        cmocka_unit_test(test_default_config_matches_packaging),
        cmocka_unit_test(test_equal_sees_every_field),
        cmocka_unit_test(test_flag_negation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
