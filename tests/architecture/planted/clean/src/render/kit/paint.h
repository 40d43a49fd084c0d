/* the paint kit, a subfolder of render/ */
#include "render/screen.h"
