/* planted: visits/ includes app/ */
#include "app/app.h"
