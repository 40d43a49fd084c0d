/* fixture.h — helpers shared by the update tests: temp directories, test
 * packs, keys and signatures made with the real `minisign` binary, and a test
 * acceptance callback. A test pack is a plain file whose first line is
 * "FACTS-TEST-PACK version=N"; the callback reads that line instead of
 * opening SQLite, so src/update and its tests stay free of the loader. */
#ifndef FACTS_TESTS_UPDATE_FIXTURE_H
#define FACTS_TESTS_UPDATE_FIXTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "update/update.h"

enum { FIXTURE_MIB = 1024 * 1024 };

/* mkdtemp under $TMPDIR (or /tmp). Returns a malloc'd path; fails the test on error. */
char *fixture_temp_dir(void);

/* rm -rf, making read-only directories writable first. */
void fixture_remove_tree(const char *path);

/* "dir/name" into a static-free caller buffer of FSIO_PATH_MAX. */
void fixture_path(char *out, const char *dir, const char *name);

/* path + suffix into out (FSIO_PATH_MAX bytes). */
void fixture_suffixed(char *out, const char *path, const char *suffix);

/* mkdir -p. */
void fixture_make_dirs(const char *path);

/* Whole file into a malloc'd buffer (NUL-terminated); NULL when unreadable. */
char *fixture_read_file(const char *path, size_t *len);
void fixture_write_file(const char *path, const void *data, size_t len);

/* A test pack of size bytes (at least the header line) with this version. */
void fixture_write_pack(const char *path, int64_t version, size_t size);

/* Version in a test pack's first line, or -1. */
int64_t fixture_pack_version(const char *path);

/* Runs argv (PATH lookup) with stdin and stdout on /dev/null; true on exit 0. */
bool fixture_run(const char *const argv[]);

/* Fails the test (not skip) when `minisign` is not on PATH. */
void fixture_require_minisign(void);

/* minisign -G -W: writes <prefix>.pub and <prefix>.key. */
void fixture_keygen(const char *prefix);

/* minisign -S [-l] -s key -m file -x sig -t comment. */
void fixture_sign(const char *key, const char *file, const char *sig, const char *comment, bool legacy);

/* Flips one bit of byte offset in path (negative: from the end). */
void fixture_flip_byte(const char *path, long offset);

/* Decodes a signature file's second line (algorithm | key id | signature),
 * flips one bit of byte offset, re-encodes it. */
void fixture_tamper_signature(const char *sig_path, size_t offset);

/* Test acceptance: reads the version line; a pack whose second line is
 * "REJECT" is refused with why "test loader says no". ctx: FixtureAccept or NULL. */
typedef struct FixtureAccept {
    int calls;
} FixtureAccept;
void fixture_accept(void *ctx, const char *staged_path, UpdateAcceptResult *out);

/* The mount roots the package's kiosk.conf configures ("mount_root = ..."
 * lines of $FACTS_SOURCE_DIR/toolchain/packaging/kiosk.conf), in order,
 * into roots[max]. Returns how many (at least one). */
size_t fixture_packaged_mount_roots(char roots[][FSIO_PATH_MAX], size_t max);

/* The folder the package's stick-mount mounts sticks under (its ROOT=,
 * /run/media/facts-kiosk), into out (FSIO_PATH_MAX bytes). */
void fixture_packaged_stick_base(char *out);

/* True when dir holds only `current` and the slot files it references (and
 * whatever names are in also_allowed). Prints any stray entry. */
bool fixture_state_dir_clean(const char *state_dir, const char *const *also_allowed, size_t also_count);

#endif
