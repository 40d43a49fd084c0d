/* invite.c — the call to touch; see invite.h. invite_layout() sizes everything from the
 * metrics and the widest of the three languages; invite_paint() draws the ripple and fades the
 * cached words. The ripple is computed pixel by pixel into one small texture (anti-aliased,
 * one blit): SDL's software renderer would fill each triangle of a drawn ring through a
 * temporary surface of its own. */
#include "render/invite.h"

#include "core/easing.h"
#include "core/ui_text.h"

#include <math.h>
#include <stdlib.h>

typedef struct Words {
    SDL_Texture *texture;
    int w, h;
} Words;

struct Invite {
    bool laid_out;
    SDL_Rect area;           /* all it draws */
    int cy;                  /* the middle line of ripple and words */
    int cx[LANG_COUNT];      /* ripple centre beside each language's words, */
    int text_x[LANG_COUNT];  /*   which start here: each centred with its ripple */
    int core_r;              /* the solid dot */
    int ripple_r;            /* how far a ripple spreads */
    int size;                /* the words' font size */
    Words words[LANG_COUNT];
    SDL_Texture *ripple;     /* 2 * ripple_r + 2 square, redrawn for each step */
};

Invite *invite_create(void)
{
    return calloc(1, sizeof(Invite));
}

void invite_reset(Invite *invite)
{
    if (!invite) {
        return;
    }
    for (int l = 0; l < LANG_COUNT; l++) {
        if (invite->words[l].texture) {
            SDL_DestroyTexture(invite->words[l].texture);
        }
    }
    if (invite->ripple) {
        SDL_DestroyTexture(invite->ripple);
    }
    *invite = (Invite){0};
}

void invite_destroy(Invite *invite)
{
    invite_reset(invite);
    free(invite);
}

static const char *words_of(Lang lang)
{
    return ui_text(UI_TOUCH_TO_EXPLORE, lang);
}

static void invite_layout(Invite *invite, Painter *p)
{
    const Metrics *m = &p->m;
    /* The footer band, clear of the attract progress line along the bottom edge. */
    int top = m->footer.y;
    int bottom = m->h - m->h / 100 - 2;
    int band_h = bottom - top;
    invite->core_r = band_h / 8;
    invite->ripple_r = band_h / 2 - 1;
    int beside = invite->ripple_r; /* the words start where the ripple ends */
    int room = m->w - 2 * m->margin - 2 * beside - m->gap;
    int size = m->size_title * 6 / 5;
    int widths[LANG_COUNT] = {0};
    for (; size > m->size_body; size -= 2) {
        int widest = 0;
        for (int l = 0; l < LANG_COUNT; l++) {
            widths[l] = paint_text_width(p, words_of((Lang)l), FONT_BOLD, size);
            widest = widths[l] > widest ? widths[l] : widest;
        }
        if (widest <= room && size * 5 / 4 <= band_h) {
            break;
        }
    }
    invite->size = size;
    invite->cy = top + band_h / 2;
    int left = m->w;
    int right = 0;
    for (int l = 0; l < LANG_COUNT; l++) {
        int total = 2 * beside + m->gap + widths[l];
        int x = (m->w - total) / 2;
        invite->cx[l] = x + beside;
        invite->text_x[l] = x + 2 * beside + m->gap;
        int ripple_left = invite->cx[l] - invite->ripple_r - 1;
        left = ripple_left < left ? ripple_left : left;
        right = x + total > right ? x + total : right;
    }
    int area_top = invite->cy - invite->ripple_r - 1;
    left = left < 0 ? 0 : left;
    invite->area = (SDL_Rect){left, area_top, right - left + 2, bottom - area_top};
    invite->laid_out = true;
}

SDL_Rect invite_area(Invite *invite, Painter *p)
{
    if (!invite->laid_out) {
        invite_layout(invite, p);
    }
    return invite->area;
}

static Words *words(Invite *invite, Painter *p, Lang lang)
{
    Words *w = &invite->words[lang];
    if (w->texture) {
        return w;
    }
    TTF_Font *font = fonts_get(p->fonts, FONT_BOLD, invite->size);
    SDL_Surface *surface = font ? TTF_RenderUTF8_Blended(font, words_of(lang), p->pal.accent) : NULL;
    if (!surface) {
        return NULL;
    }
    w->texture = SDL_CreateTextureFromSurface(p->renderer, surface);
    w->w = surface->w;
    w->h = surface->h;
    SDL_FreeSurface(surface);
    if (!w->texture) {
        return NULL;
    }
    SDL_SetTextureBlendMode(w->texture, SDL_BLENDMODE_BLEND);
    return w;
}

/* One ring of the ripple: its middle radius, half its thickness, its opacity. */
typedef struct Ring {
    float r, half, alpha;
} Ring;

static float clamp01(float v)
{
    return v < 0.0f ? 0.0f : v > 1.0f ? 1.0f : v;
}

/* Coverage of a pixel at distance d by an edge at radius r (one pixel of anti-aliasing). */
static float inside(float d, float r)
{
    return clamp01(r - d + 0.5f);
}

typedef struct Rgba {
    float r, g, b, a; /* premultiplied */
} Rgba;

static Rgba over(Rgba below, SDL_Color c, float alpha)
{
    float k = 1.0f - alpha;
    return (Rgba){c.r * alpha + below.r * k, c.g * alpha + below.g * k, c.b * alpha + below.b * k, alpha + below.a * k};
}

static Uint32 argb(Rgba px)
{
    if (px.a <= 0.0f) {
        return 0;
    }
    Uint32 a = (Uint32)(px.a * 255.0f + 0.5f);
    Uint32 r = (Uint32)(px.r / px.a + 0.5f);
    Uint32 g = (Uint32)(px.g / px.a + 0.5f);
    Uint32 b = (Uint32)(px.b / px.a + 0.5f);
    return a << 24 | (r > 255 ? 255 : r) << 16 | (g > 255 ? 255 : g) << 8 | (b > 255 ? 255 : b);
}

/* Paints the ripple at pulse into its texture: two rings spreading from the dot and fading,
 * half a beat apart, the dot with a point in its middle. False when it cannot. */
static bool paint_ripple(Invite *invite, Painter *p, float pulse)
{
    int side = 2 * invite->ripple_r + 2;
    if (!invite->ripple) {
        invite->ripple = SDL_CreateTexture(p->renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STREAMING, side, side);
        if (!invite->ripple) {
            return false;
        }
        SDL_SetTextureBlendMode(invite->ripple, SDL_BLENDMODE_BLEND);
    }
    Ring rings[2];
    float thickness = (float)(invite->core_r / 2 > 2 ? invite->core_r / 2 : 2);
    for (int k = 0; k < 2; k++) {
        float phase = pulse + 0.5f * (float)k;
        phase = phase >= 1.0f ? phase - 1.0f : phase;
        float outer = (float)invite->core_r + (float)(invite->ripple_r - 1 - invite->core_r) * easing_out_cubic(phase);
        float half = (thickness * (1.0f - phase) + 1.0f) / 2.0f; /* thins as it spreads */
        rings[k] = (Ring){outer - half, half, 0.9f * (1.0f - phase)};
    }
    void *pixels = NULL;
    int pitch = 0;
    if (SDL_LockTexture(invite->ripple, NULL, &pixels, &pitch) != 0) {
        return false;
    }
    float c = (float)side / 2.0f;
    float core = (float)invite->core_r;
    float reach = 0.0f; /* nothing lies beyond the outer edge of the wider ring */
    for (int k = 0; k < 2; k++) {
        float edge = rings[k].r + rings[k].half + 1.0f;
        reach = edge > reach ? edge : reach;
    }
    float reach2 = reach * reach;
    /* The square is even-sided and the ripple round: compute one quarter, mirror it. */
    int half_side = side / 2;
    for (int y = 0; y < half_side; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)pixels + (size_t)y * (size_t)pitch);
        Uint32 *mirror_row = (Uint32 *)((Uint8 *)pixels + (size_t)(side - 1 - y) * (size_t)pitch);
        float dy = (float)y + 0.5f - c;
        for (int x = 0; x < half_side; x++) {
            float dx = (float)x + 0.5f - c;
            float d2 = dx * dx + dy * dy;
            Uint32 value = 0;
            if (d2 <= reach2) {
                float d = sqrtf(d2);
                Rgba px = {0};
                for (int k = 0; k < 2; k++) {
                    float cover = inside(fabsf(d - rings[k].r), rings[k].half);
                    if (cover > 0.0f) {
                        px = over(px, p->pal.accent, cover * rings[k].alpha);
                    }
                }
                if (d < core + 1.0f) {
                    px = over(px, p->pal.accent, inside(d, core));
                    px = over(px, p->pal.accent_text, inside(d, core / 3.0f));
                }
                value = argb(px);
            }
            row[x] = row[side - 1 - x] = mirror_row[x] = mirror_row[side - 1 - x] = value;
        }
    }
    SDL_UnlockTexture(invite->ripple);
    return true;
}

static void draw_words(Invite *invite, Painter *p, Lang lang, float opacity)
{
    Words *w = words(invite, p, lang);
    if (!w || opacity <= 0.0f) {
        return;
    }
    SDL_SetTextureAlphaMod(w->texture, (Uint8)(opacity * 255.0f + 0.5f));
    SDL_Rect dst = {invite->text_x[lang], invite->cy - w->h / 2, w->w, w->h};
    SDL_RenderCopy(p->renderer, w->texture, NULL, &dst);
}

static bool words_still(const CueFrame *cue)
{
    return cue->blend <= 0.0f;
}

SDL_Rect invite_changed_area(Invite *invite, Painter *p, const CueFrame *before, const CueFrame *now)
{
    SDL_Rect area = invite_area(invite, p);
    if (!words_still(before) || !words_still(now) || before->lang != now->lang) {
        return area;
    }
    int side = 2 * invite->ripple_r + 2;
    SDL_Rect ripple = {invite->cx[now->lang] - side / 2, invite->cy - side / 2, side, side};
    SDL_Rect both = {0};
    return SDL_IntersectRect(&ripple, &area, &both) ? both : area;
}

void invite_paint(Invite *invite, Painter *p, const CueFrame *cue, const SDL_Rect *clip)
{
    if (!invite->laid_out) {
        invite_layout(invite, p);
    }
    /* The ripple stands beside the words; when the language changes it glides to its place
     * beside the next ones. */
    int cx = invite->cx[cue->lang] + (int)((float)(invite->cx[cue->next_lang] - invite->cx[cue->lang]) *
                                           easing_in_out_cubic(cue->blend));
    SDL_RenderSetClipRect(p->renderer, clip ? clip : &invite->area);
    if (paint_ripple(invite, p, cue->pulse)) {
        int side = 2 * invite->ripple_r + 2;
        SDL_Rect dst = {cx - side / 2, invite->cy - side / 2, side, side};
        SDL_RenderCopy(p->renderer, invite->ripple, NULL, &dst);
    }
    /* One language fades out before the next fades in: never two sets of words at once. */
    float out = 1.0f - 2.0f * cue->blend;
    float in = 2.0f * cue->blend - 1.0f;
    draw_words(invite, p, cue->lang, out > 0.0f ? out : 0.0f);
    draw_words(invite, p, cue->next_lang, in > 0.0f ? in : 0.0f);
    SDL_RenderSetClipRect(p->renderer, NULL);
}
