#include "store/store.h"
#include "content/content.h"
#include "core/deck.h"
#include <sys/file.h>
