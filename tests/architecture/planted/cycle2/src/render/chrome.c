/* planted: chrome includes slides */
#include "render/chrome.h"
#include "render/slides.h"
