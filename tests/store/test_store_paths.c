/* store_paths: the state directory's names stay those of every earlier release (a kiosk
 * upgraded in place keeps its packs, leads and statistics), each name is listed once, and
 * paths and folders are made under the state directory given. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "update/fixture.h"
#include "store/store_paths.h"

static void test_names_are_those_on_disk(void **state)
{
    /* These strings are on kiosks in the field: never change one. */
    static const struct {
        StoreFile file;
        const char *name;
    } KNOWN[] = {
        {STORE_FILE_POINTER, "current"},       {STORE_FILE_REFUSED, "refused"},
        {STORE_FILE_ATTEMPT, "attempt"},       {STORE_FILE_SLOT_A, "slot-a.db"},
        {STORE_FILE_SLOT_B, "slot-b.db"},      {STORE_FILE_STAGING, "staging.part"},
        {STORE_FILE_STAGED, "staged.db"},      {STORE_FILE_STATUS, "status.json"},
        {STORE_FILE_PULL, "pull"},             {STORE_FILE_STAFF_LOCK, "staff-lock"},
        {STORE_FILE_LEADS, "leads.sealed"},    {STORE_FILE_LEADS_EXPORT, "leads-export"},
        {STORE_FILE_VISITS_DIR, "visits"},     {STORE_FILE_VISITS_DB, "visits/visits.db"},
        {STORE_FILE_IMPORT, "import.db"},
        {STORE_FILE_SCREEN, "screen.jpg"},
        {STORE_FILE_CLOCK, "clock"},
    };
    (void)state;
    assert_int_equal(sizeof KNOWN / sizeof KNOWN[0], STORE_FILE_COUNT);
    for (size_t i = 0; i < sizeof KNOWN / sizeof KNOWN[0]; i++) {
        assert_string_equal(store_file_name(KNOWN[i].file), KNOWN[i].name);
    }
    for (int a = 0; a < STORE_FILE_COUNT; a++) {
        for (int b = a + 1; b < STORE_FILE_COUNT; b++) {
            assert_string_not_equal(store_file_name((StoreFile)a), store_file_name((StoreFile)b));
        }
    }
    assert_null(store_file_name(STORE_FILE_COUNT));
    assert_null(store_file_name((StoreFile)-1));
}

static void test_paths(void **state)
{
    char out[64];
    (void)state;

    assert_true(store_file_path("/var/lib/facts-kiosk", STORE_FILE_LEADS, out, sizeof out));
    assert_string_equal(out, "/var/lib/facts-kiosk/leads.sealed");
    assert_true(store_file_path("state", STORE_FILE_VISITS_DB, out, sizeof out));
    assert_string_equal(out, "state/visits/visits.db");
    /* Too long, or no such file: false and an empty string. */
    assert_false(store_file_path("/a/state/directory/whose/name/is/too/long/for/the/buffer", STORE_FILE_STATUS, out,
                                 sizeof out));
    assert_string_equal(out, "");
    assert_false(store_file_path("state", STORE_FILE_COUNT, out, sizeof out));
    assert_string_equal(out, "");
}

static void test_folders(void **state)
{
    char *parent = fixture_temp_dir();
    char dir[FSIO_PATH_MAX] = {0};
    char path[FSIO_PATH_MAX] = {0};
    struct stat st = {0};
    (void)state;

    /* A sub-folder only in a state directory that is there. */
    fixture_path(dir, parent, "state");
    assert_int_equal(store_file_folder_make(dir, STORE_FILE_VISITS_DB), ENOENT);
    /* A top-level file's folder is the state directory itself: made, private. */
    assert_int_equal(store_file_folder_make(dir, STORE_FILE_LEADS), 0);
    assert_int_equal(stat(dir, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    assert_int_equal(st.st_mode & 0777, 0700);
    /* The statistics' folder, for the database or named itself; made once, kept after. */
    assert_int_equal(store_file_folder_make(dir, STORE_FILE_VISITS_DB), 0);
    assert_int_equal(store_file_folder_make(dir, STORE_FILE_VISITS_DIR), 0);
    assert_true(store_file_path(dir, STORE_FILE_VISITS_DIR, path, sizeof path));
    assert_int_equal(stat(path, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    assert_int_equal(st.st_mode & 0777, 0700);
    /* A sub-folder already there keeps its mode; the state directory is tightened. */
    assert_int_equal(chmod(path, 0750), 0);
    assert_int_equal(chmod(dir, 0750), 0);
    assert_int_equal(store_file_folder_make(dir, STORE_FILE_VISITS_DB), 0);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0750);
    assert_int_equal(store_file_folder_make(dir, STORE_FILE_LEADS), 0);
    assert_int_equal(stat(dir, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0700);
    /* A file in the way. */
    assert_int_equal(rmdir(path), 0);
    fixture_write_file(path, "x", 1);
    assert_int_equal(store_file_folder_make(dir, STORE_FILE_VISITS_DB), ENOTDIR);
    assert_int_equal(store_file_folder_make(dir, STORE_FILE_COUNT), EINVAL);
    fixture_remove_tree(parent);
    free(parent);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names_are_those_on_disk),
        cmocka_unit_test(test_paths),
        cmocka_unit_test(test_folders),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
