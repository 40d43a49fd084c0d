#include "platform/log.h"
#include "core/deck.h"
#include <SDL2/SDL.h>
#include <ini.h>
#include <X11/Xlib.h>
#include <espeak-ng/speak_lib.h>
