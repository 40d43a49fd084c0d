/* deck */
#include <stdbool.h>
