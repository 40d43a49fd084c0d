/* stats.c — frame statistics; see stats.h. */
#define _POSIX_C_SOURCE 200809L
#include "app/stats.h"

#include <stdlib.h>
#include <sys/resource.h>

void stats_add(FrameStats *stats, uint32_t frame_us)
{
    if (stats->sample_count < STATS_MAX_SAMPLES) {
        stats->samples_us[stats->sample_count++] = frame_us;
    }
}

static int compare_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a;
    uint32_t y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

uint32_t stats_quantile(FrameStats *stats, double q)
{
    if (stats->sample_count == 0) {
        return 0;
    }
    qsort(stats->samples_us, stats->sample_count, sizeof stats->samples_us[0], compare_u32);
    size_t index = (size_t)(q * (double)(stats->sample_count - 1) + 0.5);
    return stats->samples_us[index < stats->sample_count ? index : stats->sample_count - 1];
}

void stats_print(FrameStats *stats, FILE *out)
{
    struct rusage usage = {0};
    getrusage(RUSAGE_SELF, &usage);
    fprintf(out,
            "stats: first_frame_ms=%llu frames=%zu transition_frames=%zu p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f "
            "max_ms=%.1f peak_rss_mib=%.1f\n",
            (unsigned long long)stats->first_frame_ms, stats->frames, stats->sample_count,
            stats_quantile(stats, 0.50) / 1000.0, stats_quantile(stats, 0.95) / 1000.0,
            stats_quantile(stats, 0.99) / 1000.0, stats_quantile(stats, 1.0) / 1000.0, usage.ru_maxrss / 1024.0);
}
