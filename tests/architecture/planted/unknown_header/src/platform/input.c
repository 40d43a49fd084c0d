/* planted: a header the checker cannot place */
#include <zlib.h>
