/* libFuzzer target: mutated iCalendar files through the builder's .ics reader (the bounds
 * before libical, libical's parser, the times, zones and repetitions). Seeds: seeds_ics/.
 * Build with the `fuzz` preset; see smoke.sh. */
#include "builder/build_ics.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void ignore_session(void *ctx, const BuildIcsSession *session)
{
    size_t *count = ctx;
    *count += session->title[0] != '\0';
}

static void ignore_refused(void *ctx, const char *title, const char *why)
{
    (void)ctx;
    (void)title;
    (void)why;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t count = 0;
    char why[256];
    /* 2026-03-27T23:00Z to 2026-03-29T22:00Z: Belgrade's spring DST weekend */
    const BuildIcsReader reader = {
        .floating_zone = "Europe/Belgrade",
        .bound = {1774652400, 1774821600},
        .session = ignore_session,
        .refused = ignore_refused,
        .ctx = &count,
    };
    build_ics_read((const char *)data, size, &reader, why, sizeof why);
    return 0;
}
