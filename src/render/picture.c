/* picture.c — images and monograms; see picture.h. */
#include "render/picture.h"

#include "content/schema.h"
#include "core/colour.h"
#include "core/utf8.h"

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

void monogram_initials(const char *name, char *out, size_t size)
{
    size_t used = 0;
    bool at_word_start = true;
    size_t length = strlen(name);
    size_t offset = 0;
    out[0] = '\0';
    while (offset < length && used < 2 * 4) {
        size_t start = offset;
        uint32_t cp = utf8_next(name, length, &offset);
        bool letter_or_digit = cp > 0x7F || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
                               (cp >= '0' && cp <= '9');
        if (at_word_start && letter_or_digit) {
            if (used + (offset - start) + 1 > size) {
                break;
            }
            memcpy(out + used, name + start, offset - start);
            used += offset - start;
            out[used] = '\0';
            if (cp >= 'a' && cp <= 'z') {
                out[used - 1] = (char)(cp - 'a' + 'A');
            }
            /* Two initials at most. */
            int count = 0;
            for (size_t i = 0; i < used; i++) {
                count += ((unsigned char)out[i] & 0xC0) != 0x80;
            }
            if (count == 2) {
                break;
            }
        }
        at_word_start = cp == ' ' || cp == '-' || cp == '/';
    }
}

void paint_monogram(Painter *p, const char *name, int cx, int cy, int radius)
{
    /* FNV-1a over the name picks a hue family; mixing with the accent keeps it on theme. */
    uint32_t hash = 2166136261u;
    for (const unsigned char *c = (const unsigned char *)name; *c; c++) {
        hash = (hash ^ *c) * 16777619u;
    }
    static const uint32_t TONES[] = {0x7A4E6B, 0x3E6A78, 0x8A5A3C, 0x4F6B4A, 0x5B5288, 0x8C4452};
    uint32_t accent = ((uint32_t)p->pal.accent.r << 16) | ((uint32_t)p->pal.accent.g << 8) | p->pal.accent.b;
    hash ^= hash >> 15; /* FNV's low bits vary little for similar names */
    hash *= 0x2C1B3C6Du;
    hash ^= hash >> 12;
    uint32_t fill = colour_mix(TONES[hash % (sizeof TONES / sizeof TONES[0])], accent, 0.15);
    uint32_t ink = colour_readable(0xFFFFFF, fill, COLOUR_MIN_CONTRAST);
    paint_circle(p, cx, cy, radius, paint_rgb(fill));
    char initials[16];
    monogram_initials(name, initials, sizeof initials);
    TextStyle style = {.weight = FONT_SEMIBOLD, .size = radius * 4 / 5, .colour = paint_rgb(ink),
                       .align = ALIGN_CENTER, .max_lines = 1, .middle = true, .line_height = 1.0f};
    paint_text(p, initials, (SDL_Rect){cx - radius, cy - radius, 2 * radius, 2 * radius}, style);
}
