/* planted: core/ includes POSIX */
#include <stdint.h>
#include <unistd.h>
#include <sys/stat.h>
