/* planted: durable/ includes the log, SQLite, libsodium */
#include <fcntl.h>
#include "platform/log.h"
#include <sqlite3.h>
#include <sodium.h>
