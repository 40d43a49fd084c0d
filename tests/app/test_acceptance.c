/* Hostile packs that pass the signature check: signed with a trusted key by the real
 * `minisign`, then offered to the real update pipeline with the kiosk's own acceptance
 * check (hardened loader, image decoding, off-screen render). Each is refused with its
 * reason, without a crash (this suite runs under ASan too), within bounded memory, and the
 * active pack stays. A good pack from the same fixture is accepted, as a control. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <SDL2/SDL.h>
#include <SDL2/SDL_image.h>
#include <SDL2/SDL_ttf.h>

#include "app/acceptance.h"
#include "support/fixture.h"
#include "update/update.h"

typedef struct Env {
    char *dir;
    char *pack;     /* a good pack built from the fixture sources */
    char *stick;    /* <dir>/media/stick/facts-kiosk */
    char *root;
    char *state;
    char *public_key;
    char *secret_key;
    Fonts *fonts;
    Log log;
    Acceptance acceptance;
    Updater *updater;
} Env;

static void run(const char *command)
{
    if (system(command) != 0) {
        fail_msg("command failed: %s", command);
    }
}

static int setup(void **state)
{
    Env *env = calloc(1, sizeof *env);
    env->dir = fixture_tempdir();
    fixture_sources(env->dir);
    env->pack = fixture_build_pack(env->dir);
    env->root = fixture_path(env->dir, "media");
    env->stick = fixture_path(env->dir, "media/stick/facts-kiosk");
    env->state = fixture_path(env->dir, "state");
    env->public_key = fixture_path(env->dir, "key.pub");
    env->secret_key = fixture_path(env->dir, "key.sec");
    char command[8192];
    snprintf(command, sizeof command, "mkdir -p '%s' && minisign -G -W -p '%s' -s '%s' >/dev/null", env->stick,
             env->public_key, env->secret_key);
    run(command);
    char fonts_dir[4096];
    snprintf(fonts_dir, sizeof fonts_dir, "%s/assets/fonts", getenv("FACTS_SOURCE_DIR"));
    char why[256];
    assert_int_equal(TTF_Init(), 0);
    env->fonts = fonts_load(fonts_dir, why, sizeof why);
    assert_non_null(env->fonts);
    log_create(&env->log, stderr, LOG_WARN, LOG_STYLE_TERMINAL);
    env->acceptance = (Acceptance){.log = &env->log, .fonts = env->fonts};
    const char *roots[1] = {env->root};
    const char *keys[1] = {env->public_key};
    UpdateConfig config = {
        .mount_roots = roots,
        .mount_root_count = 1,
        .state_dir = env->state,
        .trusted_key_paths = keys,
        .key_count = 1,
        .bundled_version = 1,
        .accept = acceptance_check,
        .accept_ctx = &env->acceptance,
    };
    env->updater = update_create(&config);
    assert_non_null(env->updater);
    *state = env;
    return 0;
}

static int teardown(void **state)
{
    Env *env = *state;
    update_destroy(env->updater);
    fonts_unload(env->fonts);
    TTF_Quit();
    log_destroy(&env->log);
    free(env->pack);
    free(env->stick);
    free(env->root);
    free(env->state);
    free(env->public_key);
    free(env->secret_key);
    fixture_remove_tree(env->dir);
    free(env);
    return 0;
}

static long peak_rss_mib(void)
{
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

/* Copies pack onto the stick, signs it there with the trusted key, and runs one update. */
static void offer(Env *env, const char *pack, UpdateResult *result)
{
    char command[8192];
    snprintf(command, sizeof command,
             "cp '%s' '%s/content.db' && minisign -S -s '%s' -m '%s/content.db' -t 'test pack' >/dev/null", pack,
             env->stick, env->secret_key, env->stick);
    run(command);
    update_run(env->updater, env->stick, result);
}

typedef struct Hostile {
    const char *name;
    const char *sql;    /* run on a copy of the good pack */
    const char *reason; /* expected in the refusal */
} Hostile;

static const Hostile HOSTILE[] = {
    {"trigger", "CREATE TRIGGER t AFTER INSERT ON members BEGIN DELETE FROM stories; END;", "trigger \"t\""},
    {"view", "CREATE VIEW v AS SELECT * FROM members;", "view \"v\""},
    {"wal", "PRAGMA journal_mode=WAL;", "WAL journal mode"},
    {"future schema", "PRAGMA user_version=99;", "newer than this kiosk understands"},
    {"100 MB text", "UPDATE stories SET body_en = CAST(zeroblob(100000000) AS TEXT);", "stories"},
    {"50000 px PNG",
     "UPDATE images SET width = 50000, height = 50000, data = "
     "x'89504E470D0A1A0A0000000D494844520000C3500000C35008020000000000000000';",
     "more than 4096 px a side"},
    {"TGA as PNG", "UPDATE images SET data = x'00000A000000000000000000040003001800';", "not a PNG or JPEG"},
    /* A real PNG header (4x3, matching its row) over garbage: only decoding finds out. */
    {"undecodable PNG",
     "UPDATE images SET data = CAST(x'89504E470D0A1A0A0000000D4948445200000004000000030802000000'"
     " || randomblob(64) AS BLOB);",
     "cannot be decoded"},
};

/* Crafting a 100 MB field costs the crafter memory: do it in a child so that this
 * process's peak RSS measures only what the kiosk's checks used. Every hostile pack
 * claims a newer version first, so only the checks can stop it. */
static void craft_in_child(const char *path, const char *sql)
{
    fflush(NULL);
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        fixture_sql(path, "UPDATE pack SET version = version + 100;");
        fixture_sql(path, sql);
        _exit(0);
    }
    int status = 0;
    assert_int_equal(waitpid(child, &status, 0), child);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static void test_hostile_packs_are_refused(void **state)
{
    Env *env = *state;
    UpdateResult result;
    offer(env, env->pack, &result);
    assert_int_equal(result.outcome, UPDATE_OK); /* control: the same pack unharmed goes in */
    char active[4096];
    assert_true(update_active_path(env->updater, active, sizeof active));
    long rss_before = peak_rss_mib();
    for (size_t i = 0; i < sizeof HOSTILE / sizeof HOSTILE[0]; i++) {
        char name[64];
        snprintf(name, sizeof name, "hostile-%zu.db", i);
        char *hostile = fixture_path(env->dir, name);
        char command[8192];
        snprintf(command, sizeof command, "cp '%s' '%s'", env->pack, hostile);
        run(command);
        craft_in_child(hostile, HOSTILE[i].sql);
        offer(env, hostile, &result);
        char message[512];
        update_message_en(&result, message, sizeof message);
        print_message("%-16s -> %s\n", HOSTILE[i].name, message);
        assert_int_equal(result.outcome, UPDATE_REFUSED);
        assert_int_equal(result.message, UPDATE_MSG_NOT_ACCEPTED);
        if (!strstr(result.detail, HOSTILE[i].reason)) {
            fail_msg("%s: expected \"%s\" in \"%s\"", HOSTILE[i].name, HOSTILE[i].reason, result.detail);
        }
        char still[4096];
        assert_true(update_active_path(env->updater, still, sizeof still));
        assert_string_equal(still, active);
        free(hostile);
    }
    /* Bounded memory: nothing close to the 100 MB field (or 50000^2 pixels) was allocated. */
    long grown = peak_rss_mib() - rss_before;
    print_message("peak RSS grew by %ld MiB over all hostile packs\n", grown);
    assert_true(grown < 64);
}

typedef struct ProgressLog {
    double fractions[64];
    size_t count;
    size_t stop_after; /* 0: never stop */
} ProgressLog;

static bool record_progress(void *ctx, double fraction)
{
    ProgressLog *log = ctx;
    if (log->count < sizeof log->fractions / sizeof log->fractions[0]) {
        log->fractions[log->count] = fraction;
    }
    log->count++;
    return log->stop_after == 0 || log->count < log->stop_after;
}

/* A pack of five member logos: progress after loading and after each image, rising; the
 * accepted pack stays loaded for the caller when asked, so it is read once. */
static void test_progress_per_image_and_kept_content(void **state)
{
    Env *env = *state;
    char *dir = fixture_path(env->dir, "five-logos");
    assert_int_equal(mkdir(dir, 0700), 0);
    fixture_sources(dir);
    char members[2048] = "id,name,kind,logo,website,description_en,description_sr_latn,show_from,show_until\n";
    for (int i = 0; i < 5; i++) {
        char name[64];
        snprintf(name, sizeof name, "images/logo-%d.png", i);
        fixture_write(dir, name, FIXTURE_PNG, FIXTURE_PNG_SIZE);
        size_t used = strlen(members);
        snprintf(members + used, sizeof members - used, "m%d,Example %d,SME,logo-%d.png,,,,,\n", i, i, i);
    }
    fixture_write(dir, "members.csv", members, (size_t)-1);
    char *pack = fixture_build_pack(dir);

    ProgressLog progress = {0};
    Acceptance acceptance = {.log = &env->log, .fonts = env->fonts, .progress = record_progress,
                             .progress_ctx = &progress, .keep_content = true};
    UpdateAcceptResult out;
    acceptance_check(&acceptance, pack, &out);
    assert_true(out.ok);
    assert_non_null(acceptance.content);
    assert_int_equal(acceptance.content->member_count, 5);
    assert_int_equal(acceptance.content->pack.version, out.pack_version);
    /* Before loading, after loading, then one per image (the brand logo is not used now). */
    assert_int_equal(acceptance.content->image_count, 5);
    assert_int_equal(progress.count, 2 + 5);
    for (size_t i = 1; i < progress.count; i++) {
        assert_true(progress.fractions[i] > progress.fractions[i - 1]);
    }
    assert_true(progress.fractions[progress.count - 1] <= 1.0);
    content_unload(acceptance.content);
    acceptance.content = NULL;

    /* Without keep_content nothing stays loaded. */
    acceptance.keep_content = false;
    progress = (ProgressLog){0};
    acceptance_check(&acceptance, pack, &out);
    assert_true(out.ok);
    assert_null(acceptance.content);

    /* A progress callback that says stop (a quitting kiosk) ends the check after that image. */
    acceptance.keep_content = true;
    progress = (ProgressLog){.stop_after = 4};
    acceptance_check(&acceptance, pack, &out);
    assert_false(out.ok);
    assert_string_equal(out.why, "cancelled");
    assert_null(acceptance.content);
    assert_int_equal(progress.count, 4);
    free(pack);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_hostile_packs_are_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_progress_per_image_and_kept_content, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
