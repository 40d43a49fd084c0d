#include "platform/options_internal.h"
