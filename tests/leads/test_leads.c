/* leads: sealing a lead for the cluster's key, appending it durably, reading the file back
 * with resynchronisation after damage, the CSV for staff, and the key files. Real files in a
 * temp folder and real libsodium boxes throughout. */
#define _POSIX_C_SOURCE 200809L
#define _GNU_SOURCE /* memmem */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "leads/lead.h"
#include "leads/leads_csv.h"
#include "leads/leads_file.h"
#include "leads/leads_open.h"
#include "leads/leads_record.h"
#include "store/store_paths.h"
#include "update/fixture.h"

enum {
    MANY_LEADS = 10000,
    CUT_ROUNDS = 200, /* last records tried cut at every byte */
};

typedef struct Env {
    char *dir;
    char file[FSIO_PATH_MAX];
    unsigned char public_key[LEADS_KEY_BYTES];
    unsigned char secret_key[LEADS_KEY_BYTES];
} Env;

static int setup(void **state)
{
    Env *env = calloc(1, sizeof *env);
    assert_non_null(env);
    assert_true(sodium_init() >= 0);
    env->dir = fixture_temp_dir();
    fixture_path(env->file, env->dir, STORE_LEADS_NAME);
    crypto_box_keypair(env->public_key, env->secret_key);
    *state = env;
    return 0;
}

static int teardown(void **state)
{
    Env *env = *state;
    fixture_remove_tree(env->dir);
    free(env->dir);
    free(env);
    return 0;
}

static void make_lead(Lead *lead, int n)
{
    char text[64] = {0};
    memset(lead, 0, sizeof *lead);
    snprintf(text, sizeof text, "2026-12-01T12:%02d:%02dZ", (n / 60) % 60, n % 60);
    lead_set(lead, LEAD_TIME, text);
    lead_set(lead, LEAD_KIOSK, "hall-a-left");
    lead_set(lead, LEAD_LANG, n % 3 == 0 ? "en" : n % 3 == 1 ? "sr-Latn" : "sr-Cyrl");
    snprintf(text, sizeof text, "Visitor %d Ђорђе", n);
    lead_set(lead, LEAD_NAME, text);
    lead_set(lead, LEAD_COMPANY, "Example Brand, d.o.o. \"Novi\"");
    snprintf(text, sizeof text, "visitor%d@example.org", n);
    lead_set(lead, LEAD_EMAIL, text);
    lead_set(lead, LEAD_COUNTRY, "Serbia");
    lead_set(lead, LEAD_INTEREST, "Example Brand");
    lead_set(lead, LEAD_CONSENT, "default-1");
}

/* Seals lead n and appends it; returns the record's size. */
static size_t append_lead(Env *env, int n)
{
    Lead lead;
    unsigned char record[LEADS_RECORD_MAX] = {0};
    size_t length = 0;
    make_lead(&lead, n);
    assert_int_equal(leads_record_seal(&lead, env->public_key, record, sizeof record, &length), LEADS_OK);
    assert_int_equal(leads_file_append(env->dir, STORE_LEADS_NAME, record, length), 0);
    return length;
}

typedef struct Problems {
    size_t count;
    char last[1024];
} Problems;

static void collect(void *ctx, const char *message)
{
    Problems *p = ctx;
    p->count++;
    snprintf(p->last, sizeof p->last, "%s", message);
}

/* leads_open_paths on env->file with the given key pair; the CSV into *csv (malloc'd). */
static LeadsOpenReport open_with(Env *env, const unsigned char *public_key, const unsigned char *secret_key,
                                 char **csv, Problems *problems)
{
    char *text = NULL;
    size_t text_size = 0;
    FILE *out = open_memstream(&text, &text_size);
    const char *paths[] = {env->file};
    LeadsOpenReport report = {.each = collect, .ctx = problems};
    assert_non_null(out);
    assert_true(leads_open_paths(paths, 1, public_key, secret_key, out, &report));
    fclose(out);
    *csv = text;
    return report;
}

static size_t count_rows(const char *csv)
{
    size_t rows = 0;
    for (const char *p = csv; (p = strstr(p, "\r\n")) != NULL; p += 2) {
        rows++;
    }
    return rows - 1; /* the heading */
}

/* Kiosk seals, staff opens: every field comes back, in a CSV Excel reads. */
static void round_trip(void **state)
{
    Env *env = *state;
    Problems problems = {0};
    char *csv = NULL;
    for (int n = 0; n < 3; n++) {
        append_lead(env, n);
    }
    LeadsOpenReport report = open_with(env, env->public_key, env->secret_key, &csv, &problems);
    assert_int_equal(report.leads, 3);
    assert_int_equal(report.problems, 0);
    assert_int_equal(report.files, 1);
    static const char HEAD[] = "\xEF\xBB\xBFtime,kiosk,lang,name,company,email,country,interest,consent\r\n";
    assert_memory_equal(csv, HEAD, sizeof HEAD - 1);
    assert_non_null(strstr(csv, "2026-12-01T12:00:01Z,hall-a-left,sr-Latn,Visitor 1 Ђорђе,"
                                "\"Example Brand, d.o.o. \"\"Novi\"\"\",visitor1@example.org,Serbia,"
                                "Example Brand,default-1\r\n"));
    assert_int_equal(count_rows(csv), 3);
    free(csv);

    /* The same file given twice, or copied twice to a stick: one row per lead. */
    char *text = NULL;
    size_t text_size = 0;
    FILE *out = open_memstream(&text, &text_size);
    const char *paths[] = {env->file, env->dir};
    LeadsOpenReport twice = {0};
    assert_true(leads_open_paths(paths, 2, env->public_key, env->secret_key, out, &twice));
    fclose(out);
    assert_int_equal(twice.leads, 3);
    assert_int_equal(twice.duplicates, 3);
    assert_int_equal(twice.files, 2);
    free(text);
}

/* Nothing of the plaintext is in the file. */
static void no_plaintext_on_disk(void **state)
{
    Env *env = *state;
    size_t size = 0;
    append_lead(env, 7);
    char *data = fixture_read_file(env->file, &size);
    assert_non_null(data);
    assert_null(memmem(data, size, "Visitor", 7));
    assert_null(memmem(data, size, "example.org", 11));
    assert_null(memmem(data, size, "Example Brand", 13));
    struct stat st = {0};
    assert_int_equal(stat(env->file, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    free(data);
}

/* Another key pair opens nothing and says "another key" for each record. */
static void wrong_key(void **state)
{
    Env *env = *state;
    unsigned char other_public[LEADS_KEY_BYTES] = {0};
    unsigned char other_secret[LEADS_KEY_BYTES] = {0};
    Problems problems = {0};
    char *csv = NULL;
    append_lead(env, 1);
    append_lead(env, 2);
    crypto_box_keypair(other_public, other_secret);
    LeadsOpenReport report = open_with(env, other_public, other_secret, &csv, &problems);
    assert_int_equal(report.leads, 0);
    assert_int_equal(report.problems, 2);
    assert_non_null(strstr(problems.last, "offset 325: record sealed for another key"));
    assert_int_equal(count_rows(csv), 0);
    free(csv);
}

/* One changed byte loses that record only; the ones after it are found again. */
static void tampered_byte(void **state)
{
    Env *env = *state;
    Problems problems = {0};
    char *csv = NULL;
    size_t first = append_lead(env, 1);
    append_lead(env, 2);
    append_lead(env, 3);
    fixture_flip_byte(env->file, (long)first + 100); /* inside the second record's box */
    LeadsOpenReport report = open_with(env, env->public_key, env->secret_key, &csv, &problems);
    assert_int_equal(report.leads, 2);
    assert_int_equal(report.problems, 1);
    assert_non_null(strstr(problems.last, "offset 325: 325 damaged bytes"));
    assert_non_null(strstr(csv, "Visitor 1 "));
    assert_null(strstr(csv, "Visitor 2 "));
    assert_non_null(strstr(csv, "Visitor 3 "));
    free(csv);
}

/* A changed byte with its CRC made right again: the box's MAC still refuses it. */
static void tampered_box_with_good_crc(void **state)
{
    Env *env = *state;
    size_t size = 0;
    append_lead(env, 1);
    unsigned char *data = (unsigned char *)fixture_read_file(env->file, &size);
    Lead lead;
    data[LEADS_HEADER_BYTES + 60] ^= 0x01;
    uint32_t crc = leads_crc32(data, size - LEADS_CRC_BYTES);
    for (int i = 0; i < 4; i++) {
        data[size - 4 + (size_t)i] = (unsigned char)(crc >> (8 * i));
    }
    assert_int_equal(leads_record_unseal(data, size, env->public_key, env->secret_key, &lead), LEADS_ERR_DAMAGED);
    assert_string_equal(lead.field[LEAD_NAME], "");
    free(data);
}

/* LeadsScanFn counting records and noting the last item. */
typedef struct Tally {
    size_t records, damaged, torn;
    LeadsScanItem last;
} Tally;

static bool tally(void *ctx, const LeadsScanItem *item)
{
    Tally *t = ctx;
    t->records += item->kind == LEADS_SCAN_RECORD;
    t->damaged += item->kind == LEADS_SCAN_DAMAGE;
    t->torn += item->kind == LEADS_SCAN_TORN;
    t->last = *item;
    return true;
}

/* The scan of data cut at every byte of its last record, last_start: the earlier records are
 * all there and the cut one is a torn tail. */
static void scan_every_cut(const unsigned char *data, size_t size, size_t last_start)
{
    for (size_t cut = last_start; cut < size; cut++) {
        Tally t = {0};
        size_t safe = leads_scan(data, cut, 0, tally, &t);
        assert_int_equal(t.records, 3);
        assert_int_equal(t.damaged, 0);
        assert_int_equal(t.torn, cut > last_start ? 1 : 0);
        assert_int_equal(safe, last_start);
    }
}

/* The file cut at every byte of its last record: every earlier record is kept, the cut one
 * is a torn tail, and leads_file_repair cuts exactly it off. The scan alone is tried on many
 * last records, whose random bytes may look like the start of a record in places. */
static void cut_at_every_offset(void **state)
{
    Env *env = *state;
    size_t size = 0;
    unsigned char *data = NULL;
    for (int n = 0; n < 4; n++) {
        append_lead(env, n);
    }
    size_t last_start = 0;
    for (int round = 0; round < CUT_ROUNDS; round++) {
        free(data);
        data = (unsigned char *)fixture_read_file(env->file, &size);
        last_start = size - 325;
        scan_every_cut(data, size, last_start);
        fixture_write_file(env->file, data, last_start);
        append_lead(env, 3);
    }
    for (size_t cut = last_start; cut < size; cut++) {
        Tally t = {0};
        size_t safe = leads_scan(data, cut, 0, tally, &t);
        assert_int_equal(t.records, 3);
        assert_int_equal(t.damaged, 0);
        assert_int_equal(t.torn, cut > last_start ? 1 : 0);
        assert_int_equal(safe, last_start);

        fixture_write_file(env->file, data, cut);
        size_t removed = 0;
        assert_int_equal(leads_file_repair(env->dir, STORE_LEADS_NAME, &removed), 0);
        assert_int_equal(removed, cut - last_start);
        struct stat st = {0};
        assert_int_equal(stat(env->file, &st), 0);
        assert_int_equal((size_t)st.st_size, last_start);
    }
    /* After a repair, appending goes on as if nothing happened. */
    append_lead(env, 9);
    Problems problems = {0};
    char *csv = NULL;
    LeadsOpenReport report = open_with(env, env->public_key, env->secret_key, &csv, &problems);
    assert_int_equal(report.leads, 4);
    assert_int_equal(report.problems, 0);
    assert_non_null(strstr(csv, "Visitor 9 "));
    free(csv);
    free(data);
}

/* Without a repair (a stick pulled during a copy), a torn record before later ones is damage
 * and `leads open` says where; the later records are still read. */
static void torn_record_in_the_middle(void **state)
{
    Env *env = *state;
    size_t size = 0;
    append_lead(env, 1);
    append_lead(env, 2);
    unsigned char *data = (unsigned char *)fixture_read_file(env->file, &size);
    fixture_write_file(env->file, data, size - 100);
    free(data);
    append_lead(env, 3);
    Problems problems = {0};
    char *csv = NULL;
    LeadsOpenReport report = open_with(env, env->public_key, env->secret_key, &csv, &problems);
    assert_int_equal(report.leads, 2);
    assert_int_equal(report.problems, 1);
    assert_non_null(strstr(problems.last, "offset 325: 225 damaged bytes"));
    free(csv);

    /* And a truncated tail is reported as such. */
    data = (unsigned char *)fixture_read_file(env->file, &size);
    fixture_write_file(env->file, data, size - 1);
    free(data);
    problems = (Problems){0};
    report = open_with(env, env->public_key, env->secret_key, &csv, &problems);
    assert_int_equal(report.leads, 1);
    assert_int_equal(report.problems, 2);
    assert_non_null(strstr(problems.last, "offset 550: the last record is cut short (324 bytes)"));
    free(csv);
}

/* Garbage before, between and after records; none of it stops the reader. */
static void garbage_around_records(void **state)
{
    Env *env = *state;
    size_t size = 0;
    fixture_write_file(env->file, "FKLRjunk-FKL", 12);
    append_lead(env, 1);
    unsigned char *data = (unsigned char *)fixture_read_file(env->file, &size);
    unsigned char *doubled = malloc(size * 2 + 40);
    memcpy(doubled, data, size);
    memcpy(doubled + size, "\0\0\0\0FKLR\1", 9);
    memcpy(doubled + size + 9, data + 12, size - 12);
    memset(doubled + size + 9 + size - 12, 0, 31);
    Tally t = {0};
    (void)leads_scan(doubled, size * 2 + 28, 0, tally, &t);
    assert_int_equal(t.records, 2);
    assert_int_equal(t.damaged, 3);
    assert_int_equal(t.torn, 0);
    free(doubled);
    free(data);
}

/* 10,000 leads appended one by one (each fsynced), then all opened. */
static void ten_thousand_leads(void **state)
{
    Env *env = *state;
    struct timespec start, appended, opened;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (int n = 0; n < MANY_LEADS; n++) {
        append_lead(env, n);
    }
    clock_gettime(CLOCK_MONOTONIC, &appended);
    Problems problems = {0};
    char *csv = NULL;
    LeadsOpenReport report = open_with(env, env->public_key, env->secret_key, &csv, &problems);
    clock_gettime(CLOCK_MONOTONIC, &opened);
    assert_int_equal(report.leads, MANY_LEADS);
    assert_int_equal(report.problems, 0);
    assert_int_equal(count_rows(csv), MANY_LEADS);
    struct stat st = {0};
    assert_int_equal(stat(env->file, &st), 0);
    printf("# %d leads: %lld bytes sealed (%lld per lead), CSV %zu bytes; appends %.1f s (with fsync each), "
           "open %.2f s\n",
           MANY_LEADS, (long long)st.st_size, (long long)st.st_size / MANY_LEADS, strlen(csv),
           (double)(appended.tv_sec - start.tv_sec) + (appended.tv_nsec - start.tv_nsec) / 1e9,
           (double)(opened.tv_sec - appended.tv_sec) + (opened.tv_nsec - appended.tv_nsec) / 1e9);
    free(csv);
}

/* The payload: escapes, unknown keys, padding, and what is not a lead. */
static void payload_encoding(void **state)
{
    (void)state;
    Lead lead = {0}, back = {0};
    unsigned char payload[LEAD_PAYLOAD_MAX] = {0};
    lead_set(&lead, LEAD_NAME, "two\nlines\\ and\ttab\x01");
    size_t length = lead_encode(&lead, payload, sizeof payload);
    assert_int_equal(length % LEAD_PAD_BYTES, 0);
    assert_true(lead_decode(payload, length, &back));
    assert_string_equal(back.field[LEAD_NAME], "two\nlines\\ and\ttab");

    /* Every field at its longest, all escapes: still fits. */
    for (int f = 0; f < LEAD_FIELD_COUNT; f++) {
        char longest[LEAD_FIELD_MAX];
        memset(longest, '\n', sizeof longest - 1);
        longest[sizeof longest - 1] = '\0';
        lead_set(&lead, (LeadField)f, longest);
    }
    assert_int_not_equal(lead_encode(&lead, payload, sizeof payload), 0);
    assert_int_equal(lead_encode(&lead, payload, 100), 0);

    static const char NEWER[] = "facts-kiosk-lead 1\nname=A\nshoe_size=44\n";
    assert_true(lead_decode((const unsigned char *)NEWER, sizeof NEWER, &back));
    assert_string_equal(back.field[LEAD_NAME], "A");
    static const char *const BAD[] = {"facts-kiosk-lead 2\nname=A\n", "facts-kiosk-lead 1\nname A\n",
                                      "facts-kiosk-lead 1\nname=\\x\n", "name=A\n"};
    for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++) {
        assert_false(lead_decode((const unsigned char *)BAD[i], strlen(BAD[i]), &back));
    }
    unsigned char padded[] = "facts-kiosk-lead 1\nname=A\n\0\0X";
    assert_false(lead_decode(padded, sizeof padded - 1, &back));

    /* A long name is cut on a character boundary. */
    char cyrillic[600] = {0};
    for (int i = 0; i < 290; i++) {
        memcpy(cyrillic + 2 * i, "Ж", 2);
    }
    lead_set(&lead, LEAD_NAME, cyrillic);
    assert_int_equal(strlen(lead.field[LEAD_NAME]), 254);
}

/* CSV cells: quoting as RFC 4180 asks and formulas defused. */
static void csv_cells(void **state)
{
    (void)state;
    static const struct {
        const char *in, *out;
    } CASES[] = {
        {"plain", "plain"},
        {"a,b", "\"a,b\""},
        {"say \"hi\"", "\"say \"\"hi\"\"\""},
        {"two\nlines", "\"two\nlines\""},
        {"=HYPERLINK(\"http://example.org\")", "\"'=HYPERLINK(\"\"http://example.org\"\")\""},
        {"+381 11 123", "\"'+381 11 123\""},
        {"-2+3", "\"'-2+3\""},
        {"@SUM(A1)", "\"'@SUM(A1)\""},
        {" padded ", "\" padded \""},
        {"Ђорђе", "Ђорђе"},
        {"", ""},
    };
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        char *text = NULL;
        size_t size = 0;
        FILE *out = open_memstream(&text, &size);
        assert_true(leads_csv_cell(out, CASES[i].in));
        fclose(out);
        assert_string_equal(text, CASES[i].out);
        free(text);
    }
}

/* Key files: made once (never overwritten), the secret one private, each refused for the other. */
static void key_files(void **state)
{
    Env *env = *state;
    char pub[FSIO_PATH_MAX], sec[FSIO_PATH_MAX];
    unsigned char public_key[LEADS_KEY_BYTES], secret_key[LEADS_KEY_BYTES], derived[LEADS_KEY_BYTES];
    struct stat st = {0};
    fixture_path(pub, env->dir, "leads.pub");
    fixture_path(sec, env->dir, "leads.key");
    assert_int_equal(leads_key_generate(pub, sec), 0);
    assert_int_equal(stat(sec, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    size_t size = 0;
    char *before = fixture_read_file(sec, &size);
    assert_int_equal(leads_key_generate(pub, sec), EEXIST);
    char *after = fixture_read_file(sec, &size);
    assert_string_equal(before, after);
    free(before);
    free(after);

    assert_int_equal(leads_key_read_public(pub, public_key), 0);
    assert_int_equal(leads_key_read_secret(sec, secret_key, derived), 0);
    assert_memory_equal(public_key, derived, sizeof derived);
    assert_int_equal(leads_key_read_public(sec, public_key), EINVAL);
    assert_int_equal(leads_key_read_secret(pub, secret_key, derived), EINVAL);
    char missing[FSIO_PATH_MAX];
    fixture_path(missing, env->dir, "none.pub");
    assert_int_equal(leads_key_read_public(missing, public_key), ENOENT);
    fixture_write_file(missing, LEADS_PUBLIC_KEY_LINE "\nAAAA\n", strlen(LEADS_PUBLIC_KEY_LINE) + 6);
    assert_int_equal(leads_key_read_public(missing, public_key), EINVAL);

    /* With only a new public key half-way (the secret key exists), nothing is replaced. */
    unlink(pub);
    assert_int_equal(leads_key_generate(pub, sec), EEXIST);
    assert_int_not_equal(stat(pub, &st), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(round_trip, setup, teardown),
        cmocka_unit_test_setup_teardown(no_plaintext_on_disk, setup, teardown),
        cmocka_unit_test_setup_teardown(wrong_key, setup, teardown),
        cmocka_unit_test_setup_teardown(tampered_byte, setup, teardown),
        cmocka_unit_test_setup_teardown(tampered_box_with_good_crc, setup, teardown),
        cmocka_unit_test_setup_teardown(cut_at_every_offset, setup, teardown),
        cmocka_unit_test_setup_teardown(torn_record_in_the_middle, setup, teardown),
        cmocka_unit_test_setup_teardown(garbage_around_records, setup, teardown),
        cmocka_unit_test_setup_teardown(ten_thousand_leads, setup, teardown),
        cmocka_unit_test(payload_encoding),
        cmocka_unit_test(csv_cells),
        cmocka_unit_test_setup_teardown(key_files, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
