/* fade_mask.c — see fade_mask.h. */
#include "render/fade_mask.h"

#include <stdlib.h>
#include <string.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

struct FadeMask {
    bool valid;
    uint64_t version_a, version_b;
    int w, h;
    int cols, rows;
    uint8_t *differs; /* rows x cols, row-major: 1 where the slides differ */
    size_t differs_size;
};

FadeMask *fade_mask_create(void)
{
    return calloc(1, sizeof(FadeMask));
}

void fade_mask_destroy(FadeMask *mask)
{
    if (!mask) {
        return;
    }
    free(mask->differs);
    free(mask);
}

bool fade_mask_matches(const FadeMask *mask, uint64_t version_a, uint64_t version_b)
{
    return mask && mask->valid &&
           ((mask->version_a == version_a && mask->version_b == version_b) ||
            (mask->version_a == version_b && mask->version_b == version_a));
}

/* Reads rows [y, y + rows) of texture into pixels (w per row). */
static bool read_band(SDL_Renderer *renderer, SDL_Texture *texture, int y, int w, int rows, uint32_t *pixels)
{
    SDL_Rect band = {0, y, w, rows};
    return SDL_SetRenderTarget(renderer, texture) == 0 &&
           SDL_RenderReadPixels(renderer, &band, SDL_PIXELFORMAT_RGB888, pixels, w * (int)sizeof *pixels) == 0;
}

/* Whether the tile at column col of the two bands differs (the padding byte of XRGB aside). */
static bool tile_differs(const uint32_t *a, const uint32_t *b, int w, int rows, int col)
{
    int x0 = col * FADE_MASK_TILE_PX;
    int x1 = x0 + FADE_MASK_TILE_PX < w ? x0 + FADE_MASK_TILE_PX : w;
    for (int y = 0; y < rows; y++) {
        const uint32_t *ra = a + (size_t)y * w;
        const uint32_t *rb = b + (size_t)y * w;
        for (int x = x0; x < x1; x++) {
            if ((ra[x] ^ rb[x]) & 0x00FFFFFFu) {
                return true;
            }
        }
    }
    return false;
}

bool fade_mask_compute(FadeMask *mask, SDL_Renderer *renderer, SDL_Texture *a, uint64_t version_a,
                       SDL_Texture *b, uint64_t version_b, int w, int h)
{
    mask->valid = false;
    if (w <= 0 || h <= 0) {
        return false;
    }
    int cols = (w + FADE_MASK_TILE_PX - 1) / FADE_MASK_TILE_PX;
    int rows = (h + FADE_MASK_TILE_PX - 1) / FADE_MASK_TILE_PX;
    size_t tiles = (size_t)cols * (size_t)rows;
    if (tiles > mask->differs_size) {
        uint8_t *grown = realloc(mask->differs, tiles);
        if (!grown) {
            return false;
        }
        mask->differs = grown;
        mask->differs_size = tiles;
    }
    size_t band_pixels = (size_t)w * FADE_MASK_TILE_PX;
    uint32_t *bands = malloc(2 * band_pixels * sizeof *bands);
    if (!bands) {
        return false;
    }
    SDL_Texture *previous = SDL_GetRenderTarget(renderer);
    bool read = true;
    for (int row = 0; row < rows && read; row++) {
        int y = row * FADE_MASK_TILE_PX;
        int band_rows = y + FADE_MASK_TILE_PX < h ? FADE_MASK_TILE_PX : h - y;
        read = read_band(renderer, a, y, w, band_rows, bands) &&
               read_band(renderer, b, y, w, band_rows, bands + band_pixels);
        for (int col = 0; col < cols && read; col++) {
            mask->differs[(size_t)row * cols + col] = tile_differs(bands, bands + band_pixels, w, band_rows, col);
        }
    }
    SDL_SetRenderTarget(renderer, previous);
    free(bands);
#if defined(__GLIBC__)
    malloc_trim(0); /* the two bands (0.5 MiB at 1080p) may have come from the heap */
#endif
    if (!read) {
        return false;
    }
    *mask = (FadeMask){true, version_a, version_b, w, h, cols, rows, mask->differs, mask->differs_size};
    return true;
}

/* Receives one run of differing tiles: where it lies on the slide, and the slot of its first
 * tile when the differing tiles are numbered in row-major order. */
typedef void RunVisitor(void *ctx, SDL_Rect on_slide, size_t first_slot);

/* Calls visit for each horizontal run of differing tiles in row-major order; with wrap_slots
 * (> 0), a run is also cut where its slot number crosses a multiple of wrap_slots. Returns
 * the runs visited. */
static size_t visit_runs(const FadeMask *mask, int wrap_slots, RunVisitor *visit, void *ctx)
{
    size_t slot = 0;
    size_t count = 0;
    for (int row = 0; row < mask->rows; row++) {
        const uint8_t *line = mask->differs + (size_t)row * mask->cols;
        int y = row * FADE_MASK_TILE_PX;
        int h = y + FADE_MASK_TILE_PX < mask->h ? FADE_MASK_TILE_PX : mask->h - y;
        for (int col = 0; col < mask->cols;) {
            if (!line[col]) {
                col++;
                continue;
            }
            int room = wrap_slots > 0 ? wrap_slots - (int)(slot % (size_t)wrap_slots) : mask->cols;
            int end = col;
            while (end < mask->cols && line[end] && end - col < room) {
                end++;
            }
            int x = col * FADE_MASK_TILE_PX;
            int x_end = end * FADE_MASK_TILE_PX < mask->w ? end * FADE_MASK_TILE_PX : mask->w;
            if (visit) {
                visit(ctx, (SDL_Rect){x, y, x_end - x, h}, slot);
            }
            slot += (size_t)(end - col);
            count++;
            col = end;
        }
    }
    return count;
}

typedef struct BlendRuns {
    SDL_Renderer *renderer;
    SDL_Texture *texture;
    size_t blended;
} BlendRuns;

static void blend_run(void *ctx, SDL_Rect on_slide, size_t first_slot)
{
    (void)first_slot;
    BlendRuns *runs = ctx;
    SDL_RenderCopy(runs->renderer, runs->texture, &on_slide, &on_slide);
    runs->blended += (size_t)on_slide.w * (size_t)on_slide.h;
}

size_t fade_mask_blend(const FadeMask *mask, SDL_Renderer *renderer, SDL_Texture *texture, Uint8 alpha)
{
    SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
    SDL_SetTextureAlphaMod(texture, alpha);
    BlendRuns runs = {renderer, texture, 0};
    visit_runs(mask, 0, blend_run, &runs);
    return runs.blended;
}

double fade_mask_differing_share(const FadeMask *mask)
{
    if (!mask || !mask->valid || mask->rows == 0 || mask->cols == 0) {
        return 1.0;
    }
    size_t tiles = (size_t)mask->rows * mask->cols;
    size_t differing = 0;
    for (size_t i = 0; i < tiles; i++) {
        differing += mask->differs[i];
    }
    return (double)differing / (double)tiles;
}

/* A run of kept tiles: where it lies on the slide, and where in the packed texture. */
typedef struct TilePiece {
    SDL_Rect on_slide;
    int packed_x, packed_y;
} TilePiece;

struct FadeTiles {
    SDL_Texture *packed; /* NULL when the slides do not differ at all */
    TilePiece *pieces;
    size_t piece_count;
    size_t bytes;
};

/* The packed texture holds the differing tiles slot by slot in row-major order, the mask's
 * columns of tiles a row: a run cut where that row wraps lies in one row of it. */
typedef struct PieceList {
    TilePiece *pieces;
    size_t count;
    int cols;
} PieceList;

static void add_piece(void *ctx, SDL_Rect on_slide, size_t first_slot)
{
    PieceList *list = ctx;
    list->pieces[list->count++] = (TilePiece){on_slide, (int)(first_slot % (size_t)list->cols) * FADE_MASK_TILE_PX,
                                              (int)(first_slot / (size_t)list->cols) * FADE_MASK_TILE_PX};
}

FadeTiles *fade_tiles_create(const FadeMask *mask, SDL_Renderer *renderer, SDL_Texture *texture)
{
    Uint32 format = 0;
    if (!mask || !mask->valid || SDL_QueryTexture(texture, &format, NULL, NULL, NULL) != 0) {
        return NULL;
    }
    FadeTiles *tiles = calloc(1, sizeof *tiles);
    if (!tiles) {
        return NULL;
    }
    size_t differing = 0;
    for (size_t i = 0; i < (size_t)mask->rows * (size_t)mask->cols; i++) {
        differing += mask->differs[i];
    }
    if (differing == 0) {
        return tiles; /* nothing to keep: the other slide is this one */
    }
    tiles->piece_count = visit_runs(mask, mask->cols, NULL, NULL);
    tiles->pieces = malloc(tiles->piece_count * sizeof *tiles->pieces);
    int packed_w = mask->cols * FADE_MASK_TILE_PX;
    int packed_h = (int)((differing + (size_t)mask->cols - 1) / (size_t)mask->cols) * FADE_MASK_TILE_PX;
    tiles->packed = tiles->pieces ? SDL_CreateTexture(renderer, format, SDL_TEXTUREACCESS_TARGET, packed_w, packed_h)
                                  : NULL;
    SDL_Texture *previous = SDL_GetRenderTarget(renderer);
    if (!tiles->packed || SDL_SetRenderTarget(renderer, tiles->packed) != 0) {
        fade_tiles_destroy(tiles);
        return NULL;
    }
    visit_runs(mask, mask->cols, add_piece, &(PieceList){tiles->pieces, 0, mask->cols});
    SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_NONE);
    SDL_SetTextureAlphaMod(texture, 255);
    for (size_t i = 0; i < tiles->piece_count; i++) {
        const TilePiece *piece = &tiles->pieces[i];
        SDL_Rect packed = {piece->packed_x, piece->packed_y, piece->on_slide.w, piece->on_slide.h};
        SDL_RenderCopy(renderer, texture, &piece->on_slide, &packed);
    }
    SDL_SetRenderTarget(renderer, previous);
    tiles->bytes = (size_t)packed_w * (size_t)packed_h * SDL_BYTESPERPIXEL(format);
    return tiles;
}

void fade_tiles_destroy(FadeTiles *tiles)
{
    if (!tiles) {
        return;
    }
    if (tiles->packed) {
        SDL_DestroyTexture(tiles->packed);
    }
    free(tiles->pieces);
    free(tiles);
}

size_t fade_tiles_draw(const FadeTiles *tiles, SDL_Renderer *renderer, const SDL_Rect *area, Uint8 alpha)
{
    if (!tiles->packed || alpha == 0) {
        return 0;
    }
    SDL_SetTextureBlendMode(tiles->packed, alpha == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetTextureAlphaMod(tiles->packed, alpha);
    size_t drawn = 0;
    for (size_t i = 0; i < tiles->piece_count; i++) {
        const TilePiece *piece = &tiles->pieces[i];
        SDL_Rect dst = piece->on_slide;
        if (area && !SDL_IntersectRect(&piece->on_slide, area, &dst)) {
            continue;
        }
        SDL_Rect src = {piece->packed_x + dst.x - piece->on_slide.x, piece->packed_y + dst.y - piece->on_slide.y, dst.w,
                        dst.h};
        SDL_RenderCopy(renderer, tiles->packed, &src, &dst);
        drawn += (size_t)dst.w * (size_t)dst.h;
    }
    return drawn;
}

size_t fade_tiles_bytes(const FadeTiles *tiles)
{
    return tiles ? tiles->bytes : 0;
}
