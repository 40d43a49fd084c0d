#include "content/content.h"
#include "core/deck.h"
#include <sqlite3.h>
#include <unistd.h>
