/* pack_loader.c — pack loading with fallback; see pack_loader.h. */
#include "app/pack_loader.h"

#include "content/loader.h"

#include <stdio.h>
#include <string.h>

typedef struct LogContext {
    Log *log;
    const char *path;
} LogContext;

static void log_problem(void *ctx, const char *problem)
{
    LogContext *lc = ctx;
    log_write(lc->log, LOG_WARN, "content", "%s: %s", lc->path, problem);
}

Content *pack_load_logged(const char *path, Log *log, char *problem, size_t problem_size)
{
    LogContext lc = {log, path};
    ContentReport report = {.each = log_problem, .ctx = &lc};
    Content *content = NULL;
    if (content_load(path, &report, &content) != CONTENT_OK) {
        snprintf(problem, problem_size, "%s", report.first);
        return NULL;
    }
    log_write(log, LOG_INFO, "content", "loaded %s (version %lld)", path, (long long)content->pack.version);
    return content;
}

PackChoice pack_choose(const char *requested, const char *bundled, Log *log)
{
    PackChoice choice = {0};
    if (requested && requested[0]) {
        choice.content = pack_load_logged(requested, log, choice.problem, sizeof choice.problem);
        if (choice.content) {
            snprintf(choice.path, sizeof choice.path, "%s", requested);
            return choice;
        }
        choice.fell_back = true;
        log_write(log, LOG_WARN, "content", "%s cannot be shown; falling back to the bundled pack", requested);
    }
    char bundled_problem[512] = "";
    choice.content = pack_load_logged(bundled, log, bundled_problem, sizeof bundled_problem);
    if (choice.content) {
        snprintf(choice.path, sizeof choice.path, "%s", bundled);
    } else if (!choice.problem[0]) {
        snprintf(choice.problem, sizeof choice.problem, "%s", bundled_problem);
    }
    return choice;
}

void pack_log_render_problem(void *log, const char *key, const char *message)
{
    log_once(log, LOG_WARN, key, "render", "%s", message);
}
