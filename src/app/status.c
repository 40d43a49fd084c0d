/* status.c — the status report's model and its JSON; see status.h. Reading order: the
 * kiosk id, noting the pack and an update attempt, the frame window, then status_format(),
 * which is the field list of status.h in code. */
#define _POSIX_C_SOURCE 200809L
#include "app/status.h"

#include "core/json.h"

#include <sodium.h>
#include <stdio.h>
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
