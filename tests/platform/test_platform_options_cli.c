/* The command line accepts exactly its spellings, no more and no fewer. The
 * long options the parser hands getopt_long are held against SPELLINGS, an
 * explicit list: adding or removing a setting, a flag or a "no-" changes that
 * set, and this test fails until the list here says so too. Every spelling
 * is accepted in each documented form ("--name VALUE", "--name=VALUE",
 * "--na_me", a bare flag, "--no-flag"); every shorter start of a name that
 * getopt_long would take for the whole ("--scr") is refused, as are unknown
 * options, a missing value, stray words, "--" and short options; a value may
 * start with '-'. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "platform/options.h"
#include "sink.h"

/* A long option without its "--", and a valid value for it that is not its
 * default (NULL: it is given without a value). */
typedef struct Spelling {
    const char *name;
    const char *value;
} Spelling;

/* Every long option of the command line. A new setting adds its name here
 * (and its flag, and "no-" for each where it is an OPTION_FLAG). */
static const Spelling SPELLINGS[] = {
    {"profile", "lobby"},
    {"lang", "sr-Cyrl"},
    {"slide-seconds", "12"},
    {"idle-seconds", "90"},
    {"transition-ms", "250"},
    {"lang-rotation-cycles", "3"},
    {"speech", NULL},
    {"no-speech", NULL},
    {"kiosk-id", "hall-a-left"},
    {"windowed", "1280x720"},
    {"rotation", "90"},
    {"renderer", "software"},
    {"monday", "09:00-12:00"},
    {"tuesday", "closed"},
    {"wednesday", "open"},
    {"thursday", "10:00-20:00"},
    {"friday", "20:00-02:00"},
    {"saturday", "11:00-15:00"},
    {"sunday", "00:00-24:00"},
    {"closed-dates", "2026-12-24"},
    {"open-dates", "2026-12-07..2026-12-10"},
    {"wake-minutes", "3"},
    {"screen-off", "cec"},
    {"cec-device", "/dev/cec1"},
    {"db", "/srv/packs/facts.db"},
    {"mount-root", "/media/usb"},
    {"trusted-key", "/etc/facts-kiosk/keys.d/office.pub"},
    {"state-dir", "/data/facts"},
    {"size-cap-mib", "64"},
    {"confirm-seconds", "30"},
    {"url", "https://example.org/facts/"},
    {"update-url", "https://example.org/facts/"},
    {"url-poll-seconds", "60"},
    {"ca-file", "/etc/facts-kiosk/ca.pem"},
    {"report-url", "https://example.org/kiosks/status"},
    {"report-minutes", "15"},
    {"screenshot-minutes", "0"},
    {"prometheus-file", "/var/lib/prometheus/node-exporter/facts-kiosk.prom"},
    {"public-key", "/etc/facts-kiosk/leads.pub"},
    {"leads-key", "/etc/facts-kiosk/leads.pub"},
    {"log-level", "debug"},
    {"stats", NULL},
    {"no-stats", NULL},
    {"pin-hash", "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA"},
    {"import", NULL},
    {"no-import", NULL},
    {"staff-import", NULL},
    {"no-staff-import", NULL},
    {"status-seconds", "5"},
    {"fake-clock", "2026-12-07T17:59:50"},
    {"fake-clock-speed", "10"},
    {"screenshots", "/tmp/shots"},
    {"size", "1080x1920"},
    /* Not settings: each has its own test below. */
    {"config", NULL},
    {"help", NULL},
    {"version", NULL},
    {"print-default-config", NULL},
};

enum { SPELLING_COUNT = sizeof SPELLINGS / sizeof SPELLINGS[0], NAMES_MAX = 256, ARGV_MAX = 8 };

typedef struct Names {
    int count;
    char names[NAMES_MAX][64];
} Names;

static void collect_name(void *user, const char *name)
{
    Names *names = user;
    assert_true(names->count < NAMES_MAX);
    snprintf(names->names[names->count++], sizeof names->names[0], "%s", name);
}

static bool is_spelling(const char *name)
{
    for (size_t i = 0; i < SPELLING_COUNT; i++) {
        if (strcmp(SPELLINGS[i].name, name) == 0) {
            return true;
        }
    }
    return false;
}

static bool is_meta(const char *name)
{
    return strcmp(name, "config") == 0 || strcmp(name, "help") == 0 || strcmp(name, "version") == 0 ||
           strcmp(name, "print-default-config") == 0;
}

/* Parses {"k", args...} over the defaults into *o; *c gets the messages. */
static OptionsAction parse(Options *o, Collected *c, int count, const char *const args[])
{
    char *argv[ARGV_MAX + 2] = {"k"};
    assert_true(count <= ARGV_MAX);
    for (int i = 0; i < count; i++) {
        argv[i + 1] = (char *)args[i];
    }
    options_set_defaults(o);
    return options_parse_args(o, count + 1, argv, collecting_sink(c));
}

/* The same, from a state where the flag that args[0] sets or clears is the other way round,
 * so that every accepted spelling must change something. */
static OptionsAction parse_changing(const char *name, Options *before, Options *o, Collected *c, int count,
                                    const char *const args[])
{
    options_set_defaults(before);
    bool negation = strncmp(name, "no-", 3) == 0;
    const OptionSpec *spec = options_find(negation ? name + 3 : name);
    assert_non_null(spec);
    if (spec->type == OPTION_FLAG) {
        const char *value = strchr(args[0], '=');
        bool sets = !negation && (value == NULL || strcmp(value, "=false") != 0);
        *(bool *)((char *)before + spec->offset) = !sets;
    }
    char *argv[ARGV_MAX + 2] = {"k"};
    for (int i = 0; i < count; i++) {
        argv[i + 1] = (char *)args[i];
    }
    *o = *before;
    return options_parse_args(o, count + 1, argv, collecting_sink(c));
}

static void assert_accepted(const char *name, Options *before, int count, const char *const args[])
{
    Options o;
    Collected c;
    OptionsAction action = parse_changing(name, before, &o, &c, count, args);
    if (action != OPTIONS_RUN || c.count != 0 || options_equal(&o, before)) {
        dump_collected(&c);
        fail_msg("%s%s%s was not taken (action %d)", args[0], count > 1 ? " " : "", count > 1 ? args[1] : "",
                 (int)action);
    }
}

/* The parser's long options are exactly SPELLINGS' names, each once. */
static void test_accepted_set_is_the_list(void **state)
{
    (void)state;
    static Names names;
    names.count = 0;
    options_command_line_names(collect_name, &names);
    for (int i = 0; i < names.count; i++) {
        if (!is_spelling(names.names[i])) {
            fail_msg("the command line takes --%s, which this test's list does not have", names.names[i]);
        }
        for (int j = 0; j < i; j++) {
            if (strcmp(names.names[i], names.names[j]) == 0) {
                fail_msg("--%s is listed twice", names.names[i]);
            }
        }
    }
    for (size_t i = 0; i < SPELLING_COUNT; i++) {
        bool found = false;
        for (int j = 0; j < names.count && !found; j++) {
            found = strcmp(SPELLINGS[i].name, names.names[j]) == 0;
        }
        if (!found) {
            fail_msg("the command line no longer takes --%s", SPELLINGS[i].name);
        }
    }
    assert_int_equal(names.count, SPELLING_COUNT);

    /* And every row of the table is in it, by its name and by its flag. */
    size_t count = 0;
    const OptionSpec *table = options_table(&count);
    for (size_t i = 0; i < count; i++) {
        const char *row_names[] = {table[i].name, table[i].flag};
        for (size_t n = 0; n < 2 && row_names[n] != NULL; n++) {
            char dashed[64];
            snprintf(dashed, sizeof dashed, "%s", row_names[n]);
            for (char *p = dashed; *p != '\0'; p++) {
                *p = *p == '_' ? '-' : *p;
            }
            assert_true(is_spelling(dashed));
        }
    }
}

/* "--name VALUE", "--name=VALUE" and the same with '_' for '-'; a flag bare, with "=true" or
 * "=false", and its "--no-" form. */
static void test_every_spelling_in_every_form(void **state)
{
    (void)state;
    Options before;
    for (size_t i = 0; i < SPELLING_COUNT; i++) {
        const Spelling *s = &SPELLINGS[i];
        if (is_meta(s->name)) {
            continue;
        }
        char dashes[80];
        char underscores[80];
        snprintf(dashes, sizeof dashes, "--%s", s->name);
        snprintf(underscores, sizeof underscores, "--%s", s->name);
        for (char *p = underscores + 2; *p != '\0'; p++) {
            *p = *p == '-' ? '_' : *p;
        }
        const char *forms[] = {dashes, underscores};
        for (size_t f = 0; f < 2; f++) {
            if (s->value != NULL) {
                char joined[200];
                snprintf(joined, sizeof joined, "%s=%s", forms[f], s->value);
                assert_accepted(s->name, &before, 2, (const char *const[]){forms[f], s->value});
                assert_accepted(s->name, &before, 1, (const char *const[]){joined});
            } else {
                assert_accepted(s->name, &before, 1, (const char *const[]){forms[f]});
            }
        }
        if (s->value == NULL && strncmp(s->name, "no-", 3) != 0) {
            for (size_t f = 0; f < 2; f++) {
                char on[90];
                char off[90];
                snprintf(on, sizeof on, "%s=true", forms[f]);
                snprintf(off, sizeof off, "%s=false", forms[f]);
                assert_accepted(s->name, &before, 1, (const char *const[]){on});
                assert_accepted(s->name, &before, 1, (const char *const[]){off});
            }
        }
    }
}

/* A flag with "=VALUE" reads the value; "--no-flag=VALUE" is refused. */
static void test_flag_values(void **state)
{
    (void)state;
    Options o;
    Collected c;
    assert_int_equal(parse(&o, &c, 2, (const char *const[]){"--speech=false", "--stats=yes"}), OPTIONS_RUN);
    assert_false(o.speech);
    assert_true(o.stats);
    assert_int_equal(parse(&o, &c, 2, (const char *const[]){"--no-stats", "--stats=1"}), OPTIONS_RUN);
    assert_true(o.stats);
    assert_int_equal(parse(&o, &c, 1, (const char *const[]){"--no_speech=no"}), OPTIONS_USAGE_ERROR);
    assert_string_equal(c.messages[0], "command line: --no_speech takes no value");
    /* A flag's value only follows '=': the next word is a stray argument. */
    assert_int_equal(parse(&o, &c, 2, (const char *const[]){"--stats", "false"}), OPTIONS_USAGE_ERROR);
    assert_true(o.stats);
    assert_string_equal(c.messages[0], "command line: unexpected argument \"false\" (see --help)");
}

/* '-' and '_' are one character in a name, mixed too. */
static void test_mixed_separators(void **state)
{
    (void)state;
    Options o;
    Collected c;
    assert_int_equal(parse(&o, &c, 2, (const char *const[]){"--lang-rotation_cycles", "7"}), OPTIONS_RUN);
    assert_int_equal(o.lang_rotation_cycles, 7);
    assert_int_equal(parse(&o, &c, 1, (const char *const[]){"--fake_clock-speed=9"}), OPTIONS_RUN);
    assert_int_equal(o.fake_clock_speed, 9);
}

/* Every shorter start of every name (that is not itself a name) is an unknown option, whether
 * or not getopt_long would find the name it starts: alone, with "=VALUE" and before a word
 * (which is then a stray argument, not the option's value). */
static void test_abbreviations_are_refused(void **state)
{
    (void)state;
    for (size_t i = 0; i < SPELLING_COUNT; i++) {
        const char *name = SPELLINGS[i].name;
        for (size_t length = 1; length < strlen(name); length++) {
            char start[80];
            snprintf(start, sizeof start, "%.*s", (int)length, name);
            if (is_spelling(start)) {
                continue; /* "url" of "url-poll-seconds" */
            }
            char alone[90];
            char joined[100];
            char unknown[160];
            snprintf(alone, sizeof alone, "--%s", start);
            snprintf(joined, sizeof joined, "--%s=1", start);
            snprintf(unknown, sizeof unknown, "command line: unknown option \"--%s\" (see --help)", start);
            Options o;
            Collected c;
            assert_int_equal(parse(&o, &c, 1, (const char *const[]){alone}), OPTIONS_USAGE_ERROR);
            assert_int_equal(c.count, 1);
            assert_string_equal(c.messages[0], unknown);
            assert_int_equal(parse(&o, &c, 1, (const char *const[]){joined}), OPTIONS_USAGE_ERROR);
            assert_int_equal(c.count, 1);
            assert_string_equal(c.messages[0], unknown);
            assert_int_equal(parse(&o, &c, 2, (const char *const[]){alone, "word"}), OPTIONS_USAGE_ERROR);
            assert_int_equal(c.count, 2);
            assert_string_equal(c.messages[0], unknown);
            assert_string_equal(c.messages[1], "command line: unexpected argument \"word\" (see --help)");
        }
    }
    /* Not --help, so no help either. */
    Options o;
    Collected c;
    assert_int_equal(parse(&o, &c, 1, (const char *const[]){"--hel"}), OPTIONS_USAGE_ERROR);
}

static void test_unknown_options_are_refused(void **state)
{
    (void)state;
    static const char *const UNKNOWN[] = {
        "bogus", "no-profile", "no-help", "no-no-speech", "PROFILE", "Slide-Seconds", "slide-seconds-x",
        "no", "no-", "-db", "=x", "url_poll", "helpme", "config-file",
    };
    for (size_t i = 0; i < sizeof UNKNOWN / sizeof UNKNOWN[0]; i++) {
        char arg[80];
        char expected[160];
        snprintf(arg, sizeof arg, "--%s", UNKNOWN[i]);
        snprintf(expected, sizeof expected, "command line: unknown option \"--%.*s\" (see --help)",
                 (int)strcspn(UNKNOWN[i], "="), UNKNOWN[i]);
        Options o;
        Collected c;
        assert_int_equal(parse(&o, &c, 1, (const char *const[]){arg}), OPTIONS_USAGE_ERROR);
        assert_string_equal(c.messages[0], expected);
        assert_int_equal(c.levels[0], LOG_ERROR);
    }
}

/* Every option that takes a value, last on the line without one. */
static void test_missing_value_is_refused(void **state)
{
    (void)state;
    size_t count = 0;
    const OptionSpec *table = options_table(&count);
    for (size_t i = 0; i < count; i++) {
        if (table[i].type == OPTION_FLAG) {
            continue;
        }
        const char *row_names[] = {table[i].name, table[i].flag};
        for (size_t n = 0; n < 2 && row_names[n] != NULL; n++) {
            char arg[80];
            char expected[160];
            snprintf(arg, sizeof arg, "--%s", row_names[n]);
            snprintf(expected, sizeof expected, "command line: --%s needs a value (%s)", row_names[n],
                     table[i].metavar);
            Options o;
            Collected c;
            assert_int_equal(parse(&o, &c, 2, (const char *const[]){"--stats", arg}), OPTIONS_USAGE_ERROR);
            assert_int_equal(c.count, 1);
            assert_string_equal(c.messages[0], expected);
            assert_true(o.stats); /* what came before was still read */
        }
    }
    Options o;
    Collected c;
    assert_int_equal(parse(&o, &c, 1, (const char *const[]){"--config"}), OPTIONS_USAGE_ERROR);
    assert_string_equal(c.messages[0], "command line: --config needs a value (FILE)");
}

/* Every argument is read where it stands: no argument is moved, nothing ends the options. */
static void test_arguments_in_place(void **state)
{
    (void)state;
    Options o;
    Collected c;
    assert_int_equal(parse(&o, &c, 6, (const char *const[]){"stray", "--db", "/x.db", "--", "--lang", "sr-Latn"}),
                     OPTIONS_USAGE_ERROR);
    assert_int_equal(c.count, 2);
    assert_string_equal(c.messages[0], "command line: unexpected argument \"stray\" (see --help)");
    assert_string_equal(c.messages[1], "command line: unexpected argument \"--\" (see --help)");
    assert_string_equal(o.db, "/x.db");
    assert_int_equal(o.lang, LANG_SR_LATN);
    static const char *const STRAYS[] = {"-h", "-", "-db", "x"};
    for (size_t i = 0; i < sizeof STRAYS / sizeof STRAYS[0]; i++) {
        char expected[120];
        snprintf(expected, sizeof expected, "command line: unexpected argument \"%s\" (see --help)", STRAYS[i]);
        assert_int_equal(parse(&o, &c, 1, (const char *const[]){STRAYS[i]}), OPTIONS_USAGE_ERROR);
        assert_string_equal(c.messages[0], expected);
    }
    /* A value is the next argument whatever it looks like. */
    assert_int_equal(parse(&o, &c, 4, (const char *const[]){"--db", "--help", "--kiosk-id", "-x"}), OPTIONS_RUN);
    assert_string_equal(o.db, "--help");
    assert_string_equal(o.kiosk_id, "-x");
    assert_int_equal(parse(&o, &c, 2, (const char *const[]){"--db", "--"}), OPTIONS_RUN);
    assert_string_equal(o.db, "--");
    /* Given again, the last one wins; "=" splits at the first '='. */
    assert_int_equal(parse(&o, &c, 3, (const char *const[]){"--slide-seconds=5", "--slide_seconds", "7"}),
                     OPTIONS_RUN);
    assert_int_equal(o.slide_seconds, 7);
    assert_int_equal(parse(&o, &c, 1, (const char *const[]){"--db=a=b"}), OPTIONS_RUN);
    assert_string_equal(o.db, "a=b");
}

/* --help, --version and --print-default-config, bare or with "=VALUE", in either spelling;
 * --config FILE and --config=FILE are skipped by options_parse_args (options_init reads them). */
static void test_meta_spellings(void **state)
{
    (void)state;
    static const struct {
        const char *arg;
        OptionsAction action;
    } CASES[] = {
        {"--help", OPTIONS_SHOW_HELP},
        {"--help=x", OPTIONS_SHOW_HELP},
        {"--version", OPTIONS_SHOW_VERSION},
        {"--version=2", OPTIONS_SHOW_VERSION},
        {"--print-default-config", OPTIONS_SHOW_DEFAULT_CONFIG},
        {"--print_default_config", OPTIONS_SHOW_DEFAULT_CONFIG},
        {"--print-default_config=1", OPTIONS_SHOW_DEFAULT_CONFIG},
        {"--config=/nonexistent.conf", OPTIONS_RUN},
    };
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        Options o;
        Collected c;
        assert_int_equal(parse(&o, &c, 1, (const char *const[]){CASES[i].arg}), CASES[i].action);
        assert_int_equal(c.count, 0);
    }
    Options o;
    Options defaults;
    Collected c;
    options_set_defaults(&defaults);
    assert_int_equal(parse(&o, &c, 2, (const char *const[]){"--config", "/nonexistent.conf"}), OPTIONS_RUN);
    assert_true(options_equal(&o, &defaults));

    /* options_init reads --config FILE in every spelling. */
    char dir[] = "/tmp/facts-options-cli-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/kiosk.conf", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("[kiosk]\nslide_seconds = 33\n", f);
    fclose(f);
    char joined[160];
    snprintf(joined, sizeof joined, "--config=%s", path);
    char *separate[] = {"k", "--config", path, NULL};
    char *together[] = {"k", joined, NULL};
    assert_int_equal(options_init(&o, 3, separate, NULL, collecting_sink(&c)), OPTIONS_RUN);
    assert_int_equal(o.slide_seconds, 33);
    assert_int_equal(options_init(&o, 2, together, NULL, collecting_sink(&c)), OPTIONS_RUN);
    assert_int_equal(o.slide_seconds, 33);
    char *abbreviated[] = {"k", "--conf", path, NULL};
    assert_int_equal(options_init(&o, 3, abbreviated, NULL, collecting_sink(&c)), OPTIONS_USAGE_ERROR);
    assert_int_equal(o.slide_seconds, 8);
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_accepted_set_is_the_list),
        cmocka_unit_test(test_every_spelling_in_every_form),
        cmocka_unit_test(test_flag_values),
        cmocka_unit_test(test_mixed_separators),
        cmocka_unit_test(test_abbreviations_are_refused),
        cmocka_unit_test(test_unknown_options_are_refused),
        cmocka_unit_test(test_missing_value_is_refused),
        cmocka_unit_test(test_arguments_in_place),
        cmocka_unit_test(test_meta_spellings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
