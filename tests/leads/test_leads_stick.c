/* leads_stick: finding sticks under the mount roots (pack or not) and copying the records
 * each stick has not had yet, remembered per stick. Real folders stand in for sticks as in
 * the update tests (a folder holding facts-kiosk); real sealed records throughout. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "leads/leads_file.h"
#include "leads/leads_open.h"
#include "leads/leads_record.h"
#include "store/store_paths.h"
#include "leads/leads_stick.h"
#include "update/fixture.h"

#define DATE "2026-12-01"

typedef struct Env {
    char *dir;
    char state[FSIO_PATH_MAX];
    char media[FSIO_PATH_MAX];
    unsigned char public_key[LEADS_KEY_BYTES];
    unsigned char secret_key[LEADS_KEY_BYTES];
    int next_lead;
} Env;

static int setup(void **state)
{
    Env *env = calloc(1, sizeof *env);
    assert_non_null(env);
    assert_true(sodium_init() >= 0);
    env->dir = fixture_temp_dir();
    fixture_path(env->state, env->dir, "state");
    fixture_path(env->media, env->dir, "media");
    fixture_make_dirs(env->state);
    fixture_make_dirs(env->media);
    crypto_box_keypair(env->public_key, env->secret_key);
    *state = env;
    return 0;
}

static int teardown(void **state)
{
    Env *env = *state;
    fixture_remove_tree(env->dir);
    free(env->dir);
    free(env);
    return 0;
}

static void append_leads(Env *env, int count)
{
    for (int i = 0; i < count; i++) {
        Lead lead = {0};
        unsigned char record[LEADS_RECORD_MAX] = {0};
        char name[64] = {0};
        size_t length = 0;
        snprintf(name, sizeof name, "Stick Visitor %d", env->next_lead++);
        lead_set(&lead, LEAD_NAME, name);
        assert_int_equal(leads_record_seal(&lead, env->public_key, record, sizeof record, &length), LEADS_OK);
        assert_int_equal(leads_file_append(env->state, STORE_LEADS_NAME, record, length), 0);
    }
}

/* Makes a stand-in stick media/<path> holding a facts-kiosk folder; its root into out. */
static void insert_stick(Env *env, const char *path, char *out)
{
    char folder[FSIO_PATH_MAX];
    fixture_path(out, env->media, path);
    fixture_path(folder, out, "facts-kiosk");
    fixture_make_dirs(folder);
}

/* leads open on one path: the number of leads, duplicates and problems. */
static LeadsOpenReport open_path(Env *env, const char *path)
{
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    const char *paths[] = {path};
    LeadsOpenReport report = {0};
    assert_true(leads_open_paths(paths, 1, env->public_key, env->secret_key, out, &report));
    fclose(out);
    free(text);
    return report;
}

static void finds_sticks_once(void **state)
{
    Env *env = *state;
    const char *roots[] = {env->media};
    LeadsStickWatch watch;
    LeadsStick stick = {0};
    char root[FSIO_PATH_MAX], expected[FSIO_PATH_MAX], path[FSIO_PATH_MAX];
    leads_stick_watch_init(&watch, roots, 1);
    assert_false(leads_stick_poll(&watch, &stick));

    fixture_path(path, env->media, "not-a-stick/empty");
    fixture_make_dirs(path); /* no facts-kiosk, same device: a folder, not a stick */
    fixture_path(path, env->media, ".hidden/facts-kiosk");
    fixture_make_dirs(path);
    fixture_path(path, env->media, "link");
    fixture_path(expected, env->media, "not-a-stick");
    assert_int_equal(symlink(expected, path), 0);
    assert_false(leads_stick_poll(&watch, &stick));

    insert_stick(env, "STICK", root);
    assert_true(leads_stick_poll(&watch, &stick));
    assert_string_equal(stick.root, root);
    assert_false(leads_stick_poll(&watch, &stick));

    /* The package's layout, two levels down; one new stick per poll. */
    insert_stick(env, "facts-kiosk/LEADS", root);
    insert_stick(env, "facts-kiosk/OTHER", expected);
    assert_true(leads_stick_poll(&watch, &stick));
    bool first_is_leads = strcmp(stick.root, root) == 0;
    assert_true(first_is_leads || strcmp(stick.root, expected) == 0);
    assert_true(leads_stick_poll(&watch, &stick));
    assert_string_equal(stick.root, first_is_leads ? expected : root);
    assert_false(leads_stick_poll(&watch, &stick));

    /* Pulled and inserted again: reported again. */
    fixture_remove_tree(root);
    assert_false(leads_stick_poll(&watch, &stick));
    insert_stick(env, "facts-kiosk/LEADS", root);
    assert_true(leads_stick_poll(&watch, &stick));
    assert_string_equal(stick.root, root);
}

static void copies_only_what_is_new(void **state)
{
    Env *env = *state;
    char stick[FSIO_PATH_MAX], other[FSIO_PATH_MAX], file[FSIO_PATH_MAX], folder[FSIO_PATH_MAX];
    LeadsExportResult result;
    struct stat st = {0};

    /* No lead yet: the stick is not touched at all, and nothing waits. */
    size_t none = 99;
    assert_int_equal(leads_export_waiting(env->state, &none), 0);
    assert_int_equal(none, 0);
    fixture_path(stick, env->media, "EMPTY");
    fixture_make_dirs(stick);
    assert_int_equal(leads_export(env->state, "hall-a-left", DATE, stick, &result), 0);
    assert_int_equal(result.records, 0);
    fixture_path(folder, stick, "facts-kiosk");
    assert_int_not_equal(lstat(folder, &st), 0);

    append_leads(env, 3);
    assert_int_equal(leads_export(env->state, "hall-a-left", DATE, stick, &result), 0);
    assert_int_equal(result.records, 3);
    assert_int_equal(result.bytes, 3 * 325);
    fixture_path(file, stick, "facts-kiosk/leads/hall-a-left-" DATE ".sealed");
    assert_string_equal(result.file, file);
    assert_int_equal(open_path(env, file).leads, 3);
    fixture_path(folder, stick, "facts-kiosk/leads/.stick-id");
    assert_int_equal(stat(folder, &st), 0);

    size_t waiting = 99;
    assert_int_equal(leads_export_waiting(env->state, &waiting), 0);
    assert_int_equal(waiting, 0);

    /* Again: nothing new, nothing written. */
    assert_int_equal(leads_export(env->state, "hall-a-left", DATE, stick, &result), 0);
    assert_int_equal(result.records, 0);
    append_leads(env, 2);
    assert_int_equal(leads_export_waiting(env->state, &waiting), 0);
    assert_int_equal(waiting, 2);
    assert_int_equal(leads_export(env->state, "hall-a-left", DATE, stick, &result), 0);
    assert_int_equal(result.records, 2);
    LeadsOpenReport report = open_path(env, file);
    assert_int_equal(report.leads, 5);
    assert_int_equal(report.problems, 0);

    /* Another stick gets everything; the first keeps what it has. */
    insert_stick(env, "OTHER", other);
    assert_int_equal(leads_export(env->state, "hall-a-left", DATE, other, &result), 0);
    assert_int_equal(result.records, 5);
    assert_int_equal(leads_export(env->state, "hall-a-left", DATE, stick, &result), 0);
    assert_int_equal(result.records, 0);

    /* The kiosk forgot (state lost): everything again, and leads open writes each once. */
    char remembered[FSIO_PATH_MAX];
    fixture_path(remembered, env->state, STORE_LEADS_EXPORT_NAME);
    assert_int_equal(unlink(remembered), 0);
    assert_int_equal(leads_export(env->state, "hall-a-left", DATE, stick, &result), 0);
    assert_int_equal(result.records, 5);
    report = open_path(env, file);
    assert_int_equal(report.leads, 5);
    assert_int_equal(report.duplicates, 5);
    assert_int_equal(report.problems, 0);

    /* Another day, another file. */
    append_leads(env, 1);
    assert_int_equal(leads_export(env->state, "hall-a-left", "2026-12-02", stick, &result), 0);
    assert_int_equal(result.records, 1);
    assert_non_null(strstr(result.file, "hall-a-left-2026-12-02.sealed"));
    fixture_path(folder, stick, "facts-kiosk/leads");
    report = open_path(env, folder);
    assert_int_equal(report.leads, 6);
    assert_int_equal(report.files, 2);
}

/* A stick pulled during a copy: its torn record is cut off before the next copy. */
static void torn_stick_file_is_repaired(void **state)
{
    Env *env = *state;
    char stick[FSIO_PATH_MAX], file[FSIO_PATH_MAX], remembered[FSIO_PATH_MAX];
    LeadsExportResult result;
    append_leads(env, 2);
    insert_stick(env, "STICK", stick);
    assert_int_equal(leads_export(env->state, "k1", DATE, stick, &result), 0);
    fixture_path(file, stick, "facts-kiosk/leads/k1-" DATE ".sealed");
    assert_int_equal(truncate(file, 325 + 100), 0);
    fixture_path(remembered, env->state, STORE_LEADS_EXPORT_NAME);
    assert_int_equal(unlink(remembered), 0); /* the offset was not remembered either */
    assert_int_equal(leads_export(env->state, "k1", DATE, stick, &result), 0);
    LeadsOpenReport report = open_path(env, file);
    assert_int_equal(report.leads, 2);
    assert_int_equal(report.duplicates, 1);
    assert_int_equal(report.problems, 0);
}

/* Damage in the kiosk's own file is not copied; the records after it are. A kiosk id with
 * characters a FAT stick or a shell would not like becomes a safe name. */
static void damage_and_odd_names(void **state)
{
    Env *env = *state;
    char stick[FSIO_PATH_MAX], local[FSIO_PATH_MAX];
    LeadsExportResult result;
    append_leads(env, 3);
    fixture_path(local, env->state, STORE_LEADS_NAME);
    fixture_flip_byte(local, 400);
    insert_stick(env, "STICK", stick);
    assert_int_equal(leads_export(env->state, "hall a/ü:1", DATE, stick, &result), 0);
    assert_int_equal(result.records, 2);
    assert_int_equal(result.skipped_bytes, 325);
    assert_non_null(strstr(result.file, "/facts-kiosk/leads/hall_a____1-" DATE ".sealed"));
    assert_int_equal(open_path(env, result.file).leads, 2);
}

/* A facts-kiosk symlink on the stick is never written through. */
static void symlink_on_stick_refused(void **state)
{
    Env *env = *state;
    char stick[FSIO_PATH_MAX], link[FSIO_PATH_MAX], elsewhere[FSIO_PATH_MAX], probe[FSIO_PATH_MAX];
    LeadsExportResult result;
    struct stat st = {0};
    append_leads(env, 1);
    fixture_path(stick, env->media, "STICK");
    fixture_make_dirs(stick);
    fixture_path(elsewhere, env->dir, "elsewhere");
    fixture_make_dirs(elsewhere);
    fixture_path(link, stick, "facts-kiosk");
    assert_int_equal(symlink(elsewhere, link), 0);
    assert_int_not_equal(leads_export(env->state, "k1", DATE, stick, &result), 0);
    assert_string_equal(result.failed_step, "stick-id");
    assert_int_equal(result.records, 0);
    fixture_path(probe, elsewhere, "leads");
    assert_int_not_equal(lstat(probe, &st), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(finds_sticks_once, setup, teardown),
        cmocka_unit_test_setup_teardown(copies_only_what_is_new, setup, teardown),
        cmocka_unit_test_setup_teardown(torn_stick_file_is_repaired, setup, teardown),
        cmocka_unit_test_setup_teardown(damage_and_odd_names, setup, teardown),
        cmocka_unit_test_setup_teardown(symlink_on_stick_refused, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
