/* frame_grab.c — reading a frame back from the renderer, scaling it down and encoding it as
 * JPEG; see frame_grab.h. Reading order: the columns each picture pixel covers
 * (grab_columns), one band of rows read and averaged (grab_band), frame_grab_read(), then
 * the JPEG into memory. */
#include "render/frame_grab.h"

#include <SDL2/SDL_image.h>
#include <stdlib.h>
#include <string.h>

/* The first frame column of each picture column, and one past the last (x0[width]). */
static int *grab_columns(int frame_w, int width)
{
    int *x0 = malloc(sizeof *x0 * (size_t)(width + 1));
    if (!x0) {
        return NULL;
    }
    for (int x = 0; x <= width; x++) {
        x0[x] = (int)((int64_t)x * frame_w / width);
    }
    return x0;
}

/* The frame row where picture row y starts. */
static int grab_row(int y, int frame_h, int height)
{
    return (int)((int64_t)y * frame_h / height);
}

/* Picture rows [y, y_end): reads their frame rows into band (ARGB8888) and averages them. */
static bool grab_band(SDL_Renderer *renderer, const FrameGrab *out, int frame_w, int frame_h, const int *x0, int y,
                      int y_end, uint32_t *band)
{
    int top = grab_row(y, frame_h, out->height);
    int bottom = grab_row(y_end, frame_h, out->height);
    SDL_Rect rect = {0, top, frame_w, bottom - top};
    if (rect.h <= 0 || SDL_RenderReadPixels(renderer, &rect, SDL_PIXELFORMAT_ARGB8888, band, frame_w * 4) != 0) {
        return false;
    }
    for (int row = y; row < y_end; row++) {
        int r0 = grab_row(row, frame_h, out->height) - top;
        int r1 = grab_row(row + 1, frame_h, out->height) - top;
        r1 = r1 > r0 ? r1 : r0 + 1;
        unsigned char *pixel = out->rgb + (size_t)row * (size_t)out->width * 3;
        for (int x = 0; x < out->width; x++, pixel += 3) {
            int c1 = x0[x + 1] > x0[x] ? x0[x + 1] : x0[x] + 1;
            uint32_t red = 0, green = 0, blue = 0, count = 0;
            for (int fy = r0; fy < r1; fy++) {
                const uint32_t *source = band + (size_t)fy * (size_t)frame_w;
                for (int fx = x0[x]; fx < c1; fx++) {
                    uint32_t argb = source[fx];
                    red += (argb >> 16) & 0xFF;
                    green += (argb >> 8) & 0xFF;
                    blue += argb & 0xFF;
                    count++;
                }
            }
            pixel[0] = (unsigned char)((red + count / 2) / count);
            pixel[1] = (unsigned char)((green + count / 2) / count);
            pixel[2] = (unsigned char)((blue + count / 2) / count);
        }
    }
    return true;
}

bool frame_grab_read(SDL_Renderer *renderer, int frame_w, int frame_h, int max_width, FrameGrab *out)
{
    memset(out, 0, sizeof *out);
    if (frame_w <= 0 || frame_h <= 0 || max_width <= 0) {
        SDL_SetError("no frame to read");
        return false;
    }
    out->width = frame_w > max_width ? max_width : frame_w;
    out->height = (int)(((int64_t)frame_h * out->width + frame_w / 2) / frame_w);
    out->height = out->height > 0 ? out->height : 1;
    /* The tallest band: FRAME_GRAB_BAND_ROWS picture rows and the frame rows they cover. */
    int band_rows = (int)(((int64_t)frame_h * FRAME_GRAB_BAND_ROWS) / out->height) + 2;
    int *x0 = grab_columns(frame_w, out->width);
    uint32_t *band = malloc(sizeof *band * (size_t)frame_w * (size_t)band_rows);
    out->rgb = malloc((size_t)out->width * (size_t)out->height * 3);
    bool ok = x0 && band && out->rgb;
    if (!ok) {
        SDL_OutOfMemory();
    }
    for (int y = 0; ok && y < out->height; y += FRAME_GRAB_BAND_ROWS) {
        int y_end = y + FRAME_GRAB_BAND_ROWS < out->height ? y + FRAME_GRAB_BAND_ROWS : out->height;
        ok = grab_band(renderer, out, frame_w, frame_h, x0, y, y_end, band);
    }
    free(band);
    free(x0);
    if (!ok) {
        frame_grab_free(out);
    }
    return ok;
}

void frame_grab_free(FrameGrab *grab)
{
    if (grab) {
        free(grab->rgb);
        memset(grab, 0, sizeof *grab);
    }
}

bool frame_grab_jpeg(const FrameGrab *grab, int quality, unsigned char **bytes, size_t *length)
{
    *bytes = NULL;
    *length = 0;
    /* A JPEG of this quality is far smaller than the raw pixels; a larger one fails to encode. */
    size_t room = (size_t)grab->width * (size_t)grab->height * 3 + 65536;
    unsigned char *buffer = malloc(room);
    SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormatFrom(grab->rgb, grab->width, grab->height, 24, grab->width * 3,
                                                              SDL_PIXELFORMAT_RGB24);
    SDL_RWops *rw = buffer ? SDL_RWFromMem(buffer, (int)room) : NULL;
    bool ok = surface && rw && IMG_SaveJPG_RW(surface, rw, 0, quality) == 0;
    Sint64 written = rw ? SDL_RWtell(rw) : -1;
    ok = ok && written > 0;
    if (rw) {
        SDL_RWclose(rw);
    }
    SDL_FreeSurface(surface);
    if (!ok) {
        if (!buffer) {
            SDL_OutOfMemory();
        }
        free(buffer);
        return false;
    }
    *bytes = buffer;
    *length = (size_t)written;
    return true;
}
