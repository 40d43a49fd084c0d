#include "posix/thread.h"
#include <signal.h>
