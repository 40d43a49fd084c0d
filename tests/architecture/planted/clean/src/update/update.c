#include "update/update.h"
#include "content/content.h"
#include "durable/fsio.h"
#include "posix/thread.h"
#include "platform/lazy_library.h"
#include <curl/curl.h>
#include <sodium.h>
