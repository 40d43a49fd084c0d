/* A unit's public header. */
#include "platform/log.h"
