#include "store/store.h"
#include "posix/thread.h"
#include <sqlite3.h>
