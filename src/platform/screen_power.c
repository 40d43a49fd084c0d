/* screen_power.c — the screen off while closed and on at opening by cec, drm, x11 or black (see
 * screen_power.h). Start reading at screen_power_off(): the methods are a table, each an off
 * and an on; cec_change() and drm_set_dpms() do the kernel's part through ScreenPowerSystem. */
#define _POSIX_C_SOURCE 200809L
#include "platform/screen_power.h"

#include <SDL2/SDL_syswm.h>
#include <errno.h>
#include <fcntl.h>
#include <drm.h>
#include <drm_mode.h>
#include <linux/cec-funcs.h>
#include <linux/cec.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

enum {
    CEC_TV = CEC_LOG_ADDR_TV,              /* Standby and Image View On go to the TV */
    DRM_CONNECTORS_MAX = 64,               /* more than any board has */
    DRM_PROPERTIES_MAX = 256,              /* of one connector */
    DRM_CONNECTED = 1,                     /* drm_mode_get_connector.connection: a monitor is there */
};

#define CEC_OSD_NAME "FACTS Kiosk"         /* what the TV's source menu may show (14 bytes at most) */

/* ---- the real system ------------------------------------------------------ */

static int real_open(void *user, const char *path, int flags)
{
    (void)user;
    return open(path, flags);
}

static int real_ioctl(void *user, int fd, unsigned long request, void *arg)
{
    (void)user;
    int result = -1;
    do {
        result = ioctl(fd, request, arg);
    } while (result == -1 && (errno == EINTR || errno == EAGAIN));
    return result;
}

static int real_close(void *user, int fd)
{
    (void)user;
    return close(fd);
}

static bool real_window_info(void *user, SDL_Window *window, SDL_SysWMinfo *info)
{
    (void)user;
    return SDL_GetWindowWMInfo(window, info) == SDL_TRUE;
}

static const ScreenPowerSystem REAL_SYSTEM = {
    .open = real_open,
    .ioctl = real_ioctl,
    .close = real_close,
    .window_info = real_window_info,
};

const ScreenPowerSystem *screen_power_system_real(void)
{
    return &REAL_SYSTEM;
}

/* ---- cec ---------------------------------------------------------------------- */

static int sys_ioctl(ScreenPower *p, int fd, unsigned long request, void *arg)
{
    return p->system.ioctl(p->system.user, fd, request, arg);
}

/* The adapter's logical address into *from: the one it has, else a playback device's claimed
 * now (the ioctl waits until the claim is done). */
static bool cec_logical_address(ScreenPower *p, int fd, const struct cec_caps *caps, uint8_t *from, char *why,
                                size_t why_size)
{
    struct cec_log_addrs addrs = {0};
    if (sys_ioctl(p, fd, CEC_ADAP_G_LOG_ADDRS, &addrs) < 0) {
        snprintf(why, why_size, "%s: reading the logical addresses: %s", p->cec_device, strerror(errno));
        return false;
    }
    if (addrs.num_log_addrs == 0) {
        if (!(caps->capabilities & CEC_CAP_LOG_ADDRS)) {
            snprintf(why, why_size, "%s has no logical address and cannot claim one", p->cec_device);
            return false;
        }
        addrs = (struct cec_log_addrs){
            .cec_version = CEC_OP_CEC_VERSION_1_4,
            .num_log_addrs = 1,
            .vendor_id = CEC_VENDOR_ID_NONE,
            .primary_device_type = {CEC_OP_PRIM_DEVTYPE_PLAYBACK},
            .log_addr_type = {CEC_LOG_ADDR_TYPE_PLAYBACK},
            .all_device_types = {CEC_OP_ALL_DEVTYPE_PLAYBACK},
        };
        snprintf(addrs.osd_name, sizeof addrs.osd_name, "%s", CEC_OSD_NAME);
        if (sys_ioctl(p, fd, CEC_ADAP_S_LOG_ADDRS, &addrs) < 0) {
            snprintf(why, why_size, "%s: claiming a playback logical address: %s", p->cec_device, strerror(errno));
            return false;
        }
    }
    if (addrs.num_log_addrs == 0 || addrs.log_addr[0] == CEC_LOG_ADDR_INVALID) {
        snprintf(why, why_size, "%s: no logical address could be claimed", p->cec_device);
        return false;
    }
    *from = addrs.log_addr[0];
    return true;
}

/* Sends msg (the ioctl waits for its transmission); true when its transmit status is OK. */
static bool cec_send(ScreenPower *p, int fd, struct cec_msg *msg, const char *name, char *why, size_t why_size)
{
    if (sys_ioctl(p, fd, CEC_TRANSMIT, msg) < 0) {
        snprintf(why, why_size, "%s: sending %s: %s", p->cec_device, name, strerror(errno));
        return false;
    }
    if (!(msg->tx_status & CEC_TX_STATUS_OK)) {
        snprintf(why, why_size, "%s: %s was not acknowledged (transmit status 0x%02x%s)", p->cec_device, name,
                 (unsigned)msg->tx_status, msg->tx_status & CEC_TX_STATUS_NACK ? ": no TV answered" : "");
        return false;
    }
    return true;
}

/* Off: Standby to the TV. On: Image View On to the TV, then Active Source to all. */
static bool cec_change(ScreenPower *p, bool on, char *why, size_t why_size)
{
    bool ok = false;
    int fd = p->system.open(p->system.user, p->cec_device, O_RDWR | O_CLOEXEC);
    if (fd < 0) {
        snprintf(why, why_size, "%s: %s", p->cec_device, strerror(errno));
        return false;
    }
    struct cec_caps caps = {0};
    uint32_t mode = CEC_MODE_INITIATOR | CEC_MODE_NO_FOLLOWER;
    uint16_t physical = CEC_PHYS_ADDR_INVALID;
    uint8_t from = CEC_LOG_ADDR_INVALID;
    if (sys_ioctl(p, fd, CEC_ADAP_G_CAPS, &caps) < 0) {
        snprintf(why, why_size, "%s is not a CEC adapter: %s", p->cec_device, strerror(errno));
        goto done;
    }
    if (!(caps.capabilities & CEC_CAP_TRANSMIT)) {
        snprintf(why, why_size, "%s (%s) cannot transmit", p->cec_device, caps.driver);
        goto done;
    }
    if (sys_ioctl(p, fd, CEC_S_MODE, &mode) < 0) {
        snprintf(why, why_size, "%s: becoming its initiator: %s", p->cec_device, strerror(errno));
        goto done;
    }
    if (sys_ioctl(p, fd, CEC_ADAP_G_PHYS_ADDR, &physical) < 0) {
        snprintf(why, why_size, "%s: reading the physical address: %s", p->cec_device, strerror(errno));
        goto done;
    }
    if (physical == CEC_PHYS_ADDR_INVALID) {
        snprintf(why, why_size, "%s has no physical address: no TV is connected (or it gives no EDID)",
                 p->cec_device);
        goto done;
    }
    if (!cec_logical_address(p, fd, &caps, &from, why, why_size)) {
        goto done;
    }
    struct cec_msg msg = {0};
    if (!on) {
        cec_msg_init(&msg, from, CEC_TV);
        cec_msg_standby(&msg);
        ok = cec_send(p, fd, &msg, "Standby", why, why_size);
        goto done;
    }
    cec_msg_init(&msg, from, CEC_TV);
    cec_msg_image_view_on(&msg);
    if (!cec_send(p, fd, &msg, "Image View On", why, why_size)) {
        goto done;
    }
    msg = (struct cec_msg){0};
    cec_msg_init(&msg, from, CEC_LOG_ADDR_BROADCAST);
    cec_msg_active_source(&msg, physical);
    ok = cec_send(p, fd, &msg, "Active Source", why, why_size);
done:
    p->system.close(p->system.user, fd);
    return ok;
}

/* ---- drm ---------------------------------------------------------------------- */

/* SDL's DRM descriptor for window, or -1 with why. */
static int drm_fd_of(ScreenPower *p, SDL_Window *window, char *why, size_t why_size)
{
    SDL_SysWMinfo info;
    memset(&info, 0, sizeof info);
    SDL_VERSION(&info.version);
    if (!p->system.window_info(p->system.user, window, &info)) {
        snprintf(why, why_size, "the window system is unknown: %s", SDL_GetError());
        return -1;
    }
#if defined(SDL_VIDEO_DRIVER_KMSDRM)
    if (info.subsystem == SDL_SYSWM_KMSDRM) {
        if (info.info.kmsdrm.drm_fd < 0) {
            snprintf(why, why_size, "SDL's KMS/DRM driver gives no DRM descriptor");
            return -1;
        }
        return info.info.kmsdrm.drm_fd;
    }
#endif
    const char *driver = SDL_GetCurrentVideoDriver();
    snprintf(why, why_size, "the video driver is %s, not KMS/DRM", driver != NULL ? driver : "unknown");
    return -1;
}

/* The id of the connector's property named "DPMS" (0: none). */
static uint32_t drm_dpms_property(ScreenPower *p, int fd, const uint32_t *ids, uint32_t count)
{
    for (uint32_t i = 0; i < count; i++) {
        struct drm_mode_get_property property = {.prop_id = ids[i]};
        if (sys_ioctl(p, fd, DRM_IOCTL_MODE_GETPROPERTY, &property) == 0 && strcmp(property.name, "DPMS") == 0) {
            return ids[i];
        }
    }
    return 0;
}

/* The connector's DPMS set to level, when it is connected and drives a CRTC. True when set;
 * false with why (empty when the connector is simply not in use). */
static bool drm_connector_dpms(ScreenPower *p, int fd, uint32_t id, uint64_t level, char *why, size_t why_size)
{
    /* One mode's room, so the kernel does not probe the monitor again (it does when asked
     * for zero modes by the DRM master, which SDL's descriptor is). */
    struct drm_mode_modeinfo mode = {0};
    struct drm_mode_get_connector connector = {
        .connector_id = id, .modes_ptr = (uint64_t)(uintptr_t)&mode, .count_modes = 1};
    if (sys_ioctl(p, fd, DRM_IOCTL_MODE_GETCONNECTOR, &connector) < 0) {
        snprintf(why, why_size, "connector %u: %s", (unsigned)id, strerror(errno));
        return false;
    }
    if (connector.connection != DRM_CONNECTED || connector.encoder_id == 0) {
        why[0] = '\0';
        return false;
    }
    uint32_t count = connector.count_props < DRM_PROPERTIES_MAX ? connector.count_props : DRM_PROPERTIES_MAX;
    uint32_t *ids = calloc(count ? count : 1, sizeof *ids);
    uint64_t *values = calloc(count ? count : 1, sizeof *values);
    bool ok = false;
    if (ids == NULL || values == NULL) {
        snprintf(why, why_size, "out of memory");
        goto done;
    }
    connector = (struct drm_mode_get_connector){.connector_id = id,
                                                .modes_ptr = (uint64_t)(uintptr_t)&mode,
                                                .count_modes = 1,
                                                .props_ptr = (uint64_t)(uintptr_t)ids,
                                                .prop_values_ptr = (uint64_t)(uintptr_t)values,
                                                .count_props = count};
    if (sys_ioctl(p, fd, DRM_IOCTL_MODE_GETCONNECTOR, &connector) < 0) {
        snprintf(why, why_size, "connector %u: %s", (unsigned)id, strerror(errno));
        goto done;
    }
    uint32_t dpms = drm_dpms_property(p, fd, ids, connector.count_props < count ? connector.count_props : count);
    if (dpms == 0) {
        snprintf(why, why_size, "connector %u has no DPMS property", (unsigned)id);
        goto done;
    }
    struct drm_mode_obj_set_property set = {
        .value = level, .prop_id = dpms, .obj_id = id, .obj_type = DRM_MODE_OBJECT_CONNECTOR};
    if (sys_ioctl(p, fd, DRM_IOCTL_MODE_OBJ_SETPROPERTY, &set) < 0) {
        snprintf(why, why_size, "connector %u: setting DPMS: %s", (unsigned)id, strerror(errno));
        goto done;
    }
    ok = true;
done:
    free(ids);
    free(values);
    return ok;
}

/* DPMS to level on every connected connector in use; true when at least one took it. */
static bool drm_set_dpms(ScreenPower *p, int fd, uint64_t level, char *why, size_t why_size)
{
    uint32_t ids[DRM_CONNECTORS_MAX] = {0};
    struct drm_mode_card_res resources = {0};
    if (sys_ioctl(p, fd, DRM_IOCTL_MODE_GETRESOURCES, &resources) < 0) {
        snprintf(why, why_size, "reading the DRM resources: %s", strerror(errno));
        return false;
    }
    uint32_t count = resources.count_connectors < DRM_CONNECTORS_MAX ? resources.count_connectors : DRM_CONNECTORS_MAX;
    resources = (struct drm_mode_card_res){.connector_id_ptr = (uint64_t)(uintptr_t)ids, .count_connectors = count};
    if (sys_ioctl(p, fd, DRM_IOCTL_MODE_GETRESOURCES, &resources) < 0) {
        snprintf(why, why_size, "reading the DRM connectors: %s", strerror(errno));
        return false;
    }
    count = resources.count_connectors < count ? resources.count_connectors : count;
    int set = 0;
    char last[256] = "";
    for (uint32_t i = 0; i < count; i++) {
        char one[256] = "";
        if (drm_connector_dpms(p, fd, ids[i], level, one, sizeof one)) {
            set++;
        } else if (one[0] != '\0') {
            snprintf(last, sizeof last, "%s", one);
        }
    }
    if (set == 0) {
        snprintf(why, why_size, "%s", last[0] ? last : "no connected connector is in use");
    }
    return set > 0;
}

/* ---- the methods ----------------------------------------------------------------- */

typedef struct Method {
    bool (*off)(ScreenPower *p, SDL_Window *window, char *why, size_t why_size);
    bool (*on)(ScreenPower *p, char *why, size_t why_size);
} Method;

static bool cec_off(ScreenPower *p, SDL_Window *window, char *why, size_t why_size)
{
    (void)window;
    return cec_change(p, false, why, why_size);
}

static bool cec_on(ScreenPower *p, char *why, size_t why_size)
{
    return cec_change(p, true, why, why_size);
}

static bool drm_off(ScreenPower *p, SDL_Window *window, char *why, size_t why_size)
{
    int fd = drm_fd_of(p, window, why, why_size);
    if (fd < 0 || !drm_set_dpms(p, fd, DRM_MODE_DPMS_OFF, why, why_size)) {
        return false;
    }
    p->drm_fd = fd;
    return true;
}

static bool drm_on(ScreenPower *p, char *why, size_t why_size)
{
    int fd = p->drm_fd;
    p->drm_fd = -1; /* even when it fails: a frame presented is better than none at opening */
    return fd >= 0 && drm_set_dpms(p, fd, DRM_MODE_DPMS_ON, why, why_size);
}

static bool x11_off(ScreenPower *p, SDL_Window *window, char *why, size_t why_size)
{
    SDL_SysWMinfo info;
    memset(&info, 0, sizeof info);
    SDL_VERSION(&info.version);
    /* Asked through the system first, so a made-up KMS/DRM window is never handed to Xlib. */
    if (p->system.window_info(p->system.user, window, &info) && info.subsystem != SDL_SYSWM_X11) {
        const char *driver = SDL_GetCurrentVideoDriver();
        snprintf(why, why_size, "the video driver is %s, not X11", driver != NULL ? driver : "not X11");
        return false;
    }
    return display_power_off(&p->x11, window, why, why_size);
}

static bool x11_on(ScreenPower *p, char *why, size_t why_size)
{
    (void)why;
    (void)why_size;
    display_power_on(&p->x11);
    return true;
}

static bool black_off(ScreenPower *p, SDL_Window *window, char *why, size_t why_size)
{
    (void)p;
    (void)window;
    (void)why;
    (void)why_size;
    return true;
}

static bool black_on(ScreenPower *p, char *why, size_t why_size)
{
    (void)p;
    (void)why;
    (void)why_size;
    return true;
}

static const Method METHODS[OPTIONS_SCREEN_OFF_COUNT] = {
    [OPTIONS_SCREEN_OFF_CEC] = {cec_off, cec_on},
    [OPTIONS_SCREEN_OFF_DRM] = {drm_off, drm_on},
    [OPTIONS_SCREEN_OFF_X11] = {x11_off, x11_on},
    [OPTIONS_SCREEN_OFF_BLACK] = {black_off, black_on},
};

/* auto's order */
static const OptionsScreenOff AUTO_ORDER[] = {OPTIONS_SCREEN_OFF_CEC, OPTIONS_SCREEN_OFF_DRM, OPTIONS_SCREEN_OFF_X11};

void screen_power_init(ScreenPower *power, OptionsScreenOff wanted, const char *cec_device,
                       const ScreenPowerSystem *system)
{
    *power = (ScreenPower){.wanted = wanted, .system = system ? *system : REAL_SYSTEM, .drm_fd = -1};
    snprintf(power->cec_device, sizeof power->cec_device, "%s", cec_device ? cec_device : "");
}

/* Appends "name: reason" to p->why. */
static void add_why(ScreenPower *p, OptionsScreenOff method, const char *reason)
{
    size_t used = strlen(p->why);
    snprintf(p->why + used, sizeof p->why - used, "%s%s: %s", used ? "; " : "", options_screen_off_name(method),
             reason);
}

static bool try_off(ScreenPower *p, OptionsScreenOff method, SDL_Window *window)
{
    char reason[512] = "";
    if (METHODS[method].off(p, window, reason, sizeof reason)) {
        p->used = method;
        return true;
    }
    add_why(p, method, reason);
    return false;
}

bool screen_power_off(ScreenPower *power, SDL_Window *window)
{
    if (power->off) {
        char reason[512] = "";
        if (power->used == OPTIONS_SCREEN_OFF_X11 && !x11_off(power, window, reason, sizeof reason)) {
            power->worked = false;
            add_why(power, OPTIONS_SCREEN_OFF_X11, reason);
        }
        return power->used != OPTIONS_SCREEN_OFF_BLACK;
    }
    power->changed = true;
    power->off = true;
    power->worked = true;
    power->why[0] = '\0';
    bool done = false;
    if (power->wanted == OPTIONS_SCREEN_OFF_AUTO) {
        for (size_t i = 0; i < sizeof AUTO_ORDER / sizeof AUTO_ORDER[0] && !done; i++) {
            done = try_off(power, AUTO_ORDER[i], window);
        }
    } else if ((int)power->wanted > 0 && power->wanted < OPTIONS_SCREEN_OFF_COUNT) {
        done = try_off(power, power->wanted, window);
    }
    if (!done) {
        power->used = OPTIONS_SCREEN_OFF_BLACK;
        /* auto ends with black by design; a method asked for by name did not work */
        power->worked = power->wanted == OPTIONS_SCREEN_OFF_AUTO;
    }
    return power->used != OPTIONS_SCREEN_OFF_BLACK;
}

void screen_power_on(ScreenPower *power)
{
    if (!power->off) {
        return;
    }
    char reason[512] = "";
    power->off = false;
    power->why[0] = '\0';
    power->worked = METHODS[power->used].on(power, reason, sizeof reason);
    if (!power->worked) {
        add_why(power, power->used, reason);
    }
}

void screen_power_restore(ScreenPower *power)
{
    if (power->off && (power->used == OPTIONS_SCREEN_OFF_DRM || power->used == OPTIONS_SCREEN_OFF_X11)) {
        screen_power_on(power);
    }
}

bool screen_power_may_present(const ScreenPower *power)
{
    return !(power->off && power->used == OPTIONS_SCREEN_OFF_DRM);
}
