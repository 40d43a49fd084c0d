/* leads_record.h — a sealed lead on disk and how a file of them is read back.
 *
 * A leads file (leads.sealed in the state directory, <kiosk-id>-<date>.sealed on a stick) is
 * nothing but records one after the other. One record, all integers little-endian:
 *
 *   offset  size  field
 *   0       4     magic "FKLR"
 *   4       1     format version, 1
 *   5       8     key id: the first 8 bytes of BLAKE2b-256 of the X25519 public key it was
 *                 sealed for (tells "sealed for another key" from "damaged" without a try)
 *   13      4     N, the length of the sealed box, LEADS_BOX_MIN..LEADS_BOX_MAX
 *   17      N     crypto_box_seal(payload, public key): 32-byte ephemeral public key, then the
 *                 payload (lead.h, padded to a multiple of 256 bytes) with its 16-byte MAC
 *   17+N    4     CRC-32 (IEEE, as zlib) of bytes 0 .. 17+N-1
 *
 * A typical lead is 21 + 48 + 256 = 325 bytes. The CRC lets the kiosk, which has no secret
 * key, check the framing (to copy only whole records to a stick, and to cut off a record a
 * power cut left half-written); the box's MAC is what proves a record genuine to `leads open`.
 *
 * Reading (leads_scan) walks a file: a record whose magic, version, length and CRC are right
 * is a record; anything else is damage, and the reader looks for the next offset where a whole
 * valid record starts (resynchronises), so one bad byte loses one record, never the ones after
 * it. Damage that runs to the end of the file and begins like a record that is merely cut
 * short is reported as a torn tail (LEADS_SCAN_TORN): the last append did not finish. */
#ifndef FACTS_LEADS_LEADS_RECORD_H
#define FACTS_LEADS_LEADS_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "leads/lead.h"

#define LEADS_MAGIC "FKLR"

enum {
    LEADS_VERSION = 1,
    LEADS_KEY_BYTES = 32,      /* X25519 public or secret key */
    LEADS_KEY_ID_BYTES = 8,
    LEADS_HEADER_BYTES = 17,   /* magic, version, key id, length */
    LEADS_CRC_BYTES = 4,
    LEADS_SEAL_BYTES = 48,     /* crypto_box_SEALBYTES: ephemeral key + MAC */
    LEADS_BOX_MIN = LEADS_SEAL_BYTES + LEAD_PAD_BYTES,
    LEADS_BOX_MAX = LEADS_SEAL_BYTES + LEAD_PAYLOAD_MAX,
    LEADS_RECORD_MAX = LEADS_HEADER_BYTES + LEADS_BOX_MAX + LEADS_CRC_BYTES,
};

typedef enum LeadsStatus {
    LEADS_OK = 0,
    LEADS_ERR_TOO_LONG,   /* the lead does not fit in a payload */
    LEADS_ERR_CRYPTO,     /* libsodium failed (not initialised, out of memory) */
    LEADS_ERR_FOREIGN,    /* sealed for another key (the key id differs) */
    LEADS_ERR_DAMAGED,    /* the key id is ours but the box does not open: changed bytes */
    LEADS_ERR_PAYLOAD,    /* the box opened but its text is not a lead */
} LeadsStatus;

/* The key id of a public key (see the format above). */
void leads_key_id(const unsigned char public_key[LEADS_KEY_BYTES], unsigned char id[LEADS_KEY_ID_BYTES]);

/* Seals lead for public_key into one framed record in out (LEADS_RECORD_MAX bytes always
 * suffice); *length receives its size. The plaintext is wiped from memory before returning.
 * Needs sodium_init() first. Returns LEADS_OK, LEADS_ERR_TOO_LONG or LEADS_ERR_CRYPTO. */
LeadsStatus leads_record_seal(const Lead *lead, const unsigned char public_key[LEADS_KEY_BYTES], unsigned char *out,
                              size_t size, size_t *length);

/* Opens one framed record (as leads_scan reported it) with the key pair into *lead.
 * Returns LEADS_OK, LEADS_ERR_FOREIGN, LEADS_ERR_DAMAGED or LEADS_ERR_PAYLOAD. */
LeadsStatus leads_record_unseal(const unsigned char *record, size_t length,
                                const unsigned char public_key[LEADS_KEY_BYTES],
                                const unsigned char secret_key[LEADS_KEY_BYTES], Lead *lead);

/* What leads_scan found at one offset. */
typedef enum LeadsScanKind {
    LEADS_SCAN_RECORD = 0, /* a whole record with a good CRC */
    LEADS_SCAN_DAMAGE,     /* bytes that are not a record, up to the next record or the end */
    LEADS_SCAN_TORN,       /* the end of the data: the start of a record cut short */
} LeadsScanKind;

typedef struct LeadsScanItem {
    LeadsScanKind kind;
    uint64_t offset;             /* from the start of the data, plus the scan's base offset */
    size_t length;               /* bytes of the record, the damage or the torn tail */
    const unsigned char *bytes;  /* into the scanned data */
} LeadsScanItem;

/* Called for each item in file order; returns false to stop the scan. */
typedef bool (*LeadsScanFn)(void *ctx, const LeadsScanItem *item);

/* Walks data[0, size) as a sequence of records (see above), calling each for every record,
 * damaged span and torn tail. base_offset is added to every reported offset (when data is a
 * file read from there). Returns the offset (relative to data) just past the last whole
 * record before any torn tail: what is safe to copy, or where to cut a torn tail off. */
size_t leads_scan(const unsigned char *data, size_t size, uint64_t base_offset, LeadsScanFn each, void *ctx);

/* CRC-32 (IEEE 802.3, reflected, as zlib's crc32()) of data. */
uint32_t leads_crc32(const unsigned char *data, size_t size);

#endif
