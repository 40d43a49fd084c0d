/* planted: slides includes chrome back */
#include "render/slides.h"
#include "render/chrome.h"
