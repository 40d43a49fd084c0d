/* display_power.h — turns the monitor off while the kiosk is closed and on again at opening.
 * Under X11 through DPMS on the window's X display (libXext's DPMSForceLevel), where the X
 * server and its driver support it. SDL has no such call for KMS/DRM (nor Wayland): there
 * display_power_off() says so and the caller keeps a black frame on screen instead.
 * Start with display_power_off(); every successful off is undone by display_power_on(). */
#ifndef FACTS_PLATFORM_DISPLAY_POWER_H
#define FACTS_PLATFORM_DISPLAY_POWER_H

#include <SDL2/SDL.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct DisplayPower {
    void *x_display;        /* the X display DPMS was forced off on; NULL: not off */
    bool enabled_by_us;     /* DPMS was disabled and display_power_off() enabled it */
} DisplayPower;

/* Turns the monitor of window off with DPMS (again, if it already was: an X server turns it
 * on at any input). Returns false with why ("video driver kmsdrm has no DPMS in SDL", "the X
 * server has no DPMS extension", ...) when it cannot; nothing changed then. */
bool display_power_off(DisplayPower *power, SDL_Window *window, char *why, size_t why_size);

/* Turns the monitor on again after display_power_off() and leaves DPMS enabled or disabled as
 * it was found. A no-op when the monitor was not turned off. */
void display_power_on(DisplayPower *power);

#endif
