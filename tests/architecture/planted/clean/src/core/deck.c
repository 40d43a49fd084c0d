/* clean: only C standard headers; commented-out includes do not count:
#include <SDL2/SDL.h>
 */
#include "core/deck.h"
#include <math.h>
// #include <unistd.h>
  #  include <stdio.h>
static const char *s = "#include <sqlite3.h>";
