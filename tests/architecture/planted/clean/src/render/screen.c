#include "render/screen.h"
#include "content/content.h"
#include "platform/lazy_library.h"
#include <SDL2/SDL_ttf.h>
#include <qrencode.h>
