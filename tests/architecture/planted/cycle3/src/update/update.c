/* update */
#include "update/update.h"
