#include "durable/fsio.h"
#include <fcntl.h>
#include <unistd.h>
