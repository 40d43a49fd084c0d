/* leads_record.c — sealing one lead into a framed record, opening it, and walking a file of
 * records with resynchronisation after damage; see leads_record.h for the format. */
#include "leads/leads_record.h"

#include <sodium.h>
#include <string.h>

_Static_assert(LEADS_SEAL_BYTES == crypto_box_SEALBYTES, "sealed box overhead");
_Static_assert(LEADS_KEY_BYTES == crypto_box_PUBLICKEYBYTES, "X25519 public key");
_Static_assert(LEADS_KEY_BYTES == crypto_box_SECRETKEYBYTES, "X25519 secret key");

enum {
    OFFSET_VERSION = 4,
    OFFSET_KEY_ID = 5,
    OFFSET_LENGTH = 13,
    MAGIC_BYTES = 4,
};

/* What record_at() found at one offset. */
typedef enum RecordLook {
    LOOK_VALID = 0, /* a whole record; *length is its size */
    LOOK_SHORT,     /* a plausible start whose record would run past the end of the data */
    LOOK_BAD,
} RecordLook;

uint32_t leads_crc32(const unsigned char *data, size_t size)
{
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < size; i++) {
        crc ^= data[i];
        for (int bit = 0; bit < 8; bit++) {
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
        }
    }
    return crc ^ 0xFFFFFFFFu;
}

static void put_u32(unsigned char *out, uint32_t value)
{
    for (int i = 0; i < 4; i++) {
        out[i] = (unsigned char)(value >> (8 * i));
    }
}

static uint32_t get_u32(const unsigned char *in)
{
    return (uint32_t)in[0] | (uint32_t)in[1] << 8 | (uint32_t)in[2] << 16 | (uint32_t)in[3] << 24;
}

void leads_key_id(const unsigned char public_key[LEADS_KEY_BYTES], unsigned char id[LEADS_KEY_ID_BYTES])
{
    unsigned char hash[crypto_generichash_BYTES] = {0};
    crypto_generichash(hash, sizeof hash, public_key, LEADS_KEY_BYTES, NULL, 0);
    memcpy(id, hash, LEADS_KEY_ID_BYTES);
}

LeadsStatus leads_record_seal(const Lead *lead, const unsigned char public_key[LEADS_KEY_BYTES], unsigned char *out,
                              size_t size, size_t *length)
{
    unsigned char payload[LEAD_PAYLOAD_MAX] = {0};
    LeadsStatus status = LEADS_OK;
    size_t payload_length = lead_encode(lead, payload, sizeof payload);
    size_t box_length = payload_length + LEADS_SEAL_BYTES;
    size_t total = LEADS_HEADER_BYTES + box_length + LEADS_CRC_BYTES;

    *length = 0;
    if (payload_length == 0 || total > size) {
        status = LEADS_ERR_TOO_LONG;
        goto done;
    }
    memcpy(out, LEADS_MAGIC, MAGIC_BYTES);
    out[OFFSET_VERSION] = LEADS_VERSION;
    leads_key_id(public_key, out + OFFSET_KEY_ID);
    put_u32(out + OFFSET_LENGTH, (uint32_t)box_length);
    if (crypto_box_seal(out + LEADS_HEADER_BYTES, payload, payload_length, public_key) != 0) {
        status = LEADS_ERR_CRYPTO;
        goto done;
    }
    put_u32(out + LEADS_HEADER_BYTES + box_length, leads_crc32(out, LEADS_HEADER_BYTES + box_length));
    *length = total;
done:
    sodium_memzero(payload, sizeof payload);
    return status;
}

LeadsStatus leads_record_unseal(const unsigned char *record, size_t length,
                                const unsigned char public_key[LEADS_KEY_BYTES],
                                const unsigned char secret_key[LEADS_KEY_BYTES], Lead *lead)
{
    unsigned char payload[LEAD_PAYLOAD_MAX] = {0};
    unsigned char id[LEADS_KEY_ID_BYTES] = {0};
    LeadsStatus status = LEADS_OK;

    memset(lead, 0, sizeof *lead);
    if (length < LEADS_HEADER_BYTES + LEADS_BOX_MIN + LEADS_CRC_BYTES) {
        return LEADS_ERR_DAMAGED;
    }
    size_t box_length = length - LEADS_HEADER_BYTES - LEADS_CRC_BYTES;
    leads_key_id(public_key, id);
    if (memcmp(id, record + OFFSET_KEY_ID, sizeof id) != 0) {
        return LEADS_ERR_FOREIGN;
    }
    if (box_length - LEADS_SEAL_BYTES > sizeof payload ||
        crypto_box_seal_open(payload, record + LEADS_HEADER_BYTES, box_length, public_key, secret_key) != 0) {
        status = LEADS_ERR_DAMAGED;
        goto done;
    }
    if (!lead_decode(payload, box_length - LEADS_SEAL_BYTES, lead)) {
        status = LEADS_ERR_PAYLOAD;
    }
done:
    sodium_memzero(payload, sizeof payload);
    return status;
}

/* Is there a record at data[at]? */
static RecordLook record_at(const unsigned char *data, size_t size, size_t at, size_t *length)
{
    size_t left = size - at;
    size_t compare = left < MAGIC_BYTES ? left : MAGIC_BYTES;

    if (memcmp(data + at, LEADS_MAGIC, compare) != 0 || (left > OFFSET_VERSION && data[at + OFFSET_VERSION] != LEADS_VERSION)) {
        return LOOK_BAD;
    }
    if (left < LEADS_HEADER_BYTES) {
        return LOOK_SHORT;
    }
    uint32_t box_length = get_u32(data + at + OFFSET_LENGTH);
    if (box_length < LEADS_BOX_MIN || box_length > LEADS_BOX_MAX) {
        return LOOK_BAD;
    }
    size_t total = LEADS_HEADER_BYTES + (size_t)box_length + LEADS_CRC_BYTES;
    if (left < total) {
        return LOOK_SHORT;
    }
    if (leads_crc32(data + at, total - LEADS_CRC_BYTES) != get_u32(data + at + total - LEADS_CRC_BYTES)) {
        return LOOK_BAD;
    }
    *length = total;
    return LOOK_VALID;
}

/* The next offset after from where a whole valid record starts, or a record with a whole
 * valid header that the end of the data cuts short (a torn tail after damage), or size. A
 * shorter piece of a header is not taken: one byte 'F' in damage would look like one. */
static size_t resync(const unsigned char *data, size_t size, size_t from)
{
    for (size_t at = from; at + LEADS_HEADER_BYTES <= size; at++) {
        size_t length = 0;
        if (data[at] == (unsigned char)LEADS_MAGIC[0] && record_at(data, size, at, &length) != LOOK_BAD) {
            return at;
        }
    }
    return size;
}

size_t leads_scan(const unsigned char *data, size_t size, uint64_t base_offset, LeadsScanFn each, void *ctx)
{
    size_t at = 0;
    size_t safe_end = 0;

    while (at < size) {
        size_t length = 0;
        RecordLook look = record_at(data, size, at, &length);
        LeadsScanItem item = {.kind = LEADS_SCAN_RECORD, .offset = base_offset + at, .bytes = data + at};
        if (look == LOOK_VALID) {
            item.length = length;
            at += length;
            safe_end = at;
        } else {
            size_t next = resync(data, size, at + 1);
            /* Cut short and nothing after it: the last append did not finish. */
            item.kind = next == size && look == LOOK_SHORT ? LEADS_SCAN_TORN : LEADS_SCAN_DAMAGE;
            item.length = next - at;
            at = next;
        }
        if (!each(ctx, &item)) {
            break;
        }
    }
    return safe_end;
}
