/* kernel_double.h — a test double of the kernel interfaces screen power uses
 * (platform/screen_power.h's ScreenPowerSystem): a CEC adapter at one path (linux/cec.h: its
 * capabilities, physical and logical addresses, what a transmit reports), a DRM device with
 * two connectors (one connected and driving a CRTC, one not; each with a "DPMS" property), and
 * SDL's window information, made up as SDL_SYSWM_KMSDRM with that DRM descriptor. It answers
 * the ioctls as the kernel does and records every call in order ("open /dev/cec0",
 * "CEC_TRANSMIT 4>0 36", "DRM DPMS 31=3"), and can fail any one request with an errno.
 * Start with kernel_double_init(), then hand &double.system to screen_power_init(). */
#ifndef FACTS_TESTS_PLATFORM_KERNEL_DOUBLE_H
#define FACTS_TESTS_PLATFORM_KERNEL_DOUBLE_H

#include "platform/screen_power.h"

#include <stdbool.h>
#include <stdint.h>

enum {
    KERNEL_DOUBLE_CALLS = 96,
    KERNEL_DOUBLE_CALL_MAX = 96,
    KERNEL_DOUBLE_CEC_FD = 7,
    KERNEL_DOUBLE_DRM_FD = 9,
    KERNEL_DOUBLE_CONNECTED = 31,    /* HDMI-A-1: a monitor, driving a CRTC */
    KERNEL_DOUBLE_UNPLUGGED = 32,    /* HDMI-A-2: nothing plugged in */
    KERNEL_DOUBLE_DPMS_PROPERTY = 2,
};

typedef struct KernelDouble {
    ScreenPowerSystem system;  /* user points at this double */
    /* the CEC adapter */
    char cec_path[64];         /* "" : no CEC device (open fails with ENOENT) */
    uint32_t cec_capabilities; /* CEC_CAP_* */
    uint16_t physical;         /* CEC_PHYS_ADDR_INVALID: no TV connected */
    uint8_t logical;           /* CEC_LOG_ADDR_INVALID: none claimed */
    bool claim_fails;          /* CEC_ADAP_S_LOG_ADDRS succeeds but nothing is claimed */
    uint8_t tx_status;         /* what each CEC_TRANSMIT reports */
    /* the DRM device behind SDL's KMS/DRM window */
    bool kmsdrm;               /* false: no window system (window_info fails) */
    uint64_t dpms[2];          /* of KERNEL_DOUBLE_CONNECTED, KERNEL_DOUBLE_UNPLUGGED */
    /* failing on purpose */
    const char *fail_open;     /* this path's open fails (ENOENT), or NULL */
    unsigned long fail_request; /* this ioctl fails with fail_errno (0: none) */
    int fail_errno;
    /* what was asked */
    char calls[KERNEL_DOUBLE_CALLS][KERNEL_DOUBLE_CALL_MAX];
    int call_count;
    int open_fds;              /* opened and not closed */
    const int *watched;        /* a counter of the test's, read at each DPMS change... */
    int watched_at_dpms;       /* ...the value it had at the last */
} KernelDouble;

/* A CEC adapter at /dev/cec0 that can transmit and claim, a TV at physical address 1.0.0.0
 * acknowledging everything, no logical address yet; the DRM window; every DPMS on. */
void kernel_double_init(KernelDouble *k);

/* The index of the first recorded call that starts with prefix at or after from; -1: none. */
int kernel_double_find(const KernelDouble *k, const char *prefix, int from);

#endif
