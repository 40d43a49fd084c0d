/* status.c — the status report's model and its JSON; see status.h. Reading order: the
 * kiosk id, noting the pack and an update attempt, the frame window, then status_format(),
 * which is the field list of status.h in code. */
#define _POSIX_C_SOURCE 200809L
#include "app/status.h"

#include "core/json.h"

#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { ID128_BYTES = 16, TIME_TEXT_MAX = 32 };

/* ---- names --------------------------------------------------------------------------------- */

const char *status_id_from_name(StatusIdFrom from)
{
    switch (from) {
    case STATUS_ID_CONFIG: return "config";
    case STATUS_ID_MACHINE: return "machine-id";
    default: return "unknown";
    }
}

const char *status_pack_from_name(StatusPackFrom from)
{
    switch (from) {
    case STATUS_PACK_BUNDLED: return "bundled";
    case STATUS_PACK_INSTALLED: return "installed";
    case STATUS_PACK_FILE: return "file";
    case STATUS_PACK_KIOSK: return "kiosk";
    default: return "none";
    }
}

/* Copies text into out, cutting at a character boundary when it does not fit. */
static void copy_text(char *out, size_t out_size, const char *text)
{
    size_t length = strlen(text ? text : "");
    if (length >= out_size) {
        length = out_size - 1;
        while (length > 0 && ((unsigned char)text[length] & 0xC0) == 0x80) {
            length--; /* text[length] would start the cut: back off to a lead byte */
        }
    }
    memcpy(out, text ? text : "", length);
    out[length] = '\0';
}

/* ---- the kiosk id -------------------------------------------------------------------------- */

static int hex_digit(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

static bool parse_id128(const char *hex, uint8_t out[ID128_BYTES])
{
    for (size_t i = 0; i < 2 * ID128_BYTES; i++) {
        int digit = hex_digit(hex[i]);
        if (digit < 0) {
            return false;
        }
        out[i / 2] = (uint8_t)(i % 2 ? (out[i / 2] << 4) | digit : digit);
    }
    return hex[2 * ID128_BYTES] == '\0' || hex[2 * ID128_BYTES] == '\n';
}

/* The first line of path as a 128-bit id; false when it is not one (missing, empty at first
 * boot, "uninitialized"). */
static bool read_machine_id(const char *path, uint8_t out[ID128_BYTES])
{
    char line[64] = "";
    FILE *file = fopen(path, "re");
    bool ok = file && fgets(line, sizeof line, file) && parse_id128(line, out);
    if (file) {
        fclose(file);
    }
    return ok;
}

StatusIdFrom status_kiosk_id(const char *configured, const char *machine_id_path, char *out, size_t out_size)
{
    static const char HEX[] = "0123456789abcdef";
    uint8_t machine[ID128_BYTES] = {0};
    uint8_t app[ID128_BYTES] = {0};
    uint8_t mac[crypto_auth_hmacsha256_BYTES] = {0};
    crypto_auth_hmacsha256_state state;

    if (configured && configured[0]) {
        copy_text(out, out_size, configured);
        return STATUS_ID_CONFIG;
    }
    if (out_size < 2 * ID128_BYTES + 1 || !read_machine_id(machine_id_path, machine) ||
        !parse_id128(STATUS_APP_ID, app) || sodium_init() < 0) {
        copy_text(out, out_size, "unknown");
        return STATUS_ID_UNKNOWN;
    }
    /* HMAC-SHA256 keyed by the machine id over the application id, made a version 4 UUID. */
    crypto_auth_hmacsha256_init(&state, machine, sizeof machine);
    crypto_auth_hmacsha256_update(&state, app, sizeof app);
    crypto_auth_hmacsha256_final(&state, mac);
    mac[6] = (uint8_t)((mac[6] & 0x0F) | 0x40);
    mac[8] = (uint8_t)((mac[8] & 0x3F) | 0x80);
    for (size_t i = 0; i < ID128_BYTES; i++) {
        out[2 * i] = HEX[mac[i] >> 4];
        out[2 * i + 1] = HEX[mac[i] & 15];
    }
    out[2 * ID128_BYTES] = '\0';
    sodium_memzero(machine, sizeof machine);
    sodium_memzero(&state, sizeof state);
    return STATUS_ID_MACHINE;
}

/* ---- what is on screen, what the last update did ------------------------------------------ */

void status_note_pack(StatusPack *out, const Content *content, StatusPackFrom from, bool pending)
{
    static const Lang TITLE_ORDER[] = {LANG_EN, LANG_SR_LATN, LANG_SR_CYRL};
    memset(out, 0, sizeof *out);
    if (!content) {
        return;
    }
    out->from = from == STATUS_PACK_NONE ? STATUS_PACK_FILE : from;
    out->version = content->pack.version;
    out->pending = pending;
    for (size_t i = 0; i < sizeof TITLE_ORDER / sizeof TITLE_ORDER[0]; i++) {
        const char *title = content->pack.title.text[TITLE_ORDER[i]];
        if (title && title[0]) {
            copy_text(out->title, sizeof out->title, title);
            return;
        }
    }
}

void status_note_update(StatusUpdate *out, const char *source, const UpdateResult *result, int64_t at_unix)
{
    memset(out, 0, sizeof *out);
    out->attempted = true;
    copy_text(out->source, sizeof out->source, source);
    out->at_unix = at_unix;
    copy_text(out->result, sizeof out->result, update_outcome_name(result->outcome));
    copy_text(out->message_id, sizeof out->message_id, update_message_id(result->message));
    update_message_en(result, out->message, sizeof out->message); /* a cut character becomes U+FFFD in the JSON */
    copy_text(out->step, sizeof out->step, update_step_name(result->step));
    out->pack_version = result->pack_version;
}

/* A quiet failure: the server away, a download cut short, a cancelled attempt. */
static bool quiet_failure(const UpdateResult *result)
{
    return result->outcome == UPDATE_FAILED && result->quiet;
}

bool status_note_attempt(StatusReport *report, const char *source, const UpdateResult *result, int64_t at_unix)
{
    bool changed = false;
    if (result->source == UPDATE_SOURCE_URL) {
        StatusPoll *poll = &report->last_poll;
        const char *outcome = update_outcome_name(result->outcome);
        const char *message_id = update_message_id(result->message);
        changed = !poll->polled || strcmp(poll->result, outcome) != 0 || strcmp(poll->message_id, message_id) != 0;
        poll->polled = true;
        poll->at_unix = at_unix;
        copy_text(poll->result, sizeof poll->result, outcome);
        copy_text(poll->message_id, sizeof poll->message_id, message_id);
        update_message_en(result, poll->message, sizeof poll->message);
    }
    if (result->outcome != UPDATE_UNCHANGED && !quiet_failure(result)) {
        status_note_update(&report->last_update, source, result, at_unix);
        changed = true;
    }
    return changed;
}

/* ---- frames in the last minute ------------------------------------------------------------- */

void status_frames_note(StatusFrames *f, uint64_t now_ms, uint64_t frames_total)
{
    uint64_t second = now_ms / 1000u;
    if (f->count > 0 && f->second[f->newest] == second) {
        f->frames[f->newest] = frames_total;
        return;
    }
    f->newest = f->count > 0 ? (f->newest + 1) % STATUS_FRAME_SLOTS : 0;
    f->second[f->newest] = second;
    f->frames[f->newest] = frames_total;
    f->count += f->count < STATUS_FRAME_SLOTS;
}

uint64_t status_frames_last_minute(const StatusFrames *f, uint64_t now_ms, uint64_t frames_total)
{
    uint64_t second = now_ms / 1000u;
    /* The total at the newest sample a minute or more ago; none: the kiosk is younger. */
    for (size_t k = 0; k < f->count; k++) {
        size_t i = (f->newest + STATUS_FRAME_SLOTS - k) % STATUS_FRAME_SLOTS;
        if (f->second[i] + STATUS_MINUTE_S <= second) {
            return frames_total >= f->frames[i] ? frames_total - f->frames[i] : 0;
        }
    }
    return frames_total;
}

/* ---- the JSON ------------------------------------------------------------------------------ */

static void put_time(JsonWriter *w, const char *key, int64_t unix_seconds)
{
    char text[TIME_TEXT_MAX] = "";
    time_t seconds = (time_t)unix_seconds;
    struct tm utc;
    json_key(w, key);
    if (unix_seconds <= 0 || !gmtime_r(&seconds, &utc) ||
        strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc) == 0) {
        json_null(w);
        return;
    }
    json_string(w, text);
}

static void put_uint(JsonWriter *w, const char *key, uint64_t value)
{
    json_key(w, key);
    json_int(w, value > (uint64_t)INT64_MAX ? INT64_MAX : (int64_t)value);
}

static void put_string(JsonWriter *w, const char *key, const char *value)
{
    json_key(w, key);
    json_string(w, value);
}

static void put_pack(JsonWriter *w, const StatusPack *pack)
{
    json_key(w, "pack");
    if (pack->from == STATUS_PACK_NONE) {
        json_null(w);
        return;
    }
    json_begin_object(w);
    json_key(w, "version");
    json_int(w, pack->version);
    put_string(w, "title", pack->title);
    put_string(w, "from", status_pack_from_name(pack->from));
    json_key(w, "pending");
    json_bool(w, pack->pending);
    json_key(w, "taken_at_kiosk");
    json_bool(w, pack->from == STATUS_PACK_KIOSK);
    json_key(w, "base_version");
    if (pack->from == STATUS_PACK_KIOSK) {
        json_int(w, pack->version);
    } else {
        json_null(w);
    }
    json_end_object(w);
}

static void put_display(JsonWriter *w, const StatusDisplay *display)
{
    json_key(w, "display");
    json_begin_object(w);
    put_string(w, "power", display->changed && display->off ? "off" : "on");
    json_key(w, "method");
    json_string(w, display->changed ? options_screen_off_name(display->method) : NULL);
    json_key(w, "worked");
    if (display->changed) {
        json_bool(w, display->worked);
    } else {
        json_null(w);
    }
    put_string(w, "screen_off", options_screen_off_name(display->wanted));
    json_end_object(w);
}

static void put_update(JsonWriter *w, const StatusUpdate *update)
{
    json_key(w, "last_update");
    if (!update->attempted) {
        json_null(w);
        return;
    }
    json_begin_object(w);
    put_string(w, "source", update->source);
    put_time(w, "at", update->at_unix);
    put_string(w, "result", update->result);
    put_string(w, "message_id", update->message_id);
    put_string(w, "message", update->message);
    put_string(w, "step", update->step);
    json_key(w, "pack_version");
    if (update->pack_version > 0) {
        json_int(w, update->pack_version);
    } else {
        json_null(w);
    }
    json_end_object(w);
}

static void put_poll(JsonWriter *w, const StatusPoll *poll)
{
    json_key(w, "last_poll");
    if (!poll->polled) {
        json_null(w);
        return;
    }
    json_begin_object(w);
    put_time(w, "at", poll->at_unix);
    put_string(w, "result", poll->result);
    put_string(w, "message_id", poll->message_id);
    put_string(w, "message", poll->message);
    json_end_object(w);
}

static void put_screenshot(JsonWriter *w, const StatusScreenshot *shot)
{
    json_key(w, "screenshot");
    if (!shot->on) {
        json_null(w);
        return;
    }
    json_begin_object(w);
    put_time(w, "at", shot->at_unix);
    put_uint(w, "width", shot->at_unix > 0 && shot->width > 0 ? (uint64_t)shot->width : 0);
    put_uint(w, "height", shot->at_unix > 0 && shot->height > 0 ? (uint64_t)shot->height : 0);
    put_time(w, "skipped_at", shot->skipped_unix);
    json_key(w, "skipped");
    json_string(w, shot->skipped_unix > 0 ? shot->skipped_why : NULL);
    json_end_object(w);
}

static void put_board(JsonWriter *w, const StatusBoard *board)
{
    json_key(w, "board");
    json_begin_object(w);
    json_key(w, "temperature_millicelsius");
    if (board->has_temperature) {
        json_int(w, board->temperature_millicelsius);
    } else {
        json_null(w);
    }
    json_key(w, "throttled");
    if (board->has_throttled) {
        json_int(w, board->throttled);
    } else {
        json_null(w);
    }
    json_end_object(w);
}

const char *status_clock_why(ClockTrustSource source)
{
    switch (source) {
    case CLOCK_TRUST_SYNCHRONISED: return "synchronised by systemd-timesyncd";
    case CLOCK_TRUST_STAFF: return "confirmed by staff in the staff panel today";
    case CLOCK_TRUST_FAKE: return "a fake clock (--fake-clock)";
    case CLOCK_TRUST_NONE: break;
    }
    return "clock not confirmed: not synchronised by systemd-timesyncd; confirm it in the staff panel "
           "(events show their agenda without \"now\" until then)";
}

static void put_clock(JsonWriter *w, const StatusClock *clock)
{
    json_key(w, "clock");
    json_begin_object(w);
    json_key(w, "trusted");
    json_bool(w, clock->source != CLOCK_TRUST_NONE);
    put_string(w, "source", clock_trust_source_name(clock->source));
    json_key(w, "offset_seconds");
    json_int(w, clock->source == CLOCK_TRUST_STAFF ? clock->offset_s : 0);
    put_string(w, "why", status_clock_why(clock->source));
    json_end_object(w);
}

bool status_format(const StatusReport *report, char *out, size_t out_size, size_t *length)
{
    JsonWriter w;
    size_t used = 0;
    json_writer_init(&w, out, out_size > 0 ? out_size - 1 : 0); /* room for the newline */
    json_begin_object(&w);
    json_key(&w, "schema");
    json_int(&w, STATUS_SCHEMA);
    put_string(&w, "kiosk_id", report->kiosk_id);
    put_string(&w, "kiosk_id_from", status_id_from_name(report->kiosk_id_from));
    put_string(&w, "package_version", report->package_version ? report->package_version : "");
    put_time(&w, "written_at", report->written_unix);
    put_uint(&w, "uptime_seconds", report->uptime_seconds);
    put_uint(&w, "system_uptime_seconds", report->system_uptime_seconds);
    put_pack(&w, &report->pack);
    put_display(&w, &report->display);
    put_uint(&w, "frames_last_minute", report->frames_last_minute);
    put_time(&w, "last_touch", report->last_touch_unix);
    put_update(&w, &report->last_update);
    put_poll(&w, &report->last_poll);
    put_time(&w, "last_frame", report->last_frame_unix);
    json_key(&w, "display_awake");
    json_bool(&w, report->display_awake);
    put_screenshot(&w, &report->screenshot);
    put_board(&w, &report->board);
    put_clock(&w, &report->clock);
    json_end_object(&w);
    bool ok = json_writer_finish(&w, &used);
    if (ok) {
        out[used++] = '\n';
        out[used] = '\0';
    }
    if (length) {
        *length = ok ? used : 0;
    }
    return ok;
}

/* ---- the Prometheus textfile --------------------------------------------------------------- */

/* Text appended to a caller's buffer; overflowed once anything did not fit. */
typedef struct MetricsText {
    char *out;
    size_t size;
    size_t used;
    bool overflowed;
} MetricsText;

static void metrics_append(MetricsText *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void metrics_append(MetricsText *t, const char *fmt, ...)
{
    if (t->overflowed) {
        return;
    }
    va_list args;
    va_start(args, fmt);
    int n = vsnprintf(t->out + t->used, t->size - t->used, fmt, args);
    va_end(args);
    if (n < 0 || (size_t)n >= t->size - t->used) {
        t->overflowed = true;
        t->out[t->used] = '\0';
        return;
    }
    t->used += (size_t)n;
}

/* A label value as the exposition format wants it: \\, \" and \n escaped. */
static void metrics_label_value(MetricsText *t, const char *value)
{
    for (const char *c = value; *c; c++) {
        switch (*c) {
        case '\\': metrics_append(t, "\\\\"); break;
        case '"': metrics_append(t, "\\\""); break;
        case '\n': metrics_append(t, "\\n"); break;
        default: metrics_append(t, "%c", *c); break;
        }
    }
}

static void metrics_head(MetricsText *t, const char *name, const char *help)
{
    metrics_append(t, "# HELP %s %s\n# TYPE %s gauge\n", name, help, name);
}

static void metrics_gauge(MetricsText *t, const char *name, const char *help, int64_t value)
{
    metrics_head(t, name, help);
    metrics_append(t, "%s %lld\n", name, (long long)value);
}

/* A gauge of 1 whose one label names a state ("result" of the last update, ...). */
static void metrics_state(MetricsText *t, const char *name, const char *help, const char *label, const char *value)
{
    metrics_head(t, name, help);
    metrics_append(t, "%s{%s=\"", name, label);
    metrics_label_value(t, value);
    metrics_append(t, "\"} 1\n");
}

static void metrics_throttled(MetricsText *t, uint32_t bits)
{
    static const struct {
        uint32_t bit;
        const char *flag;
    } FLAGS[] = {
        {STATUS_THROTTLED_UNDER_VOLTAGE, "under_voltage"},
        {STATUS_THROTTLED_FREQUENCY_CAPPED, "frequency_capped"},
        {STATUS_THROTTLED_THROTTLED, "throttled"},
        {STATUS_THROTTLED_SOFT_TEMPERATURE_LIMIT, "soft_temperature_limit"},
    };
    metrics_head(t, "facts_kiosk_throttled",
                 "The Raspberry Pi firmware's throttling flags (get_throttled): 1 when set, now or since boot.");
    for (size_t i = 0; i < sizeof FLAGS / sizeof FLAGS[0]; i++) {
        metrics_append(t, "facts_kiosk_throttled{flag=\"%s\",when=\"now\"} %d\n", FLAGS[i].flag,
                       (bits & FLAGS[i].bit) != 0);
        metrics_append(t, "facts_kiosk_throttled{flag=\"%s\",when=\"since_boot\"} %d\n", FLAGS[i].flag,
                       (bits & (FLAGS[i].bit << STATUS_THROTTLED_SINCE_BOOT_SHIFT)) != 0);
    }
}

/* The display's figures. The display power (on, off and by which method) joins here once
 * the report carries it. */
static void metrics_display(MetricsText *t, const StatusReport *r)
{
    metrics_gauge(t, "facts_kiosk_display_awake", "1 while the display is awake, 0 while it sleeps outside the opening hours.",
                  r->display_awake);
    if (r->display.changed) {
        /* How the screen was last put to sleep or woken (cec, drm, x11, black), and whether
         * that method's call worked: a TV that did not acknowledge shows as worked 0. */
        metrics_head(t, "facts_kiosk_display_power",
                     "1 while the screen is on, 0 while it is off; method: what switched it last; worked: that call succeeded.");
        metrics_append(t, "facts_kiosk_display_power{method=\"");
        metrics_label_value(t, options_screen_off_name(r->display.method));
        metrics_append(t, "\",worked=\"%s\"} %d\n", r->display.worked ? "1" : "0", r->display.off ? 0 : 1);
    }
}

bool status_format_metrics(const StatusReport *r, char *out, size_t out_size, size_t *length)
{
    MetricsText t = {.out = out, .size = out_size};
    if (out_size == 0) {
        return false;
    }
    out[0] = '\0';
    metrics_head(&t, "facts_kiosk_info", "The kiosk's id and the version of its package (always 1).");
    metrics_append(&t, "facts_kiosk_info{kiosk_id=\"");
    metrics_label_value(&t, r->kiosk_id);
    metrics_append(&t, "\",package_version=\"");
    metrics_label_value(&t, r->package_version ? r->package_version : "");
    metrics_append(&t, "\"} 1\n");
    metrics_gauge(&t, "facts_kiosk_written_timestamp_seconds", "When the kiosk wrote these figures.", r->written_unix);
    metrics_gauge(&t, "facts_kiosk_uptime_seconds", "Seconds since the kiosk process started.",
                  r->uptime_seconds > (uint64_t)INT64_MAX ? INT64_MAX : (int64_t)r->uptime_seconds);
    if (r->pack.from != STATUS_PACK_NONE) {
        metrics_gauge(&t, "facts_kiosk_pack_version", "Version of the content pack on screen.", r->pack.version);
    }
    if (r->last_frame_unix > 0) {
        metrics_gauge(&t, "facts_kiosk_last_frame_timestamp_seconds",
                      "When the kiosk last drew a frame (stale: it stopped drawing).", r->last_frame_unix);
    }
    metrics_gauge(&t, "facts_kiosk_frames_last_minute", "Frames drawn in the last 60 seconds.",
                  r->frames_last_minute > (uint64_t)INT64_MAX ? INT64_MAX : (int64_t)r->frames_last_minute);
    metrics_display(&t, r);
    if (r->last_update.attempted) {
        metrics_gauge(&t, "facts_kiosk_last_update_timestamp_seconds",
                      "When the last update attempt that installed or refused something ended.", r->last_update.at_unix);
        metrics_state(&t, "facts_kiosk_last_update_result", "The result of that attempt (ok, refused, failed).", "result",
                      r->last_update.result);
    }
    if (r->last_poll.polled) {
        metrics_gauge(&t, "facts_kiosk_last_poll_timestamp_seconds", "When the update URL was last polled.",
                      r->last_poll.at_unix);
        metrics_state(&t, "facts_kiosk_last_poll_result", "The result of that poll (unchanged, failed, ok, refused).",
                      "result", r->last_poll.result);
    }
    metrics_gauge(&t, "facts_kiosk_clock_trusted",
                  "1 while the wall clock may be shown as now (timesyncd, staff, fake), 0 while events show no now.",
                  r->clock.source != CLOCK_TRUST_NONE);
    if (r->screenshot.at_unix > 0) {
        metrics_gauge(&t, "facts_kiosk_screenshot_timestamp_seconds", "When screen.jpg was last written.",
                      r->screenshot.at_unix);
    }
    if (r->board.has_temperature) {
        metrics_head(&t, "facts_kiosk_board_temperature_celsius", "The board's temperature (first thermal zone).");
        long long milli = (long long)r->board.temperature_millicelsius;
        metrics_append(&t, "facts_kiosk_board_temperature_celsius %s%lld.%03lld\n", milli < 0 ? "-" : "",
                       llabs(milli) / 1000, llabs(milli) % 1000);
    }
    if (r->board.has_throttled) {
        metrics_throttled(&t, r->board.throttled);
    }
    if (length) {
        *length = t.overflowed ? 0 : t.used;
    }
    return !t.overflowed;
}
