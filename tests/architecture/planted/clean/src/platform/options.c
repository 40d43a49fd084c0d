#include "platform/options.h"
#include "platform/options_internal.h"
