/* durable writes */
#include <sys/types.h>
