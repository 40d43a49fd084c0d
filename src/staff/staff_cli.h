/* staff_cli.h — `facts-kiosk staff set-pin [--config FILE]`: reads the new staff PIN twice
 * (from the terminal without echo, or two lines of standard input), checks it is 4 to 8
 * digits and both agree, and writes its hash into kiosk.conf's [staff] pin_hash
 * (staff_conf.h), keeping every other line. The PIN itself is never written anywhere. */
#ifndef FACTS_STAFF_STAFF_CLI_H
#define FACTS_STAFF_STAFF_CLI_H

#include <stdio.h>

/* Runs the verb with its arguments (after "staff set-pin"); the config file is
 * default_config unless --config names another. Reads in; prompts and problems go to err,
 * the result to out. Returns 0 when the PIN was set, 1 when nothing changed because of a
 * problem, 2 for a bad command line. */
int staff_cli_set_pin(int argc, char **argv, const char *default_config, FILE *in, FILE *out, FILE *err);

#endif
