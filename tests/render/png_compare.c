/* png_compare — compares a rendered PNG with its reference: every channel of every pixel
 * may differ by at most TOLERANCE; on failure writes a diff image (differing pixels in
 * red over a dimmed reference) and exits 1. Usage: png_compare REFERENCE ACTUAL DIFF_OUT */
#include <SDL2/SDL.h>
#include <SDL2/SDL_image.h>
#include <stdio.h>
#include <stdlib.h>

enum { TOLERANCE = 3 };

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

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: png_compare REFERENCE ACTUAL DIFF_OUT\n");
        return 2;
    }
    SDL_Surface *expected = load_argb(argv[1]);
    SDL_Surface *actual = load_argb(argv[2]);
    if (!expected || !actual) {
        return 1;
    }
    if (expected->w != actual->w || expected->h != actual->h) {
        fprintf(stderr, "png_compare: %s is %dx%d, reference %dx%d\n", argv[2], actual->w, actual->h, expected->w,
                expected->h);
        return 1;
    }
    SDL_Surface *diff = SDL_CreateRGBSurfaceWithFormat(0, expected->w, expected->h, 32, SDL_PIXELFORMAT_ARGB8888);
    long differing = 0;
    int worst = 0;
    for (int y = 0; y < expected->h; y++) {
        const Uint32 *e = (const Uint32 *)((const Uint8 *)expected->pixels + y * expected->pitch);
        const Uint32 *a = (const Uint32 *)((const Uint8 *)actual->pixels + y * actual->pitch);
        Uint32 *d = (Uint32 *)((Uint8 *)diff->pixels + y * diff->pitch);
        for (int x = 0; x < expected->w; x++) {
            int delta = 0;
            for (int shift = 0; shift <= 16; shift += 8) {
                int c = channel_delta(e[x], a[x], shift);
                delta = c > delta ? c : delta;
            }
            worst = delta > worst ? delta : worst;
            if (delta > TOLERANCE) {
                differing++;
                d[x] = 0xFFFF0000u;
            } else {
                Uint32 grey = ((e[x] >> 8) & 0xFF) / 3;
                d[x] = 0xFF000000u | (grey << 16) | (grey << 8) | grey;
            }
        }
    }
    int status = 0;
    if (differing > 0) {
        IMG_SavePNG(diff, argv[3]);
        fprintf(stderr, "png_compare: %s: %ld pixels differ by more than %d (worst %d); diff in %s\n", argv[2],
                differing, TOLERANCE, worst, argv[3]);
        status = 1;
    }
    SDL_FreeSurface(diff);
    SDL_FreeSurface(expected);
    SDL_FreeSurface(actual);
    return status;
}
