/* picture.c — images and monograms; see picture.h. */
#include "render/picture.h"

#include "content/schema.h"
#include "core/monogram.h"

#include <SDL2/SDL_image.h>
#include <stdio.h>
#include <string.h>

bool paint_picture(Painter *p, const ContentImage *image, SDL_Rect box)
{
    SDL_Surface *surface = NULL;
    /* The loader checked the declared size against the header; refuse to decode anything
     * larger than the pack limit before handing bytes to a decoder. */
    if (image->width > 0 && image->height > 0 && image->width <= SCHEMA_MAX_IMAGE_SIDE &&
        image->height <= SCHEMA_MAX_IMAGE_SIDE) {
        SDL_RWops *rw = SDL_RWFromConstMem(image->data.bytes, (int)image->data.size);
        surface = rw ? IMG_LoadTyped_RW(rw, 1, image->format == IMAGE_FORMAT_JPEG ? "JPG" : "PNG") : NULL;
    }
    if (!surface || surface->w != image->width || surface->h != image->height) {
        if (p->warn) {
            char message[256];
            snprintf(message, sizeof message, "image %s cannot be shown: %s", image->name,
                     surface ? "size differs from its header" : IMG_GetError());
            p->warn(p->warn_ctx, image->name, message);
        }
        SDL_FreeSurface(surface);
        paint_round_rect(p, box, p->m.radius, p->pal.surface);
        return false;
    }
    SDL_Texture *texture = SDL_CreateTextureFromSurface(p->renderer, surface);
    if (texture) {
        double scale = (double)box.w / surface->w < (double)box.h / surface->h ? (double)box.w / surface->w
                                                                              : (double)box.h / surface->h;
        int w = (int)(surface->w * scale);
        int h = (int)(surface->h * scale);
        SDL_Rect dst = {box.x + (box.w - w) / 2, box.y + (box.h - h) / 2, w, h};
        SDL_SetTextureScaleMode(texture, SDL_ScaleModeLinear);
        SDL_RenderCopy(p->renderer, texture, NULL, &dst);
        SDL_DestroyTexture(texture);
    }
    SDL_FreeSurface(surface);
    return true;
}

void paint_monogram(Painter *p, const char *initials, uint32_t fill, int cx, int cy, int radius)
{
    paint_circle(p, cx, cy, radius, paint_rgb(fill));
    TextStyle style = {.weight = FONT_SEMIBOLD, .size = radius * 4 / 5, .colour = paint_rgb(monogram_ink(fill)),
                       .align = ALIGN_CENTER, .max_lines = 1, .middle = true, .line_height = 1.0f};
    paint_text(p, initials, (SDL_Rect){cx - radius, cy - radius, 2 * radius, 2 * radius}, style);
}
