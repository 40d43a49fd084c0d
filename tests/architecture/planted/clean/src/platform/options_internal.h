/* What the files of unit platform/options share among themselves: part of that unit, no circle. */
#include "platform/options.h"
