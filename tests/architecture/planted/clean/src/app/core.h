/* the shared core */
#include "render/screen.h"
#include "content/content.h"
