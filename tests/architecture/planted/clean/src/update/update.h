/* updates */
#include "store/store.h"
