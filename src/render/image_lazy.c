/* image_lazy.c — the part of SDL_image's API the kiosk calls (picture.c, app/acceptance.c,
 * screen.c's screenshots, frame_grab.c's picture of the screen), with SDL_image loaded
 * (dlopen, platform/lazy_library.h) on the first call instead of at process start.
 *
 * Linked at start, SDL_image and what it needs (libtiff, libwebp, libjpeg, libjbig, libLerc,
 * libdeflate, and with libLerc the C++ runtime) cost about 9.5 M instructions of dynamic
 * linking before the first frame, which never shows a pack image: the first image is decoded
 * when a slide with a logo is painted ahead, seconds later. These functions carry SDL_image's
 * own names and prototypes (SDL_image.h), so the callers are plain SDL_image code; each loads
 * the library once (thread-safe: the update worker decodes images too) and calls the real
 * function. When SDL_image cannot be loaded they fail the way SDL_image fails: NULL surfaces,
 * -1, no codecs, and SDL_GetError() (IMG_GetError) says why. The .deb names libsdl2-image-2.0-0
 * in its Depends (toolchain/packaging/packaging.cmake), since dpkg-shlibdeps cannot see a
 * dlopen. */
#include "platform/lazy_library.h"

#include <SDL2/SDL.h>
#include <SDL2/SDL_image.h>

/* The soname SDL_image 2.x has (libsdl2-image-2.0-0 in Debian). */
static const char IMAGE_LAZY_SONAME[] = "libSDL2_image-2.0.so.0";

typedef struct ImageApi {
    int(SDLCALL *init)(int);
    void(SDLCALL *quit)(void);
    SDL_Surface *(SDLCALL *load_typed_rw)(SDL_RWops *, int, const char *);
    int(SDLCALL *save_png)(SDL_Surface *, const char *);
    int(SDLCALL *save_jpg_rw)(SDL_Surface *, SDL_RWops *, int, int);
} ImageApi;

/* Filled once by lazy_library_resolve(), read only after it succeeded. */
static ImageApi image_api;

static const LazySymbol IMAGE_SYMBOLS[] = {
    LAZY_SYMBOL(image_api.init, "IMG_Init"),
    LAZY_SYMBOL(image_api.quit, "IMG_Quit"),
    LAZY_SYMBOL(image_api.load_typed_rw, "IMG_LoadTyped_RW"),
    LAZY_SYMBOL(image_api.save_png, "IMG_SavePNG"),
    LAZY_SYMBOL(image_api.save_jpg_rw, "IMG_SaveJPG_RW"),
};

/* The process's one SDL_image, like SDL_image's own globals. */
static LazyLibrary image_library = LAZY_LIBRARY_INIT(IMAGE_LAZY_SONAME, "SDL_image", IMAGE_SYMBOLS);

/* The loaded API, or NULL (with SDL's error set) when SDL_image cannot be had. */
static const ImageApi *image_lazy_api(void)
{
    if (!lazy_library_resolve(&image_library)) {
        SDL_SetError("%s", image_library.why);
        return NULL;
    }
    return &image_api;
}

int IMG_Init(int flags)
{
    const ImageApi *api = image_lazy_api();
    return api ? api->init(flags) : 0;
}

/* Nothing to let go when SDL_image was never loaded: not loaded for it either. */
void IMG_Quit(void)
{
    if (lazy_library_is_loaded(&image_library)) {
        image_api.quit();
    }
}

SDL_Surface *IMG_LoadTyped_RW(SDL_RWops *src, int freesrc, const char *type)
{
    const ImageApi *api = image_lazy_api();
    if (!api) {
        if (src && freesrc) {
            SDL_RWclose(src);
        }
        return NULL;
    }
    return api->load_typed_rw(src, freesrc, type);
}

int IMG_SavePNG(SDL_Surface *surface, const char *file)
{
    const ImageApi *api = image_lazy_api();
    return api ? api->save_png(surface, file) : -1;
}

int IMG_SaveJPG_RW(SDL_Surface *surface, SDL_RWops *dst, int freedst, int quality)
{
    const ImageApi *api = image_lazy_api();
    if (!api) {
        if (dst && freedst) {
            SDL_RWclose(dst);
        }
        return -1;
    }
    return api->save_jpg_rw(surface, dst, freedst, quality);
}
