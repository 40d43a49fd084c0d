/* leads_file.h — files of sealed records (leads_record.h) and the key files, with POSIX:
 * a durable append, reading a file back, cutting off the torn tail a power cut left, and
 * making, writing and reading the X25519 key pair.
 *
 * Key files are two lines of text, a name line and the key in base64 (libsodium's original
 * variant with padding):
 *
 *   facts-kiosk leads public key 1        facts-kiosk leads secret key 1
 *   <44 characters>                       <44 characters>
 *
 * The secret key file is written with mode 0600 and holds only the secret key; the public
 * key is derived from it. */
#ifndef FACTS_LEADS_LEADS_FILE_H
#define FACTS_LEADS_LEADS_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "leads/leads_record.h"

#define LEADS_PUBLIC_KEY_LINE "facts-kiosk leads public key 1"
#define LEADS_SECRET_KEY_LINE "facts-kiosk leads secret key 1"

enum {
    LEADS_FILE_MAX = 256 * 1024 * 1024, /* a larger leads file is not read (about 800,000 leads) */
    LEADS_KEY_FILE_MAX = 4096,
};

/* Appends length bytes (one record) to dir/name and makes them durable before returning:
 * the file is opened O_WRONLY | O_APPEND | O_CLOEXEC without following a symlink (created
 * with mode 0600 when absent, and then dir is fsynced too so that the new name survives a
 * power cut), written, fsynced and closed. A write that fails half-way is cut off again, so
 * the file never keeps a partial record from an error (a power cut may leave one: see
 * leads_file_repair). Returns 0 or an errno value. */
int leads_file_append(const char *dir, const char *name, const unsigned char *record, size_t length);

/* Reads the regular file path (never a symlink, FIFO or device) from byte from to its end
 * into a new buffer (*data, the caller frees it; NULL when empty) of *size bytes. A file
 * larger than LEADS_FILE_MAX gives EFBIG. from beyond the end reads nothing. Returns 0 or
 * an errno value (ENOENT when there is no file). */
int leads_file_read(const char *path, uint64_t from, unsigned char **data, size_t *size);

/* Cuts off a torn tail of dir/name (the start of a record that a power cut or a kill left
 * unfinished, LEADS_SCAN_TORN), fsyncing the file; damage elsewhere is left for the reader
 * to report. *removed (may be NULL) receives the bytes cut off. A missing file is fine.
 * Returns 0 or an errno value. */
int leads_file_repair(const char *dir, const char *name, size_t *removed);

/* Makes a new key pair and writes public_path (mode 0644) and secret_path (mode 0600). Refuses
 * (EEXIST) to overwrite either file; on any failure neither is left behind. Needs
 * sodium_init(). Returns 0 or an errno value. */
int leads_key_generate(const char *public_path, const char *secret_path);

/* Reads a public key file into public_key. Returns 0, EINVAL for a file that is not one
 * (wrong first line, bad base64, wrong length), or another errno value. */
int leads_key_read_public(const char *path, unsigned char public_key[LEADS_KEY_BYTES]);

/* Reads a secret key file into secret_key and derives public_key from it. Returns 0, EINVAL
 * for a file that is not one (a public key file given by mistake included), or an errno. */
int leads_key_read_secret(const char *path, unsigned char secret_key[LEADS_KEY_BYTES],
                          unsigned char public_key[LEADS_KEY_BYTES]);

#endif
