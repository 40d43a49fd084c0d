/* the state directory */
#include "durable/fsio.h"
#include "platform/log.h"
