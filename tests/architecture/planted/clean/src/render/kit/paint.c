#include "paint.h"
