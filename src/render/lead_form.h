/* lead_form.h (render) — the "Contact me" button and the contact form over the whole screen:
 * its fields with labels and what a visitor must fix, the country list, the consent box, Send
 * and Cancel, the on-screen keyboard (render/keyboard.h) with a row of digits and the signs
 * an e-mail address needs, and the thanks. Every target sends DECK_CMD_LEAD_FORM with a
 * LeadFormAction (core/lead_form.h), or the keyboard's own commands. Laid out from Metrics:
 * two columns in landscape, one in portrait. Start at lead_form_paint(). */
#ifndef FACTS_RENDER_LEAD_FORM_H
#define FACTS_RENDER_LEAD_FORM_H

#include "core/lead_form.h"
#include "render/paint.h"

#include <SDL2/SDL.h>

/* What the form shows besides its state. */
typedef struct LeadFormLook {
    const LeadForm *form;
    const char *consent; /* the consent wording in p->lang: the pack's, else UI_LEAD_CONSENT */
    bool not_kept;       /* the thanks says the request could not be saved instead */
} LeadFormLook;

/* Paints the form (or its country list, or its thanks) over the whole screen and records
 * its touch targets; nothing when the form is closed. */
void lead_form_paint(Painter *p, const LeadFormLook *look);

/* Where the "Contact me" button goes on a page (above the footer, at the right), and the
 * button itself with its target (DECK_CMD_LEAD_FORM, LEAD_FORM_ACT_OPEN). */
SDL_Rect lead_form_button_rect(Painter *p);
void lead_form_paint_button(Painter *p, SDL_Rect rect);

#endif
