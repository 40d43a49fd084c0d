/* planted: the internal header includes update.h: a circle of three */
#include "update/update.h"
