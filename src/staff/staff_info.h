/* staff_info.h — the figures of the staff panel that come from the machine: free space in a
 * folder's file system, the board's temperature from the kernel's thermal zones, the Pi's
 * throttling flags, and how sizes and durations are written for people. Start with
 * staff_info_free_space(). */
#ifndef FACTS_STAFF_STAFF_INFO_H
#define FACTS_STAFF_STAFF_INFO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define STAFF_THERMAL_DIR "/sys/class/thermal"
/* Where the Raspberry Pi firmware driver exposes its throttling flags (no vcgencmd needed). */
#define STAFF_THROTTLED_PATH "/sys/devices/platform/soc/soc:firmware/get_throttled"

/* Bytes free for an unprivileged writer and the size of the file system holding dir.
 * false (both 0) when statvfs fails. */
bool staff_info_free_space(const char *dir, uint64_t *free_bytes, uint64_t *total_bytes);

/* The temperature of the first thermal zone (thermal_zone0, 1, ... under thermal_dir, in
 * number order) whose "temp" reads as millidegrees, in degrees Celsius. false when there is
 * none (a virtual machine, a container). */
bool staff_info_temperature(const char *thermal_dir, double *celsius);

/* The Raspberry Pi firmware's throttling flags from path (STAFF_THROTTLED_PATH: one number in
 * hexadecimal, as `vcgencmd get_throttled` shows it) into *bits. false (bits 0) where the board
 * has no such file or it does not read as one. */
bool staff_info_throttled(const char *path, uint32_t *bits);

/* "512 MB", "3.4 GB" (decimal units, as disks are sold). */
void staff_format_bytes(uint64_t bytes, char *out, size_t size);

/* "45 s", "12 min", "3 h 05 min", "2 d 04 h". */
void staff_format_duration(uint64_t seconds, char *out, size_t size);

#endif
