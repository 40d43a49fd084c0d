/* staff_conf.c — rewriting kiosk.conf's [staff] pin_hash line; see staff_conf.h. Reading
 * order: staff_conf_set_pin_hash() → read_config() → staff_conf_with_pin_hash() →
 * replace_config(). */
#define _POSIX_C_SOURCE 200809L
#include "staff/staff_conf.h"

#include "durable/fsio.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PIN_KEY "pin_hash"

typedef struct Text {
    char *data;
    size_t len, cap;
    bool failed;
} Text;

static void text_add(Text *t, const char *s, size_t n)
{
    if (t->failed) {
        return;
    }
    if (t->len + n + 1 > t->cap) {
        size_t cap = (t->len + n + 1) * 2;
        char *data = realloc(t->data, cap);
        if (!data) {
            t->failed = true;
            return;
        }
        t->data = data;
        t->cap = cap;
    }
    memcpy(t->data + t->len, s, n);
    t->len += n;
    t->data[t->len] = '\0';
}

static const char *skip_blank(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t')) {
        p++;
    }
    return p;
}

/* A "[name]" header line: its name into section (size 64), true. */
static bool header_line(const char *line, const char *end, char *section, size_t size)
{
    const char *p = skip_blank(line, end);
    if (p >= end || *p != '[') {
        return false;
    }
    const char *close = memchr(p, ']', (size_t)(end - p));
    if (!close) {
        return false;
    }
    const char *name = skip_blank(p + 1, close);
    const char *name_end = close;
    while (name_end > name && (name_end[-1] == ' ' || name_end[-1] == '\t')) {
        name_end--;
    }
    snprintf(section, size, "%.*s", (int)(name_end - name), name);
    return true;
}

/* "pin_hash = ..." or "pin_hash: ..." (inih accepts both), not a comment. */
static bool pin_line(const char *line, const char *end)
{
    const char *p = skip_blank(line, end);
    size_t key = strlen(PIN_KEY);
    if ((size_t)(end - p) < key || strncmp(p, PIN_KEY, key) != 0) {
        return false;
    }
    p = skip_blank(p + key, end);
    return p < end && (*p == '=' || *p == ':');
}

/* One line of the text: [start, content_end) without its line end, which runs to line_end
 * (past "\r\n" or "\n", or the text's end). */
typedef struct Line {
    const char *start, *content_end, *line_end;
} Line;

static bool next_line(const char **p, const char *end, Line *line)
{
    if (*p >= end) {
        return false;
    }
    const char *nl = memchr(*p, '\n', (size_t)(end - *p));
    line->start = *p;
    line->line_end = nl ? nl + 1 : end;
    line->content_end = nl ? (nl > *p && nl[-1] == '\r' ? nl - 1 : nl) : end;
    *p = line->line_end;
    return true;
}

/* Whether a [staff] section holds a pin_hash line already, and whether there is a [staff]
 * header at all; and the line end the file uses. */
static void scan(const char *text, size_t len, bool *has_key, bool *has_section, const char **eol)
{
    char section[64] = "";
    Line line = {0};
    *has_key = *has_section = false;
    *eol = "\n";
    for (const char *p = text; next_line(&p, text + len, &line);) {
        if (line.content_end + 1 < line.line_end) {
            *eol = "\r\n";
        }
        if (header_line(line.start, line.content_end, section, sizeof section)) {
            *has_section = *has_section || strcmp(section, "staff") == 0;
        } else if (strcmp(section, "staff") == 0 && pin_line(line.start, line.content_end)) {
            *has_key = true;
        }
    }
}

char *staff_conf_with_pin_hash(const char *text, size_t len, const char *hash, size_t *out_len)
{
    Text out = {0};
    char section[64] = "";
    bool has_key = false;
    bool has_section = false;
    bool added = false;
    const char *eol = "\n";
    Line line = {0};
    scan(text, len, &has_key, &has_section, &eol);
    text_add(&out, "", 0);
    for (const char *p = text; next_line(&p, text + len, &line);) {
        bool header = header_line(line.start, line.content_end, section, sizeof section);
        bool staff = strcmp(section, "staff") == 0;
        if (!header && staff && pin_line(line.start, line.content_end)) {
            text_add(&out, PIN_KEY " = ", strlen(PIN_KEY " = "));
            text_add(&out, hash, strlen(hash));
        } else {
            text_add(&out, line.start, (size_t)(line.content_end - line.start));
        }
        /* Every line keeps its line end; a last line without one gets the file's. */
        bool ended = line.content_end < line.line_end;
        text_add(&out, ended ? line.content_end : eol, ended ? (size_t)(line.line_end - line.content_end) : strlen(eol));
        if (header && staff && !has_key && !added) {
            text_add(&out, PIN_KEY " = ", strlen(PIN_KEY " = ")); /* right after the first [staff] */
            text_add(&out, hash, strlen(hash));
            text_add(&out, eol, strlen(eol));
            added = true;
        }
    }
    if (!has_section) {
        if (out.len > 0) {
            text_add(&out, eol, strlen(eol));
        }
        text_add(&out, "[staff]", strlen("[staff]"));
        text_add(&out, eol, strlen(eol));
        text_add(&out, PIN_KEY " = ", strlen(PIN_KEY " = "));
        text_add(&out, hash, strlen(hash));
        text_add(&out, eol, strlen(eol));
    }
    if (out.failed) {
        free(out.data);
        return NULL;
    }
    *out_len = out.len;
    return out.data;
}

/* The whole file into *text (malloc'd), its status into *st; a missing file is "" with
 * *exists false. Returns 0 or an errno value. */
static int read_config(const char *path, char **text, size_t *len, struct stat *st, bool *exists)
{
    FsioFile file = {0};
    *text = NULL;
    *len = 0;
    *exists = true;
    switch (fsio_open_regular(AT_FDCWD, path, O_RDONLY, 0, &file)) {
    case FSIO_OK:
        break;
    case FSIO_MISSING:
        *exists = false;
        return 0;
    default:
        return file.error;
    }
    int error = 0;
    *st = file.st;
    if (file.st.st_size > STAFF_CONF_MAX_BYTES) {
        error = EFBIG;
        goto done;
    }
    *text = malloc((size_t)file.st.st_size + 1);
    if (!*text) {
        error = ENOMEM;
        goto done;
    }
    while (*len < (size_t)file.st.st_size) {
        ssize_t n = read(file.fd, *text + *len, (size_t)file.st.st_size - *len);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            error = n < 0 ? errno : EIO;
            goto done;
        }
        *len += (size_t)n;
    }
done:
    close(file.fd);
    if (error) {
        free(*text);
        *text = NULL;
    }
    return error;
}

/* Replaces path with text (fsio_replace_*: a temp file beside it, fsync, rename, fsync of
 * the folder) with the old file's mode and owner. Returns 0 or an errno value; on failure
 * path is as it was. */
static int replace_config(const char *path, const char *text, size_t len, const struct stat *st, bool exists)
{
    FsioReplace file = {.fd = -1};
    mode_t mode = exists ? st->st_mode & 07777 : 0644;
    /* A temp name of this process's own: two `staff set-pin` at once never write into each
     * other's file (the begin removes a leftover of the same name). */
    char temp[FSIO_PATH_MAX] = {0};
    if ((size_t)snprintf(temp, sizeof temp, "%s.pin-%ld", path, (long)getpid()) >= sizeof temp) {
        return ENAMETOOLONG;
    }
    int error = fsio_replace_begin(&file, path, temp, mode);
    if (error) {
        return error;
    }
    if (exists && fchown(file.fd, st->st_uid, st->st_gid) != 0 && (st->st_uid != geteuid() || st->st_gid != getegid())) {
        error = errno; /* only root can hand a file to someone else: say so rather than change it */
    }
    if (!error && fchmod(file.fd, mode) != 0) {
        error = errno;
    }
    if (!error) {
        error = fsio_write_all(file.fd, text, len);
    }
    if (error) {
        fsio_replace_abort(&file);
        return error;
    }
    return fsio_replace_commit(&file, NULL, FAULT_POINT_COUNT, true);
}

bool staff_conf_set_pin_hash(const char *path, const char *hash, char *why, size_t why_size)
{
    char *text = NULL;
    char *updated = NULL;
    size_t len = 0;
    size_t updated_len = 0;
    struct stat st = {0};
    bool exists = false;
    int error = read_config(path, &text, &len, &st, &exists);
    const char *what = "cannot read it";
    if (error) {
        goto done;
    }
    updated = staff_conf_with_pin_hash(text ? text : "", len, hash, &updated_len);
    if (!updated) {
        error = ENOMEM;
        goto done;
    }
    what = "cannot write it";
    error = replace_config(path, updated, updated_len, &st, exists);
done:
    if (error) {
        const char *reason = error == ELOOP    ? "a symbolic link; give the file it points to with --config"
                             : error == EFBIG  ? "larger than 64 KiB; the kiosk would not read it"
                             : error == EISDIR ? "a folder, not a file"
                             : error == EINVAL ? "not a regular file"
                                               : strerror(error);
        snprintf(why, why_size, "%s: %s: %s", path, what, reason);
    }
    free(text);
    free(updated);
    return error == 0;
}
