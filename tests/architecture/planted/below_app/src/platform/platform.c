/* planted: platform/ includes app/ */
#include "app/app.h"
