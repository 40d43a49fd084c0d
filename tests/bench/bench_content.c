/* Benchmark (prints figures, asserts nothing): pack build and load time and peak memory,
 * for the bundled pack and for a generated pack with 1,000 members and 200 images.
 * Run: build/release/tests/bench/bench_content [BUNDLED_PACK] */
#define _POSIX_C_SOURCE 200809L
#include "builder/builder.h"
#include "content/loader.h"
#include "support/fixture.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <time.h>

enum { GENERATED_MEMBERS = 1000, GENERATED_IMAGES = 200, IMAGE_W = 200, IMAGE_H = 160, LOAD_RUNS = 5 };

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1000.0 + (double)t.tv_nsec / 1e6;
}

static long peak_rss_kib(void)
{
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

static uint32_t crc32_update(uint32_t crc, const unsigned char *bytes, size_t size)
{
    crc = ~crc;
    for (size_t i = 0; i < size; i++) {
        crc ^= bytes[i];
        for (int k = 0; k < 8; k++) {
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
        }
    }
    return ~crc;
}

static void put32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
}

static size_t chunk(unsigned char *out, const char *type, const unsigned char *data, size_t size)
{
    put32(out, (uint32_t)size);
    memcpy(out + 4, type, 4);
    if (size) {
        memcpy(out + 8, data, size);
    }
    put32(out + 8 + size, crc32_update(0, out + 4, size + 4));
    return size + 12;
}

/* A valid RGB PNG with stored (uncompressed) deflate blocks, coloured by seed. */
static unsigned char *make_png(int seed, size_t *size)
{
    size_t row = 1 + IMAGE_W * 3;
    size_t raw_size = row * IMAGE_H;
    unsigned char *raw = malloc(raw_size);
    for (size_t y = 0; y < IMAGE_H; y++) {
        raw[y * row] = 0;
        for (size_t x = 0; x < IMAGE_W * 3; x++) {
            raw[y * row + 1 + x] = (unsigned char)(x * 7 + y * 3 + (size_t)seed * 11);
        }
    }
    size_t blocks = (raw_size + 65534) / 65535;
    size_t z_size = 2 + raw_size + blocks * 5 + 4;
    unsigned char *z = malloc(z_size);
    size_t o = 0;
    z[o++] = 0x78;
    z[o++] = 0x01;
    uint32_t a = 1;
    uint32_t b = 0;
    for (size_t done = 0; done < raw_size;) {
        size_t n = raw_size - done > 65535 ? 65535 : raw_size - done;
        z[o++] = done + n == raw_size ? 1 : 0;
        z[o++] = (unsigned char)n;
        z[o++] = (unsigned char)(n >> 8);
        z[o++] = (unsigned char)~n;
        z[o++] = (unsigned char)(~n >> 8);
        memcpy(z + o, raw + done, n);
        for (size_t i = 0; i < n; i++) {
            a = (a + raw[done + i]) % 65521;
            b = (b + a) % 65521;
        }
        o += n;
        done += n;
    }
    put32(z + o, (b << 16) | a);
    o += 4;
    unsigned char *png = malloc(8 + 25 + o + 12 + 12);
    static const unsigned char SIGNATURE[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    unsigned char header[13] = {0};
    put32(header, IMAGE_W);
    put32(header + 4, IMAGE_H);
    header[8] = 8;
    header[9] = 2;
    size_t p = 0;
    memcpy(png, SIGNATURE, 8);
    p += 8;
    p += chunk(png + p, "IHDR", header, sizeof header);
    p += chunk(png + p, "IDAT", z, o);
    p += chunk(png + p, "IEND", NULL, 0);
    free(raw);
    free(z);
    *size = p;
    return png;
}

static void generate_sources(const char *dir)
{
    fixture_sources(dir);
    size_t capacity = 256 * (GENERATED_MEMBERS + 1);
    char *members = malloc(capacity);
    size_t used = (size_t)snprintf(members, capacity,
                                   "id,name,kind,logo,website,description_en,description_sr_latn,show_from,show_until\n");
    for (int i = 0; i < GENERATED_MEMBERS; i++) {
        char logo[32] = "";
        if (i < GENERATED_IMAGES) {
            snprintf(logo, sizeof logo, "logo-%03d.png", i);
            size_t size = 0;
            unsigned char *png = make_png(i, &size);
            char name[48];
            snprintf(name, sizeof name, "images/%s", logo);
            fixture_write(dir, name, png, size);
            free(png);
        }
        used += (size_t)snprintf(members + used, capacity - used,
                                 "member-%04d,Example Brand %d,SME,%s,https://example.org/%d,"
                                 "An example brand number %d.,Primer brenda broj %d.,,\n",
                                 i, i, logo, i, i, i);
    }
    fixture_write(dir, "members.csv", members, used);
    free(members);
}

/* Loads in a child process so its peak RSS is the loader's alone. */
static void measure_in_child(const char *label, const char *pack);

static void measure(const char *label, const char *pack)
{
    struct stat info;
    stat(pack, &info);
    double best = 1e9;
    double total = 0;
    size_t members = 0;
    size_t images = 0;
    for (int run = 0; run < LOAD_RUNS; run++) {
        double start = now_ms();
        Content *content = NULL;
        ContentReport report = {0};
        if (content_load(pack, &report, &content) != CONTENT_OK) {
            printf("%s: load failed: %s\n", label, report.first);
            return;
        }
        double took = now_ms() - start;
        best = took < best ? took : best;
        total += took;
        members = content->member_count;
        images = content->image_count;
        content_unload(content);
    }
    printf("%-10s pack %8.1f KiB  %4zu members %3zu images  load best %7.2f ms  mean %7.2f ms  peak RSS %6.1f MiB\n",
           label, (double)info.st_size / 1024.0, members, images, best, total / LOAD_RUNS, (double)peak_rss_kib() / 1024.0);
}

static void measure_in_child(const char *label, const char *pack)
{
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        measure(label, pack);
        fflush(stdout);
        _exit(0);
    }
    waitpid(child, NULL, 0);
}

int main(int argc, char **argv)
{
    printf("bench_content: %d load runs each\n", LOAD_RUNS);
    printf("start: peak RSS %.1f MiB\n", (double)peak_rss_kib() / 1024.0);
    if (argc > 1) {
        measure_in_child("bundled", argv[1]);
    }
    char *dir = fixture_tempdir();
    generate_sources(dir);
    char *pack = fixture_path(dir, "generated.db");
    double start = now_ms();
    BuilderReport report = {0};
    bool built = builder_build(dir, pack, &report);
    printf("generated: build %s in %.1f ms (peak RSS %.1f MiB)\n", built ? "ok" : "FAILED", now_ms() - start,
           (double)peak_rss_kib() / 1024.0);
    if (built) {
        measure_in_child("generated", pack);
    }
    free(pack);
    fixture_remove_tree(dir);
    return built ? 0 : 1;
}
