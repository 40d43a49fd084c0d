#include "content/content.h"
#include <sqlite3.h>
