/* planted: render/ includes app/ */
#include "app/app.h"
