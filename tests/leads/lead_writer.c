/* lead_writer — a stand-in for the kiosk's side of the leads file, for leads_cli.sh:
 *   lead_writer PUBLIC_KEY STATE_DIR FIRST COUNT
 * repairs STATE_DIR/leads.sealed as the kiosk does at start, then seals leads FIRST,
 * FIRST+1, ... (COUNT of them; 0 = until killed) with leads_record_seal and appends each with
 * leads_file_append, printing "N" on its own line once lead N is durable. The shell test
 * kills it with SIGKILL at random moments and checks that every printed lead is in the CSV. */
#define _POSIX_C_SOURCE 200809L
#include "leads/leads_file.h"
#include "leads/leads_record.h"
#include "store/store_paths.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    unsigned char public_key[LEADS_KEY_BYTES] = {0};
    unsigned char record[LEADS_RECORD_MAX] = {0};
    size_t removed = 0;
    if (argc != 5) {
        fprintf(stderr, "usage: lead_writer PUBLIC_KEY STATE_DIR FIRST COUNT\n");
        return 2;
    }
    long first = strtol(argv[3], NULL, 10);
    long count = strtol(argv[4], NULL, 10);
    if (sodium_init() < 0 || leads_key_read_public(argv[1], public_key) != 0) {
        fprintf(stderr, "lead_writer: cannot load %s\n", argv[1]);
        return 1;
    }
    if (leads_file_repair(argv[2], STORE_LEADS_NAME, &removed) != 0) {
        fprintf(stderr, "lead_writer: cannot repair\n");
        return 1;
    }
    if (removed) {
        fprintf(stderr, "lead_writer: cut off a torn tail of %zu bytes\n", removed);
    }
    for (long n = first; count == 0 || n < first + count; n++) {
        Lead lead = {0};
        char text[LEAD_FIELD_MAX] = {0};
        size_t length = 0;
        lead_set(&lead, LEAD_TIME, "2026-12-01T10:00:00Z");
        lead_set(&lead, LEAD_KIOSK, "writer");
        snprintf(text, sizeof text, "Writer Visitor %ld", n);
        lead_set(&lead, LEAD_NAME, text);
        snprintf(text, sizeof text, "writer%ld@example.org", n);
        lead_set(&lead, LEAD_EMAIL, text);
        if (leads_record_seal(&lead, public_key, record, sizeof record, &length) != LEADS_OK ||
            leads_file_append(argv[2], STORE_LEADS_NAME, record, length) != 0) {
            fprintf(stderr, "lead_writer: append failed at %ld\n", n);
            return 1;
        }
        printf("%ld\n", n);
        fflush(stdout);
    }
    return 0;
}
