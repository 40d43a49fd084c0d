/* png_compare — compares a rendered PNG with its reference. By default every channel of every
 * pixel may differ by at most 3; on failure writes a diff image (differing pixels in red over a
 * dimmed reference) and exits 1.
 * Usage: png_compare [OPTIONS] REFERENCE ACTUAL DIFF_OUT
 *   --tolerance N   largest per-channel difference of a pixel that counts as equal (default 3)
 *   --allow P       pixels (per mille of all) that may differ by more than N (default 0)
 *   --mean MAX      largest mean per-channel difference over the image (default: no limit)
 *   --shift S       a pixel also counts as equal when a reference pixel at most S pixels away
 *                   (horizontally, vertically, diagonally) matches it within N: an edge drawn
 *                   one pixel off, as GPU rasterisation rules do, is not a difference (default 0)
 *   --allow-shifted P  pixels (per mille of all) that may count as equal only by --shift
 *                   (default: no limit); a whole picture one pixel off exceeds it
 *   --stats         always print one line: largest difference, mean, share over N, 16 and 64 */
#include <SDL2/SDL.h>
#include <SDL2/SDL_image.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { DEFAULT_TOLERANCE = 3, EXIT_SAME = 0, EXIT_DIFFERENT = 1, EXIT_USAGE = 2 };

typedef struct CompareLimits {
    int tolerance;
    double allow_per_mille;
    double max_mean; /* < 0: no limit */
    int shift;
    double allow_shifted_per_mille; /* < 0: no limit */
    bool stats;
} CompareLimits;

typedef struct CompareStats {
    int worst;
    double mean;        /* mean per-channel difference over all pixels and R, G, B */
    long over;          /* pixels differing by more than the tolerance */
    long over_16, over_64;
    long shifted;       /* pixels over the tolerance only where it is, matched within the shift */
    long pixels;
} CompareStats;

static SDL_Surface *load_argb(const char *path)
{
    SDL_Surface *loaded = IMG_Load(path);
    if (!loaded) {
        fprintf(stderr, "png_compare: %s: %s\n", path, IMG_GetError());
        return NULL;
    }
    SDL_Surface *argb = SDL_ConvertSurfaceFormat(loaded, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(loaded);
    return argb;
}

static int channel_delta(Uint32 a, Uint32 b, int shift)
{
    return abs((int)((a >> shift) & 0xFF) - (int)((b >> shift) & 0xFF));
}

static Uint32 pixel_at(const SDL_Surface *surface, int x, int y)
{
    return ((const Uint32 *)((const Uint8 *)surface->pixels + y * surface->pitch))[x];
}

static int pixel_delta(Uint32 a, Uint32 b)
{
    int delta = 0;
    for (int shift = 0; shift <= 16; shift += 8) {
        int c = channel_delta(a, b, shift);
        delta = c > delta ? c : delta;
    }
    return delta;
}

/* True if a reference pixel within shift pixels of (x, y) matches got within tolerance. */
static bool matched_nearby(const SDL_Surface *expected, int x, int y, Uint32 got, int tolerance, int shift)
{
    for (int ny = y - shift; ny <= y + shift; ny++) {
        for (int nx = x - shift; nx <= x + shift; nx++) {
            if (nx >= 0 && ny >= 0 && nx < expected->w && ny < expected->h &&
                pixel_delta(pixel_at(expected, nx, ny), got) <= tolerance) {
                return true;
            }
        }
    }
    return false;
}

/* Fills stats and paints diff (same size as expected). */
static void compare(const SDL_Surface *expected, const SDL_Surface *actual, const CompareLimits *limits,
                    SDL_Surface *diff, CompareStats *stats)
{
    int tolerance = limits->tolerance;
    double sum = 0.0;
    *stats = (CompareStats){.pixels = (long)expected->w * expected->h};
    for (int y = 0; y < expected->h; y++) {
        const Uint32 *e = (const Uint32 *)((const Uint8 *)expected->pixels + y * expected->pitch);
        const Uint32 *a = (const Uint32 *)((const Uint8 *)actual->pixels + y * actual->pitch);
        Uint32 *d = (Uint32 *)((Uint8 *)diff->pixels + y * diff->pitch);
        for (int x = 0; x < expected->w; x++) {
            int delta = 0;
            for (int shift = 0; shift <= 16; shift += 8) {
                int c = channel_delta(e[x], a[x], shift);
                sum += c;
                delta = c > delta ? c : delta;
            }
            stats->worst = delta > stats->worst ? delta : stats->worst;
            stats->over_16 += delta > 16;
            stats->over_64 += delta > 64;
            if (delta > tolerance && limits->shift > 0 &&
                matched_nearby(expected, x, y, a[x], tolerance, limits->shift)) {
                stats->shifted++;
                delta = 0;
            }
            if (delta > tolerance) {
                stats->over++;
                d[x] = 0xFFFF0000u;
            } else {
                Uint32 grey = ((e[x] >> 8) & 0xFF) / 3;
                d[x] = 0xFF000000u | (grey << 16) | (grey << 8) | grey;
            }
        }
    }
    stats->mean = stats->pixels > 0 ? sum / (3.0 * (double)stats->pixels) : 0.0;
}

static bool parse_number(const char *text, double min, double *out)
{
    char *end = NULL;
    double value = strtod(text, &end);
    if (end == text || *end != '\0' || !(value >= min)) {
        return false;
    }
    *out = value;
    return true;
}

/* Reads the options; returns the index of the first file argument, or -1. */
static int parse_args(int argc, char **argv, CompareLimits *limits)
{
    int i = 1;
    double value = 0.0;
    *limits = (CompareLimits){.tolerance = DEFAULT_TOLERANCE, .allow_per_mille = 0.0, .max_mean = -1.0,
                              .allow_shifted_per_mille = -1.0};
    for (; i < argc && strncmp(argv[i], "--", 2) == 0; i++) {
        if (strcmp(argv[i], "--stats") == 0) {
            limits->stats = true;
        } else if (i + 1 < argc && strcmp(argv[i], "--tolerance") == 0 && parse_number(argv[i + 1], 0, &value) &&
                   value <= 255) {
            limits->tolerance = (int)value;
            i++;
        } else if (i + 1 < argc && strcmp(argv[i], "--allow") == 0 && parse_number(argv[i + 1], 0, &value)) {
            limits->allow_per_mille = value;
            i++;
        } else if (i + 1 < argc && strcmp(argv[i], "--shift") == 0 && parse_number(argv[i + 1], 0, &value) &&
                   value <= 8) {
            limits->shift = (int)value;
            i++;
        } else if (i + 1 < argc && strcmp(argv[i], "--allow-shifted") == 0 &&
                   parse_number(argv[i + 1], 0, &value)) {
            limits->allow_shifted_per_mille = value;
            i++;
        } else if (i + 1 < argc && strcmp(argv[i], "--mean") == 0 && parse_number(argv[i + 1], 0, &value)) {
            limits->max_mean = value;
            i++;
        } else {
            return -1;
        }
    }
    return argc - i == 3 ? i : -1;
}

int main(int argc, char **argv)
{
    CompareLimits limits = {0};
    CompareStats stats = {0};
    SDL_Surface *expected = NULL;
    SDL_Surface *actual = NULL;
    SDL_Surface *diff = NULL;
    int status = EXIT_DIFFERENT;
    int first = parse_args(argc, argv, &limits);
    if (first < 0) {
        fprintf(stderr, "usage: png_compare [--tolerance N] [--allow PER_MILLE] [--mean MAX] [--shift S] "
                        "[--allow-shifted PER_MILLE] [--stats] REFERENCE ACTUAL DIFF_OUT\n");
        return EXIT_USAGE;
    }
    const char *ref_path = argv[first];
    const char *got_path = argv[first + 1];
    const char *diff_path = argv[first + 2];
    expected = load_argb(ref_path);
    actual = load_argb(got_path);
    if (!expected || !actual) {
        goto done;
    }
    if (expected->w != actual->w || expected->h != actual->h) {
        fprintf(stderr, "png_compare: %s is %dx%d, reference %dx%d\n", got_path, actual->w, actual->h, expected->w,
                expected->h);
        goto done;
    }
    diff = SDL_CreateRGBSurfaceWithFormat(0, expected->w, expected->h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!diff) {
        fprintf(stderr, "png_compare: %s\n", SDL_GetError());
        goto done;
    }
    compare(expected, actual, &limits, diff, &stats);
    double over_per_mille = 1000.0 * (double)stats.over / (double)stats.pixels;
    if (limits.stats) {
        printf("png_compare: %s: worst %d, mean %.3f, over 16: %ld px, over 64: %ld px, edge within %d px: "
               "%ld px, over %d otherwise: %.3f per mille (%ld px)\n",
               got_path, stats.worst, stats.mean, stats.over_16, stats.over_64, limits.shift, stats.shifted,
               limits.tolerance, over_per_mille, stats.over);
    }
    bool too_many = over_per_mille > limits.allow_per_mille || (limits.allow_per_mille == 0.0 && stats.over > 0);
    double shifted_per_mille = 1000.0 * (double)stats.shifted / (double)stats.pixels;
    bool too_far = limits.max_mean >= 0.0 && stats.mean > limits.max_mean;
    bool too_shifted = limits.allow_shifted_per_mille >= 0.0 && shifted_per_mille > limits.allow_shifted_per_mille;
    status = EXIT_SAME;
    if (too_many || too_far || too_shifted) {
        IMG_SavePNG(diff, diff_path);
        fprintf(stderr,
                "png_compare: %s: %ld pixels (%.3f per mille, %.3f allowed) differ by more than %d (worst %d), "
                "mean difference %.3f%s, %.3f per mille equal only %d px off%s; diff in %s\n",
                got_path, stats.over, over_per_mille, limits.allow_per_mille, limits.tolerance, stats.worst,
                stats.mean, too_far ? " (over the limit)" : "", shifted_per_mille, limits.shift,
                too_shifted ? " (over the limit)" : "", diff_path);
        status = EXIT_DIFFERENT;
    }
done:
    SDL_FreeSurface(diff);
    SDL_FreeSurface(expected);
    SDL_FreeSurface(actual);
    return status;
}
