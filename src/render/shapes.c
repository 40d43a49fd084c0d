/* shapes.c — disc coverage textures, made once per radius and kept; see shapes.h. */
#include "render/shapes.h"

#include <math.h>
#include <stdlib.h>

enum {
    SHAPES_SLOTS = 32,        /* radii kept */
    SHAPES_MAX_KEPT_R = 256,  /* a larger disc (512 px across) is made for its one use */
    SHAPES_PIXEL_BUDGET = 1 << 20, /* pixels kept in all (4 MiB) */
};

typedef struct ShapeSlot {
    int r;               /* 0 = empty */
    SDL_Texture *texture;
    unsigned long used;  /* the last use, for evicting the least recently used */
} ShapeSlot;

struct Shapes {
    SDL_Renderer *renderer;
    ShapeSlot slots[SHAPES_SLOTS];
    unsigned long clock;
    long pixels; /* held in all slots */
};

Shapes *shapes_create(SDL_Renderer *renderer)
{
    Shapes *shapes = calloc(1, sizeof *shapes);
    if (shapes) {
        shapes->renderer = renderer;
    }
    return shapes;
}

static void slot_clear(Shapes *shapes, ShapeSlot *slot)
{
    if (slot->texture) {
        SDL_DestroyTexture(slot->texture);
        shapes->pixels -= 4L * slot->r * slot->r;
    }
    *slot = (ShapeSlot){0};
}

void shapes_destroy(Shapes *shapes)
{
    if (!shapes) {
        return;
    }
    for (int i = 0; i < SHAPES_SLOTS; i++) {
        slot_clear(shapes, &shapes->slots[i]);
    }
    free(shapes);
}

float shapes_coverage(float r, float d)
{
    float a = r - d + 0.5f;
    return a < 0.0f ? 0.0f : a > 1.0f ? 1.0f : a;
}

static SDL_Texture *disc_texture(SDL_Renderer *renderer, int r)
{
    int side = 2 * r;
    SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(0, side, side, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!surface) {
        return NULL;
    }
    for (int y = 0; y < side; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)surface->pixels + (size_t)y * (size_t)surface->pitch);
        float dy = (float)y + 0.5f - (float)r;
        for (int x = 0; x < side; x++) {
            float dx = (float)x + 0.5f - (float)r;
            float alpha = shapes_coverage((float)r, sqrtf(dx * dx + dy * dy));
            row[x] = (Uint32)lroundf(alpha * 255.0f) << 24 | 0xFFFFFFu;
        }
    }
    SDL_Texture *texture = SDL_CreateTextureFromSurface(renderer, surface);
    SDL_FreeSurface(surface);
    if (texture) {
        SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
    }
    return texture;
}

SDL_Texture *shapes_disc(Shapes *shapes, SDL_Renderer *renderer, int r, bool *owned)
{
    *owned = false;
    if (r < 1) {
        return NULL;
    }
    if (!shapes || r > SHAPES_MAX_KEPT_R) {
        *owned = true;
        return disc_texture(renderer, r);
    }
    ShapeSlot *victim = &shapes->slots[0];
    for (int i = 0; i < SHAPES_SLOTS; i++) {
        ShapeSlot *slot = &shapes->slots[i];
        if (slot->r == r) {
            slot->used = ++shapes->clock;
            return slot->texture;
        }
        if (victim->r != 0 && (slot->r == 0 || slot->used < victim->used)) {
            victim = slot;
        }
    }
    slot_clear(shapes, victim);
    /* Keep within the pixel budget: the least recently used go first. */
    while (shapes->pixels + 4L * r * r > SHAPES_PIXEL_BUDGET) {
        ShapeSlot *oldest = NULL;
        for (int i = 0; i < SHAPES_SLOTS; i++) {
            ShapeSlot *slot = &shapes->slots[i];
            if (slot->r != 0 && (!oldest || slot->used < oldest->used)) {
                oldest = slot;
            }
        }
        if (!oldest) {
            break;
        }
        slot_clear(shapes, oldest);
    }
    SDL_Texture *texture = disc_texture(shapes->renderer, r);
    if (texture) {
        *victim = (ShapeSlot){r, texture, ++shapes->clock};
        shapes->pixels += 4L * r * r;
    }
    return texture;
}
