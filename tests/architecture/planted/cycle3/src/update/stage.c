/* stage: includes into the circle, not part of it */
#include "update/update.h"
#include "update/fault.h"
