/* qr.c — QR codes with libqrencode; see qr.h. */
#include "render/qr.h"

#include <qrencode.h>

enum { QR_QUIET_MODULES = 2 };

static bool paint_qr_at(Painter *p, const char *text, SDL_Rect box, QRecLevel level)
{
    QRcode *code = QRcode_encodeString(text, 0, level, QR_MODE_8, 1);
    if (!code) {
        return false;
    }
    int side = box.w < box.h ? box.w : box.h;
    int modules = code->width + 2 * QR_QUIET_MODULES;
    int module_px = side / modules;
    if (module_px < 1) {
        QRcode_free(code);
        return false;
    }
    /* Whole pixels per module keep the code sharp; centre what is left over. */
    int drawn = module_px * modules;
    int x0 = box.x + (box.w - drawn) / 2;
    int y0 = box.y + (box.h - drawn) / 2;
    paint_round_rect(p, (SDL_Rect){x0, y0, drawn, drawn}, module_px, (SDL_Color){255, 255, 255, 255});
    SDL_SetRenderDrawBlendMode(p->renderer, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(p->renderer, 17, 17, 17, 255);
    for (int y = 0; y < code->width; y++) {
        for (int x = 0; x < code->width; x++) {
            if (code->data[y * code->width + x] & 1) {
                SDL_Rect module = {x0 + (x + QR_QUIET_MODULES) * module_px, y0 + (y + QR_QUIET_MODULES) * module_px,
                                   module_px, module_px};
                SDL_RenderFillRect(p->renderer, &module);
            }
        }
    }
    QRcode_free(code);
    return true;
}

bool paint_qr(Painter *p, const char *text, SDL_Rect box)
{
    return paint_qr_at(p, text, box, QR_ECLEVEL_M);
}

bool paint_qr_on_screen(Painter *p, const char *text, SDL_Rect box)
{
    return paint_qr_at(p, text, box, QR_ECLEVEL_L);
}
