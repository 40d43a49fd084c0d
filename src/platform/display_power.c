/* display_power.c — DPMS through the X display SDL's window lives on (see display_power.h). */
#include "platform/display_power.h"

#include <SDL2/SDL_syswm.h>
#include <stdio.h>
#include <string.h>

#if defined(SDL_VIDEO_DRIVER_X11)
#include <X11/Xlib.h>
#include <X11/extensions/dpms.h>

/* The X display of window, or NULL with why. */
static Display *x_display_of(SDL_Window *window, char *why, size_t why_size)
{
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!SDL_GetWindowWMInfo(window, &info)) {
        snprintf(why, why_size, "the window system is unknown: %s", SDL_GetError());
        return NULL;
    }
    if (info.subsystem != SDL_SYSWM_X11) {
        const char *driver = SDL_GetCurrentVideoDriver();
        snprintf(why, why_size, "video driver %s has no DPMS call in SDL", driver != NULL ? driver : "?");
        return NULL;
    }
    return info.info.x11.display;
}

bool display_power_off(DisplayPower *power, SDL_Window *window, char *why, size_t why_size)
{
    Display *display = x_display_of(window, why, why_size);
    int event_base = 0;
    int error_base = 0;
    if (display == NULL) {
        return false;
    }
    if (!DPMSQueryExtension(display, &event_base, &error_base)) {
        snprintf(why, why_size, "the X server has no DPMS extension");
        return false;
    }
    if (!DPMSCapable(display)) {
        snprintf(why, why_size, "the X server's display cannot do DPMS");
        return false;
    }
    CARD16 level = DPMSModeOn;
    BOOL enabled = False;
    if (!DPMSInfo(display, &level, &enabled)) {
        snprintf(why, why_size, "the X server does not tell its DPMS state");
        return false;
    }
    /* Forcing a level needs DPMS enabled (BadMatch otherwise); it is put back at opening so
     * the server's own DPMS timeouts never blank an open kiosk. */
    if (!enabled) {
        DPMSEnable(display);
        power->enabled_by_us = true;
    }
    DPMSForceLevel(display, DPMSModeOff);
    XFlush(display);
    power->x_display = display;
    return true;
}

void display_power_on(DisplayPower *power)
{
    Display *display = power->x_display;
    if (display == NULL) {
        return;
    }
    DPMSForceLevel(display, DPMSModeOn);
    if (power->enabled_by_us) {
        DPMSDisable(display);
    }
    XFlush(display);
    *power = (DisplayPower){0};
}

#else

bool display_power_off(DisplayPower *power, SDL_Window *window, char *why, size_t why_size)
{
    (void)power;
    (void)window;
    snprintf(why, why_size, "this build has no X11 DPMS");
    return false;
}

void display_power_on(DisplayPower *power)
{
    *power = (DisplayPower){0};
}

#endif
