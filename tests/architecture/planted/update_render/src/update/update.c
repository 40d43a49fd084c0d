/* planted: update/ includes render/ */
#include "render/screen.h"
