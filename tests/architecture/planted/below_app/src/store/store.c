/* planted: store/ includes app/ */
#include "app/app.h"
