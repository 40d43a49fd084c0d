/* main.c — the facts-kiosk command line: verbs and wiring. */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--version") == 0) {
        printf("facts-kiosk %s\n", FACTS_VERSION);
        return 0;
    }
    fprintf(stderr, "usage: facts-kiosk [--version]\n");
    return 2;
}
