/* Screen power (src/platform/screen_power.c) against test doubles of the kernel interfaces
 * (kernel_double.h: a CEC adapter, a DRM device and a made-up SDL_SYSWM_KMSDRM window): the
 * CEC messages in order (claim a playback address, Standby to the TV; Image View On, then
 * Active Source with the physical address), the connected connector's DPMS off and on (and no
 * frame may be presented meanwhile), each failing step of cec falling through to drm and of
 * drm to x11 and black with auto, a forced method that fails falling to black and saying so,
 * and the descriptors given back. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <SDL2/SDL_syswm.h>
#include <drm.h>
#include <drm_mode.h>
#include <errno.h>
#include <linux/cec.h>
#include <stdio.h>
#include <string.h>

#include "platform/kernel_double.h"
#include "platform/screen_power.h"

/* The recorded calls, for a failure message. */
static void print_calls(const KernelDouble *k)
{
    for (int i = 0; i < k->call_count; i++) {
        print_message("  %2d %s\n", i, k->calls[i]);
    }
}

/* The calls that start with each of prefixes, in this order (others may lie between). */
static void assert_calls_in_order(const KernelDouble *k, const char *const *prefixes, int count)
{
    int at = 0;
    for (int i = 0; i < count; i++) {
        int found = kernel_double_find(k, prefixes[i], at);
        if (found < 0) {
            print_message("missing in order: %s\n", prefixes[i]);
            print_calls(k);
            fail();
        }
        at = found + 1;
    }
}

/* After an off: used is method and why starts with why_start; else the calls are printed. */
static void assert_fell_to(const KernelDouble *k, const ScreenPower *p, OptionsScreenOff method, const char *why_start,
                           size_t case_index)
{
    if (p->used != method || strstr(p->why, why_start) != p->why) {
        print_message("case %zu: used %s, why \"%s\"\n", case_index, options_screen_off_name(p->used), p->why);
        print_calls(k);
        fail();
    }
    assert_int_equal(k->open_fds, 0);
}

static void set_up(KernelDouble *k, ScreenPower *p, OptionsScreenOff wanted)
{
    kernel_double_init(k);
    screen_power_init(p, wanted, "/dev/cec0", &k->system);
}

static void cec_off_claims_a_playback_address_and_sends_standby(void **state)
{
    (void)state;
    KernelDouble k;
    ScreenPower p;
    set_up(&k, &p, OPTIONS_SCREEN_OFF_AUTO);
    assert_true(screen_power_off(&p, NULL));
    assert_int_equal(p.used, OPTIONS_SCREEN_OFF_CEC);
    assert_true(p.worked);
    assert_true(p.off);
    assert_string_equal(p.why, "");
    static const char *const ORDER[] = {
        "open /dev/cec0",
        "CEC_ADAP_G_CAPS",
        "CEC_S_MODE 1", /* CEC_MODE_INITIATOR, no follower */
        "CEC_ADAP_G_PHYS_ADDR",
        "CEC_ADAP_G_LOG_ADDRS",
        "CEC_ADAP_S_LOG_ADDRS 1 type 3 device 4 name FACTS Kiosk", /* playback (type 3, device 4) */
        "CEC_TRANSMIT 4>0 36",                                     /* Standby to the TV */
        "close 7",
    };
    assert_calls_in_order(&k, ORDER, sizeof ORDER / sizeof ORDER[0]);
    assert_int_equal(CEC_LOG_ADDR_TYPE_PLAYBACK, 3);
    assert_int_equal(CEC_MSG_STANDBY, 0x36);
    assert_int_equal(kernel_double_find(&k, "DRM", 0), -1); /* cec worked: drm is not tried */
    assert_int_equal(k.open_fds, 0);
    assert_true(screen_power_may_present(&p));
}

static void cec_on_sends_image_view_on_then_active_source(void **state)
{
    (void)state;
    KernelDouble k;
    ScreenPower p;
    set_up(&k, &p, OPTIONS_SCREEN_OFF_CEC);
    assert_true(screen_power_off(&p, NULL));
    int before = k.call_count;
    screen_power_on(&p);
    assert_true(p.worked);
    assert_false(p.off);
    int view = kernel_double_find(&k, "CEC_TRANSMIT 4>0 04", before); /* Image View On to the TV */
    int active = kernel_double_find(&k, "CEC_TRANSMIT 4>f 82 10 00", before); /* Active Source 1.0.0.0, to all */
    assert_true(view > before);
    assert_true(active > view);
    assert_int_equal(kernel_double_find(&k, "CEC_ADAP_S_LOG_ADDRS", before), -1); /* claimed already */
    assert_int_equal(kernel_double_find(&k, "CEC_TRANSMIT 4>0 36", before), -1);
    assert_int_equal(k.open_fds, 0);
}

/* A TV that does not answer: on does not work, and says so. */
static void cec_on_not_acknowledged_did_not_work(void **state)
{
    (void)state;
    KernelDouble k;
    ScreenPower p;
    set_up(&k, &p, OPTIONS_SCREEN_OFF_CEC);
    assert_true(screen_power_off(&p, NULL));
    k.tx_status = CEC_TX_STATUS_NACK | CEC_TX_STATUS_MAX_RETRIES;
    screen_power_on(&p);
    assert_false(p.worked);
    assert_non_null(strstr(p.why, "cec: /dev/cec0: Image View On was not acknowledged"));
    assert_int_equal(kernel_double_find(&k, "CEC_TRANSMIT 4>f 82", 0), -1); /* no Active Source after */
}

typedef struct CecFault {
    unsigned long request; /* this ioctl fails (0: none) */
    const char *why;       /* in p.why */
} CecFault;

/* Each step of cec that fails: auto goes on to drm, which turns the connected screen off. */
static void each_cec_failure_falls_through_to_drm(void **state)
{
    (void)state;
    static const CecFault FAULTS[] = {
        {CEC_ADAP_G_CAPS, "cec: /dev/cec0 is not a CEC adapter: Inappropriate ioctl"},
        {CEC_S_MODE, "cec: /dev/cec0: becoming its initiator: Device or resource busy"},
        {CEC_ADAP_G_PHYS_ADDR, "cec: /dev/cec0: reading the physical address"},
        {CEC_ADAP_G_LOG_ADDRS, "cec: /dev/cec0: reading the logical addresses"},
        {CEC_ADAP_S_LOG_ADDRS, "cec: /dev/cec0: claiming a playback logical address"},
        {CEC_TRANSMIT, "cec: /dev/cec0: sending Standby"},
    };
    static const int ERRNOS[] = {ENOTTY, EBUSY, EIO, EIO, EBUSY, EIO};
    for (size_t i = 0; i < sizeof FAULTS / sizeof FAULTS[0]; i++) {
        KernelDouble k;
        ScreenPower p;
        set_up(&k, &p, OPTIONS_SCREEN_OFF_AUTO);
        k.fail_request = FAULTS[i].request;
        k.fail_errno = ERRNOS[i];
        assert_true(screen_power_off(&p, NULL));
        assert_fell_to(&k, &p, OPTIONS_SCREEN_OFF_DRM, FAULTS[i].why, i);
        assert_int_equal(k.dpms[0], DRM_MODE_DPMS_OFF);
    }
}

/* Not an ioctl that fails, but what the adapter says: no device, no TV, no claim, no ack. */
static void each_cec_refusal_falls_through_to_drm(void **state)
{
    (void)state;
    static const char *const WHY[] = {
        "cec: /dev/cec0: No such file or directory",
        "cec: /dev/cec0 (double) cannot transmit",
        "cec: /dev/cec0 has no physical address: no TV is connected",
        "cec: /dev/cec0: no logical address could be claimed",
        "cec: /dev/cec0 has no logical address and cannot claim one",
        "cec: /dev/cec0: Standby was not acknowledged (transmit status 0x24: no TV answered)",
    };
    for (size_t i = 0; i < sizeof WHY / sizeof WHY[0]; i++) {
        KernelDouble k;
        ScreenPower p;
        set_up(&k, &p, OPTIONS_SCREEN_OFF_AUTO);
        switch (i) {
        case 0: k.cec_path[0] = '\0'; break;
        case 1: k.cec_capabilities &= ~(uint32_t)CEC_CAP_TRANSMIT; break;
        case 2: k.physical = CEC_PHYS_ADDR_INVALID; break;
        case 3: k.claim_fails = true; break;
        case 4: k.cec_capabilities &= ~(uint32_t)CEC_CAP_LOG_ADDRS; break;
        default: k.tx_status = CEC_TX_STATUS_NACK | CEC_TX_STATUS_MAX_RETRIES; break;
        }
        assert_true(screen_power_off(&p, NULL));
        assert_fell_to(&k, &p, OPTIONS_SCREEN_OFF_DRM, WHY[i], i);
    }
}

static void drm_turns_the_connected_connector_off_and_on(void **state)
{
    (void)state;
    KernelDouble k;
    ScreenPower p;
    set_up(&k, &p, OPTIONS_SCREEN_OFF_DRM);
    assert_true(screen_power_off(&p, NULL));
    assert_int_equal(p.used, OPTIONS_SCREEN_OFF_DRM);
    assert_true(p.worked);
    assert_int_equal(k.dpms[0], DRM_MODE_DPMS_OFF);
    assert_int_equal(k.dpms[1], DRM_MODE_DPMS_ON); /* nothing plugged in there: left alone */
    assert_int_equal(kernel_double_find(&k, "open", 0), -1); /* SDL's descriptor: nothing opened */
    assert_int_equal(kernel_double_find(&k, "DRM_GETCONNECTOR 31 probe", 0), -1); /* never probes the monitor */
    static const char *const ORDER[] = {"DRM_GETRESOURCES", "DRM_GETRESOURCES", "DRM_GETCONNECTOR 31",
                                        "DRM_GETCONNECTOR 31", "DRM_GETPROPERTY", "DRM DPMS 31=3"};
    assert_calls_in_order(&k, ORDER, sizeof ORDER / sizeof ORDER[0]);
    /* Off: no frame may be presented (a page flip on a CRTC that is off fails). */
    assert_false(screen_power_may_present(&p));
    screen_power_on(&p);
    assert_true(p.worked);
    assert_int_equal(k.dpms[0], DRM_MODE_DPMS_ON);
    assert_true(screen_power_may_present(&p));
    assert_int_equal(kernel_double_find(&k, "DRM DPMS 32", 0), -1);
}

/* Each DRM step that fails, after cec failed: auto goes on to x11 (not X11 here) and black. */
static void each_drm_failure_falls_through_to_black(void **state)
{
    (void)state;
    static const struct {
        unsigned long request;
        const char *why;
    } FAULTS[] = {
        {0, "drm: the window system is unknown: no window system in this test"},
        {DRM_IOCTL_MODE_GETRESOURCES, "drm: reading the DRM resources: Permission denied"},
        {DRM_IOCTL_MODE_GETCONNECTOR, "drm: connector 32: Permission denied"},
        {DRM_IOCTL_MODE_GETPROPERTY, "drm: connector 31 has no DPMS property"},
        {DRM_IOCTL_MODE_OBJ_SETPROPERTY, "drm: connector 31: setting DPMS: Permission denied"},
    };
    for (size_t i = 0; i < sizeof FAULTS / sizeof FAULTS[0]; i++) {
        KernelDouble k;
        ScreenPower p;
        set_up(&k, &p, OPTIONS_SCREEN_OFF_AUTO);
        k.cec_path[0] = '\0';
        k.kmsdrm = i != 0;
        k.fail_request = FAULTS[i].request;
        k.fail_errno = EACCES;
        assert_false(screen_power_off(&p, NULL));
        char expected[512];
        snprintf(expected, sizeof expected, "cec: /dev/cec0: No such file or directory; %s", FAULTS[i].why);
        assert_fell_to(&k, &p, OPTIONS_SCREEN_OFF_BLACK, expected, i);
        assert_non_null(strstr(p.why, "; x11: "));
        assert_true(p.worked); /* auto ends with black by design */
        assert_true(screen_power_may_present(&p));
        assert_int_equal(k.dpms[0], DRM_MODE_DPMS_ON);
    }
}

/* A method asked for by name that fails: black, not another method, and worked is false. */
static void a_forced_method_that_fails_falls_to_black(void **state)
{
    (void)state;
    KernelDouble k;
    ScreenPower p;
    set_up(&k, &p, OPTIONS_SCREEN_OFF_CEC);
    k.physical = CEC_PHYS_ADDR_INVALID;
    assert_false(screen_power_off(&p, NULL));
    assert_int_equal(p.used, OPTIONS_SCREEN_OFF_BLACK);
    assert_false(p.worked);
    assert_string_equal(p.why, "cec: /dev/cec0 has no physical address: no TV is connected (or it gives no EDID)");
    assert_int_equal(kernel_double_find(&k, "DRM", 0), -1); /* drm would have worked: not tried */
    screen_power_on(&p); /* black: nothing to switch */
    assert_true(p.worked);

    set_up(&k, &p, OPTIONS_SCREEN_OFF_DRM);
    k.kmsdrm = false;
    assert_false(screen_power_off(&p, NULL));
    assert_int_equal(p.used, OPTIONS_SCREEN_OFF_BLACK);
    assert_false(p.worked);
    assert_int_equal(kernel_double_find(&k, "open", 0), -1); /* cec is not tried either */
}

static void black_touches_no_device_and_off_twice_sends_nothing_again(void **state)
{
    (void)state;
    KernelDouble k;
    ScreenPower p;
    set_up(&k, &p, OPTIONS_SCREEN_OFF_BLACK);
    assert_false(screen_power_off(&p, NULL));
    assert_int_equal(p.used, OPTIONS_SCREEN_OFF_BLACK);
    assert_true(p.worked);
    screen_power_on(&p);
    assert_int_equal(k.call_count, 0);

    set_up(&k, &p, OPTIONS_SCREEN_OFF_AUTO);
    assert_true(screen_power_off(&p, NULL));
    int calls = k.call_count;
    assert_true(screen_power_off(&p, NULL)); /* a touch in the lobby: still off, nothing sent */
    assert_int_equal(k.call_count, calls);
    screen_power_on(&p);
    calls = k.call_count;
    screen_power_on(&p); /* on already: nothing sent */
    assert_int_equal(k.call_count, calls);
}

/* Stopping the kiosk puts the Pi's own DPMS back, and leaves a TV in standby alone. */
static void restore_wakes_drm_but_not_the_tv(void **state)
{
    (void)state;
    KernelDouble k;
    ScreenPower p;
    set_up(&k, &p, OPTIONS_SCREEN_OFF_DRM);
    assert_true(screen_power_off(&p, NULL));
    screen_power_restore(&p);
    assert_int_equal(k.dpms[0], DRM_MODE_DPMS_ON);
    assert_false(p.off);

    set_up(&k, &p, OPTIONS_SCREEN_OFF_CEC);
    assert_true(screen_power_off(&p, NULL));
    int calls = k.call_count;
    screen_power_restore(&p);
    assert_int_equal(k.call_count, calls); /* no Image View On at a restart at night */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cec_off_claims_a_playback_address_and_sends_standby),
        cmocka_unit_test(cec_on_sends_image_view_on_then_active_source),
        cmocka_unit_test(cec_on_not_acknowledged_did_not_work),
        cmocka_unit_test(each_cec_failure_falls_through_to_drm),
        cmocka_unit_test(each_cec_refusal_falls_through_to_drm),
        cmocka_unit_test(drm_turns_the_connected_connector_off_and_on),
        cmocka_unit_test(each_drm_failure_falls_through_to_black),
        cmocka_unit_test(a_forced_method_that_fails_falls_to_black),
        cmocka_unit_test(black_touches_no_device_and_off_twice_sends_nothing_again),
        cmocka_unit_test(restore_wakes_drm_but_not_the_tv),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
