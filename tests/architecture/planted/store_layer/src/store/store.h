/* planted: store/ includes update/, platform/ beyond the log, SDL */
#include "platform/log.h"
#include "update/minisign.h"
#include "platform/options.h"
#include <SDL2/SDL.h>
