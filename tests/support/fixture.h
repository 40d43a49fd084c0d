/* fixture.h — test support: temporary folders, files, a small valid pack source tree with
 * obviously fictional content ("Example Brand", example.org), and packs built from it. */
#ifndef FACTS_TESTS_FIXTURE_H
#define FACTS_TESTS_FIXTURE_H

#include <stdbool.h>
#include <stddef.h>

/* A valid 4x3 PNG. */
extern const unsigned char FIXTURE_PNG[];
extern const size_t FIXTURE_PNG_SIZE;

/* mkdtemp under $TMPDIR (or /tmp); returns a malloc'd path. Aborts the test on failure. */
char *fixture_tempdir(void);

/* rm -r path (best effort) and free(path). */
void fixture_remove_tree(char *path);

/* Writes size bytes (size = strlen when (size_t)-1) to dir/name, creating dir/images if
 * name starts with "images/". */
void fixture_write(const char *dir, const char *name, const void *bytes, size_t size);

/* Writes a complete, valid source tree into dir: every CSV, one image. */
void fixture_sources(const char *dir);

/* Adds to the sources in dir (fixture_sources) a fictional event of the day, 2026-09-17 in
 * Europe/Belgrade: events.csv, sessions.csv (an opening 09:00-10:00) and meetings.csv (two
 * rounds of three tables, 10:00-10:20 and 10:25-10:45 local; table 3 of round 1 private). */
void fixture_event_sources(const char *dir);

/* Builds dir's sources into dir/pack.db with the real builder; returns a malloc'd path. */
char *fixture_build_pack(const char *dir);

/* Runs SQL (several statements) on the pack at path, opened read-write: crafts bad packs. */
void fixture_sql(const char *path, const char *sql);

enum { FIXTURE_MAX_PROBLEMS = 16 };

/* Collects the problems a builder or loader reports (the first FIXTURE_MAX_PROBLEMS lines;
 * count is all of them). */
typedef struct FixtureProblems {
    char lines[FIXTURE_MAX_PROBLEMS][1024];
    size_t count;
} FixtureProblems;

/* A BuilderReport / ContentReport `each` callback; ctx is a FixtureProblems. */
void fixture_collect_problem(void *ctx, const char *problem);

/* dir/name as a malloc'd string. */
char *fixture_path(const char *dir, const char *name);

/* cmocka group setup and teardown: *state becomes a temporary folder holding
 * fixture_sources(), removed afterwards. Return 0. */
int fixture_setup_sources(void **state);
int fixture_teardown_sources(void **state);

/* Builds dir into dir/out.db expecting a failure: true when one problem is exactly
 * dir/expected_suffix and no pack was written; first gets the first problem (for the
 * test's message). */
bool fixture_build_problem(const char *dir, const char *expected_suffix, char *first, size_t first_size);

/* The first column of the first row sql selects from the pack at path, as text ("(null)"
 * for NULL); malloc'd. Aborts when the query fails or has no row. */
char *fixture_pack_text(const char *path, const char *sql);

#endif
