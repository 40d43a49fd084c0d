/* build_problems.c — the problems of one build, kept and shown; see build_problems.h.
 * Each kept problem owns copies of its strings (Kept); summaries and reports render them
 * with build_message_line() in the language asked for. */
#define _POSIX_C_SOURCE 200809L
#include "builder/build_problems.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Kept {
    BuildProblem problem; /* its strings point into the copies below */
    char *strings[4 + BUILD_MESSAGE_MAX_ARGS];
} Kept;

struct BuildProblems {
    Kept *kept;
    size_t count;
    size_t capacity;
    size_t errors;   /* reported, also those not kept */
    size_t warnings;
    char *folder;    /* files in it are kept by their names within it (NULL: as given) */
};

BuildProblems *build_problems_create(void)
{
    return calloc(1, sizeof(BuildProblems));
}

static void kept_free(Kept *kept)
{
    for (size_t i = 0; i < sizeof kept->strings / sizeof kept->strings[0]; i++) {
        free(kept->strings[i]);
    }
}

void build_problems_destroy(BuildProblems *problems)
{
    if (!problems) {
        return;
    }
    for (size_t i = 0; i < problems->count; i++) {
        kept_free(&problems->kept[i]);
    }
    free(problems->kept);
    free(problems->folder);
    free(problems);
}

bool build_problems_name_within(BuildProblems *problems, const char *folder)
{
    char *copy = strdup(folder);
    if (!copy) {
        return false;
    }
    size_t length = strlen(copy);
    while (length > 1 && copy[length - 1] == '/') {
        copy[--length] = '\0';
    }
    free(problems->folder);
    problems->folder = copy;
    return true;
}

/* file as staff know it: its name within the folder set, else as given. */
static const char *name_within(const BuildProblems *problems, const char *file)
{
    if (!file || !problems->folder) {
        return file;
    }
    size_t length = strlen(problems->folder);
    if (strncmp(file, problems->folder, length) == 0 && file[length] == '/' && file[length + 1]) {
        return file + length + 1;
    }
    return file;
}

static void keep_problem(void *ctx, const BuildProblem *problem)
{
    build_problems_add(ctx, problem);
}

void build_problems_attach(BuildProblems *problems, BuilderReport *report)
{
    report->keep = keep_problem;
    report->keep_ctx = problems;
}

/* A copy of text in kept->strings[slot] (NULL stays NULL); false when out of memory. */
static bool keep_string(Kept *kept, size_t slot, const char **text)
{
    if (!*text) {
        return true;
    }
    kept->strings[slot] = strdup(*text);
    *text = kept->strings[slot];
    return *text != NULL;
}

void build_problems_add(BuildProblems *problems, const BuildProblem *problem)
{
    if (build_message_severity(problem->id) == BUILD_SEVERITY_WARNING) {
        problems->warnings++;
    } else {
        problems->errors++;
    }
    if (problems->count == problems->capacity) {
        size_t capacity = problems->capacity ? problems->capacity * 2 : 64;
        Kept *grown = realloc(problems->kept, capacity * sizeof *grown);
        if (!grown) {
            return;
        }
        problems->kept = grown;
        problems->capacity = capacity;
    }
    Kept kept = {.problem = *problem};
    kept.problem.where.file = name_within(problems, problem->where.file);
    bool ok = keep_string(&kept, 0, &kept.problem.where.file) && keep_string(&kept, 1, &kept.problem.where.sheet) &&
              keep_string(&kept, 2, &kept.problem.where.column);
    for (size_t a = 0; ok && a < BUILD_MESSAGE_MAX_ARGS; a++) {
        ok = keep_string(&kept, 4 + a, &kept.problem.args[a]);
    }
    if (!ok) {
        kept_free(&kept);
        return;
    }
    problems->kept[problems->count++] = kept;
}

size_t build_problems_error_count(const BuildProblems *problems)
{
    return problems ? problems->errors : 0;
}

size_t build_problems_warning_count(const BuildProblems *problems)
{
    return problems ? problems->warnings : 0;
}

const BuildProblem *build_problems_at(const BuildProblems *problems, size_t index)
{
    return problems && index < problems->count ? &problems->kept[index].problem : NULL;
}

static bool is_warning(const BuildProblem *problem)
{
    return build_message_severity(problem->id) == BUILD_SEVERITY_WARNING;
}

/* Renders problem in lang and hands it to line (skipped when out of memory). */
static void say_problem(const BuildProblem *problem, Lang lang, void (*line)(void *ctx, const char *text), void *ctx)
{
    char *text = build_message_line(problem, lang);
    if (text) {
        line(ctx, text);
    }
    free(text);
}

static void say_part(BuildMessageId id, const char *a, const char *b, Lang lang,
                     void (*line)(void *ctx, const char *text), void *ctx)
{
    BuildProblem part = {.id = id, .args = {a, b}};
    char *text = build_message_text(&part, lang);
    if (text) {
        line(ctx, text);
    }
    free(text);
}

/* One kind of warning: its title and count, the first few, how many more. */
static void summarise_kind(const BuildProblems *problems, BuildMessageId id, Lang lang,
                           void (*line)(void *ctx, const char *text), void *ctx)
{
    size_t total = 0;
    for (size_t i = 0; i < problems->count; i++) {
        total += problems->kept[i].problem.id == id;
    }
    char *title = build_message_kind_title(id, lang);
    char count[32];
    snprintf(count, sizeof count, "%zu", total);
    say_part(total > BUILD_SUMMARY_SHOWN_PER_KIND ? BUILD_MSG_SUMMARY_KIND_SOME : BUILD_MSG_SUMMARY_KIND,
             title ? title : "", count, lang, line, ctx);
    free(title);
    size_t shown = 0;
    for (size_t i = 0; i < problems->count && shown < BUILD_SUMMARY_SHOWN_PER_KIND; i++) {
        if (problems->kept[i].problem.id == id) {
            say_problem(&problems->kept[i].problem, lang, line, ctx);
            shown++;
        }
    }
    if (total > shown) {
        snprintf(count, sizeof count, "%zu", total - shown);
        say_part(BUILD_MSG_SUMMARY_MORE, count, NULL, lang, line, ctx);
    }
}

void build_problems_summary(const BuildProblems *problems, Lang lang, void (*line)(void *ctx, const char *text),
                            void *ctx)
{
    if (!problems) {
        return;
    }
    for (size_t i = 0; i < problems->count; i++) {
        if (!is_warning(&problems->kept[i].problem)) {
            say_problem(&problems->kept[i].problem, lang, line, ctx);
        }
    }
    /* Each kind once, where it was first seen. */
    for (size_t i = 0; i < problems->count; i++) {
        const BuildProblem *problem = &problems->kept[i].problem;
        bool first = is_warning(problem);
        for (size_t j = 0; first && j < i; j++) {
            first = problems->kept[j].problem.id != problem->id;
        }
        if (first) {
            summarise_kind(problems, problem->id, lang, line, ctx);
        }
    }
}

typedef struct ReportText {
    char *bytes;
    size_t length;
    bool failed;
} ReportText;

static void report_line(void *ctx, const char *text)
{
    ReportText *report = ctx;
    size_t n = strlen(text);
    char *grown = report->failed ? NULL : realloc(report->bytes, report->length + n + 2);
    if (!grown) {
        report->failed = true;
        return;
    }
    report->bytes = grown;
    memcpy(report->bytes + report->length, text, n);
    report->length += n;
    report->bytes[report->length++] = '\n';
    report->bytes[report->length] = '\0';
}

char *build_problems_report_text(const BuildProblems *problems, Lang lang)
{
    ReportText report = {0};
    size_t errors = build_problems_error_count(problems);
    size_t warnings = build_problems_warning_count(problems);
    char count[32];
    if (errors) {
        snprintf(count, sizeof count, "%zu", errors);
        say_part(BUILD_MSG_REPORT_ERRORS, count, NULL, lang, report_line, &report);
        for (size_t i = 0; i < problems->count; i++) {
            if (!is_warning(&problems->kept[i].problem)) {
                say_problem(&problems->kept[i].problem, lang, report_line, &report);
            }
        }
    }
    if (warnings) {
        if (errors) {
            report_line(&report, "");
        }
        snprintf(count, sizeof count, "%zu", warnings);
        say_part(BUILD_MSG_REPORT_WARNINGS, count, NULL, lang, report_line, &report);
        for (size_t i = 0; i < problems->count; i++) {
            if (is_warning(&problems->kept[i].problem)) {
                say_problem(&problems->kept[i].problem, lang, report_line, &report);
            }
        }
    }
    if (!errors && !warnings) {
        say_part(BUILD_MSG_REPORT_NOTHING, NULL, NULL, lang, report_line, &report);
    }
    if (report.failed) {
        free(report.bytes);
        return NULL;
    }
    return report.bytes;
}
