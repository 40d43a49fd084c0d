/* image_lazy.c: SDL_image is not in the process until the first image is decoded, and then the
 * real library decodes it: the fixture's PNG logo through IMG_LoadTyped_RW (the path the
 * kiosk takes), with the size its header gives, and written back with IMG_SavePNG. Damaged
 * bytes fail as SDL_image fails (NULL and an error text), and IMG_Quit before any image loads
 * nothing. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "platform/lazy_library.h"

#include <SDL2/SDL.h>
#include <SDL2/SDL_image.h>

static const char SONAME[] = "libSDL2_image-2.0.so.0";

static void test_quit_before_any_image_loads_nothing(void **state)
{
    (void)state;
    assert_false(lazy_library_in_process(SONAME));
    IMG_Quit();
    assert_false(lazy_library_in_process(SONAME));
}

static void test_first_image_loads_sdl_image(void **state)
{
    (void)state;
    const char *source = getenv("FACTS_SOURCE_DIR");
    assert_non_null(source);
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/render/fixture/images/example-logo.png", source);
    size_t size = 0;
    void *bytes = SDL_LoadFile(path, &size);
    assert_non_null(bytes);
    /* The width and height from the PNG header (IHDR, big-endian at bytes 16 and 20). */
    const unsigned char *b = bytes;
    int width = (int)((uint32_t)b[16] << 24 | (uint32_t)b[17] << 16 | (uint32_t)b[18] << 8 | b[19]);
    int height = (int)((uint32_t)b[20] << 24 | (uint32_t)b[21] << 16 | (uint32_t)b[22] << 8 | b[23]);

    assert_false(lazy_library_in_process(SONAME));
    SDL_Surface *surface = IMG_LoadTyped_RW(SDL_RWFromConstMem(bytes, (int)size), 1, "PNG");
    assert_true(lazy_library_in_process(SONAME));
    assert_non_null(surface);
    assert_int_equal(surface->w, width);
    assert_int_equal(surface->h, height);

    const char *binary = getenv("FACTS_BINARY_DIR");
    assert_non_null(binary);
    char out[4096];
    snprintf(out, sizeof out, "%s/tests/render/image-lazy-copy.png", binary);
    assert_int_equal(IMG_SavePNG(surface, out), 0);
    SDL_Surface *copy = IMG_LoadTyped_RW(SDL_RWFromFile(out, "rb"), 1, "PNG");
    assert_non_null(copy);
    assert_int_equal(copy->w, width);
    assert_int_equal(copy->h, height);
    SDL_FreeSurface(copy);
    SDL_FreeSurface(surface);
    SDL_free(bytes);
}

static void test_damaged_bytes_fail_with_a_reason(void **state)
{
    (void)state;
    static const unsigned char junk[] = "\x89PNG\r\n\x1a\n this is not an image";
    SDL_ClearError();
    SDL_Surface *surface = IMG_LoadTyped_RW(SDL_RWFromConstMem(junk, (int)sizeof junk), 1, "PNG");
    assert_null(surface);
    assert_true(strlen(IMG_GetError()) > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quit_before_any_image_loads_nothing),
        cmocka_unit_test(test_first_image_loads_sdl_image),
        cmocka_unit_test(test_damaged_bytes_fail_with_a_reason),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    IMG_Quit();
    return failed;
}
