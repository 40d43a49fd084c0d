/* bench_update — time and peak memory to stage and verify a 100 MiB pack,
 * next to `cp` + `b2sum` of the same file. Not a CTest test: run it by hand,
 *   build/<dir>/tests/bench/bench_update [MiB]
 * Needs the `minisign` binary on PATH to sign the pack. All runs read a warm
 * page cache; the staging copy includes its fsync, so `cp` is timed both
 * without and with a `sync` of the copy. */
#define _POSIX_C_SOURCE 200809L
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "update/minisign.h"
#include "update/stage.h"

enum { DEFAULT_MIB = 100, RUNS = 3, MIB = 1024 * 1024 };

typedef struct Bench {
    char dir[FSIO_PATH_MAX];
    char pack[FSIO_PATH_MAX];
    char sig[FSIO_PATH_MAX];
    char state[FSIO_PATH_MAX];
    char copy[FSIO_PATH_MAX];
    char prefix[FSIO_PATH_MAX];
    char command[4 * FSIO_PATH_MAX];
} Bench;

static double now_seconds(void)
{
    struct timespec ts = {0};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long peak_rss_kib(void)
{
    struct rusage usage = {0};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

static int run_command(Bench *b, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

static int run_command(Bench *b, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    vsnprintf(b->command, sizeof b->command, format, args);
    va_end(args);
    return system(b->command);
}

/* One stage + verify; returns seconds, or a negative value on failure. */
static double stage_and_verify(const Bench *b, const MinisignKey *key, uint8_t hash_out[MINISIGN_HASH_BYTES])
{
    StageRequest request = {.source_dir_fd = AT_FDCWD, .source_path = b->pack, .state_dir = b->state, .size_cap = UINT64_MAX};
    StageResult *staged = calloc(1, sizeof *staged);
    MinisignSignature *sig = calloc(1, sizeof *sig);
    double start = now_seconds();
    double elapsed = -1.0;

    if (staged == NULL || sig == NULL) {
        goto done;
    }
    if (stage_copy(&request, staged) != STAGE_OK || minisign_signature_read(b->sig, sig) != MINISIGN_OK ||
        minisign_verify(sig, staged->hash, key, 1) != MINISIGN_OK) {
        goto done;
    }
    elapsed = now_seconds() - start;
    memcpy(hash_out, staged->hash, MINISIGN_HASH_BYTES);
    stage_discard(b->state);
done:
    free(staged);
    free(sig);
    return elapsed;
}

static double best_of(double a, double b)
{
    return (a < 0 || (b >= 0 && b < a)) ? b : a;
}

int main(int argc, char **argv)
{
    Bench b = {0};
    const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    size_t mib = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : DEFAULT_MIB;
    MinisignKey key = {0};
    uint8_t hash[MINISIGN_HASH_BYTES] = {0};
    char hex[2 * MINISIGN_HASH_BYTES + 1] = {0};
    char b2sum_out[2 * MINISIGN_HASH_BYTES + 1] = {0};
    double ours = -1, cp_b2 = -1, cp_sync_b2 = -1;
    long rss_before = 0, rss_after = 0;
    int status = 1;

    if (mib == 0 || sodium_init() < 0) {
        fprintf(stderr, "usage: bench_update [MiB > 0]\n");
        return 2;
    }
    snprintf(b.dir, sizeof b.dir, "%s/facts-bench-XXXXXX", tmp);
    if (mkdtemp(b.dir) == NULL) {
        perror("mkdtemp");
        return 1;
    }
    fsio_join(b.pack, sizeof b.pack, b.dir, "content.db");
    fsio_join(b.sig, sizeof b.sig, b.dir, "content.db.minisig");
    fsio_join(b.state, sizeof b.state, b.dir, "state");
    fsio_join(b.copy, sizeof b.copy, b.dir, "cp-copy.db");
    fsio_join(b.prefix, sizeof b.prefix, b.dir, "bench");
    /* Written by a child process, so our own peak RSS stays a clean baseline. */
    if (fsio_make_private_dir(b.state) != 0 ||
        run_command(&b, "head -c %zu /dev/urandom > '%s'", mib * (size_t)MIB, b.pack) != 0) {
        fprintf(stderr, "bench_update: cannot write the test pack in %s\n", b.dir);
        goto done;
    }
    if (run_command(&b, "minisign -G -f -W -p '%s.pub' -s '%s.key' >/dev/null </dev/null", b.prefix, b.prefix) != 0 ||
        run_command(&b, "minisign -S -s '%s.key' -m '%s' -x '%s' -t bench >/dev/null </dev/null", b.prefix, b.pack,
                    b.sig) != 0) {
        fprintf(stderr, "bench_update: minisign failed (is it on PATH?)\n");
        goto done;
    }
    snprintf(b.command, sizeof b.command, "%s.pub", b.prefix);
    if (minisign_key_read(b.command, &key) != MINISIGN_OK) {
        fprintf(stderr, "bench_update: cannot read the public key\n");
        goto done;
    }
    /* Warm the page cache so every contender reads from memory. */
    run_command(&b, "cat '%s' > /dev/null", b.pack);
    rss_before = peak_rss_kib();
    for (int run = 0; run < RUNS; run++) {
        ours = best_of(ours, stage_and_verify(&b, &key, hash));
    }
    rss_after = peak_rss_kib();
    for (int run = 0; run < RUNS; run++) {
        double start = now_seconds();
        if (run_command(&b, "cp '%s' '%s' && b2sum '%s' > /dev/null", b.pack, b.copy, b.copy) == 0) {
            cp_b2 = best_of(cp_b2, now_seconds() - start);
        }
        unlink(b.copy);
        start = now_seconds();
        if (run_command(&b, "cp '%s' '%s' && sync '%s' && b2sum '%s' > /dev/null", b.pack, b.copy, b.copy,
                        b.copy) == 0) {
            cp_sync_b2 = best_of(cp_sync_b2, now_seconds() - start);
        }
        unlink(b.copy);
    }
    /* Cross-check our streamed hash against b2sum (BLAKE2b-512). */
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    run_command(&b, "b2sum '%s' | cut -c1-128 > '%s/b2sum.txt'", b.pack, b.dir);
    {
        char path[FSIO_PATH_MAX] = {0};
        FILE *f = NULL;
        fsio_join(path, sizeof path, b.dir, "b2sum.txt");
        f = fopen(path, "r");
        if (f == NULL || fscanf(f, "%128s", b2sum_out) != 1) {
            b2sum_out[0] = '\0';
        }
        if (f != NULL) {
            fclose(f);
        }
    }
    if (ours < 0) {
        fprintf(stderr, "bench_update: stage + verify failed\n");
        goto done;
    }
    printf("pack size:                       %zu MiB (best of %d runs, warm page cache)\n", mib, RUNS);
    printf("stage + verify (with fsync):     %.3f s  (%.0f MiB/s)\n", ours, (double)mib / ours);
    printf("cp + b2sum:                      %.3f s\n", cp_b2);
    printf("cp + sync + b2sum:               %.3f s\n", cp_sync_b2);
    printf("peak RSS before / after staging: %ld / %ld KiB (growth %ld KiB)\n", rss_before, rss_after,
           rss_after - rss_before);
    printf("hash matches b2sum:              %s\n", strcmp(hex, b2sum_out) == 0 ? "yes" : "NO");
    status = strcmp(hex, b2sum_out) == 0 ? 0 : 1;
done:
    run_command(&b, "rm -rf '%s'", b.dir);
    return status;
}
