/* dlopen */
#include <dlfcn.h>
