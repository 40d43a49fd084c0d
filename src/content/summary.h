/* summary.h — a short human summary of a loaded pack, for `facts-kiosk pack check` and
 * the update overlay ("version 7, 14 members, 22 stories"). */
#ifndef FACTS_CONTENT_SUMMARY_H
#define FACTS_CONTENT_SUMMARY_H

#include "content/content.h"

#include <stddef.h>
#include <stdio.h>

typedef struct ContentCounts {
    size_t about_items;
    size_t figures;
    size_t members;
    size_t stories;
    size_t missions;
    size_t partner_clusters;
    size_t programmes;
    size_t contacts;
    size_t images;
    size_t image_bytes;
    int languages; /* how many of the three languages have every required text */
} ContentCounts;

/* Counts what a pack holds. */
ContentCounts content_counts(const Content *content);

/* Writes the multi-line summary printed by `pack check`. */
void content_print_summary(const Content *content, FILE *out);

#endif
