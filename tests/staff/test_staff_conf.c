/* test_staff_conf.c — kiosk.conf's [staff] pin_hash line set in text and in a real file:
 * every other line is kept byte for byte, the key is replaced (not duplicated), added after
 * the [staff] header or with a new section, CRLF files stay CRLF; the file keeps its mode; a
 * symlink is refused and left alone. Plus the panel's number formatting and the thermal
 * zone reader on a fake /sys/class/thermal. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "staff/staff_conf.h"
#include "staff/staff_info.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define HASH "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g"

static void expect(const char *in, const char *want)
{
    size_t len = 0;
    char *out = staff_conf_with_pin_hash(in, strlen(in), HASH, &len);
    assert_non_null(out);
    assert_string_equal(out, want);
    assert_int_equal(len, strlen(want));
    free(out);
}

static void test_text(void **state)
{
    (void)state;
    /* Replaced where it is, everything else kept. */
    expect("[kiosk]\nlang = en\n\n[staff]\n# the hash\npin_hash =\n\n[log]\nstats = true\n",
           "[kiosk]\nlang = en\n\n[staff]\n# the hash\npin_hash = " HASH "\n\n[log]\nstats = true\n");
    expect("[staff]\n  pin_hash : $argon2id$old\n", "[staff]\npin_hash = " HASH "\n");
    /* A pin_hash of another section, or commented out, is not the staff one. */
    expect("[kiosk]\npin_hash = x\n# pin_hash = y\n", "[kiosk]\npin_hash = x\n# pin_hash = y\n\n[staff]\npin_hash = " HASH "\n");
    /* [staff] without the key: right after the header. */
    expect("[staff]\n; nothing yet\n[log]\n", "[staff]\npin_hash = " HASH "\n; nothing yet\n[log]\n");
    expect("[ staff ]\n", "[ staff ]\npin_hash = " HASH "\n");
    /* No file, or no newline at its end. */
    expect("", "[staff]\npin_hash = " HASH "\n");
    expect("[kiosk]\nlang = en", "[kiosk]\nlang = en\n\n[staff]\npin_hash = " HASH "\n");
    /* CRLF stays CRLF. */
    expect("[kiosk]\r\nlang = en\r\n[staff]\r\npin_hash =\r\n", "[kiosk]\r\nlang = en\r\n[staff]\r\npin_hash = " HASH "\r\n");
    expect("[kiosk]\r\n", "[kiosk]\r\n\r\n[staff]\r\npin_hash = " HASH "\r\n");
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static char buffer[8192];
    size_t n = fread(buffer, 1, sizeof buffer - 1, f);
    buffer[n] = '\0';
    fclose(f);
    return buffer;
}

static void test_file(void **state)
{
    (void)state;
    char dir[] = "/tmp/staff-conf-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    char link[256];
    char why[512] = "";
    snprintf(path, sizeof path, "%s/kiosk.conf", dir);
    snprintf(link, sizeof link, "%s/link.conf", dir);
    FILE *f = fopen(path, "w");
    fputs("[kiosk]\nlang = sr-Latn\n", f);
    fclose(f);
    assert_int_equal(chmod(path, 0640), 0);
    assert_true(staff_conf_set_pin_hash(path, HASH, why, sizeof why));
    assert_string_equal(read_all(path), "[kiosk]\nlang = sr-Latn\n\n[staff]\npin_hash = " HASH "\n");
    struct stat st = {0};
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 07777, 0640);
    /* A second time replaces the line; a kiosk.conf.tmp beside it is someone else's file (the
     * temp file is the process's own), left as it was. */
    char other[300];
    snprintf(other, sizeof other, "%s.tmp", path);
    f = fopen(other, "w");
    assert_non_null(f);
    fputs("not the kiosk's", f);
    fclose(f);
    assert_true(staff_conf_set_pin_hash(path, "$argon2id$second", why, sizeof why));
    assert_string_equal(read_all(path), "[kiosk]\nlang = sr-Latn\n\n[staff]\npin_hash = $argon2id$second\n");
    assert_string_equal(read_all(other), "not the kiosk's");
    assert_int_equal(unlink(other), 0);
    /* A symlink is refused and neither it nor its target change. */
    assert_int_equal(symlink(path, link), 0);
    assert_false(staff_conf_set_pin_hash(link, HASH, why, sizeof why));
    assert_non_null(strstr(why, "symbolic link"));
    assert_string_equal(read_all(path), "[kiosk]\nlang = sr-Latn\n\n[staff]\npin_hash = $argon2id$second\n");
    /* A missing file is created; a missing folder is an error. */
    unlink(path);
    assert_true(staff_conf_set_pin_hash(path, HASH, why, sizeof why));
    assert_string_equal(read_all(path), "[staff]\npin_hash = " HASH "\n");
    char missing[300];
    snprintf(missing, sizeof missing, "%s/none/kiosk.conf", dir);
    assert_false(staff_conf_set_pin_hash(missing, HASH, why, sizeof why));
    assert_non_null(strstr(why, "No such file"));
    /* Nothing is left behind beside the file. */
    unlink(link);
    unlink(path);
    assert_int_equal(rmdir(dir), 0);
}

static void test_formatting(void **state)
{
    (void)state;
    char text[64];
    staff_format_bytes(512, text, sizeof text);
    assert_string_equal(text, "512 B");
    staff_format_bytes(3400000000ull, text, sizeof text);
    assert_string_equal(text, "3.4 GB");
    staff_format_bytes(271000000000ull, text, sizeof text);
    assert_string_equal(text, "271 GB");
    staff_format_duration(45, text, sizeof text);
    assert_string_equal(text, "45 s");
    staff_format_duration(12 * 60 + 5, text, sizeof text);
    assert_string_equal(text, "12 min");
    staff_format_duration(3 * 3600 + 5 * 60, text, sizeof text);
    assert_string_equal(text, "3 h 05 min");
    staff_format_duration(2 * 86400 + 4 * 3600 + 59, text, sizeof text);
    assert_string_equal(text, "2 d 04 h");
    uint64_t free_bytes = 0;
    uint64_t total = 0;
    assert_true(staff_info_free_space("/tmp", &free_bytes, &total));
    assert_true(total > 0 && free_bytes <= total);
    assert_false(staff_info_free_space("/nonexistent/folder", &free_bytes, &total));
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void test_temperature(void **state)
{
    (void)state;
    char dir[] = "/tmp/staff-thermal-XXXXXX";
    assert_non_null(mkdtemp(dir));
    double celsius = 1.0;
    assert_false(staff_info_temperature(dir, &celsius)); /* no zones: a virtual machine */
    assert_true(celsius == 0.0);
    char path[256];
    snprintf(path, sizeof path, "%s/thermal_zone0", dir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/thermal_zone0/temp", dir);
    write_file(path, "garbage\n"); /* a zone without a working sensor */
    snprintf(path, sizeof path, "%s/thermal_zone1", dir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/thermal_zone1/temp", dir);
    write_file(path, "48312\n");
    assert_true(staff_info_temperature(dir, &celsius));
    assert_true(celsius > 48.3 && celsius < 48.32);
    unlink(path);
    snprintf(path, sizeof path, "%s/thermal_zone0/temp", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/thermal_zone1", dir);
    rmdir(path);
    snprintf(path, sizeof path, "%s/thermal_zone0", dir);
    rmdir(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text),
        cmocka_unit_test(test_file),
        cmocka_unit_test(test_formatting),
        cmocka_unit_test(test_temperature),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
