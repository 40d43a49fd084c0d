/* main.c — the facts-kiosk command line: a table of verbs, each a small function.
 * `facts-kiosk` with no verb runs the display; `pack …` verbs work on content packs. */
#include "app/app.h"
#include "builder/builder.h"
#include "content/loader.h"
#include "content/summary.h"
#include "platform/clock.h"
#include "platform/log.h"
#include "platform/options.h"
#include "update/slots.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { EXIT_OK = 0, EXIT_PROBLEMS = 1, EXIT_USAGE = 2 };

static void print_problem(void *ctx, const char *problem)
{
    fprintf(ctx, "%s\n", problem);
}

static int verb_pack_build(int argc, char **argv)
{
    /* pack build SOURCE_DIR -o OUT */
    if (argc != 3 || strcmp(argv[1], "-o") != 0) {
        fprintf(stderr, "usage: facts-kiosk pack build SOURCE_DIR -o PACK.db\n");
        return EXIT_USAGE;
    }
    BuilderReport report = {.each = print_problem, .ctx = stderr};
    if (!builder_build(argv[0], argv[2], &report)) {
        fprintf(stderr, "pack build: %zu problem%s, no pack written\n", report.count, report.count == 1 ? "" : "s");
        return EXIT_PROBLEMS;
    }
    printf("pack build: wrote %s\n", argv[2]);
    return EXIT_OK;
}

static int verb_pack_check(int argc, char **argv)
{
    if (argc != 1) {
        fprintf(stderr, "usage: facts-kiosk pack check PACK.db\n");
        return EXIT_USAGE;
    }
    ContentReport report = {.each = print_problem, .ctx = stdout};
    Content *content = NULL;
    if (content_load(argv[0], &report, &content) != CONTENT_OK) {
        printf("pack check: %s: %zu problem%s\n", argv[0], report.count, report.count == 1 ? "" : "s");
        return EXIT_PROBLEMS;
    }
    content_print_summary(content, stdout);
    content_free(content);
    return EXIT_OK;
}

static void print_message(void *user, LogLevel level, const char *message)
{
    (void)level;
    fprintf(user, "%s\n", message);
}

/* pack rollback [--state-dir DIR] [--config FILE]: back to the previous installed pack, or
 * to the bundled one when there is no previous pack. */
static int verb_pack_rollback(int argc, char **argv)
{
    char *args[OPTIONS_LIST_MAX + 2] = {"facts-kiosk"};
    if (argc > OPTIONS_LIST_MAX) {
        fprintf(stderr, "usage: facts-kiosk pack rollback [--state-dir DIR] [--config FILE]\n");
        return EXIT_USAGE;
    }
    for (int i = 0; i < argc; i++) {
        args[i + 1] = argv[i];
    }
    Options options;
    OptionsSink sink = {print_message, stderr};
    if (options_load(&options, argc + 1, args, OPTIONS_DEFAULT_CONFIG_PATH, sink) != OPTIONS_RUN) {
        return EXIT_USAGE;
    }
    Slots slots;
    if (slots_open(&slots, options.state_dir, NULL) != SLOTS_OK) {
        fprintf(stderr, "pack rollback: cannot open %s\n", options.state_dir);
        return EXIT_PROBLEMS;
    }
    int64_t before = slots_installed_version(&slots);
    SlotsStatus status = slots_rollback(&slots);
    if (status == SLOTS_ERR_NOTHING) {
        printf("pack rollback: no installed pack; the kiosk shows the bundled pack\n");
        return EXIT_OK;
    }
    if (status != SLOTS_OK) {
        fprintf(stderr, "pack rollback: %s: %s\n", options.state_dir, strerror(slots.error));
        return EXIT_PROBLEMS;
    }
    int64_t after = slots_installed_version(&slots);
    if (after > 0) {
        printf("pack rollback: version %lld replaced by version %lld; restart the kiosk to show it\n",
               (long long)before, (long long)after);
    } else {
        printf("pack rollback: version %lld removed; the kiosk shows the bundled pack after a restart\n",
               (long long)before);
    }
    return EXIT_OK;
}

typedef struct Verb {
    const char *group;
    const char *name;
    int (*run)(int argc, char **argv);
    const char *help;
} Verb;

static const Verb VERBS[] = {
    {"pack", "build", verb_pack_build, "pack build SOURCE_DIR -o PACK.db   build a content pack from CSV sources"},
    {"pack", "check", verb_pack_check, "pack check PACK.db                 check a pack and print its summary"},
    {"pack", "rollback", verb_pack_rollback,
     "pack rollback [--state-dir DIR]    go back to the previous installed pack (or the bundled one)"},
};

static void print_usage(FILE *out)
{
    options_write_help(out, "facts-kiosk");
    fprintf(out, "\nContent packs:\n");
    for (size_t i = 0; i < sizeof VERBS / sizeof VERBS[0]; i++) {
        fprintf(out, "  facts-kiosk %s\n", VERBS[i].help);
    }
}

static void config_message(void *user, LogLevel level, const char *message)
{
    log_write(user, level, "config", "%s", message);
}

int main(int argc, char **argv)
{
    ClockStart start = clock_process_start();
    for (size_t i = 0; argc > 2 && i < sizeof VERBS / sizeof VERBS[0]; i++) {
        if (strcmp(argv[1], VERBS[i].group) == 0 && strcmp(argv[2], VERBS[i].name) == 0) {
            return VERBS[i].run(argc - 3, argv + 3);
        }
    }
    Log log;
    log_init(&log, stderr, LOG_INFO, getenv("JOURNAL_STREAM") ? LOG_STYLE_JOURNAL : LOG_STYLE_TERMINAL);
    Options options;
    OptionsSink sink = {config_message, &log};
    int status = EXIT_OK;
    switch (options_load(&options, argc, argv, OPTIONS_DEFAULT_CONFIG_PATH, sink)) {
    case OPTIONS_SHOW_HELP:
        print_usage(stdout);
        break;
    case OPTIONS_SHOW_VERSION:
        printf("facts-kiosk %s\n", FACTS_VERSION);
        break;
    case OPTIONS_SHOW_DEFAULT_CONFIG:
        status = options_write_default_config(stdout) ? EXIT_OK : EXIT_PROBLEMS;
        break;
    case OPTIONS_USAGE_ERROR:
        fprintf(stderr, "Try facts-kiosk --help\n");
        status = OPTIONS_EXIT_USAGE;
        break;
    case OPTIONS_RUN:
        log_set_level(&log, options.log_level);
        status = options.screenshots[0] ? app_screenshots(&options, &log) : app_run(&options, &log, &start);
        break;
    }
    log_destroy(&log);
    return status;
}
