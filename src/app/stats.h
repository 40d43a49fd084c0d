/* stats.h — frame-time figures for --stats: time to first frame and the distribution of
 * frame times while transitions run (p50, p95, p99, max). */
#ifndef FACTS_APP_STATS_H
#define FACTS_APP_STATS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum { STATS_MAX_SAMPLES = 8192 };

typedef struct FrameStats {
    uint64_t first_frame_ms; /* from process start; 0 = not yet */
    uint32_t samples_us[STATS_MAX_SAMPLES];
    size_t sample_count;
    size_t frames;           /* every frame drawn */
} FrameStats;

/* Adds one transition frame's time. Past STATS_MAX_SAMPLES, samples are dropped. */
void stats_add(FrameStats *stats, uint32_t frame_us);

/* The q-quantile (0..1) of the samples in microseconds; 0 without samples. Sorts them. */
uint32_t stats_quantile(FrameStats *stats, double q);

/* Prints the figures as one line of key=value pairs (plus peak RSS). */
void stats_print(FrameStats *stats, FILE *out);

#endif
