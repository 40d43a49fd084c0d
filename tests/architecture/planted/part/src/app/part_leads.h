/* part: leads */
#include "app/core.h"
