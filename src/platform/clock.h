/* clock.h — the kiosk's only clock: monotonic milliseconds for the core
 * (which never reads a clock itself; the app passes t_ms in), and the
 * process start reference used to report "time to first frame".
 * Start with clock_now_ms() and clock_process_start(). */
#ifndef FACTS_PLATFORM_CLOCK_H
#define FACTS_PLATFORM_CLOCK_H

#include "core/schedule.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Milliseconds on CLOCK_MONOTONIC: never jumps with wall-clock changes (NTP,
 * a Pi without a real-time clock setting its date late). Only differences are
 * meaningful. Returns 0 if the clock cannot be read (it always can on Linux). */
uint64_t clock_now_ms(void);

/* Today's local date as "YYYY-MM-DD" (for show_from / show_until). out holds 11 bytes. */
void clock_today(char *out, size_t size);

/* Like clock_now_ms() with microsecond resolution, for frame-time statistics. */
uint64_t clock_now_us(void);

/* When the process started, on the clock_now_ms() time line.
 * exec_ms is the kernel's record of when the process was created (from
 * /proc/self/stat; 10 ms granularity), so it includes exec and dynamic
 * linking; main_ms is when clock_process_start() was called (call it first
 * thing in main). exec_known is false when /proc was not readable, and then
 * exec_ms equals main_ms. */
typedef struct ClockStart {
    uint64_t exec_ms;
    uint64_t main_ms;
    bool exec_known;
} ClockStart;

/* Captures the start reference. Never fails; see exec_known. */
ClockStart clock_process_start(void);

/* Milliseconds from process creation (exec_ms) to now_ms; 0 if now_ms is
 * earlier. Use for "time to first frame". */
uint64_t clock_since_start_ms(const ClockStart *start, uint64_t now_ms);

/* The system's time zone (TZ, else /etc/localtime, as it is at this call) for
 * core/schedule.h: localtime_r. */
ScheduleZone clock_local_zone(void);

/* The wall clock the opening hours follow: the system's, or for tests a fake one that starts
 * at a given local time and then runs speed times as fast as the monotonic clock. */
typedef struct ClockWall {
    bool fake;
    int64_t start_ms;       /* fake: wall milliseconds since 1970 at mono_start_ms */
    uint64_t mono_start_ms; /* fake: clock_now_ms() when it started */
    int speed;              /* wall milliseconds per monotonic millisecond (1 for the real one) */
    int64_t offset_ms;      /* real: added to the system's time (the staff's correction,
                             * core/clock_trust.h); 0 from clock_wall_real() */
} ClockWall;

/* The system's wall clock (CLOCK_REALTIME). */
void clock_wall_real(ClockWall *wall);

/* A fake wall clock reading local_text ("2026-12-07T17:59:50", local time) at now_ms and
 * running at speed (1 or more). Returns false, with why, for a bad text or speed. */
bool clock_wall_fake(ClockWall *wall, const char *local_text, int speed, uint64_t now_ms, char *why,
                     size_t why_size);

/* The wall time at monotonic now_ms, in milliseconds since 1970-01-01 UTC. */
int64_t clock_wall_ms(const ClockWall *wall, uint64_t now_ms);

/* The monotonic millisecond at which the wall clock reaches second wall_s (now_ms if it has
 * already), as seen at monotonic now_ms. */
uint64_t clock_wall_deadline_ms(const ClockWall *wall, int64_t wall_s, uint64_t now_ms);

/* Local "YYYY-MM-DD HH:MM:SS" of wall second t, for logs. out holds 20 bytes. */
void clock_local_text(int64_t t, char *out, size_t size);

/* True when the wall clock may be shown as "now" (an event's clock and countdowns): a fake
 * clock was given (fake), or systemd-timesyncd says the system clock is synchronised (the
 * file synchronized_path exists; NULL: /run/systemd/timesync/synchronized). Without it an
 * event board shows its agenda without "now". */
bool clock_wall_trusted(bool fake, const char *synchronized_path);

/* This boot's id (/proc/sys/kernel/random/boot_id, e.g. "8f0c2f3e-…") into out, or "" when it
 * cannot be read: a correction of the clock holds for the boot it was made in. */
void clock_boot_id(char *out, size_t size);

/* Parses field 22 (starttime, in clock ticks since boot) out of the text of
 * /proc/<pid>/stat, coping with spaces and parentheses in the command name.
 * Returns false for text that does not have that shape. Exposed for tests. */
bool clock_parse_proc_stat_start(const char *stat_text, uint64_t *ticks);

#endif
