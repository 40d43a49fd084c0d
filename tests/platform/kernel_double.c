/* kernel_double.c — the CEC adapter, DRM device and SDL window information of
 * kernel_double.h, answering as the kernel and SDL do. */
#define _POSIX_C_SOURCE 200809L
#include "platform/kernel_double.h"

#include <SDL2/SDL_syswm.h>
#include <drm.h>
#include <drm_mode.h>
#include <errno.h>
#include <linux/cec.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

enum { EDID_PROPERTY = 10, CRTC_PROPERTY = 11, ENCODER = 40, CONNECTOR_PROPERTIES = 3 };

static void record(KernelDouble *k, const char *format, ...)
{
    va_list args;
    if (k->call_count >= KERNEL_DOUBLE_CALLS) {
        return;
    }
    va_start(args, format);
    vsnprintf(k->calls[k->call_count++], KERNEL_DOUBLE_CALL_MAX, format, args);
    va_end(args);
}

static int double_open(void *user, const char *path, int flags)
{
    KernelDouble *k = user;
    (void)flags;
    record(k, "open %s", path);
    if (k->cec_path[0] == '\0' || strcmp(path, k->cec_path) != 0 || (k->fail_open && strcmp(k->fail_open, path) == 0)) {
        errno = ENOENT;
        return -1;
    }
    k->open_fds++;
    return KERNEL_DOUBLE_CEC_FD;
}

static int double_close(void *user, int fd)
{
    KernelDouble *k = user;
    record(k, "close %d", fd);
    k->open_fds--;
    return 0;
}

static bool double_window_info(void *user, SDL_Window *window, struct SDL_SysWMinfo *info)
{
    KernelDouble *k = user;
    (void)window;
    if (!k->kmsdrm) {
        SDL_SetError("no window system in this test");
        return false;
    }
    info->subsystem = SDL_SYSWM_KMSDRM;
    info->info.kmsdrm.dev_index = 0;
    info->info.kmsdrm.drm_fd = KERNEL_DOUBLE_DRM_FD;
    info->info.kmsdrm.gbm_dev = NULL;
    return true;
}

static int cec_transmit(KernelDouble *k, struct cec_msg *msg)
{
    char bytes[3 * CEC_MAX_MSG_SIZE + 1] = "";
    for (uint32_t i = 1; i < msg->len && i < CEC_MAX_MSG_SIZE; i++) {
        snprintf(bytes + strlen(bytes), sizeof bytes - strlen(bytes), " %02x", msg->msg[i]);
    }
    record(k, "CEC_TRANSMIT %x>%x%s", cec_msg_initiator(msg), cec_msg_destination(msg), bytes);
    if (k->logical == CEC_LOG_ADDR_INVALID || cec_msg_initiator(msg) != k->logical) {
        errno = ENONET;
        return -1;
    }
    msg->tx_status = k->tx_status;
    return 0;
}

static int cec_ioctl(KernelDouble *k, unsigned long request, void *arg)
{
    switch (request) {
    case CEC_ADAP_G_CAPS: {
        struct cec_caps *caps = arg;
        record(k, "CEC_ADAP_G_CAPS");
        *caps = (struct cec_caps){.capabilities = k->cec_capabilities, .available_log_addrs = 4};
        snprintf(caps->driver, sizeof caps->driver, "double");
        return 0;
    }
    case CEC_S_MODE:
        record(k, "CEC_S_MODE %x", *(uint32_t *)arg);
        return 0;
    case CEC_ADAP_G_PHYS_ADDR:
        record(k, "CEC_ADAP_G_PHYS_ADDR");
        *(uint16_t *)arg = k->physical;
        return 0;
    case CEC_ADAP_G_LOG_ADDRS: {
        struct cec_log_addrs *addrs = arg;
        record(k, "CEC_ADAP_G_LOG_ADDRS");
        *addrs = (struct cec_log_addrs){0};
        if (k->logical != CEC_LOG_ADDR_INVALID) {
            addrs->num_log_addrs = 1;
            addrs->log_addr[0] = k->logical;
            addrs->log_addr_type[0] = CEC_LOG_ADDR_TYPE_PLAYBACK;
        }
        return 0;
    }
    case CEC_ADAP_S_LOG_ADDRS: {
        struct cec_log_addrs *addrs = arg;
        record(k, "CEC_ADAP_S_LOG_ADDRS %u type %u device %u name %s", addrs->num_log_addrs, addrs->log_addr_type[0],
               addrs->primary_device_type[0], addrs->osd_name);
        if (k->logical != CEC_LOG_ADDR_INVALID) {
            errno = EBUSY; /* the kernel refuses a second configuration */
            return -1;
        }
        k->logical = k->claim_fails ? CEC_LOG_ADDR_INVALID : CEC_LOG_ADDR_PLAYBACK_1;
        addrs->log_addr[0] = k->logical;
        return 0;
    }
    case CEC_TRANSMIT:
        return cec_transmit(k, arg);
    default:
        record(k, "CEC ioctl %lx", request);
        errno = ENOTTY;
        return -1;
    }
}

static int connector_index(uint32_t id)
{
    return id == KERNEL_DOUBLE_CONNECTED ? 0 : id == KERNEL_DOUBLE_UNPLUGGED ? 1 : -1;
}

static int drm_get_connector(KernelDouble *k, struct drm_mode_get_connector *c)
{
    static const uint32_t PROPS[CONNECTOR_PROPERTIES] = {EDID_PROPERTY, KERNEL_DOUBLE_DPMS_PROPERTY, CRTC_PROPERTY};
    int index = connector_index(c->connector_id);
    record(k, "DRM_GETCONNECTOR %u%s", c->connector_id, c->count_modes == 0 ? " probe" : "");
    if (index < 0) {
        errno = ENOENT;
        return -1;
    }
    if (c->props_ptr && c->count_props > 0) {
        uint32_t *ids = (uint32_t *)(uintptr_t)c->props_ptr;
        uint64_t *values = (uint64_t *)(uintptr_t)c->prop_values_ptr;
        for (uint32_t i = 0; i < c->count_props && i < CONNECTOR_PROPERTIES; i++) {
            ids[i] = PROPS[i];
            values[i] = PROPS[i] == KERNEL_DOUBLE_DPMS_PROPERTY ? k->dpms[index] : 0;
        }
    }
    c->count_props = CONNECTOR_PROPERTIES;
    c->count_modes = 1;
    c->count_encoders = 1;
    c->connection = index == 0 ? 1 : 2; /* connected, disconnected */
    c->encoder_id = index == 0 ? ENCODER : 0;
    return 0;
}

static int drm_ioctl(KernelDouble *k, unsigned long request, void *arg)
{
    switch (request) {
    case DRM_IOCTL_MODE_GETRESOURCES: {
        struct drm_mode_card_res *res = arg;
        static const uint32_t IDS[2] = {KERNEL_DOUBLE_CONNECTED, KERNEL_DOUBLE_UNPLUGGED};
        record(k, "DRM_GETRESOURCES");
        for (uint32_t i = 0; res->connector_id_ptr && i < res->count_connectors && i < 2; i++) {
            ((uint32_t *)(uintptr_t)res->connector_id_ptr)[i] = IDS[i];
        }
        res->count_connectors = 2;
        return 0;
    }
    case DRM_IOCTL_MODE_GETCONNECTOR:
        return drm_get_connector(k, arg);
    case DRM_IOCTL_MODE_GETPROPERTY: {
        struct drm_mode_get_property *p = arg;
        record(k, "DRM_GETPROPERTY %u", p->prop_id);
        const char *name = p->prop_id == EDID_PROPERTY                  ? "EDID"
                           : p->prop_id == KERNEL_DOUBLE_DPMS_PROPERTY ? "DPMS"
                           : p->prop_id == CRTC_PROPERTY                ? "CRTC_ID"
                                                                        : NULL;
        if (name == NULL) {
            errno = ENOENT;
            return -1;
        }
        snprintf(p->name, sizeof p->name, "%s", name);
        return 0;
    }
    case DRM_IOCTL_MODE_OBJ_SETPROPERTY: {
        struct drm_mode_obj_set_property *set = arg;
        int index = connector_index(set->obj_id);
        if (set->obj_type != DRM_MODE_OBJECT_CONNECTOR || index < 0 || set->prop_id != KERNEL_DOUBLE_DPMS_PROPERTY) {
            record(k, "DRM_OBJ_SETPROPERTY %u %u", set->obj_id, set->prop_id);
            errno = EINVAL;
            return -1;
        }
        record(k, "DRM DPMS %u=%llu", set->obj_id, (unsigned long long)set->value);
        k->dpms[index] = set->value;
        k->watched_at_dpms = k->watched ? *k->watched : 0;
        return 0;
    }
    default:
        record(k, "DRM ioctl %lx", request);
        errno = ENOTTY;
        return -1;
    }
}

static int double_ioctl(void *user, int fd, unsigned long request, void *arg)
{
    KernelDouble *k = user;
    if (k->fail_request != 0 && request == k->fail_request) {
        record(k, "fail %lx", request);
        errno = k->fail_errno;
        return -1;
    }
    if (fd == KERNEL_DOUBLE_CEC_FD) {
        return cec_ioctl(k, request, arg);
    }
    if (fd == KERNEL_DOUBLE_DRM_FD) {
        return drm_ioctl(k, request, arg);
    }
    errno = EBADF;
    return -1;
}

void kernel_double_init(KernelDouble *k)
{
    *k = (KernelDouble){
        .system = {.open = double_open, .ioctl = double_ioctl, .close = double_close,
                   .window_info = double_window_info},
        .cec_capabilities = CEC_CAP_PHYS_ADDR | CEC_CAP_LOG_ADDRS | CEC_CAP_TRANSMIT,
        .physical = 0x1000,
        .logical = CEC_LOG_ADDR_INVALID,
        .tx_status = CEC_TX_STATUS_OK,
        .kmsdrm = true,
    };
    k->system.user = k;
    snprintf(k->cec_path, sizeof k->cec_path, "/dev/cec0");
}

int kernel_double_find(const KernelDouble *k, const char *prefix, int from)
{
    for (int i = from < 0 ? 0 : from; i < k->call_count; i++) {
        if (strncmp(k->calls[i], prefix, strlen(prefix)) == 0) {
            return i;
        }
    }
    return -1;
}
