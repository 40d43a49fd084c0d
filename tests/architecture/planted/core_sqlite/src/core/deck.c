/* planted: core/ includes SQLite */
#include <sqlite3.h>
