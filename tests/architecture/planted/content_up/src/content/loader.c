/* planted: content/ includes render/, update/, app/ */
#include "render/screen.h"
#include "update/update.h"
#include "app/app.h"
