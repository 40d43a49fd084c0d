/* planted: update/ includes app/ */
#include "app/app.h"
