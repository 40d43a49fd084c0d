/* planted: render/ includes update/ */
#include "update/update.h"
