/* main.c — the facts-kiosk command line: a table of verbs, each a small function.
 * `facts-kiosk` with no verb runs the display; `pack …` verbs work on content packs,
 * `leads …` verbs on visitors' sealed contact requests (for staff, on a laptop). */
#define _POSIX_C_SOURCE 200809L
#include "app/app.h"
#include "app/status.h"
#include "builder/build_problems.h"
#include "builder/builder.h"
#include "content/loader.h"
#include "content/summary.h"
#include "leads/leads_file.h"
#include "leads/leads_open.h"
#include "platform/clock.h"
#include "platform/log.h"
#include "platform/options.h"
#include "staff/staff_cli.h"
#include "store/store.h"
#include "store/store_paths.h"
#include "visits/visits_db.h"
#include "visits/visits_report.h"
#include "workbook/xlsx_write.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { EXIT_OK = 0, EXIT_PROBLEMS = 1, EXIT_USAGE = 2 };

static void print_problem(void *ctx, const char *problem)
{
    fprintf(ctx, "%s\n", problem);
}

/* The whole report of a build in English to path; false (said on stderr) if it cannot be written. */
static bool write_build_report(const BuildProblems *problems, const char *path)
{
    char *text = build_problems_report_text(problems, LANG_EN);
    FILE *file = text ? fopen(path, "w") : NULL;
    bool ok = file && fputs(text, file) >= 0;
    ok = file && fclose(file) == 0 && ok;
    if (!ok) {
        fprintf(stderr, "pack build: cannot write the report %s: %s\n", path, text ? strerror(errno) : "out of memory");
    }
    free(text);
    return ok;
}

static int verb_pack_build(int argc, char **argv)
{
    /* pack build SOURCE -o OUT [--report FILE]: SOURCE a folder of CSV files or a workbook (content.xlsx) */
    const char *report_path = NULL;
    if (argc == 5 && strcmp(argv[3], "--report") == 0) {
        report_path = argv[4];
        argc = 3;
    }
    if (argc != 3 || strcmp(argv[1], "-o") != 0) {
        fprintf(stderr, "usage: facts-kiosk pack build SOURCE -o PACK.db [--report FILE]  (SOURCE: a folder of CSV files, or content.xlsx)\n");
        return EXIT_USAGE;
    }
    BuildProblems *problems = build_problems_create();
    if (!problems) {
        fprintf(stderr, "pack build: out of memory\n");
        return EXIT_PROBLEMS;
    }
    BuilderReport report = {0};
    build_problems_attach(problems, &report);
    bool built = builder_build(argv[0], argv[2], &report);
    /* Errors first, every one; then the warnings summed up by kind. */
    build_problems_summary(problems, LANG_EN, print_problem, stderr);
    bool reported = !report_path || write_build_report(problems, report_path);
    if (!report_path && report.warning_count > BUILD_SUMMARY_SHOWN_PER_KIND) {
        fprintf(stderr, "pack build: add --report FILE to have every warning written to FILE\n");
    }
    if (!built) {
        fprintf(stderr, "pack build: %zu problem%s, no pack written%s%s\n", report.count, report.count == 1 ? "" : "s",
                report_path && reported ? "; all of them in " : "", report_path && reported ? report_path : "");
    } else if (report.warning_count) {
        printf("pack build: wrote %s (%zu warning%s above%s%s)\n", argv[2], report.warning_count,
               report.warning_count == 1 ? "" : "s", report_path && reported ? ", all of them in " : "",
               report_path && reported ? report_path : "");
    } else {
        printf("pack build: wrote %s\n", argv[2]);
    }
    build_problems_destroy(problems);
    return built && reported ? EXIT_OK : EXIT_PROBLEMS;
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
    content_unload(content);
    return EXIT_OK;
}

static int verb_pack_export(int argc, char **argv)
{
    /* pack export PACK.db -o content.xlsx */
    if (argc != 3 || strcmp(argv[1], "-o") != 0) {
        fprintf(stderr, "usage: facts-kiosk pack export PACK.db -o content.xlsx\n");
        return EXIT_USAGE;
    }
    char why[1024];
    if (!workbook_export(argv[0], argv[2], why, sizeof why)) {
        fprintf(stderr, "pack export: %s; no workbook written\n", why);
        return EXIT_PROBLEMS;
    }
    printf("pack export: wrote %s and its images/ folder\n", argv[2]);
    return EXIT_OK;
}

static void print_message(void *user, LogLevel level, const char *message)
{
    (void)level;
    fprintf(user, "%s\n", message);
}

/* The options of a verb that works on the state directory ("pack status"): [--state-dir DIR]
 * [--config FILE], read as the kiosk reads them. Returns false after printing usage. */
static bool load_state_options(const char *verb, int argc, char **argv, Options *options)
{
    char *args[OPTIONS_LIST_MAX + 2] = {"facts-kiosk"};
    if (argc > OPTIONS_LIST_MAX) {
        fprintf(stderr, "usage: facts-kiosk %s [--state-dir DIR] [--config FILE]\n", verb);
        return false;
    }
    for (int i = 0; i < argc; i++) {
        args[i + 1] = argv[i];
    }
    OptionsSink sink = {print_message, stderr};
    return options_init(options, argc + 1, args, OPTIONS_DEFAULT_CONFIG_PATH, sink) == OPTIONS_RUN;
}

/* pack rollback [--state-dir DIR] [--config FILE]: back to the previous installed pack, or
 * to the bundled one when there is no previous pack. A running kiosk notices and shows it. */
static int pack_rollback(const Options *options, Log *log);

static int verb_pack_rollback(int argc, char **argv)
{
    Options options;
    if (!load_state_options("pack rollback", argc, argv, &options)) {
        return EXIT_USAGE;
    }
    Log log;
    log_create(&log, stderr, LOG_WARN, LOG_STYLE_TERMINAL);
    int status = pack_rollback(&options, &log);
    log_destroy(&log);
    return status;
}

static int pack_rollback(const Options *options_in, Log *log)
{
    const Options options = *options_in;
    PackStore store;
    if (store_init(&store, options.state_dir, NULL, log) != STORE_OK) {
        fprintf(stderr, "pack rollback: cannot open %s\n", options.state_dir);
        return EXIT_PROBLEMS;
    }
    int64_t before = store_installed_version(&store);
    StoreStatus status = store_rollback(&store, "rolled back by hand");
    before = status == STORE_OK ? store.state.rolled_back_version : before;
    const char *why = "";
    switch (status) {
    case STORE_ERR_NOTHING:
        printf("pack rollback: no installed pack; the kiosk shows the bundled pack\n");
        return EXIT_OK;
    case STORE_ERR_DEGRADED:
        store_degraded(&store, &why);
        fprintf(stderr, "pack rollback: %s/%s; nothing changed\n", options.state_dir, why);
        return EXIT_PROBLEMS;
    case STORE_ERR_IO:
        fprintf(stderr, "pack rollback: %s: %s\n", options.state_dir, strerror(store.error));
        return EXIT_PROBLEMS;
    case STORE_OK:
        break;
    }
    int64_t after = store_installed_version(&store);
    const char *before_origin = store.state.rolled_back_origin == STORE_ORIGIN_KIOSK ? " (taken at the kiosk)" : "";
    const char *after_origin = store_active_origin(&store) == STORE_ORIGIN_KIOSK ? " (taken at the kiosk)" : "";
    if (after > 0) {
        printf("pack rollback: version %lld%s replaced by version %lld%s\n", (long long)before, before_origin,
               (long long)after, after_origin);
    } else {
        printf("pack rollback: version %lld%s removed; the kiosk shows the bundled pack\n", (long long)before,
               before_origin);
    }
    return EXIT_OK;
}

/* pack status [--state-dir DIR] [--config FILE]: what the state directory holds. */
static int verb_pack_status(int argc, char **argv)
{
    Options options;
    if (!load_state_options("pack status", argc, argv, &options)) {
        return EXIT_USAGE;
    }
    PackStore store;
    if (store_init(&store, options.state_dir, NULL, NULL) != STORE_OK) {
        fprintf(stderr, "pack status: cannot open %s\n", options.state_dir);
        return EXIT_PROBLEMS;
    }
    const char *why = "";
    if (store_degraded(&store, &why)) {
        printf("state: unreadable (%s); nothing is deleted and updates are paused\n", why);
        return EXIT_PROBLEMS;
    }
    const StoreState *s = &store.state;
    printf("active: %s", store_slot_name(s->active));
    if (s->active != SLOT_NONE) {
        printf(" (%sversion %lld, %s", s->active_origin == STORE_ORIGIN_KIOSK ? "taken at the kiosk, base " : "",
               (long long)s->active_version, s->confirmed ? "confirmed" : "pending");
        if (!s->confirmed) {
            printf(", try %d of %d", s->tries, STORE_MAX_TRIES);
        }
        printf(")");
    }
    printf("\nprevious: %s", store_slot_name(s->previous));
    if (s->previous != SLOT_NONE) {
        printf(" (%sversion %lld)", s->previous_origin == STORE_ORIGIN_KIOSK ? "taken at the kiosk, base " : "",
               (long long)s->previous_version);
    }
    printf("\n");
    if (s->rolled_back_version > 0) {
        printf("last rolled back: version %lld%s\n", (long long)s->rolled_back_version,
               s->rolled_back_origin == STORE_ORIGIN_KIOSK ? " (taken at the kiosk)" : "");
    }
    return EXIT_OK;
}

/* staff set-pin [--config FILE]: the staff panel's PIN, hashed into kiosk.conf. */
static int verb_staff_set_pin(int argc, char **argv)
{
    return staff_cli_set_pin(argc, argv, OPTIONS_DEFAULT_CONFIG_PATH, stdin, stdout, stderr);
}

/* stats report [--state-dir DIR] [--config FILE] -o OUT.html: the visitor statistics report
 * a stick gets (report.html), made from the state directory's statistics. */
static int verb_stats_report(int argc, char **argv)
{
    static const char USAGE[] = "usage: facts-kiosk stats report [--state-dir DIR] [--config FILE] -o OUT.html\n";
    char *rest[OPTIONS_LIST_MAX + 2] = {NULL};
    int rest_count = 0;
    const char *out_path = NULL;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc && !out_path) {
            out_path = argv[++i];
        } else if (rest_count < OPTIONS_LIST_MAX + 1) {
            rest[rest_count++] = argv[i];
        } else {
            fputs(USAGE, stderr);
            return EXIT_USAGE;
        }
    }
    Options options;
    if (!out_path) {
        fputs(USAGE, stderr);
        return EXIT_USAGE;
    }
    if (!load_state_options("stats report", rest_count, rest, &options)) {
        return EXIT_USAGE;
    }
    char kiosk_id[STATUS_ID_MAX];
    status_kiosk_id(options.kiosk_id, STATUS_MACHINE_ID_PATH, kiosk_id, sizeof kiosk_id);
    char db_path[OPTIONS_PATH_MAX + 32];
    store_file_path(options.state_dir, STORE_FILE_VISITS_DB, db_path, sizeof db_path);
    if (access(db_path, F_OK) != 0) {
        fprintf(stderr, "stats report: no statistics in %s yet; the report says so\n", options.state_dir);
    }
    char why[1024] = "";
    if (visits_report_file(db_path, kiosk_id, out_path, why, sizeof why) != VISITS_OK) {
        fprintf(stderr, "stats report: %s\n", why);
        return EXIT_PROBLEMS;
    }
    printf("stats report: wrote %s\n", out_path);
    return EXIT_OK;
}

/* leads keygen -p PUBLIC -s SECRET: a key pair for sealing leads; never overwrites. */
static int verb_leads_keygen(int argc, char **argv)
{
    if (argc != 4 || strcmp(argv[0], "-p") != 0 || strcmp(argv[2], "-s") != 0) {
        fprintf(stderr, "usage: facts-kiosk leads keygen -p leads.pub -s leads.key\n");
        return EXIT_USAGE;
    }
    if (sodium_init() < 0) {
        fprintf(stderr, "leads keygen: libsodium cannot start\n");
        return EXIT_PROBLEMS;
    }
    int error = leads_key_generate(argv[1], argv[3]);
    if (error == EEXIST) {
        fprintf(stderr, "leads keygen: %s or %s exists already; nothing written (remove it first if you "
                        "really mean to replace the key: leads sealed for it can then no longer be opened)\n",
                argv[1], argv[3]);
        return EXIT_PROBLEMS;
    }
    if (error != 0) {
        fprintf(stderr, "leads keygen: %s\n", strerror(error));
        return EXIT_PROBLEMS;
    }
    printf("leads keygen: public key %s (put it on the kiosks: [leads] public_key), secret key %s "
           "(keep it safe, off the kiosks)\n", argv[1], argv[3]);
    return EXIT_OK;
}

/* Opens out_path for the CSV: "-" is standard output; a file is created with mode 0600
 * (it holds visitors' personal data) or truncated. NULL with errno set on failure. */
static FILE *open_csv(const char *out_path)
{
    if (strcmp(out_path, "-") == 0) {
        return stdout;
    }
    int fd = open(out_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    FILE *out = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (fd >= 0 && !out) {
        close(fd);
    }
    return out;
}

/* leads open -s SECRET FILE|DIR... -o OUT.csv: every sealed record found into CSV. */
static int verb_leads_open(int argc, char **argv)
{
    const char *secret_path = NULL;
    const char *out_path = NULL;
    const char *paths[OPTIONS_LIST_MAX * 16] = {0};
    size_t count = 0;
    for (int i = 0; i < argc; i++) {
        if ((strcmp(argv[i], "-s") == 0 || strcmp(argv[i], "-o") == 0) && i + 1 < argc) {
            *(argv[i][1] == 's' ? &secret_path : &out_path) = argv[i + 1];
            i++;
        } else if (argv[i][0] == '-' || count == sizeof paths / sizeof paths[0]) {
            secret_path = NULL;
            break;
        } else {
            paths[count++] = argv[i];
        }
    }
    if (!secret_path || !out_path || count == 0) {
        fprintf(stderr, "usage: facts-kiosk leads open -s leads.key FILE|DIR... -o leads.csv\n");
        return EXIT_USAGE;
    }
    unsigned char public_key[LEADS_KEY_BYTES] = {0};
    unsigned char secret_key[LEADS_KEY_BYTES] = {0};
    int error = sodium_init() < 0 ? EIO : leads_key_read_secret(secret_path, secret_key, public_key);
    if (error != 0) {
        fprintf(stderr, "leads open: %s: %s\n", secret_path,
                error == EINVAL ? "not a leads secret key (made by leads keygen -s)" : strerror(error));
        return EXIT_PROBLEMS;
    }
    FILE *out = open_csv(out_path);
    if (!out) {
        fprintf(stderr, "leads open: %s: %s\n", out_path, strerror(errno));
        sodium_memzero(secret_key, sizeof secret_key);
        return EXIT_PROBLEMS;
    }
    LeadsOpenReport report = {.each = print_problem, .ctx = stderr};
    bool written = leads_open_paths(paths, count, public_key, secret_key, out, &report);
    sodium_memzero(secret_key, sizeof secret_key);
    if ((out == stdout ? fflush(out) : fclose(out)) != 0 && written) {
        fprintf(stderr, "leads open: %s: %s\n", out_path, strerror(errno));
        written = false;
    }
    fprintf(out == stdout ? stderr : stdout, "leads open: %zu lead%s from %zu file%s into %s", report.leads,
            report.leads == 1 ? "" : "s", report.files, report.files == 1 ? "" : "s", out_path);
    if (report.duplicates) {
        fprintf(out == stdout ? stderr : stdout, " (%zu found twice, written once)", report.duplicates);
    }
    fprintf(out == stdout ? stderr : stdout, "%s\n", report.problems ? "; some records were skipped (above)" : "");
    return written && report.problems == 0 ? EXIT_OK : EXIT_PROBLEMS;
}

typedef struct Verb {
    const char *group;
    const char *name;
    int (*run)(int argc, char **argv);
    const char *help;
} Verb;

static const Verb VERBS[] = {
    {"pack", "build", verb_pack_build,
     "pack build SOURCE -o PACK.db [--report FILE]   build a content pack from a CSV folder or content.xlsx"},
    {"pack", "check", verb_pack_check, "pack check PACK.db                 check a pack and print its summary"},
    {"pack", "export", verb_pack_export,
     "pack export PACK.db -o content.xlsx   the pack's content as a workbook to edit (images into images/ beside it)"},
    {"pack", "rollback", verb_pack_rollback,
     "pack rollback [--state-dir DIR]    go back to the previous installed pack (or the bundled one)"},
    {"pack", "status", verb_pack_status, "pack status [--state-dir DIR]      show the installed packs and their state"},
    {"staff", "set-pin", verb_staff_set_pin,
     "staff set-pin [--config FILE]      set the staff panel's PIN (read twice, stored hashed)"},
    {"stats", "report", verb_stats_report,
     "stats report [--state-dir DIR] -o OUT.html   the visitor statistics report (as a stick gets it)"},
    {"leads", "keygen", verb_leads_keygen,
     "leads keygen -p leads.pub -s leads.key              make the key pair that seals visitors' contact requests"},
    {"leads", "open", verb_leads_open,
     "leads open -s leads.key FILE|DIR... -o leads.csv    open sealed leads into a CSV for Excel"},
};

typedef struct VerbGroup {
    const char *name;
    const char *title;
} VerbGroup;

static const VerbGroup GROUPS[] = {
    {"pack", "Content packs"},
    {"staff", "Staff panel"},
    {"stats", "Visitor statistics"},
    {"leads", "Visitor leads (for staff, on a laptop)"},
};

/* The verbs of group (NULL: of every group). */
static void print_verbs(FILE *out, const char *group)
{
    for (size_t g = 0; g < sizeof GROUPS / sizeof GROUPS[0]; g++) {
        if (group && strcmp(group, GROUPS[g].name) != 0) {
            continue;
        }
        fprintf(out, "%s%s:\n", g > 0 && !group ? "\n" : "", GROUPS[g].title);
        for (size_t i = 0; i < sizeof VERBS / sizeof VERBS[0]; i++) {
            if (strcmp(VERBS[i].group, GROUPS[g].name) == 0) {
                fprintf(out, "  facts-kiosk %s\n", VERBS[i].help);
            }
        }
    }
}

static void print_usage(FILE *out)
{
    options_write_help(out, "facts-kiosk");
    fprintf(out, "\n");
    print_verbs(out, NULL);
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
    for (size_t g = 0; argc > 1 && g < sizeof GROUPS / sizeof GROUPS[0]; g++) {
        if (strcmp(argv[1], GROUPS[g].name) == 0) {
            /* `pack` alone or with an unknown verb: say which there are. */
            fprintf(stderr, "facts-kiosk %s: %s%s%s\n", argv[1], argc > 2 ? "unknown verb \"" : "which verb?",
                    argc > 2 ? argv[2] : "", argc > 2 ? "\"" : "");
            print_verbs(stderr, argv[1]);
            return EXIT_USAGE;
        }
    }
    Log log;
    log_create(&log, stderr, LOG_INFO, getenv("JOURNAL_STREAM") ? LOG_STYLE_JOURNAL : LOG_STYLE_TERMINAL);
    Options options;
    OptionsSink sink = {config_message, &log};
    int status = EXIT_OK;
    switch (options_init(&options, argc, argv, OPTIONS_DEFAULT_CONFIG_PATH, sink)) {
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
