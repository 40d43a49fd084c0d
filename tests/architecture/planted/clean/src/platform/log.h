/* log */
#include <stdarg.h>
