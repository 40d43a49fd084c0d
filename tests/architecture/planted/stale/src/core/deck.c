/* clean */
#include <stdio.h>
