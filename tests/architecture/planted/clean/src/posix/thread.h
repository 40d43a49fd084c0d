/* thread start */
#include <pthread.h>
