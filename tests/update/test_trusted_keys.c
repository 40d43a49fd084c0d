/* trusted_keys: a folder stands for its *.pub files (sorted, no hidden ones,
 * nothing else), a file for itself; a missing entry is logged under "config"
 * and skipped; past TRUSTED_KEYS_MAX names the rest are logged and dropped. */
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

#include "update/trusted_keys.h"

/* A new folder under $TMPDIR (or /tmp) holding an empty file for each name. */
static void make_key_dir(char *dir, size_t size, const char *const *names, size_t count)
{
    const char *base = getenv("TMPDIR");
    snprintf(dir, size, "%s/facts-keys-XXXXXX", base && base[0] ? base : "/tmp");
    assert_non_null(mkdtemp(dir));
    for (size_t i = 0; i < count; i++) {
        char path[256];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fclose(f);
    }
}

static void remove_key_dir(const char *dir, const char *const *names, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        char path[256];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
}

/* A Log whose lines are kept in text (after captured_stop). */
typedef struct Captured {
    char *text;
    size_t size;
    FILE *out;
    Log log;
} Captured;

static void captured_start(Captured *c)
{
    *c = (Captured){0};
    c->out = open_memstream(&c->text, &c->size);
    assert_non_null(c->out);
    log_create(&c->log, c->out, LOG_INFO, LOG_STYLE_TERMINAL);
}

static void captured_stop(Captured *c)
{
    log_destroy(&c->log);
    fclose(c->out);
}

static void test_folder_file_and_missing_entry(void **state)
{
    (void)state;
    static const char *const NAMES[] = {"b.pub", "a.pub", "notes.txt", ".hidden.pub"};
    char dir[128];
    make_key_dir(dir, sizeof dir, NAMES, 4);
    Captured logged;
    captured_start(&logged);

    char notes[256];
    snprintf(notes, sizeof notes, "%s/notes.txt", dir);
    TrustedKeyFiles files = {0};
    trusted_keys_add(&files, dir, &logged.log);
    trusted_keys_add(&files, notes, &logged.log);
    trusted_keys_add(&files, "/nonexistent/keys.d", &logged.log);
    captured_stop(&logged);

    assert_int_equal(files.count, 3);
    char expected[256];
    snprintf(expected, sizeof expected, "%s/a.pub", dir);
    assert_string_equal(files.paths[0], expected);
    snprintf(expected, sizeof expected, "%s/b.pub", dir);
    assert_string_equal(files.paths[1], expected);
    assert_string_equal(files.paths[2], notes);
    assert_string_equal(logged.text,
                        "[warn] config: trusted key /nonexistent/keys.d: No such file or directory; skipped\n");
    free(logged.text);
    remove_key_dir(dir, NAMES, 4);
}

static void test_too_many_keys_are_dropped(void **state)
{
    (void)state;
    static const char *const NAMES[] = {"k01.pub", "k02.pub", "k03.pub", "k04.pub", "k05.pub", "k06.pub",
                                        "k07.pub", "k08.pub", "k09.pub", "k10.pub", "k11.pub", "k12.pub",
                                        "k13.pub", "k14.pub", "k15.pub", "k16.pub", "k17.pub", "k18.pub"};
    enum { NAME_COUNT = sizeof NAMES / sizeof NAMES[0] };
    _Static_assert((int)NAME_COUNT > (int)TRUSTED_KEYS_MAX, "more keys than fit");
    char dir[128];
    make_key_dir(dir, sizeof dir, NAMES, NAME_COUNT);
    Captured logged;
    captured_start(&logged);

    TrustedKeyFiles files = {0};
    trusted_keys_add(&files, dir, &logged.log);
    trusted_keys_add(&files, dir, &logged.log); /* full already: one line, nothing added */
    captured_stop(&logged);

    assert_int_equal(files.count, TRUSTED_KEYS_MAX);
    char expected[256];
    snprintf(expected, sizeof expected, "%s/k16.pub", dir);
    assert_string_equal(files.paths[TRUSTED_KEYS_MAX - 1], expected);
    char lines[1024];
    snprintf(lines, sizeof lines,
             "[warn] config: trusted key %s/k17.pub: more than %d keys; skipped\n"
             "[warn] config: trusted key %s/k01.pub: more than %d keys; skipped\n",
             dir, TRUSTED_KEYS_MAX, dir, TRUSTED_KEYS_MAX);
    assert_string_equal(logged.text, lines);
    free(logged.text);
    remove_key_dir(dir, NAMES, NAME_COUNT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_folder_file_and_missing_entry),
        cmocka_unit_test(test_too_many_keys_are_dropped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
