/* schedule.c — opening hours (see schedule.h for the rules). Parsing is strict and explains
 * itself; schedule_next_change() walks from boundary to boundary of the wall-clock day and
 * notices a daylight-saving change between two of them by the zone's offset moving, then
 * finds the exact second of the change by bisection. */
#include "core/schedule.h"

#include <stdio.h>
#include <string.h>

enum {
    MINUTES_PER_HOUR = 60,
    SECONDS_PER_MINUTE = 60,
    DAYS_PER_WEEK = 7,
    YEAR_MIN = 1970,
    YEAR_MAX = 9999,
    ITEM_MAX = 64,          /* longest range or date item quoted back */
    NEXT_CHANGE_STEPS = SCHEDULE_HORIZON_DAYS * (3 * SCHEDULE_RANGES_MAX + 4),
};

static const char HOURS_ALLOWED[] = "allowed: open, closed, or ranges such as 09:00-18:00 or "
                                    "09:00-12:00, 13:00-18:00 (20:00-02:00 runs past midnight)";
static const char DATES_ALLOWED[] = "allowed: dates YYYY-MM-DD and spans YYYY-MM-DD..YYYY-MM-DD "
                                    "separated by commas, e.g. 2026-12-24, 2026-12-28..2026-12-31";

static const char *const WEEKDAY_NAMES[SCHEDULE_WEEKDAYS] = {"monday", "tuesday", "wednesday", "thursday",
                                                              "friday", "saturday", "sunday"};

const char *schedule_weekday_name(ScheduleWeekday weekday)
{
    return (int)weekday >= 0 && (int)weekday < SCHEDULE_WEEKDAYS ? WEEKDAY_NAMES[weekday] : "";
}

/* ---- calendar ----------------------------------------------------------- */

/* H. Hinnant's days_from_civil / civil_from_days. */
int32_t schedule_day_number(int year, int month, int mday)
{
    int y = year - (month <= 2 ? 1 : 0);
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + mday - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + doe - 719468);
}

void schedule_date(int32_t day, int *year, int *month, int *mday)
{
    int32_t z = day + 719468;
    int32_t era = (z >= 0 ? z : z - 146096) / 146097;
    int32_t doe = z - era * 146097;
    int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int32_t mp = (5 * doy + 2) / 153;
    *mday = (int)(doy - (153 * mp + 2) / 5 + 1);
    *month = (int)(mp < 10 ? mp + 3 : mp - 9);
    *year = (int)(yoe + era * 400 + (*month <= 2 ? 1 : 0));
}

ScheduleWeekday schedule_weekday(int32_t day)
{
    /* 1970-01-01 was a Thursday. */
    int32_t index = ((day + SCHEDULE_THURSDAY) % DAYS_PER_WEEK + DAYS_PER_WEEK) % DAYS_PER_WEEK;
    return (ScheduleWeekday)index;
}

/* ---- parsing ------------------------------------------------------------ */

static bool is_space(char c)
{
    return c == ' ' || c == '\t';
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Reads exactly count digits at *p into *value, advancing *p. */
static bool read_digits(const char **p, int count, int *value)
{
    int v = 0;
    for (int i = 0; i < count; i++) {
        if (!is_digit((*p)[i])) {
            return false;
        }
        v = v * 10 + ((*p)[i] - '0');
    }
    *p += count;
    *value = v;
    return true;
}

/* The item of a comma-separated list at text, trimmed, into out; returns the text after its
 * comma, or NULL when it was the last item. */
static const char *next_item(const char *text, char *out, size_t out_size, bool *too_long)
{
    while (is_space(*text)) {
        text++;
    }
    const char *comma = strchr(text, ',');
    const char *after = comma != NULL ? comma + 1 : NULL;
    const char *end = comma != NULL ? comma : text + strlen(text);
    while (end > text && is_space(end[-1])) {
        end--;
    }
    size_t length = (size_t)(end - text);
    *too_long = length >= out_size;
    if (*too_long) {
        length = out_size - 1;
    }
    memcpy(out, text, length);
    out[length] = '\0';
    return after;
}

static bool blank(const char *text)
{
    while (is_space(*text)) {
        text++;
    }
    return *text == '\0';
}

static bool same_word(const char *text, const char *word)
{
    while (is_space(*text)) {
        text++;
    }
    size_t length = strlen(word);
    for (size_t i = 0; i < length; i++) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z') {
            c = (char)(c - 'A' + 'a');
        }
        if (c != word[i]) {
            return false;
        }
    }
    return blank(text + length);
}

/* "H:MM" or "HH:MM" at *p, 00:00 to 24:00, as minutes. */
static bool read_time(const char **p, int *minutes)
{
    int hours = 0;
    int mins = 0;
    const char *q = *p;
    if (!read_digits(&q, is_digit(q[1]) ? 2 : 1, &hours) || *q != ':') {
        return false;
    }
    q++;
    if (!read_digits(&q, 2, &mins) || mins >= MINUTES_PER_HOUR) {
        return false;
    }
    int total = hours * MINUTES_PER_HOUR + mins;
    if (total > SCHEDULE_DAY_MINUTES) {
        return false;
    }
    *p = q;
    *minutes = total;
    return true;
}

static bool parse_range(const char *item, ScheduleRange *range, char *why, size_t why_size)
{
    const char *p = item;
    int start = 0;
    int end = 0;
    if (!read_time(&p, &start)) {
        snprintf(why, why_size, "\"%s\" does not start with a time HH:MM (00:00 to 24:00)", item);
        return false;
    }
    while (is_space(*p)) {
        p++;
    }
    if (*p != '-') {
        snprintf(why, why_size, "\"%s\" is not a range HH:MM-HH:MM", item);
        return false;
    }
    p++;
    while (is_space(*p)) {
        p++;
    }
    if (!read_time(&p, &end) || *p != '\0') {
        snprintf(why, why_size, "\"%s\" does not end with a time HH:MM (00:00 to 24:00)", item);
        return false;
    }
    if (start == SCHEDULE_DAY_MINUTES) {
        snprintf(why, why_size, "\"%s\" starts at 24:00 (write 00:00 on the next day)", item);
        return false;
    }
    if (start == end) {
        snprintf(why, why_size, "\"%s\" is empty (for all day write open)", item);
        return false;
    }
    range->start_min = start;
    range->end_min = end;
    return true;
}

static bool explain(char *why, size_t why_size, const char *allowed)
{
    size_t used = strlen(why);
    if (used < why_size) {
        snprintf(why + used, why_size - used, "; %s", allowed);
    }
    return false;
}

bool schedule_parse_hours(const char *text, ScheduleDay *day, char *why, size_t why_size)
{
    ScheduleDay parsed = {0};
    why[0] = '\0';
    if (blank(text) || same_word(text, "open")) {
        parsed.count = 1;
        parsed.ranges[0] = (ScheduleRange){0, SCHEDULE_DAY_MINUTES};
        *day = parsed;
        return true;
    }
    if (same_word(text, "closed")) {
        *day = parsed;
        return true;
    }
    const char *p = text;
    while (p != NULL) {
        char item[ITEM_MAX] = {0};
        bool too_long = false;
        p = next_item(p, item, sizeof item, &too_long);
        if (too_long) {
            snprintf(why, why_size, "\"%s...\" is not a range HH:MM-HH:MM", item);
            return explain(why, why_size, HOURS_ALLOWED);
        }
        if (item[0] == '\0') {
            snprintf(why, why_size, "a range is missing between two commas");
            return explain(why, why_size, HOURS_ALLOWED);
        }
        if (parsed.count == SCHEDULE_RANGES_MAX) {
            snprintf(why, why_size, "more than %d ranges", SCHEDULE_RANGES_MAX);
            return explain(why, why_size, HOURS_ALLOWED);
        }
        if (!parse_range(item, &parsed.ranges[parsed.count], why, why_size)) {
            return explain(why, why_size, HOURS_ALLOWED);
        }
        parsed.count++;
    }
    *day = parsed;
    return true;
}

/* "YYYY-MM-DD" at *p as a day number; false for a malformed or impossible date. */
static bool read_date(const char **p, int32_t *day)
{
    int year = 0;
    int month = 0;
    int mday = 0;
    const char *q = *p;
    if (!read_digits(&q, 4, &year) || *q++ != '-' || !read_digits(&q, 2, &month) || *q++ != '-' ||
        !read_digits(&q, 2, &mday)) {
        return false;
    }
    if (year < YEAR_MIN || year > YEAR_MAX || month < 1 || month > 12 || mday < 1) {
        return false;
    }
    int32_t number = schedule_day_number(year, month, mday);
    int y = 0;
    int m = 0;
    int d = 0;
    schedule_date(number, &y, &m, &d);
    if (y != year || m != month || d != mday) {
        return false; /* 2026-02-30 */
    }
    *p = q;
    *day = number;
    return true;
}

static bool parse_span(const char *item, ScheduleSpan *span, char *why, size_t why_size)
{
    const char *p = item;
    int32_t first = 0;
    int32_t last = 0;
    if (!read_date(&p, &first)) {
        snprintf(why, why_size, "\"%s\" is not a date YYYY-MM-DD that exists", item);
        return false;
    }
    last = first;
    if (p[0] == '.' && p[1] == '.') {
        p += 2;
        if (!read_date(&p, &last)) {
            snprintf(why, why_size, "\"%s\" does not end with a date YYYY-MM-DD that exists", item);
            return false;
        }
        if (last < first) {
            snprintf(why, why_size, "\"%s\" ends before it starts", item);
            return false;
        }
    }
    if (*p != '\0') {
        snprintf(why, why_size, "\"%s\" is not a date YYYY-MM-DD or a span YYYY-MM-DD..YYYY-MM-DD", item);
        return false;
    }
    *span = (ScheduleSpan){first, last};
    return true;
}

bool schedule_parse_dates(const char *text, ScheduleDates *dates, char *why, size_t why_size)
{
    ScheduleDates parsed = {0};
    why[0] = '\0';
    const char *p = blank(text) ? NULL : text;
    while (p != NULL) {
        char item[ITEM_MAX] = {0};
        bool too_long = false;
        p = next_item(p, item, sizeof item, &too_long);
        if (too_long) {
            snprintf(why, why_size, "\"%s...\" is not a date", item);
            return explain(why, why_size, DATES_ALLOWED);
        }
        if (item[0] == '\0') {
            snprintf(why, why_size, "a date is missing between two commas");
            return explain(why, why_size, DATES_ALLOWED);
        }
        if (parsed.count == SCHEDULE_DATES_MAX) {
            snprintf(why, why_size, "more than %d dates or spans", SCHEDULE_DATES_MAX);
            return explain(why, why_size, DATES_ALLOWED);
        }
        if (!parse_span(item, &parsed.spans[parsed.count], why, why_size)) {
            return explain(why, why_size, DATES_ALLOWED);
        }
        parsed.count++;
    }
    *dates = parsed;
    return true;
}

bool schedule_parse_datetime(const char *text, int *year, int *month, int *mday, int *second_of_day,
                             char *why, size_t why_size)
{
    const char *p = text;
    int32_t day = 0;
    int hours = 0;
    int minutes = 0;
    int seconds = 0;
    bool ok = read_date(&p, &day) && (*p == 'T' || *p == ' ');
    if (ok) {
        p++;
        ok = read_digits(&p, 2, &hours) && *p++ == ':' && read_digits(&p, 2, &minutes) && hours < 24 &&
             minutes < MINUTES_PER_HOUR;
    }
    if (ok && *p == ':') {
        p++;
        ok = read_digits(&p, 2, &seconds) && seconds < SECONDS_PER_MINUTE;
    }
    if (!ok || *p != '\0') {
        snprintf(why, why_size, "is not a local date and time YYYY-MM-DDTHH:MM[:SS] that exists, "
                                "e.g. 2026-12-07T17:59:50");
        return false;
    }
    schedule_date(day, year, month, mday);
    *second_of_day = (hours * MINUTES_PER_HOUR + minutes) * SECONDS_PER_MINUTE + seconds;
    return true;
}

/* ---- the schedule -------------------------------------------------------- */

void schedule_init(Schedule *schedule)
{
    memset(schedule, 0, sizeof *schedule);
    for (int d = 0; d < SCHEDULE_WEEKDAYS; d++) {
        schedule->week[d].count = 1;
        schedule->week[d].ranges[0] = (ScheduleRange){0, SCHEDULE_DAY_MINUTES};
    }
}

static bool has_value(const char *text)
{
    return text != NULL && !blank(text);
}

bool schedule_set(Schedule *schedule, const char *const hours[SCHEDULE_WEEKDAYS], const char *closed_dates,
                  const char *open_dates, char *why, size_t why_size)
{
    Schedule built = {0};
    char detail[512] = {0};
    schedule_init(&built);
    schedule_init(schedule);
    why[0] = '\0';
    for (int d = 0; d < SCHEDULE_WEEKDAYS; d++) {
        if (!has_value(hours[d])) {
            continue;
        }
        built.active = true;
        if (!schedule_parse_hours(hours[d], &built.week[d], detail, sizeof detail)) {
            snprintf(why, why_size, "%s = %s: %s", WEEKDAY_NAMES[d], hours[d], detail);
            return false;
        }
    }
    const struct {
        const char *name;
        const char *text;
        ScheduleDates *dates;
    } lists[] = {{"closed_dates", closed_dates, &built.closed}, {"open_dates", open_dates, &built.open}};
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        if (!has_value(lists[i].text)) {
            continue;
        }
        built.active = true;
        if (!schedule_parse_dates(lists[i].text, lists[i].dates, detail, sizeof detail)) {
            snprintf(why, why_size, "%s = %s: %s", lists[i].name, lists[i].text, detail);
            return false;
        }
    }
    *schedule = built;
    return true;
}

static bool in_dates(const ScheduleDates *dates, int32_t day)
{
    for (int i = 0; i < dates->count; i++) {
        if (day >= dates->spans[i].first && day <= dates->spans[i].last) {
            return true;
        }
    }
    return false;
}

/* Whether day's own ranges apply. */
static bool day_counts(const Schedule *schedule, int32_t day)
{
    if (in_dates(&schedule->closed, day)) {
        return false;
    }
    return schedule->open.count == 0 || in_dates(&schedule->open, day);
}

static bool wraps(ScheduleRange range)
{
    return range.end_min <= range.start_min;
}

static bool open_at_local(const Schedule *schedule, ScheduleLocal local)
{
    int32_t second = local.second;
    if (day_counts(schedule, local.day)) {
        const ScheduleDay *today = &schedule->week[schedule_weekday(local.day)];
        for (int i = 0; i < today->count; i++) {
            ScheduleRange r = today->ranges[i];
            int end = wraps(r) ? SCHEDULE_DAY_MINUTES : r.end_min;
            if (second >= r.start_min * SECONDS_PER_MINUTE && second < end * SECONDS_PER_MINUTE) {
                return true;
            }
        }
    }
    if (day_counts(schedule, local.day - 1)) {
        const ScheduleDay *yesterday = &schedule->week[schedule_weekday(local.day - 1)];
        for (int i = 0; i < yesterday->count; i++) {
            ScheduleRange r = yesterday->ranges[i];
            if (wraps(r) && second < r.end_min * SECONDS_PER_MINUTE) {
                return true;
            }
        }
    }
    return false;
}

bool schedule_is_open(const Schedule *schedule, ScheduleZone zone, int64_t t)
{
    ScheduleLocal local = {0};
    if (!schedule->active || !zone.local(zone.user, t, &local)) {
        return true;
    }
    return open_at_local(schedule, local);
}

static void earlier_boundary(int32_t *best, int32_t candidate, int32_t after)
{
    if (candidate > after && candidate < *best) {
        *best = candidate;
    }
}

/* The next second of the local day after local.second at which a range starts or ends, or
 * midnight (SCHEDULE_DAY_SECONDS). */
static int32_t next_boundary(const Schedule *schedule, ScheduleLocal local)
{
    int32_t best = SCHEDULE_DAY_SECONDS;
    const ScheduleDay *today = &schedule->week[schedule_weekday(local.day)];
    for (int i = 0; i < today->count; i++) {
        earlier_boundary(&best, today->ranges[i].start_min * SECONDS_PER_MINUTE, local.second);
        earlier_boundary(&best, today->ranges[i].end_min * SECONDS_PER_MINUTE, local.second);
    }
    const ScheduleDay *yesterday = &schedule->week[schedule_weekday(local.day - 1)];
    for (int i = 0; i < yesterday->count; i++) {
        if (wraps(yesterday->ranges[i])) {
            earlier_boundary(&best, yesterday->ranges[i].end_min * SECONDS_PER_MINUTE, local.second);
        }
    }
    return best;
}

/* Local wall-clock seconds minus UTC seconds at t: the zone's offset. */
static int64_t offset_at(ScheduleLocal local, int64_t t)
{
    return (int64_t)local.day * SCHEDULE_DAY_SECONDS + local.second - t;
}

/* The first second in (lo, hi] whose offset is not offset (the offset at lo is; at hi it is
 * not), with its local time in *local. */
static bool find_offset_change(ScheduleZone zone, int64_t lo, int64_t hi, int64_t offset, int64_t *at,
                               ScheduleLocal *local)
{
    while (hi - lo > 1) {
        int64_t mid = lo + (hi - lo) / 2;
        ScheduleLocal probe = {0};
        if (!zone.local(zone.user, mid, &probe)) {
            return false;
        }
        if (offset_at(probe, mid) == offset) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    *at = hi;
    return zone.local(zone.user, hi, local);
}

bool schedule_next_change(const Schedule *schedule, ScheduleZone zone, int64_t t, int64_t *change)
{
    ScheduleLocal local = {0};
    if (!schedule->active || !zone.local(zone.user, t, &local)) {
        return false;
    }
    bool state = open_at_local(schedule, local);
    int64_t limit = t + (int64_t)SCHEDULE_HORIZON_DAYS * SCHEDULE_DAY_SECONDS;
    int64_t at = t;
    for (int step = 0; step < NEXT_CHANGE_STEPS && at <= limit; step++) {
        int64_t offset = offset_at(local, at);
        int64_t next = at + (next_boundary(schedule, local) - local.second);
        ScheduleLocal next_local = {0};
        if (!zone.local(zone.user, next, &next_local)) {
            return false;
        }
        /* The clocks changed on the way: the wall clock jumps at that second, which may open
         * or close (or skip a boundary), so look from there. */
        if (offset_at(next_local, next) != offset &&
            !find_offset_change(zone, at, next, offset, &next, &next_local)) {
            return false;
        }
        if (open_at_local(schedule, next_local) != state) {
            if (next > limit) {
                return false;
            }
            *change = next;
            return true;
        }
        at = next;
        local = next_local;
    }
    return false;
}
