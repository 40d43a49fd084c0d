/* a known violation, allowlisted */
#include <unistd.h>
