#include "store/store.h"
#include "durable/fsio.h"
#include <sodium.h>
