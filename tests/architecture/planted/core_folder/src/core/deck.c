/* planted: core/ includes another folder */
#include "core/deck.h"
#include "content/content.h"
#include "platform/log.h"
