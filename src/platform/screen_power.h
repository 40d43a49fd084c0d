/* screen_power.h — the screen's power while the kiosk is closed ([schedule] screen_off), by one
 * of four methods, tried in this order with auto:
 *   cec    the TV itself, through the kernel's CEC interface ([schedule] cec_device, linux/cec.h):
 *          a playback logical address is claimed if the adapter has none; off sends Standby to
 *          the TV (logical address 0), on sends Image View On, then Active Source (broadcast,
 *          with the adapter's physical address). It worked when every message's transmit status
 *          was OK: the TV acknowledged it (a TV that acknowledges and stays on is beyond what
 *          the kiosk can see). No daemon: the device is opened for each change and closed.
 *   drm    the connector's "DPMS" property through the DRM file descriptor SDL's KMS/DRM driver
 *          holds (SDL_GetWindowWMInfo, info.kmsdrm.drm_fd), on every connected connector that
 *          drives a CRTC. While it is off nothing may be presented (a page flip on a CRTC that
 *          is off fails): screen_power_may_present() says so; on, the caller draws a fresh frame.
 *   x11    X11 DPMS on the window's X display (display_power.h).
 *   black  nothing is switched: the black frame the caller put on screen stays there.
 * A method forced by screen_off that does not work falls back to black, and `why` says so.
 * Every kernel call goes through ScreenPowerSystem, so tests run the cec and drm paths against
 * test doubles of the kernel interfaces (and a made-up SDL_SYSWM_KMSDRM window info).
 * Start with screen_power_init(); every screen_power_off() is undone by screen_power_on() (or,
 * when the kiosk stops, by screen_power_restore()). */
#ifndef FACTS_PLATFORM_SCREEN_POWER_H
#define FACTS_PLATFORM_SCREEN_POWER_H

#include "platform/display_power.h"
#include "platform/options.h"

#include <SDL2/SDL.h>
#include <stdbool.h>
#include <stddef.h>

enum {
    SCREEN_POWER_WHY_MAX = 1024, /* the reasons of every method tried, one after the other */
};

struct SDL_SysWMinfo; /* SDL_syswm.h, which brings Xlib's names along: included by the .c only */

/* The kernel interfaces the cec and drm methods use: open(2), ioctl(2), close(2) and SDL's
 * window information. user is passed back to each. */
typedef struct ScreenPowerSystem {
    void *user;
    int (*open)(void *user, const char *path, int flags);
    int (*ioctl)(void *user, int fd, unsigned long request, void *arg);
    int (*close)(void *user, int fd);
    bool (*window_info)(void *user, SDL_Window *window, struct SDL_SysWMinfo *info);
} ScreenPowerSystem;

/* The real ones (the process's open, ioctl, close; SDL_GetWindowWMInfo). Not owned. */
const ScreenPowerSystem *screen_power_system_real(void);

typedef struct ScreenPower {
    OptionsScreenOff wanted;          /* [schedule] screen_off */
    char cec_device[OPTIONS_PATH_MAX];
    ScreenPowerSystem system;
    bool changed;                     /* off or on was asked at least once since init */
    bool off;                         /* the screen is off (or black) by `used` */
    OptionsScreenOff used;            /* the method of the last change (meaningful when changed) */
    bool worked;                      /* the last change by `used` did what it says */
    char why[SCREEN_POWER_WHY_MAX];   /* why the methods tried before `used` (or `used`) failed; "" */
    int drm_fd;                       /* SDL's descriptor while drm has the screen off (not owned) */
    DisplayPower x11;
} ScreenPower;

/* Fills *power: wanted from screen_off, cec_device (copied), system (copied; NULL: the real
 * one). Nothing is opened. */
void screen_power_init(ScreenPower *power, OptionsScreenOff wanted, const char *cec_device,
                       const ScreenPowerSystem *system);

/* Turns the screen of window off: the wanted method, or with auto the first of cec, drm, x11
 * that works, else black. Afterwards used, worked and why say what happened (why names each
 * method that failed and its reason: "cec: /dev/cec0: No such file or directory; drm: the
 * video driver is x11, not KMS/DRM"). Returns true when a method other than black turned it
 * off. Called again while off, only x11 is applied again (an X server turns the monitor on
 * at any input); the others are off already. */
bool screen_power_off(ScreenPower *power, SDL_Window *window);

/* Turns the screen on again by the method that turned it off (cec: Image View On, then Active
 * Source; drm: DPMS on; x11: DPMS on; black: nothing). worked says whether it did; why, if
 * not, why. A no-op when the screen is not off. The caller then draws a fresh frame. */
void screen_power_on(ScreenPower *power);

/* The kiosk stops: what it changed on the machine itself is put back (drm, x11: the screen on
 * again, for the console or the next start), while a TV it put in standby stays there (waking
 * it at a restart at night would light it until the next closing). */
void screen_power_restore(ScreenPower *power);

/* False while drm has the connector off: no frame may be presented until screen_power_on(). */
bool screen_power_may_present(const ScreenPower *power);

#endif
