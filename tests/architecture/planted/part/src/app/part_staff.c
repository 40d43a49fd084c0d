/* the staff part */
#include "app/part_staff.h"
