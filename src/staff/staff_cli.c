/* staff_cli.c — the `staff set-pin` verb; see staff_cli.h. */
#define _POSIX_C_SOURCE 200809L
#include "staff/staff_cli.h"

#include "staff/staff_conf.h"
#include "staff/staff_pin.h"

#include <sodium.h>
#include <stdbool.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

enum { EXIT_SET = 0, EXIT_NOTHING_CHANGED = 1, EXIT_USAGE = 2, LINE_MAX_BYTES = 64 };

/* One line of in without its line end; with echo off when in is a terminal. false at the
 * end of input or for an over-long line. */
static bool read_pin(FILE *in, FILE *err, const char *prompt, char *out, size_t size)
{
    int fd = fileno(in);
    struct termios saved = {0};
    bool tty = isatty(fd) && tcgetattr(fd, &saved) == 0;
    if (tty) {
        struct termios quiet = saved;
        quiet.c_lflag &= ~(tcflag_t)ECHO;
        tcsetattr(fd, TCSAFLUSH, &quiet);
        fprintf(err, "%s", prompt);
        fflush(err);
    }
    bool ok = fgets(out, (int)size, in) != NULL;
    if (tty) {
        tcsetattr(fd, TCSAFLUSH, &saved);
        fprintf(err, "\n");
    }
    size_t n = ok ? strcspn(out, "\r\n") : 0;
    if (ok && out[n] == '\0' && !feof(in)) {
        ok = false; /* no line end within size: too long to be a PIN */
    }
    out[n] = '\0';
    return ok;
}

int staff_cli_set_pin(int argc, char **argv, const char *default_config, FILE *in, FILE *out, FILE *err)
{
    const char *config = default_config;
    char first[LINE_MAX_BYTES] = "";
    char second[LINE_MAX_BYTES] = "";
    char hash[STAFF_PIN_HASH_MAX] = "";
    char why[4200] = "";
    int status = EXIT_NOTHING_CHANGED;
    if (argc == 2 && strcmp(argv[0], "--config") == 0) {
        config = argv[1];
    } else if (argc == 1 && strncmp(argv[0], "--config=", 9) == 0) {
        config = argv[0] + 9;
    } else if (argc != 0) {
        fprintf(err, "usage: facts-kiosk staff set-pin [--config FILE]\n");
        return EXIT_USAGE;
    }
    if (!read_pin(in, err, "New staff PIN (4 to 8 digits): ", first, sizeof first) ||
        !read_pin(in, err, "The same PIN again: ", second, sizeof second)) {
        fprintf(err, "staff set-pin: the PIN was not given twice; nothing changed\n");
        goto done;
    }
    if (strcmp(first, second) != 0) {
        fprintf(err, "staff set-pin: the two PINs differ; nothing changed\n");
        goto done;
    }
    if (!staff_pin_valid(first)) {
        fprintf(err, "staff set-pin: a staff PIN is %d to %d digits (0-9) and nothing else; nothing changed\n",
                STAFF_PIN_MIN_DIGITS, STAFF_PIN_MAX_DIGITS);
        goto done;
    }
    if (!staff_pin_hash(first, hash, sizeof hash)) {
        fprintf(err, "staff set-pin: libsodium could not hash the PIN (out of memory?); nothing changed\n");
        goto done;
    }
    if (!staff_conf_set_pin_hash(config, hash, why, sizeof why)) {
        fprintf(err, "staff set-pin: %s; nothing changed\n", why);
        goto done;
    }
    fprintf(out, "staff set-pin: the staff PIN is set in %s; it takes effect when the kiosk restarts "
                 "(systemctl restart facts-kiosk)\n", config);
    status = EXIT_SET;
done:
    sodium_memzero(first, sizeof first);
    sodium_memzero(second, sizeof second);
    return status;
}
