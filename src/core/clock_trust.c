/* clock_trust.c — is the wall clock right: the staff's offset, its day and boot; see
 * clock_trust.h. */
#include "core/clock_trust.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char MAGIC[] = "facts-kiosk-clock 1";

static bool local_day(const ClockTrustFacts *facts, int64_t t, int32_t *day)
{
    ScheduleLocal local = {0};
    if (facts->zone.local == NULL || !facts->zone.local(facts->zone.user, t, &local)) {
        return false;
    }
    *day = local.day;
    return true;
}

static const char *boot_of(const ClockTrustFacts *facts)
{
    return facts->boot ? facts->boot : "";
}

bool clock_trust_confirm(ClockTrust *trust, const ClockTrustFacts *facts, int64_t corrected_s)
{
    int64_t offset = corrected_s - facts->system_s;
    int32_t day = 0;
    if (offset > CLOCK_TRUST_OFFSET_MAX_S || offset < -(int64_t)CLOCK_TRUST_OFFSET_MAX_S ||
        strlen(boot_of(facts)) >= CLOCK_TRUST_BOOT_MAX || !local_day(facts, corrected_s, &day)) {
        return false;
    }
    ClockTrust next = {.set = true, .offset_s = offset, .day = day};
    memcpy(next.boot, boot_of(facts), strlen(boot_of(facts)) + 1);
    *trust = next;
    return true;
}

ClockTrustSource clock_trust_judge(const ClockTrust *trust, const ClockTrustFacts *facts, int64_t *offset_s)
{
    int32_t today = 0;
    if (offset_s) {
        *offset_s = 0;
    }
    if (facts->fake) {
        return CLOCK_TRUST_FAKE;
    }
    if (facts->synchronised) {
        return CLOCK_TRUST_SYNCHRONISED;
    }
    if (!trust->set || strcmp(trust->boot, boot_of(facts)) != 0 ||
        !local_day(facts, facts->system_s + trust->offset_s, &today) || today != trust->day) {
        return CLOCK_TRUST_NONE;
    }
    if (offset_s) {
        *offset_s = trust->offset_s;
    }
    return CLOCK_TRUST_STAFF;
}

const char *clock_trust_source_name(ClockTrustSource source)
{
    switch (source) {
    case CLOCK_TRUST_FAKE: return "fake";
    case CLOCK_TRUST_SYNCHRONISED: return "timesyncd";
    case CLOCK_TRUST_STAFF: return "staff";
    case CLOCK_TRUST_NONE: break;
    }
    return "none";
}

size_t clock_trust_format(const ClockTrust *trust, char *out, size_t size)
{
    int year = 0;
    int month = 0;
    int mday = 0;
    if (!trust->set || size == 0) {
        return 0;
    }
    schedule_date(trust->day, &year, &month, &mday);
    int n = snprintf(out, size, "%s\noffset_s=%" PRId64 "\nday=%04d-%02d-%02d\nboot=%s\n", MAGIC, trust->offset_s, year,
                     month, mday, trust->boot);
    if (n < 0 || (size_t)n >= size) {
        out[0] = '\0';
        return 0;
    }
    return (size_t)n;
}

/* "key=" at the start of a line of text: its value up to the line's end into out. */
static bool field(const char *text, const char *key, char *out, size_t size)
{
    size_t key_len = strlen(key);
    for (const char *line = text; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
        if (strncmp(line, key, key_len) == 0 && line[key_len] == '=') {
            const char *value = line + key_len + 1;
            size_t len = strcspn(value, "\n");
            if (len >= size) {
                return false;
            }
            memcpy(out, value, len);
            out[len] = '\0';
            return true;
        }
    }
    return false;
}

bool clock_trust_parse(ClockTrust *trust, const char *text)
{
    ClockTrust read = {.set = true};
    char offset[32] = "";
    char day[16] = "";
    char *end = NULL;
    int year = 0;
    int month = 0;
    int mday = 0;
    char extra = 0;
    *trust = (ClockTrust){0};
    if (strncmp(text, MAGIC, sizeof MAGIC - 1) != 0 || text[sizeof MAGIC - 1] != '\n' ||
        !field(text, "offset_s", offset, sizeof offset) || !field(text, "day", day, sizeof day) ||
        !field(text, "boot", read.boot, sizeof read.boot)) {
        return false;
    }
    long long value = strtoll(offset, &end, 10);
    if (end == offset || *end != '\0' || value > CLOCK_TRUST_OFFSET_MAX_S || value < -(long long)CLOCK_TRUST_OFFSET_MAX_S ||
        sscanf(day, "%4d-%2d-%2d%c", &year, &month, &mday, &extra) != 3 || month < 1 || month > 12 || mday < 1 ||
        mday > 31) {
        return false;
    }
    read.offset_s = value;
    read.day = schedule_day_number(year, month, mday);
    *trust = read;
    return true;
}
