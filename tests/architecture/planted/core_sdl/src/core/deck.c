/* planted: core/ includes SDL */
#include <stdio.h>
#include <SDL2/SDL.h>
