/* planted: visits/ includes render/ and app/ */
#include "render/screen.h"
#include "app/app.h"
