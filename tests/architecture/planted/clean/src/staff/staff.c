#include "durable/fsio.h"
#include "core/deck.h"
#include <sodium.h>
#include <termios.h>
