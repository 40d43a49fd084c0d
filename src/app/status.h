/* status.h — the kiosk's status report: what a person looking after a fleet wants to know
 * about one kiosk, as plain values (StatusReport) and as the JSON of `status.json` in the
 * state directory, which is also what report_url receives. The app fills a StatusReport
 * from what it knows (part_status.c) and writes it every status_seconds and after each
 * update attempt. Everything here is pure but the machine-id read: no clock (times are
 * passed in), no App.
 *
 * The JSON, one object on one line, keys always present in this order ("schema" grows when
 * a key changes meaning; new keys may be added):
 *   schema                 1
 *   kiosk_id               "hall-a-left" (config kiosk_id) or 32 hex digits derived from
 *                          /etc/machine-id (status_kiosk_id), "unknown" without either
 *   kiosk_id_from          "config", "machine-id" or "unknown"
 *   package_version        "0.1.0" (FACTS_VERSION)
 *   written_at             "2026-05-01T09:30:00Z" (UTC, the kiosk's wall clock)
 *   uptime_seconds         since the kiosk process started
 *   system_uptime_seconds  since the machine booted (a power cut shows as a small number)
 *   pack                   the pack on screen: {"version", "title" (English), "from"
 *                          ("bundled", "installed", "kiosk" for a pack taken at the kiosk
 *                          from a stick's sources, or "file" for --db), "pending" (installed,
 *                          not yet confirmed), "taken_at_kiosk" (from is "kiosk"),
 *                          "base_version" (taken at the kiosk: the version its sources said,
 *                          which a signed update must beat; else null)}, or null on the
 *                          "no content" screen
 *   display                the screen's power outside the opening hours: {"power" ("on", "off"),
 *                          "method" (what turned it off or on last: "cec", "drm", "x11",
 *                          "black"; null while it has not slept since start), "worked" (that
 *                          method's call did it: the TV acknowledged, the ioctl succeeded; false
 *                          also when a method forced by screen_off failed and black stood in;
 *                          null with method), "screen_off" (the setting: "auto", or the method
 *                          forced)}
 *   frames_last_minute     frames drawn in the last 60 s (an idle kiosk draws few)
 *   last_touch             time of the last touch or key, or null since start
 *   last_update            the last update attempt since start that installed or refused
 *                          something (or failed on a stick, or failed loudly at the URL), or
 *                          null: {"source" (the stick's facts-kiosk folder, or a URL), "at",
 *                          "result" ("ok", "refused", "failed"), "message_id"
 *                          (update_message_id), "message" (English), "step" (where it ended),
 *                          "pack_version" (or null)}. A poll of the update URL that found
 *                          nothing new ("unchanged") or no server (a quiet "failed") does not
 *                          replace it: a refused stick stays here until the next verdict.
 *   last_poll              the last poll of the update URL since start, or null: {"at",
 *                          "result" ("unchanged", "failed", "ok", "refused"), "message_id",
 *                          "message" (English)}
 *   last_frame             time a frame was last drawn, or null before the first (asleep
 *                          outside the opening hours, nothing is drawn)
 *   display_awake          false while the display sleeps outside the opening hours
 *   screenshot             null when screenshot_minutes is 0, else {"at" (time of the
 *                          newest screen.jpg in the state directory, or null), "width",
 *                          "height" (of that picture, 0 before it), "skipped_at" (the last
 *                          time one was due and not taken, or null), "skipped" (why: "staff
 *                          panel", "lead form", "asleep", "not drawn", "cannot read the
 *                          frame", "cannot encode", "cannot write"; null)}
 *   board                  {"temperature_millicelsius" (the first thermal zone, or null),
 *                          "throttled" (the Raspberry Pi firmware's get_throttled bits, or
 *                          null where the board does not expose them)}
 *   clock                  whether the wall clock may be shown as "now" (an event's clock,
 *                          "Now and next", countdowns; core/clock_trust.h): {"trusted", "source"
 *                          ("timesyncd", "staff" (confirmed or corrected in the staff panel
 *                          today), "fake" (--fake-clock), "none"), "offset_seconds" (the staff's
 *                          correction added to the system's clock; 0 otherwise), "why" (English:
 *                          why it is or is not trusted; when not, what to do)}
 * Leads and sessions today are not counted by this release; when they are, they join here. */
#ifndef FACTS_APP_STATUS_H
#define FACTS_APP_STATUS_H

#include "content/content.h"
#include "core/clock_trust.h"
#include "platform/options.h"
#include "update/update.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define STATUS_MACHINE_ID_PATH "/etc/machine-id"

enum {
    STATUS_SCHEMA = 1,
    STATUS_ID_MAX = 1024,
    STATUS_TITLE_MAX = 256,
    STATUS_SOURCE_MAX = 1024,
    STATUS_MESSAGE_MAX = 512,
    STATUS_NAME_MAX = 48,
    STATUS_JSON_MAX = 24576,  /* fits every field at its longest, every byte escaped */
    STATUS_FRAME_SLOTS = 64,  /* one per second that drew: more than a minute's worth */
    STATUS_MINUTE_S = 60,
};

typedef enum StatusIdFrom {
    STATUS_ID_UNKNOWN = 0,
    STATUS_ID_CONFIG,
    STATUS_ID_MACHINE,
} StatusIdFrom;

typedef enum StatusPackFrom {
    STATUS_PACK_NONE = 0,  /* nothing loads: the "no content" screen */
    STATUS_PACK_BUNDLED,
    STATUS_PACK_INSTALLED,
    STATUS_PACK_FILE,      /* --db */
    STATUS_PACK_KIOSK,     /* installed, taken at the kiosk (STORE_ORIGIN_KIOSK): version is its base */
} StatusPackFrom;

typedef struct StatusPack {
    StatusPackFrom from;
    int64_t version;
    char title[STATUS_TITLE_MAX]; /* English, else the first language it has */
    bool pending;
} StatusPack;

typedef struct StatusDisplay {
    OptionsScreenOff wanted;      /* [schedule] screen_off */
    bool changed;                 /* false: never slept since start (method and worked are null) */
    bool off;
    OptionsScreenOff method;      /* cec, drm, x11 or black */
    bool worked;
} StatusDisplay;

typedef struct StatusUpdate {
    bool attempted;               /* false: none since start (last_update is null) */
    char source[STATUS_SOURCE_MAX];
    int64_t at_unix;
    char result[STATUS_NAME_MAX];
    char message_id[STATUS_NAME_MAX];
    char message[STATUS_MESSAGE_MAX];
    char step[STATUS_NAME_MAX];
    int64_t pack_version;         /* 0: not known */
} StatusUpdate;

/* The last poll of the update URL (last_poll). */
typedef struct StatusPoll {
    bool polled;                  /* false: none since start (last_poll is null) */
    int64_t at_unix;
    char result[STATUS_NAME_MAX];
    char message_id[STATUS_NAME_MAX];
    char message[STATUS_MESSAGE_MAX];
} StatusPoll;

/* The picture of the screen (screenshot). */
typedef struct StatusScreenshot {
    bool on;                      /* screenshot_minutes > 0; false: screenshot is null */
    int64_t at_unix;              /* the newest screen.jpg written (0: none yet) */
    int width, height;
    int64_t skipped_unix;         /* the last one due and not taken (0: none) */
    char skipped_why[STATUS_NAME_MAX];
} StatusScreenshot;

/* What the board says of itself (board). */
typedef struct StatusBoard {
    bool has_temperature;
    int64_t temperature_millicelsius;
    bool has_throttled;
    uint32_t throttled;           /* get_throttled's bits (STATUS_THROTTLED_*) */
} StatusBoard;

/* Whether the wall clock is right (clock). */
typedef struct StatusClock {
    ClockTrustSource source;
    int64_t offset_s;
} StatusClock;

/* The Raspberry Pi firmware's get_throttled bits: now, and since boot (<< 16). */
enum {
    STATUS_THROTTLED_UNDER_VOLTAGE = 1u << 0,
    STATUS_THROTTLED_FREQUENCY_CAPPED = 1u << 1,
    STATUS_THROTTLED_THROTTLED = 1u << 2,
    STATUS_THROTTLED_SOFT_TEMPERATURE_LIMIT = 1u << 3,
    STATUS_THROTTLED_SINCE_BOOT_SHIFT = 16,
};

typedef struct StatusReport {
    char kiosk_id[STATUS_ID_MAX];
    StatusIdFrom kiosk_id_from;
    const char *package_version;  /* not owned */
    int64_t written_unix;
    uint64_t uptime_seconds;
    uint64_t system_uptime_seconds;
    StatusPack pack;
    StatusDisplay display;
    uint64_t frames_last_minute;
    int64_t last_touch_unix;      /* 0: no touch since start */
    StatusUpdate last_update;
    StatusPoll last_poll;
    int64_t last_frame_unix;      /* 0: none drawn yet */
    bool display_awake;
    StatusScreenshot screenshot;
    StatusBoard board;
    StatusClock clock;
} StatusReport;

/* Frame counts sampled by the loop, at most one slot per second, to tell how many frames
 * were drawn in the last minute. Zero-initialise it. */
typedef struct StatusFrames {
    uint64_t second[STATUS_FRAME_SLOTS];
    uint64_t frames[STATUS_FRAME_SLOTS];
    size_t count;
    size_t newest;
} StatusFrames;

/* The kiosk's id into out: configured when not empty (STATUS_ID_CONFIG); else derived from
 * the machine id in machine_id_path (STATUS_MACHINE_ID_PATH) the way systemd derives an
 * application-specific id (sd_id128_get_machine_app_specific; `systemd-id128 machine-id
 * --app-specific=STATUS_APP_ID` prints the same), so it is stable across restarts and
 * updates and the machine id itself, which should stay private, is never sent anywhere
 * (STATUS_ID_MACHINE); else "unknown" (STATUS_ID_UNKNOWN: no readable machine id). */
StatusIdFrom status_kiosk_id(const char *configured, const char *machine_id_path, char *out, size_t out_size);

/* The application id status_kiosk_id() derives with, as 32 hex digits. */
#define STATUS_APP_ID "146b0f68d1614d7eaa40708b7d619fab"

/* "config", "machine-id", "unknown". */
const char *status_id_from_name(StatusIdFrom from);

/* Why the clock is (or is not) trusted, in English, for status.json and the log: "clock not
 * confirmed: not synchronised by systemd-timesyncd; confirm it in the staff panel", ... */
const char *status_clock_why(ClockTrustSource source);

/* "none", "bundled", "installed", "file", "kiosk". */
const char *status_pack_from_name(StatusPackFrom from);

/* The pack on screen into *out: content may be NULL (from is then STATUS_PACK_NONE). */
void status_note_pack(StatusPack *out, const Content *content, StatusPackFrom from, bool pending);

/* An update attempt that ended at at_unix into *out: source is the stick's folder or a URL. */
void status_note_update(StatusUpdate *out, const char *source, const UpdateResult *result, int64_t at_unix);

/* An update attempt that ended at at_unix into the report: a poll of the URL (result's
 * source UPDATE_SOURCE_URL) into last_poll; one that installed or refused something, or
 * failed loudly (not a quiet failure: no server, a download cut short), into last_update.
 * Returns true when the report changed in a way worth sending at once: last_update was
 * replaced, or the poll's result or message differs from the last poll's (ten quiet polls
 * in a row are one change: the first). */
bool status_note_attempt(StatusReport *report, const char *source, const UpdateResult *result, int64_t at_unix);

/* Samples the total of frames drawn at now_ms (monotonic); call it every loop turn. */
void status_frames_note(StatusFrames *f, uint64_t now_ms, uint64_t frames_total);

/* Frames drawn in the STATUS_MINUTE_S seconds before now_ms (to within a second), given
 * the total now; all of them while the kiosk has run for less than that. */
uint64_t status_frames_last_minute(const StatusFrames *f, uint64_t now_ms, uint64_t frames_total);

/* Writes the report as JSON (see the top of this file) and a newline into out. Returns
 * false when it does not fit (STATUS_JSON_MAX always does); *length (may be NULL) is the
 * length written. */
bool status_format(const StatusReport *report, char *out, size_t out_size, size_t *length);

/* The report in Prometheus' text exposition format (version 0.0.4), for node_exporter's
 * textfile collector: HELP and TYPE lines and one sample per figure, all gauges, times in
 * seconds since 1970 (facts_kiosk_last_frame_timestamp_seconds: a kiosk that stopped
 * drawing shows as stale). A figure the report does not have (no pack, no update yet, no
 * thermal zone) is left out. Label values are escaped (backslash, quote, newline). Returns
 * false when it does not fit (STATUS_METRICS_MAX always does); *length (may be NULL) is
 * the length written. */
enum { STATUS_METRICS_MAX = 16384 };
bool status_format_metrics(const StatusReport *report, char *out, size_t out_size, size_t *length);

#endif
