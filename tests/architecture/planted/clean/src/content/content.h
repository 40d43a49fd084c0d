/* content */
#include "core/deck.h"
