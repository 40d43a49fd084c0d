/* clock_trust.h — whether the wall clock may be shown as "now" (an event's clock, "Now and
 * next", countdowns), pure. A kiosk at a fair may have no network: its clock is trusted only
 * when --fake-clock gives it, when systemd-timesyncd says the system clock is synchronised, or
 * when staff confirmed or corrected it in the staff panel that day. The kiosk may not set the
 * system clock (its sandbox forbids adjtimex), so a correction is the kiosk's own offset added
 * to the system's time; it holds for the local day it was made on (in the corrected time) and
 * for that boot only: after a reboot a Pi without a real-time clock starts from the last saved
 * time, which is off by however long it was off, so the offset would be wrong. The offset is
 * ignored while timesyncd says the system clock is right (it then is: the offset would make
 * it wrong). The text form (clock_trust_format / _parse) is what the kiosk keeps in the state
 * directory. Start with clock_trust_judge(). No I/O: the caller passes the facts in. */
#ifndef FACTS_CORE_CLOCK_TRUST_H
#define FACTS_CORE_CLOCK_TRUST_H

#include "core/schedule.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
    CLOCK_TRUST_BOOT_MAX = 48,       /* a boot id (/proc/sys/kernel/random/boot_id) and its NUL */
    CLOCK_TRUST_TEXT_MAX = 192,      /* clock_trust_format's text */
    CLOCK_TRUST_OFFSET_MAX_S = 400 * 86400, /* a correction further than this is not believed */
};

/* Why the clock may (or may not) be shown as "now". */
typedef enum ClockTrustSource {
    CLOCK_TRUST_NONE = 0,     /* not known to be right: the agenda shows without "now" */
    CLOCK_TRUST_FAKE,         /* --fake-clock */
    CLOCK_TRUST_SYNCHRONISED, /* systemd-timesyncd synchronised the system clock */
    CLOCK_TRUST_STAFF,        /* staff confirmed or corrected it in the staff panel today */
} ClockTrustSource;

/* The staff's confirmation: kiosk time = system time + offset_s, on local day `day` of boot
 * `boot`. Zero-initialised: none. */
typedef struct ClockTrust {
    bool set;
    int64_t offset_s;
    int32_t day;                      /* days since 1970-01-01 in the local calendar */
    char boot[CLOCK_TRUST_BOOT_MAX];  /* "" when the boot id could not be read */
} ClockTrust;

/* What the kiosk knows at one moment, read by its shell (platform/clock.h). */
typedef struct ClockTrustFacts {
    bool fake;                /* --fake-clock was given */
    bool synchronised;        /* /run/systemd/timesync/synchronized exists */
    int64_t system_s;         /* the system's wall clock, seconds since 1970 UTC */
    const char *boot;         /* this boot's id ("" or NULL: unknown) */
    ScheduleZone zone;        /* local dates */
} ClockTrustFacts;

/* Staff say the time is corrected_s now (the time they read on the panel, maybe moved by
 * hours and minutes): the offset from the system's clock, the local day of corrected_s and
 * the boot go into *trust. Returns false, leaving *trust unchanged, when the offset is beyond
 * CLOCK_TRUST_OFFSET_MAX_S or the zone cannot turn corrected_s into a local date. */
bool clock_trust_confirm(ClockTrust *trust, const ClockTrustFacts *facts, int64_t corrected_s);

/* Whether the clock may be shown as "now", and the offset to add to the system's time
 * (*offset_s: 0 unless the source is CLOCK_TRUST_STAFF; may be NULL). In order: a fake clock,
 * timesyncd, then the staff's confirmation when it was made in this boot and the local day of
 * the corrected time is still its day; else CLOCK_TRUST_NONE. */
ClockTrustSource clock_trust_judge(const ClockTrust *trust, const ClockTrustFacts *facts, int64_t *offset_s);

/* "fake", "timesyncd", "staff", "none" (status.json). */
const char *clock_trust_source_name(ClockTrustSource source);

/* Writes trust as text into out ("facts-kiosk-clock 1", then offset_s=, day=YYYY-MM-DD, boot=
 * lines). Returns its length, or 0 when it does not fit or nothing is set. */
size_t clock_trust_format(const ClockTrust *trust, char *out, size_t size);

/* Reads clock_trust_format's text into *trust. Returns false, with *trust zeroed (none), for
 * anything else: a damaged file only costs a confirmation. */
bool clock_trust_parse(ClockTrust *trust, const char *text);

#endif
