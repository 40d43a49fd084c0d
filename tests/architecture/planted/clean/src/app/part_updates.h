/* part: updates */
#include "app/core.h"
