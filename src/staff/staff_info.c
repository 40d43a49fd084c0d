/* staff_info.c — free space, temperature and formatting; see staff_info.h. */
#define _POSIX_C_SOURCE 200809L
#include "staff/staff_info.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/statvfs.h>

enum { MAX_ZONES = 32 };

bool staff_info_free_space(const char *dir, uint64_t *free_bytes, uint64_t *total_bytes)
{
    struct statvfs vfs = {0};
    *free_bytes = 0;
    *total_bytes = 0;
    if (statvfs(dir, &vfs) != 0) {
        return false;
    }
    *free_bytes = (uint64_t)vfs.f_bavail * (uint64_t)vfs.f_frsize;
    *total_bytes = (uint64_t)vfs.f_blocks * (uint64_t)vfs.f_frsize;
    return true;
}

bool staff_info_temperature(const char *thermal_dir, double *celsius)
{
    *celsius = 0.0;
    for (int zone = 0; zone < MAX_ZONES; zone++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/thermal_zone%d/temp", thermal_dir, zone);
        FILE *file = fopen(path, "r");
        if (!file) {
            continue;
        }
        char text[32] = "";
        bool read = fgets(text, sizeof text, file) != NULL;
        fclose(file);
        char *end = NULL;
        long milli = read ? strtol(text, &end, 10) : 0;
        /* A zone without a sensor reads as an error or nonsense: try the next one. */
        if (read && end != text && (*end == '\n' || *end == '\0') && milli > -50000 && milli < 150000) {
            *celsius = (double)milli / 1000.0;
            return true;
        }
    }
    return false;
}

bool staff_info_throttled(const char *path, uint32_t *bits)
{
    *bits = 0;
    FILE *file = fopen(path, "re");
    if (!file) {
        return false;
    }
    char text[32] = "";
    bool read = fgets(text, sizeof text, file) != NULL;
    fclose(file);
    char *end = NULL;
    unsigned long value = read ? strtoul(text, &end, 16) : 0;
    if (!read || end == text || (*end != '\n' && *end != '\0') || value > UINT32_MAX) {
        return false;
    }
    *bits = (uint32_t)value;
    return true;
}

void staff_format_bytes(uint64_t bytes, char *out, size_t size)
{
    static const char *const UNITS[] = {"B", "kB", "MB", "GB", "TB"};
    double value = (double)bytes;
    size_t unit = 0;
    while (value >= 1000.0 && unit + 1 < sizeof UNITS / sizeof UNITS[0]) {
        value /= 1000.0;
        unit++;
    }
    if (unit == 0 || value >= 100.0) {
        snprintf(out, size, "%.0f %s", value, UNITS[unit]);
    } else {
        snprintf(out, size, "%.1f %s", value, UNITS[unit]);
    }
}

void staff_format_duration(uint64_t seconds, char *out, size_t size)
{
    uint64_t minutes = seconds / 60u;
    uint64_t hours = minutes / 60u;
    uint64_t days = hours / 24u;
    if (seconds < 60u) {
        snprintf(out, size, "%" PRIu64 " s", seconds);
    } else if (hours == 0) {
        snprintf(out, size, "%" PRIu64 " min", minutes);
    } else if (days == 0) {
        snprintf(out, size, "%" PRIu64 " h %02" PRIu64 " min", hours, minutes % 60u);
    } else {
        snprintf(out, size, "%" PRIu64 " d %02" PRIu64 " h", days, hours % 24u);
    }
}
