/* planted: leads/ includes render/ and app/ */
#include "render/screen.h"
#include "app/app.h"
