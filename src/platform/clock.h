/* clock.h — the kiosk's only clock: monotonic milliseconds for the core
 * (which never reads a clock itself; the app passes t_ms in), and the
 * process start reference used to report "time to first frame".
 * Start with clock_now_ms() and clock_process_start(). */
#ifndef FACTS_PLATFORM_CLOCK_H
#define FACTS_PLATFORM_CLOCK_H

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

/* Parses field 22 (starttime, in clock ticks since boot) out of the text of
 * /proc/<pid>/stat, coping with spaces and parentheses in the command name.
 * Returns false for text that does not have that shape. Exposed for tests. */
bool clock_parse_proc_stat_start(const char *stat_text, uint64_t *ticks);

#endif
