/* import_job.c — a staff import's work in the update worker; see import_job.h.
 * Reading order: import_job_build() (pick_sources, no_links, the builder, the check), the
 * report on the stick (report_text, write_report), import_job_install(), then the copy to a
 * stick (import_job_copy, its how-to). */
#define _POSIX_C_SOURCE 200809L
#include "app/import_job.h"

#include "builder/build_problems.h"
#include "builder/builder.h"
#include "core/translit.h"
#include "core/ui_text.h"
#include "durable/fsio.h"
#include "update/watch.h"
#include "workbook/xlsx_write.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum {
    REPORT_MAX_BYTES = 1024 * 1024, /* the report on the stick: every problem line, within reason */
};

static void say_why(ImportBuild *out, const char *format, ...) __attribute__((format(printf, 2, 3)));

static void say_why(ImportBuild *out, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    vsnprintf(out->why, sizeof out->why, format, args);
    va_end(args);
}

static bool ends_with(const char *name, const char *suffix)
{
    size_t len = strlen(name);
    size_t suffix_len = strlen(suffix);
    return len > suffix_len && strcasecmp(name + len - suffix_len, suffix) == 0;
}

/* True when the folder dir_fd holds no symbolic link; counts its *.csv files. errno-style
 * failure: false with *error set. */
static bool folder_without_links(int dir_fd, size_t *csv_count, int *error)
{
    int fd = dup(dir_fd);
    DIR *dir = fd >= 0 ? fdopendir(fd) : NULL;
    if (!dir) {
        *error = errno;
        if (fd >= 0) {
            close(fd);
        }
        return false;
    }
    bool ok = true;
    for (struct dirent *entry = readdir(dir); entry && ok; entry = readdir(dir)) {
        struct stat st;
        if (fstatat(dir_fd, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
            continue;
        }
        if (S_ISLNK(st.st_mode)) {
            *error = ELOOP;
            ok = false;
        } else if (csv_count && S_ISREG(st.st_mode) && ends_with(entry->d_name, ".csv")) {
            (*csv_count)++;
        }
    }
    closedir(dir);
    return ok;
}

/* The sources in edit_dir: the workbook if there is one, else the folder of CSV files; false
 * (out->why) when the folder cannot be used. */
static bool pick_sources(const char *edit_dir, ImportBuild *out)
{
    int dir_fd = fsio_open_dir(AT_FDCWD, edit_dir);
    if (dir_fd < 0) {
        say_why(out, "%s: %s", edit_dir, errno == ELOOP ? "is a symbolic link" : strerror(errno));
        return false;
    }
    size_t csv_count = 0;
    int error = 0;
    bool ok = folder_without_links(dir_fd, &csv_count, &error);
    int images_fd = ok ? fsio_open_dir(dir_fd, "images") : -1;
    if (images_fd >= 0) {
        ok = folder_without_links(images_fd, NULL, &error);
        close(images_fd);
    } else if (ok && errno == ELOOP) {
        ok = false;
        error = ELOOP;
    }
    struct stat st;
    bool workbook = ok && fstatat(dir_fd, IMPORT_WORKBOOK_NAME, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode);
    close(dir_fd);
    if (!ok) {
        say_why(out, "%s: %s", edit_dir,
                error == ELOOP ? "holds a symbolic link; copy the files themselves onto the stick" : strerror(error));
        return false;
    }
    if (workbook) {
        out->csv_not_used = csv_count > 0;
        return fsio_join(out->source, sizeof out->source, edit_dir, IMPORT_WORKBOOK_NAME);
    }
    if (csv_count == 0) {
        say_why(out, "%s holds neither %s nor CSV files", edit_dir, IMPORT_WORKBOOK_NAME);
        return false;
    }
    snprintf(out->source, sizeof out->source, "%s", edit_dir);
    return true;
}

/* BuilderReport.each: the English line of a problem, for the log. */
static void log_line(void *ctx, const char *problem)
{
    log_write(ctx, LOG_DEBUG, "import", "%s", problem);
}

/* build_problems_summary's line: kept in order. */
static void keep_line(void *ctx, const char *problem)
{
    ImportBuild *out = ctx;
    if (out->line_count >= IMPORT_LINES_MAX) {
        return;
    }
    char **lines = realloc(out->lines, (out->line_count + 1) * sizeof *lines);
    char *line = strdup(problem);
    if (!lines || !line) {
        free(line);
        if (lines) {
            out->lines = lines;
        }
        return;
    }
    out->lines = lines;
    out->lines[out->line_count++] = line;
}

/* ---- the report on the stick ----------------------------------------------------------- */

static void append(char *text, size_t size, size_t *used, const char *format, ...)
    __attribute__((format(printf, 4, 5)));

static void append(char *text, size_t size, size_t *used, const char *format, ...)
{
    if (*used + 1 >= size) {
        return;
    }
    va_list args;
    va_start(args, format);
    int n = vsnprintf(text + *used, size - *used, format, args);
    va_end(args);
    *used = n < 0 ? *used : *used + (size_t)n >= size ? size - 1 : *used + (size_t)n;
}

static void append_time(char *text, size_t size, size_t *used)
{
    char when[64] = "unknown time";
    time_t now = time(NULL);
    struct tm utc = {0};
    if (now != (time_t)-1 && gmtime_r(&now, &utc) != NULL) {
        strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S UTC", &utc);
    }
    append(text, size, used, "FACTS Kiosk · %s\n", when);
}

/* The headline of a build in lang: ready, the errors to fix, or why it was not taken. */
static void build_headline(const ImportBuild *b, Lang lang, char *out, size_t size)
{
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
    if (b->accepted) {
        snprintf(out, size, ui_text(UI_IMPORT_READY, lang), b->summary);
    } else if (b->error_count > 0) {
        snprintf(out, size, ui_text(UI_IMPORT_FAILED, lang), b->error_count);
    } else {
        snprintf(out, size, ui_text(UI_IMPORT_NOT_CHECKED, lang), b->why[0] ? b->why : "unknown");
    }
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
}

/* Writes text as edit_dir/import-report.txt: a temp file, fsync, rename, fsync of the folder
 * (durable/fsio.h), so a stick pulled at any instant holds the old report or the new one.
 * The folder must not be a link (the check before the build). Best effort: logged. */
static void write_report(const Updater *u, const char *edit_dir, const char *text, size_t len)
{
    struct stat st;
    if (lstat(edit_dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        return; /* the stick is gone, or the folder is not a plain folder */
    }
    int error = fsio_write_atomic(edit_dir, IMPORT_REPORT_NAME, text, len, FSIO_OWNER_KEEP, FSIO_GROUP_KEEP, NULL,
                                  FAULT_POINT_COUNT);
    if (error == 0) {
        error = fsio_sync_dir(edit_dir);
    }
    if (error != 0) {
        log_write(update_store(u)->log, LOG_WARN, "import", "%s/%s: not written: %s", edit_dir, IMPORT_REPORT_NAME,
                  strerror(error));
    }
}

/* The build's report: the headline, the CSV note, then every problem (problems may be NULL:
 * none were collected). */
static void report_build(const Updater *u, const char *edit_dir, const ImportBuild *b, const BuildProblems *problems,
                         Lang lang)
{
    char *text = malloc(REPORT_MAX_BYTES);
    char *every = problems ? build_problems_report_text(problems, lang) : NULL;
    if (!text) {
        free(every);
        return;
    }
    size_t used = 0;
    char headline[512];
    build_headline(b, lang, headline, sizeof headline);
    append_time(text, REPORT_MAX_BYTES, &used);
    append(text, REPORT_MAX_BYTES, &used, "%s\n%s\n", headline, b->source[0] ? b->source : edit_dir);
    if (b->csv_not_used) {
        append(text, REPORT_MAX_BYTES, &used, "%s\n", ui_text(UI_IMPORT_CSV_NOT_USED, lang));
    }
    if (every) {
        append(text, REPORT_MAX_BYTES, &used, "\n%s%s", every, every[0] && every[strlen(every) - 1] != '\n' ? "\n" : "");
    }
    write_report(u, edit_dir, text, used);
    free(every);
    free(text);
}

/* ---- the jobs -------------------------------------------------------------------------- */

void import_job_build(Updater *u, const char *edit_dir, const char *out_path, Lang lang, ImportBuild *out)
{
    Log *log = update_store(u)->log;
    memset(out, 0, sizeof *out);
    update_post_progress(u, UPDATE_STEP_FIND, 0.0);
    if (!pick_sources(edit_dir, out)) {
        log_write(log, LOG_WARN, "import", "%s", out->why);
        report_build(u, edit_dir, out, NULL, lang);
        return;
    }
    log_write(log, LOG_INFO, "import", "building %s%s", out->source,
              out->csv_not_used ? " (the CSV files beside it are not used)" : "");
    update_post_progress(u, UPDATE_STEP_COPY, 0.0);
    BuilderReport report = {.each = log_line, .ctx = log};
    BuildProblems *problems = build_problems_create();
    if (problems) {
        build_problems_attach(problems, &report);
        /* The screen and the stick's report name files as staff see them on the stick. */
        build_problems_name_within(problems, edit_dir);
    }
    out->built = builder_build(out->source, out_path, &report);
    out->error_count = problems ? build_problems_error_count(problems) : report.count;
    out->warning_count = problems ? build_problems_warning_count(problems) : report.warning_count;
    if (problems) {
        build_problems_summary(problems, lang, keep_line, out);
    }
    if (out->built) {
        UpdateAcceptResult accepted;
        out->accepted = update_check_import(u, out_path, &accepted);
        out->cancelled = accepted.cancelled;
        out->version = accepted.pack_version;
        snprintf(out->summary, sizeof out->summary, "%s", accepted.summary);
        if (!out->accepted) {
            snprintf(out->why, sizeof out->why, "%s", accepted.why[0] ? accepted.why : "not accepted");
        }
    } else if (out->error_count == 0) {
        snprintf(out->why, sizeof out->why, "the pack could not be written");
    }
    if (!out->accepted) {
        (void)unlink(out_path);
    }
    log_write(log, out->accepted ? LOG_INFO : LOG_WARN, "import", "%s: %s (%zu errors, %zu warnings)%s%s", out->source,
              out->accepted ? "ready" : "not taken", out->error_count, out->warning_count, out->why[0] ? ": " : "",
              out->why);
    if (!out->cancelled) {
        report_build(u, edit_dir, out, problems, lang);
    }
    build_problems_destroy(problems);
}

void import_build_free(ImportBuild *build)
{
    if (!build) {
        return;
    }
    for (size_t i = 0; i < build->line_count; i++) {
        free(build->lines[i]);
    }
    free(build->lines);
    build->lines = NULL;
    build->line_count = 0;
}

void import_job_install(Updater *u, const char *edit_dir, const char *built_path, int64_t base_version, Lang lang,
                        UpdateResult *out)
{
    update_install_import(u, built_path, base_version, out);
    char message[UPDATE_TEXT_MAX * 2];
    update_message(out, lang, message, sizeof message);
    char text[2048];
    size_t used = 0;
    append_time(text, sizeof text, &used);
    append(text, sizeof text, &used, "%s\nmessage id: %s\nbase version: %" PRId64 "\n", message,
           update_message_id(out->message), base_version);
    write_report(u, edit_dir, text, used);
}

/* ---- the copy to a stick --------------------------------------------------------------- */

/* The how-to, short steps; file and folder names in backquotes stay as they are in Cyrillic
 * (the backquotes themselves are not written). */
static const char HOW_TO_EN[] =
    "FACTS Kiosk: how to edit the content\n"
    "1. Open `content.xlsx` in Excel or LibreOffice Calc. Each sheet is one table (`members`, `stories`, ...); "
    "keep the first row, the column names, as it is.\n"
    "2. Change, add or delete rows. Pictures go into the `images` folder beside the workbook; write their file "
    "names in the sheet.\n"
    "3. Columns ending in `_sr_cyrl` may stay empty: the kiosk writes the Cyrillic from the Latin.\n"
    "4. Save it as an Excel workbook, named `content.xlsx`, in this folder (`facts-kiosk/edit`).\n"
    "5. At the kiosk open the staff panel and choose \"Take content from stick\". Look through the preview, "
    "then Install. Mistakes are listed on the screen and in `import-report.txt` here.\n"
    "6. Something wrong after Install? Choose Roll back in the staff panel.\n";

static const char HOW_TO_SR_LATN[] =
    "`FACTS Kiosk`: kako se menja sadržaj\n"
    "1. Otvorite `content.xlsx` u `Excel`-u ili `LibreOffice Calc`-u. Svaki list je jedna tabela (`members`, "
    "`stories`, ...); prvi red, nazive kolona, ostavite kakav jeste.\n"
    "2. Menjajte, dodajte ili obrišite redove. Slike idu u fasciklu `images` pored radne sveske; u list upišite "
    "nazive njihovih datoteka.\n"
    "3. Kolone koje se završavaju sa `_sr_cyrl` mogu ostati prazne: kiosk ćirilicu piše iz latinice.\n"
    "4. Sačuvajte kao `Excel` radnu svesku, pod imenom `content.xlsx`, u ovoj fascikli (`facts-kiosk/edit`).\n"
    "5. Na kiosku otvorite panel za osoblje i izaberite \"Preuzmi sadržaj sa USB-a\". Pregledajte sadržaj, "
    "zatim Instaliraj. Greške su navedene na ekranu i u `import-report.txt` ovde.\n"
    "6. Nešto ne valja posle instalacije? U panelu za osoblje izaberite Vrati prethodni.\n";

/* text without its backquotes, and the parts outside them in Cyrillic when cyrillic. NULL
 * when out of memory. */
static char *how_to_text(const char *text, bool cyrillic)
{
    size_t size = strlen(text) * 2 + 1;
    char *out = malloc(size);
    char *part = malloc(strlen(text) + 1);
    size_t used = 0;
    bool quoted = false;
    for (const char *p = text; out && part && *p;) {
        const char *end = strchr(p, '`');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        memcpy(part, p, len);
        part[len] = '\0';
        char *made = cyrillic && !quoted ? translit_latin_to_cyrillic(part) : NULL;
        const char *piece = made ? made : part;
        size_t piece_len = strlen(piece);
        if (used + piece_len + 1 > size) {
            char *grown = realloc(out, used + piece_len + size);
            if (!grown) {
                free(made);
                break;
            }
            out = grown;
            size = used + piece_len + size;
        }
        memcpy(out + used, piece, piece_len);
        used += piece_len;
        free(made);
        quoted = !quoted;
        p = end ? end + 1 : p + len;
    }
    if (out) {
        out[used] = '\0';
    }
    free(part);
    return out;
}

/* Writes how-to-edit.txt into edit_dir durably. Returns 0 or an errno value. */
static int write_how_to(const char *edit_dir)
{
    char *en = how_to_text(HOW_TO_EN, false);
    char *latn = how_to_text(HOW_TO_SR_LATN, false);
    char *cyrl = how_to_text(HOW_TO_SR_LATN, true);
    size_t size = (en ? strlen(en) : 0) + (latn ? strlen(latn) : 0) + (cyrl ? strlen(cyrl) : 0) + 8;
    char *text = en && latn && cyrl ? malloc(size) : NULL;
    int error = ENOMEM;
    if (text) {
        int len = snprintf(text, size, "%s\n%s\n%s", en, latn, cyrl);
        error = fsio_write_atomic(edit_dir, IMPORT_HOW_TO_NAME, text, (size_t)len, FSIO_OWNER_KEEP, FSIO_GROUP_KEEP,
                                  NULL, FAULT_POINT_COUNT);
    }
    free(text);
    free(en);
    free(latn);
    free(cyrl);
    return error;
}

/* Makes dir when missing; false (why) when it cannot, or when it is a link or not a folder. */
static bool plain_folder(const char *dir, char *why, size_t why_size)
{
    int error = fsio_make_dir(dir);
    int fd = error == 0 ? fsio_open_dir(AT_FDCWD, dir) : -1;
    if (fd < 0) {
        error = error ? error : errno;
        snprintf(why, why_size, "%s: %s", dir, error == ELOOP ? "is a symbolic link" : strerror(error));
        return false;
    }
    close(fd);
    return true;
}

bool import_job_copy(const char *kiosk_dir, const char *pack_path, char *why, size_t why_size)
{
    char edit_dir[FSIO_PATH_MAX];
    char xlsx[FSIO_PATH_MAX];
    if (!fsio_join(edit_dir, sizeof edit_dir, kiosk_dir, WATCH_EDIT_NAME) ||
        !fsio_join(xlsx, sizeof xlsx, edit_dir, IMPORT_WORKBOOK_NAME)) {
        snprintf(why, why_size, "%s: path too long", kiosk_dir);
        return false;
    }
    if (!plain_folder(kiosk_dir, why, why_size) || !plain_folder(edit_dir, why, why_size)) {
        return false;
    }
    if (!workbook_export(pack_path, xlsx, why, why_size)) {
        return false;
    }
    int error = write_how_to(edit_dir);
    if (error == 0) {
        error = fsio_sync_dir(edit_dir);
    }
    if (error != 0) {
        snprintf(why, why_size, "%s/%s: %s", edit_dir, IMPORT_HOW_TO_NAME, strerror(error));
        return false;
    }
    return true;
}
