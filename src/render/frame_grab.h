/* frame_grab.h — a small picture of the frame a renderer holds: read back from the renderer
 * (SDL_RenderReadPixels of its current target: the back buffer before it is presented, or a
 * canvas texture), scaled down on the CPU to at most a given width (each picture pixel the
 * average of the frame pixels it covers), and encoded as JPEG through SDL_image. What the
 * kiosk's status sends to a fleet's monitor (app/part_status.c: screen.jpg). Start with
 * frame_grab_read(). */
#ifndef FACTS_RENDER_FRAME_GRAB_H
#define FACTS_RENDER_FRAME_GRAB_H

#include <SDL2/SDL.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
    FRAME_GRAB_BAND_ROWS = 16,   /* picture rows made from one read-back of the frame */
    FRAME_GRAB_JPEG_QUALITY = 80,
};

/* A picture: width x height pixels of RGB, 3 bytes each, rows packed. */
typedef struct FrameGrab {
    int width, height;
    unsigned char *rgb;
} FrameGrab;

/* Reads the frame of frame_w x frame_h pixels at the renderer's current target and scales it
 * to at most max_width pixels wide (the aspect kept; a narrower frame keeps its size) into
 * *out, reading FRAME_GRAB_BAND_ROWS picture rows' worth of the frame at a time (at 1080p a
 * fifth of a MiB, never the whole frame). Returns false (out zeroed, SDL_GetError says why)
 * when the renderer cannot be read or memory runs out. Free it with frame_grab_free(). */
bool frame_grab_read(SDL_Renderer *renderer, int frame_w, int frame_h, int max_width, FrameGrab *out);
void frame_grab_free(FrameGrab *grab);

/* The picture as a JPEG file's bytes (quality 1..100) into a new buffer *bytes of *length
 * bytes (the caller free()s it). Returns false (SDL_GetError says why; *bytes NULL) when
 * SDL_image cannot encode it. */
bool frame_grab_jpeg(const FrameGrab *grab, int quality, unsigned char **bytes, size_t *length);

#endif
