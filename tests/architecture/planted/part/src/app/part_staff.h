/* part: staff */
#include "app/core.h"
