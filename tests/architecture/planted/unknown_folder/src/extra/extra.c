/* planted: a folder with no row */
#include <stdio.h>
